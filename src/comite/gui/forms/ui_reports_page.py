# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports_page.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_ReportsPage(object):
    def setupUi(self, ReportsPage):
        if not ReportsPage.objectName():
            ReportsPage.setObjectName(u"ReportsPage")
        ReportsPage.resize(1100, 700)
        self.mainLayout = QVBoxLayout(ReportsPage)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(14, 12, 14, 10)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(ReportsPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.headerLayout.addWidget(self.titleLabel)

        self.statusLabel = QLabel(ReportsPage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setProperty(u"role", u"hint")

        self.headerLayout.addWidget(self.statusLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)


        self.mainLayout.addLayout(self.headerLayout)

        self.controlsLayout = QHBoxLayout()
        self.controlsLayout.setObjectName(u"controlsLayout")
        self.periodLabel = QLabel(ReportsPage)
        self.periodLabel.setObjectName(u"periodLabel")

        self.controlsLayout.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(ReportsPage)
        self.periodCombo.setObjectName(u"periodCombo")

        self.controlsLayout.addWidget(self.periodCombo)

        self.fromLabel = QLabel(ReportsPage)
        self.fromLabel.setObjectName(u"fromLabel")

        self.controlsLayout.addWidget(self.fromLabel)

        self.fromDate = QDateEdit(ReportsPage)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setCalendarPopup(True)
        self.fromDate.setDisplayFormat(u"dd/MM/yyyy")

        self.controlsLayout.addWidget(self.fromDate)

        self.toLabel = QLabel(ReportsPage)
        self.toLabel.setObjectName(u"toLabel")

        self.controlsLayout.addWidget(self.toLabel)

        self.toDate = QDateEdit(ReportsPage)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setCalendarPopup(True)
        self.toDate.setDisplayFormat(u"dd/MM/yyyy")

        self.controlsLayout.addWidget(self.toDate)

        self.committeeLabel = QLabel(ReportsPage)
        self.committeeLabel.setObjectName(u"committeeLabel")

        self.controlsLayout.addWidget(self.committeeLabel)

        self.committeeCombo = QComboBox(ReportsPage)
        self.committeeCombo.setObjectName(u"committeeCombo")

        self.controlsLayout.addWidget(self.committeeCombo)

        self.breakdownLabel = QLabel(ReportsPage)
        self.breakdownLabel.setObjectName(u"breakdownLabel")

        self.controlsLayout.addWidget(self.breakdownLabel)

        self.breakdownCombo = QComboBox(ReportsPage)
        self.breakdownCombo.setObjectName(u"breakdownCombo")

        self.controlsLayout.addWidget(self.breakdownCombo)

        self.runButton = QPushButton(ReportsPage)
        self.runButton.setObjectName(u"runButton")

        self.controlsLayout.addWidget(self.runButton)

        self.controlsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.controlsLayout.addItem(self.controlsSpacer)


        self.mainLayout.addLayout(self.controlsLayout)

        self.totalsLabel = QLabel(ReportsPage)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.totalsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.totalsLabel)

        self.tabs = QTabWidget(ReportsPage)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)

        self.mainLayout.addWidget(self.tabs)

        self.exportLayout = QHBoxLayout()
        self.exportLayout.setObjectName(u"exportLayout")
        self.internalCheck = QCheckBox(ReportsPage)
        self.internalCheck.setObjectName(u"internalCheck")

        self.exportLayout.addWidget(self.internalCheck)

        self.exportSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exportLayout.addItem(self.exportSpacer)

        self.xlsxButton = QPushButton(ReportsPage)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.exportLayout.addWidget(self.xlsxButton)

        self.pdfButton = QPushButton(ReportsPage)
        self.pdfButton.setObjectName(u"pdfButton")

        self.exportLayout.addWidget(self.pdfButton)

        self.jsonButton = QPushButton(ReportsPage)
        self.jsonButton.setObjectName(u"jsonButton")

        self.exportLayout.addWidget(self.jsonButton)


        self.mainLayout.addLayout(self.exportLayout)

#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodCombo)
        self.fromLabel.setBuddy(self.fromDate)
        self.toLabel.setBuddy(self.toDate)
        self.committeeLabel.setBuddy(self.committeeCombo)
        self.breakdownLabel.setBuddy(self.breakdownCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.periodCombo, self.fromDate)
        QWidget.setTabOrder(self.fromDate, self.toDate)
        QWidget.setTabOrder(self.toDate, self.committeeCombo)
        QWidget.setTabOrder(self.committeeCombo, self.breakdownCombo)
        QWidget.setTabOrder(self.breakdownCombo, self.runButton)
        QWidget.setTabOrder(self.runButton, self.tabs)
        QWidget.setTabOrder(self.tabs, self.internalCheck)
        QWidget.setTabOrder(self.internalCheck, self.xlsxButton)
        QWidget.setTabOrder(self.xlsxButton, self.pdfButton)
        QWidget.setTabOrder(self.pdfButton, self.jsonButton)

        self.retranslateUi(ReportsPage)

        self.runButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ReportsPage):
        self.titleLabel.setText(QCoreApplication.translate("ReportsPage", u"Informes", None))
        self.statusLabel.setText(QCoreApplication.translate("ReportsPage", u"Elija el periodo y los comit\u00e9s, y pulse Generar.", None))
        self.periodLabel.setText(QCoreApplication.translate("ReportsPage", u"&Periodo:", None))
#if QT_CONFIG(tooltip)
        self.periodCombo.setToolTip(QCoreApplication.translate("ReportsPage", u"Un mes, un trimestre o un a\u00f1o a partir de la fecha \u00abDesde\u00bb, un rango de fechas, o todo lo registrado", None))
#endif // QT_CONFIG(tooltip)
        self.fromLabel.setText(QCoreApplication.translate("ReportsPage", u"&Desde:", None))
        self.toLabel.setText(QCoreApplication.translate("ReportsPage", u"&Hasta:", None))
        self.committeeLabel.setText(QCoreApplication.translate("ReportsPage", u"&Comit\u00e9s:", None))
        self.breakdownLabel.setText(QCoreApplication.translate("ReportsPage", u"Des&glose:", None))
#if QT_CONFIG(tooltip)
        self.breakdownCombo.setToolTip(QCoreApplication.translate("ReportsPage", u"C\u00f3mo se desglosan los niveles de riesgo en la tabla y el gr\u00e1fico", None))
#endif // QT_CONFIG(tooltip)
        self.runButton.setText(QCoreApplication.translate("ReportsPage", u"&Generar", None))
        self.totalsLabel.setText("")
        self.internalCheck.setText(QCoreApplication.translate("ReportsPage", u"&Uso interno de la secretar\u00eda (sin suprimir celdas peque\u00f1as)", None))
#if QT_CONFIG(tooltip)
        self.internalCheck.setToolTip(QCoreApplication.translate("ReportsPage", u"Sin marcar, el archivo sale con la reserva: las celdas con menos casos que el umbral se suprimen y no lleva radicados", None))
#endif // QT_CONFIG(tooltip)
        self.xlsxButton.setText(QCoreApplication.translate("ReportsPage", u"Exportar &Excel\u2026", None))
        self.pdfButton.setText(QCoreApplication.translate("ReportsPage", u"Exportar P&DF\u2026", None))
        self.jsonButton.setText(QCoreApplication.translate("ReportsPage", u"Exportar &JSON\u2026", None))
        pass
    # retranslateUi

