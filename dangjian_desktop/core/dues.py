"""党费: the monthly amount by the national brackets, months as numbers, and how long dues went unpaid.

Pure rules over plain values. The brackets and rates are rule data (core.rules DUES-RATES, the
中组部 2008 规定) read through a `value(rule_id, key)` callable, so a branch's local settings apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Iterable

from dangjian_desktop.core import rules
from dangjian_desktop.core.glossary import DuesBasis

RATES_RULE = "DUES-RATES"
ARREARS_RULE = "DUES-ARREARS-3M"
CENT = Decimal("0.01")
_PER_MILLE = Decimal("0.001")


# ------------------------------------------------------------------ months


def month_no(year: int, month: int) -> int:
    """A month as one number (consecutive months differ by 1)."""
    return year * 12 + month - 1


def month_of(d: date) -> int:
    return month_no(d.year, d.month)


def year_month(no: int) -> tuple[int, int]:
    return no // 12, no % 12 + 1


def first_day(no: int) -> date:
    y, m = year_month(no)
    return date(y, m, 1)


def month_label(no: int) -> str:
    """As a person reads it: 2025年3月."""
    y, m = year_month(no)
    return f"{y}年{m}月"


def month_code(no: int) -> str:
    """As the command line and JSON write it: 2025-03."""
    y, m = year_month(no)
    return f"{y:04d}-{m:02d}"


def parse_month(text: str) -> int:
    """`2025-03` (also 2025-3, 2025.3, 2025年3月) as a month number; ValueError with a Chinese message."""
    t = (text or "").strip().replace("年", "-").replace("月", "").replace(".", "-").replace("/", "-")
    parts = t.split("-")
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
        y, m = int(parts[0]), int(parts[1])
        if 1921 <= y <= 2200 and 1 <= m <= 12:
            return month_no(y, m)
    raise ValueError(f"“{text}”不是有效月份，请写成 YYYY-MM，例如 2025-03")


# ------------------------------------------------------------------ the brackets


@dataclass(frozen=True)
class Rates:
    """The brackets in force: (upper bound included or None, rate) per band, the fixed amounts."""

    wage: tuple[tuple[Decimal | None, Decimal], ...]
    pension: tuple[tuple[Decimal | None, Decimal], ...]
    farmer: Decimal
    low: Decimal

    @classmethod
    def national(cls) -> "Rates":
        return cls.read(lambda rule_id, key: rules.param_value(rule_id, key))

    @classmethod
    def read(cls, value: Callable[[str, str], Any]) -> "Rates":
        """From the rule catalog: `value(rule_id, key)` gives the parameter in force (local or national)."""
        v = lambda key: Decimal(str(value(RATES_RULE, key)))  # noqa: E731
        wage = ((v("wage_band_1"), v("wage_rate_1") * _PER_MILLE), (v("wage_band_2"), v("wage_rate_2") * _PER_MILLE),
                (v("wage_band_3"), v("wage_rate_3") * _PER_MILLE), (None, v("wage_rate_4") * _PER_MILLE))
        pension = ((v("pension_band"), v("pension_rate_1") * _PER_MILLE), (None, v("pension_rate_2") * _PER_MILLE))
        return cls(wage, pension, (v("farmer_amount") * CENT).quantize(CENT), (v("low_amount") * CENT).quantize(CENT))

    @classmethod
    def with_overrides(cls, overrides: dict[str, Any] | None) -> "Rates":
        return cls.read(lambda rule_id, key: rules.param_value(rule_id, key, overrides))


def _band(bands, base: Decimal) -> Decimal:
    for upper, rate in bands:
        if upper is None or base <= upper:  # each band includes its upper bound (3000.00 is 0.5%)
            return rate
    raise AssertionError("the last band has no upper bound")


def needs_base(basis: DuesBasis) -> bool:
    """Wage and pension are a percentage of a base; the others are a fixed amount."""
    return basis in (DuesBasis.WAGE, DuesBasis.PENSION)


def monthly_due(basis: DuesBasis, base: Decimal | None, rates: Rates) -> Decimal | None:
    """应缴 for one month, to the 分 (half up); None when a percentage has no base to apply to."""
    if basis is DuesBasis.FARMER:
        return rates.farmer
    if basis in (DuesBasis.STUDENT, DuesBasis.UNEMPLOYED, DuesBasis.LOW_INCOME):
        return rates.low
    if base is None:
        return None
    if base < 0:
        raise ValueError("党费基数不能是负数")
    bands = rates.wage if basis is DuesBasis.WAGE else rates.pension
    return (base * _band(bands, base)).quantize(CENT, rounding=ROUND_HALF_UP)


def explain_due(basis: DuesBasis, base: Decimal | None, rates: Rates) -> str:
    """How 应缴 was reached, in words: 税后工资 4500.00 元 × 1% = 45.00 元."""
    due = monthly_due(basis, base, rates)
    if due is None:
        return f"{basis.label}：尚未设定党费基数"
    if not needs_base(basis):
        return f"{basis.label}：每月 {due:.2f} 元"
    bands = rates.wage if basis is DuesBasis.WAGE else rates.pension
    percent = (_band(bands, base) * 100).normalize()
    return f"{basis.label} {base:.2f} 元 × {percent:f}% = {due:.2f} 元"


def basis_from_category(category: str) -> DuesBasis:
    """The basis a roster's 人员类别/工作岗位 suggests (离退休人员 → 离退休费, 学生 → 0.2 元 …)."""
    text = category or ""
    if "退休" in text or "离休" in text:
        return DuesBasis.PENSION
    if "学生" in text:
        return DuesBasis.STUDENT
    if "农" in text or "牧" in text or "渔" in text:
        return DuesBasis.FARMER
    if "低保" in text:
        return DuesBasis.LOW_INCOME
    if "下岗" in text or "失业" in text:
        return DuesBasis.UNEMPLOYED
    return DuesBasis.WAGE


# ------------------------------------------------------------------ unpaid months


@dataclass(frozen=True)
class Arrears:
    months: int  # consecutive months unpaid, up to the last month that is over
    since: int  # the first of them (a month number)


def arrears(settled: Iterable[int], counts_from: int, last_over: int) -> Arrears | None:
    """The run of unpaid months that ends with `last_over` (the last month that is over), counting no
    month before `counts_from` (joining, or where the branch's 党费 records start); None if that month
    is settled (paid, 补缴, 预交 or 免缴) or nothing is owed yet."""
    done = set(settled)
    n = last_over
    while n >= counts_from and n not in done:
        n -= 1
    months = last_over - n
    return Arrears(months, n + 1) if months > 0 else None
