"""Who sits, and with which rights, for a given case (DOMAIN.md, "The committees").

A seat with no condition sits for every case. A conditional seat sits only for
the cases its condition names: ACNUR for displaced population, a population's
delegates for their own population, the competent ministries when restoration
measures are analysed, and entities the secretariat marks as competent or
pertinent for that case.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from comite.domain import Rights, SeatCondition


@dataclass(frozen=True, slots=True)
class SeatView:
    """One seat of a committee's composition, as the rules need it."""

    key: str
    rights: Rights
    condition: SeatCondition | None
    population: str | None
    entity: str


@dataclass(frozen=True, slots=True)
class CaseView:
    """The facts about a case that decide which conditional seats sit.

    ``competent_seats`` and ``pertinent_seats`` are the keys of the seats the
    secretariat marked as attending this case under ``when_competent`` and
    ``when_pertinent``.
    """

    population: str | None = None
    displaced: bool = False
    restoration_measures: bool = False
    competent_seats: frozenset[str] = field(default_factory=frozenset)
    pertinent_seats: frozenset[str] = field(default_factory=frozenset)


def seat_applies(seat: SeatView, case: CaseView) -> bool:
    """True if the seat sits for this case."""
    match seat.condition:
        case None:
            return True
        case SeatCondition.DISPLACED_CASES:
            return case.displaced
        case SeatCondition.OWN_POPULATION:
            return seat.population is not None and seat.population == case.population
        case SeatCondition.RESTORATION_MEASURES:
            return case.restoration_measures
        case SeatCondition.WHEN_COMPETENT:
            return seat.key in case.competent_seats
        case SeatCondition.WHEN_PERTINENT:
            return seat.key in case.pertinent_seats
    raise ValueError(f"Condición de asiento desconocida: {seat.condition!r}.")


def case_rights(seat: SeatView, case: CaseView) -> Rights | None:
    """The seat's rights for this case, or ``None`` if it does not sit for it."""
    return seat.rights if seat_applies(seat, case) else None


def can_vote(seat: SeatView, case: CaseView) -> bool:
    """True if the seat has voz y voto and sits for this case."""
    return case_rights(seat, case) == Rights.VOZ_Y_VOTO
