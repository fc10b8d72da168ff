"""三会一课 records: create from a template, attendance, votes, appraisal, finalise and amend,
listing and full-text search, the year grid, attendance per member, and the MEET-* checks."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Iterable

from sqlalchemy import and_, extract, func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from dangjian_desktop.core import rules
from dangjian_desktop.core import meetings as core
from dangjian_desktop.core.dates import Period, add_months, cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import (
    AppraisalOutcome, AttendanceStatus, MeetingState, MeetingType, MemberStatus, Severity, VoteKind,
)
from dangjian_desktop.core.votes import tally
from dangjian_desktop.db import fulltext
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ConcurrentEdit, InputErrors, NotFound, ValidationError
from dangjian_desktop.services import settings

TEXT_FIELDS = ("title", "place", "host", "recorder", "lecturer", "counterpart", "guests", "topics",
               "minutes", "resolutions")
FIELD_LABELS = {
    "type": "会议类型", "held_on": "时间", "group_id": "党小组", "title": "会议名称", "starts_at": "开始时间",
    "ends_at": "结束时间", "place": "地点", "host": "主持人", "recorder": "记录人", "lecturer": "主讲人",
    "counterpart": "谈话对象", "guests": "列席人员", "topics": "议题", "minutes": "讨论发言",
    "resolutions": "决议", "expected": "应到", "present": "实到", "attendance": "出席情况",
    "votes": "表决情况", "appraisals": "评议结果",
}
SHORT_LIMIT = {"title": 200, "place": 200, "host": 50, "recorder": 50, "lecturer": 50, "counterpart": 200}


# ---------------------------------------------------------------- plain data


@dataclass
class AttendanceRow:
    member_id: int
    name: str = ""
    group: str = ""
    status: AttendanceStatus = AttendanceStatus.PRESENT
    reason: str = ""
    can_vote: bool = True  # 预备党员 have no vote


@dataclass
class VoteRow:
    kind: VoteKind
    subject: str
    in_favour: int = 0
    against: int = 0
    abstain: int = 0
    written_in_favour: int = 0
    written_against: int = 0
    applicant_id: int | None = None
    member_id: int | None = None
    # computed from attendance when the record has it; given only for imported records
    expected_voters: int | None = None
    present_voters: int | None = None
    quorum: bool = False
    passed: bool = False
    summary: str = ""


@dataclass
class AppraisalRow:
    member_id: int
    outcome: AppraisalOutcome
    name: str = ""
    note: str = ""


@dataclass
class MeetingForm:
    """Everything the editor (or an import) can change in a record."""

    type: MeetingType
    held_on: date
    group_id: int | None = None
    title: str = ""
    starts_at: time | None = None
    ends_at: time | None = None
    place: str = ""
    host: str = ""
    recorder: str = ""
    lecturer: str = ""
    counterpart: str = ""
    guests: str = ""
    topics: str = ""
    minutes: str = ""
    resolutions: str = ""
    attendance: list[AttendanceRow] = field(default_factory=list)
    votes: list[VoteRow] = field(default_factory=list)
    appraisals: list[AppraisalRow] = field(default_factory=list)
    # only when there is no attendance list (谈心谈话, a record imported from a 台账)
    expected: int | None = None
    present: int | None = None


@dataclass
class MeetingDetail(MeetingForm):
    id: int = 0
    branch_id: int = 0
    branch_name: str = ""
    group_name: str = ""
    state: MeetingState = MeetingState.DRAFT
    finalised_at: datetime | None = None
    version: int = 1
    updated_at: datetime | None = None

    @property
    def is_final(self) -> bool:
        return self.state is MeetingState.FINAL

    @property
    def absent(self) -> list[AttendanceRow]:
        return [a for a in self.attendance if a.status is not AttendanceStatus.PRESENT]

    @property
    def type_label(self) -> str:
        label = self.type.label
        return f"{label}（{self.group_name}）" if self.group_name else label

    def form(self) -> MeetingForm:
        """The editable part, e.g. to change one field and save."""
        names = {f for f in MeetingForm.__dataclass_fields__}
        return MeetingForm(**{k: getattr(self, k) for k in names})


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    type: MeetingType
    held_on: date
    title: str
    topics: str
    host: str
    recorder: str
    expected: int
    present: int
    absent: tuple[tuple[str, str, str], ...]  # (name, reason, 请假/缺席) for everyone not present
    state: MeetingState
    group_name: str = ""

    @property
    def type_label(self) -> str:
        return f"{self.type.label}（{self.group_name}）" if self.group_name else self.type.label

    @property
    def absent_text(self) -> str:
        return "；".join(f"{n}（{st}：{r}）" if r else f"{n}（{st}）" for n, r, st in self.absent)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type.value, "date": self.held_on.isoformat(), "topic": self.title,
            "host": self.host, "recorder": self.recorder, "expected": self.expected, "present": self.present,
            "absent": [{"name": n, "reason": r, "status": st} for n, r, st in self.absent],
            "state": self.state.value, "group": self.group_name, "topics": self.topics,
        }


# ---------------------------------------------------------------- who was expected


def status_on(member: m.Member, d: date) -> MemberStatus | None:
    """The member's status on a day from the dated history (None: not yet, or not known, a member)."""
    if member.joined_on is not None and member.joined_on > d:
        return None
    latest = None  # the last change on or before d, by (changed_on, id): one pass, no list (check: 10,000 members)
    for c in member.status_changes:
        if c.changed_on <= d and (latest is None or c.changed_on > latest.changed_on
                                  or (c.changed_on == latest.changed_on and (c.id or 0) > (latest.id or 0))):
            latest = c
    if latest is not None:
        return latest.status
    if member.status_changes:  # the dated history starts after d
        first = min(member.status_changes, key=lambda c: c.changed_on)
        if first.status is MemberStatus.PROBATIONARY:
            return None  # not yet accepted
        if first.status is MemberStatus.FULL:
            return MemberStatus.PROBATIONARY if member.joined_on else None
        # the first thing recorded is leaving: before it the person was on the roll
        return (MemberStatus.PROBATIONARY if member.full_member_on and member.full_member_on > d
                else MemberStatus.FULL)
    # no history at all: the current status, from status_since on
    if not member.status.on_roll and member.status_since is not None and member.status_since <= d:
        return member.status
    if member.status is MemberStatus.FULL and member.full_member_on and member.full_member_on > d:
        return MemberStatus.PROBATIONARY
    return member.status if member.status.on_roll else MemberStatus.FULL


def _members_on(s: Session, branch_id: int, d: date, group_id: int | None = None,
                member_ids: set[int] | None = None) -> list[tuple[m.Member, MemberStatus]]:
    q = select(m.Member).where(m.Member.branch_id == branch_id).options(selectinload(m.Member.status_changes),
                                                                       selectinload(m.Member.group))
    if group_id is not None:
        q = q.where(m.Member.group_id == group_id)
    if member_ids is not None:
        q = q.where(m.Member.id.in_(member_ids))
    out = []
    for member in s.scalars(q):
        st = status_on(member, d)
        if st is not None and st.on_roll:
            out.append((member, st))
    out.sort(key=lambda ms: (ms[0].group.sort_order if ms[0].group else 99, ms[0].name_strokes or "", ms[0].name))
    return out


def _roster_on(people: Iterable, d: date) -> list:
    """Of `people` (the check's shared roster of one branch), those on the roll on `d`, in roster order
    (党小组, strokes, name): `_members_on` without ORM objects, the same people in the same order."""
    out = [p for p in people if (st := status_on(p, d)) is not None and st.on_roll]
    out.sort(key=lambda p: p.sort)
    return out


def _committee_member_ids(s: Session, branch_id: int, d: date) -> list[int]:
    terms = list(s.scalars(select(m.CommitteeTerm).where(m.CommitteeTerm.branch_id == branch_id)
                           .order_by(m.CommitteeTerm.elected_on)))
    covering = [t for t in terms if t.elected_on <= d and (t.ended_on is None or t.ended_on > d)]
    # a meeting before the first recorded term: the first term is the best guess (the editor can adjust)
    term = covering[-1] if covering else (terms[0] if terms else None)
    if term is None:
        return []
    return [p.member_id for p in term.posts if p.member_id is not None
            and (p.started_on is None or p.started_on <= d or not covering)
            and (p.ended_on is None or p.ended_on > d)]


def _expected(s: Session, branch_id: int, mtype: MeetingType, d: date, group_id: int | None) -> list[AttendanceRow]:
    scope = core.template(mtype).attendance
    if scope == "none":
        return []
    if scope == "group":
        if group_id is None:
            return []
        people = _members_on(s, branch_id, d, group_id=group_id)
    elif scope == "committee":
        ids = _committee_member_ids(s, branch_id, d)
        people = _members_on(s, branch_id, d, member_ids=set(ids)) if ids else []
    else:
        people = _members_on(s, branch_id, d)
    return [AttendanceRow(mem.id, mem.name, mem.group.name if mem.group else "", AttendanceStatus.PRESENT, "",
                          st is MemberStatus.FULL) for mem, st in people]


def expected_attendees(db: Database, branch_id: int, mtype: MeetingType, held_on: date,
                       group_id: int | None = None) -> list[AttendanceRow]:
    """应到: who was a member of the branch / the committee / the group on the meeting's date,
    all marked present to start with; 预备党员 have `can_vote` False."""
    with db.session() as s:
        return _expected(s, branch_id, MeetingType(mtype), held_on, group_id)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Person:
    name: str
    group: str
    order: tuple


def _people(s: Session, ids: set[int]) -> dict[int, _Person]:
    """Names and 党小组 of members, for showing attendance (plain columns: fast for a whole year)."""
    out: dict[int, _Person] = {}
    ids = list(ids)
    for chunk in range(0, len(ids), 900):
        for mid, name, strokes, gname, gorder in s.execute(
                select(m.Member.id, m.Member.name, m.Member.name_strokes, m.PartyGroup.name, m.PartyGroup.sort_order)
                .outerjoin(m.PartyGroup, m.PartyGroup.id == m.Member.group_id)
                .where(m.Member.id.in_(ids[chunk:chunk + 900]))):
            out[mid] = _Person(name, gname or "", (gorder if gname is not None else 99, strokes or "", name))
    return out


def _detail(s: Session, mt: m.Meeting, *, attendance=None, appraisals=None,
            people: dict[int, _Person] | None = None, names: dict | None = None) -> MeetingDetail:
    """The plain record; `attendance`, `appraisals`, `people` and `names` may be preloaded (the minutes book)."""
    attendance_rows = mt.attendance if attendance is None else attendance
    appraisal_rows = mt.appraisals if appraisals is None else appraisals
    if people is None:
        people = _people(s, {a.member_id for a in attendance_rows} | {a.member_id for a in appraisal_rows})
    attendance_out = sorted(
        (AttendanceRow(a.member_id, people[a.member_id].name, people[a.member_id].group, AttendanceStatus(a.status),
                       a.reason or "", bool(a.can_vote)) for a in attendance_rows),
        key=lambda a: people[a.member_id].order)
    order = {a.member_id: i for i, a in enumerate(attendance_out)}
    votes = []
    for v in mt.votes:
        r = tally(v.expected_voters, v.present_voters, v.in_favour, v.against, v.abstain, v.written_in_favour)
        votes.append(VoteRow(v.kind, v.subject, v.in_favour, v.against, v.abstain, v.written_in_favour,
                             v.written_against, v.applicant_id, v.member_id, v.expected_voters, v.present_voters,
                             v.quorum, v.passed, r.summary))
    appraisals_out = sorted((AppraisalRow(a.member_id, AppraisalOutcome(a.outcome), people[a.member_id].name,
                                          a.note or "") for a in appraisal_rows),
                            key=lambda a: order.get(a.member_id, 10**9))
    if names is None:
        names = {}
        if mt.group_id:
            group = s.get(m.PartyGroup, mt.group_id)
            names[("group", mt.group_id)] = group.name if group else ""
        branch = s.get(m.Branch, mt.branch_id)
        names[("branch", mt.branch_id)] = branch.name if branch else ""
    return MeetingDetail(
        type=mt.type, held_on=mt.held_on, group_id=mt.group_id, title=mt.title, starts_at=mt.starts_at,
        ends_at=mt.ends_at, place=mt.place, host=mt.host, recorder=mt.recorder, lecturer=mt.lecturer,
        counterpart=mt.counterpart, guests=mt.guests, topics=mt.topics, minutes=mt.minutes,
        resolutions=mt.resolutions, attendance=attendance_out, votes=votes, appraisals=appraisals_out,
        expected=mt.expected, present=mt.present, id=mt.id, branch_id=mt.branch_id,
        branch_name=names.get(("branch", mt.branch_id), ""), group_name=names.get(("group", mt.group_id), ""),
        state=mt.state, finalised_at=mt.finalised_at, version=mt.version, updated_at=mt.updated_at,
    )


def _load(s: Session, meeting_id: int) -> m.Meeting:
    mt = s.get(m.Meeting, meeting_id, options=[selectinload(m.Meeting.attendance), selectinload(m.Meeting.votes),
                                               selectinload(m.Meeting.appraisals)])
    if mt is None:
        raise NotFound(f"没有编号为 {meeting_id} 的会议记录。")
    return mt


def get_meeting(db: Database, meeting_id: int) -> MeetingDetail:
    with db.session() as s:
        return _detail(s, _load(s, meeting_id))


def get_meetings(db: Database, meeting_ids: list[int]) -> list[MeetingDetail]:
    """Several records at once (the minutes book), in the order given: a few plain queries, not one per record."""
    from types import SimpleNamespace

    with db.session() as s:
        rows: dict[int, m.Meeting] = {}
        attendance: dict[int, list] = defaultdict(list)
        appraisals: dict[int, list] = defaultdict(list)
        for chunk in range(0, len(meeting_ids), 900):
            part = meeting_ids[chunk:chunk + 900]
            rows.update({mt.id: mt for mt in s.scalars(
                select(m.Meeting).where(m.Meeting.id.in_(part)).options(selectinload(m.Meeting.votes)))})
            for mid, member_id, status, reason, can_vote in s.execute(
                    select(m.Attendance.meeting_id, m.Attendance.member_id, m.Attendance.status, m.Attendance.reason,
                           m.Attendance.can_vote).where(m.Attendance.meeting_id.in_(part))):
                attendance[mid].append(SimpleNamespace(member_id=member_id, status=status, reason=reason,
                                                       can_vote=can_vote))
            for mid, member_id, outcome, note in s.execute(
                    select(m.AppraisalResult.meeting_id, m.AppraisalResult.member_id, m.AppraisalResult.outcome,
                           m.AppraisalResult.note).where(m.AppraisalResult.meeting_id.in_(part))):
                appraisals[mid].append(SimpleNamespace(member_id=member_id, outcome=outcome, note=note))
        people = _people(s, {a.member_id for rows_ in attendance.values() for a in rows_}
                         | {a.member_id for rows_ in appraisals.values() for a in rows_})
        names = {("branch", bid): name for bid, name in s.execute(select(m.Branch.id, m.Branch.name))}
        names.update({("group", gid): name for gid, name in s.execute(select(m.PartyGroup.id, m.PartyGroup.name))})
        return [_detail(s, rows[i], attendance=attendance[i], appraisals=appraisals[i], people=people, names=names)
                for i in meeting_ids if i in rows]


# ---------------------------------------------------------------- creating and saving


def new_meeting(db: Database, branch_id: int, mtype: MeetingType, held_on: date, group_id: int | None = None,
                **fields: Any) -> MeetingDetail:
    """A new draft record from the type's template, with 应到 filled for the date."""
    mtype = MeetingType(mtype)
    tpl = core.template(mtype)
    with db.transaction() as s:
        branch = s.get(m.Branch, branch_id)
        if branch is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        title = tpl.title
        if mtype is MeetingType.GROUP:
            group = _check_group(s, branch_id, group_id)
            title = f"{group.name}党小组会" if not group.name.endswith("党小组") else f"{group.name}会议"
        elif group_id is not None:
            raise ValidationError(f"{mtype.label}不属于某个党小组，不能指定党小组。")
        form = MeetingForm(type=mtype, held_on=held_on, group_id=group_id, title=title, topics=tpl.topics,
                           minutes=tpl.minutes, resolutions=tpl.resolutions,
                           attendance=_expected(s, branch_id, mtype, held_on, group_id))
        for key, value in fields.items():
            if not hasattr(form, key):
                raise ValidationError(f"会议记录没有“{key}”这一项。")
            setattr(form, key, value)
        mt = m.Meeting(branch_id=branch_id, type=mtype, held_on=held_on, state=MeetingState.DRAFT)
        s.add(mt)
        _apply(s, mt, _clean(s, branch_id, form))
        s.flush()
        return _detail(s, mt)


def _check_group(s: Session, branch_id: int, group_id: int | None) -> m.PartyGroup:
    if group_id is None:
        raise ValidationError("党小组会要选择是哪一个党小组。")
    group = s.get(m.PartyGroup, group_id)
    if group is None or group.branch_id != branch_id:
        raise ValidationError("所选的党小组不属于本支部。")
    return group


def _clean(s: Session, branch_id: int, form: MeetingForm) -> MeetingForm:
    """Check a form and compute what is computed: 实到, the vote results. Raises ValidationError."""
    form.type = MeetingType(form.type)
    if not isinstance(form.held_on, date):
        raise ValidationError("请填写会议时间（日期）。")
    if form.held_on.year < 1921 or form.held_on.year > 2100:
        raise ValidationError(f"会议日期 {form.held_on.isoformat()} 不合理。")
    if form.type is MeetingType.GROUP:
        _check_group(s, branch_id, form.group_id)
    else:
        form.group_id = None
    for key in TEXT_FIELDS:
        value = (getattr(form, key) or "").replace("\r\n", "\n")
        if key in SHORT_LIMIT:
            value = " ".join(value.split())
            if len(value) > SHORT_LIMIT[key]:
                raise ValidationError(f"{FIELD_LABELS[key]}太长（{len(value)}个字），最多{SHORT_LIMIT[key]}个字。")
        setattr(form, key, value)
    if form.starts_at and form.ends_at and form.ends_at < form.starts_at:
        raise ValidationError("会议结束时间早于开始时间。")
    # attendance: only members of this branch, once each
    ids = [a.member_id for a in form.attendance]
    if len(ids) != len(set(ids)):
        raise ValidationError("出席情况中有人重复出现。")
    if ids:
        known = dict(s.execute(select(m.Member.id, m.Member.branch_id).where(m.Member.id.in_(ids))).tuples().all())
        for a in form.attendance:
            if known.get(a.member_id) != branch_id:
                raise ValidationError(f"出席情况中的“{a.name or a.member_id}”不是本支部的党员。")
            a.status = AttendanceStatus(a.status)
            a.reason = " ".join((a.reason or "").split())[:200]
            if a.status is AttendanceStatus.PRESENT:
                a.reason = ""
    complete = bool(form.attendance) and (form.expected is None or form.expected == len(form.attendance))
    if form.attendance and form.expected is not None and form.expected < len(form.attendance):
        raise ValidationError(f"应到人数（{form.expected}）少于名单上的人数（{len(form.attendance)}）。")
    if complete:
        form.expected = len(form.attendance)
        form.present = sum(1 for a in form.attendance if a.status is AttendanceStatus.PRESENT)
    else:
        form.expected = form.expected or 0
        form.present = form.present or 0
        absent = sum(1 for a in form.attendance if a.status is not AttendanceStatus.PRESENT)
        if form.present > form.expected:
            raise ValidationError(f"实到人数（{form.present}）不能多于应到人数（{form.expected}）。")
        if absent > form.expected - form.present:
            raise ValidationError(f"缺席和请假的有 {absent} 人，多于应到减实到（{form.expected - form.present}）人。")
    # votes: only at a 支部党员大会; the result is computed, never typed
    if form.votes and form.type is not MeetingType.BRANCH_CONGRESS:
        raise ValidationError("只有支部党员大会才有表决事项。")
    voters_expected = sum(1 for a in form.attendance if a.can_vote) if complete else None
    voters_present = (sum(1 for a in form.attendance if a.can_vote and a.status is AttendanceStatus.PRESENT)
                      if complete else None)
    for v in form.votes:
        v.kind = VoteKind(v.kind)
        v.subject = " ".join((v.subject or "").split())
        if not v.subject:
            raise ValidationError("表决事项要写明表决什么（例如：关于接收张三同志为中共预备党员）。")
        if complete:
            v.expected_voters, v.present_voters = voters_expected, voters_present
        if v.expected_voters is None or v.present_voters is None:
            raise ValidationError(f"表决事项“{v.subject}”：没有出席名单，需要填写应到和实到有表决权人数。")
        try:
            r = tally(v.expected_voters, v.present_voters, v.in_favour, v.against, v.abstain, v.written_in_favour)
        except ValueError as exc:
            raise ValidationError(f"表决事项“{v.subject}”：{exc}。") from None
        if v.written_against < 0 or v.written_in_favour + v.written_against > v.expected_voters - v.present_voters:
            raise ValidationError(f"表决事项“{v.subject}”：书面意见的份数多于未到会的有表决权党员人数。")
        v.quorum, v.passed, v.summary = r.quorum, r.passed, r.summary
    # appraisal outcomes: at a 民主评议党员, once per member of the branch
    if form.appraisals and form.type is not MeetingType.APPRAISAL:
        raise ValidationError("只有民主评议党员才记录评议结果。")
    seen = set()
    for a in form.appraisals:
        a.outcome = AppraisalOutcome(a.outcome)
        if a.member_id in seen:
            raise ValidationError(f"“{a.name or a.member_id}”的评议结果重复。")
        seen.add(a.member_id)
    if seen:
        known = dict(s.execute(select(m.Member.id, m.Member.branch_id).where(m.Member.id.in_(seen))).tuples().all())
        for a in form.appraisals:
            if known.get(a.member_id) != branch_id:
                raise ValidationError(f"评议结果中的“{a.name or a.member_id}”不是本支部的党员。")
    return form


def _apply(s: Session, mt: m.Meeting, form: MeetingForm) -> None:
    mt.type = form.type
    mt.held_on = form.held_on
    mt.group_id = form.group_id
    mt.starts_at, mt.ends_at = form.starts_at, form.ends_at
    for key in TEXT_FIELDS:
        setattr(mt, key, getattr(form, key))
    mt.expected, mt.present = form.expected, form.present
    old = {a.member_id: a for a in mt.attendance}
    keep = []
    for a in form.attendance:
        row = old.get(a.member_id) or m.Attendance(member_id=a.member_id)
        row.status, row.reason, row.can_vote = a.status, a.reason, a.can_vote
        keep.append(row)
    mt.attendance = keep
    mt.votes = [m.Vote(kind=v.kind, subject=v.subject, applicant_id=v.applicant_id, member_id=v.member_id,
                       expected_voters=v.expected_voters, present_voters=v.present_voters, in_favour=v.in_favour,
                       against=v.against, abstain=v.abstain, written_in_favour=v.written_in_favour,
                       written_against=v.written_against, quorum=v.quorum, passed=v.passed) for v in form.votes]
    old_app = {a.member_id: a for a in mt.appraisals}
    apps = []
    for a in form.appraisals:
        row = old_app.get(a.member_id) or m.AppraisalResult(member_id=a.member_id)
        row.outcome, row.note = a.outcome, a.note or ""
        apps.append(row)
    mt.appraisals = apps


def _snapshot(d: MeetingDetail | MeetingForm) -> dict[str, Any]:
    """The record as JSON-able text, for the audit log (old and new)."""
    out: dict[str, Any] = {}
    for key in ("type", "held_on", "group_id", "starts_at", "ends_at", *TEXT_FIELDS, "expected", "present"):
        value = getattr(d, key)
        out[key] = value.isoformat() if isinstance(value, (date, time)) else (
            value.value if isinstance(value, MeetingType) else value)
    out["attendance"] = [f"{a.name or a.member_id}:{AttendanceStatus(a.status).label}{'（' + a.reason + '）' if a.reason else ''}"
                         for a in d.attendance]
    out["votes"] = [f"{v.subject}：赞成{v.in_favour} 反对{v.against} 弃权{v.abstain} 书面赞成{v.written_in_favour}"
                    for v in d.votes]
    out["appraisals"] = [f"{a.name or a.member_id}:{AppraisalOutcome(a.outcome).label}" for a in d.appraisals]
    return out


def _check_version(mt: m.Meeting, version: int | None) -> None:
    if version is not None and mt.version != version:
        raise ConcurrentEdit("这份会议记录在你打开之后已被修改（可能在另一个窗口），请关闭后重新打开再改。")


def save_meeting(db: Database, meeting_id: int, form: MeetingForm, *, version: int | None = None,
                 reason: str | None = None) -> MeetingDetail:
    """Save the editor's content. A draft saves freely (autosave); a final record changes only
    with a reason, and the old and new text go to the audit log."""
    with db.transaction() as s:
        mt = _load(s, meeting_id)
        _check_version(mt, version)
        before = _detail(s, mt)
        form = _clean(s, mt.branch_id, form)
        if mt.state is MeetingState.FINAL:
            reason = " ".join((reason or "").split())
            if not reason:
                raise ValidationError("这份会议记录已定稿，修改需要写明原因（将记入修改记录）。")
            old, new = _snapshot(before), _snapshot(_names(s, form))
            changed = [k for k in new if old.get(k) != new.get(k)]
            if not changed:
                return before
            _apply(s, mt, form)
            s.add(m.AuditEntry(table_name="meetings", record_id=mt.id, action="amend", reason=reason,
                               old={k: old[k] for k in changed}, new={k: new[k] for k in changed}))
        else:
            _apply(s, mt, form)
        s.flush()
        s.refresh(mt)
        return _detail(s, mt)


def _names(s: Session, form: MeetingForm) -> MeetingForm:
    ids = {a.member_id for a in form.attendance} | {a.member_id for a in form.appraisals}
    names = dict(s.execute(select(m.Member.id, m.Member.name).where(m.Member.id.in_(ids))).tuples().all()) if ids else {}
    for a in form.attendance:
        a.name = names.get(a.member_id, a.name)
    for a in form.appraisals:
        a.name = names.get(a.member_id, a.name)
    return form


def missing_for_final(d: MeetingDetail | MeetingForm) -> list[str]:
    """What a record must have before it is finalised."""
    need = []
    if d.type is MeetingType.HEART_TALK:
        if not d.host.strip():
            need.append("谈话人")
        if not d.counterpart.strip():
            need.append("谈话对象")
    else:
        if not d.host.strip():
            need.append("主持人")
        if not d.recorder.strip():
            need.append("记录人")
    if d.type is MeetingType.LECTURE and not d.lecturer.strip():
        need.append("主讲人")
    if not d.topics.strip() and not d.title.strip():
        need.append("议题")
    if d.type is MeetingType.GROUP and d.group_id is None:
        need.append("党小组")
    return need


def finalise_meeting(db: Database, meeting_id: int, *, version: int | None = None) -> MeetingDetail:
    """定稿: the record is locked; later changes need a reason and are logged."""
    with db.transaction() as s:
        mt = _load(s, meeting_id)
        _check_version(mt, version)
        if mt.state is MeetingState.FINAL:
            return _detail(s, mt)
        d = _detail(s, mt)
        need = missing_for_final(d)
        if need:
            raise ValidationError(f"定稿前请填写：{'、'.join(need)}。")
        if mt.held_on > date.today():
            raise ValidationError(f"会议日期 {cn(mt.held_on)} 还没到，会后才能定稿。")
        mt.state = MeetingState.FINAL
        mt.finalised_at = datetime.now().replace(microsecond=0)
        s.add(m.AuditEntry(table_name="meetings", record_id=mt.id, action="finalise", reason="定稿",
                           new=_snapshot(d)))
        s.flush()
        s.refresh(mt)
        return _detail(s, mt)


def delete_meeting(db: Database, meeting_id: int, *, reason: str = "") -> None:
    """Delete a record; a final one only with a reason, and its text stays in the audit log."""
    with db.transaction() as s:
        mt = _load(s, meeting_id)
        d = _detail(s, mt)
        reason = " ".join((reason or "").split())
        if mt.state is MeetingState.FINAL and not reason:
            raise ValidationError("这份会议记录已定稿，删除需要写明原因（将记入修改记录）。")
        if s.scalar(select(func.count(m.Attachment.id)).where(m.Attachment.meeting_id == mt.id)):
            raise ValidationError("这份会议记录有附件，请先移除附件再删除记录。")
        s.add(m.AuditEntry(table_name="meetings", record_id=mt.id, action="delete", reason=reason or "删除草稿",
                           old=_snapshot(d)))
        s.delete(mt)


@dataclass(frozen=True)
class AuditInfo:
    at: datetime
    action: str
    reason: str
    changes: list[tuple[str, str, str]]  # (field label, old, new)


def meeting_history(db: Database, meeting_id: int) -> list[AuditInfo]:
    """The record's 定稿 and amendments, oldest first, with the old and new text."""
    return meeting_histories(db, [meeting_id]).get(meeting_id, [])


def meeting_histories(db: Database, meeting_ids: list[int]) -> dict[int, list[AuditInfo]]:
    """The audit entries of several records at once (for the minutes book)."""
    def show(value: Any) -> str:
        if isinstance(value, list):
            return "；".join(str(v) for v in value)
        return "" if value is None else str(value)

    out: dict[int, list[AuditInfo]] = defaultdict(list)
    with db.session() as s:
        for chunk in range(0, len(meeting_ids), 900):
            rows = s.scalars(select(m.AuditEntry).where(
                m.AuditEntry.table_name == "meetings", m.AuditEntry.record_id.in_(meeting_ids[chunk:chunk + 900]))
                .order_by(m.AuditEntry.id))
            for r in rows:
                keys = list((r.new or {}).keys()) if r.action == "amend" else []
                out[r.record_id].append(AuditInfo(
                    r.at, r.action, r.reason,
                    [(FIELD_LABELS.get(k, k), show((r.old or {}).get(k)), show((r.new or {}).get(k))) for k in keys]))
    return dict(out)


# ---------------------------------------------------------------- listing and search


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
               m.PartyGroup.name).outerjoin(m.PartyGroup, m.PartyGroup.id == m.Meeting.group_id).where(
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
    if mtype is not None:
        q = q.where(m.Meeting.type == MeetingType(mtype))
    if group_id is not None:
        q = q.where(m.Meeting.group_id == group_id)
    terms = [t for t in re.split(r"\s+", search or "") if t]
    if terms:
        q = q.where(_search_condition(db, terms))
    q = q.order_by(m.Meeting.held_on.desc(), m.Meeting.id.desc())
    with db.session() as s:
        rows = s.execute(q).all()
        absent: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        ids = [r[0] for r in rows]
        for chunk in range(0, len(ids), 900):
            part = ids[chunk:chunk + 900]
            for mid, name, status, reason in s.execute(
                    select(m.Attendance.meeting_id, m.Member.name, m.Attendance.status, m.Attendance.reason)
                    .join(m.Member, m.Member.id == m.Attendance.member_id)
                    .where(m.Attendance.meeting_id.in_(part), m.Attendance.status != AttendanceStatus.PRESENT)
                    .order_by(m.Attendance.id)):
                absent[mid].append((name, reason or "", AttendanceStatus(status).label))
    return [MeetingSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], tuple(absent.get(r[0], ())), r[9],
                           r[10] or "") for r in rows]


def meeting_years(db: Database, branch_id: int) -> list[int]:
    """Years that have records, newest first (the current year always included)."""
    with db.session() as s:
        years = {int(y) for (y,) in s.execute(select(extract("year", m.Meeting.held_on)).where(
            m.Meeting.branch_id == branch_id).distinct()) if y is not None}
    years.add(date.today().year)
    return sorted(years, reverse=True)


# ---------------------------------------------------------------- what is due


@dataclass
class _BranchMeetings:
    branch_id: int
    start: date | None
    dates: dict[MeetingType, list[date]]
    groups: list[tuple[int, str, date | None, date | None]]  # id, name, start, dissolved_on
    group_dates: dict[int, list[date]]


def _records_start(s: Session, branch_id: int) -> date | None:
    """Where the branch's records start (see `core.records_start`), or when it was entered here."""
    return _records_starts_of(s, [branch_id]).get(branch_id)


def _records_starts_of(s: Session, branch_ids: list[int]) -> dict[int, date | None]:
    """`_records_start` of several branches, in two queries."""
    conn = s.connection()
    firsts = dict(conn.execute(select(m.Meeting.branch_id, func.min(m.Meeting.held_on))
                               .where(m.Meeting.branch_id.in_(branch_ids))
                               .group_by(m.Meeting.branch_id)).tuples().all())
    starts: dict[int, date | None] = {}
    for bid, established, created_at in conn.execute(
            select(m.Branch.id, m.Branch.established_on, m.Branch.created_at)
            .where(m.Branch.id.in_(branch_ids))).all():
        first = firsts.get(bid)
        start = core.records_start(established or None, [first] if first else [])
        if start is None and created_at is not None:
            start = created_at.date()
        starts[bid] = start
    return starts


def _records_starts(s: Session, ctx) -> dict[int, date | None]:
    """`_records_start` of every branch of a check, worked out once per check (MEET-* and
    MEMBER-INACTIVE-6M both need it)."""
    return ctx.shared("meetings.records_start", lambda: _records_starts_of(s, ctx.branch_ids))


_UNKNOWN = object()


def _branch_meetings(s: Session, branch_id: int, year: int | None = None, start=_UNKNOWN) -> _BranchMeetings:
    """Meeting dates by type and 党小组 (of one year if given) and where each organisation's records start."""
    dates: dict[MeetingType, list[date]] = defaultdict(list)
    group_dates: dict[int, list[date]] = defaultdict(list)
    q = select(m.Meeting.type, m.Meeting.held_on, m.Meeting.group_id).where(m.Meeting.branch_id == branch_id)
    if year is not None:  # the grid of one year needs only that year's dates (and the first dates below)
        q = q.where(m.Meeting.held_on.between(date(year, 1, 1), date(year, 12, 31)))
    for mtype, held_on, group_id in s.connection().execute(q).all():  # Core rows at once: 15,000 for a 党委
        dates[mtype].append(held_on)
        if mtype is MeetingType.GROUP and group_id is not None:
            group_dates[group_id].append(held_on)
    group_first = dict(s.execute(
        select(m.Meeting.group_id, func.min(m.Meeting.held_on))
        .where(m.Meeting.branch_id == branch_id, m.Meeting.type == MeetingType.GROUP, m.Meeting.group_id.is_not(None))
        .group_by(m.Meeting.group_id)).tuples().all())
    if start is _UNKNOWN:
        start = _records_start(s, branch_id)
    groups = []
    for g in s.scalars(select(m.PartyGroup).where(m.PartyGroup.branch_id == branch_id)
                       .order_by(m.PartyGroup.sort_order, m.PartyGroup.id)):
        g_created = g.created_at.date() if g.created_at else None
        g_start = core.records_start(g_created, [group_first[g.id]] if g.id in group_first else [])
        if start is not None and g_start is not None:
            g_start = max(g_start, start)
        groups.append((g.id, g.name, g_start, g.dissolved_on))
    return _BranchMeetings(branch_id, start, dates, groups, group_dates)


def year_grid(db: Database, branch_id: int, year: int, as_of: date | None = None) -> list[core.GridRow]:
    """Months × types (each 党小组 on its own row): held / missing / due / not yet, by the local rules."""
    as_of = as_of or date.today()
    overrides = settings.rule_overrides(db)
    with db.session() as s:
        data = _branch_meetings(s, branch_id, year)
    rows = []
    for mtype in MeetingType:
        freq = core.frequency(mtype, overrides)
        if mtype is MeetingType.GROUP:
            for gid, name, g_start, dissolved in data.groups:
                if dissolved is not None and dissolved < date(year, 1, 1):
                    continue
                rows.append(core.grid_row(freq, f"{mtype.label}（{name}）", gid, year, data.group_dates.get(gid, []),
                                          as_of, g_start, dissolved))
            continue
        rows.append(core.grid_row(freq, mtype.label, None, year, data.dates.get(mtype, []), as_of, data.start))
    return rows


@dataclass(frozen=True)
class TypeCount:
    type: MeetingType
    held: int
    required: int
    frequency: str
    missing: int = 0  # lacking in periods that are over
    pending: int = 0  # still to hold this year

    @property
    def status(self) -> str:
        if self.missing:
            return f"缺{self.missing}次" + (f"，另需{self.pending}次" if self.pending else "")
        if self.pending:
            return f"本年还需{self.pending}次"
        return "完成"


def year_counts(db: Database, branch_id: int, year: int, as_of: date | None = None) -> list[TypeCount]:
    """Held vs required per type for a year (党小组会 summed over the groups)."""
    by_type: dict[MeetingType, list[core.GridRow]] = defaultdict(list)
    for row in year_grid(db, branch_id, year, as_of):
        by_type[row.type].append(row)
    overrides = settings.rule_overrides(db)
    out = []
    for mtype in MeetingType:
        rows = by_type.get(mtype, [])
        freq = core.frequency(mtype, overrides)
        label = freq.label + ("（每个党小组）" if mtype is MeetingType.GROUP else "")
        out.append(TypeCount(mtype, sum(r.held for r in rows), sum(r.required for r in rows), label,
                             sum(r.missing for r in rows), sum(r.pending for r in rows)))
    return out


def meeting_findings(s: Session, ctx) -> Iterable[Finding]:
    """MEET-*: one finding per missing period (per 党小组 for group meetings), and the current period when due."""
    starts = _records_starts(s, ctx)
    for branch_id in ctx.branch_ids:
        data = _branch_meetings(s, branch_id, start=starts.get(branch_id))
        if data.start is None:
            continue
        for mtype in MeetingType:
            freq = core.frequency(mtype, ctx.overrides)
            rule = rules.rule(freq.rule_id)
            if mtype is MeetingType.GROUP:
                targets = [(gid, name, g_start, dissolved, data.group_dates.get(gid, []))
                           for gid, name, g_start, dissolved in data.groups]
            else:
                targets = [(None, "", data.start, None, data.dates.get(mtype, []))]
            for gid, gname, counts_from, until, dates in targets:
                if counts_from is None or counts_from > ctx.as_of:
                    continue
                for st in core.period_statuses(freq, dates, ctx.as_of, counts_from, counts_from, ctx.as_of, until):
                    if st.state not in (core.PeriodState.MISSING, core.PeriodState.DUE):
                        continue
                    what = f"{mtype.label}（{gname}）" if gname else mtype.label
                    held = f"（已开{st.held}次，应至少{st.required}次）" if st.held else ""
                    if st.state is core.PeriodState.MISSING:
                        sev = Severity.OVERDUE
                        msg = f"{st.period.label}未召开{what}{held}。{rule.text}（{rule.citation}）"
                    else:
                        sev = Severity.DUE
                        msg = f"{st.period.label}还没有{what}的记录{held}，本期于{cn(st.period.end)}结束。"
                    ref = ("missing_meeting", {"type": mtype.value, "period": st.period.code, "group_id": gid,
                                               "branch_id": branch_id, "date": st.period.end.isoformat()})
                    yield Finding(freq.rule_id, sev, core.subject(mtype, st.period, gname), st.period.end, msg,
                                  ref=ref, branch_id=branch_id)


def inactive_members(s: Session, ctx) -> Iterable[Finding]:
    """MEMBER-INACTIVE-6M: members on the roll who have attended no organisational life for months."""
    due_months = int(ctx.param(core.INACTIVE_RULE, "due_months"))
    overdue_months = int(ctx.param(core.INACTIVE_RULE, "overdue_months"))
    rule = rules.rule(core.INACTIVE_RULE)
    recent_from = add_months(ctx.as_of, -2)
    starts = _records_starts(s, ctx)
    for branch_id in ctx.branch_ids:
        start = starts.get(branch_id)
        if start is None:
            continue
        roster = _roster_on(ctx.roster(s).of_branch(branch_id), ctx.as_of)
        conn = s.connection()
        # each member's last meeting attended, as a subquery per member: SQLite reads the branch's meetings
        # newest first (index branch_id, held_on) and stops at the first one attended, where MAX … GROUP BY
        # over all of them read every meeting for every member asked about (500 members: 2 ms against 150)
        last_attended = (select(func.max(m.Meeting.held_on))
                         .join(m.Attendance, m.Attendance.meeting_id == m.Meeting.id)
                         .where(m.Meeting.branch_id == branch_id, m.Meeting.held_on <= ctx.as_of,
                                m.Attendance.member_id == m.Member.id,
                                m.Attendance.status == AttendanceStatus.PRESENT)
                         .scalar_subquery())
        ids = [member.id for member in roster]
        last = {}
        for chunk in range(0, len(ids), 900):
            last.update((mid, held_on) for mid, held_on in conn.execute(
                select(m.Member.id, last_attended).where(m.Member.id.in_(ids[chunk:chunk + 900]))).all()
                if held_on is not None)
        # attended since recent_from, and that is too recent to be due: nothing to work out
        quiet_from = add_months(recent_from, min(due_months, overdue_months))
        for member in roster:
            if quiet_from > ctx.as_of and (last.get(member.id) or date.min) >= recent_from:
                continue
            counts_from = max(d for d in (member.joined_on, start) if d is not None)
            found = core.inactivity(last.get(member.id), counts_from, ctx.as_of, due_months, overdue_months)
            if found is None:
                continue
            seen = f"最近一次参加是{cn(last[member.id])}" if member.id in last else "本支部记录中没有参加记录"
            if found.severity is Severity.OVERDUE:
                msg = (f"已连续{found.months}个月未参加党的组织生活（{seen}），"
                       f"请尽快了解情况、谈心谈话。{rule.text}（{rule.citation}）")
            else:
                msg = (f"已{found.months}个月未参加党的组织生活（{seen}），"
                       f"满{overdue_months}个月将视为连续{overdue_months}个月不参加组织生活，请及早联系。")
            yield Finding(core.INACTIVE_RULE, found.severity, member.name, add_months(found.since, overdue_months),
                          msg, ref=("member", member.id), branch_id=branch_id)


# ---------------------------------------------------------------- attendance per member


@dataclass(frozen=True)
class MemberAttendance:
    member_id: int
    name: str
    group: str
    status: str
    expected: int
    present: int
    leave: int
    absent: int
    last_attended: date | None

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


def attendance_by_member(db: Database, branch_id: int, start: date, end: date) -> list[MemberAttendance]:
    """For each member on the roll during [start, end]: meetings expected at, present, 请假, 缺席."""
    if end < start:
        raise ValidationError("统计区间的结束日期早于开始日期。")
    with db.session() as s:
        counts: dict[int, dict[AttendanceStatus, int]] = defaultdict(lambda: defaultdict(int))
        for mid, status, n in s.execute(
                select(m.Attendance.member_id, m.Attendance.status, func.count())
                .join(m.Meeting, m.Meeting.id == m.Attendance.meeting_id)
                .where(m.Meeting.branch_id == branch_id, m.Meeting.held_on.between(start, end))
                .group_by(m.Attendance.member_id, m.Attendance.status)):
            counts[mid][status] += n
        last = dict(s.execute(
            select(m.Attendance.member_id, func.max(m.Meeting.held_on))
            .join(m.Meeting, m.Meeting.id == m.Attendance.meeting_id)
            .where(m.Meeting.branch_id == branch_id, m.Attendance.status == AttendanceStatus.PRESENT,
                   m.Meeting.held_on <= end).group_by(m.Attendance.member_id)).tuples().all())
        on_roll = {mem.id: (mem, st) for mem, st in _members_on(s, branch_id, end)}
        for mem, st in _members_on(s, branch_id, start):  # left during the period: still listed
            on_roll.setdefault(mem.id, (mem, st))
        out = []
        for mid, (mem, st) in on_roll.items():
            c = counts.get(mid, {})
            total = sum(c.values())
            out.append(MemberAttendance(mid, mem.name, mem.group.name if mem.group else "", st.label, total,
                                        c.get(AttendanceStatus.PRESENT, 0), c.get(AttendanceStatus.LEAVE, 0),
                                        c.get(AttendanceStatus.ABSENT, 0), last.get(mid)))
    return out


# ---------------------------------------------------------------- importing a past 台账


@dataclass(frozen=True)
class ImportedMeeting:
    row: int
    action: str  # new | update | same
    held_on: date
    type: MeetingType
    topic: str
    group: str


@dataclass
class MeetingImportResult:
    file: str
    sheet: str
    rows: list[ImportedMeeting] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        out = {"new": 0, "update": 0, "same": 0}
        for r in self.rows:
            out[r.action] += 1
        return out


def _norm_group(text: str) -> str:
    return "".join(text.split()).removesuffix("会议").removesuffix("会")


def import_meetings(db: Database, branch_id: int, path, *, dry_run: bool = False) -> MeetingImportResult:
    """Import a past 三会一课台账 in one transaction: every row, or (any row refused) none.

    Rows become final records (they are history kept elsewhere until now). Re-importing the same
    file changes nothing: a meeting is matched by date, type, 党小组 and topic. A corrected file
    updates the record, and the change is logged like any amendment of a final record.
    """
    from pathlib import Path

    from dangjian_desktop.io.meetings_import import read_ledger

    parsed = read_ledger(Path(path))
    problems = list(parsed.refused)
    if not dry_run and not problems and parsed.rows:
        from dangjian_desktop.services.backup import snapshot

        snapshot(db, "导入三会一课台账前")
    with db.transaction() as s:
        if s.get(m.Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        groups = {_norm_group(name): gid for gid, name in s.execute(
            select(m.PartyGroup.id, m.PartyGroup.name).where(m.PartyGroup.branch_id == branch_id)
            .order_by(m.PartyGroup.sort_order, m.PartyGroup.id)).tuples()}
        group_names = {gid: name for name, gid in groups.items()}
        by_name: dict[str, list[int]] = defaultdict(list)
        for mid, name in s.execute(select(m.Member.id, m.Member.name).where(m.Member.branch_id == branch_id)):
            by_name[name].append(mid)
        existing: dict[tuple, list[m.Meeting]] = defaultdict(list)
        for mt in s.scalars(select(m.Meeting).where(m.Meeting.branch_id == branch_id)
                            .options(selectinload(m.Meeting.attendance))):
            existing[(mt.held_on, mt.type, mt.group_id)].append(mt)
        plans = []
        seen_keys: dict[tuple, int] = {}
        for p in parsed.rows:
            group_id = None
            if p.type is MeetingType.GROUP:
                key = _norm_group(p.group_text)
                group_id = groups.get(key) or next((gid for name, gid in groups.items() if key and key in name), None)
                if group_id is None:
                    known = "、".join(group_names.values()) or "（本支部还没有党小组）"
                    what = f"“{p.group_text}”" if p.group_text else "没有写明党小组"
                    problems.append(f"{p.where('group' if 'group' in p.table.columns else 'type')}：党小组会{what}，"
                                    f"不是本支部的党小组。本支部的党小组有：{known}。")
                    continue
            attendance = []
            row_ok = True
            for a in p.absent:
                ids = by_name.get(a.name, [])
                if len(ids) != 1:
                    why = "不在本支部党员名单中（请先导入花名册，或检查姓名）" if not ids else "在本支部有同名的几个人，无法区分"
                    problems.append(f"{p.where('absent')}：缺席人员“{a.name}”{why}。")
                    row_ok = False
                    continue
                attendance.append(AttendanceRow(ids[0], a.name, "", a.status, a.reason, True))
            key = (p.held_on, p.type, group_id, p.topic)
            if key in seen_keys:
                problems.append(f"{p.where('topic')}：与第{seen_keys[key]}行是同一次会议（日期、类型、主题都相同）。")
                row_ok = False
            seen_keys[key] = p.row.number
            if not row_ok:
                continue
            expected = p.expected if p.expected is not None else (p.present or 0) + len(attendance)
            present = p.present if p.present is not None else max(expected - len(attendance), 0)
            form = MeetingForm(type=p.type, held_on=p.held_on, group_id=group_id, title=p.topic, topics=p.topic,
                               host=p.host, recorder=p.recorder, place=p.place, lecturer=p.lecturer,
                               minutes=p.notes, attendance=attendance, expected=expected, present=present)
            candidates = existing.get((p.held_on, p.type, group_id), [])
            same_topic = [mt for mt in candidates if mt.title == p.topic]
            target = same_topic[0] if same_topic else (candidates[0] if len(candidates) == 1 else None)
            plans.append((p, form, target))
        if problems:
            raise InputErrors(problems, summary=f"{parsed.file}：发现 {len(problems)} 处问题，未导入任何数据。"
                                                "请修改文件后重新导入。")
        result = MeetingImportResult(parsed.file, parsed.sheet)
        for p, form, target in plans:
            group = group_names.get(form.group_id, "")
            try:
                form = _clean(s, branch_id, form)
            except ValidationError as exc:
                problems.append(f"{p.where()}：{exc.message}")
                continue
            if target is None:
                action = "new"
                if not dry_run:
                    mt = m.Meeting(branch_id=branch_id, type=form.type, held_on=form.held_on,
                                   state=MeetingState.FINAL, finalised_at=datetime.now().replace(microsecond=0))
                    s.add(mt)
                    _apply(s, mt, form)
                    s.flush()
                    s.add(m.AuditEntry(table_name="meetings", record_id=mt.id, action="import",
                                       reason=f"从{parsed.file}第{p.row.number}行导入"))
            else:
                before = _detail(s, target)
                merged = before.form()
                for key in ("title", "host", "recorder", "expected", "present"):
                    setattr(merged, key, getattr(form, key))
                for key in ("topics", "place", "lecturer"):  # the ledger's one 主题 column never erases 议题
                    if getattr(form, key) and not getattr(merged, key):
                        setattr(merged, key, getattr(form, key))
                if form.minutes:
                    merged.minutes = form.minutes
                # a record with its own complete attendance list keeps it (ticks beat a ledger line);
                # otherwise the file's numbers and absentees replace the record's
                if not (before.attendance and len(before.attendance) == before.expected):
                    merged.attendance = form.attendance
                else:
                    merged.expected = merged.present = None
                merged = _clean(s, branch_id, merged)
                old, new = _snapshot(before), _snapshot(_names(s, merged))
                changed = [k for k in new if old.get(k) != new.get(k)]
                action = "update" if changed else "same"
                if changed and not dry_run:
                    _apply(s, target, merged)
                    if target.state is MeetingState.FINAL:
                        s.add(m.AuditEntry(table_name="meetings", record_id=target.id, action="amend",
                                           reason=f"重新导入{parsed.file}第{p.row.number}行",
                                           old={k: old[k] for k in changed}, new={k: new[k] for k in changed}))
            result.rows.append(ImportedMeeting(p.row.number, action, form.held_on, form.type, p.topic, group))
        if problems:
            raise InputErrors(problems, summary=f"{parsed.file}：发现 {len(problems)} 处问题，未导入任何数据。"
                                                "请修改文件后重新导入。")
        return result
