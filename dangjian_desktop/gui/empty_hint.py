"""What an empty page says: what to do first, with the button that does it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyHint(QFrame):
    """A framed line of advice with buttons; shown by the page while it has nothing to show."""

    def __init__(self, text: str, actions: list[tuple[str, Callable[[], None]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyHint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#emptyHint { background: #fff8e1; border: 1px solid #e0c97f; border-radius: 4px; }")
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for title, slot in actions:
            button = QPushButton(title, self)
            button.clicked.connect(slot)
            self.buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()
