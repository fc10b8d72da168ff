"""三会一课 rules: per-type templates, how often each type is due, and who has stopped attending.

Pure functions over plain data. The frequency of each type comes from the MEET-* rules
of `core.rules` (period M/Q/Y, min_count, due_days), with the branch's local variants.

When a period counts (decided here, once, for the grid and for `check` alike):
- a period is judged only from the start of the organisation's records: the earliest of
  the day it was set up (if known) and its first meeting record. The period that contains
  that day counts (records that start on 3 January still make January a month to judge);
  periods before it are "not required", so a branch that starts using the program is not
  flooded with years of "missing" meetings it never recorded here;
- a 党小组 counts from its own start in the same way, and no longer for periods that end
  after it was dissolved;
- a period is `missing` only once it is over (its last day has passed); the current period
  is `due` from `due_days` before its end; later periods are `not yet`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable, Iterable

from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import Period, add_months, periods_between
from dangjian_desktop.core.glossary import Labelled, MeetingType, Severity

MEETING_RULES: dict[MeetingType, str] = {
    MeetingType.BRANCH_CONGRESS: "MEET-CONGRESS-Q",
    MeetingType.COMMITTEE: "MEET-COMMITTEE-M",
    MeetingType.GROUP: "MEET-GROUP-M",
    MeetingType.LECTURE: "MEET-LECTURE-Q",
    MeetingType.THEME_DAY: "MEET-THEME-DAY-M",
    MeetingType.ORG_LIFE: "MEET-ORG-LIFE-Y",
    MeetingType.APPRAISAL: "MEET-APPRAISAL-Y",
    MeetingType.HEART_TALK: "MEET-HEART-TALK-Y",
}
INACTIVE_RULE = "MEMBER-INACTIVE-6M"

# short forms people write in their 台账, besides the full labels of MeetingType
TYPE_ALIASES: dict[str, MeetingType] = {
    "支部大会": MeetingType.BRANCH_CONGRESS, "党员大会": MeetingType.BRANCH_CONGRESS,
    "支部党员大会": MeetingType.BRANCH_CONGRESS, "全体党员大会": MeetingType.BRANCH_CONGRESS,
    "支委会": MeetingType.COMMITTEE, "支部委员会": MeetingType.COMMITTEE, "支委会议": MeetingType.COMMITTEE,
    "支部委员会会议": MeetingType.COMMITTEE,
    "小组会": MeetingType.GROUP, "党小组会": MeetingType.GROUP, "党小组会议": MeetingType.GROUP,
    "党课": MeetingType.LECTURE, "上党课": MeetingType.LECTURE, "专题党课": MeetingType.LECTURE,
    "主题党日": MeetingType.THEME_DAY, "主题党日活动": MeetingType.THEME_DAY, "党日活动": MeetingType.THEME_DAY,
    "组织生活会": MeetingType.ORG_LIFE, "专题组织生活会": MeetingType.ORG_LIFE,
    "民主评议": MeetingType.APPRAISAL, "民主评议党员": MeetingType.APPRAISAL,
    "谈心谈话": MeetingType.HEART_TALK, "谈心": MeetingType.HEART_TALK, "谈话": MeetingType.HEART_TALK,
}


# what joins the types of a combined meeting in a 台账 cell: 主题党日暨支部党员大会, 党员大会及党课,
# 主题党日、党课, 主题党日＋党课 (full and half width)
TYPE_SEPARATORS = "暨及、＋+/／"
# the word that joins them in a title, as official documents write it
TYPE_JOINER = "暨"
# minimum number of 正式党员 for a 支部委员会 (支部工作条例: fewer than 7 have only a 书记)
COMMITTEE_MIN_FULL_MEMBERS = 7
NOT_RECORDED = "未记录"


def types_label(types: Iterable[MeetingType]) -> str:
    """The label of a record's types, the primary one first: 主题党日暨支部党员大会."""
    seen: list[MeetingType] = []
    for t in types:
        t = MeetingType(t)
        if t not in seen:
            seen.append(t)
    return TYPE_JOINER.join(t.label for t in seen)


def count_text(n: int | None, unit: str = "") -> str:
    """A count as people read it: “28人”, or “未记录” when it is not known (never 0)."""
    return NOT_RECORDED if n is None else f"{n}{unit}"


def attendance_scope(types: Iterable[MeetingType]) -> str:
    """Who is expected at a record of these types: the widest of their templates' scopes
    (主题党日 held with the 党员大会: the whole branch)."""
    scopes = {template(t).attendance for t in types}
    for scope in ("branch", "group", "committee"):
        if scope in scopes:
            return scope
    return "none"


def has_committee(full_members: int, mode: str = "auto") -> bool:
    """Whether a branch has a 支部委员会 on a day: fewer than 7 正式党员 have none, unless the
    secretary says otherwise (`mode` yes / no, see glossary.CommitteeMode)."""
    if mode == "yes":
        return True
    if mode == "no":
        return False
    return full_members >= COMMITTEE_MIN_FULL_MEMBERS


def types_from_text(text: str) -> list[MeetingType]:
    """Every type a 台账 cell names, in order: “主题党日暨支部党员大会” → [THEME_DAY, BRANCH_CONGRESS].
    A cell that names one type gives one; a part that names no type makes the whole cell unknown ([])."""
    t = "".join(str(text or "").split())
    if not t:
        return []
    whole = MeetingType.from_label(t) or TYPE_ALIASES.get(t)
    if whole:
        return [whole]
    parts, depth, current = [], 0, ""
    for ch in t.replace("(", "（").replace(")", "）"):
        depth += (ch == "（") - (ch == "）")
        if depth <= 0 and ch in TYPE_SEPARATORS:
            parts.append(current)
            current = ""
            continue
        current += ch
    parts.append(current)
    out: list[MeetingType] = []
    for part in parts:
        if not part:
            continue
        found = type_from_text(part)
        if found is None:
            return []
        if found not in out:
            out.append(found)
    return out


def type_from_text(text: str) -> MeetingType | None:
    """The meeting type a cell names: a full label, a common short form, or the English value."""
    t = "".join(str(text or "").split())
    if not t:
        return None
    found = MeetingType.from_label(t) or TYPE_ALIASES.get(t)
    if found:
        return found
    for alias, mtype in sorted(TYPE_ALIASES.items(), key=lambda kv: -len(kv[0])):
        if alias in t:
            return mtype
    return None


# ---------------------------------------------------------------- templates


@dataclass(frozen=True)
class Template:
    """What an inspector expects to find in a record of one type; a new record starts from it."""

    type: MeetingType
    title: str
    topics: str  # 议题 (one per line)
    minutes: str  # the outline of the 讨论发言 / 内容
    resolutions: str
    attendance: str  # who is expected: branch | committee | group | none
    votes: bool = False
    appraisal: bool = False


TEMPLATES: dict[MeetingType, Template] = {t.type: t for t in (
    Template(MeetingType.BRANCH_CONGRESS, "支部党员大会",
             "一、学习传达上级有关精神\n二、讨论决定支部重要事项\n三、通报支部工作情况",
             "一、主持人说明应到、实到人数，宣布会议开始。\n二、学习内容：\n三、讨论发言：\n四、表决事项（如有）：",
             "", "branch", votes=True),
    Template(MeetingType.COMMITTEE, "支部委员会会议",
             "一、研究本月支部工作安排\n二、研究党员教育管理和发展党员工作\n三、其他事项",
             "一、上次会议决定事项落实情况：\n二、讨论情况：\n三、分工安排：",
             "", "committee"),
    Template(MeetingType.GROUP, "党小组会",
             "一、学习上级有关精神\n二、讨论落实支部工作安排",
             "一、学习内容：\n二、党员发言：\n三、小组工作安排：",
             "", "group"),
    Template(MeetingType.LECTURE, "党课",
             "党课题目：",
             "一、主讲人：\n二、党课主要内容：\n三、听课党员交流体会：",
             "", "branch"),
    Template(MeetingType.THEME_DAY, "主题党日",
             "一、重温入党誓词\n二、集中学习\n三、主题活动\n四、交纳党费",
             "一、活动主题：\n二、活动过程：\n三、党员参与情况和体会：",
             "", "branch"),
    Template(MeetingType.ORG_LIFE, "组织生活会",
             "一、通报会前学习研讨、谈心谈话和征求意见情况\n二、支部班子对照检查\n"
             "三、党员个人对照检查，开展批评和自我批评\n四、民主评议党员\n五、研究整改措施",
             "一、会前准备（学习研讨、谈心谈话、征求意见）：\n二、对照检查发言：\n"
             "三、批评和自我批评：\n四、上级党组织指导意见：",
             "整改措施：", "branch"),
    Template(MeetingType.APPRAISAL, "民主评议党员",
             "一、个人自评\n二、党员互评\n三、民主测评\n四、组织评定",
             "一、个人自评情况：\n二、党员互评情况：\n三、民主测评情况：",
             "评定结果：", "branch", appraisal=True),
    Template(MeetingType.HEART_TALK, "谈心谈话",
             "谈话事由：",
             "一、谈话人讲的主要内容：\n二、谈话对象讲的主要内容：\n三、谈话中提出的意见建议：",
             "", "none"),
)}


def template(mtype: MeetingType) -> Template:
    return TEMPLATES[MeetingType(mtype)]


# ---------------------------------------------------------------- frequency


@dataclass(frozen=True)
class Frequency:
    """How often a type is due, after the branch's local variants are applied."""

    type: MeetingType
    rule_id: str
    period: str  # M, Q or Y
    min_count: int
    due_days: int

    @property
    def per_year(self) -> int:
        return {"M": 12, "Q": 4, "Y": 1}[self.period] * self.min_count

    @property
    def label(self) -> str:
        every = {"M": "每月", "Q": "每季度", "Y": "每年"}[self.period]
        return f"{every}至少{self.min_count}次"


def frequency(mtype: MeetingType, overrides: dict[str, Any] | None = None) -> Frequency:
    """The frequency rule for a type, with local variants (`overrides` as in core.rules)."""
    rule_id = MEETING_RULES[MeetingType(mtype)]
    period = str(rules.param_value(rule_id, "period", overrides)).strip().upper()
    if period not in ("M", "Q", "Y"):
        period = rules.rule(rule_id).param("period").default
    min_count = max(0, int(rules.param_value(rule_id, "min_count", overrides)))
    due_days = max(0, int(rules.param_value(rule_id, "due_days", overrides)))
    return Frequency(MeetingType(mtype), rule_id, period, min_count, due_days)


def frequencies(overrides: dict[str, Any] | None = None) -> list[Frequency]:
    return [frequency(t, overrides) for t in MeetingType]


class PeriodState(Labelled):
    HELD = ("held", "已开")
    MISSING = ("missing", "未开")
    DUE = ("due", "应尽快召开")
    OPEN = ("open", "未到期")
    NOT_REQUIRED = ("not_required", "不要求")


@dataclass(frozen=True)
class PeriodStatus:
    period: Period
    state: PeriodState
    held: int  # meetings held in the period
    required: int


def period_state(freq: Frequency, period: Period, held: int, as_of: date,
                 counts_from: date | None, until: date | None = None,
                 exempt: Callable[[Period], bool] | None = None) -> PeriodState:
    """The state of one period (see the module docstring for when a period counts); `exempt` says
    which periods require nothing (a branch without a 支委会 holds no 支委会 meeting)."""
    if counts_from is None or counts_from > period.end or (until is not None and until <= period.end):
        return PeriodState.HELD if held else PeriodState.NOT_REQUIRED
    if freq.min_count == 0:
        return PeriodState.HELD if held else PeriodState.NOT_REQUIRED
    if held >= freq.min_count:
        return PeriodState.HELD
    if exempt is not None and exempt(period):  # asked last: it may have to count people
        return PeriodState.HELD if held else PeriodState.NOT_REQUIRED
    if period.end < as_of:
        return PeriodState.MISSING
    if period.start <= as_of and as_of >= period.end - timedelta(days=freq.due_days):
        return PeriodState.DUE
    return PeriodState.OPEN


def period_statuses(freq: Frequency, held_on: Iterable[date], as_of: date, counts_from: date | None,
                    first: date, last: date, until: date | None = None,
                    exempt: Callable[[Period], bool] | None = None) -> list[PeriodStatus]:
    """The state of every period of `freq` overlapping [first, last]."""
    dates = sorted(held_on)
    out = []
    for p in periods_between(freq.period, first, last):
        n = bisect_right(dates, p.end) - bisect_left(dates, p.start)
        out.append(PeriodStatus(p, period_state(freq, p, n, as_of, counts_from, until, exempt), n, freq.min_count))
    return out


def records_start(created: date | None, meeting_dates: Iterable[date]) -> date | None:
    """Where an organisation's records start: its creation or its first meeting, whichever is first."""
    candidates = [d for d in meeting_dates if d is not None]
    if created is not None:
        candidates.append(created)
    return min(candidates) if candidates else None


def subject(mtype: MeetingType, period: Period, group_name: str = "") -> str:
    """The finding subject for a meeting period: `committee 2025-03` (with the 党小组 for groups)."""
    text = f"{MeetingType(mtype).value} {period.code}"
    return f"{text} {group_name}" if group_name else text


# ---------------------------------------------------------------- the year grid


@dataclass(frozen=True)
class GridCell:
    month: int
    period: Period
    state: PeriodState
    held_in_month: int
    held_in_period: int
    drafts_in_month: int = 0  # drafts (planned, or not yet final): shown, never counted as held


@dataclass(frozen=True)
class GridRow:
    type: MeetingType
    label: str  # 支部委员会会议, or 党小组会（第一党小组）
    group_id: int | None
    frequency: Frequency
    cells: tuple[GridCell, ...]

    @property
    def held(self) -> int:
        return sum(c.held_in_month for c in self.cells)

    def _periods(self) -> dict[Period, GridCell]:
        return {c.period: c for c in self.cells}

    @property
    def required(self) -> int:
        """Meetings required in the periods of the year that count."""
        return sum(self.frequency.min_count for c in self._periods().values()
                   if c.state is not PeriodState.NOT_REQUIRED)

    @property
    def missing(self) -> int:
        """Meetings lacking in periods that are over."""
        return sum(max(0, self.frequency.min_count - c.held_in_period) for c in self._periods().values()
                   if c.state is PeriodState.MISSING)

    @property
    def pending(self) -> int:
        """Meetings still to hold in the current and later periods of the year."""
        return sum(max(0, self.frequency.min_count - c.held_in_period) for c in self._periods().values()
                   if c.state in (PeriodState.DUE, PeriodState.OPEN))


def grid_row(freq: Frequency, label: str, group_id: int | None, year: int, held_on: Iterable[date],
             as_of: date, counts_from: date | None, until: date | None = None,
             exempt: Callable[[Period], bool] | None = None, drafts_on: Iterable[date] = ()) -> GridRow:
    """One row of the year grid: a cell per month, each showing the state of its period.
    `drafts_on`: dates of drafts (planned meetings, records not yet final): shown, never counted as held."""
    dates = [d for d in held_on if d.year == year]
    drafts = [d for d in drafts_on if d.year == year]
    statuses = {s.period: s for s in period_statuses(freq, dates, as_of, counts_from,
                                                      date(year, 1, 1), date(year, 12, 31), until, exempt)}
    cells = []
    for month in range(1, 13):
        p = Period.containing(freq.period, date(year, month, 1))
        s = statuses[p]
        cells.append(GridCell(month, p, s.state, sum(1 for d in dates if d.month == month), s.held,
                              sum(1 for d in drafts if d.month == month)))
    return GridRow(freq.type, label, group_id, freq, tuple(cells))


# ---------------------------------------------------------------- MEMBER-INACTIVE-6M


@dataclass(frozen=True)
class Inactivity:
    severity: Severity
    since: date  # the last organisational life attended, or when the count started
    months: int  # whole months without attending


def whole_months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def inactivity(last_attended: date | None, counts_from: date, as_of: date,
               due_months: int, overdue_months: int) -> Inactivity | None:
    """MEMBER-INACTIVE-6M for one member: `due` after `due_months` without attending any
    organisational life, `overdue` after `overdue_months`; None while the member attends.
    `counts_from` is when the member could first have attended here (joining the branch, or
    the start of the branch's records), so nobody is flagged for time before that."""
    since = max(d for d in (last_attended, counts_from) if d is not None)
    if since > as_of:
        return None
    months = whole_months_between(since, as_of)
    if add_months(since, overdue_months) <= as_of:
        return Inactivity(Severity.OVERDUE, since, months)
    if add_months(since, due_months) <= as_of:
        return Inactivity(Severity.DUE, since, months)
    return None


# why a member has no organisational life on file: each is named in the finding
REASON_ABSENT = "absent"  # no attendance without a recorded reason: the 党章's case
REASON_LEAVE = "leave"  # 请假 recorded: with good reason, not the 党章's case
REASON_FLOATING = "floating"  # 流动党员 with no record of whether they attend elsewhere: ask, do not judge
REASON_FLOATING_ABSENT = "floating_absent"  # 流动党员 recorded as attending nowhere: the 党章's case, named
REASON_UNKNOWN = "unknown"  # meetings whose attendance is not known: neither absence nor presence

# what the record says of a 流动党员 on the day checked (services: the 流动党员 record in force then)
FLOATING_NONE = ""  # not a 流动党员 then
FLOATING_ELSEWHERE = "elsewhere"  # attends organisational life with another 党组织: not inactive
FLOATING_NOT_ELSEWHERE = "not_elsewhere"  # recorded as attending with no 党组织 there
FLOATING_UNRECORDED = "unrecorded"  # marked 流动 on the roster, details not recorded


@dataclass(frozen=True)
class InactivityJudgement:
    severity: Severity
    since: date
    months: int
    reason: str


def judge_inactivity(last_present: date | None, last_leave: date | None, unknown_since: int, floating: str | bool,
                     counts_from: date, as_of: date, due_months: int, overdue_months: int) -> InactivityJudgement | None:
    """MEMBER-INACTIVE-6M with its reason. Only attendance without good reason makes it `due`/`overdue`.
    domain.md: a 流动党员 who attends with another organisation is not inactive (None); one whose details
    are not recorded, months covered by recorded leave, and meetings whose attendance is unknown
    (`unknown_since` of them after the last attendance or leave) give an `info` naming the reason; a
    流动党员 recorded as attending nowhere is judged like anyone else, the reason saying so. `floating` is
    one of the FLOATING_* values (True/False: marked 流动 without details / not)."""
    if floating is True:
        floating = FLOATING_UNRECORDED
    elif floating is False or floating is None:
        floating = FLOATING_NONE
    if floating == FLOATING_ELSEWHERE:
        return None
    by_presence = inactivity(last_present, counts_from, as_of, due_months, overdue_months)
    if by_presence is None:
        return None
    if floating == FLOATING_UNRECORDED:
        return InactivityJudgement(Severity.INFO, by_presence.since, by_presence.months, REASON_FLOATING)
    excused = max(d for d in (last_present, last_leave) if d is not None) if (last_present or last_leave) else None
    with_leave = inactivity(excused, counts_from, as_of, due_months, overdue_months)
    if with_leave is None:
        return InactivityJudgement(Severity.INFO, by_presence.since, by_presence.months, REASON_LEAVE)
    if unknown_since:
        return InactivityJudgement(Severity.INFO, with_leave.since, with_leave.months, REASON_UNKNOWN)
    reason = REASON_FLOATING_ABSENT if floating == FLOATING_NOT_ELSEWHERE else REASON_ABSENT
    return InactivityJudgement(with_leave.severity, with_leave.since, with_leave.months, reason)
