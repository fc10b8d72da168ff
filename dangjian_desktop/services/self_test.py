"""The database and document half of `dangjian-desktop --self-test`: is this installation whole?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from dangjian_desktop.db.engine import Database, _current_revision, head_revision, open_database


@dataclass
class SelfTestDb:
    db: Database
    branch_id: int
    revision: str
    summary: str


def make_database(folder: Path, today: date | None = None) -> SelfTestDb:
    """Create a database in `folder`, run every migration, fill it with a little demo data."""
    from dangjian_desktop.services.branches import list_branches
    from dangjian_desktop.services.demo import make_demo

    path = folder / "自检.db"
    db = open_database(path, create=True)
    revision = _current_revision(db.engine)
    if revision != head_revision():
        raise RuntimeError(f"数据库升级后版本为 {revision}，应为 {head_revision()}。")
    make_demo(db, seed=1, branches=1, members=12, years=1, today=today or date.today())
    branches = list_branches(db)
    if not branches:
        raise RuntimeError("演示数据没有生成支部。")
    return SelfTestDb(db=db, branch_id=branches[0].id, revision=revision,
                      summary=f"{path}（迁移到 {revision}，演示支部“{branches[0].name}”）")


# kinds the self-test prefers: the most used document of each file type
_PREFERRED = {".xlsx": ("roster", "meetings-ledger"), ".docx": ("minutes", "annual-report", "minutes-book")}


def _first_record_id(db: Database, branch_id: int, key: str) -> int | None:
    """An id for kinds that export one record (--id): the first meeting, applicant or member."""
    from dangjian_desktop.db import models

    if "minutes" in key or "meeting" in key:
        model = models.Meeting
    elif "development" in key or "applicant" in key:
        model = models.Applicant
    elif "member" in key or "birthday" in key or "roster" in key:
        model = models.Member
    else:
        return None
    with db.session() as s:
        return s.scalar(select(model.id).where(model.branch_id == branch_id).order_by(model.id).limit(1))


def write_export(db: Database, branch_id: int, folder: Path, suffix: str, year: int) -> tuple[str, Path]:
    """Write one document of the given file type through the export registry.

    Returns (what was written, path). Falls back to the shared Word/Excel writers while no kind of
    that type is registered, so a build without the areas still checks python-docx and openpyxl.
    """
    from dangjian_desktop.services import exports

    kinds = [k for k in exports.kinds() if k.suffix == suffix]
    preferred = _PREFERRED.get(suffix, ())
    kinds.sort(key=lambda k: (preferred.index(k.key) if k.key in preferred else len(preferred), k.needs_id))
    for kind in kinds:
        record_id = _first_record_id(db, branch_id, kind.key) if kind.needs_id else None
        if kind.needs_id and record_id is None:
            continue
        out = folder / f"{kind.key}{suffix}"
        request = exports.ExportRequest(branch_id=branch_id, out=out, year=year, record_id=record_id)
        path = exports.run_export(db, kind.key, request)
        _verify(path, suffix)
        return f"{kind.label}（{kind.key}）", path
    return _write_with_base(folder, suffix)


def _write_with_base(folder: Path, suffix: str) -> tuple[str, Path]:
    if suffix == ".docx":
        from dangjian_desktop.reports import docx_base

        doc = docx_base.new_document()
        docx_base.add_title(doc, "党支部工作台自检")
        docx_base.add_paragraph(doc, "这份文件由自检写出，用于确认 Word 输出可以使用。")
        docx_base.add_table(doc, [["项目", "结果"], ["Word 输出", "正常"]], [40, 80])
        path = docx_base.save(doc, folder / "自检.docx")
    else:
        from openpyxl import Workbook

        from dangjian_desktop.reports import xlsx_base

        wb = Workbook()
        ws = wb.active
        ws.title = "自检"
        xlsx_base.title_and_header(ws, "党支部工作台自检", "用于确认 Excel 输出可以使用", ["项目", "结果"], [20, 20])
        xlsx_base.put(ws.cell(row=4, column=1), "Excel 输出")
        xlsx_base.put(ws.cell(row=4, column=2), "正常")
        path = xlsx_base.save(wb, folder / "自检.xlsx")
    _verify(path, suffix)
    return "基础模板（尚无已登记的导出）", path


def _verify(path: Path, suffix: str) -> None:
    """Open what was written again: a file Word or Excel cannot open is a failure."""
    if not path.exists() or path.stat().st_size == 0:
        raise RuntimeError(f"{path.name} 没有写出。")
    if suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        if not any(p.text.strip() for p in document.paragraphs) and not document.tables:
            raise RuntimeError(f"{path.name} 是空文档。")
    else:
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        try:  # write-only sheets carry no size: count the rows that hold something
            rows = sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                       if any(v not in (None, "") for v in row))
        finally:
            wb.close()
        if rows < 2:
            raise RuntimeError(f"{path.name} 是空表格。")
