"""The rules that keep a decision coherent with the record (comite.rules.decision),
table-driven against DOMAIN.md, "Documents a lawyer signs"."""

from __future__ import annotations

from datetime import date

import pytest

from comite.domain import CaseKind, CommitteeKind, EmergencyDisposition, MeasureAction, RiskLevel
from comite.errors import RuleViolation
from comite.rules.collective import CRITERIA
from comite.rules.decision import (
    REVALUATION_MONTHS,
    Applies,
    DecisionContext,
    DecisionFacts,
    InForce,
    MeasureLine,
    PastAction,
    RecognitionRecord,
    check_concertation,
    check_decision,
    check_emergency,
    check_gvp_level,
    check_matrix_band,
    check_measure_actions,
    check_recognition_before_evaluation,
    check_restoration,
    check_temporality,
    measures_in_force,
    undecided_facts,
    what_applies,
)

ORD, EXT, EXM = RiskLevel.ORDINARIO, RiskLevel.EXTRAORDINARIO, RiskLevel.EXTREMO
BANDS = ((ORD, 0.0, 49.99), (EXT, 50.0, 79.99), (EXM, 80.0, 100.0))  # risk_levels.toml
IMP, RAT, AJU, SUS, FIN = (MeasureAction.IMPLEMENTAR, MeasureAction.RATIFICAR, MeasureAction.AJUSTAR,
                           MeasureAction.SUSPENDER, MeasureAction.FINALIZAR)
D = date
DAY = D(2026, 3, 10)
OK = None


def _outcome(check, *args):
    try:
        check(*args)
    except RuleViolation as exc:
        return str(exc)
    return OK


def line(code="chaleco", action=IMP, months=6, restoration=False, entity="", name=None):
    return MeasureLine(code, name or code.capitalize(), action, months, restoration, entity)


# --- the level and the matrix ------------------------------------------------------------------

@pytest.mark.parametrize(
    "level, pct, reason, refused_with",
    [
        (EXT, 62.5, "", OK),  # inside its band
        (EXT, 50.0, "", OK),  # band bounds included
        (EXM, 80.0, "", OK),
        (ORD, 49.99, "", OK),
        (EXM, 62.5, "", "corresponde al nivel extraordinario"),  # outside: the reason is missing
        (EXM, 62.5, "   ", "registre el motivo"),
        (EXM, 62.5, "Amenazas recientes no valoradas por la matriz.", OK),
        (ORD, 79.0, "", "se aparta de la matriz"),
        (EXT, 62.5, "Un motivo que nada explica", "no hay apartamiento"),  # no departure to explain
        (EXT, None, "", OK),  # no matrix percentage recorded
        (EXT, None, "Motivo", "no tiene ponderación"),
    ],
)
def test_a_level_outside_the_band_states_why(level, pct, reason, refused_with):
    message = _outcome(check_matrix_band, level, pct, BANDS, reason)
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


@pytest.mark.parametrize(
    "level, gvp, reason, refused_with",
    [
        (EXT, EXT, "", OK),  # validated
        (EXM, EXT, "Hechos sobrevinientes conocidos en la sesión.", OK),  # changed, with its reason
        (EXM, EXT, "", "registre el motivo por el que el comité cambia el nivel"),
        (ORD, EXM, " ", "El GVP determinó un nivel extremo"),
        (EXT, EXT, "Motivo sin cambio", "el comité lo valida y no hay cambio"),
        (EXT, None, "", OK),  # no GVP level recorded: the committee determines it
        (EXT, None, "Motivo", "No hay nivel del GVP"),
    ],
)
def test_the_cerrem_validates_the_gvp_level_or_changes_it_with_a_reason(level, gvp, reason, refused_with):
    message = _outcome(check_gvp_level, level, gvp, reason)
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


# --- measures in force ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "history, in_force",
    [
        ([], {}),
        ([PastAction("chaleco", IMP, D(2025, 1, 10), D(2025, 7, 10))], {"chaleco": (D(2025, 1, 10), D(2025, 7, 10))}),
        # ratified and adjusted: in force since it was first adopted, with the new revaluation date
        ([PastAction("chaleco", IMP, D(2025, 1, 10), D(2025, 7, 10)),
          PastAction("chaleco", RAT, D(2025, 7, 1), D(2026, 1, 1))], {"chaleco": (D(2025, 1, 10), D(2026, 1, 1))}),
        ([PastAction("escolta", IMP, D(2025, 1, 10)), PastAction("escolta", AJU, D(2025, 3, 1), D(2025, 9, 1))],
         {"escolta": (D(2025, 1, 10), D(2025, 9, 1))}),
        # suspended or finalised: no longer in force; implemented again, in force anew
        ([PastAction("chaleco", IMP, D(2025, 1, 10)), PastAction("chaleco", SUS, D(2025, 2, 1))], {}),
        ([PastAction("chaleco", IMP, D(2025, 1, 10)), PastAction("chaleco", FIN, D(2025, 2, 1))], {}),
        ([PastAction("chaleco", IMP, D(2025, 1, 10)), PastAction("chaleco", FIN, D(2025, 2, 1)),
          PastAction("chaleco", IMP, D(2025, 6, 1), D(2025, 12, 1))], {"chaleco": (D(2025, 6, 1), D(2025, 12, 1))}),
        # a lapsed temporality calls for revaluation; it does not withdraw the measure
        ([PastAction("boton", IMP, D(2020, 1, 1), D(2020, 7, 1))], {"boton": (D(2020, 1, 1), D(2020, 7, 1))}),
    ],
)
def test_measures_in_force_follow_the_adopted_decisions(history, in_force):
    assert {code: (f.since, f.revaluation_date) for code, f in measures_in_force(history).items()} == in_force


IN_FORCE = {"chaleco": InForce("chaleco", D(2025, 1, 10), D(2025, 7, 10))}


@pytest.mark.parametrize(
    "lines, refused_with",
    [
        ([line("boton", IMP)], OK),  # a new measure is implemented
        ([line("chaleco", RAT)], OK),
        ([line("chaleco", AJU)], OK),
        ([line("chaleco", SUS)], OK),
        ([line("chaleco", FIN)], OK),
        ([line("chaleco", IMP)], "ya está vigente para el caso (desde el 10/01/2025)"),
        ([line("boton", RAT)], "no se puede ratificar"),
        ([line("boton", AJU)], "no se puede ajustar"),
        ([line("boton", SUS)], "no se puede suspender"),
        ([line("boton", FIN)], "no se puede finalizar"),
        ([line("chaleco", RAT), line("chaleco", FIN)], "aparece dos veces"),
        ([line("apoyo", RAT, restoration=True, entity="Ministerio de Salud")], OK),  # not a UNP measure
        ([line("boton", RAT, name="Botón de apoyo"), line("escolta", FIN, name="Escolta")],
         "Botón de apoyo» no está vigente"),  # every problem is named
    ],
)
def test_implementar_for_a_new_measure_the_others_for_one_in_force(lines, refused_with):
    message = _outcome(check_measure_actions, lines, IN_FORCE)
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


@pytest.mark.parametrize(
    "lines, refused_with",
    [
        ([line(months=1)], OK),
        ([line(months=REVALUATION_MONTHS)], OK),
        ([line(action=RAT, months=12)], OK),
        ([line(months=13)], "debe estar entre 1 y 12 meses"),
        ([line(action=AJU, months=18)], "se revalúa al menos una vez al año"),
        ([line(months=0)], "entre 1 y 12"),
        ([line(months=None)], "indique la temporalidad"),
        ([line(action=FIN, months=None)], OK),  # a withdrawn measure has no temporality to run
        ([line(action=SUS, months=None)], OK),
        ([line(restoration=True, months=None)], OK),  # recommended to the competent entity
    ],
)
def test_temporality_never_exceeds_the_revaluation_period(lines, refused_with):
    message = _outcome(check_temporality, lines)
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


# --- UP-PCC restoration --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "lines, up_pcc, refused_with",
    [
        ([line("apoyo", IMP, restoration=True, entity="Ministerio de Salud")], True, OK),
        ([line("apoyo", IMP, restoration=True, entity="")], True, "indique a qué ministerio"),
        ([line("apoyo", RAT, restoration=True, entity="Ministerio de Salud")], True, "la UNP no la adopta"),
        ([line("apoyo", IMP, restoration=True, entity="Ministerio de Salud")], False,
         "solo la recomienda el CERREM UP-PCC"),
        ([line("chaleco", IMP, entity="Ministerio de Salud")], True, "es una medida de protección de la UNP"),
        ([line("chaleco", IMP)], True, OK),
        ([line("chaleco", IMP)], False, OK),
    ],
)
def test_restoration_measures_are_recommendations_to_the_competent_entity(lines, up_pcc, refused_with):
    message = _outcome(check_restoration, lines, up_pcc)
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


# --- emergency measures ----------------------------------------------------------------------------

KEEP, REPLACE, LIFT = EmergencyDisposition.MANTENER, EmergencyDisposition.REEMPLAZAR, EmergencyDisposition.LEVANTAR


@pytest.mark.parametrize(
    "pending, disposition, lines, refused_with",
    [
        (False, None, [], OK),
        (True, KEEP, [], OK),
        (True, LIFT, [], OK),
        (True, REPLACE, [line("escolta", IMP)], OK),
        (True, None, [line("escolta", IMP)], "qué pasa con las medidas de emergencia"),
        (True, REPLACE, [], "registre las medidas que las reemplazan"),
        (True, REPLACE, [line("escolta", FIN)], "registre las medidas que las reemplazan"),
        (False, KEEP, [], "no tiene medidas de emergencia pendientes"),
    ],
)
def test_a_case_by_the_emergency_route_says_what_becomes_of_its_measures(pending, disposition, lines, refused_with):
    message = _outcome(check_emergency, pending, disposition, lines)
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


# --- collectives ---------------------------------------------------------------------------------

COL, IND = CaseKind.COLECTIVO, CaseKind.INDIVIDUAL
AGREED = D(2026, 3, 1)


@pytest.mark.parametrize(
    "kind, cerrem, lines, on, who, refused_with",
    [
        (COL, True, [line("sede", IMP)], AGREED, "Junta directiva y vocera", OK),
        (COL, True, [line("sede", IMP)], None, "", "registre cuándo se concertaron y con quiénes"),
        (COL, True, [line("sede", AJU)], AGREED, "", "registre cuándo se concertaron y con quiénes"),
        (COL, True, [line("sede", RAT)], None, "", OK),  # ratified measures were agreed before
        (COL, True, [line("sede", RAT)], AGREED, "Vocera", OK),
        (COL, True, [line("sede", RAT)], AGREED, "", "la fecha y con quiénes"),
        (COL, True, [], AGREED, "Vocera", "no hay concertación que registrar"),  # no measures: none
        (COL, True, [line("sede", FIN)], AGREED, "Vocera", "no hay concertación que registrar"),
        (COL, True, [line("sede", IMP)], D(2026, 3, 11), "Vocera", "no puede ser posterior a la decisión"),
        (IND, True, [line("sede", IMP)], AGREED, "Vocera", "casos colectivos"),
        (COL, False, [line("sede", IMP)], AGREED, "Vocera", "decisiones del CERREM"),  # the GVP only proposes
        (COL, False, [line("sede", IMP)], None, "", OK),
    ],
)
def test_the_concertation_with_a_collective_is_recorded(kind, cerrem, lines, on, who, refused_with):
    message = _outcome(check_concertation, kind, cerrem, lines, on, who, DAY)
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


MET = {code: True for code, _ in CRITERIA}
MISSED = {**MET, "vocero": False}
GVP, CERREM = CommitteeKind.GVP, CommitteeKind.CERREM


@pytest.mark.parametrize(
    "kind, legal, records, refused_with",
    [
        (GVP, True, [], OK),  # legal recognition: no checklist
        (GVP, False, [], "El GVP no valora el riesgo de un colectivo cuyo reconocimiento social está pendiente"),
        (GVP, False, [RecognitionRecord(D(2026, 2, 1), MET, True)], OK),  # verified in an earlier CERREM session
        (GVP, False, [RecognitionRecord(DAY, MET, True)], "pendiente"),  # the same day is not before
        (GVP, False, [RecognitionRecord(D(2026, 4, 1), MET, True)], "pendiente"),  # later: too late
        (GVP, False, [RecognitionRecord(D(2026, 2, 1), MISSED, None)], "no cumple"),
        (GVP, False, [RecognitionRecord(D(2026, 2, 1), MISSED, True)], OK),  # recognised expressly
        (GVP, False, [RecognitionRecord(D(2026, 2, 1), MET, False)], "no reconoció"),
        (CERREM, False, [], "El comité no evalúa el riesgo"),
        (CERREM, False, [RecognitionRecord(DAY, MET, None, this_hearing=True)], OK),
        (CERREM, False, [RecognitionRecord(DAY, {"objetivos": True}, None, this_hearing=True)], "incompleta"),
        (CERREM, False, [RecognitionRecord(D(2026, 1, 5), MET, True)], OK),
        # the latest verification counts: refused after an earlier one granted it
        (CERREM, False, [RecognitionRecord(D(2026, 1, 5), MET, True),
                         RecognitionRecord(DAY, MET, False, this_hearing=True)], "no reconoció"),
    ],
)
def test_no_evaluation_of_a_collective_whose_recognition_is_pending(kind, legal, records, refused_with):
    message = _outcome(check_recognition_before_evaluation, kind, legal, records, DAY)
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


# --- all together --------------------------------------------------------------------------------

def facts(**kw) -> DecisionFacts:
    base = dict(committee_kind=CommitteeKind.CERREM, committee_code="CERREM_POBLACIONAL", case_kind=IND,
                decided_on=DAY, risk_level=EXT, bands=BANDS, matrix_pct=62.5, gvp_level=EXT,
                measures=(line("chaleco", IMP, 6),))
    return DecisionFacts(**{**base, **kw})


@pytest.mark.parametrize(
    "kw, refused_with",
    [
        ({}, OK),
        ({"committee_kind": CommitteeKind.GVP, "gvp_level": None}, OK),
        # the GVP determines the level: it has no level of its own to change
        ({"committee_kind": CommitteeKind.GVP, "level_change_reason": "Motivo"}, "El GVP determina el nivel"),
        ({"committee_kind": CommitteeKind.GVP, "emergency_pending": True}, OK),  # reported to the CERREM
        ({"emergency_pending": True}, "ruta de emergencia"),
        ({"risk_level": EXM}, "1) "),  # outside the band and not the GVP's: both problems, numbered
        ({"risk_level": EXM, "matrix_departure_reason": "Motivo A.", "level_change_reason": "Motivo B."}, OK),
        ({"case_kind": COL, "legally_recognised": False}, "reconocimiento social"),
        ({"restoration_committee": True, "measures": (line("apoyo", IMP, None, True, "Ministerio de Salud"),)}, OK),
    ],
)
def test_check_decision_applies_every_rule(kw, refused_with):
    message = _outcome(check_decision, facts(**kw))
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


def test_several_problems_are_listed_together():
    message = _outcome(check_decision, facts(risk_level=EXM, measures=(line("chaleco", RAT, 18),)))
    assert message.startswith("No se registró la decisión; corrija lo siguiente: 1) ")
    for fragment in ("2) ", "3) ", "4) ", "se aparta de la matriz", "cambia el nivel", "no se puede ratificar",
                     "entre 1 y 12 meses"):
        assert fragment in message


@pytest.mark.parametrize(
    "kw, refused_with",
    [
        ({}, OK),
        ({"matrix_departure_reason": "x"}, "el motivo de apartamiento de la matriz"),
        ({"level_change_reason": "x"}, "el motivo del cambio de nivel"),
        ({"emergency_disposition": KEEP}, "lo que pasa con las medidas de emergencia"),
        ({"concertation_on": AGREED}, "la concertación"),
        ({"concertation_with": "Vocera", "level_change_reason": "x"},
         "el motivo del cambio de nivel y la concertación"),
    ],
)
def test_a_returned_or_postponed_case_records_no_decision_facts(kw, refused_with):
    message = _outcome(lambda: undecided_facts(**kw))
    assert (message is None) == (refused_with is None), message
    if refused_with:
        assert refused_with in message


# --- what the decision form asks for: exactly what check_decision would refuse without -------

GVP, CERREM = CommitteeKind.GVP, CommitteeKind.CERREM


@pytest.mark.parametrize(
    "committee, case_kind, gvp_level, pending, level, pct, lines, expected",
    [
        (CERREM, CaseKind.INDIVIDUAL, EXT, False, EXT, 62.5, [line()], Applies()),
        (CERREM, CaseKind.INDIVIDUAL, EXT, False, EXM, 62.5, [line()],
         Applies(matrix_departure=True, level_change=True)),
        (CERREM, CaseKind.INDIVIDUAL, EXM, False, EXM, 62.5, [line()], Applies(matrix_departure=True)),
        (CERREM, CaseKind.INDIVIDUAL, EXT, False, EXT, None, [], Applies()),  # no matrix: no departure
        (CERREM, CaseKind.INDIVIDUAL, None, False, EXM, 85.0, [], Applies()),  # no GVP level: no change
        (GVP, CaseKind.INDIVIDUAL, EXT, True, EXM, 85.0, [], Applies()),  # the GVP determines; no emergency
        (CERREM, CaseKind.INDIVIDUAL, EXT, True, EXT, 62.5, [], Applies(emergency=True)),
        (CERREM, CaseKind.COLECTIVO, EXT, False, EXT, 62.5, [], Applies()),  # no measures: nothing concerted
        (CERREM, CaseKind.COLECTIVO, EXT, False, EXT, 62.5, [line()], Applies(concertation=True)),
        (CERREM, CaseKind.COLECTIVO, EXT, False, EXT, 62.5, [line(action=SUS, months=None)], Applies()),
        (GVP, CaseKind.COLECTIVO, EXT, False, EXT, 62.5, [line()], Applies()),
        (CERREM, CaseKind.INDIVIDUAL, EXT, False, None, 62.5, [line()], Applies()),  # no level chosen yet
    ],
)
def test_the_form_asks_for_a_fact_exactly_when_the_rules_need_it(
        committee, case_kind, gvp_level, pending, level, pct, lines, expected):
    context = DecisionContext(committee, case_kind, BANDS, gvp_level, pending)
    applies = what_applies(context, level, pct, lines)
    assert applies == expected
    if level is None:
        return
    # without the facts the form asks for, the rules refuse; with them (and only them), they accept
    base = dict(committee_kind=committee, committee_code="X", case_kind=case_kind, decided_on=DAY,
                risk_level=level, bands=BANDS, matrix_pct=pct, gvp_level=gvp_level, measures=tuple(lines),
                in_force={m.code: InForce(m.code, D(2025, 6, 1), None) for m in lines if m.action is not IMP},
                emergency_pending=pending)
    given = dict(
        matrix_departure_reason="Motivo." if applies.matrix_departure else "",
        level_change_reason="Motivo." if applies.level_change else "",
        emergency_disposition=EmergencyDisposition.MANTENER if applies.emergency else None,
        concertation_on=DAY if applies.concertation else None,
        concertation_with="La junta" if applies.concertation else "",
    )
    assert _outcome(check_decision, DecisionFacts(**base, **given)) is OK
    if applies != Applies():
        assert _outcome(check_decision, DecisionFacts(**base)) is not OK
