"""Figures of 学时 (issue 23, measured for issue 26): the 学时台账 of the 党委 branch with the most sessions."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from bench.data import TODAY
from bench.report import Figure, median


def _busiest_branch(db, year: int) -> tuple[int, int]:
    """(branch id, study records) of the branch that recorded the most sessions in the year."""
    from sqlalchemy import func, select

    from dangjian_desktop.db.models import Member, StudyRecord

    with db.session() as s:
        return tuple(s.execute(
            select(Member.branch_id, func.count()).join(StudyRecord, StudyRecord.member_id == Member.id)
            .where(StudyRecord.studied_on.between(date(year, 1, 1), date(year, 12, 31)))
            .group_by(Member.branch_id).order_by(func.count().desc(), Member.branch_id).limit(1)).one())


def _write_only_baseline(path: Path, out: Path) -> float:
    """Seconds to write the same cells (values only, every sheet) with openpyxl's write-only mode."""
    from openpyxl import Workbook, load_workbook

    source = load_workbook(path, read_only=True)
    sheets = [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in source.worksheets]
    source.close()

    def write() -> float:
        started = time.perf_counter()
        wb = Workbook(write_only=True)
        for title, rows in sheets:
            ws = wb.create_sheet(title)
            for r in rows:
                ws.append(r)
        wb.save(out)
        return time.perf_counter() - started

    return median([write() for _ in range(3)])


def study_ledger(b) -> Figure:
    """学时台账 of one branch for last year as `export study-ledger` makes it (the year read by
    services.study.year_view, written by reports.study_ledger), for the 党委 branch with the most sessions."""
    from bench.figures import _export_kind

    fig = Figure("study-ledger", "导出一个支部一年的学时台账", "≤ 3 s", unit="s", limit=3,
                 baseline_label="openpyxl 只写模式写同样的单元格")
    _export_kind("study-ledger")
    from dangjian_desktop.reports.study_ledger import write_study_ledger
    from dangjian_desktop.services.study import year_view

    year = TODAY.year - 1
    db = b.open()
    try:
        branch_id, recorded = _busiest_branch(db, year)
        out = b.work / "学时台账.xlsx"
        runs, cpus = [], []

        def export() -> tuple[int, int]:  # what export_ledger does, with the bench's fixed today
            view = year_view(db, branch_id, year, today=TODAY)
            write_study_ledger(out, view)
            return len(view.rows), len(view.entries)

        for _ in range(3):
            cpu, wall = time.process_time(), time.perf_counter()
            people, sessions = export()
            runs.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    finally:
        db.close()
    fig.samples = runs
    fig.measured = median(runs)
    fig.baseline = _write_only_baseline(out, b.work / "基准-学时台账.xlsx")
    fig.note = (f"第 {branch_id} 个支部 {year}年：{people} 人，{sessions} 条学习记录（其中登记的 {recorded} 条），"
                f"含读取数据库；文件 {out.stat().st_size / 2**20:.1f} MB；各次 {', '.join(f'{x:.2f}' for x in runs)} s，"
                f"其中本进程 CPU 时间 {', '.join(f'{x:.2f}' for x in cpus)} s；基准只写值、不带格式")
    return fig
