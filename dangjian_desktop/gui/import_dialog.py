"""The one preview dialog of every 台账 import: choose a file (and a sheet), see every row, every
column of the file and every problem, then import all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHeaderView, QWidget

from dangjian_desktop.errors import DomainError, InputErrors
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.forms.ui_import_preview import Ui_ImportPreviewDialog
from dangjian_desktop.gui.table_model import RowsModel

ERROR_STYLE = "color: #b00020;"
FILE_FILTER = "表格文件 (*.xlsx *.xls *.et *.ods *.xlsm *.xlsb);;所有文件 (*)"


@dataclass(frozen=True)
class ImportKind:
    """One 台账 in the dialog: its words, and where its preview and import are found (looked up at
    call time, so a test may replace them)."""

    title: str  # 导入党员花名册
    what: str  # 花名册
    hint: str  # what the file may look like
    row_header: str  # 姓名 | 会议
    preview: Callable[[], Callable]
    run: Callable[[], Callable]
    args: Callable[[AppContext, int, Path], tuple] = lambda ctx, branch_id, path: (ctx.db, branch_id, path)


def _members():
    from dangjian_desktop.services import members as ms

    return ms


def _meetings():
    from dangjian_desktop.services import meetings as svc

    return svc


def _dues():
    from dangjian_desktop.services import dues_import

    return dues_import


def _development():
    from dangjian_desktop.services import development as dev

    return dev


def _study():
    from dangjian_desktop.services import study_import

    return study_import


ROSTER = ImportKind(
    "导入党员花名册", "花名册",
    "请选择一个花名册（.xlsx、.xls、WPS 的 .et 或 .ods）。表头可以在标题行下面，列名和日期写法不必统一；"
    "身份证号必须完整（请设置为文本格式）。", "姓名",
    lambda: _members().preview_roster_import, lambda: _members().import_roster)
MEETINGS = ImportKind(
    "导入三会一课台账", "三会一课台账",
    "请选择一个三会一课台账：每行一次过去的会议（日期、类型、主题，可有主持人、记录人、应到、实到、缺席及原因）。",
    "会议", lambda: _meetings().preview_meetings_import, lambda: _meetings().import_meetings)
DEVELOPMENT = ImportKind(
    "导入发展党员台账", "发展党员台账",
    "请选择一个发展党员台账：每人一行，每个步骤一列日期；两个同名的步骤请在列名中写明“（接收）”或“（转正）”。",
    "姓名", lambda: _development().preview_ledger_import, lambda: _development().import_ledger,
    lambda ctx, branch_id, path: (ctx.db, path, branch_id))
DUES = ImportKind(
    "导入党费收缴表", "党费收缴表",
    "请选择一个党费收缴表：每人一行，每月一列实缴金额（也可以是本程序导出的应缴、实缴两行一人的台账）；"
    "年份写在标题中（如“2026年党费收缴表”）或单独一列“年度”，免缴须在“备注”中写明批准情况。",
    "党员和月份", lambda: _dues().preview_dues_import, lambda: _dues().import_dues)
STUDY = ImportKind(
    "导入学时表", "学时表",
    "请选择网上学习平台导出的学时表，或自己整理的学时表：每行一人一次学习，要有姓名或身份证号、学习日期、学时，"
    "可有课程名称和学习形式（没有这一列的按网上学习计）。", "学习",
    lambda: _study().preview_study_import, lambda: _study().import_study)


class PreviewRowsModel(RowsModel):
    """The rows an import would save: 行号, 姓名/会议, 处理, 变化/说明."""

    COL_ROW, COL_NAME, COL_ACTION, COL_DETAIL = range(4)
    HEADERS = ("行号", "姓名", "处理", "变化 / 说明")
    ACTIONS = {"new": "新增", "update": "更新", "same": "无变化"}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if col == self.COL_ROW:
            return str(r.row)
        if col == self.COL_NAME:
            return r.label
        if col == self.COL_ACTION:
            return self.ACTIONS[r.action]
        return "；".join((["改动：" + "、".join(r.changes)] if r.changes else []) + r.notes)


class ColumnsModel(RowsModel):
    """Every column of the file: 列, 表头, 导入为 (or 未导入 and why)."""

    COL_LETTER, COL_HEADER, COL_FIELD = range(3)
    HEADERS = ("列", "文件中的表头", "导入为")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.COL_FIELD and not c.imported:
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == self.COL_LETTER:
            return c.letter
        if index.column() == self.COL_HEADER:
            return c.header or "（无表头）"
        return c.label if c.imported else f"未导入：{c.reason}"


class ProblemsModel(RowsModel):
    """One refused cell per row: 位置 and 问题 (`rows` are the pairs)."""

    COL_WHERE, COL_WHAT = range(2)
    HEADERS = ("位置", "问题")

    def load(self, problems: list[str]) -> None:
        super().load(tuple(p.split("：", 1)) if "：" in p else ("", p) for p in problems)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.COL_WHERE:
                # the file and sheet are the same on every line: show from the row on
                if text.startswith("文件 "):
                    return text.split("，", 2)[-1] if text.count("，") >= 2 else "整个工作表"
                return text
            return text
        return None


class ImportDialog(QDialog):
    """Choose a 台账, see what would be saved, every column and what is wrong, then import all or nothing."""

    sig_previewed = Signal()
    sig_imported = Signal()

    def __init__(self, ctx: AppContext, branch_id: int, kind: ImportKind, parent: QWidget | None = None,
                 path: str | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.branch_id, self.kind = ctx, branch_id, kind
        self.today = today or date.today()
        self.path: Path | None = None
        self.sheet: str | None = None
        self.preview = None
        self.result = None
        self.busy = False  # reading a file or importing it
        self.importing = False
        self.form = Ui_ImportPreviewDialog()
        self.form.setupUi(self)
        f = self.form
        self.setWindowTitle(kind.title)
        self.accepted_model = PreviewRowsModel(self)
        self.accepted_model.HEADERS = ("行号", kind.row_header, "处理", "变化 / 说明")
        self.columns_model = ColumnsModel(self)
        self.problems_model = ProblemsModel(self)
        f.acceptedView.setModel(self.accepted_model)
        f.columnsView.setModel(self.columns_model)
        f.refusedView.setModel(self.problems_model)
        for view in (f.acceptedView, f.columnsView, f.refusedView):
            view.verticalHeader().hide()
            view.setAlternatingRowColors(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        f.refusedView.setWordWrap(True)  # a long reason wraps and its row grows, never cut off
        f.refusedView.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        f.sheetCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        f.sheetCombo.setMinimumContentsLength(12)
        f.sheetCombo.setPlaceholderText("请选择……")
        self._show_sheets([])
        f.sheetCombo.activated.connect(self._sheet_chosen)
        self.import_button = f.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("导入")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("关闭")
        f.fileLabel.setText(kind.hint)
        f.chooseButton.clicked.connect(self.choose)
        f.saveErrorsButton.clicked.connect(self.save_problems)
        f.buttonBox.accepted.connect(self.do_import)
        f.buttonBox.rejected.connect(self.reject)
        f.fileLayout.setStretch(0, 1)
        f.refusedButtons.setStretch(0, 1)
        self.resize(900, 560)
        self._update()
        if path:
            self.load(path)

    # the tabs by what they hold (a .ui may reorder them)
    def _tab(self, name: str) -> int:
        return self.form.tabs.indexOf(getattr(self.form, name))

    def _show_sheets(self, sheets: list[str], current: str | None = None) -> None:
        f = self.form
        f.sheetCombo.clear()
        f.sheetCombo.addItems(sheets)
        if current in sheets:
            f.sheetCombo.setCurrentText(current)
        f.sheetLabel.setVisible(bool(sheets))
        f.sheetCombo.setVisible(bool(sheets))

    def choose(self) -> None:
        from dangjian_desktop.gui import folders

        kind = folders.ROSTER if self.kind is ROSTER else folders.LEDGER  # the last folder of this kind of file
        path = folders.open_file(self.ctx, self, kind, f"选择{self.kind.what}", FILE_FILTER)
        if path:
            self.load(path)

    def load(self, path: str | Path, sheet: str | None = None) -> None:
        """Read the file on the database lane (a big one takes seconds); the lists fill when done."""
        self.path = Path(path)
        self.sheet = sheet
        if sheet is None:
            self._show_sheets([])
        self.preview = None
        self.busy = True
        self.form.fileLabel.setText(f"文件：{self.path}")
        self.form.summaryLabel.setText("正在读取文件并逐行检查……")
        self._update()
        self.ctx.run(self.kind.preview(), *self.kind.args(self.ctx, self.branch_id, self.path), sheet=sheet,
                     today=self.today, what=f"检查{self.kind.what}", parent=self, progress=True, cancellable=True,
                     key=(self, "preview"), on_done=self._previewed, on_refused=self._preview_failed,
                     on_cancelled=self._preview_cancelled, on_end=self._preview_ended)

    def _sheet_chosen(self, index: int) -> None:
        if self.path is not None and index >= 0:
            self.load(self.path, self.form.sheetCombo.itemText(index))

    def _preview_failed(self, exc: DomainError) -> None:
        sheets = getattr(exc, "sheets", None)
        self.accepted_model.load([])
        self.columns_model.load([])
        self.problems_model.load(exc.problems if isinstance(exc, InputErrors) else [str(exc)])
        if sheets:  # several visible sheets hold a table: the person chooses, nothing is guessed
            self._show_sheets(sheets)
            self.form.sheetCombo.setCurrentIndex(-1)
            names = "、".join(f"“{n}”" for n in sheets)
            self.problems_model.load([f"文件 {self.path.name}：{len(sheets)} 个工作表都有台账数据（{names}），"
                                      "请在上面的“工作表”中选择要导入的一个，其余的分别导入。"])
            self.form.summaryLabel.setText(f"{len(sheets)} 个工作表都有台账数据：{names}。请在上面选择要导入的工作表。")
        else:
            self.form.summaryLabel.setText(exc.message if isinstance(exc, InputErrors) else str(exc))
        self.form.tabs.setCurrentIndex(self._tab("refusedTab"))

    def _preview_cancelled(self) -> None:
        self.path = None
        self.accepted_model.load([])
        self.columns_model.load([])
        self.problems_model.load([])
        self.form.fileLabel.setText("已取消检查。请重新选择文件。")
        self.form.summaryLabel.setText("")

    def _preview_ended(self) -> None:
        self.busy = False
        self._update()
        self.sig_previewed.emit()

    def _previewed(self, preview) -> None:
        self.busy = False
        self.preview = preview
        self.accepted_model.load(preview.rows)
        self.columns_model.load(preview.columns)
        # the notices (what was read and deliberately not imported, what is worth knowing) follow the problems
        notices = [f"{w}：提示：{what}" if what else f"提示：{w}"
                   for w, _, what in (n.partition("：") for n in preview.notices)]
        self.problems_model.load(preview.problem_lines() + notices)
        text = preview.summary(planned=True)
        if preview.notices:
            text += f" 另有 {len(preview.notices)} 条提示（见“有问题的行和提示”）。"
        self.form.summaryLabel.setText(text)
        skipped = sum(1 for c in preview.columns if not c.imported)
        self.form.tabs.setTabText(self._tab("acceptedTab"), f"可以导入（{len(preview.rows)}）")
        self.form.tabs.setTabText(self._tab("columnsTab"), f"各列的导入情况（{len(preview.columns)} 列"
                                  + (f"，{skipped} 列未导入）" if skipped else "）"))
        self.form.tabs.setTabText(self._tab("refusedTab"), f"有问题的行（{len(preview.refused)}）"
                                  + (f"和提示（{len(preview.notices)}）" if preview.notices else ""))
        self.form.tabs.setCurrentIndex(self._tab("refusedTab") if preview.refused else self._tab("acceptedTab"))
        if self.sheet:
            self.form.fileLabel.setText(f"文件：{self.path}（工作表“{preview.sheet}”）")

    def _update(self) -> None:
        p = self.preview
        can = bool(p and not p.refused and any(r.action != "same" for r in p.rows)) and not self.busy
        self.import_button.setEnabled(can)
        self.form.saveErrorsButton.setEnabled(bool(self.problems_model.rows))
        self.form.summaryLabel.setStyleSheet(ERROR_STYLE if (p is None and self.path) or (p and p.refused) else "")

    def save_problems(self) -> None:
        """Write the problem list next to the file, so it can be fixed row by row."""
        suggested = str(self.path.with_name(f"{self.path.stem}-问题清单.txt")) if self.path else "问题清单.txt"
        target = self.ctx.asker.save_file(self, "保存问题清单", suggested, "文本文件 (*.txt)")
        if not target:
            return
        lines = [f"{w}：{what}" if w else what for w, what in self.problems_model.rows]
        self.ctx.run(_write_text, Path(target), "\n".join(lines) + "\n", what="保存问题清单", parent=self,
                     effect="file", busy=(self.form.saveErrorsButton,),
                     on_done=lambda _: self.ctx.asker.info(self, "已保存", f"问题清单已保存到 {target}"))

    def do_import(self) -> None:
        if not self.path or self.busy:
            return
        self.busy = self.importing = True
        self._update()
        self.ctx.run(self.kind.run(), *self.kind.args(self.ctx, self.branch_id, self.path), sheet=self.sheet,
                     today=self.today, what=f"导入{self.kind.what}", parent=self, effect="write", progress=True,
                     cancellable=True, busy=(self.form.buttonBox, self.form.chooseButton, self.form.sheetCombo),
                     on_done=self._imported, on_refused=self._import_refused, on_end=self._import_ended)

    def _imported(self, result) -> None:
        self.result = result
        self.accept()

    def _import_refused(self, exc: DomainError) -> None:
        if isinstance(exc, InputErrors):  # the file changed since the preview: show the new problems
            self.problems_model.load(exc.problems)
            self.form.summaryLabel.setText(exc.message)
            self.form.tabs.setCurrentIndex(self._tab("refusedTab"))
            self.preview = None
        else:
            self.ctx.asker.warn(self, f"无法{self.kind.title}", str(exc))

    def _import_ended(self) -> None:
        self.busy = self.importing = False
        self._update()
        self.sig_imported.emit()

    def reject(self) -> None:
        if not self.importing:  # never closed while its import runs: it ends whole, or is cancelled whole
            super().reject()


class RosterImportDialog(ImportDialog):
    """The 花名册 in the one import dialog."""

    def __init__(self, ctx: AppContext, branch_id: int, parent: QWidget | None = None,
                 path: str | None = None, today: date | None = None) -> None:
        super().__init__(ctx, branch_id, ROSTER, parent, path, today)


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8-sig")
    return path
