"""帮助 → 关于: version, where the data lives, and the licences of everything we ship."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFont, QIcon
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from dangjian_desktop import APP_NAME, __version__, paths
from dangjian_desktop.gui.forms.ui_about import Ui_AboutDialog

if TYPE_CHECKING:  # annotations only: the GUI reaches the data through services
    from dangjian_desktop.db.engine import Database


def licence_index() -> list[dict]:
    """The bundled libraries with version, licence name and licence file (resources/licenses/)."""
    index = paths.resource("licenses", "index.json")
    return json.loads(index.read_text(encoding="utf-8"))


def program_dir() -> Path:
    """Where the program itself is installed (the bundle folder, or the source package)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


class AboutDialog(QDialog):
    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_AboutDialog()
        self.form.setupUi(self)
        f = self.form
        f.iconLabel.setPixmap(QIcon(str(paths.resource("icons", "app.svg"))).pixmap(64, 64))
        title_font = QFont(f.titleLabel.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        f.titleLabel.setFont(title_font)
        f.titleLabel.setText(APP_NAME)
        f.versionLabel.setText(f"版本 {__version__}")
        self.data_dir = paths.data_dir()
        f.dataDirLabel.setText(str(self.data_dir))
        if db is None:
            f.databaseLabel.setText("（未打开数据库）")
        elif db.path is None:
            f.databaseLabel.setText(db.url)
        else:
            f.databaseLabel.setText(f"{db.path}\n附件和备份：{db.files_dir}")
        f.programDirLabel.setText(str(program_dir()))
        f.openDataDirButton.clicked.connect(self.open_data_dir)

        self.licences = licence_index()
        for entry in self.licences:
            item = QListWidgetItem(f"{entry['name']} {entry['version']}")
            item.setToolTip(entry["license"])
            f.licenceList.addItem(item)
        f.licenceList.currentRowChanged.connect(self._show_licence)
        qt = next((i for i, e in enumerate(self.licences) if e["name"].lower().startswith("pyside6")), 0)
        f.licenceList.setCurrentRow(qt)  # Qt's LGPL first: it is the one the licence asks us to show
        # 760×600 where there is room; smaller on a 1366×768 screen at 125–150 % scaling
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(760, int(screen.width() * 0.9)), min(600, int(screen.height() * 0.85)))

    def _show_licence(self, row: int) -> None:
        if row < 0:
            return
        entry = self.licences[row]
        text = paths.resource("licenses", entry["file"]).read_text(encoding="utf-8")
        self.form.licenceText.setPlainText(f"{entry['name']} {entry['version']}\n许可证：{entry['license']}\n\n{text}")

    def open_data_dir(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
