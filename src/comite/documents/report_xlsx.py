"""A report as an Excel workbook (openpyxl): one sheet per table, native Excel charts.

Staff keep working in Excel, so numbers are numbers (shares as percentages,
business days with one decimal) and charts are Excel's own (bar, stacked bar,
line), drawn from the cells of their sheet. Every sheet says RESERVADO at the
top and in its printed header and footer; a suppressed cell reads ``<5`` (the
threshold) and the reserve's note follows the table.
"""

from __future__ import annotations

import io
import re
from dataclasses import fields

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from comite.documents.data import DocumentHeader
from comite.documents.report_data import (
    DAYS,
    SHARE,
    SUPPRESSED_MARK,
    ChartSpec,
    Report,
    Table,
)
from comite.documents.spanish import date_short
from comite.text import plural

NAVY, RED, HEAD = "1F3A5F", "8B1A1A", "DCE4EE"
WITHIN, LATE = "2E6DA4", "C0392B"
SERIES_COLOURS = ("7FA7C9", "2E6DA4", "C0392B", "8E8E8E", "E0A030")
TOTAL_LABELS = {
    "sessions": "Sesiones", "hearings": "Casos tratados en sesión", "decisions": "Decisiones", "votes": "Votos",
    "measures": "Medidas recomendadas", "commitments": "Compromisos abiertos",
    "emergency_measures": "Medidas de emergencia",
}
_BOLD = Font(bold=True, color=NAVY)
_RESERVED = Font(bold=True, color=RED)
_MARK = Font(italic=True, color=RED)
_THIN = Side(style="thin", color="9AA5B1")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor=HEAD)
_INVALID = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of ``[]:*?/\\``)."""
    base = _INVALID.sub(" ", title).replace("→", "a").strip()
    base = re.sub(r"\s+", " ", base)[:31].rstrip()
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _chrome(ws: Worksheet, report: Report, header: DocumentHeader, title: str) -> int:
    """The sheet's heading lines; returns the next free row."""
    ws["A1"] = "RESERVADO"
    ws["A1"].font = _RESERVED
    ws["A2"] = f"{header.entity} · {header.process} · {header.code} v{header.version}"
    ws["A3"] = title
    ws["A3"].font = Font(bold=True, size=13, color=NAVY)
    committees = ", ".join(name for _code, name in report.committees)
    ws["A4"] = f"{report.period_label} · {committees}"
    ws.oddHeader.center.text = "RESERVADO"
    ws.oddHeader.right.text = f"{header.document_title} · &P de &N"
    ws.oddFooter.left.text = "RESERVADO — Información reservada (Ley 1581 de 2012; reserva legal)"
    return 6


def _write_table(ws: Worksheet, table: Table, top: int, threshold: int | None) -> tuple[int, int]:
    """The table from row ``top``; returns (first data row, last data row without the total)."""
    ws.cell(top, 1, table.row_title)
    for j, column in enumerate(table.columns, start=2):
        ws.cell(top, j, column.label)
    for j in range(1, len(table.columns) + 2):
        cell = ws.cell(top, j)
        cell.font, cell.fill, cell.border = _BOLD, _HEAD_FILL, _GRID
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    r = top
    for row in table.all_rows():
        r += 1
        label = ws.cell(r, 1, row.label)
        label.border = _GRID
        if row is table.total:
            label.font = Font(bold=True)
        for j, (column, value) in enumerate(zip(table.columns, row.values, strict=True), start=2):
            cell = ws.cell(r, j)
            cell.border = _GRID
            key = row.key if row is not table.total else "total"
            if table.is_suppressed(key, column.key):
                cell.value = SUPPRESSED_MARK.format(threshold=threshold)
                cell.font = _MARK
                cell.alignment = Alignment(horizontal="right")
                continue
            cell.value = value
            if column.kind == SHARE:
                cell.number_format = "0.0%"
            elif column.kind == DAYS:
                cell.number_format = "0.0"
            else:
                cell.number_format = "#,##0"
            if row is table.total:
                cell.font = Font(bold=True)
    last_data = top + len(table.rows)
    return top + 1, last_data


def _chart(ws: Worksheet, table: Table, spec: ChartSpec, top: int, first: int, last: int, anchor: str) -> None:
    if last < first:
        return
    categories = Reference(ws, min_col=1, min_row=first, max_row=last)
    if spec.kind == "lines":
        chart = LineChart()
        chart.y_axis.title = "Casos"
    else:
        chart = BarChart()
        chart.type = "col"
        if spec.kind == "stacked_bars":
            chart.grouping, chart.overlap = "stacked", 100
        chart.y_axis.title = "Casos"
    for i, key in enumerate(spec.series):
        col = table.column_index(key) + 2
        chart.add_data(Reference(ws, min_col=col, min_row=top, max_row=last), titles_from_data=True)
        series = chart.series[-1]
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        if spec.kind == "lines":
            series.graphicalProperties.line.solidFill = colour
            series.graphicalProperties.line.width = 28000
            series.smooth = False
        else:
            series.graphicalProperties.solidFill = colour
            series.graphicalProperties.line.solidFill = colour
    if spec.kind == "histogram":
        chart.legend = None
        chart.x_axis.title = "Días hábiles"
        series = chart.series[0]
        for idx, row in enumerate(table.rows):
            point = DataPoint(idx=idx)
            colour = WITHIN if row.key in spec.term_rows else LATE
            point.graphicalProperties.solidFill = colour
            point.graphicalProperties.line.solidFill = colour
            series.dPt.append(point)
    chart.set_categories(categories)
    chart.title = spec.title + (f" · {spec.term_label} (azul: dentro; rojo: fuera)" if spec.term_label else "")
    chart.height, chart.width = 9, 18
    ws.add_chart(chart, anchor)


def report_xlsx_bytes(report: Report, header: DocumentHeader) -> bytes:
    wb = Workbook()
    threshold = report.reserve.threshold if report.reserve else None
    taken: set[str] = set()
    ws = wb.active
    ws.title = sheet_name("Resumen", taken)
    row = _chrome(ws, report, header, report.title)
    ws.cell(row, 1, "Totales").font = _BOLD
    for f in fields(report.totals):
        row += 1
        ws.cell(row, 1, TOTAL_LABELS[f.name]).border = _GRID
        value = getattr(report.totals, f.name)
        cell = ws.cell(row, 2, value if value is not None else SUPPRESSED_MARK.format(threshold=threshold))
        cell.border = _GRID
        cell.font = _MARK if value is None else Font()
        cell.number_format = "#,##0"
    row += 2
    ws.cell(row, 1, f"Generado el {date_short(report.generated_at.date())} por {report.generated_by}.")
    if report.reserve is not None:
        row += 1
        ws.cell(row, 1, report.reserve.note).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        ws.row_dimensions[row].height = 75
    if report.radicados_note:
        row += 1
        ws.cell(row, 1, report.radicados_note)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 14

    charts: dict[str, list[ChartSpec]] = {}
    for spec in report.charts:
        charts.setdefault(spec.table, []).append(spec)
    for table in report.tables:
        ws = wb.create_sheet(sheet_name(table.title, taken))
        top = _chrome(ws, report, header, table.title)
        first, last = _write_table(ws, table, top, threshold)
        end = last + (1 if table.total is not None else 0) + 2
        ws.cell(end, 1, f"Fuente: {table.source}").alignment = Alignment(wrap_text=False)
        if table.suppressed and report.reserve is not None:
            ws.cell(end + 1, 1, report.reserve.note).font = _MARK
        longest = max((len(r.label) for r in table.all_rows()), default=10)
        ws.column_dimensions["A"].width = max(18, min(48, longest + 2))
        for j in range(2, len(table.columns) + 2):
            ws.column_dimensions[get_column_letter(j)].width = 14
        ws.row_dimensions[top].height = 32
        ws.freeze_panes = ws.cell(top + 1, 2)
        anchor_col = get_column_letter(len(table.columns) + 3)
        for i, spec in enumerate(charts.get(table.key, ())):
            _chart(ws, table, spec, top, first, last, f"{anchor_col}{top + i * 20}")

    if report.late_cases or report.late_total:
        ws = wb.create_sheet(sheet_name("Casos fuera de término", taken))
        top = _chrome(ws, report, header, "Casos fuera de término (por radicado)")
        heads = ("Radicado", "Etapa", "Comité", "Desde", "Vencimiento", "Decidido", "Días hábiles")
        for j, head in enumerate(heads, start=1):
            cell = ws.cell(top, j, head)
            cell.font, cell.fill, cell.border = _BOLD, _HEAD_FILL, _GRID
        for i, case in enumerate(report.late_cases, start=top + 1):
            values = (case.radicado, "Recepción → GVP" if case.stage == "gvp" else "Solicitud → CERREM",
                      case.committee, case.started, case.deadline, case.decided, case.business_days)
            for j, value in enumerate(values, start=1):
                cell = ws.cell(i, j, value)
                cell.border = _GRID
                if j in (4, 5, 6):
                    cell.number_format = "DD/MM/YYYY"
        note_row = top + len(report.late_cases) + 2
        ws.cell(note_row, 1, report.radicados_note or f"{plural(report.late_total, 'caso')} fuera de término.")
        for j, width in enumerate((20, 20, 22, 12, 13, 12, 12), start=1):
            ws.column_dimensions[get_column_letter(j)].width = width
        ws.freeze_panes = ws.cell(top + 1, 1)

    props = wb.properties
    props.title = f"{report.title} — {report.period_label}"
    props.subject = "RESERVADO"
    props.keywords = "RESERVADO"
    props.creator = header.entity
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
