"""党费收缴台账 (.xlsx): member × month, 应缴 above 实缴, year totals; A4 landscape, printable.

Written with XlsxWriter's constant-memory mode like the roster (reports/roster.py): each row goes to
the file as it is written. A member takes two rows (应缴, 实缴) under one name; since constant-memory
rows cannot be merged after they are written, the name cells of the two rows are drawn as one by
their borders. Takes plain data (services.dues.DuesLedger), never the database.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Callable

import xlsxwriter

from dangjian_desktop.core.dates import cn
from dangjian_desktop.files import atomic_target
from dangjian_desktop.reports import xlsx_base as xb
from dangjian_desktop.reports.xlsx_rows import PlainRows, Rows

FIXED = ("序号", "姓名", "党小组", "项目")
MONTHS = tuple(f"{m}月" for m in range(1, 13))
TAIL = ("全年合计", "备注")
WIDTHS = (5, 9, 9, 5) + (7.2,) * 12 + (9.5, 17)


def write_dues_ledger(out: Path, ledger, *, progress: Callable[[int, int, str], None] | None = None,
                      fast: bool = True) -> Path:
    """The ledger of one branch and year (a DuesLedger-like object), written atomically. `fast`: the body
    rows through reports.xlsx_rows.Rows (False: cell by cell, the reference the tests compare it with)."""
    out = Path(out)
    year, as_of = ledger.year, ledger.as_of
    current = (as_of.year, as_of.month)
    with atomic_target(out, ".xlsx") as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False,
                                            "strings_to_numbers": False, "strings_to_urls": False})
        ws = wb.add_worksheet("党费收缴台账")
        font = {"font_name": xb.FONT_NAME, "font_size": 10}
        title = wb.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "align": "center",
                               "valign": "vcenter"})
        sub = wb.add_format({**font, "align": "right", "valign": "vcenter"})
        head = wb.add_format({**font, "border": 1, "bold": True, "align": "center", "valign": "vcenter",
                              "text_wrap": True, "bg_color": "#F2F2F2", "pattern": 1})

        def fmt(**extra):
            return wb.add_format({**font, "border": 1, "valign": "vcenter", "align": "center", **extra})

        # the two rows of one member: the first has no bottom line in the shared cells, the second no top
        upper = {"name": fmt(bottom=0), "text": fmt(), "money": fmt(num_format="0.00"), "left": fmt(align="left")}
        lower = {"name": fmt(top=0), "text": fmt(), "money": fmt(num_format="0.00"), "left": fmt(align="left"),
                 "unpaid": fmt(font_color="#B00020", bold=True), "short": fmt(num_format="0.00", font_color="#B00020"),
                 "exempt": fmt(font_color="#2E7D32")}
        total = {"text": fmt(bold=True), "money": fmt(bold=True, num_format="0.00")}

        n = len(FIXED) + len(MONTHS) + len(TAIL)
        for i, w in enumerate(WIDTHS):
            ws.set_column(i, i, w)
        ws.freeze_panes(3, 2)
        ws.set_paper(9)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(2)
        ws.center_horizontally()
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.7)
        ws.set_footer("&C第 &P 页，共 &N 页")
        ws.set_row(0, 30)
        ws.merge_range(0, 0, 0, n - 1, f"{ledger.branch}{year}年党费收缴台账", title)
        people = len(ledger.rows)
        ws.merge_range(1, 0, 1, n - 1, f"截至{cn(as_of)}，共 {people} 人；应缴 {ledger.due_total:.2f} 元，"
                       f"实缴 {ledger.paid_total:.2f} 元（单位：元）", sub)
        ws.set_row(2, 22)
        for c, h in enumerate(FIXED + MONTHS + TAIL):
            ws.write_string(2, c, h, head)

        def month_state(i: int) -> str:
            ym = (year, i + 1)
            return "over" if ym < current else "current" if ym == current else "future"

        states = [month_state(i) for i in range(12)]
        first_month = len(FIXED)
        body = Rows(ws, 3, n) if fast else PlainRows(ws, 3)
        up_fmt = [upper["name"]] * 3 + [upper["text"]] + [None] * 12 + [upper["money"], upper["left"]]
        lo_head = [lower["name"]] * 3 + [lower["text"]]
        for k, r in enumerate(ledger.rows, start=1):
            # 应缴
            values: list = [k, r.name or None, r.group or None, "应缴"]
            formats = list(up_fmt)
            for i, cell in enumerate(r.months):
                if cell is None or cell[0] is None:
                    values.append(None)
                    formats[first_month + i] = upper["text"]
                else:
                    values.append(float(cell[0]))
                    formats[first_month + i] = upper["money"]
            values += [float(r.due_total), _short(r.basis_text) or None]
            body.add(values, formats)
            # 实缴
            values = [None, None, None, "实缴"]
            formats = list(lo_head)
            for i, cell in enumerate(r.months):
                if cell is None:
                    values.append(None)
                    formats.append(lower["text"])
                    continue
                due, paid, how = cell
                if how == "免缴":
                    values.append("免缴")
                    formats.append(lower["exempt"])
                elif how:
                    short = due is not None and paid is not None and paid < due
                    values.append(float(paid or Decimal(0)))
                    formats.append(lower["short" if short else "money"])
                elif states[i] == "over":
                    values.append("未交")
                    formats.append(lower["unpaid"])
                else:
                    values.append(None)
                    formats.append(lower["text"])
            # the approval of a 免缴 and the months of 补缴 stay beside them (and come back when the sheet is imported)
            note = "；".join(t for t in (r.exempt_notes, getattr(r, "makeup_notes", ""), f"未交 {r.unpaid_months} 个月" if r.unpaid_months else "") if t)
            values += [float(r.paid_total), note or None]
            formats += [lower["money"], lower["unpaid"] if r.unpaid_months else lower["left"]]
            body.add(values, formats)
            if progress and k % 500 == 0:
                progress(k, people, f"已写入 {k} 人，共 {people} 人")
        row = body.close()
        for label, values, grand in (("应缴", ledger.due_by_month, ledger.due_total),
                                     ("实缴", ledger.paid_by_month, ledger.paid_total)):
            ws.write_string(row, 0, "", total["text"])
            ws.write_string(row, 1, "合计", total["text"])
            ws.write_string(row, 2, "", total["text"])
            ws.write_string(row, 3, label, total["text"])
            for i, v in enumerate(values):
                ws.write_number(row, first_month + i, float(v), total["money"])
            ws.write_number(row, first_month + 12, float(grand), total["money"])
            ws.write_string(row, first_month + 13, "", total["text"])
            row += 1
        row += 1
        ws.write_string(row, 0, f"收缴人（签字）：                    支部书记（签字）：                    "
                                f"制表日期：{cn(as_of)}", wb.add_format({**font}))
        wb.close()
    return out


def _short(text: str) -> str:
    """税后工资 4500.00 元 × 1% = 45.00 元 → 税后工资4500.00×1% (the amount is in the row already)."""
    head = text.split(" = ")[0]
    return head.replace(" 元", "").replace(" × ", "×").replace(" ", "")
