"""Reading a 党员花名册 as secretaries keep it: every row becomes member fields or a refusal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from dangjian_desktop.core.glossary import Gender, MemberStatus
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.io.table_reader import (
    CellError,
    Row,
    Table,
    check_cell,
    parse_date,
    parse_id_number,
    parse_int,
    parse_name,
    parse_text,
    read_table,
)

# canonical key → the header variants found in real 花名册
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "党员姓名"),
    "gender": ("性别",),
    "ethnicity": ("民族",),
    "birth_date": ("出生日期", "出生年月", "出生时间", "出生年月日"),
    "native_place": ("籍贯",),
    "id_number": ("公民身份号码", "身份证号", "身份证号码", "公民身份证号码", "身份证", "证件号码"),
    "education": ("学历", "文化程度", "最高学历"),
    "category": ("工作岗位", "人员类别/工作岗位", "人员身份"),
    # 人员类别 is the status in the 全国党员管理信息系统 and the job category in many files: read by its values
    "kind": ("人员类别", "类别"),
    "work_unit": ("工作单位及职务", "工作单位", "单位及职务", "工作单位及职务/职称"),
    "joined_on": ("入党日期", "入党时间", "入党年月"),
    "full_member_on": ("转正日期", "转正时间", "转正年月"),
    "probation_extension_months": ("延长预备期", "延长预备期月数"),
    "party_post": ("党内职务",),
    "group": ("所在党小组", "党小组", "所属党小组"),
    "phone": ("联系电话", "手机号码", "手机", "电话", "联系方式"),
    "address": ("家庭住址", "住址", "家庭地址", "现住址"),
    "status": ("党员状态", "党员类别", "人员状态", "党员身份"),
    "floating": ("流动/失联", "流动党员", "是否流动党员"),
    "dues_base": ("党费基数", "党费缴纳基数", "缴费基数"),
    "notes": ("备注",),
    "serial": ("序号", "编号", "排序"),
}
LABELS = {"category": "工作岗位（人员类别）", "kind": "人员类别", "serial": "序号",
          "floating": "流动党员/失联党员", "probation_extension_months": "延长预备期（月）"}
STATUS_WORDS = {"正式", "正式党员", "预备", "预备党员"}
REQUIRED = ("name", "id_number", "joined_on")

_TEXT = {"ethnicity": 20, "native_place": 100, "education": 30, "category": 50, "work_unit": 200,
         "party_post": 50, "address": 200, "notes": 2000}
_YES = {"是", "√", "✓", "Y", "y", "yes", "1"}


@dataclass
class ParsedRow:
    number: int
    fields: MemberFields
    present: set[str]  # the MemberFields keys the file has a column for
    group_name: str | None  # None: the file has no 党小组 column
    notes: list[str]
    table: Table
    row: Row

    def where(self, key: str | None = None) -> str:
        column = {"group_id": "group", "is_floating": "floating", "is_lost_contact": "floating"}.get(key, key)
        return self.table.where(self.row, column if column in self.table.columns else None)

    @property
    def where_id(self) -> str:
        return self.where("id_number")


@dataclass
class ParsedRoster:
    file: str
    sheet: str
    rows: list[ParsedRow] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    table: Table | None = None


def _kind_column(table: Table) -> None:
    """Decide what the 人员类别 column is by its values: 正式党员/预备党员 make it the status,
    anything else the job category; a column already taken is said to be a duplicate."""
    if "kind" not in table.columns:
        return
    values = {str(r.values.get("kind")).strip() for r in table.rows if r.values.get("kind") is not None}
    target = "status" if values & STATUS_WORDS else "category"
    if target in table.columns:
        table.ignore("kind", f"已由“{table.headers[target]}”列读取{'党员状态' if target == 'status' else '工作岗位'}")
        return
    column = table.columns.pop("kind")
    table.columns[target] = column
    table.headers[target] = table.headers.pop("kind")
    for r in table.rows:
        r.values[target] = r.values.pop("kind", None)
    for use in table.accounting:
        if use.key == "kind":
            use.key = target
            use.label = "党员状态（正式/预备）" if target == "status" else "工作岗位（人员类别）"


def _gender(value: Any) -> Gender | None:
    text = parse_text(value, max_len=10)
    if not text:
        return None
    g = Gender.from_label(text) or {"男性": Gender.MALE, "女性": Gender.FEMALE}.get(text)
    if g is None:
        raise CellError(f"“{text}”不是性别（应为“男”或“女”）")
    return g


def _status(value: Any) -> MemberStatus | None:
    text = parse_text(value, max_len=20)
    if not text:
        return None
    if text in ("正式", "正式党员"):
        return MemberStatus.FULL
    if text in ("预备", "预备党员"):
        return MemberStatus.PROBATIONARY
    raise CellError(f"“{text}”不是党员状态（应为“正式党员”或“预备党员”；已转出、去世的不在花名册中导入）")



def _money(value: Any) -> Decimal | None:
    check_cell(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = Decimal(str(value).replace(",", "").replace("元", "").strip())
    except InvalidOperation:
        raise CellError(f"“{value}”不是金额") from None
    if not number.is_finite():
        raise CellError(f"“{value}”不是金额")
    if number < 0 or number > Decimal("10000000"):
        raise CellError(f"{value} 不是合理的党费基数")
    return number.quantize(Decimal("0.01"))


_MONTH_ONLY = re.compile(r"^\s*\d{4}\s*[.\-/年．]\s*\d{1,2}\s*月?\s*$|^\d{6}$")


def month_only(value: Any) -> bool:
    """True for a cell that names a month without a day (“1970.03”, “1970年3月”, 197003)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return 190001 <= value <= 210012
    if isinstance(value, float):
        return 1900 < value < 2101 and value != int(value)
    return isinstance(value, str) and bool(_MONTH_ONLY.match(value))


def _phone(value: Any) -> str:
    check_cell(value)
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return parse_text(value, max_len=30)


def read_roster(path: str | Path, today: date | None = None, sheet: str | None = None) -> ParsedRoster:
    """Read every row of the file; a row with any unreadable cell is refused with where and why."""
    table = read_table(path, COLUMNS, required=REQUIRED, sheet=sheet, labels=LABELS)
    _kind_column(table)
    table.ignore("serial", "序号只是行的编号，不需要导入")
    out = ParsedRoster(table.file, table.sheet, ignored_columns=list(table.ignored_headers), table=table)
    keys = set(table.columns)
    seen: dict[str, int] = {}
    for row in table.rows:
        f = MemberFields()
        present: set[str] = set()
        problems: list[str] = []
        notes: list[str] = []

        def cell(key: str, parse):
            if key not in keys:
                return None
            try:
                return parse(row.values.get(key))
            except CellError as exc:
                problems.append(f"{table.where(row, key)}：{exc}")
                return None

        f.name = cell("name", parse_name) or ""
        present.add("name")
        number = cell("id_number", parse_id_number)
        f.id_number = number or ""
        for key, parse, target in (
            ("gender", _gender, "gender"), ("birth_date", parse_date, "birth_date"),
            ("joined_on", parse_date, "joined_on"), ("full_member_on", parse_date, "full_member_on"),
            ("status", _status, "status"), ("dues_base", _money, "dues_base"), ("phone", _phone, "phone"),
            ("probation_extension_months", lambda v: parse_int(v, maximum=24) or 0, "probation_extension_months"),
        ):
            if key in keys:
                value = cell(key, parse)
                if value is not None:
                    setattr(f, target, value)
                if key != "status" or value is not None:
                    present.add(target)
        for key, limit in _TEXT.items():
            if key in keys:
                setattr(f, key, cell(key, lambda v, n=limit: parse_text(v, max_len=n)) or "")
                present.add(key)
        if "floating" in keys:
            text = cell("floating", lambda v: parse_text(v, max_len=20)) or ""
            f.is_floating = "流动" in text or text in _YES
            f.is_lost_contact = "失联" in text
            present.update({"is_floating", "is_lost_contact"})
        group = cell("group", lambda v: re.sub(r"\s+", "", parse_text(v, max_len=50))) if "group" in keys else None
        if "group" in keys:
            present.add("group_id")
            group = group or ""
        # 出生年月 written without a day: the ID number has the day; take it when the months agree
        if f.birth_date and number and month_only(row.values.get("birth_date")):
            from_id = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
            if (from_id.year, from_id.month) == (f.birth_date.year, f.birth_date.month):
                f.birth_date = from_id
        if not f.name and not problems:
            problems.append(f"{table.where(row, 'name')}：姓名为空")
        if row.values.get("id_number") is None and not any("身份证" in p for p in problems):
            problems.append(f"{table.where(row, 'id_number')}：身份证号为空（按身份证号识别每一个人，不能缺少）")
        if number:
            if number in seen:
                problems.append(f"{table.where(row, 'id_number')}：身份证号与第{seen[number]}行重复")
            else:
                seen[number] = row.number
        if row.values.get("joined_on") is None and not any("入党" in p for p in problems):
            problems.append(f"{table.where(row, 'joined_on')}：入党日期为空")
        if problems:
            out.refused.extend(problems)
            continue
        out.rows.append(ParsedRow(row.number, f, present, group, notes, table, row))
    if not table.rows:
        out.refused.append(f"文件 {table.file}，工作表“{table.sheet}”：表头下面没有任何数据行。")
    return out
