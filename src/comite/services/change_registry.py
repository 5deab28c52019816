"""Which :class:`~comite.services.context.Changes` each audit action implies.

Every service that writes records one audit entry naming what it touched, so
the trail doubles as the change log other desktops read
(:mod:`comite.services.feed`). This table is the one place that says what an
entry changed on screen: a vote recorded on another desktop (or in another
window) reaches the views as the same ``Changes`` the vote returns here, and
nowhere else is an action translated. A test collects every action the
services pass to the audit and fails when one is missing here.

Reads (opening reserved data, exporting the acta or a report) map to nothing: they change
nothing on screen, and refreshing on them would feed on itself, since a
refresh may record a read. An action this program does not know (written by a
newer version on a shared server) refreshes everything it may concern.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from comite.services.context import Changes

NOTHING = Changes()
"""What a read, a login or a backup changes on screen."""

_SESSION = Changes(session=True)
_AGENDA = Changes(agenda=True)
_ATTENDANCE = Changes(attendance=True)
_DECISIONS = Changes(decisions=True)
_VOTES = Changes(votes=True)
_ACTA = Changes(acta=True)
_SESSION_ACTA = Changes(session=True, acta=True)
_CASES = Changes(cases=True)
_USERS = Changes(users=True)
_CATALOG = Changes(catalog=True)
_COMMITMENTS = Changes(commitments=True)
EVERYTHING = Changes(catalog=True, cases=True, session=True, agenda=True, attendance=True, decisions=True,
                     commitments=True, users=True, acta=True, votes=True)

ACTION_CHANGES: Mapping[str, Changes] = {
    # the base and the accounts (the users page shows whether an account is locked)
    "base_inicializada": NOTHING,
    "login": _USERS,
    "login_fallido": _USERS,
    "cuenta_bloqueada": _USERS,
    "usuario_creado": _USERS,
    "usuario_modificado": _USERS,
    "contrasena_cambiada": _USERS,
    "cuenta_recuperada": _USERS,
    "copia_seguridad": NOTHING,
    "demo_generado": EVERYTHING,
    # a restore: refused, it changed nothing; done, the whole database was replaced (the entries
    # are written while no desktop has it open, in the kept copy and in the restored database)
    "restauracion_rechazada": NOTHING,
    "base_reemplazada": EVERYTHING,
    "base_restaurada": EVERYTHING,
    # catalogue and settings (an import moves scheduled sessions to the new composition)
    "catalogo_importado": Changes(catalog=True, session=True, attendance=True),
    "votacion_configurada": _CATALOG,
    "niveles_configurados": _CATALOG,
    "configuracion": _CATALOG,
    # the case registry
    "caso_creado": _CASES,
    "caso_modificado": _CASES,
    "casos_importados": _CASES,
    "emergencia_registrada": _CASES,
    "lectura_reservada": NOTHING,
    # a session
    "sesion_creada": Changes(session=True, agenda=True, attendance=True),
    "sesion_modificada": _SESSION,
    "sesion_estado": _SESSION_ACTA,
    "convocatoria_generada": _SESSION,  # a scheduled session becomes «convocada»
    "caso_en_agenda": _AGENDA,
    "agenda_punto": _AGENDA,
    "agenda_retiro": _AGENDA,
    "agenda_orden": _AGENDA,
    "emergencia_informada": _AGENDA,
    "asistencia": _ATTENDANCE,
    "asistencia_casos": _ATTENDANCE,
    "invitado_agregado": _ATTENDANCE,
    "caso_deliberacion": _DECISIONS,
    "observacion": _DECISIONS,
    "observacion_retirada": _DECISIONS,
    "reconocimiento_social": _DECISIONS,
    "voto": _VOTES,
    "voto_retirado": _VOTES,
    "decision": Changes(decisions=True, cases=True),
    "decision_retirada": Changes(decisions=True, cases=True),
    "borrador_decision_guardado": NOTHING,  # a draft is its author's only: no view shows it
    "borrador_decision_descartado": NOTHING,
    "compromiso_creado": _COMMITMENTS,  # every open session shows the pending ones carried over
    "compromiso_estado": _COMMITMENTS,
    # its acta and documents
    "acta_observacion": _ACTA,
    "acta_observacion_reabierta": _ACTA,
    "acta_observacion_respondida": _ACTA,
    "acta_revision_enviada": _ACTA,
    "acta_revision_importada": _ACTA,
    "acta_revision_sin_observaciones": _ACTA,
    "acta_revision_vencida": _ACTA,
    "acta_borrador": _SESSION_ACTA,
    "acta_aprobada": _SESSION_ACTA,
    "acta_fe_de_erratas": _ACTA,
    "resoluciones_numeradas": _ACTA,
    "resoluciones_generadas": NOTHING,
    "notificacion_gvp": NOTHING,
    "acta_leida": NOTHING,
    "acta_exportada": NOTHING,
    # reports: an export writes a file and changes nothing on screen
    "informe_exportado": NOTHING,
    "informes_reconstruidos": NOTHING,
}


def changes_for(action: str, entity: str, entity_id: int | None, case_id: int | None) -> Changes:
    """What an audit entry changed, placed: the session it names (``entity == "sesion"``) and its case.

    :data:`NOTHING` for reads; everything it may concern for an action unknown here.
    """
    known = ACTION_CHANGES.get(action)
    if known is NOTHING:
        return NOTHING
    session_id = entity_id if entity == "sesion" else None
    return replace(EVERYTHING if known is None else known, session_id=session_id, case_id=case_id)
