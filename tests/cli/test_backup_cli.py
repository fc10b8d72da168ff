"""`dangjian backup` and `dangjian restore` as cli.md describes them."""

from __future__ import annotations

import sqlite3

from dangjian_desktop.cli import main


def run(*args: str, capsys) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _count(path, table="members") -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_backup_then_restore_after_a_loss(demo_db, capsys):
    path = demo_db.path
    demo_db.close()
    code, out, _ = run("--db", str(path), "backup", capsys=capsys)
    assert code == 0 and "已备份" in out
    backup_file = out.strip().rsplit("：", 1)[1]
    members = _count(path)
    con = sqlite3.connect(path)
    con.execute("DELETE FROM attendance")
    con.commit()
    con.close()
    code, out, err = run("--db", str(path), "restore", backup_file, capsys=capsys)
    assert code == 0, err
    assert "恢复前的数据已另存为备份" in out
    assert _count(path) == members and _count(path, "attendance") > 0


def test_backup_out_exports_everything_for_a_new_pc(demo_db, workdir, capsys):
    path = demo_db.path
    demo_db.close()
    archive = workdir / "带走" / "全部数据.zip"
    archive.parent.mkdir()
    code, out, _ = run("--db", str(path), "backup", "--out", str(archive), capsys=capsys)
    assert code == 0 and archive.exists() and "已校验" in out
    new = workdir / "新电脑.db"
    code, out, _ = run("--db", str(new), "restore", str(archive), capsys=capsys)
    assert code == 0 and _count(new) == _count(path)


def test_restore_refuses_a_bad_file_with_one_clear_line_and_changes_nothing(demo_db, workdir, capsys):
    path = demo_db.path
    demo_db.close()
    before = path.read_bytes()
    bad = workdir / "坏的.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = run("--db", str(path), "restore", str(bad), capsys=capsys)
    assert code == 1 and "坏的.zip" in err and "未做任何改动" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before
    code, _, err = run("--db", str(path), "restore", capsys=capsys)
    assert code == 2


def test_a_damaged_database_is_named_in_one_line_and_restore_keeps_it(demo_db, capsys):
    path = demo_db.path
    code, out, _ = run("--db", str(path), "backup", capsys=capsys)
    backup_file = out.strip().rsplit("：", 1)[1]
    demo_db.close()
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    damaged = path.read_bytes()
    code, _, err = run("--db", str(path), "backup", capsys=capsys)
    assert code == 1 and "已损坏" in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == damaged
    code, out, err = run("--db", str(path), "restore", backup_file, capsys=capsys)
    assert code == 0 and err == "" and "损坏的数据库文件已改名保留" in out
    kept = next(path.parent.glob("*.损坏-*.db"))
    assert kept.read_bytes() == damaged
