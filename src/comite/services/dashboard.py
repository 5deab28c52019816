"""Pending work at a glance: the queries behind the GUI's start page.

Four lists, each limited to the committees the acting user may read:

* cases waiting for the GVP beyond its term (5 business days after the study
  was received, :func:`comite.rules.calendar.gvp_deadline`) with no GVP
  decision taken since (a postponement does not count as one);
* measures whose revaluation date falls within the next 30 days (the measures
  of each case's latest adopted decision, not those it already superseded,
  and not the ones being suspended or finished);
* pending commitments past their due date;
* sessions whose acta awaits review (status *acta en revisión*).

Also the small look-ups lists need: the committees the user may pick, and the
display names of populations and measures. Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from comite.catalog.loader import load_installed_catalog
from comite.domain import CommitteeKind, DecisionOutcome, MeasureAction, SessionStatus, SessionType
from comite.model import (
    Case,
    Committee,
    CommitteeSession,
    Decision,
    Hearing,
    MeasureDecision,
    MeasureType,
    Population,
)
from comite.rules.calendar import business_days_between, gvp_deadline, gvp_overdue_cutoff
from comite.services import followup
from comite.services.chronology import chronology_sql
from comite.services.context import ServiceContext
from comite.services.permissions import Action, allowed, require

MEASURE_WINDOW_DAYS = 30
SHOWN_ROWS = 500
"""The most rows of each list :func:`dashboard` reads (the start page shows them; the title counts all)."""
_ENDING_ACTIONS = (MeasureAction.SUSPENDER, MeasureAction.FINALIZAR)

T = TypeVar("T")


@dataclass(frozen=True)
class CommitteeInfo:
    id: int
    code: str
    name: str
    short_name: str
    kind: CommitteeKind


@dataclass(frozen=True)
class GvpWaitingRow:
    case_id: int
    radicado: str
    study_received: date
    deadline: date
    business_days_late: int
    scheduled_session_id: int | None = None
    scheduled_on: date | None = None


@dataclass(frozen=True)
class MeasureDueRow:
    measure_id: int
    case_id: int
    radicado: str
    session_id: int
    committee_code: str
    committee_short: str
    measure_code: str
    measure_name: str
    quantity: int
    action: MeasureAction
    temporality_months: int | None
    revaluation_date: date
    days_left: int


@dataclass(frozen=True)
class OverdueCommitmentRow:
    id: int
    session_id: int
    committee_code: str
    committee_short: str
    origin: str
    description: str
    responsible: str
    due: date
    days_overdue: int


@dataclass(frozen=True)
class ActaReviewRow:
    session_id: int
    committee_code: str
    committee_short: str
    number: int
    year: int
    session_type: SessionType
    day: date


@dataclass(frozen=True)
class Listed(Generic[T]):
    """The first rows of a list, in its order (the most urgent first), and how many it has in all
    (``None``: more than the rows, not counted yet; see :func:`gvp_waiting_total`)."""

    rows: list[T] = field(default_factory=list)
    total: int | None = 0


@dataclass(frozen=True)
class Dashboard:
    """Each list holds at most the ``limit`` :func:`dashboard` was given, and its full count."""

    today: date
    gvp: Listed[GvpWaitingRow] = field(default_factory=Listed)
    measures: Listed[MeasureDueRow] = field(default_factory=Listed)
    commitments: Listed[OverdueCommitmentRow] = field(default_factory=Listed)
    actas: Listed[ActaReviewRow] = field(default_factory=Listed)

    @property
    def gvp_waiting(self) -> list[GvpWaitingRow]:
        return self.gvp.rows

    @property
    def measures_due(self) -> list[MeasureDueRow]:
        return self.measures.rows

    @property
    def overdue_commitments(self) -> list[OverdueCommitmentRow]:
        return self.commitments.rows

    @property
    def actas_in_review(self) -> list[ActaReviewRow]:
        return self.actas.rows


# --- committees ----------------------------------------------------------------------------------

def visible_committees(ctx: ServiceContext) -> list[CommitteeInfo]:
    """The committees whose sessions the actor may read (an administrator: all)."""
    require(ctx, Action.READ_CATALOG)
    with ctx.reading() as s:
        return [
            CommitteeInfo(c.id, c.code, c.name, c.short_name, CommitteeKind(c.kind))
            for c in s.scalars(select(Committee).order_by(Committee.id))
            if allowed(ctx, Action.READ_SESSION, c.id)
        ]


def _readable(ctx: ServiceContext, committee_code: str | None) -> dict[int, CommitteeInfo]:
    return {
        c.id: c for c in visible_committees(ctx)
        if committee_code is None or c.code == committee_code
    }


# --- the four lists ------------------------------------------------------------------------------

def dashboard(ctx: ServiceContext, committee_code: str | None = None, limit: int = SHOWN_ROWS, *,
              count_gvp: bool = True) -> Dashboard:
    """Everything the start page shows, for one committee or all the readable ones: the first
    ``limit`` rows of each list, most urgent first, and the count of each.

    Counting the cases waiting for the GVP is what costs (an anti-join over every case whose
    study was received: ~1 s at 200,000 cases); with ``count_gvp=False`` that count is left
    out when there are more than ``limit`` (``gvp.total`` is ``None``) for the caller to
    take afterwards with :func:`gvp_waiting_total`, so the lists show first."""
    require(ctx, Action.READ_SESSION)
    committees = _readable(ctx, committee_code)
    commitments = overdue_commitments(ctx, committees)
    actas = actas_in_review(ctx, committees)
    return Dashboard(
        today=ctx.today(),
        gvp=gvp_waiting(ctx, committees, limit, count=count_gvp),
        measures=measures_due(ctx, committees, limit=limit),
        commitments=Listed(commitments[:limit], len(commitments)),
        actas=Listed(actas[:limit], len(actas)),
    )


def gvp_waiting_total(ctx: ServiceContext, committee_code: str | None = None) -> int:
    """How many cases wait for the GVP beyond its term (what :func:`gvp_waiting` lists)."""
    require(ctx, Action.READ_SESSION)
    gvp_ids = _gvp_ids(_readable(ctx, committee_code))
    if not gvp_ids:
        return 0
    with ctx.reading() as s:
        return s.scalar(select(func.count()).select_from(_gvp_waiting_query(ctx, gvp_ids).subquery())) or 0


def _gvp_ids(committees: dict[int, CommitteeInfo]) -> list[int]:
    return [c.id for c in committees.values() if c.kind is CommitteeKind.GVP]


def gvp_waiting(ctx: ServiceContext, committees: dict[int, CommitteeInfo],
                limit: int = SHOWN_ROWS, *, count: bool = True) -> Listed[GvpWaitingRow]:
    """Cases whose study reached the GVP and that passed its 5-business-day term undecided:
    the ``limit`` that waited longest (oldest study first) and how many there are.

    The term is a business-day count, but it only grows with the day the study
    was received, so "term ended before today" is "received on or before
    :func:`gvp_overdue_cutoff`": one date computed here, then an indexed range
    in SQL. A case is still waiting unless a GVP session (not cancelled) decided
    it, other than postponing it, on or after the day its study was received.
    The count and the limit are taken in SQL: tens of thousands of cases may wait
    on a large database, and only the first rows are turned into Python objects.
    Without ``count``, the rows come from the oldest studies on and stop at ``limit``
    (fast), and the total is ``None`` if there are more.
    """
    gvp_ids = _gvp_ids(committees)
    if not gvp_ids:
        return Listed()
    today = ctx.today()
    query = _gvp_waiting_query(ctx, gvp_ids).order_by(Case.study_received, Case.id)
    with ctx.reading() as s:
        if count:
            counted = s.execute(query.add_columns(func.count().over()).limit(limit)).all()
            total: int | None = counted[0][3] if counted else 0
            late = [tuple(row[:3]) for row in counted]
        else:
            late = [tuple(row) for row in s.execute(query.limit(limit + 1)).all()]
            total = len(late) if len(late) <= limit else None
            late = late[:limit]
        if not late:
            return Listed()
        scheduled = _scheduled_at_gvp(s, gvp_ids, today, [row[0] for row in late])
    deadlines: dict[date, tuple[date, int]] = {}
    out = []
    for case_id, radicado, received in late:
        assert received is not None  # the query keeps cases whose study was received
        if received not in deadlines:
            deadline = gvp_deadline(received)
            deadlines[received] = (deadline, business_days_between(deadline, today))
        deadline, days_late = deadlines[received]
        sched = scheduled.get(case_id)
        out.append(GvpWaitingRow(
            case_id, radicado, received, deadline, days_late,
            sched[0] if sched else None, sched[1] if sched else None,
        ))
    return Listed(out, total)


def _gvp_waiting_query(ctx: ServiceContext, gvp_ids: list[int]) -> Select:
    """The cases :func:`gvp_waiting` lists (id, radicado, study received), unordered."""
    decided = (
        select(Hearing.id)
        .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
        .join(Decision, Decision.hearing_id == Hearing.id)
        .where(Hearing.case_id == Case.id)
        # "+ 0": on SQLite, with no statistics, an indexable committee_id would make the
        # planner walk every GVP session per case instead of the case's own hearings
        .where((CommitteeSession.committee_id + 0).in_(gvp_ids))
        .where(CommitteeSession.status != SessionStatus.CANCELADA)
        .where(Decision.outcome != DecisionOutcome.POSTPONED)
        .where(CommitteeSession.day >= Case.study_received)
    )
    return (
        select(Case.id, Case.radicado, Case.study_received)
        .where(Case.study_received.is_not(None), Case.study_received <= gvp_overdue_cutoff(ctx.today()))
        .where(~decided.exists())
    )


def _scheduled_at_gvp(s, gvp_ids: list[int], today: date, case_ids: list[int]) -> dict[int, tuple[int, date]]:
    """Per case of ``case_ids``, the first GVP session from today on (not cancelled) that has
    it on the agenda still undecided: (session id, day)."""
    rows = s.execute(
        select(Hearing.case_id, CommitteeSession.id, CommitteeSession.day)
        .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
        .outerjoin(Decision, Decision.hearing_id == Hearing.id)
        .where(Hearing.case_id.in_(case_ids))
        .where(CommitteeSession.committee_id.in_(gvp_ids), CommitteeSession.day >= today)
        .where(CommitteeSession.status != SessionStatus.CANCELADA)
        .where(Decision.id.is_(None))
        .order_by(CommitteeSession.day.desc(), CommitteeSession.id.desc())
    ).all()
    return {case_id: (session_id, day) for case_id, session_id, day in rows}  # the earliest wins


def measures_due(ctx: ServiceContext, committees: dict[int, CommitteeInfo],
                 window_days: int = MEASURE_WINDOW_DAYS, limit: int = SHOWN_ROWS) -> Listed[MeasureDueRow]:
    """Measures of each case's latest adopted decision to be revalued within ``window_days``:
    the first ``limit`` by revaluation date, and how many there are.

    Which decision is a case's latest is decided in SQL (no adopted decision with measures
    taken later, by :func:`~comite.services.chronology.chronology_sql`), so that the count
    and the limit are taken there too."""
    if not committees:
        return Listed()
    today = ctx.today()
    until = today + timedelta(days=window_days)

    def due(query: Select) -> Select:
        return (
            query.join(Decision, Decision.id == MeasureDecision.decision_id)
            .join(Hearing, Hearing.id == Decision.hearing_id)
            .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
            .where(Decision.adopted.is_(True))
            .where(MeasureDecision.revaluation_date >= today, MeasureDecision.revaluation_date <= until)
            .where(MeasureDecision.action.not_in(_ENDING_ACTIONS))
            # "+ 0" keeps SQLite on the revaluation-date index (see gvp_waiting)
            .where((CommitteeSession.committee_id + 0).in_(list(committees)))
        )

    h, d, ss, c = aliased(Hearing), aliased(Decision), aliased(CommitteeSession), aliased(Committee)
    later = (  # an adopted decision with measures taken later for the same case: this one is not its latest
        select(d.id)
        .join(h, h.id == d.hearing_id)
        .join(ss, ss.id == h.session_id)
        .join(c, c.id == ss.committee_id)
        .where(h.case_id == Hearing.case_id, d.adopted.is_(True))
        .where(select(MeasureDecision.id).where(MeasureDecision.decision_id == d.id).exists())
        .where(chronology_sql(h, d, ss, c) > chronology_sql(Hearing, Decision, CommitteeSession, Committee))
    )
    with ctx.reading() as s:
        rows: Sequence[Any] = s.execute(
            due(select(MeasureDecision.id, MeasureDecision.measure_code, MeasureDecision.quantity,
                       MeasureDecision.action, MeasureDecision.temporality_months,
                       MeasureDecision.revaluation_date, Hearing.case_id, Case.radicado,
                       CommitteeSession.id, CommitteeSession.committee_id, func.count().over()))
            .join(Case, Case.id == Hearing.case_id)
            .join(Committee, Committee.id == CommitteeSession.committee_id)
            .where(~later.exists())
            .order_by(MeasureDecision.revaluation_date, Case.radicado, MeasureDecision.position)
            .limit(limit)
        ).all()
        if not rows:
            return Listed()
        names = dict(s.execute(select(MeasureType.code, MeasureType.name)).all())
    out = []
    for mid, code, qty, action, months, reval, case_id, radicado, session_id, committee_id, _total in rows:
        committee = committees[committee_id]
        out.append(MeasureDueRow(
            mid, case_id, radicado, session_id, committee.code, committee.short_name, code,
            names.get(code, code), qty, MeasureAction(action), months, reval, (reval - today).days,
        ))
    return Listed(out, rows[0][10])


def overdue_commitments(ctx: ServiceContext, committees: dict[int, CommitteeInfo]) -> list[OverdueCommitmentRow]:
    if not committees:
        return []
    today = ctx.today()
    rows = followup.overdue_commitments(ctx, set(committees))
    if not rows:
        return []
    with ctx.reading() as s:
        owner = dict(s.execute(
            select(CommitteeSession.id, CommitteeSession.committee_id)
            .where(CommitteeSession.id.in_({r.origin_session_id for r in rows}))
        ).all())
    out = []
    for r in rows:
        assert r.due is not None  # overdue: it has a due date
        committee = committees[owner[r.origin_session_id]]
        out.append(OverdueCommitmentRow(
            r.id, r.origin_session_id, committee.code, committee.short_name, r.origin, r.description,
            r.responsible, r.due, (today - r.due).days,
        ))
    return out


def actas_in_review(ctx: ServiceContext, committees: dict[int, CommitteeInfo]) -> list[ActaReviewRow]:
    if not committees:
        return []
    with ctx.reading() as s:
        sessions = s.scalars(
            select(CommitteeSession)
            .where(CommitteeSession.status == SessionStatus.ACTA_EN_REVISION)
            .where(CommitteeSession.committee_id.in_(list(committees)))
            .order_by(CommitteeSession.day, CommitteeSession.id)
        ).all()
        return [
            ActaReviewRow(ss.id, committees[ss.committee_id].code, committees[ss.committee_id].short_name,
                          ss.number, ss.year, SessionType(ss.session_type), ss.day)
            for ss in sessions
        ]


# --- display names -------------------------------------------------------------------------------

@dataclass(frozen=True)
class DisplayLabels:
    """Names lists show for catalogue codes (short population names when the catalogue has them)."""

    populations: dict[str, str]
    measures: dict[str, str]

    def population(self, code: str | None) -> str:
        return "" if code is None else self.populations.get(code, code)

    def measure(self, code: str) -> str:
        return self.measures.get(code, code)


def display_labels(ctx: ServiceContext) -> DisplayLabels:
    require(ctx, Action.READ_CATALOG)
    with ctx.reading() as s:
        populations = dict(s.execute(select(Population.code, Population.name)).all())
        measures = dict(s.execute(select(MeasureType.code, MeasureType.name)).all())
    try:
        shipped = load_installed_catalog()
    except Exception:  # noqa: BLE001 - short names are a nicety; the database names suffice
        shipped = None
    if shipped is not None:
        for p in shipped.populations:
            if p.code in populations and p.short_name:
                populations[p.code] = p.short_name
    return DisplayLabels(populations, measures)


def radicados(ctx: ServiceContext, case_ids: Iterable[int]) -> dict[int, str]:
    """The radicado of each case id (radicados are not reserved), for lists that hold ids."""
    require(ctx, Action.READ_CASES)
    ids = sorted({i for i in case_ids if i is not None})
    if not ids:
        return {}
    with ctx.reading() as s:
        return dict(s.execute(select(Case.id, Case.radicado).where(Case.id.in_(ids))).all())
