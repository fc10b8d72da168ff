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


def test_read_only_sheet_size_as_openpyxl_finds_it(workdir):
    """The sheet's size is found from the start tags: the same as openpyxl, with <dimension> or without."""
    from dangjian_desktop.io.table_reader import _load_read_only

    normal = Workbook()
    normal.active.title = "花名册"
    normal.active["B3"] = "张三"
    normal.active["F40"] = 1
    with_dimension = workdir / "有尺寸.xlsx"
    normal.save(with_dimension)
    streamed = Workbook(write_only=True)  # openpyxl's write-only mode writes no <dimension>
    ws = streamed.create_sheet("花名册")
    for r in range(50):
        ws.append([r, "李四", None, "第一党小组"])
    without_dimension = workdir / "无尺寸.xlsx"
    streamed.save(without_dimension)

    for path, expected in ((with_dimension, (2, 3, 6, 40)), (without_dimension, (1, 1, None, None))):
        ours, theirs = _load_read_only(path).worksheets[0], load_workbook(path, read_only=True).worksheets[0]
        size = (ours.min_column, ours.min_row, ours.max_column, ours.max_row)
        assert size == (theirs.min_column, theirs.min_row, theirs.max_column, theirs.max_row) == expected
        assert [r for r in ours.iter_rows(values_only=True)] == [r for r in theirs.iter_rows(values_only=True)]
