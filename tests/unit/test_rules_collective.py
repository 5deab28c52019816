"""Social recognition of collectives without legal recognition (Res. 1085 de 2015)."""

from __future__ import annotations

import pytest

from comite.errors import RuleViolation
from comite.rules.collective import (
    CRITERIA,
    check_social_recognition,
    criteria_met,
    missing_criteria,
    recognition_verified,
)

CODES = [code for code, _ in CRITERIA]
ALL_MET = dict.fromkeys(CODES, True)
ONE_UNMET = {**ALL_MET, "ubicacion": False}
PARTIAL = {c: True for c in CODES if c not in ("vocero", "poblacion")}


def test_the_seven_criteria_in_the_order_of_the_resolution():
    assert len(CRITERIA) == 7 and len(set(CODES)) == 7
    assert CRITERIA[0][1] == "Tener objetivos claramente definidos"
    assert CRITERIA[5][1].startswith("Tener un vocero identificado")
    assert CRITERIA[6][1].startswith("Pertenecer a una población objeto")


@pytest.mark.parametrize(
    "answers, verified, met",
    [
        (None, False, False),
        ({}, False, False),
        (PARTIAL, False, False),
        ({**PARTIAL, "vocero": None}, False, False),
        (ONE_UNMET, True, False),  # verified: every criterion has an answer
        (ALL_MET, True, True),
    ],
)
def test_verified_and_met(answers, verified, met):
    assert recognition_verified(answers) is verified
    assert criteria_met(answers) is met


def test_missing_criteria_in_checklist_order():
    assert missing_criteria(PARTIAL) == ("vocero", "poblacion")
    assert missing_criteria(None) == tuple(CODES)


@pytest.mark.parametrize(
    "answers, recognised",
    [
        (ALL_MET, None),  # no explicit decision: recognition follows the checklist
        (ALL_MET, True),
        (ONE_UNMET, True),  # criteria are not exhaustive: the committee decides
    ],
)
def test_recognised_collectives_pass(answers, recognised):
    check_social_recognition(answers, legally_recognised=False, recognised=recognised)


@pytest.mark.parametrize("answers", [None, {}, PARTIAL])
def test_legally_recognised_collectives_need_no_checklist(answers):
    check_social_recognition(answers, legally_recognised=True)


@pytest.mark.parametrize(
    "answers, recognised, message",
    [
        (None, None,
         "El colectivo no tiene reconocimiento jurídico: antes de evaluar su riesgo, el "
         "CERREM debe verificar en sesión su reconocimiento social (Resolución 1085 de 2015)."),
        ({}, True,
         "El colectivo no tiene reconocimiento jurídico: antes de evaluar su riesgo, el "
         "CERREM debe verificar en sesión su reconocimiento social (Resolución 1085 de 2015)."),
        (PARTIAL, True,
         "La verificación del reconocimiento social está incompleta. Falta registrar: «tener "
         "un vocero identificado o identificable, que represente al colectivo» y «pertenecer "
         "a una población objeto conforme al marco jurídico vigente»."),
        ({**ALL_MET, "lema": True}, True,
         "Criterio de reconocimiento social desconocido: lema."),
        (ONE_UNMET, None,
         "El colectivo no cumple: «estar ubicado geográficamente en un lugar determinado». "
         "Como los criterios no son taxativos, el comité puede reconocerlo expresamente; sin "
         "esa decisión no se evalúa su riesgo."),
        (ALL_MET, False,
         "El comité no reconoció socialmente al colectivo: no procede la evaluación de su "
         "riesgo."),
    ],
)  # fmt: skip
def test_refusals_before_the_risk_decision(answers, recognised, message):
    with pytest.raises(RuleViolation) as err:
        check_social_recognition(answers, legally_recognised=False, recognised=recognised)
    assert str(err.value) == message
