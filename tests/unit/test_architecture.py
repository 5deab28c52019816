"""The core never imports Qt: only comite.gui may."""

from __future__ import annotations

import ast
from pathlib import Path

import comite

CORE = ("catalog", "model", "rules", "services", "documents", "storage")
ROOT = Path(comite.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_packages_do_not_import_qt():
    offenders = []
    files = [p for pkg in CORE for p in (ROOT / pkg).rglob("*.py")]
    files += [p for p in ROOT.glob("*.py") if p.name != "__main__.py"]
    assert len(files) > 20
    for path in files:
        if any(name.split(".")[0] in ("PySide6", "shiboken6", "PyQt6", "PyQt5") for name in _imports(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_checker_detects_a_qt_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(sample)
