"""The import as a careless or hostile spreadsheet would test it.

Each test is one of the failures reported in issue #13 (point 6, and the import races of
point 5): the file is imported whole or not at all, every row is accounted for by its number
(imported, flagged or refused), the reader never guesses an encoding for the whole file from
one row, reads Excel's percentages, dates and formulas as Excel shows them, finds the sheet
with the headers, and no identifier hides a second case behind an invisible character.
"""

from __future__ import annotations

import io
import threading
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from comite import faults
from comite.errors import StorageError
from comite.model import AuditEntry, Case
from comite.services import audit
from comite.services.backup import create_backup
from comite.services.bootstrap import open_database
from comite.services.cases import case_detail, find_cases
from comite.services.importer import COLUMNS, import_cases
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.db.helpers import login_ctx
from tests.db.test_importer import HEADER, case_count, only, row, write_xlsx


def csv_bytes(rows, *, encoding="utf-8") -> bytes:
    lines = [";".join(HEADER)] + [";".join(str(c) for c in r) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def accounted(report) -> set[int]:
    """Every data row number the report names (imported rows are numbered from the header)."""
    named = set()
    for problem in report.rejected:
        named.update(range(problem.row, (problem.last or problem.row) + 1))
    return named


# --- every row accounted for ------------------------------------------------------------------


def test_an_unbalanced_quote_names_every_row_it_swallowed(admin, tmp_path):
    rows = [row(f"Q-{i}", documento=str(500 + i)) for i in range(10)]
    rows[3][2] = '"Ana Pérez'  # a quote opened at the start of the name and never closed
    path = tmp_path / "comilla.csv"
    path.write_bytes(csv_bytes(rows))
    report = import_cases(admin, path)
    assert report.imported == 3  # rows 2 to 4
    assert report.rows_in_file == 10
    assert accounted(report) == set(range(5, 12))  # row 5 opened it; 6 to 11 were swallowed
    (problem,) = report.rejected
    assert "Filas 5 a 11" in str(problem) and "comilla" in problem.reason
    assert case_count(admin.db) == 3


def test_a_quote_closed_later_joins_rows_and_says_which(admin, tmp_path):
    rows = [row(f"J-{i}", documento=str(600 + i)) for i in range(6)]
    rows[1][2] = '"Ana'
    rows[3][2] = 'Luz"'
    path = tmp_path / "unidas.csv"
    path.write_bytes(csv_bytes(rows))
    report = import_cases(admin, path)
    assert report.imported == 3 and accounted(report) == {3, 4, 5}
    assert "Filas 3 a 5" in str(report.rejected[0])


def test_every_row_is_imported_flagged_or_refused(admin, tmp_path):
    rows = [row(f"A-{i}", documento=str(700 + i)) for i in range(8)]
    rows[2][8] = "quizás"
    rows[5][0] = "A-1"  # repeated
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes(rows) + b"\r\n\r\n")
    report = import_cases(admin, path)
    assert report.imported + len(report.rejected) == report.rows_read == report.rows_in_file == 8
    assert {p.row for p in report.rejected} == {4, 7}


# --- encodings ------------------------------------------------------------------------------------


def test_a_utf8_file_with_one_cp1252_row_refuses_that_row_only(admin, tmp_path):
    good = csv_bytes([row("E-1", nombre="José Ñáñez", documento="801"), row("E-2", nombre="Íngrid", documento="802")])
    bad = (";".join(row("E-3", nombre="María Peña", documento="803")) + "\r\n").encode("cp1252")
    path = tmp_path / "mixto.csv"
    path.write_bytes(good + bad)
    report = import_cases(admin, path)
    assert report.imported == 2
    (problem,) = report.rejected
    assert problem.row == 4 and "UTF-8" in problem.reason
    assert case_detail(admin, only(admin, "E-1").id).beneficiary_name == "José Ñáñez"  # not «JosÃ©»


def test_a_cp1252_file_with_one_utf8_row_refuses_that_row_only(admin, tmp_path):
    good = csv_bytes([row("W-1", nombre="José Ñáñez", documento="811"), row("W-2", nombre="Íngrid", documento="812")],
                     encoding="cp1252")
    pasted = (";".join(row("W-3", nombre="María Peña", documento="813")) + "\r\n").encode("utf-8")
    path = tmp_path / "mixto.csv"
    path.write_bytes(good + pasted)
    report = import_cases(admin, path)
    assert report.imported == 2 and [p.row for p in report.rejected] == [4]
    assert case_detail(admin, only(admin, "W-2").id).beneficiary_name == "Íngrid"


# --- Excel cells as Excel shows them ---------------------------------------------------------------


def _sheet(tmp_path: Path, rows, fmt=None, name="casos.xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    if fmt:
        fmt(ws)
    wb.save(tmp_path / name)
    return tmp_path / name


def test_percent_formatted_cells_are_read_as_percentages(admin, tmp_path):
    def percent(ws):
        for cell in ws["K"][1:]:
            cell.number_format = "0.0%"

    path = _sheet(tmp_path, [row("P-1", documento="901", puntaje=0.555), row("P-2", documento="902", puntaje=0.8)],
                  percent)
    assert import_cases(admin, path).imported == 2
    assert only(admin, "P-1").matrix_pct == 55.5 and only(admin, "P-2").matrix_pct == 80


def test_a_date_where_a_number_or_text_is_expected_is_refused(admin, tmp_path):
    path = _sheet(tmp_path, [row("D-1", documento=datetime(2024, 5, 6)), row("D-2", documento="912")])
    report = import_cases(admin, path)
    assert report.imported == 1
    (problem,) = report.rejected
    assert problem.row == 2 and "documento" in problem.reason and "fecha" in problem.reason
    assert "2024-05-06T00:00:00" not in str(problem)
    csv_path = tmp_path / "fechas.csv"
    csv_path.write_bytes(csv_bytes([row("D-3", documento="06/05/2024"), row("D-4", documento="2024-05-06")]))
    report = import_cases(admin, csv_path)
    assert report.imported == 0 and all("fecha" in p.reason for p in report.rejected)


def _with_formula(path: Path, cell: str, formula: str, cached: str | None) -> Path:
    """The workbook with ``cell`` holding ``formula`` and, if given, a cached value."""
    src = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                start = content.index(f'<c r="{cell}"'.encode())
                end = content.index(b"</c>", start) + 4
                value = f"<v>{cached}</v>" if cached is not None else ""
                content = content[:start] + f'<c r="{cell}"><f>{formula}</f>{value}</c>'.encode() + content[end:]
            z.writestr(item, content)
    path.write_bytes(out.getvalue())
    return path


def test_a_formula_without_a_cached_value_is_refused_and_says_how_to_fix_it(admin, tmp_path):
    path = _sheet(tmp_path, [row("F-1", documento="921"), row("F-2", documento="922")])
    _with_formula(path, "K2", "50+5", None)
    _with_formula(path, "K3", "60+5", "65")
    report = import_cases(admin, path)
    assert report.imported == 1 and only(admin, "F-2").matrix_pct == 65
    (problem,) = report.rejected
    assert problem.row == 2 and "fórmula" in problem.reason and "Excel" in problem.reason
    assert "guárdelo" in problem.reason


def test_the_sheet_with_the_headers_is_read_and_named(admin, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Resumen"
    wb.active.append(["Informe de casos del mes"])
    data = wb.create_sheet("Casos nuevos")
    data.append(HEADER)
    data.append(row("S-1", documento="931"))
    wb.save(tmp_path / "dos.xlsx")
    report = import_cases(admin, tmp_path / "dos.xlsx")
    assert report.imported == 1 and report.sheet == "Casos nuevos"
    assert "hoja «Casos nuevos»" in report.summary()

    wb = openpyxl.Workbook()
    wb.active.title = "Resumen"
    wb.active.append(["radicado", "nombre"])
    wb.create_sheet("Notas").append(["nada"])
    wb.save(tmp_path / "sin.xlsx")
    with pytest.raises(Exception, match=r"hoja «Resumen»") as err:
        import_cases(admin, tmp_path / "sin.xlsx")
    assert "Notas" in str(err.value) and "faltan las columnas" in str(err.value)


# --- identifiers, lengths, what messages show -------------------------------------------------------


def test_an_invisible_character_does_not_make_a_second_case(admin, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes([row("Z-1", documento="941", nombre="Jose\u0301 Pe\u0301rez")]))
    assert import_cases(admin, path).imported == 1
    assert case_detail(admin, only(admin, "Z-1").id).beneficiary_name == "José Pérez"  # NFC
    again = tmp_path / "b.csv"
    again.write_bytes(csv_bytes([row("Z\u200b-1", documento="942"), row("Z-2\ufeff", documento="9\u200b43"),
                                 row("Z-\u200d2", documento="944")]))
    report = import_cases(admin, again)
    assert report.imported == 1 and only(admin, "Z-2").radicado == "Z-2"
    reasons = {p.row: p.reason for p in report.rejected}
    assert "ya existe" in reasons[2] and "repetido" in reasons[4]
    assert len(find_cases(admin, "943")) == 1
    with admin.db.Session() as s:
        assert s.scalar(select(func.count(Case.id)).where(Case.radicado.like("%\u200b%"))) == 0


def test_control_characters_are_refused_and_never_echoed(admin, tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([row("C-1", documento="951", nombre="Ana\x1b[31m Pérez"),
                                row("C-2", documento="952", tipo="\x1b[2J\x1b[Hindividual"),
                                row("C-3", documento="953", nombre="Nul\x00o")]))
    report = import_cases(admin, path)
    assert report.imported == 0 and [p.row for p in report.rejected] == [2, 3, 4]
    text = report.summary() + "".join(map(str, report.rejected))
    assert not any(ch in text for ch in "\x1b\x00")
    assert "caracteres de control" in report.rejected[0].reason


def test_long_values_are_refused_and_cut_in_messages(admin, tmp_path):
    path = tmp_path / "largo.csv"
    path.write_bytes(csv_bytes([row("L-1", documento="961", nombre="A" * 201),
                                row("L-2", documento="9" * 31),
                                row("L-3", documento="963", tipo="x" * 100_000),
                                row("L-4", documento="964", nombre="Ana " * 30_000)]))
    report = import_cases(admin, path)
    assert report.imported == 0 and len(report.rejected) == 4
    reasons = [p.reason for p in report.rejected]
    assert "nombre tiene más de 200 caracteres" in reasons[0]
    assert "documento tiene más de 30 caracteres" in reasons[1]
    assert all(len(str(p)) < 400 for p in report.rejected)


# --- one transaction ------------------------------------------------------------------------------


def _many(tmp_path: Path, n: int, prefix: str = "T", name: str = "muchos.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes([row(f"{prefix}-{i:05d}", documento=str(3_000_000 + i)) for i in range(n)]))
    return path


def test_an_import_is_one_transaction_and_a_cancel_keeps_nothing(admin, tmp_path):
    path = _many(tmp_path, 30)
    report = import_cases(admin, path, batch_size=7, cancel=lambda: True)
    assert report.cancelled and report.imported == 0 and not report.case_ids
    assert "no se importó ningún caso" in report.summary()
    assert case_count(admin.db) == 0

    def fail(done, total):
        if done >= 21:
            raise StorageError("Se perdió la conexión con la base de datos; no se guardó.")

    with pytest.raises(StorageError):
        import_cases(admin, path, batch_size=7, progress=fail)
    assert case_count(admin.db) == 0
    report = import_cases(admin, path, batch_size=7)
    assert report.imported == 30 and case_count(admin.db) == 30
    with admin.db.Session() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "casos_importados")))
        assert len(entries) == 1 and '"casos": 30' in entries[0].details
        assert audit.verify(s, admin.db.vault).ok


def _pause_at(point: str, reached: threading.Event, go_on: threading.Event, monkeypatch) -> None:
    real = faults.point

    def paused(name: str) -> None:
        if name == point and not reached.is_set():
            reached.set()
            assert go_on.wait(60)
        real(name)

    monkeypatch.setattr(faults, "point", paused)


def test_a_backup_during_an_import_waits_and_both_are_true(admin, db_url, tmp_path, monkeypatch, engine):
    if engine != "sqlite":
        pytest.skip("las copias desde comite son de SQLite")
    path = _many(tmp_path, 20)
    other = open_database(db_url)
    ctx = login_ctx(other, ADMIN, ADMIN_PASSWORD)  # a second desktop, logged in before the import
    reached, go_on = threading.Event(), threading.Event()
    _pause_at("import:batch", reached, go_on, monkeypatch)
    result: dict[str, object] = {}
    importer = threading.Thread(target=lambda: result.update(imp=import_cases(admin, path, batch_size=5)))
    importer.start()
    assert reached.wait(60)  # the import holds its transaction open
    try:
        with pytest.raises(StorageError, match="No se hizo la copia"):  # a backup that cannot wait says so
            create_backup(ctx, tmp_path / "apurada.cbk", wait=0.2)
        assert not (tmp_path / "apurada.cbk").exists()
        backup = threading.Thread(target=lambda: result.update(bk=create_backup(ctx, tmp_path / "copia.cbk")))
        backup.start()
        go_on.set()
        importer.join(60)
        backup.join(60)
    finally:
        go_on.set()
        other.dispose()
    assert result["imp"].imported == 20 and result["bk"].path.exists()
    with admin.db.Session() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        assert actions[-2:] == ["casos_importados", "copia_seguridad"]  # the backup waited for the import
        assert actions.count("copia_seguridad") == 1
        assert audit.verify(s, admin.db.vault).ok


def test_two_imports_at_once_report_what_they_committed(admin, db_url, tmp_path):
    """The same cases from two desktops at once, in opposite orders and small batches."""
    first = _many(tmp_path, 120, "U", "uno.csv")
    second = tmp_path / "dos.csv"
    second.write_bytes(csv_bytes([row(f"U-{i:05d}", documento=str(3_000_000 + i)) for i in reversed(range(120))]))
    other = open_database(db_url)
    results: dict[str, object] = {}
    try:
        ctx = login_ctx(other, ADMIN, ADMIN_PASSWORD)
        barrier = threading.Barrier(2)

        def run(key, who, path):
            barrier.wait()
            try:
                results[key] = import_cases(who, path, batch_size=7)
            except Exception as exc:  # noqa: BLE001 - reported below
                results[key] = exc

        threads = [threading.Thread(target=run, args=("a", admin, first)),
                   threading.Thread(target=run, args=("b", ctx, second))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        other.dispose()
    assert not [r for r in results.values() if isinstance(r, Exception)], results  # they wait, never fail
    reports = list(results.values())
    assert sum(r.imported for r in reports) == case_count(admin.db) == 120  # exactly what each says
    assert sorted(r.imported for r in reports) == [0, 120]  # serialised: one whole file, then the other
    assert len(next(r for r in reports if r.imported == 0).rejected) == 120


def test_columns_stay_the_documented_ones():
    assert COLUMNS == ("radicado", "tipo", "nombre", "documento", "poblacion", "departamento", "municipio",
                       "ruta", "desplazado", "analista", "puntaje_matriz", "nivel_propuesto")
    assert write_xlsx  # shared builder
