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

from PySide6.QtCore import QDate, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QLabel, QWidget

from comite.domain import DecisionOutcome, EmergencyDisposition, MeasureAction, RiskLevel
from comite.errors import ComiteError, ConcurrencyConflict
from comite.gui import dialogs
from comite.gui import formatting as fmt
from comite.gui.forms.ui_session_case_decision import Ui_SessionCaseDecision
from comite.gui.session.case.base import CaseHost, CasePanel
from comite.gui.session.case.saved_drafts import DraftKeeper, fingerprint, form_fields, form_values
from comite.gui.session.common import ERROR, INFO, OK, enum_data, show_message, versioned
from comite.gui.session.delegates import ChoiceDelegate, NumberDelegate, TextDelegate
from comite.gui.session.models import (
    ACTION_CHOICES,
    MEASURE_ACTION,
    MEASURE_ENTITY,
    MEASURE_MONTHS,
    MEASURE_QUANTITY,
    MeasuresModel,
)
from comite.gui.table_models import attach, fit_columns, source_index
from comite.rules.decision import Applies, DecisionContext, MeasureLine, what_applies
from comite.services import coherence, decisions, views
from comite.services.decisions import DecisionInput, MeasureInput
from comite.services.views import HearingDetail

DRAFT_NOTE = "Decisión sin registrar: los cambios se conservan hasta que la registre (Ctrl+Enter)."
DRAFT_STALE_NOTE = ("La decisión registrada de este caso cambió desde que usted empezó a editarla (otra persona "
                    "la modificó). Sus cambios siguen aquí sin registrar; al registrarlos se le dirá quién "
                    "cambió qué, y nada se sobrescribe sin que usted lo revise.")

# code, name, quantity, action, months, revaluation date, restoration, competent entity
MeasureRow = tuple[str, str, int, MeasureAction, int | None, date | None, bool, str]
NO_DATE = QDate(2000, 1, 1)  # the concertation date edit's "—" (its minimum)


@dataclass(frozen=True)
class DecisionForm:
    """What the decision form holds (risk level, concept, measures…), registered or not."""

    outcome: DecisionOutcome
    risk_level: RiskLevel | None
    pct: float
    concept: str
    measures: tuple[MeasureRow, ...]
    # the facts that keep the decision coherent (rules.decision), asked only when they apply
    matrix_departure_reason: str = ""
    level_change_reason: str = ""
    emergency_disposition: EmergencyDisposition | None = None
    emergency_note: str = ""
    concertation_on: date | None = None
    concertation_with: str = ""

    def _facts(self) -> tuple:
        return (self.outcome, self.risk_level, self.pct, self.concept, self.matrix_departure_reason,
                self.level_change_reason, self.emergency_disposition, self.emergency_note, self.concertation_on,
                self.concertation_with)

    def same_as(self, other: DecisionForm | None) -> bool:
        """The same decision (a revaluation date the form shows does not count: it is computed)."""
        return other is not None and self._facts() == other._facts() and \
            [(*m[:5], m[7]) for m in self.measures] == [(*m[:5], m[7]) for m in other.measures]


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
            tuple((m.code, m.quantity, m.action, m.temporality_months, m.competent_entity) for m in d.measures),
            d.matrix_departure_reason, d.level_change_reason, d.emergency_disposition, d.emergency_note,
            d.concertation_on, d.concertation_with)


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
        self.restoration_codes = {m.code for m in types if m.restoration}
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
        table.setItemDelegateForColumn(MEASURE_ENTITY, TextDelegate(250, table))
        self._init_facts()
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

    # --- the facts asked only when they apply (rules.decision.what_applies) -------------------------
    def _init_facts(self) -> None:
        self.context: DecisionContext | None = None
        ui = self.ui
        ui.emergencyCombo.addItem("— Indique qué pasa con ellas —", None)
        for disposition in EmergencyDisposition:
            ui.emergencyCombo.addItem(disposition.label, disposition)
        ui.concertationDateEdit.setMinimumDate(NO_DATE)
        ui.concertationDateEdit.setDate(NO_DATE)
        ui.concertationDateEdit.installEventFilter(self)
        for signal in (ui.departureEdit.textChanged, ui.levelChangeEdit.textChanged,
                       ui.emergencyCombo.currentIndexChanged, ui.emergencyNoteEdit.textChanged,
                       ui.concertationDateEdit.dateChanged, ui.concertationWithEdit.textChanged):
            signal.connect(self._edited)
        for signal in (ui.outcomeCombo.currentIndexChanged, ui.riskCombo.currentIndexChanged,
                       ui.pctSpin.valueChanged, self.measures.rowsInserted, self.measures.rowsRemoved,
                       self.measures.dataChanged, self.measures.modelReset):
            signal.connect(self._show_facts)
        self._show_facts()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Entering the empty concertation date starts it at the session's day, to be corrected
        (a date edit cannot be typed into while it shows "—")."""
        edit = self.ui.concertationDateEdit
        if watched is edit and event.type() == QEvent.Type.FocusIn and edit.date() == NO_DATE \
                and not self._read_only:
            edit.setDate(QDate(self.host.header.day))
            QTimer.singleShot(0, lambda: edit.setSelectedSection(edit.Section.DaySection))
        return super().eventFilter(watched, event)

    def _measure_lines(self) -> list[MeasureLine]:
        return [MeasureLine(m.code, m.name, m.action, m.months, m.restoration, m.entity) for m in self.measures.rows()]

    def applies(self) -> Applies:
        """Which facts the rules ask of the decision the form holds (none unless it is decided)."""
        if self.context is None or self._outcome() is not DecisionOutcome.DECIDED:
            return Applies()
        pct = self.ui.pctSpin.value()
        return what_applies(self.context, enum_data(self.ui.riskCombo, RiskLevel), pct if pct > 0 else None,
                            self._measure_lines())

    def _show_facts(self, *_args: object) -> None:
        """Show each fact when it applies, or when it holds something typed (so that what the
        service refuses as not applying can be seen and erased: nothing typed is hidden)."""
        ui, applies = self.ui, self.applies()
        decided = self._outcome() is DecisionOutcome.DECIDED
        emergency = applies.emergency or ui.emergencyCombo.currentData() is not None \
            or bool(ui.emergencyNoteEdit.text().strip())
        concertation = applies.concertation or ui.concertationDateEdit.date() != NO_DATE \
            or bool(ui.concertationWithEdit.text().strip())
        for form, widget, shown in (
            (ui.decisionForm, ui.departureEdit,
             applies.matrix_departure or bool(ui.departureEdit.toPlainText().strip())),
            (ui.decisionForm, ui.levelChangeEdit,
             applies.level_change or bool(ui.levelChangeEdit.toPlainText().strip())),
            (ui.measureFactsForm, ui.emergencyCombo, emergency),
            (ui.measureFactsForm, ui.emergencyNoteEdit, emergency),
            (ui.measureFactsForm, ui.concertationDateEdit, concertation),
            (ui.measureFactsForm, ui.concertationWithEdit, concertation),
        ):
            form.setRowVisible(widget, decided and shown)

    def _load_context(self, hearing_id: int) -> None:
        try:
            self.context = coherence.decision_context(self.host.ctx, hearing_id)
        except ComiteError:
            self.context = None  # the facts typed still show; the service still checks them

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
        # what a read-only page shows can be read (and selected), not changed (#15)
        ui = self.ui
        for combo in (ui.outcomeCombo, ui.emergencyCombo):
            combo.setEnabled(not read_only)
        for edit in (ui.conceptEdit, ui.departureEdit, ui.levelChangeEdit, ui.emergencyNoteEdit,
                     ui.concertationWithEdit, ui.concertationDateEdit):
            edit.setReadOnly(read_only)
        self.measures.read_only = read_only
        self._outcome_changed()

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
        table = self.ui.measuresTable
        restoration = code in self.restoration_codes
        # once per decision, as the service requires (its quantity says how many); a restoration
        # measure may be recommended to several entities, one line each
        present = None if restoration else self.measures.find(lambda m: m.code == code)
        if present is not None:
            self.say(f"La medida «{self.measure_names.get(code, code)}» ya está en la decisión: "
                     "cambie su cantidad si hace falta más de una.", ERROR)
            table.setCurrentIndex(table.model().mapFromSource(self.measures.index(present, MEASURE_QUANTITY)))
            table.setFocus()
            return
        number = self.measures.add(code, self.measure_names.get(code, code), restoration)
        fit_columns(table, max_width=200)
        index = table.model().index(number, MEASURE_QUANTITY)
        table.setCurrentIndex(index)
        table.setFocus()

    def set_measure(self, number: int, *, quantity: int | None = None, action: MeasureAction | None = None,
                    months: int | None = None, entity: str | None = None) -> None:
        """Edit a measure row as the table's editors do (used by keyboard users and tests alike)."""
        for column, value in ((MEASURE_QUANTITY, quantity), (MEASURE_ACTION, action), (MEASURE_MONTHS, months),
                              (MEASURE_ENTITY, entity)):
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
        form = self.form_state()
        return DecisionInput(
            outcome=outcome,
            risk_level=enum_data(self.ui.riskCombo, RiskLevel) if decided else None,
            concept=self.ui.conceptEdit.toPlainText().strip(),
            measures=[MeasureInput(m.code, m.quantity, m.action, m.months, competent_entity=m.entity or None)
                      for m in self.measures.rows()]
            if decided else [],
            matrix_pct=pct if decided and pct > 0 else None,
            # a returned or postponed case records none of them: what was typed stays in the form
            matrix_departure_reason=form.matrix_departure_reason if decided else "",
            level_change_reason=form.level_change_reason if decided else "",
            emergency_disposition=form.emergency_disposition if decided else None,
            emergency_note=form.emergency_note if decided else "",
            concertation_on=form.concertation_on if decided else None,
            concertation_with=form.concertation_with if decided else "",
        )

    def _stored_form(self, d: HearingDetail) -> DecisionForm:
        """The form as the stored decision fills it (the GVP's proposal when none is stored)."""
        pct = d.matrix_pct if d.matrix_pct is not None else d.proposal_pct
        return DecisionForm(
            outcome=d.outcome or DecisionOutcome.DECIDED, risk_level=d.risk_level or d.proposal_level,
            pct=round(pct or 0.0, self.ui.pctSpin.decimals()), concept=d.concept or "",
            measures=tuple((m.code, m.name, m.quantity, m.action, m.temporality_months, m.revaluation_date,
                            m.restoration, m.competent_entity or "") for m in d.measures),
            matrix_departure_reason=d.matrix_departure_reason or "", level_change_reason=d.level_change_reason or "",
            emergency_disposition=d.emergency_disposition, emergency_note=d.emergency_note or "",
            concertation_on=d.concertation_on, concertation_with=d.concertation_with or "")

    def form_state(self) -> DecisionForm:
        return DecisionForm(
            outcome=self._outcome(), risk_level=enum_data(self.ui.riskCombo, RiskLevel),
            pct=round(self.ui.pctSpin.value(), self.ui.pctSpin.decimals()),
            concept=self.ui.conceptEdit.toPlainText(),
            measures=tuple((m.code, m.name, m.quantity, m.action, m.months, m.revaluation, m.restoration, m.entity)
                           for m in self.measures.rows()),
            matrix_departure_reason=self.ui.departureEdit.toPlainText().strip(),
            level_change_reason=self.ui.levelChangeEdit.toPlainText().strip(),
            emergency_disposition=enum_data(self.ui.emergencyCombo, EmergencyDisposition),
            emergency_note=self.ui.emergencyNoteEdit.text().strip(),
            concertation_on=None if self.ui.concertationDateEdit.date() == NO_DATE
            else self.ui.concertationDateEdit.date().toPython(),
            concertation_with=self.ui.concertationWithEdit.text().strip())

    def _set_form(self, form: DecisionForm) -> None:
        self.ui.outcomeCombo.setCurrentIndex(max(0, self.ui.outcomeCombo.findData(form.outcome)))
        self.ui.riskCombo.setCurrentIndex(max(0, self.ui.riskCombo.findData(form.risk_level)))
        self.ui.pctSpin.setValue(form.pct)
        self.ui.conceptEdit.setPlainText(form.concept)
        self.measures.load(form.measures)
        fit_columns(self.ui.measuresTable, max_width=200)
        self.ui.departureEdit.setPlainText(form.matrix_departure_reason)
        self.ui.levelChangeEdit.setPlainText(form.level_change_reason)
        self.ui.emergencyCombo.setCurrentIndex(max(0, self.ui.emergencyCombo.findData(form.emergency_disposition)))
        self.ui.emergencyNoteEdit.setText(form.emergency_note)
        self.ui.concertationDateEdit.setDate(QDate(form.concertation_on) if form.concertation_on else NO_DATE)
        self.ui.concertationWithEdit.setText(form.concertation_with)
        self._outcome_changed()
        self._show_facts()

    def _fill(self, d: HearingDetail) -> None:
        """Fill the form for the case shown: the draft typed earlier if any, else what is stored."""
        self.form_hearing = d.hearing_id
        self._radicado = d.radicado
        self._load_context(d.hearing_id)
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
        self._set_form(DecisionForm(**form_fields(DecisionForm, saved.values)))
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
