"""Cases: they live across sessions (GVP, then a CERREM, then revaluations).

Everything that identifies the person is :class:`Encrypted`; exact look-up by
document number goes through a keyed blind index (``document_bidx``). The
radicado is the case's public handle (the acta names cases by it).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from comite.domain import CaseKind, CaseStatus, RiskLevel, Route
from comite.model.base import Base, Code, Encrypted, UTCDateTime, utcnow


class Case(Base):
    __tablename__ = "case_file"
    __table_args__ = (
        Index("ix_case_file_population_route", "population_code", "route"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    radicado: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[CaseKind] = mapped_column(Code(CaseKind, 20))
    beneficiary_name: Mapped[str] = deferred(mapped_column(Encrypted("case.beneficiary_name")))
    document_number: Mapped[str | None] = deferred(mapped_column(Encrypted("case.document_number")))
    document_bidx: Mapped[bytes | None] = mapped_column(LargeBinary(16), index=True)
    contact: Mapped[str | None] = deferred(mapped_column(Encrypted("case.contact")))
    address: Mapped[str | None] = deferred(mapped_column(Encrypted("case.address")))
    narrative: Mapped[str | None] = deferred(mapped_column(Encrypted("case.narrative")))
    population_code: Mapped[str | None] = mapped_column(String(20))
    department: Mapped[str | None] = mapped_column(String(80))
    municipality: Mapped[str | None] = mapped_column(String(120))
    route: Mapped[Route] = mapped_column(Code(Route, 30))
    displaced: Mapped[bool] = mapped_column(Boolean, default=False)
    analyst: Mapped[str | None] = mapped_column(String(160))
    matrix_pct: Mapped[float | None] = mapped_column(Float)
    proposed_level: Mapped[RiskLevel | None] = mapped_column(Code(RiskLevel, 20))
    # Routing to the right CERREM (rules.routing)
    is_woman: Mapped[bool] = mapped_column(Boolean, default=False)
    women_committee_choice: Mapped[bool | None] = mapped_column(Boolean)
    up_pcc_member: Mapped[bool] = mapped_column(Boolean, default=False)
    public_servant: Mapped[bool] = mapped_column(Boolean, default=False)
    legally_recognised: Mapped[bool | None] = mapped_column(Boolean)  # collectives
    # Differential approach (enfoque diferencial): comma-separated codes
    differential: Mapped[str] = mapped_column(String(200), default="")
    request_date: Mapped[date | None] = mapped_column(Date)
    study_received: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[CaseStatus] = mapped_column(Code(CaseStatus, 30), default=CaseStatus.EN_ESTUDIO)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    family: Mapped[list[FamilyMember]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="FamilyMember.id"
    )

    __mapper_args__ = {"version_id_col": row_version}


class FamilyMember(Base):
    """Family members covered by the case's measures (named in the resolution)."""

    __tablename__ = "family_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    relationship_: Mapped[str] = mapped_column("relationship", String(60))
    name: Mapped[str] = mapped_column(Encrypted("family.name"))

    case: Mapped[Case] = relationship(back_populates="family")


class EmergencyMeasure(Base):
    """Measures the Director adopted without a study; reported at the next CERREM."""

    __tablename__ = "emergency_measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    adopted_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Encrypted("emergency.description"))
    reported_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("committee_session.id", ondelete="SET NULL"), index=True
    )


class Handoff(Base):
    """The GVP's result for a case, handed to the CERREM that will receive it."""

    __tablename__ = "handoff"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    gvp_hearing_id: Mapped[int] = mapped_column(
        ForeignKey("hearing.id", ondelete="CASCADE"), unique=True
    )
    target_committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    level: Mapped[RiskLevel | None] = mapped_column(Code(RiskLevel, 20))
    matrix_pct: Mapped[float | None] = mapped_column(Float)
    concept: Mapped[str | None] = mapped_column(Encrypted("handoff.concept"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    received_hearing_id: Mapped[int | None] = mapped_column(
        ForeignKey("hearing.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
