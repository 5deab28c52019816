# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(440, 300)
        self.mainLayout = QVBoxLayout(LoginDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(20, 18, 20, 16)
        self.titleLabel = QLabel(LoginDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setProperty(u"role", u"title")

        self.mainLayout.addWidget(self.titleLabel)

        self.demoLabel = QLabel(LoginDialog)
        self.demoLabel.setObjectName(u"demoLabel")
        self.demoLabel.setProperty(u"role", u"demo")

        self.mainLayout.addWidget(self.demoLabel)

        self.databaseLabel = QLabel(LoginDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.databaseLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(10)
        self.formLayout.setVerticalSpacing(8)
        self.userLabel = QLabel(LoginDialog)
        self.userLabel.setObjectName(u"userLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userEdit = QLineEdit(LoginDialog)
        self.userEdit.setObjectName(u"userEdit")
        self.userEdit.setMaxLength(80)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.passwordLabel = QLabel(LoginDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(LoginDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(256)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.rememberCheck = QCheckBox(LoginDialog)
        self.rememberCheck.setObjectName(u"rememberCheck")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.rememberCheck)

        self.rememberNote = QLabel(LoginDialog)
        self.rememberNote.setObjectName(u"rememberNote")
        self.rememberNote.setWordWrap(True)
        self.rememberNote.setProperty(u"role", u"hint")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rememberNote)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(LoginDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"role", u"error")

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.quitButton = QPushButton(LoginDialog)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.quitButton)

        self.loginButton = QPushButton(LoginDialog)
        self.loginButton.setObjectName(u"loginButton")

        self.buttonsLayout.addWidget(self.loginButton)


        self.mainLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.userLabel.setBuddy(self.userEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.userEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.rememberCheck)
        QWidget.setTabOrder(self.rememberCheck, self.loginButton)
        QWidget.setTabOrder(self.loginButton, self.quitButton)

        self.retranslateUi(LoginDialog)

        self.loginButton.setDefault(True)

    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Ingresar", None))
        self.titleLabel.setText(QCoreApplication.translate("LoginDialog", u"Secretar\u00eda t\u00e9cnica de los comit\u00e9s de protecci\u00f3n", None))
        self.demoLabel.setText(QCoreApplication.translate("LoginDialog", u"DEMO \u2014 datos ficticios", None))
        self.databaseLabel.setText("")
        self.userLabel.setText(QCoreApplication.translate("LoginDialog", u"&Usuario", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginDialog", u"&Contrase\u00f1a", None))
#if QT_CONFIG(tooltip)
        self.rememberCheck.setToolTip(QCoreApplication.translate("LoginDialog", u"Guarda la llave de la base de datos en el almac\u00e9n de credenciales de este usuario de Windows, a nombre de su cuenta: as\u00ed tambi\u00e9n pueden correr las copias de seguridad programadas sin escribir la contrase\u00f1a", None))
#endif // QT_CONFIG(tooltip)
        self.rememberCheck.setText(QCoreApplication.translate("LoginDialog", u"&Recordar la llave en este equipo", None))
        self.rememberNote.setText("")
        self.errorLabel.setText("")
        self.quitButton.setText(QCoreApplication.translate("LoginDialog", u"&Salir", None))
        self.loginButton.setText(QCoreApplication.translate("LoginDialog", u"&Entrar", None))
    # retranslateUi

