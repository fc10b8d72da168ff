"""学时 rules: reading hours as people and platforms write them, what a meeting attended counts, the target."""

from datetime import date
from decimal import Decimal

import pytest

from dangjian_desktop.core import rules
from dangjian_desktop.core import study as core
from dangjian_desktop.core.glossary import MeetingType, StudyKind


def national(rule_id, key):
    return rules.param_value(rule_id, key)


@pytest.mark.parametrize("value, hours", [
    (2, "2.00"), (1.5, "1.50"), ("２学时", "2.00"), ("１．５", "1.50"), ("1.5小时", "1.50"), ("90分钟", "1.50"),
    ("45 分钟", "0.75"), (" 3 ", "3.00"), ("0.25", "0.25"),
])
def test_hours_as_written(value, hours):
    assert core.parse_hours(value) == Decimal(hours)


@pytest.mark.parametrize("value", ["", "两小时", "0", "-1", "1e3", None, True, float("nan"), "201"])
def test_what_is_not_hours_is_refused(value):
    with pytest.raises(ValueError):
        core.parse_hours(value)


def test_hours_text():
    assert [core.hours_text(Decimal(v)) for v in ("2.00", "1.50", "0.25", "10")] == ["2", "1.5", "0.25", "10"]


def test_kinds_from_words():
    assert core.kind_from_text("网上学习") is StudyKind.ONLINE and core.kind_from_text("线上学习") is StudyKind.ONLINE
    assert core.kind_from_text("专题 培训") is StudyKind.TRAINING and core.kind_from_text("lecture") is StudyKind.LECTURE
    assert core.kind_from_text("打球") is None


def test_a_meeting_counts_once_whatever_it_served():
    assert core.meeting_credit([MeetingType.LECTURE], national) == (StudyKind.LECTURE, 2)
    assert core.meeting_credit([MeetingType.THEME_DAY], national) == (StudyKind.GROUP_STUDY, 2)
    longer = lambda r, k: {"lecture_hours": 3, "theme_day_hours": 2}.get(k)  # noqa: E731
    assert core.meeting_credit([MeetingType.THEME_DAY, MeetingType.LECTURE, MeetingType.BRANCH_CONGRESS],
                               longer) == (StudyKind.LECTURE, 3)
    assert core.meeting_credit([MeetingType.BRANCH_CONGRESS, MeetingType.COMMITTEE], national) is None


def test_targets():
    assert core.year_target(2026, False, date(2000, 1, 1), national) == 32
    assert core.year_target(2026, True, date(2000, 1, 1), national) == 56
    assert core.year_target(2026, False, date(2026, 1, 5), national) == 32
    assert core.year_target(2026, False, date(2026, 12, 1), national) == 3  # 32/12 rounded up
    assert core.year_target(2026, True, date(2026, 7, 1), national) == 28
    assert core.year_target(2025, False, date(2026, 7, 1), national) == 0


def test_who_is_a_committee_member_by_the_roster_post():
    assert all(core.is_leader_post(p) for p in ("支部书记", "副书记", "组织委员", "宣传委员", "纪检委员"))
    assert not any(core.is_leader_post(p) for p in ("", "党小组长", "第一党小组组长", "党小组副组长"))
