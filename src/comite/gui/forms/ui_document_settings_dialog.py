# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'document_settings_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialogButtonBox, QFormLayout,
    QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_DocumentSettingsDialog(object):
    def setupUi(self, DocumentSettingsDialog):
        if not DocumentSettingsDialog.objectName():
            DocumentSettingsDialog.setObjectName(u"DocumentSettingsDialog")
        DocumentSettingsDialog.resize(560, 600)
        self.mainLayout = QVBoxLayout(DocumentSettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(DocumentSettingsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.headerBox = QGroupBox(DocumentSettingsDialog)
        self.headerBox.setObjectName(u"headerBox")
        self.headerForm = QFormLayout(self.headerBox)
        self.headerForm.setObjectName(u"headerForm")
        self.entityLabel = QLabel(self.headerBox)
        self.entityLabel.setObjectName(u"entityLabel")

        self.headerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.entityLabel)

        self.entityEdit = QLineEdit(self.headerBox)
        self.entityEdit.setObjectName(u"entityEdit")

        self.headerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.entityEdit)

        self.processLabel = QLabel(self.headerBox)
        self.processLabel.setObjectName(u"processLabel")

        self.headerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.processLabel)

        self.processEdit = QLineEdit(self.headerBox)
        self.processEdit.setObjectName(u"processEdit")

        self.headerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.processEdit)

        self.codeLabel = QLabel(self.headerBox)
        self.codeLabel.setObjectName(u"codeLabel")

        self.headerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.headerBox)
        self.codeEdit.setObjectName(u"codeEdit")

        self.headerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.versionLabel = QLabel(self.headerBox)
        self.versionLabel.setObjectName(u"versionLabel")

        self.headerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.versionLabel)

        self.versionEdit = QLineEdit(self.headerBox)
        self.versionEdit.setObjectName(u"versionEdit")

        self.headerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.versionEdit)

        self.dateLabel = QLabel(self.headerBox)
        self.dateLabel.setObjectName(u"dateLabel")

        self.headerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(self.headerBox)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.headerForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.emailLabel = QLabel(self.headerBox)
        self.emailLabel.setObjectName(u"emailLabel")

        self.headerForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.headerBox)
        self.emailEdit.setObjectName(u"emailEdit")

        self.headerForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.reserveLabel = QLabel(self.headerBox)
        self.reserveLabel.setObjectName(u"reserveLabel")

        self.headerForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reserveLabel)

        self.reserveEdit = QPlainTextEdit(self.headerBox)
        self.reserveEdit.setObjectName(u"reserveEdit")
        self.reserveEdit.setTabChangesFocus(True)
        self.reserveEdit.setMaximumSize(QSize(16777215, 90))

        self.headerForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reserveEdit)


        self.mainLayout.addWidget(self.headerBox)

        self.directorBox = QGroupBox(DocumentSettingsDialog)
        self.directorBox.setObjectName(u"directorBox")
        self.directorForm = QFormLayout(self.directorBox)
        self.directorForm.setObjectName(u"directorForm")
        self.directorLabel = QLabel(self.directorBox)
        self.directorLabel.setObjectName(u"directorLabel")

        self.directorForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.directorLabel)

        self.directorEdit = QLineEdit(self.directorBox)
        self.directorEdit.setObjectName(u"directorEdit")

        self.directorForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.directorEdit)

        self.positionLabel = QLabel(self.directorBox)
        self.positionLabel.setObjectName(u"positionLabel")

        self.directorForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.positionLabel)

        self.positionEdit = QLineEdit(self.directorBox)
        self.positionEdit.setObjectName(u"positionEdit")

        self.directorForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.positionEdit)


        self.mainLayout.addWidget(self.directorBox)

        self.numberingBox = QGroupBox(DocumentSettingsDialog)
        self.numberingBox.setObjectName(u"numberingBox")
        self.numberingForm = QFormLayout(self.numberingBox)
        self.numberingForm.setObjectName(u"numberingForm")
        self.numberCheck = QCheckBox(self.numberingBox)
        self.numberCheck.setObjectName(u"numberCheck")

        self.numberingForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.numberCheck)

        self.prefixLabel = QLabel(self.numberingBox)
        self.prefixLabel.setObjectName(u"prefixLabel")

        self.numberingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.prefixLabel)

        self.prefixEdit = QLineEdit(self.numberingBox)
        self.prefixEdit.setObjectName(u"prefixEdit")
        self.prefixEdit.setMaxLength(20)

        self.numberingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.prefixEdit)

        self.firstLabel = QLabel(self.numberingBox)
        self.firstLabel.setObjectName(u"firstLabel")

        self.numberingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.firstLabel)

        self.firstSpin = QSpinBox(self.numberingBox)
        self.firstSpin.setObjectName(u"firstSpin")
        self.firstSpin.setMinimum(1)
        self.firstSpin.setMaximum(999999)

        self.numberingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.firstSpin)


        self.mainLayout.addWidget(self.numberingBox)

        self.reportsBox = QGroupBox(DocumentSettingsDialog)
        self.reportsBox.setObjectName(u"reportsBox")
        self.reportsForm = QFormLayout(self.reportsBox)
        self.reportsForm.setObjectName(u"reportsForm")
        self.thresholdLabel = QLabel(self.reportsBox)
        self.thresholdLabel.setObjectName(u"thresholdLabel")

        self.reportsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.thresholdLabel)

        self.thresholdSpin = QSpinBox(self.reportsBox)
        self.thresholdSpin.setObjectName(u"thresholdSpin")
        self.thresholdSpin.setMinimum(2)
        self.thresholdSpin.setMaximum(100)

        self.reportsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.thresholdSpin)


        self.mainLayout.addWidget(self.reportsBox)

        self.errorLabel = QLabel(DocumentSettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DocumentSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.entityLabel.setBuddy(self.entityEdit)
        self.processLabel.setBuddy(self.processEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.versionLabel.setBuddy(self.versionEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.reserveLabel.setBuddy(self.reserveEdit)
        self.directorLabel.setBuddy(self.directorEdit)
        self.positionLabel.setBuddy(self.positionEdit)
        self.prefixLabel.setBuddy(self.prefixEdit)
        self.firstLabel.setBuddy(self.firstSpin)
        self.thresholdLabel.setBuddy(self.thresholdSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.entityEdit, self.processEdit)
        QWidget.setTabOrder(self.processEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.versionEdit)
        QWidget.setTabOrder(self.versionEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.reserveEdit)
        QWidget.setTabOrder(self.reserveEdit, self.directorEdit)
        QWidget.setTabOrder(self.directorEdit, self.positionEdit)
        QWidget.setTabOrder(self.positionEdit, self.numberCheck)
        QWidget.setTabOrder(self.numberCheck, self.prefixEdit)
        QWidget.setTabOrder(self.prefixEdit, self.firstSpin)
        QWidget.setTabOrder(self.firstSpin, self.thresholdSpin)

        self.retranslateUi(DocumentSettingsDialog)
    # setupUi

    def retranslateUi(self, DocumentSettingsDialog):
        DocumentSettingsDialog.setWindowTitle(QCoreApplication.translate("DocumentSettingsDialog", u"Configuraci\u00f3n de documentos", None))
        self.introLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"Estos datos aparecen en las actas, convocatorias, notificaciones y resoluciones que se generen desde ahora; los documentos ya emitidos no cambian.", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("DocumentSettingsDialog", u"hint", None))
        self.headerBox.setTitle(QCoreApplication.translate("DocumentSettingsDialog", u"Encabezado de los formatos", None))
        self.entityLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Entidad:", None))
#if QT_CONFIG(tooltip)
        self.entityEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Nombre de la entidad en el encabezado de cada documento", None))
#endif // QT_CONFIG(tooltip)
        self.processLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Proceso:", None))
#if QT_CONFIG(tooltip)
        self.processEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Proceso del sistema de gesti\u00f3n al que pertenecen los formatos", None))
#endif // QT_CONFIG(tooltip)
        self.codeLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&C\u00f3digo del formato:", None))
#if QT_CONFIG(tooltip)
        self.codeEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"C\u00f3digo del formato, p. ej. GER-FT-01", None))
#endif // QT_CONFIG(tooltip)
        self.versionLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Versi\u00f3n:", None))
#if QT_CONFIG(tooltip)
        self.versionEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Versi\u00f3n vigente del formato", None))
#endif // QT_CONFIG(tooltip)
        self.dateLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Fecha del formato:", None))
#if QT_CONFIG(tooltip)
        self.dateEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Fecha de aprobaci\u00f3n de la versi\u00f3n vigente del formato", None))
#endif // QT_CONFIG(tooltip)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("DocumentSettingsDialog", u"dd/MM/yyyy", None))
        self.emailLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"C&orreo de la secretar\u00eda:", None))
#if QT_CONFIG(tooltip)
        self.emailEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Organizador de la invitaci\u00f3n de calendario y direcci\u00f3n para confirmar asistencia en la convocatoria", None))
#endif // QT_CONFIG(tooltip)
        self.reserveLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"Nota de &reserva:", None))
#if QT_CONFIG(tooltip)
        self.reserveEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Texto que cada p\u00e1gina imprime al pie, junto a \u00abRESERVADO\u00bb: el fundamento de la reserva (hasta 400 caracteres, dos l\u00edneas)", None))
#endif // QT_CONFIG(tooltip)
        self.directorBox.setTitle(QCoreApplication.translate("DocumentSettingsDialog", u"Firma de las resoluciones", None))
        self.directorLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Nombre:", None))
#if QT_CONFIG(tooltip)
        self.directorEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Quien firma las resoluciones (vac\u00edo: queda una l\u00ednea para la firma)", None))
#endif // QT_CONFIG(tooltip)
        self.positionLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Cargo:", None))
#if QT_CONFIG(tooltip)
        self.positionEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Cargo de quien firma las resoluciones", None))
#endif // QT_CONFIG(tooltip)
        self.numberingBox.setTitle(QCoreApplication.translate("DocumentSettingsDialog", u"Numeraci\u00f3n de las resoluciones", None))
        self.numberCheck.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Numerar las resoluciones en la aplicaci\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.numberCheck.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Si no se marca, el n\u00famero lo pone la oficina que radica (el documento sale sin n\u00famero)", None))
#endif // QT_CONFIG(tooltip)
        self.prefixLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"P&refijo:", None))
#if QT_CONFIG(tooltip)
        self.prefixEdit.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"Texto antes del n\u00famero, p. ej. \u00abUNP-\u00bb", None))
#endif // QT_CONFIG(tooltip)
        self.firstLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Primer n\u00famero del a\u00f1o:", None))
#if QT_CONFIG(tooltip)
        self.firstSpin.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"El siguiente n\u00famero es el mayor entre este y el \u00faltimo asignado m\u00e1s uno", None))
#endif // QT_CONFIG(tooltip)
        self.reportsBox.setTitle(QCoreApplication.translate("DocumentSettingsDialog", u"Reserva de los informes", None))
        self.thresholdLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Umbral de supresi\u00f3n:", None))
#if QT_CONFIG(tooltip)
        self.thresholdSpin.setToolTip(QCoreApplication.translate("DocumentSettingsDialog", u"En los informes que salen de la secretar\u00eda, las celdas que cuentan menos casos que este n\u00famero se suprimen", None))
#endif // QT_CONFIG(tooltip)
        self.thresholdSpin.setSuffix(QCoreApplication.translate("DocumentSettingsDialog", u" casos", None))
        self.errorLabel.setProperty(u"role", QCoreApplication.translate("DocumentSettingsDialog", u"error", None))
    # retranslateUi

