"""The dialogs of «Revisión de los delegados» (forms in ``ui/review_*_dialog.ui``).

Each dialog is filled by the panel, which hands it a ``submit`` function: it
calls the service with what was typed and returns ``True`` when the service
took it (the dialog closes); a refusal (:class:`~comite.errors.ComiteError`)
is said in the dialog's error line and nothing typed is lost. The panel opens
them without blocking (``open()``), so tests fill them and press their buttons
as a user would.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QLineEdit, QWidget

from comite.domain import ReviewAnswer, ReviewChannel
from comite.errors import ComiteError
from comite.gui import files
from comite.gui.forms.ui_review_answer_dialog import Ui_ReviewAnswerDialog
from comite.gui.forms.ui_review_import_dialog import Ui_ReviewImportDialog
from comite.gui.forms.ui_review_observation_dialog import Ui_ReviewObservationDialog
from comite.gui.forms.ui_review_send_dialog import Ui_ReviewSendDialog
from comite.gui.session.common import ERROR, show_message
from comite.services.review_rounds import DelegateStatus, ObservationRow


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _FormDialog(QDialog):
    """A form with Aceptar/Cancelar and an inline error line (``ui.errorLabel``, ``ui.buttons``)."""

    def __init__(self, parent: QWidget, form: Any, submit: Callable[[Any], bool], ok_text: str = "&Aceptar") -> None:
        super().__init__(parent)
        self.ui = form
        form.setupUi(self)
        self._submit = submit
        self.ok_button = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        form.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancelar")
        form.buttons.accepted.connect(self._accept)
        form.buttons.rejected.connect(self.reject)
        show_message(form.errorLabel, "")

    def fail(self, text: str) -> None:
        show_message(self.ui.errorLabel, text, ERROR)

    def _accept(self) -> None:
        try:
            done = self._submit(self)
        except ComiteError as exc:
            self.fail(str(exc))  # what was typed stays in the form
            return
        if done:
            self.accept()


class _WhoFields:
    """Who made the observation: one of the delegates the draft went to (entity and name
    taken from the round, read-only), or another person (typed in); and when it arrived."""

    OTHER = -1

    def __init__(self, combo: QComboBox, entity: QLineEdit, name: QLineEdit, received: QDateEdit,
                 delegates: Sequence[DelegateStatus], today: date, chosen: DelegateStatus | None) -> None:
        self.delegate, self.entity, self.name, self.received = combo, entity, name, received
        self._by_id = {d.id: d for d in delegates}
        for d in delegates:
            combo.addItem(f"{d.entity} — {d.reviewer or 'sin nombre'}", d.id)
        combo.addItem("Otra persona…", self.OTHER)
        received.setDate(_qdate(today))
        received.setMaximumDate(_qdate(today))
        if chosen is not None:
            combo.setCurrentIndex(max(0, combo.findData(chosen.id)))
        combo.currentIndexChanged.connect(self._fill)
        self._fill()

    def _fill(self) -> None:
        chosen = self._by_id.get(self.delegate.currentData())
        for edit, value in ((self.entity, chosen.entity if chosen else ""),
                            (self.name, chosen.reviewer if chosen else "")):
            edit.setText(value)
            edit.setReadOnly(chosen is not None)

    def values(self) -> tuple[str, str, date]:
        return self.entity.text(), self.name.text(), _pydate(self.received.date())


class SendDialog(_FormDialog):
    """Where to write the package and how to deliver it (.eml files, or the mail server)."""

    def __init__(self, parent: QWidget, folder: Path, server: str | None, info: str,
                 submit: Callable[[SendDialog], bool]) -> None:
        super().__init__(parent, Ui_ReviewSendDialog(), submit, ok_text="&Enviar a revisión")
        self.ui.folderEdit.setText(str(folder))
        self.ui.pickButton.clicked.connect(self._pick)
        self.ui.serverRadio.setText(f"Enviarlos por el servidor de correo {server}" if server
                                    else "Enviarlos por el servidor de correo (no hay uno configurado)")
        self.ui.serverRadio.setEnabled(server is not None)
        self.ui.infoLabel.setText(info)

    def _pick(self) -> None:
        typed = Path(self.ui.folderEdit.text()) if self.ui.folderEdit.text() else None
        chosen = files.ask_folder(self, "paquete_revision", "Carpeta del paquete de revisión",
                                  typed if typed is not None and typed.is_dir() else None)
        if chosen is not None:
            self.ui.folderEdit.setText(str(chosen))

    @property
    def folder(self) -> Path:
        return Path(self.ui.folderEdit.text().strip())

    @property
    def by_server(self) -> bool:
        return self.ui.serverRadio.isChecked()


class ImportDialog(_FormDialog):
    """Whose comments a returned PDF holds."""

    def __init__(self, parent: QWidget, file_name: str, delegates: Sequence[DelegateStatus], today: date,
                 chosen: DelegateStatus | None, submit: Callable[[ImportDialog], bool]) -> None:
        super().__init__(parent, Ui_ReviewImportDialog(), submit)
        self.ui.fileNameLabel.setText(file_name)
        self.who = _WhoFields(self.ui.delegateCombo, self.ui.entityEdit, self.ui.nameEdit, self.ui.receivedDate,
                              delegates, today, chosen)


class ObservationDialog(_FormDialog):
    """An observation received by e-mail, phone or in writing."""

    CHANNELS = (ReviewChannel.CORREO, ReviewChannel.TELEFONO, ReviewChannel.ESCRITO)

    def __init__(self, parent: QWidget, delegates: Sequence[DelegateStatus], today: date,
                 chosen: DelegateStatus | None, submit: Callable[[ObservationDialog], bool]) -> None:
        super().__init__(parent, Ui_ReviewObservationDialog(), submit)
        self.who = _WhoFields(self.ui.delegateCombo, self.ui.entityEdit, self.ui.nameEdit, self.ui.receivedDate,
                              delegates, today, chosen)
        for channel in self.CHANNELS:
            self.ui.channelCombo.addItem(channel.label, channel.value)

    @property
    def channel(self) -> ReviewChannel:
        return ReviewChannel(self.ui.channelCombo.currentData())

    @property
    def paragraph(self) -> int | None:
        return self.ui.paragraphSpin.value() or None


class AnswerDialog(_FormDialog):
    """The secretariat's answer to one observation: accepted, not accepted (with the reason), or pending."""

    def __init__(self, parent: QWidget, row: ObservationRow, submit: Callable[[AnswerDialog], bool]) -> None:
        super().__init__(parent, Ui_ReviewAnswerDialog(), submit)
        where = f", {row.place}" if row.place else ""
        self.ui.quoteLabel.setText(
            f"<b>{_html(row.entity)} — {_html(row.reviewer)}</b> ({row.channel.label.lower()}, "
            f"{row.received_on:%d/%m/%Y}{_html(where)}):<br>{_html(row.text)}")
        radio = {ReviewAnswer.ACEPTADA: self.ui.acceptedRadio, ReviewAnswer.NO_ACEPTADA: self.ui.refusedRadio}
        (radio[row.answer] if row.answer is not None else self.ui.pendingRadio).setChecked(True)
        self.ui.reasonEdit.setPlainText(row.reason)

    @property
    def answer(self) -> ReviewAnswer | None:
        if self.ui.acceptedRadio.isChecked():
            return ReviewAnswer.ACEPTADA
        return ReviewAnswer.NO_ACEPTADA if self.ui.refusedRadio.isChecked() else None


def _html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")
