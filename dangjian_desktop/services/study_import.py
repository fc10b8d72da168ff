"""学时: importing hours exported by online platforms or kept in a sheet, through the one import pipeline
(read → plan → preview → apply, all rows or none)."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangjian_desktop.core import study as core
from dangjian_desktop.core.dates import cn
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.services.importing import Importer, ImportReport, PlannedRow, preview, run_import
from dangjian_desktop.services.study import _branch_name

Progress = Callable[[int, int, str], None]
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def _plan(s: Session, branch_id: int, parsed, progress: Progress | None) -> tuple[ImportReport, list]:
    """What importing the read sheet would do, looking at the database only. A session is the same one
    with the same member, day, kind and course: re-importing changes nothing, a corrected amount updates it."""
    report = ImportReport("学时表", "条", parsed.file, parsed.sheet, columns=parsed.table.accounting,
                          refused=list(parsed.refused), notices=list(parsed.notices))
    problems = report.refused
    _branch_name(s, branch_id)
    by_name: dict[str, list[int]] = defaultdict(list)
    by_number: dict[str, int] = {}
    names: dict[int, str] = {}
    joined: dict[int, date | None] = {}
    for mid, name, number, joined_on in s.execute(
            select(m.Member.id, m.Member.name, m.Member.id_number, m.Member.joined_on)
            .where(m.Member.branch_id == branch_id)):
        by_name[name].append(mid)
        names[mid] = name
        joined[mid] = joined_on
        if number:
            by_number[number] = mid
    existing: dict[tuple, m.StudyRecord] = {}
    R = m.StudyRecord
    for rec in s.scalars(select(R).join(m.Member, m.Member.id == R.member_id).where(m.Member.branch_id == branch_id)):
        existing.setdefault((rec.member_id, rec.studied_on, rec.kind, topic_key(rec.topic)), rec)
    plans = []
    seen: dict[tuple, int] = {}
    for i, r in enumerate(parsed.rows):
        if progress and i % 200 == 0:
            progress(i, len(parsed.rows), f"正在检查第 {i + 1} 行，共 {len(parsed.rows)} 行")
        if r.id_number:
            member_id = by_number.get(r.id_number)
            if member_id is None:
                problems.append(f"{r.where('id_number')}：身份证号不在本支部党员名单中" + (f"（{r.name}）。" if r.name else "。"))
                continue
            if r.name and r.name != names[member_id]:  # the hours go to no one rather than to the wrong one
                problems.append(f"{r.where('id_number')}：身份证号 {r.id_number} 是本支部党员{names[member_id]}的号码，"
                                f"与这一行的姓名“{r.name}”不是同一人；请核对姓名和身份证号。")
                continue
        else:
            ids = by_name.get(r.name, [])
            if len(ids) != 1:
                why = ("不在本支部党员名单中（请先导入花名册，或检查姓名）" if not ids
                       else "在本支部有同名的几个人，请加一列身份证号区分")
                problems.append(f"{r.where('name')}：“{r.name}”{why}。")
                continue
            member_id = ids[0]
        if joined.get(member_id) and r.studied_on < joined[member_id]:
            problems.append(f"{r.where('date')}：{r.name or r.id_number}于{cn(joined[member_id])}入党，"
                            f"{cn(r.studied_on)}的学习不能记为党员学时。")
            continue
        key = (member_id, r.studied_on, r.kind, topic_key(r.topic))
        if key in seen:
            problems.append(f"{r.where('topic')}：与第{seen[key]}行是同一人同一天的同一项学习，同一项学习只能写一次。")
            continue
        seen[key] = r.row.number
        old = existing.get(key)
        if old is None:
            action, changes = "new", []
        else:
            # a platform or 来源 column that changed is a change; the file's own name (no such column) is not
            changes = (["学时"] if old.hours != r.hours else []) + (
                ["来源"] if not parsed.from_file and old.source != r.source else [])
            action = "update" if changes else "same"
        label = f"{r.name or r.id_number} {cn(r.studied_on)} {r.kind.label} {core.hours_text(r.hours)}学时" + (
            f"“{r.topic}”" if r.topic else "")
        report.rows.append(PlannedRow(r.row.number, label, action, changes))
        plans.append((r, member_id, old, action))
    return report, plans


_PUNCTUATION = str.maketrans("：；，。、（）【】《》“”‘’！？　", ":;,.,()[]<>\"\"''!? ")


def topic_key(topic: str | None) -> str:
    """A course as compared across files: half- and full-width punctuation and spaces do not make it another
    session (“学习强国专题:两会精神” is “学习强国专题：两会精神”)."""
    return re.sub(r"\s+", "", (topic or "").translate(_PUNCTUATION).translate(_FULL_WIDTH)).lower()


def _write(s: Session, plans: list, progress: Progress | None) -> None:
    for i, (r, member_id, old, action) in enumerate(plans):
        if progress and i % 200 == 0:  # a safe point inside the one transaction: 取消 rolls it all back
            progress(i, len(plans), f"正在导入第 {i + 1} 条，共 {len(plans)} 条")
        if action == "new":
            s.add(m.StudyRecord(member_id=member_id, kind=r.kind, studied_on=r.studied_on, hours=r.hours,
                                topic=r.topic, source=r.source))
        elif action == "update":
            target = s.get(m.StudyRecord, old.id)
            target.hours, target.source = r.hours, r.source  # the source of the corrected amount


def study_importer(db: Database, branch_id: int, path, *, sheet: str | None = None, today: date | None = None):
    """The 学时表's part in the one import pipeline: the file is read once, here."""
    from dangjian_desktop.io.study_import import read_study_sheet

    parsed = read_study_sheet(Path(path), sheet=sheet, today=today)
    return Importer("导入学时表前", lambda s, progress: _plan(s, branch_id, parsed, progress),
                    lambda s, work, report, progress: _write(s, work, progress))


def preview_study_import(db: Database, branch_id: int, path, *, sheet: str | None = None, today: date | None = None,
                         progress: Progress | None = None) -> ImportReport:
    """What importing the sheet would do, read-only: rows, refusals, every column."""
    return preview(db, study_importer(db, branch_id, path, sheet=sheet, today=today), progress)


def import_study(db: Database, branch_id: int, path, *, dry_run: bool = False, sheet: str | None = None,
                 today: date | None = None, progress: Progress | None = None) -> ImportReport:
    """Import a 学时表 in one transaction: every row, or (any row refused) none."""
    return run_import(db, study_importer(db, branch_id, path, sheet=sheet, today=today), dry_run=dry_run,
                      progress=progress)
