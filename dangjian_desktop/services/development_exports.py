"""Export kinds of 发展党员: 纪实表 and 台账. Gathers the plain data the writers in reports/ print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from dangjian_desktop.core import idcard
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import STAGES, STEP_BY_NO, Step, steps_of_stage
from dangjian_desktop.core.glossary import ApplicantStatus, ProbationOutcome
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound
from dangjian_desktop.reports.development_ledger import LedgerPerson, SimpleSheet, write_ledger
from dangjian_desktop.reports.development_record import DevelopmentRecord, Material, ReviewLine, StepLine, write_record
from dangjian_desktop.services.branches import get_branch
from dangjian_desktop.services.development import (
    ApplicantDetail,
    applicant_choices,
    applicant_detail,
    full_membership_date,
    list_applicants,
    step_summary,
)
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register

# the 材料 of a file and the step each belongs to (思想汇报 and 考察登记 come from the reviews)
MATERIALS = (
    ("入党申请书", Step.APPLICATION), ("培养教育考察登记", "review"), ("思想汇报", "thought_report"),
    ("政治审查材料", Step.POLITICAL_REVIEW), ("集中培训结业证明", Step.TRAINING),
    ("支部委员会审查及公示材料", Step.COMMITTEE_REVIEW), ("入党志愿书", Step.APPLICATION_FORM),
    ("上级党委审批（接收预备党员）", Step.ADMISSION_APPROVAL), ("转正申请书", Step.FULL_MEMBERSHIP_REQUEST),
    ("上级党委审批（转正）", Step.FULL_MEMBERSHIP_APPROVAL),
)


def stage_on(a: ApplicantDetail, day: date) -> int | None:
    """The stage of the last step completed on or before `day` (None: not yet applied)."""
    done = [st.no for st in a.steps if st.done_on is not None and st.done_on <= day]
    return STEP_BY_NO[max(done)].stage if done else None


def _contact_details(db: Database, a: ApplicantDetail) -> tuple[str, str]:
    """Phone and work unit from one source: the roster once the person is a member, the file before."""
    if a.member_id is None:
        return a.phone, a.work_unit
    with db.session() as s:
        row = s.execute(select(m.Member.phone, m.Member.work_unit).where(m.Member.id == a.member_id)).first()
    if row is None:
        return a.phone, a.work_unit
    return row[0] or a.phone, row[1] or a.work_unit


def _materials(a: ApplicantDetail) -> list[Material]:
    out = []
    for name, source in MATERIALS:
        if isinstance(source, str):
            reviews = [r for r in a.reviews if r.kind == source]
            out.append(Material(name, bool(reviews), f"{len(reviews)}份，最近一次{cn(reviews[-1].done_on)}"
                                if reviews else "未见"))
            continue
        st = a.step(source)
        if st.done_on is None:
            out.append(Material(name, False, "未见"))
            continue
        files = f"，扫描件{st.attachments}份" if st.attachments else "，纸质材料（未存扫描件）"
        out.append(Material(name, True, f"{cn(st.done_on)}{files}"))
    return out


def development_record(db: Database, a: ApplicantDetail, *, mask: bool = False) -> DevelopmentRecord:
    phone, work_unit = _contact_details(db, a)
    stages = [(stage.name, [StepLine(s.no, s.name, a.step(s.no).done_on, step_summary(a.step(s.no)))
                            for s in steps_of_stage(stage.no)]) for stage in STAGES]
    return DevelopmentRecord(
        a.branch_name, a.name, a.gender.label if a.gender else "", a.ethnicity, a.birth_date, a.native_place,
        a.education, idcard.mask(a.id_number) if mask else (a.id_number or ""),
        idcard.mask_phone(phone) if mask else phone, a.group_name, work_unit, stages,
        [ReviewLine(r.done_on, r.kind_label, r.reviewer, r.content) for r in a.reviews], _materials(a))


def export_record(db: Database, request: ExportRequest) -> Path:
    a = applicant_detail(db, request.record_id)
    if a.branch_id != request.branch_id:
        raise NotFound(f"编号为 {request.record_id} 的入党申请人不在所选支部。")
    return write_record(development_record(db, a, mask=request.mask), request.out)


# ---------------------------------------------------------------- the ledger


def _in_year(a: ApplicantDetail, year: int) -> bool:
    """On the ledger of `year`: applied by its end and not closed before it began."""
    applied = a.step(Step.APPLICATION).done_on
    if applied is None or applied.year > year:
        return False
    closed = a.step(Step.FULL_MEMBERSHIP_APPROVAL).done_on
    return closed is None or closed.year >= year


def _people(a: ApplicantDetail, no: int, as_of: date | None = None) -> str:
    """The people of a step (联系人, 介绍人 …); none before the step was done on `as_of`."""
    st = a.step(no)
    if as_of is not None and (st.done_on is None or st.done_on > as_of):
        return ""
    return "、".join(p.get("name", "") for p in st.people)


def ledger_person(a: ApplicantDetail, as_of: date) -> LedgerPerson:
    """A row as on `as_of`: steps done after it are not shown, the stage is that of the last step done."""
    stage = stage_on(a, as_of)
    approved = a.step(Step.FULL_MEMBERSHIP_APPROVAL).done_on
    if approved is not None and approved <= as_of:
        stage_text = ApplicantStatus.COMPLETED.label
    elif a.status in (ApplicantStatus.STOPPED, ApplicantStatus.CANCELLED):
        stage_text = a.status.label
    else:
        stage_text = STAGES[stage - 1].short if stage else ""
    nxt = a.next_step
    late = {}
    for t in a.timeline:
        if t.state in ("overdue", "due"):
            late[t.no] = (t.state, f"应于{cn(t.due)}前完成" + ("（已逾期）" if t.state == "overdue" else ""))
    row_state = ("overdue" if any(f.severity.value == "overdue" for f in a.findings)
                 else "due" if any(f.severity.value == "due" for f in a.findings) else "")
    notes = "；".join(f.message.split("（")[0] for f in a.findings if f.severity.value in ("overdue", "due"))
    # 期限: the next step's deadline, or that of the step that is late (an overdue row shows its deadline)
    due = nxt.due if nxt and nxt.due else min((t.due for t in a.timeline if t.no in late and t.due), default=None)
    if due is None and row_state:  # late by a rule about no single step (e.g. 半年考察): its deadline
        due = min((f.date for f in a.findings if f.severity.value == row_state and f.date), default=None)
    return LedgerPerson(
        a.name, a.gender.label if a.gender else "", a.birth_date, stage_text,
        _people(a, Step.CONTACTS, as_of), _people(a, Step.SPONSORS, as_of),
        f"第{nxt.no}步 {nxt.name}" if nxt else "", due,
        [st.done_on if st.done_on and st.done_on <= as_of else None for st in a.steps], late, row_state, notes)


def _applicants_sheet(people, branch_name, year, mask) -> SimpleSheet:
    rows = []
    for a in people:
        applied = a.step(Step.APPLICATION).done_on
        if applied is None or applied.year != year:
            continue
        rows.append([a.name, a.gender.label if a.gender else "", a.ethnicity, a.birth_date, a.education,
                     idcard.mask(a.id_number) if mask else (a.id_number or ""), a.work_unit, applied,
                     a.step(Step.APPLICATION_TALK).done_on, _people(a, Step.APPLICATION_TALK), a.status.label])
    return SimpleSheet("入党申请人登记", f"{branch_name}入党申请人登记表（{year}年）",
                       ("序号", "姓名", "性别", "民族", "出生日期", "学历", "公民身份号码", "工作单位及职务",
                        "递交申请书日期", "谈话日期", "谈话人", "目前状态"),
                       (6, 10, 6, 8, 12, 10, 21, 24, 13, 12, 10, 12), rows)


def _new_members_sheet(people, branch_name, year) -> SimpleSheet:
    rows = []
    for a in people:
        admitted = a.step(Step.BRANCH_CONGRESS_ADMIT)
        joined = admitted.done_on
        if joined is None or joined.year != year:
            continue
        x = admitted.details
        try:
            vote = x.result()
        except ValueError:
            vote = None
        tally = (f"应到{x.expected_voters}人，实到{x.present_voters}人，赞成{x.in_favour or 0}票，"
                 + ("通过" if vote.passed else "未通过")) if vote else ""
        rows.append([a.name, a.gender.label if a.gender else "", a.birth_date, a.education, a.group_name,
                     a.step(Step.ACTIVIST).done_on, a.step(Step.CANDIDATE).done_on, _people(a, Step.SPONSORS), joined,
                     tally, a.step(Step.ADMISSION_APPROVAL).done_on])
    return SimpleSheet("年度新发展", f"{branch_name}{year}年新发展党员名单",
                       ("序号", "姓名", "性别", "出生日期", "学历", "党小组", "确定积极分子", "确定发展对象",
                        "入党介绍人", "入党日期（支部大会）", "表决情况", "上级党委审批"),
                       (6, 10, 6, 12, 10, 12, 13, 13, 16, 14, 30, 13), rows)


def _full_members_sheet(people, branch_name, year) -> SimpleSheet:
    rows = []
    for a in people:
        decided = a.step(Step.BRANCH_CONGRESS_FULL).done_on
        approved = a.step(Step.FULL_MEMBERSHIP_APPROVAL).done_on
        if not any(d and d.year == year for d in (decided, approved)):
            continue
        joined = a.step(Step.BRANCH_CONGRESS_ADMIT).done_on
        outcome = a.probation_outcome.label if a.probation_outcome else ""
        full = (full_membership_date(joined, a.extension_months, a.catalog_version)
                if joined and a.probation_outcome is ProbationOutcome.ON_TIME and approved else None)
        rows.append([a.name, a.gender.label if a.gender else "", joined, a.step(Step.FULL_MEMBERSHIP_REQUEST).done_on,
                     decided, outcome, a.extension_months or "", approved, full])
    return SimpleSheet("年度转正", f"{branch_name}{year}年预备党员转正名单",
                       ("序号", "姓名", "性别", "入党日期", "转正申请", "支部大会讨论", "讨论结果", "延长（月）",
                        "上级党委审批", "转正日期"),
                       (6, 10, 6, 13, 13, 13, 16, 10, 13, 13), rows)


def export_ledger(db: Database, request: ExportRequest, *, today: date | None = None) -> Path:
    """The ledger of a year as on its last day (today while the year runs)."""
    year = int(request.year)
    as_of = min(today or date.today(), date(year, 12, 31))
    people = list_applicants(db, request.branch_id, as_of)
    branch = get_branch(db, request.branch_id).name
    rows = [ledger_person(a, as_of) for a in people if _in_year(a, year)]
    sheets = [_applicants_sheet(people, branch, year, request.mask), _new_members_sheet(people, branch, year),
              _full_members_sheet(people, branch, year)]
    return write_ledger(rows, sheets, branch, year, request.out, as_of=as_of)


register(ExportKind("development-ledger", "发展党员台账", ".xlsx", export_ledger, needs_year=True, order=40))
register(ExportKind("development-record", "发展党员纪实表", ".docx", export_record, needs_id=True,
                    id_label="入党申请人编号", order=41, choices=applicant_choices))
