"""A committee session and everything recorded in it.

``CommitteeSession`` (not ``Session``, which is SQLAlchemy's) keeps the
composition it was convened under. The agenda is ordered items; a case on the
agenda is a :class:`Hearing` (the case's appearance in this session), which
holds the deliberation, the invitees' observations, the decision and the votes.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from comite.domain import (
    ActaKind,
    AgendaItemKind,
    AttendanceStatus,
    Capacity,
    CommitmentStatus,
    DecisionOutcome,
    HearingSource,
    MeasureAction,
    Rights,
    RiskLevel,
    SeatCondition,
    SeatRole,
    SessionStatus,
    SessionType,
    VoteChoice,
)
from comite.model.base import Base, Code, Encrypted, UTCDateTime, utcnow
from comite.model.catalog import Committee, Composition, Seat


class CommitteeSession(Base):
    __tablename__ = "committee_session"
    __table_args__ = (UniqueConstraint("committee_id", "year", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    composition_id: Mapped[int] = mapped_column(ForeignKey("composition.id"))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    session_type: Mapped[SessionType] = mapped_column(Code(SessionType, 20))
    day: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str | None] = mapped_column(String(250))
    virtual_link: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[SessionStatus] = mapped_column(Code(SessionStatus, 30), default=SessionStatus.PROGRAMADA)
    development: Mapped[str | None] = mapped_column(Encrypted("session.development"))
    presiding_attendance_id: Mapped[int | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="SET NULL", use_alter=True)
    )
    secretary_name: Mapped[str | None] = mapped_column(String(160))
    secretary_position: Mapped[str | None] = mapped_column(String(160))
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    committee: Mapped[Committee] = relationship()
    composition: Mapped[Composition] = relationship()
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="session", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="session",
        order_by="Attendance.position",
        cascade="all, delete-orphan",
        foreign_keys="Attendance.session_id",
    )

    __mapper_args__ = {"version_id_col": row_version}


class AgendaItem(Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("committee_session.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[AgendaItemKind] = mapped_column(Code(AgendaItemKind, 20))
    title: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Encrypted("agenda.notes"))

    session: Mapped[CommitteeSession] = relationship(back_populates="agenda")
    hearing: Mapped[Hearing | None] = relationship(
        back_populates="agenda_item", uselist=False, cascade="all, delete-orphan"
    )


class Attendance(Base):
    """One convened seat (or ad hoc invitee) and who actually sat in it."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("committee_session.id", ondelete="CASCADE"), index=True
    )
    seat_id: Mapped[int | None] = mapped_column(ForeignKey("seat.id"))
    seat_key: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(250))
    role: Mapped[SeatRole] = mapped_column(Code(SeatRole, 30))
    rights: Mapped[Rights] = mapped_column(Code(Rights, 20))
    condition: Mapped[SeatCondition | None] = mapped_column(Code(SeatCondition, 30))
    population_code: Mapped[str | None] = mapped_column(String(20))
    person_name: Mapped[str | None] = mapped_column(String(160))
    person_position: Mapped[str | None] = mapped_column(String(160))
    email: Mapped[str | None] = mapped_column(String(200))
    capacity: Mapped[Capacity] = mapped_column(Code(Capacity, 20), default=Capacity.PRINCIPAL)
    status: Mapped[AttendanceStatus] = mapped_column(Code(AttendanceStatus, 20), default=AttendanceStatus.AUSENTE)
    arrival: Mapped[time | None] = mapped_column(Time)
    departure: Mapped[time | None] = mapped_column(Time)
    ad_hoc_reason: Mapped[str | None] = mapped_column(Text)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    session: Mapped[CommitteeSession] = relationship(
        back_populates="attendance", foreign_keys=[session_id]
    )
    seat: Mapped[Seat | None] = relationship()
    cases: Mapped[list[AttendanceCase]] = relationship(
        back_populates="attendance", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("session_id", "seat_key"),)
    __mapper_args__ = {"version_id_col": row_version}


class AttendanceCase(Base):
    """A conditional seat marked as sitting for one case (competent/pertinent)."""

    __tablename__ = "attendance_case"

    attendance_id: Mapped[int] = mapped_column(
        ForeignKey("attendance.id", ondelete="CASCADE"), primary_key=True
    )
    hearing_id: Mapped[int] = mapped_column(
        ForeignKey("hearing.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    attendance: Mapped[Attendance] = relationship(back_populates="cases")


class Hearing(Base):
    """A case's appearance on one session's agenda."""

    __tablename__ = "hearing"
    __table_args__ = (UniqueConstraint("session_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("committee_session.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), unique=True
    )
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    source: Mapped[HearingSource] = mapped_column(Code(HearingSource, 20), default=HearingSource.REGISTRO)
    proposal_level: Mapped[RiskLevel | None] = mapped_column(Code(RiskLevel, 20))
    proposal_pct: Mapped[float | None] = mapped_column(Float)
    proposal_concept: Mapped[str | None] = mapped_column(Encrypted("hearing.proposal_concept"))
    discussed_at: Mapped[time | None] = mapped_column(Time)
    restoration_measures: Mapped[bool] = mapped_column(Boolean, default=False)
    deliberation: Mapped[str | None] = mapped_column(Encrypted("hearing.deliberation"))
    recognition_answers: Mapped[str | None] = mapped_column(Text)  # JSON {criterion: bool}
    recognition_granted: Mapped[bool | None] = mapped_column(Boolean)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="hearing")
    session: Mapped[CommitteeSession] = relationship()
    observations: Mapped[list[Observation]] = relationship(
        back_populates="hearing", cascade="all, delete-orphan", order_by="Observation.id"
    )
    decision: Mapped[Decision | None] = relationship(
        back_populates="hearing", uselist=False, cascade="all, delete-orphan"
    )
    votes: Mapped[list[Vote]] = relationship(
        back_populates="hearing", cascade="all, delete-orphan", order_by="Vote.id"
    )

    __mapper_args__ = {"version_id_col": row_version}


class Observation(Base):
    """What an invitee (solo voz) said about a case."""

    __tablename__ = "observation"

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearing.id", ondelete="CASCADE"), index=True)
    attendance_id: Mapped[int | None] = mapped_column(ForeignKey("attendance.id", ondelete="SET NULL"))
    entity: Mapped[str] = mapped_column(String(250))
    text: Mapped[str] = mapped_column(Encrypted("observation.text"))

    hearing: Mapped[Hearing] = relationship(back_populates="observations")


class Decision(Base):
    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearing.id", ondelete="CASCADE"), unique=True)
    outcome: Mapped[DecisionOutcome] = mapped_column(Code(DecisionOutcome, 20))
    risk_level: Mapped[RiskLevel | None] = mapped_column(Code(RiskLevel, 20))
    matrix_pct: Mapped[float | None] = mapped_column(Float)
    concept: Mapped[str | None] = mapped_column(Encrypted("decision.concept"))
    adopted: Mapped[bool] = mapped_column(Boolean, default=False)
    a_favor: Mapped[int] = mapped_column(Integer, default=0)
    en_contra: Mapped[int] = mapped_column(Integer, default=0)
    abstencion: Mapped[int] = mapped_column(Integer, default=0)
    decided_on: Mapped[date | None] = mapped_column(Date)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    hearing: Mapped[Hearing] = relationship(back_populates="decision")
    measures: Mapped[list[MeasureDecision]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="MeasureDecision.position"
    )

    __mapper_args__ = {"version_id_col": row_version}


class MeasureDecision(Base):
    __tablename__ = "measure_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    measure_code: Mapped[str] = mapped_column(String(40))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    action: Mapped[MeasureAction] = mapped_column(Code(MeasureAction, 20))
    temporality_months: Mapped[int | None] = mapped_column(Integer)
    revaluation_date: Mapped[date | None] = mapped_column(Date, index=True)
    notes: Mapped[str | None] = mapped_column(Encrypted("measure.notes"))

    decision: Mapped[Decision] = relationship(back_populates="measures")


class Vote(Base):
    __tablename__ = "vote"
    __table_args__ = (UniqueConstraint("hearing_id", "seat_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearing.id", ondelete="CASCADE"), index=True)
    attendance_id: Mapped[int] = mapped_column(ForeignKey("attendance.id", ondelete="CASCADE"))
    seat_key: Mapped[str] = mapped_column(String(60))
    choice: Mapped[VoteChoice] = mapped_column(Code(VoteChoice, 20))
    dissent: Mapped[str | None] = mapped_column(Encrypted("vote.dissent"))

    hearing: Mapped[Hearing] = relationship(back_populates="votes")


class Commitment(Base):
    __tablename__ = "commitment"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    origin_session_id: Mapped[int] = mapped_column(
        ForeignKey("committee_session.id", ondelete="CASCADE"), index=True
    )
    hearing_id: Mapped[int | None] = mapped_column(ForeignKey("hearing.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Encrypted("commitment.description"))
    responsible: Mapped[str] = mapped_column(String(250))
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[CommitmentStatus] = mapped_column(Code(CommitmentStatus, 20), default=CommitmentStatus.PENDIENTE,
                                                    index=True)
    closed_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("committee_session.id", ondelete="SET NULL")
    )
    closed_on: Mapped[date | None] = mapped_column(Date)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": row_version}


class ActaVersion(Base):
    """A generated acta: drafts for review, the approved final, fe de erratas."""

    __tablename__ = "acta_version"
    __table_args__ = (UniqueConstraint("session_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("committee_session.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[ActaKind] = mapped_column(Code(ActaKind, 20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80))
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted PDF bytes
    errata_text: Mapped[str | None] = mapped_column(Encrypted("acta.errata"))


class ReviewObservation(Base):
    __tablename__ = "review_observation"

    id: Mapped[int] = mapped_column(primary_key=True)
    acta_version_id: Mapped[int] = mapped_column(
        ForeignKey("acta_version.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reviewer: Mapped[str] = mapped_column(String(160))
    entity: Mapped[str] = mapped_column(String(250), default="")
    text: Mapped[str] = mapped_column(Encrypted("review.text"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class Resolution(Base):
    """A resolution number assigned to a decided case."""

    __tablename__ = "resolution"
    __table_args__ = (UniqueConstraint("year", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearing.id", ondelete="CASCADE"), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    issued: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
