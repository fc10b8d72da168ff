"""Messy 花名册 workbooks built by the tests themselves, the way secretaries' files look."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from dangjian_desktop.core import idcard


def id_for(born: date, male: bool, seq: int = 12, region: str = "410102") -> str:
    """A valid ID number for a birth date and sex."""
    n = seq * 2 + (1 if male else 0)
    first17 = f"{region}{born:%Y%m%d}{n:03d}"
    return first17 + idcard.check_digit(first17)


PEOPLE = [
    # name, sex, born, joined (as the cell holds it), full (cell), group
    ("张三", "男", date(1970, 3, 5), datetime(1995, 7, 1), "1996.07.01", "第一党小组"),
    ("李四", "女", date(1980, 11, 20), "2001.7", "2002年7月1日", "第一党小组"),
    ("王五", "男", date(1985, 1, 2), "2010年7月1日", 20110701, "第二党小组"),
    ("赵敏", "女", date(1990, 6, 15), "20150630", "2016-06-30", "第二党小组"),
    ("欧阳明", "男", date(1975, 9, 9), 36342, "2000.07", "第三党小组"),  # 36342 = 1999-07-01 (Excel serial)
]


def messy_roster(path: Path, people=PEOPLE, *, mangle_row: int | None = None, extra_rows=()) -> Path:
    """Two title rows, a header merged over two rows (“入党” above “日期”), variant names,
    every date form, an extra column to ignore; `mangle_row` stores that ID as a number."""
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["XX社区第一党支部党员花名册"])
    ws.merge_cells("A1:J1")
    ws.append(["填报日期：2026年11月1日"])
    ws.append(["序号", "名字", "性别", "出生年月", "公民身份号码", "入党", "转正时间", "党小组", "手机", "爱好"])
    ws.append([None, None, None, None, None, "日期", None, None, None, None])
    for c in "ABCDEGHIJ":
        ws.merge_cells(f"{c}3:{c}4")
    for i, (name, sex, born, joined, full, group) in enumerate(list(people) + list(extra_rows), start=1):
        number = id_for(born, sex == "男", seq=i)
        ws.append([i, name, sex, born.strftime("%Y.%m"), number, joined, full, group, "13800138000", "读书"])
        if mangle_row == i:
            ws.cell(ws.max_row, 5).value = float(number[:15] + "000")
    wb.save(path)
    return path
