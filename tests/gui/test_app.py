"""Starting the program: first run, the main window, navigation, the branch switcher."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from dangjian_desktop import paths
from dangjian_desktop.gui.app import Controller, setup_application
from dangjian_desktop.services.branches import create_branch, list_branches
from dangjian_desktop.userconfig import UserConfig


def test_first_run_creates_the_branch_and_opens_the_window_on_it(qtbot, workdir, asker, typist):
    controller = Controller(UserConfig(), asker)
    assert controller.start() is True
    dialog = controller.first_run
    qtbot.addWidget(dialog)
    ok = dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing typed yet
    typist(dialog.form.branchEdit, "XX社区第一党支部")
    typist(dialog.form.parentEdit, "中共XX街道工作委员会")
    typist(dialog.form.secretaryEdit, "李书记")
    typist(dialog.form.groupsEdit, "第一党小组，第二党小组")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    assert "XX社区第一党支部" in window.windowTitle()
    assert paths.default_database().exists()
    branches = list_branches(controller.ctx.db)
    assert [(b.name, b.secretary, b.groups) for b in branches] == [
        ("XX社区第一党支部", "李书记", ("第一党小组", "第二党小组"))]
    assert not window.branch_combo.isVisible()  # one branch: no switcher
    # the next start opens the same database without asking (once the first program has quit:
    # while it runs, a second start only brings its window forward, see test_safety_at_start.py)
    controller.instance.release()
    again = Controller(UserConfig(), asker)
    assert again.start() is True and again.first_run is None
    qtbot.addWidget(again.window)
    controller.ctx.db.close()
    again.ctx.db.close()


def test_cancelling_first_run_creates_nothing(qtbot, workdir, asker):
    controller = Controller(UserConfig(), asker)
    controller.start()
    qtbot.addWidget(controller.first_run)
    controller.first_run.reject()
    assert controller.window is None
    assert not paths.default_database().exists()


def test_standard_buttons_read_chinese(qtbot):
    setup_application(QApplication.instance())
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Ok).text().startswith("确定")
    assert box.button(QMessageBox.StandardButton.Cancel).text().startswith("取消")


def test_navigation_shows_each_page(qtbot, db, make_window):
    create_branch(db, "测试支部")
    window = make_window(db)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        key = window.nav.item(row).data(Qt.ItemDataRole.UserRole)
        assert window.stack.currentWidget() is window.pages[key]
        assert window.title_label.text() == window.nav.item(row).text()


def test_branch_switcher_appears_with_two_branches_and_switches(qtbot, db, make_window):
    create_branch(db, "第一党支部")
    second = create_branch(db, "第二党支部")
    window = make_window(db)
    assert window.branch_combo.isVisible()
    window.branch_combo.setCurrentIndex(window.branch_combo.findText("第二党支部"))
    assert window.ctx.branch_id == second.id
    assert "第二党支部" in window.windowTitle()


def test_settings_page_shows_the_data_folder_and_saves_a_local_rule(qtbot, db, make_window, asker):
    from dangjian_desktop.gui.pages.settings_page import LocalRulesModel
    from dangjian_desktop.services.settings import rule_overrides

    create_branch(db, "测试支部")
    window = make_window(db)
    page = window.show_page("settings")
    assert str(db.path) in page.db_label.text()
    model = page.rules_model
    row = next(i for i, r in enumerate(model.rows) if (r.rule_id, r.key) == ("MEET-LECTURE-Q", "period"))
    model.setData(model.index(row, LocalRulesModel.COL_VALUE), "m")
    qtbot.mouseClick(page.save_rules_button, Qt.MouseButton.LeftButton)
    assert rule_overrides(db)["MEET-LECTURE-Q.period"] == "M"
    # an impossible value is refused with a message and nothing is saved
    row2 = next(i for i, r in enumerate(model.rows) if (r.rule_id, r.key) == ("MEET-GROUP-M", "due_days"))
    model.setData(model.index(row2, LocalRulesModel.COL_VALUE), "十天")
    qtbot.mouseClick(page.save_rules_button, Qt.MouseButton.LeftButton)
    assert asker.messages[-1][0] == "warn" and "整数" in asker.messages[-1][2]
    assert "MEET-GROUP-M.due_days" not in rule_overrides(db)
