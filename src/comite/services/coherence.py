"""The record around a decision, gathered for :mod:`comite.rules.decision` inside the
transaction that records it (so a refusal leaves the database as it was).

:func:`check_decision_coherence` is what :func:`comite.services.proceedings.record_decision`
calls for a decision (outcome *decidido*); :func:`check_undecided` for a returned or
postponed case; :func:`store_facts` writes the facts onto the decision row. Reading the
case's history here (measures in force, emergency measures, social recognition) keeps
the proceedings service to a few calls.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from comite.domain import CaseKind, CommitteeKind, MeasureAction, RiskLevel, Route, SeatCondition
from comite.errors import RuleViolation
from comite.model import (
    Case,
    Committee,
    CommitteeSession,
    Decision,
    EmergencyMeasure,
    Hearing,
    MeasureDecision,
    MeasureType,
)
from comite.rules.decision import (
    DecisionFacts,
    InForce,
    MeasureLine,
    PastAction,
    RecognitionRecord,
    check_decision,
    measures_in_force,
    undecided_facts,
)
from comite.rules.routing import decision_chronology
from comite.services.catalog import risk_bands
from comite.services.chronology import chronology, decisions_in_order
from comite.services.sessions import check_case_fits_committee

if TYPE_CHECKING:
    from comite.services.proceedings import DecisionInput


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
                                       Decision.adopted.is_(True), Committee.kind != CommitteeKind.GVP.value)
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
    has = case.route == Route.EMERGENCIA.value or s.scalar(
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
               Committee.kind != CommitteeKind.GVP.value)
    ).all()
    return tuple(RecognitionRecord(day, json.loads(answers), granted, hid == hearing.id)
                 for hid, day, answers, granted in rows)


def _restoration_committee(hearing: Hearing) -> bool:
    """The composition convenes the competent entities for restoration measures (UP-PCC)."""
    return any(seat.condition == SeatCondition.RESTORATION_MEASURES.value
               for seat in hearing.session.composition.seats)


def check_decision_coherence(s: Session, hearing: Hearing, case: Case, inp: DecisionInput,
                             types: Mapping[str, MeasureType], decided_on: date) -> None:
    """Refuse (:class:`RuleViolation`) a decision that contradicts the record; see
    :func:`comite.rules.decision.check_decision`. The case must also still be one this
    committee hears (its population or the woman's choice may have changed since it
    was put on the agenda)."""
    sess = hearing.session
    check_case_fits_committee(s, case, sess.committee, sess.composition.short_name)
    assert inp.risk_level is not None
    facts = DecisionFacts(
        committee_kind=CommitteeKind(sess.committee.kind),
        committee_code=sess.committee.code,
        case_kind=CaseKind(case.kind),
        decided_on=decided_on,
        risk_level=inp.risk_level,
        bands=tuple(risk_bands(s)),
        matrix_pct=inp.matrix_pct if inp.matrix_pct is not None else hearing.proposal_pct,
        matrix_departure_reason=inp.matrix_departure_reason,
        gvp_level=RiskLevel(hearing.proposal_level) if hearing.proposal_level else None,
        level_change_reason=inp.level_change_reason,
        measures=tuple(
            MeasureLine(m.measure_code, types[m.measure_code].name, m.action, m.temporality_months,
                        bool(types[m.measure_code].restoration), m.competent_entity or "")
            for m in inp.measures),
        in_force=in_force_before(s, hearing),
        emergency_pending=emergency_pending(s, case, hearing),
        emergency_disposition=inp.emergency_disposition,
        concertation_on=inp.concertation_on,
        concertation_with=inp.concertation_with,
        legally_recognised=bool(case.legally_recognised),
        recognitions=recognitions(s, hearing),
        restoration_committee=_restoration_committee(hearing),
    )
    check_decision(facts)


def check_undecided(inp: DecisionInput) -> None:
    undecided_facts(matrix_departure_reason=inp.matrix_departure_reason,
                    level_change_reason=inp.level_change_reason,
                    emergency_disposition=inp.emergency_disposition,
                    concertation_on=inp.concertation_on, concertation_with=inp.concertation_with)


def check_recognition_session(committee_kind: str) -> None:
    """Social recognition is verified in a session of the CERREM, never the GVP's."""
    if committee_kind == CommitteeKind.GVP.value:
        raise RuleViolation(
            "El reconocimiento social de un colectivo lo verifica el CERREM en sesión (Resolución 1085 de "
            "2015, art. 3), no el GVP: regístrelo en una sesión del CERREM colectivo."
        )


def store_facts(decision: Decision, inp: DecisionInput) -> None:
    decision.matrix_departure_reason = inp.matrix_departure_reason.strip() or None
    decision.level_change_reason = inp.level_change_reason.strip() or None
    decision.emergency_disposition = inp.emergency_disposition.value if inp.emergency_disposition else None
    decision.emergency_note = inp.emergency_note.strip() or None
    decision.concertation_on = inp.concertation_on
    decision.concertation_with = inp.concertation_with.strip() or None


def audit_details(inp: DecisionInput) -> dict:
    """What the audit trail says in clear of these facts (their texts go reserved)."""
    out: dict = {}
    if inp.emergency_disposition is not None:
        out["emergencia"] = inp.emergency_disposition.value
    if inp.concertation_on is not None:
        out["concertacion"] = inp.concertation_on
    return out


def audit_reserved(inp: DecisionInput) -> dict | None:
    reserved = {key: value.strip() for key, value in (
        ("concepto", inp.concept), ("motivo_apartamiento_matriz", inp.matrix_departure_reason),
        ("motivo_cambio_nivel", inp.level_change_reason), ("nota_emergencia", inp.emergency_note),
        ("concertacion_con", inp.concertation_with)) if value and value.strip()}
    return reserved or None
