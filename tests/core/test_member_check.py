"""The rules a 花名册 entry must satisfy, as the editor and the import apply them."""

from __future__ import annotations

from datetime import date

from dangjian_desktop.core.glossary import Gender, MemberStatus
from dangjian_desktop.core.member_check import MemberFields, completed, field_problems, proposed_full_member_on
from tests.roster_files import id_for

TODAY = date(2026, 11, 23)
BORN = date(1980, 5, 17)


def person(**kw) -> MemberFields:
    f = MemberFields(name="张三", gender=Gender.MALE, birth_date=BORN, id_number=id_for(BORN, True),
                     joined_on=date(2005, 7, 1), full_member_on=date(2006, 7, 1))
    for k, v in kw.items():
        setattr(f, k, v)
    return f


def test_a_true_entry_has_no_problems():
    assert field_problems(person(), TODAY) == {}


def test_id_check_digit_is_checked():
    number = id_for(BORN, True)
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    assert "校验位" in field_problems(person(id_number=wrong), TODAY)["id_number"]


def test_birth_date_and_sex_must_agree_with_the_id_number():
    p = field_problems(person(birth_date=date(1980, 5, 18), gender=Gender.FEMALE), TODAY)
    assert "1980年5月17日" in p["birth_date"]
    assert "男" in p["gender"]


def test_joined_in_the_future_or_before_eighteen_is_refused():
    assert "晚于今天" in field_problems(person(joined_on=date(2027, 1, 1), full_member_on=None,
                                             status=MemberStatus.PROBATIONARY), TODAY)["joined_on"]
    p = field_problems(person(joined_on=date(1998, 5, 16), full_member_on=date(1999, 5, 16)), TODAY)
    assert "18" in p["joined_on"] and "1998年5月17日" in p["joined_on"]
    assert field_problems(person(joined_on=date(1998, 5, 17), full_member_on=date(1999, 5, 17)), TODAY) == {}


def test_full_member_date_not_before_one_year_unless_extended():
    p = field_problems(person(full_member_on=date(2006, 6, 30)), TODAY)
    assert "2006年7月1日" in p["full_member_on"]
    # an extension of 6 months, recorded, moves the earliest date
    assert field_problems(person(full_member_on=date(2007, 1, 1), probation_extension_months=6), TODAY) == {}
    assert "full_member_on" in field_problems(person(full_member_on=date(2006, 12, 1),
                                                     probation_extension_months=6), TODAY)
    assert "延长预备期" in field_problems(person(probation_extension_months=3), TODAY)["probation_extension_months"]


def test_proposed_full_member_date_is_one_year_later():
    assert proposed_full_member_on(date(2024, 2, 29)) == date(2025, 2, 28)
    assert proposed_full_member_on(date(2020, 7, 1), 6) == date(2022, 1, 1)


def test_probationary_member_has_no_full_date_and_full_member_needs_one():
    assert "预备党员" in field_problems(person(status=MemberStatus.PROBATIONARY), TODAY)["full_member_on"]
    assert "2006年7月1日" in field_problems(person(full_member_on=None), TODAY)["full_member_on"]


def test_completed_takes_birth_date_and_sex_from_the_id():
    f = completed(person(birth_date=None, gender=None, id_number=id_for(BORN, True).lower()))
    assert f.birth_date == BORN and f.gender is Gender.MALE
