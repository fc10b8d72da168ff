"""Importing the 花名册 secretaries really have: each messy variant, refusals, all-or-nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook

from dangjian_desktop.core.glossary import Gender, MemberStatus
from dangjian_desktop.errors import InputErrors, ValidationError
from dangjian_desktop.services.branches import create_branch, group_names
from dangjian_desktop.services.members import import_roster, list_members, preview_roster_import
from tests.roster_files import PEOPLE, id_for, messy_roster

TODAY = date(2026, 11, 23)


@pytest.fixture
def branch(db):
    return create_branch(db, "测试第一党支部", groups=["第一党小组"])


def by_name(db, branch_id):
    return {m.name: m for m in list_members(db, branch_id)}


def test_title_rows_merged_header_variants_and_every_date_form(db, branch, workdir):
    path = messy_roster(workdir / "花名册.xlsx")
    preview = import_roster(db, branch.id, path, today=TODAY)
    assert preview.counts == {"new": 5, "update": 0, "same": 0}
    assert set(preview.ignored_columns) == {"序号", "爱好"}
    people = by_name(db, branch.id)
    assert people["张三"].joined_on == date(1995, 7, 1)  # an Excel date
    assert people["张三"].full_member_on == date(1996, 7, 1)  # "1996.07.01"
    assert people["李四"].joined_on == date(2001, 7, 1)  # "2001.7"
    assert people["李四"].full_member_on == date(2002, 7, 1)  # "2002年7月1日"
    assert people["王五"].full_member_on == date(2011, 7, 1)  # the number 20110701
    assert people["赵敏"].joined_on == date(2015, 6, 30)  # text "20150630"
    assert people["欧阳明"].joined_on == date(1999, 7, 1)  # an Excel serial number
    # 出生年月 "1970.03" takes the day from the ID number; sex and group as written
    assert people["张三"].birth_date == date(1970, 3, 5)
    assert people["李四"].gender is Gender.FEMALE
    assert people["王五"].group == "第二党小组"
    assert all(m.status is MemberStatus.FULL for m in people.values())


def test_missing_groups_are_created_and_named_in_the_preview(db, branch, workdir):
    path = messy_roster(workdir / "花名册.xlsx")
    preview = preview_roster_import(db, branch.id, path, today=TODAY)
    assert preview.new_groups == ["第二党小组", "第三党小组"]
    assert [n for _, n in group_names(db, branch.id)] == ["第一党小组"]  # a preview writes nothing
    import_roster(db, branch.id, path, today=TODAY)
    assert [n for _, n in group_names(db, branch.id)] == ["第一党小组", "第二党小组", "第三党小组"]


def test_id_number_mangled_by_excel_refuses_the_file_and_nothing_is_written(db, branch, workdir):
    path = messy_roster(workdir / "花名册.xlsx", mangle_row=2)
    with pytest.raises(InputErrors) as err:
        import_roster(db, branch.id, path, today=TODAY)
    # the refusal, then the columns that would not have been imported (issue 17: never dropped in silence)
    assert len(err.value.problems) == 3 and "J列“爱好”：未导入（没有对应的项目）" in err.value.problems[2]
    line = err.value.problems[0]
    assert "花名册.xlsx" in line and "第6行" in line and "E列（公民身份号码）" in line and "数字" in line
    assert list_members(db, branch.id) == []
    preview = preview_roster_import(db, branch.id, path, today=TODAY)
    assert len(preview.rows) == 4 and len(preview.refused) == 1  # the preview shows both lists


def test_reimport_changes_nothing_and_corrected_file_updates_by_id_number(db, branch, workdir):
    path = messy_roster(workdir / "花名册.xlsx")
    import_roster(db, branch.id, path, today=TODAY)
    before = {m.id: m.version for m in list_members(db, branch.id)}
    again = import_roster(db, branch.id, path, today=TODAY)
    assert again.counts == {"new": 0, "update": 0, "same": 5}
    assert {m.id: m.version for m in list_members(db, branch.id)} == before
    # the corrected file: 李四 moves group and her name was mistyped
    people = list(PEOPLE)
    people[1] = ("李丝", "女", date(1980, 11, 20), "2001.7", "2002年7月1日", "第二党小组")
    fixed = messy_roster(workdir / "花名册（改）.xlsx", people)
    result = import_roster(db, branch.id, fixed, today=TODAY)
    assert result.counts == {"new": 0, "update": 1, "same": 4}
    assert set(result.rows[1].changes) == {"姓名", "所在党小组"}
    members = by_name(db, branch.id)
    assert "李四" not in members and members["李丝"].group == "第二党小组"
    assert len(members) == 5


def test_row_errors_name_file_sheet_row_column(db, branch, workdir):
    extra = [
        ("钱七", "男", date(1990, 1, 1), "2030.7.1", None, "第一党小组"),  # joined in the future
        ("孙八", "女", date(2000, 1, 1), "2015.7.1", None, "第一党小组"),  # before 18
        ("周九", "男", date(1985, 1, 1), "2020年13月1日", None, "第一党小组"),  # no such date
    ]
    path = messy_roster(workdir / "名册.xlsx", extra_rows=extra)
    with pytest.raises(InputErrors) as err:
        import_roster(db, branch.id, path, today=TODAY)
    problems = [p for p in err.value.problems if "未导入（" not in p]  # less the two columns not imported
    assert len(problems) == 5  # and the two rows that were read say neither 转正日期 nor status is given
    assert sum("没有转正日期，也没有写明" in p for p in problems) == 2
    assert any("第10行" in p and "F列（入党日期）" in p and "晚于今天" in p for p in problems)
    assert any("第11行" in p and "18" in p for p in problems)
    assert any("第12行" in p and "不是存在的日期" in p for p in problems)
    assert list_members(db, branch.id) == []


def test_duplicate_id_in_file_and_wrong_sex_are_refused(db, branch, workdir):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "身份证号", "入党时间", "党员状态"])
    number = id_for(date(1980, 1, 1), True)
    ws.append(["甲", "女", number, "2005-07-01", "正式党员"])
    ws.append(["乙", "男", number, "2005-07-01", "正式"])
    path = workdir / "重复.xlsx"
    wb.save(path)
    preview = preview_roster_import(db, branch.id, path, today=TODAY)
    text = "\n".join(preview.refused)
    assert "与第2行重复" in text and "第3行" in text
    assert "第2行，B列（性别）" in text


def test_probationary_status_and_missing_full_date(db, branch, workdir):
    """转正 is a decision: an import never invents a 转正日期, nor makes anyone 正式党员 from a date alone."""
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "公民身份号码", "入党日期", "党员状态"])
    ws.append(["新人", id_for(date(2000, 2, 2), False), datetime(2026, 3, 1), "预备党员"])
    ws.append(["老人", id_for(date(1950, 2, 2), True), "1975.7.1", "正式党员"])
    path = workdir / "状态.xlsx"
    wb.save(path)
    # issue 17, defect 2: a 正式党员 without a 转正日期 is refused, never given an invented one
    with pytest.raises(InputErrors) as err:
        import_roster(db, branch.id, path, today=TODAY)
    assert len(err.value.problems) == 1  # a file whose every column is imported
    assert "第3行" in err.value.problems[0] and "正式党员请填写转正日期（按期转正为1976年7月1日）" in err.value.problems[0]
    assert by_name(db, branch.id) == {}
    ws.delete_rows(3)
    wb.save(path)
    import_roster(db, branch.id, path, today=TODAY)
    people = by_name(db, branch.id)
    assert people["新人"].status is MemberStatus.PROBATIONARY and people["新人"].full_member_on is None


def test_not_a_roster_and_missing_required_column(db, branch, workdir):
    wb = Workbook()
    wb.active.append(["姓名", "入党日期"])
    wb.active.append(["张三", "2001.7.1"])
    path = workdir / "缺列.xlsx"
    wb.save(path)
    with pytest.raises(ValidationError, match="缺少.*公民身份号码"):
        import_roster(db, branch.id, path, today=TODAY)
    bad = workdir / "坏.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(ValidationError, match="不是有效的表格文件"):
        import_roster(db, branch.id, bad, today=TODAY)


def test_a_person_of_another_branch_is_refused(db, branch, workdir):
    other = create_branch(db, "另一个党支部")
    path = messy_roster(workdir / "花名册.xlsx")
    import_roster(db, other.id, path, today=TODAY)
    with pytest.raises(InputErrors) as err:
        import_roster(db, branch.id, path, today=TODAY)
    assert len(err.value.problems) == 5 + 2 and "另一个党支部" in err.value.problems[0]  # + 序号, 爱好 not imported


def test_new_people_written_in_batches_all_or_nothing(db, branch, workdir, monkeypatch):
    """New people go in as batches of rows in the import's one transaction: a failure after some
    batches were written leaves nothing behind, not even the new 党小组."""
    from dangjian_desktop.services import members

    path = messy_roster(workdir / "花名册.xlsx")
    monkeypatch.setattr(members, "_INSERT_BATCH", 2)
    real, calls = members._column_values, []

    def failing_fifth(f, *args):
        calls.append(f.name)
        if len(calls) == 5:
            raise RuntimeError("磁盘已满")
        return real(f, *args)

    monkeypatch.setattr(members, "_column_values", failing_fifth)
    with pytest.raises(RuntimeError):
        import_roster(db, branch.id, path, today=TODAY)
    assert list_members(db, branch.id) == []
    assert [n for _, n in group_names(db, branch.id)] == ["第一党小组"]
    monkeypatch.setattr(members, "_column_values", real)
    preview = import_roster(db, branch.id, path, today=TODAY)
    people = by_name(db, branch.id)
    assert preview.counts["new"] == 5 == len(people)
    assert all(m.version == 1 and m.status_since == m.full_member_on for m in people.values())
    assert people["欧阳明"].name_pinyin == "ouyangming" and people["欧阳明"].name_initials == "oym"
    assert people["张三"].id_number == id_for(date(1970, 3, 5), True, seq=1)


def test_our_own_roster_reads_back_人员类别_as_the_status_and_工作岗位_as_the_category(demo_db, workdir):
    """The roster names its columns as the 全国党员管理信息系统 does; importing it elsewhere gives the same
    status, job category, address and 流动/失联 (a column's values decide, not only its header)."""
    from dangjian_desktop.services.exports import ExportRequest, run_export

    out = run_export(demo_db, "roster", ExportRequest(1, workdir / "花名册.xlsx"))
    before = {m.id_number: m for m in list_members(demo_db, 1, on_roll_only=True)}
    from dangjian_desktop.io.roster_import import read_roster

    parsed = read_roster(out, today=TODAY)
    assert len(parsed.rows) + len(parsed.refused) == len(before)  # the demo has one mistyped ID number
    for row in parsed.rows:
        f = row.fields
        m = before[f.id_number]
        assert (f.status, f.category, f.address) == (m.status, m.category, m.address)
        assert (f.is_floating, f.is_lost_contact) == (m.is_floating, m.is_lost_contact)
    assert "人员类别" not in parsed.ignored_columns and "工作岗位" not in parsed.ignored_columns


def test_a_人员类别_column_of_job_categories_stays_the_category(workdir):
    from dangjian_desktop.io.roster_import import read_roster

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "公民身份号码", "入党日期", "人员类别"])
    ws.append(["张三", id_for(date(1970, 1, 2), True), "2000-07-01", "离退休人员"])
    wb.save(workdir / "名册.xlsx")
    (row,) = read_roster(workdir / "名册.xlsx", today=TODAY).rows
    assert row.fields.category == "离退休人员"
