"""首页: what needs the secretary's attention, most urgent first, and a few pictures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import Severity
from dangjian_desktop.gui.charts import Bar, BarChart
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.keys import office_keys
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.table_model import Role, RowsModel
from dangjian_desktop.gui.words import rule_words
from dangjian_desktop.services.dashboard import Dashboard, dashboard

SEVERITY_COLOURS = {
    Severity.VIOLATION: QColor("#f8cbad"),
    Severity.OVERDUE: QColor("#f8cbad"),
    Severity.DUE: QColor("#ffe699"),
    Severity.INFO: QColor("#e2efda"),
}


class ReminderModel(RowsModel):
    """Findings as rows; the order given (most urgent first) is kept."""

    COL_SEVERITY, COL_SUBJECT, COL_DATE, COL_MESSAGE = range(4)
    HEADERS = ("状态", "对象", "日期", "事项")
    # asked ~70 times a row when 首页 is first laid out (columns fitted to their contents, every role):
    # roles as ints, and the one brush per state made once (table_model.Role)
    BRUSHES: dict = {}

    def data(self, index, role=Role.DISPLAY):
        if role == Role.DISPLAY:
            if not index.isValid():
                return None
            f: Finding = self.rows[index.row()]
            col = index.column()
            if col == self.COL_SEVERITY:
                return f.kind
            if col == self.COL_SUBJECT:
                return f.shown_subject
            if col == self.COL_DATE:
                return f.date.isoformat() if f.date else ""
            return f.shown_message
        if role == Role.BACKGROUND:
            if not index.isValid() or index.column() != self.COL_SEVERITY:
                return None
            severity = self.rows[index.row()].severity
            brush = self.BRUSHES.get(severity)
            if brush is None:
                brush = self.BRUSHES[severity] = QBrush(SEVERITY_COLOURS[severity])
            return brush
        if role == Role.TOOLTIP and index.isValid():
            f = self.rows[index.row()]
            return f"{f.message}\n（{rule_words(f.rule)}；双击打开相关记录）"
        return None


class HomePage(Page):
    key = "home"
    title = "首页"
    icon_name = "home"

    sig_loaded = Signal()  # the reminders and figures are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: Dashboard | None = None
        self._pending: tuple[int, date] | None = None
        self.as_of: date | None = None  # None: today (tests may fix a date)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.model = ReminderModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ReminderModel.COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReminderModel.COL_SUBJECT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReminderModel.COL_DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReminderModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda index: self.open_reminder(index.row()))
        office_keys(self, view=self.view, open_row=self._open_selected)
        self.open_button = QPushButton("打开相关记录", self)
        self.open_button.clicked.connect(self._open_selected)
        self.refresh_button = QPushButton("刷新", self)
        self.refresh_button.clicked.connect(self.refresh)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.start_box = self._build_start(left)
        left_layout.addWidget(self.start_box)
        left_layout.addWidget(self.summary_label)
        left_layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        left_layout.addLayout(buttons)

        self.chart_members = BarChart("在册党员", self)
        self.chart_meetings = BarChart("今年会议（已开/应开）", self)
        self.chart_attendance = BarChart("今年各月出勤率", self, percent=True)
        self.chart_applicants = BarChart("发展党员（按阶段）", self)
        charts = QWidget(self)
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        for chart in (self.chart_members, self.chart_meetings, self.chart_attendance, self.chart_applicants):
            row.addWidget(chart)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(left)
        splitter.addWidget(charts)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    # -------------------------------------------------------------- the first day

    # each first step's buttons: (text, page, action)
    START_BUTTONS = {
        "members": (("导入花名册…", "members", "import"), ("新增党员", "members", "add")),
        "committee": (("打开“支部与支委”", "settings", "branch"),),
        "meetings": (("打开三会一课", "meetings", ""),),
        "development": (("导入发展党员台账…", "development", "import"),),
    }

    def _build_start(self, parent: QWidget) -> QGroupBox:
        """开始使用: the first day's four steps, each with its button; shown until all are done."""
        box = QGroupBox("开始使用：按顺序做完这四步，提醒和统计就准确了", parent)
        grid = QGridLayout(box)
        self.start_rows: dict[str, tuple[QLabel, QLabel, list[QPushButton]]] = {}
        for row, key in enumerate(self.START_BUTTONS):
            mark, text = QLabel(box), QLabel(box)
            text.setWordWrap(True)
            buttons = []
            line = QHBoxLayout()
            for title, page, action in self.START_BUTTONS[key]:
                button = QPushButton(title, box)
                button.clicked.connect(lambda _=False, p=page, a=action: self.sig_go.emit(p, a))
                buttons.append(button)
                line.addWidget(button)
            grid.addWidget(mark, row, 0)
            grid.addWidget(text, row, 1)
            grid.addLayout(line, row, 2)
            self.start_rows[key] = (mark, text, buttons)
        grid.setColumnStretch(1, 1)
        box.hide()
        return box

    def _show_start(self, steps: list) -> None:
        self.start_box.setVisible(bool(steps) and not all(s.done for s in steps))
        for i, step in enumerate(steps, 1):
            mark, text, buttons = self.start_rows[step.key]
            mark.setText("<span style='color:#1b7f3b'>✔ 已完成</span>" if step.done else f"<b>第{i}步</b>")
            text.setText(f"<b>{step.title}</b>　<span style='color:#555555'>{step.hint}</span>")
            for button in buttons:
                button.setEnabled(not step.done or step.key == "meetings")

    # -------------------------------------------------------------- data

    def refresh(self) -> None:
        """Recompute in the background (the whole `check` can take a moment on a large database)."""
        if self.ctx.branch_id is None:
            return
        self._pending = (self.ctx.branch_id, self.as_of or date.today())
        ready = self.ctx.prefetched.pop(("home", *self._pending), None)  # read at start (gui.app.first_screen)
        if ready is not None:  # shown on the event loop's next turn, as an answer from the lane would be
            QTimer.singleShot(0, self, lambda: self._apply(ready))
            return
        if self.data is None:
            self.summary_label.setText("正在检查需要处理的事项……")
        self.ctx.run(dashboard, self.ctx.db, *self._pending, what="检查需要处理的事项", parent=self,
                     key=(self, "load"), dialog=False, on_done=self._apply, on_refused=self._failed)

    def _failed(self, exc: Exception) -> None:
        self.summary_label.setText(f"无法计算提醒：{exc}")

    def _apply(self, d: Dashboard) -> None:
        if (d.branch_id, d.as_of) != self._pending:
            return  # an older request answered after a newer one was made
        self.data = d
        self.model.load(d.reminders)
        self._show_start(d.start)
        overdue = len(d.overdue)
        due = sum(1 for f in d.reminders if f.severity is Severity.DUE)
        info = sum(1 for f in d.reminders if f.severity is Severity.INFO)
        if d.reminders:
            self.summary_label.setText(
                f"截至{cn(d.as_of)}：<b style='color:#c00000'>逾期或违反规定 {overdue} 项</b>，"
                f"<b style='color:#9c6500'>即将到期 {due} 项</b>，提示 {info} 项。双击一项打开相关记录。")
        else:
            self.summary_label.setText(f"截至{cn(d.as_of)}，没有需要处理的事项。")
        if d.start and not d.start[0].done:  # no members yet: the reminders cannot be complete
            self.summary_label.setText("还没有党员，关于党员的提醒要等花名册建立后才有。先按上面的步骤开始。<br>"
                                       + self.summary_label.text())
        self.open_button.setEnabled(bool(d.reminders))
        self.chart_members.set_bars(
            [Bar(c.label, c.value) for c in d.members_by_status[:2]]
            + [Bar(c.label, c.value) for c in d.members_by_group])
        self.chart_meetings.set_bars([Bar(c.type.label, c.held, c.required) for c in d.meetings])
        self.chart_meetings.setToolTip("红色：已达到要求；金色：还差；浅红：应开次数（从有记录起算）")
        months = [r for r in d.attendance_by_month if r.month <= d.as_of.month]
        self.chart_attendance.set_bars([
            Bar(f"{r.month}月", r.rate or 0.0, text=f"{r.rate:.0%}" if r.rate is not None else "无会议")
            for r in months])
        self.chart_applicants.set_bars([Bar(c.label, c.value) for c in d.applicants_by_stage])
        self.sig_loaded.emit()

    # -------------------------------------------------------------- click-through

    def _open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        self.open_reminder(rows[0].row() if rows else 0)

    def open_reminder(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        finding = self.model.rows[row]
        if finding.ref is None:
            self.sig_status.emit("这条提醒没有对应的记录")
            return
        self.sig_open_ref.emit(finding.ref)


class StartupReminder(QDialog):
    """Shown once a day at start when something is overdue; one click dismisses it."""

    def __init__(self, findings: list[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("有逾期事项")
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>有 {len(findings)} 项已逾期或违反规定：</b>", self)
        layout.addWidget(head)
        # every line, in a box that scrolls: a QLabel alone is clipped at the top and bottom on a small screen
        self.body = QLabel("\n".join(f"· {f.shown_subject}：{f.shown_message}" for f in findings), self)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setContentsMargins(4, 4, 4, 4)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(QLabel("今天不再提醒；首页随时可以查看全部事项。", self))
        self.buttons = QDialogButtonBox(self)
        self.show_button = self.buttons.addButton("查看首页", QDialogButtonBox.ButtonRole.AcceptRole)
        self.dismiss_button = self.buttons.addButton("知道了", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(640, min(420, int(screen.height() * 0.7)) if screen else 420)


def show_startup_reminder(window, today: date | None = None) -> StartupReminder | None:
    """Once a day per database: if anything is overdue, say so (dismissable, not nagging).
    If 首页 is still computing, this happens when it is done (and None is returned now)."""
    if not window.ready:  # the branches are still being read
        window.sig_ready.connect(lambda: show_startup_reminder(window, today), Qt.ConnectionType.SingleShotConnection)
        return None
    if window.ctx.branch_id is None:
        return None
    home = window.page(HomePage.key)
    if home.data is None:
        home.sig_loaded.connect(lambda: _startup_reminder(window, today),
                                Qt.ConnectionType.SingleShotConnection)
        return None
    return _startup_reminder(window, today)


def _startup_reminder(window, today: date | None) -> StartupReminder | None:
    today = today or date.today()
    ctx = window.ctx
    key = str(ctx.db.path or ctx.db.url)
    shown = dict(ctx.config.get("startup_reminder_shown", {}))
    if shown.get(key) == today.isoformat():
        return None
    home = window.page(HomePage.key)
    overdue = [f for f in (home.data.overdue if home.data else [])]
    if not overdue:
        return None
    shown[key] = today.isoformat()
    ctx.config.set("startup_reminder_shown", shown)
    dialog = StartupReminder(overdue, window)
    dialog.accepted.connect(lambda: window.show_page(HomePage.key))
    window.startup_reminder = dialog
    QTimer.singleShot(0, dialog.open)
    return dialog
