"""The committee's decision on the case: outcome, risk level, matrix weighting,
concept and measures, registered with Ctrl+Enter.

What is typed in the form and not registered is a draft: it stays with its case
when the user moves to another one, is restored on return, and survives reloads
(own edits, another desktop's). If someone changes the stored decision meanwhile,
registering the draft is refused by the service, naming who, instead of
overwriting it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QLabel, QWidget

from comite.domain import DecisionOutcome, MeasureAction, RiskLevel
from comite.errors import ComiteError, ConcurrencyConflict
from comite.gui import dialogs
from comite.gui import formatting as fmt
from comite.gui.forms.ui_session_case_decision import Ui_SessionCaseDecision
from comite.gui.session.case.base import CaseHost, CasePanel
from comite.gui.session.case.saved_drafts import DraftKeeper, fingerprint, form_fields, form_values
from comite.gui.session.common import ERROR, INFO, OK, enum_data, show_message, versioned
from comite.gui.session.delegates import ChoiceDelegate, NumberDelegate
from comite.gui.session.models import (
    ACTION_CHOICES,
    MEASURE_ACTION,
    MEASURE_MONTHS,
    MEASURE_QUANTITY,
    MeasuresModel,
)
from comite.gui.table_models import attach, fit_columns, source_index
from comite.services import decisions, views
from comite.services.decisions import DecisionInput, MeasureInput
from comite.services.views import HearingDetail

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


class DecisionPanel(CasePanel):
    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(case, parent)
        self.ui = Ui_SessionCaseDecision()
        self.ui.setupUi(self)
        self._loading = False
        self._read_only = False
        # what the form was filled with, the stored decision (and hearing version) it started from,
        # and the drafts of the other cases typed but not registered
        self.drafts: dict[int, DecisionDraft] = {}
        self.form_hearing: int | None = None
        self._baseline: DecisionForm | None = None
        self._stored: tuple | None = None
        self._version: int | None = None
        self._radicado = ""
        self.keeper = DraftKeeper(self.host.ctx, self)  # the drafts kept in the database (#13)
        show_message(self.ui.decisionMessage, "")
        for outcome in DecisionOutcome:
            self.ui.outcomeCombo.addItem(outcome.label, outcome)
        self.ui.riskCombo.addItem("—", None)
        for level in RiskLevel:
            self.ui.riskCombo.addItem(level.label, level)
        self.ui.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        try:
            types = views.measure_choices(self.host.ctx)
        except ComiteError:
            types = []
        self.measure_names = {m.code: m.name for m in types}
        for m in sorted(types, key=lambda m: (m.restoration, m.name)):
            extra = " (restablecimiento)" if m.restoration else ""
            self.ui.measureCombo.addItem(m.name + extra, m.code)
        self.measures = MeasuresModel(self)
        table = self.ui.measuresTable
        attach(table, self.measures, stretch_column=0)
        table.setSortingEnabled(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setItemDelegateForColumn(MEASURE_QUANTITY, NumberDelegate(1, 99, parent=table))
        table.setItemDelegateForColumn(MEASURE_ACTION, ChoiceDelegate(ACTION_CHOICES, table))
        table.setItemDelegateForColumn(MEASURE_MONTHS, NumberDelegate(1, 24, allow_empty=True, parent=table))
        self.ui.measureAddButton.clicked.connect(self.add_measure)
        self.ui.measureRemoveButton.clicked.connect(self.remove_measure)
        self.ui.recordButton.clicked.connect(self.record)
        self.ui.withdrawButton.clicked.connect(self.withdraw)
        self.draftNote = QLabel(self.ui.decisionGroup)
        self.draftNote.setObjectName("draftNote")
        self.draftNote.setWordWrap(True)
        self.ui.decisionLayout.insertWidget(0, self.draftNote)
        show_message(self.draftNote, "")
        self.ui.outcomeCombo.currentIndexChanged.connect(self._edited)
        self.ui.riskCombo.currentIndexChanged.connect(self._edited)
        self.ui.pctSpin.valueChanged.connect(self._edited)
        self.ui.conceptEdit.textChanged.connect(self._edited)
        for signal in (self.measures.rowsInserted, self.measures.rowsRemoved, self.measures.dataChanged,
                       self.measures.modelReset):
            signal.connect(self._edited)

    def say(self, text: str, kind: str = INFO) -> None:
        show_message(self.ui.decisionMessage, text, kind)

    # --- showing the case ---------------------------------------------------------------------------
    def show_case(self, d: HearingDetail, another_case: bool) -> None:
        if self.form_hearing != d.hearing_id:
            self._fill(d)
        else:
            self._follow_stored(d)
        self._show_state(d)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for w in (self.ui.recordButton, self.ui.withdrawButton, self.ui.measureAddButton,
                  self.ui.measureRemoveButton):
            w.setEnabled(not read_only)
        self.measures.read_only = read_only

    def _show_state(self, d: HearingDetail) -> None:
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

    # --- the form -----------------------------------------------------------------------------------
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

    def _fill(self, d: HearingDetail) -> None:
        """Fill the form for the case shown: the draft typed earlier if any, else what is stored."""
        self.form_hearing = d.hearing_id
        self._radicado = d.radicado
        filling, self._loading = self._loading, True
        try:
            self._set_form(self._stored_form(d))
            self._baseline = self.form_state()
            self._stored, self._version = stored_decision(d), d.row_version
            draft = self.drafts.pop(d.hearing_id, None)
            if draft is not None:
                self._set_form(draft.form)
                if draft.stored != self._stored:  # changed meanwhile: the service will say by whom
                    self._stored, self._version = draft.stored, draft.version
            elif not self._read_only:
                self._restore_saved(d)
        finally:
            self._loading = filling
        self._show_note()

    def _follow_stored(self, d: HearingDetail) -> None:
        """The case shown was reloaded (own edits, another desktop's): follow its stored decision."""
        if stored_decision(d) == self._stored:
            self._version = d.row_version  # something else of the case changed (deliberation…)
        elif not self.dirty():
            self._fill(d)  # nothing typed here: show the decision as stored now
            return
        self._show_note()  # typed here and changed there: keep the typing, say so

    def dirty(self) -> bool:
        """The form holds something typed that is not registered."""
        return self.form_hearing is not None and not self.form_state().same_as(self._baseline)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self._show_note()
            self._save_draft()

    def _save_draft(self) -> None:
        """Keep what is typed in the database (a second after the last edit); nothing typed: no draft."""
        hid = self.form_hearing
        if hid is None or self._read_only or self._stored is None:
            return
        if self.dirty():
            self.keeper.schedule(hid, form_values(self.form_state(), self._stored), self._version)
        else:
            self.keeper.discard(hid)

    def _restore_saved(self, d: HearingDetail) -> None:
        """The draft saved in the database (after a crash, the lock screen, another user's turn)."""
        saved = self.keeper.load(d.hearing_id)
        if saved is None:
            return
        self._set_form(DecisionForm(**form_fields(saved.values)))
        if saved.values.get("stored") != fingerprint(stored_decision(d)):  # changed since: the service says by whom
            self._stored, self._version = ("cambiada desde el borrador",), saved.hearing_version

    def _show_note(self) -> None:
        d = self.case.detail
        if not self.dirty():
            show_message(self.draftNote, "")
        elif d is not None and self._stored != stored_decision(d):
            show_message(self.draftNote, DRAFT_STALE_NOTE, ERROR)
        else:
            show_message(self.draftNote, DRAFT_NOTE, INFO)

    # --- drafts -------------------------------------------------------------------------------------
    def keep_draft(self) -> None:
        """Leaving the case: what was typed in its decision form stays, to be restored on return."""
        hid = self.form_hearing
        if hid is None or self._stored is None or self._version is None:
            return
        if self.dirty():
            self.drafts[hid] = DecisionDraft(hid, self._radicado, self.form_state(), self._stored, self._version)
        else:
            self.drafts.pop(hid, None)
        self.keeper.flush()

    def forget(self, keep: list[int] | None = None) -> None:
        """Forget the drafts of cases not in ``keep`` (``None``: all, and the form shows what is stored)."""
        if keep is None:  # dropped by the user: the saved drafts go too
            for hid in {*self.drafts, *([self.form_hearing] if self.form_hearing is not None else [])}:
                self.keeper.discard(hid)
            self.drafts.clear()
            self.form_hearing = None
        else:
            self.drafts = {k: v for k, v in self.drafts.items() if k in keep}

    def unsaved(self, order: list[int]) -> list[DecisionDraft]:
        """The decisions typed and not registered, in agenda order (the case shown included)."""
        if self._read_only:
            return []
        self.keep_draft()
        drafts = sorted(self.drafts.values(),
                        key=lambda x: order.index(x.hearing_id) if x.hearing_id in order else len(order))
        if self.form_hearing in self.drafts:
            del self.drafts[self.form_hearing]  # the one shown lives in the form
        return drafts

    # --- registering --------------------------------------------------------------------------------
    def record(self) -> bool:
        d = self.case.detail
        if d is None or self._read_only:
            return False
        self.case.flush()
        d = self.case.detail
        if d is None:
            return False
        try:
            result = versioned(decisions.record_decision, self.host.ctx, d.hearing_id, self.decision_input(),
                               expected_version=d.row_version if self._version is None else self._version)
        except ComiteError as exc:
            self.say(str(exc), ERROR)
            self._reveal_message()
            if isinstance(exc, ConcurrencyConflict):
                self.host.report_error(exc)  # reloads: the form keeps what was typed
                if self.case.detail is not None:  # now seen: registering again replaces it knowingly
                    self._stored, self._version = stored_decision(self.case.detail), self.case.detail.row_version
                    self._show_note()
            return False
        self.keeper.discard(d.hearing_id)  # registered: the draft has done its work
        self.form_hearing = None  # show what was stored (revaluation dates included)
        if result.tally is not None:
            text = f"Decisión registrada. {result.tally.message}"
        else:
            text = f"Registrado: {self.ui.outcomeCombo.currentText().lower()}."
        self.say(text, OK if result.tally is None or result.tally.adopted else INFO)
        self._reveal_message()
        self.case.published(result, self)
        return True

    def _reveal_message(self) -> None:
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QAbstractScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:  # the message sits under the buttons: scroll once the layout made room
            bar = scroll.verticalScrollBar()
            QTimer.singleShot(0, lambda: bar.setValue(bar.maximum()))

    def withdraw(self) -> None:
        d = self.case.detail
        if d is None or d.outcome is None:
            return
        if not dialogs.confirm(self, f"¿Retirar la decisión registrada del caso {d.radicado}? "
                               "Los votos se conservan.", title="Retirar decisión", yes="&Retirar",
                               no="&Cancelar"):
            return
        try:
            changes = decisions.withdraw_decision(self.host.ctx, d.hearing_id)
        except ComiteError as exc:
            self.say(str(exc), ERROR)
            return
        typed = self.dirty()
        if not typed:
            self.form_hearing = None
        self.say("Decisión retirada; los votos se conservan.", INFO)
        self.case.published(changes, self)
        d = self.case.detail
        if typed and d is not None:  # what was typed stays, now over no decision
            self._baseline = self._stored_form(d)
            self._stored, self._version = stored_decision(d), d.row_version
            self._show_note()
