"""学时: each member's study sessions, the 党课 and 主题党日 they attended counted from the 三会一课, the year's
total against the target (32 学时, 书记 and 支委 56), the STUDY-HOURS-Y reminders and the 学时台账.

Every function that writes is one user action in one transaction. What is read is returned as plain
dataclasses; hours are Decimal. Other areas read a year's hours through `member_year_hours`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy import String, case, func, select, type_coerce
from sqlalchemy.orm import Session

from dangjian_desktop.core import rules
from dangjian_desktop.core import study as core
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import AttendanceStatus, MeetingState, MeetingType, Severity, StudyKind
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import settings

ZERO = Decimal("0")
DERIVED_SOURCE = "三会一课出席记录"
MAX_TOPIC = 200


# ------------------------------------------------------------------ plain data


@dataclass(frozen=True)
class StudyEntry:
    """One study session of one member: recorded (`id`), or a 党课/主题党日 attended (`meeting_id`, no `id`)."""

    id: int | None
    member_id: int
    member: str
    studied_on: date
    kind: StudyKind
    hours: Decimal
    topic: str = ""
    source: str = ""
    meeting_id: int | None = None

    @property
    def derived(self) -> bool:
        """Counted from a meeting attended, not recorded: changed through the meeting, not here."""
        return self.id is None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "member": self.member, "date": self.studied_on.isoformat(), "kind": self.kind.value,
                "hours": core.hours_text(self.hours), "topic": self.topic, "source": self.source,
                "derived": self.derived}


@dataclass(frozen=True)
class MemberYear:
    """One member's year: hours by kind, the total and the target."""

    member_id: int
    name: str
    group: str
    leader: bool  # 书记 or 支委 in the year: the higher target
    by_kind: dict[StudyKind, Decimal]
    total: Decimal
    target: Decimal
    joined_on: date | None = None  # joined in the year: the target is the share of the months since

    @property
    def short(self) -> Decimal:
        return max(ZERO, self.target - self.total)

    @property
    def below(self) -> bool:
        return self.total < self.target

    @property
    def status_text(self) -> str:
        return f"差 {core.hours_text(self.short)} 学时" if self.below else "已达标"


@dataclass(frozen=True)
class StudyYear:
    """The year as the page and the 学时台账 show it."""

    branch: str
    year: int
    as_of: date  # records up to this day (a year that is over: its 31 December)
    rows: list[MemberYear]
    member_target: Decimal
    leader_target: Decimal
    lecture_hours: Decimal
    theme_day_hours: Decimal
    entries: list[StudyEntry] = field(default_factory=list)

    @property
    def below(self) -> list[MemberYear]:
        return [r for r in self.rows if r.below]

    def settings_text(self) -> str:
        return (f"党员每年不少于 {core.hours_text(self.member_target)} 学时，书记、支委不少于 "
                f"{core.hours_text(self.leader_target)} 学时；参加一次党课计 {core.hours_text(self.lecture_hours)} 学时，"
                f"一次主题党日计 {core.hours_text(self.theme_day_hours)} 学时（设置 → 本地规则可改）")


# ------------------------------------------------------------------ reading


def _value(overrides: dict[str, Any]) -> Callable[[str, str], Any]:
    return lambda rule_id, key: rules.param_value(rule_id, key, overrides)


def _branch_name(s: Session, branch_id: int) -> str:
    name = s.scalar(select(m.Branch.name).where(m.Branch.id == branch_id))
    if name is None:
        raise NotFound(f"没有编号为 {branch_id} 的支部。")
    return name


def _span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _names(s: Session, branch_ids: list[int]) -> dict[int, str]:
    return {mid: name for mid, name in s.execute(select(m.Member.id, m.Member.name)
                                                 .where(m.Member.branch_id.in_(branch_ids)))}


def _recorded(s: Session, branch_ids: list[int], first: date, last: date, names: dict[int, str]) -> list[StudyEntry]:
    R = m.StudyRecord
    rows = s.execute(select(R.id, R.member_id, R.studied_on, R.kind, R.hours, R.topic, R.source)
                     .join(m.Member, m.Member.id == R.member_id).where(m.Member.branch_id.in_(branch_ids))
                     .where(R.studied_on.between(first, last)).order_by(R.studied_on, R.id)).all()
    return [StudyEntry(rid, mid, names.get(mid, ""), on, kind, Decimal(hours), topic or "", source or "")
            for rid, mid, on, kind, hours, topic, source in rows]


def _counted_meetings(s: Session, branch_ids: list[int], first: date, last: date,
                      value: Callable[[str, str], Any]) -> dict[int, tuple[date, StudyKind, Decimal, str]]:
    """The final records of the period that served as a 党课 or 主题党日: id → (day, kind, hours, topic), one
    credit per gathering however many types it served."""
    M, T = m.Meeting, m.MeetingAlsoType
    wanted = (MeetingType.LECTURE, MeetingType.THEME_DAY)
    meetings: dict[int, tuple[date, str, set[MeetingType]]] = {}
    for mid, held_on, mtype, title in s.execute(
            select(M.id, M.held_on, M.type, M.title)
            .where(M.branch_id.in_(branch_ids), M.state == MeetingState.FINAL, M.held_on.between(first, last))):
        meetings[mid] = (held_on, title or "", {mtype})
    ids = list(meetings)
    for chunk in range(0, len(ids), 900):
        for mid, also in s.execute(select(T.meeting_id, T.type).where(T.meeting_id.in_(ids[chunk:chunk + 900]))):
            meetings[mid][2].add(also)
    out = {}
    for mid, (held_on, title, types) in meetings.items():
        credit = core.meeting_credit(types, value) if any(t in types for t in wanted) else None
        if credit is not None:
            label = "、".join(t.label for t in MeetingType if t in types)
            out[mid] = (held_on, credit[0], credit[1], f"{label}：{title}" if title else label)
    return out


def _present(s: Session, meeting_ids: list[int]) -> Iterable[tuple[int, int]]:
    """(meeting id, member id) of everyone marked 出席: unknown attendance never counts (nor 请假, 缺席)."""
    A = m.Attendance
    for chunk in range(0, len(meeting_ids), 900):
        yield from s.execute(select(A.meeting_id, A.member_id).where(A.meeting_id.in_(meeting_ids[chunk:chunk + 900]),
                                                                     A.status == AttendanceStatus.PRESENT)).tuples()


def _attended(s: Session, branch_ids: list[int], first: date, last: date, names: dict[int, str],
              value: Callable[[str, str], Any], recorded: Iterable[StudyEntry]) -> list[StudyEntry]:
    """The 党课 and 主题党日 each member attended, one entry per gathering. A session recorded by hand for the
    same member, day and kind stands for it (the secretary wrote its real length): not counted again."""
    counted = _counted_meetings(s, branch_ids, first, last, value)
    if not counted:
        return []
    by_hand = {(e.member_id, e.studied_on, e.kind) for e in recorded}
    out = []
    for meeting_id, member_id in _present(s, list(counted)):
        if member_id not in names:
            continue  # a guest from another branch: counted there
        held_on, kind, hours, topic = counted[meeting_id]
        if (member_id, held_on, kind) not in by_hand:
            out.append(StudyEntry(None, member_id, names[member_id], held_on, kind, hours, topic, DERIVED_SOURCE,
                                  meeting_id))
    return out


def _entries(s: Session, branch_ids: list[int], first: date, last: date, value) -> list[StudyEntry]:
    names = _names(s, branch_ids)
    recorded = _recorded(s, branch_ids, first, last, names)
    return sorted(recorded + _attended(s, branch_ids, first, last, names, value, recorded),
                  key=lambda e: (e.studied_on, e.member_id, e.id or 0))


def _totals(s: Session, branch_ids: list[int], first: date, last: date,
            value: Callable[[str, str], Any]) -> dict[int, dict[StudyKind, Decimal]]:
    """Member id → hours by kind, the same sums as `_entries` gives, added up by the database: `check` and
    `member_year_hours` read a 党委's year (10,000 members, 200,000 sessions, 150,000 attendances of 党课 and
    主题党日) without a Python object per session (bench: check)."""
    R, M, A = m.StudyRecord, m.Member, m.Attendance
    out: dict[int, dict[StudyKind, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    ours = select(M.id).where(M.branch_id.in_(branch_ids)).scalar_subquery()
    for member_id, kind, hours in s.execute(select(R.member_id, R.kind, func.sum(R.hours))
                                            .where(R.member_id.in_(ours), R.studied_on.between(first, last))
                                            .group_by(R.member_id, R.kind)).tuples():
        out[member_id][kind] += Decimal(str(hours)).quantize(Decimal("0.01"))
    counted = _counted_meetings(s, branch_ids, first, last, value)
    if not counted:
        return out
    classes: dict[tuple[StudyKind, Decimal], list[int]] = defaultdict(list)
    for meeting_id, (_, kind, hours, _) in counted.items():
        classes[(kind, hours)].append(meeting_id)
    # guests from another branch are left out here, not in the query: a member_id condition there makes
    # SQLite read every attendance of every member through the member_id index instead of the meetings'
    members = set(s.scalars(select(M.id).where(M.branch_id.in_(branch_ids))))
    for (kind, hours), ids in classes.items():
        for chunk in range(0, len(ids), 900):
            for member_id, times in s.execute(
                    select(A.member_id, func.count()).where(A.meeting_id.in_(ids[chunk:chunk + 900]),
                                                            A.status == AttendanceStatus.PRESENT)
                    .group_by(A.member_id)).tuples():
                if member_id in members:
                    out[member_id][kind] += hours * times
    # a session recorded by hand for the member, day and kind of a meeting attended stands for it (read by
    # the year and sorted out here: a list of days in the query makes SQLite seek every member on every day)
    # the day and kind as the driver gives them (no date or enum object made for rows that are dropped)
    days = {held_on.isoformat(): held_on for held_on, *_ in counted.values()}
    raw_day, raw_kind = type_coerce(R.studied_on, String), type_coerce(R.kind, String)
    by_hand = {(mid, days[str(on)[:10]], StudyKind(kind)) for mid, on, kind in s.execute(
        select(R.member_id, raw_day, raw_kind).where(R.member_id.in_(ours), R.studied_on.between(first, last),
                                                     R.kind.in_((StudyKind.LECTURE, StudyKind.GROUP_STUDY)))).tuples()
        if str(on)[:10] in days}
    if by_hand:
        hand_days = {d for _, d, _ in by_hand}
        ids = [mid for mid, (held_on, *_) in counted.items() if held_on in hand_days]
        for meeting_id, member_id in _present(s, ids):
            held_on, kind, hours, _ = counted[meeting_id]
            if (member_id, held_on, kind) in by_hand:
                out[member_id][kind] -= hours
    return out


def _leaders(s: Session, branch_id: int, year: int) -> set[int]:
    """书记 and 支委 at any time in the year: the 支委 posts recorded for the branch's terms, and (for a branch
    whose terms are not recorded) a 党内职务 on the roster that names a 支委 post."""
    first, last = _span(year)
    out = set()
    T, P = m.CommitteeTerm, m.CommitteePostHolder
    for member_id, started, ended, elected, term_ended in s.execute(
            select(P.member_id, P.started_on, P.ended_on, T.elected_on, T.ended_on).join(T, T.id == P.term_id)
            .where(T.branch_id == branch_id, P.member_id.is_not(None))):
        start = started or elected
        end = min(d for d in (ended, term_ended) if d is not None) if (ended or term_ended) else None
        if start <= last and (end is None or end > first):
            out.add(member_id)
    for member_id, post in s.execute(select(m.Member.id, m.Member.party_post)
                                     .where(m.Member.branch_id == branch_id, m.Member.party_post != "")):
        if core.is_leader_post(post):
            out.add(member_id)
    return out


def _year(s: Session, branch_id: int, year: int, as_of: date, overrides: dict[str, Any],
          people: Iterable | None = None, totals: dict[int, dict[StudyKind, Decimal]] | None = None) -> StudyYear:
    """The year of one branch; `people` the branch's roster as `check` shares it (read here if None);
    `totals` the year's hours by member and kind as `_totals` gives them (then no `entries`)."""
    from dangjian_desktop.services.check import Roster
    from dangjian_desktop.services.meetings.attendance import status_on

    value = _value(overrides)
    name = _branch_name(s, branch_id)
    first, last = _span(year)
    as_of = min(as_of, last)
    entries: list[StudyEntry] = []
    by_member: dict[int, dict[StudyKind, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    if totals is not None:
        by_member = totals
    elif as_of >= first:
        entries = _entries(s, [branch_id], first, as_of, value)
        for e in entries:
            by_member[e.member_id][e.kind] += e.hours
    if people is None:
        people = Roster.read(s, [branch_id]).of_branch(branch_id)
    groups = {gid: g for gid, g in s.execute(select(m.PartyGroup.id, m.PartyGroup.name)
                                             .where(m.PartyGroup.branch_id == branch_id))}
    leaders = _leaders(s, branch_id, year)
    rows = []
    on = max(as_of, first)
    for p in sorted(people, key=lambda p: p.sort):
        st = status_on(p, on)
        if st is None or not st.on_roll:
            continue
        kinds = by_member.get(p.id, {})
        leader = p.id in leaders
        rows.append(MemberYear(p.id, p.name, groups.get(p.group_id, ""), leader, {k: kinds.get(k, ZERO) for k in StudyKind},
                               sum(kinds.values(), ZERO), core.year_target(year, leader, p.joined_on, value),
                               p.joined_on if p.joined_on and p.joined_on.year == year else None))
    num = lambda rule_id, key: Decimal(str(value(rule_id, key)))  # noqa: E731
    return StudyYear(name, year, as_of, rows, num(core.RULE, "hours"), num(core.RULE, "leader_hours"),
                     num(core.CREDIT_RULE, "lecture_hours"), num(core.CREDIT_RULE, "theme_day_hours"), entries)


def year_view(db: Database, branch_id: int, year: int, *, today: date | None = None) -> StudyYear:
    """The year for the page and the 学时台账: every member on the roll, hours by kind, total and target, and
    every session (recorded and counted from meetings) up to today (a year that is over: to its end)."""
    today = today or date.today()
    with db.session() as s:
        return _year(s, branch_id, year, today, settings.overrides_in(s))


def list_year(db: Database, branch_id: int, year: int) -> list[StudyEntry]:
    """`study list`: the year's sessions of the branch, recorded and counted from 党课/主题党日, by date."""
    first, last = _span(year)
    with db.session() as s:
        _branch_name(s, branch_id)
        return _entries(s, [branch_id], first, last, _value(settings.overrides_in(s)))


def member_year_hours(db_or_session: Database | Session, branch_id: int, year: int) -> dict[int, Decimal]:
    """Member id → the year's 学时, recorded and counted from 党课/主题党日 attended, for every member of the
    branch (0 for those with none). For other areas (党员积分, 民主评议)."""
    def read(s: Session) -> dict[int, Decimal]:
        first, last = _span(year)
        value = _value(settings.overrides_in(s))
        out = {mid: ZERO for mid in _names(s, [branch_id])}
        for member_id, kinds in _totals(s, [branch_id], first, last, value).items():
            out[member_id] = out.get(member_id, ZERO) + sum(kinds.values(), ZERO)
        return out

    if isinstance(db_or_session, Session):
        return read(db_or_session)
    with db_or_session.session() as s:
        return read(s)


# ------------------------------------------------------------------ writing


def find_members(db: Database, branch_id: int, who: Iterable[str | int]) -> list[tuple[int, str]]:
    """MEMBER as the command line and the dialog name people: ids, ID numbers or names unique in the branch."""
    from dangjian_desktop.services.dues import find_member

    out = []
    for w in who:
        found = find_member(db, branch_id, w)
        if found not in out:
            out.append(found)
    return out


def _clean(studied_on: date, kind: StudyKind | str, hours: Any, topic: str, source: str,
           today: date) -> tuple[StudyKind, Decimal, str, str]:
    try:
        kind = StudyKind(kind)
    except ValueError:
        kind = core.kind_from_text(str(kind))
        if kind is None:
            raise ValidationError("学习形式只能是集中学习、党课、专题培训或网上学习。") from None
    if studied_on > today:
        raise ValidationError(f"学习日期{cn(studied_on)}在今天之后，学过的才能登记。")
    try:
        amount = core.parse_hours(hours)
    except ValueError as exc:
        raise ValidationError(f"{exc}。") from None
    topic, source = (topic or "").strip(), (source or "").strip()
    if len(topic) > MAX_TOPIC or len(source) > MAX_TOPIC:
        raise ValidationError(f"主题和来源各最多 {MAX_TOPIC} 个字。")
    return kind, amount, topic, source


def record_study(db: Database, branch_id: int, members: Iterable[str | int], studied_on: date,
                 kind: StudyKind | str, hours: Any, *, topic: str = "", source: str = "",
                 today: date | None = None) -> list[StudyEntry]:
    """Record one study session for one or several members (all or none), e.g. a 集中学习 the branch held."""
    today = today or date.today()
    kind, amount, topic, source = _clean(studied_on, kind, hours, topic, source, today)
    people = find_members(db, branch_id, members)
    if not people:
        raise ValidationError("请至少选择一名党员。")
    out = []
    with db.transaction() as s:
        _branch_name(s, branch_id)
        for member_id, name in people:
            joined = s.scalar(select(m.Member.joined_on).where(m.Member.id == member_id))
            if joined is not None and studied_on < joined:
                raise ValidationError(f"{name}于{cn(joined)}入党，{cn(studied_on)}的学习不能记为党员学时。")
            rec = m.StudyRecord(member_id=member_id, kind=kind, studied_on=studied_on, hours=amount, topic=topic,
                                source=source)
            s.add(rec)
            s.flush()
            out.append(StudyEntry(rec.id, member_id, name, studied_on, kind, amount, topic, source))
    return out


def edit_study(db: Database, record_id: int, *, studied_on: date, kind: StudyKind | str, hours: Any,
               topic: str = "", source: str = "", today: date | None = None) -> StudyEntry:
    """Correct one recorded session (a 党课 counted from a meeting is corrected through the meeting)."""
    today = today or date.today()
    kind, amount, topic, source = _clean(studied_on, kind, hours, topic, source, today)
    with db.transaction() as s:
        rec = s.get(m.StudyRecord, record_id)
        if rec is None:
            raise NotFound("这条学习记录已不存在（可能已被删除）。")
        name, joined = s.execute(select(m.Member.name, m.Member.joined_on).where(m.Member.id == rec.member_id)).one()
        if joined is not None and studied_on < joined:
            raise ValidationError(f"{name}于{cn(joined)}入党，{cn(studied_on)}的学习不能记为党员学时。")
        rec.studied_on, rec.kind, rec.hours, rec.topic, rec.source = studied_on, kind, amount, topic, source
        return StudyEntry(rec.id, rec.member_id, name, studied_on, kind, amount, topic, source)


@dataclass(frozen=True)
class RecordedStudy:
    """One recorded session with the branch of its member (what `study edit` checks and keeps)."""

    id: int
    branch_id: int
    member: str
    studied_on: date
    kind: StudyKind
    hours: Decimal
    topic: str
    source: str


def get_study(db: Database, record_id: int) -> RecordedStudy | None:
    with db.session() as s:
        row = s.execute(select(m.StudyRecord, m.Member.branch_id, m.Member.name)
                        .join(m.Member, m.Member.id == m.StudyRecord.member_id)
                        .where(m.StudyRecord.id == record_id)).first()
        if row is None:
            return None
        r, branch_id, name = row
        return RecordedStudy(r.id, branch_id, name, r.studied_on, r.kind, r.hours, r.topic, r.source)


def delete_study(db: Database, record_id: int) -> None:
    """Delete one recorded session (the GUI keeps it for 撤销 through services.undo)."""
    with db.transaction() as s:
        rec = s.get(m.StudyRecord, record_id)
        if rec is None:
            raise NotFound("这条学习记录已不存在（可能已被删除）。")
        s.delete(rec)


# ------------------------------------------------------------------ findings


def _check_totals(s: Session, ctx, years: list[tuple[int, date, date]]) -> tuple[dict, dict]:
    """For `check`: (year → the branches that record study in it, (year, member id) → the year's 学时 up to the
    day checked), the same as `_totals` gives each year's recording branches, for every year at once:
    one statement sums the recorded sessions of all the years, one a year and length of meeting counts the
    党课 and 主题党日 attended, leaving out those a session recorded by hand for the member, day and kind
    stands for (bench: check, issue 26)."""
    R, M, A, Mt = m.StudyRecord, m.Member, m.Attendance, m.Meeting
    roster = ctx.roster(s).by_id
    conn = s.connection()  # plain Core rows, fetched at once
    ours = select(M.id).where(M.branch_id.in_(ctx.branch_ids)).scalar_subquery()
    # per member and year: the hours up to the day checked, and how many sessions there are in the whole year
    # (one after the day checked still says the branch records study); summed over the kinds in the
    # database: hours have two decimals, and the sum, rounded to them as `_totals` rounds each kind's, is the same
    first, end = min(y[1] for y in years), max(date(y[0], 12, 31) for y in years)
    columns = []
    for year, start, until in years:
        columns += [type_coerce(func.sum(case((R.studied_on.between(start, until), R.hours))), R.hours.type),
                    func.count(case((R.studied_on.between(start, date(year, 12, 31)), 1)))]
    keeping: dict[int, set[int]] = {year: set() for year, _, _ in years}
    totals: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    # grouped by member only: SQLite reads the (member_id, studied_on) index in order, without sorting
    for member_id, *sums in conn.execute(select(R.member_id, *columns)
                                         .where(R.member_id.in_(ours), R.studied_on.between(first, end))
                                         .group_by(R.member_id)).all():
        for (year, _, _), amount, sessions in zip(years, sums[::2], sums[1::2]):
            if sessions:
                keeping[year].add(roster[member_id].branch_id)
            if amount is not None:
                totals[(year, member_id)] = Decimal(str(amount)).quantize(Decimal("0.01"))
    value = lambda rule_id, key: ctx.param(rule_id, key)  # noqa: E731
    counted = {}
    for year, start, until in years:
        if keeping[year]:
            counted.update(_counted_meetings(s, sorted(keeping[year]), start, until, value))
    classes: dict[tuple[int, StudyKind, Decimal], list[int]] = defaultdict(list)
    for meeting_id, (held_on, kind, hours, _) in counted.items():
        classes[(held_on.year, kind, hours)].append(meeting_id)
    for (year, kind, hours), ids in classes.items():
        # (no range of days beside the day itself: SQLite would then seek the member's year, not the day)
        by_hand = (select(R.id).where(R.member_id == A.member_id, R.studied_on == Mt.held_on, R.kind == kind)
                   .correlate(A, Mt).exists())
        for chunk in range(0, len(ids), 900):
            for member_id, times in conn.execute(
                    select(A.member_id, func.count()).join(Mt, Mt.id == A.meeting_id)
                    .where(A.meeting_id.in_(ids[chunk:chunk + 900]), A.status == AttendanceStatus.PRESENT, ~by_hand)
                    .group_by(A.member_id)).all():
                p = roster.get(member_id)  # a guest from another branch, or one that keeps no record: not here
                if p is not None and p.branch_id in keeping[year]:
                    totals[(year, member_id)] += hours * times
    return keeping, totals


def _check_leaders(s: Session, branch_ids: list[int], years: list[int]) -> dict[int, set[int]]:
    """year → `_leaders` of every branch of the check for that year, in two statements."""
    T, P = m.CommitteeTerm, m.CommitteePostHolder
    posts = s.connection().execute(
        select(P.member_id, P.started_on, P.ended_on, T.elected_on, T.ended_on).join(T, T.id == P.term_id)
        .where(T.branch_id.in_(branch_ids), P.member_id.is_not(None))).all()
    roster_posts = [member_id for member_id, post in s.connection().execute(
        select(m.Member.id, m.Member.party_post).where(m.Member.branch_id.in_(branch_ids), m.Member.party_post != ""))
        if core.is_leader_post(post)]
    out = {}
    for year in years:
        first, last = _span(year)
        found = set(roster_posts)
        for member_id, started, ended, elected, term_ended in posts:
            start = started or elected
            end = min(d for d in (ended, term_ended) if d is not None) if (ended or term_ended) else None
            if start <= last and (end is None or end > first):
                found.add(member_id)
        out[year] = found
    return out


def check_provider(s: Session, ctx) -> Iterable[Finding]:
    """STUDY-HOURS-Y: members on the roll below the year's target, `due` from 1 October (a setting) to the
    year's end, `overdue` through the next year for the year that is over. Only for a branch that records
    study (any session recorded in that year): without records the hours are unknown, not missing.
    What `_year` shows each branch, worked out for all branches and both years at once, and only for the
    members below their target (bench: check)."""
    from dangjian_desktop.services.meetings.attendance import status_on

    value = lambda rule_id, key: ctx.param(rule_id, key)  # noqa: E731
    rule = rules.rule(core.RULE)
    years = []
    if ctx.as_of >= core.reminder_from(ctx.as_of.year, value):
        years.append((ctx.as_of.year, Severity.DUE))
    years.append((ctx.as_of.year - 1, Severity.OVERDUE))
    spans = [(year, _span(year)[0], min(ctx.as_of, _span(year)[1])) for year, _ in years]
    keeping, totals = _check_totals(s, ctx, spans)
    if not any(keeping.values()):
        return
    leaders = _check_leaders(s, sorted(set().union(*keeping.values())), [year for year, _ in years])
    roster = ctx.roster(s)
    full = {leader: Decimal(str(value(core.RULE, "leader_hours" if leader else "hours"))) for leader in (False, True)}
    for (year, severity), (_, first, as_of) in zip(years, spans):
        last = _span(year)[1]
        on = max(as_of, first)
        for branch_id in sorted(keeping[year]):
            for p in sorted(roster.of_branch(branch_id), key=lambda p: p.sort):
                leader = p.id in leaders[year]
                joined = p.joined_on
                target = full[leader] if joined is None or joined.year < year else \
                    core.year_target(year, leader, joined, value)
                total = totals.get((year, p.id), ZERO)
                if total >= target:
                    continue
                st = status_on(p, on)
                if st is None or not st.on_roll:
                    continue
                short = max(ZERO, target - total)
                role = "书记、支委" if leader else "党员"
                if joined is not None and joined.year == year:
                    role = f"{cn(joined)}入党，按入党后的月数折算，"
                if severity is Severity.DUE:
                    text = (f"{year}年已学习 {core.hours_text(total)} 学时，{role}全年应不少于 "
                            f"{core.hours_text(target)} 学时，还差 {core.hours_text(short)} 学时，请在年底前安排学习"
                            f"（{rule.citation}）。")
                else:
                    text = (f"{year}年只学习了 {core.hours_text(total)} 学时，{role}全年应不少于 "
                            f"{core.hours_text(target)} 学时，差 {core.hours_text(short)} 学时（{rule.citation}）。")
                yield Finding(core.RULE, severity, p.name, last, text,
                              ref=("study", {"member_id": p.id, "year": year}), branch_id=branch_id)


# ------------------------------------------------------------------ export


def export_ledger(db: Database, req) -> Path:
    """学时台账 (.xlsx) for `req.year`: the state on its 31 December (today, for the year under way)."""
    from dangjian_desktop.reports.study_ledger import write_study_ledger

    year = req.year or date.today().year
    if not 1921 <= year <= 2200:
        raise ValidationError(f"年份 {year} 不合理。")
    return write_study_ledger(req.out, year_view(db, req.branch_id, year), progress=req.progress)


def _register() -> None:
    from dangjian_desktop.services.exports import ExportKind, register

    register(ExportKind("study-ledger", "学时台账", ".xlsx", export_ledger, needs_year=True, order=37))


_register()
