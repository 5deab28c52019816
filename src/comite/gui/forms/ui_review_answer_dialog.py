# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_answer_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QPlainTextEdit, QRadioButton,
    QVBoxLayout, QWidget)

class Ui_ReviewAnswerDialog(object):
    def setupUi(self, ReviewAnswerDialog):
        if not ReviewAnswerDialog.objectName():
            ReviewAnswerDialog.setObjectName(u"ReviewAnswerDialog")
        ReviewAnswerDialog.resize(560, 360)
        ReviewAnswerDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(ReviewAnswerDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.quoteLabel = QLabel(ReviewAnswerDialog)
        self.quoteLabel.setObjectName(u"quoteLabel")
        self.quoteLabel.setTextFormat(Qt.TextFormat.RichText)
        self.quoteLabel.setWordWrap(True)
        self.quoteLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.quoteLabel)

        self.acceptedRadio = QRadioButton(ReviewAnswerDialog)
        self.acceptedRadio.setObjectName(u"acceptedRadio")

        self.dialogLayout.addWidget(self.acceptedRadio)

        self.refusedRadio = QRadioButton(ReviewAnswerDialog)
        self.refusedRadio.setObjectName(u"refusedRadio")

        self.dialogLayout.addWidget(self.refusedRadio)

        self.pendingRadio = QRadioButton(ReviewAnswerDialog)
        self.pendingRadio.setObjectName(u"pendingRadio")

        self.dialogLayout.addWidget(self.pendingRadio)

        self.reasonLabel = QLabel(ReviewAnswerDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.dialogLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(ReviewAnswerDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.dialogLayout.addWidget(self.reasonEdit)

        self.errorLabel = QLabel(ReviewAnswerDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(ReviewAnswerDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.acceptedRadio, self.refusedRadio)
        QWidget.setTabOrder(self.refusedRadio, self.pendingRadio)
        QWidget.setTabOrder(self.pendingRadio, self.reasonEdit)

        self.retranslateUi(ReviewAnswerDialog)
    # setupUi

    def retranslateUi(self, ReviewAnswerDialog):
        ReviewAnswerDialog.setWindowTitle(QCoreApplication.translate("ReviewAnswerDialog", u"Responder la observaci\u00f3n", None))
        self.quoteLabel.setText("")
        self.acceptedRadio.setText(QCoreApplication.translate("ReviewAnswerDialog", u"Aceptada (se corrige en el siguiente borrador)", None))
        self.refusedRadio.setText(QCoreApplication.translate("ReviewAnswerDialog", u"No aceptada (escriba el motivo)", None))
        self.pendingRadio.setText(QCoreApplication.translate("ReviewAnswerDialog", u"Pendiente (sin respuesta)", None))
        self.reasonLabel.setText(QCoreApplication.translate("ReviewAnswerDialog", u"&Motivo:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ReviewAnswerDialog", u"Por qu\u00e9 no se acepta, o qu\u00e9 se corrigi\u00f3", None))
        self.errorLabel.setText("")
    # retranslateUi

