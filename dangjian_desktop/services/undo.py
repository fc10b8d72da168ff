"""撤销 a deletion until the program closes: the rows a delete removes (and what goes with them) are read
first and can be written back; the stored files and contents it would drop are kept until `forget`.

Any delete of the services plugs in: `delete(db, table, id, what, fn, *args)` reads what `fn` will
remove (the row, the rows that cascade from it, the references it sets to NULL, the attachment files
and their stored contents), runs `fn`, and returns a `Deleted` that `restore` writes back in one
transaction, with the same ids, so every link to the record holds again.

A delete that removes more than the row and its cascade (a 转出 takes its dated status change with it)
names those rows with `also`; one that also changes other rows (the member back on the roll) returns
`Changes`, which `restore` sets back, refusing when someone has changed them since.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import ForeignKey, Table, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dangjian_desktop import private
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ValidationError


@dataclass
class Deleted:
    """What one deletion removed, kept in memory until the program closes."""

    what: str  # 党员“张三”的记录
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # table → rows as they were
    nulled: list[tuple[str, str, int, Any]] = field(default_factory=list)  # (table, column, row id, old value)
    chunks: list[dict[str, Any]] = field(default_factory=list)  # stored contents (shared database)
    files: list[tuple[str, Path]] = field(default_factory=list)  # (stored path, a kept copy)
    changed: list[Change] = field(default_factory=list)  # values the delete changed in rows it kept
    restored: bool = False


@dataclass(frozen=True)
class Change:
    """A value a delete changed in a row it did not remove: (table, column, row id, before, after)."""

    table: str
    column: str
    row_id: int
    before: Any
    after: Any


class Changes(list):
    """What a delete function returns when it changed other rows besides removing its own (a list of
    `Change`); `delete` keeps it for `restore`."""


def _referrers(table: Table) -> list[tuple[Table, Any, ForeignKey]]:
    """(table, column, foreign key) of every column that refers to `table`."""
    out = []
    for other in m.Base.metadata.sorted_tables:
        for column in other.columns:
            for fk in column.foreign_keys:
                if fk.column.table is table:
                    out.append((other, column, fk))
    return out


def _gather(s: Session, table: Table, ids: list[int], d: Deleted) -> None:
    """The rows `ids` of `table` and, following ON DELETE CASCADE, everything deleted with them."""
    if not ids:
        return
    rows = [dict(r) for r in s.execute(select(table).where(table.c.id.in_(ids))).mappings()]
    known = {r["id"] for r in d.rows.get(table.name, [])}
    rows = [r for r in rows if r["id"] not in known]
    if not rows:
        return
    d.rows.setdefault(table.name, []).extend(rows)
    ids = [r["id"] for r in rows]
    for other, column, fk in _referrers(table):
        if fk.ondelete and fk.ondelete.upper() == "CASCADE":
            child = s.execute(select(other.c.id).where(column.in_(ids))).scalars().all()
            _gather(s, other, list(child), d)
        elif fk.ondelete and fk.ondelete.upper() == "SET NULL":
            for rid, value in s.execute(select(other.c.id, column).where(column.in_(ids))).all():
                d.nulled.append((other.name, column.name, rid, value))


def _keep_contents(db: Database, s: Session, d: Deleted) -> None:
    """A copy of each attachment file and the stored contents (server) of the rows gathered."""
    attachments = d.rows.get(m.Attachment.__tablename__, [])
    if not attachments:
        return
    digests = {a["sha256"] for a in attachments if a.get("sha256")}
    if digests:
        chunk = m.AttachmentChunk.__table__
        d.chunks = [dict(r) for r in s.execute(select(chunk).where(chunk.c.sha256.in_(digests))).mappings()]
    # in the database's own folder (owner-only), never in the shared temporary folder: these are personal files
    keep = Path(tempfile.mkdtemp(prefix="撤销-", dir=private.make_dir(db.files_dir / "undo")))
    for a in attachments:
        source = db.attachments_dir / a["stored_path"]
        if source.is_file():
            copy = keep / f"{a['id']}{source.suffix}"
            shutil.copy2(source, copy)
            d.files.append((a["stored_path"], copy))


def delete(db: Database, table: str, record_id: int, what: str, fn: Callable[..., Any], *args: Any,
           also: Callable[[Session, int], list[tuple[str, list[int]]]] | None = None, **kwargs: Any) -> Deleted:
    """Run the delete `fn(db, record_id, *args, **kwargs)` of a row of `table` ("members", "meetings",
    "attachments", ...) and return what it removed, to be restored. `also(session, record_id)` names the
    other rows (table, ids) `fn` removes; a `Changes` that `fn` returns is kept to be set back."""
    d = Deleted(what)
    tables = m.Base.metadata.tables
    with db.session() as s:
        _gather(s, tables[table], [record_id], d)
        for other, ids in (also(s, record_id) if also is not None else ()):
            _gather(s, tables[other], list(ids), d)
        _keep_contents(db, s, d)
    try:
        result = fn(db, record_id, *args, **kwargs)
    except BaseException:
        forget([d])
        raise
    if isinstance(result, Changes):
        d.changed.extend(result)
    return d


def _set_back(s: Session, d: Deleted) -> None:
    """The values the delete changed, as they were; refused when a row has changed since (a later edit
    would be lost, or the record would no longer agree with it)."""
    tables = m.Base.metadata.tables
    touched: set[tuple[str, int]] = set()
    for c in d.changed:
        t = tables[c.table]
        col = t.c[c.column]
        now = s.execute(select(col).where(t.c.id == c.row_id)).first()
        if now is None or now[0] != c.after:
            raise ValidationError(f"无法恢复{d.what}：删除之后相关的记录又有了改动，请先查看那条记录。")
        s.execute(update(t).where(t.c.id == c.row_id).values({c.column: c.before}))
        touched.add((c.table, c.row_id))
    for table_name, rid in touched:  # an editor open on the row from before sees that it changed
        t = tables[table_name]
        if "version" in t.c:
            s.execute(update(t).where(t.c.id == rid).values(version=t.c.version + 1))


def restore(db: Database, d: Deleted) -> str:
    """Write back what `d` removed, in one transaction; the sentence to show."""
    if d.restored:
        raise ValidationError(f"{d.what}已经恢复过了。")
    order = [t for t in m.Base.metadata.sorted_tables if t.name in d.rows]  # parents before children
    try:
        with db.transaction() as s:
            for table in order:
                s.execute(insert(table), d.rows[table.name])
            chunk = m.AttachmentChunk.__table__
            for c in d.chunks:
                there = s.execute(select(chunk.c.sha256).where(chunk.c.sha256 == c["sha256"],
                                                               chunk.c.seq == c["seq"])).first()
                if there is None:
                    s.execute(insert(chunk), [c])
            tables = m.Base.metadata.tables
            for table_name, column, rid, value in d.nulled:
                t = tables[table_name]
                s.execute(update(t).where(t.c.id == rid, t.c[column].is_(None)).values({column: value}))
            _set_back(s, d)
            for table in order[:1]:
                for row in d.rows[table.name]:
                    s.add(m.AuditEntry(table_name=table.name, record_id=row["id"], action="restore",
                                       reason="撤销删除"))
    except IntegrityError:
        raise ValidationError(f"无法恢复{d.what}：删除之后已经录入了相同的记录（例如同一个身份证号），"
                              "请先处理那条记录。") from None
    for stored, copy in d.files:
        target = db.attachments_dir / stored
        if not target.exists() and copy.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(copy, target)
    d.restored = True
    forget([d])
    return f"已恢复{d.what}"


def forget(deleted: list[Deleted]) -> None:
    """The program closes: the kept copies go (what was deleted is now gone for good)."""
    for d in deleted:
        for _stored, copy in d.files:
            copy.unlink(missing_ok=True)
        folders = {copy.parent for _s, copy in d.files}
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        d.files = []
