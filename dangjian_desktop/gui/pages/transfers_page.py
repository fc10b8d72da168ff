"""组织关系: 转出 (with the 介绍信 and its 回执), 转入, 流动党员 and, for a 社区 branch, 在职党员到社区报到;
the year's six tables of member admin."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import add_months
from dangjian_desktop.core.glossary import TransferDirection
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.keys import office_keys
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.table_model import Role, RowsModel, record_table
from dangjian_desktop.gui.transfer_dialogs import (
    CommunityReportDialog,
    FloatingDialog,
    ReceiptDialog,
    TransferEditDialog,
    TransferInDialog,
    TransferOutDialog,
    export_letter,
)
from dangjian_desktop.services import transfer_edits as te
from dangjian_desktop.services import transfers as ts
from dangjian_desktop.services.exports import ExportRequest, run_export

LATE_BRUSH = QBrush(QColor("#b00020"))


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


class OutModel(RowsModel):
    COL_NAME, COL_DATE, COL_ORG, COL_REASON, COL_LETTER, COL_RECEIPT = range(6)
    HEADERS = ("姓名", "转出日期", "转往党组织", "原因", "介绍信编号", "回执")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.late_from: date | None = None  # a 转出 on or before this day without a 回执 is overdue (red)

    def data(self, index, role=Role.DISPLAY):
        t: ts.TransferInfo = self.rows[index.row()]
        col = index.column()
        if role == Role.DISPLAY:
            return (t.name, _iso(t.moved_on), t.other_org, t.reason, t.letter_no, t.receipt_text)[col]
        if role == Role.FOREGROUND and col == self.COL_RECEIPT and t.receipt_on is None \
                and self.late_from is not None and t.moved_on <= self.late_from:
            return LATE_BRUSH
        return None


class InModel(RowsModel):
    HEADERS = ("姓名", "转入日期", "从哪里转来", "介绍信编号", "现在")

    def data(self, index, role=Role.DISPLAY):
        if role != Role.DISPLAY:
            return None
        t: ts.TransferInfo = self.rows[index.row()]
        return (t.name, _iso(t.moved_on), t.other_org, t.letter_no, t.member_status.label)[index.column()]


class FloatingModel(RowsModel):
    HEADERS = ("姓名", "外出日期", "流向", "联系方式", "组织生活", "活动证", "返回（结束）日期")

    def data(self, index, role=Role.DISPLAY):
        if role != Role.DISPLAY:
            return None
        f: ts.FloatingInfo = self.rows[index.row()]
        return (f.name, _iso(f.since), f.place, f.contact, f.attends_text, f.certificate_no,
                _iso(f.until))[index.column()]


class ReportModel(RowsModel):
    HEADERS = ("姓名", "所在单位", "报到日期", "认领岗位、服务内容", "联系电话")

    def data(self, index, role=Role.DISPLAY):
        if role != Role.DISPLAY:
            return None
        r: ts.CommunityReportInfo = self.rows[index.row()]
        return (r.person_name, r.work_unit, _iso(r.reported_on), r.service, r.phone)[index.column()]



def _tab(parent, view, buttons) -> QWidget:
    w = QWidget(parent)
    lay = QVBoxLayout(w)
    lay.addWidget(view, 1)
    row = FlowLayout(align_right=True)
    for b in buttons:
        if b is None:
            row.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        else:
            row.addWidget(b)
    lay.addLayout(row)
    return w


class TransfersPage(Page):
    key = "transfers"
    title = "组织关系"
    icon_name = "transfers"
    handles = frozenset({"transfer"})

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self._pending: int | None = None
        self.on_roll: list[tuple[int, str, int]] = []  # (id, name, version) of the members on the roll
        self.groups: list[tuple[int, str]] = []
        self.community = False

        self.out_model, self.in_model = OutModel(self), InModel(self)
        self.floating_model, self.report_model = FloatingModel(self), ReportModel(self)
        self.out_view, self.in_view = record_table(self, self.out_model), record_table(self, self.in_model)
        self.floating_view, self.report_view = record_table(self, self.floating_model), record_table(self, self.report_model)

        self.out_button = QPushButton("办理转出…", self)
        self.receipt_button = QPushButton("收到回执…", self)
        self.letter_button = QPushButton("导出介绍信…", self)
        self.in_button = QPushButton("办理转入…", self)
        self.out_edit_button, self.in_edit_button = QPushButton("修改…", self), QPushButton("修改…", self)
        self.out_withdraw_button = QPushButton("撤销转出…", self)
        self.in_withdraw_button = QPushButton("撤销转入…", self)
        self.out_withdraw_button.setToolTip("误录的转出：党员回到名册上，如同没有办理过；删除后可用“撤销删除”恢复")
        self.in_withdraw_button.setToolTip("误录的转入：删除这个人的记录；删除后可用“撤销删除”恢复")
        self.floating_button = QPushButton("登记流动党员…", self)
        self.floating_edit_button = QPushButton("修改…", self)
        self.floating_end_button = QPushButton("已返回", self)
        self.report_button = QPushButton("登记报到…", self)
        self.report_delete_button = QPushButton("删除（误录）", self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(_tab(self, self.out_view, (self.out_button, self.receipt_button, self.letter_button, None,
                                                    self.out_edit_button, self.out_withdraw_button)), "转出")
        self.tabs.addTab(_tab(self, self.in_view, (self.in_button, None, self.in_edit_button,
                                                   self.in_withdraw_button)), "转入")
        self.tabs.addTab(_tab(self, self.floating_view, (self.floating_button, self.floating_edit_button,
                                                         self.floating_end_button)), "流动党员")
        self.report_tab = _tab(self, self.report_view, (self.report_button, self.report_delete_button))

        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1950, 2200)
        self.year_spin.setSuffix(" 年")
        self.year_spin.setValue(self.today.year)
        self.tables_button = QPushButton("导出六张表…", self)
        self.tables_button.setToolTip("申请人登记、党员登记、年度新发展、年度转正、转入、转出：一个 Excel 工作簿")
        bottom = FlowLayout(align_right=True)
        bottom.add_group(QLabel("党员管理六张表：", self), self.year_spin, self.tables_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.out_button.clicked.connect(self.transfer_out)
        self.receipt_button.clicked.connect(self.record_receipt)
        self.letter_button.clicked.connect(self.export_letter)
        self.in_button.clicked.connect(self.transfer_in)
        for view, model, edit, withdraw in ((self.out_view, self.out_model, self.out_edit_button,
                                             self.out_withdraw_button),
                                            (self.in_view, self.in_model, self.in_edit_button, self.in_withdraw_button)):
            pick = (lambda v, mo: lambda: self._chosen(v, mo))(view, model)
            edit.clicked.connect((lambda p: lambda: self.edit_transfer(p()))(pick))
            withdraw.clicked.connect((lambda p: lambda: self.withdraw_transfer(p()))(pick))
            view.doubleClicked.connect((lambda p: lambda _: self.edit_transfer(p()))(pick))
            office_keys(self, view=view, open_row=(lambda p: lambda: self.edit_transfer(p()))(pick),
                        delete_row=(lambda p: lambda: self.withdraw_transfer(p()))(pick))
        self.floating_button.clicked.connect(lambda: self.edit_floating(new=True))
        self.floating_edit_button.clicked.connect(lambda: self.edit_floating(new=False))
        self.floating_view.doubleClicked.connect(lambda _: self.edit_floating(new=False))
        self.floating_end_button.clicked.connect(self.end_floating)
        self.report_button.clicked.connect(self.add_report)
        self.report_delete_button.clicked.connect(self.delete_report)
        self.tables_button.clicked.connect(self.export_tables)
        for view in (self.out_view, self.in_view, self.floating_view, self.report_view):
            view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self.refresh()

    # -------------------------------------------------------------- loading

    def refresh(self) -> None:
        if self.ctx.branch_id is None:
            for model in (self.out_model, self.in_model, self.floating_model, self.report_model):
                model.load([])
            return
        self.ctx.run(_load, self.ctx.db, self.ctx.branch_id, what="读取组织关系", parent=self,
                     key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, payload) -> None:
        outs, ins, floating, reports, on_roll, groups, community, months = payload
        self.on_roll, self.groups, self.community = on_roll, groups, community
        self.out_model.late_from = add_months(self.today, -months)
        self.out_model.load(outs)
        self.in_model.load(ins)
        self.floating_model.load(floating)
        self.report_model.load(reports)
        index = self.tabs.indexOf(self.report_tab)
        if community and index < 0:
            self.tabs.addTab(self.report_tab, "报到")  # 在职党员到社区报到: a 社区 branch's record
        elif not community and index >= 0:
            self.tabs.removeTab(index)
        late = sum(1 for t in outs if t.receipt_on is None and t.moved_on <= self.out_model.late_from)
        current = sum(1 for f in floating if f.until is None)
        self.summary.setText(f"转出 {len(outs)} 人（{late} 人超过{months}个月未收到回执），转入 {len(ins)} 人，"
                             f"流动党员 {current} 人。")
        self._update_buttons()
        if self._pending is not None:
            tid, self._pending = self._pending, None
            self._select_transfer(tid)
        self.sig_loaded.emit()

    def _select_transfer(self, transfer_id: int) -> None:
        for i, t in enumerate(self.out_model.rows):
            if t.id == transfer_id:
                self.tabs.setCurrentIndex(0)
                self.out_view.selectRow(i)
                self.out_view.scrollTo(self.out_model.index(i, 0))
                return

    def open_ref(self, ref) -> None:
        kind, transfer_id = ref
        if kind == "transfer":
            self._pending = int(transfer_id)
            self.refresh()

    # -------------------------------------------------------------- selection

    @staticmethod
    def _chosen(view, model):
        rows = view.selectionModel().selectedRows()
        return model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        out = self._chosen(self.out_view, self.out_model)
        self.receipt_button.setEnabled(out is not None and out.receipt_on is None)
        self.letter_button.setEnabled(out is not None)
        self.out_edit_button.setEnabled(out is not None)
        self.out_withdraw_button.setEnabled(out is not None)
        came = self._chosen(self.in_view, self.in_model)
        self.in_edit_button.setEnabled(came is not None)
        self.in_withdraw_button.setEnabled(came is not None)
        fl = self._chosen(self.floating_view, self.floating_model)
        self.floating_edit_button.setEnabled(fl is not None and fl.until is None)
        self.floating_end_button.setEnabled(fl is not None and fl.until is None)
        self.report_delete_button.setEnabled(self._chosen(self.report_view, self.report_model) is not None)

    # -------------------------------------------------------------- actions

    def _changed(self, text: str) -> None:
        self.sig_status.emit(text)
        self.sig_data_changed.emit()
        self.refresh()

    def transfer_out(self) -> None:
        if self.ctx.branch_id is None:
            return
        if not self.on_roll:
            self.ctx.asker.info(self, "办理转出", "本支部名册上没有党员。")
            return
        index = self.ctx.asker.choose(self, "办理转出", "为哪位党员办理转出？", [name for _, name, _ in self.on_roll])
        if index is None:
            return
        self._out_for(*self.on_roll[index])

    def _out_for(self, member_id: int, name: str, version: int) -> None:
        self.ctx.run(ts.dues_paid_to, self.ctx.db, member_id, what="读取党费交纳情况", parent=self, dialog=False,
                     on_done=lambda paid: self._open_out(member_id, name, version, paid))

    def _open_out(self, member_id: int, name: str, version: int, paid) -> None:
        dialog = TransferOutDialog(self.ctx, member_id, name, version, paid, self, self.today)
        if dialog.exec() and dialog.saved:
            self._changed(f"已办理转出：{name}转往{dialog.saved.other_org}")
            if dialog.wants_letter:
                export_letter(self.ctx, self, member_id, name, on_done=lambda p: self.sig_status.emit(f"已保存：{p}"))

    def record_receipt(self) -> None:
        t = self._chosen(self.out_view, self.out_model)
        if t is None or t.receipt_on is not None:
            return
        dialog = ReceiptDialog(self.ctx, t, self, self.today)
        if dialog.exec() and dialog.saved:
            self._changed(f"已登记收到{t.name}的回执")

    def export_letter(self) -> None:
        t = self._chosen(self.out_view, self.out_model)
        if t is not None:
            export_letter(self.ctx, self, t.member_id, t.name, on_done=lambda p: self.sig_status.emit(f"已保存：{p}"))

    def transfer_in(self) -> None:
        if self.ctx.branch_id is None:
            return
        dialog = TransferInDialog(self.ctx, self.ctx.branch_id, self.groups, self, self.today)
        if dialog.exec() and dialog.saved:
            self.tabs.setCurrentIndex(1)
            self._changed(f"已办理转入：{dialog.saved.name}")

    def edit_transfer(self, t: ts.TransferInfo | None) -> None:
        """修改 a 转出 or 转入 entered wrongly."""
        if t is None:
            return
        dialog = TransferEditDialog(self.ctx, t, self, self.today)
        if dialog.exec() and dialog.saved:
            self._pending = t.id
            self._changed(f"已修改{t.name}的{t.direction.label}记录")

    def withdraw_transfer(self, t: ts.TransferInfo | None) -> None:
        """撤销 a 转出 or 转入 entered by mistake: first ask the service whether the roll allows it; when it
        does not (a 转入 whose person has records here since), say why and offer the 转出 instead."""
        if t is None:
            return
        self.ctx.run(te.withdrawal_blocker, self.ctx.db, t.id, what=f"查看能否撤销{t.direction.label}", parent=self,
                     dialog=False, on_done=lambda why: self._withdraw(t, why))

    def _withdraw(self, t: ts.TransferInfo, why: str) -> None:
        title = f"撤销{t.direction.label}"
        if why:
            member = next(((mid, name, v) for mid, name, v in self.on_roll if mid == t.member_id), None)
            if t.direction is TransferDirection.IN and member is not None:
                if self.ctx.asker.confirm(self, title, f"{why}\n\n现在为{t.name}办理转出吗？"):
                    self._out_for(*member)
            else:
                self.ctx.asker.info(self, title, why)
            return
        if t.direction is TransferDirection.OUT:
            text = (f"撤销{t.name}于{t.moved_on.isoformat()}转往{t.other_org}的转出吗？\n\n{t.name}将回到本支部名册上，"
                    "如同没有办理过这次转出（历史中的这条转出记录一并去掉）"
                    + ("；已登记的回执也一并去掉" if t.receipt_on else "")
                    + "。已经开具的介绍信请收回作废。\n关闭程序之前，可以用“撤销删除”恢复。")
        else:
            text = (f"撤销{t.name}于{t.moved_on.isoformat()}由{t.other_org}转入的记录吗？\n\n这是误录时用的：{t.name}的"
                    "党员记录将被删除，不再出现在名册和历史中。\n关闭程序之前，可以用“撤销删除”恢复。")
        if not self.ctx.asker.confirm(self, title, text, danger=True):
            return
        button = self.out_withdraw_button if t.direction is TransferDirection.OUT else self.in_withdraw_button
        self.ctx.delete("transfers", t.id, f"{t.name}的{t.direction.label}记录", te.withdraw_transfer, parent=self,
                        busy=(button,), version=t.version, also=te.withdrawal_rows,
                        on_done=lambda _: self._changed(f"已撤销{t.name}的{t.direction.label}"))

    def edit_floating(self, new: bool) -> None:
        if self.ctx.branch_id is None:
            return
        record = None if new else self._chosen(self.floating_view, self.floating_model)
        if not new and (record is None or record.until is not None):
            return
        away = {f.member_id for f in self.floating_model.rows if f.until is None}  # recorded already: edit those
        dialog = FloatingDialog(self.ctx, [(mid, name) for mid, name, _ in self.on_roll if mid not in away], record,
                                self, self.today)
        if dialog.exec() and dialog.saved:
            self._changed(f"已登记流动党员：{dialog.saved.name}")

    def end_floating(self) -> None:
        f = self._chosen(self.floating_view, self.floating_model)
        if f is None or f.until is not None:
            return
        if not self.ctx.asker.confirm(self, "流动党员返回", f"{f.name}已经返回、回本支部参加组织生活了吗？"
                                      f"\n返回日期记为今天，名册上的“流动”标记随之取消。"):
            return
        self.ctx.run(ts.end_floating, self.ctx.db, f.id, self.today, today=self.today, what="登记流动党员返回",
                     parent=self, effect="write", busy=(self.floating_end_button,),
                     on_done=lambda _: self._changed(f"{f.name}已返回"))

    def add_report(self) -> None:
        if self.ctx.branch_id is None:
            return
        dialog = CommunityReportDialog(self.ctx, self.ctx.branch_id, self, self.today)
        if dialog.exec() and dialog.saved:
            self._changed(f"已登记报到：{dialog.saved.person_name}")

    def delete_report(self) -> None:
        r = self._chosen(self.report_view, self.report_model)
        if r is None or not self.ctx.asker.confirm(self, "删除报到记录", f"删除{r.person_name}的报到记录吗？",
                                                   danger=True):
            return
        self.ctx.run(ts.delete_report, self.ctx.db, r.id, what="删除报到记录", parent=self, effect="write",
                     busy=(self.report_delete_button,), on_done=lambda _: self._changed("已删除报到记录"))

    def export_tables(self) -> None:
        if self.ctx.branch_id is None:
            return
        year = self.year_spin.value()
        target = folders.save_file(self.ctx, self, folders.LEDGER, "导出党员管理六张表",
                                   f"{self.ctx.branch_name}{year}年党员管理六张表.xlsx", "Excel 工作簿 (*.xlsx)")
        if not target:
            return
        out = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
        self.ctx.run(run_export, self.ctx.db, "member-tables", ExportRequest(self.ctx.branch_id, out, year=year),
                     what="导出党员管理六张表", parent=self, effect="file", progress=True, cancellable=True,
                     busy=(self.tables_button,), on_done=lambda p: self.sig_status.emit(f"已保存：{p}"))


def _load(db, branch_id: int):
    """What the page shows, read in one job."""
    from dangjian_desktop.services import settings
    from dangjian_desktop.services.branches import group_names, is_community
    from dangjian_desktop.services.members import list_members

    community = bool(is_community(db, branch_id))
    months = int(rules.param_value(ts.RECEIPT_RULE, "months", settings.rule_overrides(db)))
    on_roll = [(mem.id, mem.name, mem.version) for mem in list_members(db, branch_id, on_roll_only=True)]
    return (ts.list_transfers(db, branch_id, TransferDirection.OUT), ts.list_transfers(db, branch_id, TransferDirection.IN),
            ts.list_floating(db, branch_id), ts.list_reports(db, branch_id) if community else [], on_roll,
            group_names(db, branch_id), community, months)


