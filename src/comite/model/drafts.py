"""Decision drafts: what a person typed in a case's decision form, not yet recorded."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from comite.model.base import Base, Encrypted, UTCDateTime, utcnow


class DecisionDraft(Base):
    """One person's unsaved decision for one hearing, kept encrypted so that a crash, a
    quit from the lock screen or a power cut loses nothing typed (see
    :mod:`comite.services.drafts`). It is private to its author and never part of the acta."""

    __tablename__ = "decision_draft"
    __table_args__ = (UniqueConstraint("hearing_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearing.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    payload: Mapped[str] = mapped_column(Encrypted("decision_draft.payload"))
    """JSON: the form's values, with the hearing and author it belongs to (checked when read)."""
    hearing_version: Mapped[int | None] = mapped_column(Integer)
    """The hearing's row version the form showed; another value now means it changed since."""
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
