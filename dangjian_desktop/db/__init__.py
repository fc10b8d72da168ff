"""The database: SQLAlchemy models, engine set-up and Alembic migrations."""

from __future__ import annotations

from pathlib import Path


def is_url(target: str | Path) -> bool:
    """A server URL rather than a file. Here, not in db.engine, so that the GUI can tell at
    start without importing SQLAlchemy."""
    return isinstance(target, str) and "://" in target


def files_dir_for(path: Path) -> Path:
    """Attachments and backups live beside the database: `dangjian.db` → `dangjian-文件/`."""
    return path.with_name(f"{path.stem}-文件")
