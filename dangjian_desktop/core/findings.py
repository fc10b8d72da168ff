"""A finding: something overdue, due soon, or against a rule, as `check` reports it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dangjian_desktop.core.glossary import Severity


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    subject: str
    date: date | None
    message: str
    # What the finding is about, so a click can open it: ("member", 12), ("meeting", 3),
    # ("applicant", 7), ("missing_meeting", "committee 2025-03"), ("branch", 1).
    ref: tuple[str, object] | None = field(default=None, compare=False)
    branch_id: int | None = field(default=None, compare=False)
    # the subject as people read it, where `subject` is a code (`committee 2025-03` → 支部委员会会议 2025年3月)
    label: str = field(default="", compare=False)

    @property
    def shown_subject(self) -> str:
        """What a person reads as the subject: Chinese, never a code."""
        return self.label or self.subject

    heading = shown_subject  # (the name the screens use)

    @property
    def shown_message(self) -> str:
        """The message under its kind: “资料待补” is said once, by the kind."""
        return self.message.removeprefix("资料待补：") if self.kind == "资料待补" else self.message

    @property
    def kind(self) -> str:
        """What a person reads as the kind of finding: 资料待补 for missing material, else the severity."""
        return "资料待补" if self.severity is Severity.INFO and self.message.startswith("资料待补") \
            else self.severity.label

    def as_json(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "subject": self.subject,
            "date": self.date.isoformat() if self.date else None,
            "message": self.message,
        }


def sort_key(f: Finding):
    """Most urgent first: severity, then the oldest date."""
    return (f.severity.rank, f.date or date.max, f.rule, f.subject)
