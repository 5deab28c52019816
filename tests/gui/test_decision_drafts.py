"""Decision drafts survive a crash and the lock screen (#13, the GUI half): the decision form is
saved, encrypted, a second after the last edit and at once when the window locks; a new window
opening the case restores it; registering the decision discards it."""

from __future__ import annotations

import shiboken6

from comite.domain import RiskLevel, SessionStatus
from comite.gui.session_page import SessionPage
from comite.services import drafts, sessions, views
from tests.gui.conftest import open_window
from tests.gui.test_session_page import _open, _session, _type_decision

CONCEPT = "Riesgo extraordinario por amenazas reiteradas"


def _restored(tab) -> None:
    form = tab.decision
    assert form.ui.conceptEdit.toPlainText() == CONCEPT
    assert form.ui.riskCombo.currentData() == RiskLevel.EXTRAORDINARIO
    assert form.measures.rowCount() == 1
    assert "Decisión sin registrar" in form.draftNote.text()


def test_a_draft_survives_a_crash(admin, qtbot):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = SessionPage(admin, sid)  # not handed to qtbot: the test destroys it
    page.resize(1300, 850)
    page.show()
    page.show_tab(page.TAB_CASES)
    _type_decision(page.case_tab, concept=CONCEPT, level=RiskLevel.EXTRAORDINARIO, measure=True)
    # a second after the last edit the draft is in the database, before anything closes
    qtbot.waitUntil(lambda: drafts.load_draft(admin, hearings[0]) is not None, timeout=5000)
    page.case_tab.decision.keeper.flush()  # whatever was typed in the last second
    stored = drafts.load_draft(admin, hearings[0])
    assert stored.values["concept"] == CONCEPT
    # the crash: the window is gone without closing, flushing or asking anything
    page.case_tab.decision.keeper.blockSignals(True)
    shiboken6.delete(page)
    again = _open(qtbot, admin, sid)
    again.show_tab(again.TAB_CASES)
    assert again.case_tab.hearing_id == hearings[0]
    _restored(again.case_tab)
    # registering it discards the draft
    again.case_tab.votes.ui.allFavorButton.click()
    assert again.case_tab.decision.record(), again.case_tab.decision.ui.decisionMessage.text()
    assert drafts.load_draft(admin, hearings[0]) is None
    assert views.hearing_detail(admin, hearings[0]).risk_level is RiskLevel.EXTRAORDINARIO


def test_a_draft_survives_quitting_from_the_lock_screen(admin, qtbot):
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    window = open_window(qtbot, admin)
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    _type_decision(page.case_tab, concept=CONCEPT, level=RiskLevel.EXTRAORDINARIO, measure=True)
    window.lock()  # at once, before the debounce: locking saves it
    assert drafts.load_draft(admin, hearings[0]).values["concept"] == CONCEPT
    window._quit_from_lock()  # nobody authenticated to ask: the window closes, the draft stays
    qtbot.waitUntil(lambda: not window.isVisible())
    other = open_window(qtbot, admin)
    page = other.open_session(sid)
    page.show_tab(page.TAB_CASES)
    _restored(page.case_tab)
    # dropping what was typed (clearing it by hand) drops the draft too
    form = page.case_tab.decision
    form.ui.conceptEdit.clear()
    proposal = views.hearing_detail(admin, hearings[0]).proposal_level
    form.ui.riskCombo.setCurrentIndex(form.ui.riskCombo.findData(proposal))
    form.measures.remove(0)
    assert not form.dirty()
    assert drafts.load_draft(admin, hearings[0]) is None


def test_a_draft_carries_every_field_of_the_form_including_the_coherence_facts():
    """Every field of DecisionForm goes into the draft and comes back as the same type (the
    facts of Decreto 1139's coherence rules, a restoration row's entity), through JSON as stored;
    a draft saved before those fields existed restores with their defaults."""
    import json
    from datetime import date

    from comite.domain import DecisionOutcome, EmergencyDisposition, MeasureAction, RiskLevel
    from comite.gui.session.case.decision import DecisionForm
    from comite.gui.session.case.saved_drafts import form_fields, form_values

    form = DecisionForm(DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, 55.5, "Concepto",
                        (("apoyo_psicosocial", "Apoyo", 1, MeasureAction.IMPLEMENTAR, 6, date(2027, 1, 5), True,
                          "Ministerio de Salud"),),
                        "La matriz no pesa la amenaza reciente", "Hechos nuevos", EmergencyDisposition.LEVANTAR,
                        "Se levantan", date(2026, 3, 2), "Junta del colectivo")
    stored = json.loads(json.dumps(form_values(form, ())))
    assert DecisionForm(**form_fields(DecisionForm, stored)) == form
    old = {"outcome": "decidido", "risk_level": None, "pct": 0.0, "concept": "x",
           "measures": [["chaleco", "Chaleco", 1, "implementar", None, None]]}
    restored = DecisionForm(**form_fields(DecisionForm, old))
    assert restored.measures == (("chaleco", "Chaleco", 1, MeasureAction.IMPLEMENTAR, None, None, False, ""),)
    assert restored.emergency_disposition is None and restored.level_change_reason == ""
