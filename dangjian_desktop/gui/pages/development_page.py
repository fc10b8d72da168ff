"""发展党员: a board of the 5 stages with a card per person, and each person's 25-step timeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core import idcard, rules
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import STAGES, Step
from dangjian_desktop.core.glossary import ApplicantStatus, Severity
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.empty_hint import EmptyHint
from dangjian_desktop.gui.fit import FlowLayout
from dangjian_desktop.gui.keys import office_keys
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.gui.words import cite
from dangjian_desktop.services import development as dev

RED = QColor("#f8d7da")
RED_EDGE = QColor("#c62828")
AMBER = QColor("#fff3cd")
AMBER_EDGE = QColor("#e0a800")
PLAIN = QColor("#ffffff")
PLAIN_EDGE = QColor("#b0b7c3")
DONE = QColor("#e8f5e9")
GREY = QColor("#f3f4f6")
COLOURS = {"overdue": (RED, RED_EDGE), "due": (AMBER, AMBER_EDGE), "ok": (PLAIN, PLAIN_EDGE), "done": (DONE, PLAIN_EDGE)}
CardRole = Qt.ItemDataRole.UserRole + 1


def due_text(card: dev.Card, today: date) -> str:
    if card.alert and card.due is None:
        return card.alert  # e.g. a late 半年考察 matters more than a step without a deadline
    if card.due:
        days = (card.due - today).days
        if days < 0:  # the count first: it is what a narrow card must not cut off
            return f"已逾期{-days}天 · 应在{cn(card.due)}前"
        return f"还有{days}天 · 应在{cn(card.due)}前"
    if card.earliest:
        return f"最早 {cn(card.earliest)}"
    return "无规定期限"


# ---------------------------------------------------------------- the board


class StageCardsModel(RowsModel):
    """The cards of one stage column (one column, shown by a list view with CardDelegate)."""

    HEADERS = ("",)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def load(self, cards: list[dev.Card], today: date | None = None) -> None:
        self.today = today or self.today
        super().load(cards)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c: dev.Card = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.name
        if role == CardRole:
            return c
        if role == Qt.ItemDataRole.ToolTipRole:
            nxt = f"下一步：第{c.next_step}步 {c.next_step_name}" if c.next_step else c.status.label
            return f"{c.name}\n{nxt}\n{due_text(c, self.today)}" + (f"\n{c.note}" if c.note else "") + \
                (f"\n{c.findings} 条提醒或问题，最紧要的是：{c.alert}" if c.findings else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{c.name}，{c.next_step_name}，{due_text(c, self.today)}"
        return None


class CardDelegate(QStyledItemDelegate):
    """Draws a card: name (with a badge for findings), the next step, its due date; red or amber when late."""

    PAD = 8

    def sizeHint(self, option, index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(option.rect.width() or 180, fm.height() * 3 + fm.height() // 2 + 2 * self.PAD + 6)

    def paint(self, painter: QPainter, option, index) -> None:
        card: dev.Card = index.data(CardRole)
        model = index.model()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(3, 3, -3, -3)
        fill, edge = COLOURS[card.urgency]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(option.palette.highlight().color() if selected else edge, 2 if selected else 1))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(rect, 6, 6)
        if card.urgency in ("overdue", "due"):
            painter.fillRect(QRect(rect.left(), rect.top() + 4, 4, rect.height() - 8), edge)
        fm = QFontMetrics(option.font)
        x, y, w = rect.left() + self.PAD + 2, rect.top() + self.PAD, rect.width() - 2 * self.PAD - 2
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setPen(option.palette.text().color())
        painter.setFont(bold)
        painter.drawText(QRect(x, y, w, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, card.name)
        if card.findings:
            badge = f" {card.findings} "
            bw = fm.horizontalAdvance(badge) + 6
            brect = QRect(rect.right() - self.PAD - bw, y, bw, fm.height())
            painter.setBrush(QBrush(RED_EDGE if card.urgency == "overdue" else AMBER_EDGE if card.urgency == "due"
                                    else QColor("#6b7280")))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(brect, fm.height() // 2, fm.height() // 2)
            painter.setPen(QColor("white"))
            painter.drawText(brect, Qt.AlignmentFlag.AlignCenter, badge.strip())
        painter.setFont(option.font)
        painter.setPen(option.palette.text().color())
        nxt = f"下一步：{card.next_step}. {card.next_step_name}" if card.next_step else card.next_step_name
        y += fm.height() + 3
        painter.drawText(QRect(x, y, w, fm.height()), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(nxt, Qt.TextElideMode.ElideRight, w))
        y += fm.height() + 3
        painter.setPen(edge if card.urgency in ("overdue", "due") else QColor("#4b5563"))
        painter.drawText(QRect(x, y, w, fm.height()), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(due_text(card, model.today), Qt.TextElideMode.ElideRight, w))
        painter.restore()


class StageColumn(QFrame):
    sig_open = Signal(int)

    def __init__(self, stage_no: int, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.stage_no = stage_no
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.name = name
        self.model = StageCardsModel(self)
        self.view = QListView(self)
        self.view.setObjectName(f"stage{stage_no}View")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.activated.connect(self._open)
        self.view.clicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def load(self, cards: list[dev.Card], today: date) -> None:
        self.model.load(cards, today)
        late = sum(1 for c in cards if c.urgency == "overdue")
        extra = f"，{late}人逾期" if late else ""
        self.title.setText(f"{'一二三四五'[self.stage_no - 1]}、{self.name}\n（{len(cards)}人{extra}）")

    def _open(self, index) -> None:
        if index.isValid():
            self.sig_open.emit(self.model.rows[index.row()].id)


# ---------------------------------------------------------------- a person


class TimelineModel(RowsModel):
    """A person's 25 steps (`rows`: the timeline entries), with what each step records."""

    COL_NO, COL_STAGE, COL_STEP, COL_DATE, COL_STATE, COL_PEOPLE = range(6)
    HEADERS = ("步骤", "阶段", "名称", "日期", "状态", "有关人员及情况")
    STATE_LABELS = {"done": "已完成", "overdue": "已逾期", "due": "即将到期", "next": "下一步", "pending": "未开始"}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.detail: dev.ApplicantDetail | None = None

    def load(self, detail: dev.ApplicantDetail | None) -> None:
        self.detail = detail
        super().load(detail.timeline if detail is not None else [])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.detail is None:
            return None
        t = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NO:
                return t.no
            if col == self.COL_STAGE:
                return STAGES[t.stage - 1].name
            if col == self.COL_STEP:
                return t.name
            if col == self.COL_DATE:
                return cn(t.done_on) if t.done_on else (f"期限 {cn(t.due)}" if t.due else "")
            if col == self.COL_STATE:
                return self.STATE_LABELS[t.state]
            if col == self.COL_PEOPLE:
                return dev.step_summary(self.detail.step(t.no), compact=True).replace("\n", "；")
        if role == Qt.ItemDataRole.BackgroundRole:
            return {"done": DONE, "overdue": RED, "due": AMBER, "next": QColor("#e3f2fd")}.get(t.state)
        if role == Qt.ItemDataRole.ForegroundRole and t.state == "pending":
            return QColor("#6b7280")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_NO:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = dev.step_summary(self.detail.step(t.no))
            return (text + "\n\n" if text else "") + "双击记录或修改这一步"
        return None


class FindingsModel(RowsModel):
    COL_SEVERITY, COL_RULE, COL_MESSAGE = range(3)
    HEADERS = ("", "规则", "说明")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (f.kind, rules.rule(f.rule).title if f.rule in rules.catalog() else "", f.message)[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_SEVERITY:
            return {Severity.VIOLATION: RED, Severity.OVERDUE: RED, Severity.DUE: AMBER}.get(f.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f.message
        return None


class ReviewsModel(RowsModel):
    COL_DATE, COL_KIND, COL_REVIEWER, COL_CONTENT = range(4)
    HEADERS = ("日期", "类型", "考察人", "内容")

    def load(self, rows) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda r: r.done_on, reverse=True)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        return (cn(r.done_on), r.kind_label, r.reviewer, r.content)[index.column()]


def _hint(text: str, parent) -> QLabel:
    """A note beside buttons: wraps rather than widening the window."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def _table(parent, model) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class PersonView(QWidget):
    """One applicant: particulars, the 25-step timeline, findings, reviews."""

    sig_back = Signal()
    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: dev.ApplicantDetail | None = None
        self.today = date.today()
        self.back_button = QPushButton("← 返回看板", self)
        self.back_button.clicked.connect(self.sig_back.emit)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.record_button = QPushButton("记录下一步(&N)…", self)
        self.record_button.clicked.connect(self.record_next)
        self.export_button = QPushButton("导出纪实表(&W)…", self)
        self.export_button.clicked.connect(self.export_record)
        self.edit_button_info = QPushButton("修改基本情况…", self)
        self.edit_button_info.clicked.connect(self.edit_particulars)
        self.stop_button = QPushButton("终止培养…", self)
        self.stop_button.clicked.connect(self.stop)
        top = FlowLayout(align_right=True)  # the buttons go onto a second line on a small screen
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top.add_group(self.back_button, self.title)
        top.addWidget(self.record_button)
        top.addWidget(self.export_button)
        top.addWidget(self.edit_button_info)
        top.addWidget(self.stop_button)

        self.timeline_model = TimelineModel(self)
        self.timeline = _table(self, self.timeline_model)
        self.timeline.setObjectName("timelineView")
        self.timeline.setWordWrap(False)
        self.timeline.doubleClicked.connect(lambda index: self.edit_step(index.row() + 1))
        # Enter opens the step too (not `activated`: it also fires on the double click, and the step opened twice)
        office_keys(self, view=self.timeline, open_row=lambda: self.edit_step(self.timeline.currentIndex().row() + 1))
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(TimelineModel.COL_NO, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineModel.COL_STAGE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TimelineModel.COL_STEP, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineModel.COL_DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineModel.COL_STATE, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.setColumnHidden(TimelineModel.COL_STAGE, True)
        self.edit_button = QPushButton("记录/修改所选步骤(&E)…", self)
        self.edit_button.clicked.connect(self._edit_selected)
        self.clear_button = QPushButton("清除所选步骤", self)
        self.clear_button.clicked.connect(self._clear_selected)
        steps_tab = QWidget(self)
        sl = QVBoxLayout(steps_tab)
        sl.addWidget(self.timeline, 1)
        row = QHBoxLayout()
        row.addWidget(_hint("双击一行记录或修改该步骤；日期、人员和表决票数按规则检查。", steps_tab), 1)
        row.addWidget(self.clear_button)
        row.addWidget(self.edit_button)
        sl.addLayout(row)

        self.reviews_model = ReviewsModel(self)
        self.reviews = _table(self, self.reviews_model)
        self.add_review_button = QPushButton("添加思想汇报或考察(&R)…", self)
        self.add_review_button.clicked.connect(self.add_review)
        self.remove_review_button = QPushButton("删除所选记录", self)
        self.remove_review_button.clicked.connect(self.remove_review)
        reviews_tab = QWidget(self)
        rl = QVBoxLayout(reviews_tab)
        rl.addWidget(self.reviews, 1)
        rrow = QHBoxLayout()
        rrow.addWidget(_hint(f"入党积极分子和预备党员每半年考察一次（{cite('DEV-REVIEW-6M')}）。", reviews_tab), 1)
        rrow.addWidget(self.remove_review_button)
        rrow.addWidget(self.add_review_button)
        rl.addLayout(rrow)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(steps_tab, "二十五个步骤")
        self.tabs.addTab(reviews_tab, "思想汇报和考察")

        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        info_box = QGroupBox("基本情况", self)
        QVBoxLayout(info_box).addWidget(self.info_label)
        self.findings_model = FindingsModel(self)
        self.findings = _table(self, self.findings_model)
        self.findings.setObjectName("findingsView")
        self.findings.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.setColumnHidden(FindingsModel.COL_RULE, True)  # the message names the rule and article
        self.findings.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.findings_box = QGroupBox("提醒和问题", self)
        QVBoxLayout(self.findings_box).addWidget(self.findings)
        right = QWidget(self)
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        rlay.addWidget(self.next_label)
        rlay.addWidget(info_box)
        rlay.addWidget(self.findings_box, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([780, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def show_applicant(self, applicant_id: int, today: date, then=None) -> None:
        """Read the applicant off the GUI thread and show them; `then()` once shown."""
        self.today = today

        def shown(detail: dev.ApplicantDetail) -> None:
            self._show(detail)
            if then is not None:
                then()

        self.ctx.run(dev.applicant_detail, self.ctx.db, applicant_id, today, what="读取发展党员档案", parent=self,
                     key=(self, "load"), dialog=False, on_done=shown)

    def _reshow(self) -> None:
        """After a change: the same person again, and the page and others told."""
        self.show_applicant(self.detail.id, self.today)
        self.sig_changed.emit()

    def _show(self, d: dev.ApplicantDetail) -> None:
        self.detail = d
        self.title.setText(f"{d.name}　{d.status.label if d.status is not ApplicantStatus.ACTIVE else ''}")
        self.timeline_model.load(d)
        self.reviews_model.load(d.reviews)
        self.findings_model.load(d.findings)
        self.findings_box.setTitle(f"提醒和问题（{len(d.findings)}）" if d.findings else "提醒和问题（没有）")
        nxt = d.next_step
        if nxt:
            due = f"，期限 {cn(nxt.due)}" if nxt.due else (f"，最早 {cn(nxt.earliest)}" if nxt.earliest else "")
            self.next_label.setText(f"<b>下一步：</b>第{nxt.no}步“{nxt.name}”{due}" + (f"（{nxt.note}）" if nxt.note else ""))
        else:
            self.next_label.setText(f"<b>{d.status.label}</b>")
        active = d.status is ApplicantStatus.ACTIVE
        self.record_button.setEnabled(nxt is not None and d.status is not ApplicantStatus.STOPPED)
        self.stop_button.setEnabled(active and d.member_id is None)
        lines = [
            f"性别：{d.gender.label if d.gender else '未填'}　民族：{d.ethnicity or '未填'}　出生日期：{cn(d.birth_date) or '未填'}",
            f"公民身份号码：{idcard.mask(d.id_number) if d.id_number else '未填'}",
            f"学历：{d.education or '未填'}　党小组：{d.group_name or '未填'}",
            f"工作单位及职务：{d.work_unit or '未填'}",
            f"联系电话：{d.phone or '未填'}"
            + (f"　预计{cn(d.leaves_unit_on)}离开单位" if d.leaves_unit_on else ""),
            f"规则版本：{d.catalog_version}（按{cn(d.step(Step.APPLICATION).done_on)}申请时的规定）",
        ]
        if d.member_id:
            lines.append("已记入党员花名册" + (f"（延长预备期{d.extension_months}个月）" if d.extension_months else ""))
        self.info_label.setText("\n".join(lines))

    def _edit_selected(self) -> None:
        index = self.timeline.currentIndex()
        if index.isValid():
            self.edit_step(index.row() + 1)

    def _clear_selected(self) -> None:
        index = self.timeline.currentIndex()
        if not index.isValid() or self.detail is None:
            return
        st = self.detail.step(index.row() + 1)
        if st.done_on is None:
            return
        if not self.ctx.asker.confirm(self, "清除步骤", f"清除{self.detail.name}第{st.no}步“{st.name}”的记录（{cn(st.done_on)}）？",
                                      danger=True):
            return
        applicant_id, no = self.detail.id, st.no
        self.ctx.delete("development_steps", st.id, f"{self.detail.name}第{no}步的记录",
                        lambda db, _step_id: dev.clear_step(db, applicant_id, no), parent=self,
                        busy=(self.clear_button,), on_done=lambda _: self._reshow())

    def remove_review(self) -> None:
        index = self.reviews.currentIndex()
        if not index.isValid() or self.detail is None:
            return
        r = self.reviews_model.rows[index.row()]
        if not self.ctx.asker.confirm(self, "删除记录", f"删除{cn(r.done_on)}的{r.kind_label}？", danger=True):
            return
        self.ctx.delete("development_reviews", r.id, f"{cn(r.done_on)}的{r.kind_label}", dev.remove_review,
                        parent=self, busy=(self.remove_review_button,), on_done=lambda _: self._reshow())

    def record_next(self) -> None:
        if self.detail and self.detail.next_step:
            self.edit_step(self.detail.next_step.no)

    def edit_step(self, no: int) -> None:
        from dangjian_desktop.gui.development_editor import StepDialog

        if self.detail is None:
            return
        if self.detail.status is ApplicantStatus.STOPPED:
            self.ctx.asker.info(self, "发展党员", f"{self.detail.name}已终止培养，不能再记录步骤。")
            return
        dialog = StepDialog(self.ctx, self.detail, no, self, today=self.today)
        self._dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reshow()

    def edit_particulars(self) -> None:
        from dangjian_desktop.gui.development_editor import ApplicantDialog

        if self.detail is None:
            return
        dialog = ApplicantDialog(self.ctx, self.detail.branch_id, self, today=self.today, existing=self.detail)
        self._dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reshow()

    def add_review(self) -> None:
        from dangjian_desktop.gui.development_editor import ReviewDialog

        if self.detail is None:
            return
        dialog = ReviewDialog(self.ctx, self.detail, self, today=self.today)
        self._dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reshow()

    def export_record(self) -> None:
        from dangjian_desktop.services.exports import ExportRequest, run_export

        if self.detail is None:
            return
        path = folders.save_file(self.ctx, self, folders.DOCUMENTS, "导出发展党员纪实表", f"发展党员纪实表-{self.detail.name}.docx",
                                        "Word 文档 (*.docx)")
        if not path:
            return
        self.ctx.run(run_export, self.ctx.db, "development-record",
                     ExportRequest(self.detail.branch_id, Path(path), record_id=self.detail.id),
                     what="导出发展党员纪实表", parent=self, effect="file", progress=True, cancellable=True,
                     busy=(self.export_button,), on_done=lambda out: self.ctx.asker.info(self, "已导出", f"已导出：{out}"))

    def stop(self) -> None:
        if self.detail is None:
            return
        reason = self.ctx.asker.text(self, "终止培养", f"终止对{self.detail.name}的培养，原因：")
        if not reason:
            return
        self.ctx.run(dev.stop_applicant, self.ctx.db, self.detail.id, reason, what="终止培养", parent=self,
                     effect="write", busy=(self.stop_button,), on_done=lambda _: self._reshow())


# ---------------------------------------------------------------- the page


class DevelopmentPage(Page):
    key = "development"
    title = "发展党员"
    icon_name = "development"
    handles = frozenset({"applicant"})

    sig_loaded = Signal()  # the board, or a person opened, is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self.new_button = QPushButton("登记入党申请人(&A)…", self)
        self.new_button.clicked.connect(self.new_applicant)
        self.import_button = QPushButton("导入发展党员台账(&I)…", self)
        self.import_button.clicked.connect(self.import_ledger)
        self.ledger_button = QPushButton("导出台账(&L)…", self)
        self.ledger_button.clicked.connect(self.export_ledger)
        self.closed_check = QCheckBox("显示已办结", self)
        self.closed_check.toggled.connect(self.refresh)
        self.summary = QLabel(self)
        legend = QLabel("<span style='background:#f8d7da'>　红色　</span> 已逾期　"
                        "<span style='background:#fff3cd'>　黄色　</span> 30天内到期", self)
        bar = FlowLayout(align_right=True)  # one line at 100 %, the legend on a second on a small screen
        bar.addWidget(self.new_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.ledger_button)
        self.closed_check.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.closed_check)
        bar.addWidget(legend)
        self.summary.setWordWrap(True)

        self.columns: list[StageColumn] = []
        board = QWidget(self)
        cols = QHBoxLayout(board)
        cols.setContentsMargins(0, 0, 0, 0)
        cols.setSpacing(6)
        for st in STAGES:
            col = StageColumn(st.no, getattr(st, "short", "") or st.name, board)
            col.setToolTip(st.name)
            col.sig_open.connect(self.open_applicant)
            self.columns.append(col)
            cols.addWidget(col, 1)
        board_page = QWidget(self)
        bl = QVBoxLayout(board_page)
        bl.setContentsMargins(0, 0, 0, 0)
        self.empty_hint = EmptyHint("还没有入党申请人。已有发展党员台账（Excel）的，导入台账，每人的二十五个步骤"
                                    "按台账中的日期建立；也可以逐个登记入党申请人。",
                                    [("导入发展党员台账…", self.import_ledger), ("登记入党申请人…", self.new_applicant)],
                                    self)
        bl.addLayout(bar)
        bl.addWidget(self.empty_hint)
        bl.addWidget(self.summary)
        bl.addWidget(board, 1)

        self.person = PersonView(ctx, self)
        self.person.sig_back.connect(self.show_board)
        self.person.sig_changed.connect(self._changed)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(board_page)
        self.stack.addWidget(self.person)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.refresh()

    # -------------------------------------------------------------- showing

    def refresh(self) -> None:
        if self.ctx.branch_id is None:
            for col in self.columns:
                col.load([], self.today)
            self.summary.setText("还没有支部。")
            return
        self.ctx.run(dev.board, self.ctx.db, self.ctx.branch_id, self.today, self.closed_check.isChecked(),
                     what="读取发展党员看板", parent=self, key=(self, "load"), dialog=False, on_done=self._board_read)

    def _board_read(self, data) -> None:
        total = late = due = 0
        for col, column in zip(self.columns, data):
            col.load(column.cards, self.today)
            total += len(column.cards)
            late += sum(1 for c in column.cards if c.urgency == "overdue")
            due += sum(1 for c in column.cards if c.urgency == "due")
        self.summary.setText(f"截至{cn(self.today)}：{total}人在发展程序中，{late}人有逾期事项，{due}人30天内有事项到期。"
                             "点击卡片查看此人的二十五个步骤。")
        self.empty_hint.setVisible(total == 0 and not self.closed_check.isChecked())
        if self.stack.currentWidget() is self.person and self.person.detail is not None:
            self.person.show_applicant(self.person.detail.id, self.today)
        self.sig_loaded.emit()

    def go(self, action: str) -> None:
        self.show_board()
        {"import": self.import_ledger, "new": self.new_applicant}.get(action, lambda: None)()

    def branch_changed(self) -> None:
        self.show_board()
        self.refresh()

    def show_board(self) -> None:
        self.stack.setCurrentIndex(0)

    def open_applicant(self, applicant_id: int) -> None:
        """The person's view, once their record has been read."""
        self.person.show_applicant(applicant_id, self.today, then=self._person_shown)

    def _person_shown(self) -> None:
        self.stack.setCurrentWidget(self.person)
        self.sig_status.emit(f"{self.person.detail.name}的发展党员档案")
        self.sig_loaded.emit()

    def open_ref(self, ref) -> None:
        if ref[0] == "applicant":
            self.open_applicant(int(ref[1]))

    def _changed(self) -> None:
        self.refresh()
        self.sig_data_changed.emit()

    # -------------------------------------------------------------- actions

    def new_applicant(self) -> None:
        from dangjian_desktop.gui.development_editor import ApplicantDialog

        if self.ctx.branch_id is None:
            return
        dialog = ApplicantDialog(self.ctx, self.ctx.branch_id, self, today=self.today)
        self._dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_detail:
            self._changed()
            self.open_applicant(dialog.result_detail.id)

    def import_ledger(self) -> None:
        """导入台账: the one import dialog (every row, every column, every problem), then all or nothing."""
        from dangjian_desktop.gui.import_dialog import DEVELOPMENT, ImportDialog

        if self.ctx.branch_id is None:
            return
        dialog = ImportDialog(self.ctx, self.ctx.branch_id, DEVELOPMENT, self, today=self.today)
        self._import_dialog = dialog
        dialog.accepted.connect(lambda: self._imported(dialog.result))
        dialog.choose()
        if dialog.path is not None:
            dialog.open()  # window-modal, without a nested event loop

    def _imported(self, result) -> None:
        if result is not None:
            self._changed()
            self.sig_status.emit(f"已导入发展党员台账：{result.summary()}")

    def export_ledger(self) -> None:
        from dangjian_desktop.services.exports import ExportRequest, run_export

        if self.ctx.branch_id is None:
            return
        year = self.today.year
        path = folders.save_file(self.ctx, self, folders.DOCUMENTS, "导出发展党员台账", f"发展党员台账-{year}.xlsx",
                                        "Excel 工作簿 (*.xlsx)")
        if not path:
            return
        self.ctx.run(run_export, self.ctx.db, "development-ledger", ExportRequest(self.ctx.branch_id, Path(path), year=year),
                     what="导出发展党员台账", parent=self, effect="file", progress=True, cancellable=True,
                     busy=(self.ledger_button,), on_done=lambda out: self.ctx.asker.info(self, "已导出", f"已导出：{out}"))
