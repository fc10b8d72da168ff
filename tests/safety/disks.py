"""Real disk faults for tests: a full disk (a tiny tmpfs) and a read-only folder (a read-only mount).

Both need mount(2), so root; without it the tests that need them are skipped, saying why. A
read-only folder can also be had without root (chmod), but root ignores file modes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


@contextmanager
def tiny_disk(path: Path, size_kb: int):
    """`path` becomes a file system of `size_kb` KB (tmpfs), removed at the end."""
    if not _can_mount():
        pytest.skip("a full disk is simulated with a tiny tmpfs, which needs root")
    path.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path)):
        pytest.skip("mount -t tmpfs is not allowed here")
    try:
        yield path
    finally:
        _umount(path)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk of `folder` up to `leave` bytes free."""
    filler = folder / "填满.bin"
    with open(filler, "wb") as fh:
        block = b"\0" * 65536
        while shutil.disk_usage(folder).free > leave + len(block):
            fh.write(block)
        rest = shutil.disk_usage(folder).free - leave
        if rest > 0:
            try:
                fh.write(b"\0" * rest)
            except OSError:
                pass
    return filler


@contextmanager
def read_only(folder: Path):
    """`folder` (and everything in it) cannot be written while inside the block."""
    if _can_mount():
        if not (_mount("--bind", str(folder), str(folder)) and _mount("-o", "remount,ro,bind", str(folder))):
            _umount(folder)
            pytest.skip("a read-only bind mount is not allowed here")
        try:
            yield folder
        finally:
            _umount(folder)
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root ignores file modes and cannot mount here")
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for p in modes:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield folder
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
