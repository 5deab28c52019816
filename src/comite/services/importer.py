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
header is row 1). Every row is accounted for: imported, flagged for a second
look, or refused with its number and the reason; a file that cannot be read
imports nothing and raises :class:`ValidationError`. Reading (encodings, quotes,
sheets, Excel's cell types) is :mod:`comite.services.import_sources`.

A file is imported whole or not at all: its good rows are written in batches
inside **one** transaction with one audit entry, so a cancelled, failed or
killed import leaves nothing, and running it again imports everything. Two
imports at once are serialised (SQLite's write lock, an advisory lock on
PostgreSQL): the second sees what the first committed.

Identifiers are normalised (Unicode NFC, invisible characters removed); control
characters and dates where a number or a text is expected are refused; names
and documents have maximum lengths; messages never quote a value whole or with
its control characters (:func:`comite.text.shown`).

The import streams: rows are read, checked and written one batch at a time, so
a file of hundreds of thousands of rows never sits in memory as ORM objects.
Reserved values (name, document number) are encrypted by their column type and
never written to the audit trail in clear.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text

from comite import faults
from comite.catalog.loader import load_installed_catalog
from comite.domain import AuditAction, AuditEntity, CaseKind, CaseStatus, LabeledEnum, RiskLevel, Route
from comite.errors import ComiteError, LockedError, ValidationError
from comite.model import Case, Population
from comite.rules._common import format_number
from comite.rules.risk import level_for_percentage
from comite.rules.territory import canonical_department
from comite.services import audit
from comite.services.cases import MAX_DOCUMENT, MAX_NAME, CaseInput, validate_case_input
from comite.services.catalog import risk_bands
from comite.services.context import ServiceContext
from comite.services.import_sources import Record, Source, column_key, is_date, open_source
from comite.services.permissions import Action, require
from comite.text import (
    clean_text,
    fold,
    has_control_characters,
    normalize_document,
    normalize_radicado,
    printable,
    shown,
)

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
IMPORT_WAIT_SECONDS = 600.0
"""How long an import waits for another one (or any writer) to finish."""

_MAX_LENGTH = {"radicado": 60, "nombre": MAX_NAME, "documento": MAX_DOCUMENT, "departamento": 80,
               "municipio": 120, "analista": 160}
_OTHER_MAX = 100  # tipo, poblacion, ruta, desplazado, puntaje, nivel: far shorter when right
_LOOKS_LIKE_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?)?|\d{1,2}/\d{1,2}/\d{2,4}")
_TRUE = frozenset({"si", "s", "true", "verdadero", "1", "x"})
_FALSE = frozenset({"no", "n", "false", "falso", "0", ""})

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class RowProblem:
    """A row that was not imported (or is worth a second look): its number as the
    spreadsheet shows it, and the last row it covers when the file joined several."""

    row: int
    radicado: str
    reason: str
    last: int | None = None

    def __str__(self) -> str:
        case = f" ({shown(self.radicado, 30)})" if self.radicado else ""
        rows = f"Filas {self.row} a {self.last}" if self.last and self.last > self.row else f"Fila {self.row}"
        return f"{rows}{case}: {self.reason}."


@dataclass
class ImportReport:
    imported: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    case_ids: list[int] = field(default_factory=list)
    rows_read: int = 0
    """Records read from the file (blank rows are not counted; a record may join several rows)."""
    rows_in_file: int = 0
    """Non-empty rows after the header, counted apart from the parser; every one is named
    by an imported case, a refusal or a warning."""
    cancelled: bool = False
    """The user cancelled: nothing was imported."""
    warnings: list[RowProblem] = field(default_factory=list)
    """Imported rows worth a second look (a proposed level the matrix score does not
    support, a document number another case already has, a record over several lines)."""
    sheet: str | None = None
    """The workbook sheet read, when the workbook has more than one."""

    def summary(self) -> str:
        """One Spanish sentence for the user."""
        imported = _count(self.imported, "caso importado", "casos importados")
        rejected = _count(len(self.rejected), "fila rechazada", "filas rechazadas")
        where = f" (hoja «{self.sheet}»)" if self.sheet else ""
        if self.cancelled:
            return (f"Importación cancelada después de leer {_count(self.rows_read, 'fila', 'filas')}{where}: "
                    "no se importó ningún caso (puede volver a importar el archivo completo).")
        notes = (f"; {_count(len(self.warnings), 'fila para revisar', 'filas para revisar')}"
                 if self.warnings else "")
        if not self.rejected:
            return f"Importación terminada{where}: {imported}{notes}."
        return f"Importación terminada{where}: {imported} y {rejected}{notes} (vea el detalle de cada fila)."


def _count(n: int, singular: str, plural: str) -> str:
    number = f"{n:,}".replace(",", ".")
    return f"{number} {singular if n == 1 else plural}"


class _Cancelled(Exception):
    """The person cancelled: the transaction is rolled back."""


# --- cell values ----------------------------------------------------------------------------


def _blank(cells: list[Any]) -> bool:
    return all(_cell_text(c) == "" for c in cells)


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
    return clean_text(str(value))


def _cells(record: Record, index: dict[str, int]) -> tuple[dict[str, str], list[str]]:
    """The row's known columns as clean text, and what is wrong with their values."""
    cells: dict[str, str] = {}
    problems: list[str] = []
    controls: list[str] = []
    for column, i in index.items():
        value = record.cells[i] if i < len(record.cells) else None
        if i in record.formula_columns:
            problems.append(f"la columna {column} tiene una fórmula sin valor calculado (el archivo no lo guardó "
                            "Excel): ábralo en Excel, guárdelo y vuelva a importarlo")
            value = None
        elif is_date(value):
            problems.append(f"la columna {column} tiene una fecha ({_date_text(value)}), no un número ni un texto: "
                            "en Excel, dé a la celda formato Texto y escriba el valor de nuevo")
            value = None
        elif isinstance(value, bool) and column != "desplazado":
            problems.append(f"la columna {column} tiene un valor VERDADERO/FALSO, no un número ni un texto")
            value = None
        text_value = _cell_text(value)
        if has_control_characters(text_value):
            controls.append(column)
            text_value = printable(text_value)
        limit = _MAX_LENGTH.get(column, _OTHER_MAX)
        if len(text_value) > limit:
            problems.append(f"la columna {column} tiene más de {limit} caracteres")
            text_value = text_value[:limit]
        if column in ("documento", "puntaje_matriz") and _LOOKS_LIKE_DATE.fullmatch(text_value):
            problems.append(f"la columna {column} tiene una fecha («{shown(text_value)}»), no un número: en Excel, "
                            "dé a la celda formato Texto y escriba el valor de nuevo")
            text_value = ""
        if record.joined and ("\n" in str(value or "") or "\r" in str(value or "")):
            problems.append(f"la columna {column} tiene saltos de línea")
        cells[column] = text_value
    cells.setdefault("nivel_propuesto", "")
    if controls:
        which = f"la columna {controls[0]} tiene" if len(controls) == 1 else \
            f"las columnas {', '.join(controls)} tienen"
        problems.insert(0, f"{which} caracteres de control invisibles (p. ej. de una terminal o de otro programa); "
                           "corrija la celda")
    return cells, problems


_MAX_REASONS = 5


def _reason(problems: list[str]) -> str:
    """The problems of a row as one phrase; a row with many says how many more it has."""
    unique = list(dict.fromkeys(problems))
    shown_now = "; ".join(unique[:_MAX_REASONS])
    more = len(unique) - _MAX_REASONS
    return shown_now + (f"; y {more} problema{'s' if more > 1 else ''} más" if more > 0 else "")


def _date_text(value: Any) -> str:
    try:
        return value.strftime("%d/%m/%Y") if hasattr(value, "day") else value.strftime("%H:%M")
    except ValueError:
        return "fecha"


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
            problems.append(f"tipo «{shown(cells['tipo'])}» desconocido (use individual o colectivo)")
    route: Route | None = Route.ORDINARIA
    if cells["ruta"]:
        route = _ROUTES.get(fold(cells["ruta"]))
        if route is None:
            problems.append(
                f"ruta «{shown(cells['ruta'])}» desconocida (use ordinaria, emergencia, revaluación "
                "o hechos sobrevinientes)"
            )
    displaced = _parse_bool(cells["desplazado"])
    if displaced is None:
        problems.append(f"desplazado «{shown(cells['desplazado'])}» no es sí ni no")
    population = None
    if cells["poblacion"]:
        population = pops.find(cells["poblacion"])
        if population is None:
            problems.append(f"población desconocida «{shown(cells['poblacion'])}» (use el código, el número 1 "
                            "a 13 o el nombre)")
    pct = None
    if cells["puntaje_matriz"]:
        try:
            pct = _parse_pct(cells["puntaje_matriz"])
        except ValueError:
            problems.append(f"el puntaje de la matriz «{shown(cells['puntaje_matriz'])}» no es un número")
    level = None
    if cells.get("nivel_propuesto"):
        level = _LEVELS.get(fold(cells["nivel_propuesto"]))
        if level is None:
            problems.append(
                f"nivel propuesto «{shown(cells['nivel_propuesto'])}» desconocido (use ordinario, "
                "extraordinario o extremo, o déjelo vacío)"
            )
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
    """Import the cases of a CSV or XLSX file, whole or not at all; see the module docstring.

    ``progress(rows_read, estimated_total)`` is called after each batch;
    ``cancel()`` is asked after each batch and, if true, the import stops there and
    nothing of it stays (the report says so).

    Raises:
        PermissionDenied: the actor may not register cases.
        LockedError: the database is locked.
        ValidationError: the file cannot be read (missing, not CSV/XLSX,
            damaged, empty, wrong encoding) or lacks required columns; nothing
            was imported.
        StorageError: the database failed or stayed busy; nothing was imported.
    """
    require(ctx, Action.EDIT_CASES)
    if not ctx.db.unlocked:
        raise LockedError("La base de datos está bloqueada: inicie sesión para importar casos.")
    path = Path(path)
    pops = _load_populations(ctx)
    source = open_source(path, COLUMNS, REQUIRED_COLUMNS)
    try:
        return _run(ctx, path, source, pops, progress, cancel, max(1, batch_size))
    finally:
        source.close()


def _columns(source: Source) -> dict[str, int]:
    index: dict[str, int] = {}
    repeated: list[str] = []
    for i, name in enumerate(source.header):
        key = column_key(name)
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
            f"{', '.join(missing)} en el encabezado de {source.where} (fila {source.header_row}). "
            f"Las columnas esperadas son: {', '.join(COLUMNS)}."
        )
    if repeated:
        raise ValidationError(
            f"No se importó nada: la columna {', '.join(dict.fromkeys(repeated))} aparece más de una vez "
            f"en el encabezado de {source.where}."
        )
    return index


class _Batches:
    """The rows checked so far and not yet written, and the look-ups that span the file."""

    def __init__(self) -> None:
        self.pending: list[tuple[int, CaseInput, bytes | None]] = []  # row, case, document's blind index
        self.seen_radicado: dict[str, int] = {}
        self.seen_document: dict[bytes, int] = {}
        self.count = 0


def _run(
    ctx: ServiceContext,
    path: Path,
    source: Source,
    pops: _Populations,
    progress: Progress | None,
    cancel: Cancel | None,
    batch_size: int,
) -> ImportReport:
    index = _columns(source)
    report = ImportReport(sheet=source.sheet if source.sheets > 1 else None)
    with ctx.reading() as s:
        bands = risk_bands(s)
    state = _Batches()
    covered = 0
    try:
        with ctx.transaction(wait=IMPORT_WAIT_SECONDS) as s:
            if s.get_bind().dialect.name == "postgresql":  # SQLite: the transaction holds the write lock
                s.execute(text("SELECT pg_advisory_xact_lock(727275)"))  # one import at a time
            for record in source.records:
                if _blank(record.cells) and not record.problems and not record.formula_columns:
                    if not record.rows:
                        continue  # an empty row
                    record.problems.append("la fila no tiene datos visibles (solo espacios, comillas o "
                                           "caracteres invisibles)")
                report.rows_read += 1
                covered += record.rows
                _check(ctx, record, index, pops, bands, state, report)
                if len(state.pending) >= batch_size:
                    _write_batch(s, ctx, state, report)
                    faults.point("import:batch")
                    if progress is not None:
                        progress(report.rows_read, max(source.total, report.rows_read))
                    if cancel is not None and cancel():
                        raise _Cancelled
            _write_batch(s, ctx, state, report)
            report.rows_in_file = source.data_rows()
            _account(report, covered, source)
            if report.case_ids:
                audit.record(
                    s, ctx, AuditAction.CASOS_IMPORTADOS, AuditEntity.CASO,
                    details={"lotes": state.count, "casos": len(report.case_ids), "primer_id": report.case_ids[0],
                             "ultimo_id": report.case_ids[-1], "filas_rechazadas": len(report.rejected),
                             "formato": path.suffix.lower().lstrip(".")},
                    reserved={"archivo": path.name},
                )
            faults.point("import:commit")
    except _Cancelled:
        return ImportReport(rows_read=report.rows_read, cancelled=True, sheet=report.sheet)
    except ComiteError:
        raise
    except Exception as exc:  # noqa: BLE001 - anything the reader raises means the file stopped being readable
        raise ValidationError(
            f"{source.where} dejó de poderse leer cerca de la fila {report.rows_read + source.header_row + 1} "
            f"({exc.__class__.__name__}); la importación se deshizo y no quedó ningún caso del archivo."
        ) from exc
    if report.rows_read == 0:
        raise ValidationError(f"{source.where} solo tiene el encabezado: no hay filas de casos para importar.")
    report.rejected.sort(key=lambda p: p.row)
    kept_out = {p.row for p in report.rejected}
    report.warnings = sorted((w for w in report.warnings if w.row not in kept_out), key=lambda p: p.row)
    if progress is not None:
        progress(report.rows_read, report.rows_read)
    return report


def _check(ctx: ServiceContext, record: Record, index: dict[str, int], pops: _Populations, bands: Any,
           state: _Batches, report: ImportReport) -> None:
    """Refuse, flag or queue one record."""
    number = record.row
    cells, problems = _cells(record, index)
    problems = record.problems + problems
    inp, row_problems = _parse_row(cells, pops)
    problems += row_problems
    radicado = normalize_radicado(cells["radicado"])
    if radicado:
        first = state.seen_radicado.setdefault(radicado, number)
        if first != number:
            problems.append(f"radicado repetido en el archivo (ya está en la fila {first})")
    document = cells["documento"]
    bidx = ctx.db.vault.blind_index(document, "document") if document and normalize_document(document) else None
    if bidx is not None:
        first = state.seen_document.setdefault(bidx, number)
        if first != number:
            problems.append(f"número de documento repetido en el archivo (ya está en la fila {first})")
    last = record.last if record.joined else None
    if problems or inp is None:
        if record.joined and not any("comilla" in p for p in problems):
            problems.insert(0, f"las filas {record.row} a {record.last} quedaron unidas en un solo registro "
                               "(una celda con saltos de línea o una comilla sin cerrar)")
        report.rejected.append(RowProblem(number, radicado, _reason(problems), last))
        return
    if record.joined:
        report.warnings.append(RowProblem(number, radicado, (
            "el registro ocupa varias líneas del archivo (una celda de otra columna tiene saltos de línea); se "
            "importó: revise que se leyó bien"), last))
    if inp.proposed_level is not None and inp.matrix_pct is not None and bands:
        expected = level_for_percentage(inp.matrix_pct, bands)
        if expected is not inp.proposed_level:
            report.warnings.append(RowProblem(number, radicado, (
                f"el nivel propuesto ({inp.proposed_level.label.lower()}) no corresponde al puntaje de la "
                f"matriz ({format_number(inp.matrix_pct)} %: {expected.label.lower()}); revíselo antes "
                "de la sesión")))
    state.pending.append((number, inp, bidx))


def _account(report: ImportReport, covered: int, source: Source) -> None:
    """Every non-empty row of the file is in exactly one record, or the import is refused
    (a reader that lost rows must not import the rest as if nothing happened)."""
    if covered != report.rows_in_file:
        raise ValidationError(
            f"No se importó nada: {source.where} tiene {report.rows_in_file} filas con datos y se leyeron "
            f"{covered}. Ábralo en Excel, guárdelo de nuevo y vuelva a intentarlo."
        )


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


def _write_batch(s: Any, ctx: ServiceContext, state: _Batches, report: ImportReport) -> None:
    """Insert the pending rows (inside the import's one transaction)."""
    pending = state.pending
    if not pending:
        return
    state.count += 1
    radicados = [normalize_radicado(inp.radicado) for _, inp, _ in pending]
    existing = set(s.scalars(select(Case.radicado).where(Case.radicado.in_(radicados))))
    indexes = {bidx for _, _, bidx in pending if bidx is not None}
    known = dict(s.execute(select(Case.document_bidx, Case.radicado)
                           .where(Case.document_bidx.in_(list(indexes)))).all()) if indexes else {}
    rows: list[dict[str, Any]] = []
    now = ctx.now()
    for (number, inp, bidx), radicado in zip(pending, radicados, strict=True):
        if radicado in existing:
            report.rejected.append(RowProblem(number, radicado,
                                              "ya existe un caso con ese radicado en la base de datos"))
            continue
        if bidx in known:
            report.warnings.append(RowProblem(number, radicado, (
                f"el número de documento ya figura en el caso {known[bidx]} (se importó: puede ser otra "
                "solicitud de la misma persona)")))
        values = case_values(inp, bidx)
        values.update(status=CaseStatus.EN_ESTUDIO, created_at=now, row_version=1)
        rows.append(values)
    if rows:
        ids = list(s.scalars(insert(Case).returning(Case.id, sort_by_parameter_order=True), rows))
        report.case_ids.extend(ids)
        report.imported += len(ids)
    pending.clear()
