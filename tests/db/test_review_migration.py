"""Revision 0008 on a database that already had review observations: one marked resolved
becomes accepted (answered when it was written), a pending one stays pending, nothing
else changes; and back down to 0007 the flag returns."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from comite.storage import schema
from tests.db.test_migrations import _filled_at, downgrade


def test_resolved_observations_become_accepted(empty_db_url):
    db, _ = _filled_at(empty_db_url, "0007")
    try:
        at = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
        with db.engine.begin() as conn:
            sid = conn.scalar(text("SELECT min(id) FROM committee_session"))
            conn.execute(text("INSERT INTO acta_version (session_id, version, kind, created_at, created_by) "
                              "VALUES (:s, 1, 'borrador', :at, 'admin')"), {"s": sid, "at": at})
            vid = conn.scalar(text("SELECT id FROM acta_version"))
            for resolved in (True, False):
                conn.execute(text("INSERT INTO review_observation (acta_version_id, reviewer, entity, text, "
                                  "created_at, resolved) VALUES (:v, 'Delegada', 'Procuraduría', :t, :at, :r)"),
                             {"v": vid, "t": b"cifrado", "at": at, "r": resolved})
        schema.ensure_schema(db)
        assert schema.current_revision(db) == schema.head_revision()
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT answer, answered_at, channel, text FROM review_observation "
                                     "ORDER BY id")).all()
        assert [(r.answer, r.channel, bytes(r.text)) for r in rows] == [
            ("aceptada", "aplicacion", b"cifrado"), (None, "aplicacion", b"cifrado")]
        assert rows[0].answered_at is not None and rows[1].answered_at is None

        downgrade(db, "0007")
        with db.engine.connect() as conn:
            back = conn.execute(text("SELECT resolved FROM review_observation ORDER BY id")).scalars().all()
        assert [bool(v) for v in back] == [True, False]
    finally:
        db.dispose()

