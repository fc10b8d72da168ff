"""The records tell the truth: combined meetings count for each type, unknown attendance is not absence,
dates after today are plans, and a branch under 7 正式党员 has no 支委会 (issue 16)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from dangjian_desktop.cli import main
from dangjian_desktop.core import development as devcore
from dangjian_desktop.core.glossary import (
    AttendanceStatus,
    CommitteeMode,
    Gender,
    MeetingState,
    MeetingType,
    MemberStatus,
    Severity,
    VoteKind,
)
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import InputErrors, ValidationError
from dangjian_desktop.services import development as dev
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.branches import committee_info, create_branch, set_committee_mode
from dangjian_desktop.services.check import run_check

T = MeetingType
NAMES = ("王一", "李二", "张三", "刘四", "陈五", "杨六", "赵七", "黄八", "周九", "吴十")


def _branch(db, full: int, name="测试社区第一党支部", probationary: int = 0) -> int:
    info = create_branch(db, name, "中共测试街道工委", "书记甲", groups=["第一党小组"], elected_on=date(2023, 1, 5))
    with db.transaction() as s:
        group = s.scalar(select(m.PartyGroup.id).where(m.PartyGroup.branch_id == info.id))
        for i in range(full):
            s.add(m.Member(branch_id=info.id, group_id=group, name=NAMES[i], joined_on=date(2000, 7, 1),
                           full_member_on=date(2001, 7, 1), status=MemberStatus.FULL))
        for i in range(probationary):
            s.add(m.Member(branch_id=info.id, group_id=group, name=f"预备{NAMES[i]}", joined_on=date(2024, 12, 1),
                           status=MemberStatus.PROBATIONARY))
        b = s.get(m.Branch, info.id)
        b.established_on = date(2025, 1, 1)
    return info.id


def _final(db, branch_id, mtype, day, also=(), group_id=None, **fields):
    d = svc.new_meeting(db, branch_id, mtype, day, group_id, also=list(also), host="书记甲", recorder="李二",
                        lecturer="书记甲", **fields)
    return svc.finalise_meeting(db, d.id)


# ---------------------------------------------------------------- combined meetings


def test_a_combined_record_lists_its_types_and_is_found_under_each(db):
    b = _branch(db, 8)
    d = _final(db, b, T.THEME_DAY, date(2025, 3, 20), also=[T.BRANCH_CONGRESS])
    assert d.types == [T.THEME_DAY, T.BRANCH_CONGRESS]
    assert d.title == "主题党日暨支部党员大会" and d.type_label == "主题党日暨支部党员大会"
    assert len(d.attendance) == 8  # a 党员大会: the whole branch is expected
    for t in (T.THEME_DAY, T.BRANCH_CONGRESS):
        assert [r.id for r in svc.list_meetings(db, b, mtype=t)] == [d.id]
    assert svc.list_meetings(db, b, mtype=T.LECTURE) == []
    row = svc.list_meetings(db, b)[0]
    assert row.as_json()["type"] == "theme_day" and row.as_json()["types"] == ["theme_day", "branch_congress"]


def test_a_year_of_theme_days_with_the_quarterly_congress_gives_no_false_finding(db):
    """Done means: the 主题党日 held with the quarterly 党员大会 counts for both, in the grid and in `check`."""
    b = _branch(db, 8)
    for month in range(1, 13):
        also = [T.BRANCH_CONGRESS] if month % 3 == 0 else []
        _final(db, b, T.THEME_DAY, date(2025, month, 20), also=also)
    as_of = date(2026, 1, 5)
    grid = {r.type: r for r in svc.year_grid(db, b, 2025, as_of)}
    assert (grid[T.BRANCH_CONGRESS].held, grid[T.BRANCH_CONGRESS].missing) == (4, 0)
    assert (grid[T.THEME_DAY].held, grid[T.THEME_DAY].missing) == (12, 0)
    rules = {f.rule for f in run_check(db, [b], as_of)}
    assert "MEET-CONGRESS-Q" not in rules and "MEET-THEME-DAY-M" not in rules
    counts = {c.type: c for c in svc.year_counts(db, b, 2025, as_of)}
    assert counts[T.BRANCH_CONGRESS].status == "完成"
    # without the combination the congress is missing every quarter: the test can fail
    with db.transaction() as s:
        for row in s.scalars(select(m.MeetingAlsoType)):
            s.delete(row)
    congress = [f for f in run_check(db, [b], as_of) if f.rule == "MEET-CONGRESS-Q"]
    assert len(congress) == 4


def test_votes_and_appraisals_follow_every_type_of_the_record(db):
    b = _branch(db, 8)
    d = svc.new_meeting(db, b, T.ORG_LIFE, date(2025, 12, 10), also=[T.APPRAISAL])
    form = d.form()
    form.appraisals = [svc.AppraisalRow(form.attendance[0].member_id, "excellent")]
    saved = svc.save_meeting(db, d.id, form)
    assert len(saved.appraisals) == 1
    form = saved.form()
    form.votes = [svc.VoteRow(VoteKind.OTHER, "关于……的决定", in_favour=8)]
    with pytest.raises(ValidationError, match="只有支部党员大会"):
        svc.save_meeting(db, d.id, form)
    form.also = [T.APPRAISAL, T.BRANCH_CONGRESS]
    assert svc.save_meeting(db, d.id, form).votes[0].passed


def test_a_talk_is_never_combined_and_unknown_types_are_refused(db):
    b = _branch(db, 8)
    with pytest.raises(ValidationError, match="谈心谈话"):
        svc.new_meeting(db, b, T.THEME_DAY, date(2025, 3, 1), also=[T.HEART_TALK])
    d = svc.new_meeting(db, b, T.THEME_DAY, date(2025, 3, 1))
    form = d.form()
    form.also = ["party_games"]
    with pytest.raises(ValidationError, match="无法识别"):
        svc.save_meeting(db, d.id, form)


def test_amending_the_types_of_a_final_record_is_logged(db):
    b = _branch(db, 8)
    d = _final(db, b, T.THEME_DAY, date(2025, 3, 20))
    form = d.form()
    form.also = [T.LECTURE]
    svc.save_meeting(db, d.id, form, reason="当天还上了党课")
    history = svc.meeting_history(db, d.id)
    assert history[-1].action == "amend" and ("同时作为", "", "党课") in history[-1].changes


def _ledger(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "会议类型", "会议主题", "主持人", "记录人", "应到人数", "实到人数", "缺席人员及原因"])
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


@pytest.mark.parametrize("written", ["主题党日暨支部党员大会", "主题党日及党员大会", "主题党日、支部大会",
                                     "主题党日＋党员大会", "主题党日+支部党员大会"])
def test_an_imported_combined_row_is_one_record_with_both_types(db, workdir, written):
    b = _branch(db, 8)
    path = _ledger(workdir / "台账.xlsx", [("2025-03-20", written, "学习党章", "书记甲", "李二", 8, 8, "无")])
    result = svc.import_meetings(db, b, path)
    assert result.counts["new"] == 1 and any("合并召开" in n for n in result.notices)
    [row] = svc.list_meetings(db, b)
    assert row.types == [T.THEME_DAY, T.BRANCH_CONGRESS] and row.state is MeetingState.FINAL
    assert svc.import_meetings(db, b, path).counts == {"new": 0, "update": 0, "same": 1}


def test_an_imported_row_without_a_count_has_unknown_attendance_and_a_future_row_is_refused(db, workdir):
    b = _branch(db, 8)
    path = _ledger(workdir / "台账.xlsx", [("2025-03-20", "党课", "党的创新理论", "书记甲", "李二", 8, None, "张三（病假）")])
    notices = svc.import_meetings(db, b, path, dry_run=True).notices
    assert len(notices) == 1 and "第2行" in notices[0] and "出席情况不明" in notices[0]
    svc.import_meetings(db, b, path)
    [row] = svc.list_meetings(db, b)
    assert row.present is None and row.as_json()["present"] is None and row.present_text == "未记录"
    assert [a[0] for a in row.absent] == ["张三"]  # the one named stays named
    later = date.today() + timedelta(days=30)
    path = _ledger(workdir / "计划.xlsx", [(later.isoformat(), "主题党日", "计划", "书记甲", "李二", 8, 8, "无")])
    with pytest.raises(InputErrors) as caught:
        svc.import_meetings(db, b, path)
    assert any("在今天之后" in p and "第2行" in p for p in caught.value.problems), caught.value.problems
    assert len(svc.list_meetings(db, b)) == 1


# ---------------------------------------------------------------- unknown attendance


def test_unknown_attendance_is_neither_absence_nor_presence(db):
    b = _branch(db, 8)
    d = svc.new_meeting(db, b, T.THEME_DAY, date(2025, 1, 15), host="书记甲", recorder="李二")
    form = d.form()
    form.attendance_known = False
    saved = svc.save_meeting(db, d.id, form)
    assert (saved.attendance_known, saved.present, saved.attendance) == (False, None, [])
    svc.finalise_meeting(db, d.id)

    def inactive(as_of):
        return {f.subject: f for f in run_check(db, [b], as_of) if f.rule == "MEMBER-INACTIVE-6M"}

    # the branch's records start on 1 January: were unknown taken as absence, all eight would be due on
    # 1 May; it is neither absence nor presence: 资料待补 (info), naming the record to complete
    found = inactive(date(2025, 5, 10))
    assert len(found) == 8 and {f.severity for f in found.values()} == {Severity.INFO}
    assert all("出勤情况不明" in f.message and "没有记出席名单" in f.message for f in found.values())
    # the same record with everyone marked absent: that is absence, and the clock runs from January
    form = svc.get_meeting(db, d.id).form()
    form.attendance_known = True
    form.attendance = [svc.AttendanceRow(r.member_id, r.name, status=AttendanceStatus.ABSENT)
                       for r in svc.expected_attendees(db, b, T.THEME_DAY, date(2025, 1, 15))]
    svc.save_meeting(db, d.id, form, reason="找到了签到表")
    found = inactive(date(2025, 5, 10))
    assert len(found) == 8 and {f.severity for f in found.values()} == {Severity.DUE}


# ---------------------------------------------------------------- dates after today


def test_a_draft_may_be_planned_but_is_final_only_after_its_day_and_never_counts_before(db):
    b = _branch(db, 8)
    today = date.today()
    plan = svc.new_meeting(db, b, T.BRANCH_CONGRESS, today + timedelta(days=10), host="书记甲", recorder="李二")
    assert plan.state is MeetingState.DRAFT
    with pytest.raises(ValidationError, match="还没到"):
        svc.finalise_meeting(db, plan.id)
    form = plan.form()
    form.votes = [svc.VoteRow(VoteKind.OTHER, "关于……的决定", in_favour=8)]
    with pytest.raises(ValidationError, match="还不能记录表决票数"):
        svc.save_meeting(db, plan.id, form)
    # a draft never counts as held: the grid shows it apart, and its period is still due
    past = svc.new_meeting(db, b, T.LECTURE, date(2025, 2, 10))
    grid = {r.type: r for r in svc.year_grid(db, b, 2025, date(2025, 4, 2))}
    assert grid[T.LECTURE].held == 0 and grid[T.LECTURE].cells[1].drafts_in_month == 1
    found = [f for f in run_check(db, [b], date(2025, 4, 2)) if f.rule == "MEET-LECTURE-Q"]
    assert found and "草稿" in found[0].message
    svc.save_meeting(db, past.id, svc.get_meeting(db, past.id).form())
    # a final record cannot be moved after today
    final = _final(db, b, T.THEME_DAY, date(2025, 3, 20))
    form = final.form()
    form.held_on = today + timedelta(days=1)
    with pytest.raises(ValidationError, match="在今天之后"):
        svc.save_meeting(db, final.id, form, reason="改日期")


def test_a_step_or_a_review_dated_after_today_is_refused(db):
    b = _branch(db, 8)
    a = dev.create_applicant(db, b, "申请人甲", gender=Gender.FEMALE, birth_date=date(2000, 1, 1),
                             applied_on=date(2025, 3, 1))
    later = date.today() + timedelta(days=23)
    with pytest.raises(ValidationError, match="在今天之后"):
        dev.record_step(db, a.id, 2, later)
    with pytest.raises(ValidationError, match="在今天之后"):
        dev.add_review(db, a.id, "thought_report", later)
    with pytest.raises(ValidationError, match="在今天之后"):
        dev.create_applicant(db, b, "申请人乙", later, gender=Gender.MALE, birth_date=date(2000, 1, 1))
    assert dev.applicant_detail(db, a.id).steps[1].done_on is None


# ---------------------------------------------------------------- branches without a committee


def test_a_branch_under_seven_full_members_gets_no_committee_reminder(db):
    b = _branch(db, 6, probationary=3)  # 预备党员 do not count
    as_of = date(2025, 12, 31)
    assert not committee_info(db, b, as_of).has_committee
    assert [f for f in run_check(db, [b], as_of) if f.rule == "MEET-COMMITTEE-M"] == []
    committee = next(r for r in svc.year_grid(db, b, 2025, as_of) if r.type is T.COMMITTEE)
    assert committee.required == 0 and committee.missing == 0
    # the secretary says the branch keeps a committee: the reminders come back
    set_committee_mode(db, b, CommitteeMode.YES)
    assert len([f for f in run_check(db, [b], as_of) if f.rule == "MEET-COMMITTEE-M"]) == 12


def test_the_seventh_full_member_brings_the_committee_from_that_period(db):
    b = _branch(db, 6)
    with db.transaction() as s:
        s.add(m.Member(branch_id=b, name="转正者", joined_on=date(2024, 6, 10), full_member_on=date(2025, 6, 10),
                       status=MemberStatus.FULL))
    subjects = {f.subject for f in run_check(db, [b], date(2025, 12, 31)) if f.rule == "MEET-COMMITTEE-M"}
    assert subjects == {f"committee 2025-{mo:02d}" for mo in range(6, 13)}
    assert committee_info(db, b, date(2025, 6, 9)).full_members == 6
    set_committee_mode(db, b, CommitteeMode.NO)
    assert not any(f.rule == "MEET-COMMITTEE-M" for f in run_check(db, [b], date(2025, 12, 31)))


def test_the_committee_steps_are_taken_by_the_congress_without_a_committee(db):
    small, large = _branch(db, 5, "小支部"), _branch(db, 9, "大支部")
    assert devcore.step_name(12, has_committee=False) == "支部大会审查"
    assert devcore.decided_by(7, has_committee=False) == "支部大会"
    for b, name in ((small, "支部大会审查"), (large, "支部委员会审查")):
        a = dev.create_applicant(db, b, f"申请人{b}", gender=Gender.MALE, birth_date=date(2000, 1, 1),
                                 applied_on=date(2025, 3, 1))
        assert dev.applicant_detail(db, a.id).steps[11].name == name


def test_meetings_list_json_has_types_and_null_present(workdir, db, capsys):
    db_path = workdir / "测试.db"
    b = _branch(db, 8)
    _final(db, b, T.THEME_DAY, date(2025, 3, 20), also=[T.BRANCH_CONGRESS])
    d = svc.new_meeting(db, b, T.LECTURE, date(2025, 4, 2), host="书记甲", recorder="李二", lecturer="书记甲")
    form = d.form()
    form.attendance_known = False
    svc.save_meeting(db, d.id, form)
    db.close()
    assert main(["--db", str(db_path), "meetings", "list", "--type", "branch_congress", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["type"], r["types"]) for r in rows] == [("theme_day", ["theme_day", "branch_congress"])]
    assert main(["--db", str(db_path), "meetings", "list", "--type", "lecture", "--json"]) == 0
    [lecture] = json.loads(capsys.readouterr().out)
    assert lecture["present"] is None and lecture["types"] == ["lecture"]
    assert main(["--db", str(db_path), "meetings", "list"]) == 0
    out = capsys.readouterr().out
    assert "主题党日暨支部党员大会" in out and "实到未记录" in out


def test_the_ledger_and_the_minutes_say_what_the_record_says(db, workdir):
    from docx import Document
    from openpyxl import load_workbook

    from dangjian_desktop.services.exports import ExportRequest, run_export

    b = _branch(db, 8)
    combined = _final(db, b, T.THEME_DAY, date(2025, 3, 20), also=[T.BRANCH_CONGRESS])
    d = svc.new_meeting(db, b, T.LECTURE, date(2025, 4, 2), host="书记甲", recorder="李二", lecturer="书记甲")
    form = d.form()
    form.attendance_known = False
    svc.save_meeting(db, d.id, form)
    out = run_export(db, "meetings-ledger", ExportRequest(b, workdir / "台账.xlsx", year=2025))
    values = [[c.value for c in row] for row in load_workbook(out).worksheets[0].iter_rows()]
    combined_row = next(v for v in values if "主题党日暨支部党员大会" in v)
    lecture_row = next(v for v in values if "党课" in v)
    assert combined_row[6:8] == [8, 8]
    assert lecture_row[7:9] == ["未记录", "出席情况未记录"]
    out = run_export(db, "minutes", ExportRequest(b, workdir / "记录.docx", record_id=combined.id))
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "主题党日暨支部党员大会记录" in text
