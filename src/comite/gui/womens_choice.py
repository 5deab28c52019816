"""The woman's free and informed choices (Resolución 805 de 2012, art. 3): whether the
CERREM de mujeres studies her case, and her analyst's gender. Recorded on the case through
:func:`comite.services.cases.update_case`; the acta and the resolution state them.

The dialog opens with ``open()`` and reports the saved changes through ``on_saved``; a
refusal of the service shows in the dialog, in Spanish, and what was chosen stays."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from comite.domain import AnalystGender
from comite.errors import ComiteError
from comite.gui.forms.ui_womens_choice_dialog import Ui_WomensChoiceDialog
from comite.gui.session.common import ERROR, show_message
from comite.services import cases
from comite.services.cases import CaseSummary
from comite.services.context import Changes, ServiceContext

COMMITTEE_CHOICES = (
    (None, "No lo ha manifestado"),
    (True, "El CERREM para el análisis de casos de mujeres"),
    (False, "El CERREM de su población"),
)


class WomensChoiceDialog(QDialog):
    def __init__(self, parent: QWidget, ctx: ServiceContext, case: CaseSummary,
                 on_saved: Callable[[Changes], None]) -> None:
        super().__init__(parent)
        self.ui = Ui_WomensChoiceDialog()
        self.ui.setupUi(self)
        self.ctx, self.case, self._on_saved = ctx, case, on_saved
        self.setWindowTitle(f"Elección de la solicitante — caso {case.radicado}")
        for value, label in COMMITTEE_CHOICES:
            self.ui.committeeCombo.addItem(label, value)
        self.ui.analystCombo.addItem("No lo ha manifestado", None)
        for gender in AnalystGender:
            self.ui.analystCombo.addItem(gender.label, gender)
        self.ui.committeeCombo.setCurrentIndex(
            next(i for i, (value, _) in enumerate(COMMITTEE_CHOICES) if value is case.women_committee_choice))
        self.ui.analystCombo.setCurrentIndex(max(0, self.ui.analystCombo.findData(case.analyst_gender)))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Guardar")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancelar")
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        show_message(self.ui.errorLabel, "")

    def choices(self) -> tuple[bool | None, AnalystGender | None]:
        committee = COMMITTEE_CHOICES[self.ui.committeeCombo.currentIndex()][0]
        gender = self.ui.analystCombo.currentData()
        return committee, AnalystGender(gender) if gender is not None else None

    def save(self) -> None:
        committee, gender = self.choices()
        try:
            changes = cases.update_case(self.ctx, self.case.id, self.case.row_version,
                                        women_committee_choice=committee, analyst_gender=gender)
        except ComiteError as exc:
            show_message(self.ui.errorLabel, str(exc), ERROR)  # the choices stay as chosen
            return
        self.accept()
        self._on_saved(changes)
