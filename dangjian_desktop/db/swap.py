"""Putting a restored database and its attachments in place as one step, even across a kill.

A restore replaces two things, the database file and the attachments folder, and no rename can
swap both at once. So before the first rename the restore writes a journal
(`<files>/.恢复进行中.json`) naming every step, and from then on the restore counts as decided,
like a commit record: each step is written so that doing it a second time is harmless, and the
next run that opens the database (`finish_interrupted`, with the database held exclusively)
does whatever a kill left undone. The database and the attachments therefore always belong
together: both as before (killed before the journal was written) or both restored.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from dangjian_desktop import private
from dangjian_desktop.db import files_dir_for, scratch
from dangjian_desktop.db import lock as db_lock

log = logging.getLogger(__name__)

JOURNAL = ".恢复进行中.json"
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass
class Plan:
    """Every rename of one restore, as written to the journal."""

    db_path: str
    staged_db: str  # the checked copy to put in place (in a scratch folder beside the database)
    attachments: str  # the attachments folder in use
    staged_attachments: str | None  # None: a plain database copy, the attachments stay as they are
    old_attachments: str  # where the attachments in use go first
    keep_old_attachments: str | None  # a damaged database: keep its attachments under this name
    damaged_kept: str | None  # a damaged database: kept under this name, never deleted


def journal_path(db_path: Path) -> Path:
    return files_dir_for(db_path) / JOURNAL


def pending(db_path: Path) -> bool:
    """True if a restore of `db_path` was decided but not finished (killed, or still running)."""
    return journal_path(db_path).exists()


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # NTFS journals its renames; Windows has no fsync for folders
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def carry_out(plan: Plan) -> None:
    """Write the journal, then do every step; the journal goes once all are done."""
    journal = journal_path(Path(plan.db_path))
    private.make_dir(journal.parent)
    part = journal.with_name(journal.name + ".part")
    part.write_text(json.dumps(asdict(plan), ensure_ascii=False, indent=1), encoding="utf-8")
    _fsync_file(part)
    os.replace(part, journal)
    _fsync_dir(journal.parent)
    _redo(plan)
    journal.unlink()
    _fsync_dir(journal.parent)


def finish_interrupted(db_path: Path) -> bool:
    """Finish a restore that a kill interrupted after it had decided (the caller holds the database
    exclusively). True if there was one."""
    journal = journal_path(db_path)
    try:
        plan = Plan(**json.loads(journal.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return False
    except (ValueError, TypeError) as exc:  # a journal cut short: written before any rename was made
        log.warning("ignoring an unreadable restore journal %s: %s", journal, exc)
        journal.unlink()
        return False
    log.warning("finishing the restore of %s that was interrupted", db_path)
    _redo(plan)
    journal.unlink()
    _fsync_dir(journal.parent)
    return True


def _redo(plan: Plan) -> None:
    db_path = Path(plan.db_path)
    attachments, old = Path(plan.attachments), Path(plan.old_attachments)
    if plan.staged_attachments is not None:
        staged = Path(plan.staged_attachments)
        if staged.exists():  # not moved in yet: what is in use now is the old folder
            if attachments.exists():
                if old.exists():
                    raise OSError(f"{old} already exists")
                os.replace(attachments, old)
            private.make_dir(attachments.parent)
            os.replace(staged, attachments)
    staged_db = Path(plan.staged_db)
    if staged_db.exists():  # not in place yet
        if plan.damaged_kept is not None and db_path.exists():
            kept = Path(plan.damaged_kept)
            os.replace(db_path, kept)
            for side in SIDE_FILES:
                extra = Path(str(db_path) + side)
                if extra.exists():
                    os.replace(extra, Path(str(kept) + side))
        for side in SIDE_FILES:  # never let a stale WAL meet the new file
            Path(str(db_path) + side).unlink(missing_ok=True)
        _fsync_file(staged_db)
        os.replace(staged_db, db_path)
        _fsync_dir(db_path.parent)
    if old.exists():
        if plan.keep_old_attachments is not None:
            os.replace(old, plan.keep_old_attachments)
        else:
            shutil.rmtree(old)  # they are in the safety backup made before the restore


def tidy_up(db_path: Path) -> None:
    """At every open: finish a restore a kill interrupted (holding the database exclusively for
    it), then remove the scratch folders killed runs left behind."""
    if pending(db_path):
        held = db_lock.acquire(db_path, db_lock.RESTORE, wait=5.0)  # nobody else may be at it
        try:
            finish_interrupted(db_path)
        finally:
            if held is not None:
                held.release()
    scratch.sweep(files_dir_for(db_path))
    scratch.sweep(None)
