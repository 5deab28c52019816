"""Datos y convocatoria: the session's data, saved field by field as typed,
and who is convened (with an ad hoc invitee and the convocation export)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QWidget

from comite.domain import Rights, SessionType
from comite.errors import ComiteError
from comite.gui import files, workers
from comite.gui.forms.ui_session_data_tab import Ui_SessionDataTab
from comite.gui.session import commands
from comite.gui.session.common import ERROR, changes_of, hour_text, parse_hour, setup_hour_edit
from comite.gui.session.dialogs import InviteeDialog, InviteeInput
from comite.gui.session.host import SessionHost
from comite.gui.session.models import ConvenedModel, ConvenedRow
from comite.gui.table_models import attach, fit_columns
from comite.services import attendance, resolutions, sessions
from comite.services.context import Changes

DEBOUNCE_MS = 700


class DataTab(QWidget):
    def __init__(self, host: SessionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ui = Ui_SessionDataTab()
        self.ui.setupUi(self)
        self.invitee_dialog: InviteeDialog | None = None
        self.choose_convocation_path: Callable[[], Path | None] = self._ask_convocation_path
        self._loading = False
        self._saved_development = ""

        for t in SessionType:
            self.ui.typeCombo.addItem(t.label, t)
        for edit in (self.ui.startEdit, self.ui.endEdit):
            setup_hour_edit(edit)
        self._text_fields: dict[QLineEdit, tuple[str, str]] = {
            self.ui.placeEdit: ("place", "lugar"),
            self.ui.linkEdit: ("virtual_link", "enlace virtual"),
            self.ui.secretaryEdit: ("secretary_name", "secretaría técnica"),
            self.ui.secretaryPositionEdit: ("secretary_position", "cargo de la secretaría"),
        }
        for edit, (field, label) in self._text_fields.items():
            edit.editingFinished.connect(lambda e=edit, f=field, lb=label: self._save_text(e, f, lb))
        self.ui.startEdit.editingFinished.connect(lambda: self._save_hour(self.ui.startEdit, "start"))
        self.ui.endEdit.editingFinished.connect(lambda: self._save_hour(self.ui.endEdit, "end"))
        self.ui.typeCombo.activated.connect(self._save_type)
        self.ui.presidingCombo.activated.connect(self._save_presiding)
        self._day_timer = QTimer(self)
        self._day_timer.setSingleShot(True)
        self._day_timer.setInterval(DEBOUNCE_MS)
        self._day_timer.timeout.connect(self._save_day)
        self.ui.dayEdit.dateChanged.connect(lambda _d: None if self._loading else self._day_timer.start())
        self.ui.dayEdit.editingFinished.connect(self._save_day)

        self._dev_timer = QTimer(self)
        self._dev_timer.setSingleShot(True)
        self._dev_timer.setInterval(DEBOUNCE_MS)
        self._dev_timer.timeout.connect(self.flush_development)
        self.ui.developmentEdit.textChanged.connect(self._development_typed)
        self.ui.developmentEdit.installEventFilter(self)

        self.convened_model = ConvenedModel(self)
        attach(self.ui.convenedTable, self.convened_model, filter_edit=self.ui.convenedFilter)
        self.ui.convenedTable.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.ui.inviteeButton.clicked.connect(self.open_invitee_dialog)
        self.ui.exportButton.clicked.connect(self.export_convocation)
        self.refresh_session()
        self.refresh_convened()

    # --- loading -----------------------------------------------------------------------------------
    def apply_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.session or changes.acta or changes.catalog:
            self.refresh_session()
        if changes.agenda or changes.attendance or changes.decisions or changes.catalog:
            self.refresh_convened()

    def _done(self, result: object) -> None:
        self.host.publish(changes_of(result), self)

    def refresh_session(self) -> None:
        h = self.host.header
        self._loading = True
        try:
            self.ui.dayEdit.setDate(QDate(h.day.year, h.day.month, h.day.day))
            self.ui.typeCombo.setCurrentIndex(list(SessionType).index(h.session_type))
            for edit, value in ((self.ui.startEdit, hour_text(h.start)), (self.ui.endEdit, hour_text(h.end)),
                                (self.ui.placeEdit, h.place or ""), (self.ui.linkEdit, h.virtual_link or ""),
                                (self.ui.secretaryEdit, h.secretary_name or ""),
                                (self.ui.secretaryPositionEdit, h.secretary_position or "")):
                if not edit.hasFocus() or not edit.isModified():
                    edit.setText(value)
                    edit.setModified(False)
            stored = h.development or ""
            text = self.ui.developmentEdit.toPlainText()
            if text == self._saved_development and text != stored:
                self.ui.developmentEdit.setPlainText(stored)
            self._saved_development = stored
            self._fill_presiding()
        finally:
            self._loading = False

    def _fill_presiding(self) -> None:
        combo = self.ui.presidingCombo
        combo.clear()
        combo.addItem("(según la composición: quien preside)", None)
        for row in self.host.attendance:
            if row.rights is Rights.VOZ_Y_VOTO:
                who = f" — {row.person_name}" if row.person_name else ""
                combo.addItem(f"{row.entity}{who}", row.id)
        index = combo.findData(self.host.header.presiding_attendance_id)
        combo.setCurrentIndex(max(0, index))

    def refresh_convened(self) -> None:
        rows = [ConvenedRow(r.id, r, cases) for r, cases in self.host.convened]
        self.convened_model.update_rows(rows)
        fit_columns(self.ui.convenedTable, max_width=300)
        self.ui.convenedTable.setColumnWidth(0, min(280, self.ui.convenedTable.columnWidth(0)))
        vote = sum(1 for c in rows if c.row.rights is Rights.VOZ_Y_VOTO)
        self.ui.convenedSummary.setText(
            f"{len(rows)} convocados: {vote} con voz y voto, {len(rows) - vote} con solo voz. "
            "Los puestos condicionales aparecen cuando algún caso del orden del día los convoca.")
        if not self._loading:
            self._fill_presiding()

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.ui.dayEdit, self.ui.typeCombo, self.ui.startEdit, self.ui.endEdit, self.ui.placeEdit,
                  self.ui.linkEdit, self.ui.presidingCombo, self.ui.secretaryEdit, self.ui.secretaryPositionEdit,
                  self.ui.inviteeButton):
            w.setEnabled(not read_only)
        self.ui.developmentEdit.setReadOnly(read_only)

    # --- saving ------------------------------------------------------------------------------------
    def _save_text(self, edit: QLineEdit, field: str, label: str) -> None:
        if self._loading or not edit.isModified():
            return
        edit.setModified(False)
        before = getattr(self.host.header, field) or ""
        after = edit.text().strip()
        if after == before:
            return
        self.host.push(commands.session_field_command(
            self.host.ctx, self.host.session_id, label, field, before, after,
            self._done, self.host.report_error, self.host.header.row_version))

    def _save_hour(self, edit: QLineEdit, field: str) -> None:
        if self._loading or not edit.isModified():
            return
        edit.setModified(False)
        try:
            value = parse_hour(edit.text())
        except ValueError:
            self.host.show_message("Escriba la hora como hh:mm (24 horas), por ejemplo 14:30.", ERROR)
            return
        before = getattr(self.host.header, field)
        if value == before or value is None:
            edit.setText(hour_text(before))
            return
        label = "hora de inicio" if field == "start" else "hora de cierre"
        if before is None:  # nothing to go back to: stored directly, not undoable
            self.host.run(sessions.update_session, self.host.ctx, self.host.session_id, initiator=self,
                          **{field: value})
        else:
            self.host.push(commands.session_field_command(
                self.host.ctx, self.host.session_id, label, field, before, value,
                self._done, self.host.report_error, self.host.header.row_version))
        edit.setText(hour_text(getattr(self.host.header, field)))

    def _save_type(self) -> None:
        value = self.ui.typeCombo.currentData()
        if value != self.host.header.session_type:
            self.host.push(commands.session_field_command(
                self.host.ctx, self.host.session_id, "tipo", "session_type", self.host.header.session_type,
                value, self._done, self.host.report_error, self.host.header.row_version))

    def _save_presiding(self) -> None:
        value = self.ui.presidingCombo.currentData()
        if value is not None and value != self.host.header.presiding_attendance_id:
            self.host.run(sessions.update_session, self.host.ctx, self.host.session_id, initiator=self,
                          presiding_attendance_id=value)

    def _save_day(self) -> None:
        self._day_timer.stop()
        if self._loading:
            return
        q = self.ui.dayEdit.date()
        value = date(q.year(), q.month(), q.day())
        before = self.host.header.day
        if value == before:
            return
        if not self.host.push(commands.session_field_command(
                self.host.ctx, self.host.session_id, "fecha", "day", before, value,
                self._done, self.host.report_error, self.host.header.row_version)):
            self._loading = True
            self.ui.dayEdit.setDate(QDate(before.year, before.month, before.day))
            self._loading = False

    # --- the development text (debounced autosave) ------------------------------------------
    def _development_typed(self) -> None:
        if not self._loading and not self.ui.developmentEdit.isReadOnly():
            self._dev_timer.start()

    def flush_development(self) -> None:
        self._dev_timer.stop()
        text = self.ui.developmentEdit.toPlainText()
        if text == self._saved_development or not self.host.editable:
            return
        before, self._saved_development = self._saved_development, text
        if not self.host.push(commands.development_command(
                self.host.ctx, self.host.session_id, before, text, self._done, self.host.report_error,
                self.host.header.row_version)):
            self._saved_development = before  # kept in the box; the next edit tries again

    def flush(self) -> None:
        if self._day_timer.isActive():
            self._save_day()
        self.flush_development()
        for edit, (field, label) in self._text_fields.items():
            self._save_text(edit, field, label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.developmentEdit and event.type() == QEvent.Type.FocusOut:
            self.flush_development()
        return super().eventFilter(watched, event)

    # --- invitee -----------------------------------------------------------------------------------
    def open_invitee_dialog(self) -> InviteeDialog:
        dialog = InviteeDialog(self, self.host.agenda, self._add_invitee)
        self.invitee_dialog = dialog
        dialog.open()
        return dialog

    def _add_invitee(self, value: InviteeInput) -> str | None:
        try:
            changes = attendance.add_invitee(
                self.host.ctx, self.host.session_id, entity=value.entity, reason=value.reason,
                person_name=value.person_name, person_position=value.person_position, email=value.email,
                condition=value.condition, hearing_ids=value.hearing_ids)
        except ComiteError as exc:
            return str(exc)
        self.host.publish(changes, self)
        self.host.show_ok(f"{value.entity} quedó convocada como invitada (solo voz).")
        return None

    # --- convocation -------------------------------------------------------------------------------
    def _ask_convocation_path(self) -> Path | None:
        h = self.host.header
        name = f"Convocatoria_{h.committee_code}_{h.number:03d}-{h.year}.pdf"
        return files.ask_save_file(self, "convocatoria", "Exportar convocatoria", name, "PDF (*.pdf)")

    def export_convocation(self) -> None:
        self.host.flush()
        pdf = self.choose_convocation_path()
        if pdf is None:
            return
        pdf = pdf.with_suffix(".pdf")
        ics = pdf.with_suffix(".ics")
        ctx, sid = self.host.ctx, self.host.session_id

        def work(progress, cancel):
            progress(0, 1, "Generando la convocatoria…")
            return resolutions.generate_convocation(ctx, sid, pdf, ics)

        def done(changes) -> None:
            self.host.publish(replace(changes, message=""), self)
            # which convened have no e-mail, so the calendar invitation does not reach them
            self.host.show_ok(f"{changes.message} ({datetime.now():%H:%M})")

        workers.run_job(self, "exportar la convocatoria", work, on_done=done,
                        on_error=lambda exc: self.host.report_error(exc, action="exportar la convocatoria"))
