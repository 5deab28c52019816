"""Database-side pieces the model cannot express: the change notification.

On PostgreSQL every committed audit entry wakes the desktops that listen on
:data:`CHANNEL` (``NOTIFY`` is transactional: listeners hear it at commit,
never for a rolled-back write). SQLite has no such thing; there the change feed
watches ``PRAGMA data_version`` instead, so these functions do nothing.

Shared by migration 0002 (databases created before it) and
:func:`comite.storage.schema.ensure_schema` (new databases, created from the
model and stamped at head), so both kinds end up with the same trigger.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

CHANNEL = "comite_cambios"
FUNCTION = "comite_notificar_cambio"
TRIGGER = "audit_entry_notificar"

_CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', NEW.id::text);
    RETURN NULL;
END
$$
"""
_CREATE_TRIGGER = (
    f"CREATE TRIGGER {TRIGGER} AFTER INSERT ON audit_entry "
    f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
)


def _is_postgresql(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def install(conn: Connection) -> None:
    """Create (or replace) the notification trigger; a no-op outside PostgreSQL."""
    if not _is_postgresql(conn):
        return
    conn.execute(text(_CREATE_FUNCTION))
    conn.execute(text(f"DROP TRIGGER IF EXISTS {TRIGGER} ON audit_entry"))
    conn.execute(text(_CREATE_TRIGGER))


def uninstall(conn: Connection) -> None:
    if not _is_postgresql(conn):
        return
    conn.execute(text(f"DROP TRIGGER IF EXISTS {TRIGGER} ON audit_entry"))
    conn.execute(text(f"DROP FUNCTION IF EXISTS {FUNCTION}()"))


def installed(conn: Connection) -> bool:
    """Whether the trigger exists (always ``False`` outside PostgreSQL)."""
    if not _is_postgresql(conn):
        return False
    return bool(conn.scalar(
        text("SELECT count(*) FROM pg_trigger WHERE tgname = :name AND NOT tgisinternal"),
        {"name": TRIGGER},
    ))
