"""三会一课: what is due: the year grid, held vs required per type, and the MEET-* / MEMBER-INACTIVE-6M findings."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import add_months, cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import AttendanceStatus, MeetingType, Severity
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.services import settings
from dangjian_desktop.services.meetings.attendance import _roster_on


@dataclass
class _BranchMeetings:
    branch_id: int
    start: date | None
    dates: dict[MeetingType, list[date]]
    groups: list[tuple[int, str, date | None, date | None]]  # id, name, start, dissolved_on
    group_dates: dict[int, list[date]]


def _records_start(s: Session, branch_id: int) -> date | None:
    """Where the branch's records start (see `core.records_start`), or when it was entered here."""
    return _records_starts_of(s, [branch_id]).get(branch_id)


def _records_starts_of(s: Session, branch_ids: list[int]) -> dict[int, date | None]:
    """`_records_start` of several branches, in two queries."""
    conn = s.connection()
    firsts = dict(conn.execute(select(m.Meeting.branch_id, func.min(m.Meeting.held_on))
                               .where(m.Meeting.branch_id.in_(branch_ids))
                               .group_by(m.Meeting.branch_id)).tuples().all())
    starts: dict[int, date | None] = {}
    for bid, established, created_at in conn.execute(
            select(m.Branch.id, m.Branch.established_on, m.Branch.created_at)
            .where(m.Branch.id.in_(branch_ids))).all():
        first = firsts.get(bid)
        start = core.records_start(established or None, [first] if first else [])
        if start is None and created_at is not None:
            start = created_at.date()
        starts[bid] = start
    return starts


def _records_starts(s: Session, ctx) -> dict[int, date | None]:
    """`_records_start` of every branch of a check, worked out once per check (MEET-* and
    MEMBER-INACTIVE-6M both need it)."""
    return ctx.shared("meetings.records_start", lambda: _records_starts_of(s, ctx.branch_ids))


def records_start(db: Database, branch_id: int) -> date | None:
    """Where the branch's records start: missing meetings and inactivity are counted from this day."""
    with db.session() as s:
        return _records_start(s, branch_id)


_UNKNOWN = object()


def _branch_meetings(s: Session, branch_id: int, year: int | None = None, start=_UNKNOWN) -> _BranchMeetings:
    """Meeting dates by type and 党小组 (of one year if given) and where each organisation's records start."""
    dates: dict[MeetingType, list[date]] = defaultdict(list)
    group_dates: dict[int, list[date]] = defaultdict(list)
    q = select(m.Meeting.type, m.Meeting.held_on, m.Meeting.group_id).where(m.Meeting.branch_id == branch_id)
    if year is not None:  # the grid of one year needs only that year's dates (and the first dates below)
        q = q.where(m.Meeting.held_on.between(date(year, 1, 1), date(year, 12, 31)))
    for mtype, held_on, group_id in s.connection().execute(q).all():  # Core rows at once: 15,000 for a 党委
        dates[mtype].append(held_on)
        if mtype is MeetingType.GROUP and group_id is not None:
            group_dates[group_id].append(held_on)
    group_first = dict(s.execute(
        select(m.Meeting.group_id, func.min(m.Meeting.held_on))
        .where(m.Meeting.branch_id == branch_id, m.Meeting.type == MeetingType.GROUP, m.Meeting.group_id.is_not(None))
        .group_by(m.Meeting.group_id)).tuples().all())
    if start is _UNKNOWN:
        start = _records_start(s, branch_id)
    groups = []
    for g in s.scalars(select(m.PartyGroup).where(m.PartyGroup.branch_id == branch_id)
                       .order_by(m.PartyGroup.sort_order, m.PartyGroup.id)):
        g_created = g.created_at.date() if g.created_at else None
        g_start = core.records_start(g_created, [group_first[g.id]] if g.id in group_first else [])
        if start is not None and g_start is not None:
            g_start = max(g_start, start)
        groups.append((g.id, g.name, g_start, g.dissolved_on))
    return _BranchMeetings(branch_id, start, dates, groups, group_dates)


def year_grid(db: Database, branch_id: int, year: int, as_of: date | None = None) -> list[core.GridRow]:
    """Months × types (each 党小组 on its own row): held / missing / due / not yet, by the local rules."""
    as_of = as_of or date.today()
    overrides = settings.rule_overrides(db)
    with db.session() as s:
        data = _branch_meetings(s, branch_id, year)
    rows = []
    for mtype in MeetingType:
        freq = core.frequency(mtype, overrides)
        if mtype is MeetingType.GROUP:
            for gid, name, g_start, dissolved in data.groups:
                if dissolved is not None and dissolved < date(year, 1, 1):
                    continue
                rows.append(core.grid_row(freq, f"{mtype.label}（{name}）", gid, year, data.group_dates.get(gid, []),
                                          as_of, g_start, dissolved))
            continue
        rows.append(core.grid_row(freq, mtype.label, None, year, data.dates.get(mtype, []), as_of, data.start))
    return rows


@dataclass(frozen=True)
class TypeCount:
    type: MeetingType
    held: int
    required: int
    frequency: str
    missing: int = 0  # lacking in periods that are over
    pending: int = 0  # still to hold this year

    @property
    def status(self) -> str:
        if self.missing:
            return f"缺{self.missing}次" + (f"，另需{self.pending}次" if self.pending else "")
        if self.pending:
            return f"本年还需{self.pending}次"
        return "完成"


def year_counts(db: Database, branch_id: int, year: int, as_of: date | None = None) -> list[TypeCount]:
    """Held vs required per type for a year (党小组会 summed over the groups)."""
    by_type: dict[MeetingType, list[core.GridRow]] = defaultdict(list)
    for row in year_grid(db, branch_id, year, as_of):
        by_type[row.type].append(row)
    overrides = settings.rule_overrides(db)
    out = []
    for mtype in MeetingType:
        rows = by_type.get(mtype, [])
        freq = core.frequency(mtype, overrides)
        label = freq.label + ("（每个党小组）" if mtype is MeetingType.GROUP else "")
        out.append(TypeCount(mtype, sum(r.held for r in rows), sum(r.required for r in rows), label,
                             sum(r.missing for r in rows), sum(r.pending for r in rows)))
    return out


def meeting_findings(s: Session, ctx) -> Iterable[Finding]:
    """MEET-*: one finding per missing period (per 党小组 for group meetings), and the current period when due."""
    starts = _records_starts(s, ctx)
    for branch_id in ctx.branch_ids:
        data = _branch_meetings(s, branch_id, start=starts.get(branch_id))
        if data.start is None:
            continue
        for mtype in MeetingType:
            freq = core.frequency(mtype, ctx.overrides)
            rule = rules.rule(freq.rule_id)
            if mtype is MeetingType.GROUP:
                targets = [(gid, name, g_start, dissolved, data.group_dates.get(gid, []))
                           for gid, name, g_start, dissolved in data.groups]
            else:
                targets = [(None, "", data.start, None, data.dates.get(mtype, []))]
            for gid, gname, counts_from, until, dates in targets:
                if counts_from is None or counts_from > ctx.as_of:
                    continue
                for st in core.period_statuses(freq, dates, ctx.as_of, counts_from, counts_from, ctx.as_of, until):
                    if st.state not in (core.PeriodState.MISSING, core.PeriodState.DUE):
                        continue
                    what = f"{mtype.label}（{gname}）" if gname else mtype.label
                    held = f"（已开{st.held}次，应至少{st.required}次）" if st.held else ""
                    if st.state is core.PeriodState.MISSING:
                        sev = Severity.OVERDUE
                        msg = f"{st.period.label}未召开{what}{held}。{rule.text}（{rule.citation}）"
                    else:
                        sev = Severity.DUE
                        msg = f"{st.period.label}还没有{what}的记录{held}，本期于{cn(st.period.end)}结束。"
                    ref = ("missing_meeting", {"type": mtype.value, "period": st.period.code, "group_id": gid,
                                               "branch_id": branch_id, "date": st.period.end.isoformat()})
                    yield Finding(freq.rule_id, sev, core.subject(mtype, st.period, gname), st.period.end, msg,
                                  ref=ref, branch_id=branch_id, title=core.subject_title(mtype, st.period, gname))


def inactive_members(s: Session, ctx) -> Iterable[Finding]:
    """MEMBER-INACTIVE-6M: members on the roll who have attended no organisational life for months."""
    due_months = int(ctx.param(core.INACTIVE_RULE, "due_months"))
    overdue_months = int(ctx.param(core.INACTIVE_RULE, "overdue_months"))
    rule = rules.rule(core.INACTIVE_RULE)
    recent_from = add_months(ctx.as_of, -2)
    starts = _records_starts(s, ctx)
    for branch_id in ctx.branch_ids:
        start = starts.get(branch_id)
        if start is None:
            continue
        roster = _roster_on(ctx.roster(s).of_branch(branch_id), ctx.as_of)
        conn = s.connection()
        # each member's last meeting attended, as a subquery per member: SQLite reads the branch's meetings
        # newest first (index branch_id, held_on) and stops at the first one attended, where MAX … GROUP BY
        # over all of them read every meeting for every member asked about (500 members: 2 ms against 150)
        last_attended = (select(func.max(m.Meeting.held_on))
                         .join(m.Attendance, m.Attendance.meeting_id == m.Meeting.id)
                         .where(m.Meeting.branch_id == branch_id, m.Meeting.held_on <= ctx.as_of,
                                m.Attendance.member_id == m.Member.id,
                                m.Attendance.status == AttendanceStatus.PRESENT)
                         .scalar_subquery())
        ids = [member.id for member in roster]
        last = {}
        for chunk in range(0, len(ids), 900):
            last.update((mid, held_on) for mid, held_on in conn.execute(
                select(m.Member.id, last_attended).where(m.Member.id.in_(ids[chunk:chunk + 900]))).all()
                if held_on is not None)
        # attended since recent_from, and that is too recent to be due: nothing to work out
        quiet_from = add_months(recent_from, min(due_months, overdue_months))
        for member in roster:
            if quiet_from > ctx.as_of and (last.get(member.id) or date.min) >= recent_from:
                continue
            counts_from = max(d for d in (member.joined_on, start) if d is not None)
            found = core.inactivity(last.get(member.id), counts_from, ctx.as_of, due_months, overdue_months)
            if found is None:
                continue
            seen = f"最近一次参加是{cn(last[member.id])}" if member.id in last else "本支部记录中没有参加记录"
            if found.severity is Severity.OVERDUE:
                msg = (f"已连续{found.months}个月未参加党的组织生活（{seen}），"
                       f"请尽快了解情况、谈心谈话。{rule.text}（{rule.citation}）")
            else:
                msg = (f"已{found.months}个月未参加党的组织生活（{seen}），"
                       f"满{overdue_months}个月将视为连续{overdue_months}个月不参加组织生活，请及早联系。")
            yield Finding(core.INACTIVE_RULE, found.severity, member.name, add_months(found.since, overdue_months),
                          msg, ref=("member", member.id), branch_id=branch_id)
