"""The record around a decision, gathered for :mod:`comite.rules.decision` inside the
transaction that records it (so a refusal leaves the database as it was): the case's
measures in force, whether its emergency measures still await a disposition, its social
recognition checklists, whether the composition convenes the restoration entities.

:mod:`comite.services.decisions` puts these together with what the committee decided
(its ``DecisionInput``) and asks the rules; :func:`check_recognition_session` is what
:func:`comite.services.deliberation.record_recognition` asks. Reading the case's history
here keeps those services to a few calls.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from comite.domain import CommitteeKind, MeasureAction, Route, SeatCondition
from comite.errors import NotFound, RuleViolation
from comite.model import (
    Case,
    Committee,
    CommitteeSession,
    Decision,
    EmergencyMeasure,
    Hearing,
    MeasureDecision,
)
from comite.rules.decision import DecisionContext, InForce, PastAction, RecognitionRecord, measures_in_force
from comite.rules.routing import decision_chronology
from comite.services.catalog import risk_bands
from comite.services.chronology import chronology, decisions_in_order
from comite.services.context import ServiceContext
from comite.services.permissions import Action, require


def _moment(hearing: Hearing, decision_id: int | None) -> tuple:
    sess = hearing.session
    return decision_chronology(sess.day, sess.committee.kind, hearing.discussed_at, sess.start_time, sess.id,
                               decision_id if decision_id is not None else 2**62)


def in_force_before(s: Session, hearing: Hearing) -> dict[str, InForce]:
    """The case's measures in force when ``hearing``'s decision is taken: what the earlier
    adopted decisions of the CERREM (or the servidores committee) left standing. The
    GVP's measures are a concept, not adopted measures."""
    now = _moment(hearing, hearing.decision.id if hearing.decision is not None else None)
    rows = [
        row for row in s.execute(
            decisions_in_order().where(Hearing.case_id == hearing.case_id, Hearing.id != hearing.id,
                                       Decision.adopted.is_(True), Committee.kind != CommitteeKind.GVP)
        ).all()
        if chronology(row) < now
    ]
    rows.sort(key=chronology)
    by_decision: dict[int, list[MeasureDecision]] = {}
    if rows:
        for m in s.scalars(select(MeasureDecision).where(MeasureDecision.decision_id.in_([r.decision_id for r in rows]))
                           .order_by(MeasureDecision.position)):
            by_decision.setdefault(m.decision_id, []).append(m)
    decided = dict(s.execute(select(Decision.id, Decision.decided_on)
                             .where(Decision.id.in_([r.decision_id for r in rows]))).all()) if rows else {}
    history = [
        PastAction(m.measure_code, MeasureAction(m.action), decided.get(row.decision_id) or row.day, m.revaluation_date)
        for row in rows for m in by_decision.get(row.decision_id, [])
    ]
    return measures_in_force(history)


def emergency_pending(s: Session, case: Case, hearing: Hearing) -> bool:
    """The case came by the emergency route (or has emergency measures the Director
    adopted) and no other adopted decision of a committee said what becomes of them."""
    has = case.route == Route.EMERGENCIA or s.scalar(
        select(EmergencyMeasure.id).where(EmergencyMeasure.case_id == case.id).limit(1)) is not None
    if not has:
        return False
    addressed = s.scalar(
        select(Decision.id).join(Hearing, Hearing.id == Decision.hearing_id)
        .where(Hearing.case_id == case.id, Hearing.id != hearing.id, Decision.adopted.is_(True),
               Decision.emergency_disposition.is_not(None)).limit(1))
    return addressed is None


def recognitions(s: Session, hearing: Hearing) -> tuple[RecognitionRecord, ...]:
    """The social-recognition checklists recorded for the case in CERREM hearings."""
    rows = s.execute(
        select(Hearing.id, CommitteeSession.day, Hearing.recognition_answers, Hearing.recognition_granted)
        .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
        .join(Committee, Committee.id == CommitteeSession.committee_id)
        .where(Hearing.case_id == hearing.case_id, Hearing.recognition_answers.is_not(None),
               Committee.kind != CommitteeKind.GVP)
    ).all()
    return tuple(RecognitionRecord(day, json.loads(answers), granted, hid == hearing.id)
                 for hid, day, answers, granted in rows if answers is not None)


def restoration_committee(hearing: Hearing) -> bool:
    """The composition convenes the competent entities for restoration measures (UP-PCC)."""
    return any(seat.condition is SeatCondition.RESTORATION_MEASURES
               for seat in hearing.session.composition.seats)


def decision_context(ctx: ServiceContext, hearing_id: int) -> DecisionContext:
    """What the decision form needs to ask only for the facts that apply to this case
    (:func:`comite.rules.decision.what_applies`): the same facts :mod:`comite.services.decisions`
    gathers when it records the decision."""
    with ctx.reading() as s:
        hearing = s.get(Hearing, hearing_id)
        if hearing is None:
            raise NotFound("El caso ya no está en el orden del día.")
        sess = hearing.session
        require(ctx, Action.READ_SESSION, sess.committee_id)
        case = s.get_one(Case, hearing.case_id)
        return DecisionContext(
            committee_kind=sess.committee.kind, case_kind=case.kind, bands=tuple(risk_bands(s)),
            gvp_level=hearing.proposal_level, emergency_pending=emergency_pending(s, case, hearing),
            restoration_committee=restoration_committee(hearing),
        )


def check_recognition_session(committee_kind: CommitteeKind) -> None:
    """Social recognition is verified in a session of the CERREM, never the GVP's."""
    if committee_kind == CommitteeKind.GVP:
        raise RuleViolation(
            "El reconocimiento social de un colectivo lo verifica el CERREM en sesión (Resolución 1085 de "
            "2015, art. 3), no el GVP: regístrelo en una sesión del CERREM colectivo."
        )
