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
    with pytest.raises(ValidationError, match="不是有效的 .xlsx"):
        read_table(bad, COLUMNS)
    old = tmp_path / "旧.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match="另存为"):
        read_table(old, COLUMNS)


def test_empty_workbook(tmp_path):
    with pytest.raises(ValidationError, match="找不到表头"):
        read_table(_save(Workbook(), tmp_path), COLUMNS, required=["name"])
