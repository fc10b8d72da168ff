"""Crash safety: a writer killed with SIGKILL at random moments, at least 100 times.

After every kill the database must pass SQLite's full integrity check, open normally, hold
every record the writer reported as saved, and hold no half-written record (a meeting
without its attendance, an applicant without all its steps).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import integrity_problem, open_database
from dangjian_desktop.services.branches import create_branch

KILLS = int(os.environ.get("DANGJIAN_KILLS", "120"))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
                                reason="SIGKILL and fork are POSIX only")


class Zygote:
    """The writer process; its forked children are the ones killed."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("kill_writer.py")), str(path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next(30) == "zygote"

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("EOF")

    def next(self, timeout: float = 20) -> str:
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


def _verify(path: Path, members: dict, meetings: dict, applicants: dict) -> None:
    assert integrity_problem(path, full=True) is None
    db = open_database(path)
    try:
        with db.session() as s:
            names = dict(s.execute(select(m.Member.id, m.Member.name)).all())
            att = dict(s.execute(select(m.Attendance.meeting_id, func.count()).group_by(m.Attendance.meeting_id)).all())
            expected = dict(s.execute(select(m.Meeting.id, m.Meeting.expected)).all())
            steps = dict(s.execute(select(m.DevelopmentStep.applicant_id, func.count())
                                   .group_by(m.DevelopmentStep.applicant_id)).all())
            notes = dict(s.execute(select(m.Applicant.id, m.Applicant.notes)).all())
    finally:
        db.close()
    missing = [i for i, tag in members.items() if names.get(i) != f"党员{tag}"]
    missing += [("meeting", i) for i, n in meetings.items() if att.get(i, 0) != n]
    missing += [("applicant", i) for i, n in applicants.items() if steps.get(i, 0) != n]
    assert missing == [], f"reported as saved but not (wholly) there: {missing[:5]}"
    # nothing half-written, reported or not
    assert all(att.get(i, 0) == n for i, n in expected.items())
    assert all(steps.get(i, 0) == int(n) for i, n in notes.items())


def test_killed_writers_never_lose_a_saved_record_or_leave_a_broken_file(workdir):
    path = workdir / "被杀.db"
    db = open_database(path, create=True)
    create_branch(db, "XX社区第一党支部", "XX街道党工委", "张三")
    db.close()
    rng = random.Random(20261123)
    members: dict[int, str] = {}
    meetings: dict[int, int] = {}
    applicants: dict[int, int] = {}
    zygote = Zygote(path)
    started = time.monotonic()
    kills = during_open = 0
    try:
        def record(line: str) -> None:
            parts = line.split()
            if parts[:1] != ["w"]:
                return
            kind, ident, extra = parts[1], int(parts[2]), parts[3]
            if kind == "member":
                members[ident] = extra
            elif kind == "meeting":
                meetings[ident] = int(extra)
            else:
                applicants[ident] = int(extra)

        for round_no in range(KILLS):
            zygote.send(f"run {round_no}")
            line = zygote.next()
            assert line.startswith("pid "), line
            pid = int(line.split()[1])
            moment = rng.random()
            if moment < 0.1:  # while it is still opening the database
                time.sleep(rng.uniform(0, 0.05))
                during_open += 1
            else:
                while not (line := zygote.next()).startswith("ready"):
                    record(line)
                if moment >= 0.2:  # mostly in the middle of writing: after the first commit, so a
                    while not (line := zygote.next()).startswith("w "):  # loaded machine still writes
                        record(line)
                    record(line)
                time.sleep(rng.uniform(0.0, 0.15))
            os.kill(pid, signal.SIGKILL)
            kills += 1
            while (line := zygote.next()) != f"reaped {pid}":
                record(line)
            _verify(path, members, meetings, applicants)
    finally:
        zygote.close()
    seconds = time.monotonic() - started
    confirmed = len(members) + len(meetings) + len(applicants)
    figures = (f"kill test: {kills} SIGKILLs ({during_open} while opening), {confirmed} writes confirmed "
               f"({len(members)} members, {len(meetings)} meetings, {len(applicants)} applicants), "
               f"integrity ok and all present after every kill, {seconds:.1f} s, "
               f"database {path.stat().st_size // 1024} KB")
    print("\n" + figures)
    (workdir / "kill-figures.txt").write_text(figures, encoding="utf-8")
    assert kills >= 100 or KILLS < 100
    assert confirmed >= int(kills * 0.8)  # four kills in five come after at least one commit
