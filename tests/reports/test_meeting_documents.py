"""Meeting documents reopened and read back: 会议记录, 会议记录本, 三会一课台账."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from dangjian_desktop.core.glossary import AttendanceStatus, MeetingType, VoteKind
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.exports import ExportRequest, run_export


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


@pytest.fixture
def congress(demo_db):
    """A 支部党员大会 with a leave, an absence, a vote, amended after 定稿."""
    d = svc.new_meeting(demo_db, 1, MeetingType.BRANCH_CONGRESS, date(2026, 11, 20), place="党员活动室",
                        host="书记甲", recorder="委员乙", guests="街道党工委组织委员")
    form = d.form()
    form.attendance[0].status, form.attendance[0].reason = AttendanceStatus.LEAVE, "出差"
    form.attendance[1].status, form.attendance[1].reason = AttendanceStatus.ABSENT, "联系不上"
    form.topics = "讨论接收预备党员"
    form.minutes = "介绍人介绍了发展对象的情况。\n党员逐一发表意见。"
    form.resolutions = "同意接收为中共预备党员，报上级党委审批。"
    form.votes = [svc.VoteRow(VoteKind.ADMISSION, "关于接收测试同志为中共预备党员", in_favour=20, against=1, abstain=1)]
    d = svc.save_meeting(demo_db, d.id, form)
    d = svc.finalise_meeting(demo_db, d.id)
    form = d.form()
    form.place = "党群服务中心"
    return svc.save_meeting(demo_db, d.id, form, reason="地点记错")


def test_minutes_has_the_header_table_sections_vote_sentence_and_signatures(demo_db, congress, workdir):
    out = workdir / "会议记录.docx"
    run_export(demo_db, "minutes", ExportRequest(1, out, record_id=congress.id))
    doc = Document(str(out))
    text = _text(doc)
    for expected in ("支部党员大会记录", "时间", "2026年11月20日", "地点", "党群服务中心", "主持人", "书记甲",
                     "记录人", "委员乙", "应到人数", f"{congress.expected}人", "实到人数", f"{congress.present}人",
                     "缺席人员及原因", "请假：", "（出差）", "缺席：", "（联系不上）", "列席人员", "街道党工委组织委员",
                     "议题：", "讨论接收预备党员", "党员逐一发表意见。", "表决情况：", "关于接收测试同志为中共预备党员",
                     congress.votes[0].summary, "决议（决定事项）：", "同意接收为中共预备党员", "主持人（签字）",
                     "记录人（签字）", "修改说明：", "地点记错"):
        assert expected in text, expected
    # every run names its East-Asian font, or Word falls back to a Latin one
    for p in doc.paragraphs:
        for r in p.runs:
            if r.text.strip():
                assert r._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")), r.text
    assert abs(doc.sections[0].top_margin.mm - 37) < 0.5 and abs(doc.sections[0].left_margin.mm - 28) < 0.5


def test_minutes_of_another_branch_is_refused(demo_db, congress, workdir):
    with pytest.raises(ValidationError, match="不是所选支部"):
        run_export(demo_db, "minutes", ExportRequest(2, workdir / "x.docx", record_id=congress.id))


def test_one_record_is_one_document_of_that_record(demo_db, congress, workdir):
    """(How fast: `python -m bench --only minutes`, not a timed test.)"""
    out = run_export(demo_db, "minutes", ExportRequest(1, workdir / "一次会议.docx", record_id=congress.id))
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert text.startswith(f"{congress.title}记录") and "讨论接收预备党员" in text


def test_minutes_book_has_every_meeting_in_date_order_with_contents(demo_db, workdir):
    out = workdir / "记录本.docx"  # how fast: `python -m bench --only book`, not a timed test
    run_export(demo_db, "minutes-book", ExportRequest(1, out, year=2025))
    doc = Document(str(out))
    listed = svc.list_meetings(demo_db, 1, year=2025)
    cover = "\n".join(p.text for p in doc.paragraphs[:20])
    for label in ("支　　部：", "年　　度：2025年", "起止日期：2025年1月", "记 录 人：", "保 管 人："):
        assert label in cover
    contents = doc.tables[0]
    assert len(contents.rows) == len(listed) + 1
    assert [c.text for c in contents.rows[0].cells] == ["序号", "日期", "会议类型", "会议名称 / 主题", "页码"]
    dates = [row.cells[1].text for row in contents.rows[1:]]
    in_order = sorted(listed, key=lambda r: (r.held_on, r.id))
    assert dates == [f"{r.held_on.month}月{r.held_on.day}日" for r in in_order]
    # each 页码 is a PAGEREF to a bookmark on its record's title, computed when the book is laid out
    page_fields = contents._tbl.xpath(".//w:instrText")
    assert [f.text.split()[1] for f in page_fields] == [f"rec{i}" for i in range(1, len(listed) + 1)]
    marks = {b.get(qn("w:name")) for b in doc.element.body.iter(qn("w:bookmarkStart"))}
    assert {f"rec{i}" for i in range(1, len(listed) + 1)} <= marks
    headings = [p.text for p in doc.paragraphs if p.text.startswith("（") and p.text.endswith("记录")]
    assert len(headings) == len(listed)
    assert headings[0].startswith("（1）")


def test_meetings_ledger_rows_and_counts(demo_db, workdir):
    out = workdir / "台账.xlsx"
    run_export(demo_db, "meetings-ledger", ExportRequest(1, out, year=2025))
    wb = load_workbook(out)
    ws = wb["三会一课台账"]
    header = [c.value for c in ws[3]]
    assert header[:9] == ["序号", "日期", "类型", "主题", "主持人", "记录人", "应到", "实到", "缺席及原因"]
    listed = svc.list_meetings(demo_db, 1, year=2025)
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] is not None]
    assert len(rows) == len(listed)
    by_date = sorted(listed, key=lambda r: (r.held_on, r.id))
    assert rows[0][1].date() == by_date[0].held_on
    assert rows[0][6] == by_date[0].expected and rows[0][7] == by_date[0].present
    counts = {r[0]: r for r in wb["完成情况"].iter_rows(min_row=4, values_only=True)}
    # the demo's deliberate gaps of 2025: one committee month and one quarter's 党课
    assert counts["支部委员会会议"][2:5] == (12, 11, "缺1次")
    assert counts["党课"][4] == "缺1次"
    assert counts["支部党员大会"][4] == "完成"


def test_a_vote_prints_its_method_and_the_admitted_person_is_not_expected(demo_db, workdir):
    """The demo's admission meeting: 举手表决 stated with the tally, and the person voted on (not yet a
    member) is neither in 应到 nor among the absentees; its 决议 does not say 一致 over 弃权."""
    voted = [m for m in svc.list_meetings(demo_db, 1) if m.type is MeetingType.BRANCH_CONGRESS
             and svc.get_meeting(demo_db, m.id).votes]
    assert voted
    for summary in voted:
        m = svc.get_meeting(demo_db, summary.id)
        out = run_export(demo_db, "minutes", ExportRequest(1, workdir / f"{m.id}.docx", record_id=m.id))
        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
        assert "表决方式：举手表决。" in text
        admitted = {v.subject.removeprefix("关于接收").split("同志")[0] for v in m.votes if v.kind is VoteKind.ADMISSION}
        assert not admitted & {a.name for a in m.attendance}
        assert svc.record_warnings(m) == []
