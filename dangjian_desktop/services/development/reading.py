"""发展党员: the board, a person's file with timeline and findings, and the choices the editors offer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core import rules
from dangjian_desktop.core.development import STAGES, STEPS, Step, step, step_name
from dangjian_desktop.core.findings import Finding, sort_key
from dangjian_desktop.core.glossary import ApplicantStatus, CommitteeMode, MemberStatus, Severity
from dangjian_desktop.core.meetings import has_committee
from dangjian_desktop.core.step_details import read_details
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.services.development.facts import _facts, _load, _members_for, _overrides
from dangjian_desktop.services.development.model import (
    REVIEW_KINDS,
    ApplicantDetail,
    BoardColumn,
    Card,
    ReviewInfo,
    RosterChoice,
    StepInfo,
)


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
    done = [n for n, st in now.steps.items() if st.done_on]
    stage = step(max(done)).stage if done else 1  # the stage of the last step completed (domain.md)
    alert = ""
    if found:
        top = found[0]
        alert = f"{rules.rule(top.rule, a.rule_catalog_version).title}：{top.kind}"
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
    committees: dict[int, bool] = field(default_factory=dict)  # branch id → has a 支部委员会 (today)

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
        full = dict(s.execute(select(m.Member.branch_id, func.count(m.Member.id))
                              .where(m.Member.branch_id.in_(branch_ids), m.Member.status == MemberStatus.FULL)
                              .group_by(m.Member.branch_id)).tuples().all()) if branch_ids else {}
        committees = {bid: has_committee(full.get(bid, 0), CommitteeMode(b.committee_mode or "auto").value)
                      for bid, b in branches.items()}
        return cls(_overrides(s), branches, groups, counts, committees)


def _detail(a: m.Applicant, members: Mapping[int, m.Member], ctx: _DetailContext, as_of: date) -> ApplicantDetail:
    overrides = ctx.overrides
    facts = _facts(a, members)
    branch = ctx.branches[a.branch_id]
    rows = {st.step_no: st for st in a.steps}
    steps = []
    for st in STEPS:
        r = rows.get(st.no)
        # a branch without a 支部委员会 takes its steps in the 支部大会 (第12步: 支部大会审查)
        name = step_name(st.no, ctx.committees.get(a.branch_id, True))
        steps.append(StepInfo(st.no, st.stage, name, r.id if r else None, r.done_on if r else None,
                              list(r.people or []) if r else [], read_details(st.no, r.details if r else None),
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
        dr.stage_no(facts.as_of(as_of)), ctx.committees.get(a.branch_id, True))


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

    kind = {Step.BRANCH_CONGRESS_ADMIT: VoteKind.ADMISSION, Step.BRANCH_CONGRESS_FULL: VoteKind.FULL_MEMBERSHIP}.get(no)
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


def rule_params(db: Database, catalog_version: str | None = None) -> rules.RuleParams:
    """The rule parameters a file of `catalog_version` is judged by, with this database's local settings."""
    with db.session() as s:
        return rules.RuleParams(catalog_version, _overrides(s))
