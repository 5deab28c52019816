"""The session workspace's behaviour: models pass qtmodeltester, edits undo and
redo through the services, refusals show in words with nothing lost, texts
are flushed when the page closes, the agenda reorders by keyboard and by drag,
and a 200-case agenda stays fluid."""

from __future__ import annotations

import time as clock
from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from comite.domain import AttendanceStatus, DecisionOutcome, RiskLevel, SessionStatus, VoteChoice
from comite.errors import ConcurrencyConflict
from comite.gui import dialogs
from comite.gui.session import models
from comite.gui.session.models import ATT_ARRIVAL, ATT_DEPARTURE, ATT_STATUS, VOTER_CHOICE
from comite.gui.session_page import SessionPage
from comite.services import acta, attendance, cases, decisions, deliberation, followup, sessions, views
from comite.services.cases import CaseInput

DAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _confirm(monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)


def _case(ctx, radicado: str, **kw) -> int:
    kw.setdefault("population_code", "ddhh_sociales")
    return cases.create_case(ctx, CaseInput(radicado=radicado, kind=kw.pop("kind", None) or _individual(),
                                            beneficiary_name=f"Persona {radicado}",
                                            document_number=f"1{abs(hash(radicado)) % 10**9:09d}", **kw)).created_id


def _individual():
    from comite.domain import CaseKind

    return CaseKind.INDIVIDUAL


def _session(ctx, code: str = "GVP", n_cases: int = 2, present: bool = True) -> tuple[int, list[int]]:
    sid = sessions.create_session(ctx, code, DAY, start=time(9, 0)).session_id
    hearings = []
    for i in range(n_cases):
        cid = _case(ctx, f"R-{code}-{i:03d}")
        hearings.append(sessions.add_case(ctx, sid, cid).created_id)
    if present:
        for row in views.attendance_rows(ctx, sid):
            if row.rights.value == "voz_y_voto" and row.condition is None:
                attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE,
                                           person_name=f"Titular {row.seat_key}")
    return sid, hearings


def _open(qtbot, ctx, sid) -> SessionPage:
    page = SessionPage(ctx, sid)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _keys(widget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def _voting_keys(page: SessionPage) -> list[str]:
    return [r.seat_key for r in page.attendance if r.rights.value == "voz_y_voto" and r.condition is None]


# --- models ----------------------------------------------------------------------------------------

def test_every_model_passes_qtmodeltester(admin, qtbot, qtmodeltester):
    sid, hearings = _session(admin, "CERREM_POBLACIONAL")
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    deliberation.update_hearing(admin, hearings[0], discussed_at=time(10, 0))
    keys = [r.seat_key for r in views.attendance_rows(admin, sid) if r.rights.value == "voz_y_voto"]
    deliberation.cast_vote(admin, hearings[0], keys[0], VoteChoice.A_FAVOR, "Aclaración")
    procuraduria = next(r for r in views.attendance_rows(admin, sid) if r.seat_key == "procuraduria")
    attendance.set_attendance(admin, procuraduria.id, status=AttendanceStatus.PRESENTE)
    deliberation.add_observation(admin, hearings[0], procuraduria.id, "Pide celeridad.")
    followup.add_commitment(admin, sid, "Enviar estudio", "UNP", date(2026, 4, 1))
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    page.case_tab.decision.ui.measureCombo.setCurrentIndex(1)
    page.case_tab.decision.add_measure()
    checked = [
        page.agenda_tab.model, page.attendance_tab.model, page.data_tab.convened_model, page.case_tab.votes.model,
        page.case_tab.observations.model, page.case_tab.decision.measures, page.commitments_tab.model,
        page.acta_tab.versions, page.acta_tab.reviews,
        models.case_picker_model([cases.case_summary(admin, 1)]),
        models.handoff_picker_model([]),
        models.emergency_picker_model([]),
    ]
    for model in checked:
        qtmodeltester.check(model, force_py=True)
    assert page.case_tab.votes.model.rowCount() > 0 and page.case_tab.observations.model.rowCount() == 1
    # the proxies the views show pass too
    qtmodeltester.check(page.agenda_tab.proxy, force_py=True)
    qtmodeltester.check(page.attendance_tab.proxy, force_py=True)


# --- undo / redo -----------------------------------------------------------------------------------

def test_attendance_change_undoes_and_redoes(admin, qtbot):
    sid, _ = _session(admin, present=False)
    page = _open(qtbot, admin, sid)
    tab = page.attendance_tab
    key = _voting_keys(page)[0]
    number = tab.model.find(lambda r: r.seat_key == key)
    assert tab.model.setData(tab.model.index(number, ATT_STATUS), AttendanceStatus.PRESENTE)
    assert tab.model.setData(tab.model.index(number, ATT_ARRIVAL), time(9, 40))

    def stored():
        return next(r for r in views.attendance_rows(admin, sid) if r.seat_key == key)

    assert (stored().status, stored().arrival) == (AttendanceStatus.PRESENTE, time(9, 40))
    page.undo_stack.undo()
    assert (stored().status, stored().arrival) == (AttendanceStatus.PRESENTE, None)
    page.undo_stack.undo()
    assert stored().status is AttendanceStatus.AUSENTE
    assert tab.model.row(number).status is AttendanceStatus.AUSENTE  # the view follows the database
    page.undo_stack.redo()
    page.undo_stack.redo()
    assert (stored().status, stored().arrival) == (AttendanceStatus.PRESENTE, time(9, 40))
    assert page.undo_stack.undoText().startswith("Asistencia: llegada")


def test_vote_undoes_and_redoes_and_the_tally_follows(admin, qtbot):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    key = _voting_keys(page)[0]
    tab.votes.select_voter(key)
    tab.votes.ui.votersTable.setFocus()
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_3)
    assert tab.detail.tally.abstencion == 1
    assert "1 abstención" in tab.votes.ui.tallyLabel.text()
    # change it through the grid's combo editor value
    number = tab.votes.model.find_key(key)
    assert tab.votes.model.setData(tab.votes.model.index(number, VOTER_CHOICE), VoteChoice.EN_CONTRA)

    def vote():
        return next(v.choice for v in views.hearing_detail(admin, hearings[0]).voters if v.seat_key == key)

    assert vote() is VoteChoice.EN_CONTRA
    page.undo_stack.undo()
    assert vote() is VoteChoice.ABSTENCION
    page.undo_stack.undo()
    assert vote() is None
    assert tab.detail.tally.abstencion == 0 and "0 a favor" in tab.votes.ui.tallyLabel.text()
    page.undo_stack.redo()
    assert vote() is VoteChoice.ABSTENCION
    # Delete clears the vote; undo brings it back
    tab.votes.select_voter(key)
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_Delete)
    assert vote() is None
    page.undo_stack.undo()
    assert vote() is VoteChoice.ABSTENCION


def test_deliberation_typing_undoes_as_one_step(admin, qtbot):
    sid, hearings = _session(admin)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    tab.deliberation.ui.deliberationEdit.setFocus()
    _keys(tab.deliberation.ui.deliberationEdit, "Primera parte.")
    tab.flush()
    _keys(tab.deliberation.ui.deliberationEdit, " Segunda parte.")
    tab.flush()
    assert views.hearing_detail(admin, hearings[0]).deliberation == "Primera parte. Segunda parte."
    page.undo_stack.undo()  # both saves merged: back to before the typing
    assert views.hearing_detail(admin, hearings[0]).deliberation == ""
    assert tab.deliberation.ui.deliberationEdit.toPlainText() == ""
    page.undo_stack.redo()
    assert tab.deliberation.ui.deliberationEdit.toPlainText() == "Primera parte. Segunda parte."


# --- refusals in words, nothing lost ------------------------------------------------------------

def test_vote_without_quorum_is_refused_inline_and_nothing_is_lost(admin, qtbot):
    sid, hearings = _session(admin, present=False)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    assert page.quorum.has_quorum is False
    assert page.quorum.text().startswith("No hay quórum: 0 de 5")
    tab.deliberation.ui.deliberationEdit.setFocus()
    _keys(tab.deliberation.ui.deliberationEdit, "Notas que no deben perderse")
    key = _voting_keys(page)[0]
    tab.votes.select_voter(key)
    tab.votes.ui.votersTable.setFocus()  # leaving the text saves it
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_1)
    assert not tab.ui.caseMessage.isHidden()
    assert "No hay quórum" in tab.ui.caseMessage.text(), tab.ui.caseMessage.text()
    assert "no se puede votar" in tab.ui.caseMessage.text().lower()
    detail = views.hearing_detail(admin, hearings[0])
    assert all(v.choice is None for v in detail.voters)
    assert detail.deliberation == "Notas que no deben perderse"
    assert tab.deliberation.ui.deliberationEdit.toPlainText() == "Notas que no deben perderse"
    assert page.undo_stack.undoText().startswith("Deliberación")  # the refused vote left nothing to undo
    # a decision without quorum is refused in words too, and the form keeps what was typed
    tab.decision.ui.conceptEdit.setPlainText("Concepto escrito")
    tab.decision.ui.riskCombo.setCurrentIndex(tab.decision.ui.riskCombo.findData(RiskLevel.EXTREMO))
    assert not tab.record_decision()
    assert "quórum" in tab.decision.ui.decisionMessage.text()
    assert tab.decision.ui.conceptEdit.toPlainText() == "Concepto escrito"
    assert views.hearing_detail(admin, hearings[0]).outcome is None


def _second_desktop(admin):
    """«ana», secretaría of the GVP, working on the same database from another desktop."""
    from comite.domain import Role
    from tests.conftest import make_user
    from tests.db.helpers import login_ctx

    password = make_user(admin, "ana", Role.SECRETARIA, committees=("GVP",))
    return login_ctx(admin.db, "ana", password)


def _vote_of(ctx, hearing_id: int, key: str):
    return next(v.choice for v in views.hearing_detail(ctx, hearing_id).voters if v.seat_key == key)


def test_a_vote_recorded_meanwhile_on_another_desktop_is_not_overwritten(admin, qtbot):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    ana = _second_desktop(admin)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    key, other = _voting_keys(page)[:2]
    tab.deliberation.ui.deliberationEdit.setPlainText("Deliberación en curso")
    tab.decision.ui.conceptEdit.setPlainText("Concepto a medio escribir")
    # Ana records «a favor» while this grid still shows no vote for the seat
    deliberation.cast_vote(ana, hearings[0], key, VoteChoice.A_FAVOR, expected=None)
    assert tab.votes.model.row(tab.votes.model.find_key(key)).choice is None
    tab.votes.select_voter(key)
    tab.votes.ui.votersTable.setFocus()
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_2)  # en contra
    message = tab.ui.caseMessage.text()
    assert not tab.ui.caseMessage.isHidden()
    assert "usuario «ana»" in message and "registró el voto de" in message and "a favor" in message, message
    assert _vote_of(admin, hearings[0], key) is VoteChoice.A_FAVOR  # her vote stands
    assert tab.votes.model.row(tab.votes.model.find_key(key)).choice is VoteChoice.A_FAVOR  # the row shows it now
    assert tab.votes.current_voter().seat_key == key
    assert tab.decision.ui.conceptEdit.toPlainText() == "Concepto a medio escribir"  # nothing else lost
    assert tab.deliberation.ui.deliberationEdit.toPlainText() == "Deliberación en curso"
    assert not page.undo_stack.undoText().startswith("Voto")  # nothing to undo that never happened
    # now that the grid shows her vote, changing it on purpose works
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_2)
    assert _vote_of(admin, hearings[0], key) is VoteChoice.EN_CONTRA

    # undo never reverts someone else's vote: this desktop votes, Ana changes it, Ctrl+Z is refused
    tab.votes.select_voter(other)
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_1)
    assert _vote_of(admin, hearings[0], other) is VoteChoice.A_FAVOR
    deliberation.cast_vote(ana, hearings[0], other, VoteChoice.ABSTENCION, expected=VoteChoice.A_FAVOR)
    page.undo_stack.undo()
    assert _vote_of(admin, hearings[0], other) is VoteChoice.ABSTENCION
    assert "usuario «ana»" in tab.ui.caseMessage.text() and "abstención" in tab.ui.caseMessage.text()
    assert tab.votes.model.row(tab.votes.model.find_key(other)).choice is VoteChoice.ABSTENCION
    # nor redo: undo the vote on the first seat, Ana votes there, redo is refused
    page.undo_stack.undo()  # back to «a favor» (what this desktop replaced)
    assert _vote_of(admin, hearings[0], key) is VoteChoice.A_FAVOR
    deliberation.cast_vote(ana, hearings[0], key, VoteChoice.ABSTENCION, expected=VoteChoice.A_FAVOR)
    page.undo_stack.redo()
    assert _vote_of(admin, hearings[0], key) is VoteChoice.ABSTENCION
    assert "usuario «ana»" in tab.ui.caseMessage.text()


def test_attendance_refusal_shows_in_words_and_the_cell_shows_the_stored_value(admin, qtbot):
    sid, _ = _session(admin)
    page = _open(qtbot, admin, sid)
    tab = page.attendance_tab
    key = _voting_keys(page)[0]
    number = tab.model.find(lambda r: r.seat_key == key)
    assert tab.model.setData(tab.model.index(number, ATT_ARRIVAL), time(10, 0))
    assert not tab.model.setData(tab.model.index(number, ATT_DEPARTURE), time(9, 0))
    assert "salida debe ser posterior" in page.ui.messageLabel.text()
    assert tab.model.row(number).departure is None
    assert tab.model.index(number, ATT_DEPARTURE).data() == ""
    stored = next(r for r in views.attendance_rows(admin, sid) if r.seat_key == key)
    assert (stored.arrival, stored.departure) == (time(10, 0), None)


def test_voter_without_seat_or_vote_is_explained(admin, qtbot):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    invitee = next(v for v in tab.votes.model.rows() if v.rights.value == "solo_voz")
    tab.votes.select_voter(invitee.seat_key)
    assert not tab.votes.vote_current(VoteChoice.A_FAVOR)
    assert "solo voz" in tab.ui.caseMessage.text()


# --- never lose what was typed -------------------------------------------------------------------

def test_deliberation_is_flushed_when_the_page_closes(admin, qtbot):
    sid, hearings = _session(admin)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    page.case_tab.deliberation.ui.deliberationEdit.setFocus()
    _keys(page.case_tab.deliberation.ui.deliberationEdit, "Escrito justo antes de cerrar")
    page.data_tab.ui.developmentEdit.setPlainText("Desarrollo sin pausa")
    assert views.hearing_detail(admin, hearings[0]).deliberation is None  # still inside the debounce
    page.close()
    assert views.hearing_detail(admin, hearings[0]).deliberation == "Escrito justo antes de cerrar"
    assert views.session_header(admin, sid).development == "Desarrollo sin pausa"


def test_deliberation_saves_after_a_short_pause(admin, qtbot):
    sid, hearings = _session(admin)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    page.case_tab.deliberation.ui.deliberationEdit.setFocus()
    _keys(page.case_tab.deliberation.ui.deliberationEdit, "Pausa")
    qtbot.waitUntil(lambda: views.hearing_detail(admin, hearings[0]).deliberation == "Pausa", timeout=3000)
    assert page.case_tab.deliberation.ui.saveStateLabel.text().startswith("Guardado")


def test_deliberation_conflict_keeps_the_text_and_reapplies(admin, qtbot, monkeypatch):
    sid, hearings = _session(admin)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    real = deliberation.update_hearing
    calls = {"n": 0}

    def conflict_once(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            real(admin, hearings[0], deliberation="Texto de otra persona")
            raise ConcurrencyConflict("Otra persona modificó la deliberación mientras usted la editaba.")
        return real(*args, **kwargs)

    monkeypatch.setattr(deliberation, "update_hearing", conflict_once)
    tab.deliberation.ui.deliberationEdit.setFocus()
    _keys(tab.deliberation.ui.deliberationEdit, "Mi texto")
    tab.flush()
    assert "Otra persona" in page.ui.messageLabel.text()
    assert tab.deliberation.ui.deliberationEdit.toPlainText() == "Mi texto"  # the user's input is kept
    assert views.hearing_detail(admin, hearings[0]).deliberation == "Texto de otra persona"
    tab.flush()  # reapplied on the next save
    assert views.hearing_detail(admin, hearings[0]).deliberation == "Mi texto"


# --- agenda: keyboard, drag, navigation, 200 cases ------------------------------------------------

def _order(ctx, sid) -> list[str]:
    return [r.radicado or r.title for r in views.agenda_rows(ctx, sid)]


def test_agenda_reorders_by_keyboard_and_undoes(admin, qtbot):
    sid, _ = _session(admin, n_cases=3, present=False)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_AGENDA)
    tab = page.agenda_tab
    before = _order(admin, sid)
    first_case = next(r for r in page.agenda if r.radicado == "R-GVP-000")
    tab.select_item(first_case.item_id)
    tab.ui.agendaTable.setFocus()
    QTest.keyClick(tab.ui.agendaTable, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(tab.ui.agendaTable, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    after = _order(admin, sid)
    i = before.index("R-GVP-000")
    assert after.index("R-GVP-000") == i + 2
    assert tab.current_row().item_id == first_case.item_id  # the selection follows the moved item
    QTest.keyClick(tab.ui.agendaTable, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _order(admin, sid).index("R-GVP-000") == i + 1
    page.undo_stack.undo()
    page.undo_stack.undo()
    page.undo_stack.undo()
    assert _order(admin, sid) == before


def test_agenda_drag_and_drop_moves_through_the_service(admin, qtbot):
    sid, _ = _session(admin, n_cases=3, present=False)
    page = _open(qtbot, admin, sid)
    model = page.agenda_tab.model
    last = model.find(lambda r: r.radicado == "R-GVP-002")
    first = model.find(lambda r: r.radicado == "R-GVP-000")
    data = model.mimeData([model.index(last, 0)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, first, 0, model.index(first, 0).parent())
    model.dropMimeData(data, Qt.DropAction.MoveAction, first, 0, model.index(first, 0).parent())
    qtbot.waitUntil(lambda: "R-GVP-002" in _order(admin, sid)[:_order(admin, sid).index("R-GVP-000")])
    assert page.undo_stack.undoText().startswith("Mover")


def test_remove_from_agenda_asks_first(admin, qtbot, monkeypatch):
    sid, _ = _session(admin, n_cases=2, present=False)
    page = _open(qtbot, admin, sid)
    tab = page.agenda_tab
    item = next(r for r in page.agenda if r.radicado == "R-GVP-001")
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: asked.append(a[1]) or False)
    tab.select_item(item.item_id)
    tab.remove_current()
    assert "R-GVP-001" in _order(admin, sid) and asked
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    tab.ui.removeButton.click()
    assert "R-GVP-001" not in _order(admin, sid)


def test_case_navigation_by_keyboard(admin, qtbot):
    sid, hearings = _session(admin, n_cases=3)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    tab.votes.ui.votersTable.setFocus()
    assert tab.hearing_id == hearings[0]
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_PageDown)
    assert tab.hearing_id == hearings[1]
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert tab.hearing_id == hearings[2]
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert tab.hearing_id == hearings[1]
    assert tab.navigation.ui.positionLabel.text() == "Caso 2 de 3"
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.ui.tabs.currentIndex() == page.TAB_AGENDA


def test_the_cases_tab_fits_a_1366_pixel_screen_without_sideways_scrolling(admin, qtbot):
    """A secretariat laptop (1366 × 768, the taskbar leaves ~728) with the side panel shown."""
    from PySide6.QtWidgets import QScrollArea

    from tests.gui.conftest import open_window

    sid, _ = _session(admin, "CERREM_POBLACIONAL", n_cases=1)
    window = open_window(qtbot, admin)
    window.resize(1366, 728)
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    qtbot.wait(50)
    left = page.case_tab.findChild(QScrollArea, "leftScroll")
    assert left.horizontalScrollBar().maximum() == 0
    subtitle = page.ui.subtitleLabel
    assert subtitle.wordWrap() and subtitle.height() >= subtitle.heightForWidth(subtitle.width())  # not cut


def test_a_200_case_agenda_opens_and_filters_fluidly(admin, qtbot):
    sid = sessions.create_session(admin, "GVP", DAY, start=time(9, 0)).session_id
    from sqlalchemy import insert

    from comite.model import Case

    with admin.transaction() as s:  # 200 registered cases, written in one statement
        s.execute(insert(Case), [dict(radicado=f"MAS-{i:04d}", kind="individual", beneficiary_name=f"P {i}",
                                      population_code="ddhh_sociales" if i % 2 else "periodistas",
                                      route="ordinaria", displaced=bool(i % 3 == 0), status="en_estudio")
                                 for i in range(200)])
        ids = [cid for (cid,) in s.execute(Case.__table__.select().with_only_columns(Case.id))]
    for cid in ids:
        sessions.add_case(admin, sid, cid)
    started = clock.perf_counter()
    page = _open(qtbot, admin, sid)
    opened = clock.perf_counter() - started
    tab = page.agenda_tab
    assert tab.model.rowCount() == 200 + len([r for r in page.agenda if r.hearing_id is None])
    started = clock.perf_counter()
    tab.ui.filterEdit.setText("mas-01")
    filtered = clock.perf_counter() - started
    assert tab.proxy.rowCount() == 100
    tab.ui.filterEdit.setText("")
    assert opened < 10 and filtered < 0.5, (opened, filtered)


# --- header actions -------------------------------------------------------------------------------

def test_closing_needs_the_closing_hour_and_says_so(admin, qtbot):
    sid, _ = _session(admin)
    page = _open(qtbot, admin, sid)
    page.ui.startButton.click()
    assert page.header.status is SessionStatus.EN_CURSO
    page.ui.closeButton.click()
    assert page.header.status is SessionStatus.EN_CURSO
    assert "hora de cierre" in page.ui.messageLabel.text()
    assert page.ui.tabs.currentIndex() == page.TAB_DATA


def test_acta_actions_and_read_only_after_approval(admin, qtbot, tmp_path):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    decisions.record_decision(admin, hearings[0], decisions.DecisionInput(DecisionOutcome.POSTPONED))
    sessions.update_session(admin, sid, end=time(11, 0))
    sessions.set_status(admin, sid, SessionStatus.CERRADA)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_ACTA)
    tab = page.acta_tab
    assert tab.pdf_view.page_count() >= 1
    tab.choose_pdf_path = lambda: tmp_path / "acta.pdf"
    tab.ui.exportButton.click()
    assert (tmp_path / "acta.pdf").read_bytes().startswith(b"%PDF")
    page.ui.reviewButton.click()
    assert page.header.status is SessionStatus.ACTA_EN_REVISION
    assert tab.versions.rowCount() == 1
    tab.ui.versionsTable.setCurrentIndex(tab.ui.versionsTable.model().index(0, 0))
    tab.show_version()
    assert tab.ui.previewStatus.text().startswith("Versión 1 guardada (borrador)")
    page.ui.approveButton.click()
    assert page.header.status is SessionStatus.ACTA_APROBADA
    assert not page.editable and page.attendance_tab.model.read_only
    assert not page.case_tab.decision.ui.recordButton.isEnabled()
    tab.ui.errataEdit.setPlainText("Se corrige la hora de cierre.")
    tab.ui.errataButton.click()
    assert [v.kind for v in acta.acta_versions(admin, sid)] == ["borrador", "final", "fe_de_erratas"]
    assert "Fe de erratas emitida" in tab.ui.resultLabel.text()


# --- inside the real main window ------------------------------------------------------------------

def test_in_the_main_window_undo_goes_through_the_window_and_closing_flushes(admin, qtbot):
    from tests.gui.conftest import open_window

    sid, hearings = _session(admin, present=False)
    window = open_window(qtbot, admin)
    page = window.open_session(sid)
    assert isinstance(page, SessionPage)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = page.attendance_tab
    key = _voting_keys(page)[0]
    number = tab.model.find(lambda r: r.seat_key == key)
    assert tab.model.setData(tab.model.index(number, ATT_STATUS), AttendanceStatus.EXCUSADO)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()  # Editar ▸ Deshacer (Ctrl+Z) reaches the page's stack
    assert next(r for r in views.attendance_rows(admin, sid) if r.seat_key == key).status is AttendanceStatus.AUSENTE
    window.redo_action.trigger()
    assert next(r for r in views.attendance_rows(admin, sid) if r.seat_key == key).status is AttendanceStatus.EXCUSADO
    page.show_tab(page.TAB_CASES)
    page.case_tab.deliberation.ui.deliberationEdit.setFocus()
    _keys(page.case_tab.deliberation.ui.deliberationEdit, "Antes de cerrar la ventana")
    window.close()
    assert views.hearing_detail(admin, hearings[0]).deliberation == "Antes de cerrar la ventana"


def test_observations_only_from_seats_present_for_the_case(admin, qtbot):
    sid, hearings = _session(admin)
    rows = {r.seat_key: r for r in views.attendance_rows(admin, sid)}
    attendance.set_attendance(admin, rows["procuraduria"].id, status=AttendanceStatus.PRESENTE,
                               person_name="Delegada PGN")
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    combo = tab.observations.ui.observationSeatCombo
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert rows["procuraduria"].id in offered and rows["defensoria"].id not in offered  # absent: not offered
    combo.setCurrentIndex(combo.findData(rows["procuraduria"].id))
    tab.observations.ui.observationEdit.setText("Pide informe de avance.")
    tab.observations.ui.observationAddButton.click()
    assert [o.text for o in views.hearing_detail(admin, hearings[0]).observations] == ["Pide informe de avance."]
    assert tab.observations.ui.observationEdit.text() == ""
    tab.observations.ui.observationsTable.setCurrentIndex(tab.observations.ui.observationsTable.model().index(0, 0))
    tab.observations.ui.observationRemoveButton.click()
    assert views.hearing_detail(admin, hearings[0]).observations == ()


def test_the_votes_say_beforehand_that_the_case_needs_its_time(admin, qtbot):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    assert "indique la hora" not in tab.votes.ui.tallyLabel.text()  # no arrivals or departures recorded: no need
    late = next(r for r in page.attendance if r.rights.value == "voz_y_voto" and r.condition is None)
    attendance.set_attendance(admin, late.id, arrival=time(9, 40))
    page.refresh()
    assert "indique la hora en que se trató el caso (Ctrl+H) antes de votar" in tab.votes.ui.tallyLabel.text()
    tab.deliberation.set_now()  # Ctrl+H
    assert "indique la hora" not in tab.votes.ui.tallyLabel.text()


# --- the decision form: nothing typed is lost ------------------------------------------------------

@pytest.fixture
def choices(monkeypatch):
    """Answers to :func:`dialogs.choose` (by key), popped in order; the questions asked are kept."""
    answers: list[str] = []
    asked: list[tuple[str, list[str]]] = []

    def fake(_parent, question, options, **kw):
        asked.append((question, [text for _key, text in options]))
        return answers.pop(0) if answers else kw.get("cancel")

    monkeypatch.setattr(dialogs, "choose", fake)
    fake.answers, fake.asked = answers, asked
    return fake


def _type_decision(tab, outcome=DecisionOutcome.DECIDED, concept="", level=None, measure=False) -> None:
    form = tab.decision
    form.ui.outcomeCombo.setCurrentIndex(form.ui.outcomeCombo.findData(outcome))
    if level is not None:
        form.ui.riskCombo.setCurrentIndex(form.ui.riskCombo.findData(level))
    form.ui.conceptEdit.setFocus()
    _keys(form.ui.conceptEdit, concept)
    if measure:
        form.ui.measureCombo.setCurrentIndex(1)
        form.add_measure()


def test_the_decision_typed_survives_moving_between_cases(admin, qtbot):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    assert tab.decision.draftNote.isHidden()  # looking at a case is not typing a decision
    _type_decision(tab, concept="Riesgo evidente por amenazas", level=RiskLevel.EXTREMO, measure=True)
    assert not tab.decision.draftNote.isHidden() and "Decisión sin registrar" in tab.decision.draftNote.text()
    tab.step(+1)
    assert tab.hearing_id == hearings[1]
    assert tab.decision.ui.conceptEdit.toPlainText() == "" and tab.decision.measures.rowCount() == 0
    assert tab.decision.draftNote.isHidden()
    tab.step(-1)  # back: everything typed is there, and says it is not registered
    assert tab.decision.ui.conceptEdit.toPlainText() == "Riesgo evidente por amenazas"
    assert tab.decision.ui.riskCombo.currentData() == RiskLevel.EXTREMO
    assert tab.decision.measures.rowCount() == 1
    assert "los cambios se conservan hasta que la registre" in tab.decision.draftNote.text()
    assert views.hearing_detail(admin, hearings[0]).outcome is None  # a draft, not a decision
    # reloads (F5, another desktop's votes) keep it as well
    page.refresh()
    assert tab.decision.ui.conceptEdit.toPlainText() == "Riesgo evidente por amenazas"
    # undoing the typing by hand leaves nothing unsaved
    tab.decision.ui.conceptEdit.clear()
    tab.decision.ui.riskCombo.setCurrentIndex(tab.decision.ui.riskCombo.findData(None))
    tab.decision.measures.remove(0)
    assert not tab.decision.dirty() and tab.decision.draftNote.isHidden()
    assert tab.unsaved_decisions() == []


def test_own_deliberation_saves_do_not_make_the_draft_stale(admin, qtbot):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    _type_decision(tab, DecisionOutcome.POSTPONED, "Aplazado")
    tab.deliberation.ui.deliberationEdit.setFocus()
    _keys(tab.deliberation.ui.deliberationEdit, "Se discutió el caso.")
    tab.flush()
    tab.step(+1)
    tab.step(-1)
    tab.deliberation.ui.deliberationEdit.setFocus()
    tab.deliberation.ui.deliberationEdit.moveCursor(QTextCursor.MoveOperation.End)
    _keys(tab.deliberation.ui.deliberationEdit, " Y se aplazó.")
    assert tab.record_decision(), tab.decision.ui.decisionMessage.text()
    detail = views.hearing_detail(admin, hearings[0])
    assert (detail.outcome, detail.deliberation) == (DecisionOutcome.POSTPONED, "Se discutió el caso. Y se aplazó.")


def test_a_draft_does_not_overwrite_a_decision_recorded_meanwhile(admin, qtbot):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    ana = _second_desktop(admin)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    _type_decision(tab, DecisionOutcome.POSTPONED, "Falta el estudio")
    tab.step(+1)
    decisions.record_decision(ana, hearings[0], decisions.DecisionInput(DecisionOutcome.RETURNED,
                                                                            concept="Concepto de Ana"))
    # a case with nothing typed follows what another desktop records
    decisions.record_decision(ana, hearings[1], decisions.DecisionInput(DecisionOutcome.POSTPONED,
                                                                            concept="Otro de Ana"))
    page.reload_all()
    assert tab.decision.ui.conceptEdit.toPlainText() == "Otro de Ana"
    tab.step(-1)
    assert tab.decision.ui.conceptEdit.toPlainText() == "Falta el estudio"  # the draft is kept...
    assert "cambió desde que usted empezó a editarla" in tab.decision.draftNote.text()  # ...and warns
    assert not tab.record_decision()  # refused by the service, naming who
    message = tab.decision.ui.decisionMessage.text()
    assert "usuario «ana»" in message and "registró la decisión" in message, message
    detail = views.hearing_detail(admin, hearings[0])
    assert (detail.outcome, detail.concept) == (DecisionOutcome.RETURNED, "Concepto de Ana")
    assert tab.decision.ui.conceptEdit.toPlainText() == "Falta el estudio"
    assert tab.record_decision()  # now seen: registering again replaces it knowingly
    detail = views.hearing_detail(admin, hearings[0])
    assert (detail.outcome, detail.concept) == (DecisionOutcome.POSTPONED, "Falta el estudio")
    assert tab.decision.draftNote.isHidden() and tab.unsaved_decisions() == []


def test_closing_the_page_asks_about_unregistered_decisions(admin, qtbot, choices):
    from tests.gui.conftest import open_window

    sid, hearings = _session(admin, n_cases=3)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    window = open_window(qtbot, admin)
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    _type_decision(tab, concept="Extremo sin votos", level=RiskLevel.EXTREMO, measure=True)
    tab.step(+1)
    _type_decision(tab, DecisionOutcome.POSTPONED, "Aplazado por falta de estudio")
    tab.step(+1)  # the third case: nothing typed
    # «Volver»: the page stays open with both drafts, on the first one
    choices.answers.append("cancel")
    assert not window.close_session_page(sid)
    question, buttons = choices.asked[-1]
    assert "R-GVP-000" in question and "R-GVP-001" in question and "R-GVP-002" not in question
    assert buttons == ["&Registrarlas", "&Descartarlas", "&Volver"]
    assert sid in window.session_pages and tab.hearing_id == hearings[0]
    assert tab.decision.ui.conceptEdit.toPlainText() == "Extremo sin votos"
    # «Registrar»: the first is refused (no votes yet): the page stays on it, with the reason
    choices.answers.append("register")
    assert not window.close_session_page(sid)
    assert sid in window.session_pages and tab.hearing_id == hearings[0]
    assert tab.decision.ui.decisionMessage.text() and tab.decision.ui.conceptEdit.toPlainText() == "Extremo sin votos"
    assert views.hearing_detail(admin, hearings[0]).outcome is None
    # the user changes it to «Aplazado» and registers both on closing
    tab.decision.ui.outcomeCombo.setCurrentIndex(tab.decision.ui.outcomeCombo.findData(DecisionOutcome.POSTPONED))
    choices.answers.append("register")
    assert window.close_session_page(sid)
    assert sid not in window.session_pages
    assert views.hearing_detail(admin, hearings[0]).outcome is DecisionOutcome.POSTPONED
    assert views.hearing_detail(admin, hearings[0]).concept == "Extremo sin votos"
    assert views.hearing_detail(admin, hearings[1]).concept == "Aplazado por falta de estudio"
    assert views.hearing_detail(admin, hearings[2]).outcome is None
    # nothing typed: closing asks nothing
    asked = len(choices.asked)
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    assert window.close_session_page(sid) and len(choices.asked) == asked


def test_closing_the_window_asks_too_and_cancel_keeps_it_open(admin, qtbot, choices):
    from tests.gui.conftest import open_window

    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    window = open_window(qtbot, admin)
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    _type_decision(tab, DecisionOutcome.RETURNED, "Devuelto al analista")
    window.show_page("sesiones")  # another page in view: closing still finds the draft
    choices.answers.append("cancel")
    window.close()
    assert window.isVisible() and len(choices.asked) == 1
    assert "una decisión sin registrar en el caso R-GVP-000" in choices.asked[0][0]
    assert window.current_page_key().endswith(str(sid))  # back on the session, on that case
    assert tab.decision.ui.conceptEdit.toPlainText() == "Devuelto al analista"
    choices.answers.append("discard")
    window.close()
    assert not window.isVisible()
    assert views.hearing_detail(admin, hearings[0]).outcome is None  # discarded, as chosen
