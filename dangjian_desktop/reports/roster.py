"""党员花名册 (.xlsx) as an upper level expects it; write-only so 10,000 members export fast."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dangjian_desktop.core import idcard
from dangjian_desktop.core.dates import cn
from dangjian_desktop.reports import xlsx_base as xb

HEADERS = ("序号", "姓名", "性别", "民族", "出生日期", "籍贯", "公民身份号码", "学历", "人员类别",
           "工作单位及职务", "入党日期", "转正日期", "党龄", "党内职务", "所在党小组", "联系电话", "党员状态", "备注")
WIDTHS = (6, 10, 5, 7, 12, 12, 21, 9, 10, 24, 12, 12, 6, 10, 12, 14, 10, 14)
CENTRE = (1, 3, 4, 5, 11, 12, 13, 17)


def write_roster(out: Path, branch_name: str, members: Sequence, today: date, *, mask: bool = False,
                 progress: Callable[[int, int, str], None] | None = None) -> Path:
    """One row per member (MemberInfo-like objects), in the order given."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("党员花名册")
    n = len(HEADERS)
    for i, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A4"
    _print_setup(ws)  # before any row: a write-only sheet writes its properties with the first row
    body = xb.BodyRows(ws, CENTRE)  # the 10,000 body rows without a Cell object per value
    title = xb.write_only_cell(ws, f"{branch_name}党员花名册", font=xb.TITLE_FONT, align=xb.CENTER, border=None)
    ws.append([title])
    sub = xb.write_only_cell(ws, f"截至{cn(today)}，共 {len(members)} 人" + ("（已隐去身份证号和电话号码的中间几位）" if mask else ""),
                             align=Alignment(horizontal="right"), border=None)
    ws.append([sub])
    ws.append([xb.write_only_cell(ws, h, font=xb.HEADER_FONT, align=xb.CENTER, fill=xb.HEADER_FILL) for h in HEADERS])
    ws.merged_cells.add(f"A1:{get_column_letter(n)}1")
    ws.merged_cells.add(f"A2:{get_column_letter(n)}2")
    total = len(members)
    for i, m in enumerate(members, start=1):
        number = m.id_number or ""
        phone = m.phone or ""
        if mask:
            number, phone = idcard.mask(number), idcard.mask_phone(phone)
        body.append((
            i, m.name, m.gender.label if m.gender else "", m.ethnicity, m.birth_date, m.native_place, number,
            m.education, m.category, m.work_unit, m.joined_on, m.full_member_on,
            m.party_age(today) if m.full_member_on else "", m.party_post, m.group, phone,
            m.status.label, m.notes,
        ))
        if progress and i % 500 == 0:
            progress(i, total, f"已写入 {i} 人，共 {total} 人")
    return xb.save(wb, out)


def _print_setup(ws) -> None:
    """xlsx_base.print_setup for a write-only sheet (which lacks the PAPERSIZE_* constants)."""
    ws.PAPERSIZE_A4 = Worksheet.PAPERSIZE_A4
    xb.print_setup(ws, landscape=True, header_rows="3:3")
