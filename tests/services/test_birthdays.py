"""政治生日: this month, the next 30 days, milestones, 光荣在党50年, observances, check findings."""

from __future__ import annotations

from datetime import date

import pytest

from dangjian_desktop.core.glossary import BirthdayObservance
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import birthdays as bd
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.check import run_check
from dangjian_desktop.services.members import create_member
from tests.roster_files import id_for

TODAY = date(2026, 11, 23)


@pytest.fixture
def branch(db):
    b = create_branch(db, "测试第一党支部")
    people = [
        ("老党员", date(1940, 3, 1), date(1975, 6, 30), date(1976, 6, 30)),  # 50 years in 2026
        ("次年满", date(1945, 3, 1), date(1976, 7, 1), date(1977, 7, 2)),  # reaches 50 in 2027 (after 7-01)
        ("十二月", date(1980, 3, 1), date(2005, 12, 10), date(2006, 12, 10)),  # milestone 20 in 2026
        ("十一月", date(1985, 3, 1), date(2010, 11, 30), date(2011, 11, 30)),
    ]
    for i, (name, born, joined, full) in enumerate(people, start=1):
        create_member(db, b.id, MemberFields(name=name, id_number=id_for(born, True, i), joined_on=joined,
                                             full_member_on=full), today=TODAY)
    return b


def test_month_and_next_30_days(db, branch):
    assert [b.name for b in bd.birthdays_in_month(db, branch.id, 2026, 11)] == ["十一月"]
    soon = bd.upcoming(db, branch.id, TODAY)
    assert [b.name for b in soon] == ["十一月", "十二月"]
    twelve = soon[1]
    assert twelve.day == date(2026, 12, 10) and twelve.years == 21 and twelve.milestone == 20


def test_fifty_years_list(db, branch):
    assert [b.name for b in bd.fifty_years_list(db, branch.id, 2026)] == ["老党员"]
    assert [b.name for b in bd.fifty_years_list(db, branch.id, 2027)] == ["老党员"]
    assert [b.name for b in bd.fifty_years_list(db, branch.id, 2028)] == ["老党员", "次年满"]
    assert [b.name for b in bd.newly_fifty_years(db, branch.id, 2028)] == ["次年满"]


def test_record_observances_for_an_inspector(db, branch):
    who = bd.birthdays_in_month(db, branch.id, 2026, 11)[0]
    bd.record_observance(db, who.member_id, BirthdayObservance.HEART_TALK, date(2026, 11, 20), today=TODAY)
    bd.record_observance(db, who.member_id, BirthdayObservance.CARD, date(2026, 11, 22), today=TODAY)
    with pytest.raises(ValidationError, match="已经登记过"):
        bd.record_observance(db, who.member_id, BirthdayObservance.CARD, date(2026, 11, 22), today=TODAY)
    with pytest.raises(ValidationError, match="晚于今天"):
        bd.record_observance(db, who.member_id, BirthdayObservance.VISIT, date(2026, 12, 1), today=TODAY)
    record = bd.observances(db, branch.id, 2026)
    assert [(r.name, r.kind) for r in record] == [("十一月", BirthdayObservance.HEART_TALK),
                                                  ("十一月", BirthdayObservance.CARD)]
    assert bd.birthdays_in_month(db, branch.id, 2026, 11)[0].observances == ("谈心谈话", "赠送政治生日贺卡")


def test_check_lists_birthdays_fifty_years_and_bad_ids(db, branch):
    found = run_check(db, [branch.id], as_of=TODAY)
    upcoming = [f for f in found if f.rule == "BIRTHDAY-UPCOMING"]
    assert {f.subject for f in upcoming} == {"十一月", "十二月"}
    assert all(f.severity.value == "info" and f.ref[0] == "birthday" for f in upcoming)
    fifty = [f for f in found if f.rule == "MEMBER-50-YEARS"]
    assert [f.subject for f in fifty] == []  # 老党员 got it in 2026; the next 七一 is 2027: nobody new
    found_june = run_check(db, [branch.id], as_of=date(2026, 6, 1))
    assert [f.subject for f in found_june if f.rule == "MEMBER-50-YEARS"] == ["老党员"]
    assert not [f for f in found if f.rule == "MEMBER-ID-INVALID"]


def test_check_finds_a_wrong_id_number(demo_db):
    found = [f for f in run_check(demo_db, as_of=TODAY) if f.rule == "MEMBER-ID-INVALID"]
    assert found and all(f.ref[0] == "member" and f.severity.value == "violation" for f in found)


def test_the_fifty_year_medal_is_recorded_and_listed_with_who_is_new(db, branch, workdir):
    """The day the 纪念章 was received is kept; the year's sheet lists who becomes eligible that year
    and who already has it; a day to come or a member not yet eligible is refused."""
    from openpyxl import load_workbook

    from dangjian_desktop.services.exports import ExportRequest, run_export

    old = next(b for b in bd.fifty_years_list(db, branch.id, 2026) if b.name == "老党员")
    young = next(b for b in bd.birthdays_in_year(db, branch.id, 2026) if b.name == "十二月")
    with pytest.raises(ValidationError, match="今天之后"):
        bd.record_fifty_year_medal(db, old.member_id, date(2999, 7, 1), today=TODAY)
    with pytest.raises(ValidationError, match="党龄还不满50年"):
        bd.record_fifty_year_medal(db, young.member_id, date(2026, 7, 1), today=TODAY)
    bd.record_fifty_year_medal(db, old.member_id, date(2026, 6, 30), today=TODAY)
    assert bd.fifty_years_list(db, branch.id, 2026)[0].medal_on == date(2026, 6, 30)
    out = run_export(db, "birthdays", ExportRequest(branch.id, workdir / "生日.xlsx", year=2026))
    ws = load_workbook(out)["光荣在党50年"]
    header = [c.value for c in ws[3]]
    row = dict(zip(header, next(ws.iter_rows(min_row=4, max_row=4, values_only=True))))
    assert (row["姓名"], row["资格"], row["纪念章"]) == ("老党员", "本年新获资格", "已颁发（2026年6月30日）")
    assert "本年新获资格1人，已颁发1人" in ws["A2"].value
    bd.record_fifty_year_medal(db, old.member_id, None, today=TODAY)  # recorded by mistake: cleared
    assert bd.fifty_years_list(db, branch.id, 2026)[0].medal_on is None
