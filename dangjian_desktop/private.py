"""Files that hold members' personal data are the user's alone: folders 0700, files 0600.

On Linux the usual umask (022) would make the database, its backups and the folders around
them readable by every account on the machine. Everything the program writes is created
owner-only from its first byte (a file that is chmod-ed later can already have been opened
by someone else) and files of an older version are tightened when the database is opened.
On Windows other accounts are kept out by the ACLs of the user's profile, and chmod can only
set the read-only flag, so these helpers do nothing there.

Only folders the program itself makes, or that are plainly its own (the data folder,
`<name>-文件` beside a database), are tightened: a folder the user chose (Documents, a USB
drive) keeps its permissions, and a file on a file system without Unix permissions (a FAT
USB stick) is left as it is.
"""

from __future__ import annotations

import os
from pathlib import Path

POSIX = os.name == "posix"
DIR_MODE = 0o700
FILE_MODE = 0o600
DATABASE_SIDE_FILES = ("-wal", "-shm", "-journal")


def make_dir(path: str | Path) -> Path:
    """Create `path` and any missing parents as owner-only folders; existing folders are left alone."""
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)  # mode is masked by the umask: 0700 & ~022 is still 0700
        except FileExistsError:
            if not folder.is_dir():
                raise
    return path


def own_dir(path: str | Path) -> Path:
    """A folder that belongs to the program: created if missing, and made owner-only even if it existed."""
    path = make_dir(path)
    _chmod(path, DIR_MODE)
    return path


def create_file(path: str | Path) -> Path:
    """Make sure `path` exists and is owner-only, without truncating it (e.g. before SQLite opens it:
    SQLite gives a database it creates 0644 & ~umask, and its -wal and -shm the database's mode)."""
    path = Path(path)
    make_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
    os.close(fd)
    _chmod(path, FILE_MODE)  # it may have existed with a wider mode
    return path


def restrict(path: str | Path) -> None:
    """Make an existing file owner-only (before it takes its real name, or after an older version wrote it)."""
    _chmod(Path(path), FILE_MODE)


def restrict_database(path: Path, files_dir: Path) -> None:
    """A database file of ours and what belongs to it: the file and its side files 0600, the
    `<name>-文件` folder (attachments, backups) 0700, and the data folder 0700 when the file is in it."""
    from dangjian_desktop import paths

    for side in ("", *DATABASE_SIDE_FILES):
        candidate = Path(f"{path}{side}")
        if candidate.is_file():
            restrict(candidate)
    if files_dir.is_dir():
        _chmod(files_dir, DIR_MODE)
    try:
        in_data_dir = path.parent.resolve() == paths.data_dir().resolve()
    except OSError:
        in_data_dir = False
    if in_data_dir:
        _chmod(path.parent, DIR_MODE)


def _chmod(path: Path, mode: int) -> None:
    if not POSIX:
        return
    try:
        if (os.stat(path).st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except OSError:  # not ours (another user's file we may read), or a file system without modes
        pass
