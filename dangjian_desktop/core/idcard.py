"""公民身份号码 (GB 11643): check digit, birth date and sex, masking."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dangjian_desktop.core.glossary import Gender

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$", re.ASCII)  # \d would let full-width digits through


def check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS))
    return _CHECK[total % 11]


_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789XX")
_INVISIBLE = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]")


def normalise(text: str) -> str:
    """ASCII digits and X (full-width ones as typed by Chinese input methods), no spaces or
    zero-width characters; nothing else is guessed."""
    return _INVISIBLE.sub("", (text or "").translate(_FULL_WIDTH)).upper()


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: date
    gender: Gender


@lru_cache(maxsize=16384)  # an import checks each number several times (reading, checking, parsing)
def problem(number: str) -> str | None:
    """Why `number` cannot be a valid 18-digit ID number, in Chinese; None if it is valid."""
    n = normalise(number)
    if not n:
        return "身份证号为空"
    if len(n) != 18:
        return f"身份证号应为18位，这里是{len(n)}位"
    if not _SHAPE.match(n):
        return "身份证号只能由17位数字加一位数字或X组成"
    try:
        date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return f"身份证号中的出生日期 {n[6:10]}-{n[10:12]}-{n[12:14]} 不存在"
    expected = check_digit(n[:17])
    if n[17] != expected:
        return f"身份证号校验位错误（最后一位应为 {expected}），请核对是否抄错"
    return None


@lru_cache(maxsize=16384)  # check reads every member's number each time (IdInfo is immutable; errors are not kept)
def parse(number: str) -> IdInfo:
    """Birth date and sex encoded in a valid ID number; raises ValueError with the reason."""
    why = problem(number)
    if why:
        raise ValueError(why)
    n = normalise(number)
    born = date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    gender = Gender.MALE if int(n[16]) % 2 == 1 else Gender.FEMALE
    return IdInfo(n, born, gender)


def is_valid(number: str) -> bool:
    return problem(number) is None


def mask(number: str | None) -> str:
    """Hide the middle of an ID number (keep the first 6 and last 4): 410102********1234."""
    n = normalise(number or "")
    if len(n) <= 10:
        return n
    return n[:6] + "*" * (len(n) - 10) + n[-4:]


def mask_phone(phone: str | None) -> str:
    """Hide the middle four digits of a mobile number: 138****5678."""
    p = (phone or "").strip()
    if len(p) < 7:
        return p
    return p[:3] + "*" * (len(p) - 7) + p[-4:]
