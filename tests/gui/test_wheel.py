"""The mouse wheel changes a value only in the widget that has focus (issue #15, item 2): over
every other combo box, spin box or date edit of the main screens it changes nothing, and the
page around it scrolls instead."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from comite.domain import RiskLevel, SessionStatus
from comite.gui.wheel import VALUE_CLASSES, is_value_widget
from comite.services import sessions
from tests.gui.test_session_page import _session

SESSION_PREFIX = "session:"


def _wheel(widget: QWidget, steps: int) -> None:
    """Turn the wheel ``steps`` notches (positive: away from the user) over the widget's middle."""
    at = QPointF(widget.rect().center())
    event = QWheelEvent(at, QPointF(widget.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _value(widget: QWidget):
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


VALUE_WIDGETS = (QComboBox, QAbstractSpinBox)


def test_the_guard_knows_value_widgets_by_qt_class_name():
    assert tuple(kind.__name__ for kind in VALUE_WIDGETS) == VALUE_CLASSES


def _value_widgets(page: QWidget) -> list[QWidget]:
    found = [w for kind in VALUE_WIDGETS for w in page.findChildren(kind) if w.isVisible() and w.isEnabled()]
    assert all(is_value_widget(w) for w in found)  # date and time edits too, through QAbstractSpinBox
    return found


def _unfocused_wheel_changes_nothing(window, page: QWidget) -> int:
    widgets = _value_widgets(page)
    for widget in widgets:
        window.ui.navList.setFocus()  # somewhere else: the user is only scrolling past
        assert not widget.hasFocus()
        before = _value(widget)
        for steps in (1, -1, -1, 2):
            _wheel(widget, steps)
            assert _value(widget) == before, f"the wheel changed {widget.objectName() or type(widget).__name__}"
    return len(widgets)


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_the_wheel_over_an_unfocused_value_widget_changes_nothing(admin, qtbot, main_window):
    window = main_window
    sid, _ = _session(admin, "CERREM_POBLACIONAL")
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    _active(qtbot, window)
    seen = 0
    for key in list(window._pages):
        window.show_page(key)
        seen += _unfocused_wheel_changes_nothing(window, window.page(key))
    page = window.open_session(sid)
    assert page is not None
    for index in range(page.ui.tabs.count()):
        page.show_tab(index)
        seen += _unfocused_wheel_changes_nothing(window, page.ui.tabs.widget(index))
    assert seen >= 10  # the committee filter, the report's dates, the session's data, the decision form…


def test_a_focused_value_widget_still_takes_the_wheel_and_the_page_scrolls_past_others(admin, qtbot, main_window):
    window = main_window
    sid, _ = _session(admin, "CERREM_POBLACIONAL")
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    _active(qtbot, window)
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    form = page.case_tab.decision
    risk = form.ui.riskCombo
    try:
        risk.setCurrentIndex(risk.findData(RiskLevel.EXTRAORDINARIO))
        assert risk.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not grab focus
        # the page scrolls instead of the risk level changing
        window.resize(1000, 420)
        qtbot.waitUntil(lambda: page.case_tab.ui.rightScroll.verticalScrollBar().maximum() > 0)
        bar = page.case_tab.ui.rightScroll.verticalScrollBar()
        page.case_tab.ui.rightScroll.ensureWidgetVisible(risk)
        start = bar.value()
        _wheel(risk, -1 if start < bar.maximum() else 1)
        assert risk.currentData() == RiskLevel.EXTRAORDINARIO
        assert bar.value() != start
        # once focused (a click, Tab), the wheel changes it as before
        risk.setFocus()
        qtbot.waitUntil(risk.hasFocus)
        _wheel(risk, -1)
        assert risk.currentData() != RiskLevel.EXTRAORDINARIO
    finally:
        form.forget()  # nothing typed to ask about when the window closes
