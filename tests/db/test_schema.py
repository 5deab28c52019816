"""Bringing a database to this version's schema: create and stamp, open at
head, refuse a newer one untouched, migrations equal to the model."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from comite.errors import StorageError
from comite.model import Base
from comite.services import accounts
from comite.services.bootstrap import open_database
from comite.services.context import ServiceContext
from comite.storage import schema
from comite.storage.database import Database
from tests.conftest import ADMIN, ADMIN_PASSWORD, FAST_HASH, FAST_KDF
from tests.db.helpers import (
    ADDED_COLUMNS,
    assert_spanish,
    new_case,
    new_session,
    snapshot,
    written_as_before_0004,
)


def _first_revision() -> str:
    script = ScriptDirectory.from_config(schema.alembic_config())
    [base] = script.get_bases()
    return base


def _fill(db: Database) -> ServiceContext:
    accounts.initialize(db, username=ADMIN, full_name="Admin", password=ADMIN_PASSWORD,
                        kdf=FAST_KDF, hasher=FAST_HASH)
    ctx = ServiceContext(db, accounts.login(db, ADMIN, ADMIN_PASSWORD).actor)
    sid = new_session(ctx, "GVP", date(2026, 3, 10))
    from comite.services import sessions

    sessions.add_case(ctx, sid, new_case(ctx, "R-ESQ-1", beneficiary_name="Nombre reservado"))
    return ctx


def _schema_diff(db: Database) -> list:
    with db.engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(mc, Base.metadata)


def test_a_new_database_is_created_and_stamped_at_head(empty_db_url):
    db = Database(empty_db_url)
    try:
        status = schema.ensure_schema(db)
        assert (status.action, status.revision, status.backup) == ("created", schema.head_revision(), None)
        assert schema.current_revision(db) == schema.head_revision()
        assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())
    finally:
        db.dispose()


def test_a_database_at_head_opens_as_it_is(database):
    ctx = _fill(database)
    before = snapshot(database)
    status = schema.ensure_schema(database)
    assert (status.action, status.backup) == ("current", None)
    assert snapshot(database) == before
    database.dispose()
    again = open_database(database.url)
    try:
        assert schema.current_revision(again) == schema.head_revision()
        assert snapshot(again) == before
    finally:
        again.dispose()
    del ctx


def test_a_newer_database_is_refused_and_left_untouched(database, tmp_path):
    _fill(database)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_futura'"))
    before = snapshot(database)
    files_before = sorted(p.name for p in database.sqlite_path.parent.iterdir()) if database.is_sqlite else []
    with pytest.raises(StorageError) as err:
        schema.ensure_schema(database)
    assert_spanish(err.value, "versión más reciente", "9999_futura", "no se modificó")
    assert snapshot(database) == before
    if database.is_sqlite:  # and no backup copy was made either
        assert sorted(p.name for p in database.sqlite_path.parent.iterdir()) == files_before
    with pytest.raises(StorageError):
        open_database(database.url)
    assert snapshot(database) == before


def test_a_foreign_database_is_refused(empty_db_url):
    db = Database(empty_db_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE otra_cosa (id INTEGER PRIMARY KEY)"))
        with pytest.raises(StorageError) as err:
            schema.ensure_schema(db)
        assert_spanish(err.value, "no pertenece a comite")
        assert inspect(db.engine).get_table_names() == ["otra_cosa"]
    finally:
        db.dispose()


def test_an_unreachable_database_is_a_storage_error():
    db = Database("postgresql+psycopg://nadie@127.0.0.1:1/comite", connect_args={"connect_timeout": 2})
    try:
        with pytest.raises(StorageError) as err:
            schema.ensure_schema(db)
        assert_spanish(err.value, "No se pudo abrir la base de datos")
    finally:
        db.dispose()


def test_a_database_migrated_from_the_first_revision(empty_db_url, engine, request):
    db = written_as_before_0004(Database(empty_db_url))
    try:
        schema.upgrade(db, _first_revision())
        assert schema.current_revision(db) == _first_revision()
        with db.Session() as s, s.begin():
            from comite.catalog.loader import load_installed_catalog
            from comite.services.catalog_admin import sync_catalog

            sync_catalog(s, load_installed_catalog())
        _fill(db)
        before = snapshot(db, skip=ADDED_COLUMNS)
        status = schema.ensure_schema(db)
        assert status.action in ("current", "upgraded")
        assert schema.current_revision(db) == schema.head_revision()
        after = snapshot(db, skip=ADDED_COLUMNS)
        for table in ("case_file", "committee_session", "app_user", "audit_entry", "key_wrap"):
            assert after[table] == before[table], table
        assert _schema_diff(db) == []
    finally:
        db.dispose()


def test_migrations_build_exactly_the_model(empty_db_url, engine, request):
    db = Database(empty_db_url)
    try:
        schema.upgrade(db, "head")
        assert _schema_diff(db) == []
    finally:
        db.dispose()


def test_the_model_built_directly_matches_too(database):
    assert _schema_diff(database) == []
