"""政治生日 messages: the periods, the branch's wording with its placeholders, and the .csv SMS platforms import
(UTF-8 with BOM, quoting, members without a phone named)."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from dangjian_desktop.core import birthday_messages as core
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.reports.birthday_messages import write_birthday_messages
from dangjian_desktop.services import birthday_messages as bm
from dangjian_desktop.services import members as ms
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.exports import ExportRequest, run_export
from tests.roster_files import id_for

TODAY = date(2026, 11, 23)


def test_the_periods_of_the_chooser():
    assert core.period(core.THIS_MONTH, TODAY) == core.Period(date(2026, 11, 1), date(2026, 11, 30), "2026年11月")
    assert core.period(core.NEXT_MONTH, TODAY) == core.Period(date(2026, 12, 1), date(2026, 12, 31), "2026年12月")
    assert core.period(core.NEXT_MONTH, date(2026, 12, 31)).label == "2027年1月"
    assert core.period(core.JULY_FIRST, TODAY, 2027) == core.Period(date(2027, 6, 1), date(2027, 7, 31), "2027年6月至7月")
    assert core.period(core.WHOLE_YEAR, TODAY) == core.Period(date(2026, 1, 1), date(2026, 12, 31), "2026年")


def test_the_wording_is_checked_and_rendered():
    assert core.template_problem(core.DEFAULT_TEMPLATE) is None
    assert "不能为空" in core.template_problem("  ")
    assert "{名字}" in core.template_problem("{名字}同志：生日快乐")
    assert "配对" in core.template_problem("{姓名同志")
    fields = core.MessageFields("张三", date(2001, 7, 1), date(2026, 7, 1), 25, 24, "幸福社区第一党支部")
    assert core.render("{姓名}，{入党日期}入党，{政治生日}满{入党年数}年，党龄{党龄}年。——{支部}", fields) == \
        "张三，2001年7月1日入党，2026年7月1日满25年，党龄24年。——幸福社区第一党支部"


@pytest.fixture
def branch(db):
    b = create_branch(db, "测试第一党支部")
    people = [("张三", date(2001, 7, 1), "13800000001"), ("李四", date(1990, 7, 20), ""),
              ("王五", date(2010, 11, 5), "13800000003"), ("赵六", date(2015, 3, 8), "13800000004")]
    for seq, (name, joined, phone) in enumerate(people, start=1):
        ms.create_member(db, b.id, MemberFields(name=name, id_number=id_for(date(1970, 1, 1), True, seq),
                                                joined_on=joined, full_member_on=date(joined.year + 1, joined.month,
                                                                                      joined.day), phone=phone),
                         today=TODAY)
    return b.id


def test_a_period_gives_one_message_per_person_in_the_saved_wording(db, branch):
    july = bm.batch(db, branch, core.period(core.JULY_FIRST, TODAY))
    assert [(m.name, m.day, m.phone) for m in july.messages] == [("张三", date(2026, 7, 1), "13800000001"),
                                                                ("李四", date(2026, 7, 20), "")]
    assert july.without_phone == ["李四"] and july.messages[0].text.startswith("张三同志：2026年7月1日是您入党25周年")
    assert bm.template(db, branch) == core.DEFAULT_TEMPLATE
    assert bm.save_template(db, branch, "{姓名}同志：祝政治生日快乐！党龄{党龄}年。") != core.DEFAULT_TEMPLATE
    assert [m.text for m in bm.batch(db, branch, core.period(core.THIS_MONTH, TODAY)).messages] == \
        ["王五同志：祝政治生日快乐！党龄15年。"]
    with pytest.raises(ValidationError, match="不是可以替换的内容"):
        bm.save_template(db, branch, "{名字}同志")
    assert bm.template(db, branch) == "{姓名}同志：祝政治生日快乐！党龄{党龄}年。"  # the refused one was not kept
    bm.save_template(db, branch, "")  # an empty box: back to the default
    assert bm.template(db, branch) == core.DEFAULT_TEMPLATE
    assert len(bm.batch(db, branch, core.period(core.WHOLE_YEAR, TODAY)).messages) == 4


def _read_csv(path):
    raw = path.read_bytes()
    return raw, list(csv.reader(raw.decode("utf-8-sig").splitlines(keepends=True)))


def test_the_csv_has_a_bom_quotes_commas_and_line_breaks_and_keeps_who_has_no_phone(workdir):
    out = write_birthday_messages(workdir / "短信.csv", [
        ("李四", "", "李四同志：生日快乐"),
        ("张三", "13800000001", '张三同志，您好！\n"不忘初心"，牢记使命。'),
        ("=HYPERLINK(1)", "13800000002", "你好"),
    ])
    raw, rows = _read_csv(out)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["姓名", "手机号", "短信内容"]
    assert rows[1] == ["张三", "13800000001", '张三同志，您好！\n"不忘初心"，牢记使命。']  # one field, as written
    assert rows[2] == ["'=HYPERLINK(1)", "13800000002", "你好"]  # never a formula in Excel or WPS
    assert rows[3] == ["李四", "", "李四同志：生日快乐"]  # named, phone empty, after those who can be sent to
    assert len(rows) == 4


def test_the_export_kind_takes_a_year_or_a_day_and_names_who_has_no_phone(db, branch, workdir):
    request = ExportRequest(branch, workdir / "七月.csv", as_of=date(2026, 7, 15))
    run_export(db, "birthday-messages", request)
    with open(request.out, encoding="utf-8-sig", newline="") as fh:
        assert [r[0] for r in csv.reader(fh)] == ["姓名", "张三", "李四"]
    assert request.notes[-1].startswith("1 人没有手机号（李四）")
    year = ExportRequest(branch, workdir / "全年.csv", year=2026, mask=True)
    run_export(db, "birthday-messages", year)
    with open(year.out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [r[0] for r in rows[1:]] == ["赵六", "张三", "王五", "李四"] and rows[1][1] == "138****0004"
    with pytest.raises(ValidationError, match="只能给一个"):
        run_export(db, "birthday-messages", ExportRequest(branch, workdir / "x.csv", year=2026, as_of=TODAY))
    with pytest.raises(ValidationError, match=r"\.csv"):
        run_export(db, "birthday-messages", ExportRequest(branch, workdir / "x.xlsx", year=2026))

