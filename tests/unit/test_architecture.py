"""The shape of the code, read from its imports (module-level and inside functions alike):

- the core never imports Qt: only comite.gui may;
- each layer imports only the layers below it (the order is written down in the README's
  architecture section);
- no module imports itself back through others (no import cycles);
- the splits of issue #14 hold: the read frames and the catalogue queries sit below what
  writes, the catalogue administration above the sessions it re-convenes.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

import comite

CORE = ("catalog", "model", "rules", "services", "documents", "storage")
ROOT = Path(comite.__file__).parent

# Bottom first. A module may import its own unit (top-level module or package of comite) and
# any unit of a lower layer; units of the same layer are independent of each other.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"comite", "text", "errors", "paths", "faults", "throwaway"}),  # "comite": the package's own __init__
    frozenset({"domain", "logs"}),
    frozenset({"catalog", "rules", "model", "documents"}),
    frozenset({"storage"}),
    frozenset({"services"}),
    frozenset({"demo"}),
    frozenset({"gui"}),
    frozenset({"selfcheck"}),  # checks the whole install, the Qt half (gui.selfcheck) included
    frozenset({"cli"}),
    frozenset({"__main__"}),
)

# Packages whose modules must not import one another in a cycle (top-level modules always count).
ACYCLIC_PACKAGES = ("catalog", "demo", "documents", "gui", "model", "rules", "services", "storage")

# Imports that would undo the splits: (importer, imported) prefixes.
FORBIDDEN = (
    ("comite.services.frames", "comite.services.attendance"),
    ("comite.services.frames", "comite.services.deliberation"),
    ("comite.services.frames", "comite.services.decisions"),
    ("comite.services.views", "comite.services.attendance"),
    ("comite.services.views", "comite.services.deliberation"),
    ("comite.services.views", "comite.services.decisions"),
    ("comite.services.acta", "comite.services.attendance"),
    ("comite.services.acta", "comite.services.deliberation"),
    ("comite.services.acta", "comite.services.decisions"),
    ("comite.services.catalog", "comite.services.sessions"),
    ("comite.services.catalog", "comite.services.catalog_admin"),
    ("comite.services.sessions", "comite.services.catalog_admin"),
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Module -> the modules of the package it imports. ``from a import b`` counts as an import
    of ``a.b`` when that is a module, else of ``a``. Importing ``a.b`` also runs ``a/__init__``;
    that implicit step is not an edge (it is how every package works, not a choice of the code)."""
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found: list[str] = []
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = name.split(".") if is_package else name.split(".")[:-1]
                    package = package[: len(package) - (node.level - 1)]
                    base = ".".join([*package, base] if base else package)
                found = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for target in found:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    targets.add(target)
        graph[name] = targets
    return graph


def unit(module: str) -> str:
    """The top-level module or package of comite a module belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _layer_of(name: str) -> int:
    for i, layer in enumerate(LAYERS):
        if name in layer:
            return i
    raise AssertionError(f"{name} is in no layer: add it to LAYERS (and to the README)")


def layer_violations(graph: Mapping[str, Iterable[str]]) -> list[str]:
    out = []
    for module, targets in sorted(graph.items()):
        here = unit(module)
        for target in sorted(targets):
            there = unit(target)
            if there != here and _layer_of(there) >= _layer_of(here):
                out.append(f"{module} -> {target}")
    return out


def _acyclic_part(graph: Mapping[str, set[str]]) -> dict[str, set[str]]:
    def checked(module: str) -> bool:
        return module.count(".") <= 1 and not (ROOT / unit(module)).is_dir() or unit(module) in ACYCLIC_PACKAGES

    return {m: {t for t in targets if checked(t)} for m, targets in graph.items() if checked(m)}


# --- the code ----------------------------------------------------------------------------------

@functools.cache
def _graph() -> dict[str, set[str]]:
    return import_graph()


def test_core_packages_do_not_import_qt():
    offenders = []
    files = [p for pkg in CORE for p in (ROOT / pkg).rglob("*.py")]
    files += [p for p in ROOT.glob("*.py") if p.name != "__main__.py"]
    assert len(files) > 20
    for path in files:
        if any(name.split(".")[0] in ("PySide6", "shiboken6", "PyQt6", "PyQt5") for name in _imports(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_every_unit_has_a_layer():
    units = {unit(m) for m in _graph()}
    assert units <= set().union(*LAYERS), units - set().union(*LAYERS)


def test_each_layer_imports_only_the_layers_below():
    assert layer_violations(_graph()) == []


def test_no_import_cycles_outside_the_gui():
    graph = _acyclic_part(_graph())
    assert len(graph) > 80  # the services, the demo, the core packages and the top-level modules
    assert any(m.startswith("comite.gui.") for m in graph) == ("gui" in ACYCLIC_PACKAGES)  # the switch works
    assert cycles(graph) == []


def test_the_splits_hold():
    graph = _graph()
    broken = [f"{a} -> {b}" for a, b in FORBIDDEN if any(t == b or t.startswith(b + ".") for t in graph[a])]
    assert broken == []


# --- the checks themselves can fail -------------------------------------------------------------

def test_checker_detects_a_qt_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(sample)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "comite"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_checker_finds_a_cycle_hidden_in_a_function(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "",
        "services/__init__.py": "",
        "services/a.py": "from comite.services import b\n",
        "services/b.py": "def f():\n    from comite.services.c import g\n",
        "services/c.py": "from comite.services.a import x\n",
        "services/d.py": "from comite.services import a\n",
    })
    graph = import_graph(root)
    assert graph["comite.services.b"] == {"comite.services.c"}
    assert cycles(graph) == [["comite.services.a", "comite.services.b", "comite.services.c"]]


@pytest.mark.parametrize(("importer", "imported", "broken"), [
    ("services/x.py", "from comite.gui import y\n", True),
    ("model/x.py", "from comite.rules import y\n", True),  # same layer, another unit
    ("domain.py", "def f():\n    from comite import services\n", True),
    ("services/x.py", "from comite.storage import y\n", False),
    ("cli.py", "from comite.gui import y\n", False),
])
def test_checker_finds_an_import_against_the_layers(tmp_path, importer, imported, broken):
    root = _package(tmp_path, {"__init__.py": "", importer: imported, "gui/__init__.py": "",
                               "gui/y.py": "", "rules/__init__.py": "", "rules/y.py": "",
                               "services/__init__.py": "", "storage/__init__.py": "", "storage/y.py": ""})
    assert bool(layer_violations(import_graph(root))) is broken


def test_session_tabs_never_import_their_page():
    """The tabs see the session page only as a SessionHost (gui/session/host.py)."""
    graph = _graph()
    assert "comite.gui.session.case.votes" in graph
    reaching_the_page = sorted(name for name, imports in graph.items()
                               if name.startswith("comite.gui.session.") and "comite.gui.session_page" in imports)
    assert reaching_the_page == []


def test_checker_sees_a_type_checking_import_of_the_page(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "", "gui/__init__.py": "", "gui/session/__init__.py": "",
        "gui/session_page.py": "from comite.gui.session import tab\n",
        "gui/session/tab.py": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                               "    from ..session_page import Page\n"),
    })
    graph = import_graph(root)
    assert graph["comite.gui.session.tab"] == {"comite.gui.session_page"}
    assert cycles(graph) == [["comite.gui.session.tab", "comite.gui.session_page"]]
