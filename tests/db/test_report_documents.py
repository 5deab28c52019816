"""The report's files, read back: the XLSX opens with openpyxl with its sheets and native charts, the PDF
passes ``qpdf --check`` with every font embedded (``pdffonts``) and says what the tables say, the JSON has
the ``totals`` object with exactly its seven keys; and ``comite report`` writes them from the command line."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select, text

from comite import cli
from comite.documents import report_data as rd
from comite.domain import Role
from comite.model import AuditEntry
from comite.services import reports
from comite.services.reports import build_report
from tests.conftest import ADMIN, ADMIN_PASSWORD, make_user, missing_tool
from tests.db.test_reports import MARCH, build_march

pytestmark = pytest.mark.sqlite_only  # files do not depend on the engine (the figures are tested on both)

TOTAL_KEYS = {"sessions", "hearings", "decisions", "votes", "measures", "commitments", "emergency_measures"}


@pytest.fixture
def march_report(admin):
    build_march(admin)
    return admin, build_report(admin, MARCH)


def _export(ctx, report, fmt, path, external=True):
    reports.export_report(ctx, report, fmt, path, external=external)
    return path.read_bytes()


def test_json_has_the_totals_and_one_object_per_breakdown(march_report, tmp_path):
    ctx, report = march_report
    data = json.loads(_export(ctx, report, "json", tmp_path / "i.json", external=False))
    assert set(data["totals"]) == TOTAL_KEYS
    assert data["totals"] == {"sessions": 8, "hearings": 14, "decisions": 12, "votes": 29, "measures": 5,
                              "commitments": 5, "emergency_measures": 2}
    for key in ("resumen", "sesiones", "resultados", "niveles_comite", "niveles_poblacion", "niveles_departamento",
                "niveles_ruta", "medidas", "oportunidad_gvp", "oportunidad_ruta", "compromisos", "emergencias",
                "tendencia"):
        assert "filas" in data[key] and "columnas" in data[key], key
    assert data["niveles_poblacion"]["filas"]["victimas"]["extremo"] == 1
    assert data["oportunidad_gvp"]["filas"]["GVP"]["median"] == 4.5
    assert [c["radicado"] for c in data["casos_fuera_de_termino"]["casos"]] == ["C1", "G3", "G5"]
    assert data["reserva"] is None and data["periodo"] == {"desde": "2026-03-01", "hasta": "2026-03-31",
                                                           "texto": "Del 1 de marzo de 2026 al 31 de marzo de 2026"}


def test_the_external_json_suppresses_and_names_no_case(march_report, tmp_path):
    ctx, report = march_report
    raw = _export(ctx, report, "json", tmp_path / "i.json")
    data = json.loads(raw)
    assert data["reserva"]["umbral"] == 5 and data["reserva"]["celdas_suprimidas"] > 0
    assert data["resultados"]["filas"]["GVP"]["devuelto"] is None
    assert ["GVP", "devuelto"] in data["resultados"]["suprimidas"]
    assert data["casos_fuera_de_termino"]["casos"] == []
    for radicado in (b"C1", b"G3", b"G5", b"Persona"):
        assert b'"' + radicado not in raw


def test_xlsx_opens_with_its_sheets_and_native_charts(march_report, tmp_path):
    ctx, report = march_report
    wb = load_workbook(io.BytesIO(_export(ctx, report, "xlsx", tmp_path / "i.xlsx", external=False)))
    assert wb.sheetnames[0] == "Resumen" and len(wb.sheetnames) == len(report.tables) + 2  # + late cases
    summary = wb["Resumen"]
    assert summary["A1"].value == "RESERVADO"
    values = {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(1, 20)}
    assert values["Casos tratados en sesión"] == 14 and values["Votos"] == 29
    levels = wb["Niveles de riesgo por comité"]
    charts = levels._charts
    assert len(charts) == 1 and charts[0].tagname == "barChart" and charts[0].grouping == "stacked"
    assert len(charts[0].series) == 3
    header_row = next(r for r in range(1, 12) if levels.cell(r, 1).value == "Comité")
    assert [levels.cell(header_row, c).value for c in range(1, 6)] == [
        "Comité", "Ordinario", "Extraordinario", "Extremo", "Total"]
    assert [levels.cell(header_row + 1, c).value for c in range(1, 6)] == ["GVP", 1, 4, 1, 6]
    trend = wb["Tendencia mensual"]
    assert trend._charts[0].tagname == "lineChart"
    gvp_days = next(wb[n] for n in wb.sheetnames if n.startswith("Recepción a GVP"))
    assert gvp_days._charts[0].tagname == "barChart"
    assert sum(len(wb[n]._charts) for n in wb.sheetnames) == len(report.charts)
    late = wb["Casos fuera de término"]
    assert [late.cell(r, 1).value for r in range(7, 10)] == ["C1", "G3", "G5"]
    assert wb.properties.keywords == "RESERVADO"


def test_xlsx_marks_suppressed_cells(march_report, tmp_path):
    ctx, report = march_report
    wb = load_workbook(io.BytesIO(_export(ctx, report, "xlsx", tmp_path / "i.xlsx")))
    outcomes = next(wb[n] for n in wb.sheetnames if n.startswith("Casos tratados por comité"))
    cells = [outcomes.cell(r, c).value for r in range(1, 30) for c in range(1, 8)]
    assert "<5" in cells and 9 in cells  # GVP heard 9: shown; its returned 1: hidden
    assert any(isinstance(v, str) and v.startswith("Las celdas marcadas «<5»") for v in cells)
    assert "Casos fuera de término" not in wb.sheetnames or all(
        wb["Casos fuera de término"].cell(r, 1).value not in ("C1", "G3") for r in range(1, 20))


def _pdf_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        missing_tool(f"{name} no está instalado")
    return path


def test_pdf_is_valid_embeds_its_fonts_and_reads_back(march_report, tmp_path):
    ctx, report = march_report
    path = tmp_path / "informe.pdf"
    pdf = _export(ctx, report, "pdf", path, external=False)
    check = subprocess.run([_pdf_tool("qpdf"), "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fonts = subprocess.run([_pdf_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    rows = [re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row) for row in fonts.splitlines()[2:]]
    assert rows and all(row is not None and row.group(1) == "yes" for row in rows), fonts  # emb
    assert all("DejaVu" in row for row in fonts.splitlines()[2:]), fonts
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "RESERVADO" in text and "Página 1 de" in text
    assert "INFORME DE GESTIÓN DE LOS COMITÉS" in text
    assert "Niveles de riesgo por población" in text and "Oportunidad del GVP" in text
    assert "Término legal: 5 días hábiles" in text  # the chart's line against the term
    assert "C1" in text and "G3" in text


def test_pdf_with_the_reserve_shows_the_mark_and_the_note(march_report, tmp_path):
    ctx, report = march_report
    reader = PdfReader(io.BytesIO(_export(ctx, report, "pdf", tmp_path / "r.pdf")))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "<5" in text and "se suprimen para proteger la reserva" in text
    assert "sus radicados no se incluyen" in text


# --- the command line ---------------------------------------------------------------------------------


def test_comite_report_writes_each_format(march_report, tmp_path, capsys, monkeypatch):
    ctx, _report = march_report
    monkeypatch.setenv("COMITE_PASSWORD", ADMIN_PASSWORD)
    db = str(ctx.db.sqlite_path)
    out = tmp_path / "informe.json"
    code = cli.main(["report", "--db", db, "--user", ADMIN, "--from", "2026-03-01", "--to", "2026-03-31",
                     "--format", "json", "--out", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "con la reserva aplicada" in printed.out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["totals"]["sessions"] == 8 and data["reserva"]["umbral"] == 5
    for fmt in ("xlsx", "pdf"):
        target = tmp_path / f"informe.{fmt}"
        assert cli.main(["report", "--db", db, "--user", ADMIN, "--committee", "GVP", "--format", fmt,
                         "--out", str(target), "--internal"]) == 0
        assert target.stat().st_size > 1000
    code = cli.main(["report", "--db", db, "--user", ADMIN, "--format", "json", "--out", str(out)])
    assert code == 0 and json.loads(out.read_text(encoding="utf-8"))["periodo"]["texto"] == \
        "Todo el periodo registrado"


def test_comite_report_says_what_is_wrong_in_spanish(march_report, tmp_path, capsys, monkeypatch):
    ctx, _report = march_report
    monkeypatch.setenv("COMITE_PASSWORD", ADMIN_PASSWORD)
    db = str(ctx.db.sqlite_path)
    code = cli.main(["report", "--db", db, "--user", ADMIN, "--from", "2026-04-01", "--to", "2026-03-01",
                     "--format", "json", "--out", str(tmp_path / "x.json")])
    assert code == 2 and "después de terminar" in capsys.readouterr().err
    code = cli.main(["report", "--db", db, "--user", ADMIN, "--committee", "NO_EXISTE", "--format", "json",
                     "--out", str(tmp_path / "x.json")])
    assert code == 2 and "no está asignado" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
    with pytest.raises(SystemExit):
        cli.main(["report", "--db", db, "--format", "doc", "--out", "x"])
    assert "opción no válida" in capsys.readouterr().err


def test_comite_report_repair_rebuilds_a_table_that_disagrees_and_is_audited(march_report, tmp_path, capsys,
                                                                           monkeypatch):
    ctx, report = march_report
    monkeypatch.setenv("COMITE_PASSWORD", ADMIN_PASSWORD)
    with ctx.db.engine.begin() as conn:  # a tool changed the table behind the triggers' back
        conn.execute(text("UPDATE report_hearing SET outcome = 'devuelto' WHERE outcome = 'decidido'"))
        conn.execute(text("DROP TRIGGER report_hearing_on_decision_insert"))
    with ctx.db.engine.connect() as conn:
        found = reports.facts_status_of(conn)
    assert not found.current and found.missing_triggers == ("report_hearing_on_decision_insert",)
    assert build_report(ctx, MARCH).tables != report.tables  # the reports would count wrong

    secretary = make_user(ctx, "secretaria_informes", Role.SECRETARIA, ["GVP"])
    monkeypatch.setenv("COMITE_PASSWORD", secretary)
    code = cli.main(["report-repair", "--db", str(ctx.db.sqlite_path), "--user", "secretaria_informes"])
    assert code == 2 and "no puede" in capsys.readouterr().err.lower()

    monkeypatch.setenv("COMITE_PASSWORD", ADMIN_PASSWORD)
    code = cli.main(["report-repair", "--db", str(ctx.db.sqlite_path), "--user", ADMIN])
    out = capsys.readouterr().out
    assert code == 0 and "no coinciden" in out and "falta 1 disparador" in out and "Reconstruida" in out, out
    with ctx.db.engine.connect() as conn:
        assert reports.facts_status_of(conn).current
        entry = json.loads(conn.execute(select(AuditEntry.details).where(
            AuditEntry.action == "informes_reconstruidos")).scalar_one())
    assert entry["disparadores_faltantes"] == ["report_hearing_on_decision_insert"] and entry["filas_distintas"] > 0
    again = build_report(ctx, MARCH)
    assert (again.totals, again.tables) == (report.totals, report.tables)


def test_small_totals_are_suppressed_too(march_report):
    _ctx, report = march_report
    hidden = rd.apply_reserve(report, 30, "{threshold}")
    assert hidden.totals.hearings is None and hidden.totals.sessions == 8  # sessions identify nobody
    assert date(2026, 3, 1) == hidden.period_from
