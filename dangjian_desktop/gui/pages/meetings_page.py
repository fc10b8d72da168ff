"""三会一课: meeting records by period and type with full-text search, the year grid of what is
held / missing / due, attendance per member, new records from templates, documents.

One widget per tab (`meeting_records`, `meeting_grid`, `meeting_attendance`); the page keeps the
open editors, and opens or creates records when a tab asks for one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core.dates import Period
from dangjian_desktop.core.glossary import MeetingType
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.empty_hint import EmptyHint
from dangjian_desktop.gui.meeting_editor import MeetingEditorDialog
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.pages.meeting_attendance import AttendanceTab
from dangjian_desktop.gui.pages.meeting_grid import YearGridTab
from dangjian_desktop.gui.pages.meeting_records import RecordsTab
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.branches import group_names
from dangjian_desktop.services.first_day import has_meetings


class MeetingsPage(Page):
    key = "meetings"
    title = "三会一课"
    icon_name = "meetings"
    handles = frozenset({"meeting", "missing_meeting"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.as_of: date | None = None  # None: today (tests may fix a date)
        self.editors: list[MeetingEditorDialog] = []
        self.groups: dict[int, str] = {}  # the branch's 党小组, read with the years
        self.loaded = False  # years and 党小组 read at least once
        self._when_loaded: list = []  # what waits for them (a reminder opened before the page had its data)
        self.records = RecordsTab(ctx, self.today, self)
        self.grid = YearGridTab(ctx, self.today, self)
        self.attendance = AttendanceTab(ctx, self.today, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.records, "会议记录")
        self.tabs.addTab(self.grid, "年度进度")
        self.tabs.addTab(self.attendance, "出勤统计")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        for tab in (self.records, self.grid):
            tab.sig_new.connect(self._new_from_tab)
        self.records.sig_open.connect(self.open_meeting)
        self.records.sig_changed.connect(self._records_changed)
        self.records.sig_status.connect(self.sig_status)
        self.grid.sig_show_month.connect(self._show_month)
        self.empty_hint = EmptyHint("还没有会议记录。新建一份会议记录（按类型带出议题和记录提纲），"
                                    "或者把已有的三会一课台账（Excel）导入进来。",
                                    [("新建会议记录…", self._new_from_hint), ("导入台账…", self.records._import)], self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.tabs)
        self.refresh()

    def _new_from_hint(self) -> None:
        """The 新建会议记录 menu, under the hint's button."""
        self.records.fill_new_menu()
        button = self.empty_hint.buttons[0]
        self.records.new_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    def today(self) -> date:
        return self.as_of or date.today()

    # -------------------------------------------------------------- records

    def new_meeting(self, mtype: MeetingType, *, held_on: date | None = None, group_id: int | None = None) -> None:
        """A new draft from the type's template, opened in the editor once it is made."""
        if self.ctx.branch_id is None:
            return
        self.ctx.run(svc.new_meeting, self.ctx.db, self.ctx.branch_id, mtype, held_on or self.today(), group_id,
                     what=f"新建{mtype.label}记录", parent=self, effect="write", on_done=self._made)

    def _made(self, d) -> None:
        self.sig_data_changed.emit()
        self.refresh()
        self.open_meeting(d.id)

    def _new_from_tab(self, mtype: MeetingType, held_on: date | None, group_id: int | None) -> None:
        self.new_meeting(mtype, held_on=held_on, group_id=group_id)

    def open_meeting(self, meeting_id: int) -> MeetingEditorDialog:
        """The record in its editor (which reads it off the GUI thread); an open one comes forward."""
        for editor in self.editors:
            if editor.meeting_id == meeting_id and editor.isVisible():
                editor.raise_()
                editor.activateWindow()
                return editor
        editor = MeetingEditorDialog(self.ctx, meeting_id, self)
        editor.sig_saved.connect(self._editor_saved)
        editor.finished.connect(lambda _r, e=editor: self._editor_closed(e))
        self.editors.append(editor)
        editor.show()
        return editor

    def _editor_saved(self, _meeting_id: int) -> None:
        self.refresh()
        self.sig_data_changed.emit()

    def _editor_closed(self, editor: MeetingEditorDialog) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        self.refresh()

    def _records_changed(self) -> None:
        self.refresh()
        self.sig_data_changed.emit()

    def _show_month(self, mtype: MeetingType, month_start: date) -> None:
        self.tabs.setCurrentWidget(self.records)
        self.records.show_month(mtype, month_start)

    # -------------------------------------------------------------- page API

    def refresh(self) -> None:
        """Read the years with records and the 党小组, then let the tab shown load its own data."""
        if self.ctx.branch_id is None:
            self.tabs.currentWidget().load()
            return
        self.ctx.run(_years_and_groups, self.ctx.db, self.ctx.branch_id, what="读取三会一课", parent=self,
                     key=(self, "years"), dialog=False, on_done=self._years_read)
        self.ctx.run(has_meetings, self.ctx.db, self.ctx.branch_id, what="读取三会一课", parent=self,
                     key=(self, "any"), dialog=False, on_done=lambda any_: self.empty_hint.setVisible(not any_))

    def _years_read(self, read: tuple[list[int], list[tuple[int, str]]]) -> None:
        years, groups = read
        years = sorted({*years, self.today().year}, reverse=True)
        self.groups = dict(groups)
        self.records.groups = list(groups)
        self.records.set_years(years)
        self.grid.set_years(years)
        self.tabs.currentWidget().load()
        self.loaded = True
        waiting, self._when_loaded = self._when_loaded, []
        for then in waiting:
            then()

    def open_ref(self, ref) -> None:
        kind, value = ref
        if kind == "meeting":
            self.tabs.setCurrentWidget(self.records)
            self.open_meeting(int(value))
            return
        if kind == "missing_meeting":
            if not self.loaded:  # the 党小组 are not read yet
                self._when_loaded.append(lambda: self.open_ref(ref))
                return
            mtype = MeetingType(value["type"])
            end = date.fromisoformat(value["date"])
            period = Period.containing(core.frequency(mtype).period, end)
            held_on = min(self.today(), period.end)
            group = f"（{self.groups.get(value.get('group_id'), '')}）" if value.get("group_id") else ""
            self.tabs.setCurrentWidget(self.grid)
            self.grid.show_year(period.year)
            if self.ctx.asker.confirm(self, "补记会议", f"{period.label}没有{mtype.label}{group}的记录。"
                                                     f"现在新建一份记录（日期{held_on.isoformat()}，可修改）吗？"):
                self.new_meeting(mtype, held_on=held_on, group_id=value.get("group_id"))


def _years_and_groups(db, branch_id: int) -> tuple[list[int], list[tuple[int, str]]]:
    """The years that have records, and the branch's 党小组: read in one job."""
    return svc.meeting_years(db, branch_id), group_names(db, branch_id)
