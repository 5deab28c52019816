"""The catalogue in the database, read back: committees and their compositions,
seats and voting settings, populations, measures, risk bands and settings.

Queries only, so that sessions, decisions and views can sit above them; loading
the data files and the administrator's edits are in
:mod:`comite.services.catalog_admin`, which sits above the sessions it re-convenes.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from comite.catalog.export import catalog_as_json
from comite.catalog.schema import (
    Catalog,
    CommitteeDef,
    CompositionDef,
    MeasureTypeDef,
    PopulationDef,
    RiskLevelBand,
    SeatDef,
)
from comite.domain import (
    CommitteeKind,
    MajorityBasis,
    MeasureCategory,
    QuorumBasis,
    Rights,
    RiskLevel,
    SeatCondition,
    SeatRole,
    VotingSettings,
)
from comite.errors import NotFound, ValidationError
from comite.model import Committee, Composition, MeasureType, Population, RiskBand, Seat, Setting
from comite.services.context import ServiceContext
from comite.services.permissions import Action, require


def seat_def(seat: Seat) -> SeatDef:
    return SeatDef(
        key=seat.key,
        entity=seat.entity,
        entity_code=seat.entity_code,
        holder=seat.holder,
        role=SeatRole(seat.role),
        rights=Rights(seat.rights),
        condition=SeatCondition(seat.condition) if seat.condition else None,
        population=seat.population_code,
        legal_basis=seat.legal_basis,
    )


def voting_settings(comp: Composition) -> VotingSettings:
    return VotingSettings(
        quorum_fraction=comp.quorum_fraction,
        quorum_basis=QuorumBasis(comp.quorum_basis),
        majority_fraction=comp.majority_fraction,
        majority_basis=MajorityBasis(comp.majority_basis),
    )


def composition_def(committee_code: str, comp: Composition) -> CompositionDef:
    return CompositionDef(
        committee_code=committee_code,
        version=comp.version,
        valid_from=comp.valid_from,
        valid_to=comp.valid_to,
        legal_basis=comp.legal_basis,
        voting=voting_settings(comp),
        seats=tuple(seat_def(seat) for seat in comp.seats),
        name=comp.name or "",
        short_name=comp.short_name or "",
        resolution_template=comp.resolution_template or "",
    )


def catalog_from_db(s: Session) -> Catalog:
    committees = []
    for c in s.scalars(
        select(Committee).order_by(Committee.id)
        .options(selectinload(Committee.compositions).selectinload(Composition.seats))
    ):
        committees.append(
            CommitteeDef(
                code=c.code, name=c.name, short_name=c.short_name, kind=CommitteeKind(c.kind),
                compositions=tuple(composition_def(c.code, comp) for comp in c.compositions),
            )
        )
    populations = tuple(
        PopulationDef(p.code, p.number, p.name, p.legal_basis, p.valid_from, p.valid_to,
                      committee=p.committee_code)
        for p in s.scalars(select(Population).order_by(Population.number))
    )
    measures = tuple(
        MeasureTypeDef(m.code, m.name, MeasureCategory(m.category), m.unit_singular, m.unit_plural,
                       m.restoration, m.feminine, m.active)
        for m in s.scalars(select(MeasureType).order_by(MeasureType.id))
    )
    bands = tuple(
        RiskLevelBand(RiskLevel(b.level), b.min_pct, b.max_pct)
        for b in s.scalars(select(RiskBand).order_by(RiskBand.min_pct))
    )
    return Catalog(tuple(committees), populations, measures, bands)


def population_committees(s: Session) -> dict[str, str]:
    """Population code -> the committee that hears its cases, where it is not the CERREM."""
    rows = s.execute(select(Population.code, Population.committee_code).where(Population.committee_code.is_not(None)))
    return {code: committee for code, committee in rows if committee is not None}


def risk_bands(s: Session) -> list[tuple[RiskLevel, float, float]]:
    """The matrix-percentage band of each risk level in force, as the rules take them."""
    return [(RiskLevel(b.level), b.min_pct, b.max_pct) for b in s.scalars(select(RiskBand).order_by(RiskBand.min_pct))]


def read_catalog(ctx: ServiceContext) -> Catalog:
    require(ctx, Action.READ_CATALOG)
    with ctx.reading() as s:
        return catalog_from_db(s)


def catalog_json(ctx: ServiceContext, day: date | None = None) -> list[dict]:
    """The catalogue in force on ``day`` (default today) as ``comite catalog --json`` prints it."""
    return catalog_as_json(read_catalog(ctx), day or ctx.today())


def committee_by_code(s: Session, code: str) -> Committee:
    committee = s.scalar(select(Committee).where(Committee.code == code))
    if committee is None:
        known = ", ".join(s.scalars(select(Committee.code).order_by(Committee.id)))
        raise NotFound(f"No existe el comité «{code}». Comités: {known}.")
    return committee


def composition_on(s: Session, committee: Committee, day: date) -> Composition:
    comp = s.scalar(
        select(Composition)
        .where(Composition.committee_id == committee.id, Composition.valid_from <= day)
        .where((Composition.valid_to.is_(None)) | (Composition.valid_to >= day))
        .order_by(Composition.valid_from.desc())
        .limit(1)
    )
    if comp is None:
        raise ValidationError(
            f"El {committee.short_name} no tiene una conformación vigente el {day.strftime('%d/%m/%Y')}."
        )
    return comp


def get_setting(s: Session, key: str, default: Any = None) -> Any:
    """A stored setting (any JSON value), or ``default``."""
    row = s.get(Setting, key)
    return default if row is None else json.loads(row.value)


DEMO_SETTING = "base_demo"
"""Set by the demo when it fills a database: the DEMO badge is the database's, not the process's."""


def is_demo_database(db: Any) -> bool:
    """The database holds the demo's fictitious data (any instance opening it shows the badge)."""
    with db.Session() as s:
        return bool(get_setting(s, DEMO_SETTING, False))


