"""The figures of issue 9, each measured with its baseline in the same run."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from bench.children import as_installed
from bench.cli_figures import cli_help, cli_list
from bench.data import TODAY, working_copy
from bench.report import Figure, NotAvailable, median

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Bench:
    """The cached database, a scratch folder, and how often to repeat the short figures.

    `server` set: the same figures on the same 党委 data copied into a PostgreSQL 15 server that bench
    starts itself (tests/pg/server.py); `target()` and `open()` then mean that server's database."""

    source: Path
    work: Path
    runs: int = 5
    _shared: Path | None = field(default=None, repr=False)
    server: PgSide | None = field(default=None, repr=False)  # set: the figures measure on it
    pg: PgSide | None = field(default=None, repr=False)  # bench's PostgreSQL server, started when first needed

    def on_server(self) -> Bench:
        if self.pg is None:
            self.pg = PgSide(self.source)
        return dataclasses.replace(self, server=self.pg)

    def shared_copy(self) -> Path:
        """One copy for figures that only read."""
        if self._shared is None:
            self._shared = working_copy(self.source, self.work / "shared")
            if hasattr(os, "sync"):  # the copy's 240 MB of write-back must not land in the next figure
                os.sync()
        return self._shared

    def private_copy(self, name: str) -> Path:
        return working_copy(self.source, self.work / name)

    def target(self) -> str:
        """What the figures that only read open: the shared copy, or the server's 党委 database."""
        return self.server.url() if self.server is not None else str(self.shared_copy())

    def empty_target(self, name: str) -> str | Path:
        """A new, empty database to write into: a file, or a new database on the server."""
        if self.server is not None:
            return self.server.empty(name)
        return self.work / f"{name}.db"

    def open(self, path: Path | str | None = None, *, create: bool = False):
        from dangjian_desktop.db.engine import open_database

        return open_database(path or self.target(), create=create)


class PgSide:
    """bench's own PostgreSQL 15 server, started once, with the 党委 data loaded once; stopped at exit."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self._server = None
        self._url: str | None = None
        self.load_s: float | None = None

    def _start(self):
        if self._server is None:
            try:
                from tests.pg.server import find_pg_bin, start_server
            except ImportError as exc:  # a bundle without the tests folder
                raise NotAvailable(f"没有 tests/pg/server.py：{exc}") from None
            bin_dir = find_pg_bin()
            if bin_dir is None:
                raise NotAvailable("未安装 PostgreSQL 15（/usr/lib/postgresql/15/bin）")
            try:
                import psycopg  # noqa: F401
            except ImportError:
                raise NotAvailable("未安装 psycopg（pip install 'psycopg[binary]'）") from None
            self._server = start_server(bin_dir)
        return self._server

    def url(self) -> str:
        if self._url is None:
            from bench.data import copy_to_server

            server = self._start()
            url = server.url(server.create_database("dangwei"))
            self.load_s = copy_to_server(self.source, url, log=lambda _text: None)
            with psycopg_connection(url) as con:  # fresh statistics, as autovacuum would soon make
                con.execute("VACUUM ANALYZE")
            self._url = url
        return self._url

    def empty(self, name: str) -> str:
        server = self._start()
        return server.url(server.create_database())

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


def psycopg_connection(url: str):
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = fn()
    return (time.perf_counter() - started) * 1000, value


def _export_kind(key: str):
    from dangjian_desktop.services.exports import kinds

    for kind in kinds():
        if kind.key == key:
            return kind
    raise NotAvailable(f"导出“{key}”尚未加入导出登记表")


def _page_class(key: str):
    from dangjian_desktop.gui.pages import page_classes

    for cls in page_classes():
        if cls.key == key:
            return cls
    raise NotAvailable(f"“{key}”页面尚未加入导航栏")


def _cli_has(*words: str) -> bool:
    """True if the `dangjian` parser knows the command `words` (e.g. members import)."""
    import argparse

    from dangjian_desktop.cli import build_parser

    parser = build_parser()
    for word in words:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs or word not in subs[0].choices:
            return False
        parser = subs[0].choices[word]
    return True


def _probe(args: list[str], timeout: float = 300) -> tuple[float, dict]:
    """Run bench.gui_probe in a fresh interpreter; (ms until its window was painted, its JSON).
    The JSON gets `ready_ms`: ms until the program's data was shown (it paints a frame first)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **as_installed())
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bench.gui_probe", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    painted_ms = None
    data: dict = {}
    deadline = started + timeout
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "PAINTED" and painted_ms is None:
            painted_ms = (time.perf_counter() - started) * 1000
        elif line.strip() == "READY":
            data["ready_ms"] = (time.perf_counter() - started) * 1000
        elif line.startswith("{"):
            data.update(json.loads(line))
        if time.perf_counter() > deadline:
            proc.kill()
            break
    err = proc.stderr.read() if proc.stderr else ""
    proc.wait(timeout=30)
    if painted_ms is None:
        raise RuntimeError(f"gui_probe {' '.join(args)} did not paint a window: {err[-2000:]}")
    return painted_ms, data


# ------------------------------------------------------------------ the figures


def cold_start(b: Bench) -> Figure:
    fig = Figure("start", "冷启动到主窗口绘出", "≤ 1.5 × 基准", baseline_label="只有一个表格的 PySide6 空窗口")
    path = str(b.shared_copy())
    _probe(["bare"])  # warm the disk cache for both alike: the first run of anything reads the files
    _probe(["start", path])
    app, bare, ready = [], [], []
    for _ in range(b.runs):  # interleaved, so drift in the machine's load hits both
        bare.append(_probe(["bare"])[0])
        painted, data = _probe(["start", path])
        app.append(painted)
        ready.append(data["ready_ms"])
    fig.measured, fig.baseline = median(app), median(bare)
    fig.limit = 1.5 * fig.baseline
    fig.samples = app
    fig.note = (f"{b.runs} 次中位数（程序：{', '.join(f'{x:.0f}' for x in app)} ms）；窗口先绘出框架再在后台打开数据库，"
                f"首页数据出现于 {median(ready):.0f} ms（中位数，不计入本项）")
    return fig


def _start_to_data(b: Bench, target: str, fig: Figure) -> Figure:
    """Median ms from starting the program on `target` to 首页 showing its data, against a bare window."""
    from dangjian_desktop.db.filecheck import CLEAN_MARK

    _probe(["bare"])  # warm the disk cache for both alike
    checked = None
    if "://" not in target:  # the first start after a crash (no clean close noted): the quick_check runs
        (Path(target).parent / f"{Path(target).stem}-文件" / CLEAN_MARK).unlink(missing_ok=True)
        checked = _probe(["start", target])[1]["ready_ms"]
    else:
        _probe(["start", target])
    bare, ready, painted, bare_cpu, ready_cpu = [], [], [], [], []
    for _ in range(b.runs):  # interleaved, so drift in the machine's load hits both
        shown, data = _probe(["bare"])
        bare.append(shown)
        bare_cpu.append(data["painted_cpu_s"])
        shown, data = _probe(["start", target])
        painted.append(shown)
        ready.append(data["ready_ms"])
        ready_cpu.append(data["ready_cpu_s"])
    fig.unit = "s"
    fig.measured, fig.baseline = median(ready) / 1000, median(bare) / 1000
    fig.samples = [x / 1000 for x in ready]
    fig.note = (f"{b.runs} 次中位数（{', '.join(f'{x / 1000:.2f}' for x in ready)} s），每次都是上次正常关闭之后；"
                f"窗口框架绘出于 {median(painted) / 1000:.2f} s；到首页数据出现用去 CPU {median(ready_cpu):.2f} s"
                f"（空窗口绘出 {median(bare_cpu):.2f} s；机器繁忙时墙钟时间大半是等 CPU，CPU 时间受影响小得多，但也会变多）")
    if checked is not None:
        fig.note += f"；没有正常关闭过（先做完整性快速检查）时 {checked / 1000:.2f} s"
    return fig


def start_data(b: Bench) -> Figure:
    """Issue 26: from start until 首页 shows its data (reminders, charts) on the 党委 database."""
    fig = Figure("start-data", "启动到首页数据出现（党委数据库）", "≤ 1.0 s", limit=1.0,
                 baseline_label="只有一个表格的 PySide6 空窗口绘出")
    return _start_to_data(b, b.target(), fig)


def start_data_demo(b: Bench) -> Figure:
    """Issue 26: the same on a one-branch demo database (what most secretaries have)."""
    fig = Figure("start-data-demo", "启动到首页数据出现（一个支部的演示数据库）", "≤ 0.6 s", limit=0.6,
                 baseline_label="只有一个表格的 PySide6 空窗口绘出")
    from dangjian_desktop.services.demo import make_demo

    target = b.empty_target("一个支部")
    db = b.open(target, create=True)
    try:
        make_demo(db, seed=1, today=TODAY)
    finally:
        db.close()
    return _start_to_data(b, str(target), fig)


def check_all(b: Bench) -> Figure:
    import gc

    from dangjian_desktop.runtime import tune_garbage_collector
    from dangjian_desktop.services.check import run_check

    fig = Figure("check", "检查整个数据库（check）", "≤ 1 s", limit=1000,
                 baseline_label="Python 默认的垃圾回收设置")
    from sqlalchemy import event

    db = b.open()
    statements: list[str] = []
    cpu: list[float] = []  # this process's CPU time (SQLite's work included; not a server's), less moved by load

    def one_check():
        statements.clear()
        started = time.process_time()
        found = run_check(db, None, TODAY)
        cpu.append((time.process_time() - started) * 1000)
        return found

    try:
        _timed(lambda: run_check(db, None, TODAY))  # first run warms caches, as the home page does
        event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        gc.unfreeze()  # the baseline: the collector as Python sets it, not as the entry points do
        gc.set_threshold(700, 10, 10)
        fig.baseline = median([_timed(one_check)[0] for _ in range(3)])
        baseline_cpu, cpu[:] = median(cpu), []
        tune_garbage_collector()  # what `dangjian` and `dangjian-desktop` do at start-up
        runs = [_timed(one_check) for _ in range(3)]
    finally:
        db.close()
    fig.samples = [ms for ms, _ in runs]
    fig.measured = median(fig.samples)
    found = runs[0][1]
    rules = sorted({f.rule for f in found})
    fig.note = (f"本进程 CPU 时间 {median(cpu):.0f} ms（默认垃圾回收 {baseline_cpu:.0f} ms），{len(statements)} 条 SQL 语句；"
                f"{len(found)} 项提醒，规则：{'、'.join(rules)}")
    return fig


def typeahead(b: Bench) -> Figure:
    fig = Figure("typeahead", "党员页按键筛选（10,000 名党员）", "≤ 50 ms/次按键", limit=50)
    _page_class("members")
    _, data = _probe(["typeahead", b.target()])
    fig.samples = data["per_key_ms"]
    fig.measured = max(fig.samples)  # the slowest keystroke, not a kind average
    fig.note = (f"{data['rows']} 人，{len(fig.samples)} 次按键（首字母、拼音、输入法汉字、身份证号数字、退格）："
                f"最慢 {max(fig.samples):.1f} ms，中位数 {median(fig.samples):.1f} ms，含重绘表格")
    return fig


def year_grid(b: Bench) -> Figure:
    fig = Figure("grid", "打开一个支部的三会一课年度表", "≤ 100 ms", limit=100)
    try:
        _page_class("meetings")
    except NotAvailable:
        # the page has not landed: time the service that fills it, and say so
        from dangjian_desktop.services.meetings import year_grid as grid

        db = b.open()
        try:
            runs = [_timed(lambda bid=bid: grid(db, bid, TODAY.year, TODAY))[0] for bid in range(1, 7)]
        finally:
            db.close()
        fig.samples = runs
        fig.measured = max(runs)
        fig.note = "三会一课页面尚未加入导航栏，只测了填表的服务 year_grid（6 个支部，取最慢）"
        return fig
    _, data = _probe(["grid", b.target()])
    fig.samples = data["per_open_ms"]
    fig.measured = max(fig.samples)
    fig.note = (f"{len(fig.samples)} 个支部各打开一次“年度进度”（{data['rows']} 行），到表格绘出为止，取最慢；"
                f"各次：{', '.join(f'{x:.0f}' for x in fig.samples)} ms")
    return fig


def memory(b: Bench) -> Figure:
    fig = Figure("memory", "图形界面峰值内存（打开所有页面）", "≤ 400 MB", unit="MB", limit=400,
                 baseline_label="只有一个表格的 PySide6 空窗口")
    _, bare = _probe(["bare-memory"])
    _, data = _probe(["memory", str(b.shared_copy())])
    fig.measured, fig.baseline = data["peak_rss_mb"], bare["peak_rss_mb"]
    fig.note = "访问了：" + "、".join(data.get("pages", []))
    return fig


ROSTER_SIZE = 10_000


def _roster_members(db):
    """10,000 members on the roll of the whole 党委 (valid ID numbers, so a file of them imports)."""
    from dangjian_desktop.core import idcard
    from dangjian_desktop.services.members import list_members

    def importable(p) -> bool:  # the demo admits a few applicants before 18 (DEV-AGE-18); a file of them is refused
        b = p.birth_date
        return idcard.is_valid(p.id_number) and (
            p.joined_on is None or b is None or p.joined_on >= date(b.year + 18, b.month, min(b.day, 28)))

    people = [p for p in list_members(db, None, on_roll_only=True) if importable(p)]
    if len(people) < ROSTER_SIZE:
        raise RuntimeError(f"the benchmark database has only {len(people)} members on the roll")
    return people[:ROSTER_SIZE]


def _write_only_baseline(path: Path, out: Path) -> float:
    """ms to write the same cells (values only) with openpyxl's write-only mode."""
    from openpyxl import Workbook, load_workbook

    rows = [list(r) for r in load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True)]

    def write() -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("党员花名册")
        for r in rows:
            ws.append(r)
        wb.save(out)

    return median([_timed(write)[0] for _ in range(3)])


def roster_export(b: Bench) -> Figure:
    from openpyxl import load_workbook

    fig = Figure("roster", "导出 10,000 人的党员花名册", "≤ 1.5 × 基准", baseline_label="openpyxl 只写模式写同样的单元格")
    _export_kind("roster")
    from dangjian_desktop.reports.roster import write_roster
    from dangjian_desktop.services.members import list_members

    db = b.open()
    try:
        out = b.work / "花名册.xlsx"

        def export() -> None:  # what export_roster does, over the whole 党委 instead of one branch
            write_roster(out, "中共光明街道工作委员会", list_members(db, None, on_roll_only=True), TODAY)

        runs = [_timed(export)[0] for _ in range(3)]
    finally:
        db.close()
    fig.measured = median(runs)
    fig.baseline = _write_only_baseline(out, b.work / "基准.xlsx")
    fig.limit = 1.5 * fig.baseline
    rows = sum(1 for _ in load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
    fig.note = f"在册 {rows - 3} 人，含读取数据库；文件 {out.stat().st_size / 2**20:.1f} MB；基准只写值、不带格式"
    return fig


def _openpyxl_read_baseline(path: Path) -> float:
    """Seconds for one openpyxl read-only pass over every cell of the file (values only)."""
    from openpyxl import load_workbook

    def read() -> None:
        wb = load_workbook(path, read_only=True, data_only=True)
        for ws in wb.worksheets:
            for _row in ws.iter_rows(values_only=True):
                pass
        wb.close()

    cpu = []

    def timed_read() -> float:
        start = time.process_time()
        ms = _timed(read)[0]
        cpu.append(time.process_time() - start)
        return ms / 1000

    wall = median([timed_read() for _ in range(2)])
    _openpyxl_read_baseline.cpu = median(cpu)  # type: ignore[attr-defined]
    return wall


def roster_import(b: Bench) -> Figure:
    """Issue 17: a 10,000-row 花名册 imports in ≤ 3 s and ≤ 1.5 × an openpyxl read-only pass over the
    same file, measured in the same run (the file is read by python-calamine, io/table_reader)."""
    fig = Figure("import", "导入 10,000 行的花名册", "≤ 3 s 且 ≤ 1.5 × 基准", unit="s",
                 baseline_label="openpyxl 只读模式读一遍同一个文件")
    if not _cli_has("members", "import"):
        raise NotAvailable("members import 尚未实现")
    from dangjian_desktop.reports.roster import write_roster
    from dangjian_desktop.services.branches import create_branch
    from dangjian_desktop.services.members import import_roster

    db = b.open()
    try:
        source = write_roster(b.work / "导入用花名册.xlsx", "中共光明街道工作委员会", _roster_members(db), TODAY)
    finally:
        db.close()
    runs: list[float] = []
    cpu: list[float] = []
    for n in range(2):
        target = b.open(b.empty_target(f"导入{n}"), create=True)
        try:
            branch = create_branch(target, "光明街道机关党支部", "中共光明街道工作委员会", "")
            start = time.process_time()
            ms, report = _timed(lambda: import_roster(target, branch.id, source, today=TODAY))
            cpu.append(time.process_time() - start)
            runs.append(ms / 1000)
        finally:
            target.close()
    fig.measured = median(runs)
    fig.baseline = _openpyxl_read_baseline(source)
    fig.limit = min(3.0, 1.5 * fig.baseline)
    skipped = sum(1 for c in report.columns if not c.imported)
    # on a shared machine wall time swells with the load; the CPU time of this process shows the work itself
    fig.note = (f"{len(report.rows)} 行、{len(report.columns)} 列（{skipped} 列未导入），一个事务写入空数据库，"
                f"含导入前的检查和备份；CPU 时间：导入 {median(cpu):.2f} s，基准 "
                f"{_openpyxl_read_baseline.cpu:.2f} s（机器繁忙时实测墙钟时间会偏大）")
    return fig


def _a_year_of_meetings(db):
    """Branch 1's last full year, and its biggest 支部党员大会 (the longest single record)."""
    from sqlalchemy import func, select

    from dangjian_desktop.core.glossary import MeetingType
    from dangjian_desktop.db import models as m

    year = TODAY.year - 1
    with db.session() as s:
        meeting_id = s.scalars(
            select(m.Meeting.id).where(m.Meeting.branch_id == 1, m.Meeting.type == MeetingType.BRANCH_CONGRESS,
                                       m.Meeting.held_on.between(date(year, 1, 1), date(year, 12, 31)))
            .order_by(m.Meeting.expected.desc())
        ).first()
        count = s.scalar(select(func.count(m.Meeting.id)).where(
            m.Meeting.branch_id == 1, m.Meeting.held_on.between(date(year, 1, 1), date(year, 12, 31))))
    return year, meeting_id, count


def minutes_one(b: Bench) -> Figure:
    from dangjian_desktop.services.exports import ExportRequest, run_export

    fig = Figure("minutes", "一份会议记录 .docx", "≤ 100 ms", limit=100)
    _export_kind("minutes")
    db = b.open()
    try:
        year, meeting_id, _ = _a_year_of_meetings(db)
        out = b.work / "会议记录.docx"
        run = lambda: run_export(db, "minutes", ExportRequest(1, out, year, meeting_id))  # noqa: E731
        run()  # the first one loads python-docx and the template
        fig.samples = [_timed(run)[0] for _ in range(max(5, b.runs))]
    finally:
        db.close()
    fig.measured = median(fig.samples)
    fig.note = f"{year}年第一支部人数最多的支部党员大会（编号 {meeting_id}），首次（加载模板）不计"
    return fig


def minutes_book(b: Bench) -> Figure:
    from dangjian_desktop.services.exports import ExportRequest, run_export

    fig = Figure("minutes-book", "一个支部一年的会议记录本", "≤ 3 s", unit="s", limit=3)
    _export_kind("minutes-book")
    db = b.open()
    try:
        year, _, count = _a_year_of_meetings(db)
        out = b.work / "会议记录本.docx"
        runs = [_timed(lambda: run_export(db, "minutes-book", ExportRequest(1, out, year)))[0] / 1000
                for _ in range(3)]
    finally:
        db.close()
    fig.measured = median(runs)
    fig.note = f"第一支部{year}年 {count} 次会议，{out.stat().st_size / 2**20:.1f} MB"
    return fig


def gui_stall(b: Bench) -> Figure:
    """Issue 21: the window never freezes. Every page, tab and kind of editor used on the 党委 database
    on a PostgreSQL server, as a 党委 shares it; the longest time the GUI thread did not turn its event
    loop. The baseline: the same steps with every service call made on the GUI thread (before issue 21)."""
    fig = Figure("stall", "GUI 线程最长停顿（PostgreSQL 上的党委数据库，用遍每个页面）", "≤ 100 ms", limit=100,
                 baseline_label="同样的操作，数据库工作在 GUI 线程上做")
    from bench.data import copy_to_server

    try:
        from tests.pg.server import find_pg_bin, start_server
    except ImportError as exc:  # a bundle without the tests folder
        raise NotAvailable(f"没有 tests/pg/server.py：{exc}") from None
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise NotAvailable("未安装 PostgreSQL 15（/usr/lib/postgresql/15/bin）")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise NotAvailable("未安装 psycopg（pip install 'psycopg[binary]'）") from None
    server = start_server(bin_dir)
    try:
        url = server.url(server.create_database("dangwei"))
        loaded = copy_to_server(b.source, url)
        _, data = _probe(["stall", url], timeout=1800)
        _, inline = _probe(["stall-inline", url], timeout=3600)
    finally:
        server.stop()
    fig.measured, fig.baseline = data["longest_ms"], inline["longest_ms"]
    worst = "；".join(f"{label} {ms:.0f} ms" for label, ms in data["worst_steps"][:3])
    base_worst = "；".join(f"{label} {ms:.0f} ms" for label, ms in inline["worst_steps"][:3])
    fig.note = (f"{data['steps']} 步：每个页面、每个标签、党员编辑、会议记录、发展对象、报表的记录选择；"
                f"数据复制到 PostgreSQL 15 用时 {loaded:.0f} s。停顿最长的：{worst}。基准最长的：{base_worst}")
    return fig


# ------------------------------------------------------------------ 党费 (issue 22)


def _dues_year_rows(db, year: int) -> list[dict]:
    """The rows 全部按应缴收齐 writes for every branch and month of `year`, made the plain way: the baseline's input."""
    from sqlalchemy import select

    from dangjian_desktop.core import dues as core
    from dangjian_desktop.core.glossary import DuesKind
    from dangjian_desktop.db.models import Branch
    from dangjian_desktop.services import dues as ds

    rows = []
    with db.session() as s:
        branch_ids = list(s.scalars(select(Branch.id)))
        book = ds._Book(s, branch_ids, ds._rates(db), None)
    for p in book.people:
        for mo in range(1, 13):
            n = core.month_no(year, mo)
            due = book.due(p, n)[0] if p.liable(n) else None
            if due:
                rows.append({"member_id": p.id, "year": year, "month": mo, "base": book.base_on(p, n)[1], "due": due,
                             "paid": due, "paid_on": TODAY, "kind": DuesKind.PAID, "note": ""})
    return rows


def _clear_dues_year(db, year: int) -> None:
    from sqlalchemy import delete

    from dangjian_desktop.db.models import DuesPayment

    with db.transaction() as s:
        s.execute(delete(DuesPayment).where(DuesPayment.year == year))


def dues_collect(b: Bench) -> Figure:
    """A 党委 year of 党费 recorded in bulk: 全部按应缴收齐 for all twelve months of every branch (each branch one
    call, one transaction, as the page's button does), on a copy with that year's dues removed."""
    fig = Figure("dues-collect", "一年党费按应缴收齐（党委全部党员 × 12 个月）", "≤ 2 s", unit="s", limit=2,
                 baseline_label="同样的行用 SQLAlchemy Core 直接插入")
    if not _cli_has("dues", "record"):
        raise NotAvailable("党费尚未实现")
    from sqlalchemy import insert, select

    from dangjian_desktop.core import dues as core
    from dangjian_desktop.db.models import Branch, DuesPayment
    from dangjian_desktop.services import dues as ds

    year = TODAY.year - 1
    db = b.open(b.private_copy("dues"))
    try:
        with db.session() as s:
            branch_ids = list(s.scalars(select(Branch.id)))
        months = [core.month_no(year, mo) for mo in range(1, 13)]
        runs, cpus, recorded = [], [], 0
        for _ in range(3):
            _clear_dues_year(db, year)

            def collect_all() -> int:
                return sum(ds.collect(db, bid, months, today=TODAY).recorded for bid in branch_ids)

            cpu = time.process_time()
            ms, recorded = _timed(collect_all)
            runs.append(ms / 1000)
            cpus.append(time.process_time() - cpu)
        rows = _dues_year_rows(db, year)
        base = []
        for _ in range(3):
            _clear_dues_year(db, year)

            def plain() -> None:
                with db.transaction() as s:
                    for i in range(0, len(rows), 5000):
                        s.execute(insert(DuesPayment), rows[i:i + 5000])

            base.append(_timed(plain)[0] / 1000)
    finally:
        db.close()
    fig.measured, fig.baseline = median(runs), median(base)
    fig.samples = runs
    fig.note = (f"{len(branch_ids)} 个支部，{year}年，登记 {recorded} 个人月（含读取名册、基数、已登记月份和计算应缴）；"
                f"各次 {', '.join(f'{x:.2f}' for x in runs)} s，其中本进程 CPU 时间 {', '.join(f'{x:.2f}' for x in cpus)} s"
                "（机器忙时两者相差大）")
    return fig


def dues_ledger(b: Bench) -> Figure:
    """党费收缴台账 of the whole 党委 for a year: gathered (services.dues.ledger per branch) and written."""
    fig = Figure("dues-ledger", "导出全党委一年的党费收缴台账", "≤ 3 s", unit="s", limit=3,
                 baseline_label="openpyxl 只写模式写同样的单元格")
    _export_kind("dues-ledger")
    from sqlalchemy import select

    from dangjian_desktop.db.models import Branch
    from dangjian_desktop.reports.dues_ledger import write_dues_ledger
    from dangjian_desktop.services import dues as ds

    year = TODAY.year - 1
    db = b.open()
    try:
        with db.session() as s:
            branch_ids = list(s.scalars(select(Branch.id)))
        out = b.work / "党费收缴台账.xlsx"

        def export() -> int:  # what the export does, over the whole 党委 instead of one branch
            parts = [ds.ledger(db, bid, year, today=TODAY) for bid in branch_ids]
            whole = ds.DuesLedger("中共光明街道工作委员会", year, TODAY, [r for p in parts for r in p.rows],
                                  tuple(sum((p.due_by_month[i] for p in parts), ds.ZERO) for i in range(12)),
                                  tuple(sum((p.paid_by_month[i] for p in parts), ds.ZERO) for i in range(12)))
            write_dues_ledger(out, whole)
            return len(whole.rows)

        runs, cpus = [], []
        for _ in range(3):
            cpu = time.process_time()
            runs.append(_timed(export))
            cpus.append(time.process_time() - cpu)
    finally:
        db.close()
    fig.samples = [ms / 1000 for ms, _ in runs]
    fig.measured = median(fig.samples)
    fig.baseline = _write_only_baseline(out, b.work / "基准-党费.xlsx") / 1000
    people = runs[0][1]
    fig.note = (f"{people} 人 × 12 个月（每人应缴、实缴两行），含读取数据库和计算；文件 {out.stat().st_size / 2**20:.1f} MB；"
                f"各次 {', '.join(f'{x:.2f}' for x in fig.samples)} s，其中本进程 CPU 时间 "
                f"{', '.join(f'{x:.2f}' for x in cpus)} s；基准只写值、不带格式")
    return fig


def points_year(b: Bench) -> Figure:
    """党员积分 of the whole 党委 for a year: every branch's ranking (services.points.year_points), the
    attendance counted in the database; the baseline reads the same attendance rows and counts them in Python."""
    fig = Figure("points", "全党委一年的党员积分排名（每个支部）", "≤ 3 s", unit="s", limit=3,
                 baseline_label="逐行读出全年考勤在 Python 中计数")
    if not _cli_has("points", "list"):
        raise NotAvailable("")
    from sqlalchemy import select

    from dangjian_desktop.core.glossary import MeetingState
    from dangjian_desktop.db.models import Attendance, Branch, Meeting
    from dangjian_desktop.services import points as ps

    year = TODAY.year - 1
    db = b.open()
    try:
        with db.session() as s:
            branch_ids = list(s.scalars(select(Branch.id)))

        def rank_all() -> int:
            return sum(len(ps.year_points(db, bid, year, today=TODAY).rows) for bid in branch_ids)

        def plain() -> int:
            counts: dict = {}
            with db.session() as s:
                for member_id, status, held_on in s.execute(
                        select(Attendance.member_id, Attendance.status, Meeting.held_on)
                        .join(Meeting, Meeting.id == Attendance.meeting_id)
                        .where(Meeting.held_on.between(date(year, 1, 1), date(year, 12, 31)),
                               Meeting.state == MeetingState.FINAL)):
                    key = (member_id, status, held_on.month)
                    counts[key] = counts.get(key, 0) + 1
            return len(counts)

        def cpu_timed(fn) -> tuple[float, float, int]:
            cpu = time.process_time()
            ms, value = _timed(fn)
            return ms, time.process_time() - cpu, value

        runs = [cpu_timed(rank_all) for _ in range(3)]
        base = [cpu_timed(plain) for _ in range(3)]
    finally:
        db.close()
    fig.samples = [ms / 1000 for ms, _, _ in runs]
    fig.measured = median(fig.samples)
    fig.baseline = median(ms / 1000 for ms, _, _ in base)
    fig.note = (f"{len(branch_ids)} 个支部 {runs[0][2]} 人，{year}年全年（含 12 月的学时达标）；各次 "
                f"{', '.join(f'{x:.2f}' for x in fig.samples)} s，其中本进程 CPU 时间 "
                f"{', '.join(f'{cpu:.2f}' for _, cpu, _ in runs)} s（基准 {', '.join(f'{cpu:.2f}' for _, cpu, _ in base)} s；"
                "机器忙时墙钟与 CPU 时间相差大）")
    return fig


def _study_ledger(b: Bench) -> Figure:
    from bench.figures_study import study_ledger

    return study_ledger(b)


# key -> (label, target, function); the order is the table's
ALL: dict[str, tuple[str, str, Callable[[Bench], Figure]]] = {
    "start": ("冷启动到主窗口绘出", "≤ 1.5 × 基准", cold_start),
    "typeahead": ("党员页按键筛选（10,000 名党员）", "≤ 50 ms/次按键", typeahead),
    "check": ("检查整个数据库（check）", "≤ 1 s", check_all),
    "grid": ("打开一个支部的三会一课年度表", "≤ 100 ms", year_grid),
    "roster": ("导出 10,000 人的党员花名册", "≤ 1.5 × 基准", roster_export),
    "minutes": ("一份会议记录 .docx", "≤ 100 ms", minutes_one),
    "minutes-book": ("一个支部一年的会议记录本", "≤ 3 s", minutes_book),
    "import": ("导入 10,000 行的花名册", "≤ 3 s 且 ≤ 1.5 × 基准", roster_import),
    "dues-collect": ("一年党费按应缴收齐（党委全部党员 × 12 个月）", "≤ 2 s", dues_collect),
    "dues-ledger": ("导出全党委一年的党费收缴台账", "≤ 3 s", dues_ledger),
    "points": ("全党委一年的党员积分排名（每个支部）", "≤ 3 s", points_year),
    "study-ledger": ("导出一个支部一年的学时台账", "≤ 3 s", _study_ledger),
    "start-data": ("启动到首页数据出现（党委数据库）", "≤ 1.0 s", start_data),
    "start-data-demo": ("启动到首页数据出现（一个支部的演示数据库）", "≤ 0.6 s", start_data_demo),
    "cli-help": ("命令行 --help 与用法错误", "≤ 0.3 s", cli_help),
    "cli-list": ("命令行 members list（一个支部的演示数据库）", "≤ 0.6 s", cli_list),
    "memory": ("图形界面峰值内存（打开所有页面）", "≤ 400 MB", memory),
    "stall": ("GUI 线程最长停顿（PostgreSQL 上的党委数据库，用遍每个页面）", "≤ 100 ms", gui_stall),
}


def _on_server(fn: Callable[[Bench], Figure]) -> Callable[[Bench], Figure]:
    """The same figure on bench's PostgreSQL 15 server holding the same 党委 data (issue 26)."""

    def on_server(b: Bench) -> Figure:
        side = b.on_server()
        fig = fn(side)
        fig.key, fig.label = f"pg-{fig.key}", f"PostgreSQL：{fig.label}"
        if side.server is not None and side.server.load_s is not None:
            fig.note += f"（数据复制到服务器用时 {side.server.load_s:.0f} s，不计入）"
        return fig

    return on_server


for _key in ("check", "grid", "typeahead", "import", "start-data", "start-data-demo"):
    _label, _target, _fn = ALL[_key]
    ALL[f"pg-{_key}"] = (f"PostgreSQL：{_label}", _target, _on_server(_fn))


def measure(key: str, b: Bench) -> Figure:
    label, target, fn = ALL[key]
    try:
        if fn is None:
            raise NotAvailable("")
        return fn(b)
    except NotAvailable as exc:
        return Figure(key, label, target, available=False, note=str(exc))
    except Exception as exc:  # noqa: BLE001 - one broken figure must not hide the others
        import traceback

        traceback.print_exc()
        problems = getattr(exc, "problems", [])
        detail = f"{exc}" + (f"（例如：{'；'.join(problems[:3])}）" if problems else "")
        return Figure(key, label, target, note=f"测量失败：{detail}")
