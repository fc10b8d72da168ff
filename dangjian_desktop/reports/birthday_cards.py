"""政治生日贺卡 (.docx): one card per page with the name, 入党日期, years in the party and the 入党誓词."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import OATH_TEXT
from dangjian_desktop.reports import docx_base as dx

RED = RGBColor(0xC0, 0x00, 0x00)
GOLD = RGBColor(0xB8, 0x86, 0x0B)


def _para(doc, text: str, font: str, size, *, color=None, bold=False, align=None, indent=False,
          line=dx.LINE, before=0, after=0):
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.line_spacing_rule = dx.WD_LINE_SPACING.EXACTLY
    pf.line_spacing = line
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if indent:
        pf.first_line_indent = Pt(size.pt * 2)
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    dx.set_font(run, font, size, bold)
    if color is not None:
        run.font.color.rgb = color
    return p


def _page_border(section) -> None:
    """A red double frame with a thin gold line inside it, on every page."""
    sect_pr = section._sectPr
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "thinThickSmallGap")
        el.set(qn("w:sz"), "24")
        el.set(qn("w:space"), "24")
        el.set(qn("w:color"), "C00000")
        borders.append(el)
    sect_pr.append(borders)


def _rule(doc, color: str = "B8860B") -> None:
    """A thin gold line under a paragraph, as a divider."""
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(0)
    p.paragraph_format.space_after = Pt(6)
    p_pr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "8")
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), color)
    bdr.append(bottom)
    p_pr.append(bdr)


def write_cards(out: Path, branch_name: str, year: int, birthdays: Sequence) -> Path:
    """One card per member (services.birthdays.Birthday of `year`)."""
    doc = dx.new_document()
    for section in doc.sections:
        section.top_margin = section.bottom_margin = dx.Mm(30)
        section.left_margin = section.right_margin = dx.Mm(28)
        _page_border(section)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    for i, b in enumerate(birthdays):
        title = _para(doc, "政 治 生 日 贺 卡", dx.TITLE_FONT, Pt(30), color=RED, align=centre, line=Pt(48), before=24)
        # each card starts a page (no empty paragraph that could spill onto a page of its own)
        title.paragraph_format.page_break_before = i > 0
        _para(doc, f"入党{b.years}周年", dx.KAITI, dx.SIZE_3, color=GOLD, align=centre, line=Pt(30))
        _rule(doc)
        _para(doc, f"{b.name}同志：", dx.BODY_FONT, dx.SIZE_3, bold=True, line=Pt(32), before=6)
        milestone = f"，也是您党龄满{b.milestone}年的纪念之年" if b.milestone else ""
        _para(doc, f"{cn(b.joined_on)}，您在党旗下庄严宣誓，成为一名光荣的中国共产党党员。"
                   f"{cn(b.day)}是您入党{b.years}周年的政治生日{milestone}。"
                   f"在这个特别的日子里，{branch_name}向您致以诚挚的祝贺！",
              dx.BODY_FONT, dx.SIZE_3, indent=True, line=Pt(30))
        _para(doc, "愿您不忘初心、牢记使命，重温入党誓词，永葆共产党员的先进本色。",
              dx.BODY_FONT, dx.SIZE_3, indent=True, line=Pt(30))
        _para(doc, "入 党 誓 词", dx.HEADING_FONT, dx.SIZE_3, color=RED, align=centre, line=Pt(32), before=18)
        _para(doc, OATH_TEXT, dx.KAITI, dx.SIZE_3, indent=True, line=Pt(30), color=RGBColor(0x40, 0x00, 0x00))
        _para(doc, f"入党日期：{cn(b.joined_on)}" + (f"　　党龄：{b.party_age}年" if b.full_member_on else ""),
              dx.BODY_FONT, dx.SIZE_S4, align=WD_ALIGN_PARAGRAPH.LEFT, line=Pt(24), before=16)
        _para(doc, branch_name, dx.BODY_FONT, dx.SIZE_3, align=WD_ALIGN_PARAGRAPH.RIGHT, line=Pt(30), before=24)
        _para(doc, cn(b.day), dx.BODY_FONT, dx.SIZE_3, align=WD_ALIGN_PARAGRAPH.RIGHT, line=Pt(30))
    if not birthdays:
        _para(doc, f"{year}年没有需要制作贺卡的党员。", dx.BODY_FONT, dx.SIZE_3, align=centre)
    return dx.save(doc, out)
