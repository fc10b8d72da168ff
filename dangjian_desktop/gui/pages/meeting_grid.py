"""三会一课 → 年度进度: months × types (each 党小组 on its own row), held / missing / due / not yet."""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core.dates import Period
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.pages.meeting_records import meetings_table
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.gui.words import cite
from dangjian_desktop.services import meetings as svc

STATE_COLOURS = {
    core.PeriodState.HELD: QColor("#c6e0b4"),
    core.PeriodState.MISSING: QColor("#f4b183"),
    core.PeriodState.DUE: QColor("#ffe699"),
    core.PeriodState.OPEN: QColor("#ffffff"),
    core.PeriodState.NOT_REQUIRED: QColor("#ededed"),
}


class YearGridModel(RowsModel):
    """Types (each 党小组 on its own row) × months, coloured held / missing / due / not yet."""

    COL_LABEL = 0
    COL_HELD = 13
    HEADERS = ("类型", *[f"{m}月" for m in range(1, 13)], "已开 / 应开")

    def cell(self, index) -> core.GridCell | None:
        if not index.isValid() or not 1 <= index.column() <= 12:
            return None
        return self.rows[index.row()].cells[index.column() - 1]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        c = self.cell(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_LABEL:
                return row.label
            if col == self.COL_HELD:
                return f"{row.held} / {row.required}"
            if c.held_in_month:
                return "✓" if c.held_in_month == 1 else f"✓{c.held_in_month}"
            if c.drafts_in_month:  # planned, or held but not yet final: never counted as held
                return "草稿"
            if c.state is core.PeriodState.MISSING and c.month == c.period.end.month:
                return "未开"
            if c.state is core.PeriodState.DUE and c.month == c.period.end.month:
                return "待开"
            return ""
        if role == Qt.ItemDataRole.BackgroundRole and c is not None:
            return QBrush(STATE_COLOURS[c.state])
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_HELD and row.missing:
            return QBrush(STATE_COLOURS[core.PeriodState.MISSING])
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_LABEL:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if c is None:
                return f"{row.label}：{row.frequency.label}（{cite(row.frequency.rule_id)}）"
            drafts = (f"\n本月有{c.drafts_in_month}份草稿记录（计划中的会议，或还没有定稿），定稿后才计入已开"
                      if c.drafts_in_month else "")
            return (f"{row.label} {c.period.label}：{c.state.label}，本期已开{c.held_in_period}次"
                    f"（要求{row.frequency.label}）" + drafts + ("\n双击新建这一期的记录" if c.state in (
                        core.PeriodState.MISSING, core.PeriodState.DUE, core.PeriodState.OPEN) else ""))
        return None


class YearGridTab(QWidget):
    """The year grid; a double click on a held month shows its records (`sig_show_month`), on any other
    month it asks for a new record of that period (`sig_new`)."""

    sig_show_month = Signal(object, object)  # MeetingType, the month's first day
    sig_new = Signal(object, object, object)  # MeetingType, held_on, group id
    sig_loaded = Signal()  # the grid shows the year chosen

    def __init__(self, ctx: AppContext, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.year_combo = QComboBox(self)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.load())
        legend = QHBoxLayout()
        legend.addWidget(QLabel("年份：", self))
        legend.addWidget(self.year_combo)
        legend.addSpacing(16)
        for state in (core.PeriodState.HELD, core.PeriodState.MISSING, core.PeriodState.DUE, core.PeriodState.OPEN,
                      core.PeriodState.NOT_REQUIRED):
            swatch = QLabel(f"  {state.label}  ", self)
            swatch.setStyleSheet(f"background:{STATE_COLOURS[state].name()}; border:1px solid #999; padding:2px;")
            legend.addWidget(swatch)
        legend.addStretch(1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = YearGridModel(self)
        self.view = meetings_table(self)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setAlternatingRowColors(False)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(YearGridModel.COL_LABEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(YearGridModel.COL_HELD, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

    def set_years(self, years: list[int]) -> None:
        """The years with records (and this year), newest first; the choice is kept."""
        combo = self.year_combo
        keep = combo.currentData() if combo.count() else self.today().year
        combo.blockSignals(True)
        combo.clear()
        for y in years:
            combo.addItem(f"{y}年", y)
        combo.setCurrentIndex(max(0, combo.findData(keep)))
        combo.blockSignals(False)

    def show_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def load(self) -> None:
        year = self.year_combo.currentData()
        if self.ctx.branch_id is None or year is None:
            self.model.load([])
            return
        self.ctx.run(svc.year_grid, self.ctx.db, self.ctx.branch_id, year, self.today(), what="读取年度进度",
                     parent=self, key=(self, "load"), dialog=False, on_done=lambda rows: self._loaded(rows, year))

    def _loaded(self, rows: list, year: int) -> None:
        self.model.load(rows)
        missing = sum(r.missing for r in rows)
        self.note.setText(
            f"{year}年：已开 {sum(r.held for r in rows)} 次，按本支部执行的规则全年应开 {sum(r.required for r in rows)} 次"
            + (f"，已过期未开 {missing} 次" if missing else "")
            + "。周期按季度或年度的，整个周期的格子同色；合并召开的会议（如主题党日暨支部党员大会）在每一类中都算已开；"
              "草稿（计划中的或未定稿的记录）定稿后才算已开。频次可在“设置 → 本地规则”中按上级要求修改。双击一格新建该期的记录。")
        self.sig_loaded.emit()

    def _double_clicked(self, index) -> None:
        c = self.model.cell(index)
        if c is None:
            return
        row = self.model.rows[index.row()]
        first = date(c.period.year, c.month, 1)
        if c.held_in_month or c.drafts_in_month:
            self.sig_show_month.emit(row.type, first)
            return
        last = Period("M", c.period.year, c.month).end
        # this month: today; a past month: its last day (to be corrected); a later month: its first day
        today = self.today()
        held_on = today if first <= today <= last else (last if last < today else first)
        self.sig_new.emit(row.type, held_on, row.group_id)
