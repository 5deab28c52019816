# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_case_decision.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDoubleSpinBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QTableView, QVBoxLayout,
    QWidget)

class Ui_SessionCaseDecision(object):
    def setupUi(self, SessionCaseDecision):
        if not SessionCaseDecision.objectName():
            SessionCaseDecision.setObjectName(u"SessionCaseDecision")
        SessionCaseDecision.resize(600, 400)
        self.decisionPanelLayout = QVBoxLayout(SessionCaseDecision)
        self.decisionPanelLayout.setObjectName(u"decisionPanelLayout")
        self.decisionPanelLayout.setContentsMargins(0, 0, 0, 0)
        self.decisionGroup = QGroupBox(SessionCaseDecision)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionLayout = QVBoxLayout(self.decisionGroup)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.decisionForm = QFormLayout()
        self.decisionForm.setObjectName(u"decisionForm")
        self.outcomeLabel = QLabel(self.decisionGroup)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(self.decisionGroup)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.riskLabel = QLabel(self.decisionGroup)
        self.riskLabel.setObjectName(u"riskLabel")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.riskLabel)

        self.riskCombo = QComboBox(self.decisionGroup)
        self.riskCombo.setObjectName(u"riskCombo")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.riskCombo)

        self.pctLabel = QLabel(self.decisionGroup)
        self.pctLabel.setObjectName(u"pctLabel")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pctLabel)

        self.pctSpin = QDoubleSpinBox(self.decisionGroup)
        self.pctSpin.setObjectName(u"pctSpin")
        self.pctSpin.setDecimals(2)
        self.pctSpin.setMaximum(100.000000000000000)

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pctSpin)

        self.conceptLabel = QLabel(self.decisionGroup)
        self.conceptLabel.setObjectName(u"conceptLabel")

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.conceptLabel)

        self.conceptEdit = QPlainTextEdit(self.decisionGroup)
        self.conceptEdit.setObjectName(u"conceptEdit")
        self.conceptEdit.setMaximumSize(QSize(16777215, 64))
        self.conceptEdit.setTabChangesFocus(True)

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.conceptEdit)

        self.departureLabel = QLabel(self.decisionGroup)
        self.departureLabel.setObjectName(u"departureLabel")

        self.decisionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.departureLabel)

        self.departureEdit = QPlainTextEdit(self.decisionGroup)
        self.departureEdit.setObjectName(u"departureEdit")
        self.departureEdit.setMaximumSize(QSize(16777215, 56))
        self.departureEdit.setTabChangesFocus(True)

        self.decisionForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.departureEdit)

        self.levelChangeLabel = QLabel(self.decisionGroup)
        self.levelChangeLabel.setObjectName(u"levelChangeLabel")

        self.decisionForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.levelChangeLabel)

        self.levelChangeEdit = QPlainTextEdit(self.decisionGroup)
        self.levelChangeEdit.setObjectName(u"levelChangeEdit")
        self.levelChangeEdit.setMaximumSize(QSize(16777215, 56))
        self.levelChangeEdit.setTabChangesFocus(True)

        self.decisionForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.levelChangeEdit)


        self.decisionLayout.addLayout(self.decisionForm)

        self.measureTools = QHBoxLayout()
        self.measureTools.setObjectName(u"measureTools")
        self.measureCombo = QComboBox(self.decisionGroup)
        self.measureCombo.setObjectName(u"measureCombo")

        self.measureTools.addWidget(self.measureCombo)

        self.measureAddButton = QPushButton(self.decisionGroup)
        self.measureAddButton.setObjectName(u"measureAddButton")

        self.measureTools.addWidget(self.measureAddButton)

        self.measureRemoveButton = QPushButton(self.decisionGroup)
        self.measureRemoveButton.setObjectName(u"measureRemoveButton")

        self.measureTools.addWidget(self.measureRemoveButton)


        self.decisionLayout.addLayout(self.measureTools)

        self.measuresTable = QTableView(self.decisionGroup)
        self.measuresTable.setObjectName(u"measuresTable")
        self.measuresTable.setMinimumSize(QSize(0, 90))
        self.measuresTable.setMaximumSize(QSize(16777215, 150))

        self.decisionLayout.addWidget(self.measuresTable)

        self.measureFactsForm = QFormLayout()
        self.measureFactsForm.setObjectName(u"measureFactsForm")
        self.emergencyLabel = QLabel(self.decisionGroup)
        self.emergencyLabel.setObjectName(u"emergencyLabel")

        self.measureFactsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.emergencyLabel)

        self.emergencyCombo = QComboBox(self.decisionGroup)
        self.emergencyCombo.setObjectName(u"emergencyCombo")

        self.measureFactsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.emergencyCombo)

        self.emergencyNoteLabel = QLabel(self.decisionGroup)
        self.emergencyNoteLabel.setObjectName(u"emergencyNoteLabel")

        self.measureFactsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.emergencyNoteLabel)

        self.emergencyNoteEdit = QLineEdit(self.decisionGroup)
        self.emergencyNoteEdit.setObjectName(u"emergencyNoteEdit")
        self.emergencyNoteEdit.setMaxLength(2000)

        self.measureFactsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.emergencyNoteEdit)

        self.concertationDateLabel = QLabel(self.decisionGroup)
        self.concertationDateLabel.setObjectName(u"concertationDateLabel")

        self.measureFactsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.concertationDateLabel)

        self.concertationDateEdit = QDateEdit(self.decisionGroup)
        self.concertationDateEdit.setObjectName(u"concertationDateEdit")

        self.measureFactsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.concertationDateEdit)

        self.concertationWithLabel = QLabel(self.decisionGroup)
        self.concertationWithLabel.setObjectName(u"concertationWithLabel")

        self.measureFactsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.concertationWithLabel)

        self.concertationWithEdit = QLineEdit(self.decisionGroup)
        self.concertationWithEdit.setObjectName(u"concertationWithEdit")
        self.concertationWithEdit.setMaxLength(2000)

        self.measureFactsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.concertationWithEdit)


        self.decisionLayout.addLayout(self.measureFactsForm)

        self.decisionButtons = QHBoxLayout()
        self.decisionButtons.setObjectName(u"decisionButtons")
        self.recordButton = QPushButton(self.decisionGroup)
        self.recordButton.setObjectName(u"recordButton")

        self.decisionButtons.addWidget(self.recordButton)

        self.withdrawButton = QPushButton(self.decisionGroup)
        self.withdrawButton.setObjectName(u"withdrawButton")

        self.decisionButtons.addWidget(self.withdrawButton)


        self.decisionLayout.addLayout(self.decisionButtons)

        self.decisionMessage = QLabel(self.decisionGroup)
        self.decisionMessage.setObjectName(u"decisionMessage")
        self.decisionMessage.setWordWrap(True)
        self.decisionMessage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.decisionLayout.addWidget(self.decisionMessage)


        self.decisionPanelLayout.addWidget(self.decisionGroup)

#if QT_CONFIG(shortcut)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.riskLabel.setBuddy(self.riskCombo)
        self.pctLabel.setBuddy(self.pctSpin)
        self.conceptLabel.setBuddy(self.conceptEdit)
        self.departureLabel.setBuddy(self.departureEdit)
        self.levelChangeLabel.setBuddy(self.levelChangeEdit)
        self.emergencyLabel.setBuddy(self.emergencyCombo)
        self.emergencyNoteLabel.setBuddy(self.emergencyNoteEdit)
        self.concertationDateLabel.setBuddy(self.concertationDateEdit)
        self.concertationWithLabel.setBuddy(self.concertationWithEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.outcomeCombo, self.riskCombo)
        QWidget.setTabOrder(self.riskCombo, self.pctSpin)
        QWidget.setTabOrder(self.pctSpin, self.conceptEdit)
        QWidget.setTabOrder(self.conceptEdit, self.departureEdit)
        QWidget.setTabOrder(self.departureEdit, self.levelChangeEdit)
        QWidget.setTabOrder(self.levelChangeEdit, self.measureCombo)
        QWidget.setTabOrder(self.measureCombo, self.measureAddButton)
        QWidget.setTabOrder(self.measureAddButton, self.measureRemoveButton)
        QWidget.setTabOrder(self.measureRemoveButton, self.measuresTable)
        QWidget.setTabOrder(self.measuresTable, self.emergencyCombo)
        QWidget.setTabOrder(self.emergencyCombo, self.emergencyNoteEdit)
        QWidget.setTabOrder(self.emergencyNoteEdit, self.concertationDateEdit)
        QWidget.setTabOrder(self.concertationDateEdit, self.concertationWithEdit)
        QWidget.setTabOrder(self.concertationWithEdit, self.recordButton)
        QWidget.setTabOrder(self.recordButton, self.withdrawButton)

        self.retranslateUi(SessionCaseDecision)
    # setupUi

    def retranslateUi(self, SessionCaseDecision):
        self.decisionGroup.setTitle(QCoreApplication.translate("SessionCaseDecision", u"Decisi\u00f3n", None))
        self.outcomeLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"Res&ultado:", None))
        self.riskLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"Nivel de &riesgo:", None))
        self.pctLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"Ponderaci\u00f3n de la &matriz (%):", None))
        self.pctSpin.setSpecialValueText(QCoreApplication.translate("SessionCaseDecision", u"\u2014", None))
        self.conceptLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"C&oncepto:", None))
        self.departureLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"Motivo para apartarse de la ma&triz:", None))
#if QT_CONFIG(tooltip)
        self.departureEdit.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"El nivel no corresponde a la franja de la ponderaci\u00f3n de la matriz: la resoluci\u00f3n dice por qu\u00e9 el comit\u00e9 se aparta de ella", None))
#endif // QT_CONFIG(tooltip)
        self.levelChangeLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"Motivo del cam&bio de nivel:", None))
#if QT_CONFIG(tooltip)
        self.levelChangeEdit.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"El nivel no es el que determin\u00f3 el GVP: el comit\u00e9 lo cambia y dice por qu\u00e9", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.measureCombo.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"Medida del cat\u00e1logo", None))
#endif // QT_CONFIG(tooltip)
        self.measureAddButton.setText(QCoreApplication.translate("SessionCaseDecision", u"Agregar m&edida", None))
        self.measureRemoveButton.setText(QCoreApplication.translate("SessionCaseDecision", u"Quitar medida", None))
#if QT_CONFIG(tooltip)
        self.measuresTable.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"F2 para editar cantidad, acci\u00f3n, temporalidad (meses) y, en las medidas de restablecimiento, la entidad competente; la fecha de revaluaci\u00f3n se calcula al registrar", None))
#endif // QT_CONFIG(tooltip)
        self.emergencyLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"Medidas de eme&rgencia:", None))
#if QT_CONFIG(tooltip)
        self.emergencyCombo.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"El caso lleg\u00f3 por la ruta de emergencia: qu\u00e9 pasa con las medidas que adopt\u00f3 el Director", None))
#endif // QT_CONFIG(tooltip)
        self.emergencyNoteLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"Nota sobre la emer&gencia:", None))
        self.concertationDateLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"Conce&rtadas el:", None))
        self.concertationDateEdit.setDisplayFormat(QCoreApplication.translate("SessionCaseDecision", u"dd/MM/yyyy", None))
        self.concertationDateEdit.setSpecialValueText(QCoreApplication.translate("SessionCaseDecision", u"\u2014", None))
#if QT_CONFIG(tooltip)
        self.concertationDateEdit.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"Fecha en que las medidas se concertaron con el colectivo (Resoluci\u00f3n 1085 de 2015)", None))
#endif // QT_CONFIG(tooltip)
        self.concertationWithLabel.setText(QCoreApplication.translate("SessionCaseDecision", u"Concertadas c&on:", None))
        self.concertationWithEdit.setPlaceholderText(QCoreApplication.translate("SessionCaseDecision", u"Qui\u00e9nes participaron por el colectivo y por las entidades", None))
        self.recordButton.setText(QCoreApplication.translate("SessionCaseDecision", u"Registrar &decisi\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.recordButton.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"Registra la decisi\u00f3n del comit\u00e9 sobre el caso (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.withdrawButton.setText(QCoreApplication.translate("SessionCaseDecision", u"Retirar decisi\u00f3n", None))
        self.decisionMessage.setText("")
        pass
    # retranslateUi

