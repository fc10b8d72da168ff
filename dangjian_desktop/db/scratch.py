"""Scratch folders for backups and restores: in one known place, and gone again even after a kill.

Making an archive, checking one and restoring one each need room for a copy of the database.
Those copies live in `<files>/临时/<what>-<random>/`, never in a hidden folder of the user's own
(the desktop, a USB stick). The maker holds a lock on a file inside for as long as it works; a
folder whose lock is free was left by a killed run and is removed by the next run that opens the
database (`sweep`), together with any half-written file it noted elsewhere (a `.part` beside an
export).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from dangjian_desktop import private
from dangjian_desktop.db.lock import try_lock_fd, unlock_fd

log = logging.getLogger(__name__)

FOLDER = "临时"
_HELD = ".使用中"
_OUTSIDE = ".外部文件"


def root_for(files_dir: Path | None) -> Path:
    """Where scratch folders go: beside the database, or (no database at hand) in the system's
    temporary folder, which the next sweep without a database also cleans."""
    if files_dir is not None:
        return files_dir / FOLDER
    user = f"-{os.getuid()}" if hasattr(os, "getuid") else ""  # /tmp is shared by every user
    return Path(tempfile.gettempdir()) / f"dangjian-desktop-临时{user}"


class Scratch:
    """`with Scratch(files_dir, "恢复") as folder:` a private folder, removed at the end."""

    def __init__(self, files_dir: Path | None, what: str) -> None:
        self.root = root_for(files_dir)
        self.what = what
        self.path: Path | None = None
        self._fd: int | None = None

    def __enter__(self) -> Path:
        private.make_dir(self.root)
        path = self.root / f"{self.what}-{uuid.uuid4().hex[:12]}"
        path.mkdir()
        fd = os.open(path / _HELD, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        if not try_lock_fd(fd, True):  # a fresh name: nobody else can hold it
            os.close(fd)
            raise OSError(f"scratch folder {path} is locked")
        self.path, self._fd = path, fd
        return path

    def __exit__(self, *exc) -> None:
        if self.path is None:
            return
        _remove(self.path, self._fd)
        self.path = self._fd = None
        _remove_root_if_empty(self.root)


def note_outside(folder: Path, path: Path) -> None:
    """Note in the scratch `folder` a file its run writes elsewhere (a `.part` beside an export),
    so that a sweep removes it too if the run is killed; the run removes it at its end anyway."""
    with open(folder / _OUTSIDE, "a", encoding="utf-8") as fh:
        fh.write(os.fspath(path) + "\n")


def _remove(path: Path, fd: int | None) -> None:
    outside = path / _OUTSIDE
    if outside.exists():
        for line in outside.read_text(encoding="utf-8").splitlines():
            if line.strip():
                Path(line).unlink(missing_ok=True)
    if fd is not None:
        try:
            unlock_fd(fd)
        finally:
            os.close(fd)
    shutil.rmtree(path, ignore_errors=True)


def _remove_root_if_empty(root: Path) -> None:
    try:
        root.rmdir()
    except OSError:
        pass  # not empty (another run is working) or already gone


def sweep(files_dir: Path | None) -> int:
    """Remove scratch folders (and the files they noted) left by runs that were killed."""
    root = root_for(files_dir)
    if not root.is_dir():
        return 0
    removed = 0
    for folder in root.iterdir():
        if not folder.is_dir():
            continue
        try:
            fd = os.open(folder / _HELD, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:  # killed before it could take its lock, or being made right now
            try:
                if time.time() - folder.stat().st_mtime < 60:
                    continue
            except OSError:
                continue
            fd = None
        except OSError:
            continue
        if fd is not None and not try_lock_fd(fd, True):
            os.close(fd)
            continue  # its maker is at work
        log.info("removing %s, left by a run that did not finish", folder)
        _remove(folder, fd)
        removed += 1
    _remove_root_if_empty(root)
    return removed
