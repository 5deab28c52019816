"""A demonstration database: fictitious but realistic Colombian data.

``fill_demo`` fills a database already opened with
:func:`comite.services.bootstrap.open_database` with about a year of work of
the six committees ending on :data:`DEMO_END`: cases (names from Faker
``es_CO``, real departments and municipalities), GVP sessions whose results are
handed off to the right CERREM (routing rules), attendance with delegates,
late arrivals and early departures, votes (some against, with salvamento de
voto), measures from the catalogue with action and temporality, commitments,
emergency measures, and a session in progress for the desktop demo.

Scale: ``comite demo --sessions 2000 --cases 200000`` must run in minutes, so
rows are not written through the per-item services (one transaction and audit
entry each). They are planned in memory, checked with the same rules the
services apply (:mod:`comite.rules`: quorum and majority per case, routing,
women's choice, social recognition) and written in large batches with bulk
INSERTs on the mapped tables, so reserved columns are encrypted by their
column type exactly as the services would store them. Each batch writes one
``demo_generado`` audit entry. A handful of actas are then issued through the
real acta service, so the demo also has approved PDFs and a draft in review.

Everything derives from ``seed``: two runs with the same seed produce the same
cases, sessions and decisions (ciphertexts differ: nonces are random).
"""

from __future__ import annotations

import bisect
import json
import logging
import secrets
import string
import time as _time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from comite.domain import (
    AgendaItemKind,
    AttendanceStatus,
    Capacity,
    CaseKind,
    CommitmentStatus,
    CommitteeKind,
    DecisionOutcome,
    MeasureAction,
    Rights,
    RiskLevel,
    Route,
    SeatCondition,
    SessionStatus,
    SessionType,
    VoteChoice,
)
from comite.errors import LockedError, RuleViolation, ValidationError
from comite.model import (
    AgendaItem,
    Attendance,
    AttendanceCase,
    Case,
    Commitment,
    Committee,
    CommitteeSession,
    Composition,
    Decision,
    EmergencyMeasure,
    Handoff,
    Hearing,
    MeasureDecision,
    MeasureType,
    Observation,
    User,
    Vote,
)
from comite.rules.calendar import add_business_days, is_business_day, revaluation_date
from comite.rules.collective import CRITERIA, check_social_recognition
from comite.rules.quorum import (
    AttendanceView,
    VoteView,
    is_present_at,
    quorum_for_case,
    validate_adoption,
    validate_votes,
)
from comite.rules.rights import CaseView, SeatView, seat_applies
from comite.rules.risk import level_for_percentage
from comite.rules.routing import CaseProfile, require_women_choice, target_committee
from comite.services import accounts, audit
from comite.services.catalog import risk_bands, voting_settings
from comite.services.context import Actor, Role, ServiceContext
from comite.storage.database import Database
from comite.text import fold

log = logging.getLogger(__name__)

DEMO_END = date(2026, 11, 20)
"""The demo's "today": past sessions end before it, one session is in progress on it."""

ALL_COMMITTEES = (
    "GVP",
    "CERREM_POBLACIONAL",
    "CERREM_MUJERES",
    "CERREM_COLECTIVO",
    "CERREM_UP_PCC",
    "COMITE_ESPECIAL",
)
_SHARE = {
    "GVP": 0.50,
    "CERREM_POBLACIONAL": 0.20,
    "CERREM_MUJERES": 0.08,
    "CERREM_COLECTIVO": 0.08,
    "CERREM_UP_PCC": 0.07,
    "COMITE_ESPECIAL": 0.07,
}
_FLUSH_ROWS = 40_000
_CASE_BATCH = 5_000
_RECENT_DAYS = 14
_ACTA_MAX_CASES = 30  # sessions whose acta the demo renders through the acta service  # past sessions this close to the end are closed but their acta is not approved yet

Progress = Callable[[int, int], None]

# Departments of Colombia (and Bogotá, D.C.) with a few municipalities each, and a
# weight that loosely follows where protection requests come from.
DEPARTMENTS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("Amazonas", 1, ("Leticia", "Puerto Nariño")),
    ("Antioquia", 9, ("Medellín", "Apartadó", "Turbo", "Caucasia", "Ituango", "Segovia", "Remedios")),
    ("Arauca", 3, ("Arauca", "Saravena", "Tame", "Arauquita")),
    ("Atlántico", 2, ("Barranquilla", "Soledad", "Malambo", "Sabanalarga")),
    ("Bogotá, D.C.", 6, ("Bogotá, D.C.",)),
    ("Bolívar", 4, ("Cartagena de Indias", "El Carmen de Bolívar", "Santa Rosa del Sur", "Simití")),
    ("Boyacá", 1, ("Tunja", "Sogamoso", "Puerto Boyacá", "Chiquinquirá")),
    ("Caldas", 1, ("Manizales", "Riosucio", "Supía", "La Dorada")),
    ("Caquetá", 3, ("Florencia", "San Vicente del Caguán", "Cartagena del Chairá")),
    ("Casanare", 1, ("Yopal", "Paz de Ariporo", "Tauramena")),
    ("Cauca", 10, ("Popayán", "Santander de Quilichao", "Toribío", "Caldono", "El Tambo", "Argelia", "Guapi")),
    ("Cesar", 2, ("Valledupar", "Aguachica", "Agustín Codazzi", "Pueblo Bello")),
    ("Chocó", 4, ("Quibdó", "Riosucio", "Bojayá", "Istmina", "Carmen del Darién")),
    ("Córdoba", 4, ("Montería", "Tierralta", "Puerto Libertador", "Montelíbano")),
    ("Cundinamarca", 2, ("Soacha", "Fusagasugá", "Girardot", "Viotá")),
    ("Guainía", 1, ("Inírida",)),
    ("Guaviare", 1, ("San José del Guaviare", "Calamar", "El Retorno")),
    ("Huila", 2, ("Neiva", "Pitalito", "Algeciras", "La Plata")),
    ("La Guajira", 2, ("Riohacha", "Maicao", "Uribia", "San Juan del Cesar")),
    ("Magdalena", 2, ("Santa Marta", "Ciénaga", "Fundación", "Aracataca")),
    ("Meta", 2, ("Villavicencio", "Mesetas", "Puerto Rico", "La Macarena")),
    ("Nariño", 6, ("Pasto", "Tumaco", "Barbacoas", "Samaniego", "Ipiales")),
    ("Norte de Santander", 5, ("Cúcuta", "Tibú", "Ocaña", "El Tarra", "Sardinata")),
    ("Putumayo", 2, ("Mocoa", "Puerto Asís", "Orito", "Valle del Guamuez")),
    ("Quindío", 1, ("Armenia", "Calarcá", "Montenegro")),
    ("Risaralda", 1, ("Pereira", "Dosquebradas", "Pueblo Rico")),
    ("San Andrés, Providencia y Santa Catalina", 1, ("San Andrés", "Providencia")),
    ("Santander", 2, ("Bucaramanga", "Barrancabermeja", "San Vicente de Chucurí", "Sabana de Torres")),
    ("Sucre", 2, ("Sincelejo", "San Onofre", "Ovejas", "Corozal")),
    ("Tolima", 2, ("Ibagué", "Chaparral", "Planadas", "Ataco")),
    ("Valle del Cauca", 6, ("Cali", "Buenaventura", "Jamundí", "Tuluá", "Florida")),
    ("Vaupés", 1, ("Mitú", "Carurú")),
    ("Vichada", 1, ("Puerto Carreño", "Cumaribo")),
)

_POPULATION_WEIGHTS = {
    "ddhh_sociales": 34, "victimas": 18, "etnicos": 10, "politicos": 8, "servidores_publicos": 5,
    "sindicales": 5, "periodistas": 4, "docentes": 3, "testigos": 3, "apoderados_forenses": 2,
    "mision_medica": 2, "gremiales": 1, "firmantes_paz_94_98": 1,
}
_COLLECTIVE_POPULATIONS = {"etnicos": 35, "ddhh_sociales": 35, "victimas": 25, "sindicales": 5}

_THREATS = (
    "refiere amenazas por mensajes de texto y llamadas atribuidas a un grupo armado ilegal",
    "reporta panfletos intimidatorios contra la organización que lidera en {municipio}",
    "refiere seguimientos de personas desconocidas cerca de su vivienda en {municipio}",
    "fue declarado objetivo militar en un comunicado difundido en redes sociales",
    "denuncia un atentado con arma de fuego contra su vivienda en {municipio}",
    "reporta hostigamientos por su labor de reclamación de tierras en {municipio}",
    "refiere el desplazamiento forzado de su núcleo familiar desde {municipio}",
    "recibió una corona fúnebre con su nombre en la sede de la organización",
)
_COLLECTIVE_NAMES = (
    "Consejo Comunitario de {lugar}",
    "Cabildo Indígena de {lugar}",
    "Asociación Campesina de {lugar}",
    "Junta de Acción Comunal de la vereda {vereda}",
    "Asociación de Mujeres Víctimas de {lugar}",
    "Mesa Municipal de Participación de Víctimas de {lugar}",
    "Sindicato de Trabajadores Agrícolas de {lugar}",
    "Colectivo de Comunicaciones Populares de {lugar}",
    "Resguardo Indígena {vereda}",
)
_VEREDAS = (
    "La Esperanza", "El Diviso", "Bellavista", "San Isidro", "La Unión", "El Porvenir", "Buenos Aires",
    "Santa Rita", "Nueva Colombia", "Alto Mira", "El Retiro", "Brisas del Río", "La Florida", "Miravalle",
)
_DELEGATE_POSITIONS = (
    "Asesor(a) del despacho", "Profesional especializado(a)", "Coordinador(a) de grupo", "Abogado(a) asesor(a)",
    "Profesional universitario(a)", "Subdirector(a) técnico(a)", "Enlace de derechos humanos",
)
_COMPETENT_ENTITIES = (
    "Agencia Nacional de Tierras", "Unidad de Restitución de Tierras", "Gobernación del departamento",
    "Alcaldía municipal", "Ministerio de Educación Nacional", "Agencia para la Reincorporación y la Normalización",
)
_OBSERVATIONS = {
    "defensoria": "La Defensoría del Pueblo informa que emitió alerta temprana para {municipio} y pide tenerla en cuenta.",
    "procuraduria": "La Procuraduría solicita hacer seguimiento a la implementación oportuna de las medidas.",
    "fiscalia": "La Fiscalía informa que existe noticia criminal por amenazas y que la investigación está en indagación.",
    "oacnudh": "La OACNUDH recuerda la situación de riesgo de las personas defensoras en {departamento}.",
    "acnur": "ACNUR resalta la condición de desplazamiento forzado y pide medidas con enfoque diferencial.",
    "ciat": "La Secretaría Técnica de la CIAT señala que el municipio tiene informe de riesgo vigente.",
    "delegado_pob": "El delegado de la población objeto pide tener en cuenta el liderazgo y el contexto territorial.",
    "entidades_competentes": "La entidad competente informa las acciones adelantadas en el territorio.",
    "entidades_restablecimiento": "Las entidades competentes exponen la oferta de atención psicosocial disponible.",
    "responsables_medidas_colectivas": "La entidad responsable informa la concertación de la medida colectiva con la comunidad.",
    "": "Solicita que se consideren los antecedentes de riesgo en la zona.",
}


# --- report ------------------------------------------------------------------------------------


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


# --- planning structures --------------------------------------------------------------------


@dataclass
class _Seat:
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
class _Committee:
    id: int
    code: str
    kind: str
    short_name: str
    composition_id: int
    seats: list[_Seat]
    voting: tuple[SeatView, ...]
    settings: Any
    secretary: tuple[str, str] = ("", "")


class _CasePlan:
    __slots__ = (
        "id", "radicado", "kind", "population", "displaced", "is_woman", "choice", "up_pcc", "servant",
        "legal", "route", "pct", "level", "target", "gvp", "department", "municipality", "request",
        "study", "status", "analyst", "order",
    )

    def profile(self) -> CaseProfile:
        return CaseProfile(
            kind=CaseKind(self.kind), population=self.population, is_woman=self.is_woman,
            chose_women_committee=self.choice, up_pcc_member=self.up_pcc,
            population_committee="COMITE_ESPECIAL" if self.servant else None,
        )


@dataclass
class _SessionPlan:
    id: int
    committee: _Committee
    day: date
    start: time
    number: int = 0
    status: str = SessionStatus.ACTA_APROBADA.value
    session_type: str = SessionType.ORDINARIA.value
    cases: list[_CasePlan] = field(default_factory=list)


@dataclass
class _Pending:
    ready: date
    case: _CasePlan
    gvp_hearing_id: int
    level: str
    pct: float | None
    concept: str
    created: datetime


# --- bulk writer ----------------------------------------------------------------------------

_ORDER = (
    Case, CommitteeSession, Attendance, AgendaItem, Hearing, AttendanceCase, Observation, Decision,
    MeasureDecision, Vote, Handoff, EmergencyMeasure, Commitment,
)


class _Writer:
    """Buffers plain rows per table and writes them in one transaction per batch."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.rows: dict[type, list[dict[str, Any]]] = {model: [] for model in _ORDER}
        self.presiding: list[dict[str, int]] = []
        self.pending = 0
        self.batches = 0
        self.totals: dict[str, int] = {model.__tablename__: 0 for model in _ORDER}

    def add(self, model: type, row: dict[str, Any]) -> None:
        self.rows[model].append(row)
        self.pending += 1

    def flush(self, what: str) -> None:
        if not self.pending and not self.presiding:
            return
        self.batches += 1
        counts = {model.__tablename__: len(rows) for model, rows in self.rows.items() if rows}
        with self.ctx.transaction() as s:
            for model in _ORDER:
                rows = self.rows[model]
                if rows:
                    s.execute(insert(model.__table__), rows)
                if model is Attendance and self.presiding:
                    table = CommitteeSession.__table__
                    s.execute(
                        update(table).where(table.c.id == bindparam("sid"))
                        .values(presiding_attendance_id=bindparam("pid")),
                        self.presiding,
                    )
            audit.record(s, self.ctx, "demo_generado", "demo",
                         details={"lote": self.batches, "contenido": what, "filas": counts})
        for model, rows in self.rows.items():
            self.totals[model.__tablename__] += len(rows)
            rows.clear()
        self.presiding.clear()
        self.pending = 0


# --- the generator ---------------------------------------------------------------------------


def _password(rng: secrets.SystemRandom) -> str:
    alphabet = string.ascii_letters + string.digits
    body = "".join(rng.choice(alphabet) for _ in range(12))
    return f"Demo-{body}-{rng.randint(10, 99)}"


def _utc(day: date, at: time) -> datetime:
    """A Bogotá wall-clock moment (UTC-5, no daylight saving) as aware UTC."""
    return datetime.combine(day, at).replace(tzinfo=UTC) + timedelta(hours=5)


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _at(minutes: int) -> time:
    minutes = max(0, min(minutes, 23 * 60 + 59))
    return time(minutes // 60, minutes % 60)


def _pct_text(pct: float | None) -> str:
    return "sin puntaje" if pct is None else f"{pct:.2f}".replace(".", ",") + " %"


class _Generator:
    def __init__(self, ctx: ServiceContext, *, sessions: int, cases: int, seed: int, end: date,
                 progress: Progress | None, actas: int) -> None:
        from faker import Faker

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
        self.writer = _Writer(ctx)
        self.report = DemoReport(seed=seed)
        self.ids: dict[str, int] = {}
        self.departments = [d for d, _, _ in DEPARTMENTS]
        self.dept_weights = _cumulative([w for _, w, _ in DEPARTMENTS])
        self.municipalities = {d: m for d, _, m in DEPARTMENTS}
        self.analysts = [self.person_name(self.rng.random() < 0.5) for _ in range(45)]
        self.pending: dict[str, list[_Pending]] = {code: [] for code in ALL_COMMITTEES}
        self.commitments: list[dict[str, Any]] = []
        self.emergencies: list[dict[str, Any]] = []
        self.emergency_done: set[int] = set()
        self.restoration_shown = False
        self.steps_done = 0
        self.steps_total = 1
        self.vault = ctx.db.vault

    # -- small helpers ---------------------------------------------------------------------

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

    # -- catalogue ---------------------------------------------------------------------------

    def load_catalog(self, s: Session) -> None:
        self.committees: dict[str, _Committee] = {}
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
                seats.append(_Seat(seat.id, seat.key, seat.entity, seat.holder, seat.role, seat.rights,
                                   seat.condition, seat.population_code, view))
            voting = tuple(st.view for st in seats if st.rights == Rights.VOZ_Y_VOTO.value)
            self.committees[code] = _Committee(committee.id, code, committee.kind, committee.short_name, comp.id,
                                               seats, voting, voting_settings(comp))
        self.measures = {m.code: m.restoration for m in s.scalars(select(MeasureType).where(MeasureType.active))}
        self.bands = risk_bands(s)
        self.band_of = {level: (lo, hi) for level, lo, hi in self.bands}
        from comite.model import Population

        known = set(s.scalars(select(Population.code)))
        self.populations = [p for p in _POPULATION_WEIGHTS if p in known]
        self.pop_weights = _cumulative([_POPULATION_WEIGHTS[p] for p in self.populations])
        self.coll_populations = [p for p in _COLLECTIVE_POPULATIONS if p in known]
        self.coll_weights = _cumulative([_COLLECTIVE_POPULATIONS[p] for p in self.coll_populations])
        for model in _ORDER:
            if model is AttendanceCase:
                continue
            self.ids[model.__tablename__] = s.scalar(select(func.max(model.id))) or 0
        for code, committee in self.committees.items():
            name = self.person_name(self.rng.random() < 0.6)
            position = "Secretaría Técnica del GVP" if code == "GVP" else (
                "Secretaría Técnica del Comité especial" if code == "COMITE_ESPECIAL"
                else "Secretaría Técnica del CERREM")
            if code == "CERREM_UP_PCC":
                position = "Ministerio del Interior – Dirección de Derechos Humanos (secretaría técnica)"
            committee.secretary = (name, position)

    # -- calendar ----------------------------------------------------------------------------

    def plan_sessions(self) -> list[_SessionPlan]:
        rng = self.rng
        counts = {code: max(1, int(self.n_sessions * _SHARE[code])) for code in ALL_COMMITTEES}
        counts["GVP"] += self.n_sessions - sum(counts.values())
        days = [self.start + timedelta(days=i) for i in range((self.end - self.start).days)]
        past_days = [d for d in days if is_business_day(d)]
        future = [self.end + timedelta(days=i) for i in range(1, 40)]
        future_days = [d for d in future if is_business_day(d)]
        plans: list[_SessionPlan] = []
        for order, code in enumerate(ALL_COMMITTEES):
            committee = self.committees[code]
            n = counts[code]
            upcoming = min(4, max(1, round(n * 0.04))) if n >= 3 else 0
            live = 1 if code == "CERREM_POBLACIONAL" and n >= 2 else 0
            past = n - upcoming - live
            # the session in progress finds the GVP results of its last days waiting for it
            usable = [d for d in past_days if d < self.end - timedelta(days=10)] if live else past_days
            picked = _spread(usable, past)
            per_day: dict[date, int] = {}
            for day in picked:
                k = per_day.get(day, 0)
                per_day[day] = k + 1
                plans.append(_SessionPlan(0, committee, day, _start_time(code, k)))
            for i in range(upcoming):
                day = future_days[min(len(future_days) - 1, 2 + i * 5 + order % 3)]
                status = SessionStatus.CONVOCADA.value if i == 0 else SessionStatus.PROGRAMADA.value
                plans.append(_SessionPlan(0, committee, day, _start_time(code, i), status=status))
            if live:
                plans.append(_SessionPlan(0, committee, self.end, time(9, 0), status=SessionStatus.EN_CURSO.value))
        plans.sort(key=lambda p: (p.day, p.start, ALL_COMMITTEES.index(p.committee.code)))
        numbers: dict[tuple[str, int], int] = {}
        recent = self.end - timedelta(days=_RECENT_DAYS)
        for plan in plans:
            plan.id = self.next_id("committee_session")
            key = (plan.committee.code, plan.day.year)
            numbers[key] = numbers.get(key, 0) + 1
            plan.number = numbers[key]
            if rng.random() < 0.08:
                plan.session_type = SessionType.EXTRAORDINARIA.value
            if plan.day < self.end and plan.day >= recent:
                plan.status = SessionStatus.CERRADA.value
        self.by_committee: dict[str, list[_SessionPlan]] = {code: [] for code in ALL_COMMITTEES}
        for plan in plans:
            self.by_committee[plan.committee.code].append(plan)
        # Sessions whose acta goes through the real acta service once the data is written:
        # the latest approved one of each committee (final PDF) and an earlier GVP one (draft).
        self.acta_final: list[_SessionPlan] = []
        self.acta_draft: _SessionPlan | None = None
        if self.actas:
            for code in ALL_COMMITTEES:
                approved = [p for p in self.by_committee[code] if p.status == SessionStatus.ACTA_APROBADA.value]
                if approved and len(self.acta_final) < self.actas:
                    self.acta_final.append(approved[-1])
                if code == "GVP" and len(approved) >= 2:
                    self.acta_draft = approved[-2]
            for plan in [*self.acta_final, self.acta_draft]:
                if plan is not None:
                    plan.status = SessionStatus.CERRADA.value
        return plans

    # -- cases -------------------------------------------------------------------------------

    def plan_cases(self, plans: list[_SessionPlan]) -> list[_CasePlan]:
        rng = self.rng
        gvp_past = [p for p in plans if p.committee.code == "GVP" and p.day < self.end]
        gvp_future = [p for p in plans if p.committee.code == "GVP" and p.day > self.end]
        business = [self.start - timedelta(days=150) + timedelta(days=i) for i in range(150 + 365 + 60)]
        business = [d for d in business if is_business_day(d)]
        out: list[_CasePlan] = []
        for i in range(self.n_cases):
            c = _CasePlan()
            c.order = i
            c.kind = CaseKind.COLECTIVO.value if rng.random() < 0.07 else CaseKind.INDIVIDUAL.value
            individual = c.kind == CaseKind.INDIVIDUAL.value
            c.is_woman = individual and rng.random() < 0.46
            c.choice = None
            if c.is_woman:
                r = rng.random()
                c.choice = True if r < 0.35 else (False if r < 0.75 else None)
            c.up_pcc = individual and rng.random() < 0.04
            c.servant = individual and not c.up_pcc and rng.random() < 0.03
            if not individual:
                c.population = rng.choices(self.coll_populations, cum_weights=self.coll_weights)[0]
            elif c.servant:  # populations 14 and 15, heard by the servidores committee
                c.population = "servidor_ddhh_paz" if rng.random() < 0.7 else "exservidor_ddhh_paz"
            elif c.up_pcc:
                c.population = "politicos" if rng.random() < 0.7 else "victimas"
            else:
                c.population = rng.choices(self.populations, cum_weights=self.pop_weights)[0]
            c.displaced = rng.random() < (0.6 if c.population == "victimas" else 0.12)
            c.legal = (rng.random() < 0.4) if not individual else None
            r = rng.random()
            c.route = (Route.ORDINARIA if r < 0.72 else Route.REVALUACION if r < 0.87
                       else Route.EMERGENCIA if r < 0.94 else Route.HECHOS_SOBREVINIENTES).value
            c.department, c.municipality = self.place()
            c.target = target_committee(c.profile())
            c.analyst = rng.choice(self.analysts)
            c.status = "en_estudio"
            # when its study reaches the GVP
            r = rng.random()
            c.gvp = None
            if r < 0.86 and gvp_past:
                c.gvp = rng.choice(gvp_past)
            elif r < 0.90 and gvp_future:
                c.gvp = rng.choice(gvp_future)
            if c.gvp is not None:
                k = bisect.bisect_left(business, min(c.gvp.day, self.end)) - rng.randint(1, 5)
                c.study = business[max(0, k)]
            else:
                r = rng.random()
                k = bisect.bisect_left(business, self.end)
                if r < 0.7:
                    c.study = None
                elif r < 0.95:
                    c.study = business[k - rng.randint(0, 4)]
                else:
                    c.study = business[k - rng.randint(6, 15)]
            base = c.study or (self.end - timedelta(days=rng.randint(0, 40)))
            c.request = base - timedelta(days=rng.randint(35, 75) if c.study else rng.randint(0, 20))
            if c.study is None:
                c.pct, c.level = None, None
            else:
                r = rng.random()
                level = (RiskLevel.ORDINARIO if r < 0.28 else RiskLevel.EXTRAORDINARIO if r < 0.84
                         else RiskLevel.EXTREMO)
                lo, hi = self.band_of[level]
                c.pct = round(rng.uniform(lo, hi), 2)
                c.level = level_for_percentage(c.pct, self.bands).value
            if c.gvp is not None:
                c.gvp.cases.append(c)
            out.append(c)
        # Ids and radicados follow the order of the requests, as the registry numbers them.
        out.sort(key=lambda c: (c.request, c.order))
        seq: dict[int, int] = {}
        for c in out:
            c.id = self.next_id("case_file")
            year = c.request.year
            seq[year] = seq.get(year, rng.randint(1000, 9000) * 10) + rng.randint(1, 25)
            c.radicado = f"EXT{year % 100:02d}-{seq[year]:08d}"
        for plan in gvp_past + gvp_future:
            plan.cases.sort(key=lambda c: (c.study, c.id))
        return out

    def write_cases(self, plans: list[_CasePlan]) -> None:
        rng = self.rng
        recent: dict[bool, deque[tuple[str, str]]] = {True: deque(maxlen=400), False: deque(maxlen=400)}
        used_docs: set[int] = set()
        for c in plans:
            individual = c.kind == CaseKind.INDIVIDUAL.value
            reuse = recent[c.is_woman] if individual else None
            if reuse and c.route == Route.REVALUACION.value and rng.random() < 0.6:
                name, document = reuse[rng.randrange(len(reuse))]
            elif individual:
                name = self.person_name(c.is_woman)
                while True:
                    number = rng.randint(1_000_000, 1_150_000_000) if rng.random() < 0.97 else rng.randint(
                        1_000_000_000, 1_199_999_999)
                    if number not in used_docs:
                        used_docs.add(number)
                        break
                document = str(number)
                reuse.append((name, document))  # type: ignore[union-attr]
            else:
                name = rng.choice(_COLLECTIVE_NAMES).format(lugar=c.municipality, vereda=rng.choice(_VEREDAS))
                document = f"{rng.randint(800_000_000, 901_999_999)}-{rng.randint(0, 9)}" if c.legal else None
            threat = rng.choice(_THREATS).format(municipio=c.municipality)
            subject = ("La persona" if individual else "El colectivo")
            differential = []
            if c.is_woman:
                differential.append("genero")
            if c.population == "etnicos":
                differential.append("etnico")
            row = {
                "id": c.id, "radicado": c.radicado, "kind": c.kind, "beneficiary_name": name,
                "document_number": document,
                "document_bidx": self.vault.blind_index(document, "document") if document else None,
                "contact": f"3{rng.randint(0, 2)}{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                "address": f"{rng.choice(self.streets)}, {c.municipality}",
                "narrative": f"{subject} {threat}.",
                "population_code": c.population, "department": c.department, "municipality": c.municipality,
                "route": c.route, "displaced": c.displaced, "analyst": c.analyst if c.study else None,
                "matrix_pct": c.pct, "proposed_level": c.level, "is_woman": c.is_woman,
                "women_committee_choice": c.choice, "up_pcc_member": c.up_pcc,
                "legally_recognised": c.legal, "differential": ",".join(differential),
                "request_date": c.request, "study_received": c.study, "status": "en_estudio",
                "created_at": _utc(c.request, _at(8 * 60 + rng.randint(0, 540))), "row_version": 1,
            }
            self.writer.add(Case, row)
            if self.writer.pending >= _CASE_BATCH:
                self.writer.flush("casos")
                self.tick()
        self.writer.flush("casos")
        self.tick()

    # -- sessions ----------------------------------------------------------------------------

    def run_sessions(self, plans: list[_SessionPlan]) -> None:
        previous_day: dict[str, date] = {}
        for plan in plans:
            code = plan.committee.code
            if code == "GVP":
                hearings = plan.cases
                received: list[_Pending] = []
            else:
                received = self.take_pending(plan)
                hearings = [p.case for p in received]
            self.session(plan, hearings, received, previous_day.get(code))
            if plan.day <= self.end:
                previous_day[code] = plan.day
            if self.writer.pending >= _FLUSH_ROWS:
                self.writer.flush("sesiones")
            self.tick()
        self.writer.flush("sesiones")

    def take_pending(self, plan: _SessionPlan) -> list[_Pending]:
        queue = self.pending[plan.committee.code]
        ready = [p for p in queue if p.ready <= plan.day]
        if plan.day > self.end:  # an upcoming session: part of the results stay pending for the GUI
            ready = ready[: len(ready) // 2]
        if ready:
            taken = {id(p) for p in ready}
            self.pending[plan.committee.code] = [p for p in queue if id(p) not in taken]
        return ready

    def session(self, plan: _SessionPlan, hearings: list[_CasePlan], received: list[_Pending],
                previous_day: date | None) -> None:
        rng = self.rng
        committee = plan.committee
        if len(hearings) > _ACTA_MAX_CASES and (plan in self.acta_final or plan is self.acta_draft):
            # too long an agenda to render the acta quickly: it stays approved without a stored PDF
            plan.status = SessionStatus.ACTA_APROBADA.value
            if plan is self.acta_draft:
                self.acta_draft = None
            else:
                self.acta_final.remove(plan)
        past = plan.day < self.end
        live = plan.status == SessionStatus.EN_CURSO.value
        upcoming = plan.day > self.end
        n = len(hearings)
        per_case = 5 if committee.code == "GVP" else 8
        start_min = _minutes(plan.start)
        duration = min(30 + per_case * n + rng.randint(0, 20), 19 * 60 + 30 - start_min)
        duration = max(duration, 45)
        end_min = start_min + duration
        virtual = rng.random() < 0.45
        place = ("Sala de juntas de la Unidad Nacional de Protección, Bogotá, D.C." if committee.code in
                 ("GVP", "COMITE_ESPECIAL") else "Ministerio del Interior, Bogotá, D.C.")
        session_row = {
            "id": plan.id, "committee_id": committee.id, "composition_id": committee.composition_id,
            "year": plan.day.year, "number": plan.number, "session_type": plan.session_type, "day": plan.day,
            "start_time": plan.start, "end_time": _at(end_min) if past else None,
            "place": place if (not virtual or rng.random() < 0.3) else None,
            "virtual_link": f"https://teams.microsoft.com/l/meetup-join/demo-{plan.id:05d}" if virtual else None,
            "status": plan.status,
            "development": (
                "Se verificó el quórum, se leyeron los compromisos pendientes y se presentaron los casos "
                "del orden del día." if past else None),
            "presiding_attendance_id": None,
            "secretary_name": committee.secretary[0], "secretary_position": committee.secretary[1],
            "locked": plan.status == SessionStatus.ACTA_APROBADA.value,
            "created_at": _utc(plan.day - timedelta(days=10), time(9, 0)), "row_version": 1,
        }
        self.writer.add(CommitteeSession, session_row)
        self.report.sessions += 1

        # Cases and their times
        decided_until = (max(1, int(n * 0.4)) if n >= 3 else 0) if live else None
        now_min = start_min + 30 + 6 * (decided_until or 0) + 10 if live else None
        case_times: list[int | None] = []
        for k in range(n):
            if upcoming:
                case_times.append(None)
            elif live:
                case_times.append(start_min + 20 + 6 * k)
            else:
                span = max(duration - 35, 1)
                case_times.append(start_min + 20 + (k * span) // max(n, 1))
        displaced = any(c.displaced for c in hearings)
        populations = {c.population for c in hearings}
        restoration_flags = []
        for k, c in enumerate(hearings):  # restoration measures analysed: sometimes, at least once
            level = received[k].level if received else c.level
            flag = (committee.code == "CERREM_UP_PCC" and level != RiskLevel.ORDINARIO.value
                    and (rng.random() < 0.3 or not self.restoration_shown) and not upcoming)
            self.restoration_shown = self.restoration_shown or flag
            restoration_flags.append(flag)

        # Attendance
        attendance, by_key = self.attendance(plan, start_min, end_min, displaced, populations,
                                             any(restoration_flags), past or live, upcoming, now_min)
        # Agenda
        kinds = [AgendaItemKind.QUORUM, AgendaItemKind.COMMITMENTS, AgendaItemKind.CASES]
        tail = [AgendaItemKind.VARIOUS]
        if committee.kind == CommitteeKind.CERREM.value:
            tail.insert(0, AgendaItemKind.EMERGENCY)
        position = 0
        for kind in kinds:
            self.writer.add(AgendaItem, {"id": self.next_id("agenda_item"), "session_id": plan.id,
                                         "position": position, "kind": kind.value, "title": kind.label,
                                         "notes": None})
            position += 1
        item_ids = []
        for c in hearings:
            item_id = self.next_id("agenda_item")
            item_ids.append(item_id)
            self.writer.add(AgendaItem, {"id": item_id, "session_id": plan.id, "position": position,
                                         "kind": AgendaItemKind.CASE.value, "title": f"Caso {c.radicado}",
                                         "notes": None})
            position += 1
        for kind in tail:
            self.writer.add(AgendaItem, {"id": self.next_id("agenda_item"), "session_id": plan.id,
                                         "position": position, "kind": kind.value, "title": kind.label,
                                         "notes": None})
            position += 1

        # Conditional seats marked for some cases (competence / pertinence)
        marked: dict[int, list[str]] = {}
        for key in ("entidades_competentes", "responsables_medidas_colectivas", "ente_privado"):
            att = by_key.get(key)
            if att is None or att["status"] != AttendanceStatus.PRESENTE.value or not hearings:
                continue
            if key == "responsables_medidas_colectivas":
                chosen = [k for k, c in enumerate(hearings) if c.level != RiskLevel.ORDINARIO.value]
            else:
                chosen = sorted(rng.sample(range(n), min(n, rng.randint(1, 2))))
            for k in chosen:
                marked.setdefault(k, []).append(key)

        hearing_ids: list[int] = []
        for k, c in enumerate(hearings):
            hearing_id = self.next_id("hearing")
            hearing_ids.append(hearing_id)
            for key in marked.get(k, ()):
                self.writer.add(AttendanceCase, {"attendance_id": by_key[key]["id"], "hearing_id": hearing_id})
            moment = case_times[k]
            if decided_until is not None and k > decided_until:
                moment = None  # not discussed yet
            self.hearing(plan, c, hearing_id, item_ids[k], _at(moment) if moment is not None else None,
                         received[k] if received else None, restoration_flags[k], attendance, by_key,
                         frozenset(key for key in marked.get(k, ()) if by_key[key]["condition"] == SeatCondition.WHEN_COMPETENT.value),
                         frozenset(key for key in marked.get(k, ()) if by_key[key]["condition"] == SeatCondition.WHEN_PERTINENT.value),
                         record=(past or (decided_until is not None and k < decided_until)),
                         partial_votes=(decided_until is not None and k == decided_until),
                         previous_day=previous_day)
        if past or live:
            self.plan_commitments(plan, hearings, hearing_ids, attendance)

    def attendance(self, plan: _SessionPlan, start_min: int, end_min: int, displaced: bool,
                   populations: set[str | None], restoration: bool, held: bool, upcoming: bool,
                   now_min: int | None) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
        rng = self.rng
        committee = plan.committee
        rows: list[dict[str, Any]] = []
        by_key: dict[str, dict[str, Any]] = {}
        delegate_present: dict[str | None, bool] = {}
        for position, seat in enumerate(committee.seats):
            status = AttendanceStatus.AUSENTE.value
            capacity = Capacity.PRINCIPAL.value
            arrival = departure = None
            person = person_position = email = None
            if held:
                status = self.seat_status(seat, displaced, populations, restoration, delegate_present)
            if status == AttendanceStatus.PRESENTE.value:
                woman = rng.random() < 0.5
                person = self.person_name(woman)
                if rng.random() < 0.65 and seat.role != "preside" or seat.holder.startswith("Delegad"):
                    capacity = Capacity.DELEGADO.value
                    person_position = rng.choice(_DELEGATE_POSITIONS)
                else:
                    person_position = seat.holder
                if seat.key == "entidades_competentes":
                    person_position = f"Delegado(a) de {rng.choice(_COMPETENT_ENTITIES)}"
                email = self.email(person, "demo.gov.co")
                if seat.role != "preside":
                    r = rng.random()
                    if r < 0.10:
                        arrival = _at(start_min + rng.randint(15, 70))
                    elif r < 0.18 and now_min is None:
                        departure = _at(end_min - rng.randint(15, 70))
                    if arrival is not None and now_min is not None and _minutes(arrival) > now_min:
                        arrival = _at(now_min - 5)
                    if arrival and departure and departure <= arrival:
                        departure = None
            elif upcoming and plan.status == SessionStatus.CONVOCADA.value and seat.condition is None:
                person_position = seat.holder
            row = {
                "id": self.next_id("attendance"), "session_id": plan.id, "seat_id": seat.id,
                "seat_key": seat.key, "position": position, "entity": seat.entity, "role": seat.role,
                "rights": seat.rights, "condition": seat.condition, "population_code": seat.population,
                "person_name": person, "person_position": person_position, "email": email,
                "capacity": capacity, "status": status, "arrival": arrival, "departure": departure,
                "ad_hoc_reason": None, "row_version": 1,
            }
            rows.append(row)
            by_key[seat.key] = row
            self.writer.add(Attendance, row)
            if seat.role == "preside":
                self.writer.presiding.append({"sid": plan.id, "pid": row["id"]})
        return rows, by_key

    def seat_status(self, seat: _Seat, displaced: bool, populations: set[str | None], restoration: bool,
                    delegate_present: dict[str | None, bool]) -> str:
        r = self.rng.random()
        present, excused = AttendanceStatus.PRESENTE.value, AttendanceStatus.EXCUSADO.value
        absent = AttendanceStatus.AUSENTE.value
        if seat.role == "preside":
            return present
        if seat.rights == Rights.VOZ_Y_VOTO.value:
            return present if r < 0.88 else excused if r < 0.95 else absent
        condition = seat.condition
        if condition is None:
            return present if r < 0.7 else excused if r < 0.85 else absent
        if condition == SeatCondition.DISPLACED_CASES.value:
            return present if displaced and r < 0.9 else absent
        if condition == SeatCondition.OWN_POPULATION.value:
            if seat.population not in populations:
                return absent
            first = seat.population not in delegate_present
            delegate_present[seat.population] = True
            return present if r < (0.75 if first else 0.3) else absent
        if condition == SeatCondition.RESTORATION_MEASURES.value:
            return present if restoration and r < 0.9 else absent
        if seat.key == "responsables_medidas_colectivas":
            return present if r < 0.6 else absent
        if condition == SeatCondition.WHEN_COMPETENT.value:
            return present if r < 0.25 else absent
        return present if r < 0.05 else absent  # when pertinent

    # -- one case in one session ------------------------------------------------------------

    def hearing(self, plan: _SessionPlan, c: _CasePlan, hearing_id: int, item_id: int, moment: time | None,
                pending: _Pending | None, restoration: bool, attendance: list[dict[str, Any]],
                by_key: dict[str, dict[str, Any]], competent: frozenset[str], pertinent: frozenset[str],
                *, record: bool, partial_votes: bool, previous_day: date | None) -> None:
        rng = self.rng
        committee = plan.committee
        gvp = committee.code == "GVP"
        if not gvp:
            require_women_choice(c.profile(), committee.code)  # raises on a routing bug
            if committee.code != c.target:
                raise RuleViolation(f"demo: el caso {c.radicado} no corresponde al {committee.short_name}")
        if gvp:
            proposal_level, proposal_pct, proposal_concept = c.level, c.pct, None
            source = "registro"
        else:
            assert pending is not None
            proposal_level, proposal_pct, proposal_concept = pending.level, pending.pct, pending.concept
            source = "gvp"
        deliberation = None
        if moment is not None:
            if gvp:
                deliberation = (f"El analista {c.analyst} presenta el estudio de nivel de riesgo; la matriz arroja "
                                f"{_pct_text(c.pct)}. Se revisan los hechos y el perfil.")
            else:
                deliberation = (f"Se analiza el concepto del GVP (riesgo {RiskLevel(proposal_level).label.lower()}, "
                                f"{_pct_text(proposal_pct)}) y el contexto de {c.municipality}.")
        recognition_answers = recognition_granted = None
        recognised = True
        collective_check = (committee.code == "CERREM_COLECTIVO" and not c.legal)
        if collective_check and moment is not None and (record or partial_votes):
            answers = {code: True for code, _ in CRITERIA}
            r = rng.random()
            if r < 0.07:
                answers[rng.choice(CRITERIA)[0]] = False
                recognition_granted = True  # criteria are not exhaustive: the committee recognises it
            elif r < 0.10:
                answers[rng.choice(CRITERIA)[0]] = False
                recognition_granted = False
                recognised = False
            recognition_answers = json.dumps(answers, sort_keys=True)
        case_view = CaseView(population=c.population, displaced=c.displaced, restoration_measures=restoration,
                             competent_seats=competent, pertinent_seats=pertinent)
        views = {a["seat_key"]: AttendanceView(a["seat_key"], AttendanceStatus(a["status"]), a["arrival"],
                                               a["departure"]) for a in attendance}
        self.writer.add(Hearing, {
            "id": hearing_id, "session_id": plan.id, "agenda_item_id": item_id, "case_id": c.id,
            "source": source, "proposal_level": proposal_level, "proposal_pct": proposal_pct,
            "proposal_concept": proposal_concept, "discussed_at": moment, "restoration_measures": restoration,
            "deliberation": deliberation, "recognition_answers": recognition_answers,
            "recognition_granted": recognition_granted, "row_version": 1,
        })
        self.report.hearings += 1
        if pending is not None:
            self.emit_handoff(pending, received_hearing_id=hearing_id)
        if c.route == Route.EMERGENCIA.value and not gvp and c.id not in self.emergency_done:
            low = (previous_day or plan.day - timedelta(days=14)) + timedelta(days=1)
            adopted = min(low + timedelta(days=rng.randint(0, max(0, (plan.day - low).days))), self.end)
            self.add_emergency(c, committee, adopted, reported=plan.id)
        if moment is not None and (record or partial_votes):
            self.observations(c, hearing_id, attendance, case_view, moment)
        if partial_votes and moment is not None:
            quorum = quorum_for_case(committee.voting, views, case_view, moment, committee.settings)
            if quorum.has_quorum:
                voters = list(quorum.present_voting)[: max(1, len(quorum.present_voting) // 2)]
                votes = [VoteView(key, VoteChoice.A_FAVOR) for key in voters]
                validate_votes(votes, committee.voting, views, case_view, moment, committee.settings)
                self.emit_votes(hearing_id, votes, by_key)
            return
        if not record or moment is None:
            return
        self.decide(plan, c, hearing_id, moment, views, case_view, by_key, proposal_level, proposal_pct,
                    recognised, collective_check, recognition_answers, recognition_granted, restoration)

    def decide(self, plan: _SessionPlan, c: _CasePlan, hearing_id: int, moment: time,
               views: dict[str, AttendanceView], case_view: CaseView, by_key: dict[str, dict[str, Any]],
               proposal_level: str | None, proposal_pct: float | None, recognised: bool,
               collective_check: bool, answers_json: str | None, granted: bool | None,
               restoration: bool) -> None:
        rng = self.rng
        committee = plan.committee
        gvp = committee.code == "GVP"
        r = rng.random()
        outcome = DecisionOutcome.DECIDED
        concept = ""
        if proposal_level is None:
            outcome, concept = DecisionOutcome.RETURNED, "Se devuelve al analista: el estudio no trae puntaje."
        elif r < (0.07 if gvp else 0.03):
            outcome = DecisionOutcome.RETURNED
            concept = "Se devuelve al analista para complementar el estudio con las entrevistas pendientes."
        elif r < (0.11 if gvp else 0.07):
            outcome = DecisionOutcome.POSTPONED
            concept = "Se aplaza para la próxima sesión a la espera de información de la Fiscalía."
        elif not recognised:
            outcome = DecisionOutcome.RETURNED
            concept = "El comité no reconoce socialmente al colectivo: no procede la evaluación del riesgo."
        quorum = quorum_for_case(committee.voting, views, case_view, moment, committee.settings)
        if outcome is DecisionOutcome.DECIDED and not quorum.has_quorum:
            outcome = DecisionOutcome.POSTPONED
            concept = "Se aplaza por falta de quórum en el momento de tratar el caso."
        level: RiskLevel | None = None
        measures: list[tuple[str, int, str, int | None, str | None]] = []
        tally = None
        votes: list[VoteView] = []
        if outcome is DecisionOutcome.DECIDED:
            level = RiskLevel(proposal_level)
            if rng.random() < 0.08:
                order = list(RiskLevel)
                index = order.index(level) + (1 if rng.random() < 0.5 else -1)
                level = order[max(0, min(len(order) - 1, index))]
            if collective_check:
                check_social_recognition(json.loads(answers_json) if answers_json else None, False, granted)
            if gvp:
                concept = _gvp_concept(level, c)
            else:
                measures = self.measures_for(c, level, committee.code, restoration)
                validated = level.value == proposal_level
                concept = (f"Se {'valida' if validated else 'ajusta'} el nivel de riesgo "
                           f"{level.label.lower()} y se recomiendan las medidas descritas."
                           if measures else f"Se {'valida' if validated else 'ajusta'} el nivel de riesgo "
                           f"{level.label.lower()}: no proceden nuevas medidas de protección.")
            votes = self.votes(quorum.present_voting, level)
            try:
                tally = validate_adoption(votes, committee.voting, views, case_view, moment, committee.settings)
            except RuleViolation:  # unusual configured majorities: everyone votes in favour
                votes = [VoteView(key, VoteChoice.A_FAVOR) for key in quorum.present_voting]
                tally = validate_adoption(votes, committee.voting, views, case_view, moment, committee.settings)
            self.emit_votes(hearing_id, votes, by_key)
        decision_id = self.next_id("decision")
        self.writer.add(Decision, {
            "id": decision_id, "hearing_id": hearing_id, "outcome": outcome.value,
            "risk_level": level.value if level else None, "matrix_pct": proposal_pct, "concept": concept or None,
            "adopted": tally is not None and tally.adopted,
            "a_favor": tally.a_favor if tally else 0, "en_contra": tally.en_contra if tally else 0,
            "abstencion": tally.abstencion if tally else 0, "decided_on": plan.day, "row_version": 1,
        })
        self.report.decisions += 1
        for position, (code, quantity, action, months, notes) in enumerate(measures):
            self.writer.add(MeasureDecision, {
                "id": self.next_id("measure_decision"), "decision_id": decision_id, "position": position,
                "measure_code": code, "quantity": quantity, "action": action, "temporality_months": months,
                "revaluation_date": revaluation_date(plan.day, months) if months else None, "notes": notes,
            })
            self.report.measures += 1
        if outcome is DecisionOutcome.RETURNED:
            c.status = "devuelto_analista"
        elif outcome is DecisionOutcome.POSTPONED:
            c.status = "aplazado"
        else:
            c.status = "valorado_gvp" if gvp else "recomendado"
        if gvp and tally is not None and tally.adopted:
            ready = self.business_after(plan.day, 1)  # notified the next business day
            self.pending[c.target].append(_Pending(ready, c, hearing_id, level.value, proposal_pct, concept,
                                                   _utc(plan.day, _at(_minutes(moment) + 30))))

    def business_after(self, day: date, n: int) -> date:
        return add_business_days(day, n)

    def votes(self, present: tuple[str, ...], level: RiskLevel) -> list[VoteView]:
        rng = self.rng
        votes = [VoteView(key, VoteChoice.A_FAVOR) for key in present]
        if len(present) >= 3:
            r = rng.random()
            k = rng.randrange(1, len(present))  # never the first seat (who presides)
            other = RiskLevel.EXTREMO if level is not RiskLevel.EXTREMO else RiskLevel.EXTRAORDINARIO
            if r < 0.12:
                votes[k] = VoteView(present[k], VoteChoice.EN_CONTRA,
                                    f"Salvamento de voto: considera que el nivel de riesgo debió ser "
                                    f"{other.label.lower()} por el contexto del territorio.")
            elif r < 0.17:
                votes[k] = VoteView(present[k], VoteChoice.ABSTENCION,
                                    "Se abstiene por no contar con la información completa del caso."
                                    if rng.random() < 0.5 else None)
            elif r < 0.20:
                votes[k] = VoteView(present[k], VoteChoice.A_FAVOR,
                                    "Aclaración de voto: pide priorizar la implementación de las medidas.")
        return votes

    def emit_votes(self, hearing_id: int, votes: list[VoteView], by_key: dict[str, dict[str, Any]]) -> None:
        for vote in votes:
            self.writer.add(Vote, {
                "id": self.next_id("vote"), "hearing_id": hearing_id, "attendance_id": by_key[vote.seat_key]["id"],
                "seat_key": vote.seat_key, "choice": vote.choice.value, "dissent": vote.dissent,
            })
            self.report.votes += 1

    def measures_for(self, c: _CasePlan, level: RiskLevel, committee: str,
                     restoration: bool) -> list[tuple[str, int, str, int | None, str | None]]:
        rng = self.rng
        available = self.measures
        revaluation = c.route == Route.REVALUACION.value
        out: list[tuple[str, int, str, int | None, str | None]] = []

        def add(code: str, quantity: int = 1, months: int | None = None, action: str | None = None,
                notes: str | None = None) -> None:
            if code not in available or any(m[0] == code for m in out):
                return
            if action is None:
                if revaluation:
                    action = rng.choices(("ratificar", "ajustar", "implementar"), (60, 30, 10))[0]
                else:
                    action = MeasureAction.IMPLEMENTAR.value
            if action in ("suspender", "finalizar"):
                months = None
            elif months is None:
                months = rng.choice((6, 6, 12, 12, 12))
            out.append((code, quantity, action, months, notes))

        if level is RiskLevel.ORDINARIO:
            if revaluation:
                add("boton_apoyo", action=MeasureAction.FINALIZAR.value)
                if rng.random() < 0.5:
                    add("medio_comunicacion", action=MeasureAction.FINALIZAR.value)
            return out
        if c.kind == CaseKind.COLECTIVO.value:
            add("fortalecimiento_org", months=12)
            if rng.random() < 0.6:
                add("comunicacion_colectiva", quantity=rng.randint(1, 3), months=12)
            if rng.random() < 0.3:
                add("adecuacion_sede", months=12)
            if level is RiskLevel.EXTREMO:
                add("hombre_proteccion", quantity=2)
            return out
        add("medio_comunicacion")
        if rng.random() < 0.7:
            add("chaleco_blindado")
        if level is RiskLevel.EXTREMO:
            add("hombre_proteccion", quantity=rng.choice((1, 2, 2, 3)))
            if rng.random() < 0.35:
                add("vehiculo_blindado", notes="Vehículo blindado nivel III por el contexto de la zona.")
            else:
                add("vehiculo_convencional",
                    notes="Tipo 4x4 por las condiciones de las vías." if rng.random() < 0.5 else None)
        elif rng.random() < 0.3:
            add("boton_apoyo")
        if c.displaced and rng.random() < 0.4:
            add("apoyo_reubicacion", quantity=rng.randint(1, 3), months=3)
            if rng.random() < 0.5:
                add("apoyo_trasteo", months=1)
        if committee == "CERREM_UP_PCC" and restoration:
            add("atencion_psicosocial", months=6)
            if rng.random() < 0.5:
                add("apoyo_restablecimiento", months=6)
        return out

    def observations(self, c: _CasePlan, hearing_id: int, attendance: list[dict[str, Any]],
                     case_view: CaseView, moment: time) -> None:
        rng = self.rng
        if rng.random() > 0.35:
            return
        speakers = []
        for a in attendance:
            if a["rights"] != Rights.SOLO_VOZ.value:
                continue
            view = AttendanceView(a["seat_key"], AttendanceStatus(a["status"]), a["arrival"], a["departure"])
            seat = SeatView(a["seat_key"], Rights(a["rights"]),
                            SeatCondition(a["condition"]) if a["condition"] else None, a["population_code"],
                            a["entity"])
            if is_present_at(view, moment) and seat_applies(seat, case_view):
                speakers.append(a)
        if not speakers:
            return
        a = rng.choice(speakers)
        key = a["seat_key"]
        template = _OBSERVATIONS["delegado_pob" if key.startswith("delegado_pob") else key] \
            if (key.startswith("delegado_pob") or key in _OBSERVATIONS) else _OBSERVATIONS[""]
        self.writer.add(Observation, {
            "id": self.next_id("observation"), "hearing_id": hearing_id, "attendance_id": a["id"],
            "entity": a["entity"],
            "text": template.format(municipio=c.municipality, departamento=c.department),
        })

    # -- what carries between sessions ---------------------------------------------------------

    def emit_handoff(self, p: _Pending, received_hearing_id: int | None) -> None:
        self.writer.add(Handoff, {
            "id": self.next_id("handoff"), "case_id": p.case.id, "gvp_hearing_id": p.gvp_hearing_id,
            "target_committee_id": self.committees[p.case.target].id, "level": p.level, "matrix_pct": p.pct,
            "concept": p.concept, "created_at": p.created, "received_hearing_id": received_hearing_id,
            "note": None,
        })

    def add_emergency(self, c: _CasePlan, committee: _Committee, adopted: date, reported: int | None) -> None:
        self.emergency_done.add(c.id)
        rng = self.rng
        what = rng.choice((
            "un (1) medio de comunicación y un (1) chaleco blindado",
            "un (1) apoyo económico de reubicación temporal",
            "dos (2) hombres de protección y un (1) vehículo convencional",
            "un (1) botón de apoyo y un (1) medio de comunicación",
        ))
        self.emergencies.append({
            "id": self.next_id("emergency_measure"), "case_id": c.id, "committee_id": committee.id,
            "adopted_on": adopted,
            "description": f"El Director adoptó como medida de emergencia {what} ante la inminencia del riesgo.",
            "reported_session_id": reported,
        })

    def plan_commitments(self, plan: _SessionPlan, hearings: list[_CasePlan], hearing_ids: list[int],
                         attendance: list[dict[str, Any]]) -> None:
        rng = self.rng
        present = [a for a in attendance if a["status"] == AttendanceStatus.PRESENTE.value
                   and a["condition"] is None]
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            k = rng.randrange(len(hearings)) if hearings and rng.random() < 0.6 else None
            c = hearings[k] if k is not None else None
            entity = rng.choice(present)["entity"] if present else "Unidad Nacional de Protección"
            if c is not None:
                description = rng.choice((
                    f"Oficiar a la Fiscalía para que informe el avance de la investigación del caso {c.radicado}.",
                    f"Verificar la implementación de las medidas del caso {c.radicado}.",
                    f"Solicitar a la Policía Nacional rondas de protección en {c.municipality} (caso {c.radicado}).",
                    f"Actualizar el estudio de riesgo del caso {c.radicado} con los hechos sobrevinientes.",
                ))
            else:
                description = rng.choice((
                    "Remitir a las entidades el borrador del acta para sus observaciones.",
                    "Consolidar el informe mensual de casos valorados.",
                    "Convocar a las entidades competentes para la concertación de medidas colectivas.",
                ))
            due = plan.day + timedelta(days=rng.randint(5, 30))
            status = CommitmentStatus.PENDIENTE.value
            closed_session = closed_on = None
            if due < self.end and rng.random() < 0.72:
                later = [p for p in self.by_committee[plan.committee.code]
                         if p.day > plan.day and p.day >= due - timedelta(days=7) and p.day < self.end]
                if later:
                    status = CommitmentStatus.CUMPLIDO.value
                    closed_session, closed_on = later[0].id, later[0].day
            elif rng.random() < 0.04:
                status, closed_on = CommitmentStatus.CANCELADO.value, plan.day + timedelta(days=3)
            self.commitments.append({
                "id": self.next_id("commitment"), "committee_id": plan.committee.id, "origin_session_id": plan.id,
                "hearing_id": hearing_ids[k] if k is not None else None, "description": description,
                "responsible": entity, "due_date": due, "status": status, "closed_session_id": closed_session,
                "closed_on": closed_on, "row_version": 1,
            })

    def finish(self, cases: list[_CasePlan]) -> None:
        rng = self.rng
        for code, queue in self.pending.items():
            for p in queue:
                self.emit_handoff(p, received_hearing_id=None)
                self.report.pending_handoffs += 1
            last = [p.day for p in self.by_committee[code] if p.day <= self.end]
            last_day = last[-1] if last else self.start
            for p in queue:
                if p.case.route == Route.EMERGENCIA.value and p.case.id not in self.emergency_done:
                    low = last_day + timedelta(days=1)
                    adopted = low + timedelta(days=rng.randint(0, max(0, (self.end - low).days)))
                    self.add_emergency(p.case, self.committees[code], min(adopted, self.end), reported=None)
        for c in cases:  # emergency cases still in study: their measure waits for the next session
            if c.route == Route.EMERGENCIA.value and c.gvp is None and c.id not in self.emergency_done:
                committee = self.committees[c.target]
                self.add_emergency(c, committee, self.end - timedelta(days=rng.randint(0, 6)), reported=None)
        for row in self.emergencies:
            self.writer.add(EmergencyMeasure, row)
        for row in self.commitments:
            self.writer.add(Commitment, row)
        self.report.emergencies = len(self.emergencies)
        self.report.commitments = len(self.commitments)
        self.writer.flush("resultados del GVP por recibir, compromisos y medidas de emergencia")
        by_status: dict[str, list[int]] = {}
        for c in cases:
            if c.status != "en_estudio":
                by_status.setdefault(c.status, []).append(c.id)
        with self.ctx.transaction() as s:
            table = Case.__table__
            for status, ids in by_status.items():
                for i in range(0, len(ids), 5000):
                    s.execute(update(table).where(table.c.id.in_(ids[i:i + 5000])).values(status=status))
            if s.get_bind().dialect.name == "postgresql":
                for model in _ORDER:
                    if model is AttendanceCase:
                        continue
                    name = model.__tablename__
                    s.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {name}), 1))"
                    ))
            audit.record(s, self.ctx, "demo_generado", "demo",
                         details={"contenido": "estado de los casos",
                                  "casos": {k: len(v) for k, v in by_status.items()}})


def _gvp_concept(level: RiskLevel, c: _CasePlan) -> str:
    if level is RiskLevel.ORDINARIO:
        return "Riesgo ordinario: no proceden medidas de protección."
    if c.kind == CaseKind.COLECTIVO.value:
        return (f"Riesgo {level.label.lower()}. Se conceptúa la pertinencia de medidas colectivas "
                "concertadas con la comunidad.")
    if level is RiskLevel.EXTREMO:
        return (f"Riesgo {level.label.lower()}. Se conceptúa la pertinencia de esquema de protección con "
                "hombres de protección y vehículo, además de medio de comunicación.")
    return (f"Riesgo {level.label.lower()}. Se conceptúa la pertinencia de medio de comunicación y "
            "chaleco blindado.")


def _cumulative(weights: list[int]) -> list[int]:
    out, total = [], 0
    for w in weights:
        total += w
        out.append(total)
    return out


def _spread(days: list[date], n: int) -> list[date]:
    """``n`` days evenly spread over ``days`` (repeating days when n exceeds them)."""
    if n <= 0 or not days:
        return []
    if n == 1:
        return [days[len(days) // 2]]
    return [days[(i * (len(days) - 1)) // (n - 1)] for i in range(n)]


def _start_time(code: str, k: int) -> time:
    base = (8, 14, 10, 16, 9, 15, 11) if code == "GVP" else (9, 14, 11, 16, 8, 15)
    return time(base[k % len(base)], 0 if k < len(base) else 30)


# --- entry point -------------------------------------------------------------------------------


def fill_demo(
    db: Database,
    *,
    sessions: int = 120,
    cases: int = 1500,
    seed: int = 7,
    progress: Progress | None = None,
    end: date = DEMO_END,
    actas: int = 5,
    kdf: Any = None,
    hasher: Any = None,
) -> DemoReport:
    """Fill ``db`` (opened with ``open_database``) with fictitious data.

    With no accounts, the DEMO accounts ``admin``, ``secretaria`` and
    ``revisor`` are created with random passwords (returned in
    :attr:`DemoReport.accounts`); with accounts, the database must already be
    unlocked (someone logged in) and the data is recorded by the system actor.
    ``actas`` sessions get a real approved acta (PDF) and one a draft in review.

    Raises:
        ValidationError: fewer than six sessions or no cases asked, or the
            database already has cases or sessions.
        LockedError: the database has accounts but is not unlocked.
    """
    if sessions < len(ALL_COMMITTEES):
        raise ValidationError(f"El demo necesita al menos {len(ALL_COMMITTEES)} sesiones (una por comité).")
    if cases < 1:
        raise ValidationError("El demo necesita al menos un caso.")
    started = _time.perf_counter()
    with db.Session() as s:
        if s.scalar(select(func.count(Case.id))) or s.scalar(select(func.count(CommitteeSession.id))):
            raise ValidationError(
                "La base de datos ya tiene casos o sesiones: el demo se genera en una base nueva o vacía."
            )
        has_users = bool(s.scalar(select(func.count(User.id))))
    created: list[tuple[str, str, str]] = []
    if not has_users:
        sysrand = secrets.SystemRandom()
        admin_password = _password(sysrand)
        accounts.initialize(db, username="admin", full_name="Administración DEMO", password=admin_password,
                            kdf=kdf, hasher=hasher, demo=True)
        login = accounts.login(db, "admin", admin_password)
        ctx = ServiceContext(db, login.actor, today=lambda: end)
        created.append(("admin", Role.ADMINISTRADOR.value, admin_password))
        for username, role, full_name in (("secretaria", Role.SECRETARIA, "Secretaría técnica DEMO"),
                                          ("revisor", Role.REVISOR, "Revisor de actas DEMO")):
            password = _password(sysrand)
            accounts.create_user(ctx, username=username, full_name=full_name, role=role, password=password,
                                 committees=ALL_COMMITTEES, kdf=kdf, hasher=hasher, demo=True)
            created.append((username, role.value, password))
    else:
        if not db.unlocked:
            raise LockedError(
                "La base de datos ya tiene cuentas y está bloqueada: inicie sesión antes de generar el demo."
            )
        ctx = ServiceContext(db, Actor.system("demo"), today=lambda: end)

    gen = _Generator(ctx, sessions=sessions, cases=cases, seed=seed, end=end, progress=progress, actas=actas)
    with db.Session() as s:
        gen.load_catalog(s)
    plans = gen.plan_sessions()
    case_plans = gen.plan_cases(plans)
    gen.steps_total = (len(plans) + cases // _CASE_BATCH + 2 + len(gen.acta_final)
                       + (1 if gen.acta_draft else 0))
    gen.write_cases(case_plans)
    gen.report.cases = len(case_plans)
    gen.run_sessions(plans)
    gen.finish(case_plans)
    gen.report.actas = _issue_actas(ctx, gen)
    report = gen.report
    report.accounts = created
    report.seconds = _time.perf_counter() - started
    if progress is not None:
        progress(gen.steps_total, gen.steps_total)
    return report


def _issue_actas(ctx: ServiceContext, gen: _Generator) -> int:
    """Real actas through the acta service: the latest approved session of each
    committee gets its final PDF (and is locked), an earlier GVP one a draft in review.

    The data is already written: an acta that cannot be rendered is logged and
    skipped (its session stays closed), it does not undo the demo.
    """
    from comite.services import acta

    issued = 0
    jobs = [(acta.issue_draft, gen.acta_draft)] if gen.acta_draft is not None else []
    jobs += [(acta.approve_acta, plan) for plan in gen.acta_final]
    for action, plan in jobs:
        try:
            action(ctx, plan.id)
        except Exception:  # noqa: BLE001 - a document problem must not lose the generated data
            log.warning("demo: no se pudo generar el acta de la sesión %s", plan.id, exc_info=True)
        else:
            issued += action is acta.approve_acta
        gen.tick()
    return issued
