"""At start: one window per database, a damaged file recovered from a backup, the password, the idle lock."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dangjian_desktop.gui.app import Controller
from dangjian_desktop.gui.safety import IdleLock
from dangjian_desktop.services import backup, security
from dangjian_desktop.userconfig import UserConfig
from tests.gui.conftest import wait_idle  # noqa: E402


def _close(qtbot, *controllers):
    for c in controllers:
        if c.window is not None:
            qtbot.addWidget(c.window)
        if c.ctx is not None:
            c.ctx.lane.wait()
            c.ctx.db.close()
        c.instance.release()


def test_a_second_start_on_the_same_database_brings_the_first_window_forward(qtbot, demo_db, asker, start_app):
    path = demo_db.path
    demo_db.close()
    first = Controller(UserConfig(), asker)
    assert start_app(first, str(path)) == (True, True)
    second = Controller(UserConfig(), asker)
    with qtbot.waitSignal(first.instance.sig_raise, timeout=5000):
        assert second.start(str(path)) is False
    assert second.window is None
    _close(qtbot, first, second)


def test_the_automatic_backup_at_start_runs_only_when_the_data_changed(qtbot, demo_db, asker, start_app):
    path = demo_db.path
    db = demo_db
    c = Controller(UserConfig(), asker)
    c.show_reminders = False
    assert start_app(c, str(path)) == (True, True)
    c.ctx.lane.wait()
    qtbot.waitUntil(lambda: len(backup.list_backups(db)) == 1, timeout=5000)
    assert backup.list_backups(db)[0].reason == "启动时"
    _close(qtbot, c)
    again = Controller(UserConfig(), asker)
    again.show_reminders = False
    assert start_app(again, str(path)) == (True, True)
    again.ctx.lane.wait()
    QApplication.processEvents()
    assert len(backup.list_backups(db)) == 1  # nothing changed since
    _close(qtbot, again)


def test_the_backup_at_start_waits_for_the_first_screen_s_data(qtbot, demo_db, asker):
    """The backup at start copies and hashes the whole file (seconds on a 党委's): queued on the database
    lane before 首页's data, it held that data back; now 首页 shows first, then the backup is made."""
    db = demo_db
    c = Controller(UserConfig(), asker)
    c.show_reminders = False
    backups_when_shown = []
    assert c.start(str(db.path))
    window = c.window
    window.sig_ready.connect(lambda: window.pages["home"].sig_loaded.connect(
        lambda: backups_when_shown.append(len(backup.list_backups(db)))))
    qtbot.waitUntil(lambda: len(backup.list_backups(db)) == 1, timeout=20000)
    assert backups_when_shown == [0]
    _close(qtbot, c)


def _damage(demo_db):
    saved = backup.create_backup(demo_db).info
    path = demo_db.path
    demo_db.close()
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 3)
    return path, saved


def test_a_damaged_database_is_kept_and_the_newest_good_backup_offered(qtbot, demo_db, asker, start_app):
    path, saved = _damage(demo_db)
    damaged = path.read_bytes()
    asker.confirm_answers = [True]
    c = Controller(UserConfig(), asker)
    c.show_reminders = False
    assert start_app(c, str(path)) == (True, True)
    kind, title, text = asker.messages[0]
    assert kind == "confirm" and "已损坏" in text and "不会删除" in text
    assert any(k == "info" and "损坏的文件保留为" in t for k, _, t in asker.messages)
    kept = list(path.parent.glob("*.损坏-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert c.window is not None and c.ctx.db.path == path
    _close(qtbot, c)


def test_declining_the_recovery_leaves_the_damaged_file_untouched(qtbot, demo_db, asker, start_app):
    path, _ = _damage(demo_db)
    damaged = path.read_bytes()
    asker.confirm_answers = [False]
    c = Controller(UserConfig(), asker)
    assert start_app(c, str(path)) == (True, False)  # the window frame showed, then closed again
    assert c.window is None
    assert path.read_bytes() == damaged and not list(path.parent.glob("*.损坏-*"))
    _close(qtbot, c)


def test_the_password_is_asked_at_start_and_wrong_ones_are_refused(qtbot, demo_db, asker, typist, start_app,
                                                                   when_modal):
    security.set_password(demo_db, "secret-123")
    path = demo_db.path
    seen = []

    def answer(dialog):
        assert dialog.parent() is None or dialog.parent().ctx is None  # nothing of the data shown yet
        ok = dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.waitUntil(ok.isEnabled)
        typist(dialog.form.passwordEdit, "wrong-pass")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "密码不对" in dialog.form.messageLabel.text())  # checked off the GUI thread
        seen.append(dialog.form.messageLabel.text())
        dialog.form.passwordEdit.clear()
        typist(dialog.form.passwordEdit, "secret-123")
        qtbot.waitUntil(ok.isEnabled)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(answer)
    c = Controller(UserConfig(), asker)
    c.show_reminders = False
    assert start_app(c, str(path)) == (True, True)
    assert seen and "密码不对" in seen[0]
    assert c.window is not None
    _close(qtbot, c)


def test_nothing_of_the_data_is_read_for_the_first_screen_before_the_password(qtbot, demo_db, asker, start_app,
                                                                              when_modal, monkeypatch):
    from dangjian_desktop.services import dashboard

    read = []
    real = dashboard.dashboard
    monkeypatch.setattr(dashboard, "dashboard", lambda *a, **k: read.append(a) or real(*a, **k))
    security.set_password(demo_db, "secret-123")
    seen_at_dialog = []

    def answer(dialog):
        seen_at_dialog.append(len(read))
        dialog.reject()

    when_modal(answer)
    c = Controller(UserConfig(), asker)
    assert start_app(c, str(demo_db.path)) == (True, False)
    wait_idle()
    assert seen_at_dialog == [0] and read == []
    _close(qtbot, c)


def test_giving_up_at_the_password_opens_nothing(qtbot, demo_db, asker, start_app, when_modal):
    security.set_password(demo_db, "secret-123")
    when_modal(lambda dialog: dialog.reject())
    c = Controller(UserConfig(), asker)
    assert start_app(c, str(demo_db.path)) == (True, False)
    assert c.window is None and c.ctx is None
    _close(qtbot, c)


def test_the_window_locks_when_idle_and_unlocks_with_the_password(qtbot, make_window, demo_db, typist):
    security.set_password(demo_db, "secret-123")
    security.set_idle_minutes(demo_db, 1)
    window = make_window(demo_db)
    lock = IdleLock(window, lambda: demo_db, check_ms=60000)
    lock.check()
    assert not lock.locked  # just used
    lock.last_input = time.monotonic() - 61
    with qtbot.waitSignal(lock.sig_locked):
        lock.check()
    assert not window.centralWidget().isVisible() and not window.menuBar().isEnabled()
    typist(lock.dialog.form.passwordEdit, "secret-123")
    qtbot.waitUntil(lock.dialog.ok_button.isEnabled)
    with qtbot.waitSignal(lock.sig_unlocked):
        qtbot.mouseClick(lock.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.centralWidget().isVisible() and not lock.locked


def test_no_lock_without_a_password(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    lock = IdleLock(window, lambda: demo_db, check_ms=60000)
    lock.last_input = time.monotonic() - 24 * 3600
    lock.check()
    wait_idle()
    assert not lock.locked


def test_a_file_that_is_not_a_database_is_named_and_left_alone(qtbot, workdir, asker, start_app):
    path = workdir / "花名册.db"
    path.write_bytes("这是一份 Excel 另存的文字，不是数据库".encode("utf-8") * 100)
    before = path.read_bytes()
    c = Controller(UserConfig(), asker)
    assert start_app(c, str(path)) == (True, False)
    assert asker.messages[-1][0] == "error" and "不是本程序的数据库" in asker.messages[-1][2]
    assert path.read_bytes() == before and c.window is None
    _close(qtbot, c)


def test_damage_done_after_a_clean_close_is_still_found_at_the_next_start(qtbot, demo_db, asker, start_app):
    """A clean close lets the next start skip the quick_check, but only for the very file it left:
    a file truncated since is found damaged and the backup offered, as without the note."""
    saved = backup.create_backup(demo_db).info
    path = demo_db.path
    demo_db.close()
    c = Controller(UserConfig(), asker)
    c.show_reminders = False
    assert start_app(c, str(path)) == (True, True)
    c.shutdown()  # the window closes its database cleanly: the note is left beside it
    _close(qtbot, c)
    assert (path.parent / "演示-文件" / ".正常关闭").exists()
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 3)
    damaged = path.read_bytes()
    asker.confirm_answers = [True]
    again = Controller(UserConfig(), asker)
    again.show_reminders = False
    assert start_app(again, str(path)) == (True, True)
    kind, _, text = asker.messages[0]
    assert kind == "confirm" and "已损坏" in text
    kept = list(path.parent.glob("*.损坏-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert again.ctx.db.path == path and saved.path.exists()
    _close(qtbot, again)
