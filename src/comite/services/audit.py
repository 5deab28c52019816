"""The audit trail: append-only, hash-chained, sealed under the database key.

Every entry chains to the previous one (``prev_hash`` is unique, so the chain
cannot fork even with two writers). Entries written while the database is
unlocked also carry a seal (HMAC of their hash under the data key); only failed
logins and lockouts (written before anyone has the key) may lack it, so
stripping seals and recomputing the chain is detected too. The table itself
refuses UPDATE and DELETE (:mod:`comite.storage.triggers`).

The chain alone cannot show that entries were removed from its *end*, so the
head of the trail is kept in ``db_meta``, updated in the same transaction as
every entry (under the chain lock):

- ``audit_head``: id and hash of the last entry, written by every write. It
  catches a truncation by someone who deleted rows and left the rest alone;
  whoever has the file can rewrite it too.
- ``audit_seal``: id and hash of the last entry written with the key, and
  their :func:`~comite.storage.audit_chain.head_mac`. Without the key it
  cannot be moved back to an earlier entry nor rebuilt, so the trail cannot
  be cut back past the last entry written with the database unlocked, nor
  past the seal by deleting it: once sealed entries exist, a missing seal is
  reported.

A writer never repairs a head that disagrees with the trail: it leaves it as
it found it, so a truncation stays visible after later writes (SQLite reuses
the ids of deleted rows, and the next write would otherwise look like the end).

What remains possible for someone with the file but not the key:

- removing the unsealed entries written after the last seal (failed logins
  and lockouts since the last unlocked write) and rewriting ``audit_head``;
- replaying an *older* sealed head (from an earlier copy of the file, or old
  pages still inside it) after cutting the trail back to that point: the seal
  is genuine, only stale. Only a head kept outside the database (a printed
  verification, an archived backup) shows that;
- on a database upgraded from before revision 0003, which has no seal yet,
  cutting the trail before its first unlocked write after the upgrade (its
  entries carry the older seal format, :func:`_legacy_mac`).
"""

from __future__ import annotations

import base64
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from hashlib import sha256
from typing import Any, cast

from sqlalchemy import CursorResult, case, literal, select, text
from sqlalchemy.orm import Session

from comite.domain import AuditAction, AuditEntity
from comite.model import Attendance, AuditEntry, DatabaseMeta
from comite.services.audit_text import action_label, details_text, subject_label
from comite.services.context import ServiceContext
from comite.services.permissions import Action, require
from comite.storage.audit_chain import GENESIS, hash_mac, head_mac, link_hash
from comite.storage.database import ORIGIN_INFO, claim_writer

UNKEYED_ACTIONS = frozenset({AuditAction.LOGIN_FALLIDO, AuditAction.CUENTA_BLOQUEADA})
FIRST_ACTION = AuditAction.BASE_INICIALIZADA
"""The entry that opens a trail: the first one written with the key."""
HEAD_KEY = "audit_head"
SEAL_KEY = "audit_seal"


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
    """What an entry's hash covers: who did what, when, to what, after which entry.

    Not the ``origin`` (revision 0004): it names the program run that wrote the entry,
    a random id that exists so the live feed can tell a desktop's own entries from
    others', and says nothing about what was done. Left out, trails written before
    0004 verify as they are, and going back to an earlier revision (which drops the
    column) leaves the chain intact. Whoever alters it can only make a desktop
    refresh, or not, for an entry.
    """
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
    """An entry's seal."""
    return hash_mac(digest, vault.mac_key)


def _legacy_mac(vault: Any, digest: str) -> str:
    """An entry's seal as written before revision 0003 (no domain separation).

    Accepted only before the first entry sealed with :func:`_mac`: its presence
    tells a trail that never had a sealed head from one whose head was deleted.
    """
    return hmac.new(vault.mac_key, digest.encode("ascii"), sha256).hexdigest()


def _same(a: object, b: object) -> bool:
    return (
        isinstance(a, str)
        and isinstance(b, str)
        and hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
    )


def _read_head(session: Session, key: str) -> dict[str, Any] | None:
    """A head kept in ``db_meta``; ``{}`` when it is there but unreadable."""
    return _decode_head(session.scalar(select(DatabaseMeta.value).where(DatabaseMeta.key == key)))


def _chain_state(session: Session) -> tuple[Any, dict[str, Any] | None, dict[str, Any] | None]:
    """The last entry (its ``id`` and ``hash``, ``None`` on an empty trail), the head and the
    seal, in one statement while the trail has entries (an append is what every edit pays)."""
    meta = DatabaseMeta.__table__

    def stored(key: str):
        return select(meta.c.value).where(meta.c.key == key).scalar_subquery()

    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash, stored(HEAD_KEY), stored(SEAL_KEY))
        .order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if last is None:
        return None, _read_head(session, HEAD_KEY), _read_head(session, SEAL_KEY)
    return last, _decode_head(last[2]), _decode_head(last[3])


def _decode_head(raw: Any) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        value = json.loads(bytes(raw).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _put_head(session: Session, key: str, value: Mapping[str, Any]) -> None:
    data = _encode_head(value)
    table = DatabaseMeta.__table__
    updated = cast(CursorResult[Any], session.execute(table.update().where(table.c.key == key).values(value=data)))
    if not updated.rowcount:
        session.execute(table.insert().values(key=key, value=data))


def _encode_head(value: Mapping[str, Any]) -> bytes:
    return json.dumps(dict(value), sort_keys=True, separators=(",", ":")).encode("ascii")


def _put_heads(session: Session, heads: Mapping[str, Mapping[str, Any]]) -> None:
    """Move the heads in ``heads`` (key → value): both in one UPDATE when both rows exist."""
    if len(heads) < 2:
        for key, value in heads.items():
            _put_head(session, key, value)
        return
    table = DatabaseMeta.__table__
    data = {key: literal(_encode_head(value), table.c.value.type) for key, value in heads.items()}
    updated = cast(CursorResult[Any], session.execute(
        table.update().where(table.c.key.in_(list(data))).values(value=case(data, value=table.c.key))))
    if updated.rowcount != len(data):  # a head not written yet: one by one, inserting what is missing
        for key, value in heads.items():
            _put_head(session, key, value)


def _points_to(head: Mapping[str, Any] | None, entry_id: int, entry_hash: str) -> bool:
    return head is not None and head.get("id") == entry_id and _same(head.get("hash"), entry_hash)


def _seal_holds(vault: Any, seal: Mapping[str, Any]) -> bool:
    try:
        entry_id, digest = seal.get("id"), seal.get("hash")
        if not isinstance(entry_id, int) or not isinstance(digest, str):
            return False
        expected = head_mac(entry_id, digest, vault.mac_key)
    except (TypeError, ValueError):
        return False
    return _same(seal.get("mac"), expected)


def _may_seal(session: Session, vault: Any, seal: Mapping[str, Any] | None, last: Any, action: AuditAction) -> bool:
    """Whether a keyed write may move the sealed head to its entry.

    Only from a state the seal vouches for: the seal is genuine, its entry is
    still there unchanged, and nothing sealed came after it. With no seal yet,
    only when the trail starts now (:data:`FIRST_ACTION`, nothing sealed
    before) or carries nothing but pre-0003 seals (an upgraded database).
    """
    if seal is not None:
        if not _seal_holds(vault, seal):
            return False
        if last is not None and _points_to(seal, last.id, last.hash):
            return True
        stored = session.scalar(select(AuditEntry.hash).where(AuditEntry.id == seal["id"]))
        if stored is None or not _same(stored, seal["hash"]):
            return False
        later_sealed = session.scalar(
            select(AuditEntry.id).where(AuditEntry.id > seal["id"], AuditEntry.mac.is_not(None)).limit(1)
        )
        return later_sealed is None
    newest = session.execute(
        select(AuditEntry.hash, AuditEntry.mac).where(AuditEntry.mac.is_not(None))
        .order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if newest is None:
        return action == FIRST_ACTION
    return _same(newest.mac, _legacy_mac(vault, newest.hash))


def _lock_chain(session: Session) -> None:
    """Serialise writers of the chain before its last entry is read: PostgreSQL's advisory
    lock; on SQLite the write lock (``BEGIN IMMEDIATE`` unless this transaction already
    writes), so two writers never chain to the same entry."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(727274)"))
    else:
        claim_writer(session)


def write(
    session: Session,
    *,
    vault: Any,
    user_id: int | None,
    username: str,
    action: AuditAction,
    entity: AuditEntity,
    entity_id: int | None = None,
    case_id: int | None = None,
    details: Mapping[str, Any] | None = None,
    reserved: Mapping[str, Any] | None = None,
    at: datetime,
) -> AuditEntry:
    """Append one entry. ``reserved`` values are stored only encrypted.

    The entry stores the codes of ``action`` and ``entity`` as plain text (and hashes
    them so): the trail stays readable, and verifiable, by a version of the
    application that does not know a code a newer one wrote.
    """
    action, entity = AuditAction(action), AuditEntity(entity)
    payload = _plain(dict(details or {}))
    if reserved:
        if vault is None:
            raise ValueError("reserved audit details need the database key")
        blob = vault.encrypt(json.dumps(_plain(dict(reserved)), ensure_ascii=False), "audit.reserved")
        payload["reservado"] = base64.b64encode(blob).decode("ascii")
    _lock_chain(session)
    last, head, seal = _chain_state(session)
    prev = last.hash if last is not None else GENESIS
    seal_it = vault is not None and _may_seal(session, vault, seal, last, action)
    entry = AuditEntry(
        at=at,
        user_id=user_id,
        username=username,
        action=action.value,
        entity=entity.value,
        entity_id=entity_id,
        case_id=case_id,
        details=json.dumps(payload, ensure_ascii=False, sort_keys=True),
        prev_hash=prev,
        origin=session.info.get(ORIGIN_INFO),  # which desktop (Database) wrote it; not hashed
    )
    entry.hash = link_hash(prev, _entry_fields(entry), None)
    entry.mac = _mac(vault, entry.hash) if vault is not None else None
    session.add(entry)
    session.flush()
    # The heads move only from a state they vouch for (see the module doc).
    moves: dict[str, dict[str, Any]] = {}
    if (head is None and last is None) or (last is not None and _points_to(head, last.id, last.hash)):
        moves[HEAD_KEY] = {"id": entry.id, "hash": entry.hash}
    if seal_it:
        moves[SEAL_KEY] = {"id": entry.id, "hash": entry.hash, "mac": head_mac(entry.id, entry.hash, vault.mac_key)}
    _put_heads(session, moves)
    return entry


def record(
    session: Session,
    ctx: ServiceContext,
    action: AuditAction,
    entity: AuditEntity,
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


def _truncated(registered: Any, last_id: int | None, checked: int) -> str:
    if last_id is None:
        ends = "la auditoría no tiene registros"
    elif isinstance(registered, int) and last_id > registered:
        ends = (f"ese registro ya no está o fue reemplazado, y la auditoría sigue hasta el {last_id} "
                "(se borró su final y se escribió después)")
    else:
        ends = f"la auditoría termina en el {last_id}"
    return (
        "La auditoría fue alterada: faltan registros al final de la auditoría: el último registrado "
        f"era el {registered} y {ends} (se revisaron {checked} registros)."
    )


def verify(session: Session, vault: Any | None) -> AuditReport:
    """Walk the whole chain, then check it still ends at its head.

    Reports the first entry that does not hold, or a missing end. Without
    ``vault`` only the SHA-256 chain and the unsealed head can be checked: the
    message says so, since whoever has the file can recompute both.
    """
    prev = GENESIS
    checked = 0
    last_id: int | None = None
    last_sealed: tuple[int, str] | None = None
    current_seals = False  # an entry sealed as since revision 0003 was seen
    seal = _read_head(session, SEAL_KEY) if vault is not None else None
    seal_entry_hash: str | None = None  # the hash of the entry the seal names, if still there
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
    for entry in rows:
        checked += 1
        bad = entry.prev_hash != prev or link_hash(prev, _entry_fields(entry), None) != entry.hash
        if not bad and vault is not None:
            if entry.mac is None:
                bad = entry.action not in UNKEYED_ACTIONS
            elif _same(entry.mac, _mac(vault, entry.hash)):
                current_seals = True
            else:
                bad = current_seals or not _same(entry.mac, _legacy_mac(vault, entry.hash))
        if bad:
            return AuditReport(
                False,
                checked,
                entry.id,
                f"La auditoría fue alterada: el registro {entry.id} no encadena con el anterior "
                f"(se revisaron {checked} registros).",
            )
        prev, last_id = entry.hash, entry.id
        if entry.mac is not None:
            last_sealed = (entry.id, entry.hash)
        if seal is not None and entry.id == seal.get("id"):
            seal_entry_hash = entry.hash
        session.expunge(entry)

    def broken(message: str) -> AuditReport:
        return AuditReport(False, checked, None, message)

    note = ""
    if vault is not None:
        if seal is None:
            if current_seals:
                return broken(
                    "La auditoría fue alterada: falta el sello del final de la auditoría; pudieron "
                    f"borrarse registros al final (se revisaron {checked} registros)."
                )
            if last_sealed is not None:
                note = (" El final aún no está sellado (base anterior a este formato): se sellará en la próxima "
                        "escritura.")
        elif not _seal_holds(vault, seal):
            return broken(
                "La auditoría fue alterada: el sello del final de la auditoría no corresponde a la llave "
                f"de esta base de datos (se revisaron {checked} registros)."
            )
        elif not _points_to(seal, seal["id"], seal_entry_hash or ""):
            return broken(_truncated(seal["id"], last_id, checked))
        elif last_sealed is None or not _points_to(seal, *last_sealed):
            return broken(
                f"La auditoría fue alterada: el sello del final señala el registro {seal['id']}, pero hay "
                f"registros sellados después (hasta el {last_sealed and last_sealed[0]}): se repuso un sello "
                f"anterior (se revisaron {checked} registros)."
            )
    head = _read_head(session, HEAD_KEY)
    if head is None and last_id is not None:
        return broken(
            "La auditoría fue alterada: falta la marca del final de la auditoría; pudieron borrarse "
            f"registros al final (se revisaron {checked} registros)."
        )
    if head is not None and (last_id is None or not _points_to(head, last_id, prev)):
        return broken(_truncated(head.get("id", "?"), last_id, checked))
    if vault is None:
        return AuditReport(
            True,
            checked,
            None,
            f"Cadena de huellas de la auditoría completa: {checked} registros verificados. Sin una cuenta "
            "solo se comprobó la cadena de huellas (SHA-256), no los sellos bajo la llave de la base de "
            "datos: quien tenga el archivo puede rehacer esa cadena.",
        )
    return AuditReport(True, checked, None, f"Auditoría íntegra: {checked} registros verificados.{note}")


@dataclass(frozen=True)
class AuditRow:
    """One entry as stored (codes, raw JSON details) and as a person reads it."""

    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    details: str
    action_label: str = ""
    subject: str = ""
    summary: str = ""


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
        entries = list(s.scalars(stmt))
        seats = _seat_names(s, entries)

        def seats_of(e: AuditEntry) -> dict[str, str]:
            return seats.get(e.entity_id, {}) if e.entity == AuditEntity.SESION and e.entity_id is not None else {}

        return [
            AuditRow(e.id, e.at, e.username, e.action, e.entity, e.entity_id, e.case_id, e.details,
                     action_label(e.action), subject_label(e.entity, e.entity_id),
                     details_text(e.action, e.details, seats_of(e)))
            for e in entries
        ]


def _seat_names(s: Session, entries: list[AuditEntry]) -> dict[int, dict[str, str]]:
    """Per session, the entity holding each seat, for the entries that name a seat
    (``puesto``): the trail stores the seat's key, a person reads who sits in it."""
    sessions = {e.entity_id for e in entries
                if e.entity == AuditEntity.SESION and e.entity_id is not None and '"puesto"' in (e.details or "")}
    names: dict[int, dict[str, str]] = {}
    if sessions:
        rows = s.execute(select(Attendance.session_id, Attendance.seat_key, Attendance.entity)
                         .where(Attendance.session_id.in_(sessions)))
        for session_id, key, entity in rows:
            names.setdefault(session_id, {})[key] = entity
    return names
