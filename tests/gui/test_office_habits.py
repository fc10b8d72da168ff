"""The secretary's habits, clicked and typed through qtbot: office keys, one dialog per double click."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.conftest import TODAY
from tests.gui.conftest import wait_idle


def test_ctrl_f_finds_esc_clears_enter_opens_delete_asks(qtbot, make_window, demo_db, asker, when_modal, settle):
    window = make_window(demo_db)
    page = window.show_page("members")
    settle()
    window.nav.setFocus()  # just chose 党员 in the navigation column
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    meetings = window.show_page("meetings")  # each page's Ctrl+F goes to its own search box
    settle()
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert meetings.records.search_edit.hasFocus()
    assert not meetings.empty_hint.isVisible() and not page.empty_hint.isVisible()  # the demo has records
    window.show_page("members")
    shown = page.model.rowCount()
    qtbot.keyClicks(page.search, page.model.members[0].name_initials)
    assert 0 < page.model.rowCount() < shown
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and page.model.rowCount() == shown

    page.view.setFocus()
    page.view.selectRow(2)
    opened = []
    when_modal(lambda d: (opened.append(type(d).__name__), d.reject()))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == ["MemberEditorDialog"]

    asker.confirm_answers.append(False)  # the confirmation is asked, and "no" keeps the member
    name = page.selected()[0].name
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    settle()
    assert asker.messages[-1][0] == "confirm" and name in asker.messages[-1][2]
    assert any(m.name == name for m in page.model.members)


def test_a_step_opened_by_double_click_opens_once_and_saves_without_an_error(qtbot, make_window, demo_db, caplog):
    caplog.set_level(logging.WARNING)
    window = make_window(demo_db)
    window.open_ref(("applicant", 4))
    wait_idle()
    person = window.pages["development"].person
    view = person.timeline
    rect = view.visualRect(view.model().index(person.detail.next_step.no - 2, 1))  # a step already recorded
    dialogs, polling = [], [True]

    def answer():
        if not polling:
            return  # the test is over: later tests' dialogs are theirs
        d = QApplication.activeModalWidget()
        if d is not None and getattr(d, "loaded", False) and d not in dialogs:
            dialogs.append(d)
            if len(dialogs) == 1:
                qtbot.mouseClick(d.form.buttonBox.button(QDialogButtonBox.StandardButton.Save),
                                 Qt.MouseButton.LeftButton)
            else:
                d.reject()  # (a second dialog is the bug; close it so the test ends)
        QTimer.singleShot(30, answer)

    try:
        QTimer.singleShot(30, answer)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        wait_idle()
        assert len(dialogs) == 1 and dialogs[0].saved is not None
        assert [r.getMessage() for r in caplog.records] == []
        # Enter on a row opens its step as well
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, 0))
        qtbot.keyClick(view, Qt.Key.Key_Return)
        wait_idle()
        assert len(dialogs) == 2 and dialogs[1].no == 1
    finally:
        polling.clear()


def test_new_member_editor_saves_han_fills_from_the_id_and_does_not_move(qtbot, demo_db, asker, typist, settle):
    from dangjian_desktop.gui.context import AppContext
    from dangjian_desktop.gui.member_editor import MemberEditorDialog
    from dangjian_desktop.services import members as ms
    from dangjian_desktop.userconfig import UserConfig

    ctx = AppContext(db=demo_db, config=UserConfig(), asker=asker)
    dialog = MemberEditorDialog(ctx, 1, None, None, TODAY)
    qtbot.addWidget(dialog)
    dialog.resize(900, 640)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    f = dialog.form
    assert f.ethnicityEdit.text() == "汉族"  # a value, not a grey placeholder
    typist(f.nameEdit, "新同志")
    typist(f.idNumberEdit, "110101199003074514")
    assert (f.genderCombo.currentText(), f.birthDateEdit.text()) == ("男", "1990-03-07")  # seen before saving
    typist(f.joinedOnEdit, "2015")  # a message appears under 入党日期 ...
    assert f.joinedOnError.isVisible()
    where = f.partyPostEdit.mapTo(dialog, f.partyPostEdit.rect().topLeft())
    f.joinedOnEdit.clear()
    typist(f.joinedOnEdit, "2015-07-01")  # ... and goes: 党内职务 is where it was all along
    assert not f.joinedOnError.isVisible()
    assert f.partyPostEdit.mapTo(dialog, f.partyPostEdit.rect().topLeft()) == where
    qtbot.mouseClick(f.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle()
    saved = next(m for m in ms.list_members(demo_db, 1) if m.name == "新同志")
    assert (saved.ethnicity, saved.gender.label, saved.birth_date.isoformat()) == ("汉族", "男", "1990-03-07")


def test_a_deleted_member_comes_back_with_undo_until_the_window_closes(qtbot, make_window, db, asker, settle):
    from datetime import date

    from dangjian_desktop.core.member_check import MemberFields
    from dangjian_desktop.services import members as ms
    from dangjian_desktop.services.branches import create_branch

    branch = create_branch(db, "测试支部")
    for name, number in (("张三", "110101199003074514"), ("李四", "110101198501010025")):
        ms.create_member(db, branch.id, MemberFields(name=name, id_number=number, joined_on=date(2015, 7, 1),
                                                     full_member_on=date(2016, 7, 1)))
    window = make_window(db)
    page = window.show_page("members")
    settle()
    assert not window.undo_button.isVisible()
    page.view.setFocus()
    page.view.selectRow(next(i for i, m in enumerate(page.model.members) if m.name == "张三"))
    asker.confirm_answers.append(True)
    asker.text_answers.append("误录入")
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    settle()
    assert [m.name for m in page.model.members] == ["李四"]
    assert window.undo_button.isVisible() and "张三" in window.undo_button.text()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert sorted(m.name for m in page.model.members) == ["张三", "李四"]
    assert not window.undo_button.isVisible()
    assert "已恢复张三的记录" in window.statusBar().currentMessage()
    # deleted again, and the window closes: the kept copy goes, nothing is left to undo
    page.view.selectRow(next(i for i, m in enumerate(page.model.members) if m.name == "张三"))
    asker.confirm_answers.append(True)
    asker.text_answers.append("误录入")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    settle()
    assert window.ctx.undo.items
    window.close()
    assert window.ctx.undo.items == []


def test_esc_on_an_editor_with_changes_asks_before_discarding(qtbot, demo_db, asker, typist):
    from dangjian_desktop.gui.context import AppContext
    from dangjian_desktop.gui.member_editor import MemberEditorDialog
    from dangjian_desktop.services import members as ms
    from dangjian_desktop.userconfig import UserConfig

    ctx = AppContext(db=demo_db, config=UserConfig(), asker=asker)
    member = ms.list_members(demo_db, 1)[0]
    dialog = MemberEditorDialog(ctx, 1, member, None, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without a question
    assert not dialog.isVisible() and asker.messages == []

    dialog = MemberEditorDialog(ctx, 1, member, None, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    typist(dialog.form.phoneEdit, "1")
    asker.confirm_answers.append(False)
    qtbot.keyClick(dialog.form.phoneEdit, Qt.Key.Key_Escape)
    assert asker.messages[-1][:2] == ("confirm", "放弃修改")
    assert dialog.isVisible() and dialog.form.phoneEdit.text().endswith("1")  # "no": the typing stays
    asker.confirm_answers.append(True)
    dialog.close()  # the window's ×
    assert len(asker.messages) == 2 and not dialog.isVisible()


def test_file_dialogs_start_in_the_last_folder_of_their_kind(qtbot, make_window, demo_db, asker, workdir, settle):
    from dangjian_desktop.gui import folders

    asked = []
    asker.save_file = lambda parent, title, suggested, filters: (asked.append(suggested), asker.file_answers.pop(0))[1]
    window = make_window(demo_db)
    page = window.show_page("members")
    settle()
    first_time = folders.documents_dir()
    elsewhere = workdir / "花名册 存档"
    elsewhere.mkdir()
    asker.file_answers += [str(elsewhere / "花名册.xlsx"), None]
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    from pathlib import Path

    assert Path(asked[0]).parent == first_time  # the first time: 文档
    assert Path(asked[1]).parent == elsewhere  # then where the last roster went
    # another kind of file keeps its own folder
    assert folders.start(window.ctx.config, folders.LEDGER) == str(first_time)


def test_the_first_day_checklist_leads_to_each_page_and_empty_pages_say_what_to_do(
        qtbot, make_window, db, asker, monkeypatch, settle):
    from datetime import date

    from dangjian_desktop.core.member_check import MemberFields
    from dangjian_desktop.services import members as ms
    from dangjian_desktop.services.branches import create_branch

    branch = create_branch(db, "新支部")
    window = make_window(db)
    home = window.show_page("home")
    settle()
    assert home.start_box.isVisible()
    mark, text, buttons = home.start_rows["members"]
    assert "第1步" in mark.text() and "花名册" in text.text()
    assert "还没有党员" in home.summary_label.text()
    from dangjian_desktop.gui.pages.members_page import MembersPage

    opened = []
    monkeypatch.setattr(MembersPage, "add_member", lambda page: opened.append("新增党员"))
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)  # 新增党员
    settle()
    assert opened == ["新增党员"] and window.stack.currentWidget() is window.pages["members"]
    members = window.pages["members"]
    assert members.empty_hint.isVisible() and "导入花名册…" in [b.text() for b in members.empty_hint.buttons]
    window.show_page("birthdays")
    settle()
    assert window.pages["birthdays"].empty_hint.isVisible()

    ms.create_member(db, branch.id, MemberFields(name="张三", id_number="110101199003074514",
                                                 joined_on=date(2015, 7, 1), full_member_on=date(2016, 7, 1)))
    members.refresh()
    window.pages["birthdays"].refresh()
    settle()
    assert not members.empty_hint.isVisible() and not window.pages["birthdays"].empty_hint.isVisible()
    window.show_page("home")
    home.refresh()
    settle()
    assert "已完成" in home.start_rows["members"][0].text() and home.start_box.isVisible()
    qtbot.mouseClick(home.start_rows["committee"][2][0], Qt.MouseButton.LeftButton)
    settings = window.pages["settings"]
    assert window.stack.currentWidget() is settings and settings.tabs.currentWidget() is settings.branch_tab
    window.show_page("development")
    settle()
    assert window.pages["development"].empty_hint.isVisible()
    window.show_page("meetings")
    settle()
    assert window.pages["meetings"].empty_hint.isVisible()


def test_host_and_recorder_are_picked_from_the_roster_or_typed(qtbot, make_window, demo_db, typist, settle):
    from dangjian_desktop.services import members as ms

    window = make_window(demo_db)
    page = window.show_page("meetings")
    settle()
    editor = page.open_meeting(page.records.model.rows[0].id)
    settle()
    host = editor.form.hostEdit
    roll = [m for m in ms.list_members(demo_db, 1) if m.on_roll]
    committee = [m.name for m in roll if m.party_post]
    host.clear()
    host.roster_action.trigger()  # the ▾: everyone, the 支委 first
    popup = host.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert len(shown) == len(roll) and shown[:len(committee)] == committee
    popup.hide()
    someone = roll[-1].name
    typist(host, someone[1:])  # part of a name narrows the list ...
    qtbot.waitUntil(popup.isVisible)
    assert someone in [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    popup.hide()
    host.clear()
    typist(host, "上级党委 王书记")  # ... and a name not on the roll is kept as typed
    assert host.text() == "上级党委 王书记"
    editor.dirty = False
    editor.close()


def test_photos_among_attachments_show_as_thumbnails(qtbot, make_window, demo_db, asker, workdir, settle):
    from PySide6.QtGui import QColor, QImage, QPixmap

    photo = workdir / "活动合影.png"
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#c00000"))
    assert image.save(str(photo))
    scan = workdir / "签到表.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    window = make_window(demo_db)
    page = window.show_page("meetings")
    settle()
    editor = page.open_meeting(page.records.model.rows[0].id)
    settle()
    panel = editor.form.attachmentsPanel
    for path in (photo, scan):
        asker.file_answers.append(str(path))
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        settle()
    settle()
    model = panel.model
    shown = {a.file_name: model.data(model.index(r, 0), Qt.ItemDataRole.DecorationRole)
             for r, a in enumerate(model.rows)}
    thumb = shown["活动合影.png"]
    assert isinstance(thumb, QPixmap) and thumb.width() == 48 and thumb.height() == 36
    assert QColor(thumb.toImage().pixel(20, 20)) == QColor("#c00000")
    assert shown["签到表.pdf"] is None
    editor.dirty = False
    editor.close()


def test_a_cleared_step_comes_back_with_undo(qtbot, make_window, demo_db, asker, settle):
    from dangjian_desktop.services import development as dev

    window = make_window(demo_db)
    page = window.show_page("development")
    settle()
    page.open_applicant(7)  # 唐悦妍: last done step 11
    settle()
    person = page.person
    done = dev.applicant_detail(demo_db, 7).step(11)
    person.timeline.setCurrentIndex(person.timeline_model.index(10, 0))
    asker.confirm_answers.append(True)
    qtbot.mouseClick(person.clear_button, Qt.MouseButton.LeftButton)
    settle()
    assert dev.applicant_detail(demo_db, 7).step(11).done_on is None
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    settle()
    back = dev.applicant_detail(demo_db, 7).step(11)
    assert (back.done_on, back.people, back.notes) == (done.done_on, done.people, done.notes)
    assert person.detail.step(11).done_on == done.done_on  # the open timeline shows it again
