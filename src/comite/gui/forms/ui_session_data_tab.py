# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_data_tab.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QTableView, QVBoxLayout, QWidget)

class Ui_SessionDataTab(object):
    def setupUi(self, SessionDataTab):
        if not SessionDataTab.objectName():
            SessionDataTab.setObjectName(u"SessionDataTab")
        SessionDataTab.resize(1100, 700)
        self.dataLayout = QHBoxLayout(SessionDataTab)
        self.dataLayout.setSpacing(12)
        self.dataLayout.setObjectName(u"dataLayout")
        self.dataGroup = QGroupBox(SessionDataTab)
        self.dataGroup.setObjectName(u"dataGroup")
        self.dataGroup.setMaximumSize(QSize(520, 16777215))
        self.dataGroupLayout = QVBoxLayout(self.dataGroup)
        self.dataGroupLayout.setObjectName(u"dataGroupLayout")
        self.dataForm = QFormLayout()
        self.dataForm.setObjectName(u"dataForm")
        self.dataForm.setHorizontalSpacing(10)
        self.dataForm.setVerticalSpacing(6)
        self.dayLabel = QLabel(self.dataGroup)
        self.dayLabel.setObjectName(u"dayLabel")

        self.dataForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.dayEdit = QDateEdit(self.dataGroup)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setCalendarPopup(True)

        self.dataForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dayEdit)

        self.typeLabel = QLabel(self.dataGroup)
        self.typeLabel.setObjectName(u"typeLabel")

        self.dataForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(self.dataGroup)
        self.typeCombo.setObjectName(u"typeCombo")

        self.dataForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.startLabel = QLabel(self.dataGroup)
        self.startLabel.setObjectName(u"startLabel")

        self.dataForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = QLineEdit(self.dataGroup)
        self.startEdit.setObjectName(u"startEdit")

        self.dataForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(self.dataGroup)
        self.endLabel.setObjectName(u"endLabel")

        self.dataForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endEdit = QLineEdit(self.dataGroup)
        self.endEdit.setObjectName(u"endEdit")

        self.dataForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.endEdit)

        self.placeLabel = QLabel(self.dataGroup)
        self.placeLabel.setObjectName(u"placeLabel")

        self.dataForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(self.dataGroup)
        self.placeEdit.setObjectName(u"placeEdit")

        self.dataForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.linkLabel = QLabel(self.dataGroup)
        self.linkLabel.setObjectName(u"linkLabel")

        self.dataForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.linkLabel)

        self.linkEdit = QLineEdit(self.dataGroup)
        self.linkEdit.setObjectName(u"linkEdit")

        self.dataForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.linkEdit)

        self.presidingLabel = QLabel(self.dataGroup)
        self.presidingLabel.setObjectName(u"presidingLabel")

        self.dataForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.presidingLabel)

        self.presidingCombo = QComboBox(self.dataGroup)
        self.presidingCombo.setObjectName(u"presidingCombo")

        self.dataForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.presidingCombo)

        self.secretaryLabel = QLabel(self.dataGroup)
        self.secretaryLabel.setObjectName(u"secretaryLabel")

        self.dataForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.secretaryLabel)

        self.secretaryEdit = QLineEdit(self.dataGroup)
        self.secretaryEdit.setObjectName(u"secretaryEdit")

        self.dataForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.secretaryEdit)

        self.secretaryPositionLabel = QLabel(self.dataGroup)
        self.secretaryPositionLabel.setObjectName(u"secretaryPositionLabel")

        self.dataForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.secretaryPositionLabel)

        self.secretaryPositionEdit = QLineEdit(self.dataGroup)
        self.secretaryPositionEdit.setObjectName(u"secretaryPositionEdit")

        self.dataForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.secretaryPositionEdit)


        self.dataGroupLayout.addLayout(self.dataForm)

        self.developmentLabel = QLabel(self.dataGroup)
        self.developmentLabel.setObjectName(u"developmentLabel")

        self.dataGroupLayout.addWidget(self.developmentLabel)

        self.developmentEdit = QPlainTextEdit(self.dataGroup)
        self.developmentEdit.setObjectName(u"developmentEdit")
        self.developmentEdit.setTabChangesFocus(True)

        self.dataGroupLayout.addWidget(self.developmentEdit)


        self.dataLayout.addWidget(self.dataGroup)

        self.convenedGroup = QGroupBox(SessionDataTab)
        self.convenedGroup.setObjectName(u"convenedGroup")
        self.convenedLayout = QVBoxLayout(self.convenedGroup)
        self.convenedLayout.setObjectName(u"convenedLayout")
        self.convenedTools = QHBoxLayout()
        self.convenedTools.setObjectName(u"convenedTools")
        self.convenedFilter = QLineEdit(self.convenedGroup)
        self.convenedFilter.setObjectName(u"convenedFilter")

        self.convenedTools.addWidget(self.convenedFilter)

        self.inviteeButton = QPushButton(self.convenedGroup)
        self.inviteeButton.setObjectName(u"inviteeButton")

        self.convenedTools.addWidget(self.inviteeButton)

        self.exportButton = QPushButton(self.convenedGroup)
        self.exportButton.setObjectName(u"exportButton")

        self.convenedTools.addWidget(self.exportButton)


        self.convenedLayout.addLayout(self.convenedTools)

        self.convenedTable = QTableView(self.convenedGroup)
        self.convenedTable.setObjectName(u"convenedTable")

        self.convenedLayout.addWidget(self.convenedTable)

        self.convenedSummary = QLabel(self.convenedGroup)
        self.convenedSummary.setObjectName(u"convenedSummary")
        self.convenedSummary.setWordWrap(True)

        self.convenedLayout.addWidget(self.convenedSummary)


        self.dataLayout.addWidget(self.convenedGroup)

#if QT_CONFIG(shortcut)
        self.dayLabel.setBuddy(self.dayEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.linkLabel.setBuddy(self.linkEdit)
        self.presidingLabel.setBuddy(self.presidingCombo)
        self.secretaryLabel.setBuddy(self.secretaryEdit)
        self.secretaryPositionLabel.setBuddy(self.secretaryPositionEdit)
        self.developmentLabel.setBuddy(self.developmentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dayEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.linkEdit)
        QWidget.setTabOrder(self.linkEdit, self.presidingCombo)
        QWidget.setTabOrder(self.presidingCombo, self.secretaryEdit)
        QWidget.setTabOrder(self.secretaryEdit, self.secretaryPositionEdit)
        QWidget.setTabOrder(self.secretaryPositionEdit, self.developmentEdit)
        QWidget.setTabOrder(self.developmentEdit, self.convenedFilter)
        QWidget.setTabOrder(self.convenedFilter, self.inviteeButton)
        QWidget.setTabOrder(self.inviteeButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.convenedTable)

        self.retranslateUi(SessionDataTab)
    # setupUi

    def retranslateUi(self, SessionDataTab):
        self.dataGroup.setTitle(QCoreApplication.translate("SessionDataTab", u"Datos de la sesi\u00f3n", None))
        self.dayLabel.setText(QCoreApplication.translate("SessionDataTab", u"&Fecha:", None))
        self.dayEdit.setDisplayFormat(QCoreApplication.translate("SessionDataTab", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.dayEdit.setToolTip(QCoreApplication.translate("SessionDataTab", u"Fecha de la sesi\u00f3n (dd/mm/aaaa); se guarda al cambiarla", None))
#endif // QT_CONFIG(tooltip)
        self.typeLabel.setText(QCoreApplication.translate("SessionDataTab", u"&Tipo:", None))
        self.startLabel.setText(QCoreApplication.translate("SessionDataTab", u"Hora de &inicio:", None))
        self.startEdit.setPlaceholderText(QCoreApplication.translate("SessionDataTab", u"hh:mm", None))
#if QT_CONFIG(tooltip)
        self.startEdit.setToolTip(QCoreApplication.translate("SessionDataTab", u"Hora de inicio, 24 horas (p. ej. 09:00)", None))
#endif // QT_CONFIG(tooltip)
        self.endLabel.setText(QCoreApplication.translate("SessionDataTab", u"Hora de &cierre:", None))
        self.endEdit.setPlaceholderText(QCoreApplication.translate("SessionDataTab", u"hh:mm (necesaria para levantar la sesi\u00f3n)", None))
#if QT_CONFIG(tooltip)
        self.endEdit.setToolTip(QCoreApplication.translate("SessionDataTab", u"Hora de cierre, 24 horas; necesaria para \u00abLevantar la sesi\u00f3n\u00bb", None))
#endif // QT_CONFIG(tooltip)
        self.placeLabel.setText(QCoreApplication.translate("SessionDataTab", u"&Lugar:", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("SessionDataTab", u"Sede, sala\u2026", None))
        self.linkLabel.setText(QCoreApplication.translate("SessionDataTab", u"&Enlace virtual:", None))
        self.linkEdit.setPlaceholderText(QCoreApplication.translate("SessionDataTab", u"https://\u2026", None))
        self.presidingLabel.setText(QCoreApplication.translate("SessionDataTab", u"&Preside:", None))
#if QT_CONFIG(tooltip)
        self.presidingCombo.setToolTip(QCoreApplication.translate("SessionDataTab", u"Qui\u00e9n preside la sesi\u00f3n (firma el acta)", None))
#endif // QT_CONFIG(tooltip)
        self.secretaryLabel.setText(QCoreApplication.translate("SessionDataTab", u"&Secretar\u00eda t\u00e9cnica:", None))
        self.secretaryEdit.setPlaceholderText(QCoreApplication.translate("SessionDataTab", u"Nombre de quien ejerce la secretar\u00eda t\u00e9cnica", None))
        self.secretaryPositionLabel.setText(QCoreApplication.translate("SessionDataTab", u"Car&go:", None))
        self.developmentLabel.setText(QCoreApplication.translate("SessionDataTab", u"&Desarrollo de la sesi\u00f3n (se guarda solo):", None))
        self.developmentEdit.setPlaceholderText(QCoreApplication.translate("SessionDataTab", u"Desarrollo general de la sesi\u00f3n, tal como quedar\u00e1 en el acta.", None))
        self.convenedGroup.setTitle(QCoreApplication.translate("SessionDataTab", u"Convocados", None))
        self.convenedFilter.setPlaceholderText(QCoreApplication.translate("SessionDataTab", u"Filtrar convocados\u2026", None))
        self.inviteeButton.setText(QCoreApplication.translate("SessionDataTab", u"Agregar &invitado\u2026", None))
#if QT_CONFIG(tooltip)
        self.inviteeButton.setToolTip(QCoreApplication.translate("SessionDataTab", u"Invitado ocasional: entidad p\u00fablica con competencia o ente privado pertinente (Ctrl+Shift+I)", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("SessionDataTab", u"E&xportar convocatoria\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("SessionDataTab", u"Carta de convocatoria en PDF e invitaci\u00f3n de calendario (.ics)", None))
#endif // QT_CONFIG(tooltip)
        self.convenedSummary.setText("")
        pass
    # retranslateUi

