"""What every service receives: the database, who is acting, and a clock.

A service is one transaction: ``with ctx.transaction() as s: ...``. Failures
below the domain (a stale row, a lost connection, a constraint) come out as
:class:`~comite.errors.ComiteError` subclasses with a Spanish message, and the
transaction is rolled back so nothing half-written remains.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from comite.domain import AuditAction, AuditEntity, Role
from comite.errors import ComiteError, ConcurrencyConflict, StorageError, ValidationError
from comite.model import AuditEntry
from comite.model.base import utcnow
from comite.storage.database import Database

log = logging.getLogger(__name__)

_CONNECTION_LOST = (
    "Se perdió la conexión con la base de datos o está ocupada; no se guardó el último cambio. "
    "Lo ya registrado está a salvo. Intente de nuevo."
)


def _connection_lost(exc: DBAPIError) -> bool:
    """A dropped or unusable connection (server restarted, network down, file locked)."""
    return isinstance(exc, OperationalError | InterfaceError) or exc.connection_invalidated


@dataclass(frozen=True, slots=True)
class Actor:
    """The person (or the system, for maintenance commands) acting."""

    user_id: int | None
    username: str
    role: Role
    committee_ids: frozenset[int] = frozenset()
    full_name: str = ""

    @classmethod
    def system(cls, name: str = "sistema") -> Actor:
        return cls(None, name, Role.SISTEMA)


@dataclass(frozen=True, slots=True)
class Changes:
    """What a service changed, so views refresh only what they show.

    ``session_id`` and ``case_id`` say where: a view of another session (or case)
    ignores the change; ``None`` means any (a catalogue import, a commitment).
    ``votes`` is the votes of one case only: the grid and the tally, nothing a list shows.
    """

    catalog: bool = False
    cases: bool = False
    session: bool = False
    agenda: bool = False
    attendance: bool = False
    decisions: bool = False
    commitments: bool = False
    users: bool = False
    acta: bool = False
    session_id: int | None = None
    created_id: int | None = None
    message: str = ""
    votes: bool = False
    case_id: int | None = None


@dataclass
class ServiceContext:
    db: Database
    actor: Actor
    today: Callable[[], date] = field(default=date.today)
    now: Callable[[], datetime] = field(default=utcnow)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        session = self.db.Session()
        try:
            with session.begin():
                yield session
        except ComiteError:
            raise
        except StaleDataError as exc:
            raise ConcurrencyConflict(
                "Otra persona modificó este registro mientras usted lo editaba. "
                "Sus cambios no se guardaron; revise la versión actual y vuelva a aplicarlos."
            ) from exc
        except IntegrityError as exc:
            log.warning("integrity error: %s", exc.__class__.__name__)
            raise ValidationError(
                "El cambio contradice datos ya registrados (registro duplicado o referencia inexistente); no se guardó."
            ) from exc
        except DBAPIError as exc:
            if _connection_lost(exc):
                raise StorageError(_CONNECTION_LOST) from exc
            raise StorageError(
                f"La base de datos rechazó la operación ({exc.__class__.__name__}); no se guardó."
            ) from exc
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit (rolled back at the end)."""
        session = self.db.Session()
        try:
            yield session
        except DBAPIError as exc:
            if _connection_lost(exc):
                raise StorageError("Se perdió la conexión con la base de datos; intente de nuevo.") from exc
            raise StorageError(
                f"No se pudo leer la base de datos ({exc.__class__.__name__}); intente de nuevo."
            ) from exc
        finally:
            try:
                session.rollback()
            except DBAPIError:  # the connection is gone: nothing to roll back
                log.info("rollback on a lost connection skipped")
            session.close()


# --- optimistic concurrency: who changed what ----------------------------------------------------


class StaleEdit(ConcurrencyConflict):
    """A :class:`ConcurrencyConflict` that says who changed the record and how.

    ``current`` holds the record's values as stored now (keyed like the service's
    keyword arguments, plus ``row_version``), so the GUI can show them beside what
    the user typed and let them reapply with ``expected_version=err.version``.
    """

    def __init__(
        self,
        message: str,
        *,
        current: Mapping[str, object] | None = None,
        version: int | None = None,
        changed_by: str | None = None,
        changed_at: datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.current: dict[str, object] = dict(current or {})
        self.version = version
        self.changed_by = changed_by
        self.changed_at = changed_at


def latest_audit(
    s: Session,
    *,
    entity: AuditEntity,
    entity_id: int,
    actions: Collection[AuditAction],
    case_id: int | None = None,
    match: Callable[[dict[str, Any]], bool] | None = None,
    scan: int = 200,
) -> tuple[AuditEntry, dict[str, Any]] | None:
    """The newest audit entry about a record, with its (plain) details."""
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id, AuditEntry.action.in_(actions))
        .order_by(AuditEntry.id.desc())
        .limit(scan)
    )
    if case_id is not None:
        stmt = stmt.where(AuditEntry.case_id == case_id)
    for entry in s.scalars(stmt):
        try:
            details = json.loads(entry.details)
        except ValueError:
            details = {}
        if match is None or match(details):
            return entry, details
    return None


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, str):  # times and dates come back from the audit JSON as ISO text
        try:
            if len(value) == 8 and value[2] == ":":
                return f"{time.fromisoformat(value):%H:%M}"
            if len(value) == 10 and value[4] == "-":
                return f"{date.fromisoformat(value):%d/%m/%Y}"
        except ValueError:
            pass
    return str(value)


def describe_changes(
    before: Mapping[str, object],
    after: Mapping[str, object],
    labels: Mapping[str, str] | None = None,
    show: Mapping[str, Callable[[object], str]] | None = None,
) -> str:
    """``"estado Presente → Ausente; llegada 09:00 → —"`` for the keys that differ."""
    parts = []
    for key, new in after.items():
        old = before.get(key)
        if old == new:
            continue
        fmt = (show or {}).get(key, _shown)
        parts.append(f"{(labels or {}).get(key, key)} {fmt(old)} → {fmt(new)}")
    return "; ".join(parts)


def row_lock(expected_version: int | None) -> dict | None:
    """PostgreSQL: hold the row while its version is compared (FOR NO KEY UPDATE, so
    rows that merely reference it are not blocked); SQLite serialises writers anyway."""
    return {"key_share": True} if expected_version is not None else None


def stale_edit(
    ctx: ServiceContext,
    what: str,
    *,
    version: int,
    current: Mapping[str, object],
    last: tuple[AuditEntry, dict[str, Any]] | None,
    describe: Callable[[AuditEntry, dict[str, Any]], str] | None = None,
    verb: str = "modificó",
) -> StaleEdit:
    """The conflict to raise when ``what`` moved on since the user read it.

    ``last`` is the record's latest audit entry (:func:`latest_audit`): it names
    who changed it and, through ``describe``, how ("estado Presente → Ausente").
    """
    change = describe(*last) if last is not None and describe is not None else ""
    if last is None:
        who = "Otra persona"
    elif last[0].username == ctx.actor.username:
        who = f"Usted mismo (usuario «{last[0].username}»), desde otra ventana o equipo,"
    else:
        who = f"Otra persona (usuario «{last[0].username}»)"
    message = f"{who} {verb} {what}{': ' + change if change else ''}. " \
        "Sus cambios no se guardaron; puede revisarlos y volver a aplicarlos."
    return StaleEdit(
        message,
        current={**current, "row_version": version},
        version=version,
        changed_by=last[0].username if last else None,
        changed_at=last[0].at if last else None,
    )
