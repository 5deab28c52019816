"""Encrypted, verifiable backups of an SQLite database, taken while in use.

File layout::

    b"COMITEBK" | u32 header length | header (JSON, UTF-8) | body | HMAC-SHA256

The body is the SQLite online-backup snapshot encrypted with the database's
data key. The header carries the key wraps (each user's, and the recovery
one), which are already protected by passwords, so a backup can be restored on
a new machine with an account's password or the recovery key, and is useless
without them. The trailing MAC (under the data key) covers header and body: a
damaged or altered file is refused before anything is replaced.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import sqlite3
import struct
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from comite.domain import AuditAction, AuditEntity
from comite.errors import AuthenticationError, StorageError, ValidationError
from comite.model import DatabaseMeta, KeyWrap, User
from comite.services import audit
from comite.services.accounts import KEY_CHECK, database_id
from comite.services.context import ServiceContext
from comite.services.permissions import Action, require
from comite.storage import crypto
from comite.storage.schema import backup_sqlite_file, copy_sqlite, current_revision

MAGIC = b"COMITEBK"
_DAMAGED = "La copia de seguridad está dañada o fue alterada; no se restauró nada."


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    database_id: str
    created_at: str
    revision: str | None
    size: int


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def create_backup(ctx: ServiceContext, destination: Path) -> BackupInfo:
    """Write an encrypted snapshot of the open SQLite database to ``destination``."""
    require(ctx, Action.BACKUP)
    db = ctx.db
    vault = db.vault
    if vault is None:
        raise AuthenticationError("Inicie sesión para hacer una copia de seguridad.")
    if db.sqlite_path is None:
        raise StorageError(
            "Las copias de una base PostgreSQL se hacen con pg_dump en el servidor (vea el README)."
        )
    with db.Session() as s:
        wraps = [
            {"user": (s.get_one(User, w.user_id).username if w.user_id else None), "purpose": w.purpose,
             "salt": _b64(w.salt), "kdf": w.kdf_params, "wrapped": _b64(w.wrapped_key)}
            for w in s.scalars(select(KeyWrap))
        ]
    db_id = database_id(db)
    with tempfile.TemporaryDirectory(prefix="comite-bk-") as tmp:
        snap = backup_sqlite_file(db.sqlite_path, Path(tmp) / "snap.sqlite3")
        plain = snap.read_bytes()
    header: dict[str, Any] = {
        "format": 1,
        "database_id": db_id,
        "created_at": ctx.now().isoformat(),
        "revision": current_revision(db),
        "size": len(plain),
        "sha256": hashlib.sha256(plain).hexdigest(),
        "wraps": wraps,
    }
    head = json.dumps(header, sort_keys=True).encode("utf-8")
    body = vault.encrypt_bytes(plain, f"backup:{db_id}")
    del plain
    framed = MAGIC + struct.pack(">I", len(head)) + head
    mac = hmac.new(vault.mac_key, framed + body, hashlib.sha256).digest()
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = destination.with_name(destination.name + ".parcial")
    with open(tmp_out, "wb") as fh:
        fh.write(framed)
        fh.write(body)
        fh.write(mac)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp_out, destination)
    with ctx.transaction() as s:
        audit.record(s, ctx, AuditAction.COPIA_SEGURIDAD, AuditEntity.BASE,
                     details={"archivo": destination.name, "bytes": header["size"]})
    return BackupInfo(destination, db_id, header["created_at"], header["revision"], header["size"])


BACKUP_SUFFIX = ".comite-backup"
_FOLDER_PREFIX = "comite-"
_STAMP = "%Y%m%d-%H%M%S"


def backup_into_folder(ctx: ServiceContext, folder: Path, *, keep: int | None = None) -> tuple[BackupInfo, list[Path]]:
    """A backup named by its date and time (``comite-AAAAMMDD-HHMMSS.comite-backup``) in
    ``folder``, for scheduled runs. With ``keep``, only that many of the newest such
    files stay; older ones are deleted, but only after the new one was written and
    verified readable, and never files with other names. Returns the backup and what
    was deleted."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(f"La carpeta de copias «{folder}» no existe o no es una carpeta.")
    check_keep(keep)
    when = ctx.now().astimezone().strftime(_STAMP)
    target = folder / f"{_FOLDER_PREFIX}{when}{BACKUP_SUFFIX}"
    n = 1
    while target.exists():  # two runs within the same second
        n += 1
        target = folder / f"{_FOLDER_PREFIX}{when}-{n}{BACKUP_SUFFIX}"
    info = create_backup(ctx, target)
    removed: list[Path] = []
    if keep is not None:
        _check_written(info.path, ctx.db.vault)  # the new copy reads back whole before any older one goes
        dated = {p: _dated_order(p.name) for p in folder.glob(f"{_FOLDER_PREFIX}*{BACKUP_SUFFIX}")}
        ours = sorted((p for p, order in dated.items() if order is not None), key=lambda p: dated[p] or ("", 0),
                      reverse=True)
        for old in ours[keep:]:
            try:
                old.unlink()
                removed.append(old)
            except OSError as exc:
                raise StorageError(f"La copia nueva quedó en {info.path}, pero no se pudo borrar la antigua "
                                   f"{old.name}: {exc.strerror or exc}.") from exc
    return info, removed


def check_keep(keep: int | None) -> None:
    if keep is not None and keep < 1:
        raise ValidationError("«--keep» debe ser al menos 1: siempre se conserva la copia recién hecha.")


def _check_written(path: Path, vault: crypto.Vault) -> None:
    _header, framed, body, mac = _read(path)
    if not hmac.compare_digest(mac, hmac.new(vault.mac_key, framed + body, hashlib.sha256).digest()):
        raise StorageError(f"La copia recién escrita en {path} no se lee igual (¿disco o carpeta de red con "
                           "fallas?); no se borró ninguna copia anterior.")


def _dated_order(name: str) -> tuple[str, int] | None:
    """(date-time, same-second number) of a file :func:`backup_into_folder` names, else ``None``."""
    stem = name[len(_FOLDER_PREFIX):-len(BACKUP_SUFFIX)]
    stamp, rest = stem[:15], stem[15:]
    try:
        datetime.strptime(stamp, _STAMP)
    except ValueError:
        return None
    if rest == "":
        return stamp, 1
    if rest.startswith("-") and rest[1:].isdigit():
        return stamp, int(rest[1:])
    return None


def _read(path: Path) -> tuple[dict, bytes, bytes, bytes]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"No se pudo leer la copia de seguridad: {exc.strerror or exc}.") from exc
    if len(raw) < len(MAGIC) + 4 + 32 or not raw.startswith(MAGIC):
        raise ValidationError("El archivo no es una copia de seguridad de comite; no se restauró nada.")
    (hlen,) = struct.unpack(">I", raw[len(MAGIC):len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if start + hlen + 32 > len(raw):
        raise ValidationError(_DAMAGED)
    head = raw[start:start + hlen]
    try:
        header = json.loads(head)
    except ValueError as exc:
        raise ValidationError(_DAMAGED) from exc
    framed = raw[:start + hlen]
    return header, framed, raw[start + hlen:-32], raw[-32:]


def _unwrap(header: dict, *, username: str | None, password: str | None, recovery_key: str | None) -> crypto.Vault:
    for wrap in header.get("wraps", []):
        try:
            salt = base64.b64decode(wrap["salt"])
            wrapped = base64.b64decode(wrap["wrapped"])
            if recovery_key and wrap["purpose"] == "recovery":
                return crypto.Vault(crypto.unwrap_key(wrapped, crypto.recovery_kek(recovery_key, salt)))
            if password and username and wrap["purpose"] == "user" and wrap["user"] == username:
                kek = crypto.derive_kek(password, salt, crypto.KdfParams.from_json(wrap["kdf"]))
                return crypto.Vault(crypto.unwrap_key(wrapped, kek))
        except (KeyError, ValueError) as exc:
            raise ValidationError(_DAMAGED) from exc
    raise AuthenticationError("La contraseña, el usuario o la llave de recuperación no abren esta copia de seguridad.")


def inspect_backup(path: Path) -> dict:
    """The backup's header (no secrets beyond the password-protected wraps)."""
    header, *_ = _read(path)
    return {k: v for k, v in header.items() if k != "wraps"}


def restore_backup(
    backup: Path,
    target: Path,
    *,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
) -> BackupInfo:
    """Verify ``backup`` completely, then replace the SQLite file ``target``.

    The current database is moved aside (``*.antes-de-restaurar``) only after
    the backup has been decrypted, checked against its hash and passed
    SQLite's integrity check. Any failure leaves ``target`` untouched.
    The caller must have closed every connection to ``target``.
    """
    header, framed, body, mac = _read(backup)
    vault = _unwrap(header, username=username, password=password, recovery_key=recovery_key)
    if not hmac.compare_digest(mac, hmac.new(vault.mac_key, framed + body, hashlib.sha256).digest()):
        raise ValidationError(_DAMAGED)
    try:
        plain = vault.decrypt_bytes(body, f"backup:{header['database_id']}")
    except Exception as exc:  # noqa: BLE001 - any decryption failure means a damaged file
        raise ValidationError(_DAMAGED) from exc
    if hashlib.sha256(plain).hexdigest() != header.get("sha256"):
        raise ValidationError(_DAMAGED)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".restaurando")
    staging.write_bytes(plain)
    try:
        _check_restored(staging, vault, header["database_id"])
    except Exception:
        staging.unlink(missing_ok=True)
        raise
    if target.exists():
        try:
            _set_current_aside(target, target.with_name(target.name + ".antes-de-restaurar"))
        except Exception:
            staging.unlink(missing_ok=True)
            raise
    os.replace(staging, target)
    return BackupInfo(target, header["database_id"], header["created_at"], header.get("revision"), header["size"])


def _set_current_aside(target: Path, aside: Path) -> None:
    """Copy the database being replaced, whole (what is still in its WAL included), to
    ``aside``, refusing while anyone has it open: a running comite would keep writing
    into a file about to be replaced, and what it wrote would be lost."""
    conn = sqlite3.connect(str(target), timeout=0, isolation_level=None)
    try:
        try:
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")  # the lock stays with the connection (exclusive locking mode)
        except sqlite3.OperationalError as exc:
            raise ValidationError(
                f"La base {target.name} está abierta (comite en este u otro equipo, u otro programa): "
                "ciérrela en todos los equipos y vuelva a intentar. No se modificó nada."
            ) from exc
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything committed is now in the main file
        copy_sqlite(conn, aside)  # under this connection's exclusive lock
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)


def _check_restored(path: Path, vault: crypto.Vault, expected_id: str) -> None:
    conn = sqlite3.connect(str(path))
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise ValidationError(_DAMAGED)
        rows = dict(conn.execute(f"SELECT key, value FROM {DatabaseMeta.__tablename__}").fetchall())
    except sqlite3.DatabaseError as exc:
        raise ValidationError(_DAMAGED) from exc
    finally:
        conn.close()
    if rows.get("database_id", b"").decode("ascii", "replace") != expected_id:
        raise ValidationError(_DAMAGED)
    try:
        ok = vault.decrypt(rows["key_check"], "meta.key_check") == KEY_CHECK
    except Exception as exc:  # noqa: BLE001
        raise ValidationError(_DAMAGED) from exc
    if not ok:
        raise ValidationError(_DAMAGED)
