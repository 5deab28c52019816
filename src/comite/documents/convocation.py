"""The convocation letter (PDF) to the members and invitees of a session.

Same formal header and RESERVADO mark as the acta. Cases are named by
radicado only (the agenda items and the conditional seats' cases).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Paragraph, Spacer

from comite.documents import pdf_common as pc
from comite.documents.data import ConvocationData, ConvokedRow, SessionInfo
from comite.documents.spanish import date_long, date_long_weekday, time_range
from comite.domain import Rights, SeatRole


def session_label(s: SessionInfo, *, capital: bool = True) -> str:
    """``"Sesión ordinaria No. 007 de 2026"`` (``capital=False``: ``"sesión ordinaria ..."``)."""
    word = "Sesión" if capital else "sesión"
    return f"{word} {s.session_type.label.lower()} No. {s.number:03d} de {s.year}"


def modality(s: SessionInfo) -> str:
    if s.place and s.virtual_link:
        return "Mixta (presencial y virtual)"
    if s.virtual_link:
        return "Virtual"
    return "Presencial"


def is_ad_hoc(row: ConvokedRow) -> bool:
    return row.role is SeatRole.INVITADO_OCASIONAL or bool(row.reason)


def attends(row: ConvokedRow) -> str:
    """When the seat attends: the condition's label and its cases, or the whole session."""
    parts = []
    if row.condition is not None:
        parts.append(row.condition.label)
    if row.cases:
        parts.append(pc.cases_phrase(row.cases))
    return "\n".join(parts) if parts else "Toda la sesión"


_CONVOKED_COLS = (0.05, 0.29, 0.20, 0.14, 0.10, 0.22)


def _convoked_table(rows: Sequence[ConvokedRow]) -> Flowable:
    st = pc.styles()
    head = [
        Paragraph(t, st.cell_head)
        for t in ("No.", "Entidad", "Titular o delegado", "Calidad", "Participa con", "Asiste")
    ]
    body = []
    for i, r in enumerate(rows, start=1):
        body.append(
            [
                str(i),
                Paragraph(pc.esc(r.entity), st.cell),
                Paragraph(pc.esc(r.holder), st.cell),
                Paragraph(pc.esc(r.role.label), st.cell),
                Paragraph(pc.esc(r.rights.label), st.cell),
                Paragraph(pc.esc(attends(r)), st.cell),
            ]
        )
    return pc.data_table([head, *body], pc.widths(_CONVOKED_COLS))


def _ad_hoc_table(rows: Sequence[ConvokedRow]) -> Flowable:
    st = pc.styles()
    head = [
        Paragraph(t, st.cell_head)
        for t in ("No.", "Entidad", "Titular o delegado", "Motivo", "Participa con", "Asiste")
    ]
    body = [
        [
            str(i),
            Paragraph(pc.esc(r.entity), st.cell),
            Paragraph(pc.esc(r.holder), st.cell),
            Paragraph(pc.esc(r.reason or "Por decisión del comité"), st.cell),
            Paragraph(pc.esc(r.rights.label), st.cell),
            Paragraph(pc.esc(attends(r)), st.cell),
        ]
        for i, r in enumerate(rows, start=1)
    ]
    return pc.data_table([head, *body], pc.widths((0.05, 0.24, 0.17, 0.24, 0.10, 0.20)))


def convocation_flowables(
    data: ConvocationData, *, issued: date, city: str = "Bogotá D. C."
) -> list[Flowable]:
    st = pc.styles()
    s = data.session
    label = session_label(s)
    story: list[Flowable] = [
        Paragraph("CONVOCATORIA", st.title),
        Paragraph(pc.esc(f"{label} — {s.committee_name}"), st.subtitle),
        Spacer(1, 4),
        Paragraph(pc.esc(f"{city}, {date_long(issued)}"), st.body_left),
        Spacer(1, 6),
        Paragraph(
            f"<b>Para:</b> miembros e invitados del {pc.esc(s.committee_name)} "
            "(relación de convocados al final de esta comunicación)",
            st.body_left,
        ),
        Paragraph(
            f"<b>Asunto:</b> convocatoria a la {pc.esc(session_label(s, capital=False))} "
            f"del {pc.esc(s.committee_name)}",
            st.body_left,
        ),
        Spacer(1, 6),
        Paragraph("Respetados delegados:", st.body_left),
        Paragraph(
            f"La Secretaría Técnica del {pc.esc(s.committee_name)} "
            f"los convoca a la {pc.esc(session_label(s, capital=False))}, que se realizará el "
            f"{pc.esc(date_long_weekday(s.day))} en los siguientes términos:",
            st.body,
        ),
    ]
    info = [
        ("Fecha", date_long_weekday(s.day)),
        ("Hora", time_range(s.start, s.end)),
        ("Modalidad", modality(s)),
    ]
    if s.place:
        info.append(("Lugar", s.place))
    if s.virtual_link:
        info.append(("Enlace virtual", s.virtual_link))
    story.append(
        pc.kv_table(
            [[Paragraph(pc.esc(k), st.kv_label), Paragraph(pc.esc(v), st.cell)] for k, v in info],
            pc.widths((0.22, 0.78)),
        )
    )

    story += pc.heading("Orden del día", st.h1)
    if data.agenda:
        story.append(
            ListFlowable(
                [ListItem(Paragraph(pc.esc(item), st.body_left)) for item in data.agenda],
                bulletType="1",
                bulletFormat="%s.",
                leftIndent=18,
                bulletFontName=pc.FONT,
                bulletFontSize=9.5,
            )
        )
    else:
        story.append(Paragraph("El orden del día se remitirá por separado.", st.body))

    story += pc.heading("Convocados", st.h1, 120)
    regular = [r for r in data.convoked if not is_ad_hoc(r)]
    members = [r for r in regular if r.rights is Rights.VOZ_Y_VOTO]
    guests = [r for r in regular if r.rights is not Rights.VOZ_Y_VOTO]
    ad_hoc = [r for r in data.convoked if is_ad_hoc(r)]
    if members:
        story += pc.heading("Miembros con voz y voto", st.h3, 90)
        story.append(_convoked_table(members))
    if guests:
        story += pc.heading("Invitados con solo voz", st.h3, 90)
        story.append(_convoked_table(guests))
    if ad_hoc:
        story += pc.heading("Invitados ocasionales", st.h3, 90)
        story.append(_ad_hoc_table(ad_hoc))
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            "Los invitados con condición de asistencia participarán únicamente en los puntos "
            "y casos indicados. Los casos se identifican solo por su número de radicado.",
            st.small,
        )
    )

    story += pc.heading("Observaciones", st.h1)
    story.append(
        Paragraph(
            "La información que se presenta en la sesión es <b>reservada</b> (reserva legal "
            "del Programa de Prevención y Protección; datos sensibles, Ley 1581 de 2012) y "
            "solo puede usarse para los fines del comité.",
            st.body,
        )
    )
    story.append(
        Paragraph(
            "Agradecemos confirmar la asistencia al correo "
            f"<b>{pc.esc(data.organizer_email)}</b> y, si asiste un delegado, remitir con "
            "anticipación el acto de delegación.",
            st.body,
        )
    )
    story.append(
        KeepTogether(
            [
                Spacer(1, 8),
                Paragraph("Atentamente,", st.body_left),
                Spacer(1, 6),
                pc.signature_block(
                    [("Secretaría Técnica", data.secretary)],
                    width=pc.CONTENT_WIDTH / 2,
                    align="LEFT",
                ),
            ]
        )
    )
    return story


def build_convocation_pdf(
    data: ConvocationData,
    out: Path | BinaryIO,
    *,
    issued: date | None = None,
    city: str = "Bogotá D. C.",
) -> None:
    """Write the convocation letter. ``issued`` is the letter's date (default: today)."""
    s = data.session
    label = session_label(s)
    chrome = pc.PageChrome(
        header=data.header,
        reference=f"Convocatoria · {label} · {s.committee_name}",
    )
    pc.build_pdf(
        out,
        convocation_flowables(data, issued=issued or date.today(), city=city),
        chrome,
        title=f"Convocatoria — {label} — {s.committee_name}",
        subject="Convocatoria — RESERVADO",
    )
