"""Issue 26: the command line's figures (a person waits for the prompt to come back)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from bench.children import ROOT, as_installed, run_child
from bench.data import TODAY
from bench.report import Figure, median

if TYPE_CHECKING:
    from bench.figures import Bench


def _interleaved(b: Bench, command: list[str], env: dict, *, exit_code: int = 0):
    """The command and a bare interpreter in turns, so that drift in the machine's load hits both:
    (walls, cpus, bare walls, bare cpus)."""
    bare = [sys.executable, "-c", "pass"]
    run_child(command, env, exit_code=exit_code)  # warm the disk cache
    walls, cpus, bare_walls, bare_cpus = [], [], [], []
    for _ in range(max(b.runs, 5)):
        wall, cpu = run_child(bare, env)
        bare_walls.append(wall)
        bare_cpus.append(cpu)
        wall, cpu = run_child(command, env, exit_code=exit_code)
        walls.append(wall)
        cpus.append(cpu)
    return walls, cpus, bare_walls, bare_cpus


def cli_help(b: Bench) -> Figure:
    """Issue 26: `dangjian --help` and a usage error (an option the command does not have), from the
    shell's Enter to its end, against a bare interpreter: the slower of the two is the figure. Neither
    needs the data layer or the writers, so neither may wait for them."""
    fig = Figure("cli-help", "命令行 --help 与用法错误", "≤ 0.3 s", limit=0.3, unit="s",
                 baseline_label="空的 Python 解释器启动到退出")
    env = dict(os.environ, PYTHONPATH=str(ROOT), **as_installed())
    main = [sys.executable, "-c", "import sys; from dangjian_desktop.cli import main; sys.exit(main())"]
    helped = _interleaved(b, [*main, "--help"], env)
    wrong = _interleaved(b, [*main, "members", "list", "--没有这个选项"], env, exit_code=2)
    slower = max((helped, wrong), key=lambda runs: median(runs[0]))
    fig.measured, fig.baseline, fig.samples = median(slower[0]), median(slower[2]), slower[0]
    fig.note = (f"--help {median(helped[0]):.2f} s（CPU {median(helped[1]):.2f} s），"
                f"用法错误 {median(wrong[0]):.2f} s（CPU {median(wrong[1]):.2f} s），各 {len(helped[0])} 次中位数，"
                f"与空解释器（{median(helped[2]):.2f} s）轮流运行")
    return fig


def cli_list(b: Bench) -> Figure:
    """Issue 26: `dangjian members list` on a one-branch demo database, from the shell's Enter to its
    end (interpreter start, imports, opening the file, the list), against a bare interpreter."""
    fig = Figure("cli-list", "命令行 members list（一个支部的演示数据库）", "≤ 0.6 s", limit=0.6, unit="s",
                 baseline_label="空的 Python 解释器启动到退出")
    from dangjian_desktop.services.demo import make_demo

    target = b.empty_target("命令行")
    db = b.open(target, create=True)
    try:
        make_demo(db, seed=1, today=TODAY)
    finally:
        db.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT), **as_installed())
    command = [sys.executable, "-c", "import sys; from dangjian_desktop.cli import main; sys.exit(main())",
               "--db", str(target), "members", "list"]
    walls, cpus, bare_walls, bare_cpus = _interleaved(b, command, env)
    fig.measured, fig.baseline, fig.samples = median(walls), median(bare_walls), walls
    fig.note = (f"{len(walls)} 次中位数（{', '.join(f'{x:.2f}' for x in walls)} s）；用去 CPU {median(cpus):.2f} s"
                f"（空解释器 {median(bare_cpus):.2f} s；机器繁忙时墙钟时间大半是等 CPU，CPU 时间受影响小得多，但也会变多）")
    return fig
