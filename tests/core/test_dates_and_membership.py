import calendar
from datetime import date

from dangjian_desktop.core import membership as ms
from dangjian_desktop.core.dates import Period, add_months, add_working_days, cn, days_in_month, periods_between


def test_add_months_clamps_to_month_end():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 12, 15), 2) == date(2025, 2, 15)
    assert add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 29), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 29), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_days_in_month_is_the_calendars():
    for year in (1900, 1999, 2000, 2023, 2024, 2100):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
    assert [Period("M", 2024, 2).end, Period("Q", 2025, 4).end] == [date(2024, 2, 29), date(2025, 12, 31)]


def test_periods():
    q = Period.containing("Q", date(2025, 5, 20))
    assert (q.start, q.end, q.code) == (date(2025, 4, 1), date(2025, 6, 30), "2025-Q2")
    assert Period("M", 2025, 12).next() == Period("M", 2026, 1)
    assert [p.code for p in periods_between("M", date(2025, 11, 5), date(2026, 1, 2))] == ["2025-11", "2025-12", "2026-01"]


def test_working_days_skip_weekends():
    assert add_working_days(date(2025, 7, 4), 1) == date(2025, 7, 7)  # Friday → Monday


def test_probation_and_party_age():
    joined = date(2020, 7, 1)
    assert ms.probation_end(joined) == date(2021, 7, 1)
    assert ms.probation_end(joined, 6) == date(2022, 1, 1)
    assert ms.party_age(date(2021, 7, 1), date(2026, 6, 30)) == 4
    assert ms.party_age(date(2021, 7, 1), date(2026, 7, 1)) == 5
    assert ms.party_age(None, date(2026, 7, 1)) == 0


def test_fifty_years_boundary():
    assert ms.fifty_years_eligible(date(1976, 7, 1), 2026)
    assert not ms.fifty_years_eligible(date(1976, 7, 2), 2026)


def test_milestones_and_leap_day_birthday():
    assert ms.milestone_in_year(date(2006, 3, 1), 2026) == 20
    assert ms.milestone_in_year(date(2007, 3, 1), 2026) is None
    assert ms.birthday_in_year(date(2000, 2, 29), 2026) == date(2026, 2, 28)
    assert cn(date(2025, 7, 1)) == "2025年7月1日"
