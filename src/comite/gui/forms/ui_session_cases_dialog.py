# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_cases_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QListWidget, QVBoxLayout)

class Ui_SessionCasesDialog(object):
    def setupUi(self, SessionCasesDialog):
        if not SessionCasesDialog.objectName():
            SessionCasesDialog.setObjectName(u"SessionCasesDialog")
        SessionCasesDialog.resize(480, 420)
        self.dialogLayout = QVBoxLayout(SessionCasesDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(SessionCasesDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.casesList = QListWidget(SessionCasesDialog)
        self.casesList.setObjectName(u"casesList")

        self.dialogLayout.addWidget(self.casesList)

        self.buttons = QDialogButtonBox(SessionCasesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(SessionCasesDialog)
    # setupUi

    def retranslateUi(self, SessionCasesDialog):
        SessionCasesDialog.setWindowTitle(QCoreApplication.translate("SessionCasesDialog", u"Casos a los que asiste", None))
        self.introLabel.setText("")
#if QT_CONFIG(tooltip)
        self.casesList.setToolTip(QCoreApplication.translate("SessionCasesDialog", u"Espacio marca o desmarca el caso", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

