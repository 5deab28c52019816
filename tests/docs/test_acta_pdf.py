"""The acta PDF, read back with pypdf."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader
from samples import SPANISH_PROBE, flat, page_texts, pdf_bytes, radicados, sample_acta

from comite.documents.acta_pdf import acta_plain_baseline, build_acta_pdf
from comite.documents.spanish import quantity_phrase
from comite.domain import DecisionOutcome, Rights

PAGE_LABEL = re.compile(r"Página (\d+) de (\d+)")


def test_every_radicado_is_in_the_acta(acta_data, draft_text):
    assert len(acta_data.cases) == 5
    for radicado in radicados(5):
        assert f"Radicado {radicado}" in draft_text, radicado


def test_title_session_and_date(draft_text):
    assert "ACTA No. 007 de 2026" in draft_text
    assert "Sesión ordinaria — CERREM poblacional" in draft_text
    assert "martes 3 de marzo de 2026" in draft_text
    assert "9:00 a. m." in draft_text
    assert "12:40 p. m." in draft_text
    assert "https://meet.example.gov.co/cerrem-pob-007-2026" in draft_text.replace(" ", "")


def _sections(text: str) -> tuple[str, str]:
    start = text.index("Miembros con voz y voto")
    middle = text.index("Invitados con solo voz")
    end = text.index("Verificación del quórum", middle)
    return text[start:middle], text[middle:end]


def test_attendees_are_listed_with_their_capacity(acta_data, draft_text):
    members, guests = _sections(draft_text)
    assert len(acta_data.attendees) >= 40
    for a in acta_data.attendees:
        right, wrong = (members, guests) if a.rights is Rights.VOZ_Y_VOTO else (guests, members)
        assert a.entity in right, a.entity
        assert a.name in right and a.name not in wrong, a.name
    # the counts in the group titles come from the data
    assert "Miembros con voz y voto (5 presentes de 5)" in draft_text
    n_guests = sum(a.rights is Rights.SOLO_VOZ for a in acta_data.attendees)
    assert re.search(rf"Invitados con solo voz \(\d+ presentes de {n_guests}\)", draft_text)


def test_an_absent_member_has_no_capacity_nor_participation(acta_data):
    from comite.domain import AttendanceStatus

    member = next(a for a in acta_data.attendees if a.rights is Rights.VOZ_Y_VOTO and a.condition is None)
    absent = replace(member, name="", position="", status=AttendanceStatus.AUSENTE, arrival=None, departure=None)
    present = replace(member, entity="Entidad presente de control")
    text = flat(" ".join(page_texts(pdf_bytes(build_acta_pdf, replace(acta_data, attendees=(absent, present))))))
    rows = text[text.index("Miembros con voz y voto"):text.index("Verificación del quórum")]
    absent_row = rows[rows.index(member.entity):rows.index("Entidad presente de control")]
    assert "Ausente" in absent_row and "— —" in absent_row  # no capacity, no schedule
    assert member.capacity.label not in absent_row and "Toda la sesión" not in absent_row
    assert member.capacity.label in rows[rows.index("Entidad presente de control"):]
    assert "Toda la sesión" in rows[rows.index("Entidad presente de control"):]


def test_conditional_seat_lists_its_cases(acta_data, draft_text):
    acnur = next(a for a in acta_data.attendees if a.entity.startswith("ACNUR"))
    assert acnur.cases_attended
    _, guests = _sections(draft_text)
    assert "Solo casos de población desplazada" in guests
    for radicado in acnur.cases_attended:
        assert radicado in guests


def test_attendance_table_spans_pages_with_header_repeated(acta_data, draft_pages):
    guests = [a for a in acta_data.attendees if a.rights is Rights.SOLO_VOZ]
    pages = [flat(p) for p in draft_pages]
    first = next(i for i, p in enumerate(pages) if guests[0].name in p)
    last = next(i for i, p in enumerate(pages) if guests[-1].name in p)
    assert last > first, "a 39-row invitee table must span pages"
    for i in range(first, last + 1):
        assert "Calidad Asistencia Llegada / salida Participación" in pages[i], f"page {i + 1}"


def test_case_details(draft_text):
    assert "Población desplazada Sí" in draft_text
    assert "67,50 %" in draft_text
    assert "85,25 %" in draft_text
    assert "Hechos sobrevinientes" in draft_text
    assert "Devuelto al analista con observaciones" in draft_text


def test_votes_and_dissent(acta_data, draft_text):
    assert "A favor: 4 · En contra: 1 · Abstenciones: 0 — Decisión adoptada" in draft_text
    assert "A favor: 5 · En contra: 0 · Abstenciones: 0 — Decisión adoptada" in draft_text
    assert "A favor: 4 · En contra: 0 · Abstenciones: 1 — Decisión adoptada" in draft_text
    assert "Salvamentos de voto" in draft_text
    dissent = next(v for c in acta_data.cases for v in c.votes if v.dissent)
    assert flat(dissent.dissent) in draft_text
    assert "El caso no se sometió a votación." in draft_text


def test_social_recognition_checklist(acta_data, draft_text):
    collective = next(c for c in acta_data.cases if c.social_recognition)
    assert "Verificación del reconocimiento social" in draft_text
    for criterion, _met in collective.social_recognition:
        assert criterion in draft_text
    assert "Se verifica el reconocimiento social del colectivo." in draft_text


def test_measures(acta_data, draft_text):
    for case in acta_data.cases:
        for m in case.measures:
            assert m.name in draft_text and f"({m.code})" not in draft_text
    assert "dos (2) hombres de protección" in draft_text
    assert "un (1) chaleco blindado" in draft_text
    assert "una (1) camioneta blindada" in draft_text
    assert "veintiún (21) botones de apoyo" in draft_text
    assert "Implementar" in draft_text and "Ratificar" in draft_text
    assert "12 meses 03/03/2027" in draft_text
    assert quantity_phrase(4, "medio de comunicación", "medios de comunicación") in draft_text


def test_commitments_emergencies_and_closing(acta_data, draft_text):
    for c in acta_data.commitments:
        assert flat(c.description) in draft_text
        assert c.responsible in draft_text
    assert "Fecha límite" in draft_text
    assert "10/03/2026" in draft_text
    for e in acta_data.emergencies:
        assert e.radicado in draft_text
    assert "Siendo las 12:40 p. m. del 3 de marzo de 2026" in draft_text
    assert acta_data.presiding.name in draft_text
    assert acta_data.secretary.name in draft_text


def test_agenda_is_numbered(acta_data, draft_text):
    for i, item in enumerate(acta_data.agenda, start=1):
        assert f"{i}. {flat(item)}" in draft_text


def test_page_x_of_y_on_every_page(draft_pages):
    n = len(draft_pages)
    assert n > 3
    for i, text in enumerate(draft_pages, start=1):
        labels = PAGE_LABEL.findall(text)
        assert labels == [(str(i), str(n))], f"page {i}: {labels}"


def test_reserved_on_every_page(draft_pages, final_pages):
    for text in draft_pages + final_pages:
        assert "RESERVADO" in text
        assert "Ley 1581 de 2012" in text


def test_borrador_only_on_drafts(draft_pages, final_pages):
    for text in draft_pages:
        assert "BORRADOR" in text
        assert "Versión 2" in text
    for text in final_pages:
        assert "BORRADOR" not in text.upper()
    assert "Versión 3" in final_pages[0]


def test_spanish_characters_round_trip(draft_text):
    for probe in (
        "¿se tuvieron en cuenta las alertas tempranas vigentes para la subregión?",
        "¡Es un contexto de riesgo creciente!",
        "vereda El Pingüino",
        "Íñigo Núñez Castaño",
        "Martín Ordóñez Argüello",
        "¡todos los vencidos fueron cumplidos!",
    ):
        assert probe in draft_text, probe


def test_every_spanish_letter_round_trips(acta_data):
    probe = replace(acta_data, development=SPANISH_PROBE, draft=False)
    text = flat(" ".join(page_texts(pdf_bytes(build_acta_pdf, probe))))
    assert SPANISH_PROBE in text


def test_fonts_are_embedded(draft_pdf):
    reader = PdfReader(io.BytesIO(draft_pdf))
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            seen.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            assert "/ToUnicode" in font
    assert any("DejaVuSans-Bold" in f for f in seen)
    assert any(f.endswith("DejaVuSans") for f in seen)


def test_errata_section_only_when_correcting(acta_data, draft_text):
    assert "FE DE ERRATAS" not in draft_text
    errata = replace(
        acta_data,
        version=4,
        draft=False,
        errata_of=3,
        errata_text="En el caso 2 la ponderación correcta es 58,25 %, no 52,25 %.",
    )
    text = flat(" ".join(page_texts(pdf_bytes(build_acta_pdf, errata))))
    assert "FE DE ERRATAS" in text
    assert "corrige la versión 3" in text
    assert "la ponderación correcta es 58,25 %, no 52,25 %." in text


def test_writes_to_a_path(tmp_path, acta_data):
    target = tmp_path / "acta.pdf"
    build_acta_pdf(acta_data, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(target).pages) == len(page_texts(pdf_bytes(build_acta_pdf, acta_data)))


def test_text_is_escaped_not_interpreted_as_markup(acta_data):
    tricky = replace(acta_data, development="Uso de <b> & <i> en texto: A < B > C & D.")
    text = flat(" ".join(page_texts(pdf_bytes(build_acta_pdf, tricky))))
    assert "Uso de <b> & <i> en texto: A < B > C & D." in text


def test_empty_acta_still_builds():
    data = replace(
        sample_acta(0),
        attendees=(),
        cases=(),
        commitments=(),
        emergencies=(),
        agenda=(),
        presiding=None,
        secretary=None,
        closing=None,
        draft=False,
    )
    pages = page_texts(pdf_bytes(build_acta_pdf, data))
    text = flat(" ".join(pages))
    assert "No se analizaron casos en esta sesión." in text
    assert f"Página 1 de {len(pages)}" in text


def test_baseline_has_the_same_text(acta_data):
    text = flat(" ".join(page_texts(pdf_bytes(acta_plain_baseline, acta_data))))
    for radicado in radicados(5):
        assert radicado in text
    assert "A favor: 4 · En contra: 1 · Abstenciones: 0 — Decisión adoptada" in text


@pytest.mark.slow
def test_150_cases_are_all_in_a_long_acta():
    # How fast is for bench/run.py (figure "acta"), not for the test suite.
    styled = pdf_bytes(build_acta_pdf, sample_acta(150))
    reader = PdfReader(io.BytesIO(styled))
    n = len(reader.pages)
    assert n > 100
    assert f"Página {n} de {n}" in reader.pages[-1].extract_text()
    tail = flat(" ".join(p.extract_text() for p in reader.pages[-15:]))
    assert "EXT26-" + f"{4100 + 150 * 37:06d}" in tail


def _lines(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [line for page in PdfReader(io.BytesIO(pdf)).pages for line in page.extract_text().splitlines()]


def test_radicados_in_narrow_cells_are_never_split(acta_data):
    """Realistic 14-character radicados in the attendance's "Casos:" cells."""
    radicados = tuple(f"EXT26-000315{50 + i:02d}" for i in range(5))
    attendees = tuple(
        replace(a, cases_attended=radicados[: 2 + i % 4]) if a.cases_attended else a
        for i, a in enumerate(acta_data.attendees)
    )
    assert any(a.cases_attended for a in attendees)
    data = replace(acta_data, attendees=attendees)
    lines = _lines(pdf_bytes(build_acta_pdf, data))
    text = "\n".join(lines)
    for radicado in radicados:
        assert radicado in text
        assert text.count(radicado) == text.replace("\n", "").count(radicado), radicado


def test_no_internal_codes_in_the_acta(acta_data, draft_text):
    assert f"({acta_data.session.committee_code})" not in draft_text
    for case in acta_data.cases:
        for m in case.measures:
            assert f"({m.code})" not in draft_text, m.code
    assert acta_data.cases[0].measures[0].name in draft_text


def test_gvp_acta_does_not_contradict_the_concept(acta_data):
    gvp = replace(acta_data.session, committee_code="GVP", committee_name="Grupo de Valoración Preliminar")
    case = replace(acta_data.cases[0], measures=(), outcome=DecisionOutcome.DECIDED,
                   concept="Se conceptúa la pertinencia de medio de comunicación y chaleco blindado.")
    data = replace(acta_data, session=gvp, cases=(case,))
    text = flat(" ".join(page_texts(pdf_bytes(build_acta_pdf, data))))
    assert "pertinencia de medio de comunicación y chaleco blindado" in text
    assert "No se recomiendan medidas" not in text
    cerrem = flat(" ".join(page_texts(pdf_bytes(build_acta_pdf, replace(data, session=acta_data.session)))))
    assert "No se recomiendan medidas de protección para este caso." in cerrem


def test_footer_keeps_the_version_with_a_long_committee_name(acta_data):
    """UP-PCC's name does not fit the footer line: the short name is used, and the
    version is never cut off."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from comite.documents import acta_pdf
    from comite.documents import pdf_common as pc

    long_name = ("Comité de Evaluación del Riesgo y Recomendación de Medidas para la Unión Patriótica "
                 "y el Partido Comunista Colombiano")
    session = replace(acta_data.session, committee_name=long_name, committee_short="CERREM UP-PCC")
    data = replace(acta_data, session=session, version=4)
    line = pc.footer_line(acta_pdf.page_chrome(data))
    assert stringWidth(line, pc.FONT, pc.FOOTER_FONT_SIZE) <= pc.CONTENT_WIDTH
    assert line == f"{acta_data.session.acta_label} · CERREM UP-PCC · BORRADOR · Versión 4"
    # without a short name the reference is shortened, never the version
    nameless = replace(data, session=replace(session, committee_short=""), draft=False)
    line = pc.footer_line(acta_pdf.page_chrome(nameless))
    assert stringWidth(line, pc.FONT, pc.FOOTER_FONT_SIZE) <= pc.CONTENT_WIDTH
    assert line.endswith("… · Versión 4")
    # a name that fits stays whole
    assert pc.footer_line(acta_pdf.page_chrome(acta_data)).startswith(
        f"{acta_data.session.acta_label} · {acta_data.session.committee_name} · "
    )
    pages = page_texts(pdf_bytes(build_acta_pdf, data))
    assert all("CERREM UP-PCC · BORRADOR · Versión 4" in page for page in pages)
