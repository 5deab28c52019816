"""Messages never move the layout (issue #15, item 4): the session page's and the case's message
areas keep their place, so a table below stays where the user aims the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from comite.gui.session.common import ERROR, INFO
from tests.gui.test_mouse_path import _cases_page
from tests.gui.test_session_page import _open, _session

LONG = ("No se puede registrar la asistencia: la sesión ya fue levantada y el acta está en revisión de los "
        "delegados; una corrección se hace con fe de erratas después de aprobarla. ") * 3


def _where(widget, page) -> tuple[QPoint, int]:
    QApplication.processEvents()
    return widget.mapTo(page, QPoint(0, 0)), widget.height()


def test_a_message_on_the_session_page_does_not_move_the_attendance_table(admin, qtbot):
    sid, _ = _session(admin)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_ATTENDANCE)
    table = page.attendance_tab.ui.attendanceTable
    before = _where(table, page)
    for text, kind in (("Guardado.", INFO), (LONG, ERROR), ("", INFO)):
        page.show_message(text, kind)
        assert _where(table, page) == before, f"the table moved when showing {text[:20]!r}"
    page.show_message(LONG, ERROR)
    assert page.ui.messageLabel.toolTip() == LONG  # cut on screen, whole in the tooltip


def test_a_message_in_the_case_does_not_move_the_votes(admin, qtbot):
    page, _ = _cases_page(qtbot, admin)
    case = page.case_tab
    table = case.votes.ui.votersTable
    before = _where(table, page)
    for text in ("Sin quórum para votar.", LONG, ""):
        case.say(text)
        assert _where(table, page) == before
