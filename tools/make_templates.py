"""(Re)generate the Word resolution templates in ``templates_actas/``.

    /work/venv/bin/python tools/make_templates.py [--out DIR]

The templates are source that staff edit in Word; this script is how the
shipped versions are produced, so they can be rebuilt after a change of
wording and reviewed as code. It writes:

* ``resolucion_cerrem.docx``: CERREM (poblacional, colectivo, mujeres,
  UP-PCC): the committee validates the level and recommends measures.
* ``resolucion_comite_especial.docx``: the special committee of public
  servants (Decreto 1066 de 2015, art. 2.4.1.2.40 par. 4), which defines the
  measures itself; since Decreto 1139 de 2021 that committee is the CERREM de
  servidores y exservidores públicos, whose composition in the catalogue names
  ``resolucion_cerrem.docx`` instead.

Both share the same placeholders (see ``templates_actas/README.md``); only the
legal basis and the committee's role are worded differently. Placeholders use
docxtpl syntax: ``{{ campo }}``, ``{%p if ... %}`` for whole paragraphs and
``{%tr for ... %}`` for table rows. Output is deterministic (fixed document
dates and zip timestamps), so regenerating without changes gives the same bytes.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from comite.documents.templating import add_field, shade_cell

ROOT = Path(__file__).resolve().parent.parent
FONT = "Arial"
RED = RGBColor(0xC0, 0x00, 0x00)
GREY = RGBColor(0x59, 0x59, 0x59)
FIXED_DATE = datetime(2026, 1, 1, 0, 0, 0)

# A paragraph is a list of pieces; a piece is a str (plain) or (str, "b"/"i"/"bi").
Piece = str | tuple[str, str]


# -- low-level helpers -----------------------------------------------------------


def _runs(paragraph, pieces: list[Piece], size: float | None = None, color=None) -> None:
    for piece in pieces:
        text, fmt = (piece, "") if isinstance(piece, str) else piece
        run = paragraph.add_run(text)
        run.bold = "b" in fmt or None
        run.italic = "i" in fmt or None
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color


def para(
    container,
    pieces: list[Piece] | str = "",
    *,
    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    size: float | None = None,
    before: float = 0,
    after: float = 6,
    indent: float | None = None,
    keep_next: bool = False,
    color=None,
):
    paragraph = container.add_paragraph()
    if isinstance(pieces, str):
        pieces = [pieces] if pieces else []
    _runs(paragraph, pieces, size=size, color=color)
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if indent is not None:
        fmt.left_indent = Cm(indent)
        fmt.first_line_indent = Cm(-0.6)
    if keep_next:
        fmt.keep_with_next = True
    return paragraph


def control(container, tag: str):
    """A paragraph holding only a docxtpl paragraph tag (``{%p if x %}``); it disappears
    from the result. Small and grey, so staff tell it from the text of the act."""
    return para(container, tag, after=0, size=8, color=GREY, align=WD_ALIGN_PARAGRAPH.LEFT)


def center(container, pieces, **kw):
    return para(container, pieces, align=WD_ALIGN_PARAGRAPH.CENTER, **kw)


def bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "808080")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def cell_text(cell, pieces, *, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT, size=9) -> None:
    paragraph = cell.paragraphs[0]
    if isinstance(pieces, str):
        pieces = [(pieces, "b")] if bold else [pieces]
    _runs(paragraph, pieces, size=size)
    paragraph.paragraph_format.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)


# -- document set-up -------------------------------------------------------------


def new_document() -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "es-CO")
    lang.set(qn("w:eastAsia"), "es-CO")
    rpr.append(lang)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.space_after = Pt(6)

    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # carta
    section.top_margin = Cm(2.5)
    section.bottom_margin = Cm(2.2)
    section.left_margin = Cm(3.0)
    section.right_margin = Cm(2.5)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)

    props = doc.core_properties
    props.author = "Unidad Nacional de Protección"
    props.last_modified_by = "Unidad Nacional de Protección"
    props.title = "Resolución"
    props.subject = "Adopción de recomendaciones del comité – documento RESERVADO"
    props.keywords = "RESERVADO"
    props.comments = "Plantilla generada por tools/make_templates.py"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    return doc


def header_and_footer(doc) -> None:
    section = doc.sections[0]
    header = section.header
    header.is_linked_to_previous = False
    first = header.paragraphs[0]
    _runs(first, [("RESERVADO", "b")], size=10, color=RED)
    first.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    first.paragraph_format.space_after = Pt(0)
    center(header, [("UNIDAD NACIONAL DE PROTECCIÓN – UNP", "b")], size=9, after=0)
    line = center(
        header,
        ["RESOLUCIÓN No. ", "{{ numero }}", " DE ", "{{ fecha|upper }}", " – Hoja No. "],
        size=8,
        after=6,
    )
    add_field(line, "PAGE", size=8)
    _runs(line, [" de "], size=8)
    add_field(line, "NUMPAGES", size=8)
    bottom_border(line)

    footer = section.footer
    footer.is_linked_to_previous = False
    note = footer.paragraphs[0]
    _runs(
        note,
        [("RESERVADO. ", "b"), "{{ nota_reserva }} Caso radicado No. ", "{{ radicado }}", "."],
        size=7,
        color=GREY,
    )
    note.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


# -- the resolution --------------------------------------------------------------


def article(container, ordinal: str, title: str, pieces: list[Piece], **kw):
    return para(container, [(f"ARTÍCULO {ordinal}. {title}. ", "b"), *pieces], before=6, **kw)


def loop_row(row, tag: str) -> None:
    """A row that holds only a ``{%tr ... %}`` tag, merged across so it reads on one line."""
    merged = row.cells[0].merge(row.cells[-1])
    paragraph = merged.paragraphs[0]
    _runs(paragraph, [tag], size=8, color=GREY)
    paragraph.paragraph_format.space_after = Pt(0)


def measures_table(doc) -> None:
    table = doc.add_table(rows=4, cols=5)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Cm(1.1), Cm(2.7), Cm(5.0), Cm(2.9), Cm(4.3))  # «Implementar» fits in any sans font
    titles = (
        "No.",
        "Acción",
        "Medida (cantidad en letras y números)",
        "Temporalidad",
        "Fecha de revaluación",
    )
    head = table.rows[0]
    repeat_header(head)
    for cell, title in zip(head.cells, titles, strict=True):
        cell_text(cell, title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        shade_cell(cell, "D9D9D9")
    loop_row(table.rows[1], "{%tr for m in medidas_adoptadas %}")
    row = table.rows[2].cells
    cell_text(row[0], "{{ m.numero }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(row[1], "{{ m.accion }}")
    cell_text(row[2], ["{{ m.cantidad }}", "{% if m.notas %}. {{ m.notas }}{% endif %}"])
    cell_text(row[3], "{{ m.temporalidad }}")
    cell_text(row[4], "{{ m.revaluacion }}")
    loop_row(table.rows[3], "{%tr endfor %}")
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid (what LibreOffice and Word lay out)
    for index in (0, 2):
        for cell, width in zip(table.rows[index].cells, widths, strict=True):
            cell.width = width
    for index in (1, 3):  # the merged tag rows span the whole table
        table.rows[index].cells[0].width = sum(widths, Cm(0))


WITHDRAWAL = (
    "{% if medidas_finalizadas %}la finalización{% if medidas_suspendidas %} y la suspensión{% endif %}"
    "{% else %}la suspensión{% endif %}"
)
"""«la finalización», «la suspensión» or both: what the committee decided on measures it withdraws."""


def withdrawn(doc, field: str, key: str, title: str, verb: str) -> None:
    """The article that finalises (or suspends) measures: they are not *adopted*."""
    control(doc, "{%p if " + field + " %}")
    article(
        doc,
        "{{ articulos." + key + " }}",
        title,
        [
            f"{verb}, respecto {{% if colectivo %}}del colectivo{{% else %}}de{{% endif %}} "
            "{{ beneficiario }}, las siguientes medidas de protección:"
        ],
        keep_next=True,
    )
    control(doc, "{%p for m in " + field + " %}")
    para(doc, "–\t{{ m.cantidad }}{% if m.notas %} ({{ m.notas }}){% endif %}.", indent=1.2, after=2)
    control(doc, "{%p endfor %}")
    control(doc, "{%p endif %}")


OF = "{% if colectivo %}del colectivo{% else %}de{% endif %}"
"""«del colectivo» / «de»: before the beneficiary's name."""

DUTIES = (
    "Acatar las recomendaciones de seguridad y autoprotección que imparta la Unidad Nacional de "
    "Protección.",
    "Hacer uso adecuado de las medidas de protección y no emplearlas para fines distintos a su "
    "protección.",
    "Abstenerse de solicitar o permitir al personal de protección actividades ajenas a su función.",
    "Informar a la Unidad Nacional de Protección todo cambio de domicilio, de datos de contacto o "
    "de su situación de riesgo.",
    "Colaborar con las autoridades en las investigaciones relacionadas con los hechos de riesgo.",
    "Devolver los elementos de protección cuando las medidas se suspendan o finalicen, y reportar "
    "de inmediato su pérdida o daño.",
    "Guardar la reserva de la información sobre su situación de riesgo, su nivel de riesgo y sus "
    "medidas de protección: la información del Programa de Prevención y Protección es reservada y "
    "sus beneficiarios también están obligados a guardar dicha reserva (procedimiento GSP-PR-01 de la "
    "Unidad Nacional de Protección, consideraciones generales).",
)


def build_resolution(variant: str) -> Document:
    """``variant`` is ``"cerrem"`` (the CERREM validates the GVP's level and recommends
    measures) or ``"especial"`` (the comité especial of art. 2.4.1.2.40, par. 4, which
    defines the measures)."""
    cerrem = variant == "cerrem"
    doc = new_document()
    header_and_footer(doc)

    center(doc, [("RESOLUCIÓN No. {{ numero }} DE {{ fecha|upper }}", "b")], size=12, after=12)
    center(
        doc,
        [
            (
                "“Por la cual se adoptan las recomendaciones del {{ comite_nombre }} "
                "respecto del caso radicado No. {{ radicado }}”",
                "bi",
            )
        ],
        after=12,
    )
    center(
        doc, [("{{ director_titulo }} DE LA UNIDAD NACIONAL DE PROTECCIÓN – UNP", "b")], after=12
    )
    powers = "los artículos 2.4.1.2.38 y 2.4.1.2.40" if cerrem else "el artículo 2.4.1.2.40"
    para(
        doc,
        "En ejercicio de sus facultades legales y reglamentarias, en especial las conferidas por "
        f"el Decreto 4065 de 2011 y {powers} del Decreto 1066 de 2015, Único Reglamentario del Sector "
        "Administrativo del Interior, y demás normas concordantes, y",
        after=12,
    )
    center(doc, [("CONSIDERANDO:", "b")], after=12, keep_next=True)

    para(
        doc,
        "Que el artículo 2 de la Constitución Política dispone que las autoridades de la República "
        "están instituidas para proteger a todas las personas residentes en Colombia en su vida, "
        "honra, bienes, creencias y demás derechos y libertades.",
    )
    para(
        doc,
        "Que el Decreto 4065 de 2011 creó la Unidad Nacional de Protección – UNP, con el objetivo de "
        "articular, coordinar y ejecutar la prestación del servicio de protección a quienes, en "
        "virtud de sus actividades, condiciones o situaciones, se encuentren en situación de riesgo "
        "extraordinario o extremo de sufrir daños contra su vida, integridad, libertad y seguridad "
        "personal.",
    )
    if cerrem:
        para(
            doc,
            "Que el {{ comite_nombre }} está conformado según {% if fundamento_comite %}{{ fundamento_comite }}"
            "{% else %}el Decreto 1066 de 2015{% endif %} y que, conforme al artículo 2.4.1.2.38 del Decreto "
            "1066 de 2015, valida la determinación del nivel de riesgo que hace el Grupo de Valoración "
            "Preliminar y recomienda al Director General de la Unidad Nacional de Protección las medidas de "
            "protección, su temporalidad y, cuando corresponde, su ajuste, suspensión o finalización.",
        )
    else:
        para(
            doc,
            "Que, de conformidad con {% if fundamento_comite %}{{ fundamento_comite }}{% else %}el parágrafo "
            "4 del artículo 2.4.1.2.40 del Decreto 1066 de 2015{% endif %}, los casos de servidores y ex "
            "servidores públicos se presentan de manera individual, surtida la instancia del Grupo de "
            "Valoración Preliminar, ante el {{ comite_nombre }}, que define las medidas de protección.",
        )
    para(
        doc,
        [
            "Que el {{ fecha_solicitud }} se recibió la solicitud de protección radicada con el No. ",
            ("{{ radicado }}", "b"),
            ", a favor " + OF + " {{ beneficiario }}",
            "{% if not colectivo %}, identificado(a) con el documento No. {{ documento }}{% endif %}, "
            "perteneciente a la población objeto «{{ poblacion }}».",
        ],
    )
    control(doc, "{%p if mujer %}")
    para(
        doc,
        "Que la solicitante {% if eleccion_comite == 'mujeres' %}manifestó de manera libre e informada su "
        "decisión de que su caso lo estudiara el CERREM para el análisis de casos de mujeres"
        "{% elif eleccion_comite == 'poblacion' %}manifestó de manera libre e informada su decisión de que "
        "su caso lo estudiara el CERREM de la población a la que pertenece{% else %}no manifestó "
        "expresamente su deseo de que su caso lo conociera el CERREM de mujeres, por lo que lo estudia el "
        "CERREM de la población a la que pertenece{% endif %}, conforme al artículo 3 de la Resolución 805 "
        "de 2012{% if genero_analista == 'mujer' %}, y eligió que su estudio de nivel de riesgo lo realizara "
        "una analista mujer{% elif genero_analista == 'hombre' %}, y eligió que su estudio de nivel de riesgo "
        "lo realizara un analista hombre{% elif genero_analista == 'sin_preferencia' %}, y no expresó "
        "preferencia sobre el género de quien realizara su estudio de nivel de riesgo{% endif %}.",
    )
    control(doc, "{%p endif %}")
    para(
        doc,
        "Que el Cuerpo Técnico de Recopilación y Análisis de Información – CTRAI adelantó el estudio "
        "de nivel de riesgo, concluido el {{ fecha_estudio }}"
        "{% if ponderacion %}, cuya matriz arrojó una ponderación de {{ ponderacion }}"
        "{% if nivel_matriz %}, que corresponde a la franja del nivel {{ nivel_matriz }}{% endif %}{% endif %}.",
    )
    control(doc, "{%p if sesion_gvp or nivel_gvp %}")
    para(
        doc,
        "Que el Grupo de Valoración Preliminar – GVP{% if sesion_gvp %}, en {{ sesion_gvp }},{% endif %} "
        "analizó el estudio de nivel de riesgo y {% if nivel_gvp %}determinó un nivel de riesgo {{ nivel_gvp }}"
        "{% else %}emitió su concepto sobre el caso{% endif %}.",
    )
    control(doc, "{%p endif %}")
    verb = "recomendó" if cerrem else "definió"
    measures = (
        f"{{% if medidas_adoptadas %}}{verb} las medidas de protección que se adoptan en la presente "
        f"resolución{{% if medidas_finalizadas or medidas_suspendidas %}} y {WITHDRAWAL} de las que en "
        f"ella se indican{{% endif %}}{{% elif medidas_finalizadas or medidas_suspendidas %}}{verb} "
        f"{WITHDRAWAL} de las medidas de protección que se indican en la presente resolución{{% else %}}"
        + ("no recomendó la adopción de medidas de protección" if cerrem else "no definió medidas de protección")
        + "{% endif %}"
    )
    accepted = "validó" if cerrem else "acogió"
    level = (
        f"{{% if validado %}}{accepted} el nivel de riesgo {{{{ nivel }}}} que determinó el GVP"
        "{% elif cambio_nivel %}no acogió el nivel de riesgo {{ nivel_gvp }} que determinó el GVP y "
        "determinó un nivel de riesgo {{ nivel }}{% else %}determinó un nivel de riesgo {{ nivel }}{% endif %}"
    )
    para(
        doc,
        [
            "Que el {{ comite_nombre }}, en {{ sesion }}, según consta en el ",
            ("Acta No. {{ acta }}", "b"),
            f", {level}, y {measures}.",
        ],
    )
    control(doc, "{%p if cambio_nivel %}")
    para(doc, "Que el comité se apartó del nivel de riesgo que determinó el GVP por el siguiente motivo: "
              "{{ motivo_cambio_nivel }}")
    control(doc, "{%p endif %}")
    control(doc, "{%p if aparta_matriz %}")
    para(
        doc,
        "Que el nivel de riesgo {{ nivel }} no corresponde a la franja del nivel {{ nivel_matriz }} en la que "
        "cae la ponderación de la matriz ({{ ponderacion }}), y que el comité se aparta de la ponderación de "
        "la matriz por el siguiente motivo: {{ motivo_apartamiento }}",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p if concepto %}")
    para(
        doc,
        "Que {% if medidas_adoptadas %}las medidas de protección resultan idóneas, necesarias y proporcionales "
        "frente al nivel de riesgo {{ nivel_texto }}, de acuerdo con el concepto del comité"
        "{% else %}el comité sustentó su recomendación en el siguiente concepto{% endif %}: "
        "{{ concepto }}",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p if concertacion %}")
    para(
        doc,
        "Que, de conformidad con la Resolución 1085 de 2015, las medidas de protección colectiva se "
        "concertaron con el colectivo el {{ concertacion_fecha }}, con {{ concertacion_con }}.",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p if emergencia %}")
    para(
        doc,
        "Que el Director General de la Unidad Nacional de Protección adoptó medidas de emergencia a favor "
        + OF + " {{ beneficiario }}{% if medidas_emergencia %}: {{ medidas_emergencia|join(' ') }}"
        "{% else %}.{% endif %} Al recomendar las medidas definitivas, el comité "
        "{% if decision_emergencia == 'mantener' %}recomendó mantenerlas"
        "{% elif decision_emergencia == 'reemplazar' %}recomendó reemplazarlas por las medidas de protección "
        "que se adoptan en la presente resolución{% else %}recomendó levantarlas{% endif %}."
        "{% if nota_emergencia %} {{ nota_emergencia }}{% endif %}",
    )
    control(doc, "{%p endif %}")
    if cerrem:
        control(doc, "{%p if medidas_restablecimiento %}")
        para(
            doc,
            "Que, de conformidad con el artículo 2.4.1.3.8 del Decreto 1066 de 2015, las medidas de "
            "restablecimiento y rehabilitación que analizó el comité corresponden a las entidades competentes, "
            "a las que el comité las recomienda (entidades competentes: {{ entidades_restablecimiento }}); no son "
            "medidas de protección a cargo de la Unidad Nacional de Protección.",
        )
        control(doc, "{%p endif %}")
    control(doc, "{%p if ordinario and not medidas_adoptadas %}")
    para(
        doc,
        "Que el nivel de riesgo ordinario es aquel al que están sometidas todas las personas en "
        "igualdad de condiciones, y no da lugar a la adopción de medidas de protección"
        f"{{% if medidas_finalizadas or medidas_suspendidas %}}; en consecuencia, procede {WITHDRAWAL} de "
        "las medidas que venían implementándose{% endif %}.",
    )
    control(doc, "{%p endif %}")
    para(doc, "Que, en mérito de lo expuesto,", after=12)
    center(doc, [("RESUELVE:", "b")], after=12, keep_next=True)

    article(
        doc,
        "{{ articulos.nivel }}",
        "NIVEL DE RIESGO",
        [
            "Adoptar la recomendación del {{ comite_nombre }} y, en consecuencia, determinar que el nivel "
            "de riesgo " + OF + " {{ beneficiario }}, caso radicado No. {{ radicado }}, es ",
            ("{{ nivel }}", "b"),
            "{% if ponderacion %}, con una ponderación de la matriz de {{ ponderacion }}"
            "{% if aparta_matriz %}, de la que el comité se apartó por el motivo expuesto en la parte "
            "considerativa{% endif %}{% endif %}.",
        ],
    )
    control(doc, "{%p if medidas_adoptadas %}")
    article(
        doc,
        "{{ articulos.medidas }}",
        "MEDIDAS DE PROTECCIÓN",
        [
            "Adoptar, respecto " + OF + " {{ beneficiario }}, "
            "las siguientes medidas de protección, con la acción, la cantidad, la temporalidad y la "
            "fecha de revaluación que se indican:"
        ],
        keep_next=True,
    )
    measures_table(doc)
    control(doc, "{%p if familia %}")
    para(
        doc,
        [
            ("PARÁGRAFO PRIMERO. ", "b"),
            "Las medidas de protección adoptadas cobijan también a los siguientes miembros del núcleo "
            "familiar:",
        ],
        before=6,
        keep_next=True,
    )
    control(doc, "{%p for f in familia %}")
    para(doc, "–\t{{ f.nombre }}{% if f.parentesco %} ({{ f.parentesco }}){% endif %}.", indent=1.2, after=2)
    control(doc, "{%p endfor %}")
    control(doc, "{%p endif %}")
    para(
        doc,
        [
            ("{% if familia %}PARÁGRAFO SEGUNDO.{% else %}PARÁGRAFO.{% endif %} ", "b"),
            "Las medidas serán revaluadas al vencimiento de su temporalidad y, en todo caso, al menos una vez "
            "al año (parágrafo 2 del artículo 2.4.1.2.40 del Decreto 1066 de 2015) y cuando sobrevengan hechos "
            "que modifiquen la situación de riesgo.",
        ],
        before=6,
    )
    control(doc, "{%p endif %}")
    if cerrem:
        control(doc, "{%p if medidas_restablecimiento %}")
        article(
            doc,
            "{{ articulos.restablecimiento }}",
            "MEDIDAS DE RESTABLECIMIENTO Y REHABILITACIÓN",
            [
                "Recomendar a las entidades competentes, conforme al artículo 2.4.1.3.8 del Decreto 1066 de "
                "2015, las siguientes medidas de restablecimiento y rehabilitación, que no son medidas de "
                "protección de la Unidad Nacional de Protección:"
            ],
            keep_next=True,
        )
        control(doc, "{%p for m in medidas_restablecimiento %}")
        para(doc, "–\t{{ m.cantidad }}{% if m.notas %}: {{ m.notas }}{% endif %}. Entidad competente: "
                  "{{ m.entidad }}.", indent=1.2, after=2)
        control(doc, "{%p endfor %}")
        control(doc, "{%p endif %}")
    withdrawn(doc, "medidas_finalizadas", "finalizacion", "FINALIZACIÓN DE MEDIDAS", "Finalizar")
    withdrawn(doc, "medidas_suspendidas", "suspension", "SUSPENSIÓN DE MEDIDAS", "Suspender")
    control(doc, "{%p if emergencia %}")
    article(
        doc,
        "{{ articulos.emergencia }}",
        "MEDIDAS DE EMERGENCIA",
        [
            "{% if decision_emergencia == 'mantener' %}Mantener las medidas de emergencia adoptadas por el "
            "Director General a favor " + OF + " {{ beneficiario }}, hasta su revaluación"
            "{% elif decision_emergencia == 'reemplazar' %}Dar por terminadas las medidas de emergencia adoptadas "
            "por el Director General a favor " + OF + " {{ beneficiario }}, que se reemplazan por las medidas de "
            "protección que adopta la presente resolución{% else %}Levantar las medidas de emergencia adoptadas "
            "por el Director General a favor " + OF + " {{ beneficiario }}{% endif %}."
        ],
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p if medidas_adoptadas %}")
    article(
        doc,
        "{{ articulos.obligaciones }}",
        "OBLIGACIONES DE {% if colectivo %}LOS PROTEGIDOS{% else %}LA PERSONA PROTEGIDA{% endif %}",
        [
            "{% if colectivo %}El colectivo y sus integrantes deberán{% else %}{{ beneficiario }} "
            "deberá{% endif %}:"
        ],
        keep_next=True,
    )
    for letter, duty in zip("abcdefg", DUTIES, strict=True):
        para(doc, f"{letter})\t{duty}", indent=1.2, after=2)
    para(
        doc,
        "El incumplimiento de estas obligaciones podrá dar lugar a la suspensión o finalización de "
        "las medidas, previo el procedimiento correspondiente.",
        before=4,
    )
    control(doc, "{%p else %}")
    control(doc, "{%p if not (medidas_finalizadas or medidas_suspendidas) %}")
    article(
        doc,
        "{{ articulos.medidas }}",
        "MEDIDAS DE PROTECCIÓN",
        [
            "Como consecuencia del nivel de riesgo determinado, no se adoptan medidas de protección "
            "respecto " + OF + " {{ beneficiario }}."
        ],
    )
    control(doc, "{%p endif %}")
    article(
        doc,
        "{{ articulos.hechos }}",
        "HECHOS SOBREVINIENTES",
        [
            "Si sobrevienen hechos que modifiquen la situación de riesgo, podrá solicitarse a la Unidad "
            "Nacional de Protección una nueva evaluación del riesgo."
        ],
    )
    control(doc, "{%p endif %}")
    article(
        doc,
        "{{ articulos.comunicacion }}",
        "COMUNICACIÓN",
        [
            "Comunicar el contenido de la presente resolución, para lo de su competencia, a la Subdirección de "
            "Protección de la Unidad Nacional de Protección, que implementa las medidas de protección, y a la "
            "Dirección de Protección y Servicios Especiales de la Policía Nacional"
            "{% if colectivo %}, así como a la Dirección de Derechos Humanos del Ministerio del Interior, a la "
            "que corresponde el seguimiento de las medidas de protección colectiva (Resolución 1085 de 2015, "
            "art. 5){% endif %}{% if medidas_restablecimiento %}, y a las entidades competentes a las que se "
            "recomiendan las medidas de restablecimiento y rehabilitación ({{ entidades_restablecimiento }})"
            "{% endif %}."
        ],
    )
    article(
        doc,
        "{{ articulos.notificacion }}",
        "NOTIFICACIÓN",
        [
            "Notificar el contenido de la presente resolución a {% if colectivo %}los representantes del "
            "colectivo {% endif %}{{ beneficiario }}, en los términos de los artículos 67, 68 y 69 de la "
            "Ley 1437 de 2011, Código de Procedimiento Administrativo y de lo Contencioso Administrativo."
        ],
    )
    article(
        doc,
        "{{ articulos.recursos }}",
        "RECURSOS",
        [
            "Contra la presente resolución procede el ",
            ("recurso de reposición", "b"),
            " ante la Dirección General de la Unidad Nacional de Protección, que podrá interponerse por "
            "escrito en la diligencia de notificación personal o dentro de los ",
            ("diez (10) días", "b"),
            " siguientes a ella o a la notificación por aviso, de conformidad con los artículos 74 y 76 "
            "de la Ley 1437 de 2011.",
        ],
    )

    center(doc, [("NOTIFÍQUESE, COMUNÍQUESE Y CÚMPLASE", "b")], before=18, after=6, keep_next=True)
    center(doc, "Dada en Bogotá, D.C., {{ fecha_dada }}.", after=42, keep_next=True)
    center(doc, "______________________________________", after=0, keep_next=True)
    center(doc, [("{{ director_nombre }}", "b")], after=0, keep_next=True)
    center(doc, "{{ director_cargo }}", after=0, keep_next=True)
    center(doc, "{{ director_entidad }}", after=24, keep_next=True)
    for label, field in (("Proyectó", "proyecto"), ("Revisó", "reviso"), ("Aprobó", "aprobo")):
        para(
            doc,
            [f"{label}: ", "{{ " + field + " }}"],
            align=WD_ALIGN_PARAGRAPH.LEFT,
            size=8,
            after=0,
            keep_next=label != "Aprobó",
        )
    return doc


# -- saving ----------------------------------------------------------------------

_DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml")


def _clean_package(raw: bytes) -> bytes:
    """Drop python-docx's stock thumbnail (a wrong preview) and the legacy
    stylesWithEffects part, and fix zip timestamps so output is reproducible."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in _DROP:
                continue
            data = source.read(info.filename)
            if info.filename.endswith(".rels") or info.filename == "[Content_Types].xml":
                text = data.decode("utf-8")
                for dropped in _DROP:
                    base = dropped.rsplit("/", 1)[-1]
                    text = re.sub(
                        r"<Relationship [^>]*Target=\"[^\"]*" + re.escape(base) + r"\"[^>]*/>",
                        "",
                        text,
                    )
                    text = re.sub(
                        r"<Override [^>]*PartName=\"/" + re.escape(dropped) + r"\"[^>]*/>", "", text
                    )
                data = text.encode("utf-8")
            copy = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            copy.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(copy, data)
    return out.getvalue()


def save(doc, path: Path) -> None:
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(_clean_package(buffer.getvalue()))


TEMPLATES = {
    "resolucion_cerrem.docx": "cerrem",
    "resolucion_comite_especial.docx": "especial",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "templates_actas")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, variant in TEMPLATES.items():
        save(build_resolution(variant), args.out / name)
        print(f"escrito {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
