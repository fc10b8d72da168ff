"""发展党员: the DEV-* and PROBATION-END findings for `check`, from plain rows."""

from __future__ import annotations

import json
from typing import Any, Iterable

from sqlalchemy import Text, and_, not_, or_, select, type_coerce
from sqlalchemy.orm import Session

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core.development import Step
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import ApplicantStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.services.development.facts import _step_fact


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
                     S.step_no == Step.FULL_MEMBERSHIP_APPROVAL, S.done_on <= ctx.as_of))))
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
    # `_status_on` reads only status, status_since, full_member_on, joined_on and arrived_on: the check's roster
    # has them for the branches checked; 介绍人 or 联系人 from elsewhere are read here
    roster = ctx.roster(s).by_id
    members = {i: roster[i] for i in ids if i in roster}
    others = [i for i in ids if i not in roster]
    if others:
        members.update((r.id, r) for r in conn.execute(
            select(M.id, M.status, M.status_since, M.full_member_on, M.joined_on, M.arrived_on)
            .where(M.id.in_(others))).all())
    for aid, branch_id, name, birth_date, version, leaves_on, extension, status in applicants:
        facts = dr.ApplicantFacts(
            name=name, birth_date=birth_date, catalog_version=version,
            steps={no: _step_fact(no, done_on, people, details, members)
                   for _, no, done_on, people, details in steps.get(aid, ())},
            reviews=tuple(reviews.get(aid, ())), leaves_unit_on=leaves_on, extension_months=extension or 0,
            finished=status in finished, stopped=status is ApplicantStatus.STOPPED, id=aid, branch_id=branch_id)
        yield from dr.findings(facts, ctx.as_of, ctx.overrides)
