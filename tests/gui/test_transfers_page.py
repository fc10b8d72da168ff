"""组织关系 through qtbot, as a secretary does it: on the 党员 page pick a member, 转出…, type where to and
the letter's number, 办理转出, save the 介绍信; the 组织关系 page lists the 转出, the 回执 is recorded when it
comes back; a 转入 typed in; a 流动党员 recorded; the 报到 tab only for a 社区 branch."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from docx import Document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dangjian_desktop.core.glossary import MemberStatus, TransferDirection
from dangjian_desktop.gui.pages.transfers_page import OutModel
from dangjian_desktop.gui.transfer_dialogs import (
    FloatingDialog,
    ReceiptDialog,
    TransferEditDialog,
    TransferInDialog,
    TransferOutDialog,
)
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import transfers as ts
from dangjian_desktop.services.branches import set_community
from tests.conftest import TODAY
from tests.roster_files import id_for


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def ok_button(dialog):
    return dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


class WhenShown:
    """Runs `act(dialog)` once a dialog of `kind` is on screen: the page opens it with exec() (modal) from
    inside a click, so the test's hands reach it from a timer, as a person's reach the window that opened."""

    def __init__(self, kind, act) -> None:
        self.kind, self.act, self.seen = kind, act, []
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(30)

    def _poll(self) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, self.kind) and w.isVisible() and not self.seen:
                self.seen.append(w)
                self.timer.stop()
                self.act(w)
                return


@pytest.fixture
def window(make_window, demo_db):
    w = make_window(demo_db)
    yield w
    w.ctx.lane.wait(10000)


def test_transfer_out_from_the_members_page_with_its_letter_and_receipt(qtbot, window, asker, typist, settle,
                                                                         workdir):
    page = window.show_page("members")
    page.today = TODAY
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    member = next(m for m in page.model.members if m.on_roll and m.status is MemberStatus.FULL)
    page.select_member(member.id)
    assert page.transfer_button.isEnabled()
    letter = workdir / "介绍信.docx"
    asker.file_answers = [str(letter)]

    def fill(dialog: TransferOutDialog) -> None:
        click(qtbot, ok_button(dialog))  # nothing typed: refused in the dialog, in Chinese
        settle()
        assert dialog.isVisible() and "转往的党组织" in dialog.form.errorLabel.text()
        typist(dialog.form.toEdit, "中共XX大学计算机学院第二党支部")
        typist(dialog.form.reasonEdit, "工作调动")
        typist(dialog.form.letterNoEdit, "2026-015")
        assert dialog.form.letterCheck.isChecked()
        click(qtbot, ok_button(dialog))

    shown = WhenShown(TransferOutDialog, fill)
    click(qtbot, page.transfer_button)
    qtbot.waitUntil(lambda: bool(shown.seen) and not shown.seen[0].isVisible(), timeout=20000)
    settle()
    assert ms.get_member(window.ctx.db, member.id).status is MemberStatus.TRANSFERRED_OUT
    qtbot.waitUntil(letter.exists, timeout=10000)
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert f"{member.name}同志系中共正式党员" in text and "第 2026-015 号" in text and "回执" in text
    assert member.name not in [m.name for m in page.model.members if m.on_roll]

    # the 组织关系 page: the 转出 with its 回执 still awaited; record it
    tpage = window.show_page("transfers")
    tpage.today = TODAY
    with qtbot.waitSignal(tpage.sig_loaded, timeout=10000):
        tpage.refresh()
    row = next(i for i, t in enumerate(tpage.out_model.rows) if t.member_id == member.id)
    assert tpage.out_model.index(row, tpage.out_model.COL_RECEIPT).data() == "未收到"
    tpage.out_view.selectRow(row)
    assert tpage.receipt_button.isEnabled()

    def receive(dialog: ReceiptDialog) -> None:
        click(qtbot, ok_button(dialog))

    shown = WhenShown(ReceiptDialog, receive)
    with qtbot.waitSignal(tpage.sig_loaded, timeout=20000):
        click(qtbot, tpage.receipt_button)
    [t] = [t for t in ts.list_transfers(window.ctx.db, 1, TransferDirection.OUT) if t.member_id == member.id]
    assert t.receipt_on == TODAY
    row = next(i for i, t in enumerate(tpage.out_model.rows) if t.member_id == member.id)
    assert tpage.out_model.index(row, tpage.out_model.COL_RECEIPT).data().startswith("已收到")


def test_transfer_in_floating_and_community_reports(qtbot, window, asker, typist, settle, demo_db):
    page = window.show_page("transfers")
    page.today = TODAY
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.refresh()
    tab_names = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tab_names == ["转出", "转入", "流动党员", "报到"]  # the demo's branch is a 社区 branch
    assert len(page.report_model.rows) == 4 and len(page.out_model.rows) >= 1

    # 转入: typed; an ID number already on file is refused in the dialog
    dialog = TransferInDialog(page.ctx, 1, page.groups, page, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    taken = next(m for m in ms.list_members(demo_db, 1) if m.on_roll)
    typist(dialog.form.nameEdit, "王小明")
    typist(dialog.form.idEdit, taken.id_number)
    typist(dialog.form.fromEdit, "中共XX街道第三党支部")
    click(qtbot, ok_button(dialog))
    settle()
    assert dialog.isVisible() and "同一个人不能登记两次" in dialog.form.errorLabel.text()
    dialog.form.idEdit.clear()
    typist(dialog.form.idEdit, id_for(date(1990, 3, 7), True, 77))
    typist(dialog.form.joinedEdit, "2012-06-01")
    typist(dialog.form.fullEdit, "2013-06-01")
    click(qtbot, ok_button(dialog))
    settle()
    assert not dialog.isVisible()
    arrived = next(m for m in ms.list_members(demo_db, 1) if m.name == "王小明")
    assert arrived.on_roll and arrived.joined_on == date(2012, 6, 1)

    # 流动党员: attends elsewhere, so the organisation must be named
    dialog = FloatingDialog(page.ctx, [(mid, name) for mid, name, _ in page.on_roll], None, page, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    floating = {f.member_id for f in page.floating_model.rows if f.until is None}
    chosen = next(mid for mid, _name, _v in page.on_roll if mid not in floating)
    dialog.form.memberCombo.setCurrentIndex(dialog.form.memberCombo.findData(chosen))
    typist(dialog.form.placeEdit, "广东省深圳市南山区")
    dialog.form.attendsCheck.setChecked(True)
    click(qtbot, ok_button(dialog))
    settle()
    assert dialog.isVisible() and "哪个党组织" in dialog.form.errorLabel.text()
    typist(dialog.form.hostEdit, "中共深圳市南山区粤海街道流动党员党支部")
    click(qtbot, ok_button(dialog))
    settle()
    assert not dialog.isVisible(), dialog.form.errorLabel.text()
    assert ms.get_member(demo_db, chosen).is_floating

    # a branch that is not a 社区 branch has no 报到 tab
    set_community(demo_db, 1, False)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.refresh()
    assert "报到" not in [page.tabs.tabText(i) for i in range(page.tabs.count())]


def _loaded(qtbot, page):
    page.today = TODAY
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.refresh()


def test_a_transfer_out_entered_wrongly_is_corrected_then_taken_back_and_undo_brings_it_back(
        qtbot, window, asker, typist, settle, demo_db):
    page = window.show_page("transfers")
    _loaded(qtbot, page)
    assert not page.out_edit_button.isEnabled() and not page.out_withdraw_button.isEnabled()
    row, t = next((i, t) for i, t in enumerate(page.out_model.rows) if t.receipt_on is None)
    page.out_view.selectRow(row)
    assert page.out_edit_button.isEnabled() and page.out_withdraw_button.isEnabled()
    fixed_day = t.moved_on - timedelta(days=3)

    def fix(dialog: TransferEditDialog) -> None:
        f = dialog.form
        assert f.orgEdit.text() == t.other_org and "离开本支部名册的日期随之改变" in f.introLabel.text()
        f.orgEdit.clear()
        click(qtbot, ok_button(dialog))  # emptied: refused in the dialog
        settle()
        assert dialog.isVisible() and "转往的党组织" in f.errorLabel.text()
        typist(f.orgEdit, "中共XX区教育局机关党支部")
        f.dateEdit.setFocus()
        qtbot.keyClick(f.dateEdit, Qt.Key.Key_End)  # the day is the last section: step it down 3 days
        for _ in range(3):
            qtbot.keyClick(f.dateEdit, Qt.Key.Key_Down)
        f.letterNoEdit.selectAll()
        typist(f.letterNoEdit, "2026-099")
        click(qtbot, ok_button(dialog))
        QTimer.singleShot(5000, dialog, dialog.reject)  # refused, it would stay open: the test fails, not hangs

    shown = WhenShown(TransferEditDialog, fix)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        click(qtbot, page.out_edit_button)
    assert shown.seen
    now = ts.get_transfer(demo_db, t.id)
    assert (now.other_org, now.moved_on, now.letter_no) == ("中共XX区教育局机关党支部", fixed_day, "2026-099")
    assert ms.status_history(demo_db, t.member_id)[-1].changed_on == fixed_day
    row = next(i for i, x in enumerate(page.out_model.rows) if x.id == t.id)
    assert page.out_model.index(row, OutModel.COL_ORG).data() == "中共XX区教育局机关党支部"
    assert page.out_view.selectionModel().selectedRows()[0].row() == row  # still the one chosen

    # taken back: the member is on the roll again; 撤销删除 in the status bar takes them off again
    asker.confirm_answers.append(True)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        click(qtbot, page.out_withdraw_button)
    assert asker.messages[-1][0] == "confirm" and "将回到本支部名册上" in asker.messages[-1][2]
    assert ms.get_member(demo_db, t.member_id).on_roll
    assert t.id not in [x.id for x in page.out_model.rows]
    assert window.undo_button.isVisible() and f"{t.name}的转出记录" in window.undo_button.text()
    click(qtbot, window.undo_button)
    settle()
    assert ms.get_member(demo_db, t.member_id).status is MemberStatus.TRANSFERRED_OUT
    qtbot.waitUntil(lambda: t.id in [x.id for x in page.out_model.rows], timeout=10000)


def test_a_transfer_in_is_corrected_and_one_with_records_since_offers_a_transfer_out_instead(
        qtbot, window, asker, typist, settle, demo_db):
    from tests.services.test_inactivity_reasons import P, _meeting

    new = ts.transfer_in(demo_db, 1, name="王小明", id_number=id_for(date(1990, 3, 7), True, 77),
                         from_org="中共XX街道第三党支部", on=date(2026, 9, 1), joined_on=date(2012, 6, 1),
                         full_member_on=date(2013, 6, 1), today=TODAY)
    page = window.show_page("transfers")
    _loaded(qtbot, page)
    page.tabs.setCurrentIndex(1)
    [row] = [i for i, t in enumerate(page.in_model.rows) if t.member_id == new.id]

    def fix(dialog: TransferEditDialog) -> None:
        assert dialog.form.dateLabel.text().startswith("转入日期")
        dialog.form.orgEdit.selectAll()
        typist(dialog.form.orgEdit, "中共XX街道第五党支部")
        click(qtbot, ok_button(dialog))
        QTimer.singleShot(5000, dialog, dialog.reject)

    shown = WhenShown(TransferEditDialog, fix)
    where = page.in_view.visualRect(page.in_model.index(row, 2)).center()
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        qtbot.mouseClick(page.in_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(page.in_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert shown.seen
    assert ts.list_transfers(demo_db, 1, TransferDirection.IN)[0].other_org == "中共XX街道第五党支部"

    # he has attended a meeting since: not taken back; the page offers the 转出 instead
    _meeting(demo_db, 1, date(2026, 10, 8), {new.id: (P, "")})
    _loaded(qtbot, page)
    page.in_view.selectRow(next(i for i, t in enumerate(page.in_model.rows) if t.member_id == new.id))
    asker.confirm_answers.append(True)

    def leave(dialog: TransferOutDialog) -> None:
        typist(dialog.form.toEdit, "中共XX街道第三党支部")
        dialog.form.letterCheck.setChecked(False)
        click(qtbot, ok_button(dialog))
        QTimer.singleShot(5000, dialog, dialog.reject)

    shown = WhenShown(TransferOutDialog, leave)
    click(qtbot, page.in_withdraw_button)
    qtbot.waitUntil(lambda: bool(shown.seen) and not shown.seen[0].isVisible(), timeout=20000)
    settle()
    kind, title, text = next(msg for msg in asker.messages if msg[1] == "撤销转入")
    assert "1 次会议出勤" in text and "现在为王小明办理转出吗" in text
    assert ms.get_member(demo_db, new.id).status is MemberStatus.TRANSFERRED_OUT
    assert not window.undo_button.isVisible()  # nothing was deleted
