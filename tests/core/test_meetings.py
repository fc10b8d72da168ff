"""Meeting frequency rules at period boundaries, local variants, templates, inactivity."""

from datetime import date

import pytest

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core.dates import Period
from dangjian_desktop.core.glossary import MeetingType, Severity
from dangjian_desktop.core.meetings import PeriodState as S


def committee(overrides=None):
    return core.frequency(MeetingType.COMMITTEE, overrides)


def test_frequency_comes_from_the_rule_catalog_and_local_variants():
    f = core.frequency(MeetingType.LECTURE)
    assert (f.rule_id, f.period, f.min_count, f.due_days) == ("MEET-LECTURE-Q", "Q", 1, 30)
    local = core.frequency(MeetingType.LECTURE, {"MEET-LECTURE-Q.period": "M", "MEET-LECTURE-Q.min_count": 2})
    assert (local.period, local.min_count, local.per_year) == ("M", 2, 24)
    # the congress period is national, not local: an override is ignored
    assert core.frequency(MeetingType.BRANCH_CONGRESS, {"MEET-CONGRESS-Q.period": "Y"}).period == "Q"


def test_a_month_is_missing_only_once_it_is_over():
    f = committee()
    march = Period("M", 2025, 3)
    start = date(2024, 1, 1)
    assert core.period_state(f, march, 0, date(2025, 3, 31), start) is S.DUE  # the last day: not over yet
    assert core.period_state(f, march, 0, date(2025, 4, 1), start) is S.MISSING
    assert core.period_state(f, march, 1, date(2025, 4, 1), start) is S.HELD


def test_the_current_period_is_due_only_near_its_end():
    f = committee()  # due_days 10
    march = Period("M", 2025, 3)
    start = date(2024, 1, 1)
    assert core.period_state(f, march, 0, date(2025, 3, 20), start) is S.OPEN
    assert core.period_state(f, march, 0, date(2025, 3, 21), start) is S.DUE
    assert core.period_state(f, march, 0, date(2025, 2, 27), start) is S.OPEN  # a future period


def test_quarter_boundaries_and_min_count():
    f = core.frequency(MeetingType.BRANCH_CONGRESS, {"MEET-CONGRESS-Q.min_count": 2})
    statuses = core.period_statuses(f, [date(2025, 3, 31), date(2025, 4, 1), date(2025, 6, 30)],
                                    date(2025, 10, 1), date(2025, 1, 1), date(2025, 1, 1), date(2025, 12, 31))
    by_code = {s.period.code: (s.state, s.held) for s in statuses}
    assert by_code["2025-Q1"] == (S.MISSING, 1)  # one meeting, two required
    assert by_code["2025-Q2"] == (S.HELD, 2)
    assert by_code["2025-Q3"] == (S.MISSING, 0)
    assert by_code["2025-Q4"] == (S.OPEN, 0)


def test_periods_before_the_records_start_are_not_required():
    f = committee()
    start = date(2025, 3, 3)  # the first record: March counts, February does not
    assert core.period_state(f, Period("M", 2025, 2), 0, date(2025, 6, 1), start) is S.NOT_REQUIRED
    assert core.period_state(f, Period("M", 2025, 3), 0, date(2025, 6, 1), start) is S.MISSING
    assert core.period_state(f, Period("M", 2025, 3), 0, date(2025, 6, 1), None) is S.NOT_REQUIRED


def test_a_dissolved_group_is_not_required_after_it_ended():
    f = core.frequency(MeetingType.GROUP)
    row = core.grid_row(f, "党小组会（第二党小组）", 2, 2025, [date(2025, 1, 20)], date(2025, 12, 31),
                        date(2024, 1, 1), until=date(2025, 4, 15))
    states = [c.state for c in row.cells]
    assert states[0] is S.HELD
    assert states[1] is S.MISSING and states[2] is S.MISSING
    assert all(s is S.NOT_REQUIRED for s in states[3:])  # dissolved in April
    assert row.required == 3 and row.held == 1


def test_year_grid_cells_share_their_quarter():
    f = core.frequency(MeetingType.LECTURE)
    row = core.grid_row(f, "党课", None, 2025, [date(2025, 2, 10)], date(2025, 8, 1), date(2024, 1, 1))
    assert [c.state for c in row.cells[:3]] == [S.HELD] * 3
    assert [c.held_in_month for c in row.cells[:3]] == [0, 1, 0]
    assert [c.state for c in row.cells[3:6]] == [S.MISSING] * 3
    assert [c.state for c in row.cells[6:9]] == [S.OPEN] * 3  # Q3 ends 30 Sep; due from 31 Aug
    assert row.required == 4


def test_subject_matches_the_cli_contract():
    assert core.subject(MeetingType.COMMITTEE, Period("M", 2025, 3)) == "committee 2025-03"
    assert core.subject(MeetingType.GROUP, Period("M", 2025, 3), "第一党小组") == "group 2025-03 第一党小组"
    assert core.subject(MeetingType.LECTURE, Period("Q", 2025, 2)) == "lecture 2025-Q2"


@pytest.mark.parametrize("text,expected", [
    ("支委会", MeetingType.COMMITTEE), ("支部委员会会议", MeetingType.COMMITTEE),
    ("党员大会", MeetingType.BRANCH_CONGRESS), ("支部大会", MeetingType.BRANCH_CONGRESS),
    ("小组会", MeetingType.GROUP), (" 党 课 ", MeetingType.LECTURE), ("主题党日活动", MeetingType.THEME_DAY),
    ("2025年度组织生活会", MeetingType.ORG_LIFE), ("民主评议", MeetingType.APPRAISAL),
    ("谈心谈话", MeetingType.HEART_TALK), ("committee", MeetingType.COMMITTEE),
])
def test_type_from_common_short_forms(text, expected):
    assert core.type_from_text(text) is expected


def test_unknown_type_text_is_not_guessed():
    assert core.type_from_text("联欢会") is None
    assert core.type_from_text("") is None


def test_every_type_has_a_template_with_items():
    for mtype in MeetingType:
        t = core.template(mtype)
        assert t.topics and t.minutes
    assert core.template(MeetingType.BRANCH_CONGRESS).votes
    assert core.template(MeetingType.APPRAISAL).appraisal
    assert core.template(MeetingType.GROUP).attendance == "group"
    assert core.template(MeetingType.COMMITTEE).attendance == "committee"


def test_inactivity_due_at_four_months_overdue_at_six():
    last = date(2025, 1, 15)
    joined = date(2000, 1, 1)
    assert core.inactivity(last, joined, date(2025, 5, 14), 4, 6) is None
    due = core.inactivity(last, joined, date(2025, 5, 15), 4, 6)
    assert due.severity is Severity.DUE and due.months == 4
    assert core.inactivity(last, joined, date(2025, 7, 14), 4, 6).severity is Severity.DUE
    over = core.inactivity(last, joined, date(2025, 7, 15), 4, 6)
    assert over.severity is Severity.OVERDUE and over.months == 6


def test_inactivity_counts_from_joining_or_the_start_of_records():
    # never attended, but joined only three months ago: nothing yet
    assert core.inactivity(None, date(2025, 3, 1), date(2025, 6, 1), 4, 6) is None
    assert core.inactivity(None, date(2025, 1, 1), date(2025, 7, 1), 4, 6).severity is Severity.OVERDUE


@pytest.mark.parametrize("text, expected", [
    ("主题党日暨支部党员大会", [MeetingType.THEME_DAY, MeetingType.BRANCH_CONGRESS]),
    ("主题党日及党员大会", [MeetingType.THEME_DAY, MeetingType.BRANCH_CONGRESS]),
    ("组织生活会、民主评议", [MeetingType.ORG_LIFE, MeetingType.APPRAISAL]),
    ("党员大会＋党课", [MeetingType.BRANCH_CONGRESS, MeetingType.LECTURE]),
    ("党员大会+党课", [MeetingType.BRANCH_CONGRESS, MeetingType.LECTURE]),
    ("支部委员会会议", [MeetingType.COMMITTEE]),
    ("党小组会（第一、第二党小组）", [MeetingType.GROUP]),  # a separator inside brackets is no joint
    ("主题党日暨联欢会", []),  # one part unknown: the cell is not read
    ("", []),
])
def test_every_type_a_cell_names(text, expected):
    assert core.types_from_text(text) == expected


def test_labels_and_counts_for_people():
    assert core.types_label([MeetingType.THEME_DAY, MeetingType.BRANCH_CONGRESS]) == "主题党日暨支部党员大会"
    assert core.types_label([MeetingType.LECTURE, MeetingType.LECTURE]) == "党课"
    assert core.count_text(None, "人") == "未记录" and core.count_text(0, "人") == "0人"
    assert core.attendance_scope([MeetingType.COMMITTEE, MeetingType.BRANCH_CONGRESS]) == "branch"
    assert core.attendance_scope([MeetingType.HEART_TALK]) == "none"


def test_a_committee_needs_seven_full_members_unless_the_branch_says_otherwise():
    assert not core.has_committee(6) and core.has_committee(7)
    assert core.has_committee(3, "yes") and not core.has_committee(30, "no")


def test_an_exempt_period_requires_nothing():
    freq = core.frequency(MeetingType.COMMITTEE)
    statuses = core.period_statuses(freq, [], date(2025, 4, 1), date(2025, 1, 1), date(2025, 1, 1), date(2025, 3, 31),
                                    exempt=lambda p: p.index != 2)
    assert [s.state for s in statuses] == [core.PeriodState.NOT_REQUIRED, core.PeriodState.MISSING,
                                           core.PeriodState.NOT_REQUIRED]
