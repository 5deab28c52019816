"""The preferences dialog (Archivo → Preferencias…, Ctrl+,): the idle-lock
minutes, the data key remembered in the OS credential store, and the database
opened at start (a SQLite file or a PostgreSQL server's URL, never its password)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QWidget

from comite.errors import StorageError
from comite.gui import dialogs
from comite.gui.forms.ui_preferences_dialog import Ui_PreferencesDialog
from comite.gui.login import set_message
from comite.gui.settings import Preferences
from comite.services import accounts
from comite.storage.database import Database, url_for_settings
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
        self.ui.databaseInUseLabel.setText(f"En uso ahora: {db.sqlite_path or db.display_url}")
        self.ui.databaseEdit.setText(preferences.database_url)
        set_message(self.ui.databaseError, "")
        self.ui.buttonBox.accepted.connect(self._try_accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.forgetKeyButton.clicked.connect(self.forget_key)
        self._database = preferences.database_url
        self._show_key_state()
        self.ui.idleSpin.setFocus()

    def _show_key_state(self) -> None:
        if not self.store.available:
            text, can_forget = ("Este equipo no tiene un almacén de credenciales utilizable: la llave no se "
                                "recuerda y se pide la contraseña en cada ingreso."), False
        elif (remembered := accounts.remembered_key(self.db, self.store)) is not None:
            whose = f", a nombre de la cuenta «{remembered.username}»" if remembered.username else ""
            text, can_forget = (f"La llave de esta base está recordada para su usuario del sistema{whose}: con ella "
                                "corren las copias programadas (comite backup CARPETA --remembered-key). "
                                "Olvídela si otra persona usa este equipo."), True
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

    @Slot()
    def _try_accept(self) -> None:
        """Close only with a database the application can open (a bad URL is said here)."""
        try:
            self._database, dropped = url_for_settings(self.ui.databaseEdit.text())
        except StorageError as exc:
            set_message(self.ui.databaseError, str(exc))
            self.ui.databaseEdit.setFocus()
            return
        if dropped:
            dialogs.show_info(self.parentWidget(), "La contraseña escrita en la URL no se guardó: se pedirá al "
                                                   "conectar y quedará en el almacén de credenciales.",
                              title="Preferencias")
        self.accept()

    def chosen(self) -> Preferences:
        """The preferences with what the dialog changes applied (after OK)."""
        self.preferences.idle_lock_minutes = self.ui.idleSpin.value()
        self.preferences.database_url = self._database
        return self.preferences
