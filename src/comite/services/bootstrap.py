"""Opening a database for use: schema, then the shipped catalogue."""

from __future__ import annotations

import os

from sqlalchemy.engine import URL

from comite.catalog.loader import load_installed_catalog
from comite.services.catalog import sync_catalog
from comite.storage.database import Database
from comite.storage.schema import ensure_schema


def open_database(target: str | os.PathLike[str] | URL | None = None, **engine_kw: object) -> Database:
    """Open (creating or upgrading if needed) the database and load the catalogue.

    Raises:
        StorageError: the database cannot be reached, or is newer than this program.
    """
    db = Database(target, **engine_kw)
    ensure_schema(db)
    with db.Session() as s, s.begin():
        sync_catalog(s, load_installed_catalog())
    return db
