"""学时: reading an amount of hours, what a 党课 or 主题党日 attended counts, and a member's target for a year.

Pure rules over plain values. The numbers (32, 56, the length of a 党课) are rule data (core.rules
STUDY-HOURS-Y, 党员教育管理工作条例 2019; STUDY-CREDIT, the branch's own) read through a `value(rule_id, key)`
callable, so local settings apply.
"""

from __future__ import annotations

import math
import re
from datetime import date, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterable

from dangjian_desktop.core.glossary import MeetingType, StudyKind

RULE = "STUDY-HOURS-Y"
CREDIT_RULE = "STUDY-CREDIT"
ZERO = Decimal("0")
MAX_HOURS = Decimal("200")  # one session: more is a typing error (a week's 专题培训 is 40)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_MINUTES = re.compile(r"^(\d+(?:\.\d+)?)\s*(分钟|分|min|mins|minutes)$", re.IGNORECASE)
_HOURS = re.compile(r"^(\d+(?:\.\d+)?)\s*(学时|小时|课时|h|hr|hrs|hours)?$", re.IGNORECASE)

# words people (and platforms) write for the four kinds
KIND_WORDS: dict[str, StudyKind] = {
    **{k.label: k for k in StudyKind}, **{k.value: k for k in StudyKind},
    "集中学习培训": StudyKind.GROUP_STUDY, "集体学习": StudyKind.GROUP_STUDY, "学习会": StudyKind.GROUP_STUDY,
    "主题党日": StudyKind.GROUP_STUDY, "集中研讨": StudyKind.GROUP_STUDY, "专题研讨": StudyKind.GROUP_STUDY,
    "学习研讨": StudyKind.GROUP_STUDY, "研讨": StudyKind.GROUP_STUDY, "交流研讨": StudyKind.GROUP_STUDY, "讲党课": StudyKind.LECTURE, "专题党课": StudyKind.LECTURE,
    "培训": StudyKind.TRAINING, "培训班": StudyKind.TRAINING, "专题培训班": StudyKind.TRAINING,
    "线上学习": StudyKind.ONLINE, "网络学习": StudyKind.ONLINE, "在线学习": StudyKind.ONLINE,
    "网络培训": StudyKind.ONLINE, "线上": StudyKind.ONLINE, "网上": StudyKind.ONLINE,
}


UNIT_HOURS, UNIT_MINUTES, UNIT_SECONDS = "学时", "分钟", "秒"
_PER_HOUR = {UNIT_HOURS: 1, UNIT_MINUTES: 60, UNIT_SECONDS: 3600}
_CLOCK = re.compile(r"^(\d{1,3}):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$")
_HOURS_MINUTES = re.compile(r"^(?:(\d+(?:\.\d+)?)(?:个)?(?:小时|时))?(?:(\d+(?:\.\d+)?)(?:分钟|分))?(?:(\d+)秒)?$")


def unit_of_header(header: str) -> str | None:
    """The unit a 学时 column's header names: “学习时长(分钟)”, “时长（秒）”, “学时(小时)”; None when it names none."""
    text = re.sub(r"\s+", "", str(header or ""))
    if re.search(r"分钟|[(（]分[)）]|min", text, re.IGNORECASE):
        return UNIT_MINUTES
    if re.search(r"秒|[(（]s[)）]|sec", text, re.IGNORECASE):
        return UNIT_SECONDS
    if re.search(r"小时|学时|课时|[(（]h[)）]", text, re.IGNORECASE):
        return UNIT_HOURS
    return None


def as_written(value: Any) -> str:
    """A cell's value as the person wrote it: 0.0 → “0”, -2.0 → “-2”, 1.5 → “1.5”."""
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return str(int(value))
    return str(value).strip()


def parse_hours(value: Any, unit: str = UNIT_HOURS) -> Decimal:
    """An amount of 学时: 2, 1.5, “２学时”, “1.5小时”, “90分钟”, “1小时30分”, “01:30:00” (or a time cell), to at
    most 2 decimals and above 0. A bare number is in `unit` (a column headed “学习时长(分钟)” holds minutes);
    a unit written in the cell wins. ValueError with a Chinese reason for anything else."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"“{value}”不是学时数")
    shown = as_written(value) + ("" if unit == UNIT_HOURS else unit)
    if isinstance(value, timedelta):
        amount = Decimal(str(round(value.total_seconds(), 3))) / 3600
    elif isinstance(value, time):
        amount = Decimal(value.hour * 3600 + value.minute * 60 + value.second) / 3600
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("学时数无法读取")
        amount = Decimal(str(round(value, 6))) / _PER_HOUR[unit]
    else:
        text = str(value).strip().translate(_FULL_WIDTH).replace(" ", "")
        minutes = _MINUTES.match(text)
        hours = _HOURS.match(text)
        clock = _CLOCK.match(text)
        mixed = _HOURS_MINUTES.match(text) if not (minutes or hours or clock) else None
        try:
            if minutes:
                amount = Decimal(minutes.group(1)) / 60
            elif hours and hours.group(2):
                amount = Decimal(hours.group(1))
            elif hours:
                amount = Decimal(hours.group(1)) / _PER_HOUR[unit]
            elif clock:
                h, mi, sec = (int(g or 0) for g in clock.groups())
                amount = Decimal(h * 3600 + mi * 60 + sec) / 3600
            elif mixed and any(mixed.groups()):
                h, mi, sec = (Decimal(g or 0) for g in mixed.groups())
                amount = h + mi / 60 + sec / 3600
            else:
                raise InvalidOperation
        except InvalidOperation:
            raise ValueError(f"“{as_written(value)}”不是学时数（可写 2、1.5、2学时、90分钟、1小时30分或 01:30:00）") from None
        shown = as_written(value) + ("" if minutes or (hours and hours.group(2)) or clock or mixed
                                     or unit == UNIT_HOURS else unit)
    amount = amount.quantize(Decimal("0.01"))
    if amount <= 0:
        raise ValueError(f"学时“{shown}”应大于 0")
    if amount > MAX_HOURS:
        said = f"{shown}（{hours_text(amount)} 学时）" if shown != as_written(value) or unit != UNIT_HOURS else f"{shown} 学时"
        raise ValueError(f"一次学习 {said}太多，请检查（一次最多 {MAX_HOURS} 学时）")
    return amount


def hours_text(amount: Decimal) -> str:
    """2 → “2”, 1.50 → “1.5”, 0.25 → “0.25”: as a person writes hours."""
    text = f"{Decimal(amount):.2f}".rstrip("0").rstrip(".")
    return text or "0"


def kind_from_text(text: str) -> StudyKind | None:
    """The kind a cell names (集中学习, 党课, 专题培训, 网上学习 and the usual other words), or None."""
    t = re.sub(r"\s+", "", str(text or ""))
    return KIND_WORDS.get(t) or KIND_WORDS.get(t.lower())


def meeting_credit(types: Iterable[MeetingType], value: Callable[[str, str], Any]) -> tuple[StudyKind, Decimal] | None:
    """What attending a meeting of these types counts: a 党课 (lecture) or a 主题党日 (group study), at the
    branch's length; a combined record (主题党日暨党课) counts once, at the longer length. None: no 学时."""
    types = set(types)
    lengths = []
    if MeetingType.LECTURE in types:
        lengths.append(Decimal(str(value(CREDIT_RULE, "lecture_hours"))))
    if MeetingType.THEME_DAY in types:
        lengths.append(Decimal(str(value(CREDIT_RULE, "theme_day_hours"))))
    if not lengths or max(lengths) <= 0:
        return None
    kind = StudyKind.LECTURE if MeetingType.LECTURE in types else StudyKind.GROUP_STUDY
    return kind, max(lengths)


def year_target(year: int, leader: bool, joined_on: date | None, value: Callable[[str, str], Any]) -> Decimal:
    """The 学时 a member owes for `year`: 32 (书记 and 支委 56, both settings); a member who joined the party
    during the year owes the share of the months from the month of joining, rounded up to whole hours."""
    full = Decimal(str(value(RULE, "leader_hours" if leader else "hours")))
    if joined_on is None or joined_on.year < year:
        return full
    if joined_on.year > year:
        return ZERO
    months = 12 - joined_on.month + 1
    return Decimal(math.ceil(full * months / 12))


def reminder_from(year: int, value: Callable[[str, str], Any]) -> date:
    """The first day reminders for the year's shortfall are shown (1 October by default)."""
    month = min(12, max(1, int(value(RULE, "due_month"))))
    return date(year, month, 1)


def is_leader_post(post: str) -> bool:
    """A 党内职务 written on the roster that makes the person a 支委 (书记, 副书记, 组织委员 …), not a 党小组长."""
    text = re.sub(r"\s+", "", post or "")
    return ("书记" in text or "委员" in text) and "小组" not in text
