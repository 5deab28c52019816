# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard_page.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(1000, 640)
        self.mainLayout = QVBoxLayout(DashboardPage)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(14, 12, 14, 10)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(DashboardPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.headerLayout.addWidget(self.titleLabel)

        self.dateLabel = QLabel(DashboardPage)
        self.dateLabel.setObjectName(u"dateLabel")
        self.dateLabel.setProperty(u"role", u"hint")

        self.headerLayout.addWidget(self.dateLabel)

        self.headerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.refreshButton = QPushButton(DashboardPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(10)
        self.gvpBox = QGroupBox(DashboardPage)
        self.gvpBox.setObjectName(u"gvpBox")
        self.gvpLayout = QVBoxLayout(self.gvpBox)
        self.gvpLayout.setSpacing(4)
        self.gvpLayout.setObjectName(u"gvpLayout")
        self.gvpHint = QLabel(self.gvpBox)
        self.gvpHint.setObjectName(u"gvpHint")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.gvpHint.sizePolicy().hasHeightForWidth())
        self.gvpHint.setSizePolicy(sizePolicy)
        self.gvpHint.setWordWrap(True)
        self.gvpHint.setProperty(u"role", u"hint")

        self.gvpLayout.addWidget(self.gvpHint)

        self.gvpTable = QTableView(self.gvpBox)
        self.gvpTable.setObjectName(u"gvpTable")
        self.gvpTable.setTabKeyNavigation(False)

        self.gvpLayout.addWidget(self.gvpTable)

        self.gvpEmpty = QLabel(self.gvpBox)
        self.gvpEmpty.setObjectName(u"gvpEmpty")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.gvpEmpty.sizePolicy().hasHeightForWidth())
        self.gvpEmpty.setSizePolicy(sizePolicy1)
        self.gvpEmpty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.gvpEmpty.setProperty(u"role", u"empty")

        self.gvpLayout.addWidget(self.gvpEmpty)


        self.grid.addWidget(self.gvpBox, 0, 0, 1, 1)

        self.measuresBox = QGroupBox(DashboardPage)
        self.measuresBox.setObjectName(u"measuresBox")
        self.measuresLayout = QVBoxLayout(self.measuresBox)
        self.measuresLayout.setSpacing(4)
        self.measuresLayout.setObjectName(u"measuresLayout")
        self.measuresHint = QLabel(self.measuresBox)
        self.measuresHint.setObjectName(u"measuresHint")
        sizePolicy.setHeightForWidth(self.measuresHint.sizePolicy().hasHeightForWidth())
        self.measuresHint.setSizePolicy(sizePolicy)
        self.measuresHint.setWordWrap(True)
        self.measuresHint.setProperty(u"role", u"hint")

        self.measuresLayout.addWidget(self.measuresHint)

        self.measuresTable = QTableView(self.measuresBox)
        self.measuresTable.setObjectName(u"measuresTable")
        self.measuresTable.setTabKeyNavigation(False)

        self.measuresLayout.addWidget(self.measuresTable)

        self.measuresEmpty = QLabel(self.measuresBox)
        self.measuresEmpty.setObjectName(u"measuresEmpty")
        sizePolicy1.setHeightForWidth(self.measuresEmpty.sizePolicy().hasHeightForWidth())
        self.measuresEmpty.setSizePolicy(sizePolicy1)
        self.measuresEmpty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.measuresEmpty.setProperty(u"role", u"empty")

        self.measuresLayout.addWidget(self.measuresEmpty)


        self.grid.addWidget(self.measuresBox, 1, 0, 1, 2)

        self.commitmentsBox = QGroupBox(DashboardPage)
        self.commitmentsBox.setObjectName(u"commitmentsBox")
        self.commitmentsLayout = QVBoxLayout(self.commitmentsBox)
        self.commitmentsLayout.setSpacing(4)
        self.commitmentsLayout.setObjectName(u"commitmentsLayout")
        self.commitmentsHint = QLabel(self.commitmentsBox)
        self.commitmentsHint.setObjectName(u"commitmentsHint")
        sizePolicy.setHeightForWidth(self.commitmentsHint.sizePolicy().hasHeightForWidth())
        self.commitmentsHint.setSizePolicy(sizePolicy)
        self.commitmentsHint.setWordWrap(True)
        self.commitmentsHint.setProperty(u"role", u"hint")

        self.commitmentsLayout.addWidget(self.commitmentsHint)

        self.commitmentsTable = QTableView(self.commitmentsBox)
        self.commitmentsTable.setObjectName(u"commitmentsTable")
        self.commitmentsTable.setTabKeyNavigation(False)

        self.commitmentsLayout.addWidget(self.commitmentsTable)

        self.commitmentsEmpty = QLabel(self.commitmentsBox)
        self.commitmentsEmpty.setObjectName(u"commitmentsEmpty")
        sizePolicy1.setHeightForWidth(self.commitmentsEmpty.sizePolicy().hasHeightForWidth())
        self.commitmentsEmpty.setSizePolicy(sizePolicy1)
        self.commitmentsEmpty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.commitmentsEmpty.setProperty(u"role", u"empty")

        self.commitmentsLayout.addWidget(self.commitmentsEmpty)


        self.grid.addWidget(self.commitmentsBox, 2, 0, 1, 2)

        self.actasBox = QGroupBox(DashboardPage)
        self.actasBox.setObjectName(u"actasBox")
        self.actasLayout = QVBoxLayout(self.actasBox)
        self.actasLayout.setSpacing(4)
        self.actasLayout.setObjectName(u"actasLayout")
        self.actasHint = QLabel(self.actasBox)
        self.actasHint.setObjectName(u"actasHint")
        sizePolicy.setHeightForWidth(self.actasHint.sizePolicy().hasHeightForWidth())
        self.actasHint.setSizePolicy(sizePolicy)
        self.actasHint.setWordWrap(True)
        self.actasHint.setProperty(u"role", u"hint")

        self.actasLayout.addWidget(self.actasHint)

        self.actasTable = QTableView(self.actasBox)
        self.actasTable.setObjectName(u"actasTable")
        self.actasTable.setTabKeyNavigation(False)

        self.actasLayout.addWidget(self.actasTable)

        self.actasEmpty = QLabel(self.actasBox)
        self.actasEmpty.setObjectName(u"actasEmpty")
        sizePolicy1.setHeightForWidth(self.actasEmpty.sizePolicy().hasHeightForWidth())
        self.actasEmpty.setSizePolicy(sizePolicy1)
        self.actasEmpty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.actasEmpty.setProperty(u"role", u"empty")

        self.actasLayout.addWidget(self.actasEmpty)


        self.grid.addWidget(self.actasBox, 0, 1, 1, 1)


        self.mainLayout.addLayout(self.grid)

        QWidget.setTabOrder(self.gvpTable, self.measuresTable)
        QWidget.setTabOrder(self.measuresTable, self.commitmentsTable)
        QWidget.setTabOrder(self.commitmentsTable, self.actasTable)
        QWidget.setTabOrder(self.actasTable, self.refreshButton)

        self.retranslateUi(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
        self.titleLabel.setText(QCoreApplication.translate("DashboardPage", u"Trabajo pendiente", None))
        self.dateLabel.setText("")
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("DashboardPage", u"Volver a calcular las listas (F5)", None))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText(QCoreApplication.translate("DashboardPage", u"Ac&tualizar", None))
        self.gvpBox.setTitle(QCoreApplication.translate("DashboardPage", u"Casos en espera del GVP", None))
        self.gvpHint.setText(QCoreApplication.translate("DashboardPage", u"Estudio recibido hace m\u00e1s de 5 d\u00edas h\u00e1biles y sin valoraci\u00f3n del GVP.", None))
        self.gvpEmpty.setText(QCoreApplication.translate("DashboardPage", u"Nada pendiente.", None))
        self.measuresBox.setTitle(QCoreApplication.translate("DashboardPage", u"Medidas por revaluar", None))
        self.measuresHint.setText(QCoreApplication.translate("DashboardPage", u"Temporalidad que termina en los pr\u00f3ximos 30 d\u00edas.", None))
        self.measuresEmpty.setText(QCoreApplication.translate("DashboardPage", u"Nada pendiente.", None))
        self.commitmentsBox.setTitle(QCoreApplication.translate("DashboardPage", u"Compromisos vencidos", None))
        self.commitmentsHint.setText(QCoreApplication.translate("DashboardPage", u"Compromisos pendientes con la fecha l\u00edmite ya cumplida.", None))
        self.commitmentsEmpty.setText(QCoreApplication.translate("DashboardPage", u"Nada pendiente.", None))
        self.actasBox.setTitle(QCoreApplication.translate("DashboardPage", u"Actas en revisi\u00f3n", None))
        self.actasHint.setText(QCoreApplication.translate("DashboardPage", u"Sesiones cuya acta espera las observaciones de los revisores.", None))
        self.actasEmpty.setText(QCoreApplication.translate("DashboardPage", u"Nada pendiente.", None))
        pass
    # retranslateUi

