"""组织生活会整改台账 (.xlsx): one row per 整改 item (问题, 措施, 责任人, 时限, 来源, 完成情况, 销号), A4
landscape. Takes plain data (services.rectification.RectificationLedger), never the database."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from dangjian_desktop.core import rectification as core
from dangjian_desktop.core.dates import cn
from dangjian_desktop.reports import xlsx_base as x

HEADERS = ("序号", "查摆出的问题", "整改措施", "责任人", "提出日期", "整改时限", "来源", "状态", "销号日期", "完成情况及佐证")
WIDTHS = (6, 34, 34, 12, 12, 12, 22, 10, 12, 34)
_TEXT_COLUMNS = (2, 3, 7, 10)  # wrapped: the row grows to hold them


def write_rectification_ledger(out: Path, ledger) -> Path:
    """The ledger of one branch (all items, or one year's as on its last day), written atomically."""
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    states = [core.state(i.deadline, i.closed_on, ledger.as_of, ledger.due_days) for i in ledger.items]
    closed = sum(1 for s in states if s == core.CLOSED)
    overdue = sum(1 for s in states if s == core.OVERDUE)
    title = f"{ledger.branch}{f'{ledger.year}年' if ledger.year else ''}组织生活会整改台账"
    subtitle = (f"截至{cn(ledger.as_of)}，共{len(ledger.items)}项，已销号{closed}项，未销号{len(ledger.items) - closed}项"
                + (f"（其中已逾期{overdue}项）" if overdue else ""))
    first = x.title_and_header(ws, title, subtitle, HEADERS, WIDTHS)
    for k, (item, state) in enumerate(zip(ledger.items, states), start=1):
        n = first + k - 1
        evidence = item.closing_note
        if item.attachments:
            evidence = f"{evidence}（附件{item.attachments}份）" if evidence else f"附件{item.attachments}份"
        values = (k, item.problem, item.measure, item.owner, item.raised_on, item.deadline, item.meeting or "",
                  core.STATE_LABELS[state], item.closed_on, evidence if state == core.CLOSED else "")
        for c, v in enumerate(values, start=1):
            x.put(ws.cell(n, c), v)
        lines = max(x.wrapped_lines(values[c - 1], WIDTHS[c - 1]) for c in _TEXT_COLUMNS)
        ws.row_dimensions[n].height = max(20, 15 * lines + 5)
    last = first + len(ledger.items) - 1
    if ledger.items:
        x.style_body(ws, first, last, len(HEADERS), centre_columns=(1, 4, 5, 6, 8, 9))
        for n, state in zip(range(first, last + 1), states):
            if state == core.OVERDUE:
                ws.cell(n, 8).fill = x.RED_FILL
            elif state == core.DUE:
                ws.cell(n, 8).fill = x.AMBER_FILL
    ws.cell(last + 2, 1, f"支部书记（签字）：                        制表日期：{cn(ledger.as_of)}").font = x.BODY_FONT
    x.print_setup(ws)
    return x.save(wb, out)
