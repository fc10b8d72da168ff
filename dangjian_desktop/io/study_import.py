"""Reading 学时 as online platforms (学习强国, 干部网络学院, 党员教育平台) and office sheets export them: one row
per member and session, with name or ID number, date, hours and the course; every column accounted for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from dangjian_desktop.core import study as core
from dangjian_desktop.core.glossary import StudyKind
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.io.table_reader import (
    CellError,
    Row,
    Table,
    parse_id_number,
    parse_name,
    parse_past_date,
    parse_text,
    read_table,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "serial": ("序号", "编号"),
    "name": ("姓名", "党员姓名", "学员姓名", "学员"),
    "id_number": ("公民身份号码", "身份证号", "身份证号码", "证件号码", "证件号"),
    "date": ("学习日期", "日期", "完成日期", "完成时间", "学习时间", "培训日期", "参学日期"),
    "hours": ("学时", "学时数", "获得学时", "学习学时", "学习时长", "时长", "课时", "学时小时", "累计学时"),
    "topic": ("课程名称", "课程", "主题", "学习内容", "学习主题", "培训主题", "专题名称", "课程主题"),
    "kind": ("学习形式", "学习类型", "学习方式", "形式", "类型", "类别"),
    "source": ("来源", "学习平台", "平台", "主办单位"),
}
LABELS = {"name": "姓名", "id_number": "公民身份号码", "date": "学习日期", "hours": "学时", "topic": "主题/课程",
          "kind": "学习形式", "source": "来源"}
REQUIRED = ("date", "hours")
SKIP_NAMES = {"合计", "总计", "小计"}
_WITH_TIME = re.compile(r"^\s*(\S+?)[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*$")
KINDS_ACCEPTED = "集中学习、党课、专题培训、网上学习"


@dataclass
class ParsedStudyRow:
    row: Row
    table: Table
    name: str
    id_number: str | None
    studied_on: date
    hours: Decimal
    kind: StudyKind
    topic: str
    source: str

    def where(self, key: str | None = None) -> str:
        return self.table.where(self.row, key)


@dataclass
class ParsedStudy:
    file: str
    sheet: str
    table: Table
    rows: list[ParsedStudyRow] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def _day(value, today: date) -> date | None:
    """A date, also as platforms write it with the time it was completed (“2025-03-05 14:30:22”)."""
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        found = _WITH_TIME.match(value)
        if found:
            value = found.group(1)
    return parse_past_date(value, today)


def read_study_sheet(path: str | Path, sheet: str | None = None, today: date | None = None) -> ParsedStudy:
    """Every row as a session, or a refusal saying where and why (nothing guessed). A row without a kind
    column is 网上学习 (what platforms export); the source is the platform column, or the file."""
    today = today or date.today()
    table = read_table(path, COLUMNS, REQUIRED, sheet=sheet, labels=LABELS)
    if "name" not in table.columns and "id_number" not in table.columns:
        raise ValidationError(f"文件 {table.file}，工作表“{table.sheet}”：第{table.header_row}行的表头中既没有“姓名”"
                              "也没有“身份证号”列，不知道是谁的学时。")
    table.ignore("serial", "序号只是行的编号，不需要导入")
    parsed = ParsedStudy(table.file, table.sheet, table)
    for row in table.rows:
        problems: list[str] = []

        def cell(key, parse, **kw):
            if key not in table.columns:
                return None
            try:
                return parse(row.values.get(key), **kw)
            except CellError as exc:
                problems.append(f"{table.where(row, key)}：{exc}。")
                return None

        name = cell("name", parse_name) or ""
        number = cell("id_number", parse_id_number)
        if name in SKIP_NAMES:
            continue
        if not name and not number and not problems:
            if any(row.values.get(k) is not None for k in ("hours", "topic")):
                problems.append(f"{table.where(row, 'name' if 'name' in table.columns else 'id_number')}："
                                "没有姓名或身份证号。")
            else:
                continue  # a note under the table
        studied_on = cell("date", _day, today=today)
        if studied_on is None and not any(p.startswith(table.where(row, "date")) for p in problems):
            problems.append(f"{table.where(row, 'date')}：没有填写学习日期。")
        hours = None
        raw = row.values.get("hours")
        if raw is None:
            problems.append(f"{table.where(row, 'hours')}：没有填写学时。")
        else:
            try:
                hours = core.parse_hours(raw)
            except ValueError as exc:
                problems.append(f"{table.where(row, 'hours')}：{exc}。")
        kind = StudyKind.ONLINE
        kind_text = cell("kind", parse_text, max_len=50) or ""
        if kind_text:
            kind = core.kind_from_text(kind_text)
            if kind is None:
                problems.append(f"{table.where(row, 'kind')}：学习形式“{kind_text}”无法识别，可以写：{KINDS_ACCEPTED}。")
        topic = cell("topic", parse_text, max_len=200) or ""
        source = cell("source", parse_text, max_len=200) or table.file
        if problems:
            parsed.refused.extend(problems)
            continue
        parsed.rows.append(ParsedStudyRow(row, table, name, number, studied_on, hours, kind, topic, source))
    return parsed
