"""The start page shows the pending work made through the services, with counts,
and opens what is activated."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from comite.domain import DecisionOutcome, MeasureAction, RiskLevel, SessionStatus
from comite.gui import main_window as main_window_module
from comite.gui.app import make_main_window
from comite.services import decisions, followup, sessions
from comite.services.decisions import DecisionInput, MeasureInput
from tests.conftest import FAST_HASH, FAST_KDF
from tests.db.helpers import case_for, new_session, present_all, put_on_agenda, vote_all


def fill_dashboard(ctx) -> int:
    """One item in each list (today is 23/11/2026); returns the decided case's id."""
    case_for(ctx, "GVP", "GVP-TARDE-1", study_received=date(2026, 11, 10))
    case_for(ctx, "GVP", "GVP-TARDE-2", study_received=date(2026, 11, 2))
    case_for(ctx, "GVP", "GVP-A-TIEMPO", study_received=date(2026, 11, 20))
    code = "CERREM_POBLACIONAL"
    sid = new_session(ctx, code, date(2026, 6, 1), place="Bogotá")
    keys = present_all(ctx, sid)
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    case_id = case_for(ctx, code, "POB-MEDIDAS")
    hid = put_on_agenda(ctx, sid, case_id, discussed_at=time(10, 0))
    vote_all(ctx, hid, keys)
    decisions.record_decision(ctx, hid, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO,
        measures=[MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)]))
    followup.add_commitment(ctx, sid, "Enviar el estudio actualizado", "UNP", date(2026, 7, 1))
    sessions.update_session(ctx, sid, end=time(12, 0))
    for status in (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION):
        sessions.set_status(ctx, sid, status)
    return case_id


def test_counts_and_lists(qtbot, main_window, admin):
    case_id = fill_dashboard(admin)
    page = main_window.dashboard_page
    main_window.show_page("inicio")
    page.refresh()
    assert page.counts() == {"gvp": 2, "medidas": 1, "compromisos": 1, "actas": 1}
    assert page.ui.gvpBox.title() == "Casos en espera del GVP (2)"
    assert page.ui.measuresBox.title() == "Medidas por revaluar (1)"
    assert page.ui.gvpTable.isVisible() and not page.ui.gvpEmpty.isVisible()
    assert page.ui.dateLabel.text() == "Hoy es lunes 23 de noviembre de 2026"
    m = page.measures_model
    assert [m.data(m.index(0, c)) for c in range(m.columnCount())] == [
        "01/12/2026", "en 8 días", "POB-MEDIDAS", "Chaleco blindado", "Implementar",
        "CERREM poblacional"]
    assert page.measures_model.row(0).case_id == case_id


def test_empty_lists_say_nothing_is_pending(qtbot, main_window):
    page = main_window.dashboard_page
    assert page.counts() == {"gvp": 0, "medidas": 0, "compromisos": 0, "actas": 0}
    assert page.ui.actasBox.title() == "Actas en revisión (0)"
    assert page.ui.actasEmpty.isVisible() and not page.ui.actasTable.isVisible()


def test_committee_filter_narrows_the_dashboard(qtbot, main_window, admin):
    fill_dashboard(admin)
    combo = main_window.ui.committeeCombo
    combo.setCurrentIndex(combo.findData("GVP"))
    assert main_window.dashboard_page.counts() == {"gvp": 2, "medidas": 0, "compromisos": 0, "actas": 0}
    combo.setCurrentIndex(combo.findData("CERREM_POBLACIONAL"))
    assert main_window.dashboard_page.counts() == {"gvp": 0, "medidas": 1, "compromisos": 1, "actas": 1}


def test_activating_a_case_opens_the_registry_on_it(qtbot, main_window, admin):
    case_id = fill_dashboard(admin)
    page = main_window.dashboard_page
    page.refresh()
    table = page.ui.measuresTable
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert main_window.current_page_key() == "registro"
    registry = main_window.registry_page
    assert registry.selected_case().id == case_id
    assert registry.history_model.rowCount() == 1


def test_activating_an_acta_opens_the_session(qtbot, main_window, admin, monkeypatch):
    opened = []

    class FakeSessionPage(QWidget):
        def __init__(self, ctx, session_id, parent=None, *, bus=None):
            super().__init__(parent)
            opened.append(session_id)

    monkeypatch.setattr(main_window_module, "SessionPage", FakeSessionPage)
    fill_dashboard(admin)
    page = main_window.dashboard_page
    page.refresh()
    table = page.ui.actasTable
    qtbot.waitUntil(table.isVisible)
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    expected = page.actas_model.row(0).session_id
    assert opened == [expected]
    assert main_window.current_page_key() == f"sesion:{expected}"


def test_a_long_list_shows_the_most_urgent_rows_and_counts_them_all(qtbot, main_window, admin, monkeypatch):
    from comite.gui import dashboard as dashboard_page

    monkeypatch.setattr(dashboard_page, "SHOWN_ROWS", 1)
    fill_dashboard(admin)
    page = main_window.dashboard_page
    titles = []  # the rows are on screen before the count (the costly part at 200,000 cases) is taken
    real_total = dashboard_page.dashboard.gvp_waiting_total
    monkeypatch.setattr(dashboard_page.dashboard, "gvp_waiting_total",
                        lambda *a: titles.append(page.ui.gvpBox.title()) or real_total(*a))
    page.refresh()
    assert titles == ["Casos en espera del GVP (se muestran los 1 más urgentes; contando el total…)"]
    assert page.counts()["gvp"] == 2 and page.gvp_model.rowCount() == 1
    assert page.gvp_model.row(0).radicado == "GVP-TARDE-2"  # received first: the longest wait
    assert page.ui.gvpBox.title() == "Casos en espera del GVP (2; se muestran los 1 más urgentes)"
    assert page.ui.measuresBox.title() == "Medidas por revaluar (1)"


def test_the_start_page_reads_its_lists_once_when_the_window_opens(qtbot, admin, monkeypatch):
    from comite.services import dashboard

    calls = []
    real = dashboard.dashboard
    monkeypatch.setattr(dashboard, "dashboard",
                        lambda ctx, code=None, *a, **kw: calls.append(code) or real(ctx, code, *a, **kw))
    window = make_main_window(admin.db, admin, kdf=FAST_KDF, hasher=FAST_HASH)
    qtbot.addWidget(window)
    assert window.current_page_key() == "inicio" and calls == []  # nothing read before the first paint
    assert window.dashboard_page.ui.dateLabel.text() == "Cargando el trabajo pendiente…"
    window.show()
    qtbot.waitUntil(lambda: calls == [None])
    qtbot.wait(50)
    assert calls == [None]
    assert window.dashboard_page.ui.dateLabel.text() == "Hoy es lunes 23 de noviembre de 2026"


def test_every_column_of_every_list_is_in_view_at_1280x800(qtbot, main_window, admin):
    """With more rows than fit (a vertical scroll bar beside them), each list keeps its last column
    in view at 1280×800 instead of scrolling sideways to «En agen…»."""
    fill_dashboard(admin)
    for i in range(20):
        case_for(admin, "GVP", f"GVP-ESPERA-{i:02d}", study_received=date(2026, 10, 1 + i))
    main_window.resize(1280, 800)
    main_window.show()
    qtbot.waitExposed(main_window)
    page = main_window.dashboard_page
    main_window.show_page("inicio")
    page.refresh()
    qtbot.waitUntil(lambda: page.counts()["gvp"] == 22)
    QApplication.processEvents()
    gvp = page.ui.gvpTable
    assert gvp.verticalScrollBar().isVisible()  # the case that cut the last column
    for table in (gvp, page.ui.measuresTable, page.ui.commitmentsTable, page.ui.actasTable):
        header, last = table.horizontalHeader(), table.model().columnCount() - 1
        assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width() + 2, \
            table.objectName()
        assert not table.horizontalScrollBar().isVisible(), table.objectName()
