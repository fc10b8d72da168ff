"""三会一课 records: create from a template, attendance, votes, appraisal, finalise and amend,
listing and full-text search, the year grid, attendance per member, and the MEET-* checks.

A package along the seams of the work: `model` (the plain data), `attendance` (who was expected,
attendance per member), `records` (read, save, finalise, history), `listing` (list and search),
`due` (the year grid and the findings), `importing` (a past 台账). Everything callers use is
importable from here.
"""

from dangjian_desktop.services.meetings.attendance import (
    MemberAttendance,
    attendance_by_member,
    expected_attendees,
    status_on,
)
from dangjian_desktop.services.meetings.due import (
    TypeCount,
    inactive_members,
    meeting_findings,
    records_start,
    year_counts,
    year_grid,
)
from dangjian_desktop.services.meetings.importing import MeetingImportResult, import_meetings, preview_meetings_import
from dangjian_desktop.services.meetings.listing import list_meetings, meeting_years
from dangjian_desktop.services.meetings.model import (
    FIELD_LABELS,
    SHORT_LIMIT,
    TEXT_FIELDS,
    AppraisalRow,
    AttendanceRow,
    MeetingDetail,
    MeetingForm,
    MeetingSummary,
    VoteRow,
)
from dangjian_desktop.services.meetings.records import (
    AuditInfo,
    delete_meeting,
    finalise_meeting,
    get_meeting,
    get_meetings,
    meeting_histories,
    meeting_history,
    missing_for_final,
    new_meeting,
    record_final,
    record_warnings,
    save_meeting,
)

__all__ = [
    "FIELD_LABELS", "SHORT_LIMIT", "TEXT_FIELDS", "AppraisalRow", "AttendanceRow", "AuditInfo",
    "MeetingDetail", "MeetingForm", "MeetingImportResult", "MeetingSummary", "MemberAttendance", "TypeCount",
    "VoteRow", "attendance_by_member", "delete_meeting", "expected_attendees", "finalise_meeting", "get_meeting",
    "get_meetings", "import_meetings", "preview_meetings_import", "inactive_members", "list_meetings", "meeting_findings", "meeting_histories",
    "meeting_history", "meeting_years", "missing_for_final", "new_meeting", "record_final", "records_start", "save_meeting",
    "record_warnings", "status_on", "year_counts", "year_grid",
]
