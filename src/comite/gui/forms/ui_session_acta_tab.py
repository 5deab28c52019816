# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_acta_tab.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_SessionActaTab(object):
    def setupUi(self, SessionActaTab):
        if not SessionActaTab.objectName():
            SessionActaTab.setObjectName(u"SessionActaTab")
        SessionActaTab.resize(1100, 700)
        self.actaLayout = QHBoxLayout(SessionActaTab)
        self.actaLayout.setObjectName(u"actaLayout")
        self.previewLayout = QVBoxLayout()
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewTools = QHBoxLayout()
        self.previewTools.setObjectName(u"previewTools")
        self.refreshButton = QPushButton(SessionActaTab)
        self.refreshButton.setObjectName(u"refreshButton")

        self.previewTools.addWidget(self.refreshButton)

        self.previewStatus = QLabel(SessionActaTab)
        self.previewStatus.setObjectName(u"previewStatus")

        self.previewTools.addWidget(self.previewStatus)

        self.previewSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.previewTools.addItem(self.previewSpacer)


        self.previewLayout.addLayout(self.previewTools)

        self.viewTabs = QTabWidget(SessionActaTab)
        self.viewTabs.setObjectName(u"viewTabs")
        self.previewPage = QWidget()
        self.previewPage.setObjectName(u"previewPage")
        self.pdfSlot = QVBoxLayout(self.previewPage)
        self.pdfSlot.setObjectName(u"pdfSlot")
        self.pdfSlot.setContentsMargins(0, 0, 0, 0)
        self.viewTabs.addTab(self.previewPage, "")
        self.reviewPage = QWidget()
        self.reviewPage.setObjectName(u"reviewPage")
        self.reviewSlot = QVBoxLayout(self.reviewPage)
        self.reviewSlot.setObjectName(u"reviewSlot")
        self.reviewSlot.setContentsMargins(4, 0, 4, 4)
        self.viewTabs.addTab(self.reviewPage, "")

        self.previewLayout.addWidget(self.viewTabs)


        self.actaLayout.addLayout(self.previewLayout)

        self.sidePanel = QWidget(SessionActaTab)
        self.sidePanel.setObjectName(u"sidePanel")
        self.sidePanel.setMaximumSize(QSize(380, 16777215))
        self.sidePanel.setMinimumSize(QSize(320, 0))
        self.sideLayout = QVBoxLayout(self.sidePanel)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.actionsGroup = QGroupBox(self.sidePanel)
        self.actionsGroup.setObjectName(u"actionsGroup")
        self.actionsLayout = QVBoxLayout(self.actionsGroup)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.draftButton = QPushButton(self.actionsGroup)
        self.draftButton.setObjectName(u"draftButton")

        self.actionsLayout.addWidget(self.draftButton)

        self.approveButton = QPushButton(self.actionsGroup)
        self.approveButton.setObjectName(u"approveButton")

        self.actionsLayout.addWidget(self.approveButton)

        self.exportButton = QPushButton(self.actionsGroup)
        self.exportButton.setObjectName(u"exportButton")

        self.actionsLayout.addWidget(self.exportButton)

        self.resolutionsButton = QPushButton(self.actionsGroup)
        self.resolutionsButton.setObjectName(u"resolutionsButton")

        self.actionsLayout.addWidget(self.resolutionsButton)

        self.notifyButton = QPushButton(self.actionsGroup)
        self.notifyButton.setObjectName(u"notifyButton")

        self.actionsLayout.addWidget(self.notifyButton)


        self.sideLayout.addWidget(self.actionsGroup)

        self.errataGroup = QGroupBox(self.sidePanel)
        self.errataGroup.setObjectName(u"errataGroup")
        self.errataLayout = QVBoxLayout(self.errataGroup)
        self.errataLayout.setObjectName(u"errataLayout")
        self.errataEdit = QPlainTextEdit(self.errataGroup)
        self.errataEdit.setObjectName(u"errataEdit")
        self.errataEdit.setMaximumSize(QSize(16777215, 90))
        self.errataEdit.setTabChangesFocus(True)

        self.errataLayout.addWidget(self.errataEdit)

        self.errataButton = QPushButton(self.errataGroup)
        self.errataButton.setObjectName(u"errataButton")

        self.errataLayout.addWidget(self.errataButton)


        self.sideLayout.addWidget(self.errataGroup)

        self.versionsLabel = QLabel(self.sidePanel)
        self.versionsLabel.setObjectName(u"versionsLabel")

        self.sideLayout.addWidget(self.versionsLabel)

        self.versionsTable = QTableView(self.sidePanel)
        self.versionsTable.setObjectName(u"versionsTable")

        self.sideLayout.addWidget(self.versionsTable)

        self.reviewLabel = QLabel(self.sidePanel)
        self.reviewLabel.setObjectName(u"reviewLabel")

        self.sideLayout.addWidget(self.reviewLabel)

        self.reviewTable = QTableView(self.sidePanel)
        self.reviewTable.setObjectName(u"reviewTable")

        self.sideLayout.addWidget(self.reviewTable)

        self.reviewTools = QHBoxLayout()
        self.reviewTools.setObjectName(u"reviewTools")
        self.reviewEdit = QLineEdit(self.sidePanel)
        self.reviewEdit.setObjectName(u"reviewEdit")

        self.reviewTools.addWidget(self.reviewEdit)

        self.addReviewButton = QPushButton(self.sidePanel)
        self.addReviewButton.setObjectName(u"addReviewButton")

        self.reviewTools.addWidget(self.addReviewButton)


        self.sideLayout.addLayout(self.reviewTools)

        self.resultLabel = QLabel(self.sidePanel)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sideLayout.addWidget(self.resultLabel)


        self.actaLayout.addWidget(self.sidePanel)

#if QT_CONFIG(shortcut)
        self.versionsLabel.setBuddy(self.versionsTable)
        self.reviewLabel.setBuddy(self.reviewTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.refreshButton, self.viewTabs)
        QWidget.setTabOrder(self.viewTabs, self.draftButton)
        QWidget.setTabOrder(self.draftButton, self.approveButton)
        QWidget.setTabOrder(self.approveButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.resolutionsButton)
        QWidget.setTabOrder(self.resolutionsButton, self.notifyButton)
        QWidget.setTabOrder(self.notifyButton, self.errataEdit)
        QWidget.setTabOrder(self.errataEdit, self.errataButton)
        QWidget.setTabOrder(self.errataButton, self.versionsTable)
        QWidget.setTabOrder(self.versionsTable, self.reviewTable)
        QWidget.setTabOrder(self.reviewTable, self.reviewEdit)
        QWidget.setTabOrder(self.reviewEdit, self.addReviewButton)

        self.retranslateUi(SessionActaTab)

        self.viewTabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, SessionActaTab):
        self.refreshButton.setText(QCoreApplication.translate("SessionActaTab", u"Actuali&zar vista previa", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("SessionActaTab", u"Vuelve a generar la vista previa del acta (F5)", None))
#endif // QT_CONFIG(tooltip)
        self.previewStatus.setText("")
        self.viewTabs.setTabText(self.viewTabs.indexOf(self.previewPage), QCoreApplication.translate("SessionActaTab", u"Vis&ta previa", None))
        self.viewTabs.setTabText(self.viewTabs.indexOf(self.reviewPage), QCoreApplication.translate("SessionActaTab", u"Revisi\u00f3n de los &delegados", None))
        self.actionsGroup.setTitle(QCoreApplication.translate("SessionActaTab", u"Documentos", None))
        self.draftButton.setText(QCoreApplication.translate("SessionActaTab", u"Enviar a &revisi\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.draftButton.setToolTip(QCoreApplication.translate("SessionActaTab", u"Registra un borrador numerado para la revisi\u00f3n de los delegados", None))
#endif // QT_CONFIG(tooltip)
        self.approveButton.setText(QCoreApplication.translate("SessionActaTab", u"A&probar acta", None))
#if QT_CONFIG(tooltip)
        self.approveButton.setToolTip(QCoreApplication.translate("SessionActaTab", u"Emite el acta final (sin BORRADOR), guarda su SHA-256 y bloquea la sesi\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("SessionActaTab", u"E&xportar PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("SessionActaTab", u"Guarda el acta en PDF (la final si est\u00e1 aprobada; si no, el borrador)", None))
#endif // QT_CONFIG(tooltip)
        self.resolutionsButton.setText(QCoreApplication.translate("SessionActaTab", u"Generar &resoluciones\u2026", None))
#if QT_CONFIG(tooltip)
        self.resolutionsButton.setToolTip(QCoreApplication.translate("SessionActaTab", u"Una resoluci\u00f3n en Word por caso adoptado, en la carpeta que elija", None))
#endif // QT_CONFIG(tooltip)
        self.notifyButton.setText(QCoreApplication.translate("SessionActaTab", u"&Notificaci\u00f3n al CERREM\u2026", None))
#if QT_CONFIG(tooltip)
        self.notifyButton.setToolTip(QCoreApplication.translate("SessionActaTab", u"Solo GVP: nivel y concepto de cada caso, por CERREM que lo recibe (PDF y Word)", None))
#endif // QT_CONFIG(tooltip)
        self.errataGroup.setTitle(QCoreApplication.translate("SessionActaTab", u"Fe de erratas", None))
        self.errataEdit.setPlaceholderText(QCoreApplication.translate("SessionActaTab", u"Describa la correcci\u00f3n al acta aprobada", None))
        self.errataButton.setText(QCoreApplication.translate("SessionActaTab", u"Emitir &fe de erratas", None))
        self.versionsLabel.setText(QCoreApplication.translate("SessionActaTab", u"&Versiones del acta:", None))
        self.reviewLabel.setText(QCoreApplication.translate("SessionActaTab", u"Observaciones de los &revisores:", None))
        self.reviewEdit.setPlaceholderText(QCoreApplication.translate("SessionActaTab", u"Observaci\u00f3n sobre el \u00faltimo borrador", None))
#if QT_CONFIG(tooltip)
        self.reviewEdit.setToolTip(QCoreApplication.translate("SessionActaTab", u"Lo que un delegado pide corregir o aclarar en el borrador enviado a revisi\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.addReviewButton.setText(QCoreApplication.translate("SessionActaTab", u"Agregar &observaci\u00f3n", None))
        self.resultLabel.setText("")
        pass
    # retranslateUi

