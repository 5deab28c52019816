"""The committee's decision on a case, the case's status that follows from its
decisions, and the hand-off of a GVP result to the right CERREM.

A decision is adopted only when the rules allow it at the case's moment; each
refusal leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from comite.domain import (
    AuditAction,
    AuditEntity,
    CaseStatus,
    CommitteeKind,
    DecisionOutcome,
    EmergencyDisposition,
    MeasureAction,
    RiskLevel,
    VoteChoice,
)
from comite.errors import RuleViolation, ValidationError
from comite.model import (
    Case,
    CommitteeSession,
    Decision,
    Handoff,
    Hearing,
    MeasureDecision,
    MeasureType,
    Vote,
)
from comite.rules.calendar import revaluation_date
from comite.rules.decision import REVALUATION_MONTHS, DecisionFacts, MeasureLine, check_decision, undecided_facts
from comite.rules.quorum import TallyResult, VoteView, validate_adoption, validate_votes
from comite.rules.routing import target_committee
from comite.services import audit, coherence
from comite.services.catalog import committee_by_code, risk_bands
from comite.services.chronology import chronology, decisions_in_order
from comite.services.context import Changes, ServiceContext
from comite.services.deliberation import editable_hearing, require_moment, require_recording
from comite.services.frames import case_frame, vote_views
from comite.services.sessions import case_profile, check_case_fits_committee

MAX_TEMPORALITY_MONTHS = REVALUATION_MONTHS  # at least yearly revaluation (rules.decision)


def _decision_summary(d: Decision) -> dict:
    """A stored decision as the audit trail shows it (old → new when it is replaced)."""
    return {"resultado": d.outcome, "nivel": d.risk_level, "adoptada": d.adopted,
            "medidas": [[m.measure_code, m.quantity, m.action, m.temporality_months] for m in d.measures]}


@dataclass(frozen=True)
class MeasureInput:
    measure_code: str
    quantity: int
    action: MeasureAction
    temporality_months: int | None = None
    notes: str | None = None
    competent_entity: str | None = None  # UP-PCC restoration: who it is recommended to


@dataclass(frozen=True)
class DecisionInput:
    outcome: DecisionOutcome
    risk_level: RiskLevel | None = None
    concept: str = ""
    measures: Sequence[MeasureInput] = ()
    matrix_pct: float | None = None
    decided_on: date | None = None
    votes: Sequence[tuple[str, VoteChoice, str | None]] | None = None  # replaces recorded votes
    # What the record must hold for the decision to be coherent (rules.decision, services.coherence)
    matrix_departure_reason: str = ""
    level_change_reason: str = ""
    emergency_disposition: EmergencyDisposition | None = None
    emergency_note: str = ""
    concertation_on: date | None = None
    concertation_with: str = ""


@dataclass(frozen=True)
class DecisionResult:
    changes: Changes
    tally: TallyResult | None


def _check_measures(s: Session, inp: DecisionInput) -> dict[str, MeasureType]:
    codes = {m.measure_code for m in inp.measures}
    types = {m.code: m for m in s.scalars(select(MeasureType).where(MeasureType.code.in_(codes)))}
    seen: set[tuple[str, str]] = set()
    for m in inp.measures:
        mt = types.get(m.measure_code)
        if mt is None:
            raise ValidationError(f"La medida «{m.measure_code}» no está en el catálogo.")
        # once per decision (its quantity says how many); a restoration measure may go to several entities
        key = (m.measure_code, (m.competent_entity or "").strip().casefold())
        if key in seen:
            raise ValidationError(
                f"La medida «{mt.name}» está dos veces en la decisión: déjela una sola vez "
                "e indique la cantidad que corresponde."
            )
        seen.add(key)
        if m.quantity < 1:
            raise ValidationError(f"{mt.name}: la cantidad debe ser al menos 1.")
        if m.temporality_months is not None and not 1 <= m.temporality_months <= MAX_TEMPORALITY_MONTHS:
            raise ValidationError(
                f"{mt.name}: la temporalidad debe estar entre 1 y {MAX_TEMPORALITY_MONTHS} meses."
            )
        if m.action in (MeasureAction.IMPLEMENTAR, MeasureAction.RATIFICAR, MeasureAction.AJUSTAR) \
                and not mt.restoration:  # a restoration measure is a recommendation to another entity
            if inp.risk_level is RiskLevel.ORDINARIO:
                raise RuleViolation(
                    f"Con riesgo ordinario no proceden medidas de protección: «{mt.name}» solo puede "
                    "suspenderse o finalizarse."
                )
            if m.temporality_months is None:
                raise ValidationError(f"{mt.name}: indique la temporalidad en meses.")
    return types


def _check_coherence(s: Session, hearing: Hearing, case: Case, inp: DecisionInput,
                     types: Mapping[str, MeasureType], decided_on: date) -> None:
    """Refuse (:class:`RuleViolation`) a decision that contradicts the record; see
    :func:`comite.rules.decision.check_decision`. The case must also still be one this
    committee hears (its population or the woman's choice may have changed since it
    was put on the agenda)."""
    sess = hearing.session
    check_case_fits_committee(s, case, sess.committee, sess.composition.short_name)
    assert inp.risk_level is not None
    facts = DecisionFacts(
        committee_kind=sess.committee.kind,
        committee_code=sess.committee.code,
        case_kind=case.kind,
        decided_on=decided_on,
        risk_level=inp.risk_level,
        bands=tuple(risk_bands(s)),
        matrix_pct=inp.matrix_pct if inp.matrix_pct is not None else hearing.proposal_pct,
        matrix_departure_reason=inp.matrix_departure_reason,
        gvp_level=hearing.proposal_level,
        level_change_reason=inp.level_change_reason,
        measures=tuple(
            MeasureLine(m.measure_code, types[m.measure_code].name, m.action, m.temporality_months,
                        bool(types[m.measure_code].restoration), m.competent_entity or "")
            for m in inp.measures),
        in_force=coherence.in_force_before(s, hearing),
        emergency_pending=coherence.emergency_pending(s, case, hearing),
        emergency_disposition=inp.emergency_disposition,
        concertation_on=inp.concertation_on,
        concertation_with=inp.concertation_with,
        legally_recognised=bool(case.legally_recognised),
        recognitions=coherence.recognitions(s, hearing),
        restoration_committee=coherence.restoration_committee(hearing),
    )
    check_decision(facts)


def _check_undecided(inp: DecisionInput) -> None:
    """A returned or postponed case carries none of the facts of a decision."""
    undecided_facts(matrix_departure_reason=inp.matrix_departure_reason,
                    level_change_reason=inp.level_change_reason,
                    emergency_disposition=inp.emergency_disposition,
                    concertation_on=inp.concertation_on, concertation_with=inp.concertation_with)


def _store_facts(decision: Decision, inp: DecisionInput) -> None:
    decision.matrix_departure_reason = inp.matrix_departure_reason.strip() or None
    decision.level_change_reason = inp.level_change_reason.strip() or None
    decision.emergency_disposition = inp.emergency_disposition
    decision.emergency_note = inp.emergency_note.strip() or None
    decision.concertation_on = inp.concertation_on
    decision.concertation_with = inp.concertation_with.strip() or None


def _audit_details(inp: DecisionInput) -> dict:
    """What the audit trail says in clear of these facts (their texts go reserved)."""
    out: dict = {}
    if inp.emergency_disposition is not None:
        out["emergencia"] = inp.emergency_disposition
    if inp.concertation_on is not None:
        out["concertacion"] = inp.concertation_on
    return out


def _audit_reserved(inp: DecisionInput) -> dict | None:
    reserved = {key: value.strip() for key, value in (
        ("concepto", inp.concept), ("motivo_apartamiento_matriz", inp.matrix_departure_reason),
        ("motivo_cambio_nivel", inp.level_change_reason), ("nota_emergencia", inp.emergency_note),
        ("concertacion_con", inp.concertation_with)) if value and value.strip()}
    return reserved or None


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
        hearing = editable_hearing(s, ctx, hearing_id, expected_version)
        require_recording(hearing)
        flag_modified(hearing, "restoration_measures")  # the hearing's version covers its decision
        sess: CommitteeSession = hearing.session
        case = s.get_one(Case, hearing.case_id)
        _refuse_if_received(s, hearing)
        if inp.outcome is DecisionOutcome.DECIDED or (inp.votes if inp.votes is not None else hearing.votes):
            require_moment(s, hearing)
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
                                          choice=choice, dissent=dissent or None))
        types = _check_measures(s, inp)
        result: TallyResult | None = None
        if inp.outcome is DecisionOutcome.DECIDED:
            if inp.risk_level is None:
                raise ValidationError("Indique el nivel de riesgo de la decisión.")
            _check_coherence(s, hearing, case, inp, types, inp.decided_on or sess.day)
            if any(types[m.measure_code].restoration for m in inp.measures):
                hearing.restoration_measures = True
            frame = case_frame(s, hearing)
            result = validate_adoption(vote_views(hearing), frame.seats, frame.attendance, frame.case,
                                       frame.moment, frame.settings)
        elif inp.measures:
            raise RuleViolation("Un caso devuelto o aplazado no lleva medidas.")
        else:
            _check_undecided(inp)
        decided_on = inp.decided_on or sess.day
        before = _decision_summary(hearing.decision) if hearing.decision is not None else None
        decision = hearing.decision or Decision(hearing_id=hearing.id)
        decision.outcome = inp.outcome
        decision.risk_level = inp.risk_level
        decision.matrix_pct = inp.matrix_pct if inp.matrix_pct is not None else hearing.proposal_pct
        decision.concept = inp.concept or None
        decision.adopted = result is not None and result.adopted
        decision.a_favor = result.a_favor if result else 0
        decision.en_contra = result.en_contra if result else 0
        decision.abstencion = result.abstencion if result else 0
        decision.decided_on = decided_on
        _store_facts(decision, inp)
        decision.measures = [
            MeasureDecision(
                position=i, measure_code=m.measure_code, quantity=m.quantity, action=m.action,
                temporality_months=m.temporality_months,
                revaluation_date=revaluation_date(decided_on, m.temporality_months) if m.temporality_months else None,
                notes=m.notes, competent_entity=(m.competent_entity or "").strip() or None,
            )
            for i, m in enumerate(inp.measures)
        ]
        hearing.decision = decision
        if decision.adopted and sess.committee.kind == CommitteeKind.GVP:
            _hand_off(s, hearing, case, decision)
        else:  # a GVP result that no longer stands is not handed to any CERREM
            s.execute(Handoff.__table__.delete().where(Handoff.gvp_hearing_id == hearing.id))
        s.flush()
        status_before = case.status
        case.status = case_status_from_decisions(s, case.id)
        audit.record(
            s, ctx, AuditAction.DECISION, AuditEntity.SESION, sess.id, case_id=case.id,
            details={"resultado": inp.outcome, "nivel": decision.risk_level, "adoptada": decision.adopted,
                     "antes": before, "estado_caso": [status_before, case.status],
                     "medidas": [[m.measure_code, m.quantity, m.action, m.temporality_months]
                                 for m in inp.measures],
                     "votos": [decision.a_favor, decision.en_contra, decision.abstencion],
                     **_audit_details(inp)},
            reserved=_audit_reserved(inp),
        )
        return DecisionResult(Changes(decisions=True, cases=True, session_id=sess.id), result)


def _case_status(kind: CommitteeKind, outcome: DecisionOutcome) -> CaseStatus:
    if outcome is DecisionOutcome.RETURNED:
        return CaseStatus.DEVUELTO_ANALISTA
    if outcome is DecisionOutcome.POSTPONED:
        return CaseStatus.APLAZADO
    return CaseStatus.VALORADO_GVP if kind == CommitteeKind.GVP else CaseStatus.RECOMENDADO


def case_status_from_decisions(s: Session, case_id: int) -> CaseStatus:
    """A case's status follows its latest decision in any session (see
    :func:`decision_chronology`); with no decision left, the case is back in study."""
    decisions = s.execute(decisions_in_order().where(Hearing.case_id == case_id)).all()
    if not decisions:
        return CaseStatus.EN_ESTUDIO
    latest = max(decisions, key=chronology)
    return _case_status(latest.kind, DecisionOutcome(latest.outcome))


def _hand_off(s: Session, hearing: Hearing, case: Case, decision: Decision) -> None:
    """The GVP's level and concept become the proposal for the right CERREM."""
    target = committee_by_code(s, target_committee(case_profile(s, case)))
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
        hearing = editable_hearing(s, ctx, hearing_id)
        if hearing.decision is None:
            return Changes()
        _refuse_if_received(s, hearing)
        s.execute(Handoff.__table__.delete().where(Handoff.gvp_hearing_id == hearing.id))
        hearing.decision = None
        s.flush()
        # the case goes back to what its remaining decisions (or none) make it
        case = s.get_one(Case, hearing.case_id)
        status_before = case.status
        case.status = case_status_from_decisions(s, case.id)
        audit.record(s, ctx, AuditAction.DECISION_RETIRADA, AuditEntity.SESION, hearing.session_id,
                     case_id=hearing.case_id, details={"estado_caso": [status_before, case.status]})
        return Changes(decisions=True, cases=True, session_id=hearing.session_id)

