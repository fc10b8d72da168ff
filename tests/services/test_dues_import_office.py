"""Importing 党费收缴表 as offices write them (review of the imports, defects 4–15): 应交/实交 rows, month headers
written with the year, the file's own 应缴 when the program has no base, 补缴, re-imports that change recorded
months, and the small cases (合计 rows and columns, dashes, footnotes, the year in a sheet name, an .xls title).
Every value of every column lands or is named; nothing defaults to 实缴."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from dangjian_desktop.core import dues as core
from dangjian_desktop.core.glossary import DuesKind
from dangjian_desktop.errors import InputErrors
from dangjian_desktop.services import dues as ds
from dangjian_desktop.services.dues_import import import_dues, preview_dues_import
from tests.import_files import FIXTURES
from tests.roster_files import id_for
from tests.services.test_dues import NOV, TODAY, branch  # noqa: F401 - the fixture

pytestmark = pytest.mark.usefixtures("branch")
M12 = [f"{i}月" for i in range(1, 13)]


def _book(path: Path, rows, *, title: str | None = "幸福社区第一党支部2026年党费收缴表", header=None,
          sheet="党费") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def recorded(db, bid, who, year=2026):
    return {core.month_code(d.month): (d.due, d.paid, d.kind) for d in ds.list_year(db, bid, year, today=TODAY)
            if d.member == who and d.kind is not None}


def problems_of(call) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        call()
    return caught.value.problems


# ---------------------------------------------------------------- defect 4: 项目 values


def test_yingjiao_and_shijiao_rows_are_recognised_and_an_unknown_item_is_a_problem(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    header = ["姓名", "类别", "1月", "2月", "3月", "备注"]
    path = _book(workdir / "应交实交.xlsx", [
        ["钱七", "应交", 50, 50, 50, ""],
        [None, "实交", 50, 40, None, ""],
        ["张三", "应收", 45, 45, 45, ""],
        [None, "已收", 45, 45, 45, ""],
    ], header=header)
    import_dues(db, bid, path, today=TODAY)
    q = recorded(db, bid, "钱七")
    assert q == {"2026-01": (Decimal("50.00"), Decimal("50.00"), DuesKind.PAID),
                 "2026-02": (Decimal("50.00"), Decimal("40.00"), DuesKind.PAID)}  # a shortfall stays one
    assert set(recorded(db, bid, "张三")) == {"2026-01", "2026-02", "2026-03"}
    # a single 应交 row is never 实缴; it is named
    alone = _book(workdir / "只有应交.xlsx", [["李四", "应交", 60, 60, 60, ""]], header=header)
    report = import_dues(db, bid, alone, today=TODAY)
    assert recorded(db, bid, "李四") == {}
    assert report.counts["new"] == 0
    assert any("第3行" in n and "应缴" in n and "没有" in n and "实缴" in n for n in report.notices)
    # any other value: one problem for its row, naming the value, and no month of that row lands
    odd = _book(workdir / "看不懂.xlsx", [["李四", "交纳情况", 60, 60, 60, ""],
                                          ["赵六", "实缴", 0.2, None, None, ""]], header=header)
    problems = problems_of(lambda: import_dues(db, bid, odd, today=TODAY))
    mine = [p for p in problems if "第3行" in p]
    assert len(mine) == 1 and "“交纳情况”" in mine[0] and "B列（类别）" in mine[0]
    assert "应缴" in mine[0] and "实缴" in mine[0]  # says what it may be


# ---------------------------------------------------------------- defect 5: month headers


def test_month_headers_with_the_year_and_plain_numbers_are_months(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    path = _book(workdir / "月份.xlsx", [["张三", 45, 45, 45, 45, 45, 45, 45, 45]], title="2026年党费收缴表",
                 header=["姓名", "2026年1月", "2026.2", "三月", "2026-04", "5月份", "2026/6", "7", "8"])
    report = preview_dues_import(db, bid, path, today=TODAY)
    assert report.refused == []
    assert [c.line() for c in report.columns][1:3] == ["B列“2026年1月” → 1月", "C列“2026.2” → 2月"]
    assert all(c.imported for c in report.columns)
    import_dues(db, bid, path, today=TODAY)
    assert sorted(recorded(db, bid, "张三")) == [f"2026-{i:02d}" for i in range(1, 9)]
    # the year in the headers alone is enough
    only = _book(workdir / "表头年份.xlsx", [["李四", 60, 60]], title=None, header=["姓名", "2025年11月", "2025年12月"])
    import_dues(db, bid, only, today=TODAY)
    assert set(recorded(db, bid, "李四", 2025)) == {"2025-11", "2025-12"}


def test_a_month_header_that_cannot_be_read_is_a_problem_not_a_silent_column(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    no_year = _book(workdir / "无年份.xlsx", [["张三", 45, 45, 45]], title="党费收缴表", header=["姓名", "1月", "7", "8"])
    problems = problems_of(lambda: import_dues(db, bid, no_year, today=TODAY))
    assert any("C列“7”" in p and "月份" in p and "年份" in p for p in problems)
    bad = _book(workdir / "十三月.xlsx", [["张三", 45, 45, 45]],
                header=["姓名", "1月", "2026年13月", "2025年2月"])
    problems = problems_of(lambda: import_dues(db, bid, bad, today=TODAY))
    assert any("C列“2026年13月”" in p for p in problems)
    assert any("D列“2025年2月”" in p and "2026" in p for p in problems)  # not the title's year
    assert recorded(db, bid, "张三") == {}


# ---------------------------------------------------------------- defect 7: 应缴 | 实缴 under each month


def test_a_month_merged_over_yingjiao_and_shijiao_reads_both(db, branch, workdir):  # noqa: F811
    """WPS: “1月” merged over two columns, “应缴” and “实缴” in the row below; 姓名 merged over both header rows."""
    bid, _ = branch
    wb = Workbook()
    ws = wb.active
    ws.title = "收缴明细"
    ws["A1"] = "2026年党费收缴明细表"
    ws["A2"], ws["B2"] = "序号", "姓名"
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    for k in range(3):
        ws.cell(2, 3 + 2 * k).value = f"{k + 1}月"
        ws.merge_cells(start_row=2, start_column=3 + 2 * k, end_row=2, end_column=4 + 2 * k)
        ws.cell(3, 3 + 2 * k).value, ws.cell(3, 4 + 2 * k).value = "应缴", "实缴"
    ws.append([1, "钱七", 45, 45, 45, 30, 45, None])
    ws.append([2, "张三", 45, 45, 45, None, 45, 45])
    path = workdir / "两列一月.xlsx"
    wb.save(path)
    report = preview_dues_import(db, bid, path, today=TODAY)
    assert report.refused == []
    assert "C列“1月应缴” → 1月应缴" in report.column_lines() and "D列“1月实缴” → 1月" in report.column_lines()
    import_dues(db, bid, path, today=TODAY)
    assert recorded(db, bid, "钱七") == {"2026-01": (Decimal("45.00"), Decimal("45.00"), DuesKind.PAID),
                                        "2026-02": (Decimal("45.00"), Decimal("30.00"), DuesKind.PAID)}
    assert set(recorded(db, bid, "张三")) == {"2026-01", "2026-03"}  # 2月 实缴 blank: 应缴 is never 实缴
    # the second header row deleted: “1月” over one column, the 实缴 beside it without a header: a problem
    ws.delete_rows(3)
    for rng in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(rng))
    for k in range(3):
        ws.cell(2, 4 + 2 * k).value = None
    wb.save(path)
    problems = problems_of(lambda: import_dues(db, bid, path, today=TODAY))
    assert any("D、F、H列：没有表头，但有金额" in p and "“1月应缴”“1月实缴”" in p for p in problems)


# ---------------------------------------------------------------- defect 8: the file's 应缴


def test_the_files_own_due_is_used_when_the_program_has_no_base(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    path = _book(workdir / "标准.xlsx", [
        [1, "钱七", 120, 100, 120, 120, "1月少交20元"],
        [2, "张三", 45, None, None, 135, ""],
    ], header=["序号", "姓名", "月缴纳标准", "1月", "2月", "3月", "备注"])
    report = preview_dues_import(db, bid, path, today=TODAY)
    assert "C列“月缴纳标准” → 月缴纳标准（应缴）" in report.column_lines()
    # 135 in March, January and February blank: three months of 45, named (possibly 补缴)
    assert any("第4行" in n and "张三" in n and "3 倍" in n and "补缴" in n for n in report.notices)
    import_dues(db, bid, path, today=TODAY)
    assert recorded(db, bid, "钱七")["2026-01"] == (Decimal("120.00"), Decimal("100.00"), DuesKind.PAID)
    # 应缴 rows: used as 应缴; a lump sum with the months before it blank is named
    rows = _book(workdir / "应缴行.xlsx", [
        ["钱七", "应缴", *[80] * 12],
        [None, "实缴", *[80] * 6, None, None, None, None, 480, None],
    ], title="2025年党费", header=["姓名", "项目", *M12])
    report = import_dues(db, bid, rows, today=TODAY)
    assert recorded(db, bid, "钱七", 2025)["2025-11"] == (Decimal("80.00"), Decimal("480.00"), DuesKind.PAID)
    assert any("第4行" in n and "钱七" in n and "2025年11月" in n and "6 倍" in n for n in report.notices)


# ---------------------------------------------------------------- defect 9: 补缴


def test_makeup_can_be_imported_and_makeup_cells_are_named(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    header = ["姓名", "1月", "2月", "3月", "4月", "5月", "备注"]
    cells = _book(workdir / "补缴格.xlsx", [
        ["张三", 45, 45, "补缴", 45, 45, ""],
        ["李四", 60, 60, 60, 60, "100（含5月补缴）", ""],
    ], header=header)
    problems = problems_of(lambda: import_dues(db, bid, cells, today=TODAY))
    assert any("第3行，D列（3月）" in p and "补缴" in p and "金额" in p and "备注" in p for p in problems)
    assert any("第4行，F列（5月）" in p and "补缴" in p for p in problems)
    path = _book(workdir / "补缴.xlsx", [
        ["张三", 45, 45, 45, 45, 45, "2月补缴：外出务工回来补交"],
        ["李四", None, None, 180, 60, 60, "3月补缴1-2月党费"],
    ], header=header)
    report = import_dues(db, bid, path, today=TODAY)
    zhang = {d.month: d for d in ds.list_year(db, bid, 2026, today=TODAY) if d.member == "张三"}
    feb = zhang[core.month_no(2026, 2)]
    assert (feb.kind, feb.note) == (DuesKind.MAKEUP, "外出务工回来补交")
    assert zhang[core.month_no(2026, 1)].kind is DuesKind.PAID
    assert any("第4行" in n and "3月补缴1-2月党费" in n for n in report.notices)


def test_our_own_ledger_of_the_demo_comes_back_unchanged_with_its_makeup(demo_db, workdir):
    from dangjian_desktop.services.exports import ExportRequest, run_export

    bid = demo_db_branch(demo_db)
    before = {(d.member, d.month): (d.due, d.paid, d.kind, d.note)
              for d in ds.list_year(demo_db, bid, 2026, today=TODAY) if d.kind is not None}
    assert any(k is DuesKind.MAKEUP for _, _, k, _ in before.values())
    out = run_export(demo_db, "dues-ledger", ExportRequest(bid, workdir / "台账.xlsx", 2026))
    report = import_dues(demo_db, bid, out, today=TODAY)
    assert report.counts["new"] == 0 and report.counts["update"] == 0
    assert report.refused == []
    after = {(d.member, d.month): (d.due, d.paid, d.kind, d.note)
             for d in ds.list_year(demo_db, bid, 2026, today=TODAY) if d.kind is not None}
    assert after == before


def test_our_own_ledger_into_a_new_database_keeps_makeup_as_makeup(db, branch, workdir):  # noqa: F811
    from dangjian_desktop.services.exports import ExportRequest, run_export

    bid, _ = branch
    ds.record_payment(db, bid, "张三", NOV - 3, kind=DuesKind.MAKEUP, note="外出务工", paid_on=date(2026, 11, 2),
                      today=TODAY)
    ds.record_payment(db, bid, "张三", NOV - 2, paid_on=date(2026, 11, 2), today=TODAY)
    out = run_export(db, "dues-ledger", ExportRequest(bid, workdir / "台账.xlsx", 2026))
    ds.clear_month(db, ds.find_member(db, bid, "张三")[0], NOV - 3)
    ds.clear_month(db, ds.find_member(db, bid, "张三")[0], NOV - 2)
    import_dues(db, bid, out, today=TODAY)
    aug = {d.month: d for d in ds.list_year(db, bid, 2026, today=TODAY) if d.member == "张三"}[NOV - 3]
    assert (aug.kind, aug.note) == (DuesKind.MAKEUP, "外出务工")


def demo_db_branch(db) -> int:
    from dangjian_desktop.services.branches import list_branches

    return list_branches(db)[0].id


# ---------------------------------------------------------------- defect 10: re-imports and odd amounts


def test_a_reimport_names_each_changed_month_and_odd_amounts(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    ds.record_payment(db, bid, "张三", core.month_no(2026, 1), paid_on=date(2026, 1, 6), today=TODAY)
    ds.record_payment(db, bid, "李四", core.month_no(2026, 1), paid_on=date(2026, 1, 6), today=TODAY)
    path = _book(workdir / "改.xlsx", [["张三", 50, 45, ""], ["李四", "免缴", None, "街道党工委批准"]],
                 header=["姓名", "1月", "2月", "备注"])
    report = preview_dues_import(db, bid, path, today=TODAY)
    changed = [(r.row, r.label, r.notes) for r in report.rows if r.action == "update"]
    assert changed == [(3, "张三 2026年1月", ["实缴 45.00 元 → 实缴 50.00 元"]),
                       (4, "李四 2026年1月", ["实缴 60.00 元 → 免缴"])]
    far = _book(workdir / "离谱.xlsx", [["张三", 45, 12000, ""]], header=["姓名", "1月", "2月", "备注"])
    problems = problems_of(lambda: import_dues(db, bid, far, today=TODAY))
    assert any("第3行，C列（2月）" in p and "12000" in p and "45" in p for p in problems)


def test_the_command_line_lists_each_changed_month(db, branch, workdir, capsys):  # noqa: F811
    from dangjian_desktop.cli import main

    bid, _ = branch
    ds.record_payment(db, bid, "张三", core.month_no(2026, 1), paid_on=date(2026, 1, 6), today=TODAY)
    path = _book(workdir / "改.xlsx", [["张三", 50, ""]], header=["姓名", "1月", "备注"])
    db.close()
    assert main(["--db", str(workdir / "测试.db"), "dues", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "第3行 张三 2026年1月：实缴 45.00 元 → 实缴 50.00 元" in out


# ---------------------------------------------------------------- defects 6, 11, 12, 14, 15


def test_the_small_cases_are_read_or_named(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    path = _book(workdir / "小事.xlsx", [
        [1, "张 三", 45, 45, "—", 135, ""],         # inner space; a dash; 合计 disagrees (135 written, 45 + 45)
        [2, "李四", 60, 60, 60, 180, ""],
        [None, "合计", None, None, None, 9999, None],
        [None, "注：2026年1月起按新基数缴纳", None, None, None, None, None],
        [3, "李四", 60, 60, 60, 180, ""],          # the same person again
        [None, None, None, None, None, None, "以上截至11月"],
    ], title=None, sheet="2026年党费", header=["序号", "姓名", "1月", "2月", "3月", "合计", "备注"])
    report = preview_dues_import(db, bid, path, today=TODAY)
    assert len(report.refused) == 1  # only the duplicate row, in one line
    assert "第6行" in report.refused[0] and "与第3行重复" in report.refused[0]
    notices = "\n".join(report.notices)
    assert "第2行3月“—”" in notices
    assert "合计" in notices and "9999" in notices  # the secretary's 合计 row, named
    assert "F列（合计）：合计 135 与各月金额之和 90 不同" in notices
    assert "第5行是注释" in notices
    assert "第7行：没有姓名，未导入（这一行写有备注“以上截至11月”）" in notices
    assert "不在本支部" not in "\n".join(report.refused)


def test_the_year_written_once_and_where_the_id_was_written(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    number = id_for(date(1980, 5, 17), True, 1)  # 张三's, as the fixture made him
    path = _book(workdir / "年度一次.xlsx", [
        [2025, "张三", number, "应缴", 45, 45],
        [None, None, None, "实缴", 45, -62],
    ], title=None, header=["年度", "姓名", "身份证号", "项目", "1月", "2月"])
    problems = problems_of(lambda: import_dues(db, bid, path, today=TODAY))
    assert problems[0].startswith("文件 年度一次.xlsx，工作表“党费”，第3行，F列（2月）：“-62”")
    assert not any("哪一年" in p for p in problems)
    other = _book(workdir / "别人的号.xlsx", [
        [2025, "张三", id_for(date(1990, 1, 1), True, 9), "应缴", 45, 45],
        [None, None, None, "实缴", 45, 45],
    ], title=None, header=["年度", "姓名", "身份证号", "项目", "1月", "2月"])
    problems = problems_of(lambda: import_dues(db, bid, other, today=TODAY))
    assert len(problems) == 1 and "第2行，C列（身份证号）" in problems[0]


def test_an_xls_finds_the_year_in_its_title(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    xls = workdir / "党费收缴表.xls"
    shutil.copy(FIXTURES / "党费收缴表.xls", xls)
    report = import_dues(db, bid, xls, today=TODAY)
    assert report.refused == [] and report.counts["new"] == 3
    assert set(recorded(db, bid, "张三")) == {"2026-01", "2026-02", "2026-03"}


def dues_xls_source(path: Path) -> Path:
    """The .xlsx that tests/fixtures/imports/党费收缴表.xls was converted from (LibreOffice):
    `soffice --headless --convert-to xls 党费收缴表.xlsx`."""
    return _book(path, [[1, "张三", 45, 45, 45]], title="幸福社区第一党支部2026年党费收缴表",
                 header=["序号", "姓名", "1月", "2月", "3月"])


if __name__ == "__main__":  # python -m tests.services.test_dues_import_office: rebuild the .xls fixture
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = dues_xls_source(Path(tmp) / "党费收缴表.xlsx")
        subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", tmp, str(src)], check=True)
        shutil.copy(Path(tmp) / "党费收缴表.xls", FIXTURES / "党费收缴表.xls")
