"""Export kinds of 三会一课: 会议记录, 会议记录本, 三会一课台账. Gathers the plain data the writers in reports/ print."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import AttendanceStatus, MeetingType
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.reports.meetings_ledger import CountLine, LedgerRow, write_meetings_ledger
from dangjian_desktop.reports.minutes import (
    Absentee,
    AppraisalLine,
    MinutesRecord,
    VoteLine,
    minutes_html,
    write_minutes,
)
from dangjian_desktop.reports.minutes_book import MinutesBook, write_minutes_book
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.branches import get_branch
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register

# the types whose record must state what was decided (others show 决议 only when written)
DECIDING_TYPES = frozenset({MeetingType.BRANCH_CONGRESS, MeetingType.COMMITTEE, MeetingType.ORG_LIFE,
                            MeetingType.APPRAISAL})


def _when(m: svc.MeetingDetail) -> str:
    text = cn(m.held_on)
    if m.starts_at:
        text += f" {m.starts_at:%H:%M}"
        if m.ends_at:
            text += f"—{m.ends_at:%H:%M}"
    return text


def _amendments(history) -> list[str]:
    out = []
    for h in history or []:
        if h.action == "amend":
            fields = "、".join(c[0] for c in h.changes)
            out.append(f"{h.at:%Y年%m月%d日}修改了{fields}，原因：{h.reason}。")
    return out


def minutes_record(m: svc.MeetingDetail, history=None) -> MinutesRecord:
    """The record as printed: labels in words, counts as recorded (None when not)."""
    talk = m.type is MeetingType.HEART_TALK
    extra = []
    if MeetingType.LECTURE in m.types:  # a 党课 at the 党员大会 names its lecturer too
        extra.append(("主讲人", m.lecturer))
    if MeetingType.GROUP in m.types:
        extra.append(("党小组", m.group_name))
    return MinutesRecord(
        id=m.id, held_on=m.held_on, type_label=m.type_label, title=m.title, branch_name=m.branch_name,
        is_final=m.is_final, when=_when(m), place=m.place, host=m.host, recorder=m.recorder, talk=talk,
        counterpart=m.counterpart, extra_rows=extra, expected=m.expected, present=m.present,
        absentees=[Absentee(a.name, a.status.label, a.reason) for a in m.attendance
                   if a.status is not AttendanceStatus.PRESENT],
        guests=m.guests, topics=m.topics, minutes=m.minutes, resolutions=m.resolutions,
        show_resolutions=bool(DECIDING_TYPES.intersection(m.types)),
        votes=[VoteLine(v.subject, v.kind.label, v.summary, v.written_against, v.method.label if v.method else "")
               for v in m.votes],
        appraisals=[AppraisalLine(a.name, a.outcome.label, a.note) for a in m.appraisals],
        amendments=_amendments(history))


def print_html(db: Database, meeting_id: int) -> str:
    """The record as HTML for the GUI's print preview and PDF."""
    m = svc.get_meeting(db, meeting_id)
    return minutes_html(minutes_record(m, svc.meeting_history(db, m.id)))


def export_minutes(db: Database, req: ExportRequest) -> Path:
    m = svc.get_meeting(db, req.record_id)
    if m.branch_id != req.branch_id:
        raise ValidationError(f"会议记录 {req.record_id} 属于“{m.branch_name}”，不是所选支部的记录。")
    return write_minutes(minutes_record(m, svc.meeting_history(db, m.id)), req.out)


def minutes_choices(db: Database, branch_id: int, year: int | None = None) -> list[tuple[int, str]]:
    """(id, “2025-03-05 支部委员会会议 研究本月工作”) for choosing a record on the 报表 page."""
    return [(x.id, f"{x.held_on.isoformat()} {x.type_label} {x.title}".strip())
            for x in sorted(svc.list_meetings(db, branch_id, year=year), key=lambda x: x.held_on)]


def minutes_book(db: Database, branch_id: int, year: int) -> MinutesBook:
    """Every record of the year, oldest first, with what the cover states."""
    ids = [s.id for s in svc.list_meetings(db, branch_id, year=year)]
    details = sorted(svc.get_meetings(db, list(reversed(ids))), key=lambda r: (r.held_on, r.id))
    histories = svc.meeting_histories(db, ids)
    records = [minutes_record(r, histories.get(r.id)) for r in details]
    recorders = [name for name, _ in Counter(r.recorder for r in details if r.recorder.strip()).most_common()]
    return MinutesBook(get_branch(db, branch_id).name, year, records,
                       details[0].held_on if details else None, details[-1].held_on if details else None,
                       recorders)


def export_minutes_book(db: Database, req: ExportRequest) -> Path:
    return write_minutes_book(minutes_book(db, req.branch_id, int(req.year)), req.out, req.progress)


def ledger_rows(db: Database, branch_id: int, year: int) -> list[LedgerRow]:
    return [LedgerRow(r.held_on, r.type_label, r.title or r.topics, r.host, r.recorder, r.expected, r.present,
                      r.absent_text, r.state.label)
            for r in sorted(svc.list_meetings(db, branch_id, year=year), key=lambda r: (r.held_on, r.id))]


def count_lines(db: Database, branch_id: int, year: int, as_of: date) -> list[CountLine]:
    counts = svc.year_counts(db, branch_id, year, as_of)
    grid = svc.year_grid(db, branch_id, year, as_of)
    lines = [CountLine(c.type.label, c.frequency, c.required, c.held, c.status, bool(c.missing), bool(c.pending))
             for c in counts]
    # each 党小组 on its own line: a group that fell behind must be visible
    for row in grid:
        if row.group_id is None:
            continue
        tc = svc.TypeCount(row.type, row.held, row.required, row.frequency.label, row.missing, row.pending)
        lines.append(CountLine(f"  其中：{row.label}", row.frequency.label, row.required, row.held, tc.status,
                               bool(row.missing), bool(row.pending)))
    return lines


def export_meetings_ledger(db: Database, req: ExportRequest) -> Path:
    year = int(req.year)
    as_of = min(date.today(), date(year, 12, 31))
    return write_meetings_ledger(get_branch(db, req.branch_id).name, year, ledger_rows(db, req.branch_id, year),
                                 count_lines(db, req.branch_id, year, as_of), req.out, as_of)


register(ExportKind("minutes-book", "会议记录本（全年）", ".docx", export_minutes_book, needs_year=True, order=20))
register(ExportKind("meetings-ledger", "三会一课台账", ".xlsx", export_meetings_ledger, needs_year=True, order=21))
register(ExportKind("minutes", "会议记录", ".docx", export_minutes, needs_id=True, id_label="会议",
                    order=22, choices=minutes_choices))
