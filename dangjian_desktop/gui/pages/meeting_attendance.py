"""三会一课 → 出勤统计: for each member over a period, meetings expected at, present, 请假, 缺席."""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDateEdit, QHeaderView, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core.dates import Period
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.pages.meeting_grid import STATE_COLOURS
from dangjian_desktop.gui.pages.meeting_records import meetings_table
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.gui.words import cite
from dangjian_desktop.services import meetings as svc

SORT_ROLE = Qt.ItemDataRole.UserRole  # the value a column sorts by


class AttendanceStatsModel(RowsModel):
    COL_NAME, COL_GROUP, COL_STATUS, COL_EXPECTED, COL_PRESENT, COL_LEAVE, COL_ABSENT, COL_RATE, COL_LAST = range(9)
    HEADERS = ("姓名", "党小组", "身份", "应参加", "出席", "请假", "缺席", "出勤率", "最近一次参加")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            rate = "—" if r.rate is None else f"{r.rate:.0%}"
            last = r.last_attended.isoformat() if r.last_attended else "无记录"
            return (r.name, r.group, r.status, str(r.expected), str(r.present), str(r.leave), str(r.absent), rate,
                    last)[col]
        if role == SORT_ROLE:
            return (r.name, r.group, r.status, r.expected, r.present, r.leave, r.absent,
                    -1 if r.rate is None else r.rate, r.last_attended or date.min)[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_RATE and r.rate is not None and r.rate < 0.5:
            return QBrush(STATE_COLOURS[core.PeriodState.MISSING])
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.COL_EXPECTED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class AttendanceTab(QWidget):
    """Attendance per member between two days (the last half year to start with), sortable by any column."""

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        t = today()
        month = Period("M", t.year, t.month)
        self.from_edit.setDate(QDate(t.year - (1 if t.month <= 6 else 0), (t.month - 6 - 1) % 12 + 1, 1))
        self.to_edit.setDate(QDate(month.end.year, month.end.month, month.end.day))
        self.button = QPushButton("统计", self)
        self.button.clicked.connect(self.load)
        self.summary = QLabel(self)
        top = FlowLayout()
        top.add_group(QLabel("从", self), self.from_edit, QLabel("到", self), self.to_edit, self.button)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top.addWidget(self.summary)
        self.model = AttendanceStatsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = meetings_table(self)
        self.view.setModel(self.proxy)
        # the service's order (党小组, then 姓氏笔画) until the user clicks a column
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        note = QLabel(f"出勤率低于50%的标为橙色。连续6个月未参加组织生活的提醒见首页（{cite('MEMBER-INACTIVE-6M')}）。", self)
        note.setWordWrap(True)
        layout.addWidget(note)

    def load(self) -> None:
        if self.ctx.branch_id is None:
            return
        a, b = self.from_edit.date(), self.to_edit.date()
        start, end = date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())
        self.ctx.run(svc.attendance_by_member, self.ctx.db, self.ctx.branch_id, start, end, what="统计出勤",
                     parent=self, key=(self, "load"), dialog=False, busy=(self.button,), on_done=self._loaded)

    def _loaded(self, rows: list) -> None:
        self.model.load(rows)
        expected = sum(r.expected for r in rows)
        present = sum(r.present for r in rows)
        rate = f"{present / expected:.1%}" if expected else "—"
        self.summary.setText(f"  {len(rows)} 名党员，应参加 {expected} 人次，出席 {present} 人次，出勤率 {rate}")
        self.sig_loaded.emit()
