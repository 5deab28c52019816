"""The application's message boxes: one place for confirmations, errors and notices.

Call them through the module (``dialogs.confirm(...)``), never ``from ... import
confirm``: tests replace these functions (``monkeypatch.setattr(dialogs,
"confirm", lambda *a, **k: True)``) and flows must pick the replacement up.

* :func:`confirm` (yes/no) and :func:`choose` (several answers) are the only
  blocking dialogs of the application.
* :func:`show_error` and :func:`show_info` open non-modal boxes and return at
  once; a :class:`~comite.errors.ComiteError` is shown as its Spanish text,
  anything else as a generic message that says where it happened and where the
  log is (the exception's own text may quote reserved data: it is never shown
  nor logged, only the traceback's frames are).
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from comite.errors import ComiteError
from comite.logs import format_exception, log_file

if TYPE_CHECKING:  # imported where a box is shown: PySide6 builds the class at its first import (~3 ms), and
    # the login dialog paints before any box is needed (#18)
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("comite.gui")
_KEEP: set[QMessageBox] = set()  # parentless boxes must outlive the call that opened them


def confirm(parent: QWidget | None, question: str, *, title: str = "Confirmar",
            yes: str = "&Sí", no: str = "&No", detail: str = "") -> bool:
    """Ask a yes/no question; ``True`` only if the user chose ``yes``. Tests replace it."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    reject = box.addButton(no, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(reject)
    box.setEscapeButton(reject)
    if detail:
        box.setInformativeText(detail)
    box.exec()
    return box.clickedButton() is accept


def choose(parent: QWidget | None, question: str, choices: Sequence[tuple[str, str]], *,
           title: str = "Confirmar", default: str | None = None, cancel: str | None = None,
           detail: str = "") -> str | None:
    """Ask a question with several answers, given as ``(key, button text)``; the key of the
    answer chosen (Escape, or closing the box, chooses ``cancel``). Tests replace it."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    buttons = {}
    for key, text in choices:
        role = QMessageBox.ButtonRole.RejectRole if key == cancel else QMessageBox.ButtonRole.ActionRole
        buttons[key] = box.addButton(text, role)
    if default in buttons:
        box.setDefaultButton(buttons[default])
    if cancel in buttons:
        box.setEscapeButton(buttons[cancel])
    if detail:
        box.setInformativeText(detail)
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), cancel)


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, file_filter: str) -> Path | None:
    """Ask where to save a file (``None`` if the user cancels), in the folder last used for this
    kind of file (the title names the kind), else the suggested one. Tests replace it."""
    from comite.gui import files

    kind = title
    start = files.last_folder(kind) if files.has_last_folder(kind) else suggested.parent
    return files.ask_save_file(parent, kind, title, suggested.name, file_filter, start=start)


def log_exception(exc: BaseException, where: str = "") -> None:
    """Log the traceback's frames and the exception classes, with the message only of the
    kinds that never carry reserved values (:func:`comite.logs.format_exception`)."""
    if getattr(exc, "_comite_logged", False):
        return
    log.error("Error inesperado%s\n%s", f" en {where}" if where else "", format_exception(exc))
    with contextlib.suppress(AttributeError):  # exceptions with __slots__ just get logged twice
        exc._comite_logged = True  # type: ignore[attr-defined]  # marks the object: logged once


def failure_place(exc: BaseException) -> str:
    """Where it failed, in words: the innermost frame of the application's own code."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/comite/" in f.filename.replace("\\", "/")]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return ""
    path = frame.filename.replace("\\", "/")
    module = path.rsplit("/comite/", 1)[-1].removesuffix(".py").replace("/", ".") if "/comite/" in path \
        else path.rsplit("/", 1)[-1]
    return f"{module}, función {frame.name}"


def unexpected_message(exc: BaseException, action: str = "") -> tuple[str, str]:
    """The text and detail of the box for an unexpected error."""
    what = f"Ocurrió un error inesperado al {action}." if action else "Ocurrió un error inesperado."
    text = f"{what} La aplicación sigue funcionando y lo ya guardado está a salvo."
    place = failure_place(exc)
    detail = (f"Lugar: {place}.\n" if place else "") + \
        f"El detalle técnico quedó en el registro:\n{log_file()}"
    return text, detail


def _box(parent: QWidget | None, icon: str, title: str, text: str, detail: str = "") -> QMessageBox:
    """A non-modal box with ``icon`` (a ``QMessageBox.Icon`` name), kept alive until it closes."""
    from PySide6.QtCore import Qt  # not at import: the login dialog paints without it (see gui.login)
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon[icon], title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton("&Aceptar", QMessageBox.ButtonRole.AcceptRole)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if detail:
        box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _KEEP.add(box)
    box.finished.connect(lambda _=0, b=box: _KEEP.discard(b))
    box.open()
    return box


def show_error(parent: QWidget | None, exc: BaseException, *, action: str = "") -> QMessageBox:
    """Show ``exc``: its own text if it is a :class:`ComiteError`, else a generic
    message with where it failed and where the log is (and log it)."""
    if isinstance(exc, ComiteError):
        return _box(parent, "Warning", "No se pudo completar", str(exc))
    log_exception(exc, action)
    text, detail = unexpected_message(exc, action)
    return _box(parent, "Critical", "Error inesperado", text, detail)


def show_info(parent: QWidget | None, text: str, *, title: str = "Información", detail: str = "") -> QMessageBox:
    return _box(parent, "Information", title, text, detail)
