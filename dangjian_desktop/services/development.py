"""发展党员: applicants through the 25 steps, the roster kept in step, the board and the timeline."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from sqlalchemy import Text, and_, func, not_, or_, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core import idcard, rules
from dangjian_desktop.core.dates import add_months, add_years, cn
from dangjian_desktop.core.development import (
    ADMISSION_STEP, FULL_MEMBERSHIP_APPROVAL_STEP, FULL_MEMBERSHIP_VOTE_STEP, STAGES, STEPS, step,
)
from dangjian_desktop.core.findings import Finding, sort_key
from dangjian_desktop.core.glossary import ApplicantStatus, Gender, MemberStatus, ProbationOutcome, Severity
from dangjian_desktop.core.names import name_keys
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services.attachments import forget_unused_contents

REVIEW_KINDS = {"review": "半年考察", "thought_report": "思想汇报"}
ROSTER_STEPS = (ADMISSION_STEP, FULL_MEMBERSHIP_VOTE_STEP, FULL_MEMBERSHIP_APPROVAL_STEP)


class StepRefused(ValidationError):
    """A step entry that breaks a DEV-* rule; `violations` say which and why."""

    def __init__(self, message: str, violations: list[dr.Violation]) -> None:
        super().__init__(message)
        self.violations = violations


# ---------------------------------------------------------------- what callers get


@dataclass(frozen=True)
class Card:
    """One person on the board: where they stand and what is next."""

    id: int
    name: str
    stage: int
    next_step: int | None
    next_step_name: str
    due: date | None
    earliest: date | None
    urgency: str  # overdue | due | ok | done
    findings: int  # how many findings as of the day
    status: ApplicantStatus
    note: str = ""
    alert: str = ""  # the most urgent finding in a few words, e.g. “每半年考察一次：已逾期”


@dataclass(frozen=True)
class BoardColumn:
    stage: int
    name: str
    cards: list[Card]


@dataclass(frozen=True)
class StepInfo:
    no: int
    stage: int
    name: str
    id: int | None
    done_on: date | None
    people: list[dict[str, Any]]
    details: dict[str, Any]
    notes: str
    attachments: int


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    kind: str
    kind_label: str
    done_on: date
    reviewer: str
    content: str


@dataclass(frozen=True)
class ApplicantDetail:
    id: int
    branch_id: int
    branch_name: str
    parent_org: str
    name: str
    gender: Gender | None
    birth_date: date | None
    id_number: str | None
    ethnicity: str
    native_place: str
    education: str
    work_unit: str
    phone: str
    group_name: str
    status: ApplicantStatus
    probation_outcome: ProbationOutcome | None
    extension_months: int
    leaves_unit_on: date | None
    catalog_version: str
    member_id: int | None
    notes: str
    steps: list[StepInfo]
    reviews: list[ReviewInfo]
    timeline: list[dr.TimelineEntry]
    findings: list[Finding]
    next_step: dr.NextStep | None
    stage: int

    def step(self, no: int) -> StepInfo:
        return self.steps[no - 1]


@dataclass(frozen=True)
class RosterChoice:
    member_id: int
    name: str
    status: MemberStatus
    label: str  # 王芳（正式党员，第一党小组）


def step_summary(st: StepInfo, compact: bool = False) -> str:
    """What the 纪实表 says about a step besides its date: people, conclusions, tallies, notes."""
    lines: list[str] = []
    by_role: dict[str, list[str]] = {}
    for p in st.people:
        by_role.setdefault(p.get("role") or "有关人员", []).append(p.get("name", ""))
    for role, names in by_role.items():
        lines.append(f"{role}：{'、'.join(names)}")
    x = st.details
    if x.get("conclusion"):
        lines.append(f"政审结论：{x['conclusion']}")
    if x.get("days") or x.get("hours"):
        parts = [f"{x['days']}天" if x.get("days") else "", f"{x['hours']}学时" if x.get("hours") else ""]
        lines.append("集中培训：" + "，".join(p for p in parts if p) + (f"（{x['organiser']}）" if x.get("organiser") else ""))
    if x.get("notice_from") or x.get("notice_to"):
        lines.append(f"公示：{cn(dr._as_date(x.get('notice_from')))}至{cn(dr._as_date(x.get('notice_to')))}")
    try:
        vote = dr.vote_of(x)
    except ValueError:
        vote = None
    if vote is not None and compact:
        lines.append(f"表决：应到{x['expected_voters']}人，实到{x['present_voters']}人，"
                     f"赞成{vote.counted_for}票，{'通过' if vote.passed else '未通过'}")
    elif vote is not None:
        lines.append(f"表决：{vote.summary}")
    if x.get("extended_on"):
        lines.append(f"{cn(dr._as_date(x['extended_on']))}支部大会决定延长预备期{x.get('extension_months', '')}个月")
    if x.get("outcome") and st.no == 23:
        lines.append(f"讨论结果：{ProbationOutcome(x['outcome']).label}")
    if x.get("approval_no"):
        lines.append(f"批复文号：{x['approval_no']}")
    if st.notes:
        lines.append(st.notes)
    return "\n".join(lines)


# ---------------------------------------------------------------- facts for the rules


def _status_on(member: m.Member, day: date) -> tuple[MemberStatus | None, bool]:
    """The member's roster status on `day`, and whether they joined only later."""
    if not member.status.on_roll and member.status_since and member.status_since <= day:
        return member.status, False
    if member.full_member_on and member.full_member_on <= day:
        return MemberStatus.FULL, False
    if member.joined_on and member.joined_on <= day:
        return MemberStatus.PROBATIONARY, False
    if member.joined_on is None and member.full_member_on is None:
        return member.status, False
    return None, True


def _person_fact(p: Mapping[str, Any], members: Mapping[int, m.Member], day: date | None) -> dr.PersonFact:
    member = members.get(p.get("member_id")) if p.get("member_id") else None
    status, later = (None, False)
    if member is not None and day is not None:
        status, later = _status_on(member, day)
    return dr.PersonFact(p.get("role", ""), p.get("name", ""), p.get("member_id"), status,
                         bool(p.get("disciplined")), later)


def _step_fact(no: int, done_on: date | None, people: Iterable[Mapping[str, Any]], details: Mapping[str, Any],
               members: Mapping[int, m.Member]) -> dr.StepFact:
    return dr.StepFact(no, done_on, tuple(_person_fact(p, members, done_on) for p in people or ()), dict(details or {}))


def _facts(a: m.Applicant, members: Mapping[int, m.Member]) -> dr.ApplicantFacts:
    steps = {s.step_no: _step_fact(s.step_no, s.done_on, s.people, s.details, members)
             for s in a.steps if s.done_on is not None}
    reviews = tuple(dr.ReviewFact(r.kind, r.done_on) for r in a.reviews)
    return dr.ApplicantFacts(
        name=a.name, birth_date=a.birth_date, catalog_version=a.rule_catalog_version, steps=steps,
        reviews=reviews, leaves_unit_on=a.leaves_unit_on, extension_months=a.extension_months or 0,
        finished=a.status in (ApplicantStatus.COMPLETED, ApplicantStatus.CANCELLED),
        stopped=a.status is ApplicantStatus.STOPPED, id=a.id, branch_id=a.branch_id)


def _members_for(s: Session, applicants: Iterable[m.Applicant], extra_ids: Iterable[int] = ()) -> dict[int, m.Member]:
    ids = set(extra_ids)
    for a in applicants:
        for st in a.steps:
            ids.update(p.get("member_id") for p in (st.people or []) if p.get("member_id"))
    ids.discard(None)
    if not ids:
        return {}
    return {mem.id: mem for mem in s.scalars(select(m.Member).where(m.Member.id.in_(ids)))}


def _load(s: Session, applicant_id: int) -> m.Applicant:
    a = s.get(m.Applicant, applicant_id, options=[selectinload(m.Applicant.steps), selectinload(m.Applicant.reviews)])
    if a is None:
        raise NotFound(f"没有编号为 {applicant_id} 的入党申请人。")
    return a


def _overrides(s: Session) -> dict[str, Any]:
    rows = s.execute(select(m.Setting.key, m.Setting.value)
                     .where(m.Setting.scope == "global", m.Setting.key.like("rule:%"))).all()
    return {key.removeprefix("rule:"): value for key, value in rows}


# ---------------------------------------------------------------- creating an applicant


def _clean(text: Any, what: str, max_len: int, required: bool = False) -> str:
    value = " ".join(str(text or "").split())
    if required and not value:
        raise ValidationError(f"请填写{what}。")
    if len(value) > max_len:
        raise ValidationError(f"{what}太长（{len(value)}个字），最多{max_len}个字。")
    return value


def _person_fields(name: str, id_number: str | None, gender: Gender | None, birth_date: date | None):
    """Check the ID number and make it agree with sex and birth date (filled from it when missing)."""
    if id_number:
        why = idcard.problem(id_number)
        if why:
            raise ValidationError(f"{name}的{why}。")
        info = idcard.parse(id_number)
        if birth_date and birth_date != info.birth_date:
            raise ValidationError(f"{name}的出生日期{cn(birth_date)}与身份证号中的{cn(info.birth_date)}不一致。")
        if gender and gender != info.gender:
            raise ValidationError(f"{name}的性别“{gender.label}”与身份证号（{info.gender.label}）不一致。")
        return info.number, info.gender, info.birth_date
    return None, gender, birth_date


def create_applicant(
    db: Database, branch_id: int, name: str, applied_on: date, *,
    gender: Gender | None = None, birth_date: date | None = None, id_number: str | None = None,
    ethnicity: str = "", native_place: str = "", education: str = "", work_unit: str = "", phone: str = "",
    group_id: int | None = None, leaves_unit_on: date | None = None, notes: str = "",
) -> ApplicantDetail:
    """递交入党申请书: a new file with step 1, judged by the current rule catalog."""
    name = _clean(name, "姓名", 50, required=True)
    if applied_on is None:
        raise ValidationError("请填写递交入党申请书的日期。")
    number, gender, birth_date = _person_fields(name, (id_number or "").strip() or None, gender, birth_date)
    with db.transaction() as s:
        if s.get(m.Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        if number and s.scalar(select(m.Applicant.id).where(m.Applicant.id_number == number)) is not None:
            raise ValidationError(f"身份证号 {idcard.mask(number)} 已经登记为入党申请人，不能重复登记。")
        a = m.Applicant(
            branch_id=branch_id, group_id=group_id, name=name, gender=gender, birth_date=birth_date,
            id_number=number, ethnicity=_clean(ethnicity, "民族", 20), native_place=_clean(native_place, "籍贯", 100),
            education=_clean(education, "学历", 30), work_unit=_clean(work_unit, "工作单位", 200),
            phone=_clean(phone, "联系电话", 30), rule_catalog_version=rules.CURRENT_VERSION,
            status=ApplicantStatus.ACTIVE, leaves_unit_on=leaves_unit_on, notes=notes or "")
        facts = dr.ApplicantFacts(name, birth_date, rules.CURRENT_VERSION, {1: dr.StepFact(1, applied_on)})
        _refuse_if_broken(facts, [], 1, _overrides(s))
        s.add(a)
        s.flush()
        s.add(m.DevelopmentStep(applicant_id=a.id, step_no=1, done_on=applied_on, people=[], details={}, notes=""))
        s.flush()
        applicant_id = a.id
    return applicant_detail(db, applicant_id)


def update_applicant(db: Database, applicant_id: int, **fields: Any) -> ApplicantDetail:
    """Change a person's particulars (not their steps): phone, unit, 党小组, planned departure..."""
    allowed = {"work_unit": ("工作单位及职务", 200), "phone": ("联系电话", 30), "education": ("学历", 30),
               "ethnicity": ("民族", 20), "native_place": ("籍贯", 100)}
    with db.transaction() as s:
        a = _load(s, applicant_id)
        for key, value in fields.items():
            if key in allowed:
                setattr(a, key, _clean(value, *allowed[key]))
            elif key == "notes":
                a.notes = value or ""
            elif key in ("leaves_unit_on", "group_id"):
                setattr(a, key, value)
            else:
                raise ValidationError(f"不能修改“{key}”。")
    return applicant_detail(db, applicant_id)


def stop_applicant(db: Database, applicant_id: int, reason: str) -> ApplicantDetail:
    """终止培养 (the person withdrew or no longer qualifies); the file is kept, nothing more is due."""
    reason = _clean(reason, "终止原因", 500, required=True)
    with db.transaction() as s:
        a = _load(s, applicant_id)
        if a.member_id is not None:
            raise ValidationError(f"{a.name}已经接收为预备党员，不能终止培养；如需取消预备党员资格，请在第23步记录支部大会的决定。")
        a.status = ApplicantStatus.STOPPED
        a.notes = (a.notes + "\n" if a.notes else "") + f"终止培养：{reason}"
    return applicant_detail(db, applicant_id)


# ---------------------------------------------------------------- recording a step


def _refuse_if_broken(new: dr.ApplicantFacts, old_violations: list[dr.Violation], no: int,
                      overrides: Mapping[str, Any]) -> None:
    """Refuse an entry that adds a rule breach (breaches already on file are not the entry's fault)."""
    before = {(v.rule, v.step_no, v.message) for v in old_violations}
    added = [v for v in dr.all_violations(new, overrides) if (v.rule, v.step_no, v.message) not in before]
    if added:
        text = "；".join(v.message for v in added)
        raise StepRefused(f"不能保存{dr.step_label(no)}：{text}。", added)


def _clean_people(s: Session, branch_id: int, no: int, people: Iterable[Mapping[str, Any]] | None) -> list[dict]:
    """People with their roster link: by member id, or by a name that is unique on the branch's roster."""
    out = []
    for p in people or []:
        name = _clean(p.get("name"), "姓名", 50)
        if not name:
            continue
        role = _clean(p.get("role") or dr.STEP_ROLES.get(no, ""), "角色", 20)
        member_id = p.get("member_id")
        if member_id is not None and s.get(m.Member, member_id) is None:
            raise NotFound(f"{role}{name}不在花名册中（编号 {member_id}）。")
        if member_id is None:
            ids = s.scalars(select(m.Member.id).where(m.Member.branch_id == branch_id, m.Member.name == name)).all()
            if len(ids) == 1:
                member_id = ids[0]
        row = {"role": role, "name": name}
        if member_id is not None:
            row["member_id"] = int(member_id)
        if p.get("disciplined"):
            row["disciplined"] = True
        out.append(row)
    return out


def _clean_details(no: int, details: Mapping[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in (details or {}).items():
        if value in (None, ""):
            continue
        if isinstance(value, date):
            value = value.isoformat()
        out[key] = value
    if no in dr.VOTE_STEPS:
        for key in dr.VOTE_KEYS:
            if key in out:
                try:
                    out[key] = int(out[key])
                except (TypeError, ValueError):
                    raise ValidationError(f"表决票数“{out[key]}”不是整数。") from None
        try:
            result = dr.vote_of(out)
        except ValueError:
            result = None  # the rule check explains it
        if result is not None:
            out["quorum"], out["passed"] = result.quorum, result.passed
    if no == FULL_MEMBERSHIP_VOTE_STEP and out.get("outcome"):
        if ProbationOutcome.from_label(str(out["outcome"])) is None:
            raise ValidationError(f"转正讨论结果“{out['outcome']}”无法识别。")
        out["outcome"] = ProbationOutcome.from_label(str(out["outcome"])).value
    return out


def record_step(db: Database, applicant_id: int, no: int, done_on: date, *,
                people: Iterable[Mapping[str, Any]] | None = None, details: Mapping[str, Any] | None = None,
                notes: str = "") -> ApplicantDetail:
    """Record (or correct) one step; refuses an entry that breaks a DEV-* rule, naming rule and article.
    Steps 15, 23 and 24 update the roster: 预备党员 with 入党日期, extension, 转正 or cancellation."""
    if no not in range(1, 26):
        raise ValidationError(f"步骤应为 1 到 25，收到 {no}。")
    if done_on is None:
        raise ValidationError(f"请填写{dr.step_label(no)}的日期。")
    with db.transaction() as s:
        a = _load(s, applicant_id)
        if a.status is ApplicantStatus.STOPPED:
            raise ValidationError(f"{a.name}已终止培养，不能再记录步骤。")
        person_rows = _clean_people(s, a.branch_id, no, people)
        detail_rows = _clean_details(no, details)
        row = next((st for st in a.steps if st.step_no == no), None)
        if no == FULL_MEMBERSHIP_VOTE_STEP:
            old = dict(row.details or {}) if row is not None else {}
            if old.get("extended_on"):  # the extension stays on file when the final decision is recorded
                detail_rows.setdefault("extended_on", old["extended_on"])
                detail_rows.setdefault("extension_months", old.get("extension_months"))
            if detail_rows.get("outcome") == ProbationOutcome.EXTENDED.value and not old.get("extended_on"):
                detail_rows["extended_on"] = done_on.isoformat()
        members = _members_for(s, [a], [p["member_id"] for p in person_rows if "member_id" in p])
        old_facts = _facts(a, members)
        new_facts = old_facts.with_step(_step_fact(no, done_on, person_rows, detail_rows, members))
        if no == FULL_MEMBERSHIP_VOTE_STEP:
            months = int(detail_rows.get("extension_months") or 0) if detail_rows.get("extended_on") else 0
            new_facts = replace(new_facts, extension_months=months)
        if no in ROSTER_STEPS and a.status in (ApplicantStatus.COMPLETED, ApplicantStatus.CANCELLED) \
                and no != FULL_MEMBERSHIP_APPROVAL_STEP:
            raise ValidationError(f"{a.name}的转正手续已经办结（{a.status.label}），不能再修改第{no}步。")
        _refuse_if_broken(new_facts, dr.all_violations(old_facts, _overrides(s)), no, _overrides(s))
        if row is None:
            row = m.DevelopmentStep(applicant_id=a.id, step_no=no)
            s.add(row)
            a.steps.append(row)
        row.done_on = done_on
        row.people = person_rows
        row.details = detail_rows
        row.notes = notes or ""
        s.flush()
        if no == ADMISSION_STEP:
            _admit(s, a, done_on)
        elif no == FULL_MEMBERSHIP_VOTE_STEP:
            _decide(s, a, detail_rows)
        elif no == FULL_MEMBERSHIP_APPROVAL_STEP:
            _approve(s, a, done_on)
        a.updated_at = func.current_timestamp()
    return applicant_detail(db, applicant_id)


def _admit(s: Session, a: m.Applicant, joined: date) -> None:
    """Step 15: the person becomes a 预备党员 on the roster; 入党日期 (政治生日) = the 支部大会's date."""
    member = s.get(m.Member, a.member_id) if a.member_id else None
    if member is None and a.id_number:
        member = s.scalar(select(m.Member).where(m.Member.id_number == a.id_number))
        if member is not None and s.scalar(select(m.Applicant.id).where(m.Applicant.member_id == member.id,
                                                                        m.Applicant.id != a.id)):
            raise ValidationError(f"花名册中身份证号相同的党员{member.name}已经对应另一名申请人。")
    if member is None:
        keys = name_keys(a.name)
        member = m.Member(branch_id=a.branch_id, group_id=a.group_id, name=a.name, name_pinyin=keys.pinyin,
                          name_initials=keys.initials, name_strokes=keys.strokes, gender=a.gender,
                          ethnicity=a.ethnicity, birth_date=a.birth_date, native_place=a.native_place,
                          id_number=a.id_number, education=a.education, work_unit=a.work_unit, phone=a.phone,
                          status=MemberStatus.PROBATIONARY, status_since=joined, joined_on=joined)
        s.add(member)
        s.flush()
        s.add(m.MemberStatusChange(member_id=member.id, status=MemberStatus.PROBATIONARY, changed_on=joined,
                                   reason="支部大会讨论通过，接收为预备党员"))
    else:
        if member.joined_on != joined:
            first = s.scalar(select(m.MemberStatusChange).where(
                m.MemberStatusChange.member_id == member.id,
                m.MemberStatusChange.status == MemberStatus.PROBATIONARY).order_by(m.MemberStatusChange.changed_on))
            if first is not None:
                first.changed_on = joined
            else:
                s.add(m.MemberStatusChange(member_id=member.id, status=MemberStatus.PROBATIONARY, changed_on=joined,
                                           reason="支部大会讨论通过，接收为预备党员"))
            member.joined_on = joined
            if member.status is MemberStatus.PROBATIONARY:
                member.status_since = joined
    a.member_id = member.id


def _decide(s: Session, a: m.Applicant, details: Mapping[str, Any]) -> None:
    """Step 23: the 支部大会's decision; an extension moves the 转正 date on the roster at once."""
    outcome = ProbationOutcome(details["outcome"])
    a.probation_outcome = outcome
    months = int(details.get("extension_months") or 0) if details.get("extended_on") else 0
    a.extension_months = months
    member = s.get(m.Member, a.member_id) if a.member_id else None
    if member is not None:
        member.probation_extension_months = months


def full_membership_date(joined: date, extension_months: int, catalog_version: str | None) -> date:
    """转正日期: the day the 预备期 (of the file's rule catalog) and any extension end."""
    years = int(rules.param_value("DEV-PROBATION-1Y", "years", None, catalog_version))
    return add_months(add_years(joined, years), extension_months)


def _approve(s: Session, a: m.Applicant, approved_on: date) -> None:
    """Step 24: 上级党委审批 makes the decision take effect: 正式党员 with 转正日期, or 取消资格."""
    member = s.get(m.Member, a.member_id) if a.member_id else None
    outcome = a.probation_outcome
    if member is None or outcome is None:
        return
    if outcome is ProbationOutcome.ON_TIME:
        full = full_membership_date(member.joined_on, a.extension_months or 0, a.rule_catalog_version)
        member.full_member_on = full
        member.status = MemberStatus.FULL
        member.status_since = full
        change = s.scalar(select(m.MemberStatusChange).where(m.MemberStatusChange.member_id == member.id,
                                                             m.MemberStatusChange.status == MemberStatus.FULL))
        reason = "延长预备期满，转为正式党员" if a.extension_months else "预备期满，按期转为正式党员"
        if change is None:
            s.add(m.MemberStatusChange(member_id=member.id, status=MemberStatus.FULL, changed_on=full,
                                       reason=f"{reason}（上级党委{cn(approved_on)}批准）"))
        else:
            change.changed_on = full
        a.status = ApplicantStatus.COMPLETED
    elif outcome is ProbationOutcome.CANCELLED:
        if member.status is MemberStatus.REMOVED:  # a corrected approval date: the history says so once
            change = s.scalar(select(m.MemberStatusChange).where(m.MemberStatusChange.member_id == member.id,
                                                                 m.MemberStatusChange.status == MemberStatus.REMOVED))
            if change is not None:
                change.changed_on = approved_on
            member.status_since = approved_on
            return
        member.status = MemberStatus.REMOVED
        member.status_since = approved_on
        member.full_member_on = None
        s.add(m.MemberStatusChange(member_id=member.id, status=MemberStatus.REMOVED, changed_on=approved_on,
                                   reason=f"取消预备党员资格（上级党委{cn(approved_on)}批准）"))
        a.status = ApplicantStatus.CANCELLED


def clear_step(db: Database, applicant_id: int, no: int) -> ApplicantDetail:
    """Remove a step recorded by mistake; only the last one, and never one the roster already follows."""
    with db.transaction() as s:
        a = _load(s, applicant_id)
        row = next((st for st in a.steps if st.step_no == no and st.done_on), None)
        if row is None:
            raise NotFound(f"{a.name}还没有记录{dr.step_label(no)}。")
        if no == 1:
            raise ValidationError("第1步是申请书的日期，只能修改，不能清除。")
        if no in ROSTER_STEPS:
            raise ValidationError(f"{dr.step_label(no)}已经记入花名册，不能清除；日期有误请直接修改。")
        later = [st.step_no for st in a.steps if st.step_no > no and st.done_on]
        if later:
            raise ValidationError(f"已经记录了第{min(later)}步，只能先清除后面的步骤。")
        a.steps.remove(row)
        s.delete(row)
        forget_unused_contents(db, s)  # the step's attachments went with it
    return applicant_detail(db, applicant_id)


# ---------------------------------------------------------------- reviews (思想汇报 / 半年考察)


def add_review(db: Database, applicant_id: int, kind: str, done_on: date, reviewer: str = "",
               content: str = "") -> ReviewInfo:
    if kind not in REVIEW_KINDS:
        raise ValidationError(f"记录类型应为 {'或'.join(REVIEW_KINDS.values())}。")
    if done_on is None:
        raise ValidationError("请填写日期。")
    with db.transaction() as s:
        a = _load(s, applicant_id)
        started = next((st.done_on for st in a.steps if st.step_no == 1 and st.done_on), None)
        if started and done_on < started:
            raise ValidationError(f"{REVIEW_KINDS[kind]}的日期{cn(done_on)}早于递交入党申请书的日期{cn(started)}。")
        r = m.DevelopmentReview(applicant_id=a.id, kind=kind, done_on=done_on,
                                reviewer=_clean(reviewer, "考察人", 50), content=content or "")
        s.add(r)
        s.flush()
        return ReviewInfo(r.id, r.kind, REVIEW_KINDS[r.kind], r.done_on, r.reviewer, r.content)


def remove_review(db: Database, review_id: int) -> None:
    with db.transaction() as s:
        r = s.get(m.DevelopmentReview, review_id)
        if r is None:
            raise NotFound(f"没有编号为 {review_id} 的考察记录。")
        s.delete(r)


# ---------------------------------------------------------------- reading


def _urgency(nxt: dr.NextStep | None, found: list[Finding], as_of: date, window: int) -> str:
    if nxt is None:
        return "done"
    if any(f.severity in (Severity.OVERDUE,) for f in found) or (nxt.due and nxt.due < as_of):
        return "overdue"
    if any(f.severity is Severity.DUE for f in found) or (nxt.due and (nxt.due - as_of).days <= window):
        return "due"
    return "ok"


def _card(a: m.Applicant, members, as_of: date, overrides) -> Card:
    facts = _facts(a, members)
    now = facts.as_of(as_of)
    nxt = dr.next_step(now, overrides)
    found = sorted(dr.findings(facts, as_of, overrides), key=sort_key)
    window = int(rules.param_value("PROBATION-END", "due_days", overrides))
    done = [n for n, st in facts.steps.items() if st.done_on]
    stage = step(nxt.no).stage if nxt else (step(max(done)).stage if done else 1)  # a stopped file stays where it stopped
    alert = ""
    if found:
        top = found[0]
        alert = f"{rules.rule(top.rule, a.rule_catalog_version).title}：{top.severity.label}"
    return Card(a.id, a.name, stage, nxt.no if nxt else None, nxt.name if nxt else a.status.label,
                nxt.due if nxt else None, nxt.earliest if nxt else None, _urgency(nxt, found, as_of, window),
                len(found), a.status, nxt.note if nxt else "", alert)


def _applicants(s: Session, branch_id: int, include_closed: bool) -> list[m.Applicant]:
    q = (select(m.Applicant).where(m.Applicant.branch_id == branch_id)
         .options(selectinload(m.Applicant.steps), selectinload(m.Applicant.reviews))
         .order_by(m.Applicant.id))
    if not include_closed:
        q = q.where(m.Applicant.status == ApplicantStatus.ACTIVE)
    return list(s.scalars(q))


def board(db: Database, branch_id: int, as_of: date | None = None, include_closed: bool = False) -> list[BoardColumn]:
    """One column per stage, one card per person, most urgent first."""
    as_of = as_of or date.today()
    with db.session() as s:
        applicants = _applicants(s, branch_id, include_closed)
        members = _members_for(s, applicants)
        overrides = _overrides(s)
        cards = [_card(a, members, as_of, overrides) for a in applicants]
    order = {"overdue": 0, "due": 1, "ok": 2, "done": 3}
    columns = []
    for st in STAGES:
        mine = sorted((c for c in cards if c.stage == st.no),
                      key=lambda c: (order[c.urgency], c.due or date.max, c.name))
        columns.append(BoardColumn(st.no, st.name, mine))
    return columns


def list_applicants(db: Database, branch_id: int, as_of: date | None = None,
                    include_closed: bool = True) -> list[ApplicantDetail]:
    """Everyone of the branch with their 25 steps (for `development list`, the ledger, the record)."""
    as_of = as_of or date.today()
    with db.session() as s:
        applicants = _applicants(s, branch_id, include_closed)
        members = _members_for(s, applicants)
        ctx = _DetailContext.load(s, applicants)
        return [_detail(a, members, ctx, as_of) for a in applicants]


def applicant_detail(db: Database, applicant_id: int, as_of: date | None = None) -> ApplicantDetail:
    """One person's file: particulars, the 25 steps, reviews, the timeline and the findings as of a day."""
    as_of = as_of or date.today()
    with db.session() as s:
        a = _load(s, applicant_id)
        return _detail(a, _members_for(s, [a]), _DetailContext.load(s, [a]), as_of)


@dataclass
class _DetailContext:
    """What every detail needs besides the applicant, read once for many."""

    overrides: dict[str, Any]
    branches: dict[int, m.Branch]
    groups: dict[int, str]
    attachment_counts: dict[int, int]

    @classmethod
    def load(cls, s: Session, applicants: list[m.Applicant]) -> "_DetailContext":
        branch_ids = {a.branch_id for a in applicants}
        branches = {b.id: b for b in s.scalars(select(m.Branch).where(m.Branch.id.in_(branch_ids)))} if branch_ids else {}
        groups = dict(s.execute(select(m.PartyGroup.id, m.PartyGroup.name)
                                .where(m.PartyGroup.branch_id.in_(branch_ids))).tuples().all()) if branch_ids else {}
        counts = dict(s.execute(select(m.Attachment.step_id, func.count(m.Attachment.id))
                                .join(m.DevelopmentStep, m.DevelopmentStep.id == m.Attachment.step_id)
                                .where(m.DevelopmentStep.applicant_id.in_([a.id for a in applicants]))
                                .group_by(m.Attachment.step_id)).tuples().all()) if applicants else {}
        return cls(_overrides(s), branches, groups, counts)


def _detail(a: m.Applicant, members: Mapping[int, m.Member], ctx: _DetailContext, as_of: date) -> ApplicantDetail:
    overrides = ctx.overrides
    facts = _facts(a, members)
    branch = ctx.branches[a.branch_id]
    rows = {st.step_no: st for st in a.steps}
    steps = []
    for st in STEPS:
        r = rows.get(st.no)
        steps.append(StepInfo(st.no, st.stage, st.name, r.id if r else None, r.done_on if r else None,
                              list(r.people or []) if r else [], dict(r.details or {}) if r else {},
                              r.notes if r else "", ctx.attachment_counts.get(r.id, 0) if r else 0))
    reviews = [ReviewInfo(r.id, r.kind, REVIEW_KINDS.get(r.kind, r.kind), r.done_on, r.reviewer, r.content)
               for r in a.reviews]
    window = int(rules.param_value("PROBATION-END", "due_days", overrides))
    nxt = dr.next_step(facts.as_of(as_of), overrides)
    found = sorted(dr.findings(facts, as_of, overrides), key=sort_key)
    return ApplicantDetail(
        a.id, a.branch_id, branch.name, branch.parent_org, a.name, a.gender, a.birth_date, a.id_number,
        a.ethnicity, a.native_place, a.education, a.work_unit, a.phone, ctx.groups.get(a.group_id, ""),
        a.status, a.probation_outcome, a.extension_months or 0, a.leaves_unit_on, a.rule_catalog_version,
        a.member_id, a.notes, steps, reviews, dr.timeline(facts, as_of, overrides, window), found, nxt,
        step(nxt.no).stage if nxt else 5)


def applicant_choices(db: Database, branch_id: int, year: int | None = None) -> list[tuple[int, str]]:
    """(id, “张三（第7步 确定发展对象）”) for choosing whose 纪实表 to print."""
    with db.session() as s:
        rows = s.execute(select(m.Applicant.id, m.Applicant.name, m.Applicant.status)
                         .where(m.Applicant.branch_id == branch_id).order_by(m.Applicant.id)).all()
    return [(i, f"{n}（{status.label}）") for i, n, status in rows]


@dataclass(frozen=True)
class MeetingVote:
    """A vote on this person recorded with a 支部党员大会 in 三会一课, to bring into step 15 or 23."""

    meeting_id: int
    held_on: date
    title: str
    expected_voters: int
    present_voters: int
    in_favour: int
    against: int
    abstain: int
    written_in_favour: int


def meeting_vote(db: Database, applicant_id: int, no: int) -> MeetingVote | None:
    """The latest meeting vote on the applicant for step 15 (接收) or 23 (转正), if the meeting was recorded."""
    from dangjian_desktop.core.glossary import VoteKind

    kind = {ADMISSION_STEP: VoteKind.ADMISSION, FULL_MEMBERSHIP_VOTE_STEP: VoteKind.FULL_MEMBERSHIP}.get(no)
    if kind is None:
        return None
    with db.session() as s:
        row = s.execute(
            select(m.Vote, m.Meeting.held_on, m.Meeting.title, m.Meeting.id)
            .join(m.Meeting, m.Meeting.id == m.Vote.meeting_id)
            .where(m.Vote.applicant_id == applicant_id, m.Vote.kind == kind)
            .order_by(m.Meeting.held_on.desc(), m.Vote.id.desc())).first()
        if row is None:
            return None
        v, held_on, title, meeting_id = row
        return MeetingVote(meeting_id, held_on, title or "支部党员大会", v.expected_voters, v.present_voters,
                           v.in_favour, v.against, v.abstain, v.written_in_favour)


def roster_choices(db: Database, branch_id: int) -> list[RosterChoice]:
    """Members on the roll who can be picked as 联系人 / 介绍人, 正式党员 first."""
    with db.session() as s:
        rows = s.execute(
            select(m.Member.id, m.Member.name, m.Member.status, m.PartyGroup.name)
            .outerjoin(m.PartyGroup, m.PartyGroup.id == m.Member.group_id)
            .where(m.Member.branch_id == branch_id,
                   m.Member.status.in_([MemberStatus.FULL, MemberStatus.PROBATIONARY]))
            .order_by(m.Member.status, m.Member.name_pinyin, m.Member.id)).all()
    out = []
    for mid, name, status, group in rows:
        extra = f"，{group}" if group else ""
        out.append(RosterChoice(mid, name, status, f"{name}（{status.label}{extra}）"))
    return out


# ---------------------------------------------------------------- check


def _stored_json(value: Any) -> Any:
    """A JSON column read as text (a driver that decodes JSON itself gives the value): None when empty."""
    if not isinstance(value, str):
        return value
    return None if value in ("[]", "{}", "null", "") else json.loads(value)


def check_provider(s: Session, ctx) -> Iterable[Finding]:
    """All DEV-* and PROBATION-END findings for the branches of a `check`, as of its date.
    Reads plain rows (four queries in all, no ORM objects): a 党委 has thousands of applicants."""
    A, S, R, M = m.Applicant, m.DevelopmentStep, m.DevelopmentReview, m.Member
    finished = (ApplicantStatus.COMPLETED, ApplicantStatus.CANCELLED)
    # a file closed on the day (终止培养, or 转正/取消资格 decided at step 24 by then) has no findings
    # (`dr.findings` returns at once): its steps and reviews are not read
    closed = or_(A.status == ApplicantStatus.STOPPED,
                 and_(A.status.in_(finished), A.id.in_(select(S.applicant_id).where(
                     S.step_no == FULL_MEMBERSHIP_APPROVAL_STEP, S.done_on <= ctx.as_of))))
    in_scope = and_(A.branch_id.in_(ctx.branch_ids), not_(closed))
    conn = s.connection()  # plain Core rows: the ORM's result layer costs more than the query here
    applicants = conn.execute(
        select(A.id, A.branch_id, A.name, A.birth_date, A.rule_catalog_version, A.leaves_unit_on,
               A.extension_months, A.status).where(in_scope).order_by(A.id)).all()
    steps: dict[int, list[tuple]] = {}
    # people and details as stored (most are empty: decoding only the others saves a third of the time)
    # (.all(): iterating a result fetches row by row, a third slower for 27,000 steps)
    for aid, no, done_on, people, details in conn.execute(
            select(S.applicant_id, S.step_no, S.done_on, type_coerce(S.people, Text), type_coerce(S.details, Text))
            .join(A, A.id == S.applicant_id).where(in_scope, S.done_on.is_not(None))
            .order_by(S.applicant_id, S.step_no)).all():
        steps.setdefault(aid, []).append((aid, no, done_on, _stored_json(people), _stored_json(details)))
    reviews: dict[int, list[dr.ReviewFact]] = {}
    for aid, kind, done_on in conn.execute(select(R.applicant_id, R.kind, R.done_on)
                                        .join(A, A.id == R.applicant_id).where(in_scope)
                                        .order_by(R.applicant_id, R.done_on, R.id)).all():
        reviews.setdefault(aid, []).append(dr.ReviewFact(kind, done_on))
    ids = {p.get("member_id") for rows in steps.values() for row in rows for p in (row[3] or [])
           if p.get("member_id")}
    # `_status_on` reads only status, status_since, full_member_on and joined_on: the check's shared roster
    # has them for the branches checked; 介绍人 or 联系人 from elsewhere are read here
    roster = ctx.roster(s).by_id
    members = {i: roster[i] for i in ids if i in roster}
    others = [i for i in ids if i not in roster]
    if others:
        members.update((r.id, r) for r in conn.execute(
            select(M.id, M.status, M.status_since, M.full_member_on, M.joined_on).where(M.id.in_(others))).all())
    for aid, branch_id, name, birth_date, version, leaves_on, extension, status in applicants:
        facts = dr.ApplicantFacts(
            name=name, birth_date=birth_date, catalog_version=version,
            steps={no: _step_fact(no, done_on, people, details, members)
                   for _, no, done_on, people, details in steps.get(aid, ())},
            reviews=tuple(reviews.get(aid, ())), leaves_unit_on=leaves_on, extension_months=extension or 0,
            finished=status in finished, stopped=status is ApplicantStatus.STOPPED, id=aid, branch_id=branch_id)
        yield from dr.findings(facts, ctx.as_of, ctx.overrides)


# ---------------------------------------------------------------- import


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False


def _import_ledger(db: Database, path: str | Path, branch_id: int, *, dry_run: bool,
                   progress: Callable[[int, int, str], None] | None) -> ImportResult:
    from dangjian_desktop.errors import InputErrors
    from dangjian_desktop.io.development_import import read_ledger

    ledger = read_ledger(path)
    errors = list(ledger.errors)
    warnings: list[str] = []
    result = ImportResult(dry_run=dry_run)
    with db.transaction() as s:
        if s.get(m.Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        groups = {n: i for i, n in s.execute(select(m.PartyGroup.id, m.PartyGroup.name)
                                                 .where(m.PartyGroup.branch_id == branch_id)).tuples()}
        overrides = _overrides(s)
        seen: dict[str, int] = {}
        for k, row in enumerate(ledger.rows):
            if progress:
                progress(k, len(ledger.rows), row.name)
            key = row.id_number or row.name
            if key in seen:
                errors.append(f"{row.where}：{row.name}与第{seen[key]}行是同一人（{'身份证号' if row.id_number else '姓名'}相同）。")
                continue
            seen[key] = row.number
            if 1 not in row.steps:
                errors.append(f"{row.where}：{row.name}没有递交入党申请书的日期，无法建立发展档案。")
                continue
            people = {no: [{"role": dr.STEP_ROLES[no], "name": n} for n in names]
                      for no, names in row.people.items()}
            members = {}
            steps = {no: _step_fact(no, d, [], {}, members) for no, d in row.steps.items()}
            for no, ppl in people.items():
                if no in steps:
                    steps[no] = dr.StepFact(no, steps[no].done_on, tuple(dr.PersonFact(p["role"], p["name"]) for p in ppl))
            facts = dr.ApplicantFacts(row.name, row.birth_date, rules.CURRENT_VERSION, steps)
            for v in dr.all_violations(facts, overrides):
                if v.rule == "DEV-ORDER":
                    errors.append(f"{row.where}：{v.message}")
                elif v.rule in ("DEV-AGE-18", "DEV-ACTIVIST-1Y", "DEV-APPROVAL-3M", "DEV-LEAVING-3M"):
                    warnings.append(f"{row.where}：{v.message}")
            if errors:
                continue
            q = select(m.Applicant).where(m.Applicant.id_number == row.id_number) if row.id_number else \
                select(m.Applicant).where(m.Applicant.branch_id == branch_id, m.Applicant.name == row.name,
                                          m.Applicant.id_number.is_(None))
            a = s.scalar(q.options(selectinload(m.Applicant.steps)))
            if a is not None and a.branch_id != branch_id:
                errors.append(f"{row.where}：身份证号相同的{a.name}已在另一个支部登记为入党申请人。")
                continue
            group_id = groups.get(row.group) if row.group else None
            if row.group and group_id is None:
                warnings.append(f"{row.where}：党小组“{row.group}”不在本支部的党小组中，未填写党小组。")
            if a is None:
                a = m.Applicant(branch_id=branch_id, name=row.name, rule_catalog_version=rules.CURRENT_VERSION,
                                status=ApplicantStatus.ACTIVE)
                s.add(a)
                result.created += 1
            else:
                result.updated += 1
            for attr in ("gender", "birth_date", "id_number", "ethnicity", "native_place", "education",
                         "work_unit", "phone"):
                value = getattr(row, attr)
                if value not in (None, ""):
                    setattr(a, attr, value)
            if group_id:
                a.group_id = group_id
            s.flush()
            existing = {st.step_no: st for st in a.steps}
            for no, d in sorted(row.steps.items()):
                st = existing.get(no)
                if st is None:
                    st = m.DevelopmentStep(applicant_id=a.id, step_no=no, people=[], details={}, notes="")
                    s.add(st)
                    a.steps.append(st)
                st.done_on = d
                if no in people:
                    st.people = _clean_people(s, branch_id, no, people[no])
                if no == FULL_MEMBERSHIP_VOTE_STEP and not (st.details or {}).get("outcome"):
                    st.details = {**(st.details or {}), "outcome": ProbationOutcome.ON_TIME.value}
            for no in sorted(set(people) - set(row.steps)):  # names without a date: kept, step not done
                st = existing.get(no)
                if st is None:
                    st = m.DevelopmentStep(applicant_id=a.id, step_no=no, done_on=None, details={}, notes="")
                    s.add(st)
                    a.steps.append(st)
                st.people = _clean_people(s, branch_id, no, people[no])
            s.flush()
            if ADMISSION_STEP in row.steps:
                _admit(s, a, row.steps[ADMISSION_STEP])
            if (FULL_MEMBERSHIP_VOTE_STEP in row.steps or FULL_MEMBERSHIP_APPROVAL_STEP in row.steps) \
                    and a.probation_outcome is None:  # a ledger records only 转正 that happened
                _decide(s, a, {"outcome": ProbationOutcome.ON_TIME.value})
            if FULL_MEMBERSHIP_APPROVAL_STEP in row.steps and a.status is ApplicantStatus.ACTIVE:
                _approve(s, a, row.steps[FULL_MEMBERSHIP_APPROVAL_STEP])
        if errors:
            raise InputErrors(errors, summary=f"发现 {len(errors)} 处问题，未导入任何数据。")
        result.warnings = ledger.warnings + warnings
        if dry_run:
            raise _DryRun(result)
    return result


class _DryRun(Exception):
    """Leaves db.transaction() by rolling back: a dry run writes nothing."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


def import_ledger(db: Database, path: str | Path, branch_id: int, *, dry_run: bool = False,
                  progress: Callable[[int, int, str], None] | None = None) -> ImportResult:
    """A 发展党员台账 from Excel: all or nothing. Unreadable cells and steps out of order refuse the
    whole file (one line per problem); other rule breaches are imported and reported as warnings."""
    if not dry_run:  # issue 7: a backup of the state before the import (skipped if unchanged since the last)
        from dangjian_desktop.services.backup import snapshot

        snapshot(db, "导入发展台账前")
    try:
        return _import_ledger(db, path, branch_id, dry_run=dry_run, progress=progress)
    except _DryRun as done:
        return done.result
