"""Locking the application after a while without keyboard or mouse.

:class:`IdleWatcher` is an application-wide event filter: any input restarts
its timer; when it runs out it emits :attr:`IdleWatcher.idle`. The main window
then hides its content behind :class:`LockDialog`, which asks for the password
again (:func:`accounts.verify_password_again`). Nothing is closed: pages,
open dialogs and what was being typed in them are exactly as they were after
unlocking.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from comite.gui.forms.ui_lock_dialog import Ui_LockDialog
from comite.gui.login import set_message
from comite.services import accounts
from comite.services.context import Actor
from comite.storage.database import Database

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride,
})


class IdleWatcher(QObject):
    """Emits :attr:`idle` after ``timeout_ms`` without user input (0: never)."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._paused = False
        self.timeout_ms = 0
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.set_timeout_ms(timeout_ms)

    def set_timeout_ms(self, ms: int) -> None:
        self.timeout_ms = max(0, int(ms))
        self._restart()

    def set_timeout_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(minutes * 60_000)

    def _restart(self) -> None:
        if self.timeout_ms and not self._paused:
            self._timer.start(self.timeout_ms)
        else:
            self._timer.stop()

    def pause(self) -> None:
        self._paused = True
        self._timer.stop()

    def resume(self) -> None:
        self._paused = False
        self._restart()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._paused and self.timeout_ms and event.type() in _INPUT:
            self._timer.start(self.timeout_ms)
        return False

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self.pause()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockDialog(QDialog):
    """Asks the locked user's password; emits :attr:`unlocked` or :attr:`quit_requested`.

    Escape and the window's close button do nothing: the only ways out are the
    right password or leaving the application.
    """

    unlocked = Signal()
    quit_requested = Signal()
    switch_user_requested = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LockDialog()
        self.ui.setupUi(self)
        self.db = db
        self.actor = actor
        self.failures = 0
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        name = f"{actor.full_name} ({actor.username})" if actor.full_name else actor.username
        self.ui.userLabel.setText(name)
        set_message(self.ui.errorLabel, "")
        self.ui.unlockButton.clicked.connect(self.try_unlock)
        self.ui.quitButton.clicked.connect(self.quit_requested)
        # another person at this computer: close this user's windows (drafts kept) and log in
        self.switchButton = QPushButton("Cambiar de &usuario", self)
        self.switchButton.setObjectName("switchButton")
        self.switchButton.setToolTip("Cierra las ventanas de esta cuenta (las decisiones sin registrar quedan "
                                     "guardadas) para que otra persona ingrese con la suya")
        self.ui.buttonsLayout.insertWidget(1, self.switchButton)
        self.switchButton.clicked.connect(self.switch_user_requested)
        self.ui.passwordEdit.setFocus()

    @Slot()
    def try_unlock(self) -> None:
        password = self.ui.passwordEdit.text()
        self.ui.passwordEdit.clear()
        if password and accounts.verify_password_again(self.db, self.actor, password):
            set_message(self.ui.errorLabel, "")
            self.accept()
            self.unlocked.emit()
            return
        self.failures += 1
        set_message(self.ui.errorLabel, "Contraseña incorrecta." if password else "Escriba su contraseña.")
        self.ui.passwordEdit.setFocus()

    def reject(self) -> None:  # Escape
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            return
        super().closeEvent(event)
