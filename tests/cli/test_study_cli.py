"""学时 on the command line: record, import (an office-style sheet: merged headers, extra columns named as
未导入, full-width digits), list (--json, every branch) and the 学时台账."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook, load_workbook

from dangjian_desktop.cli import main
from dangjian_desktop.services import study as ss
from tests.conftest import TODAY


def _run(demo_db, capsys, *args):
    capsys.readouterr()
    code = main(["--db", str(demo_db.path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _someone(demo_db):
    view = ss.year_view(demo_db, 1, TODAY.year, today=TODAY)
    return view.rows[0]


def _office_sheet(path, name, id_number):
    """As a 学习平台 exports it, tidied in an office: a title, a header merged over two rows, extra columns."""
    wb = Workbook()
    ws = wb.active
    ws.title = "学时统计"
    ws.append(["2026年网上学习学时统计表"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "学员信息", None, "学习情况", None, None, "所在单位", "手机号"])
    ws.append([None, "姓名", "证件号码", "完成时间", "课程名称", "获得学时", None, None])
    ws.merge_cells("B2:C2")
    ws.merge_cells("D2:F2")
    ws.merge_cells("A2:A3")
    ws.merge_cells("G2:G3")
    ws.merge_cells("H2:H3")
    ws.append([1, name, id_number, "2026-03-05 14:30:22", "党章党规学习", "２学时", "街道办", "13800000000"])
    ws.append([2, name, id_number, "２０２６年４月１日", "宪法学习", "90分钟", "街道办", "13800000000"])
    ws.append([3, name, None, "2026.05.06", "总体国家安全观", "1.5", "街道办", None])
    wb.save(path)


def test_import_an_office_sheet_naming_every_column(demo_db, capsys, workdir):
    someone = _someone(demo_db)
    with demo_db.session() as s:
        from dangjian_desktop.db.models import Member

        number = s.get(Member, someone.member_id).id_number
    path = workdir / "学时统计.xlsx"
    _office_sheet(path, someone.name, number)
    before = someone.total
    code, out, err = _run(demo_db, capsys, "study", "import", str(path), "--dry-run")
    assert code == 0, err
    assert "G列“所在单位”：未导入" in out and "H列“手机号”：未导入" in out and "A列“序号”：未导入" in out
    assert "获得学时" in out and "完成时间" in out and "新增 3 条" in out
    assert _someone(demo_db).total == before  # a dry run writes nothing
    code, out, err = _run(demo_db, capsys, "study", "import", str(path))
    assert code == 0, err
    assert _someone(demo_db).total == before + 5
    code, out, _ = _run(demo_db, capsys, "study", "import", str(path))
    assert "无变化 3 条" in out and _someone(demo_db).total == before + 5


def test_a_sheet_with_a_bad_cell_imports_nothing(demo_db, capsys, workdir):
    someone = _someone(demo_db)
    path = workdir / "学时.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "学习日期", "学时", "课程"])
    ws.append([someone.name, "2026-03-01", "2", "一"])
    ws.append([someone.name, "2026-03-02", "两个小时", "二"])
    ws.append(["查无此人", "2026-03-03", "1", "三"])
    wb.save(path)
    code, _, err = _run(demo_db, capsys, "study", "import", str(path))
    assert code == 1
    assert "第3行，C列（学时）" in err and "不是学时数" in err and "查无此人" in err
    assert _someone(demo_db).total == someone.total


def test_record_then_list_json(demo_db, capsys):
    someone = _someone(demo_db)
    code, out, err = _run(demo_db, capsys, "study", "record", someone.name, "--date", "2026-11-01", "--kind", "training",
                          "--hours", "3.5", "--topic", "专题培训班")
    assert code == 0, err
    assert "3.5 学时" in out
    code, out, _ = _run(demo_db, capsys, "study", "list", "--year", "2026", "--json")
    data = json.loads(out)
    mine = [d for d in data if d["member"] == someone.name and d["date"] == "2026-11-01" and d["kind"] == "training"]
    assert mine and mine[0]["hours"] == "3.5" and mine[0]["branch"]
    assert {d["kind"] for d in data} <= {"group_study", "lecture", "training", "online"}
    assert any(d["derived"] for d in data)  # 党课 and 主题党日 attended are in the list
    code, _, err = _run(demo_db, capsys, "study", "record", someone.name, "--date", "2026-11-01", "--kind", "online",
                        "--hours", "0")
    assert code == 1 and "大于 0" in err
    with pytest.raises(SystemExit) as usage:
        _run(demo_db, capsys, "study", "record", someone.name, "--date", "2026-11-01", "--kind", "nap", "--hours", "1")
    assert usage.value.code == 2


def test_list_covers_every_branch(workdir, capsys):
    from dangjian_desktop.db.engine import open_database
    from dangjian_desktop.services.demo import make_demo

    db = open_database(workdir / "两个支部.db", create=True)
    make_demo(db, seed=2, branches=2, members=8, years=1, today=TODAY)
    db.close()
    capsys.readouterr()
    assert main(["--db", str(workdir / "两个支部.db"), "study", "list", "--year", "2026", "--json"]) == 0
    assert len({d["branch"] for d in json.loads(capsys.readouterr().out)}) == 2


def test_export_the_study_ledger(demo_db, capsys, workdir):
    out = workdir / "学时台账.xlsx"
    code, _, err = _run(demo_db, capsys, "export", "study-ledger", "--year", "2026", "--out", str(out))
    assert code == 0, err
    wb = load_workbook(out)
    ws = wb["学时汇总"]
    assert "2026年党员学习学时台账" in ws["A1"].value
    view = ss.year_view(demo_db, 1, 2026, today=TODAY)
    statuses = [ws.cell(4 + i, 11).value for i in range(len(view.rows))]
    assert [s.split("（")[0] for s in statuses] == [r.status_text for r in view.rows]
    assert any(s.startswith("差") for s in statuses) and "已达标" in statuses
    assert wb["学习记录"].max_row - 3 == len(view.entries)


def test_edit_a_recorded_session_and_not_one_counted_from_a_meeting(demo_db, capsys):
    code, out, _ = _run(demo_db, capsys, "study", "list", "--year", str(TODAY.year), "--json")
    rows = json.loads(out)
    recorded = next(r for r in rows if not r["derived"])
    derived = next(r for r in rows if r["derived"])
    assert isinstance(recorded["id"], int) and derived["id"] is None
    code, out, err = _run(demo_db, capsys, "study", "edit", str(recorded["id"]), "--hours", "3.5", "--kind", "training")
    assert code == 0, err
    assert "已修改：" in out and recorded["member"] in out and "专题培训" in out and "3.5 学时" in out
    [now] = [e for e in ss.list_year(demo_db, 1, TODAY.year) if e.id == recorded["id"]]
    assert (now.kind.value, str(now.hours.normalize()), now.topic, now.studied_on.isoformat()) == (
        "training", "3.5", recorded["topic"], recorded["date"])  # what was not given stays
    code, _out, err = _run(demo_db, capsys, "study", "edit", "999999", "--hours", "1")
    assert code == 1 and "没有编号为 999999 的学习记录" in err and "出席情况" in err
    assert len(err.strip().splitlines()) == 1
