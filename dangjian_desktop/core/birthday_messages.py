"""政治生日 messages: the periods a secretary sends for, and the branch's wording with its placeholders.

The program sends nothing (it is offline): it writes each person's message for the secretary to send
from a phone, WeChat or an SMS platform. The wording is a template in the branch's own words; the
placeholders are Chinese, as a secretary types them.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from dangjian_desktop.core.dates import add_months, cn

DEFAULT_TEMPLATE = ("{姓名}同志：{政治生日}是您入党{入党年数}周年的政治生日。{入党日期}，您在党旗下庄严宣誓，"
                    "光荣地加入了中国共产党。{支部}祝您政治生日快乐！愿您不忘初心、牢记使命，永葆共产党员先进本色。")

# placeholder → what it stands for (shown beside the wording editor)
PLACEHOLDERS = {
    "姓名": "党员姓名",
    "入党日期": "入党日期，如 2001年7月1日",
    "政治生日": "所选期间内的政治生日，如 2026年7月1日",
    "入党年数": "到政治生日那天入党满几年",
    "党龄": "到政治生日那天的党龄（从转正算起；预备党员为 0）",
    "支部": "党支部名称",
}
_FIELD = re.compile(r"\{([^{}]*)\}")
MAX_CHARS = 500  # longer than any message a platform sends as one; a pasted document is a mistake

# the periods of the chooser
THIS_MONTH, NEXT_MONTH, JULY_FIRST, WHOLE_YEAR = "this_month", "next_month", "july_first", "year"
PERIOD_LABELS = {THIS_MONTH: "本月", NEXT_MONTH: "下月", JULY_FIRST: "六月、七月（七一前后）", WHOLE_YEAR: "全年"}


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # 2026年7月, 2026年6月至7月, 2026年


def month_period(day: date) -> Period:
    """The month of `day`."""
    first = day.replace(day=1)
    return Period(first, first.replace(day=monthrange(first.year, first.month)[1]), f"{first.year}年{first.month}月")


def period(kind: str, today: date, year: int | None = None) -> Period:
    """The days of a period of the chooser: 本月 and 下月 from today; 六七月 and 全年 of `year` (today's if None)."""
    year = year or today.year
    if kind == THIS_MONTH:
        return month_period(today)
    if kind == NEXT_MONTH:
        return month_period(add_months(today.replace(day=1), 1))
    if kind == JULY_FIRST:
        return Period(date(year, 6, 1), date(year, 7, 31), f"{year}年6月至7月")
    if kind == WHOLE_YEAR:
        return Period(date(year, 1, 1), date(year, 12, 31), f"{year}年")
    raise ValueError(f"unknown period {kind!r}")


def template_problem(template: str) -> str | None:
    """Why the wording cannot be used (one Chinese sentence), or None."""
    if not template.strip():
        return "短信措辞不能为空。"
    if len(template) > MAX_CHARS:
        return f"短信措辞有 {len(template)} 个字，超过 {MAX_CHARS} 个字，请删短一些。"
    unknown = [name for name in _FIELD.findall(template) if name.strip() not in PLACEHOLDERS]
    if unknown:
        return (f"措辞中的“{{{unknown[0]}}}”不是可以替换的内容；可用的有："
                + "、".join(f"{{{k}}}" for k in PLACEHOLDERS) + "。")
    if template.count("{") != template.count("}"):
        return "措辞中的花括号没有配对：替换的内容要写成 {姓名} 这样。"
    return None


@dataclass(frozen=True)
class MessageFields:
    """What one person's message is made of."""

    name: str
    joined_on: date
    day: date  # the political birthday in the period
    years: int  # years since joining, on that day
    party_age: int  # 党龄 (from 转正) on that day; 0 for a 预备党员
    branch: str


def render(template: str, f: MessageFields) -> str:
    """The message for one person: each placeholder replaced (the template is checked first)."""
    values = {"姓名": f.name, "入党日期": cn(f.joined_on), "政治生日": cn(f.day), "入党年数": str(f.years),
              "党龄": str(f.party_age), "支部": f.branch}
    return _FIELD.sub(lambda mo: values.get(mo.group(1).strip(), mo.group(0)), template)
