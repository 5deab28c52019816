"""The session workspace by mouse: every editable cell of every table is edited
through the editor a double-click opens, the value is picked in that editor as a
user would (a click in the combo's list, typing in a line or spin box), the editor
is closed, and the service stored it (issue #15, item 1)."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTableView

from comite.domain import AttendanceStatus, Capacity, MeasureAction, SessionStatus, VoteChoice
from comite.gui.table_models import ROW_ROLE
from comite.services import sessions, views
from tests.gui.test_session_page import _keys, _open, _session


def _cell(table: QTableView, row: int, column: int):
    return table.model().index(row, column)


def _open_editor(qtbot, table: QTableView, row: int, column: int):
    """Double-click the cell, as a user would, and return the editor it opened."""
    index = _cell(table, row, column)
    table.scrollTo(index)
    rect = table.visualRect(index)
    assert rect.isValid(), "the cell is not on screen"
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.state() == QAbstractItemView.State.EditingState, "the double-click opened no editor"
    editor = table.indexWidget(index)
    assert editor is not None
    return editor


def _pick(qtbot, combo: QComboBox, label: str) -> None:
    """Open the combo's list and click the item ``label``."""
    number = combo.findText(label)
    assert number >= 0, f"{label!r} is not offered"
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    rect = view.visualRect(view.model().index(number, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _type(editor, text: str) -> None:
    """Replace the editor's text by typing, then Enter (which commits and closes the editor)."""
    line = editor.lineEdit() if isinstance(editor, QAbstractSpinBox) else editor
    assert isinstance(line, QLineEdit)
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Backspace)
    _keys(line, text)  # QTest.keyClicks knows no accents
    QTest.keyClick(line, Qt.Key.Key_Return)


def _close(table: QTableView, row: int, column: int) -> None:
    """Leave the cell by clicking another one, as a user would (the editor commits and closes)."""
    index = _cell(table, row, column)
    if table.indexWidget(index) is not None:
        other = _cell(table, row, 0 if column else 1)
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(other).center())
    assert table.indexWidget(index) is None and table.state() != QAbstractItemView.State.EditingState


def _edit_by_choice(qtbot, table: QTableView, row: int, column: int, label: str) -> None:
    combo = _open_editor(qtbot, table, row, column)
    assert isinstance(combo, QComboBox)
    _pick(qtbot, combo, label)
    _close(table, row, column)


def _edit_by_typing(qtbot, table: QTableView, row: int, column: int, text: str) -> None:
    editor = _open_editor(qtbot, table, row, column)
    _type(editor, text)  # Enter commits and closes the editor on the next turn of the event loop
    qtbot.waitUntil(lambda: table.indexWidget(_cell(table, row, column)) is None)


def _editable_columns(table: QTableView, row: int) -> set[int]:
    model = table.model()
    return {c for c in range(model.columnCount()) if model.flags(model.index(row, c)) & Qt.ItemFlag.ItemIsEditable}


def test_every_attendance_cell_is_edited_by_mouse(admin, qtbot, errors):
    sid, _ = _session(admin, present=False)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_ATTENDANCE)
    tab = page.attendance_tab
    table = tab.ui.attendanceTable
    seat = next(r for r in page.attendance if r.rights.value == "voz_y_voto" and r.condition is None)
    row = next(i for i in range(table.model().rowCount()) if _cell(table, i, 0).data(ROW_ROLE).id == seat.id)

    def stored():
        return next(r for r in views.attendance_rows(admin, sid) if r.id == seat.id)

    columns = {c.field: n for n, c in enumerate(tab.model.columns) if getattr(c, "field", None)}
    _edit_by_choice(qtbot, table, row, columns["status"], AttendanceStatus.PRESENTE.label)
    assert stored().status is AttendanceStatus.PRESENTE
    _edit_by_choice(qtbot, table, row, columns["capacity"], Capacity.DELEGADO.label)
    assert stored().capacity is Capacity.DELEGADO
    _edit_by_typing(qtbot, table, row, columns["person_name"], "Ana Pérez")
    assert stored().person_name == "Ana Pérez"
    _edit_by_typing(qtbot, table, row, columns["person_position"], "Asesora")
    assert stored().person_position == "Asesora"
    _edit_by_typing(qtbot, table, row, columns["arrival"], "09:40")
    assert stored().arrival == time(9, 40)
    _edit_by_typing(qtbot, table, row, columns["departure"], "11:15")
    assert stored().departure == time(11, 15)
    assert set(columns.values()) == _editable_columns(table, row)  # every editable cell was edited
    assert errors.calls == []


def _cases_page(qtbot, admin):
    """A session in progress, open on its cases."""
    sid, hearings = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    return page, hearings


def test_every_vote_cell_is_edited_by_mouse(admin, qtbot, errors):
    page, hearings = _cases_page(qtbot, admin)
    votes = page.case_tab.votes
    table = votes.ui.votersTable
    row = votes.model.find(lambda v: v.can_vote)
    key = votes.model.row(row).seat_key

    def stored():
        return next(v for v in views.hearing_detail(admin, hearings[0]).voters if v.seat_key == key)

    for choice in (VoteChoice.EN_CONTRA, VoteChoice.A_FAVOR, VoteChoice.ABSTENCION):
        _edit_by_choice(qtbot, table, row, 4, choice.label)
        assert stored().choice is choice
    assert page.case_tab.detail.tally.abstencion == 1
    _edit_by_typing(qtbot, table, row, 5, "Salva su voto por la urgencia")
    assert stored().dissent == "Salva su voto por la urgencia"
    _edit_by_choice(qtbot, table, row, 4, "—")
    assert stored().choice is None
    assert page.undo_stack.undoText().startswith("Voto de")
    assert {4, 5} >= _editable_columns(table, row)
    assert errors.calls == []


def test_every_measure_cell_is_edited_by_mouse(admin, qtbot, errors):
    page, _ = _cases_page(qtbot, admin)
    form = page.case_tab.decision
    form.ui.measureCombo.setCurrentIndex(1)
    QTest.mouseClick(form.ui.measureAddButton, Qt.MouseButton.LeftButton)
    table = form.ui.measuresTable
    assert form.measures.rowCount() == 1
    _edit_by_typing(qtbot, table, 0, 1, "3")
    _edit_by_choice(qtbot, table, 0, 2, MeasureAction.SUSPENDER.label)
    _edit_by_typing(qtbot, table, 0, 3, "6")
    measure = form.measures.row(0)
    assert measure.quantity == 3 and measure.months == 6
    assert measure.action is MeasureAction.SUSPENDER
    assert form.decision_input().measures[0].action is measure.action  # what registering hands the service
    assert _editable_columns(table, 0) == {1, 2, 3}
    assert errors.calls == []

