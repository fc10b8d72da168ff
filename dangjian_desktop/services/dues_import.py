"""党费: importing a 党费收缴表 (all rows or none) through the one import pipeline (services/importing.py):
read once → plan read-only → preview with every column accounted for → back up → apply in one transaction."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangjian_desktop.core import dues as core
from dangjian_desktop.core.glossary import DuesKind
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.services.dues import _Book, _branch_name, _rates
from dangjian_desktop.services.importing import Importer, ImportReport, PlannedRow, preview, run_import

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class _Month:
    """One cell of the file that imports: who, which month, how it was settled, what changes."""

    row: int
    member_id: int
    month: int
    kind: DuesKind
    paid: Decimal
    note: str
    action: str  # new | update | same


def _amount_text(kind: DuesKind, paid: Decimal) -> str:
    return "免缴" if kind is DuesKind.EXEMPT else f"{kind.label} {paid:.2f} 元"


def _plan(s: Session, branch_id: int, parsed, rates: core.Rates, today: date,
          progress: Progress | None) -> tuple[ImportReport, list[_Month]]:
    """What importing the read sheet would do, looking at the database only (nothing written)."""
    report = ImportReport("党费收缴表", "个月", parsed.file, parsed.sheet, columns=parsed.table.accounting,
                          refused=list(parsed.refused), notices=list(parsed.notices))
    problems = report.refused
    current = core.month_of(today)
    _branch_name(s, branch_id)
    months = [core.month_no(r.year, pm.month) for r in parsed.rows for pm in r.months]
    book = _Book(s, [branch_id], rates, (min(months), max(months)) if months else None)
    by_name: dict[str, list[int]] = defaultdict(list)
    by_number: dict[str, int] = {}
    for mid, name, number in s.execute(select(m.Member.id, m.Member.name, m.Member.id_number)
                                       .where(m.Member.branch_id == branch_id)):
        by_name[name].append(mid)
        if number:
            by_number[number] = mid
    work: list[_Month] = []
    seen: dict[tuple[int, int], int] = {}
    for i, r in enumerate(parsed.rows):
        if progress and i % 200 == 0:
            progress(i, len(parsed.rows), f"正在检查第 {i + 1} 行，共 {len(parsed.rows)} 行")
        if r.id_number:
            member_id = by_number.get(r.id_number)
            if member_id is None:
                problems.append(f"{r.where('id_number')}：身份证号不在本支部党员名单中（{r.name}）。")
                continue
        else:
            ids = by_name.get(r.name, [])
            if len(ids) != 1:
                why = ("不在本支部党员名单中（请先导入花名册，或检查姓名）" if not ids
                       else "在本支部有同名的几个人，请加一列身份证号区分")
                problems.append(f"{r.where('name')}：“{r.name}”{why}。")
                continue
            member_id = ids[0]
        p = book.by_id[member_id]
        exempt_here = False
        for pm in r.months:
            n = core.month_no(r.year, pm.month)
            if (member_id, n) in seen:
                problems.append(f"{r.where(pm.column)}：{p.name}{core.month_label(n)}在第{seen[(member_id, n)]}行"
                                "已有一格，同一个月只能写一次。")
                continue
            seen[(member_id, n)] = r.row.number
            if not p.liable(n):
                problems.append(f"{r.where(pm.column)}：{p.name}{core.month_label(n)}不需交纳党费"
                                f"（{'尚未入党' if p.joined_on and core.month_of(p.joined_on) > n else '已不在册'}）。")
                continue
            if pm.paid is None:
                kind, paid = DuesKind.EXEMPT, Decimal("0.00")
                exempt_here = True
            else:
                kind, paid = (DuesKind.PREPAID if n > current else DuesKind.PAID), pm.paid
            old = book.paid.get((p.id, n))
            if old is None:
                action = "new"
            elif (old[1] or Decimal(0)) == paid and (old[3] is DuesKind.EXEMPT) == (kind is DuesKind.EXEMPT):
                action = "same"
            else:
                action = "update"
            note = r.note if kind is DuesKind.EXEMPT else ""
            work.append(_Month(r.row.number, p.id, n, kind, paid, note, action))
            changes = [] if action == "same" else [_amount_text(kind, paid)]
            if action == "update":
                changes = [f"{_amount_text(old[3] or DuesKind.PAID, old[1] or Decimal(0))} → {changes[0]}"]
            report.rows.append(PlannedRow(r.row.number, f"{p.name} {core.month_label(n)}", action, changes))
        if r.note and not exempt_here:
            # the 备注 is kept only as a 免缴's approval: a note on a row without 免缴 is named, not dropped
            report.notices.append(f"{r.where('note')}：备注“{r.note}”未导入（备注只作为免缴的批准情况保存；"
                                  "这一行没有免缴的月份）。")
    return report, work


def _apply(s: Session, branch_id: int, rates: core.Rates, work: list[_Month], progress: Progress | None) -> None:
    todo = [w for w in work if w.action != "same"]
    if not todo:
        return
    book = _Book(s, [branch_id], rates, (min(w.month for w in todo), max(w.month for w in todo)))
    for i, w in enumerate(todo):
        if progress and i % 200 == 0:  # a safe point inside the one transaction: 取消 rolls it all back
            progress(i, len(todo), f"正在导入第 {i + 1} 个月，共 {len(todo)} 个月")
        p = book.by_id[w.member_id]
        y, mo = core.year_month(w.month)
        row = s.scalar(select(m.DuesPayment).where(m.DuesPayment.member_id == p.id,
                                                   m.DuesPayment.year == y, m.DuesPayment.month == mo))
        if row is None:
            due, _ = book.due(p, w.month)
            s.add(m.DuesPayment(member_id=p.id, year=y, month=mo, base=book.base_on(p, w.month)[1],
                                due=due if due is not None else w.paid, paid=w.paid, paid_on=None,
                                kind=w.kind, note=w.note))
        else:
            old_kind = row.kind
            row.paid, row.note = w.paid, w.note or row.note
            # a corrected amount keeps how the month was settled (补缴 stays 补缴)
            row.kind = w.kind if w.kind is DuesKind.EXEMPT or old_kind is DuesKind.EXEMPT else old_kind


def dues_importer(db: Database, branch_id: int, path, *, sheet: str | None = None,
                  today: date | None = None) -> Importer:
    """The 党费收缴表's part in the one import pipeline: the file is read once, here."""
    from dangjian_desktop.io.dues_import import read_dues_sheet

    today = today or date.today()
    parsed = read_dues_sheet(Path(path), sheet)
    rates = _rates(db)
    return Importer("导入党费收缴表前", lambda s, progress: _plan(s, branch_id, parsed, rates, today, progress),
                    lambda s, work, report, progress: _apply(s, branch_id, rates, work, progress))


def preview_dues_import(db: Database, branch_id: int, path, *, sheet: str | None = None, today: date | None = None,
                        progress: Progress | None = None) -> ImportReport:
    """What importing the sheet would do, read-only: every month, refusals, every column."""
    return preview(db, dues_importer(db, branch_id, path, sheet=sheet, today=today), progress)


def import_dues(db: Database, branch_id: int, path, *, dry_run: bool = False, today: date | None = None,
                sheet: str | None = None, progress: Progress | None = None) -> ImportReport:
    """Import a 党费收缴表 in one transaction: every month paid in the file, or (any cell refused) none.

    A number is 实缴 (a month still to come: 预交), 免缴 needs the row's 备注 as its approval, a blank,
    0 or 未交 records nothing (and never erases what was recorded). The file gives no payment date:
    it stays unknown. Re-importing the same file changes nothing.
    """
    return run_import(db, dues_importer(db, branch_id, path, sheet=sheet, today=today), dry_run=dry_run,
                      progress=progress)
