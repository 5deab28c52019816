"""The administrator's side of the catalogue: loading the data files into the
database, new compositions after a decree (and the scheduled sessions they
re-convene), voting settings, risk bands and settings.

The data files are the source of a *new* database and of new compositions
(after a decree changes a committee). Once loaded, the database is the truth:
``sync_catalog`` only adds what is missing (and closes a composition that a
newer one replaces); it never rewrites a composition that sessions point to.

This module sits above :mod:`comite.services.sessions` (it moves scheduled
sessions to a new composition); the queries it shares with everyone are in
:mod:`comite.services.catalog`, below the sessions.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from comite.catalog.loader import load_catalog
from comite.catalog.schema import Catalog, CompositionDef
from comite.domain import AttendanceStatus, AuditAction, AuditEntity, RiskLevel, SessionStatus, VotingSettings
from comite.errors import NotFound, ValidationError
from comite.model import (
    Attendance,
    Committee,
    CommitteeSession,
    Composition,
    MeasureType,
    Population,
    RiskBand,
    Seat,
    Setting,
)
from comite.rules.risk import validate_bands
from comite.services import audit
from comite.services.catalog import committee_by_code, composition_on, voting_settings
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action, require
from comite.services.sessions import seat_rows


def _composition_row(cdef: CompositionDef) -> Composition:
    v = cdef.voting
    return Composition(
        version=cdef.version,
        valid_from=cdef.valid_from,
        valid_to=cdef.valid_to,
        legal_basis=cdef.legal_basis,
        quorum_fraction=v.quorum_fraction,
        quorum_basis=v.quorum_basis,
        majority_fraction=v.majority_fraction,
        majority_basis=v.majority_basis,
        seats=[
            Seat(
                position=i,
                key=seat.key,
                entity=seat.entity,
                entity_code=seat.entity_code,
                holder=seat.holder,
                role=seat.role,
                rights=seat.rights,
                condition=seat.condition,
                population_code=seat.population,
                legal_basis=seat.legal_basis,
            )
            for i, seat in enumerate(cdef.seats)
        ],
    )


def sync_catalog(s: Session, catalog: Catalog) -> bool:
    """Add to the database what the catalogue files have and it lacks."""
    changed = False
    existing = {c.code: c for c in s.scalars(select(Committee).options(selectinload(Committee.compositions)))}
    for cdef in catalog.committees:
        committee = existing.get(cdef.code)
        if committee is None:
            committee = Committee(code=cdef.code, name=cdef.name, short_name=cdef.short_name, kind=cdef.kind)
            s.add(committee)
            changed = True
        have = {comp.valid_from: comp for comp in committee.compositions}
        for comp_def in cdef.compositions:
            row = have.get(comp_def.valid_from)
            if row is None:
                committee.compositions.append(_composition_row(comp_def))
                changed = True
            elif row.valid_to is None and comp_def.valid_to is not None:
                row.valid_to = comp_def.valid_to
                changed = True
    pops = {p.code: p for p in s.scalars(select(Population))}
    for pdef in catalog.populations:
        pop = pops.get(pdef.code)
        if pop is None:
            s.add(Population(code=pdef.code, number=pdef.number, name=pdef.name, legal_basis=pdef.legal_basis,
                             valid_from=pdef.valid_from, valid_to=pdef.valid_to))
            changed = True
        elif pop.valid_to != pdef.valid_to and pdef.valid_to is not None:
            pop.valid_to = pdef.valid_to
            changed = True
    measures = set(s.scalars(select(MeasureType.code)))
    for mdef in catalog.measure_types:
        if mdef.code not in measures:
            s.add(MeasureType(code=mdef.code, name=mdef.name, category=mdef.category,
                              unit_singular=mdef.unit_singular, unit_plural=mdef.unit_plural,
                              feminine=mdef.feminine, restoration=mdef.restoration, active=mdef.active))
            changed = True
    if s.scalar(select(RiskBand.level).limit(1)) is None:
        for band in catalog.risk_bands:
            s.add(RiskBand(level=band.level, min_pct=band.min_pct, max_pct=band.max_pct))
        changed = True
    s.flush()
    return changed


def _untouched(row: Attendance) -> bool:
    return (row.status == AttendanceStatus.AUSENTE and not row.person_name and not row.email
            and row.arrival is None and row.departure is None and not row.cases)


def recompose_scheduled_sessions(s: Session) -> tuple[list[str], list[str]]:
    """Sessions still programada whose day now falls under another composition (one just
    loaded, after a decree) are convened under it, as the rules want, when nothing was
    recorded yet about who attends; those where something was (names, e-mails, arrivals)
    keep their seats and are named so the secretariat decides. Invitees added by hand
    stay in both cases. Returns (recomposed, kept) as "GVP 003/2030 (03/02/2030)"."""
    recomposed: list[str] = []
    kept: list[str] = []
    for sess in s.scalars(select(CommitteeSession).where(CommitteeSession.status == SessionStatus.PROGRAMADA)
                          .order_by(CommitteeSession.day)):
        comp = composition_on(s, sess.committee, sess.day)
        if comp.id == sess.composition_id:
            continue
        name = f"{sess.committee.short_name} {sess.number:03d}/{sess.year} ({sess.day:%d/%m/%Y})"
        seated = [a for a in sess.attendance if a.seat_id is not None]
        if not all(_untouched(a) for a in seated):
            kept.append(name)
            continue
        invited = sorted((a for a in sess.attendance if a.seat_id is None), key=lambda a: a.position)
        for row in seated:
            sess.attendance.remove(row)
        s.flush()
        rows = seat_rows(comp)
        for i, row in enumerate(invited, start=len(rows)):
            row.position = i
        sess.attendance.extend(rows)
        sess.composition_id = comp.id
        recomposed.append(name)
    return recomposed, kept


def import_compositions(ctx: ServiceContext, directory: Path) -> Changes:
    """Load compositions (e.g. after a decree change) from an administrator's folder.

    Sessions already scheduled on or after a new composition's date are convened under
    it when nothing about their attendance was recorded yet; the others are named in
    the message (see :func:`recompose_scheduled_sessions`).
    """
    require(ctx, Action.MANAGE_CATALOG)
    if not Path(directory).is_dir():
        raise ValidationError(f"La carpeta «{directory}» no existe.")
    catalog = load_catalog(extra_dirs=[directory])
    with ctx.transaction() as s:
        before = s.execute(select(func.count(Composition.id))).scalar_one()
        changed = sync_catalog(s, catalog)
        added = s.execute(select(func.count(Composition.id))).scalar_one() - before
        recomposed, kept = recompose_scheduled_sessions(s) if changed else ([], [])
        audit.record(s, ctx, AuditAction.CATALOGO_IMPORTADO, AuditEntity.CATALOGO,
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


def set_voting_settings(
    ctx: ServiceContext, committee_code: str, valid_from: date, settings: VotingSettings
) -> Changes:
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
        comp.quorum_basis = settings.quorum_basis
        comp.majority_fraction = settings.majority_fraction
        comp.majority_basis = settings.majority_basis
        audit.record(s, ctx, AuditAction.VOTACION_CONFIGURADA, AuditEntity.CONFORMACION, comp.id,
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
            s.add(RiskBand(level=level, min_pct=lo, max_pct=hi))
        audit.record(s, ctx, AuditAction.NIVELES_CONFIGURADOS, AuditEntity.CATALOGO,
                     details={"bandas": [[lvl, lo, hi] for lvl, lo, hi in bands]})
    return Changes(catalog=True)


def put_setting(ctx: ServiceContext, key: str, value: object) -> Changes:
    require(ctx, Action.MANAGE_CATALOG)
    with ctx.transaction() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)
        audit.record(s, ctx, AuditAction.CONFIGURACION, AuditEntity.CONFIGURACION, details={key: value})
    return Changes(catalog=True)
