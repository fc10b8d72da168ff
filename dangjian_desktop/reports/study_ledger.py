"""学时台账 (.xlsx): one row per member (hours by kind, total against the target, below target marked) and a
second sheet with every session; A4 landscape, printable. Takes plain data (services.study.StudyYear)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.styles import Font

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import StudyKind
from dangjian_desktop.reports import xlsx_base as x

KINDS = tuple(StudyKind)
SUMMARY_HEADERS = ("序号", "姓名", "党小组", "身份", *(k.label for k in KINDS), "合计", "应达", "完成情况")
SUMMARY_WIDTHS = (6, 10, 12, 11, 10, 8, 10, 10, 9, 9, 24)
DETAIL_HEADERS = ("序号", "日期", "姓名", "学习形式", "学时", "主题 / 课程", "来源")
DETAIL_WIDTHS = (6, 12, 10, 10, 7, 44, 22)
RED = Font(name=x.FONT_NAME, size=11, color="B00020", bold=True)


def _number(value):
    """Hours as a number cell (2, 1.5), so the sheet sums them."""
    return int(value) if value == int(value) else float(value)


def write_study_ledger(out: Path, view, *, progress: Callable[[int, int, str], None] | None = None) -> Path:
    """The 学时台账 of one branch and year (a StudyYear-like object), written atomically."""
    wb = Workbook()
    ws = wb.active
    ws.title = "学时汇总"
    below = [r for r in view.rows if r.below]
    subtitle = (f"截至{cn(view.as_of)}，共 {len(view.rows)} 人，未达标 {len(below)} 人（单位：学时）。"
                f"{view.settings_text()}。")
    first = x.title_and_header(ws, f"{view.branch}{view.year}年党员学习学时台账", subtitle, SUMMARY_HEADERS,
                               SUMMARY_WIDTHS)
    ws.row_dimensions[2].height = 30
    ws.cell(2, 1).alignment = x.LEFT
    for i, r in enumerate(view.rows, start=1):
        n = first + i - 1
        values = (i, r.name, r.group, "书记、支委" if r.leader else "党员",
                  *(_number(r.by_kind[k]) for k in KINDS), _number(r.total), _number(r.target),
                  r.status_text + (f"（{r.joined_on.month}月入党，按月折算）" if r.joined_on else ""))
        for c, value in enumerate(values, start=1):
            x.put(ws.cell(n, c), value)
        if progress and i % 500 == 0:
            progress(i, len(view.rows), f"已写入 {i} 人，共 {len(view.rows)} 人")
    last = first + len(view.rows) - 1
    if view.rows:
        x.style_body(ws, first, last, len(SUMMARY_HEADERS), centre_columns=range(1, len(SUMMARY_HEADERS) + 1))
        for i, r in enumerate(view.rows):
            # Excel and WPS do not grow a row for wrapped text written by a program: size it here
            needed = x.wrapped_lines(ws.cell(first + i, len(SUMMARY_HEADERS)).value, SUMMARY_WIDTHS[-1])
            if needed > 1:
                ws.row_dimensions[first + i].height = 15 * needed
            if r.below:
                for c in (len(SUMMARY_HEADERS) - 2, len(SUMMARY_HEADERS)):
                    ws.cell(first + i, c).font = RED
                ws.cell(first + i, len(SUMMARY_HEADERS)).fill = x.RED_FILL
    foot = last + 2
    ws.cell(foot, 1).value = f"制表人（签字）：                    支部书记（签字）：                    制表日期：{cn(view.as_of)}"
    ws.cell(foot, 1).font = x.BODY_FONT
    x.print_setup(ws)

    ws2 = wb.create_sheet("学习记录")
    order = {r.member_id: i for i, r in enumerate(view.rows)}  # member by member, as the first sheet lists them
    entries = sorted(view.entries, key=lambda e: (order.get(e.member_id, len(order)), e.member, e.studied_on))
    first2 = x.title_and_header(ws2, f"{view.branch}{view.year}年党员学习记录",
                                f"截至{cn(view.as_of)}，共 {len(entries)} 条，按人排列（党课、主题党日按三会一课出席记录计入）",
                                DETAIL_HEADERS, DETAIL_WIDTHS)
    for i, e in enumerate(entries, start=1):
        n = first2 + i - 1
        for c, value in enumerate((i, e.studied_on, e.member, e.kind.label, _number(e.hours), e.topic, e.source),
                                  start=1):
            x.put(ws2.cell(n, c), value)
    if entries:
        last2 = first2 + len(entries) - 1
        x.style_body(ws2, first2, last2, len(DETAIL_HEADERS), centre_columns=(1, 2, 3, 4, 5))
        for n in range(first2, last2 + 1):
            needed = max(x.wrapped_lines(ws2.cell(n, c).value, DETAIL_WIDTHS[c - 1]) for c in (6, 7))
            if needed > 1:
                ws2.row_dimensions[n].height = 15 * needed
    x.print_setup(ws2)
    return x.save(wb, out)
