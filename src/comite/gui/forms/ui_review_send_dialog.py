# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_send_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QRadioButton, QVBoxLayout,
    QWidget)

class Ui_ReviewSendDialog(object):
    def setupUi(self, ReviewSendDialog):
        if not ReviewSendDialog.objectName():
            ReviewSendDialog.setObjectName(u"ReviewSendDialog")
        ReviewSendDialog.resize(600, 200)
        ReviewSendDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(ReviewSendDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.folderLabel = QLabel(ReviewSendDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderEdit = QLineEdit(ReviewSendDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderRow.addWidget(self.folderEdit)

        self.pickButton = QPushButton(ReviewSendDialog)
        self.pickButton.setObjectName(u"pickButton")

        self.folderRow.addWidget(self.pickButton)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folderRow)

        self.filesRadio = QRadioButton(ReviewSendDialog)
        self.filesRadio.setObjectName(u"filesRadio")
        self.filesRadio.setChecked(True)

        self.form.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.filesRadio)

        self.serverRadio = QRadioButton(ReviewSendDialog)
        self.serverRadio.setObjectName(u"serverRadio")

        self.form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.serverRadio)

        self.infoLabel = QLabel(ReviewSendDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.infoLabel)


        self.dialogLayout.addLayout(self.form)

        self.errorLabel = QLabel(ReviewSendDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(ReviewSendDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.folderLabel.setBuddy(self.folderEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.folderEdit, self.pickButton)
        QWidget.setTabOrder(self.pickButton, self.filesRadio)
        QWidget.setTabOrder(self.filesRadio, self.serverRadio)

        self.retranslateUi(ReviewSendDialog)
    # setupUi

    def retranslateUi(self, ReviewSendDialog):
        ReviewSendDialog.setWindowTitle(QCoreApplication.translate("ReviewSendDialog", u"Enviar el acta a revisi\u00f3n", None))
        self.folderLabel.setText(QCoreApplication.translate("ReviewSendDialog", u"&Carpeta:", None))
#if QT_CONFIG(tooltip)
        self.folderEdit.setToolTip(QCoreApplication.translate("ReviewSendDialog", u"Donde se escriben el borrador numerado y los correos", None))
#endif // QT_CONFIG(tooltip)
        self.pickButton.setText(QCoreApplication.translate("ReviewSendDialog", u"&Elegir\u2026", None))
        self.filesRadio.setText(QCoreApplication.translate("ReviewSendDialog", u"Escribir los correos como archivos .eml (se abren en Outlook listos para enviar)", None))
        self.serverRadio.setText(QCoreApplication.translate("ReviewSendDialog", u"Enviarlos por el servidor de correo", None))
        self.infoLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

