"""`dangjian calendar`: next year's 放假安排 added by the user counts in the 公示 working days."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dangjian_desktop.cli import main
from dangjian_desktop.core import workdays
from dangjian_desktop.services import settings


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_calendar_lists_the_official_days_and_takes_the_users_own(db, capsys):
    path = str(db.path)
    code, out, _ = _run(capsys, "--db", path, "calendar", "list", "--year", "2025", "--json")
    days = {d["date"]: d for d in json.loads(out)}
    assert code == 0
    assert days["2025-10-01"] == {"date": "2025-10-01", "kind": "holiday", "name": "国庆节", "source": "official"}
    assert days["2025-09-28"]["kind"] == "workday"  # a Sunday worked (调休)
    # a year the program does not know yet: the user adds what the State Council announced
    assert not settings.work_calendar(db).known_year(2031)
    code, out, _ = _run(capsys, "--db", path, "calendar", "set", "2031-01-01", "2031-01-02", "--as", "holiday")
    assert code == 0 and "2031-01-02" in out
    assert _run(capsys, "--db", path, "calendar", "set", "2031-01-04", "--as", "workday")[0] == 0
    cal = settings.work_calendar(db)
    assert cal.known_year(2031) and not cal.is_workday(date(2031, 1, 2)) and cal.is_workday(date(2031, 1, 4))
    # Wed 1 – Tue 7 Jan 2031: 1, 2 off, Sat 4 worked, Sun 5 off → 3, 4(Sat), 6, 7 = 4 working days
    assert cal.working_days(date(2031, 1, 1), date(2031, 1, 7)) == 4
    code, out, _ = _run(capsys, "--db", path, "calendar", "list", "--year", "2031")
    assert "自己添加" in out and "调休上班" in out
    assert _run(capsys, "--db", path, "calendar", "set", "2031-01-04", "--as", "official")[0] == 0
    assert not settings.work_calendar(db).is_workday(date(2031, 1, 4))  # a Saturday again
    with pytest.raises(SystemExit) as exit_:
        _run(capsys, "--db", path, "calendar", "set", "2031-02-30", "--as", "holiday")
    assert exit_.value.code == 2 and "不是有效日期" in capsys.readouterr().err


def test_the_users_days_reach_the_public_notice_rule(db):
    """The calendar travels with the rule settings into every check of DEV-PUBLIC-NOTICE."""
    settings.set_calendar_days(db, [date(2031, 1, 2)], workdays.HOLIDAY)
    overrides = settings.rule_overrides(db)
    assert not workdays.calendar_from(overrides).is_workday(date(2031, 1, 2))
    assert workdays.calendar_from({}).is_workday(date(2031, 1, 2))  # a Thursday, the year unknown
    assert 2031 in workdays.WorkCalendar().unknown_years(date(2030, 12, 29), date(2031, 1, 3))
    assert workdays.WorkCalendar().unknown_years(date(2025, 12, 29), date(2026, 1, 3)) == []
