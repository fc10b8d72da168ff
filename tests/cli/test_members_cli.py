"""`dangjian members import/list` and `export roster` as scripts use them."""

from __future__ import annotations

import json

from dangjian_desktop.cli import main
from tests.roster_files import messy_roster


def test_import_dry_run_then_import_then_list_json(workdir, capsys):
    db = str(workdir / "支部.db")
    assert main(["--db", db, "init", "--branch", "测试第一党支部"]) == 0
    path = messy_roster(workdir / "花名册.xlsx")
    assert main(["--db", db, "members", "import", str(path), "--dry-run"]) == 0
    assert "未写入" in capsys.readouterr().out
    assert main(["--db", db, "members", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", db, "members", "import", str(path)]) == 0
    assert "新增 5 人" in capsys.readouterr().out
    assert main(["--db", db, "members", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows][:2] == ["王五", "李四"]  # 按姓氏笔画: 王 4 strokes, 李 7 (横 first)
    assert set(rows[0]) >= {"id", "name", "gender", "id_number", "birth_date", "joined_on", "full_member_on",
                            "status", "group", "branch"}
    assert {r["status"] for r in rows} == {"full"}
    assert main(["--db", db, "export", "roster", "--mask", "--out", str(workdir / "名册.xlsx")]) == 0


def test_refused_rows_exit_1_one_line_each_and_nothing_written(workdir, capsys):
    db = str(workdir / "支部.db")
    main(["--db", db, "init", "--branch", "测试第一党支部"])
    capsys.readouterr()
    path = messy_roster(workdir / "花名册.xlsx", mangle_row=3)
    assert main(["--db", db, "members", "import", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("文件 花名册.xlsx，工作表“花名册”，第7行，E列（公民身份号码）：")
    assert "未导入任何数据" in err[-1]
    main(["--db", db, "members", "list", "--json"])
    assert json.loads(capsys.readouterr().out) == []
