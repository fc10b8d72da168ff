"""政治生日: who celebrates when, milestones, 光荣在党50年, and how each birthday was marked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangjian_desktop.core import idcard, rules
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import BirthdayObservance, MemberStatus, Severity
from dangjian_desktop.core.membership import birthday_in_year, milestone_in_year, party_age, years_since_joining
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.models import BirthdayObservanceRecord, Member, PartyGroup
from dangjian_desktop.errors import NotFound, ValidationError

ON_ROLL = (MemberStatus.FULL, MemberStatus.PROBATIONARY)


@dataclass(frozen=True)
class Birthday:
    """One member's political birthday in one year."""

    member_id: int
    name: str
    group: str
    joined_on: date
    full_member_on: date | None
    day: date  # the birthday in the year asked for
    years: int  # 入党年限 reached on that day (years since the 入党日期)
    party_age: int  # 党龄 (from 转正) on that day
    milestone: int | None  # 10, 20, 30… 党龄 reached in that year
    observances: tuple[str, ...]  # how it was marked that year (Chinese labels)
    name_strokes: str = ""
    medal_on: date | None = None  # the day the 光荣在党50年纪念章 was received (None: not recorded)

    @property
    def milestone_text(self) -> str:
        return f"党龄{self.milestone}周年" if self.milestone else ""


@dataclass(frozen=True)
class ObservanceInfo:
    id: int
    member_id: int
    name: str
    year: int
    kind: BirthdayObservance
    done_on: date
    note: str


def _members(s: Session, branch_id: int, on: date | None = None):
    """(id, name, group, joined, full, strokes, medal) of the members on the roll: today's roll, or the roll on
    the day `on` from the dated history (a year's lists show the roll of its last day)."""
    if on is not None:
        from dangjian_desktop.services.meetings.attendance import _members_on

        return [(mem.id, mem.name, mem.group.name if mem.group else None, mem.joined_on, mem.full_member_on,
                 mem.name_strokes, mem.fifty_year_medal_on)
                for mem, _ in _members_on(s, branch_id, on) if mem.joined_on is not None]
    return s.execute(
        select(Member.id, Member.name, PartyGroup.name, Member.joined_on, Member.full_member_on, Member.name_strokes,
               Member.fifty_year_medal_on)
        .outerjoin(PartyGroup, PartyGroup.id == Member.group_id)
        .where(Member.branch_id == branch_id, Member.status.in_(ON_ROLL), Member.joined_on.is_not(None))
    ).all()


def year_end(year: int, today: date | None = None) -> date:
    """The day a list “for year Y” is true for: Y-12-31, or today while the year runs."""
    return min(date(year, 12, 31), today or date.today())


def _observances(s: Session, member_ids: list[int], year: int) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for mid, kind in s.execute(select(BirthdayObservanceRecord.member_id, BirthdayObservanceRecord.kind)
                               .where(BirthdayObservanceRecord.year == year)
                               .order_by(BirthdayObservanceRecord.done_on)):
        out.setdefault(mid, []).append(kind.label)
    return out


def _birthday(row, year: int, marks: dict[int, list[str]]) -> Birthday:
    mid, name, group, joined, full, strokes, medal = row
    day = birthday_in_year(joined, year)
    return Birthday(mid, name, group or "", joined, full, day, years_since_joining(joined, day),
                    party_age(full, day), milestone_in_year(full, year), tuple(marks.get(mid, ())), strokes or "",
                    medal)


def birthdays_between(db: Database, branch_id: int, start: date, end: date, *,
                      roll_on: date | None = None) -> list[Birthday]:
    """Political birthdays from `start` to `end` (inclusive), by date, of the members on today's roll
    (or on the roll of the day `roll_on`)."""
    if end < start:
        raise ValidationError("结束日期早于开始日期。")
    out: list[Birthday] = []
    with db.session() as s:
        rows = _members(s, branch_id, roll_on)
        for year in range(start.year, end.year + 1):
            marks = _observances(s, [r[0] for r in rows], year)
            for r in rows:
                if r[3].year >= year:
                    continue  # no birthday before (or in) the year of joining
                b = _birthday(r, year, marks)
                if start <= b.day <= end:
                    out.append(b)
    out.sort(key=lambda b: (b.day, b.name_strokes, b.name))
    return out


def birthdays_in_month(db: Database, branch_id: int, year: int, month: int) -> list[Birthday]:
    start = date(year, month, 1)
    end = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    return birthdays_between(db, branch_id, start, end)


def upcoming(db: Database, branch_id: int, today: date, days: int | None = None) -> list[Birthday]:
    """The next `days` days (the BIRTHDAY-UPCOMING reminder window by default), today included."""
    days = days if days is not None else int(rules.param_value("BIRTHDAY-UPCOMING", "days"))
    return birthdays_between(db, branch_id, today, today + timedelta(days=days))


def birthdays_in_year(db: Database, branch_id: int, year: int, today: date | None = None) -> list[Birthday]:
    """The year's 政治生日一览: the members on the roll at the year's end (today while it runs)."""
    return birthdays_between(db, branch_id, date(year, 1, 1), date(year, 12, 31), roll_on=year_end(year, today))


def fifty_years_list(db: Database, branch_id: int, year: int, today: date | None = None) -> list[Birthday]:
    """光荣在党50年纪念章 for `year`: living members on the roll (at the year's end, today while it runs)
    with 转正日期 ≤ (year − 50)-07-01."""
    years = int(rules.param_value("MEMBER-50-YEARS", "years"))
    with db.session() as s:
        rows = _members(s, branch_id, year_end(year, today))
        marks = _observances(s, [r[0] for r in rows], year)
        out = [_birthday(r, year, marks) for r in rows if r[4] is not None and r[4] <= date(year - years, 7, 1)]
    out.sort(key=lambda b: (b.full_member_on, b.name_strokes))
    return out


def newly_fifty_years(db: Database, branch_id: int, year: int) -> list[Birthday]:
    """Those who reach the 50 years in `year` (not already eligible the year before)."""
    return [b for b in fifty_years_list(db, branch_id, year) if is_newly_eligible(b, year)]


def is_newly_eligible(b: Birthday, year: int) -> bool:
    """Eligible for the 纪念章 in `year` and not in the year before (转正 after (year − 51)-07-01)."""
    years = int(rules.param_value("MEMBER-50-YEARS", "years"))
    return b.full_member_on is not None and b.full_member_on > date(year - 1 - years, 7, 1)


def record_fifty_year_medal(db: Database, member_id: int, received_on: date | None, *,
                            today: date | None = None) -> None:
    """Record (or, with None, clear) the day a member received the 光荣在党50年纪念章."""
    today = today or date.today()
    years = int(rules.param_value("MEMBER-50-YEARS", "years"))
    with db.transaction() as s:
        member = s.get(Member, member_id)
        if member is None:
            raise NotFound(f"没有编号为 {member_id} 的党员。")
        if received_on is not None:
            if received_on > today:
                raise ValidationError(f"颁发日期{cn(received_on)}在今天之后，请填写已经颁发的日期。")
            if member.full_member_on is None or member.full_member_on > date(received_on.year - years, 7, 1):
                raise ValidationError(f"{member.name}到{cn(received_on)}所在年度的7月1日党龄还不满{years}年"
                                      f"（转正日期：{cn(member.full_member_on) if member.full_member_on else '未转正'}），"
                                      "不能记录为已颁发纪念章。")
        member.fifty_year_medal_on = received_on


def record_observance(db: Database, member_id: int, kind: BirthdayObservance, done_on: date, *,
                      year: int | None = None, note: str = "", today: date | None = None) -> ObservanceInfo:
    """Record how a member's political birthday was marked (谈心谈话, 重温入党誓词, 贺卡, 走访慰问)."""
    today = today or date.today()
    kind = BirthdayObservance(kind)
    if done_on > today:
        raise ValidationError(f"日期（{cn(done_on)}）不能晚于今天；还没有开展的活动请开展后再登记。")
    year = year or done_on.year
    with db.transaction() as s:
        m = s.get(Member, member_id)
        if m is None:
            raise NotFound(f"没有编号为 {member_id} 的党员。")
        if m.joined_on and year <= m.joined_on.year:
            raise ValidationError(f"{m.name}于{cn(m.joined_on)}入党，{year}年还没有政治生日。")
        dup = s.scalar(select(BirthdayObservanceRecord.id).where(
            BirthdayObservanceRecord.member_id == member_id, BirthdayObservanceRecord.year == year,
            BirthdayObservanceRecord.kind == kind))
        if dup is not None:
            raise ValidationError(f"{m.name}{year}年的政治生日已经登记过“{kind.label}”。")
        r = BirthdayObservanceRecord(member_id=member_id, year=year, kind=kind, done_on=done_on, note=note.strip())
        s.add(r)
        s.flush()
        return ObservanceInfo(r.id, member_id, m.name, year, kind, done_on, r.note)


def observances(db: Database, branch_id: int, year: int) -> list[ObservanceInfo]:
    """The year's record of how birthdays were marked, for an inspector."""
    with db.session() as s:
        rows = s.execute(
            select(BirthdayObservanceRecord, Member.name).join(Member, Member.id == BirthdayObservanceRecord.member_id)
            .where(Member.branch_id == branch_id, BirthdayObservanceRecord.year == year)
            .order_by(BirthdayObservanceRecord.done_on, Member.name_strokes)
        ).all()
        return [ObservanceInfo(r.id, r.member_id, name, r.year, r.kind, r.done_on, r.note) for r, name in rows]


def delete_observance(db: Database, observance_id: int) -> None:
    with db.transaction() as s:
        r = s.get(BirthdayObservanceRecord, observance_id)
        if r is None:
            raise NotFound("这条记录已经不存在。")
        s.delete(r)


# ---------------------------------------------------------------- check providers


def member_findings(s: Session, ctx) -> Iterable[Finding]:
    """MEMBER-ID-INVALID, BIRTHDAY-UPCOMING (info) and MEMBER-50-YEARS (info) for `check`."""
    id_rule = rules.rule("MEMBER-ID-INVALID")
    days = int(ctx.param("BIRTHDAY-UPCOMING", "days"))
    years = int(ctx.param("MEMBER-50-YEARS", "years"))
    horizon = ctx.as_of + timedelta(days=days)
    for p in ctx.roster(s).people:  # the check's shared read of the roster, in (branch, status, id) order
        if p.status not in ON_ROLL:
            continue
        mid, bid, name, number, joined, full, born, gender = (p.id, p.branch_id, p.name, p.id_number, p.joined_on,
                                                              p.full_member_on, p.birth_date, p.gender)
        ref = ("member", mid)
        try:  # parse checks the number once (its ValueError is `problem`'s reason)
            info = idcard.parse(number or "")
        except ValueError as exc:
            yield Finding("MEMBER-ID-INVALID", Severity.VIOLATION, name, None,
                          f"{name}的公民身份号码有误：{exc}（{id_rule.citation}）。", ref=ref, branch_id=bid)
        else:
            if (born and born != info.birth_date) or (gender and gender != info.gender):
                yield Finding("MEMBER-ID-INVALID", Severity.VIOLATION, name, None,
                              f"{name}的出生日期或性别与身份证号不一致，请核对（{id_rule.citation}）。", ref=ref,
                              branch_id=bid)
        if joined is not None:
            for year in (ctx.as_of.year, ctx.as_of.year + 1):
                if year <= joined.year:
                    continue
                day = birthday_in_year(joined, year)
                if ctx.as_of <= day <= horizon:
                    n = years_since_joining(joined, day)
                    milestone = milestone_in_year(full, year)
                    extra = f"，党龄满{milestone}年" if milestone else ""
                    yield Finding("BIRTHDAY-UPCOMING", Severity.INFO, name, day,
                                  f"{name}的政治生日是{cn(day)}（入党{n}周年{extra}）。", ref=("birthday", mid),
                                  branch_id=bid)
        if full is not None:
            year = ctx.as_of.year if ctx.as_of <= date(ctx.as_of.year, 7, 1) else ctx.as_of.year + 1
            if full <= date(year - years, 7, 1) and not full <= date(year - 1 - years, 7, 1):
                yield Finding("MEMBER-50-YEARS", Severity.INFO, name, date(year, 7, 1),
                              f"{name}于{cn(full)}转正，{year}年七一前后可颁发“光荣在党50年”纪念章"
                              f"（{rules.rule('MEMBER-50-YEARS').citation}）。",
                              ref=("member", mid), branch_id=bid)

