"""民主评议党员: each member's outcome (优秀/合格/基本合格/不合格) with the 民主测评 votes, the 处置 track a
不合格 opens (限期改正 / 劝其退党 / 除名) until it is closed, the APPRAISAL-DISPOSAL finding, and the
result table (export kind `appraisal`).

The outcomes are the `appraisal_results` of a 民主评议党员 record (a meeting that serves that type), the same
rows the meeting editor shows; a final record's results change only with a reason, logged like any amendment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangjian_desktop.core import reviews as core
from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import (
    AppraisalOutcome,
    DisposalAction,
    MeetingState,
    MeetingType,
    MemberStatus,
    Severity,
)
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ConcurrentEdit, NotFound, ValidationError
from dangjian_desktop.services.meetings.attendance import status_on

VOTE_FIELDS = ("votes_excellent", "votes_qualified", "votes_basic", "votes_unqualified")


@dataclass(frozen=True)
class AppraisalMeeting:
    """A record of the year that served 民主评议党员."""

    id: int
    held_on: date
    title: str
    state: MeetingState
    present: int | None  # 实到 (None: not recorded)

    @property
    def label(self) -> str:
        return f"{cn(self.held_on)} {self.title}" + ("" if self.state is MeetingState.FINAL else "（草稿）")


@dataclass(frozen=True)
class DisposalInfo:
    id: int
    version: int
    track: core.Disposal

    @property
    def text(self) -> str:
        d = self.track
        parts = [d.action.label]
        if d.decided_on:
            parts.append(f"支部大会{cn(d.decided_on)}决定")
        if d.deadline:
            parts.append(f"限{cn(d.deadline)}前")
        parts.append(f"{cn(d.closed_on)}办结：{d.closing}" if d.closed_on else "未办结")
        return "，".join(parts)


@dataclass(frozen=True)
class AppraisalLine:
    """One member in the 民主评议 table. `points` is the year's 积分 total where 党员积分 is kept (None: not
    shown): one more column in the page and the table once a source fills it."""

    member_id: int
    name: str
    group: str
    result_id: int | None
    outcome: AppraisalOutcome | None
    votes: core.VoteCounts
    note: str
    disposal: DisposalInfo | None = None
    points: Any = None

    @property
    def disposal_text(self) -> str:
        if self.outcome is not AppraisalOutcome.UNQUALIFIED:
            return ""
        return self.disposal.text if self.disposal else "尚未登记处置"


@dataclass(frozen=True)
class AppraisalSheet:
    """A 民主评议 record with a line per member (the roll on its day, and anyone already given a result)."""

    meeting: AppraisalMeeting
    branch: str
    lines: list[AppraisalLine]
    counts: dict[AppraisalOutcome, int] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        done = sum(self.counts.values())
        parts = "，".join(f"{o.label}{self.counts.get(o, 0)}名" for o in AppraisalOutcome)
        return f"参加评议{len(self.lines)}人，已评定{done}人：{parts}。"


# ---------------------------------------------------------------- reading


def appraisal_meetings(db: Database, branch_id: int, year: int) -> list[AppraisalMeeting]:
    """The year's records that served 民主评议党员 (on their own or within the 组织生活会), oldest first."""
    with db.session() as s:
        return _meetings(s, branch_id, year)


def _meetings(s: Session, branch_id: int, year: int) -> list[AppraisalMeeting]:
    M, A = m.Meeting, m.MeetingAlsoType
    also = select(A.meeting_id).where(A.type == MeetingType.APPRAISAL)
    rows = s.execute(select(M.id, M.held_on, M.title, M.state, M.present, M.attendance_known).where(
        M.branch_id == branch_id, M.held_on.between(date(year, 1, 1), date(year, 12, 31)),
        (M.type == MeetingType.APPRAISAL) | M.id.in_(also)).order_by(M.held_on, M.id)).all()
    return [AppraisalMeeting(i, on, title, st, present if known else None) for i, on, title, st, present, known in rows]


def _meeting(s: Session, meeting_id: int) -> m.Meeting:
    mt = s.get(m.Meeting, meeting_id)
    if mt is None:
        raise NotFound(f"没有编号为 {meeting_id} 的会议记录。")
    if MeetingType.APPRAISAL not in (mt.type, *(a.type for a in mt.also)):
        raise ValidationError("这份会议记录不是民主评议党员，不能登记评议结果。")
    return mt


def points_year(held_on: date) -> int:
    """The year whose 党员积分 stand beside a 民主评议: its own year when held from July on, the year before
    when held in the first half (a 评议 in January–March reviews the year just ended)."""
    return held_on.year if held_on.month >= 7 else held_on.year - 1


def sheet(db: Database, meeting_id: int) -> AppraisalSheet:
    """The 民主评议 table of one record: everyone on the roll that day, with outcome, votes and 处置."""
    from dangjian_desktop.services.check import Roster

    with db.session() as s:
        mt = _meeting(s, meeting_id)
        branch = s.get(m.Branch, mt.branch_id)
        R = m.AppraisalResult
        # plain rows, not ORM objects: a 党委-sized branch has a thousand of them
        results = {r.member_id: r for r in s.execute(
            select(R.id, R.member_id, R.outcome, R.note, *(getattr(R, f) for f in VOTE_FIELDS))
            .where(R.meeting_id == mt.id))}
        unqualified = [r.id for r in results.values() if r.outcome is AppraisalOutcome.UNQUALIFIED]
        disposals = {d.result_id: d for d in s.scalars(select(m.UnqualifiedDisposal).where(
            m.UnqualifiedDisposal.result_id.in_(unqualified)))} if unqualified else {}
        people = Roster.read(s, [mt.branch_id]).of_branch(mt.branch_id)
        groups = dict(s.execute(select(m.PartyGroup.id, m.PartyGroup.name)
                                .where(m.PartyGroup.branch_id == mt.branch_id)).tuples().all())
        from dangjian_desktop.services.points import year_totals

        points = year_totals(s, mt.branch_id, points_year(mt.held_on))
        lines = []
        for p in sorted(people, key=lambda p: p.sort):
            st = status_on(p, mt.held_on)
            r = results.get(p.id)
            if r is None and (st is None or not st.on_roll):
                continue
            d = disposals.get(r.id) if r is not None else None
            lines.append(AppraisalLine(
                p.id, p.name, groups.get(p.group_id, ""), r.id if r else None, r.outcome if r else None,
                core.VoteCounts(*(getattr(r, f) for f in VOTE_FIELDS)) if r else core.VoteCounts(),
                r.note if r else "", _info(d) if d is not None else None, points.get(p.id)))
        meeting = AppraisalMeeting(mt.id, mt.held_on, mt.title, mt.state,
                                   mt.present if mt.attendance_known else None)
        counts: dict[AppraisalOutcome, int] = {}
        for line in lines:
            if line.outcome is not None:
                counts[line.outcome] = counts.get(line.outcome, 0) + 1
        return AppraisalSheet(meeting, branch.name, lines, counts)


def _info(d: m.UnqualifiedDisposal) -> DisposalInfo:
    return DisposalInfo(d.id, d.version, core.Disposal(d.action, d.decided_on, d.deadline, d.closed_on,
                                                       d.closing or "", d.note or ""))


# ---------------------------------------------------------------- writing


def _count(value: Any, label: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        n = int(str(value).strip())
    except ValueError:
        raise ValidationError(f"{label}票数“{value}”不是整数。") from None
    if n < 0 or n > 100000:
        raise ValidationError(f"{label}票数“{value}”不合理。")
    return n


def set_result(db: Database, meeting_id: int, member_id: int, outcome: AppraisalOutcome | None,
               votes: core.VoteCounts | tuple | None = None, *, note: str = "", reason: str = "") -> AppraisalLine:
    """Record (or clear, with `outcome` None) one member's outcome and votes at a 民主评议. A final record changes
    only with a reason (logged). A 不合格 with a 处置 on file cannot change until that 处置 is deleted."""
    outcome = AppraisalOutcome(outcome) if outcome else None
    raw = votes.values() if isinstance(votes, core.VoteCounts) else tuple(votes or (None,) * 4)
    counts = [_count(v, o.label) for v, o in zip(raw, AppraisalOutcome)]
    reason = " ".join((reason or "").split())
    with db.transaction() as s:
        mt = _meeting(s, meeting_id)
        member = s.get(m.Member, member_id)
        if member is None or member.branch_id != mt.branch_id:
            raise ValidationError("评议对象不是本支部的党员。")
        total = sum(c or 0 for c in counts)
        if mt.attendance_known and mt.present and total > mt.present:
            raise ValidationError(f"{member.name}的票数合计{total}票，多于这次评议的实到人数{mt.present}人。")
        if any(c is not None for c in counts) and outcome is None:
            raise ValidationError(f"请为{member.name}选择评定结果（票数之外还要写明组织评定的等次）。")
        row = next((r for r in mt.appraisals if r.member_id == member_id), None)
        if row is not None and row.outcome is AppraisalOutcome.UNQUALIFIED and outcome is not AppraisalOutcome.UNQUALIFIED:
            if s.scalar(select(m.UnqualifiedDisposal.id).where(m.UnqualifiedDisposal.result_id == row.id)):
                raise ValidationError(f"{member.name}的不合格已有处置记录：要改评定结果，请先删除处置记录。")
        old = _text(member.name, row)
        if mt.state is MeetingState.FINAL and not reason:
            raise ValidationError("这份民主评议记录已定稿，修改评议结果需要写明原因（将记入修改记录）。")
        if outcome is None:
            if row is not None:
                mt.appraisals.remove(row)
        else:
            if row is None:
                row = m.AppraisalResult(member_id=member_id)
                mt.appraisals.append(row)
            row.outcome, row.note = outcome, (note or "").strip()
            for f, c in zip(VOTE_FIELDS, counts):
                setattr(row, f, c)
        s.flush()
        new = _text(member.name, row if outcome is not None else None)
        if mt.state is MeetingState.FINAL and old != new:
            s.add(m.AuditEntry(table_name="meetings", record_id=mt.id, action="amend", reason=reason,
                               old={"appraisals": old}, new={"appraisals": new}))
    return next(line for line in sheet(db, meeting_id).lines if line.member_id == member_id)


def _text(name: str, row: m.AppraisalResult | None) -> str:
    if row is None:
        return f"{name}:未评定"
    votes = core.VoteCounts(*(getattr(row, f) for f in VOTE_FIELDS))
    shown = "，".join(f"{o.label}{v}票" for o, v in zip(AppraisalOutcome, votes.values()) if v is not None)
    return f"{name}:{AppraisalOutcome(row.outcome).label}" + (f"（{shown}）" if shown else "")


LEAVING_ACTIONS = (DisposalAction.ADVISE_LEAVE, DisposalAction.STRIKE_OFF)
LEAVING_MARK = "民主评议不合格"  # how the status change a closed 处置 writes begins (found again by it)


def _leaves(action: DisposalAction | None, closed_on: date | None) -> bool:
    """A 劝其退党 or 除名 closed: the member is off the roll from the closing day."""
    return closed_on is not None and action in LEAVING_ACTIONS


def _leaving_change(s: Session, member_id: int, closed_on: date | None) -> m.MemberStatusChange | None:
    """The 出党 a closed 处置 wrote (the member's last change, dated its closing day, with the mark)."""
    from dangjian_desktop.services.roll import changes_of

    changes = changes_of(s, member_id)
    last = changes[-1] if changes else None
    if (last is not None and closed_on is not None and last.status is MemberStatus.REMOVED
            and last.changed_on == closed_on and last.reason.startswith(LEAVING_MARK)):
        return last
    return None


def _follow_roll(s: Session, member: m.Member, old: tuple, new: core.Disposal):
    """The roll follows the 处置: closing a 劝其退党 or 除名 takes the member off it on the closing day (出党,
    the history kept); moving that day moves the leaving; reopening it (or making it a 限期改正) takes them
    back. Returns the `Changes` of a taking back (for 撤销), else None."""
    from dangjian_desktop.services.roll import attended_text, changes_of, move_leaving, return_to_roll
    from dangjian_desktop.services.transfers import end_floating_on_leaving

    old_action, old_closed = old
    was = _leaving_change(s, member.id, old_closed) if _leaves(old_action, old_closed) else None
    if was is not None and not _leaves(new.action, new.closed_on):
        return return_to_roll(s, member, was, old_closed)
    if not _leaves(new.action, new.closed_on):
        return None
    reason = f"{LEAVING_MARK}，{new.action.label}：{new.closing}"
    earlier = [c for c in changes_of(s, member.id) if was is None or c.id != was.id]
    if earlier and earlier[-1].changed_on > new.closed_on:
        c = earlier[-1]
        raise ValidationError(f"办结日期（{cn(new.closed_on)}）早于{member.name}的{c.status.label}记录"
                              f"（{cn(c.changed_on)}），名册的先后会颠倒。")
    if (was is not None or member.status.on_roll) and (attended := attended_text(s, member.id,
                                                                               on_or_after=new.closed_on)):
        raise ValidationError(f"{member.name}在{attended}有出勤记录（出席、请假或缺席），{new.action.label}的办结日期"
                              "应在这次会议之后（办结之日起离开名册）；如果那条出勤记录录错了，请先在“三会一课”中更正。")
    if was is not None:
        if was.changed_on != new.closed_on:
            move_leaving(s, member, was.changed_on, new.closed_on)
        was.changed_on, was.reason = new.closed_on, reason
        member.status_since = new.closed_on
        return None
    if not member.status.on_roll:
        return None  # already off the roll (离开名册 recorded by hand): nothing more to do
    s.add(m.MemberStatusChange(member_id=member.id, status=MemberStatus.REMOVED, changed_on=new.closed_on,
                               reason=reason))
    member.status, member.status_since = MemberStatus.REMOVED, new.closed_on
    end_floating_on_leaving(s, member, new.closed_on)
    return None


def save_disposal(db: Database, result_id: int, track: core.Disposal, *, version: int | None = None,
                  today: date | None = None) -> DisposalInfo:
    """Open or update the 处置 of a 不合格 outcome (with `version`: the one the dialog read). Closing a 劝其退党
    or 除名 takes the member off the roll on the closing day; reopening it puts them back (`_follow_roll`)."""
    today = today or date.today()
    track = core.Disposal(DisposalAction(track.action), track.decided_on, track.deadline, track.closed_on,
                          (track.closing or "").strip(), (track.note or "").strip())
    with db.transaction() as s:
        r = s.get(m.AppraisalResult, result_id)
        if r is None:
            raise NotFound("没有这条评议结果。")
        if r.outcome is not AppraisalOutcome.UNQUALIFIED:
            raise ValidationError("只有评定为不合格的党员才需要登记处置。")
        problems = core.disposal_problems(track, r.meeting.held_on, today)
        if problems:
            raise ValidationError(problems[0])
        d = s.scalar(select(m.UnqualifiedDisposal).where(m.UnqualifiedDisposal.result_id == result_id))
        if d is not None and version is not None and d.version != version:
            raise ConcurrentEdit("这条处置记录在你打开之后已被修改（可能在另一个窗口），请关闭后重新打开再改。")
        _follow_roll(s, s.get(m.Member, r.member_id), (d.action, d.closed_on) if d else (None, None), track)
        if d is None:
            d = m.UnqualifiedDisposal(result_id=result_id)
            s.add(d)
        d.action, d.decided_on, d.deadline = track.action, track.decided_on, track.deadline
        d.closed_on, d.closing, d.note = track.closed_on, track.closing, track.note
        s.flush()
        return _info(d)


def delete_disposal(db: Database, disposal_id: int):
    """Remove a 处置 entered by mistake (the GUI keeps it for 撤销, with `disposal_rows` as `also`); a closed
    劝其退党 or 除名 that took the member off the roll takes them back. Returns that change for 撤销."""
    from dangjian_desktop.services.undo import Changes

    with db.transaction() as s:
        d = s.get(m.UnqualifiedDisposal, disposal_id)
        if d is None:
            raise NotFound("没有这条处置记录。")
        member = s.get(m.Member, s.get(m.AppraisalResult, d.result_id).member_id)
        changes = _follow_roll(s, member, (d.action, d.closed_on), core.Disposal(d.action)) or Changes()
        s.delete(d)
    return changes


def disposal_rows(s: Session, disposal_id: int) -> list[tuple[str, list[int]]]:
    """For services.undo: the 出党 status change `delete_disposal` removes with the 处置 (`also`)."""
    d = s.get(m.UnqualifiedDisposal, disposal_id)
    if d is None or not _leaves(d.action, d.closed_on):
        return []
    member_id = s.get(m.AppraisalResult, d.result_id).member_id
    was = _leaving_change(s, member_id, d.closed_on)
    return [("member_status_changes", [was.id])] if was is not None else []


# ---------------------------------------------------------------- APPRAISAL-DISPOSAL


def disposal_findings(s: Session, ctx) -> Iterable[Finding]:
    """APPRAISAL-DISPOSAL: every 不合格 of a 民主评议 held by the day checked whose 处置 is not closed: `due`
    while it runs (or before one is recorded), `overdue` once a 限期改正's deadline has passed."""
    rule = rules.rule(core.DISPOSAL_RULE)
    R, M, D, P = m.AppraisalResult, m.Meeting, m.UnqualifiedDisposal, m.Member
    rows = s.execute(
        select(M.branch_id, M.id, M.held_on, R.member_id, P.name, D.action, D.decided_on, D.deadline, D.closed_on)
        .join(M, M.id == R.meeting_id).join(P, P.id == R.member_id).outerjoin(D, D.result_id == R.id)
        .where(M.branch_id.in_(ctx.branch_ids), R.outcome == AppraisalOutcome.UNQUALIFIED,
               M.held_on <= ctx.as_of).order_by(M.held_on, P.name_strokes)).all()
    for branch_id, meeting_id, held_on, member_id, name, action, decided_on, deadline, closed_on in rows:
        if closed_on is not None and closed_on <= ctx.as_of:
            continue
        ref = ("appraisal", {"meeting_id": meeting_id, "member_id": member_id, "year": held_on.year})
        where = f"在{cn(held_on)}的民主评议中被评定为不合格"
        if action is None:
            yield Finding(core.DISPOSAL_RULE, Severity.DUE, name, held_on,
                          f"{where}，尚未登记处置（限期改正、劝其退党或除名），请研究处置（{rule.citation}）。",
                          ref=ref, branch_id=branch_id)
        elif deadline is not None and deadline < ctx.as_of:
            yield Finding(core.DISPOSAL_RULE, Severity.OVERDUE, name, deadline,
                          f"{where}，{DisposalAction(action).label}的期限{cn(deadline)}已过，尚未办结，"
                          f"请组织考察并作出结论（{rule.citation}）。", ref=ref, branch_id=branch_id)
        else:
            decided = f"支部大会于{cn(decided_on)}决定" if decided_on else ""
            until = f"，期限至{cn(deadline)}" if deadline else ""
            yield Finding(core.DISPOSAL_RULE, Severity.DUE, name, deadline or held_on,
                          f"{where}，{decided}{DisposalAction(action).label}{until}，尚未办结（{rule.citation}）。",
                          ref=ref, branch_id=branch_id)


# ---------------------------------------------------------------- export


def export_table(db: Database, req) -> Path:
    """民主评议党员结果表 (.xlsx) for `req.year` (or the record `req.record_id`): one sheet per 民主评议."""
    from dangjian_desktop.reports.appraisal_table import write_appraisal_table

    year = req.year or date.today().year
    if not 1921 <= year <= 2200:
        raise ValidationError(f"年份 {year} 不合理。")
    if req.record_id is not None:
        sheets = [sheet(db, req.record_id)]
    else:
        sheets = [sheet(db, a.id) for a in appraisal_meetings(db, req.branch_id, year)]
    with db.session() as s:
        branch = s.scalar(select(m.Branch.name).where(m.Branch.id == req.branch_id))
    if branch is None:
        raise NotFound(f"没有编号为 {req.branch_id} 的支部。")
    # a year without a 民主评议 still gives its table, saying so (the year package and 报表 export every kind)
    return write_appraisal_table(req.out, sheets, branch=branch, year=year, progress=req.progress)


def _register() -> None:
    from dangjian_desktop.services.exports import ExportKind, register

    register(ExportKind("appraisal", "民主评议党员结果表", ".xlsx", export_table, needs_year=True, order=37))


_register()
