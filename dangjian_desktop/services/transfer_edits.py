"""Correcting a 转出 or 转入 entered wrongly, and taking one back (撤销, with the program's undo).

修改: the other 党组织, the date, the reason and the 介绍信's number. The date is the day the member left
(转出) or joined (转入) the roll, so the dated history (the status change, `status_since`, `arrived_on`)
moves with it; a date the other records contradict (a meeting attended after leaving, 党费 or a meeting
before arriving, a 转正 between) is refused with what contradicts it.

撤销 a 转出: the member goes back on the roll as they were the day before it (the status change goes, the
status and a 流动党员 record the 转出 had closed come back). 撤销 a 转入: the person was entered by mistake and
goes altogether, as a member deleted on the 党员 page; refused once the branch has kept records of their
time here (meetings, 党费, 学时, 积分, 谈心谈话, 民主评议, 支委): those are real, so the person really came
and, if they have left, it is a 转出. Both come back with 撤销 (services.undo) until the program closes.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import MemberStatus, TransferDirection
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.shared import expect_version
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services.roll import attended_text as _attended
from dangjian_desktop.services.roll import changes_of as _changes
from dangjian_desktop.services.roll import move_leaving, return_to_roll
from dangjian_desktop.services.transfers import TransferInfo, _letter_no, _not_future, _org, get_transfer
from dangjian_desktop.services.undo import Changes


def _transfer(s: Session, transfer_id: int) -> tuple[m.Transfer, m.Member]:
    t = s.get(m.Transfer, transfer_id)
    if t is None:
        raise NotFound(f"没有编号为 {transfer_id} 的组织关系转接记录，可能已被撤销。")
    return t, s.get(m.Member, t.member_id)


def _own_change(s: Session, t: m.Transfer) -> m.MemberStatusChange | None:
    """The dated status change the 转出 or 转入 wrote: 转出 on its day; 转入 the first one on the roll that day."""
    for c in reversed(_changes(s, t.member_id)) if t.direction is TransferDirection.OUT else _changes(s, t.member_id):
        if c.changed_on != t.moved_on:
            continue
        if t.direction is TransferDirection.OUT and c.status is MemberStatus.TRANSFERRED_OUT:
            return c
        if t.direction is TransferDirection.IN and c.status.on_roll:
            return c
    return None


def update_transfer(db: Database, transfer_id: int, *, other_org: str, on: date, reason: str = "",
                    letter_no: str = "", version: int | None = None, today: date | None = None) -> TransferInfo:
    """修改 a 转出 or 转入: where to (from), the day, why, the 介绍信's number. The day moves the member's
    leaving (joining) of the roll with it."""
    today = today or date.today()
    with db.transaction() as s:
        t, member = _transfer(s, transfer_id)
        expect_version(t, version)
        out = t.direction is TransferDirection.OUT
        other_org = _org(other_org, "转往的党组织" if out else "转出的党组织（从哪里转来）")
        _not_future(on, today, "转出日期" if out else "转入日期")
        letter_no = _letter_no(letter_no)
        word = "转出日期" if out else "转入日期"
        if member.joined_on and on < member.joined_on:
            raise ValidationError(f"{word}（{cn(on)}）早于{member.name}的入党日期（{cn(member.joined_on)}）。")
        own = _own_change(s, t)
        others = [c for c in _changes(s, member.id) if own is None or c.id != own.id]
        if on != t.moved_on:
            if out:
                _check_out_day(s, t, member, on, others)
            else:
                _check_in_day(s, t, member, on, others)
        old_day = t.moved_on
        t.other_org, t.moved_on = other_org, on
        t.reason, t.letter_no = (reason or "").strip(), letter_no
        if own is not None:
            own.changed_on = on
            if out:
                own.destination, own.reason = other_org, t.reason
            else:
                own.reason = f"由{other_org}转入"
        if member.status_since == old_day and (own is None or own is _latest(s, member.id)):
            member.status_since = on
        if out and on != old_day:
            move_leaving(s, member, old_day, on)
        if not out:
            member.arrived_on = on
    return get_transfer(db, transfer_id)


def _latest(s: Session, member_id: int) -> m.MemberStatusChange | None:
    changes = _changes(s, member_id)
    return changes[-1] if changes else None


def _check_out_day(s: Session, t: m.Transfer, member: m.Member, on: date, others) -> None:
    if member.arrived_on and on < member.arrived_on:
        raise ValidationError(f"转出日期（{cn(on)}）早于{member.name}转入本支部的日期（{cn(member.arrived_on)}）。")
    if t.receipt_on and on > t.receipt_on:
        raise ValidationError(f"转出日期（{cn(on)}）晚于收到回执的日期（{cn(t.receipt_on)}）。")
    before = [c for c in others if c.changed_on <= t.moved_on]
    if before and on < before[-1].changed_on:
        c = before[-1]
        raise ValidationError(f"转出日期（{cn(on)}）早于{member.name}此前的{c.status.label}记录（{cn(c.changed_on)}），"
                              "名册的先后会颠倒。")
    attended = _attended(s, member.id, on_or_after=on)
    if attended:
        raise ValidationError(f"{member.name}在{attended}有出勤记录（出席、请假或缺席），转出日期应在这次会议之后；"
                              "如果那条出勤记录录错了，请先在“三会一课”中更正。")


def _check_in_day(s: Session, t: m.Transfer, member: m.Member, on: date, others) -> None:
    after = [c for c in others if c.changed_on >= t.moved_on]
    if after and on > after[0].changed_on:
        c = after[0]
        raise ValidationError(f"转入日期（{cn(on)}）晚于{member.name}此后的{c.status.label}记录（{cn(c.changed_on)}），"
                              "名册的先后会颠倒。")
    attended = _attended(s, member.id, before=on)
    if attended:
        raise ValidationError(f"{member.name}在{attended}已有出勤记录（出席、请假或缺席），转入日期不能晚于这次会议；"
                              "如果那条出勤记录录错了，请先在“三会一课”中更正。")
    D = m.DuesPayment
    paid = s.execute(select(D.year, D.month).where(D.member_id == member.id,
                                                 (D.year * 12 + D.month) < on.year * 12 + on.month)
                     .order_by(D.year, D.month).limit(1)).first()
    if paid:
        raise ValidationError(f"{member.name}已登记了{paid[0]}年{paid[1]}月的党费，转入日期不能晚于那个月；"
                              f"如果那笔党费录错了，请先在“党费”中更正。")


# ---------------------------------------------------------------- 撤销


# what a person's time in the branch leaves behind: (table, member column, how the sentence names it)
_RECORDS = (
    (m.Attendance, m.Attendance.member_id, "{n} 次会议出勤"),
    (m.DuesPayment, m.DuesPayment.member_id, "{n} 个月党费"),
    (m.StudyRecord, m.StudyRecord.member_id, "{n} 条学时"),
    (m.PointsEntry, m.PointsEntry.member_id, "{n} 条积分"),
    (m.AppraisalResult, m.AppraisalResult.member_id, "{n} 次民主评议结果"),
    (m.CommitteePostHolder, m.CommitteePostHolder.member_id, "{n} 项支委任职"),
)


def withdrawal_blocker(db: Database, transfer_id: int) -> str:
    """Why this 转出 or 转入 cannot be taken back ("" when it can): what the page asks before offering 撤销."""
    with db.session() as s:
        t, member = _transfer(s, transfer_id)
        return _blocker(s, t, member)


def _blocker(s: Session, t: m.Transfer, member: m.Member) -> str:
    if t.direction is TransferDirection.OUT:
        own = _own_change(s, t)
        if member.status is not MemberStatus.TRANSFERRED_OUT or (own is not None and own is not _latest(s, member.id)):
            return (f"{member.name}在这次转出之后还有别的名册变动（现在：{member.status.label}），"
                    "不能撤销这次转出；请先处理之后的那条记录。")
        return ""
    found = []
    for model, column, words in _RECORDS:
        n = s.scalar(select(func.count()).select_from(model).where(column == member.id)) or 0
        if n:
            found.append(words.format(n=n))
    H = m.HeartTalkPair
    talks = s.scalar(select(func.count(H.id)).where((H.talker_id == member.id) | (H.listener_id == member.id))) or 0
    if talks:
        found.append(f"{talks} 次谈心谈话")
    later = [c for c in _changes(s, member.id) if c.changed_on >= t.moved_on and c is not _own_change(s, t)]
    outs = s.scalar(select(func.count(m.Transfer.id)).where(m.Transfer.member_id == member.id,
                                                           m.Transfer.id != t.id)) or 0
    if found:
        return (f"{member.name}转入以后，本支部已经有{'、'.join(found)}的记录，说明确实转来了，不能撤销转入"
                "（撤销会把这些记录一起删掉）。如果已经离开本支部，请办理转出；如果只是转入日期、介绍信编号等"
                "填错了，请用“修改”更正。")
    if later or outs:
        return (f"{member.name}转入以后名册上还有{'、'.join(c.status.label for c in later) or '转出'}的记录，"
                "不能撤销转入；请先撤销之后的那条记录，或用“修改”更正转入。")
    return ""


def withdrawal_rows(s: Session, transfer_id: int) -> list[tuple[str, list[int]]]:
    """For services.undo: the rows `withdraw_transfer` removes besides the transfer (`also`)."""
    t = s.get(m.Transfer, transfer_id)
    if t is None:
        return []
    if t.direction is TransferDirection.IN:
        return [("members", [t.member_id])]
    own = _own_change(s, t)
    return [("member_status_changes", [own.id])] if own is not None else []


def withdraw_transfer(db: Database, transfer_id: int, *, version: int | None = None) -> Changes:
    """撤销 a 转出 (the member back on the roll) or a 转入 (the person entered by mistake goes); refused
    with the reason when it would break the roll. Returns what changed besides the rows removed, for 撤销."""
    changes = Changes()
    with db.transaction() as s:
        t, member = _transfer(s, transfer_id)
        expect_version(t, version)
        why = _blocker(s, t, member)
        if why:
            raise ValidationError(why)
        old = {"direction": t.direction.value, "member": member.name, "date": t.moved_on.isoformat(),
               "organisation": t.other_org, "letter_no": t.letter_no}
        s.add(m.AuditEntry(table_name="transfers", record_id=t.id, action="delete", reason="撤销误录的" +
                           t.direction.label, old=old))
        if t.direction is TransferDirection.IN:
            s.delete(member)  # with the transfer, the dated history, everything of theirs (kept for 撤销)
            return changes
        own = _own_change(s, t)
        s.delete(t)
        s.flush()
        changes.extend(return_to_roll(s, member, own, t.moved_on))
    return changes
