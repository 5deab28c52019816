"""When the case was treated (its hour, which decides quorum and who votes), whether
restoration measures are analysed, and the deliberation, saved as typed (debounced,
undoable as one step per stretch of typing)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from comite.domain import SeatCondition
from comite.gui.forms.ui_session_case_deliberation import Ui_SessionCaseDeliberation
from comite.gui.session import commands
from comite.gui.session.case.base import CaseHost, CasePanel
from comite.gui.session.common import ERROR, hour_text, parse_hour, setup_hour_edit
from comite.services import deliberation
from comite.services.views import HearingDetail

DEBOUNCE_MS = 700


class DeliberationPanel(CasePanel):
    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(case, parent)
        self.ui = Ui_SessionCaseDeliberation()
        self.ui.setupUi(self)
        self._loading = False
        self._saved = ""  # the deliberation as stored (what the box showed when last saved or read)
        self._pending_before = ""
        self._shown_hearing: int | None = None
        setup_hour_edit(self.ui.discussedEdit)
        self.ui.discussedEdit.editingFinished.connect(self.save_hour)
        self.ui.nowButton.clicked.connect(self.set_now)
        self.ui.restorationCheck.clicked.connect(self._save_restoration)
        self.ui.restorationCheck.setVisible(any(
            r.condition is SeatCondition.RESTORATION_MEASURES for r in self.host.attendance))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.ui.deliberationEdit.textChanged.connect(self._typed)
        self.ui.deliberationEdit.installEventFilter(self)

    def show_case(self, d: HearingDetail, another_case: bool) -> None:
        self._loading = True
        try:
            hour = self.ui.discussedEdit
            if another_case or not hour.hasFocus():  # a reload keeps an hour being typed
                hour.setText(hour_text(d.discussed_at))
                hour.setModified(False)
            self.ui.restorationCheck.setChecked(d.restoration_measures)
            stored = d.deliberation or ""
            editor = self.ui.deliberationEdit
            if another_case:
                self.ui.saveStateLabel.setText("")  # the note was about the case shown before
            if (another_case or editor.toPlainText() == self._saved) and editor.toPlainText() != stored:
                editor.setPlainText(stored)  # what is being typed (not yet saved) stays through a reload
            self._saved = stored
            self._shown_hearing = d.hearing_id
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.ui.deliberationEdit.setReadOnly(read_only)
        for w in (self.ui.discussedEdit, self.ui.nowButton, self.ui.restorationCheck):
            w.setEnabled(not read_only)

    # --- hour, restoration ---------------------------------------------------------------------------
    def save_hour(self) -> None:
        """Store the hour typed (Intro, leaving the field, or moving to another case)."""
        d = self.case.detail
        edit = self.ui.discussedEdit
        if self._loading or d is None or not edit.isModified():
            return
        edit.setModified(False)
        try:
            value = parse_hour(edit.text())
        except ValueError:
            self.case.say("Escriba la hora como hh:mm (24 horas), por ejemplo 10:15.", ERROR)
            return
        if value is None or value == d.discussed_at:
            edit.setText(hour_text(d.discussed_at))
            return
        self.case.call(deliberation.update_hearing, self.host.ctx, d.hearing_id, discussed_at=value, initiator=self)
        if self.case.detail is not None:
            edit.setText(hour_text(self.case.detail.discussed_at))

    def set_now(self) -> None:
        if self.case.detail is None or self.case.read_only:
            return
        self.ui.discussedEdit.setText(datetime.now().strftime("%H:%M"))
        self.ui.discussedEdit.setModified(True)
        self.save_hour()

    def _save_restoration(self, checked: bool) -> None:
        if self.case.detail is not None:
            self.case.call(deliberation.update_hearing, self.host.ctx, self.case.detail.hearing_id,
                           restoration_measures=checked, initiator=self)

    # --- deliberation (debounced autosave, undoable) -------------------------------------------
    def _typed(self) -> None:
        if self._loading or self.ui.deliberationEdit.isReadOnly():
            return
        self.ui.saveStateLabel.setText("Sin guardar…")
        self._timer.start()

    def flush(self) -> None:
        """Store the deliberation typed so far (debounce, focus-out, case change, closing)."""
        self._timer.stop()
        d = self.case.detail
        if d is None or self._shown_hearing != d.hearing_id or self.case.read_only:
            return
        text = self.ui.deliberationEdit.toPlainText()
        if text == self._saved:
            return
        before, self._saved = self._saved, text
        self._pending_before = before
        ok = self.host.push(commands.deliberation_command(
            self.host.ctx, d.hearing_id, d.radicado, before, text, self._saved_now, self._failed, d.row_version))
        if ok:
            self.ui.saveStateLabel.setText(f"Guardado {datetime.now():%H:%M:%S}")
        else:
            self._saved = before  # the text stays in the box; the next edit retries

    def _saved_now(self, result: object) -> None:
        self.case.say("")
        self.case.published(result, self)

    def _failed(self, exc: BaseException) -> None:
        # Before any reload: the text typed differs from the stored one, so the reload keeps it.
        self._saved = self._pending_before
        self.ui.saveStateLabel.setText("No se guardó: su texto sigue aquí y se guardará al seguir editando")
        self.case.error(exc)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.deliberationEdit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)
