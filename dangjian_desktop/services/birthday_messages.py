"""政治生日 messages to send: each person's message in the branch's wording, for a period, as a list to
copy and as a .csv (姓名, 手机号, 短信内容) that SMS platforms import. Nothing is sent from here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from dangjian_desktop.core import birthday_messages as core
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import birthdays as bd
from dangjian_desktop.services import settings

TEMPLATE_KEY = "birthday_message_template"  # per branch (settings scope branch:ID)


@dataclass(frozen=True)
class Recipient:
    """One person with a political birthday in the period: what the message is made of, and the phone."""

    member_id: int
    phone: str  # "" when the roster has none
    fields: core.MessageFields

    @property
    def name(self) -> str:
        return self.fields.name

    @property
    def day(self) -> date:
        return self.fields.day


@dataclass(frozen=True)
class Message:
    member_id: int
    name: str
    phone: str
    day: date
    text: str


@dataclass(frozen=True)
class MessageBatch:
    """The messages of a period, by date; `without_phone` names who has no phone on the roster."""

    branch: str
    label: str  # 2026年7月
    messages: list[Message]

    @property
    def without_phone(self) -> list[str]:
        return [msg.name for msg in self.messages if not msg.phone]


def template(db: Database, branch_id: int) -> str:
    """The branch's wording (the default until it saves its own)."""
    saved = settings.get(db, TEMPLATE_KEY, scope=settings.branch_scope(branch_id))
    return saved if isinstance(saved, str) and saved.strip() else core.DEFAULT_TEMPLATE


def save_template(db: Database, branch_id: int, text: str) -> str:
    """Keep the branch's wording; the default wording (or an empty box) goes back to the default."""
    text = (text or "").strip()
    if not text or text == core.DEFAULT_TEMPLATE:
        settings.put(db, TEMPLATE_KEY, None, scope=settings.branch_scope(branch_id))
        return core.DEFAULT_TEMPLATE
    problem = core.template_problem(text)
    if problem:
        raise ValidationError(problem)
    settings.put(db, TEMPLATE_KEY, text, scope=settings.branch_scope(branch_id))
    return text


def recipients(db: Database, branch_id: int, start: date, end: date) -> tuple[str, list[Recipient]]:
    """(branch name, everyone on today's roll whose political birthday falls from `start` to `end`), by date."""
    with db.session() as s:
        branch = s.scalar(select(m.Branch.name).where(m.Branch.id == branch_id))
        if branch is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
    birthdays = bd.birthdays_between(db, branch_id, start, end)
    ids = sorted({b.member_id for b in birthdays})
    phones: dict[int, str] = {}
    with db.session() as s:
        for chunk in range(0, len(ids), 900):
            phones.update(s.execute(select(m.Member.id, m.Member.phone)
                                    .where(m.Member.id.in_(ids[chunk:chunk + 900]))).tuples().all())
    return branch, [Recipient(b.member_id, (phones.get(b.member_id) or "").strip(),
                              core.MessageFields(b.name, b.joined_on, b.day, b.years, b.party_age, branch))
                    for b in birthdays]


def compose(branch: str, label: str, people: list[Recipient], wording: str) -> MessageBatch:
    """Each person's message in `wording` (refused with the reason when it cannot be used)."""
    problem = core.template_problem(wording)
    if problem:
        raise ValidationError(problem)
    return MessageBatch(branch, label, [Message(r.member_id, r.name, r.phone, r.day, core.render(wording, r.fields))
                                        for r in people])


def batch(db: Database, branch_id: int, period: core.Period, wording: str | None = None) -> MessageBatch:
    """The messages of `period` in the branch's wording (or `wording`)."""
    branch, people = recipients(db, branch_id, period.start, period.end)
    return compose(branch, period.label, people, wording if wording is not None else template(db, branch_id))


def clipboard_text(b: MessageBatch) -> str:
    """复制全部: each person's name and phone over the message, a blank line between people."""
    return "\n\n".join(f"{msg.name}（{msg.phone or '无手机号'}）\n{msg.text}" for msg in b.messages)


# ------------------------------------------------------------------ export


def write_batch(out: Path, b: MessageBatch, *, mask: bool = False) -> Path:
    """The messages of `b` (as composed, in the wording shown) to the .csv SMS platforms import."""
    from dangjian_desktop.reports.birthday_messages import write_birthday_messages

    return write_birthday_messages(out, [(msg.name, msg.phone, msg.text) for msg in b.messages], mask=mask)


def export_messages(db: Database, req) -> Path:
    """birthday-messages (.csv): --year for the whole year, --as-of for that day's month (today's month
    without either). Who has no phone is named in the file (phone empty) and in `req.notes`."""
    if req.year is not None and req.as_of is not None:
        raise ValidationError("生日短信按 --year 导出全年，或按 --as-of 导出那一天所在的月份，两者只能给一个。")
    if req.year is not None:
        if not 1921 <= req.year <= 2200:
            raise ValidationError(f"年份 {req.year} 不合理。")
        chosen = core.period(core.WHOLE_YEAR, date.today(), req.year)
    else:
        chosen = core.month_period(req.as_of or date.today())
    result = batch(db, req.branch_id, chosen)
    path = write_batch(req.out, result, mask=req.mask)
    missing = result.without_phone
    req.notes.append(f"{result.label}共 {len(result.messages)} 人过政治生日。")
    if missing:
        req.notes.append(f"{len(missing)} 人没有手机号（{'、'.join(missing)}），文件中这几行的手机号为空，"
                         "请在花名册补上或另行通知。")
    return path


def _register() -> None:
    from dangjian_desktop.services.exports import ExportKind, register

    register(ExportKind("birthday-messages", "政治生日短信", ".csv", export_messages, order=33,
                        extra={"as_of": True, "in_package": False}))


_register()
