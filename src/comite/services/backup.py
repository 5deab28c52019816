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
import glob
import hashlib
import hmac
import json
import logging
import os
import sqlite3
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from comite import faults
from comite.domain import AuditAction, AuditEntity
from comite.errors import AuthenticationError, ComiteError, StorageError, ValidationError
from comite.model import KeyWrap, User
from comite.services import audit
from comite.services.accounts import database_id
from comite.services.context import ServiceContext
from comite.services.permissions import Action, require
from comite.storage import crypto, leftovers
from comite.storage.schema import current_revision

log = logging.getLogger(__name__)
MAGIC = b"COMITEBK"
DAMAGED = "La copia de seguridad está dañada o fue alterada; no se restauró nada."

# Said by create_backup, and beforehand by the main window's disabled «Copia de seguridad».
POSTGRES_REFUSAL = "Las copias de una base PostgreSQL se hacen con pg_dump en el servidor (vea el README)."


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    database_id: str
    created_at: str
    revision: str | None
    size: int


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


BACKUP_WAIT_SECONDS = 300.0
"""How long a backup waits for another writer (a long import) before it gives up."""


def create_backup(ctx: ServiceContext, destination: Path, *, wait: float = BACKUP_WAIT_SECONDS) -> BackupInfo:
    """Write an encrypted snapshot of the open SQLite database to ``destination``.

    The snapshot is taken in memory and only its ciphertext touches a disk: a backup
    killed at any moment leaves no readable copy anywhere. The backup and its audit
    entry are one unit: the transaction that records it holds SQLite's write lock
    while the snapshot is taken (so the snapshot is exactly the database the entry
    describes, and a concurrent import either finished before or waits), the file is
    moved into place inside it, and if the entry cannot be committed the file is
    removed and the error says no backup was made.

    Raises:
        ValidationError: ``destination`` is the database, one of its files, or another
            existing file that is not a comite backup (it is never overwritten).
        StorageError: a PostgreSQL database, or the database stayed busy for ``wait``
            seconds (nothing written).
    """
    require(ctx, Action.BACKUP)
    db = ctx.db
    vault = db.vault
    if vault is None:
        raise AuthenticationError("Inicie sesión para hacer una copia de seguridad.")
    if db.sqlite_path is None:
        raise StorageError(POSTGRES_REFUSAL)
    destination = Path(destination)
    check_destination(db.sqlite_path, destination)
    db_id = database_id(db)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f"{destination.name}.parcial-{os.getpid()}")
    _remove_partials(destination)
    placed = False
    try:
        with ctx.transaction(wait=wait) as s:
            wraps = [
                {"user": (s.get_one(User, w.user_id).username if w.user_id else None), "purpose": w.purpose,
                 "salt": _b64(w.salt), "kdf": w.kdf_params, "wrapped": _b64(w.wrapped_key)}
                for w in s.scalars(select(KeyWrap))
            ]
            plain = _snapshot(db.sqlite_path)
            faults.point("backup:snapshot")
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
            with open(partial, "wb") as fh:
                fh.write(framed)
                fh.write(body)
                fh.write(mac)
                fh.flush()
                os.fsync(fh.fileno())
            faults.point("backup:written")
            audit.record(s, ctx, AuditAction.COPIA_SEGURIDAD, AuditEntity.BASE,
                         details={"archivo": destination.name, "bytes": header["size"]})
            s.flush()
            os.replace(partial, destination)
            placed = True
            faults.point("backup:placed")
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if placed:
            destination.unlink(missing_ok=True)
        if isinstance(exc, ComiteError):
            raise type(exc)(f"No se hizo la copia de seguridad: {exc}") from exc
        raise
    return BackupInfo(destination, db_id, header["created_at"], header["revision"], header["size"])


def _snapshot(path: Path) -> bytes:
    """The database's committed state as one SQLite file image, built in memory."""
    src = sqlite3.connect(str(path), timeout=BACKUP_WAIT_SECONDS)
    mem = sqlite3.connect(":memory:")
    try:
        src.backup(mem)
        return mem.serialize()
    finally:
        mem.close()
        src.close()


_DB_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def check_destination(database: Path, destination: Path) -> None:
    """Refuse a backup destination that is the database or one of its files (through any
    link or letter case), or any existing file that is not a comite backup."""
    dest = Path(os.path.realpath(destination))
    own = Path(os.path.realpath(database))
    key = os.path.normcase(str(dest)).casefold()
    for suffix in _DB_SIDE_FILES:
        side = Path(str(own) + suffix)
        same = key == os.path.normcase(str(side)).casefold()
        if not same and dest.exists() and side.exists():
            same = os.path.samefile(dest, side)
        if same:
            raise ValidationError(
                f"La copia no puede escribirse sobre la base de datos ni sus archivos ({destination.name}): "
                "eso la destruiría. Elija otro archivo o una carpeta; no se escribió nada."
            )
    if dest.is_dir():
        raise ValidationError(f"«{destination}» es una carpeta: indique un archivo, o use la carpeta como destino.")
    if dest.exists():
        try:
            with open(dest, "rb") as fh:
                start = fh.read(len(MAGIC))
        except OSError as exc:
            raise ValidationError(f"No se puede escribir la copia en «{destination}»: {exc.strerror or exc}.") from exc
        if start != MAGIC and dest.stat().st_size > 0:
            raise ValidationError(
                f"«{destination.name}» ya existe y no es una copia de seguridad de comite: no se sobrescribe. "
                "Elija otro nombre; no se escribió nada."
            )


def _remove_partials(destination: Path) -> None:
    """Partial files of earlier backups to the same file that were killed while writing
    (only ciphertext, but useless)."""
    for leftover in destination.parent.glob(glob.escape(destination.name) + ".parcial-*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not leftovers.is_running(int(pid)):
            leftover.unlink(missing_ok=True)
            log.warning("Se borró una copia de seguridad interrumpida (solo texto cifrado): %s", leftover.name)


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
    _header, framed, body, mac = read_backup(path)
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


def read_backup(path: Path) -> tuple[dict, bytes, bytes, bytes]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"No se pudo leer la copia de seguridad: {exc.strerror or exc}.") from exc
    if len(raw) < len(MAGIC) + 4 + 32 or not raw.startswith(MAGIC):
        raise ValidationError("El archivo no es una copia de seguridad de comite; no se restauró nada.")
    (hlen,) = struct.unpack(">I", raw[len(MAGIC):len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if start + hlen + 32 > len(raw):
        raise ValidationError(DAMAGED)
    head = raw[start:start + hlen]
    try:
        header = json.loads(head)
    except ValueError as exc:
        raise ValidationError(DAMAGED) from exc
    framed = raw[:start + hlen]
    return header, framed, raw[start + hlen:-32], raw[-32:]


def unwrap_backup_key(header: dict, *, username: str | None, password: str | None,
                      recovery_key: str | None) -> crypto.Vault:
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
            raise ValidationError(DAMAGED) from exc
    raise AuthenticationError("La contraseña, el usuario o la llave de recuperación no abren esta copia de seguridad.")


def inspect_backup(path: Path) -> dict:
    """The backup's header (no secrets beyond the password-protected wraps)."""
    header, *_ = read_backup(path)
    return {k: v for k, v in header.items() if k != "wraps"}
