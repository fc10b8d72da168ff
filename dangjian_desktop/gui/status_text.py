"""A line of text that changes often (a count that follows every keystroke), shown without re-laying out its page."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class StatusText(QWidget):
    """Like a one-line QLabel, but a new text only repaints it. QLabel.setText asks the page for a new
    layout each time (updateGeometry), and on the 党员 page, whose filters sit in a FlowLayout laid out in
    Python, that was about 12 ms of every keystroke of the search at 10,000 members (bench/: 按键筛选).
    Its width comes from the layout it is in (give it a stretch), its height is one line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 6)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - as QLabel
        if text != self._text:
            self._text = text
            self.setAccessibleName(text)
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self.fontMetrics().horizontalAdvance(self._text), self.height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        self.style().drawItemText(painter, self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                  self.palette(), self.isEnabled(), self._text, QPalette.ColorRole.WindowText)
        painter.end()
