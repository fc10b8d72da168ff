"""Reading a past 三会一课台账: one row per meeting becomes meeting fields or a refusal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dangjian_desktop.core.glossary import AttendanceStatus, MeetingType
from dangjian_desktop.core.meetings import types_from_text
from dangjian_desktop.io.table_reader import (
    CellError,
    Row,
    Table,
    parse_int,
    parse_name,
    parse_past_date,
    parse_text,
    read_table,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("日期", "会议日期", "召开日期", "会议时间", "时间", "开会日期"),
    "type": ("类型", "会议类型", "会议形式", "组织生活类型", "形式"),
    "topic": ("主题", "会议主题", "议题", "会议名称", "内容", "主要内容", "会议内容"),
    "host": ("主持人", "主持"),
    "recorder": ("记录人",),
    "expected": ("应到", "应到人数", "应参会人数", "应到会人数"),
    "present": ("实到", "实到人数", "实际参会人数", "实到会人数", "参会人数"),
    "absent": ("缺席及原因", "缺席人员及原因", "缺席人员", "缺席情况", "请假人员及原因", "未参会人员及原因", "缺席"),
    "group": ("党小组", "所在党小组", "小组"),
    "place": ("地点", "会议地点"),
    "lecturer": ("主讲人", "授课人"),
    "notes": ("备注", "会议记录", "记录"),
    "serial": ("序号", "编号"),
}
LABELS = {"date": "会议日期", "type": "会议类型", "topic": "主题（议题）", "absent": "缺席人员及原因",
          "notes": "会议记录（备注）", "expected": "应到人数", "present": "实到人数", "serial": "序号"}
REQUIRED = ("date", "type", "topic")
ACCEPTED_TYPES = "支部党员大会（党员大会、支部大会）、支部委员会会议（支委会）、党小组会（小组会）、党课、主题党日、" \
                 "组织生活会、民主评议党员（民主评议）、谈心谈话；一次会议合并开展几项的，用“暨”“及”“、”或“＋”连接，" \
                 "如“主题党日暨支部党员大会”"
NOTHING = {"无", "没有", "全到", "全部到会", "/", "—", "-", "无缺席", "0"}
_ABSENT_WORDS = ("缺席", "无故", "未请假", "旷会")


@dataclass(frozen=True)
class Absentee:
    name: str
    status: AttendanceStatus
    reason: str


@dataclass
class ParsedMeeting:
    row: Row
    table: Table
    held_on: date
    type: MeetingType
    topic: str
    host: str = ""
    recorder: str = ""
    expected: int | None = None
    present: int | None = None
    absent: list[Absentee] = field(default_factory=list)
    type_text: str = ""  # the type cell as written
    group_text: str = ""  # 党小组 as written (column or type cell), matched by the service
    place: str = ""
    lecturer: str = ""
    notes: str = ""
    also: list[MeetingType] = field(default_factory=list)  # 主题党日暨支部党员大会: the types after the first

    def where(self, key: str | None = None) -> str:
        return self.table.where(self.row, key)


@dataclass
class ParsedLedger:
    file: str
    sheet: str
    rows: list[ParsedMeeting] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    table: Table | None = None


def meeting_types_of(text: str) -> list[MeetingType]:
    """The one place a type cell becomes meeting types: every type it names, the first the record's own
    (“主题党日暨支部党员大会”); [] when any part names no type."""
    return types_from_text(text)


def split_absentees(text: str) -> list[Absentee]:
    """“张三（请假：出差）；李四(缺席)、王五 病假” → people with 请假/缺席 and the reason.
    Raises CellError for text that has no recognisable names."""
    text = (text or "").strip()
    if not text or text in NOTHING:
        return []
    text = text.replace("(", "（").replace(")", "）")
    items, depth, current = [], 0, ""
    for ch in text:
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth = max(0, depth - 1)
        if depth == 0 and ch in "；;、，,\n":
            if current.strip():
                items.append(current.strip())
            current = ""
            continue
        current += ch
    if current.strip():
        items.append(current.strip())
    out = []
    default_status = AttendanceStatus.LEAVE
    for item in items:
        # a prefix like “请假：” or “缺席：” sets the status for the people that follow
        m = re.match(r"^(请假|缺席)[：:](.*)$", item)
        if m:
            default_status = AttendanceStatus.ABSENT if m.group(1) == "缺席" else AttendanceStatus.LEAVE
            item = m.group(2).strip()
            if not item:
                continue
        m = re.match(r"^([^\s（）0-9：:]{2,8}?)\s*(?:（(.*)）|\s+(\S.*))?$", item)
        if not m:
            raise CellError(f"“{item}”无法识别为“姓名（原因）”，请写成如“张三（病假）；李四（缺席）”")
        name, reason = m.group(1), (m.group(2) or m.group(3) or "").strip()
        status = default_status
        r = re.match(r"^(请假|缺席)[：:]?(.*)$", reason)
        if r:
            status = AttendanceStatus.ABSENT if r.group(1) == "缺席" else AttendanceStatus.LEAVE
            reason = r.group(2).strip()
        elif any(w in reason for w in _ABSENT_WORDS):
            status = AttendanceStatus.ABSENT
        out.append(Absentee(name, status, reason))
    return out


def group_from_text(text: str) -> str:
    """The 党小组 a cell names: “第二党小组会” → 第二党小组, “党小组会（离退休党小组）” → 离退休党小组."""
    text = (text or "").replace("(", "（").replace(")", "）")
    m = re.search(r"第[一二三四五六七八九十百\d]+党?小组", text)
    if m:
        return m.group(0)
    m = re.search(r"（([^（）]+)）", text)
    if m:
        return m.group(1)
    m = re.search(r"([^\s，,（）]{1,10}党小组)", text)
    return m.group(1) if m else ""


def read_ledger(path: str | Path, sheet: str | None = None, today: date | None = None) -> ParsedLedger:
    """Read every row; what cannot be read is refused with the file, sheet, row and column."""
    today = today or date.today()
    table = read_table(path, COLUMNS, REQUIRED, sheet=sheet, labels=LABELS)
    table.ignore("serial", "序号只是行的编号，不需要导入")
    result = ParsedLedger(table.file, table.sheet, table=table)
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

        held_on = cell("date", parse_past_date, today=today)
        if held_on is None and not any(p.startswith(table.where(row, "date")) for p in problems):
            problems.append(f"{table.where(row, 'date')}：没有填写会议日期。")
        type_text = cell("type", parse_text, max_len=50) or ""
        types = meeting_types_of(type_text)
        mtype = types[0] if types else None
        if MeetingType.HEART_TALK in types and len(types) > 1:
            problems.append(f"{table.where(row, 'type')}：“{type_text}”把谈心谈话与会议合在一起。谈心谈话请单独成行。")
        if mtype is None:
            what = f"“{type_text}”" if type_text else "空白"
            problems.append(f"{table.where(row, 'type')}：会议类型为{what}，无法识别。可以写：{ACCEPTED_TYPES}。")
        topic = cell("topic", parse_text, max_len=200) or ""
        if not topic:
            problems.append(f"{table.where(row, 'topic')}：没有填写主题。")
        host = cell("host", parse_name) or ""
        recorder = cell("recorder", parse_name) or ""
        expected = cell("expected", parse_int, minimum=0, maximum=5000)
        present = cell("present", parse_int, minimum=0, maximum=5000)
        if expected is not None and present is not None and present > expected:
            problems.append(f"{table.where(row, 'present')}：实到 {present} 人，多于应到 {expected} 人。")
        absent_text = cell("absent", parse_text, max_len=2000) or ""
        absent: list[Absentee] = []
        try:
            absent = split_absentees(absent_text)
        except CellError as exc:
            problems.append(f"{table.where(row, 'absent')}：{exc}。")
        if expected is not None and present is not None and len(absent) > expected - present:
            problems.append(f"{table.where(row, 'absent')}：列出缺席和请假 {len(absent)} 人，"
                            f"多于应到减实到（{expected - present}）人。")
        group_text = cell("group", parse_text, max_len=50) or ""
        if MeetingType.GROUP in types and not group_text:
            group_text = group_from_text(type_text) or group_from_text(topic)
        if problems:
            result.refused.extend(problems)
            continue
        result.rows.append(ParsedMeeting(
            row, table, held_on, mtype, topic, host, recorder, expected, present, absent, type_text, group_text,
            cell("place", parse_text, max_len=200) or "", cell("lecturer", parse_text, max_len=50) or "",
            cell("notes", parse_text, max_len=2000) or "", types[1:]))
    return result
