"""Undoable edits of the open session.

Each command calls a service in ``redo`` with the value after the edit and in
``undo`` with the value before it; the database is the only state. What the
service returned goes to ``on_done`` (the tab publishes its Changes; the votes
grid also shows the tally it carries). A refused call (a
:class:`~comite.errors.ComiteError`) marks the command obsolete (the stack drops
it, so nothing is left to undo that never happened) and the refusal is shown
inline by the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from comite.domain import VoteChoice
from comite.errors import ComiteError
from comite.gui.session.common import versioned
from comite.services import attendance, deliberation, sessions
from comite.services.context import Changes, ServiceContext
from comite.services.views import AttendanceRow

Handler = Callable[[Any], None]
"""Receives what the service returned (Changes, or a result carrying them)."""
ErrorHandler = Callable[[BaseException], None]

DELIBERATION_ID = 1001
DEVELOPMENT_ID = 1002


class ServiceCommand(QUndoCommand):
    """``do()``/``undo()`` are service calls; what they return goes to ``on_done``."""

    def __init__(self, text: str, do: Callable[[], Any], undo: Callable[[], Any], on_done: Handler,
                 on_error: ErrorHandler) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo
        self._on_done, self._on_error = on_done, on_error
        self.failed: BaseException | None = None

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except ComiteError as exc:
            self.failed = exc
            self.setObsolete(True)
            self._on_error(exc)
            return
        self.failed = None
        self._on_done(result)

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)


# --- attendance ----------------------------------------------------------------------------------

def _restore_attendance(ctx: ServiceContext, row: AttendanceRow) -> Changes:
    """Put a seat back exactly as ``row`` shows it (status, person, capacity and times)."""
    return attendance.set_attendance(
        ctx, row.id, status=row.status, person_name=row.person_name or "",
        person_position=row.person_position or "", capacity=row.capacity, clear_times=True,
        arrival=row.arrival, departure=row.departure,
    )


def _attendance_change(ctx: ServiceContext, row: AttendanceRow, field: str, value: Any,
                       expected_version: int | None) -> Changes:
    kwargs: dict[str, Any] = {}
    if field in ("arrival", "departure") and value is None:
        # The service clears both hours together; keep the other one.
        other = "departure" if field == "arrival" else "arrival"
        kwargs = {"clear_times": True, other: getattr(row, other)}
    elif field in ("person_name", "person_position"):
        kwargs = {field: value or ""}
    else:
        kwargs = {field: value}
    return versioned(attendance.set_attendance, ctx, row.id, expected_version=expected_version, **kwargs)


_FIELD_NAMES = {
    "status": "estado", "person_name": "persona", "person_position": "cargo", "capacity": "calidad",
    "arrival": "llegada", "departure": "salida",
}


class AttendanceCommand(ServiceCommand):
    """One attendance cell changed; undo restores the whole seat as it was."""

    def __init__(self, ctx: ServiceContext, row: AttendanceRow, field: str, value: Any, on_done: Handler,
                 on_error: ErrorHandler) -> None:
        first = {"version": row.row_version}

        def do() -> Changes:
            version, first["version"] = first["version"], None  # only the user's own edit is checked
            return _attendance_change(ctx, row, field, value, version)

        super().__init__(f"Asistencia: {_FIELD_NAMES.get(field, field)} de {row.entity}", do,
                         lambda: _restore_attendance(ctx, row), on_done, on_error)


# --- votes ---------------------------------------------------------------------------------------

Vote = tuple[VoteChoice, str | None] | None


def _apply_vote(ctx: ServiceContext, hearing_id: int, seat_key: str, vote: Vote, seen: Vote) -> Any:
    """Set the seat's vote to ``vote``, provided it is still ``seen`` (what the grid showed before
    this edit, or what this command left when undoing): someone else's vote is never overwritten."""
    expected = seen[0] if seen else None
    if vote is None:
        return deliberation.clear_vote(ctx, hearing_id, seat_key, expected=expected)
    choice, dissent = vote
    return deliberation.cast_vote(ctx, hearing_id, seat_key, choice, dissent, expected=expected)


class VoteCommand(ServiceCommand):
    """One seat's vote. Redo expects the vote shown before; undo expects the vote this command
    recorded, so undoing never reverts a vote someone else recorded meanwhile (the service refuses
    it with a conflict that names them, and the command leaves the stack).

    ``on_voted(result, seat_key, vote)`` gets the service's result (its Changes and tally) and
    the seat's vote as it now stands, so the grid shows both without reading the case again."""

    def __init__(self, ctx: ServiceContext, hearing_id: int, seat_key: str, entity: str, before: Vote,
                 after: Vote, on_voted: Callable[[Any, str, Vote], None], on_error: ErrorHandler) -> None:
        what = after[0].label.lower() if after else "voto retirado"
        super().__init__(f"Voto de {entity}: {what}",
                         lambda: (_apply_vote(ctx, hearing_id, seat_key, after, before), after),
                         lambda: (_apply_vote(ctx, hearing_id, seat_key, before, after), before),
                         lambda done: on_voted(done[0], seat_key, done[1]), on_error)


# --- agenda --------------------------------------------------------------------------------------

class MoveItemCommand(ServiceCommand):
    def __init__(self, ctx: ServiceContext, item_id: int, title: str, before: int, after: int,
                 on_done: Handler, on_error: ErrorHandler) -> None:
        super().__init__(f"Mover «{title}» en el orden del día",
                         lambda: sessions.move_item(ctx, item_id, after),
                         lambda: sessions.move_item(ctx, item_id, before), on_done, on_error)
        self.item_id = item_id


# --- texts (merged while typing) ---------------------------------------------------------------

class TextCommand(ServiceCommand):
    """A saved text (deliberation, development). Consecutive saves of the same
    text merge into one step, so Ctrl+Z goes back to before the typing began.
    The first save carries the row version the user saw (optimistic concurrency)."""

    def __init__(self, command_id: int, target: int, text: str, save: Callable[[str, int | None], Any],
                 before: str, after: str, on_done: Handler, on_error: ErrorHandler,
                 version: int | None = None) -> None:
        first = {"version": version}

        def do() -> Any:
            seen, first["version"] = first["version"], None
            return save(self.after, seen)

        super().__init__(text, do, lambda: save(self.before, None), on_done, on_error)
        self._id, self.target, self.before, self.after = command_id, target, before, after
        self._save = save

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TextCommand) or other.id() != self.id() or other.target != self.target \
                or other.failed is not None:
            return False
        self.after = other.after
        return True


def deliberation_command(ctx: ServiceContext, hearing_id: int, radicado: str, before: str, after: str,
                         on_done: Handler, on_error: ErrorHandler, version: int | None = None) -> TextCommand:
    def save(text: str, seen: int | None) -> Changes:
        return versioned(deliberation.update_hearing, ctx, hearing_id, deliberation=text, expected_version=seen)

    return TextCommand(DELIBERATION_ID, hearing_id, f"Deliberación del caso {radicado}", save,
                       before, after, on_done, on_error, version)


def development_command(ctx: ServiceContext, session_id: int, before: str, after: str, on_done: Handler,
                        on_error: ErrorHandler, version: int | None = None) -> TextCommand:
    def save(text: str, seen: int | None) -> Changes:
        return versioned(sessions.update_session, ctx, session_id, development=text, expected_version=seen)

    return TextCommand(DEVELOPMENT_ID, session_id, "Desarrollo de la sesión", save, before, after, on_done,
                       on_error, version)


def session_field_command(ctx: ServiceContext, session_id: int, label: str, field: str, before: Any,
                          after: Any, on_done: Handler, on_error: ErrorHandler,
                          version: int | None = None) -> ServiceCommand:
    """A field of the session (place, link, secretary…). Text fields clear with ``""``."""
    first = {"version": version}

    def do() -> Changes:
        seen, first["version"] = first["version"], None
        return versioned(sessions.update_session, ctx, session_id, expected_version=seen, **{field: after})

    return ServiceCommand(f"Sesión: {label}", do,
                          lambda: sessions.update_session(ctx, session_id, **{field: before}), on_done, on_error)

