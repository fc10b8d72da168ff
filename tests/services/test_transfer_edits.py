"""修改 and 撤销 of a 转出 or 转入 entered wrongly: a new date moves the day the member leaves (joins) the roll
and the dated history with it; a date the records contradict is refused with what contradicts it; taking a
转出 back puts the member on the roll as before (and 撤销 of that takes them off again); taking a 转入 back
removes a person entered by mistake, and is refused once the branch has records of their time here."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from dangjian_desktop.core.glossary import MemberStatus, TransferDirection
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import ConcurrentEdit, ValidationError
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import transfer_edits as te
from dangjian_desktop.services import transfers as ts
from dangjian_desktop.services import undo
from dangjian_desktop.services.dues import record_payment
from dangjian_desktop.services.member_exports import roster_on
from tests.roster_files import id_for
from tests.services.test_inactivity_reasons import P, _meeting
from tests.services.test_transfers import OUT_DAY, TODAY, _names, branch, two  # noqa: F401 (fixtures)

ARRIVE = date(2026, 9, 10)


def _withdraw(db, transfer_id, what="这次转接"):
    return undo.delete(db, "transfers", transfer_id, what, te.withdraw_transfer, also=te.withdrawal_rows)


def _arrived(db, member_id):
    with db.session() as s:
        return s.get(m.Member, member_id).arrived_on


def _arrive(db, branch_id):
    return ts.transfer_in(db, branch_id, name="王五", id_number=id_for(date(1990, 3, 7), True, 5),
                          from_org="中共XX街道第三党支部", on=ARRIVE, letter_no="0042", joined_on=date(2012, 6, 1),
                          full_member_on=date(2013, 6, 1), today=TODAY)


def test_correcting_a_transfer_out_moves_the_day_the_member_left_the_roll(db, branch, two):
    a, _b = two
    ts.save_floating(db, a.id, since=date(2026, 1, 5), place="广东省深圳市", today=TODAY)
    t = ts.transfer_out(db, a.id, "中共XX大学第二党支部", OUT_DAY, reason="工作调动", letter_no="2026-015", today=TODAY)
    earlier = OUT_DAY - timedelta(days=20)
    fixed = te.update_transfer(db, t.id, other_org="中共XX大学计算机学院第二党支部", on=earlier, reason="升学",
                               letter_no="2026-016", version=t.version, today=TODAY)
    assert (fixed.other_org, fixed.moved_on, fixed.reason, fixed.letter_no) == (
        "中共XX大学计算机学院第二党支部", earlier, "升学", "2026-016")
    assert "张三" not in _names(roster_on(db, branch.id, earlier))
    assert "张三" in _names(roster_on(db, branch.id, earlier - timedelta(days=1)))
    last = ms.status_history(db, a.id)[-1]
    assert (last.status, last.changed_on, last.destination) == (MemberStatus.TRANSFERRED_OUT, earlier,
                                                                "中共XX大学计算机学院第二党支部")
    assert ms.get_member(db, a.id).status_since == earlier
    assert ts.list_floating(db, branch.id)[0].until == earlier  # the 流动党员 record the 转出 ended, with it
    with pytest.raises(ConcurrentEdit, match="组织关系转接记录在您打开之后已被其他人修改"):  # filled before this change
        te.update_transfer(db, t.id, other_org="别处", on=earlier, version=t.version, today=TODAY)


def test_a_transfer_out_date_before_a_meeting_the_member_attended_is_refused(db, branch, two):
    a, b = two
    _meeting(db, branch.id, date(2026, 3, 5), {a.id: (P, ""), b.id: (P, "")})
    t = ts.transfer_out(db, a.id, "别处", OUT_DAY, today=TODAY)
    with pytest.raises(ValidationError, match=r"2026年3月5日的主题党日有出勤记录"):
        te.update_transfer(db, t.id, other_org="别处", on=date(2026, 3, 1), today=TODAY)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        te.update_transfer(db, t.id, other_org="别处", on=TODAY + timedelta(days=1), today=TODAY)
    ts.record_receipt(db, t.id, date(2026, 4, 1), today=TODAY)
    with pytest.raises(ValidationError, match="晚于收到回执的日期"):
        te.update_transfer(db, t.id, other_org="别处", on=date(2026, 4, 2), today=TODAY)
    te.update_transfer(db, t.id, other_org="别处", on=date(2026, 3, 6), today=TODAY)  # after the meeting: fine
    assert ms.status_history(db, a.id)[-1].changed_on == date(2026, 3, 6)


def test_taking_a_transfer_out_back_puts_the_member_on_the_roll_and_undo_takes_them_off_again(db, branch, two):
    a, _b = two
    ts.save_floating(db, a.id, since=date(2026, 1, 5), place="广东省深圳市", today=TODAY)
    t = ts.transfer_out(db, a.id, "别处", OUT_DAY, letter_no="7", today=TODAY)
    assert not ms.get_member(db, a.id).is_floating  # the 转出 ended the 流动党员 record
    history = [(c.status, c.changed_on) for c in ms.status_history(db, a.id)]
    deleted = _withdraw(db, t.id)
    back = ms.get_member(db, a.id)
    assert back.on_roll and back.status is MemberStatus.FULL and back.is_floating
    assert [(c.status, c.changed_on) for c in ms.status_history(db, a.id)] == history[:-1]
    assert "张三" in _names(roster_on(db, branch.id, TODAY))
    assert ts.list_transfers(db, branch.id) == []
    assert ts.list_floating(db, branch.id, current_only=True)[0].member_id == a.id

    assert undo.restore(db, deleted) == "已恢复这次转接"
    gone = ms.get_member(db, a.id)
    assert gone.status is MemberStatus.TRANSFERRED_OUT and gone.status_since == OUT_DAY and not gone.is_floating
    assert [(c.status, c.changed_on) for c in ms.status_history(db, a.id)] == history
    [again] = ts.list_transfers(db, branch.id)
    assert (again.id, again.letter_no) == (t.id, "7")
    assert "张三" not in _names(roster_on(db, branch.id, TODAY))


def test_undo_of_a_taken_back_transfer_out_is_refused_once_the_member_has_changed_since(db, branch, two):
    a, _b = two
    t = ts.transfer_out(db, a.id, "别处", OUT_DAY, today=TODAY)
    deleted = _withdraw(db, t.id)
    ms.leave_roll(db, a.id, MemberStatus.DECEASED, date(2026, 10, 1), today=TODAY)
    with pytest.raises(ValidationError, match="无法恢复"):
        undo.restore(db, deleted)
    assert ms.get_member(db, a.id).status is MemberStatus.DECEASED  # nothing half written
    assert ts.list_transfers(db, branch.id) == []


def test_correcting_a_transfer_in_moves_the_day_the_member_joined_the_roll(db, branch, two):
    new = _arrive(db, branch.id)
    [t] = ts.list_transfers(db, branch.id, TransferDirection.IN)
    later = ARRIVE + timedelta(days=25)
    te.update_transfer(db, t.id, other_org="中共XX街道第四党支部", on=later, letter_no="0043", today=TODAY)
    assert _arrived(db, new.id) == later
    assert "王五" not in _names(roster_on(db, branch.id, later - timedelta(days=1)))
    assert "王五" in _names(roster_on(db, branch.id, later))
    first = ms.status_history(db, new.id)[0]
    assert (first.changed_on, first.reason) == (later, "由中共XX街道第四党支部转入")
    # 党费 recorded for September: arriving in October would leave it before the roll
    te.update_transfer(db, t.id, other_org="中共XX街道第四党支部", on=ARRIVE, today=TODAY)
    record_payment(db, branch.id, new.id, 2026 * 12 + 8, amount="20", today=TODAY)
    with pytest.raises(ValidationError, match="2026年9月的党费"):
        te.update_transfer(db, t.id, other_org="中共XX街道第四党支部", on=date(2026, 10, 2), today=TODAY)


def test_taking_a_transfer_in_back_removes_the_person_until_undone(db, branch, two):
    new = _arrive(db, branch.id)
    [t] = ts.list_transfers(db, branch.id, TransferDirection.IN)
    assert te.withdrawal_blocker(db, t.id) == ""
    deleted = _withdraw(db, t.id, "王五的转入")
    assert "王五" not in _names(ms.list_members(db, branch.id))
    with db.session() as s:
        assert s.scalar(select(func.count(m.MemberStatusChange.id)).where(
            m.MemberStatusChange.member_id == new.id)) == 0
    undo.restore(db, deleted)
    back = ms.get_member(db, new.id)
    assert back.on_roll and _arrived(db, new.id) == ARRIVE
    assert [t.id for t in ts.list_transfers(db, branch.id, TransferDirection.IN)] == [t.id]


def test_a_transfer_in_with_records_since_is_not_taken_back_and_the_reason_says_what_to_do(db, branch, two):
    new = _arrive(db, branch.id)
    [t] = ts.list_transfers(db, branch.id, TransferDirection.IN)
    record_payment(db, branch.id, new.id, 2026 * 12 + 9, amount="20", today=TODAY)
    _meeting(db, branch.id, date(2026, 10, 5), {new.id: (P, "")})
    why = te.withdrawal_blocker(db, t.id)
    assert "1 次会议出勤" in why and "1 个月党费" in why and "办理转出" in why and "修改" in why
    with pytest.raises(ValidationError, match="不能撤销转入"):
        _withdraw(db, t.id)
    assert ms.get_member(db, new.id).on_roll


def test_a_transfer_out_followed_by_another_change_is_not_taken_back(db, branch, two):
    new = _arrive(db, branch.id)
    t = ts.transfer_out(db, new.id, "别处", date(2026, 10, 1), today=TODAY)
    [tin] = ts.list_transfers(db, branch.id, TransferDirection.IN)
    assert "转出" in te.withdrawal_blocker(db, tin.id)  # the 转入 has a 转出 after it
    assert te.withdrawal_blocker(db, t.id) == ""
