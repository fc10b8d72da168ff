"""Every question the program asks the user goes through here, so tests can answer it."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Asker:
    """Message boxes and file dialogs. Tests replace it with a scripted `Asker` subclass."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str, *, danger: bool = False) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setDefaultButton(QMessageBox.StandardButton.No if danger else QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def choose(self, parent: QWidget | None, title: str, text: str, choices: list[str], default: int = 0) -> int | None:
        """One of several answers, as buttons (plus 取消); the index chosen, None if cancelled."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(buttons[default])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def text(self, parent: QWidget | None, title: str, label: str, default: str = "") -> str | None:
        from PySide6.QtWidgets import QInputDialog

        value, ok = QInputDialog.getText(parent, title, label, text=default)
        return value if ok else None

    def open_file(self, parent: QWidget | None, title: str, folder: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return path or None

    def open_files(self, parent: QWidget | None, title: str, folder: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, filters)
        return list(paths)

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def folder(self, parent: QWidget | None, title: str, folder: str) -> str | None:
        path = QFileDialog.getExistingDirectory(parent, title, folder)
        return path or None
