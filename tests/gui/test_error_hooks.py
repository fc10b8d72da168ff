"""An exception nobody caught (in a slot, in a thread, in a command) is never a traceback on screen:
one Chinese sentence for the person, the traceback in the log, without ID or phone numbers."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from dangjian_desktop import logs
from dangjian_desktop.gui.presenter import Presenter, install

ENGLISH = re.compile(r"[A-Za-z]{4,}")
PERSONAL = "身份证号 110101199003071234，电话 13812345678"


@pytest.fixture
def log_file(workdir):
    handler = logs.setup_file_log(workdir / "日志")
    yield Path(handler.baseFilename)
    logging.getLogger().removeHandler(handler)
    handler.close()


@pytest.fixture
def hooks(asker):
    """The GUI's hooks as main() installs them, taken away again after the test."""
    saved = sys.excepthook, threading.excepthook
    presenter = Presenter(asker)
    install(presenter)
    yield presenter
    sys.excepthook, threading.excepthook = saved


def _said(text: str, log_file: Path) -> str:
    return text.replace(str(log_file), "")


@pytest.mark.qt_no_exception_capture
def test_a_slot_that_raises_shows_one_chinese_sentence_and_logs_the_traceback(qtbot, asker, hooks, log_file):
    button = QPushButton("导出")
    qtbot.addWidget(button)

    def slot():
        raise RuntimeError(f"坏了：{PERSONAL}")

    button.clicked.connect(slot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asker.messages))
    [(kind, title, text)] = asker.messages
    assert kind == "error" and title == "出错了"
    assert text.startswith("程序出错了。") and "之前保存的数据不受影响" in text and str(log_file) in text
    assert not ENGLISH.search(_said(text, log_file)) and "110101199003071234" not in text
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError" in logged and "in slot" in logged
    assert "110101199003071234" not in logged and "13812345678" not in logged


@pytest.mark.qt_no_exception_capture
def test_a_slot_that_keeps_failing_shows_one_box_not_a_hundred(qtbot, asker, hooks, log_file):
    shown = []

    def error(parent, title, text):  # while the first box is open, the same fault happens again
        shown.append(text)
        if len(shown) == 1:
            for _ in range(3):
                hooks._show_text("出错了", "again")

    asker.error = error
    button = QPushButton("刷新")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: 1 / 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.wait(50)
    assert len(shown) == 1 and "again" in log_file.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_a_thread_that_raises_is_told_on_the_gui_thread(qtbot, asker, hooks, log_file):
    def work():
        raise ValueError(PERSONAL)

    thread = threading.Thread(target=work, name="整理附件")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(asker.messages))
    kind, title, text = asker.messages[0]
    assert kind == "error" and text.startswith("程序出错了。")
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError" in logged and "110101199003071234" not in logged


def test_the_program_installs_the_hooks_at_start(qtbot, monkeypatch, workdir):
    import dangjian_desktop.gui.app as app_module
    import dangjian_desktop.gui.presenter as presenter_module

    installed = []
    monkeypatch.setattr(presenter_module, "install", installed.append)
    monkeypatch.setattr(app_module.Controller, "start", lambda self, db_arg=None: False)
    monkeypatch.setattr(app_module, "setup_logging", lambda: None)
    assert app_module.main(["--db", str(workdir / "无.db")]) == 1
    assert len(installed) == 1 and isinstance(installed[0], Presenter)
