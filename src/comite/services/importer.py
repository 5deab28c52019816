"""Bulk import of cases from a spreadsheet (CSV or XLSX).

The secretariats receive lists of cases as Excel workbooks or as CSV exports
(Colombian Excel writes ``;``-separated files in Windows-1252). The first
non-empty row is the header, with these Spanish column names (matched without
regard to case, accents, surrounding spaces, or spaces/hyphens instead of
underscores; other columns are ignored)::

    radicado, tipo, nombre, documento, poblacion, departamento, municipio,
    ruta, desplazado, analista, puntaje_matriz, nivel_propuesto

Every column is required except ``nivel_propuesto``; a cell may be empty where
the value is optional. Rows are numbered as the spreadsheet shows them (the
header is row 1). A row with a problem is reported and skipped; good rows are
imported in batches (one transaction and one audit entry per batch). A file
that cannot be read imports nothing and raises :class:`ValidationError`.

The import streams: rows are read, checked and written one batch at a time, so
a file of hundreds of thousands of rows never sits in memory as ORM objects.
Reserved values (name, document number) are encrypted by their column type and
never written to the audit trail in clear.
"""

from __future__ import annotations

import codecs
import csv
import math
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select

from comite.catalog.loader import load_installed_catalog
from comite.domain import AuditAction, AuditEntity, CaseKind, CaseStatus, LabeledEnum, RiskLevel, Route
from comite.errors import LockedError, ValidationError
from comite.model import Case, Population
from comite.rules._common import format_number
from comite.rules.risk import level_for_percentage
from comite.rules.territory import canonical_department
from comite.services import audit
from comite.services.cases import CaseInput, validate_case_input
from comite.services.catalog import risk_bands
from comite.services.context import ServiceContext
from comite.services.permissions import Action, require
from comite.text import fold, normalize_document, normalize_radicado

COLUMNS: tuple[str, ...] = (
    "radicado",
    "tipo",
    "nombre",
    "documento",
    "poblacion",
    "departamento",
    "municipio",
    "ruta",
    "desplazado",
    "analista",
    "puntaje_matriz",
    "nivel_propuesto",
)
OPTIONAL_COLUMNS = frozenset({"nivel_propuesto"})
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c for c in COLUMNS if c not in OPTIONAL_COLUMNS)
BATCH_SIZE = 2000

_CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_DELIMITERS = (";", ",", "\t")
_CHUNK = 1 << 20
_MAX_LENGTH = {"departamento": 80, "municipio": 120, "analista": 160}
_TRUE = frozenset({"si", "s", "true", "verdadero", "1", "x"})
_FALSE = frozenset({"no", "n", "false", "falso", "0", ""})

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class RowProblem:
    """A row that was not imported: its number as the spreadsheet shows it."""

    row: int
    radicado: str
    reason: str

    def __str__(self) -> str:
        case = f" ({self.radicado})" if self.radicado else ""
        return f"Fila {self.row}{case}: {self.reason}."


@dataclass
class ImportReport:
    imported: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    case_ids: list[int] = field(default_factory=list)
    rows_read: int = 0
    """Data rows read from the file (blank rows are not counted)."""
    cancelled: bool = False
    """The user cancelled: what was committed before stays, the rest was not read."""
    warnings: list[RowProblem] = field(default_factory=list)
    """Imported rows worth a second look (a proposed level the matrix score does not
    support, a document number another case already has)."""

    def summary(self) -> str:
        """One Spanish sentence for the user."""
        imported = _count(self.imported, "caso importado", "casos importados")
        rejected = _count(len(self.rejected), "fila rechazada", "filas rechazadas")
        if self.cancelled:
            return (
                f"Importación cancelada después de leer {_count(self.rows_read, 'fila', 'filas')}: "
                f"{imported} (quedan registrados) y {rejected}; el resto del archivo no se importó."
            )
        notes = (f"; {_count(len(self.warnings), 'fila para revisar', 'filas para revisar')}"
                 if self.warnings else "")
        if not self.rejected:
            return f"Importación terminada: {imported}{notes}."
        return f"Importación terminada: {imported} y {rejected}{notes} (vea el detalle de cada fila)."


def _count(n: int, singular: str, plural: str) -> str:
    number = f"{n:,}".replace(",", ".")
    return f"{number} {singular if n == 1 else plural}"


class _ReadError(Exception):
    """The file stopped being readable in the middle of the import."""


# --- reading the file -------------------------------------------------------------------------


@dataclass
class _Source:
    header: list[str]
    header_row: int
    rows: Iterator[tuple[int, list[Any]]]  # (row number, cells), after the header
    total: int  # estimate of the data rows (0: unknown)
    close: Callable[[], None] = lambda: None


def _column_key(text: Any) -> str:
    key = fold(_cell_text(text))
    for ch in (" ", "-", "."):
        key = key.replace(ch, "_")
    while "__" in key:
        key = key.replace("__", "_")
    return key.strip("_")


def _blank(cells: list[Any]) -> bool:
    return all(_cell_text(c) == "" for c in cells)


def _open_source(path: Path) -> _Source:
    if not path.exists():
        raise ValidationError(f"No se encontró el archivo «{path.name}».")
    if not path.is_file():
        raise ValidationError(f"«{path.name}» no es un archivo.")
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise ValidationError(f"No se pudo leer el archivo «{path.name}»: {exc.strerror or exc}.") from exc
    if not head:
        raise ValidationError(f"El archivo «{path.name}» está vacío.")
    suffix = path.suffix.lower()
    if suffix == ".xls" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            f"«{path.name}» está en el formato antiguo de Excel (.xls). Ábralo en Excel y guárdelo "
            "como «Libro de Excel (.xlsx)» o como «CSV (delimitado por comas)»."
        )
    if suffix in _XLSX_SUFFIXES or (suffix not in _CSV_SUFFIXES and head.startswith(b"PK\x03\x04")):
        return _open_xlsx(path)
    if suffix in _CSV_SUFFIXES:
        return _open_csv(path)
    raise ValidationError(
        f"«{path.name}» no es un archivo CSV ni un libro de Excel (.xlsx): no se importó nada."
    )


def _detect_encoding(path: Path) -> tuple[str, int]:
    """The encoding that decodes the whole file, and its number of lines.

    UTF-8 (with or without BOM) first, then Windows-1252, then Latin-1. A file
    with NUL characters is not a text file (a binary, or UTF-16 without BOM).
    """
    with path.open("rb") as f:
        head = f.read(4)
    if head.startswith(codecs.BOM_UTF8):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "cp1252", "latin-1")
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        lines = 0
        content = False
        try:
            with path.open("rb") as f:
                while chunk := f.read(_CHUNK):
                    text = decoder.decode(chunk)
                    if "\x00" in text:
                        raise ValidationError(
                            f"«{path.name}» no es un archivo de texto CSV (contiene datos binarios); "
                            "no se importó nada."
                        )
                    lines += text.count("\n")
                    content = content or bool(text.strip())
                tail = decoder.decode(b"", final=True)
                content = content or bool(tail.strip())
        except UnicodeDecodeError:
            continue
        if not content:
            raise ValidationError(f"El archivo «{path.name}» está vacío.")
        return encoding, lines
    raise ValidationError(
        f"No se pudo leer «{path.name}»: su codificación de caracteres no es válida "
        f"({'UTF-8' if candidates[0] == 'utf-8-sig' else 'UTF-16'} dañado). Guárdelo de nuevo como "
        "«CSV UTF-8» y vuelva a intentarlo; no se importó nada."
    )


def _pick_delimiter(line: str) -> str:
    """The delimiter that splits the header into the most known column names."""
    known = set(COLUMNS)

    def score(delim: str) -> tuple[int, int]:
        cells = next(csv.reader([line], delimiter=delim), [])
        return sum(_column_key(c) in known for c in cells), line.count(delim)

    return max(_DELIMITERS, key=score)


def _open_csv(path: Path) -> _Source:
    encoding, lines = _detect_encoding(path)
    f = path.open("r", encoding=encoding, newline="")
    try:
        line = f.readline()
        delimiter = None
        # Excel honours a first line "sep=;" and does not show it as a row.
        if line.strip().casefold().startswith("sep=") and len(line.strip()) == 5:
            delimiter = line.strip()[4]
            line = f.readline()
        header_row = 1
        while line and not line.strip(" \t\r\n;,"):
            line = f.readline()
            header_row += 1
        if not line:
            raise ValidationError(f"El archivo «{path.name}» está vacío.")
        delimiter = delimiter or _pick_delimiter(line)
        reader = csv.reader(_chain_first(line, f), delimiter=delimiter)
        try:
            header = next(reader)
        except csv.Error as exc:
            raise ValidationError(f"El encabezado de «{path.name}» no se pudo leer: {exc}.") from exc
    except BaseException:
        f.close()
        raise

    def rows() -> Iterator[tuple[int, list[Any]]]:
        number = header_row
        for record in reader:
            number += 1
            yield number, record

    return _Source(header, header_row, rows(), max(0, lines - header_row), f.close)


def _chain_first(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _open_xlsx(path: Path) -> _Source:
    import openpyxl

    damaged = ValidationError(
        f"«{path.name}» no es un libro de Excel (.xlsx) válido o está dañado; no se importó nada. "
        "Ábralo en Excel, guárdelo de nuevo como .xlsx o como CSV, y vuelva a intentarlo."
    )
    try:
        with zipfile.ZipFile(path) as z:
            if z.testzip() is not None:  # checks every member's CRC before reading any row
                raise damaged
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors all mean "damaged"
        raise damaged from exc
    try:
        sheets = workbook.worksheets
        if not sheets or not hasattr(sheets[0], "iter_rows"):
            raise ValidationError(f"«{path.name}» no tiene hojas con datos.")
        sheet = sheets[0]
        try:
            total = int(sheet.max_row or 0)
        except Exception:  # noqa: BLE001 - a bad dimension tag only loses the estimate
            total = 0
        sheet.reset_dimensions()  # some writers store a wrong dimension; read every row
        numbered = enumerate(sheet.iter_rows(values_only=True), start=1)
        header: list[Any] | None = None
        header_row = 0
        try:
            for number, cells in numbered:
                if cells and not _blank(list(cells)):
                    header, header_row = list(cells), number
                    break
        except Exception as exc:  # noqa: BLE001
            raise damaged from exc
        if header is None:
            raise ValidationError(f"El archivo «{path.name}» está vacío.")
    except BaseException:
        workbook.close()
        raise

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for number, cells in numbered:
            yield number, list(cells)

    return _Source(
        [_cell_text(h) for h in header], header_row, rows(), max(0, total - header_row), workbook.close
    )


# --- cell values ----------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "si" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return " ".join(str(value).split())


def _enum_lookup(enum: type[LabeledEnum]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for member in enum:
        table[fold(member.value)] = member
        table[fold(member.label)] = member
    return table


_KINDS = _enum_lookup(CaseKind)
_ROUTES = _enum_lookup(Route)
_LEVELS = _enum_lookup(RiskLevel)


def _parse_bool(text: str) -> bool | None:
    key = fold(text)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return None


def _parse_pct(text: str) -> float | None:
    """``'62,5'``, ``'62.5'``, ``'62,5 %'`` -> 62.5. Raises ValueError."""
    raw = text.replace("%", "").replace(" ", "")
    if "," in raw and "." in raw:
        # the last separator is the decimal one: 1.234,5 or 1,234.5
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    else:
        raw = raw.replace(",", ".")
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


class _Populations:
    """Catalogue code, number or name (accent-insensitive) -> catalogue code."""

    def __init__(self, rows: list[tuple[str, int, str]], short_names: dict[str, str]):
        self.codes = {code for code, _, _ in rows}
        self._lookup: dict[str, str] = {}
        for code, number, name in rows:
            self._lookup[fold(code)] = code
            self._lookup[str(number)] = code
            self._lookup[fold(name)] = code
            if short_names.get(code):
                self._lookup[fold(short_names[code])] = code

    def find(self, text: str) -> str | None:
        key = fold(text)
        if key.endswith(".0") and key[:-2].isdigit():
            key = key[:-2]
        return self._lookup.get(key)


def _load_populations(ctx: ServiceContext) -> _Populations:
    try:
        short = {p.code: p.short_name for p in load_installed_catalog().populations}
    except Exception:  # noqa: BLE001 - short names are a convenience only
        short = {}
    with ctx.reading() as s:
        rows = [(code, number, name)
                for code, number, name in s.execute(select(Population.code, Population.number, Population.name))]
    return _Populations(rows, short)


def _parse_row(cells: dict[str, str], pops: _Populations) -> tuple[CaseInput | None, list[str]]:
    """The case a row describes, or the problems that keep it out (Spanish phrases)."""
    problems: list[str] = []
    kind: CaseKind | None = None
    if not cells["tipo"]:
        problems.append("falta el tipo (individual o colectivo)")
    else:
        kind = _KINDS.get(fold(cells["tipo"]))
        if kind is None:
            problems.append(f"tipo «{cells['tipo']}» desconocido (use individual o colectivo)")
    route: Route | None = Route.ORDINARIA
    if cells["ruta"]:
        route = _ROUTES.get(fold(cells["ruta"]))
        if route is None:
            problems.append(
                f"ruta «{cells['ruta']}» desconocida (use ordinaria, emergencia, revaluación "
                "o hechos sobrevinientes)"
            )
    displaced = _parse_bool(cells["desplazado"])
    if displaced is None:
        problems.append(f"desplazado «{cells['desplazado']}» no es sí ni no")
    population = None
    if cells["poblacion"]:
        population = pops.find(cells["poblacion"])
        if population is None:
            problems.append(f"población desconocida «{cells['poblacion']}» "
                            "(use el código, el número 1 a 13 o el nombre)")
    pct = None
    if cells["puntaje_matriz"]:
        try:
            pct = _parse_pct(cells["puntaje_matriz"])
        except ValueError:
            problems.append(f"el puntaje de la matriz «{cells['puntaje_matriz']}» no es un número")
    level = None
    if cells.get("nivel_propuesto"):
        level = _LEVELS.get(fold(cells["nivel_propuesto"]))
        if level is None:
            problems.append(
                f"nivel propuesto «{cells['nivel_propuesto']}» desconocido (use ordinario, "
                "extraordinario o extremo, o déjelo vacío)"
            )
    for column, limit in _MAX_LENGTH.items():
        if len(cells[column]) > limit:
            problems.append(f"la columna {column} tiene más de {limit} caracteres")
    document = cells["documento"] or None
    if document is not None and not normalize_document(document):
        document = None
    inp = CaseInput(
        radicado=cells["radicado"],
        kind=kind or CaseKind.INDIVIDUAL,
        beneficiary_name=cells["nombre"],
        document_number=document,
        population_code=population,
        department=canonical_department(cells["departamento"]) or cells["departamento"] or None,
        municipality=cells["municipio"] or None,
        route=route or Route.ORDINARIA,
        displaced=bool(displaced),
        analyst=cells["analista"] or None,
        matrix_pct=pct,
        proposed_level=level,
    )
    checked = inp if kind is not None else _replace_kind_for_check(inp)
    problems += validate_case_input(checked, pops.codes)
    return (None if problems else inp), problems


def _replace_kind_for_check(inp: CaseInput) -> CaseInput:
    # With an unknown type, do not also complain about the document (it depends on the type).
    return replace(inp, kind=CaseKind.COLECTIVO)


# --- the import -----------------------------------------------------------------------------


def import_cases(
    ctx: ServiceContext,
    path: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Import the cases of a CSV or XLSX file; see the module docstring for the format.

    ``progress(rows_read, estimated_total)`` is called after each batch;
    ``cancel()`` is asked after each batch and, if true, the import stops there
    (what was committed stays; the report says so).

    Raises:
        PermissionDenied: the actor may not register cases.
        LockedError: the database is locked.
        ValidationError: the file cannot be read (missing, not CSV/XLSX,
            damaged, empty, wrong encoding) or lacks required columns; nothing
            was imported.
    """
    require(ctx, Action.EDIT_CASES)
    if not ctx.db.unlocked:
        raise LockedError("La base de datos está bloqueada: inicie sesión para importar casos.")
    path = Path(path)
    pops = _load_populations(ctx)
    source = _open_source(path)
    try:
        return _run(ctx, path, source, pops, progress, cancel, max(1, batch_size))
    finally:
        source.close()


def _columns(source: _Source, path: Path) -> dict[str, int]:
    index: dict[str, int] = {}
    repeated: list[str] = []
    for i, name in enumerate(source.header):
        key = _column_key(name)
        if key in COLUMNS:
            if key in index:
                repeated.append(key)
            else:
                index[key] = i
    missing = [c for c in REQUIRED_COLUMNS if c not in index]
    if missing:
        plural = len(missing) > 1
        raise ValidationError(
            f"No se importó nada: {'faltan las columnas' if plural else 'falta la columna'} "
            f"{', '.join(missing)} en el encabezado de «{path.name}» (fila {source.header_row}). "
            f"Las columnas esperadas son: {', '.join(COLUMNS)}."
        )
    if repeated:
        raise ValidationError(
            f"No se importó nada: la columna {', '.join(dict.fromkeys(repeated))} aparece más de una vez "
            f"en el encabezado de «{path.name}»."
        )
    return index


def _guarded(rows: Iterator[tuple[int, list[Any]]]) -> Iterator[tuple[int, list[Any]]]:
    while True:
        try:
            item = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - anything the reader raises means unreadable
            raise _ReadError(str(exc)) from exc
        yield item


def _run(
    ctx: ServiceContext,
    path: Path,
    source: _Source,
    pops: _Populations,
    progress: Progress | None,
    cancel: Cancel | None,
    batch_size: int,
) -> ImportReport:
    index = _columns(source, path)
    vault = ctx.db.vault
    report = ImportReport()
    with ctx.reading() as s:
        bands = risk_bands(s)
    seen_radicado: dict[str, int] = {}
    seen_document: dict[bytes, int] = {}
    pending: list[tuple[int, CaseInput, bytes | None]] = []  # row, case, document's blind index
    batches = 0
    total = source.total

    def flush() -> None:
        nonlocal batches
        if not pending:
            return
        batches += 1
        _write_batch(ctx, path, pending, report, batches)
        pending.clear()
        if progress is not None:
            progress(report.rows_read, max(total, report.rows_read))

    try:
        for number, raw in _guarded(source.rows):
            if _blank(raw):
                continue
            report.rows_read += 1
            cells = {
                column: (_cell_text(raw[i]) if i < len(raw) else "") for column, i in index.items()
            }
            cells.setdefault("nivel_propuesto", "")
            inp, problems = _parse_row(cells, pops)
            radicado = normalize_radicado(cells["radicado"])
            if radicado:
                first = seen_radicado.setdefault(radicado, number)
                if first != number:
                    problems.append(f"radicado repetido en el archivo (ya está en la fila {first})")
            document = cells["documento"]
            bidx = vault.blind_index(document, "document") if document and normalize_document(document) else None
            if bidx is not None:
                first = seen_document.setdefault(bidx, number)
                if first != number:
                    problems.append(f"número de documento repetido en el archivo (ya está en la fila {first})")
            if problems or inp is None:
                report.rejected.append(RowProblem(number, radicado, "; ".join(problems)))
                continue
            if inp.proposed_level is not None and inp.matrix_pct is not None and bands:
                expected = level_for_percentage(inp.matrix_pct, bands)
                if expected is not inp.proposed_level:
                    report.warnings.append(RowProblem(number, radicado, (
                        f"el nivel propuesto ({inp.proposed_level.label.lower()}) no corresponde al puntaje de la "
                        f"matriz ({format_number(inp.matrix_pct)} %: {expected.label.lower()}); revíselo antes "
                        "de la sesión")))
            pending.append((number, inp, bidx))
            if len(pending) >= batch_size:
                flush()
                if cancel is not None and cancel():
                    report.cancelled = True
                    break
        else:
            flush()
    except _ReadError as exc:
        _revert(ctx, path, report)
        raise ValidationError(
            f"«{path.name}» dejó de poderse leer cerca de la fila {report.rows_read + source.header_row + 1} "
            f"({exc}); la importación se deshizo y no quedó ningún caso del archivo."
        ) from exc
    if report.rows_read == 0 and not report.cancelled:
        raise ValidationError(
            f"«{path.name}» solo tiene el encabezado: no hay filas de casos para importar."
        )
    report.rejected.sort(key=lambda p: p.row)
    kept_out = {p.row for p in report.rejected}
    report.warnings = sorted((w for w in report.warnings if w.row not in kept_out), key=lambda p: p.row)
    if progress is not None and not report.cancelled:
        progress(report.rows_read, report.rows_read)
    return report


_SPECIAL = frozenset({"radicado", "kind", "route", "proposed_level", "differential"})
_PLAIN_FIELDS = tuple(f.name for f in fields(CaseInput) if f.name not in _SPECIAL)


def case_values(inp: CaseInput, document_bidx: bytes | None) -> dict[str, Any]:
    """The column values :func:`comite.services.cases.new_case` would give a case,
    as a plain dict for an ORM bulk INSERT (reserved columns are still encrypted
    by their column type). Much cheaper than an instrumented ORM object."""
    values: dict[str, Any] = {name: getattr(inp, name) for name in _PLAIN_FIELDS}
    values["radicado"] = normalize_radicado(inp.radicado)
    values["kind"] = inp.kind
    values["route"] = inp.route
    values["proposed_level"] = inp.proposed_level
    values["differential"] = ",".join(inp.differential)
    values["document_bidx"] = document_bidx
    return values


def _write_batch(
    ctx: ServiceContext, path: Path, pending: list[tuple[int, CaseInput, bytes | None]], report: ImportReport,
    batch: int,
) -> None:
    with ctx.transaction() as s:
        radicados = [normalize_radicado(inp.radicado) for _, inp, _ in pending]
        existing = set(s.scalars(select(Case.radicado).where(Case.radicado.in_(radicados))))
        indexes = {bidx for _, _, bidx in pending if bidx is not None}
        known = dict(s.execute(select(Case.document_bidx, Case.radicado)
                               .where(Case.document_bidx.in_(list(indexes)))).all()) if indexes else {}
        rejected: list[RowProblem] = []
        rows: list[dict[str, Any]] = []
        now = ctx.now()
        for (number, inp, bidx), radicado in zip(pending, radicados, strict=True):
            if radicado in existing:
                rejected.append(RowProblem(number, radicado, "ya existe un caso con ese radicado en la base de datos"))
                continue
            if bidx in known:
                report.warnings.append(RowProblem(number, radicado, (
                    f"el número de documento ya figura en el caso {known[bidx]} (se importó: puede ser otra "
                    "solicitud de la misma persona)")))
            values = case_values(inp, bidx)
            values.update(status=CaseStatus.EN_ESTUDIO, created_at=now, row_version=1)
            rows.append(values)
        ids: list[int] = []
        if rows:
            ids = list(s.scalars(insert(Case).returning(Case.id, sort_by_parameter_order=True), rows))
            audit.record(
                s, ctx, AuditAction.CASOS_IMPORTADOS, AuditEntity.CASO,
                details={"lote": batch, "casos": len(ids), "primer_id": ids[0], "ultimo_id": ids[-1],
                         "formato": path.suffix.lower().lstrip(".")},
                reserved={"archivo": path.name},
            )
        rows.clear()
    report.rejected.extend(rejected)
    report.case_ids.extend(ids)
    report.imported += len(ids)


def _revert(ctx: ServiceContext, path: Path, report: ImportReport) -> None:
    """Undo the batches already committed when the file breaks mid-way."""
    if not report.case_ids:
        return
    with ctx.transaction() as s:
        for start in range(0, len(report.case_ids), BATCH_SIZE):
            chunk = report.case_ids[start : start + BATCH_SIZE]
            s.execute(delete(Case).where(Case.id.in_(chunk)))
        audit.record(s, ctx, AuditAction.IMPORTACION_REVERTIDA, AuditEntity.CASO,
                     details={"casos": len(report.case_ids)}, reserved={"archivo": path.name})
    report.case_ids.clear()
    report.imported = 0
