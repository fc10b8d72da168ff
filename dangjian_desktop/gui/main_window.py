"""The main window: a navigation column of pages, a branch switcher, a status bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget,
    QVBoxLayout, QWidget,
)

from dangjian_desktop import APP_NAME
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.pages import page_specs
from dangjian_desktop.gui.pages.base import Page
from dangjian_desktop.services.branches import list_branches


class MainWindow(QMainWindow):
    sig_open_database = Signal()  # the user asked to open another database file
    sig_open_demo = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
            item.setData(Qt.ItemDataRole.UserRole, cls.key)
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

        self.db_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_status)
        self.db_status.setText(f"数据库：{ctx.db.path or ctx.db.url}")

        self.nav.currentRowChanged.connect(self._show_row)
        self.branch_combo.currentIndexChanged.connect(self._branch_selected)
        self.reload_branches()
        self.nav.setCurrentRow(0)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """1280×760 where there is room; never larger than the screen's free area (e.g. 1366×768 at 150 %)."""
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
        self.action_open.setShortcut(QKeySequence.StandardKey.Open)
        self.action_open.triggered.connect(self.sig_open_database.emit)
        self.action_demo = QAction("打开演示数据库(&D)", self)
        self.action_demo.triggered.connect(self.sig_open_demo.emit)
        self.action_quit = QAction("退出(&X)", self)
        self.action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.action_quit.triggered.connect(self.close)
        file_menu.addAction(self.action_open)
        file_menu.addAction(self.action_demo)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self.action_about = QAction("关于党支部工作台(&A)", self)
        self.action_about.triggered.connect(self.show_about)
        help_menu.addAction(self.action_about)

    def show_about(self) -> None:
        from dangjian_desktop.gui.about import AboutDialog

        self.about_dialog = AboutDialog(self.ctx.db, self)
        self.about_dialog.open()

    # -------------------------------------------------------------- branches

    def reload_branches(self) -> None:
        branches = list_branches(self.ctx.db)
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

    def _branch_selected(self, index: int) -> None:
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
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_page(self, key: str) -> Page:
        row = next(i for i, c in enumerate(self._classes) if c.key == key)
        self.nav.setCurrentRow(row)
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        cls = self._classes[row]
        page = self.page(cls.key)
        self.stack.setCurrentWidget(page)
        self.title_label.setText(cls.title)

    def _data_changed(self) -> None:
        sender = self.sender()
        for page in self.pages.values():
            if page is not sender:
                page.refresh()
        self.reload_branches()

    def open_ref(self, ref) -> None:
        """Open the record a finding or a link is about, on the page that handles it."""
        kind = ref[0]
        for cls in self._classes:
            if kind in cls.handles:
                self.show_page(cls.key).open_ref(ref)
                return
        self.statusBar().showMessage("没有可以打开这条记录的页面", 3000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.lane.wait(10000)
        super().closeEvent(event)
