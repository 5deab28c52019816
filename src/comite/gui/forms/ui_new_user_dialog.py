# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_user_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_NewUserDialog(object):
    def setupUi(self, NewUserDialog):
        if not NewUserDialog.objectName():
            NewUserDialog.setObjectName(u"NewUserDialog")
        NewUserDialog.resize(520, 520)
        self.mainLayout = QVBoxLayout(NewUserDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(18, 16, 18, 14)
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(10)
        self.formLayout.setVerticalSpacing(8)
        self.usernameLabel = QLabel(NewUserDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(NewUserDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(80)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.fullNameLabel = QLabel(NewUserDialog)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullNameEdit = QLineEdit(NewUserDialog)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(160)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.roleLabel = QLabel(NewUserDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(NewUserDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.committeesLabel = QLabel(NewUserDialog)
        self.committeesLabel.setObjectName(u"committeesLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.committeesLabel)

        self.committeesList = QListWidget(NewUserDialog)
        self.committeesList.setObjectName(u"committeesList")
        self.committeesList.setMaximumSize(QSize(16777215, 150))

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.committeesList)

        self.passwordLabel = QLabel(NewUserDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(NewUserDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(256)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.repeatLabel = QLabel(NewUserDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(NewUserDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setMaxLength(256)
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.policyLabel = QLabel(NewUserDialog)
        self.policyLabel.setObjectName(u"policyLabel")
        self.policyLabel.setWordWrap(True)
        self.policyLabel.setProperty(u"role", u"hint")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.policyLabel)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(NewUserDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"role", u"error")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.cancelButton = QPushButton(NewUserDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.cancelButton)

        self.createButton = QPushButton(NewUserDialog)
        self.createButton.setObjectName(u"createButton")

        self.buttonsLayout.addWidget(self.createButton)


        self.mainLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.fullNameLabel.setBuddy(self.fullNameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.committeesLabel.setBuddy(self.committeesList)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.fullNameEdit)
        QWidget.setTabOrder(self.fullNameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.committeesList)
        QWidget.setTabOrder(self.committeesList, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.repeatEdit)
        QWidget.setTabOrder(self.repeatEdit, self.createButton)
        QWidget.setTabOrder(self.createButton, self.cancelButton)

        self.retranslateUi(NewUserDialog)

        self.createButton.setDefault(True)

    # setupUi

    def retranslateUi(self, NewUserDialog):
        NewUserDialog.setWindowTitle(QCoreApplication.translate("NewUserDialog", u"Nueva cuenta", None))
        self.usernameLabel.setText(QCoreApplication.translate("NewUserDialog", u"&Usuario", None))
        self.fullNameLabel.setText(QCoreApplication.translate("NewUserDialog", u"&Nombre completo", None))
        self.roleLabel.setText(QCoreApplication.translate("NewUserDialog", u"&Rol", None))
        self.committeesLabel.setText(QCoreApplication.translate("NewUserDialog", u"Co&mit\u00e9s", None))
#if QT_CONFIG(tooltip)
        self.committeesList.setToolTip(QCoreApplication.translate("NewUserDialog", u"Marque con la barra espaciadora los comit\u00e9s que la cuenta atiende", None))
#endif // QT_CONFIG(tooltip)
        self.passwordLabel.setText(QCoreApplication.translate("NewUserDialog", u"&Contrase\u00f1a inicial", None))
        self.repeatLabel.setText(QCoreApplication.translate("NewUserDialog", u"R&epetir contrase\u00f1a", None))
        self.policyLabel.setText(QCoreApplication.translate("NewUserDialog", u"Al menos 10 caracteres, con dos tipos entre min\u00fasculas, may\u00fasculas, n\u00fameros y s\u00edmbolos; sin el nombre de usuario.", None))
        self.errorLabel.setText("")
        self.cancelButton.setText(QCoreApplication.translate("NewUserDialog", u"Cancelar", None))
        self.createButton.setText(QCoreApplication.translate("NewUserDialog", u"C&rear cuenta", None))
    # retranslateUi

