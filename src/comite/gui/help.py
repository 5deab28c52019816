"""F1: every keyboard shortcut, and the user guide.

The list is built when F1 is pressed, from what the application really has:

* every :class:`QAction` with a shortcut under the main window (its menus, and the
  actions of any open session page such as the acta preview's zoom);
* the keys of the session workspace, declared once in :data:`SESSION_KEYS`. Its
  pages make their :class:`QShortcut` objects on their own and only once a session
  is opened, so a test opens a session, collects every live ``QShortcut`` and fails
  if one is missing from :data:`SESSION_KEYS` (the list cannot go stale);
* the keys that a table reads itself: the voting keys of the vote grid
  (:data:`comite.gui.session.case.votes.VOTE_KEYS`).

The guide (``docs/guia_usuario.md``, shipped inside the package) opens in a
window of its own, rendered from its Markdown.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from comite import paths


@dataclass(frozen=True)
class Keys:
    """Keys (Qt's portable text, e.g. ``"Ctrl+Return"``) and what they do, on a page."""

    keys: tuple[str, ...]
    what: str
    where: str


SESSION_KEYS = (
    Keys(tuple(f"Alt+{n}" for n in range(1, 7)), "Ir a la pestaña de la sesión: 1 Datos y convocatoria, "
         "2 Orden del día, 3 Asistencia, 4 Casos en sesión, 5 Compromisos, 6 Acta", "Sesión"),
    Keys(("Ctrl+Shift+I",), "Agregar un invitado", "Sesión"),
    Keys(("Ctrl+Up", "Ctrl+Down"), "Subir o bajar el punto seleccionado", "Orden del día"),
    Keys(("Del",), "Retirar el punto seleccionado", "Orden del día"),
    Keys(("Ctrl+P",), "Marcar presente el puesto seleccionado", "Asistencia"),
    Keys(("F2",), "Editar la celda seleccionada (también doble clic)", "Tablas editables"),
    Keys(("Alt+Right", "PgDown"), "Caso siguiente", "Casos en sesión"),
    Keys(("Alt+Left", "PgUp"), "Caso anterior", "Casos en sesión"),
    Keys(("Ctrl+H",), "Hora en que se trató el caso: ahora", "Casos en sesión"),
    Keys(("Ctrl+Return",), "Registrar la decisión", "Casos en sesión"),
)
"""The session workspace's own shortcuts (see the module docstring)."""

GENERAL_KEYS = (
    Keys(("Return",), "Abrir el elemento seleccionado de una lista", "Listas"),
    Keys(("Alt+letra subrayada",), "Ir al campo o al botón", "Todas"),
)


def native(keys: str) -> str:
    """``"Ctrl+Return"`` as the user's keyboard names it (``Ctrl+Intro`` on a Spanish system)."""
    sequence = QKeySequence(keys)
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    return text if text and not sequence.isEmpty() else keys


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(keys, what they do, where) for every shortcut of the application, in reading order."""
    from comite.gui.session.case.votes import CLEAR_KEYS, VOTE_KEYS  # the keys the vote grid reads itself

    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(keys: str, what: str, where: str) -> None:
        if (keys, what) not in seen:
            seen.add((keys, what))
            rows.append((keys, what, where))

    menus = [(action.text().replace("&", ""), action.menu()) for action in _menu_bar_actions(window)]
    for title, menu in menus:
        for action in menu.actions():
            if not action.isSeparator() and action.isVisible() and not action.shortcut().isEmpty():
                add(_keys_text(action), _action_text(action), f"Menú {title}")
    for action in window.findChildren(QAction):  # actions of the open pages (the acta preview's zoom…)
        if action.shortcut().isEmpty() or any(action in menu.actions() for _t, menu in menus):
            continue
        add(_keys_text(action), _action_text(action), "Vista previa del acta" if _in_preview(action) else "")
    for entry in SESSION_KEYS:
        add(" / ".join(native(k) for k in entry.keys), entry.what, entry.where)
    vote_keys = ", ".join(f"{native(QKeySequence(key).toString())} {choice.label.lower()}"
                          for key, choice in VOTE_KEYS.items())
    add(" / ".join(native(QKeySequence(k).toString()) for k in VOTE_KEYS), f"Votar: {vote_keys}", "Votación")
    add(" / ".join(native(QKeySequence(k).toString()) for k in CLEAR_KEYS), "Borrar el voto", "Votación")
    for entry in GENERAL_KEYS:
        add(" / ".join(native(k) for k in entry.keys), entry.what, entry.where)
    return rows


def _menu_bar_actions(window: QWidget) -> list[QAction]:
    if isinstance(window, QMainWindow):
        return [a for a in window.menuBar().actions() if a.menu() is not None]
    return []


def _keys_text(action: QAction) -> str:
    return " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())


def _action_text(action: QAction) -> str:
    return action.text().replace("&", "").rstrip("…").strip()


def _in_preview(action: QAction) -> bool:
    from comite.gui.session.pdf_view import PdfPreview

    return isinstance(action.parent(), PdfPreview)


def guide_path() -> Path:
    return paths.docs_dir() / "guia_usuario.md"


class ShortcutsDialog(QDialog):
    """The list of shortcuts, with a button that opens the user guide."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle("Atajos de teclado")
        self.rows = shortcut_rows(window)
        body = "".join(
            f"<tr><td style='padding-right:16px; white-space:nowrap'><b>{html.escape(k)}</b></td>"
            f"<td style='padding-right:16px'>{html.escape(t)}</td><td style='color:#5f6368'>{html.escape(w)}</td></tr>"
            for k, t, w in self.rows)
        self.table = QLabel(f"<table>{body}</table>")
        self.table.setWordWrap(True)
        scroll = QScrollArea(self)
        scroll.setWidget(self.table)
        scroll.setWidgetResizable(True)
        self.guide_button = QPushButton("Abrir la &guía de uso")
        self.guide_button.setToolTip(f"La guía de la secretaría técnica ({guide_path().name})")
        self.guide_button.clicked.connect(self.open_guide)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Cerrar")
        buttons.addButton(self.guide_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.guide: GuideWindow | None = None
        screen = window.screen().availableGeometry() if window.screen() else None
        self.resize(min(760, screen.width() - 80) if screen else 760, min(640, screen.height() - 80) if screen else 640)

    def open_guide(self) -> GuideWindow:
        if self.guide is None:
            self.guide = GuideWindow(self.parentWidget())
        self.guide.show()
        self.guide.raise_()
        return self.guide


class GuideWindow(QDialog):
    """``docs/guia_usuario.md`` rendered (its pictures and links resolved beside it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Guía de uso")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = f"No se encontró la guía de uso ({path}). Reinstale la aplicación."
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setMarkdown(text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(900, 700)
