"""学时 use cases: the year's total against the target (32, 书记 and 支委 56, both settings), 党课 and 主题党日
attended counted from the 三会一课 (a combined gathering once), year boundaries, the STUDY-HOURS-Y findings."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from dangjian_desktop.core.glossary import (
    AttendanceStatus,
    MeetingState,
    MeetingType,
    MemberStatus,
    Severity,
    StudyKind,
)
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import settings
from dangjian_desktop.services import study as ss
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.check import run_check
from tests.roster_files import id_for

TODAY = date(2026, 11, 23)


def _member(db, branch_id, name, seq, *, post="", joined=date(2005, 7, 1)):
    full = joined.year < 2025
    f = MemberFields(name=name, id_number=id_for(date(1980, 5, 17), True, seq), joined_on=joined,
                     full_member_on=date(joined.year + 1, joined.month, joined.day) if full else None,
                     status=MemberStatus.FULL if full else MemberStatus.PROBATIONARY, party_post=post)
    return ms.create_member(db, branch_id, f, today=TODAY).id


@pytest.fixture
def branch(db):
    b = create_branch(db, "测试第一党支部")
    ids = {"张三": _member(db, b.id, "张三", 1), "李四": _member(db, b.id, "李四", 2, post="支部书记"),
           "王五": _member(db, b.id, "王五", 3, post="组织委员"), "赵六": _member(db, b.id, "赵六", 4, post="第一党小组组长")}
    return b.id, ids


def _meeting(db, branch_id, mtype, held_on, present, *, also=(), absent=(), state=MeetingState.FINAL):
    with db.transaction() as s:
        mt = m.Meeting(branch_id=branch_id, type=mtype, held_on=held_on, title=f"{mtype.label}{held_on}", state=state)
        s.add(mt)
        s.flush()
        for i, t in enumerate(also, start=1):
            s.add(m.MeetingAlsoType(meeting_id=mt.id, type=t, position=i))
        for mid in present:
            s.add(m.Attendance(meeting_id=mt.id, member_id=mid, status=AttendanceStatus.PRESENT))
        for mid in absent:
            s.add(m.Attendance(meeting_id=mt.id, member_id=mid, status=AttendanceStatus.LEAVE, reason="出差"))
        return mt.id


def rows(db, bid, year=2026):
    return {r.name: r for r in ss.year_view(db, bid, year, today=TODAY).rows}


def test_targets_are_32_and_56_for_the_secretary_and_committee_members(db, branch):
    bid, _ = branch
    r = rows(db, bid)
    assert {n: r[n].target for n in r} == {"张三": 32, "李四": 56, "王五": 56, "赵六": 32}  # a 党小组长 is no 支委
    assert r["李四"].leader and not r["赵六"].leader
    assert all(x.below and x.total == 0 for x in r.values())


def test_the_targets_are_settings(db, branch):
    bid, _ = branch
    settings.set_local_rule_params(db, {("STUDY-HOURS-Y", "hours"): 40, ("STUDY-HOURS-Y", "leader_hours"): 60})
    r = rows(db, bid)
    assert (r["张三"].target, r["李四"].target) == (40, 60)


def test_recorded_hours_add_up_by_kind_and_a_member_reaches_the_target(db, branch):
    bid, ids = branch
    ss.record_study(db, bid, ["张三"], date(2026, 3, 1), StudyKind.ONLINE, "30", topic="网课", today=TODAY)
    assert rows(db, bid)["张三"].below
    ss.record_study(db, bid, [ids["张三"]], date(2026, 5, 1), "training", "2", topic="培训", today=TODAY)
    r = rows(db, bid)["张三"]
    assert r.total == 32 and not r.below and r.status_text == "已达标"
    assert r.by_kind[StudyKind.ONLINE] == 30 and r.by_kind[StudyKind.TRAINING] == 2


def test_one_session_for_several_members_is_all_or_nothing(db, branch):
    bid, _ = branch
    done = ss.record_study(db, bid, ["张三", "李四", "王五"], date(2026, 6, 1), "group_study", "1.5", today=TODAY)
    assert [e.member for e in done] == ["张三", "李四", "王五"]
    with pytest.raises(NotFound):
        ss.record_study(db, bid, ["张三", "没有这人"], date(2026, 6, 2), "group_study", "1", today=TODAY)
    assert rows(db, bid)["张三"].total == Decimal("1.5")  # the refused one wrote nothing


@pytest.mark.parametrize("hours, why", [("0", "大于 0"), ("abc", "不是学时数"), ("500", "太多"), ("-1", "不是学时数")])
def test_bad_hours_are_refused_in_one_sentence(db, branch, hours, why):
    bid, _ = branch
    with pytest.raises(ValidationError, match=why):
        ss.record_study(db, bid, ["张三"], date(2026, 6, 1), "online", hours, today=TODAY)


def test_a_future_day_and_a_day_before_joining_are_refused(db, branch):
    bid, ids = branch
    with pytest.raises(ValidationError, match="在今天之后"):
        ss.record_study(db, bid, ["张三"], date(2026, 11, 24), "online", "1", today=TODAY)
    with pytest.raises(ValidationError, match="入党"):
        ss.record_study(db, bid, ["张三"], date(2001, 1, 1), "online", "1", today=TODAY)


def test_lectures_and_theme_days_attended_count_and_a_combined_one_counts_once(db, branch):
    bid, ids = branch
    zs, ls = ids["张三"], ids["李四"]
    _meeting(db, bid, MeetingType.LECTURE, date(2026, 3, 10), [zs, ls])
    _meeting(db, bid, MeetingType.THEME_DAY, date(2026, 4, 15), [zs], absent=[ls])  # 请假: no hours
    # 主题党日暨党课暨支部党员大会: one gathering, counted once
    _meeting(db, bid, MeetingType.THEME_DAY, date(2026, 5, 15), [zs, ls],
             also=(MeetingType.LECTURE, MeetingType.BRANCH_CONGRESS))
    _meeting(db, bid, MeetingType.BRANCH_CONGRESS, date(2026, 6, 15), [zs, ls])  # no 学时
    _meeting(db, bid, MeetingType.LECTURE, date(2026, 7, 15), [zs, ls], state=MeetingState.DRAFT)  # never held
    r = rows(db, bid)
    assert r["张三"].total == 6 and r["李四"].total == 4
    assert r["张三"].by_kind[StudyKind.LECTURE] == 4 and r["张三"].by_kind[StudyKind.GROUP_STUDY] == 2
    derived = [e for e in ss.list_year(db, bid, 2026) if e.member == "张三"]
    assert [e.studied_on.month for e in derived] == [3, 4, 5] and all(e.derived for e in derived)
    # the branch sets how long a 党课 counts; the combined gathering takes the longer of its two lengths
    settings.set_local_rule_params(db, {("STUDY-CREDIT", "lecture_hours"): 3})
    assert rows(db, bid)["张三"].total == 3 + 2 + 3
    assert ss.member_year_hours(db, bid, 2026)[zs] == 8


def test_a_lecture_recorded_by_hand_with_its_real_length_is_not_counted_again(db, branch):
    bid, ids = branch
    _meeting(db, bid, MeetingType.LECTURE, date(2026, 3, 10), [ids["张三"]])
    ss.record_study(db, bid, ["张三"], date(2026, 3, 10), "lecture", "3", topic="党课（半天）", today=TODAY)
    assert rows(db, bid)["张三"].total == 3
    assert ss.member_year_hours(db, bid, 2026)[ids["张三"]] == 3  # the sums the database adds up agree


def test_the_totals_summed_by_the_database_are_the_sessions_added_up(demo_db):
    """`check` and `member_year_hours` sum in SQL; the page adds up the sessions it lists: the same hours."""
    for year in (2025, 2026):
        view = ss.year_view(demo_db, 1, year, today=TODAY)
        by_sessions = {}
        for e in view.entries:
            by_sessions[e.member_id] = by_sessions.get(e.member_id, 0) + e.hours
        summed = ss.member_year_hours(demo_db, 1, year)
        assert any(e.derived for e in view.entries) and len(view.entries) > 100
        assert {k: v for k, v in summed.items() if v} == by_sessions
        assert all(summed[r.member_id] == r.total for r in view.rows)


def test_year_boundaries(db, branch):
    bid, ids = branch
    ss.record_study(db, bid, ["张三"], date(2025, 12, 31), "online", "5", today=TODAY)
    ss.record_study(db, bid, ["张三"], date(2026, 1, 1), "online", "7", today=TODAY)
    _meeting(db, bid, MeetingType.LECTURE, date(2025, 12, 31), [ids["张三"]])
    assert rows(db, bid, 2025)["张三"].total == 7 and rows(db, bid, 2026)["张三"].total == 7
    hours = ss.member_year_hours(db, bid, 2025)
    assert hours[ids["张三"]] == 7 and hours[ids["李四"]] == 0
    with db.session() as s:  # also over an open session, for other areas' use cases
        assert ss.member_year_hours(s, bid, 2026)[ids["张三"]] == 7


def test_a_member_who_joined_during_the_year_owes_the_share_of_the_months(db, branch):
    bid, _ = branch
    new = create_branch(db, "测试第二党支部").id
    _member(db, new, "孙八", 8, joined=date(2026, 7, 2))
    assert rows(db, new)["孙八"].target == 16  # July to December: 6/12 of 32


def test_edit_and_delete(db, branch):
    bid, _ = branch
    [e] = ss.record_study(db, bid, ["张三"], date(2026, 3, 1), "online", "2", today=TODAY)
    ss.edit_study(db, e.id, studied_on=date(2026, 3, 2), kind="training", hours="4", topic="改", today=TODAY)
    assert rows(db, bid)["张三"].by_kind[StudyKind.TRAINING] == 4
    with db.session() as s:
        joined = s.scalar(select(m.Member.joined_on).where(m.Member.name == "张三"))
    with pytest.raises(ValidationError, match="入党.*不能记为党员学时"):  # corrected to before joining: refused
        ss.edit_study(db, e.id, studied_on=joined - timedelta(days=1), kind="training", hours="4", today=TODAY)
    with pytest.raises(ValidationError, match="在今天之后"):
        ss.edit_study(db, e.id, studied_on=TODAY + timedelta(days=1), kind="training", hours="4", today=TODAY)
    assert rows(db, bid)["张三"].by_kind[StudyKind.TRAINING] == 4
    ss.delete_study(db, e.id)
    assert rows(db, bid)["张三"].total == 0
    with pytest.raises(NotFound):
        ss.delete_study(db, e.id)


def _study_findings(db, as_of):
    return [f for f in run_check(db, as_of=as_of) if f.rule == "STUDY-HOURS-Y"]


def test_reminders_from_october_then_overdue_after_the_year(db, branch):
    bid, _ = branch
    assert _study_findings(db, date(2026, 11, 1)) == []  # a branch that records no study: hours unknown
    ss.record_study(db, bid, ["张三"], date(2026, 2, 1), "online", "40", today=TODAY)
    assert _study_findings(db, date(2026, 9, 30)) == []
    oct1 = _study_findings(db, date(2026, 10, 1))
    assert {f.subject for f in oct1} == {"李四", "王五", "赵六"}
    assert {f.severity for f in oct1} == {Severity.DUE}
    li = next(f for f in oct1 if f.subject == "李四")
    assert "56 学时" in li.message and "《中国共产党党员教育管理工作条例》（2019年）" in li.message
    assert li.date == date(2026, 12, 31) and li.ref == ("study", {"member_id": li.ref[1]["member_id"], "year": 2026})
    after = _study_findings(db, date(2027, 1, 5))
    assert {f.subject for f in after} == {"李四", "王五", "赵六"} and {f.severity for f in after} == {Severity.OVERDUE}
    settings.set_local_rule_params(db, {("STUDY-HOURS-Y", "due_month"): 9})
    assert len(_study_findings(db, date(2026, 9, 1))) == 3
