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
