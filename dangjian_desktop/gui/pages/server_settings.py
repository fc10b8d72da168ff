"""设置 → 共享数据库: a PostgreSQL server several secretaries of one 党委 work on, with 测试连接."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop.errors import DomainError
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.services import server


class ServerSettingsTab(QWidget):
    """The connection fields, 测试连接 (in the background) and 保存; used from the next start,
    or at once if the user agrees to switch (`sig_open_database`)."""

    sig_status = Signal(str)
    sig_tested = Signal(bool, str)  # ok, the sentence shown (for tests and the status bar)
    sig_open_database = Signal(object)  # switch now: the server URL, or the local file's Path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        intro = QLabel(
            "几位书记共用一个数据库时（例如党委办公室的服务器），可以连接 PostgreSQL 数据库服务器。"
            "服务器和账号由管理员提供。不用共享时保持不勾选，数据保存在本机文件中。"
            "请不要把本机数据库文件放在网络共享文件夹里多人同时打开，那样容易损坏。", self)
        intro.setWordWrap(True)

        box = QGroupBox("PostgreSQL 数据库服务器", self)
        box.setMaximumWidth(760)  # a form of short fields reads badly stretched across a wide window
        form = QFormLayout(box)
        self.host_edit = QLineEdit(box)
        self.host_edit.setPlaceholderText("例如 192.168.1.10 或 dangwei-server")
        self.port_spin = QSpinBox(box)
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(5432)
        self.database_edit = QLineEdit(box)
        self.user_edit = QLineEdit(box)
        self.password_edit = QLineEdit(box)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_check = QCheckBox("启动时打开这个共享数据库（不再打开本机文件）", box)
        password_note = QLabel("密码保存在本机当前用户的配置文件中。", box)
        password_note.setEnabled(False)  # greyed: a remark, not a field
        form.addRow("服务器地址：", self.host_edit)
        form.addRow("端口：", self.port_spin)
        form.addRow("数据库名称：", self.database_edit)
        form.addRow("用户名：", self.user_edit)
        form.addRow("密码：", self.password_edit)
        form.addRow("", password_note)
        form.addRow(self.use_check)

        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton("测试连接", box)
        self.save_button = QPushButton("保存", box)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)  # under the fields they act on, not at the far edge of a wide window

        self.current_label = QLabel(self)
        self.current_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(self.result_label)
        layout.addWidget(self.current_label)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        saved, use = server.load(self.ctx.config)
        saved = saved or server.ServerSettings()
        self.host_edit.setText(saved.host)
        self.port_spin.setValue(saved.port)
        self.database_edit.setText(saved.database)
        self.user_edit.setText(saved.user)
        self.password_edit.setText(saved.password)
        self.use_check.setChecked(use)
        db = self.ctx.db
        where = f"服务器数据库 {db.url}" if db.path is None else f"本机文件 {db.path}"
        self.current_label.setText(f"现在打开的是：{where}")

    def settings(self) -> server.ServerSettings:
        return server.ServerSettings(self.host_edit.text(), self.port_spin.value(), self.database_edit.text(),
                                     self.user_edit.text(), self.password_edit.text())

    def _show_result(self, ok: bool, text: str) -> None:
        self.result_label.setText(("✔ " if ok else "✘ ") + text)
        self.result_label.setStyleSheet("" if ok else "color: #b00020;")
        self.test_button.setEnabled(True)
        self.sig_tested.emit(ok, text)

    def test_connection(self) -> None:
        try:
            wanted = self.settings().validated()
        except DomainError as exc:
            self._show_result(False, str(exc))
            return
        self.result_label.setStyleSheet("")
        self.result_label.setText("正在连接……")
        task = self.ctx.run(server.test_connection, wanted, what="测试连接", parent=self, dialog=False,
                            busy=(self.test_button,), on_done=lambda report: self._show_result(True, report.message),
                            on_refused=lambda exc: self._show_result(False, str(exc)))
        task.sig_finished.connect(lambda: self._unexpected(task))

    def _unexpected(self, task) -> None:
        """A fault (told by the presenter): the line under the fields must not go on saying 正在连接."""
        if task.outcome == "failed" and self.result_label.text() == "正在连接……":
            self._show_result(False, "无法连接，原因已记录在日志中。")

    def save(self) -> None:
        try:
            server.save(self.ctx.config, self.settings(), self.use_check.isChecked())
        except DomainError as exc:
            self.ctx.asker.warn(self, "无法保存", str(exc))
            return
        on_server = self.ctx.db.path is None
        if self.use_check.isChecked():
            message = "已保存。下次启动党支部工作台时将打开共享数据库。"
            if not on_server and self.ctx.asker.confirm(
                    self, "切换到共享数据库", "已保存。现在就切换到共享数据库吗？\n\n"
                    "本机数据库文件保持原样；以后取消勾选并保存，就可以切换回本机文件。"):
                self.sig_open_database.emit(self.settings().url())
                return
        else:
            message = "已保存。下次启动时仍打开本机数据库文件。"
            local = server.local_database(self.ctx.config)
            if on_server and local.exists() and self.ctx.asker.confirm(
                    self, "切换回本机数据库", f"已保存。现在就切换回本机数据库文件“{local}”吗？\n\n"
                    "共享数据库中的内容不会复制到本机文件。"):
                self.sig_open_database.emit(local)
                return
        self.result_label.setStyleSheet("")
        self.result_label.setText(message)
        self.sig_status.emit(message)
