"""File dialogs in Spanish, on Colombian wording, that reopen the last folder used per kind of file.

* Qt's own texts come from its Spanish translation (``qtbase_es``, written in Spain:
  «fichero», «directorio»). :class:`ColombianQtTranslator` sits in front of it and says
  «archivo» and «carpeta» instead, and translates the few texts it leaves in English.
* Off Windows the dialogs are Qt's own (``DontUseNativeDialog``), so they speak through that
  translation whatever the desktop's language; on Windows the system's dialog is kept (it
  follows Windows' language and has the user's quick-access places).
* The last folder is remembered per kind of file (the acta PDF, resolutions, imports…) in
  ``carpetas.ini`` beside the window geometry, never in the preferences.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTranslator
from PySide6.QtWidgets import QWidget

from comite import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

FOLDERS_FILE = "carpetas.ini"

# (context, source) -> Colombian Spanish, for what qtbase_es leaves in English or words otherwise
_OVERRIDES = {
    ("QFileDialog", "Look in:"): "Buscar en:",
    ("QFileDialog", "&Look in:"): "&Buscar en:",
    ("QFileDialog", "Files of type:"): "Archivos de tipo:",
    ("QFileDialog", "Files of &type:"): "Archivos de &tipo:",
    ("QFileDialog", "File name"): "Nombre del archivo",
    ("QFileDialog", "Directory:"): "Carpeta:",
    ("QFileDialog", "Directories"): "Carpetas",
    ("QFileDialog", "Find Directory"): "Buscar carpeta",
    ("QFileDialog", "Parent Directory"): "Carpeta superior",
    ("QFileDialog", "Forward"): "Adelante",
    ("QFileSystemModel", "File Folder"): "Carpeta de archivos",
    ("QFileSystemModel", "Folder"): "Carpeta",
    ("QFileDialog", "&Choose"): "&Elegir",
}
_WORDS = ((re.compile(r"\bfichero"), "archivo"), (re.compile(r"\bFichero"), "Archivo"),
          (re.compile(r"\bFICHERO"), "ARCHIVO"))


class ColombianQtTranslator(QTranslator):
    """Qt's Spanish translation (``base``) with Colombian wording; install it after ``base``."""

    def __init__(self, base: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base = base

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        override = _OVERRIDES.get((context, source))
        if override is not None:
            return override
        text = self.base.translate(context, source, disambiguation, n)
        if not text:
            return None  # a null string: Qt asks the next translator, or shows the source
        if "ichero" in text or "ICHERO" in text:
            for pattern, word in _WORDS:
                text = pattern.sub(word, text)
        return text

    def isEmpty(self) -> bool:
        return False


def _store() -> QSettings:
    return QSettings(str(paths.config_dir() / FOLDERS_FILE), QSettings.Format.IniFormat)


def last_folder(kind: str) -> Path:
    """The folder last used for ``kind`` (if it still exists), else the user's home."""
    value = _store().value(f"carpetas/{kind}")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def has_last_folder(kind: str) -> bool:
    return _store().contains(f"carpetas/{kind}")


def remember_folder(kind: str, chosen: Path) -> None:
    folder = chosen if chosen.is_dir() else chosen.parent
    store = _store()
    store.setValue(f"carpetas/{kind}", str(folder))
    store.sync()


def _file_dialog() -> type[QFileDialog]:
    """Qt's file dialog, imported at the first file asked for: PySide6 builds the class at its first
    import (~1 ms), and the translations installed before the login dialog do not need it (#18)."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog


def _options(dialog: type[QFileDialog]) -> QFileDialog.Option:
    if sys.platform == "win32":
        return dialog.Option(0)
    return dialog.Option.DontUseNativeDialog


def ask_open_file(parent: QWidget | None, kind: str, title: str, file_filter: str) -> Path | None:
    """A file to open (``None`` if cancelled), starting where ``kind`` was last opened."""
    dialog = _file_dialog()
    chosen, _ = dialog.getOpenFileName(parent, title, str(last_folder(kind)), file_filter, "", _options(dialog))
    return _chosen(kind, chosen)


def ask_save_file(parent: QWidget | None, kind: str, title: str, name: str, file_filter: str, *,
                  start: Path | None = None) -> Path | None:
    """Where to save ``name`` (``None`` if cancelled), in ``start`` or the folder last used for ``kind``."""
    folder = start or last_folder(kind)
    dialog = _file_dialog()
    chosen, _ = dialog.getSaveFileName(parent, title, str(folder / name), file_filter, "", _options(dialog))
    return _chosen(kind, chosen)


def ask_folder(parent: QWidget | None, kind: str, title: str, start: Path | None = None) -> Path | None:
    """A folder (``None`` if cancelled), starting at ``start`` or the last one used for ``kind``."""
    dialog = _file_dialog()
    options = _options(dialog) | dialog.Option.ShowDirsOnly
    chosen = dialog.getExistingDirectory(parent, title, str(start or last_folder(kind)), options)
    return _chosen(kind, chosen)


def _chosen(kind: str, chosen: str) -> Path | None:
    if not chosen:
        return None
    path = Path(chosen)
    remember_folder(kind, path)
    return path
