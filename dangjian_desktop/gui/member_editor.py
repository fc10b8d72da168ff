"""Dialogs of the 党员 page: the member editor (checks as you type), leaving the roll, roster import."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from dangjian_desktop.core import idcard
from dangjian_desktop.core.glossary import Gender, MemberStatus
from dangjian_desktop.core.member_check import MemberFields, field_problems, probation_rule, proposed_full_member_on
from dangjian_desktop.errors import DomainError
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.forms.ui_leave_roll import Ui_LeaveRollDialog
from dangjian_desktop.gui.forms.ui_member_editor import Ui_MemberEditorDialog
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import settings
from dangjian_desktop.services.branches import group_names

EDUCATION = ("", "研究生", "大学本科", "大学专科", "中专", "高中", "初中", "小学")
ERROR_STYLE = "color: #b00020;"
BAD_FIELD = "QLineEdit { border: 1px solid #b00020; }"


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


class MemberEditorDialog(SavingDialog):
    """新增/编辑党员. Every change is checked at once; the reason shows under the field.

    What the form needs from the database (党小组, the history, the local rules) is read off the GUI
    thread when the dialog opens (`sig_loaded`); so is the check that an ID number is not already
    someone else's, as it is typed."""

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, branch_id: int, member: ms.MemberInfo | None = None,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.branch_id, self.member = ctx, branch_id, member
        self.today = today or date.today()
        self.saved: ms.MemberInfo | None = None
        self.loaded = False
        self.rule = probation_rule()  # the national numbers until the branch's own are read
        self._owners: dict[str, str | None] = {}  # ID number → who already has it (None: nobody)
        self.form = Ui_MemberEditorDialog()
        self.form.setupUi(self)
        f = self.form
        self.setWindowTitle(f"编辑党员：{member.name}" if member else "新增党员")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.errors: dict[str, QLabel] = {
            "name": f.nameError, "id_number": f.idNumberError, "gender": f.genderError,
            "birth_date": f.birthDateError, "joined_on": f.joinedOnError, "full_member_on": f.fullMemberOnError,
            "probation_extension_months": f.extensionError, "phone": f.phoneError, "dues_base": f.duesBaseError,
        }
        self.inputs: dict[str, QWidget] = {
            "name": f.nameEdit, "id_number": f.idNumberEdit, "birth_date": f.birthDateEdit,
            "joined_on": f.joinedOnEdit, "full_member_on": f.fullMemberOnEdit, "phone": f.phoneEdit,
            "dues_base": f.duesBaseEdit,
        }
        for label in self.errors.values():
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            # the line under a field is kept when its message goes: the fields below never move under the
            # cursor (a 转正日期 typed just as a message above it appeared landed in 党内职务)
            policy = label.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            label.setSizePolicy(policy)
            label.setMinimumHeight(label.fontMetrics().height())
            label.hide()
        f.genderCombo.addItem("（按身份证号）", None)
        for g in Gender:
            f.genderCombo.addItem(g.label, g)
        f.statusCombo.addItem(MemberStatus.FULL.label, MemberStatus.FULL)
        f.statusCombo.addItem(MemberStatus.PROBATIONARY.label, MemberStatus.PROBATIONARY)
        f.educationCombo.addItems(EDUCATION)
        f.groupCombo.addItem("（未分组）", None)
        f.notesEdit.setMaximumHeight(70)
        f.idNumberEdit.setMinimumWidth(f.idNumberEdit.fontMetrics().horizontalAdvance("0" * 22))
        for widget in self.inputs.values():  # the red border of a bad value must not change the field's height
            widget.setFixedHeight(widget.sizeHint().height())
        # a field with a line kept for its message: its label sits beside the field, not beside the pair
        field_height = f.nameEdit.sizeHint().height()
        for form in (f.leftForm, f.rightForm):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item is not None and isinstance(item.widget(), QLabel):
                    item.widget().setMinimumHeight(field_height)
                    item.widget().setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                    item.widget().setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                    item.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        f.columnsLayout.setStretch(0, 1)
        f.columnsLayout.setStretch(1, 1)
        self.resize(900, 560)
        self._proposed = ""  # the 转正日期 we filled in ourselves, replaced when 入党日期 changes
        self._from_id: tuple[str, int] = ("", 0)  # (出生日期, 性别 index) filled in from the ID number
        if member is None:
            f.ethnicityEdit.setText("汉族")  # a real default, saved as shown (a placeholder saved nothing)
        self.history_text = ""
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        f.summaryLabel.setText("正在读取……")
        for widget in self.inputs.values():
            widget.setEnabled(False)
        f.buttonBox.rejected.connect(self.reject)
        ctx.run(_editor_data, ctx.db, branch_id, member.id if member else None, what="读取党员信息", parent=self,
                on_done=self._loaded)

    def _loaded(self, data) -> None:
        groups, history, overrides = data
        f, member = self.form, self.member
        self.rule = probation_rule(overrides)
        for gid, gname in groups:
            f.groupCombo.addItem(gname, gid)
        for widget in self.inputs.values():
            widget.setEnabled(True)
        if member:
            self._fill(member)
            lines = []
            for h in history:
                where = f"，转往{h.destination}" if h.destination else ""
                why = f"（{h.reason}）" if h.reason else ""
                lines.append(f"{h.changed_on.isoformat()} {h.status.label}{where}{why}")
            if lines:
                self.history_text = "变动记录：" + "；".join(lines) + "。"
            if not member.on_roll:
                f.statusCombo.addItem(member.status.label, member.status)
                f.statusCombo.setCurrentIndex(f.statusCombo.count() - 1)
                f.statusCombo.setEnabled(False)
        f.idNumberEdit.textChanged.connect(self._id_changed)
        for edit in (f.nameEdit, f.idNumberEdit, f.birthDateEdit, f.phoneEdit, f.duesBaseEdit, f.fullMemberOnEdit):
            edit.textChanged.connect(self.validate)
        f.joinedOnEdit.textChanged.connect(self._joined_changed)
        f.extensionSpin.valueChanged.connect(self._joined_changed)
        f.genderCombo.currentIndexChanged.connect(self.validate)
        f.statusCombo.currentIndexChanged.connect(self._status_changed)
        f.buttonBox.accepted.connect(self._save)
        self.loaded = True
        self._status_changed()
        self.validate()
        self.sig_loaded.emit()

    # -------------------------------------------------------------- filling and reading

    def _fill(self, m: ms.MemberInfo) -> None:
        f = self.form
        f.nameEdit.setText(m.name)
        f.idNumberEdit.setText(m.id_number)
        f.genderCombo.setCurrentIndex(f.genderCombo.findData(m.gender) if m.gender else 0)
        f.birthDateEdit.setText(_iso(m.birth_date))
        f.ethnicityEdit.setText(m.ethnicity)
        f.nativePlaceEdit.setText(m.native_place)
        f.educationCombo.setCurrentText(m.education)
        f.phoneEdit.setText(m.phone)
        f.addressEdit.setText(m.address)
        f.categoryEdit.setText(m.category)
        f.groupCombo.setCurrentIndex(max(0, f.groupCombo.findData(m.group_id)) if m.group_id else 0)
        f.statusCombo.setCurrentIndex(max(0, f.statusCombo.findData(m.status)))
        f.joinedOnEdit.setText(_iso(m.joined_on))
        f.extensionSpin.setValue(m.probation_extension_months or 0)
        f.fullMemberOnEdit.setText(_iso(m.full_member_on))
        f.partyPostEdit.setText(m.party_post)
        f.workUnitEdit.setText(m.work_unit)
        f.duesBaseEdit.setText(str(m.dues_base) if m.dues_base is not None else "")
        f.floatingCheck.setChecked(m.is_floating)
        f.lostContactCheck.setChecked(m.is_lost_contact)
        f.notesEdit.setPlainText(m.notes)

    def fields(self) -> tuple[MemberFields, dict[str, str]]:
        """The form as member fields, and the fields whose text cannot be read at all."""
        f = self.form
        unreadable: dict[str, str] = {}

        def typed_date(key: str, edit: QLineEdit) -> date | None:
            try:
                return ms.parse_typed_date(edit.text())
            except DomainError as exc:
                unreadable[key] = str(exc)
                return None

        dues = None
        if f.duesBaseEdit.text().strip():
            try:
                dues = Decimal(f.duesBaseEdit.text().strip().replace(",", "")).quantize(Decimal("0.01"))
            except InvalidOperation:
                unreadable["dues_base"] = "党费基数应为数字，例如 4500 或 4500.50。"
        values = MemberFields(
            name=f.nameEdit.text(), gender=f.genderCombo.currentData(), ethnicity=f.ethnicityEdit.text(),
            birth_date=typed_date("birth_date", f.birthDateEdit), native_place=f.nativePlaceEdit.text(),
            id_number=idcard.normalise(f.idNumberEdit.text()), education=f.educationCombo.currentText(),
            category=f.categoryEdit.text(), work_unit=f.workUnitEdit.text(),
            joined_on=typed_date("joined_on", f.joinedOnEdit),
            full_member_on=typed_date("full_member_on", f.fullMemberOnEdit),
            probation_extension_months=f.extensionSpin.value(), party_post=f.partyPostEdit.text(),
            group_id=f.groupCombo.currentData(), phone=f.phoneEdit.text(), address=f.addressEdit.text(),
            status=f.statusCombo.currentData(), is_floating=f.floatingCheck.isChecked(),
            is_lost_contact=f.lostContactCheck.isChecked(), dues_base=dues, notes=f.notesEdit.toPlainText(),
        )
        return values, unreadable

    # -------------------------------------------------------------- checking as you type

    def _id_changed(self) -> None:
        """A valid ID number fills 性别 and 出生日期 where they are empty or were filled from it before,
        so the person sees what will be saved; what was typed by hand is left alone."""
        f = self.form
        number = idcard.normalise(f.idNumberEdit.text())
        if not idcard.is_valid(number):
            return
        info = idcard.parse(number)
        born, gender_index = _iso(info.birth_date), f.genderCombo.findData(info.gender)
        filled_birth, filled_gender = self._from_id
        if f.birthDateEdit.text().strip() in ("", filled_birth):
            f.birthDateEdit.setText(born)
        if f.genderCombo.currentIndex() in (0, filled_gender):
            f.genderCombo.setCurrentIndex(gender_index)
        self._from_id = (born, gender_index)

    def _joined_changed(self) -> None:
        """Propose 转正日期 = 入党日期 + 1 year (+ extension) unless the user typed one of their own."""
        f = self.form
        if f.statusCombo.currentData() == MemberStatus.FULL:
            current = f.fullMemberOnEdit.text().strip()
            try:
                joined = ms.parse_typed_date(f.joinedOnEdit.text())
            except DomainError:
                joined = None
            proposal = _iso(proposed_full_member_on(joined, f.extensionSpin.value())) if joined else ""
            if current in ("", self._proposed):
                self._proposed = proposal
                f.fullMemberOnEdit.setText(proposal)
            f.fullMemberOnEdit.setPlaceholderText(f"按期转正：{proposal}" if proposal else "")
        self.validate()

    def _status_changed(self) -> None:
        f = self.form
        probationary = f.statusCombo.currentData() == MemberStatus.PROBATIONARY
        if probationary:
            if f.fullMemberOnEdit.text().strip() in ("", self._proposed):
                f.fullMemberOnEdit.clear()
            f.fullMemberOnEdit.setPlaceholderText("预备党员尚未转正")
        f.fullMemberOnEdit.setEnabled(not probationary)
        if not probationary:
            self._joined_changed()
        self.validate()

    def problems(self) -> dict[str, str]:
        """What ms.check_fields says, without waiting for the database: the rules here, and whether the
        ID number is someone else's from the answers already read (a new number is looked up meanwhile)."""
        values, unreadable = self.fields()
        found = field_problems(ms.completed_copy(values), self.today, self.rule)
        if "id_number" not in found and values.id_number:
            if values.id_number not in self._owners:
                self._look_up_owner(values.id_number)
            elif self._owners[values.id_number]:
                found["id_number"] = ms.id_taken(self._owners[values.id_number])
        found.update(unreadable)
        if self.member and not self.member.on_roll:
            found.pop("full_member_on", None)
        return found

    def _look_up_owner(self, number: str) -> None:
        def answered(owner: str | None) -> None:
            self._owners[number] = owner
            if owner:
                self.validate()

        self.ctx.run(ms.id_number_owner, self.ctx.db, number, self.member.id if self.member else None,
                     what="查找身份证号", parent=self, key=(self, "owner"), dialog=False, on_done=answered)

    def validate(self) -> bool:
        if not self.loaded:
            return False
        found = self.problems()
        for key, label in self.errors.items():
            text = found.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
            widget = self.inputs.get(key)
            if widget is not None:
                widget.setStyleSheet(BAD_FIELD if text else "")
        others = [v for k, v in found.items() if k not in self.errors]
        self.form.summaryLabel.setStyleSheet(ERROR_STYLE if others else "color: #555555;")
        self.form.summaryLabel.setText(" ".join(others) if others else self.history_text)
        self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not found)
        # grow when an error message appears under a field, instead of cutting it off; the room a message
        # took is kept when it goes, so the fields below do not jump up while the person types
        self.layout().activate()
        for label in self.errors.values():
            if label.isVisible() and label.text():
                label.setMinimumHeight(max(label.minimumHeight(), label.heightForWidth(label.width())))
        hint = self.sizeHint()
        if hint.height() > self.height() or hint.width() > self.width():
            self.resize(max(hint.width(), self.width()), max(hint.height(), self.height()))
        return not found

    def _save(self) -> None:
        if self.saving or not self.validate():
            return
        values, _ = self.fields()
        if self.member is None:
            call = (ms.create_member, self.ctx.db, self.branch_id, values)
        else:
            call = (ms.update_member, self.ctx.db, self.member.id, values)
        kwargs = {} if self.member is None else {"version": self.member.version}
        self.run_save(self.ctx, *call, today=self.today, what="保存党员信息", busy=(self.form.buttonBox,),
                      on_done=self._saved, **kwargs)


def _editor_data(db, branch_id: int, member_id: int | None):
    """What the member editor needs from the database, read in one job."""
    history = ms.status_history(db, member_id) if member_id is not None else []
    return group_names(db, branch_id), history, settings.rule_overrides(db)


class LeaveRollDialog(SavingDialog):
    """转出 / 去世 / 出党、停止党籍: a dated change; the person stays under 历史."""

    def __init__(self, ctx: AppContext, member: ms.MemberInfo, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.member = ctx, member
        self.today = today or date.today()
        self.saved: ms.MemberInfo | None = None
        self.form = Ui_LeaveRollDialog()
        self.form.setupUi(self)
        f = self.form
        self.setWindowTitle(f"离开名册：{member.name}")
        f.introLabel.setText(f"为{member.name}办理离开名册。记录会保留，以后在“历史”中仍可查到。"
                             "组织关系转出请用“转出…”（可开具介绍信）；如果只是录入有误，请用“删除”。")
        for status in ms.LEAVING:
            if status != MemberStatus.TRANSFERRED_OUT:  # 转出 has its own dialog: the 介绍信 and its 回执
                f.kindCombo.addItem(status.label, status)
        f.destinationLabel.hide()
        f.destinationEdit.hide()
        f.dateEdit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        f.errorLabel.setStyleSheet(ERROR_STYLE)
        f.errorLabel.hide()
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("办理")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        f.kindCombo.currentIndexChanged.connect(self._kind_changed)
        f.buttonBox.accepted.connect(self._save)
        f.buttonBox.rejected.connect(self.reject)
        self._kind_changed()

    def _kind_changed(self) -> None:
        transfer = self.form.kindCombo.currentData() == MemberStatus.TRANSFERRED_OUT
        self.form.destinationEdit.setEnabled(transfer)

    def _save(self) -> None:
        f = self.form
        q = f.dateEdit.date()
        self.run_save(self.ctx, ms.leave_roll, self.ctx.db, self.member.id, f.kindCombo.currentData(),
                      date(q.year(), q.month(), q.day()), reason=f.reasonEdit.text(),
                      destination=f.destinationEdit.text() if f.destinationEdit.isEnabled() else "",
                      version=self.member.version, today=self.today, what="办理离开名册",
                      busy=(f.buttonBox,), on_done=self._saved, on_refused=self._refused)


# ---------------------------------------------------------------- import
# the one preview dialog of every 台账 (gui/import_dialog); the 花名册's is the first of them
from dangjian_desktop.gui.import_dialog import (  # noqa: E402
    ColumnsModel,
    ImportDialog,
    PreviewRowsModel,
    ProblemsModel,
    RosterImportDialog,
)

__all__ = ["ColumnsModel", "ImportDialog", "LeaveRollDialog", "MemberEditorDialog", "PreviewRowsModel",
           "ProblemsModel", "RosterImportDialog"]


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8-sig")
    return path
