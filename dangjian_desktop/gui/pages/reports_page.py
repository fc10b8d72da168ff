"""报表: one place to produce every document the program makes, for a branch and a year."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from dangjian_desktop import paths
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.services import exports
from dangjian_desktop.services.exports import ExportKind, ExportRequest
from dangjian_desktop.services.year_package import PACKAGE_KEY, document_name

ANNUAL_REPORT_KEY = "annual-report"
ANNUAL_TEXTS_KEY = "annual_report_texts"  # in the user's config: what the secretary wrote, per branch and year
PACKAGE_MASK_KEY = "year_package_mask"  # in the user's config: the last answer, True = hide the middle digits


class ReportsPage(Page):
    key = "reports"
    title = "报表"
    icon_name = "reports"

    sig_loaded = Signal()  # the records to choose from are listed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.last_output: Path | None = None
        self.progress_was_shown = False  # whether the last export was long enough to show progress
        self.texts_dialog = None  # the annual report's two paragraphs, asked before it is written

        self.kind_list = QListWidget(self)
        self.kind_list.setMinimumWidth(260)
        self.kind_list.currentRowChanged.connect(self._kind_changed)

        box = QGroupBox("导出设置", self)
        form = QFormLayout(box)
        self.year_spin = QSpinBox(box)
        self.year_spin.setRange(1949, 2100)
        self.year_spin.setValue(date.today().year)
        self.year_spin.valueChanged.connect(self._update_target)
        self.record_combo = QComboBox(box)
        self.record_combo.setMinimumContentsLength(24)
        self.record_combo.currentIndexChanged.connect(self._update_target)
        self.record_label = QLabel("记录：", box)
        self.mask_check = QCheckBox("隐去身份证号、电话号码的中间几位", box)
        self.open_check = QCheckBox("完成后用 Word / WPS / Excel 打开", box)
        self.open_check.setChecked(bool(ctx.config.get("open_after_export", True)))
        self.folder_edit = QLineEdit(box)
        self.folder_edit.setText(str(ctx.config.get("export_folder") or folders.documents_dir()))
        self.folder_button = QPushButton("选择…", box)
        self.folder_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        self.file_edit = QLineEdit(box)
        self.description = QLabel(box)
        self.description.setWordWrap(True)
        form.addRow("年份：", self.year_spin)
        form.addRow(self.record_label, self.record_combo)
        form.addRow("", self.mask_check)
        form.addRow("保存到：", folder_row)
        form.addRow("文件名：", self.file_edit)
        form.addRow("", self.open_check)
        form.addRow(self.description)

        self.export_button = QPushButton("导出", self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export_selected)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton("打开所在文件夹", self)
        self.open_folder_button.setEnabled(False)
        self.open_folder_button.clicked.connect(self._open_folder)

        right = QVBoxLayout()
        right.addWidget(box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(self.export_button)
        right.addLayout(buttons)
        right.addWidget(self.result_label)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(QLabel("选择要生成的文件：", self))
        left.addWidget(self.kind_list, 1)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.export_button.setEnabled(False)
        # the registry imports every writer (python-docx, openpyxl: most of a second): off the GUI thread
        ctx.run(exports.kinds, what="读取可以导出的文件", parent=self, dialog=False, on_done=self._kinds_read)

    def _kinds_read(self, kinds: list[ExportKind]) -> None:
        for kind in kinds:
            item = QListWidgetItem(f"{kind.label}（{kind.suffix.lstrip('.')}）")
            item.setData(Qt.ItemDataRole.UserRole, kind.key)
            self.kind_list.addItem(item)
        self.export_button.setEnabled(True)
        if self.kind_list.count():
            self.kind_list.setCurrentRow(0)
        self.sig_loaded.emit()

    # -------------------------------------------------------------- choosing

    def current_kind(self) -> ExportKind | None:
        item = self.kind_list.currentItem()
        return exports.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def select_kind(self, key: str) -> None:
        for row in range(self.kind_list.count()):
            if self.kind_list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.kind_list.setCurrentRow(row)
                return
        raise KeyError(key)

    def _kind_changed(self, _row: int) -> None:
        kind = self.current_kind()
        if kind is None:
            return
        self.year_spin.setEnabled(kind.needs_year)
        self.mask_check.setVisible(kind.key != PACKAGE_KEY)  # the package asks, at export (domain.md)
        self.record_combo.setVisible(kind.needs_id)
        self.record_label.setVisible(kind.needs_id)
        if kind.needs_id:
            self.record_label.setText(f"{kind.id_label or '记录'}：")
        self._load_choices()
        if kind.key == PACKAGE_KEY:
            self.description.setText("把本年度的年度报告、会议记录本、各种台账和花名册一起打包成一个 .zip 文件，"
                                     "文件按“支部_年份_文件名”命名，便于报送上级。导出时会问是否隐去身份证号和"
                                     "电话号码的中间几位。")
        else:
            self.description.setText("")
        self._update_target()

    def _load_choices(self) -> None:
        """The records a kind that needs one can be made for (会议, 发展对象), read off the GUI thread."""
        kind = self.current_kind()
        self.record_combo.blockSignals(True)
        self.record_combo.clear()
        self.record_combo.blockSignals(False)
        if kind is not None and kind.needs_id and kind.choices and self.ctx.branch_id is not None:
            self.ctx.run(kind.choices, self.ctx.db, self.ctx.branch_id, self.year_spin.value(),
                         what=f"读取{kind.id_label or '记录'}", parent=self, key=(self, "choices"), dialog=False,
                         busy=(self.export_button,), on_done=self._choices_read)

    def _choices_read(self, choices: list[tuple[int, str]]) -> None:
        self.record_combo.blockSignals(True)
        for rid, label in choices:
            self.record_combo.addItem(label, rid)
        self.record_combo.blockSignals(False)
        self._update_target()
        self.sig_loaded.emit()

    def _update_target(self) -> None:
        kind = self.current_kind()
        if kind is None or self.ctx.branch_id is None:
            return
        name = document_name(self.ctx.branch_name, self.year_spin.value() if kind.needs_year else None, kind)
        if kind.needs_id and self.record_combo.currentText():
            name = name.replace(kind.suffix, f"_{self.record_combo.currentText()}{kind.suffix}")
        self.file_edit.setText(re.sub(r'[\\/:*?"<>|]', "_", name))

    def branch_changed(self) -> None:
        self._load_choices()
        self._update_target()

    def refresh(self) -> None:
        self._load_choices()
        self._update_target()

    def _choose_folder(self) -> None:
        folder = self.ctx.asker.folder(self, "选择保存位置", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    # -------------------------------------------------------------- exporting

    def target_path(self) -> Path:
        return Path(self.folder_edit.text().strip() or str(paths.data_dir())) / self.file_edit.text().strip()

    def export_selected(self) -> None:
        kind = self.current_kind()
        if kind is None or self.ctx.branch_id is None:
            return
        record_id = self.record_combo.currentData() if kind.needs_id else None
        if kind.needs_id and record_id is None:
            self.ctx.asker.warn(self, "无法导出", f"请先选择要导出的{kind.id_label or '记录'}。")
            return
        out = self.target_path()
        if out.exists() and not self.ctx.asker.confirm(self, "文件已存在", f"“{out.name}”已经存在，要替换它吗？"):
            return
        mask = self.mask_check.isChecked()
        if kind.key == PACKAGE_KEY:
            mask = self.ask_package_mask()
            if mask is None:
                return
        self.ctx.config.set("export_folder", str(out.parent))
        self.ctx.config.set("open_after_export", self.open_check.isChecked())
        request = ExportRequest(self.ctx.branch_id, out, self.year_spin.value() if kind.needs_year else None,
                                record_id, mask)
        if kind.key == ANNUAL_REPORT_KEY:
            self.ask_annual_texts(kind, request)  # the export starts once the secretary has written (or not)
            return
        self.start_export(kind, request)

    def ask_annual_texts(self, kind: ExportKind, request: ExportRequest) -> None:
        """Offer to write 存在的不足 and 下一步工作打算 before the report is made; remembered per branch and
        year, so a second export starts from what was written."""
        from dangjian_desktop.gui.annual_texts import AnnualReportTextsDialog

        key = f"{ANNUAL_TEXTS_KEY}/{request.branch_id}/{request.year}"
        dialog = AnnualReportTextsDialog(self, request.year, self.ctx.config.get(key) or {})
        self.texts_dialog = dialog

        def accepted() -> None:
            request.texts = dialog.texts()
            self.ctx.config.set(key, request.texts)
            self.start_export(kind, request)

        dialog.accepted.connect(accepted)
        dialog.open()

    def start_export(self, kind: ExportKind, request: ExportRequest) -> None:
        self.result_label.setText(f"正在生成{kind.label}…")
        self.progress_was_shown = False
        task = self.ctx.run(exports.run_export, self.ctx.db, kind.key, request, what=f"生成{kind.label}",
                            parent=self, effect="file", progress=True, cancellable=True, busy=(self.export_button,),
                            on_done=self._done, on_end=self._ended)
        task.sig_dialog_shown.connect(self._progress_shown)

    def _progress_shown(self) -> None:
        self.progress_was_shown = True

    def _ended(self) -> None:
        if self.result_label.text().startswith("正在生成"):  # failed or cancelled: the reason was told
            self.result_label.setText("")

    def ask_package_mask(self) -> bool | None:
        """The year package leaves the office: ask whether to hide the middle of ID and phone numbers,
        offering last time's answer (hiding them, the first time). None if the user cancelled."""
        remembered = self.ctx.config.get(PACKAGE_MASK_KEY)
        answer = self.ctx.asker.choose(
            self, "年度材料包报送上级",
            "年度材料包要报送上级，其中的花名册等文件含有党员的身份证号和电话号码。\n\n"
            "要隐去这些号码的中间几位吗？（会记住这次的选择，下次默认相同。）",
            ["隐去中间几位", "保留完整号码"], default=1 if remembered is False else 0)
        if answer is None:
            return None
        mask = answer == 0
        self.ctx.config.set(PACKAGE_MASK_KEY, mask)
        return mask

    def _done(self, path: Path) -> None:
        self.last_output = Path(path)
        self.result_label.setText(f"已生成：{path}")
        self.open_folder_button.setEnabled(True)
        self.sig_status.emit(f"已生成 {Path(path).name}")
        if self.open_check.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _open_folder(self) -> None:
        if self.last_output:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_output.parent)))
