# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_case_deliberation.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SessionCaseDeliberation(object):
    def setupUi(self, SessionCaseDeliberation):
        if not SessionCaseDeliberation.objectName():
            SessionCaseDeliberation.setObjectName(u"SessionCaseDeliberation")
        SessionCaseDeliberation.resize(560, 240)
        self.deliberationLayout = QVBoxLayout(SessionCaseDeliberation)
        self.deliberationLayout.setObjectName(u"deliberationLayout")
        self.deliberationLayout.setContentsMargins(0, 0, 0, 0)
        self.timeLayout = QHBoxLayout()
        self.timeLayout.setObjectName(u"timeLayout")
        self.discussedLabel = QLabel(SessionCaseDeliberation)
        self.discussedLabel.setObjectName(u"discussedLabel")

        self.timeLayout.addWidget(self.discussedLabel)

        self.discussedEdit = QLineEdit(SessionCaseDeliberation)
        self.discussedEdit.setObjectName(u"discussedEdit")
        self.discussedEdit.setMaximumSize(QSize(80, 16777215))

        self.timeLayout.addWidget(self.discussedEdit)

        self.nowButton = QPushButton(SessionCaseDeliberation)
        self.nowButton.setObjectName(u"nowButton")

        self.timeLayout.addWidget(self.nowButton)

        self.restorationCheck = QCheckBox(SessionCaseDeliberation)
        self.restorationCheck.setObjectName(u"restorationCheck")

        self.timeLayout.addWidget(self.restorationCheck)

        self.timeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeLayout.addItem(self.timeSpacer)


        self.deliberationLayout.addLayout(self.timeLayout)

        self.deliberationHeader = QHBoxLayout()
        self.deliberationHeader.setObjectName(u"deliberationHeader")
        self.deliberationLabel = QLabel(SessionCaseDeliberation)
        self.deliberationLabel.setObjectName(u"deliberationLabel")

        self.deliberationHeader.addWidget(self.deliberationLabel)

        self.saveStateLabel = QLabel(SessionCaseDeliberation)
        self.saveStateLabel.setObjectName(u"saveStateLabel")
        self.saveStateLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.deliberationHeader.addWidget(self.saveStateLabel)


        self.deliberationLayout.addLayout(self.deliberationHeader)

        self.deliberationEdit = QPlainTextEdit(SessionCaseDeliberation)
        self.deliberationEdit.setObjectName(u"deliberationEdit")
        self.deliberationEdit.setMinimumSize(QSize(0, 140))
        self.deliberationEdit.setTabChangesFocus(True)

        self.deliberationLayout.addWidget(self.deliberationEdit)

#if QT_CONFIG(shortcut)
        self.discussedLabel.setBuddy(self.discussedEdit)
        self.deliberationLabel.setBuddy(self.deliberationEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.discussedEdit, self.nowButton)
        QWidget.setTabOrder(self.nowButton, self.restorationCheck)
        QWidget.setTabOrder(self.restorationCheck, self.deliberationEdit)

        self.retranslateUi(SessionCaseDeliberation)
    # setupUi

    def retranslateUi(self, SessionCaseDeliberation):
        self.discussedLabel.setText(QCoreApplication.translate("SessionCaseDeliberation", u"&Hora en que se trat\u00f3:", None))
        self.discussedEdit.setPlaceholderText(QCoreApplication.translate("SessionCaseDeliberation", u"hh:mm", None))
#if QT_CONFIG(tooltip)
        self.discussedEdit.setToolTip(QCoreApplication.translate("SessionCaseDeliberation", u"Hora en que el comit\u00e9 trat\u00f3 el caso: el qu\u00f3rum y qui\u00e9n vota se miden a esa hora", None))
#endif // QT_CONFIG(tooltip)
        self.nowButton.setText(QCoreApplication.translate("SessionCaseDeliberation", u"A&hora", None))
#if QT_CONFIG(tooltip)
        self.nowButton.setToolTip(QCoreApplication.translate("SessionCaseDeliberation", u"Registra la hora actual (Ctrl+H)", None))
#endif // QT_CONFIG(tooltip)
        self.restorationCheck.setText(QCoreApplication.translate("SessionCaseDeliberation", u"Se analizan medidas de &restablecimiento", None))
#if QT_CONFIG(tooltip)
        self.restorationCheck.setToolTip(QCoreApplication.translate("SessionCaseDeliberation", u"UP-PCC: convoca a los ministerios y agencias competentes en restablecimiento y rehabilitaci\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.deliberationLabel.setText(QCoreApplication.translate("SessionCaseDeliberation", u"&Deliberaci\u00f3n (se guarda sola):", None))
        self.saveStateLabel.setText("")
        self.deliberationEdit.setPlaceholderText(QCoreApplication.translate("SessionCaseDeliberation", u"Resumen de la deliberaci\u00f3n del comit\u00e9 sobre el caso.", None))
        pass
    # retranslateUi

