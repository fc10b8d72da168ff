"""A member the window reports as saved is in the file after quitting, whatever happens beside it.

The sequence of issue 13: the window open on a database, its process loses SQLite's POSIX lock
(a file dialog peeked into the database folder; here an open()+close() of the file in this
process, as `gdb -p PID -ex 'call close(open("x.db", 0))'` did), `dangjian check` and
`dangjian members list` run in a terminal, a member is added in the window, the window is
closed: the member must be in the file.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from dangjian_desktop.db.engine import open_database
from dangjian_desktop.db.watch import posix_lock_held
from dangjian_desktop.gui.app import Controller
from dangjian_desktop.gui.ask import Asker
from dangjian_desktop.services import backup
from dangjian_desktop.userconfig import UserConfig
from tests.roster_files import id_for
from tests.safety.cli_process import dangjian

linux = sys.platform.startswith("linux")


def _start(qtbot, start_app, asker, path: Path) -> Controller:
    c = Controller(UserConfig(), asker)
    c.show_reminders = False
    assert start_app(c, str(path)) == (True, True)
    c.ctx.lane.wait()
    qtbot.addWidget(c.window)
    return c


def _quit(c: Controller) -> None:
    c.window.close()
    c.shutdown()
    c.instance.release()


def _names(path: Path) -> list[str]:
    code, out, err = dangjian("--db", path, "members", "list", "--json")
    assert code == 0, err
    return [r["name"] for r in json.loads(out)]


def _add_member(qtbot, c: Controller, when_modal, typist, name: str, seq: int, *, refused_first: bool = False):
    """Click 新增党员, type the member in, click OK (twice if the first save is to be refused, as a
    person would after reading the message). Returns the status bar's text."""
    page = c.window.show_page("members")
    seen = {}

    def fill(dialog) -> None:
        f = dialog.form
        qtbot.waitUntil(lambda: dialog.loaded, timeout=20000)  # the editor reads its data on the worker lane first
        typist(f.nameEdit, name)
        typist(f.idNumberEdit, id_for(date(1985, 3, 4), True, seq=seq))
        typist(f.joinedOnEdit, "2010-07-01")
        ok = f.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        if refused_first:
            qtbot.waitUntil(lambda: f.buttonBox.isEnabled(), timeout=20000)  # the save ran (on the lane), was refused
            seen["open_after_refusal"] = dialog.isVisible()
            seen["name_kept"] = f.nameEdit.text()
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    if refused_first:
        assert seen == {"open_after_refusal": True, "name_kept": name}
    return c.window.statusBar().currentMessage()


def stray_close(path: Path) -> None:
    os.close(os.open(path, os.O_RDONLY))


def test_the_issue_sequence_a_member_saved_in_the_window_is_in_the_file_after_quitting(
        qtbot, demo_db, asker, start_app, when_modal, typist):
    path = demo_db.path
    demo_db.close()
    before = _names(path)
    c = _start(qtbot, start_app, asker, path)
    stray_close(path)
    if linux:
        assert posix_lock_held(path) is False  # what the save dialog did to the window
    for args in (["check"], ["members", "list"]):
        code, _, err = dangjian("--db", path, *args)
        assert code == 0, err
    assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    status = _add_member(qtbot, c, when_modal, typist, "郑义", 71)
    assert status == "已新增党员 郑义"
    code, _, err = dangjian("--db", path, "members", "import", path)  # a writing command meanwhile
    assert code == 3 and err.strip() == "数据库正在被党支部工作台窗口使用，请先关闭窗口"
    _quit(c)
    assert sorted(_names(path)) == sorted(before + ["郑义"])
    assert not asker.messages


def test_a_file_dialog_on_the_database_folder_leaves_sqlites_lock_alone(qtbot, demo_db, asker, start_app):
    if not linux:
        pytest.skip("whether the lock is held is read from /proc/locks (Linux)")
    path = demo_db.path
    demo_db.close()
    c = _start(qtbot, start_app, asker, path)
    assert posix_lock_held(path) is True

    def browse(show) -> bool:
        """Show a dialog on the database folder long enough for it to list the folder and fetch
        every file's icon (on its own thread; the *.docx filter hides the database, the fetching
        does not skip it), then cancel it; True if the window still holds SQLite's lock."""
        result = {}

        def look() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(50, look)
                return

            def done() -> None:
                result["held"] = posix_lock_held(path)
                dialog.reject()

            QTimer.singleShot(2500, done)

        QTimer.singleShot(0, look)
        show()
        return result["held"]

    def plain_qt_dialog() -> None:
        QFileDialog.getSaveFileName(c.window, "保存贺卡", str(path.parent / "贺卡.docx"), "Word 文件 (*.docx)",
                                    options=QFileDialog.Option.DontUseNativeDialog)

    # the control: Qt's own dialog with its usual icons reads dangjian.db and drops the lock
    assert browse(plain_qt_dialog) is False
    c.ctx.db.check_files()  # what the next write does first: reopen, taking the lock again
    assert posix_lock_held(path) is True
    # the program's dialogs (Asker) look at names only
    assert browse(lambda: Asker().save_file(c.window, "保存贺卡", str(path.parent / "贺卡.docx"),
                                            "Word 文件 (*.docx)")) is True
    assert browse(lambda: Asker().open_file(c.window, "打开数据库", str(path.parent), "所有文件 (*)")) is True
    _quit(c)


FOREIGN_CLOSE = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM members'); c.close()"


@pytest.mark.skipif(not linux, reason="a lost POSIX lock is a POSIX matter")
def test_a_wal_deleted_by_another_program_stops_the_write_says_so_and_loses_nothing(
        qtbot, demo_db, asker, start_app, when_modal, typist):
    path = demo_db.path
    demo_db.close()
    before = _names(path)
    c = _start(qtbot, start_app, asker, path)
    assert _add_member(qtbot, c, when_modal, typist, "钱一", 72) == "已新增党员 钱一"
    stray_close(path)
    # another SQLite program (not ours: it ignores our lock) now thinks it is alone: on closing it
    # checkpoints and deletes the window's WAL, as `dangjian` used to
    subprocess.run([sys.executable, "-c", FOREIGN_CLOSE, str(path)], check=True)
    assert not Path(f"{path}-wal").exists()
    status = _add_member(qtbot, c, when_modal, typist, "孙二", 73, refused_first=True)
    kind, title, text = asker.messages[0]
    assert kind == "warn" and title.startswith("无法保存")
    assert "在本窗口之外被删除或替换" in text and "这次的修改没有保存，请再保存一次" in text
    assert "之前保存的数据都在，没有丢失" in text  # the other program had folded the WAL in first
    assert status == "已新增党员 孙二"
    assert not list(path.parent.rglob("*救回*"))
    _quit(c)
    assert sorted(_names(path)) == sorted(before + ["钱一", "孙二"])


def test_a_database_file_replaced_behind_the_window_keeps_the_windows_data_aside(
        qtbot, demo_db, asker, start_app, when_modal, typist):
    path = demo_db.path
    old_copy = path.with_name("旧的.db")
    shutil.copyfile(path, old_copy)
    demo_db.close()
    c = _start(qtbot, start_app, asker, path)
    assert _add_member(qtbot, c, when_modal, typist, "李三", 74) == "已新增党员 李三"
    os.replace(old_copy, path)  # e.g. a sync folder puts back yesterday's file
    status = _add_member(qtbot, c, when_modal, typist, "周四", 75, refused_first=True)
    text = asker.messages[0][2]
    assert "数据库文件在本窗口之外被删除或替换" in text and "另存为" in text
    rescued = list((path.parent / "演示-文件" / "backups").glob("演示-救回-*.db"))
    assert len(rescued) == 1 and f"“{rescued[0]}”" in text
    con = sqlite3.connect(rescued[0])
    try:
        assert con.execute("SELECT count(*) FROM members WHERE name = '李三'").fetchone() == (1,)
    finally:
        con.close()
    assert status == "已新增党员 周四"
    _quit(c)
    names = _names(path)
    assert "周四" in names and "李三" not in names  # 李三 is in the rescued copy, as the message says
    db = open_database(path, access="read")
    try:  # the 数据安全 page lists it among the backups, and can restore from it
        assert [b.path for b in backup.list_backups(db) if b.reason == "救回"] == rescued
    finally:
        db.close()


def test_a_database_file_deleted_behind_the_window_is_made_again_from_what_the_window_has(
        qtbot, demo_db, asker, start_app, when_modal, typist):
    path = demo_db.path
    demo_db.close()
    before = _names(path)
    c = _start(qtbot, start_app, asker, path)
    assert _add_member(qtbot, c, when_modal, typist, "吴五", 76) == "已新增党员 吴五"
    path.unlink()
    status = _add_member(qtbot, c, when_modal, typist, "郑六", 77, refused_first=True)
    assert "程序已用本窗口中的数据重新建立了它" in asker.messages[0][2]
    assert status == "已新增党员 郑六"
    _quit(c)
    assert sorted(_names(path)) == sorted(before + ["吴五", "郑六"])


def test_nothing_in_the_windows_process_opens_the_database_files_but_sqlite(
        qtbot, demo_db, asker, start_app, when_modal, typist, workdir):
    """Python's own opens (open(), os.open(), shutil, zipfile) of dangjian.db, -wal or -shm, seen by an
    audit hook, while the window saves, backs up, exports, lists and restores."""
    from dangjian_desktop.services.exports import ExportRequest, run_export

    path = demo_db.path
    demo_db.close()
    watched = {str(path), f"{path}-wal", f"{path}-shm"}
    seen: list[str] = []
    watching = [False]

    def hook(event: str, args: tuple) -> None:
        if watching[0] and event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            name = os.path.abspath(os.fsdecode(args[0]))
            if name in watched:
                seen.append(name)

    sys.addaudithook(hook)  # hooks stay for the life of the process: this one only looks while asked
    c = _start(qtbot, start_app, asker, path)
    watching[0] = True
    try:
        assert _add_member(qtbot, c, when_modal, typist, "冯八", 81) == "已新增党员 冯八"
        made = backup.create_backup(c.ctx.db, "手动").info.path
        run_export(c.ctx.db, "roster", ExportRequest(1, workdir / "名册.xlsx"))
        backup.export_archive(c.ctx.db, workdir / "全部数据.zip")
        assert backup.newest_good_backup(path) is not None
        backup.restore_open(c.ctx.db, made)
        assert _add_member(qtbot, c, when_modal, typist, "冯九", 82) == "已新增党员 冯九"
    finally:
        watching[0] = False
    _quit(c)
    assert seen == []
    assert {"冯八", "冯九"} <= set(_names(path))
