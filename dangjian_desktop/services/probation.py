"""PROBATION-END for every 预备党员 on the roll, also those entered or imported without a 发展党员 file.

转正 is a decision (支部大会 vote + 上级党委 approval), never automatic: a 预备党员 whose 预备期 is over
stays 预备 until the decision is recorded, and is reported here until then. A person whose 发展党员
file is open here is reported by that file (`services.development.check`), once.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Iterable

from sqlalchemy import select

from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import add_months, add_years, cn
from dangjian_desktop.core.development import Step
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import ApplicantStatus, MemberStatus, Severity
from dangjian_desktop.db import models as m
from dangjian_desktop.services.meetings.attendance import status_on

RULE = "PROBATION-END"


def roster_findings(s, ctx) -> Iterable[Finding]:
    """PROBATION-END for the 预备党员 of the roll on the check's day that no open 发展党员 file covers."""
    window = timedelta(days=int(ctx.param(RULE, "due_days")))
    rule = rules.rule(RULE)
    years = int(ctx.param("DEV-PROBATION-1Y", "years"))
    A, S = m.Applicant, m.DevelopmentStep
    covered = set(s.connection().execute(
        select(A.member_id).join(S, S.applicant_id == A.id)
        .where(A.branch_id.in_(ctx.branch_ids), A.member_id.is_not(None), A.status == ApplicantStatus.ACTIVE,
               S.step_no == Step.BRANCH_CONGRESS_ADMIT, S.done_on.is_not(None), S.done_on <= ctx.as_of)).scalars())
    for p in ctx.roster(s).people:
        if p.id in covered or p.joined_on is None or p.joined_on > ctx.as_of:
            continue
        # most of a 党委's 10,000 are full members since long before the day and unchanged since: no history
        # to read (`status_on`) for them
        if p.status is MemberStatus.FULL and p.full_member_on is not None and p.full_member_on <= ctx.as_of \
                and all(c.changed_on <= ctx.as_of for c in p.status_changes):
            continue
        if status_on(p, ctx.as_of) is not MemberStatus.PROBATIONARY:
            continue
        extension = p.probation_extension_months or 0
        end = add_months(add_years(p.joined_on, years), extension)
        what = f"延长{extension}个月后的预备期" if extension else "预备期"
        text = (f"{p.name}于{cn(p.joined_on)}接收为预备党员，{what}于{cn(end)}期满，应及时召开支部大会讨论其能否转为"
                f"正式党员，并报上级党委审批；转正须有组织决定，不会自动转正")
        if ctx.as_of > end:
            severity, text = Severity.OVERDUE, text + f"，已逾期{(ctx.as_of - end).days}天"
        elif ctx.as_of >= end - window:
            severity, text = Severity.DUE, text + f"，还有{(end - ctx.as_of).days}天"
        else:
            continue
        yield Finding(RULE, severity, p.name, end, f"{text}（“{rule.title}”，依据{rule.citation}）。",
                      ref=("member", p.id), branch_id=p.branch_id)
