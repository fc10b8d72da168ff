"""Running `dangjian` as its own process, the way a terminal or a script runs it beside a window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def dangjian(*args: str | Path, timeout: float = 120) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `dangjian ARGS` in a process of its own."""
    done = subprocess.run([sys.executable, "-m", "dangjian_desktop.cli", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def holder_process(code: str, *args: str | Path) -> subprocess.Popen:
    """A Python process running `code` (argv[1:] = args) that prints 'ready' when it holds what it
    should, and lets go when its stdin is closed."""
    proc = subprocess.Popen([sys.executable, "-c", code, *map(str, args)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, encoding="utf-8")
    line = proc.stdout.readline().strip()
    assert line == "ready", line
    return proc


def let_go(proc: subprocess.Popen) -> None:
    proc.stdin.close()
    proc.wait(30)
