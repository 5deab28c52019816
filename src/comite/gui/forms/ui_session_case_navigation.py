# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_case_navigation.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QWidget)

class Ui_SessionCaseNavigation(object):
    def setupUi(self, SessionCaseNavigation):
        if not SessionCaseNavigation.objectName():
            SessionCaseNavigation.setObjectName(u"SessionCaseNavigation")
        SessionCaseNavigation.resize(900, 40)
        self.navLayout = QHBoxLayout(SessionCaseNavigation)
        self.navLayout.setObjectName(u"navLayout")
        self.navLayout.setContentsMargins(0, 0, 0, 0)
        self.prevButton = QPushButton(SessionCaseNavigation)
        self.prevButton.setObjectName(u"prevButton")

        self.navLayout.addWidget(self.prevButton)

        self.caseCombo = QComboBox(SessionCaseNavigation)
        self.caseCombo.setObjectName(u"caseCombo")
        self.caseCombo.setMinimumSize(QSize(260, 0))

        self.navLayout.addWidget(self.caseCombo)

        self.nextButton = QPushButton(SessionCaseNavigation)
        self.nextButton.setObjectName(u"nextButton")

        self.navLayout.addWidget(self.nextButton)

        self.positionLabel = QLabel(SessionCaseNavigation)
        self.positionLabel.setObjectName(u"positionLabel")

        self.navLayout.addWidget(self.positionLabel)

        self.navSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navLayout.addItem(self.navSpacer)

        QWidget.setTabOrder(self.prevButton, self.caseCombo)
        QWidget.setTabOrder(self.caseCombo, self.nextButton)

        self.retranslateUi(SessionCaseNavigation)
    # setupUi

    def retranslateUi(self, SessionCaseNavigation):
        self.prevButton.setText(QCoreApplication.translate("SessionCaseNavigation", u"\u25c0 Anterior", None))
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("SessionCaseNavigation", u"Caso anterior (Alt+Izquierda o ReP\u00e1g)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.caseCombo.setToolTip(QCoreApplication.translate("SessionCaseNavigation", u"Ir a un caso del orden del d\u00eda", None))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(QCoreApplication.translate("SessionCaseNavigation", u"Siguiente \u25b6", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("SessionCaseNavigation", u"Caso siguiente (Alt+Derecha o AvP\u00e1g)", None))
#endif // QT_CONFIG(tooltip)
        self.positionLabel.setText("")
        pass
    # retranslateUi

