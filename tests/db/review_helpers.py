"""A session whose draft acta goes to the delegates for review, and a reviewer's PDF comments.

``closed_cerrem_session`` records, through the services, a CERREM poblacional
session as the demo would: delegates present (most with an e-mail address, one
without), two decided cases with deliberations long enough to have several
paragraphs, then closes it. ``annotate`` writes comments into a PDF with pypdf's
annotations, as a delegate does in a PDF reader.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText, Highlight, Text
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from comite.domain import (
    AttendanceStatus,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    SessionStatus,
    VoteChoice,
)
from comite.services import attendance, deliberation, sessions, views
from comite.services.context import ServiceContext
from comite.services.decisions import DecisionInput, MeasureInput, record_decision
from tests.db.helpers import case_for, new_session, put_on_agenda

PROTECTED = ("Rosalba Quiñónez Ortega", "Edilberto Ñustes Páez")
RADICADOS = ("REV-2026-001", "REV-2026-002")
DELIBERATION = (
    "El analista presenta el estudio de nivel de riesgo y la ponderación de la matriz.\n\n"
    "La Procuraduría pregunta por la temporalidad de las medidas vigentes y por su implementación.\n\n"
    "La Defensoría del Pueblo recuerda los hechos sobrevinientes informados en el último trimestre."
)


@dataclass(frozen=True)
class Reviewed:
    session_id: int
    without_email: tuple[str, ...]  # entities present without an address
    with_email: tuple[str, ...]


def closed_cerrem_session(ctx: ServiceContext, day: date = date(2026, 11, 20), prefix: str = "") -> Reviewed:
    sid = new_session(ctx, "CERREM_POBLACIONAL", day, start_at=time(9, 0), place="Sala de juntas, Bogotá")
    case_ids = [case_for(ctx, "CERREM_POBLACIONAL", prefix + r, beneficiary_name=n, matrix_pct=62.5)
                for r, n in zip(RADICADOS, PROTECTED, strict=True)]
    hearings = [put_on_agenda(ctx, sid, cid, discussed_at=time(10, i)) for i, cid in enumerate(case_ids)]
    rows = {r.seat_key: r for r in views.attendance_rows(ctx, sid)}
    with_email, without = [], []
    for key, row in rows.items():
        if row.condition is not None and key != "acnur":
            continue
        email = None if key == "defensoria" else f"delegado.{key}@entidad.gov.co"
        attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE, person_name=f"Delegado {key}",
                                  arrival=time(9, 0), email=email)
        (with_email if email else without).append(row.entity)
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    for hid in hearings:
        deliberation.update_hearing(ctx, hid, deliberation=DELIBERATION)
        voters = [v for v in views.hearing_detail(ctx, hid).voters if v.can_vote]
        for v in voters:
            deliberation.cast_vote(ctx, hid, v.seat_key, VoteChoice.A_FAVOR)
        record_decision(ctx, hid, DecisionInput(
            DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, concept="Se valida el nivel extraordinario.",
            measures=[MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)]))
    sessions.update_session(ctx, sid, end=time(12, 0))
    sessions.set_status(ctx, sid, SessionStatus.CERRADA)
    return Reviewed(sid, tuple(without), tuple(with_email))


@dataclass(frozen=True)
class Comment:
    kind: str  # "text" | "free" | "highlight"
    page: int  # 1-based
    y: float  # points from the bottom: where it points
    text: str
    x: float = 120.0


def annotate(pdf: bytes, comments: Sequence[Comment]) -> bytes:
    """``pdf`` with ``comments`` added the way a PDF reader stores them."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for c in comments:
        if c.kind == "text":  # a sticky note: its icon hangs from the point clicked
            annot = Text(rect=(c.x, c.y - 18, c.x + 18, c.y + 2), text=c.text)
        elif c.kind == "free":  # a text box typed over the page
            annot = FreeText(text=c.text, rect=(c.x, c.y - 20, c.x + 220, c.y + 3), font_size="9pt")
        else:  # a highlighted line with a comment
            x1, x2, top, bottom = c.x, c.x + 200, c.y + 5, c.y - 5
            quads = ArrayObject([FloatObject(v) for v in (x1, top, x2, top, x1, bottom, x2, bottom)])
            annot = Highlight(rect=(x1, bottom, x2, top), quad_points=quads)
            annot[NameObject("/Contents")] = TextStringObject(c.text)
        writer.add_annotation(page_number=c.page - 1, annotation=annot)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
