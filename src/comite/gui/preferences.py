"""The preferences dialog (Archivo → Preferencias…, Ctrl+,): the idle-lock
minutes and the data key remembered in the OS credential store."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QWidget

from comite.errors import StorageError
from comite.gui import dialogs
from comite.gui.forms.ui_preferences_dialog import Ui_PreferencesDialog
from comite.gui.settings import Preferences
from comite.services import accounts
from comite.storage.database import Database
from comite.storage.secrets import SecretStore


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; :meth:`chosen` gives them back after OK."""

    def __init__(self, preferences: Preferences, db: Database, store: SecretStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        self.preferences = preferences
        self.db, self.store = db, store
        self.ui.idleSpin.setValue(preferences.idle_lock_minutes)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.forgetKeyButton.clicked.connect(self.forget_key)
        self._show_key_state()
        self.ui.idleSpin.setFocus()

    def _show_key_state(self) -> None:
        if not self.store.available:
            text, can_forget = ("Este equipo no tiene un almacén de credenciales utilizable: la llave no se "
                                "recuerda y se pide la contraseña en cada ingreso."), False
        elif accounts.remembered_vault(self.db, self.store) is not None:
            text, can_forget = ("La llave de esta base está recordada para su usuario del sistema. Olvídela si "
                                "otra persona usa este equipo."), True
        else:
            text, can_forget = "La llave de esta base no está recordada en este equipo.", False
        self.ui.keyStateLabel.setText(text)
        self.ui.forgetKeyButton.setEnabled(can_forget)

    @Slot()
    def forget_key(self) -> None:
        try:
            accounts.forget_key(self.db, self.store)
        except StorageError as exc:
            dialogs.show_error(self, exc)
        self._show_key_state()

    def chosen(self) -> Preferences:
        """The preferences with what the dialog changes applied."""
        self.preferences.idle_lock_minutes = self.ui.idleSpin.value()
        return self.preferences
