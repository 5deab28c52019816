"""Accounts, key wraps and the audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from comite.domain import KeyPurpose, Role
from comite.model.base import Base, Code, UTCDateTime, utcnow


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(160))
    entity: Mapped[str] = mapped_column(String(250), default="")
    role: Mapped[Role] = mapped_column(Code(Role, 20))
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    committees: Mapped[list[UserCommittee]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": row_version}


class UserCommittee(Base):
    __tablename__ = "user_committee"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"), primary_key=True)


class KeyWrap(Base):
    """The database's data key, wrapped under a user's password (or the recovery key)."""

    __tablename__ = "key_wrap"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), unique=True
    )
    purpose: Mapped[KeyPurpose] = mapped_column(Code(KeyPurpose, 20))
    salt: Mapped[bytes] = mapped_column(LargeBinary(32))
    kdf_params: Mapped[str] = mapped_column(Text)  # JSON
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)


class DatabaseMeta(Base):
    """Identity of this database and a key check value."""

    __tablename__ = "db_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)


class AuditEntry(Base):
    """Append-only, hash-chained record of who did what.

    ``hash`` chains every entry to the previous one (SHA-256 over the canonical
    entry); ``mac`` is an HMAC of that hash under the database key, written
    whenever the key is unlocked, so whoever lacks the key can neither edit an
    entry nor recompute the chain unnoticed.
    """

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    username: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON; reserved values encrypted
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)  # no forks
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    mac: Mapped[str | None] = mapped_column(String(64))
    origin: Mapped[str | None] = mapped_column(String(32))  # the desktop (Database) that wrote it
