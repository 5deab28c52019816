"""Declarative base, naming convention and the column types every table uses.

Reserved data is stored with :class:`Encrypted`: the value is encrypted with
the database's data key (AES-GCM, see :mod:`comite.storage.crypto`) before it
reaches the driver and decrypted when read. The key travels with the engine's
dialect (:func:`attach_vault`), not through a global, so two databases opened
in one process never share a key; with no key attached, reading or writing a
reserved column raises :class:`~comite.errors.LockedError`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol, TypeVar

from sqlalchemy import DateTime, LargeBinary, MetaData, String, Table, TypeDecorator
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from comite.domain import LabeledEnum
from comite.errors import LockedError, StorageError

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    __table__: ClassVar[Table]  # every class mapped here is mapped to one Table (not a join or a select)


class Cipher(Protocol):
    def encrypt(self, plaintext: str, purpose: str) -> bytes: ...

    def decrypt(self, blob: bytes, purpose: str) -> str: ...


_VAULT_ATTR = "comite_vault"


def attach_vault(engine: Engine, vault: Cipher | None) -> None:
    """Give (or, with ``None``, take away) the engine its data key."""
    setattr(engine.dialect, _VAULT_ATTR, vault)


def vault_of(dialect: Dialect) -> Cipher:
    vault = getattr(dialect, _VAULT_ATTR, None)
    if vault is None:
        raise LockedError(
            "La base de datos está bloqueada: inicie sesión para ver o registrar información reservada."
        )
    return vault


class Encrypted(TypeDecorator[str]):
    """A reserved text, stored encrypted and authenticated for its ``purpose``.

    The purpose (e.g. ``"case.beneficiary_name"``) is bound into the
    ciphertext, so a value copied into another column does not decrypt.
    """

    impl = LargeBinary
    cache_ok = True

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose

    def process_bind_param(self, value: str | None, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return vault_of(dialect).encrypt(value, self.purpose)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return vault_of(dialect).decrypt(bytes(value), self.purpose)

    def copy(self, **kw: Any) -> Encrypted:
        return Encrypted(self.purpose)


E = TypeVar("E", bound=LabeledEnum)


class Code(TypeDecorator[E]):
    """A closed vocabulary (a :class:`~comite.domain.LabeledEnum`) stored as its code.

    The column holds the same short ASCII code as a plain ``String`` would (no
    database enum type, so no migration and no data change); Python sees the
    enum member. Writing accepts the member or its code and refuses anything
    else; reading a code this version does not know (a database written by a
    newer version) is a :class:`~comite.errors.StorageError` with a message.
    """

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length)
        self.enum = enum
        self.length = length
        self._members: dict[str, E] = {member.value: member for member in enum}

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        member = self._members.get(value)
        if member is None:
            raise ValueError(f"{value!r} is not a code of {self.enum.__name__}")
        return member.value

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        if value is None:
            return None
        member = self._members.get(value)
        if member is None:
            raise StorageError(
                f"La base de datos tiene un valor que esta versión de la aplicación no conoce («{value}», "
                f"{self.enum.__name__}): fue escrita por una versión más nueva. Actualice la aplicación."
            )
        return member

    def copy(self, **kw: Any) -> Code[E]:
        return Code(self.enum, self.length)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as UTC on every engine and read back timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value if value.tzinfo else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def code_column(length: int = 40, **kw: Any) -> Mapped[str]:
    """A short ASCII code (enum value, catalogue code)."""
    return mapped_column(String(length), **kw)
