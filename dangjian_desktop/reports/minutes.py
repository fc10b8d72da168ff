"""会议记录 (Word): one meeting (or one 谈心谈话) in the official layout, from plain data the services prepare."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from dangjian_desktop.reports import docx_base as d
from dangjian_desktop.reports.docx_base import add_page_numbers  # noqa: F401  (the book and the report use it)

LABEL_WIDTH, VALUE_WIDTH = 30, 48  # mm; four columns fill the 156 mm between the margins
UNKNOWN = "未记录"  # a count the record does not give: never shown as 0


@dataclass(frozen=True)
class Absentee:
    name: str
    status: str  # 请假 / 缺席
    reason: str = ""


@dataclass(frozen=True)
class VoteLine:
    subject: str
    kind: str  # 接收预备党员 …
    summary: str  # the tally in words, e.g. 应到表决权人数…
    written_against: int = 0
    method: str = ""  # 举手表决 / 无记名投票 ("": not recorded)

    @property
    def method_text(self) -> str:
        return f"表决方式：{self.method or '未记录'}。"


@dataclass(frozen=True)
class AppraisalLine:
    name: str
    outcome: str
    note: str = ""


@dataclass
class MinutesRecord:
    """One record as printed. Labels are plain strings the services prepare (a meeting may serve several
    types: `type_label` is then e.g. “主题党日、党课”); a count that was not recorded is None."""

    id: int
    held_on: date
    type_label: str
    title: str
    branch_name: str
    is_final: bool
    when: str
    place: str = ""
    host: str = ""
    recorder: str = ""
    talk: bool = False  # 谈心谈话: printed as a talk (谈话人, 谈话对象, 谈话内容), not as a meeting
    counterpart: str = ""
    extra_rows: list[tuple[str, str]] = field(default_factory=list)  # e.g. (主讲人, …), (党小组, …)
    expected: int | None = None
    present: int | None = None
    absentees: list[Absentee] = field(default_factory=list)
    guests: str = ""
    topics: str = ""
    minutes: str = ""
    resolutions: str = ""
    show_resolutions: bool = False  # the types whose record must state what was decided
    votes: list[VoteLine] = field(default_factory=list)
    appraisals: list[AppraisalLine] = field(default_factory=list)
    amendments: list[str] = field(default_factory=list)  # “2025年3月9日修改了议题，原因：…。”

    @property
    def heading(self) -> str:
        return f"{self.type_label}记录"

    @property
    def signatures(self) -> tuple[str, ...]:
        return ("谈话人", "谈话对象", "记录人") if self.talk else ("主持人", "记录人")


def count_text(n: int | None) -> str:
    return UNKNOWN if n is None else f"{n}人"


def absent_text(m: MinutesRecord) -> str:
    parts = []
    for status in ("请假", "缺席"):
        people = [f"{a.name}（{a.reason}）" if a.reason else a.name for a in m.absentees if a.status == status]
        if people:
            parts.append(f"{status}：{'、'.join(people)}")
    if parts:
        return "；".join(parts)
    if m.expected is None or m.present is None:
        return UNKNOWN
    if m.expected > m.present:
        return f"{m.expected - m.present}人（名单未记录）"
    return "无"


def header_rows(m: MinutesRecord) -> list[tuple[str, str, str, str] | tuple[str, str]]:
    """The header table: pairs of label/value per row; a 2-tuple spans the whole row."""
    rows: list = [("会议名称" if not m.talk else "谈话主题", m.title or m.type_label)]
    rows.append(("时间", m.when, "地点", m.place))
    if m.talk:
        rows.append(("谈话人", m.host, "记录人", m.recorder))
        rows.append(("谈话对象", m.counterpart))
        return rows
    rows.append(("主持人", m.host, "记录人", m.recorder))
    rows += list(m.extra_rows)
    rows.append(("应到人数", count_text(m.expected), "实到人数", count_text(m.present)))
    rows.append(("缺席人员及原因", absent_text(m)))
    rows.append(("列席人员", m.guests or "无"))
    return rows


def _header_table(doc, m: MinutesRecord) -> None:
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


def add_minutes(doc, m: MinutesRecord, *, heading: str | None = None, new_page: bool = False) -> None:
    """Write one record into `doc` (the minutes book calls this once per meeting, each on a new page)."""
    d.add_title(doc, heading or m.heading)
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
    if m.talk:
        # a talk has no 议题 or 发言 of a meeting: what was said, and what came of it
        text = "\n".join(t for t in (m.topics.strip(), m.minutes.strip()) if t)
        _section(doc, "谈话内容：", text)
        _first_label_after_table(doc)
        if m.resolutions.strip():
            _section(doc, "谈话结果：", m.resolutions)
    else:
        _section(doc, "议题：", m.topics)
        _first_label_after_table(doc)
        _section(doc, "讨论发言（会议内容）：", m.minutes)
    if m.votes:
        _label(doc, "表决情况：")
        for i, v in enumerate(m.votes, start=1):
            d.add_paragraph(doc, f"{i}. {v.subject}（{v.kind}）")
            _last_paragraph(doc).paragraph_format.keep_with_next = True
            written = f"书面反对意见{v.written_against}份。" if v.written_against else ""
            d.add_paragraph(doc, v.method_text + v.summary + written)
    if m.appraisals:
        _label(doc, "评议结果：")
        rows = [("序号", "姓名", "评定等次", "说明")]
        rows += [(str(i), a.name, a.outcome, a.note) for i, a in enumerate(m.appraisals, start=1)]
        d.add_table(doc, rows, (16, 36, 36, 68), centre_columns=(0, 2))
        doc.add_paragraph()
    if not m.talk and (m.show_resolutions or m.resolutions.strip()):
        _section(doc, "决议（决定事项）：", m.resolutions)
    if m.amendments:
        _label(doc, "修改说明：")
        for line in m.amendments:
            d.add_paragraph(doc, line, size=d.SIZE_S4)
    _keep_tail_together(doc)
    _signatures(doc, m.signatures)


def _keep_tail_together(doc, lines: int = 3) -> None:
    """The last lines of the record stay with the signatures: no page holds only signatures, and a
    paragraph may not leave a lone line behind (keep-with-next on its last paragraph alone is not
    enough: a long paragraph still splits and its last line goes over with the signatures)."""
    body = doc.element.body
    kept = 0
    for el in reversed(body):
        if el.tag == qn("w:sectPr"):
            continue
        if el.tag != qn("w:p"):
            break
        p = Paragraph(el, doc._body)
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
        kept += 1
        if kept >= lines:
            break


def _signatures(doc, labels) -> None:
    """One line with a space to sign for each person, right below the record; never broken across lines."""
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d._fixed(p, Pt(40))
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.keep_together = True
    blank = "______" if len(labels) > 2 else "________"
    d.set_font(p.add_run("  ".join(f"{label}（签字）：{blank}" for label in labels)), d.BODY_FONT,
               d.SIZE_S4 if len(labels) > 2 else d.SIZE_4)


def write_minutes(m: MinutesRecord, out: Path) -> Path:
    doc = d.new_document()
    add_page_numbers(doc)
    add_minutes(doc, m)
    return d.save(doc, out, author=m.branch_name, title=f"{m.held_on:%Y年%m月%d日}{m.heading}")


def minutes_html(m: MinutesRecord) -> str:
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
        f"<h1>{escape(m.heading)}</h1>",
        f"<p class='sub'>{escape(m.branch_name)}{'（草稿）' if not m.is_final else ''}</p>",
        "<table cellspacing='0' cellpadding='4' border='1' width='100%'>", *rows, "</table>",
    ]
    if m.talk:
        out += ["<h2>谈话内容：</h2>", lines("\n".join(t for t in (m.topics, m.minutes) if t.strip()))]
        if m.resolutions.strip():
            out += ["<h2>谈话结果：</h2>", lines(m.resolutions)]
    else:
        out += ["<h2>议题：</h2>", lines(m.topics), "<h2>讨论发言（会议内容）：</h2>", lines(m.minutes)]
    if m.votes:
        out.append("<h2>表决情况：</h2>")
        for i, v in enumerate(m.votes, start=1):
            out.append(f"<p class='body'>{i}. {escape(v.subject)}（{escape(v.kind)}）：{escape(v.method_text + v.summary)}</p>")
    if m.appraisals:
        out.append("<h2>评议结果：</h2><table cellspacing='0' cellpadding='3' border='1' width='100%'>"
                   "<tr><th>序号</th><th>姓名</th><th>评定等次</th><th>说明</th></tr>")
        out += [f"<tr><td>{i}</td><td>{escape(a.name)}</td><td>{escape(a.outcome)}</td><td>{escape(a.note)}</td></tr>"
                for i, a in enumerate(m.appraisals, start=1)]
        out.append("</table>")
    if not m.talk and (m.show_resolutions or m.resolutions.strip()):
        out += ["<h2>决议（决定事项）：</h2>", lines(m.resolutions)]
    labels = m.signatures
    # one row of a borderless table: the signatures stay on one line, as on paper
    out.append("<table class='sign' width='100%' border='0' cellspacing='0'><tr>"
               + "".join(f"<td align='right' nowrap>{x}（签字）：<u>{'&nbsp;' * 12}</u></td>" for x in labels)
               + "</tr></table>")
    out.append("</body></html>")
    return "".join(out)
