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
    column_letter,
    normalise_header,
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
    "hours": ("学时", "学时数", "获得学时", "学习学时", "学习时长", "时长", "课时", "学时小时", "累计学时", "课程学时",
              "学分学时", "有效学时", "有效时长"),
    "topic": ("课程名称", "课程", "主题", "学习内容", "学习主题", "培训主题", "专题名称", "课程主题"),
    "kind": ("学习形式", "学习类型", "学习方式", "形式", "类型", "类别"),
    "source": ("来源", "学习平台", "平台", "主办单位"),
    "status": ("状态", "学习状态", "完成状态", "是否完成", "完成情况"),
}
LABELS = {"name": "姓名", "id_number": "公民身份号码", "date": "学习日期", "hours": "学时", "topic": "主题/课程",
          "kind": "学习形式", "source": "来源", "status": "完成状态（未完成的不计学时）"}
REQUIRED = ("date", "hours")
SKIP_NAMES = {"合计", "总计", "小计", "共计"}
# a platform's 状态 / 是否完成: what counts, and what is left out (named, one notice a row)
DONE = {"已完成", "完成", "是", "有效", "已学完", "学完", "通过", "已通过", "合格", "已结业", "结业", "已学", "√", "✓"}
NOT_DONE = {"未完成", "否", "无效", "未学完", "学习中", "进行中", "未开始", "未学", "未通过", "不合格", "未结业", "×", "✗"}
# what a secretary writes that is none of the four kinds, and why it is not counted (core.study.KIND_WORDS)
NOT_A_KIND = {"自学": "个人自学不属于集中学习、党课、专题培训、网上学习，不计入党员学时；如是在学习平台上学的，请写“网上学习”",
              "个人自学": "个人自学不属于集中学习、党课、专题培训、网上学习，不计入党员学时；如是在学习平台上学的，请写“网上学习”"}
UNITLESS = "学时（表头未写单位，按学时读取）"
UNITLESS_MOST = 12  # more in one session under a header without a unit looks like minutes: asked, not guessed
UNIT_LABELS = {core.UNIT_MINUTES: "学时（按分钟换算）", core.UNIT_SECONDS: "学时（按秒换算）"}
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
    notices: list[str] = field(default_factory=list)  # rows left out on purpose (未完成, 合计), each named
    from_file: bool = True  # no 来源 column: the source is the file's name


def _day(value, today: date) -> date | None:
    """A date, also as platforms write it with the time it was completed (“2025-03-05 14:30:22”)."""
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        found = _WITH_TIME.match(value)
        if found:
            value = found.group(1)
    return parse_past_date(value, today)


def _hours_unit(table: Table) -> str:
    """The unit the 学时 column's header names (“学习时长(分钟)”: minutes), said in its column line; a bare
    “学习时长/时长” is read as 学时, and the line says so. Another 学时-like column is named as not counted twice."""
    header = table.headers.get("hours", "")
    unit = core.unit_of_header(header) or core.UNIT_HOURS
    letter = column_letter(table.columns["hours"])
    for use in table.accounting:
        if use.key == "hours":
            if unit in UNIT_LABELS:
                use.label = UNIT_LABELS[unit]
            elif core.unit_of_header(header) is None and normalise_header(header) not in ("学时", "学时数", "课时"):
                use.label = UNITLESS
        elif use.key is None and _match_hours(use.header):
            use.reason = f"已按{letter}列“{header}”计学时，此列不重复计算"
    return unit


def _bare_number(value) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and bool(re.fullmatch(r"\s*[\d０-９]+([.．][\d０-９]+)?\s*", value))


def _match_hours(header: str) -> bool:
    text = normalise_header(header)
    return bool(text) and any(normalise_header(v) == text for v in COLUMNS["hours"])


def _total_label(row: Row) -> str:
    """“合计” when the secretary's row is a total (in the 姓名 or the 序号 column), else ""."""
    for key in ("name", "serial"):
        text = re.sub(r"\s+", "", str(row.values.get(key) or ""))
        if text in SKIP_NAMES:
            return text
    return ""


def read_study_sheet(path: str | Path, sheet: str | None = None, today: date | None = None) -> ParsedStudy:
    """Every row as a session, or a refusal saying where and why (nothing guessed). A row without a kind
    column is 网上学习 (what platforms export); the source is the platform column, or the file."""
    today = today or date.today()
    table = read_table(path, COLUMNS, REQUIRED, sheet=sheet, labels=LABELS)
    if "name" not in table.columns and "id_number" not in table.columns:
        raise ValidationError(f"文件 {table.file}，工作表“{table.sheet}”：第{table.header_row}行的表头中既没有“姓名”"
                              "也没有“身份证号”列，不知道是谁的学时。")
    table.ignore("serial", "序号只是行的编号，不需要导入")
    unit = _hours_unit(table)
    unitless = any(u.key == "hours" and u.label == UNITLESS for u in table.accounting)
    parsed = ParsedStudy(table.file, table.sheet, table, from_file="source" not in table.columns)
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

        total = _total_label(row)
        if total:
            parsed.notices.append(f"{table.where(row)}是{total}行，未导入（学时按每人每次的行计算）。")
            continue
        name = cell("name", parse_name) or ""
        number = cell("id_number", parse_id_number)
        if not name and not number and not problems:
            if any(row.values.get(k) is not None for k in ("hours", "topic")):
                problems.append(f"{table.where(row, 'name' if 'name' in table.columns else 'id_number')}："
                                "没有姓名或身份证号。")
            else:
                said = "、".join(core.as_written(v) for v in [*row.values.values(), *row.extra.values()] if v is not None)
                if said:
                    parsed.notices.append(f"{table.where(row)}没有姓名、身份证号和学时，不是学习记录，未导入"
                                          f"（内容：{said[:60]}）。")
                continue
        if "status" in table.columns:
            status = cell("status", parse_text, max_len=20)
            state = re.sub(r"\s+", "", status or "")
            if state in NOT_DONE:
                parsed.notices.append(f"{table.where(row, 'status')}：{name or number}的状态为“{status}”，未计学时。")
                continue
            if state and state not in DONE:
                problems.append(f"{table.where(row, 'status')}：完成状态“{status}”无法识别，可以写：已完成、未完成"
                                "（或 是、否）。")
        studied_on = cell("date", _day, today=today)
        if studied_on is None and not any(p.startswith(table.where(row, "date")) for p in problems):
            problems.append(f"{table.where(row, 'date')}：没有填写学习日期。")
        hours = None
        raw = row.values.get("hours")
        if raw is None:
            problems.append(f"{table.where(row, 'hours')}：没有填写学时。")
        else:
            try:
                hours = core.parse_hours(raw, unit)
            except ValueError as exc:
                problems.append(f"{table.where(row, 'hours')}：{exc}。")
            if unitless and hours is not None and hours > UNITLESS_MOST and _bare_number(raw):
                # a platform's minutes under a bare “学习时长” would make everyone 达标 without a word
                problems.append(f"{table.where(row, 'hours')}：表头“{table.headers['hours']}”没有写单位，"
                                f"“{core.as_written(raw)}”按学时读是一次 {core.hours_text(hours)} 学时，像是分钟数；"
                                f"如是分钟，请把表头改为“{table.headers['hours']}(分钟)”，如是学时，请把表头改为“学时”。")
                hours = None
        kind = StudyKind.ONLINE
        kind_text = cell("kind", parse_text, max_len=50) or ""
        if kind_text:
            kind = core.kind_from_text(kind_text)
            why_not = NOT_A_KIND.get(re.sub(r"\s+", "", kind_text))
            if why_not:
                problems.append(f"{table.where(row, 'kind')}：学习形式“{kind_text}”：{why_not}。")
            elif kind is None:
                problems.append(f"{table.where(row, 'kind')}：学习形式“{kind_text}”无法识别，可以写：{KINDS_ACCEPTED}。")
        topic = cell("topic", parse_text, max_len=200) or ""
        source = cell("source", parse_text, max_len=200) or table.file
        if problems:
            parsed.refused.extend(problems)
            continue
        parsed.rows.append(ParsedStudyRow(row, table, name, number, studied_on, hours, kind, topic, source))
    return parsed
