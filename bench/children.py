"""Running the program in child processes as it runs when installed."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_COMPILED = False


def as_installed() -> dict[str, str]:
    """Environment for a child that runs the program as it is installed: the bundle (PyInstaller)
    holds the program's modules compiled, while a checkout run with PYTHONDONTWRITEBYTECODE (as the
    team's machines are) compiles every module of the program again at each start, some 0.1 s of
    CPU that no user's start spends. So the program's modules are compiled once per bench run, into
    their own __pycache__ folders (ignored by git), where the libraries' are since pip installed them.

    Not with PYTHONPYCACHEPREFIX: Python then looks for every module's bytecode under that prefix
    only, so each child compiled SQLAlchemy, openpyxl and the rest from source again at every start
    (about 0.9 s of CPU: `members list` on the demo measured 1.1 s instead of 0.4 s)."""
    global _COMPILED
    if not _COMPILED:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "dangjian_desktop"), str(ROOT / "bench")],
                       env=env, check=True, capture_output=True)
        _COMPILED = True
    return {}


def run_child(args: list[str], env: dict, *, exit_code: int = 0) -> tuple[float, float]:
    """Run a child process to its end: (wall seconds, its CPU seconds, all its threads). It must
    end with `exit_code` (2 for a usage error)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != exit_code:
        raise RuntimeError(f"{' '.join(args[-4:])} 退出码 {done.returncode}：{done.stderr.decode('utf-8', 'replace')[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
