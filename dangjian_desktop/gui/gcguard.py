"""Python's cycle collector runs only on the GUI thread once the program has a worker lane.

CPython collects reference cycles in whichever thread happens to allocate when a threshold is
crossed: with a lane reading the database, that is usually the lane. A cycle holding a Qt object
made on the GUI thread (a closed dialog and its callbacks, an old page) is then destroyed on the
lane while the GUI thread uses Qt, and Qt objects may only be destroyed in their own thread: the
program crashes at a random place later (seen as a segmentation fault in the cycle collector, on
the GUI thread, while the lane read the branches). So, as calibre does (after Kovid Goyal's note
on the PyQt list, 2011), automatic collection is switched off when the first lane is made and a
timer on the GUI thread collects with the interpreter's own thresholds instead. Objects freed by
plain reference counting are unaffected; only cycles wait, for at most `INTERVAL_MS`.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer
from shiboken6 import isValid

INTERVAL_MS = 1000

_guard: _Guard | None = None


def collect_if_due() -> int:
    """Collect the generations whose thresholds were crossed, youngest first, the way the
    interpreter would have (call only on the GUI thread). Returns how many objects were freed."""
    if QThread.currentThread() != _app_thread():
        raise RuntimeError("the cycle collector must run on the GUI thread")
    threshold = gc.get_threshold()
    count = gc.get_count()
    freed = 0
    if count[0] > threshold[0]:
        generation = 0
        if count[1] > threshold[1]:
            generation = 1
            if count[2] > threshold[2]:
                generation = 2
        freed = gc.collect(generation)
    return freed


class _Guard(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)  # lives as long as the application, on its thread
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(collect_if_due)
        self.timer.start()


def _app_thread() -> QThread | None:
    app = QCoreApplication.instance()
    return app.thread() if app is not None else None


def install() -> bool:
    """Switch automatic collection off and collect on the GUI thread's timer instead (idempotent).
    Called by the first worker lane; without an application (the command line) nothing changes."""
    global _guard
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() != app.thread():
        return False
    if _guard is None or not isValid(_guard):
        _guard = _Guard(app)
    gc.disable()
    return True


def installed() -> bool:
    return _guard is not None and isValid(_guard) and not gc.isenabled()
