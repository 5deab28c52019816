# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_observation_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ReviewObservationDialog(object):
    def setupUi(self, ReviewObservationDialog):
        if not ReviewObservationDialog.objectName():
            ReviewObservationDialog.setObjectName(u"ReviewObservationDialog")
        ReviewObservationDialog.resize(560, 420)
        ReviewObservationDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(ReviewObservationDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.delegateLabel = QLabel(ReviewObservationDialog)
        self.delegateLabel.setObjectName(u"delegateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.delegateLabel)

        self.delegateCombo = QComboBox(ReviewObservationDialog)
        self.delegateCombo.setObjectName(u"delegateCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.delegateCombo)

        self.entityLabel = QLabel(ReviewObservationDialog)
        self.entityLabel.setObjectName(u"entityLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.entityLabel)

        self.entityEdit = QLineEdit(ReviewObservationDialog)
        self.entityEdit.setObjectName(u"entityEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.entityEdit)

        self.nameLabel = QLabel(ReviewObservationDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ReviewObservationDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.receivedLabel = QLabel(ReviewObservationDialog)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.receivedLabel)

        self.receivedDate = QDateEdit(ReviewObservationDialog)
        self.receivedDate.setObjectName(u"receivedDate")
        self.receivedDate.setDisplayFormat(u"dd/MM/yyyy")
        self.receivedDate.setCalendarPopup(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.receivedDate)

        self.channelLabel = QLabel(ReviewObservationDialog)
        self.channelLabel.setObjectName(u"channelLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(ReviewObservationDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.sectionLabel = QLabel(ReviewObservationDialog)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.sectionLabel)

        self.whereRow = QHBoxLayout()
        self.whereRow.setObjectName(u"whereRow")
        self.sectionEdit = QLineEdit(ReviewObservationDialog)
        self.sectionEdit.setObjectName(u"sectionEdit")

        self.whereRow.addWidget(self.sectionEdit)

        self.paragraphLabel = QLabel(ReviewObservationDialog)
        self.paragraphLabel.setObjectName(u"paragraphLabel")

        self.whereRow.addWidget(self.paragraphLabel)

        self.paragraphSpin = QSpinBox(ReviewObservationDialog)
        self.paragraphSpin.setObjectName(u"paragraphSpin")
        self.paragraphSpin.setMinimum(0)
        self.paragraphSpin.setMaximum(999)

        self.whereRow.addWidget(self.paragraphSpin)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.whereRow)

        self.textLabel = QLabel(ReviewObservationDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.textEdit = QPlainTextEdit(ReviewObservationDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.textEdit)


        self.dialogLayout.addLayout(self.form)

        self.errorLabel = QLabel(ReviewObservationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(ReviewObservationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.delegateLabel.setBuddy(self.delegateCombo)
        self.entityLabel.setBuddy(self.entityEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.receivedLabel.setBuddy(self.receivedDate)
        self.channelLabel.setBuddy(self.channelCombo)
        self.sectionLabel.setBuddy(self.sectionEdit)
        self.paragraphLabel.setBuddy(self.paragraphSpin)
        self.textLabel.setBuddy(self.textEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.delegateCombo, self.entityEdit)
        QWidget.setTabOrder(self.entityEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.receivedDate)
        QWidget.setTabOrder(self.receivedDate, self.channelCombo)
        QWidget.setTabOrder(self.channelCombo, self.sectionEdit)
        QWidget.setTabOrder(self.sectionEdit, self.paragraphSpin)
        QWidget.setTabOrder(self.paragraphSpin, self.textEdit)

        self.retranslateUi(ReviewObservationDialog)
    # setupUi

    def retranslateUi(self, ReviewObservationDialog):
        ReviewObservationDialog.setWindowTitle(QCoreApplication.translate("ReviewObservationDialog", u"Registrar una observaci\u00f3n recibida", None))
        self.delegateLabel.setText(QCoreApplication.translate("ReviewObservationDialog", u"&Delegado:", None))
#if QT_CONFIG(tooltip)
        self.delegateCombo.setToolTip(QCoreApplication.translate("ReviewObservationDialog", u"Uno de los delegados a quienes se envi\u00f3 el borrador, u otra persona", None))
#endif // QT_CONFIG(tooltip)
        self.entityLabel.setText(QCoreApplication.translate("ReviewObservationDialog", u"&Entidad:", None))
        self.nameLabel.setText(QCoreApplication.translate("ReviewObservationDialog", u"&Nombre:", None))
        self.receivedLabel.setText(QCoreApplication.translate("ReviewObservationDialog", u"&Recibida el:", None))
        self.channelLabel.setText(QCoreApplication.translate("ReviewObservationDialog", u"&Medio:", None))
        self.sectionLabel.setText(QCoreApplication.translate("ReviewObservationDialog", u"&Secci\u00f3n:", None))
        self.sectionEdit.setPlaceholderText(QCoreApplication.translate("ReviewObservationDialog", u"p. ej. 5.30", None))
#if QT_CONFIG(tooltip)
        self.sectionEdit.setToolTip(QCoreApplication.translate("ReviewObservationDialog", u"La secci\u00f3n numerada del borrador a la que se refiere (en blanco: a todo el acta)", None))
#endif // QT_CONFIG(tooltip)
        self.paragraphLabel.setText(QCoreApplication.translate("ReviewObservationDialog", u"p\u00e1rrafo", None))
        self.paragraphSpin.setSpecialValueText(QCoreApplication.translate("ReviewObservationDialog", u"\u2014", None))
        self.textLabel.setText(QCoreApplication.translate("ReviewObservationDialog", u"&Observaci\u00f3n:", None))
        self.textEdit.setPlaceholderText(QCoreApplication.translate("ReviewObservationDialog", u"Lo que el delegado pide corregir o aclarar", None))
        self.errorLabel.setText("")
    # retranslateUi

