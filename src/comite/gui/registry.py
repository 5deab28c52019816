"""The case registry: find a case by radicado or document number and follow it
across sessions (GVP level, CERREM decisions, measures and their dates).

Lists never carry reserved data. The beneficiary's name and document appear
only when asked (**Ver datos reservados**), each time through
:func:`cases.case_detail`, which records the read in the audit trail; they are
masked again as soon as another case is selected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelection, Signal, Slot
from PySide6.QtWidgets import QWidget

from comite.domain import CaseStatus, DecisionOutcome, MeasureAction, RiskLevel
from comite.errors import ComiteError
from comite.gui import dialogs
from comite.gui import formatting as fmt
from comite.gui.bus import RefreshWhenShown
from comite.gui.forms.ui_registry_page import Ui_RegistryPage
from comite.gui.table_models import (
    RIGHT,
    Column,
    RowTableModel,
    ViewportFit,
    attach,
    current_row,
    fit_columns,
    select_row,
)
from comite.services import cases
from comite.services.cases import CaseSummary, HistoryRow
from comite.services.context import Changes, ServiceContext
from comite.services.dashboard import DisplayLabels, display_labels
from comite.services.permissions import Action, allowed

MASK = "••••••••"


def case_status_label(status: CaseStatus) -> str:
    return status.label


def _level(code: str | None) -> str:
    if not code:
        return ""
    try:
        return RiskLevel(code).label
    except ValueError:
        return code


def _outcome(row: HistoryRow) -> str:
    if row.outcome is None:
        return "Sin decisión"
    try:
        text = DecisionOutcome(row.outcome).label
    except ValueError:
        text = row.outcome
    if row.outcome == DecisionOutcome.DECIDED.value and row.adopted is False:
        text += " (no adoptada)"
    return text


@dataclass(frozen=True)
class MeasureRow:
    id: int
    name: str
    quantity: int
    action: MeasureAction | str
    months: int | None
    revaluation: date | None


def measure_rows(row: HistoryRow, labels: DisplayLabels) -> list[MeasureRow]:
    out = []
    for i, (code, qty, action, months, reval) in enumerate(row.measures):
        try:
            act: MeasureAction | str = MeasureAction(action)
        except ValueError:
            act = action
        out.append(MeasureRow(i, labels.measure(code), qty, act, months, reval))
    return out


def _months(n: int | None) -> str:
    return "" if n is None else fmt.plural(n, "mes", "meses")


class RegistryPage(RefreshWhenShown, QWidget):
    changed = Signal(object)  # Changes this page made (the main window publishes them on its bus)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RegistryPage()
        self.ui.setupUi(self)
        self.ctx = ctx
        self._labels: DisplayLabels | None = None
        self._query: str | None = None  # what the results shown answer (to read them again)
        self.results_model: RowTableModel[CaseSummary] = RowTableModel((
            Column("Radicado", lambda r: r.radicado),
            Column("Tipo", lambda r: r.kind),
            Column("Población", lambda r: self.labels.population(r.population_code),
                   tooltip=lambda r: self.labels.population(r.population_code)),
            Column("Departamento", lambda r: r.department),
            Column("Municipio", lambda r: r.municipality),
            Column("Ruta", lambda r: r.route),
            Column("Desplazado", lambda r: r.displaced),
            Column("Matriz", lambda r: fmt.percent(r.matrix_pct), sort_key=lambda r: r.matrix_pct, align=RIGHT,
                   header_tooltip="Puntaje de la matriz de riesgo"),
            Column("Nivel propuesto", lambda r: r.proposed_level),
            Column("Estado", lambda r: case_status_label(r.status)),
        ), self)
        self.history_model: RowTableModel[HistoryRow] = RowTableModel((
            Column("Comité", lambda r: r.committee_name, tooltip=lambda r: r.committee_code),
            Column("Sesión", lambda r: fmt.session_number(r.number, r.year), sort_key=lambda r: (r.year, r.number)),
            Column("Fecha", lambda r: r.day),
            Column("Propuesta", lambda r: _level(r.proposal_level), header_tooltip="Nivel de riesgo propuesto"),
            Column("Decisión", _outcome),
            Column("Nivel", lambda r: _level(r.risk_level), header_tooltip="Nivel de riesgo decidido"),
            Column("Medidas", lambda r: "; ".join(f"{m.name} ×{m.quantity}" for m in measure_rows(r, self.labels)),
                   tooltip=lambda r: "\n".join(
                       f"{m.name} ×{m.quantity}: {getattr(m.action, 'label', m.action)}"
                       f"{', ' + _months(m.months) if m.months else ''}"
                       f"{', revaluar el ' + fmt.short_date(m.revaluation) if m.revaluation else ''}"
                       for m in measure_rows(r, self.labels)) or None),
        ), self)
        self.measures_model: RowTableModel[MeasureRow] = RowTableModel((
            Column("Medida", lambda r: r.name),
            Column("Cantidad", lambda r: r.quantity, align=RIGHT),
            Column("Acción", lambda r: r.action),
            Column("Temporalidad", lambda r: _months(r.months), sort_key=lambda r: r.months),
            Column("Fecha de revaluación", lambda r: r.revaluation),
        ), self)
        attach(self.ui.resultsTable, self.results_model, sort_column=0)
        # every column in view at 1280×800 (the status last): population and places elide with a tooltip
        self._results_fit = ViewportFit(self.ui.resultsTable, (2, 3, 4, 9), minimum=80)
        attach(self.ui.historyTable, self.history_model)
        attach(self.ui.measuresTable, self.measures_model)
        self.ui.splitter.setSizes([140, 260, 160])
        self.ui.searchEdit.returnPressed.connect(self.search)
        self.ui.searchButton.clicked.connect(self.search)
        self.ui.resultsTable.selectionModel().selectionChanged.connect(self._case_selected)
        self.ui.historyTable.selectionModel().selectionChanged.connect(self._history_selected)
        self.ui.revealButton.clicked.connect(self.reveal_reserved)
        self.ui.hideButton.clicked.connect(self.hide_reserved)
        self.ui.womenChoiceButton.clicked.connect(self.edit_womens_choice)
        self.womens_choice_dialog = None
        self.ui.revealButton.setEnabled(False)
        if not allowed(ctx, Action.READ_RESERVED):
            self.ui.revealButton.setToolTip("Su rol no permite ver datos reservados.")
        self.hide_reserved()
        self._show_case(None)

    @property
    def labels(self) -> DisplayLabels:
        """Catalogue display names, read when a case is first shown (not while the window opens)."""
        if self._labels is None:
            self._labels = display_labels(self.ctx)
        return self._labels

    # --- the change bus -------------------------------------------------------------------------
    def on_changes(self, changes: Changes, _initiator: object) -> None:
        """A case shown (its data, its hearings and decisions) or the catalogue's names changed:
        read them again now if in view, else when shown."""
        if changes.catalog:
            self._labels = None
        shown = {r.id for r in self.results_model.rows()}
        if self._query is None or not (changes.catalog or (
                (changes.cases or changes.decisions or changes.agenda)
                and (changes.case_id is None or changes.case_id in shown))):
            return
        self.refresh_when_shown()

    def refresh(self) -> None:
        """Read the results shown again, keeping the case selected (and not taking the focus)."""
        if self._query is None:
            return
        selected = self.selected_case()
        try:
            found = cases.find_cases(self.ctx, self._query)
        except ComiteError as exc:
            dialogs.show_error(self, exc)
            return
        self.results_model.set_rows(found)
        at = self.results_model.find_id(selected.id) if selected is not None else None
        if at is not None:
            select_row(self.ui.resultsTable, self.results_model, at)
        self._show_case(self.selected_case())

    # --- search -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    @Slot()
    def search(self, query: str | None = None) -> None:
        if query is not None:
            self.ui.searchEdit.setText(query)
        text = self.ui.searchEdit.text().strip()
        if not text:
            self.ui.resultLabel.setText("Escriba un radicado o un número de documento y pulse Intro.")
            return
        try:
            found = cases.find_cases(self.ctx, text)
        except ComiteError as exc:
            dialogs.show_error(self, exc)
            return
        self._query = text
        self._set_results(found)
        if not found:
            self.ui.resultLabel.setText("Ningún caso tiene ese radicado o ese número de documento. "
                                        "La búsqueda es exacta: revise el número completo.")

    def show_case(self, case_id: int) -> None:
        """Open the registry on one case (e.g. from the start page)."""
        try:
            summary = cases.case_summary(self.ctx, case_id)
        except ComiteError as exc:
            dialogs.show_error(self, exc)
            return
        self.ui.searchEdit.setText(summary.radicado)
        self._query = summary.radicado
        self._set_results([summary])

    def _set_results(self, found: list[CaseSummary]) -> None:
        self.results_model.set_rows(found)
        self.ui.resultLabel.setText(fmt.plural(len(found), "caso encontrado", "casos encontrados") + ".")
        if found:
            self._results_fit.refit()
            select_row(self.ui.resultsTable, self.results_model, 0)
            self.ui.resultsTable.setFocus()
        else:
            self._show_case(None)

    # --- the selected case ----------------------------------------------------------------------
    def selected_case(self) -> CaseSummary | None:
        return current_row(self.ui.resultsTable)

    @Slot(QItemSelection, QItemSelection)
    def _case_selected(self, *_args) -> None:
        self._show_case(self.selected_case())

    def _show_case(self, case: CaseSummary | None) -> None:
        self.hide_reserved()
        self.ui.revealButton.setEnabled(case is not None and allowed(self.ctx, Action.READ_RESERVED))
        # a woman's choices (Resolución 805 de 2012): asked only of a woman's case
        self.ui.womenChoiceButton.setVisible(case is not None and case.is_woman)
        self.ui.womenChoiceButton.setEnabled(allowed(self.ctx, Action.EDIT_CASES))
        if case is None:
            self.ui.caseLabel.setText("Seleccione un caso para ver su historial.")
            self.history_model.set_rows([])
            self.measures_model.set_rows([])
            return
        parts = [f"<b>{case.radicado}</b>", case.kind.label, self.labels.population(case.population_code),
                 ", ".join(p for p in (case.municipality, case.department) if p),
                 f"ruta {case.route.label.lower()}", "desplazado" if case.displaced else "",
                 case_status_label(case.status)]
        self.ui.caseLabel.setText(" · ".join(p for p in parts if p))
        try:
            history = cases.case_history(self.ctx, case.id)
        except ComiteError as exc:
            dialogs.show_error(self, exc)
            history = []
        self.history_model.set_rows(history)
        self.ui.historyBox.setTitle(f"Historial del caso ({fmt.plural(len(history), 'sesión', 'sesiones')})")
        if history:
            fit_columns(self.ui.historyTable, max_width=280)
            select_row(self.ui.historyTable, self.history_model, len(history) - 1)
        else:
            self.measures_model.set_rows([])

    @Slot(QItemSelection, QItemSelection)
    def _history_selected(self, *_args) -> None:
        row: HistoryRow | None = current_row(self.ui.historyTable)
        self.measures_model.set_rows(measure_rows(row, self.labels) if row else [])
        if row is not None and row.measures:
            fit_columns(self.ui.measuresTable, max_width=320)

    @Slot()
    def edit_womens_choice(self) -> None:
        case = self.selected_case()
        if case is None or not case.is_woman:
            return
        from comite.gui.womens_choice import WomensChoiceDialog

        def saved(changes: Changes) -> None:
            self.refresh()
            self.changed.emit(changes)

        self.womens_choice_dialog = WomensChoiceDialog(self, self.ctx, case, saved)
        self.womens_choice_dialog.open()

    # --- reserved data --------------------------------------------------------------------------
    @Slot()
    def reveal_reserved(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        try:
            detail = cases.case_detail(self.ctx, case.id)
        except ComiteError as exc:
            dialogs.show_error(self, exc)
            return
        self.ui.nameLabel.setText(detail.beneficiary_name or "")
        self.ui.documentLabel.setText(detail.document_number or "(colectivo: sin documento)")
        self.ui.hideButton.setEnabled(True)

    @Slot()
    def hide_reserved(self) -> None:
        self.ui.nameLabel.setText(MASK)
        self.ui.documentLabel.setText(MASK)
        self.ui.hideButton.setEnabled(False)
