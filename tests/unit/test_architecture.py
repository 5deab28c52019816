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


# --- inside the GUI: no cycles, and the session tabs see their page only as a SessionHost ---------

GUI = ROOT / "gui"


def _module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _gui_imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The comite.gui modules ``path`` imports -- anywhere in it, TYPE_CHECKING blocks and
    functions included (an import hidden in a function is a cycle all the same)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name in known}


def _gui_graph(root: Path = GUI, base: Path = ROOT.parent) -> dict[str, set[str]]:
    paths = {_module_name(p, base): p for p in root.rglob("*.py")}
    known = set(paths)
    return {name: _gui_imports(path, name, known) - {name} for name, path in paths.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_gui_has_no_import_cycles_and_session_tabs_never_import_their_page():
    graph = _gui_graph()
    assert len(graph) > 30 and "comite.gui.session.case.votes" in graph
    assert _cycles(graph) == []
    reaching_the_page = sorted(name for name, imports in graph.items()
                               if name.startswith("comite.gui.session.") and "comite.gui.session_page" in imports)
    assert reaching_the_page == []


def test_the_gui_checker_finds_a_cycle_and_a_tab_importing_its_page(tmp_path):
    gui = tmp_path / "comite" / "gui"
    (gui / "session").mkdir(parents=True)
    for name, text in {
        "__init__.py": "",
        "session_page.py": "from comite.gui.session import tab\n",
        "session/__init__.py": "",
        "session/tab.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                          "    from ..session_page import Page\n",
    }.items():
        (gui / name).write_text(text, encoding="utf-8")
    graph = _gui_graph(gui, base=tmp_path)
    assert graph["comite.gui.session.tab"] == {"comite.gui.session_page"}  # a TYPE_CHECKING import counts
    assert _cycles(graph) == [["comite.gui.session.tab", "comite.gui.session_page"]]
