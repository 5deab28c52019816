"""The main window: navigation, committee filter, sessions list, and the place
where a session's workspace opens.

Hooks for pages (the session workspace in particular)::

    window = self.window()                      # a MainWindow
    window.register_undo_stack(self.undo_stack) # or just have an ``undo_stack`` attribute
    window.bus.publish(changes, self)           # after a service call: every page hears it

Every change travels one route, the window's :class:`~comite.gui.bus.ChangeBus`:
a page publishes the :class:`~comite.services.context.Changes` a service returned,
naming itself as the initiator; what other desktops (or windows) record arrives
the same way from the live feed, initiator :data:`~comite.gui.bus.REMOTE`. Each
page listens to ``bus.changes_applied``, decides whether the change concerns it,
and when hidden only marks itself to refresh when shown. A listener never
publishes what it hears (no ping-pong).

A session workspace is :class:`comite.gui.session_page.SessionPage`. It opens in
the central area (double click or Intro on a session, or :meth:`MainWindow.open_session`),
gets an entry in the navigation, and stays open (with whatever is being typed)
until closed with Ctrl+W. Optional members it may define: ``refresh()`` (F5),
``can_close()`` (before Ctrl+W), ``focus_search()`` (Ctrl+F). While it shows, its
``undo_stack`` is the active one of :attr:`MainWindow.undo_group` (Editar ▸
Deshacer/Rehacer).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QByteArray, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QListWidgetItem, QMainWindow, QMenu, QWidget

import comite
from comite.domain import Role
from comite.errors import ComiteError
from comite.gui import dialogs, workers
from comite.gui import formatting as fmt
from comite.gui.bus import REMOTE, ChangeBus, concerns_session
from comite.gui.dashboard import DashboardPage
from comite.gui.forms.ui_main_window import Ui_MainWindow
from comite.gui.idle import IdleWatcher, LockDialog
from comite.gui.live import LiveUpdates, changes_from_events
from comite.gui.login import DEMO_MARK
from comite.gui.new_session import NewSessionDialog
from comite.gui.preferences import PreferencesDialog
from comite.gui.session.common import fit_to_role, role_refusal
from comite.gui.session_page import SessionPage
from comite.gui.settings import Preferences, geometry_store, save_preferences
from comite.gui.table_models import (
    RIGHT,
    Column,
    RowTableModel,
    attach,
    current_row,
    fit_columns,
    select_row,
)
from comite.gui.wheel import install_wheel_guard
from comite.services import sessions
from comite.services.backup import POSTGRES_REFUSAL
from comite.services.catalog import is_demo_database
from comite.services.context import Changes, ServiceContext
from comite.services.dashboard import visible_committees
from comite.services.permissions import Action, allowed
from comite.services.sessions import SessionRow
from comite.storage import crypto, passwords
from comite.storage.secrets import KeyringSecretStore, SecretStore

if TYPE_CHECKING:  # built when first shown (MainWindow.page)
    from comite.gui.admin import AuditPage, UsersPage
    from comite.gui.registry import RegistryPage
    from comite.gui.reports import ReportsPage

log = logging.getLogger(__name__)

HOME, SESSIONS, REGISTRY, USERS, AUDIT = "inicio", "sesiones", "registro", "usuarios", "auditoria"
SESSION_PREFIX = "sesion:"
REPORTS = "informes"  # the «Informes» page (comite.gui.reports)
PAGE_NAMES = {HOME: "Inicio", SESSIONS: "Sesiones", REGISTRY: "Registro de casos", USERS: "Usuarios",
              AUDIT: "Auditoría"}


def session_title(row: SessionRow) -> str:
    """The navigation entry of an open session: number first, so an elided entry still tells them apart."""
    return f"{fmt.session_number(row.number, row.year)} · {row.committee_name}"


SESSION_COLUMNS = (
    Column("Número", lambda r: fmt.session_number(r.number, r.year), sort_key=lambda r: (r.year, r.number)),
    Column("Comité", lambda r: r.committee_name),
    Column("Fecha", lambda r: r.day, tooltip=lambda r: fmt.long_date(r.day, weekday=True)),
    Column("Hora", lambda r: r.start),
    Column("Tipo", lambda r: r.session_type),
    Column("Estado", lambda r: r.status),
    Column("Casos", lambda r: r.cases, align=RIGHT),
    Column("Lugar o enlace", lambda r: " · ".join(p for p in (r.place, r.virtual_link) if p),
           tooltip=lambda r: "\n".join(p for p in (r.place, r.virtual_link) if p) or None),
)


def _keyed_tip(action: QAction, verb: str, what: str, keys: str) -> None:
    if shiboken6.isValid(action):  # the group may still speak while the window is being destroyed
        action.setToolTip(f"{verb} {what} ({keys})" if what else f"{verb} ({keys})")


class MainWindow(QMainWindow):
    """See the module docstring for the hooks pages use."""

    locked_changed = Signal(bool)
    user_change_requested = Signal()
    """«Cambiar de usuario»: this window closed so that someone else logs in (the start-up asks who)."""

    def __init__(self, ctx: ServiceContext, *, demo: bool = False, preferences: Preferences | None = None,
                 kdf: crypto.KdfParams | None = None, hasher: passwords.PasswordHasherConfig | None = None,
                 store: SecretStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_wheel_guard(QApplication.instance())  # type: ignore[arg-type]  # once per application
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.db = ctx.db
        self.actor = ctx.actor
        self.demo = demo or is_demo_database(ctx.db)  # the badge is the database's
        self._switching_user = False
        self.preferences = preferences or Preferences()
        self.account_params = (kdf, hasher)
        self._store = store
        self.undo_group = QUndoGroup(self)
        self.bus = ChangeBus(self)  # every change, from here or from other desktops, to every page
        self.committees = visible_committees(ctx)
        self.session_pages: dict[int, QWidget] = {}
        self.new_session_dialog: NewSessionDialog | None = None
        self.lock_dialog: LockDialog | None = None
        self._hidden_while_locked: list[QWidget] = []
        self._focus_before_lock: QWidget | None = None
        self._pages: dict[str, QWidget] = {SESSIONS: self.ui.sessionsPage}
        self._page_makers: dict[str, Callable[[], QWidget]] = {}  # pages built when first shown (#18)

        self._setup_title()
        self._setup_edit_menu()
        self._setup_pages()
        self._setup_sessions_table()
        self._setup_committee_filter()
        self._setup_status_bar()
        self._connect_actions()
        self._setup_switch_user()
        self.idle = IdleWatcher(self.preferences.idle_lock_minutes * 60_000, self)
        self.idle.idle.connect(self.lock)
        self.live = LiveUpdates(self.db, self)  # what other desktops record, within a second or two
        self.live.arrived.connect(self.others_changed)
        self.bus.changes_applied.connect(self._sessions_list_changes)
        self.live.trouble.connect(lambda text: self.statusBar().showMessage(
            f"{text} Los cambios de otros equipos se mostrarán al recuperarla.", 10000))
        self.live.start()
        self._restore_geometry()
        self._sessions_loaded = False  # read when the list is first needed (the start page does not show it)
        self._sessions_stale = False  # something it shows changed while it was hidden
        self.show_page(self.preferences.last_page if self.has_page(self.preferences.last_page) else HOME)
        if self.ui.pages.currentWidget() is self.ui.sessionsPage:  # already current: no page change to hear
            self._ensure_sessions()

    # --- construction ---------------------------------------------------------------------------
    def _setup_title(self) -> None:
        who = self.actor.full_name or self.actor.username
        title = who  # Qt adds the application's name («— comite») itself
        if self.demo:
            title += f" — {DEMO_MARK}"
        self.setWindowTitle(title)

    def _setup_edit_menu(self) -> None:
        self.undo_action = self.undo_group.createUndoAction(self, "&Deshacer")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, "&Rehacer")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        first = self.ui.menuEdit.actions()[0]
        self.ui.menuEdit.insertAction(first, self.undo_action)
        self.ui.menuEdit.insertAction(first, self.redo_action)
        self.ui.menuEdit.insertSeparator(first)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        # the tooltip says what Ctrl+Z would undo, and the keys, like every other action's
        self.undo_group.undoTextChanged.connect(lambda text: _keyed_tip(
            self.undo_action, "Deshacer", text, "Ctrl+Z"))
        self.undo_group.redoTextChanged.connect(lambda text: _keyed_tip(
            self.redo_action, "Rehacer", text, "Ctrl+Y"))
        _keyed_tip(self.undo_action, "Deshacer", "", "Ctrl+Z")
        _keyed_tip(self.redo_action, "Rehacer", "", "Ctrl+Y")

    def _setup_pages(self) -> None:
        """The start page and the sessions list now; the other pages get their entry in the navigation
        now and are built the first time they are shown or asked for (:meth:`page`), so that the
        window a user waits for after «Entrar» builds only what it shows (#18)."""
        self.dashboard_page = DashboardPage(self.ctx, self)
        self.bus.changes_applied.connect(self.dashboard_page.on_changes)
        self.dashboard_page.open_session.connect(self.open_session)
        self.dashboard_page.open_case.connect(self.open_case)
        self._add_page(HOME, self.dashboard_page, self.ui.actionGoHome)
        self._add_page(SESSIONS, self.ui.sessionsPage, self.ui.actionGoSessions)
        if allowed(self.ctx, Action.READ_CASES):
            self._add_page(REGISTRY, self._make_registry_page, self.ui.actionGoRegistry)
        else:
            self.ui.actionGoRegistry.setVisible(False)
        self._setup_reports_page()
        if self.actor.role is Role.ADMINISTRADOR:
            self._add_page(USERS, self._make_users_page, self.ui.actionGoUsers)
            self._add_page(AUDIT, self._make_audit_page, self.ui.actionGoAudit)
        else:
            self.ui.actionGoUsers.setVisible(False)
            self.ui.actionGoAudit.setVisible(False)
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        # the side panel at its narrowest, where it has always opened: when every page was built with
        # the window, the reports page's minimum width squeezed the 210 asked here down to it (#18)
        self.ui.splitter.setSizes([self.ui.sidePanel.minimumWidth(), 1000])
        self.ui.pages.currentChanged.connect(self._page_changed)
        self.ui.navList.currentItemChanged.connect(self._nav_changed)

    def _make_registry_page(self) -> QWidget:
        from comite.gui.registry import RegistryPage

        page = RegistryPage(self.ctx, self)
        self.bus.changes_applied.connect(page.on_changes)
        page.changed.connect(lambda changes: self.bus.publish(changes, page))
        return page

    def _make_users_page(self) -> QWidget:
        from comite.gui.admin import UsersPage

        kdf, hasher = self.account_params
        page = UsersPage(self.ctx, self.committees, kdf=kdf, hasher=hasher, parent=self)
        self.bus.changes_applied.connect(page.on_changes)
        page.changed.connect(lambda changes: self.bus.publish(changes, page))
        return page

    def _make_audit_page(self) -> QWidget:
        from comite.gui.admin import AuditPage

        return AuditPage(self.ctx, self)

    def _make_reports_page(self) -> QWidget:
        from comite.gui.reports import ReportsPage

        page = ReportsPage(self.ctx, self)
        self.bus.changes_applied.connect(page.on_changes)
        return page

    @property
    def registry_page(self) -> RegistryPage | None:
        return cast("RegistryPage | None", self.page(REGISTRY))

    @property
    def reports_page(self) -> ReportsPage | None:
        return cast("ReportsPage | None", self.page(REPORTS))

    @property
    def users_page(self) -> UsersPage | None:
        return cast("UsersPage | None", self.page(USERS))

    @property
    def audit_page(self) -> AuditPage | None:
        return cast("AuditPage | None", self.page(AUDIT))

    def _setup_reports_page(self) -> None:
        """«Informes» (Ctrl+6) for whoever reads some committee's sessions; stale after any change."""
        if not self.committees:
            return
        self.actionGoReports = QAction("&Informes", self)
        self.actionGoReports.setShortcut(QKeySequence("Ctrl+6"))
        self.actionGoReports.triggered.connect(lambda _checked=False: self.show_page(REPORTS, focus=True))
        self.ui.menuView.insertAction(self.ui.actionGoAudit, self.actionGoReports)
        self.addAction(self.actionGoReports)
        self._add_page(REPORTS, self._make_reports_page, self.actionGoReports, title="Informes")

    def _add_page(self, key: str, page: QWidget | Callable[[], QWidget], action: QAction | None = None,
                  title: str = "") -> None:
        """The page's entry in the navigation; ``page`` may be a function building it when first needed."""
        if isinstance(page, QWidget):
            self._place_page(key, page)
        else:
            self._page_makers[key] = page
        item = QListWidgetItem(title or PAGE_NAMES.get(key, key))
        item.setData(Qt.ItemDataRole.UserRole, key)
        if action is not None:
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{item.text()} ({shortcut})" if shortcut else item.text())
        self.ui.navList.addItem(item)

    def _setup_sessions_table(self) -> None:
        self.sessions_model: RowTableModel[SessionRow] = RowTableModel(SESSION_COLUMNS, self)
        self.sessions_proxy = attach(self.ui.sessionsTable, self.sessions_model, filter_edit=self.ui.sessionFilter,
                                     sort_column=2, order=Qt.SortOrder.DescendingOrder)
        self.ui.sessionsTable.activated.connect(self._session_activated)
        for signal in (self.sessions_proxy.modelReset, self.sessions_proxy.layoutChanged,
                       self.sessions_proxy.rowsInserted, self.sessions_proxy.rowsRemoved):
            signal.connect(self._count_sessions)

    def _setup_committee_filter(self) -> None:
        combo = self.ui.committeeCombo
        if len(self.committees) != 1:
            everyone = "Todos los comités" if self.actor.role is Role.ADMINISTRADOR else "Todos mis comités"
            combo.addItem(everyone, None)
        for c in self.committees:
            combo.addItem(c.short_name, c.code)
            combo.setItemData(combo.count() - 1, c.name, Qt.ItemDataRole.ToolTipRole)
        at = combo.findData(self.preferences.last_committee)
        combo.setCurrentIndex(max(0, at))
        # no reading yet: the start page reads its lists once, when it is shown
        self.dashboard_page.set_committee(self.committee_code(), refresh=False)
        combo.currentIndexChanged.connect(self._committee_changed)

    def _setup_status_bar(self) -> None:
        bar = self.statusBar()
        who = self.actor.full_name or self.actor.username
        self.user_label = QLabel(f"{who} ({self.actor.username}) · {self.actor.role.label}")
        self.database_label = QLabel()
        url = self.db.display_url
        path = self.db.sqlite_path
        self.database_label.setText(f"Base: {path.name if path else url}")
        self.database_label.setToolTip(url)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.database_label)
        self.demo_label = QLabel(DEMO_MARK)
        self.demo_label.setProperty("role", "demo")
        self.demo_label.setVisible(self.demo)
        bar.addPermanentWidget(self.demo_label)

    def _connect_actions(self) -> None:
        ui = self.ui
        pairs: list[tuple[QAction, Callable[[], object]]] = [
            (ui.actionNewSession, self.new_session),
            (ui.actionOpenSession, self.open_selected_session),
            (ui.actionCloseSessionPage, self.close_current_session_page),
            (ui.actionBackup, self.backup),
            (ui.actionDocumentSettings, self.edit_document_settings),
            (ui.actionPreferences, self.edit_preferences),
            (ui.actionLock, self.lock),
            (ui.actionQuit, self.close),
            (ui.actionFind, self.focus_search),
            (ui.actionGoHome, lambda: self.show_page(HOME, focus=True)),
            (ui.actionGoSessions, lambda: self.show_page(SESSIONS, focus=True)),
            (ui.actionGoRegistry, lambda: self.show_page(REGISTRY, focus=True)),
            (ui.actionGoUsers, lambda: self.show_page(USERS, focus=True)),
            (ui.actionGoAudit, lambda: self.show_page(AUDIT, focus=True)),
            (ui.actionRefresh, self.refresh_current),
            (ui.actionToggleSidebar, lambda: self.ui.sidePanel.setVisible(self.ui.actionToggleSidebar.isChecked())),
            (ui.actionShortcuts, self.show_shortcuts),
            (ui.actionAbout, self.about),
        ]
        for action, slot in pairs:
            action.triggered.connect(lambda _checked=False, f=slot: f())
            action.setShortcutVisibleInContextMenu(True)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = action.toolTip() or action.text().replace("&", "").rstrip("…")
            if shortcut and shortcut not in tip:
                action.setToolTip(f"{tip} ({shortcut})")
        ui.newSessionButton.clicked.connect(self.new_session)
        ui.openSessionButton.clicked.connect(self.open_selected_session)
        can_edit = any(allowed(self.ctx, Action.EDIT_SESSION, c.id) for c in self.committees)
        # what the role may not do is disabled, with the service's own words as the reason (#15)
        no_edit = "" if can_edit else (role_refusal(self.ctx, Action.EDIT_SESSION, None) or
                                       "Su cuenta no está asignada a ningún comité: no puede crear sesiones.")
        for control in (ui.actionNewSession, ui.newSessionButton):
            fit_to_role(control, no_edit, tip=control.toolTip())
        fit_to_role(ui.actionBackup, role_refusal(self.ctx, Action.BACKUP, None)
                    or ("" if self.db.sqlite_path is not None else POSTGRES_REFUSAL), tip=ui.actionBackup.toolTip())
        for menu in (ui.menuFile, ui.menuEdit, ui.menuView):
            menu.setToolTipsVisible(True)
        ui.actionDocumentSettings.setVisible(allowed(self.ctx, Action.MANAGE_CATALOG))
        ui.actionCloseSessionPage.setEnabled(False)

    def _setup_switch_user(self) -> None:
        self.actionSwitchUser = QAction("Cambiar de &usuario…", self)
        self.actionSwitchUser.setToolTip("Cerrar las ventanas de esta cuenta (las decisiones sin registrar quedan "
                                         "guardadas) para que otra persona ingrese con la suya")
        self.ui.menuFile.insertAction(self.ui.actionQuit, self.actionSwitchUser)
        self.actionSwitchUser.triggered.connect(lambda _checked=False: self.switch_user())

    def switch_user(self) -> bool:
        """Close this user's windows safely: every text and decision typed is saved first (the
        decision drafts stay in the database, encrypted, for this account); then the start-up asks
        who logs in. ``False`` if the window stayed open."""
        for page in list(self.session_pages.values()):
            flush = getattr(page, "flush", None)
            if callable(flush):
                flush()
        self._switching_user = True
        if not self.close():
            self._switching_user = False
            return False
        self.user_change_requested.emit()
        return True

    @Slot()
    def _switch_from_lock(self) -> None:
        self._quit_from_lock(switch_user=True)

    # --- geometry -------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        store = geometry_store()
        geometry = store.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = store.value("main/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = store.value("main/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.ui.splitter.restoreState(splitter)

    def save_geometry(self) -> None:
        store = geometry_store()
        store.setValue("main/geometry", self.saveGeometry())
        store.setValue("main/state", self.saveState())
        store.setValue("main/splitter", self.ui.splitter.saveState())
        store.sync()

    # --- navigation -----------------------------------------------------------------------------
    def current_page_key(self) -> str:
        item = self.ui.navList.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else HOME

    def _place_page(self, key: str, page: QWidget) -> None:
        if self.ui.pages.indexOf(page) < 0:
            self.ui.pages.addWidget(page)
        self._pages[key] = page

    def has_page(self, key: str) -> bool:
        """Whether this window has the page ``key`` (built or still to be built)."""
        return key in self._pages or key in self._page_makers

    def page(self, key: str) -> QWidget | None:
        """The page ``key`` (built now if it had not been yet); ``None`` if this window has no such page."""
        make = self._page_makers.pop(key, None)
        if make is not None:
            self._place_page(key, make())
        return self._pages.get(key)

    def show_page(self, key: str, *, focus: bool = False) -> None:
        if not self.has_page(key):
            return
        for row in range(self.ui.navList.count()):
            if self.ui.navList.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.ui.navList.setCurrentRow(row)
                break
        if focus:
            self._focus_page(key)

    def _focus_page(self, key: str) -> None:
        if key == SESSIONS:
            self.ui.sessionsTable.setFocus()
        elif key == HOME:
            self.dashboard_page.ui.gvpTable.setFocus()
        else:
            page = self.page(key)
            assert page is not None
            page.setFocus()
            focus = getattr(page, "focus_search", None)
            if key == REGISTRY and callable(focus):
                focus()

    @Slot(QListWidgetItem, QListWidgetItem)
    def _nav_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        page = self.page(key)
        if page is not None:
            self.ui.pages.setCurrentWidget(page)

    @Slot(int)
    def _page_changed(self, _index: int) -> None:
        page = self.ui.pages.currentWidget()
        key = self.current_page_key()
        stack = getattr(page, "undo_stack", None)
        self.undo_group.setActiveStack(stack if isinstance(stack, QUndoStack) else None)
        self.ui.actionCloseSessionPage.setEnabled(key.startswith(SESSION_PREFIX))
        if not key.startswith(SESSION_PREFIX):
            self.preferences.last_page = key
        if page is self.ui.sessionsPage:
            self._ensure_sessions()
        elif key in (USERS, AUDIT) and page is self._pages.get(key):
            page.refresh()  # type: ignore[attr-defined]  # UsersPage and AuditPage both have it

    def committee_code(self) -> str | None:
        return self.ui.committeeCombo.currentData()

    @Slot(int)
    def _committee_changed(self, _index: int) -> None:
        self.preferences.last_committee = self.committee_code()
        if self._sessions_loaded:
            self.reload_sessions()
        self.dashboard_page.set_committee(self.committee_code())

    # --- sessions list --------------------------------------------------------------------------
    def _ensure_sessions(self) -> None:
        if not self._sessions_loaded or self._sessions_stale:
            self.reload_sessions()

    def _sessions_list_changes(self, changes: Changes, _initiator: object) -> None:
        """The list shows each session's date, times, type, status, place and number of cases:
        it reloads for those (now if in view, else when next shown), not for a vote or attendance."""
        if not (changes.session or changes.agenda or changes.catalog) or not self._sessions_loaded:
            return
        if self.ui.pages.currentWidget() is self.ui.sessionsPage and self.ui.sessionsPage.isVisible():
            self.reload_sessions()
        else:
            self._sessions_stale = True

    def reload_sessions(self) -> None:
        self._sessions_loaded, self._sessions_stale = True, False
        selected = current_row(self.ui.sessionsTable)
        try:
            rows = sessions.list_sessions(self.ctx, self.committee_code())
        except ComiteError as exc:
            dialogs.show_error(self, exc)
            return
        self.sessions_model.set_rows(rows)
        fit_columns(self.ui.sessionsTable)
        if selected is not None:
            select_row(self.ui.sessionsTable, self.sessions_model, self.sessions_model.find_id(selected.id))
        self._count_sessions()

    @Slot()
    def _count_sessions(self) -> None:
        shown, total = self.sessions_proxy.rowCount(), self.sessions_model.rowCount()
        text = fmt.plural(total, "sesión", "sesiones")
        self.ui.sessionsCount.setText(text if shown == total else f"Mostrando {shown} de {text}")

    def select_session(self, session_id: int) -> None:
        self._ensure_sessions()
        select_row(self.ui.sessionsTable, self.sessions_model, self.sessions_model.find_id(session_id))

    def selected_session(self) -> SessionRow | None:
        return current_row(self.ui.sessionsTable)

    @Slot()
    def new_session(self) -> NewSessionDialog | None:
        if not self.ui.actionNewSession.isEnabled():
            return None
        if self.new_session_dialog is not None and self.new_session_dialog.isVisible():
            self.new_session_dialog.raise_()
            self.new_session_dialog.activateWindow()
            return self.new_session_dialog
        editable = [c for c in self.committees if allowed(self.ctx, Action.EDIT_SESSION, c.id)]
        dialog = NewSessionDialog(self.ctx, editable, committee_code=self.committee_code(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._session_created)
        dialog.destroyed.connect(lambda *_: setattr(self, "new_session_dialog", None))
        self.new_session_dialog = dialog
        dialog.open()
        return dialog

    def _session_created(self, session_id: int, changes: Changes) -> None:
        self.filter_for_session(session_id)
        self.bus.publish(changes, self.new_session_dialog or self)
        self.show_page(SESSIONS)
        self.select_session(session_id)
        self.ui.sessionsTable.setFocus()
        row = self.selected_session()
        if row is not None:
            self.statusBar().showMessage(
                f"Se creó la sesión {fmt.session_number(row.number, row.year)} del {row.committee_name} "
                f"para el {fmt.long_date(row.day)}.", 10_000)

    def filter_for_session(self, session_id: int) -> None:
        """Make sure the committee filter and the text filter let ``session_id`` show."""
        self.ui.sessionFilter.clear()
        self._ensure_sessions()
        if self.sessions_model.find_id(session_id) is None and self.committee_code() is not None:
            self.reload_sessions()
            if self.sessions_model.find_id(session_id) is None:
                self.ui.committeeCombo.setCurrentIndex(0 if self.ui.committeeCombo.itemData(0) is None else
                                                       self.ui.committeeCombo.currentIndex())

    @Slot(QModelIndex)
    def _session_activated(self, index: QModelIndex) -> None:
        row = self.sessions_model.row_at(index)
        if row is not None:
            self.open_session(row.id)

    @Slot()
    def open_selected_session(self) -> None:
        row = self.selected_session()
        if row is None:
            self.statusBar().showMessage("Seleccione una sesión de la lista para abrirla.", 6000)
            return
        self.open_session(row.id)

    # --- the session workspace ------------------------------------------------------------------
    @Slot(int)
    def open_session(self, session_id: int) -> QWidget | None:
        """Show the workspace of ``session_id`` (created on first use, then kept)."""
        key = f"{SESSION_PREFIX}{session_id}"
        if session_id in self.session_pages:
            self.show_page(key)
            return self.session_pages[session_id]
        try:
            page = SessionPage(self.ctx, session_id, self, bus=self.bus)
        except ComiteError as exc:
            dialogs.show_error(self, exc)
            return None
        self.session_pages[session_id] = page
        stack = getattr(page, "undo_stack", None)
        if isinstance(stack, QUndoStack):
            self.register_undo_stack(stack)
        self._ensure_sessions()
        row_at = self.sessions_model.find_id(session_id)
        title = session_title(self.sessions_model.row(row_at)) if row_at is not None else (
            page.windowTitle() or f"Sesión {session_id}")
        self._add_page(key, page, title=title)
        nav = self.ui.navList.item(self.ui.navList.count() - 1)
        nav.setToolTip(f"{page.windowTitle() or title} (Ctrl+W la cierra)")
        self.show_page(key)
        return page

    def close_session_page(self, session_id: int) -> bool:
        page = self.session_pages.get(session_id)
        if page is None:
            return True
        can_close = getattr(page, "can_close", None)
        if callable(can_close) and not can_close():
            return False
        key = f"{SESSION_PREFIX}{session_id}"
        stack = getattr(page, "undo_stack", None)
        if isinstance(stack, QUndoStack):
            self.undo_group.removeStack(stack)
        for row in range(self.ui.navList.count()):
            if self.ui.navList.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.ui.navList.takeItem(row)
                break
        self.ui.pages.removeWidget(page)
        del self.session_pages[session_id]
        del self._pages[key]
        page.deleteLater()
        self.show_page(SESSIONS, focus=True)
        self.select_session(session_id)
        return True

    @Slot()
    def close_current_session_page(self) -> None:
        key = self.current_page_key()
        if key.startswith(SESSION_PREFIX):
            self.close_session_page(int(key.removeprefix(SESSION_PREFIX)))

    def register_undo_stack(self, stack: QUndoStack) -> None:
        """Route Editar ▸ Deshacer/Rehacer to ``stack`` while its page is the current one."""
        if stack not in self.undo_group.stacks():
            self.undo_group.addStack(stack)
        page = self.ui.pages.currentWidget()
        if getattr(page, "undo_stack", None) is stack:
            self.undo_group.setActiveStack(stack)

    @Slot(object)
    def others_changed(self, events: list) -> None:
        """Entries another desktop (or window) committed: on the bus, as the same changes made here."""
        changes, who = changes_from_events(events, self.db.origin)
        for change in changes:
            self.bus.publish(change, REMOTE)
        shown = [page.windowTitle() or f"sesión {sid}" for sid, page in self.session_pages.items()
                 if any(c.session_id is not None and concerns_session(c, sid) for c in changes)]
        if shown:
            names = ", ".join(f"«{u}»" for u in sorted(who))
            self.statusBar().showMessage(f"Actualizado con lo que registró {names} desde otro equipo o ventana: "
                                         + "; ".join(shown) + ".", 8000)

    # --- other pages ----------------------------------------------------------------------------
    @Slot(int)
    def open_case(self, case_id: int) -> None:
        if self.registry_page is None:
            self.statusBar().showMessage("Su rol no permite consultar el registro de casos.", 6000)
            return
        self.show_page(REGISTRY)
        self.registry_page.show_case(case_id)

    @Slot()
    def focus_search(self) -> None:
        page = self.ui.pages.currentWidget()
        if page is self.ui.sessionsPage:
            self.ui.sessionFilter.setFocus()
            self.ui.sessionFilter.selectAll()
            return
        focus = getattr(page, "focus_search", None)
        if callable(focus):
            focus()

    @Slot()
    def refresh_current(self) -> None:
        page = self.ui.pages.currentWidget()
        if page is self.ui.sessionsPage:
            self.reload_sessions()
            return
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    @Slot()
    def backup(self) -> None:
        from comite import paths
        from comite.services.backup import create_backup

        suggested = paths.data_dir() / f"comite-copia-{datetime.now():%Y%m%d-%H%M}.comite-backup"
        target = dialogs.ask_save_path(self, "Guardar copia de seguridad", suggested,
                                       "Copia de seguridad de comite (*.comite-backup)")
        if target is None:
            return

        def done(info) -> None:
            dialogs.show_info(self, f"Copia de seguridad cifrada guardada en {info.path}.",
                              title="Copia de seguridad",
                              detail="Para restaurarla se necesita una cuenta de esta base o la llave de "
                                     "recuperación.")

        workers.run_job(self, "crear la copia de seguridad", lambda _p, _c: create_backup(self.ctx, target),
                        on_done=done)

    @property
    def store(self) -> SecretStore:
        """Where the data key may be remembered (the OS credential store unless one was given)."""
        if self._store is None:
            self._store = KeyringSecretStore()
        return self._store

    @Slot()
    def edit_document_settings(self) -> QWidget:
        from comite.gui.document_settings import DocumentSettingsDialog

        dialog = DocumentSettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            dialog.changes.message if dialog.changes else "", 6000))
        dialog.accepted.connect(lambda: dialog.changes and self.bus.publish(dialog.changes, dialog))
        dialog.open()
        return dialog

    def edit_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.preferences, self.db, self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._preferences_chosen(dialog.chosen()))
        dialog.open()
        return dialog

    def _preferences_chosen(self, preferences: Preferences) -> None:
        self.preferences = preferences
        self.idle.set_timeout_minutes(preferences.idle_lock_minutes)
        try:
            save_preferences(preferences)
        except OSError:
            dialogs.show_info(self, "Las preferencias se aplican ahora, pero no se pudieron guardar para la "
                                    "próxima vez (la carpeta de configuración no admite escritura).",
                              title="Preferencias")

    @Slot()
    def show_shortcuts(self) -> None:
        """F1: every shortcut, read from the live actions (see :mod:`comite.gui.help`), and the guide."""
        from comite.gui.help import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()

    @Slot()
    def about(self) -> None:
        dialogs.show_info(
            self, f"comite {comite.__version__}", title="Acerca de comite",
            detail="Secretaría técnica de los comités de protección: Grupo de Valoración Preliminar y "
                   "CERREM. Los datos de las personas protegidas son reservados (Ley 1581 de 2012).")

    # --- idle lock ------------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.lock_dialog is not None

    @Slot()
    def lock(self) -> None:
        """Hide everything behind the password prompt; nothing is closed."""
        if self.is_locked:
            return
        self.idle.pause()
        self._focus_before_lock = QApplication.focusWidget()
        self._hidden_while_locked = [
            w for w in QApplication.topLevelWidgets()
            if w is not self and w.isVisible() and not isinstance(w, QMenu)
        ]
        for w in self._hidden_while_locked:
            w.hide()
        self.ui.rootStack.setCurrentWidget(self.ui.lockedPage)
        self.menuBar().setEnabled(False)
        self.lock_dialog = LockDialog(self.db, self.actor, self)
        self.lock_dialog.unlocked.connect(self.unlock)
        self.lock_dialog.quit_requested.connect(self._quit_from_lock)
        self.lock_dialog.switch_user_requested.connect(self._switch_from_lock)
        self.lock_dialog.open()
        self.locked_changed.emit(True)

    @Slot()
    def unlock(self) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
            self.lock_dialog = None
        self.ui.rootStack.setCurrentWidget(self.ui.workArea)
        self.menuBar().setEnabled(True)
        for w in self._hidden_while_locked:
            w.show()
        self._hidden_while_locked = []
        if self._focus_before_lock is not None:
            self._focus_before_lock.setFocus()
        self.idle.resume()
        self.locked_changed.emit(False)

    @Slot()
    def _quit_from_lock(self, switch_user: bool = False) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
            self.lock_dialog = None
        if switch_user:
            self.switch_user()
        else:
            self.close()

    # --- closing --------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        # Open sessions may hold decisions typed and not registered: each page asks (Cancel keeps
        # the window open). Not behind the lock screen: nobody authenticated could register them.
        # Nor when changing user: the drafts were just saved for this account, to come back with it.
        if self.ui.rootStack.currentWidget() is not self.ui.lockedPage and not self._switching_user:
            for session_id, page in list(self.session_pages.items()):
                can_close = getattr(page, "can_close", None)
                if callable(can_close) and not can_close():
                    self.show_page(f"{SESSION_PREFIX}{session_id}")
                    event.ignore()
                    return
        self.idle.stop()
        self.live.stop()
        self.save_geometry()
        with contextlib.suppress(OSError):  # preferences are a convenience; never block closing
            save_preferences(self.preferences)
        workers.cancel_all_and_wait(5000)
        super().closeEvent(event)
