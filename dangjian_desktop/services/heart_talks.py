"""谈心谈话 for a year: who the 支委 were, who talked with whom, the coverage (who is still missing),
recording a talk with its people from the roster, and the HEART-TALK-COVERAGE reminder before the
组织生活会."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangjian_desktop.core import reviews as core
from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import (
    CommitteeMode,
    CommitteePost,
    MeetingState,
    MeetingType,
    MemberStatus,
    Severity,
)
from dangjian_desktop.core.meetings import has_committee, template
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services.meetings.attendance import status_on
from dangjian_desktop.services.meetings.model import MeetingDetail, MeetingForm


@dataclass(frozen=True)
class CoverageRow:
    """One line of the coverage view: a 支委 pair, or a member and the 支委 they talked with."""

    kind: str  # 支委之间 / 支委与党员 / 书记与党员
    first: str  # a 支委 (pair) or the member
    second: str  # the other 支委, or who the member talked with (“任一支委” while missing)
    done: bool
    dates: str  # 2026年3月5日、2026年9月1日
    member_ids: tuple[int, ...]


@dataclass(frozen=True)
class CoverageView:
    """The year's coverage as the 谈心谈话 tab shows it; `note` says why nothing can be counted."""

    year: int
    rows: list[CoverageRow]
    coverage: core.Coverage | None
    names: dict[int, str]
    note: str = ""
    unnamed: tuple[date, ...] = ()  # final 谈心谈话 records of the year whose people are not known: not counted

    @property
    def missing(self) -> list[CoverageRow]:
        return [r for r in self.rows if not r.done]


# ---------------------------------------------------------------- reading


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def tenures(s: Session, branch_id: int, year: int, *, secretary_only: bool) -> list[core.Tenure]:
    """The 支委 of the year (only the 书记 for a branch without a 支部委员会), from the terms in force in it:
    a term runs from its election to its recorded end, or else until the next term was elected."""
    return _tenures_of(_terms_of(s, [branch_id]).get(branch_id, []), year, secretary_only=secretary_only)


def _terms_of(s: Session, branch_ids: list[int]) -> dict[int, list[tuple]]:
    """branch id → its terms in election order, each (elected_on, ended_on, [(member_id, post, started_on,
    ended_on) in the order the posts were entered]): two statements for any number of branches."""
    T, P = m.CommitteeTerm, m.CommitteePostHolder
    conn = s.connection()
    terms = conn.execute(select(T.id, T.branch_id, T.elected_on, T.ended_on).where(T.branch_id.in_(branch_ids))
                         .order_by(T.branch_id, T.elected_on, T.id)).all()
    posts: dict[int, list[tuple]] = {}
    for term_id, member_id, post, started, ended in conn.execute(
            select(P.term_id, P.member_id, P.post, P.started_on, P.ended_on).join(T, T.id == P.term_id)
            .where(T.branch_id.in_(branch_ids)).order_by(P.term_id, P.id)).all():
        posts.setdefault(term_id, []).append((member_id, post, started, ended))
    out: dict[int, list[tuple]] = {}
    for term_id, branch_id, elected, ended in terms:
        out.setdefault(branch_id, []).append((elected, ended, posts.get(term_id, [])))
    return out


def _tenures_of(terms: list[tuple], year: int, *, secretary_only: bool) -> list[core.Tenure]:
    first, last = _year_bounds(year)
    out = []
    for i, (elected, ended, posts) in enumerate(terms):
        nxt = terms[i + 1][0] - timedelta(days=1) if i + 1 < len(terms) else None
        end = min(d for d in (ended, nxt, last) if d is not None)
        start = max(elected, first)
        if start > end:
            continue
        for member_id, post, started_on, ended_on in posts:
            if member_id is None or (secretary_only and post is not CommitteePost.SECRETARY):
                continue
            p_start = max(start, started_on or start)
            p_end = min(end, ended_on or end)
            if p_start <= p_end:
                out.append(core.Tenure(member_id, p_start, p_end))
    return out


def talks(s: Session, branch_id: int, year: int) -> list[core.Talk]:
    """Every pair of the year's final 谈心谈话 records (a draft is not a talk held)."""
    return _talks_of(s, [branch_id], year).get(branch_id, [])


def _talks_of(s: Session, branch_ids: list[int], year: int, unnamed: dict[int, list[date]] | None = None
              ) -> dict[int, list[core.Talk]]:
    """branch id → the pairs of the year's final 谈心谈话 records (a draft is not a talk held); and, into
    `unnamed` when given, the days of those records that name nobody on the roster (in the same statement)."""
    first, last = _year_bounds(year)
    P, M = m.HeartTalkPair, m.Meeting
    out: dict[int, list[core.Talk]] = {}
    for branch_id, held_on, talker, listener, meeting_id in s.connection().execute(
            select(M.branch_id, M.held_on, P.talker_id, P.listener_id, M.id).outerjoin(P, M.id == P.meeting_id)
            .where(M.branch_id.in_(branch_ids), M.type == MeetingType.HEART_TALK,
                   M.state == MeetingState.FINAL, M.held_on.between(first, last))
            .order_by(M.held_on, M.id)).all():
        if talker is None:
            if unnamed is not None:
                unnamed.setdefault(branch_id, []).append(held_on)
            continue
        out.setdefault(branch_id, []).append(core.Talk(held_on, talker, listener, meeting_id))
    return out


def unnamed_talks(s: Session, branch_id: int, year: int) -> tuple[date, ...]:
    """The days of the year's final 谈心谈话 records that name nobody on the roster (an imported ledger line,
    a record whose 谈话对象 was left empty or does not match the 花名册): held, but not counted for anyone."""
    unnamed: dict[int, list[date]] = {}
    _talks_of(s, [branch_id], year, unnamed)
    return tuple(unnamed.get(branch_id, ()))


def unnamed_text(days: tuple[date, ...]) -> str:
    """What the coverage tab says of records it could not count ("" when there are none)."""
    if not days:
        return ""
    shown = "、".join(cn(d) for d in days[:5]) + ("等" if len(days) > 5 else "")
    return (f"另有 {len(days)} 次谈心谈话记录（{shown}）没有写明谈话人和谈话对象，或姓名与花名册对不上，未计入："
            "请在“三会一课”中打开记录，写明谈话人和谈话对象（花名册上的姓名）。")


def _roster(s: Session, branch_id: int):
    from dangjian_desktop.services.check import Roster

    return Roster.read(s, [branch_id]).of_branch(branch_id)


def year_coverage(s: Session, branch_id: int, year: int, as_of: date, people=None) -> tuple[core.Coverage, str]:
    """The coverage of a year as of a day (the roster of that day, or of Y-12-31 for a year that is over),
    with a note when it cannot be counted (no 支委 recorded)."""
    branch = s.get(m.Branch, branch_id)
    if branch is None:
        raise NotFound(f"没有编号为 {branch_id} 的支部。")
    people = _roster(s, branch_id) if people is None else people
    return _coverage(year, as_of, people, branch.committee_mode.value, _terms_of(s, [branch_id]).get(branch_id, []),
                     talks(s, branch_id, year))


def _coverage(year: int, as_of: date, people, mode: str, terms: list[tuple],
              talked: list[core.Talk]) -> tuple[core.Coverage, str]:
    """`year_coverage` from what it reads: the branch's people, 支委会 setting, terms and talks of the year."""
    day = min(as_of, date(year, 12, 31))
    on_roll, full = [], 0
    for p in sorted(people, key=lambda p: p.sort):
        st = status_on(p, day)
        if st is not None and st.on_roll:
            on_roll.append(p.id)
            full += st is MemberStatus.FULL
    secretary_only = not has_committee(full, mode)
    found = _tenures_of(terms, year, secretary_only=secretary_only)
    cov = core.coverage(year, found, on_roll, talked, secretary_only=secretary_only)
    note = ""
    if not found:
        note = ("本支部不设支部委员会，但没有登记书记：请在“设置 → 支部与支委”中登记书记，才能统计谈心谈话。"
                if secretary_only else
                f"{year}年没有登记支部委员会成员（或支委未与花名册对应）：请在“设置 → 支部与支委”中登记，才能统计谈心谈话。")
    return cov, note


def _names(s: Session, ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(ids))
    out = {}
    for chunk in range(0, len(ids), 900):
        out.update(dict(s.execute(select(m.Member.id, m.Member.name).where(m.Member.id.in_(ids[chunk:chunk + 900])))
                        .tuples().all()))
    return out


def _dates(ts: Iterable[core.Talk]) -> str:
    return "、".join(dict.fromkeys(cn(t.held_on) for t in ts))


def coverage_view(db: Database, branch_id: int, year: int, *, today: date | None = None) -> CoverageView:
    """The 谈心谈话 tab: every pair and member of the year, missing ones first."""
    today = today or date.today()
    with db.session() as s:
        cov, note = year_coverage(s, branch_id, year, today)
        unnamed = unnamed_talks(s, branch_id, year)
        if note:  # nobody to talk with: nothing can be counted yet
            return CoverageView(year, [], cov, {}, note, unnamed)
        ids = set(cov.committee_ids) | {x.member_id for x in cov.members} | {
            i for p in cov.pairs for t in p.talks for i in (t.talker_id, t.listener_id)} | {
            i for x in cov.members for t in x.talks for i in (t.talker_id, t.listener_id)}
        names = _names(s, ids)
    rows = []
    for p in cov.pairs:
        rows.append(CoverageRow("支委之间", names.get(p.a, ""), names.get(p.b, ""), p.done, _dates(p.talks), (p.a, p.b)))
    kind = "书记与党员" if cov.secretary_only else "支委与党员"
    anyone = "书记" if cov.secretary_only else "任一支委"
    for x in cov.members:
        others = "、".join(dict.fromkeys(names.get(t.listener_id if t.talker_id == x.member_id else t.talker_id, "")
                                         for t in x.talks))
        rows.append(CoverageRow(kind, names.get(x.member_id, ""), others or anyone, x.done, _dates(x.talks),
                                (x.member_id,)))
    rows.sort(key=lambda r: r.done)  # stable: the missing ones first, each part in its order
    return CoverageView(year, rows, cov, names, note, unnamed)


# ---------------------------------------------------------------- writing


def record_talk(db: Database, branch_id: int, held_on: date, talker_id: int, listener_ids: list[int], *,
                content: str = "", place: str = "", today: date | None = None) -> MeetingDetail:
    """登记谈心谈话: a talk already held, its 谈话人 and 谈话对象 picked from the roster; it becomes a final
    谈心谈话 record (in 三会一课 too) with its pairs, in one transaction."""
    from dangjian_desktop.services.meetings import record_final

    today = today or date.today()
    listener_ids = list(dict.fromkeys(int(i) for i in listener_ids))
    if not listener_ids:
        raise ValidationError("请选择谈话对象。")
    if talker_id in listener_ids:
        raise ValidationError("谈话人和谈话对象不能是同一个人。")
    with db.session() as s:
        rows = s.execute(select(m.Member.id, m.Member.name, m.Member.branch_id)
                         .where(m.Member.id.in_([talker_id, *listener_ids]))).all()
    names = {mid: name for mid, name, bid in rows if bid == branch_id}
    if talker_id not in names:
        raise ValidationError("谈话人不是本支部的党员。")
    strangers = [i for i in listener_ids if i not in names]
    if strangers:
        raise ValidationError("谈话对象中有人不是本支部的党员。")
    tpl = template(MeetingType.HEART_TALK)
    form = MeetingForm(type=MeetingType.HEART_TALK, held_on=held_on, title=tpl.title, place=place.strip(),
                       host=names[talker_id], counterpart="、".join(names[i] for i in listener_ids),
                       topics=tpl.topics, minutes=content.strip() or tpl.minutes, expected=None, present=None,
                       attendance_known=False, talk_pairs=[(talker_id, i) for i in listener_ids])
    return record_final(db, branch_id, form, today=today)


# ---------------------------------------------------------------- HEART-TALK-COVERAGE


def _org_life(s: Session, branch_ids: list[int], year: int) -> dict[int, tuple[date | None, date | None]]:
    """branch id → the year's 组织生活会: the first held (final) and the first planned (a draft), if any."""
    first, last = _year_bounds(year)
    M, A = m.Meeting, m.MeetingAlsoType
    also = select(A.meeting_id).where(A.type == MeetingType.ORG_LIFE)
    out: dict[int, tuple[date | None, date | None]] = {}
    for branch_id, held_on, state in s.connection().execute(select(M.branch_id, M.held_on, M.state).where(
            M.branch_id.in_(branch_ids), M.held_on.between(first, last),
            (M.type == MeetingType.ORG_LIFE) | M.id.in_(also)).order_by(M.branch_id, M.held_on)).all():
        held, planned = out.get(branch_id, (None, None))
        if state is MeetingState.FINAL:
            held = held or held_on
        else:
            planned = planned or held_on
        out[branch_id] = (held, planned)
    return out


def _names_text(names: list[str], unit: str, most: int = 8) -> str:
    return "、".join(names[:most]) + (f"等{len(names)}{unit}" if len(names) > most else "")


def coverage_findings(s: Session, ctx) -> Iterable[Finding]:
    """HEART-TALK-COVERAGE: from the reminder month (10月: before the usual Q4 组织生活会), or as soon as the
    year's 组织生活会 is planned, the 支委 pairs and members who have not talked yet, in one finding per branch."""
    rule = rules.rule(core.COVERAGE_RULE)
    from_month = int(ctx.param(core.COVERAGE_RULE, "from_month"))
    year = ctx.as_of.year
    roster = ctx.roster(s)
    org_life = _org_life(s, ctx.branch_ids, year)
    wanted = [b for b in ctx.branch_ids if ctx.as_of.month >= from_month or b in org_life]
    if not wanted:
        return
    # what `year_coverage` reads, for every branch at once (issue 26: statements per branch cost on a server)
    modes = dict(s.connection().execute(select(m.Branch.id, m.Branch.committee_mode)
                                        .where(m.Branch.id.in_(wanted))).all())
    unnamed_of: dict[int, list[date]] = {}
    terms, talked = _terms_of(s, wanted), _talks_of(s, wanted, year, unnamed_of)
    for branch_id in wanted:
        held, planned = org_life.get(branch_id, (None, None))
        if branch_id not in modes:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        cov, note = _coverage(year, ctx.as_of, roster.of_branch(branch_id), CommitteeMode(modes[branch_id]).value,
                              terms.get(branch_id, []), talked.get(branch_id, []))
        if note or not (cov.missing_pairs or cov.missing_members):
            continue
        names = roster.by_id
        pairs = [f"{names[p.a].name}与{names[p.b].name}" for p in cov.missing_pairs if p.a in names and p.b in names]
        members = [names[x.member_id].name for x in cov.missing_members if x.member_id in names]
        parts = []
        if pairs:
            parts.append(f"支委之间{len(pairs)}对未谈（{_names_text(pairs, '对')}）")
        if members:
            who = "书记" if cov.secretary_only else "支委"
            parts.append(f"{len(members)}名党员未与{who}谈（{_names_text(members, '人')}）")
        when = (f"组织生活会已于{cn(held)}召开，" if held else
                f"组织生活会安排在{cn(planned)}，" if planned else "")
        due_on = held or planned or date(year, 12, 31)
        unnamed = unnamed_of.get(branch_id, ())
        uncounted = (f"另有{len(unnamed)}次谈心谈话记录没有写明谈话人和谈话对象，未计入。" if unnamed else "")
        yield Finding(core.COVERAGE_RULE, Severity.DUE, ctx.branch_names.get(branch_id, ""), due_on,
                      f"{when}{year}年谈心谈话还差：{'；'.join(parts)}。{uncounted}请在组织生活会前谈到（{rule.citation}）。",
                      ref=("heart_talk", {"year": year}), branch_id=branch_id, label=f"{year}年谈心谈话")
