"""会议记录 (Word): one meeting in the official layout, with a header table and signature lines."""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import AttendanceStatus, MeetingType
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.reports import docx_base as d
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register

# the types whose record must state what was decided (others show 决议 only when written)
DECIDING_TYPES = frozenset({MeetingType.BRANCH_CONGRESS, MeetingType.COMMITTEE, MeetingType.ORG_LIFE,
                            MeetingType.APPRAISAL})
LABEL_WIDTH, VALUE_WIDTH = 30, 48  # mm; four columns fill the 156 mm between the margins


def when_text(m: svc.MeetingDetail) -> str:
    text = cn(m.held_on)
    if m.starts_at:
        text += f" {m.starts_at:%H:%M}"
        if m.ends_at:
            text += f"—{m.ends_at:%H:%M}"
    return text


def absent_text(m: svc.MeetingDetail) -> str:
    parts = []
    for status in (AttendanceStatus.LEAVE, AttendanceStatus.ABSENT):
        people = [f"{a.name}（{a.reason}）" if a.reason else a.name for a in m.attendance if a.status is status]
        if people:
            parts.append(f"{status.label}：{'、'.join(people)}")
    if not parts and m.present is None:
        return "出席情况未记录"
    if not parts and m.expected > m.present:
        return f"{m.expected - m.present}人（名单未记录）"
    return "；".join(parts) or "无"


def header_rows(m: svc.MeetingDetail) -> list[tuple[str, str, str, str] | tuple[str, str]]:
    """The header table: pairs of label/value per row; a 2-tuple spans the whole row."""
    rows: list = [("会议名称", m.title or m.type_label)]
    rows.append(("时间", when_text(m), "地点", m.place))
    if m.type is MeetingType.HEART_TALK:
        rows.append(("谈话人", m.host, "记录人", m.recorder))
        rows.append(("谈话对象", m.counterpart))
    else:
        rows.append(("主持人", m.host, "记录人", m.recorder))
        if MeetingType.LECTURE in m.types:  # a 党课 at the 党员大会 names its lecturer too
            rows.append(("主讲人", m.lecturer))
        if MeetingType.GROUP in m.types:
            rows.append(("党小组", m.group_name))
        rows.append(("应到人数", f"{m.expected}人", "实到人数", m.present_text))
        rows.append(("缺席人员及原因", absent_text(m)))
        rows.append(("列席人员", m.guests or "无"))
    return rows


def _header_table(doc, m: svc.MeetingDetail) -> None:
    rows = header_rows(m)
    table = doc.add_table(rows=len(rows), cols=4)
    table.alignment = 1  # centre
    table.autofit = False
    d._borders(table)
    widths = (LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH)
    for c, w in enumerate(widths):  # the grid, which LibreOffice and WPS go by
        table.columns[c].width = Mm(w)
    for r, (row, table_row) in enumerate(zip(rows, table.rows)):
        cells = table_row.cells
        for c, w in enumerate(widths):
            cells[c].width = Mm(w)
        if len(row) == 2:
            # span the value over three grid columns (cheaper than _Cell.merge, same XML)
            tcs = table_row._tr.tc_lst
            for tc in tcs[2:]:
                table_row._tr.remove(tc)
            tcs[1].grid_span = 3
            cells[1].width = Mm(VALUE_WIDTH * 2 + LABEL_WIDTH)
            d.set_cell_text(cells[0], row[0], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=d.SIZE_4)
            d.set_cell_text(cells[1], row[1], size=d.SIZE_4)
        else:
            for c, value in enumerate(row):
                label = c % 2 == 0
                d.set_cell_text(cells[c], value, bold=label, size=d.SIZE_4,
                                align=WD_ALIGN_PARAGRAPH.CENTER if label else WD_ALIGN_PARAGRAPH.LEFT)
        tr_pr = table_row._tr.get_or_add_trPr()
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), "560")  # twips: 28 pt, the body's line height
        height.set(qn("w:hRule"), "atLeast")
        tr_pr.append(height)


def _last_paragraph(doc) -> Paragraph:
    """The paragraph just added (doc.paragraphs would rebuild a list of all of them: slow in a book)."""
    body = doc.element.body
    for el in reversed(body):
        if el.tag == qn("w:p"):
            return Paragraph(el, doc._body)
    raise LookupError("no paragraph")


def _label(doc, label: str) -> None:
    """A section label that never stays alone at the foot of a page."""
    d.add_label_text(doc, label, "")
    _last_paragraph(doc).paragraph_format.keep_with_next = True


def _first_label_after_table(doc) -> None:
    """Half a line of air between the header table and 议题 (a whole empty line wastes the page)."""
    for el in reversed(doc.element.body):
        if el.tag == qn("w:tbl"):
            Paragraph(el.getnext(), doc._body).paragraph_format.space_before = Pt(14)
            return


def _section(doc, label: str, text: str) -> None:
    _label(doc, label)
    lines = [line for line in (text or "").splitlines()]
    d.add_paragraph(doc, "\n".join(lines) if any(s.strip() for s in lines) else "无")


def add_minutes(doc, m: svc.MeetingDetail, *, heading: str | None = None, history=None,
                new_page: bool = False) -> None:
    """Write one record into `doc` (the minutes book calls this once per meeting, each on a new page)."""
    d.add_title(doc, heading or f"{m.type_label}记录")
    if new_page:
        title = _last_paragraph(doc)._p.getprevious()  # add_title leaves an empty line after the title
        Paragraph(title, doc._body).paragraph_format.page_break_before = True
    if m.branch_name:
        p = _last_paragraph(doc)  # the empty line add_title leaves: the branch goes there
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        d._fixed(p)
        d.set_font(p.add_run(m.branch_name + ("（草稿）" if not m.is_final else "")), d.KAITI, d.SIZE_3)
        p.paragraph_format.space_after = Pt(10)
    _header_table(doc, m)
    _section(doc, "议题：", m.topics)
    _first_label_after_table(doc)
    _section(doc, "讨论发言（会议内容）：", m.minutes)
    if m.votes:
        _label(doc, "表决情况：")
        for i, v in enumerate(m.votes, start=1):
            d.add_paragraph(doc, f"{i}. {v.subject}（{v.kind.label}）")
            _last_paragraph(doc).paragraph_format.keep_with_next = True
            written = f"书面反对意见{v.written_against}份。" if v.written_against else ""
            d.add_paragraph(doc, v.summary + written)
    if m.appraisals:
        _label(doc, "评议结果：")
        rows = [("序号", "姓名", "评定等次", "说明")]
        rows += [(str(i), a.name, a.outcome.label, a.note) for i, a in enumerate(m.appraisals, start=1)]
        d.add_table(doc, rows, (16, 36, 36, 68), centre_columns=(0, 2))
        doc.add_paragraph()
    if DECIDING_TYPES.intersection(m.types) or m.resolutions.strip():
        _section(doc, "决议（决定事项）：", m.resolutions)
    if history:
        amendments = [h for h in history if h.action == "amend"]
        if amendments:
            _label(doc, "修改说明：")
            for h in amendments:
                fields = "、".join(c[0] for c in h.changes)
                d.add_paragraph(doc, f"{h.at:%Y年%m月%d日}修改了{fields}，原因：{h.reason}。", size=d.SIZE_S4)
    labels = ("谈话人", "谈话对象", "记录人") if m.type is MeetingType.HEART_TALK else ("主持人", "记录人")
    _last_paragraph(doc).paragraph_format.keep_with_next = True  # never a page with signatures only
    _signatures(doc, labels)


def _signatures(doc, labels) -> None:
    """One line with a space to sign for each person, right below the record."""
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d._fixed(p, Pt(40))
    p.paragraph_format.space_before = Pt(12)
    d.set_font(p.add_run("    ".join(f"{label}（签字）：________" for label in labels)), d.BODY_FONT, d.SIZE_4)


def write_minutes(m: svc.MeetingDetail, out: Path, history=None) -> Path:
    doc = d.new_document()
    add_page_numbers(doc)
    add_minutes(doc, m, history=history)
    return d.save(doc, out)


def add_page_numbers(doc) -> None:
    """“— 1 —” centred in the footer, as official documents number their pages."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.set_font(p.add_run("— "), d.BODY_FONT, d.SIZE_4)
    run = p.add_run()
    d.set_font(run, d.BODY_FONT, d.SIZE_4)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    d.set_font(p.add_run(" —"), d.BODY_FONT, d.SIZE_4)


def export_minutes(db: Database, req: ExportRequest) -> Path:
    m = svc.get_meeting(db, req.record_id)
    if m.branch_id != req.branch_id:
        raise ValidationError(f"会议记录 {req.record_id} 属于“{m.branch_name}”，不是所选支部的记录。")
    return write_minutes(m, req.out, svc.meeting_history(db, m.id))


def minutes_choices(db: Database, branch_id: int, year: int | None = None) -> list[tuple[int, str]]:
    """(id, “2025-03-05 支部委员会会议 研究本月工作”) for choosing a record on the 报表 page."""
    return [(x.id, f"{x.held_on.isoformat()} {x.type_label} {x.title}".strip())
            for x in sorted(svc.list_meetings(db, branch_id, year=year), key=lambda x: x.held_on)]


register(ExportKind("minutes", "会议记录", ".docx", export_minutes, needs_id=True, id_label="会议",
                    order=22, choices=minutes_choices))


def minutes_html(m: svc.MeetingDetail) -> str:
    """The same record as HTML, for the print preview and PDF of the GUI (Qt renders it)."""
    from html import escape

    def lines(text: str) -> str:
        parts = [escape(x) for x in (text or "").splitlines() if x.strip()]
        return "".join(f"<p class='body'>{p}</p>" for p in parts) or "<p class='body'>无</p>"

    rows = []
    for row in header_rows(m):
        if len(row) == 2:
            rows.append(f"<tr><th>{escape(row[0])}</th><td colspan='3'>{escape(row[1])}</td></tr>")
        else:
            rows.append("<tr>" + "".join(f"<th width='18%'>{escape(v)}</th>" if i % 2 == 0
                                         else f"<td width='32%'>{escape(v)}</td>"
                                         for i, v in enumerate(row)) + "</tr>")
    out = [
        "<html><head><style>",
        "h1 { font-size: 22pt; text-align: center; font-weight: normal; margin: 0; }",
        "p.sub { text-align: center; font-size: 14pt; margin: 4pt 0 12pt 0; }",
        "table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid black; padding: 4pt; font-size: 12pt; }",
        "th { width: 18%; font-weight: bold; text-align: center; }",
        "h2 { font-size: 14pt; font-weight: bold; margin: 10pt 0 2pt 0; } p.body { font-size: 13pt; margin: 2pt 0 2pt 0; }",
        "table.sign { margin-top: 14pt; } table.sign td { border: none; font-size: 13pt; }",
        "</style></head><body>",
        f"<h1>{escape(m.type_label)}记录</h1>",
        f"<p class='sub'>{escape(m.branch_name)}{'（草稿）' if not m.is_final else ''}</p>",
        "<table cellspacing='0' cellpadding='4' border='1' width='100%'>", *rows, "</table>",
        "<h2>议题：</h2>", lines(m.topics),
        "<h2>讨论发言（会议内容）：</h2>", lines(m.minutes),
    ]
    if m.votes:
        out.append("<h2>表决情况：</h2>")
        for i, v in enumerate(m.votes, start=1):
            out.append(f"<p class='body'>{i}. {escape(v.subject)}（{escape(v.kind.label)}）：{escape(v.summary)}</p>")
    if m.appraisals:
        out.append("<h2>评议结果：</h2><table cellspacing='0' cellpadding='3' border='1' width='100%'>"
                   "<tr><th>序号</th><th>姓名</th><th>评定等次</th><th>说明</th></tr>")
        out += [f"<tr><td>{i}</td><td>{escape(a.name)}</td><td>{escape(a.outcome.label)}</td><td>{escape(a.note)}</td></tr>"
                for i, a in enumerate(m.appraisals, start=1)]
        out.append("</table>")
    if DECIDING_TYPES.intersection(m.types) or m.resolutions.strip():
        out += ["<h2>决议（决定事项）：</h2>", lines(m.resolutions)]
    labels = ("谈话人", "谈话对象", "记录人") if m.type is MeetingType.HEART_TALK else ("主持人", "记录人")
    # one row of a borderless table: the signatures stay on one line, as on paper
    out.append("<table class='sign' width='100%' border='0' cellspacing='0'><tr>"
               + "".join(f"<td align='right' nowrap>{x}（签字）：<u>{'&nbsp;' * 12}</u></td>" for x in labels)
               + "</tr></table>")
    out.append("</body></html>")
    return "".join(out)
