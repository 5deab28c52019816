# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_case_tab.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QRect, Qt)
from PySide6.QtWidgets import (QFrame, QLabel, QScrollArea, QSizePolicy,
    QSpacerItem, QSplitter, QVBoxLayout, QWidget)

class Ui_SessionCaseTab(object):
    def setupUi(self, SessionCaseTab):
        if not SessionCaseTab.objectName():
            SessionCaseTab.setObjectName(u"SessionCaseTab")
        SessionCaseTab.resize(1200, 760)
        self.caseLayout = QVBoxLayout(SessionCaseTab)
        self.caseLayout.setSpacing(6)
        self.caseLayout.setObjectName(u"caseLayout")
        self.navSlot = QVBoxLayout()
        self.navSlot.setObjectName(u"navSlot")

        self.caseLayout.addLayout(self.navSlot)

        self.caseHeaderLabel = QLabel(SessionCaseTab)
        self.caseHeaderLabel.setObjectName(u"caseHeaderLabel")
        self.caseHeaderLabel.setWordWrap(True)
        self.caseHeaderLabel.setTextFormat(Qt.TextFormat.RichText)
        self.caseHeaderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.caseLayout.addWidget(self.caseHeaderLabel)

        self.caseMessage = QLabel(SessionCaseTab)
        self.caseMessage.setObjectName(u"caseMessage")
        self.caseMessage.setWordWrap(True)
        self.caseMessage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.caseLayout.addWidget(self.caseMessage)

        self.splitter = QSplitter(SessionCaseTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.leftScroll = QScrollArea(self.splitter)
        self.leftScroll.setObjectName(u"leftScroll")
        self.leftScroll.setWidgetResizable(True)
        self.leftScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.leftContent = QWidget()
        self.leftContent.setObjectName(u"leftContent")
        self.leftContent.setGeometry(QRect(0, 0, 560, 700))
        self.leftLayout = QVBoxLayout(self.leftContent)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, -1, 6, -1)
        self.leftSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftLayout.addItem(self.leftSpacer)

        self.leftScroll.setWidget(self.leftContent)
        self.splitter.addWidget(self.leftScroll)
        self.rightScroll = QScrollArea(self.splitter)
        self.rightScroll.setObjectName(u"rightScroll")
        self.rightScroll.setWidgetResizable(True)
        self.rightScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rightContent = QWidget()
        self.rightContent.setObjectName(u"rightContent")
        self.rightContent.setGeometry(QRect(0, 0, 600, 700))
        self.rightLayout = QVBoxLayout(self.rightContent)
        self.rightLayout.setObjectName(u"rightLayout")
        self.rightLayout.setContentsMargins(6, -1, 0, -1)
        self.rightSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightLayout.addItem(self.rightSpacer)

        self.rightScroll.setWidget(self.rightContent)
        self.splitter.addWidget(self.rightScroll)

        self.caseLayout.addWidget(self.splitter)

        self.caseLayout.setStretch(3, 1)

        self.retranslateUi(SessionCaseTab)
    # setupUi

    def retranslateUi(self, SessionCaseTab):
        self.caseHeaderLabel.setText("")
        self.caseMessage.setText("")
        pass
    # retranslateUi

