"""党员积分: the year's ranking with each item, one member's months and entries, points entered by hand
(删除 with 撤销), and the branch's scheme (items, points, caps)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core.dates import cn
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.forms.ui_points_entry import Ui_PointsEntryDialog
from dangjian_desktop.gui.pages.base import Page, year_header
from dangjian_desktop.gui.table_model import RowsModel, record_table
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import points as ps
from dangjian_desktop.services.exports import ExportRequest, run_export

MINUS_BRUSH = QBrush(QColor("#b00020"))
_BOLD: list[QFont] = []


def _bold() -> QFont:
    """A bold font, made once the application exists (a QFont needs it)."""
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def _shown(value: Decimal) -> str:
    return ps.fmt(value) if value else ""


class RankingModel(RowsModel):
    """The year: 名次, 姓名, 党小组, 合计, then one column per item of the scheme."""

    COL_RANK, COL_NAME, COL_GROUP, COL_TOTAL, COL_FIRST_ITEM = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ps.MemberPoints] = []
        self.items: list[ps.SchemeItem] = []
        self.HEADERS = ("名次", "姓名", "党小组", "合计")

    def load_year(self, year: ps.PointsYear) -> None:
        self.beginResetModel()
        self.items = list(year.items)
        self.HEADERS = ("名次", "姓名", "党小组", "合计", *(i.name for i in self.items))
        self.rows = list(year.rows)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        value = None
        if col >= self.COL_FIRST_ITEM:
            value = r.by_item[col - self.COL_FIRST_ITEM]
        elif col == self.COL_TOTAL:
            value = r.total
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_RANK:
                return str(r.rank)
            if col == self.COL_NAME:
                return r.name
            if col == self.COL_GROUP:
                return r.group
            return ps.fmt(value) if col == self.COL_TOTAL else _shown(value)
        if role == Qt.ItemDataRole.ForegroundRole and value is not None and value < 0:
            return MINUS_BRUSH
        if role == Qt.ItemDataRole.FontRole and col == self.COL_TOTAL:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole and col >= self.COL_FIRST_ITEM:
            item = self.items[col - self.COL_FIRST_ITEM]
            n = r.counts[col - self.COL_FIRST_ITEM]
            return f"{item.name}：{n} 次，{item.rule_text}" if n else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (self.COL_NAME, self.COL_GROUP):
            return CENTRE
        return None


class MonthsModel(RowsModel):
    """One member's year: a row per month (and the year), the month's total, then a column per item."""

    COL_MONTH, COL_TOTAL, COL_FIRST_ITEM = range(3)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[ps.SchemeItem] = []
        self.member: ps.MemberPoints | None = None
        self.HEADERS = ("月份", "合计")

    def load_member(self, items: list[ps.SchemeItem], member: ps.MemberPoints | None) -> None:
        self.beginResetModel()
        self.items, self.member = list(items), member
        self.HEADERS = ("月份", "合计", *(i.name for i in self.items))
        self.rows = list(range(13)) if member is not None else []  # 12 months and the year
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.member is None:
            return None
        month, col = index.row(), index.column()
        if col == self.COL_MONTH:
            value = None
        elif col == self.COL_TOTAL:
            value = self.member.total if month == 12 else self.member.by_month[month]
        else:
            row = self.member.grid[col - self.COL_FIRST_ITEM]
            value = sum(row, Decimal(0)) if month == 12 else row[month]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_MONTH:
                return "全年" if month == 12 else f"{month + 1}月"
            return ps.fmt(value) if col == self.COL_TOTAL else _shown(value)
        if role == Qt.ItemDataRole.ForegroundRole and value is not None and value < 0:
            return MINUS_BRUSH
        if role == Qt.ItemDataRole.FontRole and (col == self.COL_TOTAL or month == 12):
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTRE
        return None


class EntriesModel(RowsModel):
    COL_DATE, COL_ITEM, COL_POINTS, COL_REASON = range(4)
    HEADERS = ("日期", "项目", "分值", "事由")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e: ps.Entry = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.awarded_on.isoformat(), e.item, ps.fmt(e.points, signed=True), e.reason)[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_POINTS and e.points < 0:
            return MINUS_BRUSH
        return None


class SchemeModel(RowsModel):
    """The scheme as the secretary edits it: name, points per time and yearly cap are typed in the table."""

    COL_NAME, COL_SOURCE, COL_POINTS, COL_CAP = range(4)
    HEADERS = ("项目", "计分方式", "每次分值", "年度上限")
    sig_edited = Signal()

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() != self.COL_SOURCE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item: ps.SchemeItem = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            signed = role == Qt.ItemDataRole.DisplayRole
            cap = ps.fmt(item.yearly_cap) or ("不设" if signed else "")
            return (item.name, item.source_text, ps.fmt(item.points, signed=signed), cap)[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_POINTS and item.points < 0:
            return MINUS_BRUSH
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item: ps.SchemeItem = self.rows[index.row()]
        text = str(value).strip()
        col = index.column()
        try:
            if col == self.COL_NAME:
                if not text:
                    return False
                item = replace(item, name=text)
            elif col == self.COL_POINTS:
                item = replace(item, points=Decimal(text.replace("＋", "+").replace("－", "-")))
            elif col == self.COL_CAP:
                item = replace(item, yearly_cap=Decimal(text) if text else None)
            else:
                return False
        except InvalidOperation:
            return False  # not a number: the cell keeps what it had
        self.rows[index.row()] = item
        self.dataChanged.emit(index, index)
        self.sig_edited.emit()
        return True


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class EntryDialog(SavingDialog):
    """登记加减分: a member, a manual item of the scheme (or 其他), the day, the points and the reason."""

    def __init__(self, ctx: AppContext, members: list[tuple[int, str]], items: list[ps.SchemeItem], parent=None,
                 *, member_id: int | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.saved: ps.Entry | None = None
        self.form = f = Ui_PointsEntryDialog()
        f.setupUi(self)
        for mid, name in members:
            f.memberCombo.addItem(name, mid)
        if member_id is not None and f.memberCombo.findData(member_id) >= 0:
            f.memberCombo.setCurrentIndex(f.memberCombo.findData(member_id))
        self.items = [i for i in items if not i.derived and i.name != ps.OTHER]
        for item in self.items:
            f.itemCombo.addItem(f"{item.name}（{item.rule_text}）", item.name)
        f.itemCombo.addItem(f"{ps.OTHER}（分值自定，不设上限）", None)
        f.dateEdit.setDate(_qdate(self.today))
        f.dateEdit.setMaximumDate(_qdate(self.today))
        f.hintLabel.setText("出席会议、请假、缺席和按时交纳党费由程序按记录自动计分，不在这里登记。")
        f.errorLabel.setStyleSheet("color: #b00020;")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("登记")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        f.buttonBox.accepted.connect(self._save)
        f.buttonBox.rejected.connect(self.reject)
        f.itemCombo.currentIndexChanged.connect(lambda _: self._item_changed())
        self._item_changed()
        self.setMinimumWidth(520)

    def _item_changed(self) -> None:
        name = self.form.itemCombo.currentData()
        item = next((i for i in self.items if i.name == name), None)
        self.form.pointsEdit.setText(ps.fmt(item.points) if item is not None else "")

    def _save(self) -> None:
        f = self.form
        q = f.dateEdit.date()
        self.run_save(self.ctx, ps.add_entry, self.ctx.db, self.ctx.branch_id, f.memberCombo.currentData(),
                      date(q.year(), q.month(), q.day()), f.pointsEdit.text().strip() or "0", f.reasonEdit.text(),
                      item=f.itemCombo.currentData(), today=self.today, what="登记加减分", busy=(f.buttonBox,),
                      on_done=self._saved, on_refused=self._refused)



class PointsPage(Page):
    key = "points"
    title = "积分"
    icon_name = "points"

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self.year: ps.PointsYear | None = None
        self._pending_member: int | None = None
        self.year_spin, self.summary, top = year_header(self, self.today.year)

        # 排名
        self.model = RankingModel(self)
        self.view = record_table(self, self.model, stretch=False)
        self.add_button = QPushButton("登记加减分…", self)
        self.export_button = QPushButton("导出积分表…", self)
        actions = FlowLayout(align_right=True)
        actions.addWidget(self.add_button)
        actions.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        actions.addWidget(self.export_button)
        ranking_tab = QWidget(self)
        lay = QVBoxLayout(ranking_tab)
        lay.addWidget(self.view, 1)
        lay.addLayout(actions)

        # 个人按月
        self.member_combo = QComboBox(self)
        self.member_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.member_label = QLabel(self)
        self.member_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.months_model = MonthsModel(self)
        self.months_view = record_table(self, self.months_model, stretch=False)
        self.entries_model = EntriesModel(self)
        self.entries_view = record_table(self, self.entries_model)
        self.member_add_button = QPushButton("登记加减分…", self)
        self.delete_button = QPushButton("删除所选记录", self)
        member_tab = QWidget(self)
        lay = QVBoxLayout(member_tab)
        head = FlowLayout()
        head.add_group(QLabel("党员：", self), self.member_combo)
        head.addWidget(self.member_label)
        lay.addLayout(head)
        split = QSplitter(Qt.Orientation.Horizontal, member_tab)  # the 13 rows of months at full height
        split.addWidget(self.months_view)
        lower = QWidget(split)
        lower_lay = QVBoxLayout(lower)
        lower_lay.setContentsMargins(0, 0, 0, 0)
        lower_lay.addWidget(QLabel("手工加减分记录（本年）：", lower))  # noqa: RUF001
        lower_lay.addWidget(self.entries_view, 1)
        buttons = FlowLayout(align_right=True)
        buttons.addWidget(self.member_add_button)
        buttons.addWidget(self.delete_button)
        lower_lay.addLayout(buttons)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)

        # 积分规则
        self.scheme_model = SchemeModel(self)
        self.scheme_view = record_table(self, self.scheme_model, editable=True)
        self.scheme_hint = QLabel("双击“项目”“每次分值”“年度上限”修改；扣分项目的分值写负数，年度上限是每人每年"
                                  "该项最多计（扣）的分数。清空年度上限即不设上限。改好后点“保存规则”，排名随之重算。", self)
        self.scheme_hint.setWordWrap(True)
        self.scheme_state = QLabel(self)
        self.new_item_button = QPushButton("添加手工项目", self)
        self.remove_item_button = QPushButton("删除所选项目", self)
        self.default_button = QPushButton("恢复默认规则", self)
        self.save_scheme_button = QPushButton("保存规则", self)
        scheme_tab = QWidget(self)
        lay = QVBoxLayout(scheme_tab)
        lay.addWidget(self.scheme_hint)
        lay.addWidget(self.scheme_view, 1)
        row = FlowLayout(align_right=True)
        for b in (self.new_item_button, self.remove_item_button, self.default_button):
            row.addWidget(b)
        row.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        row.addWidget(self.scheme_state)
        row.addWidget(self.save_scheme_button)
        lay.addLayout(row)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(ranking_tab, "积分排名")
        self.tabs.addTab(member_tab, "个人按月")
        self.tabs.addTab(scheme_tab, "积分规则")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.year_spin.valueChanged.connect(lambda _: self.refresh())
        self.view.doubleClicked.connect(lambda index: self.show_member(self.model.rows[index.row()].member_id))
        self.member_combo.currentIndexChanged.connect(lambda _: self._show_member())
        self.add_button.clicked.connect(lambda: self.add_entry(self._selected_ranked()))
        self.member_add_button.clicked.connect(lambda: self.add_entry(self.member_combo.currentData()))
        self.delete_button.clicked.connect(self.delete_entry)
        self.export_button.clicked.connect(self.export_points)
        self.new_item_button.clicked.connect(self.new_item)
        self.remove_item_button.clicked.connect(self.remove_item)
        self.default_button.clicked.connect(self.default_scheme)
        self.save_scheme_button.clicked.connect(self.save_scheme)
        self.scheme_model.sig_edited.connect(lambda: self._scheme_dirty(True))
        self._scheme_dirty(False)
        self.refresh()

    # -------------------------------------------------------------- loading

    def refresh(self) -> None:
        if self.ctx.branch_id is None:
            self.model.load([])
            return
        self.ctx.run(_load, self.ctx.db, self.ctx.branch_id, self.year_spin.value(), self.today, what="读取党员积分",
                     parent=self, key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, payload) -> None:
        year, scheme = payload
        self.year = year
        self.model.load_year(year)
        if not self._dirty:
            self.scheme_model.load(scheme)
        shown = self._pending_member if self._pending_member is not None else self.member_combo.currentData()
        self._pending_member = None
        self.member_combo.blockSignals(True)
        self.member_combo.clear()
        for r in sorted(year.rows, key=lambda r: r.order):
            self.member_combo.addItem(r.name, r.member_id)
        self.member_combo.setCurrentIndex(max(0, self.member_combo.findData(shown)))
        self.member_combo.blockSignals(False)
        self._show_member()
        top = "、".join(f"{r.name}（{ps.fmt(r.total)}分）" for r in year.rows[:3])
        mean = sum((r.total for r in year.rows), Decimal(0)) / len(year.rows) if year.rows else Decimal(0)
        self.summary.setText(f"{year.year}年截至{cn(year.as_of)}：{len(year.rows)} 人，平均 {mean:.1f} 分"
                             + (f"；前三名：{top}" if top else "") + f"；手工加减分 {len(year.entries)} 条。")
        self.sig_loaded.emit()

    def _show_member(self) -> None:
        mid = self.member_combo.currentData()
        row = self.year.row(mid) if self.year is not None and mid is not None else None
        self.months_model.load_member(self.year.items if self.year else [], row)
        self.entries_model.load([e for e in self.year.entries if e.member_id == mid] if self.year and row else [])
        if row is None:
            self.member_label.setText("")
            return
        self.member_label.setText(f"{row.group}　全年 {ps.fmt(row.total)} 分，第 {row.rank} 名"
                                  f"（共 {len(self.year.rows)} 人）")

    def show_member(self, member_id: int) -> None:
        """Open one member's months (double-click in the ranking)."""
        index = self.member_combo.findData(member_id)
        if index >= 0:
            self.member_combo.setCurrentIndex(index)
            self.tabs.setCurrentIndex(1)

    def _selected_ranked(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].member_id if rows else None

    # -------------------------------------------------------------- entries

    def add_entry(self, member_id: int | None = None) -> None:
        if self.ctx.branch_id is None or self.year is None:
            return
        if not self.year.rows:
            self.ctx.asker.info(self, "登记加减分", "这一年没有在册的党员。")
            return
        members = [(r.member_id, r.name) for r in sorted(self.year.rows, key=lambda r: r.order)]
        dialog = EntryDialog(self.ctx, members, self.scheme_model.rows if not self._dirty else self.year.items, self,
                             member_id=member_id, today=self.today)
        self.entry_dialog = dialog
        if dialog.exec() and dialog.saved:
            e = dialog.saved
            self._pending_member = e.member_id
            self._changed(f"已登记：{e.member} {ps.fmt(e.points, signed=True)} 分（{e.reason}）")

    def delete_entry(self) -> None:
        rows = self.entries_view.selectionModel().selectedRows()
        if not rows:
            self.ctx.asker.info(self, "删除记录", "请先在下方的加减分记录中选中一条。")
            return
        e: ps.Entry = self.entries_model.rows[rows[0].row()]
        if not self.ctx.asker.confirm(self, "删除记录", f"删除{e.member}{cn(e.awarded_on)}的“{e.item} "
                                      f"{ps.fmt(e.points, signed=True)} 分（{e.reason}）”吗？删除后可以撤销。"):
            return
        self.ctx.delete("points_entries", e.id, f"{e.member}的积分记录", ps.delete_entry, parent=self,
                        busy=(self.delete_button,), on_done=lambda _: self._changed(f"已删除{e.member}的积分记录"))

    def _changed(self, text: str) -> None:
        self.sig_status.emit(text)
        self.sig_data_changed.emit()
        self.refresh()

    # -------------------------------------------------------------- the scheme

    def _scheme_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_scheme_button.setEnabled(dirty)
        self.scheme_state.setText("有未保存的修改" if dirty else "")

    def new_item(self) -> None:
        """A manual item; or, when the scheme lacks one of the kinds counted from the records (removed
        earlier, or a kind added by a newer program), that kind."""
        names = {i.name for i in self.scheme_model.rows}
        used = {i.source for i in self.scheme_model.rows if i.source}
        missing = [kind for key, kind in ps.DERIVED.items() if key not in used]
        item = None
        if missing:
            choice = self.ctx.asker.choose(self, "添加积分项目", "添加哪一种积分项目？",
                                           ["手工登记的项目", *(f"自动：{k.label}" for k in missing)])
            if choice is None:
                return
            if choice > 0:
                kind = missing[choice - 1]
                name = kind.label.split("（")[0]
                item = ps.SchemeItem(name if name not in names else kind.key, Decimal(1), None, kind.key)
        if item is None:
            name = next(n for n in (f"新项目{k}" if k else "新项目" for k in range(1000)) if n not in names)
            item = ps.SchemeItem(name, Decimal(1), None)
        self.scheme_model.load([*self.scheme_model.rows, item])
        self._scheme_dirty(True)
        row = len(self.scheme_model.rows) - 1
        self.scheme_view.selectRow(row)
        self.scheme_view.edit(self.scheme_model.index(row, SchemeModel.COL_NAME))

    def remove_item(self) -> None:
        rows = self.scheme_view.selectionModel().selectedRows()
        if not rows:
            self.ctx.asker.info(self, "删除项目", "请先在表中选中一个积分项目。")
            return
        item = self.scheme_model.rows[rows[0].row()]
        self.scheme_model.load([i for k, i in enumerate(self.scheme_model.rows) if k != rows[0].row()])
        self._scheme_dirty(True)
        self.sig_status.emit(f"已从规则中去掉“{item.name}”，点“保存规则”后生效")

    def default_scheme(self) -> None:
        if not self.ctx.asker.confirm(self, "恢复默认规则", "把积分规则恢复为默认的项目、分值和上限吗？"
                                      "（点“保存规则”后生效；已有手工记录的项目不能去掉。）"):
            return
        ids = {i.name: i.id for i in self.scheme_model.rows}
        self.scheme_model.load([replace(i, id=ids.get(i.name)) for i in ps.DEFAULT_SCHEME])
        self._scheme_dirty(True)

    def save_scheme(self) -> None:
        if self.ctx.branch_id is None:
            return
        self.ctx.run(ps.save_scheme, self.ctx.db, self.ctx.branch_id, list(self.scheme_model.rows), what="保存积分规则",
                     parent=self, effect="write", busy=(self.save_scheme_button,), on_done=self._scheme_saved)

    def _scheme_saved(self, scheme) -> None:
        self._scheme_dirty(False)
        self.scheme_model.load(scheme)
        self._changed("已保存积分规则，积分已按新规则重算")

    # -------------------------------------------------------------- export

    def export_points(self) -> None:
        if self.ctx.branch_id is None:
            return
        year = self.year_spin.value()
        target = self.ctx.asker.save_file(self, "导出党员积分", str(Path.home() / f"{self.ctx.branch_name}{year}年党员积分.xlsx"),
                                          "Excel 工作簿 (*.xlsx)")
        if not target:
            return
        out = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
        self.ctx.run(run_export, self.ctx.db, "points", ExportRequest(self.ctx.branch_id, out, year=year),
                     what="导出党员积分", parent=self, effect="file", progress=True, cancellable=True,
                     busy=(self.export_button,), on_done=lambda p: self.sig_status.emit(f"已保存：{p}"))


def _load(db, branch_id: int, year: int, today: date):
    """What the page shows, read in one job: the year's points and the scheme."""
    return ps.year_points(db, branch_id, year, today=today), ps.scheme(db, branch_id)
