"""Spreadsheets as upper levels expect them: title row, frozen bold header, borders,
A4 print set-up with the header repeated on every page, and no cell run as a formula."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.constants import XML_NS
from openpyxl.xml.functions import Element, SubElement

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


def write_only_cell(ws, value: Any, *, font=BODY_FONT, align=LEFT, border=BORDER, fill=None) -> WriteOnlyCell:
    """The same rules for a write-only worksheet (large exports)."""
    cell = WriteOnlyCell(ws)
    put(cell, value)
    cell.font = font
    cell.alignment = align
    cell.border = border
    if fill is not None:
        cell.fill = fill
    return cell


class BodyRows:
    """The body of a large write-only sheet: each value in a bordered BODY_FONT cell (LEFT, or
    CENTER in `centre_columns`, counted from 1), with write_only_cell's rules, written straight
    into the sheet's XML with the same elements openpyxl writes for such cells.

    openpyxl spends most of a 10,000-row export on a Cell object per value (built, copied,
    type-checked, its style looked up); here each style is registered once and a row is one
    element. Rows with anything but text, whole numbers, dates and empty cells, or with text
    that looks like a formula, go through write_only_cell as before.

    Create it after the sheet's widths, freeze panes and print set-up (openpyxl writes those
    with the first row) and before the first ws.append; other rows still go through ws.append.
    """

    def __init__(self, ws, centre_columns: Sequence[int] = ()) -> None:
        self.ws = ws
        self.centre = frozenset(centre_columns)
        self.epoch = ws.parent.epoch
        self.fast = not ws.parent.iso_dates  # iso dates are written otherwise: leave them to openpyxl
        self.letters: list[str] = []
        self.styles: dict[tuple[bool, bool], str] = {}  # (centre, is date) -> style id, registered at first use
        self.serials: dict[date, str] = {}
        self.row_idx = 0
        ws._get_writer()  # writes everything before <sheetData>
        ws._rows = self._stream()
        next(ws._rows)

    def append(self, values: Sequence[Any]) -> None:
        self.ws.append(_Body(values))

    def _stream(self):
        """WriteOnlyWorksheet._write_rows, with body rows written by _write_body."""
        ws = self.ws
        writer = ws._writer
        xf = writer.xf.send(True)
        with xf.element("sheetData"):
            try:
                while True:
                    row = yield
                    self.row_idx += 1
                    if isinstance(row, _Body):
                        if not (self.fast and self._write_body(xf, row)):
                            row = [self._cell(v, c) for c, v in enumerate(row, start=1)]
                            writer.write_row(xf, ws._values_to_row(row, self.row_idx), self.row_idx)
                    else:
                        writer.write_row(xf, ws._values_to_row(row, self.row_idx), self.row_idx)
            except GeneratorExit:
                pass
        writer.xf.send(None)

    def _cell(self, value: Any, column: int) -> WriteOnlyCell:
        return write_only_cell(self.ws, value, align=CENTER if column in self.centre else LEFT)

    def _style(self, column: int, is_date: bool) -> str:
        key = (column in self.centre, is_date)
        sid = self.styles.get(key)
        if sid is None:
            template = self._cell(date(2000, 1, 1) if is_date else "", column)
            sid = self.styles[key] = str(template.style_id)
        return sid

    def _write_body(self, xf, values: Sequence[Any]) -> bool:
        """One <row> as lxml_write_cell would write it; False (nothing written) if a value needs openpyxl."""
        r = str(self.row_idx)
        dims = self.ws.row_dimensions
        row = Element("row", {"r": r, **dict(dims[self.row_idx])} if self.row_idx in dims else {"r": r})
        letters = self.letters
        while len(letters) < len(values):
            letters.append(get_column_letter(len(letters) + 1))
        for column, value in enumerate(values, start=1):
            kind = type(value)
            if kind is datetime:
                value, kind = value.date(), date
            if kind is str:
                if value.startswith(FORMULA_STARTS):
                    return False
                value = value[:32767]
                if ILLEGAL_CHARACTERS_RE.search(value):
                    return False  # openpyxl refuses it, with its own message
                c = SubElement(row, "c", {"r": letters[column - 1] + r, "s": self._style(column, False), "t": "inlineStr"})
                if value:
                    t = SubElement(SubElement(c, "is"), "t", {f"{{{XML_NS}}}space": "preserve"} if value != value.strip() else {})
                    t.text = value
            elif kind is int:
                c = SubElement(row, "c", {"r": letters[column - 1] + r, "s": self._style(column, False), "t": "n"})
                SubElement(c, "v").text = "%.16g" % value
            elif kind is date:
                serial = self.serials.get(value)
                if serial is None:
                    serial = self.serials[value] = "%.16g" % to_excel(value, self.epoch)
                c = SubElement(row, "c", {"r": letters[column - 1] + r, "s": self._style(column, True), "t": "n"})
                SubElement(c, "v").text = serial
            elif value is None:
                SubElement(row, "c", {"r": letters[column - 1] + r, "s": self._style(column, False), "t": "n"})
            else:
                return False
        xf.write(row)
        return True


class _Body(tuple):
    """A row for BodyRows (a tuple, so WriteOnlyWorksheet.append takes it)."""


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
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def save(wb: Workbook, out: Path) -> Path:
    """Write atomically: a failure never leaves a half-written file under the user's name."""
    out = Path(out)
    with atomic_target(out, ".xlsx") as tmp:
        wb.save(tmp)
    return out
