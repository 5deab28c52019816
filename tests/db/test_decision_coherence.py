"""The rules that keep a decision coherent with the record, checked by the service in the
transaction that records it: each refusal is Spanish, says what to fix, and leaves the
database byte for byte as it was (audit trail included); the same decision with the
missing fact is recorded, and the fact is stored (reserved texts encrypted)."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from sqlalchemy import select, text

from comite.domain import (
    CaseKind,
    DecisionOutcome,
    EmergencyDisposition,
    MeasureAction,
    RiskLevel,
    Route,
    SessionStatus,
)
from comite.errors import RuleViolation, ValidationError
from comite.model import Decision, Hearing, MeasureDecision
from comite.rules.collective import CRITERIA
from comite.services import cases, decisions, deliberation, followup, sessions
from comite.services.decisions import DecisionInput, MeasureInput
from tests.db.helpers import (
    assert_spanish,
    new_case,
    new_session,
    present_all,
    put_on_agenda,
    snapshot,
    start,
    vote_all,
    voting_keys,
)

DAY = date(2026, 3, 10)
ALL_MET = {code: True for code, _ in CRITERIA}


def _held(ctx, code: str, day: date = DAY) -> tuple[int, list[str]]:
    sid = new_session(ctx, code, day)
    keys = present_all(ctx, sid, at=time(9, 0))
    start(ctx, sid)
    return sid, keys


def _on_agenda(ctx, code: str, case_id: int, day: date = DAY, at: time = time(10, 0)) -> int:
    sid, keys = _held(ctx, code, day)
    hid = put_on_agenda(ctx, sid, case_id, at)
    vote_all(ctx, hid, keys)
    return hid


def _decide(level=RiskLevel.EXTRAORDINARIO, *measures: MeasureInput, **kw) -> DecisionInput:
    return DecisionInput(DecisionOutcome.DECIDED, level, "Concepto del comité.", list(measures), **kw)


def vest(action=MeasureAction.IMPLEMENTAR, months: int | None = 6) -> MeasureInput:
    return MeasureInput("chaleco_blindado", 1, action, months)


def _refused(ctx, act, error=RuleViolation, *fragments: str) -> None:
    before = snapshot(ctx.db)
    with pytest.raises(error) as err:
        act()
    assert_spanish(err.value, *fragments)
    assert snapshot(ctx.db) == before


def _decision(ctx, hid: int) -> Decision:
    with ctx.reading() as s:
        decision = s.scalar(select(Decision).where(Decision.hearing_id == hid))
        s.expunge(decision)
        return decision


def test_a_level_outside_the_matrix_band_needs_its_reason(admin):
    hid = _on_agenda(admin, "CERREM_POBLACIONAL", new_case(admin, "MAT-1", population_code="victimas",
                                                           matrix_pct=62.5))
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(RiskLevel.EXTREMO, vest())),
             RuleViolation, "62,5 %", "corresponde al nivel extraordinario", "motivo")
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(
        RiskLevel.EXTRAORDINARIO, vest(), matrix_departure_reason="Sin razón")), RuleViolation, "no hay apartamiento")
    decisions.record_decision(admin, hid, _decide(RiskLevel.EXTREMO, vest(),
                                                    matrix_departure_reason="Atentado posterior al estudio."))
    decision = _decision(admin, hid)
    assert (decision.risk_level, decision.matrix_departure_reason) == ("extremo", "Atentado posterior al estudio.")
    with admin.db.engine.connect() as conn:  # reserved: stored encrypted
        raw = conn.execute(text("SELECT matrix_departure_reason FROM decision")).scalar()
    assert b"Atentado" not in bytes(raw)


def test_the_cerrem_validates_the_gvp_level_or_changes_it_with_its_reason(admin):
    case = new_case(admin, "GVPN-1", population_code="victimas", proposed_level=RiskLevel.EXTRAORDINARIO)
    hid = _on_agenda(admin, "CERREM_POBLACIONAL", case)
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(RiskLevel.EXTREMO, vest())),
             RuleViolation, "El GVP determinó un nivel extraordinario", "cambia el nivel")
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(
        RiskLevel.EXTRAORDINARIO, vest(), level_change_reason="Sin cambio")), RuleViolation, "lo valida")
    decisions.record_decision(admin, hid, _decide(RiskLevel.EXTREMO, vest(),
                                                    level_change_reason="Hechos nuevos conocidos en sesión."))
    assert _decision(admin, hid).level_change_reason == "Hechos nuevos conocidos en sesión."


def test_measures_in_force_decide_the_action(admin):
    case = new_case(admin, "VIG-1", population_code="victimas")
    first = _on_agenda(admin, "CERREM_POBLACIONAL", case)
    _refused(admin, lambda: decisions.record_decision(admin, first, _decide(
        RiskLevel.EXTRAORDINARIO, vest(MeasureAction.RATIFICAR, 12))), RuleViolation,
        "«Chaleco blindado» no está vigente", "no se puede ratificar", "se implementa")
    _refused(admin, lambda: decisions.record_decision(admin, first, _decide(
        RiskLevel.EXTRAORDINARIO, vest(MeasureAction.FINALIZAR, None))), RuleViolation, "no se puede finalizar")
    decisions.record_decision(admin, first, _decide(RiskLevel.EXTRAORDINARIO, vest()))
    later = _on_agenda(admin, "CERREM_POBLACIONAL", case, date(2026, 9, 8))
    _refused(admin, lambda: decisions.record_decision(admin, later, _decide(RiskLevel.EXTRAORDINARIO, vest())),
             RuleViolation, r"ya está vigente para el caso \(desde el 10/03/2026\)", "Ratificar")
    decisions.record_decision(admin, later, _decide(RiskLevel.EXTRAORDINARIO, vest(MeasureAction.RATIFICAR, 12)))
    # the earlier decision, recorded again, still sees no measure before it
    decisions.record_decision(admin, first, _decide(RiskLevel.EXTRAORDINARIO, vest(months=5)))
    # a GVP concept's measures are not in force: the CERREM implements them
    gvp_case = new_case(admin, "VIG-2", population_code="victimas")
    gvp = _on_agenda(admin, "GVP", gvp_case)
    decisions.record_decision(admin, gvp, _decide(RiskLevel.EXTRAORDINARIO, vest()))
    cerrem = _on_agenda(admin, "CERREM_POBLACIONAL", gvp_case, date(2026, 3, 17))
    _refused(admin, lambda: decisions.record_decision(admin, cerrem, _decide(
        RiskLevel.EXTRAORDINARIO, vest(MeasureAction.RATIFICAR, 12))), RuleViolation, "no está vigente")


def test_temporality_never_exceeds_a_year(admin):
    hid = _on_agenda(admin, "CERREM_POBLACIONAL", new_case(admin, "TEMP-1", population_code="victimas"))
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(RiskLevel.EXTRAORDINARIO, vest(months=13))),
             ValidationError, "entre 1 y 12 meses")
    decisions.record_decision(admin, hid, _decide(RiskLevel.EXTRAORDINARIO, vest(months=12)))


def test_a_case_by_the_emergency_route_says_what_becomes_of_its_measures(admin):
    case = new_case(admin, "EMER-1", population_code="periodistas", route=Route.EMERGENCIA)
    followup.record_emergency(admin, case, "CERREM_POBLACIONAL", date(2026, 3, 1), "Escolta temporal")
    hid = _on_agenda(admin, "CERREM_POBLACIONAL", case)
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(RiskLevel.EXTRAORDINARIO, vest())),
             RuleViolation, "ruta de emergencia", "se mantienen, se reemplazan", "se levantan")
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(
        RiskLevel.EXTRAORDINARIO, emergency_disposition=EmergencyDisposition.REEMPLAZAR)),
        RuleViolation, "registre las medidas que las reemplazan")
    decisions.record_decision(admin, hid, _decide(RiskLevel.EXTRAORDINARIO, vest(),
                                                    emergency_disposition=EmergencyDisposition.REEMPLAZAR,
                                                    emergency_note="La escolta queda en el esquema."))
    assert _decision(admin, hid).emergency_disposition == "reemplazar"
    # said once: the revaluation does not say it again
    later = _on_agenda(admin, "CERREM_POBLACIONAL", case, date(2026, 9, 8))
    _refused(admin, lambda: decisions.record_decision(admin, later, _decide(
        RiskLevel.EXTRAORDINARIO, vest(MeasureAction.RATIFICAR, 12),
        emergency_disposition=EmergencyDisposition.MANTENER)),
        RuleViolation, "no tiene medidas de emergencia pendientes")
    decisions.record_decision(admin, later, _decide(RiskLevel.EXTRAORDINARIO, vest(MeasureAction.RATIFICAR, 12)))


def test_a_collective_is_not_evaluated_while_its_recognition_is_pending(admin):
    collective = new_case(admin, "COLR-1", kind=CaseKind.COLECTIVO, population_code="ddhh_sociales",
                          legally_recognised=False)
    gvp_sid, gvp_keys = _held(admin, "GVP")
    gvp = put_on_agenda(admin, gvp_sid, collective, time(10, 0))
    vote_all(admin, gvp, gvp_keys)
    _refused(admin, lambda: decisions.record_decision(admin, gvp, _decide(RiskLevel.EXTRAORDINARIO)),
             RuleViolation, "El GVP no valora el riesgo de un colectivo", "reconocimiento social está pendiente")
    _refused(admin, lambda: deliberation.record_recognition(admin, gvp, ALL_MET, granted=True),
             RuleViolation, "lo verifica el CERREM en sesión", "no el GVP")
    # the CERREM colectivo verifies it in an earlier session; then the GVP values the risk
    verify_sid, _ = _held(admin, "CERREM_COLECTIVO", date(2026, 2, 10))
    verification = put_on_agenda(admin, verify_sid, collective, time(10, 0))
    deliberation.record_recognition(admin, verification, ALL_MET, granted=True)
    decisions.record_decision(admin, verification, DecisionInput(DecisionOutcome.POSTPONED,
                                                                   concept="Reconocido; pasa a estudio de riesgo."))
    decisions.record_decision(admin, gvp, _decide(RiskLevel.EXTRAORDINARIO))
    # the CERREM's measures for the collective: agreed with it, when and with whom
    fortalecimiento = MeasureInput("fortalecimiento_org", 1, MeasureAction.IMPLEMENTAR, 12)
    hid = _on_agenda(admin, "CERREM_COLECTIVO", collective, date(2026, 3, 17))
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(RiskLevel.EXTRAORDINARIO, fortalecimiento)),
             RuleViolation, "se conciertan con el colectivo", "cuándo", "con quiénes")
    decisions.record_decision(admin, hid, _decide(RiskLevel.EXTRAORDINARIO, fortalecimiento,
                                                    concertation_on=date(2026, 3, 12),
                                                    concertation_with="Vocera y junta directiva"))
    decision = _decision(admin, hid)
    assert (decision.concertation_on, decision.concertation_with) == (date(2026, 3, 12), "Vocera y junta directiva")
    with admin.reading() as s:  # verified in the earlier CERREM session, not in this hearing
        assert s.get(Hearing, hid).recognition_answers is None
        assert json.loads(s.get(Hearing, verification).recognition_answers) == ALL_MET


def test_concertation_belongs_to_collectives_with_measures(admin):
    hid = _on_agenda(admin, "CERREM_POBLACIONAL", new_case(admin, "CONC-1", population_code="victimas"))
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(
        RiskLevel.EXTRAORDINARIO, vest(), concertation_on=DAY, concertation_with="Alguien")),
        RuleViolation, "casos colectivos")


def test_up_pcc_restoration_measures_are_recommended_to_the_competent_entity(admin):
    restoration = MeasureInput("apoyo_restablecimiento", 1, MeasureAction.IMPLEMENTAR)
    up = new_case(admin, "UPR-1", population_code="politicos", up_pcc_member=True)
    sid, keys = _held(admin, "CERREM_UP_PCC")
    hid = put_on_agenda(admin, sid, up, time(10, 0))
    deliberation.update_hearing(admin, hid, restoration_measures=True)
    vote_all(admin, hid, keys)
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(RiskLevel.EXTRAORDINARIO, restoration)),
             RuleViolation, "recomendación a la entidad competente", "indique a qué ministerio")
    decisions.record_decision(admin, hid, _decide(RiskLevel.EXTRAORDINARIO, MeasureInput(
        "apoyo_restablecimiento", 1, MeasureAction.IMPLEMENTAR, competent_entity="Ministerio de Salud")))
    with admin.reading() as s:
        assert s.scalar(select(MeasureDecision.competent_entity)) == "Ministerio de Salud"
    other = _on_agenda(admin, "CERREM_POBLACIONAL", new_case(admin, "UPR-2", population_code="victimas"))
    _refused(admin, lambda: decisions.record_decision(admin, other, _decide(RiskLevel.EXTRAORDINARIO, MeasureInput(
        "apoyo_restablecimiento", 1, MeasureAction.IMPLEMENTAR, competent_entity="Ministerio de Salud"))),
        RuleViolation, "solo la recomienda el CERREM UP-PCC")


def test_a_womans_choice_is_checked_again_when_her_case_is_decided(admin):
    woman = new_case(admin, "MUJC-1", is_woman=True, women_committee_choice=True, population_code="ddhh_sociales")
    hid = _on_agenda(admin, "CERREM_MUJERES", woman)
    cases.update_case(admin, woman, women_committee_choice=False)  # she chose otherwise afterwards
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(RiskLevel.EXTRAORDINARIO)),
             RuleViolation, "eligió que su caso lo estudie el CERREM de su población")


def test_a_returned_case_records_no_decision_facts(admin):
    hid = _on_agenda(admin, "CERREM_POBLACIONAL", new_case(admin, "DEV-1", population_code="victimas"))
    _refused(admin, lambda: decisions.record_decision(admin, hid, DecisionInput(
        DecisionOutcome.RETURNED, concept="Falta soporte", level_change_reason="x")),
        RuleViolation, "borre el motivo del cambio de nivel")


def test_several_problems_are_named_in_one_refusal(admin):
    case = new_case(admin, "VAR-1", population_code="victimas", matrix_pct=62.5,
                    proposed_level=RiskLevel.EXTRAORDINARIO, route=Route.EMERGENCIA)
    hid = _on_agenda(admin, "CERREM_POBLACIONAL", case)
    _refused(admin, lambda: decisions.record_decision(admin, hid, _decide(
        RiskLevel.EXTREMO, vest(MeasureAction.RATIFICAR, 12))),
        RuleViolation, "corrija lo siguiente", r"1\)", r"4\)", "matriz", "cambia el nivel", "ratificar",
        "ruta de emergencia")


def test_the_session_modality_follows_where_it_meets_under_the_2021_composition(admin):
    sid = new_session(admin, "CERREM_POBLACIONAL", DAY, virtual_link="https://reunion.example/x")
    with admin.reading() as s:
        from comite.model import CommitteeSession

        assert s.get(CommitteeSession, sid).modality == "virtual"
    sessions.update_session(admin, sid, place="Sede UNP")
    with admin.reading() as s:
        assert s.get(CommitteeSession, sid).modality == "mixta"
    assert voting_keys(admin, sid)[0] == "mininterior"
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
