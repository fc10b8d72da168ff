"""组织关系转接 and 流动党员: a 转出 leaves the roll on its day and every roll before it stays as it was; a 转入 is
on the roll from its day only; one ID number, one person; the 回执 reminder at the branch's period, not a
day before; a 流动党员 attending elsewhere is not inactive, one attending nowhere is; the letter and the six tables."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import func, select

from dangjian_desktop.core import dues as dues_core
from dangjian_desktop.core.dates import add_months
from dangjian_desktop.core.glossary import MemberStatus, Severity, TransferDirection
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import settings
from dangjian_desktop.services import transfers as ts
from dangjian_desktop.services.branches import _full_members_on, create_branch
from dangjian_desktop.services.check import run_check
from dangjian_desktop.services.dues import month_sheet
from dangjian_desktop.services.exports import ExportRequest, run_export
from dangjian_desktop.services.member_exports import roster_on
from tests.roster_files import id_for
from tests.services.test_inactivity_reasons import FIRST, A, P, _branch, _inactive, _meeting
from tests.services.test_members import fields

TODAY = date(2026, 11, 23)
OUT_DAY = date(2026, 3, 15)


@pytest.fixture
def branch(db):
    return create_branch(db, "测试第一党支部", "中共测试街道工作委员会", groups=["第一党小组"])


@pytest.fixture
def two(db, branch):
    a = ms.create_member(db, branch.id, fields("张三", seq=1), today=TODAY)
    b = ms.create_member(db, branch.id, fields("李四", seq=2, male=False), today=TODAY)
    return a, b


def full_members_on(db, branch_id, day) -> int:
    """正式党员 on the roll on a day (what decides whether the branch has a 支委会)."""
    with db.session() as s:
        return _full_members_on(s, branch_id, day)


def _names(people) -> set[str]:
    return {p.name for p in people}


def test_a_transfer_out_leaves_the_roll_on_its_day_and_the_days_before_stay(db, branch, two):
    a, _b = two
    t = ts.transfer_out(db, a.id, "中共XX大学计算机学院第二党支部", OUT_DAY, reason="工作调动", letter_no="2026-015",
                        today=TODAY)
    assert t.direction is TransferDirection.OUT and t.receipt_on is None and t.valid_days == 30
    assert ms.get_member(db, a.id).status is MemberStatus.TRANSFERRED_OUT
    assert _names(ms.list_members(db, branch.id, on_roll_only=True)) == {"李四"}
    assert _names(roster_on(db, branch.id, OUT_DAY - timedelta(days=1))) == {"张三", "李四"}
    assert _names(roster_on(db, branch.id, OUT_DAY)) == {"李四"}
    assert full_members_on(db, branch.id, OUT_DAY - timedelta(days=1)) == 2
    assert full_members_on(db, branch.id, OUT_DAY) == 1
    last = ms.status_history(db, a.id)[-1]
    assert (last.status, last.changed_on, last.destination) == (MemberStatus.TRANSFERRED_OUT, OUT_DAY,
                                                                "中共XX大学计算机学院第二党支部")
    assert _names(ms.list_members(db, branch.id)) == {"张三", "李四"}  # kept under 历史
    with pytest.raises(ValidationError, match="已经不在名册上"):
        ts.transfer_out(db, a.id, "别处", TODAY, today=TODAY)


def test_a_transfer_out_refuses_what_cannot_be(db, branch, two):
    a, _b = two
    for to, on, why in (("", OUT_DAY, "请填写转往的党组织"), ("别处", TODAY + timedelta(days=1), "不能晚于今天"),
                        ("别处", date(2005, 6, 30), "早于张三的入党日期")):
        with pytest.raises(ValidationError, match=why):
            ts.transfer_out(db, a.id, to, on, today=TODAY)
    with pytest.raises(ValidationError, match="有效期"):
        ts.transfer_out(db, a.id, "别处", OUT_DAY, valid_days=91, today=TODAY)
    assert ms.get_member(db, a.id).on_roll
    with db.session() as s:
        assert s.scalar(select(func.count(m.Transfer.id))) == 0


def test_leaving_the_roll_as_a_transfer_keeps_a_transfer_record_too(db, branch, two):
    a, _b = two
    ms.leave_roll(db, a.id, MemberStatus.TRANSFERRED_OUT, OUT_DAY, destination="XX街道第二党支部", today=TODAY)
    [t] = ts.list_transfers(db, branch.id, TransferDirection.OUT)
    assert (t.name, t.moved_on, t.other_org) == ("张三", OUT_DAY, "XX街道第二党支部")


def test_a_transfer_in_is_on_the_roll_from_its_day_only(db, branch, two):
    arrive = date(2026, 9, 10)
    number = id_for(date(1990, 3, 7), True, 5)
    new = ts.transfer_in(db, branch.id, name="王五", id_number=number, from_org="中共XX街道第三党支部", on=arrive,
                         letter_no="0042", joined_on=date(2012, 6, 1), full_member_on=date(2013, 6, 1), today=TODAY)
    assert new.on_roll and new.status is MemberStatus.FULL and new.birth_date == date(1990, 3, 7)
    assert "王五" not in _names(roster_on(db, branch.id, arrive - timedelta(days=1)))
    assert "王五" in _names(roster_on(db, branch.id, arrive))
    assert full_members_on(db, branch.id, arrive - timedelta(days=1)) == 2
    assert full_members_on(db, branch.id, arrive) == 3
    [t] = ts.list_transfers(db, branch.id, TransferDirection.IN)
    assert (t.name, t.other_org, t.letter_no, t.moved_on) == ("王五", "中共XX街道第三党支部", "0042", arrive)
    # 党费: from the month of arrival, not from 2012
    aug = {d.member for d in month_sheet(db, branch.id, dues_core.month_no(2026, 8), today=TODAY)}
    sep = {d.member for d in month_sheet(db, branch.id, dues_core.month_no(2026, 9), today=TODAY)}
    assert "王五" not in aug and "王五" in sep


def test_a_transfer_in_refuses_an_id_number_already_on_file_and_writes_nothing(db, branch, two):
    a, _b = two
    with db.session() as s:
        before = s.scalar(select(func.count(m.Member.id)))
    with pytest.raises(ValidationError) as refused:
        ts.transfer_in(db, branch.id, name="张三", id_number=a.id_number, from_org="别处", on=OUT_DAY, today=TODAY)
    assert "已经登记给 张三（测试第一党支部），同一个人不能登记两次" in str(refused.value)
    with pytest.raises(ValidationError, match="校验"):
        ts.transfer_in(db, branch.id, name="赵六", id_number=a.id_number[:17] + ("0" if a.id_number[17] != "0" else "1"),
                       from_org="别处", on=OUT_DAY, today=TODAY)
    with pytest.raises(ValidationError, match="转出的党组织"):
        ts.transfer_in(db, branch.id, name="赵六", id_number=id_for(date(1991, 1, 1), True, 9), from_org=" ",
                       on=OUT_DAY, today=TODAY)
    with db.session() as s:
        assert s.scalar(select(func.count(m.Member.id))) == before
        assert s.scalar(select(func.count(m.Transfer.id))) == 0


def test_a_transfer_in_without_the_dates_leaves_them_unknown(db, branch):
    new = ts.transfer_in(db, branch.id, name="王五", id_number=id_for(date(1990, 3, 7), True, 5),
                         from_org="中共XX街道第三党支部", on=OUT_DAY, status=MemberStatus.PROBATIONARY, today=TODAY)
    assert new.joined_on is None and new.full_member_on is None and new.status is MemberStatus.PROBATIONARY


def _receipts(db, as_of):
    return [f for f in run_check(db, None, as_of) if f.rule == "TRANSFER-RECEIPT-3M"]


def test_the_receipt_reminder_at_the_branchs_period_and_not_a_day_before(db, branch, two):
    a, _b = two
    t = ts.transfer_out(db, a.id, "中共XX大学计算机学院第二党支部", OUT_DAY, letter_no="2026-015", today=TODAY)
    ends = add_months(OUT_DAY, 3)
    assert _receipts(db, ends - timedelta(days=1)) == []
    [f] = _receipts(db, ends)
    assert f.severity is Severity.OVERDUE and f.subject == "张三" and f.date == ends
    assert "2026-015" in f.message and "《中国共产党党员教育管理工作条例》" in f.message and "TRANSFER" not in f.message
    assert f.ref == ("transfer", t.id)
    # the branch sets its period (设置 → 本地规则)
    settings.set_local_rule_params(db, {("TRANSFER-RECEIPT-3M", "months"): 1})
    assert _receipts(db, add_months(OUT_DAY, 1) - timedelta(days=1)) == []
    assert len(_receipts(db, add_months(OUT_DAY, 1))) == 1
    settings.set_local_rule_params(db, {("TRANSFER-RECEIPT-3M", "months"): 3})
    # the 回执 came back: no reminder from that day; a check as of a day before it still reminds
    with pytest.raises(ValidationError, match="早于转出日期"):
        ts.record_receipt(db, t.id, OUT_DAY - timedelta(days=1), today=TODAY)
    back = ends + timedelta(days=10)
    ts.record_receipt(db, t.id, back, version=t.version, today=TODAY)
    assert _receipts(db, back) == []
    assert len(_receipts(db, back - timedelta(days=1))) == 1


def test_a_floating_member_attending_elsewhere_is_not_inactive(db):
    branch_id, ids = _branch(db, ["甲", "乙", "丙", "丁"], floating=["丁"])
    _meeting(db, branch_id, FIRST, {i: (P, "") for i in ids.values()})
    for k in range(1, 9):
        _meeting(db, branch_id, add_months(FIRST, k), {ids["甲"]: (P, ""), ids["乙"]: (A, ""),
                                                       ids["丙"]: (A, ""), ids["丁"]: (A, "")})
    as_of = add_months(FIRST, 8)
    # 丁 is marked 流动 with nothing recorded: asked about (资料待补), not judged
    assert _inactive(db, as_of)["丁"].severity is Severity.INFO and "资料待补" in _inactive(db, as_of)["丁"].message
    today = as_of
    with pytest.raises(ValidationError, match="哪个党组织"):
        ts.save_floating(db, ids["丁"], since=FIRST, place="广东省深圳市", attends_elsewhere=True, today=today)
    ts.save_floating(db, ids["丁"], since=FIRST, place="广东省深圳市", attends_elsewhere=True,
                     host_org="中共深圳市南山区粤海街道流动党员党支部", today=today)
    ts.save_floating(db, ids["乙"], since=add_months(FIRST, 1), place="浙江省杭州市", contact="13900000000",
                     attends_elsewhere=False, today=today)
    found = _inactive(db, as_of)
    assert "丁" not in found  # attends with another 党组织: not inactive (domain.md)
    assert found["乙"].severity is Severity.OVERDUE and "流动党员" in found["乙"].message
    assert found["丙"].severity is Severity.OVERDUE and "无正当理由" in found["丙"].message
    assert ms.get_member(db, ids["乙"]).is_floating
    with pytest.raises(ValidationError, match="已登记为流动党员"):
        ts.save_floating(db, ids["乙"], since=FIRST, place="别处", today=today)
    # 乙 came back: the mark goes, and from then on 乙 is judged like anyone else
    [record] = [f for f in ts.list_floating(db, branch_id) if f.name == "乙"]
    ts.end_floating(db, record.id, add_months(FIRST, 7), today=today)
    assert not ms.get_member(db, ids["乙"]).is_floating
    assert "无正当理由" in _inactive(db, as_of)["乙"].message
    # 丁 transferred out: the 流动党员 record closes with the roll
    ts.transfer_out(db, ids["丁"], "中共深圳市南山区粤海街道流动党员党支部", as_of, today=today)
    assert all(f.until == as_of for f in ts.list_floating(db, branch_id) if f.name == "丁")
    assert not ms.get_member(db, ids["丁"]).is_floating


def test_community_reports(db, branch):
    r = ts.add_report(db, branch.id, person_name="李建华", work_unit="区财政局", reported_on=date(2026, 5, 4),
                      service="助老服务", phone="13912345678", today=TODAY)
    assert [x.person_name for x in ts.list_reports(db, branch.id, 2026)] == ["李建华"]
    assert ts.list_reports(db, branch.id, 2025) == []
    with pytest.raises(ValidationError, match="不能晚于今天"):
        ts.add_report(db, branch.id, person_name="王晓燕", work_unit="区法院", reported_on=TODAY + timedelta(days=1),
                      today=TODAY)
    ts.delete_report(db, r.id)
    assert ts.list_reports(db, branch.id) == []


def _text(path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_the_letter_has_its_stub_the_letter_and_the_receipt(db, branch, two, workdir):
    a, _b = two
    with pytest.raises(ValidationError, match="没有转出记录"):
        run_export(db, "transfer-letter", ExportRequest(branch.id, workdir / "信.docx", record_id=a.id))
    ts.transfer_out(db, a.id, "中共XX大学计算机学院第二党支部", OUT_DAY, letter_no="2026-015", valid_days=30,
                    paid_to=date(2026, 2, 1), today=TODAY)
    path = run_export(db, "transfer-letter", ExportRequest(branch.id, workdir / "介绍信.docx", record_id=a.id))
    text = _text(path)
    for expected in ("中国共产党党员组织关系介绍信（存根）", "中国共产党党员组织关系介绍信回执", "第 2026-015 号",
                     "张三同志系中共正式党员，组织关系由测试第一党支部转到中共XX大学计算机学院第二党支部。",
                     "（有效期叁拾天）", "党费已交到贰零贰陆年贰月", "（男），45岁", a.id_number,
                     "中共测试街道工作委员会：", "已转达我处，特此回复"):
        assert expected in text, expected
    assert text.count("第 2026-015 号") == 3


def test_the_six_tables_of_the_year(db, branch, two, workdir):
    a, _b = two
    ts.transfer_out(db, a.id, "中共XX大学计算机学院第二党支部", OUT_DAY, reason="工作调动", today=TODAY)
    ts.transfer_in(db, branch.id, name="王五", id_number=id_for(date(1990, 3, 7), True, 5), from_org="中共XX街道第三党支部",
                   on=date(2026, 9, 10), letter_no="0042", today=TODAY)
    path = run_export(db, "member-tables", ExportRequest(branch.id, workdir / "六张表.xlsx", year=2026))
    wb = load_workbook(path)
    assert wb.sheetnames == ["申请人登记", "党员登记", "年度新发展", "年度转正", "转入", "转出"]

    def names(sheet):
        return [r[1] for r in wb[sheet].iter_rows(min_row=4, values_only=True)]

    assert set(names("党员登记")) == {"李四", "王五"}  # the roll on the year's last day (today while it runs)
    assert names("转入") == ["王五"] and names("转出") == ["张三"]
    assert names("申请人登记") == ["本年度没有"]
    out_row = next(wb["转出"].iter_rows(min_row=4, values_only=True))
    assert out_row[5] == "中共XX大学计算机学院第二党支部" and out_row[-1] == "未收到"
    with pytest.raises(ValidationError, match="年份"):
        run_export(db, "member-tables", ExportRequest(branch.id, workdir / "表.xlsx"))
    old = load_workbook(run_export(db, "member-tables", ExportRequest(branch.id, workdir / "2025.xlsx", year=2025)))
    assert {r[1] for r in old["党员登记"].iter_rows(min_row=4, values_only=True)} == {"张三", "李四"}
