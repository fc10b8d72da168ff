"""The first-run dialog: create the branch, or open a demo database to look around first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dangjian_desktop.gui.forms.ui_first_run import Ui_FirstRunDialog


class FirstRunDialog(QDialog):
    """Returns Accepted with `choice` "create" (fields filled) or "demo"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_FirstRunDialog()
        self.form.setupUi(self)
        self.choice: str | None = None
        ok = self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("创建并开始使用")
        self.form.buttonBox.accepted.connect(self._create)
        self.form.buttonBox.rejected.connect(self.reject)
        self.form.demoButton.clicked.connect(self._demo)
        self.form.branchEdit.textChanged.connect(self._validate)
        self.setMinimumWidth(560)
        self._validate()

    def _validate(self) -> None:
        ok = self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.form.branchEdit.text().strip()))

    @property
    def branch_name(self) -> str:
        return self.form.branchEdit.text().strip()

    @property
    def parent_org(self) -> str:
        return self.form.parentEdit.text().strip()

    @property
    def secretary(self) -> str:
        return self.form.secretaryEdit.text().strip()

    @property
    def groups(self) -> list[str]:
        text = self.form.groupsEdit.text().replace("，", ",").replace("、", ",")
        return [g.strip() for g in text.split(",") if g.strip()]

    def show_error(self, message: str) -> None:
        self.form.errorLabel.setText(message)

    def _create(self) -> None:
        if not self.branch_name:
            self.show_error("请填写支部名称。")
            return
        self.choice = "create"
        self.accept()

    def _demo(self) -> None:
        self.choice = "demo"
        self.accept()
