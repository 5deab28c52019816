"""The report's queries use the indexes of revision 0007 (EXPLAIN QUERY PLAN on SQLite): the decided cases'
levels and terms read outcome and level from ``ix_decision_report``, measures come from
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


def test_per_session_counts_stream_from_the_session_index(database):
    (plan,) = _plans(database, lambda s: q.per_session(s, SCOPE))
    assert "COVERING INDEX ix_hearing_session_id" in plan, plan
    # one probe per hearing into its decision (an IN over the outcomes would probe ix_decision_report
    # once per outcome)
    assert "decision USING INDEX sqlite_autoindex_decision_1 (hearing_id=?)" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # GROUP BY committee, session follows the index order


def test_measures_and_votes_come_from_indexes(database):
    (measures,) = _plans(database, lambda s: q.measures_by_session(s, SCOPE))
    assert "COVERING INDEX ix_measure_decision_report" in measures, measures
    (votes,) = _plans(database, lambda s: q.votes_by_committee(s, SCOPE))
    assert "COVERING INDEX ix_vote_hearing_id" in votes, votes


def test_the_level_cube_reads_decisions_from_the_index(database):
    (plan,) = _plans(database, lambda s: q.level_cube(s, SCOPE))
    assert "COVERING INDEX ix_decision_report (hearing_id=? AND outcome=?" in plan, plan


def test_the_earliest_request_is_an_index_lookup(database):
    (plan,) = _plans(database, lambda s: s.execute(select(func.min(Case.request_date))))
    assert "ix_case_file_request_date" in plan, plan


def test_the_decided_cases_pass_reads_decisions_from_the_index(database):
    gvp, route = q.Stage("gvp", 5, (1,)), q.Stage("ruta", 30, (2, 3, 4, 5, 6))

    def run(s):
        with q.decided_cases(s, SCOPE, gvp, route):
            pass

    plans = _plans(database, run)
    decided = next(p for p in plans if "case_file" in p and "decision" in p)
    assert "ix_decision_report" in decided, decided
