"""年度组织生活情况报告 (Word): a list of plain sections, numbered 一、二、… in order, and a 落款."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Union

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from dangjian_desktop.core.dates import cn
from dangjian_desktop.reports import docx_base as d
from dangjian_desktop.reports.minutes import add_page_numbers


@dataclass(frozen=True)
class Table:
    """A bordered table; the first row is the header."""

    rows: list[tuple[str, ...]]
    widths_mm: tuple[float, ...]
    centre_columns: tuple[int, ...] = ()


@dataclass(frozen=True)
class ToFill:
    """Lines left blank for the secretary to write on by hand (the text was not given before export)."""

    lines: int = 3


Block = Union[str, Table, ToFill]  # a str is one body paragraph


@dataclass
class Section:
    """One numbered part of the report: its heading without the number, and its blocks in order."""

    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class AnnualReportDocument:
    branch: str
    year: int
    addressee: str  # the 上级党组织 the report goes to ("" when not known)
    opening: str
    sections: list[Section]
    dated: date  # the 落款 date


NUMBERS = "一二三四五六七八九十"
TEXT_WIDTH_TWIPS = 156 * 1440 * 10 // 254  # 156 mm between the official margins


def _number(i: int) -> str:
    if i <= 10:
        return NUMBERS[i - 1]
    return ("" if i < 20 else NUMBERS[i // 10 - 1]) + "十" + (NUMBERS[i % 10 - 1] if i % 10 else "")


def _blank_line(doc) -> None:
    """An empty ruled line to write on: a tab to the right margin with an underscore leader (a paragraph
    border would merge with the next one's into a single box in Word and LibreOffice)."""
    d.add_paragraph(doc, "\t", indent=False)
    p = doc.paragraphs[-1]
    p_pr = p._p.get_or_add_pPr()
    tabs = OxmlElement("w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:leader"), "underscore")
    tab.set(qn("w:pos"), str(TEXT_WIDTH_TWIPS))
    tabs.append(tab)
    p_pr.insert(0, tabs)


def write_annual_report(r: AnnualReportDocument, out: Path) -> Path:
    doc = d.new_document()
    add_page_numbers(doc)
    d.add_title(doc, f"{r.branch}\n{r.year}年度组织生活情况报告")
    if r.addressee:
        d.add_paragraph(doc, f"{r.addressee}：", indent=False)
    d.add_paragraph(doc, r.opening)
    for i, section in enumerate(r.sections, start=1):
        d.add_heading(doc, f"{_number(i)}、{section.heading}")
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
        for block in section.blocks:
            if isinstance(block, Table):
                d.add_table(doc, block.rows, block.widths_mm, size=d.SIZE_S4, centre_columns=block.centre_columns)
                d.add_paragraph(doc, "")
            elif isinstance(block, ToFill):
                for _ in range(block.lines):
                    _blank_line(doc)
            else:
                d.add_paragraph(doc, block)
    # 落款: the branch, the date and room for the seal, kept together on one page
    doc.add_paragraph()
    start = len(doc.paragraphs)
    d.add_paragraph(doc, r.branch + "（盖章）", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    d.add_paragraph(doc, "", indent=False)
    d.add_paragraph(doc, cn(r.dated), indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for p in doc.paragraphs[start - 1:-1]:
        p.paragraph_format.keep_with_next = True
    doc.paragraphs[start].paragraph_format.space_before = Pt(24)
    return d.save(doc, out, author=r.branch, title=f"{r.branch}{r.year}年度组织生活情况报告")
