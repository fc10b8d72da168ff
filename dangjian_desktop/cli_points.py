"""`dangjian points`: the 党员积分 commands (cli.md), beside the rest of the command line in cli.py."""

from __future__ import annotations

import argparse

from dangjian_desktop.cli import _date, _on_branch, _on_branches, _out, _Parser, _print_json, _reads_only

# ------------------------------------------------------------------ 党员积分 (issue 23)


def cmd_points_add(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.dates import cn
    from dangjian_desktop.services.points import add_entry, fmt

    branch, e = _on_branch(args, lambda db, b: add_entry(db, b.id, args.member, args.date, args.points, args.reason,
                                                                 item=args.item))
    _out(f"已登记：{branch.name} {e.member} {cn(e.awarded_on)} {e.item} {fmt(e.points, signed=True)} 分（{e.reason}）")
    return 0


def cmd_points_list(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.points import fmt, year_points

    results = _on_branches(args, lambda db, b: year_points(db, b.id, args.year))
    if args.json:
        _print_json([{"member": r.name, "points": _number(r.total), "rank": r.rank, "member_id": r.member_id,
                      "items": {i.name: _number(v) for i, v in zip(p.items, r.by_item)}, "branch": branch.name}
                     for branch, p in results for r in p.rows])
        return 0
    for k, (branch, p) in enumerate(results):
        if k:
            _out()
        if not p.rows:
            _out(f"{branch.name}{args.year}年没有党员。")
            continue
        _out(f"{branch.name}{args.year}年党员积分（截至{p.as_of.isoformat()}，{len(p.rows)} 人）：")
        for r in p.rows:
            parts = "，".join(f"{i.name}{fmt(v, signed=True)}" for i, v in zip(p.items, r.by_item) if v)
            _out(f"  {r.rank:>3}. {r.name}\t{fmt(r.total)} 分" + (f"（{parts}）" if parts else ""))
    return 0


def _number(d):
    return int(d) if d == d.to_integral_value() else float(d)


def add_points(sub) -> None:
    p = sub.add_parser("points", help="党员积分：手工加减分、年度积分和排名")
    psub = p.add_subparsers(dest="points_command", metavar="SUBCOMMAND", parser_class=_Parser)
    psub.required = True
    q = psub.add_parser("add", help="给一名党员手工加分或扣分（写明事由）")
    q.add_argument("member", metavar="MEMBER", help="姓名（本支部唯一）或身份证号")
    q.add_argument("--date", required=True, type=_date, help="日期 YYYY-MM-DD")
    q.add_argument("--points", required=True, metavar="N", help="分值，扣分写负数，如 -5")
    q.add_argument("--reason", required=True, metavar="TEXT", help="事由")
    q.add_argument("--item", metavar="NAME", help="积分规则中的手工项目（如 志愿服务），计入该项并受其年度上限；不写则记在“其他加减分”")
    q.add_argument("--branch")
    q.set_defaults(handler=cmd_points_add)
    q = psub.add_parser("list", help="一年的积分：每人合计（含自动计分和手工加减分），按名次")
    q.add_argument("--year", required=True, type=int)
    q.add_argument("--branch")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_points_list)
    _reads_only(q)
