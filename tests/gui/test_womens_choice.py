"""A woman's choices of the CERREM de mujeres and of her analyst's gender (Resolución 805 de
2012, art. 3), recorded from the registry page by the mouse's path; asked only of a woman's
case; a refusal shows in Spanish and keeps what was chosen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from comite.domain import AnalystGender
from comite.services import cases
from tests.db.helpers import case_for
from tests.gui.test_reports_page import choose


def _press(button) -> None:
    assert button.isVisible() and button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))


def _find(qtbot, page, radicado: str) -> None:
    page.ui.searchEdit.clear()
    qtbot.keyClicks(page.ui.searchEdit, radicado)
    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Return)
    assert page.selected_case().radicado == radicado


def test_her_choices_are_recorded_from_the_registry_by_mouse(qtbot, main_window, admin):
    woman = case_for(admin, "CERREM_POBLACIONAL", "MUJ-2026-1", is_woman=True)
    case_for(admin, "CERREM_POBLACIONAL", "HOM-2026-1")
    main_window.show_page("registro", focus=True)
    page = main_window.registry_page
    _find(qtbot, page, "HOM-2026-1")
    assert not page.ui.womenChoiceButton.isVisible()  # not a woman's case: nothing to ask
    _find(qtbot, page, "MUJ-2026-1")
    _press(page.ui.womenChoiceButton)
    dialog = page.womens_choice_dialog
    qtbot.waitExposed(dialog)
    assert dialog.ui.committeeCombo.currentText() == "No lo ha manifestado"
    choose(qtbot, dialog.ui.committeeCombo, "El CERREM para el análisis de casos de mujeres")
    choose(qtbot, dialog.ui.analystCombo, AnalystGender.MUJER.label)
    _press(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not dialog.isVisible()
    stored = cases.case_summary(admin, woman)
    assert stored.women_committee_choice is True and stored.analyst_gender is AnalystGender.MUJER


def test_a_refusal_keeps_her_choices_in_the_dialog(qtbot, main_window, admin):
    woman = case_for(admin, "CERREM_POBLACIONAL", "MUJ-2026-2", is_woman=True)
    main_window.show_page("registro", focus=True)
    page = main_window.registry_page
    _find(qtbot, page, "MUJ-2026-2")
    _press(page.ui.womenChoiceButton)
    dialog = page.womens_choice_dialog
    qtbot.waitExposed(dialog)
    choose(qtbot, dialog.ui.analystCombo, AnalystGender.SIN_PREFERENCIA.label)
    cases.update_case(admin, woman, municipality="Quibdó")  # someone else changed the case meanwhile
    _press(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.isVisible()
    assert "fue modificado por otra persona" in dialog.ui.errorLabel.text()
    assert dialog.ui.analystCombo.currentText() == AnalystGender.SIN_PREFERENCIA.label
    assert cases.case_summary(admin, woman).analyst_gender is None
