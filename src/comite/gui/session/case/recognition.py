"""The social recognition checklist of a collective (Resolución 1085 de 2015) and the
committee's finding; shown only for collectives."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from comite.domain import CaseKind
from comite.gui.forms.ui_session_case_recognition import Ui_SessionCaseRecognition
from comite.gui.session.case.base import CaseHost, CasePanel
from comite.rules.collective import CRITERIA
from comite.services import deliberation
from comite.services.views import HearingDetail

TITLE = "Reconocimiento social del colectivo (Resolución 1085 de 2015)"


class RecognitionPanel(CasePanel):
    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(case, parent)
        self.ui = Ui_SessionCaseRecognition()
        self.ui.setupUi(self)
        self._loading = False
        self.criteria: dict[str, QCheckBox] = {}
        for code, text in CRITERIA:
            box = QCheckBox(text, self.ui.recognitionGroup)
            box.setToolTip(text)
            box.clicked.connect(self._save)
            self.ui.criteriaLayout.addWidget(box)
            self.criteria[code] = box
        for label, value in (("Según la lista (todos los criterios)", None),
                             ("Reconocido por el comité", True), ("No reconocido por el comité", False)):
            self.ui.grantedCombo.addItem(label, value)
        self.ui.grantedCombo.activated.connect(self._save)

    def show_case(self, d: HearingDetail, another_case: bool) -> None:
        collective = d.case_kind is CaseKind.COLECTIVO
        self.setVisible(collective)
        if not collective:
            return
        self._loading = True
        try:
            answers = d.recognition_answers or {}
            for code, box in self.criteria.items():
                box.setChecked(bool(answers.get(code)))
            self.ui.grantedCombo.setCurrentIndex(max(0, self.ui.grantedCombo.findData(d.recognition_granted)))
        finally:
            self._loading = False
        title = TITLE
        if d.legally_recognised:
            title += " — tiene reconocimiento jurídico: no requiere verificación"
        elif not answers:
            title += " — pendiente de verificar"
        self.ui.recognitionGroup.setTitle(title)

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.ui.grantedCombo, *self.criteria.values()):
            w.setEnabled(not read_only)

    def _save(self) -> None:
        d = self.case.detail
        if self._loading or d is None:
            return
        answers = {code: box.isChecked() for code, box in self.criteria.items()}
        self.case.call(deliberation.record_recognition, self.host.ctx, d.hearing_id, answers,
                       self.ui.grantedCombo.currentData(), initiator=self)
