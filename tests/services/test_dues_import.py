"""Importing a 党费收缴表: as secretaries keep it (one row per member, a month per column) and as we export it
(应缴/实缴 row pairs); all cells or none; nothing guessed, nothing erased."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from dangjian_desktop.core import dues as core
from dangjian_desktop.core.glossary import DuesKind
from dangjian_desktop.errors import InputErrors, ValidationError
from dangjian_desktop.services import dues as ds
from dangjian_desktop.services.dues_import import import_dues
from dangjian_desktop.services.exports import ExportRequest, run_export
from tests.services.test_dues import NOV, TODAY, branch  # noqa: F401 - the fixture

pytestmark = pytest.mark.usefixtures("branch")


def _sheet(path: Path, rows, title="幸福社区第一党支部2026年党费收缴表", header=None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "党费"
    if title:
        ws.append([title])
    ws.append(header or ["序号", "姓名", "1月", "2月", "3月", "10月", "11月", "12月", "备注"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def months(db, bid, who):
    return {core.month_code(d.month): (d.paid, d.kind) for d in ds.list_year(db, bid, 2026, today=TODAY)
            if d.member == who and d.kind is not None}


def test_a_secretarys_sheet(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    path = _sheet(workdir / "党费.xlsx", [
        [1, "张三", 45, "45.00元", "未交", None, 45, 45, ""],
        [2, "李四", 60, 60, 60, "免缴", "-", None, "经街道党工委批准免缴10月"],
        [None, "合计", 105, 105, 60, 0, 45, 45, None],
    ])
    dry = import_dues(db, bid, path, dry_run=True, today=TODAY)
    assert dry.counts == {"new": 8, "update": 0, "same": 0}
    assert months(db, bid, "张三") == {}  # --dry-run wrote nothing
    result = import_dues(db, bid, path, today=TODAY)
    assert result.counts["new"] == 8
    assert months(db, bid, "张三") == {"2026-01": (Decimal("45.00"), DuesKind.PAID),
                                      "2026-02": (Decimal("45.00"), DuesKind.PAID),
                                      "2026-11": (Decimal("45.00"), DuesKind.PAID),
                                      "2026-12": (Decimal("45.00"), DuesKind.PREPAID)}
    li = {d.month: d for d in ds.list_year(db, bid, 2026, today=TODAY) if d.member == "李四"}
    october = li[core.month_no(2026, 10)]
    assert (october.kind, october.note) == (DuesKind.EXEMPT, "经街道党工委批准免缴10月")
    assert li[core.month_no(2026, 1)].paid_on is None  # the file gives no date: unknown, not invented
    # again: nothing changes
    assert import_dues(db, bid, path, today=TODAY).counts == {"new": 0, "update": 0, "same": 8}


def test_a_blank_never_erases_what_was_recorded(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    ds.record_payment(db, bid, "张三", NOV, paid_on=date(2026, 11, 5), today=TODAY)
    path = _sheet(workdir / "空.xlsx", [[1, "张三", 45, None, None, None, None, None, ""]])
    import_dues(db, bid, path, today=TODAY)
    assert months(db, bid, "张三")["2026-11"] == (Decimal("45.00"), DuesKind.PAID)


def test_every_problem_is_named_and_nothing_is_written(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    path = _sheet(workdir / "错.xlsx", [
        [1, "张三", "四十五", 45, None, None, None, None, ""],
        [2, "孙八", 45, None, None, None, None, None, ""],
        [3, "李四", None, None, None, "免缴", None, None, ""],
        [4, "王五", 15, None, None, None, None, None, ""],
        [5, "赵六", 0.2, None, None, None, None, None, ""],
    ])
    with pytest.raises(InputErrors) as caught:
        import_dues(db, bid, path, today=TODAY)
    problems = caught.value.problems
    assert any("第3行，C列（1月）" in p and "不是金额" in p for p in problems)
    assert any("第4行" in p and "“孙八”不在本支部党员名单中" in p for p in problems)
    assert any("第5行，F列（10月）" in p and "批准情况" in p for p in problems)
    assert any("第6行" in p and "王五2026年1月不需交纳党费" in p for p in problems)
    assert any("A列“序号”：未导入" in p for p in problems)  # every column is accounted for, 序号 too
    assert len(problems) == 5
    assert months(db, bid, "赵六") == {}


def test_the_year_must_be_known(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    with pytest.raises(InputErrors, match="1 处问题") as caught:
        import_dues(db, bid, _sheet(workdir / "无年份.xlsx", [[1, "张三", 45, 45, 45, 45, 45, 45, ""]],
                                   title="党费收缴表"), today=TODAY)
    assert "不知道是哪一年" in caught.value.problems[0]
    path = _sheet(workdir / "年度.xlsx", [[2025, "张三", 45]], title=None, header=["年度", "姓名", "12月"])
    import_dues(db, bid, path, today=TODAY)
    assert [d.paid for d in ds.month_sheet(db, bid, core.month_no(2025, 12), today=TODAY) if d.member == "张三"] \
        == [Decimal("45.00")]
    with pytest.raises(ValidationError, match="没有月份列"):
        import_dues(db, bid, _sheet(workdir / "无月份.xlsx", [[1, "张三"]], header=["序号", "姓名"]), today=TODAY)


def test_our_own_ledger_comes_back_unchanged(db, branch, workdir):  # noqa: F811
    bid, _ = branch
    ds.collect(db, bid, range(core.month_no(2026, 1), NOV + 1), paid_on=date(2026, 11, 1), today=TODAY)
    ds.record_payment(db, bid, "钱七", NOV, amount="30", today=TODAY)
    ds.clear_month(db, ds.find_member(db, bid, "赵六")[0], NOV)
    ds.record_payment(db, bid, "赵六", NOV, kind=DuesKind.EXEMPT, note="街道党工委批准", today=TODAY)
    out = run_export(db, "dues-ledger", ExportRequest(bid, workdir / "台账.xlsx", 2026))
    recorded = sum(1 for d in ds.list_year(db, bid, 2026, today=TODAY) if d.kind is not None)
    assert recorded == 11 + 11 + 7 + 11 + 1  # 王五 from May; 钱七 only November
    assert import_dues(db, bid, out, today=TODAY).counts == {"new": 0, "update": 0, "same": recorded}


def test_every_column_and_every_row_left_out_is_named(db, branch, workdir):  # noqa: F811
    """The one import pipeline: a column the program does not keep, the 应缴 and 合计 rows it computes
    itself and a 备注 on a row without 免缴 are all named in the preview, never dropped in silence."""
    from dangjian_desktop.services.dues_import import preview_dues_import

    bid, _ = branch
    path = _sheet(workdir / "两个人的习惯.xlsx", [
        [1, "张三", "应缴", 45, 45, "13800001111", "3月补交"],
        [None, None, "实缴", 45, None, "13800001111", "3月补交"],
        [2, "李四", "实缴", 60, "免缴", "", "街道党工委批准"],
        [None, "合计", None, 105, 45, None, None],
    ], header=["序号", "姓名", "项目", "1月", "2月", "联系电话", "备注"])
    report = preview_dues_import(db, bid, path, today=TODAY)
    lines = report.column_lines()
    assert "B列“姓名” → 姓名" in lines
    assert any(line.startswith("F列“联系电话”：未导入") for line in lines)
    assert any(line.startswith("A列“序号”：未导入") for line in lines)
    assert [c.header for c in report.columns] == ["序号", "姓名", "项目", "1月", "2月", "联系电话", "备注"]
    assert any("第3行是“应缴”行：金额用作应缴" in n and "备注未导入" in n for n in report.notices)
    assert any("第6行（" in n and "）是合计行，未导入" in n for n in report.notices)
    assert any("第4行" in n and "备注“3月补交”未导入" in n for n in report.notices)
    assert not any("第5行" in n for n in report.notices)  # 李四's 备注 is his 免缴 approval: it lands
    assert [(r.label, r.action) for r in report.rows] == [
        ("张三 2026年1月", "new"), ("李四 2026年1月", "new"), ("李四 2026年2月", "new")]
    assert "将新增 3 个月" in report.summary(planned=True) and "2 列未导入" in report.summary(planned=True)
    done = import_dues(db, bid, path, today=TODAY)
    assert done.applied and done.created == 3
    assert months(db, bid, "李四")["2026-02"] == (Decimal("0.00"), DuesKind.EXEMPT)
    again = preview_dues_import(db, bid, path, today=TODAY)
    assert again.counts == {"new": 0, "update": 0, "same": 3}
