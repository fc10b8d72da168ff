"""撤销 for deletions: the last ones made in this window, undone newest first (撤销 in the status bar,
Ctrl+Z) until the program closes; see services/undo.py for what is kept."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class UndoStack(QObject):
    """The deletions that can still be undone; pages push, the main window offers and runs 撤销."""

    sig_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list = []  # services.undo.Deleted, oldest first

    def push(self, deleted) -> None:
        self.items.append(deleted)
        self.sig_changed.emit()

    def last(self):
        return self.items[-1] if self.items else None

    def pop(self):
        item = self.items.pop() if self.items else None
        self.sig_changed.emit()
        return item

    def take_all(self) -> list:
        items, self.items = self.items, []
        self.sig_changed.emit()
        return items
