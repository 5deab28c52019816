"""Application logging: one rotating file in the user log directory.

Nothing reserved is ever passed to a logger (services log ids, paths and
exception classes); the byte-search test in tests/db checks the log file too.

An exception's text can quote anything it was handed (``int('Ñusta')`` puts a
name in a ``ValueError``), so a logged exception shows its class and the
positions of its frames, and its message only for the kinds in
:data:`SAFE_MESSAGES`: those whose text the operating system or a library
composes from a path, a module, a font file or a migration, which is what
support needs to see ("No such file or directory: '…/fonts/DejaVuSans.ttf'").
The log file's formatter applies the same rule to ``log.exception`` and
``exc_info=True``, so no logging call can bypass it.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from comite import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

SAFE_MESSAGES = frozenset({
    "builtins.OSError",  # and every subclass: errno, text and the paths involved
    "builtins.ImportError",  # module names and the files they were looked for in
    "reportlab.pdfbase.ttfonts.TTFError",  # a font file that cannot be read
    "alembic.util.exc.CommandError",  # migration identifiers
    "pypdfium2._helpers.misc.PdfiumError",  # PDFium's status text
    "zipfile.BadZipFile",  # a damaged .docx template
})
"""Exception classes (module and name, matched along the class hierarchy) whose message is logged."""

DRIVER_ERRORS = frozenset({"sqlalchemy.exc.OperationalError", "sqlalchemy.exc.InterfaceError"})
"""Database errors logged with the first line of the driver's own message ("database is locked",
"connection refused"); never the statement or its parameters, which SQLAlchemy appends."""


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def safe_message(exc: BaseException) -> str:
    """The part of ``exc``'s text that may be logged ("" when none may)."""
    names = {_qualified(cls) for cls in type(exc).__mro__}
    if names & DRIVER_ERRORS:
        orig = getattr(exc, "orig", None)
        return f"{type(orig).__name__}: {str(orig).strip().splitlines()[0]}" if orig is not None and str(orig) \
            else ""
    if names & SAFE_MESSAGES:
        return str(exc).strip()
    return ""


def describe(exc: BaseException) -> str:
    """``module.Class`` of ``exc``, followed by its message when :func:`safe_message` allows it."""
    text = safe_message(exc)
    return f"{_qualified(type(exc))}: {text}" if text else _qualified(type(exc))


def format_exception(exc: BaseException) -> str:
    """``exc`` and what caused it, as the log keeps them: :func:`describe` and each frame's
    file, line and function (not its source line)."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n'
                         for f in traceback.extract_tb(current.__traceback__))
        parts.append(("causado por " if parts else "") + f"{describe(current)}\n{frames}")
        current = current.__cause__ or current.__context__
    return "\n".join(parts).rstrip("\n")


class SafeFormatter(logging.Formatter):
    """The log file's formatter: exceptions go through :func:`format_exception`."""

    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        exc = ei[1]
        return format_exception(exc) if exc is not None else ""


def log_file() -> Path:
    return paths.log_dir() / "comite.log"


def setup_logging(level: int = logging.INFO, *, rotating: bool = True) -> Path:
    """Send the package's logs to the rotating file; returns its path.

    ``rotating=False`` is for the desktop start, before the login dialog is painted: the same file
    through logging's plain ``FileHandler``, because importing ``logging.handlers`` costs the
    dialog ~9 ms (#18). Either handler writes and flushes each record at once. A later call with
    ``rotating=True`` (the default) puts the rotating handler in the plain one's place, never the
    reverse; it rotates at its first record if the file grew past the limit meanwhile.
    """
    target = log_file()
    root = logging.getLogger("comite")
    current: logging.FileHandler | None = None
    for old in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        if current is None and Path(old.baseFilename) == target.resolve():
            current = old
            continue
        root.removeHandler(old)  # the log folder moved (COMITE_HOME changed): follow it
        old.close()
    if current is None or (rotating and type(current) is logging.FileHandler):
        if rotating:
            from logging.handlers import RotatingFileHandler

            handler: logging.FileHandler = RotatingFileHandler(target, maxBytes=2_000_000, backupCount=5,
                                                               encoding="utf-8")
        else:
            handler = logging.FileHandler(target, encoding="utf-8")
        handler.setFormatter(SafeFormatter(_FORMAT))
        root.addHandler(handler)  # before the plain one leaves: no record falls between the two
        if current is not None:
            root.removeHandler(current)
            current.close()
    root.setLevel(level)
    root.propagate = False
    return target
