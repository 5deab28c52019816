"""The committee catalogue as frozen values (no Qt, no database).

A :class:`Catalog` is what :func:`comite.catalog.loader.load_catalog` builds
from the TOML files in ``catalog/data``: committees with their dated
compositions, the target populations, the measure types and the risk bands.
Every lookup that fails raises :class:`comite.errors.NotFound` with a Spanish
message.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from comite.domain import (
    CommitteeKind,
    MeasureCategory,
    Rights,
    RiskLevel,
    SeatCondition,
    SeatRole,
    VotingSettings,
)
from comite.errors import NotFound, ValidationError
from comite.text import fold


def format_day(day: date) -> str:
    """``date(2015, 5, 26)`` -> ``'26/05/2015'`` (how dates read in Spanish)."""
    return day.strftime("%d/%m/%Y")


def in_period(day: date, start: date, end: date | None) -> bool:
    """True if ``start <= day <= end`` (``end`` None: open-ended)."""
    return start <= day and (end is None or day <= end)


#: Roles that sit with voice and vote; invitees (``invitado_*``) never vote.
VOTING_ROLES = frozenset({SeatRole.PRESIDE, SeatRole.SECRETARIA_TECNICA, SeatRole.MIEMBRO})


@dataclass(frozen=True, slots=True)
class SeatDef:
    """One seat of a composition. ``condition`` None: attends every case."""

    key: str
    entity: str
    entity_code: str
    holder: str
    role: SeatRole
    rights: Rights
    condition: SeatCondition | None
    population: str | None
    legal_basis: str

    @property
    def votes(self) -> bool:
        return self.rights is Rights.VOZ_Y_VOTO

    @property
    def always_attends(self) -> bool:
        return self.condition is None


@dataclass(frozen=True, slots=True)
class CompositionDef:
    """One legal version of a committee's seats, in force from/to given dates."""

    committee_code: str
    version: str
    valid_from: date
    valid_to: date | None
    legal_basis: str
    voting: VotingSettings
    seats: tuple[SeatDef, ...]
    notes: str = ""

    @property
    def voting_seats(self) -> tuple[SeatDef, ...]:
        return tuple(s for s in self.seats if s.votes)

    @property
    def invitee_seats(self) -> tuple[SeatDef, ...]:
        return tuple(s for s in self.seats if not s.votes)

    @property
    def presiding_seat(self) -> SeatDef:
        return next(s for s in self.seats if s.role is SeatRole.PRESIDE)

    def is_valid_on(self, day: date) -> bool:
        return in_period(day, self.valid_from, self.valid_to)

    def seat(self, key: str) -> SeatDef:
        for seat in self.seats:
            if seat.key == key:
                return seat
        raise NotFound(
            f"La composición «{self.version}» del comité {self.committee_code} "
            f"no tiene el puesto «{key}»."
        )

    def expected_seats(
        self,
        *,
        population: str | None = None,
        displaced: bool = False,
        restoration: bool = False,
        include: Collection[str] = (),
    ) -> tuple[SeatDef, ...]:
        """Seats that attend a case with these traits.

        Unconditional seats always; ``displaced_cases`` seats if ``displaced``;
        ``own_population`` seats of ``population``; ``restoration_measures``
        seats if ``restoration``; ``when_competent``/``when_pertinent`` seats
        only when their key is in ``include`` (the committee decides).
        """
        wanted: list[SeatDef] = []
        for seat in self.seats:
            cond = seat.condition
            if (
                cond is None
                or (cond is SeatCondition.DISPLACED_CASES and displaced)
                or (cond is SeatCondition.OWN_POPULATION and seat.population == population)
                or (cond is SeatCondition.RESTORATION_MEASURES and restoration)
                or seat.key in include
            ):
                wanted.append(seat)
        return tuple(wanted)


@dataclass(frozen=True, slots=True)
class CommitteeDef:
    code: str
    name: str
    short_name: str
    kind: CommitteeKind
    compositions: tuple[CompositionDef, ...]  # sorted by valid_from

    def composition_on(self, day: date) -> CompositionDef:
        for comp in self.compositions:
            if comp.is_valid_on(day):
                return comp
        raise NotFound(
            f"El comité {self.short_name} no tiene una composición vigente el {format_day(day)}."
        )

    def composition(self, version: str) -> CompositionDef:
        for comp in self.compositions:
            if comp.version == version:
                return comp
        raise NotFound(f"El comité {self.short_name} no tiene la composición «{version}».")


@dataclass(frozen=True, slots=True)
class PopulationDef:
    """A target population of art. 2.4.1.2.6 (dated: decrees add and remove them)."""

    code: str
    number: int
    name: str
    legal_basis: str
    valid_from: date
    valid_to: date | None
    short_name: str = ""

    def is_valid_on(self, day: date) -> bool:
        return in_period(day, self.valid_from, self.valid_to)

    @property
    def label(self) -> str:
        return f"{self.number}. {self.short_name or self.name}"


@dataclass(frozen=True, slots=True)
class MeasureTypeDef:
    code: str
    name: str
    category: MeasureCategory
    unit_singular: str
    unit_plural: str
    restoration: bool
    feminine: bool = False
    active: bool = True
    description: str = ""

    def unit(self, quantity: int) -> str:
        return self.unit_singular if quantity == 1 else self.unit_plural


@dataclass(frozen=True, slots=True)
class RiskLevelBand:
    """``min_pct <= pct <= max_pct`` (both bounds inclusive, as in comite.rules.risk)."""

    level: RiskLevel
    min_pct: float
    max_pct: float

    def contains(self, pct: float) -> bool:
        return self.min_pct <= pct <= self.max_pct


def _find(items: Iterable, code: str, what: str):
    key = fold(code)
    for item in items:
        if fold(item.code) == key:
            return item
    raise NotFound(f"No existe {what} con código «{code}» en el catálogo.")


@dataclass(frozen=True, slots=True)
class Catalog:
    committees: tuple[CommitteeDef, ...]
    populations: tuple[PopulationDef, ...]
    measure_types: tuple[MeasureTypeDef, ...]
    risk_bands: tuple[RiskLevelBand, ...]

    def committee(self, code: str) -> CommitteeDef:
        return _find(self.committees, code, "un comité")

    def composition_on(self, code: str, day: date) -> CompositionDef:
        return self.committee(code).composition_on(day)

    def composition(self, code: str, version: str) -> CompositionDef:
        """The composition by its version label (what a session stores)."""
        return self.committee(code).composition(version)

    def population(self, code: str) -> PopulationDef:
        return _find(self.populations, code, "una población objeto")

    def populations_on(self, day: date) -> tuple[PopulationDef, ...]:
        return tuple(p for p in self.populations if p.is_valid_on(day))

    def measure_type(self, code: str) -> MeasureTypeDef:
        return _find(self.measure_types, code, "un tipo de medida")

    def risk_level_for(self, pct: float | Decimal | int) -> RiskLevel:
        """Risk level for a matrix percentage (0–100) under the configured cut-offs."""
        value = float(pct)
        if not 0 <= value <= 100:
            raise ValidationError(
                f"El porcentaje de la matriz ({value:.2f}) debe estar entre 0 y 100."
            )
        for band in self.risk_bands:
            if band.contains(value):
                return band.level
        raise ValidationError(
            f"El porcentaje de la matriz ({value}) no cae en ninguna franja de riesgo; "
            "regístrelo con dos decimales."
        )
