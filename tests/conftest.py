"""Shared fixtures: a fresh database with a logged-in administrator.

Key derivation and password hashing use fast parameters here; the production
defaults are exercised by tests/unit/test_crypto.py.
"""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from comite.services import accounts  # noqa: E402
from comite.services.bootstrap import open_database  # noqa: E402
from comite.services.context import ServiceContext  # noqa: E402
from comite.storage.crypto import KdfParams  # noqa: E402
from comite.storage.passwords import PasswordHasherConfig  # noqa: E402
from tests.pgserver import PgServer, find_bindir, wanted_engines  # noqa: E402

ADMIN = "admin"
ADMIN_PASSWORD = "Clave-de-prueba-2026"
FAST_KDF = KdfParams.fast()
FAST_HASH = PasswordHasherConfig.fast()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user directories and database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COMITE_HOME", str(home))
    monkeypatch.delenv("COMITE_DATABASE_URL", raising=False)


def pytest_generate_tests(metafunc):
    """Every test that uses a database runs on each available engine."""
    if "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", wanted_engines(), scope="session")


def pytest_collection_modifyitems(config, items):
    """``@pytest.mark.sqlite_only`` tests (they read the SQLite file itself) skip on PostgreSQL."""
    skip = pytest.mark.skip(reason="comprueba el archivo SQLite; no aplica a PostgreSQL")
    for item in items:
        if item.get_closest_marker("sqlite_only") and "[postgresql" in item.nodeid:
            item.add_marker(skip)


def missing_tool(reason: str) -> None:
    """Skip a test that needs a program this machine lacks; in CI (``COMITE_REQUIRE_TOOLS=1``,
    set by ``.ci/run``, which installs them) fail instead, so a green run always ran it."""
    if os.environ.get("COMITE_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{reason} (COMITE_REQUIRE_TOOLS=1: la CI debe instalarlo)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server():
    bindir = find_bindir()
    if bindir is None:
        missing_tool("PostgreSQL no está instalado en esta máquina")
    server = PgServer(bindir)
    server.init()
    server.start()
    yield server
    server.destroy()


@pytest.fixture
def empty_db_url(engine, tmp_path, request):
    """A fresh database with nothing in it (not even the schema)."""
    if engine == "sqlite":
        yield str(tmp_path / "vacia.sqlite3")
        return
    server = request.getfixturevalue("pg_server")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture(scope="session")
def _template(engine, tmp_path_factory, request):
    """Schema and catalogue built once per engine; each test gets a copy."""
    if engine == "sqlite":
        path = tmp_path_factory.mktemp("plantilla") / "plantilla.sqlite3"
        open_database(str(path)).dispose()
        return str(path)
    server = request.getfixturevalue("pg_server")
    name = server.create_database()
    open_database(server.url(name)).dispose()
    return name


@pytest.fixture
def db_url(engine, _template, tmp_path, request):
    """A fresh database with the schema at head and the shipped catalogue, no accounts."""
    if engine == "sqlite":
        target = tmp_path / "comite.sqlite3"
        shutil.copyfile(_template, target)
        yield str(target)
        return
    server = request.getfixturevalue("pg_server")
    name = server.create_database(template=_template)
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def database(db_url):
    db = open_database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def recovery_key(database):
    return accounts.initialize(
        database, username=ADMIN, full_name="Administradora de Prueba", password=ADMIN_PASSWORD,
        kdf=FAST_KDF, hasher=FAST_HASH,
    )


@pytest.fixture
def admin(database, recovery_key):
    login = accounts.login(database, ADMIN, ADMIN_PASSWORD)
    return ServiceContext(database, login.actor, today=lambda: date(2026, 11, 23))


def make_user(admin_ctx, username, role, committees=(), password="Otra-clave-segura-1"):
    accounts.create_user(admin_ctx, username=username, full_name=username.title(), role=role,
                         password=password, committees=committees, kdf=FAST_KDF, hasher=FAST_HASH)
    return password
