"""The numbers of the 年度组织生活情况报告: what was held, who came, who joined and left."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, case, func, select

from dangjian_desktop.core.development import STAGES
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import (
    AppraisalOutcome,
    AttendanceStatus,
    BirthdayObservance,
    MeetingState,
    MeetingType,
    MemberStatus,
)
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.services.branches import get_branch
from dangjian_desktop.services.check import run_check
from dangjian_desktop.services.development import list_applicants
from dangjian_desktop.services.meetings import TypeCount, year_counts


@dataclass(frozen=True)
class TypeAttendance:
    type: MeetingType
    expected: int
    present: int

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


@dataclass
class AnnualReport:
    branch: str
    parent_org: str
    secretary: str
    year: int
    as_of: date
    members_full: int = 0
    members_probationary: int = 0
    groups: list[str] = field(default_factory=list)
    meetings: list[TypeCount] = field(default_factory=list)
    attendance: list[TypeAttendance] = field(default_factory=list)
    appraisal: dict[AppraisalOutcome, int] = field(default_factory=dict)
    admitted: list[str] = field(default_factory=list)  # new 预备党员 (入党日期 in the year)
    made_full: list[str] = field(default_factory=list)  # 转正 in the year
    transferred_out: list[str] = field(default_factory=list)
    deceased: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    new_applications: int = 0
    steps_in_year: dict[int, int] = field(default_factory=dict)  # step no → people who did it this year
    applicants_by_stage: dict[int, int] = field(default_factory=dict)  # at year end, active only
    birthdays_due: int = 0  # members on the roll whose 政治生日 fell in the year
    birthdays_marked: int = 0  # of them, how many had it marked at least once
    observances: dict[BirthdayObservance, int] = field(default_factory=dict)
    missing: list[Finding] = field(default_factory=list)

    @property
    def members_total(self) -> int:
        return self.members_full + self.members_probationary

    @property
    def overall_attendance(self) -> float | None:
        exp = sum(a.expected for a in self.attendance)
        return sum(a.present for a in self.attendance) / exp if exp else None


def _in_year(column, year: int):
    return and_(column >= date(year, 1, 1), column <= date(year, 12, 31))


def annual_report(db: Database, branch_id: int, year: int, today: date | None = None) -> AnnualReport:
    """Everything the report states for `year`, as recorded (up to today for the current year)."""
    today = today or date.today()
    end = min(date(year, 12, 31), today)
    info = get_branch(db, branch_id)
    r = AnnualReport(info.name, info.parent_org, info.secretary, year, end, groups=list(info.groups))
    with db.session() as s:
        on_roll_at_end = select(m.Member).where(
            m.Member.branch_id == branch_id, m.Member.joined_on <= end,
            (m.Member.status.in_([MemberStatus.FULL, MemberStatus.PROBATIONARY])) | (m.Member.status_since > end))
        for member in s.scalars(on_roll_at_end):
            if member.full_member_on is not None and member.full_member_on <= end:
                r.members_full += 1
            else:
                r.members_probationary += 1
        att = s.execute(
            select(m.Meeting.type, func.count(m.Attendance.id),
                   func.sum(case((m.Attendance.status == AttendanceStatus.PRESENT, 1), else_=0)))
            .join(m.Attendance, m.Attendance.meeting_id == m.Meeting.id)
            .where(m.Meeting.branch_id == branch_id, _in_year(m.Meeting.held_on, year),
                   m.Meeting.attendance_known.is_(True),  # "not recorded" is neither presence nor absence
                   m.Meeting.state == MeetingState.FINAL)  # a draft is not a meeting held
            .group_by(m.Meeting.type)).all()
        by_type = {t: (int(e), int(p or 0)) for t, e, p in att}
        r.attendance = [TypeAttendance(t, *by_type[t]) for t in MeetingType if t in by_type]
        r.appraisal = dict(Counter(s.scalars(
            select(m.AppraisalResult.outcome).join(m.Meeting)
            .where(m.Meeting.branch_id == branch_id, _in_year(m.Meeting.held_on, year)))))
        members = m.Member.branch_id == branch_id
        r.admitted = list(s.scalars(select(m.Member.name).where(members, _in_year(m.Member.joined_on, year))
                                    .order_by(m.Member.joined_on)))
        r.made_full = list(s.scalars(select(m.Member.name).where(members, _in_year(m.Member.full_member_on, year))
                                     .order_by(m.Member.full_member_on)))
        changes = s.execute(
            select(m.MemberStatusChange.status, m.Member.name).join(m.Member)
            .where(members, _in_year(m.MemberStatusChange.changed_on, year),
                   m.MemberStatusChange.status.in_([MemberStatus.TRANSFERRED_OUT, MemberStatus.DECEASED,
                                                    MemberStatus.REMOVED]))
            .order_by(m.MemberStatusChange.changed_on)).all()
        for status, name in changes:
            {MemberStatus.TRANSFERRED_OUT: r.transferred_out, MemberStatus.DECEASED: r.deceased,
             MemberStatus.REMOVED: r.removed}[status].append(name)
        applicants = m.Applicant.branch_id == branch_id
        step_rows = s.execute(
            select(m.DevelopmentStep.step_no, func.count(m.DevelopmentStep.id)).join(m.Applicant)
            .where(applicants, _in_year(m.DevelopmentStep.done_on, year))
            .group_by(m.DevelopmentStep.step_no)).all()
        r.steps_in_year = {no: n for no, n in step_rows}
        r.new_applications = r.steps_in_year.get(1, 0)
        birthday_people = set(s.scalars(on_roll_at_end.with_only_columns(m.Member.id)
                                        .where(m.Member.joined_on < date(year, 1, 1))))
        r.birthdays_due = len(birthday_people)
        obs = s.execute(select(m.BirthdayObservanceRecord.member_id, m.BirthdayObservanceRecord.kind)
                        .join(m.Member).where(members, m.BirthdayObservanceRecord.year == year)).all()
        r.birthdays_marked = len({mid for mid, _ in obs if mid in birthday_people})
        r.observances = dict(Counter(kind for _, kind in obs))
    judged_on = min(date(year + 1, 1, 1), today)  # a finished year is judged once it is over
    r.meetings = year_counts(db, branch_id, year, judged_on)
    stages = Counter(a.stage for a in list_applicants(db, branch_id, as_of=end, include_closed=False)
                     if a.steps[0].done_on is not None and a.steps[0].done_on <= end)  # had applied by then
    r.applicants_by_stage = {st.no: stages.get(st.no, 0) for st in STAGES}
    findings = run_check(db, [branch_id], judged_on)
    r.missing = [f for f in findings if f.rule.startswith("MEET-") and f.date is not None
                 and f.date.year == year and f.severity.value in ("overdue", "violation")]
    return r
