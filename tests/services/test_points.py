"""党员积分: points counted from attendance and 党费 on time, manual entries with a reason, yearly caps
(deductions too), year boundaries, the scheme edited per branch, the ranking and year_totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dangjian_desktop.core.glossary import AttendanceStatus, DuesKind, MeetingState, MeetingType, MemberStatus
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import points as ps
from dangjian_desktop.services.branches import create_branch
from tests.roster_files import id_for

TODAY = date(2026, 11, 23)


def _member(db, branch_id, name, seq, joined=date(2005, 7, 1)):
    f = MemberFields(name=name, id_number=id_for(date(1980, 5, 17), True, seq), joined_on=joined,
                     full_member_on=date(joined.year + 1, joined.month, joined.day), status=MemberStatus.FULL)
    return ms.create_member(db, branch_id, f, today=TODAY).id


@pytest.fixture
def branch(db):
    b = create_branch(db, "测试第一党支部")
    ids = {n: _member(db, b.id, n, i) for i, n in enumerate(("张三", "李四", "王五"), start=1)}
    return b.id, ids


def meeting(db, branch_id, held_on, attendance, *, mtype=MeetingType.THEME_DAY, also=(), state=MeetingState.FINAL,
            expected=None, present=None, known=True):
    """A meeting record as the editor or an import leaves it: `attendance` {member id: status}."""
    with db.transaction() as s:
        mt = m.Meeting(branch_id=branch_id, type=mtype, held_on=held_on, title="学习", state=state,
                       expected=len(attendance) if expected is None else expected,
                       present=sum(1 for st in attendance.values() if st is AttendanceStatus.PRESENT)
                       if present is None else present, attendance_known=known)
        s.add(mt)
        s.flush()
        for k, t in enumerate(also, start=1):
            s.add(m.MeetingAlsoType(meeting_id=mt.id, type=t, position=k))
        for mid, st in attendance.items():
            s.add(m.Attendance(meeting_id=mt.id, member_id=mid, status=st, reason="出差" if st is not
                               AttendanceStatus.PRESENT else ""))
        return mt.id


def dues(db, member_id, year, month, *, kind=DuesKind.PAID, paid_on=None, paid="45.00", due="45.00"):
    with db.transaction() as s:
        s.add(m.DuesPayment(member_id=member_id, year=year, month=month, due=Decimal(due), paid=Decimal(paid),
                            paid_on=paid_on, kind=kind))


def items(db, branch_id, year, name, today=TODAY):
    p = ps.year_points(db, branch_id, year, today=today)
    row = next(r for r in p.rows if r.name == name)
    return {i.name: v for i, v in zip(p.items, row.by_item)}, row


P, L, A = AttendanceStatus.PRESENT, AttendanceStatus.LEAVE, AttendanceStatus.ABSENT


def test_attendance_counts_once_per_record_leave_is_zero_absence_deducts(db, branch):
    bid, ids = branch
    z, li, w = ids["张三"], ids["李四"], ids["王五"]
    # 主题党日暨支部党员大会: one record, one attendance, one point (not one per type it served)
    meeting(db, bid, date(2026, 3, 5), {z: P, li: L, w: A}, also=(MeetingType.BRANCH_CONGRESS,))
    meeting(db, bid, date(2026, 4, 5), {z: P, li: P, w: A})
    meeting(db, bid, date(2026, 5, 5), {z: P, li: P, w: P}, state=MeetingState.DRAFT)  # a plan: not held
    meeting(db, bid, date(2026, 6, 5), {z: P}, mtype=MeetingType.HEART_TALK)  # a talk, not a gathering
    got, row = items(db, bid, 2026, "张三")
    assert got["参加组织生活"] == 2 and row.total == 2 and row.counts[0] == 2
    got, _ = items(db, bid, 2026, "李四")
    assert (got["参加组织生活"], got["请假"]) == (1, 0)
    got, row = items(db, bid, 2026, "王五")
    assert got["无故缺席"] == -4 and row.total == -4
    assert row.by_month[2] == -2 and row.by_month[3] == -2


def test_an_absentee_ledger_that_adds_up_means_the_rest_attended_and_unknown_counts_nothing(db, branch):
    bid, ids = branch
    # only 王五 listed (absent); 应到 3 = the roll, 实到 2: 张三 and 李四 attended
    meeting(db, bid, date(2026, 2, 1), {ids["王五"]: A}, mtype=MeetingType.BRANCH_CONGRESS, expected=3, present=2)
    # numbers that do not add up: nothing known about the others
    meeting(db, bid, date(2026, 3, 1), {ids["王五"]: A}, mtype=MeetingType.BRANCH_CONGRESS, expected=3, present=1)
    # attendance not recorded: neither presence nor absence
    meeting(db, bid, date(2026, 4, 1), {}, mtype=MeetingType.BRANCH_CONGRESS, expected=3, present=0, known=False)
    assert items(db, bid, 2026, "张三")[0]["参加组织生活"] == 1
    assert items(db, bid, 2026, "李四")[0]["参加组织生活"] == 1
    assert items(db, bid, 2026, "王五")[0]["无故缺席"] == -4


def test_dues_paid_in_full_by_the_month_end_earn_the_point_makeup_and_short_do_not(db, branch):
    bid, ids = branch
    z = ids["张三"]
    dues(db, z, 2026, 1, paid_on=date(2026, 1, 10))
    dues(db, z, 2026, 2, paid_on=date(2026, 3, 2))  # paid after the month: late
    dues(db, z, 2026, 3, kind=DuesKind.MAKEUP, paid_on=date(2026, 4, 5))
    dues(db, z, 2026, 4, paid_on=date(2026, 4, 8), paid="20.00")  # short
    dues(db, z, 2026, 5, kind=DuesKind.PREPAID, paid_on=date(2026, 4, 8))
    dues(db, z, 2026, 6, kind=DuesKind.EXEMPT, paid="0.00")
    dues(db, z, 2026, 7)  # imported: no date, recorded as paid in its month
    dues(db, z, 2025, 12, paid_on=date(2025, 12, 20))  # another year
    got, row = items(db, bid, 2026, "张三")
    assert got["按时交纳党费"] == 3
    assert [row.by_month[i] for i in (0, 1, 2, 3, 4, 5, 6)] == [1, 0, 0, 0, 1, 0, 1]
    assert items(db, bid, 2025, "张三")[0]["按时交纳党费"] == 1


def test_caps_hold_the_year_in_month_order_for_additions_and_deductions(db, branch):
    bid, ids = branch
    z, w = ids["张三"], ids["王五"]
    for k in range(1, 8):
        ps.add_entry(db, bid, "张三", date(2026, k, 3), 5, f"社区志愿服务第{k}次", item="志愿服务", today=TODAY)
    got, row = items(db, bid, 2026, "张三")
    assert got["志愿服务"] == 20  # cap 20, not 35
    assert list(row.by_month[:7]) == [5, 5, 5, 5, 0, 0, 0] and row.counts[5] == 7
    for k in range(1, 13):
        meeting(db, bid, date(2026, k, 2), {z: P, w: A})
    got, row = items(db, bid, 2026, "王五")
    assert got["无故缺席"] == -20  # 12 × -2, at most 20 taken off in a year
    assert row.by_month[9] == -2 and row.by_month[10] == 0
    # a correction inside a capped item is taken off what was earned: 35 − 5 is still over the cap
    ps.add_entry(db, bid, "张三", date(2026, 9, 1), -5, "更正：重复登记", item="志愿服务", today=TODAY)
    assert items(db, bid, 2026, "张三")[0]["志愿服务"] == 20
    ps.add_entry(db, bid, "张三", date(2026, 10, 1), -15, "更正：三次未实际参加", item="志愿服务", today=TODAY)
    got, row = items(db, bid, 2026, "张三")
    assert got["志愿服务"] == 15 and row.grid[5][9] == -5 and row.grid[5][8] == 0


def test_manual_entries_refuse_what_is_wrong_and_write_nothing(db, branch):
    bid, ids = branch
    with pytest.raises(ValidationError, match="事由"):
        ps.add_entry(db, bid, "张三", date(2026, 3, 1), 2, "  ", today=TODAY)
    with pytest.raises(ValidationError, match="不是数字"):
        ps.add_entry(db, bid, "张三", date(2026, 3, 1), "两分", "志愿服务", today=TODAY)
    with pytest.raises(ValidationError, match="一位小数"):
        ps.add_entry(db, bid, "张三", date(2026, 3, 1), "1.25", "志愿服务", today=TODAY)
    with pytest.raises(ValidationError, match="今天之后"):
        ps.add_entry(db, bid, "张三", date(2026, 12, 1), 2, "志愿服务", today=TODAY)
    with pytest.raises(ValidationError, match="自动计分"):
        ps.add_entry(db, bid, "张三", date(2026, 3, 1), 2, "补记", item="参加组织生活", today=TODAY)
    with pytest.raises(NotFound):
        ps.add_entry(db, bid, "无此人", date(2026, 3, 1), 2, "志愿服务", today=TODAY)
    assert ps.entries(db, bid, 2026) == []
    e = ps.add_entry(db, bid, "李四", date(2026, 3, 1), "－3", "无故不参加志愿活动", today=TODAY)
    assert (e.points, e.item) == (Decimal(-3), ps.OTHER)
    got, row = items(db, bid, 2026, "李四")
    assert got[ps.OTHER] == -3 and row.total == -3
    ps.delete_entry(db, e.id)
    assert items(db, bid, 2026, "李四")[1].total == 0


def test_year_boundaries(db, branch):
    bid, ids = branch
    z = ids["张三"]
    meeting(db, bid, date(2025, 12, 31), {z: P})
    meeting(db, bid, date(2026, 1, 1), {z: P})
    ps.add_entry(db, bid, "张三", date(2025, 12, 31), 5, "年终表彰", item="受到表彰", today=TODAY)
    ps.add_entry(db, bid, "张三", date(2026, 1, 1), 2, "元旦慰问老党员", item="志愿服务", today=TODAY)
    y25, r25 = items(db, bid, 2025, "张三")
    y26, r26 = items(db, bid, 2026, "张三")
    assert (r25.total, r26.total) == (6, 3)
    assert (y25["受到表彰"], y26["受到表彰"], y25["参加组织生活"], y26["参加组织生活"]) == (5, 0, 1, 1)
    assert r25.by_month[11] == 6 and r26.by_month[0] == 3
    # the state of a year as of a day: what happened later does not count yet
    early = items(db, bid, 2026, "张三", today=date(2026, 1, 1))[1]
    assert early.total == 3
    assert ps.year_totals(db, bid, 2026)[z] == 3


def test_editing_the_scheme_changes_the_totals_and_is_kept_per_branch(db, branch):
    bid, ids = branch
    other = create_branch(db, "测试第二党支部").id
    z = ids["张三"]
    for k in range(1, 5):
        meeting(db, bid, date(2026, k, 2), {z: P})
    ps.add_entry(db, bid, "张三", date(2026, 5, 1), 5, "党员先锋岗", item="党员先锋岗", today=TODAY)
    assert ps.year_totals(db, bid, 2026)[z] == 4 + 5
    scheme = ps.scheme(db, bid)
    assert [i.name for i in scheme][:4] == ["参加组织生活", "请假", "无故缺席", "按时交纳党费"]
    edited = [ps.SchemeItem(i.name, Decimal(3), Decimal(9), i.source, i.id) if i.source == "attended" else i
              for i in scheme]
    edited.append(ps.SchemeItem("结对帮扶", Decimal(4), None))
    saved = ps.save_scheme(db, bid, edited)
    assert saved[0].points == 3 and saved[-1].name == "结对帮扶" and saved[-1].id is not None
    assert ps.year_totals(db, bid, 2026)[z] == 9 + 5  # 4 × 3 capped at 9
    assert ps.scheme(db, other)[0].points == 1  # the other branch keeps the default
    # a manual item with entries cannot go; a derived one can, and stops counting
    with pytest.raises(ValidationError, match="党员先锋岗.*不能删除"):
        ps.save_scheme(db, bid, [i for i in saved if i.name != "党员先锋岗"])
    ps.save_scheme(db, bid, [i for i in saved if i.source != "attended"])
    assert ps.year_totals(db, bid, 2026)[z] == 5
    with pytest.raises(ValidationError, match="两次"):
        ps.save_scheme(db, bid, [*saved, ps.SchemeItem("结对帮扶", Decimal(1))])
    with pytest.raises(ValidationError, match="不能是负数"):
        ps.save_scheme(db, bid, [ps.SchemeItem("志愿服务", Decimal(2), Decimal(-1))])
    # renaming items into each other's names in one save works
    a, b = ps.scheme(db, bid)[4:6]
    ps.save_scheme(db, bid, [*ps.scheme(db, bid)[:4], ps.SchemeItem(b.name, a.points, a.yearly_cap, "", a.id),
                             ps.SchemeItem(a.name, b.points, b.yearly_cap, "", b.id), *ps.scheme(db, bid)[6:]])
    assert [i.name for i in ps.scheme(db, bid)][4:6] == [b.name, a.name]


def test_ranking_ties_share_a_rank_and_year_totals_accept_a_session(db, branch):
    bid, ids = branch
    ps.add_entry(db, bid, "李四", date(2026, 6, 1), 4, "志愿服务", item="志愿服务", today=TODAY)
    ps.add_entry(db, bid, "王五", date(2026, 6, 1), 4, "志愿服务", item="志愿服务", today=TODAY)
    p = ps.year_points(db, bid, 2026, today=TODAY)
    assert [(r.name, r.rank, r.total) for r in p.rows] == [("王五", 1, 4), ("李四", 1, 4), ("张三", 3, 0)]  # equals in roster order (笔画)
    with db.session() as s:
        assert ps.year_totals(s, bid, 2026) == {ids["李四"]: 4, ids["王五"]: 4, ids["张三"]: 0}


def test_a_derived_kind_is_one_registered_function(db, branch):
    bid, ids = branch
    kind = ps.register_derived(ps.DerivedKind("test_hours", "学时达标（测试）",
                                              lambda db_, b, y: {ids["王五"]: {12: 1}} if y == 2025 else {}))
    try:
        scheme = ps.scheme(db, bid)
        ps.save_scheme(db, bid, [*scheme, ps.SchemeItem("测试项目", Decimal(10), None, kind.key)])
        assert ps.year_totals(db, bid, 2025)[ids["王五"]] == 10
        assert ps.year_totals(db, bid, 2026)[ids["王五"]] == 0
    finally:
        del ps.DERIVED[kind.key]


def test_a_member_who_left_keeps_the_year_and_gets_nothing_after(db, branch):
    bid, ids = branch
    with db.transaction() as s:
        member = s.get(m.Member, ids["王五"])
        member.status, member.status_since = MemberStatus.TRANSFERRED_OUT, date(2026, 6, 1)
    with pytest.raises(ValidationError, match="离开党员名册（已转出）"):
        ps.add_entry(db, bid, "王五", date(2026, 7, 1), 2, "志愿服务", today=TODAY)
    ps.add_entry(db, bid, "王五", date(2026, 5, 1), 2, "志愿服务", today=TODAY)
    assert ps.year_totals(db, bid, 2026)[ids["王五"]] == 2
    assert ids["王五"] not in ps.year_totals(db, bid, 2027)


def test_study_hours_reached_count_once_in_december(db, branch):
    """The default scheme's 学时达标: +5 once for the year, for whoever reached their own 学时 target (32 for
    a member) on the 学时 page's reckoning; nobody below it gets anything, and a year not over shows nothing."""
    from dangjian_desktop.services.study import record_study

    bid, ids = branch
    record_study(db, bid, ["张三"], date(2025, 3, 1), "training", 32, topic="专题培训", today=TODAY)
    record_study(db, bid, ["李四"], date(2025, 3, 1), "training", 31.5, topic="专题培训", today=TODAY)
    assert "学时达标" in [i.name for i in ps.scheme(db, bid)]
    totals = ps.year_totals(db, bid, 2025, today=TODAY)
    assert totals[ids["张三"]] == 5 and totals[ids["李四"]] == 0 and totals[ids["王五"]] == 0
    assert items(db, bid, 2025, "张三")[0]["学时达标"] == 5
    record_study(db, bid, ["张三"], date(2026, 3, 1), "online", 40, today=TODAY)
    assert ps.year_totals(db, bid, 2026, today=TODAY)[ids["张三"]] == 0  # November: December not reached yet
    assert ps.year_totals(db, bid, 2026, today=date(2026, 12, 31))[ids["张三"]] == 5
