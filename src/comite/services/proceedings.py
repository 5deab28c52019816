"""What happens in the session: attendance, each case's deliberation,
observations, social-recognition checklist, votes and decision.

Every write re-checks the rules (:mod:`comite.rules`) against what is stored,
inside the same transaction, so a refusal leaves the database as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from comite.domain import (
    AttendanceStatus,
    Capacity,
    CaseKind,
    CommitteeKind,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    SeatCondition,
    SeatRole,
    SessionStatus,
    VoteChoice,
)
from comite.errors import NotFound, RuleViolation, ValidationError
from comite.model import (
    Attendance,
    AttendanceCase,
    Case,
    CommitteeSession,
    Decision,
    Handoff,
    Hearing,
    MeasureDecision,
    MeasureType,
    Observation,
    Vote,
)
from comite.rules.calendar import revaluation_date
from comite.rules.collective import check_social_recognition
from comite.rules.quorum import (
    AttendanceView,
    QuorumResult,
    TallyResult,
    VoteView,
    quorum_for_case,
    tally,
    validate_adoption,
    validate_votes,
)
from comite.rules.rights import CaseView, SeatView, seat_applies
from comite.rules.routing import target_committee
from comite.services import audit
from comite.services.catalog import committee_by_code, voting_settings
from comite.services.chronology import chronology, decisions_in_order
from comite.services.context import (
    Changes,
    ServiceContext,
    describe_changes,
    latest_audit,
    stale_edit,
)
from comite.services.sessions import case_profile, editable_session

_RECORDING = (SessionStatus.EN_CURSO.value, SessionStatus.CERRADA.value)
MAX_TEMPORALITY_MONTHS = 24


# --- views for the rules ----------------------------------------------------------------------

def seat_view(att: Attendance) -> SeatView:
    from comite.domain import Rights

    return SeatView(
        key=att.seat_key,
        rights=Rights(att.rights),
        condition=SeatCondition(att.condition) if att.condition else None,
        population=att.population_code,
        entity=att.entity,
    )


def attendance_view(att: Attendance) -> AttendanceView:
    return AttendanceView(att.seat_key, AttendanceStatus(att.status), att.arrival, att.departure)


def case_view(s: Session, hearing: Hearing, case: Case | None = None) -> CaseView:
    case = case or s.get(Case, hearing.case_id)
    marked = s.execute(
        select(Attendance.seat_key, Attendance.condition)
        .join(AttendanceCase, AttendanceCase.attendance_id == Attendance.id)
        .where(AttendanceCase.hearing_id == hearing.id)
    ).all()
    return CaseView(
        population=case.population_code,
        displaced=case.displaced,
        restoration_measures=hearing.restoration_measures,
        competent_seats=frozenset(k for k, c in marked if c == SeatCondition.WHEN_COMPETENT.value),
        pertinent_seats=frozenset(k for k, c in marked if c == SeatCondition.WHEN_PERTINENT.value),
    )


@dataclass(frozen=True)
class CaseFrame:
    """Everything the rules need to judge one case at its moment."""

    seats: tuple[SeatView, ...]
    attendance: dict[str, AttendanceView]
    case: CaseView
    moment: time | None
    settings: object


def case_frame(s: Session, hearing: Hearing) -> CaseFrame:
    sess = hearing.session
    rows = list(sess.attendance)
    return CaseFrame(
        tuple(seat_view(a) for a in rows),
        {a.seat_key: attendance_view(a) for a in rows},
        case_view(s, hearing),
        hearing.discussed_at,
        voting_settings(sess.composition),
    )


def _votes(hearing: Hearing) -> list[VoteView]:
    return [VoteView(v.seat_key, VoteChoice(v.choice), v.dissent) for v in hearing.votes]


def _row_lock(expected_version: int | None) -> dict | None:
    """PostgreSQL: hold the row while its version is compared (FOR NO KEY UPDATE, so
    rows that merely reference it are not blocked); SQLite serialises writers anyway."""
    return {"key_share": True} if expected_version is not None else None


def _hearing(s: Session, ctx: ServiceContext, hearing_id: int, expected_version: int | None = None) -> Hearing:
    hearing = s.get(Hearing, hearing_id, with_for_update=_row_lock(expected_version))
    if hearing is None:
        raise NotFound("El caso ya no está en el orden del día.")
    editable_session(s, ctx, hearing.session_id)
    if expected_version is not None and hearing.row_version != expected_version:
        raise _hearing_conflict(s, ctx, hearing)
    return hearing


# What changes a hearing's row (its row_version), as the audit names it.
_HEARING_ACTIONS = {
    "caso_deliberacion": "la deliberación",
    "reconocimiento_social": "el reconocimiento social",
    "decision": "la decisión",
    "decision_retirada": "la decisión",
}


def _describe_hearing_change(entry, details: dict) -> str:
    if entry.action == "decision":
        parts = []
        if details.get("resultado") in {o.value for o in DecisionOutcome}:
            parts.append(f"resultado {DecisionOutcome(details['resultado']).label}")
        if details.get("nivel"):
            parts.append(f"nivel {RiskLevel(details['nivel']).label}")
        if "adoptada" in details:
            parts.append("adoptada" if details["adoptada"] else "sin adoptar")
        return ", ".join(parts)
    if entry.action == "decision_retirada":
        return "la retiró"
    if entry.action == "caso_deliberacion" and details.get("hora"):
        return f"hora en que se trató {time.fromisoformat(details['hora']):%H:%M}"
    return ""


def _hearing_conflict(s: Session, ctx: ServiceContext, hearing: Hearing) -> Exception:
    case = s.get(Case, hearing.case_id)
    last = latest_audit(s, entity="sesion", entity_id=hearing.session_id, case_id=hearing.case_id,
                        actions=tuple(_HEARING_ACTIONS))
    what = _HEARING_ACTIONS[last[0].action] if last else "el caso"
    verb = "registró" if last and last[0].action == "decision" else "modificó"
    decision = hearing.decision
    return stale_edit(
        ctx, f"{what} del caso {case.radicado}", version=hearing.row_version, last=last, verb=verb,
        describe=_describe_hearing_change,
        current={
            "deliberation": hearing.deliberation, "discussed_at": hearing.discussed_at,
            "restoration_measures": hearing.restoration_measures,
            "proposal_concept": hearing.proposal_concept,
            "votes": [(v.seat_key, VoteChoice(v.choice), v.dissent) for v in hearing.votes],
            "decision": None if decision is None else {
                "outcome": DecisionOutcome(decision.outcome),
                "risk_level": RiskLevel(decision.risk_level) if decision.risk_level else None,
                "concept": decision.concept, "matrix_pct": decision.matrix_pct, "adopted": decision.adopted,
                "votes": (decision.a_favor, decision.en_contra, decision.abstencion),
                "measures": [(m.measure_code, m.quantity, MeasureAction(m.action), m.temporality_months)
                             for m in decision.measures],
            },
        },
    )


def _recording(hearing: Hearing) -> None:
    if hearing.session.status not in _RECORDING:
        raise RuleViolation(
            "La sesión no está en curso: iníciela para registrar votos y decisiones."
        )


def _times_recorded(sess: CommitteeSession) -> bool:
    """The session records when attendees arrived or left."""
    return any(a.arrival is not None or a.departure is not None for a in sess.attendance)


def _require_moment(s: Session, hearing: Hearing) -> None:
    """Votes are judged at the time the case was discussed. When the session records
    arrivals and departures, a vote without that time would ignore who had left
    (or not yet arrived), so the time is required."""
    if hearing.discussed_at is None and _times_recorded(hearing.session):
        case = s.get(Case, hearing.case_id)
        raise RuleViolation(
            f"La sesión registra horas de llegada o salida de los asistentes: indique la hora en que se "
            f"trató el caso {case.radicado} antes de registrar votos o su decisión."
        )


# --- attendance ---------------------------------------------------------------------------------

def _check_presence_keeps_votes(s: Session, att: Attendance) -> None:
    """Refuse an attendance change that would strand votes already cast."""
    view = attendance_view(att)
    from comite.rules.quorum import is_present_at

    for hearing in s.scalars(
        select(Hearing).join(Vote, Vote.hearing_id == Hearing.id).where(Vote.attendance_id == att.id)
    ):
        if not is_present_at(view, hearing.discussed_at):
            at = f" a las {hearing.discussed_at:%H:%M}" if hearing.discussed_at else ""
            case = s.get(Case, hearing.case_id)
            raise RuleViolation(
                f"{att.entity} ya votó en el caso {case.radicado}{at}; con ese cambio de asistencia "
                "el voto quedaría sin sustento. Retire primero el voto."
            )


def _check_votes_have_moment(s: Session, sess: CommitteeSession) -> None:
    """Refuse recording arrival or departure times while a case has votes without the
    time it was discussed: those votes could not be checked against the times."""
    if not _times_recorded(sess):
        return
    for item in sess.agenda:
        hearing = item.hearing
        if hearing is not None and hearing.votes and hearing.discussed_at is None:
            case = s.get(Case, hearing.case_id)
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
            validate_adoption(_votes(hearing), frame.seats, frame.attendance, frame.case,
                              frame.moment, frame.settings)
        except RuleViolation as exc:
            case = s.get(Case, hearing.case_id)
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
        att = s.get(Attendance, attendance_id, with_for_update=_row_lock(expected_version))
        if att is None:
            raise NotFound("El asistente ya no existe.")
        sess = editable_session(s, ctx, att.session_id)
        if expected_version is not None and att.row_version != expected_version:
            raise _attendance_conflict(s, ctx, att)
        before = {"estado": att.status, "llegada": att.arrival, "salida": att.departure, "nombre": att.person_name}
        if status is not None:
            att.status = status.value
        if person_name is not None:
            att.person_name = person_name.strip() or None
        if person_position is not None:
            att.person_position = person_position.strip() or None
        if capacity is not None:
            att.capacity = capacity.value
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
        if att.status != AttendanceStatus.PRESENTE.value and (att.arrival or att.departure):
            att.arrival = att.departure = None
        if (att.arrival, att.departure) != (before["llegada"], before["salida"]):
            _check_votes_have_moment(s, sess)
        _check_presence_keeps_votes(s, att)
        _check_adopted_decisions_hold(s, sess)
        audit.record(s, ctx, "asistencia", "sesion", sess.id,
                     details={"puesto": att.seat_key, "antes": before,
                              "despues": {"estado": att.status, "llegada": att.arrival,
                                          "salida": att.departure, "nombre": att.person_name}})
        return Changes(attendance=True, session_id=sess.id)


_ATTENDANCE_LABELS = {"estado": "estado", "llegada": "llegada", "salida": "salida", "nombre": "nombre"}


def _status_label(value: object) -> str:
    try:
        return AttendanceStatus(value).label
    except ValueError:
        return "—" if value is None else str(value)


def _attendance_conflict(s: Session, ctx: ServiceContext, att: Attendance) -> Exception:
    last = latest_audit(s, entity="sesion", entity_id=att.session_id, actions=("asistencia",),
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
            role=SeatRole.INVITADO_OCASIONAL.value, rights="solo_voz",
            condition=condition.value if condition else None, person_name=person_name,
            person_position=person_position, email=email, ad_hoc_reason=reason.strip(),
        )
        sess.attendance.append(att)
        s.flush()
        _mark_cases(s, att, hearing_ids)
        audit.record(s, ctx, "invitado_agregado", "sesion", sess.id, details={"entidad": entity, "motivo": reason})
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
        if att.condition not in (SeatCondition.WHEN_COMPETENT.value, SeatCondition.WHEN_PERTINENT.value):
            raise RuleViolation(
                f"{att.entity} asiste según la composición del comité; sus casos no se marcan a mano."
            )
        _mark_cases(s, att, hearing_ids)
        audit.record(s, ctx, "asistencia_casos", "sesion", sess.id,
                     details={"puesto": att.seat_key, "casos": sorted(set(hearing_ids))})
        return Changes(attendance=True, session_id=sess.id)


# --- the case in session -------------------------------------------------------------------------

def update_hearing(
    ctx: ServiceContext,
    hearing_id: int,
    *,
    deliberation: str | None = None,
    discussed_at: time | None = None,
    restoration_measures: bool | None = None,
    proposal_concept: str | None = None,
    expected_version: int | None = None,
) -> Changes:
    """The case's deliberation, time and flags; ``expected_version`` as in :func:`set_attendance`."""
    with ctx.transaction() as s:
        hearing = _hearing(s, ctx, hearing_id, expected_version)
        if discussed_at is not None and hearing.votes and hearing.discussed_at is not None:
            raise RuleViolation("El caso ya tiene votos: retírelos antes de cambiar la hora en que se trató.")
        if restoration_measures is False and hearing.restoration_measures:
            _refuse_if_restoration_decided(s, hearing)
        if deliberation is not None:
            hearing.deliberation = deliberation
        if restoration_measures is not None and restoration_measures != hearing.restoration_measures:
            hearing.restoration_measures = restoration_measures
            if hearing.votes:  # the flag decides which seats sit: the votes cast must hold with it
                _check_votes_still_hold(s, hearing, "marcar que se analizan medidas de restablecimiento"
                                        if restoration_measures else "desmarcar las medidas de restablecimiento")
        if discussed_at is not None:
            hearing.discussed_at = discussed_at
            if hearing.votes:  # votes recorded before the time was: they must hold at it
                _check_votes_still_hold(s, hearing, f"la hora {discussed_at:%H:%M}", "Revise la hora")
        if proposal_concept is not None:
            hearing.proposal_concept = proposal_concept
        audit.record(s, ctx, "caso_deliberacion", "sesion", hearing.session_id, case_id=hearing.case_id,
                     details={"hora": discussed_at, "restablecimiento": restoration_measures},
                     reserved={"deliberacion": deliberation} if deliberation is not None else None)
        return Changes(decisions=True, session_id=hearing.session_id)


def _check_votes_still_hold(s: Session, hearing: Hearing, change: str, advice: str = "Deshaga el cambio") -> None:
    """The votes (and an adopted decision) of a case stay valid after ``change`` to what
    decides who sits and votes for it (its time, its restoration flag)."""
    frame = case_frame(s, hearing)
    adopted = hearing.decision is not None and hearing.decision.adopted
    check = validate_adoption if adopted else validate_votes
    try:
        check(_votes(hearing), frame.seats, frame.attendance, frame.case, frame.moment, frame.settings)
    except RuleViolation as exc:
        raise RuleViolation(
            f"Con {change}, los votos ya registrados del caso dejarían de valer "
            f"({str(exc).rstrip('.')}). {advice} o retire primero los votos."
        ) from exc


def _refuse_if_restoration_decided(s: Session, hearing: Hearing) -> None:
    """The restoration flag decides which seats sat for the case: once a restoration
    measure is decided, the seats that sat because of it stay in the record."""
    decision = hearing.decision
    if decision is None or not decision.measures:
        return
    codes = {m.measure_code for m in decision.measures}
    names = list(s.scalars(
        select(MeasureType.name).where(MeasureType.code.in_(codes), MeasureType.restoration.is_(True))
        .order_by(MeasureType.name)
    ))
    if names:
        case = s.get(Case, hearing.case_id)
        listed = ", ".join(f"«{n}»" for n in names)
        raise RuleViolation(
            f"En el caso {case.radicado} ya se decidieron medidas de restablecimiento ({listed}): no se puede "
            "desmarcar que se analizan esas medidas, porque cambiaría quién tenía asiento y voto en el caso. "
            "Retire primero la decisión."
        )


def add_observation(ctx: ServiceContext, hearing_id: int, attendance_id: int, text: str) -> Changes:
    """An observation by someone who sits for this case (invitees speak; they never vote)."""
    if not text.strip():
        raise ValidationError("La observación está vacía.")
    with ctx.transaction() as s:
        hearing = _hearing(s, ctx, hearing_id)
        att = s.get(Attendance, attendance_id)
        if att is None or att.session_id != hearing.session_id:
            raise ValidationError("Quien hace la observación debe estar convocado a esta sesión.")
        if not seat_applies(seat_view(att), case_view(s, hearing)):
            raise RuleViolation(f"{att.entity} no tiene asiento en este caso: no puede registrar observaciones.")
        from comite.rules.quorum import is_present_at

        if not is_present_at(attendance_view(att), hearing.discussed_at):
            at = f" a las {hearing.discussed_at:%H:%M}" if hearing.discussed_at else ""
            raise RuleViolation(f"{att.entity} no está presente{at}: no puede registrar observaciones.")
        obs = Observation(hearing_id=hearing.id, attendance_id=att.id, entity=att.entity, text=text.strip())
        s.add(obs)
        s.flush()
        audit.record(s, ctx, "observacion", "sesion", hearing.session_id, case_id=hearing.case_id,
                     details={"entidad": att.entity}, reserved={"texto": text})
        return Changes(decisions=True, session_id=hearing.session_id, created_id=obs.id)


def remove_observation(ctx: ServiceContext, observation_id: int) -> Changes:
    with ctx.transaction() as s:
        obs = s.get(Observation, observation_id)
        if obs is None:
            raise NotFound("La observación ya no existe.")
        hearing = _hearing(s, ctx, obs.hearing_id)
        s.delete(obs)
        audit.record(s, ctx, "observacion_retirada", "sesion", hearing.session_id, case_id=hearing.case_id)
        return Changes(decisions=True, session_id=hearing.session_id)


def record_recognition(
    ctx: ServiceContext, hearing_id: int, answers: Mapping[str, bool], granted: bool | None
) -> Changes:
    """The social-recognition checklist of a collective (Res. 1085 de 2015)."""
    from comite.rules.collective import CRITERIA

    known = {code for code, _ in CRITERIA}
    unknown = set(answers) - known
    if unknown:
        raise ValidationError(f"Criterio de reconocimiento desconocido: {', '.join(sorted(unknown))}.")
    with ctx.transaction() as s:
        hearing = _hearing(s, ctx, hearing_id)
        case = s.get(Case, hearing.case_id)
        if case.kind != CaseKind.COLECTIVO.value:
            raise RuleViolation("El reconocimiento social solo se verifica para casos colectivos.")
        hearing.recognition_answers = json.dumps(dict(answers), sort_keys=True)
        hearing.recognition_granted = granted
        audit.record(s, ctx, "reconocimiento_social", "sesion", hearing.session_id, case_id=case.id,
                     details={"respuestas": dict(answers), "reconocido": granted})
        return Changes(decisions=True, session_id=hearing.session_id)


# --- votes ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VoteResult:
    changes: Changes
    tally: TallyResult


class _AnyVote:
    """The default of ``expected``: the caller does not say which vote it saw (scripts, the CLI)."""

    def __repr__(self) -> str:
        return "ANY_VOTE"


ANY_VOTE = _AnyVote()
SeenVote = VoteChoice | None | _AnyVote


def _stored_choice(vote: Vote | None) -> VoteChoice | None:
    return None if vote is None else VoteChoice(vote.choice)


def _vote_conflict(s: Session, ctx: ServiceContext, hearing: Hearing, seat_key: str) -> Exception:
    """The seat's vote changed since the caller's screen showed it: who recorded (or withdrew) what."""
    stored = s.scalar(select(Vote).where(Vote.hearing_id == hearing.id, Vote.seat_key == seat_key)
                      .execution_options(populate_existing=True))
    choice = _stored_choice(stored)
    case = s.get(Case, hearing.case_id)
    att = next((a for a in hearing.session.attendance if a.seat_key == seat_key), None)
    last = latest_audit(s, entity="sesion", entity_id=hearing.session_id, case_id=hearing.case_id,
                        actions=("voto", "voto_retirado"), match=lambda d: d.get("puesto") == seat_key)
    what = f"el voto de «{att.entity if att else seat_key}» en el caso {case.radicado}"
    verb = "modificó"
    if last is None:
        what += f" (ahora: {choice.label.lower() if choice else 'sin voto'})"
    elif last[0].action == "voto":
        verb = "registró"
    else:
        verb = "retiró"

    def describe(entry, details: dict) -> str:
        if entry.action == "voto" and choice is not None and details.get("voto") == choice.value:
            return choice.label.lower()
        if entry.action == "voto_retirado" and choice is None:
            return ""
        return f"ahora {choice.label.lower() if choice else 'sin voto'}"

    return stale_edit(ctx, what, version=hearing.row_version, last=last, verb=verb, describe=describe,
                      current={"choice": choice})


def _conflict_after_duplicate(ctx: ServiceContext, hearing_id: int, seat_key: str,
                              expected: VoteChoice | None) -> Exception | None:
    """A vote inserted from another desktop while this one inserted its own (the unique
    constraint refused the second): the conflict to raise instead of the generic refusal."""
    with ctx.reading() as s:
        hearing = s.get(Hearing, hearing_id)
        if hearing is None:
            return None
        stored = s.scalar(select(Vote).where(Vote.hearing_id == hearing_id, Vote.seat_key == seat_key))
        if _stored_choice(stored) == expected:
            return None
        return _vote_conflict(s, ctx, hearing, seat_key)


def cast_vote(
    ctx: ServiceContext, hearing_id: int, seat_key: str, choice: VoteChoice, dissent: str | None = None,
    *, expected: SeenVote = ANY_VOTE,
) -> VoteResult:
    """Record (or change) one member's vote; refused votes change nothing.

    ``expected`` is the vote the caller's screen showed for the seat (``None``: no
    vote). If the stored vote differs (someone recorded, changed or withdrew it
    meanwhile, from another desktop), :class:`~comite.services.context.StaleEdit`
    says who recorded what and nothing is written. Left out (scripts, the CLI),
    the vote is recorded whatever was stored.
    """
    checked = not isinstance(expected, _AnyVote)
    try:
        with ctx.transaction() as s:
            hearing = _hearing(s, ctx, hearing_id)
            _recording(hearing)
            existing = _vote_as_seen(s, ctx, hearing, seat_key, expected)
            before = existing.choice if existing is not None else None
            dissent_before = existing.dissent if existing is not None else None
            _require_moment(s, hearing)
            frame = case_frame(s, hearing)
            votes = [v for v in _votes(hearing) if v.seat_key != seat_key]
            votes.append(VoteView(seat_key, choice, dissent or None))
            result = validate_votes(votes, frame.seats, frame.attendance, frame.case, frame.moment,
                                    frame.settings)
            att = next(a for a in hearing.session.attendance if a.seat_key == seat_key)
            if existing is None:
                hearing.votes.append(Vote(seat_key=seat_key, attendance_id=att.id, choice=choice.value,
                                          dissent=dissent or None))
                s.flush()  # one inserted meanwhile is a duplicate (see below)
            elif checked:
                # only if still as read: a vote changed meanwhile matches no row (PostgreSQL waits
                # for the other transaction and re-reads the row; SQLite serialises the writes)
                done = s.execute(
                    update(Vote).where(Vote.id == existing.id, Vote.choice == existing.choice)
                    .values(choice=choice.value, dissent=dissent or None)
                    .execution_options(synchronize_session=False)
                )
                if done.rowcount != 1:
                    raise _vote_conflict(s, ctx, hearing, seat_key)
            else:
                existing.choice, existing.dissent = choice.value, dissent or None
            reserved = {"salvamento": dissent} if dissent else {}
            if dissent_before and dissent_before != (dissent or None):
                reserved["salvamento_antes"] = dissent_before  # encrypted, like the new one
            audit.record(s, ctx, "voto", "sesion", hearing.session_id, case_id=hearing.case_id,
                         details={"puesto": seat_key, "voto": choice.value, "antes": before},
                         reserved=reserved or None)
            return VoteResult(_vote_changes(hearing), result)
    except ValidationError as exc:
        if checked and isinstance(exc.__cause__, IntegrityError):
            conflict = _conflict_after_duplicate(ctx, hearing_id, seat_key, expected)  # type: ignore[arg-type]
            if conflict is not None:
                raise conflict from exc
        raise


def _vote_as_seen(s: Session, ctx: ServiceContext, hearing: Hearing, seat_key: str, expected: SeenVote) -> Vote | None:
    """The seat's stored vote, once it is sure it may change: the decision is not adopted
    and, when the caller says what it saw, the stored vote is still that one."""
    if hearing.decision is not None and hearing.decision.adopted:
        raise RuleViolation("La decisión de este caso ya fue adoptada; retírela para cambiar los votos.")
    existing = next((v for v in hearing.votes if v.seat_key == seat_key), None)
    if not isinstance(expected, _AnyVote) and _stored_choice(existing) != expected:
        raise _vote_conflict(s, ctx, hearing, seat_key)
    return existing


def _decision_summary(d: Decision) -> dict:
    """A stored decision as the audit trail shows it (old → new when it is replaced)."""
    return {"resultado": d.outcome, "nivel": d.risk_level, "adoptada": d.adopted,
            "medidas": [[m.measure_code, m.quantity, m.action, m.temporality_months] for m in d.measures]}


def _vote_changes(hearing: Hearing) -> Changes:
    return Changes(votes=True, session_id=hearing.session_id, case_id=hearing.case_id)


def clear_vote(ctx: ServiceContext, hearing_id: int, seat_key: str, *, expected: SeenVote = ANY_VOTE) -> VoteResult:
    """Withdraw one member's vote. ``expected`` as for :func:`cast_vote`: the vote the
    caller saw; if someone changed it meanwhile, nothing is withdrawn. Returns the
    tally of the votes that remain."""
    checked = not isinstance(expected, _AnyVote)
    with ctx.transaction() as s:
        hearing = _hearing(s, ctx, hearing_id)
        existing = _vote_as_seen(s, ctx, hearing, seat_key, expected)
        before = existing.choice if existing is not None else None
        if checked and existing is not None:
            done = s.execute(
                delete(Vote).where(Vote.id == existing.id, Vote.choice == existing.choice)
                .execution_options(synchronize_session=False)
            )
            if done.rowcount != 1:
                raise _vote_conflict(s, ctx, hearing, seat_key)
        else:
            hearing.votes = [v for v in hearing.votes if v.seat_key != seat_key]
        audit.record(s, ctx, "voto_retirado", "sesion", hearing.session_id, case_id=hearing.case_id,
                     details={"puesto": seat_key, "antes": before})
        frame = case_frame(s, hearing)
        quorum = quorum_for_case(frame.seats, frame.attendance, frame.case, frame.moment, frame.settings)
        remaining = [v for v in _votes(hearing) if v.seat_key != seat_key]
        return VoteResult(_vote_changes(hearing), tally(remaining, quorum, frame.settings))


def current_tally(s: Session, hearing: Hearing) -> tuple[QuorumResult, TallyResult]:
    """Quorum and tally as they stand (for views; raises nothing)."""
    frame = case_frame(s, hearing)
    quorum = quorum_for_case(frame.seats, frame.attendance, frame.case, frame.moment, frame.settings)
    return quorum, tally(_votes(hearing), quorum, frame.settings)


# --- decision ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MeasureInput:
    measure_code: str
    quantity: int
    action: MeasureAction
    temporality_months: int | None = None
    notes: str | None = None


@dataclass(frozen=True)
class DecisionInput:
    outcome: DecisionOutcome
    risk_level: RiskLevel | None = None
    concept: str = ""
    measures: Sequence[MeasureInput] = ()
    matrix_pct: float | None = None
    decided_on: date | None = None
    votes: Sequence[tuple[str, VoteChoice, str | None]] | None = None  # replaces recorded votes


@dataclass(frozen=True)
class DecisionResult:
    changes: Changes
    tally: TallyResult | None


def _check_measures(s: Session, inp: DecisionInput) -> dict[str, MeasureType]:
    codes = {m.measure_code for m in inp.measures}
    types = {m.code: m for m in s.scalars(select(MeasureType).where(MeasureType.code.in_(codes)))}
    for m in inp.measures:
        mt = types.get(m.measure_code)
        if mt is None:
            raise ValidationError(f"La medida «{m.measure_code}» no está en el catálogo.")
        if m.quantity < 1:
            raise ValidationError(f"{mt.name}: la cantidad debe ser al menos 1.")
        if m.temporality_months is not None and not 1 <= m.temporality_months <= MAX_TEMPORALITY_MONTHS:
            raise ValidationError(
                f"{mt.name}: la temporalidad debe estar entre 1 y {MAX_TEMPORALITY_MONTHS} meses."
            )
        if m.action in (MeasureAction.IMPLEMENTAR, MeasureAction.RATIFICAR, MeasureAction.AJUSTAR):
            if inp.risk_level is RiskLevel.ORDINARIO:
                raise RuleViolation(
                    f"Con riesgo ordinario no proceden medidas de protección: «{mt.name}» solo puede "
                    "suspenderse o finalizarse."
                )
            if m.temporality_months is None:
                raise ValidationError(f"{mt.name}: indique la temporalidad en meses.")
    return types


def record_decision(
    ctx: ServiceContext, hearing_id: int, inp: DecisionInput, *, expected_version: int | None = None
) -> DecisionResult:
    """Record the committee's decision on a case.

    A decision (outcome *decidido*) is adopted only with quorum at the moment
    the case was discussed, one valid vote per voting member present and the
    majority; a collective without legal recognition needs its social
    recognition verified first. Each refusal is a :class:`RuleViolation` and
    nothing already recorded changes.

    Recording a decision moves the hearing's ``row_version`` on, so a decision
    recorded at the same time from another desktop is never silently replaced:
    with ``expected_version`` (the hearing's version the user saw) the second is
    refused with :class:`~comite.services.context.StaleEdit`.
    """
    with ctx.transaction() as s:
        hearing = _hearing(s, ctx, hearing_id, expected_version)
        _recording(hearing)
        flag_modified(hearing, "restoration_measures")  # the hearing's version covers its decision
        sess: CommitteeSession = hearing.session
        case = s.get(Case, hearing.case_id)
        _refuse_if_received(s, hearing)
        if inp.outcome is DecisionOutcome.DECIDED or (inp.votes if inp.votes is not None else hearing.votes):
            _require_moment(s, hearing)
        if inp.votes is not None:
            # The replacing votes pass the same checks as votes cast one by one, whatever
            # the outcome, and before anything is written (a duplicate would otherwise
            # reach the database as an anonymous constraint error).
            replacing = [VoteView(key, choice, dissent or None) for key, choice, dissent in inp.votes]
            if replacing:
                frame = case_frame(s, hearing)
                validate_votes(replacing, frame.seats, frame.attendance, frame.case, frame.moment,
                               frame.settings)
            hearing.votes = []
            s.flush()
            att_by_key = {a.seat_key: a for a in sess.attendance}
            for key, choice, dissent in inp.votes:
                att = att_by_key.get(key)
                hearing.votes.append(Vote(seat_key=key, attendance_id=att.id if att else 0,
                                          choice=choice.value, dissent=dissent or None))
        types = _check_measures(s, inp)
        result: TallyResult | None = None
        if inp.outcome is DecisionOutcome.DECIDED:
            if inp.risk_level is None:
                raise ValidationError("Indique el nivel de riesgo de la decisión.")
            if case.kind == CaseKind.COLECTIVO.value and sess.committee.kind != CommitteeKind.GVP.value:
                answers = json.loads(hearing.recognition_answers) if hearing.recognition_answers else None
                check_social_recognition(answers, bool(case.legally_recognised), hearing.recognition_granted)
            if any(types[m.measure_code].restoration for m in inp.measures):
                hearing.restoration_measures = True
            frame = case_frame(s, hearing)
            result = validate_adoption(_votes(hearing), frame.seats, frame.attendance, frame.case,
                                       frame.moment, frame.settings)
        elif inp.measures:
            raise RuleViolation("Un caso devuelto o aplazado no lleva medidas.")
        decided_on = inp.decided_on or sess.day
        before = _decision_summary(hearing.decision) if hearing.decision is not None else None
        decision = hearing.decision or Decision(hearing_id=hearing.id)
        decision.outcome = inp.outcome.value
        decision.risk_level = inp.risk_level.value if inp.risk_level else None
        decision.matrix_pct = inp.matrix_pct if inp.matrix_pct is not None else hearing.proposal_pct
        decision.concept = inp.concept or None
        decision.adopted = result is not None and result.adopted
        decision.a_favor = result.a_favor if result else 0
        decision.en_contra = result.en_contra if result else 0
        decision.abstencion = result.abstencion if result else 0
        decision.decided_on = decided_on
        decision.measures = [
            MeasureDecision(
                position=i, measure_code=m.measure_code, quantity=m.quantity, action=m.action.value,
                temporality_months=m.temporality_months,
                revaluation_date=revaluation_date(decided_on, m.temporality_months) if m.temporality_months else None,
                notes=m.notes,
            )
            for i, m in enumerate(inp.measures)
        ]
        hearing.decision = decision
        if decision.adopted and sess.committee.kind == CommitteeKind.GVP.value:
            _hand_off(s, hearing, case, decision)
        else:  # a GVP result that no longer stands is not handed to any CERREM
            s.execute(Handoff.__table__.delete().where(Handoff.gvp_hearing_id == hearing.id))
        s.flush()
        status_before = case.status
        case.status = case_status_from_decisions(s, case.id)
        audit.record(
            s, ctx, "decision", "sesion", sess.id, case_id=case.id,
            details={"resultado": inp.outcome.value, "nivel": decision.risk_level, "adoptada": decision.adopted,
                     "antes": before, "estado_caso": [status_before, case.status],
                     "medidas": [[m.measure_code, m.quantity, m.action.value, m.temporality_months]
                                 for m in inp.measures],
                     "votos": [decision.a_favor, decision.en_contra, decision.abstencion]},
            reserved={"concepto": inp.concept} if inp.concept else None,
        )
        return DecisionResult(Changes(decisions=True, cases=True, session_id=sess.id), result)


CASE_STATUS_UNDECIDED = "en_estudio"


def _case_status(kind: str, outcome: DecisionOutcome) -> str:
    if outcome is DecisionOutcome.RETURNED:
        return "devuelto_analista"
    if outcome is DecisionOutcome.POSTPONED:
        return "aplazado"
    return "valorado_gvp" if kind == CommitteeKind.GVP.value else "recomendado"


def case_status_from_decisions(s: Session, case_id: int) -> str:
    """A case's status follows its latest decision in any session (see
    :func:`decision_chronology`); with no decision left, the case is back in study."""
    decisions = s.execute(decisions_in_order().where(Hearing.case_id == case_id)).all()
    if not decisions:
        return CASE_STATUS_UNDECIDED
    latest = max(decisions, key=chronology)
    return _case_status(latest.kind, DecisionOutcome(latest.outcome))


def _hand_off(s: Session, hearing: Hearing, case: Case, decision: Decision) -> None:
    """The GVP's level and concept become the proposal for the right CERREM."""
    target = committee_by_code(s, target_committee(case_profile(case)))
    handoff = s.scalar(select(Handoff).where(Handoff.gvp_hearing_id == hearing.id))
    if handoff is None:
        handoff = Handoff(case_id=case.id, gvp_hearing_id=hearing.id)
        s.add(handoff)
    handoff.target_committee_id = target.id
    handoff.level = decision.risk_level
    handoff.matrix_pct = decision.matrix_pct
    handoff.concept = decision.concept


def _refuse_if_received(s: Session, hearing: Hearing) -> None:
    """A GVP result already on a CERREM agenda is that committee's proposal: it stays."""
    received = s.scalar(
        select(Handoff.id).where(Handoff.gvp_hearing_id == hearing.id, Handoff.received_hearing_id.is_not(None))
    )
    if received is not None:
        raise RuleViolation(
            "El resultado de este caso ya fue recibido por el CERREM: la decisión del GVP no se puede "
            "modificar ni retirar."
        )


def withdraw_decision(ctx: ServiceContext, hearing_id: int) -> Changes:
    """Undo a recorded decision (before the acta is approved); votes stay."""
    with ctx.transaction() as s:
        hearing = _hearing(s, ctx, hearing_id)
        if hearing.decision is None:
            return Changes()
        _refuse_if_received(s, hearing)
        s.execute(Handoff.__table__.delete().where(Handoff.gvp_hearing_id == hearing.id))
        hearing.decision = None
        s.flush()
        # the case goes back to what its remaining decisions (or none) make it
        case = s.get(Case, hearing.case_id)
        status_before = case.status
        case.status = case_status_from_decisions(s, case.id)
        audit.record(s, ctx, "decision_retirada", "sesion", hearing.session_id, case_id=hearing.case_id,
                     details={"estado_caso": [status_before, case.status]})
        return Changes(decisions=True, cases=True, session_id=hearing.session_id)
