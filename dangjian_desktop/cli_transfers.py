"""`dangjian members transfer-out` and `transfer-in`: 组织关系转接 (cli.md), beside the rest of the command line."""

from __future__ import annotations

import argparse

from dangjian_desktop.cli import _date, _on_branch, _on_branches, _out, _print_json, _reads_only

# ------------------------------------------------------------------ 组织关系转接 (issue 24)


def cmd_transfer_out(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.dates import cn
    from dangjian_desktop.services.dues import find_member
    from dangjian_desktop.services.transfers import DEFAULT_VALID_DAYS, dues_paid_to, transfer_out

    def work(db, branch):
        member_id, _name = find_member(db, branch.id, args.member)
        return transfer_out(db, member_id, args.to, args.on, reason=args.reason or "", letter_no=args.letter_no or "",
                            valid_days=args.valid_days or DEFAULT_VALID_DAYS, paid_to=dues_paid_to(db, member_id))

    branch, t = _on_branch(args, work)
    _out(f"已办理转出：{branch.name} {t.name}于{cn(t.moved_on)}转往{t.other_org}，自当日起不在本支部名册上"
         f"（记录保留在“历史”中）。")
    _out(f"开具组织关系介绍信：dangjian export transfer-letter --id {t.member_id} --out {t.name}组织关系介绍信.docx")
    return 0


def cmd_transfer_in(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.dates import cn
    from dangjian_desktop.core.glossary import MemberStatus
    from dangjian_desktop.services.transfers import transfer_in

    branch, member = _on_branch(args, lambda db, b: transfer_in(
        db, b.id, name=args.name, id_number=args.id_number, from_org=getattr(args, "from"), on=args.on,
        letter_no=args.letter_no or "", status=MemberStatus(args.status), joined_on=args.joined_on,
        full_member_on=args.full_member_on))
    _out(f"已办理转入：{member.name}（{member.status.label}）由{getattr(args, 'from').strip()}转入{branch.name}，"
         f"自{cn(args.on)}起在名册上（编号 {member.id}）。")
    missing = [w for w, d in (("入党日期", member.joined_on), ("转正日期", member.full_member_on
                                                           if member.status is MemberStatus.FULL else True)) if not d]
    if missing:
        _out(f"提示：介绍信上没有{'、'.join(missing)}，请对照党员档案在党员页面补上。")
    return 0


def cmd_transfers(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.dates import cn
    from dangjian_desktop.services.transfers import list_transfers

    results = _on_branches(args, lambda db, b: list_transfers(db, b.id, year=args.year))
    if args.json:
        _print_json([{**t.as_json(), "branch": branch.name} for branch, rows in results for t in rows])
        return 0
    for i, (branch, rows) in enumerate(results):
        if i:
            _out()
        _out(f"{branch.name}：转出 {sum(1 for t in rows if t.direction.value == 'out')} 人，"
             f"转入 {sum(1 for t in rows if t.direction.value == 'in')} 人")
        for t in rows:
            way = f"转往{t.other_org}" if t.direction.value == "out" else f"由{t.other_org}转入"
            letter = f"，介绍信第{t.letter_no}号" if t.letter_no else ""
            receipt = f"，回执{t.receipt_text}" if t.receipt_text else ""
            _out(f"  {t.id:>5}  {t.direction.label}  {t.name}  {cn(t.moved_on)}{way}{letter}{receipt}")
    return 0


def _own(db, branch, transfer_id: int):
    from dangjian_desktop.errors import NotFound
    from dangjian_desktop.services.transfers import get_transfer

    t = get_transfer(db, transfer_id)
    if t.branch_id != branch.id:
        raise NotFound(f"{branch.name}没有编号为 {transfer_id} 的组织关系转接记录（见 members transfers）。")
    return t


def cmd_transfer_edit(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.dates import cn
    from dangjian_desktop.services.transfer_edits import update_transfer

    def work(db, branch):
        t = _own(db, branch, args.id)
        keep = lambda given, old: old if given is None else given  # noqa: E731 - an option not given keeps its value
        return update_transfer(db, t.id, other_org=keep(args.org, t.other_org), on=keep(args.on, t.moved_on),
                               reason=keep(args.reason, t.reason), letter_no=keep(args.letter_no, t.letter_no),
                               version=t.version)

    _branch, t = _on_branch(args, work)
    way = f"转往{t.other_org}" if t.direction.value == "out" else f"由{t.other_org}转入"
    _out(f"已修改{t.name}的{t.direction.label}记录：{cn(t.moved_on)}{way}"
         + (f"，介绍信第{t.letter_no}号" if t.letter_no else "") + "。")
    return 0


def cmd_transfer_cancel(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.transfer_edits import withdraw_transfer

    def work(db, branch):
        t = _own(db, branch, args.id)
        withdraw_transfer(db, t.id, version=t.version)
        return t

    _branch, t = _on_branch(args, work)
    if t.direction.value == "out":
        _out(f"已撤销{t.name}的转出：{t.name}回到本支部名册上，历史中的这条转出记录已去掉。")
    else:
        _out(f"已撤销{t.name}的转入：{t.name}的党员记录已删除。")
    _out("命令行不能撤销删除；如需恢复，请重新办理，或在图形界面中操作（图形界面在关闭前可以撤销删除）。")
    return 0


def add_transfers(msub) -> None:
    """The two subcommands under `members` (cli.py registers them with one line)."""
    q = msub.add_parser("transfer-out", help="转出：党员组织关系转往其他党组织，自当日起离开本支部名册")
    q.add_argument("member", metavar="MEMBER", help="姓名（本支部唯一）或身份证号")
    q.add_argument("--to", required=True, metavar="ORG", help="转往的党组织")
    q.add_argument("--on", required=True, type=_date, metavar="YYYY-MM-DD", help="转出日期")
    q.add_argument("--reason", help="转出原因，如工作调动、升学")
    q.add_argument("--letter-no", help="组织关系介绍信编号（第 号）")
    q.add_argument("--valid-days", type=int, help="介绍信有效期（天，默认30）")
    q.add_argument("--branch")
    q.set_defaults(handler=cmd_transfer_out)
    q = msub.add_parser("transfer-in", help="转入：凭组织关系介绍信登记转来的党员，自转入日期起在名册上")
    q.add_argument("--name", required=True, metavar="NAME")
    q.add_argument("--id-number", required=True, metavar="ID", help="公民身份号码（18位）")
    q.add_argument("--from", required=True, metavar="ORG", help="从哪个党组织转来")
    q.add_argument("--on", required=True, type=_date, metavar="YYYY-MM-DD", help="转入日期")
    q.add_argument("--letter-no", metavar="TEXT", help="介绍信编号")
    q.add_argument("--status", choices=("full", "probationary"), default="full",
                   help="full（正式党员，默认）或 probationary（预备党员）")
    q.add_argument("--joined-on", type=_date, metavar="YYYY-MM-DD", help="入党日期（介绍信上没有，可以以后补）")
    q.add_argument("--full-member-on", type=_date, metavar="YYYY-MM-DD", help="转正日期")
    q.add_argument("--branch")
    q.set_defaults(handler=cmd_transfer_in)
    q = msub.add_parser("transfers", help="列出组织关系转出、转入（带编号，供修改、撤销用）")
    q.add_argument("--year", type=int, metavar="Y", help="只列这一年的")
    q.add_argument("--branch")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_transfers)
    _reads_only(q)
    q = msub.add_parser("transfer-edit", help="修改录错的转出或转入：党组织、日期、原因、介绍信编号（没写的不变）")
    q.add_argument("id", metavar="ID", type=int, help="转接记录编号（见 members transfers）")
    q.add_argument("--org", metavar="ORG", help="转往（转出）或来自（转入）的党组织")
    q.add_argument("--on", type=_date, metavar="YYYY-MM-DD", help="转出或转入日期：离开或进入名册的日期随之改变")
    q.add_argument("--reason", metavar="TEXT")
    q.add_argument("--letter-no", metavar="TEXT", help="介绍信编号")
    q.add_argument("--branch")
    q.set_defaults(handler=cmd_transfer_edit)
    q = msub.add_parser("transfer-cancel", help="撤销误录的转出（党员回到名册）或转入（删除此人的记录）")
    q.add_argument("id", metavar="ID", type=int, help="转接记录编号（见 members transfers）")
    q.add_argument("--branch")
    q.set_defaults(handler=cmd_transfer_cancel)
