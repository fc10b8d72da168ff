"""设置 → 共享数据库: typed in like a person, tested against the real test server, used at the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from dangjian_desktop.db.engine import open_database
from dangjian_desktop.services import server
from dangjian_desktop.services.branches import create_branch, list_branches
from dangjian_desktop.userconfig import UserConfig
from tests.gui.conftest import ScriptedAsker, asker, make_window, start_app, type_text, typist  # noqa: F401


def _local_db(workdir):
    local = open_database(workdir / "本机.db", create=True)
    create_branch(local, "本机第一党支部", "", "")
    return local


def _server_tab(qtbot, window):
    # as a person would: the window has shown its data (until then 正在打开数据库… and the navigation only
    # remembers the row; a window just switched to the server reads 首页's data there first)
    qtbot.waitUntil(lambda: window.ready, timeout=30000)
    nav = window.nav
    row = next(i for i in range(nav.count()) if nav.item(i).text() == "设置")
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.stack.currentWidget()
    tabs = page.findChild(QTabWidget)
    matching = [i for i in range(tabs.count()) if tabs.tabText(i) == "共享数据库"]
    assert len(matching) == 1
    index = matching[0]
    tabs.setCurrentIndex(index)
    return page.server_tab


def _fill(qtbot, tab, port: int, database: str) -> None:
    type_text(qtbot, tab.host_edit, "127.0.0.1")
    tab.port_spin.selectAll()
    type_text(qtbot, tab.port_spin.lineEdit(), str(port))
    tab.database_edit.clear()
    type_text(qtbot, tab.database_edit, database)
    type_text(qtbot, tab.user_edit, "dangjian")
    type_text(qtbot, tab.password_edit, "mima")


def test_test_connection_then_save_and_the_next_start_opens_the_server(qtbot, make_window, workdir, pg_server,
                                                                       start_app):
    name = pg_server.create_database()
    local = _local_db(workdir)
    window = make_window(local)
    tab = _server_tab(qtbot, window)
    _fill(qtbot, tab, pg_server.port, name)
    with qtbot.waitSignal(tab.sig_tested, timeout=15000) as tested:
        qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    assert tested.args[0] is True
    assert "PostgreSQL 15" in tab.result_label.text() and "是空的" in tab.result_label.text()
    tab.use_check.setChecked(True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "下次启动" in tab.result_label.text()
    local.close()

    # the next start: the program opens the server database and builds its tables there
    from dangjian_desktop.gui.app import Controller

    controller = Controller(config=UserConfig(), asker=ScriptedAsker())
    assert start_app(controller) == (True, True)
    qtbot.addWidget(controller.window)
    db = controller.ctx.db
    assert db.path is None and db.url.startswith("postgresql") and "mima" not in db.url
    assert list_branches(db) == []
    assert f"数据库：{db.url}" in controller.window.db_status.text()
    controller.window.close()
    db.close()
    pg_server.drop_database(name)


def test_a_wrong_database_name_is_explained(qtbot, make_window, workdir, pg_server):
    local = _local_db(workdir)
    window = make_window(local)
    tab = _server_tab(qtbot, window)
    _fill(qtbot, tab, pg_server.port, "没有这个库")
    with qtbot.waitSignal(tab.sig_tested, timeout=15000) as tested:
        qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    assert tested.args[0] is False
    assert "没有名为“没有这个库”的数据库" in tab.result_label.text()
    local.close()


def test_an_empty_address_is_refused_before_connecting(qtbot, make_window, workdir):
    local = _local_db(workdir)
    window = make_window(local)
    tab = _server_tab(qtbot, window)
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    assert "请填写数据库服务器的地址" in tab.result_label.text()
    local.close()


def test_when_the_server_is_down_at_start_the_user_may_open_the_local_file(qtbot, workdir, pg_server, start_app):
    local = _local_db(workdir)
    local.close()
    config = UserConfig()
    config.set("last_database", str(workdir / "本机.db"))
    # a port nobody listens on
    server.save(config, server.ServerSettings("127.0.0.1", 1, "dangjian", "dangjian", ""), use=True)
    from dangjian_desktop.gui.app import Controller

    refusing = ScriptedAsker()
    refusing.confirm_answers = [False]
    refused = Controller(config=config, asker=refusing)
    assert start_app(refused) == (True, False) and refused.window is None
    assert "无法连接数据库服务器 127.0.0.1:1" in refusing.messages[0][2]
    refused.instance.release()

    agreeing = ScriptedAsker()
    agreeing.confirm_answers = [True]
    controller = Controller(config=config, asker=agreeing)
    assert start_app(controller) == (True, True)
    qtbot.addWidget(controller.window)
    assert controller.ctx.db.path == workdir / "本机.db"
    controller.window.close()
    controller.ctx.db.close()


def test_saving_the_server_can_switch_to_it_at_once_and_back(qtbot, workdir, pg_server, start_app):
    """No restart needed: 保存 offers to switch now; unticking and saving offers the local file again."""
    from dangjian_desktop.gui.app import Controller

    name = pg_server.create_database()
    local = _local_db(workdir)
    local.close()
    config = UserConfig()
    config.set("last_database", str(workdir / "本机.db"))
    answers = ScriptedAsker()
    controller = Controller(config=config, asker=answers)
    controller.show_reminders = False
    assert start_app(controller, str(workdir / "本机.db")) == (True, True)
    first = controller.window
    qtbot.addWidget(first)
    tab = _server_tab(qtbot, first)
    _fill(qtbot, tab, pg_server.port, name)
    qtbot.mouseClick(tab.use_check, Qt.MouseButton.LeftButton)
    answers.confirm_answers = [True]
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert answers.messages[-1][1] == "切换到共享数据库"
    on_server = controller.window
    qtbot.addWidget(on_server)
    assert on_server is not first and controller.ctx.db.path is None
    assert controller.ctx.db.url.startswith("postgresql") and "mima" not in controller.ctx.db.url
    assert f"数据库：{controller.ctx.db.url}" in on_server.db_status.text()
    create_branch(controller.ctx.db, "服务器上的党支部", "", "")

    tab = _server_tab(qtbot, on_server)
    assert tab.use_check.isChecked() and "服务器数据库" in tab.current_label.text()
    qtbot.mouseClick(tab.use_check, Qt.MouseButton.LeftButton)
    answers.confirm_answers = [True]
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert answers.messages[-1][1] == "切换回本机数据库"
    back = controller.window
    qtbot.addWidget(back)
    assert controller.ctx.db.path == workdir / "本机.db"
    assert [b.name for b in list_branches(controller.ctx.db)] == ["本机第一党支部"]  # nothing copied over
    assert server.startup_target(config) is None
    controller.ctx.lane.wait()
    controller.ctx.db.close()
    controller.instance.release()
    pg_server.drop_database(name)
