"""«Revisión del acta y correo» (administrators): per committee, the term for the
delegates' observations (business days) and the rule for silence; and the
secretariat's outgoing mail server for sending review packages (the password
goes to the system's credential store, never to the database).

Opened from «Configuración de documentos». A refusal is said inline and nothing
typed is lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from comite.domain import LapseRule
from comite.errors import ComiteError
from comite.gui.session.common import ERROR, show_message
from comite.services import review_rounds, review_smtp
from comite.services.context import Changes, ServiceContext
from comite.storage.secrets import SecretStore, default_secret_store


class ReviewSettingsDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None,
                 secrets: SecretStore | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Revisión del acta y correo")
        self.setMinimumWidth(620)
        self.ctx = ctx
        self.secrets = secrets or default_secret_store()
        self.changes: Changes | None = None
        layout = QVBoxLayout(self)

        terms = QGroupBox("Término para observaciones de los delegados, por comité")
        inner = QVBoxLayout(terms)
        self.current = review_rounds.review_settings(ctx)
        # A fixed form of widgets (one row per committee), not a data table: nothing is sorted or filtered.
        self.table = QTableWidget(len(self.current), 3)
        self.table.setHorizontalHeaderLabels(["Comité", "Días hábiles", "Si no responden"])
        self.table.verticalHeader().setVisible(False)
        self.days: dict[str, QSpinBox] = {}
        self.rules: dict[str, QComboBox] = {}
        for row, (code, rules) in enumerate(self.current.items()):
            self.table.setCellWidget(row, 0, QLabel(code))
            spin = QSpinBox()
            spin.setRange(1, review_rounds.MAX_BUSINESS_DAYS)
            spin.setValue(rules.business_days)
            combo = QComboBox()
            for rule in LapseRule:
                combo.addItem(rule.label, rule.value)
            combo.setCurrentIndex(combo.findData(rules.lapse_rule.value))
            self.table.setCellWidget(row, 1, spin)
            self.table.setCellWidget(row, 2, combo)
            self.days[code], self.rules[code] = spin, combo
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        inner.addWidget(self.table)
        layout.addWidget(terms)

        mail = QGroupBox("Servidor de correo para enviar los borradores (opcional)")
        form = QFormLayout(mail)
        smtp = review_smtp.smtp_settings(ctx)
        self.host = QLineEdit(smtp.host if smtp else "")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(smtp.port if smtp else 587)
        self.security = QComboBox()
        self.security.addItem("STARTTLS (puerto 587)", "starttls")
        self.security.addItem("SSL/TLS (puerto 465)", "ssl")
        self.security.setCurrentIndex(self.security.findData(smtp.security if smtp else "starttls"))
        self.user = QLineEdit(smtp.username if smtp else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("(sin cambios)" if smtp else "")
        self.sender = QLineEdit(smtp.sender if smtp else "")
        self.ca = QLineEdit(smtp.ca_file if smtp else "")
        self.ca.setPlaceholderText("Solo si el servidor usa un certificado de una autoridad interna")
        for label, widget in (("&Servidor:", self.host), ("&Puerto:", self.port), ("Se&guridad:", self.security),
                              ("&Usuario:", self.user), ("C&ontraseña:", self.password),
                              ("&Remitente:", self.sender), ("Certificado de la &CA:", self.ca)):
            form.addRow(label, widget)
        layout.addWidget(mail)

        self.error = QLabel()
        self.error.setWordWrap(True)
        show_message(self.error, "")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Guardar")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancelar")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        try:
            changed = False
            for code, before in self.current.items():
                new = review_rounds.ReviewSettings(self.days[code].value(), LapseRule(self.rules[code].currentData()))
                if new != before:
                    review_rounds.save_review_settings(self.ctx, code, new)
                    changed = True
            if self.host.text().strip():
                review_smtp.save_smtp_settings(
                    self.ctx, review_smtp.SmtpSettings(self.host.text().strip(), self.port.value(),
                                                       self.user.text().strip(), self.sender.text().strip(),
                                                       self.security.currentData(), self.ca.text().strip()),
                    self.secrets, self.password.text() or None)
                changed = True
        except ComiteError as exc:
            show_message(self.error, str(exc), ERROR)
            return
        self.changes = Changes(catalog=changed, message="Configuración de la revisión del acta guardada.")
        self.accept()
