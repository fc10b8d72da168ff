"""党员花名册: list, find, add, edit members; leaving the roll as dated history; roster import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from dangjian_desktop.core import idcard
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import Gender, MemberStatus
from dangjian_desktop.core.member_check import LABELS, MemberFields, completed, field_problems, probation_rule
from dangjian_desktop.core.membership import party_age, years_since_joining
from dangjian_desktop.core.names import name_keys
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.models import Attendance, AuditEntry, Branch, Member, MemberStatusChange, PartyGroup
from dangjian_desktop.db.shared import expect_version
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import settings
from dangjian_desktop.services.attachments import forget_unused_contents
from dangjian_desktop.services.importing import ImportReport, PlannedRow

LEAVING = (MemberStatus.TRANSFERRED_OUT, MemberStatus.DECEASED, MemberStatus.REMOVED)


@dataclass(frozen=True)
class MemberInfo:
    """One member as the roster shows it."""

    id: int
    branch_id: int
    branch: str
    name: str
    gender: Gender | None
    ethnicity: str
    birth_date: date | None
    native_place: str
    id_number: str
    education: str
    category: str
    work_unit: str
    joined_on: date | None
    full_member_on: date | None
    probation_extension_months: int
    party_post: str
    group_id: int | None
    group: str
    phone: str
    address: str
    status: MemberStatus
    status_since: date | None
    is_floating: bool
    is_lost_contact: bool
    dues_base: Decimal | None
    notes: str
    name_pinyin: str
    name_initials: str
    name_strokes: str
    version: int

    @property
    def on_roll(self) -> bool:
        return self.status.on_roll

    def party_age(self, today: date) -> int:
        """党龄 (from 转正日期)."""
        return party_age(self.full_member_on, today)

    def years_since_joining(self, today: date) -> int:
        """入党年限 (from 入党日期)."""
        return years_since_joining(self.joined_on, today)

    def fields(self) -> MemberFields:
        return MemberFields(**{k: getattr(self, k) for k in MemberFields.names()})

    def as_json(self) -> dict[str, Any]:
        """The keys of `members list --json` (shared/cli.md), and a few more."""
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "id": self.id, "name": self.name, "gender": self.gender.value if self.gender else None,
            "id_number": self.id_number, "birth_date": iso(self.birth_date), "joined_on": iso(self.joined_on),
            "full_member_on": iso(self.full_member_on), "status": self.status.value, "group": self.group or None,
            "branch": self.branch, "ethnicity": self.ethnicity, "phone": self.phone,
            "status_since": iso(self.status_since),
        }


@dataclass(frozen=True)
class StatusChangeInfo:
    status: MemberStatus
    changed_on: date
    reason: str
    destination: str


# the tables' own columns (Core), not the mapped attributes: listing members needs no ORM, whose first
# use configures every mapper (a tenth of a second a command would wait for)
_M, _B, _G = Member.__table__, Branch.__table__, PartyGroup.__table__
_COLUMNS = (
    _M.c.id, _M.c.branch_id, _B.c.name, _M.c.name, _M.c.gender, _M.c.ethnicity, _M.c.birth_date,
    _M.c.native_place, _M.c.id_number, _M.c.education, _M.c.category, _M.c.work_unit,
    _M.c.joined_on, _M.c.full_member_on, _M.c.probation_extension_months, _M.c.party_post,
    _M.c.group_id, _G.c.name, _M.c.phone, _M.c.address, _M.c.status, _M.c.status_since,
    _M.c.is_floating, _M.c.is_lost_contact, _M.c.dues_base, _M.c.notes, _M.c.name_pinyin,
    _M.c.name_initials, _M.c.name_strokes, _M.c.version,
)


def _select():
    return (select(*_COLUMNS).select_from(_M).join(_B, _B.c.id == _M.c.branch_id)
            .outerjoin(_G, _G.c.id == _M.c.group_id))


def _info(row) -> MemberInfo:
    values = list(row)
    values[8] = values[8] or ""  # id_number
    values[17] = values[17] or ""  # group name
    return MemberInfo(*values)


def list_members(db: Database, branch_id: int | None = None, *, on_roll_only: bool = False,
                 order: str = "strokes") -> list[MemberInfo]:
    """The members of a branch (all branches if None): 按姓氏笔画 order, or "pinyin"."""
    q, c = _select(), _M.c
    if branch_id is not None:
        q = q.where(c.branch_id == branch_id)
    if on_roll_only:
        q = q.where(c.status.in_([MemberStatus.FULL, MemberStatus.PROBATIONARY]))
    q = q.order_by(c.name_pinyin if order == "pinyin" else c.name_strokes, c.name, c.id)
    with db.engine.connect() as conn:
        return [_info(r) for r in conn.execute(q)]


def get_member(db: Database, member_id: int) -> MemberInfo:
    with db.session() as s:
        row = s.execute(_select().where(_M.c.id == member_id)).first()
        if row is None:
            raise NotFound(f"没有编号为 {member_id} 的党员。")
        return _info(row)


def status_history(db: Database, member_id: int) -> list[StatusChangeInfo]:
    """Every dated status change of a member, oldest first."""
    with db.session() as s:
        return [StatusChangeInfo(c.status, c.changed_on, c.reason, c.destination)
                for c in s.scalars(select(MemberStatusChange).where(MemberStatusChange.member_id == member_id)
                                   .order_by(MemberStatusChange.changed_on, MemberStatusChange.id))]


def id_number_owner(db: Database, number: str, exclude_id: int | None = None) -> str | None:
    """“张三（XX第一党支部）” if someone else already has this ID number, else None."""
    number = idcard.normalise(number)
    if not number:
        return None
    with db.session() as s:
        return _owner(s, number, exclude_id)


def _owner(s: Session, number: str, exclude_id: int | None) -> str | None:
    q = select(Member.name, Branch.name).join(Branch, Branch.id == Member.branch_id).where(Member.id_number == number)
    if exclude_id is not None:
        q = q.where(Member.id != exclude_id)
    row = s.execute(q).first()
    return f"{row[0]}（{row[1]}）" if row else None


def check_fields(db: Database, f: MemberFields, *, member_id: int | None = None,
                 today: date | None = None) -> dict[str, str]:
    """What the editor shows beside each field: the rules, plus an ID number already on file."""
    today = today or date.today()
    problems = field_problems(completed_copy(f), today, probation_rule(settings.rule_overrides(db)))
    if "id_number" not in problems and f.id_number:
        owner = id_number_owner(db, f.id_number, member_id)
        if owner:
            problems["id_number"] = id_taken(owner)
    return problems


def id_taken(owner: str) -> str:
    """What the editor says beside an ID number someone else (`owner`) already has."""
    return f"这个身份证号已经登记给 {owner}，同一个人不能登记两次。"


def completed_copy(f: MemberFields) -> MemberFields:
    return completed(MemberFields(**{k: getattr(f, k) for k in MemberFields.names()}))


def _refuse(problems: dict[str, str], who: str = "") -> None:
    if problems:
        first = next(iter(problems))
        lead = f"{who}：" if who else ""
        raise ValidationError(f"{lead}{LABELS.get(first, first)}：{problems[first]}")


def _check_group(s: Session, branch_id: int, group_id: int | None) -> None:
    if group_id is not None:
        g = s.get(PartyGroup, group_id)
        if g is None or g.branch_id != branch_id:
            raise ValidationError("所选党小组不属于这个支部。")


def _column_values(f: MemberFields, keys: Callable[[str], Any] = name_keys) -> dict[str, Any]:
    """The members columns the fields give: text stripped, the ID number normalised, the name keys."""
    values: dict[str, Any] = {}
    for key in MemberFields.names():
        value = getattr(f, key)
        if isinstance(value, str):
            value = value.strip()
        values[key] = value
    values["id_number"] = idcard.normalise(f.id_number) or None
    k = keys(values["name"])
    values["name_pinyin"], values["name_initials"], values["name_strokes"] = k.pinyin, k.initials, k.strokes
    return values


def _apply(m: Member, f: MemberFields) -> None:
    for key, value in _column_values(f).items():
        setattr(m, key, value)


def create_member(db: Database, branch_id: int, f: MemberFields, *, today: date | None = None) -> MemberInfo:
    """Add a member to a branch's roll; refuses what cannot be true and a second entry of one ID number."""
    today = today or date.today()
    f = completed_copy(f)
    if f.status not in (MemberStatus.FULL, MemberStatus.PROBATIONARY):
        raise ValidationError("新登记的党员只能是正式党员或预备党员；离开名册请在登记后办理。")
    _refuse(field_problems(f, today, probation_rule(settings.rule_overrides(db))))
    with db.transaction() as s:
        if s.get(Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        _check_group(s, branch_id, f.group_id)
        owner = _owner(s, f.id_number, None)
        if owner:
            raise ValidationError(f"身份证号 {f.id_number} 已经登记给 {owner}，同一个人不能登记两次。")
        m = Member(branch_id=branch_id)
        _apply(m, f)
        m.status_since = f.full_member_on if f.status == MemberStatus.FULL else f.joined_on
        s.add(m)
        s.flush()
        member_id = m.id
    return get_member(db, member_id)


def update_member(db: Database, member_id: int, f: MemberFields, *, version: int | None = None,
                  today: date | None = None) -> MemberInfo:
    """Save the editor's fields; `version` is the one the form was filled from."""
    today = today or date.today()
    f = completed_copy(f)
    with db.transaction() as s:
        m = s.get(Member, member_id)
        if m is None:
            raise NotFound(f"没有编号为 {member_id} 的党员。")
        expect_version(m, version)
        if not m.status.on_roll:
            f.status = m.status  # leaving the roll is changed only through its own action
        elif f.status not in (MemberStatus.FULL, MemberStatus.PROBATIONARY):
            raise ValidationError("离开名册（转出、去世等）请用“离开名册”办理，以便保留记录。")
        problems = field_problems(f, today, probation_rule(settings.rule_overrides(db)))
        _refuse(problems)
        _check_group(s, m.branch_id, f.group_id)
        owner = _owner(s, f.id_number, member_id)
        if owner:
            raise ValidationError(f"身份证号 {f.id_number} 已经登记给 {owner}，同一个人不能登记两次。")
        was, old_base = m.status, m.dues_base
        _apply(m, f)
        if m.dues_base != old_base:  # from this month on; earlier months keep theirs (services.dues)
            from dangjian_desktop.services.dues import roster_base_changed

            roster_base_changed(s, m, old_base, today)
        if was == MemberStatus.PROBATIONARY and f.status == MemberStatus.FULL:
            s.add(MemberStatusChange(member_id=m.id, status=MemberStatus.FULL, changed_on=f.full_member_on,
                                     reason="按期转正" if not f.probation_extension_months else "延长预备期后转正"))
            m.status_since = f.full_member_on
    return get_member(db, member_id)


def leave_roll(db: Database, member_id: int, status: MemberStatus, on: date, *, reason: str = "",
               destination: str = "", version: int | None = None, today: date | None = None) -> MemberInfo:
    """转出 / 去世 / 出党、停止党籍: a dated change kept in the history; the person stays under 历史."""
    today = today or date.today()
    status = MemberStatus(status)
    if status not in LEAVING:
        raise ValidationError("离开名册的方式只能是转出、去世或出党/停止党籍。")
    if on > today:
        raise ValidationError(f"日期（{cn(on)}）不能晚于今天。")
    if status == MemberStatus.TRANSFERRED_OUT and not destination.strip():
        raise ValidationError("转出请填写转往的党组织。")
    with db.transaction() as s:
        m = s.get(Member, member_id)
        if m is None:
            raise NotFound(f"没有编号为 {member_id} 的党员。")
        expect_version(m, version)
        if not m.status.on_roll:
            raise ValidationError(f"{m.name}已经不在名册上（{m.status.label}）。")
        if status == MemberStatus.TRANSFERRED_OUT:  # every 转出 has its transfer record (回执, 介绍信)
            from dangjian_desktop.services.transfers import leave_by_transfer

            leave_by_transfer(s, m, destination.strip(), on, reason=reason)
        else:
            if m.joined_on and on < m.joined_on:
                raise ValidationError(f"日期（{cn(on)}）早于{m.name}的入党日期（{cn(m.joined_on)}）。")
            s.add(MemberStatusChange(member_id=m.id, status=status, changed_on=on, reason=reason.strip(),
                                     destination=destination.strip()))
            from dangjian_desktop.services.transfers import end_floating_on_leaving

            end_floating_on_leaving(s, m, on)
        m.status = status
        m.status_since = on
    return get_member(db, member_id)


def delete_member(db: Database, member_id: int, reason: str) -> None:
    """Remove an entry made by mistake; logged in the audit log. Real departures use leave_roll."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("删除党员记录必须写明原因（例如“误录入”）。")
    info = get_member(db, member_id)
    with db.transaction() as s:
        used = s.scalar(select(func.count(Attendance.id)).where(Attendance.member_id == member_id)) or 0
        if used:
            raise ValidationError(f"{info.name}已有 {used} 条会议出勤记录，不能删除；"
                                  "如已离开本支部，请用“离开名册”办理。")
        from dangjian_desktop.db.models import AppraisalResult, HeartTalkPair

        talks = s.scalar(select(func.count(HeartTalkPair.id)).where(
            (HeartTalkPair.talker_id == member_id) | (HeartTalkPair.listener_id == member_id))) or 0
        appraised = s.scalar(select(func.count(AppraisalResult.id)).where(AppraisalResult.member_id == member_id)) or 0
        if talks or appraised:
            what = "、".join(t for t in (f"{talks} 次谈心谈话" if talks else "", f"{appraised} 次民主评议结果"
                                                                        if appraised else "") if t)
            raise ValidationError(f"{info.name}已有{what}的记录，不能删除；如已离开本支部，请用“离开名册”办理。")
        m = s.get(Member, member_id)
        old = {k: (v.isoformat() if isinstance(v, date) else str(v) if isinstance(v, Decimal) else
                   v.value if isinstance(v, (Gender, MemberStatus)) else v)
               for k, v in info.as_json().items()}
        s.add(AuditEntry(table_name="members", record_id=member_id, action="delete", reason=reason, old=old))
        s.delete(m)
        forget_unused_contents(db, s)  # the person's attachments went with them


# ---------------------------------------------------------------- roster import

# the one result type of every import (services/importing); the old names stay for the GUI and tests
ImportPreview = ImportReport
ImportRow = PlannedRow


def _plan(s: Session, branch_id: int, parsed, today: date, overrides,
          progress: Callable[[int, int, str], None] | None = None) -> tuple[ImportReport, list]:
    """What importing the read file would do, looking at the database only (nothing is written)."""
    preview = ImportReport("花名册", "人", parsed.file, parsed.sheet, columns=parsed.table.accounting,
                           refused=list(parsed.refused))
    rule = probation_rule(overrides)
    groups = {name: gid for gid, name in s.execute(select(PartyGroup.id, PartyGroup.name)
                                                   .where(PartyGroup.branch_id == branch_id))}
    plan: list = []
    # one query per 500 ID numbers rather than one per row (a 5,000-row file)
    numbers = [r.fields.id_number for r in parsed.rows]
    known: dict[str, Member] = {}
    for i in range(0, len(numbers), 500):
        known.update({m.id_number: m for m in s.scalars(select(Member).where(Member.id_number.in_(numbers[i:i + 500])))})
    branch_names = dict(s.execute(select(Branch.id, Branch.name)).tuples().all())
    for n, r in enumerate(parsed.rows):
        if progress and n % 200 == 0:  # a safe point: nothing is written while planning
            progress(n, len(parsed.rows), f"正在检查第 {n + 1} 行，共 {len(parsed.rows)} 行")
        f: MemberFields = r.fields
        existing = known.get(f.id_number)
        if existing is not None and existing.branch_id != branch_id:
            other = branch_names[existing.branch_id]
            preview.refused.append(f"{r.where_id}：身份证号已登记在“{other}”的{existing.name}名下；"
                                   "同一个人只能在一个支部的名册上，请先在原支部办理转出。")
            continue
        if existing is not None and not existing.status.on_roll:
            preview.refused.append(f"{r.where_id}：{existing.name}已于{cn(existing.status_since)}"
                                   f"{existing.status.label}，不再在名册上；如已重新转入，请在党员页面办理。")
            continue
        merged = MemberFields(**{k: getattr(existing, k) for k in MemberFields.names()}) if existing else MemberFields()
        for key in r.present:
            if key == "group_id":
                continue
            value = getattr(f, key)
            if existing is not None and value in (None, "") and key not in ("is_floating", "is_lost_contact"):
                continue  # a blank cell never erases what is stored
            setattr(merged, key, value)
        merged.id_number = f.id_number
        notes = list(r.notes)
        if existing is not None and f.name and existing.name != f.name:  # matched by ID number: said aloud
            notes.append(f"按身份证号与{existing.name}是同一人，姓名改为“{f.name}”")
        status_unknown = False
        if "status" not in r.present and existing is None:
            # the status is a fact in the file or nothing: a 转正日期 says 正式, none says nothing
            status_unknown = not merged.full_member_on
            merged.status = MemberStatus.FULL if merged.full_member_on else MemberStatus.PROBATIONARY
        if r.group_name is not None:
            if r.group_name and r.group_name not in groups:
                if r.group_name not in preview.new_groups:
                    preview.new_groups.append(r.group_name)
                merged.group_id = -1 - preview.new_groups.index(r.group_name)  # resolved when written
            elif r.group_name or existing is None:
                merged.group_id = groups.get(r.group_name) if r.group_name else None
        merged = completed(merged)
        problems = field_problems(merged, today, rule)
        if status_unknown:
            problems.setdefault("full_member_on", "没有转正日期，也没有写明是正式党员还是预备党员：已转正的请填写转正日期，"
                                                  "预备党员请在“人员类别”列写“预备党员”（转正日期不会按入党日期推算）。")
        if problems:
            for key, why in problems.items():
                preview.refused.append(f"{r.where(key)}：{why}")
            continue
        if existing is None:
            action, changes = "new", []
        else:
            changes = [LABELS[k] for k in MemberFields.names() if getattr(merged, k) != getattr(existing, k)]
            action = "update" if changes else "same"
        preview.rows.append(PlannedRow(r.number, merged.name, action, changes, notes))
        plan.append((action, existing.id if existing else None, merged))
    return preview, plan


def _write_plan(s: Session, branch_id: int, plan: list, preview: ImportReport,
                progress: Callable[[int, int, str], None] | None, today: date) -> None:
    new_group_ids: list[int] = []
    order = s.scalar(select(func.max(PartyGroup.sort_order)).where(PartyGroup.branch_id == branch_id)) or 0
    for i, name in enumerate(preview.new_groups):
        g = PartyGroup(branch_id=branch_id, name=name, sort_order=order + i + 1)
        s.add(g)
        s.flush()
        new_group_ids.append(g.id)
    total = len(plan)
    keys = cache(name_keys)  # a roster repeats many names; pinyin is the slow part of a key
    new_rows: list[dict[str, Any]] = []
    for i, (action, member_id, f) in enumerate(plan):
        if f.group_id is not None and f.group_id < 0:
            f.group_id = new_group_ids[-1 - f.group_id]
        if action == "new":
            # rows, not Member objects: the ORM's unit of work cost more than the rest of the import
            values = _column_values(f, keys)
            values.update(branch_id=branch_id, version=1,
                          status_since=f.full_member_on if f.status == MemberStatus.FULL else f.joined_on)
            new_rows.append(values)
            if len(new_rows) == _INSERT_BATCH:
                s.execute(insert(Member.__table__), new_rows)
                new_rows = []
        elif action == "update":
            m = s.get(Member, member_id)
            old_base = m.dues_base
            _apply(m, f)
            if m.dues_base != old_base:  # from this month on; earlier months keep theirs (services.dues)
                from dangjian_desktop.services.dues import roster_base_changed

                roster_base_changed(s, m, old_base, today)
        if progress and i % 200 == 0:
            progress(i, total, f"正在导入第 {i + 1} 人，共 {total} 人")
    if new_rows:
        s.execute(insert(Member.__table__), new_rows)


def roster_importer(db: Database, branch_id: int, path: str | Path, *, sheet: str | None = None,
                    today: date | None = None, progress: Callable[[int, int, str], None] | None = None):
    """The 花名册's part in the one import pipeline: the file is read once, here."""
    from dangjian_desktop.io.roster_import import read_roster
    from dangjian_desktop.services.importing import Importer

    today = today or date.today()
    overrides = settings.rule_overrides(db)
    if progress:
        progress(0, 1, "正在读取文件……")
    parsed = read_roster(Path(path), today, sheet=sheet)

    def plan(s: Session, progress):
        if s.get(Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        return _plan(s, branch_id, parsed, today, overrides, progress)

    return Importer("导入花名册前", plan, lambda s, work, report, progress: _write_plan(s, branch_id, work, report,
                                                                                  progress, today))


def preview_roster_import(db: Database, branch_id: int, path: str | Path, *, sheet: str | None = None,
                          today: date | None = None,
                          progress: Callable[[int, int, str], None] | None = None) -> ImportReport:
    """What importing the file would do: accepted rows (new, changed, unchanged), refused rows, every column."""
    from dangjian_desktop.services.importing import preview

    return preview(db, roster_importer(db, branch_id, path, sheet=sheet, today=today, progress=progress), progress)


def import_roster(db: Database, branch_id: int, path: str | Path, *, dry_run: bool = False, sheet: str | None = None,
                  today: date | None = None, progress: Callable[[int, int, str], None] | None = None) -> ImportReport:
    """Import a 花名册 in one transaction: every row is saved, or (any row refused) none is.

    People are matched by ID number: re-importing the same file changes nothing, a corrected
    file updates them, and a blank cell never erases what is stored. 党小组 named in the file that
    the branch lacks are created (listed in the preview first, so a misspelt name is seen before
    it is saved). A refused file writes nothing, not even its backup.
    """
    from dangjian_desktop.services.importing import run_import

    importer = roster_importer(db, branch_id, path, sheet=sheet, today=today, progress=progress)
    return run_import(db, importer, dry_run=dry_run, progress=progress)


_INSERT_BATCH = 1000


def member_count(db: Database, branch_id: int) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(Member.id)).where(Member.branch_id == branch_id)) or 0



def parse_typed_date(text: str) -> date | None:
    """A date as a person types it in a form (2005-07-01, 2005.7.1, 2005年7月1日); None if empty.

    Raises ValidationError with the reason, the same forms the roster import accepts.
    """
    from dangjian_desktop.io.table_reader import CellError, parse_date

    text = (text or "").strip()
    if not text:
        return None
    try:
        return parse_date(text)
    except CellError as exc:
        raise ValidationError(str(exc) + "。") from None
