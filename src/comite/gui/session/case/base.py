"""What the panels of «Casos en sesión» may use of the tab that holds them.

Each panel (deliberation, observations, recognition, votes, decision) is a widget
with its own form, filled from the case's :class:`~comite.services.views.HearingDetail`
by :meth:`CasePanel.show_case`. The panels never import the tab: they see it as a
:class:`CaseHost`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from comite.gui.session.host import SessionHost
from comite.services.views import HearingDetail


class CaseHost(Protocol):
    """The cases tab as its panels see it."""

    host: SessionHost
    detail: HearingDetail | None
    """The case shown, as last read (a panel may replace it with what a service returned)."""
    read_only: bool

    def say(self, text: str, kind: str = ...) -> None:
        """The inline message above the case (empty text hides it)."""

    def error(self, exc: BaseException) -> None:
        """A refusal in words; a conflict also reloads (what was typed stays)."""

    def call(self, fn: Callable[..., Any], *args: Any, initiator: object, **kwargs: Any) -> Any:
        """A direct (not undoable) service call for this case: its changes are published; a refusal
        is shown inline and the case read again. ``None`` if refused."""

    def published(self, result: Any, initiator: object) -> None:
        """What an undoable edit's service returned: publish its changes."""

    def reload_detail(self) -> None: ...

    def flush(self) -> None:
        """Store what is still being typed about the case (its deliberation)."""


class CasePanel(QWidget):
    """A part of the cases tab; fills itself from each case shown."""

    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case

    @property
    def host(self) -> SessionHost:
        return self.case.host

    def show_case(self, detail: HearingDetail, another_case: bool) -> None:
        """Show ``detail``; ``another_case`` when it is not the case shown before (nothing of
        that one may stay on screen), else a reload of the same case (keep what is being typed).
        Every panel overrides it: an abstract hook (QWidget's metaclass rules out ``abc.ABC``)."""
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        """Every panel overrides it (an abstract hook, as :meth:`show_case`)."""
        raise NotImplementedError
