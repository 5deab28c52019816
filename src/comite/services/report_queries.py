"""The SQL behind the reports: aggregates over the committees' sessions, on SQLite and PostgreSQL.

Every figure is a ``GROUP BY`` (counts) or a window function (percentiles)
run by the database; Python receives only the groups, at most a few thousand
rows even on a database of 200,000 cases, and rolls the finest ones up into
the coarser tables (levels by population, department and route come from one
grouping, not three passes over the decisions).

What is counted per case in session (outcome, level, votes, the case's
population, department, route and term dates) is read from the fact table
:data:`comite.model.report_hearing`, one narrow row per hearing that database
triggers keep current (:mod:`comite.storage.report_facts`), a contiguous range
per session; only measures, commitments, emergency measures and the radicados
of the late cases listed are read from their own tables.

Business days in SQL: a temporary calendar table (:func:`calendar_rows`)
holds, for every day the figures touch, its business-day ordinal (how many
Colombian business days there are up to and including it, from
:mod:`comite.rules.calendar`) and the last day of the GVP's and the whole
route's terms when triggered that day (:func:`~comite.rules.calendar.gvp_deadline`,
:func:`~comite.rules.calendar.ordinary_route_deadline`). The business days
between two dates are then the difference of their ordinals (what
:func:`~comite.rules.calendar.business_days_between` computes), and "late" is
"decided after the deadline": the same answers as the rules, by construction.

Percentiles: ``percentile_cont`` exists on PostgreSQL only, so both engines
use ``ROW_NUMBER()`` and ``COUNT(*)`` over a window and pick the one or two
rows around the percentile's position, interpolated linearly (the same value
``percentile_cont`` and ``statistics.quantiles(method="inclusive")`` give).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVarTuple

from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    Table,
    and_,
    case,
    func,
    insert,
    literal,
    literal_column,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable, Select

from comite.domain import CommitmentStatus, DecisionOutcome, RiskLevel, Route, SessionStatus
from comite.model import (
    Case,
    Commitment,
    CommitteeSession,
    EmergencyMeasure,
    Hearing,
    MeasureDecision,
    report_hearing,
)
from comite.rules.calendar import gvp_deadline, is_business_day, ordinary_route_deadline

EARLIEST = date(1990, 1, 1)
"""Dates before this are treated as typing errors: the calendar does not reach them."""

_temp_meta = MetaData()
CALENDAR = Table(
    "report_calendar", _temp_meta,
    Column("day", Date, primary_key=True),
    Column("ord", Integer, nullable=False),
    Column("gvp_deadline", Date, nullable=False),
    Column("route_deadline", Date, nullable=False),
    prefixes=["TEMPORARY"],
)


_Ts = TypeVarTuple("_Ts")


@dataclass(frozen=True)
class Scope:
    """Which sessions a report covers: the committees and the period (both ends included)."""

    committee_ids: tuple[int, ...]
    start: date | None
    end: date | None

    def sessions(self, stmt: Select[*_Ts], *, cancelled: bool = False) -> Select[*_Ts]:
        """``stmt`` (which joins ``committee_session``) limited to the scope."""
        s = CommitteeSession
        stmt = stmt.where(s.committee_id.in_(self.committee_ids))
        if not cancelled:
            stmt = stmt.where(s.status != SessionStatus.CANCELADA)
        if self.start is not None:
            stmt = stmt.where(s.day >= self.start)
        if self.end is not None:
            stmt = stmt.where(s.day <= self.end)
        return stmt


# --- counts ------------------------------------------------------------------------------------------

_OUTCOMES = tuple(o.value for o in DecisionOutcome)
_LEVELS = tuple(level.value for level in RiskLevel)


@dataclass(frozen=True)
class SessionCounts:
    """What one session of the scope holds, counted by the database."""

    committee_id: int
    session_id: int
    day: date
    status: str
    session_type: str
    hearings: int
    votes: int  # cast in its hearings, decided or not
    outcomes: dict[str, int]  # decision outcome -> hearings
    levels: dict[str, int]  # risk level -> hearings decided (outcome *decidido*) with that level


@contextmanager
def tuned(s: Session) -> Iterator[None]:
    """On SQLite, a larger page cache and memory-mapped reads while a report reads a year of rows
    at random (the defaults, 2 MiB and none, suit the application's small reads); restored after."""
    if s.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = s.connection()
    before = {name: int(conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()) for name in _PRAGMAS}
    for name, value in _PRAGMAS.items():
        conn.exec_driver_sql(f"PRAGMA {name}={value}")
    try:
        yield
    finally:
        for name, old in before.items():
            conn.exec_driver_sql(f"PRAGMA {name}={old}")


_PRAGMAS = {"cache_size": -65536, "mmap_size": 256 * 1024 * 1024}


def _rows(s: Session, stmt: Executable) -> list[Any]:
    """The rows of ``stmt``. The reports' selects are wider than SQLAlchemy's typed overloads, so
    their rows are untyped: each caller converts the values it returns."""
    return list(s.execute(stmt))


def _flag(condition: Any) -> Any:
    return case((condition, 1), else_=0)


def per_session(s: Session, scope: Scope) -> list[SessionCounts]:
    """Every session of the scope (cancelled ones too) with its counts.

    One pass: the sessions (by committee, then id, as the committee index returns them, so the
    ``GROUP BY`` streams without sorting) and each session's range of the reports' fact table
    (:data:`comite.model.report_hearing`: outcome, level and votes of every hearing, one narrow row
    each). Measures: :func:`measures_by_session`.
    """
    cs, f = CommitteeSession, report_hearing.c
    decided = f.outcome == DecisionOutcome.DECIDED.value
    stmt = (select(cs.committee_id, cs.id, cs.day, cs.status, cs.session_type, func.count(f.hearing_id),
                   func.coalesce(func.sum(f.votes), 0),
                   *(func.sum(_flag(f.outcome == o)) for o in _OUTCOMES),
                   *(func.sum(_flag(and_(decided, f.risk_level == level))) for level in _LEVELS))
            .select_from(cs).outerjoin(report_hearing, f.session_id == cs.id))
    stmt = scope.sessions(stmt, cancelled=True).group_by(cs.committee_id, cs.id)
    out = []
    n_out, n_lev = len(_OUTCOMES), len(_LEVELS)
    for row in _rows(s, stmt):
        cid, sid, day, status, kind, hearings, votes = row[:7]
        outcomes = row[7:7 + n_out]
        levels = row[7 + n_out:7 + n_out + n_lev]
        out.append(SessionCounts(cid, sid, day, status, kind, int(hearings), int(votes),
                                 {o: int(n or 0) for o, n in zip(_OUTCOMES, outcomes, strict=True)},
                                 {lv: int(n or 0) for lv, n in zip(_LEVELS, levels, strict=True)}))
    return out


def measures_by_session(s: Session, scope: Scope) -> list[tuple[int, str, str, int, int]]:
    """(session id, measure code, action, measures, units) of the decisions in the scope's sessions
    (the by-committee and monthly counts are sums of these groups, through the session's committee
    and day). From the sessions down: each session's range of the fact table, its decisions'
    measures from their covering index, grouped by an integer and two short codes."""
    cs, f, m = CommitteeSession, report_hearing.c, MeasureDecision
    stmt = (select(cs.id, m.measure_code, m.action, func.count(), func.coalesce(func.sum(m.quantity), 0))
            .select_from(cs).join(report_hearing, f.session_id == cs.id)
            .join(m, m.decision_id == f.decision_id))
    stmt = scope.sessions(stmt).group_by(cs.id, m.measure_code, m.action)
    return [(sid, code, action, int(n), int(units)) for sid, code, action, n, units in _rows(s, stmt)]


def commitments(s: Session, scope: Scope, today: date) -> list[tuple[int, str, bool, bool, int]]:
    """(committee id, status, overdue, fulfilled on time, commitments) opened in the scope's sessions.

    Overdue: still pending and due before ``today``. On time: fulfilled on or before its due date
    (or with no due date)."""
    cs, k = CommitteeSession, Commitment
    pending, done = CommitmentStatus.PENDIENTE, CommitmentStatus.CUMPLIDO
    overdue = case((and_(k.status == pending, k.due_date < today), 1), else_=0).label("overdue")
    on_time = case((and_(k.status == done, (k.due_date.is_(None)) | (k.closed_on <= k.due_date)), 1),
                   else_=0).label("on_time")
    stmt = (select(k.committee_id, k.status, overdue, on_time, func.count(k.id))
            .select_from(k).join(cs, cs.id == k.origin_session_id))
    stmt = scope.sessions(stmt).group_by(k.committee_id, k.status, overdue, on_time)
    return [(cid, status, bool(o), bool(t), int(n)) for cid, status, o, t, n in _rows(s, stmt)]


def emergencies(s: Session, scope: Scope) -> list[tuple[int, bool, int]]:
    """(committee id, reported at a session, measures) adopted in the period."""
    e = EmergencyMeasure
    reported = case((e.reported_session_id.is_not(None), 1), else_=0).label("reported")
    stmt = select(e.committee_id, reported, func.count(e.id)).where(e.committee_id.in_(scope.committee_ids))
    if scope.start is not None:
        stmt = stmt.where(e.adopted_on >= scope.start)
    if scope.end is not None:
        stmt = stmt.where(e.adopted_on <= scope.end)
    return [(cid, bool(r), int(n)) for cid, r, n in _rows(s, stmt.group_by(e.committee_id, reported))]


# --- decided cases: levels by the case's attributes and timeliness -------------------------------------

def calendar_rows(first: date, last: date) -> list[dict[str, Any]]:
    """One row per day from ``first`` to ``last``: its business-day ordinal and the two deadlines."""
    rows, ordinal = [], 0
    day = first
    while day <= last:
        ordinal += is_business_day(day)
        rows.append({"day": day, "ord": ordinal, "gvp_deadline": gvp_deadline(day),
                     "route_deadline": ordinary_route_deadline(day)})
        day += timedelta(days=1)
    return rows


FACTS = Table(
    "report_decided", _temp_meta,
    Column("stage", Integer, nullable=False),  # Stage.number; integers group fast in SQLite
    Column("grp", Integer, nullable=False),  # committee id
    Column("v", Integer, nullable=False),  # business days from the case's start date to the decision
    Column("late", Integer, nullable=False),
    Column("hearing_id", Integer, nullable=False),
    prefixes=["TEMPORARY"],
)
FREQUENCIES = Table(
    "report_days", _temp_meta,
    Column("stage", Integer, nullable=False),
    Column("grp", Integer, nullable=False),
    Column("v", Integer, nullable=False),
    Column("late", Integer, nullable=False),
    Column("n", Integer, nullable=False),
    prefixes=["TEMPORARY"],
)
_TEMPORARY = (FREQUENCIES, FACTS, CALENDAR)


@dataclass(frozen=True)
class Stage:
    """A legal term measured in the reports: from which case date, to which committees' decision."""

    key: str  # "gvp" | "ruta"
    term: int  # business days
    committee_ids: tuple[int, ...]

    @property
    def number(self) -> int:
        """How the temporary tables store the stage (an integer: they group faster than text)."""
        return 1 if self.key == "gvp" else 2


def _stage_started(gvp: Stage, route: Stage) -> tuple[Any, Any]:
    """(stage number, the case date its term runs from) of a decided hearing, as SQL expressions over
    ``committee_session`` and the fact table; NULL when no term is measured (a CERREM case outside
    the ordinary route)."""
    cs, f = CommitteeSession, report_hearing.c
    in_gvp = cs.committee_id.in_(gvp.committee_ids or (-1,))
    on_route = and_(cs.committee_id.in_(route.committee_ids or (-1,)), f.route == Route.ORDINARIA.value)
    return (case((in_gvp, literal(gvp.number)), (on_route, literal(route.number)), else_=None),
            case((in_gvp, f.study_received), (on_route, f.request_date), else_=None))


class decided_cases:  # noqa: N801 - used like a function: ``with decided_cases(s, scope, gvp, route):``
    """The timeliness of the scope's decided cases (outcome *decidido*), read once into temporary tables.

    One pass over the fact table's decided hearings joins each, through a temporary
    calendar (:func:`calendar_rows`), to the business days its term took: the
    GVP's from the study received, the whole route's (ordinary route, CERREM or
    special committee) from the request. Only integers are kept (stage,
    committee, business days, late, hearing), so the frequencies
    (:func:`timeliness`, :func:`days_distribution`) group integers, and the late
    cases (:meth:`late_cases`) read back their radicados and dates for the few
    listed. The levels by the cases' attributes are :func:`level_cube`. The
    tables are dropped on exit.
    """

    def __init__(self, s: Session, scope: Scope, gvp: Stage, route: Stage) -> None:
        self.s, self.scope, self.gvp, self.route = s, scope, gvp, route

    def __enter__(self) -> decided_cases:
        s, scope = self.s, self.scope
        self._drop()
        conn = s.connection()
        for table in reversed(_TEMPORARY):
            table.create(conn)
        cs, c, f = CommitteeSession, Case, report_hearing.c
        # the calendar spans from the earliest study or request on record (both indexed) to the
        # scope's last session: a few thousand days, cheaper than finding the exact span
        first = s.scalar(select(func.min(c.study_received)))
        first_request = s.scalar(select(func.min(c.request_date)))
        last = s.scalar(scope.sessions(select(func.max(cs.day))))
        starts = [d for d in (first, first_request) if d is not None]
        if starts and last is not None:
            first = max(min(starts), EARLIEST)
            days = calendar_rows(first, max(last, first))
            for i in range(0, len(days), 5000):
                conn.execute(insert(CALENDAR), days[i:i + 5000])
        stage, started = _stage_started(self.gvp, self.route)
        end_cal = CALENDAR.alias("end_day")
        # the session day's ordinal is joined to the session (one look-up per session, not per case);
        # the outcome is compared as an expression, which no index answers: otherwise SQLite reads every
        # decided case on record in ix_report_hearing_levels' order with a look-up each (~4 times slower
        # than each session's range here, which also needs the dates the index does not hold)
        decided_only = func.coalesce(f.outcome, "") == DecisionOutcome.DECIDED.value
        decided_q = (select(f.hearing_id.label("hearing_id"), cs.committee_id.label("grp"),
                            cs.day.label("decided"), end_cal.c.ord.label("end_ord"), stage.label("stage"),
                            started.label("started"))
                     .select_from(cs).join(end_cal, end_cal.c.day == cs.day)
                     .join(report_hearing, and_(f.session_id == cs.id, decided_only)))
        decided = scope.sessions(decided_q).subquery("decided")
        start_cal = CALENDAR.alias("start_day")
        deadline = case((decided.c.stage == self.gvp.number, start_cal.c.gvp_deadline),
                        else_=start_cal.c.route_deadline)
        # a start date outside the calendar (before EARLIEST, a typing error) or after the decision
        # is not measured
        facts = (select(decided.c.stage, decided.c.grp, decided.c.end_ord - start_cal.c.ord,
                        case((decided.c.decided > deadline, 1), else_=0), decided.c.hearing_id)
                 .select_from(decided).join(start_cal, start_cal.c.day == decided.c.started)
                 .where(decided.c.stage.is_not(None), decided.c.started <= decided.c.decided))
        s.execute(insert(FACTS).from_select(["stage", "grp", "v", "late", "hearing_id"], facts))
        f = FACTS.c
        s.execute(insert(FREQUENCIES).from_select(
            ["stage", "grp", "v", "late", "n"],
            select(f.stage, f.grp, f.v, f.late, func.count()).group_by(f.stage, f.grp, f.v, f.late)))
        return self

    def _drop(self) -> None:
        conn = self.s.connection()
        for table in _TEMPORARY:
            table.drop(conn, checkfirst=True)

    def __exit__(self, *exc: object) -> None:
        self._drop()

    # -- what is read from them ---------------------------------------------------------------------

    def timeliness(self, stage: Stage, *, by_committee: bool) -> dict[int | None, Timeliness]:
        """Per committee (or ``None`` for all together): cases, late ones, median and 90th percentile."""
        return timeliness(self.s, stage, by_committee=by_committee)

    def days_distribution(self, stage: Stage, bins: Sequence[tuple[int, int]]) -> dict[int, int]:
        """Cases per bin of business days, ``{bin index: cases}``, for ``bins`` of (low, high) days
        (both ends included)."""
        f = FREQUENCIES.c
        index = case(*((and_(f.v >= lo, f.v <= hi), i) for i, (lo, hi) in enumerate(bins)), else_=-1)
        stmt = select(index.label("bin"), func.sum(f.n)).where(f.stage == stage.number).group_by(index)
        return {int(b): int(n) for b, n in _rows(self.s, stmt) if b is not None and b >= 0}

    def late_cases(self, stage: Stage, limit: int) -> list[Any]:
        """The cases decided after the deadline, most business days first: (committee id, business
        days, radicado, started, deadline, decided). Their dates are read back for these only."""
        f, h, c, cs = FACTS.c, Hearing, Case, CommitteeSession
        top = (select(f.grp, f.v, f.hearing_id)
               .where(f.stage == stage.number, f.late == 1)
               .order_by(f.v.desc(), f.hearing_id).limit(limit).subquery("top"))
        started = c.study_received if stage.key == "gvp" else c.request_date
        start_cal = CALENDAR.alias("start_day")
        deadline = start_cal.c.gvp_deadline if stage.key == "gvp" else start_cal.c.route_deadline
        stmt = (select(top.c.grp, top.c.v, c.radicado, started, deadline, cs.day)
                .select_from(top).join(h, h.id == top.c.hearing_id).join(c, c.id == h.case_id)
                .join(cs, cs.id == h.session_id).join(start_cal, start_cal.c.day == started)
                .order_by(top.c.v.desc(), c.radicado))
        return list(self.s.execute(stmt))


def level_cube(s: Session, scope: Scope) -> list[tuple[str | None, str | None, str, str, int]]:
    """(population, department, route, level, decisions) of the scope's decided cases with a level,
    by the case's attributes.

    Read from the fact table's ``ix_report_hearing_levels`` (outcome, population, department, route,
    level, session), whose order is the grouping's: the ``GROUP BY`` streams without sorting, and each
    entry's session is checked against the scope's (a list built once). Its cost follows the decided
    cases on record rather than the period's (~0.2 µs each on SQLite), where reading the period's
    sessions and sorting what they decided costs ~2 µs per case: a year of 300,000 decided cases,
    ~110 ms instead of ~600.
    """
    cs, f = CommitteeSession, report_hearing.c
    sessions = scope.sessions(select(cs.id))
    stmt = (select(f.population_code, f.department, f.route, f.risk_level, func.count())
            .where(f.outcome == DecisionOutcome.DECIDED.value, f.risk_level.is_not(None), f.session_id.in_(sessions))
            .group_by(f.population_code, f.department, f.route, f.risk_level))
    return [(population, department, route, level, int(n))
            for population, department, route, level, n in _rows(s, stmt)]


PERCENTILES = ((1, 2), (9, 10))
"""Median and 90th percentile, as exact fractions."""


@dataclass(frozen=True)
class Timeliness:
    cases: int
    late: int
    median: float | None
    p90: float | None


def timeliness(s: Session, stage: Stage, *, by_committee: bool) -> dict[int | None, Timeliness]:
    """Percentiles from the frequency table (business days -> cases), with window functions.

    The ``num/den`` percentile of ``n`` sorted values, linearly interpolated, is
    ``(x[lo] * (den - r) + x[lo + 1] * r) / den`` with ``lo = (n - 1) * num // den`` and
    ``r = (n - 1) * num % den`` (0-based positions). Over frequencies, ``x[k]`` is the
    smallest value whose running count exceeds ``k``.
    """
    f = FREQUENCIES.c
    keys = (f.grp, f.v) if by_committee else (f.v,)
    per_value = (select(*keys, func.sum(f.n).label("n"), func.sum(f.n * f.late).label("late"))
                 .where(f.stage == stage.number).group_by(*keys).subquery("per_value"))
    grouping = (per_value.c.grp,) if by_committee else ()
    partition = per_value.c.grp if by_committee else None
    running = select(
        *grouping, per_value.c.v, per_value.c.late,
        func.sum(per_value.c.n).over(partition_by=partition, order_by=per_value.c.v, rows=(None, 0)).label("cum"),
        func.sum(per_value.c.n).over(partition_by=partition).label("total"),
    ).subquery("running")
    cum, total, v = running.c.cum, running.c.total, running.c.v
    picks = []
    for num, den in PERCENTILES:
        lo = (total - 1) * num // den
        picks += [func.min(case((cum > lo, v), else_=None)), func.min(case((cum > lo + 1, v), else_=None))]
    stmt = select(running.c.grp if by_committee else literal_column("NULL"), func.max(total),
                  func.sum(running.c.late), *picks)
    # one row per committee, or one row over all of them (none when there are no cases)
    stmt = stmt.group_by(running.c.grp) if by_committee else stmt.having(func.count() > 0)
    out: dict[int | None, Timeliness] = {}
    for group, count, late, *values in _rows(s, stmt):
        cases = int(count)
        results = []
        for k, (num, den) in enumerate(PERCENTILES):
            low, high = values[2 * k], values[2 * k + 1]
            r = (cases - 1) * num % den
            results.append((low * (den - r) + (high if high is not None else low) * r) / den)
        out[group if by_committee else None] = Timeliness(cases, int(late or 0), *results)
    return out
