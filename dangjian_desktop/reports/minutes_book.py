"""会议记录本 (Word): every meeting of a year in date order, with a contents list at the front."""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from dangjian_desktop.db.engine import Database
from dangjian_desktop.reports import docx_base as d
from dangjian_desktop.reports.minutes import add_minutes, add_page_numbers
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.branches import get_branch
from dangjian_desktop.services.exports import ExportKind, ExportRequest, Progress, register


def write_minutes_book(branch_name: str, year: int, records: list[svc.MeetingDetail], out: Path,
                       progress: Progress | None = None, histories: dict | None = None) -> Path:
    """The book: a cover with the contents list, then one record per page, oldest first."""
    records = sorted(records, key=lambda r: (r.held_on, r.id))
    doc = d.new_document()
    add_page_numbers(doc)
    d.add_title(doc, f"{branch_name}\n{year}年会议记录本")
    finals = sum(1 for r in records if r.is_final)
    d.add_paragraph(doc, f"{year}年共{len(records)}次会议，其中已定稿{finals}次", indent=False,
                    align=WD_ALIGN_PARAGRAPH.CENTER, size=d.SIZE_4, font=d.KAITI)
    doc.add_paragraph()
    d.add_label_text(doc, "目  录", "")
    rows = [("序号", "日期", "会议类型", "会议名称 / 主题", "状态")]
    rows += [(str(i), f"{r.held_on:%m-%d}", r.type_label, r.title, "已定稿" if r.is_final else "草稿")
             for i, r in enumerate(records, start=1)]
    d.add_table(doc, rows, (14, 18, 52, 56, 16), size=d.SIZE_5, centre_columns=(0, 1, 4))
    if not records:
        d.add_paragraph(doc, f"{year}年还没有会议记录。")
    total = len(records)
    for i, r in enumerate(records, start=1):
        add_minutes(doc, r, heading=f"（{i}）{r.type_label}记录", history=(histories or {}).get(r.id),
                    new_page=True)
        if progress and (i % 10 == 0 or i == total):
            progress(i, total, f"正在写第 {i} 次会议的记录")
    return d.save(doc, out)


def export_minutes_book(db: Database, req: ExportRequest) -> Path:
    year = int(req.year)
    ids = [s.id for s in svc.list_meetings(db, req.branch_id, year=year)]
    records = svc.get_meetings(db, list(reversed(ids)))
    histories = svc.meeting_histories(db, ids)
    return write_minutes_book(get_branch(db, req.branch_id).name, year, records, req.out, req.progress, histories)


register(ExportKind("minutes-book", "会议记录本（全年）", ".docx", export_minutes_book, needs_year=True, order=20))
