"""Spreadsheets as upper levels expect them: title row, frozen bold header, borders,
A4 print set-up with the header repeated on every page, and no cell run as a formula."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dangjian_desktop.files import atomic_target

FONT_NAME = "宋体"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name="黑体", size=16, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=11)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
DATE_FORMAT = "yyyy-mm-dd"
FORMULA_STARTS = ("=", "+", "-", "@")
RED_FILL = PatternFill("solid", fgColor="F8CBAD")
AMBER_FILL = PatternFill("solid", fgColor="FFE699")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def put(cell, value: Any) -> None:
    """Write a value so that text stays text: an ID number is never a number, and text that
    starts with =, +, - or @ is never run as a formula by Excel or WPS."""
    if isinstance(value, datetime):
        value = value.date()
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT


def title_and_header(ws: Worksheet, title: str, subtitle: str, headers: Sequence[str],
                     widths: Sequence[float]) -> int:
    """Title row (merged across the table), a subtitle row, then the header; returns the first data row."""
    n = len(headers)
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(1, 1).font = TITLE_FONT
    ws.cell(1, 1).alignment = CENTER
    ws.row_dimensions[1].height = 30
    ws.append([subtitle])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    ws.cell(2, 1).font = BODY_FONT
    ws.cell(2, 1).alignment = Alignment(horizontal="right")
    ws.append(list(headers))
    for c in range(1, n + 1):
        cell = ws.cell(3, c)
        cell.font = HEADER_FONT
        cell.alignment = CENTER
        cell.border = BORDER
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(c)].width = widths[c - 1]
    ws.row_dimensions[3].height = 30
    ws.freeze_panes = "A4"
    return 4


def style_body(ws: Worksheet, first_row: int, last_row: int, ncols: int, centre_columns: Sequence[int] = ()) -> None:
    centre = set(centre_columns)
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=ncols):
        for cell in row:
            cell.font = BODY_FONT
            cell.border = BORDER
            cell.alignment = CENTER if cell.column in centre else LEFT


def print_setup(ws: Worksheet, *, landscape: bool = True, header_rows: str = "3:3") -> None:
    """A4, fit to one page wide, the header row repeated on every printed page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.8  # room below the table for the page number
    ws.page_margins.header, ws.page_margins.footer = 0.3, 0.3
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 10
    ws.HeaderFooter.scaleWithDoc = False  # a sheet shrunk to fit keeps a readable, whole page number


def wrapped_lines(value: Any, width: float) -> int:
    """How many lines a wrapped cell needs: a Chinese character is about two width units. Excel and WPS
    do not grow a row for wrapped text written by a program: the writer sizes the row with this."""
    lines = str(value or "").splitlines() or [""]
    per_line = max(int(width) - 1, 1)
    return sum(max(1, -(-sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) // per_line)) for line in lines)


def save(wb: Workbook, out: Path) -> Path:
    """Write atomically: a failure never leaves a half-written file under the user's name."""
    out = Path(out)
    with atomic_target(out, ".xlsx") as tmp:
        wb.save(tmp)
    return out
