"""设置 → 数据安全: the backups, restore, moving all data to a new PC, the mirror folder, the password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.safety import SetPasswordDialog
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.gui.worker import Task
from dangjian_desktop.services import backup, security
from dangjian_desktop.services.backup import BackupInfo


def human_size(n: int) -> str:
    if n >= 2**30:
        return f"{n / 2**30:.1f} GB"
    if n >= 2**20:
        return f"{n / 2**20:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


class BackupsModel(RowsModel):
    """The backups of the open database, newest first."""

    COL_TIME, COL_REASON, COL_SIZE, COL_CONTENT = range(4)
    HEADERS = ("备份时间", "原因", "大小", "内容")

    def load(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        b = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.COL_TIME: b.created_at.strftime("%Y年%m月%d日 %H:%M"),
                self.COL_REASON: b.reason,
                self.COL_SIZE: human_size(b.size),
                self.COL_CONTENT: "数据库和附件" if b.kind == "archive" else (
                    "仅数据库（升级前自动保存）" if b.reason == "升级前" else "仅数据库（数据库文件被替换时救回）"),
            }[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DataSafetyTab(QWidget):
    """The 数据安全 tab of 设置."""

    sig_status = Signal(str)
    sig_data_changed = Signal()  # the database was replaced by a restore or import
    sig_loaded = Signal()  # the backups, the mirror folder and the password state are shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.password_dialog: SetPasswordDialog | None = None
        self.has_password = False

        backups_box = QGroupBox("备份", self)
        intro = QLabel("程序在启动时（数据有变化时）和运行中每天自动备份数据库和附件，导入前和恢复前也会先备份。"
                       "保留最近 10 份，另外每月保留 1 份、保留一年。", backups_box)
        intro.setWordWrap(True)
        self.model = BackupsModel(self)
        self.view = QTableView(backups_box)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupsModel.COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        self.backup_button = QPushButton("立即备份", backups_box)
        self.restore_button = QPushButton("从所选备份恢复…", backups_box)
        self.open_backups_button = QPushButton("打开备份文件夹", backups_box)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_backups_button.clicked.connect(self._open_backups_folder)
        self.view.doubleClicked.connect(lambda _i: self.restore_selected())
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.open_backups_button)
        self.mirror_label = QLabel(backups_box)
        self.mirror_label.setWordWrap(True)
        self.mirror_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mirror_button = QPushButton("选择文件夹…", backups_box)
        self.mirror_off_button = QPushButton("不再另存", backups_box)
        self.mirror_button.clicked.connect(self.choose_mirror)
        self.mirror_off_button.clicked.connect(self.stop_mirror)
        mirror_row = QHBoxLayout()
        mirror_row.addWidget(QLabel("第二份备份：", backups_box))
        mirror_row.addWidget(self.mirror_label, 1)
        mirror_row.addWidget(self.mirror_button)
        mirror_row.addWidget(self.mirror_off_button)
        box_layout = QVBoxLayout(backups_box)
        box_layout.addWidget(intro)
        box_layout.addWidget(self.view, 1)
        box_layout.addLayout(row)
        box_layout.addLayout(mirror_row)

        move_box = QGroupBox("换电脑", self)
        move_note = QLabel("“导出全部数据”把数据库和全部附件存成一个文件（带校验码），拷到新电脑上用“导入全部数据”。"
                           "导入会替换本机现有的数据，替换前先自动备份。", move_box)
        move_note.setWordWrap(True)
        self.export_button = QPushButton("导出全部数据…", move_box)
        self.import_button = QPushButton("导入全部数据…", move_box)
        self.export_button.clicked.connect(self.export_all)
        self.import_button.clicked.connect(self.import_all)
        move_row = QHBoxLayout()
        move_row.addWidget(self.export_button)
        move_row.addWidget(self.import_button)
        move_row.addStretch(1)
        move_layout = QVBoxLayout(move_box)
        move_layout.addWidget(move_note)
        move_layout.addLayout(move_row)

        security_box = QGroupBox("安全", self)
        self.password_label = QLabel(security_box)
        self.password_button = QPushButton(security_box)
        self.password_button.clicked.connect(self.change_password)
        self.idle_spin = QSpinBox(security_box)
        self.idle_spin.setRange(0, 240)
        self.idle_spin.setSuffix(" 分钟")
        self.idle_spin.setSpecialValueText("不自动锁定")
        self.idle_save_button = QPushButton("保存", security_box)
        self.idle_save_button.clicked.connect(self.save_idle)
        limits = QLabel(security.LIMITS_TEXT, security_box)
        limits.setWordWrap(True)
        sec_row = QHBoxLayout()
        sec_row.addWidget(self.password_label)
        sec_row.addWidget(self.password_button)
        sec_row.addSpacing(24)
        sec_row.addWidget(QLabel("无人操作", security_box))
        sec_row.addWidget(self.idle_spin)
        sec_row.addWidget(QLabel("后锁定窗口", security_box))
        sec_row.addWidget(self.idle_save_button)
        sec_row.addStretch(1)
        sec_layout = QVBoxLayout(security_box)
        sec_layout.addLayout(sec_row)
        sec_layout.addWidget(limits)

        layout = QVBoxLayout(self)
        layout.addWidget(backups_box, 1)
        layout.addWidget(move_box)
        layout.addWidget(security_box)
        self.refresh()

    # -------------------------------------------------------------- showing

    def refresh(self) -> None:
        """The backups (files in the backups folder) and the settings, read off the GUI thread."""
        self.ctx.run(_safety_state, self.ctx.db, what="读取备份", parent=self, key=(self, "load"), dialog=False,
                     on_done=self._loaded)

    def _loaded(self, state) -> None:
        backups, mirror, has, idle, on_file = state
        self.model.load(backups)
        self.mirror_label.setText(str(mirror) if mirror else "未设置（可以选一个 U 盘或另一块磁盘上的文件夹）")
        self.mirror_off_button.setEnabled(mirror is not None)
        self.has_password = has
        self.password_label.setText("已设置密码" if has else "未设置密码")
        self.password_button.setText("修改或取消密码…" if has else "设置密码…")
        self.idle_spin.setValue(idle)
        for w in (self.backup_button, self.restore_button, self.export_button, self.import_button):
            w.setEnabled(on_file)
        self.sig_loaded.emit()

    def selected(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _open_backups_folder(self) -> None:
        self.ctx.run(backup.backups_folder, self.ctx.db, what="打开备份文件夹", parent=self,
                     on_done=lambda folder: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))

    # -------------------------------------------------------------- work on the lane

    def _submit(self, what: str, fn, on_done, *args, cancellable: bool = True, effect="file") -> Task:
        """Backups, restores, moving house: one at a time (the four buttons wait), with progress."""
        return self.ctx.run(fn, *args, what=what, parent=self, effect=effect, progress=True,
                            cancellable=cancellable, on_done=on_done, on_end=self.refresh,
                            busy=(self.backup_button, self.restore_button, self.export_button, self.import_button))

    # -------------------------------------------------------------- backups

    def backup_now(self) -> None:
        def done(result: backup.BackupResult) -> None:
            self.refresh()
            self.sig_status.emit(f"已备份：{result.info.path.name}（{human_size(result.info.size)}）")
            if result.mirror_problem:
                self.ctx.asker.warn(self, "第二份备份没有写入", result.mirror_problem)

        self._submit("备份", backup.create_backup, done, self.ctx.db, "手动")

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            self.ctx.asker.info(self, "恢复", "请先在列表中选一份备份。")
            return
        when = info.created_at.strftime("%Y年%m月%d日 %H:%M")
        if not self.ctx.asker.confirm(self, "从备份恢复",
                                      f"把数据恢复到 {when} 的备份吗？\n\n之后所做的修改会被替换；"
                                      "替换前程序会先把现在的数据另存为一份备份，需要时还可以恢复回来。", danger=True):
            return
        self._replace_from(info.path, "恢复")

    def _replace_from(self, source: Path, verb: str) -> None:
        """Restore the open database from `source` while the window keeps it locked throughout; it
        is opened again afterwards (an old backup upgraded), also when the restore fails. On the one
        lane, so every job asked for before has ended; it cannot be cancelled (the file is replaced whole)."""
        ctx = self.ctx

        def done(result) -> None:
            self.refresh()
            text = f"已{verb}。恢复前的数据已另存为备份。" if result.safety_backup else f"已{verb}。"
            self.sig_status.emit(text)
            self.ctx.asker.info(self, verb, text)
            self.sig_data_changed.emit()

        self._submit(verb, backup.restore_open, done, ctx.db, source, cancellable=False, effect="write")

    # -------------------------------------------------------------- moving house

    def export_all(self) -> None:
        from datetime import date

        out = folders.save_file(self.ctx, self, folders.BACKUP, "导出全部数据",
                                f"党支部工作台全部数据-{date.today():%Y%m%d}.zip", "党支部工作台数据 (*.zip)")
        if not out:
            return

        def done(check: backup.ArchiveCheck) -> None:
            self.sig_status.emit(f"已导出全部数据：{check.path}")
            self.ctx.asker.info(self, "导出全部数据",
                                f"已导出到：\n{check.path}\n\n数据库和 {check.files - 1} 个附件，"
                                f"{human_size(check.bytes)}，已校验完整。")

        self._submit("导出全部数据", backup.export_archive, done, self.ctx.db, out)

    def import_all(self) -> None:
        source = folders.open_file(self.ctx, self, folders.BACKUP, "导入全部数据", "党支部工作台数据 (*.zip)")
        if not source:
            return
        self.ctx.run(backup.verify_archive, source, files_dir=self.ctx.db.files_dir, what="检查数据文件", parent=self, progress=True,
                     cancellable=True, busy=(self.import_button,),
                     on_done=lambda check: self._verified(source, check),
                     on_refused=lambda exc: self.ctx.asker.error(self, "导入全部数据", str(exc)))

    def _verified(self, source: str, check: backup.ArchiveCheck) -> None:
        if not self.ctx.asker.confirm(
                self, "导入全部数据",
                f"文件已校验完整（{check.created_at.replace('T', ' ')} 导出，{check.files - 1} 个附件）。\n\n"
                "导入会替换这台电脑上现有的全部数据；替换前程序会先备份现有数据。继续吗？", danger=True):
            return
        self._replace_from(Path(source), "导入全部数据")

    # -------------------------------------------------------------- mirror and security

    def choose_mirror(self) -> None:
        folder = folders.choose_folder(self.ctx, self, folders.BACKUP, "选择第二份备份的文件夹（如 U 盘）")
        if not folder:
            return

        def chosen(path) -> None:
            self.refresh()
            self.sig_status.emit(f"以后每次备份都会另存一份到：{path}")

        self.ctx.run(backup.set_mirror_folder, self.ctx.db, folder, what="设置第二份备份", parent=self,
                     effect="write", busy=(self.mirror_button,), on_done=chosen)

    def stop_mirror(self) -> None:
        def stopped(_) -> None:
            self.refresh()
            self.sig_status.emit("不再另存第二份备份")

        self.ctx.run(backup.set_mirror_folder, self.ctx.db, None, what="停止第二份备份", parent=self,
                     effect="write", busy=(self.mirror_off_button,), on_done=stopped)

    def change_password(self) -> None:
        self.password_dialog = SetPasswordDialog(self.ctx.db, self, has=self.has_password, ctx=self.ctx)
        self.password_dialog.accepted.connect(self._password_changed)
        self.password_dialog.open()

    def _password_changed(self) -> None:
        text = self.password_dialog.result_text if self.password_dialog else ""
        self.refresh()
        self.sig_status.emit(text)

    def save_idle(self) -> None:
        minutes = self.idle_spin.value()
        self.ctx.run(security.set_idle_minutes, self.ctx.db, minutes, what="设置自动锁定", parent=self,
                     effect="write", busy=(self.idle_save_button,),
                     on_done=lambda _: self.sig_status.emit(
                         f"无人操作 {minutes} 分钟后锁定窗口（需要已设置密码）" if minutes else "不自动锁定"))


def _safety_state(db):
    """What the tab shows, read in one job: backups, the mirror folder, password and lock settings."""
    return (backup.list_backups(db) if db.path else [], backup.mirror_folder(db), security.has_password(db),
            security.idle_minutes(db), db.path is not None)
