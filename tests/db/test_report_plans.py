"""The report's queries read what revisions 0007 and 0009 made for them (EXPLAIN QUERY PLAN on SQLite): the
counts per session, the decided cases' levels and terms come from each session's range of the fact table
``report_hearing`` and never probe hearing, decision, vote or case rows; measures come from
``ix_measure_decision_report``, the earliest request from ``ix_case_file_request_date``, and the per-session
counts stream without a temporary sort."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from comite.model import Case
from comite.services import report_queries as q

pytestmark = pytest.mark.sqlite_only

SCOPE = q.Scope((1, 2, 3, 4, 5, 6), date(2025, 11, 21), date(2026, 11, 20))


class _Plans:
    """Records the plan of every statement a report query runs."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.plans: list[str] = []

    def execute(self, statement, *args, **kwargs):
        if hasattr(statement, "compile") and not str(statement).lstrip().upper().startswith(("PRAGMA", "DROP")):
            sql = str(statement.compile(self.session.get_bind(), compile_kwargs={"literal_binds": True}))
            rows = self.session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()
            self.plans.append(" | ".join(r[3] for r in rows))
        return self.session.execute(statement, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.session, name)


def _plans(database, fn) -> list[str]:
    with Session(database.engine) as s:
        spy = _Plans(s)
        fn(spy)
        return spy.plans


def test_per_session_counts_stream_from_the_fact_table(database):
    (plan,) = _plans(database, lambda s: q.per_session(s, SCOPE))
    # each session's hearings are one range of the fact table's primary key (clustered by session):
    # no probe into hearing, decision or vote
    assert "SEARCH report_hearing USING PRIMARY KEY (session_id=?)" in plan, plan
    assert not any(f" {t} " in f" {plan} " for t in ("hearing", "decision", "vote", "case_file")), plan
    assert "TEMP B-TREE" not in plan, plan  # GROUP BY committee, session follows the index order


def test_measures_come_from_the_fact_table_and_their_covering_index(database):
    (plan,) = _plans(database, lambda s: q.measures_by_session(s, SCOPE))
    assert "SEARCH report_hearing USING PRIMARY KEY (session_id=?)" in plan, plan
    assert "COVERING INDEX ix_measure_decision_report" in plan, plan
    assert " decision " not in f" {plan} ", plan


def test_the_level_cube_streams_from_its_covering_index_without_sorting(database):
    (plan,) = _plans(database, lambda s: q.level_cube(s, SCOPE))
    assert "COVERING INDEX ix_report_hearing_levels (outcome=?)" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # grouped in the index's order
    assert not any(f" {t} " in f" {plan} " for t in ("hearing", "decision", "case_file")), plan


def test_the_earliest_request_is_an_index_lookup(database):
    (plan,) = _plans(database, lambda s: s.execute(select(func.min(Case.request_date))))
    assert "ix_case_file_request_date" in plan, plan


def test_the_decided_cases_pass_reads_only_the_fact_table_and_the_calendar(database):
    gvp, route = q.Stage("gvp", 5, (1,)), q.Stage("ruta", 30, (2, 3, 4, 5, 6))

    def run(s):
        with q.decided_cases(s, SCOPE, gvp, route):
            pass

    plans = _plans(database, run)
    decided = next(p for p in plans if "report_hearing" in p)
    assert "SEARCH report_hearing USING PRIMARY KEY (session_id=?)" in decided, decided
    assert not any(f" {t} " in f" {decided} " for t in ("hearing", "decision", "case_file")), decided
