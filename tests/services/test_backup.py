"""Backups and restore: consistent copies, rotation, mirror, checked archives, nothing lost."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import integrity_problem, open_database
from dangjian_desktop.errors import DatabaseDamaged, DomainError, ValidationError
from dangjian_desktop.services import attachments, backup

NOW = datetime(2026, 11, 23, 9, 30, 0)


def _members(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(m.Member))


def _rename_member(db, name: str) -> int:
    with db.transaction() as s:
        member = s.scalars(select(m.Member).order_by(m.Member.id)).first()
        member.name = name
        return member.id


def _name_of(path: Path, member_id: int) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT name FROM members WHERE id = ?", (member_id,)).fetchone()[0]
    finally:
        con.close()


def test_a_backup_holds_the_database_and_attachments_with_checksums(demo_db, workdir):
    meeting_id = _first_id(demo_db, m.Meeting)
    doc = workdir / "签到表.pdf"
    doc.write_bytes(b"%PDF-1.4 signed sheet")
    attachments.add_attachment(demo_db, "meeting", meeting_id, doc)
    result = backup.create_backup(demo_db, "手动", now=NOW)
    assert result.made and result.info.path.parent == demo_db.backups_dir
    assert result.info.path.name == "备份-20261123-093000-手动.zip"
    with zipfile.ZipFile(result.info.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = zf.namelist()
    assert manifest["schema"] and manifest["files"]["database.db"]["sha256"]
    assert any(n.startswith("attachments/meeting/") and n.endswith("签到表.pdf") for n in names)
    check = backup.verify_archive(result.info.path)
    assert check.files == 2
    assert [b.path for b in backup.list_backups(demo_db)] == [result.info.path]


def _first_id(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(model.id).order_by(model.id))


def test_the_automatic_backup_is_skipped_when_nothing_changed(demo_db):
    first = backup.backup_if_changed(demo_db, now=NOW)
    again = backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=1))
    assert first.made and not again.made and again.info.path == first.info.path
    _rename_member(demo_db, "改过的名字")
    third = backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=2))
    assert third.made and len(backup.list_backups(demo_db)) == 2


def test_an_untouched_file_is_not_copied_again_only_to_find_it_unchanged(demo_db, monkeypatch):
    """The backup at every start: a file exactly as the last backup copied it (same inode, size and
    time, nothing in its WAL) needs no second copy and hash of the whole file (seconds on a 党委's)."""
    first = backup.backup_if_changed(demo_db, now=NOW)
    copies = []
    real_copy = backup.backup_sqlite
    monkeypatch.setattr(backup, "backup_sqlite", lambda *a: copies.append(a) or real_copy(*a))
    again = backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=1))
    assert not again.made and again.info.path == first.info.path and copies == []
    # its time changed (a file copied over it keeping the size, a tool touching it): copied and compared
    st = demo_db.path.stat()
    import os

    os.utime(demo_db.path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    third = backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=2))
    assert not third.made and len(copies) == 1  # the same data after all: no new archive
    assert not backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=3)).made and len(copies) == 1
    # backups made before the file's state was noted (an older version): one copy, then none
    (demo_db.backups_dir / backup.SAME_AS_NEWEST).unlink()
    assert not backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=4)).made and len(copies) == 2
    assert not backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=5)).made and len(copies) == 2
    # a change (in the WAL beside the file, the file itself untouched): a new backup, every time
    _rename_member(demo_db, "改过的名字")
    fourth = backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=6))
    assert fourth.made and len(copies) == 3 and len(backup.list_backups(demo_db)) == 2
    _rename_member(demo_db, "又改过的名字")
    assert backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=7)).made and len(copies) == 4


def test_a_new_attachment_is_backed_up_though_the_database_file_is_untouched(demo_db, workdir):
    backup.backup_if_changed(demo_db, now=NOW)
    folder = demo_db.attachments_dir / "会议"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "签到表.pdf").write_bytes(b"%PDF-1.4 sign-in sheet")
    again = backup.backup_if_changed(demo_db, now=NOW + timedelta(hours=1))
    assert again.made
    with zipfile.ZipFile(again.info.path) as zf:
        assert any(name.endswith("签到表.pdf") for name in zf.namelist())


def test_backup_due_after_a_day(demo_db):
    assert backup.backup_due(demo_db, now=NOW)
    backup.create_backup(demo_db, now=NOW)
    assert not backup.backup_due(demo_db, now=NOW + timedelta(hours=23))
    assert backup.backup_due(demo_db, now=NOW + timedelta(hours=24))


def test_rotation_keeps_the_last_ten_and_one_a_month_for_a_year(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2025, 1, 1, 8, 0, 0)
    made = []
    for day in range(0, 700, 3):  # a backup every three days for almost two years
        when = start + timedelta(days=day)
        path = folder / f"备份-{when:%Y%m%d-%H%M%S}-自动.zip"
        path.write_bytes(b"x")
        made.append(when)
    now = made[-1]
    backup.rotate(folder, now)
    kept = sorted(datetime.strptime(p.name[3:18], "%Y%m%d-%H%M%S") for p in folder.iterdir())
    assert kept[-10:] == made[-10:]
    older = [k for k in kept if k not in made[-10:]]
    months = [(k.year, k.month) for k in older]
    assert len(months) == len(set(months))  # at most one per month beyond the last ten
    assert all(now - k <= timedelta(days=31 * 12) for k in older)
    assert len(kept) <= 10 + 12
    assert len(older) >= 10  # the year is covered month by month


def test_a_mirror_folder_gets_a_copy_and_a_missing_one_is_reported(demo_db, workdir):
    usb = workdir / "U盘"
    usb.mkdir()
    backup.set_mirror_folder(demo_db, usb)
    result = backup.create_backup(demo_db, now=NOW)
    assert result.mirrored_to is not None and result.mirrored_to.read_bytes() == result.info.path.read_bytes()
    usb.rename(workdir / "拔掉了")
    later = backup.create_backup(demo_db, now=NOW + timedelta(minutes=1))
    assert later.made and later.mirrored_to is None and "U 盘" in later.mirror_problem
    with pytest.raises(ValidationError, match="不存在"):
        backup.set_mirror_folder(demo_db, workdir / "没有这个文件夹")


def test_restore_brings_the_data_back_and_backs_up_the_current_state_first(demo_db, workdir):
    member_id = _first_id(demo_db, m.Member)
    original = _name_of(demo_db.path, member_id)
    saved = backup.create_backup(demo_db, now=NOW).info.path
    _rename_member(demo_db, "误改的名字")
    path = demo_db.path
    demo_db.close()
    result = backup.restore(path, saved, now=NOW + timedelta(minutes=5))
    assert _name_of(path, member_id) == original
    assert result.safety_backup is not None and result.damaged_kept is None
    # the state before the restore can itself be restored
    backup.restore(path, result.safety_backup, now=NOW + timedelta(minutes=6))
    assert _name_of(path, member_id) == "误改的名字"
    reopened = open_database(path)
    assert _members(reopened) > 30
    reopened.close()


def test_restore_refuses_while_another_program_has_the_database_open(demo_db):
    saved = backup.create_backup(demo_db, now=NOW).info.path
    before = demo_db.path.read_bytes()
    with demo_db.engine.connect() as conn:  # the database is in use (as by the GUI)
        conn.exec_driver_sql("SELECT 1")
        with pytest.raises(DomainError, match="正在被另一个程序"):
            backup.restore(demo_db.path, saved)
    assert demo_db.path.read_bytes() == before


def test_an_export_moves_everything_to_another_pc(demo_db, workdir):
    meeting_id = _first_id(demo_db, m.Meeting)
    doc = workdir / "会议照片.jpg"
    doc.write_bytes(b"\xff\xd8 photo")
    info = attachments.add_attachment(demo_db, "meeting", meeting_id, doc)
    out = workdir / "U盘" / "全部数据"
    out.parent.mkdir()
    check = backup.export_archive(demo_db, out)
    assert check.path.suffix == ".zip" and check.files == 2
    new_pc = workdir / "新电脑" / "dangjian.db"
    backup.restore(new_pc, check.path)
    moved = open_database(new_pc)
    try:
        assert _members(moved) == _members(demo_db)
        assert attachments.attachment_path(moved, info.id).read_bytes() == b"\xff\xd8 photo"
    finally:
        moved.close()


def _tamper(archive: Path, out: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, data if item.filename == name else src.read(item.filename))
    return out


def test_a_tampered_or_truncated_archive_is_refused_and_nothing_is_replaced(demo_db, workdir):
    saved = backup.create_backup(demo_db, now=NOW).info.path
    path = demo_db.path
    demo_db.close()
    before = path.read_bytes()
    bad = _tamper(saved, workdir / "改过.zip", "database.db", b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(ValidationError, match="校验不符"):
        backup.restore(path, bad)
    truncated = workdir / "半截.zip"
    truncated.write_bytes(saved.read_bytes()[: saved.stat().st_size // 2])
    with pytest.raises(ValidationError, match="不是完整的备份文件"):
        backup.restore(path, truncated)
    evil = workdir / "越界.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": backup.FORMAT, "format_version": 1, "files": {
            "database.db": {"sha256": "0", "size": 1}, "../../outside.txt": {"sha256": "0", "size": 1}}}))
        zf.writestr("database.db", b"x")
        zf.writestr("../../outside.txt", b"x")
    with pytest.raises(ValidationError, match="不安全的路径"):
        backup.restore(path, evil)
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*恢复中*"))


def test_a_damaged_database_is_refused_at_open_kept_and_recovered_from_the_newest_good_backup(demo_db):
    member_id = _first_id(demo_db, m.Member)
    backup.create_backup(demo_db, now=NOW)
    good = backup.create_backup(demo_db, now=NOW + timedelta(minutes=1), reason="较新")
    # the newest backup is itself damaged: it must be passed over
    newest = demo_db.backups_dir / "备份-20261123-093500-最新.zip"
    newest.write_bytes(good.info.path.read_bytes()[:2000])
    path = demo_db.path
    demo_db.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(size // 2)
    damaged_bytes = path.read_bytes()
    with pytest.raises(DatabaseDamaged, match="已损坏"):
        open_database(path)
    assert path.read_bytes() == damaged_bytes  # never overwritten
    candidate = backup.newest_good_backup(path)
    assert candidate is not None and candidate.path == good.info.path
    result = backup.restore(path, candidate.path, now=NOW + timedelta(hours=1))
    assert result.damaged_kept is not None and result.damaged_kept.read_bytes() == damaged_bytes
    assert integrity_problem(path) is None
    reopened = open_database(path)
    assert _name_of(path, member_id)
    reopened.close()


def test_a_pre_upgrade_database_copy_can_be_restored(demo_db):
    member_id = _first_id(demo_db, m.Member)
    original = _name_of(demo_db.path, member_id)
    from dangjian_desktop.db.engine import backup_sqlite

    copy = backup_sqlite(demo_db.path, demo_db.backups_dir / "演示-升级前-0001-20261101-080000.db")
    listed = backup.list_backups(demo_db)
    assert listed[0].path == copy and listed[0].kind == "database"
    _rename_member(demo_db, "后来改的")
    path = demo_db.path
    demo_db.close()
    backup.restore(path, copy)
    assert _name_of(path, member_id) == original


def test_the_server_database_is_not_backed_up_here(db, monkeypatch):
    monkeypatch.setattr(db, "path", None)
    with pytest.raises(DomainError, match="服务器"):
        backup.create_backup(db)


def test_no_service_offers_to_change_the_audit_log():
    """Only inserts: no module outside the model touches audit_log rows with update or delete."""
    import re

    root = Path(backup.__file__).parent.parent
    offenders = []
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"(update|delete)\s*\(\s*(m\.)?AuditEntry|(UPDATE|DELETE\s+FROM)\s+audit_log", text):
            offenders.append(path.name)
        if re.search(r"\.delete\(\s*\w*audit\w*\s*\)", text, re.IGNORECASE):
            offenders.append(path.name)
    assert offenders == []


def test_an_import_backs_up_the_state_before_it_and_a_dry_run_does_not(db, workdir):
    from dangjian_desktop.services.branches import create_branch
    from dangjian_desktop.services.members import import_roster
    from tests.roster_files import messy_roster

    branch = create_branch(db, "测试第一党支部", groups=["第一党小组"])
    path = messy_roster(workdir / "花名册.xlsx")
    import_roster(db, branch.id, path, dry_run=True)
    assert backup.list_backups(db) == []
    import_roster(db, branch.id, path)
    made = backup.list_backups(db)
    assert [b.reason for b in made] == ["导入花名册前"]
    con = sqlite3.connect(db.path)
    assert con.execute("SELECT count(*) FROM members").fetchone()[0] == 5
    con.close()
    with zipfile.ZipFile(made[0].path) as zf:  # the backup holds the state before: no members yet
        (workdir / "之前.db").write_bytes(zf.read("database.db"))
    con = sqlite3.connect(workdir / "之前.db")
    assert con.execute("SELECT count(*) FROM members").fetchone()[0] == 0
    con.close()
