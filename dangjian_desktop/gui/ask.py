"""Every question the program asks the user goes through here, so tests can answer it.

File dialogs never open the files they list. Qt's own dialog asks the MIME database for each
file's icon and type, which reads the first bytes of a file whose name says nothing (`dangjian.db`,
`dangjian.db-wal`): one open() and close() of the database in this process, and on Linux that
close drops every POSIX lock SQLite holds on it (db.lock). So outside Windows the dialog is Qt's
own, with an icon provider that looks at names only; a native dialog (GTK's, in this process)
would do what it likes. On Windows locks belong to handles, and the native dialog stays.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QDialog, QFileDialog, QFileIconProvider, QMessageBox, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and types from a file's name and kind alone: it never opens the file."""

    def icon(self, what):  # noqa: D401 - Qt API (overloaded: an IconType or a QFileInfo)
        if isinstance(what, QFileInfo):
            kind = QAbstractFileIconProvider.IconType.Folder if what.isDir() else QAbstractFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "文件夹"
        return f"{info.suffix()} 文件" if info.suffix() else "文件"


_provider: NameOnlyIconProvider | None = None


def file_dialog(parent: QWidget | None, title: str, folder: str, filters: str) -> QFileDialog:
    """A file dialog that cannot disturb the open database (see the module's docstring)."""
    global _provider
    start = Path(folder) if folder else None
    dialog = QFileDialog(parent, title)
    if start is not None and not start.is_dir() and start.name:
        dialog.setDirectory(str(start.parent))
        dialog.selectFile(start.name)
    elif start is not None:
        dialog.setDirectory(str(start))
    if filters:
        dialog.setNameFilter(filters)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if _provider is None:
            _provider = NameOnlyIconProvider()
        dialog.setIconProvider(_provider)  # (its labels are Chinese by resources/i18n, see gui.app)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return list(dialog.selectedFiles()) if dialog.exec() == QDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


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
        dialog = file_dialog(parent, title, folder, filters)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        found = _run(dialog)
        return found[0] if found else None

    def open_files(self, parent: QWidget | None, title: str, folder: str, filters: str) -> list[str]:
        dialog = file_dialog(parent, title, folder, filters)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        return _run(dialog)

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        dialog = file_dialog(parent, title, suggested, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        found = _run(dialog)
        return found[0] if found else None

    def folder(self, parent: QWidget | None, title: str, folder: str) -> str | None:
        dialog = file_dialog(parent, title, folder, "")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        found = _run(dialog)
        return found[0] if found else None
