"""组织关系 dialogs: 转出 (with its letter), 转入, 收到回执, 流动党员, 社区报到; each from its .ui file, saving
through `ctx.run`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import MemberStatus, TransferDirection
from dangjian_desktop.errors import DomainError
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.forms.ui_community_report import Ui_CommunityReportDialog
from dangjian_desktop.gui.forms.ui_floating import Ui_FloatingDialog
from dangjian_desktop.gui.forms.ui_receipt import Ui_ReceiptDialog
from dangjian_desktop.gui.forms.ui_transfer_edit import Ui_TransferEditDialog
from dangjian_desktop.gui.forms.ui_transfer_in import Ui_TransferInDialog
from dangjian_desktop.gui.forms.ui_transfer_out import Ui_TransferOutDialog
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import transfer_edits as te
from dangjian_desktop.services import transfers as ts
from dangjian_desktop.services.exports import ExportRequest, run_export

ERROR_STYLE = "color: #b00020;"


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _FormDialog(SavingDialog):
    """What these dialogs share: the form, 确定/取消 in Chinese, the error line, the save through ctx.run."""

    ok_text = "保存"

    def __init__(self, ctx: AppContext, form, parent: QWidget | None, today: date | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.saved = None
        self.form = form
        form.setupUi(self)
        form.errorLabel.setStyleSheet(ERROR_STYLE)
        form.errorLabel.hide()
        form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.ok_text)
        form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        form.buttonBox.accepted.connect(self._save)
        form.buttonBox.rejected.connect(self.reject)
        for name in ("dateEdit", "sinceEdit"):
            edit = getattr(form, name, None)
            if edit is not None:
                edit.setDate(qdate(self.today))
                edit.setMaximumDate(qdate(self.today))

    def _save(self) -> None:
        raise NotImplementedError

    def _go(self, fn, *args, what: str, **kwargs) -> None:
        self.form.errorLabel.hide()
        self.run_save(self.ctx, fn, *args, what=what, busy=(self.form.buttonBox,), on_done=self._saved,
                      on_refused=self._refused, **kwargs)


class TransferOutDialog(_FormDialog):
    """转出 one member: destination, date, reason and the 介绍信's particulars; the letter can follow at once."""

    ok_text = "办理转出"

    def __init__(self, ctx: AppContext, member_id: int, name: str, version: int | None = None,
                 paid_to: date | None = None, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, Ui_TransferOutDialog(), parent, today)
        self.member_id, self.name, self.version = member_id, name, version
        f = self.form
        self.setWindowTitle(f"转出：{name}")
        f.introLabel.setText(f"{name}的组织关系转往其他党组织：自转出日期起不在本支部名册上，记录保留在“历史”中，"
                             "此前各日的名册和统计不变。回执寄回后请在“组织关系 → 转出”中登记收到。")
        f.paidToEdit.setDate(qdate(paid_to or self.today))
        f.paidUnknownCheck.setChecked(paid_to is None)
        f.paidToEdit.setEnabled(paid_to is not None)
        f.paidUnknownCheck.toggled.connect(lambda on: f.paidToEdit.setEnabled(not on))
        self.setMinimumWidth(560)

    def _save(self) -> None:
        f = self.form
        paid = None if f.paidUnknownCheck.isChecked() else pydate(f.paidToEdit.date()).replace(day=1)
        self._go(ts.transfer_out, self.ctx.db, self.member_id, f.toEdit.text(), pydate(f.dateEdit.date()),
                 reason=f.reasonEdit.text(), letter_no=f.letterNoEdit.text(), valid_days=f.validSpin.value(),
                 paid_to=paid, version=self.version, today=self.today, what="办理转出")

    @property
    def wants_letter(self) -> bool:
        return self.form.letterCheck.isChecked()


class TransferInDialog(_FormDialog):
    """转入: someone arriving with a 介绍信 goes on the roll from the day they arrive."""

    ok_text = "办理转入"

    def __init__(self, ctx: AppContext, branch_id: int, groups: list[tuple[int, str]], parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(ctx, Ui_TransferInDialog(), parent, today)
        self.branch_id = branch_id
        f = self.form
        f.introLabel.setText("凭组织关系介绍信登记转来的党员，自转入日期起在本支部名册上。介绍信上没有入党日期、"
                             "转正日期的，可以先空着，以后对照党员档案在党员页面补上（不会推算）。")
        f.statusCombo.addItem(MemberStatus.FULL.label, MemberStatus.FULL)
        f.statusCombo.addItem(MemberStatus.PROBATIONARY.label, MemberStatus.PROBATIONARY)
        f.groupCombo.addItem("（暂不编入）", None)
        for gid, gname in groups:
            f.groupCombo.addItem(gname, gid)
        self.setMinimumWidth(560)

    def _save(self) -> None:
        from dangjian_desktop.services.members import parse_typed_date

        f = self.form
        try:
            joined = parse_typed_date(f.joinedEdit.text())
            full = parse_typed_date(f.fullEdit.text())
        except DomainError as exc:
            self._refused(exc)
            return
        self._go(ts.transfer_in, self.ctx.db, self.branch_id, name=f.nameEdit.text(), id_number=f.idEdit.text(),
                 from_org=f.fromEdit.text(), on=pydate(f.dateEdit.date()), letter_no=f.letterNoEdit.text(),
                 status=MemberStatus(f.statusCombo.currentData()), joined_on=joined, full_member_on=full,
                 group_id=f.groupCombo.currentData(), phone=f.phoneEdit.text(), work_unit=f.unitEdit.text(),
                 today=self.today, what="办理转入")


class TransferEditDialog(_FormDialog):
    """修改 a 转出 or 转入 entered wrongly: the other 党组织, the date (the member's day off or on the roll moves
    with it), the reason, the 介绍信's number."""

    ok_text = "保存修改"

    def __init__(self, ctx: AppContext, transfer: ts.TransferInfo, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(ctx, Ui_TransferEditDialog(), parent, today)
        self.transfer = t = transfer
        f = self.form
        out = t.direction is TransferDirection.OUT
        self.setWindowTitle(f"修改{t.direction.label}：{t.name}")
        f.orgLabel.setText("转往的党组织(&O)：" if out else "从哪里转来(&O)：")
        f.dateLabel.setText("转出日期(&D)：" if out else "转入日期(&D)：")
        f.introLabel.setText(
            f"更正{t.name}的{t.direction.label}记录。改了日期，{t.name}"
            + ("离开本支部名册的日期随之改变" if out else "进入本支部名册的日期随之改变")
            + "，历史记录和各日的名册、统计都按新日期计算。"
            + ("已经打印或寄出的介绍信不会自动改变，如有需要请重新导出。" if out else ""))
        f.orgEdit.setText(t.other_org)
        f.dateEdit.setDate(qdate(t.moved_on))
        f.reasonEdit.setText(t.reason)
        f.letterNoEdit.setText(t.letter_no)
        self.setMinimumWidth(560)

    def _save(self) -> None:
        f = self.form
        self._go(te.update_transfer, self.ctx.db, self.transfer.id, other_org=f.orgEdit.text(),
                 on=pydate(f.dateEdit.date()), reason=f.reasonEdit.text(), letter_no=f.letterNoEdit.text(),
                 version=self.transfer.version, today=self.today, what=f"修改{self.transfer.direction.label}记录")


class ReceiptDialog(_FormDialog):
    """The 回执 of a 转出 came back: on which day."""

    ok_text = "登记收到"

    def __init__(self, ctx: AppContext, transfer: ts.TransferInfo, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(ctx, Ui_ReceiptDialog(), parent, today)
        self.transfer = transfer
        self.setWindowTitle(f"收到回执：{transfer.name}")
        self.form.introLabel.setText(f"{transfer.name}于{cn(transfer.moved_on)}转往{transfer.other_org}"
                                     + (f"（介绍信第{transfer.letter_no}号）" if transfer.letter_no else "")
                                     + "。收到的回执请贴在存根的“贴回执联处”。")
        self.form.dateEdit.setMinimumDate(qdate(transfer.moved_on))

    def _save(self) -> None:
        self._go(ts.record_receipt, self.ctx.db, self.transfer.id, pydate(self.form.dateEdit.date()),
                 version=self.transfer.version, today=self.today, what="登记收到回执")


class FloatingDialog(_FormDialog):
    """流动党员: where, since when, how to reach them, and whether they attend with another 党组织."""

    def __init__(self, ctx: AppContext, members: list[tuple[int, str]], record: ts.FloatingInfo | None = None,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, Ui_FloatingDialog(), parent, today)
        self.record = record
        f = self.form
        f.introLabel.setText("外出务工、经商、学习等，组织关系仍在本支部的党员。在流入地党组织参加组织生活的，"
                             "不属于不参加组织生活（首页不会按连续6个月未参加提醒）。")
        for mid, name in members:
            f.memberCombo.addItem(name, mid)
        if record is not None:
            self.setWindowTitle(f"流动党员：{record.name}")
            f.memberCombo.clear()
            f.memberCombo.addItem(record.name, record.member_id)
            f.memberCombo.setEnabled(False)
            f.sinceEdit.setDate(qdate(record.since))
            f.placeEdit.setText(record.place)
            f.contactEdit.setText(record.contact)
            f.attendsCheck.setChecked(record.attends_elsewhere)
            f.hostEdit.setText(record.host_org)
            f.certificateEdit.setText(record.certificate_no)
            f.notesEdit.setText(record.notes)
        f.hostEdit.setEnabled(f.attendsCheck.isChecked())
        f.attendsCheck.toggled.connect(f.hostEdit.setEnabled)
        self.setMinimumWidth(560)

    def _save(self) -> None:
        f = self.form
        if f.memberCombo.currentData() is None:
            self._refused(DomainError("请选择党员。"))
            return
        self._go(ts.save_floating, self.ctx.db, int(f.memberCombo.currentData()), since=pydate(f.sinceEdit.date()),
                 place=f.placeEdit.text(), contact=f.contactEdit.text(), attends_elsewhere=f.attendsCheck.isChecked(),
                 host_org=f.hostEdit.text(), certificate_no=f.certificateEdit.text(), notes=f.notesEdit.text(),
                 record_id=self.record.id if self.record else None, today=self.today, what="登记流动党员")


class CommunityReportDialog(_FormDialog):
    """在职党员到社区报到: who, from which unit, when, what service."""

    ok_text = "登记"

    def __init__(self, ctx: AppContext, branch_id: int, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(ctx, Ui_CommunityReportDialog(), parent, today)
        self.branch_id = branch_id
        self.form.introLabel.setText("机关、企事业单位的在职党员到居住地社区报到，认领服务岗位、参加志愿服务。")
        self.setMinimumWidth(520)

    def _save(self) -> None:
        f = self.form
        self._go(ts.add_report, self.ctx.db, self.branch_id, person_name=f.nameEdit.text(), work_unit=f.unitEdit.text(),
                 reported_on=pydate(f.dateEdit.date()), service=f.serviceEdit.text(), phone=f.phoneEdit.text(),
                 today=self.today, what="登记社区报到")


def export_letter(ctx: AppContext, parent: QWidget, member_id: int, name: str, on_done=None) -> None:
    """Ask where to save the 组织关系介绍信 of a member's 转出 and write it on the lane."""
    target = folders.save_file(ctx, parent, folders.DOCUMENTS, "导出组织关系介绍信", f"{name}党员组织关系介绍信.docx",
                               "Word 文档 (*.docx)")
    if not target:
        return
    out = Path(target if target.lower().endswith(".docx") else target + ".docx")
    ctx.run(run_export, ctx.db, "transfer-letter", ExportRequest(ctx.branch_id, out, record_id=member_id),
            what="导出组织关系介绍信", parent=parent, effect="file", on_done=on_done)
