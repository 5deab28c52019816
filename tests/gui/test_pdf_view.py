"""The acta preview rasterises only the pages in view and keeps only a few."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from comite.documents.offload import run_in_helper
from comite.gui.session.pdf_view import CACHED_PAGES, PdfPagesView


def _pdf(pages: int) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    for n in range(1, pages + 1):
        c.drawString(72, 700, f"Página {n}")
        c.showPage()
    c.save()
    return buf.getvalue()


def test_only_visible_pages_are_rasterised(qtbot):
    view = PdfPagesView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    assert view.set_pdf(_pdf(60)) == 60 and view.page_count() == 60
    view.grab()
    first = view.pages.renders
    assert 1 <= first <= 2  # one page and a bit fit in 700 px
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.grab()
    assert view.pages.renders <= first + 2  # the last page, not the 58 in between
    assert len(view.pages._cache) <= CACHED_PAGES
    view.set_message("No se pudo generar la vista previa del acta.")
    assert view.page_count() == 0 and view.widget() is view.placeholder
    assert view.set_pdf(_pdf(3)) == 3 and view.widget() is view.pages


def test_the_helper_process_returns_what_the_function_returns():
    assert run_in_helper(len, b"acta") == 4
