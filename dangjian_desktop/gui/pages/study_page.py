"""学时: each member's year (hours by kind, total, target, 是否达标), the sessions behind it, recording a
study session for one or several members, import and the 学时台账."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import StudyKind
from dangjian_desktop.core.study import hours_text
from dangjian_desktop.errors import DomainError
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.forms.ui_study_record import Ui_StudyRecordDialog
from dangjian_desktop.gui.pages.base import Page, year_header
from dangjian_desktop.gui.table_model import RowsModel, record_table
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import study as ss
from dangjian_desktop.services.exports import ExportRequest, run_export

BELOW_BRUSH = QBrush(QColor("#b00020"))
DONE_BRUSH = QBrush(QColor("#2e7d32"))
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
KINDS = tuple(StudyKind)


class YearModel(RowsModel):
    """Each member's year: hours by kind, 合计, 应达, 情况."""

    COL_NAME, COL_GROUP = 0, 1
    COL_FIRST_KIND = 2
    COL_TOTAL, COL_TARGET, COL_STATUS = 6, 7, 8
    HEADERS = ("姓名", "党小组", *(k.label for k in KINDS), "合计", "应达", "情况")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r: ss.MemberYear = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NAME:
                return r.name + ("（支委）" if r.leader else "")
            if col == self.COL_GROUP:
                return r.group
            if col < self.COL_TOTAL:
                v = r.by_kind[KINDS[col - self.COL_FIRST_KIND]]
                return hours_text(v) if v else ""
            return (hours_text(r.total), hours_text(r.target), r.status_text)[col - self.COL_TOTAL]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_TARGET and r.joined_on:
            return f"{cn(r.joined_on)}入党，按入党后的月数折算"
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.COL_TOTAL, self.COL_STATUS):
            return BELOW_BRUSH if r.below else DONE_BRUSH if col == self.COL_STATUS else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.COL_FIRST_KIND:
            return CENTRE
        return None


class EntriesModel(RowsModel):
    """The sessions of the member chosen: 日期, 形式, 学时, 主题, 来源."""

    COL_DATE, COL_KIND, COL_HOURS, COL_TOPIC, COL_SOURCE = range(5)
    HEADERS = ("日期", "学习形式", "学时", "主题 / 课程", "来源")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e: ss.StudyEntry = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.studied_on.isoformat(), e.kind.label, hours_text(e.hours), e.topic,
                    e.source + ("（自动计入）" if e.derived else ""))[col]
        if role == Qt.ItemDataRole.ToolTipRole and e.derived:
            return "按三会一课的出席记录自动计入；如需更正，请修改那次会议的出席情况。"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_DATE, self.COL_KIND, self.COL_HOURS):
            return CENTRE
        return None



def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class StudyRecordDialog(SavingDialog):
    """登记学习: one session (date, kind, hours, topic) for the members ticked (the whole branch for a 集中学习);
    with `entry`, 修改 that one recorded session of one member (no list to tick)."""

    def __init__(self, ctx: AppContext, people: list[ss.MemberYear], chosen: set[int], parent=None,
                 today: date | None = None, entry: ss.StudyEntry | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.entry = entry
        self.saved: list[ss.StudyEntry] | None = None
        self.form = f = Ui_StudyRecordDialog()
        f.setupUi(self)
        for kind in KINDS:
            f.kindCombo.addItem(kind.label, kind.value)
        f.dateEdit.setDate(_qdate(self.today))
        f.dateEdit.setMaximumDate(_qdate(self.today))
        for p in people:
            item = QListWidgetItem(p.name + (f"（{p.group}）" if p.group else ""), f.memberList)
            item.setData(Qt.ItemDataRole.UserRole, p.member_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.member_id in chosen else Qt.CheckState.Unchecked)
        f.errorLabel.setStyleSheet("color: #b00020;")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("登记")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        f.buttonBox.accepted.connect(self._save)
        f.buttonBox.rejected.connect(self.reject)
        f.filterEdit.textChanged.connect(self._filter)
        f.allButton.clicked.connect(lambda: self._tick_visible(Qt.CheckState.Checked))
        f.noneButton.clicked.connect(lambda: self._tick_visible(Qt.CheckState.Unchecked))
        f.memberList.itemChanged.connect(lambda _: self._count())
        self._count()
        self.setMinimumWidth(520)
        self.resize(560, 600)
        if entry is not None:
            self._for_entry(entry)

    def _for_entry(self, e: ss.StudyEntry) -> None:
        """修改: the session's values filled in; the member is fixed (a session of another person is recorded anew)."""
        f = self.form
        self.setWindowTitle(f"修改学习记录：{e.member}")
        for w in (f.filterEdit, f.allButton, f.noneButton, f.memberList):
            w.hide()
        f.membersLabel.setText(f"党员：{e.member}")
        f.countLabel.setText("只修改这一人的这一次学习；其他人同一次学习的记录不变。")
        f.dateEdit.setDate(_qdate(e.studied_on))
        f.kindCombo.setCurrentIndex(f.kindCombo.findData(e.kind.value))
        f.hoursSpin.setValue(float(e.hours))
        f.topicEdit.setText(e.topic)
        f.sourceEdit.setText(e.source)
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("保存修改")
        self.setMinimumHeight(0)
        self.resize(560, self.minimumSizeHint().height())

    def _items(self) -> list[QListWidgetItem]:
        lst = self.form.memberList
        return [lst.item(i) for i in range(lst.count())]

    def _filter(self, text: str) -> None:
        for item in self._items():
            item.setHidden(bool(text.strip()) and text.strip() not in item.text())

    def _tick_visible(self, state: Qt.CheckState) -> None:
        for item in self._items():
            if not item.isHidden():
                item.setCheckState(state)

    def chosen_ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def _count(self) -> None:
        self.form.countLabel.setText(f"已选 {len(self.chosen_ids())} 人")

    def _save(self) -> None:
        f = self.form
        q = f.dateEdit.date()
        if self.entry is not None:
            self.run_save(self.ctx, ss.edit_study, self.ctx.db, self.entry.id, studied_on=date(q.year(), q.month(), q.day()),
                          kind=f.kindCombo.currentData(), hours=f"{f.hoursSpin.value():.1f}", topic=f.topicEdit.text(),
                          source=f.sourceEdit.text(), today=self.today, what="修改学习记录", busy=(f.buttonBox,),
                          on_done=lambda e: self._saved([e]), on_refused=self._refused)
            return
        ids = self.chosen_ids()
        if not ids:
            self._refused(DomainError("请至少勾选一名参加学习的党员。"))
            return
        self.run_save(self.ctx, ss.record_study, self.ctx.db, self.ctx.branch_id, ids, date(q.year(), q.month(), q.day()),
                      f.kindCombo.currentData(), f"{f.hoursSpin.value():.1f}", topic=f.topicEdit.text(),
                      source=f.sourceEdit.text(), today=self.today, what="登记学习", busy=(f.buttonBox,),
                      on_done=self._saved, on_refused=self._refused)


def _derived_text(e: ss.StudyEntry) -> str:
    return (f"这条是按{cn(e.studied_on)}“{e.topic}”的出席记录自动计入的（{hours_text(e.hours)} 学时），这里不能修改："
            "是否出席，请在“三会一课”中修改那次会议的出席情况；每次计多少学时，在“设置 → 本地规则”中设定；"
            f"这一次的实际学时不同的，可以用“登记学习”为{e.member}登记同一天、同一学习形式的学时，登记后它代替自动计入的这一条。")


class StudyPage(Page):
    key = "study"
    title = "学时"
    icon_name = "study"
    handles = frozenset({"study"})

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self.view_data: ss.StudyYear | None = None
        self._pending: int | None = None
        self.year_spin, self.summary, top = year_header(self, self.today.year)

        self.model = YearModel(self)
        self.table = record_table(self, self.model)
        self.entries_model = EntriesModel(self)
        self.entries_view = record_table(self, self.entries_model)
        self.entries_label = QLabel("选中一位党员，这里列出他这一年的每次学习。", self)
        lower = QWidget(self)
        lay = QVBoxLayout(lower)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.entries_label)
        lay.addWidget(self.entries_view, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.record_button = QPushButton("登记学习…", self)
        self.edit_button = QPushButton("修改这条记录…", self)
        self.delete_button = QPushButton("删除这条记录", self)
        self.import_button = QPushButton("导入学时表…", self)
        self.export_button = QPushButton("导出学时台账…", self)
        actions = FlowLayout(align_right=True)
        actions.addWidget(self.record_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(actions)

        self.year_spin.valueChanged.connect(lambda _: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_entries())
        self.entries_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _: self.record())
        self.record_button.clicked.connect(self.record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.entries_view.doubleClicked.connect(lambda _: self.edit_selected())
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_sheet)
        self.export_button.clicked.connect(self.export_ledger)
        from dangjian_desktop.gui.keys import office_keys

        office_keys(self, view=self.table, open_row=self.record)
        office_keys(self, view=self.entries_view, open_row=self.edit_selected, delete_row=self.delete_selected)
        self._update_buttons()
        self.refresh()

    # -------------------------------------------------------------- loading

    def refresh(self) -> None:
        if self.ctx.branch_id is None:
            self.model.load([])
            self.entries_model.load([])
            return
        self.ctx.run(ss.year_view, self.ctx.db, self.ctx.branch_id, self.year_spin.value(), today=self.today,
                     what="读取学时", parent=self, key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, view: ss.StudyYear) -> None:
        chosen = self.selected_member()
        keep = self._pending if self._pending is not None else (chosen.member_id if chosen else None)
        self._pending = None
        self.view_data = view
        self.model.load(view.rows)
        below = view.below
        self.summary.setText(f"{view.year}年（截至{cn(view.as_of)}）：{len(view.rows)} 人，已达标 "
                             f"{len(view.rows) - len(below)} 人，未达标 {len(below)} 人。{view.settings_text()}。")
        if keep is not None:
            for i, r in enumerate(view.rows):
                if r.member_id == keep:
                    self.table.selectRow(i)
                    self.table.scrollTo(self.model.index(i, 0))
                    break
        self._show_entries()
        self.sig_loaded.emit()

    def selected_member(self) -> ss.MemberYear | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows and rows[0].row() < len(self.model.rows) else None

    def selected_entry(self) -> ss.StudyEntry | None:
        rows = self.entries_view.selectionModel().selectedRows()
        return self.entries_model.rows[rows[0].row()] if rows else None

    def _show_entries(self) -> None:
        r = self.selected_member()
        if r is None or self.view_data is None:
            self.entries_model.load([])
            self.entries_label.setText("选中一位党员，这里列出他这一年的每次学习。")
        else:
            entries = [e for e in self.view_data.entries if e.member_id == r.member_id]
            self.entries_model.load(entries)
            self.entries_label.setText(f"{r.name}{self.view_data.year}年的学习：{len(entries)} 次，合计 "
                                       f"{hours_text(r.total)} 学时（党课、主题党日按出席记录自动计入）。")
        self._update_buttons()

    def _update_buttons(self) -> None:
        e = self.selected_entry()
        self.delete_button.setEnabled(e is not None and not e.derived)
        self.delete_button.setToolTip("党课、主题党日是按出席记录计入的，请在三会一课中修改出席情况。"
                                      if e is not None and e.derived else "")
        # enabled for a derived one too: pressed, it says where that one is changed
        self.edit_button.setEnabled(e is not None)
        self.edit_button.setToolTip(_derived_text(e) if e is not None and e.derived else "")

    def open_ref(self, ref) -> None:
        kind, what = ref
        if kind != "study":
            return
        self._pending = int(what["member_id"])
        if self.year_spin.value() != int(what["year"]):
            self.year_spin.setValue(int(what["year"]))  # reloads
        else:
            self.refresh()

    # -------------------------------------------------------------- actions

    def record(self) -> None:
        if self.ctx.branch_id is None or self.view_data is None:
            return
        chosen = self.selected_member()
        dialog = StudyRecordDialog(self.ctx, self.view_data.rows, {chosen.member_id} if chosen else set(), self,
                                   self.today)
        if dialog.exec() and dialog.saved:
            first = dialog.saved[0]
            who = first.member + (f" 等 {len(dialog.saved)} 人" if len(dialog.saved) > 1 else "")
            self._changed(f"已登记：{who} {cn(first.studied_on)} {first.kind.label} {hours_text(first.hours)} 学时")

    def edit_selected(self) -> None:
        """修改 a recorded session; one counted from a meeting is changed where it comes from: say where."""
        e = self.selected_entry()
        if e is None or self.view_data is None:
            return
        if e.derived:
            self.ctx.asker.info(self, "修改学习记录", _derived_text(e))
            return
        dialog = StudyRecordDialog(self.ctx, self.view_data.rows, set(), self, self.today, entry=e)
        if dialog.exec() and dialog.saved:
            s = dialog.saved[0]
            self._pending = e.member_id
            self._changed(f"已修改：{s.member} {cn(s.studied_on)} {s.kind.label} {hours_text(s.hours)} 学时")

    def delete_selected(self) -> None:
        e = self.selected_entry()
        if e is None or e.derived:
            return
        what = f"{e.member}{cn(e.studied_on)}的{e.kind.label}记录"
        if not self.ctx.asker.confirm(self, "删除学习记录", f"删除{what}（{hours_text(e.hours)} 学时）吗？\n删除后可以撤销。"):
            return
        self.ctx.delete("study_records", e.id, what, ss.delete_study, parent=self, busy=(self.delete_button,),
                        on_done=lambda _: self._changed(f"已删除{what}（可以撤销）"))

    def _changed(self, text: str) -> None:
        self.sig_status.emit(text)
        self.sig_data_changed.emit()
        self.refresh()

    def import_sheet(self) -> None:
        if self.ctx.branch_id is None:
            return
        from dangjian_desktop.gui.import_dialog import STUDY, ImportDialog

        dialog = ImportDialog(self.ctx, self.ctx.branch_id, STUDY, self, today=self.today)
        if dialog.exec() and dialog.result is not None:
            r = dialog.result
            self._changed(f"已导入学时：新增 {r.counts['new']} 条，更新 {r.counts['update']} 条")

    def export_ledger(self) -> None:
        if self.ctx.branch_id is None:
            return
        year = self.year_spin.value()
        target = self.ctx.asker.save_file(self, "导出学时台账",
                                          str(Path.home() / f"{self.ctx.branch_name}{year}年学时台账.xlsx"),
                                          "Excel 工作簿 (*.xlsx)")
        if not target:
            return
        out = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
        self.ctx.run(run_export, self.ctx.db, "study-ledger",
                     ExportRequest(self.ctx.branch_id, out, year=year),
                     what="导出学时台账", parent=self, effect="file", progress=True, cancellable=True,
                     busy=(self.export_button,), on_done=lambda p: self.sig_status.emit(f"已保存：{p}"))
