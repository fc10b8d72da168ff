"""党员积分 (.xlsx): the year's ranking with each item of the scheme, the monthly totals, the points
entered by hand with their reasons, and the scheme itself; A4 landscape, printable.

Takes plain data (services.points.PointsYear), never the database.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from dangjian_desktop.core.dates import cn
from dangjian_desktop.reports import xlsx_base as xb

RED = Font(name=xb.FONT_NAME, size=11, color="B00020")
BOLD = Font(name=xb.FONT_NAME, size=11, bold=True)


def _points(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    d = Decimal(value)
    return int(d) if d == d.to_integral_value() else float(d)


def _text(value: Decimal | None, signed: bool = False) -> str:
    if value is None:
        return ""
    d = Decimal(value)
    text = f"{d:.0f}" if d == d.to_integral_value() else f"{d.normalize():f}"
    return f"+{text}" if signed and d > 0 else text


def write_points(out: Path, year_points) -> Path:
    """The workbook for one branch and year (a PointsYear-like object), written atomically."""
    p = year_points
    wb = Workbook()
    _ranking(wb.active, p)
    _months(wb.create_sheet("月度积分"), p)
    _entries(wb.create_sheet("加减分明细"), p)
    _scheme(wb.create_sheet("积分规则"), p)
    return xb.save(wb, Path(out))


def _ranking(ws, p) -> None:
    ws.title = "积分排名"
    items = [i.name for i in p.items]
    headers = ["名次", "姓名", "党小组", *items, "合计"]
    widths = [6, 10, 10, *[max(8.0, len(n) * 2 + 1.5) for n in items], 8]
    first = xb.title_and_header(ws, f"{p.branch}{p.year}年党员积分排名",
                                f"截至{cn(p.as_of)}，共 {len(p.rows)} 人（各项已按年度上限计分，空白为 0 分；规则见“积分规则”表）", headers, widths)
    r = first
    for row in p.rows:
        values = [row.rank, row.name, row.group, *[_points(v) if v else None for v in row.by_item], _points(row.total)]
        for c, v in enumerate(values, start=1):
            xb.put(ws.cell(r, c), v)
        r += 1
    xb.style_body(ws, first, r - 1, len(headers), centre_columns=range(1, len(headers) + 1))
    for row_cells in ws.iter_rows(min_row=first, max_row=r - 1, min_col=4, max_col=len(headers)):
        for cell in row_cells:
            if isinstance(cell.value, (int, float)) and cell.value < 0:
                cell.font = RED
    for cell in ws.iter_cols(min_col=len(headers), max_col=len(headers), min_row=first, max_row=r - 1):
        for c in cell:
            c.font = BOLD
    ws.cell(r + 1, 1, f"支部书记（签字）：                    制表日期：{cn(p.as_of)}").font = xb.BODY_FONT
    xb.print_setup(ws)


def _months(ws, p) -> None:
    headers = ["姓名", "党小组", *(f"{m}月" for m in range(1, 13)), "全年"]
    widths = [10, 10, *([6.5] * 12), 8]
    first = xb.title_and_header(ws, f"{p.branch}{p.year}年党员积分（按月）", f"截至{cn(p.as_of)}（按名次排列）",
                                headers, widths)
    r = first
    for row in p.rows:
        values = [row.name, row.group, *[_points(v) if v else None for v in row.by_month], _points(row.total)]
        for c, v in enumerate(values, start=1):
            xb.put(ws.cell(r, c), v)
        r += 1
    totals = [sum((row.by_month[i] for row in p.rows), Decimal(0)) for i in range(12)]
    for c, v in enumerate(["合计", "", *[_points(t) for t in totals], _points(sum(totals, Decimal(0)))], start=1):
        xb.put(ws.cell(r, c), v)
    xb.style_body(ws, first, r, len(headers), centre_columns=range(1, len(headers) + 1))
    for cell in ws[r]:
        cell.font = BOLD
    xb.print_setup(ws)


def _entries(ws, p) -> None:
    headers = ["日期", "姓名", "项目", "分值", "事由"]
    widths = [12, 10, 14, 7, 60]
    first = xb.title_and_header(ws, f"{p.branch}{p.year}年手工加减分明细", f"截至{cn(p.as_of)}，共 {len(p.entries)} 条",
                                headers, widths)
    r = first
    for e in sorted(p.entries, key=lambda e: (e.awarded_on, e.id)):
        for c, v in enumerate([e.awarded_on, e.member, e.item, _text(e.points, signed=True), e.reason], start=1):
            xb.put(ws.cell(r, c), v)
        ws.row_dimensions[r].height = 15 * xb.wrapped_lines(e.reason, widths[-1])
        r += 1
    if r > first:
        xb.style_body(ws, first, r - 1, len(headers), centre_columns=(1, 2, 3, 4))
    xb.print_setup(ws)


def _scheme(ws, p) -> None:
    headers = ["项目", "计分方式", "每次分值", "年度上限"]
    widths = [16, 40, 10, 10]
    first = xb.title_and_header(ws, f"{p.branch}党员积分规则", "年度上限：每人每年该项最多计（扣）的分数",
                                headers, widths)
    r = first
    for item in p.items:
        for c, v in enumerate([item.name, item.source_text, _text(item.points, signed=True),
                               _text(item.yearly_cap) or "不设"], start=1):
            xb.put(ws.cell(r, c), v)
        r += 1
    xb.style_body(ws, first, r - 1, len(headers), centre_columns=(3, 4))
    xb.print_setup(ws, landscape=False)
