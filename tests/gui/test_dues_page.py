"""党费 page through qtbot: a month collected in one click, then the exceptions (免缴 with its approval, a
partial payment, one who did not pay), a base changed, the year tab, the ledger saved, a sheet imported."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dangjian_desktop.core import dues as core
from dangjian_desktop.core.glossary import DuesKind
from dangjian_desktop.gui.pages.dues_page import BaseDialog, DuesPage, PaymentDialog
from dangjian_desktop.services import dues as ds
from tests.conftest import TODAY

NOV = core.month_no(2026, 11)


@pytest.fixture
def page(qtbot, demo_db, asker):
    from dangjian_desktop.gui.context import AppContext
    from dangjian_desktop.userconfig import UserConfig

    ctx = AppContext(db=demo_db, config=UserConfig(), asker=asker, branch_id=1)
    p = DuesPage(ctx, None, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitUntil(lambda: p.summary.text() != "", timeout=10000)
    yield p
    ctx.lane.wait()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def select(page, name) -> int:
    row = next(i for i, d in enumerate(page.model.rows) if d.member == name)
    page.view.selectRow(row)
    return row


def recorded(db, name):
    return {d.member: d for d in ds.month_sheet(db, 1, NOV, today=TODAY)}[name]


def test_collect_the_month_then_the_exceptions(qtbot, page, demo_db, asker, settle, typist):
    open_before = [d.member for d in page.model.rows if d.kind is None]
    assert open_before and "2026年11月" in page.summary.text() and "待收" in page.summary.text()
    # 本月全部按应缴收齐: asked first; 不 leaves everything as it was
    asker.confirm_answers = [False]
    click(qtbot, page.collect_button)
    settle()
    assert [d.member for d in page.model.rows if d.kind is None] == open_before
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        asker.confirm_answers = [True]
        click(qtbot, page.collect_button)
    assert all(d.kind is not None for d in page.model.rows)
    assert not page.collect_button.isEnabled()
    assert "待收 0 人" in page.summary.text()
    exempt_one, short_one, unpaid_one = open_before[:3]

    # an exception: 撤销 the one who did not pay after all; the month is open for them again
    select(page, unpaid_one)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        asker.confirm_answers = [True]
        click(qtbot, page.clear_button)
    assert recorded(demo_db, unpaid_one).kind is None
    assert page.model.rows[select(page, unpaid_one)].kind is None

    # 免缴: typed approval, refused without one (a red line in the dialog), saved with one
    select(page, exempt_one)
    ds.clear_month(demo_db, recorded(demo_db, exempt_one).member_id, NOV)
    row = page.model.rows[select(page, exempt_one)]
    dialog = PaymentDialog(page.ctx, row, page, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.kindCombo.setCurrentIndex(dialog.form.kindCombo.findData(DuesKind.EXEMPT))
    assert not dialog.form.amountEdit.isEnabled()
    click(qtbot, dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok))
    settle()
    assert dialog.isVisible() and "批准" in dialog.form.errorLabel.text()
    typist(dialog.form.noteEdit, "街道党工委2026年11月20日批准")
    click(qtbot, dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok))
    settle()
    assert dialog.saved and recorded(demo_db, exempt_one).kind is DuesKind.EXEMPT
    assert recorded(demo_db, exempt_one).note == "街道党工委2026年11月20日批准"

    # a partial payment: typed amount
    ds.clear_month(demo_db, recorded(demo_db, short_one).member_id, NOV)
    dialog = PaymentDialog(page.ctx, recorded(demo_db, short_one), page, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    typist(dialog.form.amountEdit, "0.1")
    click(qtbot, dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok))
    settle()
    assert recorded(demo_db, short_one).paid == Decimal("0.10")
    assert recorded(demo_db, short_one).status_text.startswith("实缴（少 ")


def test_a_past_month_unpaid_is_red_and_defaults_to_makeup(qtbot, page, demo_db, settle):
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.month_combo.setCurrentIndex(9)  # 10月
    unpaid = [i for i, d in enumerate(page.model.rows) if d.kind is None and d.due is not None]
    assert unpaid, "the demo leaves some members in arrears"
    index = page.model.index(unpaid[0], page.model.COL_STATUS)
    assert page.model.data(index) == "未交"
    assert page.model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    dialog = PaymentDialog(page.ctx, page.model.rows[unpaid[0]], page, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.form.kindCombo.currentText() == "补缴"
    click(qtbot, dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok))
    settle()
    member = page.model.rows[unpaid[0]].member
    assert {d.member: d for d in ds.month_sheet(demo_db, 1, NOV - 1, today=TODAY)}[member].kind is DuesKind.MAKEUP


def test_a_raise_from_a_month_on(qtbot, page, demo_db, settle, typist):
    row = next(d for d in page.model.rows if d.basis_text.startswith("税后工资"))
    dialog = BaseDialog(page.ctx, row, page, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.basisCombo.currentText() == "税后工资"
    typist(dialog.form.amountEdit, "9000")
    click(qtbot, dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok))
    settle()
    assert dialog.saved
    assert recorded(demo_db, row.member).due in (row.due, Decimal("135.00"))  # recorded months keep theirs
    nxt = {d.member: d for d in ds.month_sheet(demo_db, 1, NOV + 1, today=TODAY)}[row.member]
    assert nxt.due == Decimal("135.00") and nxt.basis_text == "税后工资 9000.00 元 × 1.5% = 135.00 元"


def test_the_year_tab_the_ledger_and_an_imported_sheet(qtbot, page, demo_db, asker, workdir, settle):
    page.tabs.setCurrentIndex(1)
    assert page.tabs.tabText(1) == "2026年全年"
    assert len(page.year_model.rows) == len(ds.ledger(demo_db, 1, 2026, today=TODAY).rows)
    assert "连续3个月以上未交" in page.year_label.text()
    out = workdir / "党费台账.xlsx"
    asker.file_answers = [str(out)]
    click(qtbot, page.export_button)
    settle()
    assert load_workbook(out).active["A1"].value == "幸福社区第一党支部2026年党费收缴台账"
    # the sheet back in, through the one import dialog: every column named, nothing to import (all the same)
    asker.file_answers = [str(out)]
    click(qtbot, page.import_button)
    dialog = page._import_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "新增 0 个月" in dialog.form.summaryLabel.text() and not dialog.import_button.isEnabled()
    assert dialog.columns_model.rowCount() == len(dialog.preview.columns) > 12
    dialog.close()
    # a sheet with a month not yet recorded and a column the program does not keep: previewed, imported
    member = next(d for d in page.model.rows if d.kind is None and d.due is not None)
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["2026年党费收缴表"])
    wb.active.append(["姓名", "11月", "签名"])
    wb.active.append([member.member, float(member.due), "已签"])
    sheet = workdir / "收缴表.xlsx"
    wb.save(sheet)
    asker.file_answers = [str(sheet)]
    click(qtbot, page.import_button)
    dialog = page._import_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "导入后将新增 1 个月" in dialog.form.summaryLabel.text()
    assert dialog.columns_model.index(2, 2).data().startswith("未导入")  # 签名: named, not dropped
    assert dialog.accepted_model.index(0, 1).data() == f"{member.member} 2026年11月"
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        click(qtbot, dialog.import_button)
    assert recorded(demo_db, member.member).paid == member.due
    assert recorded(demo_db, member.member).paid_on is None


def test_what_the_import_leaves_out_is_shown_beside_the_problems(qtbot, page, workdir):
    """The 应缴 and 合计 rows and a 备注 that is not a 免缴 approval are read and left out: the dialog lists
    each of them (as 提示) after the problems, where it used to show only how many there were."""
    from openpyxl import Workbook

    member = next(d for d in page.model.rows if d.kind is None and d.due is not None)
    wb = Workbook()
    wb.active.append(["2026年党费收缴表"])
    wb.active.append(["姓名", "项目", "11月", "备注"])
    wb.active.append([member.member, "应缴", float(member.due), "微信转账"])
    wb.active.append([None, "实缴", float(member.due), "微信转账"])
    wb.active.append(["合计", None, float(member.due), None])
    sheet = workdir / "两行一人.xlsx"
    wb.save(sheet)
    from dangjian_desktop.gui.import_dialog import DUES, ImportDialog

    dialog = ImportDialog(page.ctx, page.ctx.branch_id, DUES, page, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.load(sheet)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    shown = [(dialog.problems_model.index(i, 0).data(), dialog.problems_model.index(i, 1).data())
             for i in range(dialog.problems_model.rowCount())]
    assert ("整个工作表", "提示：第3行是“应缴”行：金额用作应缴（有党费基数的党员按基数计算，与文件不同的会提示），"
                     "这些行的备注未导入。") in shown
    assert any(where == "整个工作表" and what.startswith("提示：第5行（11月 ") and what.endswith("）是合计行，未导入"
                                                                                "（合计由程序计算）。")
               for where, what in shown)
    assert any(where == "第4行，D列（备注）" and "备注“微信转账”未导入" in what for where, what in shown)
    assert "和提示（3）" in dialog.form.tabs.tabText(dialog._tab("refusedTab"))
    assert dialog.import_button.isEnabled()  # 提示 are not problems: the month itself imports


def test_a_dues_finding_opens_the_member_on_the_dues_page(qtbot, demo_db, make_window, settle):
    from dangjian_desktop.services.check import run_check

    finding = next(f for f in run_check(demo_db, None, TODAY) if f.rule == "DUES-ARREARS-3M")
    window = make_window(demo_db)
    settle()
    window.open_ref(finding.ref)
    settle()
    page = window.show_page("dues")
    settle()
    chosen = page.selected()
    assert chosen is not None and chosen.member == finding.subject
    assert core.month_code(chosen.month) == finding.ref[1]["month"] and chosen.kind is None


def test_a_reimport_shows_each_changed_month_before_it_is_written(qtbot, page, demo_db, workdir):
    """Re-importing over recorded months: each changed month is a row of the preview saying old → new
    (it used to say only “更新 1 个月”)."""
    from openpyxl import Workbook

    from dangjian_desktop.gui.import_dialog import DUES, ImportDialog

    member = next(d for d in ds.list_year(demo_db, 1, 2026, today=TODAY)
                  if d.kind is DuesKind.PAID and d.due and core.year_month(d.month)[1] == 3)
    wb = Workbook()
    wb.active.append(["2026年党费收缴表"])
    wb.active.append(["姓名", "3月"])
    wb.active.append([member.member, float(member.due + 1)])
    sheet = workdir / "改一个月.xlsx"
    wb.save(sheet)
    dialog = ImportDialog(page.ctx, page.ctx.branch_id, DUES, page, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.load(sheet)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "更新 1 个月" in dialog.form.summaryLabel.text()
    row = [dialog.accepted_model.index(0, c).data() for c in range(dialog.accepted_model.columnCount())]
    assert row[1] == f"{member.member} 2026年3月"
    assert f"实缴 {member.paid:.2f} 元 → 实缴 {member.due + 1:.2f} 元" in row[-1]
