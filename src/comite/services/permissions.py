"""Who may do what. Every service calls :func:`require` before it reads or writes."""

from __future__ import annotations

from enum import Enum

from comite.domain import Role
from comite.errors import PermissionDenied
from comite.services.context import ServiceContext


class Action(Enum):
    MANAGE_USERS = "gestionar usuarios"
    MANAGE_CATALOG = "modificar el catálogo y la configuración"
    READ_CATALOG = "consultar el catálogo"
    EDIT_CASES = "registrar o modificar casos"
    READ_CASES = "consultar casos"
    READ_RESERVED = "ver datos reservados de un caso"
    EDIT_SESSION = "preparar o registrar sesiones"
    READ_SESSION = "consultar sesiones"
    REVIEW_ACTA = "registrar observaciones de revisión del acta"
    APPROVE_ACTA = "aprobar actas"
    GENERATE_DOCUMENTS = "generar documentos"
    READ_AUDIT = "consultar la auditoría"
    BACKUP = "hacer copias de seguridad"
    RESTORE = "restaurar copias de seguridad (reemplazar la base de datos)"


_SECRETARIA = {
    Action.READ_CATALOG,
    Action.EDIT_CASES,
    Action.READ_CASES,
    Action.READ_RESERVED,
    Action.EDIT_SESSION,
    Action.READ_SESSION,
    Action.APPROVE_ACTA,
    Action.GENERATE_DOCUMENTS,
    # A backup is encrypted and sealed, and scheduled ones run on the secretariat's desk with the
    # key its account remembered there; restoring (replacing the database) stays with administrators.
    Action.BACKUP,
}
_REVISOR = {Action.READ_CATALOG, Action.READ_SESSION, Action.REVIEW_ACTA}
# Actions bound to a committee: the user must be assigned to it.
_COMMITTEE_BOUND = {
    Action.EDIT_SESSION,
    Action.READ_SESSION,
    Action.REVIEW_ACTA,
    Action.APPROVE_ACTA,
    Action.GENERATE_DOCUMENTS,
}


def _granted(role: Role) -> set[Action] | None:
    """Actions of a role; ``None`` means every action."""
    if role in (Role.ADMINISTRADOR, Role.SISTEMA):
        return None
    return _SECRETARIA if role is Role.SECRETARIA else _REVISOR


def allowed(ctx: ServiceContext, action: Action, committee_id: int | None = None) -> bool:
    granted = _granted(ctx.actor.role)
    if granted is None:
        return True
    if action not in granted:
        return False
    return action not in _COMMITTEE_BOUND or committee_id is None or committee_id in ctx.actor.committee_ids


def refusal(ctx: ServiceContext, action: Action, committee_id: int | None = None) -> str | None:
    """Why the actor may not do ``action`` (Spanish, the words :func:`require` raises), or ``None``.

    The GUI asks this before it offers an action (a hidden or disabled control, with this text
    as its tooltip), so the screen and the services never disagree about who may do what."""
    if allowed(ctx, action, committee_id):
        return None
    actor = ctx.actor
    granted = _granted(actor.role)
    if granted is not None and action in granted:
        return f"El usuario «{actor.username}» no está asignado a este comité: no puede {action.value}."
    return f"El usuario «{actor.username}» ({actor.role.label.lower()}) no puede {action.value}."


def require(ctx: ServiceContext, action: Action, committee_id: int | None = None) -> None:
    """Raise :class:`PermissionDenied` (Spanish) unless the actor may do ``action``."""
    reason = refusal(ctx, action, committee_id)
    if reason is not None:
        raise PermissionDenied(reason)
