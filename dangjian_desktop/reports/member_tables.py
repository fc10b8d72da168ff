"""党员管理六张表 (.xlsx): 申请人登记, 党员登记, 年度新发展, 年度转正, 转入, 转出, one sheet each with its
title, frozen header, borders and A4 print set-up. Takes plain data (services.transfer_exports.MemberTables)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from dangjian_desktop.core.dates import cn
from dangjian_desktop.reports import xlsx_base as xb


def write_member_tables(out: Path, data) -> Path:
    """Every table of `data` (a MemberTables-like object) on its own sheet, written atomically. An empty
    table keeps its header and says so: a sheet upper levels expect is never missing."""
    wb = Workbook()
    wb.remove(wb.active)
    for table in data.tables:
        ws = wb.create_sheet(table.sheet)
        n = len(table.headers)
        first = xb.title_and_header(ws, table.title, f"填报单位：{data.branch}　　截至{cn(data.as_of)}　　共 {len(table.rows)} 人",
                                    table.headers, table.widths)
        rows = table.rows or [("", "本年度没有", *[""] * (n - 2))]
        for r, row in enumerate(rows, first):
            for c, value in enumerate(row, 1):
                xb.put(ws.cell(r, c), value if value is not None else "")
        last = first + len(rows) - 1
        xb.style_body(ws, first, last, n, centre_columns=[c for c, h in enumerate(table.headers, 1)
                                                          if h in ("序号", "性别", "民族") or "日期" in h])
        xb.print_setup(ws, landscape=n > 8)
    return xb.save(wb, out)
