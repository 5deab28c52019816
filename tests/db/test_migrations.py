"""A database created at the first revision and filled through the services
upgrades to head on both engines with nothing lost; one stamped by a newer
program is refused untouched; new and migrated databases both get the change
notification trigger (PostgreSQL) and the append-only audit triggers (both);
a trail written before revision 0003 gets its head and is sealed at the first
unlocked write."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, inspect, select, text

from comite.catalog.loader import load_installed_catalog
from comite.domain import DecisionOutcome, MeasureAction, RiskLevel, VoteChoice
from comite.errors import StorageError
from comite.model import AuditEntry, Case, Decision, Vote
from comite.services import accounts, audit
from comite.services.catalog_admin import sync_catalog
from comite.services.decisions import DecisionInput, MeasureInput, record_decision
from comite.services.deliberation import cast_vote
from comite.storage import report_facts, schema, triggers
from comite.storage.database import Database
from tests.conftest import ADMIN, ADMIN_PASSWORD, FAST_HASH, FAST_KDF
from tests.db.helpers import (
    ADDED_COLUMNS,
    DROPPED_COLUMNS,
    assert_spanish,
    case_for,
    login_ctx,
    new_session,
    present_all,
    put_on_agenda,
    snapshot,
    start,
    written_as_before_0004,
)

FIRST = "0001"
NAME = "María José Ñañez Ortiz"


def downgrade(db: Database, revision: str) -> None:
    from alembic import command

    cfg = schema.alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def _filled_at(url: str, revision: str = FIRST) -> tuple[Database, int]:
    """A database with data at an older ``revision``: filled through today's services (the
    only ones there are) at head, then taken down to it, as that program left it."""
    db = Database(url)
    assert schema.ensure_schema(db).action == "created"
    with db.Session() as s, s.begin():
        sync_catalog(s, load_installed_catalog())
    case_id = _fill(db)
    db.lock()
    downgrade(db, revision)
    assert schema.current_revision(db) == revision
    if revision < "0004":  # what is written from now on, it writes as that program did
        written_as_before_0004(db)
    return db, case_id


def _fill(db: Database) -> int:
    """Cases, a session with attendance, votes and an adopted decision; returns the case id."""
    accounts.initialize(db, username=ADMIN, full_name="Admin", password=ADMIN_PASSWORD,
                        kdf=FAST_KDF, hasher=FAST_HASH)
    ctx = login_ctx(db, ADMIN, ADMIN_PASSWORD)
    sid = new_session(ctx, "GVP", date(2026, 3, 10))
    keys = present_all(ctx, sid, at=time(9, 0))
    start(ctx, sid)
    case_id = case_for(ctx, "GVP", "R-MIG-1", beneficiary_name=NAME)
    case_for(ctx, "GVP", "R-MIG-2")
    hid = put_on_agenda(ctx, sid, case_id, discussed_at=time(10, 0))
    for key in keys:
        cast_vote(ctx, hid, key, VoteChoice.A_FAVOR)
    record_decision(ctx, hid, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, concept="Concepto reservado",
        measures=[MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)]))
    return case_id


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: conn.scalar(text(f'SELECT count(*) FROM "{t}"'))
                for t in sorted(inspect(db.engine).get_table_names()) if t != "alembic_version"}


def _trigger(db: Database) -> bool:
    with db.engine.connect() as conn:
        return triggers.installed(conn)


def _append_only(db: Database) -> bool:
    with db.engine.connect() as conn:
        return triggers.append_only_installed(conn)


def test_a_filled_database_at_the_first_revision_upgrades_with_nothing_lost(empty_db_url):
    db, case_id = _filled_at(empty_db_url)
    try:
        before, counts = snapshot(db, skip=DROPPED_COLUMNS), _counts(db)
        assert counts["vote"] >= 3 and counts["decision"] == 1 and counts["case_file"] == 2
        assert not _trigger(db)  # 0001 has no notification trigger
        assert not _append_only(db)  # nor the append-only ones

        status = schema.ensure_schema(db)

        assert (status.action, status.revision) == ("upgraded", schema.head_revision())
        assert schema.current_revision(db) == schema.head_revision() != FIRST
        upgraded = _counts(db)
        assert {t: n for t, n in upgraded.items() if t in counts} == counts
        # tables added later start empty, but for the reports' facts (0009), computed from the rows
        assert not any(n for t, n in upgraded.items() if t not in counts | {"report_hearing": 0})
        assert upgraded["report_hearing"] == counts["hearing"] == 1
        with db.engine.connect() as conn:
            assert report_facts.stale_rows(conn) == 0
            assert report_facts.installed(conn) == set(report_facts.NAMES)
        after = snapshot(db, skip=ADDED_COLUMNS)
        assert after.pop("alembic_version") == [(schema.head_revision(),)]
        before.pop("alembic_version")
        # every other row, ciphertexts included, as it was on every column both revisions have
        # (0005 drops case_file.public_servant, whose cases it gave population 14: none were marked)
        assert {t: rows for t, rows in after.items() if t in before} == before
        assert "public_servant" not in {c["name"] for c in inspect(db.engine).get_columns("case_file")}
        with db.engine.connect() as conn:  # entries written before 0004 name no desktop
            assert conn.execute(text("SELECT count(*) FROM audit_entry WHERE origin IS NOT NULL")).scalar() == 0
        assert _trigger(db) is (not db.is_sqlite)
        assert _append_only(db)
        if db.is_sqlite:  # a copy was taken before touching the schema, still at 0001
            assert status.backup is not None and status.backup.exists()
            assert status.backup.name.startswith(f"{db.sqlite_path.stem}.antes-de-{schema.head_revision()}-")
            copy = Database(status.backup)
            try:
                assert schema.current_revision(copy) == FIRST
                assert _counts(copy) == counts
            finally:
                copy.dispose()
        else:
            assert status.backup is None
    finally:
        db.dispose()

    # a new desktop opens it: the key unwraps, reserved fields decrypt, the session reads back
    again = Database(empty_db_url)
    try:
        assert schema.ensure_schema(again).action == "current"
        ctx = login_ctx(again, ADMIN, ADMIN_PASSWORD)
        with ctx.reading() as s:
            assert s.get(Case, case_id).beneficiary_name == NAME
            decision = s.scalar(select(Decision))
            assert (decision.adopted, decision.concept) == (True, "Concepto reservado")
            assert s.scalar(select(func.count(Vote.id))) == counts["vote"]
        with again.Session() as s:
            assert audit.verify(s, again.vault).ok
    finally:
        again.dispose()


def test_a_database_from_a_newer_program_is_refused_untouched(empty_db_url):
    db, _ = _filled_at(empty_db_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0099_futura'"))
        before = snapshot(db)
        folder = sorted(db.sqlite_path.parent.iterdir()) if db.is_sqlite else []
        with pytest.raises(StorageError) as err:
            schema.ensure_schema(db)
        assert_spanish(err.value, "versión más reciente de comite", "0099_futura", "no se modificó")
        assert snapshot(db) == before
        assert not _trigger(db)
        if db.is_sqlite:  # not even a backup copy
            assert sorted(db.sqlite_path.parent.iterdir()) == folder
    finally:
        db.dispose()


def test_a_new_database_has_the_trigger_too(database):
    """Created from the model and stamped at head: it must not miss what 0002 and 0003 add."""
    assert schema.current_revision(database) == schema.head_revision()
    assert _trigger(database) is (not database.is_sqlite)
    assert _append_only(database)
    with database.engine.connect() as conn:  # and the reports' facts triggers of 0009
        assert report_facts.installed(conn) == set(report_facts.NAMES)


def _as_before_0003(db: Database) -> None:
    """Make the trail look as the program before revision 0003 wrote it: no heads in
    db_meta, entries sealed with the older format."""
    from comite.model import DatabaseMeta

    ctx = login_ctx(db, ADMIN, ADMIN_PASSWORD)
    with db.Session() as s, s.begin():
        s.query(DatabaseMeta).filter(DatabaseMeta.key.in_([audit.HEAD_KEY, audit.SEAL_KEY])).delete()
        # plain SQL: the mapped AuditEntry has columns this revision's table lacks (0004's origin)
        for entry_id, digest in s.execute(text("SELECT id, hash FROM audit_entry WHERE mac IS NOT NULL")).all():
            s.execute(text("UPDATE audit_entry SET mac = :mac WHERE id = :id"),
                      {"mac": audit._legacy_mac(ctx.db.vault, digest), "id": entry_id})
    db.lock()


def test_a_trail_written_at_0002_gets_its_head_and_is_sealed_after_the_upgrade(empty_db_url):
    db, _ = _filled_at(empty_db_url, "0002")
    try:
        _as_before_0003(db)
        with db.engine.connect() as conn:
            last = conn.execute(text("SELECT id FROM audit_entry ORDER BY id DESC LIMIT 1")).scalar()
        assert schema.ensure_schema(db).action == "upgraded"
        assert _append_only(db)
        with db.Session() as s:  # the migration recorded the end; no seal yet (it has no key)
            assert audit._read_head(s, audit.HEAD_KEY)["id"] == last
            assert audit._read_head(s, audit.SEAL_KEY) is None
            assert audit.verify(s, None).ok
        ctx = login_ctx(db, ADMIN, ADMIN_PASSWORD)  # the first unlocked write seals the end
        with db.Session() as s:
            assert audit._read_head(s, audit.SEAL_KEY)["id"] == last + 1
            report = audit.verify(s, ctx.db.vault)
        assert report.ok and report.checked == last + 1, report.message
        with db.engine.begin() as conn:  # from now on, cutting the end is reported
            triggers.uninstall_append_only(conn)
            conn.execute(text("DELETE FROM audit_entry WHERE id > :id"), {"id": last})
            conn.execute(text("DELETE FROM db_meta WHERE key = 'audit_seal'"))
        with db.Session() as s:
            assert not audit.verify(s, ctx.db.vault).ok
    finally:
        db.dispose()


def test_0003_goes_down_and_up_again(database):
    from alembic import command

    cfg = schema.alembic_config()
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert schema.current_revision(database) == "0002" and not _append_only(database)
    with database.engine.begin() as conn:  # at 0002 the table takes changes again
        conn.execute(text("DELETE FROM audit_entry"))
    schema.upgrade(database, "head")
    assert _append_only(database)


def test_0004_goes_down_and_up_again_with_the_trail_still_append_only(database, recovery_key):
    from alembic import command

    cfg = schema.alembic_config()
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    assert schema.current_revision(database) == "0003" and _append_only(database)
    assert "origin" not in {c["name"] for c in inspect(database.engine).get_columns("audit_entry")}
    schema.upgrade(database, "head")
    assert _append_only(database)
    ctx = login_ctx(database, ADMIN, ADMIN_PASSWORD)  # entries with and without origin verify together
    with database.Session() as s:
        origins = s.scalars(select(AuditEntry.origin).order_by(AuditEntry.id)).all()
        assert origins[0] is None and origins[-1] == database.origin
        assert audit.verify(s, ctx.db.vault).ok


def test_0002_goes_down_and_up_again(database):
    schema.upgrade(database, "head")  # already there: nothing to do
    cfg = schema.alembic_config()
    from alembic import command

    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, FIRST)
    assert schema.current_revision(database) == FIRST and not _trigger(database)
    schema.upgrade(database, "head")
    assert _trigger(database) is (not database.is_sqlite)


def test_the_head_the_start_checks_without_alembic_is_the_migrations_head():
    assert schema.head_revision() == schema.HEAD_REVISION


def test_a_current_database_opens_without_importing_alembic(tmp_path):
    """Importing Alembic costs about a second of the application's start."""
    import subprocess
    import sys

    path = tmp_path / "actual.sqlite3"
    db = Database(str(path))
    assert schema.ensure_schema(db).action == "created"
    db.dispose()
    code = ("import sys; from comite.storage.database import Database; from comite.storage import schema; "
            f"db = Database({str(path)!r}); print(schema.ensure_schema(db).action, "
            "sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["current", "[]"]
