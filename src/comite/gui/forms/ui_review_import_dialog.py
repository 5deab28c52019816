# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_import_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QVBoxLayout, QWidget)

class Ui_ReviewImportDialog(object):
    def setupUi(self, ReviewImportDialog):
        if not ReviewImportDialog.objectName():
            ReviewImportDialog.setObjectName(u"ReviewImportDialog")
        ReviewImportDialog.resize(560, 180)
        ReviewImportDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(ReviewImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.fileLabel = QLabel(ReviewImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileNameLabel = QLabel(ReviewImportDialog)
        self.fileNameLabel.setObjectName(u"fileNameLabel")
        self.fileNameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fileNameLabel)

        self.delegateLabel = QLabel(ReviewImportDialog)
        self.delegateLabel.setObjectName(u"delegateLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.delegateLabel)

        self.delegateCombo = QComboBox(ReviewImportDialog)
        self.delegateCombo.setObjectName(u"delegateCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.delegateCombo)

        self.entityLabel = QLabel(ReviewImportDialog)
        self.entityLabel.setObjectName(u"entityLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.entityLabel)

        self.entityEdit = QLineEdit(ReviewImportDialog)
        self.entityEdit.setObjectName(u"entityEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.entityEdit)

        self.nameLabel = QLabel(ReviewImportDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ReviewImportDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.receivedLabel = QLabel(ReviewImportDialog)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.receivedLabel)

        self.receivedDate = QDateEdit(ReviewImportDialog)
        self.receivedDate.setObjectName(u"receivedDate")
        self.receivedDate.setDisplayFormat(u"dd/MM/yyyy")
        self.receivedDate.setCalendarPopup(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.receivedDate)


        self.dialogLayout.addLayout(self.form)

        self.errorLabel = QLabel(ReviewImportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(ReviewImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.delegateLabel.setBuddy(self.delegateCombo)
        self.entityLabel.setBuddy(self.entityEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.receivedLabel.setBuddy(self.receivedDate)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.delegateCombo, self.entityEdit)
        QWidget.setTabOrder(self.entityEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.receivedDate)

        self.retranslateUi(ReviewImportDialog)
    # setupUi

    def retranslateUi(self, ReviewImportDialog):
        ReviewImportDialog.setWindowTitle(QCoreApplication.translate("ReviewImportDialog", u"Importar los comentarios de un PDF", None))
        self.fileLabel.setText(QCoreApplication.translate("ReviewImportDialog", u"Archivo:", None))
        self.fileNameLabel.setText("")
        self.delegateLabel.setText(QCoreApplication.translate("ReviewImportDialog", u"&Delegado:", None))
#if QT_CONFIG(tooltip)
        self.delegateCombo.setToolTip(QCoreApplication.translate("ReviewImportDialog", u"Uno de los delegados a quienes se envi\u00f3 el borrador, u otra persona", None))
#endif // QT_CONFIG(tooltip)
        self.entityLabel.setText(QCoreApplication.translate("ReviewImportDialog", u"&Entidad:", None))
        self.nameLabel.setText(QCoreApplication.translate("ReviewImportDialog", u"&Nombre:", None))
        self.receivedLabel.setText(QCoreApplication.translate("ReviewImportDialog", u"&Recibida el:", None))
        self.errorLabel.setText("")
    # retranslateUi

