"""Merged cells are read from the sheet's XML (no second full load of the workbook): the same ranges openpyxl sees."""

from openpyxl import Workbook, load_workbook

from dangjian_desktop.io.table_reader import _merged_ranges


def _openpyxl_ranges(path, name):
    wb = load_workbook(path)
    return sorted((r.min_row, r.min_col, r.max_row, r.max_col) for r in wb[name].merged_cells.ranges)


def test_merged_ranges_of_the_named_sheet_match_openpyxl(workdir):
    wb = Workbook()
    cover = wb.active
    cover.title = "封面"
    cover.merge_cells("A1:C1")
    roster = wb.create_sheet("花名册")
    roster.merge_cells("B2:D3")
    roster.merge_cells("A5:A7")
    for r in range(10, 4000):  # a sheet part bigger than one read chunk (1 MB)
        for c in range(6, 16):
            roster.cell(r, c, r * c)
    roster.merge_cells("E100:E3999")
    path = workdir / "花名册.xlsx"
    wb.save(path)

    assert sorted(_merged_ranges(path, "花名册")) == _openpyxl_ranges(path, "花名册") == [
        (2, 2, 3, 4), (5, 1, 7, 1), (100, 5, 3999, 5)]
    assert _merged_ranges(path, "封面") == [(1, 1, 1, 3)]
    assert _merged_ranges(path, "没有这个表") == []


def test_not_a_workbook_has_no_merged_ranges(workdir):
    path = workdir / "坏.xlsx"
    path.write_bytes(b"not a zip")
    assert _merged_ranges(path, "花名册") == []
