"""发展党员台账 (.xlsx): one row per person, one column per step date, plus 申请人登记, 年度新发展, 年度转正.

Overdue and due-soon cells are coloured with fills computed as of the export date (not Excel
conditional formatting): the rules need working days, extensions and catalog versions that a
spreadsheet formula cannot know, and a printed copy must show what the program showed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import STEPS
from dangjian_desktop.reports import xlsx_base as x

LEDGER_SHEET = "发展党员台账"
BASE_HEADERS = ("序号", "姓名", "性别", "出生日期", "所处阶段", "培养联系人姓名", "入党介绍人姓名", "下一步", "期限")
BASE_WIDTHS = (5, 8, 5, 11, 13, 12, 12, 18, 11)
DUE_COLUMN = 9


@dataclass
class LedgerPerson:
    """One row of the ledger, as on the day it is made for (the year's end)."""

    name: str
    gender: str
    birth_date: date | None
    stage: str  # the stage of the last step completed
    contacts: str  # 培养联系人
    sponsors: str  # 入党介绍人
    next_step: str
    due: date | None
    step_dates: list[date | None]  # the 25 steps, in order
    late: dict[int, tuple[str, str]] = field(default_factory=dict)  # step no → (overdue|due, comment)
    row_state: str = ""  # overdue | due | ""
    notes: str = ""


@dataclass
class SimpleSheet:
    """A list sheet (申请人登记, 年度新发展, 年度转正): numbered rows under a title and a header."""

    title: str
    heading: str
    headers: tuple[str, ...]
    widths: tuple[float, ...]
    rows: list[list[Any]]


def _step_header(no: int) -> str:
    return f"{no}.{STEPS[no - 1].name}"


def write_ledger(people: list[LedgerPerson], sheets: list[SimpleSheet], branch_name: str, year: int, out: Path, *,
                 as_of: date) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = LEDGER_SHEET
    headers = list(BASE_HEADERS) + [_step_header(s.no) for s in STEPS] + ["备注"]
    widths = list(BASE_WIDTHS) + [10.5] * len(STEPS) + [24]
    first = x.title_and_header(ws, f"{branch_name}发展党员台账（{year}年）",
                               f"截至{cn(as_of)}　红色：已逾期　黄色：即将到期", headers, widths)
    ws.row_dimensions[3].height = 72
    ws.freeze_panes = ws.cell(first, 3)
    step_col = len(BASE_HEADERS) + 1
    for i, a in enumerate(people):
        r = first + i
        values = [i + 1, a.name, a.gender, a.birth_date, a.stage, a.contacts, a.sponsors, a.next_step, a.due]
        for c, v in enumerate(values, start=1):
            x.put(ws.cell(r, c), v)
        for no, done_on in enumerate(a.step_dates, start=1):
            x.put(ws.cell(r, step_col + no - 1), done_on)
        x.put(ws.cell(r, step_col + len(STEPS)), a.notes)
        # room for every wrapped line of 阶段, 联系人, 介绍人, 下一步 and 备注: no clipped cell on paper
        wrapped = [(c, widths[c - 1]) for c in (5, 6, 7, 8)] + [(step_col + len(STEPS), widths[-1])]
        lines = max(x.wrapped_lines(ws.cell(r, c).value, w) for c, w in wrapped)
        ws.row_dimensions[r].height = max(30, 15 * lines)
    last = first + len(people) - 1
    x.style_body(ws, first, max(last, first - 1), len(headers), centre_columns=[1, 3, 4, DUE_COLUMN] +
                 list(range(step_col, step_col + len(STEPS))))
    # colour what is late or due, as of the day the ledger is made for
    for i, a in enumerate(people):
        r = first + i
        for no, (state, comment) in a.late.items():
            fill = x.RED_FILL if state == "overdue" else x.AMBER_FILL
            cell = ws.cell(r, step_col + no - 1)
            cell.fill = fill
            ws.cell(r, DUE_COLUMN).fill = fill
            cell.comment = Comment(comment, "党支部工作台")
        if a.row_state:
            ws.cell(r, 2).fill = x.RED_FILL if a.row_state == "overdue" else x.AMBER_FILL
    x.print_setup(ws, landscape=True)
    ws.page_setup.paperSize = ws.PAPERSIZE_A3  # 25 step columns do not fit a readable A4
    ws.print_title_cols = "A:B"
    for sheet in sheets:
        _simple_sheet(wb, sheet)
    return x.save(wb, out)


def _simple_sheet(wb: Workbook, sheet: SimpleSheet) -> None:
    ws = wb.create_sheet(sheet.title)
    first = x.title_and_header(ws, sheet.heading, f"共{len(sheet.rows)}人", sheet.headers, sheet.widths)
    for i, values in enumerate(sheet.rows):
        for c, v in enumerate([i + 1, *values], start=1):
            x.put(ws.cell(first + i, c), v)
    x.style_body(ws, first, first + len(sheet.rows) - 1, len(sheet.headers), centre_columns=[1, 3])
    x.print_setup(ws, landscape=True)
