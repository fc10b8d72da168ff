"""党费: importing a 党费收缴表 (all rows or none) through the one import pipeline (services/importing.py):
read once → plan read-only → preview with every column accounted for → back up → apply in one transaction."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
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
    due: Decimal | None = None  # 应缴 for a new month: the program's (from the base), else the file's, else 实缴


def _amount_text(kind: DuesKind, paid: Decimal) -> str:
    return "免缴" if kind is DuesKind.EXEMPT else f"{kind.label} {paid:.2f} 元"


def _money(value: Decimal) -> str:
    """62, 62.5, 0.20: as people write an amount."""
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}"


_MAKEUP_WORD = re.compile(r"补[缴交]")
_OWN_UNPAID = re.compile(r"^未交 \d+ 个月$")  # what our own 台账 writes in the 备注 of a row with months unpaid
_EXEMPT_NOTE = re.compile(r"(\d{1,2})\s*月\s*免[缴交]\s*[:：]\s*([^；;]*)")


def _exempt_note(note: str, month: int) -> str:
    """The approval of one month's 免缴: “11月免缴：街道党工委批准” (as our own 台账 writes it), else the whole 备注."""
    for found in _EXEMPT_NOTE.finditer(note):
        if int(found.group(1)) == month and found.group(2).strip():
            return found.group(2).strip()
    return note


def _settled(old: DuesKind | None, new: DuesKind) -> DuesKind:
    """How a recorded month is settled after the file corrects it: a corrected amount keeps how it was settled
    (补缴 stays 补缴, 预交 stays 预交); the file can make it 补缴 (备注 “N月补缴”) or 免缴, or undo a 免缴."""
    if old is None or new in (DuesKind.EXEMPT, DuesKind.MAKEUP) or old is DuesKind.EXEMPT:
        return new
    return old


def _usual(amounts: list[Decimal]) -> Decimal | None:
    """The amount a row has most often (at least twice): the monthly dues when neither the program nor the file says."""
    counts = Counter(a for a in amounts if a)
    if not counts:
        return None
    amount, times = counts.most_common(1)[0]
    return amount if times >= 2 else None


def _run(blank: set[int], month: int, step: int) -> int:
    k = 0
    while month + step * (k + 1) in blank:
        k += 1
    return k


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
        exempt_here = makeup_here = False
        twice: dict[int, list[int]] = defaultdict(list)  # the other row → months both rows give
        usual = _usual([pm.paid for pm in r.months if pm.paid is not None])
        differs: list[str] = []
        far: list[str] = []
        amounts = [pm.paid for pm in r.months if pm.paid]
        no_due = not r.due and all(book.due(p, core.month_no(r.year, pm.month))[0] is None for pm in r.months)
        if no_due and len(amounts) > 1 and max(amounts) > 12 * min(amounts):
            # nothing to compare with: a cell far from the row's others (120 and 12000) is named
            top = next(pm for pm in r.months if pm.paid == max(amounts))
            report.notices.append(f"{r.where(top.column)}：{p.name}{core.month_label(core.month_no(r.year, top.month))}"
                                  f"实缴 {_money(max(amounts))} 元，是同一行最少的 {_money(min(amounts))} 元的 "
                                  f"{int(max(amounts) / min(amounts))} 倍，请核对金额。")
        guessed: list[str] = []
        for pm in r.months:
            n = core.month_no(r.year, pm.month)
            label = f"{p.name}{core.month_label(n)}"
            if (member_id, n) in seen:
                twice[seen[(member_id, n)]].append(n)
                continue
            seen[(member_id, n)] = r.row.number
            if not p.liable(n):
                problems.append(f"{r.where(pm.column)}：{label}不需交纳党费"
                                f"（{'尚未入党' if p.joined_on and core.month_of(p.joined_on) > n else '已不在册'}）。")
                continue
            old = book.paid.get((p.id, n))
            program_due = book.due(p, n)[0]
            file_due = r.due.get(pm.month)
            known_due = old[0] if old is not None and old[0] is not None else program_due
            if file_due is not None and known_due is not None and file_due != known_due:
                differs.append(f"{core.month_label(n)}文件 {_money(file_due)}、程序 {_money(known_due)}")
            due = program_due if program_due is not None else file_due
            ref = known_due or file_due or usual
            if pm.paid is None:
                kind, paid = DuesKind.EXEMPT, Decimal("0.00")
                exempt_here = True
            elif pm.makeup:
                if n > current:
                    problems.append(f"{r.where('note')}：备注写了“{pm.month}月补缴”，但{core.month_label(n)}还没到，"
                                    "不能补缴（提前交的是预交，不必写在备注）。")
                    continue
                kind, paid = DuesKind.MAKEUP, pm.paid
                makeup_here = True
            else:
                kind, paid = (DuesKind.PREPAID if n > current else DuesKind.PAID), pm.paid
            if pm.paid is not None and ref:
                times = pm.paid / ref
                if times > 12 and usual is not None and pm.paid <= 12 * usual:
                    far.append(core.month_label(n))  # like the rest of its row: the row pays far more than the base
                elif times > 12:
                    problems.append(f"{r.where(pm.column)}：{label}实缴 {_money(pm.paid)} 元，是月应缴 {_money(ref)} 元"
                                    f"的 {int(times)} 倍，请核对金额（几个月一起交的，请分别写在各月）。")
                    continue
                if times >= 2 and times == int(times) and pm.paid != usual:
                    before, after = _run(r.blank, pm.month, -1), _run(r.blank, pm.month, 1)
                    if before or after:
                        why = "、".join(t for t in (f"可能含补缴（前 {before} 个月空白）" if before else "",
                                                   f"可能含预交（后 {after} 个月空白）" if after else "") if t)
                        report.notices.append(
                            f"{r.where(pm.column)}：{label}实缴 {_money(pm.paid)} 元是月应缴 {_money(ref)} 元的 "
                            f"{int(times)} 倍，{why}；现按{core.month_label(n)}一个月实缴 {_money(pm.paid)} 元导入。"
                            "如是补缴，请把金额分别写在所补的月份，并在备注写“N月补缴”；如是预交，请写在以后的各月。")
            if old is None and due is None:
                guessed.append(core.month_label(n))
            if old is None:
                action = "new"
            elif ((old[1] or Decimal(0)) == paid and (old[3] is DuesKind.EXEMPT) == (kind is DuesKind.EXEMPT)
                  and (kind is not DuesKind.MAKEUP or old[3] is DuesKind.MAKEUP)):
                action = "same"
            else:
                action = "update"
            note = (_exempt_note(r.note, pm.month) if kind is DuesKind.EXEMPT
                    else pm.makeup_note if kind is DuesKind.MAKEUP else "")
            work.append(_Month(r.row.number, p.id, n, kind, paid, note, action, due if due is not None else paid))
            changes = [] if action == "same" else [_amount_text(kind, paid)]
            notes: list[str] = []
            if action == "update":
                # who, which month, old → new: each shown before anything is written (the CLI prints the notes)
                after = _settled(old[3], kind)
                notes = [f"{_amount_text(old[3] or DuesKind.PAID, old[1] or Decimal(0))} → {_amount_text(after, paid)}"]
                changes = ["实缴金额" if (old[3] or DuesKind.PAID) is after else "交纳方式"]
            report.rows.append(PlannedRow(r.row.number, f"{p.name} {core.month_label(n)}", action, changes, notes))
        if far:
            report.notices.append(f"{r.where()}：{p.name}每月实缴 {_money(usual)} 元（{far[0]}等 {len(far)} 个月），"
                                  f"是程序按党费基数算出的月应缴的 12 倍以上：自愿多交的不必改；否则请核对党费基数或金额。")
        for other, dup in twice.items():
            problems.append(f"{r.table.where(r.row)}：与第{other}行重复（{p.name}的{core.month_label(dup[0])}"
                            + (f"等 {len(dup)} 个月" if len(dup) > 1 else "")
                            + "两行都写了），同一个人同一个月只能写一次，请删去或合并其中一行。")
        if differs:
            report.notices.append(f"{r.where()}：{p.name}文件中的应缴与程序按党费基数算出的不同"
                                  f"（{'；'.join(differs[:3])}{'……' if len(differs) > 3 else ''}），"
                                  "应缴按程序的计算；如基数有变，请在花名册或党费页改党费基数。")
        if guessed:
            report.notices.append(f"{r.where()}：{p.name}没有党费基数，文件中也没有应缴（月缴纳标准或“应缴”行），"
                                  f"{guessed[0]}{'等 ' + str(len(guessed)) + ' 个月' if len(guessed) > 1 else ''}"
                                  "的应缴按实缴记；请补上党费基数后在党费页核对。")
        if _OWN_UNPAID.sub("", r.note) and not exempt_here and not makeup_here:
            if r.makeup_missing:
                i = r.makeup_missing[0]
                report.notices.append(f"{r.where('note')}：备注“{r.note}”未导入：写了“{i}月补缴”，但{i}月一格没有金额"
                                      "（补缴请在所补的那个月写补缴的金额）。")
            elif _MAKEUP_WORD.search(r.note):
                report.notices.append(f"{r.where('note')}：备注“{r.note}”未导入：说到补缴，但读不出补缴的是哪个月"
                                      "（补缴请在所补的那个月写金额，并在备注写“N月补缴”，如“1月补缴；2月补缴”）。")
            else:
                # the 备注 is kept only as a 免缴's approval or a 补缴's note: otherwise it is named, not dropped
                report.notices.append(f"{r.where('note')}：备注“{r.note}”未导入（备注只作为免缴的批准情况或"
                                      "补缴的说明保存；这一行没有免缴或补缴的月份）。")
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
            s.add(m.DuesPayment(member_id=p.id, year=y, month=mo, base=book.base_on(p, w.month)[1],
                                due=w.due if w.due is not None else w.paid, paid=w.paid, paid_on=None,
                                kind=w.kind, note=w.note))
        else:
            old_kind = row.kind
            row.paid, row.note = w.paid, w.note or row.note
            row.kind = _settled(old_kind, w.kind)
            if w.kind is DuesKind.EXEMPT:
                row.paid_on = None  # nothing was paid: a date of payment would say otherwise


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
