"""三会一课 records: read, create from a template, save (drafts freely, final ones with a reason), finalise, delete, history."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import (
    AppraisalOutcome,
    AttendanceStatus,
    MeetingState,
    MeetingType,
    VoteKind,
    VoteMethod,
)
from dangjian_desktop.core.votes import tally
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ConcurrentEdit, NotFound, ValidationError
from dangjian_desktop.services.meetings.attendance import _expected
from dangjian_desktop.services.meetings.model import (
    FIELD_LABELS,
    SHORT_LIMIT,
    TEXT_FIELDS,
    AppraisalRow,
    AttendanceRow,
    MeetingDetail,
    MeetingForm,
    VoteRow,
)


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
                             v.quorum, v.passed, r.summary, v.method))
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
        expected=mt.expected, present=mt.present if mt.attendance_known else None,
        also=[a.type for a in mt.also], attendance_known=bool(mt.attendance_known), id=mt.id, branch_id=mt.branch_id,
        branch_name=names.get(("branch", mt.branch_id), ""), group_name=names.get(("group", mt.group_id), ""),
        state=mt.state, finalised_at=mt.finalised_at, version=mt.version, updated_at=mt.updated_at,
    )


def _load(s: Session, meeting_id: int) -> m.Meeting:
    mt = s.get(m.Meeting, meeting_id, options=[selectinload(m.Meeting.attendance), selectinload(m.Meeting.votes),
                                               selectinload(m.Meeting.appraisals), selectinload(m.Meeting.also)])
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
                select(m.Meeting).where(m.Meeting.id.in_(part)).options(selectinload(m.Meeting.votes),
                                                                         selectinload(m.Meeting.also)))})
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


def new_meeting(db: Database, branch_id: int, mtype: MeetingType, held_on: date, group_id: int | None = None,
                **fields: Any) -> MeetingDetail:
    """A new draft record from the type's template, with 应到 filled for the date. `also` (in
    `fields`) names the other types a combined gathering serves; a draft may be dated later than
    today (a planned meeting)."""
    mtype = MeetingType(mtype)
    tpl = core.template(mtype)
    also = _clean_also(mtype, fields.get("also") or [])
    with db.transaction() as s:
        branch = s.get(m.Branch, branch_id)
        if branch is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        title = core.types_label([mtype, *also])
        if MeetingType.GROUP in (mtype, *also):
            group = _check_group(s, branch_id, group_id)
            if mtype is MeetingType.GROUP and not also:
                title = f"{group.name}党小组会" if not group.name.endswith("党小组") else f"{group.name}会议"
        elif group_id is not None:
            raise ValidationError(f"{mtype.label}不属于某个党小组，不能指定党小组。")
        form = MeetingForm(type=mtype, held_on=held_on, group_id=group_id, title=title, topics=tpl.topics,
                           minutes=tpl.minutes, resolutions=tpl.resolutions,
                           attendance=_expected(s, branch_id, mtype, held_on, group_id, also), also=also)
        for key, value in fields.items():
            if not hasattr(form, key):
                raise ValidationError(f"会议记录没有“{key}”这一项。")
            setattr(form, key, value)
        mt = m.Meeting(branch_id=branch_id, type=mtype, held_on=held_on, state=MeetingState.DRAFT)
        s.add(mt)
        _apply(s, mt, _clean(s, branch_id, form))
        s.flush()
        return _detail(s, mt)


def record_final(db: Database, branch_id: int, form: MeetingForm, *, today: date | None = None) -> MeetingDetail:
    """A record of something already done (a 谈心谈话 entered afterwards), created and 定稿 in one
    transaction: nothing is written if anything is missing or wrong."""
    today = today or date.today()
    if form.held_on > today:
        raise ValidationError(f"日期{cn(form.held_on)}在今天之后，不能登记。")
    need = missing_for_final(form)
    if need:
        raise ValidationError(f"请填写：{'、'.join(need)}。")
    with db.transaction() as s:
        if s.get(m.Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        mt = m.Meeting(branch_id=branch_id, type=form.type, held_on=form.held_on, state=MeetingState.FINAL,
                       finalised_at=datetime.now().replace(microsecond=0))
        s.add(mt)
        _apply(s, mt, _clean(s, branch_id, form, final=True, today=today))
        s.flush()
        s.add(m.AuditEntry(table_name="meetings", record_id=mt.id, action="finalise", reason="登记即定稿",
                           new=_snapshot(_names(s, form))))
        s.refresh(mt)
        return _detail(s, mt)


def _check_group(s: Session, branch_id: int, group_id: int | None) -> m.PartyGroup:
    if group_id is None:
        raise ValidationError("党小组会要选择是哪一个党小组。")
    group = s.get(m.PartyGroup, group_id)
    if group is None or group.branch_id != branch_id:
        raise ValidationError("所选的党小组不属于本支部。")
    return group


def _clean_also(mtype: MeetingType, also) -> list[MeetingType]:
    """The other types of a combined record: known types, once each, not the primary one; a
    谈心谈话 is a talk between people and is never combined with a meeting."""
    out: list[MeetingType] = []
    for t in also or []:
        try:
            t = MeetingType(t)
        except ValueError:
            raise ValidationError(f"会议类型“{t}”无法识别。") from None
        if t is not mtype and t not in out:
            out.append(t)
    if out and MeetingType.HEART_TALK in (mtype, *out):
        raise ValidationError("谈心谈话是谈话人与谈话对象之间的谈话，不能与会议合并为一条记录，请分别记录。")
    return out


def _clean(s: Session, branch_id: int, form: MeetingForm, *, final: bool = False,
           today: date | None = None) -> MeetingForm:
    """Check a form and compute what is computed: 实到, the vote results. Raises ValidationError.
    `final`: the record is (or becomes) final, so it cannot be dated after today."""
    form.type = MeetingType(form.type)
    form.also = _clean_also(form.type, form.also)
    today = today or date.today()
    if not isinstance(form.held_on, date):
        raise ValidationError("请填写会议时间（日期）。")
    if form.held_on.year < 1921 or form.held_on.year > 2100:
        raise ValidationError(f"会议日期 {form.held_on.isoformat()} 不合理。")
    if final and form.held_on > today:
        raise ValidationError(f"会议日期 {cn(form.held_on)} 在今天之后：已定稿的记录只能是已经召开的会议。"
                              "计划中的会议请保存为草稿，会后再定稿。")
    if MeetingType.GROUP in form.types:
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
    if not form.attendance_known:
        # "attendance not recorded": 应到 may be known, 实到 is not; people named as 请假/缺席 stay named
        if any(a.status is AttendanceStatus.PRESENT for a in form.attendance):
            form.attendance = [a for a in form.attendance if a.status is not AttendanceStatus.PRESENT]
        form.expected = form.expected if form.expected is not None else 0
        if form.expected and len(form.attendance) > form.expected:
            raise ValidationError(f"应到人数（{form.expected}）少于请假和缺席的人数（{len(form.attendance)}）。")
        form.present = None
    complete = (form.attendance_known and bool(form.attendance)
                and (form.expected is None or form.expected == len(form.attendance)))
    if form.attendance_known and form.attendance and form.expected is not None \
            and form.expected < len(form.attendance):  # (not recorded: 应到 0 is "not given", checked above)
        raise ValidationError(f"应到人数（{form.expected}）少于名单上的人数（{len(form.attendance)}）。")
    if complete:
        form.expected = len(form.attendance)
        form.present = sum(1 for a in form.attendance if a.status is AttendanceStatus.PRESENT)
    elif form.attendance_known:
        form.expected = form.expected or 0
        form.present = form.present or 0
        absent = sum(1 for a in form.attendance if a.status is not AttendanceStatus.PRESENT)
        if form.present > form.expected:
            raise ValidationError(f"实到人数（{form.present}）不能多于应到人数（{form.expected}）。")
        if absent > form.expected - form.present:
            raise ValidationError(f"缺席和请假的有 {absent} 人，多于应到减实到（{form.expected - form.present}）人。")
    # votes: only at a 支部党员大会; the result is computed, never typed
    if form.votes and MeetingType.BRANCH_CONGRESS not in form.types:
        raise ValidationError("只有支部党员大会才有表决事项。")
    if form.held_on > today and any(v.in_favour or v.against or v.abstain or v.written_in_favour
                                    or v.written_against for v in form.votes):
        raise ValidationError(f"会议日期 {cn(form.held_on)} 在今天之后，还不能记录表决票数；会后再填写。")
    voters_expected = sum(1 for a in form.attendance if a.can_vote) if complete else None
    voters_present = (sum(1 for a in form.attendance if a.can_vote and a.status is AttendanceStatus.PRESENT)
                      if complete else None)
    for v in form.votes:
        v.kind = VoteKind(v.kind)
        v.method = VoteMethod(v.method) if v.method else None
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
    if form.appraisals and MeetingType.APPRAISAL not in form.types:
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
    if form.talk_pairs:
        ids = {i for pair in form.talk_pairs for i in pair}
        known = dict(s.execute(select(m.Member.id, m.Member.branch_id).where(m.Member.id.in_(ids))).tuples().all())
        if any(known.get(i) != branch_id for i in ids):
            raise ValidationError("谈话人和谈话对象应是本支部的党员。")
    return form


def _apply(s: Session, mt: m.Meeting, form: MeetingForm) -> None:
    mt.type = form.type
    mt.held_on = form.held_on
    mt.group_id = form.group_id
    mt.starts_at, mt.ends_at = form.starts_at, form.ends_at
    for key in TEXT_FIELDS:
        setattr(mt, key, getattr(form, key))
    mt.expected = form.expected
    mt.attendance_known = bool(form.attendance_known)
    mt.present = form.present if form.attendance_known and form.present is not None else 0
    old_also = {a.type: a for a in mt.also}
    also = []
    for position, t in enumerate(form.also, start=1):
        row = old_also.get(t) or m.MeetingAlsoType(type=t)
        row.position = position
        also.append(row)
    mt.also = also
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
                       written_against=v.written_against, quorum=v.quorum, passed=v.passed, method=v.method)
                for v in form.votes]
    old_app = {a.member_id: a for a in mt.appraisals}
    apps = []
    for a in form.appraisals:
        row = old_app.get(a.member_id) or m.AppraisalResult(member_id=a.member_id)
        row.outcome, row.note = a.outcome, a.note or ""
        apps.append(row)
    mt.appraisals = apps
    if mt.type is MeetingType.HEART_TALK:
        _sync_talk_pairs(s, mt, form)
    elif mt.talk_pairs:
        mt.talk_pairs = []


NAME_SEPARATORS = re.compile(r"[、，,；;/／\s]+")


def talk_names(text: str) -> list[str]:
    """The names written in a 谈话对象 cell: “张三、李四” → [张三, 李四]."""
    return [n for n in NAME_SEPARATORS.split(text or "") if n]


def _sync_talk_pairs(s: Session, mt: m.Meeting, form: MeetingForm) -> None:
    """Who talked with whom in a 谈心谈话 record: the ids picked from the roster, or else the names of
    谈话人 and 谈话对象 that name exactly one member of the branch (a name two members share, or one not on
    the roster, counts for nobody); pairs already recorded stay while their names are still written."""
    if form.talk_pairs is not None:
        wanted = list(dict.fromkeys((int(a), int(b)) for a, b in form.talk_pairs if a != b))
    else:
        names = [form.host.strip(), *talk_names(form.counterpart)]
        found: dict[str, list[int]] = defaultdict(list)
        ids_of: dict[int, str] = {}
        if any(names):
            for mid, name in s.execute(select(m.Member.id, m.Member.name).where(
                    m.Member.branch_id == mt.branch_id, m.Member.name.in_([n for n in names if n]))):
                found[name].append(mid)
                ids_of[mid] = name
        host, listeners = names[0], names[1:]
        wanted = [(p.talker_id, p.listener_id) for p in mt.talk_pairs
                  if ids_of.get(p.talker_id) == host and ids_of.get(p.listener_id) in listeners]
        kept = {ids_of[b] for _, b in wanted}
        if len(found.get(host, ())) == 1:
            for name in listeners:
                if name not in kept and len(found.get(name, ())) == 1 and found[name][0] != found[host][0]:
                    wanted.append((found[host][0], found[name][0]))
                    kept.add(name)
    old = {(p.talker_id, p.listener_id): p for p in mt.talk_pairs}
    mt.talk_pairs = [old.get(pair) or m.HeartTalkPair(talker_id=pair[0], listener_id=pair[1]) for pair in wanted]


def _snapshot(d: MeetingDetail | MeetingForm) -> dict[str, Any]:
    """The record as JSON-able text, for the audit log (old and new)."""
    out: dict[str, Any] = {}
    for key in ("type", "held_on", "group_id", "starts_at", "ends_at", *TEXT_FIELDS, "expected", "present"):
        value = getattr(d, key)
        out[key] = value.isoformat() if isinstance(value, (date, time)) else (
            value.value if isinstance(value, MeetingType) else value)
    out["also"] = [MeetingType(t).label for t in d.also]
    if not d.attendance_known:
        out["present"] = core.NOT_RECORDED
    out["attendance"] = [f"{a.name or a.member_id}:{AttendanceStatus(a.status).label}{'（' + a.reason + '）' if a.reason else ''}"
                         for a in d.attendance]
    out["votes"] = [f"{v.subject}：赞成{v.in_favour} 反对{v.against} 弃权{v.abstain} 书面赞成{v.written_in_favour}"
                    + (f" {VoteMethod(v.method).label}" if v.method else "") for v in d.votes]
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
        form = _clean(s, mt.branch_id, form, final=mt.state is MeetingState.FINAL)
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
    types = d.types
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
    if MeetingType.LECTURE in types and not d.lecturer.strip():
        need.append("主讲人")
    if not d.topics.strip() and not d.title.strip():
        need.append("议题")
    if MeetingType.GROUP in types and d.group_id is None:
        need.append("党小组")
    return need


UNANIMOUS_WORDS = ("一致同意", "一致通过", "全票通过", "一致决定")


def record_warnings(d: MeetingDetail | MeetingForm) -> list[str]:
    """What contradicts itself in a record, to check before it is finalised (not refused: the secretary
    may know better): the chair or the recorder marked absent, a 决议 that says 一致 over a split tally."""
    out = []
    by_name = {a.name: a for a in d.attendance}
    roles = (("谈话人", d.host),) if d.type is MeetingType.HEART_TALK else (("主持人", d.host), ("记录人", d.recorder))
    for role, name in roles:
        a = by_name.get(name.strip())
        if a is not None and a.status is not AttendanceStatus.PRESENT:
            out.append(f"{role}{a.name}在出席情况中记为{a.status.label}")
    split = [v for v in d.votes if v.against or v.abstain or v.written_against]
    said = next((w for w in UNANIMOUS_WORDS if w in d.resolutions), None)
    if said and split:
        v = split[0]
        out.append(f"决议写“{said}”，但“{v.subject}”的表决有反对{v.against + v.written_against}票、弃权{v.abstain}票")
    return out


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
