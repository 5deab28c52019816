"""Committee files: parsing, validity periods, per-population seats, inheritance.

See :mod:`comite.catalog.loader` for the merge rules this implements.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from comite.catalog import _parse as p
from comite.catalog.schema import CommitteeDef, CompositionDef, PopulationDef, SeatDef
from comite.domain import CommitteeKind, MajorityBasis, QuorumBasis, SeatRole, VotingSettings
from comite.errors import ValidationError

COMMITTEE_KEYS = {"code", "name", "short_name", "kind", "order", "composition"}
COMPOSITION_KEYS = {
    "version",
    "valid_from",
    "valid_to",
    "legal_basis",
    "notes",
    "voting",
    "inherits",
    "remove",
    "seat",
    "name",
    "short_name",
    "resolution_template",
}
VOTING_KEYS = {"quorum_fraction", "quorum_basis", "majority_fraction", "majority_basis"}


@dataclass
class _RawComposition:
    where: p.Where
    version: str
    start: date
    end: date | None  # as declared
    legal_basis: str
    notes: str
    voting: VotingSettings | None
    inherits: str | None
    remove: list[str]
    seats: list[p.RawSeat]
    name: str = ""
    short_name: str = ""
    resolution_template: str = ""
    until: date | None = None  # effective end (implicit closure applied)


@dataclass
class _RawCommittee:
    code: str
    where: p.Where
    meta: dict[str, Any] = field(default_factory=dict)
    compositions: list[_RawComposition] = field(default_factory=list)


def _voting(table: dict[str, Any], where: p.Where) -> VotingSettings | None:
    raw = table.get("voting")
    if raw is None:
        return None
    w = where.child("votación")
    if not isinstance(raw, dict):
        raise where.error("debe ser una tabla ([composition.voting]).", "voting")
    p.check_keys(raw, VOTING_KEYS, w)
    d = VotingSettings()
    settings = VotingSettings(
        quorum_fraction=p.number(raw, "quorum_fraction", w, default=d.quorum_fraction),
        quorum_basis=p.choice(raw, "quorum_basis", w, QuorumBasis, required=False)
        or d.quorum_basis,
        majority_fraction=p.number(raw, "majority_fraction", w, default=d.majority_fraction),
        majority_basis=p.choice(raw, "majority_basis", w, MajorityBasis, required=False)
        or d.majority_basis,
    )
    for name in ("quorum_fraction", "majority_fraction"):
        if not 0 <= getattr(settings, name) < 1:
            raise w.error("debe ser una fracción entre 0 y 1 (0.5 = más de la mitad).", name)
    return settings


def _parse_composition(
    table: dict[str, Any], where: p.Where, pops: set[str], norms: Mapping[str, date]
) -> _RawComposition:
    p.check_keys(table, COMPOSITION_KEYS, where)
    version = p.text(table, "version", where)
    where = p.Where(where.file, (*where.path[:-1], f"{where.path[-1]} «{version}»"))
    start, end = p.period(table, where, norms)
    remove = table.get("remove", [])
    if not isinstance(remove, list) or not all(isinstance(k, str) for k in remove):
        raise where.error("debe ser una lista de claves de puesto.", "remove")
    seats = [
        p.parse_seat(t, where.child(f"puesto {j}"), pops)
        for j, t in enumerate(p.table_list(table, "seat", where), 1)
    ]
    comp = _RawComposition(
        where=where,
        version=version,
        start=start,
        end=end,
        legal_basis=p.text(table, "legal_basis", where),
        notes=p.text(table, "notes", where, required=False),
        voting=_voting(table, where),
        inherits=p.text(table, "inherits", where, required=False) or None,
        remove=remove,
        seats=seats,
        name=p.text(table, "name", where, required=False),
        short_name=p.text(table, "short_name", where, required=False),
        resolution_template=p.text(table, "resolution_template", where, required=False),
    )
    if comp.resolution_template and not comp.resolution_template.endswith(".docx"):
        raise where.error("debe ser el nombre de un archivo de Word (.docx).", "resolution_template")
    if comp.inherits is None:
        if remove:
            raise where.error(
                "«remove» solo se usa en una composición que hereda («inherits»).", "remove"
            )
        if not seats:
            raise where.error("la composición no declara puestos ([[composition.seat]]).", "seat")
        for seat in seats:
            if seat.override:
                raise seat.where.error(
                    "«override» solo se usa en una composición que hereda.", "override"
                )
    return comp


def load_committees(
    docs: list[tuple[Path, dict[str, Any]]],
    populations: tuple[PopulationDef, ...],
    base_dir: Path,
    norms: Mapping[str, date] | None = None,
) -> tuple[CommitteeDef, ...]:
    pop_codes = {pop.code for pop in populations}
    raw: dict[str, _RawCommittee] = {}
    for path, doc in docs:
        where = p.Where(path)
        p.check_keys(doc, COMMITTEE_KEYS, where)
        code = p.code(doc, where, p.MAX_LEN["code"], r"[A-Z0-9_]+")
        committee = raw.setdefault(code, _RawCommittee(code, where))
        for key in ("name", "short_name"):
            if key in doc:
                committee.meta[key] = p.text(doc, key, where)
        if "order" in doc:
            committee.meta["order"] = p.integer(doc, "order", where)
        if "kind" in doc:
            kind = p.choice(doc, "kind", where, CommitteeKind)
            if committee.meta.setdefault("kind", kind) is not kind:
                raise where.error(
                    f"el comité {code} ya está declarado como «{committee.meta['kind'].value}» "
                    f"en «{committee.where.file}».",
                    "kind",
                )
        for i, table in enumerate(p.table_list(doc, "composition", where), 1):
            committee.compositions.append(
                _parse_composition(table, where.child(f"composición {i}"), pop_codes, norms or {})
            )
    if not raw:
        raise ValidationError(f"Catálogo: no hay ningún archivo de comité en «{base_dir}».")
    for committee in raw.values():
        for key in ("name", "short_name", "kind"):
            if key not in committee.meta:
                raise committee.where.error("falta este campo obligatorio.", key)
        if not committee.compositions:
            raise committee.where.error("el comité no tiene composiciones ([[composition]]).")
        _close_periods(committee)
    resolved = _Resolver(raw, populations)
    ordered = sorted(raw.values(), key=lambda c: (c.meta.get("order", 100), c.code))
    return tuple(
        CommitteeDef(
            code=c.code,
            name=c.meta["name"],
            short_name=c.meta["short_name"],
            kind=c.meta["kind"],
            compositions=tuple(resolved.compositions(c.code, ())),
        )
        for c in ordered
    )


def _close_periods(committee: _RawCommittee) -> None:
    comps = sorted(committee.compositions, key=lambda c: c.start)
    versions: dict[str, _RawComposition] = {}
    for comp in comps:
        if comp.version in versions:
            raise comp.where.error(
                f"la versión «{comp.version}» ya existe en «{versions[comp.version].where.file}».",
                "version",
            )
        versions[comp.version] = comp
    for a, b in pairwise(comps):
        if a.start == b.start or (a.end is not None and a.end >= b.start):
            raise b.where.error(
                f"la vigencia ({p.span(b.start, b.end)}) se superpone con la de la composición "
                f"«{a.version}» ({p.span(a.start, a.end)}) del archivo «{a.where.file}».",
                "valid_from",
            )
        a.until = a.end if a.end is not None else b.start - timedelta(days=1)
    comps[-1].until = comps[-1].end
    committee.compositions = comps


class _Resolver:
    """Expands per-population seats and inheritance, memoised per committee."""

    def __init__(self, raw: dict[str, _RawCommittee], populations: tuple[PopulationDef, ...]):
        self.raw = raw
        self.populations = populations
        self.done: dict[str, list[CompositionDef]] = {}

    def compositions(self, code: str, stack: tuple[str, ...]) -> list[CompositionDef]:
        if code in self.done:
            return self.done[code]
        out: list[CompositionDef] = []
        for comp in self.raw[code].compositions:
            own = [seat for raw_seat in comp.seats for seat in self._expand(raw_seat, comp)]
            if comp.inherits is None:
                seats = [_seat_def(s) for s in own]
                out.append(
                    self._check(
                        comp,
                        CompositionDef(
                            code,
                            comp.version,
                            comp.start,
                            comp.until,
                            comp.legal_basis,
                            comp.voting or VotingSettings(),
                            tuple(seats),
                            comp.notes,
                            comp.name,
                            comp.short_name,
                            comp.resolution_template,
                        ),
                    )
                )
                continue
            if comp.inherits not in self.raw:
                raise comp.where.error(
                    f"hereda de un comité desconocido «{comp.inherits}».", "inherits"
                )
            if comp.inherits in (*stack, code):
                raise comp.where.error(
                    f"herencia circular: {' → '.join((*stack, code, comp.inherits))}.", "inherits"
                )
            bases = [
                b
                for b in self.compositions(comp.inherits, (*stack, code))
                if p.overlaps(b.valid_from, b.valid_to, comp.start, comp.until)
            ]
            if not bases:
                raise comp.where.error(
                    f"el comité «{comp.inherits}» no tiene composición vigente entre "
                    f"{p.span(comp.start, comp.until)}.",
                    "inherits",
                )
            for base in bases:
                ends = [d for d in (base.valid_to, comp.until) if d is not None]
                out.append(
                    self._check(
                        comp,
                        CompositionDef(
                            committee_code=code,
                            version=f"{comp.version} + {base.version}",
                            valid_from=max(base.valid_from, comp.start),
                            valid_to=min(ends) if ends else None,
                            legal_basis=f"{comp.legal_basis}; {base.legal_basis}",
                            voting=comp.voting or base.voting,
                            seats=tuple(_merge(base.seats, comp, own)),
                            notes="\n".join(n for n in (comp.notes, base.notes) if n),
                            # the name and template are the inheriting committee's own, never the base's
                            name=comp.name,
                            short_name=comp.short_name,
                            resolution_template=comp.resolution_template,
                        ),
                    )
                )
        self.done[code] = out
        return out

    def _expand(self, seat: p.RawSeat, comp: _RawComposition) -> list[p.RawSeat]:
        if not seat.per_population:
            return [seat]
        out = []
        for pop in self.populations:
            if not p.overlaps(pop.valid_from, pop.valid_to, comp.start, comp.until):
                continue
            if seat.populations is not None and pop.code not in seat.populations:
                continue
            if pop.code in seat.except_populations:
                continue
            for i in range(1, seat.per_population + 1):
                values = {
                    "number": pop.number,
                    "code": pop.code,
                    "name": pop.name,
                    "short_name": pop.short_name or pop.name,
                    "i": i,
                    "count": seat.per_population,
                }
                texts = {}
                for name in ("entity", "entity_code", "holder", "legal_basis"):
                    try:
                        texts[name] = getattr(seat, name).format_map(values)
                    except (KeyError, ValueError, IndexError) as err:
                        raise seat.where.error(
                            f"plantilla inválida ({err}); use {{number}}, {{code}}, {{name}}, "
                            "{short_name}, {i} o {count}.",
                            name,
                        ) from err
                out.append(
                    replace(
                        seat,
                        key=f"{seat.key}_{pop.number:02d}_{i}",
                        population=pop.code,
                        per_population=0,
                        populations=None,
                        except_populations=[],
                        **texts,
                    )
                )
        return out

    def _check(self, comp: _RawComposition, result: CompositionDef) -> CompositionDef:
        seen: set[str] = set()
        for seat in result.seats:
            if seat.key in seen:
                raise comp.where.error(
                    f"la clave de puesto «{seat.key}» está repetida"
                    + (
                        " (para reemplazar un puesto heredado use override = true)."
                        if comp.inherits
                        else "."
                    ),
                    "seat",
                )
            seen.add(seat.key)
            for name in ("key", "entity", "entity_code", "holder"):
                if len(getattr(seat, name)) > p.MAX_LEN[name]:
                    raise comp.where.error(
                        f"el puesto «{seat.key}» supera {p.MAX_LEN[name]} caracteres.", name
                    )
        presiding = [s.key for s in result.seats if s.role is SeatRole.PRESIDE]
        if len(presiding) != 1:
            raise comp.where.error(
                f"debe haber exactamente un puesto que presida (rol «preside»); hay {len(presiding)}.",
                "seat",
            )
        return result


def _seat_def(raw: p.RawSeat) -> SeatDef:
    return SeatDef(
        key=raw.key,
        entity=raw.entity,
        entity_code=raw.entity_code,
        holder=raw.holder,
        role=raw.role,
        rights=raw.rights,
        condition=raw.condition,
        population=raw.population,
        legal_basis=raw.legal_basis,
    )


def _merge(base: tuple[SeatDef, ...], comp: _RawComposition, own: list[p.RawSeat]) -> list[SeatDef]:
    keys = {s.key for s in base}
    for key in comp.remove:
        if key not in keys:
            raise comp.where.error(
                f"no existe el puesto heredado «{key}» que se quiere quitar.", "remove"
            )
    seats = [s for s in base if s.key not in comp.remove]
    for raw in own:
        index = next((i for i, s in enumerate(seats) if s.key == raw.key), None)
        if raw.override:
            if index is None:
                raise raw.where.error(
                    "«override» exige un puesto heredado con la misma clave.", "override"
                )
            seats[index] = _seat_def(raw)
        else:
            seats.append(_seat_def(raw))
    return seats
