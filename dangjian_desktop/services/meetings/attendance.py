"""三会一课: who was expected at a meeting on its date, and attendance per member over a period."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core.glossary import AttendanceStatus, MeetingState, MeetingType, MemberStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services.meetings.model import AttendanceRow


def status_on(member: m.Member, d: date) -> MemberStatus | None:
    """The member's status on a day from the dated history (None: not yet, or not known, a member)."""
    if member.joined_on is not None and member.joined_on > d:
        return None
    arrived = getattr(member, "arrived_on", None)  # 转入: before it the person was on another branch's roll
    if arrived is not None and arrived > d:
        return None
    latest = None  # the last change on or before d, by (changed_on, id): one pass, no list (check: 10,000 members)
    for c in member.status_changes:
        if c.changed_on <= d and (latest is None or c.changed_on > latest.changed_on
                                  or (c.changed_on == latest.changed_on and (c.id or 0) > (latest.id or 0))):
            latest = c
    if latest is not None:
        return latest.status
    if member.status_changes:  # the dated history starts after d
        first = min(member.status_changes, key=lambda c: c.changed_on)
        if first.status is MemberStatus.PROBATIONARY:
            return None  # not yet accepted
        if first.status is MemberStatus.FULL:
            return MemberStatus.PROBATIONARY if member.joined_on else None
        # the first thing recorded is leaving: before it the person was on the roll
        return (MemberStatus.PROBATIONARY if member.full_member_on and member.full_member_on > d
                else MemberStatus.FULL)
    # no history at all: the current status, from status_since on
    if not member.status.on_roll and member.status_since is not None and member.status_since <= d:
        return member.status
    if member.status is MemberStatus.FULL and member.full_member_on and member.full_member_on > d:
        return MemberStatus.PROBATIONARY
    return member.status if member.status.on_roll else MemberStatus.FULL


def _members_on(s: Session, branch_id: int, d: date, group_id: int | None = None,
                member_ids: set[int] | None = None) -> list[tuple[m.Member, MemberStatus]]:
    q = select(m.Member).where(m.Member.branch_id == branch_id).options(selectinload(m.Member.status_changes),
                                                                       selectinload(m.Member.group))
    if group_id is not None:
        q = q.where(m.Member.group_id == group_id)
    if member_ids is not None:
        q = q.where(m.Member.id.in_(member_ids))
    out = []
    for member in s.scalars(q):
        st = status_on(member, d)
        if st is not None and st.on_roll:
            out.append((member, st))
    out.sort(key=lambda ms: (ms[0].group.sort_order if ms[0].group else 99, ms[0].name_strokes or "", ms[0].name))
    return out


def _roster_on(people: Iterable, d: date) -> list:
    """Of `people` (the check's shared roster of one branch), those on the roll on `d`, in roster order
    (党小组, strokes, name): `_members_on` without ORM objects, the same people in the same order."""
    out = [p for p in people if (st := status_on(p, d)) is not None and st.on_roll]
    out.sort(key=lambda p: p.sort)
    return out


def _committee_member_ids(s: Session, branch_id: int, d: date) -> list[int]:
    terms = list(s.scalars(select(m.CommitteeTerm).where(m.CommitteeTerm.branch_id == branch_id)
                           .order_by(m.CommitteeTerm.elected_on)))
    covering = [t for t in terms if t.elected_on <= d and (t.ended_on is None or t.ended_on > d)]
    # a meeting before the first recorded term: the first term is the best guess (the editor can adjust)
    term = covering[-1] if covering else (terms[0] if terms else None)
    if term is None:
        return []
    return [p.member_id for p in term.posts if p.member_id is not None
            and (p.started_on is None or p.started_on <= d or not covering)
            and (p.ended_on is None or p.ended_on > d)]


def _expected(s: Session, branch_id: int, mtype: MeetingType, d: date, group_id: int | None,
              also: Iterable[MeetingType] = ()) -> list[AttendanceRow]:
    scope = core.attendance_scope([mtype, *also])
    if scope == "none":
        return []
    if scope == "group":
        if group_id is None:
            return []
        people = _members_on(s, branch_id, d, group_id=group_id)
    elif scope == "committee":
        ids = _committee_member_ids(s, branch_id, d)
        people = _members_on(s, branch_id, d, member_ids=set(ids)) if ids else []
    else:
        people = _members_on(s, branch_id, d)
    return [AttendanceRow(mem.id, mem.name, mem.group.name if mem.group else "", AttendanceStatus.PRESENT, "",
                          st is MemberStatus.FULL) for mem, st in people]


def expected_attendees(db: Database, branch_id: int, mtype: MeetingType, held_on: date,
                       group_id: int | None = None, also: Iterable[MeetingType] = ()) -> list[AttendanceRow]:
    """应到: who was a member of the branch / the committee / the group on the meeting's date
    (a combined meeting: the widest of its types), all marked present to start with; 预备党员 have
    `can_vote` False."""
    with db.session() as s:
        return _expected(s, branch_id, MeetingType(mtype), held_on, group_id,
                         [MeetingType(t) for t in also])


@dataclass(frozen=True)
class MemberAttendance:
    member_id: int
    name: str
    group: str
    status: str
    expected: int
    present: int
    leave: int
    absent: int
    last_attended: date | None

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


def attendance_by_member(db: Database, branch_id: int, start: date, end: date) -> list[MemberAttendance]:
    """For each member on the roll during [start, end]: final records expected at, present, 请假, 缺席
    (drafts are not meetings held)."""
    if end < start:
        raise ValidationError("统计区间的结束日期早于开始日期。")
    with db.session() as s:
        counts: dict[int, dict[AttendanceStatus, int]] = defaultdict(lambda: defaultdict(int))
        for mid, status, n in s.execute(
                select(m.Attendance.member_id, m.Attendance.status, func.count())
                .join(m.Meeting, m.Meeting.id == m.Attendance.meeting_id)
                .where(m.Meeting.branch_id == branch_id, m.Meeting.held_on.between(start, end),
                       m.Meeting.state == MeetingState.FINAL)  # a draft (a plan) is not a meeting held
                .group_by(m.Attendance.member_id, m.Attendance.status)):
            counts[mid][status] += n
        last = dict(s.execute(
            select(m.Attendance.member_id, func.max(m.Meeting.held_on))
            .join(m.Meeting, m.Meeting.id == m.Attendance.meeting_id)
            .where(m.Meeting.branch_id == branch_id, m.Attendance.status == AttendanceStatus.PRESENT,
                   m.Meeting.held_on <= end, m.Meeting.state == MeetingState.FINAL)
            .group_by(m.Attendance.member_id)).tuples().all())
        on_roll = {mem.id: (mem, st) for mem, st in _members_on(s, branch_id, end)}
        for mem, st in _members_on(s, branch_id, start):  # left during the period: still listed
            on_roll.setdefault(mem.id, (mem, st))
        out = []
        for mid, (mem, st) in on_roll.items():
            c = counts.get(mid, {})
            total = sum(c.values())
            out.append(MemberAttendance(mid, mem.name, mem.group.name if mem.group else "", st.label, total,
                                        c.get(AttendanceStatus.PRESENT, 0), c.get(AttendanceStatus.LEAVE, 0),
                                        c.get(AttendanceStatus.ABSENT, 0), last.get(mid)))
    return out
