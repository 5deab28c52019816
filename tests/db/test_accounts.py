"""Accounts: the first administrator and the recovery key, login with lockout,
the data key each account unwraps, a locked or copied database, remembering
the key in the OS keyring."""

from __future__ import annotations

import getpass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from comite.domain import Role
from comite.errors import AuthenticationError, LockedError, PermissionDenied, ValidationError
from comite.model import AuditEntry, Case, KeyWrap, User
from comite.services import accounts, cases, sessions
from comite.storage import crypto
from comite.storage.database import Database
from comite.storage.schema import backup_sqlite_file
from comite.storage.secrets import MemorySecretStore
from tests.conftest import ADMIN, ADMIN_PASSWORD, FAST_HASH, FAST_KDF, make_user
from tests.db.helpers import assert_spanish, login_ctx, new_case, new_session, snapshot

T0 = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
SECRET_NAME = "Zoila Reservada Pérez"


def _reserved_case(ctx) -> int:
    return new_case(ctx, "R-RES-1", beneficiary_name=SECRET_NAME, document_number="52987654",
                    narrative="Amenazas recibidas en la vereda El Silencio")


def test_recovery_key_unlocks(admin, recovery_key):
    case_id = _reserved_case(admin)
    db = admin.db
    db.lock()
    assert not db.unlocked
    with pytest.raises(AuthenticationError) as err:
        accounts.unlock_with_recovery(db, crypto.generate_recovery_key())
    assert_spanish(err.value, "recuperación no es correcta")
    with pytest.raises(ValidationError) as err:
        accounts.unlock_with_recovery(db, "no-es-una-clave")
    assert_spanish(err.value, "formato")
    assert not db.unlocked
    accounts.unlock_with_recovery(db, recovery_key)
    assert db.unlocked
    assert cases.case_detail(admin, case_id).beneficiary_name == SECRET_NAME


def test_initialize_twice_is_refused(database, recovery_key):
    before = snapshot(database)
    with pytest.raises(ValidationError) as err:
        accounts.initialize(database, username="segunda", full_name="Segunda", password="Otra-clave-segura-9",
                            kdf=FAST_KDF, hasher=FAST_HASH)
    assert_spanish(err.value, "ya tiene cuentas")
    assert snapshot(database) == before


def test_wrong_password_and_unknown_user_say_the_same(database, recovery_key):
    messages = []
    for user, password in ((ADMIN, "Clave-equivocada-1"), ("nadie", ADMIN_PASSWORD)):
        with pytest.raises(AuthenticationError) as err:
            accounts.login(database, user, password, now=T0)
        messages.append(assert_spanish(err.value, "incorrectos"))
    assert messages[0] == messages[1]
    assert not database.unlocked
    with database.Session() as s:
        assert s.scalar(select(User.failed_logins).where(User.username == ADMIN)) == 1
        failed = s.scalars(select(AuditEntry.action).where(AuditEntry.action == "login_fallido")).all()
    assert len(failed) == 2


def test_five_failures_lock_the_account_for_fifteen_minutes(database, recovery_key):
    for i in range(4):
        with pytest.raises(AuthenticationError) as err:
            accounts.login(database, ADMIN, "Clave-equivocada-1", now=T0 + timedelta(seconds=i))
        assert_spanish(err.value, "incorrectos")
    with pytest.raises(AuthenticationError) as err:
        accounts.login(database, ADMIN, "Clave-equivocada-1", now=T0 + timedelta(seconds=4))
    assert_spanish(err.value, "bloqueada durante 15 minutos")
    # even the right password is refused while locked, and says for how long
    with pytest.raises(AuthenticationError) as err:
        accounts.login(database, ADMIN, ADMIN_PASSWORD, now=T0 + timedelta(minutes=10))
    assert_spanish(err.value, "bloqueada", "en 6 minutos")
    assert not database.unlocked
    with pytest.raises(AuthenticationError):
        accounts.login(database, ADMIN, ADMIN_PASSWORD, now=T0 + timedelta(minutes=14, seconds=59))
    login = accounts.login(database, ADMIN, ADMIN_PASSWORD, now=T0 + timedelta(minutes=15, seconds=5))
    assert login.actor.username == ADMIN and database.unlocked
    with database.Session() as s:
        user = s.scalar(select(User).where(User.username == ADMIN))
        assert (user.failed_logins, user.locked_until) == (0, None)
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions.count("cuenta_bloqueada") == 1 and actions[-1] == "login"


def test_a_locked_database_hides_reserved_data_but_lists_sessions(admin):
    case_id = _reserved_case(admin)
    sid = new_session(admin, "GVP", date(2026, 3, 10))
    sessions.add_case(admin, sid, case_id)
    sessions.update_session(admin, sid, development="Se trató el caso de la señora reservada.")
    admin.db.lock()

    rows = sessions.list_sessions(admin)
    assert [(r.id, r.committee_code, r.number, r.cases) for r in rows] == [(sid, "GVP", 1, 1)]
    assert cases.case_summary(admin, case_id).radicado == "R-RES-1"
    with pytest.raises(LockedError) as err:
        cases.case_detail(admin, case_id)
    assert_spanish(err.value, "bloqueada", "inicie sesión")
    with admin.db.Session() as s:
        case = s.get(Case, case_id)
        with pytest.raises(LockedError):
            _ = case.beneficiary_name
    before = snapshot(admin.db)
    with pytest.raises(LockedError) as err:
        new_case(admin, "R-RES-2", beneficiary_name="Otra persona", document_number="123")
    assert_spanish(err.value, "bloqueada")
    with pytest.raises(LockedError):
        cases.find_cases(admin, "52987654")
    assert snapshot(admin.db) == before


def test_a_copied_database_file_cannot_be_read_without_an_account(admin, tmp_path):
    if not admin.db.is_sqlite:
        pytest.skip("copia de archivo: solo SQLite")
    case_id = _reserved_case(admin)
    copy_path = backup_sqlite_file(admin.db.sqlite_path, tmp_path / "copia.sqlite3")
    raw = copy_path.read_bytes()
    assert SECRET_NAME.encode() not in raw and "Zoila".encode("utf-16-le") not in raw
    assert b"52987654" not in raw and b"El Silencio" not in raw

    copy = Database(copy_path)
    try:
        with copy.Session() as s:
            assert s.get(Case, case_id).radicado == "R-RES-1"
            with pytest.raises(LockedError):
                _ = s.get(Case, case_id).beneficiary_name
        copy.unlock(crypto.Vault.generate())  # any other key
        with copy.Session() as s, pytest.raises(Exception) as err:
            _ = s.get(Case, case_id).beneficiary_name
        assert_spanish(err.value, "otra llave")
        copy.lock()
        with pytest.raises(AuthenticationError):
            accounts.login(copy, ADMIN, "Clave-adivinada-1")
        assert not copy.unlocked
    finally:
        copy.dispose()


def test_a_user_created_by_the_admin_logs_in_and_unlocks(admin):
    case_id = _reserved_case(admin)
    password = make_user(admin, "secre_gvp", Role.SECRETARIA, committees=["GVP"])
    admin.db.lock()
    ctx = login_ctx(admin.db, "secre_gvp", password)
    assert admin.db.unlocked
    assert (ctx.actor.role, len(ctx.actor.committee_ids)) == (Role.SECRETARIA, 1)
    assert cases.case_detail(ctx, case_id).beneficiary_name == SECRET_NAME
    # a deactivated account cannot
    accounts.update_user(admin, "secre_gvp", active=False)
    with pytest.raises(AuthenticationError) as err:
        accounts.login(admin.db, "secre_gvp", password)
    assert_spanish(err.value, "incorrectos")


def test_a_password_change_rewraps_the_key(admin):
    case_id = _reserved_case(admin)
    old = make_user(admin, "revisora", Role.REVISOR, committees=["GVP"])
    with admin.reading() as s:
        uid = s.scalar(select(User.id).where(User.username == "revisora"))
        wrap_before = s.scalar(select(KeyWrap.wrapped_key).where(KeyWrap.user_id == uid))
    ctx = login_ctx(admin.db, "revisora", old)
    new = "Nueva-clave-segura-7"
    accounts.set_password(ctx, "revisora", new, kdf=FAST_KDF, hasher=FAST_HASH)
    with admin.reading() as s:
        assert s.scalar(select(KeyWrap.wrapped_key).where(KeyWrap.user_id == uid)) != wrap_before
    admin.db.lock()
    with pytest.raises(AuthenticationError):
        accounts.login(admin.db, "revisora", old)
    login_ctx(admin.db, "revisora", new)
    assert admin.db.unlocked
    assert cases.case_detail(admin, case_id).beneficiary_name == SECRET_NAME
    # nobody but an administrator resets someone else's password
    with pytest.raises(PermissionDenied) as err:
        accounts.set_password(ctx, ADMIN, "Clave-robada-123", kdf=FAST_KDF, hasher=FAST_HASH)
    assert_spanish(err.value, "revisora", "gestionar usuarios")
    # the administrator may, and the account logs in with it
    accounts.set_password(admin, "revisora", "Restablecida-clave-5", kdf=FAST_KDF, hasher=FAST_HASH)
    admin.db.lock()
    login_ctx(admin.db, "revisora", "Restablecida-clave-5")
    assert admin.db.unlocked


def test_the_key_remembered_in_the_keyring(admin):
    case_id = _reserved_case(admin)
    store = MemorySecretStore()
    accounts.remember_key(admin.db, store, admin.actor.username)
    assert len(store) == 1
    assert all(SECRET_NAME not in v for v in store._items.values())
    admin.db.lock()
    with pytest.raises(AuthenticationError) as err:
        accounts.remember_key(admin.db, store, admin.actor.username)
    assert_spanish(err.value, "Inicie sesión")
    vault = accounts.remembered_vault(admin.db, store)
    assert vault is not None
    admin.db.unlock(vault)
    assert cases.case_detail(admin, case_id).beneficiary_name == SECRET_NAME
    accounts.forget_key(admin.db, store)
    assert len(store) == 0 and accounts.remembered_vault(admin.db, store) is None
    # a remembered key that does not fit this database is not used
    wrong = MemorySecretStore()
    admin.db.unlock(vault)
    accounts.remember_key(admin.db, wrong, admin.actor.username)
    (key_name,) = wrong._items
    wrong.set(key_name, crypto.Vault.generate().to_secret())
    assert accounts.remembered_vault(admin.db, wrong) is None
    wrong.set(key_name, "basura")
    assert accounts.remembered_vault(admin.db, wrong) is None


def test_unattended_login_with_the_remembered_key(admin):
    """A scheduled backup logs in as the account that remembered the key, without a
    password, and only while that account could log in itself."""
    store = MemorySecretStore()
    with pytest.raises(AuthenticationError) as err:
        accounts.login_with_remembered_key(admin.db, store)
    assert_spanish(err.value, "no está recordada", "Recordar la llave")
    legacy = crypto.Vault.from_secret(admin.db.vault.to_secret())
    accounts.remember_key(admin.db, store, ADMIN)
    (name,) = store._items
    store.set(name, legacy.to_secret())  # remembered by a version that did not say whose it was
    with pytest.raises(AuthenticationError) as err:
        accounts.login_with_remembered_key(admin.db, store)
    assert_spanish(err.value, "no indica de qué cuenta es")

    accounts.remember_key(admin.db, store, ADMIN)
    admin.db.lock()
    login = accounts.login_with_remembered_key(admin.db, store)
    assert login.actor.username == ADMIN and admin.db.unlocked
    with admin.db.Session() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (last.action, last.username) == ("login", ADMIN) and "llave recordada" in str(last.details)

    now = datetime.now(UTC)
    for _ in range(accounts.MAX_FAILED_LOGINS):  # someone guesses the password and locks the account
        with pytest.raises(AuthenticationError):
            accounts.login(admin.db, ADMIN, "no-es-la-clave", now=now)
    with pytest.raises(AuthenticationError) as err:
        accounts.login_with_remembered_key(admin.db, store, now=now)
    assert_spanish(err.value, "bloqueada", "Nada se hizo")
    later = now + accounts.LOCKOUT + timedelta(minutes=1)
    assert accounts.login_with_remembered_key(admin.db, store, now=later).actor.username == ADMIN


def test_remembering_the_key_without_an_os_user_name(admin, monkeypatch):
    """getpass.getuser() fails on accounts without a passwd entry (services, some
    containers); the keyring name falls back to the environment instead of crashing."""
    def no_user():
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_user)
    monkeypatch.setenv("USER", "operadora")
    store = MemorySecretStore()
    accounts.remember_key(admin.db, store, admin.actor.username)
    assert accounts.remembered_vault(admin.db, store) is not None
    assert [n for n in store._items if n.endswith(":operadora")]


def test_an_unknown_username_is_not_kept_in_clear(database, recovery_key):
    """Someone typing a password into the user field must not leave it in the audit."""
    from sqlalchemy import select

    from comite.errors import AuthenticationError
    from comite.model import AuditEntry

    typed = "MiClaveSecreta-2026"
    with pytest.raises(AuthenticationError):
        accounts.login(database, typed, "cualquier cosa")
    with database.Session() as s:
        rows = s.execute(select(AuditEntry.username, AuditEntry.details)).all()
    assert rows and all(typed not in (u + d) for u, d in rows)
    assert any(u.startswith("?") for u, _ in rows)


def test_login_derives_one_key_and_a_wrong_password_still_counts(database, recovery_key, monkeypatch):
    """The password is proved by unwrapping the data key: one Argon2id per attempt, not two."""
    from comite.storage import passwords

    derived, verified = [], []
    real_derive, real_verify = crypto.derive_kek, passwords.verify_password
    monkeypatch.setattr(crypto, "derive_kek", lambda *a, **k: derived.append(1) or real_derive(*a, **k))
    monkeypatch.setattr(passwords, "verify_password", lambda *a, **k: verified.append(1) or real_verify(*a, **k))
    with pytest.raises(AuthenticationError) as err:
        accounts.login(database, ADMIN, "Clave-equivocada-1", now=T0)
    assert_spanish(err.value, "incorrectos")
    assert not database.unlocked and (len(derived), len(verified)) == (1, 0)
    with database.Session() as s:
        assert s.scalar(select(User.failed_logins).where(User.username == ADMIN)) == 1
    accounts.login(database, ADMIN, ADMIN_PASSWORD, now=T0 + timedelta(seconds=1))
    assert database.unlocked and (len(derived), len(verified)) == (2, 0)


def test_an_account_without_a_wrapped_key_checks_the_password_hash(database, recovery_key):
    with database.Session() as s, s.begin():
        user_id = s.scalar(select(User.id).where(User.username == ADMIN))
        s.delete(s.scalar(select(KeyWrap).where(KeyWrap.user_id == user_id)))
    with pytest.raises(AuthenticationError) as err:
        accounts.login(database, ADMIN, "Clave-equivocada-1", now=T0)
    assert_spanish(err.value, "incorrectos")
    with pytest.raises(AuthenticationError) as err:
        accounts.login(database, ADMIN, ADMIN_PASSWORD, now=T0 + timedelta(seconds=1))
    assert_spanish(err.value, "no tiene acceso a la llave")
    with database.Session() as s:
        assert s.scalar(select(User.failed_logins).where(User.username == ADMIN)) == 1
