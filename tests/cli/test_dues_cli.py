"""`dangjian dues …` and `export dues-ledger` as cli.md has them; refusals exit 1 with one line; the list
runs beside an open window, recording waits for it (exit 3)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from dangjian_desktop.cli import main
from tests.conftest import TODAY
from tests.safety.cli_process import dangjian, holder_process, let_go


def _first_unpaid(db_path, capsys, month):
    assert main(["--db", db_path, "dues", "list", "--year", month[:4], "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    return next(r for r in rows if r["month"] == month and r["kind"] is None and r["due"] is not None), rows


def test_record_list_and_refusals(demo_db, capsys):
    db = str(demo_db.path)
    month = f"{date.today():%Y-%m}"
    row, rows = _first_unpaid(db, capsys, month)
    assert set(rows[0]) >= {"member", "month", "due", "paid", "paid_on", "kind", "branch"}
    assert main(["--db", db, "dues", "record", row["member"], "--month", month]) == 0
    out = capsys.readouterr().out
    assert f"{row['member']} {int(month[:4])}年{int(month[5:])}月 实缴 {row['due']} 元" in out
    again, _ = _first_unpaid(db, capsys, month)
    assert again["member"] != row["member"]
    # the same month twice: exit 1, one Chinese line, nothing written
    assert main(["--db", db, "dues", "record", row["member"], "--month", month]) == 1
    err = capsys.readouterr().err
    assert "已登记实缴" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main(["--db", db, "dues", "record", again["member"], "--month", month, "--kind", "exempt"]) == 1
    assert "批准情况" in capsys.readouterr().err
    assert main(["--db", db, "dues", "record", again["member"], "--month", month, "--kind", "exempt",
                 "--note", "街道党工委批准"]) == 0
    assert "免缴（街道党工委批准）" in capsys.readouterr().out
    assert main(["--db", db, "dues", "record", "没有这个人", "--month", month]) == 1
    assert "没有姓名或身份证号为“没有这个人”的党员" in capsys.readouterr().err
    for usage in (["dues", "record", row["member"], "--month", "2026年13月"], ["dues", "list"]):  # --year required
        with pytest.raises(SystemExit) as wrong:
            main(["--db", db, *usage])
        assert wrong.value.code == 2
    assert "“2026年13月”不是有效月份" in capsys.readouterr().err


def test_prepay_and_the_human_list(demo_db, capsys):
    db = str(demo_db.path)
    nxt = date.today().month % 12 + 1
    year = date.today().year + (1 if nxt == 1 else 0)
    assert main(["--db", db, "dues", "list", "--year", str(TODAY.year), "--json"]) == 0
    someone = json.loads(capsys.readouterr().out)[0]["member"]
    assert main(["--db", db, "dues", "record", someone, "--month", f"{year}-{nxt:02d}", "--kind", "prepaid",
                 "--months", "13"]) == 1
    assert "最多 12 个月" in capsys.readouterr().err
    assert main(["--db", db, "dues", "list", "--year", str(TODAY.year)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("幸福社区第一党支部2026年党费：应缴") and "补缴" in out and "免缴" in out


def test_the_ledger_export_and_its_import(demo_db, workdir, capsys):
    db = str(demo_db.path)
    out = workdir / "党费台账.xlsx"
    assert main(["--db", db, "export", "dues-ledger", "--year", "2025", "--out", str(out)]) == 0
    ws = load_workbook(out).active
    assert ws["A1"].value.endswith("2025年党费收缴台账")
    capsys.readouterr()
    assert main(["--db", db, "dues", "import", str(out), "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "检查通过（--dry-run，未写入）" in text and "新增 0 个月，更新 0 个月" in text
    assert "各列的导入情况" in text and "B列“姓名” → 姓名" in text  # every column accounted for, as every import
    assert main(["--db", db, "export", "dues-ledger", "--out", str(out)]) == 1
    assert "--year" in capsys.readouterr().err


def test_the_list_runs_beside_an_open_window_and_recording_waits_for_it(demo_db):
    path = demo_db.path
    demo_db.close()
    window = holder_process("import sys\nfrom dangjian_desktop.db.engine import WINDOW, open_database\n"
                            "db = open_database(sys.argv[1], access=WINDOW)\nprint('ready', flush=True)\n"
                            "sys.stdin.read()\ndb.close()\n", path)
    try:
        code, out, err = dangjian("--db", path, "dues", "list", "--year", "2026", "--json")
        assert code == 0, err
        member = json.loads(out)[0]["member"]
        code, out, err = dangjian("--db", path, "dues", "record", member, "--month", "2026-01", "--kind", "makeup")
        assert code == 3 and "窗口" in err
    finally:
        let_go(window)
