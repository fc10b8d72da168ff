"""积分 page through qtbot, in the main window: a manual item added in the dialog changes the member's total
and rank; deleted, it comes back with 撤销; a point value typed in the scheme changes every total."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox

from dangjian_desktop.services import members as ms
from dangjian_desktop.services import points as ps
from tests.conftest import TODAY


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_page(window, settle):
    """The 积分 page of the demo's year, as on the demo's "today" (the tests do not drift with the calendar)."""
    page = window.show_page("points")
    settle()
    page.today = TODAY
    page.year_spin.setValue(TODAY.year)
    page.refresh()
    settle()
    return page


def shown_total(page, member_id) -> str:
    row = next(i for i, r in enumerate(page.model.rows) if r.member_id == member_id)
    return page.model.data(page.model.index(row, page.model.COL_TOTAL))


def test_a_manual_item_changes_the_total_and_a_deletion_can_be_undone(qtbot, make_window, demo_db, asker, settle,
                                                                      typist, when_modal):
    window = make_window(demo_db)
    page = open_page(window, settle)
    on_roll = {m.id for m in ms.list_members(demo_db, 1, on_roll_only=True)}
    at = max(i for i, r in enumerate(page.model.rows) if r.member_id in on_roll)
    last = page.model.rows[at]  # the lowest in the ranking who is still a member
    assert shown_total(page, last.member_id) == ps.fmt(last.total)
    page.view.selectRow(at)

    def fill(dialog):
        f = dialog.form
        assert f.memberCombo.currentData() == last.member_id  # the member selected in the ranking
        f.itemCombo.setCurrentIndex(f.itemCombo.findData("志愿服务"))
        assert f.pointsEdit.text() == "2"  # the item's points, typed over by a person
        f.pointsEdit.clear()
        typist(f.pointsEdit, "4")
        click(qtbot, f.buttonBox.button(QDialogButtonBox.StandardButton.Ok))  # no reason: refused in the dialog
        settle()
        assert dialog.isVisible() and "事由" in f.errorLabel.text()
        typist(f.reasonEdit, "参加社区防汛值守")
        click(qtbot, f.buttonBox.button(QDialogButtonBox.StandardButton.Ok))

    when_modal(fill)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        click(qtbot, page.add_button)
    settle()
    cap = next(i.yearly_cap for i in page.year.items if i.name == "志愿服务")
    before_item = dict(zip([i.name for i in page.year.items], last.by_item))["志愿服务"]
    gained = min(before_item + 4, cap) - before_item
    assert gained > 0
    assert shown_total(page, last.member_id) == ps.fmt(last.total + gained)
    assert ps.year_totals(demo_db, 1, page.year.year, today=TODAY)[last.member_id] == last.total + gained
    # the member's months: the entry is listed there with its reason
    assert page.tabs.currentIndex() == 0
    page.show_member(last.member_id)
    assert page.tabs.currentIndex() == 1
    reasons = [e.reason for e in page.entries_model.rows]
    assert "参加社区防汛值守" in reasons

    # delete it (asked first), then 撤销 brings it back
    page.entries_view.selectRow(reasons.index("参加社区防汛值守"))
    asker.confirm_answers = [True]
    click(qtbot, page.delete_button)
    settle()
    assert ps.year_totals(demo_db, 1, page.year.year)[last.member_id] == last.total
    assert "参加社区防汛值守" not in [e.reason for e in page.entries_model.rows]
    assert window.undo_button.isVisible()
    click(qtbot, window.undo_button)
    settle()
    assert ps.year_totals(demo_db, 1, page.year.year, today=TODAY)[last.member_id] == last.total + gained
    assert shown_total(page, last.member_id) == ps.fmt(last.total + gained)


def test_a_point_value_typed_in_the_scheme_changes_the_totals(qtbot, make_window, demo_db, settle):
    window = make_window(demo_db)
    page = open_page(window, settle)
    first = page.model.rows[0]
    attended = dict(zip([i.name for i in page.year.items], first.counts))["参加组织生活"]
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.scheme_view.isVisible() and page.scheme_model.rowCount() > 0)
    qtbot.wait(50)
    assert not page.save_scheme_button.isEnabled()
    row = next(i for i, item in enumerate(page.scheme_model.rows) if item.source == "attended")
    # the cap first: cleared (no cap), then the points per time: 1 → 2
    for col, text in ((page.scheme_model.COL_CAP, ""), (page.scheme_model.COL_POINTS, "2")):
        index = page.scheme_model.index(row, col)
        page.scheme_view.scrollTo(index)
        rect = page.scheme_view.visualRect(index)
        qtbot.mouseClick(page.scheme_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.keyClick(page.scheme_view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert editor is not None and editor is not page.scheme_view
        editor.selectAll()
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
        if text:
            qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.scheme_view.state() != QAbstractItemView.State.EditingState, timeout=3000)
    assert page.save_scheme_button.isEnabled() and page.scheme_state.text()
    assert page.scheme_model.data(page.scheme_model.index(row, page.scheme_model.COL_CAP)) == "不设"
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        click(qtbot, page.save_scheme_button)
    settle()
    saved = next(i for i in ps.scheme(demo_db, 1) if i.source == "attended")
    assert (saved.points, saved.yearly_cap) == (Decimal(2), None)
    now = next(r for r in page.model.rows if r.member_id == first.member_id)
    before = dict(zip([i.name for i in page.year.items], first.by_item))["参加组织生活"]
    assert dict(zip([i.name for i in page.year.items], now.by_item))["参加组织生活"] == 2 * attended
    assert now.total == first.total - before + 2 * attended
    assert not page.save_scheme_button.isEnabled()


def test_a_derived_item_removed_stops_counting_and_can_be_added_back(qtbot, make_window, demo_db, asker, settle):
    window = make_window(demo_db)
    page = open_page(window, settle)
    names = [i.name for i in page.year.items]
    absent = next(r for r in page.model.rows if dict(zip(names, r.by_item))["无故缺席"] < 0)
    deduction = dict(zip(names, absent.by_item))["无故缺席"]
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.scheme_view.isVisible())
    row = next(i for i, item in enumerate(page.scheme_model.rows) if item.source == "absent")
    page.scheme_view.selectRow(row)
    click(qtbot, page.remove_item_button)
    assert "无故缺席" not in [i.name for i in page.scheme_model.rows]
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        click(qtbot, page.save_scheme_button)
    settle()
    assert "无故缺席" not in page.model.HEADERS
    now = next(r for r in page.model.rows if r.member_id == absent.member_id)
    assert now.total == absent.total - deduction
    # 添加项目 offers the kind no longer in the scheme; chosen, it counts again
    asker.choose_answers = [1]
    click(qtbot, page.new_item_button)
    assert asker.messages[-1][1] == "添加积分项目"
    added = page.scheme_model.rows[-1]
    assert added.source == "absent" and added.points == 1
    page.scheme_model.setData(page.scheme_model.index(len(page.scheme_model.rows) - 1, page.scheme_model.COL_POINTS),
                              "-2")
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        click(qtbot, page.save_scheme_button)
    settle()
    assert ps.year_totals(demo_db, 1, page.year.year, today=TODAY)[absent.member_id] == absent.total
