"""生日短信 through qtbot: opened from the 政治生日 page, a period chosen, the wording edited (a wrong placeholder
said at once) and saved for the branch, every message copied to the clipboard, the .csv exported."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from dangjian_desktop.core import birthday_messages as core
from dangjian_desktop.services import birthday_messages as bm
from tests.conftest import TODAY


def _people(db, kind):
    chosen = core.period(kind, TODAY)
    return bm.recipients(db, 1, chosen.start, chosen.end)[1]


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_message_batch_is_made_copied_and_exported(qtbot, make_window, demo_db, asker, typist, settle, workdir):
    window = make_window(demo_db)
    page = window.show_page("birthdays")
    page.today = TODAY
    settle()
    click(qtbot, page.messages_button)
    dialog = page.messages_dialog
    settle()
    f = dialog.form
    assert dialog.isVisible() and f.templateEdit.toPlainText() == core.DEFAULT_TEMPLATE
    this_month = _people(demo_db, core.THIS_MONTH)
    assert [m.name for m in dialog.model.rows] == [r.name for r in this_month]
    assert not f.yearSpin.isEnabled()

    f.periodCombo.setCurrentIndex(f.periodCombo.findData(core.JULY_FIRST))  # 七一前后
    settle()
    july = _people(demo_db, core.JULY_FIRST)
    assert len(july) > 2 and [m.name for m in dialog.model.rows] == [r.name for r in july]
    assert f.yearSpin.isEnabled() and "2026年6月至7月共" in f.summaryLabel.text()

    # a wrong placeholder is said at once, and nothing can be copied from it
    f.templateEdit.selectAll()
    typist(f.templateEdit, "{名字}同志")
    qtbot.waitUntil(lambda: "不是可以替换的内容" in f.templateError.text(), timeout=5000)
    assert dialog.model.rowCount() == 0 and not f.copyButton.isEnabled()
    f.templateEdit.selectAll()
    typist(f.templateEdit, "{姓名}同志：{政治生日}是您的政治生日，入党{入党年数}周年。祝您生日快乐，一起重温入党誓词！")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == len(july), timeout=5000)
    first = dialog.model.rows[0]
    assert first.text.startswith(f"{first.name}同志：{first.day.year}年{first.day.month}月{first.day.day}日是您的政治生日")
    assert "尚未保存" in f.templateError.text()
    click(qtbot, f.saveTemplateButton)
    settle()
    assert bm.template(demo_db, 1).startswith("{姓名}同志：{政治生日}是您的政治生日") and "已保存" in f.templateError.text()

    QGuiApplication.clipboard().clear()
    click(qtbot, f.copyButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.count("同志：") == len(july) and copied.startswith(f"{first.name}（{first.phone or '无手机号'}）\n")
    assert "已复制" in f.summaryLabel.text()

    out = workdir / "七一短信.csv"
    asker.file_answers.append(str(out))
    click(qtbot, f.exportButton)
    settle()
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["姓名", "手机号", "短信内容"] and sorted(r[0] for r in rows[1:]) == sorted(r.name for r in july)
    assert {r[2] for r in rows[1:]} == {m.text for m in dialog.model.rows}
    assert asker.messages[-1][0] == "info" and str(out) in asker.messages[-1][2]


def test_members_without_a_phone_are_named_in_the_dialog(qtbot, make_window, demo_db, asker, settle):
    july = _people(demo_db, core.JULY_FIRST)
    from dangjian_desktop.db import models as m

    with demo_db.transaction() as s:
        s.get(m.Member, july[0].member_id).phone = ""
    window = make_window(demo_db)
    page = window.show_page("birthdays")
    page.today = TODAY
    settle()
    page.open_messages()
    settle()
    f = page.messages_dialog.form
    f.periodCombo.setCurrentIndex(f.periodCombo.findData(core.JULY_FIRST))
    settle()
    assert f"没有手机号 1 人：{july[0].name}" in f.summaryLabel.text()
    row = next(i for i, msg in enumerate(page.messages_dialog.model.rows) if msg.name == july[0].name)
    assert page.messages_dialog.model.index(row, 2).data() == "无手机号"
