"""A restorer that the restore kill test (test_restore_kill.py) kills with SIGKILL.

Run as a "zygote" (`kill_restorer.py DB ARCHIVE`): it imports the program once, then for each
`run N fast|slow` line on stdin forks a child that restores ARCHIVE over DB and prints "done";
the next line, `kill` or `wait`, says whether to SIGKILL the child before reaping it.
A `slow` child announces every rename of the swap (db.swap) as "step K" and pauses a moment
after it, so that the test can kill it between two renames, where a kill is most harmful.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import types


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write(2) each: a line is whole or absent


def restore_once(db: str, archive: str, slow: bool) -> None:
    from dangjian_desktop.db import swap
    from dangjian_desktop.services import backup

    if slow:
        steps = [0]
        real_replace = os.replace

        def replace(src, dst, *args, **kwargs):
            real_replace(src, dst, *args, **kwargs)
            steps[0] += 1
            say(f"step {steps[0]}")
            time.sleep(0.05)

        announcing = types.ModuleType("os")  # only the swap's renames announce themselves
        announcing.__dict__.update(os.__dict__)
        announcing.replace = replace
        swap.os = announcing
    backup.restore(db, archive)
    say("done")


def zygote(db: str, archive: str) -> int:
    import dangjian_desktop.services.backup  # noqa: F401 - imported once, before the forks

    say("zygote")
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "quit":
            return 0
        _, _n, mode = parts
        pid = os.fork()
        if pid == 0:
            try:
                restore_once(db, archive, mode == "slow")
            finally:
                os._exit(0)
        say(f"pid {pid}")
        # the kill is made here, by the parent: until it is reaped, the child's pid cannot be reused
        if sys.stdin.readline().strip() == "kill":
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        say(f"reaped {pid}")
    return 0


if __name__ == "__main__":
    raise SystemExit(zygote(sys.argv[1], sys.argv[2]))
