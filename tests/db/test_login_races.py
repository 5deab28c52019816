"""Logins at the same moment, on both engines, from separate processes.

Each attempt runs in a process of its own (forked, so it starts fast) with its own
engine and connection, as fifty ``comite sessions --user revisor`` typed at once would.
The lockout holds: the account locks at exactly the fifth failure, every attempt leaves
one audit entry, no attempt ends in an unexpected error, and a right password that
arrives after the fifth failure does not get in. Correct logins at the same moment
all succeed and leave a chain that verifies.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from collections.abc import Callable

import pytest
from sqlalchemy import select

from comite.domain import Role
from comite.errors import AuthenticationError
from comite.model import AuditEntry, User
from comite.services import accounts, audit
from comite.storage.database import Database
from tests.conftest import make_user

PARALLEL = 50
REVISOR_PW = "Clave-de-lectura-26"
LOGIN_ACTIONS = ("login", "login_fallido", "cuenta_bloqueada")

_fork = multiprocessing.get_context("fork")


def _attempt(url: str, username: str, password: str, barrier, results, slot: int,
             hold: Callable[[Database], None] | None) -> None:
    """One login in a child process: ok, the refusal's message, or the unexpected error."""
    try:
        db = Database(url)
        if hold is not None:
            hold(db)
        barrier.wait(60)
        try:
            accounts.login(db, username, password)
            results[slot] = "ok"
        except AuthenticationError as exc:
            results[slot] = f"refused: {exc}"
        finally:
            db.dispose()
    except BaseException:  # noqa: BLE001 - reported to the test, which fails on it
        results[slot] = "unexpected: " + traceback.format_exc()


def run_at_once(url: str, attempts: list[tuple[str, str]],
                hold: Callable[[Database], None] | None = None) -> list[str]:
    """Every (username, password) attempted at the same moment, one process each."""
    manager = _fork.Manager()
    try:
        results = manager.list([""] * len(attempts))
        barrier = manager.Barrier(len(attempts))
        procs = [_fork.Process(target=_attempt, args=(url, user, pw, barrier, results, i, hold))
                 for i, (user, pw) in enumerate(attempts)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(180)
        assert not any(p.is_alive() for p in procs), "un intento de ingreso quedó bloqueado"
        return list(results)
    finally:
        manager.shutdown()


def _entries(db: Database, username: str) -> list[tuple[str, dict]]:
    import json

    with db.Session() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.details)
                         .where(AuditEntry.username == username, AuditEntry.action.in_(LOGIN_ACTIONS))
                         .order_by(AuditEntry.id)).all()
    return [(action, json.loads(details)) for action, details in rows]


@pytest.fixture
def revisor(admin):
    make_user(admin, "revisor", Role.REVISOR, password=REVISOR_PW)
    return admin


def test_fifty_wrong_passwords_at_once_lock_at_the_fifth_and_are_all_audited(revisor, db_url):
    results = run_at_once(db_url, [("revisor", f"Equivocada-{i:02d}-x") for i in range(PARALLEL)])
    unexpected = [r for r in results if not r.startswith("refused: ")]
    assert unexpected == []
    assert sum("incorrectos" in r for r in results) == 4
    assert sum("bloqueada" in r for r in results) == PARALLEL - 4

    entries = _entries(revisor.db, "revisor")
    assert len(entries) == PARALLEL  # every attempt audited
    actions = [a for a, _ in entries]
    assert actions[:5] == ["login_fallido"] * 4 + ["cuenta_bloqueada"]  # locked at exactly the 5th
    assert set(actions[5:]) == {"login_fallido"}
    assert all(d.get("motivo") == "cuenta bloqueada" for _, d in entries[5:])
    with revisor.db.Session() as s:
        user = s.scalar(select(User).where(User.username == "revisor"))
        assert user.locked_until is not None
    with pytest.raises(AuthenticationError, match="bloqueada"):
        accounts.login(Database(db_url), "revisor", REVISOR_PW)
    with revisor.db.Session() as s:
        assert audit.verify(s, revisor.db.vault).ok


def _wait_until_locked(db: Database) -> None:
    """In the right password's process: its key is unwrapped only after the account locked."""
    real = accounts._unwrap_with_password

    def slow(wrap, password):
        vault = real(wrap, password)
        if password == REVISOR_PW:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                with db.Session() as s:
                    if s.scalar(select(User.locked_until).where(User.username == "revisor")):
                        break
                time.sleep(0.02)
        return vault

    accounts._unwrap_with_password = slow


def test_the_right_password_after_the_fifth_parallel_failure_does_not_get_in(revisor, db_url):
    attempts = [("revisor", f"Equivocada-{i:02d}-x") for i in range(19)] + [("revisor", REVISOR_PW)]
    results = run_at_once(db_url, attempts, hold=_wait_until_locked)
    assert results[-1].startswith("refused: ") and "bloqueada" in results[-1], results[-1]
    assert not any(r.startswith("unexpected") or r == "ok" for r in results), results
    entries = _entries(revisor.db, "revisor")
    assert len(entries) == 20 and [a for a, _ in entries].count("cuenta_bloqueada") == 1
    assert "login" not in [a for a, _ in entries]


def test_right_and_wrong_passwords_at_once_never_log_in_while_locked(revisor, db_url):
    """Whatever the order, a login is never recorded between a lockout and its end, and
    no more than five failures are ever counted before the account locks."""
    attempts = [("revisor", f"Equivocada-{i:02d}-x") for i in range(19)]
    attempts.insert(9, ("revisor", REVISOR_PW))
    results = run_at_once(db_url, attempts)
    assert not any(r.startswith("unexpected") for r in results), results
    failures_since_reset = 0
    locked = False
    for action, details in _entries(revisor.db, "revisor"):
        if action == "login":
            assert not locked
            failures_since_reset = 0
        elif action == "cuenta_bloqueada":
            failures_since_reset += 1
            assert failures_since_reset == 5
            locked = True
        elif details.get("motivo") != "cuenta bloqueada":
            failures_since_reset += 1
            assert not locked and failures_since_reset < 5


def test_logins_at_the_same_moment_all_succeed_and_chain(revisor, db_url):
    make_user(revisor, "secretaria", Role.SECRETARIA, password=REVISOR_PW)
    attempts = [("revisor" if i % 2 else "secretaria", REVISOR_PW) for i in range(12)]
    results = run_at_once(db_url, attempts)
    assert results == ["ok"] * len(attempts)
    with revisor.db.Session() as s:
        assert audit.verify(s, revisor.db.vault).ok
    assert len(_entries(revisor.db, "revisor")) == 6


@pytest.fixture(autouse=True)
def _no_pool_across_fork(revisor):
    """The parent's pooled connections are not handed to the children."""
    revisor.db.engine.dispose()
    os.environ.pop("COMITE_FAULT", None)
