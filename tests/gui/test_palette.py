"""A dark system palette does not make the vote grid unreadable (#15): the application sets a light
palette on purpose, and the badge cells carry their own dark text even if a dark palette wins."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from comite.domain import SessionStatus, VoteChoice
from comite.gui.app import apply_look
from comite.services import deliberation, sessions
from tests.gui.test_session_page import _open, _session, _voting_keys


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio (1 to 21; 4.5 is the minimum for body text)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _dark() -> QPalette:
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#f1f3f4"),
                        (QPalette.ColorRole.Base, "#2b2b2b"), (QPalette.ColorRole.AlternateBase, "#333333"),
                        (QPalette.ColorRole.Text, "#ffffff"), (QPalette.ColorRole.Button, "#303134"),
                        (QPalette.ColorRole.ButtonText, "#ffffff"), (QPalette.ColorRole.Highlight, "#8ab4f8"),
                        (QPalette.ColorRole.HighlightedText, "#202124")):
        palette.setColor(role, QColor(color))
    return palette


@pytest.fixture
def dark_system():
    app = QApplication.instance()
    before_palette, before_style, before_sheet = app.palette(), app.style().name(), app.styleSheet()
    app.setPalette(_dark())  # what Windows' dark mode hands the application
    yield app
    app.setStyleSheet(before_sheet)
    app.setStyle(before_style)
    app.setPalette(before_palette)


def _cells_readable(table, palette: QPalette, minimum: float) -> int:
    model = table.model()
    checked = 0
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            if not index.data():
                continue
            bg = index.data(Qt.ItemDataRole.BackgroundRole)
            fg = index.data(Qt.ItemDataRole.ForegroundRole)
            base = palette.color(QPalette.ColorRole.AlternateBase if row % 2 else QPalette.ColorRole.Base)
            bg = QColor(bg) if bg is not None else base
            fg = QColor(fg) if fg is not None else palette.color(QPalette.ColorRole.Text)
            ratio = contrast(fg, bg)
            assert ratio >= minimum, f"«{index.data()}»: {fg.name()} on {bg.name()} ({ratio:.1f}:1)"
            checked += 1
    return checked


def test_a_dark_system_palette_leaves_the_vote_grid_readable(admin, qtbot, dark_system):
    sid, hearings = _session(admin, "CERREM_POBLACIONAL")
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    apply_look(dark_system)
    palette = dark_system.palette()
    # the light palette is set on purpose: dark text on a light base
    assert _luminance(palette.color(QPalette.ColorRole.Base)) > 0.8
    assert contrast(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)) >= 7
    page = _open(qtbot, admin, sid)
    keys = _voting_keys(page)
    from datetime import time

    deliberation.update_hearing(admin, hearings[0], discussed_at=time(10, 0))
    deliberation.cast_vote(admin, hearings[0], keys[0], VoteChoice.A_FAVOR)
    deliberation.cast_vote(admin, hearings[0], keys[1], VoteChoice.EN_CONTRA, "Salvamento")
    page.show_tab(page.TAB_CASES)
    table = page.case_tab.votes.ui.votersTable
    page.case_tab.reload_detail()
    assert _cells_readable(table, table.palette(), 4.5) > 10


def test_badges_keep_dark_text_even_under_a_dark_palette(admin, qtbot, dark_system):
    sid, _hearings = _session(admin, "CERREM_POBLACIONAL")
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    table = page.case_tab.votes.ui.votersTable
    model = table.model()
    badges = [model.index(r, 2) for r in range(model.rowCount())]
    assert badges and all(i.data(Qt.ItemDataRole.BackgroundRole) is not None for i in badges)
    for index in badges:  # the light badge never meets the palette's white text
        fg, bg = QColor(index.data(Qt.ItemDataRole.ForegroundRole)), QColor(index.data(Qt.ItemDataRole.BackgroundRole))
        assert contrast(fg, bg) >= 7, f"{fg.name()} on {bg.name()}"
    assert contrast(table.palette().color(QPalette.ColorRole.Text), QColor("#d7ecdc")) < 2  # what it was
