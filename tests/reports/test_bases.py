"""The shared Word and Excel helpers: official fonts, and text that never becomes a formula."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import Workbook, load_workbook

from dangjian_desktop.reports import docx_base, xlsx_base


def test_word_document_has_the_official_page_and_east_asian_fonts(tmp_path):
    doc = docx_base.new_document()
    docx_base.add_title(doc, "会议记录")
    docx_base.add_paragraph(doc, "正文第一段")
    out = docx_base.save(doc, tmp_path / "记录.docx")
    again = Document(out)
    s = again.sections[0]
    assert (round(s.top_margin.mm), round(s.bottom_margin.mm), round(s.left_margin.mm), round(s.right_margin.mm)) == (37, 35, 28, 26)
    assert abs(s.page_width - Mm(210)) < Mm(1)
    fonts = [r._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for p in again.paragraphs for r in p.runs]
    assert fonts == [docx_base.TITLE_FONT, docx_base.BODY_FONT]
    body = [p for p in again.paragraphs if p.text == "正文第一段"][0]
    assert body.paragraph_format.line_spacing.pt == 28


def test_cells_that_look_like_formulas_stay_text(tmp_path):
    wb = Workbook()
    ws = wb.active
    xlsx_base.put(ws.cell(1, 1), "=HYPERLINK(\"http://x\",\"点我\")")
    xlsx_base.put(ws.cell(1, 2), "110105194912310021")
    out = xlsx_base.save(wb, tmp_path / "表.xlsx")
    ws2 = load_workbook(out).active
    assert ws2.cell(1, 1).data_type == "s" and ws2.cell(1, 1).quotePrefix
    assert ws2.cell(1, 2).value == "110105194912310021"


def test_exported_files_are_the_owners_alone_and_leave_no_temporary_file(tmp_path):
    import os
    import stat

    old_umask = os.umask(0o022)  # the usual one, which would make a new file readable by everyone
    try:
        doc = docx_base.new_document()
        docx_base.add_paragraph(doc, "x")
        out = docx_base.save(doc, tmp_path / "a.docx")
        book = xlsx_base.save(Workbook(), tmp_path / "b.xlsx")
    finally:
        os.umask(old_umask)
    for path in (out, book):
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.xlsx"]


def _cells_as_seen(path):
    """What a reader sees of each body cell: value, type and every part of its style."""
    ws = load_workbook(path).active
    return [[(c.value, c.data_type, c.number_format, c.quotePrefix, c.font.name, c.font.b,
              getattr(c.border.left, "style", None), getattr(c.border.bottom, "style", None), c.alignment.horizontal, c.alignment.vertical, c.alignment.wrap_text)
             for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=7)]


def test_body_rows_write_the_same_cells_as_write_only_cell(tmp_path):
    """BodyRows writes the XML itself; a reader must see what write_only_cell's cells give."""
    from datetime import date, datetime

    rows = [
        (1, "张三", "", None, date(1995, 7, 1), " 前后有空格 ", "110105194912310021"),
        (2, "=HYPERLINK(\"x\")", "+1", "@备注", datetime(2001, 7, 1, 9, 30), "-", 3.5),
        (True, "李四", "第一党小组", 0, date(1899, 12, 31), "  ", 7),
        (4, "王五", "a" * 40000, 0, datetime(2001, 7, 1, 9, 30), "  ", date(1900, 2, 28)),
    ]

    def write(fast: bool):
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("表")
        if fast:
            body = xlsx_base.BodyRows(ws, centre_columns=(1, 3, 5))
        ws.append([xlsx_base.write_only_cell(ws, "标题", font=xlsx_base.TITLE_FONT, border=None)])
        for values in rows:
            if fast:
                body.append(values)
            else:
                ws.append([xlsx_base.write_only_cell(ws, v, align=xlsx_base.CENTER if c in (1, 3, 5) else xlsx_base.LEFT)
                           for c, v in enumerate(values, start=1)])
        return xlsx_base.save(wb, tmp_path / f"{'fast' if fast else 'cells'}.xlsx")

    fast, cells = _cells_as_seen(write(True)), _cells_as_seen(write(False))
    assert fast == cells
    first = fast[1]
    assert first[0][:3] == (1, "n", "General") and first[0][8] == "center"
    assert first[1][6] == "thin" and first[1][8] == "left" and first[1][4] == xlsx_base.FONT_NAME
    assert first[4][2] == xlsx_base.DATE_FORMAT and first[5][0] == " 前后有空格 "
    assert fast[2][1][3] and fast[2][1][1] == "s"  # a formula stays text, with a quote prefix


def test_body_rows_refuse_what_openpyxl_refuses(tmp_path):
    import pytest
    from openpyxl.utils.exceptions import IllegalCharacterError

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("表")
    body = xlsx_base.BodyRows(ws)
    with pytest.raises(IllegalCharacterError):
        body.append(("正常", "控制字符\x07"))
