"""A small base for the data tables: frozen rows, declared columns, sorting and
accent-insensitive filtering.

A table is a :class:`RowTableModel` holding frozen values the services return
(dataclasses with an ``id``), never ORM objects. Columns are declared once::

    COLUMNS = (
        Column("Número", lambda r: session_number(r.number, r.year), sort_key=lambda r: (r.year, r.number)),
        Column("Fecha", lambda r: r.day),                      # dates, times, enums format themselves
        Column("Casos", lambda r: r.cases, align=RIGHT),
    )
    model = RowTableModel(COLUMNS, parent=self)
    proxy = attach(self.ui.table, model, filter_edit=self.ui.filter)
    model.set_rows(sessions.list_sessions(ctx))
    row = model.row_at(self.ui.table.currentIndex())         # proxy or source index

Values are displayed as Spanish text (dates ``dd/mm/aaaa``, enums by their
``label``, booleans Sí/No); sorting uses the raw value (or ``sort_key``), so
dates sort as dates and numbers as numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyleOptionViewItem,
    QTableView,
)

from comite.gui import formatting as fmt
from comite.text import fold

R = TypeVar("R")
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY, _ALIGN, _TOOLTIP, _DECORATION, _FOREGROUND = (
    int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole,
                      Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole))

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header and how to read a row.

    Args:
        header: the header text (Spanish).
        getter: the cell's value; ``str`` is shown as is, dates/times/enums/
            booleans/numbers are formatted for Colombia.
        align: text alignment (numbers are right-aligned unless told).
        tooltip: a tooltip per row.
        decoration: an icon or colour per row (Qt ``DecorationRole``).
        foreground: a text colour per row (e.g. overdue items in red).
        sort_key: what sorting compares (default: the raw value).
        header_tooltip: a tooltip on the header.
    """

    header: str
    getter: Callable[[R], Any]
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[R], str | None] | None = None
    decoration: Callable[[R], Any] | None = None
    foreground: Callable[[R], Any] | None = None
    sort_key: Callable[[R], Any] | None = None
    header_tooltip: str | None = None


def display(value: Any) -> str:
    """A value as a cell shows it."""
    if value is None:
        return ""
    if isinstance(value, Enum):  # before str: the domain's enums are StrEnums
        return str(getattr(value, "label", value.value))
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return fmt.yes_no(value)
    if isinstance(value, datetime):
        return fmt.timestamp(value)
    if isinstance(value, date):
        return fmt.short_date(value)
    if isinstance(value, time):
        return fmt.hour(value)
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)


def _natural_align(value: Any) -> Qt.AlignmentFlag:
    """Numbers to the right, everything else to the left."""
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    return RIGHT if numeric else LEFT


def _sortable(value: Any) -> tuple:
    """A key that orders any cell value, empty cells first, text without accents."""
    if value is None or value == "":
        return (0,)
    if isinstance(value, Enum):
        value = str(getattr(value, "label", value.value))
    if isinstance(value, str):
        return (1, fold(value))
    if isinstance(value, tuple):
        return (1, tuple(_sortable(v) for v in value))
    return (1, value)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of frozen rows (see the module docstring)."""

    def __init__(self, columns: Sequence[Column[R]], parent=None) -> None:
        super().__init__(parent)
        self.columns: tuple[Column[R], ...] = tuple(columns)
        self._rows: list[R] = []
        self._haystack: dict[int, str] = {}
        self._keys: dict[int, list[tuple]] = {}  # per column, each row's sort key (see sort_key)
        self._roles = tuple(self.role_handlers(c) for c in self.columns)

    def role_handlers(self, col: Column[R]) -> dict[int, Callable[[R], Any]]:
        """What each role of a cell of ``col`` shows, as a function of the row.

        A view asks ``data()`` for seven roles of every cell it paints, so the
        answer is one dictionary look-up instead of a chain of role tests.
        Subclasses add roles (editable columns add the edit value, background, font)."""
        getter = col.getter
        roles: dict[int, Callable[[R], Any]] = {
            _DISPLAY: lambda r: display(getter(r)),
            _ALIGN: (lambda _r, a=col.align: a) if col.align is not None else lambda r: _natural_align(getter(r)),
            int(ID_ROLE): lambda r: getattr(r, "id", None),
            int(ROW_ROLE): lambda r: r,
        }
        for role, fn in ((_TOOLTIP, col.tooltip), (_DECORATION, col.decoration), (_FOREGROUND, col.foreground)):
            if fn is not None:
                roles[role] = fn
        if col.tooltip is None:  # a cell too narrow for its text is elided: the tooltip shows all of it
            roles[_TOOLTIP] = lambda r: display(getter(r)) or None
        return roles

    # --- content ----------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[R]) -> None:
        """Replace every row (views keep their sort and filter)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._haystack = {}
        self._keys = {}
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row(self, number: int) -> R:
        return self._rows[number]

    def row_at(self, index: Index) -> R | None:
        """The row behind ``index``, which may come from a proxy over this model."""
        index = source_index(index, self)
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def find(self, predicate: Callable[[R], bool]) -> int | None:
        """Row number of the first row matching ``predicate``."""
        return next((i for i, r in enumerate(self._rows) if predicate(r)), None)

    def find_id(self, row_id: Any) -> int | None:
        return self.find(lambda r: getattr(r, "id", None) == row_id)

    def search_text(self, number: int) -> str:
        """Every cell of a row, folded (lower case, no accents), for filtering."""
        text = self._haystack.get(number)
        if text is None:
            row = self._rows[number]
            text = fold(" ".join(display(c.getter(row)) for c in self.columns))
            self._haystack[number] = text
        return text

    def sort_key(self, number: int, column: int) -> tuple:
        """Row ``number``'s key in ``column``; the column's keys are computed once per set of rows
        (sorting 500 rows compares ~8,000 pairs: the start page's lists spent ~0.1 s recomputing them)."""
        keys = self._keys.get(column)
        if keys is None:
            col = self.columns[column]
            get = col.sort_key or col.getter
            keys = self._keys[column] = [_sortable(get(row)) for row in self._rows]
        return keys[number]

    # --- Qt model interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        number, column = index.row(), index.column()  # an invalid index has row -1
        if not (0 <= number < len(self._rows) and 0 <= column < len(self._roles)):
            return None
        handler = self._roles[column].get(role)
        return None if handler is None else handler(self._rows[number])

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].header_tooltip
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def source_index(index: Index, model: QAbstractItemModel) -> QModelIndex:
    """Map ``index`` through any proxies down to ``model``."""
    index = QModelIndex(index) if isinstance(index, QPersistentModelIndex) else index
    while index.isValid() and index.model() is not model:
        proxy = index.model()
        if not isinstance(proxy, QAbstractProxyModel):
            return QModelIndex()
        index = proxy.mapToSource(index)
    return index


class FilterProxy(QSortFilterProxyModel):
    """Sorts by the rows' raw values and filters on every word typed, ignoring
    case and accents (``poblacion`` finds «Población»). An extra ``predicate``
    can narrow rows further (e.g. a status filter)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._predicate: Callable[[Any], bool] | None = None

    def _source(self) -> RowTableModel:
        return self.sourceModel()  # type: ignore[return-value]  # it only ever wraps one

    def _refilter(self, change: Callable[[], None]) -> None:
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:  # Qt >= 6.10
            begin()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateRowsFilter()

    def set_filter_text(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self._refilter(lambda: setattr(self, "_words", words))

    def filter_text_words(self) -> tuple[str, ...]:
        return self._words

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._refilter(lambda: setattr(self, "_predicate", predicate))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self._source()
        if source_parent.isValid() or not isinstance(source, RowTableModel):
            return True
        if self._predicate is not None and not self._predicate(source.row(source_row)):
            return False
        if not self._words:
            return True
        hay = source.search_text(source_row)
        return all(w in hay for w in self._words)

    def lessThan(self, left: Index, right: Index) -> bool:
        source = self._source()
        if not isinstance(source, RowTableModel):
            return super().lessThan(left, right)
        return source.sort_key(left.row(), left.column()) < source.sort_key(right.row(), right.column())


def attach(view: QTableView, model: RowTableModel, *, filter_edit: QLineEdit | None = None,
           sort_column: int | None = None, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
           stretch_column: int | None = None) -> FilterProxy:
    """Show ``model`` in ``view`` through a :class:`FilterProxy`, read-only, row
    selection, sortable by clicking headers; ``filter_edit`` filters as one types."""
    proxy = FilterProxy(view)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)  # a name keeps its beginning; the tooltip has the rest
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(36)
    header.setSectionsMovable(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if stretch_column is None:
        header.setStretchLastSection(True)
    else:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    view.setSortingEnabled(True)
    if sort_column is not None:
        view.sortByColumn(sort_column, order)
    else:
        proxy.sort(-1)
    if filter_edit is not None:
        filter_edit.textChanged.connect(proxy.set_filter_text)
        filter_edit.setClearButtonEnabled(True)
    return proxy


FIT_CANDIDATES = 3
"""Rows whose text is widest (by font metrics) that :func:`fit_columns` measures per column."""


def fit_columns(view: QTableView, *, max_width: int = 360, padding: int = 18) -> None:
    """Size columns to their content and header (capped), leaving the stretched column alone.

    Asking the view for ``sizeHintForColumn`` paints every cell in a dry run (one
    Python ``data()`` call per role and cell), which made a 150-case session slow to
    open. Over a :class:`RowTableModel` the widest texts are found from the rows
    themselves with the font metrics, and only those few cells go through the
    delegate (which adds bold, badges and margins)."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    if model is None:
        return
    last = model.columnCount() - 1
    for col in range(model.columnCount()):
        if header.sectionResizeMode(col) == QHeaderView.ResizeMode.Stretch:
            continue
        if col == last and header.stretchLastSection():
            continue
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        wanted = max(_content_width(view, col), metrics.horizontalAdvance(title) + padding + 14)
        header.resizeSection(col, min(max_width, wanted + 6))


def fit_to_viewport(view: QTableView, shrinkable: Sequence[int], *, minimum: int = 90,
                    width: int | None = None) -> None:
    """Narrow the ``shrinkable`` columns (in that order, each down to ``minimum``) until every column
    fits in the viewport, so none is left off-screen at 1280×800; their cells elide with a tooltip.
    The stretched column (if any) counts with ``minimum``. Headers then wrap (:func:`wrap_headers`).
    ``width`` is the view's width when it is being resized (its viewport is not yet)."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    if width is None:
        room = view.viewport().width()
    else:
        bar = view.verticalScrollBar()
        room = width - 2 * view.frameWidth() - (bar.sizeHint().width() if bar.isVisible() else 0)
    widths = {}
    for col in range(model.columnCount()):
        if view.isColumnHidden(col):
            continue
        if header.sectionResizeMode(col) == QHeaderView.ResizeMode.Stretch:
            widths[col] = minimum
        elif col == model.columnCount() - 1 and header.stretchLastSection():
            widths[col] = max(minimum, header.defaultSectionSize())  # Qt keeps the last one at least this wide
        else:
            widths[col] = header.sectionSize(col)
    excess = sum(widths.values()) - room
    for col in shrinkable:
        if excess <= 0:
            break
        if col in widths and widths[col] > minimum:
            cut = min(excess, widths[col] - minimum)
            header.resizeSection(col, widths[col] - cut)
            excess -= cut
    wrap_headers(view)


def wrap_headers(view: QTableView) -> None:
    """Let a header title longer than its column wrap onto more lines (the header grows to show them)."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    metrics = header.fontMetrics()
    wrap = int(Qt.TextFlag.TextWordWrap)
    lines = 1
    for col in range(model.columnCount()):
        text = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        width = header.sectionSize(col) - HEADER_TEXT_MARGIN
        if text and metrics.horizontalAdvance(text) > width:
            height = metrics.boundingRect(QRect(0, 0, max(width, 1), 10_000), wrap, text).height()
            lines = max(lines, -(-height // metrics.lineSpacing()))
    header.setDefaultAlignment(header.defaultAlignment() | Qt.TextFlag.TextWordWrap)
    height = lines * metrics.lineSpacing() + 8 if lines > 1 else 0
    if header.minimumHeight() != height:
        header.setMinimumHeight(height)
        view.updateGeometries()  # the view lays its header out again at the new height


HEADER_TEXT_MARGIN = 12
"""Room a header section keeps beside its title (the style's margins)."""


class ViewportFit(QObject):
    """Keeps a table's columns fitted to their content and, when that is wider than the view, to the
    view (:func:`fit_to_viewport`), again whenever the view is resized."""

    def __init__(self, view: QTableView, shrinkable: Sequence[int], *, max_width: int = 360, minimum: int = 90,
                 after: Callable[[], None] | None = None) -> None:
        super().__init__(view)
        self.view, self.shrinkable, self.max_width, self.after = view, tuple(shrinkable), max_width, after
        self.minimum = minimum
        view.installEventFilter(self)
        # a stretched column takes its width after the layout: its title wraps then
        view.horizontalHeader().sectionResized.connect(lambda *_args: wrap_headers(view))

    def refit(self, width: int | None = None) -> None:
        fit_columns(self.view, max_width=self.max_width)
        if self.after is not None:
            self.after()
        fit_to_viewport(self.view, self.shrinkable, minimum=self.minimum, width=width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and isinstance(event, QResizeEvent):
            self.refit(event.size().width())
        return False


def _content_width(view: QTableView, column: int) -> int:
    """The width the widest cells of ``column`` ask for."""
    model = view.model()
    source = model.sourceModel() if isinstance(model, QAbstractProxyModel) else model
    if not isinstance(source, RowTableModel) or source.rowCount() == 0:
        return view.sizeHintForColumn(column)
    metrics = view.fontMetrics()
    widest: dict[str, tuple[int, int]] = {}  # text -> (width, first row showing it)
    getter = source.columns[column].getter
    for number in range(source.rowCount()):
        text = display(getter(source.row(number)))
        if text not in widest:
            widest[text] = (metrics.horizontalAdvance(text), number)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    grid = 1 if view.showGrid() else 0
    hint = 0
    for _width, number in sorted(widest.values(), reverse=True)[:FIT_CANDIDATES]:
        index = source.index(number, column)
        hint = max(hint, view.itemDelegateForIndex(index).sizeHint(option, index).width() + grid)
    return hint


def current_row(view: QTableView) -> Any:
    """The row object under the view's current index (through its proxy), or ``None``."""
    index = view.currentIndex()
    if not index.isValid():
        return None
    return index.data(ROW_ROLE)


def select_row(view: QTableView, model: RowTableModel, number: int | None) -> None:
    """Make source row ``number`` current and visible in ``view``."""
    if number is None:
        return
    index = model.index(number, 0)
    proxy = view.model()
    if isinstance(proxy, QAbstractProxyModel):
        index = proxy.mapFromSource(index)
    if index.isValid():
        view.setCurrentIndex(index)
        view.selectRow(index.row())
        view.scrollTo(index)
