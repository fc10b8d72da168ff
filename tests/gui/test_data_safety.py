"""设置 → 数据安全 through the mouse: back up, restore, export all, import all elsewhere, password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from dangjian_desktop.db import models as m
from dangjian_desktop.services import backup, security
from tests.gui.conftest import wait_idle


def _safety_tab(window):
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.safety_tab)
    wait_idle()
    return page.safety_tab


def _first_member(db):
    with db.session() as s:
        member = s.scalars(select(m.Member).order_by(m.Member.id)).first()
        return member.id, member.name


def _rename(db, member_id, name):
    with db.transaction() as s:
        s.get(m.Member, member_id).name = name


def _count(db, model=m.Member):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_backup_now_then_restore_brings_the_data_back(qtbot, make_window, demo_db, asker):
    window = make_window(demo_db)
    tab = _safety_tab(window)
    assert tab.model.rowCount() == 0
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    assert "备份时间" == tab.model.headerData(0, Qt.Orientation.Horizontal)
    assert tab.model.index(0, tab.model.COL_CONTENT).data() == "数据库和附件"
    member_id, name = _first_member(window.ctx.db)
    _rename(window.ctx.db, member_id, "误改的名字")

    rect = tab.view.visualRect(tab.model.index(0, 0))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    asker.confirm_answers = [True]
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(k == "info" and "已恢复" in t for k, _, t in asker.messages), timeout=15000)
    wait_idle()
    assert _first_member(window.ctx.db) == (member_id, name)
    # the state before the restore was kept as a backup, listed on the page
    assert tab.model.rowCount() == 2
    assert {b.reason for b in backup.list_backups(window.ctx.db)} == {"手动", "恢复前"}


def test_restore_asks_first_and_does_nothing_when_declined(qtbot, make_window, demo_db, asker):
    window = make_window(demo_db)
    tab = _safety_tab(window)
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    member_id, _ = _first_member(window.ctx.db)
    _rename(window.ctx.db, member_id, "保留这个修改")
    tab.view.selectRow(0)
    asker.confirm_answers = [False]
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert asker.messages[-1][0] == "confirm"
    window.ctx.lane.wait()
    assert _first_member(window.ctx.db)[1] == "保留这个修改"


def test_export_all_then_import_all_into_another_database(qtbot, make_window, demo_db, db, workdir, asker):
    source_window = make_window(demo_db)
    tab = _safety_tab(source_window)
    out = workdir / "U盘" / "全部数据.zip"
    out.parent.mkdir()
    asker.file_answers = [str(out)]
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(k == "info" and "已校验完整" in t for k, _, t in asker.messages), timeout=15000)
    assert out.exists()

    new_window = make_window(db)  # the new PC: a fresh, empty database
    assert _count(new_window.ctx.db) == 0
    new_tab = _safety_tab(new_window)
    asker.file_answers = [str(out)]
    asker.confirm_answers = [True]
    qtbot.mouseClick(new_tab.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(k == "info" and "已导入全部数据" in t for k, _, t in asker.messages), timeout=15000)
    assert _count(new_window.ctx.db) == _count(demo_db) > 30
    assert _count(new_window.ctx.db, m.Meeting) == _count(demo_db, m.Meeting)
    assert new_window.ctx.db.path == db.path


def test_a_broken_archive_is_refused_with_a_message(qtbot, make_window, demo_db, workdir, asker):
    window = make_window(demo_db)
    tab = _safety_tab(window)
    bad = workdir / "坏的.zip"
    bad.write_bytes(b"PK\x03\x04broken")
    before = _count(window.ctx.db)
    asker.file_answers = [str(bad)]
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert asker.messages[-1][0] == "error" and "坏的.zip" in asker.messages[-1][2]
    assert _count(window.ctx.db) == before


def test_mirror_folder_is_chosen_and_shown(qtbot, make_window, demo_db, workdir, asker):
    window = make_window(demo_db)
    tab = _safety_tab(window)
    usb = workdir / "U盘"
    usb.mkdir()
    asker.file_answers = [str(usb)]
    qtbot.mouseClick(tab.mirror_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert str(usb) in tab.mirror_label.text() and tab.mirror_off_button.isEnabled()
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    assert list(usb.rglob("备份-*.zip"))
    qtbot.mouseClick(tab.mirror_off_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "未设置" in tab.mirror_label.text()


def test_setting_a_password_by_typing_it(qtbot, make_window, demo_db, typist):
    window = make_window(demo_db)
    tab = _safety_tab(window)
    assert tab.password_label.text() == "未设置密码"
    qtbot.mouseClick(tab.password_button, Qt.MouseButton.LeftButton)
    dialog = tab.password_dialog
    assert "不加密数据库文件" in dialog.form.noteLabel.text()
    typist(dialog.form.newEdit, "支部密码123")
    typist(dialog.form.repeatEdit, "支部密码12")
    ok = dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "不一样" in dialog.form.messageLabel.text() and not security.has_password(window.ctx.db)
    qtbot.keyClicks(dialog.form.repeatEdit, "3")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle()
    assert security.has_password(window.ctx.db)
    assert security.check_password(window.ctx.db, "支部密码123").ok
    assert tab.password_label.text() == "已设置密码"


def test_restore_works_after_every_page_was_opened_and_they_show_the_restored_data(qtbot, make_window, demo_db,
                                                                                    asker):
    """Pages hold models over the database; a restore must still get the file to itself."""
    window = make_window(demo_db)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        qtbot.wait(20)
    tab = _safety_tab(window)
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    member_id, name = _first_member(window.ctx.db)
    _rename(window.ctx.db, member_id, "误改")
    tab.view.selectRow(0)
    asker.confirm_answers = [True]
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(k in ("info", "error") for k, _, _t in asker.messages), timeout=15000)
    wait_idle()
    assert [k for k, _, _t in asker.messages] == ["confirm", "info"], asker.messages
    assert _first_member(window.ctx.db) == (member_id, name)
    for row in range(window.nav.count()):  # every page works on the restored database
        window.nav.setCurrentRow(row)
        wait_idle()
    assert [k for k, _, _t in asker.messages] == ["confirm", "info"], asker.messages
