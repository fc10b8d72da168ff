"""One lane for database work: jobs run one at a time off the GUI thread, results come by signal."""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _JobSignals(QObject):
    sig_done = Signal(object)
    sig_failed = Signal(object)
    sig_progress = Signal(int, int, str)


class Job(QRunnable):
    """A callable run on the lane; it gets a `progress(done, total, text)` callback if it wants one."""

    def __init__(self, fn: Callable[..., Any], *args: Any, with_progress: bool = False, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the signals object must outlive run()
        self.signals = _JobSignals()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.with_progress = with_progress

    def run(self) -> None:
        try:
            if self.with_progress:
                self.kwargs["progress"] = lambda done, total, text: self.signals.sig_progress.emit(done, total, text)
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # delivered to the GUI thread, shown there
            if not getattr(exc, "message", None):
                # the traceback is kept for support; logs.py takes ID and phone numbers out of the
                # record (message and traceback) before anything is written
                log.error("job failed: %s", type(exc).__name__, exc_info=True)
            self.signals.sig_failed.emit(exc)
        else:
            self.signals.sig_done.emit(result)


class Lane(QObject):
    """A single-thread pool: database jobs never run concurrently with each other."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._jobs: set[Job] = set()

    def submit(self, job: Job, on_done: Callable[[Any], None] | None = None,
               on_failed: Callable[[Exception], None] | None = None) -> Job:
        self._jobs.add(job)

        def finished(_=None) -> None:
            self._jobs.discard(job)

        if on_done:
            job.signals.sig_done.connect(on_done)
        if on_failed:
            job.signals.sig_failed.connect(on_failed)
        job.signals.sig_done.connect(finished)
        job.signals.sig_failed.connect(finished)
        self.pool.start(job)
        return job

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


class _ShowWatcher(QObject):
    def __init__(self, parent: QObject, on_shown: Callable[[], None]) -> None:
        super().__init__(parent)
        self.on_shown = on_shown

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Show:
            self.on_shown()
        return False


def delayed_progress(parent, title: str, job: Job, delay_ms: int = 500,
                     on_shown: Callable[[], None] | None = None):
    """A progress dialog that appears only if the job takes longer than `delay_ms`."""
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(title, "", 0, 0, parent)
    if on_shown is not None:
        dialog.installEventFilter(_ShowWatcher(dialog, on_shown))
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoClose(True)
    dialog.setAutoReset(False)
    dialog.setValue(0)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        dialog.setLabelText(text)

    def close(_=None) -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    job.signals.sig_progress.connect(progress)
    job.signals.sig_done.connect(close)
    job.signals.sig_failed.connect(close)
    return dialog
