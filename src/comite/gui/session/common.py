"""Small helpers the session tabs share: hours typed as ``hh:mm``, inline
messages, optimistic-concurrency arguments, and the colours of badges."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from datetime import time
from functools import cache
from typing import Any, TypeVar

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit

from comite.domain import Rights
from comite.errors import ComiteError, ConcurrencyConflict
from comite.services.context import Changes

E = TypeVar("E")
HOUR_PATTERN = r"^$|^([01]?\d|2[0-3])[:.h]?([0-5]\d)$"
_HOUR = re.compile(HOUR_PATTERN)

GREEN = QColor("#1b7f3b")
RED = QColor("#b3261e")
GREY = QColor("#5f6368")
BADGE_VOTE = QColor("#d7ecdc")
BADGE_VOICE = QColor("#e6e9f0")
BADGE_TEXT = QColor("#1f2328")  # on a badge's light background, whatever the palette's text colour

# Message kinds: how an inline message looks.
OK, INFO, ERROR = "ok", "info", "error"
_STYLE = {
    OK: "color: #1b5e20; background: #e7f4ea; border-radius: 4px; padding: 4px 8px;",
    INFO: "color: #1f3a5f; background: #e8eef7; border-radius: 4px; padding: 4px 8px;",
    ERROR: "color: #8c1d18; background: #fbe9e7; border-radius: 4px; padding: 4px 8px;",
}


def parse_hour(text: str) -> time | None:
    """``"9:30"``, ``"09:30"``, ``"0930"`` or ``"9.30"`` → 09:30; empty → ``None``.

    Raises:
        ValueError: the text is not an hour of the day.
    """
    text = (text or "").strip()
    match = _HOUR.match(text)
    if match is None:
        raise ValueError(text)
    if not text:
        return None
    return time(int(match.group(1)), int(match.group(2)))


def hour_text(value: time | None) -> str:
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


def hour_validator(parent) -> QRegularExpressionValidator:
    return QRegularExpressionValidator(QRegularExpression(HOUR_PATTERN), parent)


def setup_hour_edit(edit: QLineEdit) -> None:
    edit.setValidator(hour_validator(edit))
    edit.setMaxLength(5)


def enum_data(combo, enum: type[E]) -> E | None:
    """A combo's current data as the enum it was stored from (Qt hands back the plain string)."""
    value = combo.currentData()
    return None if value is None or value == "" else enum(value)


def role_refusal(ctx: Any, action: Any, committee_id: int | None) -> str:
    """Why the user may not do ``action`` here (``""``: it may): the very sentence the service
    would raise (:func:`comite.services.permissions.refusal`), so screen and service agree."""
    from comite.services.permissions import refusal

    return refusal(ctx, action, committee_id) or ""


def fit_to_role(widget: Any, refusal: str, enabled: bool = True, tip: str = "") -> None:
    """Enable ``widget`` when the role allows it (and ``enabled``); otherwise disable it and say why
    in its tooltip, so nobody is refused only after a confirmation."""
    widget.setEnabled(enabled and not refusal)
    widget.setToolTip(refusal or tip)


def reserve_place(label: QLabel, lines: int = 2) -> None:
    """Make ``label`` a status area with a fixed place: it keeps its height (``lines`` lines)
    whether a message shows or not, so a message never moves what is below it (a click aimed
    at a row lands on that row); a longer message is cut there and read whole in its tooltip."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 14)  # the styles' padding and border


def show_message(label: QLabel, text: str, kind: str = INFO) -> None:
    """An inline message (empty text hides it)."""
    label.setText(text)
    label.setToolTip(text)
    label.setStyleSheet(_STYLE.get(kind, _STYLE[INFO]) if text else "")
    label.setVisible(bool(text))


def rights_badge(rights: Rights) -> QColor:
    return BADGE_VOTE if rights is Rights.VOZ_Y_VOTO else BADGE_VOICE


@cache
def _accepts_version(fn: Callable[..., Any]) -> bool:
    try:
        return "expected_version" in inspect.signature(fn).parameters
    except (TypeError, ValueError):  # pragma: no cover - builtins
        return False


def versioned(fn: Callable[..., Any], *args: Any, expected_version: int | None = None, **kwargs: Any) -> Any:
    """Call a service, passing the row version shown when the service takes one."""
    if expected_version is not None and _accepts_version(fn):
        kwargs["expected_version"] = expected_version
    return fn(*args, **kwargs)


def changes_of(result: Any) -> Changes:
    """The :class:`Changes` of a service result (some return it inside a result value)."""
    if isinstance(result, Changes):
        return result
    inner = getattr(result, "changes", None)
    return inner if isinstance(inner, Changes) else Changes()


def is_conflict(exc: BaseException) -> bool:
    return isinstance(exc, ConcurrencyConflict)


def user_text(exc: BaseException) -> str:
    """What to show for a refusal: the Spanish sentence of a ComiteError."""
    return str(exc) if isinstance(exc, ComiteError) else "Ocurrió un error inesperado; el detalle quedó en el registro."
