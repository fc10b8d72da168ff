"""Working days as the official calendar counts them: 法定节假日 off, 调休 weekends on.

The years the kept `chinesecalendar` package knows come from it (the State Council's 放假安排,
published each year in November or December). When next year's arrangement is announced before
the package is updated, the user adds its days (设置, or `dangjian calendar add`): those entries
win over the package. A year neither knows is counted Monday to Friday, and `unknown_years` says
so, so that a message can tell the reader rather than silently guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Iterable, Mapping

# the key under which the user's own entries travel with the rule settings (services.settings)
SETTING_KEY = "calendar:extra"

HOLIDAY = "holiday"  # 放假 (a weekday off)
WORKDAY = "workday"  # 调休上班 (a weekend day worked)


@lru_cache(maxsize=1)
def _package() -> tuple[dict, dict, frozenset[int]]:
    """The package's tables (weekday holidays, weekend workdays) and the years they cover, read once.
    `chinese_calendar.is_workday` checks its range with min() and max() over every day it knows on each
    call (0.1 ms): `check` asks for thousands of days. tests/core/test_workdays.py compares the two."""
    try:
        from chinese_calendar import constants
    except ImportError:  # pragma: no cover - a broken install: every year is unknown
        return {}, {}, frozenset()
    return constants.holidays, constants.workdays, frozenset(d.year for d in constants.holidays)


def _package_day(d: date) -> bool | None:
    """True for a working day by the package, None if the package does not cover `d`'s year."""
    holidays, workdays, years = _package()
    if d.year not in years:  # a year the package has no arrangement for
        return None
    if d in workdays:
        return True
    if d in holidays:
        return False
    return d.weekday() < 5


@dataclass(frozen=True)
class WorkCalendar:
    """The official calendar with the user's additions (`extra`: date → holiday | workday)."""

    extra: Mapping[date, str] = field(default_factory=dict)

    @classmethod
    def from_setting(cls, value: Any) -> "WorkCalendar":
        """The calendar from the stored setting: {"2027-01-01": "holiday", "2027-02-07": "workday", …}.
        Entries that cannot be read are ignored here; `services.settings` refuses them when saved."""
        extra: dict[date, str] = {}
        for key, kind in dict(value or {}).items():
            try:
                day = date.fromisoformat(str(key))
            except ValueError:
                continue
            if kind in (HOLIDAY, WORKDAY):
                extra[day] = kind
        return cls(extra)

    def known_year(self, year: int) -> bool:
        """Whether the year's 放假安排 is known (from the package, or entered by the user)."""
        return _package_day(date(year, 6, 1)) is not None or any(d.year == year for d in self.extra)

    def is_workday(self, d: date) -> bool:
        kind = self.extra.get(d)
        if kind is not None:
            return kind == WORKDAY
        by_package = _package_day(d)
        return d.weekday() < 5 if by_package is None else by_package

    def working_days(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both included (0 if `last` is before `first`)."""
        count = 0
        d = first
        while d <= last:
            count += self.is_workday(d)
            d += timedelta(days=1)
        return count

    def unknown_years(self, first: date, last: date) -> list[int]:
        """The years in [first, last] whose 放假安排 neither the package nor the user gives."""
        return [y for y in range(first.year, last.year + 1) if not self.known_year(y)]


def calendar_from(overrides: Mapping[str, Any] | None) -> WorkCalendar:
    """The calendar carried in a check's settings (`overrides`), or the official one alone."""
    return WorkCalendar.from_setting((overrides or {}).get(SETTING_KEY))


def entries(value: Any) -> list[tuple[date, str]]:
    """The user's entries, in date order."""
    return sorted(WorkCalendar.from_setting(value).extra.items())


def merged(value: Any, days: Iterable[date], kind: str) -> dict[str, str]:
    """The stored setting with `days` set to `kind` (or removed, for kind "")."""
    out = {d.isoformat(): k for d, k in WorkCalendar.from_setting(value).extra.items()}
    for d in days:
        if kind:
            out[d.isoformat()] = kind
        else:
            out.pop(d.isoformat(), None)
    return dict(sorted(out.items()))


OFFICIAL = "official"  # the package's 放假安排
USER = "user"  # added by the user

# the package names its days in English: people read Chinese
_NAMES = {"New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
          "Dragon Boat Festival": "端午节", "National Day": "国庆节", "Mid-autumn Festival": "中秋节",
          "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"}


@dataclass(frozen=True)
class CalendarDay:
    """One day that is not as its weekday says: a weekday off, or a weekend day worked (调休)."""

    day: date
    kind: str  # holiday | workday
    name: str  # 国庆节 …, or "" for the user's own entries
    source: str  # official | user

    @property
    def label(self) -> str:
        what = "放假" if self.kind == HOLIDAY else "调休上班"
        return f"{what}（{self.name}）" if self.name else what


def package_years() -> list[int]:
    """The years whose 放假安排 the package gives."""
    return sorted(_package()[2])


def year_days(cal: WorkCalendar, year: int) -> list[CalendarDay]:
    """The days of `year` that differ from Monday–Friday: the official ones (weekday holidays, weekend
    workdays) and the user's entries, which win where both speak of one day."""
    holidays, workdays, _years = _package()
    out: dict[date, CalendarDay] = {}
    for table, kind in ((holidays, HOLIDAY), (workdays, WORKDAY)):
        for d, name in table.items():
            if d.year == year and (kind == WORKDAY) == (d.weekday() >= 5):
                out[d] = CalendarDay(d, kind, _NAMES.get(getattr(name, "value", name), str(name)), OFFICIAL)
    for d, kind in cal.extra.items():
        if d.year == year:
            out[d] = CalendarDay(d, kind, "", USER)
    return sorted(out.values(), key=lambda c: c.day)
