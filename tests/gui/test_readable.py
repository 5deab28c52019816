"""Readable at 1280×800 (#15): nothing critical cut, long names elided with their full text as
tooltip, every column of the vote grid in view, headers that wrap instead of being cut; and the
smaller points: the same measure twice is refused, invitees first in the observation list,
«Instalar/Levantar la sesión», window titles without «comite» twice."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest

from comite.domain import AttendanceStatus, Rights, SessionStatus
from comite.gui.session.models import VOTER_DISSENT
from comite.gui.table_models import HEADER_TEXT_MARGIN
from comite.services import attendance, sessions, views
from tests.gui.test_session_page import _open, _session

# The session page's share of a 1280×800 window (the side bar takes ~190 px, menus and status ~60).
PAGE_WIDTH, PAGE_HEIGHT = 1080, 740


def _page(qtbot, ctx, sid):
    page = _open(qtbot, ctx, sid)
    page.resize(PAGE_WIDTH, PAGE_HEIGHT)
    qtbot.waitUntil(lambda: page.width() == PAGE_WIDTH)
    return page


def _headers_fit(table) -> None:
    """Every header title, wrapped at its column's width, fits in the header's height."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    model = table.model()
    for col in range(model.columnCount()):
        if table.isColumnHidden(col):
            continue
        text = model.headerData(col, Qt.Orientation.Horizontal)
        width = header.sectionSize(col) - HEADER_TEXT_MARGIN
        if metrics.horizontalAdvance(text) <= width:
            continue
        assert header.defaultAlignment() & Qt.TextFlag.TextWordWrap, text
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
        assert needed.height() <= header.height() - 4, f"«{text}» cut: {needed.height()} > {header.height()}"
        assert all(metrics.horizontalAdvance(word) <= width for word in text.split()), text


def test_the_vote_grid_fits_its_pane_and_long_names_have_a_tooltip(admin, qtbot):
    sid, _hearings = _session(admin, "CERREM_POBLACIONAL")
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _page(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    table = page.case_tab.votes.ui.votersTable
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    header = table.horizontalHeader()
    # every column, the salvamento included, is in view without scrolling sideways
    last = VOTER_DISSENT
    assert header.sectionViewportPosition(last) + 40 <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0 or \
        header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width() + 2
    _headers_fit(table)
    # the longest entity name is elided at its end and its cell carries the whole name
    model = table.model()
    widest = max(range(model.rowCount()), key=lambda r: len(model.index(r, 0).data()))
    index = model.index(widest, 0)
    name = index.data()
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    assert index.data(Qt.ItemDataRole.ToolTipRole) == name
    person = model.index(widest, 1)
    assert person.data() == "" or person.data(Qt.ItemDataRole.ToolTipRole) == person.data()


def test_the_session_title_wraps_and_the_radicado_box_is_wide(admin, qtbot):
    sid, _hearings = _session(admin, "CERREM_POBLACIONAL")
    page = _page(qtbot, admin, sid)
    title = page.ui.titleLabel
    assert title.wordWrap() and title.toolTip() == page.header.title
    assert "No." in title.text()
    page.show_tab(page.TAB_AGENDA)
    search = page.agenda_tab.ui.searchEdit
    assert search.width() >= 250
    label = page.agenda_tab.ui.searchLabel
    assert label.fontMetrics().horizontalAdvance(label.text().replace("&", "")) <= label.width()
    _headers_fit(page.agenda_tab.ui.agendaTable)


def test_install_and_adjourn_the_session_are_the_formal_words(admin, qtbot):
    sid, _hearings = _session(admin, "GVP")
    page = _page(qtbot, admin, sid)
    start, close = page.ui.startButton, page.ui.closeButton
    assert start.text() == "&Instalar la sesión"
    QTest.mouseClick(start, Qt.MouseButton.LeftButton)
    assert page.header.status is SessionStatus.EN_CURSO
    assert close.isVisible() and close.text() == "&Levantar la sesión"
    QTest.mouseClick(close, Qt.MouseButton.LeftButton)  # no hour of closing yet: refused in words
    assert page.header.status is SessionStatus.EN_CURSO
    assert "antes de levantar la sesión" in page.ui.messageLabel.text()


def test_the_same_measure_twice_is_refused_in_words(admin, qtbot):
    sid, _hearings = _session(admin, "CERREM_POBLACIONAL")
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    page = _page(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    form = page.case_tab.decision
    form.ui.measureCombo.setCurrentIndex(1)
    QTest.mouseClick(form.ui.measureAddButton, Qt.MouseButton.LeftButton)
    assert form.measures.rowCount() == 1
    QTest.mouseClick(form.ui.measureAddButton, Qt.MouseButton.LeftButton)
    assert form.measures.rowCount() == 1
    assert "ya está en la decisión" in form.ui.decisionMessage.text()
    assert form.ui.measuresTable.currentIndex().row() == 0


def test_the_observation_list_puts_the_invitees_first(admin, qtbot):
    sid, _hearings = _session(admin, "CERREM_POBLACIONAL")
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    for row in views.attendance_rows(admin, sid):
        if row.rights is Rights.SOLO_VOZ and row.condition is None:
            attendance.set_attendance(admin, row.id, status=AttendanceStatus.PRESENTE)
    page = _page(qtbot, admin, sid)
    page.show_tab(page.TAB_CASES)
    combo = page.case_tab.observations.ui.observationSeatCombo
    qtbot.waitUntil(lambda: combo.count() > 0)
    rights = {r.id: r.rights for r in views.attendance_rows(admin, sid)}
    listed = [rights[combo.itemData(i)] for i in range(combo.count())]
    assert Rights.SOLO_VOZ in listed and Rights.VOZ_Y_VOTO in listed
    assert listed == sorted(listed, key=lambda r: r is not Rights.SOLO_VOZ)  # solo voz, then voz y voto
    assert combo.currentIndex() == 0 and listed[0] is Rights.SOLO_VOZ
    assert combo.itemData(0, Qt.ItemDataRole.ToolTipRole).startswith(combo.itemText(0))


def test_counts_agree_with_their_noun(admin, qtbot):
    sid, _hearings = _session(admin, "GVP", n_cases=1)
    page = _page(qtbot, admin, sid)
    page.show_tab(page.TAB_AGENDA)
    text = page.agenda_tab.ui.countLabel.text()
    assert "1 caso," in text and "1 casos" not in text


def test_every_text_cell_carries_its_full_text_as_tooltip(qtbot):
    from dataclasses import dataclass

    from comite.gui.table_models import Column, RowTableModel

    @dataclass(frozen=True)
    class Row:
        id: int
        text: str

    model = RowTableModel((Column("Observación", lambda r: r.text),
                           Column("Con su propia ayuda", lambda r: r.text, tooltip=lambda r: "Otra ayuda")))
    long_text = "En el numeral 5.1 falta decir quién presentó el caso ante el comité " * 3
    model.set_rows([Row(1, long_text), Row(2, "")])
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == long_text  # not cut to «En…»
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Otra ayuda"


def test_the_registry_shows_every_column_of_a_case(admin, qtbot):
    from tests.gui.conftest import open_window
    from tests.gui.test_session_page import _case

    _case(admin, "R-LARGO-1", population_code="ddhh_sociales")
    window = open_window(qtbot, admin)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    window.show_page("registro")
    registry = window.page("registro")
    registry.search("R-LARGO-1")
    table = registry.ui.resultsTable
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    header = table.horizontalHeader()
    last = table.model().columnCount() - 1
    assert table.horizontalScrollBar().maximum() == 0  # nothing off-screen, the status included
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width()
    _headers_fit(table)
    population = table.model().index(0, 2)
    assert population.data(Qt.ItemDataRole.ToolTipRole)


def test_window_titles_do_not_repeat_the_application_name(main_window, database):
    from pathlib import Path

    from comite.gui.login import LoginDialog
    from comite.storage.secrets import MemorySecretStore

    # Qt appends «— comite» (the application's display name) to every title by itself
    assert "comite" not in main_window.windowTitle()
    login = LoginDialog(database, demo=False, store=MemorySecretStore())
    assert login.windowTitle() == "Ingresar"
    login.deleteLater()
    forms = Path(__file__).resolve().parents[2] / "ui"
    titled = [f.name for f in forms.glob("*.ui") if "— comite</string>" in f.read_text(encoding="utf-8")]
    assert not titled, titled
