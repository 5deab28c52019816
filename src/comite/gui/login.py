"""Getting in: the first administrator of a new database, then the login.

Both dialogs are shown with ``open()`` and report through signals, so the
application (and the tests) drive them without a nested event loop. Key
derivation (argon2id, deliberately slow) runs through :mod:`comite.gui.workers`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from comite.errors import ComiteError, StorageError, ValidationError
from comite.gui import dialogs, workers
from comite.gui.forms.ui_login_dialog import Ui_LoginDialog
from comite.storage.secrets import SecretStore, default_secret_store

if TYPE_CHECKING:  # the login dialog is painted before SQLAlchemy and the model are imported (#18)
    from comite.services import accounts
    from comite.storage import crypto, passwords
    from comite.storage.database import Database

DEMO_MARK = "DEMO — datos ficticios"


def set_message(label, text: str) -> None:
    """Show ``text`` in an inline message label (hidden when empty)."""
    label.setText(text)
    label.setVisible(bool(text))


class LoginDialog(QDialog):
    """Username and password; emits :attr:`logged_in` with the :class:`accounts.Login`.

    Refusals (wrong password, locked account) appear inline, in the words of
    :func:`accounts.login`; the dialog stays open with the username kept.
    """

    logged_in = Signal(object)  # accounts.Login
    remember_failed = Signal(str)
    painted = Signal()  # the first paint: the dialog is on screen

    def __init__(self, db: Database | Callable[[], Database], *, demo: bool = False, username: str = "",
                 store: SecretStore | None = None, parent: QWidget | None = None,
                 database_label: str | None = None) -> None:
        """``db`` may be a function returning the database (called off the window's thread, when
        «Entrar» is pressed): the application opens it while the dialog waits for the password.
        Then ``database_label`` names it, and :meth:`check_store` is called once it is open."""
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._open_db = db if callable(db) else None
        self.db: Database | None = None if callable(db) else db
        self.store = store if store is not None else default_secret_store()
        self.login_result: accounts.Login | None = None
        self.ui.demoLabel.setVisible(demo)
        if demo:
            from PySide6.QtCore import Qt  # see _select_database_label

            self.ui.demoLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setWindowTitle(f"{self.windowTitle()} — {DEMO_MARK}")
        if self.db is not None:
            database_label = self.db.sqlite_path or self.db.display_url
        self.ui.databaseLabel.setText(f"Base de datos: {database_label}")
        self.ui.userEdit.setText(username)
        set_message(self.ui.errorLabel, "")
        if self.db is not None:
            self.check_store()
        self.ui.loginButton.clicked.connect(self.try_login)
        self.ui.quitButton.clicked.connect(self.reject)
        (self.ui.passwordEdit if username else self.ui.userEdit).setFocus()
        self._painted = False

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._select_database_label)
            self.painted.emit()

    def _select_database_label(self) -> None:
        """The database's path becomes selectable once the dialog is on screen (#18): a selectable
        label builds a text control of Qt's private classes, and PySide6 names such an object, for an
        application-wide event filter, only after loading every class of QtCore, QtGui and QtWidgets
        (about 40 ms), which the first paint need not wait for.

        For the same reason the modules on the way to the first paint import ``Qt`` in the functions
        that use it: PySide6 builds the namespace's hundred enums (about 20 ms) the first time the
        name is imported."""
        from PySide6.QtCore import Qt

        self.ui.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def check_store(self) -> None:
        """Offer «Recordar la llave» only where the OS credential store works (asking imports keyring)."""
        if not self.store.available:
            self.ui.rememberCheck.setEnabled(False)
            set_message(self.ui.rememberNote, "Este equipo no tiene un almacén de credenciales disponible: "
                                              "la llave no se puede recordar, se pedirá la contraseña cada vez.")
        else:
            set_message(self.ui.rememberNote, "")

    @Slot()
    def try_login(self) -> None:
        username = self.ui.userEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not username or not password:
            set_message(self.ui.errorLabel, "Escriba su usuario y su contraseña.")
            (self.ui.userEdit if not username else self.ui.passwordEdit).setFocus()
            return
        set_message(self.ui.errorLabel, "")
        self._busy(True)
        workers.run_job(self, "verificar la contraseña",
                        lambda _progress, _cancel: self._login(username, password),
                        on_done=self._logged_in, on_error=self._refused)

    def _login(self, username: str, password: str) -> accounts.Login:
        from comite.services import accounts

        if self.db is None and self._open_db is not None:
            self.db = self._open_db()  # waits, on the job's thread, for the database being opened
        assert self.db is not None
        return accounts.login(self.db, username, password)

    def _busy(self, busy: bool) -> None:
        for w in (self.ui.loginButton, self.ui.userEdit, self.ui.passwordEdit):
            w.setEnabled(not busy)
        if busy:
            from PySide6.QtCore import Qt

            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, ComiteError):
            dialogs.show_error(self, exc, action="ingresar")
            return
        set_message(self.ui.errorLabel, str(exc))
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()

    def _logged_in(self, login: accounts.Login) -> None:
        self._busy(False)
        self.ui.passwordEdit.clear()
        self.login_result = login
        if self.ui.rememberCheck.isChecked():
            from comite.services import accounts

            assert self.db is not None
            try:
                accounts.remember_key(self.db, self.store, login.actor.username)
            except StorageError as exc:
                self.remember_failed.emit(str(exc))
        self.accept()
        self.logged_in.emit(login)


class FirstAdminDialog(QDialog):
    """A new database's first administrator, then its recovery key, shown once.

    Emits :attr:`account_created` (the username) when the user confirms the key
    is kept safe; until then the dialog cannot be continued.
    """

    account_created = Signal(str)

    def __init__(self, db: Database, *, kdf: crypto.KdfParams | None = None,
                 hasher: passwords.PasswordHasherConfig | None = None, demo: bool = False,
                 parent: QWidget | None = None) -> None:
        from comite.gui.forms.ui_first_admin_dialog import Ui_FirstAdminDialog  # a new database only

        super().__init__(parent)
        self.ui = Ui_FirstAdminDialog()
        self.ui.setupUi(self)
        self.db = db
        self._kdf, self._hasher, self._demo = kdf, hasher, demo
        self._username = ""
        self.ui.steps.setCurrentWidget(self.ui.accountPage)
        set_message(self.ui.errorLabel, "")
        set_message(self.ui.copiedLabel, "")
        self.ui.recoveryEdit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.ui.createButton.clicked.connect(self.create_account)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.copyButton.clicked.connect(self.copy_key)
        self.ui.savedCheck.toggled.connect(self.ui.continueButton.setEnabled)
        self.ui.continueButton.clicked.connect(self._finish)
        self.ui.usernameEdit.setFocus()

    def _problem(self, username: str, full_name: str, password: str, repeat: str) -> str:
        if not username:
            return "Escriba el nombre de usuario."
        if not full_name:
            return "Escriba el nombre completo de quien administra."
        if password != repeat:
            return "Las dos contraseñas no coinciden."
        from comite.storage import passwords

        try:
            passwords.check_password_policy(password, username=username)
        except ValidationError as exc:
            return str(exc)
        return ""

    @Slot()
    def create_account(self) -> None:
        username = self.ui.usernameEdit.text().strip()
        full_name = self.ui.fullNameEdit.text().strip()
        password, repeat = self.ui.passwordEdit.text(), self.ui.repeatEdit.text()
        problem = self._problem(username, full_name, password, repeat)
        set_message(self.ui.errorLabel, problem)
        if problem:
            return
        self.ui.createButton.setEnabled(False)

        def work(_progress, _cancel) -> str:
            from comite.services import accounts

            return accounts.initialize(self.db, username=username, full_name=full_name, password=password,
                                       kdf=self._kdf, hasher=self._hasher, demo=self._demo)

        def done(recovery: str) -> None:
            self._username = username
            self.ui.passwordEdit.clear()
            self.ui.repeatEdit.clear()
            self.ui.recoveryEdit.setText(recovery)
            metrics = self.ui.recoveryEdit.fontMetrics()
            self.ui.recoveryEdit.setMinimumWidth(metrics.horizontalAdvance(recovery) + 24)
            self.adjustSize()
            self.ui.steps.setCurrentWidget(self.ui.recoveryPage)
            self.ui.copyButton.setFocus()

        def refused(exc: BaseException) -> None:
            self.ui.createButton.setEnabled(True)
            if not isinstance(exc, ComiteError):
                dialogs.show_error(self, exc, action="crear la cuenta de administrador")
                return
            set_message(self.ui.errorLabel, str(exc))

        workers.run_job(self, "crear la cuenta de administrador", work, on_done=done, on_error=refused)

    @Slot()
    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.ui.recoveryEdit.text())
        set_message(self.ui.copiedLabel, "Copiada al portapapeles. Péguela donde la vaya a guardar y "
                                         "luego borre el portapapeles.")

    def recovery_key(self) -> str:
        return self.ui.recoveryEdit.text()

    @Slot()
    def _finish(self) -> None:
        if not self.ui.savedCheck.isChecked():
            return
        self.ui.recoveryEdit.clear()  # shown once: nothing keeps it once the user confirms
        clipboard = QGuiApplication.clipboard()
        clipboard.clear()
        self.accept()
        self.account_created.emit(self._username)

    def reject(self) -> None:
        if self.ui.steps.currentWidget() is self.ui.recoveryPage:
            return  # the account exists: the key must be acknowledged before leaving
        super().reject()
