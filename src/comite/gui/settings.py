"""The user's preferences (typed, JSON) and, apart from them, window geometry (QSettings).

Preferences are what the user chooses (idle-lock minutes, the committee last
looked at); they live in ``preferencias.json`` in the configuration directory,
and a damaged or hand-edited file falls back field by field to the defaults.
Window geometry and splitter positions are machine state, kept by Qt in
``ventanas.ini`` beside it, so deleting one never loses the other. Neither
holds reserved data.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from comite import paths

log = logging.getLogger(__name__)
PREFERENCES_FILE = "preferencias.json"
GEOMETRY_FILE = "ventanas.ini"


@dataclass
class Preferences:
    """What the user may change. Add a field with its default; old files keep working."""

    idle_lock_minutes: int = 10
    """Lock the application after this many minutes without keyboard or mouse (0: never)."""
    last_committee: str | None = None
    """Committee code the lists were last filtered by (``None``: all)."""
    last_username: str = ""
    """Offered in the login dialog."""
    last_page: str = "inicio"
    database_url: str = ""
    """Database opened at start when neither ``--db`` nor ``COMITE_DATABASE_URL`` says (empty: this
    user's SQLite file). Never holds a password: that lives in the OS keyring."""

    def __post_init__(self) -> None:
        self.idle_lock_minutes = max(0, min(int(self.idle_lock_minutes), 24 * 60))


def preferences_path() -> Path:
    return paths.config_dir() / PREFERENCES_FILE


def _coerce(name: str, raw: Any, default: Any) -> Any:
    kind = type(default)
    if name == "last_committee":
        return raw if raw is None or isinstance(raw, str) else default
    if kind is int and isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if kind is str and isinstance(raw, str):
        return raw
    return default


def load_preferences(path: Path | None = None) -> Preferences:
    """The saved preferences; defaults for anything missing or malformed."""
    path = path or preferences_path()
    defaults = Preferences()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return defaults
    except (OSError, ValueError) as exc:
        log.warning("preferencias ilegibles (%s); se usan las predeterminadas", type(exc).__name__)
        return defaults
    if not isinstance(data, dict):
        return defaults
    values = {f.name: _coerce(f.name, data.get(f.name, getattr(defaults, f.name)), getattr(defaults, f.name))
              for f in fields(Preferences)}
    return Preferences(**values)


def save_preferences(prefs: Preferences, path: Path | None = None) -> None:
    """Write atomically (a crash never leaves half a file)."""
    path = path or preferences_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(prefs), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def geometry_store() -> QSettings:
    """Where windows keep their size, position and splitters (not preferences)."""
    return QSettings(str(paths.config_dir() / GEOMETRY_FILE), QSettings.Format.IniFormat)
