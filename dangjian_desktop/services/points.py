"""党员积分: the branch's scheme, points counted from what is recorded (attendance, 党费 on time) and
entered by hand with a reason, capped per year, by month and year, and the ranking.

A derived item kind is one function registered in DERIVED: given (db, branch_id, year) it says how many
times each member earned the item in each month; the scheme gives the points per time and the cap.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import nullcontext
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Mapping

from sqlalchemy import case, delete, extract, func, literal_column, or_, select
from sqlalchemy.orm import Session

from dangjian_desktop.core import meetings as core_meetings
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import AttendanceStatus, DuesKind, MeetingState, MeetingType
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError

ZERO = Decimal("0")
TENTH = Decimal("0.1")
MOST = Decimal("1000")  # more points than any item gives in a year: a typing slip
NOTHING = (ZERO,) * 12  # a member's months of an item they earned nothing from
OTHER = "其他加减分"  # the column of entries made without an item (the command line's `points add`)

Counts = Mapping[int, Mapping[int, Any]]  # member id → month (1–12) → occurrences


# ------------------------------------------------------------------ derived kinds


@dataclass(frozen=True)
class DerivedKind:
    """A kind of item counted from the records: `count(db, branch_id, year)` gives occurrences per member
    and month (of the year's months up to today); `label` says what one occurrence is."""

    key: str
    label: str
    count: Callable[[Any, int, int], Counts]
    first_month: int = 1  # the first month it can be earned in: not counted before the year reaches it


DERIVED: dict[str, DerivedKind] = {}


def register_derived(kind: DerivedKind) -> DerivedKind:
    """Add a derived kind (the 学时 item is one more of these)."""
    DERIVED[kind.key] = kind
    return kind


def _year_end(year: int) -> date:
    return min(date(year, 12, 31), date.today())


_MEMO: ContextVar[dict | None] = ContextVar("points_memo", default=None)


def _attendance_counts(db, branch_id: int, year: int) -> dict[AttendanceStatus, dict[int, dict[int, int]]]:
    """Per status, per member, per month: final records of the year (a combined meeting is one record,
    counted once), 谈心谈话 left out (a talk, not a gathering). A ledger that lists only the absentees
    whose numbers add up to the roll means everyone else in it attended (domain: attendance is known).
    Read once per `year_points` for the three items that use it."""
    memo = _MEMO.get()
    key = ("attendance", branch_id, year)
    if memo is not None and key in memo:
        return memo[key]
    out = _read_attendance(db, branch_id, year)
    if memo is not None:
        memo[key] = out
    return out


def _read_attendance(db, branch_id: int, year: int) -> dict[AttendanceStatus, dict[int, dict[int, int]]]:
    from dangjian_desktop.services.meetings.attendance import _members_on

    out: dict[AttendanceStatus, dict[int, dict[int, int]]] = {
        s: defaultdict(lambda: defaultdict(int)) for s in AttendanceStatus}
    end = _year_end(year)
    if end < date(year, 1, 1):
        return out
    Mt, A = m.Meeting, m.Attendance
    held = ((Mt.branch_id == branch_id) & Mt.held_on.between(date(year, 1, 1), end)
            & (Mt.state == MeetingState.FINAL) & (Mt.type != MeetingType.HEART_TALK))
    with db.session() as s:
        # counted in the database, one row per member and month with the three statuses side by side: a
        # 党委's year is hundreds of thousands of rows (bench: points)
        kept = (AttendanceStatus.PRESENT, AttendanceStatus.LEAVE, AttendanceStatus.ABSENT)
        present, leave, absent = (out[st] for st in kept)
        # each meeting's month worked out once, not once per attendance row (DISTINCT keeps SQLite from
        # merging the subquery into the join: half the time of the statement)
        months = select(Mt.id, extract("month", Mt.held_on).label("month")).where(held).distinct().subquery()
        for member_id, month_no, p, lv, ab in s.connection().execute(
                select(A.member_id, months.c.month, *(func.sum(case((A.status == st, 1), else_=0)) for st in kept))
                .select_from(months).join(A, A.meeting_id == months.c.id)
                .group_by(A.member_id, months.c.month)).all():
            month_no = int(month_no)
            if p:
                present[member_id][month_no] += int(p)
            if lv:
                leave[member_id][month_no] += int(lv)
            if ab:
                absent[member_id][month_no] += int(ab)
        # meetings that list fewer people than 应到: an absentee-only ledger when the numbers add up (the
        # people listed counted from the index alone; those away only where fewer are listed)
        listed = {mid: int(n) for mid, n in s.execute(
            select(A.meeting_id, func.count()).join(Mt, Mt.id == A.meeting_id)
            .where(held, Mt.attendance_known.is_(True), Mt.expected > 0).group_by(A.meeting_id)).tuples()}
        short = [mt for mt in s.execute(
            select(Mt.id, Mt.type, Mt.held_on, Mt.group_id, Mt.expected, Mt.present)
            .where(held, Mt.attendance_known.is_(True), Mt.expected > 0)) if listed.get(mt.id, 0) < mt.expected]
        away = {}
        for chunk in range(0, len(short), 900):
            away.update(dict(s.execute(
                select(A.meeting_id, func.count()).where(A.meeting_id.in_([mt.id for mt in short[chunk:chunk + 900]]),
                                                          A.status != AttendanceStatus.PRESENT)
                .group_by(A.meeting_id)).tuples().all()))
        candidates = [mt for mt in short if mt.expected - int(away.get(mt.id, 0)) == mt.present]
        for mt in candidates:
            also = [MeetingType(t) for t in s.scalars(select(m.MeetingAlsoType.type)
                                                      .where(m.MeetingAlsoType.meeting_id == mt.id))]
            scope = core_meetings.attendance_scope([MeetingType(mt.type), *also])
            if scope not in ("branch", "group") or (scope == "group" and mt.group_id is None):
                continue  # a committee's roll is its members: they are listed when expected
            roll = _members_on(s, branch_id, mt.held_on, group_id=mt.group_id if scope == "group" else None)
            if len(roll) != mt.expected:
                continue  # the numbers do not add up to the roll: unknown, neither presence nor absence
            named = set(s.scalars(select(A.member_id).where(A.meeting_id == mt.id)))
            for member, _status in roll:
                if member.id not in named:
                    out[AttendanceStatus.PRESENT][member.id][mt.held_on.month] += 1
    return out


def _attended(db, branch_id: int, year: int) -> Counts:
    return _attendance_counts(db, branch_id, year)[AttendanceStatus.PRESENT]


def _on_leave(db, branch_id: int, year: int) -> Counts:
    return _attendance_counts(db, branch_id, year)[AttendanceStatus.LEAVE]


def _absent(db, branch_id: int, year: int) -> Counts:
    return _attendance_counts(db, branch_id, year)[AttendanceStatus.ABSENT]


def _dues_on_time(db, branch_id: int, year: int) -> Counts:
    """Months of the year (up to this month) whose 党费 was paid in full by the month's end: 实缴 or 预交
    (a month imported without a date was recorded as paid in its month, not as 补缴)."""
    end = _year_end(year)
    out: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    if end < date(year, 1, 1):
        return out
    P, M = m.DuesPayment, m.Member
    paid, due = func.coalesce(P.paid, 0), func.coalesce(P.due, 0)
    # paid by the month's end: the day paid falls in the month or before (decided in the database: a 党委's
    # year is 120,000 member-months)
    in_time = or_(P.paid_on.is_(None),
                  extract("year", P.paid_on) * 12 + extract("month", P.paid_on) <= year * 12 + P.month)
    # one row a member: the months as bits of a number (a member has one row a month: the bits do not carry),
    # each pattern of months read out once (most members pay every month)
    months = func.sum(literal_column("1").op("<<")(P.month))
    patterns: dict[int, dict[int, int]] = {}
    with db.session() as s:
        for mid, bits in s.connection().execute(
                select(P.member_id, months).join(M, M.id == P.member_id)
                .where(M.branch_id == branch_id, P.year == year, P.month <= end.month,
                       P.kind.in_([DuesKind.PAID, DuesKind.PREPAID]), paid >= due, paid > 0, in_time)
                .group_by(P.member_id)).all():
            bits = int(bits)
            paid_months = patterns.get(bits)
            if paid_months is None:
                paid_months = patterns[bits] = {month: 1 for month in range(1, 13) if bits >> month & 1}
            out[mid] = paid_months
    return out


register_derived(DerivedKind("attended", "出席一次组织生活（会议记录）", _attended))
register_derived(DerivedKind("leave", "请假一次（会议记录）", _on_leave))
register_derived(DerivedKind("absent", "缺席一次（会议记录中未请假）", _absent))
register_derived(DerivedKind("dues_on_time", "按月足额交纳党费一个月（党费台账）", _dues_on_time))


def _study_reached(db, branch_id: int, year: int) -> Counts:
    """全年学时达标: once, in December, for each member whose year's 学时 (recorded and counted from 党课、
    主题党日) reach their own target (书记、支委 more; pro-rated for the year one joined), as the 学时 page has it."""
    from dangjian_desktop.services import settings, study

    # the year's hours as the database adds them up (study._totals, as `check` reads them), not a Python
    # object per session as the 学时台账 needs (bench: points); up to today, as the 学时 page shows them
    today = date.today()
    first, last = date(year, 1, 1), min(date(year, 12, 31), today)
    with db.session() as s:
        overrides = settings.overrides_in(s)
        totals = study._totals(s, [branch_id], first, last, study._value(overrides)) if last >= first else {}
        view = study._year(s, branch_id, year, today, overrides, totals=totals)
    return {r.member_id: {12: 1} for r in view.rows if not r.below}


register_derived(DerivedKind("study_hours", "全年学时达标（学时台账）", _study_reached, first_month=12))


# ------------------------------------------------------------------ the scheme


@dataclass(frozen=True)
class SchemeItem:
    """One item of the scheme: points per occurrence, the yearly cap per member (None: none)."""

    name: str
    points: Decimal
    yearly_cap: Decimal | None = None
    source: str = ""  # a DERIVED key, or "" for an item entered by hand
    id: int | None = None

    @property
    def derived(self) -> bool:
        return bool(self.source)

    @property
    def source_text(self) -> str:
        kind = DERIVED.get(self.source)
        return f"自动：{kind.label}" if kind else ("手工登记" if not self.source else "自动（本程序不认识的来源）")

    @property
    def rule_text(self) -> str:
        cap = f"，全年最多{'扣' if self.points < 0 else '计'} {fmt(self.yearly_cap)} 分" if self.yearly_cap is not None else ""
        return f"每次 {fmt(self.points, signed=True)} 分{cap}"


DEFAULT_SCHEME: tuple[SchemeItem, ...] = (
    SchemeItem("参加组织生活", Decimal(1), Decimal(30), "attended"),
    SchemeItem("请假", ZERO, None, "leave"),
    SchemeItem("无故缺席", Decimal(-2), Decimal(20), "absent"),
    SchemeItem("按时交纳党费", Decimal(1), Decimal(12), "dues_on_time"),
    SchemeItem("担任职务", Decimal(5), Decimal(10)),
    SchemeItem("志愿服务", Decimal(2), Decimal(20)),
    SchemeItem("党员先锋岗", Decimal(5), Decimal(10)),
    SchemeItem("受到表彰", Decimal(5), Decimal(20)),
    SchemeItem("违反纪律或规定", Decimal(-10), None),
    SchemeItem("学时达标", Decimal(5), Decimal(5), "study_hours"),  # last: the year's end
)


def fmt(value: Decimal | int | None, *, signed: bool = False) -> str:
    """Points as people write them: 12, 2.5, +2, -5."""
    if value is None:
        return ""
    d = Decimal(value)
    text = f"{d:.0f}" if d == d.to_integral_value() else f"{d.normalize():f}"
    return f"+{text}" if signed and d > 0 else text


def _stored(s: Session, branch_id: int) -> list[m.PointsItem]:
    return list(s.scalars(select(m.PointsItem).where(m.PointsItem.branch_id == branch_id)
                          .order_by(m.PointsItem.sort_order, m.PointsItem.id)))


def _scheme_in(s: Session, branch_id: int) -> list[SchemeItem]:
    rows = _stored(s, branch_id)
    if not rows:
        return list(DEFAULT_SCHEME)
    return [SchemeItem(r.name, Decimal(r.points), None if r.yearly_cap is None else Decimal(r.yearly_cap), r.source,
                       r.id) for r in rows]


def _materialise(s: Session, branch_id: int) -> list[m.PointsItem]:
    """The branch's items as rows, the default scheme written first if it has none (inside a write)."""
    rows = _stored(s, branch_id)
    if rows:
        return rows
    for i, item in enumerate(DEFAULT_SCHEME):
        s.add(m.PointsItem(branch_id=branch_id, name=item.name, source=item.source, points=item.points,
                           yearly_cap=item.yearly_cap, sort_order=i))
    s.flush()
    return _stored(s, branch_id)


def _branch_name(s: Session, branch_id: int) -> str:
    name = s.scalar(select(m.Branch.name).where(m.Branch.id == branch_id))
    if name is None:
        raise NotFound(f"没有编号为 {branch_id} 的支部。")
    return name


def scheme(db: Database, branch_id: int) -> list[SchemeItem]:
    """The branch's scheme (the default one until the branch saves its own)."""
    with db.session() as s:
        _branch_name(s, branch_id)
        return _scheme_in(s, branch_id)


def _number(value: Any, what: str, *, allow_negative: bool = True) -> Decimal:
    text = str(value).strip().replace("＋", "+").replace("－", "-").replace("−", "-").removesuffix("分")
    try:
        d = Decimal(text)
    except (InvalidOperation, ValueError):
        raise ValidationError(f"{what}“{value}”不是数字，请写如 2、-5 或 0.5。") from None
    if not d.is_finite():
        raise ValidationError(f"{what}“{value}”不是数字，请写如 2、-5 或 0.5。")
    if d != d.quantize(TENTH):
        raise ValidationError(f"{what}“{value}”最多保留一位小数。")
    if d < 0 and not allow_negative:
        raise ValidationError(f"{what}“{value}”不能是负数。")
    if abs(d) > MOST:
        raise ValidationError(f"{what}“{value}”太大，请检查（不超过 {MOST} 分）。")
    return d.quantize(TENTH)


def save_scheme(db: Database, branch_id: int, items: list[SchemeItem]) -> list[SchemeItem]:
    """Save the branch's scheme as edited (items, points, caps, order). An item entered by hand that has
    entries cannot be removed (its entries would lose their item): set its points to 0 instead."""
    names: set[str] = set()
    sources: set[str] = set()
    clean = []
    for i, item in enumerate(items, start=1):
        name = " ".join((item.name or "").split())
        if not name:
            raise ValidationError(f"积分规则第{i}项没有名称。")
        if len(name) > 50:
            raise ValidationError(f"积分项目“{name[:20]}…”的名称太长（不超过 50 字）。")
        if name in names:
            raise ValidationError(f"积分项目“{name}”出现了两次，请合并或改名。")
        names.add(name)
        if item.source:
            if item.source not in DERIVED:
                raise ValidationError(f"积分项目“{name}”的来源本程序不认识，请删除这一项后重新添加。")
            if item.source in sources:
                raise ValidationError(f"“{DERIVED[item.source].label}”已经有一个积分项目了，同一来源只能计一次分。")
            sources.add(item.source)
        points = _number(item.points, f"积分项目“{name}”的分值")
        cap = None
        if item.yearly_cap not in (None, ""):
            cap = _number(item.yearly_cap, f"积分项目“{name}”的年度上限", allow_negative=False)
        clean.append(SchemeItem(name, points, cap, item.source, item.id))
    with db.transaction() as s:
        _branch_name(s, branch_id)
        rows = {r.id: r for r in _materialise(s, branch_id)}
        kept = {item.id for item in clean if item.id in rows}
        for rid, row in rows.items():
            if rid in kept:
                continue
            used = s.scalar(select(m.PointsEntry.id).where(m.PointsEntry.item_id == rid).limit(1))
            if used is not None:
                raise ValidationError(f"积分项目“{row.name}”已有手工登记的积分，不能删除；不再使用可把分值改为 0。")
            s.delete(row)
        s.flush()
        for order, item in enumerate(clean):
            row = rows.get(item.id) if item.id in kept else None
            if row is None:
                row = m.PointsItem(branch_id=branch_id)
                s.add(row)
            elif row.source != item.source:
                raise ValidationError(f"积分项目“{item.name}”的来源不能改，请删除后重新添加。")
            row.name, row.source, row.points, row.yearly_cap, row.sort_order = (
                _placeholder(order, names), item.source, item.points, item.yearly_cap, order)
        s.flush()  # (names go through a placeholder: two items may swap names in one save)
        for order, item in enumerate(clean):
            row = s.scalar(select(m.PointsItem).where(m.PointsItem.branch_id == branch_id,
                                                      m.PointsItem.name == _placeholder(order, names)))
            row.name = item.name
    return scheme(db, branch_id)


def _placeholder(order: int, names: set[str]) -> str:
    """A name no item of the saved scheme has, for the moment between the two steps of a save."""
    k = 0
    while (text := f"（保存中{order}-{k}）") in names:
        k += 1
    return text


# ------------------------------------------------------------------ manual entries


@dataclass(frozen=True)
class Entry:
    id: int
    member_id: int
    member: str
    awarded_on: date
    item: str
    points: Decimal
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "member": self.member, "date": self.awarded_on.isoformat(), "item": self.item,
                "points": _json_number(self.points), "reason": self.reason}


def _json_number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def find_member(db: Database, branch_id: int, who: str | int) -> tuple[int, str]:
    """MEMBER as the command line names one (an id, an ID number or a name unique in the branch)."""
    from dangjian_desktop.services.dues import find_member as find

    return find(db, branch_id, who)


def add_entry(db: Database, branch_id: int, member: str | int, awarded_on: date, points: Any, reason: str, *,
              item: str | None = None, today: date | None = None) -> Entry:
    """Enter points by hand for one member: a day, the points (negative to deduct), the reason, and the
    scheme's item it belongs to (None: 其他加减分)."""
    today = today or date.today()
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("请写明加分或扣分的事由。")
    if len(reason) > 200:
        raise ValidationError("事由太长（不超过 200 字）。")
    value = _number(points, "分值")
    if value == 0:
        raise ValidationError("分值不能为 0。")
    if awarded_on > today:
        raise ValidationError(f"日期{cn(awarded_on)}在今天之后，不能登记积分。")
    member_id, name = find_member(db, branch_id, member)
    with db.transaction() as s:
        joined, status, since = s.execute(select(m.Member.joined_on, m.Member.status, m.Member.status_since)
                                          .where(m.Member.id == member_id)).one()
        if joined is not None and awarded_on < joined:
            raise ValidationError(f"{name}在{cn(joined)}入党，{cn(awarded_on)}还不是党员，不能登记积分。")
        if not status.on_roll and since is not None and awarded_on > since:
            raise ValidationError(f"{name}已于{cn(since)}离开党员名册（{status.label}），不能登记此后的积分。")
        item_id = None
        item_name = OTHER
        if item:
            row = next((r for r in _materialise(s, branch_id) if r.name == item.strip()), None)
            if row is None:
                raise ValidationError(f"积分规则中没有“{item}”这一项。")
            if row.source:
                raise ValidationError(f"“{row.name}”由程序按记录自动计分，不能手工登记。")
            item_id, item_name = row.id, row.name
        entry = m.PointsEntry(member_id=member_id, item_id=item_id, awarded_on=awarded_on, points=value,
                              reason=reason)
        s.add(entry)
        s.flush()
        return Entry(entry.id, member_id, name, awarded_on, item_name, value, reason)


def delete_entry(db: Database, entry_id: int) -> None:
    """Remove a manual entry (the page keeps it for 撤销)."""
    with db.transaction() as s:
        if s.get(m.PointsEntry, entry_id) is None:
            raise NotFound("这条积分记录已经不存在了。")
        s.execute(delete(m.PointsEntry).where(m.PointsEntry.id == entry_id))


def entries(db: Database, branch_id: int, year: int, member_id: int | None = None) -> list[Entry]:
    """The manual entries of a year, newest first."""
    E, M = m.PointsEntry, m.Member
    with db.session() as s:
        q = (select(E.id, E.member_id, M.name, E.awarded_on, m.PointsItem.name, E.points, E.reason)
             .join(M, M.id == E.member_id).outerjoin(m.PointsItem, m.PointsItem.id == E.item_id)
             .where(M.branch_id == branch_id, E.awarded_on.between(date(year, 1, 1), date(year, 12, 31)))
             .order_by(E.awarded_on.desc(), E.id.desc()))
        if member_id is not None:
            q = q.where(E.member_id == member_id)
        return [Entry(i, mid, n, d, item or OTHER, Decimal(p), r) for i, mid, n, d, item, p, r in s.execute(q)]


# ------------------------------------------------------------------ the year


@dataclass(frozen=True)
class MemberPoints:
    """One member's year: points per item per month (caps applied), the totals, the rank."""

    member_id: int
    name: str
    group: str
    grid: tuple[tuple[Decimal, ...], ...]  # per item (as PointsYear.items), 12 months
    counts: tuple[int, ...]  # per item: occurrences (derived) or entries (manual) in the year
    by_item: tuple[Decimal, ...] = ()
    by_month: tuple[Decimal, ...] = ()
    total: Decimal = ZERO
    rank: int = 0
    order: int = 0  # the place on the roster (党小组, 笔画): lists of names follow it


@dataclass(frozen=True)
class PointsYear:
    """A branch's points for a year as plain data (for the page and reports.points_ranking)."""

    branch: str
    year: int
    as_of: date
    items: list[SchemeItem]
    rows: list[MemberPoints]  # ranked
    entries: list[Entry] = field(default_factory=list)

    def row(self, member_id: int) -> MemberPoints | None:
        return next((r for r in self.rows if r.member_id == member_id), None)


def _capped(months: list[Decimal], cap: Decimal | None) -> list[Decimal]:
    """Each month's points once the yearly cap is applied in order of the months: the running total is
    held within ±cap (a deduction's cap limits how much is taken off in a year)."""
    if cap is None or not any(months):
        return months
    out, before, running = [], ZERO, ZERO
    for v in months:
        running += v
        now = running if -cap < running < cap else max(-cap, min(cap, running))
        out.append(now - before)
        before = now
    return out


class _Borrowed:
    """A caller's open session where a Database is read (`with db.session() as s`), never closed here."""

    def __init__(self, s: Session) -> None:
        self._s = s

    def session(self):
        return nullcontext(self._s)


def year_points(db_or_session, branch_id: int, year: int, *, today: date | None = None) -> PointsYear:
    """Every member on the roll during the year (up to today), their points per item and month, ranked."""
    token = _MEMO.set({})
    try:
        if isinstance(db_or_session, Session):
            return _year_points(_Borrowed(db_or_session), branch_id, year, today or date.today())
        # one session (one read of the database) for the roster, the entries and every derived kind
        with db_or_session.session() as s:
            return _year_points(_Borrowed(s), branch_id, year, today or date.today())
    finally:
        _MEMO.reset(token)


def _year_points(db, branch_id: int, year: int, today: date) -> PointsYear:
    end = min(date(year, 12, 31), today)
    start = date(year, 1, 1)
    with db.session() as s:
        name = _branch_name(s, branch_id)
        items = _scheme_in(s, branch_id)
        M = m.Member
        people = s.execute(
            select(M.id, M.name, M.joined_on, M.status, M.status_since, m.PartyGroup.name.label("group_name"),
                   m.PartyGroup.sort_order.label("group_order"), M.name_strokes).outerjoin(m.PartyGroup, m.PartyGroup.id == M.group_id)
            .where(M.branch_id == branch_id)).all()
    people = [p for p in people if (p.joined_on is None or p.joined_on <= end)
              and (p.status.on_roll or p.status_since is None or p.status_since >= start)]
    people.sort(key=lambda p: (p.group_order if p.group_order is not None else 99, p.name_strokes or "", p.name))
    made = entries(db, branch_id, year) if end >= start else []
    made = [e for e in made if e.awarded_on <= end]
    if any(e.item == OTHER for e in made) and all(i.name != OTHER for i in items):
        items = [*items, SchemeItem(OTHER, ZERO, None)]
    last_month = end.month if end >= start else 0  # the state on `end`: a month still to come counts nothing yet
    counted: dict[str, Counts] = {}
    for item in items:
        kind = DERIVED.get(item.source)
        if kind is not None and item.source not in counted:
            counted[item.source] = kind.count(db, branch_id, year) if last_month >= kind.first_month else {}
    manual: dict[str, dict[int, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for e in made:
        manual[e.item][e.member_id].append(e)
    # per item, member id → (months, occurrences, the year's points); members with the same occurrences month
    # by month get the same months, worked out once (most pay 党费 every month): the same sums in the same order
    nothing = (NOTHING, 0, ZERO)
    per_item: list[dict[int, tuple[tuple[Decimal, ...], int, Decimal]]] = []
    for item in items:
        of_item = {}
        if item.source:
            done: dict[tuple, tuple[tuple[Decimal, ...], int, Decimal]] = {}
            for member_id, per_month in counted.get(item.source, {}).items():
                key = tuple(per_month.items())
                if key and max(per_month) > last_month:
                    key = tuple((month, times) for month, times in key if month <= last_month)
                got = done.get(key)
                if got is None:
                    got = nothing
                    if key:
                        months = [ZERO] * 12
                        for month, times in key:
                            months[month - 1] += Decimal(times) * item.points
                        row = tuple(_capped(months, item.yearly_cap))
                        got = (row, sum(int(times) for _, times in key), sum(row, ZERO))
                    done[key] = got
                of_item[member_id] = got
        else:
            for member_id, made_for in manual.get(item.name, {}).items():
                months = [ZERO] * 12
                for e in made_for:
                    months[e.awarded_on.month - 1] += e.points
                row = tuple(_capped(months, item.yearly_cap))
                of_item[member_id] = (row, len(made_for), sum(row, ZERO))
        per_item.append(of_item)
    rows = []
    for p in people:
        grid, counts, by_item = zip(*[of_item.get(p.id, nothing) for of_item in per_item]) if per_item else ((), (), ())
        earned = [row for row in grid if row is not NOTHING]  # adding zeros changes no sum, nor its digits
        by_month = tuple(sum(col, ZERO) for col in zip(*earned)) if earned else NOTHING
        rows.append((p, grid, counts, by_item, by_month, sum(by_item, ZERO)))
    order = sorted(range(len(rows)), key=lambda i: -rows[i][-1])  # stable: roster order among equals
    ranked, last, rank = [], None, 0
    for k, i in enumerate(order, start=1):
        p, grid, counts, by_item, by_month, total = rows[i]
        if total != last:
            rank, last = k, total
        ranked.append(MemberPoints(p.id, p.name, p.group_name or "", grid, counts, by_item, by_month, total, rank, i))
    return PointsYear(name, year, end, items, ranked, made)


def year_totals(db_or_session, branch_id: int, year: int, *, today: date | None = None) -> dict[int, Decimal]:
    """Member id → the year's total points up to today (for 民主评议: the total beside each member)."""
    return {r.member_id: r.total for r in year_points(db_or_session, branch_id, year, today=today).rows}


# ------------------------------------------------------------------ export


def export_points(db: Database, req) -> Path:
    """党员积分 (.xlsx) for `req.year`: the ranking with each item, the months, the entries, the scheme."""
    from dangjian_desktop.reports.points_ranking import write_points

    year = req.year or date.today().year
    if not 1921 <= year <= 2200:
        raise ValidationError(f"年份 {year} 不合理。")
    return write_points(req.out, year_points(db, req.branch_id, year))


def _register() -> None:
    from dangjian_desktop.services.exports import ExportKind, register

    register(ExportKind("points", "党员积分", ".xlsx", export_points, needs_year=True, order=38))


_register()
