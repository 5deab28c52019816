"""Database-side pieces the model cannot express: the change notification and
the append-only audit table.

On PostgreSQL every committed audit entry wakes the desktops that listen on
:data:`CHANNEL` (``NOTIFY`` is transactional: listeners hear it at commit,
never for a rolled-back write). SQLite has no such thing; there the change feed
watches ``PRAGMA data_version`` instead, so these functions do nothing.

The audit table refuses ``UPDATE`` and ``DELETE`` (and ``TRUNCATE`` on
PostgreSQL) on both engines: :func:`install_append_only`. This stops the
program, a script or a careless administrator with a SQL console; it does not
stop whoever controls the file or the server (they can drop the trigger), which
is what the hash chain, the seals and the sealed head in
:mod:`comite.services.audit` are for. On SQLite a batch migration that rebuilds
``audit_entry`` would drop these triggers: reinstall them after it.

Shared by the migrations (0002: notification, 0003: append-only; databases
created before them) and :func:`comite.storage.schema.ensure_schema` (new
databases, created from the model and stamped at head), so both kinds end up
with the same triggers.
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


def is_postgresql(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def install(conn: Connection) -> None:
    """Create (or replace) the notification trigger; a no-op outside PostgreSQL."""
    if not is_postgresql(conn):
        return
    conn.execute(text(_CREATE_FUNCTION))
    conn.execute(text(f"DROP TRIGGER IF EXISTS {TRIGGER} ON audit_entry"))
    conn.execute(text(_CREATE_TRIGGER))


def uninstall(conn: Connection) -> None:
    if not is_postgresql(conn):
        return
    conn.execute(text(f"DROP TRIGGER IF EXISTS {TRIGGER} ON audit_entry"))
    conn.execute(text(f"DROP FUNCTION IF EXISTS {FUNCTION}()"))


def installed(conn: Connection) -> bool:
    """Whether the trigger exists (always ``False`` outside PostgreSQL)."""
    if not is_postgresql(conn):
        return False
    return bool(conn.scalar(
        text("SELECT count(*) FROM pg_trigger WHERE tgname = :name AND NOT tgisinternal"),
        {"name": TRIGGER},
    ))


# --- append-only audit table (both engines) ---------------------------------------------------

APPEND_ONLY_MESSAGE = "la auditoría solo admite agregar registros"
APPEND_ONLY_FUNCTION = "comite_auditoria_solo_agregar"
APPEND_ONLY_TRIGGERS = ("audit_entry_sin_modificar", "audit_entry_sin_borrar")
"""SQLite: one trigger per refused statement. PostgreSQL: the first refuses UPDATE
and DELETE row by row, the second TRUNCATE (which fires no row triggers)."""

_SQLITE_APPEND_ONLY = tuple(
    f"CREATE TRIGGER {name} BEFORE {event} ON audit_entry "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
    for name, event in zip(APPEND_ONLY_TRIGGERS, ("UPDATE", "DELETE"), strict=True)
)
_PG_APPEND_ONLY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {APPEND_ONLY_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END
$$
"""
_PG_APPEND_ONLY = (
    f"CREATE TRIGGER {APPEND_ONLY_TRIGGERS[0]} BEFORE UPDATE OR DELETE ON audit_entry "
    f"FOR EACH ROW EXECUTE FUNCTION {APPEND_ONLY_FUNCTION}()",
    f"CREATE TRIGGER {APPEND_ONLY_TRIGGERS[1]} BEFORE TRUNCATE ON audit_entry "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {APPEND_ONLY_FUNCTION}()",
)


def install_append_only(conn: Connection) -> None:
    """Make ``audit_entry`` refuse UPDATE and DELETE (idempotent, both engines)."""
    uninstall_append_only(conn)
    if is_postgresql(conn):
        conn.execute(text(_PG_APPEND_ONLY_FUNCTION))
        for statement in _PG_APPEND_ONLY:
            conn.execute(text(statement))
    else:
        for statement in _SQLITE_APPEND_ONLY:
            conn.execute(text(statement))


def uninstall_append_only(conn: Connection) -> None:
    """Drop the append-only triggers (a downgrade; or a test playing an attacker with the file)."""
    for name in APPEND_ONLY_TRIGGERS:
        if is_postgresql(conn):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON audit_entry"))
        else:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    if is_postgresql(conn):
        conn.execute(text(f"DROP FUNCTION IF EXISTS {APPEND_ONLY_FUNCTION}()"))


def append_only_installed(conn: Connection) -> bool:
    """Whether both append-only triggers exist."""
    if is_postgresql(conn):
        query = "SELECT count(*) FROM pg_trigger WHERE tgname IN (:a, :b) AND NOT tgisinternal"
    else:
        query = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (:a, :b)"
    a, b = APPEND_ONLY_TRIGGERS
    return conn.scalar(text(query), {"a": a, "b": b}) == 2
