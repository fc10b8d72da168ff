"""Backups, restore and moving house: the database and its attachments as one checked archive.

An archive (a backup in the backups folder, or an export for a new PC) is a zip holding
`database.db` (a consistent copy made through SQLite's online backup API), the
`attachments/` folder and `manifest.json` with the sha256 and size of every file. Restoring
verifies all of it in a staging folder beside the database before anything is replaced, holds
the database exclusively from start to end (no window, command or other program can write to it
meanwhile), backs up the current state first, keeps a damaged file under a new name (never
deletes it) and puts the database and its attachments in place as one step (db.swap). Copies of
the database made on the way live in scratch folders (db.scratch) that a kill cannot leave behind.
A full disk, a read-only folder or a lock held by another program is said as such, never called
damage.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import uuid
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from dangjian_desktop import __version__, private
from dangjian_desktop.db import faults, scratch, swap
from dangjian_desktop.db import lock as db_lock
from dangjian_desktop.db.engine import Database, backup_sqlite, files_dir_for, integrity_problem
from dangjian_desktop.db.filecheck import connect, settled_identity
from dangjian_desktop.db.scratch import Scratch
from dangjian_desktop.errors import DatabaseBusy, DatabaseError, DomainError, ValidationError

log = logging.getLogger(__name__)

FORMAT = "dangjian-desktop-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_NAME = "database.db"
ATTACHMENTS = "attachments"
KEEP_LAST = 10
KEEP_MONTHS = 12
MIRROR_KEY = "backup.mirror_dir"
_NAME = re.compile(r"^备份-(\d{8}-\d{6})(?:-(\d+))?-(.+)\.zip$")
_ALREADY_COMPRESSED = {".jpg", ".jpeg", ".png", ".gif", ".pdf", ".zip", ".rar", ".7z", ".docx", ".xlsx",
                       ".pptx", ".mp3", ".mp4", ".mov", ".avi", ".wmv", ".heic", ".webp", ".ofd"}

Progress = Callable[[int, int, str], None] | None


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as listed on the 数据安全 page."""

    path: Path
    created_at: datetime
    size: int
    reason: str
    kind: str  # "archive" (database + attachments) or "database" (copy made before an upgrade)


@dataclass
class BackupResult:
    info: BackupInfo
    made: bool  # False when nothing had changed since the newest backup, which is returned instead
    mirrored_to: Path | None = None
    mirror_problem: str | None = None
    removed: list[Path] = field(default_factory=list)  # old backups removed by the rotation


@dataclass(frozen=True)
class ArchiveCheck:
    """What a verified archive holds."""

    path: Path
    created_at: str
    schema: str | None
    files: int
    bytes: int
    app_version: str


@dataclass(frozen=True)
class RestoreResult:
    safety_backup: Path | None  # the state before the restore, itself a backup
    damaged_kept: Path | None  # a damaged database moved aside (never deleted)
    source: Path


# ------------------------------------------------------------------ small helpers


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _attachment_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".part"))


def _fingerprint(db_sha: str, attachments_dir: Path, files: list[Path]) -> str:
    """Changes to the data: the database copy's hash plus every attachment's name, size and time."""
    h = hashlib.sha256(db_sha.encode())
    for p in files:
        st = p.stat()
        h.update(f"{p.relative_to(attachments_dir).as_posix()}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _schema_of(db_file: Path) -> str | None:
    try:
        con = connect(db_file, readonly=True)
    except sqlite3.Error:
        return None
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    return row[0] if row else None


def _fault(exc: BaseException, where: Path | None, outcome: str) -> DomainError:
    """A disk or file failure on the way, in one Chinese sentence (a traceback is never the answer)."""
    found = faults.explain(exc, where, outcome)
    if found is not None:
        return found
    return DatabaseError(f"{outcome}：{getattr(exc, 'strerror', None) or exc}。")


def _read_manifest(zf: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except KeyError:
        raise ValidationError("这个文件里没有 manifest.json，不是党支部工作台的备份或导出文件。") from None
    except (ValueError, UnicodeDecodeError):
        raise ValidationError("备份文件中的 manifest.json 已损坏，无法确认内容完整，未做任何改动。") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValidationError("这个文件不是党支部工作台的备份或导出文件，未做任何改动。")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise ValidationError("这个备份文件由更新版本的程序制作，请先升级党支部工作台。")
    if not isinstance(manifest.get("files"), dict) or DB_NAME not in manifest["files"]:
        raise ValidationError("备份文件的清单中没有数据库，无法恢复。")
    return manifest


def _stamp_name(folder: Path, now: datetime, reason: str) -> Path:
    reason = re.sub(r'[\\/:*?"<>|\s.\x00-\x1f]+', "_", reason).strip("_")[:20] or "备份"
    base = f"备份-{now:%Y%m%d-%H%M%S}"
    path = folder / f"{base}-{reason}.zip"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}-{reason}.zip"
        n += 1
    return path


# ------------------------------------------------------------------ making archives


def _make_archive(db_source: Path | sqlite3.Connection, attachments_dir: Path, out: Path, reason: str, *,
                  now: datetime, files_dir: Path, skip_if_fingerprint: str | None = None,
                  progress: Progress = None, verify: bool = False) -> tuple[Path | None, str]:
    """Write the archive to `out` (atomically). Returns (out or None if unchanged, fingerprint).

    `db_source` is the database file, or a connection already holding it (a restore's); the copy
    is made in a scratch folder of `files_dir`, the zip beside `out` as `<name>.part` until it is
    whole (and, with `verify`, checked). A full disk or a read-only folder is one sentence and
    leaves nothing behind.
    """
    outcome = "备份没有完成（没有留下不完整的文件），数据库没有改动"
    try:
        private.make_dir(out.parent)
        with Scratch(files_dir, "备份") as tmp:
            copy = tmp / DB_NAME
            backup_sqlite(db_source, copy)
            con = sqlite3.connect(copy)
            try:  # a self-contained file: no WAL side files needed to read it
                con.execute("PRAGMA journal_mode=DELETE")
            finally:
                con.close()
            db_sha = _sha256_file(copy)
            files = _attachment_files(attachments_dir)
            fingerprint = _fingerprint(db_sha, attachments_dir, files)
            if skip_if_fingerprint is not None and fingerprint == skip_if_fingerprint:
                return None, fingerprint
            entries = {DB_NAME: {"sha256": db_sha, "size": copy.stat().st_size}}
            part = out.with_name(out.name + ".part")
            scratch.note_outside(tmp, part)
            total = len(files) + 1
            with zipfile.ZipFile(part, "w", allowZip64=True) as zf:
                zf.write(copy, DB_NAME, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
                for i, p in enumerate(files, start=1):
                    if progress:
                        progress(i, total, f"正在备份附件 {i}/{len(files)}")
                    name = f"{ATTACHMENTS}/{p.relative_to(attachments_dir).as_posix()}"
                    entries[name] = {"sha256": _sha256_file(p), "size": p.stat().st_size}
                    kind = zipfile.ZIP_STORED if p.suffix.lower() in _ALREADY_COMPRESSED else zipfile.ZIP_DEFLATED
                    zf.write(p, name, compress_type=kind)
                manifest = {
                    "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
                    "created_at": now.isoformat(timespec="seconds"), "reason": reason,
                    "schema": _schema_of(copy), "fingerprint": fingerprint, "files": entries,
                }
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            with open(part, "rb+") as fh:
                os.fsync(fh.fileno())
            private.restrict(part)  # every ID and phone number is in it: the owner's alone
            if verify:  # before it takes the name (and perhaps the place of an older export)
                try:
                    with Scratch(files_dir, "检查") as checking:
                        _extract_verified(part, checking)
                except DomainError as exc:
                    raise DatabaseError(f"导出的文件没有通过校验（{exc}），已删除，没有留下不完整的文件。") from None
            os.replace(part, out)
    except (OSError, sqlite3.Error) as exc:
        raise _fault(exc, out if isinstance(exc, OSError) else None, outcome) from None
    return out, fingerprint


def _info(path: Path) -> BackupInfo | None:
    m = _NAME.match(path.name)
    if m:
        created = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
        return BackupInfo(path, created, path.stat().st_size, m.group(3), "archive")
    if path.suffix == ".db" and ("-升级前-" in path.name or "-救回-" in path.name):
        # a copy made before an upgrade, or what a window saved when its file was replaced (db.watch)
        stamp = re.search(r"(\d{8}-\d{6})", path.name)
        created = (datetime.strptime(stamp.group(1), "%Y%m%d-%H%M%S") if stamp
                   else datetime.fromtimestamp(path.stat().st_mtime))
        return BackupInfo(path, created, path.stat().st_size, "升级前" if "-升级前-" in path.name else "救回",
                          "database")
    return None


def _list(folder: Path) -> list[BackupInfo]:
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if p.is_file() and (info := _info(p)) is not None]
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


def list_backups(db: Database) -> list[BackupInfo]:
    """Every backup of this database, newest first."""
    return _list(db.backups_dir)


def _newest_manifest(folder: Path) -> tuple[BackupInfo | None, dict]:
    for info in _list(folder):
        if info.kind != "archive":
            continue
        try:
            with zipfile.ZipFile(info.path) as zf:
                return info, _read_manifest(zf)
        except (zipfile.BadZipFile, OSError, DomainError):
            continue
    return None, {}


# The automatic backup at every start copies the whole file and hashes the copy to learn whether
# anything changed since the newest backup: seconds on a 党委's 240 MB, during which the lane can do
# nothing else. So once a copy has shown that the file holds exactly the newest backup's data, the
# file's identity then (device, inode, size, modification time, nothing in a WAL beside it) is noted
# in the backups folder; a file still exactly that, with the same attachments, is that data, and needs no
# copy. Anything that wrote to the file since, or a file copied over it, no longer matches.
SAME_AS_NEWEST = ".与最新备份相同的文件"


def _note_same_as_newest(db: Database, newest: Path, fingerprint: str, identity: list[int] | None) -> None:
    note = db.backups_dir / SAME_AS_NEWEST
    try:
        if identity is None:
            note.unlink(missing_ok=True)
            return
        tmp = note.with_name(note.name + ".tmp")
        private.create_file(tmp)
        tmp.write_text(json.dumps({"archive": newest.name, "fingerprint": fingerprint, "file": identity}),
                       encoding="utf-8")
        os.replace(tmp, note)
    except OSError as exc:  # only a slower backup check next time
        log.info("could not note the backup state of %s: %s", db.path, exc)


def _unchanged_since(db: Database, newest: BackupInfo, manifest: dict) -> bool:
    """True when the newest backup holds exactly the data of the database file and its attachments
    (the note above, the file and the attachments as the note and the manifest have them)."""
    try:
        noted = json.loads((db.backups_dir / SAME_AS_NEWEST).read_text(encoding="utf-8"))
        fingerprint = manifest.get("fingerprint")
        db_sha = manifest["files"][DB_NAME]["sha256"]
        if (not isinstance(noted, dict) or noted.get("archive") != newest.path.name or not fingerprint
                or noted.get("fingerprint") != fingerprint or noted.get("file") != settled_identity(db.path)):
            return False
        return _fingerprint(db_sha, db.attachments_dir, _attachment_files(db.attachments_dir)) == fingerprint
    except (OSError, ValueError, KeyError, TypeError):  # no note, or an attachment removed while looking
        return False


def rotate(folder: Path, now: datetime, keep_last: int = KEEP_LAST, months: int = KEEP_MONTHS) -> list[Path]:
    """Keep the newest `keep_last` backups plus the newest of each month for `months` months."""
    archives = [b for b in _list(folder) if b.kind == "archive"]
    keep = {b.path for b in archives[:keep_last]}
    oldest = now - timedelta(days=31 * months)
    seen_months: set[tuple[int, int]] = set()
    for b in archives:  # newest first, so the first seen in a month is that month's newest
        month = (b.created_at.year, b.created_at.month)
        if b.created_at >= oldest and month not in seen_months:
            seen_months.add(month)
            keep.add(b.path)
    removed = []
    for b in archives:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError as exc:  # e.g. a file open in another program: try again next time
                log.info("could not remove old backup %s: %s", b.path, exc)
    return removed


def mirror_folder(db: Database) -> Path | None:
    from dangjian_desktop.services import settings

    value = settings.get(db, MIRROR_KEY)
    return Path(value) if value else None


def set_mirror_folder(db: Database, folder: str | Path | None) -> Path | None:
    """Also copy every backup to `folder` (e.g. a USB drive); None stops mirroring."""
    from dangjian_desktop.services import settings

    if folder in (None, ""):
        settings.put(db, MIRROR_KEY, None)
        return None
    path = Path(folder).expanduser().resolve()
    if not path.is_dir():
        raise ValidationError(f"文件夹“{path}”不存在（U 盘是否已插好？）。")
    if db.path is not None and path == db.backups_dir.resolve():
        raise ValidationError("第二份备份的文件夹不能和备份文件夹相同，请选另一个磁盘或 U 盘。")
    try:
        with tempfile.NamedTemporaryFile(dir=path, prefix=".写入测试-"):
            pass
    except OSError:
        raise ValidationError(f"文件夹“{path}”不能写入，请换一个文件夹。") from None
    settings.put(db, MIRROR_KEY, str(path))
    return path


def _mirror_target(mirror: Path, db: Database) -> Path:
    return mirror / "党支部工作台备份" / (db.path.stem if db.path else "server")


def _copy_to_mirror(db: Database, archive: Path, now: datetime) -> tuple[Path | None, str | None]:
    mirror = mirror_folder(db)
    if mirror is None:
        return None, None
    if not mirror.is_dir():
        return None, f"第二份备份没有写入：文件夹“{mirror}”不存在（U 盘是否已插好？）。"
    target_dir = _mirror_target(mirror, db)
    try:
        private.make_dir(target_dir)
        with Scratch(db.files_dir, "第二份") as tmp:
            part = target_dir / (archive.name + ".part")
            scratch.note_outside(tmp, part)
            shutil.copyfile(archive, part)
            private.restrict(part)
            os.replace(part, target_dir / archive.name)
        rotate(target_dir, now)
    except OSError as exc:
        return None, str(_fault(exc, target_dir / archive.name, f"第二份备份没有写入“{target_dir}”（第一份已经做好）"))
    return target_dir / archive.name, None


def _require_file_db(db: Database) -> Path:
    if db.path is None:
        raise DomainError("服务器上的数据库请由服务器管理员备份，本程序只备份本机的数据库文件。")
    return db.path


def create_backup(db: Database, reason: str = "手动", *, only_if_changed: bool = False,
                  now: datetime | None = None, progress: Progress = None) -> BackupResult:
    """Back up the database and attachments into the backups folder, rotate, mirror."""
    path = _require_file_db(db)
    now = now or datetime.now()
    newest, manifest = _newest_manifest(db.backups_dir) if only_if_changed else (None, {})
    if newest is not None and _unchanged_since(db, newest, manifest):
        return BackupResult(newest, made=False)
    fingerprint = manifest.get("fingerprint")
    out = _stamp_name(db.backups_dir, now, reason)
    identity = settled_identity(path)
    made, fingerprint = _make_archive(path, db.attachments_dir, out, reason, now=now, files_dir=db.files_dir,
                                      skip_if_fingerprint=fingerprint if newest else None, progress=progress)
    if identity != settled_identity(path):
        identity = None  # written to while it was copied: the copy is not known to be the file as it is
    _note_same_as_newest(db, made or newest.path, fingerprint, identity)
    if made is None:
        assert newest is not None
        return BackupResult(newest, made=False)
    info = _info(made)
    assert info is not None
    removed = rotate(db.backups_dir, now)
    mirrored, problem = _copy_to_mirror(db, made, now)
    log.info("backup %s (%s bytes, %s)", made, info.size, reason)
    return BackupResult(info, made=True, mirrored_to=mirrored, mirror_problem=problem, removed=removed)


def snapshot(db: Database, reason: str) -> BackupResult | None:
    """A backup before a change that rewrites many records (an import); skipped if nothing changed.
    None for a server database (backed up by its administrator)."""
    if db.path is None:
        return None
    return create_backup(db, reason, only_if_changed=True)


def backup_if_changed(db: Database, reason: str = "自动", *, now: datetime | None = None) -> BackupResult:
    """The automatic backup: at start and daily while running, only when the data changed."""
    return create_backup(db, reason, only_if_changed=True, now=now)


def backup_due(db: Database, *, now: datetime | None = None, every: timedelta = timedelta(days=1)) -> bool:
    """True when the newest backup is older than `every` (or there is none)."""
    now = now or datetime.now()
    archives = [b for b in list_backups(db) if b.kind == "archive"]
    return not archives or now - archives[0].created_at >= every


def export_archive(db: Database, out: str | Path, *, now: datetime | None = None,
                   progress: Progress = None) -> ArchiveCheck:
    """导出全部数据: one archive to carry to a new PC; checked before it takes its name (a file that
    fails the check is removed, never left looking like an export)."""
    path = _require_file_db(db)
    out = Path(out).expanduser().resolve()
    if out.suffix.lower() != ".zip":
        out = out.with_name(out.name + ".zip")
    _make_archive(path, db.attachments_dir, out, "导出", now=now or datetime.now(), files_dir=db.files_dir,
                  progress=progress, verify=True)
    return verify_archive(out, files_dir=db.files_dir)


# ------------------------------------------------------------------ checking and restoring

NOT_RESTORED = "没有恢复，现在的数据保持原样"


def _safe_member(name: str) -> bool:
    parts = name.split("/")
    return (name == DB_NAME or (parts[0] == ATTACHMENTS and len(parts) > 1)) and \
        not name.startswith("/") and "\\" not in name and ".." not in parts and ":" not in name and "" not in parts


def _extract_verified(source: Path, staging: Path, progress: Progress = None) -> ArchiveCheck:
    """Extract every file listed in the manifest into `staging`, checking size and sha256.

    A file that cannot be read is the archive's fault (refused as damaged); one that cannot be
    written is the disk's (a full disk or read-only folder, said as such)."""
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        raise ValidationError(f"文件“{source.name}”不是完整的备份文件（可能不是本程序导出的，或复制时中断了），"
                              "未做任何改动。") from None
    with zf:
        manifest = _read_manifest(zf)
        files: dict[str, dict] = manifest["files"]
        names = set(zf.namelist())
        total = 0
        for name, meta in files.items():
            if not _safe_member(name):
                raise ValidationError(f"备份文件中有不安全的路径“{name}”，已拒绝恢复。")
            if name not in names:
                raise ValidationError(f"备份文件不完整：缺少“{name}”，未做任何改动。")
            total += int(meta.get("size", 0))
        free = shutil.disk_usage(staging.parent).free
        if total * 1.1 > free:
            raise ValidationError(f"磁盘空间不够：恢复需要约 {total // 2**20 + 1} MB，"
                                  f"“{staging.parent}”所在磁盘只剩 {free // 2**20} MB，未做任何改动。")
        for i, (name, meta) in enumerate(sorted(files.items()), start=1):
            if progress:
                progress(i, len(files), f"正在检查 {i}/{len(files)}")
            target = staging / name
            h = hashlib.sha256()
            size = 0
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                dst = open(target, "wb")
            except OSError as exc:
                raise _fault(exc, target, "备份文件没有检查完，" + NOT_RESTORED) from None
            with dst:
                try:
                    src = zf.open(name)
                except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
                    raise ValidationError(f"备份文件中的“{name}”无法读取（{exc}），文件已损坏，未做任何改动。") from None
                with src:
                    while True:
                        try:
                            block = src.read(1 << 20)
                        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
                            raise ValidationError(f"备份文件中的“{name}”无法读取（{exc}），文件已损坏，"
                                                  "未做任何改动。") from None
                        if not block:
                            break
                        size += len(block)
                        if size > int(meta.get("size", 0)):
                            break
                        h.update(block)
                        try:
                            dst.write(block)
                        except OSError as exc:
                            raise _fault(exc, target, "备份文件没有检查完，" + NOT_RESTORED) from None
            if size != int(meta.get("size", -1)) or h.hexdigest() != meta.get("sha256"):
                raise ValidationError(f"备份文件中的“{name}”校验不符（内容被改动或已损坏），未做任何改动。")
    db_file = staging / DB_NAME
    problem = integrity_problem(db_file, full=True)
    if problem is not None:
        raise ValidationError(f"备份中的数据库没有通过完整性检查（{problem}），未做任何改动。")
    _check_schema(db_file)
    return ArchiveCheck(source, str(manifest.get("created_at", "")), manifest.get("schema"), len(files), total,
                        str(manifest.get("app_version", "")))


def _check_schema(db_file: Path) -> None:
    from alembic.script import ScriptDirectory

    from dangjian_desktop.db.engine import alembic_config

    schema = _schema_of(db_file)
    if schema is None:
        raise ValidationError("备份中的文件不是党支部工作台的数据库，未做任何改动。")
    try:
        known = ScriptDirectory.from_config(alembic_config()).get_revision(schema)
    except Exception:
        known = None
    if known is None:
        raise ValidationError(f"备份由更新版本的程序制作（结构版本 {schema}），请先升级党支部工作台。")


def verify_archive(source: str | Path, *, files_dir: Path | None = None, progress: Progress = None) -> ArchiveCheck:
    """Check an archive completely (checksums, database integrity, schema) without restoring it.
    The check unpacks into a scratch folder of `files_dir` (the open database's), never beside
    the archive (a USB stick, the desktop)."""
    source = Path(source).expanduser().resolve()
    if not source.is_file():
        raise ValidationError(f"找不到文件“{source}”。")
    try:
        with Scratch(files_dir, "检查") as tmp:
            return _extract_verified(source, tmp, progress)
    except OSError as exc:
        raise _fault(exc, None, "备份文件没有检查完，没有改动任何数据") from None


def _is_archive(source: Path) -> bool:
    return source.suffix.lower() == ".zip" or zipfile.is_zipfile(source)


def _stage(source: Path, staging: Path, progress: Progress) -> ArchiveCheck:
    if _is_archive(source):
        return _extract_verified(source, staging, progress)
    # a plain database file: the copies made before an upgrade
    try:
        backup_sqlite(source, staging / DB_NAME)
    except sqlite3.Error as exc:
        kind = faults.sqlite_kind(exc)
        if kind in (faults.FULL, faults.READ_ONLY, faults.IO, faults.BUSY):
            raise _fault(exc, staging, NOT_RESTORED) from None
        raise ValidationError(f"文件“{source.name}”不是可用的数据库（{exc}），未做任何改动。") from None
    problem = integrity_problem(staging / DB_NAME, full=True)
    if problem is not None:
        raise ValidationError(f"文件“{source.name}”没有通过完整性检查（{problem}），未做任何改动。")
    _check_schema(staging / DB_NAME)
    return ArchiveCheck(source, "", _schema_of(staging / DB_NAME), 1, source.stat().st_size, "")


IN_USE = "数据库正在被另一个程序使用（可能是其他软件打开了它），没有恢复，现在的数据保持原样。请先关闭那个程序再恢复"


def _hold(path: Path) -> tuple[sqlite3.Connection | None, str | None]:
    """The current database held exclusively until the returned connection is closed: the WAL
    folded into the file, no other connection anywhere (else DatabaseBusy). (None, what SQLite
    found) when it is damaged; a lock, a read-only folder or a full disk is never damage."""
    try:
        con = connect(path, timeout=2.0)
    except sqlite3.Error as exc:
        raise _fault(exc, path, NOT_RESTORED) from None
    try:
        rows = [str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall()]
        if rows != ["ok"]:
            con.close()
            return None, "；".join(rows[:3])
        mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":  # another connection keeps the WAL open
            raise DatabaseBusy(IN_USE, holder="program")
        con.execute("PRAGMA locking_mode=EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")  # taken now and, in exclusive locking mode, kept until close
        con.execute("COMMIT")
        return con, None
    except sqlite3.Error as exc:
        con.close()
        kind = faults.sqlite_kind(exc)
        if kind in (faults.DAMAGED, faults.NOT_OURS):
            return None, str(exc)
        if kind == faults.BUSY:
            raise DatabaseBusy(IN_USE, holder="program") from None
        raise _fault(exc, path, NOT_RESTORED) from None
    except BaseException:
        con.close()
        raise


def restore(db_path: str | Path, source: str | Path, *, now: datetime | None = None,
            progress: Progress = None, lock: db_lock.DbLock | None = None) -> RestoreResult:
    """Replace the database at `db_path` with a backup or archive, after checking it.

    The database is held exclusively from start to end: our lock beside it (`lock`, the window's
    own when a window restores what it shows; otherwise taken here, waiting a little for commands
    that are finishing) and SQLite's exclusive lock from the safety backup to the swap. The current
    state is backed up first; a damaged current file is renamed and kept. The database and its
    attachments are put in place as one step (db.swap).
    """
    now = now or datetime.now()
    db_path = Path(db_path).expanduser().resolve()
    source = Path(source).expanduser().resolve()
    if not source.is_file():
        raise ValidationError(f"找不到备份文件“{source}”。")
    files = files_dir_for(db_path)
    try:
        private.make_dir(db_path.parent)
    except OSError as exc:
        raise _fault(exc, db_path, NOT_RESTORED) from None
    held = lock if lock is not None else _restore_lock(db_path)
    try:
        swap.finish_interrupted(db_path)
        scratch.sweep(files)
        try:
            return _restore_held(db_path, files, source, now, progress)
        except OSError as exc:
            raise _fault(exc, None, NOT_RESTORED) from None
    finally:
        if lock is None and held is not None:
            held.release()


def _restore_lock(db_path: Path) -> db_lock.DbLock | None:
    try:
        return db_lock.acquire(db_path, db_lock.RESTORE)
    except DatabaseBusy as busy:
        if busy.holder != db_lock.SHARED:
            raise
    return db_lock.acquire(db_path, db_lock.RESTORE, wait=10.0)  # a command about to finish


def _restore_held(db_path: Path, files: Path, source: Path, now: datetime, progress: Progress) -> RestoreResult:
    private.make_dir(files)
    with Scratch(files, "恢复") as staging:
        check = _stage(source, staging, progress)
        hold, damaged_problem = None, None
        if db_path.exists() and db_path.stat().st_size > 0:
            hold, damaged_problem = _hold(db_path)
        try:
            safety = damaged = None
            if hold is not None:
                safety, _ = _make_archive(hold, files / ATTACHMENTS, _stamp_name(files / "backups", now, "恢复前"),
                                          "恢复前", now=now, files_dir=files)
            elif damaged_problem is not None:
                damaged = db_path.with_name(f"{db_path.stem}.损坏-{now:%Y%m%d-%H%M%S}{db_path.suffix}")
                log.info("damaged database %s to be kept as %s (%s)", db_path, damaged, damaged_problem)
            stamp = f"{now:%Y%m%d-%H%M%S}"
            archive = _is_archive(source)
            if archive:  # a plain database copy leaves the attachments as they are
                (staging / ATTACHMENTS).mkdir(exist_ok=True)
            plan = swap.Plan(
                db_path=str(db_path), staged_db=str(staging / DB_NAME), attachments=str(files / ATTACHMENTS),
                staged_attachments=str(staging / ATTACHMENTS) if archive else None,
                old_attachments=str(files / f".附件-被替换-{stamp}-{uuid.uuid4().hex[:6]}"),
                keep_old_attachments=str(files / f"附件.损坏前-{stamp}") if damaged is not None else None,
                damaged_kept=str(damaged) if damaged is not None else None)
            if hold is not None and os.name == "nt":  # Windows cannot rename over a file that is open
                hold.close()
                hold = None
            private.restrict(staging / DB_NAME)
            try:
                swap.carry_out(plan)
            except OSError as exc:
                if not swap.pending(db_path):
                    raise
                raise DatabaseError(f"恢复已经开始，但这一次没有做完（{_fault(exc, None, '稍后会接着做')}）。下次打开数据库时"
                                    "会自动做完：数据库和附件会一起换成备份中的，不会一半新一半旧。") from None
        finally:
            if hold is not None:
                hold.close()
    if safety is not None:
        rotate(files / "backups", now)
    log.info("restored %s from %s (safety backup %s, damaged kept %s)", db_path, source, safety, damaged)
    return RestoreResult(safety_backup=safety, damaged_kept=damaged, source=check.path)


def restore_open(db: Database, source: str | Path, *, now: datetime | None = None,
                 progress: Progress = None) -> RestoreResult:
    """Restore the database a window has open: it keeps its lock throughout (no command can get
    in between), its connections are closed for the swap and opened again after, also when the
    restore fails (the window then goes on with the data as it was)."""
    path = _require_file_db(db)
    db.suspend()
    try:
        return restore(path, source, now=now, progress=progress, lock=db.lock)
    finally:
        db.resume()


def newest_good_backup(db_path: str | Path) -> BackupInfo | None:
    """The newest backup of `db_path` that passes every check, for recovering a damaged file."""
    files = files_dir_for(Path(db_path).expanduser().resolve())
    for info in _list(files / "backups"):
        try:
            if info.kind == "archive":
                verify_archive(info.path, files_dir=files)
            elif integrity_problem(info.path, full=True) is not None:
                continue
            return info
        except DomainError:
            continue
    return None


# ---------------------------------------------------------------- for the 数据安全 page


def backups_folder(db: Database) -> Path:
    """The folder of this database's backups (made if missing), to open in the file manager."""
    _require_file_db(db)
    folder = db.backups_dir
    folder.mkdir(parents=True, exist_ok=True)
    return folder
