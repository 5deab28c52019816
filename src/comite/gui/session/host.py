"""What a tab of the session workspace may use of the page around it (after Vorta's
``BaseTab(profile_provider)``).

The tabs never import :mod:`comite.gui.session_page`: they receive a
:class:`SessionHost` and use only what it declares -- the session's data as the
page last read it, a way to call services and publish what they changed, the
undo stack, messages and moving between tabs. The page implements it; a test
could hand a tab anything else that does.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from comite.rules.quorum import QuorumResult
from comite.services.context import Changes, ServiceContext
from comite.services.views import AgendaRow, AttendanceRow, SessionHeader


class Tab(IntEnum):
    """The tabs of the workspace, in order (Alt+1 … Alt+6)."""

    DATA = 0
    AGENDA = 1
    ATTENDANCE = 2
    CASES = 3
    COMMITMENTS = 4
    ACTA = 5


class SessionHost(Protocol):
    """The page as its tabs see it."""

    ctx: ServiceContext
    session_id: int
    undo_stack: QUndoStack

    @property
    def header(self) -> SessionHeader: ...
    @property
    def agenda(self) -> list[AgendaRow]: ...
    @property
    def attendance(self) -> list[AttendanceRow]: ...
    @property
    def convened(self) -> list[tuple[AttendanceRow, tuple[str, ...]]]: ...
    @property
    def editable(self) -> bool: ...

    def publish(self, changes: Changes, initiator: object) -> None:
        """Hand what a service changed to every view (this page's tabs included)."""

    def run(self, fn: Callable[..., Any], *args: Any, initiator: object, action: str = "", **kwargs: Any) -> Any:
        """Call a service now and publish its changes; ``None`` if it was refused (shown in words)."""

    def push(self, command: QUndoCommand) -> bool:
        """Push an undoable edit; ``False`` if the service refused it."""

    def report_error(self, exc: BaseException, *, action: str = "") -> None: ...
    def show_message(self, text: str, kind: str = ...) -> None: ...
    def show_ok(self, text: str) -> None: ...
    def flush(self) -> None:
        """Store every text still being typed in any tab."""

    def set_quorum(self, radicado: str | None, quorum: QuorumResult | None) -> None: ...
    def show_tab(self, index: int) -> None: ...
    def open_hearing(self, hearing_id: int) -> None:
        """Show one case of the agenda in «Casos en sesión»."""


class SessionTab(Protocol):
    """What the page asks of each tab."""

    def apply_changes(self, changes: Changes, initiator: object) -> None:
        """Show what changed (called while the tab is on screen; a hidden tab gets them when shown)."""

    def set_read_only(self, read_only: bool) -> None: ...
