"""Opening an attachment with the program the PC has for it, off the GUI thread.

On a shared server database the file may first have to come from the server (a scan of a few
tens of MB), so it is fetched on the database lane, with a progress dialog if that takes long.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.worker import Task


def open_attachment(parent: QWidget, ctx: AppContext, attachment_id: int, file_name: str) -> Task:
    from dangjian_desktop.services.attachments import attachment_path

    def opened(path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            ctx.asker.warn(parent, "无法打开附件", f"这台电脑上没有能打开“{file_name}”的程序。文件在：{path}")

    return ctx.run(attachment_path, ctx.db, attachment_id, what=f"取出附件“{file_name}”", parent=parent,
                   on_done=opened)
