"""三会一课 page and the meeting editor, driven like a secretary would: click, type, tick, vote, finalise, amend."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from sqlalchemy import select

from dangjian_desktop.core.glossary import AttendanceStatus, MeetingState, MeetingType, VoteKind, VoteMethod
from dangjian_desktop.db import models as m
from dangjian_desktop.gui.meeting_models import AttendanceModel, VotesModel
from dangjian_desktop.gui.pages.meeting_grid import YearGridModel
from dangjian_desktop.gui.pages.meeting_records import MeetingListModel
from dangjian_desktop.gui.pages.meetings_page import MeetingsPage
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.branches import group_names
from tests.conftest import TODAY
from tests.gui.conftest import wait_idle


@pytest.fixture
def page(qtbot, demo_db, make_window, settle):
    window = make_window(demo_db)
    p = window.show_page("meetings")
    p.as_of = TODAY
    p.refresh()
    settle()
    yield p
    settle()
    for editor in list(p.editors):
        editor.dirty = False
        editor.close()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot, view, row, col=0, modifier=Qt.KeyboardModifier.NoModifier):
    rect = view.visualRect(view.model().index(row, col))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def type_into_cell(qtbot, typist, view, row, col, text):
    """Click a cell, press F2 to edit it, type into the editor that opens, press Enter."""
    index = view.model().index(row, col)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view
    if hasattr(editor, "selectAll"):
        editor.selectAll()
    typist(editor, text)
    press_enter(qtbot, editor, view)


def press_enter(qtbot, editor, view):
    """Enter commits a cell editor; the delegate does it on the next turn of the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=3000)


def active(qtbot, editor):
    """The editor opens as its own window; a person's typing goes to it once it is active."""
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    return editor


def new_from_menu(page, label, qtbot=None):
    """新建会议记录 → a type: the draft is made and opened in its editor (both off the GUI thread)."""
    page.records.fill_new_menu()
    action = next(a for a in page.records.new_menu.actions() if a.text() == label)
    before = len(page.editors)
    action.trigger()
    wait_idle()
    assert len(page.editors) == before + 1
    editor = page.editors[-1]
    assert editor.loaded
    return active(qtbot, editor) if qtbot else editor


def test_the_page_sits_between_birthdays_and_development(page):
    window = page.window()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles.index("三会一课") == titles.index("政治生日") + 1
    # the year's reviews (谈心谈话, 民主评议) and the 组织生活会's 整改 follow the meetings they grow from (issue 24)
    assert titles.index("谈话评议") == titles.index("三会一课") + 1
    assert titles.index("整改") == titles.index("谈话评议") + 1
    assert titles.index("发展党员") == titles.index("整改") + 1


def test_full_text_search_from_the_search_box(qtbot, page, typist, settle):
    page.records.year_combo.setCurrentIndex(page.records.year_combo.findData(None))
    settle()
    total = page.records.model.rowCount()
    typist(page.records.search_edit, "二十大精神")
    qtbot.keyClick(page.records.search_edit, Qt.Key.Key_Return)
    settle()
    rows = page.records.model.rows
    assert 0 < len(rows) < total
    for r in rows:
        detail = svc.get_meeting(page.ctx.db, r.id)
        assert "二十大精神" in detail.title + detail.topics + detail.minutes
    assert "搜索“二十大精神”" in page.records.count_label.text()


def test_year_grid_shows_held_missing_and_due(page, settle):
    page.tabs.setCurrentIndex(1)
    settle()
    model: YearGridModel = page.grid.model
    labels = [r.label for r in model.rows]
    row = labels.index("党小组会（第二党小组）")
    october = model.index(row, 10)
    assert model.data(october) == "未开"
    november_group1 = model.index(labels.index("党小组会（第一党小组）"), 11)
    assert model.data(november_group1) == "待开"
    committee = labels.index("支部委员会会议")
    assert model.data(model.index(committee, 1)) == "✓"
    assert model.data(model.index(committee, 13)) == "11 / 12"


def test_local_rule_changes_what_the_grid_requires(page, settle):
    from dangjian_desktop.services import settings

    settings.set_local_rule_params(page.ctx.db, {("MEET-LECTURE-Q", "period"): "M"})
    page.tabs.setCurrentIndex(1)
    page.grid.load()
    settle()
    lecture = next(r for r in page.grid.model.rows if r.type is MeetingType.LECTURE)
    assert lecture.required == 12 and lecture.missing > 0


def test_record_a_congress_tick_attendance_vote_autosave_finalise_amend(qtbot, page, typist, asker, settle):
    editor = new_from_menu(page, "支部党员大会", qtbot)
    f = editor.form
    mid = editor.meeting.id
    assert f.titleEdit.text() == "支部党员大会" and "议题" not in f.topicsEdit.toPlainText()
    assert f.tabs.isTabVisible(f.tabs.indexOf(f.votesTab))
    assert not f.tabs.isTabVisible(f.tabs.indexOf(f.appraisalTab))
    typist(f.hostEdit, "徐颖萍")
    typist(f.recorderEdit, "田娜琳")
    typist(f.placeEdit, "党员活动室")
    f.minutesEdit.selectAll()
    typist(f.minutesEdit, "介绍人介绍了发展对象的情况，党员逐一发表意见。")

    # attendance: the first voting member is on leave, with a reason typed into the table
    f.tabs.setCurrentIndex(f.tabs.indexOf(f.attendanceTab))
    model: AttendanceModel = editor.attendance
    expected = model.rowCount()
    first_voter = next(i for i, r in enumerate(model.rows) if r.can_vote)
    assert any(not r.can_vote for r in model.rows)  # 预备党员 shown as 无表决权
    assert any(model.data(model.index(i, AttendanceModel.COL_VOTE)) == "无表决权（预备党员）"
               for i in range(expected))
    click_row(qtbot, f.attendanceView, first_voter)
    click(qtbot, f.leaveButton)
    editor_widget = QApplication.focusWidget()
    typist(editor_widget, "出差")
    press_enter(qtbot, editor_widget, f.attendanceView)
    assert model.rows[first_voter].status is AttendanceStatus.LEAVE and model.rows[first_voter].reason == "出差"
    assert f"实到 <b>{expected - 1}</b> 人" in f.attendanceSummary.text()
    voters = model.voters

    # a vote: subject and numbers typed, the result computed
    f.tabs.setCurrentIndex(f.tabs.indexOf(f.votesTab))
    editor.add_vote(VoteKind.ADMISSION)
    subject_editor = QApplication.focusWidget()
    subject_editor.selectAll()
    typist(subject_editor, "关于接收张三同志为中共预备党员")
    press_enter(qtbot, subject_editor, f.votesView)
    type_into_cell(qtbot, typist, f.votesView, 0, VotesModel.COL_FOR, str(voters[1]))
    votes = editor.votes
    assert votes.data(votes.index(0, VotesModel.COL_VOTERS)) == f"{voters[0]} / {voters[1]}"
    assert votes.data(votes.index(0, VotesModel.COL_RESULT)) == "通过"
    type_into_cell(qtbot, typist, f.votesView, 0, VotesModel.COL_FOR, str(voters[1] + 1))
    assert votes.data(votes.index(0, VotesModel.COL_RESULT)).startswith("票数有误")
    type_into_cell(qtbot, typist, f.votesView, 0, VotesModel.COL_FOR, str(voters[1]))
    # 表决方式: not recorded until chosen; F2 opens the list, an arrow key chooses (and the list closes)
    method = votes.index(0, VotesModel.COL_METHOD)
    assert votes.data(method) == "未记录"
    for expected_method in ("举手表决", "无记名投票"):
        qtbot.mouseClick(f.votesView.viewport(), Qt.MouseButton.LeftButton,
                         pos=f.votesView.visualRect(method).center())
        qtbot.keyClick(f.votesView, Qt.Key.Key_F2)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.waitUntil(lambda m=expected_method: votes.data(method) == m, timeout=3000)

    # the draft is saved within a few seconds, without pressing anything
    qtbot.waitUntil(lambda: not editor.dirty, timeout=8000)
    saved = svc.get_meeting(page.ctx.db, mid)
    assert saved.host == "徐颖萍" and saved.place == "党员活动室" and saved.state is MeetingState.DRAFT
    assert saved.present == expected - 1
    assert saved.votes[0].subject == "关于接收张三同志为中共预备党员" and saved.votes[0].passed
    assert saved.votes[0].method is VoteMethod.SECRET_BALLOT
    assert "草稿已保存" in f.statusLabel.text()

    # 定稿 locks the record
    asker.confirm_answers.append(True)
    click(qtbot, f.finaliseButton)
    settle()
    assert svc.get_meeting(page.ctx.db, mid).state is MeetingState.FINAL
    assert f.hostEdit.isReadOnly() and not f.saveButton.isEnabled() and f.amendButton.isVisible()

    # an amendment asks for a reason and is logged with the old and new text
    asker.text_answers.append("补记列席人员")
    click(qtbot, f.amendButton)
    assert not f.guestsEdit.isReadOnly()
    typist(f.guestsEdit, "街道党工委组织委员")
    click(qtbot, f.saveButton)
    settle()
    assert svc.get_meeting(page.ctx.db, mid).guests == "街道党工委组织委员"
    with page.ctx.db.session() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.record_id == mid, m.AuditEntry.action == "amend")).one()
    assert entry.reason == "补记列席人员" and entry.old == {"guests": ""} and entry.new == {"guests": "街道党工委组织委员"}
    assert "补记列席人员" in f.historyText.toPlainText()
    assert f.hostEdit.isReadOnly()  # locked again after the amendment


def test_finalise_refuses_a_record_without_host(qtbot, page, asker, settle):
    editor = new_from_menu(page, "支部委员会会议")
    click(qtbot, editor.form.finaliseButton)
    settle()
    assert asker.messages[-1][0] == "warn" and "主持人" in asker.messages[-1][2]
    assert svc.get_meeting(page.ctx.db, editor.meeting.id).state is MeetingState.DRAFT


def test_type_specific_fields(qtbot, page, settle):
    page.records.fill_new_menu()
    group_menu = next(a for a in page.records.new_menu.actions() if a.text() == "党小组会").menu()
    next(a for a in group_menu.actions() if a.text() == "第二党小组").trigger()
    settle()
    group = page.editors[-1].form
    assert group.groupCombo.isVisible() and group.groupCombo.currentText() == "第二党小组"
    assert {r.group for r in page.editors[-1].attendance.rows} == {"第二党小组"}
    group.groupCombo.setCurrentIndex(group.groupCombo.findText("第三党小组"))  # another group: its members
    settle()
    assert {r.group for r in page.editors[-1].attendance.rows} == {"第三党小组"}
    assert not group.lecturerEdit.isVisible()
    lecture = new_from_menu(page, "党课").form
    assert lecture.lecturerEdit.isVisible() and not lecture.groupCombo.isVisible()
    talk = new_from_menu(page, "谈心谈话").form
    assert talk.counterpartEdit.isVisible() and talk.hostLabel.text().startswith("谈话人")
    assert not talk.tabs.isTabVisible(talk.tabs.indexOf(talk.attendanceTab))


def test_appraisal_outcomes_by_buttons(qtbot, page, settle):
    editor = new_from_menu(page, "民主评议党员")
    f = editor.form
    f.tabs.setCurrentIndex(f.tabs.indexOf(f.appraisalTab))
    click_row(qtbot, f.appraisalView, 0)
    click_row(qtbot, f.appraisalView, 1, modifier=Qt.KeyboardModifier.ControlModifier)
    click(qtbot, f.excellentButton)
    click(qtbot, f.restQualifiedButton)
    click(qtbot, f.saveButton)
    settle()
    saved = svc.get_meeting(page.ctx.db, editor.meeting.id)
    outcomes = [a.outcome.label for a in saved.appraisals]
    assert outcomes.count("优秀") == 2 and outcomes.count("合格") == len(saved.attendance) - 2


def test_attachment_added_and_listed(qtbot, page, asker, workdir, settle):
    photo = workdir / "签到表.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    editor = new_from_menu(page, "主题党日")
    asker.file_answers.append(str(photo))
    click(qtbot, editor.form.attachmentsPanel.add_button)
    settle()
    assert editor.attachments.rows[0].file_name == "签到表.jpg"
    assert "附件（1）" in editor.form.tabs.tabText(editor.form.tabs.indexOf(editor.form.attachmentsTab))


def test_a_missing_meeting_from_home_opens_a_prefilled_record(qtbot, page, asker, settle):
    groups = {name: gid for gid, name in group_names(page.ctx.db, 1)}
    asker.confirm_answers.append(True)
    window = page.window()
    window.open_ref(("missing_meeting", {"type": "group", "period": "2026-10", "group_id": groups["第二党小组"],
                                         "branch_id": 1, "date": "2026-10-31"}))
    settle()
    editor = page.editors[-1]
    assert editor.meeting.type is MeetingType.GROUP and editor.meeting.group_id == groups["第二党小组"]
    assert editor.meeting.held_on == date(2026, 10, 31)
    assert all(a.group == "第二党小组" for a in editor.meeting.attendance)


def test_list_opens_a_record_by_double_click(qtbot, page, settle):
    view = page.records.view
    rect = view.visualRect(page.records.model.index(0, MeetingListModel.COL_TITLE))
    # a person's double click: press and release, then the second click
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()
    assert page.editors and page.editors[-1].meeting.id == page.records.model.rows[0].id
    assert isinstance(page, MeetingsPage)


def test_pdf_export_writes_the_record(qtbot, page, asker, workdir, settle):
    editor = page.open_meeting(page.records.model.rows[0].id)
    settle()
    out = workdir / "会议记录.pdf"
    asker.file_answers.append(str(out))
    click(qtbot, editor.form.pdfButton)
    settle()
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    word = workdir / "会议记录.docx"
    asker.file_answers.append(str(word))
    click(qtbot, editor.form.wordButton)
    settle()
    from docx import Document

    assert any("记录" in p.text for p in Document(str(word)).paragraphs)


def test_import_a_ledger_from_the_page(qtbot, page, asker, workdir):
    from openpyxl import Workbook

    path = workdir / "往年台账.xlsx"
    wb = Workbook()
    wb.active.append(["日期", "类型", "主题", "主持人", "记录人", "应到", "实到", "缺席及原因"])
    wb.active.append(["2023.6.15", "支委会", "补录的往年会议", "徐颖萍", "田娜琳", 5, 5, "无"])
    wb.save(path)
    asker.file_answers.append(str(path))
    click(qtbot, page.records.import_button)
    dialog = page.records._import_dialog  # the one import dialog: rows, every column, problems
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "导入后将新增 1 次会议" in dialog.form.summaryLabel.text()
    assert dialog.columns_model.rowCount() == 8
    assert dialog.columns_model.index(7, 2).data() == "缺席人员及原因"
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: any(r.title == "补录的往年会议" for r in svc.list_meetings(page.ctx.db, 1, year=2023)),
                    timeout=10000)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)


def test_the_editor_closes_only_once_its_last_typing_is_saved(qtbot, page, typist, asker, settle):
    editor = new_from_menu(page, "支部委员会会议", qtbot)
    mid = editor.meeting.id
    typist(editor.form.hostEdit, "徐颖萍")
    assert editor.dirty
    editor.close()  # before the autosave: the save runs first, then the editor closes
    assert editor.isVisible()
    settle()
    assert not editor.isVisible() and svc.get_meeting(page.ctx.db, mid).host == "徐颖萍"


def test_an_editor_whose_save_is_refused_stays_open_with_the_typing(qtbot, page, typist, asker, settle):
    editor = new_from_menu(page, "支部委员会会议", qtbot)
    mid = editor.meeting.id
    other = svc.get_meeting(page.ctx.db, mid)  # someone else saves the same draft meanwhile
    changed = other.form()
    changed.place = "会议室（另一台电脑上改的）"
    svc.save_meeting(page.ctx.db, mid, changed, version=other.version)
    typist(editor.form.hostEdit, "徐颖萍")
    asker.confirm_answers.append(False)  # 草稿未能保存，仍然关闭吗？ 不
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Esc closes as the close box does: saving first
    settle()
    kinds = [(k, t) for k, _title, t in asker.messages]
    assert any(k == "warn" and "打开之后已被修改" in t for k, t in kinds)  # the refusal, in its own words
    assert kinds[-1][0] == "confirm" and "仍然关闭吗" in kinds[-1][1]
    assert editor.isVisible() and editor.dirty and editor.form.hostEdit.text() == "徐颖萍"
    editor.dirty = False  # the person gives up on it


def test_a_theme_day_held_with_the_congress_is_ticked_and_counts_for_both(qtbot, page, typist, settle):
    editor = new_from_menu(page, "主题党日", qtbot)
    f = editor.form
    assert editor.type_checks[MeetingType.THEME_DAY].isChecked()
    assert not editor.type_checks[MeetingType.THEME_DAY].isEnabled()  # the record's own type
    assert not f.tabs.isTabVisible(f.tabs.indexOf(f.votesTab))
    click(qtbot, editor.type_checks[MeetingType.BRANCH_CONGRESS])
    assert f.titleEdit.text() == "主题党日暨支部党员大会"
    assert f.tabs.isTabVisible(f.tabs.indexOf(f.votesTab))  # a 党员大会 may vote
    assert "主题党日暨支部党员大会" in f.headerLabel.text()
    typist(f.hostEdit, "陈书记")
    typist(f.recorderEdit, "李委员")
    click(qtbot, f.saveButton)
    settle()
    saved = svc.get_meeting(page.ctx.db, editor.meeting.id)
    assert saved.types == [MeetingType.THEME_DAY, MeetingType.BRANCH_CONGRESS]
    assert saved.type_label == "主题党日暨支部党员大会"
    congresses = svc.list_meetings(page.ctx.db, saved.branch_id, mtype=MeetingType.BRANCH_CONGRESS)
    assert saved.id in [r.id for r in congresses]
    # unticked again: the record serves one type, the title follows
    click(qtbot, editor.type_checks[MeetingType.BRANCH_CONGRESS])
    assert f.titleEdit.text() == "主题党日"
    click(qtbot, f.saveButton)
    settle()
    assert svc.get_meeting(page.ctx.db, editor.meeting.id).types == [MeetingType.THEME_DAY]


def test_attendance_not_recorded_is_ticked_in_the_editor(qtbot, page, settle):
    editor = new_from_menu(page, "党课", qtbot)
    f = editor.form
    f.tabs.setCurrentWidget(f.attendanceTab)
    assert editor.attendance.rowCount() > 5
    click(qtbot, f.attendanceUnknownCheck)
    assert editor.attendance.rowCount() == 0  # nobody is marked present or absent
    assert "出席情况未记录" in f.attendanceSummary.text() and "不算缺席" in f.attendanceSummary.text()
    click(qtbot, f.saveButton)
    settle()
    saved = svc.get_meeting(page.ctx.db, editor.meeting.id)
    assert (saved.attendance_known, saved.present, saved.present_text) == (False, None, "未记录")
    row = next(r for r in svc.list_meetings(page.ctx.db, saved.branch_id) if r.id == saved.id)
    assert row.as_json()["present"] is None
    click(qtbot, f.attendanceUnknownCheck)  # a sign-in sheet turned up: the roll comes back, all present
    settle()
    assert editor.attendance.rowCount() > 5
    click(qtbot, f.saveButton)
    settle()
    assert svc.get_meeting(page.ctx.db, editor.meeting.id).present == editor.attendance.rowCount()


def test_finalise_asks_to_check_an_absent_chair(qtbot, page, typist, asker, settle):
    """The chair marked 请假 in the attendance: 定稿 says so and asks again; answered no, the record stays a draft."""
    editor = new_from_menu(page, "支部委员会会议", qtbot)
    f = editor.form
    f.tabs.setCurrentIndex(f.tabs.indexOf(f.attendanceTab))
    model: AttendanceModel = editor.attendance
    chair = model.rows[0].name
    typist(f.hostEdit, chair)
    typist(f.recorderEdit, model.rows[-1].name)
    click_row(qtbot, f.attendanceView, 0)
    click(qtbot, f.leaveButton)
    editor_widget = QApplication.focusWidget()
    typist(editor_widget, "出差")
    press_enter(qtbot, editor_widget, f.attendanceView)
    asker.confirm_answers = [False]
    click(qtbot, f.finaliseButton)
    settle()
    kind, _title, text = asker.messages[-1]
    assert kind == "confirm" and f"主持人{chair}在出席情况中记为请假" in text and "仍要现在定稿吗" in text
    assert svc.get_meeting(page.ctx.db, editor.meeting.id).state is MeetingState.DRAFT
