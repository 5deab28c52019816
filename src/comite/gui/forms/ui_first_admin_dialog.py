# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_admin_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_FirstAdminDialog(object):
    def setupUi(self, FirstAdminDialog):
        if not FirstAdminDialog.objectName():
            FirstAdminDialog.setObjectName(u"FirstAdminDialog")
        FirstAdminDialog.resize(560, 400)
        self.mainLayout = QVBoxLayout(FirstAdminDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(20, 18, 20, 16)
        self.steps = QStackedWidget(FirstAdminDialog)
        self.steps.setObjectName(u"steps")
        self.accountPage = QWidget()
        self.accountPage.setObjectName(u"accountPage")
        self.accountLayout = QVBoxLayout(self.accountPage)
        self.accountLayout.setSpacing(10)
        self.accountLayout.setObjectName(u"accountLayout")
        self.accountLayout.setContentsMargins(0, 0, 0, 0)
        self.accountTitle = QLabel(self.accountPage)
        self.accountTitle.setObjectName(u"accountTitle")
        self.accountTitle.setProperty(u"role", u"title")

        self.accountLayout.addWidget(self.accountTitle)

        self.introLabel = QLabel(self.accountPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.accountLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(10)
        self.formLayout.setVerticalSpacing(8)
        self.usernameLabel = QLabel(self.accountPage)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(self.accountPage)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(80)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.fullNameLabel = QLabel(self.accountPage)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullNameEdit = QLineEdit(self.accountPage)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(160)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.passwordLabel = QLabel(self.accountPage)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.accountPage)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(256)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.repeatLabel = QLabel(self.accountPage)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(self.accountPage)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setMaxLength(256)
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.policyLabel = QLabel(self.accountPage)
        self.policyLabel.setObjectName(u"policyLabel")
        self.policyLabel.setWordWrap(True)
        self.policyLabel.setProperty(u"role", u"hint")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.policyLabel)


        self.accountLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(self.accountPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"role", u"error")

        self.accountLayout.addWidget(self.errorLabel)

        self.accountSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.accountLayout.addItem(self.accountSpacer)

        self.accountButtons = QHBoxLayout()
        self.accountButtons.setObjectName(u"accountButtons")
        self.accountButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.accountButtons.addItem(self.accountButtonsSpacer)

        self.cancelButton = QPushButton(self.accountPage)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.accountButtons.addWidget(self.cancelButton)

        self.createButton = QPushButton(self.accountPage)
        self.createButton.setObjectName(u"createButton")

        self.accountButtons.addWidget(self.createButton)


        self.accountLayout.addLayout(self.accountButtons)

        self.steps.addWidget(self.accountPage)
        self.recoveryPage = QWidget()
        self.recoveryPage.setObjectName(u"recoveryPage")
        self.recoveryLayout = QVBoxLayout(self.recoveryPage)
        self.recoveryLayout.setSpacing(10)
        self.recoveryLayout.setObjectName(u"recoveryLayout")
        self.recoveryLayout.setContentsMargins(0, 0, 0, 0)
        self.recoveryTitle = QLabel(self.recoveryPage)
        self.recoveryTitle.setObjectName(u"recoveryTitle")
        self.recoveryTitle.setProperty(u"role", u"title")

        self.recoveryLayout.addWidget(self.recoveryTitle)

        self.recoveryIntro = QLabel(self.recoveryPage)
        self.recoveryIntro.setObjectName(u"recoveryIntro")
        self.recoveryIntro.setWordWrap(True)

        self.recoveryLayout.addWidget(self.recoveryIntro)

        self.keyLayout = QHBoxLayout()
        self.keyLayout.setObjectName(u"keyLayout")
        self.recoveryEdit = QLineEdit(self.recoveryPage)
        self.recoveryEdit.setObjectName(u"recoveryEdit")
        self.recoveryEdit.setReadOnly(True)
        self.recoveryEdit.setProperty(u"role", u"key")

        self.keyLayout.addWidget(self.recoveryEdit)

        self.copyButton = QPushButton(self.recoveryPage)
        self.copyButton.setObjectName(u"copyButton")
        self.copyButton.setAutoDefault(False)

        self.keyLayout.addWidget(self.copyButton)


        self.recoveryLayout.addLayout(self.keyLayout)

        self.copiedLabel = QLabel(self.recoveryPage)
        self.copiedLabel.setObjectName(u"copiedLabel")
        self.copiedLabel.setProperty(u"role", u"hint")

        self.recoveryLayout.addWidget(self.copiedLabel)

        self.savedCheck = QCheckBox(self.recoveryPage)
        self.savedCheck.setObjectName(u"savedCheck")

        self.recoveryLayout.addWidget(self.savedCheck)

        self.recoverySpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.recoveryLayout.addItem(self.recoverySpacer)

        self.recoveryButtons = QHBoxLayout()
        self.recoveryButtons.setObjectName(u"recoveryButtons")
        self.recoveryButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recoveryButtons.addItem(self.recoveryButtonsSpacer)

        self.continueButton = QPushButton(self.recoveryPage)
        self.continueButton.setObjectName(u"continueButton")
        self.continueButton.setEnabled(False)

        self.recoveryButtons.addWidget(self.continueButton)


        self.recoveryLayout.addLayout(self.recoveryButtons)

        self.steps.addWidget(self.recoveryPage)

        self.mainLayout.addWidget(self.steps)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.fullNameLabel.setBuddy(self.fullNameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.fullNameEdit)
        QWidget.setTabOrder(self.fullNameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.repeatEdit)
        QWidget.setTabOrder(self.repeatEdit, self.createButton)
        QWidget.setTabOrder(self.createButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.recoveryEdit)
        QWidget.setTabOrder(self.recoveryEdit, self.copyButton)
        QWidget.setTabOrder(self.copyButton, self.savedCheck)
        QWidget.setTabOrder(self.savedCheck, self.continueButton)

        self.retranslateUi(FirstAdminDialog)

        self.createButton.setDefault(True)
        self.continueButton.setDefault(True)

    # setupUi

    def retranslateUi(self, FirstAdminDialog):
        FirstAdminDialog.setWindowTitle(QCoreApplication.translate("FirstAdminDialog", u"Primera cuenta de administrador", None))
        self.accountTitle.setText(QCoreApplication.translate("FirstAdminDialog", u"Base de datos nueva", None))
        self.introLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"Esta base de datos todav\u00eda no tiene cuentas. Cree la cuenta del primer administrador: con ella se crean las cuentas de la secretar\u00eda t\u00e9cnica y de los revisores.", None))
        self.usernameLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Usuario", None))
        self.fullNameLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Nombre completo", None))
        self.passwordLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Contrase\u00f1a", None))
        self.repeatLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Repetir contrase\u00f1a", None))
        self.policyLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"Al menos 10 caracteres, con dos tipos entre min\u00fasculas, may\u00fasculas, n\u00fameros y s\u00edmbolos; sin el nombre de usuario.", None))
        self.errorLabel.setText("")
        self.cancelButton.setText(QCoreApplication.translate("FirstAdminDialog", u"&Salir", None))
        self.createButton.setText(QCoreApplication.translate("FirstAdminDialog", u"C&rear cuenta", None))
        self.recoveryTitle.setText(QCoreApplication.translate("FirstAdminDialog", u"Llave de recuperaci\u00f3n", None))
        self.recoveryIntro.setText(QCoreApplication.translate("FirstAdminDialog", u"Esta llave es la \u00fanica forma de recuperar la informaci\u00f3n si todos los administradores olvidan su contrase\u00f1a. Se muestra solo esta vez: c\u00f3piela y gu\u00e1rdela fuera de este equipo (por ejemplo, impresa en un sobre cerrado bajo custodia).", None))
#if QT_CONFIG(accessibility)
        self.recoveryEdit.setAccessibleName(QCoreApplication.translate("FirstAdminDialog", u"Llave de recuperaci\u00f3n", None))
#endif // QT_CONFIG(accessibility)
        self.copyButton.setText(QCoreApplication.translate("FirstAdminDialog", u"&Copiar", None))
        self.copiedLabel.setText("")
        self.savedCheck.setText(QCoreApplication.translate("FirstAdminDialog", u"&La guard\u00e9 en un lugar seguro", None))
        self.continueButton.setText(QCoreApplication.translate("FirstAdminDialog", u"C&ontinuar", None))
    # retranslateUi

