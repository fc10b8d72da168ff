"""Folders named like "2#楼", "a?b", "100%2F", "有 空格": SQLite `file:` URIs are quoted, so each
command works on the file it names, and nothing appears anywhere else.

Before, a database under "2#楼" was backed up as an empty database ("已备份（1 KB）"), `backup --out`
left a bad zip, an empty file "2" appeared, a damaged file passed the open check, a good archive
was refused, "%2F" gave a false "已损坏", and "?" made `init` write elsewhere.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from dangjian_desktop.cli import main
from dangjian_desktop.db.filecheck import CLEAN_MARK, sqlite_uri
from tests.roster_files import messy_roster

NAMES = ["2#楼", "100%2F数据", "问题?文件夹", "有 空格 的%20文件夹", "党支部#1?%", "第一党支部"]
if os.name == "nt":  # Windows does not allow '?' in names
    NAMES = [n for n in NAMES if "?" not in n]


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _everything(root: Path) -> set[str]:
    # Windows keeps a database's lock file (db.lock); elsewhere it goes with its last user
    # (and the note of a clean close, db.filecheck.CLEAN_MARK, is the program's own)
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if not (os.name == "nt" and p.name.endswith("-lock")) and p.name != CLEAN_MARK}


def _members_in_archive(archive: Path, tmp: Path) -> int:
    with zipfile.ZipFile(archive) as zf:
        zf.extract("database.db", tmp)
    con = sqlite3.connect(tmp / "database.db")
    try:
        return con.execute("SELECT count(*) FROM members").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("name", NAMES)
def test_every_command_works_on_the_file_in_an_oddly_named_folder(name, workdir, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(workdir)  # a stray file made from a mangled URI would land here or beside the folder
    root = workdir / "盘"
    folder = root / name
    db = folder / "支部.db"
    code, _, err = run(capsys, "--db", db, "init", "--branch", "测试第一党支部")
    assert code == 0, err
    assert _everything(root) == {name, f"{name}/支部.db"}  # no stray "2", no file elsewhere
    code, out, err = run(capsys, "--db", db, "members", "import", messy_roster(tmp_path / "花名册.xlsx"))
    assert code == 0 and "新增 5 人" in out, err

    code, out, err = run(capsys, "--db", db, "backup")
    assert code == 0, err
    archive = Path(out.strip().rsplit("：", 1)[1])
    assert archive.parent == folder / "支部-文件" / "backups"
    assert _members_in_archive(archive, tmp_path / "a") == 5  # the real database, not an empty one

    out_zip = root / f"带走{name}" / "全部数据.zip"
    out_zip.parent.mkdir()
    code, out, err = run(capsys, "--db", db, "backup", "--out", out_zip)
    assert code == 0 and "已校验" in out, err
    assert sorted(p.name for p in out_zip.parent.iterdir()) == ["全部数据.zip"]
    assert _members_in_archive(out_zip, tmp_path / "b") == 5

    sqlite3.connect(db).execute("DELETE FROM members").connection.commit()
    code, out, err = run(capsys, "--db", db, "restore", archive)
    assert code == 0 and "已从" in out, err
    code, out, err = run(capsys, "--db", db, "members", "list", "--json")
    assert code == 0 and len(json.loads(out)) == 5

    # a database restored on a new PC, from the export, also into an odd folder
    new_pc = root / f"新电脑{name}" / "dangjian.db"
    code, _, err = run(capsys, "--db", new_pc, "restore", out_zip)
    assert code == 0, err
    code, out, _ = run(capsys, "--db", new_pc, "members", "list", "--json")
    assert len(json.loads(out)) == 5

    # only what the program means to make, and no scratch folder or lock file left behind
    assert {p for p in _everything(root) if not p.startswith(f"{name}/支部-文件/backups/")} == {
        name, f"{name}/支部.db", f"{name}/支部-文件", f"{name}/支部-文件/backups",
        f"{name}/支部-文件/attachments", f"带走{name}", f"带走{name}/全部数据.zip",
        f"新电脑{name}", f"新电脑{name}/dangjian.db", f"新电脑{name}/dangjian-文件",
        f"新电脑{name}/dangjian-文件/attachments"}


@pytest.mark.parametrize("name", NAMES)
def test_the_open_check_finds_damage_in_an_oddly_named_folder_and_only_damage(name, workdir, capsys):
    db = workdir / name / "支部.db"
    assert run(capsys, "--db", db, "init", "--branch", "测试第一党支部")[0] == 0
    code, _, err = run(capsys, "--db", db, "check")
    assert code == 0 and "已损坏" not in err  # no false "已损坏" ("%2F" used to be read as "/")
    with open(db, "r+b") as fh:
        fh.truncate(db.stat().st_size // 2)
    code, _, err = run(capsys, "--db", db, "members", "list")
    assert code == 1 and "已损坏" in err and len(err.strip().splitlines()) == 1


def test_the_uri_escapes_what_sqlite_would_read_as_uri_syntax(tmp_path):
    uri = sqlite_uri(tmp_path / "2#楼" / "a?b" / "100%2F" / "有 空格.db", mode="ro")
    path_part, query = uri.split("?", 1)
    assert query == "mode=ro"
    for raw in ("#", "?", " ", "楼"):
        assert raw not in path_part
    assert "%23" in path_part and "%3F" in path_part and "%252F" in path_part and "%20" in path_part
