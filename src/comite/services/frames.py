"""What the rules judge a case by, read from the stored session: its seats, who
attended and when, the case's features, the voting settings and the votes.

Read-only: the write services (attendance, deliberation, decisions) and the
views and the acta all take their frames from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from comite.domain import AttendanceStatus, Rights, SeatCondition, VoteChoice, VotingSettings
from comite.model import Attendance, AttendanceCase, Case, CommitteeSession, Hearing
from comite.rules.quorum import (
    AttendanceView,
    QuorumResult,
    TallyResult,
    VoteView,
    quorum_for_case,
    tally,
)
from comite.rules.rights import CaseView, SeatView
from comite.services.catalog import voting_settings


def seat_view(att: Attendance) -> SeatView:
    return SeatView(
        key=att.seat_key,
        rights=Rights(att.rights),
        condition=SeatCondition(att.condition) if att.condition else None,
        population=att.population_code,
        entity=att.entity,
    )


def attendance_view(att: Attendance) -> AttendanceView:
    return AttendanceView(att.seat_key, AttendanceStatus(att.status), att.arrival, att.departure)


def case_view(s: Session, hearing: Hearing, case: Case | None = None) -> CaseView:
    case = case or s.get_one(Case, hearing.case_id)
    marked = s.execute(
        select(Attendance.seat_key, Attendance.condition)
        .join(AttendanceCase, AttendanceCase.attendance_id == Attendance.id)
        .where(AttendanceCase.hearing_id == hearing.id)
    ).all()
    return CaseView(
        population=case.population_code,
        displaced=case.displaced,
        restoration_measures=hearing.restoration_measures,
        competent_seats=frozenset(k for k, c in marked if c == SeatCondition.WHEN_COMPETENT),
        pertinent_seats=frozenset(k for k, c in marked if c == SeatCondition.WHEN_PERTINENT),
    )


@dataclass(frozen=True)
class CaseFrame:
    """Everything the rules need to judge one case at its moment."""

    seats: tuple[SeatView, ...]
    attendance: dict[str, AttendanceView]
    case: CaseView
    moment: time | None
    settings: VotingSettings


def case_frame(s: Session, hearing: Hearing) -> CaseFrame:
    sess = hearing.session
    rows = list(sess.attendance)
    return CaseFrame(
        tuple(seat_view(a) for a in rows),
        {a.seat_key: attendance_view(a) for a in rows},
        case_view(s, hearing),
        hearing.discussed_at,
        voting_settings(sess.composition),
    )


def vote_views(hearing: Hearing) -> list[VoteView]:
    return [VoteView(v.seat_key, VoteChoice(v.choice), v.dissent) for v in hearing.votes]


def times_recorded(sess: CommitteeSession) -> bool:
    """The session records when attendees arrived or left."""
    return any(a.arrival is not None or a.departure is not None for a in sess.attendance)


def current_tally(s: Session, hearing: Hearing) -> tuple[QuorumResult, TallyResult]:
    """Quorum and tally as they stand (for views; raises nothing)."""
    frame = case_frame(s, hearing)
    quorum = quorum_for_case(frame.seats, frame.attendance, frame.case, frame.moment, frame.settings)
    return quorum, tally(vote_views(hearing), quorum, frame.settings)


