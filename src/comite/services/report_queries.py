"""The SQL behind the reports: aggregates over the committees' sessions, on SQLite and PostgreSQL.

Every figure is a ``GROUP BY`` (counts) or a window function (percentiles)
run by the database; Python receives only the groups, at most a few thousand
rows even on a database of 200,000 cases, and rolls the finest ones up into
the coarser tables (levels by population, department and route come from one
grouping, not three passes over the decisions).

Business days in SQL: a temporary calendar table (:func:`business_calendar`)
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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    Table,
    and_,
    case,
    cast,
    extract,
    func,
    insert,
    literal_column,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from comite.domain import CommitmentStatus, DecisionOutcome, Route, SessionStatus
from comite.model import (
    Case,
    Commitment,
    CommitteeSession,
    Decision,
    EmergencyMeasure,
    Hearing,
    MeasureDecision,
    Vote,
)
from comite.rules.calendar import gvp_deadline, is_business_day, ordinary_route_deadline

EARLIEST = date(1990, 1, 1)
"""Dates before this are treated as typing errors: the calendar does not reach them."""

_calendar_meta = MetaData()
CALENDAR = Table(
    "report_calendar", _calendar_meta,
    Column("day", Date, primary_key=True),
    Column("ord", Integer, nullable=False),
    Column("gvp_deadline", Date, nullable=False),
    Column("route_deadline", Date, nullable=False),
    prefixes=["TEMPORARY"],
)


@dataclass(frozen=True)
class Scope:
    """Which sessions a report covers: the committees and the period (both ends included)."""

    committee_ids: tuple[int, ...]
    start: date | None
    end: date | None

    def sessions(self, stmt: Select, *, cancelled: bool = False) -> Select:
        """``stmt`` (which joins ``committee_session``) limited to the scope."""
        s = CommitteeSession
        stmt = stmt.where(s.committee_id.in_(self.committee_ids))
        if not cancelled:
            stmt = stmt.where(s.status != SessionStatus.CANCELADA.value)
        if self.start is not None:
            stmt = stmt.where(s.day >= self.start)
        if self.end is not None:
            stmt = stmt.where(s.day <= self.end)
        return stmt


def _month(col: Any) -> Any:
    """``year * 100 + month`` of a date column (``extract`` works on both engines)."""
    return cast(extract("year", col), Integer) * 100 + cast(extract("month", col), Integer)


# --- counts ------------------------------------------------------------------------------------------

def sessions_by_status(s: Session, scope: Scope) -> list[tuple[int, int, str, str, int]]:
    """(committee id, month, status, session type, sessions), cancelled ones included."""
    cs = CommitteeSession
    month = _month(cs.day).label("month")
    stmt = select(cs.committee_id, month, cs.status, cs.session_type, func.count(cs.id))
    stmt = scope.sessions(stmt, cancelled=True).group_by(cs.committee_id, month, cs.status, cs.session_type)
    return [tuple(r) for r in s.execute(stmt)]


def hearings_by_outcome(s: Session, scope: Scope) -> list[tuple[int, int, str | None, int]]:
    """(committee id, month, decision outcome or None, hearings): cases treated in session."""
    cs, h, d = CommitteeSession, Hearing, Decision
    month = _month(cs.day).label("month")
    stmt = (select(cs.committee_id, month, d.outcome, func.count(h.id))
            .select_from(h).join(cs, cs.id == h.session_id).outerjoin(d, d.hearing_id == h.id))
    stmt = scope.sessions(stmt).group_by(cs.committee_id, month, d.outcome)
    return [tuple(r) for r in s.execute(stmt)]


def votes_by_committee(s: Session, scope: Scope) -> dict[int, int]:
    cs, h, v = CommitteeSession, Hearing, Vote
    stmt = (select(cs.committee_id, func.count(v.id))
            .select_from(v).join(h, h.id == v.hearing_id).join(cs, cs.id == h.session_id))
    return dict(s.execute(scope.sessions(stmt).group_by(cs.committee_id)).all())


def measures_by_type(s: Session, scope: Scope) -> list[tuple[int, int, str, str, int, int]]:
    """(committee id, month, measure code, action, measures, units)."""
    cs, h, d, m = CommitteeSession, Hearing, Decision, MeasureDecision
    month = _month(cs.day).label("month")
    stmt = (select(cs.committee_id, month, m.measure_code, m.action, func.count(m.id),
                   func.coalesce(func.sum(m.quantity), 0))
            .select_from(m).join(d, d.id == m.decision_id).join(h, h.id == d.hearing_id)
            .join(cs, cs.id == h.session_id))
    stmt = scope.sessions(stmt).group_by(cs.committee_id, month, m.measure_code, m.action)
    return [tuple(r) for r in s.execute(stmt)]


def levels(s: Session, scope: Scope) -> list[tuple[int, str | None, str | None, str, str, int]]:
    """(committee id, population, department, route, level, decisions) of the cases decided
    (outcome *decidido*) with a risk level."""
    cs, h, d, c = CommitteeSession, Hearing, Decision, Case
    stmt = (select(cs.committee_id, c.population_code, c.department, c.route, d.risk_level, func.count(d.id))
            .select_from(d).join(h, h.id == d.hearing_id).join(cs, cs.id == h.session_id)
            .join(c, c.id == h.case_id)
            .where(d.outcome == DecisionOutcome.DECIDED.value, d.risk_level.is_not(None)))
    stmt = scope.sessions(stmt).group_by(cs.committee_id, c.population_code, c.department, c.route, d.risk_level)
    return [tuple(r) for r in s.execute(stmt)]


def commitments(s: Session, scope: Scope, today: date) -> list[tuple[int, str, bool, bool, int]]:
    """(committee id, status, overdue, fulfilled on time, commitments) opened in the scope's sessions.

    Overdue: still pending and due before ``today``. On time: fulfilled on or before its due date
    (or with no due date)."""
    cs, k = CommitteeSession, Commitment
    pending, done = CommitmentStatus.PENDIENTE.value, CommitmentStatus.CUMPLIDO.value
    overdue = case((and_(k.status == pending, k.due_date < today), 1), else_=0).label("overdue")
    on_time = case((and_(k.status == done, (k.due_date.is_(None)) | (k.closed_on <= k.due_date)), 1),
                   else_=0).label("on_time")
    stmt = (select(k.committee_id, k.status, overdue, on_time, func.count(k.id))
            .select_from(k).join(cs, cs.id == k.origin_session_id))
    stmt = scope.sessions(stmt).group_by(k.committee_id, k.status, overdue, on_time)
    return [(cid, status, bool(o), bool(t), n) for cid, status, o, t, n in s.execute(stmt)]


def emergencies(s: Session, scope: Scope) -> list[tuple[int, bool, int]]:
    """(committee id, reported at a session, measures) adopted in the period."""
    e = EmergencyMeasure
    reported = case((e.reported_session_id.is_not(None), 1), else_=0).label("reported")
    stmt = select(e.committee_id, reported, func.count(e.id)).where(e.committee_id.in_(scope.committee_ids))
    if scope.start is not None:
        stmt = stmt.where(e.adopted_on >= scope.start)
    if scope.end is not None:
        stmt = stmt.where(e.adopted_on <= scope.end)
    return [(cid, bool(r), n) for cid, r, n in s.execute(stmt.group_by(e.committee_id, reported))]


# --- business days -------------------------------------------------------------------------------------

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


class business_calendar:  # noqa: N801 - used like a function: ``with business_calendar(s, scope):``
    """A temporary calendar table covering every date the timeliness figures compare.

    From the earliest study received or request of a case decided in the scope
    (not before :data:`EARLIEST`) to the last session day of the scope.
    """

    def __init__(self, s: Session, scope: Scope) -> None:
        self.s = s
        self.scope = scope

    def __enter__(self) -> Table | None:
        conn = self.s.connection()
        CALENDAR.drop(conn, checkfirst=True)
        cs, h, c = CommitteeSession, Hearing, Case
        bounds = self.s.execute(self.scope.sessions(
            select(func.min(c.study_received), func.min(c.request_date), func.max(cs.day))
            .select_from(h).join(cs, cs.id == h.session_id).join(c, c.id == h.case_id))).one()
        starts = [d for d in bounds[:2] if d is not None]
        if not starts or bounds[2] is None:
            return None
        first = max(min(starts), EARLIEST)
        CALENDAR.create(conn)
        rows = calendar_rows(first, max(bounds[2], first))
        for i in range(0, len(rows), 5000):
            conn.execute(insert(CALENDAR), rows[i:i + 5000])
        return CALENDAR

    def __exit__(self, *exc: object) -> None:
        CALENDAR.drop(self.s.connection(), checkfirst=True)


@dataclass(frozen=True)
class Stage:
    """A legal term measured in the reports: from which case date, to which committees' decision."""

    key: str  # "gvp" | "ruta"
    term: int  # business days
    committee_ids: tuple[int, ...]


def _stage_rows(scope: Scope, stage: Stage, calendar: Table) -> Select:
    """Per decided hearing of the stage's committees: committee, business days, late (0/1),
    radicado and the three dates. A case decided twice counts twice (each decision is a term met
    or missed)."""
    cs, h, d, c = CommitteeSession, Hearing, Decision, Case
    start_cal, end_cal = calendar.alias("start_day"), calendar.alias("end_day")
    started = c.study_received if stage.key == "gvp" else c.request_date
    deadline = start_cal.c.gvp_deadline if stage.key == "gvp" else start_cal.c.route_deadline
    stmt = (select(cs.committee_id.label("grp"), (end_cal.c.ord - start_cal.c.ord).label("v"),
                   case((cs.day > deadline, 1), else_=0).label("late"), c.radicado.label("radicado"),
                   started.label("started"), deadline.label("deadline"), cs.day.label("decided"))
            .select_from(h).join(cs, cs.id == h.session_id).join(d, d.hearing_id == h.id)
            .join(c, c.id == h.case_id)
            .join(start_cal, start_cal.c.day == started).join(end_cal, end_cal.c.day == cs.day)
            .where(d.outcome == DecisionOutcome.DECIDED.value, started <= cs.day)
            .where(cs.committee_id.in_(stage.committee_ids)))
    if stage.key == "ruta":
        stmt = stmt.where(c.route == Route.ORDINARIA.value)
    return scope.sessions(stmt)


PERCENTILES = ((1, 2), (9, 10))
"""Median and 90th percentile, as exact fractions."""


@dataclass(frozen=True)
class Timeliness:
    cases: int
    late: int
    median: float | None
    p90: float | None


def _percentile_terms(rn: Any, n: Any, v: Any, num: int, den: int) -> Any:
    """``den`` times the ``num/den`` percentile of ``v`` (linear interpolation), as a sum over the
    window's rows: the rows at 0-based positions ``lo`` and ``lo + 1``, weighted."""
    lo = (n - 1) * num // den
    r = ((n - 1) * num) % den
    return func.sum(case((rn == lo + 1, v * (den - r)), (rn == lo + 2, v * r), else_=0))


def timeliness(s: Session, scope: Scope, stage: Stage, calendar: Table, *,
               by_committee: bool) -> dict[int | None, Timeliness]:
    """Per committee (or ``None`` for all of them together) the cases, late ones, median and p90."""
    base = _stage_rows(scope, stage, calendar).subquery("stage_rows")
    grp = base.c.grp if by_committee else literal_column("0")
    window = {"partition_by": grp} if by_committee else {}
    ranked = select(
        grp.label("grp"), base.c.v, base.c.late,
        func.row_number().over(order_by=base.c.v, **window).label("rn"),
        func.count().over(**window).label("n"),
    ).subquery("ranked")
    rn, n, v = ranked.c.rn, ranked.c.n, ranked.c.v
    stmt = select(ranked.c.grp, func.max(n), func.sum(ranked.c.late),
                  *(_percentile_terms(rn, n, v, num, den) for num, den in PERCENTILES)).group_by(ranked.c.grp)
    out: dict[int | None, Timeliness] = {}
    for group, cases, late, *sums in s.execute(stmt):
        values = [float(total) / den for total, (_num, den) in zip(sums, PERCENTILES, strict=True)]
        out[group if by_committee else None] = Timeliness(int(cases), int(late or 0), *values)
    return out


def days_distribution(s: Session, scope: Scope, stage: Stage, calendar: Table,
                      bins: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Cases per bin of business days: ``{bin index: cases}`` for ``bins`` of (low, high) days,
    both ends included (the last bin's ``high`` may be huge)."""
    base = _stage_rows(scope, stage, calendar).subquery("stage_rows")
    index = case(*((and_(base.c.v >= lo, base.c.v <= hi), i) for i, (lo, hi) in enumerate(bins)), else_=-1)
    stmt = select(index.label("bin"), func.count()).group_by(index)
    return {int(b): int(n) for b, n in s.execute(stmt) if b is not None and b >= 0}


def late_cases(s: Session, scope: Scope, stage: Stage, calendar: Table, limit: int) -> list[Any]:
    """The cases decided after the deadline, the latest first: (committee id, business days, radicado,
    started, deadline, decided)."""
    base = _stage_rows(scope, stage, calendar).subquery("stage_rows")
    stmt = (select(base.c.grp, base.c.v, base.c.radicado, base.c.started, base.c.deadline, base.c.decided)
            .where(base.c.late == 1).order_by(base.c.v.desc(), base.c.radicado).limit(limit))
    return list(s.execute(stmt))
