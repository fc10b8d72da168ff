"""What every page of the main window has in common."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from dangjian_desktop.gui.context import AppContext


class Page(QWidget):
    """A page of the navigation column. Subclasses set `key` and `title`."""

    key: str = ""
    title: str = ""
    icon_name: str = ""
    # kinds of finding refs this page can open, e.g. {"member"}; see core.findings.Finding.ref
    handles: frozenset[str] = frozenset()

    sig_status = Signal(str)  # a short message for the status bar
    sig_data_changed = Signal()  # tell other pages to refresh
    sig_open_ref = Signal(object)  # ask the main window to open a record on another page
    sig_open_database = Signal(object)  # ask the program to open another database (a Path or a server URL)
    sig_go = Signal(str, str)  # show another page and start one of its actions: ("members", "import")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def branch_changed(self) -> None:
        """The current branch (ctx.branch_id) changed: show its data."""
        self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows from the database."""

    def go(self, action: str) -> None:
        """Start one of the page's actions by name (首页's first-day buttons); unknown names just show it."""

    def open_ref(self, ref: tuple[str, object]) -> None:
        """Show the record `ref` (a kind listed in `handles`)."""


def year_header(page: QWidget, year: int):
    """A year page's top line: 年度 [spin box] and a summary label that takes the rest of the width and
    wraps; returns (spin box, label, layout)."""
    from PySide6.QtWidgets import QLabel, QSizePolicy, QSpinBox

    from dangjian_desktop.gui.fit import FlowLayout

    spin = QSpinBox(page)
    spin.setRange(1950, 2200)
    spin.setSuffix(" 年")
    spin.setValue(year)
    summary = QLabel(page)
    summary.setWordWrap(True)
    summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    top = FlowLayout()
    top.add_group(QLabel("年度：", page), spin)
    top.addWidget(summary)
    return spin, summary, top
