"""One rule for the whole application: a value widget takes the mouse wheel only when it has focus.

A combo box, spin box or date/time edit that the wheel merely passes over while the user scrolls
a page would otherwise change silently (a risk level turned from Extraordinario to Ordinario). The
:class:`WheelGuard`, installed once on the QApplication, hands such a wheel to the widget's parents
(the page scrolls instead) and gives value widgets a focus policy the wheel does not grab (Qt gives
focus on the wheel to a widget whose policy includes it, before any filter sees the event): a click
or Tab focuses them, and then the wheel changes them as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QWheelEvent

VALUE_CLASSES = ("QComboBox", "QAbstractSpinBox")
"""What a wheel would change: combo boxes, spin boxes, date, time and date-time edits. By Qt's class
name (``QObject.inherits``): the guard sees every widget's first polish, the login dialog's too, and
PySide6 builds a Python class the first time its name is imported (~1 ms each, #18)."""


def is_value_widget(obj: QObject) -> bool:
    return any(obj.inherits(name) for name in VALUE_CLASSES)


def has_focus(widget: QWidget) -> bool:
    """The widget or something inside it (an editable combo's line) has the keyboard focus."""
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def pass_to_parents(widget: QWidget, event: QWheelEvent) -> None:
    """Send the wheel to the widget's parents, innermost first, until one takes it (a scroll area)."""
    from PySide6.QtGui import QWheelEvent  # the first wheel, not the start (~4 ms to build the class)

    position = event.position()
    child, parent = widget, widget.parentWidget()
    while parent is not None and not child.isWindow():
        position = position + child.pos().toPointF()
        forwarded = QWheelEvent(position, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                event.buttons(), event.modifiers(), event.phase(), event.inverted())
        forwarded.ignore()
        QApplication.sendEvent(parent, forwarded)
        if forwarded.isAccepted():
            return
        child, parent = parent, parent.parentWidget()


class WheelGuard(QObject):
    """The application's event filter (see the module docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and is_value_widget(watched):
            from PySide6.QtCore import Qt  # not at import: the login dialog paints without it (#18)

            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and is_value_widget(watched) and not has_focus(watched):
            pass_to_parents(watched, event)  # type: ignore[arg-type]  # a Wheel event is a QWheelEvent
            event.accept()
            return True  # the value stays as it was
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (calling again returns the one installed)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
