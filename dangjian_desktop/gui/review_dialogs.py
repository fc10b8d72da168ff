"""The dialogs of the 谈话评议 page: 登记谈心谈话 (people from the roster), a member's 评定结果, and the 处置 of a 不合格."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QSpinBox

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import AppraisalOutcome, DisposalAction, MeetingState
from dangjian_desktop.core.reviews import Disposal, VoteCounts
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.forms.ui_appraisal_result import Ui_AppraisalResultDialog
from dangjian_desktop.gui.forms.ui_disposal import Ui_DisposalDialog
from dangjian_desktop.gui.forms.ui_heart_talk import Ui_HeartTalkDialog
from dangjian_desktop.gui.roster_pick import offer_roster
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import appraisals as ap
from dangjian_desktop.services import heart_talks as ht
from dangjian_desktop.services.meetings.records import talk_names

NO_DATE = QDate(1900, 1, 1)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _optional(edit: QDateEdit) -> date | None:
    q = edit.date()
    return None if q == edit.minimumDate() else date(q.year(), q.month(), q.day())


def _set_optional(edit: QDateEdit, value: date | None, today: date) -> None:
    edit.setMinimumDate(NO_DATE)
    edit.setDate(_qdate(value) if value else NO_DATE)
    edit.setMaximumDate(_qdate(date(today.year + 5, 12, 31)))


class _Dialog(SavingDialog):
    def _prepare(self, ok_text: str) -> None:
        f = self.form
        f.errorLabel.setStyleSheet("color: #b00020;")
        f.errorLabel.hide()
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        f.buttonBox.accepted.connect(self._save)
        f.buttonBox.rejected.connect(self.reject)


class TalkDialog(_Dialog):
    """登记谈心谈话: the date, 谈话人 and 谈话对象 picked from the roster (a name not on it is refused), content."""

    def __init__(self, ctx: AppContext, roster: list[tuple[int, str]], parent=None, today: date | None = None,
                 talker: str = "", listener: str = "") -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today or date.today()
        self.roster = roster
        self.saved = None
        self.form = f = Ui_HeartTalkDialog()
        f.setupUi(self)
        f.whoLabel.setText("谈话人和谈话对象从本支部党员名单中选择；登记后即为已定稿的谈心谈话记录（三会一课中也能看到）。")
        f.dateEdit.setDate(_qdate(self.today))
        f.dateEdit.setMaximumDate(_qdate(self.today))
        names = [n for _, n in roster]
        self.completers = [offer_roster(f.talkerEdit, names), offer_roster(f.listenerEdit, names)]
        f.talkerEdit.setText(talker)
        f.listenerEdit.setText(listener)
        self._prepare("登记")
        self.setMinimumWidth(520)

    def _ids(self, text: str, what: str) -> list[int]:
        out = []
        for name in talk_names(text):
            ids = [i for i, n in self.roster if n == name]
            if not ids:
                raise ValueError(f"{what}“{name}”不在本支部党员名单中，请从名单中选择。")
            if len(ids) > 1:
                raise ValueError(f"本支部有 {len(ids)} 位党员叫“{name}”，无法区分，请在三会一课中记录这次谈话。")
            out.append(ids[0])
        return out

    def _save(self) -> None:
        f = self.form
        try:
            talker = self._ids(f.talkerEdit.text(), "谈话人")
            listeners = self._ids(f.listenerEdit.text(), "谈话对象")
            if len(talker) != 1:
                raise ValueError("请选择一位谈话人。")
        except ValueError as exc:
            f.errorLabel.setText(str(exc))
            f.errorLabel.show()
            return
        q = f.dateEdit.date()
        self.run_save(self.ctx, ht.record_talk, self.ctx.db, self.ctx.branch_id, date(q.year(), q.month(), q.day()),
                      talker[0], listeners, content=f.contentEdit.toPlainText(), place=f.placeEdit.text(),
                      today=self.today, what="登记谈心谈话", busy=(f.buttonBox,), on_done=self._saved,
                      on_refused=self._refused)


class ResultDialog(_Dialog):
    """One member's 评定等次 and 民主测评 votes; a final record asks for the reason of a change."""

    def __init__(self, ctx: AppContext, meeting: ap.AppraisalMeeting, line: ap.AppraisalLine, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.meeting, self.line = ctx, meeting, line
        self.saved = None
        self.form = f = Ui_AppraisalResultDialog()
        f.setupUi(self)
        f.whoLabel.setText(f"{line.name}：{meeting.label}")
        f.outcomeCombo.addItem("（未评定）", None)
        for o in AppraisalOutcome:
            f.outcomeCombo.addItem(o.label, o.value)
        if line.outcome is not None:
            f.outcomeCombo.setCurrentIndex(f.outcomeCombo.findData(line.outcome.value))
        for spin, value in zip(self.spins, line.votes.values()):
            spin.setValue(-1 if value is None else value)
        f.noteEdit.setText(line.note)
        final = meeting.state is MeetingState.FINAL
        f.reasonLabel.setVisible(final)
        f.reasonEdit.setVisible(final)
        self._prepare("保存")
        self.setMinimumWidth(440)

    @property
    def spins(self) -> list[QSpinBox]:
        f = self.form
        return [f.excellentSpin, f.qualifiedSpin, f.basicSpin, f.unqualifiedSpin]

    def _save(self) -> None:
        f = self.form
        outcome = f.outcomeCombo.currentData()
        votes = VoteCounts(*(None if s.value() < 0 else s.value() for s in self.spins))
        self.run_save(self.ctx, ap.set_result, self.ctx.db, self.meeting.id, self.line.member_id,
                      AppraisalOutcome(outcome) if outcome else None, votes, note=f.noteEdit.text(),
                      reason=f.reasonEdit.text(), what="保存评议结果", busy=(f.buttonBox,), on_done=self._saved,
                      on_refused=self._refused)


def _takes_off(track: Disposal | None) -> bool:
    return track is not None and track.closed_on is not None and track.action in ap.LEAVING_ACTIONS


class DisposalDialog(_Dialog):
    """The 处置 of a 不合格: 限期改正 / 劝其退党 / 除名, the 支部大会 that decided it, the deadline, and closing."""

    def __init__(self, ctx: AppContext, meeting: ap.AppraisalMeeting, line: ap.AppraisalLine, parent=None,
                 today: date | None = None, on_roll: bool = True) -> None:
        super().__init__(parent)
        self.ctx, self.meeting, self.line = ctx, meeting, line
        self.today = today or date.today()
        self.on_roll = on_roll  # the member is on the roll now (closing a 劝其退党 or 除名 takes them off)
        self.saved = None
        self.form = f = Ui_DisposalDialog()
        f.setupUi(self)
        f.whoLabel.setText(f"{line.name}在{meeting.label}中被评定为不合格。处置办结前，首页会一直提醒。"
                          f"劝其退党或除名办结后，{line.name}自办结日期起离开本支部名册（出党，记录保留在历史中）。")
        for a in DisposalAction:
            f.actionCombo.addItem(a.label, a.value)
        track = line.disposal.track if line.disposal else Disposal(DisposalAction.CORRECT)
        f.actionCombo.setCurrentIndex(f.actionCombo.findData(track.action.value))
        _set_optional(f.decidedEdit, track.decided_on, self.today)
        _set_optional(f.deadlineEdit, track.deadline, self.today)
        _set_optional(f.closedEdit, track.closed_on, self.today)
        f.closingEdit.setText(track.closing)
        f.noteEdit.setText(track.note)
        self._prepare("保存")
        self.setMinimumWidth(500)

    def _save(self) -> None:
        f = self.form
        track = Disposal(DisposalAction(f.actionCombo.currentData()), _optional(f.decidedEdit),
                         _optional(f.deadlineEdit), _optional(f.closedEdit), f.closingEdit.text(), f.noteEdit.text())
        if not self._roll_confirmed(track):
            return
        version = self.line.disposal.version if self.line.disposal else None
        self.run_save(self.ctx, ap.save_disposal, self.ctx.db, self.line.result_id, track, version=version,
                      today=self.today, what="保存处置", busy=(f.buttonBox,), on_done=self._saved,
                      on_refused=self._refused)

    def _roll_confirmed(self, track: Disposal) -> bool:
        """Closing a 劝其退党 or 除名 takes the member off the roll, reopening one puts them back: say so first."""
        name, old = self.line.name, self.line.disposal.track if self.line.disposal else None
        if _takes_off(track) and self.on_roll and not _takes_off(old):
            return self.ctx.asker.confirm(
                self, "处置办结", f"{track.action.label}办结后，{name}自{cn(track.closed_on)}起离开本支部名册"
                f"（出党/停止党籍），记录保留在“历史”中，此前各日的名册和统计不变。\n\n确定办结吗？")
        if _takes_off(old) and not _takes_off(track) and not self.on_roll:
            return self.ctx.asker.confirm(
                self, "处置改为未办结", f"这条处置改为未办结（或限期改正）后，{name}回到本支部名册上，"
                f"{cn(old.closed_on)}的出党记录随之去掉。\n\n确定吗？")
        return True
