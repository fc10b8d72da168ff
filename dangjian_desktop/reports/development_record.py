"""发展党员纪实表: one person's 25 steps with dates and people, ready to print and sign (Word)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from dangjian_desktop.core.dates import cn
from dangjian_desktop.reports import docx_base as d


@dataclass(frozen=True)
class StepLine:
    no: int
    name: str
    done_on: date | None
    facts: str  # the people of the step and what came of it, in words


@dataclass(frozen=True)
class ReviewLine:
    done_on: date
    kind: str
    reviewer: str
    content: str


@dataclass(frozen=True)
class Material:
    """One item of the 材料 checklist: what it is and what the file holds of it."""

    name: str
    present: bool
    detail: str  # e.g. “2025年3月1日，附件1份” or “未见”


@dataclass
class DevelopmentRecord:
    """One person's 纪实表 as printed; ID and phone already masked when asked (the services do it)."""

    branch_name: str
    name: str
    gender: str
    ethnicity: str
    birth_date: date | None
    native_place: str
    education: str
    id_number: str
    phone: str
    group_name: str
    work_unit: str
    stages: list[tuple[str, list[StepLine]]]  # (stage name, its steps)
    reviews: list[ReviewLine] = field(default_factory=list)
    materials: list[Material] = field(default_factory=list)


CN_NUMBERS = "一二三四五六七八九十"
WIDTHS = (14, 38, 38, 66)
REVIEW_WIDTHS = (38, 22, 22, 74)
MATERIAL_WIDTHS = (14, 52, 16, 74)
INFO_WIDTHS = (30, 43, 22, 21, 18, 22)  # 156 mm: the A4 text width with the official margins


def _table(doc, rows, widths, **kwargs):
    """A docx_base table whose column widths also hold in WPS/LibreOffice (they read the grid, not
    the cells) and whose rows never break across pages (a signature sheet must not split a step)."""
    table = d.add_table(doc, rows, widths, **kwargs)
    for col, w in zip(table.columns, widths):
        col.width = Mm(w)
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        cant = OxmlElement("w:cantSplit")
        cant.set(qn("w:val"), "true")
        tr_pr.append(cant)
    return table


def _heading(doc, text: str) -> None:
    d.add_heading(doc, text)
    doc.paragraphs[-1].paragraph_format.keep_with_next = True


def write_record(a: DevelopmentRecord, out: Path) -> Path:
    doc = d.new_document()
    d.add_page_numbers(doc)
    d.add_title(doc, "发展党员纪实表")
    p = doc.paragraphs[-1]
    d.set_font(p.add_run(f"党支部：{a.branch_name}"), d.BODY_FONT, d.SIZE_S4)
    info = [
        ["姓名", a.name, "性别", a.gender, "民族", a.ethnicity],
        ["出生日期", cn(a.birth_date), "籍贯", a.native_place, "学历", a.education],
        ["公民身份号码", a.id_number, "联系电话", a.phone, "", ""],
        ["所在党小组", a.group_name, "工作单位及职务", a.work_unit, "", ""],
    ]
    table = _table(doc, info, INFO_WIDTHS, header=False, label_columns=(0, 2))
    for r in (2, 3):  # the long values span the last three columns
        row = table.rows[r]
        merged = row.cells[3].merge(row.cells[5])
        d.set_cell_text(merged, info[r][3])
    d.set_cell_text(table.cell(0, 4), "民族", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    d.set_cell_text(table.cell(1, 4), "学历", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    n = 0
    for n, (stage_name, steps) in enumerate(a.stages, start=1):
        doc.add_paragraph()
        _heading(doc, f"{CN_NUMBERS[n - 1]}、{stage_name}")
        rows = [["序号", "步骤", "日期", "有关人员及情况"]]
        rows += [[str(s.no), s.name, cn(s.done_on) if s.done_on else "", s.facts] for s in steps]
        _table(doc, rows, WIDTHS)
    if a.reviews:
        n += 1
        doc.add_paragraph()
        _heading(doc, f"{CN_NUMBERS[n - 1]}、思想汇报和考察记录")
        rows = [["日期", "类型", "考察人", "内容"]]
        rows += [[cn(r.done_on), r.kind, r.reviewer, r.content] for r in a.reviews]
        _table(doc, rows, REVIEW_WIDTHS)
    if a.materials:
        n += 1
        doc.add_paragraph()
        _heading(doc, f"{CN_NUMBERS[n - 1]}、材料清单")
        rows = [["序号", "材料", "有无", "情况"]]
        rows += [[str(i), m.name, "有" if m.present else "无", m.detail] for i, m in enumerate(a.materials, start=1)]
        _table(doc, rows, MATERIAL_WIDTHS, centre_columns=(0, 2))
    doc.add_paragraph()
    closing = len(doc.paragraphs)
    d.add_paragraph(doc, "以上情况属实。")
    d.add_signature_lines(doc, ["填表人", "党支部书记"])
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.paragraph_format.line_spacing = Pt(36)
    d.set_font(p.add_run("党支部（盖章）　　　　年　　月　　日"), d.BODY_FONT, d.SIZE_3)
    for para in doc.paragraphs[closing:-1]:  # the attestation and the signatures stay on one page
        para.paragraph_format.keep_with_next = True
    return d.save(doc, out, author=a.branch_name, title=f"{a.name}发展党员纪实表")
