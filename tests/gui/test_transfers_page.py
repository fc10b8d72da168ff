"""组织关系 through qtbot, as a secretary does it: on the 党员 page pick a member, 转出…, type where to and
the letter's number, 办理转出, save the 介绍信; the 组织关系 page lists the 转出, the 回执 is recorded when it
comes back; a 转入 typed in; a 流动党员 recorded; the 报到 tab only for a 社区 branch."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dangjian_desktop.core.glossary import MemberStatus, TransferDirection
from dangjian_desktop.gui.transfer_dialogs import FloatingDialog, ReceiptDialog, TransferInDialog, TransferOutDialog
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
