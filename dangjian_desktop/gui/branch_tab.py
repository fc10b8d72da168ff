"""设置 → 支部与支委: the branch's name, its 党小组, and the 支委 term with 换届."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.glossary import CommitteeMode, CommitteePost
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.worker import SavingDialog
from dangjian_desktop.services import branches as svc

ELECTED_POSTS = (CommitteePost.SECRETARY, CommitteePost.DEPUTY_SECRETARY, CommitteePost.ORGANISATION,
                 CommitteePost.PROPAGANDA, CommitteePost.DISCIPLINE)


class ElectionDialog(SavingDialog):
    """记录换届: the election date, the term and who holds each post."""

    def __init__(self, parent: QWidget | None = None, previous: svc.TermInfo | None = None,
                 default_years: int = 3) -> None:
        super().__init__(parent)
        self.setWindowTitle("记录换届选举")
        form = QFormLayout()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate.currentDate())
        self.years_spin = QSpinBox(self)
        self.years_spin.setRange(1, 10)
        self.years_spin.setValue(default_years)  # by the branch's kind: 村、社区 5 years, others 3
        self.years_spin.setSuffix(" 年")
        form.addRow("选举日期：", self.date_edit)
        form.addRow("任期：", self.years_spin)
        self.post_edits: dict[CommitteePost, QLineEdit] = {}
        for post in ELECTED_POSTS:
            edit = QLineEdit(self)
            edit.setPlaceholderText("不设可留空" if post is not CommitteePost.SECRETARY else "必填")
            self.post_edits[post] = edit
            form.addRow(f"{post.label}：", edit)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("换届选举产生新一届支部委员会后，在这里记录，换届提醒随之更新。", self))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def values(self) -> tuple[date, int, list[tuple[CommitteePost, str]]]:
        d = self.date_edit.date()
        return (date(d.year(), d.month(), d.day()), self.years_spin.value(),
                [(post, edit.text()) for post, edit in self.post_edits.items()])


class BranchTab(QWidget):
    sig_changed = Signal()
    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        info = QGroupBox("支部", self)
        form = QFormLayout(info)
        self.name_edit = QLineEdit(info)
        self.parent_edit = QLineEdit(info)
        self.save_button = QPushButton("保存", info)
        self.save_button.clicked.connect(self._save_info)
        # 村、社区党支部 serve 5-year terms, other branches 3: saved at once, the 换届 reminder follows
        self.kind_combo = QComboBox(info)
        self.kind_combo.addItem("请选择（决定换届提醒的任期）", None)
        self.kind_combo.addItem("党支部（任期3年）", False)
        self.kind_combo.addItem("村、社区党支部（任期5年）", True)
        self.kind_combo.activated.connect(self._save_kind)
        form.addRow("支部名称：", self.name_edit)
        form.addRow("上级党委：", self.parent_edit)
        form.addRow("支部类型：", self.kind_combo)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)

        groups = QGroupBox("党小组", self)
        self.group_list = QListWidget(groups)
        self.add_group_button = QPushButton("新增党小组", groups)
        self.rename_group_button = QPushButton("改名", groups)
        self.add_group_button.clicked.connect(self._add_group)
        self.rename_group_button.clicked.connect(self._rename_group)
        g_buttons = QHBoxLayout()
        g_buttons.addWidget(self.add_group_button)
        g_buttons.addWidget(self.rename_group_button)
        g_buttons.addStretch(1)
        g_layout = QVBoxLayout(groups)
        g_layout.addWidget(self.group_list)
        g_layout.addLayout(g_buttons)

        committee = QGroupBox("支部委员会", self)
        self.term_label = QLabel(committee)
        self.term_label.setWordWrap(True)
        self.election_button = QPushButton("记录换届…", committee)
        self.election_button.clicked.connect(self.record_election)
        # fewer than 7 正式党员: no 支委会 (no monthly reminder; its 发展 steps go to the 支部大会)
        self.committee_label = QLabel(committee)
        self.committee_label.setWordWrap(True)
        self.committee_combo = QComboBox(committee)
        for mode in CommitteeMode:
            self.committee_combo.addItem(mode.label, mode)
        self.committee_combo.activated.connect(self._committee_mode_chosen)
        mode_row = QHBoxLayout()
        mode_label = QLabel("是否设支部委员会(&C)：", committee)
        mode_label.setBuddy(self.committee_combo)
        mode_row.addWidget(mode_label)
        mode_row.addWidget(self.committee_combo, 1)
        c_layout = QVBoxLayout(committee)
        c_layout.addWidget(self.term_label)
        c_row = QHBoxLayout()
        c_row.addStretch(1)
        c_row.addWidget(self.election_button)
        c_layout.addLayout(c_row)
        c_layout.addLayout(mode_row)
        c_layout.addWidget(self.committee_label)
        c_layout.addStretch(1)

        lower = QHBoxLayout()
        lower.addWidget(groups, 1)
        lower.addWidget(committee, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(lower, 1)
        self.election_dialog: ElectionDialog | None = None
        self.term: svc.TermInfo | None = None
        self.committee: svc.CommitteeInfo | None = None
        self.default_years = 3
        self.refresh()

    def refresh(self) -> None:
        """The branch, its 党小组 and 支委, read off the GUI thread."""
        if self.ctx.branch_id is None:
            return
        self.ctx.run(_branch_data, self.ctx.db, self.ctx.branch_id, what="读取支部情况", parent=self,
                     key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, data) -> None:
        b, groups, term, committee, community, default_years = data
        self._show_committee(committee)
        self.term = term
        self.default_years = default_years
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(community) if community is not None else 0)
        self.name_edit.setText(b.name)
        self.parent_edit.setText(b.parent_org)
        self.group_list.clear()
        for gid, name in groups:
            item = QListWidgetItem(name)
            item.setData(256, gid)
            self.group_list.addItem(item)
        if term is None:
            self.term_label.setText("还没有记录支部委员会。")
        else:
            posts = "；".join(f"{p.post.label}：{p.person_name}" for p in term.posts)
            self.term_label.setText(f"本届于{cn(term.elected_on)}选举产生，任期{term.term_years}年，"
                                    f"{cn(term.ends_on)}届满。\n{posts}")
        self.sig_loaded.emit()

    def _show_committee(self, info: svc.CommitteeInfo) -> None:
        self.committee = info
        self.committee_combo.setCurrentIndex(max(0, self.committee_combo.findData(info.mode)))
        self.committee_label.setText(info.text)

    def _committee_mode_chosen(self, _index: int) -> None:
        mode = self.committee_combo.currentData()
        if mode is None or mode == self.committee.mode:
            return
        self.ctx.run(svc.set_committee_mode, self.ctx.db, self.ctx.branch_id, mode, what="保存是否设支部委员会",
                     parent=self, effect="write", busy=(self.committee_combo,),
                     on_done=lambda info: (self._show_committee(info), self.sig_changed.emit()))

    def _changed(self, _=None) -> None:
        self.refresh()
        self.sig_changed.emit()

    def _save_info(self) -> None:
        self.ctx.run(svc.update_branch, self.ctx.db, self.ctx.branch_id, self.name_edit.text(), self.parent_edit.text(),
                     what="保存支部名称", parent=self, effect="write", busy=(self.save_button,), on_done=self._changed)

    def _save_kind(self, index: int) -> None:
        community = self.kind_combo.itemData(index)
        if community is None:
            return
        self.ctx.run(svc.set_community, self.ctx.db, self.ctx.branch_id, community, what="保存支部类型", parent=self,
                     effect="write", busy=(self.kind_combo,), on_done=self._changed)

    def _add_group(self) -> None:
        name = self.ctx.asker.text(self, "新增党小组", "党小组名称：")
        if not name:
            return
        self.ctx.run(svc.add_group, self.ctx.db, self.ctx.branch_id, name, what="新增党小组", parent=self,
                     effect="write", busy=(self.add_group_button,), on_done=self._changed)

    def _rename_group(self) -> None:
        item = self.group_list.currentItem()
        if item is None:
            self.ctx.asker.info(self, "改名", "请先选中一个党小组。")
            return
        name = self.ctx.asker.text(self, "党小组改名", "新的名称：", item.text())
        if not name:
            return
        self.ctx.run(svc.rename_group, self.ctx.db, item.data(256), name, what="党小组改名", parent=self,
                     effect="write", busy=(self.rename_group_button,), on_done=self._changed)

    def record_election(self) -> None:
        dialog = ElectionDialog(self, self.term, self.default_years)  # the term shown on the tab
        self.election_dialog = dialog

        def elected(_) -> None:
            dialog.accept()
            self._changed()

        def accept() -> None:
            elected_on, years, posts = dialog.values()
            dialog.run_save(self.ctx, svc.record_election, self.ctx.db, self.ctx.branch_id, elected_on, years, posts,
                            what="记录换届", busy=(dialog.buttons,), on_done=elected,
                            on_refused=lambda exc: dialog.error_label.setText(str(exc)))

        dialog.buttons.accepted.connect(accept)
        dialog.open()


def _branch_data(db, branch_id: int):
    """The branch, its 党小组, its current 支委 term, whether it has a committee and its kind (村、社区
    or not), read in one job."""
    return (svc.get_branch(db, branch_id), svc.group_names(db, branch_id), svc.current_term(db, branch_id),
            svc.committee_info(db, branch_id), svc.is_community(db, branch_id),
            svc.default_term_years(db, branch_id))
