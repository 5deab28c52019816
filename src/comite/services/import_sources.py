"""Reading a case spreadsheet (CSV or XLSX) record by record, as the person sees it.

What :mod:`comite.services.importer` gets from here is a :class:`Source`: the header, where
it was found, and an iterator of :class:`Record` values, each with the row numbers it
covers and what the reader already knows is wrong with it. Nothing is dropped in silence:

CSV
    The encoding is decided per line, not for the whole file from its first odd byte: a
    UTF-8 file with one Windows-1252 row (or the reverse, a row pasted from another file)
    refuses that row by number and reads the others right. Records are matched to the
    physical lines they consume, so a quote opened and never closed, which makes the CSV
    parser swallow the following lines into one cell, is reported naming every line it
    joined; a line too long to be a row is refused by number without reaching the parser.
XLSX
    The sheet read is the one whose first row has the headers (the message names it); a
    number formatted as a percentage is read as Excel shows it (0.555 shown as 55,5 % is
    55.5); a formula whose value Excel never saved is reported (the file was written by
    another program), not read as an empty cell; dates stay dates, so a column that expects
    a number or a text can refuse them.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from array import array
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from comite.errors import ValidationError
from comite.text import fold

MAX_LINE = 10_000
"""Characters in one CSV line; a longer one is refused as a row (no row of cases is that long)."""
_CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_DELIMITERS = (";", ",", "\t")
_SAMPLE = 1 << 16
_HEADER_SCAN = 30  # rows of each sheet looked at for its header
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


@dataclass
class Record:
    """One record of the file: the cells, and the rows (as the spreadsheet numbers them) it covers."""

    row: int
    last: int
    cells: list[Any]
    problems: list[str] = field(default_factory=list)
    """What the reader found wrong (encoding, an open quote, a formula without value...)."""
    formula_columns: frozenset[int] = frozenset()
    """Cells (by index) holding a formula whose value was never saved."""
    rows: int = 1
    """Non-empty physical rows this record covers."""

    @property
    def joined(self) -> bool:
        return self.last > self.row


@dataclass
class Source:
    header: list[str]
    header_row: int
    records: Iterator[Record]
    total: int
    """Estimate of the data rows (0: unknown), for progress."""
    where: str
    """How messages name what was read: «casos.xlsx», hoja «Casos»."""
    sheet: str | None = None
    sheets: int = 1
    close: Callable[[], None] = lambda: None
    data_rows: Callable[[], int] = lambda: 0
    """Non-empty physical rows after the header, counted apart from the parser (once read)."""


def column_key(text: Any) -> str:
    """A header cell as a column name: «Puntaje matriz» -> ``puntaje_matriz``."""
    key = fold(" ".join(str(text or "").split()))
    for ch in (" ", "-", "."):
        key = key.replace(ch, "_")
    while "__" in key:
        key = key.replace("__", "_")
    return key.strip("_")


def open_source(path: Path, columns: Collection[str], required: Collection[str]) -> Source:
    """The records of ``path`` (CSV or XLSX); refuses what cannot be read at all."""
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
        return _open_xlsx(path, columns, required)
    if suffix in _CSV_SUFFIXES:
        return _open_csv(path, columns)
    raise ValidationError(
        f"«{path.name}» no es un archivo CSV ni un libro de Excel (.xlsx): no se importó nada."
    )


# --- CSV --------------------------------------------------------------------------------------


def _physical_lines(f: io.BufferedReader) -> Iterator[bytes]:
    """Lines as a person counts them: ``\\n``, ``\\r\\n`` or a lone ``\\r`` ends one."""
    for raw in f:
        body = raw.rstrip(b"\r\n")
        if b"\r" not in body:
            yield raw
            continue
        parts = body.split(b"\r")
        for part in parts[:-1]:
            yield part + b"\r"
        yield parts[-1] + raw[len(body):]


@dataclass
class _Encoding:
    codec: str
    bom: int
    refused: frozenset[int]
    reason: str
    lines: int = 0


def _decide_encoding(path: Path) -> _Encoding:
    """The file's encoding, and the lines that are in another one (refused by number).

    Lines that decode as UTF-8 and lines that do not are counted; the larger group names
    the file's encoding (UTF-8 or, for the latter, Windows-1252, what Colombian Excel
    writes) and the other group's lines are refused: one row pasted from another file
    must not turn every name of the file into «JosÃ©».
    """
    with path.open("rb") as f:
        sample = f.read(_SAMPLE)
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _Encoding("utf-16", 0, frozenset(), "", path.stat().st_size // 80)
    if sample.count(b"\x00") > len(sample) // 20:
        raise ValidationError(f"«{path.name}» no es un archivo de texto CSV (contiene datos binarios); "
                              "no se importó nada.")
    bom = len(codecs.BOM_UTF8) if sample.startswith(codecs.BOM_UTF8) else 0
    utf8, other = array("L"), array("L")
    content = False
    number = 0
    with path.open("rb") as f:
        for number, raw in enumerate(_physical_lines(f), start=1):
            if number == 1:
                raw = raw[bom:]
            if raw.isascii():
                content = content or bool(raw.strip())
                continue
            content = True
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                other.append(number)
            else:
                utf8.append(number)
    if not content:
        raise ValidationError(f"El archivo «{path.name}» está vacío.")
    if bom and other and not utf8:
        raise ValidationError(
            f"No se pudo leer «{path.name}»: su codificación de caracteres no es válida (UTF-8 dañado). "
            "Guárdelo de nuevo como «CSV UTF-8» y vuelva a intentarlo; no se importó nada."
        )
    if bom or len(utf8) >= len(other):
        return _Encoding("utf-8", bom, frozenset(other),
                         "la fila no está en UTF-8 como el resto del archivo (¿copiada de otro archivo, en "
                         "Windows-1252?); corríjala o guarde todo el archivo como «CSV UTF-8»", number)
    return _Encoding("cp1252", 0, frozenset(utf8),
                     "la fila está en UTF-8 y el resto del archivo en Windows-1252 (ANSI): sus tildes se "
                     "leerían mal; corríjala o guarde todo el archivo como «CSV UTF-8»", number)


def _decoded(path: Path, enc: _Encoding) -> Iterator[tuple[int, str, str | None]]:
    """(line number, text, problem) for every physical line."""
    if enc.codec == "utf-16":
        try:
            with path.open("r", encoding="utf-16", newline="") as f:
                for number, text in enumerate(f, start=1):
                    yield number, text, None
        except UnicodeDecodeError as exc:
            raise ValidationError(
                f"No se pudo leer «{path.name}»: su codificación de caracteres no es válida (UTF-16 dañado). "
                "Guárdelo de nuevo como «CSV UTF-8» y vuelva a intentarlo; no se importó nada."
            ) from exc
        return
    with path.open("rb") as f:
        for number, raw in enumerate(_physical_lines(f), start=1):
            if number == 1:
                raw = raw[enc.bom:]
            if number in enc.refused:
                yield number, raw.decode(enc.codec, "replace"), enc.reason
                continue
            try:
                text = raw.decode(enc.codec)
            except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined: kept as controls, refused later
                text = raw.decode("latin-1")
            yield number, text, None


def _blank_line(text: str) -> bool:
    """A line with nothing but delimiters, quotes and spaces: an empty row to a person."""
    return not text.strip(' \t\r\n;,"')


class _Feeder:
    """The lines the CSV parser reads, remembered until its record is complete."""

    def __init__(self, lines: Iterator[tuple[int, str, str | None]]) -> None:
        self._lines = lines
        self.taken: list[tuple[int, str, str | None]] = []
        self.too_long: list[int] = []
        self.data_rows = 0

    def __iter__(self) -> _Feeder:
        return self

    def __next__(self) -> str:
        while True:
            number, text, problem = next(self._lines)
            if not _blank_line(text):
                self.data_rows += 1
            if len(text) > MAX_LINE:
                self.too_long.append(number)
                continue
            self.taken.append((number, text, problem))
            return text


def _pick_delimiter(line: str, columns: Collection[str]) -> str:
    """The delimiter that splits the header into the most known column names."""

    def score(delim: str) -> tuple[int, int]:
        cells = next(csv.reader([line], delimiter=delim), [])
        return sum(column_key(c) in columns for c in cells), line.count(delim)

    return max(_DELIMITERS, key=score)


def _open_csv(path: Path, columns: Collection[str]) -> Source:
    enc = _decide_encoding(path)
    lines = _decoded(path, enc)
    delimiter = None
    header_line = None
    for number, text, _problem in lines:
        stripped = text.strip()
        # Excel honours a first line "sep=;" and does not show it as a row (nor count it).
        if number == 1 and stripped.casefold().startswith("sep=") and len(stripped) == 5:
            delimiter = stripped[4]
            lines = ((n - 1, t, p) for n, t, p in lines)
            continue
        if not _blank_line(text):
            header_line = (number, text)
            break
    if header_line is None:
        raise ValidationError(f"El archivo «{path.name}» está vacío.")
    header_row, text = header_line
    delimiter = delimiter or _pick_delimiter(text, columns)
    try:
        header = next(csv.reader([text], delimiter=delimiter))
    except (csv.Error, StopIteration) as exc:
        raise ValidationError(f"El encabezado de «{path.name}» no se pudo leer.") from exc
    feeder = _Feeder(lines)
    reader = csv.reader(feeder, delimiter=delimiter)
    return Source(header, header_row, _csv_records(reader, feeder), max(0, enc.lines - header_row), f"«{path.name}»",
                  data_rows=lambda: feeder.data_rows)


def _csv_records(reader: Any, feeder: _Feeder) -> Iterator[Record]:
    while True:
        error = None
        try:
            cells = next(reader)
        except StopIteration:
            cells = None
        except csv.Error as exc:
            cells, error = [], exc
        for number in feeder.too_long:
            yield Record(number, number, [], [f"la fila tiene más de {MAX_LINE:,} caracteres".replace(",", ".")])
        feeder.too_long.clear()
        taken, feeder.taken = feeder.taken, []
        if cells is None:
            return
        if not taken:
            continue
        first, last = taken[0][0], taken[-1][0]
        problems = list(dict.fromkeys(p for _, _, p in taken if p))
        texts = [t for _, t, _ in taken]
        if error is not None:
            problems.append("no tiene un formato CSV válido (un salto de línea o una comilla fuera de lugar)")
        elif (last > first or any("\n" in c or "\r" in c for c in cells)) and sum(t.count('"') for t in texts) % 2:
            problems.append('una comilla (") abre una celda y no se cierra' + (
                f": une las filas {first} a {last} en un solo registro; cierre la comilla y vuelva a importar "
                "esas filas" if last > first else ""))
        yield Record(first, last, cells, problems, rows=sum(not _blank_line(t) for t in texts))


# --- XLSX -------------------------------------------------------------------------------------


def _first_row(sheet: Any) -> tuple[int, list[Any]] | None:
    for number, cells in enumerate(sheet.iter_rows(values_only=True, max_row=_HEADER_SCAN), start=1):
        if cells and any(c is not None and str(c).strip() for c in cells):
            return number, list(cells)
    return None


def _has_formulas(workbook: Any, sheet: Any) -> bool:
    """Whether the sheet's XML holds any formula (scanned as bytes: cheap)."""
    try:
        with workbook._archive.open(sheet._worksheet_path) as xml:
            tail = b""
            while chunk := xml.read(1 << 20):
                if _FORMULA.search(tail + chunk):
                    return True
                tail = chunk[-16:]
    except (AttributeError, KeyError, OSError, zipfile.BadZipFile):
        return True  # unknown: check cell by cell
    return False


def _choose_sheet(path: Path, workbook: Any, columns: Collection[str],
                  required: Collection[str]) -> tuple[Any, int, list[Any]]:
    seen = []
    best = None
    for sheet in workbook.worksheets:
        if not hasattr(sheet, "iter_rows"):
            continue
        try:
            sheet.reset_dimensions()  # some writers store a wrong dimension; read every row
            first = _first_row(sheet)
        except Exception as exc:  # noqa: BLE001 - any parse failure means a damaged file
            raise _damaged(path) from exc
        seen.append(sheet.title)
        if first is None:
            continue
        keys = {column_key(c) for c in first[1]}
        score = (all(c in keys for c in required), len(keys & set(columns)))
        if best is None or score > best[0]:
            best = (score, sheet, first)
        if score[0]:
            break
    if best is None:
        raise ValidationError(f"El archivo «{path.name}» está vacío.")
    (complete, _), sheet, (row, header) = best
    if not complete and len(seen) > 1:
        missing = [c for c in required if c not in {column_key(h) for h in header}]
        raise ValidationError(
            f"No se importó nada: ninguna hoja de «{path.name}» tiene el encabezado completo. La que más se "
            f"parece es la hoja «{sheet.title}» (fila {row}), pero faltan las columnas {', '.join(missing)}. "
            f"Hojas del libro: {', '.join(f'«{s}»' for s in seen)}."
        )
    return sheet, row, header


def _damaged(path: Path) -> ValidationError:
    return ValidationError(
        f"«{path.name}» no es un libro de Excel (.xlsx) válido o está dañado; no se importó nada. "
        "Ábralo en Excel, guárdelo de nuevo como .xlsx o como CSV, y vuelva a intentarlo."
    )


def _value(cell: Any) -> Any:
    """A cell's value as Excel shows it: a percentage times 100."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        try:
            return float(Decimal(repr(value)) * 100)
        except InvalidOperation:
            return value
    return value


def _open_xlsx(path: Path, columns: Collection[str], required: Collection[str]) -> Source:
    import openpyxl

    try:
        with zipfile.ZipFile(path) as z:
            if z.testzip() is not None:  # checks every member's CRC before reading any row
                raise _damaged(path)
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors all mean "damaged"
        raise _damaged(path) from exc
    formulas = None
    try:
        sheet, header_row, header = _choose_sheet(path, workbook, columns, required)
        try:
            total = int(sheet.max_row or 0)
        except Exception:  # noqa: BLE001 - a bad dimension tag only loses the estimate
            total = 0
        if _has_formulas(workbook, sheet):
            formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)[sheet.title]
            formulas.reset_dimensions()
    except BaseException:
        workbook.close()
        raise
    count = {"rows": 0}

    def records() -> Iterator[Record]:
        rows = enumerate(sheet.iter_rows(), start=1)
        shadow = formulas.iter_rows(values_only=True) if formulas is not None else None
        for number, cells in rows:
            raw = next(shadow, ()) if shadow is not None else ()
            if number <= header_row:
                continue
            values = [_value(c) for c in cells]
            missing = frozenset(i for i, (v, f) in enumerate(zip(values, raw, strict=False))
                                if v is None and isinstance(f, str) and f.startswith("="))
            data = any(v is not None and str(v).strip() for v in values) or bool(missing)
            count["rows"] += data
            yield Record(number, number, values, formula_columns=missing, rows=int(data))

    def close() -> None:
        workbook.close()
        if formulas is not None:
            formulas.parent.close()

    where = f"«{path.name}»" + (f", hoja «{sheet.title}»" if len(workbook.worksheets) > 1 else "")
    return Source([_text(h) for h in header], header_row, records(), max(0, total - header_row), where,
                  sheet.title, len(workbook.worksheets), close, lambda: count["rows"])


def _text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def is_date(value: Any) -> bool:
    return isinstance(value, datetime | date | time)
