"""Starting the desktop application: ``comite`` (or ``comite --demo``) ends here.

:func:`run_gui` prepares Qt (Spanish locale and Qt's own Spanish texts,
high-DPI, style), installs the last-resort error handlers, opens the database
and walks the user through the first administrator (new database), the login
and the main window. :func:`make_main_window` builds the main window for an
already logged-in user (tests use it directly).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QtMsgType,
    QTranslator,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from comite import paths
from comite.errors import ServerPasswordRequired, StorageError
from comite.gui import dialogs
from comite.gui.login import FirstAdminDialog, LoginDialog
from comite.gui.settings import Preferences, load_preferences, preferences_path, save_preferences
from comite.gui.wheel import install_wheel_guard
from comite.logs import log_file, setup_logging
from comite.storage.secrets import KeyringSecretStore, SecretStore

if TYPE_CHECKING:  # launch → login dialog imports Qt and the dialog only; the rest loads behind it (#18)
    from datetime import date

    from comite.gui.main_window import MainWindow
    from comite.services import accounts
    from comite.services.context import Actor, ServiceContext
    from comite.storage import crypto, passwords
    from comite.storage.database import Database

ENV_URL = "COMITE_DATABASE_URL"  # comite.storage.database.ENV_URL, named here so as not to import SQLAlchemy

log = logging.getLogger("comite.gui")

STYLE = """
QLabel[role="title"] { font-size: 15pt; font-weight: 600; }
QLabel[role="caption"] { font-weight: 600; color: palette(text); }
QLabel[role="hint"] { color: #5f6368; }
QLabel[role="empty"] { color: #5f6368; font-style: italic; padding: 12px; }
QLabel[role="error"] { color: #b3261e; font-weight: 600; }
QLabel[role="ok"] { color: #1e6b34; font-weight: 600; }
QLabel[role="demo"] { background: #c62828; color: white; font-weight: 700; padding: 2px 8px;
                      border-radius: 3px; }
QWidget[role="side"] { background: palette(alternate-base); }
QListWidget[role="nav"] { background: transparent; font-size: 11pt; }
QListWidget[role="nav"]::item { padding: 6px 8px; border-radius: 4px; }
QListWidget[role="nav"]::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QLineEdit[role="key"] { font-size: 11pt; padding: 4px; }
QGroupBox { font-weight: 600; }
QGroupBox QTableView, QGroupBox QLabel { font-weight: normal; }
"""


# --- Qt set-up -------------------------------------------------------------------------------------

def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created with the application's identity if it does not exist yet."""
    app = QApplication.instance()
    if app is None:
        from PySide6.QtCore import Qt  # imported where used: the login dialog paints without it (#18)

        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("comite")
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Colombia))
    install_wheel_guard(app)  # type: ignore[arg-type]  # instance() is typed QCoreApplication
    return app  # type: ignore[return-value]  # instance() is typed QCoreApplication


def spanish_translator(parent: QObject | None = None) -> QTranslator | None:
    """Qt's own texts in Spanish (``qtbase_es.qm``: «Cancelar», «Buscar en:»), loaded; ``None`` if missing.

    Looked for where Qt says its translations are, then inside the PySide6
    package (where a frozen application keeps them). ``comite selfcheck`` checks it.
    """
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    for folder in (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                   str(package / "Qt" / "translations"), str(package / "translations")):
        translator = QTranslator(parent)
        if translator.load(QLocale(QLocale.Language.Spanish), "qtbase", "_", folder):
            return translator
    return None


def apply_look(app: QApplication) -> None:
    """Fusion style, the application's style sheet and Qt's own texts in Spanish."""
    app.setStyle("Fusion")
    # A light palette on purpose: the badges, the vote colours and the status colours are drawn for a
    # light background, and a dark system theme (Windows' dark mode) made the vote grid unreadable.
    app.setPalette(app.style().standardPalette())
    app.setStyleSheet(STYLE)
    translator = spanish_translator(app)
    if translator is not None:
        app.installTranslator(translator)
        from comite.gui.files import ColombianQtTranslator

        app.installTranslator(ColombianQtTranslator(translator, app))  # «archivo» and «carpeta», not «fichero»
    else:
        log.warning("no se encontró la traducción de Qt al español (qtbase_es.qm)")


def _qt_messages(kind: QtMsgType, _context: object, message: str) -> None:
    """Qt's own warnings go to the log file, never to a console the user cannot see."""
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.ERROR)
    logging.getLogger("comite.qt").log(level, "%s", message)


# --- last-resort error handling --------------------------------------------------------------------

class _MainThreadBridge(QObject):
    """Carries an exception raised on another thread to the main thread's dialog."""

    raised = Signal(object, str)

    @Slot(object, str)
    def show(self, exc: BaseException, where: str) -> None:
        dialogs.show_error(None, exc, action=where)


_bridge: _MainThreadBridge | None = None


def report_unexpected(exc: BaseException, where: str = "") -> None:
    """Log the traceback frames and tell the user; the application keeps running."""
    dialogs.log_exception(exc, where)
    if _bridge is not None and threading.current_thread() is not threading.main_thread():
        _bridge.raised.emit(exc, where)
        return
    dialogs.show_error(None, exc, action=where)


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    try:
        report_unexpected(exc)
    except Exception:  # noqa: BLE001 - the handler of last resort must never raise
        log.critical("no se pudo mostrar un error inesperado (%s)", exc_type.__name__)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    try:
        report_unexpected(args.exc_value, f"un proceso en segundo plano ({args.thread.name if args.thread else ''})")
    except Exception:  # noqa: BLE001
        log.critical("no se pudo informar un error de un hilo (%s)", args.exc_type.__name__)


def install_exception_hooks() -> Callable[[], None]:
    """Route uncaught exceptions (main thread, slots, other threads) to the log and a
    Spanish dialog; returns a function that puts the previous hooks back."""
    global _bridge
    if _bridge is None:
        _bridge = _MainThreadBridge()
        # queued: emitted only from other threads (report_unexpected), to this object of the main thread
        _bridge.raised.connect(_bridge.show)
    previous = (sys.excepthook, threading.excepthook)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous

    return restore


# --- windows ---------------------------------------------------------------------------------------

def make_main_window(db: Database, login: accounts.Login | Actor | ServiceContext, *, demo: bool = False,
                     today: Callable[[], date] | None = None, preferences: Preferences | None = None,
                     kdf: crypto.KdfParams | None = None,
                     hasher: passwords.PasswordHasherConfig | None = None, store=None) -> MainWindow:
    """The main window for a logged-in user (``login`` from :func:`accounts.login`)."""
    from comite.gui.main_window import MainWindow
    from comite.services.context import Actor, ServiceContext

    if isinstance(login, ServiceContext):
        ctx = login
    else:
        actor = login if isinstance(login, Actor) else login.actor
        ctx = ServiceContext(db, actor, today=today) if today is not None else ServiceContext(db, actor)
    return MainWindow(ctx, demo=demo, preferences=preferences if preferences is not None else load_preferences(),
                      kdf=kdf, hasher=hasher, store=store)


AFTER_LOGIN_MODULES = ("comite.gui.main_window", "comite.gui.registry", "comite.gui.reports",
                       "comite.gui.admin")
"""The main window's modules, its pages' included (some it imports only when it builds them)."""


class Preparation(QObject):
    """Opens an existing database file and readies what comes after the login, on a thread of
    its own, while the login dialog waits for the password (#18): SQLAlchemy, the model and its
    mappers, the login's first queries, the main window's modules, the OS credential store.

    :attr:`finished` is delivered on the window's thread; :meth:`database` (for the login's job
    thread) waits for the opening and returns the database or raises why it failed.
    """

    finished = Signal()

    def __init__(self, target: str, store: SecretStore) -> None:
        super().__init__()
        self.target, self.store = target, store
        self.db: Database | None = None
        self.error: BaseException | None = None
        self.initialized = True
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="preparar-inicio", daemon=True)
        self._starting = threading.Lock()

    def start(self) -> None:
        """Start the preparation (once; later calls do nothing)."""
        with self._starting:
            if self._thread.ident is None:
                self._thread.start()

    def _run(self) -> None:
        try:
            from comite.services.bootstrap import open_database, warm_up

            self.db = open_database(self.target)
            self.initialized = warm_up(self.db)
            self.store.available  # noqa: B018 - imports keyring and asks the OS once, off the window's thread
            for name in AFTER_LOGIN_MODULES:  # imported here, so building the main window only builds it
                importlib.import_module(name)
        except BaseException as exc:  # noqa: BLE001 - handed to the window's thread
            self.error = exc
        finally:
            self._done.set()
            self.finished.emit()

    def database(self) -> Database:
        self.start()  # «Entrar» pressed before the dialog was painted: nothing else started it
        self._done.wait()
        if self.error is not None:
            raise self.error
        assert self.db is not None
        return self.db


def _is_demo(db: Database | None) -> bool:
    """Whether ``db`` says it is the demo database (imported here: SQLAlchemy stays off the login's path)."""
    if db is None:
        return False
    from comite.services.catalog import is_demo_database

    return is_demo_database(db)


def quiet_database_file(target: str | None, environ=None) -> str | None:
    """The path of the SQLite file ``target`` names (or the environment, or the default) when it
    already exists: such a file opens without asking anything, so it can open behind the login.
    ``None`` for a server (its password may have to be asked) or a new file (first administrator)."""
    environ = os.environ if environ is None else environ
    raw = target or environ.get(ENV_URL) or ""
    if not raw:
        path = paths.default_database_path()
    elif "://" in raw:
        if not raw.startswith("sqlite:///") or "?" in raw:
            return None
        path = Path(raw[len("sqlite:///"):])
    else:
        path = Path(raw).expanduser()
    return str(path.resolve()) if path.is_file() else None


class Startup(QObject):
    """First administrator (if needed) → login → main window, each with ``open()``.

    Given a :class:`Preparation` instead of an open database, the login dialog is shown at once
    and the database opens behind it; a database that turns out new gets the first-administrator
    dialog instead, one that cannot be opened is refused (:attr:`finished` with 2).
    """

    finished = Signal(int)

    def __init__(self, db: Database | None, *, demo: bool = False, store=None, note: str = "",
                 kdf: crypto.KdfParams | None = None, hasher: passwords.PasswordHasherConfig | None = None,
                 preparation: Preparation | None = None, refuse: Callable[[BaseException], None] | None = None) -> None:
        super().__init__()
        self.db, self.demo, self.store = db, demo or _is_demo(db), store
        self._switching_user = False
        self.kdf, self.hasher = kdf, hasher
        self.preparation, self._refuse = preparation, refuse
        self.preferences = load_preferences()
        self.first_admin: FirstAdminDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.window: MainWindow | None = None
        self._remember_note = note  # something the main window should say once it is shown

    def start(self) -> None:
        if self.preparation is not None:
            self.preparation.finished.connect(self._prepared)
            self.show_login(self.preferences.last_username)
            # once the dialog is on screen: its first paint does not share the processor and
            # Python's lock with the imports behind it (#18)
            assert self.login_dialog is not None
            self.login_dialog.painted.connect(self.preparation.start)
            return
        from comite.services import accounts

        assert self.db is not None
        if accounts.is_initialized(self.db):
            self.show_login(self.preferences.last_username)
        else:
            self._first_admin()

    def _first_admin(self) -> None:
        assert self.db is not None
        self.first_admin = FirstAdminDialog(self.db, kdf=self.kdf, hasher=self.hasher, demo=self.demo)
        self.first_admin.account_created.connect(self.show_login)
        self.first_admin.rejected.connect(lambda: self.finished.emit(0))
        self.first_admin.open()

    @Slot()
    def _prepared(self) -> None:
        prep = self.preparation
        assert prep is not None and self.login_dialog is not None
        if prep.error is not None or not prep.initialized:
            self.login_dialog.rejected.disconnect()
            self.login_dialog.close()
        if prep.error is not None:
            if prep.db is not None:  # opened, then something after it failed
                prep.db.dispose()
            if self._refuse is not None:
                self._refuse(prep.error)
            else:
                dialogs.show_error(None, prep.error, action="abrir la base de datos")
            self.finished.emit(2)
            return
        self.db = prep.db
        self.demo = self.demo or _is_demo(self.db)  # the badge is the database's own mark, read once it is open
        self.preparation = None
        if not prep.initialized:
            self._first_admin()
            return
        self.login_dialog.check_store()

    @Slot(str)
    def show_login(self, username: str = "") -> None:
        if self.preparation is not None:
            self.login_dialog = LoginDialog(self.preparation.database, demo=self.demo, username=username,
                                            store=self.store, database_label=self.preparation.target)
        else:
            assert self.db is not None
            self.login_dialog = LoginDialog(self.db, demo=self.demo, username=username, store=self.store)
        self.login_dialog.logged_in.connect(self.show_main)
        self.login_dialog.painted.connect(setup_logging)  # the rotating log file (comite.logs.setup_logging)
        self.login_dialog.remember_failed.connect(self._remember_failed)
        self.login_dialog.rejected.connect(lambda: self.finished.emit(0))
        self.login_dialog.open()

    def _remember_failed(self, message: str) -> None:
        self._remember_note = " ".join(filter(None, (self._remember_note, message)))

    @Slot(object)
    def show_main(self, login: accounts.Login) -> None:
        from comite.gui.main_window import MainWindow
        from comite.services.context import ServiceContext

        if self.db is None and self.login_dialog is not None:
            self.db = self.login_dialog.db  # opened behind the dialog; its "ready" signal may still be queued
        assert self.db is not None
        self.preferences.last_username = login.actor.username
        try:
            save_preferences(self.preferences)
        except OSError:
            log.warning("no se pudieron guardar las preferencias")
        self.window = MainWindow(ServiceContext(self.db, login.actor), demo=self.demo, preferences=self.preferences,
                                 kdf=self.kdf, hasher=self.hasher, store=self.store)
        from PySide6.QtCore import Qt

        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.destroyed.connect(self._window_closed)
        self.window.user_change_requested.connect(self._user_changes)
        self.window.show()
        if self._remember_note:
            dialogs.show_info(self.window, self._remember_note + " La aplicación funciona igual.",
                              title="No se pudo recordar")

    @Slot()
    def _user_changes(self) -> None:
        self._switching_user = True

    @Slot()
    def _window_closed(self, *_args: object) -> None:
        """The main window is gone: the application ends, unless someone else is to log in."""
        if self._switching_user:
            self._switching_user = False
            self._remember_note = ""
            self.show_login("")  # the next person types their own account
            return
        self.finished.emit(0)


def ask_server_password(reason: str) -> str | None:
    """The database server's password, typed by the user (``None``: they gave up)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        None, "Contraseña del servidor",
        f"{reason}\n\nEscriba la contraseña del servidor de base de datos (se guardará en el almacén de "
        "credenciales de este equipo, nunca en un archivo):",
        QLineEdit.EchoMode.Password)
    return text if ok and text else None


def show_start_failure(text: str) -> None:
    """Tell, in a message box, why the application did not start (``comite-gui`` has no console)."""
    from PySide6.QtWidgets import QMessageBox

    app = ensure_application()
    box = QMessageBox(QMessageBox.Icon.Critical, "comite no pudo iniciar", text)
    box.setInformativeText(f"El detalle técnico quedó en el registro:\n{log_file()}")
    box.addButton("&Salir", QMessageBox.ButtonRole.AcceptRole)
    apply_look(app)
    box.exec()


def startup_target(db_target: str | None, preferences: Preferences, environ=None) -> str | None:
    """The database to open: ``--db``, else ``COMITE_DATABASE_URL``, else the preference, else the default."""
    environ = os.environ if environ is None else environ
    if db_target or environ.get(ENV_URL):
        return db_target
    return preferences.database_url or None


def run_gui(db_target: str | None, demo: bool = False) -> int:
    """Run the desktop application on ``db_target`` (path or URL; ``None``: the default)."""
    from_preferences = False
    if not demo:
        chosen = startup_target(db_target, load_preferences())
        from_preferences = chosen is not None and chosen != db_target
        db_target = chosen
    setup_logging(rotating=False)  # rotating once the login dialog is painted (Startup.show_login)
    app = ensure_application()
    apply_look(app)
    qInstallMessageHandler(_qt_messages)
    restore_hooks = install_exception_hooks()
    try:
        store = KeyringSecretStore()

        def refuse(exc: BaseException) -> None:
            from PySide6.QtWidgets import QMessageBox  # built when needed, not before the login dialog (#18)

            box = QMessageBox(QMessageBox.Icon.Critical, "No se pudo abrir la base de datos", str(exc))
            where = (f"La base se eligió en Preferencias ({preferences_path()}): para abrir la de este equipo, "
                     "borre ese valor o use «comite --db RUTA».\n\n" if from_preferences else "")
            box.setInformativeText(f"{where}El detalle técnico quedó en el registro:\n{log_file()}")
            box.addButton("&Salir", QMessageBox.ButtonRole.AcceptRole)
            box.exec()

        quiet = quiet_database_file(db_target)
        if quiet is not None:  # the login dialog first; the file opens behind it
            startup = Startup(None, demo=demo, store=store, preparation=Preparation(quiet, store),
                              refuse=lambda exc: refuse(exc) if isinstance(exc, StorageError) else
                              report_unexpected(exc, "abrir la base de datos"))
        else:
            setup_logging()  # no dialog waits here: the rotating log file at once
            try:
                from comite.services.bootstrap import open_with_server_password

                db, note = open_with_server_password(db_target, store, ask_server_password)
            except ServerPasswordRequired:
                return 2  # the user closed the password box: nothing to add
            except StorageError as exc:
                refuse(exc)
                return 2
            startup = Startup(db, demo=demo, store=store, note=note)
        app.setQuitOnLastWindowClosed(False)
        # Python runs signal handlers only between its own bytecodes: this lets it see SIGTERM or
        # Ctrl+C while Qt's loop waits (the --demo folder is removed by such a handler).
        wake = QTimer(app)
        wake.timeout.connect(lambda: None)
        wake.start(500)
        startup.finished.connect(app.exit)
        startup.start()
        code = app.exec()
        if startup.db is not None:
            startup.db.dispose()
        return code
    finally:
        restore_hooks()
        qInstallMessageHandler(None)
