"""GVP -> CERREM notification: Word and PDF read back; cases by radicado only."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from res_samples import BENEFICIARY, FAMILY_NAMES, escorts, sample_notification

from comite.documents.notification import (
    build_notification_docx,
    build_notification_pdf,
    level_summary,
    measure_phrase,
)
from comite.domain import MeasureAction
from comite.text import fold

ISSUED = date(2026, 3, 5)
LEVELS = {
    "EXT26-0001234": "Extraordinario",
    "EXT26-0001301": "Extremo",
    "OFI26-0000877": "Ordinario",
    "EXT26-0001402": "Sin determinar (devuelto al analista con observaciones)",
}


def docx_text(data: bytes) -> tuple[str, list[list[str]], str]:
    document = docx.Document(io.BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    section = document.sections[0]
    chrome = "\n".join(p.text for p in (*section.header.paragraphs, *section.footer.paragraphs))
    return body, rows, chrome


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def notification_docx() -> bytes:
    return build_notification_docx(sample_notification(), issued=ISSUED)


@pytest.fixture(scope="module")
def notification_pdf() -> bytes:
    out = io.BytesIO()
    build_notification_pdf(sample_notification(), out, issued=ISSUED)
    return out.getvalue()


def _no_people(text: str) -> None:
    folded = fold(text)
    for who in (BENEFICIARY, *FAMILY_NAMES):
        assert fold(who) not in folded, who
        for part in who.split():
            if len(part) > 4:
                assert fold(part) not in folded, part


def test_docx_table_has_each_case_by_radicado_with_level_and_concept(
    notification_docx: bytes,
) -> None:
    body, rows, chrome = docx_text(notification_docx)
    assert rows[0] == [
        "No.",
        "Radicado",
        "Población",
        "Nivel de riesgo",
        "Matriz",
        "Concepto del GVP",
        "Medidas propuestas",
    ]
    by_radicado = {row[1]: row for row in rows[1:]}
    assert set(by_radicado) == set(LEVELS)
    for radicado, level in LEVELS.items():
        assert by_radicado[radicado][3] == level
    first = by_radicado["EXT26-0001234"]
    assert first[4] == "58,33\u00a0%"
    assert first[5].startswith("Amenazas directas")
    assert first[6].splitlines() == [
        "Implementar dos (2) hombres de protección por seis (6) meses",
        "Ratificar un (1) chaleco blindado por doce (12) meses",
    ]
    assert by_radicado["EXT26-0001402"][6] == "—"  # not "sin medidas": the GVP gives a concept


def test_docx_letter_is_addressed_to_the_cerrem_secretariat_and_reserved(
    notification_docx: bytes,
) -> None:
    body, rows, chrome = docx_text(notification_docx)
    assert "Bogotá, D.C., 5 de marzo de 2026" in body
    assert (
        "Secretaría Técnica del Comité de Evaluación del Riesgo y Recomendación de Medidas – "
        "CERREM Mujeres"
    ) in body
    assert "Asunto: Notificación de niveles de riesgo" in body
    assert "sesión ordinaria No. 012 del tres (3) de marzo de dos mil veintiséis (2026)" in body
    assert "únicamente por su número de radicado" in body
    assert "4 casos: 1 extremo, 1 extraordinario, 1 ordinario, 1 sin nivel determinado." in body
    assert "Jorge Iván Cárdenas" in body  # the sender (an official) signs
    assert chrome.splitlines()[0] == "RESERVADO"
    assert "GER-FT-07" in chrome


def test_docx_names_no_protected_person(notification_docx: bytes) -> None:
    body, rows, chrome = docx_text(notification_docx)
    _no_people(body + "\n".join("\n".join(r) for r in rows) + chrome)


def test_pdf_has_each_radicado_level_and_reserve_mark(notification_pdf: bytes) -> None:
    text = pdf_text(notification_pdf)
    assert notification_pdf.startswith(b"%PDF")
    for radicado in LEVELS:
        assert radicado in text
    for level in ("Extraordinario", "Extremo", "Ordinario", "Sin determinar"):
        assert level in text
    for expected in (
        "RESERVADO",
        "NOTIFICACIÓN GVP – CERREM",
        "58,33",
        "Implementar dos (2) hombres de protección",
        "Página 1 de",
        "Secretaría Técnica del Comité de Evaluación del Riesgo",
    ):
        assert expected in text, expected
    _no_people(text)


def test_pdf_to_a_path_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "notificacion.pdf"
    build_notification_pdf(sample_notification(), out, issued=ISSUED)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["notificacion.pdf"]
    assert "EXT26-0001301" in pdf_text(out.read_bytes())


def test_notification_without_addressee_or_cases() -> None:
    data = sample_notification(addressee=None, cases=())
    body, rows, _ = docx_text(build_notification_docx(data, issued=ISSUED))
    assert "Respetados señores:" in body
    assert "Sin casos." in body
    assert rows == [rows[0]]  # only the header row
    out = io.BytesIO()
    build_notification_pdf(data, out, issued=ISSUED)
    assert "Sin casos." in pdf_text(out.getvalue())


def test_measure_phrase_and_summary() -> None:
    assert measure_phrase(escorts(quantity=1, action=MeasureAction.SUSPENDER, months=None)) == (
        "Suspender un (1) hombre de protección"
    )
    assert level_summary(sample_notification(cases=sample_notification().cases[:1])) == (
        "1 caso: 1 extraordinario."
    )


# -- realistic radicados, long population names, GVP concepts -------------------------------

LONG_POPULATION = (
    "Dirigentes, representantes o activistas de organizaciones defensoras de derechos humanos, "
    "de víctimas, sociales, cívicas, comunales o campesinas"
)


def _gvp_cases(n: int = 7) -> tuple:
    from comite.documents.data import NotificationCase
    from comite.domain import DecisionOutcome, RiskLevel

    return tuple(
        NotificationCase(
            radicado=f"EXT26-000315{50 + i:02d}",
            population=LONG_POPULATION,
            level=RiskLevel.EXTRAORDINARIO,
            matrix_pct=55.5 + i,
            concept="Se conceptúa la pertinencia de medio de comunicación y chaleco blindado.",
            measures=(),
            outcome=DecisionOutcome.DECIDED,
        )
        for i in range(n)
    )


def _pdf(data) -> bytes:
    out = io.BytesIO()
    build_notification_pdf(data, out, issued=ISSUED)
    return out.getvalue()


def _lines(pdf: bytes) -> list[str]:
    return [line for page in PdfReader(io.BytesIO(pdf)).pages for line in page.extract_text().splitlines()]


def test_radicados_are_never_split_across_lines() -> None:
    data = sample_notification(cases=_gvp_cases())
    lines = _lines(_pdf(data))
    text = "\n".join(lines)
    for case in data.cases:
        assert any(case.radicado in line for line in lines), case.radicado
        # joined without the line breaks, no extra occurrence appears: no radicado was cut
        assert text.count(case.radicado) == text.replace("\n", "").count(case.radicado), case.radicado


def test_gvp_concept_is_not_contradicted_by_a_no_measures_line() -> None:
    data = sample_notification(cases=_gvp_cases(2))
    text = pdf_text(_pdf(data))
    assert "pertinencia de medio de comunicación y chaleco blindado" in text
    assert "Sin medidas propuestas" not in text
    body, rows, _ = docx_text(build_notification_docx(data, issued=ISSUED))
    assert "Sin medidas propuestas" not in body + str(rows)
    assert "Medidas propuestas" not in rows[0]  # no case proposes any: no empty column


def test_long_population_names_keep_rows_short() -> None:
    """Seven cases with the longest population name fit in two pages, not four."""
    pdf = _pdf(sample_notification(cases=_gvp_cases(7)))
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2
