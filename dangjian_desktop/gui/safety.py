"""Keeping data safe while the program runs: password dialogs, the idle lock, automatic backups."""

from __future__ import annotations

import logging
import math
import time
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMainWindow, QWidget

from dangjian_desktop.errors import DomainError
from dangjian_desktop.gui.ask import Asker
from dangjian_desktop.gui.forms.ui_set_password import Ui_SetPasswordDialog
from dangjian_desktop.gui.forms.ui_unlock import Ui_UnlockDialog
from dangjian_desktop.gui.worker import Lane, Runner, SavingDialog
from dangjian_desktop.services import backup, security

if TYPE_CHECKING:  # annotations only: the GUI reaches the data through services
    from dangjian_desktop.db.engine import Database

log = logging.getLogger(__name__)


def _own_runner(parent: QObject) -> Runner:
    """A lane for a dialog shown before the program's context exists (the password at start)."""
    return Runner(Lane(parent), Asker(), parent)


class UnlockDialog(QDialog):
    """Asks for the program password; after wrong ones the OK button waits, counting down.
    The password is checked on the worker lane (scrypt takes a moment, by design)."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, intro: str | None = None,
                 runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner or _own_runner(self)
        self.form = Ui_UnlockDialog()
        self.form.setupUi(self)
        if intro:
            self.form.introLabel.setText(intro)
        self.ok_button = self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("解锁")
        self.form.buttonBox.accepted.connect(self.try_unlock)
        self.form.buttonBox.rejected.connect(self.reject)
        self._checking = False
        self._until = 0.0  # time.monotonic() before which no try is allowed (read from the database)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)
        self.ok_button.setEnabled(False)
        self._read_wait()

    def _read_wait(self) -> None:
        self.runner.run(security.wait_seconds, self.db, what="读取密码状态", parent=self, key=(self, "wait"),
                        dialog=False, on_done=self._wait_read)

    def _wait_read(self, wait: float) -> None:
        self._until = time.monotonic() + wait
        self._tick()

    def _tick(self) -> None:
        wait = self._until - time.monotonic()
        self.ok_button.setEnabled(wait <= 0 and not self._checking)
        if wait > 0:
            self.form.messageLabel.setText(f"密码错误次数过多，请 {math.ceil(wait)} 秒后再试。")
            if not self._timer.isActive():
                self._timer.start()
        elif self._timer.isActive():
            self._timer.stop()
            self.form.messageLabel.setText("可以再试一次。")

    def try_unlock(self) -> None:
        if self._checking or not self.ok_button.isEnabled():
            return
        self._checking = True
        self.ok_button.setEnabled(False)
        self.runner.run(security.check_password, self.db, self.form.passwordEdit.text(), what="检查密码",
                        parent=self, on_done=self._checked, on_refused=self._refused, on_end=self._check_ended)

    def _check_ended(self) -> None:
        self._checking = False
        self._tick()

    def _refused(self, exc: DomainError) -> None:
        self.form.messageLabel.setText(str(exc))
        self._read_wait()

    def _checked(self, result: security.PasswordCheck) -> None:
        if result.ok:
            self.form.passwordEdit.clear()
            self.accept()
            return
        self._until = time.monotonic() + result.wait_seconds
        self.form.passwordEdit.selectAll()
        self.form.messageLabel.setText(f"密码不对（已连续错 {result.failures} 次）。")


class SetPasswordDialog(SavingDialog):
    """Set, change or remove (empty new password) the program password. `has`: whether one is set
    now (as the 数据安全 tab read it)."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, has: bool, ctx) -> None:
        super().__init__(parent)
        self.db, self.ctx, self.has = db, ctx, has
        self.form = Ui_SetPasswordDialog()
        self.form.setupUi(self)
        self.setWindowTitle("修改密码" if has else "设置密码")
        self.form.oldEdit.setVisible(has)
        self.form.oldLabel.setVisible(has)
        self.form.noteLabel.setText(
            (f"至少 {security.MIN_LENGTH} 个字符。新密码留空并确定，即取消密码。\n" if has
             else f"至少 {security.MIN_LENGTH} 个字符。忘记密码将无法打开程序，请记在安全的地方。\n")
            + security.LIMITS_TEXT)
        self.form.buttonBox.accepted.connect(self.save)
        self.form.buttonBox.rejected.connect(self.reject)
        self.result_text = ""

    def save(self) -> None:
        new, repeat = self.form.newEdit.text(), self.form.repeatEdit.text()
        old = self.form.oldEdit.text()
        if self.saving:
            return
        if self.has and not new and not repeat:
            call, text, what = (security.clear_password, self.db, old), "已取消密码", "取消密码"
        else:
            if new != repeat:
                self.form.messageLabel.setText("两次输入的新密码不一样，请重新输入。")
                return
            call, text, what = (security.set_password, self.db, new), "密码已设置", "设置密码"
        kwargs = {} if call[0] is security.clear_password else {"old": old or None}

        def saved(_) -> None:
            self.result_text = text
            self.accept()

        self.run_save(self.ctx, *call, **kwargs, what=what, busy=(self.form.buttonBox,), on_done=saved,
                      on_refused=lambda exc: self.form.messageLabel.setText(str(exc)))


class IdleLock(QObject):
    """Locks the window after the configured minutes without keyboard or mouse, if a password is set."""

    sig_locked = Signal()
    sig_unlocked = Signal()
    _INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
              QEvent.Type.TouchBegin}

    def __init__(self, window: QMainWindow, db_getter, check_ms: int = 15000, runner: Runner | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.db_getter = db_getter  # the database may be replaced by a restore
        self.runner = runner or _own_runner(self)
        self.last_input = time.monotonic()
        self.dialog: UnlockDialog | None = None
        self._blocking = False
        QApplication.instance().installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        window.destroyed.connect(self._detach)

    def _detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in self._INPUT:
            self.last_input = time.monotonic()
        return False

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def check(self) -> None:
        """Lock if a password is set and nobody touched the window for the minutes set (read off the GUI thread)."""
        if self.locked or self._blocking:
            return
        self.runner.run(_lock_settings, self.db_getter(), what="读取自动锁定设置", parent=self.window,
                        key=(self, "check"), dialog=False, on_done=self._checked)

    def _checked(self, settings: tuple[int, bool] | None) -> None:
        if settings is None or self.locked:
            return
        minutes, has = settings
        if has and minutes > 0 and time.monotonic() - self.last_input >= minutes * 60:
            self.lock()

    def lock(self) -> None:
        """Hide what is on the window and ask for the password."""
        if self.locked:
            return
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(False)
        self.window.menuBar().setEnabled(False)
        self.dialog = UnlockDialog(self.db_getter(), self.window, runner=self.runner,
                                   intro="离开时间较长，窗口已锁定。请输入密码后继续使用。")
        self.dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("退出程序")
        self.dialog.finished.connect(self._finished)
        self.dialog.open()
        self.sig_locked.emit()

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if result != QDialog.DialogCode.Accepted:
            self.window.close()
            QApplication.instance().quit()
            return
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(True)
        self.window.menuBar().setEnabled(True)
        self.last_input = time.monotonic()
        if dialog is not None:
            dialog.deleteLater()
        self.sig_unlocked.emit()


class BackupScheduler(QObject):
    """The automatic backups while the program runs: at start (if changed), then daily."""

    sig_message = Signal(str)

    def __init__(self, ctx, parent: QObject | None = None, check_ms: int = 30 * 60 * 1000) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.daily)
        self.timer.start()

    def at_start(self) -> None:
        self._run("启动时", force_check=True)

    def daily(self) -> None:
        self._run("每日", force_check=False)

    def _run(self, reason: str, *, force_check: bool) -> None:
        db = self.ctx.db
        if self.running or db.path is None:
            return
        self.running = True

        def done(result: backup.BackupResult | None) -> None:
            if result is None:
                return
            if result.made:
                self.sig_message.emit(f"已自动备份：{result.info.path.name}")
            if result.mirror_problem:
                self.sig_message.emit(result.mirror_problem)

        def refused(exc: DomainError) -> None:
            log.warning("automatic backup failed: %s", exc)
            self.sig_message.emit(f"自动备份没有完成：{exc}")

        self.ctx.run(_backup_if_due, db, reason, force_check, what="自动备份", effect="file", dialog=False,
                     on_done=done, on_refused=refused, on_end=self._ended)

    def _ended(self) -> None:
        self.running = False


# ------------------------------------------------------------------ used by the Controller at open


def recover_damaged(asker, path, problem: str) -> bool:
    """The file failed the integrity check: offer the newest good backup. True if it was restored."""
    from pathlib import Path

    path = Path(path)
    detail = problem.rsplit("技术信息：", 1)[1] if "技术信息：" in problem else problem
    problem = f"数据库文件“{path}”已损坏或不完整，程序没有改动它。（技术信息：{detail}）"
    candidate = backup.newest_good_backup(path)
    if candidate is None:
        asker.error(None, "数据库已损坏",
                    f"{problem}\n\n没有找到可用的备份。损坏的文件原样保留，请把它和“{path.parent}”文件夹交给懂电脑的人处理，"
                    "或从 U 盘上的第二份备份恢复（设置 → 数据安全）。")
        return False
    when = candidate.created_at.strftime("%Y年%m月%d日 %H:%M")
    if not asker.confirm(None, "数据库已损坏",
                         f"{problem}\n\n找到 {when} 的备份，已检查完好。\n"
                         f"把损坏的文件改名保留（不会删除），并从这份备份恢复吗？{when} 之后的修改需要重新录入。"):
        return False
    try:
        result = backup.restore(path, candidate.path)
    except DomainError as exc:
        asker.error(None, "无法恢复", str(exc))
        return False
    asker.info(None, "已从备份恢复",
               f"已从 {when} 的备份恢复。损坏的文件保留为：\n{result.damaged_kept}" if result.damaged_kept
               else f"已从 {when} 的备份恢复。")
    return True


def unlock_at_start(db: Database) -> bool:
    """Ask for the password if one is set; False if the user gave up."""
    if not security.has_password(db):
        return True
    dialog = UnlockDialog(db)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.runner.wait()  # its lane lets go of the database before the program's own lane uses it
    return accepted


def start_guards(ctx, window: QMainWindow, on_message) -> tuple[BackupScheduler, IdleLock]:
    """The automatic backups and the idle lock for a newly shown window."""
    scheduler = BackupScheduler(ctx, window)
    scheduler.sig_message.connect(on_message)
    after_first_screen(window, scheduler.at_start)
    lock = IdleLock(window, lambda: ctx.db, runner=ctx.runner)
    return scheduler, lock


FIRST_SCREEN_WAIT_MS = 5000  # work that waits for 首页 starts after this even if 首页 never loads


def after_first_screen(window, then: Callable[[], None]) -> None:
    """`then()` once the window's branches are read and 首页 shows its data, or after FIRST_SCREEN_WAIT_MS.

    For start-up work that can wait: the automatic backup at start copies and hashes the whole file
    (seconds on a 党委's 240 MB), and the database lane runs one job at a time, so queued before the
    first screen's data it would hold that data back by as long."""
    done: list[bool] = []

    def once() -> None:
        if not done:
            done.append(True)
            then()

    def ready() -> None:
        home = window.pages.get("home")
        if home is None or getattr(home, "data", True) is not None:
            once()
        else:
            home.sig_loaded.connect(once, Qt.ConnectionType.SingleShotConnection)

    QTimer.singleShot(FIRST_SCREEN_WAIT_MS, window, once)
    if window.ready:
        ready()
    else:
        window.sig_ready.connect(ready, Qt.ConnectionType.SingleShotConnection)


def _lock_settings(db) -> tuple[int, bool] | None:
    """The idle minutes and whether a password is set; None while the database is being replaced."""
    try:
        return security.idle_minutes(db), security.has_password(db)
    except Exception:  # noqa: BLE001 - a restore is closing it right now: try at the next tick
        return None


def _backup_if_due(db, reason: str, force_check: bool) -> backup.BackupResult | None:
    """The automatic backup, if one is due (always looked at when `force_check`); None if not due."""
    try:
        if not force_check and not backup.backup_due(db):
            return None
    except OSError:
        return None
    return backup.backup_if_changed(db, reason)
