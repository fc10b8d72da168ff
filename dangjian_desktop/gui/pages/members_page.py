"""党员: the 花名册 with filters and type-ahead search; add, edit, leave the roll, import, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core.glossary import MemberStatus
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.empty_hint import EmptyHint
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.keys import office_keys
from dangjian_desktop.gui.member_editor import LeaveRollDialog, MemberEditorDialog, RosterImportDialog
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.status_text import StatusText
from dangjian_desktop.gui.table_model import Role, RowsModel
from dangjian_desktop.services import members as ms
from dangjian_desktop.services.branches import group_names
from dangjian_desktop.services.exports import ExportRequest, run_export

HISTORY_BRUSH = QBrush(QColor("#808080"))

# data() is called about 2,500 times per repaint of the table: the roles it answers, as plain ints
_ANSWERED = frozenset({Role.DISPLAY, Role.FOREGROUND, Role.ALIGNMENT, Role.TOOLTIP})
_CENTER = Qt.AlignmentFlag.AlignCenter.value


class MemberTableModel(RowsModel):
    """The roster, filtered and sorted here; the view shows this model directly, with no proxy.

    At 10,000 members every per-row Python call per keystroke counts. So the search keys and
    the shown texts are computed once per load (texts lazily, as rows are painted); a change of
    the search text is one pass over precomputed keys (typing on narrows the rows already
    shown), then a model reset. Sorting by a header is `sort()` here: a QSortFilterProxyModel
    would rebuild its mapping over all rows on every reset and add three Python calls
    (index → rowCount, columnCount) to each of the ~2,500 data() calls of a repaint.
    `rows` (also `members`) are the members shown, in the order shown.
    """

    (COL_NAME, COL_GENDER, COL_ETHNICITY, COL_BIRTH, COL_ID, COL_EDUCATION, COL_JOINED, COL_FULL,
     COL_PARTY_AGE, COL_YEARS, COL_GROUP, COL_STATUS, COL_POST, COL_UNIT, COL_PHONE) = range(15)
    HEADERS = ("姓名", "性别", "民族", "出生日期", "公民身份号码", "学历", "入党日期", "转正日期",
               "党龄", "入党年限", "党小组", "状态", "党内职务", "工作单位及职务", "联系电话")
    CENTERED = frozenset({COL_GENDER, COL_PARTY_AGE, COL_YEARS})
    ROLL_CURRENT, ROLL_HISTORY, ROLL_ALL = "current", "history", "all"

    def __init__(self, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.all_members: list[ms.MemberInfo] = []
        self.search_keys: list[str] = []  # lowercase name | pinyin | initials | ID, built once per load
        self.on_roll: list[bool] = []
        self.party_ages: list[int] = []
        self.years: list[int] = []
        self.texts: list[tuple[str, ...] | None] = []  # the 15 shown texts of a member, made when first needed
        self.counts = (0, 0)  # (在册, 正式党员), counted once per load
        self.order: list[int] = []  # indexes into all_members in the shown order (the service's, or a header's)
        self.candidates: list[int] = []  # `order` less those the 党小组/类别/名册 filters hide
        self.visible: list[int] = []  # indexes into all_members of the rows shown
        self.text, self.group_id, self.kind, self.roll = "", None, None, self.ROLL_CURRENT
        self._visible_text = ""  # the search text `visible` was filtered by

    @property
    def members(self) -> list[ms.MemberInfo]:
        """The members shown, in the order shown."""
        return self.rows

    def load(self, members: list[ms.MemberInfo]) -> None:
        """New rows, in the service's order (笔画 or 拼音); a header's sort is dropped."""
        self.all_members = list(members)
        self.search_keys = [f"{m.name}|{m.name_pinyin}|{m.name_initials}|{m.id_number}".lower() for m in members]
        self.on_roll = [m.on_roll for m in members]
        self.counts = (sum(self.on_roll), sum(1 for m in members if m.status == MemberStatus.FULL))
        self.party_ages = [m.party_age(self.today) for m in members]
        self.years = [m.years_since_joining(self.today) for m in members]
        self.texts = [None] * len(members)
        self.order = list(range(len(members)))
        self._apply(candidates=True, force=True)

    def set_filter(self, *, text: str | None = None, group_id=..., kind=..., roll: str | None = None) -> None:
        before = (self.group_id, self.kind, self.roll)
        if text is not None:
            self.text = "".join(text.split()).lower()
        if group_id is not ...:
            self.group_id = group_id
        if kind is not ...:
            self.kind = kind
        if roll is not None:
            self.roll = roll
        self._apply(candidates=(self.group_id, self.kind, self.roll) != before)

    def _filter(self, candidates: bool) -> list[int]:
        """The rows to show; `candidates`: the 党小组/类别/名册 filters or the order changed."""
        if candidates:
            group_id, kind = self.group_id, self.kind
            current, history = self.roll == self.ROLL_CURRENT, self.roll == self.ROLL_HISTORY
            everyone, on_roll = self.all_members, self.on_roll
            self.candidates = [
                i for i in self.order
                if not (current and not on_roll[i]) and not (history and on_roll[i])
                and (group_id is None or everyone[i].group_id == group_id)
                and (kind is None or everyone[i].status == kind)
            ]
        text, keys = self.text, self.search_keys
        if not text:
            return self.candidates
        # typing on (text extends what is shown): only the rows shown now can still match
        pool = self.visible if not candidates and self._visible_text and self._visible_text in text else self.candidates
        return [i for i in pool if text in keys[i]]

    def _apply(self, candidates: bool = False, force: bool = False) -> None:
        visible = self._filter(candidates)
        self._visible_text = self.text
        if not force and visible == self.visible:
            self.visible = visible
            return  # the same rows: nothing to redraw, and the selection stays
        self.beginResetModel()
        self.visible = visible
        self.rows = list(map(self.all_members.__getitem__, visible))
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """A header was clicked (column -1: back to the service's order). Stable, like the
        proxy's: equal values keep the service's order; 姓名 sorts by that order itself."""
        n = len(self.all_members)
        if 0 <= column < len(self.HEADERS) and column != self.COL_NAME:
            keys = self._sort_keys(column)
            new = sorted(range(n), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        else:
            new = list(range(n))
            if column == self.COL_NAME and order == Qt.SortOrder.DescendingOrder:
                new.reverse()
        if new == self.order:
            return
        self.layoutAboutToBeChanged.emit()  # (PySide 6.12 crashes when given the parents and a hint)
        persistent = self.persistentIndexList()  # the selection and the current row
        kept = [(self.visible[p.row()], p.column()) for p in persistent]
        self.order = new
        self.visible = self._filter(candidates=True)  # same rows, new order
        self.rows = list(map(self.all_members.__getitem__, self.visible))
        row_of = {i: r for r, i in enumerate(self.visible)}
        self.changePersistentIndexList(persistent, [self.index(row_of[i], c) for i, c in kept])
        self.layoutChanged.emit()

    def _sort_keys(self, column: int) -> list:
        if column == self.COL_PARTY_AGE:
            return self.party_ages
        if column == self.COL_YEARS:
            return self.years
        texts, row = self.texts, self._row_texts
        return [(texts[i] or row(i))[column] for i in range(len(self.all_members))]

    def row_of(self, member_id: int) -> int | None:
        """The shown row of a member, or None if a filter hides them."""
        for i, m in enumerate(self.members):
            if m.id == member_id:
                return i
        return None

    def find(self, member_id: int) -> ms.MemberInfo | None:
        return next((m for m in self.all_members if m.id == member_id), None)

    def data(self, index, role=Role.DISPLAY):
        if role not in _ANSWERED:  # most of the roles a delegate asks for
            return None
        row = index.row()
        if row < 0:
            return None
        i = self.visible[row]
        if role == Role.DISPLAY:
            return (self.texts[i] or self._row_texts(i))[index.column()]
        if role == Role.FOREGROUND:
            return None if self.on_roll[i] else HISTORY_BRUSH
        if role == Role.ALIGNMENT:
            return _CENTER if index.column() in self.CENTERED else None
        if not self.on_roll[i]:  # the tooltip
            m = self.all_members[i]
            since = m.status_since.isoformat() if m.status_since else ""
            return f"{m.status.label}（{since}）"
        return None

    def _row_texts(self, i: int) -> tuple[str, ...]:
        m = self.all_members[i]

        def iso(d: date | None) -> str:
            return d.isoformat() if d else ""

        texts = (
            m.name, m.gender.label if m.gender else "", m.ethnicity, iso(m.birth_date), m.id_number,
            m.education, iso(m.joined_on), iso(m.full_member_on),
            str(self.party_ages[i]) if m.full_member_on else "预备期" if m.status is MemberStatus.PROBATIONARY
            else "", str(self.years[i]) if m.joined_on else "",
            m.group, m.status.label, m.party_post, m.work_unit, m.phone,
        )
        self.texts[i] = texts
        return texts


class MembersPage(Page):
    key = "members"
    title = "党员"
    icon_name = "members"
    handles = frozenset({"member"})

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self._pending_ref: int | None = None

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("搜索：姓名、拼音首字母（如 zs）或身份证号")
        self.search.setClearButtonEnabled(True)
        self.group_combo = QComboBox(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem("正式和预备", None)
        self.kind_combo.addItem("正式党员", MemberStatus.FULL)
        self.kind_combo.addItem("预备党员", MemberStatus.PROBATIONARY)
        self.roll_combo = QComboBox(self)
        self.roll_combo.addItem("在册", MemberTableModel.ROLL_CURRENT)
        self.roll_combo.addItem("历史（转出、去世等）", MemberTableModel.ROLL_HISTORY)
        self.roll_combo.addItem("全部", MemberTableModel.ROLL_ALL)
        self.order_combo = QComboBox(self)
        self.order_combo.addItem("按姓氏笔画", "strokes")
        self.order_combo.addItem("按拼音", "pinyin")

        filters = FlowLayout()  # one line at 100 %, two on a small screen at 150 %
        filters.addWidget(self.search)
        for label, combo in (("党小组：", self.group_combo), ("类别：", self.kind_combo),
                             ("名册：", self.roll_combo), ("排序：", self.order_combo)):
            filters.add_group(QLabel(label, self), combo)

        self.model = MemberTableModel(self, self.today)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        # after a reset (each keystroke of the search) lay the table out at once: left to the view's
        # zero timer, the layout comes after the first paint and the table is painted twice
        self.model.modelReset.connect(self.view.doItemsLayout)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        # every row one height: the view places rows by arithmetic, never asks for a row's size
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.setSortingEnabled(True)
        # no arrow at first (the order is 姓氏笔画, no column's); once a header is clicked, show which
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(lambda _section: header.setSortIndicatorShown(True))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        widths = {MemberTableModel.COL_NAME: 80, MemberTableModel.COL_GENDER: 44, MemberTableModel.COL_ETHNICITY: 56,
                  MemberTableModel.COL_BIRTH: 92, MemberTableModel.COL_ID: 160, MemberTableModel.COL_EDUCATION: 76,
                  MemberTableModel.COL_JOINED: 92, MemberTableModel.COL_FULL: 92, MemberTableModel.COL_PARTY_AGE: 52,
                  MemberTableModel.COL_YEARS: 64, MemberTableModel.COL_GROUP: 90, MemberTableModel.COL_STATUS: 76,
                  MemberTableModel.COL_POST: 90, MemberTableModel.COL_UNIT: 160}
        # widths fit 10-pt text; a larger font widens the columns whose text must show whole. Measured
        # once here: ResizeToContents would measure the rows again on every keystroke of the search.
        metrics, pad = self.view.fontMetrics(), 16
        whole = {MemberTableModel.COL_NAME: "欧阳某某", MemberTableModel.COL_BIRTH: "0000-00-00",
                 MemberTableModel.COL_ID: "00000000000000000X", MemberTableModel.COL_JOINED: "0000-00-00",
                 MemberTableModel.COL_FULL: "0000-00-00"}
        for col, w in widths.items():
            self.view.setColumnWidth(col, max(w, metrics.horizontalAdvance(whole.get(col, "")) + pad))

        self.add_button = QPushButton("新增党员", self)
        self.edit_button = QPushButton("编辑", self)
        self.transfer_button = QPushButton("转出…", self)
        self.leave_button = QPushButton("离开名册…", self)
        self.delete_button = QPushButton("删除（误录）", self)
        self.import_button = QPushButton("导入花名册…", self)
        self.export_button = QPushButton("导出花名册…", self)
        self.mask_check = QCheckBox("导出时隐去身份证号和电话中间几位", self)
        self.count_label = StatusText(self)  # follows every keystroke of the search: repainted, not re-laid out
        buttons = FlowLayout(align_right=True)
        for b in (self.add_button, self.edit_button, self.transfer_button, self.leave_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.mask_check)

        self.empty_hint = EmptyHint("还没有党员。先从 Excel 花名册导入全体党员（第一行是表头：姓名、性别、"
                                    "公民身份号码、入党日期……），或者逐个新增。",
                                    [("导入花名册…", self.import_roster), ("新增党员", self.add_member)], self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_hint)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        layout.addLayout(bottom)
        layout.addLayout(buttons)

        self.search.textChanged.connect(lambda t: self._filter(text=t))
        self.group_combo.currentIndexChanged.connect(lambda _: self._filter(group_id=self.group_combo.currentData()))
        self.kind_combo.currentIndexChanged.connect(lambda _: self._filter(kind=self.kind_combo.currentData()))
        self.roll_combo.currentIndexChanged.connect(lambda _: self._filter(roll=self.roll_combo.currentData()))
        self.order_combo.currentIndexChanged.connect(lambda _: self._order_chosen())
        self.view.doubleClicked.connect(lambda _: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.transfer_button.clicked.connect(self.transfer_selected)
        self.leave_button.clicked.connect(self.leave_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_roster)
        self.export_button.clicked.connect(self.export_roster)
        office_keys(self, search=self.search, view=self.view, open_row=self.edit_selected,
                    delete_row=self.delete_selected)
        self.refresh()

    # -------------------------------------------------------------- loading

    def refresh(self) -> None:
        """Reload the branch's 党小组 and members on the database lane; the table updates when they arrive."""
        branch_id = self.ctx.branch_id
        if branch_id is None:
            self._set_groups([])
            self.model.load([])
            self._update_counts()
            return
        self.ctx.run(_load_roster, self.ctx.db, branch_id, self.order_combo.currentData(), what="读取党员名册",
                     parent=self, key=(self, "load"), dialog=False, on_done=self._arrived)

    def _order_chosen(self) -> None:
        """排序 chose 笔画 or 拼音: that order again, not a header's (the arrow goes)."""
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(False)
        header.setSortIndicator(MemberTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.refresh()

    def _arrived(self, loaded: tuple[list[tuple[int, str]], list]) -> None:
        groups, members = loaded
        self._set_groups(groups)
        self._loaded(members)

    def _loaded(self, members: list) -> None:
        self.model.load(members)  # in the service's order (笔画 or 拼音)
        header = self.view.horizontalHeader()
        if header.isSortIndicatorShown():  # a header the user clicked keeps its order over a reload
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._update_counts()
        self._update_buttons()
        self.empty_hint.setVisible(not members)
        if self._pending_ref is not None:
            member_id, self._pending_ref = self._pending_ref, None
            self.select_member(member_id)
        self.sig_loaded.emit()

    def _set_groups(self, groups: list[tuple[int, str]]) -> None:
        current = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem("全部党小组", None)
        for gid, name in groups:
            self.group_combo.addItem(name, gid)
        index = self.group_combo.findData(current)
        self.group_combo.setCurrentIndex(max(index, 0))
        self.group_combo.blockSignals(False)
        if self.model.group_id != self.group_combo.currentData():
            self.model.set_filter(group_id=self.group_combo.currentData())

    def _filter(self, **kw) -> None:
        self.model.set_filter(**kw)
        self._update_counts()

    def _update_counts(self) -> None:
        on_roll, full = self.model.counts  # counted once per load, not per keystroke
        total = len(self.model.all_members)
        self.count_label.setText(f"在册 {on_roll} 人（正式党员 {full} 人，预备党员 {on_roll - full} 人），"
                                 f"历史 {total - on_roll} 人；当前显示 {self.model.rowCount()} 人。")

    # -------------------------------------------------------------- selection

    def selected(self) -> list[ms.MemberInfo]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.members[r] for r in rows]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        one = len(chosen) == 1
        self.edit_button.setEnabled(one)
        self.leave_button.setEnabled(one and chosen[0].on_roll)
        self.transfer_button.setEnabled(one and chosen[0].on_roll)
        self.delete_button.setEnabled(one)

    def select_member(self, member_id: int) -> bool:
        member = self.model.find(member_id)
        if member is None:
            return False
        if self.model.row_of(member_id) is None:  # hidden by the search or a filter: show everyone
            self.search.clear()
            self.group_combo.setCurrentIndex(0)
            self.kind_combo.setCurrentIndex(0)
            if not member.on_roll:
                self.roll_combo.setCurrentIndex(self.roll_combo.findData(MemberTableModel.ROLL_ALL))
        row = self.model.row_of(member_id)
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def go(self, action: str) -> None:
        {"import": self.import_roster, "add": self.add_member}.get(action, lambda: None)()

    def open_ref(self, ref) -> None:
        kind, member_id = ref
        if kind == "member":
            if not self.select_member(int(member_id)):
                self._pending_ref = int(member_id)

    # -------------------------------------------------------------- actions

    def add_member(self) -> None:
        if self.ctx.branch_id is None:
            return
        dialog = MemberEditorDialog(self.ctx, self.ctx.branch_id, None, self, self.today)
        if dialog.exec() and dialog.saved:
            self._changed(f"已新增党员 {dialog.saved.name}", dialog.saved.id)

    def edit_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = MemberEditorDialog(self.ctx, self.ctx.branch_id, chosen[0], self, self.today)
        if dialog.exec() and dialog.saved:
            self._changed(f"已保存 {dialog.saved.name} 的信息", dialog.saved.id)

    def leave_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or not chosen[0].on_roll:
            return
        dialog = LeaveRollDialog(self.ctx, chosen[0], self, self.today)
        if dialog.exec() and dialog.saved:
            self._changed(f"{dialog.saved.name}已{dialog.saved.status.label}，可在“历史”中查到", None)

    def transfer_selected(self) -> None:
        """转出 the selected member (组织关系), with the 介绍信 at once if wanted."""
        from dangjian_desktop.services.transfers import dues_paid_to

        chosen = self.selected()
        if len(chosen) != 1 or not chosen[0].on_roll:
            return
        m = chosen[0]
        self.ctx.run(dues_paid_to, self.ctx.db, m.id, what="读取党费交纳情况", parent=self, dialog=False,
                     on_done=lambda paid: self._open_transfer(m, paid))

    def _open_transfer(self, m: ms.MemberInfo, paid) -> None:
        from dangjian_desktop.gui.transfer_dialogs import TransferOutDialog, export_letter

        dialog = TransferOutDialog(self.ctx, m.id, m.name, m.version, paid, self, self.today)
        if dialog.exec() and dialog.saved:
            self._changed(f"{m.name}已转往{dialog.saved.other_org}，可在“历史”和“组织关系”中查到", None)
            if dialog.wants_letter:
                export_letter(self.ctx, self, m.id, m.name, on_done=self._exported)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        m = chosen[0]
        if not self.ctx.asker.confirm(
                self, "删除党员记录",
                f"确定要删除“{m.name}”（{m.id_number}）吗？\n\n删除只用于录入错误的记录，会写入操作日志；"
                "转出、去世等请用“离开名册”，以便保留历史。", danger=True):
            return
        reason = self.ctx.asker.text(self, "删除原因", "请写明删除原因（如：误录入、重复录入）：", "误录入")
        if not reason:
            return
        self.ctx.delete("members", m.id, f"{m.name}的记录", ms.delete_member, reason, parent=self,
                        busy=(self.delete_button,),
                        on_done=lambda _: self._changed(f"已删除 {m.name} 的记录（已记入操作日志；按 Ctrl+Z 或点“撤销”可以恢复）", None))

    def import_roster(self) -> None:
        if self.ctx.branch_id is None:
            return
        dialog = RosterImportDialog(self.ctx, self.ctx.branch_id, self, today=self.today)
        dialog.choose()
        if dialog.exec() and dialog.result:
            self._changed(dialog.result.summary(), None)

    def export_roster(self) -> None:
        if self.ctx.branch_id is None:
            return
        target = folders.save_file(self.ctx, self, folders.ROSTER, "导出党员花名册",
                                   f"{self.ctx.branch_name}党员花名册.xlsx", "Excel 工作簿 (*.xlsx)")
        if not target:
            return
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        request = ExportRequest(self.ctx.branch_id, Path(target), mask=self.mask_check.isChecked())
        self.ctx.run(run_export, self.ctx.db, "roster", request, what="导出花名册", parent=self, effect="file",
                     progress=True, cancellable=True, busy=(self.export_button,), on_done=self._exported)

    def _exported(self, path) -> None:
        self.sig_status.emit(f"已导出：{path}")

    def _changed(self, message: str, select_id: int | None) -> None:
        self._pending_ref = select_id
        self.sig_status.emit(message)
        self.sig_data_changed.emit()
        self.refresh()


def _load_roster(db, branch_id: int, order: str) -> tuple[list[tuple[int, str]], list[ms.MemberInfo]]:
    """What the page shows, read in one job: the branch's 党小组 and its members in `order`."""
    return group_names(db, branch_id), ms.list_members(db, branch_id, order=order)
