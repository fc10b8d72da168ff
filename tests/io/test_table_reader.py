"""The shared spreadsheet reader: the files secretaries really have, and the refusals."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook

from dangjian_desktop.errors import ValidationError
from dangjian_desktop.io.table_reader import CellError, parse_date, parse_id_number, read_table

COLUMNS = {
    "name": ("姓名", "名字"),
    "id_number": ("公民身份号码", "身份证号", "身份证号码"),
    "joined_on": ("入党日期", "入党时间"),
    "group": ("所在党小组", "党小组"),
}


def _save(wb, tmp_path, name="名册.xlsx"):
    path = tmp_path / name
    wb.save(path)
    return path


def test_title_rows_merged_title_and_header_variants(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["XX社区党支部党员花名册"])
    ws.merge_cells("A1:E1")
    ws.append(["填报日期：2025年6月"])
    ws.append(["序号", "名字", "身份证号\n（18位）", "入党\n时间", "备注"])
    ws.append([1, "张三", "11010519491231002X", "2001.07.01", "x"])
    ws.append([None, None, None, None, None])
    ws.append([2, "李四", "110105194912310021", "2001年7月1日", None])
    table = read_table(_save(wb, tmp_path), COLUMNS, required=["name", "id_number"])
    assert table.header_row == 3
    assert [r.number for r in table.rows] == [4, 6]
    assert table.rows[0].values["name"] == "张三"
    assert table.ignored_headers == ["序号", "备注"]
    assert table.where(table.rows[1], "id_number") == "文件 名册.xlsx，工作表“花名册”，第6行，C列（身份证号\n（18位））"


def test_two_row_merged_header(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "入党", None])
    ws.append([None, None, "时间", "党小组"])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.append(["王五", "11010519491231002X", "2001.7", "第一党小组"])
    table = read_table(_save(wb, tmp_path), COLUMNS, required=["name", "joined_on"])
    assert table.rows[0].number == 3
    assert table.rows[0].values["joined_on"] == "2001.7"
    assert table.rows[0].values["group"] == "第一党小组"


def test_wps_header_with_names_merged_down_over_a_grouped_second_row(tmp_path):
    """WPS: a title, then 序号/姓名 merged over two header rows beside “入党信息” spanning the lower row's names."""
    wb = Workbook()
    ws = wb.active
    ws.title = "一季度"
    ws["A1"] = "第一党支部党员登记表"
    ws.merge_cells("A1:E1")
    ws["A2"], ws["B2"], ws["C2"], ws["E2"] = "序号", "姓名", "入党信息", "备注"
    ws["C3"], ws["D3"] = "入党日期", "党小组"
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:D2")
    ws.merge_cells("E2:E3")
    ws.append([1, "王五", "2001.7", "第一党小组", "补登"])
    table = read_table(_save(wb, tmp_path), COLUMNS, required=["name", "joined_on"])
    assert table.header_row == 3 and [r.number for r in table.rows] == [4]
    assert table.rows[0].values == {"name": "王五", "joined_on": "2001.7", "group": "第一党小组"}
    assert [u.line() for u in table.accounting] == [
        "A列“序号”：未导入（没有对应的项目）", "B列“姓名” → 姓名", "C列“入党日期” → 入党日期",
        "D列“党小组” → 所在党小组", "E列“备注”：未导入（没有对应的项目）"]


def test_merged_group_cells_fill_down(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "党小组"])
    ws.append(["甲", "第一党小组"])
    ws.append(["乙", None])
    ws.merge_cells("B2:B3")
    table = read_table(_save(wb, tmp_path), COLUMNS, required=["name"])
    assert [r.values["group"] for r in table.rows] == ["第一党小组", "第一党小组"]


@pytest.mark.parametrize("value, expected", [
    (datetime(2001, 7, 1), date(2001, 7, 1)),
    (37073, date(2001, 7, 1)),  # Excel serial
    ("2001.07.01", date(2001, 7, 1)),
    ("2001.7", date(2001, 7, 1)),
    ("2001年7月1日", date(2001, 7, 1)),
    ("2026年3月5号", date(2026, 3, 5)),  # as people say it
    ("2001年7月", date(2001, 7, 1)),
    ("2001-7-1", date(2001, 7, 1)),
    ("2001/07/01", date(2001, 7, 1)),
    ("20010701", date(2001, 7, 1)),
    (20010701, date(2001, 7, 1)),
    (2001.07, date(2001, 7, 1)),
    (None, None),
])
def test_dates_in_their_common_forms(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2001.13.01", "2001年2月30日", "去年七一", 99999999, "1850-01-01", True])
def test_impossible_dates_are_refused(value):
    with pytest.raises(CellError):
        parse_date(value)


@pytest.mark.parametrize("value", [4.10102e17, 410102199001011234, "4.10102E+17"])
def test_id_numbers_mangled_by_excel_are_refused_not_guessed(value):
    with pytest.raises(CellError, match="丢失"):
        parse_id_number(value)


def test_id_number_text_is_accepted_and_checked():
    assert parse_id_number(" 11010519491231002x ") == "11010519491231002X"
    with pytest.raises(CellError, match="校验位"):
        parse_id_number("110105194912310021")


def test_missing_required_column_says_which(tmp_path):
    wb = Workbook()
    wb.active.append(["姓名", "性别"])
    wb.active.append(["张三", "男"])
    with pytest.raises(ValidationError, match="缺少 “公民身份号码” 列"):
        read_table(_save(wb, tmp_path), COLUMNS, required=["name", "id_number"])


def test_not_a_workbook(tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ValidationError, match="不是有效的表格文件"):
        read_table(bad, COLUMNS)
    old = tmp_path / "旧.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match="另存为"):
        read_table(old, COLUMNS)


def test_empty_workbook(tmp_path):
    with pytest.raises(ValidationError, match="找不到表头"):
        read_table(_save(Workbook(), tmp_path), COLUMNS, required=["name"])


def test_inline_strings_read_as_openpyxl_reads_them(tmp_path):
    """Our own exports (openpyxl write-only) hold their text inline; table_reader reads those cells
    with python-calamine. Plain, rich (runs), phonetic, spaced, empty and numeric cells: the same values as openpyxl."""
    import re
    import zipfile

    from openpyxl import load_workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["姓名", "身份证号", "入党日期", "党小组", "备注"])
    ws.append(["PLAIN", "RICH", datetime(2001, 7, 1), "PHONETIC", 7])
    ws.append(["  前后空格 ", "EMPTY", "2001.7.1", "NOTEXT", 3.5])
    ws.append([None, "x", None, "LASTT", None])
    src = _save(wb, tmp_path, "写.xlsx")
    inline = {  # what some writers put inside <is>
        "PLAIN": "<t>张三</t>",
        "RICH": '<r><rPr><b/></rPr><t>110105</t></r><r><t xml:space="preserve">19491231 </t></r><r><t/></r>',
        "PHONETIC": '<t>第一党小组</t><rPh sb="0" eb="1"><t>DI</t></rPh><phoneticPr fontId="1"/>',
        "EMPTY": "",
        "NOTEXT": "<t/>",
        "LASTT": "<t>前</t><t>后</t>",
    }
    path = tmp_path / "改.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode()
                for marker, xml in inline.items():
                    text, n = re.subn(rf"<is><t>{marker}</t></is>", f"<is>{xml}</is>", text)
                    assert n == 1, marker
                data = text.replace("<is><t>x</t></is>", "").encode()  # an inline cell without <is>
            zout.writestr(item, data)

    expected = [(list(r) + [None] * 5)[:5]
                for r in load_workbook(path, read_only=True, data_only=True).active.iter_rows(values_only=True)]
    table = read_table(path, {"name": ("姓名",), "id_number": ("身份证号",), "joined_on": ("入党日期",),
                              "group": ("党小组",), "notes": ("备注",)})
    got = [[row.values[k] for k in ("name", "id_number", "joined_on", "group", "notes")] for row in table.rows]

    def clean(v):  # openpyxl's value as calamine gives it: a date cell is a date, a number a float
        if isinstance(v, str):
            return v.replace("\u3000", " ").strip() or None
        if isinstance(v, datetime):
            return v.date()
        return float(v) if isinstance(v, int) else v
    want = [[clean(v) for v in r] for r in expected[1:]]
    assert want[2][3] == "后"  # openpyxl keeps the last of two <t> (not valid OOXML); calamine reads both
    want[2][3] = "前后"
    assert got == want
    assert got[0] == ["张三", "11010519491231", date(2001, 7, 1), "第一党小组", 7]
    assert got[1] == ["前后空格", None, "2001.7.1", None, 3.5]
    assert got[2] == [None, None, None, "前后", None]
