"""设置 → 节假日: the official 放假安排 the 公示 working days follow, and the days the user adds for a
year the program does not know yet (announced by the State Council before the program is updated)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core import workdays
from dangjian_desktop.core.dates import cn
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.services import settings as svc

WEEKDAYS = "一二三四五六日"


class CalendarDaysModel(RowsModel):
    """The days of a year that are not as their weekday says."""

    COL_DATE, COL_WEEKDAY, COL_KIND, COL_SOURCE = range(4)
    HEADERS = ("日期", "星期", "安排", "来源")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        c: workdays.CalendarDay = self.rows[index.row()]
        return (cn(c.day), f"星期{WEEKDAYS[c.day.weekday()]}", c.label,
                "国家放假安排" if c.source == workdays.OFFICIAL else "自己添加")[index.column()]


def _year_data(db, year: int) -> tuple[list[workdays.CalendarDay], bool]:
    return svc.calendar_days(db, year), svc.work_calendar(db).known_year(year)


class HolidayTab(QWidget):
    sig_loaded = Signal()
    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        intro = QLabel("发展对象接收前的公示按工作日计算：国家法定节假日不算，调休上班的周末算。程序带有历年的"
                       "国务院放假安排；新一年的安排公布后、程序更新之前，可以在这里自己添加。", self)
        intro.setWordWrap(True)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2004, 2100)
        self.year_spin.setValue(date.today().year)
        self.year_spin.setPrefix("年份：")
        self.year_spin.valueChanged.connect(self.refresh)
        self.known_label = QLabel(self)
        self.known_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.year_spin)
        top.addWidget(self.known_label, 1)
        self.model = CalendarDaysModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate.currentDate())
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem("放假", workdays.HOLIDAY)
        self.kind_combo.addItem("调休上班", workdays.WORKDAY)
        self.add_button = QPushButton("添加", self)
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton("删除选中的（自己添加的）", self)
        self.remove_button.clicked.connect(self._remove)
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel("日期：", self))
        add_row.addWidget(self.date_edit)
        add_row.addWidget(self.kind_combo)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        add_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(add_row)
        self.refresh()

    def refresh(self, _=None) -> None:
        self.ctx.run(_year_data, self.ctx.db, self.year_spin.value(), what="读取节假日安排", parent=self,
                     key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, data) -> None:
        days, known = data
        self.model.load(days)
        year = self.year_spin.value()
        self.known_label.setText(f"{year}年的放假安排已知。" if known else
                                 f"程序还不知道{year}年的放假安排，公示工作日暂按周一至周五计算；安排公布后请在下面添加。")
        self.sig_loaded.emit()

    def _save(self, days: list[date], kind: str, what: str) -> None:
        def saved(_) -> None:
            self.refresh()
            self.sig_changed.emit()

        self.ctx.run(svc.set_calendar_days, self.ctx.db, days, kind, what=what, parent=self, effect="write",
                     busy=(self.add_button, self.remove_button), on_done=saved)

    def _add(self) -> None:
        d = self.date_edit.date()
        day = date(d.year(), d.month(), d.day())
        if day.year != self.year_spin.value():
            self.year_spin.setValue(day.year)
        self._save([day], self.kind_combo.currentData(), "添加节假日安排")

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        mine = [self.model.rows[r].day for r in rows if self.model.rows[r].source == workdays.USER]
        if not mine:
            self.ctx.asker.info(self, "删除", "请先选中自己添加的日子（国家放假安排不能删除）。")
            return
        self._save(mine, workdays.OFFICIAL, "删除节假日安排")
