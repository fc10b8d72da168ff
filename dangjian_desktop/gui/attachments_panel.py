"""The attachments of one record (a meeting, a 发展党员 step): list, add, open, remove.

One panel for every editor that takes scans and photos; the .ui forms place it as a promoted
widget (`AttachmentsPanel`), and the editor binds it to its record with `bind()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QHeaderView, QPushButton, QTableView, QWidget

from dangjian_desktop.gui import folders
from dangjian_desktop.gui.keys import office_keys
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.services import attachments as att

FILE_TYPES = ("照片、扫描件、文档 (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.ppt *.pptx *.xls *.xlsx);;"
              "所有文件 (*)")


def human_size(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif")
THUMB = 48  # px: a photo's thumbnail beside its name


def is_photo(file_name: str) -> bool:
    return file_name.lower().endswith(PHOTO_SUFFIXES)


def read_thumbnails(db, rows: list) -> dict[int, QImage]:
    """The photos among `rows` as small images (read and scaled on the lane: a photo is megabytes);
    a file that cannot be read simply has no thumbnail."""
    out = {}
    for a in rows:
        if not is_photo(a.file_name):
            continue
        try:
            path = att.attachment_path(db, a.id)
        except Exception:  # noqa: BLE001 - missing or refused: the list says so when it is opened
            continue
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and size.width() > 0 and size.height() > 0:
            reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            out[a.id] = image
    return out


class AttachmentsModel(RowsModel):
    """The attached files: name (a photo with its thumbnail), size, when added."""

    COL_NAME, COL_SIZE, COL_ADDED = range(3)
    HEADERS = ("文件", "大小", "添加时间")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.thumbnails: dict[int, QPixmap] = {}

    def set_thumbnails(self, images: dict[int, QImage]) -> None:
        self.thumbnails = {aid: QPixmap.fromImage(image) for aid, image in images.items()}
        if self.rows:
            self.dataChanged.emit(self.index(0, self.COL_NAME), self.index(len(self.rows) - 1, self.COL_NAME))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (a.file_name, human_size(a.size),
                    a.added_at.strftime("%Y-%m-%d %H:%M") if a.added_at else "")[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.COL_NAME:
            return self.thumbnails.get(a.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.file_name
        return None


class AttachmentsPanel(QWidget):
    """List, add, open and remove the attachments of one record."""

    sig_changed = Signal(int)  # how many attachments the record has now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = None
        self.owner, self.owner_id = "", None
        self.before_add: Callable[[Callable[[], None]], None] | None = None
        self.model = AttachmentsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AttachmentsModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        office_keys(self, view=self.view, open_row=self.open_selected, delete_row=self.remove_selected)
        self.add_button = QPushButton("添加附件…", self)
        self.open_button = QPushButton("打开", self)
        self.remove_button = QPushButton("移除", self)
        for button in (self.add_button, self.open_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.open_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.view, 1)
        self.box.addLayout(self.buttons)

    def set_compact(self, compact: bool = True) -> None:
        """For a narrow place (the step editor's side column): the buttons in a column beside the list,
        and only the file name and size shown."""
        self.box.setDirection(QBoxLayout.Direction.LeftToRight if compact else QBoxLayout.Direction.TopToBottom)
        self.buttons.setDirection(QBoxLayout.Direction.TopToBottom if compact else QBoxLayout.Direction.LeftToRight)
        self.view.setColumnHidden(AttachmentsModel.COL_ADDED, compact)
        # room for a file name such as 入党申请书扫描件.pdf beside its size
        self.view.setMinimumWidth(self.fontMetrics().horizontalAdvance("入党申请书扫描件.pdf 999 KB") if compact else 0)

    def bind(self, ctx, owner: str, owner_id: int | None, *,
             before_add: Callable[[Callable[[], None]], None] | None = None) -> None:
        """Show the attachments of `owner` ("meeting", "step") `owner_id` (None: the record is not saved yet).
        `before_add(then)` runs before a file is added (e.g. save a draft) and calls `then()` if the file
        may be added (not at all to refuse)."""
        self.ctx, self.owner, self.owner_id, self.before_add = ctx, owner, owner_id, before_add
        self.reload()

    def reload(self) -> None:
        """The list again, read off the GUI thread."""
        if self.owner_id is None:
            self._loaded([])
            return
        self.ctx.run(att.list_attachments, self.ctx.db, self.owner, self.owner_id, what="读取附件", parent=self,
                     key=(self, "load"), dialog=False, on_done=self._loaded)

    def _loaded(self, rows: list) -> None:
        self.model.load(rows)
        self.sig_changed.emit(len(rows))
        photos = [a for a in rows if is_photo(a.file_name)]
        if photos:
            self.ctx.run(read_thumbnails, self.ctx.db, photos, what="读取照片缩略图", parent=self,
                         key=(self, "thumbnails"), dialog=False, on_done=self._thumbnails_read)

    def _thumbnails_read(self, images: dict) -> None:
        self.model.set_thumbnails(images)
        if images:  # rows tall enough for a thumbnail
            self.view.setIconSize(QSize(THUMB, THUMB))
            self.view.verticalHeader().setDefaultSectionSize(THUMB + 6)

    def set_read_only(self, read_only: bool) -> None:
        """A locked record keeps its files: they can be opened, not removed."""
        self.remove_button.setEnabled(not read_only)

    def selected(self) -> att.AttachmentInfo | None:
        index = self.view.currentIndex()
        rows = self.view.selectionModel().selectedRows()
        row = rows[0].row() if rows else (index.row() if index.isValid() else None)
        return self.model.rows[row] if row is not None else None

    def add(self) -> None:
        if self.owner_id is None:
            return
        if self.before_add is not None:
            self.before_add(self._choose_and_add)
        else:
            self._choose_and_add()

    def _choose_and_add(self) -> None:
        paths = folders.open_files(self.ctx, self, folders.ATTACHMENTS, "添加附件", FILE_TYPES)
        if paths:  # each file copied in on the worker lane (a scan can be tens of MB)
            self.ctx.run(_add_files, self.ctx.db, self.owner, self.owner_id, paths, what="添加附件", parent=self,
                         effect="write", progress=True, cancellable=True, busy=(self.add_button,),
                         on_done=self._added, on_cancelled=self._add_cancelled)

    def _add_cancelled(self) -> None:
        self.reload()
        self.ctx.asker.info(self, "已取消", "已取消添加附件：取消前已添加的文件留在列表中，其余的没有添加。")

    def _added(self, refused: list[str]) -> None:
        self.reload()
        if refused:
            self.ctx.asker.warn(self, "有的附件没有添加", "\n".join(refused))

    def open_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        from dangjian_desktop.gui.attachment_opener import open_attachment

        open_attachment(self, self.ctx, a.id, a.file_name)

    def remove_selected(self) -> None:
        a = self.selected()
        if a is None or not self.ctx.asker.confirm(self, "移除附件", f"从这份记录中移除附件“{a.file_name}”吗？",
                                                   danger=True):
            return
        self.ctx.delete("attachments", a.id, f"附件“{a.file_name}”", att.remove_attachment, parent=self,
                        busy=(self.remove_button,), on_done=lambda _: self.reload())


def _add_files(db, owner: str, owner_id: int, paths: list[str], progress=None) -> list[str]:
    """Add each file (one transaction each); the refusals, one sentence per file (the others are added)."""
    from dangjian_desktop.errors import DomainError

    refused = []
    for i, path in enumerate(paths):
        if progress:
            progress(i, len(paths), f"正在添加 {Path(path).name}")
        try:
            att.add_attachment(db, owner, owner_id, path)
        except DomainError as exc:
            refused.append(str(exc))
    return refused
