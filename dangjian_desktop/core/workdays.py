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
from typing import Any, Iterable, Mapping

# the key under which the user's own entries travel with the rule settings (services.settings)
SETTING_KEY = "calendar:extra"

HOLIDAY = "holiday"  # 放假 (a weekday off)
WORKDAY = "workday"  # 调休上班 (a weekend day worked)


def _package_day(d: date) -> bool | None:
    """True for a working day by the package, None if the package does not cover `d`'s year."""
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - a broken install: every year is unknown
        return None
    try:
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:  # a year the package has no arrangement for
        return None


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
