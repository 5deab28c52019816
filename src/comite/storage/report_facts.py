"""The triggers that keep ``report_hearing`` (:mod:`comite.model.facts`) current, on both engines.

Each trigger writes only what its own row says, from ``NEW`` and ``OLD``:

* a hearing inserted adds its row (its case's attributes, its decision and votes
  if any already exist); a hearing moved to another session or case follows;
  a hearing deleted takes its row with it;
* a decision inserted, changed or deleted sets or clears the row's decision,
  outcome and level;
* a vote inserted or deleted adds or takes one from the row's count;
* a case whose population, department, route or dates change passes them to
  the rows of all its hearings.

Writing from ``NEW`` and adding or taking one (instead of recounting from the
tables) is what keeps the table right when two desktops write at once on
PostgreSQL: an ``UPDATE`` waits for the other's lock on the row and applies
its own change to what the other left, where a recount would write what its
own snapshot saw. A hearing inserted reads its case ``FOR SHARE`` on
PostgreSQL, so a case being edited at that moment is read as committed.

The same statements serve both engines: SQLite runs them in the trigger's
body, PostgreSQL in a PL/pgSQL function of the same name. Installed by
revision 0009 and, for a new database, by
:func:`comite.storage.schema.ensure_schema`. A SQLite batch migration that
rebuilds one of the four tables drops its triggers: reinstall them after it
(:func:`install`), then :func:`rebuild`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from comite.storage.triggers import is_postgresql

TABLE = "report_hearing"
CASE_COLUMNS = ("population_code", "department", "route", "study_received", "request_date")
COLUMNS = ("session_id", "hearing_id", "case_id", "decision_id", "outcome", "risk_level", *CASE_COLUMNS, "votes")
_COLUMN_LIST = ", ".join(COLUMNS)


@dataclass(frozen=True)
class _Trigger:
    name: str
    event: str  # e.g. "AFTER INSERT ON hearing"
    statements: tuple[str, ...]
    pg_first: tuple[str, ...] = ()  # PostgreSQL only, before the statements


def _case_values(case_id: str) -> str:
    return ", ".join(f"{c} = (SELECT {c} FROM case_file WHERE id = {case_id})" for c in CASE_COLUMNS)


def _set_decision(row: str) -> str:
    return (f"UPDATE {TABLE} SET decision_id = {row}.id, outcome = {row}.outcome, risk_level = {row}.risk_level "
            f"WHERE hearing_id = {row}.hearing_id")


def _clear_decision(row: str) -> str:
    return (f"UPDATE {TABLE} SET decision_id = NULL, outcome = NULL, risk_level = NULL "
            f"WHERE hearing_id = {row}.hearing_id AND decision_id = {row}.id")


def _count_vote(row: str, sign: str) -> str:
    return f"UPDATE {TABLE} SET votes = votes {sign} 1 WHERE hearing_id = {row}.hearing_id"


_HEARING_INSERT = (
    f"INSERT INTO {TABLE} ({_COLUMN_LIST}) "
    "SELECT NEW.session_id, NEW.id, NEW.case_id, d.id, d.outcome, d.risk_level, "
    + ", ".join(f"c.{c}" for c in CASE_COLUMNS)
    + ", (SELECT count(*) FROM vote v WHERE v.hearing_id = NEW.id) "
    "FROM case_file c LEFT JOIN decision d ON d.hearing_id = NEW.id WHERE c.id = NEW.case_id"
)

TRIGGERS = (
    _Trigger("report_hearing_on_hearing_insert", "AFTER INSERT ON hearing", (_HEARING_INSERT,),
             pg_first=("PERFORM 1 FROM case_file WHERE id = NEW.case_id FOR SHARE",)),
    _Trigger("report_hearing_on_hearing_update", "AFTER UPDATE OF session_id, case_id ON hearing",
             (f"UPDATE {TABLE} SET session_id = NEW.session_id, case_id = NEW.case_id, {_case_values('NEW.case_id')} "
              "WHERE hearing_id = NEW.id",),
             pg_first=("PERFORM 1 FROM case_file WHERE id = NEW.case_id FOR SHARE",)),
    _Trigger("report_hearing_on_hearing_delete", "AFTER DELETE ON hearing",
             (f"DELETE FROM {TABLE} WHERE hearing_id = OLD.id",)),
    _Trigger("report_hearing_on_decision_insert", "AFTER INSERT ON decision", (_set_decision("NEW"),)),
    _Trigger("report_hearing_on_decision_update", "AFTER UPDATE OF hearing_id, outcome, risk_level ON decision",
             (_clear_decision("OLD"), _set_decision("NEW"))),
    _Trigger("report_hearing_on_decision_delete", "AFTER DELETE ON decision", (_clear_decision("OLD"),)),
    _Trigger("report_hearing_on_vote_insert", "AFTER INSERT ON vote", (_count_vote("NEW", "+"),)),
    _Trigger("report_hearing_on_vote_update", "AFTER UPDATE OF hearing_id ON vote",
             (_count_vote("OLD", "-"), _count_vote("NEW", "+"))),
    _Trigger("report_hearing_on_vote_delete", "AFTER DELETE ON vote", (_count_vote("OLD", "-"),)),
    _Trigger("report_hearing_on_case_update", f"AFTER UPDATE OF {', '.join(CASE_COLUMNS)} ON case_file",
             (f"UPDATE {TABLE} SET " + ", ".join(f"{c} = NEW.{c}" for c in CASE_COLUMNS) + " WHERE case_id = NEW.id",)),
)
NAMES = tuple(t.name for t in TRIGGERS)


def _table_of(trigger: _Trigger) -> str:
    return trigger.event.rsplit(" ON ", 1)[1]


def install(conn: Connection) -> None:
    """Create (or replace) every trigger of the table; idempotent, both engines."""
    uninstall(conn)
    for t in TRIGGERS:
        if is_postgresql(conn):
            body = "".join(f"    {s};\n" for s in (*t.pg_first, *t.statements))
            conn.execute(text(f"CREATE OR REPLACE FUNCTION {t.name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                              f"BEGIN\n{body}    RETURN NULL;\nEND\n$$"))
            conn.execute(text(f"CREATE TRIGGER {t.name} {t.event} FOR EACH ROW EXECUTE FUNCTION {t.name}()"))
        else:
            body = " ".join(f"{s};" for s in t.statements)
            conn.execute(text(f"CREATE TRIGGER {t.name} {t.event} BEGIN {body} END"))


def uninstall(conn: Connection) -> None:
    """Drop the triggers (and, on PostgreSQL, their functions)."""
    for t in TRIGGERS:
        if is_postgresql(conn):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {t.name} ON {_table_of(t)}"))
            conn.execute(text(f"DROP FUNCTION IF EXISTS {t.name}()"))
        else:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {t.name}"))


def installed(conn: Connection) -> set[str]:
    """The names of this module's triggers the database has."""
    if is_postgresql(conn):
        rows = conn.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
    else:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    return {str(name) for (name,) in rows} & set(NAMES)


_RECOMPUTED = (
    "SELECT h.session_id, h.id, h.case_id, d.id, d.outcome, d.risk_level, "
    + ", ".join(f"c.{c}" for c in CASE_COLUMNS)
    + ", coalesce(n.votes, 0) "
    "FROM hearing h JOIN case_file c ON c.id = h.case_id LEFT JOIN decision d ON d.hearing_id = h.id "
    "LEFT JOIN (SELECT hearing_id, count(*) AS votes FROM vote GROUP BY hearing_id) n ON n.hearing_id = h.id"
)
"""Every hearing's row as the tables make it now."""


def rebuild(conn: Connection) -> int:
    """Recompute the whole table from the hearings, decisions, votes and cases; the rows written."""
    conn.execute(text(f"DELETE FROM {TABLE}"))
    return conn.execute(text(f"INSERT INTO {TABLE} ({_COLUMN_LIST}) {_RECOMPUTED}")).rowcount


def stale_rows(conn: Connection) -> int:
    """How many rows differ from a recomputation (rows missing, left over or with another value
    counted once each way); 0 when the table is current."""
    kept = f"SELECT {_COLUMN_LIST} FROM {TABLE}"
    return sum(int(conn.scalar(text(f"SELECT count(*) FROM ({a} EXCEPT {b}) AS x")) or 0)
               for a, b in ((kept, _RECOMPUTED), (_RECOMPUTED, kept)))
