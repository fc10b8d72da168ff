"""组织关系介绍信: numbers written in capitals (大写) so that they cannot be altered, as the letter asks."""

from __future__ import annotations

from datetime import date

_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def capital_digits(n: int) -> str:
    """A year digit by digit: 2026 → 贰零贰陆."""
    return "".join(_DIGITS[int(c)] for c in str(n))


def capital_number(n: int) -> str:
    """1–999 in capitals: 30 → 叁拾, 11 → 壹拾壹, 105 → 壹佰零伍 (the 拾 keeps its 壹: nothing can be put before it)."""
    if not 1 <= n <= 999:
        raise ValueError(f"{n} is outside 1–999")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_DIGITS[hundreds]}佰" if hundreds else ""
    if tens:
        out += f"{_DIGITS[tens]}拾"
    elif hundreds and ones:
        out += "零"
    if ones:
        out += _DIGITS[ones]
    return out


def capital_month(d: date) -> str:
    """The 党费交到 month: 2026-11 → 贰零贰陆年壹拾壹月."""
    return f"{capital_digits(d.year)}年{capital_number(d.month)}月"
