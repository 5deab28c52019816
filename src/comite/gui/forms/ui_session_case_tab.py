# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_case_tab.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDoubleSpinBox,
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_SessionCaseTab(object):
    def setupUi(self, SessionCaseTab):
        if not SessionCaseTab.objectName():
            SessionCaseTab.setObjectName(u"SessionCaseTab")
        SessionCaseTab.resize(1200, 760)
        self.caseLayout = QVBoxLayout(SessionCaseTab)
        self.caseLayout.setSpacing(6)
        self.caseLayout.setObjectName(u"caseLayout")
        self.navLayout = QHBoxLayout()
        self.navLayout.setObjectName(u"navLayout")
        self.prevButton = QPushButton(SessionCaseTab)
        self.prevButton.setObjectName(u"prevButton")

        self.navLayout.addWidget(self.prevButton)

        self.caseCombo = QComboBox(SessionCaseTab)
        self.caseCombo.setObjectName(u"caseCombo")
        self.caseCombo.setMinimumSize(QSize(260, 0))

        self.navLayout.addWidget(self.caseCombo)

        self.nextButton = QPushButton(SessionCaseTab)
        self.nextButton.setObjectName(u"nextButton")

        self.navLayout.addWidget(self.nextButton)

        self.positionLabel = QLabel(SessionCaseTab)
        self.positionLabel.setObjectName(u"positionLabel")

        self.navLayout.addWidget(self.positionLabel)

        self.navSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navLayout.addItem(self.navSpacer)


        self.caseLayout.addLayout(self.navLayout)

        self.caseHeaderLabel = QLabel(SessionCaseTab)
        self.caseHeaderLabel.setObjectName(u"caseHeaderLabel")
        self.caseHeaderLabel.setWordWrap(True)
        self.caseHeaderLabel.setTextFormat(Qt.TextFormat.RichText)
        self.caseHeaderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.caseLayout.addWidget(self.caseHeaderLabel)

        self.caseMessage = QLabel(SessionCaseTab)
        self.caseMessage.setObjectName(u"caseMessage")
        self.caseMessage.setWordWrap(True)
        self.caseMessage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.caseLayout.addWidget(self.caseMessage)

        self.splitter = QSplitter(SessionCaseTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.leftScroll = QScrollArea(self.splitter)
        self.leftScroll.setObjectName(u"leftScroll")
        self.leftScroll.setWidgetResizable(True)
        self.leftScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.leftContent = QWidget()
        self.leftContent.setObjectName(u"leftContent")
        self.leftContent.setGeometry(QRect(0, 0, 560, 700))
        self.leftLayout = QVBoxLayout(self.leftContent)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, -1, 6, -1)
        self.timeLayout = QHBoxLayout()
        self.timeLayout.setObjectName(u"timeLayout")
        self.discussedLabel = QLabel(self.leftContent)
        self.discussedLabel.setObjectName(u"discussedLabel")

        self.timeLayout.addWidget(self.discussedLabel)

        self.discussedEdit = QLineEdit(self.leftContent)
        self.discussedEdit.setObjectName(u"discussedEdit")
        self.discussedEdit.setMaximumSize(QSize(80, 16777215))

        self.timeLayout.addWidget(self.discussedEdit)

        self.nowButton = QPushButton(self.leftContent)
        self.nowButton.setObjectName(u"nowButton")

        self.timeLayout.addWidget(self.nowButton)

        self.restorationCheck = QCheckBox(self.leftContent)
        self.restorationCheck.setObjectName(u"restorationCheck")

        self.timeLayout.addWidget(self.restorationCheck)

        self.timeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeLayout.addItem(self.timeSpacer)


        self.leftLayout.addLayout(self.timeLayout)

        self.deliberationHeader = QHBoxLayout()
        self.deliberationHeader.setObjectName(u"deliberationHeader")
        self.deliberationLabel = QLabel(self.leftContent)
        self.deliberationLabel.setObjectName(u"deliberationLabel")

        self.deliberationHeader.addWidget(self.deliberationLabel)

        self.saveStateLabel = QLabel(self.leftContent)
        self.saveStateLabel.setObjectName(u"saveStateLabel")
        self.saveStateLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.deliberationHeader.addWidget(self.saveStateLabel)


        self.leftLayout.addLayout(self.deliberationHeader)

        self.deliberationEdit = QPlainTextEdit(self.leftContent)
        self.deliberationEdit.setObjectName(u"deliberationEdit")
        self.deliberationEdit.setMinimumSize(QSize(0, 140))
        self.deliberationEdit.setTabChangesFocus(True)

        self.leftLayout.addWidget(self.deliberationEdit)

        self.observationsGroup = QGroupBox(self.leftContent)
        self.observationsGroup.setObjectName(u"observationsGroup")
        self.observationsLayout = QVBoxLayout(self.observationsGroup)
        self.observationsLayout.setObjectName(u"observationsLayout")
        self.observationsTable = QTableView(self.observationsGroup)
        self.observationsTable.setObjectName(u"observationsTable")
        self.observationsTable.setMinimumSize(QSize(0, 90))

        self.observationsLayout.addWidget(self.observationsTable)

        self.observationTools = QHBoxLayout()
        self.observationTools.setObjectName(u"observationTools")
        self.observationSeatCombo = QComboBox(self.observationsGroup)
        self.observationSeatCombo.setObjectName(u"observationSeatCombo")
        self.observationSeatCombo.setMinimumSize(QSize(180, 0))

        self.observationTools.addWidget(self.observationSeatCombo)

        self.observationEdit = QLineEdit(self.observationsGroup)
        self.observationEdit.setObjectName(u"observationEdit")

        self.observationTools.addWidget(self.observationEdit)

        self.observationAddButton = QPushButton(self.observationsGroup)
        self.observationAddButton.setObjectName(u"observationAddButton")

        self.observationTools.addWidget(self.observationAddButton)

        self.observationRemoveButton = QPushButton(self.observationsGroup)
        self.observationRemoveButton.setObjectName(u"observationRemoveButton")

        self.observationTools.addWidget(self.observationRemoveButton)

        self.observationTools.setStretch(0, 2)
        self.observationTools.setStretch(1, 3)

        self.observationsLayout.addLayout(self.observationTools)


        self.leftLayout.addWidget(self.observationsGroup)

        self.recognitionGroup = QGroupBox(self.leftContent)
        self.recognitionGroup.setObjectName(u"recognitionGroup")
        self.recognitionLayout = QVBoxLayout(self.recognitionGroup)
        self.recognitionLayout.setObjectName(u"recognitionLayout")
        self.criteriaLayout = QVBoxLayout()
        self.criteriaLayout.setSpacing(2)
        self.criteriaLayout.setObjectName(u"criteriaLayout")

        self.recognitionLayout.addLayout(self.criteriaLayout)

        self.grantedLayout = QHBoxLayout()
        self.grantedLayout.setObjectName(u"grantedLayout")
        self.grantedLabel = QLabel(self.recognitionGroup)
        self.grantedLabel.setObjectName(u"grantedLabel")

        self.grantedLayout.addWidget(self.grantedLabel)

        self.grantedCombo = QComboBox(self.recognitionGroup)
        self.grantedCombo.setObjectName(u"grantedCombo")

        self.grantedLayout.addWidget(self.grantedCombo)


        self.recognitionLayout.addLayout(self.grantedLayout)


        self.leftLayout.addWidget(self.recognitionGroup)

        self.leftSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftLayout.addItem(self.leftSpacer)

        self.leftScroll.setWidget(self.leftContent)
        self.splitter.addWidget(self.leftScroll)
        self.rightScroll = QScrollArea(self.splitter)
        self.rightScroll.setObjectName(u"rightScroll")
        self.rightScroll.setWidgetResizable(True)
        self.rightScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rightContent = QWidget()
        self.rightContent.setObjectName(u"rightContent")
        self.rightContent.setGeometry(QRect(0, 0, 600, 700))
        self.rightLayout = QVBoxLayout(self.rightContent)
        self.rightLayout.setObjectName(u"rightLayout")
        self.rightLayout.setContentsMargins(6, -1, 0, -1)
        self.votesGroup = QGroupBox(self.rightContent)
        self.votesGroup.setObjectName(u"votesGroup")
        self.votesLayout = QVBoxLayout(self.votesGroup)
        self.votesLayout.setObjectName(u"votesLayout")
        self.votersTable = QTableView(self.votesGroup)
        self.votersTable.setObjectName(u"votersTable")
        self.votersTable.setMinimumSize(QSize(0, 210))

        self.votesLayout.addWidget(self.votersTable)

        self.votesTools = QHBoxLayout()
        self.votesTools.setObjectName(u"votesTools")
        self.tallyLabel = QLabel(self.votesGroup)
        self.tallyLabel.setObjectName(u"tallyLabel")
        self.tallyLabel.setWordWrap(True)

        self.votesTools.addWidget(self.tallyLabel)

        self.allFavorButton = QPushButton(self.votesGroup)
        self.allFavorButton.setObjectName(u"allFavorButton")

        self.votesTools.addWidget(self.allFavorButton)


        self.votesLayout.addLayout(self.votesTools)


        self.rightLayout.addWidget(self.votesGroup)

        self.decisionGroup = QGroupBox(self.rightContent)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionLayout = QVBoxLayout(self.decisionGroup)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.decisionForm = QFormLayout()
        self.decisionForm.setObjectName(u"decisionForm")
        self.outcomeLabel = QLabel(self.decisionGroup)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(self.decisionGroup)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.riskLabel = QLabel(self.decisionGroup)
        self.riskLabel.setObjectName(u"riskLabel")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.riskLabel)

        self.riskCombo = QComboBox(self.decisionGroup)
        self.riskCombo.setObjectName(u"riskCombo")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.riskCombo)

        self.pctLabel = QLabel(self.decisionGroup)
        self.pctLabel.setObjectName(u"pctLabel")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pctLabel)

        self.pctSpin = QDoubleSpinBox(self.decisionGroup)
        self.pctSpin.setObjectName(u"pctSpin")
        self.pctSpin.setDecimals(2)
        self.pctSpin.setMaximum(100.000000000000000)

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pctSpin)

        self.conceptLabel = QLabel(self.decisionGroup)
        self.conceptLabel.setObjectName(u"conceptLabel")

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.conceptLabel)

        self.conceptEdit = QPlainTextEdit(self.decisionGroup)
        self.conceptEdit.setObjectName(u"conceptEdit")
        self.conceptEdit.setMaximumSize(QSize(16777215, 64))
        self.conceptEdit.setTabChangesFocus(True)

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.conceptEdit)


        self.decisionLayout.addLayout(self.decisionForm)

        self.measureTools = QHBoxLayout()
        self.measureTools.setObjectName(u"measureTools")
        self.measureCombo = QComboBox(self.decisionGroup)
        self.measureCombo.setObjectName(u"measureCombo")

        self.measureTools.addWidget(self.measureCombo)

        self.measureAddButton = QPushButton(self.decisionGroup)
        self.measureAddButton.setObjectName(u"measureAddButton")

        self.measureTools.addWidget(self.measureAddButton)

        self.measureRemoveButton = QPushButton(self.decisionGroup)
        self.measureRemoveButton.setObjectName(u"measureRemoveButton")

        self.measureTools.addWidget(self.measureRemoveButton)


        self.decisionLayout.addLayout(self.measureTools)

        self.measuresTable = QTableView(self.decisionGroup)
        self.measuresTable.setObjectName(u"measuresTable")
        self.measuresTable.setMinimumSize(QSize(0, 90))
        self.measuresTable.setMaximumSize(QSize(16777215, 150))

        self.decisionLayout.addWidget(self.measuresTable)

        self.decisionButtons = QHBoxLayout()
        self.decisionButtons.setObjectName(u"decisionButtons")
        self.recordButton = QPushButton(self.decisionGroup)
        self.recordButton.setObjectName(u"recordButton")

        self.decisionButtons.addWidget(self.recordButton)

        self.withdrawButton = QPushButton(self.decisionGroup)
        self.withdrawButton.setObjectName(u"withdrawButton")

        self.decisionButtons.addWidget(self.withdrawButton)


        self.decisionLayout.addLayout(self.decisionButtons)

        self.decisionMessage = QLabel(self.decisionGroup)
        self.decisionMessage.setObjectName(u"decisionMessage")
        self.decisionMessage.setWordWrap(True)
        self.decisionMessage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.decisionLayout.addWidget(self.decisionMessage)


        self.rightLayout.addWidget(self.decisionGroup)

        self.rightSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightLayout.addItem(self.rightSpacer)

        self.rightScroll.setWidget(self.rightContent)
        self.splitter.addWidget(self.rightScroll)

        self.caseLayout.addWidget(self.splitter)

        self.caseLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.discussedLabel.setBuddy(self.discussedEdit)
        self.deliberationLabel.setBuddy(self.deliberationEdit)
        self.grantedLabel.setBuddy(self.grantedCombo)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.riskLabel.setBuddy(self.riskCombo)
        self.pctLabel.setBuddy(self.pctSpin)
        self.conceptLabel.setBuddy(self.conceptEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.prevButton, self.caseCombo)
        QWidget.setTabOrder(self.caseCombo, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.discussedEdit)
        QWidget.setTabOrder(self.discussedEdit, self.nowButton)
        QWidget.setTabOrder(self.nowButton, self.restorationCheck)
        QWidget.setTabOrder(self.restorationCheck, self.deliberationEdit)
        QWidget.setTabOrder(self.deliberationEdit, self.observationsTable)
        QWidget.setTabOrder(self.observationsTable, self.observationSeatCombo)
        QWidget.setTabOrder(self.observationSeatCombo, self.observationEdit)
        QWidget.setTabOrder(self.observationEdit, self.observationAddButton)
        QWidget.setTabOrder(self.observationAddButton, self.observationRemoveButton)
        QWidget.setTabOrder(self.observationRemoveButton, self.grantedCombo)
        QWidget.setTabOrder(self.grantedCombo, self.votersTable)
        QWidget.setTabOrder(self.votersTable, self.allFavorButton)
        QWidget.setTabOrder(self.allFavorButton, self.outcomeCombo)
        QWidget.setTabOrder(self.outcomeCombo, self.riskCombo)
        QWidget.setTabOrder(self.riskCombo, self.pctSpin)
        QWidget.setTabOrder(self.pctSpin, self.conceptEdit)
        QWidget.setTabOrder(self.conceptEdit, self.measureCombo)
        QWidget.setTabOrder(self.measureCombo, self.measureAddButton)
        QWidget.setTabOrder(self.measureAddButton, self.measureRemoveButton)
        QWidget.setTabOrder(self.measureRemoveButton, self.measuresTable)
        QWidget.setTabOrder(self.measuresTable, self.recordButton)
        QWidget.setTabOrder(self.recordButton, self.withdrawButton)

        self.retranslateUi(SessionCaseTab)
    # setupUi

    def retranslateUi(self, SessionCaseTab):
        self.prevButton.setText(QCoreApplication.translate("SessionCaseTab", u"\u25c0 Anterior", None))
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Caso anterior (Alt+Izquierda o ReP\u00e1g)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.caseCombo.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Ir a un caso del orden del d\u00eda", None))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(QCoreApplication.translate("SessionCaseTab", u"Siguiente \u25b6", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Caso siguiente (Alt+Derecha o AvP\u00e1g)", None))
#endif // QT_CONFIG(tooltip)
        self.positionLabel.setText("")
        self.caseHeaderLabel.setText("")
        self.caseMessage.setText("")
        self.discussedLabel.setText(QCoreApplication.translate("SessionCaseTab", u"&Hora en que se trat\u00f3:", None))
        self.discussedEdit.setPlaceholderText(QCoreApplication.translate("SessionCaseTab", u"hh:mm", None))
#if QT_CONFIG(tooltip)
        self.discussedEdit.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Hora en que el comit\u00e9 trat\u00f3 el caso: el qu\u00f3rum y qui\u00e9n vota se miden a esa hora", None))
#endif // QT_CONFIG(tooltip)
        self.nowButton.setText(QCoreApplication.translate("SessionCaseTab", u"A&hora", None))
#if QT_CONFIG(tooltip)
        self.nowButton.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Registra la hora actual (Ctrl+H)", None))
#endif // QT_CONFIG(tooltip)
        self.restorationCheck.setText(QCoreApplication.translate("SessionCaseTab", u"Se analizan medidas de &restablecimiento", None))
#if QT_CONFIG(tooltip)
        self.restorationCheck.setToolTip(QCoreApplication.translate("SessionCaseTab", u"UP-PCC: convoca a los ministerios y agencias competentes en restablecimiento y rehabilitaci\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.deliberationLabel.setText(QCoreApplication.translate("SessionCaseTab", u"&Deliberaci\u00f3n (se guarda sola):", None))
        self.saveStateLabel.setText("")
        self.deliberationEdit.setPlaceholderText(QCoreApplication.translate("SessionCaseTab", u"Resumen de la deliberaci\u00f3n del comit\u00e9 sobre el caso.", None))
        self.observationsGroup.setTitle(QCoreApplication.translate("SessionCaseTab", u"Observaciones de los invitados (solo voz)", None))
#if QT_CONFIG(tooltip)
        self.observationSeatCombo.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Qui\u00e9n hace la observaci\u00f3n (solo quienes se sientan en este caso)", None))
#endif // QT_CONFIG(tooltip)
        self.observationEdit.setPlaceholderText(QCoreApplication.translate("SessionCaseTab", u"Observaci\u00f3n y Enter", None))
        self.observationAddButton.setText(QCoreApplication.translate("SessionCaseTab", u"Agregar", None))
        self.observationRemoveButton.setText(QCoreApplication.translate("SessionCaseTab", u"Quitar", None))
        self.recognitionGroup.setTitle(QCoreApplication.translate("SessionCaseTab", u"Reconocimiento social del colectivo (Resoluci\u00f3n 1085 de 2015)", None))
        self.grantedLabel.setText(QCoreApplication.translate("SessionCaseTab", u"Decisi\u00f3n del co&mit\u00e9:", None))
        self.votesGroup.setTitle(QCoreApplication.translate("SessionCaseTab", u"Votaci\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.votersTable.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Teclas 1 = a favor, 2 = en contra, 3 = abstenci\u00f3n, Supr = retirar el voto; F2 edita el salvamento o aclaraci\u00f3n", None))
#endif // QT_CONFIG(tooltip)
        self.tallyLabel.setText("")
        self.allFavorButton.setText(QCoreApplication.translate("SessionCaseTab", u"Faltantes a &favor", None))
#if QT_CONFIG(tooltip)
        self.allFavorButton.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Registra \u00aba favor\u00bb a cada miembro con voto presente que a\u00fan no ha votado", None))
#endif // QT_CONFIG(tooltip)
        self.decisionGroup.setTitle(QCoreApplication.translate("SessionCaseTab", u"Decisi\u00f3n", None))
        self.outcomeLabel.setText(QCoreApplication.translate("SessionCaseTab", u"Res&ultado:", None))
        self.riskLabel.setText(QCoreApplication.translate("SessionCaseTab", u"Nivel de &riesgo:", None))
        self.pctLabel.setText(QCoreApplication.translate("SessionCaseTab", u"Ponderaci\u00f3n de la &matriz (%):", None))
        self.pctSpin.setSpecialValueText(QCoreApplication.translate("SessionCaseTab", u"\u2014", None))
        self.conceptLabel.setText(QCoreApplication.translate("SessionCaseTab", u"C&oncepto:", None))
#if QT_CONFIG(tooltip)
        self.measureCombo.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Medida del cat\u00e1logo", None))
#endif // QT_CONFIG(tooltip)
        self.measureAddButton.setText(QCoreApplication.translate("SessionCaseTab", u"Agregar m&edida", None))
        self.measureRemoveButton.setText(QCoreApplication.translate("SessionCaseTab", u"Quitar medida", None))
#if QT_CONFIG(tooltip)
        self.measuresTable.setToolTip(QCoreApplication.translate("SessionCaseTab", u"F2 para editar cantidad, acci\u00f3n y temporalidad (meses); la fecha de revaluaci\u00f3n se calcula al registrar", None))
#endif // QT_CONFIG(tooltip)
        self.recordButton.setText(QCoreApplication.translate("SessionCaseTab", u"Registrar &decisi\u00f3n", None))
#if QT_CONFIG(tooltip)
        self.recordButton.setToolTip(QCoreApplication.translate("SessionCaseTab", u"Registra la decisi\u00f3n del comit\u00e9 sobre el caso (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.withdrawButton.setText(QCoreApplication.translate("SessionCaseTab", u"Retirar decisi\u00f3n", None))
        self.decisionMessage.setText("")
        pass
    # retranslateUi

