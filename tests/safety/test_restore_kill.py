"""Restore killed with SIGKILL at random moments and between the renames of its swap: after the next
open the database and its attachments always belong together (both as before, or both restored),
and no scratch folder, journal or set-aside attachments folder is left.

Before the journal (db.swap), a kill between moving the attachments and replacing the database
left the old database with the new attachments (6 of 6 kills in that window).
"""

from __future__ import annotations

import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dangjian_desktop.db import swap
from dangjian_desktop.db.engine import files_dir_for, open_database
from dangjian_desktop.services import backup
from dangjian_desktop.services.branches import create_branch

KILLS = int(os.environ.get("DANGJIAN_RESTORE_KILLS", "60"))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
                                reason="SIGKILL and fork are POSIX only")


class Zygote:
    def __init__(self, db: Path, archive: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("kill_restorer.py")), str(db),
                                      str(archive)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next(60) == "zygote"

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("EOF")

    def next(self, timeout: float = 30) -> str:
        return self.lines.get(timeout=timeout)

    def send(self, text: str) -> None:
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        try:
            self.send("quit")
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()


def _make(path: Path, branch: str, marker: str) -> Path:
    db = open_database(path, create=True)
    create_branch(db, branch, "XX街道党工委", "张三")
    folder = db.attachments_dir / "meeting" / "1"
    folder.mkdir(parents=True)
    (folder / marker).write_text(branch, encoding="utf-8")
    db.close()
    return path


def _state(path: Path) -> tuple[str, set[str]]:
    con = sqlite3.connect(path)
    try:
        branch = con.execute("SELECT name FROM branches").fetchone()[0]
    finally:
        con.close()
    folder = files_dir_for(path) / "attachments" / "meeting" / "1"
    return branch, set(os.listdir(folder)) if folder.is_dir() else set()


def _leftovers(path: Path) -> list[str]:
    files = files_dir_for(path)
    return sorted(p.name for p in [*files.iterdir(), *path.parent.iterdir()]
                  if p.name in ("临时", swap.JOURNAL) or p.name.startswith(".附件") or p.name.endswith("-lock"))


def test_a_killed_restore_never_leaves_a_database_with_the_wrong_attachments(workdir):
    template = _make(workdir / "模板" / "支部.db", "旧的支部", "旧.txt")
    elsewhere = open_database(_make(workdir / "别处" / "支部.db", "新的支部", "新.txt"))
    archive = backup.export_archive(elsewhere, workdir / "新.zip").path
    elsewhere.close()
    path = workdir / "现在" / "支部.db"

    def reset() -> None:
        shutil.rmtree(path.parent, ignore_errors=True)
        shutil.copytree(template.parent, path.parent)

    rng = random.Random(20261202)
    zygote = Zygote(path, archive)
    tally = {"kills": 0, "in_swap": 0, "done_before_kill": 0, "after_old": 0, "after_new": 0, "finished_on_open": 0}
    started = time.monotonic()
    try:
        durations = []
        for n in range(3):  # how long one restore takes here, to spread the random kills over it
            reset()
            t0 = time.monotonic()
            zygote.send(f"run {n} fast")
            pid = int(zygote.next().split()[1])
            assert zygote.next() == "done"
            zygote.send("wait")
            durations.append(time.monotonic() - t0)
            assert zygote.next() == f"reaped {pid}"
            assert _state(path) == ("新的支部", {"新.txt"})
        took = max(durations)
        for n in range(KILLS):
            reset()
            slow = rng.random() < 0.6
            zygote.send(f"run {n} {'slow' if slow else 'fast'}")
            pid = int(zygote.next().split()[1])
            if slow:  # between two renames of the swap
                want = f"step {rng.randint(1, 4)}"
                while (line := zygote.next()) not in (want, "done"):
                    pass
                tally["done_before_kill"] += line == "done"
            else:
                time.sleep(rng.uniform(0, took))
            zygote.send("kill")
            while (line := zygote.next()) != f"reaped {pid}":
                tally["done_before_kill"] += line == "done"
            tally["kills"] += 1
            decided = swap.pending(path)
            tally["in_swap"] += decided
            db = open_database(path)  # the next open, by the window or any command
            db.close()
            branch, markers = _state(path)
            assert (branch, markers) in (("旧的支部", {"旧.txt"}), ("新的支部", {"新.txt"})), (n, branch, markers)
            assert _leftovers(path) == [], n
            if decided:
                assert branch == "新的支部"  # once decided, the restore is finished by the next open
                tally["finished_on_open"] += 1
            tally["after_new" if branch == "新的支部" else "after_old"] += 1
    finally:
        zygote.close()
    seconds = time.monotonic() - started
    figures = (f"restore kill test: {tally['kills']} SIGKILLs ({tally['done_before_kill']} came after the restore had "
               f"finished), {tally['in_swap']} inside the swap "
               f"(after the journal, between renames), all {tally['finished_on_open']} finished by the next open; "
               f"afterwards {tally['after_old']} as before and {tally['after_new']} restored, 0 with the wrong "
               f"attachments, 0 scratch folders or journals left; one restore takes {took:.2f} s; {seconds:.1f} s")
    print("\n" + figures)
    (workdir / "restore-kill-figures.txt").write_text(figures, encoding="utf-8")
    assert tally["in_swap"] >= KILLS // 3
