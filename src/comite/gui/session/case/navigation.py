"""Moving between the cases of the agenda: the case list, previous and next
(Alt+Left/Right, PgUp/PgDown) and where the case shown stands ("Caso 2 de 5")."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from comite.gui.forms.ui_session_case_navigation import Ui_SessionCaseNavigation
from comite.services.views import AgendaRow

_STEP_KEYS = ((("Alt+Right", "PgDown"), +1), (("Alt+Left", "PgUp"), -1))


class CaseNavigation(QWidget):
    """The agenda's cases in order; ``chosen`` names the hearing the user moves to."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionCaseNavigation()
        self.ui.setupUi(self)
        self._ids: list[int] = []
        self._current: int | None = None
        self.ui.prevButton.clicked.connect(lambda: self.step(-1))
        self.ui.nextButton.clicked.connect(lambda: self.step(+1))
        self.ui.caseCombo.activated.connect(lambda i: self._choose(self.ui.caseCombo.itemData(i)))

    def install_shortcuts(self, on: QWidget) -> None:
        """The stepping keys, wherever the focus is inside ``on`` (the whole tab)."""
        for keys, step in _STEP_KEYS:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), on)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda s=step: self.step(s))

    @property
    def hearing_ids(self) -> list[int]:
        return list(self._ids)

    def show_cases(self, rows: list[AgendaRow]) -> None:
        """The agenda's cases (a ✔ on those with a decision)."""
        combo = self.ui.caseCombo
        combo.blockSignals(True)
        combo.clear()
        for n, r in enumerate(rows, start=1):
            mark = " ✔" if r.outcome is not None else ""
            combo.addItem(f"{n}. Caso {r.radicado}{mark}", r.hearing_id)
        combo.blockSignals(False)
        self._ids = [r.hearing_id for r in rows if r.hearing_id is not None]
        self.show_current(self._current)

    def show_current(self, hearing_id: int | None) -> None:
        self._current = hearing_id
        pos = self._ids.index(hearing_id) if hearing_id in self._ids else -1
        if pos >= 0:
            self.ui.caseCombo.setCurrentIndex(pos)
        self.ui.positionLabel.setText(f"Caso {pos + 1} de {len(self._ids)}" if pos >= 0 else "")
        self.ui.prevButton.setEnabled(pos > 0)
        self.ui.nextButton.setEnabled(0 <= pos < len(self._ids) - 1)

    def step(self, delta: int) -> None:
        if not self._ids:
            return
        i = self._ids.index(self._current) if self._current in self._ids else -1
        self._choose(self._ids[max(0, min(len(self._ids) - 1, i + delta))])

    def _choose(self, hearing_id: int | None) -> None:
        if hearing_id is not None and hearing_id != self._current:
            self.chosen.emit(hearing_id)

    def focus_search(self) -> None:
        self.ui.caseCombo.setFocus()
