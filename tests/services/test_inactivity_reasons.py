"""MEMBER-INACTIVE-6M names its reason and does not fire falsely: recorded leave, a 流动党员 and unknown
attendance are `info`, never `due`/`overdue`; a ledger that lists only absentees and adds up means
everyone else attended. Boundaries: the day before 4 months (nothing), on it (due), 6 months (overdue)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dangjian_desktop.core.dates import add_months
from dangjian_desktop.core.glossary import AttendanceStatus, MeetingState, MeetingType, MemberStatus, Severity
from dangjian_desktop.db import models as m
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.check import run_check

FIRST = date(2025, 1, 10)  # the first meeting: everyone present; the branch's records start here
P, L, A = AttendanceStatus.PRESENT, AttendanceStatus.LEAVE, AttendanceStatus.ABSENT


def _branch(db, names, floating=()):
    info = create_branch(db, "测试村党支部", "中共测试镇委员会", "甲", groups=["第一党小组"], elected_on=date(2024, 1, 5))
    ids = {}
    with db.transaction() as s:
        for name in names:
            mem = m.Member(branch_id=info.id, name=name, joined_on=date(2010, 7, 1), full_member_on=date(2011, 7, 1),
                           status=MemberStatus.FULL, status_since=date(2011, 7, 1), is_floating=name in floating)
            mem.status_changes.append(m.MemberStatusChange(status=MemberStatus.PROBATIONARY, changed_on=date(2010, 7, 1)))
            mem.status_changes.append(m.MemberStatusChange(status=MemberStatus.FULL, changed_on=date(2011, 7, 1)))
            s.add(mem)
            s.flush()
            ids[name] = mem.id
    return info.id, ids


def _meeting(db, branch_id, day, rows, expected=None, present=None):
    """A 主题党日 with attendance rows {member_id: (status, reason)}; expected/present default to the rows."""
    with db.transaction() as s:
        mt = m.Meeting(branch_id=branch_id, type=MeetingType.THEME_DAY, held_on=day, title="主题党日",
                       state=MeetingState.FINAL,
                       expected=len(rows) if expected is None else expected,
                       present=sum(1 for st, _ in rows.values() if st is P) if present is None else present)
        for mid, (status, reason) in rows.items():
            mt.attendance.append(m.Attendance(member_id=mid, status=status, reason=reason))
        s.add(mt)


def _inactive(db, as_of):
    return {f.subject: f for f in run_check(db, None, as_of) if f.rule == "MEMBER-INACTIVE-6M"}


@pytest.fixture
def monthly(db):
    """甲 attends every month; 乙 is on sick leave from February; 丙 is absent without a reason; 丁 is a
    流动党员 absent here."""
    branch_id, ids = _branch(db, ["甲", "乙", "丙", "丁"], floating=["丁"])
    _meeting(db, branch_id, FIRST, {i: (P, "") for i in ids.values()})
    for k in range(1, 9):
        _meeting(db, branch_id, add_months(FIRST, k), {ids["甲"]: (P, ""), ids["乙"]: (L, "病假"),
                                                       ids["丙"]: (A, ""), ids["丁"]: (A, "")})
    return db


def test_absence_without_reason_is_due_at_4_months_and_overdue_at_6(monthly):
    assert "丙" not in _inactive(monthly, add_months(FIRST, 4) - timedelta(days=1))
    due = _inactive(monthly, add_months(FIRST, 4))["丙"]
    assert due.severity is Severity.DUE and "《中国共产党章程》" in due.message
    assert _inactive(monthly, add_months(FIRST, 6) - timedelta(days=1))["丙"].severity is Severity.DUE
    overdue = _inactive(monthly, add_months(FIRST, 6))["丙"]
    assert overdue.severity is Severity.OVERDUE and "无正当理由" in overdue.message
    assert "甲" not in _inactive(monthly, add_months(FIRST, 8))


def test_recorded_leave_is_named_and_never_overdue(monthly):
    found = _inactive(monthly, add_months(FIRST, 7))["乙"]
    assert found.severity is Severity.INFO and "请假" in found.message and "病假" in found.message
    assert "MEMBER" not in found.message


def test_a_floating_member_is_named_and_never_overdue(monthly):
    found = _inactive(monthly, add_months(FIRST, 7))["丁"]
    assert found.severity is Severity.INFO and "流动党员" in found.message


def test_a_ledger_listing_only_absentees_that_adds_up_means_the_others_attended(db):
    branch_id, ids = _branch(db, ["甲", "乙", "丙"])
    _meeting(db, branch_id, FIRST, {i: (P, "") for i in ids.values()})
    for k in range(1, 8):  # 应到 3 = the roll, 实到 2, one absentee listed: 甲 and 乙 attended
        _meeting(db, branch_id, add_months(FIRST, k), {ids["丙"]: (A, "")}, expected=3, present=2)
    found = _inactive(db, add_months(FIRST, 7))
    assert set(found) == {"丙"} and found["丙"].severity is Severity.OVERDUE


def test_unknown_attendance_is_awaiting_material_not_absence(db):
    branch_id, ids = _branch(db, ["甲", "乙", "丙"])
    _meeting(db, branch_id, FIRST, {i: (P, "") for i in ids.values()})
    for k in range(1, 8):  # 应到 3, 实到 1, only 丙 listed: who else was away is not known
        _meeting(db, branch_id, add_months(FIRST, k), {ids["丙"]: (A, "")}, expected=3, present=1)
    found = _inactive(db, add_months(FIRST, 7))
    assert found["丙"].severity is Severity.OVERDUE  # listed as absent each time
    for name in ("甲", "乙"):
        assert found[name].severity is Severity.INFO and found[name].message.startswith("资料待补")
        assert "出勤情况不明" in found[name].message


def test_a_ledger_without_any_attendance_is_unknown_for_everyone(db):
    branch_id, ids = _branch(db, ["甲", "乙"])
    _meeting(db, branch_id, FIRST, {i: (P, "") for i in ids.values()})
    for k in range(1, 8):  # 应到 2, 实到 1, nobody named
        _meeting(db, branch_id, add_months(FIRST, k), {}, expected=2, present=1)
    found = _inactive(db, add_months(FIRST, 7))
    assert {name: f.severity for name, f in found.items()} == {"甲": Severity.INFO, "乙": Severity.INFO}
    assert "有7次会议的出勤情况不明" in found["甲"].message
    # the same ledger with 实到 = 应到 = the roll: everyone attended, nothing to report
    _meeting(db, branch_id, add_months(FIRST, 7) + timedelta(days=1), {}, expected=2, present=2)
    assert _inactive(db, add_months(FIRST, 7) + timedelta(days=1)) == {}


# ---------------------------------------------------------------- PROBATION-END from the roster


def _probationary(db, name, joined, extension=0):
    info = create_branch(db, "测试社区党支部", "中共测试街道工委", "甲", elected_on=date(2024, 1, 5))
    with db.transaction() as s:
        mem = m.Member(branch_id=info.id, name=name, joined_on=joined, status=MemberStatus.PROBATIONARY,
                       status_since=joined, probation_extension_months=extension)
        mem.status_changes.append(m.MemberStatusChange(status=MemberStatus.PROBATIONARY, changed_on=joined))
        s.add(mem)


def _probation(db, as_of):
    return [(f.severity, f.date) for f in run_check(db, None, as_of) if f.rule == "PROBATION-END"]


def test_probation_end_for_a_probationary_member_without_a_development_file(db):
    joined = date(2025, 3, 15)
    _probationary(db, "小周", joined)
    end = date(2026, 3, 15)
    assert _probation(db, end - timedelta(days=31)) == []
    assert _probation(db, end - timedelta(days=30)) == [(Severity.DUE, end)]
    assert _probation(db, end) == [(Severity.DUE, end)]
    assert _probation(db, end + timedelta(days=1)) == [(Severity.OVERDUE, end)]
    # never automatic: years later the person is still 预备 and still reported
    found = [f for f in run_check(db, None, date(2028, 1, 1)) if f.rule == "PROBATION-END"]
    assert [f.severity for f in found] == [Severity.OVERDUE] and "不会自动转正" in found[0].message
    assert "《中国共产党发展党员工作细则》" in found[0].message and "PROBATION" not in found[0].message


def test_probation_end_follows_a_recorded_extension(db):
    _probationary(db, "小吴", date(2025, 3, 15), extension=6)
    end = date(2026, 9, 15)
    assert _probation(db, date(2026, 3, 16)) == []
    assert _probation(db, end + timedelta(days=1)) == [(Severity.OVERDUE, end)]


# ---------------------------------------------------------------- MEMBER-INACTIVE-6M for 党费


def test_unpaid_dues_is_its_own_reason_whatever_the_attendance(monthly):
    from decimal import Decimal

    from sqlalchemy import select

    with monthly.transaction() as s:
        ids = dict(s.execute(select(m.Member.name, m.Member.id)).tuples().all())
        for name in ("甲", "丙"):
            for month in range(1, 13):
                paid = name == "丙" or month <= 2  # 甲 attends every month but pays only Jan and Feb
                s.add(m.DuesPayment(member_id=ids[name], year=2025, month=month, due=Decimal("10.00"),
                                    paid=Decimal("10.00") if paid else Decimal("0"),
                                    paid_on=date(2025, month, 15) if paid else None))
    def dues(as_of):
        return {f.subject: f for f in run_check(monthly, None, as_of)
                if f.rule == "MEMBER-INACTIVE-6M" and "未交纳党费" in f.message}

    # 甲 paid to February: March is the first unpaid month; 4 months on (1 July) due, 6 (1 September) overdue
    assert "甲" not in dues(date(2025, 6, 30))
    assert dues(date(2025, 7, 1))["甲"].severity is Severity.DUE
    assert dues(date(2025, 8, 31))["甲"].severity is Severity.DUE
    found = dues(date(2025, 9, 1))["甲"]
    assert found.severity is Severity.OVERDUE and "已连续6个月未交纳党费（2025年3月至2025年8月）" in found.message
    # 丙 pays (reported for attendance only); 乙 and 丁 have no 党费 recorded at all while the branch keeps
    # its ledger from January: the 党费 ledger counts them unpaid from then (services.dues)
    assert set(dues(date(2025, 9, 1))) == {"甲", "乙", "丁"}
