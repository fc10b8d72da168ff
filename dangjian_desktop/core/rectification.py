"""组织生活会 整改: an item's state on a day, from its deadline and its 销号 (pure rules, no database)."""

from __future__ import annotations

from datetime import date, timedelta

OPEN, DUE, OVERDUE, CLOSED = "open", "due", "overdue", "closed"
STATE_LABELS = {OPEN: "整改中", DUE: "即将到期", OVERDUE: "已逾期", CLOSED: "已销号"}


def state(deadline: date, closed_on: date | None, as_of: date, due_days: int) -> str:
    """已销号 once closed by `as_of`; else 已逾期 after the deadline, 即将到期 within `due_days` of it
    (the deadline itself included), else 整改中."""
    if closed_on is not None and closed_on <= as_of:
        return CLOSED
    if deadline < as_of:
        return OVERDUE
    if deadline - timedelta(days=due_days) <= as_of:
        return DUE
    return OPEN
