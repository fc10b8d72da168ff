"""`dangjian development list/import` and the 发展党员 exports as cli.md describes them."""

from __future__ import annotations

import json
from datetime import date

from openpyxl import Workbook

from dangjian_desktop.cli import main
from dangjian_desktop.core.idcard import check_digit


def run(*args: str, capsys) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_development_list_json_has_the_cli_md_keys_and_all_25_steps(demo_db, capsys):
    code, out, _ = run("--db", str(demo_db.path), "development", "list", "--json", capsys=capsys)
    assert code == 0
    people = json.loads(out)
    assert len(people) >= 8
    for p in people:
        assert {"id", "name", "stage", "next_step", "steps"} <= set(p)
        assert [s["no"] for s in p["steps"]] == list(range(1, 26))
        assert p["steps"][0]["date"] is not None and date.fromisoformat(p["steps"][0]["date"])
        assert p["stage"] in range(1, 6)
    done = [p for p in people if p["next_step"] is None or p["next_step"] == 25]
    assert done and all(p["steps"][23]["date"] for p in done)


def _ledger(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "公民身份号码", "递交入党申请书", "谈话时间", "确定为积极分子"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _id(born: str, serial: str) -> str:
    first = f"110101{born}{serial}"
    return first + check_digit(first)


def test_development_import_dry_run_then_import_and_refusal_exit_1(workdir, capsys):
    db = str(workdir / "支部.db")
    assert run("--db", db, "init", "--branch", "第一党支部", capsys=capsys)[0] == 0
    good = _ledger(workdir / "台账.xlsx", [["孙一", _id("19900102", "111"), "2024.3.1", "2024.3.15", "2024.9.1"]])
    code, out, _ = run("--db", db, "development", "import", str(good), "--dry-run", capsys=capsys)
    assert code == 0 and "新建 1 人" in out and "未写入" in out
    assert json.loads(run("--db", db, "development", "list", "--json", capsys=capsys)[1]) == []
    code, out, _ = run("--db", db, "development", "import", str(good), capsys=capsys)
    assert code == 0 and "新建 1 人" in out
    listed = json.loads(run("--db", db, "development", "list", "--json", capsys=capsys)[1])
    assert [(p["name"], p["stage"], p["next_step"]) for p in listed] == [("孙一", 2, 4)]
    bad = _ledger(workdir / "坏.xlsx", [["周二", _id("19910102", "222"), "2024.13.1", None, None],
                                       ["吴三", _id("19920102", "333"), "2024.3.1", "2024.2.1", None]])
    code, _, err = run("--db", db, "development", "import", str(bad), capsys=capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert any("坏.xlsx" in line and "第2行" in line and "C列" in line for line in lines)
    assert any("第3行" in line and "步骤顺序" in line for line in lines)
    assert len(json.loads(run("--db", db, "development", "list", "--json", capsys=capsys)[1])) == 1


def test_check_as_of_lists_development_findings_and_exports_need_their_arguments(demo_db, workdir, capsys):
    code, out, _ = run("--db", str(demo_db.path), "check", "--as-of", "2027-06-30", "--json", capsys=capsys)
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert code == 0 and {"PROBATION-END", "DEV-REVIEW-6M", "DEV-TALK-1M"} <= rules
    code, _, err = run("--db", str(demo_db.path), "export", "development-ledger", "--out",
                       str(workdir / "台账.xlsx"), capsys=capsys)
    assert code == 1 and "--year" in err
    code, out, _ = run("--db", str(demo_db.path), "export", "development-record", "--id", "4", "--out",
                       str(workdir / "纪实表.docx"), capsys=capsys)
    assert code == 0 and (workdir / "纪实表.docx").stat().st_size > 10_000
