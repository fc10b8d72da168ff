"""三会一课台账 (Excel): one row per meeting of the year, and a sheet of held vs required per type."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from dangjian_desktop.core.dates import cn
from dangjian_desktop.reports import xlsx_base as x

UNKNOWN = "未记录"  # a count the record does not give


@dataclass(frozen=True)
class LedgerRow:
    """One meeting as the 台账 lists it; labels prepared by the services; None: count not recorded."""

    held_on: date
    type_label: str
    title: str
    host: str
    recorder: str
    expected: int | None
    present: int | None
    absent_text: str
    state: str


@dataclass(frozen=True)
class CountLine:
    """Held against required for one type (or one 党小组) in the year."""

    label: str
    frequency: str
    required: int
    held: int
    status: str  # 完成 / 缺1次 …
    missing: bool = False
    pending: bool = False


LEDGER_HEADERS = ("序号", "日期", "类型", "主题", "主持人", "记录人", "应到", "实到", "缺席及原因", "状态")
LEDGER_WIDTHS = (6, 12, 22, 34, 10, 10, 7, 7, 40, 8)
COUNT_HEADERS = ("类型", "要求", "全年应开", "已开", "完成情况")
COUNT_WIDTHS = (26, 28, 10, 10, 14)


def write_meetings_ledger(branch_name: str, year: int, rows: list[LedgerRow], counts: list[CountLine], out: Path,
                          as_of: date) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "三会一课台账"
    first = x.title_and_header(ws, f"{branch_name}{year}年“三会一课”台账", f"截至{cn(as_of)}，共{len(rows)}次",
                               LEDGER_HEADERS, LEDGER_WIDTHS)
    for i, r in enumerate(sorted(rows, key=lambda r: r.held_on), start=1):
        n = first + i - 1
        values = (i, r.held_on, r.type_label, r.title, r.host, r.recorder,
                  UNKNOWN if r.expected is None else r.expected, UNKNOWN if r.present is None else r.present,
                  r.absent_text or ("出席情况未记录" if r.present is None else "无"), r.state)
        for c, value in enumerate(values, start=1):
            x.put(ws.cell(n, c), value)
    last = first + len(rows) - 1
    if rows:
        x.style_body(ws, first, last, len(LEDGER_HEADERS), centre_columns=(1, 2, 5, 6, 7, 8, 10))
        # Excel and WPS do not grow a row for wrapped text written by a program: size it here
        for n in range(first, last + 1):
            needed = max(x.wrapped_lines(ws.cell(n, c).value, LEDGER_WIDTHS[c - 1]) for c in (3, 4, 9))
            if needed > 1:
                ws.row_dimensions[n].height = 15 * needed
    x.print_setup(ws)

    ws2 = wb.create_sheet("完成情况")
    first2 = x.title_and_header(ws2, f"{branch_name}{year}年组织生活完成情况", f"截至{cn(as_of)}（按本支部执行的规则）",
                                COUNT_HEADERS, COUNT_WIDTHS)
    n = first2
    for line in counts:
        for col, value in enumerate((line.label, line.frequency, line.required, line.held, line.status), start=1):
            x.put(ws2.cell(n, col), value)
        n += 1
    x.style_body(ws2, first2, n - 1, len(COUNT_HEADERS), centre_columns=(3, 4, 5))
    for r, line in enumerate(counts, start=first2):
        if line.missing:
            ws2.cell(r, 5).fill = x.RED_FILL
        elif line.pending:
            ws2.cell(r, 5).fill = x.AMBER_FILL
    x.print_setup(ws2, landscape=False)
    return x.save(wb, out)
