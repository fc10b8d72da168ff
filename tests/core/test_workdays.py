"""The holiday calendar: our one-read lookup against the package's own `is_workday`, and the user's days."""

from datetime import date, timedelta

import chinese_calendar

from dangjian_desktop.core import workdays


def test_the_fast_lookup_agrees_with_the_package_on_every_day_it_knows():
    years = workdays.package_years()
    assert years[0] <= 2020 and years[-1] >= 2026
    d, end = date(years[0], 1, 1), date(years[-1], 12, 31)
    cal = workdays.WorkCalendar()
    while d <= end:
        assert cal.is_workday(d) == chinese_calendar.is_workday(d), d
        d += timedelta(days=1)


def test_a_year_nobody_knows_is_monday_to_friday_and_said_to_be_unknown():
    cal = workdays.WorkCalendar()
    year = workdays.package_years()[-1] + 5
    assert not cal.known_year(year)
    first = date(year, 1, 1)
    days = [first + timedelta(days=k) for k in range(14)]
    assert [cal.is_workday(d) for d in days] == [d.weekday() < 5 for d in days]
    assert cal.unknown_years(first, days[-1]) == [year]


def test_the_users_days_win_over_the_package():
    cal = workdays.WorkCalendar.from_setting({"2025-10-01": "workday", "2025-10-11": "holiday", "bad": "holiday",
                                              "2025-10-12": "nonsense"})
    assert cal.is_workday(date(2025, 10, 1)) and not cal.is_workday(date(2025, 10, 11))
    assert set(cal.extra) == {date(2025, 10, 1), date(2025, 10, 11)}
    assert workdays.merged({"2025-10-01": "workday"}, [date(2025, 10, 1)], "") == {}
