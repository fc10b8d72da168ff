"""Date arithmetic the rules need: months, years, periods, working days."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """`calendar.monthrange(year, month)[1]` without working out the weekday (`check` asks ~50,000 times)."""
    if not 1 <= month <= 12:
        return calendar.monthrange(year, month)[1]  # raises as before
    if month == 2 and calendar.isleap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months; the 31st becomes the last day of a shorter month."""
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    day = d.day if d.day <= 28 else min(d.day, days_in_month(year, month))
    return date(year, month, day)


def add_years(d: date, years: int) -> date:
    """`d` moved by whole years; 29 February becomes 28 February."""
    return add_months(d, 12 * years)


def whole_years_between(start: date, end: date) -> int:
    """Completed years from `start` to `end` (0 if `end` is before the anniversary)."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return max(years, 0)


def add_working_days(d: date, days: int) -> date:
    """`d` plus `days` working days (Monday–Friday; public holidays are not known)."""
    current = d
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`."""
    if end <= start:
        return 0
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if current.weekday() < 5:
            count += 1
    return count


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month, quarter or year: `Period("M", 2025, 3)` is March 2025."""

    kind: str  # "M", "Q" or "Y"
    year: int
    index: int = 1  # month 1–12, quarter 1–4, or 1 for a year

    # worked out once per Period (frozen: the fields never change; `check` asks for them tens of thousands of times)
    @cached_property
    def start(self) -> date:
        if self.kind == "M":
            return date(self.year, self.index, 1)
        if self.kind == "Q":
            return date(self.year, 3 * (self.index - 1) + 1, 1)
        return date(self.year, 1, 1)

    @cached_property
    def end(self) -> date:
        """The last day of the period."""
        if self.kind == "M":
            return date(self.year, self.index, days_in_month(self.year, self.index))
        if self.kind == "Q":
            last_month = 3 * self.index
            return date(self.year, last_month, days_in_month(self.year, last_month))
        return date(self.year, 12, 31)

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def next(self) -> "Period":
        span = {"M": 12, "Q": 4, "Y": 1}[self.kind]
        if self.index < span:
            return Period(self.kind, self.year, self.index + 1)
        return Period(self.kind, self.year + 1, 1)

    @property
    def code(self) -> str:
        """Short code used in findings: 2025-03, 2025-Q1, 2025."""
        if self.kind == "M":
            return f"{self.year}-{self.index:02d}"
        if self.kind == "Q":
            return f"{self.year}-Q{self.index}"
        return f"{self.year}"

    @property
    def label(self) -> str:
        if self.kind == "M":
            return f"{self.year}年{self.index}月"
        if self.kind == "Q":
            return f"{self.year}年第{'一二三四'[self.index - 1]}季度"
        return f"{self.year}年"

    @classmethod
    def containing(cls, kind: str, d: date) -> "Period":
        if kind == "M":
            return cls("M", d.year, d.month)
        if kind == "Q":
            return cls("Q", d.year, (d.month - 1) // 3 + 1)
        return cls("Y", d.year, 1)


def periods_between(kind: str, start: date, end: date) -> list[Period]:
    """Every period of `kind` that overlaps [start, end], in order."""
    return list(_periods_between(kind, start, end))


@lru_cache(maxsize=256)
def _periods_between(kind: str, start: date, end: date) -> tuple[Period, ...]:
    # the same Period objects for the same span (a 党委's branches mostly share it): their days are worked out once
    out: list[Period] = []
    p = Period.containing(kind, start)
    while p.start <= end:
        out.append(p)
        p = p.next()
    return tuple(out)


def cn(d: date | None) -> str:
    """A date as Chinese documents write it: 2025年7月1日 (empty for None)."""
    return f"{d.year}年{d.month}月{d.day}日" if d else ""
