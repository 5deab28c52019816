"""Build hook only: the metadata, dependencies and entry points are in pyproject.toml.

The top-level ``resources/`` (fonts embedded in the PDFs) and ``templates_actas/``
(the Word templates staff edit) stay where the design puts them, beside ``src/``.
A built wheel copies them into the package as ``comite/_bundled/resources`` and
``comite/_bundled/templates_actas``, where :mod:`comite.paths` looks first.

An editable install (the README's developer command) copies nothing: the package
runs from ``src/`` and :mod:`comite.paths` finds the two folders beside it, so an
edited template is used at once. Both end at the same files; ``comite selfcheck``
checks either install. The frozen application maps the same two folders in its
PyInstaller spec (``tools/release/comite.spec``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = ("resources", "templates_actas", "docs")  # top-level folders shipped inside the package (docs: F1's guide)


class BuildPyWithBundled(build_py):
    """``build_py`` that also copies :data:`BUNDLED` into ``comite/_bundled/``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout's folders are used in place (see the module docstring)
        target = Path(self.build_lib) / "comite" / "_bundled"
        for name in BUNDLED:
            source = ROOT / name
            if not source.is_dir():
                raise SystemExit(f"falta la carpeta {source}: el paquete no tendría sus datos")
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "~$*", ".*"))


setup(cmdclass={"build_py": BuildPyWithBundled})
