"""Bulk import of cases from CSV and XLSX (services.importer)."""

from __future__ import annotations

import io
import os
import sqlite3
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from comite.domain import CaseKind, RiskLevel, Role, Route
from comite.errors import PermissionDenied, ValidationError
from comite.model import AuditEntry, Case
from comite.services import audit, cases
from comite.services.cases import CaseInput, case_detail, create_case, find_cases
from comite.services.context import ServiceContext
from comite.services.importer import COLUMNS, ImportReport, RowProblem, import_cases
from tests.conftest import make_user

HEADER = list(COLUMNS)


def row(radicado, *, tipo="individual", nombre="Ana Pérez", documento="1023456789", poblacion="9",
        departamento="Antioquia", municipio="Medellín", ruta="ordinaria", desplazado="no",
        analista="Analista Uno", puntaje="55", nivel=""):
    return [radicado, tipo, nombre, documento, poblacion, departamento, municipio, ruta, desplazado,
            analista, puntaje, nivel]


def write_csv(path: Path, rows, *, header=HEADER, delimiter=";", encoding="cp1252", bom=False) -> Path:
    lines = [delimiter.join(header)] + [delimiter.join(str(c) for c in r) for r in rows]
    text = "\r\n".join(lines) + "\r\n"
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def write_xlsx(path: Path, rows, *, header=HEADER) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Casos"
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def case_count(db) -> int:
    with db.Session() as s:
        return s.scalar(select(func.count(Case.id)))


def only(ctx, query):
    found = find_cases(ctx, query)
    assert len(found) == 1, found
    return found[0]


# --- good files --------------------------------------------------------------------------------


def test_csv_semicolon_cp1252_imports_and_round_trips(admin, tmp_path):
    path = write_csv(tmp_path / "casos.csv", [
        row("EXT26-0001", nombre="José Ñúñez Ospina", documento="1.023.456.789", poblacion="Víctimas",
            desplazado="sí", ruta="Revaluación", puntaje="62,5", nivel="Extraordinario"),
        row("EXT26-0002", nombre="María Fernanda Muñoz", documento="52.111.222", poblacion="ddhh_sociales",
            desplazado="S", ruta="hechos sobrevinientes", puntaje="81.25", nivel="extremo"),
        row("EXT26-0003", tipo="Colectivo", nombre="Consejo Comunitario del Río Atrato", documento="",
            poblacion="5", desplazado="1", municipio="Quibdó", departamento="Chocó", puntaje=""),
    ], encoding="cp1252")
    report = import_cases(admin, path)
    assert report.imported == 3, report.rejected
    assert report.rejected == []
    assert len(report.case_ids) == 3
    assert report.summary() == "Importación terminada: 3 casos importados."

    first = only(admin, "ext26-0001")
    assert first.matrix_pct == 62.5
    assert first.population_code == "victimas"
    assert first.route is Route.REVALUACION
    assert first.displaced is True
    assert first.proposed_level is RiskLevel.EXTRAORDINARIO
    assert only(admin, "1023456789").radicado == "EXT26-0001"  # by document, dots ignored
    detail = case_detail(admin, first.id)
    assert detail.beneficiary_name == "José Ñúñez Ospina"
    assert detail.department == "Antioquia" and detail.municipality == "Medellín"

    second = case_detail(admin, only(admin, "52111222").id)
    assert second.beneficiary_name == "María Fernanda Muñoz"
    assert second.route is Route.HECHOS_SOBREVINIENTES and second.matrix_pct == 81.25

    collective = case_detail(admin, only(admin, "EXT26-0003").id)
    assert collective.kind is CaseKind.COLECTIVO
    assert collective.document_number is None
    assert collective.municipality == "Quibdó"
    assert collective.population_code == "etnicos"


def test_csv_utf8_bom_with_commas(admin, tmp_path):
    path = write_csv(tmp_path / "casos.csv", [
        row("R-1", nombre="Ñandú Güiza Álvarez", documento="900123", poblacion="Periodistas y comunicadores sociales"),
        row("R-2", nombre="Óscar Ibáñez", documento="900124", poblacion="8", desplazado="true"),
    ], delimiter=",", encoding="utf-8", bom=True)
    report = import_cases(admin, path)
    assert report.imported == 2, report.rejected
    detail = case_detail(admin, only(admin, "R-1").id)
    assert detail.beneficiary_name == "Ñandú Güiza Álvarez"
    assert detail.population_code == "periodistas"
    assert only(admin, "900124").displaced is True


def test_csv_headers_are_matched_loosely_and_extra_columns_ignored(admin, tmp_path):
    header = ["  Radicado ", "TIPO", "Nombre", "Documento", "Población", "Departamento", "Municipio",
              "Ruta", "Desplazado", "Analista", "Puntaje matriz", "Observaciones"]
    rows = [["R-9", "individual", "Ana Ruiz", "77", "1", "Cauca", "Popayán", "", "", "", "50", "x"]]
    path = write_csv(tmp_path / "casos.csv", rows, header=header, delimiter=";", encoding="utf-8")
    report = import_cases(admin, path)
    assert report.imported == 1, report.rejected
    found = only(admin, "R-9")
    assert found.route is Route.ORDINARIA and found.displaced is False and found.proposed_level is None


def test_excel_sep_line_is_not_a_row(admin, tmp_path):
    path = tmp_path / "casos.csv"
    body = "sep=;\r\n" + ";".join(HEADER) + "\r\n" + ";".join(row("R-1", tipo="bogus")) + "\r\n"
    path.write_text(body, encoding="utf-8")
    report = import_cases(admin, path)
    assert report.rejected[0].row == 2


def test_xlsx_with_native_cell_types(admin, tmp_path):
    path = write_xlsx(tmp_path / "casos.xlsx", [
        ["X-1", "individual", "Luz Dary Peñaloza", 1098765432, 9, "Nariño", "Tumaco", "emergencia", True,
         "Analista Dos", 62.5, "extraordinario"],
        [None] * 12,  # a blank row keeps its number
        ["X-2", "individual", "Sebastián Cañón", "1.234.567", "docentes", "Boyacá", "Tunja", "ordinaria", "no",
         None, 30, None],
    ])
    report = import_cases(admin, path)
    assert report.imported == 2, report.rejected
    assert report.rows_read == 2
    first = only(admin, "1098765432")
    assert first.radicado == "X-1" and first.matrix_pct == 62.5 and first.displaced is True
    assert first.route is Route.EMERGENCIA and first.population_code == "victimas"
    assert case_detail(admin, first.id).beneficiary_name == "Luz Dary Peñaloza"
    assert case_detail(admin, only(admin, "X-2").id).beneficiary_name == "Sebastián Cañón"


def test_xlsx_row_numbers_follow_the_sheet(admin, tmp_path):
    path = write_xlsx(tmp_path / "casos.xlsx", [
        row("X-1"),
        [None] * 12,
        row("X-2", documento="555", puntaje="abc"),
    ])
    report = import_cases(admin, path)
    assert [(p.row, p.radicado) for p in report.rejected] == [(4, "X-2")]


# --- bad rows ----------------------------------------------------------------------------------


def test_each_bad_row_is_reported_with_its_row_number(admin, tmp_path):
    create_case(admin, CaseInput(radicado="EXISTE-1", kind=CaseKind.INDIVIDUAL, beneficiary_name="Ya Está",
                                 document_number="31000000"))
    rows = [
        row("OK-1", documento="100"),                                 # 2 ok
        row("", documento="101"),                                     # 3 no radicado
        row("B-4", tipo="grupal", documento="102"),                   # 4 tipo
        row("B-5", documento=""),                                     # 5 no document (individual)
        row("B-6", documento="104", poblacion="99"),                  # 6 population
        row("B-7", documento="105", puntaje="120"),                   # 7 range
        row("B-8", documento="106", puntaje="mucho"),                 # 8 not a number
        row("B-9", documento="107", desplazado="quizás"),             # 9 displaced
        row("B-10", documento="108", ruta="express"),                 # 10 route
        row("B-11", documento="109", nivel="altísimo"),               # 11 level
        row("OK-1", documento="110"),                                 # 12 duplicate radicado in file
        row("EXISTE-1", documento="111"),                             # 13 already in the database
        row("B-14", documento="1.00"),                                # 14 same document as row 2 (100)
        row("OK-15", documento="31.000.000"),                         # 15 document already in DB: allowed
        row("B-16", nombre="   ", documento="113"),                   # 16 no name
        ["", "", "", "", "", "", "", "", "", "", "", ""],             # 17 blank: skipped silently
        row("OK-18", documento="114", tipo="colectivo", nombre="Junta de Acción Comunal"),  # 18 ok
    ]
    report = import_cases(admin, write_csv(tmp_path / "casos.csv", rows, encoding="utf-8"))
    reasons = {p.row: p.reason for p in report.rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16]
    assert "falta el radicado" in reasons[3]
    assert "tipo «grupal» desconocido" in reasons[4]
    assert "falta el número de documento" in reasons[5]
    assert "población desconocida «99»" in reasons[6]
    assert "entre 0 y 100" in reasons[7]
    assert "«mucho» no es un número" in reasons[8]
    assert "desplazado «quizás»" in reasons[9]
    assert "ruta «express»" in reasons[10]
    assert "nivel propuesto «altísimo»" in reasons[11]
    assert "radicado repetido en el archivo (ya está en la fila 2)" in reasons[12]
    assert "ya existe un caso con ese radicado" in reasons[13]
    assert "documento repetido en el archivo (ya está en la fila 2)" in reasons[14]
    assert "falta el nombre" in reasons[16]
    assert report.rejected[0] == RowProblem(3, "", reasons[3])
    assert str(report.rejected[1]).startswith("Fila 4 (B-4): tipo")
    assert report.imported == 3
    assert {c.radicado for c in find_cases(admin, "31000000")} == {"EXISTE-1", "OK-15"}
    assert "3 casos importados" in report.summary() and "13 filas rechazadas" in report.summary()
    assert case_count(admin.db) == 4


# --- files that import nothing -----------------------------------------------------------------


def test_missing_column_imports_nothing(admin, tmp_path):
    header = [c for c in HEADER if c not in ("documento", "ruta")]
    rows = [[c for i, c in enumerate(row("R-1")) if HEADER[i] in header]]
    with pytest.raises(ValidationError) as err:
        import_cases(admin, write_csv(tmp_path / "casos.csv", rows, header=header))
    assert "faltan las columnas documento, ruta" in str(err.value)
    assert case_count(admin.db) == 0


def test_nivel_propuesto_column_is_optional(admin, tmp_path):
    header = HEADER[:-1]
    report = import_cases(admin, write_csv(tmp_path / "c.csv", [row("R-1")[:-1]], header=header))
    assert report.imported == 1


def test_corrupt_xlsx_imports_nothing(admin, tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [row(f"R-{i}", documento=str(i)) for i in range(50)])
    data = bytearray(good.read_bytes())
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data[: len(data) // 2]))  # truncated download
    with pytest.raises(ValidationError, match="dañado"):
        import_cases(admin, bad)
    flipped = bytearray(data)
    middle = len(flipped) // 3
    flipped[middle : middle + 40] = bytes(40)  # bytes damaged inside a member: CRC fails
    bad.write_bytes(bytes(flipped))
    with pytest.raises(ValidationError, match="dañado"):
        import_cases(admin, bad)
    (tmp_path / "junk.xlsx").write_bytes(os.urandom(2048))
    with pytest.raises(ValidationError, match="dañado"):
        import_cases(admin, tmp_path / "junk.xlsx")
    assert case_count(admin.db) == 0


def test_xlsx_that_breaks_mid_way_is_undone(admin, tmp_path):
    """A well-zipped workbook whose sheet XML is cut: batches already written are removed."""
    good = write_xlsx(tmp_path / "good.xlsx", [row(f"R-{i}", documento=str(1000 + i)) for i in range(40)])
    src = zipfile.ZipFile(good)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                cut = content.index(b'<row r="30"')
                content = content[:cut] + b"<row r=\"30\"><c r=\"A30\" t=\"inlineStr\"><is><t>R-"
            z.writestr(item, content)
    bad = tmp_path / "cut.xlsx"
    bad.write_bytes(out.getvalue())
    with pytest.raises(ValidationError, match="se deshizo"):
        import_cases(admin, bad, batch_size=5)
    assert case_count(admin.db) == 0
    with admin.db.Session() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "importacion_revertida")) == 1
        assert audit.verify(s, admin.db.vault).ok


@pytest.mark.parametrize("content", [b"", b"\r\n \r\n", b"  "])
def test_empty_file_imports_nothing(admin, tmp_path, content):
    path = tmp_path / "vacio.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match="vacío"):
        import_cases(admin, path)


def test_header_only_file(admin, tmp_path):
    with pytest.raises(ValidationError, match="solo tiene el encabezado"):
        import_cases(admin, write_csv(tmp_path / "c.csv", []))


def test_unreadable_files_import_nothing(admin, tmp_path):
    with pytest.raises(ValidationError, match="No se encontró"):
        import_cases(admin, tmp_path / "no-existe.csv")
    pdf = tmp_path / "casos.pdf"
    pdf.write_bytes(b"%PDF-1.4 whatever")
    with pytest.raises(ValidationError, match="no es un archivo CSV"):
        import_cases(admin, pdf)
    old = tmp_path / "casos.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(ValidationError, match=r"\.xls"):
        import_cases(admin, old)
    utf16 = tmp_path / "utf16.csv"  # UTF-16 without BOM: NULs everywhere
    utf16.write_bytes(";".join(HEADER).encode("utf-16-le"))
    with pytest.raises(ValidationError, match="binarios"):
        import_cases(admin, utf16)
    broken_bom = tmp_path / "bom.csv"  # declares UTF-8 but is not
    broken_bom.write_bytes(b"\xef\xbb\xbf" + ";".join(HEADER).encode() + b"\r\nR-1;individual;Jos\xe9\r\n")
    with pytest.raises(ValidationError, match="codificación"):
        import_cases(admin, broken_bom)
    assert case_count(admin.db) == 0


def test_utf16_with_bom_is_read(admin, tmp_path):
    path = tmp_path / "casos.csv"
    text = ";".join(HEADER) + "\r\n" + ";".join(row("U-1", nombre="Íngrid Bohórquez")) + "\r\n"
    path.write_bytes(text.encode("utf-16"))
    assert import_cases(admin, path).imported == 1
    assert case_detail(admin, only(admin, "U-1").id).beneficiary_name == "Íngrid Bohórquez"


# --- batches, progress, cancel, audit, permission ----------------------------------------------


def test_batches_progress_cancel_and_audit(admin, tmp_path):
    rows = [row(f"R-{i}", nombre=f"Persona Número {i}", documento=str(70000 + i)) for i in range(10)]
    path = write_csv(tmp_path / "casos.csv", rows)
    seen = []
    report = import_cases(admin, path, batch_size=3, progress=lambda done, total: seen.append((done, total)),
                          cancel=lambda: len(seen) >= 2)
    assert report.cancelled and report.imported == 6
    assert seen == [(3, 10), (6, 10)]
    assert "cancelada" in report.summary() and "6 casos importados" in report.summary()
    assert case_count(admin.db) == 6

    with admin.db.Session() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "casos_importados")))
        assert len(entries) == 2
        for entry in entries:
            assert "Persona" not in entry.details and "7000" not in entry.details
            assert '"casos": 3' in entry.details
        assert audit.verify(s, admin.db.vault).ok

    # the rest of the file imports later; the first six are now duplicates in the database
    again = import_cases(admin, path, batch_size=3)
    assert again.imported == 4 and len(again.rejected) == 6
    assert all("ya existe" in p.reason for p in again.rejected)


@pytest.mark.sqlite_only
def test_names_are_encrypted_at_rest(admin, tmp_path, db_url):
    import_cases(admin, write_csv(tmp_path / "c.csv", [row("R-1", nombre="Zoraida Quintero", documento="4455667788")],
                                  encoding="utf-8"))
    raw = sqlite3.connect(db_url)
    try:
        name, doc = raw.execute("SELECT beneficiary_name, document_number FROM case_file").fetchone()
    finally:
        raw.close()
    assert b"Zoraida" not in bytes(name) and b"4455667788" not in bytes(doc)


def test_revisor_may_not_import(admin, database, tmp_path):
    from comite.services import accounts

    password = make_user(admin, "rev", Role.REVISOR)
    ctx = ServiceContext(database, accounts.login(database, "rev", password).actor)
    with pytest.raises(PermissionDenied):
        import_cases(ctx, write_csv(tmp_path / "c.csv", [row("R-1")]))


def test_report_defaults():
    assert ImportReport().summary() == "Importación terminada: 0 casos importados."


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("COMITE_SLOW"), reason="set COMITE_SLOW=1 for large-scale checks")
def test_twenty_thousand_rows(admin, tmp_path):
    rows = [row(f"G-{i:06d}", nombre=f"Persona {i}", documento=str(10_000_000 + i), puntaje=f"{i % 100},5")
            for i in range(20_000)]
    path = write_csv(tmp_path / "big.csv", rows, encoding="utf-8")
    started = time.perf_counter()
    report = import_cases(admin, path)
    elapsed = time.perf_counter() - started
    assert report.imported == 20_000 and not report.rejected
    assert elapsed < 120
    assert only(admin, "G-019999").matrix_pct == 99.5
    assert len(cases.find_cases(admin, str(10_000_000 + 123))) == 1


def test_bulk_values_match_new_case(admin):
    """The importer's bulk dicts must stay what cases.new_case would store."""
    from dataclasses import fields as dc_fields

    from comite.services.importer import case_values

    inp = CaseInput(radicado=" ext-9 ", kind=CaseKind.INDIVIDUAL, beneficiary_name="Ana", document_number="1.234",
                    population_code="victimas", route=Route.EMERGENCIA, proposed_level=RiskLevel.EXTREMO,
                    matrix_pct=80.5, displaced=True, is_woman=True, differential=("mujer", "etnico"))
    case = cases.new_case(admin, inp)
    values = case_values(inp, admin.db.vault.blind_index("1.234", "document"))
    columns = {f.name for f in dc_fields(CaseInput)} | {"document_bidx"}
    assert set(values) == columns
    assert {k: getattr(case, k) for k in columns} == values


def test_departments_are_recognised_and_rows_worth_a_second_look_are_flagged(admin, tmp_path):
    first = import_cases(admin, write_csv(tmp_path / "a.csv", [row("DEP-1", documento="9988776655")]))
    assert first.imported == 1 and first.warnings == []
    report = import_cases(admin, write_csv(tmp_path / "b.csv", [
        row("DEP-2", departamento="BOGOTA D.C.", municipio="Bogotá", documento="111"),
        row("DEP-3", departamento="Narnia", documento="222"),
        row("DEP-4", documento="9.988.776.655"),            # the person of DEP-1, a new request
        row("DEP-5", documento="333", puntaje="10", nivel="extremo"),
        row("DEP-6", documento="444", puntaje="85", nivel="extremo"),  # consistent: nothing to say
    ]))
    assert report.imported == 4
    assert [(p.row, p.radicado) for p in report.rejected] == [(3, "DEP-3")]
    assert "departamento «Narnia» desconocido" in str(report.rejected[0])
    assert [(w.row, w.radicado) for w in report.warnings] == [(4, "DEP-4"), (5, "DEP-5")]
    assert "ya figura en el caso DEP-1" in str(report.warnings[0])
    assert "no corresponde al puntaje de la matriz (10 %: ordinario)" in str(report.warnings[1])
    assert "2 filas para revisar" in report.summary()
    with admin.reading() as s:
        stored = s.scalar(select(Case.department).where(Case.radicado == "DEP-2"))
    assert stored == "Bogotá, D.C."  # kept under its official name
