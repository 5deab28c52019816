"""The decision form's drafts kept in the database (encrypted, the author's only:
:mod:`comite.services.drafts`), so a crash, a power cut or quitting from the lock screen
loses nothing typed (#13).

The form's state is saved a second after the last edit, and at once when the page is hidden
(the lock screen), closed or the user moves to another case; it is restored when the case is
opened again, and discarded once the decision is registered or the user drops it."""

from __future__ import annotations

import hashlib
import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer

from comite.domain import DecisionOutcome, MeasureAction, RiskLevel
from comite.errors import ComiteError
from comite.services import drafts
from comite.services.context import ServiceContext

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 1000
"""How long after the last edit the draft is saved."""


def fingerprint(stored: tuple) -> str:
    """A short mark of the stored decision the typing began from (to notice that it changed)."""
    return hashlib.sha256(repr(stored).encode("utf-8")).hexdigest()[:16]


def form_values(form: Any, stored: tuple) -> dict[str, Any]:
    """A :class:`~comite.gui.session.case.decision.DecisionForm` as the JSON the service keeps."""
    return {
        "outcome": form.outcome.value,
        "risk_level": form.risk_level.value if form.risk_level is not None else None,
        "pct": form.pct,
        "concept": form.concept,
        "measures": [[code, name, quantity, action.value, months, reval.isoformat() if reval else None]
                     for code, name, quantity, action, months, reval in form.measures],
        "stored": fingerprint(stored),
    }


def form_fields(values: dict[str, Any]) -> dict[str, Any]:
    """The fields of a decision form, from :func:`form_values`."""
    return {
        "outcome": DecisionOutcome(values["outcome"]),
        "risk_level": RiskLevel(values["risk_level"]) if values.get("risk_level") else None,
        "pct": float(values.get("pct") or 0.0),
        "concept": str(values.get("concept") or ""),
        "measures": tuple((code, name, int(quantity), MeasureAction(action), months,
                           date.fromisoformat(reval) if reval else None)
                          for code, name, quantity, action, months, reval in values.get("measures", [])),
    }


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
