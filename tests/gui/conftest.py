"""GUI test helpers: a scripted Asker that answers questions the way the test says."""

from __future__ import annotations

import pytest

from dangjian_desktop.gui.ask import Asker


class ScriptedAsker(Asker):
    """Records every message and answers from queues the test fills."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []
        self.confirm_answers: list[bool] = []
        self.file_answers: list[str | None] = []
        self.text_answers: list[str | None] = []
        self.choose_answers: list[int | None] = []
        self.choose_defaults: list[int] = []  # the answer preselected each time a choice was asked

    def info(self, parent, title, text):
        self.messages.append(("info", title, text))

    def warn(self, parent, title, text):
        self.messages.append(("warn", title, text))

    def error(self, parent, title, text):
        self.messages.append(("error", title, text))

    def confirm(self, parent, title, text, *, danger=False):
        self.messages.append(("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else False

    def choose(self, parent, title, text, choices, default=0):
        self.messages.append(("choose", title, text))
        self.choose_defaults.append(default)
        return self.choose_answers.pop(0) if self.choose_answers else None

    def text(self, parent, title, label, default=""):
        self.messages.append(("text", title, label))
        return self.text_answers.pop(0) if self.text_answers else None

    def open_file(self, parent, title, folder, filters):
        return self.file_answers.pop(0) if self.file_answers else None

    def open_files(self, parent, title, folder, filters):
        answer = self.file_answers.pop(0) if self.file_answers else None
        return [answer] if answer else []

    def save_file(self, parent, title, suggested, filters):
        return self.file_answers.pop(0) if self.file_answers else None

    def folder(self, parent, title, folder):
        return self.file_answers.pop(0) if self.file_answers else None


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person: ASCII by key presses, Chinese as an input method commits it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    chunk = ""

    def flush_ascii():
        nonlocal chunk
        if chunk:
            qtbot.keyClicks(widget, chunk)
            chunk = ""

    for ch in text:
        if ord(ch) < 128:
            chunk += ch
            continue
        flush_ascii()
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QCoreApplication.sendEvent(widget, event)
    flush_ascii()


@pytest.fixture
def typist(qtbot):
    """`typist(widget, "张三 zs")` types into a widget the way a person would."""
    return lambda widget, text: type_text(qtbot, widget, text)


@pytest.fixture
def asker() -> ScriptedAsker:
    return ScriptedAsker()


@pytest.fixture
def make_window(qtbot, asker):
    """Build the main window on a database, as the program does after opening it."""
    from dangjian_desktop.gui.context import AppContext
    from dangjian_desktop.gui.main_window import MainWindow
    from dangjian_desktop.userconfig import UserConfig

    def build(db):
        ctx = AppContext(db=db, config=UserConfig(), asker=asker)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitUntil(lambda: window.ready, timeout=10000)  # the branches are read off the GUI thread
        return window

    return build


def wait_idle(timeout: int = 20000) -> None:
    """Until every job on the worker lanes has ended and its result was delivered, as a person waits
    for the screen to settle after a click (the event loop turns meanwhile)."""
    import time

    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    from dangjian_desktop.gui.worker import Runner

    deadline = time.monotonic() + timeout / 1000
    while not Runner.all_idle():
        if time.monotonic() > deadline:
            raise AssertionError(f"the program was still working after {timeout} ms")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QThread.msleep(2)
    QCoreApplication.processEvents()


@pytest.fixture
def settle(qtbot):
    """`settle()`: wait until the program has finished the work the last click started."""
    return lambda timeout=20000: wait_idle(timeout)


@pytest.fixture
def start_app(qtbot):
    """`start_app(controller, db_arg)`: start as the program does (window frame first, the database
    opened behind it) and wait for the end. Returns (start's result, sig_opened's value or None)."""

    def start(controller, db_arg=None, timeout=20000):
        outcome = []
        controller.sig_opened.connect(outcome.append)
        started = controller.start(db_arg)
        if started and controller.first_run is None:
            qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
        return started, (outcome[0] if outcome else None)

    return start


@pytest.fixture
def when_modal(qtbot):
    """`when_modal(answer)`: call `answer(dialog)` once a modal dialog is up (it may come later,
    e.g. the password asked once the database has opened behind the window frame)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    timers = []

    def arm(answer):
        timer = QTimer()
        timer.setInterval(20)

        def poll():
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                timer.stop()
                answer(dialog)

        timer.timeout.connect(poll)
        timer.start()
        timers.append(timer)

    yield arm
    for timer in timers:
        timer.stop()
