# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_commitments_tab.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QTableView, QVBoxLayout, QWidget)

class Ui_SessionCommitmentsTab(object):
    def setupUi(self, SessionCommitmentsTab):
        if not SessionCommitmentsTab.objectName():
            SessionCommitmentsTab.setObjectName(u"SessionCommitmentsTab")
        SessionCommitmentsTab.resize(1100, 700)
        self.commitmentsLayout = QVBoxLayout(SessionCommitmentsTab)
        self.commitmentsLayout.setObjectName(u"commitmentsLayout")
        self.newGroup = QGroupBox(SessionCommitmentsTab)
        self.newGroup.setObjectName(u"newGroup")
        self.newLayout = QHBoxLayout(self.newGroup)
        self.newLayout.setObjectName(u"newLayout")
        self.descriptionEdit = QLineEdit(self.newGroup)
        self.descriptionEdit.setObjectName(u"descriptionEdit")

        self.newLayout.addWidget(self.descriptionEdit)

        self.responsibleCombo = QComboBox(self.newGroup)
        self.responsibleCombo.setObjectName(u"responsibleCombo")
        self.responsibleCombo.setEditable(True)
        self.responsibleCombo.setMinimumSize(QSize(240, 0))

        self.newLayout.addWidget(self.responsibleCombo)

        self.caseLabel = QLabel(self.newGroup)
        self.caseLabel.setObjectName(u"caseLabel")

        self.newLayout.addWidget(self.caseLabel)

        self.caseCombo = QComboBox(self.newGroup)
        self.caseCombo.setObjectName(u"caseCombo")
        self.caseCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.newLayout.addWidget(self.caseCombo)

        self.dueCheck = QCheckBox(self.newGroup)
        self.dueCheck.setObjectName(u"dueCheck")
        self.dueCheck.setChecked(True)

        self.newLayout.addWidget(self.dueCheck)

        self.dueEdit = QDateEdit(self.newGroup)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.newLayout.addWidget(self.dueEdit)

        self.addButton = QPushButton(self.newGroup)
        self.addButton.setObjectName(u"addButton")

        self.newLayout.addWidget(self.addButton)

        self.newLayout.setStretch(0, 3)
        self.newLayout.setStretch(1, 2)

        self.commitmentsLayout.addWidget(self.newGroup)

        self.toolsLayout = QHBoxLayout()
        self.toolsLayout.setObjectName(u"toolsLayout")
        self.filterEdit = QLineEdit(SessionCommitmentsTab)
        self.filterEdit.setObjectName(u"filterEdit")

        self.toolsLayout.addWidget(self.filterEdit)

        self.doneButton = QPushButton(SessionCommitmentsTab)
        self.doneButton.setObjectName(u"doneButton")

        self.toolsLayout.addWidget(self.doneButton)

        self.cancelButton = QPushButton(SessionCommitmentsTab)
        self.cancelButton.setObjectName(u"cancelButton")

        self.toolsLayout.addWidget(self.cancelButton)

        self.reopenButton = QPushButton(SessionCommitmentsTab)
        self.reopenButton.setObjectName(u"reopenButton")

        self.toolsLayout.addWidget(self.reopenButton)


        self.commitmentsLayout.addLayout(self.toolsLayout)

        self.commitmentsTable = QTableView(SessionCommitmentsTab)
        self.commitmentsTable.setObjectName(u"commitmentsTable")

        self.commitmentsLayout.addWidget(self.commitmentsTable)

        self.summaryLabel = QLabel(SessionCommitmentsTab)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.commitmentsLayout.addWidget(self.summaryLabel)

#if QT_CONFIG(shortcut)
        self.caseLabel.setBuddy(self.caseCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.descriptionEdit, self.responsibleCombo)
        QWidget.setTabOrder(self.responsibleCombo, self.caseCombo)
        QWidget.setTabOrder(self.caseCombo, self.dueCheck)
        QWidget.setTabOrder(self.dueCheck, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.filterEdit)
        QWidget.setTabOrder(self.filterEdit, self.commitmentsTable)
        QWidget.setTabOrder(self.commitmentsTable, self.doneButton)
        QWidget.setTabOrder(self.doneButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.reopenButton)

        self.retranslateUi(SessionCommitmentsTab)
    # setupUi

    def retranslateUi(self, SessionCommitmentsTab):
        self.newGroup.setTitle(QCoreApplication.translate("SessionCommitmentsTab", u"Nuevo compromiso", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("SessionCommitmentsTab", u"Qu\u00e9 se har\u00e1", None))
#if QT_CONFIG(tooltip)
        self.descriptionEdit.setToolTip(QCoreApplication.translate("SessionCommitmentsTab", u"Descripci\u00f3n del compromiso", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.responsibleCombo.setToolTip(QCoreApplication.translate("SessionCommitmentsTab", u"Entidad responsable (elija una de la sesi\u00f3n o escriba otra)", None))
#endif // QT_CONFIG(tooltip)
        self.caseLabel.setText(QCoreApplication.translate("SessionCommitmentsTab", u"Ca&so:", None))
#if QT_CONFIG(tooltip)
        self.caseCombo.setToolTip(QCoreApplication.translate("SessionCommitmentsTab", u"Caso del orden del d\u00eda al que se refiere el compromiso (o ninguno: compromiso general)", None))
#endif // QT_CONFIG(tooltip)
        self.dueCheck.setText(QCoreApplication.translate("SessionCommitmentsTab", u"&Vence el", None))
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("SessionCommitmentsTab", u"dd/MM/yyyy", None))
        self.addButton.setText(QCoreApplication.translate("SessionCommitmentsTab", u"&Agregar", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("SessionCommitmentsTab", u"Registra el compromiso (Enter en la descripci\u00f3n)", None))
#endif // QT_CONFIG(tooltip)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("SessionCommitmentsTab", u"Filtrar compromisos\u2026", None))
        self.doneButton.setText(QCoreApplication.translate("SessionCommitmentsTab", u"&Cumplido", None))
#if QT_CONFIG(tooltip)
        self.doneButton.setToolTip(QCoreApplication.translate("SessionCommitmentsTab", u"Cierra el compromiso seleccionado como cumplido en esta sesi\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("SessionCommitmentsTab", u"Ca&ncelado", None))
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(QCoreApplication.translate("SessionCommitmentsTab", u"Cierra el compromiso seleccionado como cancelado", None))
#endif // QT_CONFIG(tooltip)
        self.reopenButton.setText(QCoreApplication.translate("SessionCommitmentsTab", u"&Reabrir", None))
#if QT_CONFIG(tooltip)
        self.reopenButton.setToolTip(QCoreApplication.translate("SessionCommitmentsTab", u"Vuelve a dejar pendiente el compromiso seleccionado", None))
#endif // QT_CONFIG(tooltip)
        self.summaryLabel.setText("")
        pass
    # retranslateUi

