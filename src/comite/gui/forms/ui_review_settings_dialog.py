# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_settings_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QGridLayout,
    QGroupBox, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_ReviewSettingsDialog(object):
    def setupUi(self, ReviewSettingsDialog):
        if not ReviewSettingsDialog.objectName():
            ReviewSettingsDialog.setObjectName(u"ReviewSettingsDialog")
        ReviewSettingsDialog.resize(640, 560)
        ReviewSettingsDialog.setMinimumSize(QSize(620, 0))
        self.dialogLayout = QVBoxLayout(ReviewSettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.termsGroup = QGroupBox(ReviewSettingsDialog)
        self.termsGroup.setObjectName(u"termsGroup")
        self.termsGrid = QGridLayout(self.termsGroup)
        self.termsGrid.setObjectName(u"termsGrid")
        self.committeeHeader = QLabel(self.termsGroup)
        self.committeeHeader.setObjectName(u"committeeHeader")

        self.termsGrid.addWidget(self.committeeHeader, 0, 0, 1, 1)

        self.daysHeader = QLabel(self.termsGroup)
        self.daysHeader.setObjectName(u"daysHeader")

        self.termsGrid.addWidget(self.daysHeader, 0, 1, 1, 1)

        self.ruleHeader = QLabel(self.termsGroup)
        self.ruleHeader.setObjectName(u"ruleHeader")

        self.termsGrid.addWidget(self.ruleHeader, 0, 2, 1, 1)

        self.termsGrid.setColumnStretch(2, 1)

        self.dialogLayout.addWidget(self.termsGroup)

        self.mailGroup = QGroupBox(ReviewSettingsDialog)
        self.mailGroup.setObjectName(u"mailGroup")
        self.mailForm = QFormLayout(self.mailGroup)
        self.mailForm.setObjectName(u"mailForm")
        self.hostLabel = QLabel(self.mailGroup)
        self.hostLabel.setObjectName(u"hostLabel")

        self.mailForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(self.mailGroup)
        self.hostEdit.setObjectName(u"hostEdit")

        self.mailForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portLabel = QLabel(self.mailGroup)
        self.portLabel.setObjectName(u"portLabel")

        self.mailForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portSpin = QSpinBox(self.mailGroup)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(587)

        self.mailForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.securityLabel = QLabel(self.mailGroup)
        self.securityLabel.setObjectName(u"securityLabel")

        self.mailForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.securityLabel)

        self.securityCombo = QComboBox(self.mailGroup)
        self.securityCombo.setObjectName(u"securityCombo")

        self.mailForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.securityCombo)

        self.userLabel = QLabel(self.mailGroup)
        self.userLabel.setObjectName(u"userLabel")

        self.mailForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userEdit = QLineEdit(self.mailGroup)
        self.userEdit.setObjectName(u"userEdit")

        self.mailForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.passwordLabel = QLabel(self.mailGroup)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.mailForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.mailGroup)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.mailForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.senderLabel = QLabel(self.mailGroup)
        self.senderLabel.setObjectName(u"senderLabel")

        self.mailForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.senderLabel)

        self.senderEdit = QLineEdit(self.mailGroup)
        self.senderEdit.setObjectName(u"senderEdit")

        self.mailForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.senderEdit)

        self.caLabel = QLabel(self.mailGroup)
        self.caLabel.setObjectName(u"caLabel")

        self.mailForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.caLabel)

        self.caEdit = QLineEdit(self.mailGroup)
        self.caEdit.setObjectName(u"caEdit")

        self.mailForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.caEdit)


        self.dialogLayout.addWidget(self.mailGroup)

        self.errorLabel = QLabel(ReviewSettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(ReviewSettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.securityLabel.setBuddy(self.securityCombo)
        self.userLabel.setBuddy(self.userEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.senderLabel.setBuddy(self.senderEdit)
        self.caLabel.setBuddy(self.caEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.hostEdit, self.portSpin)
        QWidget.setTabOrder(self.portSpin, self.securityCombo)
        QWidget.setTabOrder(self.securityCombo, self.userEdit)
        QWidget.setTabOrder(self.userEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.senderEdit)
        QWidget.setTabOrder(self.senderEdit, self.caEdit)

        self.retranslateUi(ReviewSettingsDialog)
    # setupUi

    def retranslateUi(self, ReviewSettingsDialog):
        ReviewSettingsDialog.setWindowTitle(QCoreApplication.translate("ReviewSettingsDialog", u"Revisi\u00f3n del acta y correo", None))
        self.termsGroup.setTitle(QCoreApplication.translate("ReviewSettingsDialog", u"T\u00e9rmino para observaciones de los delegados, por comit\u00e9", None))
        self.committeeHeader.setText(QCoreApplication.translate("ReviewSettingsDialog", u"<b>Comit\u00e9</b>", None))
        self.daysHeader.setText(QCoreApplication.translate("ReviewSettingsDialog", u"<b>D\u00edas h\u00e1biles</b>", None))
        self.ruleHeader.setText(QCoreApplication.translate("ReviewSettingsDialog", u"<b>Si no responden</b>", None))
        self.mailGroup.setTitle(QCoreApplication.translate("ReviewSettingsDialog", u"Servidor de correo para enviar los borradores (opcional)", None))
        self.hostLabel.setText(QCoreApplication.translate("ReviewSettingsDialog", u"&Servidor:", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("ReviewSettingsDialog", u"p. ej. correo.entidad.gov.co", None))
        self.portLabel.setText(QCoreApplication.translate("ReviewSettingsDialog", u"&Puerto:", None))
        self.securityLabel.setText(QCoreApplication.translate("ReviewSettingsDialog", u"Se&guridad:", None))
        self.userLabel.setText(QCoreApplication.translate("ReviewSettingsDialog", u"&Usuario:", None))
        self.passwordLabel.setText(QCoreApplication.translate("ReviewSettingsDialog", u"C&ontrase\u00f1a:", None))
#if QT_CONFIG(tooltip)
        self.passwordEdit.setToolTip(QCoreApplication.translate("ReviewSettingsDialog", u"Se guarda en el almac\u00e9n de credenciales del sistema, nunca en la base de datos", None))
#endif // QT_CONFIG(tooltip)
        self.senderLabel.setText(QCoreApplication.translate("ReviewSettingsDialog", u"&Remitente:", None))
        self.caLabel.setText(QCoreApplication.translate("ReviewSettingsDialog", u"Certificado de la C&A:", None))
        self.caEdit.setPlaceholderText(QCoreApplication.translate("ReviewSettingsDialog", u"Solo si el servidor usa un certificado de una autoridad interna", None))
        self.errorLabel.setText("")
    # retranslateUi

