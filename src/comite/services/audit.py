"""The audit trail: append-only, hash-chained, MAC'd under the database key.

Every entry chains to the previous one (``prev_hash`` is unique, so the chain
cannot fork even with two writers). Entries written while the database is
unlocked also carry an HMAC of their hash under the data key; only failed
logins and lockouts (written before anyone has the key) may lack it, so
stripping MACs and recomputing the chain is detected too.
"""

from __future__ import annotations

import base64
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from hashlib import sha256
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from comite.model import AuditEntry
from comite.services.context import ServiceContext
from comite.services.permissions import Action, require
from comite.storage.audit_chain import GENESIS, link_hash

UNKEYED_ACTIONS = frozenset({"login_fallido", "cuenta_bloqueada"})


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value


def _entry_fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "user_id": entry.user_id,
        "username": entry.username,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "case_id": entry.case_id,
        "details": entry.details,
        "prev_hash": entry.prev_hash,
    }


def _mac(vault: Any, digest: str) -> str:
    return hmac.new(vault.mac_key, digest.encode("ascii"), sha256).hexdigest()


def _lock_chain(session: Session) -> None:
    """Serialise writers on PostgreSQL (SQLite serialises writers by itself)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(727274)"))


def write(
    session: Session,
    *,
    vault: Any,
    user_id: int | None,
    username: str,
    action: str,
    entity: str,
    entity_id: int | None = None,
    case_id: int | None = None,
    details: Mapping[str, Any] | None = None,
    reserved: Mapping[str, Any] | None = None,
    at: datetime,
) -> AuditEntry:
    """Append one entry. ``reserved`` values are stored only encrypted."""
    payload = _plain(dict(details or {}))
    if reserved:
        if vault is None:
            raise ValueError("reserved audit details need the database key")
        blob = vault.encrypt(json.dumps(_plain(dict(reserved)), ensure_ascii=False), "audit.reserved")
        payload["reservado"] = base64.b64encode(blob).decode("ascii")
    _lock_chain(session)
    prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or GENESIS
    entry = AuditEntry(
        at=at,
        user_id=user_id,
        username=username,
        action=action,
        entity=entity,
        entity_id=entity_id,
        case_id=case_id,
        details=json.dumps(payload, ensure_ascii=False, sort_keys=True),
        prev_hash=prev,
    )
    entry.hash = link_hash(prev, _entry_fields(entry), None)
    entry.mac = _mac(vault, entry.hash) if vault is not None else None
    session.add(entry)
    session.flush()
    return entry


def record(
    session: Session,
    ctx: ServiceContext,
    action: str,
    entity: str,
    entity_id: int | None = None,
    *,
    case_id: int | None = None,
    details: Mapping[str, Any] | None = None,
    reserved: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry for the acting user of ``ctx``."""
    return write(
        session,
        vault=ctx.db.vault,
        user_id=ctx.actor.user_id,
        username=ctx.actor.username,
        action=action,
        entity=entity,
        entity_id=entity_id,
        case_id=case_id,
        details=details,
        reserved=reserved,
        at=ctx.now(),
    )


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    checked: int
    first_broken_id: int | None
    message: str


def verify(session: Session, vault: Any | None) -> AuditReport:
    """Walk the whole chain; report the first entry that does not hold."""
    prev = GENESIS
    checked = 0
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
    for entry in rows:
        checked += 1
        bad = entry.prev_hash != prev or link_hash(prev, _entry_fields(entry), None) != entry.hash
        if not bad and vault is not None:
            if entry.mac is None:
                bad = entry.action not in UNKEYED_ACTIONS
            else:
                bad = not hmac.compare_digest(entry.mac, _mac(vault, entry.hash))
        if bad:
            return AuditReport(
                False,
                checked,
                entry.id,
                f"La auditoría fue alterada: el registro {entry.id} no encadena con el anterior "
                f"(se revisaron {checked} registros).",
            )
        prev = entry.hash
        session.expunge(entry)
    return AuditReport(True, checked, None, f"Auditoría íntegra: {checked} registros verificados.")


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    details: str


def query(
    ctx: ServiceContext,
    *,
    username: str | None = None,
    case_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 1000,
) -> list[AuditRow]:
    """The administrator's view of the trail, filtered by user, case or date."""
    require(ctx, Action.READ_AUDIT)
    with ctx.reading() as s:
        stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if username:
            stmt = stmt.where(AuditEntry.username == username)
        if case_id is not None:
            stmt = stmt.where(AuditEntry.case_id == case_id)
        if since is not None:
            stmt = stmt.where(AuditEntry.at >= datetime.combine(since, datetime.min.time()).astimezone())
        if until is not None:
            stmt = stmt.where(AuditEntry.at <= datetime.combine(until, datetime.max.time()).astimezone())
        return [
            AuditRow(e.id, e.at, e.username, e.action, e.entity, e.entity_id, e.case_id, e.details)
            for e in s.scalars(stmt)
        ]
