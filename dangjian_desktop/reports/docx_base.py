"""The official look for Word documents (GB/T 9704 style), from our own template.

A4; margins top 37 mm, bottom 35, left 28, right 26; title 方正小标宋简体 二号; body
仿宋_GB2312 三号 with a fixed 28 pt line spacing. The East-Asian font (w:eastAsia) is
set explicitly on every run, or Word falls back to a Latin font for Chinese text.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from dangjian_desktop import paths
from dangjian_desktop.files import atomic_target

TITLE_FONT = "方正小标宋简体"
TITLE_FALLBACK = "宋体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
KAITI = "楷体_GB2312"
LATIN_FONT = "Times New Roman"

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_S4 = Pt(12)  # 小四
SIZE_5 = Pt(10.5)  # 五号
LINE = Pt(28)

TEMPLATE = ("templates", "official.docx")
# fonts a stock Windows lacks, with the stock font Word and WPS should take instead (w:altName)
FONT_FALLBACKS = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", KAITI: "楷体"}
EAST_ASIAN_LANGUAGE = "zh-CN"


def set_font(run, east_asia: str = BODY_FONT, size=SIZE_3, bold: bool = False, latin: str = LATIN_FONT) -> None:
    """Set a run's fonts, East-Asian included."""
    rpr = run._element.get_or_add_rPr()
    if len(rpr) == 0:  # a new run: write the properties directly, in schema order (fast for long documents)
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), latin)
        fonts.set(qn("w:eastAsia"), east_asia)
        rpr.append(fonts)
        b = OxmlElement("w:b")
        if not bold:
            b.set(qn("w:val"), "0")
        rpr.append(b)
        half_points = str(int(round(size.pt * 2)))
        for tag in ("w:sz", "w:szCs"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), half_points)
            rpr.append(el)
        return
    run.font.name = latin
    run.font.size = size
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def new_document(landscape: bool = False) -> DocumentType:
    """A document from our template, with the official page set-up."""
    doc = Document(str(paths.resource(*TEMPLATE)))
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.orientation = WD_ORIENT.PORTRAIT
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = SIZE_3
    normal.element.get_or_add_rPr()
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        normal.element.rPr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), BODY_FONT)
    lang = normal.element.rPr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        normal.element.rPr.append(lang)
    lang.set(qn("w:eastAsia"), EAST_ASIAN_LANGUAGE)  # spell-check and line breaking as Chinese
    _declare_fonts(doc)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    return doc


def _declare_fonts(doc: DocumentType) -> None:
    """Name our Chinese fonts in the font table with a stock fallback, so Word and WPS substitute well."""
    part = doc.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    known = {f.get(qn("w:name")): f for f in root.findall(qn("w:font"))}
    for name, alt in FONT_FALLBACKS.items():
        font = known.get(name)
        if font is None:
            font = etree.SubElement(root, qn("w:font"))
            font.set(qn("w:name"), name)
            charset = etree.SubElement(font, qn("w:charset"))
            charset.set(qn("w:val"), "86")  # GB2312
            family = etree.SubElement(font, qn("w:family"))
            family.set(qn("w:val"), "modern" if name == BODY_FONT else "roman")
            pitch = etree.SubElement(font, qn("w:pitch"))
            pitch.set(qn("w:val"), "fixed" if name == BODY_FONT else "variable")
        for old in font.findall(qn("w:altName")):
            font.remove(old)
        alt_el = etree.Element(qn("w:altName"))
        alt_el.set(qn("w:val"), alt)
        font.insert(0, alt_el)  # altName comes first in CT_Font
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fixed(paragraph, line=LINE) -> None:
    pf = paragraph.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = line
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)


def add_title(doc: DocumentType, text: str, size=SIZE_2) -> None:
    """The document title: 方正小标宋 二号, centred, with an empty line after it."""
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fixed(p, Pt(36))
    set_font(p.add_run(text), TITLE_FONT, size)
    doc.add_paragraph()


def add_subtitle(doc: DocumentType, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fixed(p)
    set_font(p.add_run(text), KAITI, SIZE_3)


def add_heading(doc: DocumentType, text: str, level: int = 1) -> None:
    """一、 headings in 黑体, 二级 （一） in 楷体, both 三号."""
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    _fixed(p)
    set_font(p.add_run(text), HEADING_FONT if level == 1 else KAITI, SIZE_3)


def add_paragraph(doc: DocumentType, text: str, *, indent: bool = True, bold: bool = False,
                  align=None, size=SIZE_3, font: str = BODY_FONT) -> None:
    """Body text: 仿宋 三号, two-character first-line indent; one paragraph per line of `text`."""
    for line in (text or "").splitlines() or [""]:
        p = doc.add_paragraph()
        if indent:
            p.paragraph_format.first_line_indent = Pt(size.pt * 2)
        if align is not None:
            p.alignment = align
        _fixed(p)
        set_font(p.add_run(line), font, size, bold)


def add_label_text(doc: DocumentType, label: str, text: str) -> None:
    """A paragraph that starts with a bold label: “议题：……”."""
    p = doc.add_paragraph()
    _fixed(p)
    set_font(p.add_run(label), HEADING_FONT, SIZE_3)
    set_font(p.add_run(text), BODY_FONT, SIZE_3)


def set_cell_text(cell, text: str, *, bold: bool = False, size=SIZE_S4, align=WD_ALIGN_PARAGRAPH.LEFT,
                  font: str = BODY_FONT) -> None:
    # written as XML directly: python-docx's setters cost ~1 ms per cell, too slow for a year's tables
    tc = cell._tc
    for child in list(tc):
        if child.tag != qn("w:tcPr"):
            tc.remove(child)
    jc = {WD_ALIGN_PARAGRAPH.CENTER: "center", WD_ALIGN_PARAGRAPH.RIGHT: "right"}.get(align, "left")
    half_points = str(int(round(size.pt * 2)))
    for line in (text or "").splitlines() or [""]:
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        spacing = OxmlElement("w:spacing")
        for attr, value in (("w:before", "40"), ("w:after", "40"), ("w:line", "240"), ("w:lineRule", "auto")):
            spacing.set(qn(attr), value)  # 2 pt before and after, single line spacing
        ppr.append(spacing)
        jc_el = OxmlElement("w:jc")
        jc_el.set(qn("w:val"), jc)
        ppr.append(jc_el)
        p.append(ppr)
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), LATIN_FONT)
        fonts.set(qn("w:eastAsia"), font)
        rpr.append(fonts)
        b = OxmlElement("w:b")
        if not bold:
            b.set(qn("w:val"), "0")
        rpr.append(b)
        for tag in ("w:sz", "w:szCs"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), half_points)
            rpr.append(el)
        r.append(rpr)
        t = OxmlElement("w:t")
        t.text = line
        t.set(qn("xml:space"), "preserve")
        r.append(t)
        p.append(r)
        tc.append(p)


def _borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "6")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def add_table(doc: DocumentType, rows: Sequence[Sequence[str]], widths_mm: Sequence[float], *,
              header: bool = True, size=SIZE_S4, label_columns: Iterable[int] = (),
              centre_columns: Iterable[int] = ()) -> object:
    """A bordered table; the first row is a bold header if `header`; label columns are bold."""
    table = doc.add_table(rows=len(rows), cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    for c, w in enumerate(widths_mm):  # the grid: LibreOffice and WPS go by it, not by cell widths
        table.columns[c].width = Mm(w)
    labels = set(label_columns)
    centred = set(centre_columns) | labels
    # row by row: table.cell(r, c) rebuilds the whole grid on every call (slow for long tables)
    for r, (row, table_row) in enumerate(zip(rows, table.rows)):
        cells = table_row.cells
        for c, value in enumerate(row):
            cell = cells[c]
            cell.width = Mm(widths_mm[c])
            bold = (header and r == 0) or c in labels
            align = WD_ALIGN_PARAGRAPH.CENTER if (header and r == 0) or c in centred else WD_ALIGN_PARAGRAPH.LEFT
            set_cell_text(cell, str(value if value is not None else ""), bold=bold, size=size, align=align)
    if header:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
    return table


def add_signature_lines(doc: DocumentType, labels: Sequence[str]) -> None:
    """“主持人（签字）：________” lines at the end of a record."""
    doc.add_paragraph()
    for label in labels:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _fixed(p, Pt(36))
        set_font(p.add_run(f"{label}（签字）：____________"), BODY_FONT, SIZE_3)


def add_page_numbers(doc: DocumentType) -> None:
    """“— 1 —” centred in the footer, as official documents number their pages."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(p.add_run("— "), BODY_FONT, SIZE_4)
    add_field(p, "PAGE", SIZE_4)
    set_font(p.add_run(" —"), BODY_FONT, SIZE_4)


def add_field(paragraph, instruction: str, size=SIZE_4, placeholder: str = "") -> None:
    """A Word field (PAGE, PAGEREF …) in a paragraph; Word, WPS and LibreOffice compute it when they lay
    the page out. The paragraph mark carries the size too: some programs format the result by it."""
    p_pr = paragraph._p.get_or_add_pPr()
    mark = p_pr.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        p_pr.append(mark)
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(int(round(size.pt * 2))))
        mark.append(el)
    run = paragraph.add_run()
    set_font(run, BODY_FONT, size)
    parts = [("begin", None), (None, instruction), ("separate", None)]
    for kind, text in parts:
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            if kind == "begin" and instruction.startswith("TOC"):
                el.set(qn("w:dirty"), "true")  # ask Word to update the contents on opening
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        run._r.append(el)
    shown = paragraph.add_run(placeholder)
    set_font(shown, BODY_FONT, size)
    end = paragraph.add_run()
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), "end")
    end._r.append(el)


def page_break(doc: DocumentType) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def save(doc: DocumentType, out: Path, *, author: str = "", title: str = "") -> Path:
    """Write atomically: a failure never leaves a half-written file under the user's name. The file's
    properties say who made it (the branch) and when (now), not the template's."""
    out = Path(out)
    props = doc.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    props.author = author or "党支部工作台"
    props.last_modified_by = author or "党支部工作台"
    props.title = title or out.stem
    props.comments = ""
    props.created = props.modified = now
    props.revision = 1
    with atomic_target(out, ".docx") as tmp:
        doc.save(tmp)
    return out
