"""Connection loss: the PostgreSQL server restarted under a running client, a
SQLite file locked or unreadable. The application gets a Spanish StorageError
(never a crash), nothing half-written stays, and it carries on once the
database answers again. Also: the server password comes from the keyring."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import event, func, select

from comite.errors import StorageError
from comite.model import AuditEntry, Case
from comite.services import audit, cases, sessions
from comite.services.feed import ChangeFeed
from comite.storage.database import Database, remember_db_password, url_with_keyring_password
from comite.storage.secrets import MemorySecretStore, db_password_name
from tests.db.helpers import assert_spanish, new_case, snapshot


@pytest.fixture
def pg(engine, request):
    if engine != "postgresql":
        pytest.skip("reinicia el servidor PostgreSQL de las pruebas")
    return request.getfixturevalue("pg_server")


def _case_count(ctx) -> int:
    with ctx.reading() as s:
        return s.scalar(select(func.count(Case.id)))


# --- PostgreSQL: the server restarts ----------------------------------------------------------


def test_the_next_call_after_a_restart_succeeds(admin, pg):
    new_case(admin, "R-ANTES")
    pg.restart()  # every pooled connection is now dead
    assert [c.radicado for c in cases.find_cases(admin, "R-ANTES")] == ["R-ANTES"]
    new_case(admin, "R-DESPUES")
    assert _case_count(admin) == 2


def test_ping_and_reconnect_follow_the_server(admin, pg):
    db = admin.db
    assert db.ping()
    pg.stop()
    try:
        assert db.ping() is False
        with pytest.raises(StorageError) as err:
            db.reconnect()
        assert_spanish(err.value, "No hay conexión con la base de datos", "sigue en pantalla")
        assert "Clave" not in str(err.value)  # the URL shown has no password
        with pytest.raises(StorageError) as err:
            sessions.list_sessions(admin)
        assert_spanish(err.value, "Se perdió la conexión")
    finally:
        pg.start()
    db.reconnect()
    assert db.ping() and db.unlocked  # the key stays: no need to log in again
    new_case(admin, "R-VUELVE")


def test_a_write_cut_mid_transaction_leaves_nothing_behind(admin, pg, monkeypatch):
    new_case(admin, "R-PREVIO")
    before = snapshot(admin.db)
    real_record = audit.record

    def restart_then_record(session, ctx, *args, **kw):
        session.flush()  # the case row is already in the (uncommitted) transaction
        pg.restart()
        return real_record(session, ctx, *args, **kw)

    monkeypatch.setattr(audit, "record", restart_then_record)
    with pytest.raises(StorageError) as err:
        new_case(admin, "R-CORTADO", beneficiary_name="Persona reservada")
    assert_spanish(err.value, "Se perdió la conexión", "no se guardó el último cambio", "a salvo")
    monkeypatch.setattr(audit, "record", real_record)

    # after the reconnection nothing of it is there; the user's input can simply be saved again
    assert snapshot(admin.db) == before
    assert cases.find_cases(admin, "R-CORTADO") == []
    new_case(admin, "R-CORTADO", beneficiary_name="Persona reservada")
    assert [c.radicado for c in cases.find_cases(admin, "R-CORTADO")] == ["R-CORTADO"]
    assert audit.verify(admin.db.Session(), admin.db.vault).ok


def test_the_feed_listens_again_after_a_restart(admin, pg):
    with ChangeFeed(admin.db) as feed:
        pg.restart()
        started = time.monotonic()
        assert feed.wait(5) is True  # the lost LISTEN is noticed and re-opened at once
        assert time.monotonic() - started < 2.0 and feed.reconnections == 1
        assert feed.poll() == []

        writer = threading.Thread(target=lambda: (time.sleep(0.2), new_case(admin, "R-AVISO")))
        writer.start()
        started = time.monotonic()
        assert feed.wait(10) is True
        assert time.monotonic() - started < 2.0  # woken by NOTIFY on the new connection
        writer.join()
        assert [e.action for e in feed.poll()] == ["caso_creado"]


# --- SQLite: the file is locked or unreadable --------------------------------------------------


def _short_busy_timeout(db: Database) -> None:
    """Wait 0.2 s (not 15 s) for a lock, on connections opened from now on."""
    event.listen(db.engine, "connect", lambda conn, _rec: conn.execute("PRAGMA busy_timeout=200"))
    db.engine.dispose()


@pytest.mark.sqlite_only
def test_a_locked_sqlite_file_is_a_storage_error(admin):
    _short_busy_timeout(admin.db)
    before = _case_count(admin)
    other = sqlite3.connect(str(admin.db.sqlite_path), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # e.g. another program holding the file
        with pytest.raises(StorageError) as err:
            new_case(admin, "R-BLOQUEO")
        assert_spanish(err.value, "ocupada", "no se guardó")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _case_count(admin) == before
    new_case(admin, "R-BLOQUEO")  # free again: the same input saves


@pytest.mark.sqlite_only
def test_an_unreadable_sqlite_file_is_a_storage_error(admin):
    path = admin.db.sqlite_path
    admin.db.engine.dispose()
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    path.write_bytes(b"esto no es una base de datos " * 200)
    assert admin.db.ping() is False
    with pytest.raises(StorageError) as err:
        sessions.list_sessions(admin)
    assert_spanish(err.value, "No se pudo leer la base de datos")
    with pytest.raises(StorageError) as err:
        new_case(admin, "R-ILEGIBLE")
    assert_spanish(err.value, "no se guardó")
    with pytest.raises(StorageError):
        ChangeFeed(admin.db)
    with pytest.raises(StorageError):
        admin.db.reconnect()


# --- the server password lives in the keyring --------------------------------------------------


def test_the_server_password_is_filled_from_the_keyring():
    store = MemorySecretStore()
    url = "postgresql+psycopg://ana@db.secretaria.local:5432/comite?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    assert url_with_keyring_password(url, store).password is None  # not remembered yet: ask

    remember_db_password(url, "Clave del servidor 1", store)
    assert store.get(db_password_name(url)) == "Clave del servidor 1"
    filled = url_with_keyring_password(url, store)
    assert (filled.password, filled.username, filled.host) == ("Clave del servidor 1", "ana", "db.secretaria.local")
    assert filled.query == {"sslmode": "verify-full", "sslrootcert": "/etc/ca.pem"}
    assert "Clave" not in Database(filled).display_url  # messages and logs never show it

    # a password written in the URL wins; SQLite needs none
    assert url_with_keyring_password(
        "postgresql+psycopg://ana:otra@db.secretaria.local:5432/comite", store).password == "otra"
    assert url_with_keyring_password("/tmp/comite.sqlite3", store).password is None
    # another user or server is another entry
    assert url_with_keyring_password("postgresql+psycopg://luis@db.secretaria.local/comite", store).password is None


def test_the_keyring_password_opens_a_real_server(pg, empty_db_url):
    """The filled URL connects to a real server. (The test server trusts loopback, so it
    cannot show that the URL without the password is refused; the README's server does.)"""
    store = MemorySecretStore()
    remember_db_password(empty_db_url, "secreto-del-servidor", store)
    db = Database(url_with_keyring_password(empty_db_url, store))
    try:
        assert db.url.password == "secreto-del-servidor" and db.ping()
    finally:
        db.dispose()


def test_audit_entries_survive_the_restart(admin, pg):
    new_case(admin, "R-CADENA-1")
    pg.restart()
    new_case(admin, "R-CADENA-2")
    with admin.reading() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) >= 3
        assert audit.verify(s, admin.db.vault).ok


@pytest.fixture
def password_role(pg, empty_db_url):
    """A role the test server authenticates with SCRAM (the rest of the server trusts loopback)."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = make_url(empty_db_url).database
    hba = pg.datadir / "pg_hba.conf"
    rule = "host all comite_clave 127.0.0.1/32 scram-sha-256\n"
    if rule not in hba.read_text():
        hba.write_text(rule + hba.read_text())
    with psycopg.connect(f"host=127.0.0.1 port={pg.port} user=postgres dbname=postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'comite_clave'").fetchone()
        if not exists:
            conn.execute("CREATE ROLE comite_clave LOGIN PASSWORD 'Servidor-clave-1'")
        conn.execute(f'ALTER DATABASE "{name}" OWNER TO comite_clave')
        conn.execute("SELECT pg_reload_conf()")
    return f"postgresql+psycopg://comite_clave@127.0.0.1:{pg.port}/{name}"


def test_the_server_password_is_asked_once_then_remembered(password_role):
    from comite.errors import ServerPasswordRequired
    from comite.services.bootstrap import open_with_server_password

    store = MemorySecretStore()
    reasons: list[str] = []
    answers = iter(["equivocada", "Servidor-clave-1"])

    def ask(reason: str) -> str | None:
        reasons.append(reason)
        return next(answers)

    db, note = open_with_server_password(password_role, store, ask)
    try:
        assert db.ping() and note == ""
    finally:
        db.dispose()
    assert len(reasons) == 2  # none remembered, then the wrong one refused
    assert_spanish(ServerPasswordRequired(reasons[0]), "pide la contraseña de «comite_clave»")
    assert "no fue aceptada" in reasons[1] and "equivocada" not in reasons[1]
    assert store.get(db_password_name(password_role)) == "Servidor-clave-1"

    def must_not_ask(reason: str) -> str | None:
        raise AssertionError(f"preguntó otra vez: {reason}")

    db, _ = open_with_server_password(password_role, store, must_not_ask)  # the next start: from the keyring
    db.dispose()

    with pytest.raises(ServerPasswordRequired) as err:  # the user closes the box: nothing opens
        open_with_server_password(password_role, MemorySecretStore(), lambda _reason: None)
    assert_spanish(err.value, "pide la contraseña")
