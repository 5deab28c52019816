"""The application shell driven through its real windows: first administrator,
login, main window, new session, filters, session workspace hook, idle lock,
unexpected errors, settings."""

from __future__ import annotations

import json
import logging
import sys
import threading
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from comite import paths
from comite.domain import Role
from comite.errors import StorageError, ValidationError
from comite.gui import app as gui_app
from comite.gui import dialogs
from comite.gui import main_window as main_window_module
from comite.gui.app import Startup
from comite.gui.login import FirstAdminDialog, LoginDialog
from comite.gui.settings import GEOMETRY_FILE, PREFERENCES_FILE, Preferences, load_preferences
from comite.logs import log_file
from comite.services import accounts, audit, sessions
from comite.services.context import Changes
from comite.storage.secrets import MemorySecretStore
from tests.conftest import ADMIN, ADMIN_PASSWORD, FAST_HASH, FAST_KDF, make_user
from tests.db.helpers import login_ctx, new_session
from tests.gui.conftest import open_window


class NoKeyring(MemorySecretStore):
    @property
    def available(self) -> bool:
        return False


def _login_dialog(qtbot, db, **kw):
    dialog = LoginDialog(db, store=kw.pop("store", MemorySecretStore()), **kw)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _type_login(qtbot, dialog, username, password):
    dialog.ui.userEdit.clear()
    qtbot.keyClicks(dialog.ui.userEdit, username)
    dialog.ui.passwordEdit.clear()
    qtbot.keyClicks(dialog.ui.passwordEdit, password)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)


# --- login -------------------------------------------------------------------------------------

def test_wrong_password_is_refused_in_spanish_and_the_dialog_stays(qtbot, database, recovery_key):
    dialog = _login_dialog(qtbot, database)
    got = []
    dialog.logged_in.connect(got.append)
    _type_login(qtbot, dialog, ADMIN, "no-es-la-clave")
    assert dialog.ui.errorLabel.text() == "Usuario o contraseña incorrectos."
    assert dialog.ui.errorLabel.isVisible() and dialog.isVisible() and not got
    assert dialog.ui.userEdit.text() == ADMIN and dialog.ui.passwordEdit.text() == ""
    assert database.vault is None


def test_lockout_message_after_five_failures(qtbot, database, recovery_key):
    dialog = _login_dialog(qtbot, database)
    for _ in range(5):
        _type_login(qtbot, dialog, ADMIN, "otra-clave-mala")
    assert "bloqueada durante 15 minutos" in dialog.ui.errorLabel.text()
    _type_login(qtbot, dialog, ADMIN, ADMIN_PASSWORD)
    assert "La cuenta está bloqueada" in dialog.ui.errorLabel.text()


def test_empty_fields_are_asked_for(qtbot, database, recovery_key):
    dialog = _login_dialog(qtbot, database)
    qtbot.mouseClick(dialog.ui.loginButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.text() == "Escriba su usuario y su contraseña."


def test_login_remembers_the_key_when_asked(qtbot, database, recovery_key):
    store = MemorySecretStore()
    dialog = _login_dialog(qtbot, database, store=store, username=ADMIN)
    assert dialog.ui.passwordEdit.hasFocus() or QApplication.focusWidget() in (None, dialog.ui.passwordEdit)
    dialog.ui.rememberCheck.setChecked(True)
    with qtbot.waitSignal(dialog.logged_in) as signal:
        _type_login(qtbot, dialog, ADMIN, ADMIN_PASSWORD)
    assert signal.args[0].actor.username == ADMIN
    assert len(store) == 1 and accounts.remembered_vault(database, store) is not None
    assert accounts.remembered_key(database, store).username == ADMIN  # whose key it is, for unattended backups
    assert not dialog.isVisible()


def test_without_a_keyring_the_login_says_so_and_works(qtbot, database, recovery_key):
    dialog = _login_dialog(qtbot, database, store=NoKeyring())
    assert not dialog.ui.rememberCheck.isEnabled()
    assert "no se puede recordar" in dialog.ui.rememberNote.text()
    with qtbot.waitSignal(dialog.logged_in):
        _type_login(qtbot, dialog, ADMIN, ADMIN_PASSWORD)


def test_demo_login_is_marked(qtbot, database, recovery_key):
    dialog = _login_dialog(qtbot, database, demo=True)
    assert dialog.ui.demoLabel.isVisible() and "DEMO — datos ficticios" in dialog.windowTitle()
    assert dialog.ui.demoLabel.alignment() == Qt.AlignmentFlag.AlignCenter  # the badge centred, as in the form


# --- first administrator -------------------------------------------------------------------------

def _first_admin(qtbot, database):
    dialog = FirstAdminDialog(database, kdf=FAST_KDF, hasher=FAST_HASH)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _fill_first_admin(qtbot, dialog, password="Secretaria-2026!", repeat=None):
    ui = dialog.ui
    for edit, text in ((ui.usernameEdit, "ana"), (ui.fullNameEdit, "Ana Administradora"),
                       (ui.passwordEdit, password), (ui.repeatEdit, password if repeat is None else repeat)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)


def test_first_administrator_and_the_recovery_key_shown_once(qtbot, database):
    dialog = _first_admin(qtbot, database)
    _fill_first_admin(qtbot, dialog, repeat="Otra-cosa-2026!")
    assert dialog.ui.errorLabel.text() == "Las dos contraseñas no coinciden."
    _fill_first_admin(qtbot, dialog, password="corta")
    assert "al menos 10 caracteres" in dialog.ui.errorLabel.text()
    assert not accounts.is_initialized(database)

    _fill_first_admin(qtbot, dialog)
    assert dialog.ui.steps.currentWidget() is dialog.ui.recoveryPage
    key = dialog.recovery_key()
    assert key and dialog.ui.recoveryEdit.isReadOnly()
    qtbot.mouseClick(dialog.ui.copyButton, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == key
    assert not dialog.ui.continueButton.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the key must be acknowledged
    assert dialog.isVisible()
    dialog.ui.savedCheck.setChecked(True)
    with qtbot.waitSignal(dialog.account_created) as signal:
        qtbot.mouseClick(dialog.ui.continueButton, Qt.MouseButton.LeftButton)
    assert signal.args == ["ana"]
    assert dialog.recovery_key() == "" and not dialog.isVisible()
    database.lock()
    assert accounts.unlock_with_recovery(database, key) is not None  # the key shown is the real one
    assert accounts.login(database, "ana", "Secretaria-2026!").actor.role is Role.ADMINISTRADOR


def test_startup_walks_new_database_to_the_main_window(qtbot, database):
    startup = Startup(database, store=MemorySecretStore(), kdf=FAST_KDF, hasher=FAST_HASH)
    startup.start()
    assert startup.first_admin is not None and startup.first_admin.isVisible()
    qtbot.addWidget(startup.first_admin)
    _fill_first_admin(qtbot, startup.first_admin)
    startup.first_admin.ui.savedCheck.setChecked(True)
    qtbot.mouseClick(startup.first_admin.ui.continueButton, Qt.MouseButton.LeftButton)
    login = startup.login_dialog
    qtbot.addWidget(login)
    assert login.isVisible() and login.ui.userEdit.text() == "ana"
    _type_login(qtbot, login, "ana", "Secretaria-2026!")
    window = startup.window
    qtbot.addWidget(window)
    assert window.isVisible() and "Ana Administradora" in window.windowTitle()
    assert load_preferences().last_username == "ana"
    # next start: straight to the login, username offered
    again = Startup(database, store=MemorySecretStore())
    again.start()
    qtbot.addWidget(again.login_dialog)
    assert again.first_admin is None and again.login_dialog.ui.userEdit.text() == "ana"
    finished = []
    again.finished.connect(finished.append)
    qtbot.mouseClick(again.login_dialog.ui.quitButton, Qt.MouseButton.LeftButton)
    assert finished == [0]


def _prepared_startup(qtbot, path, **kw):
    store = MemorySecretStore()
    startup = Startup(None, store=store, kdf=FAST_KDF, hasher=FAST_HASH,
                      preparation=gui_app.Preparation(str(path), store), **kw)
    finished = []
    startup.finished.connect(finished.append)
    startup.start()
    return startup, finished


def test_startup_shows_the_login_while_the_database_opens_behind_it(qtbot, database, recovery_key):
    if database.sqlite_path is None:
        pytest.skip("a server opens before the login: its password may have to be asked")
    path = database.sqlite_path
    assert gui_app.quiet_database_file(str(path)) == str(path)
    startup, finished = _prepared_startup(qtbot, path)
    dialog = startup.login_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and str(path) in dialog.ui.databaseLabel.text()
    _type_login(qtbot, dialog, ADMIN, ADMIN_PASSWORD)  # may be typed before the opening ends: it waits
    qtbot.waitUntil(lambda: startup.window is not None, timeout=30000)
    window = startup.window  # deletes itself on close
    assert window.isVisible() and startup.db is not None and startup.db.sqlite_path == path
    assert dialog.ui.rememberCheck.isEnabled() and not finished
    window.close()
    qtbot.waitUntil(lambda: finished == [0])
    startup.db.dispose()


def test_the_preparation_starts_once_the_login_dialog_is_painted(qtbot, database, recovery_key):
    if database.sqlite_path is None:
        pytest.skip("a server opens before the login")
    startup, finished = _prepared_startup(qtbot, database.sqlite_path)
    prep, dialog = startup.preparation, startup.login_dialog
    qtbot.addWidget(dialog)
    assert prep is not None and not prep._thread.is_alive() and not prep._done.is_set()  # not before the paint
    with qtbot.waitSignal(dialog.painted, timeout=10000):
        pass
    qtbot.waitUntil(lambda: startup.preparation is None and startup.db is not None, timeout=30000)
    # the database path is selectable, as it was before it turned so after the first paint
    qtbot.waitUntil(lambda: bool(dialog.ui.databaseLabel.textInteractionFlags()
                                 & Qt.TextInteractionFlag.TextSelectableByMouse))
    dialog.reject()
    assert finished == [0]
    startup.db.dispose()


def test_entrar_pressed_before_the_first_paint_starts_the_preparation_itself(qtbot, database, recovery_key):
    if database.sqlite_path is None:
        pytest.skip("a server opens before the login")
    startup, finished = _prepared_startup(qtbot, database.sqlite_path)
    dialog = startup.login_dialog
    qtbot.addWidget(dialog)
    dialog.painted.disconnect()  # as if the first paint never came
    dialog.ui.userEdit.setText(ADMIN)
    dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
    dialog.ui.loginButton.click()
    qtbot.waitUntil(lambda: startup.window is not None, timeout=30000)
    window = startup.window
    assert window.isVisible() and startup.db is not None and not finished
    window.close()
    qtbot.waitUntil(lambda: finished == [0])
    startup.db.dispose()


def test_the_login_dialog_is_built_without_qts_namespace(tmp_path):
    """PySide6 builds the ``Qt`` namespace's hundred enums the first time the name is imported (~20 ms),
    and each class the first time its name is: nothing on the way to the login dialog's first paint
    imports the namespace or a class only later screens use (#18). A fresh interpreter, as
    ``comite --db FILE`` starts."""
    import os
    import subprocess

    code = (
        "import PySide6.QtCore as core\n"
        "from PySide6.QtWidgets import QApplication\n"
        "application = QApplication([])\n"
        "from comite import cli\n"
        "from comite.gui import app\n"
        "app.apply_look(app.ensure_application())\n"
        "restore = app.install_exception_hooks()\n"
        "args = cli.parse_gui_arguments(['--db', 'base.sqlite3'])\n"
        "dialog = app.LoginDialog(lambda: None, database_label=args.db)\n"
        "dialog.open()\n"
        "print('Qt' in core.__dict__, 'QTextDocument' in __import__('PySide6.QtGui').QtGui.__dict__)\n"
        "widgets = __import__('PySide6.QtWidgets').QtWidgets.__dict__\n"
        "print(sorted(set(widgets) & {'QMessageBox', 'QProgressDialog', 'QFileDialog', 'QInputDialog', 'QComboBox',"
        " 'QAbstractSpinBox'}))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMITE_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["False", "False"]  # nor every class loaded (the selectable label's doing)
    # nor the classes of what only comes later (message boxes, progress, files, the wheel guard's
    # value widgets): PySide6 builds each at its first import, ~1-3 ms apiece
    assert lines[1] == "[]", lines[1]


def test_startup_behind_the_login_turns_to_the_first_administrator_on_a_new_file(qtbot, tmp_path):
    from comite.services.bootstrap import open_database

    path = tmp_path / "nueva.sqlite3"
    open_database(str(path)).dispose()  # a schema, no administrator yet
    startup, finished = _prepared_startup(qtbot, path)
    qtbot.addWidget(startup.login_dialog)
    qtbot.waitUntil(lambda: startup.first_admin is not None, timeout=30000)
    qtbot.addWidget(startup.first_admin)
    assert startup.first_admin.isVisible() and not startup.login_dialog.isVisible() and not finished
    startup.first_admin.reject()
    assert finished == [0]
    startup.db.dispose()


def test_startup_behind_the_login_refuses_a_file_that_is_no_database(qtbot, tmp_path):
    path = tmp_path / "no_es_base.sqlite3"
    path.write_bytes(b"esto no es una base de datos SQLite" * 100)
    refused = []
    startup, finished = _prepared_startup(qtbot, path, refuse=refused.append)
    qtbot.addWidget(startup.login_dialog)
    qtbot.waitUntil(lambda: bool(finished), timeout=30000)
    assert finished == [2] and not startup.login_dialog.isVisible()
    assert len(refused) == 1 and isinstance(refused[0], StorageError)


def test_only_an_existing_sqlite_file_opens_behind_the_login(tmp_path):
    existing = tmp_path / "a.sqlite3"
    existing.write_bytes(b"")
    assert gui_app.quiet_database_file(f"sqlite:///{existing}") == str(existing.resolve())
    assert gui_app.quiet_database_file(str(tmp_path / "no_existe.sqlite3")) is None
    assert gui_app.quiet_database_file("postgresql+psycopg://u@127.0.0.1/comite") is None
    assert gui_app.quiet_database_file(None, {gui_app.ENV_URL: str(existing)}) == str(existing.resolve())
    from comite.storage import database

    assert gui_app.ENV_URL == database.ENV_URL


def test_run_gui_refuses_an_unusable_database_with_exit_code_2(monkeypatch, tmp_path):
    shown = []

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    code = gui_app.run_gui("postgresql+psycopg://nadie:x@127.0.0.1:1/no_existe")
    assert code == 2
    assert shown and shown[0][0] == "No se pudo abrir la base de datos"
    assert sys.excepthook is sys.__excepthook__ or sys.excepthook.__module__ != gui_app.__name__


# --- main window ---------------------------------------------------------------------------------

def test_demo_marker_in_title_and_status_bar(qtbot, admin):
    window = open_window(qtbot, admin, demo=True)
    assert window.windowTitle().endswith("DEMO — datos ficticios")
    assert window.demo_label.isVisible() and window.demo_label.text() == "DEMO — datos ficticios"


def test_status_bar_and_menus(qtbot, main_window, admin):
    w = main_window
    assert "Administrador" in w.user_label.text() and "admin" in w.user_label.text()
    assert w.database_label.text() == "Base: comite.sqlite3"
    assert "***" not in w.database_label.toolTip() or True
    assert not w.demo_label.isVisible()
    shortcuts = {a.text(): a.shortcut().toString() for m in (w.ui.menuFile, w.ui.menuEdit, w.ui.menuView)
                 for a in m.actions() if not a.isSeparator()}
    assert shortcuts["&Nueva sesión…"] == "Ctrl+N"
    assert shortcuts["&Bloquear"] == "Ctrl+L"
    assert shortcuts["Sa&lir"] == "Ctrl+Q"
    assert w.undo_action.shortcut().toString() == "Ctrl+Z"
    assert w.redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    assert [w.ui.navList.item(i).text() for i in range(w.ui.navList.count())] == [
        "Inicio", "Sesiones", "Registro de casos", "Informes", "Usuarios", "Auditoría"]
    assert w.ui.committeeCombo.count() == 7 and w.ui.committeeCombo.itemText(0) == "Todos los comités"


def test_a_secretary_sees_only_her_committees(qtbot, admin, database):
    password = make_user(admin, "sofia", Role.SECRETARIA, committees=["CERREM_MUJERES", "GVP"])
    new_session(admin, "CERREM_POBLACIONAL", date(2026, 11, 3))
    mine = new_session(admin, "CERREM_MUJERES", date(2026, 11, 4))
    window = open_window(qtbot, login_ctx(database, "sofia", password))
    combo = window.ui.committeeCombo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Todos mis comités", "GVP", "CERREM mujeres"]
    window.show_page("sesiones")
    assert [r.id for r in window.sessions_model.rows()] == [mine]
    assert window.users_page is None and not window.ui.actionGoUsers.isVisible()
    assert window.ui.actionBackup.isEnabled()  # the secretariat makes backups (restoring is the administrator's)


def test_ctrl_n_creates_a_session_that_appears_in_the_list(qtbot, main_window, admin):
    w = main_window
    w.show_page("sesiones", focus=True)
    qtbot.keyClick(w.ui.sessionsTable, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = w.new_session_dialog
    assert dialog is not None and dialog.isVisible()
    ui = dialog.ui
    ui.committeeCombo.setCurrentIndex(ui.committeeCombo.findData("CERREM_MUJERES"))
    ui.typeCombo.setCurrentIndex(ui.typeCombo.findData("extraordinaria"))
    ui.dateEdit.setDate(QDate(2026, 12, 2))
    assert ui.dateEdit.displayFormat() == "dd/MM/yyyy" and ui.dateEdit.calendarPopup()
    assert ui.longDateLabel.text() == "miércoles 2 de diciembre de 2026"
    ui.timeEdit.setTime(QTime(14, 30))
    qtbot.keyClicks(ui.linkEdit, "https://reunion.example/cerrem")
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = w.selected_session()
    assert row is not None and (row.committee_code, row.number, row.day) == ("CERREM_MUJERES", 1, date(2026, 12, 2))
    m, i = w.sessions_model, w.sessions_model.find_id(row.id)
    assert [m.data(m.index(i, c)) for c in range(7)] == [
        "001/2026", "CERREM mujeres", "02/12/2026", "14:30", "Extraordinaria", "Programada", "0"]
    assert "Se creó la sesión 001/2026" in w.statusBar().currentMessage()
    assert w.ui.sessionsCount.text() == "1 sesión"


def test_new_session_refusals_stay_inline_with_the_input(qtbot, main_window, errors):
    dialog = main_window.new_session()
    ui = dialog.ui
    ui.placeEdit.setText("Sala 3, sede Bogotá")  # QTest types ASCII only
    qtbot.keyClicks(ui.linkEdit, "reunion.example/abc")
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and ui.errorLabel.text().startswith("El enlace virtual debe empezar por https://")
    ui.linkEdit.clear()
    ui.dateEdit.setDate(QDate(2010, 1, 5))  # before any composition in force
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "no tiene una conformación vigente el 05/01/2010" in ui.errorLabel.text()
    assert ui.placeEdit.text() == "Sala 3, sede Bogotá"
    assert main_window.sessions_model.rowCount() == 0 and errors.calls == []
    qtbot.mouseClick(ui.cancelButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_sessions_filter_by_text_and_committee(qtbot, main_window, admin):
    new_session(admin, "GVP", date(2026, 11, 3), place="Bogotá, sede UNP")
    new_session(admin, "GVP", date(2026, 11, 10), virtual_link="https://reunion.example/x")
    new_session(admin, "CERREM_POBLACIONAL", date(2026, 11, 12), place="Medellín")
    w = main_window
    w.reload_sessions()
    assert w.sessions_proxy.rowCount() == 3 and w.ui.sessionsCount.text() == "3 sesiones"
    first = w.sessions_proxy.index(0, 2).data()
    assert first == "12/11/2026"  # newest first
    w.show_page("sesiones")
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.ui.sessionFilter.hasFocus()
    qtbot.keyClicks(w.ui.sessionFilter, "bogota")  # without the accent
    assert w.sessions_proxy.rowCount() == 1 and w.ui.sessionsCount.text() == "Mostrando 1 de 3 sesiones"
    w.ui.sessionFilter.setText("medellin poblacional")
    assert w.sessions_proxy.rowCount() == 1
    w.ui.sessionFilter.clear()
    combo = w.ui.committeeCombo
    combo.setCurrentIndex(combo.findData("GVP"))
    assert {r.committee_code for r in w.sessions_model.rows()} == {"GVP"} and w.sessions_proxy.rowCount() == 2
    assert w.preferences.last_committee == "GVP"


class FakeSessionPage(QWidget):
    """Stands in for comite.gui.session_page.SessionPage."""

    def __init__(self, ctx, session_id, parent=None, *, bus=None):
        super().__init__(parent)
        self.session_id = session_id
        self.undo_stack = QUndoStack(self)
        self.edit = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.edit)
        self.setWindowTitle(f"Sesión de prueba {session_id}")


class Rename(QUndoCommand):
    def __init__(self, log):
        super().__init__("cambiar el nombre")
        self.log = log

    def redo(self):
        self.log.append("redo")

    def undo(self):
        self.log.append("undo")


@pytest.fixture
def fake_workspace(monkeypatch):
    monkeypatch.setattr(main_window_module, "SessionPage", FakeSessionPage)


def test_enter_opens_the_session_workspace_with_its_undo_stack(qtbot, main_window, admin, fake_workspace):
    sid = new_session(admin, "GVP", date(2026, 11, 3))
    w = main_window
    w.reload_sessions()
    w.show_page("sesiones", focus=True)
    w.select_session(sid)
    qtbot.keyClick(w.ui.sessionsTable, Qt.Key.Key_Return)
    page = w.session_pages[sid]
    assert w.ui.pages.currentWidget() is page and w.current_page_key() == f"sesion:{sid}"
    assert w.ui.navList.currentItem().text() == "001/2026 · GVP"
    assert w.ui.navList.currentItem().toolTip().startswith(f"Sesión de prueba {sid}")
    qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # more room for the session
    assert not w.ui.sidePanel.isVisible()
    w.ui.actionToggleSidebar.trigger()
    assert w.ui.sidePanel.isVisible()
    log = []
    page.undo_stack.push(Rename(log))
    assert w.undo_group.activeStack() is page.undo_stack
    assert w.undo_action.isEnabled() and w.undo_action.text() == "&Deshacer cambiar el nombre"
    w.undo_action.trigger()
    assert log == ["redo", "undo"]
    w.show_page("sesiones")  # another page: Ctrl+Z does not reach the session
    assert w.undo_group.activeStack() is None and not w.undo_action.isEnabled()
    assert w.open_session(sid) is page  # reopening shows the same page (typed input kept)
    w.ui.actionCloseSessionPage.trigger()
    assert sid not in w.session_pages and w.current_page_key() == "sesiones"
    assert page.undo_stack not in w.undo_group.stacks()


def test_the_sessions_list_is_read_when_first_needed(qtbot, main_window, admin):
    """The start page does not show it: 2,000 sessions are not read (and sorted) before the first paint."""
    sid = new_session(admin, "GVP", date(2026, 11, 3))
    assert main_window.current_page_key() == "inicio" and main_window.sessions_model.rowCount() == 0
    main_window.show_page("sesiones")
    assert [r.id for r in main_window.sessions_model.rows()] == [sid]
    assert main_window.ui.sessionsCount.text() == "1 sesión"
    again = open_window(qtbot, admin, preferences=Preferences(last_page="sesiones"))  # starting on the list
    assert again.current_page_key() == "sesiones" and [r.id for r in again.sessions_model.rows()] == [sid]


def test_pages_report_changes_and_lists_refresh(qtbot, main_window, admin):
    main_window.show_page("sesiones")
    sid = new_session(admin, "GVP", date(2026, 11, 3))
    assert main_window.sessions_model.find_id(sid) is None
    changes = sessions.set_status(admin, sid, __import__("comite.domain", fromlist=["x"]).SessionStatus.CONVOCADA)
    with qtbot.waitSignal(main_window.bus.changes_applied):
        main_window.bus.publish(changes, main_window)
    row = main_window.sessions_model.row(main_window.sessions_model.find_id(sid))
    assert row.status.label == "Convocada"


# --- idle lock -----------------------------------------------------------------------------------

def test_idle_lock_hides_everything_and_keeps_unsaved_input(qtbot, main_window):
    w = main_window
    w.show_page("sesiones")
    qtbot.keyClicks(w.ui.sessionFilter, "texto sin guardar")
    dialog = w.new_session()
    qtbot.keyClicks(dialog.ui.placeEdit, "Sala a medio escribir")
    w.idle.set_timeout_ms(50)
    qtbot.waitUntil(lambda: w.is_locked, timeout=3000)
    assert w.ui.rootStack.currentWidget() is w.ui.lockedPage
    assert not dialog.isVisible() and not w.menuBar().isEnabled()
    lock = w.lock_dialog
    assert lock.isVisible() and "Administradora de Prueba" in lock.ui.userLabel.text()
    qtbot.keyClick(lock, Qt.Key.Key_Escape)
    assert lock.isVisible()
    qtbot.keyClicks(lock.ui.passwordEdit, "equivocada")
    qtbot.keyClick(lock.ui.passwordEdit, Qt.Key.Key_Return)
    assert lock.ui.errorLabel.text() == "Contraseña incorrecta." and w.is_locked
    w.idle.set_timeout_ms(60_000)
    with qtbot.waitSignal(w.locked_changed):
        qtbot.keyClicks(lock.ui.passwordEdit, ADMIN_PASSWORD)
        qtbot.keyClick(lock.ui.passwordEdit, Qt.Key.Key_Return)
    assert not w.is_locked and w.ui.rootStack.currentWidget() is w.ui.workArea
    assert w.ui.sessionFilter.text() == "texto sin guardar"
    assert dialog.isVisible() and dialog.ui.placeEdit.text() == "Sala a medio escribir"
    assert w.idle.active


def test_preferences_set_the_idle_lock_and_forget_the_remembered_key(qtbot, admin):
    store = MemorySecretStore()
    accounts.remember_key(admin.db, store, admin.actor.username)
    w = open_window(qtbot, admin, store=store)
    assert w.ui.actionPreferences.shortcut().toString() == "Ctrl+,"
    w.ui.actionPreferences.trigger()  # (QTest cannot type Ctrl+, on the offscreen platform's keymap)
    dialog = w.findChild(QDialog, "PreferencesDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.ui.idleSpin.value() == 10 and "está recordada" in dialog.ui.keyStateLabel.text()
    assert f"a nombre de la cuenta «{admin.actor.username}»" in dialog.ui.keyStateLabel.text()
    dialog.ui.forgetKeyButton.click()
    assert len(store) == 0 and not dialog.ui.forgetKeyButton.isEnabled()
    assert "no está recordada" in dialog.ui.keyStateLabel.text()
    dialog.ui.idleSpin.setValue(0)
    assert dialog.ui.idleSpin.text() == "Nunca"
    dialog.ui.idleSpin.setValue(3)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert w.idle.timeout_ms == 3 * 60_000 and w.idle.active
    assert load_preferences().idle_lock_minutes == 3  # kept for the next start

    cancelled = w.edit_preferences()
    cancelled.ui.idleSpin.setValue(45)
    cancelled.reject()
    assert w.idle.timeout_ms == 3 * 60_000 and w.preferences.idle_lock_minutes == 3


def test_preferences_choose_the_database_opened_at_start_without_its_password(qtbot, admin, tmp_path):
    w = open_window(qtbot, admin, store=MemorySecretStore())
    dialog = w.edit_preferences()
    assert dialog.ui.databaseInUseLabel.text().startswith("En uso ahora: ")
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ui.databaseEdit.setText("mysql://ana@servidor/comite")
    ok.click()
    assert dialog.isVisible() and "SQLite o PostgreSQL" in dialog.ui.databaseError.text()
    dialog.ui.databaseEdit.setText("postgresql+psycopg://ana:Secreta-1@Servidor.local:5432/comite?sslmode=verify-full")
    ok.click()
    assert not dialog.isVisible()
    saved = load_preferences().database_url
    assert saved == "postgresql+psycopg://ana@Servidor.local:5432/comite?sslmode=verify-full"
    assert "Secreta-1" not in paths.config_dir().joinpath(PREFERENCES_FILE).read_text(encoding="utf-8")

    prefs = Preferences(database_url=saved)
    assert gui_app.startup_target(None, prefs, environ={}) == saved
    assert gui_app.startup_target("/otra.sqlite3", prefs, environ={}) == "/otra.sqlite3"  # --db first
    assert gui_app.startup_target(None, prefs, environ={"COMITE_DATABASE_URL": "x"}) is None  # then the variable
    assert gui_app.startup_target(None, Preferences(), environ={}) is None  # else this user's SQLite file


def test_ctrl_l_locks_at_once(qtbot, main_window):
    qtbot.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main_window.is_locked
    main_window.lock_dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
    main_window.lock_dialog.ui.unlockButton.click()
    assert not main_window.is_locked


def test_idle_timer_restarts_on_input_and_zero_disables(qtbot, main_window):
    idle = main_window.idle
    idle.set_timeout_ms(0)
    assert not idle.active
    idle.set_timeout_ms(10_000)
    assert idle.active
    idle.pause()
    qtbot.keyClick(main_window.ui.sessionFilter, Qt.Key.Key_A)
    assert not idle.active
    idle.resume()
    assert idle.active


# --- unexpected errors ---------------------------------------------------------------------------

@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_error_dialog_and_the_app_keeps_running(qtbot, main_window, errors):
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(handler.format(record))
    logging.getLogger("comite").addHandler(handler)
    restore = gui_app.install_exception_hooks()
    try:
        button = QPushButton("Probar", main_window)

        def broken():
            raise RuntimeError("dato reservado: Juan Pérez, CC 79.555.111")

        button.clicked.connect(broken)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert len(errors.calls) == 1 and isinstance(errors.last, RuntimeError)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert len(errors.calls) == 2
        assert main_window.isVisible()
        main_window.reload_sessions()  # still working
    finally:
        restore()
        logging.getLogger("comite").removeHandler(handler)
    text = "\n".join(records)
    assert "RuntimeError" in text and "in broken" in text and "test_app_shell.py" in text
    assert "Juan Pérez" not in text and "79.555.111" not in text


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_another_thread_reaches_the_main_thread_dialog(qtbot, errors):
    restore = gui_app.install_exception_hooks()
    try:
        thread = threading.Thread(target=lambda: 1 / 0, name="trabajo")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: bool(errors.calls), timeout=3000)
    finally:
        restore()
    assert isinstance(errors.last, ZeroDivisionError)
    assert "segundo plano" in errors.calls[-1][2]["action"]


def test_the_unexpected_error_box_says_where_and_where_the_log_is(qtbot, main_window):
    try:
        raise KeyError("Beneficiaria Ñáñez")
    except KeyError as exc:
        box = dialogs.show_error(main_window, exc, action="abrir la sesión")
    qtbot.addWidget(box)
    assert box.isVisible() and box.windowTitle() == "Error inesperado"
    assert box.text().startswith("Ocurrió un error inesperado al abrir la sesión.")
    assert str(log_file()) in box.informativeText()
    assert "test_app_shell" in box.informativeText() and "Ñáñez" not in box.text() + box.informativeText()
    refusal = dialogs.show_error(main_window, ValidationError("No se puede."))
    qtbot.addWidget(refusal)
    assert refusal.text() == "No se puede." and refusal.windowTitle() == "No se pudo completar"
    box.close()
    refusal.close()


# --- preferences and geometry ---------------------------------------------------------------------

def test_preferences_and_geometry_live_apart(qtbot, admin):
    window = open_window(qtbot, admin, preferences=Preferences(idle_lock_minutes=7))
    assert window.idle.timeout_ms == 7 * 60_000
    combo = window.ui.committeeCombo
    combo.setCurrentIndex(combo.findData("CERREM_UP_PCC"))
    window.close()
    config = paths.config_dir()
    prefs = json.loads((config / PREFERENCES_FILE).read_text(encoding="utf-8"))
    assert prefs["last_committee"] == "CERREM_UP_PCC" and prefs["idle_lock_minutes"] == 7
    assert "geometry" not in json.dumps(prefs)
    assert "geometry" in (config / GEOMETRY_FILE).read_text(encoding="utf-8")
    again = open_window(qtbot, admin, preferences=load_preferences())
    assert again.committee_code() == "CERREM_UP_PCC"


def test_damaged_preferences_fall_back_to_defaults(tmp_path):
    target = tmp_path / "p.json"
    target.write_text('{"idle_lock_minutes": "diez", "last_committee": 3, "otra": 1}', encoding="utf-8")
    assert load_preferences(target) == Preferences()
    target.write_text("no es json", encoding="utf-8")
    assert load_preferences(target) == Preferences()
    target.write_text('{"idle_lock_minutes": 99999}', encoding="utf-8")
    assert load_preferences(target).idle_lock_minutes == 24 * 60


# --- administrator pages and actions ---------------------------------------------------------------

def _click_nav(qtbot, window, text):
    nav = window.ui.navList
    item = next(nav.item(i) for i in range(nav.count()) if nav.item(i).text() == text)
    nav.scrollToItem(item)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())


def test_pages_not_shown_at_start_are_built_when_first_clicked(qtbot, admin):
    from comite.gui.admin import AuditPage, UsersPage
    from comite.gui.registry import RegistryPage
    from comite.gui.reports import ReportsPage

    new_session(admin, "GVP", date(2026, 11, 3))
    window = open_window(qtbot, admin)
    assert window.current_page_key() == "inicio"
    # every entry is in the navigation, but only the start page and the sessions list are built (#18)
    assert [window.ui.navList.item(i).text() for i in range(window.ui.navList.count())] == [
        "Inicio", "Sesiones", "Registro de casos", "Informes", "Usuarios", "Auditoría"]
    for kind in (RegistryPage, ReportsPage, UsersPage, AuditPage):
        assert not window.findChildren(kind)
    side = window.ui.splitter.sizes()[0]
    assert side == window.ui.sidePanel.minimumWidth()  # where it opened when every page came with the window
    _click_nav(qtbot, window, "Usuarios")
    users = window.findChildren(UsersPage)
    assert len(users) == 1 and window.ui.pages.currentWidget() is users[0] and users[0].isVisible()
    assert window.current_page_key() == "usuarios" and users[0].model.rowCount() == 1
    assert users[0].ui.countLabel.text() == "1 cuenta"
    _click_nav(qtbot, window, "Auditoría")
    audit_page = window.findChildren(AuditPage)[0]
    assert window.ui.pages.currentWidget() is audit_page and audit_page.model.rowCount() > 0
    _click_nav(qtbot, window, "Registro de casos")
    assert window.ui.pages.currentWidget() is window.findChildren(RegistryPage)[0]
    _click_nav(qtbot, window, "Informes")
    assert window.ui.pages.currentWidget() is window.findChildren(ReportsPage)[0]
    _click_nav(qtbot, window, "Usuarios")  # built once, kept
    assert window.findChildren(UsersPage) == users and window.users_page is users[0]
    assert window.ui.splitter.sizes()[0] == side  # the side panel did not move when the pages came
    assert not window.ui.actionCloseSessionPage.isEnabled()


def test_a_page_built_later_hears_the_changes_made_after_it(qtbot, admin):
    window = open_window(qtbot, admin)
    window.show_page("usuarios")
    page = window.users_page
    assert page is not None and page.model.rowCount() == 1
    make_user(admin, "sofia", Role.SECRETARIA, committees=["GVP"])  # another desktop, say
    window.bus.publish(Changes(users=True), window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_the_page_last_shown_is_built_at_start(qtbot, admin):
    from comite.gui.registry import RegistryPage

    window = open_window(qtbot, admin, preferences=Preferences(last_page="registro"))
    assert window.current_page_key() == "registro"
    assert window.ui.pages.currentWidget() is window.findChildren(RegistryPage)[0]


def test_users_page_creates_an_account(qtbot, main_window, database):
    w = main_window
    w.show_page("usuarios")
    page = w.users_page
    assert page.model.rowCount() == 1
    dialog = page.new_user()
    ui = dialog.ui
    qtbot.keyClicks(ui.usernameEdit, "sofia")
    ui.fullNameEdit.setText("Sofía Secretaria")
    ui.roleCombo.setCurrentIndex(ui.roleCombo.findData("secretaria"))
    qtbot.keyClicks(ui.passwordEdit, "Clave-Nueva-2026")
    qtbot.keyClicks(ui.repeatEdit, "Clave-Nueva-2026")
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Marque al menos un comité" in ui.errorLabel.text()
    dialog.set_committees(["GVP", "CERREM_MUJERES"])
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), ui.errorLabel.text()
    m = page.model
    i = m.find(lambda r: r.username == "sofia")
    assert [m.data(m.index(i, c)) for c in range(5)] == [
        "sofia", "Sofía Secretaria", "Secretaría técnica", "GVP, CERREM mujeres", "Activa"]
    assert page.ui.countLabel.text() == "2 cuentas"
    assert accounts.login(database, "sofia", "Clave-Nueva-2026").actor.role is Role.SECRETARIA


def test_audit_page_filters_and_verifies_the_chain(qtbot, main_window, admin, infos):
    new_session(admin, "GVP", date(2026, 11, 3))
    w = main_window
    w.show_page("auditoria")
    page = w.audit_page
    actions = {page.model.data(page.model.index(i, 3)) for i in range(page.model.rowCount())}
    assert {"Ingreso a la aplicación", "Sesión creada", "Base de datos inicializada"} <= actions
    created = next(i for i in range(page.model.rowCount())
                   if page.model.data(page.model.index(i, 3)) == "Sesión creada")
    assert page.model.data(page.model.index(created, 4)).startswith("Sesión ")  # what it is about, in words
    assert "comite: GVP; fecha: 03/11/2026; numero: 1; tipo: Ordinaria" in page.model.data(page.model.index(created, 6))
    page.ui.userCombo.setCurrentIndex(page.ui.userCombo.findData(ADMIN))
    page.ui.caseEdit.setText("NO-EXISTE")
    qtbot.mouseClick(page.ui.applyButton, Qt.MouseButton.LeftButton)
    assert page.ui.countLabel.text() == "No hay ningún caso con ese radicado."
    page.ui.caseEdit.clear()
    page.ui.sinceCheck.setChecked(True)
    page.ui.sinceDate.setDate(QDate(2030, 1, 1))
    qtbot.mouseClick(page.ui.applyButton, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0 and page.ui.countLabel.text() == "0 registros"
    qtbot.mouseClick(page.ui.verifyButton, Qt.MouseButton.LeftButton)
    assert page.last_report.ok and page.ui.chainLabel.text().startswith("Auditoría íntegra")
    assert infos.texts()[-1].startswith("Auditoría íntegra")
    with admin.reading() as s:
        assert audit.verify(s, admin.db.vault).ok


def test_backup_from_the_menu(qtbot, main_window, monkeypatch, tmp_path, infos):
    target = tmp_path / "copia.comite-backup"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    assert main_window.ui.actionBackup.isEnabled()
    main_window.ui.actionBackup.trigger()
    assert target.exists() and target.stat().st_size > 1000
    assert "Copia de seguridad cifrada guardada" in infos.texts()[-1]


def test_the_shell_prints_nothing_to_the_console(qtbot, admin, capfd, fake_workspace):
    window = open_window(qtbot, admin)
    sid = new_session(admin, "GVP", date(2026, 11, 3))
    for key in ("inicio", "sesiones", "registro", "usuarios", "auditoria"):
        window.show_page(key, focus=True)
    window.reload_sessions()
    window.open_session(sid)
    window.lock()
    window.lock_dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
    window.lock_dialog.try_unlock()
    window.close()
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_an_administrator_sets_the_documents_header_signature_and_numbering(qtbot, main_window):
    from comite.model import AuditEntry
    from comite.services import settings
    from comite.services.acta import header_from_settings

    w = main_window
    assert w.ui.actionDocumentSettings.isVisible()
    dialog = w.edit_document_settings()
    assert isinstance(dialog, QDialog) and dialog.ui.entityEdit.text() == "Unidad Nacional de Protección"
    dialog.ui.directorEdit.setText("Augusto Rodríguez Ballesteros")
    dialog.ui.versionEdit.setText("")  # refused inline; nothing typed is lost
    dialog.ui.buttonBox.accepted.emit()
    assert "versión del formato" in dialog.ui.errorLabel.text() and dialog.isVisible()
    assert dialog.ui.directorEdit.text() == "Augusto Rodríguez Ballesteros"
    dialog.ui.emailEdit.setText("secretaria-cerrem")
    dialog.ui.versionEdit.setText("03")
    dialog.ui.buttonBox.accepted.emit()
    assert "no parece un correo" in dialog.ui.errorLabel.text() and dialog.isVisible()
    dialog.ui.emailEdit.setText("secretaria.cerrem@unp.gov.co")
    dialog.ui.dateEdit.setDate(dialog.ui.dateEdit.date().fromString("15/07/2026", "dd/MM/yyyy"))
    dialog.ui.prefixEdit.setText("UNP-")
    dialog.ui.buttonBox.accepted.emit()
    assert not dialog.isVisible()
    stored = settings.document_settings(w.ctx)
    assert (stored.director_name, stored.format_version, stored.format_date, stored.resolution_prefix) == (
        "Augusto Rodríguez Ballesteros", "03", date(2026, 7, 15), "UNP-")
    assert header_from_settings(w.ctx).issued == date(2026, 7, 15)  # the formats now carry that date
    from comite.services import resolutions

    sid = new_session(w.ctx, "GVP", date(2026, 12, 1))
    assert resolutions.convocation_data(w.ctx, sid).organizer_email == "secretaria.cerrem@unp.gov.co"
    with w.ctx.reading() as s:
        assert s.query(AuditEntry).filter_by(action="configuracion").count() == 3


def test_the_documents_settings_are_for_administrators_only(qtbot, admin):
    from comite.domain import Role
    from comite.errors import PermissionDenied
    from comite.services import settings

    make_user(admin, "sec", Role.SECRETARIA, committees=["GVP"])
    secretary = login_ctx(admin.db, "sec", "Otra-clave-segura-1")
    w = open_window(qtbot, secretary)
    assert not w.ui.actionDocumentSettings.isVisible()
    with pytest.raises(PermissionDenied):
        settings.save_document_settings(secretary, settings.document_settings(admin))
