"""The one place that knows where the application keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "comite"
APP_AUTHOR = "SecretariaTecnica"


def data_dir() -> Path:
    """User data directory (database, backups). ``COMITE_HOME`` overrides it."""
    override = os.environ.get("COMITE_HOME")
    path = Path(override) / "data" if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = os.environ.get("COMITE_HOME")
    path = Path(override) / "config" if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get("COMITE_HOME")
    path = Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "comite.sqlite3"


def package_root() -> Path:
    return Path(__file__).resolve().parent


def _project_dir(name: str) -> Path:
    """A top-level project folder (``resources/``, ``templates_actas/``).

    In a source checkout (the README's editable install) it sits two levels
    above the package; in a built wheel or a frozen app it is bundled inside
    the package as ``comite/_bundled/NAME``.
    """
    bundled = package_root() / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return package_root().parent.parent / name


def docs_dir() -> Path:
    """The user and administration guides (``docs/``; F1 opens ``guia_usuario.md``)."""
    return _project_dir("docs")


def resources_dir() -> Path:
    return _project_dir("resources")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def templates_dir() -> Path:
    """Shipped acta/resolution templates (staff copies may override them)."""
    return _project_dir("templates_actas")
