"""`dangjian-desktop --self-test`: prove that this installation can do the basic work, offscreen."""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Callable

REPORT_NAME = "dangjian-desktop-self-test.txt"  # also written to the temp folder (a windowed .exe has no stdout)


class _Run:
    """Runs named steps, prints one line each, remembers whether everything passed."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.failed = False

    def say(self, line: str) -> None:
        self.lines.append(line)
        stream = sys.stdout
        if stream is None:
            return
        try:
            stream.write(line + "\n")
            stream.flush()
        except (OSError, ValueError, UnicodeError):
            pass

    def step(self, name: str, fn: Callable[[], str]):
        started = time.perf_counter()
        try:
            detail = fn()
        except BaseException as exc:  # noqa: BLE001 - the self-test reports every failure as a line
            self.failed = True
            self.say(f"[失败] {name}：{type(exc).__name__}: {exc}")
            for line in traceback.format_exc().rstrip().splitlines():
                self.say("       " + line)
            return False
        self.say(f"[通过] {name}：{detail}（{time.perf_counter() - started:.1f} 秒）")
        return True


def run_self_test(argv0: str = "dangjian-desktop") -> int:
    """Create a database in a temporary folder, migrate it, build the main window offscreen,
    write one Word and one Excel document. Exit code 0 only if every step passed."""
    folder = Path(tempfile.mkdtemp(prefix="党支部工作台自检-"))
    # Keep the user's own data folder, settings and log out of it.
    os.environ["DANGJIAN_DATA_DIR"] = str(folder / "数据")
    os.environ["DANGJIAN_CONFIG_DIR"] = str(folder / "设置")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler, qVersion
    from PySide6.QtWidgets import QApplication

    from dangjian_desktop import APP_NAME, __version__

    run = _Run()
    state: dict = {}
    errors_in_slots: list[str] = []
    old_hook = sys.excepthook

    def hook(kind, value, tb):  # an exception raised inside a Qt slot must fail the self-test
        errors_in_slots.append("".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = hook

    def qt_message(_kind, _context, message):
        # the offscreen platform cannot size native windows: expected here, noise for the reader
        if "propagateSizeHints" not in message and sys.stderr is not None:
            sys.stderr.write(message + "\n")

    old_handler = qInstallMessageHandler(qt_message)
    frozen = "安装包" if getattr(sys, "frozen", False) else "源代码"
    run.say(f"{APP_NAME} {__version__} 自检（{frozen}，Python {platform.python_version()}，"
            f"Qt {qVersion()}，PySide6 {pyside_version}，{platform.system()} {platform.machine()}）")
    run.say(f"临时文件夹：{folder}")
    app = QApplication.instance() or QApplication([argv0])

    def database() -> str:
        from dangjian_desktop.services.self_test import make_database

        made = make_database(folder, today=date.today())
        state["made"] = made
        return made.summary

    def look() -> str:
        from PySide6.QtGui import QIcon

        from dangjian_desktop import paths
        from dangjian_desktop.gui.app import setup_application

        setup_application(app)
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        if cancel != "取消":
            raise RuntimeError(f"Qt 的中文翻译没有装上（“Cancel”仍是“{cancel}”）。")
        icon_file = paths.resource("icons", "app.svg")
        icon = QIcon(str(icon_file))
        if icon.isNull() or icon.pixmap(48, 48).isNull():
            raise RuntimeError(f"程序图标 {icon_file} 无法显示（缺少 SVG 图标插件？）。")
        template = paths.resource("templates", "official.docx")
        if not template.exists():
            raise RuntimeError(f"缺少 Word 模板 {template}。")
        return f"中文翻译、图标、Word 模板齐全；界面字体 {app.font().family()}"

    def main_window() -> str:
        from dangjian_desktop.gui.context import AppContext
        from dangjian_desktop.gui.main_window import MainWindow
        from dangjian_desktop.userconfig import UserConfig

        made = state["made"]
        ctx = AppContext(db=made.db, config=UserConfig(), asker=_NoQuestions())
        ctx.branch_id = made.branch_id
        window = MainWindow(ctx)
        state["window"] = window
        window.show()
        if not ctx.runner.wait(60000) or not window.ready:
            raise RuntimeError("主窗口没有读出支部。")
        titles = []
        for cls in window._classes:  # build and show every page, as a user clicking down the list
            window.show_page(cls.key)
            app.processEvents()
            ctx.runner.wait(60000)  # the page's data, read off the GUI thread
            app.processEvents()
            titles.append(cls.title)
        if errors_in_slots:
            raise RuntimeError("界面出错：\n" + errors_in_slots[0])
        shot = window.grab()
        if shot.isNull() or shot.width() < 200:
            raise RuntimeError("主窗口无法绘制。")
        shot.save(str(folder / "主窗口.png"))
        return f"{shot.width()}×{shot.height()}，页面：{'、'.join(titles)}"

    def export(suffix: str) -> Callable[[], str]:
        def write() -> str:
            from dangjian_desktop.services.self_test import write_export

            made = state["made"]
            what, path = write_export(made.db, made.branch_id, folder / "导出", suffix, date.today().year)
            return f"{what} → {path.name}（{path.stat().st_size // 1024} KB）"
        return write

    try:
        if run.step("数据库", database):
            run.step("界面资源", look)
            run.step("主窗口", main_window)
            run.step("Word 导出", export(".docx"))
            run.step("Excel 导出", export(".xlsx"))
    finally:
        sys.excepthook = old_hook
        qInstallMessageHandler(old_handler)
        window = state.get("window")
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()
        if "made" in state:
            state["made"].db.close()
    if run.failed:
        run.say(f"自检失败。留下的文件在 {folder}")
    else:
        run.say("自检通过。")
        shutil.rmtree(folder, ignore_errors=True)
    try:
        (Path(tempfile.gettempdir()) / REPORT_NAME).write_text("\n".join(run.lines) + "\n", encoding="utf-8")
    except OSError:
        pass
    return 1 if run.failed else 0


class _NoQuestions:
    """The self-test runs unattended: any question a page asks is a failure, not a hang."""

    def __getattr__(self, name: str):
        def refuse(*args, **kwargs):
            raise RuntimeError(f"自检过程中界面提出了问题（{name}）：{args[1:3]}")
        return refuse
