# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_invitee_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QListWidget, QVBoxLayout, QWidget)

class Ui_SessionInviteeDialog(object):
    def setupUi(self, SessionInviteeDialog):
        if not SessionInviteeDialog.objectName():
            SessionInviteeDialog.setObjectName(u"SessionInviteeDialog")
        SessionInviteeDialog.resize(560, 560)
        self.dialogLayout = QVBoxLayout(SessionInviteeDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.entityLabel = QLabel(SessionInviteeDialog)
        self.entityLabel.setObjectName(u"entityLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.entityLabel)

        self.entityEdit = QLineEdit(SessionInviteeDialog)
        self.entityEdit.setObjectName(u"entityEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.entityEdit)

        self.kindLabel = QLabel(SessionInviteeDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(SessionInviteeDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.reasonLabel = QLabel(SessionInviteeDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(SessionInviteeDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.personLabel = QLabel(SessionInviteeDialog)
        self.personLabel.setObjectName(u"personLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.personEdit = QLineEdit(SessionInviteeDialog)
        self.personEdit.setObjectName(u"personEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.personEdit)

        self.positionLabel = QLabel(SessionInviteeDialog)
        self.positionLabel.setObjectName(u"positionLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.positionLabel)

        self.positionEdit = QLineEdit(SessionInviteeDialog)
        self.positionEdit.setObjectName(u"positionEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.emailLabel = QLabel(SessionInviteeDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(SessionInviteeDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.emailEdit)


        self.dialogLayout.addLayout(self.form)

        self.casesLabel = QLabel(SessionInviteeDialog)
        self.casesLabel.setObjectName(u"casesLabel")

        self.dialogLayout.addWidget(self.casesLabel)

        self.casesList = QListWidget(SessionInviteeDialog)
        self.casesList.setObjectName(u"casesList")

        self.dialogLayout.addWidget(self.casesList)

        self.errorLabel = QLabel(SessionInviteeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(SessionInviteeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.entityLabel.setBuddy(self.entityEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.personLabel.setBuddy(self.personEdit)
        self.positionLabel.setBuddy(self.positionEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.casesLabel.setBuddy(self.casesList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.entityEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.personEdit)
        QWidget.setTabOrder(self.personEdit, self.positionEdit)
        QWidget.setTabOrder(self.positionEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.casesList)

        self.retranslateUi(SessionInviteeDialog)
    # setupUi

    def retranslateUi(self, SessionInviteeDialog):
        SessionInviteeDialog.setWindowTitle(QCoreApplication.translate("SessionInviteeDialog", u"Agregar invitado ocasional", None))
        self.entityLabel.setText(QCoreApplication.translate("SessionInviteeDialog", u"&Entidad:", None))
        self.entityEdit.setPlaceholderText(QCoreApplication.translate("SessionInviteeDialog", u"Nombre de la entidad invitada", None))
        self.kindLabel.setText(QCoreApplication.translate("SessionInviteeDialog", u"&Car\u00e1cter:", None))
        self.reasonLabel.setText(QCoreApplication.translate("SessionInviteeDialog", u"&Motivo:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("SessionInviteeDialog", u"Por qu\u00e9 se invita (competencia, pertinencia)", None))
        self.personLabel.setText(QCoreApplication.translate("SessionInviteeDialog", u"&Persona:", None))
        self.positionLabel.setText(QCoreApplication.translate("SessionInviteeDialog", u"Car&go:", None))
        self.emailLabel.setText(QCoreApplication.translate("SessionInviteeDialog", u"C&orreo:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("SessionInviteeDialog", u"Para la invitaci\u00f3n de calendario", None))
        self.casesLabel.setText(QCoreApplication.translate("SessionInviteeDialog", u"Ca&sos a los que asiste:", None))
#if QT_CONFIG(tooltip)
        self.casesList.setToolTip(QCoreApplication.translate("SessionInviteeDialog", u"Espacio marca o desmarca el caso", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

