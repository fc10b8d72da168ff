"""Who has a database file open: a lock on `<name>-lock` beside it that a stray close() cannot drop.

SQLite's own locks on Linux are POSIX fcntl locks. They belong to the process and are all dropped
when *any* descriptor of the file is closed in that process (SQLite, "How To Corrupt An SQLite
Database File", §2.2): a file dialog that peeks into `dangjian.db` is enough. Another process then
believes it is the last user and checkpoints and deletes the WAL the window is still writing to.

So a window also holds a lock of another kind, on a file of its own:
- POSIX: flock(), which belongs to the open file description. Closing some other descriptor of
  the lock file (or of the database) does not release it; only our own close, or the process
  ending (a crash included), does. flock and fcntl locks do not interact on Linux.
- Windows: LockFileEx on the handle. Windows locks belong to the handle, so the POSIX problem
  does not exist there (SQLite's own locks are LockFileEx too); the marker works the same way.

Modes: WINDOW and RESTORE are exclusive (a window, for as long as it shows the database; a
restore, for its whole run); SHARED is a command-line run that may write or reads normally. A
command that finds a window's lock writes nothing (exit 3) or, if it only reads, reads as a guest
that never checkpoints or deletes the WAL (see db.engine). The exclusive holder writes who it is
into the file so that the refusal can say which. Within one process holders share one OS lock
(the process's own SQLite connections need no protection from each other).

A network share is the exception: there flock falls back to fcntl locks (Linux NFS) and is as
fragile as SQLite's own; the README already warns against keeping the data there.
"""

from __future__ import annotations

import errno
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from dangjian_desktop.errors import DatabaseBusy

log = logging.getLogger(__name__)

WINDOW = "window"
RESTORE = "restore"
SHARED = "shared"

WINDOW_WAIT = 10.0  # seconds a starting window waits for running commands to finish

WINDOW_BUSY = "数据库正在被党支部工作台窗口使用，请先关闭窗口"  # the line cli.md promises (exit 3)
RESTORE_BUSY = "数据库正在从备份恢复，请等恢复完成后再试"
COMMAND_BUSY = "数据库正在被命令行程序 dangjian 使用（导入、导出、备份或恢复），请等它完成后再试"


def lock_path(db_path: Path) -> Path:
    """`dangjian.db` → `dangjian.db-lock`, named like SQLite's own `-wal` and `-shm`."""
    return db_path.with_name(db_path.name + "-lock")


def busy_message(holder: str | None) -> str:
    if holder == RESTORE:
        return RESTORE_BUSY
    if holder == SHARED:
        return COMMAND_BUSY
    return WINDOW_BUSY


# ------------------------------------------------------------------ the OS lock on one descriptor

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                    ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD), ("hEvent", wintypes.HANDLE)]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.LockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                                     wintypes.DWORD, ctypes.POINTER(_Overlapped)]
    _kernel32.LockFileEx.restype = wintypes.BOOL
    _kernel32.UnlockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                                       ctypes.POINTER(_Overlapped)]
    _kernel32.UnlockFileEx.restype = wintypes.BOOL
    _FAIL_IMMEDIATELY, _EXCLUSIVE = 0x1, 0x2
    _LOCK_VIOLATION = (33, 158)  # ERROR_LOCK_VIOLATION, ERROR_NOT_LOCKED

    def _region() -> _Overlapped:
        # one byte at 4 GiB: beyond the few bytes of text in the file, which others must be able to
        # read (Windows locks are mandatory for the bytes they cover)
        return _Overlapped(0, 0, 0, 1, None)

    def try_lock_fd(fd: int, exclusive: bool) -> bool:
        """Lock `fd` without waiting; False if another holder's lock is in the way."""
        flags = _FAIL_IMMEDIATELY | (_EXCLUSIVE if exclusive else 0)
        handle = msvcrt.get_osfhandle(fd)
        if _kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(_region())):
            return True
        code = ctypes.get_last_error()
        if code in _LOCK_VIOLATION:
            return False
        raise OSError(code, ctypes.FormatError(code))

    def unlock_fd(fd: int) -> None:
        _kernel32.UnlockFileEx(msvcrt.get_osfhandle(fd), 0, 1, 0, ctypes.byref(_region()))

    def _convert(fd: int, exclusive: bool) -> bool:
        # Windows cannot convert a lock in place: let go and take the other kind
        unlock_fd(fd)
        if try_lock_fd(fd, exclusive):
            return True
        try_lock_fd(fd, not exclusive)  # best effort: keep what we had
        return False

else:
    import fcntl

    def try_lock_fd(fd: int, exclusive: bool) -> bool:
        """Lock `fd` without waiting; False if another holder's lock is in the way."""
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                return False
            raise
        return True

    def unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _convert(fd: int, exclusive: bool) -> bool:
        # flock converts in place, but a refused conversion has already let go of the old lock
        if try_lock_fd(fd, exclusive):
            return True
        try_lock_fd(fd, not exclusive)  # best effort: keep what we had
        return False


# ------------------------------------------------------------------ one lock file per process


@dataclass
class _Entry:
    path: Path
    fd: int
    writable: bool
    exclusive: bool = False  # the mode the OS lock is in
    holders: dict[str, int] = field(default_factory=lambda: {WINDOW: 0, RESTORE: 0, SHARED: 0})

    @property
    def count(self) -> int:
        return sum(self.holders.values())

    def strongest(self) -> str | None:
        for mode in (RESTORE, WINDOW):
            if self.holders[mode]:
                return mode
        return None


_entries: dict[str, _Entry] = {}
_mutex = threading.RLock()


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _open(path: Path) -> tuple[int, bool] | None:
    """A descriptor of the lock file (made if needed); None if it can neither be made nor opened
    (a read-only folder without one: then nobody can hold it, a window included)."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
    try:
        return os.open(path, flags, 0o666), True
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EROFS, errno.EPERM):
            raise
    try:
        return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0)), False
    except OSError:
        return None


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _remove_if_last(entry: _Entry) -> None:
    """Remove the lock file when nobody else holds it, so that it is there only while the database
    is in use (like -wal and -shm). Done holding it exclusively; whoever opened the old file
    meanwhile finds it gone after locking and starts again (acquire). Windows keeps the file: it
    cannot be removed while others have it open, and is harmless."""
    if os.name == "nt" or not entry.writable:
        return
    if (entry.exclusive or try_lock_fd(entry.fd, True)) and _same_file(entry.fd, entry.path):
        try:
            os.unlink(entry.path)
        except OSError:
            pass


def _say(entry: _Entry) -> None:
    """Write who holds the file exclusively (read by those it refuses), or clear it."""
    if not entry.writable:
        return
    who = entry.strongest()
    text = f"{who} {os.getpid()}\n".encode() if who else b""
    try:
        os.ftruncate(entry.fd, 0)
        if text:
            os.lseek(entry.fd, 0, os.SEEK_SET)
            os.write(entry.fd, text)
    except OSError as exc:  # a full disk: the refusal will then name a window, the likeliest holder
        log.info("could not note the lock holder in %s: %s", entry.path, exc)


def holder_of(db_path: Path) -> str | None:
    """Who wrote the lock file of `db_path` (WINDOW, RESTORE), or None: a command, or nobody."""
    try:
        with open(lock_path(db_path), "rb") as fh:
            word = fh.read(64).split(b" ", 1)[0].decode("ascii", "replace").strip()
    except OSError:
        return None
    return word if word in (WINDOW, RESTORE) else None


class DbLock:
    """One holder's share of the lock on a database's lock file; `release()` when done."""

    def __init__(self, db_path: Path, mode: str, entry: _Entry) -> None:
        self.db_path, self.mode, self._entry = db_path, mode, entry
        self.released = False

    @property
    def path(self) -> Path:
        return self._entry.path

    def release(self) -> None:
        with _mutex:
            if self.released:
                return
            self.released = True
            entry = self._entry
            entry.holders[self.mode] -= 1
            if entry.count == 0:
                if entry.exclusive:
                    _say(entry)  # clears the holder's name
                try:
                    _remove_if_last(entry)
                    unlock_fd(entry.fd)
                finally:
                    os.close(entry.fd)
                    if _entries.get(_key(entry.path)) is entry:
                        del _entries[_key(entry.path)]
                return
            if entry.exclusive and entry.strongest() is None:  # only shared holders are left
                entry.exclusive = not _convert(entry.fd, False)
            _say(entry)

    def alone(self) -> bool:
        """True if nobody else holds this lock, in this process or another (then nobody else can be
        writing to the database either): a shared holder takes the lock exclusively to be sure, and
        keeps it so until it lets go. False as soon as anyone else is there."""
        with _mutex:
            entry = self._entry
            if self.released or entry.count != 1:
                return False
            if not entry.exclusive:
                entry.exclusive = _convert(entry.fd, True)
            return entry.exclusive

    def on_disk(self) -> bool:
        """True while the lock file on disk is still the one we hold (not deleted or replaced)."""
        return not self.released and _same_file(self._entry.fd, self._entry.path)

    def renew(self) -> None:
        """The lock file was deleted or replaced behind our back: lock the file now on disk, so
        that commands still see us. DatabaseBusy if someone took the new file first."""
        with _mutex:
            if self.on_disk():
                return
            old = self._entry
            opened = _open(old.path)
            if opened is None:
                return
            fd, writable = opened
            if not try_lock_fd(fd, old.exclusive) or not _same_file(fd, old.path):
                os.close(fd)
                raise DatabaseBusy(busy_message(SHARED), holder=SHARED)
            try:
                unlock_fd(old.fd)
            finally:
                os.close(old.fd)
            old.fd, old.writable = fd, writable
            _say(old)
            log.warning("lock file %s was replaced behind our back; locked the new one", old.path)

    def __enter__(self) -> DbLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def acquire(db_path: Path, mode: str, *, wait: float = 0.0) -> DbLock | None:
    """Take the lock of `db_path` in `mode`, trying for up to `wait` seconds.

    DatabaseBusy (holder: WINDOW, RESTORE or SHARED) if it stays taken; None if no lock file can
    exist there (then no window can hold one either).
    """
    exclusive = mode != SHARED
    path = lock_path(db_path)
    deadline = time.monotonic() + wait
    while True:
        with _mutex:
            entry = _entries.get(_key(path))
            if entry is None:
                opened = _open(path)
                if opened is None:
                    return None
                entry = _Entry(path, *opened)
                if try_lock_fd(entry.fd, exclusive):
                    if not _same_file(entry.fd, path):  # removed by its last holder meanwhile: again
                        os.close(entry.fd)
                        continue
                    entry.exclusive = exclusive
                    _entries[_key(path)] = entry
                    return _granted(db_path, mode, entry)
                os.close(entry.fd)
            elif not exclusive or entry.exclusive or _convert(entry.fd, True):
                entry.exclusive = entry.exclusive or exclusive
                return _granted(db_path, mode, entry)
        if time.monotonic() >= deadline:
            holder = holder_of(db_path) if not exclusive else (holder_of(db_path) or SHARED)
            raise DatabaseBusy(busy_message(holder), holder=holder or WINDOW)
        time.sleep(0.1)


def _granted(db_path: Path, mode: str, entry: _Entry) -> DbLock:
    entry.holders[mode] += 1
    if mode != SHARED:
        _say(entry)
    return DbLock(db_path, mode, entry)
