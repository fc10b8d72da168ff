"""发展党员: what callers get (the board, a person's file, a step, a review) and how a step reads in the 纪实表."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import Step
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import ApplicantStatus, Gender, MemberStatus, ProbationOutcome
from dangjian_desktop.core.step_details import (
    ApprovalDetails,
    PoliticalReviewDetails,
    ProbationVoteDetails,
    StepDetails,
    TrainingDetails,
    VoteDetails,
)
from dangjian_desktop.errors import ValidationError

REVIEW_KINDS = {"review": "半年考察", "thought_report": "思想汇报"}
# the steps the roster follows: 预备党员 (15), the 转正 decision (23) and its approval (24)
ROSTER_STEPS = (Step.BRANCH_CONGRESS_ADMIT, Step.BRANCH_CONGRESS_FULL, Step.FULL_MEMBERSHIP_APPROVAL)


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
    details: StepDetails  # the class of the step's kind (core.step_details)
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
    has_committee: bool = True  # False: the branch has no 支部委员会; its steps go to the 支部大会

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
    if isinstance(x, PoliticalReviewDetails) and x.conclusion:
        lines.append(f"政审结论：{x.conclusion}")
    if isinstance(x, TrainingDetails) and (x.days or x.hours):
        parts = [f"{x.days}天" if x.days else "", f"{x.hours}学时" if x.hours else ""]
        lines.append("集中培训：" + "，".join(p for p in parts if p) + (f"（{x.organiser}）" if x.organiser else ""))
    notice_from, notice_to = x.notice()
    if notice_from or notice_to:
        lines.append(f"公示：{cn(notice_from)}至{cn(notice_to)}")
    if isinstance(x, VoteDetails):
        try:
            vote = x.result()
        except ValueError:
            vote = None
        if vote is not None and compact:
            lines.append(f"表决：应到{x.expected_voters}人，实到{x.present_voters}人，"
                         f"赞成{vote.counted_for}票，{'通过' if vote.passed else '未通过'}")
        elif vote is not None:
            lines.append(f"表决：{vote.summary}")
    if isinstance(x, ProbationVoteDetails):
        if x.extended_on:
            lines.append(f"{cn(x.extended_on)}支部大会决定延长预备期{x.extension_months or ''}个月")
        if x.outcome:
            lines.append(f"讨论结果：{x.outcome.label}")
    if isinstance(x, ApprovalDetails) and x.approval_no:
        lines.append(f"批复文号：{x.approval_no}")
    if st.notes:
        lines.append(st.notes)
    return "\n".join(lines)
