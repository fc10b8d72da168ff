"""The year's political birthdays by month (.xlsx): 入党日期, 入党年限, 党龄, milestones, how marked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Collection, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from dangjian_desktop.core.dates import cn
from dangjian_desktop.reports import xlsx_base as xb

HEADERS = ("月份", "序号", "姓名", "所在党小组", "入党日期", "政治生日", "入党年限", "党龄", "纪念节点", "开展情况")
WIDTHS = (7, 6, 10, 12, 12, 12, 9, 7, 14, 30)
CENTRE = (1, 2, 5, 6, 7, 8, 9)
MILESTONE_FONT = Font(name=xb.FONT_NAME, size=11, bold=True, color="C00000")


def write_birthdays(out: Path, branch_name: str, year: int, birthdays: Sequence, fifty: Sequence,
                    today: date, newly_eligible: Collection[int] = ()) -> Path:
    """`birthdays`: Birthday rows in date order; `fifty`: the 光荣在党50年 list of the year, with the ids of
    those who become eligible in it (`newly_eligible`); the others were eligible before."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"{year}年政治生日"
    row = xb.title_and_header(ws, f"{branch_name}{year}年党员政治生日一览表",
                              f"共 {len(birthdays)} 人，制表日期：{cn(today)}", HEADERS, WIDTHS)
    first = row
    for month in range(1, 13):
        in_month = [b for b in birthdays if b.day.month == month]
        if not in_month:
            continue
        start = row
        for i, b in enumerate(in_month, start=1):
            values = (f"{month}月", i, b.name, b.group, b.joined_on, b.day, f"{b.years}年",
                      f"{b.party_age}年" if b.full_member_on else "预备期", b.milestone_text, "、".join(b.observances))
            for c, v in enumerate(values, start=1):
                xb.put(ws.cell(row, c), v)
            row += 1
        if row - start > 1:
            ws.merge_cells(start_row=start, start_column=1, end_row=row - 1, end_column=1)
    last = row - 1
    if last >= first:
        xb.style_body(ws, first, last, len(HEADERS), CENTRE)
        for r in range(first, last + 1):
            if ws.cell(r, 9).value:
                ws.cell(r, 9).font = MILESTONE_FONT
    else:
        xb.put(ws.cell(first, 1), f"{year}年没有党员过政治生日。")
        ws.merge_cells(start_row=first, start_column=1, end_row=first, end_column=len(HEADERS))
    xb.print_setup(ws, landscape=False, header_rows="3:3")

    ws2 = wb.create_sheet("光荣在党50年")
    headers2 = ("序号", "姓名", "所在党小组", "入党日期", "转正日期", f"截至{year}年7月1日党龄", "资格", "纪念章")
    new = sum(1 for b in fifty if b.member_id in newly_eligible)
    awarded = sum(1 for b in fifty if getattr(b, "medal_on", None))
    r2 = xb.title_and_header(ws2, f"{branch_name}{year}年“光荣在党50年”纪念章颁发对象",
                             f"依据：转正日期在{year - 50}年7月1日及以前的在世党员；共{len(fifty)}人，其中本年新获资格"
                             f"{new}人，已颁发{awarded}人", headers2, (6, 10, 12, 12, 12, 16, 14, 22))
    for i, b in enumerate(fifty, start=1):
        age = (year - b.full_member_on.year) - (1 if (b.full_member_on.month, b.full_member_on.day) > (7, 1) else 0)
        medal = getattr(b, "medal_on", None)
        values = (i, b.name, b.group, b.joined_on, b.full_member_on, f"{age}年",
                  "本年新获资格" if b.member_id in newly_eligible else "往年已具备",
                  f"已颁发（{cn(medal)}）" if medal else "未颁发")
        for c, v in enumerate(values, start=1):
            xb.put(ws2.cell(r2 + i - 1, c), v)
    if fifty:
        xb.style_body(ws2, r2, r2 + len(fifty) - 1, len(headers2), (1, 4, 5, 6, 7))
    else:
        xb.put(ws2.cell(r2, 1), "本年度没有符合条件的党员。")
        ws2.merge_cells(start_row=r2, start_column=1, end_row=r2, end_column=len(headers2))
        ws2.cell(r2, 1).alignment = Alignment(horizontal="center")
    xb.print_setup(ws2, landscape=False, header_rows="3:3")
    return xb.save(wb, out)
