"""A report as JSON, for other systems and for tests.

Shape::

    {
      "informe": "...", "periodo": {"desde": "2026-01-01", "hasta": "2026-12-31", "texto": "..."},
      "comites": [{"codigo": "GVP", "nombre": "GVP"}, ...],
      "generado": "2026-11-23T15:04:05+00:00", "generado_por": "...",
      "totals": {"sessions": 0, "hearings": 0, "decisions": 0, "votes": 0, "measures": 0,
                 "commitments": 0, "emergency_measures": 0},
      "resumen": {"titulo": ..., "fuente": ..., "columnas": {clave: etiqueta},
                  "filas": {clave de fila: {"etiqueta": ..., clave de columna: valor}},
                  "total": {clave de columna: valor}, "suprimidas": [[fila, columna], ...]},
      ... one object like "resumen" per table (breakdown) ...
      "casos_fuera_de_termino": {"total": 0, "nota": "...", "casos": [{"radicado": ...}, ...]},
      "reserva": null | {"umbral": 5, "nota": "...", "celdas_suprimidas": 12}
    }

A suppressed cell is ``null`` and listed in ``suprimidas``. Shares are
fractions (0 to 1), business days are numbers.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from comite.documents.report_data import Report, Table


def _table(table: Table) -> dict[str, Any]:
    keys = [c.key for c in table.columns]
    out: dict[str, Any] = {
        "titulo": table.title,
        "fuente": table.source,
        "filas_son": table.row_title,
        "columnas": {c.key: c.label for c in table.columns},
        "filas": {row.key: {"etiqueta": row.label, **dict(zip(keys, row.values, strict=True))}
                  for row in table.rows},
    }
    if table.total is not None:
        out["total"] = dict(zip(keys, table.total.values, strict=True))
    out["suprimidas"] = [list(cell) for cell in table.suppressed]
    return out


def report_dict(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {
        "informe": report.title,
        "periodo": {"desde": report.period_from.isoformat() if report.period_from else None,
                    "hasta": report.period_to.isoformat() if report.period_to else None,
                    "texto": report.period_label},
        "comites": [{"codigo": code, "nombre": name} for code, name in report.committees],
        "generado": report.generated_at.isoformat(),
        "generado_por": report.generated_by,
        "totals": {f.name: getattr(report.totals, f.name) for f in fields(report.totals)},
    }
    for table in report.tables:
        out[table.key] = _table(table)
    out["casos_fuera_de_termino"] = {
        "total": report.late_total,
        "nota": report.radicados_note,
        "casos": [{"radicado": c.radicado, "etapa": c.stage, "comite": c.committee,
                   "desde": c.started.isoformat(), "vencimiento": c.deadline.isoformat(),
                   "decidido": c.decided.isoformat(), "dias_habiles": c.business_days}
                  for c in report.late_cases],
    }
    out["reserva"] = None if report.reserve is None else {
        "umbral": report.reserve.threshold, "nota": report.reserve.note,
        "celdas_suprimidas": report.reserve.cells}
    return out


def report_json_bytes(report: Report) -> bytes:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2).encode("utf-8")
