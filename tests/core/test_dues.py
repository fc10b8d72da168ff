"""党费 brackets at their bounds (each upper bound included), fixed amounts, local rates, unpaid runs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dangjian_desktop.core import dues, rules
from dangjian_desktop.core.glossary import DuesBasis

NATIONAL = dues.Rates.national()


@pytest.mark.parametrize(("wage", "due"), [
    ("0", "0.00"), ("2999.99", "15.00"), ("3000", "15.00"), ("3000.01", "30.00"), ("4500", "45.00"),
    ("5000", "50.00"), ("5000.01", "75.00"), ("10000", "150.00"), ("10000.01", "200.00"), ("12000", "240.00"),
])
def test_wage_brackets_include_their_upper_bound(wage, due):
    assert dues.monthly_due(DuesBasis.WAGE, Decimal(wage), NATIONAL) == Decimal(due)


@pytest.mark.parametrize(("pension", "due"), [("5000", "25.00"), ("5000.01", "50.00"), ("2800", "14.00")])
def test_pension_has_two_bands(pension, due):
    assert dues.monthly_due(DuesBasis.PENSION, Decimal(pension), NATIONAL) == Decimal(due)


def test_rounding_is_to_the_fen_half_up():
    assert dues.monthly_due(DuesBasis.WAGE, Decimal("3333.33"), NATIONAL) == Decimal("33.33")
    assert dues.monthly_due(DuesBasis.WAGE, Decimal("2901"), NATIONAL) == Decimal("14.51")  # 14.505


@pytest.mark.parametrize("basis", [DuesBasis.STUDENT, DuesBasis.UNEMPLOYED, DuesBasis.LOW_INCOME, DuesBasis.FARMER])
def test_fixed_amounts_need_no_base(basis):
    assert dues.monthly_due(basis, None, NATIONAL) == Decimal("0.20")
    assert not dues.needs_base(basis)


def test_a_percentage_without_a_base_is_unknown_not_zero():
    assert dues.monthly_due(DuesBasis.WAGE, None, NATIONAL) is None
    assert "尚未设定" in dues.explain_due(DuesBasis.WAGE, None, NATIONAL)


def test_local_settings_change_rates_and_the_farmers_amount_but_not_the_bands():
    rates = dues.Rates.with_overrides({"DUES-RATES.wage_rate_2": 12, "DUES-RATES.farmer_amount": 50,
                                       "DUES-RATES.wage_band_1": 4000})  # bands are national: ignored
    assert dues.monthly_due(DuesBasis.WAGE, Decimal("4000"), rates) == Decimal("48.00")
    assert dues.monthly_due(DuesBasis.WAGE, Decimal("3000"), rates) == Decimal("15.00")
    assert dues.monthly_due(DuesBasis.FARMER, None, rates) == Decimal("0.50")


def test_the_rates_are_rule_data_citing_the_2008_provisions():
    r = rules.rule("DUES-RATES")
    assert "2008" in r.citation and "党费收缴" in r.citation and r.article == ""
    assert r.param("wage_band_1").default == 3000 and not r.param("wage_band_1").local
    assert r.param("wage_rate_4").default == 20 and r.param("wage_rate_4").unit == "‰"
    assert rules.rule("DUES-ARREARS-3M").param("months").default == 3


def test_explanation_says_how_the_amount_was_reached():
    assert dues.explain_due(DuesBasis.WAGE, Decimal("4500"), NATIONAL) == "税后工资 4500.00 元 × 1% = 45.00 元"
    assert dues.explain_due(DuesBasis.PENSION, Decimal("4500"), NATIONAL) == "离退休费 4500.00 元 × 0.5% = 22.50 元"


def test_basis_from_the_roster_category():
    assert dues.basis_from_category("离退休人员") is DuesBasis.PENSION
    assert dues.basis_from_category("学生") is DuesBasis.STUDENT
    assert dues.basis_from_category("农牧渔民") is DuesBasis.FARMER
    assert dues.basis_from_category("专业技术人员") is DuesBasis.WAGE


def test_months_as_numbers_and_as_people_write_them():
    n = dues.month_no(2025, 3)
    assert dues.month_no(2025, 12) + 1 == dues.month_no(2026, 1)
    assert dues.month_label(n) == "2025年3月" and dues.month_code(n) == "2025-03"
    for text in ("2025-03", "2025-3", "2025.3", "2025年3月"):
        assert dues.parse_month(text) == n
    for bad in ("2025-13", "25-03", "三月", ""):
        with pytest.raises(ValueError, match="不是有效月份"):
            dues.parse_month(bad)


def test_arrears_count_the_run_of_unpaid_months_up_to_the_last_month_that_is_over():
    jan = dues.month_no(2026, 1)
    assert dues.arrears([jan, jan + 1], jan, jan + 1) is None
    run = dues.arrears([jan], jan, jan + 3)
    assert (run.months, run.since) == (3, jan + 1)
    # nothing counts before the records start (or the member joined)
    assert dues.arrears([], jan + 2, jan + 3).months == 2
    # a settled month in between ends the run
    assert dues.arrears([jan + 2], jan, jan + 5).months == 3
