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
The panel's form is ``ui/session_review_panel.ui``; its dialogs are in
:mod:`comite.gui.session.review_dialogs`, opened non-modally (``open()``):
tests fill them and press their buttons as a user would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from comite.domain import ReviewDelivery, SessionStatus
from comite.errors import ComiteError
from comite.gui import files, workers
from comite.gui.forms.ui_session_review_panel import Ui_SessionReviewPanel
from comite.gui.session.common import ERROR, GREEN, GREY, OK, RED, show_message
from comite.gui.session.host import SessionHost
from comite.gui.session.models import SessionTableModel
from comite.gui.session.review_dialogs import AnswerDialog, ImportDialog, ObservationDialog, SendDialog
from comite.gui.table_models import ROW_ROLE, Column, ViewportFit, attach
from comite.services import review, review_rounds, review_smtp
from comite.services.context import Changes
from comite.services.permissions import Action, allowed
from comite.services.review_rounds import DelegateStatus, ObservationRow, ReviewStatus
from comite.text import plural

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


def _short(label: str) -> str:
    """A rule's label without its explanation in parentheses, in lower case."""
    return label.split(" (")[0].lower()


class ReviewPanel(QWidget):
    """See the module's text. ``dialog_opened`` carries each dialog as it opens (tests)."""

    dialog_opened = Signal(object)

    def __init__(self, host: SessionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ui = Ui_SessionReviewPanel()
        self.ui.setupUi(self)
        self.status: ReviewStatus | None = None
        self.can_manage = allowed(host.ctx, Action.GENERATE_DOCUMENTS, host.header.committee_id)
        self.choose_send: Callable[[], tuple[Path, ReviewDelivery] | None] | None = None  # tests set it
        self.choose_pdf: Callable[[], Path | None] = self._ask_pdf
        self.last_package: review.ReviewPackage | None = None

        for button in (self.ui.importButton, self.ui.observationButton, self.ui.noneButton, self.ui.answerButton):
            button.setVisible(self.can_manage)
        self.delegates = SessionTableModel(DELEGATE_COLUMNS, self)
        attach(self.ui.delegatesTable, self.delegates, stretch_column=0)
        self.observations = SessionTableModel(OBSERVATION_COLUMNS, self)
        attach(self.ui.observationsTable, self.observations, stretch_column=2)
        self._fits = (ViewportFit(self.ui.delegatesTable, (1, 2), max_width=190),
                      ViewportFit(self.ui.observationsTable, (0, 1, 3), max_width=150))
        self.ui.splitter.setSizes([200, 300])
        show_message(self.ui.resultLabel, "")

        self.ui.importButton.clicked.connect(self.import_pdf)
        self.ui.observationButton.clicked.connect(self.record_observation)
        self.ui.noneButton.clicked.connect(self.no_observations)
        self.ui.answerButton.clicked.connect(self.answer_selected)
        if self.can_manage:
            self.ui.observationsTable.activated.connect(lambda _i: self.answer_selected())
        self.ui.delegatesTable.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self.ui.observationsTable.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        # The tab that holds the panel calls refresh() once, then hands it the bus's changes (apply_changes).

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
        for fit in self._fits:  # every column in view (the observation too), long texts with a tooltip
            fit.refit()
        self.ui.summaryLabel.setText(self._summary(status))
        self._buttons()

    def _summary(self, st: ReviewStatus) -> str:
        if st.version is None:
            return ("<b>El acta no se ha enviado a revisión.</b> «Enviar a revisión» guarda el borrador numerado y "
                    "prepara un correo por cada delegado asistente.")
        answered = sum(d.answered_on is not None for d in st.delegates)
        sent = sum(d.sent_at is not None for d in st.delegates)
        pending = sum(1 for o in st.observations if o.answer is None)
        how = "correo enviado por el servidor" if st.delivery is ReviewDelivery.SMTP else "archivos .eml"
        rule = _short(st.lapse_rule.label) if st.lapse_rule else ""
        return (f"<b>Borrador versión {st.version}</b> enviado el {st.sent_on:%d/%m/%Y} ({how}) · "
                f"<b>término: {st.deadline:%d/%m/%Y}</b> "
                f"({plural(st.business_days, 'día hábil', 'días hábiles')}; si no responden: "
                f"{rule}) · enviados {sent} de {len(st.delegates)}, "
                f"respondieron {answered} · observaciones sin responder: {pending}")

    def _buttons(self) -> None:
        under_review = self.status is not None and self.status.version is not None and not self.locked
        self.ui.importButton.setEnabled(under_review)
        self.ui.observationButton.setEnabled(under_review)
        delegate = self.selected_delegate()
        self.ui.noneButton.setEnabled(under_review and delegate is not None and delegate.answered_on is None)
        self.ui.answerButton.setEnabled(not self.locked and self.selected_observation() is not None)

    def selected_delegate(self) -> DelegateStatus | None:
        index = self.ui.delegatesTable.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def selected_observation(self) -> ObservationRow | None:
        index = self.ui.observationsTable.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _delegates(self) -> tuple[DelegateStatus, ...]:
        return self.status.delegates if self.status else ()

    def _say(self, text: str, kind: str = OK) -> None:
        show_message(self.ui.resultLabel, text, kind)
        self.host.show_message(text, kind)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _publish(self, changes: Changes, kind: str = OK) -> None:
        """Hand what a service changed to every view (this panel hears it back and reads the round again)."""
        self.host.publish(changes, self)
        if changes.message:
            self._say(changes.message, kind)

    # --- sending -----------------------------------------------------------------------------------
    def send_for_review(self) -> None:
        """«Enviar a revisión»: where to write the package and how to deliver it, then the job."""
        if self.choose_send is not None:
            chosen = self.choose_send()
            if chosen is not None:
                self._send(*chosen)
            return
        ctx, h = self.host.ctx, self.host.header
        rules = review_rounds.review_settings(ctx).get(h.committee_code, review_rounds.ReviewSettings())
        smtp = review_smtp.smtp_settings(ctx)
        people = review.addressees(ctx, self.host.session_id)
        missing = [p.entity for p in people if not p.email]
        info = (f"Se guarda un borrador numerado y se prepara un correo para cada uno de los "
                f"{plural(len(people) - len(missing), 'delegado asistente', 'delegados asistentes')} con correo. "
                f"Término para observaciones: "
                f"{plural(rules.business_days, 'día hábil', 'días hábiles')}; "
                f"si no responden: {_short(rules.lapse_rule.label)}.")
        if missing:
            info += (f"\n\nSin correo registrado ({len(missing)}): " + ", ".join(missing)
                     + ". Hágales llegar el borrador por otro medio.")

        def submit(dialog: SendDialog) -> bool:
            self._send(dialog.folder, ReviewDelivery.SMTP if dialog.by_server else ReviewDelivery.ARCHIVOS)
            return True

        folder = Path.home() / f"Revision_acta_{h.committee_code}_{h.number:03d}-{h.year}"
        self._open(SendDialog(self, folder, smtp.host if smtp else None, info, submit))

    def _send(self, folder: Path, delivery: ReviewDelivery) -> None:
        ctx, sid = self.host.ctx, self.host.session_id
        self.host.flush()
        from comite.storage.secrets import default_secret_store

        secrets = default_secret_store() if delivery is ReviewDelivery.SMTP else None

        def done(package: review.ReviewPackage) -> None:
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
        return files.ask_open_file(self, "pdf_revisado", "PDF devuelto por el delegado", "PDF (*.pdf)")

    def import_pdf(self) -> None:
        path = self.choose_pdf()
        if path is None:
            return
        ctx, sid = self.host.ctx, self.host.session_id

        def submit(dialog: ImportDialog) -> bool:
            entity, name, received = dialog.who.values()
            result = review.import_pdf_comments(ctx, sid, path, entity=entity, reviewer=name, received=received)
            self.host.publish(result.changes, self)
            self._say(result.message, OK if result.added or not result.found else ERROR)
            return True

        self._open(ImportDialog(self, path.name, self._delegates(), ctx.today(), self.selected_delegate(), submit))

    def record_observation(self) -> None:
        ctx, sid = self.host.ctx, self.host.session_id

        def submit(dialog: ObservationDialog) -> bool:
            entity, name, received = dialog.who.values()
            self._publish(review.record_observation(
                ctx, sid, dialog.ui.textEdit.toPlainText(), entity=entity, reviewer=name, channel=dialog.channel,
                received=received, section=dialog.ui.sectionEdit.text(), paragraph=dialog.paragraph))
            return True

        self._open(ObservationDialog(self, self._delegates(), ctx.today(), self.selected_delegate(), submit))

    def no_observations(self) -> None:
        chosen = self.selected_delegate()
        if chosen is None:
            return
        try:
            changes = review.record_no_observations(self.host.ctx, chosen.id)
        except ComiteError as exc:
            self._say(str(exc), ERROR)
            return
        self._publish(changes)

    # --- answers -----------------------------------------------------------------------------------
    def answer_selected(self) -> None:
        row = self.selected_observation()
        if row is None or self.locked or not self.can_manage:
            return

        def submit(dialog: AnswerDialog) -> bool:
            self._publish(review.answer_observation(self.host.ctx, row.id, dialog.answer,
                                                    dialog.ui.reasonEdit.toPlainText()))
            return True

        self._open(AnswerDialog(self, row, submit))
