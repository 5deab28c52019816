"""Every audit action the code writes is in the one registry of what it changes on screen.

"Every action" is read from the code, not from a list: each call that appends to
the audit (``audit.record(...)``, ``audit.write(..., action=...)``) is found in
the source and its action resolved -- a literal, either branch of a conditional,
a local variable, or a parameter filled by the callers in the same module. A
call whose action cannot be resolved fails the test, so a new way of naming
actions cannot slip past it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import comite
from comite.services.change_registry import ACTION_CHANGES, EVERYTHING, NOTHING, changes_for

ROOT = Path(comite.__file__).parent
READS = {"lectura_reservada", "acta_leida", "acta_exportada", "resoluciones_generadas", "notificacion_gvp"}
"""Actions about a session or a case that change nothing on screen (reads and files written)."""


@dataclass(frozen=True)
class Written:
    action: str
    entity: str | None
    case_scoped: bool  # the entry names a case (``case_id=``)
    where: str


class Unresolved(Exception):
    pass


def _enum_value(node: ast.Attribute) -> str:
    """``AuditAction.VOTO`` (when actions become an enum): its value."""
    import importlib

    for module in ("comite.domain", "comite.services.audit"):
        enum = getattr(importlib.import_module(module), ast.unparse(node.value), None)
        if enum is not None:
            return str(getattr(enum, node.attr).value)
    raise Unresolved(ast.unparse(node))


class _Module:
    def __init__(self, path: Path, source: str | None = None) -> None:
        self.path = path
        self.tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.functions = {n.name: n for n in ast.walk(self.tree) if isinstance(n, ast.FunctionDef)}

    def function_of(self, node: ast.AST) -> ast.FunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    def values(self, node: ast.expr, depth: int = 0) -> set[str]:
        """Every string ``node`` can be when the program runs."""
        if depth > 5:
            raise Unresolved(ast.unparse(node))
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return self.values(node.body, depth + 1) | self.values(node.orelse, depth + 1)
        if isinstance(node, ast.Attribute):
            return {_enum_value(node)}
        if isinstance(node, ast.Name):
            return self._name_values(node, depth)
        raise Unresolved(ast.unparse(node))

    def _name_values(self, node: ast.Name, depth: int) -> set[str]:
        function = self.function_of(node)
        if function is None:
            raise Unresolved(node.id)
        found: set[str] = set()
        for sub in ast.walk(function):
            if isinstance(sub, ast.Assign) and any(isinstance(t, ast.Name) and t.id == node.id for t in sub.targets):
                found |= self.values(sub.value, depth + 1)
        params = [a.arg for a in function.args.args + function.args.kwonlyargs]
        if node.id in params:
            found |= self._arguments(function, node.id, params.index(node.id), depth)
        if not found:
            raise Unresolved(node.id)
        return found

    def _arguments(self, function: ast.FunctionDef, name: str, index: int, depth: int) -> set[str]:
        """What the callers in this module pass for parameter ``name`` of ``function``."""
        found: set[str] = set()
        for call in ast.walk(self.tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == function.name:
                given = {k.arg: k.value for k in call.keywords}
                if name in given:
                    found |= self.values(given[name], depth + 1)
                elif index < len(call.args):
                    found |= self.values(call.args[index], depth + 1)
        return found


def _audit_call(call: ast.Call) -> str | None:
    """``"record"`` or ``"write"`` for a call that appends to the audit trail."""
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "audit" \
            and func.attr in ("record", "write"):
        return func.attr
    return None


def written_actions(module: _Module) -> list[Written]:
    out = []
    for call in ast.walk(module.tree):
        if not isinstance(call, ast.Call):
            continue
        kind = _audit_call(call)
        if kind is None:
            continue
        given = {k.arg: k.value for k in call.keywords}
        positional = 2 if kind == "record" else None  # record(session, ctx, action, entity, ...)
        action = given.get("action") or (call.args[positional] if positional is not None
                                         and len(call.args) > positional else None)
        entity = given.get("entity") or (call.args[positional + 1] if positional is not None
                                         and len(call.args) > positional + 1 else None)
        where = f"{module.path.name}:{call.lineno}"
        if action is None:
            raise Unresolved(f"{where}: no action")
        entities = module.values(entity) if entity is not None else {None}
        for value in module.values(action):
            out.extend(Written(value, e, "case_id" in given, where) for e in entities)
    return out


@pytest.fixture(scope="module")
def everything_written() -> list[Written]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if "gui" in path.relative_to(ROOT).parts or path == ROOT / "services" / "audit.py":
            continue  # the audit module passes its caller's action through
        found += written_actions(_Module(path))
    return found


def test_the_code_is_read_for_actions(everything_written):
    actions = {w.action for w in everything_written}
    assert len(actions) > 40
    assert {"voto", "caso_modificado", "catalogo_importado", "acta_borrador", "cuenta_bloqueada"} <= actions


def test_every_action_written_is_in_the_registry(everything_written):
    missing = sorted({f"{w.action} ({w.where})" for w in everything_written if w.action not in ACTION_CHANGES})
    assert missing == []


def test_every_action_on_a_session_or_case_changes_what_shows_it(everything_written):
    touching = {w.action for w in everything_written
                if w.entity in ("sesion", "caso", "compromiso") or w.case_scoped}
    assert "voto" in touching and "caso_modificado" in touching
    silent = {a for a in touching if ACTION_CHANGES[a] == NOTHING}
    assert silent == READS & touching


def test_the_registry_names_no_action_the_code_never_writes(everything_written):
    assert set(ACTION_CHANGES) - {w.action for w in everything_written} == set()


def test_an_unmapped_action_would_be_found(tmp_path):
    sample = tmp_path / "servicio.py"
    sample.write_text(
        "from comite.services import audit\n"
        "def hecho(s, ctx, sid, nuevo):\n"
        "    accion = 'accion_nueva' if nuevo else 'voto'\n"
        "    audit.record(s, ctx, accion, 'sesion', sid)\n"
        "def otro(s, ctx, sid, action):\n"
        "    audit.record(s, ctx, action, 'sesion', sid, case_id=1)\n"
        "def llama(s, ctx):\n"
        "    otro(s, ctx, 3, 'otra_accion')\n"
        "    otro(s, ctx, 4, action='y_otra')\n", encoding="utf-8")
    found = written_actions(_Module(sample))
    assert {w.action for w in found} == {"accion_nueva", "voto", "otra_accion", "y_otra"}
    assert {w.action for w in found if w.action not in ACTION_CHANGES} == {"accion_nueva", "otra_accion", "y_otra"}
    with pytest.raises(Unresolved):
        written_actions(_Module(sample, "from comite.services import audit\n"
                                        "def f(s, ctx, d):\n    audit.record(s, ctx, d['a'], 'sesion')\n"))


def test_changes_are_placed_in_their_session_and_case():
    vote = changes_for("voto", "sesion", 7, 3)
    assert (vote.votes, vote.decisions, vote.session_id, vote.case_id) == (True, False, 7, 3)
    edited = changes_for("caso_modificado", "caso", 3, 3)
    assert edited.cases and edited.session_id is None and edited.case_id == 3
    assert changes_for("acta_leida", "sesion", 7, None) == NOTHING
    newer = changes_for("accion_de_una_version_nueva", "sesion", 7, None)
    assert newer.session_id == 7 and newer.agenda and newer.votes and newer.acta
    assert EVERYTHING.session_id is None
