"""Property-based fuzzing of the case importer (Hypothesis).

Files are built byte by byte from arbitrary Unicode (control characters, invisible ones,
lone surrogates, huge values), cells quoted or not, stray quotes and line breaks inside
cells, and each row encoded as UTF-8 or Windows-1252 at random, so one file mixes them.
Whatever comes in:

- the importer never fails with anything but a Spanish ``ValidationError`` for a file that
  cannot be read at all (and never because its own reader lost rows);
- every non-empty row of the file is accounted for: the records read cover exactly the
  rows the file has, and each record is imported or refused by number;
- the database gains exactly the cases the report says, and its audit trail verifies;
- no message carries a control character or an uncut value.

The example count is bounded (:data:`EXAMPLES`) so the suite stays fast; the README gives it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from comite.errors import ValidationError
from comite.model import Case
from comite.services import audit
from comite.services.importer import COLUMNS, import_cases

EXAMPLES = int(os.environ.get("COMITE_FUZZ_EXAMPLES", "120"))
"""Per run in CI; ``COMITE_FUZZ_EXAMPLES=2000`` for a longer hunt."""
pytestmark = pytest.mark.sqlite_only  # the reader is what is fuzzed; the engine tests run elsewhere

_LINE_BREAK = re.compile(rb"\r\n|\n|\r")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=30)
LIKELY = st.sampled_from(["individual", "colectivo", "victimas", "9", "Cauca", "Popayán", "ordinaria", "si",
                          "no", "55,5", "extremo", "", "José Ñáñez", "1.023.456", "\u200b", "2024-05-06"])
CELL = st.one_of(LIKELY, ANY_TEXT, ANY_TEXT.map(lambda t: t * 400), st.just('"'), st.just("a\nb"),
                 st.just("\x1b[31m"), st.just("\x00"))
ROW = st.tuples(st.lists(CELL, min_size=0, max_size=14), st.sampled_from(["utf-8", "cp1252"]), st.booleans())


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding == "utf-8" else "replace")


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def _file(rows: list[tuple[list[str], str, bool]], radicados: list[str]) -> bytes:
    lines = [";".join(COLUMNS).encode("ascii")]
    for (cells, encoding, quote), radicado in zip(rows, radicados, strict=True):
        cells = [radicado, *cells[1:]] if cells and radicado else cells
        text = ";".join(_quoted(c) if quote else c for c in cells)
        lines.append(_encode(text, encoding))
    return b"\r\n".join(lines) + b"\r\n"


def _rows_with_data(data: bytes) -> int:
    lines = _LINE_BREAK.split(data)
    if lines and lines[-1] == b"":
        lines.pop()
    return sum(1 for line in lines[1:] if line.strip(b' \t\r\n;,"'))


@pytest.fixture
def counter():
    return {"examples": 0}


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(rows=st.lists(ROW, min_size=0, max_size=12), named=st.lists(st.booleans(), min_size=12, max_size=12))
def test_any_file_is_imported_or_refused_row_by_row(admin, tmp_path_factory, counter, rows, named):
    counter["examples"] += 1
    n = counter["examples"]
    radicados = [f"FZ-{n}-{i}" if named[i % 12] else "" for i in range(len(rows))]
    path = tmp_path_factory.mktemp("fuzz") / "casos.csv"
    data = _file(rows, radicados)
    path.write_bytes(data)
    before = _cases(admin)
    try:
        report = import_cases(admin, path, batch_size=5)
    except ValidationError as exc:
        message = str(exc)
        assert "se leyeron" not in message, message  # the reader never loses rows
        assert not _CONTROL.search(message) and len(message) < 1_000
        assert _cases(admin) == before
        return
    assert report.rows_in_file == _rows_with_data(data)
    assert report.imported + len(report.rejected) == report.rows_read
    assert _cases(admin) == before + report.imported
    for problem in report.rejected + report.warnings:
        text = str(problem)
        assert not _CONTROL.search(text) and len(text) < 1_500, text
    assert not _CONTROL.search(report.summary())


def _cases(ctx) -> int:
    with ctx.db.Session() as s:
        return s.scalar(select(func.count(Case.id)))


def test_the_fuzzed_database_still_verifies(admin, tmp_path):
    """A last import of every kind of cell at once, then the audit trail checks whole."""
    path = Path(tmp_path) / "todo.csv"
    path.write_bytes(_file([(["FZ", "individual", "Ana\x00", "1", "9", "Cauca", "Popayán", "ordinaria", "no",
                              "x", "50", ""], "utf-8", False)], ["FZ-FIN"]))
    report = import_cases(admin, path)
    assert report.imported == 0 and report.rejected[0].row == 2
    with admin.db.Session() as s:
        assert audit.verify(s, admin.db.vault).ok
