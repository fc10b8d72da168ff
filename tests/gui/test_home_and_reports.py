"""首页 (reminders, click-through, charts, the start-up reminder) and 报表 (exports with progress)."""

from __future__ import annotations

import zipfile
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dangjian_desktop.core.glossary import CommitteeMode, CommitteePost
from dangjian_desktop.gui.pages.home_page import HomePage, ReminderModel, show_startup_reminder
from dangjian_desktop.services.branches import committee_info, create_branch, current_term
from tests.conftest import TODAY
from tests.gui.conftest import wait_idle


def test_reminders_are_most_urgent_first_and_open_their_record(qtbot, demo_db, make_window):
    window = make_window(demo_db)
    home: HomePage = window.show_page("home")
    home.as_of = TODAY
    home.refresh()  # computed in the background
    qtbot.waitUntil(lambda: home.data is not None and home.data.as_of == TODAY)
    findings = home.model.rows
    assert findings, "the demo has deliberate gaps"
    ranks = [(f.severity.rank, f.date or date.max) for f in findings]
    assert [r[0] for r in ranks] == sorted(r[0] for r in ranks)
    # the 换届 reminder opens 设置 → 支部与支委
    row = next(i for i, f in enumerate(findings) if f.rule == "ELECTION-DUE")
    index = home.model.index(row, ReminderModel.COL_MESSAGE)
    home.view.scrollTo(index)
    rect = home.view.visualRect(index)
    # a person's double click: press and release, then the second click
    qtbot.mouseClick(home.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(home.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settings = window.pages["settings"]
    assert window.stack.currentWidget() is settings
    assert settings.tabs.currentWidget() is settings.branch_tab


def test_page_specs_match_the_pages():
    from dangjian_desktop.gui.pages import PAGES

    for spec in PAGES:
        cls = spec.load()
        assert (cls.key, cls.title, cls.handles) == (spec.key, spec.title, spec.handles)


def test_charts_show_the_branch(qtbot, demo_db, make_window):
    window = make_window(demo_db)
    home = window.show_page("home")
    qtbot.waitUntil(lambda: home.data is not None)
    labels = [b.label for b in home.chart_members.bars]
    assert labels[:2] == ["正式党员", "预备党员"] and "第一党小组" in labels
    assert [b.label for b in home.chart_meetings.bars][0] == "支部党员大会"
    assert len(home.chart_applicants.bars) == 5


def test_startup_reminder_once_a_day_only_when_overdue(qtbot, db, make_window):
    create_branch(db, "支部", secretary="张三", elected_on=date(2020, 1, 1))  # term long over: overdue
    window = make_window(db)
    with qtbot.waitSignal(window.page("home").sig_loaded):
        assert show_startup_reminder(window, today=date(2026, 11, 23)) is None  # 首页 still computing
    dialog = window.startup_reminder  # shown once the reminders were ready
    qtbot.waitUntil(dialog.isVisible)
    assert "换届" in dialog.body.text()
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert show_startup_reminder(window, today=date(2026, 11, 23)) is None  # not twice a day
    assert show_startup_reminder(window, today=date(2026, 11, 24)) is not None


def test_no_startup_reminder_when_nothing_is_overdue(qtbot, db, make_window):
    create_branch(db, "支部", secretary="张三")
    window = make_window(db)
    home = window.page("home")
    qtbot.waitUntil(lambda: home.data is not None)
    assert show_startup_reminder(window) is None
    assert not hasattr(window, "startup_reminder")


def test_election_recorded_from_the_branch_tab(qtbot, db, make_window, typist):
    b = create_branch(db, "支部", secretary="张三", elected_on=date(2020, 1, 1))
    window = make_window(db)
    settings = window.show_page("settings")
    tab = settings.branch_tab
    settings.tabs.setCurrentWidget(tab)
    wait_idle()
    qtbot.mouseClick(tab.election_button, Qt.MouseButton.LeftButton)
    dialog = tab.election_dialog
    typist(dialog.post_edits[CommitteePost.ORGANISATION], "王五")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle()
    assert "书记" in dialog.error_label.text() and dialog.isVisible()  # refused: no secretary
    typist(dialog.post_edits[CommitteePost.SECRETARY], "李四")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle()
    assert not dialog.isVisible()
    term = current_term(db, b.id)
    assert [(p.post, p.person_name) for p in term.posts] == [(CommitteePost.SECRETARY, "李四"),
                                                            (CommitteePost.ORGANISATION, "王五")]
    assert "李四" in tab.term_label.text()


def test_a_small_branch_has_no_committee_unless_the_secretary_says_so(qtbot, db, make_window):
    b = create_branch(db, "小支部", secretary="张三", elected_on=date(2020, 1, 1))
    window = make_window(db)
    settings = window.show_page("settings")
    tab = settings.branch_tab
    settings.tabs.setCurrentWidget(tab)
    wait_idle()
    assert "不足7人" in tab.committee_label.text() and "不提醒召开支委会" in tab.committee_label.text()
    assert tab.committee_combo.currentData() == CommitteeMode.AUTO
    tab.committee_combo.setFocus()
    qtbot.keyClick(tab.committee_combo, Qt.Key.Key_Down)  # 设有支部委员会
    wait_idle()
    assert committee_info(db, b.id).mode is CommitteeMode.YES and committee_info(db, b.id).has_committee
    assert "设有支部委员会" in tab.committee_label.text()


def test_year_package_from_the_reports_page_with_progress(qtbot, demo_db, make_window, workdir, asker):
    window = make_window(demo_db)
    page = window.show_page("reports")
    wait_idle()  # the kinds of document are listed once their writers are loaded, off the GUI thread
    page.select_kind("year-package")
    page.year_spin.setValue(2025)
    page.open_check.setChecked(False)
    page.folder_edit.setText(str(workdir / "导出"))
    window.ctx.runner.delay_ms = 0  # show the dialog at once, as a long export does after 0.5 s
    assert page.file_edit.text() == "幸福社区第一党支部_2025年_年度材料包.zip"
    asker.choose_answers = [1]  # 保留完整号码 (masking has its own test: tests/gui/test_privacy.py)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_output is not None, timeout=60000)
    assert page.progress_was_shown
    assert page.last_output == workdir / "导出" / "幸福社区第一党支部_2025年_年度材料包.zip"
    assert "幸福社区第一党支部_2025年_年度组织生活情况报告.docx" in zipfile.ZipFile(page.last_output).namelist()
    assert window.ctx.config.get("export_folder") == str(workdir / "导出")
    assert not [m for m in asker.messages if m[0] == "error"]


def test_an_export_that_fails_says_why(qtbot, demo_db, make_window, workdir, asker):
    window = make_window(demo_db)
    page = window.show_page("reports")
    wait_idle()  # the kinds of document are listed once their writers are loaded, off the GUI thread
    page.select_kind("annual-report")
    page.open_check.setChecked(False)
    blocker = workdir / "不是文件夹"
    blocker.write_text("x", encoding="utf-8")
    page.folder_edit.setText(str(blocker))  # a file where a folder should be
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.texts_dialog is not None and page.texts_dialog.isVisible())
    ok = page.texts_dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # nothing written: lines to fill by hand
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=20000)
    assert asker.messages and asker.messages[-1][0] == "error"


def test_one_meeting_record_chosen_on_the_reports_page(qtbot, demo_db, make_window, workdir, asker):
    from docx import Document

    window = make_window(demo_db)
    page = window.show_page("reports")
    wait_idle()  # the kinds of document are listed once their writers are loaded, off the GUI thread
    page.year_spin.setValue(2025)
    page.select_kind("minutes")
    wait_idle()
    assert page.record_combo.isVisible() and page.record_combo.count() > 50
    page.record_combo.setCurrentIndex(0)
    first = page.record_combo.currentText()
    assert first.startswith("2025-01")
    assert first in page.file_edit.text()
    page.open_check.setChecked(False)
    page.folder_edit.setText(str(workdir))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_output is not None, timeout=20000)
    text = "\n".join(p.text for p in Document(page.last_output).paragraphs)
    assert "会议记录" in text or "记录" in text
    # the kinds are listed by area: the annual report first, the package last
    keys = [page.kind_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.kind_list.count())]
    assert keys[0] == "annual-report" and keys[-1] == "year-package"
    assert keys.index("minutes-book") < keys.index("roster") < keys.index("development-ledger")


def test_branch_kind_chosen_in_the_branch_tab_sets_the_term(qtbot, db, make_window):
    from dangjian_desktop.services.branches import is_community

    b = create_branch(db, "阳光社区党支部", secretary="张三", elected_on=date(2023, 1, 10))
    window = make_window(db)
    settings = window.show_page("settings")
    tab = settings.branch_tab
    settings.tabs.setCurrentWidget(tab)
    wait_idle()
    assert "任期3年" in tab.term_label.text() and tab.kind_combo.currentData() is None
    combo = tab.kind_combo
    index = combo.findData(True)
    combo.showPopup()  # a person opens the list and clicks 村、社区党支部
    view = combo.view()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(index, 0)).center())
    wait_idle()
    qtbot.waitUntil(lambda: is_community(db, b.id) is True)
    qtbot.waitUntil(lambda: "任期5年" in tab.term_label.text())
    assert "2028年1月10日届满" in tab.term_label.text()
    qtbot.mouseClick(tab.election_button, Qt.MouseButton.LeftButton)
    assert tab.election_dialog.years_spin.value() == 5
    tab.election_dialog.reject()


def test_next_years_holidays_added_in_the_holiday_tab(qtbot, db, make_window):
    from PySide6.QtCore import QDate

    from dangjian_desktop.services.settings import work_calendar

    create_branch(db, "支部", secretary="张三")
    window = make_window(db)
    settings = window.show_page("settings")
    tab = settings.holiday_tab
    settings.tabs.setCurrentWidget(tab)
    wait_idle()
    tab.year_spin.setValue(2025)
    qtbot.waitUntil(lambda: any(r.name == "国庆节" for r in tab.model.rows))
    assert "已知" in tab.known_label.text()
    tab.year_spin.setValue(2031)
    qtbot.waitUntil(lambda: "还不知道2031年" in tab.known_label.text())
    tab.date_edit.setDate(QDate(2031, 1, 2))
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("放假"))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r.day for r in tab.model.rows] == [date(2031, 1, 2)])
    assert not work_calendar(db).is_workday(date(2031, 1, 2))
    assert tab.model.data(tab.model.index(0, 3)) == "自己添加"
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rows == [])
    assert work_calendar(db).is_workday(date(2031, 1, 2))


def test_the_annual_report_asks_for_the_secretarys_paragraphs(qtbot, demo_db, make_window, workdir, asker, typist):
    """存在的不足 and 下一步工作打算 are written in a dialog before the report is made, printed in it, and
    offered again at the next export; 取消 makes no file."""
    from docx import Document

    window = make_window(demo_db)
    page = window.show_page("reports")
    wait_idle()
    page.select_kind("annual-report")
    page.year_spin.setValue(2025)
    page.open_check.setChecked(False)
    page.folder_edit.setText(str(workdir))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.texts_dialog is not None and page.texts_dialog.isVisible())
    dialog = page.texts_dialog
    qtbot.mouseClick(dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    wait_idle()
    assert page.last_output is None and not list(workdir.glob("*.docx"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.texts_dialog is not dialog and page.texts_dialog.isVisible())
    dialog = page.texts_dialog
    typist(dialog.form.shortcomingsEdit, "党课形式单一")
    typist(dialog.form.plansEdit, "每季度请老党员讲一次党课")
    qtbot.mouseClick(dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_output is not None, timeout=30000)
    text = "\n".join(p.text for p in Document(page.last_output).paragraphs)
    assert "党课形式单一" in text and "每季度请老党员讲一次党课" in text and "【" not in text
    qtbot.waitUntil(page.export_button.isEnabled)
    asker.confirm_answers = [True]  # replace the file
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)  # the next time: what was written
    qtbot.waitUntil(lambda: page.texts_dialog is not dialog and page.texts_dialog.isVisible())
    assert page.texts_dialog.form.plansEdit.toPlainText() == "每季度请老党员讲一次党课"
    page.texts_dialog.reject()
