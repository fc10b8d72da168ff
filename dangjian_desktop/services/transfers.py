"""组织关系转接 and 流动党员: 转出 with its 介绍信 and 回执, 转入, 流动党员 details, 在职党员到社区报到,
and the TRANSFER-RECEIPT-3M reminder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangjian_desktop.core import meetings as core_meetings
from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import add_months, cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import Gender, MemberStatus, Severity, TransferDirection
from dangjian_desktop.core.member_check import MemberFields, completed, field_problems, probation_rule
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.shared import expect_version
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import settings

RECEIPT_RULE = "TRANSFER-RECEIPT-3M"
DEFAULT_VALID_DAYS = 30  # 介绍信 有效期: set per letter (local practice: about 10 days to 1 month, never over 3 months)
MAX_VALID_DAYS = 90


@dataclass(frozen=True)
class TransferInfo:
    """One 转出 or 转入 as the 组织关系 page and `export transfer-letter` read it."""

    id: int
    branch_id: int
    member_id: int
    name: str
    gender: Gender | None
    id_number: str
    direction: TransferDirection
    moved_on: date
    other_org: str
    reason: str
    letter_no: str
    valid_days: int | None
    dues_paid_to: date | None
    receipt_on: date | None
    notes: str
    version: int
    member_status: MemberStatus  # today's: a 转出 is transferred_out, a 转入 full or probationary

    @property
    def receipt_text(self) -> str:
        if self.direction is TransferDirection.IN:
            return ""
        return f"已收到（{cn(self.receipt_on)}）" if self.receipt_on else "未收到"

    def as_json(self) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"id": self.id, "member_id": self.member_id, "name": self.name, "direction": self.direction.value,
                "date": iso(self.moved_on), "organisation": self.other_org, "reason": self.reason,
                "letter_no": self.letter_no, "receipt_on": iso(self.receipt_on)}


def _info(t: m.Transfer, member: m.Member) -> TransferInfo:
    return TransferInfo(t.id, t.branch_id, t.member_id, member.name, member.gender, member.id_number or "", t.direction,
                        t.moved_on, t.other_org, t.reason, t.letter_no, t.valid_days, t.dues_paid_to, t.receipt_on,
                        t.notes, t.version, member.status)


def list_transfers(db: Database, branch_id: int, direction: TransferDirection | None = None,
                   year: int | None = None) -> list[TransferInfo]:
    """The branch's 转出 and 转入, newest first; of one direction and one year if asked."""
    q = (select(m.Transfer, m.Member).join(m.Member, m.Member.id == m.Transfer.member_id)
         .where(m.Transfer.branch_id == branch_id))
    if direction is not None:
        q = q.where(m.Transfer.direction == direction)
    if year is not None:
        q = q.where(m.Transfer.moved_on >= date(year, 1, 1), m.Transfer.moved_on <= date(year, 12, 31))
    with db.session() as s:
        return [_info(t, mem) for t, mem in s.execute(q.order_by(m.Transfer.moved_on.desc(), m.Transfer.id.desc()))]


def get_transfer(db: Database, transfer_id: int) -> TransferInfo:
    with db.session() as s:
        row = s.execute(select(m.Transfer, m.Member).join(m.Member, m.Member.id == m.Transfer.member_id)
                        .where(m.Transfer.id == transfer_id)).first()
        if row is None:
            raise NotFound(f"没有编号为 {transfer_id} 的组织关系转接记录。")
        return _info(*row)


def _not_future(on: date, today: date, what: str) -> None:
    if on > today:
        raise ValidationError(f"{what}（{cn(on)}）不能晚于今天。")


def _org(text: str, what: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError(f"请填写{what}。")
    if len(text) > 200:
        raise ValidationError(f"{what}太长（{len(text)}个字），最多200个字。")
    return text


def _letter_no(text: str) -> str:
    text = (text or "").strip()
    if len(text) > 50:
        raise ValidationError(f"介绍信编号太长（{len(text)}个字），最多50个字。")
    return text


def _valid_days(days: int | None) -> int | None:
    if days is None:
        return None
    if not 1 <= int(days) <= MAX_VALID_DAYS:
        raise ValidationError(f"介绍信有效期应为1至{MAX_VALID_DAYS}天（一般为10天至1个月，确需延长的不超过3个月）。")
    return int(days)


def dues_paid_to(db: Database, member_id: int) -> date | None:
    """The last month whose 党费 is recorded as settled (实缴, 补缴, 预交, 免缴), as its first day: what the
    介绍信 says the member has paid to."""
    with db.session() as s:
        row = s.execute(select(m.DuesPayment.year, m.DuesPayment.month).where(m.DuesPayment.member_id == member_id)
                        .order_by(m.DuesPayment.year.desc(), m.DuesPayment.month.desc()).limit(1)).first()
    return date(row[0], row[1], 1) if row else None


def transfer_out(db: Database, member_id: int, to: str, on: date, *, reason: str = "", letter_no: str = "",
                 valid_days: int | None = DEFAULT_VALID_DAYS, paid_to: date | None = None, notes: str = "",
                 version: int | None = None, today: date | None = None) -> TransferInfo:
    """转出: the member leaves the roll on `on` (the dated history keeps who they were before), with the
    介绍信's particulars; the 回执 is recorded when it comes back."""
    today = today or date.today()
    to = _org(to, "转往的党组织")
    _not_future(on, today, "转出日期")
    letter_no, valid_days = _letter_no(letter_no), _valid_days(valid_days)
    with db.transaction() as s:
        member = s.get(m.Member, member_id)
        if member is None:
            raise NotFound(f"没有编号为 {member_id} 的党员。")
        expect_version(member, version)
        transfer = leave_by_transfer(s, member, to, on, reason=reason, letter_no=letter_no, valid_days=valid_days,
                                     paid_to=paid_to, notes=notes)
        s.flush()
        transfer_id = transfer.id
    return get_transfer(db, transfer_id)


def leave_by_transfer(s: Session, member: m.Member, to: str, on: date, *, reason: str = "", letter_no: str = "",
                      valid_days: int | None = None, paid_to: date | None = None, notes: str = "") -> m.Transfer:
    """Within a transaction: the status change 转出 and its transfer record (members.leave_roll uses it too)."""
    if not member.status.on_roll:
        raise ValidationError(f"{member.name}已经不在名册上（{member.status.label}），不能再办理转出。")
    if member.joined_on and on < member.joined_on:
        raise ValidationError(f"转出日期（{cn(on)}）早于{member.name}的入党日期（{cn(member.joined_on)}）。")
    if member.arrived_on and on < member.arrived_on:
        raise ValidationError(f"转出日期（{cn(on)}）早于{member.name}转入本支部的日期（{cn(member.arrived_on)}）。")
    s.add(m.MemberStatusChange(member_id=member.id, status=MemberStatus.TRANSFERRED_OUT, changed_on=on,
                               reason=(reason or "").strip(), destination=to))
    member.status = MemberStatus.TRANSFERRED_OUT
    member.status_since = on
    end_floating_on_leaving(s, member, on)
    transfer = m.Transfer(branch_id=member.branch_id, member_id=member.id, direction=TransferDirection.OUT,
                          moved_on=on, other_org=to, reason=(reason or "").strip(), letter_no=letter_no,
                          valid_days=valid_days, dues_paid_to=paid_to.replace(day=1) if paid_to else None,
                          notes=(notes or "").strip())
    s.add(transfer)
    return transfer


def end_floating_on_leaving(s: Session, member: m.Member, on: date) -> None:
    """Leaving the roll ends a 流动党员 record still open (the branch no longer keeps them)."""
    for rec in s.scalars(select(m.FloatingRecord).where(m.FloatingRecord.member_id == member.id,
                                                        m.FloatingRecord.until.is_(None))):
        rec.until = max(on, rec.since)
    member.is_floating = False


def record_receipt(db: Database, transfer_id: int, on: date | None, *, version: int | None = None,
                   today: date | None = None) -> TransferInfo:
    """The 回执 of a 转出 came back on `on` (None: it had not, after all)."""
    today = today or date.today()
    with db.transaction() as s:
        t = s.get(m.Transfer, transfer_id)
        if t is None:
            raise NotFound(f"没有编号为 {transfer_id} 的组织关系转接记录。")
        if t.direction is not TransferDirection.OUT:
            raise ValidationError("回执只用于转出：转入的介绍信回执由本支部寄给对方。")
        expect_version(t, version)
        if on is not None:
            _not_future(on, today, "收到回执的日期")
            if on < t.moved_on:
                raise ValidationError(f"收到回执的日期（{cn(on)}）早于转出日期（{cn(t.moved_on)}）。")
        t.receipt_on = on
    return get_transfer(db, transfer_id)


def transfer_in(db: Database, branch_id: int, *, name: str, id_number: str, from_org: str, on: date,
                letter_no: str = "", reason: str = "", status: MemberStatus = MemberStatus.FULL,
                joined_on: date | None = None, full_member_on: date | None = None, group_id: int | None = None,
                phone: str = "", work_unit: str = "", today: date | None = None):
    """转入: someone arriving with a 介绍信 goes on the roll from `on`. 入党日期 and 转正日期 are not on the
    介绍信: when not given they stay empty (资料待补 from the 档案), never guessed. One person, one entry: an ID
    number already on file is refused."""
    from dangjian_desktop.services.members import _check_group, _column_values, _owner, get_member

    today = today or date.today()
    from_org = _org(from_org, "转出的党组织（从哪里转来）")
    _not_future(on, today, "转入日期")
    letter_no = _letter_no(letter_no)
    status = MemberStatus(status)
    if status not in (MemberStatus.FULL, MemberStatus.PROBATIONARY):
        raise ValidationError("转入的只能是正式党员或预备党员。")
    f = completed(MemberFields(name=name, id_number=id_number, status=status, joined_on=joined_on,
                               full_member_on=full_member_on, group_id=group_id, phone=phone, work_unit=work_unit))
    problems = field_problems(f, today, probation_rule(settings.rule_overrides(db)))
    for key, value in (("joined_on", joined_on), ("full_member_on", full_member_on)):
        if value is None:
            problems.pop(key, None)  # not on the 介绍信: unknown until the 档案 says, not wrong
    if problems:
        from dangjian_desktop.core.member_check import LABELS

        first = next(iter(problems))
        raise ValidationError(f"{LABELS.get(first, first)}：{problems[first]}")
    if joined_on and on < joined_on:
        raise ValidationError(f"转入日期（{cn(on)}）早于入党日期（{cn(joined_on)}）。")
    with db.transaction() as s:
        if s.get(m.Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        _check_group(s, branch_id, group_id)
        owner = _owner(s, f.id_number, None)
        if owner:
            raise ValidationError(f"身份证号 {f.id_number} 已经登记给 {owner}，同一个人不能登记两次；"
                                  "如果是同一数据库中另一个支部转来的，请在原支部查看其记录。")
        member = m.Member(branch_id=branch_id)
        for key, value in _column_values(f).items():
            setattr(member, key, value)
        member.arrived_on = on
        member.status_since = on
        s.add(member)
        s.flush()
        s.add(m.MemberStatusChange(member_id=member.id, status=status, changed_on=on, reason=f"由{from_org}转入"))
        s.add(m.Transfer(branch_id=branch_id, member_id=member.id, direction=TransferDirection.IN, moved_on=on,
                         other_org=from_org, reason=(reason or "").strip(), letter_no=letter_no))
        member_id = member.id
    return get_member(db, member_id)


def find_transfer_out(db: Database, branch_id: int, member_id: int) -> TransferInfo:
    """A member's latest 转出 (the one `export transfer-letter --id N` prints)."""
    with db.session() as s:
        member = s.get(m.Member, member_id)
        if member is None or member.branch_id != branch_id:
            raise NotFound(f"本支部没有编号为 {member_id} 的党员。")
        t = s.scalar(select(m.Transfer).where(m.Transfer.member_id == member_id,
                                             m.Transfer.direction == TransferDirection.OUT)
                     .order_by(m.Transfer.moved_on.desc(), m.Transfer.id.desc()).limit(1))
        if t is None:
            raise ValidationError(f"{member.name}没有转出记录：请先办理转出，再开具组织关系介绍信。")
        return _info(t, member)


# ---------------------------------------------------------------- the 回执 reminder


def receipt_findings(s: Session, ctx) -> Iterable[Finding]:
    """TRANSFER-RECEIPT-3M: a 转出 whose 回执 has not come back (by the day checked) within the months the
    branch sets, from the 转出 date; on the last day of the period it is overdue."""
    rule = rules.rule(RECEIPT_RULE)
    months = int(ctx.param(RECEIPT_RULE, "months"))
    rows = s.execute(
        select(m.Transfer.id, m.Transfer.branch_id, m.Transfer.moved_on, m.Transfer.other_org, m.Transfer.letter_no,
               m.Transfer.member_id, m.Member.name)
        .join(m.Member, m.Member.id == m.Transfer.member_id)
        .where(m.Transfer.branch_id.in_(ctx.branch_ids), m.Transfer.direction == TransferDirection.OUT,
               m.Transfer.moved_on <= ctx.as_of,
               m.Transfer.receipt_on.is_(None) | (m.Transfer.receipt_on > ctx.as_of))
        .order_by(m.Transfer.moved_on)).all()
    for tid, branch_id, moved_on, org, letter_no, member_id, name in rows:
        ends = add_months(moved_on, months)
        if ends > ctx.as_of:
            continue
        letter = f"（介绍信第{letter_no}号）" if letter_no else ""
        yield Finding(RECEIPT_RULE, Severity.OVERDUE, name, ends,
                      f"{cn(moved_on)}转往{org}{letter}，{months}个月内还没有收到回执。请联系接收的党组织和本人，"
                      f"查明是否已经接转；收到后在“组织关系 → 转出”中登记（依据{rule.citation}）。",
                      ref=("transfer", tid), branch_id=branch_id)


# ---------------------------------------------------------------- 流动党员


@dataclass(frozen=True)
class FloatingInfo:
    id: int
    member_id: int
    name: str
    since: date
    until: date | None
    place: str
    contact: str
    attends_elsewhere: bool
    host_org: str
    certificate_no: str
    notes: str

    @property
    def attends_text(self) -> str:
        return f"在{self.host_org}参加" if self.attends_elsewhere else "未参加流入地党组织的组织生活"


def list_floating(db: Database, branch_id: int, *, current_only: bool = False) -> list[FloatingInfo]:
    """The 流动党员 records of the branch's members, newest first (current ones only if asked)."""
    F = m.FloatingRecord
    q = (select(F, m.Member.name).join(m.Member, m.Member.id == F.member_id).where(m.Member.branch_id == branch_id))
    if current_only:
        q = q.where(F.until.is_(None))
    with db.session() as s:
        return [FloatingInfo(f.id, f.member_id, name, f.since, f.until, f.place, f.contact, f.attends_elsewhere,
                             f.host_org, f.certificate_no, f.notes)
                for f, name in s.execute(q.order_by(F.until.is_not(None), F.since.desc(), F.id.desc()))]


def save_floating(db: Database, member_id: int, *, since: date, place: str, contact: str = "",
                  attends_elsewhere: bool = False, host_org: str = "", certificate_no: str = "", notes: str = "",
                  record_id: int | None = None, today: date | None = None) -> FloatingInfo:
    """Record (or correct) where a 流动党员 is and whether they attend with another 党组织; the roster's
    流动 mark follows."""
    today = today or date.today()
    place = _org(place, "流向（现在在哪里）")
    _not_future(since, today, "外出日期")
    host_org = " ".join((host_org or "").split())
    if attends_elsewhere and not host_org:
        raise ValidationError("在流入地参加组织生活的，请填写是哪个党组织。")
    if len((contact or "").strip()) > 100 or len((certificate_no or "").strip()) > 50 or len(host_org) > 200:
        raise ValidationError("联系方式最多100个字，流动党员活动证编号最多50个字，党组织名称最多200个字。")
    with db.transaction() as s:
        member = s.get(m.Member, member_id)
        if member is None:
            raise NotFound(f"没有编号为 {member_id} 的党员。")
        if not member.status.on_roll:
            raise ValidationError(f"{member.name}已经不在名册上（{member.status.label}），不能登记为流动党员。")
        if record_id is None:
            if s.scalar(select(m.FloatingRecord.id).where(m.FloatingRecord.member_id == member_id,
                                                          m.FloatingRecord.until.is_(None))) is not None:
                raise ValidationError(f"{member.name}已登记为流动党员：请修改那条记录，或先登记返回。")
            rec = m.FloatingRecord(member_id=member_id)
            s.add(rec)
        else:
            rec = s.get(m.FloatingRecord, record_id)
            if rec is None or rec.member_id != member_id:
                raise NotFound("这条流动党员记录已不存在。")
        rec.since, rec.place, rec.contact = since, place, (contact or "").strip()
        rec.attends_elsewhere, rec.host_org = bool(attends_elsewhere), host_org if attends_elsewhere else ""
        rec.certificate_no, rec.notes = (certificate_no or "").strip(), (notes or "").strip()
        member.is_floating = rec.until is None
        s.flush()
        return FloatingInfo(rec.id, member_id, member.name, rec.since, rec.until, rec.place, rec.contact,
                            rec.attends_elsewhere, rec.host_org, rec.certificate_no, rec.notes)


def end_floating(db: Database, record_id: int, on: date, *, today: date | None = None) -> None:
    """The 流动党员 came back (or their 组织关系 moved for good) on `on`: the roster's 流动 mark goes."""
    today = today or date.today()
    _not_future(on, today, "返回日期")
    with db.transaction() as s:
        rec = s.get(m.FloatingRecord, record_id)
        if rec is None:
            raise NotFound("这条流动党员记录已不存在。")
        if on < rec.since:
            raise ValidationError(f"返回日期（{cn(on)}）早于外出日期（{cn(rec.since)}）。")
        rec.until = on
        s.get(m.Member, rec.member_id).is_floating = False


def floating_states(s: Session, members: list[tuple[int, bool]], as_of: date) -> dict[int, str]:
    """For MEMBER-INACTIVE-6M: what the 流动党员 record in force on `as_of` says of each (member_id,
    marked 流动 on the roster): core.meetings FLOATING_* values. A member with records, none in force then,
    was not floating; one marked 流动 with no record at all is `unrecorded` (asked about, not judged)."""
    out = {mid: core_meetings.FLOATING_NONE for mid, _ in members}
    ids = [mid for mid, _ in members]
    seen: set[int] = set()
    F = m.FloatingRecord
    for chunk in range(0, len(ids), 900):
        for mid, since, until, elsewhere in s.execute(
                select(F.member_id, F.since, F.until, F.attends_elsewhere)
                .where(F.member_id.in_(ids[chunk:chunk + 900])).order_by(F.member_id, F.since, F.id)).all():
            seen.add(mid)
            if since <= as_of and (until is None or until > as_of):
                out[mid] = core_meetings.FLOATING_ELSEWHERE if elsewhere else core_meetings.FLOATING_NOT_ELSEWHERE
    for mid, marked in members:
        if marked and mid not in seen:
            out[mid] = core_meetings.FLOATING_UNRECORDED
    return out


# ---------------------------------------------------------------- 在职党员到社区报到


@dataclass(frozen=True)
class CommunityReportInfo:
    id: int
    person_name: str
    work_unit: str
    reported_on: date
    service: str
    phone: str
    notes: str


def list_reports(db: Database, branch_id: int, year: int | None = None) -> list[CommunityReportInfo]:
    R = m.CommunityReport
    q = select(R).where(R.branch_id == branch_id)
    if year is not None:
        q = q.where(R.reported_on >= date(year, 1, 1), R.reported_on <= date(year, 12, 31))
    with db.session() as s:
        return [CommunityReportInfo(r.id, r.person_name, r.work_unit, r.reported_on, r.service, r.phone, r.notes)
                for r in s.scalars(q.order_by(R.reported_on.desc(), R.id.desc()))]


def add_report(db: Database, branch_id: int, *, person_name: str, work_unit: str, reported_on: date,
               service: str = "", phone: str = "", notes: str = "", today: date | None = None) -> CommunityReportInfo:
    """在职党员到社区报到: who reported, from which unit, when, what service they took on."""
    from dangjian_desktop.core.member_check import _PHONE

    today = today or date.today()
    person_name = " ".join((person_name or "").split())
    if not person_name or len(person_name) > 50:
        raise ValidationError("请填写报到党员的姓名（最多50个字）。")
    work_unit = _org(work_unit, "报到党员的工作单位")
    _not_future(reported_on, today, "报到日期")
    phone = (phone or "").strip()
    if phone and not _PHONE.match(phone):
        raise ValidationError(f"联系电话“{phone}”只能包含数字、空格、括号、+ 和 -。")
    with db.transaction() as s:
        if s.get(m.Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        r = m.CommunityReport(branch_id=branch_id, person_name=person_name, work_unit=work_unit,
                              reported_on=reported_on, service=(service or "").strip(), phone=phone,
                              notes=(notes or "").strip())
        s.add(r)
        s.flush()
        return CommunityReportInfo(r.id, r.person_name, r.work_unit, r.reported_on, r.service, r.phone, r.notes)


def delete_report(db: Database, report_id: int) -> None:
    """Remove a 报到 entered by mistake."""
    with db.transaction() as s:
        r = s.get(m.CommunityReport, report_id)
        if r is None:
            raise NotFound("这条报到记录已不存在。")
        s.delete(r)
