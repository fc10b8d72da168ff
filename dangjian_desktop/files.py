"""Writing a file so that the user never finds it half-written under its real name."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def atomic_target(out: Path, suffix: str = "") -> Iterator[Path]:
    """A temporary path beside `out`; when the block ends without error it becomes `out`.

    mkstemp makes the file private (0600); a document the user exports is theirs to share,
    so it gets ordinary permissions (0644) before it takes the real name.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=suffix or out.suffix, dir=out.parent, prefix=".写入中-")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
