"""Run in a subprocess by the benchmarks: start the GUI (or a bare baseline window) and report.

    python -m bench.gui_probe bare            # a bare PySide6 window with one table: the baseline
    python -m bench.gui_probe start DB        # the real program on DB, until its window is painted
    python -m bench.gui_probe memory DB       # the program on DB, every page visited; prints peak RSS
    python -m bench.gui_probe bare-memory     # peak RSS of the bare window
    python -m bench.gui_probe typeahead DB    # ms per keystroke in the 党员 search box
    python -m bench.gui_probe grid DB         # ms to open the 三会一课 year grid of a branch

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

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
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
            sys.stdout.write("PAINTED\n")
            sys.stdout.flush()
            QTimer.singleShot(0, self.then)
        return False


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
    while getattr(window, "ctx", None) is None:
        if time.perf_counter() > deadline:
            raise SystemExit("the main window never got its database")
        app.processEvents()
        time.sleep(0.002)
    _settle(app, window)
    home = window.pages.get("home")
    while home is not None and getattr(home, "data", True) is None and time.perf_counter() < deadline:
        _settle(app, window)
        time.sleep(0.002)


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
    """Time the 三会一课 page's 年度进度 tab filling and painting its grid, branch after branch."""
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
        app.processEvents()
        page.grid.view.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
    return {"per_open_ms": times, "rows": page.grid.model.rowCount()}


def main(argv: list[str]) -> int:
    mode = argv[0]
    app = QApplication.instance() or QApplication([sys.argv[0]])
    result: dict = {}

    def finish() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
        if mode not in ("bare", "bare-memory") and windows:
            _wait_ready(app, windows[0])
            sys.stdout.write("READY\n")
            sys.stdout.flush()
        if mode == "typeahead":
            result.update(_typeahead(app, windows[0]))
        if mode == "grid":
            result.update(_year_grid(app, windows[0]))
        if mode in ("memory", "bare-memory"):
            if mode == "memory" and windows:
                result["pages"] = _visit_every_page(app, windows[0])
            result["peak_rss_mb"] = peak_rss_mb()
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        app.exit(0)

    watcher = _PaintWatcher(finish)
    app.installEventFilter(watcher)
    if mode in ("bare", "bare-memory"):
        window = _bare_window()
        window.show()
        return app.exec()
    from dangjian_desktop.gui.app import main as app_main

    started = time.perf_counter()
    code = app_main(["--db", argv[1]])
    result.setdefault("ran_s", time.perf_counter() - started)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
