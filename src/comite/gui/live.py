"""What other desktops record, shown here as it happens.

A :class:`LiveUpdates` runs a :class:`~comite.services.feed.ChangeFeed` in a
daemon thread (LISTEN/NOTIFY on PostgreSQL, ``PRAGMA data_version`` on SQLite)
and hands the new audit entries to the window's thread through a queued
signal. :func:`changes_from_events` turns them, through the one registry of
:mod:`comite.services.change_registry`, into the same
:class:`~comite.services.context.Changes` a local edit produces; the window
publishes them on its change bus, so the open pages reload exactly what the
other person touched -- and the reloads keep whatever this user is typing (see
the case tab's deliberation and decision form).

Entries this client wrote itself are skipped by their *origin* (the id of the
:class:`~comite.storage.database.Database` that wrote them): this window already
shows its own edits. The same account in another window or on another desktop
has another origin, so it is heard. Reads (opening a case's reserved data,
exporting the acta) change nothing on screen, and reloading on them would feed
on itself, since a reload may record a read.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from comite.errors import StorageError
from comite.gui.bus import merged
from comite.services.change_registry import NOTHING, changes_for
from comite.services.context import Changes
from comite.services.feed import POLL_LIMIT, ChangeEvent, ChangeFeed
from comite.storage.database import Database

log = logging.getLogger(__name__)

WAIT_SECONDS = 0.2
"""How long one wait for news lasts (it returns at once when something arrives); also
how long closing the window may wait for the thread to notice."""


def changes_from_events(events: Iterable[ChangeEvent], own_origin: str | None) -> tuple[list[Changes], set[str]]:
    """What other clients changed, one :class:`Changes` per session and case they touched (in the
    order first touched), and who made the changes."""
    placed: dict[tuple[int | None, int | None], Changes] = {}
    who: set[str] = set()
    for e in events:
        if e.origin is not None and e.origin == own_origin:
            continue
        changes = changes_for(e.action, e.entity, e.entity_id, e.case_id)
        if changes == NOTHING:
            continue
        key = (changes.session_id, changes.case_id)
        placed[key] = merged(placed.get(key), changes)
        who.add(e.username)
    return list(placed.values()), who


class LiveUpdates(QObject):
    """The feed's thread and its signal; :meth:`stop` before the database is closed."""

    arrived = Signal(object)  # list[ChangeEvent], delivered in the window's thread
    trouble = Signal(str)  # a Spanish sentence when the changes cannot be read for now

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="comite-cambios", daemon=True)
        self._thread.start()

    def wait_ready(self, timeout: float = 5.0) -> bool:
        """True once the feed has its starting point (tests wait for it before writing)."""
        return self._ready.wait(timeout)

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        feed: ChangeFeed | None = None
        failing = False
        while not self._stop.is_set():
            try:
                if feed is None:
                    feed = ChangeFeed(self._db)
                    self._ready.set()
                changed = feed.wait(WAIT_SECONDS)
                if self._stop.is_set():
                    break
                if not changed and not failing:
                    continue  # nothing committed elsewhere: no query (it would cost the window's thread the GIL)
                events = feed.poll()
                while events:
                    self.arrived.emit(events)
                    events = feed.poll() if len(events) >= POLL_LIMIT else []
                failing = False
            except StorageError as exc:
                if not failing:  # once per outage, not every second
                    log.info("cambios de otros equipos no disponibles: %s", exc.__class__.__name__)
                    self.trouble.emit(str(exc))
                failing = True
                self._stop.wait(WAIT_SECONDS)
            except Exception:  # noqa: BLE001 - this thread must never take the window down
                log.exception("error leyendo los cambios de otros equipos")
                self._stop.wait(WAIT_SECONDS)
        if feed is not None:
            feed.close()
