"""The Qt half of ``comite selfcheck`` (see :mod:`comite.selfcheck`).

- the session workspace and the acta preview modules import (plain imports: the
  same ones a bundler follows);
- the acta preview rasterises the test acta with PDFium, through the widget the
  Acta tab uses, on Qt's offscreen platform (no window opens);
- the platform plugin this computer will use (``windows``, ``xcb``…, or
  ``QT_QPA_PLATFORM``) loads with its libraries, without starting it: a missing
  plugin makes Qt abort the process, so it is loaded as a library instead;
- Qt's own texts in Spanish (the buttons of standard dialogs: «Cancelar»);
- the binding keeps its references to ``None`` and ``True`` (see
  :func:`dropped_references`): PySide6 6.12.0 drops one at each signal emitted
  from Python and at each empty value read back, and on Python 3.11 the process
  then aborts («Fatal Python error: none_dealloc») minutes into the work.

The checks receive :class:`comite.selfcheck.Workspace` (not imported here: the
core orchestrates, this module only plugs in).
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QLibraryInfo, QObject, QPluginLoader, Signal
from PySide6.QtGui import QStandardItemModel

from comite.gui.app import spanish_translator

DEFAULT_PLATFORM = {"win32": "windows", "darwin": "cocoa"}  # anything else: xcb (Qt's Linux default)
PLUGIN_FILE = {"win32": "q{}.dll", "darwin": "libq{}.dylib"}  # anything else: libq{}.so


def check_session_workspace(ws: Any) -> str:
    from comite.gui import session_page
    from comite.gui.session import acta_tab, pdf_view

    for module, name in ((session_page, "SessionPage"), (acta_tab, "ActaTab"), (pdf_view, "PdfPagesView")):
        getattr(module, name)
    return "módulos de la sesión, la pestaña Acta y la vista previa presentes"


def check_pdf_preview(ws: Any) -> str:
    from PySide6.QtWidgets import QApplication

    from comite.gui.app import ensure_application
    from comite.gui.session.pdf_view import PdfPagesView

    if ws.acta_pdf is None:
        raise RuntimeError("No hay acta de prueba que mostrar (falló su revisión).")

    if QApplication.instance() is None:
        ensure_application(["comite", "-platform", "offscreen"])  # no window is ever shown
    view = PdfPagesView()
    try:
        pages = view.set_pdf(ws.acta_pdf)
        image = view.pages.grab().toImage()  # paints the first page, rasterised by PDFium
        if view.pages.renders < 1:
            raise RuntimeError("La vista previa no rasterizó ninguna página.")
        rect = view.pages.page_rect(0)
        colours = {image.pixel(x, y) for x in range(rect.left() + 40, rect.right() - 40, 7)
                   for y in range(rect.top() + 40, min(rect.bottom(), rect.top() + 300), 7)}
        if len(colours) < 2:
            raise RuntimeError("La primera página de la vista previa salió en blanco.")
    finally:
        view.pages.clear()
        view.deleteLater()
    return f"{_pages(pages)}, la primera rasterizada con PDFium, como en la pestaña Acta"


def _pages(n: int) -> str:
    return "1 página" if n == 1 else f"{n} páginas"


def platform_name() -> str:
    requested = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    return requested or DEFAULT_PLATFORM.get(sys.platform, "xcb")


def check_platform_plugin(ws: Any) -> str:
    name = platform_name()
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    path = folder / PLUGIN_FILE.get(sys.platform, "libq{}.so").format(name)
    if not path.is_file():
        raise FileNotFoundError(f"Falta el complemento de plataforma de Qt «{name}»: {path}")
    loader = QPluginLoader(str(path))
    if not loader.load():
        raise RuntimeError(f"El complemento de plataforma «{name}» no carga: {loader.errorString()}")
    return f"«{name}» carga ({path})"


def check_translations(ws: Any) -> str:
    translator = spanish_translator()
    if translator is None:
        raise FileNotFoundError("No se encontró la traducción de Qt al español (qtbase_es.qm): los diálogos "
                                "estándar saldrían en inglés.")
    cancel = translator.translate("QPlatformTheme", "Cancel")
    if cancel != "Cancelar":
        raise RuntimeError(f"La traducción de Qt cargó, pero «Cancel» se traduce «{cancel}».")
    return f"{Path(translator.filePath()).name}: los diálogos estándar dicen «Cancelar»"


class _Probe(QObject):
    ping = Signal()


def dropped_references(calls: int = 32) -> list[str]:
    """What the Qt binding does that loses a reference to ``None`` or ``True`` (``[]``: nothing).

    PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit()`` and ``None`` for an empty ``QVariant`` (an
    empty cell's ``QModelIndex.data()``, ``QComboBox.currentData()``, ``QGraphicsItem.itemChange``'s value…)
    without the reference it owes. On Python 3.12 and later both are immortal and nothing happens; on 3.11
    their count falls by one per call until it reaches zero, and CPython aborts the process (pyqtgraph's
    charts emit and receive such values hundreds of times per drawing). Each operation is counted over
    ``calls`` calls: a binding in order loses none, this one one per call. What the probe itself cost is
    given back, so that asking never brings the abort nearer.
    """
    probe = _Probe()
    model = QStandardItemModel(1, 1)
    cell = model.index(0, 0)  # empty: its data is an empty QVariant, None in Python
    operations = ((True, "emitir una señal", probe.ping.emit), (None, "leer un valor vacío", cell.data))
    found = []
    for singleton, what, call in operations:
        call()  # whatever a first call caches is not counted
        gc.collect()
        before = sys.getrefcount(singleton)
        for _ in range(calls):
            call()
        gc.collect()
        lost = before - sys.getrefcount(singleton)
        if lost >= calls // 2:
            found.append(f"{what} pierde {round(lost / calls)} referencia(s) a {singleton}")
            for _ in range(lost + 1):  # the first call's too
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(singleton))
    return found


def check_binding_references(ws: Any) -> str:
    lost = dropped_references()
    if lost:
        raise RuntimeError(f"PySide6 {PySide6.__version__} tiene un error de conteo de referencias ("
                           + "; ".join(lost) + "): la aplicación se cerraría de golpe al rato de uso. "
                           "Instale otra versión de PySide6-Essentials (la 6.12.0 tiene este error).")
    return f"PySide6 {PySide6.__version__}: emitir señales y leer valores vacíos no pierde referencias"


CHECKS: tuple[tuple[str, Callable[[Any], str]], ...] = (
    ("Espacio de trabajo de la sesión", check_session_workspace),
    ("Vista previa del acta (PDFium)", check_pdf_preview),
    ("Complemento de plataforma de Qt", check_platform_plugin),
    ("Traducción de Qt al español", check_translations),
    ("Conteo de referencias de PySide6", check_binding_references),
)
