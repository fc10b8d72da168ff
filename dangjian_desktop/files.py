"""Writing a file so that the user never finds it half-written under its real name."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from dangjian_desktop import private


@contextmanager
def atomic_target(out: Path, suffix: str = "") -> Iterator[Path]:
    """A temporary path beside `out`; when the block ends without error it becomes `out`.

    mkstemp makes the file private (0600) and it stays so: what the program exports (花名册,
    会议记录, 纪实表, the year package) names members and most of it carries their ID or phone
    numbers, and no one is hurt by a document being the owner's alone on Linux: WPS opens it,
    it copies to a USB stick, a chat or a mail as any file does (the copy takes the mode of its
    new place), and the owner may share it on purpose with a `chmod`.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=suffix or out.suffix, dir=out.parent, prefix=".写入中-")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        private.restrict(tmp)  # a writer that replaced the temporary file made it 0644 again
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
