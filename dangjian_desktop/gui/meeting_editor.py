"""The meeting record editor: type-specific fields, attendance, votes, appraisal, attachments,
a draft saved every few seconds, 定稿, and amendments of a final record with a reason."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QDialog, QHeaderView, QMenu, QWidget

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core.glossary import AppraisalOutcome, AttendanceStatus, MeetingType, VoteKind
from dangjian_desktop.errors import DomainError
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import fit_to_screen
from dangjian_desktop.gui.forms.ui_meeting_editor import Ui_MeetingEditorDialog
from dangjian_desktop.gui.meeting_models import AppraisalModel, AttendanceModel, ChoiceDelegate, VotesModel
from dangjian_desktop.gui.roster_pick import offer_roster, roster_names
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.branches import group_names
from dangjian_desktop.services.exports import ExportRequest, run_export

AUTOSAVE_MS = 3000  # a crash loses at most these few seconds of typing


class MeetingEditorDialog(QDialog):
    """One meeting record. A draft is saved as you type; a final record changes only with a reason.

    The record is read off the GUI thread when the editor opens (`sig_loaded`); every save runs on
    the worker lane too, while typing goes on: what is typed meanwhile stays unsaved (`dirty`) and
    is saved next. The editor closes only after its last save succeeded (or the person agreed to
    lose it)."""

    sig_saved = Signal(int)  # the meeting id, after every save
    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.form = Ui_MeetingEditorDialog()
        self.form.setupUi(self)
        f = self.form
        self.meeting: svc.MeetingDetail | None = None
        self.loaded = False
        self.dirty = False
        self._edits = 0  # changes typed so far: a save clears `dirty` only if none came while it ran
        self._save_task = None
        self._save_failed = None  # what to do if the save under way fails
        self._after_save: list = []  # (then, failed) waiting for the save under way
        self._save_again = False
        self._may_close = False
        self.unlocked_reason: str | None = None  # set while amending a final record
        self.also: list[MeetingType] = []  # the other types ticked (a combined meeting)
        self._loading = True
        self._printer = None  # kept alive while a preview dialog uses it (Qt crashes otherwise)
        self.setWindowTitle("会议记录")
        fit_to_screen(self, 1100, 700)  # smaller on 1366×768 at 150 %; the fields and tabs then scroll

        self.attendance = AttendanceModel(self)
        self.votes = VotesModel(self.attendance, self)
        self.appraisal = AppraisalModel(self)
        self.attachments = f.attachmentsPanel.model
        f.attachmentsPanel.sig_changed.connect(self._attachments_changed)
        for view, model in ((f.attendanceView, self.attendance), (f.votesView, self.votes),
                            (f.appraisalView, self.appraisal)):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        f.attendanceView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        f.appraisalView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        f.votesView.horizontalHeader().setSectionResizeMode(VotesModel.COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.method_delegate = ChoiceDelegate(VotesModel.METHODS, f.votesView)
        f.votesView.setItemDelegateForColumn(VotesModel.COL_METHOD, self.method_delegate)
        f.votesView.horizontalHeader().setStretchLastSection(False)
        f.votesView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed
                                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        f.votesHint.setText("支部党员大会的表决：应到、实到有表决权人数由“出席情况”自动得出（预备党员没有表决权）；"
                            "选择表决方式（举手表决或无记名投票），填写赞成、反对、弃权票数和缺席党员的书面意见，"
                            "结果按《发展党员工作细则》的规则自动计算，不能手工填写。")
        f.appraisalHint.setText("民主评议党员：选中一人或多人，点下方的等次按钮评定。")
        f.attachmentsHint.setText("照片、签到表扫描件、课件等：添加时复制到数据文件夹中保存，原文件可以删除。")
        # one tick box per type: a gathering that served several (主题党日暨支部党员大会) counts for each
        self.type_checks: dict[MeetingType, QCheckBox] = {}
        for mtype in MeetingType:
            if mtype is MeetingType.HEART_TALK:
                continue  # a talk between people is never combined with a meeting
            box = QCheckBox(mtype.label, f.typesBox)
            box.toggled.connect(lambda _on, t=mtype: self._types_changed(t))
            f.typesLayout.addWidget(box)
            self.type_checks[mtype] = box
        f.typesLayout.addStretch(1)
        f.attendanceUnknownCheck.toggled.connect(self._attendance_known_changed)

        # signals
        for edit in (f.titleEdit, f.placeEdit, f.hostEdit, f.recorderEdit, f.lecturerEdit, f.counterpartEdit,
                     f.guestsEdit):
            edit.textChanged.connect(self._changed)
        for edit in (f.topicsEdit, f.minutesEdit, f.resolutionsEdit):
            edit.textChanged.connect(self._changed)
        f.dateEdit.dateChanged.connect(self._changed)
        f.groupCombo.currentIndexChanged.connect(self._group_changed)
        self.attendance.sig_changed.connect(self._attendance_changed)
        self.votes.sig_changed.connect(self._changed)
        self.appraisal.sig_changed.connect(self._changed)
        f.presentButton.clicked.connect(lambda: self._mark(AttendanceStatus.PRESENT))
        f.leaveButton.clicked.connect(lambda: self._mark(AttendanceStatus.LEAVE))
        f.absentButton.clicked.connect(lambda: self._mark(AttendanceStatus.ABSENT))
        f.allPresentButton.clicked.connect(
            lambda: self.attendance.mark(list(range(self.attendance.rowCount())), AttendanceStatus.PRESENT))
        f.regenerateButton.clicked.connect(lambda: self._regenerate())
        menu = QMenu(f.addVoteButton)
        for kind in VoteKind:
            menu.addAction(kind.label, lambda k=kind: self.add_vote(k))
        f.addVoteButton.setMenu(menu)
        f.removeVoteButton.clicked.connect(self._remove_vote)
        for button, outcome in ((f.excellentButton, AppraisalOutcome.EXCELLENT),
                                (f.qualifiedButton, AppraisalOutcome.QUALIFIED),
                                (f.basicButton, AppraisalOutcome.BASICALLY_QUALIFIED),
                                (f.unqualifiedButton, AppraisalOutcome.UNQUALIFIED),
                                (f.clearOutcomeButton, None)):
            button.clicked.connect(lambda _=False, o=outcome: self._set_outcome(o))
        f.restQualifiedButton.clicked.connect(self._rest_qualified)
        f.saveButton.clicked.connect(lambda: self.save(explicit=True))
        f.finaliseButton.clicked.connect(self.finalise)
        f.amendButton.clicked.connect(self.begin_amend)
        f.previewButton.clicked.connect(self.print_preview)
        f.pdfButton.clicked.connect(self.export_pdf)
        f.wordButton.clicked.connect(self.export_word)
        f.closeButton.clicked.connect(self.close)

        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self._autosave)
        self._enable(False)
        f.statusLabel.setText("正在读取会议记录……")
        ctx.run(_editor_data, ctx.db, meeting_id, what="打开会议记录", parent=self, on_done=self._loaded)

    def _enable(self, on: bool) -> None:
        f = self.form
        for widget in (f.bodyScroll, f.finaliseButton, f.amendButton, f.saveButton, f.previewButton, f.pdfButton,
                       f.wordButton):
            widget.setEnabled(on)

    def _loaded(self, data) -> None:
        meeting, groups, history = data
        f = self.form
        self.setWindowTitle(f"会议记录 - {meeting.type_label}")
        for g_id, g_name in groups:
            f.groupCombo.addItem(g_name, g_id)
        self._enable(True)
        self.meeting = meeting
        self._show(meeting, history)
        self.loaded = True
        self.autosave.start()
        self.sig_loaded.emit()
        # 主持人/记录人 from the roster (typing any name still works); read after the record is on screen
        self.ctx.run(roster_names, self.ctx.db, meeting.branch_id, what="读取党员名单", parent=self,
                     key=(self, "roster"), dialog=False, on_done=self._roster_read)

    def _roster_read(self, names: list[str]) -> None:
        f = self.form
        self.roster_completers = [offer_roster(edit, names) for edit in (f.hostEdit, f.recorderEdit, f.counterpartEdit)]

    # -------------------------------------------------------------- showing

    def _show(self, m: svc.MeetingDetail, history: list | None = None) -> None:
        self._loading = True
        f = self.form
        self.meeting = m
        f.titleEdit.setText(m.title)
        f.dateEdit.setDate(QDate(m.held_on.year, m.held_on.month, m.held_on.day))
        f.placeEdit.setText(m.place)
        f.hostEdit.setText(m.host)
        f.recorderEdit.setText(m.recorder)
        f.lecturerEdit.setText(m.lecturer)
        f.counterpartEdit.setText(m.counterpart)
        f.guestsEdit.setText(m.guests)
        f.topicsEdit.setPlainText(m.topics)
        f.minutesEdit.setPlainText(m.minutes)
        f.resolutionsEdit.setPlainText(m.resolutions)
        if m.group_id is not None:
            f.groupCombo.setCurrentIndex(max(0, f.groupCombo.findData(m.group_id)))
        self.also = list(m.also)
        if m.type in self.type_checks:  # the record's own type first, then the others it may also serve
            f.typesLayout.insertWidget(0, self.type_checks[m.type])
        for mtype, box in self.type_checks.items():
            box.setChecked(mtype in m.types)
            box.setEnabled(mtype is not m.type)  # the primary type is the record's own
            box.setToolTip("这条记录的主要类型（会议名称和编号按它）" if mtype is m.type else f"这次会议同时作为{mtype.label}")
        f.attendanceUnknownCheck.setChecked(not m.attendance_known)
        self.attendance.load(m.attendance)
        self.votes.load(m.votes)
        self.appraisal.load(m.attendance, m.appraisals)
        self._type_specific()
        f.attachmentsPanel.bind(self.ctx, "meeting", m.id, before_add=lambda then: self.save(then=then))
        self._refresh_history(history)
        self._update_summary()
        self._lock(m.is_final and self.unlocked_reason is None)
        self._loading = False
        self.dirty = False

    def types(self) -> list[MeetingType]:
        """The types ticked, the record's primary type first."""
        return [self.meeting.type, *(t for t in self.also if t is not self.meeting.type)]

    def _type_specific(self) -> None:
        f = self.form
        mtype = self.meeting.type
        types = self.types()
        group = MeetingType.GROUP in types
        lecture = MeetingType.LECTURE in types
        talk = mtype is MeetingType.HEART_TALK
        f.typesLabel.setVisible(not talk)
        f.typesBox.setVisible(not talk)
        f.groupLabel.setVisible(group)
        f.groupCombo.setVisible(group)
        f.lecturerLabel.setVisible(lecture)
        f.lecturerEdit.setVisible(lecture)
        f.counterpartLabel.setVisible(talk)
        f.counterpartEdit.setVisible(talk)
        f.hostLabel.setText("谈话人(&H)：" if talk else "主持人(&H)：")
        f.tabs.setTabVisible(f.tabs.indexOf(f.attendanceTab), not talk)
        f.tabs.setTabVisible(f.tabs.indexOf(f.votesTab), MeetingType.BRANCH_CONGRESS in types)
        f.tabs.setTabVisible(f.tabs.indexOf(f.appraisalTab), MeetingType.APPRAISAL in types)
        rules = "；".join(f"{t.label}{core.frequency(t).label}" for t in types) if len(types) > 1 \
            else core.frequency(mtype).label
        state = "已定稿" if self.meeting.is_final else "草稿"
        if not self.meeting.is_final and self.meeting.held_on > date.today():
            state = "草稿（计划中的会议，会后定稿）"
        group_text = f"（{self.meeting.group_name}）" if group and self.meeting.group_name else ""
        f.headerLabel.setText(f"<b>{core.types_label(types)}{group_text}</b>　{self.meeting.branch_name}　"
                              f"<span style='color:#666'>状态：{state}；要求：{rules}</span>")
        self.setWindowTitle(f"会议记录 - {core.types_label(types)}{group_text}")

    def _lock(self, locked: bool) -> None:
        f = self.form
        for edit in (f.titleEdit, f.placeEdit, f.hostEdit, f.recorderEdit, f.lecturerEdit, f.counterpartEdit,
                     f.guestsEdit):
            edit.setReadOnly(locked)
        for edit in (f.topicsEdit, f.minutesEdit, f.resolutionsEdit):
            edit.setReadOnly(locked)
        f.dateEdit.setReadOnly(locked)
        f.groupCombo.setEnabled(not locked)
        for mtype, box in self.type_checks.items():
            box.setEnabled(not locked and mtype is not self.meeting.type)
        f.attendanceUnknownCheck.setEnabled(not locked)
        for button in (f.presentButton, f.leaveButton, f.absentButton, f.allPresentButton, f.regenerateButton,
                       f.addVoteButton, f.removeVoteButton, f.excellentButton, f.qualifiedButton, f.basicButton,
                       f.unqualifiedButton, f.clearOutcomeButton, f.restQualifiedButton):
            button.setEnabled(not locked)
        f.attachmentsPanel.set_read_only(locked)
        self.attendance.read_only = self.votes.read_only = self.appraisal.read_only = locked
        final = self.meeting.is_final
        f.finaliseButton.setVisible(not final)
        f.amendButton.setVisible(final and locked)
        f.saveButton.setText("保存修改" if final and not locked else "保存")
        f.saveButton.setEnabled(not locked)
        if final and locked:
            when = f"于{self.meeting.finalised_at:%Y-%m-%d %H:%M}" if self.meeting.finalised_at else ""
            f.statusLabel.setText(f"已{when}定稿，修改需写明原因")
        elif final:
            f.statusLabel.setText(f"正在修改已定稿的记录，原因：{self.unlocked_reason}")

    def _update_summary(self) -> None:
        a = self.attendance
        unknown = self.form.attendanceUnknownCheck.isChecked()
        for button in (self.form.presentButton, self.form.allPresentButton):
            button.setVisible(not unknown)
        if unknown:
            named = f"；名单上列出请假、缺席的 {len(a.rows)} 人" if a.rows else ""
            self.form.attendanceSummary.setText(
                f"出席情况未记录（应到 {self.meeting.expected} 人，实到{core.NOT_RECORDED}{named}）。"
                "未记录的出席情况不算缺席，也不算出席；有了签到名单后取消勾选，再按名单标记。")
            return
        absent = a.expected - a.present
        voters = a.voters
        text = f"应到 <b>{a.expected}</b> 人，实到 <b>{a.present}</b> 人"
        if absent:
            text += f"，请假或缺席 {absent} 人"
        if MeetingType.BRANCH_CONGRESS in self.types():
            text += f"；有表决权的应到 {voters[0]} 人，实到 {voters[1]} 人（预备党员没有表决权）"
        if not a.rows and self.meeting.type is not MeetingType.HEART_TALK:
            text = (f"没有出席名单（应到 {self.meeting.expected} 人，实到 {self.meeting.present_text}，"
                    "可能是从台账导入的记录）。点“按会议日期重新生成名单”可以按花名册生成。")
        self.form.attendanceSummary.setText(text)

    def _types_changed(self, mtype: MeetingType) -> None:
        """A type ticked or unticked: the record counts for it; the title follows while it is the
        types' own name, and the expected list widens when a ticked type expects more people."""
        if self._loading or self.meeting is None:
            return
        before = self.types()
        on = self.type_checks[mtype].isChecked()
        self.also = [t for t in self.also if t is not mtype] + ([mtype] if on else [])
        after = self.types()
        f = self.form
        if f.titleEdit.text().strip() in ("", core.types_label(before)):
            f.titleEdit.setText(core.types_label(after))
        if MeetingType.GROUP in after and f.groupCombo.currentIndex() < 0 and f.groupCombo.count():
            f.groupCombo.setCurrentIndex(0)
        self._type_specific()
        if (core.attendance_scope(before) != core.attendance_scope(after)
                and not f.attendanceUnknownCheck.isChecked()):
            self._regenerate(ask=False)
        self._update_summary()
        self._changed()

    def _attendance_known_changed(self, unknown: bool) -> None:
        if self._loading or self.meeting is None:
            return
        if unknown:  # only the people named as 请假/缺席 stay on the list
            self.attendance.load([r for r in self.attendance.rows if r.status is not AttendanceStatus.PRESENT])
            self.appraisal.load(self.attendance.rows, self.appraisal.results())
            self._attendance_changed()
        else:
            self._regenerate(ask=False)

    def _attachments_changed(self, count: int) -> None:
        self.form.tabs.setTabText(self.form.tabs.indexOf(self.form.attachmentsTab), f"附件（{count}）" if count else "附件")

    def _refresh_history(self, history: list | None = None) -> None:
        """The amendments of the record (read again off the GUI thread unless given)."""
        if history is None:
            self.ctx.run(svc.meeting_history, self.ctx.db, self.meeting.id, what="读取修改记录", parent=self,
                         key=(self, "history"), dialog=False, on_done=self._refresh_history)
            return
        lines = []
        for h in history:
            when = h.at.strftime("%Y-%m-%d %H:%M") if h.at else ""
            if h.action == "finalise":
                lines.append(f"{when} 定稿")
            elif h.action == "import":
                lines.append(f"{when} {h.reason}")
            elif h.action == "amend":
                lines.append(f"{when} 修改，原因：{h.reason}")
                for label, old, new in h.changes:
                    lines.append(f"    {label}：原为“{old}”，改为“{new}”")
        self.form.historyText.setPlainText("\n".join(lines) or "定稿后的每一次修改都会记在这里（修改时间、原因、原文和新文）。")

    # -------------------------------------------------------------- editing

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.dirty = True
            self._edits += 1
            if not self.meeting.is_final:
                self.form.statusLabel.setText("有未保存的修改（几秒后自动保存）")

    def _attendance_changed(self) -> None:
        self._update_summary()
        self.votes.attendance_changed()
        self._changed()

    def _selected_rows(self, view) -> list[int]:
        return sorted({i.row() for i in view.selectionModel().selectedRows()})

    def _mark(self, status: AttendanceStatus) -> None:
        rows = self._selected_rows(self.form.attendanceView)
        if not rows:
            self.ctx.asker.info(self, "出席情况", "请先在名单中选中一人或多人（按住 Ctrl 或 Shift 可以多选）。")
            return
        self.attendance.mark(rows, status)
        if status is not AttendanceStatus.PRESENT and len(rows) == 1:
            index = self.attendance.index(rows[0], AttendanceModel.COL_REASON)
            self.form.attendanceView.setCurrentIndex(index)
            self.form.attendanceView.edit(index)

    def _group_changed(self, _index: int) -> None:
        """Another 党小组: its members are the ones expected."""
        if self._loading:
            return
        self._regenerate(ask=False)
        self._changed()

    def _regenerate(self, ask: bool = True) -> None:
        if ask and self.attendance.rows and not self.ctx.asker.confirm(
                self, "重新生成名单", "按会议日期重新生成应到名单？已标的请假、缺席和原因会保留给仍在名单上的人。"):
            return
        group_id = self.form.groupCombo.currentData() if MeetingType.GROUP in self.types() else None
        self.ctx.run(svc.expected_attendees, self.ctx.db, self.meeting.branch_id, self.meeting.type, self._date(),
                     group_id, self.types()[1:], what="生成应到名单", parent=self, key=(self, "attendees"),
                     busy=(self.form.regenerateButton,), on_done=self._regenerated)

    def _regenerated(self, fresh: list) -> None:
        old = {r.member_id: r for r in self.attendance.rows}
        for r in fresh:
            if r.member_id in old:
                r.status, r.reason = old[r.member_id].status, old[r.member_id].reason
        self.attendance.load(fresh)
        self.appraisal.load(fresh, self.appraisal.results())
        self._attendance_changed()

    def add_vote(self, kind: VoteKind) -> None:
        subject = {VoteKind.ADMISSION: "关于接收××同志为中共预备党员", VoteKind.FULL_MEMBERSHIP: "关于××同志按期转为中共正式党员",
                   VoteKind.ELECTION: "关于选举产生新一届支部委员会", VoteKind.OTHER: "关于……的决定"}[kind]
        self.votes.add(kind, subject)
        index = self.votes.index(len(self.votes.rows) - 1, VotesModel.COL_SUBJECT)
        self.form.votesView.setCurrentIndex(index)
        self.form.votesView.edit(index)

    def _remove_vote(self) -> None:
        rows = self._selected_rows(self.form.votesView)
        for row in reversed(rows):
            self.votes.remove(row)

    def _set_outcome(self, outcome: AppraisalOutcome | None) -> None:
        rows = self._selected_rows(self.form.appraisalView)
        if not rows:
            self.ctx.asker.info(self, "评议结果", "请先选中一人或多人。")
            return
        self.appraisal.set_outcome(rows, outcome)

    def _rest_qualified(self) -> None:
        rows = [i for i, p in enumerate(self.appraisal.rows) if p.member_id not in self.appraisal.outcomes]
        self.appraisal.set_outcome(rows, AppraisalOutcome.QUALIFIED)

    def _date(self) -> date:
        q = self.form.dateEdit.date()
        return date(q.year(), q.month(), q.day())

    def current_form(self) -> svc.MeetingForm:
        f = self.form
        m = self.meeting
        form = svc.MeetingForm(
            type=m.type, held_on=self._date(),
            group_id=f.groupCombo.currentData() if MeetingType.GROUP in self.types() else None,
            title=f.titleEdit.text(), place=f.placeEdit.text(), host=f.hostEdit.text(),
            recorder=f.recorderEdit.text(), lecturer=f.lecturerEdit.text(), counterpart=f.counterpartEdit.text(),
            guests=f.guestsEdit.text(), topics=f.topicsEdit.toPlainText(), minutes=f.minutesEdit.toPlainText(),
            resolutions=f.resolutionsEdit.toPlainText(), starts_at=m.starts_at, ends_at=m.ends_at,
            attendance=[svc.AttendanceRow(**vars(r)) for r in self.attendance.rows],
            votes=[svc.VoteRow(**vars(v)) for v in self.votes.rows],
            appraisals=self.appraisal.results(), also=self.types()[1:],
            attendance_known=not f.attendanceUnknownCheck.isChecked(),
        )
        if not self.attendance.rows or not form.attendance_known:
            # no list (an imported record, 谈心谈话) or attendance not recorded: keep the numbers
            form.expected, form.present = m.expected, m.present
        return form

    # -------------------------------------------------------------- saving

    def _autosave(self) -> None:
        if self.loaded and self.dirty and not self.meeting.is_final and not self._saving():
            self.save(quiet=True)

    def _saving(self) -> bool:
        return self._save_task is not None and not self._save_task.finished

    def save(self, *, explicit: bool = False, quiet: bool = False, then=None, failed=None) -> None:
        """Save through the service on the worker lane; a final record only while it is being amended
        (with the reason). `then()` runs once everything typed so far is saved (at once if nothing
        needs saving), `failed()` if the save was refused or failed (after the person was told; a
        `quiet` autosave says so in the status line instead of a message box)."""
        if not self.loaded:
            return
        if self.meeting.is_final and self.unlocked_reason is None:
            if then is not None:
                then()
            return
        if self._saving():  # one save at a time: this one follows the save under way
            self._save_again = self._save_again or explicit or self.dirty
            self._after_save.append((then, failed))
            return
        if not self.dirty and not explicit:
            if then is not None:
                then()
            return
        edits = self._edits
        f = self.form
        self._save_failed = failed
        self._save_task = self.ctx.run(
            svc.save_meeting, self.ctx.db, self.meeting.id, self.current_form(), version=self.meeting.version,
            reason=self.unlocked_reason, what="保存会议记录", parent=self, effect="write", dialog=not quiet,
            busy=(f.saveButton, f.finaliseButton), on_done=lambda saved: self._saved(saved, edits, then),
            on_refused=lambda exc: self._save_refused(exc, quiet),
            on_end=self._save_ended)

    def _saved(self, saved: svc.MeetingDetail, edits: int, then) -> None:
        self.meeting = saved
        self.dirty = self._edits != edits  # typed on while it was being saved: saved next time
        if self.unlocked_reason is not None:
            self.unlocked_reason = None
            self._show(saved)
            self.form.statusLabel.setText("修改已保存，并记入修改记录")
        else:
            self.form.statusLabel.setText(f"草稿已保存 {datetime.now():%H:%M:%S}")
            if not self.dirty:
                self.votes.load(saved.votes)
        self.sig_saved.emit(saved.id)
        if then is not None:
            if self.dirty:  # what was typed meanwhile is part of “everything so far”
                self._after_save.append((then, None))
                self._save_again = True
            else:
                then()

    def _save_refused(self, exc: DomainError, quiet: bool) -> None:
        if quiet:
            self.form.statusLabel.setText(f"未能自动保存：{exc}")
        else:
            self.ctx.runner.presenter.failed(exc, what="保存会议记录", parent=self)

    def _save_ended(self) -> None:
        task = self._save_task
        if task is not None and task.outcome == "failed":  # told already: by _save_refused or the presenter
            waiting, self._after_save = self._after_save, []
            self._save_again = False
            for also_failed in [self._save_failed, *(x for _, x in waiting)]:
                if also_failed is not None:
                    also_failed()
            return
        if self._save_again or self._after_save:
            again, self._save_again = self._save_again, False
            waiting, self._after_save = self._after_save, []
            thens = [t for t, _ in waiting if t is not None]
            fails = [x for _, x in waiting if x is not None]
            self.save(explicit=again, then=(lambda: [t() for t in thens]) if thens else None,
                      failed=(lambda: [x() for x in fails]) if fails else None)

    def finalise(self) -> None:
        self.save(explicit=True, then=self._finalise_saved)

    def _finalise_saved(self) -> None:
        need = svc.missing_for_final(self.meeting)
        if need:
            self.ctx.asker.warn(self, "还不能定稿", f"定稿前请填写：{'、'.join(need)}。")
            return
        doubts = svc.record_warnings(self.meeting)
        check = ("请先核对：\n" + "\n".join(f"· {w}。" for w in doubts) + "\n\n") if doubts else ""
        if not self.ctx.asker.confirm(self, "定稿", check + "定稿后记录将被锁定，以后修改需要写明原因并记入修改记录。"
                                      + ("仍要现在定稿吗？" if doubts else "现在定稿吗？")):
            return
        self.ctx.run(svc.finalise_meeting, self.ctx.db, self.meeting.id, version=self.meeting.version,
                     what="定稿", parent=self, effect="write", busy=(self.form.finaliseButton, self.form.saveButton),
                     on_done=self._finalised)

    def _finalised(self, final: svc.MeetingDetail) -> None:
        self._show(final)
        self.sig_saved.emit(final.id)

    def begin_amend(self) -> None:
        reason = self.ctx.asker.text(self, "修改已定稿的记录", "这份记录已定稿。请写明修改原因（将记入修改记录）：")
        reason = " ".join((reason or "").split())
        if not reason:
            return
        self.unlocked_reason = reason
        self._lock(False)

    def reject(self) -> None:  # Esc: close as the close box does, saving first
        if self._may_close:
            super().reject()
        else:
            self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._may_close or not self.loaded or not (self.dirty or self._saving()):
            self._may_close = True
            self.autosave.stop()
            super().closeEvent(event)
            return
        event.ignore()  # closed once the last save succeeded
        if self.meeting.is_final and self.unlocked_reason is not None and self.dirty:
            if not self.ctx.asker.confirm(self, "保存修改", "修改还没有保存。保存吗？"):
                self._close_now()
                return
            self.save(explicit=True, then=self._close_now)
            return
        self.save(then=self._close_now, failed=self._close_unsaved)

    def _close_unsaved(self) -> None:
        if self.ctx.asker.confirm(self, "无法保存", "草稿未能保存，仍然关闭吗？（未保存的修改会丢失）", danger=True):
            self._close_now()

    def _close_now(self) -> None:
        self._may_close = True
        self.close()

    # -------------------------------------------------------------- printing

    def _with_record(self, then) -> None:
        """Save what was typed, then make the record's page as saved, off the GUI thread (python-docx,
        which the report module needs, is loaded there too), then `then(html)`."""
        def read() -> None:
            self.ctx.run(_record_html, self.ctx.db, self.meeting.id, what="读取会议记录", parent=self,
                         on_done=then)
        self.save(then=read)

    @staticmethod
    def _official_page(printer) -> None:
        """A4 with the official margins (top 37, bottom 35, left 28, right 26 mm), as the Word record."""
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QPageLayout, QPageSize

        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageMargins(QMarginsF(28, 37, 26, 35), QPageLayout.Unit.Millimeter)

    def _document(self, html: str) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setHtml(html)
        return doc

    def print_preview(self) -> None:
        self._with_record(self._preview)

    def _preview(self, html: str) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._official_page(self._printer)
        doc = self._document(html)
        dialog = QPrintPreviewDialog(self._printer, self)
        dialog.setWindowTitle("打印预览")
        dialog.paintRequested.connect(doc.print_)
        self.preview_dialog = dialog
        dialog.exec()
        self.preview_dialog = None

    def export_pdf(self) -> None:
        if not self.loaded:
            return
        out = folders.save_file(self.ctx, self, folders.DOCUMENTS, "导出PDF", f"{self._file_stem()}.pdf", "PDF 文件 (*.pdf)")
        if out:
            self._with_record(lambda html: self._write_pdf(html, out))

    def _write_pdf(self, html: str, out: str) -> None:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._official_page(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(out)
        self._document(html).print_(printer)
        self.form.statusLabel.setText(f"已导出：{out}")

    def export_word(self) -> None:
        if not self.loaded:
            return
        out = folders.save_file(self.ctx, self, folders.DOCUMENTS, "导出Word", f"{self._file_stem()}.docx",
                                       "Word 文档 (*.docx)")
        if not out:
            return
        path = Path(out) if out.lower().endswith(".docx") else Path(out + ".docx")
        request = ExportRequest(self.meeting.branch_id, path, record_id=self.meeting.id)
        self.save(then=lambda: self.ctx.run(
            run_export, self.ctx.db, "minutes", request, what="导出会议记录", parent=self, effect="file",
            progress=True, cancellable=True, busy=(self.form.wordButton,),
            on_done=lambda done: self.form.statusLabel.setText(f"已导出：{done}")))

    def _file_stem(self) -> str:
        return f"{self.meeting.held_on.isoformat()}{self.meeting.type.label}记录"


def _editor_data(db, meeting_id: int):
    """What the editor shows, read in one job: the record, its branch's 党小组, its amendments."""
    meeting = svc.get_meeting(db, meeting_id)
    return meeting, group_names(db, meeting.branch_id), svc.meeting_history(db, meeting_id)


def _record_html(db, meeting_id: int) -> str:
    """The record as saved, as the page printed and exported to PDF."""
    from dangjian_desktop.services.meeting_exports import print_html

    return print_html(db, meeting_id)
