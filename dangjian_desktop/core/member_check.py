"""What a 花名册 entry must satisfy: ID number, birth date and sex, 入党日期, 转正日期."""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import fields as dc_fields
from datetime import date
from decimal import Decimal

from dangjian_desktop.core import idcard, rules
from dangjian_desktop.core.dates import add_years, cn
from dangjian_desktop.core.glossary import Gender, MemberStatus
from dangjian_desktop.core.membership import probation_end

_PHONE = re.compile(r"^[0-9+\-() ]{5,30}$")

# the Chinese name of each field, for messages and for the import preview
LABELS = {
    "name": "姓名", "gender": "性别", "ethnicity": "民族", "birth_date": "出生日期",
    "native_place": "籍贯", "id_number": "公民身份号码", "education": "学历",
    "category": "人员类别", "work_unit": "工作单位及职务", "joined_on": "入党日期",
    "full_member_on": "转正日期", "probation_extension_months": "延长预备期月数",
    "party_post": "党内职务", "group_id": "所在党小组", "phone": "联系电话", "address": "家庭住址",
    "status": "党员状态", "is_floating": "流动党员", "is_lost_contact": "失联党员",
    "dues_base": "党费基数", "notes": "备注",
}

TEXT_LIMITS = {"name": 50, "ethnicity": 20, "native_place": 100, "education": 30, "category": 50,
               "work_unit": 200, "party_post": 50, "address": 200, "notes": 2000}


@dataclass
class MemberFields:
    """The editable 花名册 fields of one member, as typed in the editor or read from a file."""

    name: str = ""
    gender: Gender | None = None
    ethnicity: str = ""
    birth_date: date | None = None
    native_place: str = ""
    id_number: str = ""
    education: str = ""
    category: str = ""
    work_unit: str = ""
    joined_on: date | None = None
    full_member_on: date | None = None
    probation_extension_months: int = 0
    party_post: str = ""
    group_id: int | None = None
    phone: str = ""
    address: str = ""
    status: MemberStatus = MemberStatus.FULL
    is_floating: bool = False
    is_lost_contact: bool = False
    dues_base: Decimal | None = None
    notes: str = ""

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in dc_fields(cls)]


@dataclass(frozen=True)
class ProbationRule:
    min_age: int = 18
    min_extension: int = 6
    max_extension: int = 12


def probation_rule(overrides: dict | None = None) -> ProbationRule:
    """The numbers of DEV-AGE-18 and DEV-PROBATION-1Y from the rule catalog."""
    return ProbationRule(
        int(rules.param_value("DEV-AGE-18", "min_age", overrides)),
        int(rules.param_value("DEV-PROBATION-1Y", "min_extension_months", overrides)),
        int(rules.param_value("DEV-PROBATION-1Y", "max_extension_months", overrides)),
    )


def proposed_full_member_on(joined_on: date | None, extension_months: int = 0) -> date | None:
    """转正日期 as the rules make it: 入党日期 + 1 year (+ a recorded extension)."""
    return probation_end(joined_on, extension_months) if joined_on else None


def field_problems(f: MemberFields, today: date, rule: ProbationRule | None = None) -> dict[str, str]:
    """Every field that cannot be true, with the reason in one Chinese sentence; {} if all is well."""
    rule = rule or ProbationRule()
    out: dict[str, str] = {}
    name = (f.name or "").strip()
    if not name:
        out["name"] = "请填写姓名。"
    for key, limit in TEXT_LIMITS.items():
        value = getattr(f, key) or ""
        if len(value) > limit and key not in out:
            out[key] = f"{LABELS[key]}太长（{len(value)}个字），最多{limit}个字。"

    info = None
    number = idcard.normalise(f.id_number or "")
    if not number:
        out["id_number"] = "请填写公民身份号码（18位）。"
    else:
        why = idcard.problem(number)
        if why:
            out["id_number"] = why + "。"
        else:
            info = idcard.parse(number)
    born = f.birth_date or (info.birth_date if info else None)
    if f.birth_date and f.birth_date > today:
        out["birth_date"] = "出生日期不能晚于今天。"
    elif info and f.birth_date and f.birth_date != info.birth_date:
        out["birth_date"] = f"出生日期与身份证号中的出生日期（{cn(info.birth_date)}）不一致。"
    if info and f.gender and f.gender != info.gender:
        out["gender"] = f"性别与身份证号不一致（按身份证号第17位应为“{info.gender.label}”）。"

    if f.joined_on is None:
        out["joined_on"] = "请填写入党日期（支部大会通过接收为预备党员的日期）。"
    elif f.joined_on > today:
        out["joined_on"] = f"入党日期（{cn(f.joined_on)}）不能晚于今天。"
    elif born and f.joined_on < add_years(born, rule.min_age):
        out["joined_on"] = (f"入党日期（{cn(f.joined_on)}）早于年满{rule.min_age}周岁之日"
                            f"（{cn(add_years(born, rule.min_age))}），不可能，请核对。")

    ext = f.probation_extension_months or 0
    if ext and not rule.min_extension <= ext <= rule.max_extension:
        out["probation_extension_months"] = (f"延长预备期应为{rule.min_extension}至{rule.max_extension}个月"
                                             f"（这里是{ext}个月）；没有延长请填0。")

    if f.status == MemberStatus.PROBATIONARY:
        if f.full_member_on is not None:
            out["full_member_on"] = "预备党员还没有转正日期；已转正的请把党员状态改为“正式党员”。"
    elif f.status == MemberStatus.FULL:
        end = proposed_full_member_on(f.joined_on, ext) if "joined_on" not in out else None
        if f.full_member_on is None:
            out["full_member_on"] = "正式党员请填写转正日期" + (f"（按期转正为{cn(end)}）。" if end else "。")
        elif f.full_member_on > today:
            out["full_member_on"] = f"转正日期（{cn(f.full_member_on)}）不能晚于今天；尚未转正的请选“预备党员”。"
        elif end and f.full_member_on < end:
            out["full_member_on"] = (f"转正日期不能早于入党日期满一年{'（含延长的预备期）' if ext else ''}，"
                                     f"即{cn(end)}；如预备期曾经延长，请填写延长的月数。")
    phone = (f.phone or "").strip()
    if phone and not _PHONE.match(phone):
        out["phone"] = f"联系电话“{phone}”只能包含数字、空格、括号、+ 和 -。"
    if f.dues_base is not None and f.dues_base < 0:
        out["dues_base"] = "党费基数不能是负数。"
    return out


def completed(f: MemberFields) -> MemberFields:
    """The fields with birth date and sex taken from a valid ID number where they were left empty."""
    number = idcard.normalise(f.id_number or "")
    if idcard.is_valid(number):
        info = idcard.parse(number)
        f.id_number = number
        if f.birth_date is None:
            f.birth_date = info.birth_date
        if f.gender is None:
            f.gender = info.gender
    f.name = " ".join((f.name or "").split())
    return f

