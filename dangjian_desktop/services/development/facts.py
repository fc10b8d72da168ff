"""发展党员: the facts the DEV-* rules judge, read from the database, and the helpers every part shares."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core.glossary import ApplicantStatus, MemberStatus
from dangjian_desktop.core.step_details import StepDetails, read_details
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services.development.model import StepRefused
from dangjian_desktop.services.settings import overrides_in


def _status_on(member: m.Member, day: date) -> tuple[MemberStatus | None, bool]:
    """The member's roster status on `day`, and whether they joined only later (or arrived by 转入 later)."""
    if member.arrived_on is not None and member.arrived_on > day:
        return None, True
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


def _step_fact(no: int, done_on: date | None, people: Iterable[Mapping[str, Any]],
               details: StepDetails | Mapping[str, Any] | None,
               members: Mapping[int, m.Member]) -> dr.StepFact:
    return dr.StepFact(no, done_on, tuple(_person_fact(p, members, done_on) for p in people or ()),
                       read_details(no, details))


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
    return overrides_in(s)


def _clean(text: Any, what: str, max_len: int, required: bool = False) -> str:
    value = " ".join(str(text or "").split())
    if required and not value:
        raise ValidationError(f"请填写{what}。")
    if len(value) > max_len:
        raise ValidationError(f"{what}太长（{len(value)}个字），最多{max_len}个字。")
    return value


def _refuse_if_broken(new: dr.ApplicantFacts, old_violations: list[dr.Violation], no: int,
                      overrides: Mapping[str, Any]) -> None:
    """Refuse an entry that adds a rule breach (breaches already on file are not the entry's fault)."""
    before = {(v.rule, v.step_no, v.message) for v in old_violations}
    # a prerequisite merely not recorded yet is saved and reported by `check` (DEV-PREREQ), not refused
    added = [v for v in dr.refusals(dr.all_violations(new, overrides)) if (v.rule, v.step_no, v.message) not in before]
    if added:
        text = "；".join(v.message for v in added)
        raise StepRefused(f"不能保存{dr.step_label(no)}：{text}。", added)
