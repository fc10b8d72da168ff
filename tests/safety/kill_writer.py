"""A writer that the kill test (test_kill.py) kills with SIGKILL at random moments.

Run as a "zygote" (`kill_writer.py DB`): it imports the program once, then for each `run SEED` line
on stdin forks a child that opens the database and writes records (members, meetings with their
attendance, applicants with their development steps) in real transactions, printing one
line *after* each commit. The test kills the child and checks what it said was saved.
"""

from __future__ import annotations

import os
import random
import sys
from datetime import date, timedelta

from sqlalchemy import select

from dangjian_desktop.core.glossary import AttendanceStatus, Gender, MeetingType
from dangjian_desktop.core.rules import CURRENT_VERSION
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import open_database


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write(2) each: a line is whole or absent


def write_forever(path: str, seed: int) -> None:
    db = open_database(path)
    say(f"ready {os.getpid()}")
    rng = random.Random(seed)
    with db.session() as s:
        branch_id = s.scalar(select(m.Branch.id))
    n = 0
    while True:
        n += 1
        kind = rng.choice(("member", "meeting", "applicant"))
        if kind == "member":
            with db.transaction() as s:
                row = m.Member(branch_id=branch_id, name=f"党员{seed}-{n}", gender=Gender.FEMALE,
                               birth_date=date(1960, 1, 1) + timedelta(days=rng.randrange(15000)),
                               joined_on=date(2000, 7, 1), notes="x" * rng.randrange(2000))
                s.add(row)
                s.flush()
                ident = row.id
            say(f"w member {ident} {seed}-{n}")
        elif kind == "meeting":
            with db.transaction() as s:
                members = s.scalars(select(m.Member.id).order_by(m.Member.id.desc()).limit(12)).all()
                row = m.Meeting(branch_id=branch_id, type=MeetingType.BRANCH_CONGRESS, title=f"会议{seed}-{n}",
                                held_on=date(2026, 1, 1) + timedelta(days=rng.randrange(300)),
                                expected=len(members), present=len(members), minutes="记录" * rng.randrange(500))
                row.attendance = [m.Attendance(member_id=i, status=AttendanceStatus.PRESENT) for i in members]
                s.add(row)
                s.flush()
                ident = row.id
            say(f"w meeting {ident} {len(members)}")
        else:
            steps = rng.randrange(1, 12)
            with db.transaction() as s:
                row = m.Applicant(branch_id=branch_id, name=f"申请人{seed}-{n}", rule_catalog_version=CURRENT_VERSION,
                                  notes=str(steps))
                row.steps = [m.DevelopmentStep(step_no=k, done_on=date(2024, 1, 1) + timedelta(days=30 * k),
                                               people=[{"role": "培养联系人", "name": "王芳"}], details={"k": k})
                             for k in range(1, steps + 1)]
                s.add(row)
                s.flush()
                ident = row.id
            say(f"w applicant {ident} {steps}")


def zygote(path: str) -> int:
    say("zygote")
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "quit":
            return 0
        _, seed = parts
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(path, int(seed))
            finally:
                os._exit(0)
        say(f"pid {pid}")
        os.waitpid(pid, 0)
        say(f"reaped {pid}")
    return 0


if __name__ == "__main__":
    raise SystemExit(zygote(sys.argv[1]))
