"""Accounts, login with lockout, and the database key each account unlocks.

The database has one random data key. It is never stored in clear: each user
has a copy wrapped under a key derived (argon2id) from their password, and a
recovery copy is wrapped under a recovery key shown once to the first
administrator. Logging in therefore both proves who you are and unlocks the
reserved data; a copied database file is useless without an account.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from comite.domain import AuditAction, AuditEntity, KeyPurpose, Role
from comite.errors import AuthenticationError, NotFound, StorageError, ValidationError
from comite.model import Committee, DatabaseMeta, KeyWrap, User, UserCommittee
from comite.model.base import utcnow
from comite.services import audit
from comite.services.context import Actor, Changes, ServiceContext
from comite.services.permissions import Action, require
from comite.storage import crypto, passwords
from comite.storage.database import Database, claim_writer
from comite.storage.secrets import SecretStore, current_os_user, database_key_name
from comite.text import plural

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
KEY_CHECK = "comite-key-check"


@dataclass(frozen=True)
class Login:
    actor: Actor
    vault: crypto.Vault


def _meta(s: Session, key: str) -> bytes | None:
    row = s.get(DatabaseMeta, key)
    return None if row is None else row.value


def database_id(db: Database) -> str:
    with db.Session() as s:
        raw = _meta(s, "database_id")
    if raw is None:
        raise StorageError("La base de datos no está inicializada: cree la primera cuenta de administrador.")
    return raw.decode("ascii")


def is_initialized(db: Database) -> bool:
    with db.Session() as s:
        return _meta(s, "database_id") is not None


def _wrap_for_password(vault: crypto.Vault, password: str, kdf: crypto.KdfParams) -> tuple[bytes, str, bytes]:
    salt = os.urandom(16)
    kek = crypto.derive_kek(password, salt, kdf)
    return salt, json.dumps(kdf.to_dict()), crypto.wrap_key(vault.data_key, kek)


def _actor(s: Session, user: User) -> Actor:
    committees = frozenset(
        s.scalars(select(UserCommittee.committee_id).where(UserCommittee.user_id == user.id))
    )
    return Actor(user.id, user.username, Role(user.role), committees, user.full_name)


def initialize(
    db: Database,
    *,
    username: str,
    full_name: str,
    password: str,
    kdf: crypto.KdfParams | None = None,
    hasher: passwords.PasswordHasherConfig | None = None,
    demo: bool = False,
    check_policy: bool = True,
) -> str:
    """Create the data key and the first administrator. Returns the recovery key.

    The recovery key is shown once: it is the only way back in if every
    administrator forgets their password.
    """
    kdf = kdf or crypto.KdfParams()
    if check_policy:
        passwords.check_password_policy(password, username=username)
    vault = crypto.Vault.generate()
    recovery = crypto.generate_recovery_key()
    with db.Session() as s, s.begin():
        if _meta(s, "database_id") is not None or s.scalar(select(func.count(User.id))):
            raise ValidationError("La base de datos ya tiene cuentas; no se puede inicializar de nuevo.")
        s.add(DatabaseMeta(key="database_id", value=str(uuid.uuid4()).encode("ascii")))
        s.add(DatabaseMeta(key="key_check", value=vault.encrypt(KEY_CHECK, "meta.key_check")))
        user = User(
            username=username,
            full_name=full_name,
            role=Role.ADMINISTRADOR,
            password_hash=passwords.hash_password(password, hasher or passwords.DEFAULT_CONFIG),
            demo=demo,
        )
        s.add(user)
        s.flush()
        salt, params, wrapped = _wrap_for_password(vault, password, kdf)
        s.add(KeyWrap(user_id=user.id, purpose=KeyPurpose.USER, salt=salt, kdf_params=params, wrapped_key=wrapped))
        rsalt = os.urandom(16)
        s.add(
            KeyWrap(
                user_id=None,
                purpose=KeyPurpose.RECOVERY,
                salt=rsalt,
                kdf_params="{}",
                wrapped_key=crypto.wrap_key(vault.data_key, crypto.recovery_kek(recovery, rsalt)),
            )
        )
        audit.write(
            s, vault=vault, user_id=user.id, username=username, action=AuditAction.BASE_INICIALIZADA,
            entity=AuditEntity.BASE, at=utcnow(),
        )
    return recovery


def login(db: Database, username: str, password: str, *, now: datetime | None = None) -> Login:
    """Check the password, apply the lockout, unwrap the key and unlock ``db``.

    Safe under any number of simultaneous attempts, on both engines: the password is
    tested outside any transaction (Argon2id takes a while), then the outcome is
    recorded by one conditional UPDATE in a short write transaction, with its audit
    entry. A failure counts only while the account is not locked, and the fifth locks
    it; a success counts only while it is not locked. So the account locks at exactly
    the fifth failure however many attempts run at once, every attempt leaves an audit
    entry, and a right password whose check ends after the lock does not get in.
    """
    now = now or utcnow()
    generic = AuthenticationError("Usuario o contraseña incorrectos.")
    with db.Session() as s:
        user = s.scalar(select(User).where(User.username == username))
        wrap = s.scalar(select(KeyWrap).where(KeyWrap.user_id == user.id)) if user is not None else None
        s.expunge_all()
    if user is None or not user.active:
        # What was typed may be a password typed in the wrong field: keep only a digest.
        typed = "?" + hashlib.sha256(username.encode("utf-8")).hexdigest()[:16]
        _record_refusal(db, None if user is None else user.id, typed if user is None else username,
                        "usuario desconocido" if user is None else "usuario inactivo", now)
        raise generic
    if _locked(user.locked_until, now):
        _record_refusal(db, user.id, username, "cuenta bloqueada", now)
        raise _locked_error(user.locked_until, now)
    # The password is proved by unwrapping the data key (AES-GCM fails under a key derived
    # from any other password): one Argon2id derivation per login instead of two.
    vault = _unwrap_with_password(wrap, password) if wrap is not None else None
    if vault is None and (wrap is not None or not passwords.verify_password(user.password_hash, password)):
        _record_failure(db, user.id, username, now)
        raise generic  # not reached: _record_failure raises
    if vault is None:
        raise AuthenticationError("La cuenta no tiene acceso a la llave de la base de datos.")
    users = User.__table__
    with db.Session() as s, s.begin():
        claim_writer(s)
        reset = cast(CursorResult[Any], s.execute(
            users.update()
            .where(users.c.id == user.id, users.c.active.is_(True), _not_locked(now))
            .values(failed_logins=0, locked_until=None)))
        if reset.rowcount != 1:  # locked (or deactivated) while the password was being checked
            locked_until = s.scalar(select(users.c.locked_until).where(users.c.id == user.id))
            audit.write(s, vault=None, user_id=user.id, username=username, action=AuditAction.LOGIN_FALLIDO,
                        entity=AuditEntity.USUARIO, entity_id=user.id, details={"motivo": "cuenta bloqueada"}, at=now)
            s.commit()
            raise _locked_error(locked_until, now) if _locked(locked_until, now) else generic
        _check_key(s, vault)
        actor = _actor(s, s.get_one(User, user.id))
        audit.write(s, vault=vault, user_id=user.id, username=username, action=AuditAction.LOGIN,
                    entity=AuditEntity.USUARIO, entity_id=user.id, at=now)
    db.unlock(vault)
    return Login(actor, vault)


def _locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and locked_until > now


def _not_locked(now: datetime):
    users = User.__table__
    return or_(users.c.locked_until.is_(None), users.c.locked_until <= bindparam("now", now, users.c.locked_until.type))


def _locked_error(locked_until: datetime | None, now: datetime) -> AuthenticationError:
    remaining = (locked_until - now).total_seconds() if locked_until is not None else 0
    # an attempt that began before the one that locked counts from its own start: never more than the lockout
    minutes = min(max(1, int(remaining // 60) + 1), int(LOCKOUT.total_seconds() // 60))
    return AuthenticationError(
        f"La cuenta está bloqueada por intentos fallidos. Intente de nuevo en {plural(minutes, 'minuto')}."
    )


def _record_refusal(db: Database, user_id: int | None, username: str, reason: str, now: datetime) -> None:
    with db.Session() as s, s.begin():
        audit.write(s, vault=None, user_id=user_id, username=username, action=AuditAction.LOGIN_FALLIDO,
                    entity=AuditEntity.USUARIO, entity_id=user_id, details={"motivo": reason}, at=now)


def _record_failure(db: Database, user_id: int, username: str, now: datetime) -> None:
    """Count a wrong password, atomically, and raise what the person is told.

    One UPDATE adds the failure only while the account is not locked; the failure that
    reaches :data:`MAX_FAILED_LOGINS` locks it (and starts the count again for after the
    lock). An attempt that finds the account already locked counts nothing more and is
    audited as refused by the lock."""
    users = User.__table__
    after = users.c.failed_logins + 1
    reaches = after >= MAX_FAILED_LOGINS
    until = bindparam("until", now + LOCKOUT, users.c.locked_until.type)
    with db.Session() as s, s.begin():
        claim_writer(s)
        row = s.execute(users.update()
                        .where(users.c.id == user_id, _not_locked(now))
                        .values(failed_logins=case((reaches, 0), else_=after),
                                locked_until=case((reaches, until), else_=users.c.locked_until))
                        .returning(users.c.locked_until)).first()
        if row is None:
            locked_until = s.scalar(select(users.c.locked_until).where(users.c.id == user_id))
            audit.write(s, vault=None, user_id=user_id, username=username, action=AuditAction.LOGIN_FALLIDO,
                        entity=AuditEntity.USUARIO, entity_id=user_id, details={"motivo": "cuenta bloqueada"}, at=now)
            error = _locked_error(locked_until, now)
        elif _locked(row.locked_until, now):
            audit.write(s, vault=None, user_id=user_id, username=username, action=AuditAction.CUENTA_BLOQUEADA,
                        entity=AuditEntity.USUARIO, entity_id=user_id, at=now)
            error = AuthenticationError(
                "Demasiados intentos fallidos: la cuenta queda bloqueada durante 15 minutos."
            )
        else:
            audit.write(s, vault=None, user_id=user_id, username=username, action=AuditAction.LOGIN_FALLIDO,
                        entity=AuditEntity.USUARIO, entity_id=user_id, at=now)
            error = AuthenticationError("Usuario o contraseña incorrectos.")
    raise error


def _unwrap_with_password(wrap: KeyWrap, password: str) -> crypto.Vault | None:
    """The data key under ``wrap`` if ``password`` is the one it was wrapped with, else ``None``."""
    kek = crypto.derive_kek(password, wrap.salt, crypto.KdfParams.from_dict(json.loads(wrap.kdf_params)))
    try:
        return crypto.Vault(crypto.unwrap_key(wrap.wrapped_key, kek))
    except AuthenticationError:
        return None


def verify_password_again(db: Database, actor: Actor, password: str) -> bool:
    """Re-authentication after the idle lock (no key work, no lockout reset)."""
    with db.Session() as s:
        user = s.get(User, actor.user_id)
        return user is not None and passwords.verify_password(user.password_hash, password)


def _check_key(s: Session, vault: crypto.Vault) -> None:
    check = _meta(s, "key_check")
    if check is None or vault.decrypt(check, "meta.key_check") != KEY_CHECK:
        raise AuthenticationError("La llave no corresponde a esta base de datos.")


def unlock_with_recovery(db: Database, recovery_key: str) -> crypto.Vault:
    """Unlock with the recovery key (to reset an administrator's password)."""
    with db.Session() as s:
        wrap = s.scalar(select(KeyWrap).where(KeyWrap.purpose == KeyPurpose.RECOVERY))
        if wrap is None:
            raise AuthenticationError("Esta base de datos no tiene llave de recuperación.")
        try:
            vault = crypto.Vault(crypto.unwrap_key(wrap.wrapped_key, crypto.recovery_kek(recovery_key, wrap.salt)))
        except AuthenticationError as exc:
            raise AuthenticationError("La llave de recuperación no es correcta.") from exc
        _check_key(s, vault)
    db.unlock(vault)
    return vault


def reset_with_recovery(db: Database, recovery_key: str, username: str, new_password: str, *,
                        kdf: crypto.KdfParams | None = None,
                        hasher: passwords.PasswordHasherConfig | None = None) -> None:
    """Give an administrator account a new password with the recovery key.

    The way back in when every administrator's password is lost: the recovery
    key unlocks the data key, the account is unlocked, reactivated and its key
    wrap replaced. Only administrator accounts can be recovered this way (the
    administrator then resets the others); the act is audited in the account's
    name, saying the recovery key was used.
    """
    passwords.check_password_policy(new_password, username=username)
    unlock_with_recovery(db, recovery_key)
    with db.Session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"No existe el usuario «{username}».")
        if Role(user.role) is not Role.ADMINISTRADOR:
            raise ValidationError(f"«{username}» no es administrador: la llave de recuperación solo restablece "
                                  "cuentas de administrador (el administrador restablece las demás).")
        actor = _actor(s, user)
    ctx = ServiceContext(db, actor)
    set_password(ctx, username, new_password, kdf=kdf, hasher=hasher, check_policy=False)
    with ctx.transaction() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        user.active = True
        audit.record(s, ctx, AuditAction.CUENTA_RECUPERADA, AuditEntity.USUARIO, user.id,
                     details={"usuario": username, "medio": "llave de recuperación"})


def _require_key(ctx: ServiceContext) -> crypto.Vault:
    if ctx.db.vault is None:
        raise AuthenticationError("Inicie sesión para administrar cuentas.")
    return ctx.db.vault


def _set_committees(s: Session, user: User, committee_codes: Iterable[str]) -> list[str]:
    codes = list(dict.fromkeys(committee_codes))
    found = dict(s.execute(select(Committee.code, Committee.id).where(Committee.code.in_(codes))).all())
    missing = [c for c in codes if c not in found]
    if missing:
        raise ValidationError(f"Comité desconocido: {', '.join(missing)}.")
    user.committees = [UserCommittee(committee_id=found[c]) for c in codes]
    return codes


def create_user(
    ctx: ServiceContext,
    *,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    committees: Iterable[str] = (),
    entity: str = "",
    kdf: crypto.KdfParams | None = None,
    hasher: passwords.PasswordHasherConfig | None = None,
    check_policy: bool = True,
    demo: bool = False,
) -> Changes:
    require(ctx, Action.MANAGE_USERS)
    vault = _require_key(ctx)
    if role is Role.SISTEMA:
        raise ValidationError("El rol «sistema» no se asigna a personas.")
    if not username.strip():
        raise ValidationError("El nombre de usuario no puede estar vacío.")
    if check_policy:
        passwords.check_password_policy(password, username=username)
    with ctx.transaction() as s:
        if s.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(f"Ya existe un usuario «{username}».")
        user = User(
            username=username, full_name=full_name, role=role, entity=entity, demo=demo,
            password_hash=passwords.hash_password(password, hasher or passwords.DEFAULT_CONFIG),
        )
        s.add(user)
        s.flush()
        codes = _set_committees(s, user, committees)
        salt, params, wrapped = _wrap_for_password(vault, password, kdf or crypto.KdfParams())
        s.add(KeyWrap(user_id=user.id, purpose=KeyPurpose.USER, salt=salt, kdf_params=params, wrapped_key=wrapped))
        audit.record(s, ctx, AuditAction.USUARIO_CREADO, AuditEntity.USUARIO, user.id,
                     details={"usuario": username, "rol": role, "comites": codes})
        return Changes(users=True, created_id=user.id)


def set_password(
    ctx: ServiceContext,
    username: str,
    new_password: str,
    *,
    kdf: crypto.KdfParams | None = None,
    hasher: passwords.PasswordHasherConfig | None = None,
    check_policy: bool = True,
) -> Changes:
    """Change one's own password, or (administrator) reset someone else's."""
    vault = _require_key(ctx)
    if username != ctx.actor.username:
        require(ctx, Action.MANAGE_USERS)
    if check_policy:
        passwords.check_password_policy(new_password, username=username)
    with ctx.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"No existe el usuario «{username}».")
        user.password_hash = passwords.hash_password(new_password, hasher or passwords.DEFAULT_CONFIG)
        user.failed_logins = 0
        user.locked_until = None
        wrap = s.scalar(select(KeyWrap).where(KeyWrap.user_id == user.id))
        salt, params, wrapped = _wrap_for_password(vault, new_password, kdf or crypto.KdfParams())
        if wrap is None:
            s.add(KeyWrap(user_id=user.id, purpose=KeyPurpose.USER, salt=salt, kdf_params=params, wrapped_key=wrapped))
        else:
            wrap.salt, wrap.kdf_params, wrap.wrapped_key = salt, params, wrapped
        audit.record(s, ctx, AuditAction.CONTRASENA_CAMBIADA, AuditEntity.USUARIO, user.id,
                     details={"usuario": username})
        return Changes(users=True)


def update_user(
    ctx: ServiceContext,
    username: str,
    *,
    role: Role | None = None,
    committees: Iterable[str] | None = None,
    active: bool | None = None,
    full_name: str | None = None,
) -> Changes:
    require(ctx, Action.MANAGE_USERS)
    with ctx.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"No existe el usuario «{username}».")
        changes: dict[str, object] = {}
        if role is not None and role != user.role:
            changes["rol"] = [user.role, role]
            user.role = role
        if committees is not None:
            changes["comites"] = _set_committees(s, user, committees)
        if active is not None and active != user.active:
            changes["activo"] = [user.active, active]
            user.active = active
        if full_name is not None:
            user.full_name = full_name
        audit.record(s, ctx, AuditAction.USUARIO_MODIFICADO, AuditEntity.USUARIO, user.id, details=changes)
        return Changes(users=True)


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    role: Role
    committees: tuple[str, ...]
    active: bool
    locked: bool
    demo: bool


def list_users(ctx: ServiceContext) -> list[UserRow]:
    require(ctx, Action.MANAGE_USERS)
    with ctx.reading() as s:
        codes: dict[int, list[str]] = {}
        for uid, code in s.execute(
            select(UserCommittee.user_id, Committee.code).join(Committee, Committee.id == UserCommittee.committee_id)
        ):
            codes.setdefault(uid, []).append(code)
        now = ctx.now()
        return [
            UserRow(u.id, u.username, u.full_name, Role(u.role), tuple(codes.get(u.id, ())),
                    u.active, bool(u.locked_until and u.locked_until > now), u.demo)
            for u in s.scalars(select(User).order_by(User.username))
        ]


# --- remembering the key in the OS keyring --------------------------------------------------
#
# The remembered value says whose key it is: {"llave": <Vault.to_secret()>, "usuario": <username>}.
# Values remembered before it said so are a bare Vault secret (still read, but no account).

def remember_key(db: Database, store: SecretStore, username: str) -> None:
    """Keep the unlocked data key in the OS keyring for this Windows/OS user, with the
    account (``username``) that asked, so unattended work (a scheduled backup) is
    attributed to that person."""
    if db.vault is None:
        raise AuthenticationError("Inicie sesión antes de pedir que se recuerde la llave.")
    value = json.dumps({"llave": db.vault.to_secret(), "usuario": username}, ensure_ascii=False)
    store.set(database_key_name(database_id(db)), value)


def forget_key(db: Database, store: SecretStore) -> None:
    store.delete(database_key_name(database_id(db)))


@dataclass(frozen=True)
class RememberedKey:
    vault: crypto.Vault
    username: str | None  # None for a key remembered before the account was recorded with it


def remembered_key(db: Database, store: SecretStore) -> RememberedKey | None:
    """The data key remembered for this OS user and whose it is, if any and if it still fits."""
    try:
        raw = store.get(database_key_name(database_id(db)))
    except StorageError:
        return None
    if not raw:
        return None
    username: str | None = None
    try:
        if raw.startswith("{"):
            value = json.loads(raw)
            raw, username = value["llave"], value.get("usuario") or None
        vault = crypto.Vault.from_secret(raw)
    except Exception:  # noqa: BLE001 - unreadable remembered value
        return None
    with db.Session() as s:
        try:
            _check_key(s, vault)
        except Exception:  # noqa: BLE001 - a stale remembered key is simply not used
            return None
    return RememberedKey(vault, username)


def remembered_vault(db: Database, store: SecretStore) -> crypto.Vault | None:
    """The data key remembered for this OS user, if any and if it still fits."""
    remembered = remembered_key(db, store)
    return None if remembered is None else remembered.vault


def login_with_remembered_key(db: Database, store: SecretStore, *, now: datetime | None = None) -> Login:
    """Unlock ``db`` with the key this OS user remembered, acting as the account that
    remembered it, without a password: for unattended work on this machine (a backup
    run by the Windows task scheduler). The account must still be active, unlocked and
    hold its own wrap of the key; the login is audited as made with the remembered key."""
    now = now or utcnow()
    os_user = current_os_user()
    remembered = remembered_key(db, store)
    if remembered is None:
        raise AuthenticationError(
            f"La llave de esta base no está recordada para el usuario del sistema «{os_user}» (o ya no "
            "corresponde a la base). Inicie sesión una vez en la aplicación con este usuario de Windows "
            "marcando «Recordar la llave en este equipo»."
        )
    if remembered.username is None:
        raise AuthenticationError(
            "La llave recordada en este equipo no indica de qué cuenta es (se recordó con una versión "
            "anterior). Inicie sesión de nuevo marcando «Recordar la llave en este equipo»."
        )
    with db.Session() as s, s.begin():
        user = s.scalar(select(User).where(User.username == remembered.username))
        refusal = None
        if user is None or not user.active:
            refusal = f"La cuenta «{remembered.username}» que recordó la llave ya no existe o está inactiva."
        elif user.locked_until is not None and user.locked_until > now:
            refusal = f"La cuenta «{remembered.username}» está bloqueada por intentos fallidos."
        elif s.scalar(select(KeyWrap.id).where(KeyWrap.user_id == user.id)) is None:
            refusal = f"La cuenta «{remembered.username}» ya no tiene acceso a la llave de la base."
        if user is None or refusal is not None:
            audit.write(s, vault=None, user_id=user.id if user is not None else None,
                        username=remembered.username, action=AuditAction.LOGIN_FALLIDO, entity=AuditEntity.USUARIO,
                        entity_id=user.id if user is not None else None,
                        details={"motivo": "llave recordada no utilizable", "usuario_so": os_user}, at=now)
            s.commit()
            raise AuthenticationError(f"{refusal} Nada se hizo.")
        actor = _actor(s, user)
        audit.write(s, vault=remembered.vault, user_id=user.id, username=user.username, action=AuditAction.LOGIN,
                    entity=AuditEntity.USUARIO, entity_id=user.id,
                    details={"medio": "llave recordada", "usuario_so": os_user}, at=now)
    db.unlock(remembered.vault)
    return Login(actor, remembered.vault)
