"""Casos en sesión: the agenda's cases one by one, each shown by its panels --
the deliberation (saved as typed), invitees' observations, the social recognition
checklist of a collective, the votes grid with its tally, and the decision.

The tab holds the case shown (its :class:`~comite.services.views.HearingDetail`),
reads it when the user moves or when a change on the bus concerns it, and hands it
to every panel; each panel keeps its own part (a draft decision, an hour being
typed) across reloads.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from comite.errors import ComiteError, ConcurrencyConflict, NotFound
from comite.gui import dialogs
from comite.gui import formatting as fmt
from comite.gui.forms.ui_session_case_tab import Ui_SessionCaseTab
from comite.gui.session.case.base import CasePanel
from comite.gui.session.case.decision import DecisionDraft, DecisionPanel
from comite.gui.session.case.deliberation import DeliberationPanel
from comite.gui.session.case.navigation import CaseNavigation
from comite.gui.session.case.observations import ObservationsPanel
from comite.gui.session.case.recognition import RecognitionPanel
from comite.gui.session.case.votes import VotesPanel
from comite.gui.session.common import ERROR, changes_of, reserve_place, show_message
from comite.gui.session.host import SessionHost, Tab
from comite.services import views
from comite.services.context import Changes
from comite.services.views import HearingDetail


class CaseTab(QWidget):
    def __init__(self, host: SessionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ui = Ui_SessionCaseTab()
        self.ui.setupUi(self)
        self.hearing_id: int | None = None
        self.detail: HearingDetail | None = None
        self.read_only = False
        self._shown_hearing: int | None = None
        reserve_place(self.ui.caseMessage)  # messages never move the tables below
        show_message(self.ui.caseMessage, "")

        self.navigation = CaseNavigation(self)
        self.ui.navSlot.addWidget(self.navigation)
        self.navigation.chosen.connect(self.go_to_hearing)
        self.navigation.install_shortcuts(self)
        left, right = self.ui.leftContent, self.ui.rightContent
        self.deliberation = DeliberationPanel(self, left)
        self.observations = ObservationsPanel(self, left)
        self.recognition = RecognitionPanel(self, left)
        self.votes = VotesPanel(self, right)
        self.decision = DecisionPanel(self, right)
        self.panels: tuple[CasePanel, ...] = (self.deliberation, self.observations, self.recognition, self.votes,
                                              self.decision)
        for n, panel in enumerate((self.deliberation, self.observations, self.recognition)):
            self.ui.leftLayout.insertWidget(n, panel)
        for n, panel in enumerate((self.votes, self.decision)):
            self.ui.rightLayout.insertWidget(n, panel)
        chain = (self.navigation.ui.nextButton, self.deliberation.ui.discussedEdit,
                 self.deliberation.ui.deliberationEdit, self.observations.ui.observationsTable,
                 self.observations.ui.observationRemoveButton,
                 self.recognition.ui.grantedCombo, self.votes.ui.votersTable, self.votes.ui.allFavorButton,
                 self.decision.ui.outcomeCombo)
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        for keys, slot in (("Ctrl+Return", self.record_decision), ("Ctrl+H", self.deliberation.set_now)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # the votes and the decision need the width (a 1366-px screen otherwise scrolls them sideways)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.splitter.setSizes([440, 760])
        self.refresh_cases()

    # --- what the panels use (CaseHost) -------------------------------------------------------------
    def say(self, text: str, kind: str = ERROR) -> None:
        show_message(self.ui.caseMessage, text, kind)

    def error(self, exc: BaseException) -> None:
        if isinstance(exc, ComiteError) and not isinstance(exc, ConcurrencyConflict):
            self.say(str(exc), ERROR)
        else:
            self.host.report_error(exc)

    def call(self, fn: Callable[..., Any], *args: Any, initiator: object, **kwargs: Any) -> Any:
        try:
            result = fn(*args, **kwargs)
        except ComiteError as exc:
            self.error(exc)
            self.reload_detail()
            return None
        self.say("")
        self.published(result, initiator)
        return result

    def published(self, result: Any, initiator: object) -> None:
        self.host.publish(changes_of(result), initiator)

    # --- the change bus -------------------------------------------------------------------------------
    def apply_changes(self, changes: Changes, initiator: object) -> None:
        """Show what changed: the cases of the agenda, or the case shown when it concerns it."""
        if changes.agenda or (changes.cases and changes.case_id is None):
            self.refresh_cases()
            return
        if changes.decisions or changes.cases:  # a decision marks its case ✔; a case may change its radicado
            self.navigation.show_cases(self.hearing_rows())
        shown = self.detail.case_id if self.detail is not None else None
        this_case = changes.case_id is None or changes.case_id == shown
        if (changes.attendance or changes.catalog or ((changes.decisions or changes.cases) and this_case)
                or (changes.votes and this_case and initiator is not self.votes)):
            self.reload_detail()  # (the votes panel shows its own votes from what the service returned)

    # --- cases of the agenda -----------------------------------------------------------------------
    def hearing_rows(self) -> list[views.AgendaRow]:
        return [r for r in self.host.agenda if r.hearing_id is not None]

    def refresh_cases(self) -> None:
        rows = self.hearing_rows()
        self.navigation.show_cases(rows)
        ids = [r.hearing_id for r in rows]
        self.decision.forget(keep=ids)  # cases taken off the agenda
        if self.hearing_id not in ids:
            self.flush()
            self.decision.form_hearing = None  # the case left the agenda: its form has nothing to register
            self.hearing_id = ids[0] if ids else None
        self.reload_detail()

    def go_to_hearing(self, hearing_id: int | None) -> None:
        if hearing_id is None or hearing_id == self.hearing_id:
            return
        self.deliberation.save_hour()  # an hour typed and not confirmed belongs to the case it was typed on
        self.flush()
        self.decision.keep_draft()
        self.hearing_id = hearing_id
        self.say("")
        self.decision.say("")
        self.reload_detail()

    def step(self, delta: int) -> None:
        self.navigation.step(delta)

    def focus_search(self) -> None:
        self.navigation.focus_search()

    # --- loading the case --------------------------------------------------------------------------
    def reload_detail(self) -> None:
        if self.hearing_id is None:
            self.detail = None
            self._show_empty()
            return
        try:
            detail = views.hearing_detail(self.host.ctx, self.hearing_id)
        except NotFound:
            self.decision.drafts.pop(self.hearing_id, None)
            self.decision.form_hearing = None
            self.hearing_id = None
            self.refresh_cases()
            return
        self.detail = detail
        self._show(detail)

    def _show_empty(self) -> None:
        self.ui.caseHeaderLabel.setText("No hay casos en el orden del día. Agréguelos en la pestaña "
                                        "<b>Orden del día</b>.")
        self.navigation.show_current(None)
        self.ui.splitter.setEnabled(False)
        self.votes.clear()
        self.observations.clear()
        self.host.set_quorum(None, None)

    def _show(self, d: HearingDetail) -> None:
        another_case = self._shown_hearing != d.hearing_id
        self.ui.splitter.setEnabled(True)
        self.navigation.show_current(d.hearing_id)
        self.ui.caseHeaderLabel.setText(_header_html(d))
        for panel in self.panels:
            panel.show_case(d, another_case)
        self.host.set_quorum(d.radicado, d.quorum)
        self._shown_hearing = d.hearing_id

    # --- what the page asks --------------------------------------------------------------------------
    def flush(self) -> None:
        """Store the deliberation and the decision's draft typed so far (debounce, focus-out, case
        change, closing, the lock screen)."""
        self.deliberation.flush()
        self.decision.keeper.flush()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for panel in self.panels:
            panel.set_read_only(read_only)

    def record_decision(self) -> bool:
        return self.decision.record()

    def unsaved_decisions(self) -> list[DecisionDraft]:
        """The decisions typed and not registered, in agenda order (the case shown included)."""
        return self.decision.unsaved([r.hearing_id for r in self.hearing_rows()])

    def discard_drafts(self) -> None:
        """Forget every decision typed and not registered; the form shows what is stored."""
        self.decision.forget()
        if self.hearing_id is not None:
            self.reload_detail()

    def register_drafts(self) -> bool:
        """Register every decision typed and not registered, case by case through the service
        (its checks apply: a decision someone changed meanwhile is refused, naming who). Stops at
        the first refusal, on that case with its message; ``True`` if all were registered."""
        for draft in self.unsaved_decisions():
            if draft.hearing_id != self.hearing_id:
                self.go_to_hearing(draft.hearing_id)
            if self.hearing_id != draft.hearing_id or not self.record_decision():
                return False
        return True

    def confirm_close(self) -> bool:
        """Before the page (or the window) closes: ask about decisions typed and not registered.
        ``False`` keeps the page open."""
        drafts = self.unsaved_decisions()
        if not drafts:
            return True
        names = ", ".join(d.radicado for d in drafts)
        several = len(drafts) > 1
        question = (f"Hay decisiones sin registrar en los casos {names}." if several
                    else f"Hay una decisión sin registrar en el caso {names}.")
        answer = dialogs.choose(
            self, question, [("register", "&Registrarlas" if several else "&Registrarla"),
                             ("discard", "&Descartarlas" if several else "&Descartarla"),
                             ("cancel", "&Volver")],
            title="Decisiones sin registrar", default="register", cancel="cancel",
            detail="Registrar pasa por las mismas verificaciones que el botón «Registrar decisión» (quórum, "
                   "votos, cambios de otras personas). Si alguna no se puede registrar, la sesión sigue "
                   "abierta en ese caso con el motivo.")
        if answer == "register":
            if self.register_drafts():
                return True
            self.host.show_tab(Tab.CASES)
            return False
        if answer == "discard":
            self.discard_drafts()
            return True
        if all(d.hearing_id != self.hearing_id for d in drafts):
            self.go_to_hearing(drafts[0].hearing_id)
        self.host.show_tab(Tab.CASES)
        return False


def _header_html(d: HearingDetail) -> str:
    e = html.escape
    parts = [f"<span style='font-size:13pt'><b>Caso {e(d.radicado)}</b></span>", e(d.case_kind.label)]
    parts.append(f"Población: <b>{e(d.population or 'sin población')}</b>")
    parts.append(f"Ruta: {e(d.route.label)}")
    parts.append("Desplazado: <b>Sí</b>" if d.displaced else "Desplazado: No")
    if d.proposal_level or d.proposal_pct is not None:
        level = d.proposal_level.label if d.proposal_level else "sin nivel"
        pct = f" ({fmt.percent(d.proposal_pct)})" if d.proposal_pct is not None else ""
        parts.append(f"Propuesta GVP: <b>{e(level)}</b>{e(pct)}")
    text = " · ".join(parts)
    if d.proposal_concept:
        text += f"<br><i>Concepto GVP:</i> {e(d.proposal_concept)}"
    return text

