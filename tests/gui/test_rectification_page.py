"""整改 page through qtbot: an item added by typing (owner picked from the roster), closed (销号) with a date, a
note and an evidence file, found again under 已销号; an item deleted and brought back with 撤销; the ledger."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from dangjian_desktop.services import attachments as att
from dangjian_desktop.services import rectification as rs
from tests.conftest import TODAY


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def ok(dialog):
    return dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def test_add_an_item_then_close_it_with_evidence(qtbot, make_window, demo_db, asker, typist, settle, workdir):
    window = make_window(demo_db)
    page = window.show_page("rectification")
    page.today = page.model.today = TODAY
    page.refresh()
    settle()
    before = len(page.model.rows)
    assert page.filter_combo.currentText() == "未销号" and before == 2  # the demo's two open items
    assert all(r.closed_on is None for r in page.model.rows) and "已逾期 1 项" in page.summary.text()

    click(qtbot, page.add_button)
    dialog = page.item_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    f = dialog.form
    click(qtbot, ok(dialog))  # nothing typed: refused, the dialog stays
    settle()
    assert dialog.isVisible() and "问题" in f.errorLabel.text()
    typist(f.problemEdit, "党员志愿服务参与率不高")
    typist(f.measureEdit, "设立党员先锋岗，每月组织1次志愿服务")
    owner = rs.choices(demo_db, 1).members[3][1]
    typist(f.ownerEdit, owner)
    f.meetingCombo.setCurrentIndex(1)  # the latest 组织生活会: its day becomes the 提出日期
    meeting_day = f.meetingCombo.currentData()[1]
    assert f.raisedEdit.date() == QDate(meeting_day.year, meeting_day.month, meeting_day.day)
    f.deadlineEdit.setDate(QDate(2026, 12, 31))
    click(qtbot, ok(dialog))
    settle()
    assert not dialog.isVisible()
    added = next(i for i in rs.list_items(demo_db, 1) if i.problem == "党员志愿服务参与率不高")
    assert (added.owner, added.deadline, added.raised_on, added.closed_on) == (owner, date(2026, 12, 31), meeting_day,
                                                                               None)
    assert added.owner_member_id is not None and added.meeting
    assert len(page.model.rows) == before + 1 and page.selected().id == added.id  # shown and selected

    # 销号: a note is needed; the evidence file is attached to the item
    click(qtbot, page.close_button)
    closing = page.close_dialog
    settle()
    cf = closing.form
    cf.closedEdit.setDate(QDate(2026, 11, 20))
    click(qtbot, ok(closing))
    settle()
    assert closing.isVisible() and "完成情况" in cf.errorLabel.text()
    photo = workdir / "志愿服务照片.pdf"
    photo.write_bytes(b"%PDF-1.4 photos")
    asker.file_answers.append(str(photo))
    click(qtbot, cf.attachmentsPanel.add_button)
    settle()
    assert [a.file_name for a in cf.attachmentsPanel.model.rows] == ["志愿服务照片.pdf"]
    typist(cf.noteEdit, "先锋岗已设立，11月志愿服务18人参加")
    click(qtbot, ok(closing))
    settle()
    done = rs.get_item(demo_db, added.id)
    assert (done.closed_on, done.closing_note, done.attachments) == (date(2026, 11, 20), "先锋岗已设立，11月志愿服务18人参加", 1)
    assert added.id not in [r.id for r in page.model.rows]  # 未销号 no longer lists it
    page.filter_combo.setCurrentIndex(page.filter_combo.findData("closed"))
    settle()
    row = next(i for i, r in enumerate(page.model.rows) if r.id == added.id)
    assert page.model.index(row, page.model.COL_STATE).data() == "已销号"
    assert page.model.index(row, page.model.COL_CLOSED).data() == "2026-11-20（附件1份）"


def test_delete_asks_and_undo_brings_the_item_and_its_file_back(qtbot, make_window, demo_db, asker, settle, workdir):
    item = rs.list_items(demo_db, 1, open_only=True)[0]
    scan = workdir / "整改方案.pdf"
    scan.write_bytes(b"%PDF-1.4 plan")
    att.add_attachment(demo_db, "rectification", item.id, scan)
    window = make_window(demo_db)
    page = window.show_page("rectification")
    settle()
    page.view.selectRow(next(i for i, r in enumerate(page.model.rows) if r.id == item.id))
    asker.confirm_answers = [False]
    click(qtbot, page.delete_button)
    settle()
    assert "及其 1 份佐证材料" in asker.messages[-1][2] and rs.get_item(demo_db, item.id)
    asker.confirm_answers = [True]
    click(qtbot, page.delete_button)
    settle()
    assert item.id not in [i.id for i in rs.list_items(demo_db, 1)] and window.undo_button.isVisible()
    click(qtbot, window.undo_button)
    settle()
    assert rs.get_item(demo_db, item.id).attachments == 1
    assert item.id in [r.id for r in page.model.rows]


def test_a_finding_opens_the_item_and_the_ledger_is_saved(qtbot, make_window, demo_db, asker, settle, workdir):
    window = make_window(demo_db)
    overdue = next(i for i in rs.list_items(demo_db, 1) if i.state(TODAY, 15) == "overdue")
    window.open_ref(("rectification", overdue.id))
    settle()
    page = window.pages["rectification"]
    assert window.stack.currentWidget() is page and page.selected().id == overdue.id
    asker.file_answers.append(str(workdir / "整改台账.xlsx"))
    click(qtbot, page.export_button)
    settle()
    ws = load_workbook(workdir / "整改台账.xlsx").active
    assert ws["A1"].value.endswith("组织生活会整改台账") and ws.max_row >= 3 + len(rs.list_items(demo_db, 1))
