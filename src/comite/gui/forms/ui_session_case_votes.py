# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_case_votes.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QTableView, QVBoxLayout, QWidget)

class Ui_SessionCaseVotes(object):
    def setupUi(self, SessionCaseVotes):
        if not SessionCaseVotes.objectName():
            SessionCaseVotes.setObjectName(u"SessionCaseVotes")
        SessionCaseVotes.resize(600, 300)
        self.votesPanelLayout = QVBoxLayout(SessionCaseVotes)
        self.votesPanelLayout.setObjectName(u"votesPanelLayout")
        self.votesPanelLayout.setContentsMargins(0, 0, 0, 0)
        self.votesGroup = QGroupBox(SessionCaseVotes)
        self.votesGroup.setObjectName(u"votesGroup")
        self.votesLayout = QVBoxLayout(self.votesGroup)
        self.votesLayout.setObjectName(u"votesLayout")
        self.votersTable = QTableView(self.votesGroup)
        self.votersTable.setObjectName(u"votersTable")
        self.votersTable.setMinimumSize(QSize(0, 210))

        self.votesLayout.addWidget(self.votersTable)

        self.votesTools = QHBoxLayout()
        self.votesTools.setObjectName(u"votesTools")
        self.tallyLabel = QLabel(self.votesGroup)
        self.tallyLabel.setObjectName(u"tallyLabel")
        self.tallyLabel.setWordWrap(True)

        self.votesTools.addWidget(self.tallyLabel)

        self.allFavorButton = QPushButton(self.votesGroup)
        self.allFavorButton.setObjectName(u"allFavorButton")

        self.votesTools.addWidget(self.allFavorButton)


        self.votesLayout.addLayout(self.votesTools)


        self.votesPanelLayout.addWidget(self.votesGroup)

        QWidget.setTabOrder(self.votersTable, self.allFavorButton)

        self.retranslateUi(SessionCaseVotes)
    # setupUi

    def retranslateUi(self, SessionCaseVotes):
        self.votesGroup.setTitle(QCoreApplication.translate("SessionCaseVotes", u"Votaci\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.votersTable.setToolTip(QCoreApplication.translate("SessionCaseVotes", u"Teclas 1 = a favor, 2 = en contra, 3 = abstenci\u00f3n, Supr = retirar el voto; F2 edita el salvamento o aclaraci\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.tallyLabel.setText("")
        self.allFavorButton.setText(QCoreApplication.translate("SessionCaseVotes", u"Faltantes a &favor", None))
#if QT_CONFIG(tooltip)
        self.allFavorButton.setToolTip(QCoreApplication.translate("SessionCaseVotes", u"Registra \u00aba favor\u00bb a cada miembro con voto presente que a\u00fan no ha votado", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

