"""Others' changes show up: a change made on another desktop (another engine,
another user, another thread) reaches this desktop's ChangeFeed within two
seconds, on SQLite (PRAGMA data_version) and on PostgreSQL (LISTEN/NOTIFY)."""

from __future__ import annotations

import threading
import time
from datetime import date
from datetime import time as clock

import pytest
from sqlalchemy import func, select

from comite.domain import AttendanceStatus, Role
from comite.errors import ValidationError
from comite.model import AuditEntry
from comite.services import attendance, audit
from comite.services.bootstrap import open_database
from comite.services.feed import ChangeEvent, ChangeFeed
from comite.storage import triggers
from tests.conftest import make_user
from tests.db.helpers import login_ctx, new_session, seats

PASSWORD = "Secreto-Compartido-2026"


@pytest.fixture
def other_desk(admin, db_url):
    """«ana» on a second desktop (her own engine and pool), and a session to edit."""
    make_user(admin, "ana", Role.SECRETARIA, committees=("GVP",), password=PASSWORD)
    db = open_database(db_url)
    ana = login_ctx(db, "ana", PASSWORD)
    sid = new_session(admin, "GVP", date(2026, 3, 10))
    yield ana, sid
    db.dispose()


def later(delay: float, call) -> threading.Thread:
    def run() -> None:
        time.sleep(delay)
        call()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def mark_present(ctx, sid: int, n: int = 0) -> None:
    row = list(seats(ctx, sid).values())[n]
    attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE, arrival=clock(9, n))


def test_a_change_on_another_desktop_shows_up_within_two_seconds(admin, other_desk):
    ana, sid = other_desk
    with ChangeFeed(admin.db) as feed:
        assert feed.poll() == []  # starts from now: the history is not replayed
        started = time.monotonic()
        writer = later(0.3, lambda: mark_present(ana, sid))
        seen: list[ChangeEvent] = []
        while not seen and time.monotonic() - started < 2.0:
            feed.wait(0.5)
            seen = feed.poll()
        elapsed = time.monotonic() - started
        writer.join()
    assert seen, "el cambio no llegó en 2 s"
    assert elapsed < 2.0
    [event] = seen
    assert (event.action, event.entity, event.entity_id, event.username) == ("asistencia", "sesion", sid, "ana")
    assert event.at.tzinfo is not None


def test_wait_returns_as_soon_as_another_desktop_commits(admin, other_desk):
    ana, sid = other_desk
    with ChangeFeed(admin.db) as feed:
        started = time.monotonic()
        assert feed.wait(0.3) is False  # nothing happened: it waits the whole timeout
        assert 0.25 <= time.monotonic() - started < 1.5
        writer = later(0.2, lambda: mark_present(ana, sid))
        started = time.monotonic()
        assert feed.wait(10) is True
        assert time.monotonic() - started < 2.0  # woken by the change, not by the timeout
        writer.join()
        assert [e.action for e in feed.poll()] == ["asistencia"]


def test_poll_is_incremental_and_can_replay_from_an_id(admin, other_desk):
    ana, sid = other_desk
    with ChangeFeed(admin.db) as feed:
        first = feed.last_id
        for n in range(3):
            mark_present(ana, sid, n)
        got = feed.poll(limit=2)
        assert [e.action for e in got] == ["asistencia"] * 2
        rest = feed.poll()
        assert len(rest) == 1 and rest[0].id > got[-1].id
        assert feed.poll() == []
    with ChangeFeed(admin.db, since_id=first) as replay:
        assert [e.id for e in replay.poll()] == [e.id for e in got + rest]
    with ChangeFeed(admin.db, since_id=0) as everything, admin.reading() as s:
        assert len(everything.poll(limit=100_000)) == s.scalar(select(func.count(AuditEntry.id)))


def test_a_refused_write_is_not_a_change(admin, other_desk):
    """NOTIFY is transactional and a rolled-back write leaves data_version alone."""
    ana, sid = other_desk
    with ChangeFeed(admin.db) as feed:
        def refused() -> None:  # the audit entry reaches the database, then the whole unit rolls back
            with pytest.raises(ValidationError), ana.transaction() as s:
                audit.record(s, ana, "asistencia", "sesion", sid)
                raise ValidationError("Cambio rechazado a propósito.")

        writer = later(0.1, refused)
        assert feed.wait(0.8) is False
        writer.join()
        assert feed.poll() == []


def test_on_postgresql_the_trigger_is_what_wakes_the_feed(admin, other_desk, engine):
    """Without the NOTIFY trigger the same change only shows up on the next poll."""
    if engine != "postgresql":
        pytest.skip("LISTEN/NOTIFY solo existe en PostgreSQL")
    ana, sid = other_desk
    with admin.db.engine.begin() as conn:
        assert triggers.installed(conn)
        triggers.uninstall(conn)
    with ChangeFeed(admin.db) as feed:
        writer = later(0.1, lambda: mark_present(ana, sid))
        started = time.monotonic()
        assert feed.wait(1.0) is False
        assert time.monotonic() - started >= 0.9
        writer.join()
        assert len(feed.poll()) == 1  # poll() alone still finds it
    with admin.db.engine.begin() as conn:
        triggers.install(conn)


def test_a_burst_of_changes_is_taken_in_one_poll(admin, other_desk):
    ana, sid = other_desk
    with ChangeFeed(admin.db) as feed:
        for n in range(4):
            mark_present(ana, sid, n)
        assert feed.wait(2.0) is True
        assert len(feed.poll()) == 4
        # notifications still in flight may wake it again: harmless, there is nothing new
        while feed.wait(0.3):
            assert feed.poll() == []
