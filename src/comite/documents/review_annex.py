"""The final acta's annex «Observaciones al borrador y su trámite».

Who the draft went to and how the round ended for each of them (answered,
tacit acceptance, no answer), then every observation: who made it, when and
how it arrived, where in the draft it points, what it said, and the
secretariat's answer (accepted and changed, or not accepted and why).
It follows the signatures, on a page of its own, and says it is part of the acta.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from comite.documents import pdf_common as pc
from comite.documents.data import ReviewAnnex
from comite.documents.spanish import date_short

TITLE = "ANEXO — Observaciones al borrador y su trámite"

_DELEGATE_COLS = (0.27, 0.22, 0.08, 0.11, 0.11, 0.21)
_NOTE_COLS = (0.05, 0.19, 0.12, 0.11, 0.29, 0.24)


def _dash(value: object) -> str:
    return str(value) if value else "—"


def annex_flowables(annex: ReviewAnnex) -> list[Flowable]:
    st = pc.styles()
    story: list[Flowable] = [PageBreak(), pc.text_para(st.h1, TITLE)]
    story.append(pc.text_para(
        st.body,
        "Este anexo hace parte integral del acta. Registra a quién se envió el borrador para su "
        "revisión, el término para formular observaciones, las observaciones recibidas y el trámite "
        "que la Secretaría Técnica dio a cada una.",
    ))

    story += pc.heading("Delegados a quienes se envió el borrador", st.h3)
    if annex.delegates:
        head = [pc.text_para(st.cell_head, t)
                for t in ("Entidad", "Delegado", "Versión", "Enviado", "Término", "Resultado")]
        rows = [
            [pc.text_para(st.cell, d.entity), pc.text_para(st.cell, d.reviewer or "—"), str(d.version),
             date_short(d.sent) if d.sent else "Sin correo", date_short(d.deadline),
             pc.text_para(st.cell, d.outcome)]
            for d in annex.delegates
        ]
        story.append(pc.data_table([head, *rows], pc.widths(_DELEGATE_COLS)))
    else:
        story.append(pc.text_para(st.body, "El borrador no se envió a revisión de los delegados."))
    story.append(Spacer(1, 6))

    story += pc.heading("Observaciones recibidas y respuesta de la Secretaría Técnica", st.h3)
    if annex.notes:
        head = [pc.text_para(st.cell_head, t)
                for t in ("No.", "Quién", "Recibida", "Dónde", "Observación", "Respuesta")]
        rows = []
        for i, n in enumerate(annex.notes, start=1):
            received = date_short(n.received) if n.received else "—"
            answer: list[pc.Run] = [(n.answer or "Sin respuesta", "b")]
            if n.reason:
                answer.append("\n" + n.reason)
            rows.append([
                str(i),
                pc.text_para(st.cell, n.entity.strip() + "\n", (n.reviewer.strip(), "note")),
                pc.text_para(st.cell, received + "\n", (n.channel, "note")),
                pc.text_para(st.cell, f"Versión {n.version}\n", (_dash(n.place), "note")),
                pc.text_para(st.cell, n.text),
                pc.text_para(st.cell, *answer),
            ])
        story.append(pc.data_table([head, *rows], pc.widths(_NOTE_COLS)))
    else:
        story.append(pc.text_para(st.body, "Los delegados no formularon observaciones al borrador."))
    return story
