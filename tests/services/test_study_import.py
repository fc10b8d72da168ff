"""学时 import as platforms and offices really write it (review_imports): minutes in the header, 未完成 rows,
a name and an ID number of two people, a WPS two-row header, 合计 rows, punctuation, durations, re-imports."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest
from openpyxl import Workbook

from dangjian_desktop.core.glossary import MemberStatus
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.errors import InputErrors
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import study as ss
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.study_import import import_study, preview_study_import
from tests.roster_files import id_for

TODAY = date(2026, 11, 23)
NAMES = ("丁浩", "万永文", "马敏琴", "余婷", "姚超斌", "徐颖萍")


def number(seq: int) -> str:
    return id_for(date(1980, 5, 17), True, seq)


@pytest.fixture
def branch(db):
    b = create_branch(db, "幸福社区第一党支部")
    for seq, name in enumerate(NAMES, start=1):
        f = MemberFields(name=name, id_number=number(seq), joined_on=date(2005, 7, 1), full_member_on=date(2006, 7, 1),
                         status=MemberStatus.FULL)
        ms.create_member(db, b.id, f, today=TODAY)
    return b.id


def _sheet(path, header, *rows, title="学习记录"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def _hours(db, bid, year=2026) -> dict[str, list[tuple[date, Decimal]]]:
    out: dict[str, list] = {}
    for r in ss.list_year(db, bid, year):
        if not r.derived:
            out.setdefault(r.member, []).append((r.studied_on, r.hours))
    return {k: sorted(v) for k, v in out.items()}


def _lines(report) -> str:
    return "\n".join(report.column_lines() + report.notices)


# --- defect 1: a header that carries a unit

@pytest.mark.parametrize("header, value, label", [
    ("学习时长(分钟)", 90, "学时（按分钟换算）"), ("学习时长（分钟）", 90, "学时（按分钟换算）"),
    ("时长(分钟)", 90, "学时（按分钟换算）"), ("时长（秒）", 5400, "学时（按秒换算）"), ("学时(小时)", 1.5, "学时"),
    ("课程学时", 1.5, "学时"), ("学习时长", 1.5, "学时（表头未写单位，按学时读取）"),
])
def test_hours_are_read_in_the_unit_the_header_names(db, branch, workdir, header, value, label):
    path = _sheet(workdir / "平台.xlsx", ["序号", "姓名", "课程名称", header, "完成时间"],
                  [1, "丁浩", "深入学习贯彻四中全会精神", value, "2026-03-05 20:13:45"])
    report = import_study(db, branch, path, today=TODAY)
    assert f"D列“{header}” → {label}" in report.column_lines()
    assert _hours(db, branch)["丁浩"] == [(date(2026, 3, 5), Decimal("1.5"))]


def test_a_platform_sheet_with_both_hours_and_minutes_counts_the_hours_once(db, branch, workdir):
    path = _sheet(workdir / "网院.xlsx", ["姓名", "课程名称", "学时", "学习时长(分钟)", "完成时间"],
                  ["丁浩", "依法行政", 2, 100, "2026-05-10"])
    report = import_study(db, branch, path, today=TODAY)
    assert "D列“学习时长(分钟)”：未导入（已按C列“学时”计学时，此列不重复计算）" in report.column_lines()
    assert _hours(db, branch)["丁浩"] == [(date(2026, 5, 10), Decimal("2"))]


def test_a_large_number_under_a_header_without_a_unit_is_asked_about_not_counted(db, branch, workdir):
    path = _sheet(workdir / "平台.xlsx", ["姓名", "课程名称", "学习时长", "完成时间"],
                  ["丁浩", "课A", 90, "2026-03-05"], ["丁浩", "课B", "3", "2026-03-06"])
    report = preview_study_import(db, branch, path, today=TODAY)
    assert report.refused == ["文件 平台.xlsx，工作表“学习记录”，第2行，C列（学习时长）：表头“学习时长”没有写单位，“90”按学时读是"
                              "一次 90 学时，像是分钟数；如是分钟，请把表头改为“学习时长(分钟)”，如是学时，请把表头改为“学时”。"]


# --- defect 2: rows the platform marks 未完成

def test_unfinished_rows_are_named_and_not_counted(db, branch, workdir):
    path = _sheet(workdir / "学习强国.xlsx", ["序号", "姓名", "课程名称", "学习时长(分钟)", "完成时间", "积分", "状态"],
                  [1, "丁浩", "四中全会精神", 90, "2026-03-05 20:13:45", 3, "已完成"],
                  [2, "马敏琴", "中国式现代化专题", 120, "2026-03-07 10:00:00", 4, "未完成"],
                  [3, "余婷", "网络安全与保密教育", 0, None, 0, "未完成"])
    report = import_study(db, branch, path, today=TODAY)
    assert "G列“状态” → 完成状态（未完成的不计学时）" in report.column_lines()
    assert "文件 学习强国.xlsx，工作表“学习记录”，第3行，G列（状态）：马敏琴的状态为“未完成”，未计学时。" in report.notices
    assert any("第4行" in n and "余婷" in n for n in report.notices)
    assert _hours(db, branch) == {"丁浩": [(date(2026, 3, 5), Decimal("1.5"))]}


def test_shifou_wancheng_no_is_left_out_and_an_unknown_state_is_refused(db, branch, workdir):
    path = _sheet(workdir / "明细.xlsx", ["学员姓名", "证件号码", "课程学时", "完成日期", "是否完成"],
                  ["丁浩", number(1), 3, "2026-06-01", "是"], ["万永文", number(2), 1, "2026-05-12", "否"])
    report = import_study(db, branch, path, today=TODAY)
    assert any("第3行" in n and "“否”" in n for n in report.notices) and report.created == 1
    _sheet(path, ["姓名", "学时", "学习日期", "状态"], ["丁浩", 1, "2026-06-02", "待审核"])
    with pytest.raises(InputErrors) as refused:
        import_study(db, branch, path, today=TODAY)
    assert "第2行，D列（状态）：完成状态“待审核”无法识别" in str(refused.value.problems)


# --- defect 3: 姓名 and 身份证号 of two people

def test_a_name_with_another_members_id_number_is_refused_naming_both(db, branch, workdir):
    path = _sheet(workdir / "学时.xlsx", ["姓名", "身份证号", "学习日期", "学时", "主题"],
                  ["姚超斌", number(5), "2026-05-01", 2, "党章"], ["徐颖萍", number(5), "2026-05-02", 2, "党规"])
    with pytest.raises(InputErrors) as refused:
        import_study(db, branch, path, today=TODAY)
    text = "\n".join(refused.value.problems)
    assert "第3行，B列（身份证号）" in text and "姚超斌" in text and "徐颖萍" in text and "不是同一人" in text
    assert "第2行" not in text and _hours(db, branch) == {}


# --- defect 7: the WPS two-row merged header

def _wps(path, *rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "一季度"
    ws["A1"] = "幸福社区第一党支部2026年第一季度党员学习登记表"
    ws.merge_cells("A1:H1")
    ws["A2"], ws["B2"], ws["C2"], ws["G2"], ws["H2"] = "序号", "姓名", "学习情况", "联系电话", "备注"
    ws["C3"], ws["D3"], ws["E3"], ws["F3"] = "学习日期", "学习形式", "学习内容", "学时"
    for rng in ("A2:A3", "B2:B3", "C2:F2", "G2:G3", "H2:H3"):
        ws.merge_cells(rng)
    for r in rows:
        ws.append(list(r))
    wb.create_sheet("二季度").append(["序号", "姓名", "学习日期", "学时"])
    wb.save(path)
    return path


def test_the_wps_two_row_merged_header_is_read(db, branch, workdir):
    path = _wps(workdir / "登记表.xlsx",
                [1, "丁  浩", "2026.1.8", "集中学习", "学习中央经济工作会议精神", "2学时", "13900000001", None],
                [2, "余婷", "2026年2月3号", "集中研讨", "学习强国专题：两会精神", "90分钟", None, "补登"],
                [None, "合计", None, None, None, "3.5学时", None, None])
    report = import_study(db, branch, path, sheet="一季度", today=TODAY)
    assert report.column_lines() == [
        "A列“序号”：未导入（序号只是行的编号，不需要导入）", "B列“姓名” → 姓名", "C列“学习日期” → 学习日期",
        "D列“学习形式” → 学习形式", "E列“学习内容” → 主题/课程", "F列“学时” → 学时",
        "G列“联系电话”：未导入（没有对应的项目）", "H列“备注”：未导入（没有对应的项目）"]
    assert _hours(db, branch) == {"丁浩": [(date(2026, 1, 8), Decimal("2"))], "余婷": [(date(2026, 2, 3), Decimal("1.5"))]}
    assert report.notices == ["文件 登记表.xlsx，工作表“一季度”，第6行是合计行，未导入（学时按每人每次的行计算）。"]


# --- defects 12, 13, 15, 16

def test_subtotal_rows_are_named_in_the_name_or_the_serial_column(db, branch, workdir):
    path = _sheet(workdir / "学时统计.xlsx", ["序号", "姓名", "学习日期", "学时", "课程名称"],
                  [1, "丁浩", "2026/4/9", 2, "四中全会精神"], [None, "小计", None, 2, None],
                  ["合计", None, None, 2, None], [None, None, "注：本表由组织委员填写", None, None])
    report = import_study(db, branch, path, today=TODAY)
    assert report.created == 1
    assert [n.split("，", 2)[2] for n in report.notices] == [
        "第3行是小计行，未导入（学时按每人每次的行计算）。", "第4行是合计行，未导入（学时按每人每次的行计算）。",
        "第5行没有姓名、身份证号和学时，不是学习记录，未导入（内容：注：本表由组织委员填写）。"]


def test_a_reimport_differing_in_punctuation_changes_one_record_and_says_so(db, branch, workdir):
    rows = [["丁浩", "2026-03-06", "网上学习", "学习强国专题：两会精神", 1.5],
            ["余婷", "2026-03-06", "网上学习", "干部网络学院：法治中国", 2]]
    header = ["姓名", "学习日期", "学习形式", "学习内容", "学时"]
    import_study(db, branch, _sheet(workdir / "第一版.xlsx", header, *rows), today=TODAY)
    rows[0][3] = "学习强国专题:两会精神 "  # half-width colon and a space, as the WPS re-export wrote it
    rows[1][4] = 3
    report = import_study(db, branch, _sheet(workdir / "第二版.xlsx", header, *rows), today=TODAY)
    assert (report.created, report.updated, report.counts["same"]) == (0, 1, 1)
    assert _hours(db, branch) == {"丁浩": [(date(2026, 3, 6), Decimal("1.5"))], "余婷": [(date(2026, 3, 6), Decimal("3"))]}


def test_durations_and_dates_as_people_write_them(db, branch, workdir):
    path = _sheet(workdir / "时长.xlsx", ["姓名", "课程名称", "学习时长", "完成时间"],
                  ["丁浩", "课A", "01:30:00", "2026年3月5日 20:13"], ["丁浩", "课B", time(1, 30), "2026/03/05 20:13:45"],
                  ["丁浩", "课C", "1小时30分", "2026年3月5号"])
    import_study(db, branch, path, today=TODAY)
    assert _hours(db, branch)["丁浩"] == [(date(2026, 3, 5), Decimal("1.5"))] * 3


def test_refusals_echo_numbers_as_written_and_self_study_is_explained(db, branch, workdir):
    path = _sheet(workdir / "边界.xlsx", ["姓名", "学习日期", "学时", "学习形式"],
                  ["丁浩", "2026-05-01", -2, "集中学习"], ["万永文", "2026-05-01", 300, "集中学习"],
                  ["余婷", "2026-05-01", 3, "自学"])
    report = preview_study_import(db, branch, path, today=TODAY)
    text = "\n".join(report.refused)
    assert "第2行，C列（学时）：学时“-2”应大于 0。" in text and "一次学习 300 学时太多" in text
    assert ".0" not in text
    assert "第4行，D列（学习形式）：学习形式“自学”：个人自学不属于" in text
