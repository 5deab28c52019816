"""The session's small dialogs. They open with ``open()`` (never a blocking
``exec()``) and report through a callback, so tests drive them like a user."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from comite.domain import SeatCondition
from comite.gui.forms.ui_session_add_case_dialog import Ui_SessionAddCaseDialog
from comite.gui.forms.ui_session_cases_dialog import Ui_SessionCasesDialog
from comite.gui.forms.ui_session_invitee_dialog import Ui_SessionInviteeDialog
from comite.gui.session.common import ERROR, enum_data, show_message
from comite.gui.session.models import SessionTableModel
from comite.gui.table_models import ROW_ROLE, attach, fit_columns
from comite.services.views import AgendaRow

HEARING_ROLE = Qt.ItemDataRole.UserRole + 10


class PickerDialog(QDialog):
    """Choose rows of a table (cases found, GVP results, emergency measures)."""

    def __init__(self, parent: QWidget, title: str, intro: str, model: SessionTableModel,
                 on_pick: Callable[[list], None], ok_text: str = "&Agregar al orden del día") -> None:
        super().__init__(parent)
        self.ui = Ui_SessionAddCaseDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.introLabel.setText(intro)
        self.model = model
        model.setParent(self)
        self.proxy = attach(self.ui.rowsTable, model, filter_edit=self.ui.filterEdit)
        self.ui.rowsTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.ui.rowsTable)
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancelar")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.rowsTable.doubleClicked.connect(lambda _i: self.accept())
        self._on_pick = on_pick
        self.accepted.connect(lambda: self._on_pick(self.selected()))
        if model.rowCount() == 1:
            self.ui.rowsTable.selectRow(0)
        self.ui.rowsTable.setFocus()

    def selected(self) -> list:
        rows = self.ui.rowsTable.selectionModel().selectedRows()
        return [i.data(ROW_ROLE) for i in sorted(rows, key=lambda i: i.row())]

    def select_all(self) -> None:
        self.ui.rowsTable.selectAll()


def _fill_cases(widget, agenda: Iterable[AgendaRow], checked: set[int]) -> None:
    widget.clear()
    for row in agenda:
        if row.hearing_id is None:
            continue
        text = f"{row.radicado} — {row.population or 'sin población'}"
        item = QListWidgetItem(text, widget)
        item.setData(HEARING_ROLE, row.hearing_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if row.hearing_id in checked else Qt.CheckState.Unchecked)


def _checked(widget) -> list[int]:
    out = []
    for i in range(widget.count()):
        item = widget.item(i)
        if item.checkState() == Qt.CheckState.Checked:
            out.append(int(item.data(HEARING_ROLE)))
    return out


def check_cases(widget, hearing_ids: Iterable[int]) -> None:
    wanted = set(hearing_ids)
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(HEARING_ROLE) in wanted else Qt.CheckState.Unchecked)


class CasesDialog(QDialog):
    """The cases a conditional seat attends (by competence or pertinence)."""

    def __init__(self, parent: QWidget, entity: str, agenda: Sequence[AgendaRow], checked: Iterable[int],
                 on_done: Callable[[list[int]], None]) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionCasesDialog()
        self.ui.setupUi(self)
        self.ui.introLabel.setText(f"Marque los casos del orden del día a los que asiste {entity}.")
        _fill_cases(self.ui.casesList, agenda, set(checked))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Guardar")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancelar")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.accepted.connect(lambda: on_done(self.checked()))

    def checked(self) -> list[int]:
        return _checked(self.ui.casesList)


@dataclass(frozen=True)
class InviteeInput:
    entity: str
    reason: str
    condition: SeatCondition | None
    person_name: str | None
    person_position: str | None
    email: str | None
    hearing_ids: tuple[int, ...]


_KINDS = (
    (SeatCondition.WHEN_COMPETENT, "Entidad pública con competencia en los casos marcados"),
    (SeatCondition.WHEN_PERTINENT, "Ente privado que el comité considera pertinente (casos marcados)"),
    (None, "Asiste a toda la sesión"),
)


class InviteeDialog(QDialog):
    """An ad hoc invitee; ``submit`` returns an error text to show, or ``None`` when stored."""

    def __init__(self, parent: QWidget, agenda: Sequence[AgendaRow],
                 submit: Callable[[InviteeInput], str | None]) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionInviteeDialog()
        self.ui.setupUi(self)
        for condition, label in _KINDS:
            self.ui.kindCombo.addItem(label, condition)
        _fill_cases(self.ui.casesList, agenda, set())
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Agregar invitado")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancelar")
        self.ui.buttons.accepted.connect(self._submit)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        show_message(self.ui.errorLabel, "")
        self._submit_fn = submit

    def _kind_changed(self) -> None:
        self.ui.casesList.setEnabled(self.ui.kindCombo.currentData() is not None)

    def value(self) -> InviteeInput:
        condition = enum_data(self.ui.kindCombo, SeatCondition)
        return InviteeInput(
            self.ui.entityEdit.text().strip(), self.ui.reasonEdit.text().strip(), condition,
            self.ui.personEdit.text().strip() or None, self.ui.positionEdit.text().strip() or None,
            self.ui.emailEdit.text().strip() or None,
            tuple(_checked(self.ui.casesList)) if condition is not None else (),
        )

    def set_kind(self, condition: SeatCondition | None) -> None:
        for i in range(self.ui.kindCombo.count()):
            if self.ui.kindCombo.itemData(i) == condition:
                self.ui.kindCombo.setCurrentIndex(i)

    def _submit(self) -> None:
        error = self._submit_fn(self.value())
        if error:
            show_message(self.ui.errorLabel, error, ERROR)
            return
        self.accept()
