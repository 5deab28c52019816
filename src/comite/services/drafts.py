"""Decision drafts: what a person typed in a case's decision form survives a crash.

The decision form saves its state here on every edit (the GUI debounces, e.g. one second
after the last keystroke, and flushes before the lock screen or closing) and restores it
when the case is opened again, so a crash, a power cut or quitting from the lock screen
loses nothing. A draft is:

- **private**: one per hearing and account; only its author reads, lists or discards it;
- **encrypted** like every reserved value (the ``Encrypted`` column type, AES-256-GCM
  under the database key), and bound to its hearing and author: a draft copied into
  another row is refused when read;
- **opaque** to the service: ``values`` is whatever JSON-able mapping the form keeps
  (outcome, level, concept, measures, ...); the decision itself is validated only when
  it is recorded (:func:`comite.services.decisions.record_decision`);
- **not the record**: the GUI discards it once the decision is recorded. A draft whose
  hearing changed since it was saved (another person recorded or withdrew the decision)
  comes back with ``changed_since=True`` so the form can say so instead of silently
  overwriting.

Audit: the first save of a draft (``borrador_decision_guardado``) and its discard
(``borrador_decision_descartado``) are recorded, under the session and the case like
every entry about a hearing; the saves in between are not (one per keystroke pause
would drown the trail). No audit entry carries the draft's content, and none changes
what another desktop shows (a draft is its author's only).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from comite.domain import AuditAction, AuditEntity
from comite.errors import LockedError, ValidationError
from comite.model import Case, CommitteeSession, DecisionDraft, Hearing
from comite.services import audit
from comite.services.context import ServiceContext
from comite.services.deliberation import editable_hearing
from comite.services.permissions import Action, require

MAX_DRAFT_BYTES = 256 * 1024
"""A decision form is a few kilobytes; a larger draft is refused (nothing is saved)."""


@dataclass(frozen=True)
class Draft:
    hearing_id: int
    values: dict[str, Any]
    """The form's values, as saved."""
    saved_at: datetime
    hearing_version: int | None
    """The hearing's row version the form showed when it was saved."""
    changed_since: bool
    """The hearing changed after the draft was saved (its version moved on)."""


@dataclass(frozen=True)
class DraftSummary:
    hearing_id: int
    session_id: int
    radicado: str
    saved_at: datetime
    changed_since: bool


def _author(ctx: ServiceContext) -> int:
    if ctx.actor.user_id is None:
        raise ValidationError("Los borradores de decisión son de una persona: ingrese con su cuenta.")
    if ctx.db.vault is None:
        raise LockedError("La base de datos está bloqueada: inicie sesión para guardar o leer borradores.")
    return ctx.actor.user_id


def _envelope(hearing_id: int, user_id: int, values: Mapping[str, Any]) -> str:
    try:
        text = json.dumps({"audiencia": hearing_id, "autor": user_id, "valores": dict(values)},
                          ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValidationError("El borrador tiene valores que no se pueden guardar (solo texto, números, "
                              "listas y sí/no); no se guardó.") from exc
    if len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
        raise ValidationError(f"El borrador pasa de {MAX_DRAFT_BYTES // 1024} KB; no se guardó. Acorte el texto.")
    return text


def _opened(row: DecisionDraft) -> dict[str, Any]:
    data = json.loads(row.payload)
    if data.get("audiencia") != row.hearing_id or data.get("autor") != row.user_id:
        raise ValidationError("El borrador guardado no corresponde a este caso o a esta cuenta (la base fue "
                              "alterada); no se usó.")
    return data["valores"]


def save_draft(ctx: ServiceContext, hearing_id: int, values: Mapping[str, Any], *,
               hearing_version: int | None = None) -> datetime:
    """Keep (create or replace) the acting person's draft for ``hearing_id``.

    ``hearing_version`` is the hearing's ``row_version`` the form shows. Returns when it
    was saved (for a «Borrador guardado a las 10:42» note).

    Raises:
        PermissionDenied: the person may not record decisions in this committee.
        NotFound: the case is no longer on the agenda.
        ValidationError / RuleViolation: the values cannot be stored, are too large, or
            the session is closed for changes. Nothing is saved.
        LockedError: the database is locked (the GUI saves before locking).
    """
    user_id = _author(ctx)
    payload = _envelope(hearing_id, user_id, values)
    now = ctx.now()
    with ctx.transaction() as s:
        hearing = editable_hearing(s, ctx, hearing_id)
        existed = s.scalar(select(DecisionDraft.id).where(DecisionDraft.hearing_id == hearing_id,
                                                         DecisionDraft.user_id == user_id))
        _upsert(s, {"hearing_id": hearing_id, "user_id": user_id, "payload": payload,
                    "hearing_version": hearing_version, "saved_at": now})
        if existed is None:
            audit.record(s, ctx, AuditAction.BORRADOR_DECISION_GUARDADO, AuditEntity.SESION, hearing.session_id,
                         case_id=hearing.case_id)
    return now


def _upsert(s: Session, values: dict[str, Any]) -> None:
    """Insert or replace the draft in one statement (two windows saving at once never collide)."""
    # Both dialects spell the upsert alike (ON CONFLICT ... DO UPDATE); each has its own Insert class.
    insert: Callable[..., Any] = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = insert(DecisionDraft).values(**values)
    s.execute(stmt.on_conflict_do_update(
        index_elements=[DecisionDraft.hearing_id, DecisionDraft.user_id],
        set_={k: stmt.excluded[k] for k in ("payload", "hearing_version", "saved_at")},
    ))


def load_draft(ctx: ServiceContext, hearing_id: int) -> Draft | None:
    """The acting person's draft for ``hearing_id``, or ``None``: what the form restores
    when the case is opened."""
    user_id = _author(ctx)
    with ctx.reading() as s:
        row = s.scalar(select(DecisionDraft).where(DecisionDraft.hearing_id == hearing_id,
                                                   DecisionDraft.user_id == user_id))
        if row is None:
            return None
        current = s.scalar(select(Hearing.row_version).where(Hearing.id == hearing_id))
        return Draft(hearing_id, _opened(row), row.saved_at, row.hearing_version,
                     row.hearing_version is not None and current != row.hearing_version)


def list_drafts(ctx: ServiceContext, session_id: int | None = None) -> list[DraftSummary]:
    """The acting person's drafts (of one session, or all), oldest first: what the GUI
    offers to resume after a crash."""
    user_id = _author(ctx)
    stmt = (select(DecisionDraft.hearing_id, Hearing.session_id, Case.radicado, DecisionDraft.saved_at,
                   DecisionDraft.hearing_version, Hearing.row_version, CommitteeSession.committee_id)
            .join(Hearing, Hearing.id == DecisionDraft.hearing_id)
            .join(Case, Case.id == Hearing.case_id)
            .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
            .where(DecisionDraft.user_id == user_id)
            .order_by(DecisionDraft.saved_at, DecisionDraft.id))
    if session_id is not None:
        stmt = stmt.where(Hearing.session_id == session_id)
    with ctx.reading() as s:
        rows = s.execute(stmt).all()
    return [DraftSummary(r.hearing_id, r.session_id, r.radicado, r.saved_at,
                         r.hearing_version is not None and r.hearing_version != r.row_version)
            for r in rows if _may_read(ctx, r.committee_id)]


def _may_read(ctx: ServiceContext, committee_id: int) -> bool:
    try:
        require(ctx, Action.READ_SESSION, committee_id)
    except Exception:  # noqa: BLE001 - unassigned since: the draft is simply not offered
        return False
    return True


def discard_draft(ctx: ServiceContext, hearing_id: int) -> bool:
    """Delete the acting person's draft for ``hearing_id`` (after recording the decision,
    or when the person drops it). Returns whether there was one."""
    user_id = _author(ctx)
    with ctx.transaction() as s:
        gone = cast(CursorResult[Any], s.execute(delete(DecisionDraft).where(
            DecisionDraft.hearing_id == hearing_id, DecisionDraft.user_id == user_id))).rowcount
        hearing = s.get(Hearing, hearing_id) if gone else None
        if hearing is not None:
            audit.record(s, ctx, AuditAction.BORRADOR_DECISION_DESCARTADO, AuditEntity.SESION, hearing.session_id,
                         case_id=hearing.case_id)
    return bool(gone)
