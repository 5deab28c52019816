"""Acta: a live preview of the acta as it stands (generated and rasterised
off the UI thread, refreshed when the tab is shown after a change), and the
document actions: draft for review, approval, fe de erratas, PDF export,
resolutions (batch with progress and cancel) and the GVP notification."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from comite.domain import CommitteeKind, SessionStatus
from comite.errors import ComiteError
from comite.gui import dialogs, files, workers
from comite.gui import formatting as fmt
from comite.gui.forms.ui_session_acta_tab import Ui_SessionActaTab
from comite.gui.session.common import ERROR, OK, fit_to_role, role_refusal, show_message
from comite.gui.session.host import SessionHost
from comite.gui.session.models import ActaVersionsModel, ReviewModel
from comite.gui.session.pdf_view import PdfPreview
from comite.gui.session.review_panel import ReviewPanel
from comite.gui.table_models import ROW_ROLE, ViewportFit, attach
from comite.services import acta, resolutions
from comite.services.context import Changes
from comite.services.permissions import Action, allowed


class ActaTab(QWidget):
    def __init__(self, host: SessionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ui = Ui_SessionActaTab()
        self.ui.setupUi(self)
        self.pdf_view = PdfPreview(self)
        self.ui.pdfSlot.addWidget(self.pdf_view)
        self.review_panel = ReviewPanel(host, self)  # the delegates' review round
        self.ui.reviewSlot.addWidget(self.review_panel)
        self.dirty = True
        self.preview_pdf: bytes | None = None
        self.in_view: acta.ActaInView | None = None
        self.last_files: list[Path] = []
        self.choose_pdf_path: Callable[[], Path | None] = self._ask_pdf_path
        self.choose_folder: Callable[[str], Path | None] = self._ask_folder
        show_message(self.ui.resultLabel, "")

        self.versions = ActaVersionsModel(self)
        attach(self.ui.versionsTable, self.versions)
        self.ui.versionsTable.setToolTip("Intro o doble clic: ver esa versión guardada del acta")
        self.ui.versionsTable.activated.connect(lambda _i: self.show_version())
        self.reviews = ReviewModel(self)
        attach(self.ui.reviewTable, self.reviews, stretch_column=2)
        self._fits = (ViewportFit(self.ui.versionsTable, (5, 4, 3, 1, 2), max_width=140, minimum=48),
                      ViewportFit(self.ui.reviewTable, (1, 3, 4), max_width=140, minimum=60))
        committee = host.header.committee_id
        self._can_review = allowed(host.ctx, Action.REVIEW_ACTA, committee)
        self._can_resolve = allowed(host.ctx, Action.GENERATE_DOCUMENTS, committee)
        self._documents_refusal = role_refusal(host.ctx, Action.GENERATE_DOCUMENTS, committee)
        self._approve_refusal = role_refusal(host.ctx, Action.APPROVE_ACTA, committee)
        self.ui.reviewEdit.setVisible(self._can_review)
        self.ui.addReviewButton.setVisible(self._can_review)
        # The secretariat follows and answers the observations in «Revisión de los delegados».
        self.ui.reviewLabel.setVisible(not self._can_resolve)
        self.ui.reviewTable.setVisible(not self._can_resolve)
        self.ui.addReviewButton.clicked.connect(self.add_review)
        self.ui.reviewEdit.returnPressed.connect(self.add_review)
        self._draft: acta.ActaVersionRow | None = None

        self.ui.refreshButton.clicked.connect(self.refresh_preview)
        self.ui.draftButton.clicked.connect(self.issue_draft)
        self.ui.approveButton.clicked.connect(self.approve)
        self.ui.errataButton.clicked.connect(self.issue_errata)
        self.ui.exportButton.clicked.connect(self.export_pdf)
        self.ui.resolutionsButton.clicked.connect(self.generate_resolutions)
        self.ui.notifyButton.clicked.connect(self.generate_notifications)
        self.ui.notifyButton.setVisible(host.header.committee_kind == CommitteeKind.GVP.value)
        self.ui.resolutionsButton.setVisible(host.header.committee_kind != CommitteeKind.GVP.value)
        self.refresh_versions()
        self.review_panel.refresh()

    # --- state -------------------------------------------------------------------------------------
    def apply_changes(self, changes: Changes, initiator: object) -> None:
        """Everything recorded in the session shows in the acta; the versions and the review
        follow its state. (The tab in view regenerates the preview at once.)"""
        if changes.acta or changes.session:
            self.refresh_versions()
        self.review_panel.apply_changes(changes, initiator)
        if (changes.session or changes.agenda or changes.attendance or changes.decisions or changes.votes
                or changes.commitments or changes.acta or changes.cases or changes.catalog):
            self.mark_dirty()

    def mark_dirty(self) -> None:
        self.dirty = True
        if self.isVisible():
            self.refresh_preview()
        else:
            self.ui.previewStatus.setText("La vista previa se actualizará al abrir esta pestaña.")

    def shown(self) -> None:
        if self.dirty:
            self.refresh_preview()

    def refresh_versions(self) -> None:
        ctx, sid = self.host.ctx, self.host.session_id
        versions = acta.acta_versions(ctx, sid)
        self.versions.set_versions(versions)
        self._draft = acta.draft_under_review(versions) if self._can_review else None
        self.reviews.set_reviews(acta.review_observations(ctx, sid))
        self._fits[0].refit()  # the narrow right column: every column in view, long texts with a tooltip
        self._fits[1].refit()
        status = self.host.header.status
        closed = status in (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION)
        tip = "" if closed else "Cierre la sesión (con hora de cierre) para enviar el acta a revisión o aprobarla."
        fit_to_role(self.ui.draftButton, self._documents_refusal, closed,
                    tip or "Registra un borrador numerado para la revisión de los delegados")
        fit_to_role(self.ui.approveButton, self._approve_refusal, closed, tip)
        fit_to_role(self.ui.errataGroup, self._approve_refusal, status is SessionStatus.ACTA_APROBADA)
        after = status in (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION, SessionStatus.ACTA_APROBADA)
        for button in (self.ui.resolutionsButton, self.ui.notifyButton):
            fit_to_role(button, self._documents_refusal, after, button.toolTip() if not self._documents_refusal else "")
        self._review_buttons()

    # --- review ------------------------------------------------------------------------------------
    def _review_buttons(self) -> None:
        draft = self._draft
        self.ui.reviewEdit.setEnabled(draft is not None)
        self.ui.addReviewButton.setEnabled(draft is not None)
        self.ui.reviewEdit.setPlaceholderText(
            f"Observación sobre el borrador versión {draft.version}" if draft is not None
            else "Se observan los borradores enviados a revisión (ninguno pendiente de aprobación)")

    def add_review(self) -> None:
        text = self.ui.reviewEdit.text().strip()
        draft = self._draft
        if not text or draft is None:
            return
        try:
            changes = acta.add_review_observation(self.host.ctx, draft.id, text)
        except ComiteError as exc:
            self._result(str(exc), ERROR)  # what was typed stays in the box
            return
        self.ui.reviewEdit.clear()
        self.host.publish(changes, self)
        self._result(f"Observación registrada sobre el borrador versión {draft.version}.")

    # --- preview -------------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        self.host.flush()
        self.dirty = False
        self.ui.previewStatus.setText("Generando la vista previa…")
        ctx, sid = self.host.ctx, self.host.session_id

        def work(progress, cancel):
            shown = acta.acta_in_view(ctx, sid, render=acta.render_pdf_in_helper)
            cancel.check()
            return shown

        workers.run_job(self, "generar la vista previa del acta", work, on_done=self._preview_ready,
                        on_error=self._preview_failed)

    def _preview_ready(self, shown: acta.ActaInView) -> None:
        """The acta in view and its label come from one place (:func:`acta.acta_in_view`): the
        versions table, the document's own «BORRADOR · Versión N» and this line always agree."""
        self.preview_pdf = shown.pdf
        self.in_view = shown
        pages = self.pdf_view.set_pdf(shown.pdf)
        from datetime import datetime

        when = "" if shown.stored else f" al {datetime.now():%H:%M:%S}"
        self.ui.previewStatus.setText(f"{shown.label} · {fmt.plural(pages, 'página')}{when}")

    def _preview_failed(self, exc: BaseException) -> None:
        self.dirty = True
        self.ui.previewStatus.setText("No se pudo generar la vista previa.")
        self.pdf_view.set_message("No se pudo generar la vista previa del acta.")
        self.host.report_error(exc, action="generar la vista previa del acta")

    def show_version(self) -> None:
        """Show a stored version (draft, final or fe de erratas) instead of the live preview."""
        index = self.ui.versionsTable.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is None:
            return
        ctx = self.host.ctx

        def work(progress, cancel):
            return acta.acta_version_pdf(ctx, row.id)

        def done(pdf: bytes) -> None:
            pages = self.pdf_view.set_pdf(pdf)
            self.dirty = True  # «Actualizar vista previa» goes back to the acta as it stands
            kind = self.versions.data(self.versions.index(self.versions.find_id(row.id), 1))
            self.ui.previewStatus.setText(
                f"Versión {row.version} guardada ({kind.lower()}) · {fmt.plural(pages, 'página')}")

        workers.run_job(self, "abrir la versión del acta", work, on_done=done,
                        on_error=lambda exc: self.host.report_error(exc, action="abrir la versión del acta"))

    # --- lifecycle -----------------------------------------------------------------------------------
    def _result(self, text: str, kind: str = OK) -> None:
        show_message(self.ui.resultLabel, text, kind)
        self.host.show_message(text, kind)

    def _job(self, title: str, work, on_done) -> None:
        self.host.flush()

        def failed(exc: BaseException) -> None:
            self.host.report_error(exc, action=title)
            if isinstance(exc, ComiteError):
                show_message(self.ui.resultLabel, str(exc), ERROR)

        workers.run_job(self, title, work, on_done=on_done, on_error=failed)

    def issue_draft(self) -> None:
        """«Enviar a revisión»: the numbered draft and its package (see :class:`ReviewPanel`)."""
        self.ui.viewTabs.setCurrentWidget(self.ui.reviewPage)
        self.review_panel.send_for_review()

    def approve(self) -> None:
        h = self.host.header
        ctx, sid = self.host.ctx, self.host.session_id
        # what the rules know beforehand is said instead of the confirmation, not after it
        refusal = self._approve_refusal or acta.pending_review_refusal(ctx, sid)
        if refusal:
            self._result(refusal, ERROR)
            return
        if not dialogs.confirm(self, f"¿Aprobar el acta No. {h.number:03d} de {h.year}? Se emite el acta final "
                               "y los datos de la sesión quedan bloqueados; después solo caben correcciones "
                               "por fe de erratas.", title="Aprobar acta", yes="&Aprobar", no="&Cancelar"):
            return

        def done(result) -> None:
            self.host.publish(Changes(session=True, acta=True, session_id=sid), self)
            self._result(result.message)

        self._job("aprobar el acta", lambda p, c: acta.approve_acta(ctx, sid), done)

    def issue_errata(self) -> None:
        text = self.ui.errataEdit.toPlainText().strip()
        if not text:
            self._result("Describa la corrección antes de emitir la fe de erratas.", ERROR)
            return
        ctx, sid = self.host.ctx, self.host.session_id

        def done(result) -> None:
            self.ui.errataEdit.clear()
            self.host.publish(Changes(acta=True, session_id=sid), self)
            self._result(result.message)

        self._job("emitir la fe de erratas", lambda p, c: acta.issue_errata(ctx, sid, text), done)

    # --- files ---------------------------------------------------------------------------------------
    def _ask_pdf_path(self) -> Path | None:
        h = self.host.header
        name = f"Acta_{h.committee_code}_{h.number:03d}-{h.year}.pdf"
        return files.ask_save_file(self, "acta_pdf", "Exportar acta", name, "PDF (*.pdf)")

    def _ask_folder(self, title: str) -> Path | None:
        return files.ask_folder(self, "documentos_acta", title)

    def export_pdf(self) -> None:
        out = self.choose_pdf_path()
        if out is None:
            return
        ctx, sid = self.host.ctx, self.host.session_id

        def done(result) -> None:
            self.last_files = [out]
            self._result(result.message)

        self._job("exportar el acta", lambda p, c: acta.generate_acta(ctx, sid, out), done)

    def generate_resolutions(self) -> None:
        folder = self.choose_folder("Carpeta para las resoluciones")
        if folder is None:
            return
        ctx, sid = self.host.ctx, self.host.session_id

        def work(progress, cancel):
            return resolutions.generate_resolutions(
                ctx, sid, folder, progress=lambda d, t: progress(d, t, f"Resolución {d} de {t}"),
                cancel=lambda: cancel.cancelled, keep_caller_free=True)

        def done(paths) -> None:
            self.last_files = list(paths)
            self._result(f"{fmt.plural(len(paths), 'resolución generada', 'resoluciones generadas')} en {folder}.")

        def cancelled() -> None:
            self._result("Generación de resoluciones cancelada; los archivos ya escritos quedan en la carpeta.",
                         ERROR)

        self.host.flush()
        workers.run_job(self, "generar las resoluciones", work, on_done=done,
                        on_error=lambda exc: self.host.report_error(exc, action="generar las resoluciones"),
                        on_cancel=cancelled)

    def generate_notifications(self) -> None:
        folder = self.choose_folder("Carpeta para las notificaciones al CERREM")
        if folder is None:
            return
        ctx, sid = self.host.ctx, self.host.session_id

        def done(files) -> None:
            self.last_files = [p for f in files for p in (f.pdf, f.docx)]
            if not files:
                self._result("Ningún caso de esta sesión tiene resultado para notificar al CERREM.", ERROR)
                return
            targets = ", ".join(f"{f.committee_code} ({f.cases})" for f in files)
            self._result(f"Notificaciones generadas (PDF y Word) para: {targets}.")

        self._job("generar la notificación al CERREM",
                  lambda p, c: resolutions.generate_notifications(ctx, sid, folder), done)
