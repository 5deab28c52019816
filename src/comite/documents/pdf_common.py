"""What every PDF of the application shares: fonts, styles, page chrome.

* Fonts: DejaVu Sans (regular and bold), embedded, so that Spanish text
  (á é í ó ú ñ ü ¿ ¡) prints and copies correctly on any machine. Registered
  once per process (:func:`register_fonts` is cached; reportlab's font
  registry is process-wide anyway).
* Styles: one immutable set of paragraph and table styles (:func:`styles`,
  cached), so builders never create a style per cell.
* Page chrome (:class:`PageChrome`): the entity's formal header (entity,
  process, document title, code, version, date, "Página X de Y", as in the
  entity's procedures), the RESERVADO mark and legal note on every page, and
  on drafts a diagonal BORRADOR watermark with the version. Header and
  footer are drawn once per document into a form XObject every page refers to.
* "Página X de Y" needs the total before any page is written:
  :class:`NumberedCanvas` holds the finished pages and stamps the numbers when
  the document is saved (one layout pass, not two).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import _wsc
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from comite.documents.data import DEFAULT_RESERVE_NOTE, DocumentHeader, Signatory
from comite.documents.spanish import date_short
from comite.paths import fonts_dir
from comite.text import printable

# Streams are written Flate-compressed in binary, without the ASCII85 armour
# on top: the armour only served 7-bit transports, makes files a quarter
# larger, and its pure-Python encoder took ~10% of building a long acta.
# reportlab reads this process-wide when it writes each stream, so every PDF
# of the process (the benchmark's plain baseline too) is written the same way.
rl_config.useA85 = 0

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_SIZE = letter  # Colombian offices print on Letter
MARGIN = 2 * cm
HEADER_TOP = 1.2 * cm  # from the top edge to the header box
HEADER_ROW = 17.0  # points
HEADER_HEIGHT = 3 * HEADER_ROW
FOOTER_HEIGHT = 1.3 * cm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN

# Modest palette: institutional navy, greys, a dark red for the reserve mark.
NAVY = colors.HexColor("#1F3A5F")
HEAD_BG = colors.HexColor("#DCE4EE")
LABEL_BG = colors.HexColor("#EEF2F6")
ZEBRA = colors.HexColor("#F7F9FB")
GRID = colors.HexColor("#9AA5B1")
MUTED = colors.HexColor("#555F6B")
RESERVED_RED = colors.HexColor("#8B1A1A")
WATERMARK = colors.HexColor("#B03030")

RESERVE_NOTE_SIZES = (6.3, 5.8, 5.4)  # the footer note takes the largest that fits in two lines

Output = Path | str | BinaryIO


# -- fonts --------------------------------------------------------------------


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the embedded TTF fonts once; returns ``(regular, bold)`` names."""
    folder = fonts_dir()
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    return FONT, FONT_BOLD


# -- text ---------------------------------------------------------------------


def esc(text: str | None) -> str:
    """Plain text -> safe Paragraph markup (escapes ``& < >``; newlines -> ``<br/>``)."""
    if not text:
        return ""
    return escape(printable(text).strip()).replace("\r\n", "\n").replace("\n", "<br/>")


def chunks(text: str | None) -> list[str]:
    """Split free text into paragraphs on blank lines (plain text, stripped)."""
    if not text:
        return []
    return [c.strip() for c in text.replace("\r\n", "\n").split("\n\n") if c.strip()]


class TextParagraph(Paragraph):
    """A Paragraph that keeps its line breaks for each width it was wrapped to.

    A table wraps every cell to size its rows, again when it splits across
    pages and again when it draws; the breaks depend only on the width. Twins
    (:meth:`twin`, the same text in the same style) share what they learn:
    an acta repeats its labels, column titles, levels and entity names in
    every case, and each is broken into lines once per width.
    """

    _wraps: dict[float, tuple]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        memo = self.__dict__.get("_wraps")
        if memo is None:  # a part split off by reportlab, built without text_para
            memo = self._wraps = {}
        hit = memo.get(availWidth)
        if hit is not None:
            self.width, self._wrapWidths, self.blPara, self.height, self.frags = hit
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        # breakLines may replace the fragments with its word list: the splits read that one
        memo[availWidth] = (self.width, self._wrapWidths, self.blPara, self.height, self.frags)
        return size

    def twin(self) -> TextParagraph:
        """A new flowable with this one's text and style and the same memo of wraps
        (a flowable is laid out at one place: the layout marks it, e.g. when it is
        postponed to the next page, so a repeated text needs its own object)."""
        twin = TextParagraph.__new__(TextParagraph)
        for name in ("text", "frags", "style", "bulletText", "debug", "caseSensitive", "encoding", "_wraps"):
            setattr(twin, name, getattr(self, name))
        return twin


_SHARED: ContextVar[dict[tuple, TextParagraph] | None] = ContextVar("comite_shared_paragraphs", default=None)


@contextmanager
def shared_paragraphs() -> Iterator[None]:
    """While it lasts, :func:`text_para` makes each repeated text (same runs, same
    style) a twin of the first, which shares its fragments and line breaks.

    Scoped to one document, so nothing is kept from one document to the next."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


Run = str | tuple[str, str]
"""Plain text in the style's font, or ``(text, kind)``: kind ``"b"`` is bold,
``"note"`` the small muted second line of a table cell."""

_KIND_MARKUP = {"": "{}", "b": "<b>{}</b>", "note": "<font size=6.8 color='#555F6B'>{}</font>"}
_WHITESPACE = re.compile(f"[{re.escape(_wsc)}]+")


def _run(run: Run) -> tuple[str, str]:
    text, kind = (run, "") if isinstance(run, str) else run
    return printable(text).replace("\r\n", "\n"), kind


def markup(*runs: Run) -> str:
    """The Paragraph markup for ``runs`` (text escaped, newlines as ``<br/>``)."""
    out = []
    for run in runs:
        text, kind = _run(run)
        out.append(_KIND_MARKUP[kind].format(escape(text).replace("\n", "<br/>")))
    return "".join(out)


@functools.cache
def _frag_template(style: ParagraphStyle, kind: str) -> ParaFrag:
    _, frags, _ = ParaParser().parse(_KIND_MARKUP[kind].format("x"), style)
    return frags[0]


def text_para(style: ParagraphStyle, *runs: Run) -> Paragraph:
    """``Paragraph(markup(*runs), style)`` without the markup parser.

    The fragments are cloned from ones the parser made once per style and
    kind, so the paragraph looks the same; skipping the parse saves most of
    the cost of building the many short cells of an acta. Within
    :func:`shared_paragraphs`, a text already made is not made again (a twin).
    """
    shared = _SHARED.get()
    if shared is None:
        return _new_text_para(style, runs)
    key = (style, runs)  # the style is hashed by identity, and kept alive by the key
    para = shared.get(key)
    if para is None:
        para = shared[key] = _new_text_para(style, runs)
        return para
    return para.twin()


def _new_text_para(style: ParagraphStyle, runs: tuple[Run, ...]) -> TextParagraph:
    frags: list[ParaFrag] = []
    pieces: list[str] = []
    for run in runs:
        text, kind = _run(run)
        template = _frag_template(style, kind)
        for i, line in enumerate(text.split("\n")):
            if i:
                frags.append(template.clone(text="", lineBreak=True, __tag__="br"))
            line = _WHITESPACE.sub(" ", line)
            if line:
                frags.append(template.clone(text=line))
                pieces.append(line)
    # As the parser's cleaner does: no blanks at either end of the text.
    for end, strip in ((0, str.lstrip), (-1, str.rstrip)):
        if frags and not getattr(frags[end], "lineBreak", False):
            frags[end].text = strip(frags[end].text, _wsc)
            if not frags[end].text:
                del frags[end]
    para = TextParagraph(" ".join(pieces), style, frags=frags) if frags else TextParagraph("", style)
    para._wraps = {}
    return para


def nbsp(text: str) -> str:
    """Keep short units together when a cell wraps (``9:30 a. m.``, ``67,50 %``)."""
    return text.replace(" ", "\u00a0")


# -- styles -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    body_left: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    badge: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_center: ParagraphStyle
    kv_label: ParagraphStyle
    sign: ParagraphStyle
    header_entity: ParagraphStyle
    header_main: ParagraphStyle
    header_side: ParagraphStyle
    header_process: ParagraphStyle
    header_reserved: ParagraphStyle
    data_table: TableStyle
    kv_table: TableStyle
    plain_table: TableStyle


@functools.cache
def styles() -> Styles:
    """The one style set (built once per process; styles are never mutated)."""
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=9.5,
        leading=13,
        alignment=TA_JUSTIFY,
        spaceAfter=5,
    )
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10, alignment=TA_LEFT)
    header_base = ParagraphStyle(
        "header", fontName=FONT, fontSize=7.5, leading=9, alignment=TA_CENTER
    )
    data_cmds = [
        ("FONT", (0, 0), (-1, -1), FONT, 8, 10),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.5, 9.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), NAVY),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    kv_cmds = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5, 11),
        ("FONT", (0, 0), (0, -1), FONT_BOLD, 8, 11),
        ("FONT", (2, 0), (2, -1), FONT_BOLD, 8, 11),
        ("TEXTCOLOR", (0, 0), (0, -1), NAVY),
        ("TEXTCOLOR", (2, 0), (2, -1), NAVY),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
        ("BACKGROUND", (2, 0), (2, -1), LABEL_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    plain_cmds = [
        ("FONT", (0, 0), (-1, -1), FONT, 8, 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    return Styles(
        body=body,
        body_left=ParagraphStyle("body_left", parent=body, alignment=TA_LEFT),
        small=ParagraphStyle(
            "small", parent=body, fontSize=8, leading=10.5, textColor=MUTED, alignment=TA_LEFT
        ),
        title=ParagraphStyle(
            "title",
            fontName=FONT_BOLD,
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            textColor=NAVY,
            spaceAfter=2,
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            fontName=FONT,
            fontSize=10.5,
            leading=14,
            alignment=TA_CENTER,
            textColor=NAVY,
            spaceAfter=6,
        ),
        badge=ParagraphStyle(
            "badge",
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            alignment=TA_CENTER,
            textColor=RESERVED_RED,
            spaceAfter=8,
        ),
        h1=ParagraphStyle(
            "h1",
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            textColor=NAVY,
            spaceBefore=12,
            spaceAfter=5,
        ),
        h2=ParagraphStyle(
            "h2",
            fontName=FONT_BOLD,
            fontSize=10,
            leading=13,
            textColor=colors.white,
            backColor=NAVY,
            borderPadding=(3, 4, 3, 4),
            spaceBefore=12,
            spaceAfter=8,
        ),
        h3=ParagraphStyle(
            "h3",
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            textColor=NAVY,
            spaceBefore=7,
            spaceAfter=3,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_head=ParagraphStyle(
            "cell_head", parent=cell, fontName=FONT_BOLD, fontSize=7.5, leading=9.5, textColor=NAVY
        ),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        kv_label=ParagraphStyle(
            "kv_label", parent=cell, fontName=FONT_BOLD, fontSize=7.8, textColor=NAVY
        ),
        sign=ParagraphStyle("sign", fontName=FONT, fontSize=8.5, leading=11, alignment=TA_CENTER),
        header_entity=ParagraphStyle(
            "header_entity",
            parent=header_base,
            fontName=FONT_BOLD,
            fontSize=8.5,
            leading=10.5,
            textColor=NAVY,
        ),
        header_main=ParagraphStyle("header_main", parent=header_base, fontName=FONT_BOLD),
        header_side=ParagraphStyle("header_side", parent=header_base, alignment=TA_LEFT),
        header_process=header_base,
        header_reserved=ParagraphStyle(
            "header_reserved", parent=header_base, fontName=FONT_BOLD, textColor=RESERVED_RED
        ),
        data_table=TableStyle(data_cmds),
        kv_table=TableStyle(kv_cmds),
        plain_table=TableStyle(plain_cmds),
    )


# -- tables -------------------------------------------------------------------


def widths(fractions: Sequence[float], total: float = CONTENT_WIDTH) -> list[float]:
    """Column widths from fractions of the content width (normalised)."""
    s = sum(fractions)
    return [total * f / s for f in fractions]


CELL_PADDING = 6.0  # left + right padding of a data_table cell


def word_fraction(word: str, style: ParagraphStyle, total: float = CONTENT_WIDTH) -> float:
    """The fraction of ``total`` a data_table column needs so ``word`` fits on one
    line in ``style`` (radicados must never be cut across lines)."""
    return (pdfmetrics.stringWidth(word, style.fontName, style.fontSize) + CELL_PADDING + 1) / total


def data_table(
    rows: list[list[object]],
    col_widths: Sequence[float],
    *,
    extra: Iterable[tuple] = (),
) -> Table:
    """A grid with a shaded header row repeated on every page."""
    table = Table(rows, colWidths=list(col_widths), repeatRows=1, style=styles().data_table)
    extra = list(extra)
    if extra:
        table.setStyle(TableStyle(extra))
    return table


def kv_table(rows: list[list[object]], col_widths: Sequence[float]) -> Table:
    """Label/value pairs (two or four columns), labels shaded.

    In a four-column table, a last row with a single pair (``["", ""]`` in the
    last two cells) gets its value spanned across the row.
    """
    table = Table(rows, colWidths=list(col_widths), style=styles().kv_table)
    if len(col_widths) == 4 and rows and rows[-1][2] == "" and rows[-1][3] == "":
        table.setStyle(
            TableStyle([("SPAN", (1, -1), (3, -1)), ("BACKGROUND", (1, -1), (3, -1), colors.white)])
        )
    return table


def heading(text: str, style: ParagraphStyle, room: float = 80) -> list[Flowable]:
    """A heading that never ends a page: it moves on unless ``room`` points are left.

    (Paragraph ``keepWithNext`` would push a heading *and* a long table to the
    next page, leaving half a page blank.)
    """
    return [CondPageBreak(room), text_para(style, text.strip())]


def signature_block(
    signers: Sequence[tuple[str, Signatory | None]],
    *,
    width: float = CONTENT_WIDTH,
    align: str = "CENTER",
) -> Table:
    """Side-by-side signature boxes: role, space to sign, a line, name, position."""
    st = styles()
    gap = 1.2 * cm
    n = max(1, len(signers))
    col = (width - gap * (n - 1)) / n
    columns: list[list[object]] = []
    col_widths: list[float] = []
    for i, (role, who) in enumerate(signers):
        if i:
            columns.append(["", "", "", ""])
            col_widths.append(gap)
        name = esc(who.name) if who else "&nbsp;"
        detail = esc(who.position) if who else ""
        if who and who.entity:
            detail += "<br/>" + esc(who.entity)
        columns.append(
            [
                Paragraph(f"<b>{esc(role)}</b>", st.sign),
                "",
                Paragraph(f"<b>{name}</b>", st.sign),
                Paragraph(detail, st.sign),
            ]
        )
        col_widths.append(col)
    rows = [[c[r] for c in columns] for r in range(4)]  # one row per line
    table = Table(rows, colWidths=col_widths, rowHeights=[None, 48, None, None], hAlign=align)
    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for i in range(0, len(columns), 2):
        cmds.append(("LINEBELOW", (i, 1), (i, 1), 0.7, colors.black))
    table.setStyle(TableStyle(cmds))
    return table


# -- page chrome --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageChrome:
    """What is printed around the content of every page."""

    header: DocumentHeader
    reference: str  # footer, e.g. "ACTA No. 007 de 2026 · CERREM poblacional"
    draft: bool = False
    version_label: str = ""  # e.g. "Versión 2"; printed in the footer (and watermark)
    short_reference: str = ""  # used when ``reference`` does not fit the footer line


FOOTER_FONT_SIZE = 7


def footer_line(chrome: PageChrome) -> str:
    """The footer's reference line, within the content width.

    The full reference if it fits, else the short one; if neither fits, the
    reference is cut with "…". BORRADOR and the version always stay whole."""
    suffix = (" · BORRADOR" if chrome.draft else "") + (
        f" · {chrome.version_label}" if chrome.version_label else "")

    def fits(text: str) -> bool:
        return pdfmetrics.stringWidth(text, FONT, FOOTER_FONT_SIZE) <= CONTENT_WIDTH

    for ref in (chrome.reference, chrome.short_reference):
        if ref and fits(ref + suffix):
            return ref + suffix
    ref = chrome.short_reference or chrome.reference
    while ref and not fits(ref.rstrip() + "…" + suffix):
        ref = ref[:-1]
    return ref.rstrip() + "…" + suffix


RESERVE_NOTE_WIDTH = CONTENT_WIDTH - 40  # beside «RESERVADO»


def reserve_note_fits(note: str) -> bool:
    """Whether the footer prints ``note`` whole (two lines at the smallest size)."""
    from reportlab.lib.utils import simpleSplit

    register_fonts()
    return len(simpleSplit(" ".join(note.split()), FONT, RESERVE_NOTE_SIZES[-1], RESERVE_NOTE_WIDTH)) <= 2


def reserve_note_lines(note: str, width: float) -> tuple[float, list[str]]:
    """The reserve note in at most two lines of ``width``: the largest size of
    :data:`RESERVE_NOTE_SIZES` that fits, else the smallest with the rest cut with "…"."""
    from reportlab.lib.utils import simpleSplit

    text = " ".join((note or DEFAULT_RESERVE_NOTE).split())
    for size in RESERVE_NOTE_SIZES:
        lines = simpleSplit(text, FONT, size, width)
        if len(lines) <= 2:
            return size, lines
    first, second, *_ = lines
    while second and pdfmetrics.stringWidth(second + "…", FONT, size) > width:
        second = second[:-1]
    return size, [first, second.rstrip() + "…"]


_HEADER_COLS = (0.25, 0.47, 0.28)


def _header_table(header: DocumentHeader) -> Table:
    st = styles()
    w = widths(_HEADER_COLS)
    rows = [
        [
            Paragraph(esc(header.entity), st.header_entity),
            Paragraph(esc(header.document_title.upper()), st.header_main),
            Paragraph(f"Código: {esc(header.code)}", st.header_side),
        ],
        [
            "",
            Paragraph(esc(header.process.upper()), st.header_process),
            Paragraph(
                f"Versión: {esc(header.version)} · Fecha: {date_short(header.issued)}",
                st.header_side,
            ),
        ],
        [
            "",
            Paragraph("RESERVADO", st.header_reserved),
            "",  # "Página X de Y" is stamped when the total is known
        ],
    ]
    table = Table(rows, colWidths=w, rowHeights=[HEADER_ROW] * 3)
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (0, 2)),
                ("FONT", (0, 0), (-1, -1), FONT, 7.5),
                ("GRID", (0, 0), (-1, -1), 0.6, NAVY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (2, 2), (2, 2), LABEL_BG),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    table.wrap(CONTENT_WIDTH, HEADER_HEIGHT)
    return table


class _ChromePainter:
    """Draws the fixed parts of the chrome; one per document (header laid out once)."""

    def __init__(self, chrome: PageChrome) -> None:
        self.chrome = chrome
        self.header = _header_table(chrome.header)
        w = widths(_HEADER_COLS)
        page_w, page_h = PAGE_SIZE
        self.header_y = page_h - HEADER_TOP - HEADER_HEIGHT
        # Centre of the "Página X de Y" cell (last column, last row).
        self.page_label_x = MARGIN + w[0] + w[1] + w[2] / 2
        self.page_label_y = self.header_y + HEADER_ROW / 2 - 2.8

    # Header and footer are the same on every page: drawn once into a form
    # XObject that every page references, which spares laying the header table
    # out per page and keeps the file small. (The watermark stays drawn per
    # page: reportlab's forms carry no transparency.)
    _CHROME_FORM = "comiteChrome"

    def on_page(self, canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        if not canv.hasForm(self._CHROME_FORM):
            canv.beginForm(self._CHROME_FORM)
            self._draw_chrome(canv)
            canv.endForm()
        canv.doForm(self._CHROME_FORM)

    def on_page_end(self, canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        if self.chrome.draft:
            self._draw_watermark(canv)

    def _draw_chrome(self, canv: rl_canvas.Canvas) -> None:
        # A form has its own graphics state: no saveState/restoreState needed.
        self.header.drawOn(canv, MARGIN, self.header_y)
        # Footer: reserve mark and legal note, document reference and version.
        page_w, _ = PAGE_SIZE
        y = MARGIN - 1.0 * cm
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.5)
        canv.line(MARGIN, y + 18, page_w - MARGIN, y + 18)
        canv.setFillColor(RESERVED_RED)
        canv.setFont(FONT_BOLD, 7)
        canv.drawString(MARGIN, y + 9, "RESERVADO")
        indent = pdfmetrics.stringWidth("RESERVADO", FONT_BOLD, 7) + 6
        size, lines = reserve_note_lines(self.chrome.header.reserve_note, min(CONTENT_WIDTH - indent,
                                                                              RESERVE_NOTE_WIDTH))
        canv.setFont(FONT, size)
        canv.setFillColor(MUTED)
        for i, line in enumerate(lines):
            canv.drawString(MARGIN + indent, y + 9 - i * (size + 1), line)
        canv.setFont(FONT, FOOTER_FONT_SIZE)
        below = (size + 1) * (len(lines) - 1)  # a second line of the note pushes the reference down
        canv.drawString(MARGIN, y - below, footer_line(self.chrome))

    def _draw_watermark(self, canv: rl_canvas.Canvas) -> None:
        # Over the content, translucent, so it shows on shaded tables too.
        page_w, page_h = PAGE_SIZE
        canv.saveState()
        canv.setFillColor(WATERMARK)
        canv.setFillAlpha(0.13)
        canv.translate(page_w / 2, page_h / 2 - 20)
        canv.rotate(45)
        canv.setFont(FONT_BOLD, 96)
        canv.drawCentredString(0, 0, "BORRADOR")
        if self.chrome.version_label:
            canv.setFont(FONT_BOLD, 26)
            canv.drawCentredString(0, -40, self.chrome.version_label)
        canv.restoreState()

    def stamp_page_number(self, canv: rl_canvas.Canvas, page: int, total: int) -> None:
        canv.saveState()
        canv.setFont(FONT_BOLD, 8)
        canv.setFillColor(NAVY)
        canv.drawCentredString(self.page_label_x, self.page_label_y, f"Página {page} de {total}")
        canv.restoreState()


class NumberedCanvas(rl_canvas.Canvas):
    """Keeps finished pages until :meth:`save`, then stamps "Página X de Y" on each.

    ``stamp(canvas, page, total)`` draws the label. Page content streams are
    kept in memory (a few kB each), which a 400-page acta affords easily.
    """

    def __init__(
        self, *args: object, stamp: Callable[[rl_canvas.Canvas, int, int], None], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self._stamp = stamp
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._stamp(self, number, total)
            super().showPage()
        super().save()


def build_pdf(
    out: Output,
    story: list[Flowable],
    chrome: PageChrome,
    *,
    title: str,
    subject: str = "",
) -> None:
    """Lay ``story`` out on Letter pages with the entity's chrome and write it."""
    register_fonts()
    painter = _ChromePainter(chrome)
    page_w, page_h = PAGE_SIZE
    top = HEADER_TOP + HEADER_HEIGHT + 0.55 * cm
    target = str(out) if isinstance(out, Path) else out
    doc = BaseDocTemplate(
        target,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top,
        bottomMargin=MARGIN,
        title=title,
        subject=subject or "RESERVADO",
        author=chrome.header.entity,
        creator="comite",
        keywords="RESERVADO",
        invariant=1,
        lang="es-CO",
        initialFontName=FONT,
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        page_w - 2 * MARGIN,
        page_h - top - MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [PageTemplate("page", [frame], onPage=painter.on_page, onPageEnd=painter.on_page_end)]
    )
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, stamp=painter.stamp_page_number))


CASES_LISTED = 12
"""A table cell lists at most this many radicados: a seat that sits for dozens
of cases would otherwise make a row taller than a page."""


def cases_phrase(cases: Sequence[str], limit: int = CASES_LISTED, *, lead: str = "") -> str:
    """``"Casos: A, B, C"``, or the first ``limit`` and how many more.

    ``lead`` goes first (``"Convocado para los casos: A, B"``)."""
    if len(cases) <= limit:
        return (f"{lead} casos: " if lead else "Casos: ") + ", ".join(cases)
    rest = len(cases) - limit
    return (f"{lead + ' ' if lead else ''}{len(cases)} casos: " + ", ".join(cases[:limit])
            + f" y {rest} más (cada caso consta en el desarrollo del acta)")
