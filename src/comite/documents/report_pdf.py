"""A report as PDF: the same tables and charts as the workbook, with the entity's chrome.

Header, RESERVADO marks, "Página X de Y" and embedded fonts come from
:mod:`comite.documents.pdf_common`; the charts are reportlab's own graphics
(``reportlab.graphics.charts``), drawn with the embedded DejaVu fonts so no
font is left unembedded.
"""

from __future__ import annotations

import functools
import io
from dataclasses import fields

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from comite.documents.data import DocumentHeader
from comite.documents.pdf_common import (
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    NAVY,
    PageChrome,
    build_pdf,
    data_table,
    heading,
    kv_table,
    styles,
    text_para,
    widths,
)
from comite.documents.report_data import ChartSpec, Report, Table, table_cells
from comite.documents.report_xlsx import TOTAL_LABELS
from comite.documents.spanish import date_short

SERIES = (colors.HexColor("#7FA7C9"), colors.HexColor("#2E6DA4"), colors.HexColor("#C0392B"),
          colors.HexColor("#8E8E8E"), colors.HexColor("#E0A030"))
WITHIN, LATE = colors.HexColor("#2E6DA4"), colors.HexColor("#C0392B")
CHART_HEIGHT = 200


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _short(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _legend(x: float, y: float, pairs: list[tuple[colors.Color, str]]) -> Legend:
    """One row of swatches and names, from ``(x, y)`` rightwards."""
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = FONT, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.dxTextSpace = 4
    legend.deltax = max(stringWidth(name, FONT, 7) for _c, name in pairs) + 22
    legend.colorNamePairs = pairs
    legend.boxAnchor = "nw"
    return legend


def _axes_fonts(chart: VerticalBarChart | HorizontalLineChart) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = FONT, 7
    chart.valueAxis.forceZero = True
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDE3EA")


def chart_drawing(table: Table, spec: ChartSpec) -> Drawing | None:
    """The chart ``spec`` draws from ``table`` (``None`` when the table has no rows)."""
    rows = list(table.rows)
    if not rows:
        return None
    drawing = Drawing(CONTENT_WIDTH, CHART_HEIGHT + 44)
    drawing.initialFontName, drawing.initialFontSize = FONT, 7  # never the unembedded Helvetica
    drawing.add(String(0, CHART_HEIGHT + 32, spec.title, fontName=FONT_BOLD, fontSize=9, fillColor=NAVY))
    indices = [table.column_index(key) for key in spec.series]
    data = [[_number(row.values[i]) for row in rows] for i in indices]
    labels = [_short(row.label) for row in rows]
    if spec.kind == "lines":
        chart = HorizontalLineChart()
        chart.joinedLines = 1
        for k in range(len(data)):
            chart.lines[k].strokeColor = SERIES[k % len(SERIES)]
            chart.lines[k].strokeWidth = 1.6
    else:
        chart = VerticalBarChart()
        chart.barSpacing = 0 if spec.kind == "stacked_bars" else 1
        chart.groupSpacing = 6
        if spec.kind == "stacked_bars":
            chart.categoryAxis.style = "stacked"
        for k in range(len(data)):
            chart.bars[k].fillColor = SERIES[k % len(SERIES)]
            chart.bars[k].strokeColor = None
    chart.x, chart.y = 36, 34
    chart.width, chart.height = CONTENT_WIDTH - 50, CHART_HEIGHT - 40
    chart.data = data
    chart.categoryAxis.categoryNames = labels
    _axes_fonts(chart)
    if len(rows) > 8:
        chart.categoryAxis.labels.angle = 35
        chart.categoryAxis.labels.boxAnchor = "ne"
    drawing.add(chart)
    if spec.kind == "histogram":
        for j, row in enumerate(rows):
            chart.bars[(0, j)].fillColor = WITHIN if row.key in spec.term_rows else LATE
        first_late = next((j for j, row in enumerate(rows) if row.key not in spec.term_rows), len(rows))
        x = chart.x + chart.width * first_late / len(rows)
        drawing.add(Line(x, chart.y, x, chart.y + chart.height + 6, strokeColor=colors.black, strokeWidth=1,
                         strokeDashArray=[3, 2]))
        drawing.add(String(x + 3, chart.y + chart.height - 4, spec.term_label, fontName=FONT, fontSize=7))
        drawing.add(_legend(0, CHART_HEIGHT + 20, [(WITHIN, "Dentro del término"), (LATE, "Fuera de término")]))
    else:
        names = [table.columns[i].label for i in indices]
        drawing.add(_legend(0, CHART_HEIGHT + 20, [(SERIES[k % len(SERIES)], n) for k, n in enumerate(names)]))
    return drawing


@functools.cache
def _right_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    st = styles()
    return (ParagraphStyle("cell_number", parent=st.cell, alignment=TA_RIGHT),
            ParagraphStyle("cell_number_bold", parent=st.cell_bold, alignment=TA_RIGHT))


def _table_flowable(table: Table, threshold: int | None) -> Flowable:
    st = styles()
    numbers, numbers_bold = _right_styles()
    head = [text_para(st.cell_head, table.row_title),
            *(text_para(st.cell_head, c.label) for c in table.columns)]
    rows: list[list[object]] = [head]
    for row, cells in table_cells(table, threshold):
        total = row is table.total
        rows.append([text_para(st.cell_bold if total else st.cell, row.label),
                     *(text_para(numbers_bold if total else numbers, text) for text in cells)])
    n = len(table.columns)
    first = 0.30 if n > 3 else 0.45
    col_widths = widths([first] + [(1 - first) / max(n, 1)] * n)
    extra = []
    if table.total is not None:
        extra.append(("LINEABOVE", (0, -1), (-1, -1), 0.9, NAVY))
    return data_table(rows, col_widths, extra=extra)


def report_story(report: Report) -> list[Flowable]:
    st = styles()
    threshold = report.reserve.threshold if report.reserve else None
    story: list[Flowable] = [
        text_para(st.title, report.title.upper()),
        text_para(st.subtitle, report.period_label),
        text_para(st.badge, "RESERVADO — SOLO CIFRAS AGREGADAS"),
        text_para(st.body_left, "Comités: " + ", ".join(name for _code, name in report.committees) + "."),
        text_para(st.small, f"Generado el {date_short(report.generated_at.date())} por {report.generated_by}."),
        Spacer(1, 6),
    ]
    total_rows = []
    pairs = [(TOTAL_LABELS[f.name], getattr(report.totals, f.name)) for f in fields(report.totals)]
    for i in range(0, len(pairs), 2):
        row: list[object] = []
        for label, value in pairs[i:i + 2]:
            text = (f"<{threshold}" if value is None else f"{value:,}".replace(",", "."))
            row += [text_para(st.kv_label, label), text_para(st.cell, text)]
        row += ["", ""] * (2 - len(pairs[i:i + 2]))
        total_rows.append(row)
    story += heading("Totales", st.h2)
    story.append(kv_table(total_rows, widths([0.3, 0.2, 0.3, 0.2])))
    if report.reserve is not None:
        story += [Spacer(1, 6), text_para(st.small, report.reserve.note)]
    charts: dict[str, list[ChartSpec]] = {}
    for spec in report.charts:
        charts.setdefault(spec.table, []).append(spec)
    for table in report.tables:
        block: list[Flowable] = [*heading(table.title, st.h2), _table_flowable(table, threshold)]
        if table.source:
            block.append(text_para(st.small, f"Fuente: {table.source}"))
        story.extend(block)
        for spec in charts.get(table.key, ()):
            drawing = chart_drawing(table, spec)
            if drawing is not None:
                story.append(KeepTogether([Spacer(1, 8), drawing]))
    if report.late_cases or report.late_total:
        story += heading("Casos fuera de término (por radicado)", st.h2)
        if report.radicados_note:
            story.append(text_para(st.small, report.radicados_note))
        if report.late_cases:
            head = ["Radicado", "Etapa", "Comité", "Desde", "Vencimiento", "Decidido", "Días hábiles"]
            rows: list[list[object]] = [[text_para(st.cell_head, h) for h in head]]
            for case in report.late_cases:
                rows.append([text_para(st.cell, text) for text in (
                    case.radicado, "Recepción → GVP" if case.stage == "gvp" else "Solicitud → CERREM",
                    case.committee, date_short(case.started), date_short(case.deadline), date_short(case.decided),
                    str(case.business_days))])
            story.append(data_table(rows, widths([0.18, 0.20, 0.17, 0.11, 0.12, 0.11, 0.11]),
                                    extra=[("ALIGN", (6, 1), (6, -1), "RIGHT")]))
    return story


def report_pdf_bytes(report: Report, header: DocumentHeader) -> bytes:
    chrome = PageChrome(header, reference=f"{report.title} · {report.period_label}",
                        short_reference=report.title)
    buffer = io.BytesIO()
    build_pdf(buffer, report_story(report), chrome, title=f"{report.title} — {report.period_label}",
              subject="RESERVADO")
    return buffer.getvalue()
