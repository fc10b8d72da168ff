"""组织生活会 整改: items with their deadlines, 销号 with a date and evidence, the ORG-LIFE-RECTIFY findings at
their boundaries, the 整改台账, and the demo's items."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from dangjian_desktop.core import rectification as core
from dangjian_desktop.core.glossary import MeetingType, Severity
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import attachments as att
from dangjian_desktop.services import meetings as mt
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import rectification as rs
from dangjian_desktop.services import settings, undo
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.check import run_check
from dangjian_desktop.services.exports import ExportRequest, run_export
from tests.roster_files import id_for

TODAY = date(2026, 11, 23)


@pytest.fixture
def branch(db):
    b = create_branch(db, "测试第一党支部")
    owner = ms.create_member(db, b.id, MemberFields(name="王芳", id_number=id_for(date(1980, 5, 17), False, 1),
                                                    joined_on=date(2005, 7, 1), full_member_on=date(2006, 7, 1)),
                             today=TODAY).id
    meeting = mt.new_meeting(db, b.id, MeetingType.ORG_LIFE, date(2025, 12, 18), title="2025年度组织生活会").id
    other = mt.new_meeting(db, b.id, MeetingType.COMMITTEE, date(2025, 12, 1)).id
    return b.id, owner, meeting, other


def _add(db, branch_id, deadline, *, owner_id=None, owner="支部委员会", meeting=None, raised=None, problem="学习不够系统"):
    return rs.save_item(db, branch_id, None, rs.ItemInput(problem, "制定学习计划", deadline, owner_id, owner, meeting,
                                                          raised), today=TODAY)


def _findings(db, as_of):
    return [f for f in run_check(db, None, as_of) if f.rule == rs.RULE]


def test_an_item_names_a_member_or_the_committee_and_its_source_meeting(db, branch):
    branch_id, owner, meeting, _other = branch
    item = _add(db, branch_id, date(2026, 3, 31), owner_id=owner, owner="", meeting=meeting)
    assert (item.owner, item.owner_member_id, item.raised_on) == ("王芳", owner, date(2025, 12, 18))
    assert item.meeting == "2025年12月18日2025年度组织生活会"
    committee = _add(db, branch_id, date(2026, 12, 31))
    assert (committee.owner, committee.owner_member_id, committee.raised_on) == ("支部委员会", None, TODAY)
    # open ones first, by deadline; the filter
    assert [i.id for i in rs.list_items(db, branch_id, open_only=True)] == [item.id, committee.id]
    assert rs.list_items(db, branch_id, open_only=False) == []


def test_what_does_not_hold_together_is_refused_and_nothing_is_written(db, branch):
    branch_id, owner, meeting, other = branch
    cases = [
        (rs.ItemInput("", "措施", date(2026, 12, 1), owner_name="支部委员会"), "问题"),
        (rs.ItemInput("问题", "措施", None, owner_name="支部委员会"), "整改时限"),
        (rs.ItemInput("问题", "措施", date(2026, 12, 1)), "责任人"),
        (rs.ItemInput("问题", "措施", date(2026, 12, 1), owner_name="支委会", meeting_id=other), "不是本支部的组织生活会"),
        (rs.ItemInput("问题", "措施", date(2026, 12, 1), owner_name="支委会", raised_on=TODAY + timedelta(days=1)),
         "今天之后"),
        (rs.ItemInput("问题", "措施", date(2025, 12, 17), owner_name="支委会", meeting_id=meeting), "早于提出日期"),
        (rs.ItemInput("问题", "措施", date(2026, 12, 1), owner_member_id=owner + 99), "不在本支部"),
    ]
    for data, reason in cases:
        with pytest.raises(ValidationError, match=reason):
            rs.save_item(db, branch_id, None, data, today=TODAY)
    assert rs.list_items(db, branch_id) == []


def test_a_meeting_that_served_as_org_life_among_others_is_a_source(db, branch):
    branch_id = branch[0]
    combined = mt.new_meeting(db, branch_id, MeetingType.BRANCH_CONGRESS, date(2026, 1, 10),
                              also=[MeetingType.ORG_LIFE]).id
    assert combined in [mid for mid, _label, _d in rs.choices(db, branch_id).meetings]
    assert _add(db, branch_id, date(2026, 6, 30), meeting=combined).raised_on == date(2026, 1, 10)


def test_closing_needs_a_date_not_after_today_and_a_note_and_keeps_evidence(db, branch, workdir):
    branch_id = branch[0]
    item = _add(db, branch_id, date(2026, 12, 31), raised=date(2026, 1, 5))
    with pytest.raises(ValidationError, match="今天之后"):
        rs.close_item(db, item.id, TODAY + timedelta(days=1), "已完成", today=TODAY)
    with pytest.raises(ValidationError, match="完成情况"):
        rs.close_item(db, item.id, TODAY, "  ", today=TODAY)
    with pytest.raises(ValidationError, match="早于提出日期"):
        rs.close_item(db, item.id, date(2026, 1, 4), "已完成", today=TODAY)
    assert rs.get_item(db, item.id).closed_on is None
    scan = workdir / "学习计划.pdf"
    scan.write_bytes(b"%PDF-1.4 plan")
    att.add_attachment(db, "rectification", item.id, scan)
    closed = rs.close_item(db, item.id, TODAY, "学习计划已执行，记录归档", today=TODAY)
    assert (closed.closed_on, closed.closing_note, closed.attachments) == (TODAY, "学习计划已执行，记录归档", 1)
    with pytest.raises(ValidationError, match="已于2026年11月23日销号"):
        rs.close_item(db, item.id, TODAY, "再次", today=TODAY)
    assert rs.list_items(db, branch_id, open_only=True) == []
    assert rs.reopen_item(db, item.id).closed_on is None  # a 销号 made by mistake


def test_deleting_takes_the_evidence_along_and_undo_brings_both_back(db, branch, workdir):
    branch_id = branch[0]
    item = _add(db, branch_id, date(2026, 12, 31))
    photo = workdir / "整改照片.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    stored = att.add_attachment(db, "rectification", item.id, photo)
    gone = undo.delete(db, "rectifications", item.id, "整改事项", rs.delete_item)
    assert rs.list_items(db, branch_id) == []
    assert att.list_attachments(db, "rectification", item.id) == []
    undo.restore(db, gone)
    back = att.list_attachments(db, "rectification", item.id)
    assert [a.file_name for a in back] == ["整改照片.jpg"] and stored.path.read_bytes() == b"\xff\xd8 photo"
    assert rs.get_item(db, item.id).problem == "学习不够系统"


def test_the_state_at_its_boundaries():
    deadline = date(2026, 12, 31)
    assert core.state(deadline, None, date(2026, 12, 15), 15) == core.OPEN
    assert core.state(deadline, None, date(2026, 12, 16), 15) == core.DUE  # 15 days before: the window opens
    assert core.state(deadline, None, deadline, 15) == core.DUE  # the deadline itself is still in time
    assert core.state(deadline, None, date(2027, 1, 1), 15) == core.OVERDUE
    assert core.state(deadline, date(2027, 1, 5), date(2027, 1, 1), 15) == core.OVERDUE  # not yet closed that day
    assert core.state(deadline, date(2027, 1, 5), date(2027, 1, 5), 15) == core.CLOSED


def test_check_finds_open_items_near_and_past_their_deadline_with_the_article(db, branch):
    branch_id = branch[0]
    item = _add(db, branch_id, date(2026, 12, 31), raised=date(2026, 1, 5))
    assert _findings(db, date(2026, 12, 15)) == []
    due = _findings(db, date(2026, 12, 16))
    assert [(f.severity, f.date, f.ref) for f in due] == [(Severity.DUE, date(2026, 12, 31), ("rectification", item.id))]
    assert "《中国共产党支部工作条例（试行）》（2018年）第十七条" in due[0].message and "支部委员会" in due[0].message
    overdue = _findings(db, date(2027, 1, 1))
    assert [f.severity for f in overdue] == [Severity.OVERDUE] and "已过" in overdue[0].message
    assert _findings(db, date(2026, 1, 4)) == []  # not yet raised that day
    rs.close_item(db, item.id, TODAY, "已完成", today=TODAY)
    assert _findings(db, date(2027, 1, 1)) == []
    assert [f.severity for f in _findings(db, date(2026, 11, 22))] == []  # before the window, open that day
    # the branch's own window (设置 → 本地规则)
    rs.reopen_item(db, item.id)
    settings.set_local_rule_params(db, {(rs.RULE, "due_days"): 60})
    assert [f.severity for f in _findings(db, date(2026, 11, 1))] == [Severity.DUE]


def test_the_ledger_lists_every_item_and_a_year_as_on_its_last_day(db, branch, workdir):
    branch_id, owner, meeting, _ = branch
    old = _add(db, branch_id, date(2025, 3, 1), raised=date(2024, 12, 20), problem="往年问题")
    rs.close_item(db, old.id, date(2025, 2, 20), "已整改", today=TODAY)
    late = _add(db, branch_id, date(2026, 3, 31), owner_id=owner, owner="", meeting=meeting, problem="跨年问题")
    rs.close_item(db, late.id, date(2026, 3, 1), "已整改，记录归档", today=TODAY)
    _add(db, branch_id, date(2026, 10, 31), raised=date(2026, 2, 1), problem="未完成的问题")
    assert [i.problem for i in rs.ledger(db, branch_id, today=TODAY).items] == ["往年问题", "跨年问题", "未完成的问题"]
    year_2025 = rs.ledger(db, branch_id, 2025, today=TODAY)
    assert [(i.problem, i.closed_on) for i in year_2025.items] == [("往年问题", date(2025, 2, 20)), ("跨年问题", None)]
    out = run_export(db, "rectification", ExportRequest(branch_id, workdir / "整改台账.xlsx"))
    ws = load_workbook(out).active
    assert ws["A1"].value == "测试第一党支部组织生活会整改台账"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=6)]
    assert [r[1] for r in rows] == ["往年问题", "跨年问题", "未完成的问题"]
    assert rows[1][3] == "王芳" and rows[1][6] == "2025年12月18日2025年度组织生活会" and rows[1][7] == "已销号"
    assert rows[1][9] == "已整改，记录归档" and rows[2][7] in ("已逾期",) and rows[2][9] is None
    assert "共3项，已销号2项，未销号1项（其中已逾期1项）" in ws["A2"].value
    with pytest.raises(ValidationError, match="--as-of"):
        run_export(db, "rectification", ExportRequest(branch_id, workdir / "x.xlsx", as_of=TODAY))


def test_the_demo_has_items_closed_open_due_and_overdue(demo_db):
    items = rs.list_items(demo_db, 1)
    states = [i.state(TODAY, 15) for i in items]
    assert states.count(core.CLOSED) >= 3 and core.OVERDUE in states and core.DUE in states
    assert all(i.meeting for i in items) and all(i.closing_note for i in items if i.closed_on)
    found = {f.severity for f in run_check(demo_db, None, TODAY) if f.rule == rs.RULE}
    assert found == {Severity.DUE, Severity.OVERDUE}


def test_an_attachment_has_exactly_one_owner_with_the_item_as_the_fifth(db, branch):
    from sqlalchemy.exc import IntegrityError

    from dangjian_desktop.db import models as m

    branch_id, owner, _meeting, _ = branch
    item = _add(db, branch_id, date(2026, 12, 31))
    with pytest.raises(IntegrityError):
        with db.transaction() as s:
            s.add(m.Attachment(rectification_id=item.id, member_id=owner, file_name="a.jpg", stored_path="a.jpg",
                               sha256="0" * 64, size=1))
    with pytest.raises(IntegrityError):
        with db.transaction() as s:
            s.add(m.Attachment(file_name="a.jpg", stored_path="a.jpg", sha256="0" * 64, size=1))
    with db.transaction() as s:
        s.add(m.Attachment(rectification_id=item.id, file_name="a.jpg", stored_path="a.jpg", sha256="0" * 64, size=1))
    assert rs.get_item(db, item.id).attachments == 1
