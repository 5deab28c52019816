"""Compromisos: pending commitments carried from earlier sessions and the ones
made in this session; add (general or about a case on the agenda), close as
cumplido/cancelado, reopen."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from comite.domain import CommitmentStatus
from comite.gui import formatting as fmt
from comite.gui.forms.ui_session_commitments_tab import Ui_SessionCommitmentsTab
from comite.gui.session.common import ERROR, versioned
from comite.gui.session.host import SessionHost
from comite.gui.session.models import CommitmentsModel
from comite.gui.table_models import ROW_ROLE, attach, fit_columns, select_row
from comite.services import followup
from comite.services.context import Changes
from comite.services.followup import CommitmentRow

NO_CASE = "— Ninguno (compromiso general) —"


class CommitmentsTab(QWidget):
    def __init__(self, host: SessionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ui = Ui_SessionCommitmentsTab()
        self.ui.setupUi(self)
        self.model = CommitmentsModel(self)
        attach(self.ui.commitmentsTable, self.model, filter_edit=self.ui.filterEdit, stretch_column=2)
        due = host.header.day + timedelta(days=30)
        self.ui.dueEdit.setDate(QDate(due.year, due.month, due.day))
        self.ui.dueCheck.toggled.connect(self.ui.dueEdit.setEnabled)
        self.ui.descriptionEdit.returnPressed.connect(self.add)
        self.ui.addButton.clicked.connect(self.add)
        self.ui.doneButton.clicked.connect(lambda: self.set_status(CommitmentStatus.CUMPLIDO))
        self.ui.cancelButton.clicked.connect(lambda: self.set_status(CommitmentStatus.CANCELADO))
        self.ui.reopenButton.clicked.connect(lambda: self.set_status(CommitmentStatus.PENDIENTE))
        self.ui.commitmentsTable.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.ui.responsibleCombo.lineEdit().setPlaceholderText("Entidad responsable")
        self._fill_responsibles()
        self.refresh()

    def _fill_responsibles(self) -> None:
        combo = self.ui.responsibleCombo
        text = combo.currentText()
        combo.clear()
        seen: list[str] = ["Secretaría técnica"]
        for row in self.host.attendance:
            if row.entity not in seen:
                seen.append(row.entity)
        combo.addItems(seen)
        combo.setEditText(text or "")

    def _fill_cases(self) -> None:
        """The cases on this session's agenda; a removed case's choice falls back to none."""
        combo = self.ui.caseCombo
        current = combo.currentData()
        combo.clear()
        combo.addItem(NO_CASE, None)
        for row in self.host.agenda:
            if row.hearing_id is not None:
                combo.addItem(row.radicado, row.hearing_id)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)

    def apply_changes(self, changes: Changes, _initiator: object) -> None:
        # an agenda change alters the cases to choose (and a removed case's commitments lose it)
        if changes.commitments or changes.agenda:
            self.refresh()
        if changes.attendance or changes.catalog:
            self._fill_responsibles()

    def refresh(self) -> None:
        self._fill_cases()
        rows = followup.commitments_for_session(self.host.ctx, self.host.session_id)
        self.model.update_rows(rows)
        fit_columns(self.ui.commitmentsTable, max_width=260)
        pending = sum(1 for r in rows if r.status is CommitmentStatus.PENDIENTE)
        overdue = sum(1 for r in rows if r.overdue)
        text = f"{fmt.plural(len(rows), 'compromiso')}; {fmt.plural(pending, 'pendiente')}"
        self.ui.summaryLabel.setText(text + (f", {fmt.plural(overdue, 'vencido')}." if overdue else "."))
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for w in (self.ui.descriptionEdit, self.ui.responsibleCombo, self.ui.caseCombo, self.ui.dueCheck,
                  self.ui.dueEdit, self.ui.addButton):
            w.setEnabled(not read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current_row()
        editable = not getattr(self, "_read_only", False) and row is not None
        pending = row is not None and row.status is CommitmentStatus.PENDIENTE
        self.ui.doneButton.setEnabled(editable and pending)
        self.ui.cancelButton.setEnabled(editable and pending)
        self.ui.reopenButton.setEnabled(editable and not pending)

    def current_row(self) -> CommitmentRow | None:
        index = self.ui.commitmentsTable.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_commitment(self, commitment_id: int) -> None:
        select_row(self.ui.commitmentsTable, self.model, self.model.find_id(commitment_id))

    def add(self) -> int | None:
        description = self.ui.descriptionEdit.text().strip()
        responsible = self.ui.responsibleCombo.currentText().strip()
        if not description or not responsible:
            self.host.show_message("Escriba qué se hará y elija o escriba la entidad responsable.", ERROR)
            return None
        due = None
        if self.ui.dueCheck.isChecked():
            q = self.ui.dueEdit.date()
            due = date(q.year(), q.month(), q.day())
        hearing_id = self.ui.caseCombo.currentData()
        changes = self.host.run(followup.add_commitment, self.host.ctx, self.host.session_id, description,
                                responsible, due, hearing_id=hearing_id, initiator=self)
        if changes is None:
            return None
        self.ui.descriptionEdit.clear()
        self.select_commitment(changes.created_id)
        about = f" sobre el caso {self.ui.caseCombo.currentText()}" if hearing_id is not None else ""
        self.host.show_ok(f"Compromiso registrado a cargo de {responsible}{about}.")
        self.ui.descriptionEdit.setFocus()
        return changes.created_id

    def set_status(self, status: CommitmentStatus) -> None:
        row = self.current_row()
        if row is None:
            return
        if self.host.run(versioned, followup.set_commitment_status, self.host.ctx, row.id, status,
                         self.host.session_id, expected_version=getattr(row, "row_version", None),
                         initiator=self) is not None:
            self.select_commitment(row.id)
            self.host.show_ok(f"Compromiso «{row.description}»: {status.label.lower()}.")
