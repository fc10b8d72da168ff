"""首页: today's reminders, most urgent first, and the few figures a secretary looks at."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, select

from dangjian_desktop.core.development import STAGES, step
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import ApplicantStatus, AttendanceStatus, MemberStatus, Severity
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.services.check import run_check
from dangjian_desktop.services.first_day import start_steps
from dangjian_desktop.services.meetings import TypeCount, year_counts


@dataclass(frozen=True)
class Count:
    label: str
    value: int


@dataclass(frozen=True)
class MonthRate:
    month: int
    expected: int
    present: int

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


@dataclass
class Dashboard:
    as_of: date
    reminders: list[Finding]
    branch_id: int = 0
    members_by_status: list[Count] = field(default_factory=list)
    members_by_group: list[Count] = field(default_factory=list)
    meetings: list[TypeCount] = field(default_factory=list)
    attendance_by_month: list[MonthRate] = field(default_factory=list)
    applicants_by_stage: list[Count] = field(default_factory=list)
    start: list = field(default_factory=list)  # services.first_day.StartStep: the first day's checklist

    @property
    def overdue(self) -> list[Finding]:
        return [f for f in self.reminders if f.severity in (Severity.VIOLATION, Severity.OVERDUE)]


def reminders(db: Database, branch_id: int, as_of: date) -> list[Finding]:
    """The findings of `check` for one branch, most urgent first."""
    return run_check(db, [branch_id], as_of)


def meeting_counts(db: Database, branch_id: int, year: int, as_of: date | None = None) -> list[TypeCount]:
    """Meetings held in `year` by type beside what the rules require (the year grid's own sums)."""
    return year_counts(db, branch_id, year, as_of)


def _year_filter(db: Database, column, year: int):
    if db.is_sqlite:
        return func.strftime("%Y", column) == str(year)
    return func.extract("year", column) == year


def attendance_by_month(db: Database, branch_id: int, year: int) -> list[MonthRate]:
    """Expected and present members per month, over meetings that keep attendance."""
    with db.session() as s:
        month = (func.cast(func.strftime("%m", m.Meeting.held_on), m.Integer) if db.is_sqlite
                 else func.extract("month", m.Meeting.held_on))
        rows = s.execute(
            select(month, func.count(m.Attendance.id),
                   func.sum(case((m.Attendance.status == AttendanceStatus.PRESENT, 1), else_=0)))
            .join(m.Meeting, m.Attendance.meeting_id == m.Meeting.id)
            .where(m.Meeting.branch_id == branch_id, _year_filter(db, m.Meeting.held_on, year))
            .group_by(month)).all()
    by_month = {int(mo): (int(exp), int(pres or 0)) for mo, exp, pres in rows}
    return [MonthRate(mo, *by_month.get(mo, (0, 0))) for mo in range(1, 13)]


def member_counts(db: Database, branch_id: int) -> tuple[list[Count], list[Count]]:
    """Members on the roll by status, and by 党小组."""
    with db.session() as s:
        by_status = dict(s.execute(
            select(m.Member.status, func.count(m.Member.id))
            .where(m.Member.branch_id == branch_id).group_by(m.Member.status)).all())
        by_group = s.execute(
            select(func.coalesce(m.PartyGroup.name, "未编入党小组"), func.count(m.Member.id))
            .select_from(m.Member).outerjoin(m.PartyGroup, m.Member.group_id == m.PartyGroup.id)
            .where(m.Member.branch_id == branch_id,
                   m.Member.status.in_([MemberStatus.FULL, MemberStatus.PROBATIONARY]))
            .group_by(m.PartyGroup.name, m.PartyGroup.sort_order).order_by(m.PartyGroup.sort_order)).all()
    statuses = [Count(st.label, by_status.get(st, 0)) for st in MemberStatus]
    return statuses, [Count(name, n) for name, n in by_group]


def applicants_by_stage(db: Database, branch_id: int, as_of: date | None = None) -> list[Count]:
    """People in the procedure by stage, as the 发展党员 board places them (development.board: active
    applicants, each in the stage of the last step done by `as_of`, the first stage if none). Counted
    in one statement: building the board's cards (every file, its facts and findings) only to count
    them held 首页 back by most of a second on a 党委's database."""
    as_of = as_of or date.today()
    a, st = m.Applicant.__table__.c, m.DevelopmentStep.__table__.c
    last = (select(func.max(st.step_no))
            .where(st.applicant_id == a.id, st.done_on.is_not(None), st.done_on <= as_of).scalar_subquery())
    with db.engine.connect() as conn:
        lasts = conn.scalars(select(last).where(a.branch_id == branch_id, a.status == ApplicantStatus.ACTIVE)).all()
    stages = Counter(step(no).stage if no else 1 for no in lasts)
    return [Count(s.short, stages.get(s.no, 0)) for s in STAGES]


def dashboard(db: Database, branch_id: int, as_of: date | None = None) -> Dashboard:
    """Everything 首页 shows for a branch as of a date."""
    as_of = as_of or date.today()
    by_status, by_group = member_counts(db, branch_id)
    return Dashboard(
        as_of=as_of,
        branch_id=branch_id,
        reminders=reminders(db, branch_id, as_of),
        members_by_status=by_status,
        members_by_group=by_group,
        meetings=meeting_counts(db, branch_id, as_of.year, as_of),
        attendance_by_month=attendance_by_month(db, branch_id, as_of.year),
        applicants_by_stage=applicants_by_stage(db, branch_id, as_of),
        start=start_steps(db, branch_id, as_of.year),
    )
