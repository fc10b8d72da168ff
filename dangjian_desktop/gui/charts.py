"""Small bar charts drawn with QPainter: readable on screen at 1366×768 and on paper."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PARTY_RED = QColor("#c8161d")
SOFT_RED = QColor("#f3b4b6")
GOLD = QColor("#d4a017")
GREY = QColor("#9e9e9e")
TEXT = QColor("#222222")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    target: float | None = None  # drawn as a pale bar behind (e.g. meetings required)
    text: str | None = None  # value label; defaults to the value


class BarChart(QWidget):
    """Horizontal bars with their labels and values; an optional pale target bar behind each."""

    def __init__(self, title: str, parent: QWidget | None = None, *, percent: bool = False,
                 legend: tuple[str, str] | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[Bar] = []
        self.percent = percent
        self.legend = legend
        self.empty_text = "暂无数据"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.update()

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        return QSize(360, fm.height() * (len(self.bars) + 3) * 1.4)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self.render_chart(painter, QRectF(self.rect()).adjusted(8, 6, -8, -6), self.font())
        painter.end()

    def render_chart(self, painter: QPainter, area: QRectF, font: QFont) -> None:
        """Draw into any painter (the widget, a printer, an image)."""
        title_font = QFont(font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(TEXT)
        fm = QFontMetrics(title_font)
        painter.drawText(QRectF(area.left(), area.top(), area.width(), fm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        top = area.top() + fm.height() * 1.5
        if self.legend:
            self._draw_legend(painter, QRectF(area.left(), area.top(), area.width(), fm.height()), font)
        painter.setFont(font)
        fm = QFontMetrics(font)
        if not self.bars:
            painter.setPen(GREY)
            painter.drawText(QRectF(area.left(), top, area.width(), area.bottom() - top),
                             Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        label_w = min(max(fm.horizontalAdvance(b.label) for b in self.bars) + 10, area.width() * 0.42)
        value_w = max(fm.horizontalAdvance(self._value_text(b)) for b in self.bars) + 8
        bar_left = area.left() + label_w
        bar_width = max(area.right() - value_w - bar_left, 10)
        row_h = min((area.bottom() - top) / len(self.bars), fm.height() * 2.0)
        scale = max([b.value for b in self.bars] + [b.target or 0 for b in self.bars] + [1e-9])
        if self.percent:
            scale = 1.0
        for i, b in enumerate(self.bars):
            y = top + i * row_h
            painter.setPen(TEXT)
            painter.drawText(QRectF(area.left(), y, label_w - 8, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(b.label, Qt.TextElideMode.ElideRight, int(label_w - 8)))
            h = row_h * 0.62
            by = y + (row_h - h) / 2
            if b.target:
                painter.fillRect(QRectF(bar_left, by, bar_width * min(b.target / scale, 1), h), SOFT_RED)
            colour = PARTY_RED
            if b.target is not None and b.value < b.target:
                colour = GOLD
            painter.fillRect(QRectF(bar_left, by, bar_width * min(b.value / scale, 1), h), colour)
            painter.setPen(TEXT)
            painter.drawText(QRectF(bar_left + 4 + bar_width * min(max(b.value, b.target or 0) / scale, 1), y,
                                    value_w + 40, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._value_text(b))
        painter.setPen(QPen(GREY, 1))
        painter.drawLine(int(bar_left), int(top), int(bar_left), int(top + row_h * len(self.bars)))

    def _value_text(self, b: Bar) -> str:
        if b.text is not None:
            return b.text
        if self.percent:
            return f"{b.value:.0%}"
        if b.target is not None:
            return f"{b.value:g}/{b.target:g}"
        return f"{b.value:g}"

    def _draw_legend(self, painter: QPainter, row: QRectF, font: QFont) -> None:
        fm = QFontMetrics(font)
        painter.setFont(font)
        x = row.right()
        for text, colour in reversed(list(zip(self.legend, (PARTY_RED, SOFT_RED)))):
            w = fm.horizontalAdvance(text)
            x -= w
            painter.setPen(TEXT)
            painter.drawText(QRectF(x, row.top(), w, row.height()), Qt.AlignmentFlag.AlignVCenter, text)
            x -= 16
            painter.fillRect(QRectF(x, row.center().y() - 5, 10, 10), colour)
            x -= 14
