"""Shared vocabulary of the domain: the closed sets DOMAIN.md names.

Every layer (catalogue, rules, model, services, documents, GUI) speaks in these
enums. Their ``value`` is the stable code stored in the database and used in
files (ASCII, snake_case); their ``label`` is what a user reads (Spanish).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LabeledEnum(StrEnum):
    """A string enum with a Spanish label for display."""

    label: str

    def __new__(cls, value: str, label: str) -> LabeledEnum:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    def __str__(self) -> str:  # the code, so f-strings and SQL see the code
        return self.value

    @classmethod
    def parse(cls, raw: str) -> LabeledEnum:
        """Accept the code or the label (case- and accent-insensitive)."""
        from comite.text import fold

        key = fold(raw)
        for member in cls:
            if key in (fold(member.value), fold(member.label)):
                return member
        raise ValueError(raw)


class Rights(LabeledEnum):
    VOZ_Y_VOTO = ("voz_y_voto", "Voz y voto")
    SOLO_VOZ = ("solo_voz", "Solo voz")


class SeatRole(LabeledEnum):
    PRESIDE = ("preside", "Preside")
    SECRETARIA_TECNICA = ("secretaria_tecnica", "Secretaría técnica")
    MIEMBRO = ("miembro", "Miembro")
    INVITADO_PERMANENTE = ("invitado_permanente", "Invitado permanente")
    INVITADO_ESPECIAL = ("invitado_especial", "Invitado especial")
    INVITADO_OCASIONAL = ("invitado_ocasional", "Invitado ocasional")


class SeatCondition(LabeledEnum):
    """When a seat attends. ``None`` (no condition) means always."""

    DISPLACED_CASES = ("displaced_cases", "Solo casos de población desplazada")
    OWN_POPULATION = ("own_population", "Solo casos de la población que representa")
    RESTORATION_MEASURES = (
        "restoration_measures",
        "Cuando se analizan medidas de restablecimiento y rehabilitación",
    )
    WHEN_COMPETENT = ("when_competent", "Cuando el caso toca sus competencias")
    WHEN_PERTINENT = ("when_pertinent", "Cuando el comité lo considera pertinente")


class CommitteeKind(LabeledEnum):
    GVP = ("gvp", "Grupo de Valoración Preliminar")
    CERREM = ("cerrem", "CERREM")
    ESPECIAL = ("especial", "Comité especial")


class SessionType(LabeledEnum):
    ORDINARIA = ("ordinaria", "Ordinaria")
    EXTRAORDINARIA = ("extraordinaria", "Extraordinaria")


class SessionStatus(LabeledEnum):
    """Life of a session, in order."""

    PROGRAMADA = ("programada", "Programada")
    CONVOCADA = ("convocada", "Convocada")
    EN_CURSO = ("en_curso", "En curso")
    CERRADA = ("cerrada", "Cerrada")
    ACTA_EN_REVISION = ("acta_en_revision", "Acta en revisión")
    ACTA_APROBADA = ("acta_aprobada", "Acta aprobada")
    CANCELADA = ("cancelada", "Cancelada")


class AgendaItemKind(LabeledEnum):
    QUORUM = ("quorum", "Verificación del quórum")
    AGENDA_APPROVAL = ("orden_del_dia", "Aprobación del orden del día")
    PREVIOUS_ACTA = ("acta_anterior", "Aprobación del acta de la sesión anterior")
    COMMITMENTS = ("compromisos", "Lectura de compromisos pendientes")
    CASES = ("casos", "Presentación y análisis de casos")
    EMERGENCY = ("emergencia", "Medidas de emergencia adoptadas")
    VARIOUS = ("varios", "Proposiciones y varios")
    CASE = ("caso", "Caso")
    OTHER = ("otro", "Otro punto")


class CaseKind(LabeledEnum):
    INDIVIDUAL = ("individual", "Individual")
    COLECTIVO = ("colectivo", "Colectivo")


class Route(LabeledEnum):
    ORDINARIA = ("ordinaria", "Ordinaria")
    EMERGENCIA = ("emergencia", "Emergencia")
    REVALUACION = ("revaluacion", "Revaluación")
    HECHOS_SOBREVINIENTES = ("hechos_sobrevinientes", "Hechos sobrevinientes")


class RiskLevel(LabeledEnum):
    ORDINARIO = ("ordinario", "Ordinario")
    EXTRAORDINARIO = ("extraordinario", "Extraordinario")
    EXTREMO = ("extremo", "Extremo")


class MeasureAction(LabeledEnum):
    IMPLEMENTAR = ("implementar", "Implementar")
    RATIFICAR = ("ratificar", "Ratificar")
    AJUSTAR = ("ajustar", "Ajustar")
    SUSPENDER = ("suspender", "Suspender")
    FINALIZAR = ("finalizar", "Finalizar")


class DecisionOutcome(LabeledEnum):
    DECIDED = ("decidido", "Decidido")
    RETURNED = ("devuelto", "Devuelto al analista con observaciones")
    POSTPONED = ("aplazado", "Aplazado")


class VoteChoice(LabeledEnum):
    A_FAVOR = ("a_favor", "A favor")
    EN_CONTRA = ("en_contra", "En contra")
    ABSTENCION = ("abstencion", "Abstención")


class AttendanceStatus(LabeledEnum):
    PRESENTE = ("presente", "Presente")
    AUSENTE = ("ausente", "Ausente")
    EXCUSADO = ("excusado", "Excusado")


class Capacity(LabeledEnum):
    PRINCIPAL = ("principal", "Principal")
    DELEGADO = ("delegado", "Delegado")


class CommitmentStatus(LabeledEnum):
    PENDIENTE = ("pendiente", "Pendiente")
    CUMPLIDO = ("cumplido", "Cumplido")
    CANCELADO = ("cancelado", "Cancelado")


class QuorumBasis(LabeledEnum):
    """What the quorum counts against."""

    VOTING_SEATS = ("voting_seats", "Puestos con voz y voto del comité")


class MajorityBasis(LabeledEnum):
    """What a majority is counted against."""

    VOTING_PRESENT = ("voting_present", "Miembros con voto presentes")
    VOTES_CAST = ("votes_cast", "Votos emitidos (sin abstenciones)")


@dataclass(frozen=True, slots=True)
class VotingSettings:
    """Quorum and majority of a committee (configurable; DOMAIN.md defaults).

    Quorum: strictly more than ``quorum_fraction`` of the voting seats present
    (default: more than half). Majority: strictly more than
    ``majority_fraction`` of the basis (default: more than half of the voting
    members present) must vote a favor.
    """

    quorum_fraction: float = 0.5
    quorum_basis: QuorumBasis = QuorumBasis.VOTING_SEATS
    majority_fraction: float = 0.5
    majority_basis: MajorityBasis = MajorityBasis.VOTING_PRESENT


class SessionModality(LabeledEnum):
    """How the members met. Virtual sessions: art. 2.4.1.2.36, parágrafo (Decreto 1139 de 2021)."""

    PRESENCIAL = ("presencial", "Presencial")
    VIRTUAL = ("virtual", "Virtual")
    MIXTA = ("mixta", "Mixta (presencial y virtual)")


class EmergencyDisposition(LabeledEnum):
    """What the committee decides about the emergency measures the Director adopted."""

    MANTENER = ("mantener", "Se mantienen")
    REEMPLAZAR = ("reemplazar", "Se reemplazan por las medidas que se recomiendan")
    LEVANTAR = ("levantar", "Se levantan")


class AnalystGender(LabeledEnum):
    """The analyst's gender a woman chose for her risk study (Res. 805 de 2012, art. 3)."""

    MUJER = ("mujer", "Analista mujer")
    HOMBRE = ("hombre", "Analista hombre")
    SIN_PREFERENCIA = ("sin_preferencia", "Sin preferencia")
