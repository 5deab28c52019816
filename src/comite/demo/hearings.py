"""One case in one demo session: deliberation, social recognition, observations,
the votes and the decision with its measures, checked with the same rules the
services apply; and what a decision carries to later sessions (hand-offs,
emergency measures).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from datetime import date, time, timedelta
from typing import Any

from comite.demo.data import OBSERVATIONS
from comite.demo.state import (
    CasePlan,
    CommitteePlan,
    Demo,
    Pending,
    SessionPlan,
    clock_time,
    minute_of_day,
    pct_text,
    utc,
)
from comite.domain import (
    AttendanceStatus,
    CaseKind,
    CaseStatus,
    CommitteeKind,
    DecisionOutcome,
    EmergencyDisposition,
    HearingSource,
    MeasureAction,
    Rights,
    RiskLevel,
    Route,
    SeatCondition,
    SessionStatus,
    VoteChoice,
)
from comite.errors import RuleViolation
from comite.model import (
    Decision,
    Handoff,
    Hearing,
    MeasureDecision,
    Observation,
    Vote,
)
from comite.rules.calendar import revaluation_date
from comite.rules.collective import CRITERIA, check_social_recognition
from comite.rules.decision import (
    KEEPS_IN_FORCE,
    DecisionFacts,
    InForce,
    MeasureLine,
    RecognitionRecord,
    changes_gvp_level,
    check_decision,
    concertation_needed,
    departs_from_matrix,
)
from comite.rules.quorum import (
    AttendanceView,
    VoteView,
    is_present_at,
    quorum_for_case,
    validate_adoption,
    validate_votes,
)
from comite.rules.rights import CaseView, SeatView, seat_applies
from comite.rules.routing import require_women_choice


def hold_hearing(g: Demo, plan: SessionPlan, c: CasePlan, hearing_id: int, item_id: int, moment: time | None,
                 pending: Pending | None, restoration: bool, attendance: list[dict[str, Any]],
                 by_key: dict[str, dict[str, Any]], competent: frozenset[str], pertinent: frozenset[str],
                 *, record: bool, partial_votes: bool, previous_day: date | None) -> None:
    rng = g.rng
    committee = plan.committee
    gvp = committee.code == "GVP"
    if not gvp and pending is None:
        verify_recognition(g, plan, c, hearing_id, item_id, moment)
        return
    if not gvp:
        require_women_choice(c.profile(), committee.code)  # raises on a routing bug
        if committee.code != c.target:
            raise RuleViolation(f"demo: el caso {c.radicado} no corresponde al {committee.short_name}")
    if gvp:
        proposal_level, proposal_pct, proposal_concept = c.level, c.pct, None
        source = HearingSource.REGISTRO
    else:
        assert pending is not None
        proposal_level, proposal_pct, proposal_concept = pending.level, pending.pct, pending.concept
        source = HearingSource.GVP
    deliberation = None
    if moment is not None:
        if gvp:
            deliberation = (f"El analista {c.analyst} presenta el estudio de nivel de riesgo; la matriz arroja "
                            f"{pct_text(c.pct)}. Se revisan los hechos y el perfil.")
        else:
            assert proposal_level is not None  # a CERREM hears a GVP result, which has a level
            deliberation = (f"Se analiza el concepto del GVP (riesgo {RiskLevel(proposal_level).label.lower()}, "
                            f"{pct_text(proposal_pct)}) y el contexto de {c.municipality}.")
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
        g.recognitions.setdefault(c.id, []).append(RecognitionRecord(plan.day, answers, recognition_granted))
    case_view = CaseView(population=c.population, displaced=c.displaced, restoration_measures=restoration,
                         competent_seats=competent, pertinent_seats=pertinent)
    views = {a["seat_key"]: AttendanceView(a["seat_key"], AttendanceStatus(a["status"]), a["arrival"],
                                           a["departure"]) for a in attendance}
    g.writer.add(Hearing, {
        "id": hearing_id, "session_id": plan.id, "agenda_item_id": item_id, "case_id": c.id,
        "source": source, "proposal_level": proposal_level, "proposal_pct": proposal_pct,
        "proposal_concept": proposal_concept, "discussed_at": moment, "restoration_measures": restoration,
        "deliberation": deliberation, "recognition_answers": recognition_answers,
        "recognition_granted": recognition_granted, "row_version": 1,
    })
    g.report.hearings += 1
    if pending is not None:
        emit_handoff(g, pending, received_hearing_id=hearing_id)
    if c.route == Route.EMERGENCIA and not gvp and c.id not in g.emergency_done:
        low = (previous_day or plan.day - timedelta(days=14)) + timedelta(days=1)
        adopted = min(low + timedelta(days=rng.randint(0, max(0, (plan.day - low).days))), g.end)
        add_emergency(g, c, committee, adopted, reported=plan.id)
    if moment is not None and (record or partial_votes):
        add_observation(g, c, hearing_id, attendance, case_view, moment)
    if partial_votes and moment is not None:
        quorum = quorum_for_case(committee.voting, views, case_view, moment, committee.settings)
        if quorum.has_quorum:
            voters = list(quorum.present_voting)[: max(1, len(quorum.present_voting) // 2)]
            votes = [VoteView(key, VoteChoice.A_FAVOR) for key in voters]
            validate_votes(votes, committee.voting, views, case_view, moment, committee.settings)
            emit_votes(g, hearing_id, votes, by_key)
        return
    if not record or moment is None:
        return
    decide(g, plan, c, hearing_id, moment, views, case_view, by_key, proposal_level, proposal_pct,
                recognised, collective_check, recognition_answers, recognition_granted, restoration)


def decide(g: Demo, plan: SessionPlan, c: CasePlan, hearing_id: int, moment: time,
           views: dict[str, AttendanceView], case_view: CaseView, by_key: dict[str, dict[str, Any]],
           proposal_level: str | None, proposal_pct: float | None, recognised: bool,
           collective_check: bool, answers_json: str | None, granted: bool | None,
           restoration: bool) -> None:
    rng = g.rng
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
    elif gvp and c.kind == CaseKind.COLECTIVO and not c.legal and not recognised_before(g, c, plan.day):
        outcome = DecisionOutcome.RETURNED
        concept = ("Se devuelve: el CERREM colectivo no ha verificado en sesión el reconocimiento social del "
                   "colectivo, que precede a la valoración del riesgo (Resolución 1085 de 2015, art. 3).")
    quorum = quorum_for_case(committee.voting, views, case_view, moment, committee.settings)
    if outcome is DecisionOutcome.DECIDED and not quorum.has_quorum:
        outcome = DecisionOutcome.POSTPONED
        concept = "Se aplaza por falta de quórum en el momento de tratar el caso."
    level: RiskLevel | None = None
    measures: list[DemoMeasure] = []
    facts: dict[str, Any] = {}
    tally = None
    votes: list[VoteView] = []
    if outcome is DecisionOutcome.DECIDED:
        assert proposal_level is not None  # a case without a proposal was returned above
        level = RiskLevel(proposal_level)
        if rng.random() < 0.08:
            order = list(RiskLevel)
            index = order.index(level) + (1 if rng.random() < 0.5 else -1)
            level = order[max(0, min(len(order) - 1, index))]
        if collective_check:
            check_social_recognition(json.loads(answers_json) if answers_json else None, False, granted)
        if gvp:
            concept = gvp_concept(level, c)
        else:
            measures = measures_for(g, c, level, committee.code, restoration)
            facts = coherent_facts(g, plan, c, level, proposal_level, proposal_pct, measures)
            validated = level.value == proposal_level
            concept = (f"Se {'valida' if validated else 'ajusta'} el nivel de riesgo "
                       f"{level.label.lower()} y se recomiendan las medidas descritas."
                       if measures else f"Se {'valida' if validated else 'ajusta'} el nivel de riesgo "
                       f"{level.label.lower()}: no proceden nuevas medidas de protección.")
        if gvp and departs_from_matrix(level, proposal_pct, g.bands):
            facts = {"matrix_departure_reason": departure_reason(c)}
        check_coherent(g, plan, c, level, proposal_level, proposal_pct, measures, facts, restoration)
        votes = cast_votes(g, quorum.present_voting, level)
        try:
            tally = validate_adoption(votes, committee.voting, views, case_view, moment, committee.settings)
        except RuleViolation:  # unusual configured majorities: everyone votes in favour
            votes = [VoteView(key, VoteChoice.A_FAVOR) for key in quorum.present_voting]
            tally = validate_adoption(votes, committee.voting, views, case_view, moment, committee.settings)
        emit_votes(g, hearing_id, votes, by_key)
    decision_id = g.next_id("decision")
    g.writer.add(Decision, {
        "id": decision_id, "hearing_id": hearing_id, "outcome": outcome,
        "risk_level": level, "matrix_pct": proposal_pct, "concept": concept or None,
        "adopted": tally is not None and tally.adopted,
        "a_favor": tally.a_favor if tally else 0, "en_contra": tally.en_contra if tally else 0,
        "abstencion": tally.abstencion if tally else 0, "decided_on": plan.day, "row_version": 1,
        "matrix_departure_reason": facts.get("matrix_departure_reason"),
        "level_change_reason": facts.get("level_change_reason"),
        "emergency_disposition": facts.get("emergency_disposition"), "emergency_note": facts.get("emergency_note"),
        "concertation_on": facts.get("concertation_on"), "concertation_with": facts.get("concertation_with"),
    })
    g.report.decisions += 1
    for position, (code, quantity, action, months, notes, entity) in enumerate(measures):
        g.writer.add(MeasureDecision, {
            "id": g.next_id("measure_decision"), "decision_id": decision_id, "position": position,
            "measure_code": code, "quantity": quantity, "action": action, "temporality_months": months,
            "revaluation_date": revaluation_date(plan.day, months) if months else None, "notes": notes,
            "competent_entity": entity,
        })
        g.report.measures += 1
    if tally is not None and tally.adopted and not gvp:
        remember_adopted(g, plan, c, measures, facts)
    if outcome is DecisionOutcome.RETURNED:
        c.status = CaseStatus.DEVUELTO_ANALISTA
    elif outcome is DecisionOutcome.POSTPONED:
        c.status = CaseStatus.APLAZADO
    else:
        c.status = CaseStatus.VALORADO_GVP if gvp else CaseStatus.RECOMENDADO
    if gvp and tally is not None and tally.adopted:
        assert level is not None  # adopted: decided, with a level
        ready = g.business_after(plan.day, 1)  # notified the next business day
        g.pending[c.target].append(Pending(ready, c, hearing_id, level.value, proposal_pct, concept,
                                               utc(plan.day, clock_time(minute_of_day(moment) + 30))))


def cast_votes(g: Demo, present: tuple[str, ...], level: RiskLevel) -> list[VoteView]:
    rng = g.rng
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


def emit_votes(g: Demo, hearing_id: int, votes: list[VoteView], by_key: dict[str, dict[str, Any]]) -> None:
    for vote in votes:
        g.writer.add(Vote, {
            "id": g.next_id("vote"), "hearing_id": hearing_id, "attendance_id": by_key[vote.seat_key]["id"],
            "seat_key": vote.seat_key, "choice": vote.choice, "dissent": vote.dissent,
        })
        g.report.votes += 1


DemoMeasure = tuple[str, int, MeasureAction, int | None, str | None, str | None]
"""code, quantity, action, months, notes, competent entity (restoration measures only)."""

#: Who a CERREM UP-PCC restoration measure is recommended to (Decreto 1066 de 2015, art. 2.4.1.3.8).
RESTORATION_ENTITIES = {
    "atencion_psicosocial": "Ministerio de Salud y Protección Social",
    "apoyo_restablecimiento": "Departamento Administrativo para la Prosperidad Social",
}


def measures_for(g: Demo, c: CasePlan, level: RiskLevel, committee: str, restoration: bool) -> list[DemoMeasure]:
    """The measures a CERREM recommends: *implementar* for a measure the case does not have,
    *ratificar* or *ajustar* for one in force (what earlier adopted decisions left standing),
    *finalizar* only for one in force; restoration measures go to the competent entity."""
    rng = g.rng
    available = g.measures
    in_force = g.in_force.get(c.id, {})
    out: list[DemoMeasure] = []

    def add(code: str, quantity: int = 1, months: int | None = None, action: MeasureAction | None = None,
            notes: str | None = None) -> None:
        if code not in available or any(m[0] == code for m in out):
            return
        entity = None
        if available[code]:  # restoration: a recommendation to the competent entity
            action, entity = MeasureAction.IMPLEMENTAR, RESTORATION_ENTITIES.get(code, "Ministerio del Interior")
        elif action is None:
            action = (rng.choices((MeasureAction.RATIFICAR, MeasureAction.AJUSTAR), (70, 30))[0]
                      if code in in_force else MeasureAction.IMPLEMENTAR)
        if action in (MeasureAction.SUSPENDER, MeasureAction.FINALIZAR):
            months = None
        elif months is None:
            months = rng.choice((6, 6, 12, 12, 12))
        out.append((code, quantity, action, months, notes, entity))

    if level is RiskLevel.ORDINARIO:
        for code in sorted(in_force):  # no protection at ordinary risk: what is in force ends
            add(code, action=MeasureAction.FINALIZAR)
        return out
    if c.kind == CaseKind.COLECTIVO:
        add("fortalecimiento_org", months=12)
        if rng.random() < 0.6:
            add("comunicacion_colectiva", quantity=rng.randint(1, 3), months=12)
        if rng.random() < 0.3:
            add("adecuacion_sede", months=12)
        if level is RiskLevel.EXTREMO:
            add("hombre_proteccion", quantity=2)
        return out
    add("medio_comunicacion")
    if rng.random() < 0.7 or "chaleco_blindado" in in_force:
        add("chaleco_blindado")
    if level is RiskLevel.EXTREMO:
        add("hombre_proteccion", quantity=rng.choice((1, 2, 2, 3)))
        if rng.random() < 0.35:
            add("vehiculo_blindado", notes="Vehículo blindado nivel III por el contexto de la zona.")
        else:
            add("vehiculo_convencional",
                notes="Tipo 4x4 por las condiciones de las vías." if rng.random() < 0.5 else None)
    else:
        for code in ("hombre_proteccion", "vehiculo_blindado", "vehiculo_convencional"):
            if code in in_force:  # a hard scheme is no longer needed below the extreme level
                add(code, action=MeasureAction.FINALIZAR)
        if rng.random() < 0.3:
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


# --- the record a decision must agree with (rules.decision, as services.coherence reads it) ----

def departure_reason(c: CasePlan) -> str:
    return (f"La matriz no pondera los hechos posteriores al estudio en {c.municipality} que el comité conoció "
            "en la sesión.")


def coherent_facts(g: Demo, plan: SessionPlan, c: CasePlan, level: RiskLevel, proposal_level: str | None,
                   proposal_pct: float | None, measures: list[DemoMeasure]) -> dict[str, Any]:
    """What a CERREM's decision states besides its level and measures, so that it agrees with
    the record: why it departs from the matrix or changes the GVP's level, what becomes of
    the Director's emergency measures, when and with whom a collective's measures were agreed."""
    rng = g.rng
    facts: dict[str, Any] = {}
    if departs_from_matrix(level, proposal_pct, g.bands):
        facts["matrix_departure_reason"] = departure_reason(c)
    gvp_level = RiskLevel(proposal_level) if proposal_level else None
    if changes_gvp_level(CommitteeKind(plan.committee.kind), level, gvp_level):
        facts["level_change_reason"] = (
            f"El comité conoció en la sesión hechos nuevos del contexto de {c.municipality} que cambian la "
            "valoración del GVP.")
    kept = [m for m in measures if m[2] in KEEPS_IN_FORCE and not m[5]]
    if emergency_pending(g, c):
        if level is RiskLevel.ORDINARIO or not kept:
            facts["emergency_disposition"] = EmergencyDisposition.LEVANTAR
        else:
            facts["emergency_disposition"] = (EmergencyDisposition.REEMPLAZAR if rng.random() < 0.7
                                              else EmergencyDisposition.MANTENER)
        if rng.random() < 0.5:
            facts["emergency_note"] = "La Subdirección de Protección verificó su implementación."
    lines = [MeasureLine(code, code, action, months, bool(entity), entity or "")
             for code, _q, action, months, _n, entity in measures]
    if c.kind == CaseKind.COLECTIVO and concertation_needed(lines):
        facts["concertation_on"] = plan.day - timedelta(days=rng.randint(3, 20))
        facts["concertation_with"] = ("Representantes del colectivo, la Dirección de Derechos Humanos del "
                                      "Ministerio del Interior y la Subdirección de Protección de la UNP.")
    return facts


def emergency_pending(g: Demo, c: CasePlan) -> bool:
    return (c.route == Route.EMERGENCIA or c.id in g.emergency_done) and c.id not in g.emergency_addressed


def check_coherent(g: Demo, plan: SessionPlan, c: CasePlan, level: RiskLevel, proposal_level: str | None,
                   proposal_pct: float | None, measures: list[DemoMeasure], facts: dict[str, Any],
                   restoration: bool) -> None:
    """The same rules :func:`comite.services.decisions.record_decision` applies: a demo
    decision they would refuse is a bug of the generator, and stops it."""
    committee = plan.committee
    kind = CommitteeKind(committee.kind)
    restores = g.restoration_committees.get(committee.code)
    if restores is None:  # the composition convenes the entities for restoration measures (once per committee)
        restores = g.restoration_committees[committee.code] = any(
            seat.condition == SeatCondition.RESTORATION_MEASURES for seat in committee.seats)
    check_decision(DecisionFacts(
        committee_kind=kind, committee_code=committee.code, case_kind=c.kind, decided_on=plan.day,
        risk_level=level, bands=g.bands_tuple, matrix_pct=proposal_pct,
        matrix_departure_reason=facts.get("matrix_departure_reason") or "",
        gvp_level=RiskLevel(proposal_level) if proposal_level else None,
        level_change_reason=facts.get("level_change_reason") or "",
        measures=tuple(MeasureLine(code, code, action, months, bool(g.measures.get(code)), entity or "")
                       for code, _q, action, months, _n, entity in measures),
        in_force=g.in_force.get(c.id, {}) if kind is not CommitteeKind.GVP else {},
        emergency_pending=emergency_pending(g, c), emergency_disposition=facts.get("emergency_disposition"),
        concertation_on=facts.get("concertation_on"), concertation_with=facts.get("concertation_with") or "",
        legally_recognised=bool(c.legal) if c.kind == CaseKind.COLECTIVO else True,
        recognitions=tuple(g.recognitions.get(c.id, ())),
        restoration_committee=restores,
    ))


def remember_adopted(g: Demo, plan: SessionPlan, c: CasePlan, measures: list[DemoMeasure],
                     facts: dict[str, Any]) -> None:
    """An adopted CERREM decision: the measures it leaves in force, the emergency measures it
    addressed, the entity its restoration measures were recommended to."""
    in_force = g.in_force.setdefault(c.id, {})
    for code, _q, action, months, _n, entity in measures:
        if entity:
            g.restoration_entity[c.id] = entity
            continue
        if action in KEEPS_IN_FORCE:
            since = in_force[code].since if code in in_force else plan.day
            in_force[code] = InForce(code, since, revaluation_date(plan.day, months) if months else None)
        else:
            in_force.pop(code, None)
    if facts.get("emergency_disposition") is not None:
        g.emergency_addressed.add(c.id)
    schedule_revaluation(g, plan, c, in_force)


def schedule_revaluation(g: Demo, plan: SessionPlan, c: CasePlan, in_force: dict[str, InForce]) -> None:
    """Part of the cases whose measures reach their revaluation date within the demo year
    come back: a later GVP session values them again, and their CERREM ratifies, adjusts or
    finalises the measures in force (the rules allow those actions only on such measures)."""
    due = [m.revaluation_date for m in in_force.values() if m.revaluation_date is not None]
    if not due or g.rng.random() >= 0.3:
        return
    if g.gvp_held is None:  # the GVP sessions held, in order (computed once)
        g.gvp_held = [p for p in g.by_committee["GVP"]
                      if p.status == SessionStatus.CERRADA and p.day < g.end - timedelta(days=10)]
        g.gvp_days = [p.day for p in g.gvp_held]
    held = g.gvp_held
    k = bisect_left(g.gvp_days, max(min(due) - timedelta(days=20), plan.day + timedelta(days=30)))
    if k < len(held):
        held[k].cases.append(c)
        c.gvp = held[k]


def recognised_before(g: Demo, c: CasePlan, day: date) -> bool:
    """A CERREM session verified the collective's social recognition before ``day``."""
    earlier = [r for r in g.recognitions.get(c.id, ()) if r.day < day]
    answers = earlier[-1].answers if earlier else None
    if not answers:
        return False
    return earlier[-1].granted is True or (earlier[-1].granted is None and all(answers.values()))


def verify_recognition(g: Demo, plan: SessionPlan, c: CasePlan, hearing_id: int, item_id: int,
                       moment: time | None) -> None:
    """A CERREM colectivo verifies, in session, the social recognition of a collective without
    legal recognition before the GVP values its risk (Resolución 1085 de 2015, art. 3)."""
    rng = g.rng
    answers = {code: True for code, _ in CRITERIA}
    granted: bool | None = None
    if rng.random() < 0.1:
        answers[rng.choice(CRITERIA)[0]] = False
        granted = rng.random() < 0.6
    g.writer.add(Hearing, {
        "id": hearing_id, "session_id": plan.id, "agenda_item_id": item_id, "case_id": c.id,
        "source": HearingSource.REGISTRO, "proposal_level": None, "proposal_pct": None, "proposal_concept": None,
        "discussed_at": moment, "restoration_measures": False,
        "deliberation": ("Verificación del reconocimiento social del colectivo, previa a la valoración del riesgo "
                         "(Resolución 1085 de 2015, art. 3)."),
        "recognition_answers": json.dumps(answers, sort_keys=True), "recognition_granted": granted,
        "row_version": 1,
    })
    g.report.hearings += 1
    g.recognitions.setdefault(c.id, []).append(RecognitionRecord(plan.day, answers, granted))


def add_observation(g: Demo, c: CasePlan, hearing_id: int, attendance: list[dict[str, Any]],
                    case_view: CaseView, moment: time) -> None:
    rng = g.rng
    if rng.random() > 0.35:
        return
    speakers = []
    for a in attendance:
        if a["rights"] != Rights.SOLO_VOZ:
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
    template = OBSERVATIONS["delegado_pob" if key.startswith("delegado_pob") else key] \
        if (key.startswith("delegado_pob") or key in OBSERVATIONS) else OBSERVATIONS[""]
    g.writer.add(Observation, {
        "id": g.next_id("observation"), "hearing_id": hearing_id, "attendance_id": a["id"],
        "entity": a["entity"],
        "text": template.format(municipio=c.municipality, departamento=c.department),
    })


def emit_handoff(g: Demo, p: Pending, received_hearing_id: int | None) -> None:
    g.writer.add(Handoff, {
        "id": g.next_id("handoff"), "case_id": p.case.id, "gvp_hearing_id": p.gvp_hearing_id,
        "target_committee_id": g.committees[p.case.target].id, "level": p.level, "matrix_pct": p.pct,
        "concept": p.concept, "created_at": p.created, "received_hearing_id": received_hearing_id,
        "note": None,
    })


def add_emergency(g: Demo, c: CasePlan, committee: CommitteePlan, adopted: date, reported: int | None) -> None:
    g.emergency_done.add(c.id)
    rng = g.rng
    what = rng.choice((
        "un (1) medio de comunicación y un (1) chaleco blindado",
        "un (1) apoyo económico de reubicación temporal",
        "dos (2) hombres de protección y un (1) vehículo convencional",
        "un (1) botón de apoyo y un (1) medio de comunicación",
    ))
    g.emergencies.append({
        "id": g.next_id("emergency_measure"), "case_id": c.id, "committee_id": committee.id,
        "adopted_on": adopted,
        "description": f"El Director adoptó como medida de emergencia {what} ante la inminencia del riesgo.",
        "reported_session_id": reported,
    })


def gvp_concept(level: RiskLevel, c: CasePlan) -> str:
    if level is RiskLevel.ORDINARIO:
        return "Riesgo ordinario: no proceden medidas de protección."
    if c.kind == CaseKind.COLECTIVO:
        return (f"Riesgo {level.label.lower()}. Se conceptúa la pertinencia de medidas colectivas "
                "concertadas con la comunidad.")
    if level is RiskLevel.EXTREMO:
        return (f"Riesgo {level.label.lower()}. Se conceptúa la pertinencia de esquema de protección con "
                "hombres de protección y vehículo, además de medio de comunicación.")
    return (f"Riesgo {level.label.lower()}. Se conceptúa la pertinencia de medio de comunicación y "
            "chaleco blindado.")
