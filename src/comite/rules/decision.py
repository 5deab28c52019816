"""What keeps a committee's decision coherent with the record (DOMAIN.md, "Documents a
lawyer signs"): the resolution the Director signs states these facts, so a decision
that contradicts them is refused before anything is stored.

Each ``check_*`` raises :class:`~comite.errors.RuleViolation` with a Spanish message
that says what to fix; :func:`check_decision` runs them all over one
:class:`DecisionFacts` and reports every problem at once. Pure functions over frozen
values: the services gather the facts inside the transaction that records the
decision (:mod:`comite.services.coherence`).

Sources: Decreto 1066 de 2015, arts. 2.4.1.2.38 (the CERREM validates the level the
GVP determined and recommends measures, their adjustment, suspension, finalisation and
temporality) and 2.4.1.2.40, par. 2 (the level is revalued at least once a year, seed
002); Resolución 1085 de 2015, arts. 3 and 7 (a collective's social recognition is
verified in a CERREM session before its risk evaluation; measures agreed with the
group); art. 2.4.1.3.8 (UP-PCC restoration and rehabilitation measures belong to the
competent ministries and agencies).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from comite.domain import (
    CaseKind,
    CommitteeKind,
    EmergencyDisposition,
    MeasureAction,
    RiskLevel,
)
from comite.errors import RuleViolation
from comite.rules._common import InvalidValue, format_number, join_es
from comite.rules.collective import check_social_recognition
from comite.rules.risk import Band, level_for_percentage
from comite.text import plural

REVALUATION_MONTHS = 12
"""The level is revalued at least once a year (Decreto 1066 de 2015, art. 2.4.1.2.40,
par. 2; seed 002): no temporality runs past it."""

#: Actions that keep (or put) a measure in force; the other two withdraw it.
KEEPS_IN_FORCE = frozenset({MeasureAction.IMPLEMENTAR, MeasureAction.RATIFICAR, MeasureAction.AJUSTAR})
#: Actions on a measure the case already has.
ON_EXISTING = frozenset({MeasureAction.RATIFICAR, MeasureAction.AJUSTAR, MeasureAction.SUSPENDER,
                         MeasureAction.FINALIZAR})


@dataclass(frozen=True, slots=True)
class MeasureLine:
    """One measure of the decision being recorded."""

    code: str
    name: str
    action: MeasureAction
    temporality_months: int | None = None
    restoration: bool = False
    competent_entity: str = ""


@dataclass(frozen=True, slots=True)
class PastAction:
    """A measure of an earlier *adopted* decision of a CERREM (or the servidores
    committee) on the same case; the GVP's measures are only its concept."""

    code: str
    action: MeasureAction
    decided_on: date
    revaluation_date: date | None = None


@dataclass(frozen=True, slots=True)
class InForce:
    """A measure in force for the case: adopted and neither suspended nor finalised.
    Its temporality ending calls for its revaluation; it does not withdraw it."""

    code: str
    since: date
    revaluation_date: date | None


def measures_in_force(history: Sequence[PastAction]) -> dict[str, InForce]:
    """The measures in force after ``history`` (in the order the decisions were taken).

    Implementar, ratificar and ajustar leave the measure in force (ratificar and ajustar
    keep the date it was first adopted, and take the new revaluation date); suspender
    and finalizar withdraw it.
    """
    out: dict[str, InForce] = {}
    for past in history:
        if past.action in KEEPS_IN_FORCE:
            since = out[past.code].since if past.code in out else past.decided_on
            out[past.code] = InForce(past.code, since, past.revaluation_date)
        else:
            out.pop(past.code, None)
    return out


@dataclass(frozen=True, slots=True)
class RecognitionRecord:
    """A social-recognition checklist recorded in a CERREM hearing of the collective."""

    day: date
    answers: Mapping[str, bool] | None
    granted: bool | None
    this_hearing: bool = False


@dataclass(frozen=True, slots=True)
class DecisionFacts:
    """What a decision (outcome *decidido*) says, and what the record around it holds."""

    committee_kind: CommitteeKind
    committee_code: str
    case_kind: CaseKind
    decided_on: date
    risk_level: RiskLevel
    bands: tuple[Band, ...]
    matrix_pct: float | None = None
    matrix_departure_reason: str = ""
    gvp_level: RiskLevel | None = None
    level_change_reason: str = ""
    measures: tuple[MeasureLine, ...] = ()
    in_force: Mapping[str, InForce] = field(default_factory=dict)
    emergency_pending: bool = False
    emergency_disposition: EmergencyDisposition | None = None
    concertation_on: date | None = None
    concertation_with: str = ""
    legally_recognised: bool = True
    recognitions: tuple[RecognitionRecord, ...] = ()
    restoration_committee: bool = False  # the CERREM UP-PCC


def _day(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _level(level: RiskLevel) -> str:
    return level.label.lower()


# --- what applies (the checks below, and the decision form that asks only for these) -----------


def departs_from_matrix(level: RiskLevel, pct: float | None, bands: Sequence[Band]) -> bool:
    """The level lies outside the band of the matrix percentage (a percentage in no band
    departs from every level)."""
    if pct is None:
        return False
    try:
        return level_for_percentage(pct, bands) is not level
    except InvalidValue:
        return True


def changes_gvp_level(committee_kind: CommitteeKind, level: RiskLevel, gvp_level: RiskLevel | None) -> bool:
    """A CERREM's (or the servidores committee's) level differs from the one the GVP determined."""
    return committee_kind is not CommitteeKind.GVP and gvp_level is not None and level is not gvp_level


def emergency_applies(committee_kind: CommitteeKind, pending: bool) -> bool:
    """The committee says what becomes of emergency measures still awaiting it (the GVP does not)."""
    return pending and committee_kind is not CommitteeKind.GVP


def _kept(lines: Sequence[MeasureLine]) -> list[MeasureLine]:
    return [line for line in lines if line.action in KEEPS_IN_FORCE and not line.restoration]


def concertation_applies(case_kind: CaseKind, committee_kind: CommitteeKind, lines: Sequence[MeasureLine]) -> bool:
    """A CERREM recommends a collective protection measures that stay in force: their
    concertation with the collective may be recorded (and :func:`concertation_needed` says
    when it must be)."""
    return case_kind is CaseKind.COLECTIVO and committee_kind is not CommitteeKind.GVP and bool(_kept(lines))


def concertation_needed(lines: Sequence[MeasureLine]) -> bool:
    """New or adjusted collective measures were agreed with the collective (Res. 1085 de 2015, art. 7)."""
    return any(line.action in (MeasureAction.IMPLEMENTAR, MeasureAction.AJUSTAR) for line in _kept(lines))


@dataclass(frozen=True, slots=True)
class DecisionContext:
    """What the record says around a case about to be decided, as the decision form needs
    it to know which facts to ask for (read by :func:`comite.services.coherence.decision_context`)."""

    committee_kind: CommitteeKind
    case_kind: CaseKind
    bands: tuple[Band, ...]
    gvp_level: RiskLevel | None = None
    emergency_pending: bool = False
    restoration_committee: bool = False


@dataclass(frozen=True, slots=True)
class Applies:
    """Which of a decision's facts the rules ask for, given what the form holds."""

    matrix_departure: bool = False
    level_change: bool = False
    emergency: bool = False
    concertation: bool = False


def what_applies(context: DecisionContext, level: RiskLevel | None, pct: float | None,
                 lines: Sequence[MeasureLine]) -> Applies:
    """The facts a decision (outcome *decidido*) at ``level`` must or may record: the same
    predicates :func:`check_decision` refuses on, so the form never asks for a fact the
    rules would refuse, and never hides one they require."""
    return Applies(
        matrix_departure=level is not None and departs_from_matrix(level, pct, context.bands),
        level_change=level is not None and changes_gvp_level(context.committee_kind, level, context.gvp_level),
        emergency=emergency_applies(context.committee_kind, context.emergency_pending),
        concertation=concertation_applies(context.case_kind, context.committee_kind, lines),
    )


# --- the level ---------------------------------------------------------------------------------


def check_matrix_band(level: RiskLevel, pct: float | None, bands: Sequence[Band], reason: str) -> None:
    """A level outside the band of the matrix percentage states why the committee departs
    from the matrix; a level inside it has no departure to explain."""
    reason = reason.strip()
    if pct is None:
        if reason:
            raise RuleViolation(
                "El caso no tiene ponderación de la matriz: no hay de qué apartarse. Borre el motivo "
                "de apartamiento de la matriz o registre la ponderación."
            )
        return
    band_level = level_for_percentage(pct, bands)  # a percentage in no band is refused here
    departs = departs_from_matrix(level, pct, bands)
    if not departs and reason:
        raise RuleViolation(
            f"El nivel {_level(level)} corresponde a la ponderación de la matriz ({format_number(pct)} %): "
            "no hay apartamiento de la matriz que motivar. Borre ese motivo."
        )
    if departs and not reason:
        low, high = next((lo, hi) for lvl, lo, hi in bands if lvl is band_level)
        raise RuleViolation(
            f"La ponderación de la matriz ({format_number(pct)} %) corresponde al nivel "
            f"{_level(band_level)} (franja de {format_number(low)} a {format_number(high)} %), no al "
            f"{_level(level)}: registre el motivo por el que el comité se aparta de la matriz, o corrija "
            "el nivel."
        )


def check_gvp_level(level: RiskLevel, gvp_level: RiskLevel | None, reason: str) -> None:
    """The CERREM validates the GVP's level (the same level) or changes it, saying why."""
    reason = reason.strip()
    if gvp_level is None:
        if reason:
            raise RuleViolation(
                "No hay nivel del GVP registrado para este caso: no hay cambio de nivel que motivar. "
                "Borre el motivo del cambio de nivel."
            )
        return
    if level is gvp_level and reason:
        raise RuleViolation(
            f"El nivel {_level(level)} es el que determinó el GVP: el comité lo valida y no hay cambio "
            "que motivar. Borre el motivo del cambio de nivel."
        )
    if level is not gvp_level and not reason:
        raise RuleViolation(
            f"El GVP determinó un nivel {_level(gvp_level)} y la decisión dice {_level(level)}: registre "
            "el motivo por el que el comité cambia el nivel, o valide el del GVP."
        )


# --- the measures ------------------------------------------------------------------------------


def check_measure_actions(lines: Sequence[MeasureLine], in_force: Mapping[str, InForce]) -> None:
    """Implementar is for a measure the case does not have; ratificar, ajustar, suspender
    and finalizar only for one in force. Restoration measures (recommendations to another
    entity) are not UNP measures and stay out of this check."""
    seen: set[str] = set()
    problems: list[str] = []
    for line in lines:
        if line.code in seen:
            problems.append(f"«{line.name}» aparece dos veces: deje una sola línea por tipo de medida")
        seen.add(line.code)
        if line.restoration:
            continue
        current = in_force.get(line.code)
        if line.action is MeasureAction.IMPLEMENTAR and current is not None:
            problems.append(
                f"«{line.name}» ya está vigente para el caso (desde el {_day(current.since)}): para "
                "mantenerla use «Ratificar» y para cambiarla «Ajustar»"
            )
        elif line.action in ON_EXISTING and current is None:
            problems.append(
                f"«{line.name}» no está vigente para el caso (ninguna decisión adoptada la implementó, o "
                f"ya se suspendió o finalizó): no se puede {line.action.label.lower()}; una medida nueva "
                "se implementa"
            )
    if problems:
        raise RuleViolation("; ".join(p[0].upper() + p[1:] for p in problems) + ".")


def check_temporality(lines: Sequence[MeasureLine], revaluation_months: int = REVALUATION_MONTHS) -> None:
    """A measure kept in force has a temporality of at most the revaluation period."""
    for line in lines:
        if line.restoration or line.action not in KEEPS_IN_FORCE:
            continue
        if line.temporality_months is None:
            raise RuleViolation(f"«{line.name}»: indique la temporalidad en meses.")
        if not 1 <= line.temporality_months <= revaluation_months:
            raise RuleViolation(
                f"«{line.name}»: la temporalidad ({plural(line.temporality_months, 'mes', 'meses')}) debe estar "
                "entre 1 y "
                f"{revaluation_months} meses: el nivel de riesgo se revalúa al menos una vez al año "
                "(Decreto 1066 de 2015, art. 2.4.1.2.40, par. 2)."
            )


def check_restoration(lines: Sequence[MeasureLine], restoration_committee: bool) -> None:
    """Restoration and rehabilitation measures are recommended by the CERREM UP-PCC to the
    competent entity; they are not UNP protection measures."""
    for line in lines:
        entity = line.competent_entity.strip()
        if not line.restoration:
            if entity:
                raise RuleViolation(
                    f"«{line.name}» es una medida de protección de la UNP: no se recomienda a otra entidad. "
                    "Borre la entidad competente."
                )
            continue
        if not restoration_committee:
            raise RuleViolation(
                f"«{line.name}» es una medida de restablecimiento y rehabilitación: solo la recomienda el "
                "CERREM UP-PCC (Decreto 1066 de 2015, art. 2.4.1.3.8)."
            )
        if line.action is not MeasureAction.IMPLEMENTAR:
            raise RuleViolation(
                f"«{line.name}» se recomienda a la entidad competente (acción «Implementar»): la UNP no la "
                f"adopta, y por eso tampoco la puede {line.action.label.lower()}."
            )
        if not entity:
            raise RuleViolation(
                f"«{line.name}» es una recomendación a la entidad competente, no una medida de la UNP: "
                "indique a qué ministerio, departamento o unidad se recomienda."
            )


# --- emergency, collectives --------------------------------------------------------------------


def check_emergency(pending: bool, disposition: EmergencyDisposition | None,
                    lines: Sequence[MeasureLine]) -> None:
    """A case with emergency measures the Director adopted says what becomes of them."""
    if not pending:
        if disposition is not None:
            raise RuleViolation(
                "El caso no tiene medidas de emergencia pendientes de resolver: borre lo que se decidió "
                "sobre ellas."
            )
        return
    if disposition is None:
        raise RuleViolation(
            "El caso llegó por la ruta de emergencia: indique qué pasa con las medidas de emergencia que "
            "adoptó el Director (se mantienen, se reemplazan por las que se recomiendan o se levantan)."
        )
    if disposition is EmergencyDisposition.REEMPLAZAR and not any(
        line.action in KEEPS_IN_FORCE and not line.restoration for line in lines
    ):
        raise RuleViolation(
            "Para reemplazar las medidas de emergencia, registre las medidas que las reemplazan; si no "
            "hay ninguna, las medidas de emergencia se levantan."
        )


def check_concertation(case_kind: CaseKind, cerrem: bool, lines: Sequence[MeasureLine],
                       on: date | None, with_whom: str, decided_on: date) -> None:
    """A collective's new or adjusted measures were agreed with it (Res. 1085 de 2015,
    art. 7): when and with whom is recorded; without measures there is no concertation."""
    with_whom = with_whom.strip()
    recorded = on is not None or bool(with_whom)
    kept = _kept(lines)
    if case_kind is not CaseKind.COLECTIVO or not cerrem:
        if recorded:
            raise RuleViolation(
                "La concertación de medidas se registra en las decisiones del CERREM sobre casos "
                "colectivos: borre la fecha y los participantes de la concertación."
            )
        return
    if not kept:
        if recorded:
            raise RuleViolation(
                "El comité no recomienda medidas que queden vigentes: no hay concertación que registrar. "
                "Borre la fecha y los participantes."
            )
        return
    needed = concertation_needed(lines)
    if needed and (on is None or not with_whom):
        raise RuleViolation(
            "Las medidas de protección colectiva se conciertan con el colectivo (Resolución 1085 de 2015): "
            "registre cuándo se concertaron y con quiénes."
        )
    if recorded and (on is None or not with_whom):
        raise RuleViolation("Registre la concertación completa: la fecha y con quiénes se hizo.")
    if on is not None and on > decided_on:
        raise RuleViolation(
            f"La concertación ({_day(on)}) no puede ser posterior a la decisión ({_day(decided_on)})."
        )


def check_recognition_before_evaluation(
    committee_kind: CommitteeKind, legally_recognised: bool, records: Sequence[RecognitionRecord],
    evaluation_day: date,
) -> None:
    """Neither the GVP nor the CERREM evaluates a collective without legal recognition
    until a CERREM session verified its social recognition (Res. 1085 de 2015, art. 3:
    "previo al inicio de la evaluación de riesgo"). The GVP needs that verification from
    an earlier session; the CERREM may have recorded it in the same hearing."""
    if legally_recognised:
        return
    gvp = committee_kind is CommitteeKind.GVP
    usable = [r for r in records if (r.day < evaluation_day if gvp else r.day <= evaluation_day)]
    usable.sort(key=lambda r: (r.day, r.this_hearing))
    if not usable or not usable[-1].answers:
        who = "El GVP no valora" if gvp else "El comité no evalúa"
        raise RuleViolation(
            f"{who} el riesgo de un colectivo cuyo reconocimiento social está pendiente: el colectivo no "
            "tiene reconocimiento jurídico y el CERREM debe verificar antes, en sesión, su reconocimiento "
            "social (Resolución 1085 de 2015, art. 3)."
        )
    latest = usable[-1]
    check_social_recognition(latest.answers, False, latest.granted)


# --- all together ------------------------------------------------------------------------------


def check_decision(facts: DecisionFacts) -> None:
    """Every rule above that applies to ``facts``; one refusal naming every problem."""
    cerrem = facts.committee_kind is not CommitteeKind.GVP
    checks = [
        lambda: check_recognition_before_evaluation(
            facts.committee_kind, facts.case_kind is not CaseKind.COLECTIVO or facts.legally_recognised,
            facts.recognitions, facts.decided_on),
        lambda: check_matrix_band(facts.risk_level, facts.matrix_pct, facts.bands, facts.matrix_departure_reason),
        lambda: _check_level_change(facts, cerrem),
        lambda: check_restoration(facts.measures, facts.restoration_committee),
        lambda: check_measure_actions(facts.measures, facts.in_force),
        lambda: check_temporality(facts.measures),
        lambda: check_emergency(emergency_applies(facts.committee_kind, facts.emergency_pending),
                                facts.emergency_disposition, facts.measures),
        lambda: check_concertation(facts.case_kind, cerrem, facts.measures, facts.concertation_on,
                                   facts.concertation_with, facts.decided_on),
    ]
    problems: list[str] = []
    for check in checks:
        try:
            check()
        except RuleViolation as exc:
            problems.append(str(exc))
    if len(problems) == 1:
        raise RuleViolation(problems[0])
    if problems:
        raise RuleViolation("No se registró la decisión; corrija lo siguiente: " + " ".join(
            f"{i}) {p}" for i, p in enumerate(problems, start=1)))


def _check_level_change(facts: DecisionFacts, cerrem: bool) -> None:
    if cerrem:
        check_gvp_level(facts.risk_level, facts.gvp_level, facts.level_change_reason)
    elif facts.level_change_reason.strip():
        raise RuleViolation(
            "El GVP determina el nivel de riesgo: no hay un nivel anterior que cambiar. Borre el motivo "
            "del cambio de nivel."
        )


def undecided_facts(*, matrix_departure_reason: str = "", level_change_reason: str = "",
                    emergency_disposition: EmergencyDisposition | None = None,
                    concertation_on: date | None = None, concertation_with: str = "") -> None:
    """A returned or postponed case records none of a decision's facts."""
    given = [name for name, value in (
        ("el motivo de apartamiento de la matriz", matrix_departure_reason.strip()),
        ("el motivo del cambio de nivel", level_change_reason.strip()),
        ("lo que pasa con las medidas de emergencia", emergency_disposition),
        ("la concertación", concertation_on or concertation_with.strip()),
    ) if value]
    if given:
        raise RuleViolation(
            f"Un caso devuelto o aplazado no tiene decisión de fondo: borre {join_es(given)}."
        )
