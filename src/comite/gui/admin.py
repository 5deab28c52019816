"""The administrator's pages: accounts and the audit trail."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from comite.domain import Role
from comite.errors import ComiteError, ValidationError
from comite.gui import dialogs, workers
from comite.gui import formatting as fmt
from comite.gui.forms.ui_audit_page import Ui_AuditPage
from comite.gui.forms.ui_new_user_dialog import Ui_NewUserDialog
from comite.gui.forms.ui_users_page import Ui_UsersPage
from comite.gui.login import set_message
from comite.gui.table_models import RIGHT, Column, RowTableModel, attach, fit_columns, select_row
from comite.services import accounts, audit, cases
from comite.services.accounts import UserRow
from comite.services.audit import AuditRow
from comite.services.context import Changes, ServiceContext
from comite.services.dashboard import CommitteeInfo, radicados
from comite.storage import crypto, passwords
from comite.text import normalize_radicado

# --- accounts ------------------------------------------------------------------------------------


def account_state(row: UserRow) -> str:
    state = "Inactiva" if not row.active else "Bloqueada por intentos fallidos" if row.locked else "Activa"
    return f"{state} (demo)" if row.demo else state


class NewUserDialog(QDialog):
    """Create an account (administrator only). Emits :attr:`created` with the username."""

    created = Signal(str)

    def __init__(self, ctx: ServiceContext, committees: list[CommitteeInfo], *,
                 kdf: crypto.KdfParams | None = None, hasher: passwords.PasswordHasherConfig | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewUserDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self._kdf, self._hasher = kdf, hasher
        for role in (Role.SECRETARIA, Role.REVISOR, Role.ADMINISTRADOR):
            self.ui.roleCombo.addItem(role.label, role.value)
        for c in committees:
            item = QListWidgetItem(c.short_name, self.ui.committeesList)
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            item.setToolTip(c.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        set_message(self.ui.errorLabel, "")
        self.ui.roleCombo.currentIndexChanged.connect(self._role_changed)
        self.ui.createButton.clicked.connect(self.create)
        self.ui.cancelButton.clicked.connect(self.reject)
        self._role_changed()
        self.ui.usernameEdit.setFocus()

    def role(self) -> Role:
        return Role(self.ui.roleCombo.currentData())

    @Slot()
    def _role_changed(self) -> None:
        admin = self.role() is Role.ADMINISTRADOR
        self.ui.committeesList.setEnabled(not admin)
        self.ui.committeesList.setToolTip("Quien administra ve todos los comités." if admin else
                                          "Marque con la barra espaciadora los comités que la cuenta atiende")

    def set_committees(self, codes: list[str]) -> None:
        for i in range(self.ui.committeesList.count()):
            item = self.ui.committeesList.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def committees(self) -> list[str]:
        if self.role() is Role.ADMINISTRADOR:
            return []
        out = []
        for i in range(self.ui.committeesList.count()):
            item = self.ui.committeesList.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def _values(self) -> dict:
        username = self.ui.usernameEdit.text().strip()
        full_name = self.ui.fullNameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not username or not full_name:
            raise ValidationError("Escriba el usuario y el nombre completo.")
        if password != self.ui.repeatEdit.text():
            raise ValidationError("Las dos contraseñas no coinciden.")
        committees = self.committees()
        if self.role() is not Role.ADMINISTRADOR and not committees:
            raise ValidationError("Marque al menos un comité: sin comités la cuenta no vería ninguna sesión.")
        passwords.check_password_policy(password, username=username)
        return {"username": username, "full_name": full_name, "role": self.role(), "password": password,
                "committees": committees}

    @Slot()
    def create(self) -> None:
        try:
            values = self._values()
        except ComiteError as exc:
            set_message(self.ui.errorLabel, str(exc))
            return
        set_message(self.ui.errorLabel, "")
        self.ui.createButton.setEnabled(False)

        def refused(exc: BaseException) -> None:
            self.ui.createButton.setEnabled(True)
            if isinstance(exc, ComiteError):
                set_message(self.ui.errorLabel, str(exc))
            else:
                dialogs.show_error(self, exc, action="crear la cuenta")

        def done(_changes) -> None:
            self.ui.passwordEdit.clear()
            self.ui.repeatEdit.clear()
            self.accept()
            self.created.emit(values["username"])

        workers.run_job(self, "crear la cuenta", lambda _p, _c: accounts.create_user(
            self.ctx, kdf=self._kdf, hasher=self._hasher, **values), on_done=done, on_error=refused)


class UsersPage(QWidget):
    changed = Signal(object)  # the Changes of an account created here (the window publishes them)

    def __init__(self, ctx: ServiceContext, committees: list[CommitteeInfo], *,
                 kdf: crypto.KdfParams | None = None, hasher: passwords.PasswordHasherConfig | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UsersPage()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.committees = committees
        self._kdf, self._hasher = kdf, hasher
        names = {c.code: c.short_name for c in committees}
        self.model: RowTableModel[UserRow] = RowTableModel((
            Column("Usuario", lambda r: r.username),
            Column("Nombre completo", lambda r: r.full_name),
            Column("Rol", lambda r: r.role),
            Column("Comités", lambda r: "Todos" if r.role is Role.ADMINISTRADOR else
                   ", ".join(names.get(c, c) for c in r.committees),
                   tooltip=lambda r: "\n".join(names.get(c, c) for c in r.committees) or None),
            Column("Estado", account_state,
                   foreground=lambda r: QColor("#b3261e") if r.locked or not r.active else None),
        ), self)
        self.proxy = attach(self.ui.usersTable, self.model, filter_edit=self.ui.filterEdit, sort_column=0,
                            stretch_column=3)
        self.dialog: NewUserDialog | None = None
        self.ui.newUserButton.clicked.connect(self.new_user)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)

    def focus_search(self) -> None:
        self.ui.filterEdit.setFocus()

    @Slot()
    def refresh(self) -> None:
        try:
            self.model.set_rows(accounts.list_users(self.ctx))
        except ComiteError as exc:
            dialogs.show_error(self, exc)
            return
        fit_columns(self.ui.usersTable)
        self._count()

    @Slot()
    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = fmt.plural(total, "cuenta")
        self.ui.countLabel.setText(text if shown == total else f"Mostrando {shown} de {text}")

    @Slot()
    def new_user(self) -> NewUserDialog:
        self.dialog = NewUserDialog(self.ctx, self.committees, kdf=self._kdf, hasher=self._hasher, parent=self)
        self.dialog.created.connect(self._created)
        self.dialog.open()
        return self.dialog

    def on_changes(self, changes: Changes, initiator: object) -> None:
        """Accounts changed elsewhere (another window, or a lockout): re-read them if in view
        (the window re-reads them whenever the page is shown)."""
        if changes.users and initiator is not self and self.isVisible():
            self.refresh()

    def _created(self, username: str) -> None:
        self.changed.emit(Changes(users=True))
        self.refresh()
        at = self.model.find(lambda r: r.username == username)
        if at is not None:
            select_row(self.ui.usersTable, self.model, at)


# --- audit ---------------------------------------------------------------------------------------

def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class AuditPage(QWidget):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AuditPage()
        self.ui.setupUi(self)
        self.ctx = ctx
        self._radicados: dict[int, str] = {}
        self.model: RowTableModel[AuditRow] = RowTableModel((
            Column("N.º", lambda r: r.id, align=RIGHT),
            Column("Fecha y hora", lambda r: r.at),
            Column("Usuario", lambda r: r.username),
            Column("Acción", lambda r: r.action_label, tooltip=lambda r: r.action),
            Column("Sobre", lambda r: r.subject),
            Column("Caso", lambda r: self._radicados.get(r.case_id, "") if r.case_id else ""),
            Column("Detalles", lambda r: r.summary, tooltip=lambda r: r.summary),
        ), self)
        attach(self.ui.auditTable, self.model, sort_column=0, order=Qt.SortOrder.DescendingOrder)
        today = ctx.today()
        for edit in (self.ui.sinceDate, self.ui.untilDate):
            edit.setDate(_qdate(today))
            edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.ui.sinceCheck.toggled.connect(self.ui.sinceDate.setEnabled)
        self.ui.untilCheck.toggled.connect(self.ui.untilDate.setEnabled)
        self.ui.applyButton.clicked.connect(self.refresh)
        self.ui.caseEdit.returnPressed.connect(self.refresh)
        self.ui.verifyButton.clicked.connect(self.verify_chain)
        self.last_report: audit.AuditReport | None = None
        self._load_users()

    def focus_search(self) -> None:
        self.ui.caseEdit.setFocus()

    def _load_users(self) -> None:
        self.ui.userCombo.clear()
        self.ui.userCombo.addItem("Todos", None)
        try:
            for u in accounts.list_users(self.ctx):
                self.ui.userCombo.addItem(u.username, u.username)
        except ComiteError as exc:
            dialogs.show_error(self, exc)

    def filters(self) -> dict:
        """The service's filters as chosen; raises ValidationError for an unknown radicado."""
        out: dict = {"username": self.ui.userCombo.currentData()}
        radicado = self.ui.caseEdit.text().strip()
        if radicado:
            matches = cases.find_cases(self.ctx, radicado)
            found = [c for c in matches if c.radicado == normalize_radicado(radicado)] or matches
            if not found:
                raise ValidationError("No hay ningún caso con ese radicado.")
            out["case_id"] = found[0].id
        if self.ui.sinceCheck.isChecked():
            out["since"] = self.ui.sinceDate.date().toPython()
        if self.ui.untilCheck.isChecked():
            out["until"] = self.ui.untilDate.date().toPython()
        return out

    @Slot()
    def refresh(self) -> None:
        try:
            rows = audit.query(self.ctx, **self.filters())
            self._radicados = radicados(self.ctx, [r.case_id for r in rows if r.case_id])
        except ComiteError as exc:
            self.model.set_rows([])
            self.ui.countLabel.setText(str(exc))
            return
        self.model.set_rows(rows)
        fit_columns(self.ui.auditTable, max_width=260)
        limit = " (los más recientes; afine los filtros para ver otros)" if len(rows) >= 1000 else ""
        self.ui.countLabel.setText(fmt.plural(len(rows), "registro") + limit)

    @Slot()
    def verify_chain(self) -> None:
        def work(_progress, _cancel) -> audit.AuditReport:
            with self.ctx.reading() as s:
                return audit.verify(s, self.ctx.db.vault)

        self.ui.verifyButton.setEnabled(False)
        workers.run_job(self, "verificar la cadena de auditoría", work, on_done=self._verified,
                        on_error=self._verify_failed)

    def _verify_failed(self, exc: BaseException) -> None:
        self.ui.verifyButton.setEnabled(True)
        dialogs.show_error(self, exc, action="verificar la cadena de auditoría")

    def _verified(self, report: audit.AuditReport) -> None:
        self.ui.verifyButton.setEnabled(True)
        self.last_report = report
        self.ui.chainLabel.setText(report.message)
        self.ui.chainLabel.setProperty("role", "ok" if report.ok else "error")
        self.ui.chainLabel.style().unpolish(self.ui.chainLabel)
        self.ui.chainLabel.style().polish(self.ui.chainLabel)
        if report.ok:
            dialogs.show_info(self, report.message, title="Auditoría")
        else:
            dialogs.show_error(self, ValidationError(report.message))
