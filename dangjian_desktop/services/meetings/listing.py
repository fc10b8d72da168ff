"""三会一课: listing a branch's records by period and type, with full-text search."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from sqlalchemy import and_, extract, or_, select, text

from dangjian_desktop.core.dates import Period
from dangjian_desktop.core.glossary import AttendanceStatus, MeetingType
from dangjian_desktop.db import fulltext
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.services.meetings.model import MeetingSummary


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"


def _search_condition(db: Database, terms: list[str]):
    conds = []
    for term in terms:
        if db.is_sqlite and len(term) >= fulltext.MIN_TRIGRAM:
            ids = select(text("rowid")).select_from(text(fulltext.MEETINGS_FTS)).where(
                text(f"{fulltext.MEETINGS_FTS} MATCH :q_{len(conds)}").bindparams(
                    **{f"q_{len(conds)}": fulltext.match_query(term)}))
            conds.append(m.Meeting.id.in_(ids))
        else:
            pattern = _like(term)
            cols = [getattr(m.Meeting, c) for c in fulltext.FTS_COLUMNS]
            conds.append(or_(*[(c.ilike(pattern, escape="\\") if not db.is_sqlite else c.like(pattern, escape="\\"))
                               for c in cols]))
    return and_(*conds)


def list_meetings(db: Database, branch_id: int, *, year: int | None = None, quarter: int | None = None,
                  month: int | None = None, mtype: MeetingType | None = None, group_id: int | None = None,
                  search: str = "", start: date | None = None, end: date | None = None) -> list[MeetingSummary]:
    """Meetings of a branch, newest first, filtered by period, type and words in topics or minutes."""
    q = select(m.Meeting.id, m.Meeting.type, m.Meeting.held_on, m.Meeting.title, m.Meeting.topics, m.Meeting.host,
               m.Meeting.recorder, m.Meeting.expected, m.Meeting.present, m.Meeting.state,
               m.PartyGroup.name, m.Meeting.attendance_known).outerjoin(m.PartyGroup, m.PartyGroup.id == m.Meeting.group_id).where(
        m.Meeting.branch_id == branch_id)
    if year is not None:
        first, last = date(year, 1, 1), date(year, 12, 31)
        if quarter:
            p = Period("Q", year, quarter)
            first, last = p.start, p.end
        if month:
            p = Period("M", year, month)
            first, last = p.start, p.end
        q = q.where(m.Meeting.held_on.between(first, last))
    if start is not None:
        q = q.where(m.Meeting.held_on >= start)
    if end is not None:
        q = q.where(m.Meeting.held_on <= end)
    if mtype is not None:  # a combined record is found under each of its types
        mtype = MeetingType(mtype)
        q = q.where(or_(m.Meeting.type == mtype, m.Meeting.id.in_(
            select(m.MeetingAlsoType.meeting_id).where(m.MeetingAlsoType.type == mtype))))
    if group_id is not None:
        q = q.where(m.Meeting.group_id == group_id)
    terms = [t for t in re.split(r"\s+", search or "") if t]
    if terms:
        q = q.where(_search_condition(db, terms))
    q = q.order_by(m.Meeting.held_on.desc(), m.Meeting.id.desc())
    with db.session() as s:
        rows = s.execute(q).all()
        absent: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        also: dict[int, list[MeetingType]] = defaultdict(list)
        ids = [r[0] for r in rows]
        for chunk in range(0, len(ids), 900):
            part = ids[chunk:chunk + 900]
            for mid, t in s.execute(select(m.MeetingAlsoType.meeting_id, m.MeetingAlsoType.type)
                                    .where(m.MeetingAlsoType.meeting_id.in_(part))
                                    .order_by(m.MeetingAlsoType.meeting_id, m.MeetingAlsoType.position)):
                also[mid].append(MeetingType(t))
            for mid, name, status, reason in s.execute(
                    select(m.Attendance.meeting_id, m.Member.name, m.Attendance.status, m.Attendance.reason)
                    .join(m.Member, m.Member.id == m.Attendance.member_id)
                    .where(m.Attendance.meeting_id.in_(part), m.Attendance.status != AttendanceStatus.PRESENT)
                    .order_by(m.Attendance.id)):
                absent[mid].append((name, reason or "", AttendanceStatus(status).label))
    return [MeetingSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] if r[11] else None,
                           tuple(absent.get(r[0], ())), r[9], r[10] or "", tuple(also.get(r[0], ()))) for r in rows]


def meeting_years(db: Database, branch_id: int) -> list[int]:
    """Years that have records, newest first (the current year always included)."""
    with db.session() as s:
        years = {int(y) for (y,) in s.execute(select(extract("year", m.Meeting.held_on)).where(
            m.Meeting.branch_id == branch_id).distinct()) if y is not None}
    years.add(date.today().year)
    return sorted(years, reverse=True)
