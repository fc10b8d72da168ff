"""File dialogs start where the secretary last was for that kind of file (the first time: 文档)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

# the kinds of file that each remember their own folder
ROSTER, LEDGER, DOCUMENTS, ATTACHMENTS, BACKUP, DATABASE = (
    "roster", "ledger", "documents", "attachments", "backup", "database")


def documents_dir() -> Path:
    """The person's 文档 (Documents) folder; their home folder if there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start(config, kind: str, name: str = "") -> str:
    """Where a dialog for `kind` opens: the last folder used for it, with `name` suggested in it."""
    folder = Path(str((config.get("last_folders") or {}).get(kind) or ""))
    if not str(folder) or str(folder) == "." or not folder.is_dir():
        folder = documents_dir()
    return str(folder / name) if name else str(folder)


def remember(config, kind: str, chosen: str | None) -> None:
    """The folder of a file (or the folder) chosen for `kind`, for next time."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    known = dict(config.get("last_folders") or {})
    known[kind] = str(folder)
    config.set("last_folders", known)


def open_file(ctx, parent, kind: str, title: str, filters: str) -> str | None:
    chosen = ctx.asker.open_file(parent, title, start(ctx.config, kind), filters)
    remember(ctx.config, kind, chosen)
    return chosen


def open_files(ctx, parent, kind: str, title: str, filters: str) -> list[str]:
    chosen = ctx.asker.open_files(parent, title, start(ctx.config, kind), filters)
    if chosen:
        remember(ctx.config, kind, chosen[0])
    return chosen


def save_file(ctx, parent, kind: str, title: str, name: str, filters: str) -> str | None:
    chosen = ctx.asker.save_file(parent, title, start(ctx.config, kind, name), filters)
    remember(ctx.config, kind, chosen)
    return chosen


def choose_folder(ctx, parent, kind: str, title: str) -> str | None:
    chosen = ctx.asker.folder(parent, title, start(ctx.config, kind))
    remember(ctx.config, kind, chosen)
    return chosen
