"""On Linux with the usual umask 022 nothing the program writes is readable by other accounts:
the data folder and the folders beside a database 0700; the database, its side files, backups,
exports, the log, the config and temporary copies 0600. Folders the user chose keep their mode."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, text

from dangjian_desktop import logs, paths
from dangjian_desktop.cli import main
from dangjian_desktop.db.engine import files_dir_for, open_database
from dangjian_desktop.services import backup
from dangjian_desktop.userconfig import UserConfig

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix permissions (Windows: the profile's ACLs)")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def cli(*args: str, capsys) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_a_new_database_in_the_data_folder_and_everything_beside_it(workdir, capsys):
    assert not paths.data_dir().exists()
    cli("demo", "--as-of", "2026-11-23", capsys=capsys)  # the default database, in the data folder
    db_path = paths.default_database()
    assert mode(paths.data_dir()) == 0o700 and mode(db_path) == 0o600

    db = open_database(db_path)
    try:
        with db.transaction() as s:  # a write: the -wal and -shm files exist while it is open
            s.execute(text("UPDATE members SET notes = 'x' WHERE id = 1"))
        sides = [Path(f"{db_path}{side}") for side in ("-wal", "-shm")]
        assert all(p.exists() and mode(p) == 0o600 for p in sides)
    finally:
        db.close()

    out = cli("backup", capsys=capsys)
    made = Path(out.strip().rsplit("：", 1)[1])
    files = files_dir_for(db_path)
    assert mode(files) == 0o700 and mode(made.parent) == 0o700 and mode(made) == 0o600

    chosen = workdir / "U盘"
    chosen.mkdir()
    assert mode(chosen) == 0o755
    cli("backup", "--out", str(chosen / "全部数据.zip"), capsys=capsys)
    cli("export", "roster", "--out", str(chosen / "花名册.xlsx"), capsys=capsys)
    cli("export", "year-package", "--year", "2025", "--out", str(chosen / "年度材料.zip"), capsys=capsys)
    for name in ("全部数据.zip", "花名册.xlsx", "年度材料.zip"):
        assert mode(chosen / name) == 0o600, name
    assert mode(chosen) == 0o755  # the user's folder is left as it was
    assert sorted(p.name for p in chosen.iterdir()) == ["全部数据.zip", "年度材料.zip", "花名册.xlsx"]  # no temporary left

    cli("restore", str(chosen / "全部数据.zip"), capsys=capsys)
    assert mode(db_path) == 0o600
    assert all(mode(p) == 0o600 for p in (files / "backups").iterdir())


def test_a_database_elsewhere_keeps_its_folder_but_not_its_readable_files(workdir, capsys):
    folder = workdir / "支部资料"
    folder.mkdir()
    target = folder / "新建" / "支部.db"  # a folder the program makes for the database: 0700
    cli("--db", str(target), "init", "--branch", "测试支部", capsys=capsys)
    assert mode(target) == 0o600 and mode(target.parent) == 0o700 and mode(folder) == 0o755


def test_files_an_older_version_left_readable_are_tightened_when_opened(workdir):
    data = paths.data_dir()
    data.mkdir(mode=0o755, parents=True)
    db_path = data / "dangjian.db"
    shutil.copyfile(FIXTURES / "schema-0001-demo.db", db_path)  # an old schema: copied before the upgrade
    files = files_dir_for(db_path)
    (files / "backups").mkdir(parents=True, mode=0o755)
    os.chmod(db_path, 0o644)
    db = open_database(db_path)
    db.close()
    assert mode(data) == 0o700 and mode(db_path) == 0o600 and mode(files) == 0o700
    before_upgrade = [p for p in (files / "backups").iterdir() if "升级前" in p.name]
    assert before_upgrade and all(mode(p) == 0o600 for p in before_upgrade)


def test_the_mirror_copy_attachments_log_and_config_are_the_owners(demo_db, workdir):
    usb = workdir / "U盘"
    usb.mkdir()
    backup.set_mirror_folder(demo_db, usb)
    result = backup.create_backup(demo_db, "手动")
    assert result.mirrored_to is not None and mode(result.mirrored_to) == 0o600
    assert mode(result.mirrored_to.parent) == 0o700 and mode(usb) == 0o755

    from dangjian_desktop.services.attachments import add_attachment

    scan = workdir / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    os.chmod(scan, 0o644)
    from dangjian_desktop.db import models as m

    with demo_db.session() as s:
        meeting_id = s.scalar(select(m.Meeting.id))
    add_attachment(demo_db, "meeting", meeting_id, scan)
    stored = [p for p in demo_db.attachments_dir.rglob("*") if p.is_file()]
    assert stored and all(mode(p) == 0o600 for p in stored)
    assert mode(demo_db.files_dir) == 0o700

    handler = logs.setup_file_log(paths.data_dir())
    try:
        assert mode(Path(handler.baseFilename)) == 0o600 and mode(paths.data_dir()) == 0o700
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()

    config = UserConfig()
    config.set("last_branch", {"x": 1})
    assert mode(config.path) == 0o600 and mode(config.path.parent) == 0o700
    os.chmod(config.path, 0o644)  # as an older version left it, the server password inside
    os.chmod(config.path.parent, 0o755)
    UserConfig()
    assert mode(config.path) == 0o600
    UserConfig().set("open_after_export", False)
    assert mode(config.path) == 0o600 and mode(config.path.parent) == 0o700


def test_a_copy_made_by_the_backup_api_is_owner_only_from_the_start(demo_db, workdir):
    from dangjian_desktop.db.engine import backup_sqlite

    copy = backup_sqlite(demo_db.path, workdir / "副本" / "copy.db")
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM members").fetchone()[0] > 0
