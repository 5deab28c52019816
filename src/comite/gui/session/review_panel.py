"""The Acta tab's «Revisión de los delegados»: the round under review and what came back.

Top: the draft version under review, the term's end and the committee's rule
for silence. Then one row per delegate it was sent to (sent, answered or
pending, how the term ended) and every observation with the secretariat's
answer. Actions: send the draft for review (the package: PDF, .eml per
delegate, optional SMTP), import a returned PDF's comments, type in an
observation received by e-mail or phone, mark that a delegate answered
without observations, and answer an observation (accepted, or not accepted
with the reason) — by button, double click or Intro on the row.

The panel reads and writes through :mod:`comite.services.review` and
:mod:`comite.services.review_rounds` only; it gets the session page as a
:class:`~comite.gui.session.host.SessionHost` and publishes what it changed on
the change bus; the tab that holds it hands it every change the bus brings
(:meth:`apply_changes`), and it reads the round again on ``Changes(acta=True)``.
Dialogs are opened non-modally (``open()``): tests fill them and press their buttons as a user would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from comite.domain import ReviewAnswer, ReviewChannel, ReviewDelivery, SessionStatus
from comite.errors import ComiteError
from comite.gui import workers
from comite.gui.session.common import ERROR, GREEN, GREY, OK, RED, show_message
from comite.gui.session.host import SessionHost
from comite.gui.session.models import SessionTableModel
from comite.gui.table_models import ROW_ROLE, Column, attach, fit_columns
from comite.services import review, review_rounds, review_smtp
from comite.services.context import Changes
from comite.services.permissions import Action, allowed
from comite.services.review_rounds import DelegateStatus, ObservationRow, ReviewStatus

DELEGATE_COLUMNS = (
    Column("Entidad", lambda d: d.entity, tooltip=lambda d: d.entity),
    Column("Delegado", lambda d: d.reviewer, tooltip=lambda d: d.email or "Sin correo registrado"),
    Column("Respuesta", lambda d: d.state, tooltip=lambda d: d.state,
           foreground=lambda d: GREEN if d.answered_on else (RED if d.lapse_result or not d.email else None)),
    Column("Enviado", lambda d: d.sent_at.astimezone().date() if d.sent_at else "—",
           tooltip=lambda d: d.email or "Sin correo registrado"),
    Column("Término", lambda d: d.deadline),
)

OBSERVATION_COLUMNS = (
    Column("Delegado", lambda o: o.entity or o.reviewer, tooltip=lambda o: f"{o.entity}\n{o.reviewer}"),
    Column("Dónde", lambda o: o.place, tooltip=lambda o: f"Borrador versión {o.version}"),
    Column("Observación", lambda o: o.text, tooltip=lambda o: o.text),
    Column("Respuesta", lambda o: o.answer.label.split(" (")[0] if o.answer else "Pendiente",
           foreground=lambda o: GREY if o.answer else RED,
           tooltip=lambda o: (o.answer.label + (f": {o.reason}" if o.reason else "")) if o.answer else None),
    Column("Recibida", lambda o: o.received_on, tooltip=lambda o: o.channel.label),
)
def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _WhoFields:
    """Who made the observation: one of the delegates the draft went to, or another
    person (entity and name typed in)."""

    OTHER = -1

    def __init__(self, form: QFormLayout, delegates: tuple[DelegateStatus, ...], today: date) -> None:
        self.delegate = QComboBox()
        for d in delegates:
            self.delegate.addItem(f"{d.entity} — {d.reviewer or 'sin nombre'}", d.id)
        self.delegate.addItem("Otra persona…", self.OTHER)
        self.entity = QLineEdit()
        self.name = QLineEdit()
        self.received = QDateEdit(_qdate(today))
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("dd/MM/yyyy")
        self.received.setMaximumDate(_qdate(today))
        self._by_id = {d.id: d for d in delegates}
        form.addRow("&Delegado:", self.delegate)
        form.addRow("&Entidad:", self.entity)
        form.addRow("&Nombre:", self.name)
        form.addRow("&Recibida el:", self.received)
        self.delegate.currentIndexChanged.connect(self._fill)
        self._fill()

    def _fill(self) -> None:
        chosen = self._by_id.get(self.delegate.currentData())
        for edit, value in ((self.entity, chosen.entity if chosen else ""),
                            (self.name, chosen.reviewer if chosen else "")):
            edit.setText(value)
            edit.setReadOnly(chosen is not None)

    def values(self) -> tuple[str, str, date]:
        return self.entity.text(), self.name.text(), _pydate(self.received.date())


class _Dialog(QDialog):
    """A small form with Aceptar/Cancelar and an inline error line; ``submit`` returns
    ``True`` when the service took the input (the dialog closes) or shows why not."""

    def __init__(self, parent: QWidget, title: str, submit: Callable[[_Dialog], bool]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._submit = submit
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        show_message(self.error, "")
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Aceptar")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancelar")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def fail(self, text: str) -> None:
        show_message(self.error, text, ERROR)

    def _accept(self) -> None:
        try:
            done = self._submit(self)
        except ComiteError as exc:
            self.fail(str(exc))  # what was typed stays in the form
            return
        if done:
            self.accept()


class ReviewPanel(QWidget):
    """See the module's text. ``dialog_opened`` carries each dialog as it opens (tests)."""

    dialog_opened = Signal(object)

    def __init__(self, host: SessionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.status: ReviewStatus | None = None
        committee = host.header.committee_id
        self.can_manage = allowed(host.ctx, Action.GENERATE_DOCUMENTS, committee)
        self.choose_send: Callable[[], tuple[Path, ReviewDelivery] | None] | None = None  # tests set it
        self.choose_pdf: Callable[[], Path | None] = self._ask_pdf

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)

        tools = QHBoxLayout()
        self.import_button = QPushButton("&Importar PDF con comentarios…")
        self.import_button.setToolTip("Registra como observaciones del delegado los comentarios del PDF que devolvió")
        self.observation_button = QPushButton("Registrar observación reci&bida…")
        self.observation_button.setToolTip("Una observación que llegó por correo, por teléfono o por escrito")
        self.none_button = QPushButton("&Sin observaciones")
        self.none_button.setToolTip("El delegado seleccionado respondió que no tiene observaciones")
        self.answer_button = QPushButton("Dar resp&uesta…")
        self.answer_button.setToolTip("Aceptada (se corrige en el siguiente borrador) o no aceptada, con el motivo")
        for b in (self.import_button, self.observation_button, self.none_button, self.answer_button):
            tools.addWidget(b)
            b.setVisible(self.can_manage)
        tools.addStretch(1)
        layout.addLayout(tools)

        split = QSplitter(Qt.Orientation.Vertical)
        self.delegates = SessionTableModel(DELEGATE_COLUMNS, self)
        self.delegates_view = QTableView()
        attach(self.delegates_view, self.delegates, stretch_column=0)
        self.delegates_view.setAccessibleName("Delegados a quienes se envió el borrador")
        self.observations = SessionTableModel(OBSERVATION_COLUMNS, self)
        self.observations_view = QTableView()
        attach(self.observations_view, self.observations, stretch_column=2)
        self.observations_view.setAccessibleName("Observaciones de los delegados")
        self.observations_view.setToolTip("Intro o doble clic: responder la observación")
        split.addWidget(self._titled("Delegados:", self.delegates_view))
        split.addWidget(self._titled("Observaciones y respuestas:", self.observations_view))
        split.setSizes([200, 300])
        layout.addWidget(split, 1)
        self.result = QLabel()
        self.result.setWordWrap(True)
        show_message(self.result, "")
        layout.addWidget(self.result)

        self.import_button.clicked.connect(self.import_pdf)
        self.observation_button.clicked.connect(self.record_observation)
        self.none_button.clicked.connect(self.no_observations)
        self.answer_button.clicked.connect(self.answer_selected)
        if self.can_manage:
            self.observations_view.activated.connect(lambda _i: self.answer_selected())
        self.delegates_view.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self.observations_view.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        # The tab that holds the panel calls refresh() (at once, and on every Changes(acta=True)).

    @staticmethod
    def _titled(title: str, view: QTableView) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title)
        label.setBuddy(view)
        inner.addWidget(label)
        inner.addWidget(view)
        return box

    # --- state -------------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.host.header.status is SessionStatus.ACTA_APROBADA

    def apply_changes(self, changes: Changes, _initiator: object) -> None:
        """A change from the bus, handed on by the tab: the round follows the acta and the session."""
        if changes.acta or changes.session:
            self.refresh()

    def refresh(self) -> None:
        ctx, sid = self.host.ctx, self.host.session_id
        status = review_rounds.review_status(ctx, sid)
        if self.can_manage and not self.locked and review_rounds.lapsed(status, ctx.today()):
            try:
                changes = review_rounds.apply_lapsed_terms(ctx, sid)
            except ComiteError as exc:
                self._say(str(exc), ERROR)
            else:
                status = review_rounds.review_status(ctx, sid)
                if changes.message:
                    self._say(changes.message, OK)
        self.status = status
        self.delegates.update_rows(status.delegates)
        self.observations.update_rows(status.observations)
        fit_columns(self.delegates_view, max_width=190)
        fit_columns(self.observations_view, max_width=150)
        self.summary.setText(self._summary(status))
        self._buttons()

    def _summary(self, st: ReviewStatus) -> str:
        if st.version is None:
            return ("<b>El acta no se ha enviado a revisión.</b> «Enviar a revisión» guarda el borrador numerado y "
                    "prepara un correo por cada delegado asistente.")
        answered = sum(d.answered_on is not None for d in st.delegates)
        sent = sum(d.sent_at is not None for d in st.delegates)
        pending = sum(1 for o in st.observations if o.answer is None)
        how = "correo enviado por el servidor" if st.delivery is ReviewDelivery.SMTP else "archivos .eml"
        return (f"<b>Borrador versión {st.version}</b> enviado el {st.sent_on:%d/%m/%Y} ({how}) · "
                f"<b>término: {st.deadline:%d/%m/%Y}</b> ({st.business_days} días hábiles; si no responden: "
                f"{st.lapse_rule.label.split(' (')[0].lower()}) · enviados {sent} de {len(st.delegates)}, "
                f"respondieron {answered} · observaciones sin responder: {pending}")

    def _buttons(self) -> None:
        under_review = self.status is not None and self.status.version is not None and not self.locked
        self.import_button.setEnabled(under_review)
        self.observation_button.setEnabled(under_review)
        delegate = self.selected_delegate()
        self.none_button.setEnabled(under_review and delegate is not None and delegate.answered_on is None)
        self.answer_button.setEnabled(not self.locked and self.selected_observation() is not None)

    def selected_delegate(self) -> DelegateStatus | None:
        index = self.delegates_view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def selected_observation(self) -> ObservationRow | None:
        index = self.observations_view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _say(self, text: str, kind: str = OK) -> None:
        show_message(self.result, text, kind)
        self.host.show_message(text, kind)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _applied(self, changes: Changes) -> None:
        self.host.publish(changes, self)
        if changes.message:
            self._say(changes.message)

    # --- sending -----------------------------------------------------------------------------------
    def send_for_review(self) -> None:
        """«Enviar a revisión»: where to write the package and how to deliver it, then the job."""
        if self.choose_send is not None:
            chosen = self.choose_send()
            if chosen is not None:
                self._send(*chosen)
            return
        self._open(self._send_dialog())

    def _send_dialog(self) -> _Dialog:
        ctx, h = self.host.ctx, self.host.header
        rules = review_rounds.review_settings(ctx).get(h.committee_code, review_rounds.ReviewSettings())
        smtp = review_smtp.smtp_settings(ctx)
        people = review.addressees(ctx, self.host.session_id)
        folder = QLineEdit(str(Path.home() / f"Revision_acta_{h.committee_code}_{h.number:03d}-{h.year}"))
        pick = QPushButton("&Elegir…")
        pick.clicked.connect(lambda: folder.setText(
            QFileDialog.getExistingDirectory(self, "Carpeta del paquete de revisión", folder.text()) or folder.text()))
        files = QRadioButton("Escribir los correos como archivos .eml (se abren en Outlook listos para enviar)")
        server = QRadioButton(f"Enviarlos por el servidor de correo {smtp.host}" if smtp
                              else "Enviarlos por el servidor de correo (no hay uno configurado)")
        server.setEnabled(smtp is not None)
        files.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(files)
        group.addButton(server)

        def submit(dialog: _Dialog) -> bool:
            self._send(Path(folder.text().strip()), ReviewDelivery.SMTP if server.isChecked()
                       else ReviewDelivery.ARCHIVOS)
            return True

        dialog = _Dialog(self, "Enviar el acta a revisión", submit)
        row = QHBoxLayout()
        row.addWidget(folder, 1)
        row.addWidget(pick)
        dialog.form.addRow("&Carpeta:", row)
        dialog.form.addRow(files)
        dialog.form.addRow(server)
        missing = [p.entity for p in people if not p.email]
        info = QLabel(
            f"Se guarda un borrador numerado y se prepara un correo para cada uno de los {len(people) - len(missing)} "
            f"delegados asistentes con correo. Término para observaciones: {rules.business_days} días hábiles; "
            f"si no responden: {rules.lapse_rule.label.split(' (')[0].lower()}."
            + (f"\n\nSin correo registrado ({len(missing)}): " + ", ".join(missing)
               + ". Hágales llegar el borrador por otro medio." if missing else ""))
        info.setWordWrap(True)
        dialog.form.addRow(info)
        dialog.ok_button.setText("&Enviar a revisión")
        dialog.folder, dialog.server = folder, server  # type: ignore[attr-defined]
        return dialog

    def _send(self, folder: Path, delivery: ReviewDelivery) -> None:
        ctx, sid = self.host.ctx, self.host.session_id
        self.host.flush()
        from comite.storage.secrets import default_secret_store

        secrets = default_secret_store() if delivery is ReviewDelivery.SMTP else None

        def done(package) -> None:
            self.host.publish(Changes(session=True, acta=True, session_id=sid), self)
            self.last_package = package
            self._say(package.message, ERROR if package.failures else OK)

        def failed(exc: BaseException) -> None:
            self.host.report_error(exc, action="enviar el acta a revisión")
            if isinstance(exc, ComiteError):
                self._say(str(exc), ERROR)

        workers.run_job(self, "enviar el acta a revisión",
                        lambda p, c: review.send_for_review(ctx, sid, folder, delivery=delivery, secrets=secrets),
                        on_done=done, on_error=failed)

    # --- what comes back ---------------------------------------------------------------------------
    def _ask_pdf(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, "PDF devuelto por el delegado", str(Path.home()), "PDF (*.pdf)")
        return Path(path) if path else None

    def import_pdf(self) -> None:
        path = self.choose_pdf()
        if path is None:
            return
        ctx, sid = self.host.ctx, self.host.session_id
        delegates = self.status.delegates if self.status else ()
        dialog: _Dialog

        def submit(d: _Dialog) -> bool:
            entity, name, received = who.values()
            result = review.import_pdf_comments(ctx, sid, path, entity=entity, reviewer=name, received=received)
            self.host.publish(result.changes, self)
            self._say(result.message, OK if result.added or not result.found else ERROR)
            return True

        dialog = _Dialog(self, "Importar los comentarios de un PDF", submit)
        dialog.form.addRow("Archivo:", QLabel(path.name))
        who = _WhoFields(dialog.form, delegates, ctx.today())
        self._preselect(who)
        dialog.who = who  # type: ignore[attr-defined]
        self._open(dialog)

    def _preselect(self, who: _WhoFields) -> None:
        chosen = self.selected_delegate()
        if chosen is not None:
            who.delegate.setCurrentIndex(max(0, who.delegate.findData(chosen.id)))

    def record_observation(self) -> None:
        ctx, sid = self.host.ctx, self.host.session_id
        delegates = self.status.delegates if self.status else ()
        channel = QComboBox()
        for c in (ReviewChannel.CORREO, ReviewChannel.TELEFONO, ReviewChannel.ESCRITO):
            channel.addItem(c.label, c.value)
        section = QLineEdit()
        section.setPlaceholderText("p. ej. 5.30")
        paragraph = QSpinBox()
        paragraph.setRange(0, 999)
        paragraph.setSpecialValueText("—")
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setPlaceholderText("Lo que el delegado pide corregir o aclarar")

        def submit(d: _Dialog) -> bool:
            entity, name, received = who.values()
            changes = review.record_observation(
                ctx, sid, text.toPlainText(), entity=entity, reviewer=name,
                channel=ReviewChannel(channel.currentData()), received=received, section=section.text(),
                paragraph=paragraph.value() or None)
            self._applied(changes)
            return True

        dialog = _Dialog(self, "Registrar una observación recibida", submit)
        who = _WhoFields(dialog.form, delegates, ctx.today())
        self._preselect(who)
        dialog.form.addRow("&Medio:", channel)
        where = QHBoxLayout()
        where.addWidget(section)
        where.addWidget(QLabel("párrafo"))
        where.addWidget(paragraph)
        dialog.form.addRow("&Sección:", where)
        dialog.form.addRow("&Observación:", text)
        dialog.who, dialog.channel, dialog.section, dialog.paragraph, dialog.text = (  # type: ignore[attr-defined]
            who, channel, section, paragraph, text)
        self._open(dialog)

    def no_observations(self) -> None:
        chosen = self.selected_delegate()
        if chosen is None:
            return
        try:
            changes = review.record_no_observations(self.host.ctx, chosen.id)
        except ComiteError as exc:
            self._say(str(exc), ERROR)
            return
        self._applied(changes)

    # --- answers -----------------------------------------------------------------------------------
    def answer_selected(self) -> None:
        row = self.selected_observation()
        if row is None or self.locked or not self.can_manage:
            return
        accepted = QRadioButton(ReviewAnswer.ACEPTADA.label)
        refused = QRadioButton(ReviewAnswer.NO_ACEPTADA.label + " (escriba el motivo)")
        pending = QRadioButton("Pendiente (sin respuesta)")
        group = QButtonGroup(self)
        for b in (accepted, refused, pending):
            group.addButton(b)
        {ReviewAnswer.ACEPTADA: accepted, ReviewAnswer.NO_ACEPTADA: refused}.get(row.answer, pending).setChecked(True)
        reason = QPlainTextEdit(row.reason)
        reason.setTabChangesFocus(True)
        reason.setPlaceholderText("Por qué no se acepta, o qué se corrigió")

        def submit(d: _Dialog) -> bool:
            answer = (ReviewAnswer.ACEPTADA if accepted.isChecked()
                      else ReviewAnswer.NO_ACEPTADA if refused.isChecked() else None)
            self._applied(review.answer_observation(self.host.ctx, row.id, answer, reason.toPlainText()))
            return True

        dialog = _Dialog(self, "Responder la observación", submit)
        quote = QLabel(f"<b>{row.entity} — {row.reviewer}</b> ({row.channel.label.lower()}, "
                       f"{row.received_on:%d/%m/%Y}{', ' + row.place if row.place else ''}):<br>"
                       + row.text.replace("&", "&amp;").replace("<", "&lt;"))
        quote.setWordWrap(True)
        dialog.form.addRow(quote)
        dialog.form.addRow(accepted)
        dialog.form.addRow(refused)
        dialog.form.addRow(pending)
        dialog.form.addRow("&Motivo:", reason)
        dialog.accepted_, dialog.refused, dialog.pending, dialog.reason = (  # type: ignore[attr-defined]
            accepted, refused, pending, reason)
        self._open(dialog)
