"""谈话评议 through qtbot: the coverage view filling as talks are recorded (people picked from the roster), and a
民主评议 with one 不合格 whose 处置 is opened and then closed (the 首页 finding comes and goes)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from dangjian_desktop.core.glossary import AppraisalOutcome, CommitteeMode, CommitteePost, MeetingType, MemberStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.gui.pages.reviews_page import ReviewsPage
from dangjian_desktop.gui.review_dialogs import DisposalDialog, ResultDialog, TalkDialog
from dangjian_desktop.services import appraisals as ap
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.check import run_check
from tests.conftest import TODAY


def _page(qtbot, db, asker, branch_id):
    from dangjian_desktop.gui.context import AppContext
    from dangjian_desktop.userconfig import UserConfig

    ctx = AppContext(db=db, config=UserConfig(), asker=asker, branch_id=branch_id)
    p = ReviewsPage(ctx, None, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitUntil(lambda: p.talk_summary.text() != "", timeout=10000)
    return p


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def ok(dialog):
    return dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


@pytest.fixture
def small_branch(db):
    with db.transaction() as s:
        b = m.Branch(name="光明支部", committee_mode=CommitteeMode.YES)
        s.add(b)
        s.flush()
        ids = {}
        for name in ("王书记", "李委员", "张三", "赵四"):
            p = m.Member(branch_id=b.id, name=name, joined_on=date(2000, 1, 1), full_member_on=date(2001, 1, 1),
                         status=MemberStatus.FULL)
            s.add(p)
            s.flush()
            ids[name] = p.id
        t = m.CommitteeTerm(branch_id=b.id, elected_on=date(2024, 1, 10))
        s.add(t)
        s.flush()
        s.add_all([m.CommitteePostHolder(term_id=t.id, post=CommitteePost.SECRETARY, member_id=ids["王书记"],
                                         person_name="王书记"),
                   m.CommitteePostHolder(term_id=t.id, post=CommitteePost.ORGANISATION, member_id=ids["李委员"],
                                         person_name="李委员")])
        return b.id, ids


def _state(page) -> dict[str, str]:
    model = page.coverage_model
    return {f"{r.first}-{r.second}": model.data(model.index(i, model.COL_STATE)) for i, r in enumerate(model.rows)}


def test_the_coverage_fills_as_talks_are_recorded(qtbot, db, asker, small_branch, settle, typist):
    b, ids = small_branch
    page = _page(qtbot, db, asker, b)
    assert _state(page) == {"王书记-李委员": "未谈", "张三-任一支委": "未谈", "赵四-任一支委": "未谈"}
    assert "应谈 3 项" in page.talk_summary.text() and "还差 3 项" in page.talk_summary.text()
    first = page.coverage_model.index(0, page.coverage_model.COL_STATE)
    assert page.coverage_model.data(first, Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"

    # 登记 for a missing pair: the dialog with its two people
    page.coverage_view.selectRow(0)
    dialog = TalkDialog(page.ctx, page.roster, page, TODAY, "王书记", "李委员")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.dateEdit.setDate(QDate(2026, 10, 12))
    typist(dialog.form.contentEdit, "交流了支部工作分工")
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        click(qtbot, ok(dialog))
        settle()
        page.refresh()
    assert dialog.saved and _state(page)["王书记-李委员"] == "已谈"

    # a name not on the roster is refused in the dialog, nothing written
    dialog = TalkDialog(page.ctx, page.roster, page, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    typist(dialog.form.talkerEdit, "李委员")
    typist(dialog.form.listenerEdit, "王五")
    click(qtbot, ok(dialog))
    settle()
    assert dialog.isVisible() and "不在本支部党员名单中" in dialog.form.errorLabel.text()
    # two at once: 张三、赵四
    dialog.form.listenerEdit.clear()
    typist(dialog.form.listenerEdit, "张三、赵四")
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        click(qtbot, ok(dialog))
        settle()
        page.refresh()
    assert _state(page) == {"王书记-李委员": "已谈", "张三-李委员": "已谈", "赵四-李委员": "已谈"}
    assert "已全部谈到" in page.talk_summary.text()
    assert not [f for f in run_check(db, [b], TODAY) if f.rule == "HEART-TALK-COVERAGE"] and "另有" not in page.talk_summary.text()


def test_a_record_naming_nobody_on_the_roster_is_said_under_the_coverage(qtbot, db, asker, small_branch):
    b, _ids = small_branch
    page = _page(qtbot, db, asker, b)
    assert "另有" not in page.talk_summary.text()
    # a 谈心谈话 kept in 三会一课 whose 谈话人 is not on the roster: held, but counted for nobody
    d = svc.new_meeting(db, b, MeetingType.HEART_TALK, date(2026, 6, 2), host="上级领导", counterpart="张三")
    svc.finalise_meeting(db, d.id)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.refresh()
    summary = page.talk_summary.text()
    assert "已谈 0 项" in summary and "另有 1 次谈心谈话记录（2026年6月2日）" in summary and "三会一课" in summary


def test_an_appraisal_with_one_unqualified_and_its_disposal_closed(qtbot, demo_db, asker, settle, typist):
    page = _page(qtbot, demo_db, asker, 1)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.year_spin.setValue(2025)
    page.tabs.setCurrentIndex(1)
    assert page.meeting is not None and page.meeting_combo.count() == 1
    # the demo's 不合格 (its 处置 runs): closed first, so that one 不合格 is left, the one made here
    demo_one = next(x for x in page.appraisal_model.rows if x.outcome is AppraisalOutcome.UNQUALIFIED)
    track = demo_one.disposal.track
    ap.save_disposal(demo_db, demo_one.result_id, type(track)(track.action, track.decided_on, track.deadline,
                                                              date(2026, 11, 1), "已改正"), today=TODAY)
    page.refresh()
    settle()
    row = next(i for i, x in enumerate(page.appraisal_model.rows) if x.outcome is AppraisalOutcome.QUALIFIED)
    line = page.appraisal_model.rows[row]
    page.appraisal_view.selectRow(row)

    dialog = ResultDialog(page.ctx, page.meeting, line, page)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.reasonEdit.isVisible()  # the demo's record is final
    dialog.form.outcomeCombo.setCurrentIndex(dialog.form.outcomeCombo.findText("不合格"))
    for spin, v in zip(dialog.spins, (0, 2, 3, 20)):
        spin.setValue(v)
    click(qtbot, ok(dialog))
    settle()
    assert dialog.isVisible() and "原因" in dialog.form.errorLabel.text()
    typist(dialog.form.reasonEdit, "按民主测评结果重新评定")
    click(qtbot, ok(dialog))
    settle()
    assert dialog.saved and dialog.saved.outcome is AppraisalOutcome.UNQUALIFIED
    page.refresh()
    settle()
    line = next(x for x in page.appraisal_model.rows if x.member_id == line.member_id)
    col = page.appraisal_model.COL_DISPOSAL
    shown = page.appraisal_model.index(page.appraisal_model.rows.index(line), col)
    assert page.appraisal_model.data(shown) == "尚未登记处置"
    home = [f for f in run_check(demo_db, [1], TODAY) if f.rule == "APPRAISAL-DISPOSAL"]
    assert [f.subject for f in home] == [line.name]

    # 处置: 限期改正 without a deadline is refused in the dialog; with one it runs (still on 首页)
    dialog = DisposalDialog(page.ctx, page.meeting, line, page, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.decidedEdit.setDate(QDate(2026, 1, 8))
    click(qtbot, ok(dialog))
    settle()
    assert dialog.isVisible() and "改正期限" in dialog.form.errorLabel.text()
    dialog.form.deadlineEdit.setDate(QDate(2026, 7, 8))
    click(qtbot, ok(dialog))
    settle()
    assert dialog.saved and dialog.saved.track.open
    home = [f for f in run_check(demo_db, [1], TODAY) if f.rule == "APPRAISAL-DISPOSAL"]
    assert len(home) == 1 and "期限2026年7月8日已过" in home[0].message

    # closed with a date and the result: gone from 首页, shown in the table
    page.refresh()
    settle()
    line = next(x for x in page.appraisal_model.rows if x.member_id == line.member_id)
    dialog = DisposalDialog(page.ctx, page.meeting, line, page, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.closedEdit.setDate(QDate(2026, 11, 20))
    typist(dialog.form.closingEdit, "经教育已改正")
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        click(qtbot, ok(dialog))
        settle()
        page.refresh()
    assert not [f for f in run_check(demo_db, [1], TODAY) if f.rule == "APPRAISAL-DISPOSAL"]
    line = next(x for x in page.appraisal_model.rows if x.member_id == line.member_id)
    assert line.disposal_text.endswith("2026年11月20日办结：经教育已改正")


def test_a_finding_on_home_opens_the_member_in_the_appraisal(qtbot, demo_db, asker):
    page = _page(qtbot, demo_db, asker, 1)
    [f] = [f for f in run_check(demo_db, [1], TODAY) if f.rule == "APPRAISAL-DISPOSAL"]
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.open_ref(f.ref)
    assert page.year_spin.value() == 2025 and page.tabs.currentIndex() == 1
    chosen = page.appraisal_view.selectionModel().selectedRows()
    assert [page.appraisal_model.rows[i.row()].name for i in chosen] == [f.subject]


def test_closing_a_strike_off_takes_the_member_off_the_roll_and_deleting_the_disposal_is_undone(
        qtbot, make_window, demo_db, asker, settle, typist, when_modal):
    from dangjian_desktop.services import members as ms

    window = make_window(demo_db)
    page = window.show_page("reviews")
    page.today = TODAY
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.year_spin.setValue(2025)
    page.tabs.setCurrentIndex(1)
    row, line = next((i, x) for i, x in enumerate(page.appraisal_model.rows)
                     if x.outcome is AppraisalOutcome.UNQUALIFIED)
    assert line.disposal is not None and line.disposal.track.open and ms.get_member(demo_db, line.member_id).on_roll
    page.appraisal_view.selectRow(row)
    assert page.disposal_delete_button.isEnabled()

    def strike_off(dialog: DisposalDialog) -> None:
        f = dialog.form
        assert "离开本支部名册" in f.whoLabel.text()
        f.actionCombo.setCurrentIndex(f.actionCombo.findText("除名"))
        f.decidedEdit.setDate(QDate(2026, 11, 2))
        f.closedEdit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))  # after every meeting she was expected at
        typist(f.closingEdit, "经支部大会讨论决定除名，已报上级党委")
        click(qtbot, ok(dialog))
        QTimer.singleShot(5000, dialog, dialog.reject)  # refused, it would stay open: the test fails, not hangs

    asker.confirm_answers.append(True)
    when_modal(strike_off)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        click(qtbot, page.disposal_button)
    kind, title, text = asker.messages[-1]
    assert (kind, title) == ("confirm", "处置办结") and f"{line.name}自2026年11月23日起离开本支部名册" in text
    gone = ms.get_member(demo_db, line.member_id)
    assert gone.status is MemberStatus.REMOVED and gone.status_since == TODAY
    line = page.appraisal_model.rows[row]
    assert line.disposal_text.startswith("除名") and "2026年11月23日办结" in line.disposal_text
    assert page.appraisal_view.selectionModel().selectedRows()[0].row() == row  # the same member stays chosen

    # deleted (entered by mistake): back on the roll; 撤销删除 brings the 处置 and the leaving back
    asker.confirm_answers.append(True)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        click(qtbot, page.disposal_delete_button)
    assert "回到本支部名册上" in asker.messages[-1][2]
    assert ms.get_member(demo_db, line.member_id).on_roll
    assert page.appraisal_model.rows[row].disposal_text == "尚未登记处置"
    assert window.undo_button.isVisible() and f"{line.name}的处置记录" in window.undo_button.text()
    click(qtbot, window.undo_button)
    settle()
    assert ms.get_member(demo_db, line.member_id).status is MemberStatus.REMOVED
    qtbot.waitUntil(lambda: page.appraisal_model.rows[row].disposal is not None, timeout=10000)
