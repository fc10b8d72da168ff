"""The annual report's numbers, on a database whose contents this test writes itself."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

from docx import Document
from sqlalchemy import insert

from dangjian_desktop.core.glossary import (
    AppraisalOutcome,
    AttendanceStatus,
    BirthdayObservance,
    CommitteeMode,
    MeetingState,
    MeetingType,
    MemberStatus,
)
from dangjian_desktop.db import models as m
from dangjian_desktop.reports.annual_report import write_annual_report
from dangjian_desktop.services.annual_report import annual_report, annual_report_document
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.exports import ExportRequest, run_export

TODAY = date(2026, 3, 1)


def _fill(db):
    branch = create_branch(db, "测试社区第一党支部", "中共测试街道工作委员会", "王书记", groups=["第一党小组"])
    b = branch.id
    with db.transaction() as s:
        group = s.query(m.PartyGroup).filter_by(branch_id=b).one()
        group.created_at = datetime(2024, 1, 1)  # the group existed all through 2025
        # 3 正式党员 would mean no 支委会; this branch keeps one (the secretary said so in its settings)
        s.get(m.Branch, b).committee_mode = CommitteeMode.YES
        people = [
            # name, joined, full, status, since
            ("甲", date(2000, 7, 1), date(2001, 7, 1), MemberStatus.FULL, None),
            ("乙", date(2010, 3, 1), date(2011, 3, 1), MemberStatus.FULL, None),
            ("丙", date(2024, 6, 1), date(2025, 6, 1), MemberStatus.FULL, None),  # 转正 in 2025
            ("丁", date(2025, 5, 1), None, MemberStatus.PROBATIONARY, None),  # admitted in 2025
            ("戊", date(1990, 1, 1), date(1991, 1, 1), MemberStatus.TRANSFERRED_OUT, date(2025, 9, 1)),
        ]
        ids = {}
        for name, joined, full, status, since in people:
            mem = m.Member(branch_id=b, group_id=group.id, name=name, joined_on=joined, full_member_on=full,
                           status=status, status_since=since or full or joined)
            s.add(mem)
            s.flush()
            ids[name] = mem.id
            if status is MemberStatus.TRANSFERRED_OUT:
                s.add(m.MemberStatusChange(member_id=mem.id, status=status, changed_on=since, destination="外单位"))

        def meeting(mtype, day, present, absent=()):
            mt = m.Meeting(branch_id=b, type=mtype, held_on=day, topics="学习", expected=len(present) + len(absent),
                           present=len(present), state=MeetingState.FINAL)
            s.add(mt)
            s.flush()
            for n in present:
                s.add(m.Attendance(meeting_id=mt.id, member_id=ids[n], status=AttendanceStatus.PRESENT))
            for n in absent:
                s.add(m.Attendance(meeting_id=mt.id, member_id=ids[n], status=AttendanceStatus.LEAVE, reason="出差"))
            return mt

        for month in range(1, 13):
            meeting(MeetingType.COMMITTEE, date(2025, month, 5), ["甲", "乙"])
        for month in (2, 5, 8):  # one quarter missed
            meeting(MeetingType.BRANCH_CONGRESS, date(2025, month, 10), ["甲", "乙", "丙"], ["丁"])
        appraisal = meeting(MeetingType.APPRAISAL, date(2025, 12, 20), ["甲", "乙", "丙"])
        s.add_all([m.AppraisalResult(meeting_id=appraisal.id, member_id=ids["甲"], outcome=AppraisalOutcome.EXCELLENT),
                   m.AppraisalResult(meeting_id=appraisal.id, member_id=ids["乙"], outcome=AppraisalOutcome.QUALIFIED),
                   m.AppraisalResult(meeting_id=appraisal.id, member_id=ids["丙"], outcome=AppraisalOutcome.QUALIFIED)])
        meeting(MeetingType.COMMITTEE, date(2024, 12, 5), ["甲"])  # another year: not counted
        s.add(m.BirthdayObservanceRecord(member_id=ids["甲"], year=2025, kind=BirthdayObservance.CARD,
                                         done_on=date(2025, 7, 1)))
        applicant = m.Applicant(branch_id=b, name="申请人", rule_catalog_version="2014")
        s.add(applicant)
        s.flush()
        s.execute(insert(m.DevelopmentStep), [
            {"applicant_id": applicant.id, "step_no": 1, "done_on": date(2025, 3, 1), "people": [], "details": {}},
            {"applicant_id": applicant.id, "step_no": 2, "done_on": date(2025, 3, 20), "people": [], "details": {}},
            {"applicant_id": applicant.id, "step_no": 3, "done_on": date(2025, 10, 1), "people": [], "details": {}},
        ])
    return b


def test_numbers_of_the_year(db):
    b = _fill(db)
    r = annual_report(db, b, 2025, today=TODAY)
    assert (r.members_full, r.members_probationary) == (3, 1)  # 戊 left; 丁 still 预备
    counts = {c.type: (c.held, c.required) for c in r.meetings}
    assert counts[MeetingType.COMMITTEE] == (12, 12)
    assert counts[MeetingType.BRANCH_CONGRESS] == (3, 4)
    assert counts[MeetingType.GROUP] == (0, 12)  # one group, monthly
    att = {a.type: (a.expected, a.present) for a in r.attendance}
    assert att[MeetingType.BRANCH_CONGRESS] == (12, 9)
    assert abs(r.overall_attendance - (24 + 9 + 3) / (24 + 12 + 3)) < 1e-9
    assert r.appraisal == {AppraisalOutcome.EXCELLENT: 1, AppraisalOutcome.QUALIFIED: 2}
    assert (r.admitted, r.made_full, r.transferred_out) == (["丁"], ["丙"], ["戊"])
    assert (r.new_applications, r.steps_in_year.get(3)) == (1, 1)
    assert r.applicants_by_stage[2] == 1
    assert (r.birthdays_due, r.birthdays_marked) == (3, 1)


def test_the_word_report_states_the_numbers(db, workdir):
    b = _fill(db)
    out = write_annual_report(annual_report_document(db, b, 2025, today=TODAY), workdir / "年报.docx")
    doc = Document(out)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2025年度组织生活情况报告" in text
    assert "支部共有党员4名，其中正式党员3名、预备党员1名" in text
    assert "接收预备党员1名（丁）" in text and "转出组织关系1名（戊）" in text
    # no placeholder to print: ruled empty lines under 存在的不足 and 下一步工作打算 to write on by hand
    assert "【" not in text and "各地要求不同" not in text
    ruled = [p for p in doc.paragraphs if p.text == "\t" and p._p.xpath("./w:pPr/w:tabs/w:tab[@w:leader='underscore']")]
    assert len(ruled) == 6
    assert "七、存在的不足" in text and "八、下一步工作打算" in text
    # the 落款: the branch with room for its seal, the date; page numbers in the footer
    assert "测试社区第一党支部（盖章）" in text and "2026年3月1日" in text
    assert "PAGE" in "".join(doc.sections[0].footer._element.itertext())
    props = doc.core_properties
    assert props.author == "测试社区第一党支部" and props.created.year >= 2026 and "python-docx" not in props.comments
    assert "2025年第四季度未召开支部党员大会" in text  # what was missing is listed
    table = doc.tables[0]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows}
    assert rows["支部党员大会"][1:4] == ["4", "3", "缺1次"]
    assert rows["支部委员会会议"][1:4] == ["12", "12", "完成"]


def test_year_package_holds_every_yearly_document(db, workdir):
    b = _fill(db)
    out = run_export(db, "year-package", ExportRequest(b, workdir / "材料包.zip", 2025))
    names = zipfile.ZipFile(out).namelist()
    assert "测试社区第一党支部_2025年_年度组织生活情况报告.docx" in names
    assert not list(workdir.glob(".年度材料-*"))  # the temporary folder is gone


def _applicant(s, b, name, steps):
    a = m.Applicant(branch_id=b, name=name, rule_catalog_version="2014")
    s.add(a)
    s.flush()
    s.execute(insert(m.DevelopmentStep), [{"applicant_id": a.id, "step_no": no, "done_on": day, "people": [],
                                           "details": {}} for no, day in steps])


def test_stage_is_that_of_the_last_step_done_by_the_years_end(db):
    """申请入党 / 积极分子 / 发展对象 / 接收 / 预备期 as on 12-31: a step of the next year does not count,
    and someone whose last step is 3 is an 积极分子 (not counted as a 发展对象 waiting for step 7)."""
    b = _fill(db)  # 申请人: steps 1–3 in 2025 → 积极分子
    with db.transaction() as s:
        _applicant(s, b, "只申请", [(1, date(2025, 11, 1))])  # 申请入党
        _applicant(s, b, "次年才谈话", [(1, date(2025, 12, 1)), (2, date(2026, 1, 5))])  # still 申请入党 on 12-31
        _applicant(s, b, "发展对象", [(1, date(2023, 1, 1)), (3, date(2023, 6, 1)), (7, date(2024, 7, 1))])
        _applicant(s, b, "预备党员", [(1, date(2022, 1, 1)), (3, date(2022, 6, 1)), (7, date(2023, 7, 1)),
                                  (15, date(2024, 9, 1)), (19, date(2024, 9, 10))])
        _applicant(s, b, "次年申请", [(1, date(2026, 1, 10))])  # not yet an applicant on 12-31
        _applicant(s, b, "已转正", [(1, date(2020, 1, 1)), (15, date(2023, 1, 1)), (24, date(2025, 1, 5))])
    r = annual_report(db, b, 2025, today=TODAY)
    assert r.applicants_by_stage == {1: 2, 2: 1, 3: 1, 4: 0, 5: 1}
    text = "".join(x for sec in annual_report_document(db, b, 2025, today=TODAY).sections for x in sec.blocks
                   if isinstance(x, str))
    assert "申请入党2名，入党积极分子1名，发展对象1名，接收预备党员0名，预备期考察转正1名" in text


def test_the_years_dues_are_a_section_of_the_report_as_of_its_date(demo_db):
    """党费收缴情况 states the year's 党费 ledger on 12-31 (issue 22); a branch keeping none has no such part."""
    from dangjian_desktop.services.branches import list_branches
    from dangjian_desktop.services.dues import year_summary

    branch = list_branches(demo_db)[0]
    doc = annual_report_document(demo_db, branch.id, 2025, today=date(2026, 6, 1))
    [section] = [s for s in doc.sections if s.heading == "党费收缴情况"]
    d = year_summary(demo_db, branch.id, 2025, today=date(2025, 12, 31))
    text = section.blocks[0]
    assert f"{d.members}名党员" in text and f"应缴{d.due_total:.2f}元" in text and f"实缴{d.paid_total:.2f}元" in text
    assert "截至2025年12月31日" in text
    assert [s.heading for s in doc.sections][-2:] == ["存在的不足", "下一步工作打算"]  # the secretary's parts last

    other = create_branch(demo_db, "没有党费台账的支部", secretary="张三")
    titles = [s.heading for s in annual_report_document(demo_db, other.id, 2025, today=date(2026, 6, 1)).sections]
    assert "党费收缴情况" not in titles


def test_members_who_came_or_left_by_transfer_in_a_demo_year_are_counted_so(demo_db):
    """党员队伍变化 counts the 转入 of the year beside its 转出, as the six tables list them; a 预备党员 who came
    by 转入 was accepted by the branch they came from, so is not among those this branch accepted."""
    from dangjian_desktop.core.glossary import TransferDirection
    from dangjian_desktop.services import members as ms
    from dangjian_desktop.services import transfers as ts
    from dangjian_desktop.services.transfer_exports import member_tables
    from tests.roster_files import id_for

    today = date(2026, 11, 23)  # the demo's today: 2026 is its running year
    before = annual_report(demo_db, 1, 2026, today=today)
    assert before.transferred_in == []
    ts.transfer_in(demo_db, 1, name="钱预备", id_number=id_for(date(1998, 4, 2), False, 41), from_org="中共XX大学党委",
                   on=date(2026, 7, 10), status=MemberStatus.PROBATIONARY, joined_on=date(2026, 5, 20), today=today)
    ts.transfer_in(demo_db, 1, name="孙正式", id_number=id_for(date(1985, 9, 9), True, 42), from_org="中共XX街道第三党支部",
                   on=date(2026, 9, 1), joined_on=date(2010, 6, 1), full_member_on=date(2011, 6, 1), today=today)
    leaving = next(p for p in ms.list_members(demo_db, 1) if p.on_roll and p.name not in ("钱预备", "孙正式"))
    ts.transfer_out(demo_db, leaving.id, "中共XX区教育局机关党支部", date(2026, 10, 15), today=today)
    ts.transfer_in(demo_db, 1, name="李明年", id_number=id_for(date(1990, 1, 1), True, 43), from_org="别处",
                   on=date(2025, 12, 31), joined_on=date(2015, 6, 1), full_member_on=date(2016, 6, 1), today=today)

    r = annual_report(demo_db, 1, 2026, today=today)
    assert r.transferred_in == ["钱预备", "孙正式"]  # 李明年 came in 2025
    assert "钱预备" not in r.admitted and r.admitted == before.admitted
    assert r.members_total == before.members_total + 3 - 1  # 李明年 (came in 2025) is on the roll too
    six = {t.sheet: t for t in member_tables(demo_db, 1, 2026, today=today).tables}
    assert sorted(r.transferred_out) == sorted(row[1] for row in six["转出"].rows)
    assert leaving.name in r.transferred_out and len(r.transferred_out) == len(before.transferred_out) + 1
    assert sorted(r.transferred_in) == sorted(row[1] for row in six["转入"].rows)
    assert annual_report(demo_db, 1, 2025, today=today).transferred_in == ["李明年"]

    text = "".join(x for sec in annual_report_document(demo_db, 1, 2026, today=today).sections for x in sec.blocks
                   if isinstance(x, str))
    assert "转入组织关系2名（钱预备、孙正式）" in text
    assert f"转出组织关系{len(r.transferred_out)}名（" in text and leaving.name in text
    assert ts.list_transfers(demo_db, 1, TransferDirection.IN, year=2026)[0].name == "孙正式"
