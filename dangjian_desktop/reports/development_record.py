"""发展党员纪实表: one person's 25 steps with dates and people, ready to print and sign (Word)."""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from dangjian_desktop.core import idcard
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import STAGES, steps_of_stage
from dangjian_desktop.db.engine import Database
from dangjian_desktop.reports import docx_base as d
from dangjian_desktop.services.development import ApplicantDetail, applicant_choices, applicant_detail, step_summary
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register

CN_NUMBERS = "一二三四五"
WIDTHS = (14, 38, 38, 66)
REVIEW_WIDTHS = (38, 22, 22, 74)
INFO_WIDTHS = (26, 47, 22, 21, 18, 22)  # 156 mm: the A4 text width with the official margins


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


def write_record(a: ApplicantDetail, out: Path, *, mask: bool = False) -> Path:
    doc = d.new_document()
    d.add_title(doc, "发展党员纪实表")
    p = doc.paragraphs[-1]
    d.set_font(p.add_run(f"党支部：{a.branch_name}"), d.BODY_FONT, d.SIZE_S4)
    number = idcard.mask(a.id_number) if mask else (a.id_number or "")
    info = [
        ["姓名", a.name, "性别", a.gender.label if a.gender else "", "民族", a.ethnicity],
        ["出生日期", cn(a.birth_date), "籍贯", a.native_place, "学历", a.education],
        ["公民身份号码", number, "联系电话", idcard.mask_phone(a.phone) if mask else a.phone, "", ""],
        ["所在党小组", a.group_name, "工作单位及职务", a.work_unit, "", ""],
    ]
    table = _table(doc, info, INFO_WIDTHS, header=False, label_columns=(0, 2))
    for r in (2, 3):  # the long values span the last three columns
        row = table.rows[r]
        merged = row.cells[3].merge(row.cells[5])
        d.set_cell_text(merged, info[r][3])
    d.set_cell_text(table.cell(0, 4), "民族", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    d.set_cell_text(table.cell(1, 4), "学历", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for stage in STAGES:
        doc.add_paragraph()
        _heading(doc, f"{CN_NUMBERS[stage.no - 1]}、{stage.name}")
        rows = [["序号", "步骤", "日期", "有关人员及情况"]]
        for s in steps_of_stage(stage.no):
            st = a.step(s.no)
            rows.append([str(s.no), s.name, cn(st.done_on) if st.done_on else "", step_summary(st)])
        _table(doc, rows, WIDTHS)
    if a.reviews:
        doc.add_paragraph()
        _heading(doc, "六、思想汇报和考察记录")
        rows = [["日期", "类型", "考察人", "内容"]]
        for r in a.reviews:
            rows.append([cn(r.done_on), r.kind_label, r.reviewer, r.content])
        _table(doc, rows, REVIEW_WIDTHS)
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
    return d.save(doc, out)


def export_record(db: Database, request: ExportRequest) -> Path:
    a = applicant_detail(db, request.record_id)
    if a.branch_id != request.branch_id:
        from dangjian_desktop.errors import NotFound

        raise NotFound(f"编号为 {request.record_id} 的入党申请人不在所选支部。")
    return write_record(a, request.out, mask=request.mask)


register(ExportKind("development-record", "发展党员纪实表", ".docx", export_record, needs_id=True,
                    id_label="入党申请人编号", order=41, choices=applicant_choices))
