"""Starting the program: first run, the main window, navigation, the branch switcher."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from dangjian_desktop import paths
from dangjian_desktop.gui.app import Controller, setup_application
from dangjian_desktop.services.branches import create_branch, list_branches
from dangjian_desktop.userconfig import UserConfig


def test_first_run_creates_the_branch_and_opens_the_window_on_it(qtbot, workdir, asker, typist, start_app):
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
    qtbot.waitUntil(lambda: window.ready)  # the branches are read off the GUI thread
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
    assert start_app(again) == (True, True) and again.first_run is None
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


def test_settings_page_shows_the_data_folder_and_saves_a_local_rule(qtbot, db, make_window, asker, settle):
    from dangjian_desktop.gui.pages.settings_page import LocalRulesModel
    from dangjian_desktop.services.settings import rule_overrides

    create_branch(db, "测试支部")
    window = make_window(db)
    page = window.show_page("settings")
    settle()
    assert str(db.path) in page.db_label.text()
    model = page.rules_model
    row = next(i for i, r in enumerate(model.rows) if (r.rule_id, r.key) == ("MEET-LECTURE-Q", "period"))
    model.setData(model.index(row, LocalRulesModel.COL_VALUE), "m")
    qtbot.mouseClick(page.save_rules_button, Qt.MouseButton.LeftButton)
    settle()
    assert rule_overrides(db)["MEET-LECTURE-Q.period"] == "M"
    # an impossible value is refused with a message and nothing is saved
    row2 = next(i for i, r in enumerate(model.rows) if (r.rule_id, r.key) == ("MEET-GROUP-M", "due_days"))
    model.setData(model.index(row2, LocalRulesModel.COL_VALUE), "十天")
    qtbot.mouseClick(page.save_rules_button, Qt.MouseButton.LeftButton)
    settle()
    assert asker.messages[-1][0] == "warn" and "整数" in asker.messages[-1][2]
    assert "MEET-GROUP-M.due_days" not in rule_overrides(db)


FRAME_PROBE = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from dangjian_desktop.gui.app import Controller, setup_application

app = QApplication([sys.argv[0]])
setup_application(app)
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is controller.window and "painted" not in seen:
            seen["painted"] = True
            seen["data_layer_at_paint"] = sorted(m for m in ("sqlalchemy", "alembic", "openpyxl", "docx")
                                                 if m in sys.modules)
            seen["status_at_paint"] = obj.statusBar().currentMessage()
            seen["title_at_paint"] = obj.title_label.text()
        return False

def opened(ok):
    seen["opened"] = ok
    seen["window_title"] = controller.window.windowTitle()
    seen["page"] = type(controller.window.stack.currentWidget()).__name__
    print(json.dumps(seen, ensure_ascii=False))
    app.exit(0)

controller = Controller()
watcher = FirstPaint()
app.installEventFilter(watcher)
controller.sig_opened.connect(opened)
assert controller.start(sys.argv[1])
QTimer.singleShot(60000, lambda: app.exit(3))
sys.exit(app.exec())
"""


def _run_probe(script: str, demo_db, workdir) -> dict:
    """Run `script` in a fresh interpreter on the (closed) demo database: the JSON of its last line."""
    import json
    import subprocess
    import sys

    path = demo_db.path
    demo_db.close()
    probe = workdir / "probe.py"
    probe.write_text(script, encoding="utf-8")
    done = subprocess.run([sys.executable, str(probe), str(path)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_window_is_painted_before_the_data_layer_is_loaded(demo_db, workdir):
    """Frame first (bench/: 冷启动): the window is on screen before SQLAlchemy is imported or the
    file checked, says it is opening, and then shows the branch without another step."""
    seen = _run_probe(FRAME_PROBE, demo_db, workdir)
    assert seen["painted"] and seen["data_layer_at_paint"] == []
    assert seen["status_at_paint"] == "正在打开数据库…" and seen["title_at_paint"] == "首页"
    assert seen["opened"] is True and seen["page"] == "HomePage"
    assert "第一党支部" in seen["window_title"] or "党支部" in seen["window_title"]


def test_a_page_chosen_while_the_database_opens_is_shown_when_it_is_open(qtbot, demo_db, asker, start_app):
    path = demo_db.path
    demo_db.close()
    controller = Controller(UserConfig(), asker)
    controller.show_reminders = False
    outcome = []
    controller.sig_opened.connect(outcome.append)
    assert controller.start(str(path)) is True
    window = controller.window
    qtbot.addWidget(window)
    assert window.ctx is None and not window.action_about.isEnabled()  # the frame: nothing of the data
    members_row = next(r for r in range(window.nav.count())
                       if window.nav.item(r).data(Qt.ItemDataRole.UserRole) == "members")
    rect = window.nav.visualItemRect(window.nav.item(members_row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.title_label.text() == "党员" and not window.pages
    qtbot.waitUntil(lambda: bool(outcome), timeout=20000)
    assert outcome == [True] and window.ctx is controller.ctx
    assert window.stack.currentWidget() is window.pages["members"] and window.action_about.isEnabled()
    from PySide6.QtGui import QKeySequence  # the shortcuts are set once the window has been painted

    assert window.action_open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.action_quit.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    controller.ctx.lane.wait()
    controller.ctx.db.close()
    controller.instance.release()


def test_home_s_data_is_read_as_soon_as_the_database_is_open(qtbot, demo_db, asker, start_app, monkeypatch):
    """首页's data is read on the lane right after the file is opened (gui.app.first_screen), while the
    window attaches the database and builds 首页, which then shows it without asking again."""
    from dangjian_desktop.gui.pages import home_page

    asked = []
    real = home_page.dashboard
    monkeypatch.setattr(home_page, "dashboard", lambda *a, **k: asked.append(a) or real(*a, **k))
    path = demo_db.path
    demo_db.close()
    controller = Controller(UserConfig(), asker)
    controller.show_reminders = False
    assert start_app(controller, str(path)) == (True, True)
    home = controller.window.pages["home"]
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(lambda: home.data is not None, timeout=10000)
    assert asked == [] and home.model.rowCount() == len(home.data.reminders) > 0
    assert "截至" in home.summary_label.text()
    qtbot.mouseClick(home.refresh_button, Qt.MouseButton.LeftButton)  # 刷新 reads again
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)
    controller.ctx.lane.wait()
    controller.ctx.db.close()
    controller.instance.release()


GC_PROBE = r"""
import gc, json, sys
from dangjian_desktop.runtime import tune_garbage_collector
tune_garbage_collector()  # as the program's own process does first
from dangjian_desktop.gui.app import open_at_start
frozen_at_start = gc.get_freeze_count()
db = open_at_start(sys.argv[1])
print(json.dumps({"frozen_at_start": frozen_at_start, "frozen": gc.get_freeze_count(),
                  "collected_later": len(gc.get_objects()),
                  "sqlalchemy": "sqlalchemy.orm" in sys.modules}))
db.close()
"""


def test_what_the_start_lane_loaded_is_left_out_of_later_collections(demo_db, workdir):
    """The data layer the start lane imports (~300,000 objects) is frozen out of the cycle collector
    (runtime.keep_loaded), or the GUI thread's first timed collection passes over all of it just
    before 首页's data is shown (bench: 启动到首页数据出现)."""
    seen = _run_probe(GC_PROBE, demo_db, workdir)
    assert seen["sqlalchemy"]
    assert seen["frozen"] > seen["frozen_at_start"] + 50_000
    assert seen["collected_later"] < 20_000
