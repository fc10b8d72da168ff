"""Membership arithmetic: 预备期, 党龄, milestones and the 光荣在党50年 rule."""

from __future__ import annotations

from datetime import date

from dangjian_desktop.core.dates import add_months, add_years, whole_years_between

PROBATION_YEARS = 1
MILESTONE_STEP = 10


def probation_end(joined_on: date, extension_months: int = 0) -> date:
    """The day the 预备期 ends: 入党日期 + 1 year, plus any extension (6–12 months)."""
    return add_months(add_years(joined_on, PROBATION_YEARS), extension_months)


def party_age(full_member_on: date | None, today: date) -> int:
    """党龄 in completed years, counted from 转正日期 (0 for a 预备党员)."""
    if full_member_on is None or full_member_on > today:
        return 0
    return whole_years_between(full_member_on, today)


def years_since_joining(joined_on: date | None, today: date) -> int:
    """入党年限: completed years since the 入党日期 (the political birthday)."""
    if joined_on is None or joined_on > today:
        return 0
    return whole_years_between(joined_on, today)


def milestone_in_year(full_member_on: date | None, year: int) -> int | None:
    """The round 党龄 (10, 20, ...) reached during `year`, or None."""
    if full_member_on is None:
        return None
    years = year - full_member_on.year
    if years > 0 and years % MILESTONE_STEP == 0:
        return years
    return None


def fifty_years_eligible(full_member_on: date | None, year: int) -> bool:
    """光荣在党50年纪念章 in `year`: 转正日期 on or before (year − 50)-07-01."""
    if full_member_on is None:
        return False
    return full_member_on <= date(year - 50, 7, 1)


def birthday_in_year(joined_on: date, year: int) -> date:
    """The political birthday's date in `year` (29 Feb falls on 28 Feb)."""
    return add_years(joined_on, year - joined_on.year)


def age_on(birth_date: date, day: date) -> int:
    return whole_years_between(birth_date, day)
