"""设置: where the data lives, the program version, and the branch's local rule variants."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop import __version__, paths
from dangjian_desktop.gui.branch_tab import BranchTab
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.fit import ScrollingTabs
from dangjian_desktop.gui.holiday_tab import HolidayTab
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.gui.pages.data_safety import DataSafetyTab
from dangjian_desktop.gui.pages.server_settings import ServerSettingsTab
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.services import settings as settings_service
from dangjian_desktop.services.settings import PERIOD_WORDS, LocalRuleParam


def _words(r: LocalRuleParam, value: Any) -> str:
    """A parameter's value as people write it: 每季度, not Q."""
    if r.key == "period":
        return PERIOD_WORDS.get(str(value).strip().upper(), str(value))
    return str(value)


class PeriodDelegate(QStyledItemDelegate):
    """本支部执行 of a 周期 is chosen from 每月/每季度/每年; other values are typed."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        model = index.model()
        if model.rows[index.row()].key != "period":
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItems(list(PERIOD_WORDS.values()))
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt API
        if isinstance(editor, QComboBox):
            editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt API
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class LocalRulesModel(RowsModel):
    """The rule parameters a branch may change; only the 本支部 column is editable."""

    COL_RULE, COL_PARAM, COL_NATIONAL, COL_VALUE, COL_UNIT, COL_SOURCE = range(6)
    HEADERS = ("规则", "项目", "全国规定", "本支部执行", "单位", "依据")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[LocalRuleParam] = []
        self.edits: dict[tuple[str, str], Any] = {}

    def load(self, rows: list[LocalRuleParam]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.edits = {}
        self.endResetModel()

    def value(self, row: int) -> Any:
        r = self.rows[row]
        return self.edits.get((r.rule_id, r.key), r.value)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {
                self.COL_RULE: r.rule_title,
                self.COL_PARAM: r.label.split("（")[0],  # "周期（M=每月…）": the values are shown in words
                self.COL_NATIONAL: _words(r, r.national),
                self.COL_VALUE: _words(r, self.value(index.row())),
                self.COL_UNIT: r.unit,
                self.COL_SOURCE: r.citation,
            }[col]
        if role == Qt.ItemDataRole.FontRole and col == self.COL_VALUE and _words(r, self.value(index.row())) != _words(r, r.national):
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_VALUE:
            return "双击修改；与全国规定不同的值以粗体显示"
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_RULE:
            return f"规则编号 {r.rule_id}"  # for a question to the program's makers; never in the table
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.column() == self.COL_VALUE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.COL_VALUE:
            return False
        r = self.rows[index.row()]
        self.edits[(r.rule_id, r.key)] = str(value).strip()
        self.dataChanged.emit(index, index)
        return True


class SettingsPage(Page):
    key = "settings"
    title = "设置"
    icon_name = "settings"
    handles = frozenset({"branch"})

    sig_loaded = Signal()  # the local rules are listed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = ScrollingTabs(self)  # a tab taller than a small screen (150 %) scrolls
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._build_general(), "程序与数据")
        self.branch_tab = BranchTab(ctx, self)
        self.branch_tab.sig_changed.connect(self.sig_data_changed.emit)
        self.tabs.addTab(self.branch_tab, "支部与支委")
        self.tabs.addTab(self._build_rules(), "本地规则")
        self.holiday_tab = HolidayTab(ctx, self)  # 公示 working days: the user adds next year's 放假安排
        self.holiday_tab.sig_changed.connect(self.sig_data_changed.emit)
        self.tabs.addTab(self.holiday_tab, "节假日")
        self.safety_tab = DataSafetyTab(ctx, self)  # issue 7: backups, restore, password
        self.safety_tab.sig_status.connect(self.sig_status.emit)
        self.safety_tab.sig_data_changed.connect(self._database_replaced)
        self.tabs.addTab(self.safety_tab, "数据安全")
        self.server_tab = ServerSettingsTab(ctx, self)  # issue 9: a shared PostgreSQL database
        self.server_tab.sig_status.connect(self.sig_status.emit)
        self.server_tab.sig_open_database.connect(self.sig_open_database.emit)
        self.tabs.addTab(self.server_tab, "共享数据库")
        self.refresh()

    def _database_replaced(self) -> None:
        self.branch_tab.refresh()
        self.refresh()
        self.sig_data_changed.emit()

    # -------------------------------------------------------------- 程序与数据

    def _build_general(self) -> QWidget:
        w = QWidget(self)
        box = QGroupBox("数据保存在哪里", w)
        form = QFormLayout(box)
        self.version_label = QLabel(__version__, box)
        self.data_dir_label = QLabel(box)
        self.db_label = QLabel(box)
        self.files_label = QLabel(box)
        for label in (self.data_dir_label, self.db_label, self.files_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        form.addRow("程序版本：", self.version_label)
        form.addRow("数据文件夹：", self.data_dir_label)
        form.addRow("数据库文件：", self.db_label)
        form.addRow("附件和备份：", self.files_label)
        buttons = QHBoxLayout()
        self.open_folder_button = QPushButton("打开数据文件夹", box)
        self.open_folder_button.clicked.connect(self._open_folder)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        note = QLabel("数据只保存在这台电脑上。请定期备份，换电脑时连同附件一起迁移。", w)
        note.setWordWrap(True)
        layout = QVBoxLayout(w)
        layout.addWidget(box)
        layout.addWidget(note)
        layout.addStretch(1)
        return w

    def _open_folder(self) -> None:
        folder = self.ctx.db.path.parent if self.ctx.db.path else paths.data_dir()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -------------------------------------------------------------- 本地规则

    def _build_rules(self) -> QWidget:
        w = QWidget(self)
        intro = QLabel("下列要求各地不完全相同。“全国规定”一栏是依据文件的规定，"
                       "“本支部执行”一栏可以按上级党组织的要求修改（双击修改），提醒和检查将按修改后的值执行。", w)
        intro.setWordWrap(True)
        self.rules_model = LocalRulesModel(self)
        self.rules_view = QTableView(w)
        self.rules_view.setModel(self.rules_model)
        self.rules_view.setItemDelegateForColumn(LocalRulesModel.COL_VALUE, PeriodDelegate(self.rules_view))
        self.rules_view.verticalHeader().hide()
        self.rules_view.setAlternatingRowColors(True)
        header = self.rules_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LocalRulesModel.COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        self.save_rules_button = QPushButton("保存本地规则", w)
        self.reset_rules_button = QPushButton("全部恢复为全国规定", w)
        self.save_rules_button.clicked.connect(self._save_rules)
        self.reset_rules_button.clicked.connect(self._reset_rules)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_rules_button)
        buttons.addWidget(self.save_rules_button)
        layout = QVBoxLayout(w)
        layout.addWidget(intro)
        layout.addWidget(self.rules_view, 1)
        layout.addLayout(buttons)
        return w

    def _save_rules(self) -> None:
        values = {(r.rule_id, r.key): self.rules_model.value(i) for i, r in enumerate(self.rules_model.rows)}
        self._set_rules(values, "保存本地规则", "本地规则已保存")

    def _reset_rules(self) -> None:
        if not self.ctx.asker.confirm(self, "恢复全国规定", "把所有本地规则恢复为全国规定的值吗？"):
            return
        values = {(r.rule_id, r.key): r.national for r in self.rules_model.rows}
        self._set_rules(values, "恢复全国规定", "本地规则已恢复为全国规定")

    def _set_rules(self, values: dict, what: str, done: str) -> None:
        def saved(_) -> None:
            self.refresh()
            self.sig_status.emit(done)
            self.sig_data_changed.emit()

        self.ctx.run(settings_service.set_local_rule_params, self.ctx.db, values, what=what, parent=self,
                     effect="write", busy=(self.save_rules_button, self.reset_rules_button), on_done=saved)

    def go(self, action: str) -> None:
        if action == "branch":
            self.tabs.setCurrentWidget(self.branch_tab)

    def open_ref(self, ref) -> None:
        """A finding about the branch (e.g. 换届 due) opens 支部与支委."""
        self.tabs.setCurrentWidget(self.branch_tab)

    def branch_changed(self) -> None:
        self.branch_tab.refresh()
        self.refresh()

    def refresh(self) -> None:
        db = self.ctx.db
        folder = db.path.parent if db.path else paths.data_dir()
        self.data_dir_label.setText(str(folder))
        self.db_label.setText(str(db.path) if db.path else db.url)
        self.files_label.setText(str(db.files_dir))
        self.ctx.run(settings_service.local_rule_params, db, what="读取本地规则", parent=self, key=(self, "rules"),
                     dialog=False, on_done=self._rules_read)

    def _rules_read(self, rules: list[LocalRuleParam]) -> None:
        self.rules_model.load(rules)
        self.sig_loaded.emit()
