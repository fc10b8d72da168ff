"""生日短信: the 政治生日 messages of a period in the branch's wording, to copy or export as .csv for an SMS
platform (the program sends nothing). Opened from the 政治生日 page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView

from dangjian_desktop.core import birthday_messages as core
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.gui import folders
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.forms.ui_birthday_messages import Ui_BirthdayMessagesDialog
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.services import birthday_messages as bm

NO_PHONE_BRUSH = QBrush(QColor("#b00020"))


class MessagesModel(RowsModel):
    """One message per person: 政治生日, 姓名, 手机号, 字数, 短信内容."""

    COL_DAY, COL_NAME, COL_PHONE, COL_CHARS, COL_TEXT = range(5)
    HEADERS = ("政治生日", "姓名", "手机号", "字数", "短信内容")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        msg: bm.Message = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (msg.day.isoformat(), msg.name, msg.phone or "无手机号", str(len(msg.text)),
                    msg.text.replace("\n", " "))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_TEXT:
            return msg.text
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_PHONE and not msg.phone:
            return NO_PHONE_BRUSH
        return None


class BirthdayMessagesDialog(QDialog):
    """Choose the period, edit the wording, see each message, 复制全部 or 导出 CSV."""

    sig_loaded = Signal()  # the people of the period are read and the preview made

    def __init__(self, ctx: AppContext, branch_id: int, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.branch_id = ctx, branch_id
        self.today = today or date.today()
        self.branch = ""
        self.people: list[bm.Recipient] = []
        self.batch: bm.MessageBatch | None = None
        self.saved_wording = core.DEFAULT_TEMPLATE
        self.form = f = Ui_BirthdayMessagesDialog()
        f.setupUi(self)
        for kind, label in core.PERIOD_LABELS.items():
            f.periodCombo.addItem(label, kind)
        f.yearSpin.setValue(self.today.year)
        f.placeholdersLabel.setText("可用的替换内容：" + "；".join(f"{{{k}}} {v}" for k, v in core.PLACEHOLDERS.items())
                                    + "。")
        f.templateError.setStyleSheet("color: #b00020;")
        # a few lines of wording; the room goes to the messages
        f.templateEdit.setMaximumHeight(f.templateEdit.fontMetrics().lineSpacing() * 5 + 12)
        self.model = MessagesModel(self)
        view = f.previewView
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        f.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        f.buttonBox.rejected.connect(self.reject)
        self._typing = QTimer(self)  # the preview follows the wording a moment after typing stops
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.compose)
        self.chosen = self.period()
        for widget in (f.templateEdit, f.saveTemplateButton, f.defaultButton):
            widget.setEnabled(False)  # until the branch's wording is read
        f.periodCombo.currentIndexChanged.connect(lambda _: self.load())
        f.yearSpin.valueChanged.connect(lambda _: self.load())
        f.templateEdit.textChanged.connect(self._typing.start)
        f.saveTemplateButton.clicked.connect(self.save_wording)
        f.defaultButton.clicked.connect(lambda: f.templateEdit.setPlainText(core.DEFAULT_TEMPLATE))
        f.copyButton.clicked.connect(self.copy_all)
        f.exportButton.clicked.connect(self.export_csv)
        self.resize(960, 620)
        self._wording_read = False
        self.load()

    # -------------------------------------------------------------- reading

    def period(self) -> core.Period:
        kind = self.form.periodCombo.currentData()
        self.form.yearSpin.setEnabled(kind in (core.JULY_FIRST, core.WHOLE_YEAR))
        return core.period(kind, self.today, self.form.yearSpin.value())

    def load(self) -> None:
        chosen = self.period()
        self.form.summaryLabel.setText("正在读取…")
        self.ctx.run(_load, self.ctx.db, self.branch_id, chosen, not self._wording_read, what="读取政治生日",
                     parent=self, key=(self, "load"), dialog=False, on_done=lambda r: self._loaded(chosen, r))

    def _loaded(self, chosen: core.Period, payload) -> None:
        (self.branch, self.people), wording = payload
        self.chosen = chosen
        if wording is not None:
            self._wording_read = True
            self.saved_wording = wording
            self.form.templateEdit.blockSignals(True)
            self.form.templateEdit.setPlainText(wording)
            self.form.templateEdit.blockSignals(False)
            for widget in (self.form.templateEdit, self.form.saveTemplateButton, self.form.defaultButton):
                widget.setEnabled(True)
        self.compose()
        self.sig_loaded.emit()

    def compose(self) -> None:
        """The messages in the wording as it stands in the box (nothing read: the people are here)."""
        f = self.form
        wording = f.templateEdit.toPlainText()
        try:
            self.batch = bm.compose(self.branch, self.chosen.label, self.people, wording)
        except ValidationError as exc:
            self.batch = None
            f.templateError.setText(str(exc))
            self.model.load([])
        else:
            f.templateError.setText("" if wording.strip() == self.saved_wording.strip() else "措辞已修改，尚未保存。")
            self.model.load(self.batch.messages)
        ready = self.batch is not None and bool(self.batch.messages)
        f.copyButton.setEnabled(ready)
        f.exportButton.setEnabled(ready)
        if self.batch is None:
            f.summaryLabel.setText("")
            return
        missing = self.batch.without_phone
        text = f"{self.chosen.label}共 {len(self.batch.messages)} 人过政治生日。"
        if missing:
            text += f"没有手机号 {len(missing)} 人：{'、'.join(missing)}（请在花名册补上，或另行通知）。"
        f.summaryLabel.setText(text)

    # -------------------------------------------------------------- actions

    def save_wording(self) -> None:
        self.ctx.run(bm.save_template, self.ctx.db, self.branch_id, self.form.templateEdit.toPlainText(),
                     what="保存短信措辞", parent=self, effect="write", busy=(self.form.saveTemplateButton,),
                     on_done=self._wording_saved, on_refused=lambda exc: self.form.templateError.setText(str(exc)))

    def _wording_saved(self, wording: str) -> None:
        self.saved_wording = wording
        self.form.templateError.setText("措辞已保存，下次沿用。")

    def copy_all(self) -> None:
        if not self.batch or not self.batch.messages:
            return
        QGuiApplication.clipboard().setText(bm.clipboard_text(self.batch))
        self.form.summaryLabel.setText(f"已复制 {len(self.batch.messages)} 条短信，可以粘贴到微信或手机短信。")

    def export_csv(self) -> None:
        if not self.batch or not self.batch.messages:
            return
        target = folders.save_file(self.ctx, self, folders.DOCUMENTS, "导出生日短信",
                                   f"{self.branch}{self.chosen.label}政治生日短信.csv", "CSV 文件 (*.csv)")
        if not target:
            return
        out = Path(target if target.lower().endswith(".csv") else target + ".csv")
        self.ctx.run(bm.write_batch, out, self.batch, what="导出生日短信", parent=self, effect="file",
                     busy=(self.form.exportButton,), on_done=self._exported)

    def _exported(self, path: Path) -> None:
        self.last_export = Path(path)
        missing = self.batch.without_phone if self.batch else []
        text = f"已保存：{path}"
        if missing:
            text += f"\n{len(missing)} 人没有手机号（{'、'.join(missing)}），文件中这几行的手机号为空。"
        self.ctx.asker.info(self, "导出生日短信", text)


def _load(db, branch_id: int, chosen: core.Period, with_wording: bool):
    """The people of the period (and, the first time, the branch's wording), in one job."""
    return bm.recipients(db, branch_id, chosen.start, chosen.end), bm.template(db, branch_id) if with_wording else None

