"""gui/worker.py `run`: off the GUI thread, results by signal, progress only when slow, 取消 at a safe point,
newest load wins, no double submission, and every failure told in one Chinese sentence."""

from __future__ import annotations

import re
import sys
import threading
import time

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from dangjian_desktop.errors import Cancelled, InputErrors, ValidationError
from dangjian_desktop.gui.worker import Lane, ProgressDialog, Runner
from tests.gui.conftest import wait_idle

ENGLISH = re.compile(r"[A-Za-z]{4,}")  # a word of Python's (Error, Traceback, None …), never shown to people


@pytest.fixture
def runner(asker):
    r = Runner(Lane(), asker)
    yield r
    r.cancel_all()
    assert r.wait(10000)


@pytest.fixture
def widget(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


def _dialogs() -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog) and w.isVisible()]


def test_the_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot, runner, widget):
    seen = {}

    def work(a, b, *, c):
        seen["worker"] = threading.current_thread()
        return a + b + c

    def done(result):
        seen["result"], seen["delivered"] = result, threading.current_thread()

    runner.run(work, 1, 2, c=3, what="计算", parent=widget, on_done=done)
    assert "result" not in seen  # not on the spot: by signal, later
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 6
    assert seen["worker"] is not threading.main_thread() and seen["delivered"] is threading.main_thread()


def test_one_job_at_a_time(qtbot, runner):
    running, overlaps = [], []

    def work(i):
        running.append(i)
        if len(running) > 1:
            overlaps.append(tuple(running))
        time.sleep(0.02)
        running.remove(i)
        return i

    results = []
    for i in range(5):
        runner.run(work, i, what="读取", on_done=results.append)
    wait_idle()
    assert results == [0, 1, 2, 3, 4] and not overlaps  # database jobs never run at the same time


def test_progress_appears_only_when_the_work_takes_longer_than_half_a_second(qtbot, runner, widget):
    runner.run(time.sleep, 0.05, what="读取", parent=widget)
    wait_idle()
    assert not _dialogs()  # quick work: no flash of a dialog
    shown = []
    task = runner.run(time.sleep, 0.9, what="导入花名册", parent=widget)
    task.sig_dialog_shown.connect(lambda: shown.append(time.monotonic()))
    started = time.monotonic()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0] - started >= 0.45
    dialog = _dialogs()[0]
    assert dialog.label.text() == "正在导入花名册……" and dialog.cancel_button is None  # cannot stop: no 取消
    assert dialog.windowModality() == Qt.WindowModality.WindowModal  # the window takes no other clicks
    wait_idle()
    assert not _dialogs()


def test_cancel_stops_the_work_at_its_next_safe_point(qtbot, runner, widget, asker):
    steps, outcome = [], []
    go_on = threading.Event()

    def work(progress):
        for i in range(100):
            progress(i, 100, f"第 {i + 1} 行")
            steps.append(i)
            if i == 2:
                go_on.wait(5)
        return "done"

    runner.delay_ms = 0
    status = []
    runner.sig_status.connect(status.append)
    task = runner.run(work, what="导入花名册", parent=widget, effect="write", progress=True, cancellable=True,
                      on_done=outcome.append)
    qtbot.waitUntil(lambda: bool(_dialogs()) and len(steps) == 3)
    dialog = _dialogs()[0]
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "正在取消" in dialog.label.text() and not dialog.cancel_button.isEnabled()
    go_on.set()
    wait_idle()
    assert steps == [0, 1, 2] and not outcome and task.outcome == "cancelled"
    assert status == ["已取消导入花名册。没有写入任何数据。"]
    assert not asker.messages  # a 取消 is not an error


def test_a_job_cancelled_before_it_starts_never_runs(qtbot, runner):
    ran = []
    blocker = threading.Event()
    runner.run(blocker.wait, 5, what="读取")
    second = runner.run(lambda progress: ran.append(1), what="导出", progress=True, cancellable=True)
    second.cancel()
    blocker.set()
    wait_idle()
    assert not ran and second.outcome == "cancelled"


def test_cancel_needs_a_job_that_reports_its_safe_points(runner):
    with pytest.raises(ValueError):
        runner.run(time.sleep, 0, what="导出", cancellable=True)


def test_the_end_is_reported_but_is_no_place_to_stop(qtbot, runner):
    started = threading.Event()  # the task is known before the job presses 取消 (a busy machine ran it first)

    def work(progress):
        started.wait(5)
        runner_task.cancel()  # pressed while the last step finishes
        progress(10, 10, "完成")  # the file is written: too late to call it cancelled
        return "written"

    results = []
    runner_task = runner.run(work, what="导出", progress=True, cancellable=True, on_done=results.append)
    started.set()
    wait_idle()
    assert results == ["written"] and runner_task.outcome == "done"


def test_the_newest_load_wins(qtbot, runner, widget):
    shown = []
    gate = threading.Event()

    def load(value):
        if value == "old":
            gate.wait(5)
        return value

    runner.run(load, "old", what="读取", parent=widget, key="page", dialog=False, on_done=shown.append)
    runner.run(load, "new", what="读取", parent=widget, key="page", dialog=False, on_done=shown.append)
    gate.set()
    wait_idle()
    assert shown == ["new"]  # the older answer, arriving later, is dropped


def test_a_button_stays_disabled_while_its_work_runs(qtbot, runner, widget):
    button = QPushButton("保存", widget)
    gate = threading.Event()
    runner.run(gate.wait, 5, what="保存", parent=widget, busy=(button,))
    runner.run(time.sleep, 0.01, what="保存", parent=widget, busy=(button,))
    assert not button.isEnabled()  # no double submission
    gate.set()
    wait_idle()
    assert button.isEnabled()
    button.setEnabled(False)  # a button disabled for its own reasons stays so
    runner.run(time.sleep, 0, what="保存", parent=widget, busy=(button,))
    wait_idle()
    assert not button.isEnabled()


def test_callbacks_are_not_called_once_the_window_that_asked_is_gone(qtbot, runner):
    window = QWidget()
    called = []
    runner.run(time.sleep, 0.05, what="读取", parent=window, on_done=called.append)
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    wait_idle()
    assert not called


def test_a_refusal_shows_its_own_message_or_goes_where_the_page_says(qtbot, runner, widget, asker):
    def refuse():
        raise ValidationError("入党日期不能晚于今天。", where="第3行")

    runner.run(refuse, what="保存党员信息", parent=widget, effect="write")
    wait_idle()
    assert asker.messages == [("warn", "无法保存党员信息", "第3行：入党日期不能晚于今天。")]
    inline = []
    runner.run(refuse, what="保存党员信息", parent=widget, on_refused=inline.append)
    wait_idle()
    assert [str(e) for e in inline] == ["第3行：入党日期不能晚于今天。"] and len(asker.messages) == 1


def test_many_problems_are_listed_with_a_count(qtbot, runner, widget, asker):
    def refuse():
        raise InputErrors([f"第{i}行：日期写错了" for i in range(1, 31)], summary="发现 30 处问题，未导入任何数据。")

    runner.run(refuse, what="导入花名册", parent=widget)
    wait_idle()
    text = asker.messages[-1][2]
    assert text.startswith("发现 30 处问题，未导入任何数据。") and "第20行" in text and "第21行" not in text
    assert text.endswith("……共 30 处")


def test_a_fault_is_one_chinese_sentence_and_its_traceback_goes_to_the_log(qtbot, runner, widget, asker, log_file):
    def broken():
        {}["身份证号 110101199003071234 电话 13812345678"]  # a bug, with personal data in its text

    runner.run(broken, what="保存会议记录", parent=widget, effect="write")
    wait_idle()
    [(kind, title, text)] = asker.messages
    assert kind == "error" and not ENGLISH.search(text.replace(str(log_file), "")) and text.count("。") <= 4
    assert text.startswith("程序出错了，没能保存会议记录。") and "这次的修改没有保存" in text
    assert str(log_file) in text
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "KeyError" in logged and "in broken" in logged
    assert "110101199003071234" not in logged and "13812345678" not in logged


def test_what_a_fault_lost_is_said_truthfully(qtbot, runner, widget, asker):
    def broken():
        raise RuntimeError("x")

    for effect, lost in (("read", "数据没有任何改动"), ("file", "文件没有生成"), ("write", "这次的修改没有保存")):
        runner.run(broken, what="做事", parent=widget, effect=effect)
        wait_idle()
        assert lost in asker.messages[-1][2]


def test_a_file_that_cannot_be_written_is_named_in_chinese(qtbot, runner, widget, asker, workdir):
    target = workdir / "U盘已拔出" / "花名册.xlsx"  # the folder is gone (the tests run as root: no chmod)
    runner.run(target.write_bytes, b"x", what="导出花名册", parent=widget, effect="file")
    wait_idle()
    kind, title, text = asker.messages[-1]
    assert title == "无法导出花名册" and "花名册.xlsx" in text and "文件或文件夹不存在" in text and "文件没有生成" in text
    assert "No such" not in text and "Errno" not in text


def test_a_lost_database_connection_is_said_as_such(qtbot, runner, widget, asker):
    from sqlalchemy.exc import OperationalError

    def lost():
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))

    runner.run(lost, what="读取党员名册", parent=widget)
    wait_idle()
    text = asker.messages[-1][2]
    assert text.startswith("无法读写数据库，没能读取党员名册") and "server" not in text


def test_a_failure_is_told_even_when_the_window_that_asked_has_closed(qtbot, runner, asker):
    window = QWidget()
    runner.run(lambda: 1 / 0, what="自动保存", parent=window, effect="write")
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    wait_idle()
    assert asker.messages and asker.messages[-1][0] == "error"


def test_a_cancelled_service_leaves_no_trace_of_the_cancel_in_messages(qtbot, runner, widget, asker):
    def work(progress):
        raise Cancelled()

    runner.run(work, what="导出", parent=widget, progress=True, cancellable=True)
    wait_idle()
    assert not asker.messages


class _Emitter(QObject):
    sig = Signal(object)


def test_emitting_signals_keeps_python_sound():
    """PySide6 6.12.0 drops a reference to True on every Python-side emit: a long session (a job emits
    three or four signals) ends in "Fatal Python error: deallocating True". pyproject excludes it."""
    emitter = _Emitter()
    emitter.sig.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.sig.emit(None)
    assert sys.getrefcount(True) >= before - 5


@pytest.fixture
def log_file(workdir):
    import logging
    from pathlib import Path

    from dangjian_desktop import logs

    handler = logs.setup_file_log(workdir / "日志")
    yield Path(handler.baseFilename)
    logging.getLogger().removeHandler(handler)
    handler.close()
