"""Importing a past 三会一课台账: messy variants read, bad rows refused with where, all-or-nothing."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from dangjian_desktop.cli import main
from dangjian_desktop.core.glossary import AttendanceStatus, MeetingState, MeetingType, MemberStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import InputErrors
from dangjian_desktop.io.meetings_import import split_absentees
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.branches import create_branch


@pytest.fixture
def branch(db):
    info = create_branch(db, "测试支部", groups=["第一党小组", "离退休党小组"])
    with db.transaction() as s:
        for name in ("张三", "李四", "王五", "赵六"):
            s.add(m.Member(branch_id=info.id, name=name, joined_on=date(2000, 7, 1), full_member_on=date(2001, 7, 1),
                           status=MemberStatus.FULL))
    return info.id


def _ledger(path, rows, *, title=True, header=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    if title:
        ws.append(["XX社区党支部2024年“三会一课”登记表"])
        ws.merge_cells("A1:H1")
        ws.append([None, None, None, None, None, None, None, "填表日期：2025.1.5"])
    ws.append(header or ["日期", "会议类型", "会议主题", "主持人", "记录人", "应到人数", "实到人数", "缺席人员及原因"])
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


GOOD = [
    (datetime(2024, 1, 8), "支委会", "研究年度工作计划", "张三", "李四", 4, 3, "王五（病假）"),
    ("2024.2.20", "主题党日", "重温入党誓词", "张三", "李四", 4, 4, "无"),
    ("2024年3月15日", "党员大会", "学习党章", "张三", "李四", 4, 2, "王五（请假：出差）；赵六（缺席）"),
    (45390, "第一党小组会", "学习讨论", "李四", "王五", 3, 3, None),  # an Excel serial: 2024-04-08
    ("2024-05-10", "党课", "党的创新理论", "张三", "李四", 4, 4, "/"),
]


def test_a_messy_ledger_is_read_and_saved_as_final_records(db, branch, workdir):
    path = _ledger(workdir / "2024年台账.xlsx", GOOD)
    result = svc.import_meetings(db, branch, path)
    assert result.counts == {"new": 5, "update": 0, "same": 0}
    rows = sorted(svc.list_meetings(db, branch, year=2024), key=lambda r: r.held_on)
    assert [r.type for r in rows] == [MeetingType.COMMITTEE, MeetingType.THEME_DAY, MeetingType.BRANCH_CONGRESS,
                                      MeetingType.GROUP, MeetingType.LECTURE]
    assert rows[3].held_on == date(2024, 4, 8) and rows[3].group_name == "第一党小组"
    assert all(r.state is MeetingState.FINAL for r in rows)
    congress = svc.get_meeting(db, rows[2].id)
    assert (congress.expected, congress.present) == (4, 2)
    assert {(a.name, a.status, a.reason) for a in congress.absent} == {
        ("王五", AttendanceStatus.LEAVE, "出差"), ("赵六", AttendanceStatus.ABSENT, "")}


def test_reimporting_the_same_file_changes_nothing(db, branch, workdir):
    path = _ledger(workdir / "台账.xlsx", GOOD)
    svc.import_meetings(db, branch, path)
    with db.session() as s:
        audit_before = s.scalar(select(func.count(m.AuditEntry.id)))
    assert svc.import_meetings(db, branch, path).counts == {"new": 0, "update": 0, "same": 5}
    with db.session() as s:
        assert s.scalar(select(func.count(m.Meeting.id))) == 5
        assert s.scalar(select(func.count(m.AuditEntry.id))) == audit_before
    # a corrected file updates the record, logged as an amendment of a final record
    fixed = list(GOOD)
    fixed[0] = (datetime(2024, 1, 8), "支委会", "研究年度工作计划", "张三", "赵六", 4, 3, "王五（病假）")
    assert svc.import_meetings(db, branch, _ledger(workdir / "台账改.xlsx", fixed)).counts["update"] == 1
    with db.session() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "amend")).one()
        assert entry.old == {"recorder": "李四"} and entry.new == {"recorder": "赵六"}


@pytest.mark.parametrize("row,expected", [
    (("2024.13.1", "支委会", "x", "", "", 4, 4, None), "第4行，A列（日期）：“2024.13.1”不是存在的日期"),
    (("2024-01-08", "联欢会", "x", "", "", 4, 4, None), "第4行，B列（会议类型）：会议类型为“联欢会”，无法识别"),
    (("2024-01-08", "支委会", None, "", "", 4, 4, None), "第4行，C列（会议主题）：没有填写主题"),
    (("2024-01-08", "支委会", "x", "", "", 3, 4, None), "第4行，G列（实到人数）：实到 4 人，多于应到 3 人"),
    (("2024-01-08", "支委会", "x", "", "", 4, 3, "周九（病假）"), "缺席人员“周九”不在本支部党员名单中"),
    (("2024-01-08", "党小组会", "学习", "", "", 4, 4, None), "不是本支部的党小组"),
    (("2024-01-08", "支委会", "x", "", "", 4, 3, "王五（病假）；赵六（事假）"), "多于应到减实到（1）人"),
])
def test_a_bad_row_is_refused_with_where_and_nothing_is_written(db, branch, workdir, row, expected):
    # two title rows and the header: the bad row is row 4, a good row follows it
    path = _ledger(workdir / "台账.xlsx", [row, GOOD[0]])
    with pytest.raises(InputErrors) as info:
        svc.import_meetings(db, branch, path)
    text = "\n".join(info.value.problems)
    assert "文件 台账.xlsx，工作表“台账”" in text
    assert expected in text, text
    assert "未导入任何数据" in info.value.message
    with db.session() as s:
        assert s.scalar(select(func.count(m.Meeting.id))) == 0


def test_a_missing_column_is_named(db, branch, workdir):
    path = _ledger(workdir / "台账.xlsx", [("2024-01-08", "x")], header=["日期", "主持人"])
    with pytest.raises(Exception, match="缺少 “类型”"):
        svc.import_meetings(db, branch, path)


def test_absentee_cells_as_people_write_them():
    people = split_absentees("请假：张三（出差）、李四；缺席：王五")
    assert [(p.name, p.status.value, p.reason) for p in people] == [
        ("张三", "leave", "出差"), ("李四", "leave", ""), ("王五", "absent", "")]
    assert split_absentees("无") == [] and split_absentees("全到") == []
    assert split_absentees("欧阳娜娜（无故缺席）")[0].status is AttendanceStatus.ABSENT


def test_cli_import_dry_run_then_import_then_list_json(db, branch, workdir, capsys):
    path = _ledger(workdir / "台账.xlsx", GOOD)
    target = str(db.path)
    assert main(["--db", target, "meetings", "import", str(path), "--dry-run"]) == 0
    assert "未写入" in capsys.readouterr().out
    assert svc.list_meetings(db, branch) == []
    assert main(["--db", target, "meetings", "import", str(path)]) == 0
    assert "新增 5 次会议" in capsys.readouterr().out
    assert main(["--db", target, "meetings", "list", "--year", "2024", "--type", "branch_congress", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 1
    item = data[0]
    assert {"id", "type", "date", "topic", "host", "recorder", "expected", "present", "absent"} <= set(item)
    assert (item["type"], item["date"], item["topic"], item["expected"], item["present"]) == (
        "branch_congress", "2024-03-15", "学习党章", 4, 2)
    assert {"name": "王五", "reason": "出差"}.items() <= item["absent"][0].items()


def test_cli_refused_import_exits_1_with_one_line_per_problem(db, branch, workdir, capsys):
    path = _ledger(workdir / "台账.xlsx", [("2024.13.1", "联欢会", "x", "", "", 4, 4, None)])
    assert main(["--db", str(db.path), "meetings", "import", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3  # two problems and the summary
    assert err[0].startswith("文件 台账.xlsx，工作表“台账”，第4行")
