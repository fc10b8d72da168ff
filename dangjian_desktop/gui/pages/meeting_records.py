"""三会一课 → 会议记录: the records of a period and type, full-text search, new records from
templates, delete, the Word documents and importing a past 台账."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core.glossary import MeetingState, MeetingType
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.keys import office_keys
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.exports import ExportRequest, run_export

DRAFT_BRUSH = QBrush(QColor("#9c6500"))


def meetings_table(parent) -> QTableView:
    """A read-only table of whole rows, as every tab of the page shows."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    return view


class MeetingListModel(RowsModel):
    """Meetings of the chosen period, newest first."""

    COL_DATE, COL_TYPE, COL_TITLE, COL_HOST, COL_RECORDER, COL_EXPECTED, COL_PRESENT, COL_ABSENT, COL_STATE = range(9)
    HEADERS = ("日期", "类型", "会议名称 / 主题", "主持人", "记录人", "应到", "实到", "缺席及原因", "状态")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.texts: list[tuple[str, ...] | None] = []

    def load(self, rows) -> None:
        self.texts = []
        super().load(rows)
        self.texts = [None] * len(self.rows)  # the shown texts of a row, made when first painted

    def row_of(self, meeting_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == meeting_id), None)

    def _texts(self, i: int) -> tuple[str, ...]:
        r = self.rows[i]
        self.texts[i] = (r.held_on.isoformat(), r.type_label, r.title or r.topics, r.host, r.recorder,
                         str(r.expected), r.present_text, r.absent_text, r.state.label)
        return self.texts[i]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.texts[index.row()] or self._texts(index.row()))[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATE and r.state is MeetingState.DRAFT:
            return DRAFT_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_EXPECTED, self.COL_PRESENT, self.COL_STATE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_ABSENT and r.absent:
            return r.absent_text
        return None


class RecordsTab(QWidget):
    """The list of records with its filters and buttons. Opening and creating records is the page's
    (it keeps the editors): this tab asks for it with `sig_open` and `sig_new`."""

    sig_open = Signal(int)  # a meeting id
    sig_new = Signal(object, object, object)  # MeetingType, held_on (None: today), group id
    sig_changed = Signal()  # records were deleted or imported
    sig_status = Signal(str)
    sig_loaded = Signal()  # the list shows what the filters ask for

    def __init__(self, ctx: AppContext, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.groups: list[tuple[int, str]] = []  # the branch's 党小组, for 新建会议记录 (set by the page)
        self.year_combo = QComboBox(self)
        self.quarter_combo = QComboBox(self)
        self.quarter_combo.addItem("全年", None)
        for q in range(1, 5):
            self.quarter_combo.addItem(f"第{'一二三四'[q - 1]}季度", q)
        self.month_combo = QComboBox(self)
        self.month_combo.addItem("全部月份", None)
        for mth in range(1, 13):
            self.month_combo.addItem(f"{mth}月", mth)
        self.type_combo = QComboBox(self)
        self.type_combo.addItem("全部类型", None)
        for t in MeetingType:
            self.type_combo.addItem(t.label, t)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText("搜索主题、议题和记录内容（如：二十大、发展党员）")
        self.search_edit.setClearButtonEnabled(True)
        for combo in (self.year_combo, self.quarter_combo, self.month_combo, self.type_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.search_edit.returnPressed.connect(self.load)
        self.search_edit.textChanged.connect(lambda text: self.load() if not text else None)
        self.search_button = QPushButton("搜索", self)
        self.search_button.clicked.connect(self.load)

        filters = FlowLayout()  # one line at 100 %, two on a small screen at 150 %
        for label, widget in (("年份：", self.year_combo), ("季度：", self.quarter_combo), ("月份：", self.month_combo),
                              ("类型：", self.type_combo)):
            filters.add_group(QLabel(label, self), widget)
        self.search_edit.setMinimumWidth(self.search_edit.fontMetrics().horizontalAdvance("搜索主题、议题和记录内容"))
        filters.add_group(self.search_edit, self.search_button)

        self.model = MeetingListModel(self)
        self.view = meetings_table(self)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MeetingListModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MeetingListModel.COL_ABSENT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(MeetingListModel.COL_ABSENT, 260)
        self.view.doubleClicked.connect(lambda index: self.sig_open.emit(self.model.rows[index.row()].id))
        self.count_label = QLabel(self)

        self.new_button = QPushButton("新建会议记录", self)
        self.new_menu = QMenu(self.new_button)
        self.new_button.setMenu(self.new_menu)
        self.new_menu.aboutToShow.connect(self.fill_new_menu)
        self.open_button = QPushButton("打开", self)
        self.open_button.clicked.connect(self._open_selected)
        self.word_button = QPushButton("导出Word", self)
        self.word_button.clicked.connect(self._export_selected_word)
        self.book_button = QPushButton("导出会议记录本…", self)
        self.book_button.clicked.connect(lambda: self._export_year("minutes-book", "会议记录本", ".docx"))
        self.ledger_button = QPushButton("导出台账…", self)
        self.ledger_button.clicked.connect(lambda: self._export_year("meetings-ledger", "三会一课台账", ".xlsx"))
        self.import_button = QPushButton("导入台账…", self)
        self.import_button.clicked.connect(self._import)
        self.delete_button = QPushButton("删除", self)
        self.delete_button.clicked.connect(self._delete_selected)
        buttons = FlowLayout(align_right=True)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        buttons.addWidget(self.count_label)
        for b in (self.import_button, self.ledger_button, self.book_button, self.word_button, self.delete_button,
                  self.open_button, self.new_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        office_keys(self, search=self.search_edit, view=self.view, open_row=self._open_selected,
                    delete_row=self._delete_selected)

    # -------------------------------------------------------------- the list

    def set_years(self, years: list[int]) -> None:
        """The years with records (and this year), newest first; the choice is kept."""
        combo = self.year_combo
        keep = combo.currentData() if combo.count() else self.today().year
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("全部年份", None)
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
        self.load()

    def load(self) -> None:
        """The records the filters ask for, read on the worker lane (the newest request wins)."""
        if self.ctx.branch_id is None:
            self.model.load([])
            return
        year = self.year_combo.currentData()
        words = self.search_edit.text().strip()
        self.ctx.run(svc.list_meetings, self.ctx.db, self.ctx.branch_id, year=year,
                     quarter=self.quarter_combo.currentData() if year else None,
                     month=self.month_combo.currentData() if year else None,
                     mtype=self.type_combo.currentData(), search=words,
                     what="读取会议记录", parent=self, key=(self, "load"), dialog=False,
                     on_done=lambda rows: self._loaded(rows, words))

    def _loaded(self, rows: list, words: str) -> None:
        self.model.load(rows)
        drafts = sum(1 for r in rows if r.state is MeetingState.DRAFT)
        searched = f"，搜索“{words}”" if words else ""
        self.count_label.setText(f"共 {len(rows)} 次会议{searched}" + (f"，其中草稿 {drafts} 份" if drafts else ""))
        self.sig_loaded.emit()

    def show_month(self, mtype: MeetingType, month_start: date) -> None:
        """The records of one type in one month (a held cell of the year grid)."""
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(month_start.year)))
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(mtype)))
        self.month_combo.setCurrentIndex(max(0, self.month_combo.findData(month_start.month)))
        self.load()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].id if rows else None

    def _open_selected(self) -> None:
        mid = self.selected_id()
        if mid is None:
            self.ctx.asker.info(self, "打开", "请先在列表中选中一次会议。")
            return
        self.sig_open.emit(mid)

    def fill_new_menu(self) -> None:
        """新建会议记录: one entry per type, the 党小组会 per 党小组."""
        self.new_menu.clear()
        groups = self.groups if self.ctx.branch_id else []
        for t in MeetingType:
            if t is MeetingType.GROUP:
                sub = self.new_menu.addMenu(t.label)
                for gid, gname in groups:
                    sub.addAction(gname, lambda g=gid: self.sig_new.emit(MeetingType.GROUP, None, g))
                sub.setEnabled(bool(groups))
            else:
                self.new_menu.addAction(t.label, lambda mt=t: self.sig_new.emit(mt, None, None))

    def _delete_selected(self) -> None:
        mid = self.selected_id()
        if mid is None:
            return
        row = self.model.rows[self.model.row_of(mid)]
        reason = ""
        if row.state is MeetingState.FINAL:
            reason = self.ctx.asker.text(self, "删除已定稿的记录", "这份记录已定稿。请写明删除原因（原文将保留在修改记录中）：")
            if not reason or not reason.strip():
                return
        elif not self.ctx.asker.confirm(self, "删除草稿", f"删除{row.held_on.isoformat()}的{row.type_label}草稿吗？",
                                        danger=True):
            return
        what = f"{row.held_on.isoformat()}的{row.type_label}记录"
        self.ctx.delete("meetings", mid, what, svc.delete_meeting, reason=reason, parent=self,
                        busy=(self.delete_button,), on_done=lambda _: self.sig_changed.emit())

    # -------------------------------------------------------------- documents and import

    def _export_selected_word(self) -> None:
        mid = self.selected_id()
        if mid is None:
            self.ctx.asker.info(self, "导出Word", "请先在列表中选中一次会议。")
            return
        row = self.model.rows[self.model.row_of(mid)]
        out = folders.save_file(self.ctx, self, folders.DOCUMENTS, "导出会议记录", f"{row.held_on.isoformat()}{row.type.label}记录.docx",
                                       "Word 文档 (*.docx)")
        if out:
            self._run_export("minutes", ExportRequest(self.ctx.branch_id, Path(out), record_id=mid))

    def _export_year(self, kind: str, label: str, suffix: str) -> None:
        year = self.year_combo.currentData() or self.today().year
        out = folders.save_file(self.ctx, self, folders.DOCUMENTS, f"导出{label}", f"{year}年{label}{suffix}",
                                       "Word 文档 (*.docx)" if suffix == ".docx" else "Excel 工作簿 (*.xlsx)")
        if out:
            path = Path(out) if out.lower().endswith(suffix) else Path(out + suffix)
            self._run_export(kind, ExportRequest(self.ctx.branch_id, path, year=year))

    def _run_export(self, kind: str, request: ExportRequest) -> None:
        self.ctx.run(run_export, self.ctx.db, kind, request, what="导出会议记录", parent=self, effect="file",
                     progress=True, cancellable=True, busy=(self.word_button, self.book_button, self.ledger_button),
                     on_done=self._exported)

    def _exported(self, path) -> None:
        self.sig_status.emit(f"已保存：{path}")

    def _import(self) -> None:
        """导入台账: the one import dialog (every row, every column, every problem), then all or nothing."""
        from dangjian_desktop.gui.import_dialog import MEETINGS, ImportDialog

        if self.ctx.branch_id is None:
            return
        dialog = ImportDialog(self.ctx, self.ctx.branch_id, MEETINGS, self)
        self._import_dialog = dialog
        dialog.accepted.connect(lambda: self._imported(dialog.result))
        dialog.choose()
        if dialog.path is not None:
            dialog.open()  # window-modal, without a nested event loop

    def _imported(self, result) -> None:
        if result is not None:
            self.sig_status.emit(f"已导入：{result.summary()}")
            self.sig_changed.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        # 缺席及原因 takes a quarter of a narrow table (150 % display scaling) so 会议名称 keeps some room
        super().resizeEvent(event)
        width = self.view.viewport().width()
        if width > 0:
            self.view.horizontalHeader().resizeSection(MeetingListModel.COL_ABSENT, max(140, min(260, width // 4)))
