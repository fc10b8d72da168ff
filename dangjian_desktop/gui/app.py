"""Starting the GUI: the application object, fonts and translations, which database to open.

Start-up is frame first: the main window is shown before the data layer (SQLAlchemy, the
migrations, the integrity check of the file) is even imported, and the database is opened
off the GUI thread; `Controller.sig_opened` says how that ended. Keep this module's imports
free of the data layer, or the window waits for it again (bench/: 冷启动).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog

from dangjian_desktop import APP_ID, APP_NAME, paths
from dangjian_desktop.db import is_url
from dangjian_desktop.errors import DatabaseDamaged, DomainError
from dangjian_desktop.gui.ask import Asker
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.main_window import MainWindow
from dangjian_desktop.gui.worker import Job, Lane, Runner
from dangjian_desktop.userconfig import UserConfig

if TYPE_CHECKING:
    from dangjian_desktop.db.engine import Database
    from dangjian_desktop.gui.first_run import FirstRunDialog


def open_database(target: str | Path, *, create: bool = False) -> Database:
    """Open a database as a window does: holding its lock (db.lock) for as long as it is shown."""
    from dangjian_desktop.db.engine import WINDOW
    from dangjian_desktop.db.engine import open_database as open_db

    return open_db(target, create=create, access=WINDOW)


def open_at_start(target: str | Path) -> Database:
    """open_database, for the database lane at start: the file's integrity check (sqlite3, which
    lets go of the GIL while it reads) runs on its own thread while this one imports the data
    layer, so the data appears after the longer of the two rather than after both; after a clean
    close of the window, with the file just as it left it, the check (a second on a 党委's file) is
    skipped (filecheck.closed_cleanly). The window's lock is taken first: nothing looks at the
    file before commands have been told to keep off."""
    from dangjian_desktop.runtime import keep_loaded

    if is_url(target) or not Path(target).exists():
        db = open_database(target)
        keep_loaded()  # the data layer, imported by opening
        return db
    import importlib
    import threading

    from dangjian_desktop.db import lock as db_lock
    from dangjian_desktop.db import swap
    from dangjian_desktop.db.filecheck import FileState, check_file, closed_cleanly

    path = Path(target).expanduser().resolve()
    lock = db_lock.acquire(path, db_lock.WINDOW, wait=db_lock.WINDOW_WAIT)  # running commands may finish
    try:
        swap.tidy_up(path)  # a restore a kill interrupted is finished before the file is looked at
        found: list[FileState] = []
        failed: list[BaseException] = []

        def check() -> None:
            try:
                found.append(check_file(path, quick=not closed_cleanly(path)))
            except BaseException as exc:  # noqa: BLE001 - handed to the lane as if raised here
                failed.append(exc)

        checking = threading.Thread(target=check, name="quick_check", daemon=True)
        checking.start()
        from dangjian_desktop.db.engine import WINDOW
        from dangjian_desktop.db.engine import open_database as open_db  # SQLAlchemy: ~0.5 s

        # what the first screen uses next (the models, the password check, 首页's services and the
        # check's providers), imported here beside the check rather than on the GUI thread between
        # the frame and 首页's data, where it froze the window for as long
        for module in ("dangjian_desktop.services.security", "dangjian_desktop.services.dashboard"):
            importlib.import_module(module)
        keep_loaded()

        checking.join()
        if failed:
            raise failed[0]
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return open_db(path, checked=found[0], access=WINDOW, lock=lock)  # it releases the lock if it fails


def first_screen(db: Database, remembered: int | None, today) -> tuple[int, object] | None:
    """What 首页 shows for the branch the window will show first, read on the start lane as soon as
    the database is open, while the GUI thread attaches it and builds 首页 (they used to take turns:
    the GUI's part, then the branches, 首页's widgets, and only then 首页's data). (branch id, the
    Dashboard), or None when a password is set (nothing is read before it is given) or there is no
    branch. The branch is chosen as the window chooses it (MainWindow._branches_loaded)."""
    from dangjian_desktop.services import security
    from dangjian_desktop.services.branches import list_branches
    from dangjian_desktop.services.dashboard import dashboard

    if security.has_password(db):
        return None
    ids = [b.id for b in list_branches(db)]
    if not ids:
        return None
    branch_id = remembered if remembered in ids else ids[0]
    return branch_id, dashboard(db, branch_id, today)


log = logging.getLogger(__name__)

CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
                "WenQuanYi Micro Hei", "Noto Sans SC", "PingFang SC", "SimHei")


def install_own_translations(app: QApplication) -> bool:
    """The strings of Qt's own dialogs that Qt's zh_CN catalogue lacks ("&Look in:", "Files of &type:"),
    shipped in resources/i18n; installed after Qt's, so they are looked up first."""
    translator = QTranslator(app)
    if not translator.load("dangjian_qt_zh_CN", str(paths.resource("i18n"))):
        return False
    app.installTranslator(translator)
    app.setProperty("_translator_dangjian_qt", translator)  # keep a reference
    return True


def setup_application(app: QApplication) -> None:
    """Font, Qt's own zh_CN translation (确定/取消), names and icon: set once for the whole app."""
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_ID)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, translations) or translator.load(name, str(paths.resource("i18n"))):
            app.installTranslator(translator)
            app.setProperty(f"_translator_{name}", translator)  # keep a reference
            break
    install_own_translations(app)
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(family)
            font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
            app.setFont(font)
            break
    icon = paths.resource("icons", "app.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


class Controller(QObject):
    """Decides which database to open, runs the first-run dialog, owns the main window."""

    sig_opened = Signal(bool)  # the database chosen at start is shown (True) or was given up (False)

    def __init__(self, config: UserConfig | None = None, asker: Asker | None = None) -> None:
        super().__init__()
        self.config = config or UserConfig()
        self.asker = asker or Asker()
        self.window: MainWindow | None = None
        self.ctx: AppContext | None = None
        self.first_run: FirstRunDialog | None = None
        self._pending_target: Path | None = None
        self.show_reminders = True  # the once-a-day start-up reminder of overdue items
        from dangjian_desktop.gui.single_instance import SingleInstance

        self.instance = SingleInstance(self)  # issue 7: a second start brings this window forward
        self.instance.sig_raise.connect(self._bring_forward)
        self.start_lane = Lane(self)  # opens the database at start while the window frame is shown

    # -------------------------------------------------------------- choosing the database

    def start(self, db_arg: str | None = None) -> bool:
        """Show the window and open the database named (or the shared one, or the last one) behind
        it; show the first-run dialog if there is none. False if the program should quit now
        (another window has this database); how the opening ends comes later by `sig_opened`."""
        shared = False
        if db_arg:
            target: str | Path = db_arg if is_url(db_arg) else Path(db_arg).expanduser().resolve()
        else:
            from dangjian_desktop.services import server

            url = server.startup_target(self.config)  # 设置 → 共享数据库
            shared = url is not None
            target = url if url is not None else self._local_target()
        return self._start_on(target, shared)

    def _local_target(self) -> Path:
        from dangjian_desktop.services import server

        return server.local_database(self.config)

    def _start_on(self, target: str | Path, shared: bool) -> bool:
        if isinstance(target, Path) and not target.exists():
            self.show_first_run(target)
            return True
        if not is_url(target) and not self.instance.claim(target):
            self._reclaim()
            return False
        self.window = MainWindow(None)  # the frame, at once; the data follows
        self._connect(self.window)
        self.window.show()
        self.window.when_painted(lambda: self._open_behind_frame(target, shared))
        return True

    def _open_behind_frame(self, target: str | Path, shared: bool) -> None:
        self.start_lane.submit(Job(open_at_start, target),
                               on_done=self._opened_at_start,
                               on_failed=lambda exc: self._failed_at_start(exc, target, shared))

    def _opened_at_start(self, db: Database) -> None:
        # 首页's data is read at once on the same lane (which becomes the window's: one database job
        # at a time still), while this thread asks for the password, attaches the window and builds 首页
        from datetime import date

        remembered = self.config.get("last_branch", {}).get(str(db.path or db.url))
        lane, self.start_lane = self.start_lane, Lane(self)
        lane.setParent(None)  # it lives as long as the window's context that takes it, not as this object
        lane.submit(Job(first_screen, db, remembered, date.today()),
                    on_done=lambda found: self._keep_first_screen(db, found),
                    on_failed=lambda exc: log.info("首页's data at start: %s (read again)", exc))
        from dangjian_desktop.gui.safety import unlock_at_start

        if not unlock_at_start(db):
            lane.wait()  # the read above lets go of the database before it is closed
            db.close()
            self._give_up_at_start()
            return
        self._show(db, lane=lane)
        if self.window.ready:  # opened = its branches are read too (off the GUI thread)
            self.sig_opened.emit(True)
        else:
            self.window.sig_ready.connect(lambda: self.sig_opened.emit(True), Qt.ConnectionType.SingleShotConnection)

    def _failed_at_start(self, exc: Exception, target: str | Path, shared: bool) -> None:
        if shared and isinstance(exc, DomainError):
            if self.asker.confirm(self.window, "无法打开共享数据库", f"{exc}\n\n改为打开本机的数据库文件吗？"
                                  "（在本机录入的内容不会出现在共享数据库中。）"):
                local = self._local_target()
                if local.exists() and self.window is not None:  # the same frame waits for the local file
                    if self.instance.claim(local):
                        self._open_behind_frame(local, False)
                    else:  # another window has it, and was brought forward
                        self._give_up_at_start()
                    return
                self._drop_frame()  # no local file yet: the first-run dialog
                if not self._start_on(local, False):
                    self.sig_opened.emit(False)
                return
            self._give_up_at_start()
            return
        if isinstance(exc, DatabaseDamaged):
            from dangjian_desktop.gui.safety import recover_damaged

            if not recover_damaged(self.asker, target, str(exc)):
                self._give_up_at_start()
                return
            try:
                db = open_database(target)
            except DomainError as again:
                exc = again
            else:
                self._opened_at_start(db)
                return
        if isinstance(exc, DomainError):
            self.asker.error(self.window, "无法打开数据库", str(exc))
        else:  # a fault of the program: its traceback to the log, one sentence to the person
            from dangjian_desktop import faults, logs

            faults.record(exc, what="打开数据库")
            self.asker.error(self.window, "无法打开数据库",
                             faults.explain(exc, what="打开数据库", effect="read", log_path=logs.log_file()))
        self._give_up_at_start()

    def _drop_frame(self) -> None:
        """Close the frame shown at start (a window without a database)."""
        if self.window is not None and self.window.ctx is None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def _give_up_at_start(self) -> None:
        self._drop_frame()
        self._reclaim()
        self.sig_opened.emit(False)

    def show_first_run(self, target: Path) -> None:
        from dangjian_desktop.gui.first_run import FirstRunDialog

        self._pending_target = target
        self.first_run = FirstRunDialog()
        self.first_run.finished.connect(self._first_run_finished)
        self.first_run.open()

    def _first_run_finished(self, result: int) -> None:
        dialog = self.first_run
        if dialog is None:
            return
        if result != QDialog.DialogCode.Accepted:
            self.first_run = None
            QApplication.instance().quit()
            return
        if dialog.choice == "demo":
            self.first_run = None
            self.open_demo()
            return
        from dangjian_desktop.services.branches import create_branch

        target = self._pending_target or paths.default_database()
        try:
            db = open_database(target, create=True)
            create_branch(db, dialog.branch_name, dialog.parent_org, dialog.secretary, groups=dialog.groups)
        except DomainError as exc:
            dialog.show_error(str(exc))
            dialog.open()
            return
        self.first_run = None
        self._show(db)

    def open(self, target: str | Path) -> bool:
        """Open another database while the program runs (its window replaces this one)."""
        # issue 7: one window per database, recovery of a damaged file, the password
        from dangjian_desktop.gui.safety import recover_damaged, unlock_at_start

        if not is_url(target) and not self.instance.claim(target):
            if self.window is not None:
                self.asker.info(self.window, "数据库已经打开", "这个数据库已在另一个窗口中打开，已把那个窗口调到前面。")
            self._reclaim()
            return False
        try:
            try:
                db = open_database(target)
            except DatabaseDamaged as exc:
                if not recover_damaged(self.asker, target, str(exc)):
                    self._reclaim()
                    return False
                db = open_database(target)
        except (DomainError, OSError) as exc:
            from dangjian_desktop import faults, logs

            faults.record(exc, what="打开数据库")
            self.asker.error(None, "无法打开数据库",
                             faults.explain(exc, what="打开数据库", effect="read", log_path=logs.log_file()))
            self._reclaim()
            return False
        if not unlock_at_start(db):
            db.close()
            self._reclaim()
            return False
        self._show(db)
        return True

    def shutdown(self) -> None:
        """At quit: let the last database work finish, then close the database (its WAL folded
        into the file, its lock given back)."""
        self.start_lane.wait()
        if self.ctx is not None:
            self.ctx.lane.wait()
            self.ctx.db.close()
            self.ctx = None

    def _reclaim(self) -> None:
        """Keep guarding the database still shown after another one could not be opened."""
        if self.ctx is not None and self.ctx.db.path is not None:
            self.instance.claim(self.ctx.db.path)
        elif self.ctx is None:
            self.instance.release()

    def _bring_forward(self) -> None:
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def open_demo(self) -> None:
        """Open the demo database, making it first (in the background) if it does not exist yet."""
        target = paths.demo_database()
        if target.exists():
            self.open(target)
            return
        from dangjian_desktop.services.demo import make_demo

        def build(progress=None):
            db = open_database(target, create=True)
            try:
                make_demo(db, seed=1, progress=progress)
            finally:
                db.close()
            return target

        runner = self.ctx.runner if self.ctx else Runner(Lane(self), self.asker, self)
        runner.run(build, what="生成演示数据", parent=self.window, effect="file", progress=True,
                   on_done=lambda path: self.open(path))

    def choose_database(self) -> None:
        folder = str(self.ctx.db.path.parent) if self.ctx and self.ctx.db.path else str(paths.data_dir())
        path = self.asker.open_file(self.window, "打开数据库", folder, "党支部工作台数据库 (*.db);;所有文件 (*)")
        if path:
            self.open(Path(path))

    # -------------------------------------------------------------- the window

    def _connect(self, window: MainWindow) -> None:
        window.sig_open_database.connect(self.choose_database)
        window.sig_open_demo.connect(self.open_demo)
        window.sig_open_target.connect(self.open)  # e.g. 设置 → 共享数据库: switch now

    def _keep_first_screen(self, db: Database, found: tuple[int, object] | None) -> None:
        """首页's data read at start: kept for 首页 (it asks for it when it is built, HomePage.refresh)."""
        if found is not None and self.ctx is not None and self.ctx.db is db:
            branch_id, home = found
            self.ctx.prefetched[("home", branch_id, home.as_of)] = home

    def _show(self, db: Database, lane: Lane | None = None) -> None:
        """Show `db` in the window; `lane`: the lane that opened it at start, which becomes the window's
        (work it still has for this database, 首页's data, then runs before the window's own)."""
        old_window, old_ctx = self.window, self.ctx
        if old_ctx is not None:
            old_ctx.lane.wait()
        self.ctx = AppContext(db=db, config=self.config, asker=self.asker, **({"lane": lane} if lane else {}))
        if db.path:
            self.config.set("last_database", str(db.path))
        if old_window is not None and old_window.ctx is None:  # the frame shown at start
            old_window.attach(self.ctx)
            old_window = None
        else:
            self.window = MainWindow(self.ctx)
            self._connect(self.window)
            self.window.show()
        from dangjian_desktop.gui.safety import start_guards

        window = self.window
        if db.path is not None:
            self.instance.claim(db.path)  # also when the first-run dialog made the database
        else:  # a server database: the local file this window showed is free for another start
            self.instance.release()
        self.guards = start_guards(self.ctx, window, lambda text: window.statusBar().showMessage(text, 8000))
        if self.show_reminders:
            from dangjian_desktop.gui.pages.home_page import show_startup_reminder

            show_startup_reminder(self.window)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_ctx is not None:
            old_ctx.db.close()


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dangjian-desktop", description=f"{APP_NAME}（图形界面）")
    parser.add_argument("--db", metavar="PATH", help="打开指定的数据库文件")
    parser.add_argument("--version", action="store_true", help="显示版本号并退出")
    parser.add_argument("--self-test", action="store_true",
                        help="在临时文件夹中建库、升级、离屏打开主窗口并导出 Word 和 Excel，全部成功时退出码为 0")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def setup_logging() -> None:
    """dangjian.log in the data folder: owner-only, and never an ID number, phone number or password."""
    from dangjian_desktop import logs

    logs.setup_file_log(paths.data_dir())


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the process is the program's own (tests pass their arguments)
        from dangjian_desktop.runtime import tune_garbage_collector

        tune_garbage_collector()
    from dangjian_desktop.gui import import_scan

    import_scan.install()  # before the start lane imports the data layer
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parse_args(argv)
    if args.version:
        from dangjian_desktop import __version__

        print(f"dangjian-desktop {__version__}")
        return 0
    if args.self_test:
        from dangjian_desktop.gui.self_test import run_self_test

        return run_self_test(sys.argv[0])
    setup_logging()
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    setup_application(app)
    from dangjian_desktop.gui import gcguard

    gcguard.install()  # before any thread starts: cycles are collected on this thread only
    controller = Controller()
    from dangjian_desktop.gui.presenter import Presenter, install

    # a slot or a thread that raises: the traceback to the log, one Chinese sentence on screen
    controller.presenter = Presenter(controller.asker, controller)
    install(controller.presenter)
    controller.sig_opened.connect(lambda ok: None if ok else app.exit(1))
    if not controller.start(args.db):
        return 1
    code = app.exec()
    controller.shutdown()  # also waits for a window closed while its database was still opening
    return code
