# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preferences_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_PreferencesDialog(object):
    def setupUi(self, PreferencesDialog):
        if not PreferencesDialog.objectName():
            PreferencesDialog.setObjectName(u"PreferencesDialog")
        PreferencesDialog.resize(520, 420)
        self.mainLayout = QVBoxLayout(PreferencesDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lockBox = QGroupBox(PreferencesDialog)
        self.lockBox.setObjectName(u"lockBox")
        self.lockForm = QFormLayout(self.lockBox)
        self.lockForm.setObjectName(u"lockForm")
        self.idleLabel = QLabel(self.lockBox)
        self.idleLabel.setObjectName(u"idleLabel")

        self.lockForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.idleLabel)

        self.idleSpin = QSpinBox(self.lockBox)
        self.idleSpin.setObjectName(u"idleSpin")
        self.idleSpin.setMaximum(1440)

        self.lockForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.idleSpin)

        self.idleNote = QLabel(self.lockBox)
        self.idleNote.setObjectName(u"idleNote")
        self.idleNote.setWordWrap(True)

        self.lockForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.idleNote)


        self.mainLayout.addWidget(self.lockBox)

        self.keyBox = QGroupBox(PreferencesDialog)
        self.keyBox.setObjectName(u"keyBox")
        self.keyLayout = QVBoxLayout(self.keyBox)
        self.keyLayout.setObjectName(u"keyLayout")
        self.keyStateLabel = QLabel(self.keyBox)
        self.keyStateLabel.setObjectName(u"keyStateLabel")
        self.keyStateLabel.setWordWrap(True)

        self.keyLayout.addWidget(self.keyStateLabel)

        self.forgetKeyButton = QPushButton(self.keyBox)
        self.forgetKeyButton.setObjectName(u"forgetKeyButton")

        self.keyLayout.addWidget(self.forgetKeyButton)


        self.mainLayout.addWidget(self.keyBox)

        self.databaseBox = QGroupBox(PreferencesDialog)
        self.databaseBox.setObjectName(u"databaseBox")
        self.databaseLayout = QVBoxLayout(self.databaseBox)
        self.databaseLayout.setObjectName(u"databaseLayout")
        self.databaseInUseLabel = QLabel(self.databaseBox)
        self.databaseInUseLabel.setObjectName(u"databaseInUseLabel")
        self.databaseInUseLabel.setWordWrap(True)

        self.databaseLayout.addWidget(self.databaseInUseLabel)

        self.databaseRow = QHBoxLayout()
        self.databaseRow.setObjectName(u"databaseRow")
        self.databaseLabel = QLabel(self.databaseBox)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.databaseRow.addWidget(self.databaseLabel)

        self.databaseEdit = QLineEdit(self.databaseBox)
        self.databaseEdit.setObjectName(u"databaseEdit")

        self.databaseRow.addWidget(self.databaseEdit)


        self.databaseLayout.addLayout(self.databaseRow)

        self.databaseNote = QLabel(self.databaseBox)
        self.databaseNote.setObjectName(u"databaseNote")
        self.databaseNote.setWordWrap(True)

        self.databaseLayout.addWidget(self.databaseNote)

        self.databaseError = QLabel(self.databaseBox)
        self.databaseError.setObjectName(u"databaseError")
        self.databaseError.setWordWrap(True)
        self.databaseError.setProperty(u"role", u"error")

        self.databaseLayout.addWidget(self.databaseError)


        self.mainLayout.addWidget(self.databaseBox)

        self.buttonBox = QDialogButtonBox(PreferencesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.idleLabel.setBuddy(self.idleSpin)
        self.databaseLabel.setBuddy(self.databaseEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.idleSpin, self.forgetKeyButton)
        QWidget.setTabOrder(self.forgetKeyButton, self.databaseEdit)

        self.retranslateUi(PreferencesDialog)
    # setupUi

    def retranslateUi(self, PreferencesDialog):
        PreferencesDialog.setWindowTitle(QCoreApplication.translate("PreferencesDialog", u"Preferencias", None))
        self.lockBox.setTitle(QCoreApplication.translate("PreferencesDialog", u"Bloqueo por inactividad", None))
        self.idleLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Bloquear tras:", None))
#if QT_CONFIG(tooltip)
        self.idleSpin.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Minutos sin usar el teclado ni el rat\u00f3n antes de pedir de nuevo la contrase\u00f1a (0: nunca)", None))
#endif // QT_CONFIG(tooltip)
        self.idleSpin.setSpecialValueText(QCoreApplication.translate("PreferencesDialog", u"Nunca", None))
        self.idleSpin.setSuffix(QCoreApplication.translate("PreferencesDialog", u" min", None))
        self.idleNote.setText(QCoreApplication.translate("PreferencesDialog", u"Al bloquearse, lo que estaba escribiendo se conserva. En un equipo compartido no elija \u00abNunca\u00bb.", None))
        self.keyBox.setTitle(QCoreApplication.translate("PreferencesDialog", u"Llave recordada en este equipo", None))
        self.keyStateLabel.setText("")
#if QT_CONFIG(tooltip)
        self.forgetKeyButton.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Borra la llave de esta base del almac\u00e9n de credenciales del sistema para su usuario", None))
#endif // QT_CONFIG(tooltip)
        self.forgetKeyButton.setText(QCoreApplication.translate("PreferencesDialog", u"&Olvidar la llave en este equipo", None))
        self.databaseBox.setTitle(QCoreApplication.translate("PreferencesDialog", u"Base de datos", None))
        self.databaseInUseLabel.setText("")
        self.databaseLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Abrir al iniciar:", None))
#if QT_CONFIG(tooltip)
        self.databaseEdit.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Ruta de un archivo SQLite o URL de un servidor PostgreSQL (postgresql+psycopg://usuario@servidor/comite?sslmode=verify-full&...)", None))
#endif // QT_CONFIG(tooltip)
        self.databaseEdit.setPlaceholderText(QCoreApplication.translate("PreferencesDialog", u"Vac\u00edo: la base de este equipo", None))
        self.databaseNote.setText(QCoreApplication.translate("PreferencesDialog", u"Se aplica al volver a abrir la aplicaci\u00f3n. La contrase\u00f1a del servidor no se escribe aqu\u00ed: se pide al conectar y se guarda en el almac\u00e9n de credenciales del sistema. La opci\u00f3n --db y la variable COMITE_DATABASE_URL tienen prioridad.", None))
        self.databaseError.setText("")
    # retranslateUi

