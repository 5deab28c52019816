"""Draw the report's charts and tables again and again (as switching breakdowns and periods does), then end
normally. Run in a subprocess by tests/gui/test_binding_references.py (argument: how many times): with a binding
that drops references to None or True (PySide6 6.12.0 on Python 3.11) the interpreter aborts, now or while
exiting."""

import sys

from PySide6.QtWidgets import QApplication

from comite.documents import report_data as rd
from comite.gui.report_charts import ChartWidget
from comite.gui.reports import _Block

app = QApplication.instance() or QApplication(["comite", "-platform", "offscreen"])
columns = (rd.Column("a", "Nuevos"), rd.Column("b", "Reevaluaciones"))
rows = tuple(rd.Row(f"r{i}", f"Comité número {i}", (i, 2 * i)) for i in range(6))
table = rd.Table("t", "Casos por comité", "Comité", columns, rows)
charts = [(rd.ChartSpec("g1", "Barras", "stacked_bars", "t", ("a", "b")), ChartWidget()),
          (rd.ChartSpec("g2", "Líneas", "lines", "t", ("a", "b")), ChartWidget()),
          (rd.ChartSpec("g3", "Días", "histogram", "t", ("a",), term_rows=("r0", "r1")), ChartWidget())]
block = _Block(None)
block.resize(900, 400)
block.show()
for _ in range(int(sys.argv[1])):
    for spec, chart in charts:
        chart.show_chart(table, spec)
    block.show_table(table, None)
    app.processEvents()
print("ok")
