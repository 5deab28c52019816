"""Role-aware actions (#15 item 7), beyond the session header and the acta tab that
``test_roles.py`` covers: the main window's actions, the read-only decision form and
invitee shortcut, a removal from the agenda and an approval (from the acta tab) the rules
refuse before any confirmation. A disabled control's tooltip, and a refusal said beforehand,
is the very sentence the service would raise."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from comite.domain import Role, SessionStatus
from comite.errors import RuleViolation
from comite.services import acta
from comite.services.backup import POSTGRES_REFUSAL
from comite.services.permissions import Action, refusal
from tests.conftest import make_user
from tests.db.helpers import login_ctx
from tests.db.review_helpers import closed_cerrem_session
from tests.gui.conftest import open_window
from tests.gui.test_session_page import _open

COMMITTEE = "CERREM_POBLACIONAL"


def _ctx(admin, role: Role):
    if role is Role.ADMINISTRADOR:
        return admin
    password = make_user(admin, role.value, role, committees=[COMMITTEE])
    return login_ctx(admin.db, role.value, password)


def test_every_role_is_covered():
    # SISTEMA is the maintenance commands' actor, never an account that opens a window
    assert set(Role) - {Role.SISTEMA} == {Role.ADMINISTRADOR, Role.SECRETARIA, Role.REVISOR}


@pytest.mark.parametrize("role", [Role.ADMINISTRADOR, Role.SECRETARIA, Role.REVISOR])
def test_main_window_actions_follow_the_role(admin, qtbot, role):
    ctx = _ctx(admin, role)
    window = open_window(qtbot, ctx)
    ui = window.ui
    may_edit = role is not Role.REVISOR
    assert ui.actionNewSession.isEnabled() is may_edit and ui.newSessionButton.isEnabled() is may_edit
    if not may_edit:
        expected = "El usuario «revisor» (revisor) no puede preparar o registrar sesiones."
        assert expected == refusal(ctx, Action.EDIT_SESSION)
        assert ui.actionNewSession.toolTip() == expected and ui.newSessionButton.toolTip() == expected
    else:
        assert "no puede" not in ui.actionNewSession.toolTip() + ui.newSessionButton.toolTip()
    sqlite = admin.db.sqlite_path is not None
    assert ui.actionBackup.isEnabled() is (may_edit and sqlite)
    if not may_edit:
        assert ui.actionBackup.toolTip() == "El usuario «revisor» (revisor) no puede hacer copias de seguridad."
    elif not sqlite:
        assert ui.actionBackup.toolTip() == POSTGRES_REFUSAL
    assert ui.menuFile.toolTipsVisible()  # a disabled action's reason shows in the menu


def test_a_secretary_of_no_committee_is_told_why_she_cannot_create_sessions(admin, qtbot):
    password = make_user(admin, "sin_comite", Role.SECRETARIA)
    window = open_window(qtbot, login_ctx(admin.db, "sin_comite", password))
    assert not window.ui.newSessionButton.isEnabled()
    assert "ningún comité" in window.ui.newSessionButton.toolTip()


def test_removing_a_decided_case_is_refused_without_asking(admin, qtbot, confirm_answers):
    sid = closed_cerrem_session(admin).session_id
    page = _open(qtbot, _ctx(admin, Role.SECRETARIA), sid)
    page.show_tab(page.TAB_AGENDA)
    row = next(r for r in page.agenda if r.hearing_id is not None)
    page.agenda_tab.select_item(row.item_id)
    button = page.agenda_tab.ui.removeButton
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert confirm_answers.asked == []  # the reason at once, instead of a question refused afterwards
    assert "ya tiene decisión o votos registrados" in page.ui.messageLabel.text()
    assert any(r.item_id == row.item_id for r in page.agenda)


def test_a_read_only_page_offers_no_change_by_shortcut_or_in_the_decision(admin, qtbot, confirm_answers):
    sid = closed_cerrem_session(admin).session_id
    page = _open(qtbot, _ctx(admin, Role.REVISOR), sid)
    assert not page.editable
    page.show_tab(page.TAB_CASES)
    ui = page.case_tab.decision.ui
    assert not ui.outcomeCombo.isEnabled() and not ui.recordButton.isEnabled()
    for edit in (ui.conceptEdit, ui.departureEdit, ui.levelChangeEdit, ui.concertationWithEdit):
        assert edit.isReadOnly(), edit.objectName()
    concept = ui.conceptEdit.toPlainText()
    qtbot.mouseClick(ui.conceptEdit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(ui.conceptEdit, "texto nuevo")
    assert ui.conceptEdit.toPlainText() == concept
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.data_tab.invitee_dialog is None  # the shortcut offers nothing the role may not do


def test_an_editable_page_still_opens_the_invitee_dialog_by_shortcut(admin, qtbot):
    sid = closed_cerrem_session(admin).session_id
    page = _open(qtbot, admin, sid)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.data_tab.invitee_dialog is not None
    page.data_tab.invitee_dialog.reject()
    page.show_tab(page.TAB_CASES)
    ui = page.case_tab.decision.ui
    assert ui.outcomeCombo.isEnabled() and not ui.conceptEdit.isReadOnly()


def _observed(admin) -> int:
    """A closed session whose draft acta has a revisor's observation not yet answered."""
    sid = closed_cerrem_session(admin).session_id
    reviewer = _ctx(admin, Role.REVISOR)
    acta.issue_draft(admin, sid)
    draft = acta.latest_draft_version(reviewer, sid)
    assert draft is not None
    acta.add_review_observation(reviewer, draft.id, "Falta la hora de llegada de la Procuraduría.")
    return sid


def test_the_acta_tab_refuses_approval_with_pending_observations_without_asking(admin, qtbot, confirm_answers):
    sid = _observed(admin)
    page = _open(qtbot, _ctx(admin, Role.SECRETARIA), sid)
    page.show_tab(page.TAB_ACTA)
    button = page.acta_tab.ui.approveButton  # the tab's own button (test_roles clicks the header's)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert confirm_answers.asked == []
    assert "sin atender" in page.acta_tab.ui.resultLabel.text()
    assert page.header.status is SessionStatus.ACTA_EN_REVISION


def test_approval_still_asks_when_nothing_is_pending(admin, qtbot, confirm_answers):
    sid = closed_cerrem_session(admin).session_id
    page = _open(qtbot, _ctx(admin, Role.SECRETARIA), sid)
    page.show_tab(page.TAB_ACTA)
    button = page.acta_tab.ui.approveButton
    confirm_answers.answers.append(False)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert len(confirm_answers.asked) == 1 and "¿Aprobar el acta" in confirm_answers.asked[0]
    assert page.header.status is SessionStatus.CERRADA


def test_the_service_and_the_screen_use_the_same_words(admin):
    sid = _observed(admin)
    said = acta.pending_review_refusal(admin, sid)
    with pytest.raises(RuleViolation) as err:
        acta.approve_acta(admin, sid)
    assert said == str(err.value) and "sin atender" in said
    assert acta.pending_review_refusal(admin, closed_cerrem_session(admin, prefix="B").session_id) == ""
