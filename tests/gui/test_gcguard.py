"""Cycles holding Qt objects are destroyed on the GUI thread, never on the lane (gui/gcguard.py).

Were the cycle collector left to run wherever a threshold is crossed, a lane reading the database
would destroy a closed dialog's Qt objects off the GUI thread: a crash at a random later moment
(it happened, as a segmentation fault in the collector while the lane read the branches)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from dangjian_desktop.gui import gcguard
from dangjian_desktop.gui.worker import Lane, Runner
from tests.gui.conftest import wait_idle


class _Dialogish:
    """What a closed dialog leaves: a Qt object in a reference cycle with its callback."""

    def __init__(self) -> None:
        self.qt = QObject()
        self.callback = self.close  # the cycle

    def close(self) -> None:
        pass


def _allocate_a_lot() -> int:
    """What a lane does while reading: many short-lived containers (crosses every GC threshold)."""
    kept = 0
    for i in range(300_000):
        pair = [i, {}]
        pair[1]["self"] = pair  # cycles, so the generations fill as they would with ORM rows
        kept += len(pair)
    return kept


def test_a_lane_turns_automatic_collection_off(qtbot):
    gc.enable()
    Lane()
    assert not gc.isenabled() and gcguard.installed()


def test_a_cycle_with_a_qt_object_is_destroyed_on_the_gui_thread_not_on_the_lane(qtbot, asker):
    runner = Runner(Lane(), asker)
    where: list[int] = []
    leftover = _Dialogish()
    weakref.finalize(leftover, lambda: where.append(threading.get_ident()))
    del leftover  # only the cycle keeps it now: the reference count alone cannot free it
    done: list[int] = []
    runner.run(_allocate_a_lot, what="读取", on_done=done.append, dialog=False)
    wait_idle()
    assert done
    qtbot.waitUntil(lambda: bool(where), timeout=gcguard.INTERVAL_MS * 5)  # the GUI thread's timer
    assert where == [threading.main_thread().ident], "collected on the lane"


def test_collecting_off_the_gui_thread_is_refused(qtbot):
    failed: list[BaseException] = []

    def elsewhere() -> None:
        try:
            gcguard.collect_if_due()
        except RuntimeError as exc:
            failed.append(exc)

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert failed
