"""The GVP's notification to the CERREM secretariat that receives its cases.

For each case the GVP analysed: the risk level it determined (with the matrix
weighting), its concept, and the measures it proposes. Addressed to the
technical secretariat of the target committee. Cases are named by radicado
only (the data class has no field for a person's name) and every page carries
the RESERVADO mark.

Two renderings of the same content: Word (:func:`build_notification_docx`,
python-docx, for the secretariat to file or edit) and PDF
(:func:`build_notification_pdf`, reportlab, using the shared chrome of
:mod:`comite.documents.pdf_common`).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from comite.documents import pdf_common as pc
from comite.documents.data import (
    GvpNotificationData,
    MeasureRow,
    NotificationCase,
    SessionInfo,
    Signatory,
)
from comite.documents.resolution import is_feminine
from comite.documents.spanish import (
    Gender,
    date_in_words,
    date_long,
    months_phrase,
    percent,
    quantity_phrase,
)
from comite.documents.templating import add_field, atomic_write, shade_cell
from comite.domain import DecisionOutcome, RiskLevel

CITY = "Bogotá, D.C."
NO_LEVEL = "Sin determinar"
_RED = RGBColor(0xC0, 0x00, 0x00)
_GREY = RGBColor(0x55, 0x5F, 0x6B)
NO_MEASURES = "—"
_COLUMNS = (
    "No.",
    "Radicado",
    "Población",
    "Nivel de riesgo",
    "Matriz",
    "Concepto del GVP",
    "Medidas propuestas",
)
_FREE_TEXT = (2, 5, 6)  # Población, Concepto, Medidas: share what the short columns leave
_MIN_SHARE = 0.2  # of that width, for each free-text column
_PAGE_WIDTH_CM = 21.59
_MARGIN_CM = 2.0


# -- content shared by both renderings ------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseRow:
    number: int
    radicado: str
    population: str
    level: str
    matrix: str
    concept: str
    measures: tuple[str, ...]


def measure_phrase(measure: MeasureRow) -> str:
    """``"Implementar dos (2) hombres de protección por seis (6) meses"``."""
    gender: Gender = "f" if is_feminine(measure.unit_singular) else "m"
    quantity = quantity_phrase(measure.quantity, measure.unit_singular, measure.unit_plural, gender=gender)
    text = f"{measure.action.label} {quantity}"
    if measure.temporality_months:
        text += f" por {months_phrase(measure.temporality_months)}"
    if measure.notes.strip():
        text += f" ({measure.notes.strip()})"
    return text


def level_text(case: NotificationCase) -> str:
    """``"Extraordinario"``; a case without level says why (returned, postponed)."""
    if case.level is not None:
        return case.level.label
    if case.outcome is not None and case.outcome is not DecisionOutcome.DECIDED:
        return f"{NO_LEVEL} ({case.outcome.label.lower()})"
    return NO_LEVEL


def case_rows(data: GvpNotificationData) -> list[CaseRow]:
    return [
        CaseRow(
            number=i,
            radicado=case.radicado,
            population=case.population,
            level=level_text(case),
            matrix=percent(case.matrix_pct) if case.matrix_pct is not None else "—",
            concept=case.concept.strip() or "—",
            measures=tuple(measure_phrase(m) for m in case.measures),
        )
        for i, case in enumerate(data.cases, start=1)
    ]


def columns(rows: list[CaseRow]) -> tuple[str, ...]:
    """The table's columns. The GVP gives a concept on measures; when no case
    carries proposed measures, there is no "Medidas propuestas" column (an empty
    one, or a "sin medidas" line, would contradict a concept that names some)."""
    return _COLUMNS if any(r.measures for r in rows) else _COLUMNS[:-1]


def row_cells(row: CaseRow, n_columns: int) -> list[str]:
    cells = [str(row.number), row.radicado, row.population, row.level, row.matrix, row.concept,
             "\n".join(row.measures) or NO_MEASURES]
    return cells[:n_columns]


def column_fractions(rows: list[CaseRow], n_columns: int) -> list[float]:
    """Column widths as fractions of the content width, from the content.

    Number, radicado, level and matrix get what their longest word needs (a
    radicado never wraps); population, concept and measures share the rest so
    that the table is as short as possible: the split (in steps of 5 %, each
    free column at least :data:`_MIN_SHARE`) that gives the fewest estimated
    lines, a row being as tall as its tallest cell."""
    import itertools
    import math

    from reportlab.pdfbase.pdfmetrics import stringWidth

    st = pc.styles()
    size = st.cell.fontSize

    def need(title: str, words: list[str], bold: bool) -> float:
        font = pc.FONT_BOLD if bold else pc.FONT
        head = max(stringWidth(w, pc.FONT_BOLD, st.cell_head.fontSize) for w in title.split())
        body = max((stringWidth(w, font, size) for w in words), default=0)
        return (max(head, body) + pc.CELL_PADDING + 1) / pc.CONTENT_WIDTH

    fixed = {
        0: need("No.", [str(r.number) for r in rows], True),
        1: need("Radicado", [r.radicado for r in rows], True),
        3: need("Nivel de riesgo", [w for r in rows for w in r.level.split()], True),
        4: need("Matriz", [r.matrix.replace(" ", "\u00a0") for r in rows], False),
    }
    free = [i for i in _FREE_TEXT if i < n_columns]
    left = max(0.3, 1.0 - sum(fixed.values()))
    # Each free cell as the widths of its lines before wrapping (measures: one line each).
    texts = [
        [[stringWidth(line, pc.FONT, size) + 2 * size for line in row_cells(r, n_columns)[i].split("\n")]
         for i in free]
        for r in rows
    ]

    def lines(widths: list[list[float]], split: tuple[float, ...]) -> int:
        usable = [left * share * pc.CONTENT_WIDTH - pc.CELL_PADDING for share in split]
        # (words do not fill a line exactly: count a line as 90 % full)
        return max(sum(math.ceil(w / (0.9 * u)) for w in cell) for cell, u in zip(widths, usable, strict=True))

    steps = [k / 20 for k in range(round(_MIN_SHARE * 20), 21)]
    best: tuple[int, tuple[float, ...]] | None = None
    for head in itertools.product(steps, repeat=len(free) - 1):
        split = (*head, round(1.0 - sum(head), 2))
        if split[-1] < _MIN_SHARE - 1e-9:
            continue
        total = sum(lines(row, split) for row in texts)
        if best is None or total < best[0]:
            best = (total, split)
    split = best[1] if best else tuple(1 / len(free) for _ in free)
    fractions = {**fixed, **{i: left * share for i, share in zip(free, split, strict=True)}}
    return [fractions[i] for i in range(n_columns)]


def session_phrase(session: SessionInfo) -> str:
    """``"sesión ordinaria No. 012 del tres (3) de marzo de dos mil veintiséis (2026)"``."""
    return f"sesión {session.session_type.label.lower()} No. {session.number:03d} del {date_in_words(session.day)}"


def level_summary(data: GvpNotificationData) -> str:
    """``"4 casos: 1 extremo, 2 extraordinarios, 1 sin nivel determinado."``"""
    counts = Counter(case.level for case in data.cases)
    plural = {
        RiskLevel.EXTREMO: ("extremo", "extremos"),
        RiskLevel.EXTRAORDINARIO: ("extraordinario", "extraordinarios"),
        RiskLevel.ORDINARIO: ("ordinario", "ordinarios"),
        None: ("sin nivel determinado", "sin nivel determinado"),
    }
    parts = [
        f"{counts[level]} {plural[level][0] if counts[level] == 1 else plural[level][1]}"
        for level in (RiskLevel.EXTREMO, RiskLevel.EXTRAORDINARIO, RiskLevel.ORDINARIO, None)
        if counts[level]
    ]
    total = len(data.cases)
    head = f"{total} caso" if total == 1 else f"{total} casos"
    return f"{head}: {', '.join(parts)}." if parts else "Sin casos."


def _subject(data: GvpNotificationData) -> str:
    return (
        "Notificación de niveles de riesgo y conceptos sobre medidas de protección – "
        f"GVP, {session_phrase(data.gvp_session)}"
    )


def _intro(data: GvpNotificationData) -> str:
    return (
        "La Secretaría Técnica del Grupo de Valoración Preliminar – GVP notifica a esa Secretaría "
        "Técnica el nivel de riesgo determinado y el concepto sobre medidas de protección de cada "
        f"uno de los casos analizados en la {session_phrase(data.gvp_session)}, para que sean "
        f"presentados ante el {data.target_committee_name}. En atención a la reserva legal de la "
        "información, los casos se identifican únicamente por su número de radicado."
    )


_CLOSING = (
    "Los estudios de nivel de riesgo y los soportes de cada caso reposan en el expediente "
    "correspondiente y se encuentran a disposición del comité. Esta comunicación contiene "
    "información reservada y datos personales sensibles (Ley 1581 de 2012); su uso se limita a "
    "los fines del comité."
)


def _addressee_lines(data: GvpNotificationData) -> list[str]:
    lines = []
    who: Signatory | None = data.addressee
    if who and who.name:
        lines.append(who.name)
    if who and who.position:
        lines.append(who.position)
    lines.append(f"Secretaría Técnica del {data.target_committee_name}")
    if who and who.entity:
        lines.append(who.entity)
    return lines


def _salutation(data: GvpNotificationData) -> str:
    return "Respetado(a) secretario(a) técnico(a):" if data.addressee else "Respetados señores:"


# -- Word ----------------------------------------------------------------------------------


def build_notification_docx(data: GvpNotificationData, *, issued: date | None = None) -> bytes:
    """The notification as a Word document (bytes). ``issued`` defaults to today."""
    issued = issued or date.today()
    doc = Document()
    _docx_setup(doc, data)
    _p(doc, f"{CITY}, {date_long(issued)}", after=12)
    for line in _addressee_lines(data):
        _p(doc, line, after=0, bold=line == _addressee_lines(data)[0])
    _p(doc, "", after=6)
    _p(doc, [("Asunto: ", True), (_subject(data), False)], after=12)
    _p(doc, _salutation(data))
    _p(doc, _intro(data), justify=True)
    _p(doc, [("Resumen: ", True), (level_summary(data), False)], after=8)

    rows = case_rows(data)
    titles = columns(rows)
    fractions = column_fractions(rows, len(titles))
    table = doc.add_table(rows=1, cols=len(titles))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    content_width = Cm(_PAGE_WIDTH_CM - 2 * _MARGIN_CM)
    widths = [int(content_width * f / sum(fractions)) for f in fractions]
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        _cell(cell, title, bold=True)
        shade_cell(cell, "DCE4EE")
    _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        _cell(cells[0], str(row.number))
        _cell(cells[1], row.radicado, bold=True)
        _cell(cells[2], row.population)
        _cell(cells[3], row.level, bold=True)
        _cell(cells[4], row.matrix.replace(" ", "\u00a0"))
        _cell(cells[5], row.concept)
        if len(titles) > 6:
            measures = row.measures or (NO_MEASURES,)
            _cell(cells[6], measures[0])
            for extra in measures[1:]:
                paragraph = cells[6].add_paragraph()
                _format_cell_paragraph(paragraph, extra)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width

    _p(doc, "", after=4)
    _p(doc, _CLOSING, justify=True, size=9)
    _p(doc, "Cordialmente,", before=6, after=36, keep_next=True)
    sender = data.sender
    _p(doc, "______________________________", after=0, keep_next=True)
    _p(
        doc,
        sender.name if sender and sender.name else "Secretaría Técnica del GVP",
        bold=True,
        after=0,
        keep_next=True,
    )
    if sender and sender.position:
        _p(doc, sender.position, after=0, keep_next=True)
    _p(
        doc,
        sender.entity if sender and sender.entity else "Grupo de Valoración Preliminar – GVP",
        after=0,
    )

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _docx_setup(doc, data: GvpNotificationData) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(_PAGE_WIDTH_CM), Cm(27.94)  # carta, like the PDF
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(_MARGIN_CM))
    props = doc.core_properties
    props.title = "Notificación GVP – CERREM"
    props.subject = "RESERVADO"
    props.keywords = "RESERVADO"
    props.author = data.header.entity

    header = section.header
    first = header.paragraphs[0]
    run = first.add_run("RESERVADO")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(10), _RED
    first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    line = header.add_paragraph()
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    entity = line.add_run(f"{data.header.entity.upper()} – {data.header.process}")
    entity.bold, entity.font.size = True, Pt(9)
    meta = header.add_paragraph()
    meta.alignment = WD_ALIGN_PARAGRAPH.CENTER
    text = meta.add_run(
        f"{data.header.document_title} · Código {data.header.code} · Versión {data.header.version} · Página "
    )
    text.font.size = Pt(8)
    add_field(meta, "PAGE", size=8)
    meta.add_run(" de ").font.size = Pt(8)
    add_field(meta, "NUMPAGES", size=8)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark = footer.add_run("RESERVADO. ")
    mark.bold, mark.font.size, mark.font.color.rgb = True, Pt(7), _RED
    note = footer.add_run(pc.RESERVED_NOTE)
    note.font.size, note.font.color.rgb = Pt(7), _GREY


def _p(
    doc,
    content: str | Sequence[tuple[str, bool]],
    *,
    bold: bool = False,
    justify: bool = False,
    size: float | None = None,
    before: float = 0,
    after: float = 6,
    keep_next: bool = False,
):
    paragraph = doc.add_paragraph()
    pieces = [(content, bold)] if isinstance(content, str) else content
    for text, is_bold in pieces:
        if text:
            run = paragraph.add_run(text)
            run.bold = is_bold or None
            if size:
                run.font.size = Pt(size)
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if justify:
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if keep_next:
        fmt.keep_with_next = True
    return paragraph


def _format_cell_paragraph(paragraph, text: str, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.size = Pt(8.5)
    paragraph.paragraph_format.space_after = Pt(1)


def _cell(cell, text: str, bold: bool = False) -> None:
    _format_cell_paragraph(cell.paragraphs[0], text, bold)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


# -- PDF -----------------------------------------------------------------------------------


def notification_flowables(data: GvpNotificationData, *, issued: date) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    st = pc.styles()
    esc = pc.esc
    story: list = [
        Paragraph("NOTIFICACIÓN GVP – CERREM", st.title),
        Paragraph(
            esc(f"Grupo de Valoración Preliminar · {session_phrase(data.gvp_session)}"), st.subtitle
        ),
        Spacer(1, 4),
        Paragraph(esc(f"{CITY}, {date_long(issued)}"), st.body_left),
        Spacer(1, 6),
    ]
    lines = _addressee_lines(data)
    story.append(
        Paragraph(
            f"<b>{esc(lines[0])}</b><br/>" + "<br/>".join(esc(x) for x in lines[1:]), st.body_left
        )
    )
    story += [
        Spacer(1, 6),
        Paragraph(f"<b>Asunto:</b> {esc(_subject(data))}", st.body_left),
        Spacer(1, 6),
        Paragraph(esc(_salutation(data)), st.body_left),
        Paragraph(esc(_intro(data)), st.body),
        Paragraph(f"<b>Resumen:</b> {esc(level_summary(data))}", st.body_left),
        Spacer(1, 4),
    ]
    rows = case_rows(data)
    titles = columns(rows)
    head = [Paragraph(esc(title), st.cell_head) for title in titles]
    body = [
        [
            Paragraph(str(row.number), st.cell_center),
            Paragraph(esc(row.radicado), st.cell_bold),
            Paragraph(esc(row.population), st.cell),
            Paragraph(esc(row.level), st.cell_bold),
            Paragraph(pc.nbsp(esc(row.matrix)), st.cell),
            Paragraph(esc(row.concept), st.cell),
            Paragraph("<br/>".join("• " + esc(m) for m in row.measures) or NO_MEASURES, st.cell),
        ][: len(titles)]
        for row in rows
    ]
    story.append(pc.data_table([head, *body], pc.widths(column_fractions(rows, len(titles)))))
    story += [Spacer(1, 8), Paragraph(esc(_CLOSING), st.small)]
    story.append(
        KeepTogether(
            [
                Spacer(1, 10),
                Paragraph("Cordialmente,", st.body_left),
                Spacer(1, 4),
                pc.signature_block(
                    [("Secretaría Técnica del GVP", data.sender)],
                    width=pc.CONTENT_WIDTH / 2,
                    align="LEFT",
                ),
            ]
        )
    )
    return story


def build_notification_pdf(
    data: GvpNotificationData, out: Path | BinaryIO, *, issued: date | None = None
) -> None:
    """Write the notification as PDF to a path (atomically) or a binary stream."""
    session = data.gvp_session
    chrome = pc.PageChrome(
        header=data.header,
        reference=f"Notificación GVP – CERREM · sesión No. {session.number:03d} de {session.year}",
    )
    buffer = io.BytesIO()
    pc.build_pdf(
        buffer,
        notification_flowables(data, issued=issued or date.today()),
        chrome,
        title=f"Notificación GVP – CERREM · sesión No. {session.number:03d} de {session.year}",
        subject="Notificación GVP – CERREM — RESERVADO",
    )
    if isinstance(out, (str, Path)):
        atomic_write(Path(out), buffer.getvalue())
    else:
        out.write(buffer.getvalue())
