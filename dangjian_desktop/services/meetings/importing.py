"""三会一课: importing a past 台账 through the one import pipeline (all rows or none)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import AttendanceStatus, MeetingState, MeetingType, MemberStatus
from dangjian_desktop.core.meetings import attendance_scope, types_label
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services.importing import Importer, ImportReport, PlannedRow, preview, run_import
from dangjian_desktop.services.meetings.attendance import _members_on
from dangjian_desktop.services.meetings.model import AttendanceRow, MeetingForm
from dangjian_desktop.services.meetings.records import _apply, _clean, _detail, _names, _snapshot

# the one result type of every import; the old names stay for callers
MeetingImportResult = ImportReport


def _norm_group(text: str) -> str:
    return "".join(text.split()).removesuffix("会议").removesuffix("会")


def _attendance(s: Session, branch_id: int, p, group_id: int | None, absentees: list[AttendanceRow]
                ) -> tuple[list[AttendanceRow], str]:
    """The attendance a ledger row gives, and a note for the preview (domain.md, issue 17 defect 3).

    A ledger lists absentees only. When its 应到 is the roll of that day (that 党小组's for a group
    meeting) and 应到 − absentees = 实到, everyone else on the roll attended. Otherwise who attended
    is unknown: only the listed absentees are recorded, nobody else is marked absent or present."""
    scope = attendance_scope([p.type, *p.also])  # a combined record: the widest of its types' rolls
    roll = _members_on(s, branch_id, p.held_on, group_id if scope == "group" else None)
    listed = {a.member_id for a in absentees}
    if p.expected is not None and p.present is not None and p.expected == len(roll) \
            and p.expected - len(absentees) == p.present and listed <= {mem.id for mem, _ in roll}:
        everyone = list(absentees) + [
            AttendanceRow(mem.id, mem.name, "", AttendanceStatus.PRESENT, "", st is MemberStatus.FULL)
            for mem, st in roll if mem.id not in listed]
        return everyone, f"应到 {p.expected} 人即当天名册，除所列缺席人员外记为到会 {p.present} 人"
    if p.expected is None or p.present is None:
        why = "台账没有写应到、实到人数"
    elif p.expected != len(roll):
        why = f"应到 {p.expected} 人与当天名册上的 {len(roll)} 人不符"
    else:
        why = f"应到 {p.expected} 人减去所列缺席 {len(absentees)} 人不等于实到 {p.present} 人"
    return list(absentees), f"出席情况不明（{why}）：只记录所列缺席人员，其他人是否到会无法确定"


def _label(p) -> str:
    return f"{cn(p.held_on)} {types_label([p.type, *p.also])}“{p.topic}”"


def _plan(s: Session, branch_id: int, parsed, progress) -> tuple[ImportReport, list]:
    """What importing the read ledger would do, looking at the database only (nothing is written)."""
    report = ImportReport("三会一课台账", "次会议", parsed.file, parsed.sheet, columns=parsed.table.accounting,
                          refused=list(parsed.refused))
    problems = report.refused
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
    for i, p in enumerate(parsed.rows):
        if progress and i % 50 == 0:
            progress(i, len(parsed.rows), f"正在检查第 {i + 1} 行，共 {len(parsed.rows)} 行")
        group_id = None
        if MeetingType.GROUP in (p.type, *p.also):
            key = _norm_group(p.group_text)
            group_id = groups.get(key) or next((gid for name, gid in groups.items() if key and key in name), None)
            if group_id is None:
                known = "、".join(group_names.values()) or "（本支部还没有党小组）"
                what = f"“{p.group_text}”" if p.group_text else "没有写明党小组"
                problems.append(f"{p.where('group' if 'group' in p.table.columns else 'type')}：党小组会{what}，"
                                f"不是本支部的党小组。本支部的党小组有：{known}。")
                continue
        absentees = []
        row_ok = True
        for a in p.absent:
            ids = by_name.get(a.name, [])
            if len(ids) != 1:
                why = "不在本支部党员名单中（请先导入花名册，或检查姓名）" if not ids else "在本支部有同名的几个人，无法区分"
                problems.append(f"{p.where('absent')}：缺席人员“{a.name}”{why}。")
                row_ok = False
                continue
            absentees.append(AttendanceRow(ids[0], a.name, "", a.status, a.reason, True))
        key = (p.held_on, p.type, group_id, p.topic)
        if key in seen_keys:
            problems.append(f"{p.where('topic')}：与第{seen_keys[key]}行是同一次会议（日期、类型、主题都相同）。")
            row_ok = False
        seen_keys[key] = p.row.number
        if not row_ok:
            continue
        attendance, attendance_note = _attendance(s, branch_id, p, group_id, absentees)
        # 实到 not in the file (no column, or a blank cell): attendance is "not recorded", never absence
        form = MeetingForm(type=p.type, held_on=p.held_on, group_id=group_id, title=p.topic, topics=p.topic,
                           host=p.host, recorder=p.recorder, place=p.place, lecturer=p.lecturer,
                           minutes=p.notes, attendance=attendance, expected=p.expected, present=p.present,
                           also=list(p.also), attendance_known=p.present is not None)
        # a meeting is the same one only with the same day, type, 党小组 and topic: two 支委会 on one day are two
        candidates = existing.get((p.held_on, p.type, group_id), [])
        same_topic = [mt for mt in candidates if mt.title == p.topic]
        target = same_topic[0] if same_topic else None
        notes = [attendance_note]
        if candidates and target is None:
            notes.append("同一天已有" + "、".join(f"“{mt.title}”" for mt in candidates) + f"，主题不同，作为另一次{p.type.label}新增")
        try:
            if target is None:
                form = _clean(s, branch_id, form)
                action, changes = "new", []
            else:
                form, changes, kept = _merge(s, branch_id, target, form)
                notes.extend(kept)
                action = "update" if changes else "same"
        except ValidationError as exc:
            problems.append(f"{p.where()}：{exc.message}")
            continue
        if "不明" in attendance_note:
            report.notices.append(f"第{p.row.number}行 {_label(p)}：{attendance_note}。")
        report.rows.append(PlannedRow(p.row.number, _label(p), action, changes, notes))
        plans.append((p, form, target, action))
    combined = sum(1 for p, *_ in plans if p.also)
    if combined:
        report.notices.append(f"{combined} 次是合并召开的会议（如主题党日暨支部党员大会），在每一类中都算已开。")
    return report, plans


def _merge(s: Session, branch_id: int, target: m.Meeting, form: MeetingForm) -> tuple[MeetingForm, list[str], list[str]]:
    """The stored record with the file's values: a blank cell never erases, and a one-line 备注 never
    replaces full minutes (issue 17, defect 5). Returns the form, the changed fields, and notes."""
    before = _detail(s, target)
    merged = before.form()
    kept = []
    merged.also = list(form.also)  # the type cell is never blank: it says every type the record served
    if form.attendance_known:
        merged.attendance_known = True
    for key in ("title", "host", "recorder", "topics", "place", "lecturer"):
        if getattr(form, key):
            if key == "topics" and merged.topics:  # the ledger's one 主题 column never erases 议题
                continue
            setattr(merged, key, getattr(form, key))
    if form.minutes and form.minutes != merged.minutes:
        if merged.minutes.strip():
            kept.append(f"备注“{form.minutes[:20]}”未替换已有的会议记录")
        else:
            merged.minutes = form.minutes
    # a record with its own complete attendance list keeps it (ticks beat a ledger line);
    # otherwise the file's numbers and absentees replace the record's
    if before.attendance and len(before.attendance) == before.expected:
        merged.expected = merged.present = None
    else:
        merged.attendance = form.attendance
        if form.expected is not None:
            merged.expected = form.expected
        if form.present is not None:
            merged.present = form.present
    merged = _clean(s, branch_id, merged)
    old, new = _snapshot(before), _snapshot(_names(s, merged))
    changed = [k for k in new if old.get(k) != new.get(k)]
    from dangjian_desktop.services.meetings.model import FIELD_LABELS

    labels = {"expected": "应到人数", "present": "实到人数", "attendance": "出席情况", "type": "类型",
              "held_on": "日期", "group_id": "党小组", **FIELD_LABELS}
    return merged, [labels.get(k, k) for k in changed], kept


def _write(s: Session, branch_id: int, plans: list, file: str, progress) -> None:
    for i, (p, form, target, action) in enumerate(plans):
        if progress:  # a safe point: inside the one transaction, so 取消 rolls it all back
            progress(i, len(plans), f"正在导入第 {i + 1} 次会议，共 {len(plans)} 次")
        if action == "new":
            mt = m.Meeting(branch_id=branch_id, type=form.type, held_on=form.held_on,
                           state=MeetingState.FINAL, finalised_at=datetime.now().replace(microsecond=0))
            s.add(mt)
            _apply(s, mt, form)
            s.flush()
            s.add(m.AuditEntry(table_name="meetings", record_id=mt.id, action="import",
                               reason=f"从{file}第{p.row.number}行导入"))
        elif action == "update":
            old = _snapshot(_detail(s, target))
            _apply(s, target, form)
            if target.state is MeetingState.FINAL:
                new = _snapshot(_names(s, form))
                changed = [k for k in new if old.get(k) != new.get(k)]
                s.add(m.AuditEntry(table_name="meetings", record_id=target.id, action="amend",
                                   reason=f"重新导入{file}第{p.row.number}行",
                                   old={k: old[k] for k in changed}, new={k: new[k] for k in changed}))


def meetings_importer(db: Database, branch_id: int, path, *, sheet: str | None = None, today: date | None = None):
    """The 三会一课台账's part in the one import pipeline: the file is read once, here."""
    from dangjian_desktop.io.meetings_import import read_ledger

    parsed = read_ledger(Path(path), sheet=sheet, today=today)
    return Importer("导入三会一课台账前", lambda s, progress: _plan(s, branch_id, parsed, progress),
                    lambda s, work, report, progress: _write(s, branch_id, work, parsed.file, progress))


def preview_meetings_import(db: Database, branch_id: int, path, *, sheet: str | None = None,
                            today: date | None = None,
                            progress: Callable[[int, int, str], None] | None = None) -> ImportReport:
    """What importing the ledger would do, read-only: rows, refusals, every column."""
    return preview(db, meetings_importer(db, branch_id, path, sheet=sheet, today=today), progress)


def import_meetings(db: Database, branch_id: int, path, *, dry_run: bool = False, sheet: str | None = None,
                    today: date | None = None,
                    progress: Callable[[int, int, str], None] | None = None) -> ImportReport:
    """Import a past 三会一课台账 in one transaction: every row, or (any row refused) none.

    Rows become final records (they are history kept elsewhere until now). Re-importing the same
    file changes nothing: a meeting is matched by date, type, 党小组 and topic. A corrected file
    updates the record (a blank cell never erases), and the change is logged like any amendment.
    """
    return run_import(db, meetings_importer(db, branch_id, path, sheet=sheet, today=today),
                      dry_run=dry_run, progress=progress)
