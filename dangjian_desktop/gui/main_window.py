"""The main window: a navigation column of pages, a branch switcher, a status bar.

At start the window is shown as a frame first (navigation, title, "正在打开数据库…") and the
database is attached when it has been opened off the GUI thread (`attach`): importing the data
layer and checking a large file take a second or two, and the secretary should see the program
at once rather than wait for an empty screen. Nothing of the data is shown before `attach`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dangjian_desktop import APP_NAME
from dangjian_desktop.gui.pages import page_specs

# Qt.ItemDataRole.UserRole: the navigation items carry their page's key in it. Written as the number
# because the Qt namespace is not touched before the first paint: touching it creates all of its
# ~100 enums (Key alone has 500 members), some 18 ms of a start-up whose budget is ~100 ms.
NAV_KEY_ROLE = 0x0100

if TYPE_CHECKING:  # the data layer is imported only once a database is being opened
    from PySide6.QtGui import QCloseEvent  # (an annotation only: touching a Qt class costs at start)

    from dangjian_desktop.gui.context import AppContext
    from dangjian_desktop.gui.pages.base import Page


class _FirstPaint(QObject):
    """Calls `then` once, on the event loop's next turn after the window's first paint."""

    def __init__(self, window: QMainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then = then
        self.fired = False
        window.installEventFilter(self)
        # a window that is never painted (minimised, covered at start) must still open its data
        QTimer.singleShot(1000, self._fire)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and not self.fired:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if not self.fired:
            self.fired = True
            self.parent().removeEventFilter(self)
            self.then()


class MainWindow(QMainWindow):
    sig_open_database = Signal()  # the user asked to open another database file
    sig_open_demo = Signal()
    sig_open_target = Signal(object)  # a page asked to open another database (a Path or a server URL)
    sig_ready = Signal()  # the branches are read: pages can be shown (once per database attached)

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None) -> None:
        """With `ctx` None the window is the frame shown while the database opens; see `attach`."""
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.ready = False  # the branches of the attached database are known
        self._undoing = False  # a 撤销 is running
        self.setWindowTitle(APP_NAME)
        self._classes = page_specs()  # PageSpec: key, title, handles; classes load on first show
        self.pages: dict[str, Page] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        nav_font = QFont(self.nav.font())
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self.nav.setFont(nav_font)
        for cls in self._classes:
            item = QListWidgetItem(cls.title)
            item.setData(NAV_KEY_ROLE, cls.key)
            item.setSizeHint(QSize(0, 40))
            self.nav.addItem(item)
        self.nav.setFixedWidth(max(140, self.nav.sizeHintForColumn(0) + 40))

        self.title_label = QLabel(self)
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.branch_label = QLabel("支部：", self)
        self.branch_combo = QComboBox(self)
        self.branch_combo.setMinimumContentsLength(16)
        self.branch_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.single_branch_label = QLabel(self)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.single_branch_label)
        top.addWidget(self.branch_label)
        top.addWidget(self.branch_combo)

        self.stack = QStackedWidget(self)
        self.opening_page = QWidget(self.stack)  # centred by stretches (no Qt alignment flags yet)
        self.opening_label = QLabel("正在打开数据库…", self.opening_page)
        self.opening_label.setEnabled(False)  # greyed: a state, not content
        centred = QHBoxLayout(self.opening_page)
        centred.addStretch(1)
        centred.addWidget(self.opening_label)
        centred.addStretch(1)
        self.stack.addWidget(self.opening_page)
        right = QVBoxLayout()
        right.setContentsMargins(12, 8, 12, 4)
        right.addLayout(top)
        right.addWidget(self.stack, 1)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self._build_menus()

        self.undo_button = QPushButton("撤销", self)  # brings back the last deletion (Ctrl+Z)
        self.undo_button.setFlat(True)
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_delete)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.db_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_status)

        self.nav.currentRowChanged.connect(self._show_row)
        self.branch_combo.currentIndexChanged.connect(self._branch_selected)
        self.branch_label.setVisible(False)
        self.branch_combo.setVisible(False)
        self.nav.setCurrentRow(0)
        self._fit_to_screen()
        self._after_paint: list[Callable[[], None]] = []
        self._first_paint = _FirstPaint(self, self._painted)
        if ctx is not None:
            self.attach(ctx)
        else:
            self.statusBar().showMessage("正在打开数据库…")
            for action in (self.action_open, self.action_demo, self.action_about):
                action.setEnabled(False)

    def when_painted(self, then: Callable[[], None]) -> None:
        """Run `then` right after the window has first been painted (so it is on screen first)."""
        if self._first_paint.fired:
            QTimer.singleShot(0, then)
        else:
            self._after_paint.append(then)

    def _painted(self) -> None:
        # Keyboard shortcuts wait for the first paint: a standard key sequence makes PySide create
        # every enum of the Qt namespace (~15-20 ms), and nobody presses Ctrl+O in the first 0.1 s.
        self.action_open.setShortcut(QKeySequence.StandardKey.Open)
        self.action_undo.setShortcut(QKeySequence.StandardKey.Undo)  # a text box with focus keeps its own Ctrl+Z
        self.action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        waiting, self._after_paint = self._after_paint, []
        for then in waiting:
            then()

    def attach(self, ctx: AppContext) -> None:
        """Show the database of `ctx`: its branches are read off the GUI thread, then the page chosen
        in the navigation column (`sig_ready`); until then the frame says 正在打开数据库…."""
        if self.ctx is not None and self.ctx is not ctx:  # another database: the old one's deletions are final
            from dangjian_desktop.services import undo

            undo.forget(self.ctx.undo.take_all())
        self.ctx = ctx
        self.db_status.setText(f"数据库：{ctx.db.path or ctx.db.url}")
        self.statusBar().clearMessage()
        ctx.runner.sig_status.connect(self._show_status)
        ctx.undo.sig_changed.connect(self._undo_changed)
        self._undo_changed()
        for action in (self.action_open, self.action_demo, self.action_about):
            action.setEnabled(True)
        self.reload_branches()

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _became_ready(self) -> None:
        self.ready = True
        self._show_row(self.nav.currentRow())
        self.ctx.prefetched.clear()  # read at start for 首页: not shown later, when it may be out of date
        if self.opening_page is not None:
            self.stack.removeWidget(self.opening_page)
            self.opening_page.deleteLater()
            self.opening_page = None
        self.sig_ready.emit()

    def _fit_to_screen(self) -> None:
        """1280×760 where there is room; never larger than the screen's free area (e.g. 1366×768 at 150 %).
        gui.fit.fit_to_screen does the same for dialogs; it is not imported here because gui.fit
        touches the Qt namespace, which the start-up keeps for after the first paint."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 720)
            return
        area = screen.availableGeometry()
        self.resize(min(1280, int(area.width() * 0.96)), min(760, int(area.height() * 0.92)))

    # -------------------------------------------------------------- menus

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self.action_open = QAction("打开其他数据库(&O)…", self)
        self.action_open.triggered.connect(self.sig_open_database.emit)
        self.action_demo = QAction("打开演示数据库(&D)", self)
        self.action_demo.triggered.connect(self.sig_open_demo.emit)
        self.action_quit = QAction("退出(&X)", self)
        self.action_quit.triggered.connect(self.close)
        self.action_undo = QAction("撤销删除(&U)", self)
        self.action_undo.setEnabled(False)
        self.action_undo.triggered.connect(self.undo_delete)
        edit_menu = self.menuBar().addMenu("编辑(&E)")
        edit_menu.addAction(self.action_undo)
        file_menu.addAction(self.action_open)
        file_menu.addAction(self.action_demo)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self.action_about = QAction("关于党支部工作台(&A)", self)
        self.action_about.triggered.connect(self.show_about)
        help_menu.addAction(self.action_about)

    # -------------------------------------------------------------- 撤销

    def _undo_changed(self) -> None:
        last = self.ctx.undo.last() if self.ctx is not None else None
        self.undo_button.setVisible(last is not None)
        self.action_undo.setEnabled(last is not None)
        if last is not None:
            self.undo_button.setText(f"撤销删除{last.what}")
            self.undo_button.setToolTip("恢复刚才删除的记录（Ctrl+Z）；关闭程序之前都可以撤销")
            self.action_undo.setText(f"撤销删除{last.what}(&U)")

    def undo_delete(self) -> None:
        """Bring back the last deletion (on the lane); every page shows it again."""
        from dangjian_desktop.services import undo

        last = self.ctx.undo.last() if self.ctx is not None else None
        if last is None or self._undoing:
            return
        self._undoing = True

        def restored(text: str) -> None:
            self.ctx.undo.pop()
            self.statusBar().showMessage(text, 8000)
            for page in self.pages.values():
                page.refresh()
            self.reload_branches()

        self.ctx.run(undo.restore, self.ctx.db, last, what=f"恢复{last.what}", parent=self, effect="write",
                     on_done=restored, on_end=lambda: setattr(self, "_undoing", False))

    def show_about(self) -> None:
        from dangjian_desktop.gui.about import AboutDialog

        self.about_dialog = AboutDialog(self.ctx.db, self)
        self.about_dialog.open()

    # -------------------------------------------------------------- branches

    def reload_branches(self) -> None:
        """Read the branches again (after a change); the switcher and the title follow."""
        from dangjian_desktop.services.branches import list_branches

        self.ctx.run(list_branches, self.ctx.db, what="读取支部", parent=self, key=(self, "branches"),
                     dialog=False, on_done=self._branches_loaded)

    def _branches_loaded(self, branches) -> None:
        self.ctx.branch_names = {b.id: b.name for b in branches}
        current = self.ctx.branch_id
        self.branch_combo.blockSignals(True)
        self.branch_combo.clear()
        for b in branches:
            self.branch_combo.addItem(b.name, b.id)
        ids = [b.id for b in branches]
        if current not in ids:
            remembered = self.ctx.config.get("last_branch", {}).get(str(self.ctx.db.path or self.ctx.db.url))
            current = remembered if remembered in ids else (ids[0] if ids else None)
        self.ctx.branch_id = current
        if current is not None:
            self.branch_combo.setCurrentIndex(ids.index(current))
        self.branch_combo.blockSignals(False)
        several = len(branches) > 1
        self.branch_combo.setVisible(several)
        self.branch_label.setVisible(several)
        self.single_branch_label.setVisible(not several)
        self.single_branch_label.setText(branches[0].name if len(branches) == 1 else "")
        self._update_title()
        if not self.ready:
            self._became_ready()

    def _branch_selected(self, index: int) -> None:
        if self.ctx is None:
            return
        branch_id = self.branch_combo.itemData(index)
        if branch_id is None or branch_id == self.ctx.branch_id:
            return
        self.ctx.branch_id = branch_id
        remembered = dict(self.ctx.config.get("last_branch", {}))
        remembered[str(self.ctx.db.path or self.ctx.db.url)] = branch_id
        self.ctx.config.set("last_branch", remembered)
        for page in self.pages.values():
            page.branch_changed()
        self._update_title()
        self.statusBar().showMessage(f"已切换到 {self.branch_combo.currentText()}", 3000)

    def _update_title(self) -> None:
        name = self.branch_combo.currentText() or self.single_branch_label.text()
        self.setWindowTitle(f"{name} - {APP_NAME}" if name else APP_NAME)

    # -------------------------------------------------------------- pages

    def page(self, key: str) -> Page:
        """The page with `key`, built the first time it is needed."""
        if key not in self.pages:
            spec = next(c for c in self._classes if c.key == key)
            page = spec.load()(self.ctx, self.stack)
            page.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
            page.sig_data_changed.connect(self._data_changed)
            page.sig_open_ref.connect(self.open_ref)
            page.sig_go.connect(self.go)
            page.sig_open_database.connect(self.sig_open_target.emit)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_page(self, key: str) -> Page | None:
        """Show the page `key` (None while the database is still opening: it is shown once ready)."""
        row = next(i for i, c in enumerate(self._classes) if c.key == key)
        self.nav.setCurrentRow(row)
        return self.pages.get(key)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        cls = self._classes[row]
        self.title_label.setText(cls.title)
        if self.ctx is None or not self.ready:  # still opening: the page is built once the data is there
            return
        page = self.page(cls.key)
        self.stack.setCurrentWidget(page)

    def go(self, key: str, action: str) -> None:
        """Show the page `key` and start its `action` (a first-day button of 首页)."""
        page = self.show_page(key)
        if page is not None and action:
            page.go(action)

    def _data_changed(self) -> None:
        sender = self.sender()
        for page in self.pages.values():
            if page is not sender:
                page.refresh()
        self.reload_branches()

    def open_ref(self, ref) -> None:
        """Open the record a finding or a link is about, on the page that handles it."""
        if not self.ready:
            return
        kind = ref[0]
        for cls in self._classes:
            if kind in cls.handles:
                self.show_page(cls.key).open_ref(ref)
                return
        self.statusBar().showMessage("没有可以打开这条记录的页面", 3000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx is not None:  # work that can stop does; the rest (a save) is waited for
            self.ctx.runner.cancel_all()
            self.ctx.runner.wait(10000)
            self.ctx.lane.wait(10000)
            from dangjian_desktop.services import undo

            undo.forget(self.ctx.undo.take_all())  # what was deleted is now gone for good
        super().closeEvent(event)
