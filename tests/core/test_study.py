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


@pytest.mark.parametrize("value, unit, hours", [
    (90, "分钟", "1.50"), (90.0, "分钟", "1.50"), ("90", "分钟", "1.50"), (5400, "秒", "1.50"), (1.5, "学时", "1.50"),
    ("2学时", "分钟", "2.00"), ("90分钟", "分钟", "1.50"), ("01:30:00", "学时", "1.50"), ("1:30", "分钟", "1.50"),
    ("1小时30分", "学时", "1.50"), ("1小时30分钟", "分钟", "1.50"), ("2小时", "分钟", "2.00"),
])
def test_hours_in_the_unit_of_the_column_or_of_the_cell(value, unit, hours):
    assert core.parse_hours(value, unit) == Decimal(hours)


def test_time_cells_are_durations():
    from datetime import time, timedelta

    assert core.parse_hours(time(1, 30)) == Decimal("1.50")
    assert core.parse_hours(timedelta(hours=2, minutes=15)) == Decimal("2.25")


@pytest.mark.parametrize("value, unit, said", [
    (0.0, "学时", "学时“0”应大于 0"), (-2.0, "学时", "学时“-2”应大于 0"), (0, "分钟", "学时“0分钟”应大于 0"),
    (300.0, "学时", "一次学习 300 学时太多"), (20000, "分钟", "一次学习 20000分钟（333.33 学时）太多"),
])
def test_refusals_echo_the_number_as_written(value, unit, said):
    with pytest.raises(ValueError) as exc:
        core.parse_hours(value, unit)
    assert said in str(exc.value) and ".0" not in str(exc.value)


@pytest.mark.parametrize("header, unit", [
    ("学习时长(分钟)", "分钟"), ("学习时长（分钟）", "分钟"), ("时长(分钟)", "分钟"), ("时长（秒）", "秒"),
    ("学时(小时)", "学时"), ("课程学时", "学时"), ("学习时长", None), ("时长", None),
])
def test_the_unit_a_header_names(header, unit):
    assert core.unit_of_header(header) == unit


def test_hours_text():
    assert [core.hours_text(Decimal(v)) for v in ("2.00", "1.50", "0.25", "10")] == ["2", "1.5", "0.25", "10"]


def test_kinds_from_words():
    assert core.kind_from_text("网上学习") is StudyKind.ONLINE and core.kind_from_text("线上学习") is StudyKind.ONLINE
    assert core.kind_from_text("专题 培训") is StudyKind.TRAINING and core.kind_from_text("lecture") is StudyKind.LECTURE
    assert core.kind_from_text("打球") is None
    assert core.kind_from_text("集中研讨") is StudyKind.GROUP_STUDY  # a discussion the branch holds together


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
