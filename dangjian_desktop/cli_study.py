"""`dangjian study`: the 学时 commands (cli.md), beside the rest of the command line in cli.py."""

from __future__ import annotations

import argparse
from pathlib import Path

from dangjian_desktop.cli import (
    _add_import,
    _date,
    _on_branch,
    _on_branches,
    _out,
    _Parser,
    _print_import,
    _print_json,
    _reads_only,
)

KINDS = ("group_study", "lecture", "training", "online")  # core.glossary.StudyKind, without importing it for --help


def cmd_study_record(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.study import hours_text
    from dangjian_desktop.services.study import record_study

    branch, done = _on_branch(args, lambda db, b: record_study(db, b.id, [args.member], args.date, args.kind,
                                                               args.hours, topic=args.topic or ""))
    for e in done:
        topic = f"“{e.topic}”" if e.topic else ""
        _out(f"已登记：{branch.name} {e.member} {e.studied_on.isoformat()} {e.kind.label}{topic} "
             f"{hours_text(e.hours)} 学时")
    return 0


def cmd_study_edit(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.study import hours_text
    from dangjian_desktop.errors import NotFound
    from dangjian_desktop.services.study import edit_study

    def work(db, b):
        old = _recorded(db, b, args.id)
        if old is None:
            raise NotFound(f"{b.name}没有编号为 {args.id} 的学习记录（编号见 study list --json 的 id；"
                           "党课、主题党日按出席记录自动计入的没有编号，请在会议记录中修改出席情况）。")
        return edit_study(db, args.id, studied_on=args.date or old.studied_on, kind=args.kind or old.kind,
                          hours=args.hours if args.hours is not None else old.hours,
                          topic=args.topic if args.topic is not None else old.topic, source=old.source)

    branch, e = _on_branch(args, work)
    topic = f"“{e.topic}”" if e.topic else ""
    _out(f"已修改：{branch.name} {e.member} {e.studied_on.isoformat()} {e.kind.label}{topic} {hours_text(e.hours)} 学时")
    return 0


def _recorded(db, branch, record_id: int):
    """The recorded session `record_id` of the branch's member (None: not one of theirs)."""
    from dangjian_desktop.services.study import get_study

    e = get_study(db, record_id)
    return e if e is not None and e.branch_id == branch.id else None


def cmd_study_import(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.study_import import import_study

    branch, report = _on_branch(args, lambda db, b: import_study(db, b.id, Path(args.file), dry_run=args.dry_run,
                                                                 sheet=args.sheet))
    _print_import(branch, report, args.dry_run)
    return 0


def cmd_study_list(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.study import hours_text
    from dangjian_desktop.services.study import list_year, year_view

    if args.json:
        results = _on_branches(args, lambda db, b: list_year(db, b.id, args.year))
        _print_json([{**e.as_json(), "branch": branch.name} for branch, rows in results for e in rows])
        return 0
    results = _on_branches(args, lambda db, b: year_view(db, b.id, args.year))
    for i, (branch, view) in enumerate(results):
        if i:
            _out()
        if not view.rows:
            _out(f"{branch.name}{args.year}年没有在册党员。")
            continue
        _out(f"{branch.name}{args.year}年学时：{len(view.rows)} 人，未达标 {len(view.below)} 人"
             f"（截至{view.as_of.isoformat()}；{view.settings_text()}）")
        for r in view.rows:
            kinds = "  ".join(f"{k.label} {hours_text(v)}" for k, v in r.by_kind.items() if v)
            _out(f"  {r.name}\t合计 {hours_text(r.total)}/{hours_text(r.target)} 学时  {r.status_text}"
                 + (f"  （{kinds}）" if kinds else ""))
    return 0


def add_study(sub) -> None:
    p = sub.add_parser("study", help="学时：登记、导入党员的学习学时，查看全年是否达标")
    ssub = p.add_subparsers(dest="study_command", metavar="SUBCOMMAND", parser_class=_Parser)
    ssub.required = True
    q = ssub.add_parser("record", help="登记一名党员的一次学习")
    q.add_argument("member", metavar="MEMBER", help="姓名（本支部唯一）或身份证号")
    q.add_argument("--date", required=True, type=_date, help="学习日期 YYYY-MM-DD")
    q.add_argument("--kind", required=True, choices=KINDS, metavar="KIND",
                   help="group_study（集中学习）、lecture（党课）、training（专题培训）、online（网上学习）")
    q.add_argument("--hours", required=True, help="学时，如 2 或 1.5")
    q.add_argument("--topic", help="主题或课程名称")
    q.add_argument("--branch")
    q.set_defaults(handler=cmd_study_record)
    q = ssub.add_parser("edit", help="修改一条登记的学习记录（没写的选项不变）")
    q.add_argument("id", metavar="ID", type=int, help="学习记录编号（见 study list --json 的 id）")
    q.add_argument("--date", type=_date, help="学习日期 YYYY-MM-DD")
    q.add_argument("--kind", choices=KINDS, metavar="KIND",
                   help="group_study（集中学习）、lecture（党课）、training（专题培训）、online（网上学习）")
    q.add_argument("--hours", help="学时，如 2 或 1.5")
    q.add_argument("--topic", help="主题或课程名称")
    q.add_argument("--branch")
    q.set_defaults(handler=cmd_study_edit)
    _add_import(ssub, "导入学时表（网上学习平台导出的，或自己整理的：姓名或身份证号、日期、学时、课程）", cmd_study_import)
    q = ssub.add_parser("list", help="一年的学时：每人每次学习；给人看的输出是每人合计与是否达标")
    q.add_argument("--year", required=True, type=int)
    q.add_argument("--branch")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_study_list)
    _reads_only(q)
