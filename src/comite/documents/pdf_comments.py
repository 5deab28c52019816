"""The comments a delegate wrote into a returned PDF, read with pypdf.

Notes, free-text boxes and text markup (highlights, underlines...) that carry
words become :class:`PdfComment` values: page, kind, text, rectangle, and the
point that places them in the draft (a highlighted line's middle; a note's or
a box's top edge, a little inside). Links, form fields, pop-ups and marks
without words are left out. :mod:`comite.services.review` turns them into
observations placed by :func:`comite.documents.acta_numbering.locate`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from comite.errors import ValidationError

_COMMENT_TYPES = {"/Text", "/FreeText", "/Highlight", "/Underline", "/StrikeOut", "/Squiggly", "/Caret",
                  "/Square", "/Circle", "/Polygon", "/PolyLine", "/Ink", "/Line"}
"""Annotations that carry a reviewer's comment (links, form fields and pop-ups do not)."""
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PdfComment:
    page: int  # 1-based
    kind: str  # "/Text", "/Highlight", ...
    text: str
    rect: tuple[float, float, float, float]
    y: float  # the point that places it (points from the bottom)


def _text_of(annot) -> str:
    text = annot.get("/Contents")
    if text is None and annot.get("/RC") is not None:  # rich text only (some free-text boxes)
        text = _TAGS.sub(" ", str(annot["/RC"]))
    return " ".join(str(text or "").split("\n")).strip() if text else ""


def _placing_y(kind: str, rect: tuple[float, float, float, float], annot) -> float:
    """Where a comment points: the first highlighted line's middle; a note's or a box's
    top edge, a little inside (a note's icon hangs below the point clicked)."""
    quads = annot.get("/QuadPoints")
    if quads is not None and len(quads) >= 8:
        ys = [float(quads[i]) for i in (1, 3, 5, 7)]
        return sum(ys) / 4
    top, height = rect[3], rect[3] - rect[1]
    return top - min(height / 2, 4.0)


def read_pdf_comments(pdf: bytes) -> tuple[list[PdfComment], str]:
    """The comments of a PDF, in page order, and its first page's text (to identify the draft)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(pdf))
        first_text = reader.pages[0].extract_text() if reader.pages else ""
        comments = []
        for number, page in enumerate(reader.pages, start=1):
            for ref in page.get("/Annots") or []:
                annot = ref.get_object()
                kind = str(annot.get("/Subtype", ""))
                if kind not in _COMMENT_TYPES:
                    continue
                text = _text_of(annot)
                if not text:
                    continue  # a mark without words says nothing the secretariat can answer
                rect = tuple(float(v) for v in annot.get("/Rect", (0, 0, 0, 0)))
                rect = (min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3]))
                comments.append(PdfComment(number, kind, text, rect, _placing_y(kind, rect, annot)))
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise ValidationError(f"El archivo no se pudo leer como PDF ({exc.__class__.__name__}); pida al "
                              "delegado que lo guarde de nuevo o registre sus observaciones a mano.") from exc
    return comments, first_text or ""
