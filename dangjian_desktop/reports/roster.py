"""党员花名册 (.xlsx) as an upper level expects it; 10,000 members export fast.

Written with XlsxWriter's constant-memory mode: each row goes to the file as it is written, with a
few shared formats, the way openpyxl's write-only mode would but without a Cell object per value.
The cells follow xlsx_base's rules: text stays text (an ID number is never a number; text starting
with = + - @ is text with a quote prefix, never a formula), dates with DATE_FORMAT, borders, 宋体.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Callable, Sequence

import xlsxwriter

from dangjian_desktop.core import idcard
from dangjian_desktop.core.dates import cn
from dangjian_desktop.files import atomic_target
from dangjian_desktop.reports import xlsx_base as xb

# as the 全国党员管理信息系统 names them: 人员类别 = 正式党员/预备党员, 工作岗位 = the job category
HEADERS = ("序号", "姓名", "性别", "民族", "出生日期", "籍贯", "公民身份号码", "学历", "人员类别", "工作岗位",
           "工作单位及职务", "入党日期", "转正日期", "党龄", "党内职务", "所在党小组", "联系电话", "家庭住址",
           "流动/失联", "备注")
WIDTHS = (6, 10, 5, 7, 12, 12, 21, 9, 10, 12, 24, 12, 12, 6, 10, 12, 14, 24, 9, 14)
CENTRE = (1, 3, 4, 5, 9, 12, 13, 14, 19)
ID_COLUMN = HEADERS.index("公民身份号码")
BAD_ID_FILL = "#F8CBAD"  # xlsx_base.RED_FILL: an ID number that cannot be right


def _moving(m) -> str:
    return "、".join(w for w, on in (("流动", getattr(m, "is_floating", False)),
                                     ("失联", getattr(m, "is_lost_contact", False))) if on)


def write_roster(out: Path, branch_name: str, members: Sequence, today: date, *, mask: bool = False,
                 progress: Callable[[int, int, str], None] | None = None) -> Path:
    """One row per member (MemberInfo-like objects), in the order given; written atomically."""
    out = Path(out)
    with atomic_target(out, ".xlsx") as tmp:
        # write_string never makes a formula, a number or a link of text; these options say so for write()
        wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False,
                                            "strings_to_numbers": False, "strings_to_urls": False})
        ws = wb.add_worksheet("党员花名册")
        font = {"font_name": xb.FONT_NAME, "font_size": 11}
        border = {"border": 1}
        title = wb.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "align": "center",
                               "valign": "vcenter", "text_wrap": True})
        sub = wb.add_format({**font, "align": "right"})
        head = wb.add_format({**font, **border, "bold": True, "align": "center", "valign": "vcenter",
                              "text_wrap": True, "bg_color": "#F2F2F2", "pattern": 1})
        body = {}
        for centre in (False, True):
            for kind in ("text", "date", "quoted"):
                spec = {**font, **border, "valign": "vcenter", "text_wrap": True,
                        "align": "center" if centre else "left"}
                if kind == "date":
                    spec["num_format"] = xb.DATE_FORMAT
                if kind == "quoted":
                    spec["quote_prefix"] = True
                body[(centre, kind)] = wb.add_format(spec)
        id_spec = {**font, **border, "valign": "vcenter", "align": "left", "num_format": "@"}  # text, never a number
        id_ok, id_bad = wb.add_format(id_spec), wb.add_format({**id_spec, "bg_color": BAD_ID_FILL, "pattern": 1})
        n = len(HEADERS)
        for i, w in enumerate(WIDTHS):
            ws.set_column(i, i, w)
        ws.freeze_panes(3, 0)
        # xlsx_base.print_setup's A4 landscape, one page wide, the header repeated on every page
        ws.set_paper(9)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(2)
        ws.center_horizontally()
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_footer("&C第 &P 页，共 &N 页")
        ws.set_row(0, 30)
        ws.merge_range(0, 0, 0, n - 1, f"{branch_name}党员花名册", title)
        bad = 0 if mask else sum(1 for m in members if m.id_number and idcard.problem(m.id_number))
        ws.merge_range(1, 0, 1, n - 1, f"截至{cn(today)}，共 {len(members)} 人"
                       + ("（已隐去身份证号和电话号码的中间几位）" if mask else "")
                       + (f"　红色：身份证号有误（{bad}人），请核对" if bad else ""), sub)
        for c, h in enumerate(HEADERS):
            ws.write_string(2, c, h, head)
        centre_cols = frozenset(c - 1 for c in CENTRE)
        formats = [(body[(c in centre_cols, "text")], body[(c in centre_cols, "date")],
                    body[(c in centre_cols, "quoted")]) for c in range(n)]
        formats[ID_COLUMN] = (id_ok, id_ok, id_ok)
        total = len(members)
        write_string, write_number, write_datetime, write_blank = (ws.write_string, ws.write_number,
                                                                   ws.write_datetime, ws.write_blank)
        for i, m in enumerate(members, start=1):
            number = m.id_number or ""
            phone = m.phone or ""
            if mask:
                number, phone = idcard.mask(number), idcard.mask_phone(phone)
            row = i + 2
            values = (i, m.name, m.gender.label if m.gender else "", m.ethnicity, m.birth_date, m.native_place,
                      number, m.education, m.status.label, m.category, m.work_unit, m.joined_on, m.full_member_on,
                      m.party_age(today) if m.full_member_on else "", m.party_post, m.group, phone,
                      getattr(m, "address", ""), _moving(m), m.notes)
            for c, v in enumerate(values):
                text_fmt, date_fmt, quoted_fmt = formats[c]
                if c == ID_COLUMN and not mask and v and idcard.problem(v):
                    write_string(row, c, v, id_bad)
                    continue
                kind = type(v)
                if kind is str:
                    if v:
                        write_string(row, c, v, quoted_fmt if v.startswith(xb.FORMULA_STARTS) else text_fmt)
                    else:
                        write_blank(row, c, None, text_fmt)
                elif kind is int:
                    write_number(row, c, v, text_fmt)
                elif kind is date or kind is datetime:
                    write_datetime(row, c, datetime(v.year, v.month, v.day), date_fmt)
                elif v is None:
                    write_blank(row, c, None, text_fmt)
                else:
                    write_string(row, c, str(v), text_fmt)
            if progress and i % 500 == 0:
                progress(i, total, f"已写入 {i} 人，共 {total} 人")
        wb.close()
    return out
