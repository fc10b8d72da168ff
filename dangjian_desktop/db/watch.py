"""Are the files a window writes to still the database on disk? (Checked before every write.)

A window keeps one connection (the keeper) open for as long as it shows a database, so that its
WAL file is never closed and re-made by the window itself: while the window lives, the database,
its `-wal` and its `-shm` stay the same files (device and inode). If one of them is deleted or
replaced from outside (another program, a sync folder, a copy over the file), everything written
from then on would go into a file nobody will read again; the window finds that out before the
next write, keeps a copy of what it can still see (`rescue_copy`), and reopens.

On Linux the window also checks that its process still holds SQLite's POSIX lock on the file
(`/proc/locks`): a stray close() anywhere in the process drops it (db.lock), and SQLite cannot
know. Closing every connection and opening again makes SQLite take it anew.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dangjian_desktop import private

Identity = tuple[int, int] | None  # (device, inode); None when the file does not exist

SIDES = {"": "数据库文件", "-wal": "数据库的预写日志文件（-wal）", "-shm": "数据库的共享内存文件（-shm）"}


def identity(path: Path) -> Identity:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


@dataclass(frozen=True)
class Seen:
    """The files of one open database, as they were when the window (re)opened it."""

    files: dict[str, Identity]

    @classmethod
    def now(cls, path: Path) -> Seen:
        return cls({side: identity(Path(str(path) + side)) for side in SIDES})

    def changed(self, path: Path) -> list[str]:
        """The sides ("", "-wal", "-shm") whose files are no longer the ones the window has open."""
        return [side for side, was in self.files.items() if was is not None and identity(Path(str(path) + side)) != was]

    def stale_sides(self, path: Path) -> list[Path]:
        """After the database file itself was replaced: our own -wal and -shm, still on disk beside
        a file they do not belong to (SQLite would replay that WAL into it)."""
        return [Path(str(path) + side) for side in ("-wal", "-shm")
                if self.files.get(side) is not None and identity(Path(str(path) + side)) == self.files[side]]


def posix_lock_held(path: Path) -> bool | None:
    """Does this process hold a POSIX lock on `path` (as SQLite does while a connection is open)?
    None where the system does not say (not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        st = os.stat(path)
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    me = str(os.getpid())
    for line in lines:
        parts = line.split()
        # "1: POSIX  ADVISORY  READ 1234 fe:00:2162868 1073741826 1073742335" ("->" marks a waiter)
        if "->" in parts or len(parts) < 6 or parts[1] != "POSIX" or parts[4] != me:
            continue
        try:
            major, minor, ino = parts[5].split(":")
            if (int(major, 16), int(minor, 16), int(ino)) == (os.major(st.st_dev), os.minor(st.st_dev), st.st_ino):
                return True
        except ValueError:
            continue
    return False


def rescue_copy(keeper: sqlite3.Connection, path: Path, folder: Path, now: datetime | None = None) -> Path:
    """Copy everything the window can still see through its keeper connection into the backups
    `folder`, as `<name>-救回-<time>.db` (self-contained: no WAL needed), where the 数据安全 page
    lists it and can restore from it."""
    now = now or datetime.now()
    private.make_dir(folder)
    dest = folder / f"{path.stem}-救回-{now:%Y%m%d-%H%M%S}.db"
    n = 2
    while dest.exists():
        dest = folder / f"{path.stem}-救回-{now:%Y%m%d-%H%M%S}-{n}.db"
        n += 1
    private.create_file(dest)  # owner-only before SQLite writes the first page into it
    out = sqlite3.connect(dest)
    try:
        keeper.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
    finally:
        out.close()
    return dest


def content_digest(con: sqlite3.Connection) -> str:
    """A digest of every row of every table (page layout aside), to tell two files apart by what
    they hold."""
    h = hashlib.sha256()
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    for table in tables:
        h.update(f"\x00{table}\x00".encode())
        rows = sorted(repr(row) for row in con.execute(f'SELECT * FROM "{table}"'))
        for row in rows:
            h.update(row.encode("utf-8", "surrogatepass"))
    return h.hexdigest()
