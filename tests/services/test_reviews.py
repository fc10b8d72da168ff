"""The year's reviews: 谈心谈话 coverage (支委 pairs, members with a 支委, committee changes, branches without a
committee), its reminder before the 组织生活会, 民主评议 outcomes with votes, and the 处置 of a 不合格 until closed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from dangjian_desktop.core import reviews as core
from dangjian_desktop.core.glossary import (
    AppraisalOutcome,
    AttendanceStatus,
    CommitteeMode,
    CommitteePost,
    DisposalAction,
    MeetingState,
    MeetingType,
    MemberStatus,
    Severity,
)
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import appraisals as ap
from dangjian_desktop.services import heart_talks as ht
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.check import run_check

TODAY = date(2026, 11, 23)
NAMES = ("书记甲", "委员乙", "委员丙", "党员丁", "党员戊", "党员己")


def _branch(db, mode=CommitteeMode.YES, names=NAMES) -> tuple[int, dict[str, int]]:
    with db.transaction() as s:
        b = m.Branch(name=f"测试支部{mode.value}", committee_mode=mode)
        s.add(b)
        s.flush()
        ids = {}
        for name in names:
            p = m.Member(branch_id=b.id, name=name, joined_on=date(2000, 1, 1), full_member_on=date(2001, 1, 1),
                         status=MemberStatus.FULL)
            s.add(p)
            s.flush()
            ids[name] = p.id
        return b.id, ids


def _term(db, branch_id, elected, posts, ended=None):
    with db.transaction() as s:
        t = m.CommitteeTerm(branch_id=branch_id, elected_on=elected, ended_on=ended)
        s.add(t)
        s.flush()
        for member_id, post, name in posts:
            s.add(m.CommitteePostHolder(term_id=t.id, post=post, member_id=member_id, person_name=name))


def _committee(db, b, ids, names=("书记甲", "委员乙", "委员丙"), elected=date(2024, 3, 1)):
    posts = [CommitteePost.SECRETARY, CommitteePost.ORGANISATION, CommitteePost.PROPAGANDA]
    _term(db, b, elected, [(ids[n], p, n) for n, p in zip(names, posts)])


def _talk(db, b, ids, on, talker, *listeners):
    return ht.record_talk(db, b, on, ids[talker], [ids[x] for x in listeners], content="谈了思想和工作", today=TODAY)


def _missing(view):
    return sorted((r.first, r.second) for r in view.rows if not r.done)


def test_coverage_counts_committee_pairs_and_members_with_a_committee_member(db):
    b, ids = _branch(db)
    _committee(db, b, ids)
    view = ht.coverage_view(db, b, 2026, today=TODAY)
    assert view.coverage.required == 3 + 3 and view.coverage.done == 0
    _talk(db, b, ids, date(2026, 3, 5), "书记甲", "委员乙")
    _talk(db, b, ids, date(2026, 4, 5), "党员丁", "委员丙")  # the member talked first: still the pair
    _talk(db, b, ids, date(2026, 4, 6), "党员戊", "党员己")  # two members: no 支委 in it
    _talk(db, b, ids, date(2025, 12, 30), "书记甲", "党员己")  # last year: not this year's
    view = ht.coverage_view(db, b, 2026, today=TODAY)
    assert view.coverage.done == 2
    assert _missing(view) == [("书记甲", "委员丙"), ("党员己", "任一支委"), ("党员戊", "任一支委"),
                              ("委员乙", "委员丙")]
    done = {r.first: r for r in view.rows if r.done}
    assert done["党员丁"].second == "委员丙" and done["党员丁"].dates == "2026年4月5日"
    # the talk is a final 谈心谈话 record in 三会一课 with its people as printed
    talk = svc.list_meetings(db, b, year=2026, mtype=MeetingType.HEART_TALK)[0]
    assert (talk.host, talk.state) in (("党员戊", MeetingState.FINAL), ("党员丁", MeetingState.FINAL))


def test_a_committee_change_in_the_year(db):
    b, ids = _branch(db)
    # 委员丙 serves until June; 党员丁 is elected in July: they never served together
    _term(db, b, date(2024, 3, 1), [(ids["书记甲"], CommitteePost.SECRETARY, "书记甲"),
                                    (ids["委员丙"], CommitteePost.PROPAGANDA, "委员丙")])
    _term(db, b, date(2026, 7, 1), [(ids["书记甲"], CommitteePost.SECRETARY, "书记甲"),
                                    (ids["党员丁"], CommitteePost.PROPAGANDA, "党员丁")])
    view = ht.coverage_view(db, b, 2026, today=TODAY)
    pairs = sorted((r.first, r.second) for r in view.rows if r.kind == "支委之间")
    assert pairs == [("书记甲", "党员丁"), ("书记甲", "委员丙")]
    assert {r.first for r in view.rows if r.kind == "支委与党员"} == {"委员乙", "党员戊", "党员己"}
    # a talk with 委员丙 counts while 丙 was a 支委, not after
    _talk(db, b, ids, date(2026, 5, 10), "委员丙", "党员戊")
    _talk(db, b, ids, date(2026, 9, 10), "委员丙", "党员己")
    view = ht.coverage_view(db, b, 2026, today=TODAY)
    state = {r.first: r.done for r in view.rows if r.kind == "支委与党员"}
    assert state == {"委员乙": False, "党员戊": True, "党员己": False}


def test_a_branch_without_a_committee_the_secretary_talks_with_everyone(db):
    b, ids = _branch(db, CommitteeMode.AUTO, NAMES[:5])  # 5 正式党员: no 支部委员会
    _term(db, b, date(2024, 3, 1), [(ids["书记甲"], CommitteePost.SECRETARY, "书记甲"),
                                    (ids["委员乙"], CommitteePost.DEPUTY_SECRETARY, "委员乙")])
    view = ht.coverage_view(db, b, 2026, today=TODAY)
    assert view.coverage.secretary_only and not view.coverage.pairs
    assert {r.first for r in view.rows} == {"委员乙", "委员丙", "党员丁", "党员戊"}
    _talk(db, b, ids, date(2026, 6, 1), "委员乙", "党员丁")  # the 副书记 is not the 书记 here
    _talk(db, b, ids, date(2026, 6, 2), "书记甲", "委员丙", "党员戊")
    view = ht.coverage_view(db, b, 2026, today=TODAY)
    assert _missing(view) == [("党员丁", "书记"), ("委员乙", "书记")]


def test_no_committee_recorded_is_said_not_counted(db):
    b, _ids = _branch(db)
    view = ht.coverage_view(db, b, 2026, today=TODAY)
    assert view.rows == [] and "支部与支委" in view.note


def test_talk_refusals_write_nothing(db):
    b, ids = _branch(db)
    other, others = _branch(db, CommitteeMode.NO, ("外人",))
    with pytest.raises(ValidationError, match="同一个人"):
        _talk(db, b, ids, date(2026, 3, 1), "书记甲", "书记甲")
    with pytest.raises(ValidationError, match="今天之后"):
        _talk(db, b, ids, date(2026, 12, 1), "书记甲", "委员乙")
    with pytest.raises(ValidationError, match="不是本支部"):
        ht.record_talk(db, b, date(2026, 3, 1), ids["书记甲"], [others["外人"]], today=TODAY)
    assert svc.list_meetings(db, b, year=2026) == []


def test_the_meeting_editor_path_gains_pairs_from_the_names(db):
    b, ids = _branch(db)
    _committee(db, b, ids)
    d = svc.new_meeting(db, b, MeetingType.HEART_TALK, date(2026, 5, 1), host="书记甲", counterpart="党员丁、党员戊")
    form = d.form()
    svc.save_meeting(db, d.id, form)
    with db.session() as s:
        pairs = s.execute(select(m.HeartTalkPair.talker_id, m.HeartTalkPair.listener_id)).all()
    assert sorted(pairs) == sorted([(ids["书记甲"], ids["党员丁"]), (ids["书记甲"], ids["党员戊"])])
    # a draft is not a talk held: counted once final
    assert ht.coverage_view(db, b, 2026, today=TODAY).coverage.done == 0
    svc.finalise_meeting(db, d.id)
    assert ht.coverage_view(db, b, 2026, today=TODAY).coverage.done == 2


def _coverage_findings(db, b, as_of):
    return [f for f in run_check(db, [b], as_of) if f.rule == core.COVERAGE_RULE]


def test_the_reminder_starts_in_october_or_when_the_org_life_meeting_is_planned(db):
    b, ids = _branch(db)
    _committee(db, b, ids)
    assert _coverage_findings(db, b, date(2026, 9, 30)) == []
    found = _coverage_findings(db, b, date(2026, 10, 1))
    assert len(found) == 1 and found[0].severity is Severity.DUE
    assert "委员乙与委员丙" in found[0].message and "第十九条" in found[0].message
    assert "3名党员未与支委谈" in found[0].message
    # planned in June (a draft dated ahead): reminded from then on
    svc.new_meeting(db, b, MeetingType.ORG_LIFE, date(2026, 7, 20))
    found = _coverage_findings(db, b, date(2026, 6, 1))
    assert len(found) == 1 and "组织生活会安排在2026年7月20日" in found[0].message
    # everyone talked: no reminder
    _talk(db, b, ids, date(2026, 5, 1), "书记甲", "委员乙", "委员丙", "党员丁", "党员戊", "党员己")
    _talk(db, b, ids, date(2026, 5, 2), "委员乙", "委员丙")
    assert _coverage_findings(db, b, date(2026, 10, 1)) == []


# ---------------------------------------------------------------- 民主评议 and 处置


def _appraisal(db, b, ids, on=date(2025, 12, 20), present=6):
    with db.transaction() as s:
        mt = m.Meeting(branch_id=b, type=MeetingType.APPRAISAL, held_on=on, title="民主评议党员",
                       state=MeetingState.FINAL, expected=6, present=present)
        s.add(mt)
        s.flush()
        return mt.id


def _disposal_findings(db, b, as_of):
    return [f for f in run_check(db, [b], as_of) if f.rule == core.DISPOSAL_RULE]


def test_outcomes_with_votes_and_a_final_record_asks_for_a_reason(db):
    b, ids = _branch(db)
    mid = _appraisal(db, b, ids)
    with pytest.raises(ValidationError, match="原因"):
        ap.set_result(db, mid, ids["党员丁"], AppraisalOutcome.QUALIFIED, (1, 5, 0, 0))
    with pytest.raises(ValidationError, match="多于这次评议的实到人数6人"):
        ap.set_result(db, mid, ids["党员丁"], AppraisalOutcome.QUALIFIED, (1, 5, 1, 0), reason="补录")
    line = ap.set_result(db, mid, ids["党员丁"], AppraisalOutcome.QUALIFIED, (1, 5, 0, 0), reason="补录测评结果")
    assert line.outcome is AppraisalOutcome.QUALIFIED and line.votes.values() == (1, 5, 0, 0)
    sheet = ap.sheet(db, mid)
    assert len(sheet.lines) == 6 and sheet.counts == {AppraisalOutcome.QUALIFIED: 1}
    with db.session() as s:
        audit = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "amend")).all()
    assert [a.reason for a in audit] == ["补录测评结果"] and "合格（优秀1票，合格5票" in audit[0].new["appraisals"]


def test_an_unqualified_member_has_a_disposal_until_it_is_closed(db):
    b, ids = _branch(db)
    mid = _appraisal(db, b, ids)
    line = ap.set_result(db, mid, ids["党员戊"], AppraisalOutcome.UNQUALIFIED, (0, 1, 1, 4), reason="评定")
    # before any 处置: due from the 民主评议 on, not before it
    assert _disposal_findings(db, b, date(2025, 12, 19)) == []
    [f] = _disposal_findings(db, b, date(2025, 12, 20))
    assert f.severity is Severity.DUE and "尚未登记处置" in f.message and f.subject == "党员戊"
    assert f.ref == ("appraisal", {"meeting_id": mid, "member_id": ids["党员戊"], "year": 2025})
    # refusals: 限期改正 needs a deadline; 除名 needs the 支部大会; dates not after today nor before the 评议
    bad = [(core.Disposal(DisposalAction.CORRECT), "改正期限"),
           (core.Disposal(DisposalAction.STRIKE_OFF), "支部大会"),
           (core.Disposal(DisposalAction.CORRECT, date(2026, 12, 1), date(2027, 1, 1)), "晚于今天"),
           (core.Disposal(DisposalAction.CORRECT, date(2025, 11, 1), date(2026, 6, 30)), "早于民主评议"),
           (core.Disposal(DisposalAction.CORRECT, date(2026, 1, 5), date(2026, 6, 30), date(2026, 7, 1)), "结果")]
    for track, words in bad:
        with pytest.raises(ValidationError, match=words):
            ap.save_disposal(db, line.result_id, track, today=TODAY)
    info = ap.save_disposal(db, line.result_id, core.Disposal(DisposalAction.CORRECT, date(2026, 1, 5),
                                                              date(2026, 6, 30)), today=TODAY)
    [f] = _disposal_findings(db, b, date(2026, 6, 30))
    assert f.severity is Severity.DUE and "期限至2026年6月30日" in f.message
    [f] = _disposal_findings(db, b, date(2026, 7, 1))
    assert f.severity is Severity.OVERDUE and "已过" in f.message
    # the outcome cannot silently change under a 处置
    with pytest.raises(ValidationError, match="先删除处置"):
        ap.set_result(db, mid, ids["党员戊"], AppraisalOutcome.QUALIFIED, reason="改")
    with pytest.raises(ValidationError, match="不合格"):
        other = ap.set_result(db, mid, ids["党员丁"], AppraisalOutcome.QUALIFIED, reason="评定")
        ap.save_disposal(db, other.result_id, core.Disposal(DisposalAction.CORRECT, None, date(2026, 6, 1)),
                         today=TODAY)
    # closed: shown until the day it closed, gone after
    ap.save_disposal(db, line.result_id, core.Disposal(DisposalAction.CORRECT, date(2026, 1, 5), date(2026, 6, 30),
                                                       date(2026, 7, 10), "已改正，经考察评定为合格"),
                     version=info.version, today=TODAY)
    assert len(_disposal_findings(db, b, date(2026, 7, 9))) == 1
    assert _disposal_findings(db, b, date(2026, 7, 10)) == []
    shown = next(x for x in ap.sheet(db, mid).lines if x.member_id == ids["党员戊"])
    assert shown.disposal_text == "限期改正，支部大会2026年1月5日决定，限2026年6月30日前，2026年7月10日办结：已改正，经考察评定为合格"


def test_the_result_table_export(db, workdir):
    from openpyxl import load_workbook

    from dangjian_desktop.services.exports import ExportRequest, run_export

    b, ids = _branch(db)
    mid = _appraisal(db, b, ids)
    ap.set_result(db, mid, ids["党员戊"], AppraisalOutcome.UNQUALIFIED, (0, 1, 1, 4), note="屡次缺席", reason="评定")
    ap.set_result(db, mid, ids["书记甲"], AppraisalOutcome.EXCELLENT, (5, 1, 0, 0), reason="评定")
    from dangjian_desktop.services import points as ps

    before = ps.year_totals(db, b, 2025)
    ps.add_entry(db, b, ids["党员戊"], date(2025, 6, 1), 3, "社区志愿服务", today=date(2025, 12, 31))
    empty = load_workbook(run_export(db, "appraisal", ExportRequest(b, workdir / "空.xlsx", year=2024))).active
    assert empty["A2"].value == "2024年还没有民主评议党员的记录。"
    out = run_export(db, "appraisal", ExportRequest(b, workdir / "评议.xlsx", year=2025))
    ws = load_workbook(out).active
    assert ws["A1"].value == "测试支部yes2025年民主评议党员结果表"
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, max_row=9, values_only=True)}
    from dangjian_desktop.services.appraisals import points_year
    from dangjian_desktop.services.points import year_totals

    held_on = ap.sheet(db, mid).meeting.held_on
    totals = year_totals(db, b, points_year(held_on))  # the year's 积分 beside each member (issue 23 × 24)
    assert totals[ids["党员戊"]] == before[ids["党员戊"]] + 3
    assert ws["H3"].value == "年度积分"
    assert rows["党员戊"][2:10] == (None, 0, 1, 1, 4, totals[ids["党员戊"]], "不合格", "尚未登记处置")
    assert rows["书记甲"][3:9] == (5, 1, 0, 0, totals[ids["书记甲"]], "优秀")
    assert rows["党员丁"][8] == "未评定"


def test_a_member_with_talks_or_an_outcome_is_not_deleted_but_leaves_the_roll(db):
    from dangjian_desktop.services.members import delete_member

    b, ids = _branch(db)
    _talk(db, b, ids, date(2026, 3, 5), "书记甲", "党员丁")
    mid = _appraisal(db, b, ids)
    ap.set_result(db, mid, ids["党员戊"], AppraisalOutcome.QUALIFIED, reason="评定")
    with pytest.raises(ValidationError, match="1 次谈心谈话的记录"):
        delete_member(db, ids["党员丁"], "误录入")
    with pytest.raises(ValidationError, match="1 次民主评议结果的记录"):
        delete_member(db, ids["党员戊"], "误录入")
    delete_member(db, ids["党员己"], "误录入")  # nothing recorded about 己: a mistake can go


def test_a_final_record_naming_nobody_is_named_not_silently_left_out(db):
    b, ids = _branch(db)
    _committee(db, b, ids)
    # a 谈话人 from outside the branch, a 谈话对象 not on the roster (or, from an old ledger, none): held, for nobody known
    d = svc.new_meeting(db, b, MeetingType.HEART_TALK, date(2026, 5, 1), host="上级领导", counterpart="党员丁")
    svc.finalise_meeting(db, d.id)
    d = svc.new_meeting(db, b, MeetingType.HEART_TALK, date(2026, 6, 2), host="书记甲", counterpart="查无此人")
    svc.finalise_meeting(db, d.id)
    svc.new_meeting(db, b, MeetingType.HEART_TALK, date(2026, 7, 3), host="书记甲", counterpart="")  # a draft
    _talk(db, b, ids, date(2026, 8, 1), "书记甲", "党员丁")  # named: counted, and not in the list
    view = ht.coverage_view(db, b, 2026, today=TODAY)
    assert view.unnamed == (date(2026, 5, 1), date(2026, 6, 2)) and view.coverage.done == 1
    text = ht.unnamed_text(view.unnamed)
    assert "2 次谈心谈话记录" in text and "2026年5月1日、2026年6月2日" in text and "三会一课" in text
    assert ht.unnamed_text(()) == ""
    found = _coverage_findings(db, b, date(2026, 10, 1))
    assert len(found) == 1 and "另有2次谈心谈话记录没有写明谈话人和谈话对象，未计入" in found[0].message


def _on_roll(db, b, day):
    from dangjian_desktop.services.member_exports import roster_on

    return {p.name for p in roster_on(db, b, day)}


def test_closing_a_strike_off_takes_the_member_off_the_roll_and_reopening_or_deleting_it_brings_them_back(db):
    from dangjian_desktop.services import members as ms
    from dangjian_desktop.services import undo

    b, ids = _branch(db)
    mid = _appraisal(db, b, ids)
    line = ap.set_result(db, mid, ids["党员戊"], AppraisalOutcome.UNQUALIFIED, (0, 1, 1, 4), reason="评定")
    open_track = core.Disposal(DisposalAction.STRIKE_OFF, date(2026, 1, 5))
    info = ap.save_disposal(db, line.result_id, open_track, today=TODAY)
    assert ms.get_member(db, ids["党员戊"]).on_roll  # decided, not yet closed: still on the roll
    closed = core.Disposal(DisposalAction.STRIKE_OFF, date(2026, 1, 5), None, date(2026, 1, 20), "已除名")
    info = ap.save_disposal(db, line.result_id, closed, version=info.version, today=TODAY)
    gone = ms.get_member(db, ids["党员戊"])
    assert gone.status is MemberStatus.REMOVED and gone.status_since == date(2026, 1, 20)
    last = ms.status_history(db, ids["党员戊"])[-1]
    assert (last.status, last.changed_on) == (MemberStatus.REMOVED, date(2026, 1, 20)) and "除名" in last.reason
    assert "党员戊" in _on_roll(db, b, date(2026, 1, 19)) and "党员戊" not in _on_roll(db, b, date(2026, 1, 20))
    # the closing day corrected: the leaving moves with it, and is written once
    info = ap.save_disposal(db, line.result_id, core.Disposal(DisposalAction.STRIKE_OFF, date(2026, 1, 5), None,
                                                              date(2026, 1, 25), "已除名"),
                            version=info.version, today=TODAY)
    assert [c.changed_on for c in ms.status_history(db, ids["党员戊"])
            if c.status is MemberStatus.REMOVED] == [date(2026, 1, 25)]
    assert "党员戊" in _on_roll(db, b, date(2026, 1, 24))
    # reopened (the closing cleared): back on the roll as before
    info = ap.save_disposal(db, line.result_id, open_track, version=info.version, today=TODAY)
    back = ms.get_member(db, ids["党员戊"])
    assert back.status is MemberStatus.FULL and ms.status_history(db, ids["党员戊"]) == []
    # closed again, then the 处置 deleted (entered by mistake): back on the roll; 撤销 takes them off again
    info = ap.save_disposal(db, line.result_id, closed, version=info.version, today=TODAY)
    deleted = undo.delete(db, "unqualified_disposals", info.id, "党员戊的处置记录", ap.delete_disposal,
                          also=ap.disposal_rows)
    assert ms.get_member(db, ids["党员戊"]).on_roll
    assert next(x for x in ap.sheet(db, mid).lines if x.member_id == ids["党员戊"]).disposal is None
    undo.restore(db, deleted)
    assert ms.get_member(db, ids["党员戊"]).status is MemberStatus.REMOVED
    assert next(x for x in ap.sheet(db, mid).lines if x.member_id == ids["党员戊"]).disposal.track.closed_on == \
        date(2026, 1, 20)


def test_a_closed_correction_leaves_the_member_on_the_roll(db):
    from dangjian_desktop.services import members as ms

    b, ids = _branch(db)
    mid = _appraisal(db, b, ids)
    line = ap.set_result(db, mid, ids["党员己"], AppraisalOutcome.UNQUALIFIED, reason="评定")
    ap.save_disposal(db, line.result_id, core.Disposal(DisposalAction.CORRECT, date(2026, 1, 5), date(2026, 6, 30),
                                                       date(2026, 7, 1), "已改正"), today=TODAY)
    assert ms.get_member(db, ids["党员己"]).on_roll
    # a 劝其退党 closed on a day before a later change of the member is refused (the history would turn round)
    line = ap.set_result(db, mid, ids["党员丁"], AppraisalOutcome.UNQUALIFIED, reason="评定")
    with db.transaction() as s:
        s.add(m.MemberStatusChange(member_id=ids["党员丁"], status=MemberStatus.FULL, changed_on=date(2026, 3, 1)))
    with pytest.raises(ValidationError, match="名册的先后会颠倒"):
        ap.save_disposal(db, line.result_id, core.Disposal(DisposalAction.ADVISE_LEAVE, date(2026, 1, 5), None,
                                                           date(2026, 2, 1), "已退党"), today=TODAY)
    assert ms.get_member(db, ids["党员丁"]).on_roll


def test_a_strike_off_closed_before_a_meeting_the_member_attended_is_refused(db):
    from dangjian_desktop.services import members as ms

    b, ids = _branch(db)
    mid = _appraisal(db, b, ids)
    line = ap.set_result(db, mid, ids["党员戊"], AppraisalOutcome.UNQUALIFIED, reason="评定")
    with db.transaction() as s:
        mt = m.Meeting(branch_id=b, type=MeetingType.THEME_DAY, held_on=date(2026, 2, 10), title="主题党日",
                       state=MeetingState.FINAL, expected=6, present=6)
        mt.attendance.append(m.Attendance(member_id=ids["党员戊"], status=AttendanceStatus.PRESENT))
        s.add(mt)
    closed = core.Disposal(DisposalAction.STRIKE_OFF, date(2026, 1, 5), None, date(2026, 2, 1), "已除名")
    with pytest.raises(ValidationError, match="2026年2月10日的主题党日有出勤记录"):
        ap.save_disposal(db, line.result_id, closed, today=TODAY)
    assert ms.get_member(db, ids["党员戊"]).on_roll
    ap.save_disposal(db, line.result_id, core.Disposal(DisposalAction.STRIKE_OFF, date(2026, 1, 5), None,
                                                       date(2026, 2, 11), "已除名"), today=TODAY)
    assert not ms.get_member(db, ids["党员戊"]).on_roll
