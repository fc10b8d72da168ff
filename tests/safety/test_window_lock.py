"""The window's lock (db.lock): commands that write are refused while a window has the database,
commands that read never disturb it, and a stray close() in the window's process changes neither.

POSIX fcntl locks belong to the process and vanish when any descriptor of the file is closed in it
(SQLite, "How To Corrupt An SQLite Database File", §2.2). Before this lock, a `dangjian` command
run beside a window that had lost its locks that way believed it was alone, and on closing
checkpointed and deleted the WAL the window went on writing to.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from dangjian_desktop.core.glossary import Gender
from dangjian_desktop.db import lock as db_lock
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import WINDOW, open_database
from dangjian_desktop.db.watch import identity, posix_lock_held
from dangjian_desktop.errors import DatabaseBusy
from dangjian_desktop.services import backup
from dangjian_desktop.services.branches import create_branch
from tests.roster_files import messy_roster
from tests.safety.cli_process import dangjian, holder_process, let_go

WINDOW_LINE = "数据库正在被党支部工作台窗口使用，请先关闭窗口"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/locks is Linux's")


def _new(path: Path) -> Path:
    db = open_database(path, create=True)
    create_branch(db, "XX社区第一党支部", "XX街道党工委", "张三")
    db.close()
    return path


def _add(db, name: str) -> int:
    with db.transaction() as s:
        branch_id = s.scalar(select(m.Branch.id))
        row = m.Member(branch_id=branch_id, name=name, gender=Gender.FEMALE, birth_date=date(1980, 1, 1),
                       joined_on=date(2005, 7, 1))
        s.add(row)
        s.flush()
        return row.id


def _names(path: Path) -> list[str]:
    code, out, err = dangjian("--db", path, "members", "list", "--json")
    assert code == 0, err
    return sorted(r["name"] for r in json.loads(out))


def stray_close(path: Path) -> None:
    """What the file dialog (or `gdb -p PID -ex 'call close(open("x.db", 0))'`) did in the window."""
    os.close(os.open(path, os.O_RDONLY))


def _sides(path: Path) -> dict[str, tuple[int, int] | None]:
    return {side: identity(Path(f"{path}{side}")) for side in ("-wal", "-shm")}


@linux_only
def test_the_hazard_is_real_here_a_plain_connection_deletes_the_wal_of_a_process_that_lost_its_lock(workdir):
    # the control for the test below: without the lock, this is what a command did
    path = _new(workdir / "x.db")
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("SELECT count(*) FROM members").fetchone()
    assert posix_lock_held(path) and Path(f"{path}-wal").exists()
    stray_close(path)
    assert posix_lock_held(path) is False
    code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM members'); c.close()"
    os.spawnv(os.P_WAIT, sys.executable, [sys.executable, "-c", code, str(path)])
    assert not Path(f"{path}-wal").exists()  # deleted from under the open connection
    con.close()


@linux_only
def test_reading_commands_never_touch_the_wal_of_a_window_that_lost_its_posix_lock(workdir):
    path = _new(workdir / "x.db")
    window = open_database(path, access=WINDOW)
    try:
        _add(window, "甲")  # in the WAL only: a checkpoint or a deleted WAL would show
        sides = _sides(path)
        assert None not in sides.values()
        stray_close(path)
        assert posix_lock_held(path) is False  # the window's process lost SQLite's lock
        assert _names(path) == ["甲"]
        for args in (["check", "--json"], ["export", "roster", "--out", workdir / "名册.xlsx"], ["backup"],
                     ["backup", "--out", workdir / "带走.zip"], ["members", "list"]):
            code, _, err = dangjian("--db", path, *args)
            assert code == 0, (args, err)
            assert _sides(path) == sides, args  # neither deleted nor replaced
        assert (workdir / "名册.xlsx").exists() and (workdir / "带走.zip").exists()
        _add(window, "乙")  # before writing, the window takes SQLite's lock again (closing and reopening)
        assert posix_lock_held(path) is True
    finally:
        window.close()
    assert _names(path) == ["乙", "甲"]
    assert not Path(f"{path}-wal").exists()  # the window, last to close, folded it into the file


def test_commands_that_write_exit_3_with_one_line_and_write_nothing(workdir):
    path = _new(workdir / "x.db")
    roster = messy_roster(workdir / "花名册.xlsx")
    reader = open_database(path, access="read")
    archive = backup.create_backup(reader).info.path
    reader.close()
    window = open_database(path, access=WINDOW)
    try:
        _add(window, "甲")
        for args in (["members", "import", roster], ["members", "import", roster, "--dry-run"],
                     ["meetings", "import", roster], ["development", "import", roster],
                     ["init", "--branch", "第二党支部"], ["demo"], ["restore", archive]):
            code, out, err = dangjian("--db", path, *args)
            assert (code, err.strip()) == (3, WINDOW_LINE), (args, out, err)
        assert _names(path) == ["甲"]
    finally:
        window.close()
    assert _names(path) == ["甲"]


def test_the_lock_outlives_stray_closes_of_its_own_file_and_of_the_database(workdir):
    path = _new(workdir / "x.db")
    window = open_database(path, access=WINDOW)
    try:
        for victim in (path, db_lock.lock_path(path), Path(f"{path}-wal")):
            os.close(os.open(victim, os.O_RDONLY))
        code, _, err = dangjian("--db", path, "members", "import", messy_roster(workdir / "花名册.xlsx"))
        assert (code, err.strip()) == (3, WINDOW_LINE)
    finally:
        window.close()
    code, out, err = dangjian("--db", path, "members", "import", workdir / "花名册.xlsx")
    assert code == 0 and "新增 5 人" in out, err


WINDOW_IN_A_PROCESS = """
import sys
from dangjian_desktop.db.engine import WINDOW, open_database
db = open_database(sys.argv[1], access=WINDOW)
print("ready", flush=True)
sys.stdin.read()
db.close()
"""

COMMAND_IN_A_PROCESS = """
import sys
from dangjian_desktop.db.engine import open_database
db = open_database(sys.argv[1])  # a command that may write, as `dangjian members import` opens it
print("ready", flush=True)
sys.stdin.read()
db.close()
"""


def test_a_second_window_is_refused_and_a_killed_window_leaves_no_lock(workdir, monkeypatch):
    path = _new(workdir / "x.db")
    other = holder_process(WINDOW_IN_A_PROCESS, path)
    monkeypatch.setattr(db_lock, "WINDOW_WAIT", 0.3)
    try:
        with pytest.raises(DatabaseBusy, match=WINDOW_LINE):
            open_database(path, access=WINDOW)
        os.kill(other.pid, signal.SIGKILL)
        other.wait(10)
        code, out, err = dangjian("--db", path, "members", "import", messy_roster(workdir / "花名册.xlsx"))
        assert code == 0 and "新增 5 人" in out, err
    finally:
        other.kill()
        other.wait(10)


def test_a_window_waits_for_a_running_command_then_opens(workdir, monkeypatch):
    path = _new(workdir / "x.db")
    command = holder_process(COMMAND_IN_A_PROCESS, path)
    threading.Timer(1.0, lambda: let_go(command)).start()
    started = time.monotonic()
    window = open_database(path, access=WINDOW)
    waited = time.monotonic() - started
    window.close()
    assert 0.8 < waited < db_lock.WINDOW_WAIT
    command = holder_process(COMMAND_IN_A_PROCESS, path)
    monkeypatch.setattr(db_lock, "WINDOW_WAIT", 0.3)
    try:
        with pytest.raises(DatabaseBusy, match="命令行程序"):
            open_database(path, access=WINDOW)
    finally:
        let_go(command)


def test_every_export_runs_as_a_read_only_guest_while_a_window_has_the_database(demo_db, workdir):
    from dangjian_desktop.services.exports import ExportRequest, kinds, run_export

    path = demo_db.path
    demo_db.close()
    window = holder_process(WINDOW_IN_A_PROCESS, path)
    try:
        guest = open_database(path, access="read")
        try:
            assert guest.guest
            branch_id = 1
            for kind in kinds():
                record_id = None
                if kind.needs_id:
                    record_id = kind.choices(guest, branch_id, 2026)[0][0]
                out = run_export(guest, kind.key, ExportRequest(branch_id, workdir / f"导出-{kind.key}{kind.suffix}",
                                                                2026, record_id))
                assert out.exists(), kind.key
            with pytest.raises(DatabaseBusy, match=WINDOW_LINE):  # and it cannot write
                _add(guest, "丙")
        finally:
            guest.close()
    finally:
        let_go(window)


def test_a_reading_command_with_the_password_runs_beside_the_window_and_a_wrong_one_is_refused(workdir, monkeypatch):
    """The password question of a command opened read-only beside a window: the right password lists,
    a wrong one is refused as wrong (exit 1), not as "busy", and nothing is written to the database."""
    from dangjian_desktop.services import security

    path = _new(workdir / "x.db")
    db = open_database(path)
    security.set_password(db, "对的密码123")
    db.close()
    window = open_database(path, access=WINDOW)
    try:
        _add(window, "甲")
        monkeypatch.setenv("DANGJIAN_PASSWORD", "对的密码123")
        code, out, err = dangjian("--db", path, "members", "list", "--json")
        assert code == 0, err
        assert [r["name"] for r in json.loads(out)] == ["甲"]
        monkeypatch.setenv("DANGJIAN_PASSWORD", "错的")
        code, out, err = dangjian("--db", path, "members", "list", "--json")
        assert (code, out) == (1, "") and "密码不对" in err and WINDOW_LINE not in err
    finally:
        window.close()
