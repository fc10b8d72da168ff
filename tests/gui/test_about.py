"""帮助 → 关于: version, where the data is, and the licences of what we ship (Qt's LGPL included)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dangjian_desktop import __version__, paths
from dangjian_desktop.gui.app import setup_application
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.main_window import MainWindow
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.userconfig import UserConfig


def _menu_action(window, menu_title: str, action_text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith(menu_title))
    return next(a for a in menu.actions() if a.text().startswith(action_text))


def test_about_shows_version_data_folder_database_and_licences(qtbot, db, asker):
    setup_application(QApplication.instance())  # as the program does: 关闭, not Close
    create_branch(db, "XX社区第一党支部", "中共XX街道工作委员会", "张三")
    window = MainWindow(AppContext(db=db, config=UserConfig(), asker=asker))
    qtbot.addWidget(window)
    window.show()
    _menu_action(window, "帮助", "关于").trigger()
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    form = dialog.form
    assert form.versionLabel.text() == f"版本 {__version__}"
    assert form.dataDirLabel.text() == str(paths.data_dir())
    assert "党支部 资料" in form.dataDirLabel.text()  # the test's data folder, not the user's
    assert str(db.path) in form.databaseLabel.text()
    assert str(db.files_dir) in form.databaseLabel.text()

    names = [form.licenceList.item(i).text() for i in range(form.licenceList.count())]
    assert any(n.startswith("PySide6") for n in names)
    assert any(n.startswith("SQLAlchemy") for n in names)
    # Qt's LGPL is what the dialog opens on
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in form.licenceText.toPlainText()
    # clicking another library shows its licence
    row = next(i for i, n in enumerate(names) if n.startswith("openpyxl"))
    item = form.licenceList.item(row)
    form.licenceList.scrollToItem(item)
    qtbot.mouseClick(form.licenceList.viewport(), Qt.MouseButton.LeftButton,
                     pos=form.licenceList.visualItemRect(item).center())
    assert form.licenceText.toPlainText().startswith("openpyxl")
    assert "MIT" in form.licenceText.toPlainText()

    close = form.buttonBox.button(QDialogButtonBox.StandardButton.Close)
    assert close.text().startswith("关闭")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
