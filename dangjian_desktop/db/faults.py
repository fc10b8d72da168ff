"""Disk and file failures in one Chinese sentence: what happened, and what was and was not saved.

SQLite and the operating system report a full disk, a read-only folder, a removed file, a lock
held by another program and real damage in their own words ("database or disk is full", "[Errno
28] No space left on device"). Every open, write, backup and restore passes them through here, so
that only real damage is ever called damage and nobody reads English or a traceback.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from dangjian_desktop.errors import DatabaseBusy, DatabaseDamaged, DatabaseError, DatabaseFault

FULL = "full"
READ_ONLY = "read-only"
MISSING = "missing"
BUSY = "busy"
IO = "io"
DAMAGED = "damaged"
NOT_OURS = "not-ours"
CANT_OPEN = "cant-open"

# what a failed action did to the data, the second half of every sentence
NOT_SAVED = "这次的修改没有保存，之前保存的数据不受影响"
NOTHING_CHANGED = "没有改动任何数据"
NOT_OPENED = "数据库没有打开，没有改动任何数据"


def sqlite_kind(exc: BaseException) -> str | None:
    """The kind of an sqlite3 error (or SQLAlchemy's wrapper of one); None for the program's own
    errors (a constraint, a bad statement), which are not the disk's fault."""
    orig = getattr(exc, "orig", None)
    if orig is not None:
        exc = orig
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    text = str(exc).lower()
    if name == "SQLITE_READONLY_DBMOVED" or "has been moved" in text:
        return MISSING
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return BUSY
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")) or "readonly database" in text:
        return READ_ONLY
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return FULL
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return IO
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return DAMAGED
    if name == "SQLITE_NOTADB" or "file is not a database" in text:
        return NOT_OURS
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        return CANT_OPEN
    return None


def os_kind(exc: OSError) -> str | None:
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return FULL
    if getattr(exc, "winerror", None) in (32, 33):  # sharing or lock violation: another program has it
        return BUSY
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return READ_ONLY
    if code in (errno.ENOENT, errno.ENOTDIR):
        return MISSING
    if code == errno.EIO:
        return IO
    return None


def _folder_writable(folder: Path) -> bool:
    if not folder.is_dir():
        return False
    try:
        st = os.statvfs(folder) if hasattr(os, "statvfs") else None
        if st is not None and st.f_flag & getattr(os, "ST_RDONLY", 1):
            return False
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


def problem(kind: str, path: Path | None) -> str:
    """The first half of the sentence: what is wrong, and where."""
    folder = path.parent if path is not None else None
    if kind == CANT_OPEN and path is not None:  # SQLite does not say why; the folder usually does
        if not path.exists():
            kind = MISSING
        elif not _folder_writable(path.parent):
            kind = READ_ONLY
    if kind in (IO, CANT_OPEN) and folder is not None and _nearly_full(folder):
        kind = FULL  # SQLite reports a full disk met while growing -shm or -wal as an I/O error
    where = f"“{path}”" if path is not None else ""
    if kind == FULL:
        return f"“{folder}”所在的磁盘已满" if folder else "磁盘已满"
    if kind == READ_ONLY:
        return (f"文件夹“{folder}”是只读的（或没有写入权限）" if folder else "文件或文件夹是只读的（或没有写入权限）")
    if kind == MISSING:
        return f"文件{where}已不存在（可能被移走、删除或所在的 U 盘已拔出）"
    if kind == BUSY:
        return "数据库正被另一个程序锁定（等了 5 秒仍未释放）"
    if kind == IO:
        return f"读写{where}时磁盘出错（磁盘或 U 盘可能有故障或已拔出）"
    if kind == DAMAGED:
        return f"数据库文件{where}已损坏"
    if kind == NOT_OURS:
        return f"文件{where}不是党支部工作台的数据库（也可能已损坏）"
    return f"无法打开数据库文件{where}"


def explain(exc: BaseException, path: Path | None, outcome: str) -> DatabaseError | None:
    """The DomainError to show for a disk or file failure, or None if `exc` is not one."""
    if isinstance(exc, OSError):
        kind = os_kind(exc)
        if path is None and exc.filename:
            path = Path(os.fsdecode(exc.filename))
    else:
        kind = sqlite_kind(exc)
    if kind is None:
        return None
    text = f"{problem(kind, path)}，{outcome}。"
    if kind == BUSY:
        return DatabaseBusy(text + "请稍后再试。", holder="program")
    if kind == DAMAGED:
        return DatabaseDamaged(text + "可以从最近一次完好的备份恢复（设置 → 数据安全，或 dangjian restore 备份文件）。")
    return DatabaseFault(text)
