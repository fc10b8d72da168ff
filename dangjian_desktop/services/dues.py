"""党费: the monthly ledger a secretary keeps: 应缴 by the brackets, 实缴/补缴/预交/免缴, the base's history,
the month collected in bulk, the year's ledger and summary, and the DUES-ARREARS-3M / MEMBER-INACTIVE-6M findings.

Every function that writes is one user action in one transaction. What is read is returned as plain
dataclasses; amounts are Decimal to the 分.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from dangjian_desktop.core import dues as core
from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import DuesBasis, DuesKind, Severity
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import settings

Progress = Callable[[int, int, str], None]
ZERO = Decimal("0.00")


# ------------------------------------------------------------------ plain data


@dataclass(frozen=True)
class DuesMonth:
    """One member's 党费 for one month: 应缴 (None: no base to compute it from), and how it was settled
    (`kind` None: nothing recorded, i.e. unpaid)."""

    member_id: int
    member: str
    month: int  # core.dues.month_no
    due: Decimal | None
    paid: Decimal
    paid_on: date | None
    kind: DuesKind | None
    note: str = ""
    basis_text: str = ""  # how 应缴 was reached: 税后工资 4500.00 元 × 1% = 45.00 元
    group: str = ""  # 党小组

    @property
    def settled(self) -> bool:
        """Paid (in whole or part), made up, prepaid or exempt: not a month in arrears."""
        return self.kind is DuesKind.EXEMPT or self.paid > 0

    @property
    def status_text(self) -> str:
        if self.kind is None:
            return "未交"
        if self.kind is DuesKind.EXEMPT:
            return "免缴"
        if self.due is not None and self.paid < self.due:
            return f"{self.kind.label}（少 {self.due - self.paid:.2f} 元）"
        return self.kind.label

    def as_json(self) -> dict[str, Any]:
        return {"member": self.member, "month": core.month_code(self.month),
                "due": f"{self.due:.2f}" if self.due is not None else None, "paid": f"{self.paid:.2f}",
                "paid_on": self.paid_on.isoformat() if self.paid_on else None,
                "kind": self.kind.value if self.kind else None, "note": self.note}


@dataclass(frozen=True)
class LedgerRow:
    """One member's year in the 党费收缴台账: (应缴, 实缴) per month (None where not liable)."""

    member_id: int
    name: str
    group: str
    basis_text: str
    months: tuple[tuple[Decimal | None, Decimal | None, str] | None, ...]
    # 12 cells: None where not liable; (应缴, 实缴, how) where liable, both None for a month still to come
    due_total: Decimal
    paid_total: Decimal
    unpaid_months: int
    exempt_notes: str = ""  # 免缴 months with their approval: 11月免缴：街道党工委批准
    makeup_notes: str = ""  # 补缴 months with their note: 7月补缴：外出务工 (an import reads them back as 补缴)


@dataclass(frozen=True)
class DuesLedger:
    """The year's ledger as plain data for reports.dues_ledger."""

    branch: str
    year: int
    as_of: date
    rows: list[LedgerRow]
    due_by_month: tuple[Decimal, ...]
    paid_by_month: tuple[Decimal, ...]

    @property
    def due_total(self) -> Decimal:
        return sum(self.due_by_month, ZERO)

    @property
    def paid_total(self) -> Decimal:
        return sum(self.paid_by_month, ZERO)


@dataclass(frozen=True)
class DuesYearSummary:
    """The year's 党费 in a few figures, for the annual report and the page's summary line."""

    year: int
    members: int  # liable for at least one month of the year
    due_total: Decimal
    paid_total: Decimal  # 实缴 + 补缴 + 预交 for the year's months
    makeup_total: Decimal
    prepaid_total: Decimal
    exempt_months: int
    unpaid_months: int  # months that are over and were not settled
    in_arrears: list[tuple[str, int]]  # (name, consecutive months unpaid) at the end of the year (or as of)

    def as_dict(self) -> dict[str, Any]:
        return {"year": self.year, "members": self.members, "due_total": f"{self.due_total:.2f}",
                "paid_total": f"{self.paid_total:.2f}", "makeup_total": f"{self.makeup_total:.2f}",
                "prepaid_total": f"{self.prepaid_total:.2f}", "exempt_months": self.exempt_months,
                "unpaid_months": self.unpaid_months,
                "in_arrears": [{"member": n, "months": k} for n, k in self.in_arrears]}


@dataclass(frozen=True)
class CollectResult:
    """What 本月全部按应缴收齐 did: how many months recorded, and who was left out and why."""

    recorded: int
    already: int  # months that were already recorded (left as they were)
    no_base: list[str]  # names without a base: 应缴 unknown, nothing recorded for them
    months: list[int]


@dataclass(frozen=True)
class BaseEntry:
    effective_from: date
    basis: DuesBasis
    amount: Decimal | None
    note: str


# ------------------------------------------------------------------ reading


class _Person:
    __slots__ = ("id", "name", "category", "joined_on", "status", "status_since", "dues_base", "group", "sort",
                 "roster_base", "arrived_on")

    def __init__(self, row) -> None:
        (self.id, self.name, self.category, self.joined_on, self.status, self.status_since, self.dues_base,
         group, order, strokes, self.arrived_on) = row
        self.group = group or ""
        self.sort = (order if order is not None else 99, strokes or "", self.name)
        # the base the roster gives, for months no recorded base covers
        self.roster_base = (core.basis_from_category(self.category), self.dues_base)

    def liable(self, n: int) -> bool:
        """Pays for month `n`: from the month of acceptance (预备党员 too) until the month of leaving the roll."""
        return self.first <= n <= self.last

    @property
    def first(self) -> int:
        """The month of acceptance, or of arrival by 转入 (党费 until then went to the branch they came from)."""
        first = core.month_of(self.joined_on) if self.joined_on is not None else -1
        return max(first, core.month_of(self.arrived_on)) if self.arrived_on is not None else first

    @property
    def last(self) -> int:
        if self.status.on_roll:
            return 1 << 30
        return core.month_of(self.status_since) if self.status_since is not None else -2


class _Book:
    """A branch's people, bases and recorded months, read once for one use case."""

    def __init__(self, s: Session, branch_ids: list[int], rates: core.Rates, months: tuple[int, int] | None) -> None:
        M = m.Member
        rows = s.execute(
            select(M.id, M.name, M.category, M.joined_on, M.status, M.status_since, M.dues_base,
                   m.PartyGroup.name, m.PartyGroup.sort_order, M.name_strokes, M.arrived_on)
            .outerjoin(m.PartyGroup, m.PartyGroup.id == M.group_id).where(M.branch_id.in_(branch_ids))).all()
        self.people = sorted((_Person(r) for r in rows), key=lambda p: p.sort)
        self.by_id = {p.id: p for p in self.people}
        self.rates = rates
        self._dues: dict[tuple, tuple[Decimal | None, str]] = {}
        self.bases: dict[int, list[tuple[int, DuesBasis, Decimal | None]]] = defaultdict(list)
        ids = list(self.by_id)
        for chunk in range(0, len(ids), 900):
            for mid, frm, basis, amount in s.execute(
                    select(m.DuesBase.member_id, m.DuesBase.effective_from, m.DuesBase.basis, m.DuesBase.amount)
                    .where(m.DuesBase.member_id.in_(ids[chunk:chunk + 900]))
                    .order_by(m.DuesBase.member_id, m.DuesBase.effective_from)):
                self.bases[mid].append((core.month_of(frm), basis, amount))
        self.paid: dict[tuple[int, int], tuple] = {}
        if months is not None:
            P = m.DuesPayment
            lo, hi = months
            # by year, so that SQLite reads each member's rows through (member_id, year, month): a month
            # expression in the WHERE would read the whole table for each branch
            q = (select(P.member_id, P.year, P.month, P.due, P.paid, P.paid_on, P.kind, P.note)
                 .join(M, M.id == P.member_id).where(M.branch_id.in_(branch_ids))
                 .where(P.year.between(core.year_month(lo)[0], core.year_month(hi)[0])))
            for mid, y, mo, due, paid, paid_on, kind, note in s.execute(q):
                n = y * 12 + mo - 1
                if lo <= n <= hi:
                    self.paid[(mid, n)] = (due, paid, paid_on, kind, note)

    def forget_after(self, as_of: date) -> None:
        """The state on `as_of`: what was paid later (a 补缴 in January for December) is not yet there."""
        for key in [k for k, rec in self.paid.items() if rec[2] is not None and rec[2] > as_of]:
            del self.paid[key]

    def base_on(self, p: _Person, n: int) -> tuple[DuesBasis, Decimal | None]:
        history = self.bases.get(p.id)
        if history:
            found = None
            for frm, basis, amount in history:
                if frm <= n:
                    found = (basis, amount)
                else:
                    break
            if found is not None:
                return found
        return p.roster_base

    def due(self, p: _Person, n: int) -> tuple[Decimal | None, str]:
        """应缴 and how it was reached; worked out once per basis and base (a 党委's year asks 120,000 times)."""
        key = self.base_on(p, n)
        found = self._dues.get(key)
        if found is None:
            basis, amount = key
            found = self._dues[key] = (core.monthly_due(basis, amount, self.rates),
                                       core.explain_due(basis, amount, self.rates))
        return found

    def month(self, p: _Person, n: int) -> DuesMonth:
        due, text = self.due(p, n)
        rec = self.paid.get((p.id, n))
        if rec is None:
            return DuesMonth(p.id, p.name, n, due, ZERO, None, None, "", text, p.group)
        r_due, paid, paid_on, kind, note = rec
        return DuesMonth(p.id, p.name, n, r_due if r_due is not None else due, paid or ZERO, paid_on, kind,
                         note or "", text, p.group)


def _rates(db_or_overrides) -> core.Rates:
    overrides = db_or_overrides if isinstance(db_or_overrides, dict) else settings.rule_overrides(db_or_overrides)
    return core.Rates.with_overrides(overrides)


def _branch_name(s: Session, branch_id: int) -> str:
    name = s.scalar(select(m.Branch.name).where(m.Branch.id == branch_id))
    if name is None:
        raise NotFound(f"没有编号为 {branch_id} 的支部。")
    return name


def month_sheet(db: Database, branch_id: int, month: int, *, today: date | None = None) -> list[DuesMonth]:
    """Everyone liable for `month`, with 应缴 and what was recorded, in roster order (党小组, 笔画)."""
    rates = _rates(db)
    with db.session() as s:
        _branch_name(s, branch_id)
        book = _Book(s, [branch_id], rates, (month, month))
        return [book.month(p, month) for p in book.people if p.liable(month)]


def list_year(db: Database, branch_id: int, year: int, *, today: date | None = None) -> list[DuesMonth]:
    """`dues list`: each liable member's months of the year up to the current month, and any month
    recorded ahead (预交), by member then month."""
    today = today or date.today()
    first, last = core.month_no(year, 1), core.month_no(year, 12)
    current = core.month_of(today)
    rates = _rates(db)
    with db.session() as s:
        _branch_name(s, branch_id)
        book = _Book(s, [branch_id], rates, (first, last))
        out = []
        for p in book.people:
            for n in range(first, last + 1):
                if p.liable(n) and (n <= current or (p.id, n) in book.paid):
                    out.append(book.month(p, n))
        return out


def base_history(db: Database, member_id: int) -> list[BaseEntry]:
    """A member's bases over time, oldest first."""
    with db.session() as s:
        rows = s.execute(select(m.DuesBase.effective_from, m.DuesBase.basis, m.DuesBase.amount, m.DuesBase.note)
                         .where(m.DuesBase.member_id == member_id).order_by(m.DuesBase.effective_from)).all()
    return [BaseEntry(*r) for r in rows]


# ------------------------------------------------------------------ writing


def find_member(db: Database, branch_id: int, who: str | int) -> tuple[int, str]:
    """MEMBER as the command line names one: an id, an ID number, or a name unique in the branch."""
    with db.session() as s:
        if isinstance(who, int):
            row = s.execute(select(m.Member.id, m.Member.name).where(m.Member.id == who,
                                                                     m.Member.branch_id == branch_id)).first()
            if row is None:
                raise NotFound(f"本支部没有编号为 {who} 的党员。")
            return row[0], row[1]
        text = str(who).strip()
        rows = s.execute(select(m.Member.id, m.Member.name).where(
            m.Member.branch_id == branch_id,
            (m.Member.id_number == text.upper()) | (m.Member.name == text))).all()
    if not rows:
        raise NotFound(f"本支部没有姓名或身份证号为“{text}”的党员。")
    if len(rows) > 1:
        raise ValidationError(f"本支部有 {len(rows)} 位党员叫“{text}”，请用身份证号指明是哪一位。")
    return rows[0][0], rows[0][1]


def _money(value: Any, what: str) -> Decimal:
    try:
        amount = Decimal(str(value).strip().replace(",", "").replace("，", "").removesuffix("元"))
    except (InvalidOperation, ValueError):
        raise ValidationError(f"{what}“{value}”不是金额，请写数字，例如 45 或 45.50。") from None
    if not amount.is_finite() or amount < 0:
        raise ValidationError(f"{what}“{value}”不是有效金额（不能是负数）。")
    if amount != amount.quantize(core.CENT):
        raise ValidationError(f"{what}“{value}”最多到分（两位小数）。")
    if amount > Decimal("1000000"):
        raise ValidationError(f"{what}“{value}”太大，请检查。")
    return amount.quantize(core.CENT)


def record_payment(db: Database, branch_id: int, member: str | int, month: int, *,
                   kind: DuesKind = DuesKind.PAID, amount: Any = None, months: int = 1, note: str = "",
                   paid_on: date | None = None, today: date | None = None) -> list[DuesMonth]:
    """Record one month's 党费 (or `months` months ahead for 预交) for one member; `amount` per month
    defaults to 应缴. 免缴 needs its approval in `note`. A month already settled is refused: 撤销 it first."""
    kind = DuesKind(kind)
    today = today or date.today()
    paid_on = paid_on or today
    current = core.month_of(today)
    note = (note or "").strip()
    if paid_on > today:
        raise ValidationError(f"交纳日期{cn(paid_on)}在今天之后，不能登记。")
    if months < 1:
        raise ValidationError("月数至少为 1。")
    if months > 1 and kind is not DuesKind.PREPAID:
        raise ValidationError(f"一次登记几个月只用于预交；{kind.label}请逐月登记。")
    overrides = settings.rule_overrides(db)
    if kind is DuesKind.PREPAID:
        most = int(rules.param_value(core.RATES_RULE, "prepay_max_months", overrides))
        if months > most:
            raise ValidationError(f"一次预交最多 {most} 个月（设置 → 本地规则可改），收到 {months} 个月。")
    if kind is DuesKind.MAKEUP and month >= current:
        raise ValidationError(f"补缴是为已过去的月份补交；{core.month_label(month)}还没有过去，请登记为实缴。")
    if kind in (DuesKind.PAID, DuesKind.EXEMPT) and month > current:
        raise ValidationError(f"{core.month_label(month)}还没有到，提前交纳请登记为预交。")
    if kind is DuesKind.EXEMPT:
        if not note:
            raise ValidationError("免缴须经上级党委批准：请写明批准情况（谁、何时批准）。")
        if amount not in (None, "") and _money(amount, "免缴金额") != 0:
            raise ValidationError("免缴的月份实缴金额应为 0。")
    given = None if amount in (None, "") or kind is DuesKind.EXEMPT else _money(amount, "金额")
    member_id, _name = find_member(db, branch_id, member)
    rates = _rates(overrides)
    span = list(range(month, month + months))
    with db.transaction() as s:
        book = _Book(s, [branch_id], rates, (span[0], span[-1]))
        p = book.by_id[member_id]
        out = []
        for n in span:
            if not p.liable(n):
                why = (f"{cn(p.joined_on)}入党" if p.joined_on and core.month_of(p.joined_on) > n
                       else f"已于{cn(p.status_since)}{p.status.label}" if p.status_since else f"{p.status.label}")
                raise ValidationError(f"{p.name}{core.month_label(n)}不需交纳党费（{why}）。")
            due, _text = book.due(p, n)
            old = book.paid.get((p.id, n))
            if old is not None and (old[1] or old[3] is DuesKind.EXEMPT):
                raise ValidationError(f"{p.name}{core.month_label(n)}已登记{old[3].label} {old[1]:.2f} 元"
                                      f"{f'（{cn(old[2])}）' if old[2] else ''}；如需更正，请先撤销这条登记。")
            if kind is DuesKind.EXEMPT:
                paid = ZERO
            elif given is not None:
                paid = given
            elif due is None:
                raise ValidationError(f"{p.name}还没有党费基数，算不出应缴：请先设定党费基数，或写明金额。")
            else:
                paid = due
            if kind is not DuesKind.EXEMPT and paid == 0:
                raise ValidationError(f"{p.name}{core.month_label(n)}的金额为 0：不交请登记为免缴（写明批准情况）或不登记。")
            y, mo = core.year_month(n)
            s.execute(delete(m.DuesPayment).where(m.DuesPayment.member_id == p.id, m.DuesPayment.year == y,
                                                  m.DuesPayment.month == mo))
            s.add(m.DuesPayment(member_id=p.id, year=y, month=mo, base=book.base_on(p, n)[1],
                                due=due if due is not None else paid, paid=paid,
                                paid_on=None if kind is DuesKind.EXEMPT else paid_on, kind=kind, note=note))
            book.paid[(p.id, n)] = (due if due is not None else paid, paid,
                                    None if kind is DuesKind.EXEMPT else paid_on, kind, note)
            out.append(book.month(p, n))
    return out


def clear_month(db: Database, member_id: int, month: int) -> bool:
    """撤销: what was recorded for the month is removed (the month is unpaid again); False if nothing was."""
    y, mo = core.year_month(month)
    with db.transaction() as s:
        result = s.execute(delete(m.DuesPayment).where(m.DuesPayment.member_id == member_id,
                                                       m.DuesPayment.year == y, m.DuesPayment.month == mo))
        return bool(result.rowcount)


def collect(db: Database, branch_id: int, months: Iterable[int], *, paid_on: date | None = None,
            today: date | None = None, progress: Progress | None = None) -> CollectResult:
    """本月全部按应缴收齐: every liable member's 应缴 recorded as paid for each month given, in one
    transaction; months already recorded stay as they were; members without a base are named, not guessed."""
    today = today or date.today()
    paid_on = paid_on or today
    months = sorted(set(months))
    if not months:
        return CollectResult(0, 0, [], [])
    if paid_on > today:
        raise ValidationError(f"交纳日期{cn(paid_on)}在今天之后，不能登记。")
    if months[-1] > core.month_of(today):
        raise ValidationError(f"{core.month_label(months[-1])}还没有到：按应缴收齐只用于本月和以前的月份。")
    rates = _rates(db)
    recorded = already = 0
    no_base: dict[int, str] = {}
    with db.transaction() as s:
        _branch_name(s, branch_id)
        book = _Book(s, [branch_id], rates, (months[0], months[-1]))
        rows = []
        paid = book.paid
        calendar = [(n, *core.year_month(n)) for n in months]
        for i, p in enumerate(book.people):
            first, last = p.first, p.last
            steady = p.id not in book.bases  # one base for every month: worked out once
            due = book.due(p, first)[0] if steady else None
            for n, y, mo in calendar:
                if n < first or n > last:
                    continue
                if (p.id, n) in paid:
                    already += 1
                    continue
                if not steady:
                    due = book.due(p, n)[0]
                if due is None or due == 0:
                    no_base[p.id] = p.name
                    continue
                rows.append((p.id, y, mo, p.dues_base if steady else book.base_on(p, n)[1], due, paid_on))
            if progress is not None and i % 500 == 0:
                progress(i, len(book.people) + 1, f"已整理 {i} 人，共 {len(book.people)} 人")
        _insert_paid(s, rows)
        recorded = len(rows)
    return CollectResult(recorded, already, sorted(no_base.values()), months)


def _insert_paid(s: Session, rows: list[tuple]) -> None:
    """New 实缴 months (member_id, year, month, base, due, paid_on), paid in full. On SQLite through the
    driver's executemany with the values as SQLAlchemy binds them there (Numeric as float, Date as ISO text,
    the kind as its value): a 党委's year is 120,000 rows, and SQLAlchemy's executemany spends more time
    making each row's parameters than SQLite spends writing it (bench dues-collect). Elsewhere, and as the
    reference the test compares with (tests/services/test_dues.py), the plain Core insert."""
    conn = s.connection()
    if conn.dialect.name != "sqlite":
        _insert_paid_plainly(s, rows)
        return
    paid = DuesKind.PAID.value
    conn.exec_driver_sql(
        "INSERT INTO dues_payments (member_id, year, month, base, due, paid, paid_on, kind, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')",
        [(mid, y, mo, None if base is None else float(base), float(due), float(due), on.isoformat(), paid)
         for mid, y, mo, base, due, on in rows])


def _insert_paid_plainly(s: Session, rows: list[tuple]) -> None:
    for chunk in range(0, len(rows), 5000):
        s.connection().execute(insert(m.DuesPayment.__table__), [
            {"member_id": mid, "year": y, "month": mo, "base": base, "due": due, "paid": due, "paid_on": on,
             "kind": DuesKind.PAID, "note": ""} for mid, y, mo, base, due, on in rows[chunk:chunk + 5000]])


def set_base(db: Database, member_id: int, from_month: int, basis: DuesBasis, amount: Any = None, *,
             note: str = "", today: date | None = None) -> list[BaseEntry]:
    """A member's basis and base from a month on (a raise, retirement): kept beside the earlier ones, so
    months before keep their 应缴. The roster's 党费基数 follows the base in force this month."""
    basis = DuesBasis(basis)
    today = today or date.today()
    value = None
    if core.needs_base(basis):
        if amount in (None, ""):
            raise ValidationError(f"按{basis.label}计算党费需要写明金额（每月税后收入）。")
        value = _money(amount, basis.label)
    if from_month > core.month_of(today) + 1:
        raise ValidationError(f"{core.month_label(from_month)}太远：党费基数最早可以从下个月起设定。")
    frm = core.first_day(from_month)
    with db.transaction() as s:
        member = s.get(m.Member, member_id)
        if member is None:
            raise NotFound(f"没有编号为 {member_id} 的党员。")
        existing = s.scalars(select(m.DuesBase).where(m.DuesBase.member_id == member_id)
                             .order_by(m.DuesBase.effective_from)).all()
        if not existing and member.dues_base is not None and (
                member.joined_on is None or core.month_of(member.joined_on) < from_month):
            # the base the roster had until now applied to the months before: keep it as their base
            start = core.first_day(core.month_of(member.joined_on)) if member.joined_on else date(1921, 7, 1)
            if start < frm:
                s.add(m.DuesBase(member_id=member_id, effective_from=start,
                                 basis=core.basis_from_category(member.category), amount=member.dues_base,
                                 note="花名册中的党费基数"))
        same = next((b for b in existing if b.effective_from == frm), None)
        if same is not None:
            same.basis, same.amount, same.note = basis, value, note.strip()
        else:
            s.add(m.DuesBase(member_id=member_id, effective_from=frm, basis=basis, amount=value, note=note.strip()))
        s.flush()
        in_force = s.scalars(select(m.DuesBase).where(m.DuesBase.member_id == member_id,
                                                      m.DuesBase.effective_from <= core.first_day(core.month_of(today)))
                             .order_by(m.DuesBase.effective_from.desc())).first()
        if in_force is not None and member.dues_base != in_force.amount:
            member.dues_base = in_force.amount
    return base_history(db, member_id)


def roster_base_changed(s: Session, member: m.Member, old: Decimal | None, today: date) -> None:
    """The roster's 党费基数 was changed (member editor, roster import), inside the caller's transaction: the
    new base counts from this month on and the months before keep the base they had, as `set_base` does.
    Without this a changed base would silently rewrite the 应缴 of every past month, or (once a history
    exists) be ignored by the 党费 ledger."""
    new = member.dues_base
    if new == old:
        return
    this = core.first_day(core.month_of(today))
    history = s.scalars(select(m.DuesBase).where(m.DuesBase.member_id == member.id)
                        .order_by(m.DuesBase.effective_from)).all()
    if not history:
        if old is None:
            return  # the first base the roster gives: it is the base of every month, as before
        start = core.first_day(core.month_of(member.joined_on)) if member.joined_on else date(1921, 7, 1)
        if start < this:
            s.add(m.DuesBase(member_id=member.id, effective_from=start, amount=old,
                             basis=core.basis_from_category(member.category), note="花名册中的党费基数"))
        basis = core.basis_from_category(member.category)
    else:
        in_force = [b for b in history if b.effective_from <= this]
        basis = (in_force[-1] if in_force else history[0]).basis
    if not core.needs_base(basis):
        basis = core.basis_from_category(member.category)
        if not core.needs_base(basis):
            basis = DuesBasis.WAGE  # a base was given: it is a wage, whatever the category says
    same = next((b for b in history if b.effective_from == this), None)
    if same is not None:
        same.basis, same.amount = basis, new
    else:
        s.add(m.DuesBase(member_id=member.id, effective_from=this, basis=basis, amount=new, note="花名册修改党费基数"))


# ------------------------------------------------------------------ the year


def ledger(db: Database, branch_id: int, year: int, *, today: date | None = None) -> DuesLedger:
    """党费收缴台账 for a year: each member liable in it, 应缴/实缴 month by month, totals."""
    today = min(today or date.today(), date(year, 12, 31))  # a document for year Y shows the state on Y-12-31
    rates = _rates(db)
    first = core.month_no(year, 1)
    current = core.month_of(today)
    with db.session() as s:
        name = _branch_name(s, branch_id)
        book = _Book(s, [branch_id], rates, (first, first + 11))
    book.forget_after(today)
    due_by = [ZERO] * 12
    paid_by = [ZERO] * 12
    rows = []
    paid_rows = book.paid
    exempt_kind = DuesKind.EXEMPT
    # one pass per person over their liable months (a 党委's year: 120,000 months), no object per month
    for p in book.people:
        lo, hi = max(first, p.first), min(first + 11, p.last)
        if lo > hi:
            continue
        cells: list = [None] * 12
        due_total = paid_total = ZERO
        unpaid = 0
        exempt = []
        makeup: list[str] = []
        steady = book.due(p, lo) if p.id not in book.bases else None  # one base all year: worked out once
        basis_text = ""
        for n in range(lo, hi + 1):
            i = n - first
            due, basis_text = steady or book.due(p, n)
            rec = paid_rows.get((p.id, n))
            if rec is None:
                if n > current:
                    cells[i] = (None, None, "")  # a month still to come, nothing recorded: blank
                    continue
                cells[i] = (due, ZERO, "")
                if due is not None:
                    due_total += due
                    due_by[i] += due
                if n < current:
                    unpaid += 1
                continue
            r_due, paid, _on, kind, note = rec
            if r_due is not None:
                due = r_due
            paid = paid or ZERO
            cells[i] = (due, paid, kind.label)
            if due is not None:
                due_total += due
                due_by[i] += due
            paid_total += paid
            paid_by[i] += paid
            if kind is exempt_kind:
                exempt.append(f"{i + 1}月免缴：{note or ''}")
            elif kind is DuesKind.MAKEUP:
                makeup.append(f"{i + 1}月补缴" + (f"：{note}" if note else ""))
            elif not paid and n < current:
                unpaid += 1
        rows.append(LedgerRow(p.id, p.name, p.group, basis_text, tuple(cells), due_total, paid_total, unpaid,
                              "；".join(exempt), "；".join(makeup)))
    return DuesLedger(name, year, today, rows, tuple(due_by), tuple(paid_by))


def year_summary(db: Database, branch_id: int, year: int, *, today: date | None = None) -> DuesYearSummary:
    """The year's 党费 as plain figures (for the annual report): who paid what, what is outstanding."""
    today = min(today or date.today(), date(year, 12, 31))  # the year's summary: the state on Y-12-31
    rates = _rates(db)
    first = core.month_no(year, 1)
    end = min(first + 11, core.month_of(today) - 1)  # the last month that is over
    with db.session() as s:
        _branch_name(s, branch_id)
        start = _records_start(s, [branch_id]).get(branch_id)
        book = _Book(s, [branch_id], rates, (min(first, start or first), first + 11))
    book.forget_after(today)
    members = 0
    due_total = paid_total = makeup = prepaid = ZERO
    exempt = unpaid = 0
    in_arrears = []
    for p in book.people:
        liable = [n for n in range(first, first + 12) if p.liable(n)]
        if not liable:
            continue
        members += 1
        for n in liable:
            dm = book.month(p, n)
            if n <= core.month_of(today) or dm.kind is not None:
                due_total += dm.due or ZERO
            paid_total += dm.paid
            if dm.kind is DuesKind.MAKEUP:
                makeup += dm.paid
            elif dm.kind is DuesKind.PREPAID:
                prepaid += dm.paid
            elif dm.kind is DuesKind.EXEMPT:
                exempt += 1
            if not dm.settled and n <= end and start is not None and n >= start:
                unpaid += 1
        if start is not None and p.liable(end):
            settled = [n for (mid, n), rec in book.paid.items() if mid == p.id and (rec[1] or rec[3] is DuesKind.EXEMPT)]
            counts_from = max(start, core.month_of(p.joined_on) if p.joined_on else start,
                              core.month_of(p.arrived_on) if p.arrived_on else start)
            run = core.arrears(settled, counts_from, end)
            if run is not None:
                in_arrears.append((p.name, run.months))
    return DuesYearSummary(year, members, due_total, paid_total, makeup, prepaid, exempt, unpaid, in_arrears)


# ------------------------------------------------------------------ findings


def _records_start(s: Session, branch_ids: list[int]) -> dict[int, int]:
    """Per branch, the first month with any 党费 recorded: months before it are not known to be unpaid."""
    P, M = m.DuesPayment, m.Member
    rows = s.execute(select(M.branch_id, func.min(P.year * 12 + P.month - 1))
                     .join(M, M.id == P.member_id).where(M.branch_id.in_(branch_ids)).group_by(M.branch_id)).all()
    return {bid: int(n) for bid, n in rows if n is not None}


def check_provider(s: Session, ctx) -> Iterable[Finding]:
    """DUES-ARREARS-3M from 3 months unpaid (time to collect); MEMBER-INACTIVE-6M with 党费 as the reason
    from 4 months (`due`) and at 6 (`overdue`): the 党章's six months counts unpaid dues on its own."""
    arrears_months = int(ctx.param(core.ARREARS_RULE, "months"))
    due_months = int(ctx.param("MEMBER-INACTIVE-6M", "due_months"))
    overdue_months = int(ctx.param("MEMBER-INACTIVE-6M", "overdue_months"))
    last_over = core.month_of(ctx.as_of) - 1
    P, M = m.DuesPayment, m.Member
    n = P.year * 12 + P.month - 1
    y = core.year_month(last_over)[0]
    # per member, two walks of the (member_id, year, month) index that stop at their first row: the first
    # month recorded (where the branch's records start) and, newest first, the last month settled by the
    # day checked; the run of unpaid months lies between. Reading every month of every member instead
    # took a third of a second on a 党委 (bench: check).
    first_any = select(n).where(P.member_id == M.id).order_by(P.year, P.month).limit(1).scalar_subquery()
    last_settled = (select(n).where(P.member_id == M.id, P.year <= y, n <= last_over,
                                    (P.paid > 0) | (P.kind == DuesKind.EXEMPT),
                                    P.paid_on.is_(None) | (P.paid_on <= ctx.as_of))
                    .order_by(P.year.desc(), P.month.desc()).limit(1).scalar_subquery())
    starts: dict[int, int] = {}
    latest: dict[int, int] = {}
    # plain Core rows fetched at once: the ORM's row-by-row result costs more than the query here
    for mid, bid, first, last in s.connection().execute(select(M.id, M.branch_id, first_any, last_settled)
                                                        .where(M.branch_id.in_(ctx.branch_ids))).all():
        if first is not None:
            starts[bid] = min(starts.get(bid, first), first)
        if last is not None:
            latest[mid] = int(last)
    if not starts:
        return
    from dangjian_desktop.services.meetings.attendance import status_on

    arrears_rule, inactive_rule = rules.rule(core.ARREARS_RULE), rules.rule("MEMBER-INACTIVE-6M")
    least = min(arrears_months, due_months)
    for branch_id, start in starts.items():
        behind = []
        for p in ctx.roster(s).of_branch(branch_id):
            counts_from = max(start, core.month_of(p.joined_on) if p.joined_on else start,
                              core.month_of(p.arrived_on) if p.arrived_on else start)
            if last_over - max(latest.get(p.id, -1), counts_from - 1) < least:
                continue  # paid recently enough (most people): nothing to work out
            run = core.arrears((latest[p.id],) if p.id in latest else (), counts_from, last_over)
            status = status_on(p, ctx.as_of)
            if run is not None and status is not None and status.on_roll:  # on the roll on the day checked
                behind.append((p, run))
        behind.sort(key=lambda pr: pr[0].sort)
        for p, run in behind:
            since = core.month_label(run.since)
            until = core.month_label(last_over)
            ends = core.first_day(run.since + overdue_months)  # the month the 6th unpaid one is over
            if run.months >= overdue_months:
                yield Finding("MEMBER-INACTIVE-6M", Severity.OVERDUE, p.name, ends,
                              f"已连续{run.months}个月未交纳党费（{since}至{until}），请尽快了解情况、谈心谈话。"
                              f"{inactive_rule.text}（{inactive_rule.citation}）",
                              ref=("dues", {"member_id": p.id, "month": core.month_code(run.since)}), branch_id=branch_id)
            elif run.months >= due_months:
                yield Finding("MEMBER-INACTIVE-6M", Severity.DUE, p.name, ends,
                              f"已连续{run.months}个月未交纳党费（{since}至{until}），满{overdue_months}个月将视为连续"
                              f"{overdue_months}个月不交纳党费，请及早联系收缴（依据{inactive_rule.citation}）。",
                              ref=("dues", {"member_id": p.id, "month": core.month_code(run.since)}), branch_id=branch_id)
            else:
                yield Finding(core.ARREARS_RULE, Severity.DUE, p.name, ends,
                              f"已连续{run.months}个月未交纳党费（{since}至{until}），请提醒收缴"
                              f"（{arrears_rule.citation}）。",
                              ref=("dues", {"member_id": p.id, "month": core.month_code(run.since)}), branch_id=branch_id)


# ------------------------------------------------------------------ export


def export_ledger(db: Database, req) -> Path:
    """党费收缴台账 (.xlsx) for `req.year`."""
    from dangjian_desktop.reports.dues_ledger import write_dues_ledger

    year = req.year or date.today().year
    if not 1921 <= year <= 2200:
        raise ValidationError(f"年份 {year} 不合理。")
    return write_dues_ledger(req.out, ledger(db, req.branch_id, year), progress=req.progress)


def _register() -> None:
    from dangjian_desktop.services.exports import ExportKind, register

    register(ExportKind("dues-ledger", "党费收缴台账", ".xlsx", export_ledger, needs_year=True, order=36))


_register()

