"""民主评议党员结果表 (.xlsx): per member the 民主测评 votes for each grade, the outcome, and the 处置 of a
不合格; one sheet per 民主评议, A4 landscape, printable. Takes plain data (services.appraisals.AppraisalSheet).

The columns are one list (`COLUMNS`): a column more (the year's 积分 total, say) is one entry more.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from dangjian_desktop.core.dates import cn
from dangjian_desktop.files import atomic_target
from dangjian_desktop.reports import xlsx_base as xb

# (header, width, value of a line): the line is a services.appraisals.AppraisalLine-like object
COLUMNS: tuple[tuple[str, float, Callable[[Any], Any]], ...] = (
    ("姓名", 10, lambda line: line.name),
    ("党小组", 12, lambda line: line.group),
    ("优秀票", 7, lambda line: line.votes.excellent),
    ("合格票", 7, lambda line: line.votes.qualified),
    ("基本合格票", 7, lambda line: line.votes.basic),
    ("不合格票", 7, lambda line: line.votes.unqualified),
    ("年度积分", 8, lambda line: _number(line.points)),  # the year's 党员积分 (services.appraisals.points_year)
    ("评定等次", 10, lambda line: line.outcome.label if line.outcome else "未评定"),
    ("不合格党员处置情况", 34, lambda line: line.disposal_text),
    ("备注", 18, lambda line: line.note),
)
def _number(value: Any) -> int | float | None:
    """A points total as a number a cell keeps and a person reads: 44, or 44.5."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


RED = Font(name=xb.FONT_NAME, size=11, bold=True, color="B00020")


def _height(values: list, widths: list[float]) -> float:
    """A row tall enough for its wrapped text (a CJK character is about two width units): Excel and WPS do not
    grow rows written by openpyxl on their own."""
    lines = 1
    for value, width in zip(values, widths):
        if isinstance(value, str) and value:
            per_line = max(1, int((width - 1) // 2))
            lines = max(lines, -(-len(value) // per_line))
    return 18 * lines + 2


def _sheet_name(used: set[str], text: str) -> str:
    name = "".join(ch for ch in text if ch not in "[]:*?/\\")[:28] or "民主评议"
    base, k = name, 2
    while name in used:
        name = f"{base[:26]}{k}"
        k += 1
    used.add(name)
    return name


def write_appraisal_table(out: Path, sheets: Sequence[Any], *, branch: str = "", year: int | None = None,
                          columns=COLUMNS, progress: Callable[[int, int, str], None] | None = None) -> Path:
    """The result table of each 民主评议 in `sheets` (AppraisalSheet-like), written atomically; with none, one
    sheet that says the year (of `branch`) has no 民主评议 record."""
    out = Path(out)
    with atomic_target(out, ".xlsx") as tmp:
        wb = Workbook()
        if not sheets:
            ws = wb.active
            ws.title = "民主评议"
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns) + 1)
            title = ws.cell(1, 1, f"{branch}{year or ''}年民主评议党员结果表")
            title.font, title.alignment = xb.TITLE_FONT, xb.CENTER
            ws.row_dimensions[1].height = 30
            ws.cell(2, 1, f"{year or ''}年还没有民主评议党员的记录。").font = xb.BODY_FONT
            wb.save(tmp)
            return out
        wb.remove(wb.active)
        used: set[str] = set()
        for k, sh in enumerate(sheets, start=1):
            meeting = sh.meeting
            ws = wb.create_sheet(_sheet_name(used, f"{meeting.held_on:%Y年%m月%d日}民主评议"))
            headers = ["序号", *(c[0] for c in columns)]
            n = len(headers)
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
            title = ws.cell(1, 1, f"{sh.branch}{meeting.held_on.year}年民主评议党员结果表")
            title.font, title.alignment = xb.TITLE_FONT, xb.CENTER
            ws.row_dimensions[1].height = 30
            ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
            present = f"，实到{meeting.present}人" if meeting.present is not None else ""
            sub = ws.cell(2, 1, f"评议日期：{cn(meeting.held_on)}（{meeting.title}）{present}。{sh.summary}")
            sub.font, sub.alignment = xb.BODY_FONT, Alignment(horizontal="left", vertical="center", wrap_text=True)
            ws.row_dimensions[2].height = 32
            ws.row_dimensions[3].height = 32  # 基本合格票 takes two lines
            for c, h in enumerate(headers, start=1):
                cell = ws.cell(3, c, h)
                cell.font, cell.fill, cell.border, cell.alignment = xb.HEADER_FONT, xb.HEADER_FILL, xb.BORDER, xb.CENTER
            ws.column_dimensions["A"].width = 5
            for c, (_h, width, _get) in enumerate(columns, start=2):
                ws.column_dimensions[get_column_letter(c)].width = width
            for i, line in enumerate(sh.lines, start=1):
                row = 3 + i
                values = [i, *(get(line) for _h, _w, get in columns)]
                for c, value in enumerate(values, start=1):
                    cell = ws.cell(row, c)
                    xb.put(cell, value if value not in ("",) else None)
                    cell.font, cell.border = xb.BODY_FONT, xb.BORDER
                    cell.alignment = xb.LEFT if headers[c - 1] in ("不合格党员处置情况", "备注") else xb.CENTER
                ws.row_dimensions[row].height = _height(values, [5, *(w for _h, w, _g in columns)])
                if line.outcome is not None and line.outcome.value == "unqualified":
                    ws.cell(row, headers.index("评定等次") + 1).font = RED
            end = 4 + len(sh.lines) + 1
            ws.cell(end, 1, "支部书记（签字）：                              制表日期：").font = xb.BODY_FONT
            ws.freeze_panes = "C4"
            ws.print_title_rows = "3:3"
            ws.page_setup.paperSize = ws.PAPERSIZE_A4
            ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
            ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
            ws.sheet_properties.pageSetUpPr.fitToPage = True
            ws.print_options.horizontalCentered = True
            ws.oddFooter.center.text = "第 &P 页，共 &N 页"
            if progress:
                progress(k, len(sheets), f"已写入 {k} 次评议，共 {len(sheets)} 次")
        wb.save(tmp)
    return out
