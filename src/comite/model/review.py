"""The delegates' review of a draft acta: each round sent, and to whom.

A :class:`ReviewRound` is one draft version sent for review, with the term for
observations (business days, Colombian calendar) and the rule the committee
applies to silence when it ends. A :class:`ReviewRecipient` is one delegate
who attended: where the draft went (or that no address was known), when they
answered, and what the rule made of their silence. The observations
themselves are :class:`~comite.model.session.ReviewObservation` rows.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from comite.domain import LapseRule, ReviewDelivery
from comite.model.base import Base, Code, UTCDateTime, utcnow


class ReviewRound(Base):
    __tablename__ = "review_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    acta_version_id: Mapped[int] = mapped_column(
        ForeignKey("acta_version.id", ondelete="CASCADE"), unique=True
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("committee_session.id", ondelete="CASCADE"), index=True
    )
    sent_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    business_days: Mapped[int] = mapped_column(Integer)
    lapse_rule: Mapped[LapseRule] = mapped_column(Code(LapseRule, 30))
    delivery: Mapped[ReviewDelivery] = mapped_column(Code(ReviewDelivery, 20))
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recipients: Mapped[list[ReviewRecipient]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="ReviewRecipient.position"
    )


class ReviewRecipient(Base):
    __tablename__ = "review_recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("review_round.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    attendance_id: Mapped[int | None] = mapped_column(ForeignKey("attendance.id", ondelete="SET NULL"))
    entity: Mapped[str] = mapped_column(String(250))
    reviewer: Mapped[str] = mapped_column(String(160))
    email: Mapped[str | None] = mapped_column(String(200))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # None: no address, not sent
    answered_on: Mapped[date | None] = mapped_column(Date)
    no_observations: Mapped[bool] = mapped_column(Boolean, default=False)
    lapse_result: Mapped[LapseRule | None] = mapped_column(Code(LapseRule, 30))  # applied at the term's end
    lapse_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    round: Mapped[ReviewRound] = relationship(back_populates="recipients")
