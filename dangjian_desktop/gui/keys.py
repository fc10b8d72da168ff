"""The keys every office worker expects: Ctrl+F to the search box, Esc clears it, Enter opens the
selected row, Delete deletes it (the page's own 删除, with its confirmation). One place, every page."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _RowKeys(QObject):
    """Enter and Delete on a table that is not editing a cell; other keys go on as usual."""

    def __init__(self, view: QAbstractItemView, open_row: Callable[[], None] | None,
                 delete_row: Callable[[], None] | None) -> None:
        super().__init__(view)
        self.view, self.open_row, self.delete_row = view, open_row, delete_row
        view.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or self.view.state() == QAbstractItemView.State.EditingState:
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if event.key() in _ENTER and self.open_row is not None and self.view.currentIndex().isValid():
            self.open_row()
            return True
        if event.key() == Qt.Key.Key_Delete and self.delete_row is not None and self.view.currentIndex().isValid():
            self.delete_row()
            return True
        return False


class _ClearOnEsc(QObject):
    """Esc in a search box with text clears it (an empty box lets Esc go on, e.g. to close a dialog)."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        edit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and obj.text():
            obj.clear()
            return True
        return False


def office_keys(owner: QWidget, *, search: QLineEdit | None = None, view: QAbstractItemView | None = None,
                open_row: Callable[[], None] | None = None, delete_row: Callable[[], None] | None = None) -> None:
    """Give `owner` (a page or a dialog) the office keys for its search box and its table.
    Enter is taken here rather than from the view's `activated`, which on most platforms also fires
    on a double click: a row opened by double click would open twice."""
    if search is not None:
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), owner)
        # the whole window (focus may be in the navigation column); a hidden page's shortcut is inactive
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(lambda: (search.setFocus(Qt.FocusReason.ShortcutFocusReason), search.selectAll()))
        owner.find_shortcut = find
        _ClearOnEsc(search)
    if view is not None:
        _RowKeys(view, open_row, delete_row)

