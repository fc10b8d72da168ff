"""The one error presenter: whatever goes wrong, the person reads one Chinese sentence, the log gets the rest.

A refusal (`DomainError`) shows its own message; a file problem says which file and why; a fault
of the program is logged with its traceback (redacted by logs.py) and told as a sentence saying
what did not happen and whether anything was lost (dangjian_desktop.faults). Used by the worker
lane for failed jobs (gui/worker.py) and by the exception hooks of the GUI (`install`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from dangjian_desktop import faults
from dangjian_desktop.errors import DomainError

if TYPE_CHECKING:
    from dangjian_desktop.gui.ask import Asker

log = logging.getLogger(__name__)


def _log_path():
    from dangjian_desktop import logs

    return logs.log_file()


class Presenter(QObject):
    """Shows failures through the `Asker` (so tests can read them), one message box at a time:
    an error repeating while its box is open (a paint that fails every time) is logged, not shown again."""

    sig_text = Signal(str, str)  # title, text: a message from any thread, shown on the GUI thread

    def __init__(self, asker: Asker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.asker = asker
        self._showing = False
        self.shown: list[str] = []  # what was shown, newest last (for the log and tests)
        self.sig_text.connect(self._show_text, Qt.ConnectionType.QueuedConnection)

    def failed(self, exc: BaseException, *, what: str | None = None, effect: faults.Effect = None,
               parent: QWidget | None = None, title: str | None = None) -> str:
        """Log `exc` as it deserves and tell the person; the sentence shown is returned."""
        faults.record(exc, what=what)
        text = faults.explain(exc, what=what, effect=effect, log_path=_log_path())
        if title is None:
            title = f"无法{what}" if what else "出错了"
        self._box(parent, title, text, refusal=isinstance(exc, DomainError))
        return text

    def text(self, text: str, title: str = "出错了") -> None:
        """Show `text` as an error, from any thread (the exception hooks call this)."""
        self.sig_text.emit(title, text)

    def _show_text(self, title: str, text: str) -> None:
        self._box(None, title, text, refusal=False)

    def _box(self, parent: QWidget | None, title: str, text: str, *, refusal: bool) -> None:
        if self._showing:  # one box at a time; the log has every one
            log.info("not shown again while a message is open: %s", text)
            return
        if parent is None:
            app = QApplication.instance()
            parent = app.activeWindow() if app is not None else None
        self._showing = True
        self.shown.append(text)
        try:
            if refusal:
                self.asker.warn(parent, title, text)
            else:
                self.asker.error(parent, title, text)
        finally:
            self._showing = False


def install(presenter: Presenter) -> None:
    """The GUI's exception hooks: a slot or a thread that raises logs the traceback and shows one sentence."""
    faults.install_hooks(presenter.text, log_path=_log_path)
