"""In the window, a full disk or another program's lock is one Chinese sentence saying the change was
not saved; what was typed stays in the dialog, and saving again once the fault is gone works."""

from __future__ import annotations

import shutil

from dangjian_desktop.services import members as ms
from tests.gui.test_window_keeps_records import _add_member, _names, _quit, _start
from tests.safety.cli_process import holder_process
from tests.safety.disks import fill, tiny_disk
from tests.safety.test_disk_faults import HOLD_WRITE


def test_a_full_disk_refuses_the_save_keeps_the_typing_and_the_next_save_works(
        qtbot, demo_db, asker, start_app, when_modal, typist, tmp_path):
    source = demo_db.path
    demo_db.close()
    with tiny_disk(tmp_path / "小盘", 3072) as disk:
        path = disk / "演示.db"
        shutil.copyfile(source, path)
        c = _start(qtbot, start_app, asker, path)
        c.ctx.lane.wait()  # the backup made at start
        filler = fill(disk)

        asker_warn = asker.warn

        def warn(parent, title, text):
            asker_warn(parent, title, text)
            filler.unlink(missing_ok=True)  # the secretary makes room, then clicks OK again

        asker.warn = warn
        status = _add_member(qtbot, c, when_modal, typist, "冯七", 78, refused_first=True)
        kind, title, text = asker.messages[0]
        assert kind == "warn" and title.startswith("无法保存")
        assert "磁盘已满" in text and "这次的修改没有保存，之前保存的数据不受影响" in text
        assert status == "已新增党员 冯七"
        _quit(c)
        assert "冯七" in _names(path)


def test_another_programs_lock_refuses_the_save_in_chinese_and_the_next_save_works(
        qtbot, demo_db, asker, start_app, when_modal, typist):
    path = demo_db.path
    demo_db.close()
    c = _start(qtbot, start_app, asker, path)
    other = holder_process(HOLD_WRITE, path)
    asker_warn = asker.warn

    def warn(parent, title, text):
        asker_warn(parent, title, text)
        other.stdin.close()  # the other program finishes
        other.stdout.readline()
        other.wait(30)

    asker.warn = warn
    status = _add_member(qtbot, c, when_modal, typist, "陈八", 79, refused_first=True)
    text = asker.messages[0][2]
    assert "另一个程序锁定" in text and "这次的修改没有保存" in text and "请稍后再试" in text
    assert status == "已新增党员 陈八"
    assert any(m.name == "陈八" for m in ms.list_members(c.ctx.db))
    _quit(c)
    assert "陈八" in _names(path)


def test_at_start_a_foreign_file_an_empty_file_and_a_database_held_elsewhere_are_each_one_sentence(
        qtbot, asker, start_app, workdir, monkeypatch):
    import sqlite3

    from dangjian_desktop.db import lock as db_lock
    from dangjian_desktop.gui.app import Controller
    from dangjian_desktop.userconfig import UserConfig
    from tests.safety.test_window_lock import WINDOW_IN_A_PROCESS, _new

    foreign = workdir / "别的软件.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE 账目 (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    empty = workdir / "空的.db"
    empty.write_bytes(b"")
    held = _new(workdir / "别的窗口.db")
    other = holder_process(WINDOW_IN_A_PROCESS, held)  # a window of another user or session
    monkeypatch.setattr(db_lock, "WINDOW_WAIT", 0.5)
    try:
        expected = {foreign: "不是党支部工作台的数据库", empty: "是空的（0 字节）",
                    held: "数据库正在被党支部工作台窗口使用，请先关闭窗口"}
        for path, words in expected.items():
            before = path.read_bytes()
            asker.messages.clear()
            c = Controller(UserConfig(), asker)
            assert start_app(c, str(path)) == (True, False)
            assert len(asker.messages) == 1 and asker.messages[0][0] == "error", asker.messages
            assert words in asker.messages[0][2]
            assert path.read_bytes() == before
            c.instance.release()
    finally:
        other.stdin.close()
        other.wait(30)
