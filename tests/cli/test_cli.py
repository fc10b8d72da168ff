"""The command line as cli.md describes it: exit codes, messages, JSON."""

from __future__ import annotations

import json
import subprocess
import sys

from dangjian_desktop.cli import main


def run(*args: str, capsys) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_init_creates_the_branch_and_refuses_a_second_with_the_same_name(workdir, capsys):
    db = str(workdir / "支部.db")
    code, out, _ = run("--db", db, "init", "--branch", "XX社区第一党支部", "--parent", "XX街道党工委",
                       "--secretary", "张三", capsys=capsys)
    assert code == 0 and "XX社区第一党支部" in out
    code, _, err = run("--db", db, "init", "--branch", "XX社区第一党支部", capsys=capsys)
    assert code == 1 and "已经有" in err


def test_a_command_on_a_missing_database_says_so(workdir, capsys):
    code, _, err = run("--db", str(workdir / "无.db"), "check", capsys=capsys)
    assert code == 1 and "不存在" in err
    assert not (workdir / "无.db").exists()


def test_wrong_usage_exits_2(workdir, capsys):
    code, _, err = run("--db", str(workdir / "x.db"), "check", "--as-of", "2025-02-30", capsys=capsys)
    assert code == 2 and "不是有效日期" in err
    code, _, _ = run("frobnicate", capsys=capsys)
    assert code == 2


def test_demo_then_check_json(workdir, capsys):
    db = str(workdir / "演示.db")
    code, out, _ = run("--db", db, "demo", "--seed", "1", "--as-of", "2026-11-23", capsys=capsys)
    assert code == 0 and "演示数据" in out
    code, out, _ = run("--db", db, "check", "--as-of", "2026-11-23", "--json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == "2026-11-23"
    assert data["findings"], "the demo has deliberate gaps"
    for f in data["findings"]:
        assert set(f) >= {"rule", "severity", "subject", "date", "message"}
        assert f["severity"] in ("violation", "overdue", "due", "info")


def test_unknown_branch_lists_the_branches(workdir, capsys):
    db = str(workdir / "演示.db")
    run("--db", db, "demo", "--branches", "2", "--as-of", "2026-11-23", capsys=capsys)
    code, _, err = run("--db", db, "check", "--branch", "不存在的支部", capsys=capsys)
    assert code == 1 and "找不到支部" in err


def test_the_installed_command_runs(workdir):
    result = subprocess.run([sys.executable, "-m", "dangjian_desktop.cli", "--db", str(workdir / "a.db"),
                             "init", "--branch", "测试支部"], capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
