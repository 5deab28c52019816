"""The decision form's drafts kept in the database (encrypted, the author's only:
:mod:`comite.services.drafts`), so a crash, a power cut or quitting from the lock screen
loses nothing typed (#13).

The form's state is saved a second after the last edit, and at once when the page is hidden
(the lock screen), closed or the user moves to another case; it is restored when the case is
opened again, and discarded once the decision is registered or the user drops it."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import fields
from datetime import date
from enum import Enum
from types import UnionType
from typing import Any, get_args, get_type_hints

from PySide6.QtCore import QObject, QTimer

from comite.domain import MeasureAction
from comite.errors import ComiteError
from comite.services import drafts
from comite.services.context import ServiceContext

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 1000
"""How long after the last edit the draft is saved."""


def fingerprint(stored: tuple) -> str:
    """A short mark of the stored decision the typing began from (to notice that it changed)."""
    return hashlib.sha256(repr(stored).encode("utf-8")).hexdigest()[:16]


MEASURE_TYPES: tuple[Any, ...] = (str, str, int, MeasureAction, int | None, date | None, bool, str)
"""The types of a measure row of the form (``decision.MeasureRow``), by position; a row saved by
an older program, shorter, takes the defaults of the columns it lacked."""
MEASURE_DEFAULTS: tuple[Any, ...] = ("", "", 1, MeasureAction.IMPLEMENTAR, None, None, False, "")


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(kind: Any, value: Any) -> Any:
    """``value`` (as :func:`_encode` wrote it) back to ``kind`` (a class or ``X | None``)."""
    if value is None:
        return None
    target = next(k for k in get_args(kind) if k is not type(None)) if isinstance(kind, UnionType) else kind
    if isinstance(target, type) and issubclass(target, Enum):
        return target(value)
    if target is date:
        return date.fromisoformat(value)
    if target in (int, float, str, bool):
        return target(value)
    return value


def form_values(form: Any, stored: tuple) -> dict[str, Any]:
    """A :class:`~comite.gui.session.case.decision.DecisionForm` as the JSON the service keeps:
    every field of the dataclass, so a field added to the form is kept without a list to update."""
    values = {f.name: _encode(getattr(form, f.name)) for f in fields(form)}
    values["stored"] = fingerprint(stored)
    return values


def form_fields(form_class: type, values: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``form_class`` (the decision form) from :func:`form_values`; fields the draft
    lacks (saved by an older program) keep the form's defaults."""
    hints = get_type_hints(form_class)
    out: dict[str, Any] = {}
    for f in fields(form_class):
        if f.name not in values:
            continue
        raw = values[f.name]
        if f.name == "measures":
            out[f.name] = tuple(
                tuple(_decode(kind, row[i]) if i < len(row) else MEASURE_DEFAULTS[i]
                      for i, kind in enumerate(MEASURE_TYPES))
                for row in raw or [])
        else:
            out[f.name] = _decode(hints[f.name], raw)
    return out


class DraftKeeper(QObject):
    """Saves (debounced), loads and discards the drafts of one person's decision forms."""

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending: tuple[int, dict[str, Any], int | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def schedule(self, hearing_id: int, values: dict[str, Any], hearing_version: int | None) -> None:
        if self._pending is not None and self._pending[0] != hearing_id:
            self.flush()
        self._pending = (hearing_id, values, hearing_version)
        self._timer.start()

    def flush(self) -> None:
        """Save what is pending now (before the lock screen, closing, another case)."""
        self._timer.stop()
        pending, self._pending = self._pending, None
        if pending is None:
            return
        hearing_id, values, version = pending
        try:
            drafts.save_draft(self.ctx, hearing_id, values, hearing_version=version)
        except ComiteError as exc:  # a closed session, a case taken off the agenda: the form says the rest
            log.info("borrador de decisión no guardado: %s", exc)

    def load(self, hearing_id: int) -> drafts.Draft | None:
        if self._pending is not None and self._pending[0] == hearing_id:
            self.flush()
        try:
            return drafts.load_draft(self.ctx, hearing_id)
        except ComiteError as exc:
            log.info("borrador de decisión no leído: %s", exc)
            return None

    def discard(self, hearing_id: int) -> None:
        if self._pending is not None and self._pending[0] == hearing_id:
            self._timer.stop()
            self._pending = None
        try:
            drafts.discard_draft(self.ctx, hearing_id)
        except ComiteError as exc:
            log.info("borrador de decisión no descartado: %s", exc)
