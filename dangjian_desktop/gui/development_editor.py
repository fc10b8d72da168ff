"""Dialogs of 发展党员: a new applicant, one step with its people and details, a 思想汇报/考察 entry."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core import idcard
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import COMMITTEE_STEPS, Step
from dangjian_desktop.core.glossary import Gender, ProbationOutcome
from dangjian_desktop.core.step_details import (
    ApprovalDetails,
    NoticeDetails,
    PoliticalReviewDetails,
    ProbationVoteDetails,
    StepDetails,
    TrainingDetails,
    VoteDetails,
    kind_of,
)
from dangjian_desktop.core.votes import tally
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import fit_to_screen
from dangjian_desktop.gui.forms.ui_applicant import Ui_ApplicantDialog
from dangjian_desktop.gui.forms.ui_development_review import Ui_DevelopmentReviewDialog
from dangjian_desktop.gui.forms.ui_development_step import Ui_DevelopmentStepDialog
from dangjian_desktop.gui.words import cite
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import development as dev
from dangjian_desktop.services.branches import group_names

EDUCATION = ("", "研究生", "大学本科", "大学专科", "中专", "高中", "初中及以下")
CONCLUSIONS = ("合格", "不合格")
NO_DATE = QDate(1900, 1, 1)
ERROR_STYLE = "color: #b00020;"


def to_qdate(d: date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else NO_DATE


def from_qdate(q: QDate) -> date | None:
    if not q.isValid() or q == NO_DATE:
        return None
    return date(q.year(), q.month(), q.day())


def _allow_empty(edit) -> None:
    """A QDateEdit whose lowest value stands for “not filled in”."""
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("未填写")


def _save_button(box: QDialogButtonBox) -> None:
    box.button(QDialogButtonBox.StandardButton.Save).setText("保存")
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")


# ---------------------------------------------------------------- new applicant


class ApplicantDialog(SavingDialog):
    """登记入党申请人: step 1 with the person's particulars. The 党小组 are read when it opens (`sig_loaded`)."""

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, branch_id: int, parent: QWidget | None = None,
                 today: date | None = None, existing: dev.ApplicantDetail | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.branch_id, self.existing = ctx, branch_id, existing
        self.form = Ui_ApplicantDialog()
        self.form.setupUi(self)
        f = self.form
        _save_button(f.buttonBox)
        f.errorLabel.setStyleSheet(ERROR_STYLE)
        f.appliedEdit.setDate(to_qdate(today or date.today()))
        _allow_empty(f.birthEdit)
        f.birthEdit.setDate(NO_DATE)
        f.genderCombo.addItem("", None)
        for g in Gender:
            f.genderCombo.addItem(g.label, g)
        f.educationCombo.addItems(EDUCATION)
        f.groupCombo.addItem("", None)
        _allow_empty(f.leavesEdit)
        f.leavesEdit.setDate(NO_DATE)
        f.leavesEdit.setToolTip(f"预审后三个月内将离开工作、学习单位的，一般不办理接收手续（{cite('DEV-LEAVING-3M')}）")
        f.idNumberEdit.textChanged.connect(self._id_changed)
        f.buttonBox.accepted.connect(self.save)
        f.buttonBox.rejected.connect(self.reject)
        self.result_detail: dev.ApplicantDetail | None = None
        self.loaded = False
        f.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        ctx.run(group_names, ctx.db, branch_id, what="读取党小组", parent=self, on_done=self._loaded)

    def _loaded(self, groups: list[tuple[int, str]]) -> None:
        for gid, gname in groups:
            self.form.groupCombo.addItem(gname, gid)
        if self.existing is not None:
            self._show_existing(self.existing)
        self.form.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.loaded = True
        self.sig_loaded.emit()

    def _show_existing(self, a: dev.ApplicantDetail) -> None:
        """Edit mode: the particulars that identify the person and step 1 are kept as recorded."""
        f = self.form
        self.setWindowTitle(f"修改{a.name}的基本情况")
        f.introLabel.setText("姓名、身份证号和申请日期按登记时的记录保留；其他情况可以修改。")
        f.nameEdit.setText(a.name)
        f.idNumberEdit.setText(a.id_number or "")
        f.appliedEdit.setDate(to_qdate(a.step(Step.APPLICATION).done_on))
        f.birthEdit.setDate(to_qdate(a.birth_date))
        f.genderCombo.setCurrentIndex(max(0, f.genderCombo.findData(a.gender)))
        for widget in (f.nameEdit, f.idNumberEdit, f.appliedEdit, f.birthEdit, f.genderCombo):
            widget.setEnabled(False)
        f.ethnicityEdit.setText(a.ethnicity)
        f.nativePlaceEdit.setText(a.native_place)
        f.educationCombo.setEditText(a.education)
        f.workUnitEdit.setText(a.work_unit)
        f.phoneEdit.setText(a.phone)
        f.groupCombo.setCurrentIndex(max(0, f.groupCombo.findText(a.group_name)) if a.group_name else 0)
        f.leavesEdit.setDate(to_qdate(a.leaves_unit_on))

    def _id_changed(self, text: str) -> None:
        text = text.strip()
        if len(text) == 18 and idcard.is_valid(text):
            info = idcard.parse(text)
            self.form.birthEdit.setDate(to_qdate(info.birth_date))
            self.form.genderCombo.setCurrentIndex(self.form.genderCombo.findData(info.gender))
            self.form.errorLabel.clear()
        elif len(text) == 18:
            self.form.errorLabel.setText(idcard.problem(text) or "")

    def save(self) -> None:
        f = self.form
        if not self.loaded or self.saving:
            return
        common = dict(ethnicity=f.ethnicityEdit.text(), native_place=f.nativePlaceEdit.text(),
                      education=f.educationCombo.currentText(), work_unit=f.workUnitEdit.text(),
                      phone=f.phoneEdit.text(), group_id=f.groupCombo.currentData(),
                      leaves_unit_on=from_qdate(f.leavesEdit.date()))
        if self.existing is not None:
            call = (dev.update_applicant, self.ctx.db, self.existing.id)
            what = f"保存{self.existing.name}的基本情况"
        else:
            call = (dev.create_applicant, self.ctx.db, self.branch_id, f.nameEdit.text(),
                    from_qdate(f.appliedEdit.date()))
            common.update(gender=f.genderCombo.currentData(), birth_date=from_qdate(f.birthEdit.date()),
                          id_number=f.idNumberEdit.text().strip() or None)
            what = "登记入党申请人"
        self.run_save(self.ctx, *call, **common, what=what, busy=(f.buttonBox,), on_done=self._saved,
                      on_refused=lambda exc: f.errorLabel.setText(str(exc)))

    def _saved(self, detail: dev.ApplicantDetail) -> None:
        self.result_detail = detail
        self.accept()


# ---------------------------------------------------------------- 思想汇报 / 考察


class ReviewDialog(SavingDialog):
    def __init__(self, ctx: AppContext, applicant: dev.ApplicantDetail, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.applicant = ctx, applicant
        self.form = Ui_DevelopmentReviewDialog()
        self.form.setupUi(self)
        f = self.form
        _save_button(f.buttonBox)
        f.errorLabel.setStyleSheet(ERROR_STYLE)
        self.setWindowTitle(f"{applicant.name}：思想汇报和考察")
        for key, label in dev.REVIEW_KINDS.items():
            f.kindCombo.addItem(label, key)
        f.kindCombo.setCurrentIndex(f.kindCombo.findData("review"))
        f.dateEdit.setDate(to_qdate(today or date.today()))
        f.dateEdit.setMaximumDate(to_qdate(max(date.today(), today or date.today())))
        contacts = [p.get("name", "") for p in applicant.step(Step.CONTACTS).people]
        f.reviewerCombo.addItems(contacts or [""])
        f.buttonBox.accepted.connect(self.save)
        f.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        f = self.form
        if self.saving:
            return
        self.run_save(self.ctx, dev.add_review, self.ctx.db, self.applicant.id, f.kindCombo.currentData(),
                      from_qdate(f.dateEdit.date()), f.reviewerCombo.currentText(), f.contentEdit.toPlainText(),
                      what="记录思想汇报和考察", busy=(f.buttonBox,), on_done=lambda _: self.accept(),
                      on_refused=lambda exc: f.errorLabel.setText(str(exc)))


# ---------------------------------------------------------------- one step


# what saving checks, so the secretary knows before pressing 保存
STEP_HINTS = {
    Step.APPLICATION: f"保存时检查：申请人年满十八岁（{cite('DEV-AGE-18')}）。",
    Step.CANDIDATE: f"保存时检查：确定为入党积极分子满一年（{cite('DEV-ACTIVIST-1Y')}）。",
    Step.TRAINING: f"保存时检查：集中培训的天数或学时（{cite('DEV-TRAINING-3D')}）。",
    Step.BRANCH_CONGRESS_ADMIT: "保存时检查：政审结论合格、集中培训、公示、预审后三个月内不离开单位、表决的人数和票数"
        "（《中国共产党发展党员工作细则》第十八条至第二十一条、第二十四条）。"
        "保存后此人作为预备党员记入花名册，入党日期即本步日期。",
    Step.ADMISSION_APPROVAL: f"保存时检查：支部大会后最长六个月内审批（{cite('DEV-APPROVAL-3M')}）。",
    Step.BRANCH_CONGRESS_FULL: "保存时检查：预备期已满、表决的人数和票数、延长预备期六至十二个月且只能一次"
        f"（{cite('DEV-PROBATION-1Y')}，第二十四条）。",
    Step.FULL_MEMBERSHIP_APPROVAL: "保存后花名册随之更新：按期转正的记为正式党员（转正日期为预备期满之日），取消资格的记为出党。",
}
ROLE_LABELS = {Step.APPLICATION_TALK: ("谈话人：", "谈话人2："), Step.CONTACTS: ("培养联系人1：", "培养联系人2："),
               Step.SPONSORS: ("入党介绍人1：", "入党介绍人2："), Step.UPPER_TALK: ("谈话人：", "谈话人2：")}
ONE_PERSON = (Step.APPLICATION_TALK, Step.UPPER_TALK)  # one 谈话人; the others name two people


class StepDialog(SavingDialog):
    """Record or correct one step; a rule-breaking entry is refused with the rule and its article.
    The branch's rules, the roster to choose people from and the vote of a recorded meeting are read
    when it opens (`sig_loaded`)."""

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, applicant: dev.ApplicantDetail, no: int, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.applicant, self.no = ctx, applicant, Step(no)
        self.today = today  # None: the calendar's today (a test may set another)
        no = self.no
        self.info = applicant.step(no)
        self.kind = kind_of(no)
        self.form = Ui_DevelopmentStepDialog()
        self.form.setupUi(self)
        f = self.form
        _save_button(f.buttonBox)
        f.errorLabel.setStyleSheet(ERROR_STYLE)
        # the step's name for this branch: 第12步 is 支部大会审查 where there is no 支部委员会
        self.setWindowTitle(f"{applicant.name}：第{no}步 {self.info.name}")
        title = f"<b>{applicant.name}</b>　第{no}步“{self.info.name}”"
        if applicant.next_step and applicant.next_step.no == no and applicant.next_step.due:
            title += f"　期限：{cn(applicant.next_step.due)}"
        if no in STEP_HINTS:
            title += f"<br><span style='color:#4b5563'>{STEP_HINTS[no]}</span>"
        if no in COMMITTEE_STEPS and not applicant.has_committee:
            title += ("<br><span style='color:#4b5563'>本支部不设支部委员会（正式党员不足7人，或已在“设置 → 支部与支委”"
                      "中设定）：这一步由支部大会研究决定。</span>")
        f.stepTitleLabel.setText(title)
        f.dateEdit.setDate(to_qdate(self.info.done_on or today or date.today()))
        # a step is recorded once taken: the calendar offers no day after today (the service refuses it too)
        f.dateEdit.setMaximumDate(to_qdate(max(date.today(), today or date.today(), self.info.done_on or date.min)))
        self.saved: dev.ApplicantDetail | None = None
        self.loaded = False
        f.bodyWidget.setVisible(False)  # until the rules and the roster are read
        fit_to_screen(self, self.width(), self.height())
        f.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        f.buttonBox.rejected.connect(self.reject)
        ctx.run(_step_data, ctx.db, applicant, no, issubclass(self.kind, VoteDetails), what="读取发展党员规则",
                parent=self, on_done=self._loaded)

    def _loaded(self, data) -> None:
        self.params, choices, self.meeting_vote = data
        f = self.form
        f.bodyWidget.setVisible(True)
        f.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self._setup_people(choices)
        self._setup_details()
        f.notesEdit.setPlainText(self.info.notes)
        f.notesEdit.setMaximumHeight(16777215)
        self.attachments = f.attachmentsPanel.model
        f.attachmentsPanel.set_compact()
        self._bind_attachments()
        f.buttonBox.accepted.connect(self.save)
        # on a low screen (1366×768 at 150 %) the step's fields scroll up and down, never sideways
        f.bodyScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        f.bodyWidget.ensurePolished()  # the sizes of the style in use, not of the default one
        f.bodyWidget.layout().activate()
        f.bodyScroll.setMinimumWidth(f.bodyWidget.minimumSizeHint().width()
                                     + f.bodyScroll.verticalScrollBar().sizeHint().width())
        hint = self.sizeHint()
        fit_to_screen(self, hint.width(), hint.height())
        self.loaded = True
        self.sig_loaded.emit()

    # -------------------------------------------------------------- set-up per step

    def _setup_people(self, choices: list) -> None:
        f = self.form
        labels = ROLE_LABELS.get(self.no)
        f.peopleBox.setVisible(labels is not None)
        if labels is None:
            return
        f.person1Label.setText(labels[0])
        f.person2Label.setText(labels[1])
        for combo in (f.person1Combo, f.person2Combo):
            combo.addItem("", None)
            for c in choices:
                combo.addItem(c.label, c.member_id)
            combo.setInsertPolicy(combo.InsertPolicy.NoInsert)
        people = list(self.info.people)
        for combo, check, p in zip((f.person1Combo, f.person2Combo), (f.person1Disciplined, f.person2Disciplined),
                                   people + [{}, {}]):
            if not p:
                continue
            index = combo.findData(p.get("member_id")) if p.get("member_id") else -1
            if index >= 0:
                combo.setCurrentIndex(index)
            else:
                combo.setEditText(p.get("name", ""))
            check.setChecked(bool(p.get("disciplined")))
        one_person = self.no in ONE_PERSON
        f.person2Label.setVisible(not one_person)
        f.person2Combo.setVisible(not one_person)
        f.person2Disciplined.setVisible(self.no == Step.SPONSORS)
        f.person1Disciplined.setVisible(self.no == Step.SPONSORS)
        hints = {Step.CONTACTS: f"培养联系人应为一至两名正式党员（{cite('DEV-CONTACTS')}）。",
                 Step.SPONSORS: f"入党介绍人应为两名正式党员，受留党察看处分尚未恢复党员权利的不能作介绍人（{cite('DEV-SPONSORS-2')}）。"}
        f.peopleHint.setText(hints.get(self.no, ""))
        f.peopleHint.setVisible(self.no in hints)

    def _setup_details(self) -> None:
        """The boxes of the step's kind of details (政审, 培训, 公示, 表决, 转正, 批复), filled from the record."""
        f = self.form
        x = self.info.details
        kind = self.kind
        value, national = self.params.value, self.params.national
        f.reviewBox.setVisible(kind is PoliticalReviewDetails)
        f.conclusionCombo.addItems(CONCLUSIONS)
        if isinstance(x, PoliticalReviewDetails) and x.conclusion:
            f.conclusionCombo.setEditText(x.conclusion)
        f.trainingBox.setVisible(kind is TrainingDetails)
        if isinstance(x, TrainingDetails):
            f.daysSpin.setValue(float(x.days or 0))
            f.hoursSpin.setValue(int(x.hours or 0))
            f.organiserEdit.setText(x.organiser or "")
        f.trainingHint.setText(f"本支部要求：不少于{value('DEV-TRAINING-3D', 'days')}天或"
                               f"{value('DEV-TRAINING-3D', 'hours')}学时"
                               f"（全国规定：{national('DEV-TRAINING-3D', 'days')}天或"
                               f"{national('DEV-TRAINING-3D', 'hours')}学时）。")
        f.noticeBox.setVisible(kind is NoticeDetails)
        for edit in (f.noticeFromEdit, f.noticeToEdit):
            _allow_empty(edit)
        start, end = x.notice()
        f.noticeCheck.setChecked(bool(start or end) or kind is NoticeDetails and not self.info.done_on)
        f.noticeFromEdit.setDate(to_qdate(start) if start else f.dateEdit.date())
        f.noticeToEdit.setDate(to_qdate(end) if end else f.dateEdit.date().addDays(7))
        f.noticeCheck.toggled.connect(f.noticeFromEdit.setEnabled)
        f.noticeCheck.toggled.connect(f.noticeToEdit.setEnabled)
        f.noticeFromEdit.setEnabled(f.noticeCheck.isChecked())
        f.noticeToEdit.setEnabled(f.noticeCheck.isChecked())
        f.noticeHint.setText(f"本支部要求公示不少于{value('DEV-PUBLIC-NOTICE', 'working_days')}个工作日"
                             f"（全国常见做法：{national('DEV-PUBLIC-NOTICE', 'working_days')}个工作日）。")
        is_vote = issubclass(kind, VoteDetails)
        f.voteBox.setVisible(is_vote)
        f.voteResultLabel.setVisible(is_vote)
        for key, spin in self._vote_spins().items():
            spin.setValue(int(getattr(x, key, None) or 0))
            spin.valueChanged.connect(self._update_vote)
        self._update_vote()
        f.fromMeetingButton.setVisible(self.meeting_vote is not None)
        if self.meeting_vote is not None:
            mv = self.meeting_vote
            f.fromMeetingButton.setText(f"从会议记录带入：{cn(mv.held_on)} {mv.title}")
            f.fromMeetingButton.clicked.connect(self.fill_from_meeting)
        f.outcomeBox.setVisible(kind is ProbationVoteDetails)
        for o in ProbationOutcome:
            f.outcomeCombo.addItem(o.label, o.value)
        decision = x if isinstance(x, ProbationVoteDetails) else ProbationVoteDetails()
        if decision.outcome:
            f.outcomeCombo.setCurrentIndex(f.outcomeCombo.findData(decision.outcome.value))
        f.extensionSpin.setValue(int(decision.extension_months or value("DEV-PROBATION-1Y", "min_extension_months")))
        f.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        if decision.extended_on and decision.outcome is not ProbationOutcome.EXTENDED:
            f.extensionLabel.setText("已延长预备期（月）：")
        f.approvalBox.setVisible(kind is ApprovalDetails)
        f.approvalNoEdit.setText((x.approval_no or "") if isinstance(x, ApprovalDetails) else "")

    def fill_from_meeting(self) -> None:
        """Take date and tally from the 支部党员大会 recorded in 三会一课: entered once, used twice."""
        mv = self.meeting_vote
        if mv is None:
            return
        self.form.dateEdit.setDate(to_qdate(mv.held_on))
        values = {"expected_voters": mv.expected_voters, "present_voters": mv.present_voters,
                  "in_favour": mv.in_favour, "against": mv.against, "abstain": mv.abstain,
                  "written_in_favour": mv.written_in_favour}
        for key, spin in self._vote_spins().items():
            spin.setValue(values[key])
        self.meeting_id = mv.meeting_id

    def _vote_spins(self):
        f = self.form
        return {"expected_voters": f.expectedSpin, "present_voters": f.presentSpin, "in_favour": f.favourSpin,
                "against": f.againstSpin, "abstain": f.abstainSpin, "written_in_favour": f.writtenSpin}

    def _update_vote(self) -> None:
        if not issubclass(self.kind, VoteDetails):
            return
        values = {k: s.value() for k, s in self._vote_spins().items()}
        label = self.form.voteResultLabel
        if not values["expected_voters"]:
            label.setText("请填写应到、实到有表决权的正式党员人数和票数，结果由程序按规则计算。")
            label.setStyleSheet("")
            return
        try:
            result = tally(**values)
        except ValueError as exc:
            label.setText(f"票数不成立：{exc}")
            label.setStyleSheet(ERROR_STYLE)
            return
        label.setText(f"计算结果：{result.summary}")
        label.setStyleSheet("" if result.passed else ERROR_STYLE)

    def _outcome_changed(self) -> None:
        f = self.form
        extended = f.outcomeCombo.currentData() == ProbationOutcome.EXTENDED.value
        had = bool(getattr(self.info.details, "extended_on", None))
        f.extensionSpin.setEnabled(extended)
        f.extensionSpin.setVisible(extended or had)
        f.extensionLabel.setVisible(extended or had)

    # -------------------------------------------------------------- saving

    def people(self) -> list[dict]:
        f = self.form
        if self.no not in ROLE_LABELS:
            return []
        role = dr.STEP_ROLES[self.no]
        out = []
        for combo, check in ((f.person1Combo, f.person1Disciplined), (f.person2Combo, f.person2Disciplined)):
            if combo is f.person2Combo and self.no in ONE_PERSON:
                continue
            text = combo.currentText().strip()
            if not text:
                continue
            member_id = combo.currentData() if combo.currentIndex() > 0 and combo.itemText(combo.currentIndex()) == text else None
            name = text.split("（")[0] if member_id else text
            row = {"role": role, "name": name}
            if member_id:
                row["member_id"] = member_id
            if check.isChecked():
                row["disciplined"] = True
            out.append(row)
        return out

    def details(self) -> StepDetails:
        """The step's details as typed in the boxes of its kind (keys this version does not know are kept)."""
        f = self.form
        kind, old = self.kind, self.info.details
        if kind is PoliticalReviewDetails:
            return PoliticalReviewDetails(old.extra, conclusion=f.conclusionCombo.currentText().strip())
        if kind is TrainingDetails:
            days = f.daysSpin.value()
            return TrainingDetails(old.extra, days=(days if days % 1 else int(days)) or None,
                                   hours=f.hoursSpin.value() or None, organiser=f.organiserEdit.text().strip())
        if kind is NoticeDetails:
            if not f.noticeCheck.isChecked():
                return NoticeDetails(old.extra)
            return NoticeDetails(old.extra, notice_from=from_qdate(f.noticeFromEdit.date()),
                                 notice_to=from_qdate(f.noticeToEdit.date()))
        if issubclass(kind, VoteDetails):
            tally_ = {k: s.value() for k, s in self._vote_spins().items()} if f.expectedSpin.value() else {}
            x = kind(old.extra, meeting_id=getattr(self, "meeting_id", None) or old.meeting_id, **tally_)
            if kind is ProbationVoteDetails:
                outcome = ProbationOutcome(f.outcomeCombo.currentData())
                x = replace(x, outcome=outcome, extended_on=old.extended_on,
                            extension_months=f.extensionSpin.value() if outcome is ProbationOutcome.EXTENDED
                            else old.extension_months)
            return x
        if kind is ApprovalDetails:
            return ApprovalDetails(old.extra, approval_no=f.approvalNoEdit.text().strip())
        return old

    def save(self) -> None:
        f = self.form
        if not self.loaded or self.saving:
            return
        self.run_save(self.ctx, dev.record_step, self.ctx.db, self.applicant.id, self.no,
                      from_qdate(f.dateEdit.date()), people=self.people(), details=self.details(),
                      notes=f.notesEdit.toPlainText(), today=self.today, what=f"保存第{self.no}步",
                      busy=(f.buttonBox,),
                      on_done=self._saved, on_refused=lambda exc: f.errorLabel.setText(str(exc)))

    # -------------------------------------------------------------- attachments

    def _bind_attachments(self) -> None:
        """The step's scans and photos; a step not yet recorded takes them once it is saved."""
        f = self.form
        step_id = self.info.id
        f.attachmentsBox.setEnabled(step_id is not None)
        f.attachmentsBox.setTitle("附件（扫描件、照片）" if step_id else "附件（先保存这一步，再添加附件）")
        f.attachmentsPanel.bind(self.ctx, "step", step_id)


def _step_data(db, applicant: dev.ApplicantDetail, no: int, is_vote: bool):
    """What the step editor needs from the database, read in one job: the rules of the applicant's
    catalog version, the roster to choose people from, the vote of a recorded 支部党员大会."""
    return (dev.rule_params(db, applicant.catalog_version), dev.roster_choices(db, applicant.branch_id),
            dev.meeting_vote(db, applicant.id, no) if is_vote else None)
