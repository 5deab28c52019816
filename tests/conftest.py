"""Shared fixtures: a fresh database with a logged-in administrator.

Key derivation and password hashing use fast parameters here; the production
defaults are exercised by tests/unit/test_crypto.py.
"""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from comite.services import accounts  # noqa: E402
from comite.services.bootstrap import open_database  # noqa: E402
from comite.services.context import ServiceContext  # noqa: E402
from comite.storage.crypto import KdfParams  # noqa: E402
from comite.storage.passwords import PasswordHasherConfig  # noqa: E402

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


@pytest.fixture
def db_url(tmp_path):
    return str(tmp_path / "comite.sqlite3")


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
