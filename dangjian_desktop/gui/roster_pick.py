"""A name box that offers the branch's roster (支委 first) while still taking any name typed."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyle


def roster_names(db, branch_id: int) -> list[str]:
    """The names on the branch's roll, those with a 党内职务 (the 支委) first, for 主持人/记录人."""
    from dangjian_desktop.services import members as ms

    on_roll = [m for m in ms.list_members(db, branch_id) if m.on_roll]
    return [m.name for m in on_roll if m.party_post] + [m.name for m in on_roll if not m.party_post]


def offer_roster(edit: QLineEdit, names: list[str]) -> QCompleter:
    """Typing shows the matching names (any part of the name); the ▾ at the end lists everyone."""
    completer = QCompleter(QStringListModel(names, edit), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setMaxVisibleItems(12)
    edit.setCompleter(completer)
    arrow = edit.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
    action = edit.addAction(arrow, QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip("从党员名单中选择")

    def show_all() -> None:
        completer.setCompletionPrefix("")
        completer.complete()

    action.triggered.connect(show_all)
    edit.roster_action = action  # for tests: the ▾ a person clicks
    return completer
