"""What carries from one session to the next: commitments, the GVP's results
handed to a CERREM, and emergency measures to report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from comite.domain import AuditAction, AuditEntity, CommitmentStatus, CommitteeKind, HearingSource, RiskLevel
from comite.errors import NotFound, RuleViolation, ValidationError
from comite.model import (
    Case,
    Commitment,
    Committee,
    CommitteeSession,
    EmergencyMeasure,
    Handoff,
    Hearing,
)
from comite.services import audit
from comite.services.catalog import committee_by_code
from comite.services.context import Changes, ServiceContext, latest_audit, stale_edit
from comite.services.permissions import Action, require
from comite.services.sessions import add_case_in, editable_session, load_session

# --- commitments ---------------------------------------------------------------------------------


def add_commitment(
    ctx: ServiceContext,
    session_id: int,
    description: str,
    responsible: str,
    due: date | None,
    hearing_id: int | None = None,
) -> Changes:
    if not description.strip() or not responsible.strip():
        raise ValidationError("Un compromiso necesita qué se hará y la entidad responsable.")
    with ctx.transaction() as s:
        sess = editable_session(s, ctx, session_id)
        if due is not None and due < sess.day:
            raise ValidationError("La fecha límite del compromiso no puede ser anterior a la sesión.")
        if hearing_id is not None:
            hearing = s.get(Hearing, hearing_id)
            if hearing is None or hearing.session_id != sess.id:
                raise ValidationError("El caso del compromiso no está en esta sesión.")
        c = Commitment(committee_id=sess.committee_id, origin_session_id=sess.id, hearing_id=hearing_id,
                       description=description.strip(), responsible=responsible.strip(), due_date=due)
        s.add(c)
        s.flush()
        audit.record(s, ctx, AuditAction.COMPROMISO_CREADO, AuditEntity.COMPROMISO, c.id,
                     details={"responsable": responsible, "vence": due}, reserved={"descripcion": description})
        return Changes(commitments=True, session_id=sess.id, created_id=c.id)


def set_commitment_status(
    ctx: ServiceContext, commitment_id: int, status: CommitmentStatus, session_id: int | None = None,
    *, expected_version: int | None = None,
) -> Changes:
    """Close (cumplido/cancelado) or reopen a commitment, optionally in a session.

    With ``expected_version`` (the ``row_version`` the user was shown) a commitment
    someone else changed meanwhile is refused with
    :class:`~comite.services.context.StaleEdit`, naming who and how.
    """
    with ctx.transaction() as s:
        c = s.get(Commitment, commitment_id,
                  with_for_update={"key_share": True} if expected_version is not None else None)
        if c is None:
            raise NotFound("El compromiso ya no existe.")
        require(ctx, Action.EDIT_SESSION, c.committee_id)
        if expected_version is not None and c.row_version != expected_version:
            raise _commitment_conflict(s, ctx, c)
        if session_id is not None:
            sess = editable_session(s, ctx, session_id)
            if sess.committee_id != c.committee_id:
                raise ValidationError("El compromiso es de otro comité.")
        before = c.status
        c.status = status
        if status is CommitmentStatus.PENDIENTE:
            c.closed_session_id, c.closed_on = None, None
        else:
            c.closed_session_id = session_id
            c.closed_on = ctx.today()
        audit.record(s, ctx, AuditAction.COMPROMISO_ESTADO, AuditEntity.COMPROMISO, c.id,
                     details={"de": before, "a": status})
        return Changes(commitments=True, session_id=session_id)


def _commitment_conflict(s: Session, ctx: ServiceContext, c: Commitment) -> Exception:
    def label(value: Any) -> str:
        try:
            return CommitmentStatus(value).label
        except ValueError:
            return str(value)

    last = latest_audit(s, entity=AuditEntity.COMPROMISO, entity_id=c.id, actions=(AuditAction.COMPROMISO_ESTADO,))
    return stale_edit(
        ctx, f"el compromiso a cargo de {c.responsible}", version=c.row_version, last=last,
        describe=lambda _e, d: f"estado {label(d.get('de'))} → {label(d.get('a'))}",
        current={"status": CommitmentStatus(c.status), "closed_session_id": c.closed_session_id,
                 "closed_on": c.closed_on},
    )


@dataclass(frozen=True)
class CommitmentRow:
    id: int
    origin_session_id: int
    origin: str
    description: str
    responsible: str
    due: date | None
    status: CommitmentStatus
    overdue: bool
    radicado: str | None = None
    """The case the commitment is about (``None``: a general commitment)."""


def _select_rows():
    """Commitments with their origin session and the radicado of their case, if any."""
    return (
        select(Commitment, CommitteeSession, Case.radicado)
        .join(CommitteeSession, CommitteeSession.id == Commitment.origin_session_id)
        .outerjoin(Hearing, Hearing.id == Commitment.hearing_id)
        .outerjoin(Case, Case.id == Hearing.case_id)
    )


def _session_label(number: int, year: int) -> str:
    return f"Sesión {number:03d} de {year}"


def _rows(s: Session, stmt: Select[Any], today: date) -> list[CommitmentRow]:
    """Rows of ``stmt`` (commitment, origin session, radicado[, still pending then]); the
    optional last column shows a commitment closed since as it stood then: pending."""
    out = []
    rows: Iterable[Any] = s.execute(stmt)
    for c, origin, radicado, *then in rows:
        status = CommitmentStatus.PENDIENTE if then and then[0] else CommitmentStatus(c.status)
        out.append(CommitmentRow(
            c.id, c.origin_session_id, _session_label(origin.number, origin.year), c.description,
            c.responsible, c.due_date, status,
            status is CommitmentStatus.PENDIENTE and c.due_date is not None and c.due_date < today,
            radicado,
        ))
    return out


def commitments_for_session(ctx: ServiceContext, session_id: int) -> list[CommitmentRow]:
    """Commitments carried from earlier sessions of the committee that were still pending
    when this session met, then those made in this session (whatever their status).

    A carried commitment closed in a later session (or on a later day) still shows here,
    as pending: this is the list the session read, and its acta must say so even when
    it is approved after the following session closed the commitment."""
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.READ_SESSION, sess.committee_id)
        closed_in = aliased(CommitteeSession)
        earlier = _earlier_than(CommitteeSession, sess)
        closed_later = (
            (closed_in.day > sess.day) | ((closed_in.day == sess.day) & (closed_in.id > sess.id))
            | (closed_in.id.is_(None) & (Commitment.closed_on > sess.day))
        )
        carried = (
            (Commitment.origin_session_id != sess.id) & earlier
            & ((Commitment.status == CommitmentStatus.PENDIENTE) | (Commitment.closed_session_id == sess.id)
               | closed_later)
        )
        stmt = (
            _select_rows()
            .add_columns(((Commitment.origin_session_id != sess.id) & closed_later).label("pending_then"))
            .outerjoin(closed_in, closed_in.id == Commitment.closed_session_id)
            .where(Commitment.committee_id == sess.committee_id)
            .where(carried | (Commitment.origin_session_id == sess.id))
            .order_by(CommitteeSession.day, Commitment.id)
        )
        return _rows(s, stmt, sess.day)


def _earlier_than(table, sess: CommitteeSession):
    """``table`` (CommitteeSession or an alias) met before ``sess``: an earlier day, or the same day
    and created first."""
    return (table.day < sess.day) | ((table.day == sess.day) & (table.id < sess.id))


@dataclass(frozen=True)
class PendingCommitmentCase:
    """A case with commitments of the committee still pending, offered for the agenda."""

    case_id: int
    radicado: str
    commitments: int
    responsible: str
    origin: str
    due: date | None
    overdue: bool


def cases_with_pending_commitments(ctx: ServiceContext, session_id: int) -> list[PendingCommitmentCase]:
    """Cases whose commitments of this session's committee, made in earlier sessions, are
    still pending, and which are not on this session's agenda yet (oldest first).

    Reads neither the commitments' text nor the case's reserved data: the picker shows the
    radicado, how many commitments, who is responsible, since when and the first due date
    (the text is read in «Compromisos»)."""
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.READ_SESSION, sess.committee_id)
        origin = aliased(CommitteeSession)
        on_agenda = select(Hearing.case_id).where(Hearing.session_id == sess.id)
        stmt = (
            select(Hearing.case_id, Case.radicado, Commitment.responsible, Commitment.due_date,
                   origin.number, origin.year)
            .select_from(Commitment)
            .join(Hearing, Hearing.id == Commitment.hearing_id)
            .join(Case, Case.id == Hearing.case_id)
            .join(origin, origin.id == Commitment.origin_session_id)
            .where(Commitment.committee_id == sess.committee_id,
                   Commitment.status == CommitmentStatus.PENDIENTE,
                   Commitment.origin_session_id != sess.id, _earlier_than(origin, sess),
                   Hearing.case_id.not_in(on_agenda))
            .order_by(origin.day, origin.id, Commitment.id)
        )
        grouped: dict[int, list] = {}
        for row in s.execute(stmt):
            grouped.setdefault(row.case_id, []).append(row)
        day = sess.day
    out = []
    for case_id, rows in grouped.items():
        first = rows[0]
        due = min((r.due_date for r in rows if r.due_date is not None), default=None)
        out.append(PendingCommitmentCase(
            case_id, first.radicado, len(rows), ", ".join(dict.fromkeys(r.responsible for r in rows)),
            _session_label(first.number, first.year), due, due is not None and due < day,
        ))
    return out


def overdue_commitments(ctx: ServiceContext, committee_ids: set[int] | None = None) -> list[CommitmentRow]:
    with ctx.reading() as s:
        stmt = (
            _select_rows()
            .where(Commitment.status == CommitmentStatus.PENDIENTE, Commitment.due_date < ctx.today())
            .order_by(Commitment.due_date)
        )
        if committee_ids is not None:
            stmt = stmt.where(Commitment.committee_id.in_(committee_ids))
        return _rows(s, stmt, ctx.today())


# --- GVP → CERREM hand-off -----------------------------------------------------------------------

@dataclass(frozen=True)
class HandoffRow:
    id: int
    case_id: int
    radicado: str
    gvp_session: str
    level: RiskLevel | None
    matrix_pct: float | None
    concept: str | None
    target_committee_code: str


def pending_handoffs(ctx: ServiceContext, committee_code: str) -> list[HandoffRow]:
    """GVP results handed to this committee and not yet on one of its agendas."""
    with ctx.reading() as s:
        committee = committee_by_code(s, committee_code)
        require(ctx, Action.READ_SESSION, committee.id)
        stmt = (
            select(Handoff, Case.radicado, CommitteeSession)
            .join(Case, Case.id == Handoff.case_id)
            .join(Hearing, Hearing.id == Handoff.gvp_hearing_id)
            .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
            .where(Handoff.target_committee_id == committee.id, Handoff.received_hearing_id.is_(None))
            .order_by(CommitteeSession.day, Handoff.id)
        )
        return [
            HandoffRow(h.id, h.case_id, radicado, f"GVP sesión {gs.number:03d} de {gs.year}",
                       RiskLevel(h.level) if h.level else None, h.matrix_pct, h.concept, committee.code)
            for h, radicado, gs in s.execute(stmt)
        ]


def receive_handoff(ctx: ServiceContext, session_id: int, handoff_id: int) -> Changes:
    """Put a GVP result on this CERREM session's agenda as the proposal."""
    with ctx.transaction() as s:
        handoff = s.get(Handoff, handoff_id)
        if handoff is None:
            raise NotFound("El resultado del GVP ya no existe.")
        sess = editable_session(s, ctx, session_id)
        if handoff.target_committee_id != sess.committee_id:
            target = s.get_one(Committee, handoff.target_committee_id)
            raise RuleViolation(f"Este resultado del GVP está dirigido al {target.short_name}.")
        if handoff.received_hearing_id is not None:
            raise RuleViolation("Este resultado del GVP ya está en el orden del día de otra sesión.")
        hearing = add_case_in(s, ctx, sess.id, handoff.case_id, source=HearingSource.GVP, proposal_level=handoff.level,
                              proposal_pct=handoff.matrix_pct, proposal_concept=handoff.concept)
        handoff.received_hearing_id = hearing.id
        return Changes(agenda=True, session_id=sess.id, created_id=hearing.id)


# --- emergency measures --------------------------------------------------------------------------

def record_emergency(
    ctx: ServiceContext, case_id: int, committee_code: str, adopted_on: date, description: str
) -> Changes:
    """An emergency measure the Director adopted without a study, to be reported."""
    if not description.strip():
        raise ValidationError("Describa la medida de emergencia adoptada.")
    require(ctx, Action.EDIT_CASES)
    with ctx.transaction() as s:
        committee = committee_by_code(s, committee_code)
        # the measure is reported to that committee: only its secretariat records it
        require(ctx, Action.EDIT_SESSION, committee.id)
        if s.get(Case, case_id) is None:
            raise NotFound(f"No existe el caso {case_id}.")
        if committee.kind == CommitteeKind.GVP:
            raise ValidationError("Las medidas de emergencia se informan al CERREM o al comité especial, no al GVP.")
        if adopted_on > ctx.today():
            raise ValidationError("La fecha de adopción de la medida no puede ser futura.")
        e = EmergencyMeasure(case_id=case_id, committee_id=committee.id, adopted_on=adopted_on,
                             description=description.strip())
        s.add(e)
        s.flush()
        audit.record(s, ctx, AuditAction.EMERGENCIA_REGISTRADA, AuditEntity.CASO, case_id, case_id=case_id,
                     details={"comite": committee_code, "fecha": adopted_on}, reserved={"descripcion": description})
        return Changes(cases=True, created_id=e.id)


@dataclass(frozen=True)
class EmergencyRow:
    id: int
    case_id: int
    radicado: str
    adopted_on: date
    description: str
    reported_session_id: int | None


def emergencies(ctx: ServiceContext, committee_code: str, *, unreported_only: bool = True) -> list[EmergencyRow]:
    with ctx.reading() as s:
        committee = committee_by_code(s, committee_code)
        require(ctx, Action.READ_SESSION, committee.id)
        stmt = (
            select(EmergencyMeasure, Case.radicado).join(Case, Case.id == EmergencyMeasure.case_id)
            .where(EmergencyMeasure.committee_id == committee.id).order_by(EmergencyMeasure.adopted_on)
        )
        if unreported_only:
            stmt = stmt.where(EmergencyMeasure.reported_session_id.is_(None))
        return [EmergencyRow(e.id, e.case_id, r, e.adopted_on, e.description, e.reported_session_id)
                for e, r in s.execute(stmt)]


def report_emergency(ctx: ServiceContext, session_id: int, emergency_id: int) -> Changes:
    """Report the measure in this session: the case goes on the agenda so the
    committee recommends the definitive measures."""
    with ctx.transaction() as s:
        e = s.get(EmergencyMeasure, emergency_id)
        if e is None:
            raise NotFound("La medida de emergencia ya no existe.")
        sess = editable_session(s, ctx, session_id)
        if e.committee_id != sess.committee_id:
            raise RuleViolation("La medida de emergencia debe informarse al comité que la recibe.")
        if e.reported_session_id is not None:
            raise RuleViolation("La medida de emergencia ya fue informada en otra sesión.")
        e.reported_session_id = sess.id
        existing = s.scalar(select(Hearing).where(Hearing.session_id == sess.id, Hearing.case_id == e.case_id))
        hearing = existing or add_case_in(s, ctx, sess.id, e.case_id, source=HearingSource.EMERGENCIA)
        audit.record(s, ctx, AuditAction.EMERGENCIA_INFORMADA, AuditEntity.SESION, sess.id, case_id=e.case_id)
        return Changes(agenda=True, session_id=sess.id, created_id=hearing.id)
