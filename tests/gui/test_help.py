"""F1 lists every shortcut the application really has, and opens the user guide (#15)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest

from comite.domain import SessionStatus, VoteChoice
from comite.gui.help import GuideWindow, ShortcutsDialog, guide_path, native
from comite.services import sessions
from tests.gui.conftest import open_window
from tests.gui.test_session_page import _session


def _listed(dialog: ShortcutsDialog) -> set[str]:
    """Every single key sequence of the list, in the user's keyboard's words."""
    keys: set[str] = set()
    for combo, _what, _where in dialog.rows:
        keys.update(part.strip() for part in combo.split(" / "))
    return keys


def test_f1_lists_every_live_shortcut_and_opens_the_guide(qtbot, admin):
    sid, _hearings = _session(admin, "CERREM_POBLACIONAL")
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    window = open_window(qtbot, admin)
    page = window.open_session(sid)
    for index in range(6):  # every tab built, so every shortcut of the workspace exists
        page.show_tab(index)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    listed = _listed(dialog)
    live = [s.key() for s in window.findChildren(QShortcut)]
    live += [k for a in window.findChildren(QAction) for k in a.shortcuts()]
    assert len(live) > 20
    missing = {k.toString() for k in live if not k.isEmpty()
               and k.toString(QKeySequence.SequenceFormat.NativeText) not in listed}
    assert not missing, f"shortcuts missing from F1: {sorted(missing)}"
    text = dialog.table.text()
    for words in ("Votar", "a favor", "en contra", "abstención", "Registrar la decisión", "Alejar",
                  "Hora en que se trató el caso"):
        assert words.lower() in text.lower(), words
    for keys in ("1", "2", "3", native("Ctrl+P"), native("Ctrl+H"), native("Ctrl+Return"), native("Alt+6"),
                 native("Ctrl+PgDown")):
        assert keys in listed, keys
    assert f"1 {VoteChoice.A_FAVOR.label.lower()}" in text.lower()
    assert f"2 {VoteChoice.EN_CONTRA.label.lower()}" in text.lower()
    # the guide, by the mouse
    QTest.mouseClick(dialog.guide_button, Qt.MouseButton.LeftButton)
    guide = dialog.guide
    assert isinstance(guide, GuideWindow) and guide.isVisible()
    shown = guide.browser.toPlainText()
    assert "Guía de uso de comite" in shown and "Atajos de teclado" in shown
    assert "Instalar la sesión" in shown and "Levantar la sesión" in shown
    assert guide_path().name == "guia_usuario.md" and guide_path().is_file()
