"""党费: importing a 党费收缴表 (all rows or none), through the same read → plan → apply path as the 台账."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from dangjian_desktop.core import dues as core
from dangjian_desktop.core.glossary import DuesKind
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import InputErrors
from dangjian_desktop.services.dues import _Book, _branch_name, _rates


@dataclass(frozen=True)
class ImportedDuesMonth:
    row: int
    member: str
    month: int
    action: str  # new | update | same
    paid: Decimal
    kind: DuesKind


@dataclass
class DuesImportResult:
    file: str
    sheet: str
    rows: list[ImportedDuesMonth] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        out = {"new": 0, "update": 0, "same": 0}
        for r in self.rows:
            out[r.action] += 1
        return out


def import_dues(db: Database, branch_id: int, path, *, dry_run: bool = False, today: date | None = None,
                sheet: str | None = None,
                progress: Callable[[int, int, str], None] | None = None) -> DuesImportResult:
    """Import a 党费收缴表 in one transaction: every month paid in the file, or (any cell refused) none.

    A number is 实缴 (a month still to come: 预交), 免缴 needs the row's 备注 as its approval, a blank,
    0 or 未交 records nothing (and never erases what was recorded). The file gives no payment date:
    it stays unknown. Re-importing the same file changes nothing.
    """
    from dangjian_desktop.io.dues_import import read_dues_sheet

    today = today or date.today()
    current = core.month_of(today)
    parsed = read_dues_sheet(Path(path), sheet)
    problems = list(parsed.refused)
    if not dry_run and not problems and parsed.rows:
        from dangjian_desktop.services.backup import snapshot

        snapshot(db, "导入党费收缴表前")
    rates = _rates(db)
    months = [core.month_no(r.year, pm.month) for r in parsed.rows for pm in r.months]
    with db.transaction() as s:
        _branch_name(s, branch_id)
        book = _Book(s, [branch_id], rates, (min(months), max(months)) if months else None)
        by_name: dict[str, list[int]] = defaultdict(list)
        by_number: dict[str, int] = {}
        for mid, name, number in s.execute(select(m.Member.id, m.Member.name, m.Member.id_number)
                                           .where(m.Member.branch_id == branch_id)):
            by_name[name].append(mid)
            if number:
                by_number[number] = mid
        plans = []
        seen: dict[tuple[int, int], int] = {}
        for r in parsed.rows:
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
                else:
                    kind, paid = (DuesKind.PREPAID if n > current else DuesKind.PAID), pm.paid
                plans.append((r, p, n, kind, paid))
        if problems:
            raise InputErrors(problems, summary=f"{parsed.file}：发现 {len(problems)} 处问题，未导入任何数据。"
                                                "请修改文件后重新导入。")
        result = DuesImportResult(parsed.file, parsed.sheet)
        for i, (r, p, n, kind, paid) in enumerate(plans):
            if progress and i % 200 == 0:  # a safe point inside the one transaction: 取消 rolls it all back
                progress(i, len(plans), f"正在导入第 {i + 1} 个月，共 {len(plans)} 个月")
            old = book.paid.get((p.id, n))
            note = r.note if kind is DuesKind.EXEMPT else ""
            if old is None:
                action = "new"
            elif (old[1] or Decimal(0)) == paid and (old[3] is DuesKind.EXEMPT) == (kind is DuesKind.EXEMPT):
                action = "same"
            else:
                action = "update"
            if action != "same" and not dry_run:
                y, mo = core.year_month(n)
                due, _ = book.due(p, n)
                row = s.scalar(select(m.DuesPayment).where(m.DuesPayment.member_id == p.id,
                                                           m.DuesPayment.year == y, m.DuesPayment.month == mo))
                if row is None:
                    s.add(m.DuesPayment(member_id=p.id, year=y, month=mo, base=book.base_on(p, n)[1],
                                        due=due if due is not None else paid, paid=paid, paid_on=None,
                                        kind=kind, note=note))
                else:
                    old_kind = row.kind
                    row.paid, row.note = paid, note or row.note
                    # a corrected amount keeps how the month was settled (补缴 stays 补缴)
                    row.kind = kind if kind is DuesKind.EXEMPT or old_kind is DuesKind.EXEMPT else old_kind
            result.rows.append(ImportedDuesMonth(r.row.number, p.name, n, action, paid, kind))
        return result
