"""What the log keeps of an exception: the message of errors about paths, modules, fonts
and migrations (what support needs), never the text of an error that may quote data."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from comite.logs import describe, format_exception, setup_logging

NAME = "Ñusta Yáñez Güiza"


@pytest.fixture
def log_path(tmp_path, monkeypatch):
    monkeypatch.setenv("COMITE_HOME", str(tmp_path / "home"))
    return setup_logging()


def _flush() -> None:
    for handler in logging.getLogger("comite").handlers:
        handler.flush()


def test_a_missing_file_is_logged_with_its_path(log_path):
    try:
        open("/no/existe/fonts/DejaVuSans.ttf", "rb")  # noqa: SIM115
    except OSError:
        logging.getLogger("comite.test").exception("no se pudo abrir la fuente")
    _flush()
    logged = log_path.read_text(encoding="utf-8")
    assert "builtins.FileNotFoundError: [Errno 2] No such file or directory: '/no/existe/fonts/DejaVuSans.ttf'" \
        in logged
    assert 'test_logs.py", line' in logged  # where it happened


def test_an_error_that_quotes_data_is_logged_by_class_only(log_path):
    def parse(value: str) -> int:
        return int(value)

    try:
        try:
            parse(NAME)
        except ValueError as exc:
            raise RuntimeError(f"fila 3: {NAME}") from exc
    except RuntimeError:
        logging.getLogger("comite.test").warning("importación fallida", exc_info=True)
    _flush()
    logged = log_path.read_text(encoding="utf-8")
    assert "builtins.RuntimeError\n" in logged and "causado por builtins.ValueError\n" in logged
    assert "in parse" in logged
    assert NAME not in logged and NAME.encode("utf-8") not in log_path.read_bytes()


def test_font_and_migration_errors_keep_their_message():
    from alembic.util import CommandError
    from reportlab.pdfbase.ttfonts import TTFont

    with pytest.raises(Exception) as font:
        TTFont("DejaVu", "/falta/DejaVuSans.ttf")
    assert "/falta/DejaVuSans.ttf" in describe(font.value)
    assert describe(CommandError("Can't locate revision identified by '0099'")).endswith("'0099'")
    assert describe(ImportError("No module named 'pypdfium2'", name="pypdfium2")).endswith("'pypdfium2'")


def test_database_errors_keep_the_driver_message_never_the_parameters():
    engine = create_engine("sqlite://")
    with pytest.raises(OperationalError) as caught, engine.connect() as conn:
        conn.execute(text("SELECT * FROM tabla_que_no_existe WHERE nombre = :n"), {"n": NAME})
    described = describe(caught.value)
    assert described == "sqlalchemy.exc.OperationalError: OperationalError: no such table: tabla_que_no_existe"
    assert NAME not in format_exception(caught.value)
    assert describe(sqlite3.OperationalError(NAME)) == "sqlite3.OperationalError"  # a bare driver error is not listed


def test_the_desktop_start_logs_to_the_same_file_then_rotates(tmp_path, monkeypatch):
    """Before the login dialog is painted the log goes through a plain FileHandler (no import of
    logging.handlers, #18); then the rotating handler takes its place: nothing is lost between."""
    from logging.handlers import RotatingFileHandler

    monkeypatch.setenv("COMITE_HOME", str(tmp_path / "start"))
    root = logging.getLogger("comite")
    path = setup_logging(rotating=False)
    mine = [h for h in root.handlers if isinstance(h, logging.FileHandler) and h.baseFilename == str(path)]
    assert len(mine) == 1 and type(mine[0]) is logging.FileHandler
    logging.getLogger("comite.test").warning("antes del diálogo")
    assert setup_logging(rotating=False) == path  # again: the same handler, no second one
    assert [h for h in root.handlers if isinstance(h, logging.FileHandler)] == mine
    setup_logging()
    logging.getLogger("comite.test").warning("después del diálogo")
    setup_logging(rotating=False)  # never back to the plain one
    handlers = [h for h in root.handlers if isinstance(h, logging.FileHandler)]
    assert len(handlers) == 1 and isinstance(handlers[0], RotatingFileHandler)
    _flush()
    logged = path.read_text(encoding="utf-8")
    assert "antes del diálogo" in logged and "después del diálogo" in logged
