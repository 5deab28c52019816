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


# --- the delegates' review of a draft acta (issue #19) ---------------------------------------------


class ReviewChannel(LabeledEnum):
    """How an observation on a draft reached the secretariat."""

    APLICACION = ("aplicacion", "En la aplicación")
    PDF = ("pdf", "Comentario en el PDF")
    CORREO = ("correo", "Correo electrónico")
    TELEFONO = ("telefono", "Teléfono")
    ESCRITO = ("escrito", "Escrito o en persona")


class ReviewAnswer(LabeledEnum):
    """The secretariat's answer to an observation."""

    ACEPTADA = ("aceptada", "Aceptada (se corrige en el siguiente borrador)")
    NO_ACEPTADA = ("no_aceptada", "No aceptada")


class LapseRule(LabeledEnum):
    """What a committee's rules make of a delegate's silence when the review term ends."""

    ACEPTACION_TACITA = ("aceptacion_tacita", "Aceptación tácita")
    NINGUNA = ("ninguna", "Ninguna (se deja constancia de que no respondió)")


class ReviewDelivery(LabeledEnum):
    """How the review package reaches the delegates."""

    ARCHIVOS = ("archivos", "Archivos .eml para abrir y enviar desde el correo")
    SMTP = ("smtp", "Envío por el servidor de correo configurado")
