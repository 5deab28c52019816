"""Counting the SQL statements a piece of work sends (tests and measurements, never timings).

    with count_statements(db.engine) as counted:
        deliberation.cast_vote(ctx, ...)
    counted.total, counted.statements

Statements are counted where SQLAlchemy hands them to the driver
(``before_cursor_execute``), so lazy loads, flushes and the audit's own
queries all count; ``PRAGMA``/``SAVEPOINT`` housekeeping is kept apart. Only
the thread that opened the block counts (the window's, in GUI tests): the live
feed's own thread polls the same engine whenever anything commits.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine, event

_HOUSEKEEPING = ("PRAGMA", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


@dataclass
class Counted:
    statements: list[str] = field(default_factory=list)
    housekeeping: int = 0

    @property
    def total(self) -> int:
        return len(self.statements)

    def __str__(self) -> str:
        return "\n".join(s.split("\n", 1)[0][:120] for s in self.statements)


@contextmanager
def count_statements(*engines: Engine) -> Iterator[Counted]:
    """Count what each of ``engines`` sends to its database inside the block."""
    counted = Counted()
    here = threading.get_ident()

    def before(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        if threading.get_ident() != here:
            return
        if statement.lstrip().upper().startswith(_HOUSEKEEPING):
            counted.housekeeping += 1
        else:
            counted.statements.append(statement)

    for engine in engines:
        event.listen(engine, "before_cursor_execute", before)
    try:
        yield counted
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", before)
