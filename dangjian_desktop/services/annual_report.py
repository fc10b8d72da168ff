"""年度组织生活情况报告: the numbers of the year as on its last day, the sections they make, the export."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from sqlalchemy import and_, case, func, select

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import STAGES, Step
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import (
    ApplicantStatus,
    AppraisalOutcome,
    AttendanceStatus,
    BirthdayObservance,
    MeetingState,
    MeetingType,
    MemberStatus,
)
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.reports.annual_report import AnnualReportDocument, Section, Table, ToFill, write_annual_report
from dangjian_desktop.services.branches import get_branch
from dangjian_desktop.services.check import run_check
from dangjian_desktop.services.development import list_applicants
from dangjian_desktop.services.development_exports import stage_on
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register
from dangjian_desktop.services.meetings import TypeCount, year_counts
from dangjian_desktop.services.meetings.attendance import _members_on


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
    appraisal_present: int | None = None  # 实到 of the 民主评议 meetings (None: not recorded)
    admitted: list[str] = field(default_factory=list)  # new 预备党员 (入党日期 in the year), accepted here
    made_full: list[str] = field(default_factory=list)  # 转正 in the year, decided here
    transferred_in: list[str] = field(default_factory=list)  # on the roll by 转入 in the year
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
    branch_id: int | None = None

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
    """Everything the report states for `year`, as on its last day (as recorded up to today in the current year)."""
    today = today or date.today()
    end = min(date(year, 12, 31), today)
    info = get_branch(db, branch_id)
    r = AnnualReport(info.name, info.parent_org, info.secretary, year, end, groups=list(info.groups),
                     branch_id=branch_id)
    with db.session() as s:
        on_roll = _members_on(s, branch_id, end)
        for _member, status in on_roll:
            if status is MemberStatus.FULL:
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
        appraisals = s.execute(
            select(m.Meeting.id, m.AppraisalResult.outcome).join(m.Meeting)
            .where(m.Meeting.branch_id == branch_id, _in_year(m.Meeting.held_on, year))).all()
        r.appraisal = dict(Counter(outcome for _, outcome in appraisals))
        appraisal_meetings = {mid for mid, _ in appraisals}
        if appraisal_meetings:
            present = list(s.scalars(select(m.Meeting.present).where(m.Meeting.id.in_(appraisal_meetings))))
            r.appraisal_present = sum(present) if all(p is not None for p in present) else None
        members = m.Member.branch_id == branch_id
        # a member who came by 转入 was accepted (and made full) by the branch they came from, if before they came
        arrived = m.Member.arrived_on
        r.admitted = list(s.scalars(select(m.Member.name).where(
            members, _in_year(m.Member.joined_on, year), arrived.is_(None) | (arrived <= m.Member.joined_on))
            .order_by(m.Member.joined_on)))
        r.made_full = list(s.scalars(select(m.Member.name).where(
            members, _in_year(m.Member.full_member_on, year), arrived.is_(None) | (arrived <= m.Member.full_member_on))
            .order_by(m.Member.full_member_on)))
        r.transferred_in = list(s.scalars(select(m.Member.name).where(members, _in_year(arrived, year), arrived <= end)
                                          .order_by(arrived, m.Member.name_strokes)))
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
        # the same people as the year's 政治生日一览: on the roll at the year's end, joined before the year
        birthday_people = {mem.id for mem, _ in on_roll if mem.joined_on is not None and mem.joined_on.year < year}
        r.birthdays_due = len(birthday_people)
        obs = [(mid, kind) for mid, kind in s.execute(
            select(m.BirthdayObservanceRecord.member_id, m.BirthdayObservanceRecord.kind)
            .join(m.Member).where(members, m.BirthdayObservanceRecord.year == year)).all() if mid in birthday_people]
        r.birthdays_marked = len({mid for mid, _ in obs})
        r.observances = dict(Counter(kind for _, kind in obs))
    judged_on = min(date(year + 1, 1, 1), today)  # a finished year is judged once it is over
    r.meetings = year_counts(db, branch_id, year, judged_on)
    # in training at the year's end: applied by then, not yet 转正 by then, not stopped; stage of the last step done
    stages = Counter()
    for a in list_applicants(db, branch_id, as_of=end):
        if a.status in (ApplicantStatus.STOPPED, ApplicantStatus.CANCELLED):
            continue
        approved = a.step(Step.FULL_MEMBERSHIP_APPROVAL).done_on
        if approved is not None and approved <= end:
            continue
        stage = stage_on(a, end)
        if stage is not None:
            stages[stage] += 1
    r.applicants_by_stage = {st.no: stages.get(st.no, 0) for st in STAGES}
    findings = run_check(db, [branch_id], judged_on)
    r.missing = [f for f in findings if f.rule.startswith("MEET-") and f.date is not None
                 and f.date.year == year and f.severity.value in ("overdue", "violation")]
    return r


# ---------------------------------------------------------------- the sections of the report
# Each builder makes one numbered section from the year's numbers (None: the section is left out).
# Another area adds its own (e.g. 党费) by inserting a builder here, before 存在的不足.

SectionBuilder = Callable[[Database, AnnualReport], "Section | None"]


def _names(names: list[str], limit: int = 20) -> str:
    if not names:
        return ""
    shown = "、".join(names[:limit])
    return f"（{shown}{'等' if len(names) > limit else ''}）"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def basic_section(db: Database, r: AnnualReport) -> Section:
    groups = f"，设{len(r.groups)}个党小组" if r.groups else ""
    return Section("基本情况", [
        f"截至{cn(r.as_of)}，支部共有党员{r.members_total}名，其中正式党员{r.members_full}名、"
        f"预备党员{r.members_probationary}名{groups}。" + (f"支部书记：{r.secretary}。" if r.secretary else "")])


def meetings_section(db: Database, r: AnnualReport) -> Section:
    done = [c for c in r.meetings if not c.missing and not c.pending]
    attendance = {a.type: a for a in r.attendance}
    rows = [("类型", "应开", "实开", "完成情况", "出勤率")]
    for c in r.meetings:
        a = attendance.get(c.type)
        rows.append((c.type.label, str(c.required), str(c.held), c.status, _pct(a.rate) if a else "—"))
    return Section("组织生活开展情况", [
        f"应开展的{len(r.meetings)}类组织生活中，{len(done)}类达到规定次数。"
        f"有考勤记录的会议平均出勤率为{_pct(r.overall_attendance)}。具体情况见下表。",
        Table(rows, (50, 25, 25, 30, 25), (1, 2, 3, 4))])


def appraisal_section(db: Database, r: AnnualReport) -> Section:
    total = sum(r.appraisal.values())
    if not total:
        return Section("民主评议党员情况", ["本年度尚未记录民主评议党员结果。"])
    parts = "，".join(f"{o.label}{r.appraisal.get(o, 0)}名" for o in AppraisalOutcome)
    present = f"评议会议实到{r.appraisal_present}人，" if r.appraisal_present is not None else ""
    return Section("民主评议党员情况", [f"本年度{present}对{total}名党员作出评议结果：{parts}。"])


def changes_section(db: Database, r: AnnualReport) -> Section:
    return Section("党员队伍变化情况", [
        f"本年度接收预备党员{len(r.admitted)}名{_names(r.admitted)}；"
        f"预备党员转为正式党员{len(r.made_full)}名{_names(r.made_full)}；"
        f"转入组织关系{len(r.transferred_in)}名{_names(r.transferred_in)}；"
        f"转出组织关系{len(r.transferred_out)}名{_names(r.transferred_out)}；"
        f"去世{len(r.deceased)}名{_names(r.deceased)}"
        + (f"；出党或停止党籍{len(r.removed)}名" if r.removed else "") + "。"])


def development_section(db: Database, r: AnnualReport) -> Section:
    return Section("发展党员工作情况", [
        f"本年度收到入党申请书{r.new_applications}份，确定入党积极分子{r.steps_in_year.get(3, 0)}名，"
        f"确定发展对象{r.steps_in_year.get(7, 0)}名，支部大会讨论接收预备党员"
        f"{r.steps_in_year.get(15, 0)}名，讨论预备党员转正{r.steps_in_year.get(23, 0)}名。"
        f"截至{cn(r.as_of)}，按已完成的最后一个步骤所在阶段，各阶段在培养人数："
        + "，".join(f"{st.short}{r.applicants_by_stage.get(st.no, 0)}名" for st in STAGES) + "。"])


def birthdays_section(db: Database, r: AnnualReport) -> Section:
    kinds = "，".join(f"{k.label}{r.observances[k]}人次" for k in BirthdayObservance if r.observances.get(k))
    return Section("政治生日活动情况", [
        f"本年度有{r.birthdays_due}名党员过政治生日，已为其中{r.birthdays_marked}名党员开展政治生日活动"
        + (f"（{kinds}）" if kinds else "") + "。"])


def shortcomings_section(db: Database, r: AnnualReport, text: str = "") -> Section:
    blocks: list = []
    if r.missing:
        blocks.append("对照组织生活制度要求，本年度有以下组织生活未按期开展：")
        # the gap itself, in one sentence (the rule and its source are for the reminder, not the report)
        blocks += [f"{i}. {f.message.split('。')[0]}。" for i, f in enumerate(r.missing, start=1)]
    else:
        blocks.append("对照组织生活制度要求，本年度各项组织生活均已按期开展。")
    blocks += _written(text)
    return Section("存在的不足", blocks)


def plans_section(db: Database, r: AnnualReport, text: str = "") -> Section:
    return Section("下一步工作打算", _written(text))


def _written(text: str) -> list:
    """The secretary's own paragraphs, or ruled lines to write on by hand."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines or [ToFill(3)]


def dues_section(db: Database, r: AnnualReport) -> Section | None:
    """党费收缴情况 (issue 22), as of the report's date; none when the branch keeps no 党费 ledger here."""
    from dangjian_desktop.services.dues import year_summary

    d = year_summary(db, r.branch_id, r.year, today=r.as_of)
    if not d.members or not (d.due_total or d.paid_total or d.exempt_months):
        return None
    text = (f"本年度{d.members}名党员按规定交纳党费，应缴{d.due_total:.2f}元，实缴{d.paid_total:.2f}元"
            + (f"（其中补缴{d.makeup_total:.2f}元）" if d.makeup_total else "")
            + (f"，预交{d.prepaid_total:.2f}元" if d.prepaid_total else "")
            + (f"；经批准免缴{d.exempt_months}人次（其应缴数不计入实缴）" if d.exempt_months else "") + "。")
    if d.unpaid_months:
        behind = "、".join(f"{name}（连续{k}个月）" for name, k in d.in_arrears)
        text += f"截至{cn(r.as_of)}，有{d.unpaid_months}人次未交" + (f"，其中{behind}" if behind else "") + "。"
    else:
        text += f"截至{cn(r.as_of)}，已全部交齐。"
    return Section("党费收缴情况", [text])


SECTION_BUILDERS: list[SectionBuilder] = [
    basic_section, meetings_section, appraisal_section, changes_section, development_section, birthdays_section,
    dues_section,
]

# the paragraphs the secretary writes (the GUI asks for them before export; the CLI leaves lines to fill)
WRITTEN_PARTS = {"shortcomings": "存在的不足（问题及原因）", "plans": "下一步工作打算"}


def annual_report_document(db: Database, branch_id: int, year: int, *, texts: dict[str, str] | None = None,
                           today: date | None = None) -> AnnualReportDocument:
    """The report as plain sections, ready for the writer."""
    today = today or date.today()
    r = annual_report(db, branch_id, year, today)
    texts = texts or {}
    sections = [sec for build in SECTION_BUILDERS if (sec := build(db, r)) is not None]
    sections.append(shortcomings_section(db, r, texts.get("shortcomings", "")))
    sections.append(plans_section(db, r, texts.get("plans", "")))
    opening = (f"{year}年，{r.branch}在上级党组织的领导下，认真落实“三会一课”、主题党日、组织生活会、"
               "民主评议党员、谈心谈话等组织生活制度。现将全年组织生活开展情况报告如下。")
    return AnnualReportDocument(r.branch, year, r.parent_org, opening, sections, today)


def export_annual_report(db: Database, req: ExportRequest) -> Path:
    return write_annual_report(annual_report_document(db, req.branch_id, req.year, texts=req.texts), req.out)


register(ExportKind("annual-report", "年度组织生活情况报告", ".docx", export_annual_report, needs_year=True, order=10))
