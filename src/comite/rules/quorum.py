"""Presence at a moment, quorum per case, and the vote tally (DOMAIN.md, "Quorum and voting").

Quorum and majority are configurable (:class:`comite.domain.VotingSettings`).
Quorum is checked per case: people arrive and leave, and conditional seats sit
only for some cases, so both the seats that count and who is present depend on
the case and on the moment it is voted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time

from comite.domain import (
    AttendanceStatus,
    LabeledEnum,
    MajorityBasis,
    Rights,
    VoteChoice,
    VotingSettings,
)
from comite.errors import RuleViolation
from comite.rules._common import as_fraction, join_es, more_than, plural, with_article
from comite.rules.rights import CaseView, SeatView, can_vote, seat_applies


@dataclass(frozen=True, slots=True)
class AttendanceView:
    """Attendance of one seat: status and, if known, arrival and departure times."""

    seat_key: str
    status: AttendanceStatus
    arrival: time | None = None
    departure: time | None = None


def is_present_at(att: AttendanceView, moment: time | None) -> bool:
    """True if the seat is present at ``moment``: arrival <= moment < departure.

    A missing arrival or departure leaves that side open. ``moment=None`` asks
    only whether the status is *presente*.
    """
    if att.status != AttendanceStatus.PRESENTE:
        return False
    if moment is None:
        return True
    arrived = att.arrival is None or att.arrival <= moment
    still_here = att.departure is None or moment < att.departure
    return arrived and still_here


@dataclass(frozen=True, slots=True)
class QuorumResult:
    voting_seats: int
    """Seats with voz y voto that sit for the case."""
    present_voting: tuple[str, ...]
    """Keys of those seats present at the moment, in composition order."""
    required: int
    """Smallest integer strictly greater than ``quorum_fraction × voting_seats``."""
    has_quorum: bool
    message: str


def quorum_for_case(
    seats: Sequence[SeatView],
    attendance: Mapping[str, AttendanceView],
    case: CaseView,
    moment: time | None,
    settings: VotingSettings,
) -> QuorumResult:
    """Quorum for one case at one moment. A seat missing from ``attendance`` is absent."""
    voting = [s for s in seats if can_vote(s, case)]
    present = tuple(
        s.key for s in voting if s.key in attendance and is_present_at(attendance[s.key], moment)
    )
    required = more_than(as_fraction(settings.quorum_fraction, "quórum"), len(voting))
    has_quorum = bool(voting) and len(present) >= required
    if voting:
        needed = "se requiere" if required == 1 else "se requieren"
        detail = f"{len(present)} de {_members_present(len(voting))} ({needed} {required})."
    else:
        detail = "ningún miembro con voz y voto tiene asiento en este caso."
    message = f"{'Hay' if has_quorum else 'No hay'} quórum: {detail}"
    return QuorumResult(len(voting), present, required, has_quorum, message)


class DissentKind(LabeledEnum):
    """A stated reason that goes with a vote: against/abstaining, or in favour."""

    SALVAMENTO = ("salvamento", "Salvamento de voto")
    ACLARACION = ("aclaracion", "Aclaración de voto")


@dataclass(frozen=True, slots=True)
class VoteView:
    seat_key: str
    choice: VoteChoice
    dissent: str | None = None

    @property
    def dissent_kind(self) -> DissentKind | None:
        """Salvamento de voto with en contra/abstención; aclaración with a favor."""
        if not (self.dissent and self.dissent.strip()):
            return None
        if self.choice == VoteChoice.A_FAVOR:
            return DissentKind.ACLARACION
        return DissentKind.SALVAMENTO


@dataclass(frozen=True, slots=True)
class TallyResult:
    a_favor: int
    en_contra: int
    abstencion: int
    missing: tuple[str, ...]
    """Keys of voting members present who have not voted."""
    required_in_favor: int
    """Votes a favor needed for the majority, given the basis."""
    majority: bool
    """``a_favor`` reaches the majority (arithmetic only)."""
    complete: bool
    """Every voting member present has voted."""
    adopted: bool
    """Quorum, complete votes and majority: the decision can be recorded as adopted."""
    message: str


def tally(votes: Sequence[VoteView], quorum: QuorumResult, settings: VotingSettings) -> TallyResult:
    """Count votes (not validated: see :func:`validate_votes`).

    Majority: ``a_favor > majority_fraction × basis``; the basis is the voting
    members present (``VOTING_PRESENT``) or ``a_favor + en_contra``
    (``VOTES_CAST``, abstentions do not count).
    """
    fraction = as_fraction(settings.majority_fraction, "mayoría")
    a_favor = sum(v.choice == VoteChoice.A_FAVOR for v in votes)
    en_contra = sum(v.choice == VoteChoice.EN_CONTRA for v in votes)
    abstencion = sum(v.choice == VoteChoice.ABSTENCION for v in votes)
    voted = {v.seat_key for v in votes}
    missing = tuple(k for k in quorum.present_voting if k not in voted)
    if settings.majority_basis == MajorityBasis.VOTES_CAST:
        # a > f(a + c)  <=>  a > c·f/(1 - f)
        required = more_than(fraction / (1 - fraction), en_contra)
    else:
        required = more_than(fraction, len(quorum.present_voting))
    majority = a_favor >= required
    complete = not missing
    adopted = quorum.has_quorum and complete and majority
    counts = join_es(
        [
            f"{a_favor} a favor",
            f"{en_contra} en contra",
            plural(abstencion, "abstención", "abstenciones"),
        ]
    )
    if not quorum.has_quorum:
        outcome = "No hay quórum: la decisión no puede adoptarse."
    elif not complete:
        lacking = "falta" if len(missing) == 1 else "faltan"
        outcome = f"Votación incompleta: {lacking} {plural(len(missing), 'voto')}."
    else:
        verdict = "Decisión adoptada" if adopted else "Decisión no adoptada"
        outcome = f"{verdict} (se requieren al menos {plural(required, 'voto')} a favor)."
    message = f"Votación: {counts}. {outcome}"
    return TallyResult(
        a_favor, en_contra, abstencion, missing, required, majority, complete, adopted, message
    )


def validate_votes(
    votes: Sequence[VoteView],
    seats: Sequence[SeatView],
    attendance: Mapping[str, AttendanceView],
    case: CaseView,
    moment: time | None,
    settings: VotingSettings,
) -> TallyResult:
    """Tally the votes of a case after checking that each one may be cast.

    More votes than voting members present is refused through the vote that
    is in excess: each vote must come from a different voting member present,
    so the message names who may not vote rather than only counting.

    Raises:
        RuleViolation: no quorum; a vote from a seat outside the composition,
            with solo voz, without a seat in this case, not present at
            ``moment``, or voting twice.
    """
    quorum = quorum_for_case(seats, attendance, case, moment, settings)
    if not quorum.has_quorum:
        raise RuleViolation(f"No se puede votar este caso. {quorum.message}")
    present = set(quorum.present_voting)
    by_key = {s.key: s for s in seats}
    seen: set[str] = set()
    for vote in votes:
        seat = by_key.get(vote.seat_key)
        if seat is None:
            raise RuleViolation(
                f"El puesto «{vote.seat_key}» no hace parte de la composición del comité: "
                "no puede votar."
            )
        name = with_article(seat.entity)
        if seat.rights != Rights.VOZ_Y_VOTO:
            raise RuleViolation(f"{name} tiene solo voz: no puede votar.")
        if not seat_applies(seat, case):
            condition = seat.condition.label.lower() if seat.condition else ""  # only conditional seats
            raise RuleViolation(
                f"{name} no tiene asiento en este caso ({condition}): no puede votar."
            )
        if vote.seat_key not in present:
            at = f" a las {moment:%H:%M}" if moment is not None else ""
            raise RuleViolation(f"{name} no está presente{at}: no puede votar.")
        if vote.seat_key in seen:
            raise RuleViolation(f"{name} votó más de una vez en este caso.")
        seen.add(vote.seat_key)
    return tally(votes, quorum, settings)


def validate_adoption(
    votes: Sequence[VoteView],
    seats: Sequence[SeatView],
    attendance: Mapping[str, AttendanceView],
    case: CaseView,
    moment: time | None,
    settings: VotingSettings,
) -> TallyResult:
    """The tally of a decision that is being recorded as adopted.

    Raises:
        RuleViolation: any refusal of :func:`validate_votes`; votes missing
            (names the entities); or no majority (says how many were needed).
    """
    result = validate_votes(votes, seats, attendance, case, moment, settings)
    if result.missing:
        entity = {s.key: s.entity for s in seats}
        raise RuleViolation(f"Faltan los votos de: {join_es(entity[k] for k in result.missing)}.")
    if not result.majority:
        if settings.majority_basis == MajorityBasis.VOTES_CAST:
            cast = result.a_favor + result.en_contra
            basis = f"{plural(cast, 'voto emitido', 'votos emitidos')} sin contar abstenciones"
        else:  # valid and complete: one vote per voting member present
            basis = _members_present(len(votes))
        raise RuleViolation(
            f"La decisión no se adopta: tiene {plural(result.a_favor, 'voto')} a favor y, "
            f"con {basis}, se requieren al menos {result.required_in_favor}."
        )
    return result


def _members_present(count: int) -> str:
    if count == 1:
        return "1 miembro con voto presente"
    return f"{count} miembros con voto presentes"
