"""中国共产党党员组织关系介绍信 (.docx): 存根, 介绍信 and 回执 on one A4 page, in the three-part layout of the
中组部 式样 (组通字〔2006〕45号): each part numbered 第 号, 党费交到 and 有效期 in capitals, cut lines between
the parts where the 骑缝章 goes. Takes plain data (services.transfer_exports.TransferLetter), never the database."""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.transfers import capital_month, capital_number
from dangjian_desktop.reports import docx_base as base

BODY = Pt(14)  # 四号: the letter is a form, three parts to a page
SMALL = Pt(10.5)
LINE = Pt(23)
TITLE = Pt(18)
BLANK = "＿＿＿＿"


def _para(doc, text: str = "", *, size=BODY, font=base.BODY_FONT, align=None, indent: bool = False,
          bold: bool = False, line=LINE):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(size.pt * 2)
    base._fixed(p, line)
    if text:
        base.set_font(p.add_run(text), font, size, bold)
    return p


def _number_line(doc, letter_no: str) -> None:
    _para(doc, f"第 {letter_no or '　　　　'} 号", align=WD_ALIGN_PARAGRAPH.RIGHT)


def _title(doc, text: str) -> None:
    _para(doc, text, size=TITLE, font=base.TITLE_FONT, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(30))


def _cut(doc, part: str) -> None:
    """The line where the parts are cut apart (and the 骑缝章 goes over it)."""
    _para(doc, f"┄┄┄┄┄┄┄┄┄┄┄┄（{part}　加盖骑缝章）┄┄┄┄┄┄┄┄┄┄┄┄", size=SMALL,
          align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(20))


def write_transfer_letter(out: Path, letter) -> Path:
    """The letter of one 转出 (a TransferLetter-like object), written atomically."""
    doc = base.new_document()
    for section in doc.sections:
        section.top_margin, section.bottom_margin = Mm(15), Mm(12)
        section.left_margin, section.right_margin = Mm(22), Mm(20)
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None and not body.text:
        body._element.getparent().remove(body._element)  # the template's empty first paragraph
    status = letter.status or "正式/预备"
    day = cn(letter.issued_on)

    # 第一联 存根: kept by the branch's 党委; the 回执 is pasted onto it when it comes back
    _title(doc, "中国共产党党员组织关系介绍信（存根）")
    _number_line(doc, letter.letter_no)
    _para(doc, f"{letter.name}同志系中共{status}党员，组织关系由{letter.from_org}转到{letter.to_org}。", indent=True)
    if letter.reason:
        _para(doc, f"转出原因：{letter.reason}", indent=True)
    _para(doc, day, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "（贴回执联处）", size=SMALL, align=WD_ALIGN_PARAGRAPH.CENTER)
    _cut(doc, "第一联")

    # 第二联 介绍信: carried by the member to the receiving 党组织
    _title(doc, "中国共产党党员组织关系介绍信")
    _number_line(doc, letter.letter_no)
    _para(doc, f"{letter.to_org}：")
    age = f"{letter.age}岁，" if letter.age is not None else f"{BLANK}岁，"
    ethnicity = letter.ethnicity or BLANK
    paid = capital_month(letter.dues_paid_to) if letter.dues_paid_to else f"{BLANK}年{BLANK}月"
    _para(doc, f"{letter.name}同志（{letter.gender or '男/女'}），{age}{ethnicity}，系中共{status}党员，"
               f"身份证号码{letter.id_number or BLANK}，由{letter.from_org}去{letter.to_org}，请接转组织关系。"
               f"该同志党费已交到{paid}。", indent=True)
    valid = capital_number(letter.valid_days) if letter.valid_days else BLANK
    _para(doc, f"（有效期{valid}天）", indent=True)
    _para(doc, "（盖章）", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, day, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, f"党员联系电话或其他联系方式：{letter.phone}", size=Pt(12), line=Pt(20))
    _para(doc, f"党员原所在基层党委通讯地址：{letter.parent_org}", size=Pt(12), line=Pt(20))
    _para(doc, "联系电话：　　　　　　　　传真：　　　　　　　　邮编：", size=Pt(12), line=Pt(20))
    _cut(doc, "第二联")

    # 第三联 回执: filled in and sent back by the 党委 that finally receives the member
    _title(doc, "中国共产党党员组织关系介绍信回执")
    _number_line(doc, letter.letter_no)
    _para(doc, f"{letter.parent_org or letter.from_org}：")
    _para(doc, f"{letter.name}同志的党员组织关系已转达我处，特此回复。", indent=True)
    _para(doc, "（盖章）", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "年　　月　　日", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "经办人：　　　　　　　　联系电话：", size=Pt(12), line=Pt(20))
    _para(doc, "注：回执联由接收党员组织关系的基层党委在接收党员后一个月内寄回或传真至党员原所在基层党委。",
          size=SMALL, line=Pt(16))
    return base.save(doc, out, author=letter.branch, title=f"{letter.name}党员组织关系介绍信")
