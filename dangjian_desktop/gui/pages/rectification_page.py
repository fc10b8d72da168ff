"""整改: the 组织生活会's items (problem, measure, owner, deadline), listed until 销号 with a date and evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core import rectification as core
from dangjian_desktop.core.dates import add_months, cn
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.forms.ui_rectification_close import Ui_RectificationCloseDialog
from dangjian_desktop.gui.forms.ui_rectification_item import Ui_RectificationItemDialog
from dangjian_desktop.gui.keys import office_keys
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.roster_pick import offer_roster
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import rectification as rs
from dangjian_desktop.services.exports import ExportRequest, run_export

STATE_BRUSHES = {core.OVERDUE: QBrush(QColor("#b00020")), core.DUE: QBrush(QColor("#b26a00")),
                 core.CLOSED: QBrush(QColor("#2e7d32"))}
SHOW_OPEN, SHOW_CLOSED, SHOW_ALL = "open", "closed", "all"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class RectificationModel(RowsModel):
    """The items: 状态, 问题, 措施, 责任人, 时限, 来源, 销号."""

    COL_STATE, COL_PROBLEM, COL_MEASURE, COL_OWNER, COL_DEADLINE, COL_SOURCE, COL_CLOSED = range(7)
    HEADERS = ("状态", "查摆出的问题", "整改措施", "责任人", "整改时限", "来源", "销号")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[rs.RectificationItem] = []
        self.today = date.today()
        self.due_days = 15

    def state(self, item: rs.RectificationItem) -> str:
        return item.state(self.today, self.due_days)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_CLOSED:
                if r.closed_on is None:
                    return ""
                return r.closed_on.isoformat() + (f"（附件{r.attachments}份）" if r.attachments else "")
            return (core.STATE_LABELS[self.state(r)], _one_line(r.problem), _one_line(r.measure), r.owner,
                    r.deadline.isoformat(), r.meeting)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_PROBLEM, self.COL_MEASURE, self.COL_CLOSED):
            return {self.COL_PROBLEM: r.problem, self.COL_MEASURE: r.measure,
                    self.COL_CLOSED: r.closing_note}[col] or None
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.COL_STATE, self.COL_DEADLINE):
            return STATE_BRUSHES.get(self.state(r))
        return None


def _one_line(text: str) -> str:
    lines = [t for t in text.strip().splitlines() if t.strip()]
    return lines[0] + ("…" if len(lines) > 1 else "") if lines else ""


class ItemDialog(SavingDialog):
    """新增 / 修改 an item: the problem, the measure, who answers for it (a member, or text such as 支部委员会),
    the source 组织生活会 and the deadline."""

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, branch_id: int, item: rs.RectificationItem | None = None, parent=None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.branch_id, self.item = ctx, branch_id, item
        self.today = today or date.today()
        self.saved: rs.RectificationItem | None = None
        self.loaded = False
        self.members: dict[str, list[int]] = {}
        self.form = f = Ui_RectificationItemDialog()
        f.setupUi(self)
        self.setWindowTitle("修改整改事项" if item else "新增整改事项")
        f.errorLabel.setStyleSheet("color: #b00020;")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        f.buttonBox.accepted.connect(self._save)
        f.buttonBox.rejected.connect(self.reject)
        f.raisedEdit.setMaximumDate(_qdate(self.today))
        f.raisedEdit.setDate(_qdate(item.raised_on if item and item.raised_on else self.today))
        f.deadlineEdit.setDate(_qdate(item.deadline if item else add_months(self.today, 2)))
        f.meetingCombo.addItem("（不指定）", None)
        if item:
            f.problemEdit.setPlainText(item.problem)
            f.measureEdit.setPlainText(item.measure)
            f.ownerEdit.setText(item.owner)
        f.meetingCombo.currentIndexChanged.connect(self._meeting_chosen)
        f.buttonBox.setEnabled(False)  # until the roster and the meetings are read
        ctx.run(rs.choices, ctx.db, branch_id, what="读取党员名单和组织生活会", parent=self, key=(self, "load"),
                dialog=False, on_done=self._choices_read)
        self.setMinimumWidth(560)

    def _choices_read(self, choices: rs.Choices) -> None:
        f = self.form
        for mid, name in choices.members:
            self.members.setdefault(name, []).append(mid)
        offer_roster(f.ownerEdit, [name for _mid, name in choices.members])
        f.meetingCombo.blockSignals(True)
        for mid, label, held in choices.meetings:
            f.meetingCombo.addItem(label, (mid, held))
            if self.item and self.item.meeting_id == mid:
                f.meetingCombo.setCurrentIndex(f.meetingCombo.count() - 1)
        f.meetingCombo.blockSignals(False)
        f.buttonBox.setEnabled(True)
        self.loaded = True
        self.sig_loaded.emit()

    def _meeting_chosen(self, _index: int) -> None:
        chosen = self.form.meetingCombo.currentData()
        if chosen is not None:  # the problem was raised at that meeting
            self.form.raisedEdit.setDate(_qdate(chosen[1]))

    def data(self) -> rs.ItemInput:
        f = self.form
        owner = f.ownerEdit.text().strip()
        ids = self.members.get(owner, [])
        chosen = f.meetingCombo.currentData()
        return rs.ItemInput(problem=f.problemEdit.toPlainText(), measure=f.measureEdit.toPlainText(),
                            deadline=_pydate(f.deadlineEdit.date()),
                            owner_member_id=ids[0] if len(ids) == 1 else None, owner_name=owner,
                            meeting_id=chosen[0] if chosen else None, raised_on=_pydate(f.raisedEdit.date()))

    def _save(self) -> None:
        self.run_save(self.ctx, rs.save_item, self.ctx.db, self.branch_id, self.item.id if self.item else None,
                      self.data(), today=self.today, what="保存整改事项", busy=(self.form.buttonBox,),
                      on_done=self._saved, on_refused=self._refused)


class CloseDialog(SavingDialog):
    """销号: the day the item was done, what was done, and the evidence files (attached to the item at once)."""

    def __init__(self, ctx: AppContext, item: rs.RectificationItem, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.item = ctx, item
        self.today = today or date.today()
        self.saved: rs.RectificationItem | None = None
        self.form = f = Ui_RectificationCloseDialog()
        f.setupUi(self)
        f.whoLabel.setText(f"{item.short}（责任人：{item.owner}，整改时限：{cn(item.deadline)}）")
        f.closedEdit.setMaximumDate(_qdate(self.today))
        f.closedEdit.setDate(_qdate(self.today))
        f.noteEdit.setPlainText(item.closing_note)
        f.errorLabel.setStyleSheet("color: #b00020;")
        f.attachmentsPanel.bind(ctx, "rectification", item.id)
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("销号")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        f.buttonBox.accepted.connect(self._save)
        f.buttonBox.rejected.connect(self.reject)
        self.setMinimumWidth(600)

    def _save(self) -> None:
        f = self.form
        self.run_save(self.ctx, rs.close_item, self.ctx.db, self.item.id, _pydate(f.closedEdit.date()),
                      f.noteEdit.toPlainText(), today=self.today, what="整改销号", busy=(f.buttonBox,),
                      on_done=self._saved, on_refused=self._refused)


class RectificationPage(Page):
    key = "rectification"
    title = "整改"
    icon_name = "rectification"
    handles = frozenset({"rectification"})

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self._pending: int | None = None
        self.item_dialog: ItemDialog | None = None
        self.close_dialog: CloseDialog | None = None
        self.filter_combo = QComboBox(self)
        self.filter_combo.addItem("未销号", SHOW_OPEN)
        self.filter_combo.addItem("已销号", SHOW_CLOSED)
        self.filter_combo.addItem("全部", SHOW_ALL)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top = FlowLayout()
        top.add_group(QLabel("显示：", self), self.filter_combo)
        top.addWidget(self.summary)

        self.model = RectificationModel(self)
        self.model.today = self.today
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in ((RectificationModel.COL_STATE, 80), (RectificationModel.COL_PROBLEM, 260),
                           (RectificationModel.COL_MEASURE, 260), (RectificationModel.COL_OWNER, 90),
                           (RectificationModel.COL_DEADLINE, 100), (RectificationModel.COL_SOURCE, 220)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)

        self.add_button = QPushButton("新增…", self)
        self.edit_button = QPushButton("修改…", self)
        self.close_button = QPushButton("销号…", self)
        self.reopen_button = QPushButton("取消销号", self)
        self.delete_button = QPushButton("删除", self)
        self.export_button = QPushButton("导出整改台账…", self)
        actions = FlowLayout(align_right=True)
        for b in (self.add_button, self.edit_button, self.close_button, self.reopen_button, self.delete_button):
            actions.addWidget(b)
        actions.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        actions.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

        self.filter_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.view.doubleClicked.connect(lambda _: self.edit_selected())
        office_keys(self, view=self.view, open_row=self.edit_selected, delete_row=self.delete_selected)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.export_ledger)
        self.refresh()

    # -------------------------------------------------------------- loading

    def refresh(self) -> None:
        if self.ctx.branch_id is None:
            self.model.load([])
            return
        shown = self.filter_combo.currentData()
        open_only = {SHOW_OPEN: True, SHOW_CLOSED: False, SHOW_ALL: None}[shown]
        self.ctx.run(_load, self.ctx.db, self.ctx.branch_id, open_only, what="读取整改事项", parent=self,
                     key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, payload) -> None:
        rows, every, due_days = payload
        self.model.due_days = due_days
        self.model.load(rows)
        states = [core.state(i.deadline, i.closed_on, self.today, due_days) for i in every]
        open_ = sum(1 for s in states if s != core.CLOSED)
        overdue = sum(1 for s in states if s == core.OVERDUE)
        due = sum(1 for s in states if s == core.DUE)
        if not every:
            self.summary.setText("还没有整改事项。组织生活会查摆出问题后，点“新增…”逐项登记问题、措施、责任人和时限。")
        else:
            self.summary.setText(f"共 {len(every)} 项：未销号 {open_} 项" + (f"（已逾期 {overdue} 项" if overdue else "")
                                 + (f"{'，' if overdue else '（'}即将到期 {due} 项" if due else "")
                                 + ("）" if overdue or due else "") + f"，已销号 {len(every) - open_} 项。")
        self._enable()
        if self._pending is not None:
            item_id, self._pending = self._pending, None
            self._select(item_id)
        self.sig_loaded.emit()

    def _select(self, item_id: int) -> bool:
        for i, r in enumerate(self.model.rows):
            if r.id == item_id:
                self.view.selectRow(i)
                self.view.scrollTo(self.model.index(i, 0))
                return True
        return False

    def open_ref(self, ref) -> None:
        kind, item_id = ref
        if kind != "rectification":
            return
        self._pending = int(item_id)
        if self.filter_combo.currentData() == SHOW_ALL:
            self.refresh()
        else:
            self.filter_combo.setCurrentIndex(self.filter_combo.findData(SHOW_ALL))

    def go(self, action: str) -> None:
        if action == "add":
            self.add_item()

    # -------------------------------------------------------------- actions

    def selected(self) -> rs.RectificationItem | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable(self) -> None:
        item = self.selected()
        for b in (self.edit_button, self.delete_button):
            b.setEnabled(item is not None)
        self.close_button.setEnabled(item is not None and item.closed_on is None)
        self.reopen_button.setEnabled(item is not None and item.closed_on is not None)

    def _need_selection(self, title: str) -> rs.RectificationItem | None:
        item = self.selected()
        if item is None:
            self.ctx.asker.info(self, title, "请先在表中选中一项整改事项。")
        return item

    def _changed(self, text: str) -> None:
        self.sig_status.emit(text)
        self.sig_data_changed.emit()
        self.refresh()

    def add_item(self) -> None:
        if self.ctx.branch_id is None:
            return
        self._open_item(ItemDialog(self.ctx, self.ctx.branch_id, None, self, self.today), "已新增整改事项")

    def edit_selected(self) -> None:
        item = self._need_selection("修改整改事项")
        if item is None:
            return
        self._open_item(ItemDialog(self.ctx, self.ctx.branch_id, item, self, self.today), "已保存整改事项")

    def _open_item(self, dialog: ItemDialog, said: str) -> None:
        """The editor, window-modal; the list follows once it has saved."""
        self.item_dialog = dialog

        def saved() -> None:
            if dialog.saved:
                self._pending = dialog.saved.id
                self._changed(f"{said}：{dialog.saved.short}")

        dialog.accepted.connect(saved)
        dialog.open()

    def close_selected(self) -> None:
        item = self._need_selection("整改销号")
        if item is None or item.closed_on is not None:
            return
        dialog = self.close_dialog = CloseDialog(self.ctx, item, self, self.today)

        def finished(_result: int) -> None:
            self._pending = item.id
            if dialog.saved:
                self._changed(f"已销号：{dialog.saved.short}")
            else:
                self.refresh()  # files may have been attached before 取消

        dialog.finished.connect(finished)
        dialog.open()

    def reopen_selected(self) -> None:
        item = self._need_selection("取消销号")
        if item is None or item.closed_on is None:
            return
        if not self.ctx.asker.confirm(self, "取消销号", f"“{item.short}”已于{cn(item.closed_on)}销号。"
                                      "取消销号，把它列回未完成的整改事项吗？"):
            return
        self.ctx.run(rs.reopen_item, self.ctx.db, item.id, what="取消销号", parent=self, effect="write",
                     busy=(self.reopen_button,), on_done=lambda i: self._changed(f"已取消销号：{i.short}"))

    def delete_selected(self) -> None:
        item = self._need_selection("删除整改事项")
        if item is None:
            return
        if not self.ctx.asker.confirm(self, "删除整改事项", f"删除整改事项“{item.short}”"
                                      + (f"及其 {item.attachments} 份佐证材料" if item.attachments else "")
                                      + "吗？关闭程序前可以撤销。", danger=True):
            return
        self.ctx.delete("rectifications", item.id, f"整改事项“{item.short}”", rs.delete_item, parent=self,
                        busy=(self.delete_button,), on_done=lambda _: self._changed(f"已删除整改事项：{item.short}"))

    def export_ledger(self) -> None:
        if self.ctx.branch_id is None:
            return
        target = folders.save_file(self.ctx, self, folders.DOCUMENTS, "导出组织生活会整改台账",
                                   f"{self.ctx.branch_name}组织生活会整改台账.xlsx", "Excel 工作簿 (*.xlsx)")
        if not target:
            return
        out = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
        self.ctx.run(run_export, self.ctx.db, "rectification", ExportRequest(self.ctx.branch_id, out),
                     what="导出整改台账", parent=self, effect="file", progress=True, cancellable=True,
                     busy=(self.export_button,), on_done=lambda p: self.sig_status.emit(f"已保存：{p}"))


def _load(db, branch_id: int, open_only: bool | None):
    """What the page shows, in one job: the items of the filter, every item (for the counts), the window."""
    every = rs.list_items(db, branch_id)
    rows = every if open_only is None else [i for i in every if (i.closed_on is None) is open_only]
    return rows, every, rs.due_days(db)
