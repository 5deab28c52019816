"""What the reports read: one row per hearing, kept by the database itself (revision 0009).

A report over a year reads some 300,000 hearings. Read through the hearing,
its decision, its votes and its case, each row costs four index probes into
large tables (the case's row carries encrypted text); read from this table,
it is one range of narrow rows per session. The table holds no fact of its
own: every column is a copy of, or a count over, the rows it is made from.

Nothing in the program writes it. Triggers on ``hearing``, ``decision``,
``vote`` and ``case_file`` (:mod:`comite.storage.report_facts`) rebuild a
hearing's row whenever one of those rows changes, in the same transaction, on
SQLite and on PostgreSQL, so a service cannot forget it and a rolled-back
write leaves it as it was. :func:`comite.storage.report_facts.stale_rows`
compares it with a recomputation (tests, ``comite selfcheck``) and
:func:`comite.storage.report_facts.rebuild` recomputes it (the migration).
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, Integer, String, Table

from comite.model.base import Base

report_hearing = Table(
    "report_hearing", Base.metadata,
    # clustered by session on SQLite (WITHOUT ROWID): a report reads a period's sessions, and
    # each session's hearings are then one contiguous range
    Column("session_id", Integer, primary_key=True),
    Column("hearing_id", Integer, primary_key=True),
    Column("case_id", Integer, nullable=False),
    Column("decision_id", Integer),  # NULL: no decision recorded yet
    Column("outcome", String(20)),
    Column("risk_level", String(20)),
    Column("population_code", String(20)),
    Column("department", String(80)),
    Column("route", String(30), nullable=False),
    Column("study_received", Date),
    Column("request_date", Date),
    Column("votes", Integer, nullable=False),
    Index("ux_report_hearing_hearing_id", "hearing_id", unique=True),
    Index("ix_report_hearing_case_id", "case_id"),
    # the levels by population, department and route read in this order: grouped as they stream,
    # without sorting the period's decided cases (report_queries.level_cube)
    Index("ix_report_hearing_levels", "outcome", "population_code", "department", "route", "risk_level",
          "session_id"),
    sqlite_with_rowid=False,
)
"""One row per hearing: its session, case and decision, the decision's outcome and level, the
case's population, department, route and the two dates its legal terms run from, and how
many votes were cast."""
