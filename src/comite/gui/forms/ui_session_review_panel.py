# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_review_panel.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

class Ui_SessionReviewPanel(object):
    def setupUi(self, SessionReviewPanel):
        if not SessionReviewPanel.objectName():
            SessionReviewPanel.setObjectName(u"SessionReviewPanel")
        SessionReviewPanel.resize(760, 600)
        self.panelLayout = QVBoxLayout(SessionReviewPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 4, 0, 0)
        self.summaryLabel = QLabel(SessionReviewPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.summaryLabel)

        self.toolsLayout = QHBoxLayout()
        self.toolsLayout.setObjectName(u"toolsLayout")
        self.importButton = QPushButton(SessionReviewPanel)
        self.importButton.setObjectName(u"importButton")

        self.toolsLayout.addWidget(self.importButton)

        self.observationButton = QPushButton(SessionReviewPanel)
        self.observationButton.setObjectName(u"observationButton")

        self.toolsLayout.addWidget(self.observationButton)

        self.noneButton = QPushButton(SessionReviewPanel)
        self.noneButton.setObjectName(u"noneButton")

        self.toolsLayout.addWidget(self.noneButton)

        self.answerButton = QPushButton(SessionReviewPanel)
        self.answerButton.setObjectName(u"answerButton")

        self.toolsLayout.addWidget(self.answerButton)

        self.toolsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolsLayout.addItem(self.toolsSpacer)


        self.panelLayout.addLayout(self.toolsLayout)

        self.splitter = QSplitter(SessionReviewPanel)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.delegatesBox = QWidget(self.splitter)
        self.delegatesBox.setObjectName(u"delegatesBox")
        self.delegatesLayout = QVBoxLayout(self.delegatesBox)
        self.delegatesLayout.setObjectName(u"delegatesLayout")
        self.delegatesLayout.setContentsMargins(0, 0, 0, 0)
        self.delegatesLabel = QLabel(self.delegatesBox)
        self.delegatesLabel.setObjectName(u"delegatesLabel")

        self.delegatesLayout.addWidget(self.delegatesLabel)

        self.delegatesTable = QTableView(self.delegatesBox)
        self.delegatesTable.setObjectName(u"delegatesTable")

        self.delegatesLayout.addWidget(self.delegatesTable)

        self.splitter.addWidget(self.delegatesBox)
        self.observationsBox = QWidget(self.splitter)
        self.observationsBox.setObjectName(u"observationsBox")
        self.observationsLayout = QVBoxLayout(self.observationsBox)
        self.observationsLayout.setObjectName(u"observationsLayout")
        self.observationsLayout.setContentsMargins(0, 0, 0, 0)
        self.observationsLabel = QLabel(self.observationsBox)
        self.observationsLabel.setObjectName(u"observationsLabel")

        self.observationsLayout.addWidget(self.observationsLabel)

        self.observationsTable = QTableView(self.observationsBox)
        self.observationsTable.setObjectName(u"observationsTable")

        self.observationsLayout.addWidget(self.observationsTable)

        self.splitter.addWidget(self.observationsBox)

        self.panelLayout.addWidget(self.splitter)

        self.resultLabel = QLabel(SessionReviewPanel)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.panelLayout.addWidget(self.resultLabel)

        self.panelLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.delegatesLabel.setBuddy(self.delegatesTable)
        self.observationsLabel.setBuddy(self.observationsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.importButton, self.observationButton)
        QWidget.setTabOrder(self.observationButton, self.noneButton)
        QWidget.setTabOrder(self.noneButton, self.answerButton)
        QWidget.setTabOrder(self.answerButton, self.delegatesTable)
        QWidget.setTabOrder(self.delegatesTable, self.observationsTable)

        self.retranslateUi(SessionReviewPanel)
    # setupUi

    def retranslateUi(self, SessionReviewPanel):
        self.summaryLabel.setText("")
        self.importButton.setText(QCoreApplication.translate("SessionReviewPanel", u"&Importar PDF con comentarios\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("SessionReviewPanel", u"Registra como observaciones del delegado los comentarios del PDF que devolvi\u00f3", None))
#endif // QT_CONFIG(tooltip)
        self.observationButton.setText(QCoreApplication.translate("SessionReviewPanel", u"Registrar observaci\u00f3n reci&bida\u2026", None))
#if QT_CONFIG(tooltip)
        self.observationButton.setToolTip(QCoreApplication.translate("SessionReviewPanel", u"Una observaci\u00f3n que lleg\u00f3 por correo, por tel\u00e9fono o por escrito", None))
#endif // QT_CONFIG(tooltip)
        self.noneButton.setText(QCoreApplication.translate("SessionReviewPanel", u"&Sin observaciones", None))
#if QT_CONFIG(tooltip)
        self.noneButton.setToolTip(QCoreApplication.translate("SessionReviewPanel", u"El delegado seleccionado respondi\u00f3 que no tiene observaciones", None))
#endif // QT_CONFIG(tooltip)
        self.answerButton.setText(QCoreApplication.translate("SessionReviewPanel", u"Dar resp&uesta\u2026", None))
#if QT_CONFIG(tooltip)
        self.answerButton.setToolTip(QCoreApplication.translate("SessionReviewPanel", u"Aceptada (se corrige en el siguiente borrador) o no aceptada, con el motivo", None))
#endif // QT_CONFIG(tooltip)
        self.delegatesLabel.setText(QCoreApplication.translate("SessionReviewPanel", u"Delegados:", None))
#if QT_CONFIG(accessibility)
        self.delegatesTable.setAccessibleName(QCoreApplication.translate("SessionReviewPanel", u"Delegados a quienes se envi\u00f3 el borrador", None))
#endif // QT_CONFIG(accessibility)
        self.observationsLabel.setText(QCoreApplication.translate("SessionReviewPanel", u"Observaciones y respuestas:", None))
#if QT_CONFIG(accessibility)
        self.observationsTable.setAccessibleName(QCoreApplication.translate("SessionReviewPanel", u"Observaciones de los delegados", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.observationsTable.setToolTip(QCoreApplication.translate("SessionReviewPanel", u"Intro o doble clic: responder la observaci\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.resultLabel.setText("")
        pass
    # retranslateUi

