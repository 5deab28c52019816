"""What the demo plans and remembers: the report, the plan of each committee,
session and case, and :class:`Demo`, the state one generation carries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from comite.demo.data import ALL_COMMITTEES, COLLECTIVE_POPULATIONS, DEPARTMENTS, POPULATION_WEIGHTS
from comite.demo.writer import ORDER, Writer
from comite.domain import (
    CaseKind,
    CaseStatus,
    Rights,
    SeatCondition,
    SessionStatus,
    SessionType,
)
from comite.errors import ValidationError
from comite.model import (
    AttendanceCase,
    Committee,
    Composition,
    MeasureType,
    Population,
)
from comite.rules.calendar import add_business_days
from comite.rules.decision import InForce, RecognitionRecord
from comite.rules.rights import SeatView
from comite.rules.routing import CaseProfile
from comite.services.catalog import risk_bands, voting_settings
from comite.services.context import ServiceContext
from comite.text import fold

FLUSH_ROWS = 40_000
CASE_BATCH = 5_000
RECENT_DAYS = 14  # past sessions this close to the end are closed but their acta is not approved yet
ACTA_MAX_CASES = 30  # sessions whose acta the demo renders through the acta service

Progress = Callable[[int, int], None]


@dataclass
class DemoReport:
    seed: int = 0
    sessions: int = 0
    cases: int = 0
    hearings: int = 0
    decisions: int = 0
    votes: int = 0
    measures: int = 0
    commitments: int = 0
    emergencies: int = 0
    pending_handoffs: int = 0
    actas: int = 0
    seconds: float = 0.0
    accounts: list[tuple[str, str, str]] = field(default_factory=list)
    """DEMO accounts created: (username, role, password). Empty if the database had accounts."""

    def summary(self) -> str:
        def n(value: int) -> str:
            return f"{value:,}".replace(",", ".")

        return (
            f"Base de demostración generada (semilla {self.seed}) en {self.seconds:.0f} s: "
            f"{n(self.cases)} casos ficticios, {n(self.sessions)} sesiones de los seis comités, "
            f"{n(self.hearings)} casos tratados en sesión, {n(self.decisions)} decisiones, "
            f"{n(self.votes)} votos, {n(self.measures)} medidas, {n(self.commitments)} compromisos, "
            f"{n(self.emergencies)} medidas de emergencia y {n(self.pending_handoffs)} resultados del GVP "
            "por recibir. Todos los datos son ficticios."
        )


@dataclass
class SeatPlan:
    id: int
    key: str
    entity: str
    holder: str
    role: str
    rights: str
    condition: str | None
    population: str | None
    view: SeatView


@dataclass
class CommitteePlan:
    id: int
    code: str
    kind: str
    short_name: str
    composition_id: int
    seats: list[SeatPlan]
    voting: tuple[SeatView, ...]
    settings: Any
    secretary: tuple[str, str] = ("", "")


class CasePlan:
    """One fictitious case as planned (slotted: a full-size demo plans 200,000)."""

    __slots__ = (
        "id", "radicado", "kind", "population", "displaced", "is_woman", "choice", "up_pcc", "servant",
        "legal", "route", "pct", "level", "target", "gvp", "department", "municipality", "request",
        "study", "status", "analyst", "order",
    )
    id: int
    radicado: str
    kind: CaseKind
    population: str
    displaced: bool
    is_woman: bool
    choice: bool | None
    up_pcc: bool
    servant: bool
    legal: bool | None
    route: str
    pct: float | None
    level: str | None
    target: str
    gvp: SessionPlan | None
    department: str
    municipality: str
    request: date
    study: date | None
    status: CaseStatus
    analyst: str
    order: int

    def profile(self) -> CaseProfile:
        return CaseProfile(
            kind=CaseKind(self.kind), population=self.population, is_woman=self.is_woman,
            chose_women_committee=self.choice, up_pcc_member=self.up_pcc,
            population_committee="COMITE_ESPECIAL" if self.servant else None,
        )


@dataclass
class SessionPlan:
    id: int
    committee: CommitteePlan
    day: date
    start: time
    number: int = 0
    # a held session stays closed: only those whose final acta the acta service stores are approved
    status: str = SessionStatus.CERRADA
    session_type: str = SessionType.ORDINARIA
    cases: list[CasePlan] = field(default_factory=list)


@dataclass
class Pending:
    ready: date
    case: CasePlan
    gvp_hearing_id: int
    level: str
    pct: float | None
    concept: str
    created: datetime


def utc(day: date, at: time) -> datetime:
    """A Bogotá wall-clock moment (UTC-5, no daylight saving) as aware UTC."""
    return datetime.combine(day, at).replace(tzinfo=UTC) + timedelta(hours=5)


def minute_of_day(at: time) -> int:
    return at.hour * 60 + at.minute


def clock_time(minutes: int) -> time:
    minutes = max(0, min(minutes, 23 * 60 + 59))
    return time(minutes // 60, minutes % 60)


def pct_text(pct: float | None) -> str:
    return "sin puntaje" if pct is None else f"{pct:.2f}".replace(".", ",") + " %"


def cumulative(weights: list[int]) -> list[int]:
    out, total = [], 0
    for w in weights:
        total += w
        out.append(total)
    return out


def spread(days: list[date], n: int) -> list[date]:
    """``n`` days evenly spread over ``days`` (repeating days when n exceeds them)."""
    if n <= 0 or not days:
        return []
    if n == 1:
        return [days[len(days) // 2]]
    return [days[(i * (len(days) - 1)) // (n - 1)] for i in range(n)]


def start_time(code: str, k: int) -> time:
    base = (8, 14, 10, 16, 9, 15, 11) if code == "GVP" else (9, 14, 11, 16, 8, 15)
    return time(base[k % len(base)], 0 if k < len(base) else 30)


class Demo:
    """What the generation knows as it goes: the seeded randomness, the catalogue,
    the plans, the ids handed out, the rows waiting in the writer and the report."""

    by_committee: dict[str, list[SessionPlan]]
    acta_final: list[SessionPlan]
    acta_draft: SessionPlan | None

    def __init__(self, ctx: ServiceContext, *, sessions: int, cases: int, seed: int, end: date,
                 progress: Progress | None, actas: int) -> None:
        from faker import Faker  # large, and needed only while a demo is generated

        self.ctx = ctx
        self.actas = actas
        self.n_sessions = sessions
        self.n_cases = cases
        self.seed = seed
        self.end = end
        self.start = end - timedelta(days=365)
        self.progress = progress
        self.rng = Random(seed)
        fake = Faker("es_CO")
        fake.seed_instance(seed)
        self.first_f = [fake.first_name_female() for _ in range(600)]
        self.first_m = [fake.first_name_male() for _ in range(600)]
        self.last = [fake.last_name() for _ in range(1500)]
        self.streets = [fake.street_address() for _ in range(800)]
        self.writer = Writer(ctx)
        self.report = DemoReport(seed=seed)
        self.ids: dict[str, int] = {}
        self.departments = [d for d, _, _ in DEPARTMENTS]
        self.dept_weights = cumulative([w for _, w, _ in DEPARTMENTS])
        self.municipalities = {d: m for d, _, m in DEPARTMENTS}
        self.analysts = [self.person_name(self.rng.random() < 0.5) for _ in range(45)]
        self.pending: dict[str, list[Pending]] = {code: [] for code in ALL_COMMITTEES}
        self.commitments: list[dict[str, Any]] = []
        self.emergencies: list[dict[str, Any]] = []
        self.emergency_done: set[int] = set()
        # what the record holds per case, for the decision rules (rules.decision) as the services check them
        self.in_force: dict[int, dict[str, InForce]] = {}
        self.emergency_addressed: set[int] = set()
        self.recognitions: dict[int, list[RecognitionRecord]] = {}
        self.awaiting_recognition: list[CasePlan] = []
        self.restoration_entity: dict[int, str] = {}
        self.gvp_held: list[SessionPlan] | None = None
        self.last_held: dict[str, SessionPlan] = {}
        self.restoration_committees: dict[str, bool] = {}  # per committee, for the previous acta's approval
        self.gvp_days: list[date] = []
        self.restoration_shown = False
        self.steps_done = 0
        self.steps_total = 1
        self.vault = ctx.db.vault

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def person_name(self, woman: bool) -> str:
        rng = self.rng
        first = rng.choice(self.first_f if woman else self.first_m)
        if rng.random() < 0.45:
            second = rng.choice(self.first_f if woman else self.first_m)
            if second != first:
                first = f"{first} {second}"
        return f"{first} {rng.choice(self.last)} {rng.choice(self.last)}"

    def email(self, name: str, domain: str) -> str:
        parts = fold(name).replace("ñ", "n").split()
        user = ".".join(p for p in (parts[0], parts[-2] if len(parts) > 2 else parts[-1]) if p.isalpha())
        return f"{user}@{domain}"

    def place(self) -> tuple[str, str]:
        rng = self.rng
        department = rng.choices(self.departments, cum_weights=self.dept_weights)[0]
        return department, rng.choice(self.municipalities[department])

    def tick(self) -> None:
        self.steps_done += 1
        if self.progress is not None:
            self.progress(min(self.steps_done, self.steps_total), self.steps_total)

    def load_catalog(self, s: Session) -> None:
        self.committees: dict[str, CommitteePlan] = {}
        for code in ALL_COMMITTEES:
            committee = s.scalar(select(Committee).where(Committee.code == code))
            if committee is None:
                raise ValidationError(f"El catálogo no tiene el comité {code}; no se puede generar el demo.")
            comp = s.scalar(
                select(Composition)
                .where(Composition.committee_id == committee.id, Composition.valid_from <= self.start)
                .where((Composition.valid_to.is_(None)) | (Composition.valid_to >= self.end + timedelta(days=60)))
                .order_by(Composition.valid_from.desc()).limit(1)
            )
            if comp is None:
                raise ValidationError(
                    f"El {committee.short_name} no tiene una única conformación vigente en todo el año del demo."
                )
            seats = []
            for seat in comp.seats:
                view = SeatView(seat.key, Rights(seat.rights),
                                SeatCondition(seat.condition) if seat.condition else None,
                                seat.population_code, seat.entity)
                seats.append(SeatPlan(seat.id, seat.key, seat.entity, seat.holder, seat.role, seat.rights,
                                      seat.condition, seat.population_code, view))
            voting = tuple(st.view for st in seats if st.rights == Rights.VOZ_Y_VOTO)
            self.committees[code] = CommitteePlan(committee.id, code, committee.kind, committee.short_name, comp.id,
                                                  seats, voting, voting_settings(comp))
        self.measures = {m.code: m.restoration for m in s.scalars(select(MeasureType).where(MeasureType.active))}
        self.bands = risk_bands(s)
        self.bands_tuple = tuple(self.bands)
        self.band_of = {level: (lo, hi) for level, lo, hi in self.bands}
        known = set(s.scalars(select(Population.code)))
        self.populations = [p for p in POPULATION_WEIGHTS if p in known]
        self.pop_weights = cumulative([POPULATION_WEIGHTS[p] for p in self.populations])
        self.coll_populations = [p for p in COLLECTIVE_POPULATIONS if p in known]
        self.coll_weights = cumulative([COLLECTIVE_POPULATIONS[p] for p in self.coll_populations])
        for model in ORDER:
            if model is AttendanceCase:
                continue
            table = model.__table__
            self.ids[table.name] = s.scalar(select(func.max(table.c.id))) or 0
        for code, planned in self.committees.items():
            name = self.person_name(self.rng.random() < 0.6)
            position = "Secretaría Técnica del GVP" if code == "GVP" else (
                "Secretaría Técnica del Comité especial" if code == "COMITE_ESPECIAL"
                else "Secretaría Técnica del CERREM")
            if code == "CERREM_UP_PCC":
                position = "Ministerio del Interior – Dirección de Derechos Humanos (secretaría técnica)"
            planned.secretary = (name, position)

    def business_after(self, day: date, n: int) -> date:
        return add_business_days(day, n)
