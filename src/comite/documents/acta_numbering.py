"""Numbered sections and paragraphs on the acta's drafts, for the delegates' review.

A delegate who reads a draft writes "5.30, párrafo 2": section 5.30 (the
thirtieth case of section 5) and its second block of content. Every block of
a numbered section (a paragraph, a table, a list) gets its number in the left
margin (``5.30 ¶2``), so the numbering costs no line of the layout and the
draft's pages are those of the acta without it.

The numbers are also written into the PDF as named destinations
(``rev-5.30-2``; ``rev-5.30-0`` is the section's heading) at the top of each
block, and the sections as the document's outline (the reader's bookmarks
pane). :func:`anchors` reads the destinations back from a stored draft and
:func:`locate` tells which section and paragraph a point of a page falls in:
that is how a comment written in a returned PDF is placed
(:mod:`comite.services.review`).

Only the story is touched (:func:`number_story`, applied to a draft's
flowables): the renderer that writes the acta's content knows nothing of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFObjectReference
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from comite.documents import pdf_common as pc

PREFIX = "rev-"
PREAMBLE = ""
"""The section of what comes before section 1 (title and session data)."""

_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")
_HEADING_STYLES = {"h1": 0, "h2": 1}  # pdf_common.styles(): numbered headings, outline level
_LABEL_FONT_SIZE = 6.5
_LABEL_GAP = 5.0  # points between the label and the text


def anchor_name(section: str, paragraph: int) -> str:
    return f"{PREFIX}{section}-{paragraph}"


def reference(section: str, paragraph: int | None) -> str:
    """``"5.30, párrafo 2"``; ``"5.30"`` for the heading; ``"Encabezado"`` before section 1."""
    if not section:
        return "Encabezado"
    return f"{section}, párrafo {paragraph}" if paragraph else section


class _Marked(Flowable):
    """``content`` laid out as is, with its number in the margin and a named
    destination (plus, for a heading, an outline entry) at its top. A part
    split off to the next page carries neither: the number marks where the
    block starts."""

    def __init__(self, content: Flowable, section: str, paragraph: int,
                 outline: tuple[str, int] | None = None) -> None:
        super().__init__()
        self.content = content
        self.section = section
        self.paragraph = paragraph
        self.outline = outline
        self.hAlign = getattr(content, "hAlign", "LEFT")

    def __repr__(self) -> str:
        return f"_Marked({self.section}/{self.paragraph}, {self.content!r})"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self.content.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = self.content.splitOn(self.canv, availWidth, availHeight)
        if not parts:
            return []
        return [_Marked(parts[0], self.section, self.paragraph, self.outline), *parts[1:]]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab API
        return self.content.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab API
        return self.content.getSpaceAfter()

    def draw(self) -> None:
        canv = self.canv
        self.content.drawOn(canv, 0, 0)
        left, top = canv.absolutePosition(0, self.height)
        name = anchor_name(self.section, self.paragraph)
        # The page is named by its number: pages of a "Página X de Y" document are
        # added to the file only when it is saved (pdf_common.NumberedCanvas), so
        # the canvas's own reference to "the current page" is not known yet.
        dest = canv.bookmarkHorizontalAbsolute(name, top, left=pc.MARGIN)
        dest.setPage(PDFObjectReference(f"Page{canv.getPageNumber()}"))
        _named(canv)[name] = dest
        if self.outline is not None:
            title, level = self.outline
            canv.addOutlineEntry(title, name, level, closed=level == 0 and self.section == "5")
        if self.paragraph:
            canv.saveState()
            canv.setFont(pc.FONT, _LABEL_FONT_SIZE)
            canv.setFillColor(pc.MUTED)
            # In the page's left margin whatever the block's indent.
            x = pc.MARGIN - _LABEL_GAP - left
            canv.drawRightString(x, self.height - _LABEL_FONT_SIZE - 1.5,
                                 f"{self.section} ¶{self.paragraph}")
            canv.restoreState()


def _named(canv) -> dict:
    """The document's named destinations (the catalogue's ``/Dests``, which reportlab
    leaves unwritten: its bookmarks serve its own links and outline only)."""
    catalog = canv._doc.Catalog
    dests = getattr(catalog, "Dests", None)
    if dests is None:
        dests = catalog.Dests = PDFDictionary({})
    return dests.dict


def _heading(f: Flowable) -> tuple[str, int] | None:
    """A numbered section's heading: its number and outline level."""
    if not isinstance(f, Paragraph):
        return None
    level = _HEADING_STYLES.get(getattr(f.style, "name", ""))
    if level is None:
        return None
    m = _NUMBERED_HEADING.match(f.getPlainText())
    return (m.group(1), level) if m else None


class _Counter:
    def __init__(self) -> None:
        self.section = PREAMBLE
        self.paragraph = 0

    def mark(self, story: Iterable[Flowable]) -> list[Flowable]:
        out: list[Flowable] = []
        for f in story:
            heading = _heading(f)
            if heading is not None:
                self.section, level = heading
                self.paragraph = 0
                out.append(_Marked(f, self.section, 0, (f.getPlainText().strip(), level)))
            elif isinstance(f, KeepTogether):
                out.append(KeepTogether(self.mark(f._content), f._maxHeight))
            elif isinstance(f, CondPageBreak | Spacer) or not self.section:
                out.append(f)  # layout only, or the title block before section 1
            elif isinstance(f, Paragraph) and getattr(f.style, "name", "") == "h3":
                out.append(f)  # a sub-heading inside a section: its paragraphs go on counting
            else:
                self.paragraph += 1
                out.append(_Marked(f, self.section, self.paragraph))
        return out


def number_story(story: Sequence[Flowable]) -> list[Flowable]:
    """``story`` with its numbered sections' blocks numbered (see the module's text)."""
    return _Counter().mark(story)


# -- reading the numbers back -----------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Anchor:
    page: int  # 1-based
    neg_top: float  # minus the top (points from the bottom): sorts in reading order
    section: str
    paragraph: int

    @property
    def top(self) -> float:
        return -self.neg_top


def anchors(pdf: bytes) -> list[Anchor]:
    """The numbered blocks of a draft, in reading order (empty for a PDF without them)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    out = []
    for name, dest in reader.named_destinations.items():
        name = str(name).lstrip("/")
        if not name.startswith(PREFIX):
            continue
        section, _, paragraph = name[len(PREFIX):].rpartition("-")
        if not paragraph.isdigit():
            continue
        index = reader.get_destination_page_number(dest)
        if index is None:  # a destination to no page of this file
            continue
        page = index + 1
        top = float(dest.top) if dest.top is not None else 0.0
        out.append(Anchor(page, -top, section, int(paragraph)))
    return sorted(out)


def locate(marks: Sequence[Anchor], page: int, y: float) -> tuple[str, int | None]:
    """Section and paragraph of the point ``y`` (points from the bottom) of ``page`` (1-based):
    the last block that starts above it, on this page or an earlier one. ``(PREAMBLE, None)``
    before the first block; paragraph ``None`` on a section's heading."""
    point = (page, -y + 0.5)  # half a point of slack for the rounding of the rects
    found = None
    for mark in marks:
        if (mark.page, mark.neg_top) > point:
            break
        found = mark
    if found is None:
        return PREAMBLE, None
    return found.section, found.paragraph or None
