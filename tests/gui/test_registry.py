"""The registry page: exact search by radicado or document, the case's history
across sessions, and reserved data only on demand (and audited)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from sqlalchemy import select

from comite.domain import DecisionOutcome, MeasureAction, RiskLevel, Role, SessionStatus
from comite.model import AuditEntry
from comite.services import decisions, sessions
from comite.services.decisions import DecisionInput, MeasureInput
from tests.conftest import make_user
from tests.db.helpers import case_for, login_ctx, new_session, present_all, put_on_agenda, vote_all
from tests.gui.conftest import open_window
from tests.gui.test_dashboard import fill_dashboard

NAME, DOCUMENT = "María José Ñáñez Ortiz", "1.020.304.050"


def _history_case(ctx) -> int:
    """A case seen by the GVP (level) and then the CERREM poblacional (measures)."""
    case_id = case_for(ctx, "CERREM_POBLACIONAL", "RAD-2026-0042", beneficiary_name=NAME,
                       document_number=DOCUMENT, department="Cauca", municipality="Popayán")
    for code, day, measures in (
        ("GVP", date(2026, 3, 3), ()),
        ("CERREM_POBLACIONAL", date(2026, 3, 17), (
            MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6),
            MeasureInput("medio_comunicacion", 2, MeasureAction.IMPLEMENTAR, 12))),
    ):
        sid = new_session(ctx, code, day)
        keys = present_all(ctx, sid)
        sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
        hid = put_on_agenda(ctx, sid, case_id, discussed_at=time(10, 0))
        vote_all(ctx, hid, keys)
        decisions.record_decision(ctx, hid, DecisionInput(DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO,
                                                            measures=measures))
    return case_id


def _search(qtbot, page, text):
    page.ui.searchEdit.clear()
    qtbot.keyClicks(page.ui.searchEdit, text)
    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Return)


def test_search_by_radicado_shows_the_history(qtbot, main_window, admin):
    case_id = _history_case(admin)
    main_window.show_page("registro", focus=True)
    page = main_window.registry_page
    _search(qtbot, page, "rad-2026-0042")  # case and spaces do not matter
    assert page.ui.resultLabel.text() == "1 caso encontrado."
    assert page.selected_case().id == case_id
    r = page.results_model
    assert r.data(r.index(0, 0)) == "RAD-2026-0042"
    assert "Popayán, Cauca" in page.ui.caseLabel.text()
    h = page.history_model
    assert [[h.data(h.index(row, c)) for c in range(6)] for row in range(h.rowCount())] == [
        ["GVP", "001/2026", "03/03/2026", "", "Decidido", "Extraordinario"],
        ["CERREM poblacional", "001/2026", "17/03/2026", "", "Decidido", "Extraordinario"],
    ]
    assert h.data(h.index(1, 6)) == "Chaleco blindado ×1; Medio de comunicación ×2"
    assert page.ui.historyBox.title() == "Historial del caso (2 sesiones)"
    # the latest session is selected: its measures, with action, temporality and revaluation date
    m = page.measures_model
    assert [[m.data(m.index(row, c)) for c in range(5)] for row in range(m.rowCount())] == [
        ["Chaleco blindado", "1", "Implementar", "6 meses", "17/09/2026"],
        ["Medio de comunicación", "2", "Implementar", "12 meses", "17/03/2027"],
    ]
    page.ui.historyTable.selectRow(0)
    page.ui.historyTable.setCurrentIndex(page.ui.historyTable.model().index(0, 0))
    assert page.measures_model.rowCount() == 0
    # no reserved data anywhere in the lists
    everything = " ".join(str(mod.data(mod.index(i, c))) for mod in (r, h, m)
                          for i in range(mod.rowCount()) for c in range(mod.columnCount()))
    assert NAME not in everything and "020" not in everything


def test_search_by_document_number_in_any_spelling(qtbot, main_window, admin):
    case_id = _history_case(admin)
    page = main_window.registry_page
    _search(qtbot, page, "1020304050")
    assert page.selected_case().id == case_id
    _search(qtbot, page, "999")
    assert page.results_model.rowCount() == 0
    assert page.ui.resultLabel.text().startswith("Ningún caso tiene ese radicado")
    assert page.ui.caseLabel.text() == "Seleccione un caso para ver su historial."


def test_reserved_data_only_on_demand_and_audited(qtbot, main_window, admin):
    _history_case(admin)
    other = case_for(admin, "GVP", "OTRO-1")
    page = main_window.registry_page
    _search(qtbot, page, "RAD-2026-0042")
    assert page.ui.nameLabel.text() == "••••••••" and not page.ui.hideButton.isEnabled()

    def reads():
        with admin.reading() as s:
            return s.scalar(select(AuditEntry.id).where(AuditEntry.action == "lectura_reservada")
                            .order_by(AuditEntry.id.desc()).limit(1))

    assert reads() is None
    qtbot.mouseClick(page.ui.revealButton, Qt.MouseButton.LeftButton)
    assert page.ui.nameLabel.text() == NAME and page.ui.documentLabel.text() == DOCUMENT
    assert reads() is not None
    qtbot.mouseClick(page.ui.hideButton, Qt.MouseButton.LeftButton)
    assert page.ui.nameLabel.text() == "••••••••"
    qtbot.mouseClick(page.ui.revealButton, Qt.MouseButton.LeftButton)
    main_window.open_case(other)  # another case: masked again
    assert page.selected_case().radicado == "OTRO-1"
    assert page.ui.documentLabel.text() == "••••••••"


def test_revisor_has_no_registry(qtbot, admin, database):
    password = make_user(admin, "rita", Role.REVISOR, committees=["GVP"])
    rita = login_ctx(database, "rita", password)
    window = open_window(qtbot, rita)
    assert window.registry_page is None and window.page("registro") is None
    assert not window.ui.actionGoRegistry.isVisible()
    case_id = fill_dashboard(admin)
    window.open_case(case_id)
    assert window.current_page_key() == "inicio"
    assert "no permite" in window.statusBar().currentMessage()
