"""政治生日: who celebrates this month, in the next 30 days or in any month; 光荣在党50年; the record."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import Period, add_months, cn
from dangjian_desktop.core.glossary import BirthdayObservance
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.empty_hint import EmptyHint
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.forms.ui_birthday_observance import Ui_BirthdayObservanceDialog
from dangjian_desktop.gui.keys import office_keys
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import birthdays as bd
from dangjian_desktop.services import settings as settings_service
from dangjian_desktop.services.exports import ExportRequest, run_export
from dangjian_desktop.services.first_day import has_members

MILESTONE_BRUSH = QBrush(QColor("#b00020"))
MARKED_BRUSH = QBrush(QColor("#2e7d32"))


class BirthdayModel(RowsModel):
    """Political birthdays: 日期, 姓名, 党小组, 入党日期, 入党年限, 党龄, 纪念节点, 开展情况."""

    COL_DAY, COL_NAME, COL_GROUP, COL_JOINED, COL_YEARS, COL_PARTY_AGE, COL_MILESTONE, COL_MARKED = range(8)
    HEADERS = ("政治生日", "姓名", "党小组", "入党日期", "入党年限", "党龄", "纪念节点", "开展情况")

    FIFTY_HEADERS = {COL_DAY: "转正日期", COL_MILESTONE: "资格", COL_MARKED: "纪念章"}

    def __init__(self, parent=None, *, fifty: bool = False) -> None:
        super().__init__(parent)
        self.rows: list[bd.Birthday] = []
        self.fifty = fifty  # the 50-year list: 转正日期, 资格 and 纪念章 in place of birthday, milestone, marks
        self.year = date.today().year  # the 50-year list's year

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if self.fifty and section in self.FIFTY_HEADERS:
                return self.FIFTY_HEADERS[section]
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        b = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_DAY:
                d = b.full_member_on if self.fifty else b.day
                return d.isoformat() if d else ""
            if self.fifty and col == self.COL_MILESTONE:
                return "本年新获资格" if bd.is_newly_eligible(b, self.year) else "往年已具备"
            if self.fifty and col == self.COL_MARKED:
                return f"已颁发（{b.medal_on.isoformat()}）" if b.medal_on else "未颁发"
            return {
                self.COL_NAME: b.name, self.COL_GROUP: b.group, self.COL_JOINED: b.joined_on.isoformat(),
                self.COL_YEARS: f"{b.years}年", self.COL_PARTY_AGE: f"{b.party_age}年" if b.full_member_on else "预备期",
                self.COL_MILESTONE: b.milestone_text, self.COL_MARKED: "、".join(b.observances) or "未登记",
            }[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_MILESTONE and b.milestone:
                return MILESTONE_BRUSH
            if col == self.COL_MARKED and b.observances:
                return MARKED_BRUSH
        if role == Qt.ItemDataRole.FontRole and b.milestone and col in (self.COL_NAME, self.COL_MILESTONE):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_YEARS, self.COL_PARTY_AGE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ObservanceModel(RowsModel):
    """The year's record of how birthdays were marked, for an inspector."""

    COL_DATE, COL_NAME, COL_KIND, COL_NOTE = range(4)
    HEADERS = ("日期", "姓名", "开展方式", "情况")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        return (r.done_on.isoformat(), r.name, r.kind.label, r.note)[index.column()]


class ObservanceDialog(SavingDialog):
    """登记政治生日活动: how and when one member's birthday was marked."""

    def __init__(self, ctx: AppContext, birthday: bd.Birthday, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.birthday = ctx, birthday
        self.today = today or date.today()
        self.saved = None
        self.form = Ui_BirthdayObservanceDialog()
        self.form.setupUi(self)
        f = self.form
        f.whoLabel.setText(f"{birthday.name}：{cn(birthday.day)}是入党{birthday.years}周年的政治生日"
                           + (f"（党龄{birthday.milestone}周年）" if birthday.milestone else "") + "。")
        for kind in BirthdayObservance:
            f.kindCombo.addItem(kind.label, kind)
        when = min(self.today, birthday.day)
        f.dateEdit.setDate(QDate(when.year, when.month, when.day))
        f.errorLabel.setStyleSheet("color: #b00020;")
        f.errorLabel.hide()
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("登记")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        f.buttonBox.accepted.connect(self._save)
        f.buttonBox.rejected.connect(self.reject)
        self.setMinimumWidth(480)

    def _save(self) -> None:
        q = self.form.dateEdit.date()
        self.run_save(self.ctx, bd.record_observance, self.ctx.db, self.birthday.member_id,
                      self.form.kindCombo.currentData(), date(q.year(), q.month(), q.day()),
                      year=self.birthday.day.year, note=self.form.noteEdit.text(), today=self.today,
                      what="登记政治生日活动", busy=(self.form.buttonBox,), on_done=self._saved,
                      on_refused=self._refused)


def _table(parent, model) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class BirthdaysPage(Page):
    key = "birthdays"
    title = "政治生日"
    icon_name = "birthdays"
    handles = frozenset({"birthday"})

    sig_loaded = Signal()
    MODE_MONTH, MODE_UPCOMING, MODE_CHOSEN = "month", "upcoming", "chosen"
    MODE_NEXT_MONTH, MODE_NEXT_QUARTER = "next_month", "next_quarter"  # to prepare the cards ahead

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self._pending: int | None = None

        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem("本月", self.MODE_MONTH)
        self.mode_combo.addItem("下月", self.MODE_NEXT_MONTH)
        self.mode_combo.addItem("下季度", self.MODE_NEXT_QUARTER)
        # the national number until the branch's own is read with the first load
        self.upcoming_days = int(rules.param_value("BIRTHDAY-UPCOMING", "days"))
        self.mode_combo.addItem(f"未来{self.upcoming_days}天", self.MODE_UPCOMING)
        self.mode_combo.addItem("指定月份", self.MODE_CHOSEN)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1950, 2200)
        self.year_spin.setSuffix(" 年")
        self.year_spin.setValue(self.today.year)
        self.month_combo = QComboBox(self)
        for m in range(1, 13):
            self.month_combo.addItem(f"{m}月", m)
        self.month_combo.setCurrentIndex(self.today.month - 1)
        self.summary = QLabel(self)

        top = FlowLayout()  # the summary goes onto a second line on a small screen (150 %)
        top.add_group(QLabel("查看：", self), self.mode_combo, self.year_spin, self.month_combo)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top.addWidget(self.summary)

        self.model = BirthdayModel(self)
        self.view = _table(self, self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.record_button = QPushButton("登记活动…", self)
        self.cards_button = QPushButton("为所选党员制作贺卡…", self)
        self.export_button = QPushButton("导出全年政治生日表…", self)
        self.all_cards_button = QPushButton("全年贺卡…", self)
        self.messages_button = QPushButton("生日短信…", self)
        self.messages_button.setToolTip("生成每人一条政治生日短信：复制到手机、微信，或导出 CSV 导入短信平台")
        self.messages_dialog = None
        actions = FlowLayout(align_right=True)
        actions.addWidget(self.record_button)
        actions.addWidget(self.cards_button)
        actions.addWidget(self.messages_button)
        actions.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        actions.addWidget(self.all_cards_button)
        actions.addWidget(self.export_button)
        birthdays_tab = QWidget(self)
        lay = QVBoxLayout(birthdays_tab)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addLayout(actions)

        self.fifty_year = QSpinBox(self)
        self.fifty_year.setRange(1971, 2200)
        self.fifty_year.setSuffix(" 年")
        self.fifty_year.setValue(self.today.year)
        self.fifty_model = BirthdayModel(self, fifty=True)
        self.fifty_view = _table(self, self.fifty_model)
        for col in (BirthdayModel.COL_YEARS,):
            self.fifty_view.hideColumn(col)
        self.medal_button = QPushButton("登记纪念章颁发…", self)
        self.medal_button.setToolTip("记录所选党员领到“光荣在党50年”纪念章的日期")
        self.fifty_label = QLabel(self)
        self.fifty_label.setWordWrap(True)
        fifty_tab = QWidget(self)
        lay2 = QVBoxLayout(fifty_tab)
        row = QHBoxLayout()
        row.addWidget(QLabel("颁发年度：", self))
        row.addWidget(self.fifty_year)
        row.addWidget(self.fifty_label, 1)
        lay2.addLayout(row)
        lay2.addWidget(self.fifty_view, 1)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(self.medal_button)
        lay2.addLayout(row2)

        self.record_model = ObservanceModel(self)
        self.record_view = _table(self, self.record_model)
        self.record_label = QLabel(self)
        self.delete_record_button = QPushButton("删除所选记录", self)
        record_tab = QWidget(self)
        lay3 = QVBoxLayout(record_tab)
        lay3.addWidget(self.record_label)
        lay3.addWidget(self.record_view, 1)
        row3 = QHBoxLayout()
        row3.addStretch(1)
        row3.addWidget(self.delete_record_button)
        lay3.addLayout(row3)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(birthdays_tab, "政治生日")
        self.tabs.addTab(fifty_tab, "光荣在党50年")
        self.tabs.addTab(record_tab, "开展情况记录")
        self.empty_hint = EmptyHint("还没有党员。政治生日按花名册中的入党日期计算，先建立花名册。",
                                    [("导入花名册…", lambda: self.sig_go.emit("members", "import")),
                                     ("新增党员", lambda: self.sig_go.emit("members", "add"))], self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.tabs)

        self.mode_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.year_spin.valueChanged.connect(lambda _: self.refresh())
        self.month_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.fifty_year.valueChanged.connect(lambda _: self.refresh())
        self.view.doubleClicked.connect(lambda _: self.record_selected())
        office_keys(self, view=self.view, open_row=self.record_selected)
        self.record_button.clicked.connect(self.record_selected)
        self.medal_button.clicked.connect(self.record_medal)
        self.cards_button.clicked.connect(lambda: self.make_cards(selected_only=True))
        self.all_cards_button.clicked.connect(lambda: self.make_cards(selected_only=False))
        self.export_button.clicked.connect(self.export_year)
        self.messages_button.clicked.connect(self.open_messages)
        self.delete_record_button.clicked.connect(self.delete_record)
        self.refresh()

    # -------------------------------------------------------------- loading

    def _range(self) -> tuple[date, date, str]:
        mode = self.mode_combo.currentData()
        chosen = mode == self.MODE_CHOSEN
        self.year_spin.setEnabled(chosen)
        self.month_combo.setEnabled(chosen)
        if mode == self.MODE_UPCOMING:
            days = self.upcoming_days
            from datetime import timedelta

            return self.today, self.today + timedelta(days=days), f"未来{days}天"
        from calendar import monthrange

        if mode in (self.MODE_NEXT_MONTH, self.MODE_NEXT_QUARTER):
            if mode == self.MODE_NEXT_MONTH:
                first = add_months(self.today.replace(day=1), 1)
                return first, first.replace(day=monthrange(first.year, first.month)[1]), f"{first.year}年{first.month}月"
            quarter = Period.containing("Q", self.today).next()
            return quarter.start, quarter.end, quarter.label
        year, month = (self.year_spin.value(), self.month_combo.currentData()) if chosen else \
            (self.today.year, self.today.month)

        return date(year, month, 1), date(year, month, monthrange(year, month)[1]), f"{year}年{month}月"

    def refresh(self) -> None:
        branch_id = self.ctx.branch_id
        if branch_id is None:
            for m in (self.model, self.fifty_model, self.record_model):
                m.load([])
            return
        start, end, label = self._range()  # (the boxes' values are read here, on the GUI thread)
        upcoming = self.mode_combo.currentData() == self.MODE_UPCOMING
        self.ctx.run(has_members, self.ctx.db, branch_id, what="读取党员名册", parent=self, key=(self, "any"),
                     dialog=False, on_done=lambda any_: self.empty_hint.setVisible(not any_))
        self.ctx.run(_load_birthdays, self.ctx.db, branch_id, (start, end, label), upcoming, self.fifty_year.value(),
                     what="读取政治生日", parent=self, key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, payload) -> None:
        (rows, fifty, new_fifty, record), label, fifty_year, record_year, days = payload
        if days != self.upcoming_days:  # the branch's own number (设置 → 本地规则)
            self.upcoming_days = days
            self.mode_combo.setItemText(self.mode_combo.findData(self.MODE_UPCOMING), f"未来{days}天")
            if self.mode_combo.currentData() == self.MODE_UPCOMING:
                label = f"未来{days}天"
        self.model.load(rows)
        milestones = sum(1 for b in rows if b.milestone)
        marked = sum(1 for b in rows if b.observances)
        self.summary.setText(f"{label}共 {len(rows)} 人过政治生日，其中逢十周年 {milestones} 人；已登记活动 {marked} 人。")
        self.fifty_model.year = fifty_year
        self.fifty_model.load(fifty)
        names = "、".join(b.name for b in new_fifty)
        self.fifty_label.setText(f"转正日期在{fifty_year - 50}年7月1日及以前的在世党员共 {len(fifty)} 人"
                                 + (f"，其中今年新满50年：{names}。" if names else "。"))
        self.record_model.load(record)
        self.record_label.setText(f"{record_year}年已登记的政治生日活动 {len(record)} 次（谈心谈话、重温入党誓词、贺卡、走访慰问）。")
        self.tabs.setTabText(1, f"光荣在党50年（{len(fifty)}）")
        if self._pending is not None:
            member_id, self._pending = self._pending, None
            self._select(member_id)
        self.sig_loaded.emit()

    def _select(self, member_id: int) -> bool:
        for i, b in enumerate(self.model.rows):
            if b.member_id == member_id:
                self.tabs.setCurrentIndex(0)
                self.view.selectRow(i)
                self.view.scrollTo(self.model.index(i, 0))
                return True
        return False

    def open_ref(self, ref) -> None:
        kind, member_id = ref
        if kind != "birthday":
            return
        if not self._select(int(member_id)):
            self._pending = int(member_id)
            upcoming = self.mode_combo.findData(self.MODE_UPCOMING)
            if self.mode_combo.currentIndex() == upcoming:
                self.refresh()
            else:  # changing the mode reloads by itself; a second load would reset the selection made
                self.mode_combo.setCurrentIndex(upcoming)

    # -------------------------------------------------------------- actions

    def selected(self) -> list[bd.Birthday]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows]

    def record_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            self.ctx.asker.info(self, "登记活动", "请先在表中选中一位党员。")
            return
        dialog = ObservanceDialog(self.ctx, chosen[0], self, self.today)
        if dialog.exec() and dialog.saved:
            self.sig_status.emit(f"已登记：{dialog.saved.name} {dialog.saved.kind.label}")
            self.refresh()

    def record_medal(self) -> None:
        """The day the selected member received the 纪念章 (empty: not received, clears a mistake)."""
        rows = sorted({i.row() for i in self.fifty_view.selectionModel().selectedRows()})
        if not rows:
            self.ctx.asker.warn(self, "登记纪念章颁发", "请先在“光荣在党50年”名单中选择一名党员。")
            return
        b = self.fifty_model.rows[rows[0]]
        default = (b.medal_on or min(self.today, date(self.fifty_year.value(), 7, 1))).isoformat()
        text = self.ctx.asker.text(self, "登记纪念章颁发", f"{b.name}领到“光荣在党50年”纪念章的日期"
                                   "（如 2026-07-01；清空表示尚未颁发）：", default)
        if text is None:
            return
        try:
            received = date.fromisoformat(text.strip()) if text.strip() else None
        except ValueError:
            self.ctx.asker.warn(self, "登记纪念章颁发", f"“{text.strip()}”不是日期，请按 2026-07-01 的样子填写。")
            return
        self.ctx.run(bd.record_fifty_year_medal, self.ctx.db, b.member_id, received, what="登记纪念章颁发",
                     parent=self, effect="write", busy=(self.medal_button,), on_done=lambda _: self.refresh())

    def delete_record(self) -> None:
        rows = sorted({i.row() for i in self.record_view.selectionModel().selectedRows()})
        if not rows:
            return
        r = self.record_model.rows[rows[0]]
        if not self.ctx.asker.confirm(self, "删除记录", f"删除 {r.done_on.isoformat()} {r.name} 的“{r.kind.label}”记录吗？"):
            return
        self.ctx.delete("birthday_observances", r.id, f"{r.name}的“{r.kind.label}”记录", bd.delete_observance,
                        parent=self, busy=(self.delete_record_button,), on_done=lambda _: self.refresh())

    def open_messages(self) -> None:
        """生日短信: each person's message for a period in the branch's wording (the dialog reads its data)."""
        if self.ctx.branch_id is None:
            return
        from dangjian_desktop.gui.birthday_messages import BirthdayMessagesDialog

        self.messages_dialog = BirthdayMessagesDialog(self.ctx, self.ctx.branch_id, self, self.today)
        self.messages_dialog.open()

    def _save_target(self, title: str, name: str, suffix: str) -> Path | None:
        target = folders.save_file(self.ctx, self, folders.DOCUMENTS, title, name,
                                          "Word 文档 (*.docx)" if suffix == ".docx" else "Excel 工作簿 (*.xlsx)")
        if not target:
            return None
        return Path(target if target.lower().endswith(suffix) else target + suffix)

    def make_cards(self, *, selected_only: bool) -> None:
        if self.ctx.branch_id is None:
            return
        chosen = self.selected() if selected_only else []
        if selected_only and not chosen:
            self.ctx.asker.info(self, "制作贺卡", "请先在表中选中要制作贺卡的党员（可按住 Ctrl 多选）。")
            return
        year = chosen[0].day.year if chosen else self._range()[0].year
        name = f"{chosen[0].name}等{len(chosen)}人政治生日贺卡.docx" if chosen else f"{self.ctx.branch_name}{year}年政治生日贺卡.docx"
        out = self._save_target("保存政治生日贺卡", name, ".docx")
        if out is None:
            return
        request = ExportRequest(self.ctx.branch_id, out, year=year,
                                member_ids=[b.member_id for b in chosen] if chosen else None)
        self._run(request, "birthday-cards", "制作政治生日贺卡")

    def export_year(self) -> None:
        if self.ctx.branch_id is None:
            return
        year = self._range()[0].year
        out = self._save_target("导出政治生日一览表", f"{self.ctx.branch_name}{year}年政治生日一览表.xlsx", ".xlsx")
        if out is None:
            return
        self._run(ExportRequest(self.ctx.branch_id, out, year=year), "birthdays", "导出政治生日一览表")

    def _run(self, request: ExportRequest, kind: str, what: str) -> None:
        self.ctx.run(run_export, self.ctx.db, kind, request, what=what, parent=self, effect="file", progress=True,
                     cancellable=True, busy=(self.cards_button, self.all_cards_button, self.export_button),
                     on_done=self._saved)

    def _saved(self, path) -> None:
        self.sig_status.emit(f"已保存：{path}")


def _load_birthdays(db, branch_id: int, shown: tuple[date, date, str], upcoming: bool, fifty_year: int):
    """What the page shows, read in one job: `shown` is the days chosen in the page's boxes; for
    未来N天 N is the branch's own rule (设置 → 本地规则), read here."""
    days = int(settings_service.rule_overrides(db).get("BIRTHDAY-UPCOMING.days")
               or rules.param_value("BIRTHDAY-UPCOMING", "days"))
    start, end, label = shown
    if upcoming:
        from datetime import timedelta

        end, label = start + timedelta(days=days), f"未来{days}天"
    record_year = start.year
    return ((bd.birthdays_between(db, branch_id, start, end), bd.fifty_years_list(db, branch_id, fifty_year),
             bd.newly_fifty_years(db, branch_id, fifty_year), bd.observances(db, branch_id, record_year)),
            label, fifty_year, record_year, days)
