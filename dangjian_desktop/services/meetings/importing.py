"""三会一课: importing a past 台账 (all rows or none)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from dangjian_desktop.core.glossary import MeetingState, MeetingType
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import InputErrors, NotFound, ValidationError
from dangjian_desktop.services.meetings.model import AttendanceRow, MeetingForm
from dangjian_desktop.services.meetings.records import _apply, _clean, _detail, _names, _snapshot


@dataclass(frozen=True)
class ImportedMeeting:
    row: int
    action: str  # new | update | same
    held_on: date
    type: MeetingType
    topic: str
    group: str
    also: tuple[MeetingType, ...] = ()  # the other types of a combined row (主题党日暨支部党员大会)
    attendance_known: bool = True  # False: the row gives no 实到, so attendance is "not recorded"


@dataclass
class MeetingImportResult:
    file: str
    sheet: str
    rows: list[ImportedMeeting] = field(default_factory=list)

    @property
    def notes(self) -> list[str]:
        """What the preview says besides the counts: combined rows and rows without 实到."""
        out = []
        combined = sum(1 for r in self.rows if r.also)
        unknown = sum(1 for r in self.rows if not r.attendance_known)
        if combined:
            out.append(f"{combined} 次是合并召开的会议（如主题党日暨支部党员大会），在每一类中都算已开")
        if unknown:
            out.append(f"{unknown} 次没有实到人数，记为“出席情况未记录”（不算缺席，也不算出席）")
        return out

    @property
    def counts(self) -> dict[str, int]:
        out = {"new": 0, "update": 0, "same": 0}
        for r in self.rows:
            out[r.action] += 1
        return out


def _norm_group(text: str) -> str:
    return "".join(text.split()).removesuffix("会议").removesuffix("会")


def import_meetings(db: Database, branch_id: int, path, *, dry_run: bool = False,
                    progress: Callable[[int, int, str], None] | None = None) -> MeetingImportResult:
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
            if MeetingType.GROUP in (p.type, *p.also):
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
            # 实到 not in the file (no column, or a blank cell): attendance is unknown, never read as absence
            known = p.present is not None
            expected = p.expected if p.expected is not None else ((p.present or 0) + len(attendance) if known else 0)
            form = MeetingForm(type=p.type, held_on=p.held_on, group_id=group_id, title=p.topic, topics=p.topic,
                               host=p.host, recorder=p.recorder, place=p.place, lecturer=p.lecturer,
                               minutes=p.notes, attendance=attendance, expected=expected, present=p.present,
                               also=list(p.also), attendance_known=known)
            candidates = existing.get((p.held_on, p.type, group_id), [])
            same_topic = [mt for mt in candidates if mt.title == p.topic]
            target = same_topic[0] if same_topic else (candidates[0] if len(candidates) == 1 else None)
            plans.append((p, form, target))
        if problems:
            raise InputErrors(problems, summary=f"{parsed.file}：发现 {len(problems)} 处问题，未导入任何数据。"
                                                "请修改文件后重新导入。")
        result = MeetingImportResult(parsed.file, parsed.sheet)
        for i, (p, form, target) in enumerate(plans):
            if progress:  # a safe point: inside the one transaction, so 取消 rolls it all back
                progress(i, len(plans), f"正在导入第 {i + 1} 次会议，共 {len(plans)} 次")
            group = group_names.get(form.group_id, "")
            try:
                form = _clean(s, branch_id, form, final=True)
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
                for key in ("title", "host", "recorder", "expected", "present", "also", "attendance_known"):
                    setattr(merged, key, getattr(form, key))
                for key in ("topics", "place", "lecturer"):  # the ledger's one 主题 column never erases 议题
                    if getattr(form, key) and not getattr(merged, key):
                        setattr(merged, key, getattr(form, key))
                if form.minutes:
                    merged.minutes = form.minutes
                # a record with its own complete attendance list keeps it (ticks beat a ledger line);
                # otherwise the file's numbers and absentees replace the record's
                if not (before.attendance_known and before.attendance and len(before.attendance) == before.expected):
                    merged.attendance = form.attendance
                else:
                    merged.expected = merged.present = None
                    merged.attendance_known = True
                merged = _clean(s, branch_id, merged, final=True)
                old, new = _snapshot(before), _snapshot(_names(s, merged))
                changed = [k for k in new if old.get(k) != new.get(k)]
                action = "update" if changed else "same"
                if changed and not dry_run:
                    _apply(s, target, merged)
                    if target.state is MeetingState.FINAL:
                        s.add(m.AuditEntry(table_name="meetings", record_id=target.id, action="amend",
                                           reason=f"重新导入{parsed.file}第{p.row.number}行",
                                           old={k: old[k] for k in changed}, new={k: new[k] for k in changed}))
            result.rows.append(ImportedMeeting(p.row.number, action, form.held_on, form.type, p.topic, group,
                                               tuple(form.also), form.attendance_known))
        if problems:
            raise InputErrors(problems, summary=f"{parsed.file}：发现 {len(problems)} 处问题，未导入任何数据。"
                                                "请修改文件后重新导入。")
        return result
