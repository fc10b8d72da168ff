"""Documents for a year show the state on its last day: the roster, the 政治生日一览 and the year package."""

from __future__ import annotations

import zipfile
from datetime import date

from openpyxl import load_workbook

from dangjian_desktop.core.glossary import MemberStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.services.birthdays import birthdays_in_year
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.exports import ExportRequest, run_export
from dangjian_desktop.services.member_exports import roster_on


def _branch(db) -> int:
    b = create_branch(db, "年末支部").id
    with db.transaction() as s:
        def member(name, joined, full, status, since=None, changes=()):
            mem = m.Member(branch_id=b, name=name, joined_on=joined, full_member_on=full, status=status,
                           status_since=since or full or joined)
            s.add(mem)
            s.flush()
            for st, day in changes:
                s.add(m.MemberStatusChange(member_id=mem.id, status=st, changed_on=day))

        member("老党员", date(2000, 7, 1), date(2001, 7, 1), MemberStatus.FULL)
        member("次年入党", date(2026, 3, 1), None, MemberStatus.PROBATIONARY)  # not a member on 2025-12-31
        member("次年转出", date(2010, 5, 1), date(2011, 5, 1), MemberStatus.TRANSFERRED_OUT, date(2026, 2, 1),
               [(MemberStatus.TRANSFERRED_OUT, date(2026, 2, 1))])  # still on the roll on 2025-12-31
        member("次年转正", date(2025, 4, 1), date(2026, 4, 1), MemberStatus.FULL)  # 预备党员 on 2025-12-31
    return b


def _names(path) -> dict[str, tuple]:
    ws = load_workbook(path).active
    header = [c.value for c in ws[3]]
    rows = {r[1]: dict(zip(header, r)) for r in ws.iter_rows(min_row=4, values_only=True) if r[1]}
    return ws["A2"].value, rows


def test_roster_as_of_a_day_lists_that_days_roll(db, workdir):
    b = _branch(db)
    out = run_export(db, "roster", ExportRequest(b, workdir / "花名册.xlsx", as_of=date(2025, 12, 31)))
    subtitle, rows = _names(out)
    assert subtitle.startswith("截至2025年12月31日，共 3 人")
    assert set(rows) == {"老党员", "次年转出", "次年转正"}
    assert rows["次年转正"]["转正日期"] is None  # not yet 转正 on that day
    assert {r.name for r in roster_on(db, b, date(2026, 12, 1))} == {"老党员", "次年入党", "次年转正"}


def test_the_year_package_roster_and_birthdays_are_those_of_the_years_end(db, workdir):
    b = _branch(db)
    out = run_export(db, "year-package", ExportRequest(b, workdir / "2025.zip", year=2025))
    with zipfile.ZipFile(out) as z:
        name = next(n for n in z.namelist() if n.endswith("党员花名册.xlsx"))
        z.extract(name, workdir)
    subtitle, rows = _names(workdir / name)
    assert subtitle.startswith("截至2025年12月31日") and set(rows) == {"老党员", "次年转出", "次年转正"}
    # the 政治生日 of 2025: members on the roll on 2025-12-31 who joined before 2025
    assert {x.name for x in birthdays_in_year(db, b, 2025)} == {"老党员", "次年转出"}


def test_a_roster_as_of_a_day_to_come_is_refused(db, workdir):
    import pytest

    from dangjian_desktop.errors import ValidationError

    b = _branch(db)
    with pytest.raises(ValidationError, match="今天之后"):
        run_export(db, "roster", ExportRequest(b, workdir / "x.xlsx", as_of=date(2999, 1, 1)))
    with pytest.raises(ValidationError, match="--as-of"):
        run_export(db, "minutes-book", ExportRequest(b, workdir / "x.docx", year=2025, as_of=date(2025, 1, 1)))
