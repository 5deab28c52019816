"""Bringing a database to the schema this version of comite expects.

- A new (empty) database is created from the model and stamped at head.
- An older one is backed up (SQLite: a file copy beside it) and upgraded.
- A newer one (a revision this program does not know) is refused.

Alembic (with Mako and its dialect modules, about a second to import) is only
imported when there is something to create, upgrade or refuse: a database
already at :data:`HEAD_REVISION` is recognised by reading ``alembic_version``.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from comite.errors import ServerPasswordRequired, StorageError
from comite.model import Base
from comite.storage import report_facts, triggers
from comite.storage.database import Database, is_password_failure

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD_REVISION = "0009"
"""The newest migration in ``migrations/versions`` (a test keeps the two equal)."""


@dataclass(frozen=True)
class SchemaStatus:
    action: str  # created | current | upgraded
    revision: str
    backup: Path | None = None


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def stamp(db: Database, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.stamp(cfg, revision)


def backup_sqlite_file(source: Path, destination: Path) -> Path:
    """A consistent copy of a live SQLite file (online backup API)."""
    src = sqlite3.connect(str(source))
    try:
        return copy_sqlite(src, destination)
    finally:
        src.close()


def copy_sqlite(src: sqlite3.Connection, destination: Path) -> Path:
    """What ``src`` holds, copied into the SQLite file ``destination`` (online backup API);
    for a caller that must keep its own connection (and its locks) while copying."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    dst = sqlite3.connect(str(destination))
    try:
        src.backup(dst)
    finally:
        dst.close()
    return destination


def _stamped_revisions(db: Database) -> list[str]:
    """What ``alembic_version`` holds, read without Alembic."""
    with db.engine.connect() as conn:
        return [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]


def ensure_schema(db: Database) -> SchemaStatus:
    """Create, upgrade or refuse the database's schema; see the module doc."""
    try:
        tables = set(inspect(db.engine).get_table_names())
    except Exception as exc:  # noqa: BLE001 - connection problems are reported in Spanish
        if db.url.get_backend_name() != "sqlite" and is_password_failure(exc):
            who = db.url.username or "(sin usuario)"
            raise ServerPasswordRequired(
                f"El servidor {db.url.host or 'local'} pide la contraseña de «{who}» para la base "
                f"«{db.url.database}»" + (" (la indicada no fue aceptada)." if db.url.password else ".")
            ) from exc
        raise StorageError(
            f"No se pudo abrir la base de datos {db.display_url}: {exc.__class__.__name__}."
        ) from exc
    if "alembic_version" in tables and _stamped_revisions(db) == [HEAD_REVISION]:
        return SchemaStatus("current", HEAD_REVISION)
    head = head_revision()
    if not tables - {"alembic_version"}:
        Base.metadata.create_all(db.engine)
        with db.engine.begin() as conn:
            triggers.install(conn)  # what the migrations after 0001 add outside the model
            triggers.install_append_only(conn)
            report_facts.install(conn)
        stamp(db, "head")
        return SchemaStatus("created", head)
    current = current_revision(db)
    if current is None:
        raise StorageError(
            "La base de datos no pertenece a comite (no tiene versión de esquema); no se modificó."
        )
    if current == head:
        return SchemaStatus("current", head)
    if current not in _known_revisions():
        raise StorageError(
            f"La base de datos fue creada por una versión más reciente de comite (esquema {current}). "
            "Actualice la aplicación antes de abrirla; no se modificó nada."
        )
    backup = None
    if db.sqlite_path is not None:
        stamp_txt = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite_file(
            db.sqlite_path, db.sqlite_path.with_name(f"{db.sqlite_path.stem}.antes-de-{head}-{stamp_txt}.sqlite3")
        )
        log.info("Copia de seguridad antes de actualizar el esquema: %s", backup)
    upgrade(db, "head")
    return SchemaStatus("upgraded", head, backup)
