"""Observations of the seats with solo voz (invitees), each by a seat present for the case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from comite.domain import Rights
from comite.gui.forms.ui_session_case_observations import Ui_SessionCaseObservations
from comite.gui.session.case.base import CaseHost, CasePanel
from comite.gui.session.common import ERROR
from comite.gui.session.models import ObservationsModel
from comite.gui.table_models import ROW_ROLE, attach
from comite.services import deliberation
from comite.services.views import HearingDetail


class ObservationsPanel(CasePanel):
    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(case, parent)
        self.ui = Ui_SessionCaseObservations()
        self.ui.setupUi(self)
        self.model = ObservationsModel(self)
        self._typed: dict[int, str] = {}  # observations typed and not added, per case
        self._shown_hearing: int | None = None
        attach(self.ui.observationsTable, self.model, stretch_column=1)
        self.ui.observationEdit.returnPressed.connect(self.add)
        self.ui.observationAddButton.clicked.connect(self.add)
        self.ui.observationRemoveButton.clicked.connect(self.remove)
        combo = self.ui.observationSeatCombo
        combo.setMaximumWidth(260)
        # long entity names must not push the observation box off a narrow left column
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setMinimumWidth(110)
        self.ui.observationEdit.setMinimumWidth(80)

    def show_case(self, d: HearingDetail, another_case: bool) -> None:
        if another_case:  # an observation typed for one case is never added to another
            if self._shown_hearing is not None and self.ui.observationEdit.text():
                self._typed[self._shown_hearing] = self.ui.observationEdit.text()
            self.ui.observationEdit.setText(self._typed.pop(d.hearing_id, ""))
        self._shown_hearing = d.hearing_id
        self.model.update_rows(d.observations)
        combo = self.ui.observationSeatCombo
        current = combo.currentData()
        combo.clear()
        # the invitees (solo voz) first: the panel is theirs; members with a vote may also observe
        present = [v for v in d.voters if v.sits and v.present]
        for v in sorted(present, key=lambda v: v.rights is not Rights.SOLO_VOZ):
            text = f"{v.entity}" + (f" — {v.person_name}" if v.person_name else "")
            combo.addItem(text, v.attendance_id)
            combo.setItemData(combo.count() - 1, f"{text} ({v.rights.label.lower()})", Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)

    def clear(self) -> None:
        self.model.update_rows([])

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.ui.observationEdit, self.ui.observationAddButton, self.ui.observationRemoveButton):
            w.setEnabled(not read_only)

    def add(self) -> None:
        text = self.ui.observationEdit.text().strip()
        seat = self.ui.observationSeatCombo.currentData()
        d = self.case.detail
        if d is None or not text:
            return
        if seat is None:
            self.case.say("Elija quién hace la observación (debe estar presente y tener asiento en este caso).",
                          ERROR)
            return
        if self.case.call(deliberation.add_observation, self.host.ctx, d.hearing_id, seat, text,
                          initiator=self) is not None:
            self.ui.observationEdit.clear()

    def remove(self) -> None:
        index = self.ui.observationsTable.currentIndex()
        item = index.data(ROW_ROLE) if index.isValid() else None
        if item is not None:
            self.case.call(deliberation.remove_observation, self.host.ctx, item.id, initiator=self)
