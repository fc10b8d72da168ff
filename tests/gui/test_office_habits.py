"""The secretary's habits, clicked and typed through qtbot: office keys, one dialog per double click."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.gui.conftest import wait_idle


def test_ctrl_f_finds_esc_clears_enter_opens_delete_asks(qtbot, make_window, demo_db, asker, when_modal, settle):
    window = make_window(demo_db)
    page = window.show_page("members")
    settle()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
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
    dialogs = []

    def answer():
        d = QApplication.activeModalWidget()
        if d is not None and getattr(d, "loaded", False) and d not in dialogs:
            dialogs.append(d)
            if len(dialogs) == 1:
                qtbot.mouseClick(d.form.buttonBox.button(QDialogButtonBox.StandardButton.Save),
                                 Qt.MouseButton.LeftButton)
            else:
                d.reject()  # (a second dialog is the bug; close it so the test ends)
        QTimer.singleShot(30, answer)

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
