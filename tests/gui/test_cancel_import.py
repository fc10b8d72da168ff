"""取消 during an import: the import stops at its next safe point and its one transaction rolls back whole,
even after a thousand members were already written inside it; the database is as before."""

from __future__ import annotations

import threading
from datetime import date

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.member_editor import RosterImportDialog
from dangjian_desktop.gui.worker import ProgressDialog
from dangjian_desktop.services import members as ms
from dangjian_desktop.services.branches import create_branch, group_names
from dangjian_desktop.userconfig import UserConfig
from tests.conftest import TODAY
from tests.gui.conftest import wait_idle
from tests.roster_files import id_for

PEOPLE = 1300  # more than one batch of 1,000 inserted rows before the 取消


def _big_roster(path):
    """A plain 花名册 of PEOPLE members with valid, distinct ID numbers, all in a 党小组 not yet made."""
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "出生日期", "公民身份号码", "入党日期", "转正日期", "党小组"])
    for i in range(PEOPLE):
        born, male = date(1940 + i % 40, 1 + i % 12, 1 + i % 28), bool(i % 2)
        number = id_for(born, male, seq=i % 400, region=f"4101{i // 400 + 2:02d}")
        ws.append([f"测试{i:04d}号", "男" if male else "女", born.isoformat(), number, "2001-07-01", "2002-07-01",
                   "新成立党小组"])
    wb.save(path)
    return path


def test_cancelling_an_import_while_it_writes_rolls_it_back_whole(qtbot, db, asker, workdir, monkeypatch):
    branch = create_branch(db, "测试第一党支部", groups=["第一党小组"])
    roster = _big_roster(workdir / "大花名册.xlsx")

    # The import is held at its safe point after row 1,200 (rows 1-1,000 already inserted in its
    # transaction) until the person's click on 取消 has been made: the race made certain.
    real = ms.import_roster
    reached, release = threading.Event(), threading.Event()

    def held(*args, progress, **kwargs):
        def watched(done, total, text):
            if text.startswith("正在导入第") and done >= 1200 and not reached.is_set():
                reached.set()
                release.wait(20)
            progress(done, total, text)
        return real(*args, progress=watched, **kwargs)

    monkeypatch.setattr(ms, "import_roster", held)
    ctx = AppContext(db=db, config=UserConfig(), asker=asker)
    ctx.runner.delay_ms = 0  # the progress dialog at once, as after half a second of a long import
    status = []
    ctx.runner.sig_status.connect(status.append)
    dialog = RosterImportDialog(ctx, branch.id, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.sig_previewed, timeout=60000):
        dialog.load(roster)
    assert len(dialog.preview.rows) == PEOPLE and dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=60000)
    [progress] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog) and w.isVisible()]
    assert progress.task.what == "导入花名册" and progress.cancel_button.isEnabled()
    assert not dialog.form.buttonBox.isEnabled()  # no second import, no closing, while this one runs
    dialog.reject()
    assert dialog.isVisible()
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    assert "正在取消" in progress.label.text()
    release.set()
    wait_idle(60000)

    assert ms.member_count(db, branch.id) == 0  # the thousand written inside the transaction are gone
    assert [name for _, name in group_names(db, branch.id)] == ["第一党小组"]  # so is the new 党小组
    assert status == ["已取消导入花名册。没有写入任何数据。"]
    assert not asker.messages  # a 取消 is not an error
    assert dialog.isVisible() and dialog.result is None and dialog.import_button.isEnabled()

    # the same import, let run, finishes whole
    monkeypatch.setattr(ms, "import_roster", real)
    with qtbot.waitSignal(dialog.sig_imported, timeout=120000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert ms.member_count(db, branch.id) == PEOPLE and dialog.result is not None
