"""Configuración de documentos (administrators): the formats' header and reserve note, who signs the
resolutions and how they are numbered, and the reports' reserve threshold
(:mod:`comite.services.settings`)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from comite.errors import ComiteError
from comite.gui.forms.ui_document_settings_dialog import Ui_DocumentSettingsDialog
from comite.gui.login import set_message
from comite.services import settings
from comite.services.context import Changes, ServiceContext


class DocumentSettingsDialog(QDialog):
    """Shows the settings in force; Guardar stores them (a refusal is said inline and
    nothing typed is lost); :attr:`changes` holds what the save changed."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DocumentSettingsDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.changes: Changes | None = None
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("&Guardar")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancelar")
        current = settings.document_settings(ctx)
        self.ui.entityEdit.setText(current.entity)
        self.ui.processEdit.setText(current.process)
        self.ui.codeEdit.setText(current.format_code)
        self.ui.versionEdit.setText(current.format_version)
        d = current.format_date
        self.ui.dateEdit.setDate(QDate(d.year, d.month, d.day))
        self.ui.emailEdit.setText(current.secretariat_email)
        self.ui.reserveEdit.setPlainText(current.reserve_note)
        self.ui.directorEdit.setText(current.director_name)
        self.ui.positionEdit.setText(current.director_position)
        self.ui.numberCheck.setChecked(current.number_resolutions)
        self.ui.prefixEdit.setText(current.resolution_prefix)
        self.ui.firstSpin.setValue(current.first_resolution_number)
        self.reserve = settings.report_reserve(ctx)
        self.ui.thresholdSpin.setValue(self.reserve.threshold)
        self.ui.numberCheck.toggled.connect(self._numbering_enabled)
        self._numbering_enabled(current.number_resolutions)
        set_message(self.ui.errorLabel, "")
        self.review_button = self.ui.buttonBox.addButton("Revisión del &acta y correo…",
                                                         QDialogButtonBox.ButtonRole.ActionRole)
        self.review_button.clicked.connect(self.edit_review_settings)
        self.review_dialog: QDialog | None = None
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.entityEdit.setFocus()

    @Slot(bool)
    def _numbering_enabled(self, on: bool) -> None:
        for w in (self.ui.prefixEdit, self.ui.firstSpin, self.ui.prefixLabel, self.ui.firstLabel):
            w.setEnabled(on)

    def typed(self) -> settings.DocumentSettings:
        return settings.DocumentSettings(
            entity=self.ui.entityEdit.text(), process=self.ui.processEdit.text(),
            format_code=self.ui.codeEdit.text(), format_version=self.ui.versionEdit.text(),
            format_date=self.ui.dateEdit.date().toPython(), secretariat_email=self.ui.emailEdit.text(),
            director_name=self.ui.directorEdit.text(), director_position=self.ui.positionEdit.text(),
            number_resolutions=self.ui.numberCheck.isChecked(), resolution_prefix=self.ui.prefixEdit.text(),
            first_resolution_number=self.ui.firstSpin.value(),
            reserve_note=self.ui.reserveEdit.toPlainText(),
        )

    @Slot()
    def edit_review_settings(self) -> None:
        """The delegates' review of the acta: term and rule per committee, the mail server."""
        from comite.gui.review_settings import ReviewSettingsDialog

        self.review_dialog = ReviewSettingsDialog(self.ctx, self)
        self.review_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review_dialog.open()

    @Slot()
    def save(self) -> None:
        try:
            self.changes = settings.save_document_settings(self.ctx, self.typed())
            if self.ui.thresholdSpin.value() != self.reserve.threshold:
                saved = settings.save_report_reserve(
                    self.ctx, settings.ReportReserveSettings(self.ui.thresholdSpin.value(), self.reserve.note))
                self.changes = saved if not self.changes.catalog else self.changes
        except ComiteError as exc:
            set_message(self.ui.errorLabel, str(exc))
            return
        self.accept()
