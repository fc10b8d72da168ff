"""MEMBER-INACTIVE-6M for 党费: six consecutive months without paying dues is its own reason (党章),
whatever the member's attendance, so it is a finding of its own that names it.

Judged only on what is recorded: the run of consecutive months, each over by the day of the check,
whose ledger row shows nothing paid, counted back from the member's latest recorded month. A month
without a row is not known and ends the run (unknown is not unpaid); a member without any row is not
judged. A month counts as paid when its row shows a payment made by that day, or nothing due (免交).
Written against the `dues_payments` table as it stands (year, month, due, paid, paid_on); the 党费
ledger of issue 22 may add kinds (补缴, 预交, 免交) that `_paid` should then read.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from sqlalchemy import select

from dangjian_desktop.core import meetings as core
from dangjian_desktop.core import rules
from dangjian_desktop.core.dates import Period, add_months
from dangjian_desktop.core.findings import Finding
from dangjian_desktop.core.glossary import Severity
from dangjian_desktop.db import models as m
from dangjian_desktop.services.meetings.attendance import _roster_on


def _paid(due, paid, paid_on, as_of: date) -> bool:
    if due is not None and due == 0:
        return True
    return bool(paid) and paid > 0 and (paid_on is None or paid_on <= as_of)


def unpaid_run(months: dict[date, bool]) -> list[date]:
    """The months (first days) of the latest run of consecutive recorded months left unpaid."""
    run: list[date] = []
    for month in sorted(months, reverse=True):
        if months[month] or (run and add_months(month, 1) != run[-1]):
            break
        run.append(month)
    return run[::-1]


def unpaid_dues(s, ctx) -> Iterable[Finding]:
    """MEMBER-INACTIVE-6M (党费): members on the roll whose recorded dues are unpaid for months."""
    due_months = int(ctx.param(core.INACTIVE_RULE, "due_months"))
    overdue_months = int(ctx.param(core.INACTIVE_RULE, "overdue_months"))
    rule = rules.rule(core.INACTIVE_RULE)
    D, M = m.DuesPayment, m.Member
    months: dict[int, dict[date, bool]] = {}
    for member_id, year, month, due, paid, paid_on in s.connection().execute(
            select(D.member_id, D.year, D.month, D.due, D.paid, D.paid_on).join(M, M.id == D.member_id)
            .where(M.branch_id.in_(ctx.branch_ids))).all():
        if Period("M", year, month).end < ctx.as_of:  # a month is judged once it is over
            months.setdefault(member_id, {})[date(year, month, 1)] = _paid(due, paid, paid_on, ctx.as_of)
    if not months:
        return
    for branch_id in ctx.branch_ids:
        for p in _roster_on(ctx.roster(s).of_branch(branch_id), ctx.as_of):
            run = unpaid_run(months.get(p.id, {}))
            if len(run) < min(due_months, overdue_months):
                continue
            severity = Severity.OVERDUE if len(run) >= overdue_months else Severity.DUE
            since = run[0]
            text = f"自{since.year}年{since.month}月起已连续{len(run)}个月未交纳党费"
            if severity is Severity.OVERDUE:
                msg = f"无正当理由{text}，请尽快了解情况。{rule.text}（{rule.citation}）"
            else:
                msg = (f"{text}，满{overdue_months}个月将视为连续{overdue_months}个月不交纳党费，"
                       f"请及早提醒（依据{rule.citation}）。")
            yield Finding(core.INACTIVE_RULE, severity, p.name, add_months(since, overdue_months), msg,
                          ref=("member", p.id), branch_id=branch_id)
