"""Cell editors: a combo of choices, an hour typed ``hh:mm``, a whole number, a line of text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from comite.gui.session.common import hour_text, parse_hour, setup_hour_edit

EDIT = Qt.ItemDataRole.EditRole


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box over ``(value, label)`` pairs; the model receives the value."""

    def __init__(self, choices: Sequence[tuple[Any, str]], parent=None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.choices:
            combo.addItem(label, value)
        combo.activated.connect(lambda _=0, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(EDIT)
        for i, (choice, _label) in enumerate(self.choices):
            if choice == value:
                editor.setCurrentIndex(i)
                return

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        i = editor.currentIndex()
        if 0 <= i < len(self.choices):
            model.setData(index, self.choices[i][0], EDIT)


class HourDelegate(QStyledItemDelegate):
    """An hour ``hh:mm`` (24 h); an empty cell clears it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        edit = QLineEdit(parent)
        setup_hour_edit(edit)
        edit.setPlaceholderText("hh:mm")
        return edit

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        editor.setText(hour_text(index.data(EDIT)))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        try:
            value = parse_hour(editor.text())
        except ValueError:
            return
        model.setData(index, value, EDIT)


class NumberDelegate(QStyledItemDelegate):
    """A whole number in a range; ``0`` with ``allow_empty`` means none."""

    def __init__(self, minimum: int, maximum: int, *, allow_empty: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.minimum, self.maximum, self.allow_empty = minimum, maximum, allow_empty

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0 if self.allow_empty else self.minimum, self.maximum)
        if self.allow_empty:
            spin.setSpecialValueText("—")
        return spin

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(EDIT)
        editor.setValue(int(value) if value else 0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        value = editor.value()
        model.setData(index, None if (self.allow_empty and value == 0) else value, EDIT)


class TextDelegate(QStyledItemDelegate):
    """A line of text of at most ``max_length`` characters (what the column stores)."""

    def __init__(self, max_length: int, parent=None) -> None:
        super().__init__(parent)
        self.max_length = max_length

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        edit = QLineEdit(parent)
        edit.setMaxLength(self.max_length)
        return edit

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        editor.setText(str(index.data(EDIT) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        model.setData(index, editor.text(), EDIT)
