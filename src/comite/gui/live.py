"""What other desktops record, shown here as it happens.

A :class:`LiveUpdates` runs a :class:`~comite.services.feed.ChangeFeed` in a
daemon thread (LISTEN/NOTIFY on PostgreSQL, ``PRAGMA data_version`` on SQLite)
and hands the new audit entries to the window's thread through a queued
signal. :func:`changes_from_events` turns them into the same
:class:`~comite.services.context.Changes` a local edit produces, per session,
so the open pages reload exactly what the other person touched — and the
reloads keep whatever this user is typing (see the case tab's deliberation and
decision form).

Entries by this user's own account are skipped (this window already shows its
own edits), and so are reads (opening a case's reserved data, exporting the
acta): they change nothing on screen, and reloading on them would feed on
itself, since a reload may record a read.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from comite.errors import StorageError
from comite.services.context import Changes
from comite.services.feed import POLL_LIMIT, ChangeEvent, ChangeFeed
from comite.storage.database import Database

log = logging.getLogger(__name__)

WAIT_SECONDS = 0.2
"""How long one wait for news lasts (it returns at once when something arrives); also
how long closing the window may wait for the thread to notice."""

# action -> which part of a session it changes
_SESSION_ACTIONS: dict[str, dict[str, bool]] = {
    "agenda_orden": {"agenda": True},
    "agenda_punto": {"agenda": True},
    "agenda_retiro": {"agenda": True},
    "caso_en_agenda": {"agenda": True},
    "asistencia": {"attendance": True},
    "asistencia_casos": {"attendance": True},
    "invitado_agregado": {"attendance": True},
    "voto": {"decisions": True},
    "voto_retirado": {"decisions": True},
    "decision": {"decisions": True},
    "decision_retirada": {"decisions": True},
    "caso_deliberacion": {"decisions": True},
    "observacion": {"decisions": True},
    "observacion_retirada": {"decisions": True},
    "reconocimiento_social": {"decisions": True},
    "emergencia_informada": {"agenda": True},
    "sesion_estado": {"session": True, "acta": True},
    "sesion_modificada": {"session": True},
    "acta_observacion": {"acta": True},
    "acta_observacion_atendida": {"acta": True},
    "acta_observacion_reabierta": {"acta": True},
    "acta_observacion_respondida": {"acta": True},
    "acta_revision_enviada": {"acta": True},
    "acta_revision_importada": {"acta": True},
    "acta_revision_sin_observaciones": {"acta": True},
    "acta_revision_vencida": {"acta": True},
    "acta_borrador": {"session": True, "acta": True},
    "acta_aprobada": {"session": True, "acta": True},
    "acta_fe_de_erratas": {"acta": True},
    "resoluciones_numeradas": {"acta": True},
}
_COMMITMENT_ACTIONS = {"compromiso_creado", "compromiso_estado"}


def changes_from_events(events: Iterable[ChangeEvent], own_username: str) -> tuple[dict[int, Changes], bool, set[str]]:
    """Per session id, what others changed in it; whether commitments changed (they are
    shown by every open session); and who made the changes."""
    flags: dict[int, dict[str, bool]] = {}
    commitments = False
    who: set[str] = set()
    for e in events:
        if e.username == own_username:
            continue
        if e.action in _COMMITMENT_ACTIONS:
            commitments = True
            who.add(e.username)
            continue
        parts = _SESSION_ACTIONS.get(e.action)
        if parts is None or e.entity != "sesion" or e.entity_id is None:
            continue
        flags.setdefault(e.entity_id, {}).update(parts)
        who.add(e.username)
    return {sid: Changes(session_id=sid, **parts) for sid, parts in flags.items()}, commitments, who


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
