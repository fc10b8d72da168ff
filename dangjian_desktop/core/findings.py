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
    # what a person reads where `subject` is a code ("2025年3月 支部委员会会议" for "committee 2025-03");
    # `subject` stays the documented JSON value
    title: str = field(default="", compare=False)

    @property
    def heading(self) -> str:
        """The subject as people read it (screens and `check`'s human output)."""
        return self.title or self.subject

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
