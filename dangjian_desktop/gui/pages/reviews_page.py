"""谈话评议: the year's 谈心谈话 coverage (who still has to talk with whom) and the 民主评议党员 outcomes with
the 处置 of a 不合格, each on its tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core.glossary import AppraisalOutcome
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.review_dialogs import DisposalDialog, ResultDialog, TalkDialog
from dangjian_desktop.gui.table_model import Role, RowsModel, record_table
from dangjian_desktop.reports.appraisal_table import COLUMNS
from dangjian_desktop.services import appraisals as ap
from dangjian_desktop.services import heart_talks as ht
from dangjian_desktop.services.exports import ExportRequest, run_export

MISSING_BRUSH = QBrush(QColor("#b00020"))
DONE_BRUSH = QBrush(QColor("#2e7d32"))
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


class CoverageModel(RowsModel):
    """Each 支委 pair and each member of the year: talked (when, with whom) or still missing."""

    COL_KIND, COL_FIRST, COL_SECOND, COL_STATE, COL_DATES = range(5)
    HEADERS = ("类别", "支委 / 党员", "谈话对象", "情况", "谈话日期")

    def data(self, index, role=Role.DISPLAY):
        if not index.isValid():
            return None
        r: ht.CoverageRow = self.rows[index.row()]
        col = index.column()
        if role == Role.DISPLAY:
            return (r.kind, r.first, r.second, "已谈" if r.done else "未谈", r.dates)[col]
        if role == Role.FOREGROUND and col == self.COL_STATE:
            return DONE_BRUSH if r.done else MISSING_BRUSH
        if role == Role.ALIGNMENT and col == self.COL_STATE:
            return CENTRE
        return None


class AppraisalModel(RowsModel):
    """The 民主评议 table: the columns of the exported table (reports.appraisal_table.COLUMNS), so a column added
    there (the year's 积分) shows here too."""

    COLUMNS = COLUMNS
    HEADERS = tuple(c[0] for c in COLUMNS)
    COL_OUTCOME = HEADERS.index("评定等次")
    COL_DISPOSAL = HEADERS.index("不合格党员处置情况")

    def data(self, index, role=Role.DISPLAY):
        if not index.isValid():
            return None
        line: ap.AppraisalLine = self.rows[index.row()]
        col = index.column()
        if role == Role.DISPLAY:
            value = self.COLUMNS[col][2](line)
            return "" if value is None else str(value)
        if role == Role.FOREGROUND and col in (self.COL_OUTCOME, self.COL_DISPOSAL):
            if line.outcome is AppraisalOutcome.UNQUALIFIED and not (line.disposal and not line.disposal.track.open):
                return MISSING_BRUSH
        if role == Role.ALIGNMENT and 2 <= col <= self.COL_OUTCOME:
            return CENTRE
        return None



class ReviewsPage(Page):
    key = "reviews"
    title = "谈话评议"
    icon_name = "meetings"
    handles = frozenset({"heart_talk", "appraisal"})

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self.roster: list[tuple[int, str]] = []
        self.coverage: ht.CoverageView | None = None
        self.meeting: ap.AppraisalMeeting | None = None
        self._pending: dict | None = None
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1950, 2200)
        self.year_spin.setSuffix(" 年")
        self.year_spin.setValue(self.today.year)
        top = FlowLayout()
        top.add_group(QLabel("年度：", self), self.year_spin)

        # 谈心谈话
        self.talk_summary = QLabel(self)
        self.talk_summary.setWordWrap(True)
        self.talk_summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.coverage_model = CoverageModel(self)
        self.coverage_view = record_table(self, self.coverage_model)
        self.talk_button = QPushButton("登记谈心谈话…", self)
        talk_actions = FlowLayout(align_right=True)
        talk_actions.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        talk_actions.addWidget(self.talk_button)
        talk_tab = QWidget(self)
        lay = QVBoxLayout(talk_tab)
        lay.addWidget(self.talk_summary)
        lay.addWidget(self.coverage_view, 1)
        lay.addLayout(talk_actions)

        # 民主评议
        self.meeting_combo = QComboBox(self)
        self.meeting_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.appraisal_summary = QLabel(self)
        self.appraisal_summary.setWordWrap(True)
        self.appraisal_summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.appraisal_model = AppraisalModel(self)
        self.appraisal_view = record_table(self, self.appraisal_model)
        self.result_button = QPushButton("评定…", self)
        self.disposal_button = QPushButton("处置…", self)
        self.disposal_delete_button = QPushButton("删除处置…", self)
        self.disposal_delete_button.setToolTip("误录的处置：删除后可用“撤销删除”恢复")
        self.export_button = QPushButton("导出评议结果表…", self)
        pick = FlowLayout()
        pick.add_group(QLabel("民主评议：", self), self.meeting_combo)
        pick.addWidget(self.appraisal_summary)
        actions = FlowLayout(align_right=True)
        actions.addWidget(self.result_button)
        actions.addWidget(self.disposal_button)
        actions.addWidget(self.disposal_delete_button)
        actions.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        actions.addWidget(self.export_button)
        appraisal_tab = QWidget(self)
        lay2 = QVBoxLayout(appraisal_tab)
        lay2.addLayout(pick)
        lay2.addWidget(self.appraisal_view, 1)
        lay2.addLayout(actions)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(talk_tab, "谈心谈话")
        self.tabs.addTab(appraisal_tab, "民主评议")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.year_spin.valueChanged.connect(lambda _: self.refresh())
        self.meeting_combo.activated.connect(lambda _: self._load_sheet())
        self.talk_button.clicked.connect(self.record_talk)
        self.coverage_view.doubleClicked.connect(lambda _: self.record_talk())
        self.result_button.clicked.connect(self.edit_result)
        self.appraisal_view.doubleClicked.connect(lambda _: self.edit_result())
        self.disposal_button.clicked.connect(self.edit_disposal)
        self.disposal_delete_button.clicked.connect(self.delete_disposal)
        self.appraisal_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.export_button.clicked.connect(self.export_table)
        self.refresh()

    # -------------------------------------------------------------- loading

    def refresh(self) -> None:
        if self.ctx.branch_id is None:
            self.coverage_model.load([])
            self.appraisal_model.load([])
            return
        self.ctx.run(_load, self.ctx.db, self.ctx.branch_id, self.year_spin.value(), self.today,
                     self.meeting.id if self.meeting else None, what="读取谈心谈话和民主评议", parent=self,
                     key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, payload) -> None:
        view, roster, meetings, sheet = payload
        self.coverage, self.roster = view, roster
        self.coverage_model.load(view.rows)
        cov = view.coverage
        if view.note:
            summary = view.note
        else:
            missing = view.missing
            summary = (f"{view.year}年应谈 {cov.required} 项（支委之间 {len(cov.pairs)} 对，"
                       f"{'书记' if cov.secretary_only else '支委'}与党员 {len(cov.members)} 人），已谈 {cov.done} 项"
                       + (f"，还差 {len(missing)} 项（红色）。" if missing else "，已全部谈到。"))
        unnamed = ht.unnamed_text(view.unnamed)
        self.talk_summary.setText(summary + ("\n" + unnamed if unnamed else ""))
        self.meeting_combo.clear()
        for a in meetings:
            self.meeting_combo.addItem(a.label, a.id)
        self._show_sheet(sheet)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._select_member(pending.get("member_id"))
        self.sig_loaded.emit()

    def _show_sheet(self, sheet: ap.AppraisalSheet | None) -> None:
        self.meeting = sheet.meeting if sheet else None
        self.appraisal_model.load(sheet.lines if sheet else [])
        if sheet is None:
            self.appraisal_summary.setText(f"{self.year_spin.value()}年还没有民主评议党员的记录：请先在“三会一课”中新建"
                                           "民主评议党员（或在组织生活会中一并进行）的记录。")
        else:
            self.meeting_combo.setCurrentIndex(max(0, self.meeting_combo.findData(sheet.meeting.id)))
            self.appraisal_summary.setText(sheet.summary)
        for b in (self.result_button, self.disposal_button, self.export_button):
            b.setEnabled(sheet is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = self.appraisal_view.selectionModel().selectedRows()
        line = self.appraisal_model.rows[rows[0].row()] if rows and self.meeting is not None else None
        self.disposal_delete_button.setEnabled(line is not None and line.disposal is not None)

    def _load_sheet(self) -> None:
        meeting_id = self.meeting_combo.currentData()
        if meeting_id is None:
            return
        self.ctx.run(ap.sheet, self.ctx.db, meeting_id, what="读取民主评议", parent=self, key=(self, "sheet"),
                     dialog=False, on_done=self._show_sheet)

    def _select_member(self, member_id) -> None:
        for i, line in enumerate(self.appraisal_model.rows):
            if line.member_id == member_id:
                self.tabs.setCurrentIndex(1)
                self.appraisal_view.selectRow(i)
                self.appraisal_view.scrollTo(self.appraisal_model.index(i, 0))
                return

    def open_ref(self, ref) -> None:
        kind, what = ref
        if kind not in self.handles:
            return
        if kind == "appraisal":
            self._pending = dict(what)
            self.meeting = ap.AppraisalMeeting(int(what["meeting_id"]), self.today, "", None, None)
        self.tabs.setCurrentIndex(0 if kind == "heart_talk" else 1)
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(int(what["year"]))
        self.year_spin.blockSignals(False)
        self.refresh()

    # -------------------------------------------------------------- actions

    def _changed(self, text: str) -> None:
        self.sig_status.emit(text)
        self.sig_data_changed.emit()
        self.refresh()

    def record_talk(self) -> None:
        if self.ctx.branch_id is None:
            return
        talker = listener = ""
        rows = self.coverage_view.selectionModel().selectedRows()
        if rows:
            r = self.coverage_model.rows[rows[0].row()]
            if not r.done:
                talker, listener = (r.first, r.second) if len(r.member_ids) == 2 else ("", r.first)
        dialog = TalkDialog(self.ctx, self.roster, self, self.today, talker, listener)
        if dialog.exec() and dialog.saved:
            self._changed(f"已登记谈心谈话：{dialog.saved.host}与{dialog.saved.counterpart}")

    def _selected_line(self, title: str) -> ap.AppraisalLine | None:
        rows = self.appraisal_view.selectionModel().selectedRows()
        if not rows or self.meeting is None:
            self.ctx.asker.info(self, title, "请先在表中选中一位党员。")
            return None
        return self.appraisal_model.rows[rows[0].row()]

    def edit_result(self) -> None:
        line = self._selected_line("评定结果")
        if line is None:
            return
        dialog = ResultDialog(self.ctx, self.meeting, line, self)
        if dialog.exec() and dialog.saved:
            saved = dialog.saved
            self._changed(f"已保存：{saved.name} {saved.outcome.label if saved.outcome else '未评定'}")

    def edit_disposal(self) -> None:
        line = self._selected_line("不合格党员的处置")
        if line is None:
            return
        if line.outcome is not AppraisalOutcome.UNQUALIFIED:
            self.ctx.asker.info(self, "不合格党员的处置", f"{line.name}没有被评定为不合格，不需要处置。")
            return
        on_roll = any(mid == line.member_id for mid, _ in self.roster)
        dialog = DisposalDialog(self.ctx, self.meeting, line, self, self.today, on_roll=on_roll)
        if dialog.exec() and dialog.saved:
            self._pending = {"member_id": line.member_id}
            self._changed(f"已保存{line.name}的处置：{dialog.saved.text}")

    def delete_disposal(self) -> None:
        """Delete a 处置 entered by mistake (撤销删除 brings it back); a closed 劝其退党 or 除名 that took the
        member off the roll puts them back on it."""
        line = self._selected_line("删除处置")
        if line is None or line.disposal is None:
            return
        track = line.disposal.track
        back = (track.closed_on is not None and track.action in ap.LEAVING_ACTIONS
                and not any(mid == line.member_id for mid, _ in self.roster))
        text = (f"删除{line.name}的处置记录（{line.disposal.text}）吗？"
                + (f"\n\n这条处置办结时{line.name}离开了名册；删除后{line.name}回到本支部名册上，出党记录随之去掉。"
                   if back else "")
                + "\n关闭程序之前，可以用“撤销删除”恢复。")
        if not self.ctx.asker.confirm(self, "删除处置", text, danger=True):
            return
        self.ctx.delete("unqualified_disposals", line.disposal.id, f"{line.name}的处置记录", ap.delete_disposal,
                        parent=self, busy=(self.disposal_delete_button,), also=ap.disposal_rows,
                        on_done=lambda _: self._changed(f"已删除{line.name}的处置记录"))

    def export_table(self) -> None:
        if self.ctx.branch_id is None or self.meeting is None:
            return
        year = self.year_spin.value()
        target = self.ctx.asker.save_file(self, "导出民主评议党员结果表",
                                          str(Path.home() / f"{self.ctx.branch_name}{year}年民主评议党员结果表.xlsx"),
                                          "Excel 工作簿 (*.xlsx)")
        if not target:
            return
        out = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
        self.ctx.run(run_export, self.ctx.db, "appraisal", ExportRequest(self.ctx.branch_id, out, year=year),
                     what="导出民主评议党员结果表", parent=self, effect="file", progress=True, cancellable=True,
                     busy=(self.export_button,), on_done=lambda p: self.sig_status.emit(f"已保存：{p}"))


def _load(db, branch_id: int, year: int, today: date, meeting_id: int | None):
    """What the page shows, read in one job: the coverage, the roll (for picking people), the year's 民主评议
    records and the table of the one shown (the one asked for if it is of this year, else the latest)."""
    from dangjian_desktop.services import members as ms

    view = ht.coverage_view(db, branch_id, year, today=today)
    roster = [(p.id, p.name) for p in ms.list_members(db, branch_id) if p.on_roll]
    meetings = ap.appraisal_meetings(db, branch_id, year)
    ids = [a.id for a in meetings]
    chosen = meeting_id if meeting_id in ids else (ids[-1] if ids else None)
    return view, roster, meetings, ap.sheet(db, chosen) if chosen is not None else None
