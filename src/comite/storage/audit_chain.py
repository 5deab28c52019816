"""Hash chain of the append-only audit trail (pure logic: no database).

Each entry's hash covers the previous entry's hash and the entry's canonical
JSON, so editing, deleting or reordering any entry breaks every link after
it. With a ``key`` (the vault's :attr:`~comite.storage.crypto.Vault.mac_key`)
the link is an HMAC, so whoever copies or edits the database without the key
cannot recompute the chain to hide a change. When entries must be written
while the database is locked, chain them without a key and seal each hash
later with :func:`hash_mac`; :func:`verify_macs` checks those seals.

Truncating the *end* of the trail is invisible to the chain alone: keep the
last id and hash somewhere the attacker cannot rewrite, sealed with
:func:`head_mac`, and check the trail still ends there (``head`` of
:func:`verify_chain`; :mod:`comite.services.audit` keeps it in ``db_meta``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

__all__ = [
    "GENESIS",
    "VerifyResult",
    "canonical",
    "hash_mac",
    "head_mac",
    "link_hash",
    "verify_chain",
    "verify_macs",
]

GENESIS = "0" * 64
_HEX64 = re.compile(r"[0-9a-f]{64}")
_DOMAIN = b"comite-audit-v1\x00"


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            # A naive time would read back from the database as UTC and no
            # longer hash the same: refuse it where the mistake is made.
            raise ValueError("naive datetime in an audit entry")
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot put {type(value).__name__} in an audit entry")


def canonical(entry: Mapping[str, Any]) -> bytes:
    """The one byte string an entry hashes to: sorted-key compact JSON in UTF-8.

    Aware datetimes are written in UTC ISO 8601 (naive ones are refused), dates
    and times in ISO 8601, enums by value, UUIDs and decimals as strings.
    """
    return json.dumps(
        dict(entry),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=_json_default,
    ).encode("utf-8")


def _check_hash(value: str, what: str) -> None:
    if not isinstance(value, str) or not _HEX64.fullmatch(value):
        raise ValueError(f"{what} must be 64 lower-case hex characters")


def link_hash(prev_hash: str, entry: Mapping[str, Any], key: bytes | None = None) -> str:
    """Hex hash of ``entry`` chained to ``prev_hash`` (SHA-256, or HMAC-SHA256 with ``key``)."""
    _check_hash(prev_hash, "prev_hash")
    message = _DOMAIN + prev_hash.encode("ascii") + b"\x00" + canonical(entry)
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(bytes(key), message, hashlib.sha256).hexdigest()


def hash_mac(entry_hash: str, key: bytes) -> str:
    """Hex HMAC-SHA256 seal of an (unkeyed) entry hash under ``key``."""
    _check_hash(entry_hash, "entry_hash")
    return hmac.new(
        bytes(key), _DOMAIN + b"seal\x00" + entry_hash.encode("ascii"), hashlib.sha256
    ).hexdigest()


def head_mac(entry_id: int, entry_hash: str, key: bytes) -> str:
    """Hex HMAC-SHA256 seal of the trail's head: its last entry's id and hash.

    Domain-separated from :func:`hash_mac` and from entry links, so no entry
    seal can be passed off as a head seal or the other way round.
    """
    _check_hash(entry_hash, "entry_hash")
    if isinstance(entry_id, bool) or not isinstance(entry_id, int) or entry_id < 1:
        raise ValueError("entry_id must be a positive integer")
    return hmac.new(
        bytes(key),
        _DOMAIN + b"head\x00" + str(entry_id).encode("ascii") + b"\x00" + entry_hash.encode("ascii"),
        hashlib.sha256,
    ).hexdigest()


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """Outcome of a verification; ``message`` is a Spanish sentence to show as is."""

    ok: bool
    checked: int
    first_broken_id: int | None
    message: str
    unsealed: int = 0


def _same(a: object, b: object) -> bool:
    """Constant-time equality of two texts (any characters)."""
    return (
        isinstance(a, str)
        and isinstance(b, str)
        and hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
    )


def _broken(checked: int, entry_id: int | None, message: str) -> VerifyResult:
    return VerifyResult(ok=False, checked=checked, first_broken_id=entry_id, message=message)


def verify_chain(
    entries: Iterable[tuple[int, Mapping[str, Any], str]],
    key: bytes | None = None,
    *,
    start: str = GENESIS,
    head: str | None = None,
) -> VerifyResult:
    """Walk the chain and report the first broken link.

    ``entries`` are ``(id, fields without the hash, stored hash)`` in id order.
    If the fields carry ``prev_hash`` it must equal the previous stored hash (a
    deleted or moved entry is reported as such); either way the stored hash must
    equal :func:`link_hash` of the previous one and the fields. ``start`` lets a
    verification begin after an archived prefix; ``head``, when given, is the
    hash the last entry must have (detects a truncated end).

    ``checked`` counts the entries found intact before the first broken one.
    """
    _check_hash(start, "start")
    prev = start
    prev_id: int | None = None
    checked = 0
    for entry_id, fields, stored in entries:
        if prev_id is not None and entry_id <= prev_id:
            return _broken(
                checked,
                entry_id,
                f"La bitácora de auditoría fue alterada: el registro {entry_id} "
                f"está fuera de orden (aparece después del registro {prev_id}).",
            )
        claimed_prev = fields.get("prev_hash")
        if claimed_prev is not None and not _same(claimed_prev, prev):
            return _broken(
                checked,
                entry_id,
                f"La bitácora de auditoría fue alterada: el registro {entry_id} no enlaza "
                "con el registro anterior (se borró o se movió un registro antes de él).",
            )
        try:
            expected = link_hash(prev, fields, key)
        except (TypeError, ValueError):
            expected = None
        if expected is None or not _same(expected, stored):
            return _broken(
                checked,
                entry_id,
                f"La bitácora de auditoría fue alterada: el contenido del registro {entry_id} "
                "no coincide con su huella (se modificó, o se borró o movió un registro antes de él).",
            )
        prev, prev_id = stored, entry_id
        checked += 1
    if head is not None and not _same(head, prev):
        return _broken(
            checked,
            None,
            "La bitácora de auditoría fue alterada: faltan registros al final "
            f"(el último registro verificado no es el último que se escribió; {checked} registros íntegros).",
        )
    if checked == 0:
        return VerifyResult(True, 0, None, "La bitácora de auditoría está vacía.")
    noun = "registro" if checked == 1 else "registros"
    return VerifyResult(
        True,
        checked,
        None,
        f"La bitácora de auditoría está íntegra: se verificaron {checked} {noun}.",
    )


def verify_macs(entries: Iterable[tuple[int, str, str | None]], key: bytes) -> VerifyResult:
    """Check the seals (:func:`hash_mac`) of ``(id, hash, mac)`` triples.

    A ``None`` mac is an entry not sealed yet (written while the database was
    locked): it is counted in ``unsealed``, not treated as broken. Deciding
    whether unsealed entries are acceptable (e.g. only after the last seal) is
    the caller's policy.
    """
    checked = unsealed = 0
    for entry_id, entry_hash, mac in entries:
        if mac is None:
            unsealed += 1
            continue
        try:
            expected = hash_mac(entry_hash, key)
        except (TypeError, ValueError):
            expected = None
        if expected is None or not _same(expected, mac):
            return VerifyResult(
                False,
                checked,
                entry_id,
                f"La bitácora de auditoría fue alterada: el sello del registro {entry_id} "
                "no corresponde a la llave de esta base de datos.",
                unsealed,
            )
        checked += 1
    if unsealed:
        message = (
            f"Los sellos de la bitácora de auditoría son válidos ({checked} sellados; "
            f"{unsealed} aún sin sellar)."
        )
    else:
        message = f"Los sellos de la bitácora de auditoría son válidos ({checked} sellados)."
    return VerifyResult(True, checked, None, message, unsealed)
