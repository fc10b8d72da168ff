"""Reading a 发展党员台账: one row per person, one column per step date, as secretaries keep it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dangjian_desktop.core import idcard
from dangjian_desktop.core.development import STEPS
from dangjian_desktop.core.glossary import Gender
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.io.table_reader import (
    CellError,
    Table,
    column_letter,
    parse_date,
    parse_id_number,
    parse_name,
    parse_past_date,
    parse_text,
    read_table,
)

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
    "serial": ("序号", "编号"),
    "notes": ("备注",),
    # what our own 台账 and others compute from the step dates: recognised, recomputed after import
    "stage": ("所处阶段", "阶段", "当前阶段"),
    "next_step": ("下一步",),
    "deadline": ("期限", "下一步期限", "办理期限"),
}
PEOPLE_KEYS = {"contacts": 5, "sponsors": 9}
_NAME_SPLIT = re.compile(r"[、,，;；/\s]+")


# steps that share a name (domain.md: 15 and 23 are both 支部大会讨论, 17 and 24 both 上级党委审批)
SHARED = {"congress": (15, 23), "approval": (17, 24)}
SHARED_COLUMNS = {
    "congress": ("支部大会讨论", "支部大会讨论日期", "支部大会讨论时间", "支部大会讨论通过", "支部大会讨论通过日期"),
    "approval": ("上级党委审批", "上级党委审批日期", "上级党委审批时间", "党委审批日期", "上级党委审批通过日期"),
}
QUALIFIED = {  # the bracketed word is read before the brackets go (normalise_header)
    15: ("接收",), 23: ("转正",), 17: ("接收",), 24: ("转正",),
}


def step_columns() -> dict[str, tuple[str, ...]]:
    """`step_N` → the ways its date column is headed: the full name when it is unambiguous, the
    name with its qualifier when two steps share it (“支部大会讨论（转正）日期”), its short forms,
    “…时间”; the plain shared names are `congress`/`approval`, placed by column order."""
    counts = Counter(s.name for s in STEPS)
    out = {}
    for s in STEPS:
        names = [s.name, f"{s.name}时间", f"{s.name}日期"] if counts[s.name] == 1 else []
        for word in QUALIFIED.get(s.no, ()):
            names += [f"{s.name}{word}", f"{s.name}{word}日期", f"{s.name}{word}时间", f"{s.name}（{word}）",
                      f"{s.name}（{word}）日期", f"{s.name}（{word}）时间", f"{s.name}通过（{word}）日期"]
        names += list(s.short_names)
        names += [f"{s.no}.{s.name}", f"{s.no}、{s.name}", f"{s.no}{s.name}"]  # numbered, as our own 台账 writes them
        out[f"step_{s.no}"] = tuple(dict.fromkeys(names))
    return {**out, **SHARED_COLUMNS}


def step_label(no: int) -> str:
    s = STEPS[no - 1]
    word = {15: "（接收预备党员）", 17: "（接收预备党员）", 23: "（转正）", 24: "（转正）"}.get(no, "")
    return f"第{no}步 {s.name}{word}"


def _place_shared(table) -> list[str]:
    """Give each plain “支部大会讨论”/“上级党委审批” column its step by column order (the first is
    the 接收 step, the second the 转正 step); returns the refusals for columns that cannot be placed."""
    errors = []
    for base, steps in SHARED.items():
        plain = sorted(((c, k) for k, c in table.columns.items() if k.split("#")[0] == base))
        if not plain:
            continue
        free = [no for no in steps if f"step_{no}" not in table.columns]
        if len(plain) > len(free):
            for c, k in plain[len(free):]:
                errors.append(f"文件 {table.file}，工作表“{table.sheet}”，{column_letter(c)}列（{table.headers[k]}）："
                              f"无法确定是第{steps[0]}步还是第{steps[1]}步（两步同名，且两步都已有列），"
                              "请在列名中写明“（接收）”或“（转正）”，或删除该列。")
        for (c, k), no in zip(plain, free):
            key = f"step_{no}"
            table.columns[key] = table.columns.pop(k)
            table.headers[key] = table.headers.pop(k)
            for r in table.rows:
                r.values[key] = r.values.pop(k, None)
            for use in table.accounting:
                if use.key == k:
                    use.key, use.label = key, step_label(no) + "（按列的先后确定）"
        for c, k in plain[len(free):]:
            table.columns.pop(k)
            for use in table.accounting:
                if use.key == k:
                    use.key, use.reason = None, "无法确定是哪一步"
    return errors


def _date_column_refusals(table) -> list[str]:
    """A column no field takes that holds dates is refused (a step's date must not vanish);
    one of other values is only listed as not imported."""
    errors = []
    for use in table.accounting:
        if use.imported or use.reason == "无法确定是哪一步":
            continue
        values = [r.extra.get(use.letter) for r in table.rows if r.extra.get(use.letter) is not None]
        dates = 0
        for v in values:
            if isinstance(v, (date, datetime)):
                dates += 1
            elif isinstance(v, str):
                try:
                    dates += parse_date(v) is not None
                except CellError:
                    pass
        if values and dates * 2 >= len(values):
            use.reason = "是日期，但认不出是哪一个步骤，导入因此停止"
            head = f"“{use.header}”" if use.header else "（无表头）"
            errors.append(f"文件 {table.file}，工作表“{table.sheet}”，{use.letter}列{head}：这一列是日期，"
                          "但认不出是哪一个步骤，为了不丢失日期，未导入任何数据；请把列名改成步骤名称"
                          "（如“支部大会讨论（转正）日期”），或删除这一列。")
    return errors


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
    notes: str = ""
    steps: dict[int, date] = field(default_factory=dict)
    people: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class Ledger:
    file: str
    rows: list[LedgerRow]
    errors: list[str]
    warnings: list[str]
    step_headers: dict[int, str]  # which column each step was read from
    sheet: str = ""
    table: Table | None = None


def _names(text: Any) -> list[str]:
    return [n for n in _NAME_SPLIT.split(str(text or "").strip()) if n]


def read_ledger(path: str | Path, sheet: str | None = None, today: date | None = None) -> Ledger:
    """Every row with its step dates; unreadable cells become errors naming file, sheet, row and column."""
    today = today or date.today()
    columns = {**PERSON_COLUMNS, **step_columns()}
    labels = {f"step_{s.no}": step_label(s.no) for s in STEPS}
    table = read_table(path, columns, required=("name", "step_1"), sheet=sheet, labels=labels,
                       repeats=tuple(SHARED))
    table.ignore("serial", "序号只是行的编号，不需要导入")
    for key in ("stage", "next_step", "deadline"):
        table.ignore(key, "由各步骤的日期推算，导入后自动重新算出")
    errors: list[str] = _place_shared(table) + _date_column_refusals(table)
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

        name = cell("name", parse_name)
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
                             ("phone", 30), ("group", 50), ("notes", 2000)):
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
                d = parse_past_date(raw, today)
            except CellError as exc:
                if no in PEOPLE_KEYS.values() and isinstance(raw, str) and not re.search(r"\d", raw):
                    r.people.setdefault(no, _names(raw))  # a “培养联系人” column holding names, not a date
                    continue
                errors.append(f"{table.where(row, key)}：{exc}。")
                continue
            if d is not None:
                r.steps[no] = d
        rows.append(r)
    if not rows and not errors:
        raise ValidationError(f"文件 {table.file}，工作表“{table.sheet}”：表头下面没有任何人员。")
    headers = {int(k.split("_")[1]): table.headers[k] for k in step_keys}
    return Ledger(table.file, rows, errors, warnings, headers, table.sheet, table)
