# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_agenda_tab.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_SessionAgendaTab(object):
    def setupUi(self, SessionAgendaTab):
        if not SessionAgendaTab.objectName():
            SessionAgendaTab.setObjectName(u"SessionAgendaTab")
        SessionAgendaTab.resize(1100, 700)
        self.agendaLayout = QVBoxLayout(SessionAgendaTab)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.addLayout = QHBoxLayout()
        self.addLayout.setObjectName(u"addLayout")
        self.searchLabel = QLabel(SessionAgendaTab)
        self.searchLabel.setObjectName(u"searchLabel")

        self.addLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(SessionAgendaTab)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(260, 0))

        self.addLayout.addWidget(self.searchEdit)

        self.searchButton = QPushButton(SessionAgendaTab)
        self.searchButton.setObjectName(u"searchButton")

        self.addLayout.addWidget(self.searchButton)


        self.agendaLayout.addLayout(self.addLayout)

        self.sourcesLayout = QHBoxLayout()
        self.sourcesLayout.setObjectName(u"sourcesLayout")
        self.handoffButton = QPushButton(SessionAgendaTab)
        self.handoffButton.setObjectName(u"handoffButton")

        self.sourcesLayout.addWidget(self.handoffButton)

        self.emergencyButton = QPushButton(SessionAgendaTab)
        self.emergencyButton.setObjectName(u"emergencyButton")

        self.sourcesLayout.addWidget(self.emergencyButton)

        self.commitmentButton = QPushButton(SessionAgendaTab)
        self.commitmentButton.setObjectName(u"commitmentButton")

        self.sourcesLayout.addWidget(self.commitmentButton)

        self.importButton = QPushButton(SessionAgendaTab)
        self.importButton.setObjectName(u"importButton")

        self.sourcesLayout.addWidget(self.importButton)

        self.itemButton = QPushButton(SessionAgendaTab)
        self.itemButton.setObjectName(u"itemButton")

        self.sourcesLayout.addWidget(self.itemButton)

        self.sourcesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sourcesLayout.addItem(self.sourcesSpacer)


        self.agendaLayout.addLayout(self.sourcesLayout)

        self.toolsLayout = QHBoxLayout()
        self.toolsLayout.setObjectName(u"toolsLayout")
        self.filterEdit = QLineEdit(SessionAgendaTab)
        self.filterEdit.setObjectName(u"filterEdit")

        self.toolsLayout.addWidget(self.filterEdit)

        self.upButton = QPushButton(SessionAgendaTab)
        self.upButton.setObjectName(u"upButton")

        self.toolsLayout.addWidget(self.upButton)

        self.downButton = QPushButton(SessionAgendaTab)
        self.downButton.setObjectName(u"downButton")

        self.toolsLayout.addWidget(self.downButton)

        self.openButton = QPushButton(SessionAgendaTab)
        self.openButton.setObjectName(u"openButton")

        self.toolsLayout.addWidget(self.openButton)

        self.removeButton = QPushButton(SessionAgendaTab)
        self.removeButton.setObjectName(u"removeButton")

        self.toolsLayout.addWidget(self.removeButton)


        self.agendaLayout.addLayout(self.toolsLayout)

        self.agendaTable = QTableView(SessionAgendaTab)
        self.agendaTable.setObjectName(u"agendaTable")

        self.agendaLayout.addWidget(self.agendaTable)

        self.countLabel = QLabel(SessionAgendaTab)
        self.countLabel.setObjectName(u"countLabel")

        self.agendaLayout.addWidget(self.countLabel)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.searchButton)
        QWidget.setTabOrder(self.searchButton, self.handoffButton)
        QWidget.setTabOrder(self.handoffButton, self.emergencyButton)
        QWidget.setTabOrder(self.emergencyButton, self.commitmentButton)
        QWidget.setTabOrder(self.commitmentButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.itemButton)
        QWidget.setTabOrder(self.itemButton, self.filterEdit)
        QWidget.setTabOrder(self.filterEdit, self.agendaTable)
        QWidget.setTabOrder(self.agendaTable, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)
        QWidget.setTabOrder(self.downButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.removeButton)

        self.retranslateUi(SessionAgendaTab)
    # setupUi

    def retranslateUi(self, SessionAgendaTab):
        self.searchLabel.setText(QCoreApplication.translate("SessionAgendaTab", u"Agregar caso por &radicado o documento:", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("SessionAgendaTab", u"Radicado o n\u00famero de documento y Enter", None))
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Busca en el registro de casos (Ctrl+F) y lo agrega al orden del d\u00eda", None))
#endif // QT_CONFIG(tooltip)
        self.searchButton.setText(QCoreApplication.translate("SessionAgendaTab", u"Agre&gar", None))
        self.handoffButton.setText(QCoreApplication.translate("SessionAgendaTab", u"Resultados del &GVP\u2026", None))
#if QT_CONFIG(tooltip)
        self.handoffButton.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Casos valorados por el GVP y dirigidos a este comit\u00e9", None))
#endif // QT_CONFIG(tooltip)
        self.emergencyButton.setText(QCoreApplication.translate("SessionAgendaTab", u"Medidas de &emergencia\u2026", None))
#if QT_CONFIG(tooltip)
        self.emergencyButton.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Medidas de emergencia pendientes de informar a este comit\u00e9", None))
#endif // QT_CONFIG(tooltip)
        self.commitmentButton.setText(QCoreApplication.translate("SessionAgendaTab", u"Compromisos pe&ndientes\u2026", None))
#if QT_CONFIG(tooltip)
        self.commitmentButton.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Casos con compromisos de este comit\u00e9 a\u00fan pendientes, de sesiones anteriores", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("SessionAgendaTab", u"I&mportar CSV/XLSX\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Importa casos de una hoja de c\u00e1lculo y ofrece agregarlos al orden del d\u00eda", None))
#endif // QT_CONFIG(tooltip)
        self.itemButton.setText(QCoreApplication.translate("SessionAgendaTab", u"&Otro punto\u2026", None))
#if QT_CONFIG(tooltip)
        self.itemButton.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Agrega un punto que no es un caso (antes de \u00abProposiciones y varios\u00bb)", None))
#endif // QT_CONFIG(tooltip)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("SessionAgendaTab", u"Filtrar el orden del d\u00eda (radicado, poblaci\u00f3n, ruta\u2026)", None))
        self.upButton.setText(QCoreApplication.translate("SessionAgendaTab", u"S&ubir", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Sube el punto seleccionado (Ctrl+Arriba)", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("SessionAgendaTab", u"&Bajar", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Baja el punto seleccionado (Ctrl+Abajo)", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("SessionAgendaTab", u"Tra&tar caso", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Abre el caso seleccionado en \u00abCasos en sesi\u00f3n\u00bb (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("SessionAgendaTab", u"&Retirar", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Retira el punto seleccionado del orden del d\u00eda (Supr)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.agendaTable.setToolTip(QCoreApplication.translate("SessionAgendaTab", u"Arrastre para reordenar, o Ctrl+Arriba / Ctrl+Abajo", None))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText("")
        pass
    # retranslateUi

