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


def test_preview_zooms_fits_the_width_and_moves_between_pages(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    from comite.gui.session.pdf_view import PAGE_WIDTH, PdfPreview

    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 600)
    preview.show()
    assert preview.page_label.text() == "Sin páginas" and not preview.next_action.isEnabled()
    assert preview.set_pdf(_pdf(5)) == 5
    view = preview.view
    # fitted to the width by default: the page is as wide as the pane, no horizontal scrolling
    assert view.fit_to_width and preview.fit_action.isChecked()
    assert view.pages.page_rect(0).width() < view.viewport().width()
    assert view.pages.page_rect(0).width() < PAGE_WIDTH
    assert preview.page_label.text() == "Página 1 de 5"
    assert not preview.previous_action.isEnabled() and preview.next_action.isEnabled()
    buttons = {b.defaultAction().text(): b for b in preview.findChildren(QToolButton)}
    qtbot.mouseClick(buttons["Página siguiente"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["Página siguiente"], Qt.MouseButton.LeftButton)
    assert view.current_page() == 2 and preview.page_label.text() == "Página 3 de 5"
    qtbot.mouseClick(buttons["Página anterior"], Qt.MouseButton.LeftButton)
    assert preview.page_label.text() == "Página 2 de 5"
    fitted = view.zoom
    qtbot.mouseClick(buttons["Acercar"], Qt.MouseButton.LeftButton)
    assert view.zoom > fitted and not view.fit_to_width and not preview.fit_action.isChecked()
    assert view.pages.page_rect(0).width() == round(PAGE_WIDTH * view.zoom)
    assert preview.zoom_label.text() == f"{round(view.zoom * 100)} %"
    assert preview.page_label.text() == "Página 2 de 5"  # zooming keeps the page in view
    qtbot.mouseClick(buttons["Alejar"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["Alejar"], Qt.MouseButton.LeftButton)
    assert view.zoom < fitted
    qtbot.mouseClick(buttons["Ajustar al ancho"], Qt.MouseButton.LeftButton)
    assert view.fit_to_width and abs(view.zoom - fitted) < 0.01
    preview.resize(900, 600)  # a wider pane: the fitted page follows it
    assert view.zoom > fitted
    preview.set_message("No se pudo generar la vista previa del acta.")
    assert preview.page_label.text() == "Sin páginas" and not preview.zoom_in_action.isEnabled()
