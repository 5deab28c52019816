"""Compile every ``ui/*.ui`` into ``src/comite/gui/forms/ui_*.py`` with pyside6-uic.

    python tools/compile_ui.py          # regenerate the forms
    python tools/compile_ui.py --check  # exit 1 if a committed form is out of date

The output is deterministic: the only line uic varies between Qt releases (its
version in the header) is normalised, so the committed forms do not change when
PySide6 is upgraded. ``tests/gui/test_forms_uptodate.py`` runs the check.

uic imports the same two dozen Qt classes into every form, used or not; the forms keep only
the names they use (:func:`prune_imports`), because PySide6 builds a class's Python type and
its enums the first time a name is imported: unused ones cost the login dialog's first paint
about 10 ms (#18).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "src" / "comite" / "gui" / "forms"
INIT_TEXT = '"""Python forms generated from ui/*.ui by tools/compile_ui.py. Do not edit by hand."""\n'
_VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.MULTILINE)


def uic_command() -> list[str]:
    """How to run uic for Python: the pyside6-uic next to this interpreter, or on PATH."""
    here = Path(sys.executable).parent
    for candidate in (shutil.which("pyside6-uic", path=str(here)), shutil.which("pyside6-uic")):
        if candidate:
            return [candidate]
    import PySide6

    base = Path(PySide6.__file__).parent
    for name in ("Qt/libexec/uic", "uic.exe", "Qt/bin/uic"):
        if (base / name).exists():
            return [str(base / name), "-g", "python"]
    raise SystemExit("No se encontró pyside6-uic; instale PySide6.")


def form_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


_QT_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def prune_imports(text: str) -> str:
    """``text`` with the names its ``from PySide6.X import (...)`` blocks bring but it never uses left out."""
    body = "\n".join(line for line in _QT_IMPORT.sub("", text).splitlines() if not line.lstrip().startswith("#"))

    def kept(match: re.Match[str]) -> str:
        names = [n for n in re.split(r"[\s,]+", match.group(2)) if n and re.search(rf"\b{n}\b", body)]
        if not names:
            return ""
        rows = [", ".join(names[i:i + 4]) for i in range(0, len(names), 4)]
        joined = ",\n    ".join(rows)
        return f"from {match.group(1)} import ({joined})\n"

    return _QT_IMPORT.sub(kept, text)


def normalise(text: str) -> str:
    text = _VERSION_LINE.sub("## Created by: Qt User Interface Compiler", text)
    return prune_imports(text.replace("\r\n", "\n"))


def compile_one(ui_file: Path, out_dir: Path) -> Path:
    out = out_dir / form_name(ui_file)
    subprocess.run([*uic_command(), "--no-autoconnection", "-o", str(out), str(ui_file)], check=True)
    out.write_text(normalise(out.read_text(encoding="utf-8")), encoding="utf-8", newline="\n")
    return out


def ui_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def compile_all(out_dir: Path = FORMS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "__init__.py").write_text(INIT_TEXT, encoding="utf-8", newline="\n")
    return [compile_one(f, out_dir) for f in ui_files()]


def differences(forms_dir: Path = FORMS_DIR) -> list[str]:
    """Forms whose committed text differs from a fresh compile (or that are missing/extra)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = {p.name: p.read_text(encoding="utf-8") for p in compile_all(Path(tmp))}
    committed = {p.name: p.read_text(encoding="utf-8") for p in forms_dir.glob("ui_*.py")}
    problems = [f"{name}: no está generado" for name in sorted(fresh.keys() - committed.keys())]
    problems += [f"{name}: no corresponde a ningún .ui" for name in sorted(committed.keys() - fresh.keys())]
    problems += [f"{name}: desactualizado" for name in sorted(fresh.keys() & committed.keys())
                 if normalise(committed[name]) != fresh[name]]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="solo comprobar, sin escribir")
    args = parser.parse_args(argv)
    if args.check:
        problems = differences()
        for p in problems:
            print(p)
        return 1 if problems else 0
    for path in compile_all():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
