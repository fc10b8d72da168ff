"""The DEV-* rules over one applicant's file: what an entry may not break, and what is due or overdue.

Pure: it sees plain facts (step dates, the people named with their roster status, the
details such as the 政审 conclusion or the vote tally, the 考察 records) and the rule
catalog version the file is judged by, with the branch's local parameters. Every number
comes from `core.rules`; every message names the rule and cites its article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Mapping

from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import add_months, add_years, cn, working_days_between
from dangjian_desktop.core.development import STEPS, Step, step
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import MemberStatus, ProbationOutcome, Severity
from dangjian_desktop.core.membership import age_on
from dangjian_desktop.core.step_details import (
    ProbationVoteDetails,
    StepDetails,
    TrainingDetails,
    VoteDetails,
    read_details,
)

ROLE_TALKER = "谈话人"
ROLE_CONTACT = "培养联系人"
ROLE_SPONSOR = "入党介绍人"
ROLE_UPPER_TALKER = "上级党委谈话人"
# which people a step names, and the role they have
STEP_ROLES: dict[Step, str] = {Step.APPLICATION_TALK: ROLE_TALKER, Step.CONTACTS: ROLE_CONTACT,
                               Step.SPONSORS: ROLE_SPONSOR, Step.UPPER_TALK: ROLE_UPPER_TALKER}
# the 上级党委审批 and the 支部大会 it approves
APPROVAL_AFTER = {Step.ADMISSION_APPROVAL: Step.BRANCH_CONGRESS_ADMIT,
                  Step.FULL_MEMBERSHIP_APPROVAL: Step.BRANCH_CONGRESS_FULL}
REVIEW = "review"  # DevelopmentReview.kind of a half-year 考察; "thought_report" is a 思想汇报


@dataclass(frozen=True)
class PersonFact:
    """Someone named in a step, with what the roster says about them on the step's date."""

    role: str
    name: str
    member_id: int | None = None
    status: MemberStatus | None = None  # None: not on this database's roster (e.g. another branch)
    disciplined: bool = False  # 受留党察看处分、尚未恢复党员权利
    joined_later: bool = False  # on the roster, but joined the party after the step's date


@dataclass(frozen=True)
class StepFact:
    """A recorded step. `details` are the step's typed details (`core.step_details`); a mapping given
    here is read as the stored JSON."""

    no: int
    done_on: date | None
    people: tuple[PersonFact, ...] = ()
    details: StepDetails | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.details, StepDetails) or type(self.details) is StepDetails:
            object.__setattr__(self, "details", read_details(self.no, self.details))


@dataclass(frozen=True)
class ReviewFact:
    kind: str  # "review" (半年考察) or "thought_report" (思想汇报)
    done_on: date


@dataclass(frozen=True)
class ApplicantFacts:
    """Everything the rules look at for one person."""

    name: str
    birth_date: date | None
    catalog_version: str | None
    steps: Mapping[int, StepFact]
    reviews: tuple[ReviewFact, ...] = ()
    leaves_unit_on: date | None = None
    extension_months: int = 0
    finished: bool = False  # 已转正 or 已取消资格 (decided at step 24): nothing more is due
    stopped: bool = False  # 已终止培养: the file is closed whatever its steps
    id: int | None = None
    branch_id: int | None = None

    def done(self, no: int) -> date | None:
        s = self.steps.get(no)
        return s.done_on if s else None

    def details(self, no: int) -> StepDetails:
        """Step `no`'s typed details (empty ones of its kind if the step is not recorded)."""
        s = self.steps.get(no)
        return s.details if s else read_details(no, None)

    def with_step(self, fact: StepFact) -> "ApplicantFacts":
        return replace(self, steps={**self.steps, fact.no: fact})

    def as_of(self, day: date) -> "ApplicantFacts":
        """The file as it stood on `day`: steps and reviews after it are not done yet."""
        steps = {n: s for n, s in self.steps.items() if s.done_on is not None and s.done_on <= day}
        reviews = tuple(r for r in self.reviews if r.done_on <= day)
        finished = self.finished and Step.FULL_MEMBERSHIP_APPROVAL in steps
        extension = self.extension_months if Step.BRANCH_CONGRESS_FULL in steps else 0
        return replace(self, steps=steps, reviews=reviews, finished=finished, extension_months=extension)


@dataclass(frozen=True)
class Violation:
    rule: str
    step_no: int
    message: str  # one Chinese sentence with the rule id and the article


@dataclass(frozen=True)
class NextStep:
    no: int
    name: str
    due: date | None  # the deadline, if a rule sets one
    earliest: date | None = None  # the first day it may be done (DEV-ACTIVIST-1Y)
    note: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    no: int
    stage: int
    name: str
    state: str  # done | overdue | due | next | pending
    done_on: date | None
    due: date | None


# ---------------------------------------------------------------- helpers


def _param(facts: ApplicantFacts, rule_id: str, key: str, overrides: Mapping[str, Any] | None) -> Any:
    return rules.param_value(rule_id, key, dict(overrides or {}), facts.catalog_version)


def _rule(facts: ApplicantFacts, rule_id: str) -> rules.Rule:
    return rules.rule(rule_id, facts.catalog_version)


def explain(facts: ApplicantFacts, rule_id: str, text: str) -> str:
    """`text` followed by the rule's title and article (its id is for JSON, not for people)."""
    r = _rule(facts, rule_id)
    return f"{text}（“{r.title}”，依据{r.citation}）"


def _v(facts: ApplicantFacts, rule_id: str, no: int, text: str) -> Violation:
    return Violation(rule_id, no, explain(facts, rule_id, text))


def step_label(no: int) -> str:
    return f"第{no}步“{step(no).name}”"


def probation_end(facts: ApplicantFacts) -> date | None:
    """预备期满之日: step 15 + the 预备期 + any extension."""
    joined = facts.done(Step.BRANCH_CONGRESS_ADMIT)
    if joined is None:
        return None
    years = int(_param(facts, "DEV-PROBATION-1Y", "years", None))
    return add_months(add_years(joined, years), facts.extension_months)


def outcome_of(facts: ApplicantFacts) -> ProbationOutcome | None:
    """The 支部大会's decision on 转正 (第23步), if recorded."""
    return facts.details(Step.BRANCH_CONGRESS_FULL).outcome


# ---------------------------------------------------------------- checks at entry


def step_violations(facts: ApplicantFacts, no: int, overrides: Mapping[str, Any] | None = None,
                    *, look_ahead: bool = True, order: bool = True) -> list[Violation]:
    """What recording step `no` as it stands in `facts` would break. Empty when it may be saved.
    `look_ahead` also compares the date with later steps (off when every step is checked in turn,
    so that one inversion is reported once). `order=False` skips the comparison of dates (DEV-ORDER)
    for a caller that knows no step is out of order."""
    s = facts.steps.get(no)
    if s is None or s.done_on is None:
        return []
    out: list[Violation] = []
    if order:
        out += _order(facts, no, look_ahead)
    check = _CHECKS.get(no)
    if check is not None:
        out += check(facts, s, overrides)
    return out


def all_violations(facts: ApplicantFacts, overrides: Mapping[str, Any] | None = None) -> list[Violation]:
    """Every recorded step checked as if entered now (used for imports and for `check`)."""
    out: list[Violation] = []
    latest = None  # the latest date of the steps so far: DEV-ORDER can only object to a step dated before it
    for no in sorted(facts.steps):
        done_on = facts.steps[no].done_on
        inverted = done_on is not None and latest is not None and latest > done_on
        out += step_violations(facts, no, overrides, look_ahead=False, order=inverted)
        if done_on is not None and (latest is None or done_on > latest):
            latest = done_on
    return out


def _order(facts: ApplicantFacts, no: int, look_ahead: bool) -> list[Violation]:
    d = facts.done(no)
    out = []
    dated = [(n, s.done_on) for n, s in facts.steps.items() if s.done_on]
    before = [(n, e) for n, e in dated if n < no and e > d]
    if before:
        n, e = max(before, key=lambda t: t[1])
        out.append(_v(facts, "DEV-ORDER", no,
                      f"{step_label(no)}的日期{cn(d)}早于{step_label(n)}的日期{cn(e)}，步骤日期不能倒置"))
    after = [(n, e) for n, e in dated if n > no and e < d]
    if after and not before and look_ahead:
        n, e = min(after, key=lambda t: t[1])
        out.append(_v(facts, "DEV-ORDER", no,
                      f"{step_label(no)}的日期{cn(d)}晚于后面{step_label(n)}的日期{cn(e)}，步骤日期不能倒置"))
    return out


def _age(facts: ApplicantFacts, s: StepFact, overrides) -> list[Violation]:
    if facts.birth_date is None:
        return []
    minimum = int(_param(facts, "DEV-AGE-18", "min_age", overrides))
    age = age_on(facts.birth_date, s.done_on)
    if age < minimum:
        return [_v(facts, "DEV-AGE-18", Step.APPLICATION, f"{facts.name}于{cn(s.done_on)}递交入党申请书时{age}岁，"
                                           f"未满{minimum}周岁（出生日期{cn(facts.birth_date)}）")]
    return []


def _member_problem(p: PersonFact, what: str) -> str | None:
    """Why `p` may not serve as `what`, or None. Someone not on this roster cannot be judged here."""
    if p.disciplined:
        return f"{what}{p.name}受留党察看处分、尚未恢复党员权利"
    if p.joined_later:
        return f"{what}{p.name}当时还不是党员"
    if p.status is None:
        return None
    if p.status is MemberStatus.PROBATIONARY:
        return f"{what}{p.name}是预备党员，不是正式党员"
    if p.status is not MemberStatus.FULL:
        return f"{what}{p.name}的党员状态是“{p.status.label}”，不是在册的正式党员"
    return None


def _contacts(facts: ApplicantFacts, s: StepFact, overrides) -> list[Violation]:
    people = [p for p in s.people if p.role == ROLE_CONTACT and p.name]
    lo = int(_param(facts, "DEV-CONTACTS", "min", overrides))
    hi = int(_param(facts, "DEV-CONTACTS", "max", overrides))
    out = []
    if not lo <= len(people) <= hi:
        out.append(_v(facts, "DEV-CONTACTS", s.no, f"培养联系人应为{lo}至{hi}名，现填写了{len(people)}名"))
    for p in people:
        why = _member_problem(p, "培养联系人")
        if why:
            out.append(_v(facts, "DEV-CONTACTS", s.no, why))
    return out


def _activist_year(facts: ApplicantFacts, s: StepFact, overrides) -> list[Violation]:
    years = int(_param(facts, "DEV-ACTIVIST-1Y", "years", overrides))
    activist = facts.done(Step.ACTIVIST)
    if activist is None:
        return [_v(facts, "DEV-ACTIVIST-1Y", Step.CANDIDATE, "尚未记录第3步“推荐和确定入党积极分子”的日期，"
                                                f"无法确认已培养考察{years}年以上，不能确定为发展对象")]
    earliest = add_years(activist, years)
    if s.done_on < earliest:
        return [_v(facts, "DEV-ACTIVIST-1Y", Step.CANDIDATE,
                   f"{cn(activist)}确定为入党积极分子，到{cn(s.done_on)}培养考察不满{years}年，"
                   f"最早{cn(earliest)}才能确定为发展对象")]
    return []


def _sponsors(facts: ApplicantFacts, s: StepFact, overrides) -> list[Violation]:
    count = int(_param(facts, "DEV-SPONSORS-2", "count", overrides))
    people = [p for p in s.people if p.role == ROLE_SPONSOR and p.name]
    out = []
    if len(people) != count:
        out.append(_v(facts, "DEV-SPONSORS-2", Step.SPONSORS, f"入党介绍人应为{count}名，现填写了{len(people)}名"))
    names = [p.name for p in people]
    if len(set(names)) != len(names):
        out.append(_v(facts, "DEV-SPONSORS-2", Step.SPONSORS, "两名入党介绍人不能是同一个人"))
    for p in people:
        why = _member_problem(p, "入党介绍人")
        if why:
            out.append(_v(facts, "DEV-SPONSORS-2", Step.SPONSORS, why))
    return out


def _training(facts: ApplicantFacts, d: TrainingDetails, no: int, overrides) -> list[Violation]:
    days_min = float(_param(facts, "DEV-TRAINING-3D", "days", overrides))
    hours_min = float(_param(facts, "DEV-TRAINING-3D", "hours", overrides))
    days = d.days
    hours = d.hours
    if days in (None, "") and hours in (None, ""):
        return [_v(facts, "DEV-TRAINING-3D", no, "未记录集中培训的天数或学时")]
    days_ok = days not in (None, "") and float(days) >= days_min
    hours_ok = hours not in (None, "") and float(hours) >= hours_min
    if not (days_ok or hours_ok):
        got = "、".join(x for x in (f"{days}天" if days not in (None, "") else "",
                                    f"{hours}学时" if hours not in (None, "") else "") if x)
        return [_v(facts, "DEV-TRAINING-3D", no,
                   f"集中培训只有{got}，应不少于{_num(days_min)}天或{_num(hours_min)}学时")]
    return []


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def _training_step(facts: ApplicantFacts, s: StepFact, overrides) -> list[Violation]:
    return _training(facts, s.details, Step.TRAINING, overrides)


def notice_dates(facts: ApplicantFacts) -> tuple[date | None, date | None]:
    """The 公示 period, wherever in stage 3–4 it was recorded (usually with step 12)."""
    for no in (Step.COMMITTEE_REVIEW, Step.PRE_REVIEW, Step.APPLICATION_FORM, Step.TRAINING,
               Step.BRANCH_CONGRESS_ADMIT):
        start, end = facts.details(no).notice()
        if start or end:
            return start, end
    return None, None


def _admission(facts: ApplicantFacts, s: StepFact, overrides) -> list[Violation]:
    out: list[Violation] = []
    # DEV-POLITICAL-REVIEW
    admit = Step.BRANCH_CONGRESS_ADMIT
    review = facts.steps.get(Step.POLITICAL_REVIEW)
    if review is None or review.done_on is None:
        out.append(_v(facts, "DEV-POLITICAL-REVIEW", admit, "尚未记录第10步“进行政治审查”，未经政治审查不能接收为预备党员"))
    else:
        conclusion = review.details.conclusion
        if not conclusion:
            out.append(_v(facts, "DEV-POLITICAL-REVIEW", admit, "政治审查没有记录结论，不能接收为预备党员"))
        elif not review.details.passed:
            out.append(_v(facts, "DEV-POLITICAL-REVIEW", admit, f"政治审查结论为“{conclusion}”，不能接收为预备党员"))
    # DEV-TRAINING-3D
    if facts.done(Step.TRAINING) is None:
        out.append(_v(facts, "DEV-TRAINING-3D", admit, "尚未记录第11步“开展集中培训”，不能接收为预备党员"))
    else:
        out += _training(facts, facts.details(Step.TRAINING), admit, overrides)
    # DEV-PUBLIC-NOTICE
    need = int(_param(facts, "DEV-PUBLIC-NOTICE", "working_days", overrides))
    start, end = notice_dates(facts)
    if start is None or end is None:
        out.append(_v(facts, "DEV-PUBLIC-NOTICE", admit, "没有记录公示的起止日期（一般随第12步“支部委员会审查”填写），"
                                                      "接收预备党员前应当公示"))
    else:
        days = working_days_between(start - timedelta(days=1), end)
        if end < start:
            out.append(_v(facts, "DEV-PUBLIC-NOTICE", admit, f"公示结束日期{cn(end)}早于开始日期{cn(start)}"))
        elif days < need:
            out.append(_v(facts, "DEV-PUBLIC-NOTICE", admit,
                          f"公示从{cn(start)}到{cn(end)}只有{days}个工作日，应不少于{need}个工作日"))
        if end > s.done_on:
            out.append(_v(facts, "DEV-PUBLIC-NOTICE", admit,
                          f"公示到{cn(end)}才结束，晚于支部大会{cn(s.done_on)}，应先公示后接收"))
    # DEV-LEAVING-3M
    pre = facts.done(Step.PRE_REVIEW)
    if facts.leaves_unit_on and pre:
        months = int(_param(facts, "DEV-LEAVING-3M", "months", overrides))
        if pre <= facts.leaves_unit_on <= add_months(pre, months):
            out.append(_v(facts, "DEV-LEAVING-3M", admit,
                          f"{facts.name}将于{cn(facts.leaves_unit_on)}离开工作、学习单位，在{cn(pre)}预审后{months}个月内，"
                          "一般不办理接收手续"))
    out += _vote(facts, s)
    return out


def _vote(facts: ApplicantFacts, s: StepFact) -> list[Violation]:
    d: VoteDetails = s.details
    try:
        result = d.result()
    except ValueError as exc:
        return [_v(facts, "DEV-VOTE-QUORUM", s.no, f"{step_label(s.no)}的表决票数不成立：{exc}")]
    if result is None:
        if d.passed is False:
            return [_v(facts, "DEV-VOTE-QUORUM", s.no, "支部大会表决未通过，不能记为已完成")]
        return []
    if not result.quorum:
        return [_v(facts, "DEV-VOTE-QUORUM", s.no, result.summary + "不能记为通过")]
    if not result.passed:
        return [_v(facts, "DEV-VOTE-QUORUM", s.no, result.summary + "不能记为通过")]
    return []


def _approval(facts: ApplicantFacts, s: StepFact, overrides) -> list[Violation]:
    after = APPROVAL_AFTER[s.no]
    meeting = facts.done(after)
    out: list[Violation] = []
    if s.no == Step.FULL_MEMBERSHIP_APPROVAL and outcome_of(facts) is ProbationOutcome.EXTENDED:
        out.append(_v(facts, "DEV-PROBATION-1Y", s.no, "支部大会决定延长预备期，期满后须再次召开支部大会讨论转正，"
                                                       "之后才能报上级党委审批"))
    if meeting is None:
        return out
    longest = int(_param(facts, "DEV-APPROVAL-3M", "max_months", overrides))
    limit = add_months(meeting, longest)
    if s.done_on > limit:
        out.append(_v(facts, "DEV-APPROVAL-3M", s.no,
                      f"支部大会于{cn(meeting)}讨论通过，上级党委{cn(s.done_on)}才审批，超过了最长{longest}个月（{cn(limit)}）"))
    return out


def _full_membership_vote(facts: ApplicantFacts, s: StepFact, overrides) -> list[Violation]:
    out: list[Violation] = []
    d: ProbationVoteDetails = s.details
    outcome = d.outcome
    no = Step.BRANCH_CONGRESS_FULL
    if outcome is None:
        out.append(_v(facts, "DEV-PROBATION-1Y", no, "请选择支部大会讨论的结果：按期转正、延长预备期或取消预备党员资格"))
        return out + _vote(facts, s)
    joined = facts.done(Step.BRANCH_CONGRESS_ADMIT)
    years = int(_param(facts, "DEV-PROBATION-1Y", "years", overrides))
    lo = int(_param(facts, "DEV-PROBATION-1Y", "min_extension_months", overrides))
    hi = int(_param(facts, "DEV-PROBATION-1Y", "max_extension_months", overrides))
    extended_on = d.extended_on
    if outcome is ProbationOutcome.EXTENDED:
        months = d.extension_months or 0
        if not lo <= months <= hi:
            out.append(_v(facts, "DEV-PROBATION-1Y", no, f"延长预备期应为{lo}至{hi}个月，现填写{months}个月"))
        if extended_on is not None and extended_on != s.done_on:
            out.append(_v(facts, "DEV-PROBATION-1Y", no,
                          f"{cn(extended_on)}已经延长过一次预备期，预备期只能延长一次"))
        end_before = add_years(joined, years) if joined else None
    else:
        months = (d.extension_months or 0) if extended_on else 0
        end_before = add_months(add_years(joined, years), months) if joined else None
    if joined is None:
        out.append(_v(facts, "DEV-PROBATION-1Y", no, "尚未记录第15步支部大会接收预备党员的日期，无法讨论转正"))
    elif s.done_on < end_before:
        out.append(_v(facts, "DEV-PROBATION-1Y", no,
                      f"预备期到{cn(end_before)}才满，{cn(s.done_on)}还不能讨论转正"))
    return out + _vote(facts, s)


_CHECKS = {
    Step.APPLICATION: _age,
    Step.CONTACTS: _contacts,
    Step.CANDIDATE: _activist_year,
    Step.SPONSORS: _sponsors,
    Step.TRAINING: _training_step,
    Step.BRANCH_CONGRESS_ADMIT: _admission,
    Step.ADMISSION_APPROVAL: _approval,
    Step.BRANCH_CONGRESS_FULL: _full_membership_vote,
    Step.FULL_MEMBERSHIP_APPROVAL: _approval,
}


# ---------------------------------------------------------------- where a person stands


def _first_missing(facts: ApplicantFacts) -> int | None:
    for s in STEPS:
        if facts.done(s.no) is None:
            return s.no
    return None


def next_step(facts: ApplicantFacts, overrides: Mapping[str, Any] | None = None) -> NextStep | None:
    """The step to do next and its deadline; None when the file is complete or closed."""
    if facts.stopped:
        return None
    if facts.finished:
        missing = _first_missing(facts)
        if missing == Step.ARCHIVING and outcome_of(facts) is ProbationOutcome.ON_TIME:
            return NextStep(Step.ARCHIVING, Step.ARCHIVING.label, None)
        return None
    if outcome_of(facts) is ProbationOutcome.EXTENDED and facts.done(Step.FULL_MEMBERSHIP_APPROVAL) is None:
        return NextStep(Step.BRANCH_CONGRESS_FULL, Step.BRANCH_CONGRESS_FULL.label, probation_end(facts),
                        note="延长预备期满后再次讨论转正")
    no = _first_missing(facts)
    if no is None:
        return None
    return NextStep(no, step(no).name, _deadline(facts, no, overrides), _earliest(facts, no, overrides))


def _deadline(facts: ApplicantFacts, no: int, overrides) -> date | None:
    if no == Step.APPLICATION_TALK and facts.done(Step.APPLICATION):
        return add_months(facts.done(Step.APPLICATION), int(_param(facts, "DEV-TALK-1M", "months", overrides)))
    if no in APPROVAL_AFTER and facts.done(APPROVAL_AFTER[no]):
        return add_months(facts.done(APPROVAL_AFTER[no]), int(_param(facts, "DEV-APPROVAL-3M", "months", overrides)))
    if no in (Step.FULL_MEMBERSHIP_REQUEST, Step.BRANCH_CONGRESS_FULL) and facts.done(Step.BRANCH_CONGRESS_ADMIT):
        return probation_end(facts)
    return None


def _earliest(facts: ApplicantFacts, no: int, overrides) -> date | None:
    if no == Step.CANDIDATE and facts.done(Step.ACTIVIST):
        return add_years(facts.done(Step.ACTIVIST), int(_param(facts, "DEV-ACTIVIST-1Y", "years", overrides)))
    return None


def stage_no(facts: ApplicantFacts) -> int:
    """The stage a person is in: that of the next step (5 once everything is done)."""
    nxt = next_step(facts)
    return step(nxt.no).stage if nxt else 5


def timeline(facts: ApplicantFacts, as_of: date, overrides: Mapping[str, Any] | None = None,
             due_days: int | None = None) -> list[TimelineEntry]:
    """The 25 steps with their state as of `as_of`: done, the next one (overdue/due/next), or not yet."""
    now = facts.as_of(as_of)
    nxt = next_step(now, overrides)
    window = timedelta(days=due_days if due_days is not None else 30)
    out = []
    for s in STEPS:
        done_on = facts.done(s.no) if now.done(s.no) else None
        state, due = ("done" if done_on else "pending"), None
        if nxt and nxt.no == s.no:
            due = nxt.due
            if due and as_of > due:
                state = "overdue"
            elif due and as_of >= due - window:
                state = "due"
            else:
                state = "next"
        out.append(TimelineEntry(s.no, s.stage, s.name, state, done_on, due))
    return out


# ---------------------------------------------------------------- findings as of a date


def findings(facts: ApplicantFacts, as_of: date, overrides: Mapping[str, Any] | None = None) -> list[Finding]:
    """What `check` reports for this person as of `as_of`: rule breaches in what was recorded,
    and what is due or overdue (谈话, 半年考察, 审批, 预备期满讨论转正)."""
    f = facts.as_of(as_of)
    out: list[Finding] = []
    ref = ("applicant", facts.id) if facts.id is not None else None

    def add(rule_id: str, severity: Severity, day: date | None, text: str) -> None:
        out.append(Finding(rule_id, severity, facts.name, day, explain(f, rule_id, text), ref=ref,
                           branch_id=facts.branch_id))

    if f.finished or f.stopped:
        return out
    for v in all_violations(f, overrides):
        out.append(Finding(v.rule, Severity.VIOLATION, facts.name, f.done(v.step_no), v.message, ref=ref,
                           branch_id=facts.branch_id))
    # DEV-TALK-1M
    applied = f.done(Step.APPLICATION)
    if applied:
        months = int(_param(f, "DEV-TALK-1M", "months", overrides))
        deadline = add_months(applied, months)
        talked = f.done(Step.APPLICATION_TALK)
        if talked and talked > deadline:
            add("DEV-TALK-1M", Severity.VIOLATION, talked,
                f"{cn(applied)}递交入党申请书，{cn(talked)}才谈话，超过了{months}个月（应在{cn(deadline)}前）")
        elif not talked:
            _due_or_overdue(add, f, "DEV-TALK-1M", deadline, as_of, overrides,
                            f"{cn(applied)}递交入党申请书，应在{cn(deadline)}前派人谈话")
    # DEV-REVIEW-6M: from 积极分子 until 转正
    activist = f.done(Step.ACTIVIST)
    if activist and not f.done(Step.FULL_MEMBERSHIP_APPROVAL):
        months = int(_param(f, "DEV-REVIEW-6M", "months", overrides))
        last = max([r.done_on for r in f.reviews if r.kind == REVIEW] + [activist])
        deadline = add_months(last, months)
        since = "上次考察" if last != activist else "确定为入党积极分子"
        _due_or_overdue(add, f, "DEV-REVIEW-6M", deadline, as_of, overrides,
                        f"{cn(last)}{since}，应在{cn(deadline)}前完成半年考察")
    # DEV-APPROVAL-3M
    for approval, meeting_no in APPROVAL_AFTER.items():
        meeting = f.done(meeting_no)
        if not meeting:
            continue
        if approval == Step.FULL_MEMBERSHIP_APPROVAL and outcome_of(f) is ProbationOutcome.EXTENDED:
            continue
        months = int(_param(f, "DEV-APPROVAL-3M", "months", overrides))
        deadline = add_months(meeting, months)
        approved = f.done(approval)
        if approved is None:
            _due_or_overdue(add, f, "DEV-APPROVAL-3M", deadline, as_of, overrides,
                            f"支部大会于{cn(meeting)}讨论通过，{step_label(approval)}应在{cn(deadline)}前完成")
        elif approved > deadline and not any(v.rule == "DEV-APPROVAL-3M" for v in all_violations(f, overrides)):
            add("DEV-APPROVAL-3M", Severity.INFO, approved,
                f"支部大会于{cn(meeting)}讨论通过，上级党委{cn(approved)}审批，超过{months}个月（特殊情况可延长）")
    # PROBATION-END: 预备期满, 转正 not yet discussed (or discussed and extended)
    end = probation_end(f)
    if end and (not f.done(Step.BRANCH_CONGRESS_FULL) or outcome_of(f) is ProbationOutcome.EXTENDED) \
            and not f.done(Step.FULL_MEMBERSHIP_APPROVAL):
        what = "延长的预备期" if f.extension_months else "预备期"
        _due_or_overdue(add, f, "PROBATION-END", end, as_of, overrides,
                        f"{cn(f.done(Step.BRANCH_CONGRESS_ADMIT))}接收为预备党员，{what}于{cn(end)}期满，支部应及时讨论其能否转正")
    return out


def _due_or_overdue(add, facts: ApplicantFacts, rule_id: str, deadline: date, as_of: date,
                    overrides, text: str) -> None:
    window = int(_param(facts, rule_id, "due_days", overrides))
    if as_of > deadline:
        add(rule_id, Severity.OVERDUE, deadline, text + f"，已逾期{(as_of - deadline).days}天")
    elif as_of >= deadline - timedelta(days=window):
        add(rule_id, Severity.DUE, deadline, text + f"，还有{(deadline - as_of).days}天")
