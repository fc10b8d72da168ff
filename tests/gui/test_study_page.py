"""学时 page through qtbot: record a session for two members in the dialog and see their totals change, delete
a record and undo it, and a 党课 counted from the meetings cannot be deleted here."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from dangjian_desktop.gui.pages.study_page import StudyPage, StudyRecordDialog
from dangjian_desktop.services import study as ss
from tests.conftest import TODAY


@pytest.fixture
def page(qtbot, demo_db, asker):
    from dangjian_desktop.gui.context import AppContext
    from dangjian_desktop.userconfig import UserConfig

    ctx = AppContext(db=demo_db, config=UserConfig(), asker=asker, branch_id=1)
    p = StudyPage(ctx, None, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitUntil(lambda: p.summary.text() != "", timeout=10000)
    yield p
    ctx.lane.wait()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def totals(page):
    return {r.name: r.total for r in page.model.rows}


def shown_total(page, name):
    row = next(i for i, r in enumerate(page.model.rows) if r.name == name)
    return page.model.index(row, page.model.COL_TOTAL).data()


def test_record_a_session_for_two_members_and_see_the_totals_change(qtbot, page, demo_db, typist, settle, when_modal):
    below = [r for r in page.model.rows if r.below]
    assert below and "未达标" in page.summary.text()
    first, second = page.model.rows[0], below[0]
    page.table.selectRow(0)
    before = totals(page)

    def fill(dialog: StudyRecordDialog):
        f = dialog.form
        assert dialog.chosen_ids() == [first.member_id]  # the member selected on the page is ticked
        typist(f.filterEdit, second.name)
        visible = [i for i in dialog._items() if not i.isHidden()]
        assert [i.data(Qt.ItemDataRole.UserRole) for i in visible] == [second.member_id]
        rect = f.memberList.visualItemRect(visible[0])
        qtbot.mouseClick(f.memberList.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.keyClick(f.memberList, Qt.Key.Key_Space)  # the name chosen, the space bar ticks it
        assert f.countLabel.text() == "已选 2 人"
        f.kindCombo.setCurrentIndex(f.kindCombo.findData("training"))
        f.hoursSpin.clear()
        typist(f.hoursSpin, "12")
        typist(f.topicEdit, "学习贯彻全会精神专题培训")
        click(qtbot, f.buttonBox.button(QDialogButtonBox.StandardButton.Ok))

    when_modal(fill)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        click(qtbot, page.record_button)
    settle()
    after = totals(page)
    assert after[first.name] == before[first.name] + 12
    assert after[second.name] == before[second.name] + 12
    assert shown_total(page, first.name) == ss.core.hours_text(before[first.name] + 12)
    saved = [e for e in ss.list_year(demo_db, 1, TODAY.year) if e.topic == "学习贯彻全会精神专题培训"]
    assert sorted(e.member for e in saved) == sorted([first.name, second.name])
    assert {e.hours for e in saved} == {Decimal("12")}


def test_delete_a_record_and_undo_it(qtbot, make_window, demo_db, asker, settle):
    window = make_window(demo_db)
    page = window.show_page("study")
    settle()
    row = next(i for i, r in enumerate(page.model.rows) if r.by_kind[ss.StudyKind.ONLINE])
    name, total = page.model.rows[row].name, page.model.rows[row].total
    page.table.selectRow(row)
    entries = page.entries_model.rows
    page.entries_view.selectRow(next(i for i, e in enumerate(entries) if e.derived))
    assert not page.delete_button.isEnabled()  # counted from a meeting: corrected there
    online = next(i for i, e in enumerate(entries) if not e.derived)
    hours = entries[online].hours
    page.entries_view.setFocus()
    page.entries_view.selectRow(online)
    assert page.delete_button.isEnabled()
    asker.confirm_answers.append(True)
    qtbot.keyClick(page.entries_view, Qt.Key.Key_Delete)
    settle()
    assert totals(page)[name] == total - hours
    assert window.undo_button.isVisible() and name in window.undo_button.text()
    click(qtbot, window.undo_button)
    settle()
    assert totals(page)[name] == total


def test_import_a_platform_sheet_through_the_one_import_dialog(qtbot, page, demo_db, asker, workdir, when_modal, settle):
    from openpyxl import Workbook

    name = page.model.rows[0].name
    before = page.model.rows[0].total
    path = workdir / "学习强国学时.xlsx"
    wb = Workbook()
    wb.active.append(["姓名", "学习日期", "学时", "课程名称", "单位", "得分"])
    wb.active.append([name, "2026-10-08 09:15:00", "３", "二十届三中全会精神解读", "街道", 98])
    wb.save(path)
    asker.file_answers.append(str(path))
    seen = {}

    def answer(dialog):
        click(qtbot, dialog.form.chooseButton)
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
        seen["summary"] = dialog.form.summaryLabel.text()
        seen["columns"] = [dialog.columns_model.index(i, 2).data() for i in range(dialog.columns_model.rowCount())]
        click(qtbot, dialog.import_button)

    when_modal(answer)
    with qtbot.waitSignal(page.sig_loaded, timeout=15000):
        click(qtbot, page.import_button)
    settle()
    assert "新增 1 条" in seen["summary"] and "2 列未导入（单位、得分）" in seen["summary"]
    assert seen["columns"][4].startswith("未导入") and seen["columns"][2] == "学时"
    assert page.model.rows[0].total == before + 3


def test_a_reminder_opens_the_member_in_its_year(qtbot, page, settle):
    below = next(r for r in ss.year_view(page.ctx.db, 1, 2025, today=TODAY).rows if r.below)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.open_ref(("study", {"member_id": below.member_id, "year": 2025}))
    settle()
    assert page.year_spin.value() == 2025
    assert page.selected_member().member_id == below.member_id
    assert page.entries_label.text().startswith(f"{below.name}2025年的学习")


def test_a_platform_export_in_minutes_with_unfinished_rows_in_the_import_dialog(qtbot, page, asker, workdir, when_modal,
                                                                                 settle):
    """学习强国: minutes in the header, 未完成 rows: the dialog says 按分钟换算 and names each row left out."""
    from openpyxl import Workbook

    name, other = page.model.rows[0].name, page.model.rows[1].name
    before = page.model.rows[0].total
    path = workdir / "学习强国导出.xlsx"
    wb = Workbook()
    wb.active.append(["序号", "姓名", "课程名称", "学习时长(分钟)", "完成时间", "积分", "状态"])
    wb.active.append([1, name, "四中全会精神", 90, "2026-10-08 09:15:00", 3, "已完成"])
    wb.active.append([2, other, "网络安全", 0, None, 0, "未完成"])
    wb.save(path)
    asker.file_answers.append(str(path))
    seen = {}

    def answer(dialog):
        click(qtbot, dialog.form.chooseButton)
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
        seen["columns"] = [dialog.columns_model.index(i, 2).data() for i in range(dialog.columns_model.rowCount())]
        seen["problems"] = list(dialog.problems_model.rows)
        seen["summary"] = dialog.form.summaryLabel.text()
        click(qtbot, dialog.import_button)

    when_modal(answer)
    with qtbot.waitSignal(page.sig_loaded, timeout=15000):
        click(qtbot, page.import_button)
    settle()
    assert seen["columns"][3] == "学时（按分钟换算）" and seen["columns"][6] == "完成状态（未完成的不计学时）"
    assert any("第3行" in str(p) and other in str(p) and "未计学时" in str(p) for p in seen["problems"])
    assert "新增 1 条" in seen["summary"] and "1 条提示" in seen["summary"]
    assert page.model.rows[0].total == before + Decimal("1.5")


def test_a_recorded_session_is_corrected_and_a_derived_one_says_where_to_change_it(qtbot, page, demo_db, asker,
                                                                                  typist, settle, when_modal):
    row = next(i for i, r in enumerate(page.model.rows)
               if r.by_kind[ss.StudyKind.ONLINE] and r.by_kind[ss.StudyKind.LECTURE])
    name, total = page.model.rows[row].name, page.model.rows[row].total
    page.table.selectRow(row)
    entries = page.entries_model.rows
    at = next(i for i, e in enumerate(entries) if not e.derived)
    entry = entries[at]
    page.entries_view.selectRow(at)
    assert page.edit_button.isEnabled()

    def fix(dialog: StudyRecordDialog):
        f = dialog.form
        assert not f.memberList.isVisible() and f.membersLabel.text() == f"党员：{name}"
        assert f.topicEdit.text() == entry.topic and f.kindCombo.currentData() == entry.kind.value
        f.kindCombo.setCurrentIndex(f.kindCombo.findData("training"))
        f.hoursSpin.selectAll()
        typist(f.hoursSpin, "6")
        f.topicEdit.selectAll()
        typist(f.topicEdit, "党章党规专题培训")
        click(qtbot, f.buttonBox.button(QDialogButtonBox.StandardButton.Ok))
        QTimer.singleShot(5000, dialog, dialog.reject)  # refused, it would stay open: the test fails, not hangs

    when_modal(fix)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        click(qtbot, page.edit_button)
    settle()
    assert totals(page)[name] == total - entry.hours + 6
    [fixed] = [e for e in ss.list_year(demo_db, 1, TODAY.year) if e.id == entry.id]
    assert (fixed.kind, fixed.hours, fixed.topic) == (ss.StudyKind.TRAINING, Decimal("6"), "党章党规专题培训")
    assert page.selected_member().name == name  # the same member stays chosen

    # one counted from a 党课 attended: 修改 says where it is changed, and changes nothing
    derived = next(i for i, e in enumerate(page.entries_model.rows) if e.derived)
    page.entries_view.setFocus()
    page.entries_view.selectRow(derived)
    assert page.edit_button.isEnabled() and "三会一课" in page.edit_button.toolTip()
    qtbot.keyClick(page.entries_view, Qt.Key.Key_Return)  # Enter opens the row, as elsewhere
    kind, title, text = asker.messages[-1]
    assert (kind, title) == ("info", "修改学习记录") and "三会一课" in text and "本地规则" in text
    assert totals(page)[name] == total - entry.hours + 6
