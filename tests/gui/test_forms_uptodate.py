"""The committed forms are what pyside6-uic makes of ui/*.ui today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _compile_ui():
    spec = importlib.util.spec_from_file_location("compile_ui", ROOT / "tools" / "compile_ui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_form_matches_its_ui_file():
    tool = _compile_ui()
    assert tool.ui_files(), "no hay archivos .ui"
    problems = tool.differences()
    assert problems == [], "Regenere con: python tools/compile_ui.py\n" + "\n".join(problems)


def test_the_check_detects_a_stale_form(tmp_path):
    tool = _compile_ui()
    forms = tmp_path / "forms"
    tool.compile_all(forms)
    assert tool.differences(forms) == []
    first = sorted(forms.glob("ui_*.py"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "# editado a mano\n", encoding="utf-8")
    (forms / "ui_huerfano.py").write_text("", encoding="utf-8")
    assert tool.differences(forms) == ["ui_huerfano.py: no corresponde a ningún .ui",
                                       f"{first.name}: desactualizado"]


def test_output_does_not_depend_on_the_qt_version():
    tool = _compile_ui()
    text = "## Created by: Qt User Interface Compiler version 6.12.0\n"
    assert tool.normalise(text) == "## Created by: Qt User Interface Compiler\n"
