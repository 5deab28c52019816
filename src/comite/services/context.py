"""What every service receives: the database, who is acting, and a clock.

A service is one transaction: ``with ctx.transaction() as s: ...``. Failures
below the domain (a stale row, a lost connection, a constraint) come out as
:class:`~comite.errors.ComiteError` subclasses with a Spanish message, and the
transaction is rolled back so nothing half-written remains.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from comite.domain import LabeledEnum
from comite.errors import ComiteError, ConcurrencyConflict, StorageError, ValidationError
from comite.model.base import utcnow
from comite.storage.database import Database

log = logging.getLogger(__name__)


class Role(LabeledEnum):
    ADMINISTRADOR = ("administrador", "Administrador")
    SECRETARIA = ("secretaria", "Secretaría técnica")
    REVISOR = ("revisor", "Revisor")
    SISTEMA = ("sistema", "Sistema")


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
    """What a service changed, so views refresh only what they show."""

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
        except OperationalError as exc:
            raise StorageError(
                "Se perdió la conexión con la base de datos o está ocupada; no se guardó el último cambio. "
                "Lo ya registrado está a salvo. Intente de nuevo."
            ) from exc
        except DBAPIError as exc:
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
        except OperationalError as exc:
            raise StorageError(
                "Se perdió la conexión con la base de datos; intente de nuevo."
            ) from exc
        finally:
            session.rollback()
            session.close()
