# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_attendance_tab.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QTableView, QVBoxLayout, QWidget)

class Ui_SessionAttendanceTab(object):
    def setupUi(self, SessionAttendanceTab):
        if not SessionAttendanceTab.objectName():
            SessionAttendanceTab.setObjectName(u"SessionAttendanceTab")
        SessionAttendanceTab.resize(1100, 700)
        self.attendanceLayout = QVBoxLayout(SessionAttendanceTab)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.attendanceTools = QHBoxLayout()
        self.attendanceTools.setObjectName(u"attendanceTools")
        self.filterEdit = QLineEdit(SessionAttendanceTab)
        self.filterEdit.setObjectName(u"filterEdit")

        self.attendanceTools.addWidget(self.filterEdit)

        self.convenedOnlyCheck = QCheckBox(SessionAttendanceTab)
        self.convenedOnlyCheck.setObjectName(u"convenedOnlyCheck")
        self.convenedOnlyCheck.setChecked(True)

        self.attendanceTools.addWidget(self.convenedOnlyCheck)

        self.presentButton = QPushButton(SessionAttendanceTab)
        self.presentButton.setObjectName(u"presentButton")

        self.attendanceTools.addWidget(self.presentButton)

        self.casesButton = QPushButton(SessionAttendanceTab)
        self.casesButton.setObjectName(u"casesButton")

        self.attendanceTools.addWidget(self.casesButton)


        self.attendanceLayout.addLayout(self.attendanceTools)

        self.attendanceTable = QTableView(SessionAttendanceTab)
        self.attendanceTable.setObjectName(u"attendanceTable")

        self.attendanceLayout.addWidget(self.attendanceTable)

        self.hintLabel = QLabel(SessionAttendanceTab)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.attendanceLayout.addWidget(self.hintLabel)

        QWidget.setTabOrder(self.filterEdit, self.convenedOnlyCheck)
        QWidget.setTabOrder(self.convenedOnlyCheck, self.attendanceTable)
        QWidget.setTabOrder(self.attendanceTable, self.presentButton)
        QWidget.setTabOrder(self.presentButton, self.casesButton)

        self.retranslateUi(SessionAttendanceTab)
    # setupUi

    def retranslateUi(self, SessionAttendanceTab):
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("SessionAttendanceTab", u"Filtrar asistentes (entidad, persona, estado\u2026)", None))
        self.convenedOnlyCheck.setText(QCoreApplication.translate("SessionAttendanceTab", u"Solo &convocados a esta sesi\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.convenedOnlyCheck.setToolTip(QCoreApplication.translate("SessionAttendanceTab", u"Oculta los puestos condicionales que no se sientan en ning\u00fan caso del orden del d\u00eda", None))
#endif // QT_CONFIG(tooltip)
        self.presentButton.setText(QCoreApplication.translate("SessionAttendanceTab", u"Marcar &presente", None))
#if QT_CONFIG(tooltip)
        self.presentButton.setToolTip(QCoreApplication.translate("SessionAttendanceTab", u"Marca presente el puesto seleccionado (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.casesButton.setText(QCoreApplication.translate("SessionAttendanceTab", u"C&asos del puesto\u2026", None))
#if QT_CONFIG(tooltip)
        self.casesButton.setToolTip(QCoreApplication.translate("SessionAttendanceTab", u"Casos a los que asiste un puesto por competencia o pertinencia", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.attendanceTable.setToolTip(QCoreApplication.translate("SessionAttendanceTab", u"F2 o doble clic para editar persona, cargo, calidad, estado, llegada y salida; cada cambio se guarda al instante", None))
#endif // QT_CONFIG(tooltip)
        self.hintLabel.setText(QCoreApplication.translate("SessionAttendanceTab", u"Los cambios se guardan al instante. Llegada y salida en formato hh:mm (24 horas); d\u00e9jelas vac\u00edas si el asistente estuvo toda la sesi\u00f3n.", None))
        pass
    # retranslateUi

