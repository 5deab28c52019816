"""What a report is made of: a frozen tree of tables and chart specs (no ORM, no Qt).

:mod:`comite.services.reports` computes it in SQL; the exporters
(:mod:`~comite.documents.report_json`, :mod:`~comite.documents.report_xlsx`,
:mod:`~comite.documents.report_pdf`) and the «Informes» page only render it.
Every figure is a :class:`Table`: rows (a committee, a population, a month…),
columns (counts, business days, shares), an optional total row. Charts are
:class:`ChartSpec` values that point at a table, so the screen, Excel and PDF
draw the same numbers.

The reserve (:func:`apply_reserve`): a report that leaves the secretariat
carries no cell counting fewer than ``threshold`` cases. Those cells are
suppressed (primary suppression) and, where a table shows totals, one more
cell of the same row or column is suppressed too (complementary suppression),
so a suppressed count cannot be recovered by subtracting the others from the
total. Values that summarise the cases of a suppressed count (a median, a
share) go with it. The late-case radicados are left out of such a report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from comite.text import plural

Value = int | float | None

COUNT, DAYS, SHARE = "count", "days", "share"
SUPPRESSED_MARK = "<{threshold}"
"""How a suppressed cell reads in a table (``"<5"``)."""

DEFAULT_THRESHOLD = 5
DEFAULT_SUPPRESSION_NOTE = (
    "Las celdas marcadas «<{threshold}» cuentan menos de {threshold} casos y se suprimen para proteger la "
    "reserva: en un municipio o una población pequeña, un conteo bajo puede identificar a una persona "
    "(Ley 1581 de 2012; Ley 1712 de 2014, arts. 18 y 19). Donde la tabla muestra totales se suprime "
    "además otra celda de la misma fila o columna, para que la suprimida no se deduzca por resta. "
    "Los radicados de los casos fuera de término no se incluyen."
)


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a table.

    ``kind`` is :data:`COUNT` (cases, sessions…), :data:`DAYS` (business days)
    or :data:`SHARE` (a fraction from 0 to 1). ``sensitive`` counts concern
    protected people and fall under the reserve threshold. ``basis`` names the
    count a non-count value summarises: when that count is suppressed, so is
    the value.
    """

    key: str
    label: str
    kind: str = COUNT
    sensitive: bool = True
    basis: str | None = None
    tooltip: str = ""


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    label: str
    values: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """One figure as a table.

    ``sums``: pairs ``(total column, part columns)`` whose parts add up to the
    total in every row. ``total`` (when present) is the sum of the rows for
    every count column. ``suppressed`` holds ``(row key, column key)`` of the
    cells the reserve hid (their value is ``None``); the total row's key is
    :data:`TOTAL_KEY`.
    """

    key: str
    title: str
    row_title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    total: Row | None = None
    source: str = ""
    sums: tuple[tuple[str, tuple[str, ...]], ...] = ()
    suppressed: tuple[tuple[str, str], ...] = ()

    def column_index(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)

    def row(self, key: str) -> Row:
        if self.total is not None and key == TOTAL_KEY:
            return self.total
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def value(self, row_key: str, column_key: str) -> Value:
        """A cell (``row_key`` :data:`TOTAL_KEY` is the total row)."""
        return self.row(row_key).values[self.column_index(column_key)]

    def is_suppressed(self, row_key: str, column_key: str) -> bool:
        return (row_key, column_key) in self.suppressed

    def all_rows(self) -> tuple[Row, ...]:
        return self.rows + ((self.total,) if self.total is not None else ())


TOTAL_KEY = "total"


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """A chart drawn from a table.

    ``kind``: ``"stacked_bars"`` (one bar per row, one segment per series),
    ``"lines"`` (one line per series over the rows, e.g. months) or
    ``"histogram"`` (one bar per row of ``series[0]``, coloured by whether the
    row is within the legal term; ``term_rows`` are the rows within it).
    """

    key: str
    title: str
    kind: str
    table: str
    series: tuple[str, ...]
    term_label: str = ""
    term_rows: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Totals:
    """The report's totals (the keys of the JSON ``totals`` object)."""

    sessions: Value
    hearings: Value
    decisions: Value
    votes: Value
    measures: Value
    commitments: Value
    emergency_measures: Value


SENSITIVE_TOTALS = ("hearings", "decisions", "measures", "emergency_measures")
"""Totals that count protected people's cases (sessions, votes and commitments do not)."""


@dataclass(frozen=True, slots=True)
class LateCase:
    """A case decided after its legal term (named by radicado only)."""

    radicado: str
    stage: str  # "gvp" | "ruta"
    committee: str  # the committee's short name
    started: date  # study received (GVP) or request (route)
    deadline: date
    decided: date
    business_days: int


@dataclass(frozen=True, slots=True)
class Reserve:
    """How the reserve was applied to an exported report."""

    threshold: int
    note: str
    cells: int  # how many cells were suppressed


@dataclass(frozen=True, slots=True)
class Report:
    """A report over a period and a set of committees (all values aggregated)."""

    title: str
    period_from: date | None
    period_to: date | None
    period_label: str
    committees: tuple[tuple[str, str], ...]  # (code, short name) of the committees covered
    generated_at: datetime
    generated_by: str
    totals: Totals
    tables: tuple[Table, ...]
    charts: tuple[ChartSpec, ...]
    late_cases: tuple[LateCase, ...] = ()
    late_total: int = 0
    radicados_note: str = ""
    reserve: Reserve | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)


# --- the reserve -----------------------------------------------------------------------------------


def _suppress_table(table: Table, threshold: int) -> tuple[Table, int]:
    """``table`` with its small counts and their complements hidden; and how many cells."""
    columns = table.columns
    rows = list(table.all_rows())
    values = [list(r.values) for r in rows]
    index = {c.key: i for i, c in enumerate(columns)}
    row_index = {(TOTAL_KEY if row is table.total else row.key): r for r, row in enumerate(rows)}
    hidden = {(row_index[r], index[c]) for r, c in table.suppressed}  # already hidden (applied twice)
    for r, row_values in enumerate(values):
        for c, column in enumerate(columns):
            v = row_values[c]
            if column.kind == COUNT and column.sensitive and isinstance(v, int | float) and 0 < v < threshold:
                hidden.add((r, c))
    # Relations whose members add up: parts -> total within a row, rows -> total row per column.
    relations: list[tuple[list[tuple[int, int]], tuple[int, int]]] = []
    for total_key, part_keys in table.sums:
        for r in range(len(rows)):
            relations.append(([(r, index[p]) for p in part_keys], (r, index[total_key])))
    if table.total is not None:
        last = len(rows) - 1
        for c, column in enumerate(columns):
            if column.kind == COUNT and column.sensitive:
                relations.append(([(r, c) for r in range(last)], (last, c)))
    changed = True
    while changed:
        changed = False
        for parts, total in relations:
            members = [*parts, total]
            if sum(m in hidden for m in members) != 1:
                continue
            candidates = [(v, p) for p in parts
                          if p not in hidden and isinstance(v := values[p[0]][p[1]], int | float) and v > 0]
            pick = min(candidates)[1] if candidates else total
            if pick in hidden:
                continue
            hidden.add(pick)
            changed = True
    for r in range(len(values)):  # values summarising a hidden count go with it
        for c, column in enumerate(columns):
            if column.basis is not None and (r, index[column.basis]) in hidden:
                hidden.add((r, c))
    for r, c in hidden:
        values[r][c] = None
    new_rows = [replace(row, values=tuple(v)) for row, v in zip(rows, values, strict=True)]
    suppressed = tuple(sorted((rows[r].key if rows[r] is not table.total else TOTAL_KEY, columns[c].key)
                              for r, c in hidden))
    total_row = new_rows.pop() if table.total is not None else None
    return replace(table, rows=tuple(new_rows), total=total_row, suppressed=suppressed), len(hidden)


def _suppress_value(v: Value, threshold: int) -> Value:
    return None if isinstance(v, int | float) and 0 < v < threshold else v


def apply_reserve(report: Report, threshold: int, note: str) -> Report:
    """The report as it may leave the secretariat (see the module docstring).

    ``note`` may contain ``{threshold}``. A threshold of 1 or less hides nothing
    but still drops the radicados.
    """
    tables, cells = [], 0
    for table in report.tables:
        suppressed, n = _suppress_table(table, threshold)
        tables.append(suppressed)
        cells += n
    t = report.totals
    totals = replace(t, **{name: _suppress_value(getattr(t, name), threshold) for name in SENSITIVE_TOTALS})
    cells += sum(getattr(t, name) != getattr(totals, name) for name in SENSITIVE_TOTALS)
    return replace(
        report, tables=tuple(tables), totals=totals, late_cases=(),
        radicados_note=(f"{plural(report.late_total, 'caso')} fuera de término; sus radicados no se incluyen en un "
                        "informe que sale de la secretaría." if report.late_total else ""),
        reserve=Reserve(threshold, note.format(threshold=threshold), cells),
    )


def cell_text(value: Value, kind: str, threshold: int | None, *, decimals: int = 1) -> str:
    """A cell as the documents print it (Colombian number format, the mark when suppressed)."""
    if value is None:
        return SUPPRESSED_MARK.format(threshold=threshold) if threshold else "—"
    if kind == SHARE:
        return f"{value * 100:.{decimals}f} %".replace(".", ",")
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.{decimals}f}".replace(".", ",")
    return f"{int(value):,}".replace(",", ".")


def table_cells(table: Table, threshold: int | None) -> Iterable[tuple[Row, list[str]]]:
    """Each row with its cells as text (rows, then the total)."""
    for row in table.all_rows():
        yield row, [
            cell_text(v, c.kind, threshold if table.is_suppressed(row.key, c.key) else None)
            for v, c in zip(row.values, table.columns, strict=True)
        ]
