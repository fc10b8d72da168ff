"""Every database or file fault is one Chinese sentence saying what was and was not saved, and
"未做任何改动" is true: a full disk, a read-only folder, a lock held by another program, a file that
is not ours (or is empty), a URL of another kind of database, a run killed half way.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dangjian_desktop.db.engine import open_database
from dangjian_desktop.db.filecheck import connect
from dangjian_desktop.errors import DatabaseFault
from dangjian_desktop.services import members as ms
from tests.roster_files import id_for, messy_roster
from tests.safety.cli_process import dangjian, holder_process
from tests.safety.disks import fill, read_only, tiny_disk


def _one_chinese_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Error" not in err and "errno" not in err.lower(), err
    return lines[0]


def _demo(path: Path) -> Path:
    code, _, err = dangjian("--db", path, "demo", "--members", "12", "--years", "1")
    assert code == 0, err
    return path


def _digest(path: Path) -> list:
    con = connect(path, readonly=True)
    try:
        return [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("members", "meetings", "attendance", "applicants", "branches")]
    finally:
        con.close()


def _leftovers(root: Path) -> list[str]:
    """Anything a killed or failed run could leave: scratch folders, parts, journals, locks."""
    return sorted(p.name for p in root.rglob("*")
                  if p.name == "临时" or p.name.endswith((".part", "-lock")) or p.name.startswith((".恢复", ".附件")))


# ------------------------------------------------------------------ files that are not (yet) ours


def test_a_foreign_sqlite_file_opened_by_mistake_is_left_byte_for_byte(workdir):
    other = workdir / "别的软件.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE 账目 (id INTEGER PRIMARY KEY, 金额 REAL)")
    con.execute("INSERT INTO 账目 (金额) VALUES (12.5)")
    con.commit()
    con.close()
    before = other.read_bytes()
    assert before[18:20] == b"\x01\x01"  # a rollback-journal database
    for args in (["members", "list"], ["check"], ["backup"], ["members", "import", other]):
        code, _, err = dangjian("--db", other, *args)
        assert code == 1 and "不是党支部工作台的数据库" in _one_chinese_line(err) and "未做任何改动" in err
    from dangjian_desktop.db.engine import WINDOW
    from dangjian_desktop.errors import DatabaseError

    with pytest.raises(DatabaseError, match="不是党支部工作台的数据库"):
        open_database(other, access=WINDOW)  # the window's way
    assert other.read_bytes() == before  # not switched to WAL, nothing else either
    assert sorted(p.name for p in workdir.iterdir() if p.name.startswith("别的软件")) == ["别的软件.db"]


def test_an_empty_file_is_not_a_new_database_unless_init_or_demo_makes_it_one(workdir):
    empty = workdir / "dangjian.db"
    empty.write_bytes(b"")
    for args in (["members", "list"], ["check"], ["members", "import", empty], ["backup"]):
        code, _, err = dangjian("--db", empty, *args)
        line = _one_chinese_line(err)
        assert code == 1 and "是空的（0 字节）" in line and "init 或 demo" in line, args
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in workdir.iterdir()) == ["dangjian.db"]
    code, out, err = dangjian("--db", empty, "init", "--branch", "测试第一党支部")
    assert code == 0 and "已创建支部" in out, err
    code, out, _ = dangjian("--db", empty, "members", "list")
    assert code == 0 and "测试第一党支部" in out


@pytest.mark.parametrize("url", ["mysql://zhang:机密口令@10.0.0.5/dangwei", "oracle://zhang:机密口令@db/x",
                                 "http://10.0.0.5/dangjian.db", "sqlite://"])
def test_a_url_of_another_kind_of_database_is_one_sentence(url, workdir):
    code, _, err = dangjian("--db", url, "members", "list")
    line = _one_chinese_line(err)
    assert code == 1 and "未做任何改动" in line and "机密口令" not in line


# ------------------------------------------------------------------ a full disk


def test_a_full_disk_is_said_as_such_for_import_restore_and_export_and_nothing_is_half_written(workdir, tmp_path):
    outside = _demo(workdir / "外面.db")
    archive = Path(dangjian("--db", outside, "backup")[1].strip().rsplit("：", 1)[1])
    roster = messy_roster(workdir / "花名册.xlsx")
    with tiny_disk(tmp_path / "小盘", 2048) as disk:
        db = _demo(disk / "支部.db")
        before = _digest(db)
        filler = fill(disk, leave=8 * 1024)
        for args, what in ((["members", "import", roster], "导入"), (["restore", archive], "恢复"),
                           (["backup"], "备份")):
            code, out, err = dangjian("--db", db, *args)
            line = _one_chinese_line(err)
            assert code == 1 and ("磁盘已满" in line or "磁盘空间不够" in line), (what, line)
            assert _digest(db) == before, what
            assert not _leftovers(disk), what
        filler.unlink()
        # an export onto a full USB stick: the database is elsewhere
        usb = disk / "U盘"
        usb.mkdir()
        fill(disk, leave=16 * 1024)
        code, _, err = dangjian("--db", outside, "backup", "--out", usb / "全部数据.zip")
        line = _one_chinese_line(err)
        assert code == 1 and "磁盘已满" in line and "没有留下不完整的文件" in line
        assert list(usb.iterdir()) == [] and not _leftovers(workdir)
        assert _digest(db) == before


def test_a_write_that_finds_the_disk_full_is_refused_in_chinese_and_keeps_what_was_saved(demo_db):
    # SQLite's max_page_count gives the same SQLITE_FULL as a full disk, without root
    from datetime import date

    from sqlalchemy import event

    from dangjian_desktop.core.glossary import MemberStatus

    before = len(ms.list_members(demo_db))
    with demo_db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    demo_db.engine.dispose()
    event.listen(demo_db.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count={pages + 8}"))
    saved = 0
    with pytest.raises(DatabaseFault) as raised:
        for n in range(300):
            ms.create_member(demo_db, 1, ms.MemberFields(
                name=f"新党员{n}", id_number=id_for(date(1990, 1, 1), True, 100 + n), joined_on=date(2015, 7, 1),
                full_member_on=date(2016, 7, 1), status=MemberStatus.FULL, notes="很长的备注" * 400))
            saved += 1
    text = str(raised.value)
    assert "磁盘已满" in text and "这次的修改没有保存" in text and "之前保存的数据不受影响" in text
    assert saved > 0 and len(ms.list_members(demo_db)) == before + saved


# ------------------------------------------------------------------ a read-only folder


def test_a_read_only_folder_is_said_as_such_and_nothing_changes(workdir):
    folder = workdir / "只读"
    folder.mkdir()
    db = _demo(folder / "支部.db")
    before = _digest(db)
    archive = Path(dangjian("--db", db, "backup")[1].strip().rsplit("：", 1)[1])
    outside = _demo(workdir / "外面.db")
    roster = messy_roster(workdir / "花名册.xlsx")
    listing = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    with read_only(folder):
        for args in (["members", "import", roster], ["restore", archive], ["members", "list"]):
            code, out, err = dangjian("--db", db, *args)
            line = _one_chinese_line(err)
            assert code == 1 and "只读" in line, (args, line)
        code, _, err = dangjian("--db", outside, "backup", "--out", folder / "全部数据.zip")
        assert code == 1 and "只读" in _one_chinese_line(err)
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == listing
    assert _digest(db) == before


# ------------------------------------------------------------------ a lock held by another program

HOLD_WRITE = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE branches SET name = name || '（另一个程序）'")
print("ready", flush=True)
sys.stdin.read()
con.execute("COMMIT")
print("committed", flush=True)
"""

HOLD_EXCLUSIVE = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA journal_mode=DELETE")
con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE branches SET name = name || '（另一个程序）'")
print("ready", flush=True)
sys.stdin.read()
con.execute("COMMIT")
print("committed", flush=True)
"""


@pytest.mark.parametrize("holder", [HOLD_WRITE, HOLD_EXCLUSIVE], ids=["wal-writer", "exclusive-lock"])
def test_a_database_locked_by_another_program_is_busy_exit_3_never_damaged(holder, workdir):
    db = _demo(workdir / "支部.db")
    archive = Path(dangjian("--db", db, "backup")[1].strip().rsplit("：", 1)[1])
    other = holder_process(holder, db)
    try:
        for args in (["restore", archive], ["members", "import", messy_roster(workdir / "花名册.xlsx")]):
            code, _, err = dangjian("--db", db, *args)
            line = _one_chinese_line(err)
            assert code == 3 and "另一个程序" in line and "损坏" not in line, (args, line)
        assert not list(workdir.glob("*损坏*"))  # the live file was not renamed aside
    finally:
        other.stdin.close()
        assert other.stdout.readline().strip() == "committed"  # the other program's commit went through
        other.wait(30)
    code, out, _ = dangjian("--db", db, "members", "list")
    assert code == 0 and "（另一个程序）" in out


# ------------------------------------------------------------------ a run killed half way

SLOW_EXPORT = """
import sys, time, zipfile
from dangjian_desktop import cli
real_write = zipfile.ZipFile.write
def slow_write(self, *args, **kwargs):
    print("writing", flush=True)
    time.sleep(30)
zipfile.ZipFile.write = slow_write
sys.exit(cli.main(["--db", sys.argv[1], "backup", "--out", sys.argv[2]]))
"""


def test_a_killed_export_leaves_nothing_once_the_database_is_next_opened(workdir):
    db = _demo(workdir / "支部.db")
    usb = workdir / "U盘"
    usb.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", SLOW_EXPORT, str(db), str(usb / "全部数据.zip")],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    left = _leftovers(workdir)
    assert "临时" in left and "全部数据.zip.part" in left  # what a kill leaves: a copy of the database
    code, _, err = dangjian("--db", db, "members", "list")
    assert code == 0, err
    assert _leftovers(workdir) == [] and list(usb.iterdir()) == []
