"""`check`: everything overdue, due soon or against a rule, from every part of the record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import add_years, cn
from dangjian_desktop.core.findings import Finding, sort_key
from dangjian_desktop.core.glossary import Severity
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.models import Branch, CommitteeTerm
from dangjian_desktop.services import settings


@dataclass
class CheckContext:
    """What every provider needs: which branches, as of when, with which local rules."""

    branch_ids: list[int]
    as_of: date
    overrides: dict[str, Any] = field(default_factory=dict)
    branch_names: dict[int, str] = field(default_factory=dict)

    def param(self, rule_id: str, key: str) -> Any:
        return rules.param_value(rule_id, key, self.overrides)


Provider = Callable[[Session, CheckContext], Iterable[Finding]]


def election_due(s: Session, ctx: CheckContext) -> Iterable[Finding]:
    """ELECTION-DUE: the current 支委 term ends within the reminder window, or has ended."""
    term_default = ctx.param("ELECTION-DUE", "term_years")
    window = timedelta(days=int(ctx.param("ELECTION-DUE", "due_days")))
    rule = rules.rule("ELECTION-DUE")
    for branch_id in ctx.branch_ids:
        term = s.scalars(
            select(CommitteeTerm)
            .where(CommitteeTerm.branch_id == branch_id, CommitteeTerm.ended_on.is_(None),
                   CommitteeTerm.elected_on <= ctx.as_of)
            .order_by(CommitteeTerm.elected_on.desc())
        ).first()
        if term is None:
            continue
        years = term.term_years or term_default
        ends = add_years(term.elected_on, years)
        name = ctx.branch_names.get(branch_id, "")
        if ends < ctx.as_of:
            yield Finding("ELECTION-DUE", Severity.OVERDUE, name, ends,
                          f"支部委员会于{cn(term.elected_on)}选举产生，任期{years}年，"
                          f"已于{cn(ends)}届满，应尽快换届（{rule.citation}）。",
                          ref=("branch", branch_id), branch_id=branch_id)
        elif ends - window <= ctx.as_of:
            yield Finding("ELECTION-DUE", Severity.DUE, name, ends,
                          f"支部委员会任期将于{cn(ends)}届满，请提前准备换届选举（{rule.citation}）。",
                          ref=("branch", branch_id), branch_id=branch_id)


def _providers() -> list[Provider]:
    """Every part of the program that contributes findings; each later area adds its own."""
    from dangjian_desktop.services import birthdays, development, meetings

    return [election_due, development.check_provider, meetings.meeting_findings, meetings.inactive_members,
            birthdays.member_findings]


def run_check(db: Database, branch_ids: list[int] | None = None, as_of: date | None = None) -> list[Finding]:
    """All findings for the branches (all of them if None) as of a date, most urgent first."""
    as_of = as_of or date.today()
    with db.session() as s:
        names = {bid: bname for bid, bname in s.execute(select(Branch.id, Branch.name)).all()}
        ids = list(names) if branch_ids is None else list(branch_ids)
        ctx = CheckContext(ids, as_of, settings.rule_overrides(db), names)
        findings: list[Finding] = []
        for provider in _providers():
            findings.extend(provider(s, ctx))
    findings.sort(key=sort_key)
    return findings
