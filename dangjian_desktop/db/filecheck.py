"""Is this file one of our SQLite databases, and is it whole? (sqlite3 only, no SQLAlchemy.)

Kept apart from db.engine so that the GUI can run the integrity check of a large file while
SQLAlchemy is still being imported: sqlite3 lets go of the GIL while it reads the file.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from dangjian_desktop.errors import DatabaseDamaged, DatabaseError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_file(path: Path) -> None:
    """DatabaseError if the file is not an SQLite database at all (an empty file is a new one)."""
    if path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise DatabaseError(f"文件“{path}”不是本程序的数据库（也可能已损坏），未做任何改动。")


def integrity_problem(path: Path, *, full: bool = False) -> str | None:
    """None if SQLite's quick (or full) integrity check passes, else what it found, in short."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=5)
        try:
            rows = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        return str(exc)
    found = [str(r[0]) for r in rows]
    return None if found == ["ok"] else "；".join(found[:3])


def check_integrity(path: Path) -> None:
    """DatabaseDamaged, saying what to do, if the quick integrity check finds anything."""
    if path.stat().st_size == 0:
        return
    problem = integrity_problem(path)
    if problem is not None:
        log.info("integrity check failed for %s: %s", path, problem)  # info: the CLI prints only the message
        raise DatabaseDamaged(f"数据库文件“{path}”已损坏或不完整，未做任何改动。可以从最近一次完好的备份恢复"
                              f"（设置 → 数据安全，或 dangjian restore 备份文件）。技术信息：{problem}")


def check_file(path: Path) -> None:
    """Both checks, in the order open_database makes them."""
    check_sqlite_file(path)
    check_integrity(path)
