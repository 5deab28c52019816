"""Opening a database: URL resolution, engine set-up, the session factory.

SQLite in the user data directory is the default; ``--db`` or
``COMITE_DATABASE_URL`` point elsewhere (a file path or any SQLAlchemy URL,
e.g. ``postgresql+psycopg://user@host/comite``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from comite import paths
from comite.errors import StorageError
from comite.model.base import Cipher, attach_vault

ENV_URL = "COMITE_DATABASE_URL"


def resolve_url(target: str | os.PathLike[str] | None = None) -> URL:
    """The database URL from ``target`` (path or URL), the environment, or the default."""
    raw = os.fspath(target) if target is not None else os.environ.get(ENV_URL)
    if not raw:
        return URL.create("sqlite", database=str(paths.default_database_path()))
    if "://" in raw:
        try:
            return make_url(raw)
        except Exception as exc:  # noqa: BLE001 - any parse failure is the user's URL
            raise StorageError(f"La dirección de la base de datos no es válida: {exc}") from exc
    return URL.create("sqlite", database=str(Path(raw).expanduser().resolve()))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA secure_delete=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # in-memory databases keep "memory"
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Database:
    """One opened database: its engine, session factory and (when unlocked) key."""

    def __init__(self, target: str | os.PathLike[str] | URL | None = None, **engine_kw: Any):
        self.url: URL = target if isinstance(target, URL) else resolve_url(target)
        self.engine: Engine = self._make_engine(**engine_kw)
        self.Session: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        self.vault: Any = None

    def _make_engine(self, **kw: Any) -> Engine:
        if self.is_sqlite:
            db = self.url.database
            if db and db != ":memory:":
                Path(db).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(self.url, **kw)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        kw.setdefault("pool_pre_ping", True)
        return create_engine(self.url, **kw)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    @property
    def display_url(self) -> str:
        """The URL without its password, safe for messages and logs."""
        return self.url.render_as_string(hide_password=True)

    def unlock(self, vault: Cipher) -> None:
        self.vault = vault
        attach_vault(self.engine, vault)

    def lock(self) -> None:
        self.vault = None
        attach_vault(self.engine, None)

    @property
    def unlocked(self) -> bool:
        return self.vault is not None

    def dispose(self) -> None:
        self.lock()
        self.engine.dispose()
