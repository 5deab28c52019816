"""Others' changes, as they happen: a cheap feed over the audit trail.

Every write through the services appends an audit entry naming the record
(``entity``/``entity_id``/``case_id``), so the trail doubles as a change log.
A desktop keeps a :class:`ChangeFeed` and, in a worker thread::

    feed = ChangeFeed(db)              # from now on (or since_id=... to catch up)
    while running:
        feed.wait(5.0)                 # returns at once when something changed
        for event in feed.poll():      # audit entries newer than the last seen
            refresh(event)             # e.g. reload the session event.entity_id

``wait`` on PostgreSQL LISTENs on :data:`~comite.storage.triggers.CHANNEL` over a
dedicated autocommit connection (the trigger installed by migration 0002 NOTIFYs
at each commit) and reconnects it after a server restart; on SQLite it watches
``PRAGMA data_version`` (which moves whenever another connection commits).
``poll`` is one indexed range query on the audit table's primary key.

Entry ids follow commit order: the audit chain serialises writers (an advisory
lock on PostgreSQL held to commit, SQLite's single writer), so a poll never
skips an entry committed after a later one.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from comite.errors import StorageError
from comite.model import AuditEntry
from comite.storage.database import Database
from comite.storage.triggers import CHANNEL

log = logging.getLogger(__name__)

SQLITE_CHECK_INTERVAL = 0.1  # seconds between PRAGMA data_version checks
RECONNECT_INTERVAL = 1.0  # seconds between attempts to re-open the LISTEN connection
POLL_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One committed change (an audit entry, without its details)."""

    id: int
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    username: str
    at: datetime
    origin: str | None = None
    """The client that wrote it (:attr:`~comite.storage.database.Database.origin`)."""


_COLUMNS = (
    AuditEntry.id, AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.case_id,
    AuditEntry.username, AuditEntry.at, AuditEntry.origin,
)


class ChangeFeed:
    """Audit entries newer than the last seen, and a way to wait for them.

    ``since_id=None`` starts at the newest entry (only changes from now on);
    ``since_id=0`` replays the whole trail. Not thread-safe: one feed per thread.
    """

    def __init__(self, db: Database, since_id: int | None = None) -> None:
        self.db = db
        self._listener: Any = None  # psycopg connection (PostgreSQL)
        self._sqlite: sqlite3.Connection | None = None
        self._data_version: int | None = None
        self._next_attempt = 0.0
        self.reconnections = 0  # LISTEN connections re-opened after a loss
        if self.is_postgresql:
            self._listen()  # before reading the baseline: no NOTIFY between them is lost
        elif self.db.sqlite_path is not None:
            self._watch_sqlite()
        self.last_id = since_id if since_id is not None else self._newest_id()

    @property
    def is_postgresql(self) -> bool:
        return self.db.url.get_backend_name() == "postgresql"

    # --- reading ---------------------------------------------------------------------------------

    def _newest_id(self) -> int:
        try:
            with self.db.engine.connect() as conn:
                return conn.scalar(select(func.coalesce(func.max(AuditEntry.id), 0))) or 0
        except DBAPIError as exc:
            raise StorageError("No se pudo leer el registro de cambios; se perdió la conexión con la base de "
                               "datos.") from exc

    def poll(self, limit: int = POLL_LIMIT) -> list[ChangeEvent]:
        """The changes committed since the last poll (at most ``limit``; call again for more)."""
        stmt = select(*_COLUMNS).where(AuditEntry.id > self.last_id).order_by(AuditEntry.id).limit(limit)
        try:
            with self.db.engine.connect() as conn:
                rows = conn.execute(stmt).all()
        except DBAPIError as exc:
            raise StorageError("No se pudieron leer los cambios recientes; se perdió la conexión con la base de "
                               "datos. Se reintentará.") from exc
        events = [ChangeEvent(*row) for row in rows]
        if events:
            self.last_id = events[-1].id
        return events

    # --- waiting ---------------------------------------------------------------------------------

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds until another connection commits a change.

        Returns ``True`` when something may have changed (call :meth:`poll`),
        ``False`` on timeout. Never raises for a lost connection: it reconnects
        (PostgreSQL) and answers ``True`` then, since changes may have been missed.
        """
        if self.is_postgresql:
            return self._wait_notify(timeout)
        if self._sqlite is not None:
            return self._wait_data_version(timeout)
        time.sleep(timeout)  # an in-memory database has no other writers
        return False

    # PostgreSQL: LISTEN/NOTIFY

    def _listen(self) -> bool:
        import psycopg

        cargs, cparams = self.db.engine.dialect.create_connect_args(self.db.url)
        params = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3,
                  "connect_timeout": 5, **cparams}
        try:
            conn = psycopg.connect(*cargs, **params, autocommit=True)
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            log.info("LISTEN %s no disponible: %s", CHANNEL, exc.__class__.__name__)
            self._listener = None
            self._next_attempt = time.monotonic() + RECONNECT_INTERVAL
            return False
        self._listener = conn
        return True

    def _drop_listener(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):  # already broken
                self._listener.close()
        self._listener = None

    def _wait_notify(self, timeout: float) -> bool:
        import psycopg

        deadline = time.monotonic() + timeout
        while self._listener is None:  # lost earlier: retry now and then until the deadline
            if time.monotonic() >= self._next_attempt and self._listen():
                self.reconnections += 1
                return True  # a fresh LISTEN may have missed changes: poll
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            time.sleep(min(remaining, max(0.01, self._next_attempt - time.monotonic())))
        try:
            remaining = max(0.0, deadline - time.monotonic())
            got = any(True for _ in self._listener.notifies(timeout=remaining, stop_after=1))
            if got:  # take whatever else is already queued, without waiting
                for _ in self._listener.notifies(timeout=0):
                    pass
            return got
        except psycopg.Error as exc:
            log.info("Se perdió la conexión LISTEN: %s", exc.__class__.__name__)
            self._drop_listener()
            if self._listen():
                self.reconnections += 1
            return True

    # SQLite: PRAGMA data_version

    def _watch_sqlite(self) -> None:
        try:
            self._sqlite = sqlite3.connect(str(self.db.sqlite_path), check_same_thread=False)
            self._data_version = self._sqlite.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as exc:
            log.info("No se pudo vigilar el archivo de la base de datos: %s", exc.__class__.__name__)
            self._sqlite = None

    def _wait_data_version(self, timeout: float) -> bool:
        assert self._sqlite is not None
        deadline = time.monotonic() + timeout
        while True:
            try:
                version = self._sqlite.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:
                version = None  # unreadable for now: report "maybe changed" and let poll() say why
            if version != self._data_version:
                self._data_version = version
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            time.sleep(min(SQLITE_CHECK_INTERVAL, remaining))

    # --- end -------------------------------------------------------------------------------------

    def close(self) -> None:
        self._drop_listener()
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None

    def __enter__(self) -> ChangeFeed:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
