"""«Revisión del acta y correo» (administrators): per committee, the term for the
delegates' observations (business days) and the rule for silence; and the
secretariat's outgoing mail server for sending review packages (the password
goes to the system's credential store, never to the database).

Opened from «Configuración de documentos»; the form is ``ui/review_settings_dialog.ui``
(one row per committee is added to its grid). A refusal is said inline and
nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QSpinBox, QWidget

from comite.domain import LapseRule
from comite.errors import ComiteError
from comite.gui.forms.ui_review_settings_dialog import Ui_ReviewSettingsDialog
from comite.gui.session.common import ERROR, show_message
from comite.services import review_rounds, review_smtp
from comite.services.context import Changes, ServiceContext
from comite.storage.secrets import SecretStore, default_secret_store

SECURITY = (("starttls", "STARTTLS (puerto 587)"), ("ssl", "SSL/TLS (puerto 465)"))


class ReviewSettingsDialog(QDialog):
    """Shows the settings in force; Guardar stores what changed; :attr:`changes` says what it was."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None,
                 secrets: SecretStore | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReviewSettingsDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.secrets = secrets or default_secret_store()
        self.changes: Changes | None = None
        self.current = review_rounds.review_settings(ctx)
        self.days: dict[str, QSpinBox] = {}
        self.rules: dict[str, QComboBox] = {}
        self._committee_rows()

        smtp = review_smtp.smtp_settings(ctx)
        for code, label in SECURITY:
            self.ui.securityCombo.addItem(label, code)
        if smtp is not None:
            self.ui.hostEdit.setText(smtp.host)
            self.ui.portSpin.setValue(smtp.port)
            self.ui.securityCombo.setCurrentIndex(max(0, self.ui.securityCombo.findData(smtp.security)))
            self.ui.userEdit.setText(smtp.username)
            self.ui.passwordEdit.setPlaceholderText("(sin cambios)")
            self.ui.senderEdit.setText(smtp.sender)
            self.ui.caEdit.setText(smtp.ca_file)

        show_message(self.ui.errorLabel, "")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Guardar")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancelar")
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)

    def _committee_rows(self) -> None:
        """One row per committee under the grid's headers: its code, the days, the rule."""
        previous: QWidget | None = None
        for row, (code, rules) in enumerate(self.current.items(), start=1):
            spin = QSpinBox(self.ui.termsGroup)
            spin.setRange(1, review_rounds.MAX_BUSINESS_DAYS)
            spin.setValue(rules.business_days)
            spin.setAccessibleName(f"Días hábiles de {code}")
            combo = QComboBox(self.ui.termsGroup)
            for rule in LapseRule:
                combo.addItem(rule.label, rule.value)
            combo.setCurrentIndex(combo.findData(rules.lapse_rule.value))
            combo.setAccessibleName(f"Si no responden, en {code}")
            label = QLabel(code, self.ui.termsGroup)
            label.setBuddy(spin)
            self.ui.termsGrid.addWidget(label, row, 0)
            self.ui.termsGrid.addWidget(spin, row, 1)
            self.ui.termsGrid.addWidget(combo, row, 2)
            for widget in (spin, combo):  # in reading order, before the mail server's fields
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
            self.days[code], self.rules[code] = spin, combo
        if previous is not None:
            QWidget.setTabOrder(previous, self.ui.hostEdit)

    def save(self) -> None:
        try:
            changed = False
            for code, before in self.current.items():
                new = review_rounds.ReviewSettings(self.days[code].value(), LapseRule(self.rules[code].currentData()))
                if new != before:
                    review_rounds.save_review_settings(self.ctx, code, new)
                    changed = True
            host = self.ui.hostEdit.text().strip()
            if host:
                review_smtp.save_smtp_settings(
                    self.ctx, review_smtp.SmtpSettings(host, self.ui.portSpin.value(), self.ui.userEdit.text().strip(),
                                                       self.ui.senderEdit.text().strip(),
                                                       self.ui.securityCombo.currentData(),
                                                       self.ui.caEdit.text().strip()),
                    self.secrets, self.ui.passwordEdit.text() or None)
                changed = True
        except ComiteError as exc:
            show_message(self.ui.errorLabel, str(exc), ERROR)
            return
        self.changes = Changes(catalog=changed, message="Configuración de la revisión del acta guardada.")
        self.accept()
