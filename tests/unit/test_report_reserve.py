"""The reserve on report tables (comite.documents.report_data.apply_reserve), on made-up tables: small
counts hidden, one more cell hidden where a total would give them away, summaries of hidden counts hidden,
zeros and non-sensitive counts kept, applying it twice changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from comite.documents import report_data as rd

C = rd.Column


def _report(*tables: rd.Table) -> rd.Report:
    return rd.Report("Informe", None, None, "todo", (("GVP", "GVP"),), datetime(2026, 11, 23), "prueba",
                     rd.Totals(30, 3, 12, 40, 0, 2, 4), tables, ())


def _table(rows, *, sums=(), columns=None, total=True) -> rd.Table:
    columns = columns or (C("a", "A"), C("b", "B"), C("t", "T"))
    body = tuple(rd.Row(k, k.upper(), tuple(v)) for k, v in rows)
    total_row = None
    if total:
        total_row = rd.Row(rd.TOTAL_KEY, "Total", tuple(
            sum(r.values[i] for r in body) if c.kind == rd.COUNT else None for i, c in enumerate(columns)))
    return rd.Table("x", "X", "Fila", columns, body, total_row, "", sums)


def hidden(report: rd.Report) -> set[tuple[str, str]]:
    return set(report.tables[0].suppressed)


def test_small_counts_and_their_complements():
    table = _table([("p", (3, 10, 13)), ("q", (8, 9, 17))], sums=(("t", ("a", "b")),))
    out = rd.apply_reserve(_report(table), 5, rd.DEFAULT_SUPPRESSION_NOTE)
    # p.a (3) is small; its row total would give it away -> p.b; its column total -> q.a;
    # then q's row has one hidden cell -> q.b; the totals of columns a and b then hide two each
    assert hidden(out) == {("p", "a"), ("p", "b"), ("q", "a"), ("q", "b")}
    assert out.tables[0].value("p", "t") == 13 and out.tables[0].value(rd.TOTAL_KEY, "a") == 11
    assert out.reserve.cells == 4 + 2  # four cells, and the totals' hearings (3) and emergency measures (4)
    assert out.totals.hearings is None and out.totals.sessions == 30 and out.totals.votes == 40


def test_zeros_and_non_sensitive_counts_stay():
    columns = (C("a", "A"), C("s", "Sesiones", sensitive=False))
    table = _table([("p", (0, 2)), ("q", (7, 1))], columns=columns)
    out = rd.apply_reserve(_report(table), 5, "{threshold}")
    assert hidden(out) == set()
    assert out.reserve.note == "5"


def test_a_median_goes_with_its_count():
    columns = (C("cases", "Casos"), C("median", "Mediana", kind=rd.DAYS, basis="cases"))
    table = _table([("p", (2, 4.5)), ("q", (9, 3.0))], columns=columns, total=False)
    out = rd.apply_reserve(_report(table), 5, "")
    assert hidden(out) == {("p", "cases"), ("p", "median")}
    assert out.tables[0].value("q", "median") == 3.0


def test_when_no_other_part_can_hide_it_the_total_goes():
    table = _table([("p", (3, 0, 3))], sums=(("t", ("a", "b")),), total=False)
    out = rd.apply_reserve(_report(table), 5, "")
    assert hidden(out) == {("p", "a"), ("p", "t")}


def test_applying_it_twice_changes_nothing_and_drops_radicados():
    table = _table([("p", (3, 10, 13)), ("q", (8, 9, 17))], sums=(("t", ("a", "b")),))
    late = rd.LateCase("R-1", "gvp", "GVP", datetime(2026, 1, 1).date(), datetime(2026, 1, 8).date(),
                       datetime(2026, 1, 9).date(), 6)
    once = rd.apply_reserve(replace(_report(table), late_cases=(late,), late_total=1), 5, "")
    twice = rd.apply_reserve(once, 5, "")
    assert hidden(twice) == hidden(once) and twice.late_cases == ()


def test_cell_text_is_colombian():
    assert rd.cell_text(12345, rd.COUNT, None) == "12.345"
    assert rd.cell_text(0.6667, rd.SHARE, None) == "66,7 %"
    assert rd.cell_text(4.5, rd.DAYS, None) == "4,5"
    assert rd.cell_text(None, rd.COUNT, 5) == "<5"
    assert rd.cell_text(None, rd.DAYS, None) == "—"
