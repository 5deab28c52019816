"""The session workspace: where the technical secretary runs a live session.

:class:`SessionPage` shows the session header (status, actions and the live
quorum of the case being treated) over six tabs — Datos y convocatoria, Orden
del día, Asistencia, Casos en sesión, Compromisos, Acta. It holds no domain
logic and no unsaved state beyond the short debounce of the texts typed:
every edit goes to a service at once, and the :class:`~comite.services.context.Changes`
it returns travel the change bus (:mod:`comite.gui.bus`) to every page -- this one
included -- with the tab that caused them. The page keeps what concerns its session:
it re-reads the session's data it holds, and the tab in view shows the change at once
while the others catch up when shown. Edits made here are undoable through
``undo_stack`` (the main window adds it to its ``QUndoGroup``).

The tabs see the page only as a :class:`~comite.gui.session.host.SessionHost`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from comite.domain import SessionStatus
from comite.errors import ComiteError, ConcurrencyConflict
from comite.gui import dialogs
from comite.gui import formatting as fmt
from comite.gui.bus import ChangeBus, Pending, concerns_session
from comite.gui.forms.ui_session_page import Ui_SessionPage
from comite.gui.session.acta_tab import ActaTab
from comite.gui.session.agenda_tab import AgendaTab
from comite.gui.session.attendance_tab import AttendanceTab
from comite.gui.session.case import CaseTab
from comite.gui.session.commitments_tab import CommitmentsTab
from comite.gui.session.common import (
    ERROR,
    INFO,
    OK,
    changes_of,
    fit_to_role,
    reserve_place,
    role_refusal,
    show_message,
)
from comite.gui.session.data_tab import DataTab
from comite.gui.session.host import Tab
from comite.gui.session.quorum_widget import QuorumWidget
from comite.services import sessions, views
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action

log = logging.getLogger("comite.gui.session")
T = TypeVar("T", bound=QWidget)

_STATUS_STYLE = {
    SessionStatus.PROGRAMADA: ("#e8eef7", "#1f3a5f"),
    SessionStatus.CONVOCADA: ("#e8eef7", "#1f3a5f"),
    SessionStatus.EN_CURSO: ("#e3f3e6", "#14532d"),
    SessionStatus.CERRADA: ("#fff4d6", "#6b4e00"),
    SessionStatus.ACTA_EN_REVISION: ("#fff4d6", "#6b4e00"),
    SessionStatus.ACTA_APROBADA: ("#e6e9f0", "#3c4043"),
    SessionStatus.CANCELADA: ("#fbe4e2", "#7f1d1d"),
}


class _LazyTab(Generic[T]):
    """A tab of the page, built and filled the first time it is shown or used.

    Building all six tabs at once (their forms, tables and queries) was most of
    the time a 150-case session took to open; the page now builds only the tab
    in view, and each other one when the user goes to it or code reaches it
    (``page.case_tab``)."""

    def __init__(self, index: int, cls: type[T], label: str) -> None:
        self.index, self.cls, self.label = index, cls, label

    @overload
    def __get__(self, page: None, owner: type | None = None) -> _LazyTab[T]: ...
    @overload
    def __get__(self, page: SessionPage, owner: type | None = None) -> T: ...
    def __get__(self, page: SessionPage | None, owner: type | None = None) -> T | _LazyTab[T]:
        if page is None:
            return self
        return page.tab(self.index)  # type: ignore[return-value]


def _within(widget: QWidget, initiator: object) -> bool:
    """Whether ``initiator`` is ``widget`` or one of its children (a tab, a panel of a tab)."""
    return initiator is widget or (isinstance(initiator, QWidget) and widget.isAncestorOf(initiator))


_EVERYTHING = Changes(session=True, agenda=True, attendance=True, decisions=True, commitments=True, acta=True,
                      votes=True)


class SessionPage(QWidget):
    """One session, opened in the main window (``SessionPage(ctx, session_id, parent, bus=window.bus)``).

    Without a ``bus`` (a page on its own, as tests open it) it keeps one of its own.
    """

    TAB_DATA, TAB_AGENDA, TAB_ATTENDANCE, TAB_CASES, TAB_COMMITMENTS, TAB_ACTA = (int(t) for t in Tab)
    data_tab = _LazyTab(TAB_DATA, DataTab, "&Datos y convocatoria")
    agenda_tab = _LazyTab(TAB_AGENDA, AgendaTab, "&Orden del día")
    attendance_tab = _LazyTab(TAB_ATTENDANCE, AttendanceTab, "&Asistencia")
    case_tab = _LazyTab(TAB_CASES, CaseTab, "&Casos en sesión")
    commitments_tab = _LazyTab(TAB_COMMITMENTS, CommitmentsTab, "Co&mpromisos")
    acta_tab = _LazyTab(TAB_ACTA, ActaTab, "Ac&ta")
    _TABS: tuple[_LazyTab, ...] = (data_tab, agenda_tab, attendance_tab, case_tab, commitments_tab, acta_tab)
    _SEARCH_BOXES = {TAB_DATA: "convenedFilter", TAB_AGENDA: "searchEdit", TAB_ATTENDANCE: "filterEdit",
                     TAB_COMMITMENTS: "filterEdit"}

    def __init__(self, ctx: ServiceContext, session_id: int, parent: QWidget | None = None, *,
                 bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id = session_id
        self.ui = Ui_SessionPage()
        self.ui.setupUi(self)
        self.undo_stack = QUndoStack(self)
        self._flushed_window: QObject | None = None
        self.bus = bus if bus is not None else ChangeBus(self)
        self._pending = Pending()  # what changed while the page was hidden
        self._tab_pending: dict[int, Pending] = {}  # and while a built tab was not the one in view

        self.header: views.SessionHeader = views.session_header(ctx, session_id)
        self.agenda: list[views.AgendaRow] = views.agenda_rows(ctx, session_id)
        self.attendance: list[views.AttendanceRow] = views.attendance_rows(ctx, session_id)
        self.convened: list[tuple[views.AttendanceRow, tuple[str, ...]]] = views.convened_from(self.agenda,
                                                                                               self.attendance)

        self.quorum = QuorumWidget(self)
        self.ui.quorumSlot.addWidget(self.quorum)
        title_font = self.ui.titleLabel.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.ui.titleLabel.setFont(title_font)
        self.ui.statusLabel.setMinimumWidth(110)
        self.ui.statusLabel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # a badge, one line
        self.ui.subtitleLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ui.subtitleLabel.setWordWrap(True)  # on a 1366-px screen the date and place go to a second line
        self.ui.titleLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ui.titleLabel.setWordWrap(True)  # the session's number stays in view beside more buttons
        reserve_place(self.ui.messageLabel)  # messages never move the tables below
        show_message(self.ui.messageLabel, "")

        self._built: dict[int, QWidget] = {}
        for n, lazy in enumerate(self._TABS, start=1):
            slot = QWidget(self.ui.tabs)
            QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self.ui.tabs.addTab(slot, lazy.label)
            self.ui.tabs.setTabToolTip(n - 1, f"Alt+{n}")
            shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda i=n - 1: self.show_tab(i))
        invitee = QShortcut(QKeySequence("Ctrl+Shift+I"), self)
        # nothing the role (or the approved acta) makes read-only is offered by a shortcut either
        invitee.activated.connect(lambda: self.data_tab.open_invitee_dialog() if self.editable else None)

        self.ui.startButton.clicked.connect(self.start_session)
        self.ui.closeButton.clicked.connect(self.close_session)
        self.ui.reviewButton.clicked.connect(lambda: self.acta_tab.issue_draft())
        self.ui.approveButton.clicked.connect(lambda: self.acta_tab.approve())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self._show_header()
        self._apply_read_only()
        # Open on the cases once the session is under way; on the data before.
        first = self.TAB_DATA
        if self.header.status is SessionStatus.EN_CURSO and any(r.hearing_id for r in self.agenda):
            first = self.TAB_CASES
        self.tab(first)
        if first != self.TAB_CASES:
            self._show_first_quorum()
        self.ui.tabs.setCurrentIndex(first)
        self.ui.tabs.currentChanged.connect(self._tab_changed)
        self.bus.changes_applied.connect(self.on_changes)

    # --- tabs ----------------------------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        self.ui.tabs.setCurrentIndex(index)

    def open_hearing(self, hearing_id: int) -> None:
        """Show one case of the agenda in «Casos en sesión»."""
        self.case_tab.go_to_hearing(hearing_id)
        self.show_tab(self.TAB_CASES)

    def tab(self, index: int) -> QWidget:
        """The tab at ``index``, built and filled now if it was not yet."""
        widget = self._built.get(index)
        if widget is None:
            slot = self.ui.tabs.widget(index)
            widget = self._TABS[index].cls(self, slot)
            self._built[index] = widget
            slot.layout().addWidget(widget)
            widget.show()  # now, not at the next event loop turn: callers may use it at once
            set_read_only = getattr(widget, "set_read_only", None)
            if set_read_only is not None:
                set_read_only(not self.editable)
        return widget

    def _built_tab(self, index: int) -> Any:
        """The tab at ``index`` if it was built (``None`` otherwise: it will load fresh when shown)."""
        return self._built.get(index)

    def _tab_changed(self, index: int) -> None:
        self.flush()
        widget = self.tab(index)
        pending = self._tab_pending.pop(index, None)
        if pending:
            widget.apply_changes(pending.take(), None)  # type: ignore[attr-defined]
        if index == self.TAB_ACTA:
            widget.shown()  # type: ignore[attr-defined]

    # --- hooks of the main window (F5, Ctrl+F, Ctrl+W) ---------------------------------------------
    def refresh(self) -> None:
        """Reload everything from the database (F5); on the Acta tab, the preview too."""
        self.flush()
        self.reload_all()
        if self.ui.tabs.currentIndex() == self.TAB_ACTA:
            self.acta_tab.refresh_preview()

    def focus_search(self) -> None:
        """Ctrl+F: the search or filter box of the tab in view."""
        index = self.ui.tabs.currentIndex()
        widget = self.tab(index)
        focus = getattr(widget, "focus_search", None)
        if callable(focus):
            focus()
            return
        name = self._SEARCH_BOXES.get(index)
        if name is not None:
            target = getattr(widget.ui, name)  # type: ignore[attr-defined]
            target.setFocus()
            target.selectAll()

    def can_close(self) -> bool:
        """Before the page closes (Ctrl+W, closing the window): store what is pending, and ask
        about decisions typed and not registered (``False``: the user went back, the page stays)."""
        self.flush()
        case = self._built_tab(self.TAB_CASES)
        return case is None or case.confirm_close()

    # --- messages ----------------------------------------------------------------------------------
    def show_message(self, text: str, kind: str = INFO) -> None:
        show_message(self.ui.messageLabel, text, kind)

    def show_ok(self, text: str) -> None:
        self.show_message(text, OK)

    def report_error(self, exc: BaseException, *, action: str = "") -> None:
        """A refusal inline, in words; a conflict also reloads (the user's input stays
        where it was typed); anything unexpected goes to the error dialog."""
        if isinstance(exc, ConcurrencyConflict):
            self.show_message(str(exc), ERROR)
            self.reload_all()
        elif isinstance(exc, ComiteError):
            self.show_message(str(exc), ERROR)
        else:
            dialogs.show_error(self, exc, action=action)

    # --- services and the change bus -----------------------------------------------------------
    def run(self, fn: Callable[..., Any], *args: Any, initiator: object = None, action: str = "",
            **kwargs: Any) -> Any:
        """Call a service now and publish its Changes (``initiator``: the tab that asked, else the
        page). ``None`` if refused."""
        try:
            result = fn(*args, **kwargs)
        except ComiteError as exc:
            self.report_error(exc)
            return None
        except Exception as exc:  # noqa: BLE001 - unexpected: dialog with the log's place
            dialogs.show_error(self, exc, action=action or "guardar el cambio")
            return None
        self.publish(changes_of(result), self if initiator is None else initiator)
        return result

    def publish(self, changes: Changes, initiator: object) -> None:
        """Hand a change to every view, through the bus (this page hears it back in :meth:`on_changes`)."""
        self.bus.publish(changes, initiator)

    def push(self, command: QUndoCommand) -> bool:
        """Push an undoable edit; ``False`` if the service refused it (nothing to undo then)."""
        self.undo_stack.push(command)
        return getattr(command, "failed", None) is None

    def on_changes(self, changes: Changes, initiator: object) -> None:
        """A change from the bus: kept for later while the page is hidden, shown now otherwise."""
        if not concerns_session(changes, self.session_id) or not self._shows(changes):
            return
        if changes.message and self._mine(initiator):
            self.show_ok(changes.message)
        if self.isVisible():
            self._apply(changes, initiator)
        else:
            self._pending.add(changes)

    def _shows(self, changes: Changes) -> bool:
        """Whether this page shows anything ``changes`` touched."""
        if (changes.session or changes.agenda or changes.attendance or changes.decisions or changes.votes
                or changes.commitments or changes.acta or changes.catalog):
            return True
        return changes.cases and (changes.case_id is None or any(r.case_id == changes.case_id for r in self.agenda))

    def _mine(self, initiator: object) -> bool:
        return _within(self, initiator)

    def _apply(self, changes: Changes, initiator: object) -> None:
        """Re-read the session's data ``changes`` touched; the tab in view shows it, the others when shown."""
        if changes.session or changes.acta or changes.catalog:
            self.header = views.session_header(self.ctx, self.session_id)
            self._show_header()
            self._apply_read_only()
        agenda = changes.agenda or changes.decisions or changes.cases
        attendance = changes.agenda or changes.attendance or changes.catalog
        if agenda:
            self.agenda = views.agenda_rows(self.ctx, self.session_id)
        if attendance:
            self.attendance = views.attendance_rows(self.ctx, self.session_id)
        if agenda or attendance:  # a case's restoration flag is a decision
            self.convened = views.convened_from(self.agenda, self.attendance)
        current = self.ui.tabs.currentIndex()
        for index, tab in self._built.items():
            if index == current or _within(tab, initiator):  # the tab that made the change shows it at once
                tab.apply_changes(changes, initiator)  # type: ignore[attr-defined]
            else:
                self._tab_pending.setdefault(index, Pending()).add(changes)
        if self.TAB_CASES not in self._built and (agenda or attendance):
            self._show_first_quorum()

    def reload_all(self) -> None:
        """Read everything again (F5, or after a conflict); nothing is published."""
        self._apply(_EVERYTHING, None)

    def _show_first_quorum(self) -> None:
        """The header's quorum while the cases tab is not built: the case it would open on."""
        row = next((r for r in self.agenda if r.hearing_id is not None), None)
        if row is None:
            self.set_quorum(None, None)
            return
        self.set_quorum(row.radicado, views.case_quorum(self.header, self.attendance, row))

    def set_quorum(self, radicado: str | None, quorum) -> None:
        if radicado is None or quorum is None:
            self.quorum.show_none()
        else:
            self.quorum.show_quorum(radicado, quorum)

    # --- header --------------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        """The session's data can change, by this user (a revisor only reads and observes the acta)."""
        return (not self.header.locked and self.header.status not in (SessionStatus.ACTA_APROBADA,
                                                                      SessionStatus.CANCELADA)
                and not role_refusal(self.ctx, Action.EDIT_SESSION, self.header.committee_id))

    def _show_header(self) -> None:
        h = self.header
        self.ui.titleLabel.setText(h.title)
        self.ui.titleLabel.setToolTip(h.title)
        place = h.place or h.virtual_link or "lugar por definir"
        times = fmt.hour(h.start) + (f"–{fmt.hour(h.end)}" if h.end else "")
        subtitle = (f"{h.committee_name} · {fmt.long_date(h.day, weekday=True)}"
                    + (f" · {times}" if times else "") + f" · {place}")
        self.ui.subtitleLabel.setText(subtitle)
        self.ui.subtitleLabel.setToolTip(subtitle)
        bg, fg = _STATUS_STYLE.get(h.status, ("#eef0f3", "#3c4043"))
        self.ui.statusLabel.setText(h.status.label)
        self.ui.statusLabel.setStyleSheet(
            f"background: {bg}; color: {fg}; border-radius: 10px; padding: 3px 10px; font-weight: bold;")
        status = h.status
        self.ui.startButton.setVisible(status in (SessionStatus.PROGRAMADA, SessionStatus.CONVOCADA,
                                                  SessionStatus.CERRADA))
        self.ui.startButton.setText("Reabrir la &sesión" if status is SessionStatus.CERRADA else "&Instalar la sesión")
        self.ui.closeButton.setVisible(status is SessionStatus.EN_CURSO)
        self.ui.reviewButton.setVisible(status in (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION))
        self.ui.approveButton.setVisible(status in (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION))
        committee = h.committee_id
        for button, action in ((self.ui.startButton, Action.EDIT_SESSION), (self.ui.closeButton, Action.EDIT_SESSION),
                               (self.ui.reviewButton, Action.GENERATE_DOCUMENTS),
                               (self.ui.approveButton, Action.APPROVE_ACTA)):
            fit_to_role(button, role_refusal(self.ctx, action, committee), tip=button.toolTip())
        self.setWindowTitle(h.title)

    def _apply_read_only(self) -> None:
        read_only = not self.editable
        for index, tab in self._built.items():
            if index != self.TAB_ACTA:
                tab.set_read_only(read_only)  # type: ignore[attr-defined]
        if read_only and role_refusal(self.ctx, Action.EDIT_SESSION, self.header.committee_id):
            self.show_message(role_refusal(self.ctx, Action.EDIT_SESSION, self.header.committee_id)
                              + " La sesión se muestra solo para consulta.", INFO)
        elif read_only:
            self.undo_stack.clear()  # the approved acta locked the data: nothing left to undo
            self.show_message("El acta de esta sesión está aprobada: sus datos ya no se modifican. "
                              "Una corrección se hace con fe de erratas (pestaña Acta).", INFO)

    def start_session(self) -> None:
        self.flush()
        if self.run(sessions.set_status, self.ctx, self.session_id, SessionStatus.EN_CURSO) is not None:
            self.show_ok("Sesión instalada (en curso): ya puede registrar votos y decisiones.")

    def close_session(self) -> None:
        self.flush()
        if self.header.end is None:
            self.show_message("Registre la hora de cierre antes de levantar la sesión "
                              "(pestaña Datos y convocatoria).", ERROR)
            self.show_tab(self.TAB_DATA)
            self.data_tab.ui.endEdit.setFocus()
            return
        if self.run(sessions.set_status, self.ctx, self.session_id, SessionStatus.CERRADA) is not None:
            self.show_ok("Sesión levantada (cerrada). El acta puede enviarse a revisión.")

    # --- never lose what was typed -------------------------------------------------------------
    def flush(self) -> None:
        """Store every pending (debounced) text now."""
        try:
            for index in (self.TAB_DATA, self.TAB_CASES):
                tab = self._built_tab(index)
                if tab is not None:
                    tab.flush()
        except RuntimeError:  # pragma: no cover - widgets already deleted at exit
            log.debug("flush after the widgets were deleted")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self and window is not self._flushed_window:
            window.installEventFilter(self)
            self._flushed_window = window
        if self._pending:  # what changed while another page was in view
            self._apply(self._pending.take(), None)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._flushed_window and event.type() == QEvent.Type.Close:
            self.flush()
        return super().eventFilter(watched, event)
