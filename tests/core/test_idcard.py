from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_desktop.core import idcard
from dangjian_desktop.core.glossary import Gender

VALID = "11010519491231002X"  # the GB 11643 example number


def test_known_valid_number():
    info = idcard.parse(VALID)
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender is Gender.FEMALE


def test_lowercase_x_and_spaces_are_normalised():
    assert idcard.is_valid(" 11010519491231002x ")


def test_parse_remembers_good_numbers_and_refuses_bad_ones_every_time():
    assert idcard.parse(VALID) is idcard.parse(VALID)
    for _ in range(2):
        with pytest.raises(ValueError, match="校验位"):
            idcard.parse("110105194912310021")


@pytest.mark.parametrize("number, fragment", [
    ("110105194912310021", "校验位"),
    ("11010519491231002", "18位"),
    ("1101051949123100XX", "17位数字"),
    ("110105194902300028", "不存在"),
    ("", "为空"),
])
def test_problems_are_explained(number, fragment):
    assert fragment in idcard.problem(number)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)), st.integers(0, 999))
def test_generated_numbers_round_trip(born, seq):
    first17 = f"410102{born:%Y%m%d}{seq:03d}"
    number = first17 + idcard.check_digit(first17)
    info = idcard.parse(number)
    assert info.birth_date == born
    assert info.gender is (Gender.MALE if seq % 2 else Gender.FEMALE)
    # any single changed digit among the first 17 breaks the check
    changed = str((int(number[3]) + 1) % 10)
    assert not idcard.is_valid(number[:3] + changed + number[4:])


def test_masking():
    assert idcard.mask(VALID) == "110105********002X"
    assert idcard.mask_phone("13812345678") == "138****5678"
