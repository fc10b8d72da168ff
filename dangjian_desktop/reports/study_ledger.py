"""学时台账 (.xlsx): one row per member (hours by kind, total against the target, below target marked) and a
second sheet with every session; A4 landscape, printable. Takes plain data (services.study.StudyYear).

Written with XlsxWriter's constant-memory mode like the 党费 ledger (reports/dues_ledger.py), the body rows
through reports.xlsx_rows.Rows: a huge branch's year (500 members, 13,000 sessions) is written in a fraction
of a second, where openpyxl's cell objects took seconds of CPU (tens of seconds on a busy PC; bench:
study-ledger).
The cells follow xlsx_base's rules: text stays text (text starting with = + - @ gets a quote prefix,
never a formula), dates with DATE_FORMAT, borders, 宋体; rows of wrapped text are sized for Excel and WPS.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Callable

import xlsxwriter
from xlsxwriter.utility import _datetime_to_excel_datetime

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import StudyKind
from dangjian_desktop.files import atomic_target
from dangjian_desktop.reports import xlsx_base as x
from dangjian_desktop.reports.xlsx_rows import PlainRows, Rows

KINDS = tuple(StudyKind)
SUMMARY_HEADERS = ("序号", "姓名", "党小组", "身份", *(k.label for k in KINDS), "合计", "应达", "完成情况")
SUMMARY_WIDTHS = (6, 10, 12, 11, 10, 8, 10, 10, 9, 9, 24)
DETAIL_HEADERS = ("序号", "日期", "姓名", "学习形式", "学时", "主题 / 课程", "来源")
DETAIL_WIDTHS = (6, 12, 10, 10, 7, 44, 22)
RED = "#B00020"  # the font of a member below target, on xlsx_base.RED_FILL
FILL = "#" + x.RED_FILL.fgColor.rgb[-6:]
LINE_HEIGHT = 15  # points a wrapped line takes (宋体 11)
PADDING = 5 / 7  # Excel's column padding, in widths of a digit (5 of 7 pixels)


def _number(value):
    """Hours as a number cell (2, 1.5), so the sheet sums them."""
    return int(value) if value == int(value) else float(value)


class _Sheet:
    """One sheet as xlsx_base lays it out: merged title and subtitle, a frozen header repeated on every
    printed page, bordered body cells in 宋体, A4 landscape one page wide."""

    def __init__(self, wb, name: str, headers, widths, title: str, subtitle: str, *, subtitle_left: bool) -> None:
        self.wb, self.ws, self.widths = wb, wb.add_worksheet(name), widths
        ws, n = self.ws, len(headers)
        font = {"font_name": x.FONT_NAME, "font_size": 11}
        for c, w in enumerate(widths):
            # the widths as openpyxl stored them (XlsxWriter adds Excel's 5-pixel padding to what it is given):
            # the sheet prints as it did, page for page
            ws.set_column(c, c, w - PADDING)
        ws.freeze_panes(3, 0)
        ws.set_paper(9)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(2)
        ws.center_horizontally()
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.8)  # room below the table for the page number
        ws.set_header("", {"margin": 0.3})
        # a sheet shrunk to fit keeps a readable, whole page number
        ws.set_footer("&C&10第 &P 页，共 &N 页", {"margin": 0.3, "scale_with_doc": False})
        ws.set_row(0, 30)
        ws.merge_range(0, 0, 0, n - 1, title, wb.add_format(
            {"font_name": "黑体", "font_size": 16, "bold": True, "align": "center", "valign": "vcenter",
             "text_wrap": True}))
        if subtitle_left:  # a long subtitle: wrapped over two lines
            ws.set_row(1, 30)
            sub = wb.add_format({**font, "align": "left", "valign": "vcenter", "text_wrap": True})
        else:
            sub = wb.add_format({**font, "align": "right"})
        ws.merge_range(1, 0, 1, n - 1, subtitle, sub)
        ws.set_row(2, 30)
        head = wb.add_format({**font, "bold": True, "border": 1, "align": "center", "valign": "vcenter",
                              "text_wrap": True, "bg_color": "#F2F2F2", "pattern": 1})
        for c, h in enumerate(headers):
            ws.write_string(2, c, h, head)
        self.font = font

    def body(self, centre: bool, **extra):
        return self.wb.add_format({**self.font, "border": 1, "valign": "vcenter", "text_wrap": True,
                                   "align": "center" if centre else "left", **extra})

    def rows(self, fast: bool):
        """The body from the fourth row on: reports.xlsx_rows.Rows, or cell by cell (the reference)."""
        self.body_rows = Rows(self.ws, 3, len(self.widths)) if fast else PlainRows(self.ws, 3)
        return self.body_rows

    def row(self, values, formats, quoted, wrapped=()) -> None:
        """One body row; `wrapped`: the columns whose text may need more than one line."""
        needed = max((x.wrapped_lines(values[c], self.widths[c]) for c in wrapped), default=1)
        cells, styles = [], []
        for c, v in enumerate(values):
            kind = type(v)
            if kind is str:
                cells.append(v or None)  # an empty text: a blank cell with its borders
                styles.append(quoted[c] if v.startswith(x.FORMULA_STARTS) else formats[c])
            elif kind is date or kind is datetime:
                cells.append(_datetime_to_excel_datetime(datetime(v.year, v.month, v.day), False, False))
                styles.append(formats[c])
            elif v is None or kind is int or kind is float:
                cells.append(v)
                styles.append(formats[c])
            else:
                cells.append(str(v))
                styles.append(formats[c])
        # Excel and WPS do not grow a row for wrapped text written by a program: sized here
        self.body_rows.add(cells, styles, LINE_HEIGHT * needed if needed > 1 else None)


def write_study_ledger(out: Path, view, *, progress: Callable[[int, int, str], None] | None = None,
                       fast: bool = True) -> Path:
    """The 学时台账 of one branch and year (a StudyYear-like object), written atomically. `fast`: the body
    rows through reports.xlsx_rows.Rows (False: cell by cell, the reference the tests compare it with)."""
    out = Path(out)
    with atomic_target(out, ".xlsx") as tmp:
        # write_string never makes a formula, a number or a link of text; these options say so for write()
        wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False,
                                            "strings_to_numbers": False, "strings_to_urls": False})
        _summary(wb, view, progress, fast)
        _sessions(wb, view, fast)
        wb.close()
    return out


def _summary(wb, view, progress, fast: bool) -> None:
    below = [r for r in view.rows if r.below]
    subtitle = (f"截至{cn(view.as_of)}，共 {len(view.rows)} 人，未达标 {len(below)} 人（单位：学时）。"
                f"{view.settings_text()}。")
    sheet = _Sheet(wb, "学时汇总", SUMMARY_HEADERS, SUMMARY_WIDTHS, f"{view.branch}{view.year}年党员学习学时台账",
                   subtitle, subtitle_left=True)
    n = len(SUMMARY_HEADERS)
    plain = [sheet.body(True)] * n
    quoted = [sheet.body(True, quote_prefix=True)] * n
    # below target: the total and the status in red, the status on the red fill
    red, red_fill = sheet.body(True, font_color=RED, bold=True), sheet.body(True, font_color=RED, bold=True,
                                                                             bg_color=FILL, pattern=1)
    marked = list(plain)
    marked[n - 3], marked[n - 1] = red, red_fill
    red_q, red_fill_q = (sheet.body(True, font_color=RED, bold=True, quote_prefix=True),
                         sheet.body(True, font_color=RED, bold=True, bg_color=FILL, pattern=1, quote_prefix=True))
    marked_q = list(quoted)
    marked_q[n - 3], marked_q[n - 1] = red_q, red_fill_q
    total = len(view.rows)
    body = sheet.rows(fast)
    for i, r in enumerate(view.rows, start=1):
        values = (i, r.name, r.group, "书记、支委" if r.leader else "党员",
                  *(_number(r.by_kind[k]) for k in KINDS), _number(r.total), _number(r.target),
                  r.status_text + (f"（{r.joined_on.month}月入党，按月折算）" if r.joined_on else ""))
        sheet.row(values, marked if r.below else plain, marked_q if r.below else quoted, wrapped=(n - 1,))
        if progress and i % 500 == 0:
            progress(i, total, f"已写入 {i} 人，共 {total} 人")
    sheet.ws.write_string(body.close() + 1, 0, f"制表人（签字）：                    支部书记（签字）：                    "
                                            f"制表日期：{cn(view.as_of)}", wb.add_format(sheet.font))


def _sessions(wb, view, fast: bool) -> None:
    order = {r.member_id: i for i, r in enumerate(view.rows)}  # member by member, as the first sheet lists them
    entries = sorted(view.entries, key=lambda e: (order.get(e.member_id, len(order)), e.member, e.studied_on))
    sheet = _Sheet(wb, "学习记录", DETAIL_HEADERS, DETAIL_WIDTHS, f"{view.branch}{view.year}年党员学习记录",
                   f"截至{cn(view.as_of)}，共 {len(entries)} 条，按人排列（党课、主题党日按三会一课出席记录计入）",
                   subtitle_left=False)
    centre = (True,) * 5 + (False,) * 2
    formats = [sheet.body(c) for c in centre]
    formats[1] = sheet.body(True, num_format=x.DATE_FORMAT)
    quoted = [sheet.body(c, quote_prefix=True) for c in centre]
    labels = {k: k.label for k in StudyKind}
    body = sheet.rows(fast)
    for i, e in enumerate(entries, start=1):
        sheet.row((i, e.studied_on, e.member, labels[e.kind], _number(e.hours), e.topic, e.source),
                  formats, quoted, wrapped=(5, 6))
    body.close()
