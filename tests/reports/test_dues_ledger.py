"""党费收缴台账 (.xlsx) from plain data: two rows per member, 未交 and 免缴 in words, totals, A4 landscape."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from openpyxl import load_workbook

from dangjian_desktop.reports.dues_ledger import write_dues_ledger
from dangjian_desktop.services.dues import DuesLedger, LedgerRow

PAID = (D("45.00"), D("45.00"), "实缴")


def _ledger() -> DuesLedger:
    zhang = LedgerRow(1, "张三", "第一党小组", "税后工资 4500.00 元 × 1% = 45.00 元",
                      (PAID,) * 9 + ((D("45.00"), D("0.00"), ""), (D("45.00"), D("0.00"), ""), (None, None, "")),
                      D("495.00"), D("405.00"), 1)
    li = LedgerRow(2, "=李四", "", "学生党员：每月 0.20 元",
                   (None,) * 4 + ((D("0.20"), D("0.00"), "免缴"),) + ((D("0.20"), D("0.10"), "补缴"),) * 5
                   + ((D("0.20"), D("0.00"), ""), (None, None, "")), D("1.40"), D("0.50"), 0, "5月免缴：街道党工委批准")
    due = tuple(D("45.00") if i < 4 else D("45.20") if i < 11 else D("0") for i in range(12))
    paid = tuple(D("45.00") if i < 4 else D("45.00") if i < 9 else D("0.10") if i == 9 else D("0") for i in range(12))
    return DuesLedger("幸福社区第一党支部", 2026, date(2026, 11, 23), [zhang, li], due, paid)


def test_the_ledger_reads_as_a_secretary_keeps_it(workdir):
    out = write_dues_ledger(workdir / "台账.xlsx", _ledger())
    ws = load_workbook(out).active
    assert ws["A1"].value == "幸福社区第一党支部2026年党费收缴台账"
    assert "截至2026年11月23日，共 2 人" in ws["A2"].value
    assert [c.value for c in ws[3]][:6] == ["序号", "姓名", "党小组", "项目", "1月", "2月"]
    assert ws["Q3"].value == "全年合计" and ws["R3"].value == "备注"
    # 张三: 应缴 above 实缴; October (over) unpaid says 未交; November (this month) is still open
    assert [ws.cell(4, c).value for c in (1, 2, 4, 5, 17)] == [1, "张三", "应缴", 45, 495]
    assert [ws.cell(5, c).value for c in (2, 4, 5, 14, 15, 16, 17)] == [None, "实缴", 45, "未交", None, None, 405]
    assert ws.cell(5, 14).font.color.rgb.endswith("B00020")
    assert ws.cell(5, 18).value == "未交 1 个月"
    assert ws.cell(4, 18).value == "税后工资4500.00×1%"
    # 李四: not liable before May (blank), 免缴 in words with its approval, a name starting with = is text
    assert ws.cell(6, 2).value == "=李四" and ws.cell(6, 2).data_type == "s"
    assert ws.cell(7, 8).value is None and ws.cell(7, 9).value == "免缴" and ws.cell(7, 10).value == 0.1
    assert ws.cell(7, 18).value == "5月免缴：街道党工委批准"
    # totals
    assert [ws.cell(8, c).value for c in (2, 4, 17)] == ["合计", "应缴", float(_ledger().due_total)]
    assert [ws.cell(9, c).value for c in (4, 17)] == ["实缴", float(_ledger().paid_total)]
    assert "收缴人（签字）" in ws.cell(11, 1).value


def test_printable_a4_landscape_one_page_wide_header_on_every_page(workdir):
    ws = load_workbook(write_dues_ledger(workdir / "台账.xlsx", _ledger())).active
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # 1 is the default, left out
    assert ws.print_title_rows == "$3:$3"  # the header row
    assert ws.freeze_panes == "C4"


def _sheet_xml(path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml")


def test_the_fast_rows_write_exactly_what_xlsxwriter_writes_cell_by_cell(workdir):
    """reports.xlsx_rows.Rows (bench: dues-ledger) against XlsxWriter's own write_* calls, byte for byte,
    with text that needs escaping, whitespace to preserve and control characters."""
    ledger = _ledger()
    odd = LedgerRow(3, " 王<五>&", "_x0041_组\x07", "", (None,) * 11 + ((D("1.00"), D("1.00"), "实缴"),),
                    D("1.00"), D("1.00"), 0, "备注 ")
    ledger = DuesLedger(ledger.branch, ledger.year, ledger.as_of, [*ledger.rows, odd] * 30, ledger.due_by_month,
                        ledger.paid_by_month)
    fast = write_dues_ledger(workdir / "快.xlsx", ledger)
    plain = write_dues_ledger(workdir / "慢.xlsx", ledger, fast=False)
    assert _sheet_xml(fast) == _sheet_xml(plain)
    assert load_workbook(fast).active.cell(8, 2).value == " 王<五>&"
