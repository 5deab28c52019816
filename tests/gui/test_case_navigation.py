"""Moving between the cases of a session never shows the previous case's values.

Found walking a session by hand: after moving to the next case the hour field and
the «Guardado hh:mm:ss» note still showed the previous case's. Each test types or
saves something on one case, moves by the mouse or the keyboard (with the focus
where a user leaves it), and checks that every field of the next case shows that
case and nothing of the one before.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from comite.domain import RiskLevel, SessionStatus, VoteChoice
from comite.services import deliberation, sessions, views
from tests.gui.test_session_page import _keys, _open, _session, _voting_keys


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _saved_hour_on_first_case(qtbot, tab) -> None:
    """Through the hour field as a user does: click it, type, Intro (the focus stays there)."""
    edit = tab.deliberation.ui.discussedEdit
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    _keys(edit, "10:15")
    QTest.keyClick(edit, Qt.Key.Key_Return)


def _assert_shows_an_untouched_case(tab, hearing_id: int, radicado: str) -> None:
    deliberation, decision = tab.deliberation.ui, tab.decision.ui
    assert tab.hearing_id == hearing_id
    assert radicado in tab.ui.caseHeaderLabel.text()
    assert tab.navigation.ui.caseCombo.currentData() == hearing_id
    assert deliberation.discussedEdit.text() == ""  # this case has no hour yet
    assert not deliberation.saveStateLabel.text().startswith("Guardado"), deliberation.saveStateLabel.text()
    assert deliberation.deliberationEdit.toPlainText() == ""
    assert tab.observations.ui.observationEdit.text() == ""
    assert decision.riskCombo.currentData() is None and decision.pctSpin.value() == 0
    assert decision.conceptEdit.toPlainText() == ""
    assert decision.decisionGroup.title() == "Decisión: sin registrar"
    assert "0 a favor" in tab.votes.ui.tallyLabel.text()
    assert tab.ui.caseMessage.isHidden() and decision.decisionMessage.isHidden()


def test_the_next_case_shows_its_own_hour_saved_state_and_decision(admin, qtbot):
    sid, hearings = _session(admin, n_cases=3)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    radicados = [r.radicado for r in page.agenda if r.hearing_id is not None]

    _saved_hour_on_first_case(qtbot, tab)
    assert views.hearing_detail(admin, hearings[0]).discussed_at == time(10, 15)
    tab.deliberation.ui.deliberationEdit.setFocus()
    _keys(tab.deliberation.ui.deliberationEdit, "Se revisó la amenaza.")
    tab.flush()
    assert tab.deliberation.ui.saveStateLabel.text().startswith("Guardado")
    tab.votes.select_voter(_voting_keys(page)[0])
    tab.votes.ui.votersTable.setFocus()
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_1)
    tab.decision.ui.riskCombo.setCurrentIndex(tab.decision.ui.riskCombo.findData(RiskLevel.EXTRAORDINARIO))
    tab.decision.ui.pctSpin.setValue(55.5)
    tab.observations.ui.observationEdit.setText("Observación a medio escribir")

    _click(qtbot, tab.navigation.ui.nextButton)  # by mouse
    _assert_shows_an_untouched_case(tab, hearings[1], radicados[1])

    # by keyboard, with the focus left in the hour field of a case with an hour
    tab.step(-1)
    assert tab.deliberation.ui.discussedEdit.text() == "10:15"
    qtbot.mouseClick(tab.deliberation.ui.discussedEdit, Qt.MouseButton.LeftButton)
    assert tab.deliberation.ui.discussedEdit.hasFocus()
    QTest.keyClick(tab.deliberation.ui.discussedEdit, Qt.Key.Key_PageDown)
    _assert_shows_an_untouched_case(tab, hearings[1], radicados[1])

    # and back: the first case shows its own values, the draft typed there included
    _click(qtbot, tab.navigation.ui.prevButton)
    assert tab.deliberation.ui.discussedEdit.text() == "10:15"
    assert tab.deliberation.ui.deliberationEdit.toPlainText() == "Se revisó la amenaza."
    assert tab.decision.ui.riskCombo.currentData() == RiskLevel.EXTRAORDINARIO
    assert tab.decision.ui.pctSpin.value() == 55.5
    assert tab.observations.ui.observationEdit.text() == "Observación a medio escribir"  # typed there, kept there
    assert "1 a favor" in tab.votes.ui.tallyLabel.text()


def test_an_hour_typed_and_not_confirmed_stays_with_its_case(admin, qtbot):
    """Typing an hour and moving on (Alt+Right, the focus still in the field) must not save that
    hour on the next case when the focus finally leaves the field."""
    sid, hearings = _session(admin, n_cases=2)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    edit = tab.deliberation.ui.discussedEdit
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    _keys(edit, "11:40")
    QTest.keyClick(edit, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert tab.hearing_id == hearings[1]
    assert edit.text() == ""
    tab.deliberation.ui.deliberationEdit.setFocus()  # the focus leaves the hour field on the second case
    assert views.hearing_detail(admin, hearings[1]).discussed_at is None
    assert views.hearing_detail(admin, hearings[0]).discussed_at == time(11, 40)  # kept for its case


def test_a_vote_on_one_case_never_shows_on_the_next(admin, qtbot):
    sid, hearings = _session(admin, n_cases=2)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    key = None
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    key = _voting_keys(page)[0]
    deliberation.cast_vote(admin, hearings[0], key, VoteChoice.EN_CONTRA)
    page.refresh()
    assert tab.votes.model.row(tab.votes.model.find_key(key)).choice is VoteChoice.EN_CONTRA
    tab.step(+1)
    assert tab.votes.model.row(tab.votes.model.find_key(key)).choice is None
    assert "0 a favor, 0 en contra" in tab.votes.ui.tallyLabel.text()
