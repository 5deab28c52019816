"""Asistencia: every seat with its capacity badge; person, cargo, principal or
delegate, status, arrival and departure are edited in place and stored at
once (each edit undoable). A refusal is shown in words and the cell shows
the stored value again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from comite.domain import AttendanceStatus
from comite.gui.forms.ui_session_attendance_tab import Ui_SessionAttendanceTab
from comite.gui.session import commands
from comite.gui.session.common import changes_of, is_conflict
from comite.gui.session.delegates import ChoiceDelegate, HourDelegate
from comite.gui.session.dialogs import CasesDialog
from comite.gui.session.host import SessionHost
from comite.gui.session.models import (
    ATT_ARRIVAL,
    ATT_CAPACITY,
    ATT_DEPARTURE,
    ATT_STATUS,
    CAPACITY_CHOICES,
    PICKED_CONDITIONS,
    STATUS_CHOICES,
    AttendanceModel,
)
from comite.gui.table_models import ROW_ROLE, attach, display, fit_columns, select_row
from comite.services import attendance
from comite.services.context import Changes
from comite.services.views import AttendanceRow


class AttendanceTab(QWidget):
    def __init__(self, host: SessionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ui = Ui_SessionAttendanceTab()
        self.ui.setupUi(self)
        self.cases_dialog: CasesDialog | None = None
        self.model = AttendanceModel(self)
        self.model.on_edit = self.edit
        table = self.ui.attendanceTable
        self.proxy = attach(table, self.model, filter_edit=self.ui.filterEdit)
        table.setSortingEnabled(False)
        self.proxy.sort(-1)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setItemDelegateForColumn(ATT_CAPACITY, ChoiceDelegate(CAPACITY_CHOICES, table))
        table.setItemDelegateForColumn(ATT_STATUS, ChoiceDelegate(STATUS_CHOICES, table))
        hours = HourDelegate(table)
        table.setItemDelegateForColumn(ATT_ARRIVAL, hours)
        table.setItemDelegateForColumn(ATT_DEPARTURE, hours)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.ui.convenedOnlyCheck.toggled.connect(self._apply_filter)
        self.ui.presentButton.clicked.connect(self.mark_present)
        self.ui.casesButton.clicked.connect(self.open_cases_dialog)
        present = QShortcut(QKeySequence("Ctrl+P"), self)
        present.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        present.activated.connect(self.mark_present)
        table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.refresh()
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        fit_columns(table, max_width=230)
        for column, width in ((0, 210), (3, 150), (4, 180), (5, 160)):  # rol, condición, cargo: tooltips hold the rest
            table.setColumnWidth(column, min(width, table.columnWidth(column)))
        self._apply_filter()

    def apply_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.agenda or changes.attendance or changes.decisions or changes.catalog:  # who is convened
            self.refresh()

    def refresh(self) -> None:
        self.model.update_rows(self.host.attendance)
        self._apply_filter()
        self._update_buttons()

    def _apply_filter(self) -> None:
        if self.ui.convenedOnlyCheck.isChecked():
            convened = {r.id for r, _cases in self.host.convened}
            self.proxy.set_predicate(lambda r: r.id in convened or r.status is AttendanceStatus.PRESENTE)
        else:
            self.proxy.set_predicate(None)

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self.ui.presentButton.setEnabled(not read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.ui.casesButton.setEnabled(not self.model.read_only and row is not None
                                       and row.condition in PICKED_CONDITIONS)

    def current_row(self) -> AttendanceRow | None:
        index = self.ui.attendanceTable.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_seat(self, attendance_id: int) -> None:
        select_row(self.ui.attendanceTable, self.model, self.model.find_key(attendance_id))

    # --- edits -------------------------------------------------------------------------------------
    def edit(self, row: AttendanceRow, field: str, value: Any) -> bool:
        """A cell edit: stored at once as an undoable command; ``False`` if refused."""
        def failed(exc: BaseException) -> None:
            if is_conflict(exc):  # keep what the user typed in words, beside the reloaded value
                typed = display(value) or "vacío"
                exc = type(exc)(f"{exc} Usted había escrito «{typed}» en {row.entity}; la tabla muestra ahora "
                                "el valor guardado: vuelva a aplicarlo si sigue siendo correcto.")
            self.host.report_error(exc)

        command = commands.AttendanceCommand(self.host.ctx, row, field, value,
                                             lambda result: self.host.publish(changes_of(result), self), failed)
        ok = self.host.push(command)
        if ok:
            self.host.show_message("")
        return ok

    def mark_present(self) -> None:
        row = self.current_row()
        if row is None or self.model.read_only or row.status is AttendanceStatus.PRESENTE:
            return
        self.edit(row, "status", AttendanceStatus.PRESENTE)

    # --- cases of a conditional seat ---------------------------------------------------------------
    def open_cases_dialog(self) -> CasesDialog | None:
        row = self.current_row()
        if row is None or row.condition not in PICKED_CONDITIONS:
            return None
        dialog = CasesDialog(self, row.entity, self.host.agenda, row.hearing_ids,
                             lambda ids, r=row: self._save_cases(r, ids))
        self.cases_dialog = dialog
        dialog.open()
        return dialog

    def _save_cases(self, row: AttendanceRow, hearing_ids: list[int]) -> None:
        if self.host.run(attendance.set_attendance_cases, self.host.ctx, row.id, hearing_ids,
                         initiator=self) is not None:
            self.host.show_ok(f"{row.entity}: asiste a {len(hearing_ids)} caso(s).")
