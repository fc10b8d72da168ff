"""学时台账 (.xlsx) from plain data: the members' year with those below target in red, every session on a
second sheet, text that stays text, rows sized for wrapped text, A4 landscape with the header on every page."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D

from openpyxl import load_workbook

from dangjian_desktop.core.glossary import StudyKind
from dangjian_desktop.reports.study_ledger import write_study_ledger
from dangjian_desktop.services.study import MemberYear, StudyEntry, StudyYear

G, LEC, TR, ON = StudyKind.GROUP_STUDY, StudyKind.LECTURE, StudyKind.TRAINING, StudyKind.ONLINE


def _view() -> StudyYear:
    def kinds(g, lec, t, o):
        return {G: D(g), LEC: D(lec), TR: D(t), ON: D(o)}

    rows = [
        MemberYear(1, "张三", "第一党小组", False, kinds(20, 6, 0, 8), D(34), D(32)),
        MemberYear(2, "李四", "第一党小组", True, kinds(10, 2, 0, "1.5"), D("13.5"), D(56)),
        MemberYear(3, "王五", "第二党小组", False, kinds(4, 0, 0, 0), D(4), D(16), joined_on=date(2026, 7, 1)),
    ]
    entries = [
        StudyEntry(None, 2, "李四", date(2026, 3, 5), LEC, D(2), "党课：坚定理想信念", "三会一课出席记录", 7),
        StudyEntry(11, 1, "张三", date(2026, 2, 1), ON, D("1.5"), "=1+1 不是公式", "学习强国"),
        StudyEntry(12, 1, "张三", date(2026, 1, 9), G, D(2), "学" * 60, ""),
        StudyEntry(13, 3, "王五", date(2026, 8, 1), G, D(4), "入党后第一次集中学习", "本支部"),
    ]
    return StudyYear("幸福社区第一党支部", 2026, date(2026, 11, 23), rows, D(32), D(56), D(2), D(2), entries)


def _red(cell) -> bool:
    rgb = cell.font.color.rgb if cell.font.color is not None else None
    return isinstance(rgb, str) and rgb.endswith("B00020")


def test_the_year_sheet_marks_those_below_target(workdir):
    out = write_study_ledger(workdir / "学时台账.xlsx", _view())
    ws = load_workbook(out)["学时汇总"]
    assert ws["A1"].value == "幸福社区第一党支部2026年党员学习学时台账" and "A1:K1" in ws.merged_cells
    assert ws["A2"].value.startswith("截至2026年11月23日，共 3 人，未达标 2 人（单位：学时）。党员每年不少于 32 学时")
    assert ws["A2"].alignment.wrap_text and ws.row_dimensions[2].height == 30
    assert [c.value for c in ws[3]] == ["序号", "姓名", "党小组", "身份", "集中学习", "党课", "专题培训", "网上学习",
                                        "合计", "应达", "完成情况"]
    assert ws["A3"].font.b and ws["A3"].fill.fgColor.rgb.endswith("F2F2F2")
    assert [c.value for c in ws[4]] == [1, "张三", "第一党小组", "党员", 20, 6, 0, 8, 34, 32, "已达标"]
    assert [c.value for c in ws[5]] == [2, "李四", "第一党小组", "书记、支委", 10, 2, 0, 1.5, 13.5, 56, "差 42.5 学时"]
    assert ws["K6"].value == "差 12 学时（7月入党，按月折算）"
    # below target: the total and the status in red, the status on red; the rest as every other cell
    for row in (5, 6):
        assert ws.cell(row, 9).font.color.rgb.endswith("B00020") and ws.cell(row, 9).font.b
        assert ws.cell(row, 11).font.color.rgb.endswith("B00020") and ws.cell(row, 11).fill.fgColor.rgb.endswith("F8CBAD")
        assert ws.cell(row, 10).fill.fill_type is None
    assert not _red(ws["I4"]) and not _red(ws["K4"]) and not _red(ws["J5"])
    assert ws["K4"].fill.fill_type is None
    assert all(ws.cell(4, c).border.left.style == "thin" and ws.cell(4, c).font.name == "宋体" for c in range(1, 12))
    assert ws.row_dimensions[6].height == 30  # the status with its note takes two lines of the column
    assert ws.row_dimensions[4].height is None
    assert "制表人（签字）" in ws["A8"].value


def test_the_sessions_sheet_lists_every_session_member_by_member(workdir):
    ws = load_workbook(write_study_ledger(workdir / "学时台账.xlsx", _view()))["学习记录"]
    assert ws["A1"].value == "幸福社区第一党支部2026年党员学习记录"
    assert ws["A2"].value.startswith("截至2026年11月23日，共 4 条，按人排列")
    assert [c.value for c in ws[3]] == ["序号", "日期", "姓名", "学习形式", "学时", "主题 / 课程", "来源"]
    body = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=7)]
    assert body == [
        [1, datetime(2026, 1, 9), "张三", "集中学习", 2, "学" * 60, None],
        [2, datetime(2026, 2, 1), "张三", "网上学习", 1.5, "=1+1 不是公式", "学习强国"],
        [3, datetime(2026, 3, 5), "李四", "党课", 2, "党课：坚定理想信念", "三会一课出席记录"],
        [4, datetime(2026, 8, 1), "王五", "集中学习", 4, "入党后第一次集中学习", "本支部"],
    ]
    assert ws["B4"].number_format == "yyyy-mm-dd" and ws["B4"].alignment.horizontal == "center"
    assert ws["F5"].data_type == "s" and ws["F5"].quotePrefix  # text, never run as a formula
    assert ws["F4"].alignment.horizontal == "left" and ws["F4"].alignment.wrap_text
    assert ws.row_dimensions[4].height == 45  # 60 characters in a column of 44: three lines
    assert ws.row_dimensions[5].height is None


def test_printable_a4_landscape_one_page_wide_header_on_every_page(workdir):
    wb = load_workbook(write_study_ledger(workdir / "学时台账.xlsx", _view()))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # 1 is the default
        assert ws.print_title_rows == "$3:$3"
        assert ws.freeze_panes == "A4"
        assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"
        assert ws.HeaderFooter.scaleWithDoc is False


def test_an_empty_year_still_makes_both_sheets(workdir):
    view = _view()
    empty = StudyYear(view.branch, 2026, view.as_of, [], D(32), D(56), D(2), D(2), [])
    wb = load_workbook(write_study_ledger(workdir / "学时台账.xlsx", empty))
    assert wb.sheetnames == ["学时汇总", "学习记录"]
    assert "共 0 人" in wb["学时汇总"]["A2"].value and "制表人" in wb["学时汇总"]["A5"].value
    assert wb["学习记录"].max_row == 3


def _sheets_xml(path) -> list[bytes]:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return [z.read(f"xl/worksheets/sheet{n}.xml") for n in (1, 2)]


def test_the_fast_rows_write_exactly_what_xlsxwriter_writes_cell_by_cell(workdir):
    """reports.xlsx_rows.Rows with row heights (bench: study-ledger) against XlsxWriter's own write_* and
    set_row calls, byte for byte: dates, escaping, whitespace to keep, control characters, tall rows."""
    view = _view()
    odd = [StudyEntry(20 + k, 3, " 王<五>&", date(2026, 9, 1 + k), ON, D("0.25"), "_x0041_主题\x07 " + "长" * (20 * k),
                      "@来源") for k in range(5)]
    many = StudyYear(view.branch, view.year, view.as_of, view.rows * 40, D(32), D(56), D(2), D(2),
                     (view.entries + odd) * 40)
    fast = write_study_ledger(workdir / "快.xlsx", many)
    plain = write_study_ledger(workdir / "慢.xlsx", many, fast=False)
    assert _sheets_xml(fast) == _sheets_xml(plain)
    ws = load_workbook(fast)["学习记录"]
    rows = [r for r in range(4, ws.max_row + 1) if ws.cell(r, 3).value == " 王<五>&"]
    assert len(rows) == 200 and all(ws.cell(r, 7).value == "@来源" and ws.cell(r, 7).quotePrefix for r in rows)
    heights = {ws.row_dimensions[r].height for r in rows}
    assert {None, 30, 45, 60} <= heights  # the topics of 0 to 80 more characters take one to four lines
