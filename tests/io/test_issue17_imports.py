"""Issue 17: imports that never drop or invent a value. One test per numbered defect, each built
from a file like the one described, and the legacy formats read from real .xls/.ods/.et files."""

from __future__ import annotations

import shutil
import time
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from dangjian_desktop.cli import main
from dangjian_desktop.core.glossary import AttendanceStatus, MemberStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import InputErrors, ValidationError
from dangjian_desktop.io.table_reader import CellError, SheetChoice, parse_date, read_table
from dangjian_desktop.services import development as dev
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.backup import list_backups
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.check import run_check
from dangjian_desktop.services.members import import_roster, list_members, preview_roster_import
from tests.conftest import TODAY
from tests.import_files import FIXTURES, development_ledger, meetings_ledger, office_id, office_roster
from tests.roster_files import id_for


@pytest.fixture
def branch(db):
    return create_branch(db, "XX社区第一党支部", groups=["第一党小组", "第二党小组"])


def people(db, branch_id):
    return {p.name: p for p in list_members(db, branch_id)}


# ---------------------------------------------------------------- the office's roster, every column


def test_the_office_roster_every_column_accounted_for_and_nothing_invented(db, branch, workdir):
    path = office_roster(workdir / "社区花名册.xlsx")
    report = preview_roster_import(db, branch.id, path, today=TODAY)
    assert report.sheet == "党员花名册"  # the hidden 去年名单 has more matching columns and is never read
    assert report.refused == []
    assert report.column_lines() == [
        "A列“序号”：未导入（序号只是行的编号，不需要导入）",
        "B列“姓名” → 姓名",
        "C列“性别” → 性别",
        "D列“公民身份号码” → 公民身份号码",
        "E列“人员类别” → 党员状态（正式/预备）",
        "F列“工作岗位” → 工作岗位（人员类别）",
        "G列“入党日期” → 入党日期",
        "H列“转正日期” → 转正日期",
        "I列“所在党小组” → 所在党小组",
        "J列“联系电话” → 联系电话",
        "K列“照片”：未导入（没有对应的项目，且整列为空）",
        "L列“备注” → 备注",
    ]
    import_roster(db, branch.id, path, today=TODAY)
    got = people(db, branch.id)
    assert set(got) == {"张建国", "李秀英", "王强", "赵敏", "刘洋"}  # zero-width space and stray space gone
    zhao = got["赵敏"]  # 预备党员 with an empty 转正日期: stays so, nothing derived (defect 2)
    assert zhao.status is MemberStatus.PROBATIONARY and zhao.full_member_on is None
    assert zhao.group == "第二党小组"  # merged over 王强 and her
    assert got["王强"].joined_on == date(2015, 6, 30)  # “2015-06-30 00:00:00” (defect 9)
    assert got["李秀英"].id_number == office_id(2, date(1975, 10, 2), False)  # full-width digits (defect 6)
    assert "已调走的人" not in got


@pytest.mark.parametrize("suffix", [".xls", ".ods", ".et"])
def test_legacy_formats_read_the_same_as_the_xlsx(db, branch, workdir, suffix):
    """The same roster saved by LibreOffice as .xls and .ods (and WPS .et, the .xls binary format)."""
    xlsx = preview_roster_import(db, branch.id, office_roster(workdir / "社区花名册.xlsx"), today=TODAY)
    legacy = workdir / f"社区花名册{suffix}"
    shutil.copy(FIXTURES / f"社区花名册{suffix}", legacy)
    report = preview_roster_import(db, branch.id, legacy, today=TODAY)
    assert report.sheet == "党员花名册" and report.refused == []
    assert [(r.row, r.label) for r in report.rows] == [(r.row, r.label) for r in xlsx.rows]
    assert report.column_lines() == xlsx.column_lines()
    import_roster(db, branch.id, legacy, today=TODAY)
    assert people(db, branch.id)["赵敏"].group == "第二党小组"  # merged cells of every format filled down


def test_an_unknown_format_and_an_encrypted_workbook_get_one_clear_sentence(db, branch, workdir):
    text = workdir / "花名册.csv"
    text.write_text("姓名,身份证号\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="不是可以导入的表格文件；可以导入 Excel"):
        import_roster(db, branch.id, text, today=TODAY)
    locked = workdir / "加密花名册.xlsx"  # what Excel writes for a password: an OLE file with EncryptedPackage
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(ValidationError, match="设有密码，请先在 Excel/WPS 中取消密码"):
        import_roster(db, branch.id, locked, today=TODAY)


# ---------------------------------------------------------------- 1. development steps by plain names


DEV_PERSON = ["孙丽", id_for(date(1996, 5, 1), False, seq=7), "2022.3.1", "2022.9.1", "2023.10.8"]


@pytest.mark.parametrize("between", [True, False])
def test_1_plain_step_names_are_placed_by_column_order(db, branch, workdir, between):
    congress, approval, apply_on, full, full_ok = "2024.6.1", "2024.7.10", "2025.5.20", "2025.6.3", "2025.7.1"
    row = DEV_PERSON + [congress, approval] + ([apply_on] if between else []) + [full, full_ok, "13700000000"]
    path = development_ledger(workdir / "发展台账.xlsx", [row], between=between)
    report = dev.preview_ledger_import(db, path, branch.id, today=TODAY)
    lines = report.column_lines()
    assert "G列“支部大会讨论日期” → 第15步 支部大会讨论（接收预备党员）（按列的先后确定）" in lines
    assert "H列“上级党委审批日期” → 第17步 上级党委审批（接收预备党员）（按列的先后确定）" in lines
    assert any("“支部大会讨论（转正）日期” → 第23步 支部大会讨论（转正）" in x for x in lines)
    assert any("“上级党委审批（转正）时间” → 第24步 上级党委审批（转正）" in x for x in lines)
    assert any("“培养人电话”：未导入（没有对应的项目）" in x for x in lines)  # listed, and the import goes on
    dev.import_ledger(db, path, branch.id, today=TODAY)
    (a,) = dev.list_applicants(db, branch.id, TODAY)
    assert a.step(15).done_on == date(2024, 6, 1) and a.step(24).done_on == date(2025, 7, 1)
    sun = people(db, branch.id)["孙丽"]  # she became a 预备党员 on step 15, a 正式党员 on step 24
    assert sun.joined_on == date(2024, 6, 1) and sun.status is MemberStatus.FULL


def test_1_a_date_column_that_cannot_be_placed_refuses_the_import(db, branch, workdir):
    path = development_ledger(workdir / "发展台账.xlsx", [DEV_PERSON + ["2024.6.1", "2024.7.10", "2025.5.20",
                                                                      "2025.6.3", "2025.7.1", "13700000000"]])
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active.cell(2, 14, "体检日期")
    wb.active.cell(3, 14, "2024.5.1")
    wb.save(path)
    with pytest.raises(InputErrors) as err:
        dev.import_ledger(db, path, branch.id, today=TODAY)
    assert any("N列“体检日期”：这一列是日期，但认不出是哪一个步骤" in p for p in err.value.problems)
    assert dev.list_applicants(db, branch.id, TODAY) == []


def test_1_probation_end_is_found_once_step_15_is_imported(db, branch, workdir):
    row = ["钱进", id_for(date(1995, 2, 2), True, seq=8), "2022.3.1", "2022.9.1", "2023.10.8", "2025.6.1",
           "2025.7.10", None, None, None, None]
    dev.import_ledger(db, development_ledger(workdir / "台账.xlsx", [row]), branch.id, today=TODAY)
    rules = {f.rule for f in run_check(db, [branch.id], TODAY)}
    assert "PROBATION-END" in rules


# ---------------------------------------------------------------- 2. 花名册 status


def test_2_the_status_is_read_by_its_values_and_a_contradiction_is_refused(db, branch, workdir):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "公民身份号码", "人员类别", "入党日期", "转正日期"])
    ws.append(["甲", id_for(date(1990, 1, 1), True, seq=1), "预备党员", "2026.3.1", None])
    ws.append(["乙", id_for(date(1980, 1, 1), False, seq=2), "预备党员", "2001.7.1", "2002.7.1"])
    ws.append(["丙", id_for(date(1970, 1, 1), True, seq=3), "正式党员", "1995.7.1", None])
    path = workdir / "名册.xlsx"
    wb.save(path)
    with pytest.raises(InputErrors) as err:
        import_roster(db, branch.id, path, today=TODAY)
    problems = err.value.problems
    assert any("第3行" in p and "预备党员还没有转正日期" in p for p in problems)
    assert any("第4行" in p and "正式党员请填写转正日期" in p for p in problems)
    assert list_members(db, branch.id) == []


def test_2_a_job_category_under_人员类别_stays_the_job(db, branch, workdir):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "公民身份号码", "人员类别", "入党日期", "转正日期"])
    ws.append(["丁", id_for(date(1990, 1, 1), True, seq=4), "专业技术人员", "2010.3.1", "2011.3.1"])
    path = workdir / "名册.xlsx"
    wb.save(path)
    report = import_roster(db, branch.id, path, today=TODAY)
    assert "C列“人员类别” → 工作岗位（人员类别）" in report.column_lines()
    assert people(db, branch.id)["丁"].category == "专业技术人员"


# ---------------------------------------------------------------- 3. absentee-only meetings ledger


@pytest.fixture
def roll(db, branch):
    with db.transaction() as s:
        for i, name in enumerate(("张三", "李四", "王五", "赵六")):
            s.add(m.Member(branch_id=branch.id, name=name, joined_on=date(2000, 7, 1), full_member_on=date(2001, 7, 1),
                           status=MemberStatus.FULL, id_number=id_for(date(1970, 1, 1), i % 2 == 0, seq=60 + i)))
    return branch.id


def _attendance(db, title):
    with db.session() as s:
        mt = s.scalar(select(m.Meeting).where(m.Meeting.title == title))
        return {s.get(m.Member, a.member_id).name: a.status for a in mt.attendance}


def test_3_everyone_else_attended_only_when_the_numbers_add_up(db, roll, workdir):
    path = meetings_ledger(workdir / "台账.xlsx", [
        [datetime(2025, 3, 5), "支部党员大会", "学习党章", "张三", "李四", 4, 3, "王五（病假）", None],
        [datetime(2025, 4, 9), "支部党员大会", "主题教育", "张三", "李四", 6, 5, "王五（出差）", None],
        [datetime(2025, 5, 9), "支部党员大会", "七一准备", "张三", "李四", None, None, "赵六（缺席）", None],
    ])
    report = svc.import_meetings(db, roll, path, today=TODAY)
    assert _attendance(db, "学习党章") == {"张三": AttendanceStatus.PRESENT, "李四": AttendanceStatus.PRESENT,
                                        "王五": AttendanceStatus.LEAVE, "赵六": AttendanceStatus.PRESENT}
    # 应到 6 is not the roll of 4: who attended is unknown; only the absentee is recorded, nobody marked absent
    assert _attendance(db, "主题教育") == {"王五": AttendanceStatus.LEAVE}
    assert _attendance(db, "七一准备") == {"赵六": AttendanceStatus.ABSENT}
    notices = "\n".join(report.notices)
    assert "第4行" in notices and "应到 6 人与当天名册上的 4 人不符" in notices
    assert "第5行" in notices and "台账没有写应到、实到人数" in notices


# ---------------------------------------------------------------- 4. an ID number of someone else


def test_4_a_development_row_with_a_members_id_number_is_named_never_merged(db, branch, workdir):
    other = create_branch(db, "XX社区第二党支部")
    theirs = id_for(date(1980, 6, 6), False, seq=33)
    with db.transaction() as s:
        s.add(m.Member(branch_id=other.id, name="周芳", joined_on=date(2005, 7, 1), full_member_on=date(2006, 7, 1),
                       status=MemberStatus.FULL, id_number=theirs))
    row = ["吴静", theirs, "2022.3.1", "2022.9.1", "2023.10.8", "2024.6.1", None, None, None, None, None]
    with pytest.raises(InputErrors) as err:
        dev.import_ledger(db, development_ledger(workdir / "台账.xlsx", [row]), branch.id, today=TODAY)
    assert any("已登记为“XX社区第二党支部”党员周芳的号码" in p and "吴静" in p for p in err.value.problems)
    with db.session() as s:
        zhou = s.scalar(select(m.Member).where(m.Member.id_number == theirs))
        assert (zhou.name, zhou.joined_on) == ("周芳", date(2005, 7, 1))


# ---------------------------------------------------------------- 5. meetings never overwritten


def test_5_two_meetings_on_one_day_stay_two_and_a_blank_never_erases(db, roll, workdir):
    day = datetime(2025, 3, 5)
    first = meetings_ledger(workdir / "台账.xlsx", [
        [day, "支委会", "研究发展对象", "张三", "李四", None, None, None, "会议记录全文：讨论了发展对象的培养情况……"],
        [day, "支委会", "研究党费收缴", "张三", "李四", None, None, None, None],
    ])
    assert svc.import_meetings(db, roll, first, today=TODAY).counts["new"] == 2
    again = meetings_ledger(workdir / "台账（二）.xlsx", [
        [day, "支委会", "研究发展对象", None, None, None, None, None, "见纸质记录"],
    ])
    report = svc.import_meetings(db, roll, again, today=TODAY)
    assert report.counts == {"new": 0, "update": 0, "same": 1}
    assert "备注“见纸质记录”未替换已有的会议记录" in report.rows[0].notes
    rows = {r.title: r for r in svc.list_meetings(db, roll, year=2025)}
    assert set(rows) == {"研究发展对象", "研究党费收缴"}
    kept = svc.get_meeting(db, rows["研究发展对象"].id)
    assert (kept.host, kept.recorder) == ("张三", "李四") and kept.minutes.startswith("会议记录全文")


# ---------------------------------------------------------------- 6. full-width digits


def test_6_full_width_digits_are_one_person(db, branch, workdir):
    number = id_for(date(1988, 8, 8), True, seq=5)
    wide = number.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    for i, n in enumerate((number, wide, " " + number[:9] + "\u200b" + number[9:] + " ")):
        wb = Workbook()
        wb.active.append(["姓名", "公民身份号码", "入党日期", "转正日期"])
        wb.active.append(["陈\ufeff刚", n, "2010.7.1", "2011.7.1"])
        wb.save(workdir / f"名册{i}.xlsx")
        import_roster(db, branch.id, workdir / f"名册{i}.xlsx", today=TODAY)
    (only,) = list_members(db, branch.id)
    assert (only.name, only.id_number) == ("陈刚", number)


# ---------------------------------------------------------------- 7. which sheet


def _two_groups(path):
    wb = Workbook()
    for title, who in (("第一党小组", "甲"), ("第二党小组", "乙")):
        ws = wb.create_sheet(title)
        ws.append(["姓名", "公民身份号码", "入党日期", "转正日期"])
        ws.append([who, id_for(date(1980, 1, 1), who == "甲", seq=9), "2001.7.1", "2002.7.1"])
    del wb["Sheet"]
    wb.save(path)
    return path


def test_7_several_visible_sheets_are_named_and_the_person_chooses(db, branch, workdir, capsys):
    path = _two_groups(workdir / "两个党小组.xlsx")
    with pytest.raises(SheetChoice) as err:
        import_roster(db, branch.id, path, today=TODAY)
    assert err.value.sheets == ["第一党小组", "第二党小组"] and "--sheet" in err.value.message
    dbfile = str(db.path)
    db.close()
    assert main(["--db", dbfile, "members", "import", str(path)]) == 1
    assert "“第一党小组”、“第二党小组”" in capsys.readouterr().err
    assert main(["--db", dbfile, "members", "import", str(path), "--sheet", "第二党小组"]) == 0
    out = capsys.readouterr().out
    assert "工作表“第二党小组”" in out and "新增 1 人" in out


def test_7_a_hidden_sheet_is_never_read_even_by_name(workdir):
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表请勿修改"])
    hidden = wb.create_sheet("名单")
    hidden.sheet_state = "hidden"
    hidden.append(["姓名", "公民身份号码"])
    hidden.append(["甲", id_for(date(1980, 1, 1), True)])
    path = workdir / "隐藏.xlsx"
    wb.save(path)
    cols = {"name": ("姓名",), "id_number": ("公民身份号码",)}
    with pytest.raises(ValidationError, match="隐藏的工作表“名单”不会读取"):
        read_table(path, cols, required=["name"])
    with pytest.raises(ValidationError, match="是隐藏的，不会读取"):
        read_table(path, cols, required=["name"], sheet="名单")


# ---------------------------------------------------------------- 8. zip bombs


def _patched(src, path, part, old, new):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                assert old in data
                data = data.replace(old, new, 1)
            zout.writestr(item, data)
    return path


def test_8_a_workbook_claiming_too_much_is_refused_at_once(workdir, monkeypatch):
    from dangjian_desktop.io import table_reader

    wb = Workbook()
    wb.active.append(["姓名", "公民身份号码"])
    wb.active.append(["甲", "x"])
    src = workdir / "小.xlsx"
    wb.save(src)
    cols = {"name": ("姓名",)}
    strings = workdir / "字串.xlsx"  # 200 million shared strings announced by the part's header
    shutil.copy(src, strings)
    with zipfile.ZipFile(strings, "a") as z:
        z.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                           'count="200000000" uniqueCount="200000000"><si><t>a</t></si></sst>')
    cells = _patched(src, workdir / "格子.xlsx", "xl/worksheets/sheet1.xml", b'<dimension ref="A1:B2"',
                     b'<dimension ref="A1:Z1000000"')
    for path, why in ((strings, "不同的文字"), (cells, "个单元格")):
        start = time.monotonic()
        with pytest.raises(ValidationError, match=why):
            read_table(path, cols)
        assert time.monotonic() - start < 10
    # the limit on unpacked XML, shown at a 20th of its size (500 MB would take the test a minute to write)
    monkeypatch.setattr(table_reader, "MAX_UNPACKED_XML", 25 * 2**20)
    big = workdir / "解压很大.xlsx"  # 32 MB of XML in 32 kB
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("xl/padding.xml", b" " * (32 << 20))
    with pytest.raises(ValidationError, match="解压后超过 25 MB"):
        read_table(big, cols)


# ---------------------------------------------------------------- 9, 10. dates and cells that hold no value


@pytest.mark.parametrize("value, why", [
    (2021.1, "既可能是2021年1月，也可能是2021年10月"),
    (2001, "只有年份"),
    (2001.0, "只有年份"),
])
def test_9_what_reads_two_ways_is_refused(value, why):
    with pytest.raises(CellError, match=why):
        parse_date(value)


def test_9_a_date_with_its_midnight_and_a_month_typed_as_a_number_are_read():
    assert parse_date("2009-07-01 00:00:00") == date(2009, 7, 1)
    assert parse_date(2021.07) == date(2021, 7, 1)
    assert parse_date(2021.11) == date(2021, 11, 1)


def test_9_a_meeting_or_a_step_after_today_is_refused(db, roll, workdir):
    path = meetings_ledger(workdir / "台账.xlsx", [
        [datetime(2027, 1, 5), "支委会", "明年的会", "张三", "李四", None, None, None, None]])
    with pytest.raises(InputErrors) as err:
        svc.import_meetings(db, roll, path, today=TODAY)
    assert "在今天之后" in err.value.problems[0]


def _raw_cells(src, path, cells: dict[str, bytes]):
    """The workbook with some cells' XML replaced (what no spreadsheet program writes, but files hold)."""
    import re

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, xml in cells.items():
                    data, n = re.subn(rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)', xml, data)
                    assert n == 1, ref
            zout.writestr(item, data)
    return path


def test_10_numbers_that_hold_no_number_are_refused_with_where(db, branch, workdir):
    wb = Workbook()
    wb.active.append(["姓名", "公民身份号码", "入党日期", "转正日期", "党费基数", "延长预备期", "联系电话"])
    wb.active.append(["x", id_for(date(1980, 1, 1), True, seq=1), "2001.7.1", "2002.7.1", 1, 0, 1])
    wb.active.append(["乙", id_for(date(1981, 1, 1), True, seq=2), "2001.7.1", "2002.7.1", 1, 1, 1])
    src = workdir / "源.xlsx"
    wb.save(src)
    path = _raw_cells(src, workdir / "坏数.xlsx", {
        "A2": b'<c r="A2"><v>1E999</v></c>', "E2": b'<c r="E2"><v>NaN</v></c>',
        "F3": b'<c r="F3"><v>inf</v></c>', "G3": b'<c r="G3"><v>-1E999</v></c>'})
    with pytest.raises(InputErrors) as err:
        import_roster(db, branch.id, path, today=TODAY)
    text = "\n".join(err.value.problems)
    for where in ("第2行，A列（姓名）", "第2行，E列（党费基数）", "第3行，F列（延长预备期）", "第3行，G列（联系电话）"):
        assert where in text
    assert "Traceback" not in text and "nan" not in text.lower()


# ---------------------------------------------------------------- 11. refuse first, back up only before writing


def test_11_a_refused_import_writes_no_backup(db, branch, workdir):
    wb = Workbook()
    wb.active.append(["姓名", "公民身份号码", "入党日期", "转正日期"])
    wb.active.append(["甲", "123", "2001.7.1", "2002.7.1"])
    wb.save(workdir / "坏.xlsx")
    before = len(list_backups(db))
    for run in (lambda p: import_roster(db, branch.id, p, today=TODAY),
                lambda p: dev.import_ledger(db, p, branch.id, today=TODAY),
                lambda p: svc.import_meetings(db, branch.id, p, today=TODAY)):
        with pytest.raises((InputErrors, ValidationError)):
            run(workdir / "坏.xlsx")
    assert len(list_backups(db)) == before
    import_roster(db, branch.id, office_roster(workdir / "好.xlsx"), today=TODAY)
    assert [b.reason for b in list_backups(db)][:1] == ["导入花名册前"]


def test_11_a_refused_demo_writes_no_database_file(workdir, capsys):
    target = workdir / "演示.db"
    assert main(["--db", str(target), "demo", "--members", "100000"]) == 1
    assert "6 到 5000" in capsys.readouterr().err
    assert not target.exists() and list(workdir.glob("演示*")) == []
