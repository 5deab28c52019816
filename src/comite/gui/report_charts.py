"""The report's charts on screen, drawn with pyqtgraph from the same tables the exports use.

pyqtgraph (pure Python over Qt's own painting, plus numpy) fits
``PySide6-Essentials``: QtCharts would need ``PySide6-Addons`` (the README
compares their install sizes). It renders on the offscreen platform, so the
GUI tests draw the charts too. It is imported only when the «Informes» page
first shows a chart, so the start-up never pays for it.

Three kinds, as :class:`~comite.documents.report_data.ChartSpec` says:
stacked bars (one bar per row), lines (one per series, over the months) and a
histogram of business days coloured by the legal term, with the term drawn as
a dashed vertical line.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from comite.documents.report_data import ChartSpec, Table

SERIES = ("#7FA7C9", "#2E6DA4", "#C0392B", "#8E8E8E", "#E0A030")
WITHIN, LATE = "#2E6DA4", "#C0392B"


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _short(label: str, limit: int = 18) -> str:
    """A category's name under its bar: cut at ``limit``, on two lines when it has two words or more
    («CERREM\npoblacional»), so neighbouring names do not run into each other."""
    label = label if len(label) <= limit else label[: limit - 1] + "…"
    first, _, rest = label.partition(" ")
    return f"{first}\n{rest}" if rest and len(label) > 10 else label


def _histogram_ticks(rows: list) -> list[tuple[int, str]]:
    """The bins' names under a histogram, short («16+», «6–10») so pyqtgraph does not drop the ones that
    would touch their neighbours; with more than twelve ranges, every other one and the last."""
    names = [row.key.replace("-", "–") for row in rows]
    step = 2 if len(rows) > 12 and any("–" in name for name in names) else 1
    return [(i, name) for i, name in enumerate(names) if i % step == 0 or i == len(names) - 1]


class ChartWidget(QWidget):
    """One chart (a :class:`pyqtgraph.PlotWidget` with a title, axes and a legend)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.setMinimumHeight(260)
        self.spec: ChartSpec | None = None
        self.items: list[object] = []  # what was drawn (the tests read it)

    def show_chart(self, table: Table, spec: ChartSpec, series: tuple[str, ...] | None = None) -> None:
        """Draw ``spec`` from ``table`` (``series`` overrides the spec's columns)."""
        self.spec = spec
        self.items = []
        item = self.plot.getPlotItem()
        item.clear()
        legend = item.addLegend(offset=(-8, 6), labelTextColor="#222222",  # top right; the same one every time
                                brush=pg.mkBrush(255, 255, 255, 215), pen=pg.mkPen("#C8D0DA"))
        legend.clear()
        self.plot.setTitle(spec.title, color="#1F3A5F", size="10pt")
        rows = list(table.rows)
        keys = series or spec.series
        axis = item.getAxis("bottom")
        ticks = (_histogram_ticks(rows) if spec.kind == "histogram"
                 else [(i, _short(row.label)) for i, row in enumerate(rows)])
        axis.setTicks([ticks])
        axis.setLabel("Días hábiles" if spec.kind == "histogram" else None)
        tick_font = QFont(self.font().family(), 8)
        axis.setStyle(tickFont=tick_font)
        lines = max((label.count("\n") + 1 for _, label in ticks), default=1)
        axis.setHeight(lines * QFontMetrics(tick_font).lineSpacing() + 14)  # two-line names are not cut
        item.getAxis("left").setLabel("Casos")
        if not rows:
            return
        xs = list(range(len(rows)))
        if spec.kind == "histogram":
            column = table.column_index(keys[0])
            heights = [_number(row.values[column]) for row in rows]
            brushes = [pg.mkBrush(WITHIN if row.key in spec.term_rows else LATE) for row in rows]
            bars = pg.BarGraphItem(x=xs, height=heights, width=0.8, brushes=brushes, pen=pg.mkPen(None))
            item.addItem(bars)
            self.items.append(bars)
            first_late = next((i for i, row in enumerate(rows) if row.key not in spec.term_rows), len(rows))
            # the term is named in the legend (a label beside the line ran under the legend)
            term_pen = QPen(QColor("#222222"), 0, Qt.PenStyle.DashLine)
            line = pg.InfiniteLine(pos=first_late - 0.5, angle=90, pen=term_pen, name=spec.term_label)
            item.addItem(line)
            self.items.append(line)
            for colour, name in ((WITHIN, "Dentro del término"), (LATE, "Fuera de término")):
                legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=0, brush=colour), name)
            legend.addItem(pg.PlotDataItem(pen=QPen(QColor("#222222"), 1.5, Qt.PenStyle.DashLine)), spec.term_label)
        elif spec.kind == "lines":
            for k, key in enumerate(keys):
                column = table.column_index(key)
                values = [_number(row.values[column]) for row in rows]
                colour = SERIES[k % len(SERIES)]
                curve = item.plot(xs, values, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6,
                                  symbolBrush=colour, symbolPen=None, name=table.columns[column].label)
                self.items.append(curve)
        else:  # stacked bars
            base = [0.0] * len(rows)
            for k, key in enumerate(keys):
                column = table.column_index(key)
                heights = [_number(row.values[column]) for row in rows]
                bars = pg.BarGraphItem(x=xs, y0=list(base), height=heights, width=0.6,
                                       brush=SERIES[k % len(SERIES)], pen=pg.mkPen(None),
                                       name=table.columns[column].label)
                item.addItem(bars)  # named: the legend lists it
                self.items.append(bars)
                base = [b + h for b, h in zip(base, heights, strict=True)]
        item.setXRange(-0.6, len(rows) - 0.4, padding=0)
        top = max((self._top(table, keys, spec), 1.0))
        # room for the legend above the tallest bar (a histogram's three-line legend, over its late bars
        # at the right, needs more)
        item.setYRange(0, top * (1.8 if spec.kind == "histogram" else 1.45), padding=0)

    @staticmethod
    def _top(table: Table, keys: tuple[str, ...], spec: ChartSpec) -> float:
        columns = [table.column_index(k) for k in keys]
        if spec.kind == "stacked_bars":
            return max((sum(_number(row.values[c]) for c in columns) for row in table.rows), default=0.0)
        return max((_number(row.values[c]) for row in table.rows for c in columns), default=0.0)
