"""A 党委's database (several branches): the lists and check cover every branch and say which (cli.md)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from dangjian_desktop.cli import main

AS_OF = "2026-11-23"
BRANCHES = 3


@pytest.fixture(scope="module")
def committee_db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("党委") / "党委.db"
    assert main(["--db", str(path), "demo", "--seed", "7", "--branches", str(BRANCHES), "--members", "8",
                 "--years", "1", "--as-of", AS_OF]) == 0
    return str(path)


def _run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys, db: str, *args: str):
    code, out, err = _run(capsys, "--db", db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def _branch_names(capsys, db: str) -> list[str]:
    names = list(dict.fromkeys(m["branch"] for m in _json(capsys, db, "members", "list")))
    assert len(names) == BRANCHES
    return names


@pytest.mark.parametrize("command", [["members", "list"], ["meetings", "list"], ["development", "list"]])
def test_a_list_without_branch_covers_every_branch_and_names_it(committee_db, capsys, command):
    everything = _json(capsys, committee_db, *command)
    names = _branch_names(capsys, committee_db)
    assert set(Counter(row["branch"] for row in everything)) == set(names)
    # the whole list is exactly the lists of the branches one by one, nothing left out or doubled
    one_by_one = []
    for name in names:
        rows = _json(capsys, committee_db, *command, "--branch", name)
        assert rows and {row["branch"] for row in rows} == {name}
        one_by_one += rows
    assert sorted(json.dumps(r, sort_keys=True) for r in everything) == \
        sorted(json.dumps(r, sort_keys=True) for r in one_by_one)


def test_check_json_names_the_branch_of_every_finding(committee_db, capsys):
    names = _branch_names(capsys, committee_db)
    data = _json(capsys, committee_db, "check", "--as-of", AS_OF)
    assert data["findings"]
    strays = [f for f in data["findings"] if f["branch"] not in names]
    assert not strays
    assert set(f["branch"] for f in data["findings"]) == set(names)
    first = _json(capsys, committee_db, "check", "--as-of", AS_OF, "--branch", names[0])["findings"]
    assert first and {f["branch"] for f in first} == {names[0]}
    assert first == [f for f in data["findings"] if f["branch"] == names[0]]


def test_people_read_each_branch_under_its_own_heading(committee_db, capsys):
    names = _branch_names(capsys, committee_db)
    code, out, _ = _run(capsys, "--db", committee_db, "check", "--as-of", AS_OF)
    assert code == 0 and f"{BRANCHES} 个支部共" in out
    positions = [out.index(f"【{name}】") for name in names]
    assert positions == sorted(positions)
    # a finding is printed in its own branch's section
    data = _json(capsys, committee_db, "check", "--as-of", AS_OF)
    last = data["findings"][-1]
    section = out[out.index(f"【{last['branch']}】"):]
    following = [n for n in names if n != last["branch"] and f"【{n}】" in section]
    if following:
        section = section[:section.index(f"【{following[0]}】")]
    assert last["message"] in section
    for command in (["members", "list"], ["development", "list"]):
        code, out, _ = _run(capsys, "--db", committee_db, *command)
        assert code == 0 and all(f"{name}：" in out for name in names)
    code, out, _ = _run(capsys, "--db", committee_db, "meetings", "list", "--year", "2026")
    assert code == 0 and all(f"【{name}】" in out for name in names) and f"{BRANCHES} 个支部共" in out


def test_a_database_without_branches_still_says_what_to_do(workdir, capsys):
    from dangjian_desktop.db.engine import open_database

    path = workdir / "空.db"
    open_database(path, create=True).close()
    for command in (["members", "list"], ["meetings", "list"], ["development", "list"], ["check"]):
        code, _, err = _run(capsys, "--db", str(path), *command)
        assert code == 1 and "还没有支部" in err
