"""What a 发展党员 step records besides its date and people: one typed class per kind of step.

Each class reads and writes the JSON stored in `development_steps.details`, in the format
earlier versions wrote (flat keys, dates as ISO text, the 转正 outcome as its value), so an
existing database reads unchanged. Keys a class does not know (written by a later version or
another tool) are kept in `extra` and written back as they were: nothing stored is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Callable, ClassVar, Mapping

from dangjian_desktop.core.development import Step
from dangjian_desktop.core.glossary import ProbationOutcome
from dangjian_desktop.core.votes import VoteResult, tally

PASSING_CONCLUSIONS = ("合格", "政审合格", "通过", "符合条件", "passed")
_NO_EXTRA: Mapping[str, Any] = MappingProxyType({})


class DetailsError(ValueError):
    """A value that cannot be what its field says (a vote count that is not a whole number…);
    the message is one Chinese sentence for the person who typed it."""


def as_date(value: Any) -> date | None:
    """A date field as stored (ISO text) or as given (a date); None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _count(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DetailsError(f"表决票数“{value}”不是整数") from None


def _outcome(value: Any) -> ProbationOutcome:
    outcome = value if isinstance(value, ProbationOutcome) else ProbationOutcome.from_label(str(value))
    if outcome is None:
        raise DetailsError(f"转正讨论结果“{value}”无法识别")
    return outcome


def _date_field(value: Any) -> date:
    try:
        return as_date(value)
    except ValueError:
        raise DetailsError(f"日期“{value}”无法识别") from None


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, ProbationOutcome):
        return value.value
    return value


def _read(reader: Callable[[Any], Any]):
    return field(default=None, metadata={"read": reader})


@dataclass(frozen=True)
class StepDetails:
    """A step that records nothing besides its date, people and notes."""

    extra: Mapping[str, Any] = field(default_factory=lambda: _NO_EXTRA, repr=False)
    _fields: ClassVar[dict[type, tuple[tuple[str, Callable[[Any], Any]], ...]]] = {}
    _empty: ClassVar[dict[type, StepDetails]] = {}

    @classmethod
    def _spec(cls) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
        spec = StepDetails._fields.get(cls)
        if spec is None:
            spec = StepDetails._fields[cls] = tuple(
                (f.name, f.metadata.get("read", lambda v: v)) for f in fields(cls) if f.name != "extra")
        return spec

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> StepDetails:
        """The details as stored (or as a caller gives them: dates may be date objects, numbers text).
        Raises DetailsError for a value its field cannot hold."""
        if not data:
            empty = StepDetails._empty.get(cls)
            if empty is None:
                empty = StepDetails._empty[cls] = cls()
            return empty
        rest = dict(data)
        known = {}
        for name, reader in cls._spec():
            value = rest.pop(name, None)
            if value not in (None, ""):
                known[name] = reader(value)
        return cls(extra=MappingProxyType(rest) if rest else _NO_EXTRA, **known)

    def to_json(self) -> dict[str, Any]:
        """The details as they are stored: empty fields left out, unknown keys kept."""
        out = {key: _json(value) for key, value in self.extra.items()}
        for name, _ in self._spec():
            value = getattr(self, name)
            if value is not None and value != "":
                out[name] = _json(value)
        return out

    def notice(self) -> tuple[date | None, date | None]:
        """The 公示 period, if this step records it (step 12 does: `NoticeDetails`). A caller of an earlier
        version could put it on another step of stages 3–4: there it is read from the stored keys."""
        return as_date(self.extra.get("notice_from")), as_date(self.extra.get("notice_to"))


@dataclass(frozen=True)
class PoliticalReviewDetails(StepDetails):
    """第10步 进行政治审查: the conclusion (合格…)."""

    conclusion: str | None = _read(lambda v: str(v).strip())

    @property
    def passed(self) -> bool:
        return (self.conclusion or "") in PASSING_CONCLUSIONS


@dataclass(frozen=True)
class TrainingDetails(StepDetails):
    """第11步 开展集中培训: how long (days and/or 学时) and who organised it."""

    days: float | None = _read(lambda v: v)
    hours: float | None = _read(lambda v: v)
    organiser: str | None = _read(lambda v: str(v).strip())


@dataclass(frozen=True)
class NoticeDetails(StepDetails):
    """第12步 支部委员会审查, with the 公示 before the 接收 (its first and last day)."""

    notice_from: date | None = _read(_date_field)
    notice_to: date | None = _read(_date_field)

    def notice(self) -> tuple[date | None, date | None]:
        return self.notice_from, self.notice_to


@dataclass(frozen=True)
class VoteDetails(StepDetails):
    """第15步 支部大会讨论接收: the tally (应到/实到 voting 正式党员, votes, written opinions), the result the
    program worked out from it, and the 三会一课 record the tally was taken from."""

    expected_voters: int | None = _read(_count)
    present_voters: int | None = _read(_count)
    in_favour: int | None = _read(_count)
    against: int | None = _read(_count)
    abstain: int | None = _read(_count)
    written_in_favour: int | None = _read(_count)
    quorum: bool | None = _read(bool)
    passed: bool | None = _read(bool)
    meeting_id: int | None = _read(int)

    COUNTS: ClassVar[tuple[str, ...]] = ("expected_voters", "present_voters", "in_favour", "against", "abstain",
                                         "written_in_favour")

    @property
    def has_tally(self) -> bool:
        return self.expected_voters is not None and self.present_voters is not None

    def result(self) -> VoteResult | None:
        """The tally judged by `core.votes` (None if no numbers were recorded).
        Raises ValueError when the numbers cannot be true."""
        if not self.has_tally:
            return None
        return tally(*(getattr(self, key) or 0 for key in self.COUNTS))

    def with_result(self) -> VoteDetails:
        """The same tally with `quorum` and `passed` as `core.votes` judges it (unchanged if it cannot)."""
        try:
            r = self.result()
        except ValueError:
            return self  # the rule check explains it
        return self if r is None else replace(self, quorum=r.quorum, passed=r.passed)


@dataclass(frozen=True)
class ProbationVoteDetails(VoteDetails):
    """第23步 支部大会讨论转正: the tally, the decision, and an extension of the 预备期 (on file once made)."""

    outcome: ProbationOutcome | None = _read(_outcome)
    extension_months: int | None = _read(int)
    extended_on: date | None = _read(_date_field)


@dataclass(frozen=True)
class ApprovalDetails(StepDetails):
    """第17、24步 上级党委审批: the number of the approval document (批复文号)."""

    approval_no: str | None = _read(lambda v: str(v).strip())


KINDS: dict[Step, type[StepDetails]] = {
    Step.POLITICAL_REVIEW: PoliticalReviewDetails,
    Step.TRAINING: TrainingDetails,
    Step.COMMITTEE_REVIEW: NoticeDetails,
    Step.BRANCH_CONGRESS_ADMIT: VoteDetails,
    Step.ADMISSION_APPROVAL: ApprovalDetails,
    Step.BRANCH_CONGRESS_FULL: ProbationVoteDetails,
    Step.FULL_MEMBERSHIP_APPROVAL: ApprovalDetails,
}


def kind_of(no: int) -> type[StepDetails]:
    """The details class of step `no`."""
    return KINDS.get(no, StepDetails)


def read_details(no: int, data: StepDetails | Mapping[str, Any] | None) -> StepDetails:
    """Step `no`'s details from the stored JSON (or a mapping a caller gives); typed details pass through."""
    kind = kind_of(no)
    if isinstance(data, kind):
        return data
    if isinstance(data, StepDetails):
        data = data.to_json()
    return kind.from_json(data)
