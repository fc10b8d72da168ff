"""Fitting the window onto small screens: 1366×768 at 150 % display scaling leaves 910×512 logical px.

`FlowLayout` lays out a row of buttons or filters on one line where there is room (as a QHBoxLayout
would) and wraps onto a second line where there is not, so a row never sets the window's minimum
width to the sum of its buttons. `fit_to_screen` keeps a window's first size inside the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTabWidget,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right, wrapping onto more lines when the width is short.

    Items whose horizontal size policy expands (a search box, a label meant to push the buttons
    right) share the room left on their line, like a stretch in a QHBoxLayout. With `align_right`
    a line without such an item is pushed to the right edge (a row of buttons under a table).
    Items of a line are centred vertically on it (a label beside a taller combo box).
    """

    def __init__(self, parent: QWidget | None = None, *, align_right: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.align_right = align_right
        self._heights: dict[int, int] = {}  # heightForWidth by width, until the items change (as QBoxLayout keeps)

    # ------------------------------------------------------------ QLayout API

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)
        self._heights.clear()

    def add_group(self, *widgets: QWidget) -> QWidget:
        """Keep `widgets` together on one line (e.g. a label and its combo box); returns their holder."""
        holder = QWidget(self.parentWidget() or widgets[0].parentWidget())
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        expanding = False
        for w in widgets:
            grows = bool(w.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal)
            row.addWidget(w, 1 if grows else 0)
            expanding |= grows
        if expanding:
            holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(holder)
        return holder

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        # asked many times per resize with the same width: laying the items out in Python each time
        # was a good part of the time a page took to appear (bench/: GUI 线程最长停顿)
        if width not in self._heights:
            self._heights[width] = self._layout(QRect(0, 0, width, 0), apply=False)
        return self._heights[width]

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._layout(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Everything on one line."""
        visible = self._visible()
        width = sum(i.sizeHint().width() for i in visible) + self._hspace() * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width, height) + self._margins()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """The widest single item: everything else can go onto another line."""
        visible = self._visible()
        width = max((i.minimumSize().width() for i in visible), default=0)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width, height) + self._margins()

    # ------------------------------------------------------------ the layout

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty() or i.spacerItem() is not None]

    def _margins(self) -> QSize:
        m = self.contentsMargins()
        return QSize(m.left() + m.right(), m.top() + m.bottom())

    def _spacing(self, metric: QStyle.PixelMetric) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parent()
        if isinstance(parent, QWidget):
            value = parent.style().pixelMetric(metric, None, parent)
        elif isinstance(parent, QLayout):
            value = parent.spacing()
        else:
            value = -1
        return value if value >= 0 else 6

    def _hspace(self) -> int:
        return self._spacing(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _vspace(self) -> int:
        return self._spacing(QStyle.PixelMetric.PM_LayoutVerticalSpacing)

    def _layout(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        hspace, vspace = self._hspace(), self._vspace()
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in self._visible():
            w = item.sizeHint().width()
            if lines and lines[-1] and used + hspace + w <= area.width():
                lines[-1].append(item)
                used += hspace + w
            else:
                lines.append([item])
                used = w
        y = area.top()
        for line in lines:
            widths = [min(i.sizeHint().width(), area.width()) for i in line]
            widths = [max(w, min(i.minimumSize().width(), area.width())) for w, i in zip(widths, line)]
            height = max(i.sizeHint().height() for i in line)
            room = area.width() - sum(widths) - hspace * (len(line) - 1)
            growers = [k for k, i in enumerate(line) if i.expandingDirections() & Qt.Orientation.Horizontal]
            if room > 0 and growers:
                for n, k in enumerate(growers):
                    share = room // (len(growers) - n)
                    extra = min(share, line[k].maximumSize().width() - widths[k])
                    widths[k] += max(0, extra)
                    room -= max(0, extra)
            x = area.left() + (room if room > 0 and self.align_right and not growers else 0)
            if apply:
                for item, w in zip(line, widths):
                    h = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                    x += w + hspace
            y += height + vspace
        return y - vspace - rect.top() + m.bottom() if lines else m.top() + m.bottom()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to width × height, or to most of its screen's free area if that is smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        # leave room for the title bar and frame the window manager adds
        width = min(width, int(area.width() * 0.96))
        height = min(height, int(area.height() * 0.92))
    window.resize(max(width, window.minimumSizeHint().width()), max(height, window.minimumSizeHint().height()))


class ScrollingTabs(QTabWidget):
    """A tab widget whose pages scroll when the window is lower than a page needs (150 % scaling).

    Each page is put in a frameless QScrollArea that resizes it; where there is room the page fills
    the tab as before. `indexOf`, `widget`, `currentWidget` and `setCurrentWidget` speak of the pages
    themselves, not of their scroll areas.
    """

    def addTab(self, page: QWidget, *args) -> int:  # noqa: N802 - Qt API
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        area.setWidget(page)
        page.setAutoFillBackground(False)
        area.viewport().setAutoFillBackground(False)
        return super().addTab(area, *args)

    def widget(self, index: int) -> QWidget | None:
        area = super().widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - Qt API
        for i in range(self.count()):
            if self.widget(i) is page or super().widget(i) is page:
                return i
        return -1

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt API
        return self.widget(self.currentIndex())

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt API
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)
