# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_add_case_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QLineEdit, QTableView,
    QVBoxLayout, QWidget)

class Ui_SessionAddCaseDialog(object):
    def setupUi(self, SessionAddCaseDialog):
        if not SessionAddCaseDialog.objectName():
            SessionAddCaseDialog.setObjectName(u"SessionAddCaseDialog")
        SessionAddCaseDialog.resize(760, 460)
        self.dialogLayout = QVBoxLayout(SessionAddCaseDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(SessionAddCaseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.filterEdit = QLineEdit(SessionAddCaseDialog)
        self.filterEdit.setObjectName(u"filterEdit")

        self.dialogLayout.addWidget(self.filterEdit)

        self.rowsTable = QTableView(SessionAddCaseDialog)
        self.rowsTable.setObjectName(u"rowsTable")

        self.dialogLayout.addWidget(self.rowsTable)

        self.buttons = QDialogButtonBox(SessionAddCaseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

        QWidget.setTabOrder(self.filterEdit, self.rowsTable)

        self.retranslateUi(SessionAddCaseDialog)
    # setupUi

    def retranslateUi(self, SessionAddCaseDialog):
        SessionAddCaseDialog.setWindowTitle(QCoreApplication.translate("SessionAddCaseDialog", u"Agregar casos al orden del d\u00eda", None))
        self.introLabel.setText("")
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("SessionAddCaseDialog", u"Filtrar\u2026", None))
#if QT_CONFIG(tooltip)
        self.rowsTable.setToolTip(QCoreApplication.translate("SessionAddCaseDialog", u"Seleccione uno o varios (Ctrl+A: todos) y pulse Agregar", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

