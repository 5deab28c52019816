"""Committee catalogue as versioned data: compositions, populations, measures, risk bands.

Qt-free and database-free. ``load_catalog()`` reads the TOML files shipped in
``catalog/data`` (optionally merged with an administrator's folder) into
frozen values; see :mod:`comite.catalog.loader` for the merge rules and
``data/README.md`` for the file format.
"""

from comite.catalog.export import catalog_as_json, composition_as_dict, seat_as_dict
from comite.catalog.loader import (
    DATA_DIR,
    admin_catalog_dir,
    load_catalog,
    load_installed_catalog,
)
from comite.catalog.schema import (
    VOTING_ROLES,
    Catalog,
    CommitteeDef,
    CompositionDef,
    MeasureTypeDef,
    PopulationDef,
    RiskLevelBand,
    SeatDef,
)
from comite.domain import MeasureCategory

__all__ = [
    "DATA_DIR",
    "VOTING_ROLES",
    "Catalog",
    "CommitteeDef",
    "CompositionDef",
    "MeasureCategory",
    "MeasureTypeDef",
    "PopulationDef",
    "RiskLevelBand",
    "SeatDef",
    "admin_catalog_dir",
    "catalog_as_json",
    "composition_as_dict",
    "load_catalog",
    "load_installed_catalog",
    "seat_as_dict",
]
