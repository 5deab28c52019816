"""Role-aware actions (#15 item 7), beyond the session header and the acta tab that
``test_roles.py`` covers: the main window's actions, the read-only decision form and
invitee shortcut, and a removal from the agenda the rules refuse before any confirmation.
A disabled control's tooltip is the very sentence the service would raise."""

from __future__ import annotations

import pytest

from comite.domain import Role
from comite.services.backup import POSTGRES_REFUSAL
from comite.services.permissions import Action, refusal
from tests.conftest import make_user
from tests.db.helpers import login_ctx
from tests.gui.conftest import open_window

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
