"""Attachments: files copied into the data folder (never linked), recorded with their hash.

On a shared server database the bytes are also stored in the database (attachment_chunks), in
the same transaction as the record, so that the other secretaries' PCs can open the file; each
PC keeps the files it has opened in its own data folder as a cache, checked against the hash.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, exists, insert, select

from dangjian_desktop import private
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound, ValidationError

OWNERS = {"meeting": "meeting_id", "applicant": "applicant_id", "step": "step_id", "member": "member_id",
          "rectification": "rectification_id"}
OWNER_MODELS = {"meeting": m.Meeting, "applicant": m.Applicant, "step": m.DevelopmentStep, "member": m.Member,
                "rectification": m.Rectification}
MAX_BYTES = 500 * 1024 * 1024
CHUNK_BYTES = 4 * 1024 * 1024  # one row of attachment_chunks; a file is never held in memory whole
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    file_name: str
    size: int
    sha256: str
    added_at: datetime | None
    note: str
    path: Path


def safe_file_name(name: str) -> str:
    """A file name that is safe on Windows and Linux and cannot leave its folder."""
    name = unicodedata.normalize("NFC", Path(str(name).replace("\\", "/")).name)
    name = _UNSAFE.sub("_", name).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if stem.upper() in _RESERVED:
        stem = f"_{stem}"
    stem = stem[:100] or "附件"
    suffix = suffix[:10]
    return f"{stem}.{suffix}" if suffix else stem


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _owner_column(owner: str):
    if owner not in OWNERS:
        raise ValidationError(f"不能给“{owner}”添加附件。")
    return getattr(m.Attachment, OWNERS[owner])


def _info(db: Database, a: m.Attachment) -> AttachmentInfo:
    return AttachmentInfo(a.id, a.file_name, a.size, a.sha256, a.created_at, a.note,
                          db.attachments_dir / a.stored_path)


def add_attachment(db: Database, owner: str, owner_id: int, source: str | Path, note: str = "") -> AttachmentInfo:
    """Copy `source` into the data folder and record it for the owner record."""
    column = _owner_column(owner)
    source = Path(source)
    if not source.is_file():
        raise ValidationError(f"找不到文件“{source}”。")
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError(f"文件“{source.name}”有 {size // (1024 * 1024)} MB，超过 500 MB，不能作为附件。")
    with db.session() as s:
        if s.get(OWNER_MODELS[owner], owner_id) is None:
            raise NotFound(f"要添加附件的记录（{owner} {owner_id}）不存在。")
    name = safe_file_name(source.name)
    digest = _sha256(source)
    folder = db.attachments_dir / owner / str(owner_id)
    private.make_dir(folder)  # `<name>-文件` and below: the owner's alone
    stored = folder / f"{digest[:12]}-{name}"
    if not stored.exists():
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
        os.close(fd)
        try:
            shutil.copyfile(source, tmp)
            os.replace(tmp, stored)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    with db.transaction() as s:
        if s.get(OWNER_MODELS[owner], owner_id) is None:
            raise NotFound(f"要添加附件的记录（{owner} {owner_id}）不存在。")
        row = m.Attachment(file_name=name, stored_path=stored.relative_to(db.attachments_dir).as_posix(),
                           sha256=digest, size=size, note=note, **{column.key: owner_id})
        s.add(row)
        s.flush()
        if _shared(db) and not s.scalar(select(exists().where(m.AttachmentChunk.sha256 == digest))):
            _store_chunks(s, stored, digest)
        return _info(db, row)


def _shared(db: Database) -> bool:
    """A server database: attachments travel in the database, not only in this PC's folder."""
    return db.path is None


def forget_unused_contents(db: Database, s) -> None:
    """In the caller's transaction, after records were deleted whose attachments went with them
    (ON DELETE CASCADE): drop the stored bytes no attachment refers to any more (server only)."""
    if _shared(db):
        s.flush()
        s.execute(delete(m.AttachmentChunk).where(m.AttachmentChunk.sha256.not_in(select(m.Attachment.sha256))))


def _store_chunks(s, path: Path, digest: str) -> None:
    with open(path, "rb") as fh:
        for seq, block in enumerate(iter(lambda: fh.read(CHUNK_BYTES), b"")):
            s.execute(insert(m.AttachmentChunk), [{"sha256": digest, "seq": seq, "data": block}])


def _fetch_from_server(db: Database, file_name: str, digest: str, path: Path) -> bool:
    """Write the attachment's bytes from the server database to `path`; False if it has none.
    The copy is checked against the recorded hash before it is put in place."""
    chunk = m.AttachmentChunk
    with db.session() as s:
        seqs = s.scalars(select(chunk.seq).where(chunk.sha256 == digest).order_by(chunk.seq)).all()
        if not seqs:
            return False
        private.make_dir(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            h = hashlib.sha256()
            with os.fdopen(fd, "wb") as out:
                for seq in seqs:  # one chunk in memory at a time
                    block = s.scalar(select(chunk.data).where(chunk.sha256 == digest, chunk.seq == seq))
                    h.update(block)
                    out.write(block)
            if h.hexdigest() != digest:
                raise ValidationError(f"服务器上附件“{file_name}”的内容与记录的校验值不符，可能已损坏，请联系管理员。")
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return True


def list_attachments(db: Database, owner: str, owner_id: int) -> list[AttachmentInfo]:
    column = _owner_column(owner)
    with db.session() as s:
        return [_info(db, a) for a in s.scalars(select(m.Attachment).where(column == owner_id).order_by(m.Attachment.id))]


def attachment_path(db: Database, attachment_id: int) -> Path:
    """Where the file is; refuses a stored path that would lead outside the attachments folder."""
    with db.session() as s:
        a = s.get(m.Attachment, attachment_id)
        if a is None:
            raise NotFound(f"附件 {attachment_id} 不存在。")
        root = db.attachments_dir.resolve()
        path = (root / a.stored_path).resolve()
    if root not in path.parents:
        raise ValidationError("附件的保存位置不在数据文件夹内，已拒绝打开。")
    if not path.exists() and _shared(db) and _fetch_from_server(db, a.file_name, a.sha256, path):
        return path
    if not path.exists():
        if _shared(db):
            raise NotFound(f"附件文件“{a.file_name}”不在共享数据库中，只保存在添加它的那台电脑上，请在那台电脑上重新添加。")
        raise NotFound(f"附件文件“{a.file_name}”已不在数据文件夹中（可能被手工删除），请从备份恢复。")
    return path


def remove_attachment(db: Database, attachment_id: int) -> None:
    """Remove the record; the file stays until no record refers to it (it may be shared)."""
    with db.transaction() as s:
        a = s.get(m.Attachment, attachment_id)
        if a is None:
            raise NotFound(f"附件 {attachment_id} 不存在。")
        stored = a.stored_path
        s.delete(a)
        s.flush()
        still_used = s.scalar(select(m.Attachment.id).where(m.Attachment.stored_path == stored).limit(1))
        forget_unused_contents(db, s)
    if still_used is None:
        (db.attachments_dir / stored).unlink(missing_ok=True)
