"""党员 page through qtbot: search (pinyin initials too), filters, edit with a refused value, import preview."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dangjian_desktop.core.glossary import MemberStatus
from dangjian_desktop.gui.member_editor import MemberEditorDialog, RosterImportDialog
from dangjian_desktop.services import members as ms
from dangjian_desktop.services.branches import create_branch
from tests.conftest import TODAY
from tests.roster_files import messy_roster


def shown_names(page) -> list[str]:
    shown = page.view.model()
    return [shown.index(r, 0).data() for r in range(shown.rowCount())]


def shown_column(page, col: int) -> list[str]:
    shown = page.view.model()
    return [shown.index(r, col).data() for r in range(shown.rowCount())]


@pytest.fixture
def page(qtbot, demo_db, make_window):
    window = make_window(demo_db)
    members_page = window.show_page("members")
    members_page.today = TODAY
    members_page.model.today = TODAY
    qtbot.waitUntil(lambda: members_page.model.rowCount() > 0, timeout=10000)
    return members_page


def test_search_by_name_pinyin_initials_and_id(qtbot, page, typist):
    everyone = shown_names(page)
    assert len(everyone) == 35  # 在册 by default; two are history
    target = page.model.members[page.model.row_of(next(m.id for m in page.model.members if m.on_roll))]
    typist(page.search, target.name_initials)
    assert target.name in shown_names(page) and len(shown_names(page)) < len(everyone)
    page.search.clear()
    typist(page.search, target.name)
    assert shown_names(page)[0] == target.name
    page.search.clear()
    typist(page.search, target.id_number[-8:])
    assert shown_names(page) == [target.name]
    page.search.clear()
    assert len(shown_names(page)) == 35


def test_default_order_is_by_surname_strokes_and_pinyin_on_request(qtbot, page):
    names = shown_names(page)
    assert names == [m.name for m in page.model.members]
    keys = [m.name_strokes for m in page.model.members]
    assert keys == sorted(keys)
    page.order_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: shown_names(page) != names, timeout=5000)
    pinyin = [m.name_pinyin for m in page.model.members]
    assert pinyin == sorted(pinyin)


def test_filters_group_kind_and_history(qtbot, page):
    page.group_combo.setCurrentIndex(1)
    group = page.group_combo.currentText()
    assert shown_names(page) and set(shown_column(page, page.model.COL_GROUP)) == {group}
    page.group_combo.setCurrentIndex(0)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(MemberStatus.PROBATIONARY))
    assert set(shown_column(page, page.model.COL_STATUS)) == {"预备党员"}
    page.kind_combo.setCurrentIndex(0)
    page.roll_combo.setCurrentIndex(1)  # 历史
    statuses = set(shown_column(page, page.model.COL_STATUS))
    assert statuses and not statuses & {"正式党员", "预备党员"}
    assert "历史 2 人" in page.count_label.text()


def test_editor_refuses_an_early_full_member_date_and_saves_a_good_one(qtbot, demo_db, asker, typist, settle):
    from dangjian_desktop.gui.context import AppContext
    from dangjian_desktop.userconfig import UserConfig

    ctx = AppContext(db=demo_db, config=UserConfig(), asker=asker)
    member = next(m for m in ms.list_members(demo_db, 1) if m.on_roll and m.full_member_on)
    dialog = MemberEditorDialog(ctx, 1, member, None, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    ok = dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.form.fullMemberOnEdit.clear()
    typist(dialog.form.fullMemberOnEdit, member.joined_on.replace(month=1, day=1).isoformat()
           if member.joined_on.month > 1 else (member.joined_on.replace(day=1)).isoformat())
    assert dialog.form.fullMemberOnError.isVisible()
    assert "转正日期不能早于入党日期满一年" in dialog.form.fullMemberOnError.text()
    assert not ok.isEnabled()
    # a wrong check digit is shown beside the ID number
    number = dialog.form.idNumberEdit.text()
    dialog.form.idNumberEdit.clear()
    typist(dialog.form.idNumberEdit, number[:17] + ("1" if number[17] != "1" else "2"))
    assert "校验位" in dialog.form.idNumberError.text()
    dialog.form.idNumberEdit.clear()
    typist(dialog.form.idNumberEdit, number)
    assert not dialog.form.idNumberError.isVisible()
    # 转正日期 proposed from 入党日期 when emptied, and the name changed
    dialog.form.fullMemberOnEdit.clear()
    dialog.form.joinedOnEdit.clear()
    typist(dialog.form.joinedOnEdit, "2010.7.1")
    assert dialog.form.fullMemberOnEdit.text() == "2011-07-01"
    dialog.form.nameEdit.clear()
    typist(dialog.form.nameEdit, "张新名")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())  # closed once the save succeeded
    assert dialog.saved is not None
    saved = ms.get_member(demo_db, member.id)
    assert saved.name == "张新名" and saved.joined_on == date(2010, 7, 1) and saved.full_member_on == date(2011, 7, 1)


def test_import_preview_shows_refused_rows_and_saves_the_list(qtbot, db, asker, workdir, settle):
    from dangjian_desktop.gui.context import AppContext
    from dangjian_desktop.userconfig import UserConfig

    branch = create_branch(db, "测试第一党支部")
    ctx = AppContext(db=db, config=UserConfig(), asker=asker)
    bad = messy_roster(workdir / "花名册.xlsx", mangle_row=2)
    dialog = RosterImportDialog(ctx, branch.id, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.sig_previewed, timeout=10000):
        dialog.load(str(bad))
    # the refused row, then the two columns that would not be imported (never dropped in silence)
    assert dialog.accepted_model.rowCount() == 4 and dialog.problems_model.rowCount() == 3
    assert "第6行" in dialog.problems_model.index(0, 0).data()
    assert "数字" in dialog.problems_model.index(0, 1).data()
    assert dialog.problems_model.index(2, 0).data() == "J列“爱好”"
    assert dialog.problems_model.index(2, 1).data() == "未导入（没有对应的项目）"
    assert not dialog.import_button.isEnabled()  # all or nothing
    assert dialog.form.tabs.currentWidget() is dialog.form.refusedTab
    columns = dialog.columns_model
    shown = [(columns.index(r, 0).data(), columns.index(r, 1).data(), columns.index(r, 2).data())
             for r in range(columns.rowCount())]
    assert len(shown) == 10 and ("F", "入党日期", "入党日期") in shown and ("J", "爱好", "未导入：没有对应的项目") in shown
    assert "2 列未导入" in dialog.form.tabs.tabText(dialog.form.tabs.indexOf(dialog.form.columnsTab))
    target = workdir / "问题清单.txt"
    asker.file_answers.append(str(target))
    qtbot.mouseClick(dialog.form.saveErrorsButton, Qt.MouseButton.LeftButton)
    settle()
    assert "第6行" in target.read_text(encoding="utf-8-sig")
    good = messy_roster(workdir / "花名册（改）.xlsx")
    with qtbot.waitSignal(dialog.sig_previewed, timeout=10000):
        dialog.load(good)
    assert dialog.import_button.isEnabled() and dialog.problems_model.rowCount() == 2  # the two columns
    with qtbot.waitSignal(dialog.sig_imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(ms.list_members(db, branch.id)) == 5


def test_delete_asks_first_and_finding_opens_the_member(qtbot, page, asker):
    member = next(m for m in page.model.members if m.on_roll)
    page.open_ref(("member", member.id))
    assert [m.id for m in page.selected()] == [member.id]
    asker.confirm_answers.append(False)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asker.messages[-1][0] == "confirm"
    assert ms.get_member(page.ctx.db, member.id).name == member.name  # still there


def test_someone_who_left_is_found_under_history_with_the_record(qtbot, page, typist):
    from dangjian_desktop.core.glossary import MemberStatus as S

    member = next(m for m in page.model.members if m.on_roll)
    ms.leave_roll(page.ctx.db, member.id, S.TRANSFERRED_OUT, TODAY, destination="XX街道第二党支部", today=TODAY)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.refresh()
    typist(page.search, member.name)
    assert member.name not in shown_names(page)  # 在册 only
    page.roll_combo.setCurrentIndex(1)  # 历史
    assert member.name in shown_names(page)
    left = ms.get_member(page.ctx.db, member.id)
    dialog = MemberEditorDialog(page.ctx, 1, left, None, TODAY)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert "转往XX街道第二党支部" in dialog.form.summaryLabel.text()
    assert not dialog.form.statusCombo.isEnabled()


def test_leave_roll_dialog_offers_death_and_removal_transfer_has_its_own(qtbot, page, settle):
    from dangjian_desktop.gui.member_editor import LeaveRollDialog

    member = next(m for m in page.model.members if m.on_roll)
    dialog = LeaveRollDialog(page.ctx, member, None, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    kinds = [dialog.form.kindCombo.itemData(i) for i in range(dialog.form.kindCombo.count())]
    assert MemberStatus.TRANSFERRED_OUT not in kinds and MemberStatus.DECEASED in kinds
    assert not dialog.form.destinationEdit.isVisible() and "转出…" in dialog.form.introLabel.text()
    ok = dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle()
    assert ms.get_member(page.ctx.db, member.id).status is MemberStatus.DECEASED
    assert ms.status_history(page.ctx.db, member.id)[-1].status is MemberStatus.DECEASED


def test_a_finding_about_a_member_opens_the_members_page(qtbot, page, demo_db):
    from dangjian_desktop.services.check import run_check

    window = page.window()
    window.show_page("home")
    finding = next(f for f in run_check(demo_db, as_of=TODAY) if f.rule == "MEMBER-ID-INVALID")
    window.open_ref(finding.ref)
    assert window.stack.currentWidget() is page
    assert [m.name for m in page.selected()] == [finding.subject]


def test_search_still_holds_after_the_order_changes(qtbot, page, typist):
    target = next(m for m in page.model.members if m.on_roll)
    typist(page.search, target.name)
    before = shown_names(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.order_combo.setCurrentIndex(1)
    assert sorted(shown_names(page)) == sorted(before) and target.name in before


def click_header(qtbot, page, col: int) -> None:
    from PySide6.QtCore import QPoint

    header = page.view.horizontalHeader()
    page.view.scrollTo(page.view.model().index(0, col))
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_typing_on_and_back_finds_by_initials_full_pinyin_and_id_digits(qtbot, page, typist):
    target = next(m for m in page.model.members if m.on_roll)
    everyone = shown_names(page)

    def expected(text: str) -> list[str]:
        return [m.name for m in page.model.all_members
                if m.on_roll and text.lower() in f"{m.name}|{m.name_pinyin}|{m.name_initials}|{m.id_number}".lower()]

    typist(page.search, target.name_pinyin)  # letter by letter: each keystroke narrows the rows shown
    assert target.name in shown_names(page) and shown_names(page) == expected(target.name_pinyin)
    for _ in target.name_pinyin:  # and back letter by letter to everyone
        qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
        assert shown_names(page) == expected(page.search.text())
    assert shown_names(page) == everyone
    typist(page.search, target.name_initials)
    assert shown_names(page) == expected(target.name_initials) and target.name in shown_names(page)
    page.search.clear()
    digits = target.id_number[6:12]
    typist(page.search, digits)
    assert target.name in shown_names(page) and shown_names(page) == expected(digits)
    assert f"当前显示 {len(expected(digits))} 人" in page.count_label.text()


def test_header_click_sorts_and_the_search_and_selection_keep_the_order(qtbot, page, typist):
    model, col = page.model, page.model.COL_BIRTH
    service_order, unsorted = shown_names(page), shown_column(page, col)
    header = page.view.horizontalHeader()
    assert not header.isSortIndicatorShown()  # 姓氏笔画 is no column's order: no arrow
    click_header(qtbot, page, col)
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == col
    births = shown_column(page, col)
    assert births == sorted(unsorted) and births != unsorted
    click_header(qtbot, page, col)
    assert shown_column(page, col) == sorted(births, reverse=True)
    # a row chosen stays chosen, on the same person, when the order changes
    page.view.selectRow(3)
    chosen = page.selected()
    click_header(qtbot, page, model.COL_PARTY_AGE)  # 党龄 sorts as a number, not as text
    ages = [model.party_ages[i] for i in model.visible]
    assert ages == sorted(ages)
    assert page.selected() == chosen and model.row_of(chosen[0].id) != 3
    # the search filters within the order chosen
    typist(page.search, "1")
    ages = [model.party_ages[i] for i in model.visible]
    assert ages and ages == sorted(ages)
    assert {m.name for m in model.members} == {m.name for m in model.all_members if m.on_roll and "1" in m.id_number}
    page.search.clear()
    click_header(qtbot, page, model.COL_NAME)  # 姓名: the service's order (姓氏笔画)
    assert shown_names(page) == service_order


def test_double_click_opens_the_member_shown_in_that_row(qtbot, page, asker, monkeypatch):
    import dangjian_desktop.gui.pages.members_page as mp

    opened = []

    class Editor:
        def __init__(self, ctx, branch_id, member, parent, today):
            opened.append(member)
            self.saved = None

        def exec(self):
            return 0

    monkeypatch.setattr(mp, "MemberEditorDialog", Editor)
    click_header(qtbot, page, page.model.COL_BIRTH)
    view = page.view
    rect = view.visualRect(view.model().index(2, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [m.name for m in opened] == [shown_names(page)[2]]


def test_a_larger_font_widens_the_columns_so_id_numbers_and_dates_show_whole(qtbot, demo_db, make_window):
    from PySide6.QtGui import QFont, QFontMetrics

    app = QApplication.instance()
    before = app.font()
    big = QFont(before)
    big.setPointSizeF(before.pointSizeF() * 2)
    app.setFont(big)
    try:
        window = make_window(demo_db)
        page = window.show_page("members")
        qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
        metrics = QFontMetrics(page.view.font())
        assert metrics.horizontalAdvance("0000-00-00") > 1.5 * QFontMetrics(before).horizontalAdvance("0000-00-00")
        for col in (page.model.COL_NAME, page.model.COL_BIRTH, page.model.COL_ID, page.model.COL_JOINED):
            widest = max(metrics.horizontalAdvance(text) for text in shown_column(page, col))
            assert page.view.columnWidth(col) > widest + 6, page.model.HEADERS[col]
    finally:
        app.setFont(before)


def test_a_header_sort_outlives_a_reload_and_the_order_box_takes_it_back(qtbot, page):
    """After an edit the page reloads: a column the user sorted by stays sorted, arrow and all.
    Choosing 按拼音 in 排序 then orders by pinyin again and the arrow goes."""
    col = page.model.COL_BIRTH
    click_header(qtbot, page, col)
    births = shown_column(page, col)
    assert births == sorted(births)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.refresh()
    assert shown_column(page, col) == births
    header = page.view.horizontalHeader()
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == col
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.order_combo.setCurrentIndex(page.order_combo.findData("pinyin"))
    assert not header.isSortIndicatorShown()
    pinyin = [m.name_pinyin for m in page.model.members]
    assert pinyin == sorted(pinyin) and shown_column(page, col) != births
