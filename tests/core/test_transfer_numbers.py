"""The 介绍信's capitals: 有效期 and 党费交到 cannot be altered by adding a stroke."""

from datetime import date

import pytest

from dangjian_desktop.core.transfers import capital_digits, capital_month, capital_number


@pytest.mark.parametrize("n, text", [(1, "壹"), (10, "壹拾"), (11, "壹拾壹"), (30, "叁拾"), (90, "玖拾"),
                                     (100, "壹佰"), (105, "壹佰零伍"), (120, "壹佰贰拾")])
def test_capital_numbers(n, text):
    assert capital_number(n) == text


def test_a_month_and_a_year():
    assert capital_digits(2026) == "贰零贰陆"
    assert capital_month(date(2026, 11, 5)) == "贰零贰陆年壹拾壹月"
    assert capital_month(date(2027, 1, 1)) == "贰零贰柒年壹月"
