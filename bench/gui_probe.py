"""Run in a subprocess by the benchmarks: start the GUI (or a bare baseline window) and report.

    python -m bench.gui_probe bare            # a bare PySide6 window with one table: the baseline
    python -m bench.gui_probe start DB        # the real program on DB, until its window is painted
    python -m bench.gui_probe memory DB       # the program on DB, every page visited; prints peak RSS
    python -m bench.gui_probe bare-memory     # peak RSS of the bare window
    python -m bench.gui_probe typeahead DB    # ms per keystroke in the 党员 search box
    python -m bench.gui_probe grid DB         # ms to open the 三会一课 year grid of a branch
    python -m bench.gui_probe stall DB        # longest GUI-thread stall using every page (DB may be a URL)
    python -m bench.gui_probe stall-inline DB # the same with every service call on the GUI thread (baseline)

Prints one line `PAINTED` when the main window has been painted (the parent times that); the
program paints its window frame before it opens the database, so it then prints `READY` when
the database is open and 首页 shows its data, then one JSON line with what it measured.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def peak_rss_mb() -> float:
    """This process's RSS high-water mark. Linux's VmHWM, not getrusage's ru_maxrss, which
    a child inherits from its parent across fork and exec (it would report the bench's own)."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # elsewhere: the best there is


class _PaintWatcher(QObject):
    """Calls `then` once, right after the first paint of a main window."""

    def __init__(self, then) -> None:
        super().__init__()
        self.then = then
        self.done = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            self.done = True
            self.cpu_s = cpu_s()
            sys.stdout.write("PAINTED\n")
            sys.stdout.flush()
            QTimer.singleShot(0, self.then)
        return False


def cpu_s() -> float:
    """CPU seconds this process has used so far, all threads: moved far less than the wall clock when
    other work shares the cores, but not unmoved (compare with the bare window's, measured alike)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _bare_window():
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    window = QMainWindow()
    model = QStandardItemModel(20, 5, window)
    for r in range(20):
        for c in range(5):
            model.setItem(r, c, QStandardItem(f"{r}-{c}"))
    view = QTableView(window)
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1280, 720)
    return window


def _wait_ready(app: QApplication, window, timeout_s: float = 120) -> None:
    """Until the database opened behind the window frame is attached and 首页 has its data."""
    deadline = time.perf_counter() + timeout_s
    while getattr(window, "ctx", None) is None or not getattr(window, "ready", True):
        if time.perf_counter() > deadline:
            raise SystemExit("the main window never got its database")
        app.processEvents()
        time.sleep(0.002)
    # as a person sees it: until 首页's data is on screen, not until the lane is idle (work that may
    # wait, such as the backup at start, follows the first screen's data on the lane)
    home = window.pages.get("home")
    while home is not None and getattr(home, "data", True) is None and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()  # and its paint


def _settle(app: QApplication, window) -> None:
    """Let queued work (database lane, timers) finish, the way a person waits for a page."""
    ctx = getattr(window, "ctx", None)
    for _ in range(5):
        app.processEvents()
        if ctx is not None:
            ctx.lane.wait()
        app.processEvents()


def _visit_every_page(app: QApplication, window) -> list[str]:
    """Click every entry of the navigation column; scroll each table to its end."""
    from PySide6.QtWidgets import QAbstractItemView

    seen = []
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        _settle(app, window)
        page = window.stack.currentWidget()
        seen.append(getattr(page, "title", type(page).__name__))
        for view in page.findChildren(QAbstractItemView):
            if view.isVisible():
                view.scrollToBottom()
        _settle(app, window)
        window.grab()  # paint it, as the screen would
    return seen


def _open_page(app: QApplication, window, key: str):
    nav = window.nav
    from PySide6.QtCore import Qt

    for row in range(nav.count()):
        if nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
            window.nav.setCurrentRow(row)
            _settle(app, window)
            return window.stack.currentWidget()
    raise SystemExit(f"no page {key}")


# what a secretary types looking for people: initials, pinyin, a name (input method), ID digits
KEYSTROKES = ["z", "s", "BS", "BS", "w", "a", "n", "g", "CLEAR", "王", "芳", "CLEAR", "1", "1", "0", "1"]


def _typeahead(app: QApplication, window) -> dict:
    """Time each keystroke in the 党员 search box over the whole 党委's members, until painted."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest

    from dangjian_desktop.services.members import list_members

    page = _open_page(app, window, "members")
    # the page shows one branch; load every member of the 党委 through the page's own path
    page._loaded(list_members(window.ctx.db, None, order="strokes"))
    _settle(app, window)
    box, viewport = page.search, page.view.viewport()
    box.setFocus()
    times = []
    for key in KEYSTROKES:
        started = time.perf_counter()
        if key == "BS":
            QTest.keyClick(box, Qt.Key.Key_Backspace)
        elif key == "CLEAR":
            box.clear()
        elif ord(key[0]) > 127:  # Chinese arrives from the input method as a commit
            event = QInputMethodEvent("", [])
            event.setCommitString(key)
            QCoreApplication.sendEvent(box, event)
        else:
            QTest.keyClick(box, key)
        app.processEvents()
        viewport.repaint()  # the filtered table on screen
        times.append((time.perf_counter() - started) * 1000)
    loaded = getattr(page.model, "all_members", None) or page.model.members  # the model may filter itself
    return {"rows": len(loaded), "keys": KEYSTROKES, "per_key_ms": times}


def _year_grid(app: QApplication, window) -> dict:
    """Time the 三会一课 page's 年度进度 tab filling and painting its grid, branch after branch
    (from the click to the grid painted: the year's data is read on the worker lane meanwhile)."""
    page = _open_page(app, window, "meetings")
    grid_tab = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "年度进度")
    page.tabs.setCurrentIndex(grid_tab)
    _settle(app, window)
    combo = window.branch_combo
    branch_ids = [combo.itemData(i) for i in range(min(combo.count(), 6))]
    times = []
    for branch_id in branch_ids:
        window.ctx.branch_id = branch_id  # only this page: switching in the combo refreshes every page
        started = time.perf_counter()
        page.grid.load()
        _until_idle(app, window)
        page.grid.view.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
    return {"per_open_ms": times, "rows": page.grid.model.rowCount()}


def _until_idle(app: QApplication, window, timeout_s: float = 300) -> None:
    """Let the event loop run (as it does while a person waits) until the worker lane has delivered
    everything asked of it: no blocking wait here, which would itself stall the GUI thread."""
    from PySide6.QtCore import QEventLoop

    runner = window.ctx.runner
    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(2)
    check.timeout.connect(lambda: loop.quit() if runner.idle or time.perf_counter() > deadline else None)
    check.start()
    loop.exec()
    check.stop()


class _StallMeter(QObject):
    """The longest gap between the ticks of a 5 ms timer: how long the GUI thread stood still."""

    def __init__(self) -> None:
        super().__init__()
        self.longest_ms, self.worst, self.doing = 0.0, "", ""
        self.per_step: dict[str, float] = {}
        self._last = time.perf_counter()
        self.timer = QTimer(self)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self._last = now
        self.per_step[self.doing] = max(self.per_step.get(self.doing, 0.0), gap)
        if gap > self.longest_ms:
            self.longest_ms, self.worst = gap, self.doing

    def step(self, doing: str) -> None:
        self.doing = doing


def _stall(app: QApplication, window) -> dict:
    """Use every page as a secretary would (each page, each tab, an editor of each kind), waiting for
    each to show its data, while measuring the longest stall of the GUI thread."""
    from PySide6.QtWidgets import QTabWidget

    meter = _StallMeter()

    def do(label: str, action) -> None:
        meter.step(label)
        action()
        _until_idle(app, window)
        end = time.perf_counter() + 0.05  # and the paint that follows
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    for row in range(window.nav.count()):
        title = window.nav.item(row).text()
        do(f"打开“{title}”", lambda r=row: window.nav.setCurrentRow(r))
        page = window.stack.currentWidget()
        for tabs in [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]:
            for i in range(tabs.count()):
                do(f"{title}：{tabs.tabText(i)}", lambda t=tabs, i=i: t.setCurrentIndex(i))
    members = window.pages["members"]
    window.show_page("members")
    if members.model.members:
        from dangjian_desktop.gui.member_editor import MemberEditorDialog

        editor = MemberEditorDialog(window.ctx, window.ctx.branch_id, members.model.members[0], window)
        do("编辑党员", editor.show)
        do("关闭党员编辑", editor.close)
    meetings = window.show_page("meetings")
    meetings.tabs.setCurrentIndex(0)
    _until_idle(app, window)
    if meetings.records.model.rows:
        holder = {}
        do("打开会议记录", lambda: holder.setdefault("e", meetings.open_meeting(meetings.records.model.rows[0].id)))
        do("关闭会议记录", holder["e"].close)
    development = window.show_page("development")
    _until_idle(app, window)
    cards = [c for col in development.columns for c in col.model.rows]
    if cards:
        do("打开发展对象", lambda: development.open_applicant(cards[0].id))
    reports = window.show_page("reports")
    do("报表：选择一份会议记录", lambda: reports.select_kind("minutes"))
    meter.timer.stop()
    worst_steps = sorted(meter.per_step.items(), key=lambda kv: -kv[1])[:5]
    return {"longest_ms": meter.longest_ms, "worst": meter.worst, "steps": len(meter.per_step),
            "worst_steps": worst_steps}


def _run_inline() -> None:
    """The baseline: every `run` done at once on the GUI thread, as the program did before issue 21
    (the same pages, the same service calls; only where they run differs)."""
    from dangjian_desktop.errors import DomainError
    from dangjian_desktop.gui.worker import Runner

    class Done(QObject):
        sig_finished = Signal()
        sig_dialog_shown = Signal()
        finished, outcome, cancel_requested = True, "done", False

        def cancel(self) -> None:
            pass

    def run(self, fn, *args, what, parent=None, on_done=None, on_refused=None, on_cancelled=None, on_end=None,
            effect="read", progress=False, cancellable=False, busy=(), key=None, dialog=True, **kwargs):
        if progress:
            kwargs["progress"] = lambda *_a: None
        try:
            result = fn(*args, **kwargs)
        except DomainError as exc:
            if on_refused is not None:
                on_refused(exc)
        else:
            if on_done is not None:
                on_done(result)
        if on_end is not None:
            on_end()
        return Done()

    Runner.run = run


def main(argv: list[str]) -> int:
    mode = argv[0]
    app = QApplication.instance() or QApplication([sys.argv[0]])
    result: dict = {}

    def finish() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
        if mode not in ("bare", "bare-memory") and windows:
            _wait_ready(app, windows[0])
            result["ready_cpu_s"] = cpu_s()
            sys.stdout.write("READY\n")
            sys.stdout.flush()
            _settle(app, windows[0])  # what start-up left on the lane (the backup) ends before measuring more
        if mode == "typeahead":
            result.update(_typeahead(app, windows[0]))
        if mode == "grid":
            result.update(_year_grid(app, windows[0]))
        if mode in ("stall", "stall-inline"):
            result.update(_stall(app, windows[0]))
        if mode in ("memory", "bare-memory"):
            if mode == "memory" and windows:
                result["pages"] = _visit_every_page(app, windows[0])
            result["peak_rss_mb"] = peak_rss_mb()
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        app.exit(0)

    def finish_after_paint() -> None:
        result["painted_cpu_s"] = watcher.cpu_s
        finish()

    watcher = _PaintWatcher(finish_after_paint)
    app.installEventFilter(watcher)
    if mode in ("bare", "bare-memory"):
        window = _bare_window()
        window.show()
        return app.exec()
    if mode in ("stall", "stall-inline"):  # as the installed program runs (it passes no argv to main)
        from dangjian_desktop.runtime import tune_garbage_collector

        tune_garbage_collector()
    if mode == "stall-inline":
        _run_inline()
    from dangjian_desktop.gui.app import main as app_main

    started = time.perf_counter()
    code = app_main(["--db", argv[1]])
    result.setdefault("ran_s", time.perf_counter() - started)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
