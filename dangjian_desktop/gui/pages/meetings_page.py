"""三会一课: meeting records by period and type with full-text search, the year grid of what is
held / missing / due, attendance per member, new records from templates, documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QPushButton,
    QSizePolicy, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core.dates import Period
from dangjian_desktop.core.glossary import MeetingState, MeetingType
from dangjian_desktop.errors import DomainError
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.meeting_editor import MeetingEditorDialog
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.worker import Job, delayed_progress
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.branches import group_names
from dangjian_desktop.services.exports import ExportRequest, run_export
from dangjian_desktop.gui.table_model import RowsModel

STATE_COLOURS = {
    core.PeriodState.HELD: QColor("#c6e0b4"),
    core.PeriodState.MISSING: QColor("#f4b183"),
    core.PeriodState.DUE: QColor("#ffe699"),
    core.PeriodState.OPEN: QColor("#ffffff"),
    core.PeriodState.NOT_REQUIRED: QColor("#ededed"),
}
DRAFT_BRUSH = QBrush(QColor("#9c6500"))


class MeetingListModel(RowsModel):
    """Meetings of the chosen period, newest first."""

    COL_DATE, COL_TYPE, COL_TITLE, COL_HOST, COL_RECORDER, COL_EXPECTED, COL_PRESENT, COL_ABSENT, COL_STATE = range(9)
    HEADERS = ("日期", "类型", "会议名称 / 主题", "主持人", "记录人", "应到", "实到", "缺席及原因", "状态")

    def row_of(self, meeting_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == meeting_id), None)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.held_on.isoformat(), r.type_label, r.title or r.topics, r.host, r.recorder, str(r.expected),
                    str(r.present), r.absent_text, r.state.label)[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATE and r.state is MeetingState.DRAFT:
            return DRAFT_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_EXPECTED, self.COL_PRESENT, self.COL_STATE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_ABSENT and r.absent:
            return r.absent_text
        return None


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
                return f"{row.label}：{row.frequency.label}（{row.frequency.rule_id}）"
            return (f"{row.label} {c.period.label}：{c.state.label}，本期已开{c.held_in_period}次"
                    f"（要求{row.frequency.label}）" + ("\n双击新建这一期的记录" if c.state in (
                        core.PeriodState.MISSING, core.PeriodState.DUE, core.PeriodState.OPEN) else ""))
        return None


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
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return (r.name, r.group, r.status, r.expected, r.present, r.leave, r.absent,
                    -1 if r.rate is None else r.rate, r.last_attended or date.min)[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_RATE and r.rate is not None and r.rate < 0.5:
            return QBrush(STATE_COLOURS[core.PeriodState.MISSING])
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.COL_EXPECTED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _table(parent) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    return view


class MeetingsPage(Page):
    key = "meetings"
    title = "三会一课"
    icon_name = "meetings"
    handles = frozenset({"meeting", "missing_meeting"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.as_of: date | None = None  # None: today (tests may fix a date)
        self.editors: list[MeetingEditorDialog] = []
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_list(), "会议记录")
        self.tabs.addTab(self._build_grid(), "年度进度")
        self.tabs.addTab(self._build_attendance(), "出勤统计")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh()

    def today(self) -> date:
        return self.as_of or date.today()

    # -------------------------------------------------------------- the list

    def _build_list(self) -> QWidget:
        w = QWidget(self)
        self.year_combo = QComboBox(w)
        self.quarter_combo = QComboBox(w)
        self.quarter_combo.addItem("全年", None)
        for q in range(1, 5):
            self.quarter_combo.addItem(f"第{'一二三四'[q - 1]}季度", q)
        self.month_combo = QComboBox(w)
        self.month_combo.addItem("全部月份", None)
        for mth in range(1, 13):
            self.month_combo.addItem(f"{mth}月", mth)
        self.type_combo = QComboBox(w)
        self.type_combo.addItem("全部类型", None)
        for t in MeetingType:
            self.type_combo.addItem(t.label, t)
        self.search_edit = QLineEdit(w)
        self.search_edit.setPlaceholderText("搜索主题、议题和记录内容（如：二十大、发展党员）")
        self.search_edit.setClearButtonEnabled(True)
        for combo in (self.year_combo, self.quarter_combo, self.month_combo, self.type_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.search_edit.returnPressed.connect(self.load_list)
        self.search_edit.textChanged.connect(lambda text: self.load_list() if not text else None)
        self.search_button = QPushButton("搜索", w)
        self.search_button.clicked.connect(self.load_list)

        filters = FlowLayout()  # one line at 100 %, two on a small screen at 150 %
        for label, widget in (("年份：", self.year_combo), ("季度：", self.quarter_combo), ("月份：", self.month_combo),
                              ("类型：", self.type_combo)):
            filters.add_group(QLabel(label, w), widget)
        self.search_edit.setMinimumWidth(self.search_edit.fontMetrics().horizontalAdvance("搜索主题、议题和记录内容"))
        filters.add_group(self.search_edit, self.search_button)

        self.list_model = MeetingListModel(self)
        self.list_view = _table(w)
        self.list_view.setModel(self.list_model)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MeetingListModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MeetingListModel.COL_ABSENT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(MeetingListModel.COL_ABSENT, 260)
        self.list_view.doubleClicked.connect(lambda index: self.open_meeting(self.list_model.rows[index.row()].id))
        self.count_label = QLabel(w)

        self.new_button = QPushButton("新建会议记录", w)
        self.new_menu = QMenu(self.new_button)
        self.new_button.setMenu(self.new_menu)
        self.new_menu.aboutToShow.connect(self._fill_new_menu)
        self.open_button = QPushButton("打开", w)
        self.open_button.clicked.connect(self._open_selected)
        self.word_button = QPushButton("导出Word", w)
        self.word_button.clicked.connect(self._export_selected_word)
        self.book_button = QPushButton("导出会议记录本…", w)
        self.book_button.clicked.connect(lambda: self._export_year("minutes-book", "会议记录本", ".docx"))
        self.ledger_button = QPushButton("导出台账…", w)
        self.ledger_button.clicked.connect(lambda: self._export_year("meetings-ledger", "三会一课台账", ".xlsx"))
        self.import_button = QPushButton("导入台账…", w)
        self.import_button.clicked.connect(self._import)
        self.delete_button = QPushButton("删除", w)
        self.delete_button.clicked.connect(self._delete_selected)
        buttons = FlowLayout(align_right=True)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        buttons.addWidget(self.count_label)
        for b in (self.import_button, self.ledger_button, self.book_button, self.word_button, self.delete_button,
                  self.open_button, self.new_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(w)
        layout.addLayout(filters)
        layout.addWidget(self.list_view, 1)
        layout.addLayout(buttons)
        return w

    def _fill_years(self) -> None:
        """Years with records (and this year) in both year choosers; the choice is kept."""
        if self.ctx.branch_id is None:
            return
        years = sorted({*svc.meeting_years(self.ctx.db, self.ctx.branch_id), self.today().year}, reverse=True)
        for combo, everything in ((self.year_combo, "全部年份"), (self.grid_year_combo, None)):
            keep = combo.currentData() if combo.count() else self.today().year
            combo.blockSignals(True)
            combo.clear()
            if everything:
                combo.addItem(everything, None)
            for y in years:
                combo.addItem(f"{y}年", y)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    def _filters_changed(self) -> None:
        if self.sender() is self.quarter_combo and self.quarter_combo.currentData() is not None:
            self.month_combo.blockSignals(True)
            self.month_combo.setCurrentIndex(0)
            self.month_combo.blockSignals(False)
        if self.sender() is self.month_combo and self.month_combo.currentData() is not None:
            self.quarter_combo.blockSignals(True)
            self.quarter_combo.setCurrentIndex(0)
            self.quarter_combo.blockSignals(False)
        self.load_list()

    def load_list(self) -> None:
        if self.ctx.branch_id is None:
            self.list_model.load([])
            return
        year = self.year_combo.currentData()
        rows = svc.list_meetings(self.ctx.db, self.ctx.branch_id, year=year,
                                 quarter=self.quarter_combo.currentData() if year else None,
                                 month=self.month_combo.currentData() if year else None,
                                 mtype=self.type_combo.currentData(), search=self.search_edit.text().strip())
        self.list_model.load(rows)
        drafts = sum(1 for r in rows if r.state is MeetingState.DRAFT)
        words = f"，搜索“{self.search_edit.text().strip()}”" if self.search_edit.text().strip() else ""
        self.count_label.setText(f"共 {len(rows)} 次会议{words}" + (f"，其中草稿 {drafts} 份" if drafts else ""))

    def _selected_id(self) -> int | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.list_model.rows[rows[0].row()].id if rows else None

    def _open_selected(self) -> None:
        mid = self._selected_id()
        if mid is None:
            self.ctx.asker.info(self, "打开", "请先在列表中选中一次会议。")
            return
        self.open_meeting(mid)

    def _fill_new_menu(self) -> None:
        self.new_menu.clear()
        groups = group_names(self.ctx.db, self.ctx.branch_id) if self.ctx.branch_id else []
        for t in MeetingType:
            if t is MeetingType.GROUP:
                sub = self.new_menu.addMenu(t.label)
                for gid, gname in groups:
                    sub.addAction(gname, lambda g=gid: self.new_meeting(MeetingType.GROUP, group_id=g))
                sub.setEnabled(bool(groups))
            else:
                self.new_menu.addAction(t.label, lambda mt=t: self.new_meeting(mt))

    # -------------------------------------------------------------- records

    def new_meeting(self, mtype: MeetingType, *, held_on: date | None = None, group_id: int | None = None):
        """A new draft from the type's template, opened in the editor."""
        if self.ctx.branch_id is None:
            return None
        try:
            d = svc.new_meeting(self.ctx.db, self.ctx.branch_id, mtype, held_on or self.today(), group_id)
        except DomainError as exc:
            self.ctx.asker.warn(self, "无法新建", str(exc))
            return None
        self.sig_data_changed.emit()
        self.refresh()
        return self.open_meeting(d.id)

    def open_meeting(self, meeting_id: int) -> MeetingEditorDialog | None:
        for editor in self.editors:
            if editor.meeting.id == meeting_id and editor.isVisible():
                editor.raise_()
                editor.activateWindow()
                return editor
        try:
            editor = MeetingEditorDialog(self.ctx, meeting_id, self)
        except DomainError as exc:
            self.ctx.asker.warn(self, "无法打开", str(exc))
            return None
        editor.sig_saved.connect(self._editor_saved)
        editor.finished.connect(lambda _r, e=editor: self._editor_closed(e))
        self.editors.append(editor)
        editor.show()
        return editor

    def _editor_saved(self, _meeting_id: int) -> None:
        self.refresh()
        self.sig_data_changed.emit()

    def _editor_closed(self, editor: MeetingEditorDialog) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        self.refresh()

    def _delete_selected(self) -> None:
        mid = self._selected_id()
        if mid is None:
            return
        row = self.list_model.rows[self.list_model.row_of(mid)]
        reason = ""
        if row.state is MeetingState.FINAL:
            reason = self.ctx.asker.text(self, "删除已定稿的记录", "这份记录已定稿。请写明删除原因（原文将保留在修改记录中）：")
            if not reason or not reason.strip():
                return
        elif not self.ctx.asker.confirm(self, "删除草稿", f"删除{row.held_on.isoformat()}的{row.type_label}草稿吗？",
                                        danger=True):
            return
        try:
            svc.delete_meeting(self.ctx.db, mid, reason=reason)
        except DomainError as exc:
            self.ctx.asker.warn(self, "无法删除", str(exc))
            return
        self.refresh()
        self.sig_data_changed.emit()

    # -------------------------------------------------------------- the year grid

    def _build_grid(self) -> QWidget:
        w = QWidget(self)
        self.grid_year_combo = QComboBox(w)
        self.grid_year_combo.currentIndexChanged.connect(lambda _i: self.load_grid())
        legend = QHBoxLayout()
        legend.addWidget(QLabel("年份：", w))
        legend.addWidget(self.grid_year_combo)
        legend.addSpacing(16)
        for state in (core.PeriodState.HELD, core.PeriodState.MISSING, core.PeriodState.DUE, core.PeriodState.OPEN,
                      core.PeriodState.NOT_REQUIRED):
            swatch = QLabel(f"  {state.label}  ", w)
            swatch.setStyleSheet(f"background:{STATE_COLOURS[state].name()}; border:1px solid #999; padding:2px;")
            legend.addWidget(swatch)
        legend.addStretch(1)
        self.grid_note = QLabel(w)
        self.grid_note.setWordWrap(True)
        self.grid_model = YearGridModel(self)
        self.grid_view = _table(w)
        self.grid_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid_view.setAlternatingRowColors(False)
        self.grid_view.setModel(self.grid_model)
        header = self.grid_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(YearGridModel.COL_LABEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(YearGridModel.COL_HELD, QHeaderView.ResizeMode.ResizeToContents)
        self.grid_view.doubleClicked.connect(self._grid_double_clicked)
        layout = QVBoxLayout(w)
        layout.addLayout(legend)
        layout.addWidget(self.grid_view, 1)
        layout.addWidget(self.grid_note)
        return w

    def load_grid(self) -> None:
        year = self.grid_year_combo.currentData()
        if self.ctx.branch_id is None or year is None:
            self.grid_model.load([])
            return
        rows = svc.year_grid(self.ctx.db, self.ctx.branch_id, year, self.today())
        self.grid_model.load(rows)
        missing = sum(r.missing for r in rows)
        self.grid_note.setText(
            f"{year}年：已开 {sum(r.held for r in rows)} 次，按本支部执行的规则全年应开 {sum(r.required for r in rows)} 次"
            + (f"，已过期未开 {missing} 次" if missing else "")
            + "。周期按季度或年度的，整个周期的格子同色。频次可在“设置 → 本地规则”中按上级要求修改。双击一格新建该期的记录。")

    def _grid_double_clicked(self, index) -> None:
        c = self.grid_model.cell(index)
        if c is None:
            return
        row = self.grid_model.rows[index.row()]
        if c.held_in_month:
            self.tabs.setCurrentIndex(0)
            self._show_list(row.type, date(c.period.year, c.month, 1))
            return
        first = date(c.period.year, c.month, 1)
        last = Period("M", c.period.year, c.month).end
        # this month: today; a past month: its last day (to be corrected); a later month: its first day
        held_on = self.today() if first <= self.today() <= last else (last if last < self.today() else first)
        self.new_meeting(row.type, held_on=held_on, group_id=row.group_id)

    def _show_list(self, mtype: MeetingType, month_start: date) -> None:
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(month_start.year)))
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(mtype)))
        self.month_combo.setCurrentIndex(max(0, self.month_combo.findData(month_start.month)))
        self.load_list()

    # -------------------------------------------------------------- attendance per member

    def _build_attendance(self) -> QWidget:
        w = QWidget(self)
        self.att_from = QDateEdit(w)
        self.att_to = QDateEdit(w)
        for edit in (self.att_from, self.att_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        t = self.today()
        start = Period("M", t.year, t.month)
        self.att_from.setDate(QDate(t.year - (1 if t.month <= 6 else 0), (t.month - 6 - 1) % 12 + 1, 1))
        self.att_to.setDate(QDate(start.end.year, start.end.month, start.end.day))
        self.att_button = QPushButton("统计", w)
        self.att_button.clicked.connect(self.load_attendance)
        self.att_summary = QLabel(w)
        top = FlowLayout()
        top.add_group(QLabel("从", w), self.att_from, QLabel("到", w), self.att_to, self.att_button)
        self.att_summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top.addWidget(self.att_summary)
        self.att_model = AttendanceStatsModel(self)
        self.att_proxy = QSortFilterProxyModel(self)
        self.att_proxy.setSourceModel(self.att_model)
        self.att_proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.att_view = _table(w)
        self.att_view.setModel(self.att_proxy)
        # the service's order (党小组, then 姓氏笔画) until the user clicks a column
        self.att_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.att_view.setSortingEnabled(True)
        self.att_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(w)
        layout.addLayout(top)
        layout.addWidget(self.att_view, 1)
        note = QLabel("出勤率低于50%的标为橙色。连续6个月未参加组织生活的提醒见首页（MEMBER-INACTIVE-6M）。", w)
        note.setWordWrap(True)
        layout.addWidget(note)
        return w

    def load_attendance(self) -> None:
        if self.ctx.branch_id is None:
            return
        a, b = self.att_from.date(), self.att_to.date()
        start, end = date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())
        try:
            rows = svc.attendance_by_member(self.ctx.db, self.ctx.branch_id, start, end)
        except DomainError as exc:
            self.ctx.asker.warn(self, "无法统计", str(exc))
            return
        self.att_model.load(rows)
        expected = sum(r.expected for r in rows)
        present = sum(r.present for r in rows)
        rate = f"{present / expected:.1%}" if expected else "—"
        self.att_summary.setText(f"  {len(rows)} 名党员，应参加 {expected} 人次，出席 {present} 人次，出勤率 {rate}")

    # -------------------------------------------------------------- documents

    def _export_selected_word(self) -> None:
        mid = self._selected_id()
        if mid is None:
            self.ctx.asker.info(self, "导出Word", "请先在列表中选中一次会议。")
            return
        row = self.list_model.rows[self.list_model.row_of(mid)]
        out = self.ctx.asker.save_file(self, "导出会议记录", str(Path.home() / f"{row.held_on.isoformat()}{row.type.label}记录.docx"),
                                       "Word 文档 (*.docx)")
        if out:
            self._run_export("minutes", ExportRequest(self.ctx.branch_id, Path(out), record_id=mid))

    def _export_year(self, kind: str, label: str, suffix: str) -> None:
        year = self.year_combo.currentData() or self.today().year
        out = self.ctx.asker.save_file(self, f"导出{label}", str(Path.home() / f"{year}年{label}{suffix}"),
                                       "Word 文档 (*.docx)" if suffix == ".docx" else "Excel 工作簿 (*.xlsx)")
        if out:
            path = Path(out) if out.lower().endswith(suffix) else Path(out + suffix)
            self._run_export(kind, ExportRequest(self.ctx.branch_id, path, year=year))

    def _run_export(self, kind: str, request: ExportRequest) -> None:
        job = Job(run_export, self.ctx.db, kind, request, with_progress=False)
        delayed_progress(self, "正在导出……", job)
        # bound methods, not lambdas: Qt drops the call if the page is gone before the job ends
        self.ctx.lane.submit(job, self._exported, self._export_failed)

    def _exported(self, path) -> None:
        self.sig_status.emit(f"已保存：{path}")

    def _export_failed(self, exc: Exception) -> None:
        self.ctx.asker.warn(self, "无法导出", str(exc))

    def _import(self) -> None:
        path = self.ctx.asker.open_file(self, "选择三会一课台账", str(Path.home()), "Excel 工作簿 (*.xlsx)")
        if not path or self.ctx.branch_id is None:
            return
        branch_id = self.ctx.branch_id
        try:
            preview = svc.import_meetings(self.ctx.db, branch_id, path, dry_run=True)
        except DomainError as exc:
            problems = getattr(exc, "problems", [])
            text = "\n".join(problems[:20]) + (f"\n……共 {len(problems)} 处" if len(problems) > 20 else "")
            self.ctx.asker.warn(self, "无法导入", f"{exc}\n\n{text}" if problems else str(exc))
            return
        c = preview.counts
        if not self.ctx.asker.confirm(self, "导入台账", f"{preview.file}：将新增 {c['new']} 次会议，更新 {c['update']} 次，"
                                                      f"无变化 {c['same']} 次。导入吗？"):
            return
        job = Job(svc.import_meetings, self.ctx.db, branch_id, path)
        delayed_progress(self, "正在导入……", job)
        self.ctx.lane.submit(job, self._imported, self._import_failed)

    def _imported(self, result) -> None:
        self.sig_status.emit(f"已导入 {result.file}：新增 {result.counts['new']} 次，更新 {result.counts['update']} 次")
        self.refresh()
        self.sig_data_changed.emit()

    def _import_failed(self, exc: Exception) -> None:
        self.ctx.asker.warn(self, "无法导入", str(exc))

    # -------------------------------------------------------------- page API

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        # 缺席及原因 takes a quarter of a narrow table (150 % display scaling) so 会议名称 keeps some room
        super().resizeEvent(event)
        width = self.list_view.viewport().width()
        if width > 0:
            self.list_view.horizontalHeader().resizeSection(MeetingListModel.COL_ABSENT, max(140, min(260, width // 4)))

    def refresh(self) -> None:
        self._fill_years()
        index = self.tabs.currentIndex()
        if index == 0:
            self.load_list()
        elif index == 1:
            self.load_grid()
        else:
            self.load_attendance()

    def open_ref(self, ref) -> None:
        kind, value = ref
        if kind == "meeting":
            self.tabs.setCurrentIndex(0)
            self.open_meeting(int(value))
            return
        if kind == "missing_meeting":
            mtype = MeetingType(value["type"])
            end = date.fromisoformat(value["date"])
            period = Period.containing(core.frequency(mtype).period, end)
            held_on = min(self.today(), period.end)
            group = f"（{dict(group_names(self.ctx.db, self.ctx.branch_id)).get(value.get('group_id'), '')}）" \
                if value.get("group_id") else ""
            self.tabs.setCurrentIndex(1)
            grid_index = self.grid_year_combo.findData(period.year)
            if grid_index >= 0:
                self.grid_year_combo.setCurrentIndex(grid_index)
            if self.ctx.asker.confirm(self, "补记会议", f"{period.label}没有{mtype.label}{group}的记录。"
                                                     f"现在新建一份记录（日期{held_on.isoformat()}，可修改）吗？"):
                self.new_meeting(mtype, held_on=held_on, group_id=value.get("group_id"))
