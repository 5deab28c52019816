"""The catalogue in the database: loading the shipped data, reading it back,
and the administrator's edits.

The data files are the source of a *new* database and of new compositions
(after a decree changes a committee). Once loaded, the database is the truth:
``sync_catalog`` only adds what is missing (and closes a composition that a
newer one replaces); it never rewrites a composition that sessions point to.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from comite.catalog.export import catalog_as_json
from comite.catalog.loader import load_catalog
from comite.catalog.schema import (
    Catalog,
    CommitteeDef,
    CompositionDef,
    MeasureCategory,
    MeasureTypeDef,
    PopulationDef,
    RiskLevelBand,
    SeatDef,
)
from comite.domain import (
    CommitteeKind,
    MajorityBasis,
    QuorumBasis,
    Rights,
    RiskLevel,
    SeatCondition,
    SeatRole,
    VotingSettings,
)
from comite.errors import NotFound, ValidationError
from comite.model import Committee, Composition, MeasureType, Population, RiskBand, Seat, Setting
from comite.rules.risk import validate_bands
from comite.services import audit
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action, require


def _composition_row(cdef: CompositionDef) -> Composition:
    v = cdef.voting
    return Composition(
        version=cdef.version,
        valid_from=cdef.valid_from,
        valid_to=cdef.valid_to,
        legal_basis=cdef.legal_basis,
        name=cdef.name or None,
        short_name=cdef.short_name or None,
        resolution_template=cdef.resolution_template or None,
        quorum_fraction=v.quorum_fraction,
        quorum_basis=v.quorum_basis.value,
        majority_fraction=v.majority_fraction,
        majority_basis=v.majority_basis.value,
        seats=[
            Seat(
                position=i,
                key=seat.key,
                entity=seat.entity,
                entity_code=seat.entity_code,
                holder=seat.holder,
                role=seat.role.value,
                rights=seat.rights.value,
                condition=seat.condition.value if seat.condition else None,
                population_code=seat.population,
                legal_basis=seat.legal_basis,
            )
            for i, seat in enumerate(cdef.seats)
        ],
    )


def _fill_missing(row: object, values: dict[str, object]) -> bool:
    """Set the attributes of ``row`` that are still empty to the catalogue's values."""
    changed = False
    for name, value in values.items():
        if value and getattr(row, name) is None:
            setattr(row, name, value)
            changed = True
    return changed


def sync_catalog(s: Session, catalog: Catalog) -> bool:
    """Add to the database what the catalogue files have and it lacks: committees,
    compositions (closing the one a newer composition ends), the name a committee bore
    under a composition and its resolution template when the row has none yet,
    populations (and the committee that hears them), measure types, risk bands."""
    changed = False
    existing = {c.code: c for c in s.scalars(select(Committee).options(selectinload(Committee.compositions)))}
    for cdef in catalog.committees:
        committee = existing.get(cdef.code)
        if committee is None:
            committee = Committee(code=cdef.code, name=cdef.name, short_name=cdef.short_name, kind=cdef.kind.value)
            s.add(committee)
            changed = True
        have = {comp.valid_from: comp for comp in committee.compositions}
        for comp_def in cdef.compositions:
            row = have.get(comp_def.valid_from)
            if row is None:
                committee.compositions.append(_composition_row(comp_def))
                changed = True
            else:
                if row.valid_to is None and comp_def.valid_to is not None:
                    row.valid_to = comp_def.valid_to
                    changed = True
                changed |= _fill_missing(row, {"name": comp_def.name, "short_name": comp_def.short_name,
                                               "resolution_template": comp_def.resolution_template})
    pops = {p.code: p for p in s.scalars(select(Population))}
    for pdef in catalog.populations:
        row = pops.get(pdef.code)
        if row is None:
            s.add(Population(code=pdef.code, number=pdef.number, name=pdef.name, legal_basis=pdef.legal_basis,
                             valid_from=pdef.valid_from, valid_to=pdef.valid_to, committee_code=pdef.committee))
            changed = True
        else:
            if row.valid_to != pdef.valid_to and pdef.valid_to is not None:
                row.valid_to = pdef.valid_to
                changed = True
            changed |= _fill_missing(row, {"committee_code": pdef.committee})
    measures = set(s.scalars(select(MeasureType.code)))
    for mdef in catalog.measure_types:
        if mdef.code not in measures:
            s.add(MeasureType(code=mdef.code, name=mdef.name, category=mdef.category.value,
                              unit_singular=mdef.unit_singular, unit_plural=mdef.unit_plural,
                              feminine=mdef.feminine, restoration=mdef.restoration, active=mdef.active))
            changed = True
    if s.scalar(select(RiskBand.level).limit(1)) is None:
        for band in catalog.risk_bands:
            s.add(RiskBand(level=band.level.value, min_pct=band.min_pct, max_pct=band.max_pct))
        changed = True
    s.flush()
    return changed


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
    return dict(s.execute(select(Population.code, Population.committee_code)
                          .where(Population.committee_code.is_not(None))).all())


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


# --- administrator edits ---------------------------------------------------------------------

def import_compositions(ctx: ServiceContext, directory: Path) -> Changes:
    """Load compositions (e.g. after a decree change) from an administrator's folder.

    Sessions already scheduled on or after a new composition's date are convened under
    it when nothing about their attendance was recorded yet; the others are named in
    the message (see :func:`~comite.services.sessions.recompose_scheduled_sessions`).
    """
    from comite.services.sessions import recompose_scheduled_sessions

    require(ctx, Action.MANAGE_CATALOG)
    if not Path(directory).is_dir():
        raise ValidationError(f"La carpeta «{directory}» no existe.")
    catalog = load_catalog(extra_dirs=[directory])
    with ctx.transaction() as s:
        before = s.scalar(select(func.count(Composition.id)))
        changed = sync_catalog(s, catalog)
        added = s.scalar(select(func.count(Composition.id))) - before
        recomposed, kept = recompose_scheduled_sessions(s) if changed else ([], [])
        audit.record(s, ctx, "catalogo_importado", "catalogo",
                     details={"carpeta": str(directory), "conformaciones_nuevas": added,
                              "sesiones_reconvocadas": recomposed, "sesiones_sin_cambio": kept})
    parts = [f"Catálogo importado: {added} conformación(es) nueva(s)." if changed
             else "El catálogo ya tenía todo lo de esa carpeta; no cambió nada."]
    if recomposed:
        parts.append("Sesiones programadas que pasan a la nueva conformación: " + ", ".join(recomposed) + ".")
    if kept:
        parts.append("Sesiones programadas que conservan la conformación anterior porque ya tienen asistencia o "
                     "convocados registrados (revíselas o cree sesiones nuevas): " + ", ".join(kept) + ".")
    return Changes(catalog=changed, session=bool(recomposed), attendance=bool(recomposed), message=" ".join(parts))


def set_voting_settings(ctx: ServiceContext, committee_code: str, valid_from: date, settings: VotingSettings) -> Changes:
    require(ctx, Action.MANAGE_CATALOG)
    for name in ("quorum_fraction", "majority_fraction"):
        value = getattr(settings, name)
        if not 0 < value < 1:
            raise ValidationError("Las fracciones de quórum y mayoría deben estar entre 0 y 1 (p. ej. 0,5).")
    with ctx.transaction() as s:
        committee = committee_by_code(s, committee_code)
        comp = s.scalar(select(Composition).where(Composition.committee_id == committee.id,
                                                  Composition.valid_from == valid_from))
        if comp is None:
            raise NotFound(f"El {committee.short_name} no tiene una conformación desde {valid_from.isoformat()}.")
        before = voting_settings(comp)
        comp.quorum_fraction = settings.quorum_fraction
        comp.quorum_basis = settings.quorum_basis.value
        comp.majority_fraction = settings.majority_fraction
        comp.majority_basis = settings.majority_basis.value
        audit.record(s, ctx, "votacion_configurada", "conformacion", comp.id,
                     details={"antes": str(before), "despues": str(settings)})
    return Changes(catalog=True)


def set_risk_bands(ctx: ServiceContext, bands: list[tuple[RiskLevel, float, float]]) -> Changes:
    require(ctx, Action.MANAGE_CATALOG)
    validate_bands(bands)
    with ctx.transaction() as s:
        for row in s.scalars(select(RiskBand)):
            s.delete(row)
        s.flush()
        for level, lo, hi in bands:
            s.add(RiskBand(level=level.value, min_pct=lo, max_pct=hi))
        audit.record(s, ctx, "niveles_configurados", "catalogo",
                     details={"bandas": [[lvl.value, lo, hi] for lvl, lo, hi in bands]})
    return Changes(catalog=True)


def get_setting(s: Session, key: str, default: object = None) -> object:
    row = s.get(Setting, key)
    return default if row is None else json.loads(row.value)


def put_setting(ctx: ServiceContext, key: str, value: object) -> Changes:
    require(ctx, Action.MANAGE_CATALOG)
    with ctx.transaction() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)
        audit.record(s, ctx, "configuracion", "configuracion", details={key: value})
    return Changes(catalog=True)
