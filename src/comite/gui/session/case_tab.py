"""Casos en sesión: the agenda's cases one by one (Alt+Left/Right, PgUp/PgDown),
with the deliberation (saved as typed), invitees' observations, the social
recognition checklist of a collective, the votes grid (keys 1/2/3) with its
tally as votes come in, and the decision."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QLabel, QWidget

from comite.domain import (
    CaseKind,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    SeatCondition,
    VoteChoice,
)
from comite.errors import ComiteError, ConcurrencyConflict, NotFound
from comite.gui import dialogs
from comite.gui import formatting as fmt
from comite.gui.forms.ui_session_case_tab import Ui_SessionCaseTab
from comite.gui.session import commands
from comite.gui.session.common import (
    ERROR,
    INFO,
    OK,
    enum_data,
    hour_text,
    parse_hour,
    setup_hour_edit,
    show_message,
    versioned,
)
from comite.gui.session.delegates import ChoiceDelegate, NumberDelegate
from comite.gui.session.models import (
    ACTION_CHOICES,
    MEASURE_ACTION,
    MEASURE_MONTHS,
    MEASURE_QUANTITY,
    VOTE_CHOICES,
    VOTER_CHOICE,
    VOTER_DISSENT,
    MeasuresModel,
    ObservationsModel,
    VotersModel,
)
from comite.gui.table_models import ROW_ROLE, attach, fit_columns, select_row
from comite.rules.collective import CRITERIA
from comite.services import proceedings, views
from comite.services.context import Changes
from comite.services.proceedings import DecisionInput, MeasureInput
from comite.services.views import HearingDetail, VoterRow

if TYPE_CHECKING:
    from comite.gui.session_page import SessionPage

DEBOUNCE_MS = 700
VOTE_KEYS = {
    Qt.Key.Key_1: VoteChoice.A_FAVOR,
    Qt.Key.Key_2: VoteChoice.EN_CONTRA,
    Qt.Key.Key_3: VoteChoice.ABSTENCION,
}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0)

DRAFT_NOTE = "Decisión sin registrar: los cambios se conservan hasta que la registre (Ctrl+Enter)."
DRAFT_STALE_NOTE = ("La decisión registrada de este caso cambió desde que usted empezó a editarla (otra persona "
                    "la modificó). Sus cambios siguen aquí sin registrar; al registrarlos se le dirá quién "
                    "cambió qué, y nada se sobrescribe sin que usted lo revise.")

MeasureRow = tuple[str, str, int, MeasureAction, int | None, date | None]


@dataclass(frozen=True)
class DecisionForm:
    """What the decision form holds (risk level, concept, measures…), registered or not."""

    outcome: DecisionOutcome
    risk_level: RiskLevel | None
    pct: float
    concept: str
    measures: tuple[MeasureRow, ...]  # code, name, quantity, action, months, revaluation date

    def same_as(self, other: DecisionForm | None) -> bool:
        """The same decision (a revaluation date the form shows does not count: it is computed)."""
        return other is not None and (self.outcome, self.risk_level, self.pct, self.concept) == (
            other.outcome, other.risk_level, other.pct, other.concept) and \
            [m[:5] for m in self.measures] == [m[:5] for m in other.measures]


@dataclass(frozen=True)
class DecisionDraft:
    """A decision typed for a case and not registered, kept while the page is open.

    ``stored`` and ``version`` are the stored decision the editing began from and the
    hearing's version then: if someone changes the decision meanwhile, registering the
    draft is refused by the service (naming who) instead of overwriting it."""

    hearing_id: int
    radicado: str
    form: DecisionForm
    stored: tuple
    version: int


def stored_decision(d: HearingDetail) -> tuple:
    """The decision as stored (to notice that someone changed it)."""
    return (d.outcome, d.risk_level, d.concept, d.matrix_pct, d.decided_on,
            tuple((m.code, m.quantity, m.action, m.temporality_months) for m in d.measures))


class CaseTab(QWidget):
    def __init__(self, page: SessionPage) -> None:
        super().__init__(page)
        self.page = page
        self.ui = Ui_SessionCaseTab()
        self.ui.setupUi(self)
        self.hearing_id: int | None = None
        self.detail: HearingDetail | None = None
        self._loading = False
        self._saved_deliberation = ""
        self._form_hearing: int | None = None
        self._shown_hearing: int | None = None
        self._read_only = False
        # the decision form: what it was filled with, the stored decision (and hearing version) it
        # started from, and the drafts of the other cases typed but not registered
        self._drafts: dict[int, DecisionDraft] = {}
        self._form_baseline: DecisionForm | None = None
        self._form_stored: tuple | None = None
        self._form_version: int | None = None
        self._form_radicado = ""
        self._observation_drafts: dict[int, str] = {}  # observations typed and not added, per case
        show_message(self.ui.caseMessage, "")
        show_message(self.ui.decisionMessage, "")

        # navigation
        self.ui.prevButton.clicked.connect(lambda: self.step(-1))
        self.ui.nextButton.clicked.connect(lambda: self.step(+1))
        self.ui.caseCombo.activated.connect(lambda i: self.go_to_hearing(self.ui.caseCombo.itemData(i)))
        for keys, step in ((("Alt+Right", "PgDown"), +1), (("Alt+Left", "PgUp"), -1)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda s=step: self.step(s))
        record = QShortcut(QKeySequence("Ctrl+Return"), self)
        record.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        record.activated.connect(self.record_decision)
        now = QShortcut(QKeySequence("Ctrl+H"), self)
        now.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        now.activated.connect(self.set_now)

        # time, restoration, deliberation
        setup_hour_edit(self.ui.discussedEdit)
        self.ui.discussedEdit.editingFinished.connect(self._save_discussed)
        self.ui.nowButton.clicked.connect(self.set_now)
        self.ui.restorationCheck.clicked.connect(self._save_restoration)
        self.ui.restorationCheck.setVisible(any(
            r.condition is SeatCondition.RESTORATION_MEASURES for r in page.attendance))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.ui.deliberationEdit.textChanged.connect(self._typed)
        self.ui.deliberationEdit.installEventFilter(self)

        # observations
        self.observations = ObservationsModel(self)
        attach(self.ui.observationsTable, self.observations, stretch_column=1)
        self.ui.observationEdit.returnPressed.connect(self.add_observation)
        self.ui.observationAddButton.clicked.connect(self.add_observation)
        self.ui.observationRemoveButton.clicked.connect(self.remove_observation)

        # social recognition
        self.criteria: dict[str, QCheckBox] = {}
        for code, text in CRITERIA:
            box = QCheckBox(text, self.ui.recognitionGroup)
            box.setToolTip(text)
            box.clicked.connect(self._save_recognition)
            self.ui.criteriaLayout.addWidget(box)
            self.criteria[code] = box
        for label, value in (("Según la lista (todos los criterios)", None),
                             ("Reconocido por el comité", True), ("No reconocido por el comité", False)):
            self.ui.grantedCombo.addItem(label, value)
        self.ui.grantedCombo.activated.connect(self._save_recognition)

        # votes
        self.voters = VotersModel(self)
        self.voters.on_edit = self._voter_edited
        table = self.ui.votersTable
        attach(table, self.voters, stretch_column=VOTER_DISSENT)
        table.setSortingEnabled(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setItemDelegateForColumn(VOTER_CHOICE, ChoiceDelegate(VOTE_CHOICES, table))
        table.installEventFilter(self)
        self.ui.allFavorButton.clicked.connect(self.missing_in_favor)

        # decision
        for outcome in DecisionOutcome:
            self.ui.outcomeCombo.addItem(outcome.label, outcome)
        self.ui.riskCombo.addItem("—", None)
        for level in RiskLevel:
            self.ui.riskCombo.addItem(level.label, level)
        self.ui.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        try:
            types = views.measure_choices(page.ctx)
        except ComiteError:
            types = []
        self.measure_names = {m.code: m.name for m in types}
        for m in sorted(types, key=lambda m: (m.restoration, m.name)):
            extra = " (restablecimiento)" if m.restoration else ""
            self.ui.measureCombo.addItem(m.name + extra, m.code)
        self.measures = MeasuresModel(self)
        mtable = self.ui.measuresTable
        attach(mtable, self.measures, stretch_column=0)
        mtable.setSortingEnabled(False)
        mtable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                               | QAbstractItemView.EditTrigger.EditKeyPressed
                               | QAbstractItemView.EditTrigger.AnyKeyPressed)
        mtable.setItemDelegateForColumn(MEASURE_QUANTITY, NumberDelegate(1, 99, parent=mtable))
        mtable.setItemDelegateForColumn(MEASURE_ACTION, ChoiceDelegate(ACTION_CHOICES, mtable))
        mtable.setItemDelegateForColumn(MEASURE_MONTHS, NumberDelegate(1, 24, allow_empty=True, parent=mtable))
        self.ui.measureAddButton.clicked.connect(self.add_measure)
        self.ui.measureRemoveButton.clicked.connect(self.remove_measure)
        self.ui.recordButton.clicked.connect(self.record_decision)
        self.ui.withdrawButton.clicked.connect(self.withdraw_decision)
        self.draftNote = QLabel(self.ui.decisionGroup)
        self.draftNote.setObjectName("draftNote")
        self.draftNote.setWordWrap(True)
        self.ui.decisionLayout.insertWidget(0, self.draftNote)
        show_message(self.draftNote, "")
        self.ui.outcomeCombo.currentIndexChanged.connect(self._decision_edited)
        self.ui.riskCombo.currentIndexChanged.connect(self._decision_edited)
        self.ui.pctSpin.valueChanged.connect(self._decision_edited)
        self.ui.conceptEdit.textChanged.connect(self._decision_edited)
        for signal in (self.measures.rowsInserted, self.measures.rowsRemoved, self.measures.dataChanged,
                       self.measures.modelReset):
            signal.connect(self._decision_edited)
        # the votes and the decision need the width (a 1366-px screen otherwise scrolls them sideways)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.splitter.setSizes([440, 760])
        self.ui.observationSeatCombo.setMaximumWidth(260)
        # long entity names must not push the observation box off a narrow left column
        self.ui.observationSeatCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ui.observationSeatCombo.setMinimumContentsLength(8)
        self.ui.observationSeatCombo.setMinimumWidth(110)
        self.ui.observationEdit.setMinimumWidth(80)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.refresh_cases()

    # --- cases of the agenda -----------------------------------------------------------------------
    def hearing_rows(self) -> list[views.AgendaRow]:
        return [r for r in self.page.agenda if r.hearing_id is not None]

    def refresh_cases(self) -> None:
        rows = self.hearing_rows()
        combo = self.ui.caseCombo
        combo.blockSignals(True)
        combo.clear()
        for n, r in enumerate(rows, start=1):
            mark = " ✔" if r.outcome is not None else ""
            combo.addItem(f"{n}. Caso {r.radicado}{mark}", r.hearing_id)
        combo.blockSignals(False)
        ids = [r.hearing_id for r in rows]
        self._drafts = {k: v for k, v in self._drafts.items() if k in ids}  # cases taken off the agenda
        if self.hearing_id not in ids:
            self.flush()
            self._form_hearing = None  # the case left the agenda: its form has nothing left to register
            self.hearing_id = ids[0] if ids else None
        self.reload_detail()

    def go_to_hearing(self, hearing_id: int | None) -> None:
        if hearing_id is None or hearing_id == self.hearing_id:
            return
        self._save_discussed()  # an hour typed and not confirmed belongs to the case it was typed on
        self.flush()
        self._keep_draft()
        self._keep_observation()
        self.hearing_id = hearing_id
        show_message(self.ui.caseMessage, "")
        show_message(self.ui.decisionMessage, "")
        self.reload_detail()

    def step(self, delta: int) -> None:
        ids = [r.hearing_id for r in self.hearing_rows()]
        if not ids:
            return
        i = ids.index(self.hearing_id) if self.hearing_id in ids else -1
        j = max(0, min(len(ids) - 1, i + delta))
        self.go_to_hearing(ids[j])

    # --- loading the case --------------------------------------------------------------------------
    def reload_detail(self) -> None:
        if self.hearing_id is None:
            self.detail = None
            self._show_empty()
            return
        try:
            detail = views.hearing_detail(self.page.ctx, self.hearing_id)
        except NotFound:
            self._drafts.pop(self.hearing_id, None)
            self._form_hearing = None
            self.hearing_id = None
            self.refresh_cases()
            return
        self.detail = detail
        self._show(detail)

    def _show_empty(self) -> None:
        self.ui.caseHeaderLabel.setText("No hay casos en el orden del día. Agréguelos en la pestaña "
                                        "<b>Orden del día</b>.")
        self.ui.positionLabel.setText("")
        self.ui.splitter.setEnabled(False)
        self.voters.update_rows([])
        self.observations.update_rows([])
        self.page.set_quorum(None, None)

    def _show(self, d: HearingDetail) -> None:
        self._loading = True
        try:
            self.ui.splitter.setEnabled(True)
            rows = self.hearing_rows()
            ids = [r.hearing_id for r in rows]
            pos = ids.index(d.hearing_id) if d.hearing_id in ids else 0
            self.ui.caseCombo.setCurrentIndex(pos)
            self.ui.positionLabel.setText(f"Caso {pos + 1} de {len(ids)}")
            self.ui.prevButton.setEnabled(pos > 0)
            self.ui.nextButton.setEnabled(pos < len(ids) - 1)
            self.ui.caseHeaderLabel.setText(_header_html(d))
            another_case = self._shown_hearing != d.hearing_id
            if another_case or not self.ui.discussedEdit.hasFocus():  # a reload keeps an hour being typed
                self.ui.discussedEdit.setText(hour_text(d.discussed_at))
                self.ui.discussedEdit.setModified(False)
            if another_case:  # nothing of the case shown before may stay on screen
                self.ui.saveStateLabel.setText("")
                self.ui.observationEdit.setText(self._observation_drafts.pop(d.hearing_id, ""))
            self.ui.restorationCheck.setChecked(d.restoration_measures)
            stored = d.deliberation or ""
            editor = self.ui.deliberationEdit
            clean = editor.toPlainText() == self._saved_deliberation or self._shown_hearing != d.hearing_id
            if clean and editor.toPlainText() != stored:
                editor.setPlainText(stored)
            self._saved_deliberation = stored
            self.observations.update_rows(d.observations)
            self._fill_observation_seats(d)
            self._show_recognition(d)
            self._show_votes(d)
            if self._form_hearing != d.hearing_id:
                self._fill_decision(d)
            else:
                self._follow_stored_decision(d)
            self._show_decision_state(d)
            self.page.set_quorum(d.radicado, d.quorum)
            self._shown_hearing = d.hearing_id
        finally:
            self._loading = False

    def _fill_observation_seats(self, d: HearingDetail) -> None:
        combo = self.ui.observationSeatCombo
        current = combo.currentData()
        combo.clear()
        for v in d.voters:
            if v.sits and v.present:
                combo.addItem(f"{v.entity}" + (f" — {v.person_name}" if v.person_name else ""), v.attendance_id)
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _show_recognition(self, d: HearingDetail) -> None:
        group = self.ui.recognitionGroup
        group.setVisible(d.case_kind is CaseKind.COLECTIVO)
        if d.case_kind is not CaseKind.COLECTIVO:
            return
        answers = d.recognition_answers or {}
        for code, box in self.criteria.items():
            box.setChecked(bool(answers.get(code)))
        self.ui.grantedCombo.setCurrentIndex(max(0, self.ui.grantedCombo.findData(d.recognition_granted)))
        title = "Reconocimiento social del colectivo (Resolución 1085 de 2015)"
        if d.legally_recognised:
            title += " — tiene reconocimiento jurídico: no requiere verificación"
        elif not answers:
            title += " — pendiente de verificar"
        group.setTitle(title)

    def _show_votes(self, d: HearingDetail) -> None:
        table = self.ui.votersTable
        current = table.currentIndex().data(ROW_ROLE)
        self.voters.read_only = self._read_only or bool(d.adopted)
        self.voters.update_rows([v for v in d.voters if v.sits])
        if current is not None:
            select_row(table, self.voters, self.voters.find_key(current.seat_key))
        elif self.voters.rowCount():
            first = self.voters.find(lambda v: v.can_vote) or 0
            table.setCurrentIndex(table.model().index(first, 0))
        fit_columns(table, max_width=190)
        table.setColumnWidth(1, min(150, table.columnWidth(1)))
        table.horizontalScrollBar().setValue(0)
        color = "#14532d" if d.tally.adopted else ("#7f1d1d" if not d.quorum.has_quorum else "#3c4043")
        text = f"<span style='color:{color}'><b>{html.escape(d.tally.message)}</b></span>"
        if self.needs_time_to_vote(d):
            text += ("<br><span style='color:#7f1d1d'>La sesión registra horas de llegada o salida: indique "
                     "la hora en que se trató el caso (Ctrl+H) antes de votar.</span>")
        self.ui.tallyLabel.setText(text)

    def needs_time_to_vote(self, d: HearingDetail) -> bool:
        """Votes will be refused until the case has its time (the session records arrivals or departures)."""
        return (d.discussed_at is None and not d.adopted
                and any(r.arrival or r.departure for r in self.page.attendance))

    def _stored_form(self, d: HearingDetail) -> DecisionForm:
        """The form as the stored decision fills it (the GVP's proposal when none is stored)."""
        pct = d.matrix_pct if d.matrix_pct is not None else d.proposal_pct
        return DecisionForm(
            outcome=d.outcome or DecisionOutcome.DECIDED, risk_level=d.risk_level or d.proposal_level,
            pct=round(pct or 0.0, self.ui.pctSpin.decimals()), concept=d.concept or "",
            measures=tuple((m.code, m.name, m.quantity, m.action, m.temporality_months, m.revaluation_date)
                           for m in d.measures))

    def form_state(self) -> DecisionForm:
        return DecisionForm(
            outcome=self._outcome(), risk_level=enum_data(self.ui.riskCombo, RiskLevel),
            pct=round(self.ui.pctSpin.value(), self.ui.pctSpin.decimals()),
            concept=self.ui.conceptEdit.toPlainText(),
            measures=tuple((m.code, m.name, m.quantity, m.action, m.months, m.revaluation)
                           for m in self.measures.rows()))

    def _set_form(self, form: DecisionForm) -> None:
        self.ui.outcomeCombo.setCurrentIndex(max(0, self.ui.outcomeCombo.findData(form.outcome)))
        self.ui.riskCombo.setCurrentIndex(max(0, self.ui.riskCombo.findData(form.risk_level)))
        self.ui.pctSpin.setValue(form.pct)
        self.ui.conceptEdit.setPlainText(form.concept)
        self.measures.load(form.measures)
        fit_columns(self.ui.measuresTable, max_width=200)
        self._outcome_changed()

    def _fill_decision(self, d: HearingDetail) -> None:
        """Fill the form for the case shown: the draft typed earlier if any, else what is stored."""
        self._form_hearing = d.hearing_id
        self._form_radicado = d.radicado
        filling, self._loading = self._loading, True
        try:
            self._set_form(self._stored_form(d))
            self._form_baseline = self.form_state()
            self._form_stored, self._form_version = stored_decision(d), d.row_version
            draft = self._drafts.pop(d.hearing_id, None)
            if draft is not None:
                self._set_form(draft.form)
                if draft.stored != self._form_stored:  # changed meanwhile: the service will say by whom
                    self._form_stored, self._form_version = draft.stored, draft.version
        finally:
            self._loading = filling
        self._show_draft_note()

    def _follow_stored_decision(self, d: HearingDetail) -> None:
        """The case shown was reloaded (own edits, another desktop's): follow its stored decision."""
        if stored_decision(d) == self._form_stored:
            self._form_version = d.row_version  # something else of the case changed (deliberation…)
        elif not self.decision_dirty():
            self._fill_decision(d)  # nothing typed here: show the decision as stored now
            return
        self._show_draft_note()  # typed here and changed there: keep the typing, say so

    def decision_dirty(self) -> bool:
        """The form holds something typed that is not registered."""
        return self._form_hearing is not None and not self.form_state().same_as(self._form_baseline)

    def _decision_edited(self, *_args: object) -> None:
        if not self._loading:
            self._show_draft_note()

    def _show_draft_note(self) -> None:
        if not self.decision_dirty():
            show_message(self.draftNote, "")
        elif self.detail is not None and self._form_stored != stored_decision(self.detail):
            show_message(self.draftNote, DRAFT_STALE_NOTE, ERROR)
        else:
            show_message(self.draftNote, DRAFT_NOTE, INFO)

    def _keep_draft(self) -> None:
        """Leaving the case: what was typed in its decision form stays, to be restored on return."""
        hid = self._form_hearing
        if hid is None or self._form_stored is None or self._form_version is None:
            return
        if self.decision_dirty():
            self._drafts[hid] = DecisionDraft(hid, self._form_radicado, self.form_state(), self._form_stored,
                                              self._form_version)
        else:
            self._drafts.pop(hid, None)

    def unsaved_decisions(self) -> list[DecisionDraft]:
        """The decisions typed and not registered, in agenda order (the case shown included)."""
        if self._read_only:
            return []
        self._keep_draft()
        order = [r.hearing_id for r in self.hearing_rows()]
        drafts = sorted(self._drafts.values(),
                        key=lambda x: order.index(x.hearing_id) if x.hearing_id in order else len(order))
        if self._form_hearing in self._drafts:
            del self._drafts[self._form_hearing]  # the one shown lives in the form
        return drafts

    def discard_drafts(self) -> None:
        """Forget every decision typed and not registered; the form shows what is stored."""
        self._drafts.clear()
        self._form_hearing = None
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
            self.page.show_tab(self.page.TAB_CASES)
            return False
        if answer == "discard":
            self.discard_drafts()
            return True
        if all(d.hearing_id != self.hearing_id for d in drafts):
            self.go_to_hearing(drafts[0].hearing_id)
        self.page.show_tab(self.page.TAB_CASES)
        return False

    def _show_decision_state(self, d: HearingDetail) -> None:
        if d.outcome is None:
            state = "sin registrar"
        elif d.outcome is DecisionOutcome.DECIDED:
            state = "adoptada" if d.adopted else "registrada, no adoptada"
            if d.risk_level:
                state += f" — riesgo {d.risk_level.label.lower()}"
        else:
            state = d.outcome.label.lower()
        if d.decided_on and d.outcome is not None:
            state += f" ({fmt.short_date(d.decided_on)})"
        self.ui.decisionGroup.setTitle(f"Decisión: {state}")
        self.ui.withdrawButton.setEnabled(not self._read_only and d.outcome is not None)

    # --- read-only -----------------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.ui.deliberationEdit.setReadOnly(read_only)
        for w in (self.ui.discussedEdit, self.ui.nowButton, self.ui.restorationCheck, self.ui.observationEdit,
                  self.ui.observationAddButton, self.ui.observationRemoveButton, self.ui.grantedCombo,
                  self.ui.allFavorButton, self.ui.recordButton, self.ui.withdrawButton, self.ui.measureAddButton,
                  self.ui.measureRemoveButton, *self.criteria.values()):
            w.setEnabled(not read_only)
        self.measures.read_only = read_only
        self.voters.read_only = read_only

    # --- messages ------------------------------------------------------------------------------------
    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, ConcurrencyConflict):
            self.page.report_error(exc)
        elif isinstance(exc, ComiteError):
            show_message(self.ui.caseMessage, str(exc), ERROR)
        else:
            self.page.report_error(exc)

    def _call(self, fn, *args, **kwargs) -> Any:
        """A direct (not undoable) service call for this case; refusals shown inline."""
        try:
            result = fn(*args, **kwargs)
        except ComiteError as exc:
            self._error(exc)
            self.reload_detail()
            return None
        show_message(self.ui.caseMessage, "")
        from comite.gui.session.common import changes_of

        self.page.apply_changes(changes_of(result))
        return result

    def _changes(self, changes: Changes) -> None:
        show_message(self.ui.caseMessage, "")
        self.page.apply_changes(changes)

    # --- hour, restoration ---------------------------------------------------------------------------
    def _save_discussed(self) -> None:
        if self._loading or self.detail is None or not self.ui.discussedEdit.isModified():
            return
        self.ui.discussedEdit.setModified(False)
        try:
            value = parse_hour(self.ui.discussedEdit.text())
        except ValueError:
            show_message(self.ui.caseMessage, "Escriba la hora como hh:mm (24 horas), por ejemplo 10:15.", ERROR)
            return
        if value is None or value == self.detail.discussed_at:
            self.ui.discussedEdit.setText(hour_text(self.detail.discussed_at))
            return
        self._call(proceedings.update_hearing, self.page.ctx, self.detail.hearing_id, discussed_at=value)
        if self.detail is not None:
            self.ui.discussedEdit.setText(hour_text(self.detail.discussed_at))

    def set_now(self) -> None:
        if self.detail is None or self._read_only:
            return
        self.ui.discussedEdit.setText(datetime.now().strftime("%H:%M"))
        self.ui.discussedEdit.setModified(True)
        self._save_discussed()

    def _save_restoration(self, checked: bool) -> None:
        if self.detail is not None:
            self._call(proceedings.update_hearing, self.page.ctx, self.detail.hearing_id,
                       restoration_measures=checked)

    # --- deliberation (debounced autosave, undoable) -------------------------------------------
    def _typed(self) -> None:
        if self._loading or self.ui.deliberationEdit.isReadOnly():
            return
        self.ui.saveStateLabel.setText("Sin guardar…")
        self._timer.start()

    def flush(self) -> None:
        """Store the deliberation typed so far (debounce, focus-out, case change, closing)."""
        self._timer.stop()
        d = self.detail
        if d is None or self.hearing_id != d.hearing_id or self._read_only:
            return
        text = self.ui.deliberationEdit.toPlainText()
        if text == self._saved_deliberation:
            return
        before, self._saved_deliberation = self._saved_deliberation, text
        self._pending_before = before
        ok = self.page.push(commands.deliberation_command(
            self.page.ctx, d.hearing_id, d.radicado, before, text, self._changes, self._deliberation_error,
            d.row_version))
        if ok:
            self.ui.saveStateLabel.setText(f"Guardado {datetime.now():%H:%M:%S}")
        else:
            self._saved_deliberation = before  # the text stays in the box; the next edit retries

    def _deliberation_error(self, exc: BaseException) -> None:
        # Before any reload: the text typed differs from the stored one, so the reload keeps it.
        self._saved_deliberation = self._pending_before
        self.ui.saveStateLabel.setText("No se guardó: su texto sigue aquí y se guardará al seguir editando")
        self._error(exc)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.deliberationEdit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        elif watched is self.ui.votersTable and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            mods = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if not mods and key_event.key() in VOTE_KEYS:
                self.vote_current(VOTE_KEYS[Qt.Key(key_event.key())])
                return True
            if not mods and key_event.key() in CLEAR_KEYS:
                self.vote_current(None)
                return True
        return super().eventFilter(watched, event)

    # --- observations --------------------------------------------------------------------------------
    def _keep_observation(self) -> None:
        """Leaving the case: an observation typed and not added stays with it, not with the next case."""
        if self._shown_hearing is not None and self.ui.observationEdit.text():
            self._observation_drafts[self._shown_hearing] = self.ui.observationEdit.text()

    def add_observation(self) -> None:
        text = self.ui.observationEdit.text().strip()
        seat = self.ui.observationSeatCombo.currentData()
        if self.detail is None or not text:
            return
        if seat is None:
            show_message(self.ui.caseMessage, "Elija quién hace la observación (debe estar presente y tener "
                         "asiento en este caso).", ERROR)
            return
        if self._call(proceedings.add_observation, self.page.ctx, self.detail.hearing_id, seat, text) is not None:
            self.ui.observationEdit.clear()

    def remove_observation(self) -> None:
        index = self.ui.observationsTable.currentIndex()
        item = index.data(ROW_ROLE) if index.isValid() else None
        if item is not None:
            self._call(proceedings.remove_observation, self.page.ctx, item.id)

    # --- recognition ---------------------------------------------------------------------------------
    def _save_recognition(self) -> None:
        if self._loading or self.detail is None:
            return
        answers = {code: box.isChecked() for code, box in self.criteria.items()}
        self._call(proceedings.record_recognition, self.page.ctx, self.detail.hearing_id, answers,
                   self.ui.grantedCombo.currentData())

    # --- votes ---------------------------------------------------------------------------------------
    def current_voter(self) -> VoterRow | None:
        index = self.ui.votersTable.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_voter(self, seat_key: str) -> None:
        select_row(self.ui.votersTable, self.voters, self.voters.find_key(seat_key))

    def vote_current(self, choice: VoteChoice | None) -> bool:
        voter = self.current_voter()
        if voter is None or self.voters.read_only:
            return False
        ok = self.vote(voter, choice, voter.dissent)  # the rules decide who may vote, and say why not
        if ok and choice is not None:
            self._advance_from(voter.seat_key)
        return ok

    def vote(self, voter: VoterRow, choice: VoteChoice | None, dissent: str | None) -> bool:
        if self.detail is None:
            return False
        before = (voter.choice, voter.dissent) if voter.choice else None
        after = (choice, dissent or None) if choice else None
        if before == after:
            return True
        return self.page.push(commands.VoteCommand(
            self.page.ctx, self.detail.hearing_id, voter.seat_key, voter.entity, before, after,
            self._changes, self._vote_error))

    def _vote_error(self, exc: BaseException) -> None:
        """A vote recorded or withdrawn meanwhile from another desktop: say who and what here,
        and show the stored votes (the deliberation and the decision form typed stay as they are)."""
        if not isinstance(exc, ConcurrencyConflict):
            self._error(exc)
            return
        show_message(self.ui.caseMessage, str(exc), ERROR)
        if self.page.ui.tabs.currentIndex() != self.page.TAB_CASES:
            self.page.show_message(str(exc), ERROR)
        self.page.apply_changes(Changes(decisions=True, session_id=self.page.session_id))

    def _advance_from(self, seat_key: str) -> None:
        rows = self.voters.rows()
        keys = [v.seat_key for v in rows]
        start = keys.index(seat_key) + 1 if seat_key in keys else 0
        for v in rows[start:] + rows[:start]:
            if v.can_vote and v.choice is None:
                self.select_voter(v.seat_key)
                return
        self.select_voter(seat_key)

    def _voter_edited(self, voter: VoterRow, field: str, value: Any) -> bool:
        if field == "choice":
            return self.vote(voter, value, voter.dissent)
        if voter.choice is None:
            return False
        return self.vote(voter, voter.choice, (value or "").strip() or None)

    def missing_in_favor(self) -> None:
        if self.detail is None:
            return
        missing = [v for v in self.voters.rows() if v.can_vote and v.choice is None]
        if not missing:
            return
        self.page.undo_stack.beginMacro("Votos faltantes a favor")
        try:
            for v in missing:
                if not self.vote(v, VoteChoice.A_FAVOR, None):
                    break
        finally:
            self.page.undo_stack.endMacro()

    # --- decision ------------------------------------------------------------------------------------
    def _outcome_changed(self) -> None:
        decided = self._outcome() is DecisionOutcome.DECIDED
        for w in (self.ui.riskCombo, self.ui.pctSpin, self.ui.measureCombo, self.ui.measureAddButton,
                  self.ui.measureRemoveButton, self.ui.measuresTable):
            w.setEnabled(decided and not self._read_only)

    def _outcome(self) -> DecisionOutcome:
        return enum_data(self.ui.outcomeCombo, DecisionOutcome) or DecisionOutcome.DECIDED

    def add_measure(self) -> None:
        code = self.ui.measureCombo.currentData()
        if code is None:
            return
        number = self.measures.add(code, self.measure_names.get(code, code))
        table = self.ui.measuresTable
        fit_columns(table, max_width=200)
        index = table.model().index(number, MEASURE_QUANTITY)
        table.setCurrentIndex(index)
        table.setFocus()

    def set_measure(self, number: int, *, quantity: int | None = None, action: MeasureAction | None = None,
                    months: int | None = None) -> None:
        """Edit a measure row as the table's editors do (used by keyboard users and tests alike)."""
        for column, value in ((MEASURE_QUANTITY, quantity), (MEASURE_ACTION, action), (MEASURE_MONTHS, months)):
            if value is not None:
                self.measures.setData(self.measures.index(number, column), value)

    def remove_measure(self) -> None:
        index = self.ui.measuresTable.currentIndex()
        if index.isValid():
            from comite.gui.table_models import source_index

            self.measures.remove(source_index(index, self.measures).row())

    def decision_input(self) -> DecisionInput:
        outcome = self._outcome()
        decided = outcome is DecisionOutcome.DECIDED
        pct = self.ui.pctSpin.value()
        return DecisionInput(
            outcome=outcome,
            risk_level=enum_data(self.ui.riskCombo, RiskLevel) if decided else None,
            concept=self.ui.conceptEdit.toPlainText().strip(),
            measures=[MeasureInput(m.code, m.quantity, m.action, m.months) for m in self.measures.rows()]
            if decided else [],
            matrix_pct=pct if decided and pct > 0 else None,
        )

    def record_decision(self) -> bool:
        if self.detail is None or self._read_only:
            return False
        self.flush()
        try:
            result = versioned(proceedings.record_decision, self.page.ctx, self.detail.hearing_id,
                               self.decision_input(),
                               expected_version=self.detail.row_version if self._form_version is None
                               else self._form_version)
        except ComiteError as exc:
            show_message(self.ui.decisionMessage, str(exc), ERROR)
            self._reveal_decision_message()
            if isinstance(exc, ConcurrencyConflict):
                self.page.report_error(exc)  # reloads: the form keeps what was typed
                if self.detail is not None:  # now seen: registering again replaces it knowingly
                    self._form_stored, self._form_version = stored_decision(self.detail), self.detail.row_version
                    self._show_draft_note()
            return False
        self._form_hearing = None  # show what was stored (revaluation dates included)
        if result.tally is not None:
            text = f"Decisión registrada. {result.tally.message}"
        else:
            text = f"Registrado: {self.ui.outcomeCombo.currentText().lower()}."
        show_message(self.ui.decisionMessage, text, OK if result.tally is None or result.tally.adopted else INFO)
        self._reveal_decision_message()
        self.page.apply_changes(result.changes)
        return True

    def _reveal_decision_message(self) -> None:
        bar = self.ui.rightScroll.verticalScrollBar()
        # the message sits under the decision's buttons; scroll once the layout has made room for it
        QTimer.singleShot(0, lambda: bar.setValue(bar.maximum()))

    def withdraw_decision(self) -> None:
        if self.detail is None or self.detail.outcome is None:
            return
        if not dialogs.confirm(self, f"¿Retirar la decisión registrada del caso {self.detail.radicado}? "
                               "Los votos se conservan.", title="Retirar decisión", yes="&Retirar",
                               no="&Cancelar"):
            return
        try:
            changes = proceedings.withdraw_decision(self.page.ctx, self.detail.hearing_id)
        except ComiteError as exc:
            show_message(self.ui.decisionMessage, str(exc), ERROR)
            return
        typed = self.decision_dirty()
        if not typed:
            self._form_hearing = None
        show_message(self.ui.decisionMessage, "Decisión retirada; los votos se conservan.", INFO)
        self.page.apply_changes(changes)
        if typed and self.detail is not None:  # what was typed stays, now over no decision
            self._form_baseline = self._stored_form(self.detail)
            self._form_stored, self._form_version = stored_decision(self.detail), self.detail.row_version
            self._show_draft_note()


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
