# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_page.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_AuditPage(object):
    def setupUi(self, AuditPage):
        if not AuditPage.objectName():
            AuditPage.setObjectName(u"AuditPage")
        AuditPage.resize(1000, 600)
        self.mainLayout = QVBoxLayout(AuditPage)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(14, 12, 14, 10)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(AuditPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.verifyButton = QPushButton(AuditPage)
        self.verifyButton.setObjectName(u"verifyButton")

        self.headerLayout.addWidget(self.verifyButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.filtersLayout = QHBoxLayout()
        self.filtersLayout.setSpacing(8)
        self.filtersLayout.setObjectName(u"filtersLayout")
        self.userLabel = QLabel(AuditPage)
        self.userLabel.setObjectName(u"userLabel")

        self.filtersLayout.addWidget(self.userLabel)

        self.userCombo = QComboBox(AuditPage)
        self.userCombo.setObjectName(u"userCombo")
        self.userCombo.setMinimumContentsLength(12)

        self.filtersLayout.addWidget(self.userCombo)

        self.caseLabel = QLabel(AuditPage)
        self.caseLabel.setObjectName(u"caseLabel")

        self.filtersLayout.addWidget(self.caseLabel)

        self.caseEdit = QLineEdit(AuditPage)
        self.caseEdit.setObjectName(u"caseEdit")

        self.filtersLayout.addWidget(self.caseEdit)

        self.sinceCheck = QCheckBox(AuditPage)
        self.sinceCheck.setObjectName(u"sinceCheck")

        self.filtersLayout.addWidget(self.sinceCheck)

        self.sinceDate = QDateEdit(AuditPage)
        self.sinceDate.setObjectName(u"sinceDate")
        self.sinceDate.setEnabled(False)
        self.sinceDate.setDisplayFormat(u"dd/MM/yyyy")
        self.sinceDate.setCalendarPopup(True)

        self.filtersLayout.addWidget(self.sinceDate)

        self.untilCheck = QCheckBox(AuditPage)
        self.untilCheck.setObjectName(u"untilCheck")

        self.filtersLayout.addWidget(self.untilCheck)

        self.untilDate = QDateEdit(AuditPage)
        self.untilDate.setObjectName(u"untilDate")
        self.untilDate.setEnabled(False)
        self.untilDate.setDisplayFormat(u"dd/MM/yyyy")
        self.untilDate.setCalendarPopup(True)

        self.filtersLayout.addWidget(self.untilDate)

        self.applyButton = QPushButton(AuditPage)
        self.applyButton.setObjectName(u"applyButton")

        self.filtersLayout.addWidget(self.applyButton)

        self.filtersSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filtersLayout.addItem(self.filtersSpacer)


        self.mainLayout.addLayout(self.filtersLayout)

        self.auditTable = QTableView(AuditPage)
        self.auditTable.setObjectName(u"auditTable")
        self.auditTable.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.auditTable)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.countLabel = QLabel(AuditPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setProperty(u"role", u"hint")

        self.footerLayout.addWidget(self.countLabel)

        self.footerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.chainLabel = QLabel(AuditPage)
        self.chainLabel.setObjectName(u"chainLabel")
        self.chainLabel.setWordWrap(True)

        self.footerLayout.addWidget(self.chainLabel)


        self.mainLayout.addLayout(self.footerLayout)

#if QT_CONFIG(shortcut)
        self.userLabel.setBuddy(self.userCombo)
        self.caseLabel.setBuddy(self.caseEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.userCombo, self.caseEdit)
        QWidget.setTabOrder(self.caseEdit, self.sinceCheck)
        QWidget.setTabOrder(self.sinceCheck, self.sinceDate)
        QWidget.setTabOrder(self.sinceDate, self.untilCheck)
        QWidget.setTabOrder(self.untilCheck, self.untilDate)
        QWidget.setTabOrder(self.untilDate, self.applyButton)
        QWidget.setTabOrder(self.applyButton, self.auditTable)
        QWidget.setTabOrder(self.auditTable, self.verifyButton)

        self.retranslateUi(AuditPage)
    # setupUi

    def retranslateUi(self, AuditPage):
        self.titleLabel.setText(QCoreApplication.translate("AuditPage", u"Auditor\u00eda", None))
#if QT_CONFIG(tooltip)
        self.verifyButton.setToolTip(QCoreApplication.translate("AuditPage", u"Recorrer toda la cadena de auditor\u00eda y comprobar que ning\u00fan registro fue alterado", None))
#endif // QT_CONFIG(tooltip)
        self.verifyButton.setText(QCoreApplication.translate("AuditPage", u"&Verificar cadena", None))
        self.userLabel.setText(QCoreApplication.translate("AuditPage", u"&Usuario", None))
        self.caseLabel.setText(QCoreApplication.translate("AuditPage", u"&Caso", None))
        self.caseEdit.setPlaceholderText(QCoreApplication.translate("AuditPage", u"Radicado", None))
        self.sinceCheck.setText(QCoreApplication.translate("AuditPage", u"&Desde", None))
        self.untilCheck.setText(QCoreApplication.translate("AuditPage", u"&Hasta", None))
        self.applyButton.setText(QCoreApplication.translate("AuditPage", u"&Aplicar filtros", None))
#if QT_CONFIG(accessibility)
        self.auditTable.setAccessibleName(QCoreApplication.translate("AuditPage", u"Registros de auditor\u00eda", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText("")
        self.chainLabel.setText("")
        pass
    # retranslateUi

