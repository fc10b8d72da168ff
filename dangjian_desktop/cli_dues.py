"""`dangjian dues`: the 党费 commands (cli.md), beside the rest of the command line in cli.py."""

from __future__ import annotations

import argparse
from pathlib import Path

from dangjian_desktop.cli import _add_import, _on_branch, _on_branches, _out, _Parser, _print_json, _reads_only

# ------------------------------------------------------------------ 党费 (issue 22)


def _month(text: str) -> int:
    from dangjian_desktop.core.dues import parse_month

    try:
        return parse_month(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_dues_record(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.dues import month_label
    from dangjian_desktop.core.glossary import DuesKind
    from dangjian_desktop.services.dues import record_payment

    kind = DuesKind(args.kind)
    branch, done = _on_branch(args, lambda db, b: record_payment(
        db, b.id, args.member, args.month, kind=kind, amount=args.amount, months=args.months, note=args.note or ""))
    for d in done:
        amount = "免缴" + (f"（{d.note}）" if d.note else "") if d.kind is DuesKind.EXEMPT else \
            f"{d.kind.label} {d.paid:.2f} 元（应缴 {d.due:.2f} 元）"
        _out(f"已登记：{branch.name} {d.member} {month_label(d.month)} {amount}")
    return 0


def cmd_dues_list(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.dues import month_label
    from dangjian_desktop.services.dues import list_year

    results = _on_branches(args, lambda db, b: list_year(db, b.id, args.year))
    if args.json:
        _print_json([{**d.as_json(), "branch": branch.name} for branch, rows in results for d in rows])
        return 0
    for i, (branch, rows) in enumerate(results):
        if i:
            _out()
        if not rows:
            _out(f"{branch.name}{args.year}年没有需要交纳党费的党员。")
            continue
        due = sum((d.due for d in rows if d.due is not None), start=0)
        paid = sum((d.paid for d in rows), start=0)
        unpaid = [d for d in rows if not d.settled]
        _out(f"{branch.name}{args.year}年党费：应缴 {due:.2f} 元，实缴 {paid:.2f} 元，未交 {len(unpaid)} 人次")
        for d in rows:
            when = f"（{d.paid_on.isoformat()}）" if d.paid_on else ""
            due_text = f"{d.due:.2f}" if d.due is not None else "未定基数"
            _out(f"  {d.member}\t{month_label(d.month)}  应缴 {due_text}  实缴 {d.paid:.2f}  {d.status_text}{when}")
    return 0


def cmd_dues_import(args: argparse.Namespace) -> int:
    from dangjian_desktop.cli import _print_import
    from dangjian_desktop.services.dues_import import import_dues

    branch, report = _on_branch(args, lambda db, b: import_dues(db, b.id, Path(args.file), dry_run=args.dry_run,
                                                               sheet=args.sheet))
    _print_import(branch, report, args.dry_run)
    return 0


def add_dues(sub) -> None:
    from dangjian_desktop.core.glossary import DuesKind

    p = sub.add_parser("dues", help="党费：按月登记实缴、补缴、预交、免缴")
    dsub = p.add_subparsers(dest="dues_command", metavar="SUBCOMMAND", parser_class=_Parser)
    dsub.required = True
    q = dsub.add_parser("record", help="登记一名党员一个月（预交可几个月）的党费")
    q.add_argument("member", metavar="MEMBER", help="姓名（本支部唯一）或身份证号")
    q.add_argument("--month", required=True, type=_month, help="月份 YYYY-MM")
    q.add_argument("--amount", help="每月金额（默认：应缴）")
    q.add_argument("--kind", choices=[k.value for k in DuesKind], default=DuesKind.PAID.value,
                   help="、".join(f"{k.value}（{k.label}）" for k in DuesKind))
    q.add_argument("--months", type=int, default=1, help="预交的月数")
    q.add_argument("--note", help="免缴的批准情况，或补缴的原因")
    q.add_argument("--branch")
    q.set_defaults(handler=cmd_dues_record)
    _add_import(dsub, "导入党费收缴表（一人一行，一月一列实缴金额）", cmd_dues_import)
    q = dsub.add_parser("list", help="一年的党费：每人每月应缴、实缴")
    q.add_argument("--year", required=True, type=int)
    q.add_argument("--branch")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_dues_list)
    _reads_only(q)
