"""Before the annual report is written: the two paragraphs only the secretary can write (不足, 打算)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dangjian_desktop.gui.forms.ui_annual_report_texts import Ui_AnnualReportTextsDialog

# ExportRequest.texts keys the annual report reads (services.annual_report); not imported here:
# that module loads python-docx, which the 报表 page loads off the GUI thread
PARTS = ("shortcomings", "plans")


class AnnualReportTextsDialog(QDialog):
    """Window-modal and opened with open(): the export starts on `accepted`, so tests type and click."""

    def __init__(self, parent: QWidget | None, year: int, texts: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_AnnualReportTextsDialog()
        self.form.setupUi(self)
        self.setWindowTitle(f"{year}年度组织生活情况报告")
        ok = self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("生成报告")
        self.form.buttonBox.accepted.connect(self.accept)
        self.form.buttonBox.rejected.connect(self.reject)
        texts = texts or {}
        self.form.shortcomingsEdit.setPlainText(texts.get("shortcomings", ""))
        self.form.plansEdit.setPlainText(texts.get("plans", ""))
        em = self.fontMetrics().horizontalAdvance("中")  # sized in characters: right at any scaling
        self.resize(em * 46, self.fontMetrics().height() * 30)

    def texts(self) -> dict[str, str]:
        return {"shortcomings": self.form.shortcomingsEdit.toPlainText().strip(),
                "plans": self.form.plansEdit.toPlainText().strip()}
