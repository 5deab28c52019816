"""Shared vocabulary of the domain: the closed sets DOMAIN.md names.

Every layer (catalogue, rules, model, services, documents, GUI) speaks in these
enums. Their ``value`` is the stable code stored in the database and used in
files (ASCII, snake_case); their ``label`` is what a user reads (Spanish).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Self

from comite.text import fold


class LabeledEnum(StrEnum):
    """A string enum with a Spanish label for display.

    Members are declared ``NAME = (code, label)``; ``Enum(code)`` looks a member up
    by its code, as for any enum.
    """

    label: str
    _value_: str

    def __new__(cls, value: str, label: str = "") -> Self:
        # Called once per member, when the class is built (a look-up by code never calls
        # it). ``label`` has a default only so that type checkers keep reading
        # ``Enum(code)`` as the look-up it is; a member without a label is refused.
        if not label:
            raise TypeError(f"{cls.__name__} member {value!r} needs a Spanish label")
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    def __str__(self) -> str:  # the code, so f-strings and SQL see the code
        return self.value

    @classmethod
    def parse(cls, raw: str) -> Self:
        """Accept the code or the label (case- and accent-insensitive)."""
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


class CaseStatus(LabeledEnum):
    """Where a case stands: it follows its latest decision in any session."""

    EN_ESTUDIO = ("en_estudio", "En estudio")
    VALORADO_GVP = ("valorado_gvp", "Valorado por el GVP")
    RECOMENDADO = ("recomendado", "Con recomendación del CERREM")
    DEVUELTO_ANALISTA = ("devuelto_analista", "Devuelto al analista")
    APLAZADO = ("aplazado", "Aplazado")


class HearingSource(LabeledEnum):
    """How a case reached a session's agenda."""

    REGISTRO = ("registro", "Registro")
    GVP = ("gvp", "Resultado GVP")
    EMERGENCIA = ("emergencia", "Emergencia")
    IMPORTACION = ("importacion", "Importación")
    COMPROMISO = ("compromiso", "Compromiso pendiente")


class ActaKind(LabeledEnum):
    """What an acta document is: a stored version, or a preview (never stored)."""

    BORRADOR = ("borrador", "Borrador en revisión")
    FINAL = ("final", "Acta final")
    FE_DE_ERRATAS = ("fe_de_erratas", "Fe de erratas")
    VISTA_PREVIA = ("vista_previa", "Vista previa")


class MeasureCategory(LabeledEnum):
    """Kind of protection measure (seed 001, section 7; Res. 1085 de 2015)."""

    SOFT = ("soft", "Blanda")
    HARD = ("hard", "Dura")
    COLLECTIVE = ("collective", "Colectiva")


class Role(LabeledEnum):
    """What an account may do (``SISTEMA``: maintenance commands, never an account)."""

    ADMINISTRADOR = ("administrador", "Administrador")
    SECRETARIA = ("secretaria", "Secretaría técnica")
    REVISOR = ("revisor", "Revisor")
    SISTEMA = ("sistema", "Sistema")


class KeyPurpose(LabeledEnum):
    """Whose copy of the data key a key wrap holds."""

    USER = ("user", "Cuenta")
    RECOVERY = ("recovery", "Llave de recuperación")


class AuditAction(LabeledEnum):
    """What an audit entry records. The code is what the trail stores (and hashes), so a
    code never changes; the label is what the audit page shows."""

    BASE_INICIALIZADA = ("base_inicializada", "Base de datos inicializada")
    LOGIN = ("login", "Ingreso a la aplicación")
    LOGIN_FALLIDO = ("login_fallido", "Intento fallido de ingreso")
    CUENTA_BLOQUEADA = ("cuenta_bloqueada", "Cuenta bloqueada por intentos fallidos")
    USUARIO_CREADO = ("usuario_creado", "Cuenta creada")
    USUARIO_MODIFICADO = ("usuario_modificado", "Cuenta modificada")
    CONTRASENA_CAMBIADA = ("contrasena_cambiada", "Contraseña cambiada")
    CUENTA_RECUPERADA = ("cuenta_recuperada", "Cuenta recuperada con la llave de recuperación")
    CASO_CREADO = ("caso_creado", "Caso registrado")
    CASO_MODIFICADO = ("caso_modificado", "Caso modificado")
    LECTURA_RESERVADA = ("lectura_reservada", "Lectura de datos reservados")
    CASOS_IMPORTADOS = ("casos_importados", "Casos importados")
    # no longer written (an import is one transaction now), kept for the trails that have it
    IMPORTACION_REVERTIDA = ("importacion_revertida", "Importación de casos revertida")
    SESION_CREADA = ("sesion_creada", "Sesión creada")
    SESION_MODIFICADA = ("sesion_modificada", "Sesión modificada")
    SESION_ESTADO = ("sesion_estado", "Cambio de estado de la sesión")
    CASO_EN_AGENDA = ("caso_en_agenda", "Caso agregado al orden del día")
    AGENDA_PUNTO = ("agenda_punto", "Punto agregado al orden del día")
    AGENDA_RETIRO = ("agenda_retiro", "Punto retirado del orden del día")
    AGENDA_ORDEN = ("agenda_orden", "Orden del día reordenado")
    ASISTENCIA = ("asistencia", "Asistencia registrada")
    ASISTENCIA_CASOS = ("asistencia_casos", "Casos de un asistente marcados")
    INVITADO_AGREGADO = ("invitado_agregado", "Invitado ocasional agregado")
    CASO_DELIBERACION = ("caso_deliberacion", "Deliberación, hora o medidas de restablecimiento del caso")
    OBSERVACION = ("observacion", "Observación registrada")
    OBSERVACION_RETIRADA = ("observacion_retirada", "Observación retirada")
    RECONOCIMIENTO_SOCIAL = ("reconocimiento_social", "Reconocimiento social verificado")
    VOTO = ("voto", "Voto registrado")
    VOTO_RETIRADO = ("voto_retirado", "Voto retirado")
    DECISION = ("decision", "Decisión registrada")
    DECISION_RETIRADA = ("decision_retirada", "Decisión retirada")
    COMPROMISO_CREADO = ("compromiso_creado", "Compromiso creado")
    COMPROMISO_ESTADO = ("compromiso_estado", "Compromiso actualizado")
    EMERGENCIA_REGISTRADA = ("emergencia_registrada", "Medida de emergencia registrada")
    EMERGENCIA_INFORMADA = ("emergencia_informada", "Medida de emergencia informada")
    ACTA_BORRADOR = ("acta_borrador", "Borrador del acta generado")
    ACTA_APROBADA = ("acta_aprobada", "Acta aprobada")
    ACTA_FE_DE_ERRATAS = ("acta_fe_de_erratas", "Fe de erratas del acta")
    ACTA_EXPORTADA = ("acta_exportada", "Acta exportada")
    ACTA_LEIDA = ("acta_leida", "Acta consultada")
    ACTA_OBSERVACION = ("acta_observacion", "Observación al borrador del acta")
    # written before the review round (#19) answered observations; kept for the trails that have it
    ACTA_OBSERVACION_ATENDIDA = ("acta_observacion_atendida", "Observación al acta atendida")
    ACTA_OBSERVACION_REABIERTA = ("acta_observacion_reabierta", "Observación al acta reabierta")
    ACTA_OBSERVACION_RESPONDIDA = ("acta_observacion_respondida", "Observación al acta respondida")
    ACTA_REVISION_ENVIADA = ("acta_revision_enviada", "Borrador del acta enviado a revisión")
    ACTA_REVISION_IMPORTADA = ("acta_revision_importada", "Comentarios de un delegado al borrador importados")
    ACTA_REVISION_SIN_OBSERVACIONES = ("acta_revision_sin_observaciones",
                                       "Delegado respondió sin observaciones al borrador")
    ACTA_REVISION_VENCIDA = ("acta_revision_vencida", "Término de revisión vencido sin respuesta")
    RESOLUCIONES_NUMERADAS = ("resoluciones_numeradas", "Resoluciones numeradas")
    RESOLUCIONES_GENERADAS = ("resoluciones_generadas", "Resoluciones generadas")
    CONVOCATORIA_GENERADA = ("convocatoria_generada", "Convocatoria generada")
    NOTIFICACION_GVP = ("notificacion_gvp", "Notificación del GVP generada")
    INFORME_EXPORTADO = ("informe_exportado", "Informe exportado")
    INFORMES_RECONSTRUIDOS = ("informes_reconstruidos", "Tabla de los informes reconstruida")
    CATALOGO_IMPORTADO = ("catalogo_importado", "Catálogo importado")
    VOTACION_CONFIGURADA = ("votacion_configurada", "Quórum y mayoría configurados")
    NIVELES_CONFIGURADOS = ("niveles_configurados", "Niveles de riesgo configurados")
    CONFIGURACION = ("configuracion", "Configuración modificada")
    COPIA_SEGURIDAD = ("copia_seguridad", "Copia de seguridad")
    RESTAURACION_RECHAZADA = ("restauracion_rechazada", "Restauración de una copia de seguridad rechazada")
    BASE_REEMPLAZADA = ("base_reemplazada", "Base reemplazada por una restauración")
    BASE_RESTAURADA = ("base_restaurada", "Base restaurada desde una copia de seguridad")
    BORRADOR_DECISION_GUARDADO = ("borrador_decision_guardado", "Borrador de decisión guardado")
    BORRADOR_DECISION_DESCARTADO = ("borrador_decision_descartado", "Borrador de decisión descartado")
    DEMO_GENERADO = ("demo_generado", "Datos de demostración generados")


class AuditEntity(LabeledEnum):
    """What an audit entry is about (with ``entity_id``, the record)."""

    USUARIO = ("usuario", "Cuenta")
    SESION = ("sesion", "Sesión")
    CASO = ("caso", "Caso")
    COMPROMISO = ("compromiso", "Compromiso")
    CATALOGO = ("catalogo", "Catálogo")
    CONFORMACION = ("conformacion", "Conformación")
    CONFIGURACION = ("configuracion", "Configuración")
    BASE = ("base", "Base de datos")
    DEMO = ("demo", "Demostración")
    INFORME = ("informe", "Informe")


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
