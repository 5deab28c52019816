"""The one route by which changes reach the views (after Anki's ``operation_did_execute``).

A view that calls a service publishes the :class:`~comite.services.context.Changes`
it returned, naming itself as the initiator; a change another desktop (or another
window) recorded arrives the same way, translated once from the audit trail by
:mod:`comite.services.change_registry`, with :data:`REMOTE` as its initiator. The
bus hands every change to every page; each page decides whether it concerns it
(:func:`concerns_session`, the flags it shows) and, when it is not on screen, only
keeps the change (:class:`Pending`) and refreshes when it is shown again.

The initiator lets the view that made a change skip reloading what it already
shows (the votes grid puts the vote and the service's tally on screen itself),
and lets the right page show the change's message.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QShowEvent

from comite.services.context import Changes


class _Remote:
    def __repr__(self) -> str:
        return "REMOTE"


REMOTE: Final = _Remote()
"""The initiator of changes read from the audit trail (another desktop or window)."""

_FLAGS = tuple(f.name for f in fields(Changes) if f.type in ("bool", bool))


class ChangeBus(QObject):
    """Every change, with its initiator, to every listener (the main window owns one)."""

    changes_applied = Signal(object, object)  # Changes, initiator (the view that caused it, or REMOTE)

    def publish(self, changes: Changes, initiator: object) -> None:
        if any_change(changes) or changes.message:
            self.changes_applied.emit(changes, initiator)


def any_change(changes: Changes) -> bool:
    return any(getattr(changes, flag) for flag in _FLAGS)


def merged(a: Changes | None, b: Changes) -> Changes:
    """Both changes as one (what a hidden view must catch up on): the flags of either; a
    session or case only when both name the same one (``None``: any)."""
    if a is None:
        return replace(b, message="", created_id=None)
    flags = {flag: getattr(a, flag) or getattr(b, flag) for flag in _FLAGS}
    return Changes(**flags, session_id=a.session_id if a.session_id == b.session_id else None,
                   case_id=a.case_id if a.case_id == b.case_id else None)


def concerns_session(changes: Changes, session_id: int) -> bool:
    """Whether ``changes`` may alter what a view of ``session_id`` shows (``session_id=None``:
    any session, e.g. a catalogue import or a commitment carried over)."""
    return changes.session_id is None or changes.session_id == session_id


class Pending:
    """What a hidden view has to catch up on when it is shown."""

    def __init__(self) -> None:
        self.changes: Changes | None = None

    def add(self, changes: Changes) -> None:
        self.changes = merged(self.changes, changes)

    def take(self) -> Changes | None:
        changes, self.changes = self.changes, None
        return changes

    def __bool__(self) -> bool:
        return self.changes is not None


class RefreshWhenShown:
    """For a page (mixed in before ``QWidget``): :meth:`refresh_when_shown` reads it again now if
    it is on screen, else at its next show. The page defines ``refresh()``."""

    _stale = False

    def refresh_when_shown(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()  # type: ignore[attr-defined]
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self._stale = False
            self.refresh_shown()

    def refresh_shown(self) -> None:
        """How a page shown again catches up (now, unless the page says otherwise)."""
        self.refresh()  # type: ignore[attr-defined]
