"""The year's reviews as pure rules: 谈心谈话 coverage (who still has to talk with whom) and the
民主评议 处置 track of a 不合格 member.

Coverage (domain.md, 支部工作条例 第十九条 as tracked here): in a year, every pair of 支委 who
served at the same time talks at least once, and every other member talks at least once with
someone who was a 支委 on the day of the talk. A branch without a 支部委员会 has only its 书记 as
"the committee": the 书记 talks with every member. Who talked first does not matter: a talk
between A and B covers the pair {A, B}.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Iterable

from dangjian_desktop.core.glossary import DisposalAction

COVERAGE_RULE = "HEART-TALK-COVERAGE"
DISPOSAL_RULE = "APPRAISAL-DISPOSAL"


@dataclass(frozen=True)
class Tenure:
    """A 支委 (or, without a committee, the 书记) from `start` to `end` within the year."""

    member_id: int
    start: date
    end: date

    def holds_on(self, d: date) -> bool:
        return self.start <= d <= self.end


@dataclass(frozen=True)
class Talk:
    """One talk between two members (谈话人, 谈话对象) on a day; `meeting_id` is its record."""

    held_on: date
    talker_id: int
    listener_id: int
    meeting_id: int = 0


@dataclass(frozen=True)
class PairStatus:
    """A 支委 pair and the talks between them in the year (none: still missing)."""

    a: int
    b: int
    talks: tuple[Talk, ...]

    @property
    def done(self) -> bool:
        return bool(self.talks)


@dataclass(frozen=True)
class MemberTalks:
    """A member (not a 支委 this year) and the talks with a 支委 they had in the year."""

    member_id: int
    talks: tuple[Talk, ...]

    @property
    def done(self) -> bool:
        return bool(self.talks)


@dataclass(frozen=True)
class Coverage:
    year: int
    committee_ids: tuple[int, ...]  # everyone who was a 支委 (or the 书记) at some time in the year
    pairs: tuple[PairStatus, ...]
    members: tuple[MemberTalks, ...]
    secretary_only: bool = False  # a branch without a 支部委员会: the 书记 with every member

    @property
    def required(self) -> int:
        return len(self.pairs) + len(self.members)

    @property
    def done(self) -> int:
        return sum(p.done for p in self.pairs) + sum(s.done for s in self.members)

    @property
    def missing_pairs(self) -> list[PairStatus]:
        return [p for p in self.pairs if not p.done]

    @property
    def missing_members(self) -> list[MemberTalks]:
        return [s for s in self.members if not s.done]


def committee_pairs(tenures: Iterable[Tenure]) -> list[tuple[int, int]]:
    """Every pair of distinct people whose tenures overlap (they were 支委 at the same time)."""
    by_member: dict[int, list[Tenure]] = {}
    for t in tenures:
        by_member.setdefault(t.member_id, []).append(t)
    out = []
    for a, b in combinations(list(by_member), 2):
        if any(x.start <= y.end and y.start <= x.end for x in by_member[a] for y in by_member[b]):
            out.append((a, b))
    return out


def coverage(year: int, tenures: Iterable[Tenure], members: Iterable[int], talks: Iterable[Talk], *,
             secretary_only: bool = False) -> Coverage:
    """Coverage for a year: `tenures` of the 支委 (clipped to the year), `members` on the roll, `talks` of
    the year (talks outside the year are ignored)."""
    tenures = [t for t in tenures if t.start <= t.end and t.start.year <= year <= t.end.year]
    talks = sorted((t for t in talks if t.held_on.year == year and t.talker_id != t.listener_id),
                   key=lambda t: (t.held_on, t.meeting_id))
    committee = list(dict.fromkeys(t.member_id for t in tenures))
    by_pair: dict[frozenset[int], list[Talk]] = {}
    for t in talks:
        by_pair.setdefault(frozenset((t.talker_id, t.listener_id)), []).append(t)
    pairs = tuple(PairStatus(a, b, tuple(by_pair.get(frozenset((a, b)), ()))) for a, b in committee_pairs(tenures))

    def on_committee(member_id: int, d: date) -> bool:
        return any(t.member_id == member_id and t.holds_on(d) for t in tenures)

    statuses = []
    in_committee = set(committee)
    for mid in dict.fromkeys(members):
        if mid in in_committee:
            continue
        with_committee = tuple(t for t in talks if mid in (t.talker_id, t.listener_id)
                               and on_committee(t.listener_id if t.talker_id == mid else t.talker_id, t.held_on))
        statuses.append(MemberTalks(mid, with_committee))
    return Coverage(year, tuple(committee), pairs, tuple(statuses), secretary_only)


# ---------------------------------------------------------------- 处置 of a 不合格 member


@dataclass(frozen=True)
class Disposal:
    """The 处置 track as recorded: what was decided, when, by when, and whether it is closed."""

    action: DisposalAction
    decided_on: date | None = None  # the 支部大会 that decided it
    deadline: date | None = None  # 限期改正: by when
    closed_on: date | None = None
    closing: str = ""
    note: str = ""

    @property
    def open(self) -> bool:
        return self.closed_on is None


def disposal_problems(d: Disposal, appraised_on: date, today: date) -> list[str]:
    """What makes a 处置 entry wrong, as sentences (empty: fine). Dates cannot lie after today nor before
    the 民主评议; a 限期改正 needs its deadline; 除名 needs the 支部大会 that decided it; closing needs how."""
    out = []
    for label, value in (("支部大会决定日期", d.decided_on), ("办结日期", d.closed_on)):
        if value is not None and value > today:
            out.append(f"{label}不能晚于今天。")
        if value is not None and value < appraised_on:
            out.append(f"{label}不能早于民主评议的日期。")
    if d.action is DisposalAction.CORRECT and d.deadline is None:
        out.append("限期改正需要写明改正期限。")
    if d.deadline is not None and d.deadline < appraised_on:
        out.append("改正期限不能早于民主评议的日期。")
    if d.action is DisposalAction.STRIKE_OFF and d.decided_on is None:
        out.append("除名须经支部大会讨论决定，请写明支部大会的日期。")
    if d.closed_on is not None and not d.closing.strip():
        out.append("办结时请写明结果（如已改正、已退党、已除名）。")
    if d.closed_on is not None and d.decided_on is not None and d.closed_on < d.decided_on:
        out.append("办结日期不能早于支部大会决定日期。")
    return out


@dataclass
class VoteCounts:
    """The votes a member received in the 民主测评, per grade (None: not recorded)."""

    excellent: int | None = None
    qualified: int | None = None
    basic: int | None = None
    unqualified: int | None = None

    def values(self) -> tuple[int | None, int | None, int | None, int | None]:
        return self.excellent, self.qualified, self.basic, self.unqualified

    @property
    def recorded(self) -> bool:
        return any(v is not None for v in self.values())

    @property
    def total(self) -> int | None:
        return sum(v or 0 for v in self.values()) if self.recorded else None
