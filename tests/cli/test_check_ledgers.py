"""`check --as-of` on a 村 branch's own ledgers, built as secretaries keep them: a 花名册, a 三会一课台账
listing only absentees, and a 发展党员台账 of dates without details. Every expected finding, and no false
alarm: ordinary practice (联系人 before 备案, 培训 before the 政审 conclusion) is no violation, missing
details are 资料待补, leave and 流动党员 are not inactivity, a ledger that adds up counts as attendance."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from openpyxl import Workbook

from dangjian_desktop.cli import main
from dangjian_desktop.db.engine import open_database
from dangjian_desktop.services.branches import resolve_branch, set_community
from tests.roster_files import id_for

AS_OF = "2026-11-23"
# name, male, born, 入党日期, 转正日期, 党员状态, 流动
ROSTER = [
    ("王书记", True, date(1968, 2, 1), "2000.7.1", "2001.7.1", "正式党员", ""),
    ("李明", True, date(1975, 4, 2), "2005.7.1", "2006.7.1", "正式党员", ""),
    ("张华", True, date(1980, 5, 3), "2010.7.1", "2011.7.1", "正式党员", ""),
    ("赵丽", False, date(1982, 6, 4), "2012.7.1", "2013.7.1", "正式党员", ""),
    ("钱进", True, date(1985, 7, 5), "2008.7.1", "2009.7.1", "正式党员", "流动"),
    ("孙强", True, date(1995, 8, 6), "2025.5.20", None, "预备党员", ""),  # no 发展党员 file here
    ("周敏", False, date(1998, 9, 7), "2026.1.10", None, "预备党员", ""),
    ("吴刚", True, date(1996, 10, 8), "2025.6.1", None, "预备党员", ""),
    ("郑伟", True, date(1994, 11, 9), "2025.3.1", None, "预备党员", ""),
]
IDS = {name: id_for(born, male, seq=20 + i) for i, (name, male, born, *_rest) in enumerate(ROSTER)}

# one row per person, one column per step date, nothing else (no 联系人, 介绍人, 政审结论, 培训学时, 公示)
STEP_HEADERS = {1: "递交入党申请书", 2: "谈话时间", 3: "确定为积极分子", 4: "积极分子备案", 5: "指定培养联系人",
                7: "确定发展对象", 8: "发展对象备案", 9: "确定入党介绍人", 10: "政治审查", 11: "集中培训",
                12: "支委会审查", 13: "上级党委预审", 14: "填写入党志愿书", 15: "支部大会讨论接收",
                16: "上级党委派人谈话", 17: "党委审批", 18: "组织部门备案", 19: "编入党小组", 20: "入党宣誓",
                22: "提出转正申请"}
DEVELOPMENT = {
    # ordinary practice: 联系人 named (9-10) before the 备案 is reported (9-20), 培训 (12-01) before the
    # 政审 conclusion (2025-01-10); admitted 2025-06-01, 转正 not yet discussed
    "吴刚": {1: "2023.3.1", 2: "2023.3.20", 3: "2023.9.1", 4: "2023.9.20", 5: "2023.9.10", 7: "2024.9.5",
             8: "2024.9.20", 9: "2024.10.1", 10: "2025.1.10", 11: "2024.12.1", 12: "2025.4.1", 13: "2025.4.20",
             14: "2025.5.10", 15: "2025.6.1", 16: "2025.6.20", 17: "2025.7.15", 18: "2025.8.1", 19: "2025.6.5",
             20: "2025.7.1", 22: "2026.5.1"},
    # skipped prerequisites: 15 without 9, 12, 13, 14; 17 without 16
    "郑伟": {1: "2022.3.1", 2: "2022.3.15", 3: "2022.9.1", 7: "2023.9.10", 10: "2024.10.1", 11: "2024.11.1",
             15: "2025.3.1", 17: "2025.4.1"},
    "冯雪": {1: "2025.9.1", 2: "2025.9.20", 3: "2026.3.1", 4: "2026.3.20", 5: "2026.3.5"},  # an 积极分子
    "陈晨": {1: "2026.9.1", 2: "2026.10.10"},  # talked after a month and ten days
    "褚明": {1: "2026.11.1"},  # the talk is due by 2026-12-01: reminded from 11-21
}
NEW_IDS = {"冯雪": id_for(date(2000, 1, 11), False, seq=40), "陈晨": id_for(date(2001, 2, 12), True, seq=41),
           "褚明": id_for(date(2002, 3, 13), True, seq=42)}


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def _roster(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["党员花名册"])  # a title row above the header, as real files have
    ws.append(["姓名", "公民身份号码", "入党日期", "转正日期", "党员状态", "所在党小组", "流动/失联"])
    for name, _male, _born, joined, full, status, floating in ROSTER:
        ws.append([name, IDS[name], joined, full, status, "第一党小组", floating])
    wb.save(path)


def _meetings(path):
    """主题党日 on the 15th of each month in 2026: 应到 9 (the roll), absentees listed with reasons."""
    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "类型", "主题", "主持人", "应到", "实到", "缺席及原因"])
    ws.append(["2026.1.15", "主题党日", "重温入党誓词", "王书记", 9, 9, "全到"])
    for month in range(2, 12):
        absent = "张华（缺席）；赵丽（请假：病假）；钱进（缺席：外出务工）"
        # April's line does not add up (9 − 3 ≠ 3): who else was away is not known that month
        present = 3 if month == 4 else 6
        ws.append([f"2026.{month}.15", "主题党日", f"{month}月主题党日", "王书记", 9, present, absent])
    wb.save(path)


def _development(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "公民身份号码", *STEP_HEADERS.values()])
    for name, steps in DEVELOPMENT.items():
        ws.append([name, IDS.get(name) or NEW_IDS[name], *(steps.get(no) for no in STEP_HEADERS)])
    wb.save(path)


def test_check_on_a_village_branchs_own_ledgers(workdir, capsys):
    db = str(workdir / "村支部.db")
    _run(capsys, "--db", db, "init", "--branch", "光明村党支部", "--groups", "第一党小组")
    _roster(workdir / "花名册.xlsx")
    _meetings(workdir / "三会一课台账.xlsx")
    _development(workdir / "发展党员台账.xlsx")
    _run(capsys, "--db", db, "members", "import", str(workdir / "花名册.xlsx"))
    _run(capsys, "--db", db, "meetings", "import", str(workdir / "三会一课台账.xlsx"))
    out = _run(capsys, "--db", db, "development", "import", str(workdir / "发展党员台账.xlsx"))
    assert "前置步骤" in out  # the skipped prerequisites are said at import, not silently taken
    database = open_database(workdir / "村支部.db")
    try:
        set_community(database, resolve_branch(database, None).id, True)
    finally:
        database.close()

    findings = json.loads(_run(capsys, "--db", db, "check", "--as-of", AS_OF, "--json"))["findings"]
    judged = Counter((f["rule"], f["severity"], f["subject"]) for f in findings
                     if not f["rule"].startswith("MEET-"))
    gaps = ("DEV-POLITICAL-REVIEW", "DEV-TRAINING-3D", "DEV-PUBLIC-NOTICE", "DEV-VOTE-QUORUM")
    expected = Counter({
        **{(rule, "info", "吴刚"): 1 for rule in ("DEV-CONTACTS", "DEV-SPONSORS-2", *gaps)},
        ("PROBATION-END", "overdue", "吴刚"): 1,
        ("DEV-PREREQ", "violation", "郑伟"): 2,  # 15 without 9, 12, 13, 14; 17 without 16
        **{(rule, "info", "郑伟"): 1 for rule in gaps},
        ("PROBATION-END", "overdue", "郑伟"): 1,
        ("DEV-REVIEW-6M", "overdue", "冯雪"): 1,
        ("DEV-CONTACTS", "info", "冯雪"): 1,
        ("DEV-TALK-1M", "violation", "陈晨"): 1,
        ("DEV-TALK-1M", "due", "褚明"): 1,
        ("PROBATION-END", "overdue", "孙强"): 1,  # on the roster without a file: still reported, once
        ("MEMBER-INACTIVE-6M", "overdue", "张华"): 1,  # absent without reason since February
        ("MEMBER-INACTIVE-6M", "info", "赵丽"): 1,  # on sick leave: named, not overdue
        ("MEMBER-INACTIVE-6M", "info", "钱进"): 1,  # 流动党员: named, not overdue
    })
    assert judged == expected, (judged - expected, expected - judged)
    by = {(f["rule"], f["subject"]): f["message"] for f in findings}
    assert "第十二步" not in by[("DEV-PREREQ", "郑伟")] and "前置步骤" in by[("DEV-PREREQ", "郑伟")]
    assert "病假" in by[("MEMBER-INACTIVE-6M", "赵丽")] and "流动党员" in by[("MEMBER-INACTIVE-6M", "钱进")]
    assert "第十一条" in by[("DEV-REVIEW-6M", "冯雪")] and "第七条" in by[("DEV-TALK-1M", "陈晨")]
    # 主题党日 held every month: none of those months is missing; April's unknown line is no absence
    meet = {(f["rule"], f["subject"]) for f in findings if f["rule"].startswith("MEET-")}
    assert not [s for r, s in meet if r == "MEET-THEME-DAY-M" and s < "theme_day 2026-11"]
    assert ("MEET-CONGRESS-Q", "branch_congress 2026-Q1") in meet  # no 党员大会 recorded at all

    text = _run(capsys, "--db", db, "check", "--as-of", AS_OF)
    assert "DEV-" not in text and "MEMBER-" not in text and "资料待补" in text
