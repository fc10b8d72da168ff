"""Export kinds of the roster area: 党员花名册, 政治生日一览表, 政治生日贺卡."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import birthdays, members
from dangjian_desktop.services.branches import get_branch
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register


def roster_on(db: Database, branch_id: int, day: date) -> list[members.MemberInfo]:
    """The roll on a day from the dated history: who was a member then, with the status of that day
    (a 转正 after it is not shown yet; someone who left after it is still listed)."""
    from dataclasses import replace

    from dangjian_desktop.services.meetings.attendance import _members_on

    with db.session() as s:
        status = {mem.id: st for mem, st in _members_on(s, branch_id, day)}
    out = []
    for m in members.list_members(db, branch_id):
        if m.id not in status:
            continue
        full = m.full_member_on if m.full_member_on is not None and m.full_member_on <= day else None
        out.append(replace(m, status=status[m.id], full_member_on=full))
    return out


def roster_day(req: ExportRequest, today: date) -> date:
    """--as-of, else the year's last day for a year's documents (the year package), else today."""
    if req.as_of is not None:
        if req.as_of > today:
            raise ValidationError(f"截至日期{req.as_of.isoformat()}在今天之后，花名册只能反映已经发生的情况。")
        return req.as_of
    if req.year is not None:
        return birthdays.year_end(_year(req.year), today)
    return today


def export_roster(db: Database, req: ExportRequest, *, today: date | None = None) -> Path:
    """The members on the roll on the day asked (today by default), 按姓氏笔画; `mask` hides the middle
    of ID and phone numbers."""
    from dangjian_desktop.reports.roster import write_roster

    today = today or date.today()
    branch = get_branch(db, req.branch_id)
    day = roster_day(req, today)
    people = (members.list_members(db, req.branch_id, on_roll_only=True) if day == today
              else roster_on(db, req.branch_id, day))
    if req.member_ids is not None:
        chosen = set(req.member_ids)
        people = [m for m in people if m.id in chosen]
    return write_roster(req.out, branch.name, people, day, mask=req.mask, progress=req.progress)


def export_birthdays(db: Database, req: ExportRequest, *, today: date | None = None) -> Path:
    from dangjian_desktop.reports.birthdays import write_birthdays

    branch = get_branch(db, req.branch_id)
    year = _year(req.year)
    fifty = birthdays.fifty_years_list(db, req.branch_id, year)
    return write_birthdays(req.out, branch.name, year, birthdays.birthdays_in_year(db, req.branch_id, year), fifty,
                           today or date.today(), {b.member_id for b in fifty if birthdays.is_newly_eligible(b, year)})


def export_birthday_cards(db: Database, req: ExportRequest) -> Path:
    """A card for everyone with a political birthday in the year, or for the people chosen."""
    from dangjian_desktop.reports.birthday_cards import write_cards

    branch = get_branch(db, req.branch_id)
    year = _year(req.year)
    cards = birthdays.birthdays_in_year(db, req.branch_id, year)
    if req.member_ids is not None:
        chosen = set(req.member_ids)
        cards = [b for b in cards if b.member_id in chosen]
        if not cards:
            raise ValidationError(f"所选党员{year}年没有政治生日（入党当年没有），没有可制作的贺卡。")
    return write_cards(req.out, branch.name, year, cards)


def _year(year: int | None) -> int:
    year = year or date.today().year
    if not 1921 <= year <= 2200:
        raise ValidationError(f"年份 {year} 不合理。")
    return year


register(ExportKind("roster", "党员花名册", ".xlsx", export_roster, order=30, extra={"as_of": True}))
register(ExportKind("birthdays", "党员政治生日一览表", ".xlsx", export_birthdays, needs_year=True, order=31))
register(ExportKind("birthday-cards", "政治生日贺卡", ".docx", export_birthday_cards, needs_year=True, order=32))
