"""组织生活会 整改: the items found at the 组织生活会 (problem, measure, owner, deadline), listed until they are
closed (销号) with a date and evidence; ORG-LIFE-RECTIFY findings for open items near or past their deadline;
the 整改台账 (.xlsx).

Every function that writes is one user action in one transaction; what is read is plain dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dangjian_desktop.core import rectification as core
from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import MeetingType, MemberStatus, Severity
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import settings

RULE = "ORG-LIFE-RECTIFY"
ON_ROLL = (MemberStatus.FULL, MemberStatus.PROBATIONARY)

OPEN, DUE, OVERDUE, CLOSED, STATE_LABELS = core.OPEN, core.DUE, core.OVERDUE, core.CLOSED, core.STATE_LABELS


@dataclass(frozen=True)
class RectificationItem:
    """One 整改 item as the page, the ledger and the findings read it."""

    id: int
    branch_id: int
    problem: str
    measure: str
    owner_member_id: int | None
    owner: str  # the member's name, or the free text (支部委员会)
    raised_on: date | None
    deadline: date
    meeting_id: int | None
    meeting: str  # 2025年12月18日组织生活会 ("" when none)
    closed_on: date | None
    closing_note: str
    attachments: int = 0

    def state(self, as_of: date, due_days: int) -> str:
        """整改中, 即将到期 (within `due_days` of the deadline), 已逾期, or 已销号, on the day `as_of`."""
        return core.state(self.deadline, self.closed_on, as_of, due_days)

    @property
    def short(self) -> str:
        """The problem in a few words, for a finding's subject and a message."""
        first = self.problem.strip().splitlines()[0] if self.problem.strip() else ""
        return first if len(first) <= 24 else first[:23] + "…"


@dataclass(frozen=True)
class RectificationLedger:
    """The 整改台账 as plain data for reports.rectification_ledger."""

    branch: str
    year: int | None
    as_of: date
    items: list[RectificationItem]
    due_days: int


def due_days(db_or_overrides) -> int:
    """How many days before its deadline an item is 即将到期 (the branch's own number, 设置 → 本地规则)."""
    overrides = db_or_overrides if isinstance(db_or_overrides, dict) else settings.rule_overrides(db_or_overrides)
    return int(rules.param_value(RULE, "due_days", overrides))


# ------------------------------------------------------------------ reading


def _meeting_label(held_on: date | None, title: str) -> str:
    if held_on is None:
        return ""
    return f"{cn(held_on)}{title or MeetingType.ORG_LIFE.label}"


def _items(s: Session, where) -> list[RectificationItem]:
    R, Mt = m.Rectification, m.Meeting
    counts = (select(func.count(m.Attachment.id)).where(m.Attachment.rectification_id == R.id)
              .correlate(R).scalar_subquery())
    rows = s.execute(
        select(R, m.Member.name, Mt.held_on, Mt.title, counts)
        .outerjoin(m.Member, m.Member.id == R.owner_member_id).outerjoin(Mt, Mt.id == R.meeting_id)
        .where(where).order_by(R.closed_on.is_not(None), R.deadline, R.id)).all()
    return [RectificationItem(r.id, r.branch_id, r.problem, r.measure, r.owner_member_id,
                              member_name or r.owner_name, r.raised_on, r.deadline, r.meeting_id,
                              _meeting_label(held_on, title), r.closed_on, r.closing_note, n or 0)
            for r, member_name, held_on, title, n in rows]


def list_items(db: Database, branch_id: int, *, open_only: bool | None = None) -> list[RectificationItem]:
    """The branch's items, open ones first by deadline; `open_only` True: not closed, False: closed only."""
    R = m.Rectification
    where = R.branch_id == branch_id
    if open_only is True:
        where = where & R.closed_on.is_(None)
    elif open_only is False:
        where = where & R.closed_on.is_not(None)
    with db.session() as s:
        return _items(s, where)


def get_item(db: Database, item_id: int) -> RectificationItem:
    with db.session() as s:
        found = _items(s, m.Rectification.id == item_id)
    if not found:
        raise NotFound("这条整改事项已经不存在（可能刚被删除）。")
    return found[0]


@dataclass(frozen=True)
class Choices:
    """What the editor offers: the members on the roll, and the branch's 组织生活会 records."""

    members: list[tuple[int, str]]
    meetings: list[tuple[int, str, date]]


def choices(db: Database, branch_id: int) -> Choices:
    with db.session() as s:
        members = s.execute(select(m.Member.id, m.Member.name)
                            .where(m.Member.branch_id == branch_id, m.Member.status.in_(ON_ROLL))
                            .order_by(m.Member.name_strokes, m.Member.name)).tuples().all()
        meetings = s.execute(_org_life(branch_id).order_by(m.Meeting.held_on.desc())).all()
    return Choices(list(members), [(mid, _meeting_label(held, title), held) for mid, held, title in meetings])


def _org_life(branch_id: int):
    """The branch's records that served as a 组织生活会 (its first type, or one of the others)."""
    Mt = m.Meeting
    also = select(m.MeetingAlsoType.meeting_id).where(m.MeetingAlsoType.type == MeetingType.ORG_LIFE)
    return select(Mt.id, Mt.held_on, Mt.title).where(
        Mt.branch_id == branch_id, or_(Mt.type == MeetingType.ORG_LIFE, Mt.id.in_(also)))


# ------------------------------------------------------------------ writing


@dataclass(frozen=True)
class ItemInput:
    """What the editor (or a test) gives for an item."""

    problem: str
    measure: str
    deadline: date | None
    owner_member_id: int | None = None
    owner_name: str = ""  # when no member: 支部委员会, 全体党员 …
    meeting_id: int | None = None
    raised_on: date | None = None  # None: the meeting's day, else today


def save_item(db: Database, branch_id: int, item_id: int | None, data: ItemInput, *,
              today: date | None = None) -> RectificationItem:
    """Add (item_id None) or change an item; refuses, with the reason, what does not hold together."""
    today = today or date.today()
    problem, measure, owner_name = data.problem.strip(), data.measure.strip(), data.owner_name.strip()
    if not problem:
        raise ValidationError("请写明查摆出的问题。")
    if data.deadline is None:
        raise ValidationError("请写明整改时限（哪一天以前完成）。")
    if data.owner_member_id is None and not owner_name:
        raise ValidationError("请写明责任人：从名单中选一位党员，或写明“支部委员会”等。")
    if len(owner_name) > 100:
        raise ValidationError("责任人一栏最多 100 个字。")
    with db.transaction() as s:
        if s.get(m.Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        meeting_day = None
        if data.meeting_id is not None:
            found = s.execute(_org_life(branch_id).where(m.Meeting.id == data.meeting_id)).first()
            if found is None:
                raise ValidationError("所选的来源会议不是本支部的组织生活会记录。")
            meeting_day = found.held_on
        if data.owner_member_id is not None:
            owner = s.get(m.Member, data.owner_member_id)
            if owner is None or owner.branch_id != branch_id:
                raise ValidationError("所选的责任人不在本支部的花名册上。")
            owner_name = owner.name
        raised = data.raised_on or meeting_day or today
        if raised > today:
            raise ValidationError(f"提出日期{cn(raised)}在今天之后：整改事项在组织生活会查摆问题之后登记。")
        if data.deadline < raised:
            raise ValidationError(f"整改时限{cn(data.deadline)}早于提出日期{cn(raised)}，请检查。")
        if item_id is None:
            row = m.Rectification(branch_id=branch_id)
            s.add(row)
        else:
            row = s.get(m.Rectification, item_id)
            if row is None or row.branch_id != branch_id:
                raise NotFound("这条整改事项已经不存在（可能刚被删除）。")
            if row.closed_on is not None and row.closed_on < raised:
                raise ValidationError(f"这一项已于{cn(row.closed_on)}销号，提出日期不能在销号之后。")
        row.problem, row.measure, row.deadline = problem, measure, data.deadline
        row.owner_member_id, row.owner_name = data.owner_member_id, owner_name
        row.meeting_id, row.raised_on = data.meeting_id, raised
        s.flush()
        item_id = row.id
    return get_item(db, item_id)


def close_item(db: Database, item_id: int, closed_on: date, note: str, *,
               today: date | None = None) -> RectificationItem:
    """销号: the item is done on `closed_on`, with a note on what was done (files may be attached to it)."""
    today = today or date.today()
    note = (note or "").strip()
    if closed_on > today:
        raise ValidationError(f"销号日期{cn(closed_on)}在今天之后：完成以后再销号。")
    if not note:
        raise ValidationError("请写明整改完成情况（做了什么、有何佐证），再销号。")
    with db.transaction() as s:
        row = s.get(m.Rectification, item_id)
        if row is None:
            raise NotFound("这条整改事项已经不存在（可能刚被删除）。")
        if row.closed_on is not None:
            raise ValidationError(f"这一项已于{cn(row.closed_on)}销号。")
        if row.raised_on is not None and closed_on < row.raised_on:
            raise ValidationError(f"销号日期{cn(closed_on)}早于提出日期{cn(row.raised_on)}，请检查。")
        row.closed_on, row.closing_note = closed_on, note
    return get_item(db, item_id)


def reopen_item(db: Database, item_id: int) -> RectificationItem:
    """取消销号 (a 销号 made by mistake): the item is open again; the note stays for the next 销号."""
    with db.transaction() as s:
        row = s.get(m.Rectification, item_id)
        if row is None:
            raise NotFound("这条整改事项已经不存在（可能刚被删除）。")
        row.closed_on = None
    return get_item(db, item_id)


def delete_item(db: Database, item_id: int) -> None:
    """Delete an item with its evidence files (撤销 brings both back until the program closes)."""
    from dangjian_desktop.services.attachments import forget_unused_contents

    with db.transaction() as s:
        row = s.get(m.Rectification, item_id)
        if row is None:
            raise NotFound("这条整改事项已经不存在（可能刚被删除）。")
        s.delete(row)
        forget_unused_contents(db, s)


# ------------------------------------------------------------------ findings


def check_provider(s: Session, ctx) -> Iterable[Finding]:
    """ORG-LIFE-RECTIFY: an item not closed by the day checked whose deadline has passed (`overdue`) or is
    within the reminder window (`due`). Items raised after that day are not yet there."""
    rule = rules.rule(RULE)
    window = int(ctx.param(RULE, "due_days"))
    R = m.Rectification
    open_on_day = (R.closed_on.is_(None) | (R.closed_on > ctx.as_of)) & \
        (R.raised_on.is_(None) | (R.raised_on <= ctx.as_of))
    for item in _items(s, R.branch_id.in_(ctx.branch_ids) & open_on_day &
                       (R.deadline <= ctx.as_of + timedelta(days=window))):
        state = item.state(ctx.as_of, window)
        where = f"（来源：{item.meeting}）" if item.meeting else ""
        if state == OVERDUE:
            yield Finding(RULE, Severity.OVERDUE, item.short, item.deadline,
                          f"整改事项：{item.short}{where}，责任人{item.owner}，整改时限{cn(item.deadline)}已过，"
                          f"尚未销号，请督促整改或说明情况（{rule.citation}）。",
                          ref=("rectification", item.id), branch_id=item.branch_id, label=f"整改：{item.short}")
        elif state == DUE:
            yield Finding(RULE, Severity.DUE, item.short, item.deadline,
                          f"整改事项：{item.short}{where}，责任人{item.owner}，整改时限为{cn(item.deadline)}，"
                          f"请按期完成并销号（{rule.citation}）。",
                          ref=("rectification", item.id), branch_id=item.branch_id, label=f"整改：{item.short}")


# ------------------------------------------------------------------ the 整改台账


def ledger(db: Database, branch_id: int, year: int | None = None, *, today: date | None = None) -> RectificationLedger:
    """The 整改台账: every item (without `year`) as of today; for year Y the items raised by Y-12-31 and not
    closed before Y-01-01, as they stood on Y-12-31 (today while the year runs)."""
    today = today or date.today()
    R = m.Rectification
    as_of = today if year is None else min(today, date(year, 12, 31))
    where = R.branch_id == branch_id
    if year is not None:
        where = where & (R.raised_on.is_(None) | (R.raised_on <= as_of)) & \
            (R.closed_on.is_(None) | (R.closed_on >= date(year, 1, 1)))
    with db.session() as s:
        name = s.scalar(select(m.Branch.name).where(m.Branch.id == branch_id))
        if name is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        items = _items(s, where)
    # a 销号 after the day the ledger shows is not yet there
    items = [i if i.closed_on is None or i.closed_on <= as_of else
             RectificationItem(i.id, i.branch_id, i.problem, i.measure, i.owner_member_id, i.owner, i.raised_on,
                               i.deadline, i.meeting_id, i.meeting, None, "", i.attachments) for i in items]
    items.sort(key=lambda i: (i.raised_on or date.min, i.deadline, i.id))
    return RectificationLedger(name, year, as_of, items, due_days(db))


def export_ledger(db: Database, req) -> Path:
    """整改台账 (.xlsx): every item, or with --year the items of that year as on Y-12-31."""
    from dangjian_desktop.reports.rectification_ledger import write_rectification_ledger

    if req.year is not None and not 1921 <= req.year <= 2200:
        raise ValidationError(f"年份 {req.year} 不合理。")
    return write_rectification_ledger(req.out, ledger(db, req.branch_id, req.year))


def _register() -> None:
    from dangjian_desktop.services.exports import ExportKind, register

    register(ExportKind("rectification", "组织生活会整改台账", ".xlsx", export_ledger, order=22))


_register()
