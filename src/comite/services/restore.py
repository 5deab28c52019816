"""Restoring an encrypted backup (:mod:`comite.services.backup`) as a SQLite database.

Restoring replaces the database: it is an administrator's act, and it is audited,
refusals included.

1. :func:`plan_restore` reads the backup's header and looks at the target (no
   secrets needed): nothing there yet, a comite database (its identity), or
   something else, which is refused. A backup whose identity differs from the
   database it would replace is reported (:attr:`RestorePlan.other_database`), so
   the caller can ask before going on.
2. :func:`restore_backup` proves authority over the database being replaced (an
   administrator's login there, or its recovery key) and over the backup (an
   administrator in it, or its recovery key), verifies the backup whole (seal,
   decryption, hash, SQLite integrity, identity, key check), keeps the database
   being replaced as a dated copy that never overwrites an earlier one, and moves
   the restored file into place in one rename. Nothing is replaced unless every
   check passed.

Audit: a refusal once the current database is unlocked is recorded there
(``restauracion_rechazada``; a wrong password is recorded by the login itself);
the kept copy ends with ``base_reemplazada`` and the restored database with
``base_restaurada``, both naming the backup file and who restored it.

The plain restored database is written only in the target's own folder, under a
staging name (:mod:`comite.storage.leftovers`) removed at the next start if the
process is killed before the final rename.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

from sqlalchemy import select

from comite import faults
from comite.domain import AuditAction, AuditEntity, Role
from comite.errors import AuthenticationError, ComiteError, PermissionDenied, ValidationError
from comite.model import DatabaseMeta, User
from comite.model.base import utcnow
from comite.services import accounts, audit
from comite.services.backup import DAMAGED, read_backup, unwrap_backup_key
from comite.services.context import Actor, ServiceContext
from comite.services.permissions import Action, require
from comite.storage import crypto, leftovers
from comite.storage.database import Database
from comite.storage.schema import copy_sqlite

RECOVERY_ACTOR = "llave de recuperación"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_KEPT_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class RestorePlan:
    backup: Path
    target: Path
    backup_id: str
    created_at: str
    current_exists: bool
    """There is a database at ``target`` (it will be kept as a dated copy)."""
    current_id: str | None
    """Its identity; ``None`` when there is none, or it has no accounts yet."""

    @property
    def other_database(self) -> bool:
        return self.current_id is not None and self.current_id != self.backup_id

    def warning(self) -> str:
        """What to tell before going on ("" when there is nothing unusual)."""
        if not self.other_database:
            return ""
        return (f"ATENCIÓN: la copia {self.backup.name} es de OTRA base de datos (identificador "
                f"{self.backup_id[:8]}…, copia del {_shown_date(self.created_at)}), no de la que está en "
                f"{self.target} (identificador {(self.current_id or '')[:8]}…). Si continúa, esa base se "
                "reemplaza por la de la copia (se conserva al lado con la fecha de hoy).")

    def question(self) -> str:
        kept = " (se conserva al lado una copia fechada)" if self.current_exists else ""
        return f"Se reemplazará {self.target}{kept} por la copia del {_shown_date(self.created_at)}. ¿Continuar? [s/N] "


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    kept: Path | None
    """Where the replaced database was kept (``None``: there was none)."""
    created_at: str
    database_id: str
    note: str = ""
    """Something the person must know although the restore succeeded."""


def _shown_date(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso[:19]


def plan_restore(backup: Path, target: Path) -> RestorePlan:
    """What restoring ``backup`` at ``target`` would do, or why it cannot (nothing is changed).

    Raises:
        ValidationError: ``backup`` is not a comite backup; ``target`` is the backup
            itself, a folder, not a SQLite file, not a comite database, or damaged.
    """
    backup, target = Path(backup), Path(target)
    header, *_ = read_backup(backup)
    if target.exists() and backup.exists() and os.path.samefile(backup, target):
        raise ValidationError("La base de destino (--db) es el mismo archivo de la copia; no se modificó nada.")
    if target.is_dir():
        raise ValidationError(f"«{target}» es una carpeta: indique con --db el archivo de la base de datos.")
    exists = target.exists() and target.stat().st_size > 0
    current_id = _identity(target) if exists else None
    return RestorePlan(backup, target, str(header.get("database_id", "")), str(header.get("created_at", "")),
                       exists, current_id)


def _identity(target: Path) -> str | None:
    """The comite database identity of the SQLite file ``target``; refuses anything else."""
    unusable = (f"«{target.name}» no es una base de datos de comite{{why}}; no se modificó nada. Indique con --db "
                "la base que quiere reemplazar, o una ruta nueva para restaurar la copia allí.")
    try:
        with open(target, "rb") as fh:
            start = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise ValidationError(f"No se pudo leer «{target}»: {exc.strerror or exc}; no se modificó nada.") from exc
    if start != _SQLITE_MAGIC:
        raise ValidationError(unusable.format(why=" (no es un archivo SQLite)"))
    try:
        conn = sqlite3.connect(f"file:{quote(str(target))}?mode=ro", uri=True, timeout=15)
    except sqlite3.Error as exc:
        raise ValidationError(unusable.format(why=" (no se pudo abrir)")) from exc
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if DatabaseMeta.__tablename__ not in tables or "alembic_version" not in tables:
            raise ValidationError(unusable.format(why=" (es una base SQLite de otro programa)"))
        row = conn.execute(f"SELECT value FROM {DatabaseMeta.__tablename__} WHERE key = 'database_id'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ValidationError(
            f"La base «{target.name}» está dañada y no se puede leer; no se modificó nada. Muévala a otra carpeta "
            "(consérvela) y restaure la copia en su lugar."
        ) from exc
    finally:
        conn.close()
    return None if row is None else bytes(row[0]).decode("ascii", "replace")


def restore_backup(
    plan: RestorePlan,
    *,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    accept_other_database: bool = False,
    now: datetime | None = None,
) -> RestoreResult:
    """Restore ``plan.backup`` at ``plan.target``; see the module doc.

    ``username``/``password`` are an administrator's, in the current database and in
    the backup; ``recovery_key`` is the recovery key of the backup (and, if it opens
    it, of the current database too).

    Raises:
        AuthenticationError, PermissionDenied: not an administrator of both (audited).
        ValidationError: the backup is damaged or altered, is of another database and
            that was not accepted, or the current database is open elsewhere (audited).
    """
    now = now or utcnow()
    if plan.other_database and not accept_other_database:
        raise ValidationError(plan.warning() + " Confirme para continuar; no se modificó nada.")
    current = _authorise_current(plan, username, password, recovery_key, now) if plan.current_id else None
    staging = leftovers.staging_path(plan.target, leftovers.RESTORING)
    try:
        vault, header = _open_backup(plan, current, username, password, recovery_key)
        _stage(plan, current, staging, vault, header, None if recovery_key else username)
        kept = None
        if current is not None:
            current.db.engine.dispose()  # our own connections would count as the database being open
        if plan.current_exists:
            kept = _keep_current(plan, current, header, now)
            faults.point("restore:kept")
        if current is not None:
            current.db.dispose()
        os.replace(staging, plan.target)
        faults.point("restore:replaced")
    finally:
        leftovers.remove_sqlite_file(staging)
        if current is not None:
            current.db.dispose()
    if current is not None:
        who = current.actor.username
    else:  # the backup opened with the recovery key, or with this account's password
        who = RECOVERY_ACTOR if recovery_key or username is None else username
    note = _audit_restored(plan, vault, who, kept, now)
    return RestoreResult(plan.target, kept, header["created_at"], header["database_id"], note)


def _authorise_current(plan: RestorePlan, username: str | None, password: str | None,
                       recovery_key: str | None, now: datetime) -> ServiceContext:
    """An administrator's unlocked context on the database that would be replaced."""
    db = Database(plan.target)
    try:
        if recovery_key:
            try:
                accounts.unlock_with_recovery(db, recovery_key)
                return ServiceContext(db, Actor(None, RECOVERY_ACTOR, Role.SISTEMA), now=lambda: now)
            except AuthenticationError:
                if not (username and password):
                    _failed_login(db, "restauración: la llave de recuperación no abre la base actual", now)
                    raise AuthenticationError(
                        f"La llave de recuperación no abre la base que se reemplazaría ({plan.target.name}): es la de "
                        "otra base. Indique también --user con un administrador de la base actual. No se modificó nada."
                    ) from None
        if not username or password is None:
            raise ValidationError("Indique --user USUARIO (un administrador de la base actual) o --recovery.")
        login = accounts.login(db, username, password, now=now)  # a wrong password is audited there
        ctx = ServiceContext(db, login.actor, now=lambda: now)
        try:
            require(ctx, Action.RESTORE)
        except PermissionDenied as exc:
            _refused(ctx, plan, "no es administrador")
            raise PermissionDenied(f"{exc} No se modificó nada.") from exc
        return ctx
    except BaseException:
        db.dispose()
        raise


def _failed_login(db: Database, reason: str, now: datetime) -> None:
    with db.Session() as s, s.begin():
        audit.write(s, vault=None, user_id=None, username=RECOVERY_ACTOR, action=AuditAction.LOGIN_FALLIDO,
                    entity=AuditEntity.BASE, details={"motivo": reason}, at=now)


def _refused(ctx: ServiceContext | None, plan: RestorePlan, reason: str) -> None:
    if ctx is None:
        return
    with ctx.transaction() as s:
        audit.record(s, ctx, AuditAction.RESTAURACION_RECHAZADA, AuditEntity.BASE,
                     details={"archivo": plan.backup.name, "motivo": reason, "copia_de": plan.backup_id})


def _refuse(ctx: ServiceContext | None, plan: RestorePlan, reason: str, error: ComiteError) -> NoReturn:
    _refused(ctx, plan, reason)
    raise error


def _open_backup(plan: RestorePlan, current: ServiceContext | None, username: str | None,
                 password: str | None, recovery_key: str | None) -> tuple[crypto.Vault, dict]:
    """The backup's key and header, the whole file verified against its seal and hash."""
    header, framed, body, mac = read_backup(plan.backup)
    if str(header.get("database_id")) != plan.backup_id:
        _refuse(current, plan, "la copia cambió durante la restauración", ValidationError(DAMAGED))
    try:
        vault = unwrap_backup_key(header, username=username, password=password, recovery_key=recovery_key)
    except ComiteError as exc:
        _refuse(current, plan, "la contraseña o la llave no abren la copia", exc)
    if not hmac.compare_digest(mac, hmac.new(vault.mac_key, framed + body, hashlib.sha256).digest()):
        _refuse(current, plan, "copia dañada o alterada", ValidationError(DAMAGED))
    return vault, header


def _stage(plan: RestorePlan, current: ServiceContext | None, staging: Path, vault: crypto.Vault,
           header: dict, username: str | None) -> None:
    """Write the decrypted database beside the target and check it whole."""
    try:
        plain = vault.decrypt_bytes(read_backup(plan.backup)[2], f"backup:{header['database_id']}")
    except Exception:  # noqa: BLE001 - any decryption failure means a damaged file
        _refuse(current, plan, "copia dañada o alterada", ValidationError(DAMAGED))
    if hashlib.sha256(plain).hexdigest() != header.get("sha256"):
        _refuse(current, plan, "copia dañada o alterada", ValidationError(DAMAGED))
    plan.target.parent.mkdir(parents=True, exist_ok=True)
    with open(staging, "wb") as fh:
        fh.write(plain)
        fh.flush()
        os.fsync(fh.fileno())
    del plain
    faults.point("restore:staged")
    try:
        _check_restored(staging, vault, header["database_id"])
    except ComiteError as exc:
        _refuse(current, plan, "copia dañada o alterada", exc)
    if username is not None and not _administrator_in(staging, username):
        _refuse(current, plan, "no es administrador en la copia", PermissionDenied(
            f"En la copia, «{username}» no es un administrador activo: solo un administrador (o la llave de "
            "recuperación) restaura una copia de seguridad. No se modificó nada."))


def _administrator_in(path: Path, username: str) -> bool:
    conn = sqlite3.connect(str(path))
    try:
        row = conn.execute("SELECT role, active FROM app_user WHERE username = ?", (username,)).fetchone()
    finally:
        conn.close()
    return row is not None and row[0] == Role.ADMINISTRADOR.value and bool(row[1])


def _keep_current(plan: RestorePlan, current: ServiceContext | None, header: dict, now: datetime) -> Path:
    """Copy the database being replaced, whole, to a dated name no earlier copy has, and
    record there that it was replaced. Refuses while anyone has it open."""
    target = plan.target
    kept = _kept_name(target, now)
    staging = leftovers.staging_path(target, leftovers.ASIDE)
    try:
        conn = sqlite3.connect(str(target), timeout=0, isolation_level=None)
        try:
            try:
                conn.execute("PRAGMA locking_mode=EXCLUSIVE")
                conn.execute("BEGIN EXCLUSIVE")
                conn.execute("COMMIT")  # the lock stays with the connection (exclusive locking mode)
                in_use = False
            except sqlite3.OperationalError:
                in_use = True
            if not in_use:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything committed is now in the main file
                copy_sqlite(conn, staging)  # under this connection's exclusive lock
        finally:
            conn.close()
        if in_use:
            _refuse(current, plan, "la base está abierta", ValidationError(
                f"La base {target.name} está abierta (comite en este u otro equipo, u otro programa): "
                "ciérrela en todos los equipos y vuelva a intentar. No se modificó nada."))
        if current is not None:
            _record_replaced(staging, current, plan, header, now)
        while kept.exists():  # never over an earlier copy
            kept = _kept_name(target, now, len(kept.name))
        os.replace(staging, kept)
    finally:
        leftovers.remove_sqlite_file(staging)
    return kept


def _kept_name(target: Path, now: datetime, salt: int = 0) -> Path:
    stem = f"{target.stem}.antes-de-restaurar-{now.astimezone().strftime(_KEPT_STAMP)}"
    suffix = target.suffix or ".sqlite3"
    if salt:
        stem += f"-{salt % 97 + 2}"
    return target.with_name(stem + suffix)


def _record_replaced(copy: Path, current: ServiceContext, plan: RestorePlan, header: dict, now: datetime) -> None:
    """The kept copy's last audit entry says it was replaced, by whom and with what."""
    db = Database(copy)
    try:
        db.unlock(current.db.vault)
        ctx = ServiceContext(db, current.actor, now=lambda: now)
        with ctx.transaction() as s:
            audit.record(s, ctx, AuditAction.BASE_REEMPLAZADA, AuditEntity.BASE, details={
                "archivo": plan.backup.name, "copia_del": header.get("created_at"),
                "copia_de": plan.backup_id, "otra_base": plan.other_database})
    finally:
        db.dispose()


def _check_restored(path: Path, vault: crypto.Vault, expected_id: str) -> None:
    conn = sqlite3.connect(str(path))
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise ValidationError(DAMAGED)
        rows = dict(conn.execute(f"SELECT key, value FROM {DatabaseMeta.__tablename__}").fetchall())
    except sqlite3.DatabaseError as exc:
        raise ValidationError(DAMAGED) from exc
    finally:
        conn.close()
    if bytes(rows.get("database_id", b"")).decode("ascii", "replace") != expected_id:
        raise ValidationError(DAMAGED)
    try:
        ok = vault.decrypt(rows["key_check"], "meta.key_check") == accounts.KEY_CHECK
    except Exception as exc:  # noqa: BLE001
        raise ValidationError(DAMAGED) from exc
    if not ok:
        raise ValidationError(DAMAGED)


def _audit_restored(plan: RestorePlan, vault: crypto.Vault, who: str, kept: Path | None, now: datetime) -> str:
    """Bring the restored database to this version's schema and record the restore in it.
    Returns a note when that could not be done (the restore itself stands)."""
    from comite.services.bootstrap import open_database

    try:
        db = open_database(plan.target)
    except ComiteError as exc:
        return f"La copia quedó restaurada, pero no se pudo abrir para actualizarla: {exc}"
    try:
        db.unlock(vault)
        with db.Session() as s:
            user_id = s.scalar(select(User.id).where(User.username == who))
        ctx = ServiceContext(db, Actor(user_id, who, Role.SISTEMA), now=lambda: now)
        with ctx.transaction() as s:
            audit.record(s, ctx, AuditAction.BASE_RESTAURADA, AuditEntity.BASE, details={
                "archivo": plan.backup.name, "copia_del": plan.created_at,
                "base_anterior": kept.name if kept is not None else None, "otra_base": plan.other_database})
    except ComiteError as exc:
        return f"La copia quedó restaurada, pero la restauración no quedó en su auditoría: {exc}"
    finally:
        db.dispose()
    return ""
