"""SQLAlchemy 2 ORM classes, one module per aggregate. Importing this package
registers every table on :data:`Base.metadata`."""

from comite.model.base import Base, Encrypted, attach_vault
from comite.model.case import Case, EmergencyMeasure, FamilyMember, Handoff
from comite.model.catalog import (
    Committee,
    Composition,
    MeasureType,
    Population,
    RiskBand,
    Seat,
    Setting,
)
from comite.model.drafts import DecisionDraft
from comite.model.facts import report_hearing
from comite.model.review import ReviewRecipient, ReviewRound
from comite.model.security import AuditEntry, DatabaseMeta, KeyWrap, User, UserCommittee
from comite.model.session import (
    ActaVersion,
    AgendaItem,
    Attendance,
    AttendanceCase,
    Commitment,
    CommitteeSession,
    Decision,
    Hearing,
    MeasureDecision,
    Observation,
    Resolution,
    ReviewObservation,
    Vote,
)

__all__ = [
    "ActaVersion", "AgendaItem", "Attendance", "AttendanceCase", "AuditEntry", "Base", "Case",
    "Commitment", "Committee", "CommitteeSession", "Composition", "DatabaseMeta", "Decision",
    "DecisionDraft",
    "EmergencyMeasure", "Encrypted", "FamilyMember", "Handoff", "Hearing", "KeyWrap",
    "MeasureDecision", "MeasureType", "Observation", "Population", "Resolution",
    "ReviewObservation", "ReviewRecipient", "ReviewRound", "RiskBand", "Seat", "Setting", "User", "UserCommittee",
    "Vote",
    "attach_vault", "report_hearing",
]
