"""发展党员 page through qtbot: the board, a person's timeline, the step editor refusing and saving."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from dangjian_desktop.core.glossary import MemberStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.development_editor import ApplicantDialog, StepDialog
from dangjian_desktop.services import development as dev
from dangjian_desktop.userconfig import UserConfig
from tests.conftest import TODAY
from tests.gui.conftest import wait_idle


def dev_page(window):
    page = window.show_page("development")
    page.today = TODAY
    page.refresh()
    wait_idle()
    return page


def card_names(column):
    return [column.model.rows[r].name for r in range(column.model.rowCount())]


def click(qtbot, view, row):
    index = view.model().index(row, 0)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_board_shows_a_card_per_person_in_the_stage_of_the_next_step_and_opens_the_person(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    page = dev_page(window)
    columns = {c.stage_no: c for c in page.columns}
    expected = {col.stage: [c.name for c in col.cards] for col in dev.board(demo_db, 1, TODAY)}
    assert {no: card_names(c) for no, c in columns.items()} == expected
    assert "逾期" in columns[2].title.text()
    late = columns[2].model.rows[0]
    assert late.urgency == "overdue"  # most urgent first
    click(qtbot, columns[2].view, 0)
    wait_idle()
    assert page.stack.currentWidget() is page.person
    assert late.name in page.person.title.text()
    assert page.person.timeline_model.rowCount() == 25
    assert page.person.findings_model.rowCount() == late.findings
    qtbot.mouseClick(page.person.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 0


def test_a_finding_opens_the_person_from_another_page(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    window.open_ref(("applicant", 4))
    wait_idle()
    page = window.pages["development"]
    assert window.stack.currentWidget() is page
    assert page.person.detail.id == 4


def _dialog(qtbot, db, applicant_id, no, asker):
    ctx = AppContext(db=db, config=UserConfig(), asker=asker)
    dialog = StepDialog(ctx, dev.applicant_detail(db, applicant_id, TODAY), no, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)  # the rules and the roster are read off the GUI thread
    return dialog


def _set_date(dialog, d: date):
    from dangjian_desktop.gui.development_editor import to_qdate

    dialog.form.dateEdit.setDate(to_qdate(d))


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle()  # saved on the worker lane: the dialog closes once that succeeded


def test_step_editor_refuses_a_probationary_sponsor_with_the_rule_and_then_saves(qtbot, demo_db, asker, typist):
    # 邱玲梅 (id 6) has recorded step 9; re-enter it with a 预备党员 as the second sponsor
    with demo_db.session() as s:
        probationary = s.scalar(select(m.Member.name).where(m.Member.status == MemberStatus.PROBATIONARY,
                                                            m.Member.branch_id == 1))
    dialog = _dialog(qtbot, demo_db, 6, 9, asker)
    before = dev.applicant_detail(demo_db, 6).step(9).people
    f = dialog.form
    assert f.peopleBox.isVisible() and not f.voteBox.isVisible()
    f.person2Combo.setCurrentIndex(0)
    f.person2Combo.lineEdit().clear()
    typist(f.person2Combo.lineEdit(), probationary)
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert "两名入党介绍人" in f.errorLabel.text() and "预备党员" in f.errorLabel.text() and "第十七条" in f.errorLabel.text()
    assert dev.applicant_detail(demo_db, 6).step(9).people == before  # nothing written
    f.person2Disciplined.setChecked(False)
    f.person2Combo.setCurrentIndex(f.person2Combo.findData(before[1]["member_id"]))
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert [p["name"] for p in dev.applicant_detail(demo_db, 6).step(9).people] == [p["name"] for p in before]


def test_vote_result_is_computed_and_a_vote_without_quorum_is_refused(qtbot, demo_db, asker):
    # 肖超平 (id 8) is at step 15; the 支部大会 with too few present
    dialog = _dialog(qtbot, demo_db, 8, 15, asker)
    f = dialog.form
    assert f.voteBox.isVisible() and not f.peopleBox.isVisible()
    _set_date(dialog, date(2026, 11, 20))
    f.expectedSpin.setValue(30)
    f.presentSpin.setValue(15)
    f.favourSpin.setValue(15)
    assert "未超过应到人数的半数" in f.voteResultLabel.text()
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert "支部大会表决" in f.errorLabel.text() and "第二十四条" in f.errorLabel.text()
    assert dev.applicant_detail(demo_db, 8).step(15).done_on is None


def test_admission_through_the_editor_puts_the_person_on_the_roster(qtbot, demo_db, asker):
    # 唐悦妍 (id 7) is at step 12: record 12 (with 公示), 13, 14, then 15 with a passing vote
    for no, day in ((12, date(2026, 11, 5)), (13, date(2026, 11, 16)), (14, date(2026, 11, 17))):
        dialog = _dialog(qtbot, demo_db, 7, no, asker)
        _set_date(dialog, day)
        if no == 12:
            from dangjian_desktop.gui.development_editor import to_qdate

            assert dialog.form.noticeBox.isVisible()
            dialog.form.noticeCheck.setChecked(True)
            dialog.form.noticeFromEdit.setDate(to_qdate(date(2026, 11, 9)))
            dialog.form.noticeToEdit.setDate(to_qdate(date(2026, 11, 13)))
        _save(qtbot, dialog)
        assert not dialog.isVisible(), dialog.form.errorLabel.text()
    dialog = _dialog(qtbot, demo_db, 7, 15, asker)
    _set_date(dialog, date(2026, 11, 20))
    f = dialog.form
    f.expectedSpin.setValue(30)
    f.presentSpin.setValue(25)
    f.favourSpin.setValue(24)
    f.abstainSpin.setValue(1)
    assert "通过" in f.voteResultLabel.text()
    _save(qtbot, dialog)
    assert not dialog.isVisible(), f.errorLabel.text()
    detail = dev.applicant_detail(demo_db, 7, TODAY)
    with demo_db.session() as s:
        member = s.get(m.Member, detail.member_id)
        assert (member.status, member.joined_on) == (MemberStatus.PROBATIONARY, date(2026, 11, 20))


def test_new_applicant_dialog_takes_birth_and_sex_from_the_id_number(qtbot, demo_db, asker, typist):
    ctx = AppContext(db=demo_db, config=UserConfig(), asker=asker)
    dialog = ApplicantDialog(ctx, 1, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    f = dialog.form
    typist(f.nameEdit, "钱多多")
    typist(f.idNumberEdit, "11010120000229002X")
    assert f.errorLabel.text() == "" or "校验" in f.errorLabel.text()
    from dangjian_desktop.core.idcard import check_digit

    number = "11010120000229002" + check_digit("11010120000229002")
    f.idNumberEdit.clear()
    typist(f.idNumberEdit, number)
    assert f.birthEdit.date().toString("yyyy-MM-dd") == "2000-02-29"
    assert f.genderCombo.currentText() == "女"
    _save(qtbot, dialog)
    assert not dialog.isVisible(), f.errorLabel.text()
    assert dialog.result_detail.name == "钱多多"
    assert dialog.result_detail.step(1).done_on == TODAY


def test_step_attachments_are_added_listed_and_removed(qtbot, demo_db, asker, workdir, monkeypatch):
    from dangjian_desktop.gui import attachment_opener
    from dangjian_desktop.services.attachments import list_attachments

    opened = []

    class Desktop:  # the PC's own viewer: record what would be opened
        @staticmethod
        def openUrl(url):  # noqa: N802 - Qt's name
            opened.append(Path(url.toLocalFile()))
            return True

    monkeypatch.setattr(attachment_opener, "QDesktopServices", Desktop)

    scan = workdir / "入党申请书 扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    dialog = _dialog(qtbot, demo_db, 4, 1, asker)
    f = dialog.form
    assert f.attachmentsBox.isEnabled()
    asker.file_answers.append(str(scan))
    qtbot.mouseClick(f.attachmentsPanel.add_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.attachments.rowCount() == 1 and "扫描件" in dialog.attachments.data(dialog.attachments.index(0, 0))
    step_id = dev.applicant_detail(demo_db, 4).step(1).id
    assert [a.file_name for a in list_attachments(demo_db, "step", step_id)] == ["入党申请书 扫描件.pdf"]
    assert dev.applicant_detail(demo_db, 4).step(1).attachments == 1
    f.attachmentsPanel.view.setCurrentIndex(dialog.attachments.index(0, 0))
    qtbot.mouseClick(f.attachmentsPanel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)  # fetched on the database lane
    assert opened[0].read_bytes() == b"%PDF-1.4 scan" and demo_db.attachments_dir in opened[0].parents
    asker.confirm_answers.append(True)
    qtbot.mouseClick(f.attachmentsPanel.remove_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.attachments.rowCount() == 0 and list_attachments(demo_db, "step", step_id) == []
    # a step not yet recorded cannot take attachments until it is saved
    assert not _dialog(qtbot, demo_db, 3, 5, asker).form.attachmentsBox.isEnabled()


def test_a_half_year_review_added_in_the_person_view_clears_the_overdue_finding(qtbot, make_window, demo_db, typist):
    from dangjian_desktop.gui.development_editor import ReviewDialog, to_qdate

    window = make_window(demo_db)
    page = dev_page(window)
    page.open_applicant(3)  # 史志阳: 半年考察 overdue
    wait_idle()
    person = page.person
    assert any(f.rule == "DEV-REVIEW-6M" for f in person.findings_model.rows)
    dialog = ReviewDialog(person.ctx, person.detail, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.dateEdit.setDate(to_qdate(date(2026, 11, 20)))
    typist(dialog.form.contentEdit, "半年考察：表现良好")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    person.show_applicant(3, TODAY)
    wait_idle()
    assert person.reviews_model.rows[0].content == "半年考察：表现良好"
    assert not any(f.rule == "DEV-REVIEW-6M" for f in person.findings_model.rows)


def test_importing_a_ledger_from_the_page_asks_first_then_shows_the_people(qtbot, make_window, db, asker, workdir):
    from openpyxl import Workbook

    from dangjian_desktop.core.idcard import check_digit
    from dangjian_desktop.services.branches import create_branch

    create_branch(db, "测试支部")
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "公民身份号码", "申请入党时间", "谈话时间"])
    first = "11010119900102111"
    ws.append(["孙一", first + check_digit(first), "2026.10.1", "2026.10.20"])
    ws.append(["李二", None, "2026.11.1", None])
    path = workdir / "台账.xlsx"
    wb.save(path)
    window = make_window(db)
    page = dev_page(window)
    asker.file_answers.append(str(path))
    asker.confirm_answers.append(True)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("将新建 2 人" in m[2] for m in asker.messages), timeout=10000)
    qtbot.waitUntil(lambda: sum(c.model.rowCount() for c in page.columns) == 2, timeout=10000)
    stage = {c.stage_no: card_names(c) for c in page.columns}
    assert stage[1] == ["李二"] and stage[2] == ["孙一"]
    # a file with a bad date is refused with the row and column, nothing imported
    ws.append(["王三", None, "2026.13.1", None])
    wb.save(path)
    asker.file_answers.append(str(path))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    wait_idle()
    kind, title, text = asker.messages[-1]
    assert kind == "error" and "第4行" in text and "C列" in text
    assert len(dev.list_applicants(db, 1)) == 2


def test_editing_particulars_records_a_planned_departure_that_the_rules_then_see(qtbot, demo_db, asker, typist):
    from dangjian_desktop.gui.development_editor import to_qdate

    ctx = AppContext(db=demo_db, config=UserConfig(), asker=asker)
    detail = dev.applicant_detail(demo_db, 8, TODAY)  # 肖超平: 预审 done, step 15 next
    dialog = ApplicantDialog(ctx, 1, today=TODAY, existing=detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    f = dialog.form
    assert not f.nameEdit.isEnabled() and f.nameEdit.text() == detail.name
    f.phoneEdit.clear()
    typist(f.phoneEdit, "13900001111")
    f.leavesEdit.setDate(to_qdate(detail.step(13).done_on + (date(2026, 1, 31) - date(2026, 1, 1))))
    _save(qtbot, dialog)
    assert not dialog.isVisible(), f.errorLabel.text()
    after = dev.applicant_detail(demo_db, 8, TODAY)
    assert after.phone == "13900001111" and after.leaves_unit_on is not None
    step = _dialog(qtbot, demo_db, 8, 15, asker)
    _set_date(step, date(2026, 11, 20))
    step.form.expectedSpin.setValue(30)
    step.form.presentSpin.setValue(25)
    step.form.favourSpin.setValue(25)
    _save(qtbot, step)
    assert "三个月内离开单位" in step.form.errorLabel.text()


def test_clearing_a_step_only_the_last_and_never_one_on_the_roster(qtbot, make_window, demo_db, asker):
    window = make_window(demo_db)
    page = dev_page(window)
    page.open_applicant(7)  # 唐悦妍: last done step 11
    wait_idle()
    person = page.person
    person.timeline.setCurrentIndex(person.timeline_model.index(9, 0))  # step 10
    asker.confirm_answers.append(True)
    qtbot.mouseClick(person.clear_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert asker.messages[-1][0] == "warn" and "只能先清除后面的步骤" in asker.messages[-1][2]
    person.timeline.setCurrentIndex(person.timeline_model.index(10, 0))  # step 11
    asker.confirm_answers.append(True)
    qtbot.mouseClick(person.clear_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dev.applicant_detail(demo_db, 7).step(11).done_on is None
    assert person.detail.next_step.no == 11
    page.open_applicant(4)  # 杜丹雪: step 15 made her a 预备党员
    wait_idle()
    person.timeline.setCurrentIndex(person.timeline_model.index(20, 0))  # step 21, the last
    asker.confirm_answers.append(True)
    qtbot.mouseClick(person.clear_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dev.applicant_detail(demo_db, 4).step(21).done_on is None
    with demo_db.session() as s:
        assert s.get(m.Member, person.detail.member_id).status is MemberStatus.PROBATIONARY


def test_a_review_can_be_removed_after_confirming(qtbot, make_window, demo_db, asker):
    window = make_window(demo_db)
    page = dev_page(window)
    page.open_applicant(4)
    wait_idle()
    person = page.person
    before = person.reviews_model.rowCount()
    person.reviews.setCurrentIndex(person.reviews_model.index(0, 0))
    asker.confirm_answers.append(False)
    qtbot.mouseClick(person.remove_review_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert person.reviews_model.rowCount() == before
    asker.confirm_answers.append(True)
    qtbot.mouseClick(person.remove_review_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert person.reviews_model.rowCount() == before - 1 == len(dev.applicant_detail(demo_db, 4).reviews)


def test_extension_chosen_in_the_editor_moves_the_next_discussion(qtbot, demo_db, asker):
    from dangjian_desktop.core.dates import add_months

    end = date(2027, 5, 31)  # 杜丹雪 (id 4) joined 2026-05-31
    dev.record_step(demo_db, 4, 22, date(2027, 5, 10))
    dialog = _dialog(qtbot, demo_db, 4, 23, asker)
    f = dialog.form
    assert f.outcomeBox.isVisible() and not f.extensionSpin.isVisible()
    _set_date(dialog, end)
    f.expectedSpin.setValue(30)
    f.presentSpin.setValue(20)
    f.favourSpin.setValue(20)
    f.outcomeCombo.setCurrentIndex(f.outcomeCombo.findText("延长预备期"))
    assert f.extensionSpin.isVisible() and f.extensionSpin.value() == 6
    f.extensionSpin.setValue(13)
    _save(qtbot, dialog)
    assert "预备期一年" in f.errorLabel.text() and "6至12个月" in f.errorLabel.text()
    f.extensionSpin.setValue(8)
    _save(qtbot, dialog)
    assert not dialog.isVisible(), f.errorLabel.text()
    detail = dev.applicant_detail(demo_db, 4, date(2027, 6, 1))  # as of a day after the 支部大会
    assert detail.extension_months == 8
    assert (detail.next_step.no, detail.next_step.due) == (23, add_months(end, 8))
    with demo_db.session() as s:
        assert s.get(m.Member, detail.member_id).probation_extension_months == 8


def test_the_vote_recorded_with_the_branch_congress_is_brought_into_step_15(qtbot, demo_db, asker):
    mv = dev.meeting_vote(demo_db, 4, 15)  # the demo's 支部党员大会 that accepted 杜丹雪
    assert mv is not None
    dialog = _dialog(qtbot, demo_db, 4, 15, asker)
    f = dialog.form
    f.expectedSpin.setValue(0)
    assert f.fromMeetingButton.isVisible()
    qtbot.mouseClick(f.fromMeetingButton, Qt.MouseButton.LeftButton)
    assert f.dateEdit.date().toString("yyyy-MM-dd") == mv.held_on.isoformat()
    assert (f.expectedSpin.value(), f.presentSpin.value(), f.favourSpin.value()) == (
        mv.expected_voters, mv.present_voters, mv.in_favour)
    _save(qtbot, dialog)
    assert not dialog.isVisible(), f.errorLabel.text()
    assert dev.applicant_detail(demo_db, 4).step(15).details.meeting_id == mv.meeting_id
    assert not _dialog(qtbot, demo_db, 8, 15, asker).form.fromMeetingButton.isVisible()  # no meeting recorded yet
