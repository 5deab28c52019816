# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_case_decision.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDoubleSpinBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

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
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.outcomeCombo, self.riskCombo)
        QWidget.setTabOrder(self.riskCombo, self.pctSpin)
        QWidget.setTabOrder(self.pctSpin, self.conceptEdit)
        QWidget.setTabOrder(self.conceptEdit, self.measureCombo)
        QWidget.setTabOrder(self.measureCombo, self.measureAddButton)
        QWidget.setTabOrder(self.measureAddButton, self.measureRemoveButton)
        QWidget.setTabOrder(self.measureRemoveButton, self.measuresTable)
        QWidget.setTabOrder(self.measuresTable, self.recordButton)
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
#if QT_CONFIG(tooltip)
        self.measureCombo.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"Medida del cat\u00e1logo", None))
#endif // QT_CONFIG(tooltip)
        self.measureAddButton.setText(QCoreApplication.translate("SessionCaseDecision", u"Agregar m&edida", None))
        self.measureRemoveButton.setText(QCoreApplication.translate("SessionCaseDecision", u"Quitar medida", None))
#if QT_CONFIG(tooltip)
        self.measuresTable.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"F2 para editar cantidad, acci\u00f3n y temporalidad (meses); la fecha de revaluaci\u00f3n se calcula al registrar", None))
#endif // QT_CONFIG(tooltip)
        self.recordButton.setText(QCoreApplication.translate("SessionCaseDecision", u"Registrar &decisi\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.recordButton.setToolTip(QCoreApplication.translate("SessionCaseDecision", u"Registra la decisi\u00f3n del comit\u00e9 sobre el caso (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.withdrawButton.setText(QCoreApplication.translate("SessionCaseDecision", u"Retirar decisi\u00f3n", None))
        self.decisionMessage.setText("")
        pass
    # retranslateUi

