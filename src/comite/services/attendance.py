"""Who sat in each seat and when: attendance, ad hoc invitees and the cases a
conditional seat attends.

Every write re-checks that the votes and adopted decisions already recorded
still hold with the new attendance, inside the same transaction, so a refusal
leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from comite.domain import AttendanceStatus, AuditAction, AuditEntity, Capacity, Rights, SeatCondition, SeatRole
from comite.errors import NotFound, RuleViolation, ValidationError
from comite.model import Attendance, AttendanceCase, Case, CommitteeSession, Hearing, Vote
from comite.rules.quorum import is_present_at, validate_adoption
from comite.services import audit
from comite.services.context import (
    Changes,
    ServiceContext,
    describe_changes,
    latest_audit,
    row_lock,
    stale_edit,
)
from comite.services.frames import attendance_view, case_frame, times_recorded, vote_views
from comite.services.sessions import editable_session


def _check_presence_keeps_votes(s: Session, att: Attendance) -> None:
    """Refuse an attendance change that would strand votes already cast."""
    view = attendance_view(att)
    for hearing in s.scalars(
        select(Hearing).join(Vote, Vote.hearing_id == Hearing.id).where(Vote.attendance_id == att.id)
    ):
        if not is_present_at(view, hearing.discussed_at):
            at = f" a las {hearing.discussed_at:%H:%M}" if hearing.discussed_at else ""
            case = s.get_one(Case, hearing.case_id)
            raise RuleViolation(
                f"{att.entity} ya votó en el caso {case.radicado}{at}; con ese cambio de asistencia "
                "el voto quedaría sin sustento. Retire primero el voto."
            )


def _check_votes_have_moment(s: Session, sess: CommitteeSession) -> None:
    """Refuse recording arrival or departure times while a case has votes without the
    time it was discussed: those votes could not be checked against the times."""
    if not times_recorded(sess):
        return
    for item in sess.agenda:
        hearing = item.hearing
        if hearing is not None and hearing.votes and hearing.discussed_at is None:
            case = s.get_one(Case, hearing.case_id)
            raise RuleViolation(
                f"El caso {case.radicado} tiene votos registrados sin la hora en que se trató: registre "
                "primero esa hora para anotar horas de llegada o salida."
            )


def _check_adopted_decisions_hold(s: Session, sess: CommitteeSession) -> None:
    """Refuse an attendance change after which an adopted decision would no longer be
    (quorum at its moment, the vote of every voting member present, the majority)."""
    for item in sess.agenda:
        hearing = item.hearing
        if hearing is None or hearing.decision is None or not hearing.decision.adopted:
            continue
        frame = case_frame(s, hearing)
        try:
            validate_adoption(vote_views(hearing), frame.seats, frame.attendance, frame.case,
                              frame.moment, frame.settings)
        except RuleViolation as exc:
            case = s.get_one(Case, hearing.case_id)
            at = f" a las {hearing.discussed_at:%H:%M}" if hearing.discussed_at else ""
            raise RuleViolation(
                f"El caso {case.radicado} tiene una decisión adoptada{at}; con ese cambio de asistencia "
                f"dejaría de valer ({str(exc).rstrip('.')}). Retire primero la decisión."
            ) from exc


def set_attendance(
    ctx: ServiceContext,
    attendance_id: int,
    *,
    status: AttendanceStatus | None = None,
    person_name: str | None = None,
    person_position: str | None = None,
    capacity: Capacity | None = None,
    arrival: time | None = None,
    departure: time | None = None,
    email: str | None = None,
    clear_times: bool = False,
    expected_version: int | None = None,
) -> Changes:
    """Record who sat in a seat and when. ``None`` leaves a field unchanged.

    ``expected_version`` is the ``row_version`` the user was shown: if someone
    changed the seat since, :class:`~comite.services.context.StaleEdit` says who
    and how, and nothing is written.
    """
    with ctx.transaction() as s:
        att = s.get(Attendance, attendance_id, with_for_update=row_lock(expected_version))
        if att is None:
            raise NotFound("El asistente ya no existe.")
        sess = editable_session(s, ctx, att.session_id)
        if expected_version is not None and att.row_version != expected_version:
            raise _attendance_conflict(s, ctx, att)
        before = {"estado": att.status, "llegada": att.arrival, "salida": att.departure, "nombre": att.person_name}
        if status is not None:
            att.status = status
        if person_name is not None:
            att.person_name = person_name.strip() or None
        if person_position is not None:
            att.person_position = person_position.strip() or None
        if capacity is not None:
            att.capacity = capacity
        if email is not None:
            att.email = email.strip() or None
        if clear_times:
            att.arrival = att.departure = None
        if arrival is not None:
            att.arrival = arrival
        if departure is not None:
            att.departure = departure
        if att.arrival and att.departure and att.departure <= att.arrival:
            raise ValidationError(f"{att.entity}: la hora de salida debe ser posterior a la de llegada.")
        if att.status != AttendanceStatus.PRESENTE and (att.arrival or att.departure):
            att.arrival = att.departure = None
        if (att.arrival, att.departure) != (before["llegada"], before["salida"]):
            _check_votes_have_moment(s, sess)
        _check_presence_keeps_votes(s, att)
        _check_adopted_decisions_hold(s, sess)
        audit.record(s, ctx, AuditAction.ASISTENCIA, AuditEntity.SESION, sess.id,
                     details={"puesto": att.seat_key, "antes": before,
                              "despues": {"estado": att.status, "llegada": att.arrival,
                                          "salida": att.departure, "nombre": att.person_name}})
        return Changes(attendance=True, session_id=sess.id)


_ATTENDANCE_LABELS = {"estado": "estado", "llegada": "llegada", "salida": "salida", "nombre": "nombre"}


def _status_label(value: Any) -> str:
    try:
        return AttendanceStatus(value).label
    except ValueError:
        return "—" if value is None else str(value)


def _attendance_conflict(s: Session, ctx: ServiceContext, att: Attendance) -> Exception:
    last = latest_audit(s, entity=AuditEntity.SESION, entity_id=att.session_id, actions=(AuditAction.ASISTENCIA,),
                        match=lambda d: d.get("puesto") == att.seat_key)
    return stale_edit(
        ctx, f"la asistencia de «{att.entity}»", version=att.row_version, last=last,
        current={"status": AttendanceStatus(att.status), "person_name": att.person_name,
                 "person_position": att.person_position, "capacity": Capacity(att.capacity),
                 "arrival": att.arrival, "departure": att.departure, "email": att.email},
        describe=lambda _e, d: describe_changes(d.get("antes", {}), d.get("despues", {}), _ATTENDANCE_LABELS,
                                                {"estado": _status_label}),
    )


def add_invitee(
    ctx: ServiceContext,
    session_id: int,
    *,
    entity: str,
    reason: str,
    person_name: str | None = None,
    person_position: str | None = None,
    email: str | None = None,
    condition: SeatCondition | None = SeatCondition.WHEN_COMPETENT,
    hearing_ids: Iterable[int] = (),
) -> Changes:
    """An ad hoc invitee (public entity with competence, private entity deemed
    pertinent): solo voz, for the cases given (or all cases, with no condition)."""
    if not entity.strip() or not reason.strip():
        raise ValidationError("Indique la entidad invitada y el motivo de la invitación.")
    if condition not in (None, SeatCondition.WHEN_COMPETENT, SeatCondition.WHEN_PERTINENT):
        raise ValidationError("Un invitado ocasional asiste por competencia o por pertinencia.")
    with ctx.transaction() as s:
        sess = editable_session(s, ctx, session_id)
        n = 1 + sum(1 for a in sess.attendance if a.seat_key.startswith("adhoc-"))
        att = Attendance(
            seat_key=f"adhoc-{n}", position=len(sess.attendance), entity=entity.strip(),
            role=SeatRole.INVITADO_OCASIONAL, rights=Rights.SOLO_VOZ,
            condition=condition, person_name=person_name,
            person_position=person_position, email=email, ad_hoc_reason=reason.strip(),
        )
        sess.attendance.append(att)
        s.flush()
        _mark_cases(s, att, hearing_ids)
        audit.record(s, ctx, AuditAction.INVITADO_AGREGADO, AuditEntity.SESION, sess.id,
                     details={"entidad": entity, "motivo": reason})
        return Changes(attendance=True, session_id=sess.id, created_id=att.id)


def _mark_cases(s: Session, att: Attendance, hearing_ids: Iterable[int]) -> None:
    ids = set(hearing_ids)
    valid = set(s.scalars(select(Hearing.id).where(Hearing.session_id == att.session_id, Hearing.id.in_(ids))))
    if ids - valid:
        raise ValidationError("Alguno de los casos indicados no está en el orden del día de esta sesión.")
    att.cases = [AttendanceCase(hearing_id=h) for h in sorted(valid)]


def set_attendance_cases(ctx: ServiceContext, attendance_id: int, hearing_ids: Iterable[int]) -> Changes:
    """Mark the cases a seat attends by competence or pertinence."""
    with ctx.transaction() as s:
        att = s.get(Attendance, attendance_id)
        if att is None:
            raise NotFound("El asistente ya no existe.")
        sess = editable_session(s, ctx, att.session_id)
        if att.condition not in (SeatCondition.WHEN_COMPETENT, SeatCondition.WHEN_PERTINENT):
            raise RuleViolation(
                f"{att.entity} asiste según la composición del comité; sus casos no se marcan a mano."
            )
        _mark_cases(s, att, hearing_ids)
        audit.record(s, ctx, AuditAction.ASISTENCIA_CASOS, AuditEntity.SESION, sess.id,
                     details={"puesto": att.seat_key, "casos": sorted(set(hearing_ids))})
        return Changes(attendance=True, session_id=sess.id)

