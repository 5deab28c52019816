"""The case registry: create, change, find and follow cases across sessions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from comite.domain import AnalystGender, AuditAction, AuditEntity, CaseKind, CaseStatus, RiskLevel, Route
from comite.errors import ConcurrencyConflict, LockedError, NotFound, ValidationError
from comite.model import (
    Case,
    Committee,
    CommitteeSession,
    Decision,
    Hearing,
    MeasureDecision,
    Population,
)
from comite.rules.territory import canonical_department
from comite.services import audit
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action, require
from comite.text import has_control_characters, normalize_document, normalize_radicado, shown

RESERVED_FIELDS = ("beneficiary_name", "document_number", "contact", "address", "narrative")
MAX_NAME = 200
"""Characters of a beneficiary's or collective's name (the longest real ones are far shorter)."""
MAX_DOCUMENT = 30
"""Characters of a document number as typed (a NIT with its separators is 13)."""


@dataclass(frozen=True)
class CaseInput:
    radicado: str
    kind: CaseKind
    beneficiary_name: str
    document_number: str | None = None
    population_code: str | None = None
    department: str | None = None
    municipality: str | None = None
    route: Route = Route.ORDINARIA
    displaced: bool = False
    analyst: str | None = None
    matrix_pct: float | None = None
    proposed_level: RiskLevel | None = None
    is_woman: bool = False
    women_committee_choice: bool | None = None
    analyst_gender: AnalystGender | None = None
    up_pcc_member: bool = False
    legally_recognised: bool | None = None
    request_date: date | None = None
    study_received: date | None = None
    contact: str | None = None
    address: str | None = None
    narrative: str | None = None
    differential: tuple[str, ...] = field(default_factory=tuple)


def validate_case_input(inp: CaseInput, population_codes: set[str]) -> list[str]:
    """Every problem with ``inp``, as Spanish phrases (empty: the input is fine)."""
    problems: list[str] = []
    if not normalize_radicado(inp.radicado or ""):
        problems.append("falta el radicado")
    elif len(inp.radicado) > 60:
        problems.append("el radicado tiene más de 60 caracteres")
    if not (inp.beneficiary_name or "").strip():
        problems.append("falta el nombre del beneficiario o colectivo")
    elif len(inp.beneficiary_name) > MAX_NAME:
        problems.append(f"el nombre tiene más de {MAX_NAME} caracteres")
    if inp.kind is CaseKind.INDIVIDUAL and not (inp.document_number or "").strip():
        problems.append("falta el número de documento")
    elif len(inp.document_number or "") > MAX_DOCUMENT:
        problems.append(f"el número de documento tiene más de {MAX_DOCUMENT} caracteres")
    for label, value in (("el radicado", inp.radicado), ("el nombre", inp.beneficiary_name),
                         ("el número de documento", inp.document_number)):
        if value and has_control_characters(value):
            problems.append(f"{label} tiene caracteres de control invisibles")
    if inp.population_code is not None and inp.population_code not in population_codes:
        problems.append(f"población desconocida «{shown(inp.population_code)}»")
    if inp.matrix_pct is not None and not 0 <= inp.matrix_pct <= 100:
        problems.append("el puntaje de la matriz debe estar entre 0 y 100")
    if inp.department and canonical_department(inp.department) is None:
        problems.append(f"departamento «{shown(inp.department)}» desconocido (escriba uno de los 32 departamentos o "
                        "Bogotá, D.C.)")
    if inp.kind is CaseKind.COLECTIVO and inp.is_woman:
        problems.append("un caso colectivo no puede marcarse como caso de mujer")
    if inp.women_committee_choice is not None and not inp.is_woman:
        problems.append("solo una mujer elige si su caso va al CERREM de mujeres")
    if inp.analyst_gender is not None and not inp.is_woman:
        problems.append("solo una mujer elige el género de su analista (Resolución 805 de 2012)")
    return problems


def population_codes(s: Session) -> set[str]:
    return set(s.scalars(select(Population.code)))


def _bidx(ctx: ServiceContext, document: str | None) -> bytes | None:
    if not document or not normalize_document(document):
        return None
    if ctx.db.vault is None:  # the blind index is keyed: no key, no look-up and no write
        raise LockedError(
            "La base de datos está bloqueada: inicie sesión para buscar o registrar "
            "números de documento."
        )
    return ctx.db.vault.blind_index(document, "document")


def _apply(ctx: ServiceContext, case: Case, inp: CaseInput) -> None:
    for f in fields(CaseInput):
        if f.name in ("radicado", "kind", "route", "proposed_level", "differential"):
            continue
        setattr(case, f.name, getattr(inp, f.name))
    case.radicado = normalize_radicado(inp.radicado)
    case.department = canonical_department(inp.department) if inp.department else None
    case.kind = inp.kind
    case.route = inp.route
    case.proposed_level = inp.proposed_level
    case.differential = ",".join(inp.differential)
    case.document_bidx = _bidx(ctx, inp.document_number)


def new_case(ctx: ServiceContext, inp: CaseInput) -> Case:
    """An unsaved :class:`Case` from valid input (used by bulk import too)."""
    case = Case()
    _apply(ctx, case, inp)
    return case


def _audit_payload(inp: CaseInput) -> tuple[dict, dict]:
    data = {k: v for k, v in asdict(inp).items() if v is not None and v != ()}
    reserved = {k: data.pop(k) for k in RESERVED_FIELDS if k in data}
    return data, reserved


def create_case(ctx: ServiceContext, inp: CaseInput) -> Changes:
    require(ctx, Action.EDIT_CASES)
    with ctx.transaction() as s:
        problems = validate_case_input(inp, population_codes(s))
        if problems:
            raise ValidationError("No se registró el caso: " + "; ".join(problems) + ".")
        radicado = normalize_radicado(inp.radicado)
        if s.scalar(select(Case.id).where(Case.radicado == radicado)):
            raise ValidationError(f"Ya existe un caso con el radicado {radicado}.")
        case = new_case(ctx, inp)
        s.add(case)
        s.flush()
        data, reserved = _audit_payload(inp)
        audit.record(s, ctx, AuditAction.CASO_CREADO, AuditEntity.CASO, case.id, case_id=case.id, details=data,
                     reserved=reserved)
        return Changes(cases=True, created_id=case.id)


def _load(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise NotFound(f"No existe el caso {case_id}.")
    return case


def to_input(case: Case) -> CaseInput:
    return CaseInput(
        radicado=case.radicado,
        kind=CaseKind(case.kind),
        beneficiary_name=case.beneficiary_name,
        document_number=case.document_number,
        population_code=case.population_code,
        department=case.department,
        municipality=case.municipality,
        route=Route(case.route),
        displaced=case.displaced,
        analyst=case.analyst,
        matrix_pct=case.matrix_pct,
        proposed_level=RiskLevel(case.proposed_level) if case.proposed_level else None,
        is_woman=case.is_woman,
        women_committee_choice=case.women_committee_choice,
        analyst_gender=case.analyst_gender,
        up_pcc_member=case.up_pcc_member,
        legally_recognised=case.legally_recognised,
        request_date=case.request_date,
        study_received=case.study_received,
        contact=case.contact,
        address=case.address,
        narrative=case.narrative,
        differential=tuple(c for c in case.differential.split(",") if c),
    )


def update_case(ctx: ServiceContext, case_id: int, expected_version: int | None = None, **changes: Any) -> Changes:
    """Change some fields of a case. ``expected_version`` guards against lost updates."""
    require(ctx, Action.EDIT_CASES)
    with ctx.transaction() as s:
        case = _load(s, case_id)
        if expected_version is not None and case.row_version != expected_version:
            raise ConcurrencyConflict(
                f"El caso {case.radicado} fue modificado por otra persona; recargue y vuelva a aplicar sus cambios."
            )
        before = to_input(case)
        try:
            after = replace(before, **changes)
        except TypeError as exc:
            raise ValidationError(f"Campo de caso desconocido: {exc}.") from exc
        problems = validate_case_input(after, population_codes(s))
        if problems:
            raise ValidationError("No se modificó el caso: " + "; ".join(problems) + ".")
        if after.radicado != before.radicado and s.scalar(
            select(Case.id).where(Case.radicado == normalize_radicado(after.radicado))
        ):
            raise ValidationError(f"Ya existe un caso con el radicado {after.radicado}.")
        _apply(ctx, case, after)
        diff = {k: [getattr(before, k), getattr(after, k)] for k in changes if getattr(before, k) != getattr(after, k)}
        plain = {k: v for k, v in diff.items() if k not in RESERVED_FIELDS}
        reserved = {k: v for k, v in diff.items() if k in RESERVED_FIELDS}
        audit.record(s, ctx, AuditAction.CASO_MODIFICADO, AuditEntity.CASO, case.id, case_id=case.id, details=plain,
                     reserved=reserved)
        return Changes(cases=True, case_id=case.id)


@dataclass(frozen=True)
class CaseSummary:
    """A case as lists show it: no reserved data."""

    id: int
    radicado: str
    kind: CaseKind
    population_code: str | None
    department: str | None
    municipality: str | None
    route: Route
    displaced: bool
    matrix_pct: float | None
    proposed_level: RiskLevel | None
    status: CaseStatus
    row_version: int
    # a woman's choices (Resolución 805 de 2012, art. 3): the CERREM de mujeres, her analyst's gender
    is_woman: bool = False
    women_committee_choice: bool | None = None
    analyst_gender: AnalystGender | None = None


def _summary(c: Case) -> CaseSummary:
    return CaseSummary(
        c.id, c.radicado, CaseKind(c.kind), c.population_code, c.department, c.municipality,
        Route(c.route), c.displaced, c.matrix_pct,
        RiskLevel(c.proposed_level) if c.proposed_level else None, c.status, c.row_version,
        c.is_woman, c.women_committee_choice, c.analyst_gender,
    )


def find_cases(ctx: ServiceContext, query: str) -> list[CaseSummary]:
    """Exact look-up by radicado or by document number (through the blind index)."""
    require(ctx, Action.READ_CASES)
    query = (query or "").strip()
    if not query:
        return []
    radicado = normalize_radicado(query)
    bidx = _bidx(ctx, query)
    wanted = Case.radicado == radicado if bidx is None else or_(Case.radicado == radicado, Case.document_bidx == bidx)
    with ctx.reading() as s:  # one statement, both indexes (a round trip each on a server, #18)
        found = s.scalars(select(Case).where(wanted)
                          .order_by(sql_case((Case.radicado == radicado, 0), else_=1), Case.id))
        return [_summary(c) for c in found]


def case_summary(ctx: ServiceContext, case_id: int) -> CaseSummary:
    require(ctx, Action.READ_CASES)
    with ctx.reading() as s:
        return _summary(_load(s, case_id))


def case_detail(ctx: ServiceContext, case_id: int) -> CaseInput:
    """Everything about a case, reserved data included. Each read is audited."""
    require(ctx, Action.READ_RESERVED)
    with ctx.transaction() as s:
        case = _load(s, case_id)
        detail = to_input(case)
        audit.record(s, ctx, AuditAction.LECTURA_RESERVADA, AuditEntity.CASO, case.id, case_id=case.id)
        return detail


@dataclass(frozen=True)
class HistoryRow:
    session_id: int
    committee_code: str
    committee_name: str
    number: int
    year: int
    day: date
    proposal_level: str | None
    outcome: str | None
    risk_level: str | None
    adopted: bool | None
    measures: tuple[tuple[str, int, str, int | None, date | None], ...]  # code, qty, action, months, reval


def case_history(ctx: ServiceContext, case_id: int) -> list[HistoryRow]:
    """Every session the case went through, oldest first, with what was decided."""
    require(ctx, Action.READ_CASES)
    with ctx.reading() as s:
        _load(s, case_id)
        rows = s.execute(
            select(Hearing, CommitteeSession, Committee, Decision)
            .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
            .join(Committee, Committee.id == CommitteeSession.committee_id)
            .outerjoin(Decision, Decision.hearing_id == Hearing.id)
            .where(Hearing.case_id == case_id)
            .order_by(CommitteeSession.day, CommitteeSession.id)
        ).all()
        out = []
        for hearing, sess, committee, decision in rows:
            measures: tuple = ()
            if decision is not None:
                measures = tuple(
                    (m.measure_code, m.quantity, m.action, m.temporality_months, m.revaluation_date)
                    for m in s.scalars(
                        select(MeasureDecision).where(MeasureDecision.decision_id == decision.id)
                        .order_by(MeasureDecision.position)
                    )
                )
            out.append(
                HistoryRow(
                    sess.id, committee.code, committee.short_name, sess.number, sess.year, sess.day,
                    hearing.proposal_level,
                    decision.outcome if decision else None,
                    decision.risk_level if decision else None,
                    decision.adopted if decision else None,
                    measures,
                )
            )
        return out
