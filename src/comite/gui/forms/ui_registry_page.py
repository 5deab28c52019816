# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'registry_page.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_RegistryPage(object):
    def setupUi(self, RegistryPage):
        if not RegistryPage.objectName():
            RegistryPage.setObjectName(u"RegistryPage")
        RegistryPage.resize(1000, 680)
        self.mainLayout = QVBoxLayout(RegistryPage)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(14, 12, 14, 10)
        self.searchLayout = QHBoxLayout()
        self.searchLayout.setSpacing(8)
        self.searchLayout.setObjectName(u"searchLayout")
        self.titleLabel = QLabel(RegistryPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.searchLayout.addWidget(self.titleLabel)

        self.searchSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.searchLayout.addItem(self.searchSpacer)

        self.searchLabel = QLabel(RegistryPage)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(RegistryPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(300, 0))

        self.searchLayout.addWidget(self.searchEdit)

        self.searchButton = QPushButton(RegistryPage)
        self.searchButton.setObjectName(u"searchButton")

        self.searchLayout.addWidget(self.searchButton)


        self.mainLayout.addLayout(self.searchLayout)

        self.resultLabel = QLabel(RegistryPage)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.resultLabel)

        self.splitter = QSplitter(RegistryPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.resultsTable = QTableView(self.splitter)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setTabKeyNavigation(False)
        self.splitter.addWidget(self.resultsTable)
        self.historyBox = QGroupBox(self.splitter)
        self.historyBox.setObjectName(u"historyBox")
        self.historyLayout = QVBoxLayout(self.historyBox)
        self.historyLayout.setObjectName(u"historyLayout")
        self.caseLabel = QLabel(self.historyBox)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setWordWrap(True)
        self.caseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.historyLayout.addWidget(self.caseLabel)

        self.historyTable = QTableView(self.historyBox)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setTabKeyNavigation(False)

        self.historyLayout.addWidget(self.historyTable)

        self.splitter.addWidget(self.historyBox)
        self.measuresBox = QGroupBox(self.splitter)
        self.measuresBox.setObjectName(u"measuresBox")
        self.measuresLayout = QVBoxLayout(self.measuresBox)
        self.measuresLayout.setObjectName(u"measuresLayout")
        self.measuresTable = QTableView(self.measuresBox)
        self.measuresTable.setObjectName(u"measuresTable")
        self.measuresTable.setTabKeyNavigation(False)

        self.measuresLayout.addWidget(self.measuresTable)

        self.splitter.addWidget(self.measuresBox)

        self.mainLayout.addWidget(self.splitter)

        self.reservedBox = QGroupBox(RegistryPage)
        self.reservedBox.setObjectName(u"reservedBox")
        self.reservedLayout = QHBoxLayout(self.reservedBox)
        self.reservedLayout.setSpacing(12)
        self.reservedLayout.setObjectName(u"reservedLayout")
        self.reservedForm = QFormLayout()
        self.reservedForm.setObjectName(u"reservedForm")
        self.nameCaption = QLabel(self.reservedBox)
        self.nameCaption.setObjectName(u"nameCaption")

        self.reservedForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameCaption)

        self.nameLabel = QLabel(self.reservedBox)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setText(u"\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022")
        self.nameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.reservedForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameLabel)

        self.documentCaption = QLabel(self.reservedBox)
        self.documentCaption.setObjectName(u"documentCaption")

        self.reservedForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.documentCaption)

        self.documentLabel = QLabel(self.reservedBox)
        self.documentLabel.setObjectName(u"documentLabel")
        self.documentLabel.setText(u"\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022")
        self.documentLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.reservedForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.documentLabel)


        self.reservedLayout.addLayout(self.reservedForm)

        self.reservedHint = QLabel(self.reservedBox)
        self.reservedHint.setObjectName(u"reservedHint")
        self.reservedHint.setWordWrap(True)
        self.reservedHint.setProperty(u"role", u"hint")

        self.reservedLayout.addWidget(self.reservedHint)

        self.reservedSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reservedLayout.addItem(self.reservedSpacer)

        self.womenChoiceButton = QPushButton(self.reservedBox)
        self.womenChoiceButton.setObjectName(u"womenChoiceButton")

        self.reservedLayout.addWidget(self.womenChoiceButton)

        self.revealButton = QPushButton(self.reservedBox)
        self.revealButton.setObjectName(u"revealButton")

        self.reservedLayout.addWidget(self.revealButton)

        self.hideButton = QPushButton(self.reservedBox)
        self.hideButton.setObjectName(u"hideButton")

        self.reservedLayout.addWidget(self.hideButton)


        self.mainLayout.addWidget(self.reservedBox)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.searchButton)
        QWidget.setTabOrder(self.searchButton, self.resultsTable)
        QWidget.setTabOrder(self.resultsTable, self.historyTable)
        QWidget.setTabOrder(self.historyTable, self.measuresTable)
        QWidget.setTabOrder(self.measuresTable, self.womenChoiceButton)
        QWidget.setTabOrder(self.womenChoiceButton, self.revealButton)
        QWidget.setTabOrder(self.revealButton, self.hideButton)

        self.retranslateUi(RegistryPage)
    # setupUi

    def retranslateUi(self, RegistryPage):
        self.titleLabel.setText(QCoreApplication.translate("RegistryPage", u"Registro de casos", None))
        self.searchLabel.setText(QCoreApplication.translate("RegistryPage", u"&Buscar", None))
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("RegistryPage", u"Radicado exacto o n\u00famero de documento (con o sin puntos); Intro busca", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("RegistryPage", u"Radicado o n\u00famero de documento", None))
        self.searchButton.setText(QCoreApplication.translate("RegistryPage", u"Bu&scar", None))
        self.resultLabel.setText(QCoreApplication.translate("RegistryPage", u"Escriba un radicado o un n\u00famero de documento y pulse Intro.", None))
#if QT_CONFIG(accessibility)
        self.resultsTable.setAccessibleName(QCoreApplication.translate("RegistryPage", u"Casos encontrados", None))
#endif // QT_CONFIG(accessibility)
        self.historyBox.setTitle(QCoreApplication.translate("RegistryPage", u"Historial del caso", None))
        self.caseLabel.setText("")
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("RegistryPage", u"Sesiones del caso", None))
#endif // QT_CONFIG(accessibility)
        self.measuresBox.setTitle(QCoreApplication.translate("RegistryPage", u"Medidas decididas en la sesi\u00f3n seleccionada", None))
#if QT_CONFIG(accessibility)
        self.measuresTable.setAccessibleName(QCoreApplication.translate("RegistryPage", u"Medidas", None))
#endif // QT_CONFIG(accessibility)
        self.reservedBox.setTitle(QCoreApplication.translate("RegistryPage", u"Datos reservados", None))
        self.nameCaption.setText(QCoreApplication.translate("RegistryPage", u"Beneficiario", None))
        self.documentCaption.setText(QCoreApplication.translate("RegistryPage", u"Documento", None))
        self.reservedHint.setText(QCoreApplication.translate("RegistryPage", u"Ver estos datos queda registrado en la auditor\u00eda con su usuario.", None))
#if QT_CONFIG(tooltip)
        self.womenChoiceButton.setToolTip(QCoreApplication.translate("RegistryPage", u"Registrar si la solicitante eligi\u00f3 el CERREM de mujeres y el g\u00e9nero de su analista (Resoluci\u00f3n 805 de 2012)", None))
#endif // QT_CONFIG(tooltip)
        self.womenChoiceButton.setText(QCoreApplication.translate("RegistryPage", u"Elecci\u00f3n de la &mujer\u2026", None))
#if QT_CONFIG(tooltip)
        self.revealButton.setToolTip(QCoreApplication.translate("RegistryPage", u"Mostrar el nombre y el documento del caso seleccionado (queda en la auditor\u00eda)", None))
#endif // QT_CONFIG(tooltip)
        self.revealButton.setText(QCoreApplication.translate("RegistryPage", u"&Ver datos reservados", None))
        self.hideButton.setText(QCoreApplication.translate("RegistryPage", u"&Ocultar", None))
        pass
    # retranslateUi

