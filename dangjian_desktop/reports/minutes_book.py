"""会议记录本 (Word): a cover, a 目录 with page numbers, then every record of the year, each on a new page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from dangjian_desktop.core.dates import cn
from dangjian_desktop.reports import docx_base as d
from dangjian_desktop.reports.minutes import MinutesRecord, _last_paragraph, add_minutes

Progress = Callable[[int, int, str], None]
CONTENTS_WIDTHS = (14, 24, 50, 52, 16)  # 序号, 日期, 会议类型, 会议名称, 页码: 156 mm
BLANK = "　" * 8  # a space to write in by hand, underlined


@dataclass
class MinutesBook:
    branch_name: str
    year: int
    records: list[MinutesRecord]
    first_day: date | None = None  # 起止日期: the first and last record of the book
    last_day: date | None = None
    recorders: list[str] = field(default_factory=list)
    keeper: str = ""  # 保管人: written by hand when not known


def _bookmark(paragraph, name: str, bid: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bid))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bid))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _cover(doc, book: MinutesBook) -> None:
    for _ in range(4):
        doc.add_paragraph()
    d.add_title(doc, book.branch_name, size=d.SIZE_2)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d._fixed(p, Pt(60))
    d.set_font(p.add_run(f"{book.year}年度会议记录本"), d.TITLE_FONT, Pt(26))
    for _ in range(5):
        doc.add_paragraph()
    span = (f"{cn(book.first_day)}至{cn(book.last_day)}" if book.first_day and book.last_day else "")
    lines = [("支　　部", book.branch_name), ("年　　度", f"{book.year}年"), ("起止日期", span),
             ("记 录 人", "、".join(book.recorders)), ("保 管 人", book.keeper)]
    for label, value in lines:
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Mm(28)
        d._fixed(p, Pt(40))
        d.set_font(p.add_run(f"{label}："), d.HEADING_FONT, d.SIZE_3)
        run = p.add_run(value or BLANK)
        d.set_font(run, d.BODY_FONT, d.SIZE_3)
        run.font.underline = True


def _contents(doc, book: MinutesBook) -> None:
    d.add_title(doc, "目　　录")
    title = _last_paragraph(doc)._p.getprevious()
    Paragraph(title, doc._body).paragraph_format.page_break_before = True
    rows = [("序号", "日期", "会议类型", "会议名称 / 主题", "页码")]
    rows += [(str(i), f"{r.held_on.month}月{r.held_on.day}日", r.type_label, r.title, "")
             for i, r in enumerate(book.records, start=1)]
    table = d.add_table(doc, rows, CONTENTS_WIDTHS, size=d.SIZE_5, centre_columns=(0, 1, 4))
    for i, row in enumerate(table.rows[1:], start=1):
        cell = row.cells[4]
        p = cell.paragraphs[0]
        # the page the record starts on, computed by Word/WPS/LibreOffice when they lay the book out
        d.add_field(p, f"PAGEREF rec{i} \\h", d.SIZE_5, placeholder="")
    if not book.records:
        d.add_paragraph(doc, f"{book.year}年还没有会议记录。")


def write_minutes_book(book: MinutesBook, out: Path, progress: Progress | None = None) -> Path:
    """The book: a cover, the contents with page numbers, then one record per page, oldest first."""
    doc = d.new_document()
    d.add_page_numbers(doc)
    _cover(doc, book)
    _contents(doc, book)
    total = len(book.records)
    body = doc.element.body
    for i, r in enumerate(book.records, start=1):
        first_new = len(body) - 1  # the body ends with its sectPr; new paragraphs go before it
        add_minutes(doc, r, heading=f"（{i}）{r.heading}", new_page=True)
        _bookmark(Paragraph(body[first_new], doc._body), f"rec{i}", i)  # the record's title
        if progress and (i % 10 == 0 or i == total):
            progress(i, total, f"正在写第 {i} 次会议的记录")
    _update_fields_on_open(doc)
    return d.save(doc, out, author=book.branch_name, title=f"{book.branch_name}{book.year}年度会议记录本")


def _update_fields_on_open(doc) -> None:
    """Word recomputes the page numbers of the contents when the book is opened."""
    settings = doc.settings.element
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        settings.append(el)
    el.set(qn("w:val"), "true")
