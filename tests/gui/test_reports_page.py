"""The «Informes» page by the mouse: pick the period in the combo and the date editor, generate, read the
figures and charts, export; its models pass qtmodeltester; a reviewer sees the reserved version."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateTimeEdit

from comite.domain import Role
from comite.gui import dialogs
from tests.conftest import make_user
from tests.db.helpers import login_ctx
from tests.db.test_reports import build_march
from tests.gui.conftest import open_window


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Open the combo's list and click the item ``text``."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = combo.findText(text)
    assert row >= 0, text
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # the popup ignores a release this soon after opening
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


def wheel(editor: QDateTimeEdit, section: QDateTimeEdit.Section, steps: int) -> None:
    """Put the cursor on ``section`` of the date editor (a click there) and turn the wheel."""
    editor.setCurrentSection(section)
    line = editor.lineEdit()
    point = QPointF(line.cursorRect().center())
    for _ in range(abs(steps)):
        delta = QPoint(0, 120 if steps > 0 else -120)
        event = QWheelEvent(point, QPointF(editor.mapToGlobal(point.toPoint())), QPoint(), delta,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(editor, event)


def open_reports(qtbot, ctx):
    window = open_window(qtbot, ctx)
    window.show_page("informes")
    page = window.page("informes")
    qtbot.waitUntil(lambda: page.report is not None)  # refreshed when first shown (this month: empty)
    return window, page


def test_pick_a_month_with_the_mouse_generate_and_read_the_figures(qtbot, admin, tmp_path, monkeypatch):
    build_march(admin)
    window, page = open_reports(qtbot, admin)
    assert page.report.totals.sessions == 0  # November 2026: nothing recorded
    ui = page.ui
    choose(qtbot, ui.periodCombo, "Mes")
    qtbot.mouseClick(ui.fromDate, Qt.MouseButton.LeftButton)
    wheel(ui.fromDate, QDateTimeEdit.Section.MonthSection, -8)  # November -> March
    assert ui.fromDate.date().month() == 3 and ui.fromDate.date().day() == 1
    assert ui.toDate.date().toString("dd/MM/yyyy") == "31/03/2026" and not ui.toDate.isEnabled()
    choose(qtbot, ui.committeeCombo, "Todos los comités")
    qtbot.mouseClick(ui.runButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None and page.report.period_from == date(2026, 3, 1))
    assert "8</b> sesiones" in ui.totalsLabel.text() and "14</b> casos tratados" in ui.totalsLabel.text()
    outcomes = page.blocks["resultados"].model
    rows = {outcomes.index(r, 0).data(): [outcomes.index(r, c).data() for c in range(1, 6)]
            for r in range(outcomes.rowCount())}
    assert rows["GVP"] == ["9", "6", "1", "1", "1"] and rows["Total"] == ["14", "9", "2", "1", "2"]
    gvp = page.blocks["oportunidad_gvp"].model
    assert [gvp.index(0, c).data() for c in range(7)] == ["GVP", "6", "4", "2", "66,7 %", "4,5", "6"]
    # the charts are there and drawn from the same figures
    histogram = page.chart("grafico_gvp")
    bars, term = histogram.items
    assert list(bars.opts["height"][:7]) == [0, 2, 0, 0, 1, 1, 2]
    assert term.value() == 5.5
    legend = histogram.plot.getPlotItem().legend
    assert [label.text for _sample, label in legend.items] == [
        "Dentro del término", "Fuera de término", "Término legal: 5 días hábiles"]
    ticks = dict(histogram.plot.getPlotItem().getAxis("bottom")._tickLevels[0])
    assert ticks[0] == "0" and ticks[16] == "16+"  # every bin named, the open one short
    route_ticks = dict(page.chart("grafico_ruta").plot.getPlotItem().getAxis("bottom")._tickLevels[0])
    assert list(route_ticks.values()) == ["0–5", "11–15", "21–25", "31–35", "41–45", "51–55", "61+"]
    levels = page.chart("grafico_niveles")
    assert [list(b.opts["height"][:2]) for b in levels.items] == [[1, 0], [4, 2], [1, 1]]
    assert [page.late_model.row(r).radicado for r in range(page.late_model.rowCount())] == ["C1", "G3", "G5"]
    # another breakdown: the levels table and its chart follow
    choose(qtbot, ui.breakdownCombo, "Por población")
    assert page.blocks["niveles"].title.text() == "Niveles de riesgo por población"
    assert page.chart("grafico_niveles").spec.table == "niveles_poblacion"

    saved = {}

    def save_path(_parent, title, suggested, file_filter):
        saved[title] = (suggested.name, file_filter)
        return tmp_path / suggested.name

    monkeypatch.setattr(dialogs, "ask_save_path", save_path)
    qtbot.mouseClick(ui.jsonButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.xlsxButton, Qt.MouseButton.LeftButton)
    assert saved["Guardar el informe en JSON"] == ("informe-comites-20260301-20260331.json", "Datos JSON (*.json)")
    assert saved["Guardar el informe en Excel"][1] == "Libro de Excel (*.xlsx)"
    data = json.loads((tmp_path / "informe-comites-20260301-20260331.json").read_text(encoding="utf-8"))
    assert data["totals"]["hearings"] == 14 and data["reserva"]["umbral"] == 5  # the reserve by default
    assert (tmp_path / "informe-comites-20260301-20260331.xlsx").stat().st_size > 5000
    assert "con la reserva aplicada" in window.statusBar().currentMessage()
    qtbot.mouseClick(ui.internalCheck, Qt.MouseButton.LeftButton)
    assert ui.internalCheck.isChecked()
    qtbot.mouseClick(ui.jsonButton, Qt.MouseButton.LeftButton)
    data = json.loads((tmp_path / "informe-comites-20260301-20260331.json").read_text(encoding="utf-8"))
    assert data["reserva"] is None and len(data["casos_fuera_de_termino"]["casos"]) == 3


def test_a_range_and_all_time(qtbot, admin):
    build_march(admin)
    _window, page = open_reports(qtbot, admin)
    ui = page.ui
    choose(qtbot, ui.periodCombo, "Desde – hasta")
    assert ui.toDate.isEnabled()
    ui.fromDate.setDate(ui.fromDate.date().addMonths(-9))  # (typed) 01/02/2026
    ui.toDate.setDate(ui.fromDate.date().addDays(27))  # 28/02/2026
    qtbot.mouseClick(ui.runButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report.period_from == date(2026, 2, 1))
    assert page.report.totals.sessions == 1
    choose(qtbot, ui.periodCombo, "Todo el periodo registrado")
    assert not ui.fromDate.isEnabled() and not ui.toDate.isEnabled()
    qtbot.mouseClick(ui.runButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report.period_from is None)
    assert page.report.totals.sessions == 9
    assert [row.label for row in page.report.table("tendencia").rows] == ["Febrero 2026", "Marzo 2026"]


def test_models_pass_qtmodeltester(qtbot, admin, qtmodeltester):
    build_march(admin)
    _window, page = open_reports(qtbot, admin)
    choose(qtbot, page.ui.periodCombo, "Todo el periodo registrado")
    qtbot.mouseClick(page.ui.runButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report.period_from is None)
    for block in page.blocks.values():
        qtmodeltester.check(block.model, force_py=True)
    qtmodeltester.check(page.late_model, force_py=True)


def test_a_reviewer_sees_the_reserved_figures_and_no_radicados(qtbot, admin):
    build_march(admin)
    make_user(admin, "rev", Role.REVISOR, committees=["GVP"], password="Clave-dos-2026")
    ctx = login_ctx(admin.db, "rev", "Clave-dos-2026")
    _window, page = open_reports(qtbot, ctx)
    assert page.ui.committeeCombo.count() == 1 and page.ui.committeeCombo.currentText() == "GVP"
    assert not page.ui.internalCheck.isVisible()
    choose(qtbot, page.ui.periodCombo, "Año")
    qtbot.mouseClick(page.ui.runButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report.period_from == date(2026, 1, 1))
    outcomes = page.blocks["resultados"].model
    assert [outcomes.index(0, c).data() for c in range(6)] == ["GVP", "10", "7", "<5", "<5", "<5"]
    assert "menos de 5 casos" in outcomes.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert page.late_model.rowCount() == 0 and "radicados no se incluyen" in page.late_note.text()


def test_the_page_is_stale_after_a_change_and_refreshes_when_shown(qtbot, admin):
    from comite.gui.bus import REMOTE
    from comite.services.context import Changes

    window, page = open_reports(qtbot, admin)
    qtbot.waitUntil(lambda: page.report is not None and not page._running)
    assert not page._dirty
    window.bus.publish(Changes(attendance=True, acta=True, users=True, session_id=1), REMOTE)
    assert not page._dirty  # nothing the figures count
    window.show_page("inicio")
    build_march(admin)
    window.bus.publish(Changes(decisions=True, session_id=7), REMOTE)  # any session's: a report spans many
    assert page._dirty
    choose(qtbot, page.ui.periodCombo, "Todo el periodo registrado")
    window.show_page("informes")
    qtbot.waitUntil(lambda: page.report.totals.sessions == 9)
    window.bus.publish(Changes(votes=True), window)  # on screen: it says so, and waits for Generar
    assert "Hubo cambios" in page.ui.statusLabel.text() and page.report.totals.sessions == 9


def test_an_administrator_sets_the_threshold_in_the_document_settings(qtbot, main_window, admin):
    from comite.services.settings import report_reserve

    dialog = main_window.edit_document_settings()
    spin = dialog.ui.thresholdSpin
    assert spin.value() == 5
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    spin.selectAll()
    qtbot.keyClicks(spin, "8")
    save = dialog.ui.buttonBox.buttons()[0]
    qtbot.mouseClick(save if "Guardar" in save.text() else dialog.ui.buttonBox.buttons()[1], Qt.MouseButton.LeftButton)
    assert report_reserve(admin).threshold == 8
    assert "Reserva de los informes guardada." in main_window.statusBar().currentMessage()


def test_the_tabs_of_tables_are_built_when_the_page_is_first_shown(qtbot, admin):
    window = open_window(qtbot, admin)
    page = window.page("informes")
    assert page.ui.tabs.count() == 0 and page.blocks == {}  # the window opened without them
    window.show_page("informes")
    assert page.ui.tabs.count() == 7 and "resultados" in page.blocks
    assert [page.ui.tabs.tabText(i) for i in (0, 6)] == ["Resumen", "Fuera de término"]
    qtbot.waitUntil(lambda: page.report is not None)
    window.show_page("inicio")
    window.show_page("informes")
    assert page.ui.tabs.count() == 7  # built once


def test_every_column_of_every_report_table_is_in_view_at_1280x800(qtbot, admin):
    """At 1280×800 the tables beside their charts keep every column in view (long titles wrap,
    figures narrow) instead of scrolling sideways to «Devuel…»."""
    build_march(admin)
    window, page = open_reports(qtbot, admin)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    choose(qtbot, page.ui.periodCombo, "Todo el periodo registrado")
    choose(qtbot, page.ui.committeeCombo, "Todos los comités")
    qtbot.mouseClick(page.ui.runButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None and page.report.totals.sessions > 0)
    tabs = page.blocks["resultados"].view.parentWidget()
    while tabs is not None and not hasattr(tabs, "setCurrentIndex"):
        tabs = tabs.parentWidget()
    for key, block in page.blocks.items():
        if tabs is not None:
            index = next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(block))
            tabs.setCurrentIndex(index)
        qtbot.waitUntil(block.view.isVisible)
        QApplication.processEvents()
        view, header = block.view, block.view.horizontalHeader()
        last = block.model.columnCount() - 1
        assert header.sectionViewportPosition(last) + header.sectionSize(last) <= view.viewport().width() + 2, key
