"""三会一课: what is due: the year grid, held vs required per type, and the MEET-* / MEMBER-INACTIVE-6M findings."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import Period, add_months, cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import (
    AttendanceStatus,
    CommitteeMode,
    MeetingState,
    MeetingType,
    MemberStatus,
    Severity,
)
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.services import settings
from dangjian_desktop.services.meetings.attendance import _roster_on, status_on


@dataclass
class _BranchMeetings:
    """Dates of the final records by every type they served (a combined record counts for each);
    drafts apart: a draft never counts as held."""

    branch_id: int
    start: date | None
    dates: dict[MeetingType, list[date]]
    groups: list[tuple[int, str, date | None, date | None]]  # id, name, start, dissolved_on
    group_dates: dict[int, list[date]]
    drafts: dict[MeetingType, list[date]] = field(default_factory=dict)
    group_drafts: dict[int, list[date]] = field(default_factory=dict)
    committee_mode: str = CommitteeMode.AUTO.value


def committee_exempt(people: Callable[[], Iterable], mode: str, as_of: date) -> Callable[[Period], bool]:
    """The periods in which a branch had no 支部委员会 (fewer than 7 正式党员 on the period's last day,
    or today for the current period; or as the branch's setting says), so no MEET-COMMITTEE-M.
    `people()` gives the branch's people, asked for only when a period without a 支委会 meeting needs it."""
    ordered: list = []
    cache: dict[date, bool] = {}

    def exempt(period: Period) -> bool:
        if mode != CommitteeMode.AUTO.value:
            return not core.has_committee(0, mode)
        day = min(period.end, as_of)
        if day not in cache:
            if not ordered:  # the likely 正式党员 first: counting stops at the 7th in a branch of hundreds
                ordered.extend(sorted(people(), key=lambda p: (p.status is not MemberStatus.FULL,
                                                               p.full_member_on or date.max)))
            full = 0
            for p in ordered:
                if status_on(p, day) is MemberStatus.FULL:
                    full += 1
                    if full >= core.COMMITTEE_MIN_FULL_MEMBERS:
                        break
            cache[day] = not core.has_committee(full, mode)
        return cache[day]
    return exempt

def _records_start(s: Session, branch_id: int) -> date | None:
    """Where the branch's records start (see `core.records_start`), or when it was entered here."""
    return _records_starts_of(s, [branch_id]).get(branch_id)


def _records_starts_of(s: Session, branch_ids: list[int]) -> dict[int, date | None]:
    """`_records_start` of several branches, in two queries."""
    conn = s.connection()
    firsts = dict(conn.execute(select(m.Meeting.branch_id, func.min(m.Meeting.held_on))
                               .where(m.Meeting.branch_id.in_(branch_ids), m.Meeting.state == MeetingState.FINAL)
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
    starts = None if start is _UNKNOWN else {branch_id: start}
    return _branch_meetings_of(s, [branch_id], year, starts)[branch_id]


def _branch_meetings_of(s: Session, branch_ids: list[int], year: int | None = None,
                        starts: dict[int, date | None] | None = None) -> dict[int, _BranchMeetings]:
    """`_branch_meetings` of several branches in six statements, however many branches (`check`: statements
    per branch cost on a server, issue 26); `starts` where each branch's records start, if known."""
    dates: dict[int, dict[MeetingType, list[date]]] = {b: defaultdict(list) for b in branch_ids}
    group_dates: dict[int, dict[int, list[date]]] = {b: defaultdict(list) for b in branch_ids}
    drafts: dict[int, dict[MeetingType, list[date]]] = {b: defaultdict(list) for b in branch_ids}
    group_drafts: dict[int, dict[int, list[date]]] = {b: defaultdict(list) for b in branch_ids}
    conn = s.connection()
    in_year = ()
    if year is not None:  # the grid of one year needs only that year's dates (and the first dates below)
        in_year = (m.Meeting.held_on.between(date(year, 1, 1), date(year, 12, 31)),)
    ours = m.Meeting.branch_id.in_(branch_ids)
    primary = select(m.Meeting.branch_id, m.Meeting.type, m.Meeting.held_on, m.Meeting.group_id,
                     m.Meeting.state).where(ours, *in_year)
    also = (select(m.Meeting.branch_id, m.MeetingAlsoType.type, m.Meeting.held_on, m.Meeting.group_id,
                   m.Meeting.state)
            .join(m.MeetingAlsoType, m.MeetingAlsoType.meeting_id == m.Meeting.id).where(ours, *in_year))
    group_first: dict[int, date] = {}
    for q in (primary, also):
        for bid, mtype, held_on, group_id, state in conn.execute(q).all():  # Core rows at once: 15,000 for a 党委
            mtype = MeetingType(mtype)
            final = state == MeetingState.FINAL
            (dates if final else drafts)[bid][mtype].append(held_on)
            if mtype is MeetingType.GROUP and group_id is not None:
                (group_dates if final else group_drafts)[bid][group_id].append(held_on)
    for q in (select(m.Meeting.group_id, func.min(m.Meeting.held_on))
              .where(ours, m.Meeting.type == MeetingType.GROUP,
                     m.Meeting.group_id.is_not(None), m.Meeting.state == MeetingState.FINAL)
              .group_by(m.Meeting.group_id),
              select(m.Meeting.group_id, func.min(m.Meeting.held_on))
              .join(m.MeetingAlsoType, m.MeetingAlsoType.meeting_id == m.Meeting.id)
              .where(ours, m.MeetingAlsoType.type == MeetingType.GROUP,
                     m.Meeting.group_id.is_not(None), m.Meeting.state == MeetingState.FINAL)
              .group_by(m.Meeting.group_id)):
        for gid, first in s.execute(q).tuples().all():
            group_first[gid] = min(first, group_first.get(gid, first))
    modes = dict(conn.execute(select(m.Branch.id, m.Branch.committee_mode).where(m.Branch.id.in_(branch_ids))).all())
    if starts is None:
        starts = _records_starts_of(s, branch_ids)
    groups: dict[int, list] = {b: [] for b in branch_ids}
    for g in s.scalars(select(m.PartyGroup).where(m.PartyGroup.branch_id.in_(branch_ids))
                       .order_by(m.PartyGroup.sort_order, m.PartyGroup.id)):
        start = starts.get(g.branch_id)
        g_created = g.created_at.date() if g.created_at else None
        g_start = core.records_start(g_created, [group_first[g.id]] if g.id in group_first else [])
        if start is not None and g_start is not None:
            g_start = max(g_start, start)
        groups[g.branch_id].append((g.id, g.name, g_start, g.dissolved_on))
    return {b: _BranchMeetings(b, starts.get(b), dates[b], groups[b], group_dates[b], drafts[b], group_drafts[b],
                               CommitteeMode(modes.get(b) or CommitteeMode.AUTO).value)
            for b in branch_ids}


def year_grid(db: Database, branch_id: int, year: int, as_of: date | None = None) -> list[core.GridRow]:
    """Months × types (each 党小组 on its own row): held / missing / due / not yet, by the local rules."""
    as_of = as_of or date.today()
    overrides = settings.rule_overrides(db)
    with db.session() as s:
        data = _branch_meetings(s, branch_id, year)

        def people() -> list:  # everyone of the branch with the dated history status_on reads (plain rows)
            from dangjian_desktop.services.check import Roster

            return Roster.read(s, [branch_id]).of_branch(branch_id)

        exempt = committee_exempt(people, data.committee_mode, as_of)
        return _grid_rows(data, year, as_of, overrides, exempt)


def _grid_rows(data: _BranchMeetings, year: int, as_of: date, overrides, exempt) -> list[core.GridRow]:
    rows = []
    for mtype in MeetingType:
        freq = core.frequency(mtype, overrides)
        if mtype is MeetingType.GROUP:
            for gid, name, g_start, dissolved in data.groups:
                if dissolved is not None and dissolved < date(year, 1, 1):
                    continue
                rows.append(core.grid_row(freq, f"{mtype.label}（{name}）", gid, year, data.group_dates.get(gid, []),
                                          as_of, g_start, dissolved, drafts_on=data.group_drafts.get(gid, [])))
            continue
        rows.append(core.grid_row(freq, mtype.label, None, year, data.dates.get(mtype, []), as_of, data.start,
                                  exempt=exempt if mtype is MeetingType.COMMITTEE else None,
                                  drafts_on=data.drafts.get(mtype, [])))
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
    every = _branch_meetings_of(s, ctx.branch_ids, starts=starts)
    for branch_id in ctx.branch_ids:
        data = every[branch_id]
        if data.start is None:
            continue
        for mtype in MeetingType:
            freq = core.frequency(mtype, ctx.overrides)
            rule = rules.rule(freq.rule_id)
            exempt = None
            if mtype is MeetingType.COMMITTEE:
                exempt = committee_exempt(lambda b=branch_id: ctx.roster(s).of_branch(b), data.committee_mode,
                                          ctx.as_of)
            if mtype is MeetingType.GROUP:
                targets = [(gid, name, g_start, dissolved, data.group_dates.get(gid, []), data.group_drafts.get(gid, []))
                           for gid, name, g_start, dissolved in data.groups]
            else:
                targets = [(None, "", data.start, None, data.dates.get(mtype, []), data.drafts.get(mtype, []))]
            for gid, gname, counts_from, until, dates, drafts in targets:
                if counts_from is None or counts_from > ctx.as_of:
                    continue
                for st in core.period_statuses(freq, dates, ctx.as_of, counts_from, counts_from, ctx.as_of, until,
                                               exempt):
                    if st.state not in (core.PeriodState.MISSING, core.PeriodState.DUE):
                        continue
                    what = f"{mtype.label}（{gname}）" if gname else mtype.label
                    held = f"（已开{st.held}次，应至少{st.required}次）" if st.held else ""
                    pending = [d for d in drafts if st.period.start <= d <= st.period.end]
                    if pending:
                        held += (f"（本期有{len(pending)}份草稿记录，最近的是{cn(max(pending))}，"
                                 "定稿后才计入已开）")
                    if st.state is core.PeriodState.MISSING:
                        sev = Severity.OVERDUE
                        msg = f"{st.period.label}未召开{what}{held}。{rule.text}（{rule.citation}）"
                    else:
                        sev = Severity.DUE
                        msg = (f"{st.period.label}还没有{what}的记录{held}，本期于{cn(st.period.end)}结束。"
                               f"{rule.text}（{rule.citation}）")
                    ref = ("missing_meeting", {"type": mtype.value, "period": st.period.code, "group_id": gid,
                                               "branch_id": branch_id, "date": st.period.end.isoformat()})
                    yield Finding(freq.rule_id, sev, core.subject(mtype, st.period, gname), st.period.end, msg,
                                  ref=ref, branch_id=branch_id, label=f"{what} {st.period.label}")


def inactive_members(s: Session, ctx) -> Iterable[Finding]:
    """MEMBER-INACTIVE-6M: members on the roll with no organisational life attended for months, naming the
    reason. Only absence without good reason is `due`/`overdue`; recorded leave (请假), a 流动党员 and
    attendance that is not known are `info` with their reason (domain.md: unknown is neither absence nor
    presence)."""
    due_months = int(ctx.param(core.INACTIVE_RULE, "due_months"))
    overdue_months = int(ctx.param(core.INACTIVE_RULE, "overdue_months"))
    rule = rules.rule(core.INACTIVE_RULE)
    recent_from = add_months(ctx.as_of, -2)
    starts = _records_starts(s, ctx)
    rolls = {}  # branch → (its people, those on the roll on the day checked)
    for branch_id in ctx.branch_ids:
        if starts.get(branch_id) is not None:
            people = ctx.roster(s).of_branch(branch_id)
            rolls[branch_id] = (people, _roster_on(people, ctx.as_of))
    conn = s.connection()
    # each member's last meeting attended, as a subquery per member: SQLite reads the branch's meetings
    # newest first (index branch_id, held_on) and stops at the first one attended, where MAX … GROUP BY
    # over all of them read every meeting for every member asked about (500 members: 2 ms against 150);
    # the member's own branch (all branches' members at once: statements per branch cost on a server)
    last_attended = (select(func.max(m.Meeting.held_on))
                     .join(m.Attendance, m.Attendance.meeting_id == m.Meeting.id)
                     .where(m.Meeting.branch_id == m.Member.branch_id, m.Meeting.held_on <= ctx.as_of,
                            m.Meeting.state == MeetingState.FINAL,
                            m.Attendance.member_id == m.Member.id,
                            m.Attendance.status == AttendanceStatus.PRESENT)
                     .scalar_subquery())
    if conn.dialect.name == "postgresql":
        # PostgreSQL plans that MAX by reading all of each member's attendance (four seconds a branch
        # of a 党委 under load, most of `check`): said as "the newest meeting of the branch at which
        # the member's attendance is 出席", it walks the meetings newest first and looks each one up
        # by (meeting_id, member_id), as SQLite does with the MAX (issue 26)
        status_there = (select(m.Attendance.status)
                        .where(m.Attendance.meeting_id == m.Meeting.id, m.Attendance.member_id == m.Member.id)
                        .correlate(m.Meeting, m.Member).scalar_subquery())
        last_attended = (select(m.Meeting.held_on)
                         .where(m.Meeting.branch_id == m.Member.branch_id, m.Meeting.held_on <= ctx.as_of,
                                m.Meeting.state == MeetingState.FINAL,
                                status_there == AttendanceStatus.PRESENT)
                         .order_by(m.Meeting.held_on.desc()).limit(1)
                         .correlate(m.Member).scalar_subquery())
    ids = [member.id for _, roster in rolls.values() for member in roster]
    last = {}
    for chunk in range(0, len(ids), 900):
        last.update((mid, held_on) for mid, held_on in conn.execute(
            select(m.Member.id, last_attended).where(m.Member.id.in_(ids[chunk:chunk + 900]))).all()
            if held_on is not None)
    # attended since recent_from, and that is too recent to be due: nothing to work out
    quiet_from = add_months(recent_from, min(due_months, overdue_months))
    work = {}  # branch → (its people, its candidates with the day their absence counts from)
    for branch_id, (people, roster) in rolls.items():
        start = starts[branch_id]
        candidates = []
        for member in roster:
            if quiet_from > ctx.as_of and (last.get(member.id) or date.min) >= recent_from:
                continue
            counts_from = max(d for d in (member.joined_on, member.arrived_on, start) if d is not None)
            if core.inactivity(last.get(member.id), counts_from, ctx.as_of, due_months, overdue_months) is None:
                continue
            candidates.append((member, counts_from))
        if candidates:
            work[branch_id] = (people, candidates)
    if not work:
        return
    evidence = _evidence_after(conn, work, last, ctx.as_of)
    from dangjian_desktop.services.transfers import floating_states

    floating = floating_states(s, [(member.id, member.is_floating) for _, candidates in work.values()
                                   for member, _ in candidates], ctx.as_of)
    for branch_id, (_, candidates) in work.items():
        for member, counts_from in candidates:
            present, leave, reason, unknown = evidence[member.id]
            j = core.judge_inactivity(present, leave, unknown, floating[member.id], counts_from, ctx.as_of,
                                      due_months, overdue_months)
            if j is None:
                continue
            seen = f"最近一次参加是{cn(present)}" if present else "本支部记录中没有参加记录"
            if j.reason == core.REASON_FLOATING:
                msg = (f"资料待补：{member.name}是流动党员，本支部记录中已{j.months}个月没有参加组织生活（{seen}），"
                       f"还没有登记是否在流入地党组织参加组织生活。在流入地党组织参加组织生活的，不属于不参加组织生活，"
                       f"请与流入地党组织核实后在“组织关系 → 流动党员”中登记（依据{rule.citation}）。")
            elif j.reason == core.REASON_FLOATING_ABSENT:
                verdict = ("已" if j.severity is Severity.OVERDUE else "") + f"连续{j.months}个月"
                msg = (f"{member.name}是流动党员，登记为没有在流入地党组织参加组织生活，{verdict}未参加党的组织生活"
                       f"（{seen}）。请联系本人，督促其就近参加流入地党组织的组织生活或回本支部参加"
                       f"（依据{rule.citation}）。")
            elif j.reason == core.REASON_LEAVE:
                why = f"，原因：{reason}" if reason else ""
                msg = (f"已{j.months}个月没有参加党的组织生活（{seen}），期间已请假（最近一次{cn(leave)}{why}），"
                       f"属有正当理由，不按无正当理由不参加组织生活处理；请关心了解情况（依据{rule.citation}）。")
            elif j.reason == core.REASON_UNKNOWN:
                msg = (f"资料待补：{cn(j.since)}以后有{unknown}次会议的出勤情况不明（会议记录没有记出席名单，或只记了缺席人员且人数对不上），"
                       f"无法判断是否参加；出勤情况不明不算缺席，请补全这几次会议的出勤记录（依据{rule.citation}）。")
            elif j.severity is Severity.OVERDUE:
                msg = (f"无正当理由已连续{j.months}个月未参加党的组织生活（{seen}），"
                       f"请尽快了解情况、谈心谈话。{rule.text}（{rule.citation}）")
            else:
                msg = (f"已{j.months}个月未参加党的组织生活（{seen}），"
                       f"满{overdue_months}个月将视为连续{overdue_months}个月不参加组织生活，请及早联系"
                       f"（依据{rule.citation}）。")
            yield Finding(core.INACTIVE_RULE, j.severity, member.name, add_months(j.since, overdue_months),
                          msg, ref=("member", member.id), branch_id=branch_id)


def _evidence_after(conn, work: dict[int, tuple[list, list]], last: dict[int, date],
                    as_of: date) -> dict[int, tuple[date | None, date | None, str, int]]:
    """For each candidate (`work`: branch → its people and candidates), what the meetings of their branch
    from their last attendance on say: (last present, counting a ledger that lists only absentees and adds up
    as presence; last 请假 and its reason; how many meetings after both have unknown attendance). Reads the
    meetings from the earliest of those dates, each candidate's own attendance rows, and row counts only of the
    meetings that do not list a candidate: for all branches at once."""
    candidates = [c for _, branch_candidates in work.values() for c in branch_candidates]
    since = {member.id: max(d for d in (last.get(member.id), counts_from) if d is not None)
             for member, counts_from in candidates}
    # final records only (a draft or a plan is not a meeting held); a combined record's scope is the
    # widest of its types' (主题党日暨支部党员大会: the whole branch); each branch's from its own earliest day
    from_day = or_(*(and_(m.Meeting.branch_id == branch_id, m.Meeting.held_on >= min(since[p.id] for p, _ in cs))
                     for branch_id, (_, cs) in work.items()))
    rows = conn.execute(
        select(m.Meeting.id, m.Meeting.type, m.Meeting.held_on, m.Meeting.group_id, m.Meeting.expected,
               m.Meeting.present, m.Meeting.attendance_known, m.Meeting.branch_id)
        .where(from_day, m.Meeting.held_on <= as_of, m.Meeting.type != MeetingType.HEART_TALK,
               m.Meeting.state == MeetingState.FINAL)
        .order_by(m.Meeting.held_on, m.Meeting.id)).all()
    of_branch: dict[int, list] = defaultdict(list)
    for row in rows:
        of_branch[row.branch_id].append(row)
    ids = [row.id for row in rows]
    also: dict[int, list[MeetingType]] = defaultdict(list)
    for chunk in range(0, len(ids), 900):
        for mid, t in conn.execute(select(m.MeetingAlsoType.meeting_id, m.MeetingAlsoType.type)
                                   .where(m.MeetingAlsoType.meeting_id.in_(ids[chunk:chunk + 900]))):
            also[mid].append(MeetingType(t))
    scope = {mt.id: core.attendance_scope([MeetingType(mt.type), *also.get(mt.id, [])]) for mt in rows}
    mine: dict[tuple[int, int], tuple[AttendanceStatus, str]] = {}
    wanted = [member.id for member, _ in candidates]
    for chunk in range(0, len(ids), 900):
        for start in range(0, len(wanted), 900):
            for mid, member_id, status, reason in conn.execute(
                    select(m.Attendance.meeting_id, m.Attendance.member_id, m.Attendance.status, m.Attendance.reason)
                    .where(m.Attendance.meeting_id.in_(ids[chunk:chunk + 900]),
                           m.Attendance.member_id.in_(wanted[start:start + 900]))).all():
                mine[(mid, member_id)] = (status, reason or "")
    # first pass: each candidate's own rows; the meetings that do not list them, where they were expected
    found: dict[int, list] = {}
    unlisted: dict[int, list] = {}
    for member, _ in candidates:
        present, leave, reason, gaps = last.get(member.id), None, "", []
        for mt in of_branch.get(member.branch_id, ()):
            if mt.held_on < since[member.id]:  # the day itself counts: records may start with a meeting all attended
                continue
            row = mine.get((mt.id, member.id))
            if row is not None:
                status, why = row
                if status is AttendanceStatus.PRESENT:
                    present = max(present or mt.held_on, mt.held_on)
                elif status is AttendanceStatus.LEAVE:
                    leave, reason = mt.held_on, why
                continue
            if scope[mt.id] == "group" and mt.group_id != member.group_id:
                continue
            if scope[mt.id] not in ("branch", "group"):  # a committee's roll is its members: listed when expected
                continue
            st = status_on(member, mt.held_on)
            if st is not None and st.on_roll:
                gaps.append(mt)
        found[member.id] = [present, leave, reason]
        unlisted[member.id] = gaps
    # second pass: how many rows each of those meetings has (complete list, or absentees only)
    counted = sorted({mt.id for gaps in unlisted.values() for mt in gaps})
    rows_per_meeting: dict[int, tuple[int, int]] = {}  # meeting → (attendance rows, rows not present)
    for chunk in range(0, len(counted), 900):
        for mid, n, away in conn.execute(
                select(m.Attendance.meeting_id, func.count(),
                       func.sum(case((m.Attendance.status == AttendanceStatus.PRESENT, 0), else_=1)))
                .where(m.Attendance.meeting_id.in_(counted[chunk:chunk + 900]))
                .group_by(m.Attendance.meeting_id)).all():
            rows_per_meeting[mid] = (n, int(away or 0))
    roll_cache: dict[tuple[int, date, int | None], int] = {}

    def roll(branch_id: int, day: date, group_id: int | None) -> int:
        key = (branch_id, day, group_id)
        if key not in roll_cache:
            roll_cache[key] = sum(1 for p in _roster_on(work[branch_id][0], day)
                                  if group_id is None or p.group_id == group_id)
        return roll_cache[key]

    out = {}
    for member, _ in candidates:
        present, leave, reason = found[member.id]
        unknown_on = []
        for mt in unlisted[member.id]:
            n, away = rows_per_meeting.get(mt.id, (0, 0))
            if not mt.attendance_known:  # the record says attendance was not recorded: unknown, not absent
                unknown_on.append(mt.held_on)
                continue
            if mt.expected is not None and n and n >= mt.expected:  # a complete list without this member
                continue
            # a ledger that lists only absentees: everyone else on the roll attended when the numbers add up
            # (a count not given, None once the record model says "unknown", is never taken as adding up)
            expected, attended = mt.expected, mt.present
            group = mt.group_id if scope[mt.id] == "group" else None
            if expected and attended is not None and expected - away == attended \
                    and expected == roll(member.branch_id, mt.held_on, group):
                present = max(present or mt.held_on, mt.held_on)
            else:
                unknown_on.append(mt.held_on)
        accounted = max((d for d in (present, leave) if d is not None), default=None)
        out[member.id] = (present, leave, reason,
                          sum(1 for d in unknown_on if accounted is None or d > accounted))
    return out
