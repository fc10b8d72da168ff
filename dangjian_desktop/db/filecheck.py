"""Is this file one of our SQLite databases, and is it whole? (sqlite3 only, no SQLAlchemy.)

Kept apart from db.engine so that the GUI can run the integrity check of a large file while
SQLAlchemy is still being imported: sqlite3 lets go of the GIL while it reads the file.

The file is only ever read through SQLite, never with open(): in a process that has the
database open, closing any other descriptor of the file drops SQLite's POSIX locks (db.lock).
Every connection is made from a properly quoted `file:` URI (sqlite_uri), so that a folder named
"2#楼", "a?b" or "100%" means that folder, and no connection made here ever creates a file.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_from_bytes

from dangjian_desktop import private
from dangjian_desktop.db import faults, files_dir_for
from dangjian_desktop.errors import DatabaseDamaged, DatabaseError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


def sqlite_uri(path: Path, **params: str) -> str:
    """An SQLite `file:` URI for `path`: '#', '?', '%', spaces and non-ASCII characters are
    %-escaped, as SQLite's URI rules require (https://sqlite.org/uri.html)."""
    text = os.path.abspath(path)
    if os.name == "nt":  # file:///C:/x.db; a UNC path \\server\share becomes file:////server/share
        text = text.replace("\\", "/")
        uri = "file://" + quote(text if text.startswith("/") else "/" + text, safe="/:")
    else:
        uri = "file://" + quote_from_bytes(os.fsencode(text), safe="/")
    if params:
        uri += "?" + "&".join(f"{k}={quote(str(v), safe='')}" for k, v in params.items())
    return uri


def connect(path: Path, *, readonly: bool = False, create: bool = False, timeout: float = 5.0) -> sqlite3.Connection:
    """A plain sqlite3 connection to `path`; it never creates the file unless `create`."""
    mode = "ro" if readonly else ("rwc" if create else "rw")
    return sqlite3.connect(sqlite_uri(path, mode=mode), uri=True, timeout=timeout, isolation_level=None,
                           check_same_thread=False)


@dataclass(frozen=True)
class FileState:
    """What an existing file holds, learned without changing it."""

    size: int
    tables: frozenset[str]
    revision: str | None  # alembic_version, None when there is no such table or row

    @property
    def empty(self) -> bool:
        """No tables at all (a 0-byte file included): a database only init or demo may fill."""
        return not self.tables


def _raise_fault(exc: sqlite3.Error, path: Path) -> None:
    """Turn what SQLite said into the right refusal: damage only when it is damage."""
    kind = faults.sqlite_kind(exc)
    if kind == faults.NOT_OURS:
        raise DatabaseError(f"文件“{path}”不是本程序的数据库（也可能已损坏），未做任何改动。") from None
    if kind == faults.DAMAGED:
        raise _damaged(path, str(exc)) from None
    found = faults.explain(exc, path, faults.NOT_OPENED)
    if found is not None:
        raise found from None
    raise DatabaseError(f"无法读取数据库“{path}”（{exc}），未做任何改动。") from None


def _damaged(path: Path, problem: str) -> DatabaseDamaged:
    log.info("integrity check failed for %s: %s", path, problem)  # info: the CLI prints only the message
    return DatabaseDamaged(f"数据库文件“{path}”已损坏或不完整，未做任何改动。可以从最近一次完好的备份恢复"
                           f"（设置 → 数据安全，或 dangjian restore 备份文件）。技术信息：{problem}")


def check_file(path: Path, *, readonly: bool = False, quick: bool = True) -> FileState:
    """Read what `path` holds and run SQLite's quick check, changing nothing.

    DatabaseDamaged only for real damage; DatabaseBusy when another program holds it locked;
    DatabaseFault for a read-only folder, a full disk or a disk error; DatabaseError for a file
    that is not an SQLite database at all.
    """
    size = path.stat().st_size
    if size == 0:
        return FileState(0, frozenset(), None)
    try:
        con = connect(path, readonly=readonly)
        try:
            if quick:
                rows = [str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall()]
                if rows != ["ok"]:
                    raise _damaged(path, "；".join(rows[:3]))
            tables = frozenset(r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            revision = None
            if "alembic_version" in tables:
                found = [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
                if len(found) > 1:
                    raise DatabaseError("数据库的结构版本记录有多条，无法判断能否打开，未做任何改动。")
                revision = found[0] if found else None
        finally:
            con.close()
    except sqlite3.Error as exc:
        _raise_fault(exc, path)
    return FileState(size, tables, revision)


def integrity_problem(path: Path, *, full: bool = False, readonly: bool = False) -> str | None:
    """None if SQLite's quick (or full) integrity check passes, else what it found, in short.

    Only damage is returned: a lock held by another program, a read-only folder, a full disk or a
    disk error is raised (DatabaseBusy, DatabaseFault), never mistaken for damage.
    """
    try:
        con = connect(path, readonly=readonly)
        try:
            rows = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        kind = faults.sqlite_kind(exc)
        if kind in (faults.DAMAGED, faults.NOT_OURS):
            return str(exc)
        if kind == faults.CANT_OPEN and path.exists() and path.stat().st_size == 0:
            return "文件是空的（0 字节）"
        found = faults.explain(exc, path, faults.NOTHING_CHANGED)
        if found is not None:
            raise found from None
        return str(exc)
    found = [str(r[0]) for r in rows]
    return None if found == ["ok"] else "；".join(found[:3])


# ------------------------------------------------------------------ a clean close, remembered
#
# SQLite's quick_check reads the whole file: about a second on a 党委's 240 MB, at every start of the
# window. A window that closed its database cleanly (every connection closed, the WAL folded into the
# file and removed) notes the file's identity as it left it; the next window start skips the check
# when the file is still exactly that (same device, inode, size and modification time, no WAL beside
# it). Anything that wrote to the file since, truncated it, copied another over it or left a WAL (a
# crash, a kill, a power cut) no longer matches, and the file is checked as before. The note is used
# once: it is removed as the window opens the file, so a window that dies leaves none behind.

CLEAN_MARK = ".正常关闭"


def _clean_mark(path: Path) -> Path:
    return files_dir_for(path) / CLEAN_MARK


def _identity(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


def settled_identity(path: Path) -> list[int] | None:
    """The file's identity (device, inode, size, modification time) while everything written to the
    database is in the file itself: no WAL beside it, or an empty one (a window that has written
    nothing since it opened the file). None otherwise, or when the file cannot be looked at."""
    try:
        if os.path.getsize(f"{path}-wal") > 0:
            return None
    except FileNotFoundError:
        pass
    except OSError:
        return None
    return _identity(path)


def mark_closed_cleanly(path: Path) -> bool:
    """After the window closed every connection to `path`: note its identity if no WAL is left."""
    if os.path.exists(f"{path}-wal") or (identity := _identity(path)) is None:
        return False
    mark = _clean_mark(path)
    try:
        private.make_dir(mark.parent)
        tmp = mark.with_name(mark.name + ".tmp")
        private.create_file(tmp)
        tmp.write_text(json.dumps({"file": identity}), encoding="ascii")
        os.replace(tmp, mark)
    except OSError as exc:  # only a start that checks the file: nothing is lost
        log.info("could not note the clean close of %s: %s", path, exc)
        return False
    return True


def closed_cleanly(path: Path) -> bool:
    """True if the window closed `path` cleanly and nothing touched it since (then its quick_check
    may be skipped). The note is used up: the next start without a clean close checks the file."""
    mark = _clean_mark(path)
    try:
        noted = json.loads(mark.read_text(encoding="ascii")).get("file")
    except (OSError, ValueError, AttributeError):
        return False
    finally:
        try:
            mark.unlink(missing_ok=True)
        except OSError:
            pass
    return noted is not None and not os.path.exists(f"{path}-wal") and noted == _identity(path)
