"""The «Informes» page: the committees' figures over a period, as tables and charts, and their export.

The user picks a period (a month, a quarter or a year from the «Desde» date,
a range, or everything), one or all of their committees and how the risk
levels are broken down, and presses **Generar**. The report is computed in
the background (:func:`comite.gui.workers.run_job`, with progress and
Cancelar) by :func:`comite.services.reports.build_report`; the window stays
usable. A reviewer sees the reserved version (small cells suppressed, no
radicados), the secretariat everything.

Export buttons write XLSX, PDF or JSON through
:func:`comite.services.reports.export_report` (audited). Unless «Uso interno»
is ticked, the file carries the reserve, as every report that leaves the
secretariat must.

The page refreshes when shown if something changed since the last report
(:meth:`ReportsPage.on_changes`, from the window's change bus), and with F5 (:meth:`ReportsPage.refresh`).
Charts come from :mod:`comite.gui.report_charts` (pyqtgraph), imported the
first time a report is shown.
"""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from comite.documents import report_data as rd
from comite.domain import Role
from comite.gui import dialogs, workers
from comite.gui.forms.ui_reports_page import Ui_ReportsPage
from comite.gui.table_models import RIGHT, Column, RowTableModel, ViewportFit, attach, fit_columns
from comite.services import reports
from comite.services.context import Changes, ServiceContext
from comite.services.dashboard import visible_committees
from comite.text import plural

Index = QModelIndex | QPersistentModelIndex

PERIODS = (("Mes", "month"), ("Trimestre", "quarter"), ("Año", "year"), ("Desde – hasta", "range"),
           ("Todo el periodo registrado", "all"))
BREAKDOWNS = (("Por comité", "niveles_comite"), ("Por población", "niveles_poblacion"),
              ("Por departamento", "niveles_departamento"), ("Por ruta", "niveles_ruta"))
FILE_KINDS = {
    "xlsx": ("Guardar el informe en Excel", "Libro de Excel (*.xlsx)"),
    "pdf": ("Guardar el informe en PDF", "Documento PDF (*.pdf)"),
    "json": ("Guardar el informe en JSON", "Datos JSON (*.json)"),
}
LATE_COLUMNS = (
    Column("Radicado", lambda c: c.radicado),
    Column("Etapa", lambda c: "Recepción → GVP" if c.stage == "gvp" else "Solicitud → CERREM"),
    Column("Comité", lambda c: c.committee),
    Column("Desde", lambda c: c.started, header_tooltip="Estudio recibido (GVP) o solicitud (ruta)"),
    Column("Vencimiento", lambda c: c.deadline),
    Column("Decidido", lambda c: c.decided),
    Column("Días hábiles", lambda c: c.business_days, align=RIGHT),
)


def period_bounds(kind: str, anchor: date) -> tuple[date, date]:
    """The month, quarter or year that contains ``anchor``."""
    if kind == "month":
        return anchor.replace(day=1), anchor.replace(day=calendar.monthrange(anchor.year, anchor.month)[1])
    if kind == "quarter":
        first = 3 * ((anchor.month - 1) // 3) + 1
        last = first + 2
        return date(anchor.year, first, 1), date(anchor.year, last, calendar.monthrange(anchor.year, last)[1])
    return date(anchor.year, 1, 1), date(anchor.year, 12, 31)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def concerns_reports(changes: Changes) -> bool:
    """Whether ``changes`` may alter a report's figures: sessions (held, cancelled), agendas (cases
    treated, emergency measures reported), decisions and their measures, votes, commitments, cases
    (population, department, route and dates; emergency measures adopted) and the catalogue (names,
    the reserve's threshold). Any session's: a report spans many."""
    return (changes.session or changes.agenda or changes.decisions or changes.votes or changes.commitments
            or changes.cases or changes.catalog)


class ReportTableModel(QAbstractTableModel):
    """A report table (:class:`~comite.documents.report_data.Table`): its rows, then the total in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: rd.Table | None = None
        self.threshold: int | None = None
        self._cells: list[tuple[rd.Row, list[str]]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: rd.Table | None, threshold: int | None = None) -> None:
        self.beginResetModel()
        self.table, self.threshold = table, threshold
        self._cells = list(rd.table_cells(table, threshold)) if table is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.columns) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r, c = index.row(), index.column()
        if self.table is None or not (0 <= r < len(self._cells) and 0 <= c <= len(self.table.columns)):
            return None
        row, texts = self._cells[r]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label if c == 0 else texts[c - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) if c == 0 else int(RIGHT)
        if role == Qt.ItemDataRole.FontRole and row is self.table.total:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and c > 0:
            key = rd.TOTAL_KEY if row is self.table.total else row.key
            if self.table.is_suppressed(key, self.table.columns[c - 1].key):
                return f"Suprimida por la reserva: menos de {self.threshold} casos, o deduciría otra que lo es"
            return self.table.columns[c - 1].tooltip or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section <= len(self.table.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.row_title if section == 0 else self.table.columns[section - 1].label
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self.table.columns[section - 1].tooltip or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class _Block(QWidget):
    """A titled report table with its source line (and, optionally, a chart beside it)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setProperty("role", "section")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = ReportTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        # columns fitted to their content, then narrowed (figures first, their titles wrapping) until every
        # column is in view at 1280×800
        self.fit = ViewportFit(self.view, (), minimum=64)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.source)

    def show_table(self, table: rd.Table, threshold: int | None) -> None:
        self.title.setText(table.title)
        self.model.set_table(table, threshold)
        self.fit.shrinkable = tuple(range(self.model.columnCount() - 1, -1, -1))
        self.fit.refit()
        self.source.setText(f"Fuente: {table.source}" if table.source else "")
        self.view.setToolTip(table.source)


class ReportsPage(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportsPage()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.raw: rd.Report | None = None  # as computed (what is exported)
        self.report: rd.Report | None = None  # as shown (reserved for a reviewer)
        self.query: reports.ReportQuery | None = None
        self._running = False
        self._dirty = True
        self._charts: dict[str, Any] = {}
        self.blocks: dict[str, _Block] = {}
        self._chart_hosts: dict[str, QWidget] = {}
        self._tabs_built = False  # the seven tabs of tables are built when first needed (see _ensure_tabs)
        self._build_controls()
        self._set_exports_enabled(False)

    # --- construction ---------------------------------------------------------------------------
    def _build_controls(self) -> None:
        ui = self.ui
        for label, key in PERIODS:
            ui.periodCombo.addItem(label, key)
        committees = visible_committees(self.ctx)
        if len(committees) != 1:
            ui.committeeCombo.addItem("Todos los comités" if self.ctx.actor.role is Role.ADMINISTRADOR
                                      else "Todos mis comités", None)
        for c in committees:
            ui.committeeCombo.addItem(c.short_name, c.code)
            ui.committeeCombo.setItemData(ui.committeeCombo.count() - 1, c.name, Qt.ItemDataRole.ToolTipRole)
        for combo in (ui.periodCombo, ui.committeeCombo, ui.breakdownCombo):
            combo.setSizeAdjustPolicy(combo.SizeAdjustPolicy.AdjustToContents)
        for label, key in BREAKDOWNS:
            ui.breakdownCombo.addItem(label, key)
        today = self.ctx.today()
        start, end = period_bounds("month", today)
        ui.fromDate.setDate(_qdate(start))
        ui.toDate.setDate(_qdate(end))
        ui.periodCombo.currentIndexChanged.connect(self._period_changed)
        ui.fromDate.dateChanged.connect(self._from_changed)
        ui.toDate.dateChanged.connect(self._to_changed)
        ui.breakdownCombo.currentIndexChanged.connect(self._breakdown_changed)
        ui.runButton.clicked.connect(self.run)
        for fmt, button in (("xlsx", ui.xlsxButton), ("pdf", ui.pdfButton), ("json", ui.jsonButton)):
            button.clicked.connect(lambda _checked=False, f=fmt: self.export(f))
        inside = reports.sees_small_counts(self.ctx)
        ui.internalCheck.setVisible(inside)
        ui.internalCheck.setChecked(False)
        self._period_changed()

    def _ensure_tabs(self) -> None:
        """Build the tabs of tables the first time the page is shown or shows a report, not with the
        window: most sessions of work never open «Informes», and the tables cost the start ~0.2 s."""
        if not self._tabs_built:
            self._tabs_built = True
            self._build_tabs()

    def _build_tabs(self) -> None:
        tabs = self.ui.tabs
        layout = (
            ("Resumen", (("resumen", None), ("sesiones", None))),
            ("Casos y niveles", (("resultados", "grafico_resultados"), ("niveles", "grafico_niveles"))),
            ("Medidas", (("medidas", None),)),
            ("Oportunidad", (("oportunidad_gvp", "grafico_gvp"), ("oportunidad_ruta", "grafico_ruta"))),
            ("Tendencia", (("tendencia", "grafico_tendencia"),)),
            ("Compromisos y emergencias", (("compromisos", None), ("emergencias", None))),
        )
        for title, blocks in layout:
            page = QSplitter(Qt.Orientation.Vertical, tabs)
            page.setChildrenCollapsible(False)
            for key, chart in blocks:
                row = QSplitter(Qt.Orientation.Horizontal, page)
                row.setChildrenCollapsible(False)
                block = _Block(row)
                row.addWidget(block)
                self.blocks[key] = block
                if chart is not None:
                    host = QWidget(row)
                    QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
                    row.addWidget(host)
                    self._chart_hosts[chart] = host
                    row.setStretchFactor(0, 11)
                    row.setStretchFactor(1, 9)
                    row.setSizes([1100, 900])  # the tables' columns in view at 1280×800; the chart takes the rest
                page.addWidget(row)
            tabs.addTab(page, title)
        late = QWidget(tabs)
        self.late_note = QLabel(late)
        self.late_note.setWordWrap(True)
        self.late_view = QTableView(late)
        self.late_model: RowTableModel[rd.LateCase] = RowTableModel(LATE_COLUMNS, self)
        attach(self.late_view, self.late_model, sort_column=6, order=Qt.SortOrder.DescendingOrder)
        box = QVBoxLayout(late)
        box.addWidget(self.late_note)
        box.addWidget(self.late_view, 1)
        tabs.addTab(late, "Fuera de término")

    # --- period ---------------------------------------------------------------------------------
    def period_kind(self) -> str:
        return self.ui.periodCombo.currentData()

    @Slot()
    def _period_changed(self, *_args: object) -> None:
        kind = self.period_kind()
        ui = self.ui
        ui.fromDate.setEnabled(kind != "all")
        ui.toDate.setEnabled(kind == "range")
        if kind in ("month", "quarter", "year"):
            self._snap()

    def _snap(self) -> None:
        start, end = period_bounds(self.period_kind(), _pydate(self.ui.fromDate.date()))
        for editor, value in ((self.ui.fromDate, start), (self.ui.toDate, end)):
            editor.blockSignals(True)
            editor.setDate(_qdate(value))
            editor.blockSignals(False)

    @Slot()
    def _from_changed(self, *_args: object) -> None:
        if self.period_kind() in ("month", "quarter", "year"):
            self._snap()
        elif self.ui.toDate.date() < self.ui.fromDate.date():
            self.ui.toDate.setDate(self.ui.fromDate.date())

    @Slot()
    def _to_changed(self, *_args: object) -> None:
        if self.ui.toDate.date() < self.ui.fromDate.date():
            self.ui.fromDate.setDate(self.ui.toDate.date())

    def current_query(self) -> reports.ReportQuery:
        kind = self.period_kind()
        code = self.ui.committeeCombo.currentData()
        if kind == "all":
            return reports.ReportQuery(None, None, code)
        return reports.ReportQuery(_pydate(self.ui.fromDate.date()), _pydate(self.ui.toDate.date()), code)

    # --- running ----------------------------------------------------------------------------------
    def on_changes(self, changes: Changes, _initiator: object) -> None:
        """From the window's change bus: a change to what the figures count makes them stale. They
        are recomputed when the page is next shown; on screen the page only says so (a year's report
        is not recomputed at every vote). Attendance, actas and accounts are not counted."""
        if not concerns_reports(changes):
            return
        self._dirty = True
        if self.isVisible() and self.report is not None and not self._running:
            self.ui.statusLabel.setText("Hubo cambios después de generar este informe: pulse Generar (F5) "
                                        "para actualizarlo.")

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_tabs()
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, self.refresh)

    @Slot()
    def refresh(self) -> None:
        """Compute the report again for the period and committees chosen (F5)."""
        self.run()

    @Slot()
    def run(self) -> None:
        if self._running:
            return
        query = self.current_query()
        self._running, self._dirty = True, False
        self.ui.runButton.setEnabled(False)
        self.ui.statusLabel.setText("Calculando el informe…")
        ctx = self.ctx

        def work(progress, cancel):
            def step(done: int, total: int) -> None:
                cancel.check()
                progress(done, total, "Calculando el informe…")

            raw = reports.build_report(ctx, query, progress=step)
            return raw, reports.for_screen(ctx, raw)

        workers.run_job(self, "generar el informe", work, self._done, self._failed, on_cancel=self._cancelled)
        self.query = query

    def _finish(self) -> None:
        self._running = False
        self.ui.runButton.setEnabled(True)

    def _cancelled(self) -> None:
        self._finish()
        self.ui.statusLabel.setText("Informe cancelado.")

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.ui.statusLabel.setText("No se pudo generar el informe.")
        dialogs.show_error(self, exc, action="generar el informe")

    def _done(self, result: tuple[rd.Report, rd.Report]) -> None:
        self._finish()
        self.raw, self.report = result
        self.show_report(self.report)

    # --- showing ----------------------------------------------------------------------------------
    def show_report(self, report: rd.Report) -> None:
        self._ensure_tabs()
        threshold = report.reserve.threshold if report.reserve else None
        committees = ", ".join(name for _code, name in report.committees)
        self.ui.statusLabel.setText(f"{report.period_label} · {committees}"
                                    + (" · con la reserva aplicada" if report.reserve else ""))
        t = report.totals
        names = {"sessions": "sesiones", "hearings": "casos tratados", "decisions": "decisiones",
                 "votes": "votos", "measures": "medidas", "commitments": "compromisos",
                 "emergency_measures": "medidas de emergencia"}
        parts = []
        for key, name in names.items():
            value = getattr(t, key)
            text = rd.cell_text(value, rd.COUNT, threshold if value is None else None)
            parts.append(f"<b>{text}</b> {name}")
        self.ui.totalsLabel.setText(" · ".join(parts))
        for key, block in self.blocks.items():
            table_key = self.ui.breakdownCombo.currentData() if key == "niveles" else key
            block.show_table(report.table(table_key), threshold)
        self._draw_charts(report)
        self.late_model.set_rows(report.late_cases)
        fit_columns(self.late_view)
        if report.late_cases:
            note = f"{plural(report.late_total, 'caso decidido', 'casos decididos')} fuera del término legal."
            self.late_note.setText(report.radicados_note or note)
        else:
            self.late_note.setText(report.radicados_note or "Ningún caso del periodo se decidió fuera de término.")
        self._set_exports_enabled(True)

    def _draw_charts(self, report: rd.Report) -> None:
        from comite.gui.report_charts import ChartWidget  # pyqtgraph: only once a report is shown

        for spec in report.charts:
            host = self._chart_hosts.get(spec.key)
            if host is None:
                continue
            chart = self._charts.get(spec.key)
            if chart is None:
                chart = ChartWidget(host)
                host.layout().addWidget(chart)
                self._charts[spec.key] = chart
            table_key = spec.table
            if spec.key == "grafico_niveles":
                table_key = self.ui.breakdownCombo.currentData()
                spec = rd.ChartSpec(spec.key, f"{report.table(table_key).title}", spec.kind, table_key,
                                    spec.series)
            chart.show_chart(report.table(table_key), spec)

    @Slot()
    def _breakdown_changed(self, *_args: object) -> None:
        if self.report is not None:
            self.show_report(self.report)

    def chart(self, key: str) -> Any:
        """The chart widget ``key`` (e.g. ``"grafico_gvp"``), once a report was shown."""
        return self._charts.get(key)

    # --- export -----------------------------------------------------------------------------------
    def _set_exports_enabled(self, enabled: bool) -> None:
        for button in (self.ui.xlsxButton, self.ui.pdfButton, self.ui.jsonButton):
            button.setEnabled(enabled)

    def suggested_name(self, fmt: str) -> str:
        report = self.raw
        if report is None or report.period_from is None:
            span = "todo"
        else:
            span = f"{report.period_from:%Y%m%d}-{report.period_to:%Y%m%d}" if report.period_to else \
                f"{report.period_from:%Y%m%d}"
        return f"informe-comites-{span}.{fmt}"

    def export(self, fmt: str) -> None:
        """Ask where (Spanish dialog) and write the report shown in ``fmt``, in the background."""
        if self.raw is None:
            return
        title, file_filter = FILE_KINDS[fmt]
        target = dialogs.ask_save_path(self, title, Path.home() / self.suggested_name(fmt), file_filter)
        if target is None:
            return
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        external = not (self.ui.internalCheck.isVisible() and self.ui.internalCheck.isChecked())
        ctx, raw = self.ctx, self.raw
        workers.run_job(self, "exportar el informe",
                        lambda _p, _c: reports.export_report(ctx, raw, fmt, target, external=external),
                        self._exported)

    def _exported(self, result: reports.ExportResult) -> None:
        self.ui.statusLabel.setText(result.message)
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(result.message, 10_000)
