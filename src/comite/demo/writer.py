"""The demo's bulk writer: plain rows buffered per table and written in one
transaction per batch, with one ``demo_generado`` audit entry each.

Rows go through INSERTs on the mapped tables, so reserved columns are encrypted
by their column type exactly as the services would store them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, insert, update

from comite.domain import AuditAction, AuditEntity
from comite.model import (
    AgendaItem,
    Attendance,
    AttendanceCase,
    Base,
    Case,
    Commitment,
    CommitteeSession,
    Decision,
    EmergencyMeasure,
    Handoff,
    Hearing,
    MeasureDecision,
    Observation,
    Vote,
)
from comite.services import audit
from comite.services.context import ServiceContext

ORDER: tuple[type[Base], ...] = (
    Case, CommitteeSession, Attendance, AgendaItem, Hearing, AttendanceCase, Observation, Decision,
    MeasureDecision, Vote, Handoff, EmergencyMeasure, Commitment,
)


class Writer:
    """Buffers plain rows per table and writes them in one transaction per batch."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.rows: dict[type[Base], list[dict[str, Any]]] = {model: [] for model in ORDER}
        self.presiding: list[dict[str, int]] = []
        self.pending = 0
        self.batches = 0
        self.totals: dict[str, int] = {model.__table__.name: 0 for model in ORDER}

    def add(self, model: type[Base], row: dict[str, Any]) -> None:
        self.rows[model].append(row)
        self.pending += 1

    def flush(self, what: str) -> None:
        if not self.pending and not self.presiding:
            return
        self.batches += 1
        counts = {model.__table__.name: len(rows) for model, rows in self.rows.items() if rows}
        with self.ctx.transaction() as s:
            for model in ORDER:
                rows = self.rows[model]
                if rows:
                    s.execute(insert(model.__table__), rows)
                if model is Attendance and self.presiding:
                    table = CommitteeSession.__table__
                    s.execute(
                        update(table).where(table.c.id == bindparam("sid"))
                        .values(presiding_attendance_id=bindparam("pid")),
                        self.presiding,
                    )
            audit.record(s, self.ctx, AuditAction.DEMO_GENERADO, AuditEntity.DEMO,
                         details={"lote": self.batches, "contenido": what, "filas": counts})
        for model, rows in self.rows.items():
            self.totals[model.__table__.name] += len(rows)
            rows.clear()
        self.presiding.clear()
        self.pending = 0
