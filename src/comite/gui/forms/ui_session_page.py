# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_page.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton,
    QTabWidget, QVBoxLayout)

class Ui_SessionPage(object):
    def setupUi(self, SessionPage):
        if not SessionPage.objectName():
            SessionPage.setObjectName(u"SessionPage")
        SessionPage.resize(1200, 800)
        self.pageLayout = QVBoxLayout(SessionPage)
        self.pageLayout.setSpacing(6)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(10, 8, 10, 8)
        self.headerFrame = QFrame(SessionPage)
        self.headerFrame.setObjectName(u"headerFrame")
        self.headerFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.headerLayout = QHBoxLayout(self.headerFrame)
        self.headerLayout.setSpacing(10)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setContentsMargins(10, 6, 10, 6)
        self.titleLayout = QVBoxLayout()
        self.titleLayout.setSpacing(2)
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLabel = QLabel(self.headerFrame)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.titleLayout.addWidget(self.titleLabel)

        self.subtitleLabel = QLabel(self.headerFrame)
        self.subtitleLabel.setObjectName(u"subtitleLabel")

        self.titleLayout.addWidget(self.subtitleLabel)


        self.headerLayout.addLayout(self.titleLayout)

        self.statusLabel = QLabel(self.headerFrame)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.headerLayout.addWidget(self.statusLabel)

        self.quorumSlot = QHBoxLayout()
        self.quorumSlot.setObjectName(u"quorumSlot")

        self.headerLayout.addLayout(self.quorumSlot)

        self.startButton = QPushButton(self.headerFrame)
        self.startButton.setObjectName(u"startButton")

        self.headerLayout.addWidget(self.startButton)

        self.closeButton = QPushButton(self.headerFrame)
        self.closeButton.setObjectName(u"closeButton")

        self.headerLayout.addWidget(self.closeButton)

        self.reviewButton = QPushButton(self.headerFrame)
        self.reviewButton.setObjectName(u"reviewButton")

        self.headerLayout.addWidget(self.reviewButton)

        self.approveButton = QPushButton(self.headerFrame)
        self.approveButton.setObjectName(u"approveButton")

        self.headerLayout.addWidget(self.approveButton)

        self.headerLayout.setStretch(0, 1)

        self.pageLayout.addWidget(self.headerFrame)

        self.messageLabel = QLabel(SessionPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.messageLabel)

        self.tabs = QTabWidget(SessionPage)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)

        self.pageLayout.addWidget(self.tabs)

        self.pageLayout.setStretch(2, 1)

        self.retranslateUi(SessionPage)
    # setupUi

    def retranslateUi(self, SessionPage):
        SessionPage.setWindowTitle(QCoreApplication.translate("SessionPage", u"Sesi\u00f3n", None))
        self.titleLabel.setText(QCoreApplication.translate("SessionPage", u"Sesi\u00f3n", None))
        self.subtitleLabel.setText("")
#if QT_CONFIG(tooltip)
        self.statusLabel.setToolTip(QCoreApplication.translate("SessionPage", u"Estado de la sesi\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText("")
        self.startButton.setText(QCoreApplication.translate("SessionPage", u"&Instalar la sesi\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.startButton.setToolTip(QCoreApplication.translate("SessionPage", u"Instala la sesi\u00f3n (queda \u00abEn curso\u00bb): desde entonces se registran votos y decisiones", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("SessionPage", u"&Levantar la sesi\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.closeButton.setToolTip(QCoreApplication.translate("SessionPage", u"Levanta la sesi\u00f3n (queda \u00abCerrada\u00bb); requiere la hora de cierre (pesta\u00f1a Datos y convocatoria)", None))
#endif // QT_CONFIG(tooltip)
        self.reviewButton.setText(QCoreApplication.translate("SessionPage", u"En&viar acta a revisi\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.reviewButton.setToolTip(QCoreApplication.translate("SessionPage", u"Genera un borrador numerado del acta para la revisi\u00f3n de los delegados", None))
#endif // QT_CONFIG(tooltip)
        self.approveButton.setText(QCoreApplication.translate("SessionPage", u"A&probar acta", None))
#if QT_CONFIG(tooltip)
        self.approveButton.setToolTip(QCoreApplication.translate("SessionPage", u"Emite el acta final y bloquea los datos de la sesi\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.messageLabel.setText("")
    # retranslateUi

