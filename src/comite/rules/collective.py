"""Social recognition of a collective without legal recognition (Res. 1085 de 2015).

Before evaluating the risk of such a group, the CERREM verifies in session its
social recognition on seven criteria "sin que estos sean taxativos". The model:

* *Verification* is the committee recording an answer (met / not met) for every
  criterion: :func:`recognition_verified`.
* *Recognition* is the committee's own decision, because the criteria are not
  exhaustive: it may recognise a group that misses one, or refuse one that meets
  all. When the committee has not recorded that decision explicitly
  (``recognised=None``), recognition follows the checklist: all criteria met.
"""

from __future__ import annotations

from collections.abc import Mapping

from comite.errors import RuleViolation
from comite.rules._common import join_es

CRITERIA: tuple[tuple[str, str], ...] = (
    ("objetivos", "Tener objetivos claramente definidos"),
    ("rasgos", "Compartir rasgos culturales, sociales y/o políticos"),
    ("ubicacion", "Estar ubicado geográficamente en un lugar determinado"),
    ("organizacion", "Estar organizados y debidamente cohesionados"),
    (
        "reuniones",
        "Reunirse de manera temporal o permanente para alcanzar objetivos concretos o específicos",
    ),
    ("vocero", "Tener un vocero identificado o identificable, que represente al colectivo"),
    ("poblacion", "Pertenecer a una población objeto conforme al marco jurídico vigente"),
)
"""The criteria in the order and words of Res. 1085/2015: (code, Spanish text)."""

_TEXT = dict(CRITERIA)


def missing_criteria(answers: Mapping[str, bool] | None) -> tuple[str, ...]:
    """Codes of the criteria with no recorded answer, in checklist order."""
    recorded = answers or {}
    return tuple(code for code, _ in CRITERIA if recorded.get(code) is None)


def recognition_verified(answers: Mapping[str, bool] | None) -> bool:
    """True once the committee has recorded an answer for every criterion."""
    return not missing_criteria(answers)


def criteria_met(answers: Mapping[str, bool] | None) -> bool:
    """True if every criterion is recorded as met."""
    return answers is not None and recognition_verified(answers) and all(answers[c] for c, _ in CRITERIA)


def check_social_recognition(
    answers: Mapping[str, bool] | None,
    legally_recognised: bool,
    recognised: bool | None = None,
) -> None:
    """Refuse a risk decision on a collective whose recognition was not verified.

    A collective with legal recognition (certificate of existence and
    representation) needs no checklist. Otherwise the checklist must be
    complete and the group recognised: by the committee's explicit
    ``recognised`` decision or, if it recorded none, by meeting every criterion.

    Raises:
        RuleViolation: no checklist, an unknown criterion, an incomplete
            checklist (names what is missing), or a group not recognised.
    """
    if legally_recognised:
        return
    if not answers:
        raise RuleViolation(
            "El colectivo no tiene reconocimiento jurídico: antes de evaluar su riesgo, "
            "el CERREM debe verificar en sesión su reconocimiento social "
            "(Resolución 1085 de 2015)."
        )
    unknown = sorted(set(answers) - set(_TEXT))
    if unknown:
        raise RuleViolation(f"Criterio de reconocimiento social desconocido: {join_es(unknown)}.")
    missing = missing_criteria(answers)
    if missing:
        names = join_es(f"«{_TEXT[c].lower()}»" for c in missing)
        raise RuleViolation(
            f"La verificación del reconocimiento social está incompleta. Falta registrar: {names}."
        )
    if recognised is None:
        recognised = criteria_met(answers)
        if not recognised:
            unmet = join_es(f"«{_TEXT[c].lower()}»" for c, _ in CRITERIA if not answers[c])
            raise RuleViolation(
                f"El colectivo no cumple: {unmet}. Como los criterios no son taxativos, el "
                "comité puede reconocerlo expresamente; sin esa decisión no se evalúa su riesgo."
            )
    if not recognised:
        raise RuleViolation(
            "El comité no reconoció socialmente al colectivo: no procede la evaluación "
            "de su riesgo."
        )
