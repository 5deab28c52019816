"""The catalogue as the database holds it: loaded from the shipped data files,
editable by an administrator, versioned by validity dates.

A session stores the composition it was convened under, so a later decree that
changes a committee never rewrites the attendance of old sessions.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from comite.domain import (
    CommitteeKind,
    MajorityBasis,
    MeasureCategory,
    QuorumBasis,
    Rights,
    RiskLevel,
    SeatCondition,
    SeatRole,
)
from comite.model.base import Base, Code


class Committee(Base):
    __tablename__ = "committee"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[CommitteeKind] = mapped_column(Code(CommitteeKind, 20))

    compositions: Mapped[list[Composition]] = relationship(
        back_populates="committee", order_by="Composition.valid_from", cascade="all, delete-orphan"
    )


class Composition(Base):
    """One legal version of a committee's seats, valid from/to given dates."""

    __tablename__ = "composition"
    __table_args__ = (UniqueConstraint("committee_id", "valid_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    version: Mapped[str] = mapped_column(String(80))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    legal_basis: Mapped[str] = mapped_column(Text)
    quorum_fraction: Mapped[float] = mapped_column(Float, default=0.5)
    quorum_basis: Mapped[QuorumBasis] = mapped_column(Code(QuorumBasis, 20), default=QuorumBasis.VOTING_SEATS)
    majority_fraction: Mapped[float] = mapped_column(Float, default=0.5)
    majority_basis: Mapped[MajorityBasis] = mapped_column(Code(MajorityBasis, 20),
                                                          default=MajorityBasis.VOTING_PRESENT)

    committee: Mapped[Committee] = relationship(back_populates="compositions")
    seats: Mapped[list[Seat]] = relationship(
        back_populates="composition", order_by="Seat.position", cascade="all, delete-orphan"
    )


class Seat(Base):
    __tablename__ = "seat"
    __table_args__ = (UniqueConstraint("composition_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    composition_id: Mapped[int] = mapped_column(ForeignKey("composition.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(250))
    entity_code: Mapped[str] = mapped_column(String(60))
    holder: Mapped[str] = mapped_column(String(250))
    role: Mapped[SeatRole] = mapped_column(Code(SeatRole, 30))
    rights: Mapped[Rights] = mapped_column(Code(Rights, 20))
    condition: Mapped[SeatCondition | None] = mapped_column(Code(SeatCondition, 30))
    population_code: Mapped[str | None] = mapped_column(String(20))
    legal_basis: Mapped[str] = mapped_column(Text)

    composition: Mapped[Composition] = relationship(back_populates="seats")


class Population(Base):
    __tablename__ = "population"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class MeasureType(Base):
    __tablename__ = "measure_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[MeasureCategory] = mapped_column(Code(MeasureCategory, 20))
    unit_singular: Mapped[str] = mapped_column(String(120))
    unit_plural: Mapped[str] = mapped_column(String(120))
    feminine: Mapped[bool] = mapped_column(Boolean, default=False)
    restoration: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RiskBand(Base):
    """Matrix-percentage cut-offs for each risk level (configurable)."""

    __tablename__ = "risk_band"

    level: Mapped[RiskLevel] = mapped_column(Code(RiskLevel, 20), primary_key=True)
    min_pct: Mapped[float] = mapped_column(Float)
    max_pct: Mapped[float] = mapped_column(Float)


class Setting(Base):
    """Administrator settings stored with the data (JSON text values)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
