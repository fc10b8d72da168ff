"""发展党员 services: steps refused at entry, the roster following steps 15, 23 and 24, check, import, exports."""

from datetime import date, timedelta

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from dangjian_desktop.core.dates import add_months, add_years
from dangjian_desktop.core.glossary import ApplicantStatus, Gender, MemberStatus, Severity
from dangjian_desktop.core.idcard import check_digit
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import InputErrors, ValidationError
from dangjian_desktop.services import development as dev
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.check import run_check
from dangjian_desktop.services.exports import ExportRequest, run_export
from tests.conftest import TODAY

APPLIED = date(2023, 3, 1)
JOINED = date(2025, 6, 20)  # a Friday


def id_number(born: date, serial: str = "123") -> str:
    first = f"110101{born:%Y%m%d}{serial}"
    return first + check_digit(first)


@pytest.fixture
def branch(db):
    info = create_branch(db, "测试第一党支部", "测试街道党工委", "王书记", groups=["第一党小组"])
    with db.transaction() as s:
        for name, status, joined, full in (("王芳", MemberStatus.FULL, date(2000, 7, 1), date(2001, 7, 1)),
                                           ("李强", MemberStatus.FULL, date(2005, 7, 1), date(2006, 7, 1)),
                                           ("赵新", MemberStatus.PROBATIONARY, date(2024, 3, 5), None)):
            s.add(m.Member(branch_id=info.id, name=name, status=status, joined_on=joined, full_member_on=full))
    return info


def member_id(db, name):
    with db.session() as s:
        return s.scalar(select(m.Member.id).where(m.Member.name == name))


def new_applicant(db, branch, name="张小明", born=date(1998, 4, 2), applied=APPLIED):
    return dev.create_applicant(db, branch.id, name, applied, id_number=id_number(born), ethnicity="汉族")


VOTE = {"expected_voters": 20, "present_voters": 15, "in_favour": 14, "abstain": 1}


def walk(db, a, upto: int):
    """Record steps 2..upto the proper way; returns the detail."""
    wang, li = member_id(db, "王芳"), member_id(db, "李强")
    activist = date(2023, 6, 1)
    plan = {
        2: (APPLIED + timedelta(days=20), [{"name": "王芳"}], {}),
        3: (activist, [], {}),
        4: (activist + timedelta(days=10), [], {}),
        5: (activist + timedelta(days=15), [{"member_id": wang, "name": "王芳"}, {"member_id": li, "name": "李强"}], {}),
        6: (activist + timedelta(days=20), [], {}),
        7: (add_years(activist, 1), [], {}),
        8: (add_years(activist, 1) + timedelta(days=10), [], {}),
        9: (date(2024, 7, 1), [{"member_id": wang, "name": "王芳"}, {"name": "李强"}], {}),
        10: (date(2025, 3, 1), [], {"conclusion": "合格"}),
        11: (date(2025, 4, 1), [], {"days": 3, "hours": 24}),
        12: (date(2025, 5, 20), [], {"notice_from": date(2025, 5, 26), "notice_to": date(2025, 5, 30)}),
        13: (date(2025, 6, 3), [], {}),
        14: (date(2025, 6, 10), [], {}),
        15: (JOINED, [], VOTE),
        16: (JOINED + timedelta(days=20), [{"name": "组织委员"}], {}),
        17: (JOINED + timedelta(days=40), [], {}),
        18: (JOINED + timedelta(days=50), [], {}),
        19: (JOINED + timedelta(days=55), [], {}),
        20: (JOINED + timedelta(days=60), [], {}),
        21: (JOINED + timedelta(days=90), [], {}),
        22: (JOINED + timedelta(days=340), [], {}),
    }
    detail = a
    for no in range(2, upto + 1):
        d, people, details = plan[no]
        detail = dev.record_step(db, a.id, no, d, people=people, details=details)
    return detail


def test_create_applicant_fills_birth_and_sex_from_the_id_number_and_refuses_under_18(db, branch):
    a = new_applicant(db, branch)
    assert (a.birth_date, a.gender, a.step(1).done_on) == (date(1998, 4, 2), Gender.MALE, APPLIED)
    assert a.next_step.no == 2 and a.next_step.due == date(2023, 4, 1)
    with pytest.raises(ValidationError, match="年满十八岁.*第五条"):
        dev.create_applicant(db, branch.id, "小李", date(2020, 4, 1), id_number=id_number(date(2002, 4, 2), "456"))
    with pytest.raises(ValidationError, match="已经登记"):
        new_applicant(db, branch, "张小明二")
    with db.session() as s:
        assert s.scalar(select(m.Applicant.id).where(m.Applicant.name == "小李")) is None


def test_steps_out_of_order_and_bad_sponsors_are_refused_and_nothing_is_written(db, branch):
    a = walk(db, new_applicant(db, branch), 8)
    with pytest.raises(dev.StepRefused, match="早于它的前置步骤第7步") as exc:
        dev.record_step(db, a.id, 9, date(2023, 1, 1), people=[{"name": "王芳"}, {"name": "李强"}])
    assert "前置步骤" in str(exc.value) and "DEV-" not in str(exc.value)
    with pytest.raises(dev.StepRefused, match="赵新是预备党员.*两名入党介绍人.*第十四条"):
        dev.record_step(db, a.id, 9, date(2024, 7, 1), people=[{"name": "王芳"}, {"name": "赵新"}])
    with pytest.raises(dev.StepRefused, match="留党察看"):
        dev.record_step(db, a.id, 9, date(2024, 7, 1),
                        people=[{"name": "王芳"}, {"name": "李强", "disciplined": True}])
    assert dev.applicant_detail(db, a.id).step(9).done_on is None
    ok = dev.record_step(db, a.id, 9, date(2024, 7, 1), people=[{"name": "王芳"}, {"name": "李强"}])
    assert [p.get("member_id") for p in ok.step(9).people] == [member_id(db, "王芳"), member_id(db, "李强")]


def test_a_vote_without_quorum_cannot_be_recorded_as_passed(db, branch):
    a = walk(db, new_applicant(db, branch), 14)
    with pytest.raises(dev.StepRefused, match="支部大会表决.*第二十条"):
        dev.record_step(db, a.id, 15, JOINED, details={"expected_voters": 20, "present_voters": 10, "in_favour": 10})
    with db.session() as s:
        assert s.scalar(select(m.Member).where(m.Member.name == "张小明")) is None


def test_step_15_puts_a_probationary_member_on_the_roster_and_follows_a_corrected_date(db, branch):
    a = walk(db, new_applicant(db, branch), 15)
    with db.session() as s:
        member = s.get(m.Member, a.member_id)
        assert (member.name, member.status, member.joined_on, member.id_number) == (
            "张小明", MemberStatus.PROBATIONARY, JOINED, a.id_number)
        assert [(c.status, c.changed_on) for c in member.status_changes] == [(MemberStatus.PROBATIONARY, JOINED)]
    later = JOINED + timedelta(days=3)
    dev.record_step(db, a.id, 15, later, details=VOTE)
    with db.session() as s:
        member = s.get(m.Member, a.member_id)
        assert member.joined_on == later and member.status_changes[0].changed_on == later
    assert a.step(15).details.passed is True


def test_on_time_full_membership_at_step_24(db, branch):
    a = walk(db, new_applicant(db, branch), 22)
    end = add_years(JOINED, 1)
    dev.record_step(db, a.id, 23, end, details={**VOTE, "outcome": "on_time"})
    with db.session() as s:
        assert s.get(m.Member, a.member_id).status is MemberStatus.PROBATIONARY  # until approved
    done = dev.record_step(db, a.id, 24, end + timedelta(days=30))
    assert done.status is ApplicantStatus.COMPLETED and done.next_step.no == 25
    with db.session() as s:
        member = s.get(m.Member, a.member_id)
        assert (member.status, member.full_member_on) == (MemberStatus.FULL, end)
        assert [c.status for c in member.status_changes] == [MemberStatus.PROBATIONARY, MemberStatus.FULL]


def test_extension_moves_the_full_membership_date_and_is_allowed_once(db, branch):
    a = walk(db, new_applicant(db, branch), 22)
    end = add_years(JOINED, 1)
    ext = dev.record_step(db, a.id, 23, end, details={**VOTE, "outcome": "extended", "extension_months": 6})
    assert ext.extension_months == 6 and ext.next_step.no == 23 and ext.next_step.due == add_months(end, 6)
    with db.session() as s:
        assert s.get(m.Member, a.member_id).probation_extension_months == 6
    later = add_months(end, 7)  # the extension ends in the future of this test's calendar
    with pytest.raises(dev.StepRefused, match="只能延长一次"):
        dev.record_step(db, a.id, 23, add_months(end, 6), details={**VOTE, "outcome": "extended", "extension_months": 6},
                        today=later)
    with pytest.raises(dev.StepRefused, match="预备期一年.*第三十二条"):
        dev.record_step(db, a.id, 24, end + timedelta(days=10))
    with pytest.raises(dev.StepRefused, match="预备期到"):  # the final decision only when the extension is over
        dev.record_step(db, a.id, 23, add_months(end, 6) - timedelta(days=1), details={**VOTE, "outcome": "on_time"},
                        today=later)
    dev.record_step(db, a.id, 23, add_months(end, 6), details={**VOTE, "outcome": "on_time"}, today=later)
    dev.record_step(db, a.id, 24, later, today=later)
    with db.session() as s:
        member = s.get(m.Member, a.member_id)
        assert (member.status, member.full_member_on) == (MemberStatus.FULL, add_months(end, 6))


def test_cancellation_takes_the_person_off_the_roll(db, branch):
    a = walk(db, new_applicant(db, branch), 22)
    end = add_years(JOINED, 1)
    dev.record_step(db, a.id, 23, end, details={**VOTE, "outcome": "cancelled"})
    done = dev.record_step(db, a.id, 24, end + timedelta(days=20))
    assert done.status is ApplicantStatus.CANCELLED and done.next_step is None
    with db.session() as s:
        member = s.get(m.Member, a.member_id)
        assert member.status is MemberStatus.REMOVED and member.full_member_on is None
        assert member.status_changes[-1].reason.startswith("取消预备党员资格")


def test_reviews_reset_the_half_year_clock(db, branch):
    a = walk(db, new_applicant(db, branch), 6)
    as_of = date(2024, 1, 10)  # 积极分子 since 1 June 2023: review was due 1 December
    assert [f.severity for f in dev.applicant_detail(db, a.id, as_of).findings if f.rule == "DEV-REVIEW-6M"] == [Severity.OVERDUE]
    dev.add_review(db, a.id, "review", date(2023, 11, 20), "王芳", "表现良好")
    assert [f for f in dev.applicant_detail(db, a.id, as_of).findings if f.rule == "DEV-REVIEW-6M"] == []


def test_check_reports_development_findings_as_of_any_date(demo_db):
    now = run_check(demo_db, as_of=TODAY)
    assert any(f.rule == "DEV-REVIEW-6M" and f.severity is Severity.OVERDUE for f in now)
    assert any(f.rule == "DEV-TALK-1M" and f.severity is Severity.VIOLATION for f in now)
    assert all(f.ref and f.ref[0] == "applicant" for f in now if f.rule.startswith("DEV-"))
    later = run_check(demo_db, as_of=date(2027, 6, 30))  # "what will be overdue at the end of the quarter"
    assert any(f.rule == "PROBATION-END" and f.severity is Severity.OVERDUE for f in later)
    assert not any(f.rule == "PROBATION-END" for f in now)


def test_board_puts_everyone_in_the_stage_of_their_next_step(demo_db):
    columns = dev.board(demo_db, 1, TODAY)
    assert [c.stage for c in columns] == [1, 2, 3, 4, 5]
    for column in columns:
        for card in column.cards:
            assert card.next_step is not None
            assert dev.applicant_detail(demo_db, card.id, TODAY).stage == column.stage
    late = [c for col in columns for c in col.cards if c.urgency == "overdue"]
    assert late and all(c.findings for c in late)


# ---------------------------------------------------------------- import


def ledger_file(path, rows, headers=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "发展台账"
    ws.append(["某某社区党支部发展党员台账"])
    ws.merge_cells("A1:H1")
    ws.append(headers or ["姓名", "性别", "身份证号", "申请入党时间", "谈话时间", "确定积极分子时间",
                          "培养联系人", "确定发展对象时间", "入党时间", "转正时间"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_import_reads_short_column_names_and_messy_dates_and_keeps_the_roster_in_step(db, branch, workdir):
    path = ledger_file(workdir / "台账.xlsx", [
        ["周一", "男", id_number(date(1990, 1, 2), "111"), "2022.3.1", "2022年3月20日", "2022-09-01", "王芳、李强",
         "2023.10.1", "2024.6.1", "2025.6.1"],
        ["吴二", "女", id_number(date(1995, 5, 6), "222"), "2025.1", "2025.1.20", None, None, None, None, None],
    ])
    preview = dev.import_ledger(db, path, branch.id, dry_run=True)
    assert (preview.created, preview.updated) == (2, 0)
    with db.session() as s:
        assert s.scalar(select(m.Applicant.id)) is None  # a dry run writes nothing
    result = dev.import_ledger(db, path, branch.id)
    assert (result.created, result.updated) == (2, 0)
    people = {a.name: a for a in dev.list_applicants(db, branch.id, TODAY)}
    zhou = people["周一"]
    assert zhou.step(3).done_on == date(2022, 9, 1) and zhou.step(15).done_on == date(2024, 6, 1)
    assert [p["name"] for p in zhou.step(5).people] == ["王芳", "李强"]
    assert zhou.status is ApplicantStatus.COMPLETED
    with db.session() as s:
        member = s.get(m.Member, zhou.member_id)
        assert (member.status, member.joined_on, member.full_member_on) == (
            MemberStatus.FULL, date(2024, 6, 1), date(2025, 6, 1))
    assert people["吴二"].step(1).done_on == date(2025, 1, 1)  # “2025.1” is the first of the month
    again = dev.import_ledger(db, path, branch.id)
    assert again.counts == {"new": 0, "update": 0, "same": 2}


def test_import_is_all_or_nothing_with_file_sheet_row_and_column(db, branch, workdir):
    path = ledger_file(workdir / "坏台账.xlsx", [
        ["周一", "男", id_number(date(1990, 1, 2), "111"), "2022.3.1", "2022.3.20", None, None, None, None, None],
        ["吴二", "女", 4.10102e17, "2025.1.1", "明天", None, None, None, None, None],
        ["郑三", "男", None, "2024.5.1", "2024.4.1", None, None, None, None, None],
    ])
    with pytest.raises(InputErrors) as exc:
        dev.import_ledger(db, path, branch.id)
    problems = exc.value.problems
    assert any("坏台账.xlsx" in p and "第4行" in p and "C列" in p for p in problems)  # the mangled ID number
    assert any("第4行" in p and "E列（谈话时间）" in p for p in problems)
    assert any("第5行" in p and "前置步骤" in p for p in problems)
    with db.session() as s:
        assert s.scalar(select(m.Applicant.id)) is None


# ---------------------------------------------------------------- exports


def test_ledger_export_reopens_with_its_sheets_and_overdue_colouring(demo_db, workdir):
    out = run_export(demo_db, "development-ledger", ExportRequest(1, workdir / "台账.xlsx", year=TODAY.year))
    wb = load_workbook(out)
    assert wb.sheetnames == ["发展党员台账", "入党申请人登记", "年度新发展", "年度转正"]
    ws = wb["发展党员台账"]
    headers = [c.value for c in ws[3]]
    assert headers[4:7] == ["所处阶段", "培养联系人姓名", "入党介绍人姓名"]
    assert headers[9] == "1.递交入党申请书" and headers[33] == "25.材料归档"
    names = [ws.cell(r, 2).value for r in range(4, ws.max_row + 1)]
    assert "史志阳" in names
    row = 4 + names.index("史志阳")
    assert ws.cell(row, 2).fill.fgColor.rgb.endswith("F8CBAD")  # overdue 半年考察: red
    assert ws.cell(row, 10).value is not None and ws.cell(row, 10).is_date


def test_record_export_has_every_step_and_the_signature_lines(demo_db, workdir):
    from docx import Document

    out = run_export(demo_db, "development-record", ExportRequest(1, workdir / "纪实表.docx", record_id=4))
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "发展党员纪实表" in text and "党支部书记（签字）" in text
    detail = dev.applicant_detail(demo_db, 4)
    assert detail.name in cells and "入党介绍人：" in cells and "表决：" in cells
    for st in detail.steps:
        assert st.name in cells
    with pytest.raises(ValidationError, match="--id"):
        run_export(demo_db, "development-record", ExportRequest(1, workdir / "x.docx"))


def test_the_exported_ledger_imports_back_with_the_same_dates(demo_db, workdir):
    from dangjian_desktop.db.engine import open_database

    out = run_export(demo_db, "development-ledger", ExportRequest(1, workdir / "台账.xlsx", year=TODAY.year))
    fresh = open_database(workdir / "新.db", create=True)
    try:
        branch = create_branch(fresh, "新支部")
        result = dev.import_ledger(fresh, out, branch.id)
        before = {a.name: [s.done_on for s in a.steps] for a in dev.list_applicants(demo_db, 1, TODAY)
                  if a.name in {x.name for x in dev.list_applicants(fresh, branch.id, TODAY)}}
        after = {a.name: [s.done_on for s in a.steps] for a in dev.list_applicants(fresh, branch.id, TODAY)}
        assert result.created == len(after) >= 7
        assert after == before
    finally:
        fresh.close()


def test_a_step_the_roster_follows_cannot_be_cleared(db, branch):
    a = walk(db, new_applicant(db, branch), 15)
    with pytest.raises(ValidationError, match="已经记入花名册"):
        dev.clear_step(db, a.id, 15)
    with pytest.raises(ValidationError, match="只能修改"):
        dev.clear_step(db, a.id, 1)
    with pytest.raises(ValidationError, match="第15步"):
        dev.clear_step(db, a.id, 14)


def test_a_stopped_file_has_nothing_due_and_stays_in_its_stage(db, branch):
    a = walk(db, new_applicant(db, branch), 3)
    with pytest.raises(ValidationError, match="请填写终止原因"):
        dev.stop_applicant(db, a.id, " ")
    stopped = dev.stop_applicant(db, a.id, "本人申请暂缓")
    assert stopped.next_step is None and stopped.findings == [] and "本人申请暂缓" in stopped.notes
    assert all(not col.cards for col in dev.board(db, branch.id, date(2025, 1, 1)))
    shown = dev.board(db, branch.id, date(2025, 1, 1), include_closed=True)
    assert [c.name for c in shown[1].cards] == ["张小明"]
    with pytest.raises(ValidationError, match="已终止培养"):
        dev.record_step(db, a.id, 4, date(2023, 7, 1))
