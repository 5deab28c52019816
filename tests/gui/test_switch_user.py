"""«Cambiar de usuario» (issue #15, item 6): from the Archivo menu and from the lock screen, the
user's windows close safely (the decision typed stays as that account's draft), and the login asks
the next person for their own account; the DEMO badge is the database's, shown by any instance."""

from __future__ import annotations

import pytest
import shiboken6

from comite.domain import RiskLevel, Role, SessionStatus
from comite.gui.app import Startup
from comite.gui.login import DEMO_MARK
from comite.model import Setting
from comite.services import accounts, drafts, sessions
from comite.services.catalog import DEMO_SETTING, is_demo_database
from tests.conftest import ADMIN, ADMIN_PASSWORD, FAST_HASH, FAST_KDF, make_user
from tests.gui.conftest import open_window
from tests.gui.test_session_page import _session, _type_decision


@pytest.fixture
def started(qtbot, admin):
    """The start-up's main window for the administrator (its windows delete themselves on close)."""
    startup = Startup(admin.db, kdf=FAST_KDF, hasher=FAST_HASH)
    startup.show_main(accounts.login(admin.db, ADMIN, ADMIN_PASSWORD))
    qtbot.waitExposed(startup.window)
    yield startup
    for widget in (startup.window, startup.login_dialog):
        if widget is not None and shiboken6.isValid(widget):
            widget.close()
            shiboken6.delete(widget)


def _log_in_as(qtbot, startup: Startup, username: str, password: str):
    qtbot.waitUntil(lambda: startup.login_dialog is not None and startup.login_dialog.isVisible())
    dialog = startup.login_dialog
    assert dialog.ui.userEdit.text() == ""  # the next person types their own account
    dialog.ui.userEdit.setText(username)
    dialog.ui.passwordEdit.setText(password)
    dialog.try_login()
    qtbot.waitUntil(lambda: startup.window is not None and startup.window.actor.username == username)
    return startup.window


def test_changing_user_from_the_menu_keeps_the_drafts_and_asks_who_comes(admin, qtbot, started):
    password = make_user(admin, "secretaria", Role.SECRETARIA, committees=("GVP",))
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    finished = []
    startup = started
    startup.finished.connect(finished.append)
    window = startup.window
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    _type_decision(page.case_tab, concept="Se mantiene el nivel", level=RiskLevel.EXTRAORDINARIO)
    assert window.actionSwitchUser in window.ui.menuFile.actions()
    window.actionSwitchUser.trigger()  # nothing is asked: the draft is kept for this account
    assert drafts.load_draft(admin, hearings[0]).values["concept"] == "Se mantiene el nivel"
    other = _log_in_as(qtbot, startup, "secretaria", password)
    assert other is not window and other.actor.role is Role.SECRETARIA
    assert finished == []  # the application did not end


def test_changing_user_from_the_lock_screen(admin, qtbot, started):
    password = make_user(admin, "revisora", Role.REVISOR, committees=("GVP",))
    startup = started
    window = startup.window
    window.lock()
    assert window.lock_dialog.switchButton.isVisible()
    window.lock_dialog.switchButton.click()
    other = _log_in_as(qtbot, startup, "revisora", password)
    assert other.actor.username == "revisora" and not other.is_locked


def test_the_demo_badge_belongs_to_the_database(admin, qtbot):
    window = open_window(qtbot, admin)  # not started with --demo
    assert not window.demo and not window.demo_label.isVisibleTo(window)
    with admin.db.Session() as s, s.begin():
        s.merge(Setting(key=DEMO_SETTING, value="true"))
    assert is_demo_database(admin.db)
    again = open_window(qtbot, admin)  # a second instance opening the demo's database
    assert again.demo and again.demo_label.isVisibleTo(again) and DEMO_MARK in again.windowTitle()
