"""Privacy in the window: the year package asks whether to mask numbers and remembers; the unlock
dialog still appears after a million wrong tries; a full disk during an import names no one."""

from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dangjian_desktop import logs
from dangjian_desktop.gui.app import Controller
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.member_editor import RosterImportDialog
from dangjian_desktop.gui.safety import UnlockDialog
from dangjian_desktop.services import security, settings
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.members import member_count
from dangjian_desktop.userconfig import UserConfig
from tests.conftest import TODAY
from tests.gui.conftest import wait_idle
from tests.safety.test_personal_data_leaks import ID_OR_PHONE, _fill_the_disk, big_roster

FULL_ID = re.compile(r"^\d{17}[\dX]$")


def _roster_ids_in_package(package: Path) -> list[str]:
    with zipfile.ZipFile(package) as z:
        name = next(n for n in z.namelist() if n.endswith("党员花名册.xlsx"))
        ws = load_workbook(io.BytesIO(z.read(name))).active
    header_row = next(r for r in ws.iter_rows(min_row=1, max_row=6) if any(c.value == "公民身份号码" for c in r))
    col = next(c.column for c in header_row if c.value == "公民身份号码")
    return [ws.cell(r, col).value for r in range(header_row[0].row + 1, ws.max_row + 1) if ws.cell(r, col).value]


def _export_package(qtbot, page, folder: Path, answer: int | None) -> Path | None:
    page.ctx.asker.choose_answers = [answer]
    page.folder_edit.setText(str(folder))
    page.last_output = None
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    if answer is None:
        return None
    qtbot.waitUntil(lambda: page.last_output is not None, timeout=60000)
    return page.last_output


def test_the_year_package_asks_whether_to_mask_and_remembers_the_answer(qtbot, demo_db, make_window, workdir, asker):
    window = make_window(demo_db)
    page = window.show_page("reports")
    wait_idle()  # the kinds of document are listed once their writers are loaded, off the GUI thread
    page.select_kind("roster")
    assert page.mask_check.isVisible() and not page.mask_check.isChecked()  # the roster kept is full
    page.select_kind("year-package")
    assert not page.mask_check.isVisible()  # for the package the question is asked at export
    page.year_spin.setValue(2025)
    page.open_check.setChecked(False)

    first = _export_package(qtbot, page, workdir / "第一次", answer=0)  # 隐去中间几位
    kind, title, text = [m for m in asker.messages if m[0] == "choose"][-1]
    assert "报送上级" in title + text and "身份证号" in text
    assert asker.choose_defaults[-1] == 0  # the first time, hiding is offered
    ids = _roster_ids_in_package(first)
    assert ids and all("*" in n and not FULL_ID.match(n) for n in ids)
    assert window.ctx.config.get("year_package_mask") is True

    second = _export_package(qtbot, page, workdir / "第二次", answer=1)  # 保留完整号码
    assert asker.choose_defaults[-1] == 0  # last time's answer
    ids = _roster_ids_in_package(second)
    assert ids and all(FULL_ID.match(n) for n in ids)
    assert UserConfig().get("year_package_mask") is False  # kept across starts

    _export_package(qtbot, page, workdir / "第三次", answer=None)  # 取消
    assert asker.choose_defaults[-1] == 1
    assert not (workdir / "第三次").exists()


def test_the_unlock_dialog_still_works_after_a_million_wrong_tries(qtbot, demo_db, asker, start_app, when_modal,
                                                                   typist):
    security.set_password(demo_db, "secret-123")
    now = time.time()
    settings.put(demo_db, security.FAILURES_KEY, {"count": 10**6, "at": now})
    waiting = UnlockDialog(demo_db)  # just after the millionth: the button waits, counting down
    qtbot.addWidget(waiting)
    qtbot.waitUntil(lambda: "300 秒后再试" in waiting.form.messageLabel.text())  # read off the GUI thread
    assert not waiting.ok_button.isEnabled()
    waiting.close()

    settings.put(demo_db, security.FAILURES_KEY, {"count": 10**6, "at": now - security.MAX_DELAY - 1})
    shown = []

    def answer(dialog):
        shown.append(dialog)
        qtbot.waitUntil(dialog.ok_button.isEnabled)  # once the wait left is read
        typist(dialog.form.passwordEdit, "secret-123")
        qtbot.mouseClick(dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    when_modal(answer)
    c = Controller(UserConfig(), asker)
    c.show_reminders = False
    assert start_app(c, str(demo_db.path)) == (True, True)
    assert shown and isinstance(shown[0], UnlockDialog)
    assert c.window is not None and c.ctx is not None
    assert security.wait_seconds(c.ctx.db) == 0
    qtbot.addWidget(c.window)
    c.ctx.lane.wait()
    c.ctx.db.close()
    c.instance.release()


def test_a_full_disk_during_an_import_in_the_window_names_no_one(qtbot, db, workdir, asker):
    handler = logs.setup_file_log(workdir / "日志")
    try:
        branch = create_branch(db, "测试第一党支部", groups=["第一党小组"])
        roster, numbers = big_roster(workdir / "花名册.xlsx")
        ctx = AppContext(db=db, config=UserConfig(), asker=asker)
        dialog = RosterImportDialog(ctx, branch.id, None, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        with qtbot.waitSignal(dialog.sig_previewed, timeout=20000):
            dialog.load(str(roster))
        assert dialog.import_button.isEnabled()
        _fill_the_disk(db.engine)
        with qtbot.waitSignal(dialog.sig_imported, timeout=20000):
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        kind, title, text = asker.messages[-1]
        assert kind == "warn" and "磁盘已满" in text and "没有保存" in text
        assert member_count(db, branch.id) == 0
        log_text = Path(handler.baseFilename).read_text(encoding="utf-8")
        assert "database or disk is full" in log_text
        for shown in (text, log_text):
            assert not ID_OR_PHONE.search(shown) and not any(n in shown for n in numbers)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
