"""发展党员: recording (or clearing) a step, and the roster kept in step at 15, 23 and 24."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Iterable, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import add_months, add_years, cn
from dangjian_desktop.core.development import Step
from dangjian_desktop.core.glossary import ApplicantStatus, MemberStatus, ProbationOutcome
from dangjian_desktop.core.names import name_keys
from dangjian_desktop.core.step_details import (
    DetailsError,
    ProbationVoteDetails,
    StepDetails,
    VoteDetails,
    read_details,
)
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services.attachments import forget_unused_contents
from dangjian_desktop.services.development.facts import (
    _clean,
    _facts,
    _load,
    _members_for,
    _overrides,
    _refuse_if_broken,
    _step_fact,
)
from dangjian_desktop.services.development.model import ROSTER_STEPS, ApplicantDetail
from dangjian_desktop.services.development.reading import applicant_detail


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


def _clean_details(no: int, details: StepDetails | Mapping[str, Any] | None) -> StepDetails:
    """The step's typed details from what the caller gave (typed, or a mapping such as the stored JSON);
    a vote's result is worked out here, never taken from the caller."""
    try:
        x = read_details(no, details)
    except DetailsError as exc:
        raise ValidationError(f"{exc}。") from None
    return x.with_result() if isinstance(x, VoteDetails) else x


def record_step(db: Database, applicant_id: int, no: int, done_on: date, *,
                people: Iterable[Mapping[str, Any]] | None = None,
                details: StepDetails | Mapping[str, Any] | None = None, notes: str = "",
                today: date | None = None) -> ApplicantDetail:
    """Record (or correct) one step; refuses an entry that breaks a DEV-* rule, naming rule and article.
    Steps 15, 23 and 24 update the roster: 预备党员 with 入党日期, extension, 转正 or cancellation."""
    if no not in iter(Step):
        raise ValidationError(f"步骤应为 1 到 25，收到 {no}。")
    no = Step(no)
    if done_on is None:
        raise ValidationError(f"请填写{dr.step_label(no)}的日期。")
    today = today or date.today()
    if done_on > today:  # a step is recorded once it is taken: a date to come is a plan, not a record
        raise ValidationError(f"{dr.step_label(no)}的日期{cn(done_on)}在今天之后。步骤办理后才能记录，请填写实际办理的日期。")
    with db.transaction() as s:
        a = _load(s, applicant_id)
        if a.status is ApplicantStatus.STOPPED:
            raise ValidationError(f"{a.name}已终止培养，不能再记录步骤。")
        person_rows = _clean_people(s, a.branch_id, no, people)
        x = _clean_details(no, details)
        row = next((st for st in a.steps if st.step_no == no), None)
        if isinstance(x, ProbationVoteDetails):
            old = read_details(no, row.details if row is not None else None)
            if old.extended_on:  # the extension stays on file when the final decision is recorded
                x = replace(x, extended_on=x.extended_on or old.extended_on,
                            extension_months=x.extension_months or old.extension_months)
            if x.outcome is ProbationOutcome.EXTENDED and not old.extended_on:
                x = replace(x, extended_on=done_on)
        members = _members_for(s, [a], [p["member_id"] for p in person_rows if "member_id" in p])
        old_facts = _facts(a, members)
        new_facts = old_facts.with_step(_step_fact(no, done_on, person_rows, x, members))
        if isinstance(x, ProbationVoteDetails):
            new_facts = replace(new_facts, extension_months=_extension(x))
        if no in ROSTER_STEPS and a.status in (ApplicantStatus.COMPLETED, ApplicantStatus.CANCELLED) \
                and no != Step.FULL_MEMBERSHIP_APPROVAL:
            raise ValidationError(f"{a.name}的转正手续已经办结（{a.status.label}），不能再修改第{no}步。")
        _refuse_if_broken(new_facts, dr.all_violations(old_facts, _overrides(s)), no, _overrides(s))
        if row is None:
            row = m.DevelopmentStep(applicant_id=a.id, step_no=no)
            s.add(row)
            a.steps.append(row)
        row.done_on = done_on
        row.people = person_rows
        row.details = x.to_json()
        row.notes = notes or ""
        s.flush()
        if no == Step.BRANCH_CONGRESS_ADMIT:
            _admit(s, a, done_on)
        elif no == Step.BRANCH_CONGRESS_FULL:
            _decide(s, a, x)
        elif no == Step.FULL_MEMBERSHIP_APPROVAL:
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


def _extension(x: ProbationVoteDetails) -> int:
    """The months the 预备期 was extended by (0 unless an extension is on file)."""
    return (x.extension_months or 0) if x.extended_on else 0


def _decide(s: Session, a: m.Applicant, details: ProbationVoteDetails) -> None:
    """Step 23: the 支部大会's decision; an extension moves the 转正 date on the roster at once."""
    a.probation_outcome = details.outcome
    months = _extension(details)
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
        if no == Step.APPLICATION:
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
