"""台账 as a secretary's office has them, built by the tests: WPS and old exports, merged headers,
title rows, two people's habits in one sheet, a hidden sheet of last year's list (issue 17).

`office_roster` is also saved as .xls, .ods and .et under tests/fixtures/imports/ (converted once
with LibreOffice by `python -m tests.import_files`), so the legacy formats are read from real files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from tests.roster_files import id_for

FIXTURES = Path(__file__).parent / "fixtures" / "imports"

# name, sex, born, 人员类别 (the status, as the 全国党员管理信息系统 names it), 工作岗位, joined, full, group
OFFICE_PEOPLE = [
    ("张建国", "男", date(1962, 4, 9), "正式党员", "离退休人员", "1988.07.01", "1989.07.01", "第一党小组"),
    ("李\u200b秀英", "女", date(1975, 10, 2), "正式党员", "专业技术人员", "2003年6月28日", "2004年6月28日", "第一党小组"),
    ("王 强", "男", date(1990, 1, 15), "正式党员", "企业管理人员", "2015-06-30 00:00:00", "2016-06-30 00:00:00",
     "第二党小组"),
    ("赵敏", "女", date(1998, 8, 8), "预备党员", "学生", "2026.06.30", None, "第二党小组"),
    ("刘洋", "男", date(1985, 3, 3), "正式党员", "专业技术人员", "20100701", "20110701", None),
]


def office_id(i: int, born: date, male: bool, *, full_width: bool = False) -> str:
    number = id_for(born, male, seq=40 + i, region="320102")
    return number.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")) if full_width else number


def office_roster(path: Path) -> Path:
    """A 花名册 as a 社区 office keeps it in WPS: a title and a 填报 line, a header merged over two rows
    (“入党” over “日期”, “转正” over “日期”), 人员类别 holding the status and 工作岗位 the job, an ID
    number typed with full-width digits, a zero-width space pasted into a name, dates in three habits,
    a 党小组 merged over two people, a photo column nobody filled, a 备注 — and a hidden sheet with
    last year's list, which has more matching columns and must never be read."""
    wb = Workbook()
    ws = wb.active
    ws.title = "党员花名册"
    ws.append(["中共XX社区委员会第一党支部党员花名册"])
    ws.merge_cells("A1:L1")
    ws.append(["填报单位：XX社区第一党支部", None, None, None, None, None, None, None, None, "填报日期：2026年11月"])
    ws.append(["序号", "姓名", "性别", "公民身份号码", "人员类别", "工作岗位", "入党", "转正", "所在党小组", "联系电话",
               "照片", "备注"])
    ws.append([None, None, None, None, None, None, "日期", "日期", None, None, None, None])
    for c in "ABCDEFIJKL":
        ws.merge_cells(f"{c}3:{c}4")
    for i, (name, sex, born, status, job, joined, full, group) in enumerate(OFFICE_PEOPLE, start=1):
        number = office_id(i, born, sex == "男", full_width=(i == 2))
        ws.append([i, name, sex, number, status, job, joined, full, group, "13912345678", None,
                   "流动党员" if i == 5 else None])
    ws.merge_cells("I7:I8")  # 第二党小组 over 王强 and 赵敏
    hidden = wb.create_sheet("去年名单")
    hidden.sheet_state = "hidden"
    hidden.append(["姓名", "性别", "民族", "出生日期", "公民身份号码", "学历", "入党日期", "转正日期", "所在党小组",
                   "联系电话", "家庭住址"])
    hidden.append(["已调走的人", "男", "汉族", "1970.1.1", id_for(date(1970, 1, 1), True, seq=99), "大专",
                   "1995.7.1", "1996.7.1", "第一党小组", "1", "某地"])
    wb.save(path)
    return path


def development_ledger(path: Path, rows: list[list], *, between: bool = True) -> Path:
    """A 发展党员台账 whose step columns are headed by their plain names: “支部大会讨论日期” and
    “上级党委审批日期” (steps 15, 17) beside “支部大会讨论（转正）日期” and “上级党委审批（转正）时间”
    (23, 24), with or without a 提出转正申请 column between them; plus a 联系电话 column (a field) and
    a 培养人电话 column (no field takes it)."""
    header = ["序号", "姓名", "公民身份号码", "申请入党时间", "确定积极分子时间", "确定发展对象时间",
              "支部大会讨论日期", "上级党委审批日期"]
    if between:
        header.append("提出转正申请日期")
    header += ["支部大会讨论（转正）日期", "上级党委审批（转正）时间", "培养人电话"]
    wb = Workbook()
    ws = wb.active
    ws.title = "发展党员台账"
    ws.append(["XX社区党支部发展党员工作台账"])
    ws.append(header)
    for i, r in enumerate(rows, start=1):
        ws.append([i, *r])
    wb.save(path)
    return path


def meetings_ledger(path: Path, rows: list[list]) -> Path:
    """A 三会一课台账 that lists only absentees (one row per meeting)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "三会一课"
    ws.append(["2025年“三会一课”登记台账"])
    ws.append(["序号", "日期", "会议类型", "会议主题", "主持人", "记录人", "应到人数", "实到人数", "缺席人员及原因",
               "备注"])
    for i, r in enumerate(rows, start=1):
        ws.append([i, *r])
    wb.save(path)
    return path


def _convert() -> None:
    """Save office_roster as .xls and .ods with LibreOffice; WPS .et is the same binary format as .xls."""
    import shutil
    import subprocess
    import tempfile

    FIXTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = office_roster(Path(tmp) / "花名册.xlsx")
        for fmt, suffix in (("xls:MS Excel 97", ".xls"), ("ods", ".ods")):
            subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", tmp, str(src)], check=True,
                           capture_output=True)
            shutil.copy(Path(tmp) / f"花名册{suffix}", FIXTURES / f"社区花名册{suffix}")
    shutil.copy(FIXTURES / "社区花名册.xls", FIXTURES / "社区花名册.et")
    print(datetime.now(), "written:", *sorted(p.name for p in FIXTURES.iterdir()))


if __name__ == "__main__":
    _convert()
