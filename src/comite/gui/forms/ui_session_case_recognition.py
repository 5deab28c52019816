# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_case_recognition.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel,
    QVBoxLayout)

class Ui_SessionCaseRecognition(object):
    def setupUi(self, SessionCaseRecognition):
        if not SessionCaseRecognition.objectName():
            SessionCaseRecognition.setObjectName(u"SessionCaseRecognition")
        SessionCaseRecognition.resize(560, 200)
        self.recognitionPanelLayout = QVBoxLayout(SessionCaseRecognition)
        self.recognitionPanelLayout.setObjectName(u"recognitionPanelLayout")
        self.recognitionPanelLayout.setContentsMargins(0, 0, 0, 0)
        self.recognitionGroup = QGroupBox(SessionCaseRecognition)
        self.recognitionGroup.setObjectName(u"recognitionGroup")
        self.recognitionLayout = QVBoxLayout(self.recognitionGroup)
        self.recognitionLayout.setObjectName(u"recognitionLayout")
        self.criteriaLayout = QVBoxLayout()
        self.criteriaLayout.setSpacing(2)
        self.criteriaLayout.setObjectName(u"criteriaLayout")

        self.recognitionLayout.addLayout(self.criteriaLayout)

        self.grantedLayout = QHBoxLayout()
        self.grantedLayout.setObjectName(u"grantedLayout")
        self.grantedLabel = QLabel(self.recognitionGroup)
        self.grantedLabel.setObjectName(u"grantedLabel")

        self.grantedLayout.addWidget(self.grantedLabel)

        self.grantedCombo = QComboBox(self.recognitionGroup)
        self.grantedCombo.setObjectName(u"grantedCombo")

        self.grantedLayout.addWidget(self.grantedCombo)


        self.recognitionLayout.addLayout(self.grantedLayout)


        self.recognitionPanelLayout.addWidget(self.recognitionGroup)

#if QT_CONFIG(shortcut)
        self.grantedLabel.setBuddy(self.grantedCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SessionCaseRecognition)
    # setupUi

    def retranslateUi(self, SessionCaseRecognition):
        self.recognitionGroup.setTitle(QCoreApplication.translate("SessionCaseRecognition", u"Reconocimiento social del colectivo (Resoluci\u00f3n 1085 de 2015)", None))
        self.grantedLabel.setText(QCoreApplication.translate("SessionCaseRecognition", u"Decisi\u00f3n del co&mit\u00e9:", None))
        pass
    # retranslateUi

