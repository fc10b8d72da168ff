"""`dangjian members transfer-out / transfer-in` and `export transfer-letter / member-tables` as cli.md has
them: the roll follows, refusals exit 1 with one Chinese line and write nothing."""

from __future__ import annotations

import json
from datetime import date

from docx import Document
from openpyxl import load_workbook

from dangjian_desktop.cli import main
from tests.roster_files import id_for


def _members(db, capsys) -> dict[str, dict]:
    assert main(["--db", db, "members", "list", "--json"]) == 0
    return {r["name"]: r for r in json.loads(capsys.readouterr().out)}


def test_transfer_out_with_its_letter_then_transfer_in(demo_db, capsys, workdir):
    db = str(demo_db.path)
    people = _members(db, capsys)
    who = next(r for r in people.values() if r["status"] == "full")
    today = date.today().isoformat()
    assert main(["--db", db, "members", "transfer-out", who["name"], "--to", "中共XX大学计算机学院第二党支部",
                 "--on", today, "--letter-no", "2026-015", "--reason", "工作调动"]) == 0
    out = capsys.readouterr().out
    assert f"{who['name']}于" in out and f"export transfer-letter --id {who['id']}" in out
    assert _members(db, capsys)[who["name"]]["status"] == "transferred_out"
    # again: refused, one line, nothing written
    assert main(["--db", db, "members", "transfer-out", who["name"], "--to", "别处", "--on", today]) == 1
    err = capsys.readouterr().err
    assert "已经不在名册上" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    letter = workdir / "介绍信.docx"
    assert main(["--db", db, "export", "transfer-letter", "--id", str(who["id"]), "--out", str(letter)]) == 0
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "第 2026-015 号" in text and "中共XX大学计算机学院第二党支部" in text and "回执" in text

    number = id_for(date(1990, 3, 7), True, 77)
    args = ["--db", db, "members", "transfer-in", "--name", "王小明", "--id-number", number,
            "--from", "中共XX街道第三党支部", "--on", today, "--letter-no", "0042"]
    assert main(args) == 0
    assert "王小明（正式党员）由中共XX街道第三党支部转入" in capsys.readouterr().out
    assert _members(db, capsys)["王小明"]["status"] == "full"
    assert main(args) == 1  # the same ID number again
    err = capsys.readouterr().err
    assert "已经登记给 王小明" in err and "同一个人不能登记两次" in err and len(err.strip().splitlines()) == 1
    assert main(["--db", db, "members", "transfer-in", "--name", "某", "--id-number", who["id_number"],
                 "--from", "别处", "--on", today]) == 1
    assert f"已经登记给 {who['name']}" in capsys.readouterr().err

    tables = workdir / "六张表.xlsx"
    year = str(date.today().year)
    assert main(["--db", db, "export", "member-tables", "--year", year, "--out", str(tables)]) == 0
    wb = load_workbook(tables)
    assert [r[1] for r in wb["转入"].iter_rows(min_row=4, values_only=True)] == ["王小明"]
    assert who["name"] in [r[1] for r in wb["转出"].iter_rows(min_row=4, values_only=True)]


def test_a_member_without_a_transfer_has_no_letter(demo_db, capsys, workdir):
    db = str(demo_db.path)
    someone = next(r for r in _members(db, capsys).values() if r["status"] == "full")
    assert main(["--db", db, "export", "transfer-letter", "--id", str(someone["id"]),
                 "--out", str(workdir / "信.docx")]) == 1
    assert "没有转出记录" in capsys.readouterr().err
    assert not (workdir / "信.docx").exists()


def _transfers(db, capsys) -> list[dict]:
    assert main(["--db", db, "members", "transfers", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_transfer_entered_wrongly_is_corrected_and_taken_back(demo_db, capsys):
    db = str(demo_db.path)
    out = next(t for t in _transfers(db, capsys) if t["direction"] == "out" and t["receipt_on"] is None)
    assert main(["--db", db, "members", "transfer-edit", str(out["id"]), "--letter-no", "2026-099",
                 "--org", "中共XX区教育局机关党支部"]) == 0
    assert "已修改" in capsys.readouterr().out
    [now] = [t for t in _transfers(db, capsys) if t["id"] == out["id"]]
    assert (now["letter_no"], now["organisation"], now["date"]) == ("2026-099", "中共XX区教育局机关党支部", out["date"])
    assert main(["--db", db, "members", "transfer-edit", str(out["id"]), "--on", "2099-01-01"]) == 1
    err = capsys.readouterr().err
    assert "不能晚于今天" in err and len(err.strip().splitlines()) == 1

    assert main(["--db", db, "members", "transfer-cancel", str(out["id"])]) == 0
    assert "回到本支部名册上" in capsys.readouterr().out
    assert _members(db, capsys)[out["name"]]["status"] in ("full", "probationary")
    assert out["id"] not in [t["id"] for t in _transfers(db, capsys)]
    assert main(["--db", db, "members", "transfer-cancel", str(out["id"])]) == 1
    assert "没有编号为" in capsys.readouterr().err
