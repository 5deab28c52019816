# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_session_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTimeEdit, QVBoxLayout, QWidget)

class Ui_NewSessionDialog(object):
    def setupUi(self, NewSessionDialog):
        if not NewSessionDialog.objectName():
            NewSessionDialog.setObjectName(u"NewSessionDialog")
        NewSessionDialog.resize(500, 340)
        self.mainLayout = QVBoxLayout(NewSessionDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(18, 16, 18, 14)
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(10)
        self.formLayout.setVerticalSpacing(8)
        self.committeeLabel = QLabel(NewSessionDialog)
        self.committeeLabel.setObjectName(u"committeeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.committeeLabel)

        self.committeeCombo = QComboBox(NewSessionDialog)
        self.committeeCombo.setObjectName(u"committeeCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.committeeCombo)

        self.typeLabel = QLabel(NewSessionDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(NewSessionDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.dateLabel = QLabel(NewSessionDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateLayout = QHBoxLayout()
        self.dateLayout.setObjectName(u"dateLayout")
        self.dateEdit = QDateEdit(NewSessionDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"dd/MM/yyyy")
        self.dateEdit.setCalendarPopup(True)

        self.dateLayout.addWidget(self.dateEdit)

        self.longDateLabel = QLabel(NewSessionDialog)
        self.longDateLabel.setObjectName(u"longDateLabel")
        self.longDateLabel.setProperty(u"role", u"hint")

        self.dateLayout.addWidget(self.longDateLabel)

        self.dateSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateLayout.addItem(self.dateSpacer)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.dateLayout)

        self.timeLabel = QLabel(NewSessionDialog)
        self.timeLabel.setObjectName(u"timeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.timeLabel)

        self.timeLayout = QHBoxLayout()
        self.timeLayout.setObjectName(u"timeLayout")
        self.timeEdit = QTimeEdit(NewSessionDialog)
        self.timeEdit.setObjectName(u"timeEdit")
        self.timeEdit.setDisplayFormat(u"HH:mm")

        self.timeLayout.addWidget(self.timeEdit)

        self.timeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeLayout.addItem(self.timeSpacer)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.timeLayout)

        self.placeLabel = QLabel(NewSessionDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(NewSessionDialog)
        self.placeEdit.setObjectName(u"placeEdit")
        self.placeEdit.setMaxLength(250)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.linkLabel = QLabel(NewSessionDialog)
        self.linkLabel.setObjectName(u"linkLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.linkLabel)

        self.linkEdit = QLineEdit(NewSessionDialog)
        self.linkEdit.setObjectName(u"linkEdit")
        self.linkEdit.setMaxLength(500)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.linkEdit)

        self.modalityLabel = QLabel(NewSessionDialog)
        self.modalityLabel.setObjectName(u"modalityLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.modalityLabel)

        self.modalityCombo = QComboBox(NewSessionDialog)
        self.modalityCombo.setObjectName(u"modalityCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.modalityCombo)

        self.numberHint = QLabel(NewSessionDialog)
        self.numberHint.setObjectName(u"numberHint")
        self.numberHint.setWordWrap(True)
        self.numberHint.setProperty(u"role", u"hint")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.numberHint)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(NewSessionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"role", u"error")

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.cancelButton = QPushButton(NewSessionDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.cancelButton)

        self.createButton = QPushButton(NewSessionDialog)
        self.createButton.setObjectName(u"createButton")

        self.buttonsLayout.addWidget(self.createButton)


        self.mainLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.committeeLabel.setBuddy(self.committeeCombo)
        self.typeLabel.setBuddy(self.typeCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.timeLabel.setBuddy(self.timeEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.linkLabel.setBuddy(self.linkEdit)
        self.modalityLabel.setBuddy(self.modalityCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.committeeCombo, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.timeEdit)
        QWidget.setTabOrder(self.timeEdit, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.linkEdit)
        QWidget.setTabOrder(self.linkEdit, self.modalityCombo)
        QWidget.setTabOrder(self.modalityCombo, self.createButton)
        QWidget.setTabOrder(self.createButton, self.cancelButton)

        self.retranslateUi(NewSessionDialog)

        self.createButton.setDefault(True)

    # setupUi

    def retranslateUi(self, NewSessionDialog):
        NewSessionDialog.setWindowTitle(QCoreApplication.translate("NewSessionDialog", u"Nueva sesi\u00f3n", None))
        self.committeeLabel.setText(QCoreApplication.translate("NewSessionDialog", u"&Comit\u00e9", None))
        self.typeLabel.setText(QCoreApplication.translate("NewSessionDialog", u"&Tipo", None))
        self.dateLabel.setText(QCoreApplication.translate("NewSessionDialog", u"&Fecha", None))
#if QT_CONFIG(tooltip)
        self.dateEdit.setToolTip(QCoreApplication.translate("NewSessionDialog", u"D\u00eda de la sesi\u00f3n (dd/mm/aaaa); Alt+\u2193 abre el calendario", None))
#endif // QT_CONFIG(tooltip)
        self.longDateLabel.setText("")
        self.timeLabel.setText(QCoreApplication.translate("NewSessionDialog", u"&Hora de inicio", None))
        self.placeLabel.setText(QCoreApplication.translate("NewSessionDialog", u"&Lugar", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("NewSessionDialog", u"Sede y sala, si es presencial", None))
        self.linkLabel.setText(QCoreApplication.translate("NewSessionDialog", u"&Enlace virtual", None))
        self.linkEdit.setPlaceholderText(QCoreApplication.translate("NewSessionDialog", u"https://\u2026, si es virtual o mixta", None))
        self.modalityLabel.setText(QCoreApplication.translate("NewSessionDialog", u"&Modalidad", None))
#if QT_CONFIG(tooltip)
        self.modalityCombo.setToolTip(QCoreApplication.translate("NewSessionDialog", u"Presencial, virtual o mixta; el acta la registra. Las sesiones del CERREM pueden ser virtuales (Decreto 1066 de 2015, art. 2.4.1.2.36, par\u00e1grafo, modificado por el Decreto 1139 de 2021)", None))
#endif // QT_CONFIG(tooltip)
        self.numberHint.setText(QCoreApplication.translate("NewSessionDialog", u"El n\u00famero de la sesi\u00f3n se asigna autom\u00e1ticamente (consecutivo del comit\u00e9 en el a\u00f1o).", None))
        self.errorLabel.setText("")
        self.cancelButton.setText(QCoreApplication.translate("NewSessionDialog", u"Cancelar", None))
        self.createButton.setText(QCoreApplication.translate("NewSessionDialog", u"C&rear sesi\u00f3n", None))
    # retranslateUi

