"""Build a :class:`Catalog` from TOML files, validating everything.

Layout of a catalogue directory (see ``data/README.md`` for the file format)::

    populations.toml    [[population]]  target populations (art. 2.4.1.2.6)
    measures.toml       [[measure]]     measure types
    risk_levels.toml    [[band]]        matrix-percentage cut-offs
    <anything>.toml     one committee:  code, name, ..., [[composition]]

Several directories can be merged (the shipped one first, then an
administrator's folder, e.g. after a decree changes a composition):

* a committee file whose ``code`` already exists adds its compositions to that
  committee (name, short_name, order: the last file that sets them wins; kind
  must agree);
* a composition without ``valid_to`` is in force until the day before the next
  composition of the same committee starts, so adding a composition "from
  2030-01-01" in a new file closes the previous one on 2029-12-31 without
  editing the shipped files; explicit periods that overlap are refused;
* populations and measure types are merged by ``code`` (a later entry replaces
  an earlier one, e.g. to set ``valid_to`` on a population a decree removed);
* the last ``risk_levels.toml`` replaces the cut-offs.

A composition may ``inherits = "OTHER_CODE"``: it takes the seats of the other
committee's composition(s) in force during its own period, drops the keys in
``remove``, replaces the seats it declares with ``override = true`` and appends
the rest. When the base committee changes composition, the inheriting one
follows: one resolved composition per overlapping base version, labelled
``"<own version> + <base version>"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

from comite import paths
from comite.catalog import _parse as p
from comite.catalog._committees import load_committees
from comite.catalog.schema import (
    Catalog,
    MeasureTypeDef,
    PopulationDef,
    RiskLevelBand,
)
from comite.domain import MeasureCategory, RiskLevel
from comite.errors import ValidationError

DATA_DIR = Path(__file__).resolve().parent / "data"
POPULATIONS_FILE = "populations.toml"
MEASURES_FILE = "measures.toml"
RISK_LEVELS_FILE = "risk_levels.toml"
#: Sub-folder of the user configuration folder where an administrator drops extra files.
ADMIN_SUBDIR = "catalogo"
#: Resolution of matrix percentages (two decimals): the gap between consecutive bands.
BAND_STEP = 0.01


def load_catalog(data_dir: Path | None = None, *, extra_dirs: Iterable[Path] = ()) -> Catalog:
    """Load ``data_dir`` (default: the shipped data) merged with ``extra_dirs``, in order.

    Raises :class:`comite.errors.ValidationError` (Spanish, naming file and
    field) on any malformed or inconsistent data.
    """
    dirs = [Path(data_dir) if data_dir is not None else DATA_DIR, *map(Path, extra_dirs)]
    special: dict[str, list[tuple[Path, dict[str, Any]]]] = {
        POPULATIONS_FILE: [],
        MEASURES_FILE: [],
        RISK_LEVELS_FILE: [],
    }
    committee_docs: list[tuple[Path, dict[str, Any]]] = []
    for folder in dirs:
        if not folder.is_dir():
            raise ValidationError(f"Catálogo: no existe la carpeta «{folder}».")
        for path in sorted(folder.glob("*.toml")):
            doc = p.read_toml(path)
            special.get(path.name, committee_docs).append((path, doc))
    for name, docs in special.items():
        if not docs:
            raise ValidationError(f"Catálogo: falta el archivo «{name}» en «{dirs[0]}».")
    populations = _load_populations(special[POPULATIONS_FILE])
    return Catalog(
        committees=load_committees(committee_docs, populations, dirs[0]),
        populations=populations,
        measure_types=_load_measures(special[MEASURES_FILE]),
        risk_bands=_load_bands(*special[RISK_LEVELS_FILE][-1]),
    )


def admin_catalog_dir() -> Path:
    """Where an administrator puts extra catalogue files (may not exist)."""
    return paths.config_dir() / ADMIN_SUBDIR


def load_installed_catalog() -> Catalog:
    """The shipped catalogue plus the administrator's folder, if there is one."""
    admin = admin_catalog_dir()
    return load_catalog(extra_dirs=[admin] if admin.is_dir() else [])


# --- populations, measures, risk bands --------------------------------------

POPULATION_KEYS = {"code", "number", "name", "short_name", "legal_basis", "valid_from", "valid_to"}
MEASURE_KEYS = {
    "code",
    "name",
    "category",
    "unit_singular",
    "unit_plural",
    "restoration",
    "feminine",
    "active",
    "description",
}


def _load_populations(docs: list[tuple[Path, dict[str, Any]]]) -> tuple[PopulationDef, ...]:
    found: dict[str, tuple[PopulationDef, p.Where]] = {}
    for path, doc in docs:
        where = p.Where(path)
        p.check_keys(doc, {"population"}, where)
        for i, table in enumerate(p.table_list(doc, "population", where), 1):
            w = where.child(f"población {i}")
            p.check_keys(table, POPULATION_KEYS, w)
            code = p.code(table, w, p.MAX_LEN["population"])
            start, end = p.period(table, w)
            pop = PopulationDef(
                code=code,
                number=p.integer(table, "number", w),
                name=p.text(table, "name", w, limit=0),
                legal_basis=p.text(table, "legal_basis", w),
                valid_from=start,
                valid_to=end,
                short_name=p.text(table, "short_name", w, required=False),
            )
            found[code] = (pop, w)
    for (a, _), (b, wb) in combinations(found.values(), 2):
        if a.number == b.number and p.overlaps(a.valid_from, a.valid_to, b.valid_from, b.valid_to):
            raise wb.error(
                f"el número {b.number} ya lo usa la población «{a.code}» en un periodo que se superpone.",
                "number",
            )
    return tuple(sorted((pop for pop, _ in found.values()), key=lambda x: (x.number, x.valid_from)))


def _load_measures(docs: list[tuple[Path, dict[str, Any]]]) -> tuple[MeasureTypeDef, ...]:
    found: dict[str, MeasureTypeDef] = {}
    for path, doc in docs:
        where = p.Where(path)
        p.check_keys(doc, {"measure"}, where)
        for i, table in enumerate(p.table_list(doc, "measure", where), 1):
            w = where.child(f"medida {i}")
            p.check_keys(table, MEASURE_KEYS, w)
            code = p.code(table, w, p.MAX_LEN["code"])
            found[code] = MeasureTypeDef(
                code=code,
                name=p.text(table, "name", w),
                category=p.choice(table, "category", w, MeasureCategory),
                unit_singular=p.text(table, "unit_singular", w),
                unit_plural=p.text(table, "unit_plural", w),
                restoration=p.flag(table, "restoration", w),
                feminine=p.flag(table, "feminine", w),
                active=p.flag(table, "active", w, default=True),
                description=p.text(table, "description", w, required=False),
            )
    return tuple(found.values())


def _load_bands(path: Path, doc: dict[str, Any]) -> tuple[RiskLevelBand, ...]:
    where = p.Where(path)
    p.check_keys(doc, {"band"}, where)
    bands = []
    for i, table in enumerate(p.table_list(doc, "band", where), 1):
        w = where.child(f"banda {i}")
        p.check_keys(table, {"level", "min_pct", "max_pct"}, w)
        band = RiskLevelBand(
            level=p.choice(table, "level", w, RiskLevel),
            min_pct=p.number(table, "min_pct", w),
            max_pct=p.number(table, "max_pct", w),
        )
        if not 0 <= band.min_pct <= band.max_pct <= 100:
            raise w.error("debe cumplirse 0 ≤ min_pct ≤ max_pct ≤ 100.", "max_pct")
        bands.append(band)
    bands.sort(key=lambda b: b.min_pct)
    if [b.level for b in bands] != list(RiskLevel):
        order = ", ".join(level.value for level in RiskLevel)
        raise where.error(f"debe haber una banda por nivel, de menor a mayor porcentaje: {order}.")
    if bands[0].min_pct != 0 or bands[-1].max_pct != 100:
        raise where.error("las bandas deben cubrir del 0 al 100 %.")
    for a, b in pairwise(bands):
        # Both bounds are inclusive; the next band starts just after the previous
        # one ends (gap of at most 0.01, so any percentage with two decimals fits).
        if not 0 < b.min_pct - a.max_pct <= BAND_STEP + 1e-9:
            raise where.error(
                f"la banda «{b.level.value}» debe empezar justo después de donde termina "
                f"«{a.level.value}» ({a.max_pct} → {a.max_pct + BAND_STEP:.2f}), sin superponerse."
            )
    return tuple(bands)
