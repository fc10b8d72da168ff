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
from dangjian_desktop.core.glossary import Gender, MemberStatus, Severity
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.models import Branch, CommitteeTerm, Member, MemberStatusChange, PartyGroup
from dangjian_desktop.services import settings


class RosterMember:
    """One person of the branches being checked, as the providers read them (plain values, no ORM object).
    `status_changes` are (member_id, id, status, changed_on) rows in id order, as `meetings.status_on` reads them."""

    __slots__ = ("id", "branch_id", "name", "id_number", "joined_on", "full_member_on", "birth_date", "gender",
                 "status", "status_since", "sort", "status_changes", "group_id", "is_floating",
                 "probation_extension_months", "arrived_on")

    def __init__(self, id: int, branch_id: int, name: str, id_number: str | None, joined_on: date | None,
                 full_member_on: date | None, birth_date: date | None, gender: Gender | None, status: MemberStatus,
                 status_since: date | None, sort: tuple) -> None:
        self.id, self.branch_id, self.name, self.id_number = id, branch_id, name, id_number
        self.joined_on, self.full_member_on, self.birth_date, self.gender = joined_on, full_member_on, birth_date, gender
        self.status, self.status_since, self.sort = status, status_since, sort
        self.status_changes: list = []
        self.group_id: int | None = None
        self.is_floating = False  # 流动党员: attends organisational life elsewhere
        self.probation_extension_months = 0
        self.arrived_on: date | None = None  # 转入: on this branch's roll from that day (`meetings.status_on`)


@dataclass
class Roster:
    """Everyone (current and past) of the branches being checked, read once per `check` for all providers.
    `people` are in (branch, status, id) order: the order the per-branch queries used to give."""

    people: list[RosterMember]
    by_id: dict[int, RosterMember]
    by_branch: dict[int, list[RosterMember]]

    @classmethod
    def read(cls, s: Session, branch_ids: list[int]) -> "Roster":
        M, C = Member, MemberStatusChange
        conn = s.connection()  # plain Core rows, fetched at once: 10,000 members and twice as many changes
        rows = conn.execute(
            select(M.id, M.branch_id, M.name, M.id_number, M.joined_on, M.full_member_on, M.birth_date, M.gender,
                   M.status, M.status_since, PartyGroup.sort_order, M.name_strokes, M.group_id, M.is_floating,
                   M.probation_extension_months, M.arrived_on)
            .outerjoin(PartyGroup, PartyGroup.id == M.group_id).where(M.branch_id.in_(branch_ids))
            .order_by(M.branch_id, M.status, M.id)).all()
        people = []
        for (mid, bid, name, number, joined, full, born, gender, status, since, order, strokes, group_id, floating,
             extension, arrived) in rows:
            p = RosterMember(mid, bid, name, number, joined, full, born, gender, status, since,
                             (order if order is not None else 99, strokes or "", name))
            p.group_id, p.is_floating, p.probation_extension_months = group_id, bool(floating), extension or 0
            p.arrived_on = arrived
            people.append(p)
        by_id = {p.id: p for p in people}
        changes = conn.execute(
            select(C.member_id, C.id, C.status, C.changed_on).join(M, M.id == C.member_id)
            .where(M.branch_id.in_(branch_ids)).order_by(C.member_id, C.id)).all()
        for change in changes:
            by_id[change.member_id].status_changes.append(change)
        by_branch: dict[int, list[RosterMember]] = {}
        for p in people:
            by_branch.setdefault(p.branch_id, []).append(p)
        return cls(people, by_id, by_branch)

    def of_branch(self, branch_id: int) -> list[RosterMember]:
        return self.by_branch.get(branch_id, [])


@dataclass
class CheckContext:
    """What every provider needs: which branches, as of when, with which local rules, and (read once
    when first asked for) the roster of those branches."""

    branch_ids: list[int]
    as_of: date
    overrides: dict[str, Any] = field(default_factory=dict)
    branch_names: dict[int, str] = field(default_factory=dict)
    _roster: Roster | None = field(default=None, repr=False)
    _shared: dict[str, Any] = field(default_factory=dict, repr=False)

    def param(self, rule_id: str, key: str) -> Any:
        return rules.param_value(rule_id, key, self.overrides)

    def shared(self, key: str, make: Callable[[], Any]) -> Any:
        """Something more than one provider needs, made by the first that asks, once per check."""
        if key not in self._shared:
            self._shared[key] = make()
        return self._shared[key]

    def roster(self, s: Session) -> Roster:
        """The people of the branches being checked, shared by every provider of one `check`."""
        if self._roster is None:
            self._roster = Roster.read(s, self.branch_ids)
        return self._roster


Provider = Callable[[Session, CheckContext], Iterable[Finding]]


def election_due(s: Session, ctx: CheckContext) -> Iterable[Finding]:
    """ELECTION-DUE: the current 支委 term ends within the reminder window, or has ended. The term is 5 years
    for a 村、社区党支部 and 3 for other branches (a setting per branch); until the branch says which, the
    years recorded at the election count, and a finding says how to set it."""
    from dangjian_desktop.services.branches import community_of, term_years

    window = timedelta(days=int(ctx.param("ELECTION-DUE", "due_days")))
    rule = rules.rule("ELECTION-DUE")
    kinds = community_of(s, ctx.branch_ids)
    T = CommitteeTerm
    current = {}  # each branch's term in force: the latest elected by the day, not ended (one statement)
    for term in s.connection().execute(
            select(T.branch_id, T.elected_on, T.term_years)
            .where(T.branch_id.in_(ctx.branch_ids), T.ended_on.is_(None), T.elected_on <= ctx.as_of)
            .order_by(T.branch_id, T.elected_on.desc(), T.id.desc())).all():
        current.setdefault(term.branch_id, term)
    for branch_id in ctx.branch_ids:
        term = current.get(branch_id)
        if term is None:
            continue
        community = kinds.get(branch_id)
        years = term_years(term.term_years, community, ctx.overrides)
        ends = add_years(term.elected_on, years)
        name = ctx.branch_names.get(branch_id, "")
        kind = {True: "村、社区党支部", False: "党支部"}.get(community, "")
        hint = "" if community is not None else \
            "（村、社区党支部任期5年，其他党支部3年；请在“设置 → 支部与支委”中选择本支部的类型）"
        if ends < ctx.as_of:
            yield Finding("ELECTION-DUE", Severity.OVERDUE, name, ends,
                          f"支部委员会于{cn(term.elected_on)}选举产生，{kind}任期{years}年，"
                          f"已于{cn(ends)}届满，应尽快换届{hint}（{rule.citation}）。",
                          ref=("branch", branch_id), branch_id=branch_id)
        elif ends - window <= ctx.as_of:
            yield Finding("ELECTION-DUE", Severity.DUE, name, ends,
                          f"支部委员会于{cn(term.elected_on)}选举产生，{kind}任期{years}年，将于{cn(ends)}届满，"
                          f"请提前准备换届选举{hint}（{rule.citation}）。",
                          ref=("branch", branch_id), branch_id=branch_id)


def _providers() -> list[Provider]:
    """Every part of the program that contributes findings; each later area adds its own."""
    from dangjian_desktop.services import (
        appraisals,
        birthdays,
        development,
        dues,
        heart_talks,
        meetings,
        probation,
        rectification,
        study,
        transfers,
    )

    # 党费 (DUES-ARREARS-3M, and MEMBER-INACTIVE-6M naming unpaid 党费) from the 党费 ledger's own provider
    return [election_due, development.check_provider, probation.roster_findings, meetings.meeting_findings,
            meetings.inactive_members, birthdays.member_findings, dues.check_provider, study.check_provider,
            transfers.receipt_findings, heart_talks.coverage_findings, appraisals.disposal_findings,
            rectification.check_provider]


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
