"""Reading a 发展党员台账: one row per person, one column per step date, as secretaries keep it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dangjian_desktop.core import idcard
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import STEPS
from dangjian_desktop.core.glossary import Gender
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.io.table_reader import CellError, parse_date, parse_id_number, parse_text, read_table

PERSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名",),
    "id_number": ("公民身份号码", "身份证号", "身份证号码"),
    "gender": ("性别",),
    "birth_date": ("出生日期", "出生年月"),
    "ethnicity": ("民族",),
    "native_place": ("籍贯",),
    "education": ("学历", "文化程度"),
    "work_unit": ("工作单位及职务", "工作单位", "单位"),
    "phone": ("联系电话", "电话", "手机"),
    "group": ("所在党小组", "党小组"),
    "contacts": ("培养联系人姓名", "联系人姓名", "联系人"),
    "sponsors": ("入党介绍人姓名", "介绍人姓名", "介绍人"),
}
PEOPLE_KEYS = {"contacts": 5, "sponsors": 9}
_NAME_SPLIT = re.compile(r"[、,，;；/\s]+")


def step_columns() -> dict[str, tuple[str, ...]]:
    """`step_N` → the ways its date column is headed: the full name when it is unambiguous
    (two steps are both “支部大会讨论” and two “上级党委审批”), its short forms, “…时间”."""
    counts = Counter(s.name for s in STEPS)
    out = {}
    for s in STEPS:
        names = [s.name, f"{s.name}时间", f"{s.name}日期"] if counts[s.name] == 1 else []
        names += list(s.short_names)
        names += [f"{s.no}.{s.name}", f"{s.no}、{s.name}", f"{s.no}{s.name}"]  # numbered, as our own 台账 writes them
        out[f"step_{s.no}"] = tuple(dict.fromkeys(names))
    return out


@dataclass
class LedgerRow:
    number: int
    where: str  # “文件 台账.xlsx，工作表“台账”，第5行”
    name: str
    id_number: str | None = None
    gender: Gender | None = None
    birth_date: date | None = None
    ethnicity: str = ""
    native_place: str = ""
    education: str = ""
    work_unit: str = ""
    phone: str = ""
    group: str = ""
    steps: dict[int, date] = field(default_factory=dict)
    people: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class Ledger:
    file: str
    rows: list[LedgerRow]
    errors: list[str]
    warnings: list[str]
    step_headers: dict[int, str]  # which column each step was read from


def _names(text: Any) -> list[str]:
    return [n for n in _NAME_SPLIT.split(str(text or "").strip()) if n]


def read_ledger(path: str | Path, today: date | None = None) -> Ledger:
    """Every row with its step dates; unreadable cells become errors naming file, sheet, row and column,
    and so does a step dated after `today` (a step is recorded once it is taken)."""
    today = today or date.today()
    columns = {**PERSON_COLUMNS, **step_columns()}
    table = read_table(path, columns, required=("name", "step_1"))
    errors: list[str] = []
    warnings: list[str] = []
    rows: list[LedgerRow] = []
    step_keys = [k for k in table.columns if k.startswith("step_")]
    if len(step_keys) < 2:
        warnings.append(f"文件 {table.file}：只认出了 {len(step_keys)} 个步骤日期列，请检查表头是否为步骤名称。")
    for row in table.rows:
        v = row.values

        def cell(key: str, parse, *args, **kwargs):
            try:
                return parse(v.get(key), *args, **kwargs)
            except CellError as exc:
                errors.append(f"{table.where(row, key)}：{exc}。")
                return None

        name = cell("name", parse_text, max_len=50)
        if not name:
            if any(v.get(k) is not None for k in step_keys):
                errors.append(f"{table.where(row, 'name')}：有日期却没有姓名。")
            continue
        r = LedgerRow(row.number, table.where(row), name)
        r.id_number = cell("id_number", parse_id_number)
        r.birth_date = cell("birth_date", parse_date)
        gender_text = cell("gender", parse_text, max_len=5)
        if gender_text:
            r.gender = Gender.from_label(gender_text)
            if r.gender is None:
                errors.append(f"{table.where(row, 'gender')}：性别“{gender_text}”应为“男”或“女”。")
        if r.id_number:
            info = idcard.parse(r.id_number)
            if r.birth_date and r.birth_date != info.birth_date:
                errors.append(f"{table.where(row, 'birth_date')}：出生日期{r.birth_date.isoformat()}"
                              f"与身份证号中的{info.birth_date.isoformat()}不一致。")
            if r.gender and r.gender != info.gender:
                errors.append(f"{table.where(row, 'gender')}：性别“{r.gender.label}”与身份证号（{info.gender.label}）不一致。")
            r.birth_date = r.birth_date or info.birth_date
            r.gender = r.gender or info.gender
        for key, max_len in (("ethnicity", 20), ("native_place", 100), ("education", 30), ("work_unit", 200),
                             ("phone", 30), ("group", 50)):
            setattr(r, key, cell(key, parse_text, max_len=max_len) or "")
        for key, no in PEOPLE_KEYS.items():
            names = _names(v.get(key))
            if names:
                r.people[no] = names
        for key in step_keys:
            no = int(key.split("_")[1])
            raw = v.get(key)
            if raw is None:
                continue
            try:
                d = parse_date(raw)
            except CellError as exc:
                if no in PEOPLE_KEYS.values() and isinstance(raw, str) and not re.search(r"\d", raw):
                    r.people.setdefault(no, _names(raw))  # a “培养联系人” column holding names, not a date
                    continue
                errors.append(f"{table.where(row, key)}：{exc}。")
                continue
            if d is not None and d > today:  # a step is recorded once taken; a date to come is a plan
                errors.append(f"{table.where(row, key)}：{table.headers[key]}{cn(d)}在今天之后。步骤办理后才能记录，"
                              "请填写实际办理的日期，或先清空这一格。")
                continue
            if d is not None:
                r.steps[no] = d
        rows.append(r)
    if not rows and not errors:
        raise ValidationError(f"文件 {table.file}，工作表“{table.sheet}”：表头下面没有任何人员。")
    headers = {int(k.split("_")[1]): table.headers[k] for k in step_keys}
    return Ledger(table.file, rows, errors, warnings, headers)
