"""The common ground of our table models: plain rows from a service, fixed column headers."""

from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class Role:
    """Qt's item data roles by name, as plain ints: comparing ints is what a data() called thousands
    of times per repaint can afford (looking up Qt.ItemDataRole.X on every call is not)."""

    DISPLAY = Qt.ItemDataRole.DisplayRole.value
    EDIT = Qt.ItemDataRole.EditRole.value
    TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
    FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
    BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
    ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
    USER = Qt.ItemDataRole.UserRole.value


class RowsModel(QAbstractTableModel):
    """A table of plain rows (service dataclasses) with `HEADERS`; subclasses give `data()`
    and use `COL_*` constants for the columns."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def load(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


def record_table(parent: QWidget | None, model, *, editable: bool = False, stretch: bool = True) -> QTableView:
    """The table of a page's records, alike on every page: whole rows selected one at a time, alternating
    rows, no row numbers, columns fitted to their contents, the last one taking the rest."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not editable:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(stretch)
    return view
