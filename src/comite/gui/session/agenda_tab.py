"""Orden del día: the agenda in order, reordered by drag or by keyboard
(Ctrl+Up / Ctrl+Down), with cases added from the registry, the GVP's results,
pending emergency measures, cases with pending commitments or a spreadsheet import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QInputDialog, QWidget

from comite.domain import AgendaItemKind, CommitteeKind, HearingSource
from comite.errors import ComiteError
from comite.gui import dialogs, files, workers
from comite.gui.forms.ui_session_agenda_tab import Ui_SessionAgendaTab
from comite.gui.session import commands
from comite.gui.session.common import ERROR, INFO, changes_of
from comite.gui.session.dialogs import PickerDialog
from comite.gui.session.host import SessionHost
from comite.gui.session.models import (
    AgendaModel,
    case_picker_model,
    emergency_picker_model,
    handoff_picker_model,
    pending_commitment_picker_model,
)
from comite.gui.table_models import ROW_ROLE, attach, fit_columns, select_row
from comite.services import cases, followup, importer, sessions
from comite.services.context import Changes
from comite.services.views import AgendaRow
from comite.text import plural


class AgendaTab(QWidget):
    def __init__(self, host: SessionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ui = Ui_SessionAgendaTab()
        self.ui.setupUi(self)
        self.picker: PickerDialog | None = None
        self.choose_import_file: Callable[[], Path | None] = self._ask_import_file
        self.model = AgendaModel(self)
        self.model.on_move = self.move_item
        self.proxy = attach(self.ui.agendaTable, self.model, filter_edit=self.ui.filterEdit)
        table = self.ui.agendaTable
        table.setSortingEnabled(False)  # the agenda's order is the order
        self.proxy.sort(-1)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.installEventFilter(self)
        table.doubleClicked.connect(lambda _i: self.open_case())

        self.ui.searchEdit.returnPressed.connect(self.search_and_add)
        self.ui.searchButton.clicked.connect(self.search_and_add)
        self.ui.handoffButton.clicked.connect(self.pick_handoffs)
        self.ui.emergencyButton.clicked.connect(self.pick_emergencies)
        self.ui.commitmentButton.clicked.connect(self.pick_commitments)
        self.ui.importButton.clicked.connect(self.import_file)
        self.ui.itemButton.clicked.connect(self.ask_item)
        self.ui.upButton.clicked.connect(lambda: self.move_current(-1))
        self.ui.downButton.clicked.connect(lambda: self.move_current(+1))
        self.ui.removeButton.clicked.connect(self.remove_current)
        self.ui.openButton.clicked.connect(self.open_case)
        kind = host.header.committee_kind
        self.ui.handoffButton.setVisible(kind != CommitteeKind.GVP.value)
        self.ui.emergencyButton.setVisible(kind != CommitteeKind.GVP.value)
        self.refresh()
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        fit_columns(table, max_width=230)
        table.setColumnWidth(1, max(230, min(300, table.columnWidth(1))))

    # --- view --------------------------------------------------------------------------------------
    def apply_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.agenda or changes.decisions or changes.cases:  # a decision shows as the case's outcome
            self.refresh()

    def refresh(self) -> None:
        current = self.current_row()
        self.model.update_rows(self.host.agenda)
        if current is not None:
            select_row(self.ui.agendaTable, self.model, self.model.find_key(current.item_id))
        n = sum(1 for r in self.host.agenda if r.hearing_id is not None)
        decided = sum(1 for r in self.host.agenda if r.outcome is not None)
        self.ui.countLabel.setText(f"{plural(len(self.host.agenda), 'punto')}; {plural(n, 'caso')}, "
                                   f"{decided} con decisión.")

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        for w in (self.ui.searchEdit, self.ui.searchButton, self.ui.handoffButton, self.ui.emergencyButton,
                  self.ui.commitmentButton, self.ui.importButton, self.ui.itemButton, self.ui.upButton,
                  self.ui.downButton, self.ui.removeButton):
            w.setEnabled(not read_only)

    def current_row(self) -> AgendaRow | None:
        index = self.ui.agendaTable.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_item(self, item_id: int) -> None:
        select_row(self.ui.agendaTable, self.model, self.model.find_key(item_id))

    # --- reorder -----------------------------------------------------------------------------------
    def move_item(self, item_id: int, new_position: int) -> None:
        number = self.model.find_key(item_id)
        if number is None:
            return
        row = self.model.row(number)
        last = len(self.host.agenda) - 1
        new_position = max(0, min(new_position, last))
        if new_position == row.position:
            return
        title = row.radicado or row.title
        self.host.push(commands.MoveItemCommand(self.host.ctx, item_id, title, row.position, new_position,
                                                lambda result: self.host.publish(changes_of(result), self),
                                                self.host.report_error))
        self.select_item(item_id)

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row is None or self.model.read_only:
            return
        self.move_item(row.item_id, row.position + step)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.agendaTable and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            mods = key_event.modifiers()
            key = key_event.key()
            if mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if key == Qt.Key.Key_Up else +1)
                return True
            if key == Qt.Key.Key_Delete and not mods:
                self.remove_current()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
                self.open_case()
                return True
        return super().eventFilter(watched, event)

    # --- remove, open ------------------------------------------------------------------------------
    def remove_current(self) -> None:
        row = self.current_row()
        if row is None or self.model.read_only:
            return
        what = f"el caso {row.radicado}" if row.radicado else f"el punto «{row.title}»"
        refused = sessions.removal_refusal(self.host.ctx, row.item_id)
        if refused is not None:  # known before asking (a decision or votes recorded): said instead of asking
            self.host.show_message(refused, ERROR)
            return
        if not dialogs.confirm(self, f"¿Retirar {what} del orden del día?", title="Retirar del orden del día",
                               yes="&Retirar", no="&Cancelar"):
            return
        self.host.flush()
        if self.host.run(sessions.remove_item, self.host.ctx, row.item_id, initiator=self) is not None:
            self.host.show_ok(f"Se retiró {what} del orden del día.")

    def open_case(self) -> None:
        row = self.current_row()
        if row is None or row.hearing_id is None:
            return
        self.host.open_hearing(row.hearing_id)

    # --- add cases ---------------------------------------------------------------------------------
    def _add_many(self, rows: list, add: Callable[[object], Changes], label: Callable[[object], str]) -> None:
        added, refused = [], []
        for row in rows:
            try:
                add(row)
                added.append(label(row))
            except ComiteError as exc:
                refused.append(str(exc))
        if added:
            self.host.publish(Changes(agenda=True, attendance=True, session_id=self.host.session_id), self)
        parts = []
        if added:
            parts.append(f"Agregados al orden del día: {', '.join(added)}.")
        parts.extend(refused)
        if refused:
            self.host.show_message(" ".join(parts), ERROR)
        elif parts:
            self.host.show_ok(" ".join(parts))

    def search_and_add(self) -> None:
        query = self.ui.searchEdit.text().strip()
        if not query:
            return
        try:
            found = cases.find_cases(self.host.ctx, query)
        except ComiteError as exc:
            self.host.report_error(exc)
            return
        if not found:
            self.host.show_message(f"No hay ningún caso con el radicado o documento «{query}».", ERROR)
            return
        self.ui.searchEdit.clear()
        ctx, sid = self.host.ctx, self.host.session_id
        add = lambda c: sessions.add_case(ctx, sid, c.id)  # noqa: E731
        if len(found) == 1:
            self._add_many(found, add, lambda c: c.radicado)
            return
        self._pick("Casos encontrados", f"Varios casos coinciden con «{query}»: elija los que se agregan.",
                   case_picker_model(found), lambda rows: self._add_many(rows, add, lambda c: c.radicado))

    def _pick(self, title: str, intro: str, model, on_pick) -> PickerDialog:
        dialog = PickerDialog(self, title, intro, model, on_pick)
        self.picker = dialog
        dialog.open()
        return dialog

    def pick_handoffs(self) -> PickerDialog | None:
        ctx, sid = self.host.ctx, self.host.session_id
        try:
            rows = followup.pending_handoffs(ctx, self.host.header.committee_code)
        except ComiteError as exc:
            self.host.report_error(exc)
            return None
        if not rows:
            self.host.show_message("No hay resultados del GVP pendientes para este comité.")
            return None
        return self._pick("Resultados del GVP", "Casos valorados por el GVP y dirigidos a este comité. "
                          "El nivel y el concepto del GVP quedan como propuesta.", handoff_picker_model(rows),
                          lambda picked: self._add_many(picked, lambda h: followup.receive_handoff(ctx, sid, h.id),
                                                        lambda h: h.radicado))

    def pick_emergencies(self) -> PickerDialog | None:
        ctx, sid = self.host.ctx, self.host.session_id
        try:
            rows = followup.emergencies(ctx, self.host.header.committee_code)
        except ComiteError as exc:
            self.host.report_error(exc)
            return None
        if not rows:
            self.host.show_message("No hay medidas de emergencia pendientes de informar a este comité.")
            return None
        return self._pick("Medidas de emergencia", "Medidas adoptadas por el Director sin estudio, para informar "
                          "al comité y recomendar las definitivas.", emergency_picker_model(rows),
                          lambda picked: self._add_many(picked, lambda e: followup.report_emergency(ctx, sid, e.id),
                                                        lambda e: e.radicado))

    def pick_commitments(self) -> PickerDialog | None:
        ctx, sid = self.host.ctx, self.host.session_id
        try:
            rows = followup.cases_with_pending_commitments(ctx, sid)
        except ComiteError as exc:
            self.host.report_error(exc)
            return None
        if not rows:
            self.host.show_message("No hay casos con compromisos pendientes de sesiones anteriores de este comité "
                                   "fuera del orden del día.")
            return None
        return self._pick("Compromisos pendientes", "Casos con compromisos de este comité aún pendientes, "
                          "adquiridos en sesiones anteriores. Los compromisos se revisan en «Compromisos».",
                          pending_commitment_picker_model(rows),
                          lambda picked: self._add_many(
                              picked, lambda p: sessions.add_case(ctx, sid, p.case_id, source=HearingSource.COMPROMISO),
                              lambda p: p.radicado))

    def ask_item(self) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Otro punto del orden del día")
        dialog.setLabelText("Título del punto:")
        dialog.setOkButtonText("&Agregar")
        dialog.setCancelButtonText("&Cancelar")
        dialog.textValueSelected.connect(self.add_item)
        dialog.open()
        return dialog

    def add_item(self, title: str) -> None:
        self.host.run(sessions.add_item, self.host.ctx, self.host.session_id, title, AgendaItemKind.OTHER,
                      initiator=self)

    # --- import ------------------------------------------------------------------------------------
    def _ask_import_file(self) -> Path | None:
        return files.ask_open_file(self, "importar_casos", "Importar casos",
                                   "Hojas de cálculo (*.xlsx *.xlsm *.csv *.txt)")

    def import_file(self) -> None:
        path = self.choose_import_file()
        if path is None:
            return
        ctx = self.host.ctx

        def work(progress, cancel):
            return importer.import_cases(ctx, path,
                                         progress=lambda d, t: progress(d, t, plural(d, 'fila leída', 'filas leídas')),
                                         cancel=lambda: cancel.cancelled)

        workers.run_job(self, "importar los casos", work, on_done=self._imported,
                        on_error=lambda exc: self.host.report_error(exc, action="importar los casos"))

    def _imported(self, report) -> None:
        summary = report.summary()
        notes = [f"Rechazada: {p}" for p in report.rejected] + [f"Para revisar: {w}" for w in report.warnings]
        if notes:
            detail = " ".join(notes[:5])
            more = f" (y {len(notes) - 5} más)" if len(notes) > 5 else ""
            self.host.show_message(f"{summary} {detail}{more}", ERROR if report.rejected else INFO)
        else:
            self.host.show_ok(summary)
        if not report.case_ids:
            return
        try:
            rows = [cases.case_summary(self.host.ctx, cid) for cid in report.case_ids]
        except ComiteError as exc:
            self.host.report_error(exc)
            return
        ctx, sid = self.host.ctx, self.host.session_id
        dialog = self._pick("Casos importados", f"{summary} Elija los que se agregan al orden del día "
                            "(Ctrl+A: todos).", case_picker_model(rows),
                            lambda picked: self._add_many(picked, lambda c: sessions.add_case(ctx, sid, c.id),
                                                          lambda c: c.radicado))
        dialog.select_all()
