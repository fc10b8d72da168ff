"""三会一课: the plain data the services give and take (a record, its form, attendance, votes, appraisal)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from dangjian_desktop.core.glossary import (
    AppraisalOutcome,
    AttendanceStatus,
    MeetingState,
    MeetingType,
    VoteKind,
    VoteMethod,
)
from dangjian_desktop.core.meetings import count_text, types_label

TEXT_FIELDS = ("title", "place", "host", "recorder", "lecturer", "counterpart", "guests", "topics",
               "minutes", "resolutions")
FIELD_LABELS = {
    "type": "会议类型", "also": "同时作为", "attendance_known": "出席情况已记录", "held_on": "时间", "group_id": "党小组", "title": "会议名称", "starts_at": "开始时间",
    "ends_at": "结束时间", "place": "地点", "host": "主持人", "recorder": "记录人", "lecturer": "主讲人",
    "counterpart": "谈话对象", "guests": "列席人员", "topics": "议题", "minutes": "讨论发言",
    "resolutions": "决议", "expected": "应到", "present": "实到", "attendance": "出席情况",
    "votes": "表决情况", "appraisals": "评议结果",
}
SHORT_LIMIT = {"title": 200, "place": 200, "host": 50, "recorder": 50, "lecturer": 50, "counterpart": 200}


# ---------------------------------------------------------------- plain data


@dataclass
class AttendanceRow:
    member_id: int
    name: str = ""
    group: str = ""
    status: AttendanceStatus = AttendanceStatus.PRESENT
    reason: str = ""
    can_vote: bool = True  # 预备党员 have no vote


@dataclass
class VoteRow:
    kind: VoteKind
    subject: str
    in_favour: int = 0
    against: int = 0
    abstain: int = 0
    written_in_favour: int = 0
    written_against: int = 0
    applicant_id: int | None = None
    member_id: int | None = None
    # computed from attendance when the record has it; given only for imported records
    expected_voters: int | None = None
    present_voters: int | None = None
    quorum: bool = False
    passed: bool = False
    summary: str = ""
    method: VoteMethod | None = None  # 举手表决 / 无记名投票 (None: not recorded)


@dataclass
class AppraisalRow:
    member_id: int
    outcome: AppraisalOutcome
    name: str = ""
    note: str = ""


@dataclass
class MeetingForm:
    """Everything the editor (or an import) can change in a record."""

    type: MeetingType
    held_on: date
    group_id: int | None = None
    title: str = ""
    starts_at: time | None = None
    ends_at: time | None = None
    place: str = ""
    host: str = ""
    recorder: str = ""
    lecturer: str = ""
    counterpart: str = ""
    guests: str = ""
    topics: str = ""
    minutes: str = ""
    resolutions: str = ""
    attendance: list[AttendanceRow] = field(default_factory=list)
    votes: list[VoteRow] = field(default_factory=list)
    appraisals: list[AppraisalRow] = field(default_factory=list)
    # only when there is no attendance list (谈心谈话, a record imported from a 台账)
    expected: int | None = None
    present: int | None = None
    # the other types the gathering served (主题党日暨支部党员大会: THEME_DAY, also BRANCH_CONGRESS)
    also: list[MeetingType] = field(default_factory=list)
    # False: "attendance not recorded"; 实到 is then unknown (None), never read as absence
    attendance_known: bool = True
    # 谈心谈话: (谈话人, 谈话对象) member ids as picked from the roster; None: from the names in 谈话人 and
    # 谈话对象 (the editor), keeping the pairs already recorded for names that did not change
    talk_pairs: list[tuple[int, int]] | None = None

    @property
    def types(self) -> list[MeetingType]:
        """Every type the record served, the primary one first."""
        return [MeetingType(self.type), *(MeetingType(t) for t in self.also if MeetingType(t) != self.type)]


@dataclass
class MeetingDetail(MeetingForm):
    id: int = 0
    branch_id: int = 0
    branch_name: str = ""
    group_name: str = ""
    state: MeetingState = MeetingState.DRAFT
    finalised_at: datetime | None = None
    version: int = 1
    updated_at: datetime | None = None

    @property
    def is_final(self) -> bool:
        return self.state is MeetingState.FINAL

    @property
    def absent(self) -> list[AttendanceRow]:
        return [a for a in self.attendance if a.status is not AttendanceStatus.PRESENT]

    @property
    def type_label(self) -> str:
        label = types_label(self.types)
        return f"{label}（{self.group_name}）" if self.group_name else label

    @property
    def present_text(self) -> str:
        """实到 as printed: “28人”, or “未记录”."""
        return count_text(self.present if self.attendance_known else None, "人")

    def form(self) -> MeetingForm:
        """The editable part, e.g. to change one field and save."""
        names = {f for f in MeetingForm.__dataclass_fields__}
        return MeetingForm(**{k: getattr(self, k) for k in names})


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    type: MeetingType
    held_on: date
    title: str
    topics: str
    host: str
    recorder: str
    expected: int
    present: int | None  # None: attendance not recorded
    absent: tuple[tuple[str, str, str], ...]  # (name, reason, 请假/缺席) for everyone not present
    state: MeetingState
    group_name: str = ""
    also: tuple[MeetingType, ...] = ()

    @property
    def types(self) -> list[MeetingType]:
        return [self.type, *(t for t in self.also if t != self.type)]

    @property
    def type_label(self) -> str:
        label = types_label(self.types)
        return f"{label}（{self.group_name}）" if self.group_name else label

    @property
    def present_text(self) -> str:
        return count_text(self.present)

    @property
    def absent_text(self) -> str:
        return "；".join(f"{n}（{st}：{r}）" if r else f"{n}（{st}）" for n, r, st in self.absent)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type.value, "types": [t.value for t in self.types], "date": self.held_on.isoformat(), "topic": self.title,
            "host": self.host, "recorder": self.recorder, "expected": self.expected, "present": self.present,
            "absent": [{"name": n, "reason": r, "status": st} for n, r, st in self.absent],
            "state": self.state.value, "group": self.group_name, "topics": self.topics,
        }
