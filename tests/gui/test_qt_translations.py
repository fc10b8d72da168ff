"""Qt's own file dialog speaks Chinese: the strings Qt's zh_CN catalogue lacks are shipped by us."""

from __future__ import annotations

import re
import subprocess
import sys

from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel

from dangjian_desktop import paths
from dangjian_desktop.gui.app import install_own_translations


def test_the_real_file_dialog_has_chinese_labels(qtbot, tmp_path):
    assert install_own_translations(QApplication.instance())
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt = QTranslator()
    assert qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    QApplication.installTranslator(qt)
    install_own_translations(QApplication.instance())  # ours after Qt's, as the program does
    try:
        dialog = QFileDialog(None, "导入花名册", str(tmp_path), "Excel 工作簿 (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = {w.text() for w in dialog.findChildren(QLabel)} | {w.text() for w in dialog.findChildren(QAbstractButton)}
        english = sorted(t for t in texts if re.search("[A-Za-z]{2,}", t.replace("&", "")))
        assert english == []
        assert {"位置(&L)：", "文件类型(&T)："} <= texts
    finally:
        QApplication.removeTranslator(qt)


def test_the_shipped_catalogue_is_compiled_from_its_source(tmp_path):
    source = paths.resource("i18n", "dangjian_qt_zh_CN.ts")
    fresh = tmp_path / "fresh.qm"
    lrelease = [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import lrelease; "
                "sys.argv[0] = 'pyside6-lrelease'; lrelease()", str(source), "-qm", str(fresh)]
    subprocess.run(lrelease, check=True, capture_output=True)
    assert fresh.read_bytes() == paths.resource("i18n", "dangjian_qt_zh_CN.qm").read_bytes()
