"""Resolutions: read the generated Word files back (paragraphs, table cells, headers)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from res_samples import (
    BENEFICIARY,
    DOCUMENT,
    FAMILY_NAMES,
    numbered_resolution,
    sample_resolution,
    vest,
)

from comite import paths
from comite.documents import resolution as res
from comite.documents.data import MeasureRow, ResolutionData
from comite.domain import CaseKind, MeasureAction, RiskLevel
from comite.errors import ValidationError
from comite.text import fold

ROOT = Path(__file__).resolve().parents[2]
CERREM_TEMPLATE = paths.templates_dir() / res.CERREM_TEMPLATE
SPECIAL_TEMPLATE = paths.templates_dir() / res.SPECIAL_TEMPLATE


# -- reading back ---------------------------------------------------------------------


def _open(source: bytes | Path) -> docx.document.Document:
    return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def body_lines(source: bytes | Path) -> list[str]:
    """Every paragraph of the body, then every table cell (one line per cell)."""
    document = _open(source)
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return lines


def table_rows(source: bytes | Path) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in _open(source).tables for row in t.rows]


def header_footer_text(source: bytes | Path) -> str:
    section = _open(source).sections[0]
    return "\n".join(p.text for p in (*section.header.paragraphs, *section.footer.paragraphs))


def all_text(source: bytes | Path) -> str:
    return "\n".join(body_lines(source)) + "\n" + header_footer_text(source)


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    return res.render_resolution(sample_resolution())


def panic_button(action: MeasureAction) -> MeasureRow:
    return MeasureRow("BOTON_APOYO", "Botón de apoyo", 1, "botón de apoyo", "botones de apoyo", action, None, None)


# -- content ----------------------------------------------------------------------------


def test_resolution_contains_case_level_acta_and_legal_formulas(sample_docx: bytes) -> None:
    text = all_text(sample_docx)
    for expected in (
        "EXT26-0001234",
        "EXTRAORDINARIO",
        "Acta No. 007 de 2026",
        "recurso de reposición",
        "diez (10) días",
        "NOTIFÍQUESE, COMUNÍQUESE Y CÚMPLASE",
        "Ley 1437 de 2011",
        "artículos 67, 68 y 69",
        "artículos 74 y 76",
        "Decreto 4065 de 2011",
        "Decreto 1066 de 2015",
        "CONSIDERANDO",
        "RESUELVE",
        "Proyectó: Laura Méndez",
        "Revisó: Carlos Pardo",
        "Aprobó: Subdirección de Evaluación del Riesgo",
        "Dada en Bogotá, D.C., a los ____ días del mes de ____ de ____",
        "58,33 %",
        BENEFICIARY,  # the act is addressed to the person
        DOCUMENT,
    ):
        assert expected in text, expected
    for ordinal in ("PRIMERO", "SEGUNDO", "TERCERO", "CUARTO", "QUINTO"):
        assert f"ARTÍCULO {ordinal}." in text
    assert "{{" not in text and "{%" not in text


def test_title_and_powers_follow_the_shape_of_a_resolution(sample_docx: bytes) -> None:
    lines = [line for line in body_lines(sample_docx) if line.strip()]
    assert lines[0] == "RESOLUCIÓN No. ____ DE ____"
    assert lines[1].startswith(
        "“Por la cual se adoptan las recomendaciones del Comité de Evaluación del Riesgo y "
        "Recomendación de Medidas – CERREM"
    )
    assert "respecto del caso radicado No. EXT26-0001234" in lines[1]
    assert lines[2] == "EL DIRECTOR GENERAL DE LA UNIDAD NACIONAL DE PROTECCIÓN – UNP"
    order = [
        "CONSIDERANDO:",
        "RESUELVE:",
        "NOTIFÍQUESE, COMUNÍQUESE Y CÚMPLASE",
        "Augusto Rodríguez Ballesteros",
    ]
    positions = [lines.index(item) for item in order]
    assert positions == sorted(positions)


def test_considerando_has_request_study_gvp_and_cerrem_with_dates_in_words(
    sample_docx: bytes,
) -> None:
    text = all_text(sample_docx)
    assert (
        "Que el veinte (20) de enero de dos mil veintiséis (2026) se recibió la solicitud" in text
    )
    assert "concluido el veinticuatro (24) de febrero de dos mil veintiséis (2026)" in text
    assert "en la sesión No. 012 del 3 de marzo de 2026" in text
    assert "determinó un nivel de riesgo EXTRAORDINARIO" in text
    assert (
        "en la sesión ordinaria No. 007 del diez (10) de marzo de dos mil veintiséis (2026), "
        "según consta en el Acta No. 007 de 2026, validó el nivel de riesgo EXTRAORDINARIO"
    ) in text
    assert "idóneas, necesarias y proporcionales" in text
    assert "amenazas directas" in text


def test_each_measure_has_action_quantity_in_words_and_figures_term_and_revaluation(
    sample_docx: bytes,
) -> None:
    rows = table_rows(sample_docx)
    assert rows[0] == [
        "No.",
        "Acción",
        "Medida (cantidad en letras y números)",
        "Temporalidad",
        "Fecha de revaluación",
    ]
    assert rows[1:] == [
        [
            "1",
            "Implementar",
            "dos (2) hombres de protección",
            "seis (6) meses",
            "diez (10) de septiembre de dos mil veintiséis (2026)",
        ],
        [
            "2",
            "Ratificar",
            "un (1) chaleco blindado",
            "doce (12) meses",
            "diez (10) de marzo de dos mil veintisiete (2027)",
        ],
        [
            "3",
            "Ajustar",
            "una (1) camioneta blindada. Reemplaza el vehículo convencional",
            "seis (6) meses",
            "diez (10) de septiembre de dos mil veintiséis (2026)",
        ],
    ]  # the finalised phone is not *adopted*: it has its own article (below)
    text = all_text(sample_docx)
    assert (
        "ARTÍCULO TERCERO. FINALIZACIÓN DE MEDIDAS. Finalizar, respecto de Marisol Guerrero Atencia, "
        "las siguientes medidas de protección:\n–\tun (1) medio de comunicación." in text
    )


def test_family_members_covered_and_duties_of_the_protected_person(sample_docx: bytes) -> None:
    lines = body_lines(sample_docx)
    assert "–\tJulián Andrés Peña Guerrero (hijo)." in lines
    assert "–\tValentina Peña Guerrero (hija)." in lines
    text = "\n".join(lines)
    assert "PARÁGRAFO PRIMERO. Las medidas de protección adoptadas cobijan también" in text
    assert "PARÁGRAFO SEGUNDO. Las medidas serán revaluadas" in text
    assert "ARTÍCULO CUARTO. OBLIGACIONES DE LA PERSONA PROTEGIDA." in text
    assert sum(1 for line in lines if re.match(r"^[a-g]\)\t", line)) == 7
    # the duty to keep the reserve (seed 002: the beneficiaries are bound by it too)
    assert any(line.startswith("g)\tGuardar la reserva de la información") for line in lines)


def test_header_is_marked_reserved_and_names_the_resolution(sample_docx: bytes) -> None:
    chrome = header_footer_text(sample_docx)
    assert chrome.splitlines()[0] == "RESERVADO"
    assert "RESOLUCIÓN No. ____ DE ____ – Hoja No. 1 de 1" in chrome
    assert "EXT26-0001234" in chrome


def test_number_and_date_when_known() -> None:
    data = sample_resolution(number="01234", issued=date(2026, 3, 21))
    text = all_text(res.render_resolution(data))
    assert "RESOLUCIÓN No. 01234 DE 21 DE MARZO DE 2026" in text
    assert (
        "Dada en Bogotá, D.C., a los veintiún (21) días del mes de marzo de dos mil veintiséis (2026)."
        in text
    )
    first = all_text(res.render_resolution(sample_resolution(issued=date(2026, 4, 1))))
    assert (
        "Dada en Bogotá, D.C., el primer (1) día del mes de abril de dos mil veintiséis (2026)."
        in first
    )


def test_ordinary_level_without_measures() -> None:
    data = sample_resolution(
        risk_level=RiskLevel.ORDINARIO, matrix_pct=31.0, measures=(), family=()
    )
    source = res.render_resolution(data)
    text = all_text(source)
    assert table_rows(source) == []
    assert "es ORDINARIO, con una ponderación de la matriz de 31,00 %" in text
    assert "no se adoptan medidas de protección" in text
    assert "no recomendó la adopción de medidas de protección" in text
    assert "no da lugar a la adopción de medidas de protección" in text
    assert "ARTÍCULO TERCERO. HECHOS SOBREVINIENTES." in text
    assert "PARÁGRAFO" not in text
    assert "ARTÍCULO CUARTO. COMUNICACIÓN." in text
    assert "recurso de reposición" in text and "ARTÍCULO SEXTO. RECURSOS." in text


def test_finalised_measures_at_ordinary_level_are_not_adopted() -> None:
    """A revaluation at ordinary level that finalises the measures: no measure is
    adopted, none is called idónea, no duties, no revaluation parágrafo."""
    data = sample_resolution(
        risk_level=RiskLevel.ORDINARIO,
        matrix_pct=38.88,
        measures=(panic_button(MeasureAction.FINALIZAR),),
        concept="Se valida el nivel de riesgo ordinario.",
    )
    source = res.render_resolution(data)
    text = all_text(source)
    assert table_rows(source) == []
    assert "idóneas" not in text
    assert "Adoptar, respecto" not in text and "Finalizar un" not in text
    assert "recomendó la finalización de las medidas de protección que se indican" in text
    assert (
        "no da lugar a la adopción de medidas de protección; en consecuencia, procede la "
        "finalización de las medidas que venían implementándose." in text
    )
    assert (
        "ARTÍCULO SEGUNDO. FINALIZACIÓN DE MEDIDAS. Finalizar, respecto de Marisol Guerrero Atencia, "
        "las siguientes medidas de protección:\n–\tun (1) botón de apoyo." in text
    )
    assert "OBLIGACIONES" not in text and "deberá:" not in text
    assert "PARÁGRAFO" not in text and "serán revaluadas" not in text
    assert "cobijan también" not in text
    assert "ARTÍCULO TERCERO. HECHOS SOBREVINIENTES." in text
    assert "ARTÍCULO CUARTO. COMUNICACIÓN." in text
    assert "ARTÍCULO QUINTO. NOTIFICACIÓN." in text and "ARTÍCULO SEXTO. RECURSOS." in text


def test_suspended_measures_have_their_own_article_beside_the_adopted_ones() -> None:
    data = sample_resolution(
        measures=(vest(), panic_button(MeasureAction.SUSPENDER)), family=()
    )
    source = res.render_resolution(data)
    text = all_text(source)
    assert [row[1] for row in table_rows(source)[1:]] == ["Ratificar"]
    assert "recomendó las medidas de protección que se adoptan en la presente resolución y la " \
        "suspensión de las que en ella se indican" in text
    assert "idóneas, necesarias y proporcionales frente al nivel de riesgo extraordinario" in text
    assert "ARTÍCULO SEGUNDO. MEDIDAS DE PROTECCIÓN. Adoptar" in text
    assert "PARÁGRAFO. Las medidas serán revaluadas" in text
    assert "ARTÍCULO TERCERO. SUSPENSIÓN DE MEDIDAS. Suspender, respecto de Marisol Guerrero Atencia" in text
    assert "ARTÍCULO CUARTO. OBLIGACIONES DE LA PERSONA PROTEGIDA." in text
    assert "HECHOS SOBREVINIENTES" not in text and "no da lugar" not in text


def test_special_committee_finalising_measures() -> None:
    data = sample_resolution(
        committee_code="COMITE_ESPECIAL",
        committee_name="Comité Especial de Servidores y Ex Servidores Públicos",
        risk_level=RiskLevel.ORDINARIO,
        measures=(panic_button(MeasureAction.FINALIZAR),),
        family=(),
    )
    text = all_text(res.render_resolution(data))
    assert "definió la finalización de las medidas de protección que se indican" in text
    assert "ARTÍCULO SEGUNDO. FINALIZACIÓN DE MEDIDAS." in text
    assert "OBLIGACIONES" not in text and "idóneas" not in text


def test_collective_case_wording() -> None:
    data = sample_resolution(
        kind=CaseKind.COLECTIVO,
        beneficiary="Asociación Campesina del Alto Sinú",
        committee_code="CERREM_COLECTIVO",
        family=(),
    )
    text = all_text(res.render_resolution(data))
    assert "a favor del colectivo Asociación Campesina del Alto Sinú" in text
    # its follow-up belongs to the Ministerio del Interior, to which the resolution is communicated
    assert "Dirección de Derechos Humanos del Ministerio del Interior" in text
    assert "Resolución 1085 de 2015, art. 5" in text
    assert "se concertaron" not in text  # no concertation recorded: the resolution does not say it
    assert "OBLIGACIONES DE LOS PROTEGIDOS" in text
    assert "identificado(a)" not in text
    assert "PARÁGRAFO. Las medidas serán revaluadas" in text


def test_special_committee_uses_its_own_template() -> None:
    data = sample_resolution(
        committee_code="COMITE_ESPECIAL",
        committee_name="Comité Especial de Servidores y Ex Servidores Públicos",
    )
    assert res.default_template_path(data).name == "resolucion_comite_especial.docx"
    text = all_text(res.render_resolution(data))
    assert "parágrafo 4 del artículo 2.4.1.2.40 del Decreto 1066 de 2015" in text
    assert "definió las medidas de protección" in text
    assert "recomendaciones del Comité Especial de Servidores y Ex Servidores Públicos" in text


def test_values_are_escaped_and_line_breaks_kept() -> None:
    data = sample_resolution(
        beneficiary="Ana <Pérez> & Cía",
        concept="primera razón;\nsegunda razón & otra",
    )
    source = res.render_resolution(data)
    text = all_text(source)
    assert "Ana <Pérez> & Cía" in text
    assert "primera razón;\nsegunda razón & otra" in text  # a Word line break


def test_fast_render_matches_docxtpl(tmp_path: Path) -> None:
    data = sample_resolution(number="00077", issued=date(2026, 3, 20))
    naive = tmp_path / "naive.docx"
    res.render_resolution_naive(data, CERREM_TEMPLATE, naive)
    fast = res.render_resolution(data)
    assert body_lines(fast) == body_lines(naive)
    assert header_footer_text(fast) == header_footer_text(naive)


def test_rendering_is_deterministic() -> None:
    data = sample_resolution()
    assert res.render_resolution(data) == res.render_resolution(data)


def test_context_keys_are_the_documented_fields() -> None:
    context = res.resolution_context(sample_resolution())
    assert tuple(context) == res.RESOLUTION_FIELDS
    readme = (paths.templates_dir() / "README.md").read_text(encoding="utf-8")
    for name in res.RESOLUTION_FIELDS:
        assert f"`{name}`" in readme, name
    for name in res.measure_context(1, sample_resolution().measures[0]):
        assert f"`m.{name}`" in readme, name


@pytest.mark.parametrize(
    ("unit", "feminine"),
    [
        ("camioneta blindada", True),
        ("persona", True),
        ("reubicación temporal", True),
        ("hombre de protección", False),
        ("chaleco blindado", False),
        ("esquema de protección", False),
        ("camión", False),
        ("botón de apoyo", False),
    ],
)
def test_gender_of_measure_units(unit: str, feminine: bool) -> None:
    assert res.is_feminine(unit) is feminine


# -- files ------------------------------------------------------------------------------


def _names_leak(name: str) -> bool:
    folded = fold(name).replace("-", " ").replace("_", " ")
    people = (BENEFICIARY, *FAMILY_NAMES)
    return any(len(part) > 3 and fold(part) in folded for who in people for part in who.split())


def test_file_names_carry_number_and_radicado_never_the_name(tmp_path: Path) -> None:
    items = [
        sample_resolution(),
        sample_resolution(radicado="OFI/26 00999", number="0456"),
        sample_resolution(radicado="EXT26-0001234"),  # same name as the first: kept apart
    ]
    written = res.write_resolutions(items, tmp_path)
    names = [p.name for p in written]
    assert names == [
        "Resolucion_SIN-NUMERO_EXT26-0001234.docx",
        "Resolucion_0456_OFI-26-00999.docx",
        "Resolucion_SIN-NUMERO_EXT26-0001234_2.docx",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    for path in written:
        assert not _names_leak(path.name)
        assert BENEFICIARY in all_text(path)


def test_batch_reports_progress_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    items = [numbered_resolution(i) for i in range(6)]
    seen: list[tuple[int, int]] = []
    written = res.write_resolutions(items, tmp_path, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(i, 6) for i in range(7)]
    assert sorted(tmp_path.iterdir()) == sorted(written)
    assert [res.resolution_filename(d) for d in items] == [p.name for p in written]
    for path, data in zip(written, items, strict=True):
        assert zipfile.ZipFile(path).testzip() is None
        assert data.radicado in all_text(path)


def test_cancel_midway_leaves_only_complete_files(tmp_path: Path) -> None:
    items = [numbered_resolution(i) for i in range(10)]
    polls = 0

    def cancel() -> bool:
        nonlocal polls
        polls += 1
        return polls > 4  # four cases go through, then the user cancels

    written = res.write_resolutions(items, tmp_path, cancel=cancel)
    assert len(written) == 4
    assert sorted(tmp_path.iterdir()) == sorted(written)
    for path in written:
        assert "NOTIFÍQUESE, COMUNÍQUESE Y CÚMPLASE" in all_text(path)


@pytest.fixture(params=["spawn", "fork"])
def pool_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Force helper processes with the given start method, whatever the batch size,
    and keep this process from rendering, so the helpers do the work."""
    if request.param == "fork" and not sys.platform.startswith("linux"):
        pytest.skip("fork is only used on Linux")
    monkeypatch.setattr(res, "_start_method", lambda: request.param)
    monkeypatch.setattr(res, "POOL_MIN_BATCH", {"fork": 0, "spawn": 0})
    monkeypatch.setattr(res, "_PARENT_RENDERS", False)
    return request.param


def test_workers_give_the_same_files(tmp_path: Path, pool_method: str) -> None:
    items = [numbered_resolution(i) for i in range(14)]
    one = res.write_resolutions(items, tmp_path / "one")
    seen: list[int] = []
    two = res.write_resolutions(
        items, tmp_path / "two", workers=2, durable=False, progress=lambda d, t: seen.append(d)
    )
    assert seen == list(range(15))
    assert len(one) == 14 and sorted(p.name for p in one) == sorted(p.name for p in two)
    for path in one:
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes()


def test_cancel_with_workers_keeps_only_complete_files(tmp_path: Path, pool_method: str) -> None:
    items = [numbered_resolution(i) for i in range(40)]
    done: list[int] = []
    written = res.write_resolutions(
        items,
        tmp_path,
        progress=lambda d, t: done.append(d),
        cancel=lambda: len(done) > 6,
        workers=2,
    )
    assert 6 <= len(written) < 40
    assert sorted(tmp_path.iterdir()) == sorted(written)
    for path in written:
        assert zipfile.ZipFile(path).testzip() is None


def test_template_error_in_a_helper_process_is_reported(tmp_path: Path, pool_method: str) -> None:
    template = _template_with(
        tmp_path, "{% if numero == '02005' %}{{ medidas[0].campo_malo }}{% endif %}", name="t.docx"
    )
    out = tmp_path / "out"
    with pytest.raises(ValidationError, match=r"t\.docx.*campo_malo"):
        res.write_resolutions(
            [numbered_resolution(i) for i in range(12)], out, template=template, workers=2
        )
    assert _out_is_empty(out)


def test_small_batches_stay_in_process_when_spawning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(res, "_start_method", lambda: "spawn")

    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started for a small batch")

    monkeypatch.setattr(res, "_render_in_pool", no_pool)
    items = [numbered_resolution(i) for i in range(res.POOL_MIN_BATCH["spawn"] - 1)][:20]
    assert len(res.write_resolutions(items, tmp_path, workers=2)) == 20


def test_a_caller_kept_free_renders_nothing_itself_even_for_a_small_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI's way: a spawned helper renders every case (the window's process only collects
    and writes), with the same files as rendering in process."""
    monkeypatch.setattr(res, "_start_method", lambda: "spawn")
    calls: list[bool] = []
    real_pool = res._render_in_pool

    def pool(*args, **kwargs):
        calls.append(kwargs["parent_renders"])
        return real_pool(*args, **kwargs)

    def here(*args: object) -> None:
        raise AssertionError("the caller rendered")

    items = [numbered_resolution(i) for i in range(6)]
    expected = {p.name: p.read_bytes() for p in res.write_resolutions(items, tmp_path / "aqui")}
    monkeypatch.setattr(res, "_render_in_pool", pool)
    monkeypatch.setattr(res, "_render_here", here)
    written = res.write_resolutions(items, tmp_path / "fuera", workers=2, durable=False, caller_renders=False)
    assert calls == [False]
    assert {p.name: p.read_bytes() for p in written} == expected


# -- broken templates -------------------------------------------------------------------


def _template_with(tmp_path: Path, *paragraphs: str, name: str = "plantilla_rota.docx") -> Path:
    document = docx.Document(str(CERREM_TEMPLATE))
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / name
    document.save(str(path))
    return path


def _out_is_empty(out: Path) -> bool:
    return not out.exists() or not any(out.iterdir())


def test_unknown_placeholder_is_refused_naming_template_and_field(tmp_path: Path) -> None:
    template = _template_with(tmp_path, "Beneficiario: {{ nombre_del_beneficiario }}")
    out = tmp_path / "out"
    with pytest.raises(ValidationError) as info:
        res.write_resolutions([numbered_resolution(i) for i in range(3)], out, template=template)
    message = str(info.value)
    assert "plantilla_rota.docx" in message
    assert "nombre_del_beneficiario" in message
    assert "línea" in message and "Beneficiario:" in message
    assert _out_is_empty(out)


def test_jinja_syntax_error_is_refused_naming_template_and_line(tmp_path: Path) -> None:
    template = _template_with(tmp_path, "Radicado: {{ radicado }", name="sintaxis.docx")
    out = tmp_path / "out"
    with pytest.raises(ValidationError) as info:
        res.write_resolutions([sample_resolution()], out, template=template)
    message = str(info.value)
    assert "sintaxis.docx" in message
    assert re.search(r"línea \d+", message)
    assert "Radicado:" in message
    assert _out_is_empty(out)


def test_unclosed_block_is_refused(tmp_path: Path) -> None:
    template = _template_with(tmp_path, "{% if colectivo %}texto sin cierre", name="bloque.docx")
    with pytest.raises(ValidationError, match=r"bloque\.docx.*falta cerrar un bloque"):
        res.render_resolution(sample_resolution(), template)


def test_bad_field_on_a_later_case_removes_the_files_of_the_batch(tmp_path: Path) -> None:
    # Only the second case reaches the bad attribute: the first file was already written.
    template = _template_with(
        tmp_path,
        "{% if numero == '02001' %}{{ medidas[0].campo_malo }}{% endif %}",
        name="tardia.docx",
    )
    out = tmp_path / "out"
    with pytest.raises(ValidationError) as info:
        res.write_resolutions([numbered_resolution(i) for i in range(4)], out, template=template)
    assert "tardia.docx" in str(info.value) and "campo_malo" in str(info.value)
    assert _out_is_empty(out)


def test_missing_and_corrupt_templates(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no_existe.docx"):
        res.render_resolution(sample_resolution(), tmp_path / "no_existe.docx")
    corrupt = tmp_path / "danada.docx"
    corrupt.write_bytes(b"PK\x03\x04 esto no es un docx")
    out = tmp_path / "out"
    with pytest.raises(ValidationError, match="danada.docx"):
        res.write_resolutions([sample_resolution()], out, template=corrupt)
    assert _out_is_empty(out)


def test_edited_template_is_picked_up_between_batches(tmp_path: Path) -> None:
    template = tmp_path / "editable.docx"
    shutil.copy(CERREM_TEMPLATE, template)
    assert "NOTA INTERNA" not in all_text(res.render_resolution(sample_resolution(), template))
    edited = docx.Document(str(template))
    edited.add_paragraph("NOTA INTERNA {{ radicado }}")
    edited.save(str(template))
    assert "NOTA INTERNA EXT26-0001234" in all_text(
        res.render_resolution(sample_resolution(), template)
    )


# -- templates are reproducible ---------------------------------------------------------


def test_committed_templates_match_the_generator(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_templates.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in (res.CERREM_TEMPLATE, res.SPECIAL_TEMPLATE):
        assert (tmp_path / name).read_bytes() == (paths.templates_dir() / name).read_bytes(), (
            f"{name} differs from tools/make_templates.py output: regenerate and commit it"
        )


# -- LibreOffice ------------------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not on PATH: apt-get install libreoffice-writer-nogui",
)
def test_libreoffice_converts_a_resolution_to_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    data: ResolutionData = sample_resolution(number="00321", issued=date(2026, 3, 20))
    source = tmp_path / res.resolution_filename(data)
    source.write_bytes(res.render_resolution(data))
    profile = tmp_path / "lo-profile"  # a private profile: no clash with a running soffice
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    pdf = source.with_suffix(".pdf")
    assert pdf.exists() and pdf.stat().st_size > 5_000
    reader = PdfReader(str(pdf))
    assert 2 <= len(reader.pages) <= 5
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", " ", text)
    for expected in (
        "RESERVADO",
        "EXT26-0001234",
        "NOTIFÍQUESE, COMUNÍQUESE Y CÚMPLASE",
        "recurso de reposición",
    ):
        assert expected in flat, expected
