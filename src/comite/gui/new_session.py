"""Ctrl+N: programme a session (committee, type, date, time, place or link, modality).

The number is the service's (next of the committee in the year). A refusal
shows inline in Spanish and the dialog stays open with what was typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from comite.domain import SessionModality, SessionType
from comite.errors import ComiteError, ValidationError
from comite.gui import dialogs
from comite.gui import formatting as fmt
from comite.gui.forms.ui_new_session_dialog import Ui_NewSessionDialog
from comite.gui.login import set_message
from comite.services import sessions
from comite.services.context import ServiceContext
from comite.services.dashboard import CommitteeInfo


class NewSessionDialog(QDialog):
    """Emits :attr:`created` with the new session's id (and the service's Changes)."""

    created = Signal(int, object)

    def __init__(self, ctx: ServiceContext, committees: list[CommitteeInfo], *, committee_code: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewSessionDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        for c in committees:
            self.ui.committeeCombo.addItem(c.short_name, c.code)
            self.ui.committeeCombo.setItemData(self.ui.committeeCombo.count() - 1, c.name,
                                               Qt.ItemDataRole.ToolTipRole)
        if committee_code is not None:
            at = self.ui.committeeCombo.findData(committee_code)
            if at >= 0:
                self.ui.committeeCombo.setCurrentIndex(at)
        for t in SessionType:
            self.ui.typeCombo.addItem(t.label, t.value)
        self.ui.modalityCombo.addItem("Según el lugar y el enlace", None)
        for m in SessionModality:
            self.ui.modalityCombo.addItem(m.label, m.value)
        today = ctx.today()
        self.ui.dateEdit.setDate(QDate(today.year, today.month, today.day))
        self.ui.dateEdit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.ui.timeEdit.setTime(QTime(9, 0))
        set_message(self.ui.errorLabel, "")
        self.ui.dateEdit.dateChanged.connect(self._show_long_date)
        self._show_long_date()
        self.ui.createButton.clicked.connect(self.create)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.createButton.setEnabled(bool(committees))
        if not committees:
            set_message(self.ui.errorLabel, "Su cuenta no está asignada a ningún comité: no puede programar sesiones.")
        self.ui.committeeCombo.setFocus()

    def day(self) -> date:
        return self.ui.dateEdit.date().toPython()

    @Slot()
    def _show_long_date(self) -> None:
        self.ui.longDateLabel.setText(fmt.long_date(self.day(), weekday=True))

    def _input(self) -> dict:
        link = self.ui.linkEdit.text().strip()
        if link and not link.lower().startswith(("https://", "http://")):
            raise ValidationError("El enlace virtual debe empezar por https:// (cópielo completo de la invitación).")
        return {
            "committee_code": self.ui.committeeCombo.currentData(),
            "day": self.day(),
            "session_type": SessionType(self.ui.typeCombo.currentData()),
            "start": self.ui.timeEdit.time().toPython(),
            "place": self.ui.placeEdit.text().strip() or None,
            "virtual_link": link or None,
            "modality": SessionModality(self.ui.modalityCombo.currentData())
            if self.ui.modalityCombo.currentData() else None,
        }

    @Slot()
    def create(self) -> None:
        try:
            values = self._input()
            changes = sessions.create_session(self.ctx, **values)
        except ComiteError as exc:
            set_message(self.ui.errorLabel, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a bug: say so, keep the dialog and its input
            dialogs.show_error(self, exc, action="crear la sesión")
            return
        set_message(self.ui.errorLabel, "")
        self.accept()
        self.created.emit(changes.created_id, changes)
