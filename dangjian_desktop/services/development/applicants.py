"""发展党员: registering an applicant, changing their particulars, 终止培养, and 思想汇报/考察 records."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core import idcard, rules
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import Step
from dangjian_desktop.core.glossary import ApplicantStatus, Gender
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services.development.facts import _clean, _load, _overrides, _refuse_if_broken
from dangjian_desktop.services.development.model import REVIEW_KINDS, ApplicantDetail, ReviewInfo
from dangjian_desktop.services.development.reading import applicant_detail


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
    if applied_on > date.today():
        raise ValidationError(f"递交入党申请书的日期{cn(applied_on)}在今天之后，请填写实际递交的日期。")
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
        first = dr.StepFact(Step.APPLICATION, applied_on)
        facts = dr.ApplicantFacts(name, birth_date, rules.CURRENT_VERSION, {Step.APPLICATION: first})
        _refuse_if_broken(facts, [], Step.APPLICATION, _overrides(s))
        s.add(a)
        s.flush()
        s.add(m.DevelopmentStep(applicant_id=a.id, step_no=Step.APPLICATION, done_on=applied_on, people=[], details={},
                                notes=""))
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


def add_review(db: Database, applicant_id: int, kind: str, done_on: date, reviewer: str = "",
               content: str = "") -> ReviewInfo:
    if kind not in REVIEW_KINDS:
        raise ValidationError(f"记录类型应为 {'或'.join(REVIEW_KINDS.values())}。")
    if done_on is None:
        raise ValidationError("请填写日期。")
    if done_on > date.today():
        raise ValidationError(f"{REVIEW_KINDS[kind]}的日期{cn(done_on)}在今天之后，请填写实际的日期。")
    with db.transaction() as s:
        a = _load(s, applicant_id)
        started = next((st.done_on for st in a.steps if st.step_no == Step.APPLICATION and st.done_on), None)
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
