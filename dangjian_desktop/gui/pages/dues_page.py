"""党费: the month's collection (全部按应缴收齐, then the exceptions), the year at a glance, bases, import, ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core import dues as core
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import DuesBasis, DuesKind
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.forms.ui_dues_base import Ui_DuesBaseDialog
from dangjian_desktop.gui.forms.ui_dues_payment import Ui_DuesPaymentDialog
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.table_model import RowsModel, record_table
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import dues as ds
from dangjian_desktop.services.exports import ExportRequest, run_export

UNPAID_BRUSH = QBrush(QColor("#b00020"))
EXEMPT_BRUSH = QBrush(QColor("#2e7d32"))
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class MonthModel(RowsModel):
    """One month: each member liable for it, 应缴 and what was recorded."""

    COL_NAME, COL_GROUP, COL_BASIS, COL_DUE, COL_PAID, COL_STATUS, COL_DATE, COL_NOTE = range(8)
    HEADERS = ("姓名", "党小组", "计算方法", "应缴（元）", "实缴（元）", "情况", "交纳日期", "说明")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ds.DuesMonth] = []
        self.month_over = False  # an unrecorded month that is over is 未交 (red); this month is still open

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_STATUS:
                return d.status_text if d.kind is not None or self.month_over else "待收"
            return (d.member, d.group, d.basis_text, f"{d.due:.2f}" if d.due is not None else "未定基数",
                    f"{d.paid:.2f}" if d.kind is not None and d.kind is not DuesKind.EXEMPT else "",
                    None, d.paid_on.isoformat() if d.paid_on else "", d.note)[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_STATUS and d.kind is None and self.month_over:
                return UNPAID_BRUSH
            if col == self.COL_STATUS and d.kind is DuesKind.EXEMPT:
                return EXEMPT_BRUSH
            if col == self.COL_DUE and d.due is None:
                return UNPAID_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_DUE, self.COL_PAID):
            return RIGHT
        return None


class YearModel(RowsModel):
    """The year: each member's twelve months (实缴, 免缴, 未交), totals and months unpaid."""

    COL_NAME = 0
    COL_FIRST_MONTH = 1
    COL_DUE, COL_PAID, COL_UNPAID = 13, 14, 15
    HEADERS = ("姓名", *(f"{m}月" for m in range(1, 13)), "全年应缴", "全年实缴", "未交月数")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ds.LedgerRow] = []
        self.over: list[bool] = [False] * 12

    def _cell(self, r: ds.LedgerRow, i: int) -> str:
        cell = r.months[i]
        if cell is None:
            return ""
        due, paid, how = cell
        if how == "免缴":
            return "免缴"
        if how:
            return f"{paid:.2f}"
        return "未交" if self.over[i] else ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NAME:
                return r.name
            if col < self.COL_DUE:
                return self._cell(r, col - self.COL_FIRST_MONTH)
            return (f"{r.due_total:.2f}", f"{r.paid_total:.2f}", str(r.unpaid_months) if r.unpaid_months else "")[
                col - self.COL_DUE]
        if role == Qt.ItemDataRole.ForegroundRole and col != self.COL_NAME:
            text = self.data(index)
            if text == "未交" or (col == self.COL_UNPAID and text):
                return UNPAID_BRUSH
            if text == "免缴":
                return EXEMPT_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_NAME:
            return CENTRE
        return None


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class PaymentDialog(SavingDialog):
    """登记党费 for one member: 实缴, 补缴, 预交 (several months) or 免缴 with its approval."""

    def __init__(self, ctx: AppContext, row: ds.DuesMonth, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.today = today or date.today()
        self.saved: list[ds.DuesMonth] | None = None
        self.form = f = Ui_DuesPaymentDialog()
        f.setupUi(self)
        due = f"{row.due:.2f} 元" if row.due is not None else "未定（请先设定党费基数，或写明金额）"
        f.whoLabel.setText(f"{row.member}：{core.month_label(row.month)}应缴 {due}")
        f.hintLabel.setText(row.basis_text)
        over = row.month < core.month_of(self.today)
        for kind in DuesKind:
            f.kindCombo.addItem(kind.label, kind)
        f.kindCombo.setCurrentIndex(f.kindCombo.findData(DuesKind.MAKEUP if over else DuesKind.PAID))
        y, m = core.year_month(row.month)
        f.monthEdit.setDate(QDate(y, m, 1))
        f.dateEdit.setDate(_qdate(self.today))
        f.dateEdit.setMaximumDate(_qdate(self.today))
        f.errorLabel.setStyleSheet("color: #b00020;")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("登记")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        f.buttonBox.accepted.connect(self._save)
        f.buttonBox.rejected.connect(self.reject)
        f.kindCombo.currentIndexChanged.connect(lambda _: self._kind_changed())
        self._kind_changed()
        self.setMinimumWidth(520)

    def _kind_changed(self) -> None:
        kind = DuesKind(self.form.kindCombo.currentData())  # Qt hands back the plain string
        self.form.monthsSpin.setEnabled(kind is DuesKind.PREPAID)
        self.form.amountEdit.setEnabled(kind is not DuesKind.EXEMPT)
        self.form.dateEdit.setEnabled(kind is not DuesKind.EXEMPT)

    def _save(self) -> None:
        f = self.form
        q = f.monthEdit.date()
        kind = DuesKind(f.kindCombo.currentData())
        self.run_save(self.ctx, ds.record_payment, self.ctx.db, self.ctx.branch_id, self.row.member_id,
                      core.month_no(q.year(), q.month()), kind=kind, amount=f.amountEdit.text().strip() or None,
                      months=f.monthsSpin.value() if kind is DuesKind.PREPAID else 1, note=f.noteEdit.text(),
                      paid_on=_pydate(f.dateEdit.date()), today=self.today, what="登记党费",
                      busy=(f.buttonBox,), on_done=self._saved, on_refused=self._refused)


class BaseDialog(SavingDialog):
    """设定党费基数: the basis and amount from a month on; earlier months keep theirs."""

    def __init__(self, ctx: AppContext, row: ds.DuesMonth, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.today = today or date.today()
        self.saved = None
        self.form = f = Ui_DuesBaseDialog()
        f.setupUi(self)
        f.whoLabel.setText(f"{row.member}：现在是 {row.basis_text}")
        f.hintLabel.setText("调资、退休等从哪个月起变化，就从哪个月起设定；以前各月仍按原来的基数计算。")
        for basis in DuesBasis:
            f.basisCombo.addItem(basis.label, basis)
            if row.basis_text.startswith(basis.label):
                f.basisCombo.setCurrentIndex(f.basisCombo.count() - 1)
        y, m = core.year_month(row.month)
        f.fromEdit.setDate(QDate(y, m, 1))
        f.errorLabel.setStyleSheet("color: #b00020;")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        f.buttonBox.accepted.connect(self._save)
        f.buttonBox.rejected.connect(self.reject)
        f.basisCombo.currentIndexChanged.connect(
            lambda _: f.amountEdit.setEnabled(core.needs_base(DuesBasis(f.basisCombo.currentData()))))
        f.amountEdit.setEnabled(core.needs_base(DuesBasis(f.basisCombo.currentData())))
        self.setMinimumWidth(480)

    def _save(self) -> None:
        f = self.form
        q = f.fromEdit.date()
        self.run_save(self.ctx, ds.set_base, self.ctx.db, self.row.member_id, core.month_no(q.year(), q.month()),
                      DuesBasis(f.basisCombo.currentData()), f.amountEdit.text().strip() or None, note=f.noteEdit.text(),
                      today=self.today, what="设定党费基数", busy=(f.buttonBox,), on_done=self._saved,
                      on_refused=self._refused)



class DuesPage(Page):
    key = "dues"
    title = "党费"
    icon_name = "dues"
    handles = frozenset({"dues"})

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self._pending: int | None = None
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1950, 2200)
        self.year_spin.setSuffix(" 年")
        self.year_spin.setValue(self.today.year)
        self.month_combo = QComboBox(self)
        for m in range(1, 13):
            self.month_combo.addItem(f"{m}月", m)
        self.month_combo.setCurrentIndex(self.today.month - 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top = FlowLayout()
        top.add_group(QLabel("月份：", self), self.year_spin, self.month_combo)
        top.addWidget(self.summary)

        self.model = MonthModel(self)
        self.view = record_table(self, self.model)
        self.collect_button = QPushButton("本月全部按应缴收齐", self)
        self.record_button = QPushButton("登记…", self)
        self.clear_button = QPushButton("撤销登记", self)
        self.base_button = QPushButton("设定党费基数…", self)
        self.import_button = QPushButton("导入收缴表…", self)
        self.export_button = QPushButton("导出全年台账…", self)
        actions = FlowLayout(align_right=True)
        for b in (self.collect_button, self.record_button, self.clear_button, self.base_button):
            actions.addWidget(b)
        actions.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        month_tab = QWidget(self)
        lay = QVBoxLayout(month_tab)
        lay.addWidget(self.view, 1)
        lay.addLayout(actions)

        self.year_model = YearModel(self)
        self.year_view = record_table(self, self.year_model)
        self.year_label = QLabel(self)
        self.year_label.setWordWrap(True)
        year_tab = QWidget(self)
        lay2 = QVBoxLayout(year_tab)
        lay2.addWidget(self.year_label)
        lay2.addWidget(self.year_view, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(month_tab, "按月收缴")
        self.tabs.addTab(year_tab, "全年")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.year_spin.valueChanged.connect(lambda _: self.refresh())
        self.month_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.view.doubleClicked.connect(lambda _: self.record_selected())
        self.collect_button.clicked.connect(self.collect_month)
        self.record_button.clicked.connect(self.record_selected)
        self.clear_button.clicked.connect(self.clear_selected)
        self.base_button.clicked.connect(self.set_base)
        self.import_button.clicked.connect(self.import_sheet)
        self.export_button.clicked.connect(self.export_ledger)
        self.refresh()

    # -------------------------------------------------------------- loading

    @property
    def month(self) -> int:
        return core.month_no(self.year_spin.value(), self.month_combo.currentData())

    def refresh(self) -> None:
        if self.ctx.branch_id is None:
            self.model.load([])
            self.year_model.load([])
            return
        self.ctx.run(_load, self.ctx.db, self.ctx.branch_id, self.month, self.today, what="读取党费", parent=self,
                     key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, payload) -> None:
        month, rows, ledger, summary, arrears_months = payload
        current = core.month_of(self.today)
        self.model.month_over = month < current
        self.model.load(rows)
        due = sum((d.due for d in rows if d.due is not None), start=ds.ZERO)
        paid = sum((d.paid for d in rows), start=ds.ZERO)
        open_ = [d for d in rows if d.kind is None]
        no_base = sum(1 for d in rows if d.due is None)
        state = "未交" if month < current else "待收"
        self.summary.setText(f"{core.month_label(month)}：{len(rows)} 人，应缴 {due:.2f} 元，已收 {paid:.2f} 元，"
                             f"{state} {len(open_)} 人" + (f"；{no_base} 人未定党费基数" if no_base else "") + "。")
        self.collect_button.setEnabled(month <= current and bool(open_))
        y = core.year_month(month)[0]
        self.year_model.over = [core.month_no(y, i + 1) < current for i in range(12)]
        self.year_model.load(ledger.rows)
        behind = [(n, k) for n, k in summary.in_arrears if k >= arrears_months]  # DUES-ARREARS-3M's threshold
        arrears = "、".join(f"{n}（{k}个月）" for n, k in behind[:10])
        more = f"等 {len(behind)} 人" if len(behind) > 10 else ""
        self.year_label.setText(
            f"{y}年：{summary.members} 人，应缴 {summary.due_total:.2f} 元，实缴 {summary.paid_total:.2f} 元"
            f"（其中补缴 {summary.makeup_total:.2f} 元，预交 {summary.prepaid_total:.2f} 元），免缴 {summary.exempt_months} 人月。"
            + (f"连续{arrears_months}个月以上未交：{arrears}{more}。" if arrears else ""))
        self.tabs.setTabText(1, f"{y}年全年")
        if self._pending is not None:
            member_id, self._pending = self._pending, None
            self._select(member_id)
        self.sig_loaded.emit()

    def _select(self, member_id: int) -> bool:
        for i, d in enumerate(self.model.rows):
            if d.member_id == member_id:
                self.tabs.setCurrentIndex(0)
                self.view.selectRow(i)
                self.view.scrollTo(self.model.index(i, 0))
                return True
        return False

    def open_ref(self, ref) -> None:
        kind, what = ref
        if kind != "dues":
            return
        y, m = core.year_month(core.parse_month(what["month"]))
        self._pending = int(what["member_id"])
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(y)
        self.year_spin.blockSignals(False)
        self.month_combo.blockSignals(True)
        self.month_combo.setCurrentIndex(m - 1)
        self.month_combo.blockSignals(False)
        self.refresh()

    # -------------------------------------------------------------- actions

    def selected(self) -> ds.DuesMonth | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _need_selection(self, title: str) -> ds.DuesMonth | None:
        row = self.selected()
        if row is None:
            self.ctx.asker.info(self, title, "请先在表中选中一位党员。")
        return row

    def collect_month(self) -> None:
        open_ = [d for d in self.model.rows if d.kind is None]
        if self.ctx.branch_id is None or not open_:
            return
        label = core.month_label(self.month)
        if not self.ctx.asker.confirm(self, "按应缴收齐", f"把{label}还没有登记的 {len(open_)} 人都登记为按应缴实缴、"
                                      f"交纳日期为{cn(self.today)}吗？\n个别人没交、少交或免缴的，收齐后再逐个登记或撤销。"):
            return
        self.ctx.run(ds.collect, self.ctx.db, self.ctx.branch_id, [self.month], today=self.today,
                     what="按应缴收齐党费", parent=self, effect="write", progress=True,
                     busy=(self.collect_button,), on_done=self._collected)

    def _collected(self, result: ds.CollectResult) -> None:
        text = f"已登记 {result.recorded} 人的党费"
        if result.no_base:
            text += f"；{len(result.no_base)} 人没有党费基数，未登记：{'、'.join(result.no_base)}"
            self.ctx.asker.info(self, "按应缴收齐", text + "。请设定党费基数后再登记。")
        self.sig_status.emit(text)
        self.sig_data_changed.emit()
        self.refresh()

    def record_selected(self) -> None:
        row = self._need_selection("登记党费")
        if row is None:
            return
        dialog = PaymentDialog(self.ctx, row, self, self.today)
        if dialog.exec() and dialog.saved:
            first = dialog.saved[0]
            self.sig_status.emit(f"已登记：{first.member} {core.month_label(first.month)} {first.status_text}"
                                 + (f" 等 {len(dialog.saved)} 个月" if len(dialog.saved) > 1 else ""))
            self.sig_data_changed.emit()
            self.refresh()

    def clear_selected(self) -> None:
        row = self._need_selection("撤销登记")
        if row is None or row.kind is None:
            return
        if not self.ctx.asker.confirm(self, "撤销登记", f"撤销{row.member}{core.month_label(row.month)}的"
                                      f"“{row.status_text}”登记吗？撤销后这个月算未交。"):
            return
        self.ctx.run(ds.clear_month, self.ctx.db, row.member_id, row.month, what="撤销党费登记", parent=self,
                     effect="write", busy=(self.clear_button,), on_done=lambda _: self._changed("已撤销登记"))

    def _changed(self, text: str) -> None:
        self.sig_status.emit(text)
        self.sig_data_changed.emit()
        self.refresh()

    def set_base(self) -> None:
        row = self._need_selection("设定党费基数")
        if row is None:
            return
        dialog = BaseDialog(self.ctx, row, self, self.today)
        if dialog.exec():
            self._changed(f"已设定{row.member}的党费基数")

    def import_sheet(self) -> None:
        """导入收缴表: the one import dialog (every month, every column, every problem), then all or nothing."""
        from dangjian_desktop.gui.import_dialog import DUES, ImportDialog

        if self.ctx.branch_id is None:
            return
        dialog = ImportDialog(self.ctx, self.ctx.branch_id, DUES, self, today=self.today)
        self._import_dialog = dialog
        dialog.accepted.connect(lambda: self._imported(dialog.result))
        dialog.choose()
        if dialog.path is not None:
            dialog.open()  # window-modal, without a nested event loop

    def _imported(self, result) -> None:
        if result is not None:
            c = result.counts
            self._changed(f"已导入党费收缴表：登记 {c['new']} 个月，更正 {c['update']} 个月（文件中没有交纳日期，交纳日期为空）")

    def export_ledger(self) -> None:
        if self.ctx.branch_id is None:
            return
        year = self.year_spin.value()
        target = self.ctx.asker.save_file(self, "导出党费收缴台账",
                                          str(Path.home() / f"{self.ctx.branch_name}{year}年党费收缴台账.xlsx"),
                                          "Excel 工作簿 (*.xlsx)")
        if not target:
            return
        out = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
        self.ctx.run(run_export, self.ctx.db, "dues-ledger", ExportRequest(self.ctx.branch_id, out, year=year),
                     what="导出党费收缴台账", parent=self, effect="file", progress=True, cancellable=True,
                     busy=(self.export_button,), on_done=lambda p: self.sig_status.emit(f"已保存：{p}"))


def _load(db, branch_id: int, month: int, today: date):
    """What the page shows, read in one job: the month's sheet, the year's ledger and summary."""
    from dangjian_desktop.core import rules
    from dangjian_desktop.services import settings

    year = core.year_month(month)[0]
    arrears_months = int(rules.param_value(core.ARREARS_RULE, "months", settings.rule_overrides(db)))
    return (month, ds.month_sheet(db, branch_id, month, today=today), ds.ledger(db, branch_id, year, today=today),
            ds.year_summary(db, branch_id, year, today=today), arrears_months)
