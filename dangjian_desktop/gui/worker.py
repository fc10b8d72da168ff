"""One way to run work from the GUI: never on the GUI thread, with progress, 取消 and one error presenter.

Every call from the GUI to a service that can touch the database or a file goes through `run`
(reached as `ctx.run`, see gui/context.py). The work runs on the worker lane, one thread, so
database jobs never run at the same time; the result comes back by signal; a progress dialog
appears only when the work takes more than half a second; 取消 stops it at its next safe point;
a failure is told by the one presenter (gui/presenter.py). For example::

    self.ctx.run(ms.import_roster, self.ctx.db, branch_id, path,  # fn(*args, **kwargs), on the lane
                 what="导入花名册",          # names the work: progress dialog, messages, status bar
                 parent=self,               # the dialog and messages sit on it; if it is gone when the
                                            #   job ends, the callbacks are not called
                 on_done=self._imported,    # the result, on the GUI thread
                 effect="write",            # what a failure leaves: "read" (nothing changed: the
                                            #   default), "write" (rolled back whole), "file" (not made)
                 progress=True,             # fn gets progress=callable(done, total, text)
                 cancellable=True,          # the dialog offers 取消; progress() then raises Cancelled
                 busy=(self.import_button,))  # disabled while it runs: no double submission

More, all optional: `on_refused(exc)` shows a DomainError in place (a red line in a dialog) rather
than in a message box; `on_cancelled()`; `on_end()` runs after any outcome; `key=` lets a newer
run with the same key replace an unfinished older one, whose result is dropped (page loads: the
latest filter wins); `dialog=False` never shows the progress dialog (page loads: the page stays
usable meanwhile). Whatever else fails (a bug, a lost connection) goes to the presenter: the
traceback to the log, one Chinese sentence to the person, saying whether anything was lost.

A long service takes `progress` and calls it only at safe points (between rows, documents, files,
inside its one transaction), so 取消 rolls an import back whole and a file being written is dropped.
A job that never calls it cannot be stopped, only waited for: do not offer 取消 for it. A new page
does its loading in one `run(..., key=..., dialog=False)` and its actions in one `run` each.

`Job`, `Lane.submit` and `delayed_progress` are the older, lower-level way (no 取消, no presenter),
kept for code not yet moved to `run`.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from typing import Any, Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from dangjian_desktop import faults
from dangjian_desktop.errors import Cancelled, DomainError
from dangjian_desktop.gui import gcguard

log = logging.getLogger(__name__)


class _JobSignals(QObject):
    sig_done = Signal(object)
    sig_failed = Signal(object)
    sig_progress = Signal(int, int, str)
    sig_ended = Signal(object)

    def end(self, _job) -> None:
        self.deleteLater()


class Job(QRunnable):
    """A callable run on the lane; it gets a `progress(done, total, text)` callback if it wants one."""

    def __init__(self, fn: Callable[..., Any], *args: Any, with_progress: bool = False, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the signals object must outlive run()
        self.signals = _gui_owned(_JobSignals())
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
        finally:
            self.signals.sig_ended.emit(self)


class Lane(QObject):
    """A single-thread pool: database jobs never run concurrently with each other."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gcguard.install()  # from now on, cycles are collected on the GUI thread only (see gcguard)
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


# ---------------------------------------------------------------- run: the one way from the GUI


def _gui_owned(signals: QObject) -> QObject:
    """Give a job's signals object to the application and delete it on the GUI thread once the job has
    ended: were Python to own it, the lane's thread could drop the last reference and delete a GUI
    thread's object under the feet of the signals it has just queued (a crash)."""
    app = QCoreApplication.instance()
    if app is not None:
        signals.setParent(app)
        signals.sig_ended.connect(signals.end)
    return signals


class _Signals(QObject):
    sig_ended = Signal(object)  # from the lane, last of all: the job itself
    sig_job_ended = Signal(object)  # the same, re-emitted on the GUI thread just before deletion

    def end(self, job) -> None:
        self.sig_job_ended.emit(job)
        self.deleteLater()


class _TaskSignals(_Signals):
    """Made on the GUI thread, emitted from the lane: so every signal is delivered on the GUI thread."""

    sig_done = Signal(object)
    sig_failed = Signal(object)
    sig_cancelled = Signal()
    sig_progress = Signal(int, int, str)


class _TaskJob(QRunnable):
    """What runs on the lane for a `Task`: the call, with a progress callback that is also its 取消."""

    PROGRESS_EVERY_S = 0.05  # at most 20 progress signals a second, however often the job reports

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, *, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the signals must outlive run()
        self.signals = _gui_owned(_TaskSignals())
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.with_progress = with_progress
        self.token = threading.Event()  # set by 取消 (or by a newer run with the same key)
        self._last = 0.0

    def progress(self, done: int, total: int, text: str = "") -> None:
        """The callback a long service calls at its safe points: raises Cancelled once 取消 was pressed,
        while work remains (done < total; a report of the end, done == total, is not a place to stop)."""
        if self.token.is_set() and done < total:
            raise Cancelled()
        now = time.monotonic()
        if now - self._last >= self.PROGRESS_EVERY_S or done >= total:
            self._last = now
            self.signals.sig_progress.emit(int(done), int(total), str(text))

    def run(self) -> None:
        signals = self.signals
        try:
            if self.token.is_set():  # cancelled while it waited for the lane: never started
                signals.sig_cancelled.emit()
                return
            kwargs = dict(self.kwargs, progress=self.progress) if self.with_progress else self.kwargs
            result = self.fn(*self.args, **kwargs)
        except Cancelled:
            signals.sig_cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread and told there
            signals.sig_failed.emit(exc)
        else:
            signals.sig_done.emit(result)
        finally:
            signals.sig_ended.emit(self)


class Task(QObject):
    """One piece of work handed to `Runner.run`: queued, running, then ended once (done, refused or
    failed, cancelled, or replaced by a newer run with the same key)."""

    sig_finished = Signal()  # after the callbacks, whatever the outcome
    sig_dialog_shown = Signal()  # the work took long enough for the progress dialog

    def __init__(self, runner: Runner, job: _TaskJob, *, what: str, parent, on_done, on_refused,
                 on_cancelled, on_end, effect: faults.Effect, cancellable: bool, busy: Iterable, key,
                 dialog: bool) -> None:
        super().__init__()  # no parent: the runner holds it until it has ended (see Runner._retire)
        self.runner, self.job = runner, job
        self.what, self.parent_widget, self.effect = what, parent, effect
        self.on_done, self.on_refused, self.on_cancelled, self.on_end = on_done, on_refused, on_cancelled, on_end
        self.cancellable, self.key = cancellable, key
        self.finished = False
        self.outcome: str | None = None  # done / failed / cancelled / replaced
        self.dialog: ProgressDialog | None = None
        self._busy = list(busy)
        runner._hold(self._busy)
        job.signals.sig_done.connect(self._done)
        job.signals.sig_failed.connect(self._failed)
        job.signals.sig_cancelled.connect(self._cancelled)
        job.signals.sig_progress.connect(self._progress)
        if dialog:
            QTimer.singleShot(max(0, runner.delay_ms), self, self._show_dialog)

    @property
    def cancel_requested(self) -> bool:
        return self.job.token.is_set()

    def cancel(self) -> None:
        """取消: the job stops at its next safe point (or is never started); its outcome comes by signal."""
        if self.finished or self.cancel_requested:
            return
        self.job.token.set()
        if self.dialog is not None:
            self.dialog.cancelling(self.effect)

    def replace(self) -> None:
        """A newer run with the same key: this one's result no longer matters."""
        if not self.finished:
            self.job.token.set()
            self._finish("replaced", None)

    # -------------------------------------------------------------- on the GUI thread

    def _alive(self) -> bool:
        return self.parent_widget is None or isValid(self.parent_widget)

    def _show_dialog(self) -> None:
        if self.finished or not self._alive():
            return
        self.dialog = ProgressDialog(self, self.parent_widget)
        if self.cancel_requested:
            self.dialog.cancelling(self.effect)
        self.dialog.show()
        self.sig_dialog_shown.emit()

    def _progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None and not self.finished:
            self.dialog.set_progress(done, total, text)

    def _done(self, result) -> None:
        self._finish("done", result)

    def _failed(self, exc) -> None:
        self._finish("failed", exc)

    def _cancelled(self) -> None:
        self._finish("cancelled", None)

    def _finish(self, outcome: str, value) -> None:
        if self.finished:
            return
        self.finished, self.outcome = True, outcome
        if self.dialog is not None:
            self.dialog.finish()
            self.dialog = None
        self.runner._let_go(self._busy)
        self.runner._forget(self)
        try:
            alive = self._alive()
            if outcome == "replaced":
                return
            if outcome == "failed":
                if alive and self.on_refused is not None and isinstance(value, DomainError):
                    self.on_refused(value)
                else:  # told even if the window that asked is gone: the person must know
                    self.runner.presenter.failed(value, what=self.what, effect=self.effect,
                                                 parent=self.parent_widget if alive else None)
            elif not alive:
                return
            elif outcome == "done":
                if self.on_done is not None:
                    self.on_done(value)
            elif outcome == "cancelled":
                if self.on_cancelled is not None:
                    self.on_cancelled()
                else:
                    self.runner.sig_status.emit(cancelled_text(self.what, self.effect))
            if alive and self.on_end is not None:
                self.on_end()
        finally:
            self.sig_finished.emit()
            self.runner._retire(self)


def cancelled_text(what: str, effect: faults.Effect) -> str:
    """What the status bar says after 取消."""
    return f"已取消{what}。" + {"write": "没有写入任何数据。", "file": "没有生成文件。"}.get(effect, "")


class Runner(QObject):
    """`run` on one lane (see the module's docstring); one per open database (AppContext)."""

    sig_status = Signal(str)  # short news for the status bar, e.g. 已取消导入花名册

    _all: weakref.WeakSet = weakref.WeakSet()

    def __init__(self, lane: Lane, asker, parent: QObject | None = None) -> None:
        from dangjian_desktop.gui.presenter import Presenter

        super().__init__(parent)
        self.lane = lane
        self.presenter = Presenter(asker, self)
        self.delay_ms = 500  # the progress dialog appears only for work longer than this
        self._tasks: set[Task] = set()
        self._keyed: dict[Any, Task] = {}
        self._jobs: set[_TaskJob] = set()  # held until the lane is done with them
        self._retired: list[Task] = []  # ended tasks, let go of on the next turn of the event loop
        self._held: dict[Any, list] = {}  # widget → [tasks holding it disabled, whether it was enabled before]
        Runner._all.add(self)

    def run(self, fn: Callable[..., Any], *args: Any, what: str, parent=None,
            on_done: Callable[[Any], None] | None = None,
            on_refused: Callable[[DomainError], None] | None = None,
            on_cancelled: Callable[[], None] | None = None,
            on_end: Callable[[], None] | None = None,
            effect: faults.Effect = "read", progress: bool = False, cancellable: bool = False,
            busy: Iterable = (), key: Any = None, dialog: bool = True, **kwargs: Any) -> Task:
        """Run `fn(*args, **kwargs)` on the lane; see the module's docstring."""
        if cancellable and not progress:
            raise ValueError("取消 needs a job that reports progress (its safe points)")
        job = _TaskJob(fn, args, kwargs, with_progress=progress)
        task = Task(self, job, what=what, parent=parent, on_done=on_done, on_refused=on_refused,
                    on_cancelled=on_cancelled, on_end=on_end, effect=effect, cancellable=cancellable,
                    busy=busy, key=key, dialog=dialog)
        if key is not None:
            older = self._keyed.get(key)
            self._keyed[key] = task
            if older is not None:
                older.replace()
        self._tasks.add(task)
        self._jobs.add(job)
        job.signals.sig_job_ended.connect(self._job_ended)
        self.lane.pool.start(job)
        return task

    def _forget(self, task: Task) -> None:
        self._tasks.discard(task)
        if task.key is not None and self._keyed.get(task.key) is task:
            del self._keyed[task.key]

    def _hold(self, widgets: list) -> None:
        """Disable `widgets` while a task runs; two tasks holding one widget give it back once both end."""
        for widget in widgets:
            held = self._held.setdefault(widget, [0, widget.isEnabled()])
            held[0] += 1
            widget.setEnabled(False)

    def _let_go(self, widgets: list) -> None:
        for widget in widgets:
            held = self._held.get(widget)
            if held is None:
                continue
            held[0] -= 1
            if held[0] <= 0:
                del self._held[widget]
                if isValid(widget):
                    widget.setEnabled(held[1])

    def _job_ended(self, job: _TaskJob) -> None:
        self._jobs.discard(job)

    def _retire(self, task: Task) -> None:
        """Let go of an ended task, but not from inside its own slot (deleting an object in its own
        event handler is undefined): on the next turn of the event loop."""
        if not self._retired:
            QTimer.singleShot(0, self, self._release)
        self._retired.append(task)

    def _release(self) -> None:
        self._retired.clear()

    @property
    def idle(self) -> bool:
        """No work queued, running, or waiting for its result to be delivered."""
        return not self._tasks and not self._jobs

    def cancel_all(self) -> None:
        """取消 every job that can be stopped (the window is closing)."""
        for task in list(self._tasks):
            if task.cancellable:
                task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Until every job has ended and its result was delivered (closing, tests); False on timeout."""
        deadline = time.monotonic() + msecs / 1000
        while not self.idle:
            if time.monotonic() > deadline:
                return False
            self.lane.pool.waitForDone(10)
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()
        return True

    @classmethod
    def all_idle(cls) -> bool:
        return all(r.idle for r in list(cls._all) if isValid(r))


class ProgressDialog(QDialog):
    """正在…: what is being done, how far, and 取消 if the work can stop at a safe point.
    Window-modal: the window that asked takes no other clicks meanwhile (no double submission)."""

    def __init__(self, task: Task, parent) -> None:
        super().__init__(parent)
        self.task = task
        self._closing = False
        self.setWindowTitle(task.what)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, task.cancellable)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.label = QLabel(f"正在{task.what}……", self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the job says how far it is
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.cancel_button = None
        if task.cancellable:
            self.cancel_button = QPushButton("取消", self)
            self.cancel_button.setAutoDefault(False)
            self.cancel_button.clicked.connect(task.cancel)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.cancel_button)
            layout.addLayout(row)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("正") * 26)

    def set_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setTextVisible(True)
        if text and not self.task.cancel_requested and text != self.label.text():
            self.label.setText(text)
            if self.label.sizeHint().height() > self.label.height():
                self.adjustSize()

    def cancelling(self, effect) -> None:
        after = {"write": "已做的部分会全部撤销。", "file": "未写完的文件会删除。"}.get(effect, "")
        self.label.setText(f"正在取消{self.task.what}……\n到下一个可以安全停下的地方就停止"
                           + (f"，{after}" if after else "。"))
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)
        self.adjustSize()  # two lines now: grow rather than cut them off

    def reject(self) -> None:  # Esc or the close box: 取消 if the work can stop, else keep waiting
        if self._closing:
            super().reject()
        elif self.task.cancellable:
            self.task.cancel()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._closing:
            super().closeEvent(event)
            return
        event.ignore()
        self.reject()

    def finish(self) -> None:
        self._closing = True
        self.close()
        self.deleteLater()


class SavingDialog(QDialog):
    """A dialog that saves through `run`: while its save runs it cannot be closed (Esc, 取消, ×), so it
    never closes before the save succeeded; it closes itself (accept) when the save is done."""

    save_task: Task | None = None

    @property
    def saving(self) -> bool:
        return self.save_task is not None and not self.save_task.finished

    def run_save(self, ctx, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """`ctx.run` for the dialog's save: effect "write", the dialog as parent, one save at a time."""
        kwargs.setdefault("effect", "write")
        kwargs.setdefault("parent", self)
        self.save_task = ctx.run(fn, *args, **kwargs)
        return self.save_task

    def _refused(self, exc: Exception) -> None:
        """`run_save`'s on_refused for a dialog made from a form with an errorLabel: the reason, in the dialog."""
        self.form.errorLabel.setText(str(exc))
        self.form.errorLabel.show()

    def _saved(self, result: Any) -> None:
        """`run_save`'s on_done for a dialog that hands what it saved to its caller: kept as `saved`, then closed."""
        self.saved = result
        self.accept()

    _clean_state: tuple | None = None  # what the fields held when the dialog was ready (see `changed`)

    def mark_clean(self) -> None:
        """What the fields hold now is what is saved: closing without saving asks only after a change."""
        self._clean_state = _fields_state(self)

    @property
    def changed(self) -> bool:
        return self._clean_state is not None and _fields_state(self) != self._clean_state

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._clean_state is None:
            if getattr(self, "loaded", True):
                self.mark_clean()
            elif hasattr(self, "sig_loaded"):  # filled once its data is read
                self.sig_loaded.connect(self.mark_clean, Qt.ConnectionType.SingleShotConnection)

    def reject(self) -> None:
        if self.saving:
            return
        ctx = getattr(self, "ctx", None)
        if self.changed and ctx is not None and not ctx.asker.confirm(
                self, "放弃修改", "所做的修改还没有保存。放弃这些修改并关闭吗？", danger=True):
            return  # Esc, 取消 or × with changes: asked first; "no" keeps the dialog and the typing
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.saving:
            event.ignore()
            return
        super().closeEvent(event)


def _fields_state(root) -> tuple:
    """The values of every field of a dialog (text boxes, lists, dates, numbers, ticks), in order."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QDateEdit,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    out = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLineEdit) and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            out.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out.append((w.currentIndex(), w.currentText()))
        elif isinstance(w, QDateEdit):
            out.append(w.date().toJulianDay())
        elif isinstance(w, QAbstractSpinBox):
            out.append(w.text())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            out.append(w.isChecked())
    return tuple(out)
