"""`dangjian points …` and `export points` as cli.md has them: a manual item changes the year's total, refusals
exit 1 with one Chinese line and write nothing, the list covers every branch with its `branch` key."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from dangjian_desktop.cli import main
from dangjian_desktop.services import points as ps
from tests.conftest import TODAY


def _totals(db_path, capsys, *extra):
    assert main(["--db", db_path, "points", "list", "--year", str(TODAY.year), *extra, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_add_changes_the_total_and_refusals_write_nothing(demo_db, capsys):
    db = str(demo_db.path)
    rows = _totals(db, capsys)
    assert rows and set(rows[0]) >= {"member", "points", "branch", "rank", "items"}
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    assert main(["--db", db, "members", "list", "--json"]) == 0
    on_roll = {m["name"] for m in json.loads(capsys.readouterr().out) if m["status"] in ("full", "probationary")}
    last = [r for r in rows if r["member"] in on_roll][-1]  # the lowest in the ranking who is still a member
    day = TODAY.isoformat()
    assert main(["--db", db, "points", "add", last["member"], "--date", day, "--points", "3",
                 "--reason", "参加社区防汛志愿服务"]) == 0
    assert f"{last['member']}" in capsys.readouterr().out
    after = {r["member"]: r for r in _totals(db, capsys)}
    assert after[last["member"]]["points"] == last["points"] + 3
    assert after[last["member"]]["items"][ps.OTHER] == 3
    # a deduction, written negative
    assert main(["--db", db, "points", "add", last["member"], "--date", day, "--points", "-1.5",
                 "--reason", "无故不参加志愿活动"]) == 0
    capsys.readouterr()
    assert {r["member"]: r for r in _totals(db, capsys)}[last["member"]]["points"] == last["points"] + 1.5
    before = _totals(db, capsys)
    for bad, says in ((["--points", "3", "--reason", " "], "事由"), (["--points", "三", "--reason", "x"], "不是数字"),
                      (["--points", "0", "--reason", "x"], "不能为 0")):
        assert main(["--db", db, "points", "add", last["member"], "--date", day, *bad]) == 1
        err = capsys.readouterr().err
        assert says in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main(["--db", db, "points", "add", "查无此人", "--date", day, "--points", "1", "--reason", "x"]) == 1
    assert "查无此人" in capsys.readouterr().err
    assert main(["--db", db, "points", "add", last["member"], "--date", "2099-01-01", "--points", "1",
                 "--reason", "x"]) == 1
    assert "今天之后" in capsys.readouterr().err
    assert _totals(db, capsys) == before


def test_the_human_list_and_the_export(demo_db, workdir, capsys):
    db = str(demo_db.path)
    year = str(TODAY.year)
    assert main(["--db", db, "points", "list", "--year", year]) == 0
    out = capsys.readouterr().out
    assert "党员积分" in out and "  1. " in out and "参加组织生活+" in out
    target = workdir / "积分.xlsx"
    assert main(["--db", db, "export", "points", "--year", year, "--out", str(target)]) == 0
    capsys.readouterr()
    wb = load_workbook(target)
    assert wb.sheetnames == ["积分排名", "月度积分", "加减分明细", "积分规则"]
    ranking = wb["积分排名"]
    header = [c.value for c in ranking[3]]
    assert header[:4] == ["名次", "姓名", "党小组", "参加组织生活"] and header[-1] == "合计"
    rows = _totals(db, capsys)
    first = [c.value for c in ranking[4]]
    assert first[1] == rows[0]["member"] and first[-1] == rows[0]["points"]
    months = [c.value for c in wb["月度积分"][4]]
    assert months[0] == rows[0]["member"] and sum(v or 0 for v in months[2:14]) == months[14] == rows[0]["points"]
    assert wb["加减分明细"].max_row > 4  # the demo's manual entries, with reasons


def test_several_branches_each_listed_with_its_name(workdir, capsys):
    path = str(workdir / "党委.db")
    assert main(["--db", path, "demo", "--branches", "2", "--members", "8", "--years", "1"]) == 0
    capsys.readouterr()
    rows = _totals(path, capsys)
    assert len({r["branch"] for r in rows}) == 2
    named = rows[0]["branch"]
    assert {r["branch"] for r in _totals(path, capsys, "--branch", named)} == {named}
    # adding needs the branch named when there are several
    assert main(["--db", path, "points", "add", rows[0]["member"], "--date", TODAY.isoformat(),
                 "--points", "1", "--reason", "志愿服务"]) == 1
    assert "--branch" in capsys.readouterr().err


def test_item_files_the_points_under_a_manual_item_of_the_scheme_with_its_cap(demo_db, capsys):
    db = str(demo_db.path)
    rows = _totals(db, capsys)
    assert main(["--db", db, "members", "list", "--json"]) == 0
    on_roll = {m["name"] for m in json.loads(capsys.readouterr().out) if m["status"] in ("full", "probationary")}
    who = next(r for r in rows if r["member"] in on_roll and not r["items"].get("志愿服务"))
    day = TODAY.isoformat()
    for _ in range(12):  # 志愿服务 is capped at 20 a year in the default scheme: 12 × 2 counts as 20
        assert main(["--db", db, "points", "add", who["member"], "--date", day, "--points", "2",
                     "--reason", "社区志愿服务", "--item", "志愿服务"]) == 0
    assert "志愿服务" in capsys.readouterr().out
    after = {r["member"]: r for r in _totals(db, capsys)}[who["member"]]
    assert after["items"]["志愿服务"] == 20 and after["points"] == who["points"] + 20
    assert not after["items"].get(ps.OTHER) or after["items"][ps.OTHER] == who["items"].get(ps.OTHER)
    before = _totals(db, capsys)
    for item, says in (("参加组织生活", "自动计分"), ("植树", "没有“植树”")):
        assert main(["--db", db, "points", "add", who["member"], "--date", day, "--points", "1",
                     "--reason", "x", "--item", item]) == 1
        err = capsys.readouterr().err
        assert says in err and len(err.strip().splitlines()) == 1
    assert _totals(db, capsys) == before
