"""The session workspace: where the technical secretary runs a live session.

:class:`SessionPage` shows the session header (status, actions and the live
quorum of the case being treated) over six tabs — Datos y convocatoria, Orden
del día, Asistencia, Casos en sesión, Compromisos, Acta. It holds no domain
logic and no unsaved state beyond the short debounce of the texts typed:
every edit goes to a service at once, and the :class:`~comite.services.context.Changes`
it returns say which tabs reload. Edits made here are undoable through
``undo_stack`` (the main window adds it to its ``QUndoGroup``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QSizePolicy, QWidget

from comite.domain import SessionStatus
from comite.errors import ComiteError, ConcurrencyConflict
from comite.gui import dialogs
from comite.gui import formatting as fmt
from comite.gui.forms.ui_session_page import Ui_SessionPage
from comite.gui.session.acta_tab import ActaTab
from comite.gui.session.agenda_tab import AgendaTab
from comite.gui.session.attendance_tab import AttendanceTab
from comite.gui.session.case_tab import CaseTab
from comite.gui.session.commitments_tab import CommitmentsTab
from comite.gui.session.common import ERROR, INFO, OK, show_message
from comite.gui.session.data_tab import DataTab
from comite.gui.session.quorum_widget import QuorumWidget
from comite.services import sessions, views
from comite.services.context import Changes, ServiceContext

log = logging.getLogger("comite.gui.session")

_STATUS_STYLE = {
    SessionStatus.PROGRAMADA: ("#e8eef7", "#1f3a5f"),
    SessionStatus.CONVOCADA: ("#e8eef7", "#1f3a5f"),
    SessionStatus.EN_CURSO: ("#e3f3e6", "#14532d"),
    SessionStatus.CERRADA: ("#fff4d6", "#6b4e00"),
    SessionStatus.ACTA_EN_REVISION: ("#fff4d6", "#6b4e00"),
    SessionStatus.ACTA_APROBADA: ("#e6e9f0", "#3c4043"),
    SessionStatus.CANCELADA: ("#fbe4e2", "#7f1d1d"),
}


class SessionPage(QWidget):
    """One session, opened in the main window (``SessionPage(ctx, session_id, parent)``)."""

    changed = Signal(object)
    """Emitted with the :class:`Changes` of every stored edit (lists elsewhere may refresh)."""

    TAB_DATA, TAB_AGENDA, TAB_ATTENDANCE, TAB_CASES, TAB_COMMITMENTS, TAB_ACTA = range(6)

    def __init__(self, ctx: ServiceContext, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id = session_id
        self.ui = Ui_SessionPage()
        self.ui.setupUi(self)
        self.undo_stack = QUndoStack(self)
        self._flushed_window: QObject | None = None

        self.header: views.SessionHeader = views.session_header(ctx, session_id)
        self.agenda: list[views.AgendaRow] = views.agenda_rows(ctx, session_id)
        self.attendance: list[views.AttendanceRow] = views.attendance_rows(ctx, session_id)
        self.convened: list[tuple[views.AttendanceRow, tuple[str, ...]]] = views.convened_rows(ctx, session_id)

        self.quorum = QuorumWidget(self)
        self.ui.quorumSlot.addWidget(self.quorum)
        title_font = self.ui.titleLabel.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.ui.titleLabel.setFont(title_font)
        self.ui.statusLabel.setMinimumWidth(110)
        self.ui.subtitleLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ui.titleLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        show_message(self.ui.messageLabel, "")

        self.data_tab = DataTab(self)
        self.agenda_tab = AgendaTab(self)
        self.attendance_tab = AttendanceTab(self)
        self.case_tab = CaseTab(self)
        self.commitments_tab = CommitmentsTab(self)
        self.acta_tab = ActaTab(self)
        tabs = (
            (self.data_tab, "&Datos y convocatoria"),
            (self.agenda_tab, "&Orden del día"),
            (self.attendance_tab, "&Asistencia"),
            (self.case_tab, "&Casos en sesión"),
            (self.commitments_tab, "Co&mpromisos"),
            (self.acta_tab, "Ac&ta"),
        )
        for n, (widget, label) in enumerate(tabs, start=1):
            self.ui.tabs.addTab(widget, label)
            self.ui.tabs.setTabToolTip(n - 1, f"Alt+{n}")
            shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda i=n - 1: self.show_tab(i))
        self.ui.tabs.currentChanged.connect(self._tab_changed)

        self.ui.startButton.clicked.connect(self.start_session)
        self.ui.closeButton.clicked.connect(self.close_session)
        self.ui.reviewButton.clicked.connect(self.acta_tab.issue_draft)
        self.ui.approveButton.clicked.connect(self.acta_tab.approve)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self._show_header()
        self._apply_read_only()
        # Open on the cases once the session is under way; on the data before.
        if self.header.status is SessionStatus.EN_CURSO and any(r.hearing_id for r in self.agenda):
            self.show_tab(self.TAB_CASES)

    # --- tabs ----------------------------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        self.ui.tabs.setCurrentIndex(index)

    def _tab_changed(self, index: int) -> None:
        self.flush()
        if self.ui.tabs.widget(index) is self.acta_tab:
            self.acta_tab.shown()

    # --- hooks of the main window (F5, Ctrl+F, Ctrl+W) ---------------------------------------------
    def refresh(self) -> None:
        """Reload everything from the database (F5); on the Acta tab, the preview too."""
        self.flush()
        self.reload_all()
        if self.ui.tabs.currentWidget() is self.acta_tab:
            self.acta_tab.refresh_preview()

    def focus_search(self) -> None:
        """Ctrl+F: the search or filter box of the tab in view."""
        current = self.ui.tabs.currentWidget()
        target = {
            self.data_tab: self.data_tab.ui.convenedFilter,
            self.agenda_tab: self.agenda_tab.ui.searchEdit,
            self.attendance_tab: self.attendance_tab.ui.filterEdit,
            self.case_tab: self.case_tab.ui.caseCombo,
            self.commitments_tab: self.commitments_tab.ui.filterEdit,
        }.get(current)
        if target is not None:
            target.setFocus()
            select_all = getattr(target, "selectAll", None)
            if callable(select_all):
                select_all()

    def can_close(self) -> bool:
        """Before the page closes (Ctrl+W): store what is pending."""
        self.flush()
        return True

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

    def run(self, fn, *args, action: str = "", **kwargs):
        """Call a service now; its Changes refresh the views. ``None`` if refused."""
        try:
            result = fn(*args, **kwargs)
        except ComiteError as exc:
            self.report_error(exc)
            return None
        except Exception as exc:  # noqa: BLE001 - unexpected: dialog with the log's place
            dialogs.show_error(self, exc, action=action or "guardar el cambio")
            return None
        from comite.gui.session.common import changes_of

        self.apply_changes(changes_of(result))
        return result

    def push(self, command: QUndoCommand) -> bool:
        """Push an undoable edit; ``False`` if the service refused it (nothing to undo then)."""
        self.undo_stack.push(command)
        return getattr(command, "failed", None) is None

    def on_error(self, exc: BaseException) -> None:
        self.report_error(exc)

    # --- refresh -----------------------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """Reload what ``changes`` touched, and nothing else."""
        if changes.session or changes.acta:
            self.header = views.session_header(self.ctx, self.session_id)
            self._show_header()
            self.data_tab.refresh_session()
            self._apply_read_only()
        if changes.agenda or changes.decisions:
            self.agenda = views.agenda_rows(self.ctx, self.session_id)
        if changes.agenda or changes.attendance:
            self.attendance = views.attendance_rows(self.ctx, self.session_id)
            self.convened = views.convened_rows(self.ctx, self.session_id)
            self.data_tab.refresh_convened()
            self.attendance_tab.refresh()
        if changes.agenda or changes.decisions:
            self.agenda_tab.refresh()
        if changes.agenda:
            self.case_tab.refresh_cases()
        elif changes.attendance or changes.decisions:
            self.case_tab.reload_detail()
        if changes.commitments:
            self.commitments_tab.refresh()
        if changes.acta or changes.session:
            self.acta_tab.refresh_versions()
        if any((changes.session, changes.agenda, changes.attendance, changes.decisions, changes.commitments,
                changes.acta)):
            self.acta_tab.mark_dirty()
        if changes.message:
            self.show_ok(changes.message)
        self.changed.emit(changes)

    def reload_all(self) -> None:
        self.apply_changes(Changes(session=True, agenda=True, attendance=True, decisions=True,
                                   commitments=True, acta=True, session_id=self.session_id))

    def set_quorum(self, radicado: str | None, quorum) -> None:
        if radicado is None or quorum is None:
            self.quorum.show_none()
        else:
            self.quorum.show_quorum(radicado, quorum)

    # --- header --------------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return not self.header.locked and self.header.status not in (SessionStatus.ACTA_APROBADA,
                                                                     SessionStatus.CANCELADA)

    def _show_header(self) -> None:
        h = self.header
        self.ui.titleLabel.setText(h.title)
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
        self.ui.startButton.setText("Reabrir &sesión" if status is SessionStatus.CERRADA else "&Iniciar sesión")
        self.ui.closeButton.setVisible(status is SessionStatus.EN_CURSO)
        self.ui.reviewButton.setVisible(status in (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION))
        self.ui.approveButton.setVisible(status in (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION))
        self.setWindowTitle(h.title)

    def _apply_read_only(self) -> None:
        read_only = not self.editable
        for tab in (self.data_tab, self.agenda_tab, self.attendance_tab, self.case_tab, self.commitments_tab):
            tab.set_read_only(read_only)
        if read_only:
            self.undo_stack.clear()  # the approved acta locked the data: nothing left to undo
            self.show_message("El acta de esta sesión está aprobada: sus datos ya no se modifican. "
                              "Una corrección se hace con fe de erratas (pestaña Acta).", INFO)

    def start_session(self) -> None:
        self.flush()
        if self.run(sessions.set_status, self.ctx, self.session_id, SessionStatus.EN_CURSO) is not None:
            self.show_ok("Sesión en curso: ya puede registrar votos y decisiones.")

    def close_session(self) -> None:
        self.flush()
        if self.header.end is None:
            self.show_message("Registre la hora de cierre antes de cerrar la sesión "
                              "(pestaña Datos y convocatoria).", ERROR)
            self.show_tab(self.TAB_DATA)
            self.data_tab.ui.endEdit.setFocus()
            return
        if self.run(sessions.set_status, self.ctx, self.session_id, SessionStatus.CERRADA) is not None:
            self.show_ok("Sesión cerrada. El acta puede enviarse a revisión.")

    # --- never lose what was typed -------------------------------------------------------------
    def flush(self) -> None:
        """Store every pending (debounced) text now."""
        try:
            self.data_tab.flush()
            self.case_tab.flush()
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._flushed_window and event.type() == QEvent.Type.Close:
            self.flush()
        return super().eventFilter(watched, event)

