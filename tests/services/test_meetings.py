"""Meeting records through the services: attendance on the date, votes, finalise/amend, search, checks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from dangjian_desktop.core.glossary import (
    AppraisalOutcome,
    AttendanceStatus,
    CommitteeMode,
    CommitteePost,
    MeetingState,
    MeetingType,
    MemberStatus,
    Severity,
    VoteKind,
)
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import ConcurrentEdit, ValidationError
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services import settings
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.check import run_check
from tests.conftest import TODAY


def _member(s, branch_id, group_id, name, joined, full=None, left=None, left_status=MemberStatus.TRANSFERRED_OUT):
    status = left_status if left else (MemberStatus.FULL if full and full <= TODAY else MemberStatus.PROBATIONARY)
    mem = m.Member(branch_id=branch_id, group_id=group_id, name=name, joined_on=joined, full_member_on=full,
                   status=status, status_since=left or full or joined)
    mem.status_changes.append(m.MemberStatusChange(status=MemberStatus.PROBATIONARY, changed_on=joined))
    if full:
        mem.status_changes.append(m.MemberStatusChange(status=MemberStatus.FULL, changed_on=full))
    if left:
        mem.status_changes.append(m.MemberStatusChange(status=left_status, changed_on=left))
    s.add(mem)
    s.flush()
    return mem.id


@pytest.fixture
def branch(db):
    """A small branch: 2 groups, 6 people with histories around 2025-06-15, a committee of 2."""
    info = create_branch(db, "测试社区第一党支部", "中共测试街道工委", "张三", groups=["第一党小组", "第二党小组"],
                         elected_on=date(2024, 1, 5))
    with db.transaction() as s:
        g1, g2 = s.scalars(select(m.PartyGroup.id).where(m.PartyGroup.branch_id == info.id)
                           .order_by(m.PartyGroup.sort_order)).all()
        ids = {
            "张三": _member(s, info.id, g1, "张三", date(2000, 7, 1), date(2001, 7, 1)),
            "李四": _member(s, info.id, g1, "李四", date(2010, 7, 1), date(2011, 7, 1)),
            "王五": _member(s, info.id, g2, "王五", date(2012, 7, 1), date(2013, 7, 1)),
            # a 预备党员 on 2025-06-15 (full member later)
            "赵六": _member(s, info.id, g2, "赵六", date(2025, 1, 10), date(2026, 1, 10)),
            # joined the day after the meeting
            "钱七": _member(s, info.id, g1, "钱七", date(2025, 6, 16), None),
            # transferred out the day before the meeting
            "孙八": _member(s, info.id, g2, "孙八", date(2005, 7, 1), date(2006, 7, 1), left=date(2025, 6, 14)),
        }
        term = s.scalar(select(m.CommitteeTerm).where(m.CommitteeTerm.branch_id == info.id))
        term.posts[0].member_id = ids["张三"]
        term.posts.append(m.CommitteePostHolder(post=CommitteePost.ORGANISATION, person_name="李四",
                                                member_id=ids["李四"], started_on=date(2024, 1, 5)))
        # fewer than 7 正式党员 would mean no 支委会: this branch keeps one, as its settings say
        s.get(m.Branch, info.id).committee_mode = CommitteeMode.YES
    return {"id": info.id, "g1": g1, "g2": g2, **ids}


def names(rows):
    return [a.name for a in rows]


def _with(form, **fields):
    for key, value in fields.items():
        setattr(form, key, value)
    return form


def held(db, branch_id, mtype, day, group_id=None, form=None, **fields):
    """A meeting held and recorded: a draft never counts as held, so the record is finalised."""
    d = svc.new_meeting(db, branch_id, mtype, day, group_id, host="张三", recorder="李四", lecturer="张三", **fields)
    if form is not None:
        form(d)
    return svc.finalise_meeting(db, d.id)


def test_expected_is_who_was_a_member_on_the_meeting_date(db, branch):
    rows = svc.expected_attendees(db, branch["id"], MeetingType.BRANCH_CONGRESS, date(2025, 6, 15))
    assert sorted(names(rows)) == sorted(["张三", "李四", "王五", "赵六"])
    by_name = {a.name: a for a in rows}
    assert by_name["赵六"].can_vote is False  # 预备党员: no vote
    assert by_name["张三"].can_vote is True
    # a day later 钱七 has joined; a day before 孙八 was still here
    assert "钱七" in names(svc.expected_attendees(db, branch["id"], MeetingType.BRANCH_CONGRESS, date(2025, 6, 16)))
    assert "孙八" in names(svc.expected_attendees(db, branch["id"], MeetingType.BRANCH_CONGRESS, date(2025, 6, 13)))


def test_expected_for_committee_and_group_and_heart_talk(db, branch):
    d = date(2025, 6, 15)
    assert sorted(names(svc.expected_attendees(db, branch["id"], MeetingType.COMMITTEE, d))) == ["张三", "李四"]
    assert sorted(names(svc.expected_attendees(db, branch["id"], MeetingType.GROUP, d, branch["g2"]))) == ["王五", "赵六"]
    assert svc.expected_attendees(db, branch["id"], MeetingType.HEART_TALK, d) == []


def test_new_record_starts_from_the_template(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.ORG_LIFE, date(2025, 12, 20))
    assert d.state is MeetingState.DRAFT and d.title == "组织生活会"
    assert "批评和自我批评" in d.topics and "整改措施" in d.resolutions
    assert (d.expected, d.present) == (5, 5)  # 钱七 joined in June, 孙八 left
    with pytest.raises(ValidationError, match="哪一个党小组"):
        svc.new_meeting(db, branch["id"], MeetingType.GROUP, date(2025, 6, 15))
    g = svc.new_meeting(db, branch["id"], MeetingType.GROUP, date(2025, 6, 15), group_id=branch["g1"])
    assert g.group_name == "第一党小组" and g.title == "第一党小组会议"


def test_present_is_computed_from_ticks(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.THEME_DAY, date(2025, 6, 15))
    form = d.form()
    form.attendance[0].status = AttendanceStatus.LEAVE
    form.attendance[0].reason = "出差"
    form.attendance[1].status = AttendanceStatus.ABSENT
    form.present = 99  # never typed: computed
    saved = svc.save_meeting(db, d.id, form, version=d.version)
    assert (saved.expected, saved.present) == (4, 2)
    listed = svc.list_meetings(db, branch["id"], year=2025)[0]
    assert [(n, st) for n, _r, st in listed.absent] == [(form.attendance[0].name, "请假"), (form.attendance[1].name, "缺席")]
    assert listed.as_json()["absent"][0] == {"name": form.attendance[0].name, "reason": "出差", "status": "请假"}


def test_vote_result_is_computed_from_attendance_and_the_rule(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.BRANCH_CONGRESS, date(2025, 6, 15))
    form = d.form()
    for a in form.attendance:
        if a.name == "王五":
            a.status, a.reason = AttendanceStatus.LEAVE, "出差"
    form.votes = [svc.VoteRow(VoteKind.ADMISSION, "关于接收周九同志为中共预备党员", in_favour=2, against=0,
                              abstain=0, written_in_favour=1, expected_voters=99, present_voters=99)]
    saved = svc.save_meeting(db, d.id, form, version=d.version)
    v = saved.votes[0]
    # 应到 voters: 张三 李四 王五 (赵六 is 预备); 实到: 张三 李四
    assert (v.expected_voters, v.present_voters) == (3, 2)
    assert v.quorum and v.passed
    assert "应到有表决权的正式党员3人，实到2人" in v.summary and "通过" in v.summary
    # an impossible tally is refused with a Chinese sentence, nothing saved
    form = saved.form()
    form.votes[0].in_favour = 3
    with pytest.raises(ValidationError, match="关于接收周九同志为中共预备党员.*多于实到有表决权人数"):
        svc.save_meeting(db, d.id, form, version=saved.version)
    assert svc.get_meeting(db, d.id).votes[0].in_favour == 2


def test_a_vote_without_enough_in_favour_fails(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.BRANCH_CONGRESS, date(2025, 6, 15))
    form = d.form()
    form.votes = [svc.VoteRow(VoteKind.OTHER, "关于调整党小组的决定", in_favour=1, against=1)]
    v = svc.save_meeting(db, d.id, form).votes[0]
    assert v.quorum and not v.passed


def test_votes_only_at_a_branch_congress(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.COMMITTEE, date(2025, 6, 15))
    form = d.form()
    form.votes = [svc.VoteRow(VoteKind.OTHER, "某事项", in_favour=1)]
    with pytest.raises(ValidationError, match="只有支部党员大会"):
        svc.save_meeting(db, d.id, form)


def test_appraisal_outcomes_per_member(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.APPRAISAL, date(2025, 12, 26))
    form = d.form()
    form.appraisals = [svc.AppraisalRow(branch["张三"], AppraisalOutcome.EXCELLENT),
                       svc.AppraisalRow(branch["李四"], AppraisalOutcome.BASICALLY_QUALIFIED, note="学习不够")]
    saved = svc.save_meeting(db, d.id, form)
    assert {a.name: a.outcome for a in saved.appraisals} == {
        "张三": AppraisalOutcome.EXCELLENT, "李四": AppraisalOutcome.BASICALLY_QUALIFIED}


def test_finalise_locks_and_an_amendment_needs_a_reason_and_is_logged(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.COMMITTEE, date(2025, 6, 15))
    with pytest.raises(ValidationError, match="定稿前请填写：主持人、记录人"):
        svc.finalise_meeting(db, d.id)
    form = d.form()
    form.host, form.recorder, form.minutes = "张三", "李四", "讨论了七月份工作安排。"
    d = svc.save_meeting(db, d.id, form, version=d.version)
    d = svc.finalise_meeting(db, d.id, version=d.version)
    assert d.is_final and d.finalised_at is not None
    form = d.form()
    form.minutes = "讨论了七月份和八月份的工作安排。"
    with pytest.raises(ValidationError, match="已定稿，修改需要写明原因"):
        svc.save_meeting(db, d.id, form, version=d.version)
    assert svc.get_meeting(db, d.id).minutes == "讨论了七月份工作安排。"
    amended = svc.save_meeting(db, d.id, form, version=d.version, reason="补记遗漏的八月份安排")
    assert amended.minutes == "讨论了七月份和八月份的工作安排。" and amended.is_final
    history = svc.meeting_history(db, d.id)
    assert [h.action for h in history] == ["finalise", "amend"]
    assert history[1].reason == "补记遗漏的八月份安排"
    assert history[1].changes == [("讨论发言", "讨论了七月份工作安排。", "讨论了七月份和八月份的工作安排。")]
    # an old version is refused: somebody else saved since
    with pytest.raises(ConcurrentEdit):
        svc.save_meeting(db, d.id, form, version=d.version, reason="再改一次")


def test_deleting_a_final_record_needs_a_reason_and_keeps_its_text(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.THEME_DAY, date(2025, 6, 15), host="张三", recorder="李四")
    svc.finalise_meeting(db, d.id)
    with pytest.raises(ValidationError, match="删除需要写明原因"):
        svc.delete_meeting(db, d.id)
    svc.delete_meeting(db, d.id, reason="重复录入")
    with db.session() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "delete")).one()
        assert entry.reason == "重复录入" and entry.old["title"] == "主题党日"


def test_full_text_search_finds_chinese_substrings(db, branch):
    a = svc.new_meeting(db, branch["id"], MeetingType.LECTURE, date(2025, 5, 10), title="学习贯彻党的二十届三中全会精神",
                        minutes="主讲人结合社区网格化治理讲解。")
    b = svc.new_meeting(db, branch["id"], MeetingType.COMMITTEE, date(2025, 5, 12), topics="研究发展党员工作")
    found = lambda q: {r.id for r in svc.list_meetings(db, branch["id"], search=q)}  # noqa: E731
    assert found("三中全会") == {a.id}  # trigram FTS (≥ 3 characters)
    assert found("网格化治理") == {a.id}  # in the minutes
    assert found("发展党员") == {b.id}
    assert found("党员") == {b.id}  # two characters: LIKE
    assert found("全会 网格") == {a.id}  # every word must match
    assert found("100%") == set()
    # the index follows edits
    form = svc.get_meeting(db, b.id).form()
    form.topics = "研究换届选举准备"
    svc.save_meeting(db, b.id, form)
    assert found("发展党员") == set() and found("换届选举") == {b.id}


def test_listing_by_year_quarter_month_and_type(db, branch):
    for d, t in [(date(2025, 1, 5), MeetingType.COMMITTEE), (date(2025, 4, 5), MeetingType.COMMITTEE),
                 (date(2025, 4, 20), MeetingType.THEME_DAY), (date(2026, 4, 5), MeetingType.COMMITTEE)]:
        svc.new_meeting(db, branch["id"], t, d)
    assert len(svc.list_meetings(db, branch["id"], year=2025)) == 3
    assert len(svc.list_meetings(db, branch["id"], year=2025, quarter=2)) == 2
    assert len(svc.list_meetings(db, branch["id"], year=2025, month=1)) == 1
    assert len(svc.list_meetings(db, branch["id"], year=2025, mtype=MeetingType.COMMITTEE)) == 2
    assert [r.held_on for r in svc.list_meetings(db, branch["id"])][0] == date(2026, 4, 5)  # newest first


def test_check_reports_missing_meetings_per_group_with_the_cli_subject(db, branch):
    # records start in January 2025; group 1 met in Jan–Mar, group 2 only in January
    for month in (1, 2, 3):
        held(db, branch["id"], MeetingType.GROUP, date(2025, month, 10), group_id=branch["g1"])
    held(db, branch["id"], MeetingType.GROUP, date(2025, 1, 12), group_id=branch["g2"])
    findings = [f for f in run_check(db, [branch["id"]], date(2025, 4, 1)) if f.rule == "MEET-GROUP-M"]
    assert sorted(f.subject for f in findings) == ["group 2025-02 第二党小组", "group 2025-03 第二党小组"]
    assert all(f.severity is Severity.OVERDUE for f in findings)
    ref = findings[0].ref
    assert ref[0] == "missing_meeting" and ref[1]["type"] == "group" and ref[1]["group_id"] == branch["g2"]
    subjects = {f.subject for f in run_check(db, [branch["id"]], date(2025, 4, 1))}
    assert "committee 2025-01" in subjects and "committee 2025-03" in subjects
    assert not any(s.endswith("2024-12") for s in subjects)  # before the records start


def test_local_frequency_variant_changes_the_check(db, branch):
    held(db, branch["id"], MeetingType.LECTURE, date(2025, 1, 10))
    as_of = date(2025, 3, 1)
    before = {f.subject for f in run_check(db, [branch["id"]], as_of) if f.rule == "MEET-LECTURE-Q"}
    assert before == set()
    settings.set_local_rule_params(db, {("MEET-LECTURE-Q", "period"): "M"})
    after = {f.subject: f.severity for f in run_check(db, [branch["id"]], as_of) if f.rule == "MEET-LECTURE-Q"}
    assert after == {"lecture 2025-02": Severity.OVERDUE, "lecture 2025-03": Severity.DUE}
    grid = {r.type: r for r in svc.year_grid(db, branch["id"], 2025, as_of)}
    assert grid[MeetingType.LECTURE].cells[1].state.value == "missing"


def test_inactive_member_due_and_overdue(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.THEME_DAY, date(2025, 1, 10))
    form = d.form()
    for a in form.attendance:
        if a.name == "王五":
            a.status, a.reason = AttendanceStatus.LEAVE, "外出务工"
    svc.save_meeting(db, d.id, form)
    svc.new_meeting(db, branch["id"], MeetingType.THEME_DAY, date(2025, 3, 10))  # everyone present...
    d2 = svc.list_meetings(db, branch["id"], month=3, year=2025)[0]
    form = svc.get_meeting(db, d2.id).form()
    for a in form.attendance:
        if a.name == "王五":
            a.status = AttendanceStatus.ABSENT
    svc.save_meeting(db, d2.id, form)
    for record in (d, d2):
        svc.save_meeting(db, record.id, _with(svc.get_meeting(db, record.id).form(), host="张三", recorder="李四"))
        svc.finalise_meeting(db, record.id)

    def inactive(as_of):
        return {f.subject: f.severity for f in run_check(db, [branch["id"]], as_of) if f.rule == "MEMBER-INACTIVE-6M"}

    # 王五 never attended since records started on 2025-01-10
    assert inactive(date(2025, 5, 9)) == {}
    assert inactive(date(2025, 5, 10))["王五"] is Severity.DUE
    assert inactive(date(2025, 7, 10))["王五"] is Severity.OVERDUE
    assert "张三" not in inactive(date(2025, 7, 9))  # attended on 10 March
    assert inactive(date(2025, 7, 10))["张三"] is Severity.DUE


def test_attendance_per_member_over_a_period(db, branch):
    d = svc.new_meeting(db, branch["id"], MeetingType.THEME_DAY, date(2025, 6, 15))
    form = d.form()
    for a in form.attendance:
        if a.name == "李四":
            a.status, a.reason = AttendanceStatus.LEAVE, "病假"
    svc.save_meeting(db, d.id, _with(form, host="张三", recorder="李四"))
    svc.finalise_meeting(db, d.id)
    held(db, branch["id"], MeetingType.GROUP, date(2025, 6, 20), group_id=branch["g1"])
    svc.new_meeting(db, branch["id"], MeetingType.GROUP, date(2025, 6, 25), group_id=branch["g1"])  # a draft
    rows = {r.name: r for r in svc.attendance_by_member(db, branch["id"], date(2025, 6, 1), date(2025, 6, 30))}
    assert (rows["李四"].expected, rows["李四"].present, rows["李四"].leave) == (2, 1, 1)
    assert rows["张三"].rate == 1.0
    assert rows["孙八"].expected == 0  # left on 14 June, still listed for the period
    assert "钱七" in rows  # joined on 16 June


def test_demo_database_shows_the_deliberate_gaps(demo_db):
    findings = run_check(demo_db, None, TODAY)
    subjects = {f.subject for f in findings if f.rule.startswith("MEET-")}
    assert "committee 2025-03" in subjects
    assert "lecture 2025-Q2" in subjects
    assert "group 2026-10 第二党小组" in subjects
    assert any(f.rule == "MEMBER-INACTIVE-6M" and f.severity is Severity.DUE for f in findings)


def test_record_warnings_name_an_absent_chair_and_a_unanimous_text_over_a_split_tally(db, branch):
    """Not refused, but said before 定稿: the chair or recorder marked absent, 一致 over 弃权."""
    form = svc.MeetingForm(MeetingType.BRANCH_CONGRESS, date(2025, 3, 1), host="张三", recorder="李四",
                           resolutions="会议一致同意接收王五同志为中共预备党员。")
    form.attendance = [svc.AttendanceRow(1, "张三", status=AttendanceStatus.LEAVE, reason="出差"),
                       svc.AttendanceRow(2, "李四")]
    form.votes = [svc.VoteRow(VoteKind.ADMISSION, "关于接收王五同志为中共预备党员", in_favour=8, abstain=1)]
    warnings = svc.record_warnings(form)
    assert warnings == ["主持人张三在出席情况中记为请假",
                        "决议写“一致同意”，但“关于接收王五同志为中共预备党员”的表决有反对0票、弃权1票"]
    form.attendance[0].status = AttendanceStatus.PRESENT
    form.votes[0].abstain = 0
    assert svc.record_warnings(form) == []
