"""One case in session: its deliberation, time and flags, the observations of
those who sit for it, the social-recognition checklist, and the members' votes.

Every write re-checks the rules (:mod:`comite.rules`) against what is stored,
inside the same transaction, so a refusal leaves the database as it was.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.interfaces import ORMOption

from comite.domain import (
    AuditAction,
    AuditEntity,
    CaseKind,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    SessionStatus,
    VoteChoice,
)
from comite.errors import NotFound, RuleViolation, ValidationError
from comite.model import Attendance, Case, CommitteeSession, Hearing, MeasureType, Observation, Vote
from comite.rules.collective import CRITERIA
from comite.rules.quorum import (
    TallyResult,
    VoteView,
    is_present_at,
    quorum_for_case,
    tally,
    validate_adoption,
    validate_votes,
)
from comite.rules.rights import seat_applies
from comite.services import audit, coherence
from comite.services.context import Changes, ServiceContext, latest_audit, row_lock, stale_edit
from comite.services.frames import (
    attendance_view,
    case_frame,
    case_view,
    seat_view,
    times_recorded,
    vote_views,
)
from comite.services.sessions import editable_session

_RECORDING = (SessionStatus.EN_CURSO, SessionStatus.CERRADA)


def editable_hearing(s: Session, ctx: ServiceContext, hearing_id: int, expected_version: int | None = None,
                     *, load: tuple[ORMOption, ...] = ()) -> Hearing:
    """The hearing, once its session may still be edited by ``ctx`` and, with
    ``expected_version``, it is still as the caller saw it (else :class:`StaleEdit`).
    ``load``: loader options, to read in the same statements what the caller needs next."""
    hearing = s.get(Hearing, hearing_id, with_for_update=row_lock(expected_version), options=load)
    if hearing is None:
        raise NotFound("El caso ya no está en el orden del día.")
    # kept on the hearing: the session is held only weakly by the identity map, and
    # ``hearing.session`` would otherwise read it again once this reference is gone
    set_committed_value(hearing, "session", editable_session(s, ctx, hearing.session_id))
    if expected_version is not None and hearing.row_version != expected_version:
        raise _hearing_conflict(s, ctx, hearing)
    return hearing


# What changes a hearing's row (its row_version), as the audit names it.
_HEARING_ACTIONS: dict[AuditAction, str] = {
    AuditAction.CASO_DELIBERACION: "la deliberación",
    AuditAction.RECONOCIMIENTO_SOCIAL: "el reconocimiento social",
    AuditAction.DECISION: "la decisión",
    AuditAction.DECISION_RETIRADA: "la decisión",
}


def _describe_hearing_change(entry, details: dict) -> str:
    if entry.action == AuditAction.DECISION:
        parts = []
        if details.get("resultado") in {o.value for o in DecisionOutcome}:
            parts.append(f"resultado {DecisionOutcome(details['resultado']).label}")
        if details.get("nivel"):
            parts.append(f"nivel {RiskLevel(details['nivel']).label}")
        if "adoptada" in details:
            parts.append("adoptada" if details["adoptada"] else "sin adoptar")
        return ", ".join(parts)
    if entry.action == AuditAction.DECISION_RETIRADA:
        return "la retiró"
    if entry.action == AuditAction.CASO_DELIBERACION and details.get("hora"):
        return f"hora en que se trató {time.fromisoformat(details['hora']):%H:%M}"
    return ""


def _hearing_conflict(s: Session, ctx: ServiceContext, hearing: Hearing) -> Exception:
    case = s.get_one(Case, hearing.case_id)
    last = latest_audit(s, entity=AuditEntity.SESION, entity_id=hearing.session_id, case_id=hearing.case_id,
                        actions=tuple(_HEARING_ACTIONS))
    what = _HEARING_ACTIONS[AuditAction(last[0].action)] if last else "el caso"
    verb = "registró" if last and last[0].action == AuditAction.DECISION else "modificó"
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


def require_recording(hearing: Hearing) -> None:
    if hearing.session.status not in _RECORDING:
        raise RuleViolation(
            "La sesión no está en curso: iníciela para registrar votos y decisiones."
        )


def require_moment(s: Session, hearing: Hearing) -> None:
    """Votes are judged at the time the case was discussed. When the session records
    arrivals and departures, a vote without that time would ignore who had left
    (or not yet arrived), so the time is required."""
    if hearing.discussed_at is None and times_recorded(hearing.session):
        case = s.get_one(Case, hearing.case_id)
        raise RuleViolation(
            f"La sesión registra horas de llegada o salida de los asistentes: indique la hora en que se "
            f"trató el caso {case.radicado} antes de registrar votos o su decisión."
        )



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
        hearing = editable_hearing(s, ctx, hearing_id, expected_version)
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
        audit.record(s, ctx, AuditAction.CASO_DELIBERACION, AuditEntity.SESION, hearing.session_id,
                     case_id=hearing.case_id, details={"hora": discussed_at, "restablecimiento": restoration_measures},
                     reserved={"deliberacion": deliberation} if deliberation is not None else None)
        return Changes(decisions=True, session_id=hearing.session_id)


def _check_votes_still_hold(s: Session, hearing: Hearing, change: str, advice: str = "Deshaga el cambio") -> None:
    """The votes (and an adopted decision) of a case stay valid after ``change`` to what
    decides who sits and votes for it (its time, its restoration flag)."""
    frame = case_frame(s, hearing)
    adopted = hearing.decision is not None and hearing.decision.adopted
    check = validate_adoption if adopted else validate_votes
    try:
        check(vote_views(hearing), frame.seats, frame.attendance, frame.case, frame.moment, frame.settings)
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
        case = s.get_one(Case, hearing.case_id)
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
        hearing = editable_hearing(s, ctx, hearing_id)
        att = s.get(Attendance, attendance_id)
        if att is None or att.session_id != hearing.session_id:
            raise ValidationError("Quien hace la observación debe estar convocado a esta sesión.")
        if not seat_applies(seat_view(att), case_view(s, hearing)):
            raise RuleViolation(f"{att.entity} no tiene asiento en este caso: no puede registrar observaciones.")
        if not is_present_at(attendance_view(att), hearing.discussed_at):
            at = f" a las {hearing.discussed_at:%H:%M}" if hearing.discussed_at else ""
            raise RuleViolation(f"{att.entity} no está presente{at}: no puede registrar observaciones.")
        obs = Observation(hearing_id=hearing.id, attendance_id=att.id, entity=att.entity, text=text.strip())
        s.add(obs)
        s.flush()
        audit.record(s, ctx, AuditAction.OBSERVACION, AuditEntity.SESION, hearing.session_id, case_id=hearing.case_id,
                     details={"entidad": att.entity}, reserved={"texto": text})
        return Changes(decisions=True, session_id=hearing.session_id, created_id=obs.id)


def remove_observation(ctx: ServiceContext, observation_id: int) -> Changes:
    with ctx.transaction() as s:
        obs = s.get(Observation, observation_id)
        if obs is None:
            raise NotFound("La observación ya no existe.")
        hearing = editable_hearing(s, ctx, obs.hearing_id)
        s.delete(obs)
        audit.record(s, ctx, AuditAction.OBSERVACION_RETIRADA, AuditEntity.SESION, hearing.session_id,
                     case_id=hearing.case_id)
        return Changes(decisions=True, session_id=hearing.session_id)


def record_recognition(
    ctx: ServiceContext, hearing_id: int, answers: Mapping[str, bool], granted: bool | None
) -> Changes:
    """The social-recognition checklist of a collective (Res. 1085 de 2015)."""
    known = {code for code, _ in CRITERIA}
    unknown = set(answers) - known
    if unknown:
        raise ValidationError(f"Criterio de reconocimiento desconocido: {', '.join(sorted(unknown))}.")
    with ctx.transaction() as s:
        hearing = editable_hearing(s, ctx, hearing_id)
        case = s.get_one(Case, hearing.case_id)
        if case.kind != CaseKind.COLECTIVO:
            raise RuleViolation("El reconocimiento social solo se verifica para casos colectivos.")
        coherence.check_recognition_session(hearing.session.committee.kind)
        hearing.recognition_answers = json.dumps(dict(answers), sort_keys=True)
        hearing.recognition_granted = granted
        audit.record(s, ctx, AuditAction.RECONOCIMIENTO_SOCIAL, AuditEntity.SESION, hearing.session_id, case_id=case.id,
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
    case = s.get_one(Case, hearing.case_id)
    att = next((a for a in hearing.session.attendance if a.seat_key == seat_key), None)
    last = latest_audit(s, entity=AuditEntity.SESION, entity_id=hearing.session_id, case_id=hearing.case_id,
                        actions=(AuditAction.VOTO, AuditAction.VOTO_RETIRADO),
                        match=lambda d: d.get("puesto") == seat_key)
    what = f"el voto de «{att.entity if att else seat_key}» en el caso {case.radicado}"
    verb = "modificó"
    if last is None:
        what += f" (ahora: {choice.label.lower() if choice else 'sin voto'})"
    elif last[0].action == AuditAction.VOTO:
        verb = "registró"
    else:
        verb = "retiró"

    def describe(entry, details: dict) -> str:
        if entry.action == AuditAction.VOTO and choice is not None and details.get("voto") == choice.value:
            return choice.label.lower()
        if entry.action == AuditAction.VOTO_RETIRADO and choice is None:
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


def _changed(s: Session, statement: Executable) -> int:
    """How many rows an UPDATE or DELETE touched."""
    return cast(CursorResult[Any], s.execute(statement)).rowcount


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
            hearing = editable_hearing(s, ctx, hearing_id, load=_VOTE_LOAD)
            require_recording(hearing)
            existing = _vote_as_seen(s, ctx, hearing, seat_key, expected)
            before = existing.choice if existing is not None else None
            dissent_before = existing.dissent if existing is not None else None
            require_moment(s, hearing)
            frame = case_frame(s, hearing)
            votes = [v for v in vote_views(hearing) if v.seat_key != seat_key]
            votes.append(VoteView(seat_key, choice, dissent or None))
            result = validate_votes(votes, frame.seats, frame.attendance, frame.case, frame.moment,
                                    frame.settings)
            att = next(a for a in hearing.session.attendance if a.seat_key == seat_key)
            if existing is None:
                hearing.votes.append(Vote(seat_key=seat_key, attendance_id=att.id, choice=choice,
                                          dissent=dissent or None))
                s.flush()  # one inserted meanwhile is a duplicate (see below)
            elif checked:
                # only if still as read: a vote changed meanwhile matches no row (PostgreSQL waits
                # for the other transaction and re-reads the row; SQLite serialises the writes)
                done = _changed(s,
                    update(Vote).where(Vote.id == existing.id, Vote.choice == existing.choice)
                    .values(choice=choice, dissent=dissent or None)
                    .execution_options(synchronize_session=False)
                )
                if done != 1:
                    raise _vote_conflict(s, ctx, hearing, seat_key)
            else:
                existing.choice, existing.dissent = choice, dissent or None
            reserved = {"salvamento": dissent} if dissent else {}
            if dissent_before and dissent_before != (dissent or None):
                reserved["salvamento_antes"] = dissent_before  # encrypted, like the new one
            audit.record(s, ctx, AuditAction.VOTO, AuditEntity.SESION, hearing.session_id, case_id=hearing.case_id,
                         details={"puesto": seat_key, "voto": choice, "antes": before},
                         reserved=reserved or None)
            return VoteResult(_vote_changes(hearing), result)
    except ValidationError as exc:
        if not isinstance(expected, _AnyVote) and isinstance(exc.__cause__, IntegrityError):  # i.e. checked
            conflict = _conflict_after_duplicate(ctx, hearing_id, seat_key, expected)
            if conflict is not None:
                raise conflict from exc
        raise


_VOTE_LOAD = (  # what judging one vote reads, in three statements (#18: a vote is what users do most)
    joinedload(Hearing.decision),
    joinedload(Hearing.session).joinedload(CommitteeSession.composition),
    joinedload(Hearing.session).selectinload(CommitteeSession.attendance),
    selectinload(Hearing.votes),
)


def _vote_as_seen(s: Session, ctx: ServiceContext, hearing: Hearing, seat_key: str, expected: SeenVote) -> Vote | None:
    """The seat's stored vote, once it is sure it may change: the decision is not adopted
    and, when the caller says what it saw, the stored vote is still that one."""
    if hearing.decision is not None and hearing.decision.adopted:
        raise RuleViolation("La decisión de este caso ya fue adoptada; retírela para cambiar los votos.")
    existing = next((v for v in hearing.votes if v.seat_key == seat_key), None)
    if not isinstance(expected, _AnyVote) and _stored_choice(existing) != expected:
        raise _vote_conflict(s, ctx, hearing, seat_key)
    return existing



def _vote_changes(hearing: Hearing) -> Changes:
    return Changes(votes=True, session_id=hearing.session_id, case_id=hearing.case_id)


def clear_vote(ctx: ServiceContext, hearing_id: int, seat_key: str, *, expected: SeenVote = ANY_VOTE) -> VoteResult:
    """Withdraw one member's vote. ``expected`` as for :func:`cast_vote`: the vote the
    caller saw; if someone changed it meanwhile, nothing is withdrawn. Returns the
    tally of the votes that remain."""
    checked = not isinstance(expected, _AnyVote)
    with ctx.transaction() as s:
        hearing = editable_hearing(s, ctx, hearing_id, load=_VOTE_LOAD)
        existing = _vote_as_seen(s, ctx, hearing, seat_key, expected)
        before = existing.choice if existing is not None else None
        if checked and existing is not None:
            done = _changed(s,
                delete(Vote).where(Vote.id == existing.id, Vote.choice == existing.choice)
                .execution_options(synchronize_session=False)
            )
            if done != 1:
                raise _vote_conflict(s, ctx, hearing, seat_key)
        else:
            hearing.votes = [v for v in hearing.votes if v.seat_key != seat_key]
        audit.record(s, ctx, AuditAction.VOTO_RETIRADO, AuditEntity.SESION, hearing.session_id, case_id=hearing.case_id,
                     details={"puesto": seat_key, "antes": before})
        frame = case_frame(s, hearing)
        quorum = quorum_for_case(frame.seats, frame.attendance, frame.case, frame.moment, frame.settings)
        remaining = [v for v in vote_views(hearing) if v.seat_key != seat_key]
        return VoteResult(_vote_changes(hearing), tally(remaining, quorum, frame.settings))
