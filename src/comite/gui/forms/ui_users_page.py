# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users_page.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_UsersPage(object):
    def setupUi(self, UsersPage):
        if not UsersPage.objectName():
            UsersPage.setObjectName(u"UsersPage")
        UsersPage.resize(900, 560)
        self.mainLayout = QVBoxLayout(UsersPage)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(14, 12, 14, 10)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(8)
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(UsersPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.filterLabel = QLabel(UsersPage)
        self.filterLabel.setObjectName(u"filterLabel")

        self.headerLayout.addWidget(self.filterLabel)

        self.filterEdit = QLineEdit(UsersPage)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setMinimumSize(QSize(220, 0))

        self.headerLayout.addWidget(self.filterEdit)

        self.newUserButton = QPushButton(UsersPage)
        self.newUserButton.setObjectName(u"newUserButton")

        self.headerLayout.addWidget(self.newUserButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.usersTable = QTableView(UsersPage)
        self.usersTable.setObjectName(u"usersTable")
        self.usersTable.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.usersTable)

        self.countLabel = QLabel(UsersPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.countLabel)

#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.filterEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.filterEdit, self.newUserButton)
        QWidget.setTabOrder(self.newUserButton, self.usersTable)

        self.retranslateUi(UsersPage)
    # setupUi

    def retranslateUi(self, UsersPage):
        self.titleLabel.setText(QCoreApplication.translate("UsersPage", u"Usuarios", None))
        self.filterLabel.setText(QCoreApplication.translate("UsersPage", u"&Filtrar", None))
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("UsersPage", u"Usuario, nombre, rol, comit\u00e9\u2026", None))
        self.newUserButton.setText(QCoreApplication.translate("UsersPage", u"&Nueva cuenta\u2026", None))
#if QT_CONFIG(accessibility)
        self.usersTable.setAccessibleName(QCoreApplication.translate("UsersPage", u"Usuarios", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText("")
        pass
    # retranslateUi

