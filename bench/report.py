"""One benchmark figure's outcome, and the table printed for people and for the README."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


class NotAvailable(Exception):
    """The feature a figure measures has not landed yet: print that, never a number."""


@dataclass
class Figure:
    """What was measured, against what target and which baseline (measured in the same run)."""

    key: str
    label: str
    target: str  # as people read it, e.g. "≤ 50 ms/次按键" or "≤ 1.5 × 基准"
    unit: str = "ms"
    measured: float | None = None
    limit: float | None = None  # the number `measured` must not exceed
    baseline: float | None = None
    baseline_label: str = ""
    samples: list[float] = field(default_factory=list)
    note: str = ""
    available: bool = True

    @property
    def passed(self) -> bool | None:
        if not self.available or self.measured is None or self.limit is None:
            return None
        return self.measured <= self.limit

    def fmt(self, value: float | None) -> str:
        if value is None:
            return "—"
        if self.unit == "MB":
            return f"{value:.0f} MB"
        if self.unit == "s":
            return f"{value:.2f} s"
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"

    def row(self) -> list[str]:
        if not self.available:
            return [self.label, "not yet available", self.target, "—", "—"]
        baseline = f"{self.fmt(self.baseline)}（{self.baseline_label}）" if self.baseline is not None else "—"
        verdict = {True: "通过", False: "未达标", None: "—"}[self.passed]
        measured = self.fmt(self.measured)
        if self.limit is not None and self.baseline is not None:
            measured += f"（上限 {self.fmt(self.limit)}）"
        return [self.label, measured, self.target, baseline, verdict]


def median(values: list[float]) -> float:
    return statistics.median(values)


HEADERS = ["项目", "实测", "目标", "基准（同次测量）", "结果"]


def markdown(figures: list[Figure]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for f in figures:
        lines.append("| " + " | ".join(f.row()) + " |")
    return "\n".join(lines)


def plain(figures: list[Figure]) -> str:
    rows = [HEADERS] + [f.row() for f in figures]

    def width(text: str) -> int:  # CJK characters take two columns in a terminal
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    widths = [max(width(r[i]) for r in rows) for i in range(len(HEADERS))]
    out = []
    for n, r in enumerate(rows):
        out.append("  ".join(cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(r)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    notes = [f"- {f.label}：{f.note}" for f in figures if f.note]
    return "\n".join(out + ([""] + notes if notes else []))
