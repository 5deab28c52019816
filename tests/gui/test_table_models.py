"""The frozen-row table base: formatting, sorting, accent-insensitive filtering,
and qtmodeltester on it and on every table the shell shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from comite.domain import RiskLevel, SessionType
from comite.gui import formatting as fmt
from comite.gui.table_models import (
    ID_ROLE,
    RIGHT,
    ROW_ROLE,
    Column,
    FilterProxy,
    RowTableModel,
    attach,
    current_row,
    display,
    select_row,
)


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    day: date
    level: RiskLevel | None
    n: int


ROWS = [
    Row(1, "Población víctima", date(2026, 3, 10), RiskLevel.EXTREMO, 12),
    Row(2, "Sindicalistas", date(2025, 12, 1), None, 3),
    Row(3, "Ñame y Ámbar", date(2026, 1, 5), RiskLevel.ORDINARIO, 100),
]
COLUMNS = (
    Column("Nombre", lambda r: r.name, tooltip=lambda r: f"id {r.id}"),
    Column("Fecha", lambda r: r.day),
    Column("Nivel", lambda r: r.level),
    Column("N", lambda r: r.n),
)


@pytest.fixture
def model(qtbot):
    m = RowTableModel(COLUMNS)
    m.set_rows(ROWS)
    return m


def test_model_passes_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model)
    empty = RowTableModel(COLUMNS)
    qtmodeltester.check(empty)
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("sindical")
    qtmodeltester.check(proxy)


def test_cells_read_in_colombian_spanish(model):
    assert model.data(model.index(0, 1)) == "10/03/2026"
    assert model.data(model.index(0, 2)) == "Extremo"  # the label, not the code
    assert model.data(model.index(1, 2)) == ""
    assert model.data(model.index(2, 3)) == "100"
    assert model.data(model.index(2, 3), Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "id 1"
    assert model.data(model.index(0, 0), ID_ROLE) == 1
    assert model.data(model.index(0, 0), ROW_ROLE) is ROWS[0]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Fecha"
    assert model.data(model.index(9, 0)) is None
    assert display(True) == "Sí" and display(SessionType.EXTRAORDINARIA) == "Extraordinaria"
    assert display(2.5) == "2,5" and display(time(9, 5)) == "09:05"
    assert display(datetime(2026, 11, 23, 14, 5)) == "23/11/2026 14:05"


def test_sorting_uses_raw_values(qtbot, model):
    view = QTableView()
    qtbot.addWidget(view)
    proxy = attach(view, model)
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by date, not by the dd/mm/aaaa text
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(3)] == [2, 3, 1]
    view.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # by number, not text ("100" < "12")
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(3)] == [3, 1, 2]
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # accents ignored: Ñame after Población? no: fold
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(3)] == [3, 1, 2]
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # empty first
    assert proxy.index(0, 0).data(ID_ROLE) == 2


def test_filter_ignores_accents_case_and_word_order(qtbot, model):
    view, edit = QTableView(), QLineEdit()
    qtbot.addWidget(view)
    qtbot.addWidget(edit)
    proxy = attach(view, model, filter_edit=edit)
    qtbot.keyClicks(edit, "POBLACION")
    assert proxy.rowCount() == 1 and current_row(view) is None
    edit.setText("ambar ñame")
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [3]
    edit.setText("2026 extremo")  # any column, every word
    assert proxy.rowCount() == 1
    edit.clear()
    assert proxy.rowCount() == 3
    proxy.set_predicate(lambda r: r.n > 10)
    assert proxy.rowCount() == 2


def test_row_at_and_selection_through_the_proxy(qtbot, model):
    view = QTableView()
    qtbot.addWidget(view)
    proxy = attach(view, model, sort_column=3, order=Qt.SortOrder.DescendingOrder)
    assert model.row_at(proxy.index(0, 0)) == ROWS[2]
    assert model.row_at(model.index(1, 0)) == ROWS[1]
    assert model.row_at(QModelIndex()) is None
    other = QSortFilterProxyModel()
    other.setSourceModel(proxy)  # proxies over proxies map down too
    assert model.row_at(other.index(0, 0)) == ROWS[2]
    select_row(view, model, model.find_id(1))
    assert current_row(view) == ROWS[0]


def test_set_rows_resets_and_refreshes_the_filter_cache(qtbot, model):
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("sindicalistas")
    assert proxy.rowCount() == 1
    model.set_rows([Row(9, "Otros", date(2026, 1, 1), None, 1)])
    assert proxy.rowCount() == 0
    proxy.set_filter_text("otros")
    assert proxy.rowCount() == 1


def test_formatting_helpers():
    d = date(2026, 11, 23)
    assert fmt.short_date(d) == "23/11/2026"
    assert fmt.long_date(d) == "23 de noviembre de 2026"
    assert fmt.long_date(d, weekday=True) == "lunes 23 de noviembre de 2026"
    assert fmt.session_number(3, 2026) == "003/2026"
    assert fmt.percent(72.5) == "72,5 %" and fmt.percent(None) == ""
    assert fmt.plural(1, "sesión", "sesiones") == "1 sesión" and fmt.plural(2, "caso") == "2 casos"
    assert fmt.days_phrase(0) == "hoy" and fmt.days_phrase(1) == "en 1 día" and fmt.days_phrase(-3) == "hace 3 días"
    assert fmt.timestamp(datetime(2026, 11, 23, 19, 5, tzinfo=UTC)).startswith("23/11/2026")


def test_every_table_of_the_shell_passes_qtmodeltester(qtmodeltester, main_window, admin):
    """The sessions, dashboard, registry, users and audit tables, filled."""
    from tests.gui.test_dashboard import fill_dashboard

    case_id = fill_dashboard(admin)
    main_window.reload_sessions()
    main_window.dashboard_page.refresh()
    main_window.open_case(case_id)
    main_window.show_page("usuarios")
    main_window.show_page("auditoria")
    registry = main_window.registry_page
    models = [
        main_window.sessions_model, main_window.sessions_proxy,
        main_window.dashboard_page.gvp_model, main_window.dashboard_page.measures_model,
        main_window.dashboard_page.commitments_model, main_window.dashboard_page.actas_model,
        registry.results_model, registry.history_model, registry.measures_model,
        main_window.users_page.model, main_window.audit_page.model,
    ]
    for m in models:
        assert m.rowCount() > 0, m
        qtmodeltester.check(m)


def test_new_rows_are_sorted_by_their_own_keys(qtbot):
    """Sort keys are kept per set of rows: replacing the rows sorts the new ones, not the old keys."""
    view = QTableView()
    qtbot.addWidget(view)
    model = RowTableModel((Column("Nombre", lambda r: r[0]), Column("N", lambda r: r[1])))
    proxy = attach(view, model, sort_column=1, order=Qt.SortOrder.AscendingOrder)
    model.set_rows([("b", 2), ("a", 1), ("c", 3)])
    assert [proxy.index(i, 0).data() for i in range(3)] == ["a", "b", "c"]
    model.set_rows([("x", 9), ("y", 1), ("z", 5), ("w", 0)])
    assert [proxy.index(i, 0).data() for i in range(4)] == ["w", "y", "z", "x"]
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(i, 0).data() for i in range(4)] == ["z", "y", "x", "w"]
