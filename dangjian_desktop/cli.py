"""`dangjian`: the headless twin of the GUI, over the same services (reference: docs/cli.md).

Exit codes: 0 done; 1 the user's input was refused (one line per problem on stderr,
nothing written); 2 wrong usage; 3 the database is busy (a 党支部工作台 window has it and the
command would write, or another program holds it locked). A traceback is never the answer to
user input, nor to a full disk, a read-only folder or a removed file. When the database has a
password, no command runs before it was given (`_open`).

Each command says whether it only reads (`access="read"`): such a command still runs while a
window has the database open, as a read-only guest that cannot disturb the window (db.engine).
Every other command may write and is refused with exit 3 while a window has the database.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from dangjian_desktop import paths
from dangjian_desktop.db import is_url  # (without SQLAlchemy: `--help` and usage errors need none of it)
from dangjian_desktop.errors import DatabaseBusy, DomainError, InputErrors

if TYPE_CHECKING:
    from dangjian_desktop.db.engine import Database

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """Wrong usage detected after parsing (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese-friendly error output; still exits 2 on wrong usage."""

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        from dangjian_desktop.cli_words import tidy

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：用法错误：{tidy(message)}\n")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效日期，请写成 YYYY-MM-DD，例如 2025-07-01") from None


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


# ------------------------------------------------------------------ opening the database


def _db_target(args: argparse.Namespace) -> str | Path:
    if args.db:
        return args.db if is_url(args.db) else Path(args.db)
    return paths.default_database()


def _shown_target(args: argparse.Namespace) -> str:
    """The database as printed for people: a server URL without its password."""
    target = _db_target(args)
    if is_url(target):
        from dangjian_desktop.db.shared import safe_url

        return safe_url(str(target))
    return str(target)


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Every command opens its database here, so none of them runs before the password was given."""
    from dangjian_desktop.db.engine import open_database

    db = open_database(_db_target(args), create=create, access=getattr(args, "access", "write"))
    try:
        _unlock(db)
    except BaseException:
        db.close()
        raise
    return db


PASSWORD_ENV = "DANGJIAN_PASSWORD"
_PROMPTS = 3  # tries at a terminal prompt, while no wait is due (the first wrong ones are free)


def _unlock(db: Database) -> None:
    """The program password, as in the window (cli.md): DANGJIAN_PASSWORD if set, else a prompt
    without echo on a terminal, else refused. Wrong tries count and wait as they do in the window."""
    from dangjian_desktop.services import security

    if not security.has_password(db):
        return
    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        _try_password(db, given)
        return
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise DomainError(f"数据库已设置密码：请在终端中运行并按提示输入密码，或用环境变量 {PASSWORD_ENV} 提供密码。"
                          "命令没有执行。")
    import getpass

    for left in range(_PROMPTS - 1, -1, -1):
        try:
            attempt = getpass.getpass("数据库已设置密码，请输入密码（输入时不显示）：")
        except (EOFError, KeyboardInterrupt):
            raise DomainError("没有输入密码，命令没有执行。") from None
        try:
            _try_password(db, attempt)
            return
        except _WrongPassword as wrong:
            if left == 0 or wrong.wait > 0:
                raise
            sys.stderr.write(f"{wrong}\n")


class _WrongPassword(DomainError):
    def __init__(self, message: str, wait: float) -> None:
        super().__init__(message)
        self.wait = wait


def _try_password(db: Database, attempt: str) -> None:
    from dangjian_desktop.services import security

    result = security.check_password(db, attempt)  # DomainError while a wait after wrong ones is due
    if result.ok:
        return
    wait = f"，请 {math.ceil(result.wait_seconds)} 秒后再试" if result.wait_seconds > 0 else ""
    raise _WrongPassword(f"密码不对（已连续错 {result.failures} 次{wait}），命令没有执行。", result.wait_seconds)


def _reads_only(parser: argparse.ArgumentParser) -> None:
    """Mark a command that never writes to the database (it may run while a window has it)."""
    parser.set_defaults(access="read")


def _branch(db: Database, args: argparse.Namespace):
    from dangjian_desktop.services.branches import resolve_branch

    return resolve_branch(db, getattr(args, "branch", None))


def _on_branch(args: argparse.Namespace, work: Callable[[Database, Any], Any]) -> tuple[Any, Any]:
    """Open the database, find the branch the command means, run `work(db, branch)`, close."""
    db = _open(args)
    try:
        branch = _branch(db, args)
        return branch, work(db, branch)
    finally:
        db.close()


def _on_branches(args: argparse.Namespace, work: Callable[[Database, Any], Any]) -> list[tuple[Any, Any]]:
    """For lists and check: `work(db, branch)` for the branch named, or without --branch for every branch
    (a 党委's database holds several; cli.md: the `branch` key then says which)."""
    from dangjian_desktop.services.branches import resolve_branches

    db = _open(args)
    try:
        return [(branch, work(db, branch)) for branch in resolve_branches(db, getattr(args, "branch", None))]
    finally:
        db.close()


def _add_import(subparsers, help_text: str, handler: Handler) -> None:
    """`<area> import FILE [--branch NAME] [--sheet NAME] [--dry-run]`, alike for every area (cli.md)."""
    q = subparsers.add_parser("import", help=help_text)
    q.add_argument("file", metavar="FILE", help="表格文件：.xlsx、.xls、.et（WPS）、.ods")
    q.add_argument("--branch")
    q.add_argument("--sheet", help="要导入的工作表（文件中有几个工作表都有数据时必须指定）")
    q.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    q.set_defaults(handler=handler)


def _print_import(branch, report, dry_run: bool) -> None:
    """The one way every import reports (issue 17): the sheet, every column and what became of it,
    the notes worth knowing, then one line of counts."""
    _out(f"文件 {report.file}，工作表“{report.sheet}”，各列的导入情况：")
    for line in report.column_lines():
        _out(f"  {line}")
    for row in report.rows:
        for note in row.notes:
            if "出席情况不明" not in note:  # those are repeated in the notices
                _out(f"提示：第{row.row}行 {row.label}：{note}")
    for notice in report.notices:
        _out(f"提示：{notice}")
    c = report.counts
    u = report.unit
    verb = "检查通过（--dry-run，未写入）：将" if dry_run else "已导入到"
    groups = f"，新建党小组 {'、'.join(report.new_groups)}" if report.new_groups else ""
    skipped = [col for col in report.columns if not col.imported]
    tail = f"；{len(skipped)} 列未导入（见上）" if skipped else ""
    _out(f"{verb}{branch.name}：新增 {c['new']} {u}，更新 {c['update']} {u}，无变化 {c['same']} {u}{groups}{tail}。")


# ------------------------------------------------------------------ init and demo


def cmd_init(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.branches import create_branch

    db = _open(args, create=True)
    try:
        groups = [g for g in (args.groups or "").replace("，", ",").split(",") if g.strip()]
        info = create_branch(db, args.branch, args.parent or "", args.secretary or "", groups=groups)
    finally:
        db.close()
    _out(f"已创建支部“{info.name}”（编号 {info.id}），数据库：{_shown_target(args)}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.demo import check_demo_size, make_demo

    check_demo_size(args.branches, args.members, args.years)  # a refused command writes no file
    db = _open(args, create=True)
    try:
        summary = make_demo(db, seed=args.seed, branches=args.branches, members=args.members,
                            years=args.years, today=args.as_of)
    finally:
        db.close()
    _out(f"演示数据已写入 {_shown_target(args)}：{summary.branches} 个支部，{summary.members} 名党员，"
         f"{summary.meetings} 次会议（{summary.attendance} 条考勤），{summary.applicants} 名入党申请人。")
    return 0


# ------------------------------------------------------------------ check


def cmd_check(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.dates import cn
    from dangjian_desktop.services.branches import resolve_branches
    from dangjian_desktop.services.check import run_check

    as_of = args.as_of or date.today()
    db = _open(args)
    try:
        branches = resolve_branches(db, args.branch)
        findings = run_check(db, [b.id for b in branches] if args.branch else None, as_of)
    finally:
        db.close()
    names = {b.id: b.name for b in branches}
    if args.json:
        _print_json({"as_of": as_of.isoformat(),
                     "findings": [{**f.as_json(), "branch": names.get(f.branch_id)} for f in findings]})
        return 0
    if not findings:
        _out(f"截至{cn(as_of)}，没有逾期或需要提醒的事项。")
        return 0
    # people read Chinese: the subject as a name or a period, never a rule id or a code (those are in --json)
    line = lambda f: (f"[{f.kind}] {f.shown_subject}"  # noqa: E731
                      + (f" {cn(f.date)}" if f.date else "") + f"：{f.shown_message}")
    if len(branches) == 1:
        _out(f"截至{cn(as_of)}，共 {len(findings)} 项：")
        for f in findings:
            _out(line(f))
        return 0
    # a 党委's database: each branch's findings together, most urgent first within the branch
    _out(f"截至{cn(as_of)}，{len(branches)} 个支部共 {len(findings)} 项：")
    groups = [(b.name, [f for f in findings if f.branch_id == b.id]) for b in branches]
    groups.append(("其他", [f for f in findings if f.branch_id not in names]))
    for name, found in groups:
        if not found and name == "其他":
            continue
        _out()
        _out(f"【{name}】{len(found)} 项" if found else f"【{name}】没有逾期或需要提醒的事项")
        for f in found:
            _out(line(f))
    return 0


# ------------------------------------------------------------------ export


def cmd_export(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.exports import ExportRequest, run_export

    db = _open(args)
    try:
        branch = _branch(db, args)
        out = Path(args.out).expanduser().resolve()
        request = ExportRequest(branch.id, out, args.year, args.id, args.mask, as_of=args.as_of)
        path = run_export(db, args.kind, request)
    finally:
        db.close()
    _out(f"已导出：{path}")
    for note in request.notes:
        _out(note)
    return 0


class _ExportKinds:
    """The export kinds as argparse's `choices`, looked up only when a command line names one or asks
    for `export --help`: finding them imports every service and writer (most of a second), which
    `dangjian --help`, a usage error or any other command does not need."""

    def _keys(self) -> list[str]:
        from dangjian_desktop.services.exports import kinds

        return [k.key for k in kinds()]

    def __contains__(self, key: object) -> bool:
        return key in self._keys()

    def __iter__(self):
        return iter(self._keys())


class _ExportParser(_Parser):
    """`export --help` lists the kinds with their names, found when asked for."""

    def format_help(self) -> str:
        from dangjian_desktop.services.exports import kinds

        self.epilog = "KIND 可选：" + "、".join(f"{k.key}（{k.label}）" for k in kinds())
        return super().format_help()


def _add_export(sub) -> None:
    made_as, sub._parser_class = sub._parser_class, _ExportParser  # (add_parser has no class argument)
    try:
        p = sub.add_parser("export", help="导出 Word / Excel 文件")
    finally:
        sub._parser_class = made_as
    p.add_argument("kind", choices=_ExportKinds(), metavar="KIND", help="要导出的文件（见下文）")
    p.add_argument("--out", required=True, help="输出文件")
    p.add_argument("--branch")
    p.add_argument("--year", type=int)
    p.add_argument("--id", type=int)
    p.add_argument("--mask", action="store_true", help="隐去身份证号和电话号码的中间几位")
    p.add_argument("--as-of", type=_date, help="花名册：截至哪一天的党员名单 YYYY-MM-DD（默认今天；给了 --year 则为该年年底）；"
                   "生日短信：那一天所在月份的短信")
    p.set_defaults(handler=cmd_export)
    _reads_only(p)


# ------------------------------------------------------------------ backup and restore (issue 7)


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(1, n // 1024)} KB"


def cmd_backup(args: argparse.Namespace) -> int:
    from dangjian_desktop.services import backup

    db = _open(args)
    try:
        if args.out:
            check = backup.export_archive(db, args.out)
            _out(f"已导出全部数据（数据库和 {check.files - 1} 个附件，{_size(check.bytes)}，已校验）：{check.path}")
            return 0
        result = backup.create_backup(db, "手动")
    finally:
        db.close()
    _out(f"已备份（{_size(result.info.size)}）：{result.info.path}")
    if result.mirrored_to:
        _out(f"第二份：{result.mirrored_to}")
    if result.mirror_problem:
        sys.stderr.write(result.mirror_problem + "\n")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from dangjian_desktop.services import backup

    target = _db_target(args)
    if is_url(target):
        raise DomainError("服务器上的数据库请由服务器管理员恢复。")
    _unlock_for_restore(args)
    result = backup.restore(Path(target), Path(args.file))
    _out(f"已从“{result.source}”恢复到 {Path(target).expanduser().resolve()}。")
    if result.safety_backup:
        _out(f"恢复前的数据已另存为备份：{result.safety_backup}")
    if result.damaged_kept:
        _out(f"损坏的数据库文件已改名保留：{result.damaged_kept}")
    return 0


def _unlock_for_restore(args: argparse.Namespace) -> None:
    """Replacing a database with a password needs that password. One that cannot be opened (damaged,
    from a newer version, not ours) is what a restore is for: it is not asked."""
    from dangjian_desktop.errors import DatabaseError

    try:
        from dangjian_desktop.db.engine import open_database

        db = open_database(_db_target(args))
    except DatabaseError:
        return
    try:
        _unlock(db)
    finally:
        db.close()


def _add_backup(sub) -> None:
    p = sub.add_parser("backup", help="备份数据库和附件（--out：导出全部数据，用于换电脑）")
    p.add_argument("--out", metavar="FILE", help="导出到这个文件（.zip），而不是备份文件夹")
    p.set_defaults(handler=cmd_backup)
    _reads_only(p)  # it writes an archive, never the database
    p = sub.add_parser("restore", help="从备份或导出文件恢复（先备份当前数据）")
    p.add_argument("file", metavar="FILE", help="备份文件（.zip）或升级前的数据库副本（.db）")
    p.set_defaults(handler=cmd_restore)


# ------------------------------------------------------------------ development (issue 5)


def cmd_development_list(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.dates import cn
    from dangjian_desktop.services.development import list_applicants

    results = _on_branches(args, lambda db, b: list_applicants(db, b.id))
    if args.json:
        _print_json([{
            "id": a.id, "name": a.name, "branch": branch.name, "stage": a.stage,
            "next_step": a.next_step.no if a.next_step else None,
            "next_step_name": a.next_step.name if a.next_step else None,
            "due": a.next_step.due.isoformat() if a.next_step and a.next_step.due else None,
            "status": a.status.value, "member_id": a.member_id,
            "steps": [{"no": st.no, "name": st.name, "date": st.done_on.isoformat() if st.done_on else None}
                      for st in a.steps],
        } for branch, people in results for a in people])
        return 0
    for i, (branch, people) in enumerate(results):
        if i:
            _out()
        if not people:
            _out(f"{branch.name}还没有入党申请人。")
            continue
        _out(f"{branch.name}：{len(people)} 名入党申请人")
        for a in people:
            done = [st for st in a.steps if st.done_on]
            last = f"已完成第{done[-1].no}步“{done[-1].name}”（{cn(done[-1].done_on)}）" if done else "尚无步骤"
            nxt = (f"；下一步：第{a.next_step.no}步“{a.next_step.name}”"
                   + (f"，期限{cn(a.next_step.due)}" if a.next_step.due else "")
                   ) if a.next_step else f"；{a.status.label}"
            _out(f"  {a.id:>4}  {a.name}  {last}{nxt}")
    return 0


def cmd_development_import(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.development import import_ledger

    branch, report = _on_branch(
        args, lambda db, b: import_ledger(db, Path(args.file), b.id, dry_run=args.dry_run, sheet=args.sheet))
    _print_import(branch, report, args.dry_run)
    return 0


def _add_development(sub) -> None:
    p = sub.add_parser("development", help="发展党员：五个阶段二十五个步骤")
    dsub = p.add_subparsers(dest="development_command", metavar="SUBCOMMAND", parser_class=_Parser)
    dsub.required = True
    q = dsub.add_parser("list", help="入党申请人及其步骤")
    q.add_argument("--branch")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_development_list)
    _reads_only(q)
    _add_import(dsub, "导入发展党员台账（一人一行，一步一列日期）", cmd_development_import)


# ------------------------------------------------------------------ calendar (公示 working days)


def cmd_calendar_list(args: argparse.Namespace) -> int:
    from dangjian_desktop.core import workdays
    from dangjian_desktop.services.settings import calendar_days, work_calendar

    db = _open(args)
    try:
        cal = work_calendar(db)
        years = [args.year] if args.year else sorted(set(workdays.package_years()) | {d.year for d in cal.extra})
        days = {year: calendar_days(db, year) for year in years}
    finally:
        db.close()
    if args.json:
        _print_json([{"date": c.day.isoformat(), "kind": c.kind, "name": c.name, "source": c.source}
                     for year in years for c in days[year]])
        return 0
    for year in years:
        known = cal.known_year(year)
        mine = [c for c in days[year] if c.source == workdays.USER]
        _out(f"{year}年：" + ("放假安排已知" if known else "还没有放假安排，公示工作日按周一至周五计算")
             + (f"，其中 {len(mine)} 天是自己添加的" if mine else ""))
        if args.year:
            for c in days[year]:
                _out(f"  {c.day.isoformat()} {'一二三四五六日'[c.day.weekday()]} {c.label}"
                     + ("（自己添加）" if c.source == workdays.USER else ""))
    return 0


def cmd_calendar_set(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.settings import set_calendar_days

    db = _open(args)
    try:
        set_calendar_days(db, args.dates, args.kind)
    finally:
        db.close()
    what = {"holiday": "放假", "workday": "调休上班", "official": "按国家放假安排"}[args.kind]
    _out(f"已把 {len(args.dates)} 天设为{what}：{'、'.join(d.isoformat() for d in args.dates)}。")
    return 0


def _add_calendar(sub) -> None:
    p = sub.add_parser("calendar", help="节假日安排：公示的工作日按国家放假安排（含调休）计算")
    csub = p.add_subparsers(dest="calendar_command", metavar="SUBCOMMAND", parser_class=_Parser)
    csub.required = True
    q = csub.add_parser("list", help="一年中放假和调休上班的日子（不写 --year：各年概况）")
    q.add_argument("--year", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_calendar_list)
    _reads_only(q)
    q = csub.add_parser("set", help="国务院办公厅公布新一年放假安排后，在程序更新前自己添加")
    q.add_argument("dates", nargs="+", type=_date, metavar="DATE")
    q.add_argument("--as", dest="kind", required=True, choices=("holiday", "workday", "official"),
                   help="holiday 放假；workday 调休上班；official 取消自己添加的，按国家安排")
    q.set_defaults(handler=cmd_calendar_set)


# ------------------------------------------------------------------ members (issue 3)


def cmd_members_list(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.members import list_members

    results = _on_branches(args, lambda db, b: list_members(db, b.id, order=args.order))
    if args.json:
        _print_json([m.as_json() for _branch, people in results for m in people])  # each has its "branch"
        return 0
    for i, (branch, people) in enumerate(results):
        if i:
            _out()
        on_roll = [m for m in people if m.on_roll]
        _out(f"{branch.name}：在册党员 {len(on_roll)} 人（正式 "
             f"{sum(1 for m in on_roll if m.status.value == 'full')} 人），历史 {len(people) - len(on_roll)} 人")
        for m in people:
            joined = m.joined_on.isoformat() if m.joined_on else ""
            _out(f"  {m.id:>5}  {m.name}\t{m.gender.label if m.gender else ''}  {joined}  "
                 f"{m.group or '-'}  {m.status.label}")
    return 0


def cmd_members_import(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.members import import_roster

    branch, report = _on_branch(
        args, lambda db, b: import_roster(db, b.id, Path(args.file), dry_run=args.dry_run, sheet=args.sheet))
    _print_import(branch, report, args.dry_run)
    return 0


def _add_members(sub) -> None:
    p = sub.add_parser("members", help="党员花名册")
    msub = p.add_subparsers(dest="members_command", metavar="SUBCOMMAND", parser_class=_Parser)
    msub.required = True
    q = msub.add_parser("list", help="列出党员（按姓氏笔画）")
    q.add_argument("--branch")
    q.add_argument("--order", choices=["strokes", "pinyin"], default="strokes", help="排序：姓氏笔画或拼音")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_members_list)
    _reads_only(q)
    _add_import(msub, "导入花名册（按身份证号识别，重复导入只更新有变化的人）", cmd_members_import)
    __import__("dangjian_desktop.cli_transfers", fromlist=["add_transfers"]).add_transfers(msub)  # 转出、转入


# ------------------------------------------------------------------ meetings (issue 4)


def cmd_meetings_list(args: argparse.Namespace) -> int:
    from dangjian_desktop.core.glossary import MeetingType
    from dangjian_desktop.services.meetings import list_meetings

    mtype = MeetingType(args.type) if args.type else None
    results = _on_branches(args, lambda db, b: sorted(list_meetings(db, b.id, year=args.year, mtype=mtype),
                                                      key=lambda r: (r.held_on, r.id)))
    if args.json:
        _print_json([{**r.as_json(), "branch": branch.name} for branch, rows in results for r in rows])
        return 0
    several = len(results) > 1
    for i, (branch, rows) in enumerate(results):
        if several:
            _out(("\n" if i else "") + f"【{branch.name}】")
        if not rows:
            _out("没有符合条件的会议记录。" if several else f"{branch.name}没有符合条件的会议记录。")
            continue
        for r in rows:
            absent = f"；缺席及原因：{r.absent_text}" if r.absent else ""
            _out(f"{r.id:>5} {r.held_on.isoformat()} {r.type_label} “{r.title}” 主持人：{r.host or '—'} "
                 f"记录人：{r.recorder or '—'} 应到{r.expected} 实到{r.present_text}{absent}（{r.state.label}）")
        _out(f"共 {len(rows)} 次会议。")
    if several:
        _out(f"\n{len(results)} 个支部共 {sum(len(rows) for _b, rows in results)} 次会议。")
    return 0


def cmd_meetings_import(args: argparse.Namespace) -> int:
    from dangjian_desktop.services.meetings import import_meetings

    branch, report = _on_branch(
        args, lambda db, b: import_meetings(db, b.id, Path(args.file), dry_run=args.dry_run, sheet=args.sheet))
    _print_import(branch, report, args.dry_run)
    return 0


def _add_meetings(sub) -> None:
    from dangjian_desktop.core.glossary import MeetingType

    p = sub.add_parser("meetings", help="三会一课和组织生活记录")
    msub = p.add_subparsers(dest="meetings_command", metavar="SUBCOMMAND", parser_class=_Parser)
    msub.required = True
    q = msub.add_parser("list", help="列出会议记录（按日期）")
    q.add_argument("--branch")
    q.add_argument("--year", type=int)
    q.add_argument("--type", choices=[t.value for t in MeetingType], metavar="TYPE",
                   help="可选：" + "、".join(f"{t.value}（{t.label}）" for t in MeetingType)
                   + "；合并召开的会议（如主题党日暨支部党员大会）按其中任一类型都能列出")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_meetings_list)
    _reads_only(q)
    _add_import(msub, "导入三会一课台账（每行一次会议；重复导入不会重复添加）", cmd_meetings_import)


# ------------------------------------------------------------------ the parser


class _Version(argparse.Action):
    """--version: the version is looked up (importlib.metadata, tens of ms) only when asked for."""

    def __call__(self, parser, namespace, values, option_string=None):
        from dangjian_desktop import __version__

        sys.stdout.write(f"dangjian {__version__}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    from dangjian_desktop.cli_words import install

    install()  # argparse's own messages (用法、缺少参数……) in Chinese
    parser = _Parser(prog="dangjian", description="党支部工作台命令行：与图形界面使用同一套数据和规则。")
    parser.add_argument("--version", action=_Version, nargs=0, help="显示版本号并退出")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认：用户数据文件夹中的 dangjian.db）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("init", help="创建数据库和支部")
    p.add_argument("--branch", required=True, help="支部名称，如“XX社区第一党支部”")
    p.add_argument("--parent", help="上级党委名称")
    p.add_argument("--secretary", help="支部书记姓名")
    p.add_argument("--groups", help="党小组名称，用逗号分隔")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="生成演示数据（同一种子得到同样的数据）")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--branches", type=int, default=1)
    p.add_argument("--members", type=int, default=35, help="每个支部的党员人数")
    p.add_argument("--years", type=int, default=3, help="会议记录的年数")
    p.add_argument("--as-of", type=_date, help="以哪一天为“今天”（默认今天）")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("check", help="逾期、即将到期和违反规定的事项")
    p.add_argument("--branch")
    p.add_argument("--as-of", type=_date, help="截至日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)
    _reads_only(p)

    _add_members(sub)
    _add_meetings(sub)
    _add_development(sub)
    _add_calendar(sub)
    from dangjian_desktop.cli_dues import add_dues

    add_dues(sub)
    from dangjian_desktop.cli_study import add_study

    add_study(sub)
    from dangjian_desktop.cli_points import add_points

    add_points(sub)
    _add_export(sub)
    _add_backup(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """The `dangjian` command; `argv` None: the program's own command line (tests pass theirs)."""
    if argv is None:  # the process is the program's own
        from dangjian_desktop.runtime import tune_garbage_collector

        tune_garbage_collector()
        # whatever escapes even main(): one Chinese line, the traceback in the log
        sys.excepthook = lambda kind, value, tb: sys.stderr.write(_fault_line(value or kind()) + "\n")
    if hasattr(sys.stdout, "reconfigure"):
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):
                pass
    from dangjian_desktop import logs

    logs.setup_cli_log()  # a warning that reaches stderr holds no ID number, phone number or password
    parser = build_parser()
    args = parser.parse_args(argv)
    with _fault_hooks():
        return _run(args)


def _run(args) -> int:
    try:
        return args.handler(args)
    except InputErrors as exc:
        for problem in exc.problems:
            sys.stderr.write(problem + "\n")
        sys.stderr.write(exc.message + "\n")
        return 1
    except DatabaseBusy as exc:
        sys.stderr.write(str(exc) + "\n")
        return 3
    except DomainError as exc:
        sys.stderr.write(str(exc) + "\n")
        return 1
    except UsageError as exc:
        sys.stderr.write(f"dangjian: 用法错误：{exc}\n")
        return 2
    except BrokenPipeError:  # `dangjian members list | head`: the reader has had enough
        import os

        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the interpreter's exit
        return 1
    except OSError as exc:
        from dangjian_desktop import faults

        sys.stderr.write(faults.os_sentence(exc, "read") + "\n")  # in Chinese, not the system's English
        return 1
    except KeyboardInterrupt:  # Ctrl+C: what a command writes is one transaction, rolled back whole
        sys.stderr.write("已中断，这条命令没有完成。\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - a fault of the program: one line here, the traceback in the log
        sys.stderr.write(_fault_line(exc) + "\n")
        return 1


def _fault_line(exc: BaseException) -> str:
    """One Chinese line for a fault of the program; its traceback goes to the log in the data folder."""
    from dangjian_desktop import faults, logs, paths

    try:
        where = logs.fault_log(paths.data_dir())
    except Exception:  # noqa: BLE001 - no data folder at all: say so without a path
        where = None
    if where is not None:
        faults.record(exc)
    return faults.explain(exc, effect=None, log_path=where).replace("\n", " ")


@contextmanager
def _fault_hooks():
    """While a command runs, an exception in another thread is logged and told in one line, never a
    traceback on stderr (restored after, for callers that run several commands in one process)."""
    import threading

    def thread_hook(hook_args) -> None:
        if hook_args.exc_type is not SystemExit and hook_args.exc_value is not None:
            sys.stderr.write(_fault_line(hook_args.exc_value) + "\n")

    saved = threading.excepthook
    threading.excepthook = thread_hook
    try:
        yield
    finally:
        threading.excepthook = saved


if __name__ == "__main__":
    raise SystemExit(main())
