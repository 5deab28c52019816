"""Read models of one session: frozen rows for the GUI and the documents.

Each function is one read transaction and loads what it shows in a fixed
number of queries (no per-case round trips), so a 150-case session opens fast.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from comite.domain import (
    AgendaItemKind,
    AttendanceStatus,
    Capacity,
    CaseKind,
    DecisionOutcome,
    HearingSource,
    MeasureAction,
    Rights,
    RiskLevel,
    Route,
    SeatCondition,
    SeatRole,
    SessionStatus,
    SessionType,
    VoteChoice,
    VotingSettings,
)
from comite.errors import NotFound
from comite.model import (
    AgendaItem,
    Attendance,
    AttendanceCase,
    Case,
    CommitteeSession,
    Decision,
    Hearing,
    MeasureType,
    Population,
)
from comite.rules.quorum import (
    AttendanceView,
    QuorumResult,
    TallyResult,
    VoteView,
    is_present_at,
    quorum_for_case,
    tally,
)
from comite.rules.rights import CaseView, SeatView, seat_applies
from comite.services.catalog import voting_settings
from comite.services.context import ServiceContext
from comite.services.frames import attendance_view, seat_view
from comite.services.permissions import Action, require


@dataclass(frozen=True)
class SessionHeader:
    id: int
    committee_id: int
    committee_code: str
    committee_name: str
    committee_short: str
    committee_kind: str
    number: int
    year: int
    session_type: SessionType
    day: date
    start: time | None
    end: time | None
    place: str | None
    virtual_link: str | None
    status: SessionStatus
    locked: bool
    development: str | None
    secretary_name: str | None
    secretary_position: str | None
    presiding_attendance_id: int | None
    composition_version: str
    composition_legal_basis: str
    voting: VotingSettings
    row_version: int

    @property
    def title(self) -> str:
        return f"{self.committee_short} — Sesión {self.session_type.label.lower()} No. {self.number:03d} de {self.year}"


@dataclass(frozen=True)
class AgendaRow:
    item_id: int
    position: int
    kind: AgendaItemKind
    title: str
    hearing_id: int | None = None
    case_id: int | None = None
    radicado: str | None = None
    case_kind: CaseKind | None = None
    population_code: str | None = None
    population: str | None = None
    route: Route | None = None
    displaced: bool = False
    proposal_level: RiskLevel | None = None
    proposal_pct: float | None = None
    source: HearingSource | None = None
    discussed_at: time | None = None
    outcome: DecisionOutcome | None = None
    adopted: bool | None = None
    risk_level: RiskLevel | None = None
    restoration_measures: bool = False


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    seat_key: str
    position: int
    entity: str
    role: SeatRole
    rights: Rights
    condition: SeatCondition | None
    population_code: str | None
    person_name: str | None
    person_position: str | None
    capacity: Capacity
    status: AttendanceStatus
    arrival: time | None
    departure: time | None
    email: str | None
    ad_hoc_reason: str | None
    hearing_ids: tuple[int, ...]
    row_version: int


@dataclass(frozen=True)
class ObservationItem:
    id: int
    attendance_id: int | None
    entity: str
    text: str


@dataclass(frozen=True)
class MeasureItem:
    code: str
    name: str
    quantity: int
    unit_singular: str
    unit_plural: str
    feminine: bool
    action: MeasureAction
    temporality_months: int | None
    revaluation_date: date | None
    notes: str | None


@dataclass(frozen=True)
class VoterRow:
    """One seat as the vote grid shows it for a case."""

    attendance_id: int
    seat_key: str
    entity: str
    person_name: str | None
    rights: Rights
    sits: bool  # the seat's condition holds for this case
    present: bool  # present at the moment the case was discussed
    can_vote: bool
    choice: VoteChoice | None
    dissent: str | None


@dataclass(frozen=True)
class HearingDetail:
    hearing_id: int
    session_id: int
    case_id: int
    radicado: str
    case_kind: CaseKind
    population_code: str | None
    population: str | None
    route: Route
    displaced: bool
    legally_recognised: bool | None
    proposal_level: RiskLevel | None
    proposal_pct: float | None
    proposal_concept: str | None
    discussed_at: time | None
    restoration_measures: bool
    deliberation: str | None
    recognition_answers: dict[str, bool] | None
    recognition_granted: bool | None
    observations: tuple[ObservationItem, ...]
    voters: tuple[VoterRow, ...]
    outcome: DecisionOutcome | None
    risk_level: RiskLevel | None
    matrix_pct: float | None
    concept: str | None
    adopted: bool | None
    decided_on: date | None
    measures: tuple[MeasureItem, ...]
    quorum: QuorumResult
    tally: TallyResult
    row_version: int


@dataclass(frozen=True)
class MeasureChoice:
    """A measure type a decision can recommend, as the decision form lists it."""

    code: str
    name: str
    restoration: bool


def measure_choices(ctx: ServiceContext) -> list[MeasureChoice]:
    """The active measure types (for the decision form), without reading the whole catalogue."""
    require(ctx, Action.READ_CATALOG)
    with ctx.reading() as s:
        return [MeasureChoice(code, name, bool(restoration)) for code, name, restoration in s.execute(
            select(MeasureType.code, MeasureType.name, MeasureType.restoration)
            .where(MeasureType.active.is_(True)).order_by(MeasureType.id))]


def _session(s: Session, session_id: int) -> CommitteeSession:
    sess = s.get(CommitteeSession, session_id)
    if sess is None:
        raise NotFound(f"No existe la sesión {session_id}.")
    return sess


def _header(sess: CommitteeSession) -> SessionHeader:
    c = sess.committee
    comp = sess.composition
    return SessionHeader(
        sess.id, c.id, c.code, c.name, c.short_name, c.kind, sess.number, sess.year,
        SessionType(sess.session_type), sess.day, sess.start_time, sess.end_time, sess.place,
        sess.virtual_link, SessionStatus(sess.status), sess.locked, sess.development, sess.secretary_name,
        sess.secretary_position, sess.presiding_attendance_id, comp.version, comp.legal_basis,
        voting_settings(comp), sess.row_version,
    )


def _readable(s: Session, ctx: ServiceContext, session_id: int) -> CommitteeSession:
    sess = _session(s, session_id)
    require(ctx, Action.READ_SESSION, sess.committee_id)
    return sess


def session_header(ctx: ServiceContext, session_id: int) -> SessionHeader:
    with ctx.reading() as s:
        return _header(_readable(s, ctx, session_id))


def _populations(s: Session) -> dict[str, str]:
    return dict(s.execute(select(Population.code, Population.name)).all())


def agenda_rows(ctx: ServiceContext, session_id: int) -> list[AgendaRow]:
    with ctx.reading() as s:
        _readable(s, ctx, session_id)
        return _agenda(s, session_id)


def _agenda(s: Session, session_id: int) -> list[AgendaRow]:
    # Plain columns, not entities: the rows skip the ORM identity map and never
    # decrypt the reserved texts (notes, deliberation, concepts) they do not show.
    pops = _populations(s)
    rows: Sequence[Any] = s.execute(
        select(AgendaItem.id, AgendaItem.position, AgendaItem.kind, AgendaItem.title,
               Hearing.id, Case.id, Case.radicado, Case.kind, Case.population_code, Case.route, Case.displaced,
               Hearing.proposal_level, Hearing.proposal_pct, Hearing.source, Hearing.discussed_at,
               Decision.outcome, Decision.adopted, Decision.risk_level, Hearing.restoration_measures)
        .outerjoin(Hearing, Hearing.agenda_item_id == AgendaItem.id)
        .outerjoin(Case, Case.id == Hearing.case_id)
        .outerjoin(Decision, Decision.hearing_id == Hearing.id)
        .where(AgendaItem.session_id == session_id)
        .order_by(AgendaItem.position)
    ).all()
    out = []
    for (item_id, position, kind, title, hearing_id, case_id, radicado, case_kind, population, route, displaced,
         proposal, proposal_pct, source, discussed_at, outcome, adopted, risk_level, restoration) in rows:
        if hearing_id is None:
            out.append(AgendaRow(item_id, position, AgendaItemKind(kind), title))
            continue
        out.append(AgendaRow(
            item_id, position, AgendaItemKind(kind), title, hearing_id, case_id, radicado, CaseKind(case_kind),
            population, pops.get(population or ""), Route(route), displaced,
            RiskLevel(proposal) if proposal else None, proposal_pct, source, discussed_at,
            DecisionOutcome(outcome) if outcome else None, adopted, RiskLevel(risk_level) if risk_level else None,
            bool(restoration),
        ))
    return out


def attendance_rows(ctx: ServiceContext, session_id: int) -> list[AttendanceRow]:
    with ctx.reading() as s:
        _readable(s, ctx, session_id)
        return _attendance(s, session_id)


def _attendance(s: Session, session_id: int) -> list[AttendanceRow]:
    marks: dict[int, list[int]] = {}
    for att_id, hearing_id in s.execute(
        select(AttendanceCase.attendance_id, AttendanceCase.hearing_id)
        .join(Attendance, Attendance.id == AttendanceCase.attendance_id)
        .where(Attendance.session_id == session_id)
    ):
        marks.setdefault(att_id, []).append(hearing_id)
    return [
        AttendanceRow(
            a.id, a.seat_key, a.position, a.entity, SeatRole(a.role), Rights(a.rights),
            SeatCondition(a.condition) if a.condition else None, a.population_code, a.person_name,
            a.person_position, Capacity(a.capacity), AttendanceStatus(a.status), a.arrival, a.departure,
            a.email, a.ad_hoc_reason, tuple(sorted(marks.get(a.id, ()))), a.row_version,
        )
        for a in s.scalars(select(Attendance).where(Attendance.session_id == session_id).order_by(Attendance.position))
    ]


def convened_rows(ctx: ServiceContext, session_id: int) -> list[tuple[AttendanceRow, tuple[str, ...]]]:
    """Who is convened: seats that always attend, conditional seats that sit for
    at least one case on the agenda (with those radicados), and ad hoc invitees."""
    with ctx.reading() as s:
        _readable(s, ctx, session_id)
        agenda = _agenda(s, session_id)
        attendance = _attendance(s, session_id)
    return convened_from(agenda, attendance)


def convened_from(agenda: list[AgendaRow],
                  attendance: list[AttendanceRow]) -> list[tuple[AttendanceRow, tuple[str, ...]]]:
    """:func:`convened_rows` from the session's agenda and attendance rows already read (no query)."""
    marked: dict[int, set[str]] = {}
    for row in attendance:
        for hearing_id in row.hearing_ids:
            marked.setdefault(hearing_id, set()).add(row.seat_key)
    # Cases alike for the rules share one view (same population, flags and marked
    # seats), so each seat is checked once per distinct view, not once per case.
    alike: dict[CaseView, list[int]] = {}
    radicados: list[str] = []
    for r in agenda:
        if r.hearing_id is None or r.radicado is None:
            continue
        view = _case_view(r, frozenset(marked.get(r.hearing_id, ())))
        alike.setdefault(view, []).append(len(radicados))
        radicados.append(r.radicado)
    out: list[tuple[AttendanceRow, tuple[str, ...]]] = []
    for row in attendance:
        if row.condition is None:
            out.append((row, ()))
            continue
        seat = _seat_of(row)
        sits = sorted(n for view, numbers in alike.items() if seat_applies(seat, view) for n in numbers)
        if sits or row.seat_key.startswith("adhoc-"):
            out.append((row, tuple(radicados[n] for n in sits)))
    return out


def _seat_of(row: AttendanceRow):
    return SeatView(row.seat_key, row.rights, row.condition, row.population_code, row.entity)


def _case_view(row: AgendaRow, marked: frozenset[str]) -> CaseView:
    """The facts that seat conditional seats for an agenda case; ``marked`` are the
    seats the secretariat marked for it (each seat's own condition says which list counts)."""
    return CaseView(population=row.population_code, displaced=row.displaced,
                    restoration_measures=row.restoration_measures, competent_seats=marked, pertinent_seats=marked)


def case_quorum(header: SessionHeader, attendance: list[AttendanceRow], row: AgendaRow) -> QuorumResult:
    """The quorum of an agenda case from rows already read (no query), as
    :func:`hearing_detail` computes it: the session header shows it before the
    cases tab has loaded the case's detail."""
    marked = frozenset(a.seat_key for a in attendance if row.hearing_id in a.hearing_ids)
    seats = [_seat_of(a) for a in attendance]
    present = {a.seat_key: AttendanceView(a.seat_key, a.status, a.arrival, a.departure) for a in attendance}
    return quorum_for_case(seats, present, _case_view(row, marked), row.discussed_at, header.voting)


def hearing_detail(ctx: ServiceContext, hearing_id: int) -> HearingDetail:
    with ctx.reading() as s:
        hearing = s.get(Hearing, hearing_id, options=[selectinload(Hearing.votes), selectinload(Hearing.observations)])
        if hearing is None:
            raise NotFound("El caso ya no está en el orden del día.")
        _readable(s, ctx, hearing.session_id)
        return build_hearing_detail(s, hearing)


def build_hearing_detail(s: Session, hearing: Hearing, measure_types: dict[str, MeasureType] | None = None,
                         populations: dict[str, str] | None = None,
                         attendance: list[Attendance] | None = None,
                         marks: dict[int, list[tuple[str, SeatCondition | None]]] | None = None) -> HearingDetail:
    """Assemble one case's detail; the optional maps let a caller batch the lookups."""
    sess = hearing.session
    case = s.get_one(Case, hearing.case_id)
    pops = populations if populations is not None else _populations(s)
    types = measure_types if measure_types is not None else {m.code: m for m in s.scalars(select(MeasureType))}
    atts = attendance if attendance is not None else list(sess.attendance)
    if marks is None:
        marked: Sequence[tuple[str, SeatCondition | None]] = s.execute(
            select(Attendance.seat_key, Attendance.condition)
            .join(AttendanceCase, AttendanceCase.attendance_id == Attendance.id)
            .where(AttendanceCase.hearing_id == hearing.id)
        ).all()
    else:
        marked = marks.get(hearing.id, [])
    view = CaseView(
        population=case.population_code, displaced=case.displaced, restoration_measures=hearing.restoration_measures,
        competent_seats=frozenset(k for k, c in marked if c == SeatCondition.WHEN_COMPETENT),
        pertinent_seats=frozenset(k for k, c in marked if c == SeatCondition.WHEN_PERTINENT),
    )
    settings = voting_settings(sess.composition)
    seats = [seat_view(a) for a in atts]
    att_views = {a.seat_key: attendance_view(a) for a in atts}
    quorum = quorum_for_case(seats, att_views, view, hearing.discussed_at, settings)
    votes = {v.seat_key: v for v in hearing.votes}
    voters = []
    present_voting = set(quorum.present_voting)
    for a, seat in zip(atts, seats, strict=True):
        sits = seat_applies(seat, view)
        present = is_present_at(att_views[a.seat_key], hearing.discussed_at)
        v = votes.get(a.seat_key)
        voters.append(VoterRow(
            a.id, a.seat_key, a.entity, a.person_name, seat.rights, sits, present,
            a.seat_key in present_voting, VoteChoice(v.choice) if v else None, v.dissent if v else None,
        ))
    current = tally([VoteView(v.seat_key, VoteChoice(v.choice), v.dissent) for v in hearing.votes], quorum, settings)
    decision = hearing.decision
    measures: tuple[MeasureItem, ...] = ()
    if decision is not None:
        measures = tuple(
            MeasureItem(
                m.measure_code, types[m.measure_code].name if m.measure_code in types else m.measure_code,
                m.quantity,
                types[m.measure_code].unit_singular if m.measure_code in types else m.measure_code,
                types[m.measure_code].unit_plural if m.measure_code in types else m.measure_code,
                types[m.measure_code].feminine if m.measure_code in types else False,
                MeasureAction(m.action), m.temporality_months, m.revaluation_date, m.notes,
            )
            for m in decision.measures
        )
    return HearingDetail(
        hearing.id, hearing.session_id, case.id, case.radicado, CaseKind(case.kind), case.population_code,
        pops.get(case.population_code or ""), Route(case.route), case.displaced, case.legally_recognised,
        RiskLevel(hearing.proposal_level) if hearing.proposal_level else None, hearing.proposal_pct,
        hearing.proposal_concept, hearing.discussed_at, hearing.restoration_measures, hearing.deliberation,
        json.loads(hearing.recognition_answers) if hearing.recognition_answers else None,
        hearing.recognition_granted,
        tuple(ObservationItem(o.id, o.attendance_id, o.entity, o.text) for o in hearing.observations),
        tuple(voters),
        DecisionOutcome(decision.outcome) if decision else None,
        RiskLevel(decision.risk_level) if decision and decision.risk_level else None,
        decision.matrix_pct if decision else None,
        decision.concept if decision else None,
        decision.adopted if decision else None,
        decision.decided_on if decision else None,
        measures, quorum, current, hearing.row_version,
    )


def session_hearings(ctx: ServiceContext, session_id: int) -> list[HearingDetail]:
    """Every case of the session in agenda order, batched (for the acta)."""
    with ctx.reading() as s:
        _readable(s, ctx, session_id)
        return _session_hearings(s, session_id)


def _session_hearings(s: Session, session_id: int) -> list[HearingDetail]:
    sess = _session(s, session_id)
    hearings = list(s.scalars(
        select(Hearing).join(AgendaItem, AgendaItem.id == Hearing.agenda_item_id)
        .where(Hearing.session_id == session_id).order_by(AgendaItem.position)
        .options(selectinload(Hearing.votes), selectinload(Hearing.observations),
                 selectinload(Hearing.decision).selectinload(Decision.measures))
    ))
    list(s.scalars(select(Case).where(Case.id.in_([h.case_id for h in hearings]))))  # warm the identity map
    marks: dict[int, list[tuple[str, SeatCondition | None]]] = {}
    for hearing_id, key, cond in s.execute(
        select(AttendanceCase.hearing_id, Attendance.seat_key, Attendance.condition)
        .join(Attendance, Attendance.id == AttendanceCase.attendance_id)
        .where(Attendance.session_id == session_id)
    ):
        marks.setdefault(hearing_id, []).append((key, cond))
    types = {m.code: m for m in s.scalars(select(MeasureType))}
    pops = _populations(s)
    atts = list(sess.attendance)
    return [build_hearing_detail(s, h, types, pops, atts, marks) for h in hearings]
