"""The roll when what took a member off it is corrected: taking them back on when it is withdrawn (a 转出
entered by mistake, a 处置 reopened or deleted: the dated status change goes, the status is the one they had
before it, a 流动党员 record the leaving closed is open again; the `Changes` are what services.undo sets back
on 撤销), moving the day they left, and the meeting a new day would contradict."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import MemberStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.services.undo import Change, Changes


def changes_of(s: Session, member_id: int) -> list[m.MemberStatusChange]:
    """A member's dated history, oldest first."""
    C = m.MemberStatusChange
    return list(s.scalars(select(C).where(C.member_id == member_id).order_by(C.changed_on, C.id)))


def attended_text(s: Session, member_id: int, *, on_or_after: date | None = None,
                  before: date | None = None) -> str:
    """The meeting that binds a new date ("" when none): on or after a day the last one with an attendance
    row of the member (a 转出 must come after it), before a day the first one (a 转入 must come before it)."""
    q = (select(m.Meeting.held_on, m.Meeting.type, m.Meeting.title)
         .join(m.Attendance, m.Attendance.meeting_id == m.Meeting.id).where(m.Attendance.member_id == member_id))
    if on_or_after is not None:
        q = q.where(m.Meeting.held_on >= on_or_after).order_by(m.Meeting.held_on.desc())
    if before is not None:
        q = q.where(m.Meeting.held_on < before).order_by(m.Meeting.held_on)
    row = s.execute(q.limit(1)).first()
    if row is None:
        return ""
    day, kind, title = row
    named = f"“{title}”" if title and title != kind.label else ""
    return f"{cn(day)}的{kind.label}{named}"


def move_leaving(s: Session, member: m.Member, old, new) -> None:
    """The day a member left moved from `old` to `new`: a 流动党员 record the leaving closed ends on the new day."""
    F = m.FloatingRecord
    for rec in s.scalars(select(F).where(F.member_id == member.id, F.until == old)):
        rec.until = max(new, rec.since)


def return_to_roll(s: Session, member: m.Member, leaving: m.MemberStatusChange | None, on) -> Changes:
    """Within a transaction: undo the leaving dated `on` (its status change `leaving`, if recorded)."""
    changes = Changes()
    rest = [c for c in changes_of(s, member.id) if leaving is None or c.id != leaving.id]
    if leaving is not None:
        s.delete(leaving)
    day_before = on - timedelta(days=1)
    prior = [c for c in rest if c.changed_on <= on and c.status.on_roll]
    if prior:
        status, since = prior[-1].status, prior[-1].changed_on
    elif member.full_member_on and member.full_member_on <= day_before:
        status, since = MemberStatus.FULL, member.full_member_on
    elif member.joined_on and not member.full_member_on:
        status, since = MemberStatus.PROBATIONARY, member.joined_on
    else:
        status, since = MemberStatus.FULL, member.full_member_on or member.joined_on
    changes.append(Change("members", "status", member.id, member.status, status))
    changes.append(Change("members", "status_since", member.id, member.status_since, since))
    member.status, member.status_since = status, since
    F = m.FloatingRecord
    closed = s.scalars(select(F).where(F.member_id == member.id).order_by(F.since.desc(), F.id.desc())
                       .limit(1)).first()
    if closed is not None and closed.until == on:  # the leaving had ended it: away again
        changes.append(Change("floating_records", "until", closed.id, closed.until, None))
        changes.append(Change("members", "is_floating", member.id, member.is_floating, True))
        closed.until, member.is_floating = None, True
    return changes
