"""花名册, 政治生日一览表 and 贺卡: open the written files again and check what an upper level sees."""

from __future__ import annotations

from datetime import date

from docx import Document
from openpyxl import load_workbook

from dangjian_desktop.core.glossary import OATH_TEXT
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.exports import ExportRequest, run_export
from dangjian_desktop.services.members import create_member, list_members
from tests.conftest import TODAY
from tests.roster_files import id_for


def _branch_with_tricky_member(db):
    b = create_branch(db, "测试第一党支部")
    f = MemberFields(name="张三", id_number=id_for(date(1970, 1, 2), True), joined_on=date(1995, 7, 1),
                     full_member_on=date(1996, 7, 1), phone="13800138000", work_unit="=HYPERLINK(\"x\")",
                     notes="+1 @备注")
    create_member(db, b.id, f, today=TODAY)
    return b


def test_roster_cells_formats_and_print_setup(db, workdir):
    b = _branch_with_tricky_member(db)
    out = run_export(db, "roster", ExportRequest(b.id, workdir / "花名册.xlsx"))
    ws = load_workbook(out).active
    assert "测试第一党支部党员花名册" == ws["A1"].value
    assert "A1:T1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[3]] == ["序号", "姓名", "性别", "民族", "出生日期", "籍贯", "公民身份号码", "学历", "人员类别",
                                        "工作岗位", "工作单位及职务", "入党日期", "转正日期", "党龄", "党内职务",
                                        "所在党小组", "联系电话", "家庭住址", "流动/失联", "备注"]
    assert ws["I4"].value in ("正式党员", "预备党员") and ws["G4"].number_format == "@"
    assert ws.cell(3, 2).font.b and ws.freeze_panes == "A4"
    assert ws["G4"].value == id_for(date(1970, 1, 2), True) and ws["G4"].data_type == "s"
    assert ws["L4"].value.date() == date(1995, 7, 1) and ws["L4"].number_format == "yyyy-mm-dd"
    assert ws["B4"].border.left.style == "thin"
    # formula-safe: text starting with = + - @ is kept as text with a quote prefix
    assert ws["K4"].data_type == "s" and ws["K4"].value.startswith("=") and ws["K4"].quotePrefix
    assert ws["T4"].quotePrefix
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    # one page wide: fitToWidth 1 is the file format's default, which XlsxWriter leaves out
    assert ws.page_setup.fitToWidth in (1, None) and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert ws.column_dimensions["G"].width >= 18


def test_roster_mask_hides_the_middle_of_ids_and_phones(db, workdir):
    b = _branch_with_tricky_member(db)
    out = run_export(db, "roster", ExportRequest(b.id, workdir / "花名册.xlsx", mask=True))
    ws = load_workbook(out).active
    number = id_for(date(1970, 1, 2), True)
    assert ws["G4"].value == number[:6] + "********" + number[-4:]
    assert ws["Q4"].value == "138****8000"
    assert "隐去" in ws["A2"].value


def test_roster_plain_rows_keep_styles_and_masking(db, workdir):
    """Plain rows and rows with formula-like text get the same borders, fonts and alignment."""
    b = create_branch(db, "测试第二党支部")
    number = id_for(date(1980, 3, 4), False)
    create_member(db, b.id, MemberFields(name="李四", id_number=number, joined_on=date(2001, 7, 1),
                                         full_member_on=date(2002, 7, 1), phone="13900139000"), today=TODAY)
    for mask in (False, True):
        out = run_export(db, "roster", ExportRequest(b.id, workdir / f"花名册{mask}.xlsx", mask=mask))
        ws = load_workbook(out).active
        assert ws.cell(3, 7).font.b and ws.cell(3, 7).fill.fgColor.rgb.endswith("F2F2F2")
        assert ws["A4"].value == 1 and ws["B4"].value == "李四" and ws["N4"].data_type == "n" and ws["N4"].value >= 24
        assert ws["G4"].value == (number[:6] + "********" + number[-4:] if mask else number)
        assert ws["G4"].data_type == "s" and ws["Q4"].value == ("139****9000" if mask else "13900139000")
        assert ws["L4"].value.date() == date(2001, 7, 1) and ws["L4"].number_format == "yyyy-mm-dd"
        for ref in ("A4", "B4", "G4", "L4", "T4"):
            c = ws[ref]
            assert c.border.left.style == c.border.bottom.style == "thin" and c.font.name == "宋体" and not c.font.b
        assert ws["A4"].alignment.horizontal == "center" and ws["B4"].alignment.horizontal == "left"
        assert ws["L4"].alignment.horizontal == "center" and ws["B4"].alignment.wrap_text


def test_roster_keeps_awkward_text_as_typed(db, workdir):
    """Spaces around a value, text longer than a cell holds, a control character pasted from elsewhere:
    the file is written and reads back (a cell holds at most 32,767 characters)."""
    from dataclasses import replace

    (member,) = list_members(db, _branch_with_tricky_member(db).id)
    odd = replace(member, work_unit=" 前后有空格 ", notes="长" * 40000, native_place="响铃\x07字符")
    from dangjian_desktop.reports.roster import write_roster

    ws = load_workbook(write_roster(workdir / "花名册.xlsx", "测试", [odd], TODAY)).active
    assert ws["K4"].value == " 前后有空格 " and ws["T4"].value == "长" * 32767
    assert ws["F4"].value.startswith("响铃") and ws["F4"].value.endswith("字符")


def test_birthdays_by_month_with_milestones(demo_db, workdir):
    out = run_export(demo_db, "birthdays", ExportRequest(1, workdir / "政治生日.xlsx", year=2026))
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    assert "2026年党员政治生日一览表" in ws["A1"].value
    months = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value]
    assert months == sorted(months, key=lambda m: int(m[:-1]))
    days = [ws.cell(r, 6).value.date() for r in range(4, ws.max_row + 1)]
    assert days == sorted(days) and all(d.year == 2026 for d in days)
    assert wb.worksheets[1].title == "光荣在党50年"


def test_birthday_cards_one_page_each_with_oath(demo_db, workdir):
    people = list_members(demo_db, 1, on_roll_only=True)[:3]
    req = ExportRequest(1, workdir / "贺卡.docx", year=2026, member_ids=[m.id for m in people])
    out = run_export(demo_db, "birthday-cards", req)
    doc = Document(out)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.count(OATH_TEXT) == 3 and text.count("政 治 生 日 贺 卡") == 3
    for m in people:
        assert f"{m.name}同志：" in text
    starts = [p for p in doc.paragraphs if p.text == "政 治 生 日 贺 卡"]
    assert [bool(p.paragraph_format.page_break_before) for p in starts] == [False, True, True]
    rfonts = doc.paragraphs[0].runs[0]._r.rPr.rFonts
    assert rfonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")


def test_roster_marks_an_invalid_id_number(db, workdir):
    """An ID number whose check digit is wrong is written as typed, in a red cell, and counted above."""
    b = create_branch(db, "测试第三党支部")
    good = id_for(date(1980, 3, 4), False)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    from dangjian_desktop.core.glossary import MemberStatus
    from dangjian_desktop.db import models as m

    with db.transaction() as s:  # an old record typed before the check existed
        for name, number in (("甲", good), ("乙", bad)):
            s.add(m.Member(branch_id=b.id, name=name, id_number=number, joined_on=date(2001, 7, 1),
                           full_member_on=date(2002, 7, 1), status=MemberStatus.FULL, status_since=date(2002, 7, 1)))
    ws = load_workbook(run_export(db, "roster", ExportRequest(b.id, workdir / "名册.xlsx"))).active
    rows = {ws.cell(r, 2).value: ws.cell(r, 7) for r in (4, 5)}
    assert rows["乙"].value == bad and rows["乙"].fill.fgColor.rgb.endswith("F8CBAD")
    assert not rows["甲"].fill.fgColor.rgb.endswith("F8CBAD")
    assert "身份证号有误（1人）" in ws["A2"].value
