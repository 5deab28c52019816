# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'womens_choice_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel,
    QVBoxLayout, QWidget)

class Ui_WomensChoiceDialog(object):
    def setupUi(self, WomensChoiceDialog):
        if not WomensChoiceDialog.objectName():
            WomensChoiceDialog.setObjectName(u"WomensChoiceDialog")
        WomensChoiceDialog.resize(560, 260)
        WomensChoiceDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(WomensChoiceDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(WomensChoiceDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.choiceForm = QFormLayout()
        self.choiceForm.setObjectName(u"choiceForm")
        self.committeeLabel = QLabel(WomensChoiceDialog)
        self.committeeLabel.setObjectName(u"committeeLabel")

        self.choiceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.committeeLabel)

        self.committeeCombo = QComboBox(WomensChoiceDialog)
        self.committeeCombo.setObjectName(u"committeeCombo")

        self.choiceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.committeeCombo)

        self.analystLabel = QLabel(WomensChoiceDialog)
        self.analystLabel.setObjectName(u"analystLabel")

        self.choiceForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.analystLabel)

        self.analystCombo = QComboBox(WomensChoiceDialog)
        self.analystCombo.setObjectName(u"analystCombo")

        self.choiceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.analystCombo)


        self.dialogLayout.addLayout(self.choiceForm)

        self.errorLabel = QLabel(WomensChoiceDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(WomensChoiceDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.committeeLabel.setBuddy(self.committeeCombo)
        self.analystLabel.setBuddy(self.analystCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.committeeCombo, self.analystCombo)

        self.retranslateUi(WomensChoiceDialog)
    # setupUi

    def retranslateUi(self, WomensChoiceDialog):
        WomensChoiceDialog.setWindowTitle(QCoreApplication.translate("WomensChoiceDialog", u"Elecci\u00f3n de la solicitante", None))
        self.introLabel.setText(QCoreApplication.translate("WomensChoiceDialog", u"La mujer elige, de manera libre e informada, si su caso lo estudia el CERREM para el an\u00e1lisis de casos de mujeres y el g\u00e9nero de quien realiza su estudio de nivel de riesgo (Resoluci\u00f3n 805 de 2012, art. 3). El acta y la resoluci\u00f3n lo dicen.", None))
        self.committeeLabel.setText(QCoreApplication.translate("WomensChoiceDialog", u"&Comit\u00e9 que estudia su caso:", None))
        self.analystLabel.setText(QCoreApplication.translate("WomensChoiceDialog", u"&G\u00e9nero de su analista:", None))
        self.errorLabel.setText("")
    # retranslateUi

