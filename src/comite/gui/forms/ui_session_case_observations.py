# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_case_observations.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLineEdit,
    QPushButton, QTableView, QVBoxLayout, QWidget)

class Ui_SessionCaseObservations(object):
    def setupUi(self, SessionCaseObservations):
        if not SessionCaseObservations.objectName():
            SessionCaseObservations.setObjectName(u"SessionCaseObservations")
        SessionCaseObservations.resize(560, 200)
        self.observationsPanelLayout = QVBoxLayout(SessionCaseObservations)
        self.observationsPanelLayout.setObjectName(u"observationsPanelLayout")
        self.observationsPanelLayout.setContentsMargins(0, 0, 0, 0)
        self.observationsGroup = QGroupBox(SessionCaseObservations)
        self.observationsGroup.setObjectName(u"observationsGroup")
        self.observationsLayout = QVBoxLayout(self.observationsGroup)
        self.observationsLayout.setObjectName(u"observationsLayout")
        self.observationsTable = QTableView(self.observationsGroup)
        self.observationsTable.setObjectName(u"observationsTable")
        self.observationsTable.setMinimumSize(QSize(0, 90))

        self.observationsLayout.addWidget(self.observationsTable)

        self.observationTools = QHBoxLayout()
        self.observationTools.setObjectName(u"observationTools")
        self.observationSeatCombo = QComboBox(self.observationsGroup)
        self.observationSeatCombo.setObjectName(u"observationSeatCombo")
        self.observationSeatCombo.setMinimumSize(QSize(180, 0))

        self.observationTools.addWidget(self.observationSeatCombo)

        self.observationEdit = QLineEdit(self.observationsGroup)
        self.observationEdit.setObjectName(u"observationEdit")

        self.observationTools.addWidget(self.observationEdit)

        self.observationAddButton = QPushButton(self.observationsGroup)
        self.observationAddButton.setObjectName(u"observationAddButton")

        self.observationTools.addWidget(self.observationAddButton)

        self.observationRemoveButton = QPushButton(self.observationsGroup)
        self.observationRemoveButton.setObjectName(u"observationRemoveButton")

        self.observationTools.addWidget(self.observationRemoveButton)

        self.observationTools.setStretch(0, 2)
        self.observationTools.setStretch(1, 3)

        self.observationsLayout.addLayout(self.observationTools)


        self.observationsPanelLayout.addWidget(self.observationsGroup)

        QWidget.setTabOrder(self.observationsTable, self.observationSeatCombo)
        QWidget.setTabOrder(self.observationSeatCombo, self.observationEdit)
        QWidget.setTabOrder(self.observationEdit, self.observationAddButton)
        QWidget.setTabOrder(self.observationAddButton, self.observationRemoveButton)

        self.retranslateUi(SessionCaseObservations)
    # setupUi

    def retranslateUi(self, SessionCaseObservations):
        self.observationsGroup.setTitle(QCoreApplication.translate("SessionCaseObservations", u"Observaciones de los invitados (solo voz)", None))
#if QT_CONFIG(tooltip)
        self.observationSeatCombo.setToolTip(QCoreApplication.translate("SessionCaseObservations", u"Qui\u00e9n hace la observaci\u00f3n (solo quienes se sientan en este caso)", None))
#endif // QT_CONFIG(tooltip)
        self.observationEdit.setPlaceholderText(QCoreApplication.translate("SessionCaseObservations", u"Observaci\u00f3n y Enter", None))
        self.observationAddButton.setText(QCoreApplication.translate("SessionCaseObservations", u"Agregar", None))
        self.observationRemoveButton.setText(QCoreApplication.translate("SessionCaseObservations", u"Quitar", None))
        pass
    # retranslateUi

