"""The start page: pending work at a glance, four lists with their counts.

The lists are read in a background job (:func:`comite.gui.workers.run_job`),
so the window is usable while a large database answers; each list shows at
most :data:`SHOWN_ROWS` rows, the most urgent, and its title the full count
(the service takes the limit and the count in SQL: building and sorting tens
of thousands of rows would take seconds, and nobody reads that many on a
start page).

Activating an item (double click or Intro) opens it: a case in the registry,
a session in its workspace (signals :attr:`DashboardPage.open_case` and
:attr:`DashboardPage.open_session`, which the main window connects).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QTableView, QWidget

from comite.gui import dialogs, workers
from comite.gui import formatting as fmt
from comite.gui.bus import RefreshWhenShown
from comite.gui.forms.ui_dashboard_page import Ui_DashboardPage
from comite.gui.table_models import RIGHT, ROW_ROLE, Column, RowTableModel, ViewportFit, attach
from comite.services import dashboard
from comite.services.context import Changes, ServiceContext

GVP_COLUMNS = (
    Column("Radicado", lambda r: r.radicado),
    Column("Retraso", lambda r: r.business_days_late, align=RIGHT,
           header_tooltip="Días hábiles transcurridos desde que venció el plazo de 5 días hábiles"),
    Column("Plazo venció", lambda r: r.deadline),
    Column("Recibido", lambda r: r.study_received, header_tooltip="Fecha en que se recibió el estudio de riesgo"),
    Column("En agenda", lambda r: r.scheduled_on,
           tooltip=lambda r: "Ya está en el orden del día de una sesión programada" if r.scheduled_on else None),
)
MEASURE_COLUMNS = (
    Column("Revaluar el", lambda r: r.revaluation_date),
    Column("Faltan", lambda r: fmt.days_phrase(r.days_left), sort_key=lambda r: r.days_left),
    Column("Radicado", lambda r: r.radicado),
    Column("Medida", lambda r: f"{r.measure_name} ×{r.quantity}" if r.quantity != 1 else r.measure_name,
           tooltip=lambda r: f"{r.measure_name} ×{r.quantity}: {r.action.label}" + (
               ", " + fmt.plural(r.temporality_months, "mes", "meses") if r.temporality_months else "")),
    Column("Acción", lambda r: r.action),
    Column("Comité", lambda r: r.committee_short),
)
COMMITMENT_COLUMNS = (
    Column("Vencía el", lambda r: r.due),
    Column("Retraso", lambda r: fmt.plural(r.days_overdue, "día"), sort_key=lambda r: r.days_overdue, align=RIGHT),
    Column("Compromiso", lambda r: r.description, tooltip=lambda r: r.description),
    Column("Responsable", lambda r: r.responsible, tooltip=lambda r: r.responsible),
    Column("Comité", lambda r: r.committee_short),
    Column("Sesión", lambda r: r.origin),
)
ACTA_COLUMNS = (
    Column("Sesión", lambda r: fmt.session_number(r.number, r.year), sort_key=lambda r: (r.year, r.number)),
    Column("Comité", lambda r: r.committee_short),
    Column("Tipo", lambda r: r.session_type),
    Column("Fecha", lambda r: r.day),
)
SHOWN_ROWS = dashboard.SHOWN_ROWS
"""At most this many rows per list: the service reads that many, the most urgent first, and counts all."""
# (sort column, order, stretch column) of each list: the most urgent first, the long text stretched
_LAYOUT = {
    "gvp": (1, Qt.SortOrder.DescendingOrder, None),
    "measures": (0, Qt.SortOrder.AscendingOrder, 3),
    "commitments": (0, Qt.SortOrder.AscendingOrder, 2),
    "actas": (3, Qt.SortOrder.AscendingOrder, None),
}
# Columns narrowed (their titles wrap, long cells elide with a tooltip) when a list is wider than its
# box, so none is left off-screen at 1280×800: the GVP's dates before its radicado and delay.
_SHRINKABLE = {"gvp": (2, 3, 4), "measures": (3, 5), "commitments": (3, 2, 5), "actas": (1, 2)}


class DashboardPage(RefreshWhenShown, QWidget):
    open_session = Signal(int)
    open_case = Signal(int)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DashboardPage()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.committee_code: str | None = None
        self.board: dashboard.Dashboard | None = None
        self._totals: tuple[int | None, ...] = (0, 0, 0, 0)
        self._loading = self._again = self._queued = False
        self._shown = 0  # lists shown so far: a count read for older lists is dropped
        self._stale = True  # read when first shown, then again when shown after a change (see on_changes)
        self.gvp_model = RowTableModel(GVP_COLUMNS, self)
        self.measures_model = RowTableModel(MEASURE_COLUMNS, self)
        self.commitments_model = RowTableModel(COMMITMENT_COLUMNS, self)
        self.actas_model = RowTableModel(ACTA_COLUMNS, self)
        self._lists = (
            (self.ui.gvpBox, self.ui.gvpTable, self.ui.gvpEmpty, self.gvp_model, "Casos en espera del GVP",
             self._activate_case),
            (self.ui.measuresBox, self.ui.measuresTable, self.ui.measuresEmpty, self.measures_model,
             "Medidas por revaluar", self._activate_case),
            (self.ui.commitmentsBox, self.ui.commitmentsTable, self.ui.commitmentsEmpty, self.commitments_model,
             "Compromisos vencidos", self._activate_session),
            (self.ui.actasBox, self.ui.actasTable, self.ui.actasEmpty, self.actas_model, "Actas en revisión",
             self._activate_session),
        )
        self._fits: dict[QTableView, ViewportFit] = {}
        for (_box, table, _empty, model, _title, handler), key in zip(self._lists, _LAYOUT, strict=True):
            sort_column, order, stretch = _LAYOUT[key]
            attach(table, model, sort_column=sort_column, order=order, stretch_column=stretch)
            self._fits[table] = ViewportFit(table, _SHRINKABLE[key], max_width=260, minimum=84)
            table.activated.connect(handler)
            table.setToolTip("Intro o doble clic para abrir")
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.dateLabel.setText("Cargando el trabajo pendiente…")

    def on_changes(self, changes: Changes, _initiator: object) -> None:
        """Cases, decisions (measures to revalue), commitments and actas are what the lists show."""
        if (changes.cases or changes.decisions or changes.commitments or changes.acta or changes.session
                or changes.agenda or changes.catalog):
            self.refresh_when_shown()

    def refresh_shown(self) -> None:
        """Shown again after a change, or for the first time: read once the page is painted (the
        window's first paint does not wait for, nor share the processor with, the reading). Shown
        twice before that: read once."""
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self._refresh_queued)

    def _refresh_queued(self) -> None:
        self._queued = False
        self.refresh()

    def set_committee(self, committee_code: str | None, *, refresh: bool = True) -> None:
        self.committee_code = committee_code
        if refresh:
            self.refresh_when_shown()

    @Slot()
    def refresh(self) -> None:
        """Read the lists again in the background (once more at the end if asked meanwhile)."""
        if self._loading:
            self._again = True
            return
        self._loading, self._again = True, False
        ctx, code = self.ctx, self.committee_code
        limit = SHOWN_ROWS
        workers.run_job(self, "cargar el trabajo pendiente",
                        lambda _progress, _cancel: dashboard.dashboard(ctx, code, limit, count_gvp=False),
                        self._show, self._failed, on_cancel=self._loaded, quiet=True)

    def _loaded(self) -> None:
        self._loading = False
        if self._again:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._loaded()
        dialogs.show_error(self, exc, action="cargar el trabajo pendiente")

    def _show(self, board: dashboard.Dashboard) -> None:
        try:
            self.board = board
            self.ui.dateLabel.setText(f"Hoy es {fmt.long_date(board.today, weekday=True)}")
            lists = (board.gvp, board.measures, board.commitments, board.actas)
            self._totals = tuple(listed.total for listed in lists)
            for (box, table, empty, model, title, _handler), listed in zip(self._lists, lists, strict=True):
                model.set_rows(listed.rows[:SHOWN_ROWS])
                self._show_count(box, table, empty, model, title, listed.total)
            self._shown += 1
            if board.gvp.total is None:  # more than shown: counted after the lists are on screen
                self._count_gvp(self._shown)
        finally:
            self._loaded()

    def _count_gvp(self, shown: int) -> None:
        ctx, code = self.ctx, self.committee_code
        workers.run_job(self, "contar los casos en espera del GVP",
                        lambda _progress, _cancel: dashboard.gvp_waiting_total(ctx, code),
                        lambda total: self._show_gvp_total(shown, total), self._count_failed, quiet=True)

    def _show_gvp_total(self, shown: int, total: int) -> None:
        if shown != self._shown:  # the lists were read again meanwhile (and counted again)
            return
        self._totals = (total, *self._totals[1:])
        box, table, empty, model, title, _handler = self._lists[0]
        self._show_count(box, table, empty, model, title, total)

    def _count_failed(self, exc: BaseException) -> None:
        dialogs.show_error(self, exc, action="contar los casos en espera del GVP")

    def _show_count(self, box: QGroupBox, table: QTableView, empty: QLabel, model: RowTableModel, title: str,
                    total: int | None) -> None:
        n = model.rowCount()
        if total is None:
            box.setTitle(f"{title} (se muestran los {n} más urgentes; contando el total…)")
        else:
            box.setTitle(f"{title} ({total})" if total == n else
                         f"{title} ({total:,}; se muestran los {n} más urgentes)".replace(",", "."))
        table.setVisible(n > 0)
        empty.setVisible(n == 0)
        if n:
            self._fits[table].refit()

    def counts(self) -> dict[str, int | None]:
        """How many items each list has (what the box titles say; ``None`` while being counted)."""
        return dict(zip(("gvp", "medidas", "compromisos", "actas"), self._totals, strict=True))

    def _activate_case(self, index: QModelIndex) -> None:
        row = index.model().data(index, ROW_ROLE)
        if row is not None:
            self.open_case.emit(row.case_id)

    def _activate_session(self, index: QModelIndex) -> None:
        row = index.model().data(index, ROW_ROLE)
        if row is not None:
            self.open_session.emit(row.session_id)
