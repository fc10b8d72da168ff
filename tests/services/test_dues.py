"""党费 use cases: 应缴 by the brackets, 实缴/补缴/预交/免缴, collecting a month in bulk, the base's history,
the year's ledger and summary, and the DUES-ARREARS-3M / MEMBER-INACTIVE-6M (党费) findings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from dangjian_desktop.core import dues as core
from dangjian_desktop.core.glossary import DuesBasis, DuesKind, MemberStatus, Severity
from dangjian_desktop.core.member_check import MemberFields
from dangjian_desktop.db.models import DuesPayment
from dangjian_desktop.errors import NotFound, ValidationError
from dangjian_desktop.services import dues as ds
from dangjian_desktop.services import members as ms
from dangjian_desktop.services import settings
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.check import run_check
from tests.roster_files import id_for

TODAY = date(2026, 11, 23)
NOV = core.month_no(2026, 11)
OCT, SEP, AUG = NOV - 1, NOV - 2, NOV - 3


def _member(db, branch_id, name, seq, *, base=None, category="", joined=date(2005, 7, 1), status=MemberStatus.FULL):
    f = MemberFields(name=name, id_number=id_for(date(1980, 5, 17), True, seq), joined_on=joined,
                     full_member_on=date(joined.year + 1, joined.month, joined.day) if status is MemberStatus.FULL
                     else None, status=status, category=category,
                     dues_base=Decimal(base) if base is not None else None)
    return ms.create_member(db, branch_id, f, today=TODAY).id


@pytest.fixture
def branch(db):
    b = create_branch(db, "测试第一党支部")
    ids = {
        "张三": _member(db, b.id, "张三", 1, base="4500"),                                  # 45.00
        "李四": _member(db, b.id, "李四", 2, base="6000", category="离退休人员"),              # 60.00
        "王五": _member(db, b.id, "王五", 3, base="3000", joined=date(2026, 5, 20),
                        status=MemberStatus.PROBATIONARY),                                   # 15.00 from May
        "赵六": _member(db, b.id, "赵六", 4, category="学生"),                                # 0.20
        "钱七": _member(db, b.id, "钱七", 5),                                                 # no base
    }
    return b.id, ids


def sheet(db, branch_id, month):
    return {d.member: d for d in ds.month_sheet(db, branch_id, month, today=TODAY)}


def test_the_month_shows_everyone_liable_with_their_due(db, branch):
    bid, _ = branch
    nov = sheet(db, bid, NOV)
    assert {k: v.due for k, v in nov.items()} == {
        "张三": Decimal("45.00"), "李四": Decimal("60.00"), "王五": Decimal("15.00"), "赵六": Decimal("0.20"),
        "钱七": None}
    assert nov["李四"].basis_text == "离退休费 6000.00 元 × 1% = 60.00 元"
    # a 预备党员 pays from the month of acceptance, not before
    assert "王五" in sheet(db, bid, core.month_no(2026, 5)) and "王五" not in sheet(db, bid, core.month_no(2026, 4))


def test_record_paid_defaults_to_the_due_and_refuses_a_second_time(db, branch):
    bid, ids = branch
    [d] = ds.record_payment(db, bid, "张三", NOV, paid_on=date(2026, 11, 10), today=TODAY)
    assert (d.paid, d.kind, d.paid_on) == (Decimal("45.00"), DuesKind.PAID, date(2026, 11, 10))
    with pytest.raises(ValidationError, match="已登记实缴 45.00 元.*请先撤销"):
        ds.record_payment(db, bid, ids["张三"], NOV, today=TODAY)
    assert ds.clear_month(db, ids["张三"], NOV)
    assert sheet(db, bid, NOV)["张三"].kind is None


def test_amount_given_member_by_id_number_and_partial_payment(db, branch):
    bid, _ = branch
    number = id_for(date(1980, 5, 17), True, 2)
    [d] = ds.record_payment(db, bid, number, NOV, amount="50", today=TODAY)
    assert (d.member, d.paid, d.due) == ("李四", Decimal("50.00"), Decimal("60.00"))
    assert d.status_text == "实缴（少 10.00 元）" and d.settled


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"amount": "abc"}, "不是金额"),
    ({"amount": "-5"}, "不能是负数"),
    ({"amount": "4.555"}, "最多到分"),
    ({"amount": "0"}, "免缴"),
    ({"kind": DuesKind.EXEMPT}, "批准"),
    ({"kind": DuesKind.MAKEUP}, "还没有过去"),
    ({"months": 3}, "只用于预交"),
    ({"kind": DuesKind.PREPAID, "months": 13}, "最多 12 个月"),
    ({"paid_on": date(2026, 11, 24)}, "在今天之后"),
])
def test_bad_input_is_refused_in_one_chinese_sentence_and_nothing_is_written(db, branch, kwargs, message):
    bid, _ = branch
    with pytest.raises(ValidationError, match=message):
        ds.record_payment(db, bid, "张三", NOV, today=TODAY, **kwargs)
    with db.session() as s:
        assert s.scalars(select(DuesPayment)).all() == []


def test_a_future_month_is_prepaid_not_paid_and_members_are_found_or_refused(db, branch):
    bid, _ = branch
    with pytest.raises(ValidationError, match="登记为预交"):
        ds.record_payment(db, bid, "张三", NOV + 1, today=TODAY)
    with pytest.raises(NotFound, match="没有姓名或身份证号为“孙八”"):
        ds.record_payment(db, bid, "孙八", NOV, today=TODAY)
    with pytest.raises(ValidationError, match="还没有党费基数"):
        ds.record_payment(db, bid, "钱七", NOV, today=TODAY)
    with pytest.raises(ValidationError, match="王五2026年4月不需交纳党费"):
        ds.record_payment(db, bid, "王五", core.month_no(2026, 4), today=TODAY)


def test_makeup_prepaid_and_exempt(db, branch):
    bid, _ = branch
    [m] = ds.record_payment(db, bid, "张三", SEP, kind=DuesKind.MAKEUP, note="外出务工", today=TODAY)
    assert m.kind is DuesKind.MAKEUP and m.paid == Decimal("45.00")
    ahead = ds.record_payment(db, bid, "李四", NOV, kind=DuesKind.PREPAID, months=6, today=TODAY)
    assert [core.month_code(d.month) for d in ahead] == ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03",
                                                         "2027-04"]
    assert sum(d.paid for d in ahead) == Decimal("360.00")
    [e] = ds.record_payment(db, bid, "赵六", NOV, kind=DuesKind.EXEMPT, note="街道党工委2026年11月20日批准", today=TODAY)
    assert (e.paid, e.status_text, e.note) == (Decimal("0.00"), "免缴", "街道党工委2026年11月20日批准")
    # dues list: months to the current one, plus the months prepaid ahead
    listed = [(d.member, core.month_code(d.month)) for d in ds.list_year(db, bid, 2026, today=TODAY)]
    assert ("李四", "2026-12") in listed and ("张三", "2026-12") not in listed
    assert [d.as_json()["paid_on"] for d in ds.list_year(db, bid, 2026, today=TODAY) if d.member == "张三"][0] is None


def test_collect_the_month_then_the_exceptions(db, branch):
    bid, ids = branch
    ds.record_payment(db, bid, "李四", NOV, amount="70", today=TODAY)  # already recorded: left as it is
    result = ds.collect(db, bid, [NOV], paid_on=date(2026, 11, 15), today=TODAY)
    assert (result.recorded, result.already, result.no_base) == (3, 1, ["钱七"])
    nov = sheet(db, bid, NOV)
    assert nov["李四"].paid == Decimal("70.00")
    assert nov["张三"].paid == Decimal("45.00") and nov["张三"].paid_on == date(2026, 11, 15)
    assert nov["钱七"].kind is None  # named, not guessed
    # the exception: 张三 did not pay after all
    ds.clear_month(db, ids["张三"], NOV)
    assert sheet(db, bid, NOV)["张三"].kind is None
    with pytest.raises(ValidationError, match="还没有到"):
        ds.collect(db, bid, [NOV + 1], today=TODAY)


def test_a_new_base_applies_from_its_month_and_earlier_months_keep_theirs(db, branch):
    bid, ids = branch
    history = ds.set_base(db, ids["张三"], SEP, DuesBasis.WAGE, "6000", note="调资", today=TODAY)
    # the roster's base until now is kept as the base of the months before
    assert [(h.effective_from, h.amount) for h in history] == [(date(2005, 7, 1), Decimal("4500.00")),
                                                              (date(2026, 9, 1), Decimal("6000.00"))]
    assert sheet(db, bid, AUG)["张三"].due == Decimal("45.00")
    assert sheet(db, bid, SEP)["张三"].due == Decimal("90.00")
    assert ms.get_member(db, ids["张三"]).dues_base == Decimal("6000.00")
    # retirement: the pension bands from then on
    ds.set_base(db, ids["张三"], NOV, DuesBasis.PENSION, "6000", today=TODAY)
    assert sheet(db, bid, NOV)["张三"].due == Decimal("60.00") and sheet(db, bid, OCT)["张三"].due == Decimal("90.00")
    # a fixed amount needs no base; a percentage does
    ds.set_base(db, ids["钱七"], NOV, DuesBasis.LOW_INCOME, today=TODAY)
    assert sheet(db, bid, NOV)["钱七"].due == Decimal("0.20")
    with pytest.raises(ValidationError, match="需要写明金额"):
        ds.set_base(db, ids["钱七"], NOV, DuesBasis.WAGE, today=TODAY)
    # a recorded month keeps the 应缴 it was recorded with
    ds.record_payment(db, bid, "李四", OCT, today=TODAY)
    ds.set_base(db, ids["李四"], OCT, DuesBasis.PENSION, "4000", today=TODAY)
    assert sheet(db, bid, OCT)["李四"].due == Decimal("60.00")


def test_local_rates_apply(db, branch):
    bid, _ = branch
    settings.set_local_rule_params(db, {("DUES-RATES", "wage_rate_2"): 12})
    assert sheet(db, bid, NOV)["张三"].due == Decimal("54.00")


def _pay(db, bid, who, months):
    for n in months:
        ds.record_payment(db, bid, who, n, paid_on=core.first_day(n), today=TODAY)


def dues_findings(db, as_of=TODAY):
    return {(f.rule, f.subject, f.severity) for f in run_check(db, None, as_of)
            if f.rule == "DUES-ARREARS-3M" or (f.rule == "MEMBER-INACTIVE-6M" and "党费" in f.message)}


def test_arrears_3_months_due_4_months_inactive_due_6_months_inactive_overdue(db, branch):
    bid, _ = branch
    jan = core.month_no(2026, 1)
    _pay(db, bid, "张三", range(jan, OCT + 1))       # paid to October: nothing
    _pay(db, bid, "李四", range(jan, AUG))           # July the last: Aug–Oct unpaid (3)
    _pay(db, bid, "赵六", range(jan, AUG - 1))        # Jul–Oct unpaid (4)
    found = dues_findings(db)
    assert ("DUES-ARREARS-3M", "李四", Severity.DUE) in found
    assert ("MEMBER-INACTIVE-6M", "赵六", Severity.DUE) in found
    assert not any(subject == "张三" for _r, subject, _s in found)
    # 王五 joined in May and paid nothing: counted from his acceptance, 6 months are over on 2026-11-01
    assert ("MEMBER-INACTIVE-6M", "王五", Severity.OVERDUE) in found
    # 钱七 has no base and paid nothing since January (the records start): overdue, 党费 named
    inactive = [f for f in run_check(db, None, TODAY) if f.subject == "钱七"]
    assert [f.severity for f in inactive] == [Severity.OVERDUE]
    assert "连续10个月未交纳党费（2026年1月至2026年10月）" in inactive[0].message
    # the day before a month is over, it does not count yet
    assert ("DUES-ARREARS-3M", "李四", Severity.DUE) not in dues_findings(db, date(2026, 10, 31))
    # 免缴 settles a month like a payment
    ds.record_payment(db, bid, "李四", AUG, kind=DuesKind.EXEMPT, note="批准", today=TODAY)
    assert not any(subject == "李四" for _r, subject, _s in dues_findings(db))


def test_no_findings_before_a_branch_records_any_dues(db, branch):
    assert dues_findings(db) == set()


def test_the_ledger_and_the_year_summary(db, branch):
    bid, ids = branch
    jan = core.month_no(2026, 1)
    _pay(db, bid, "张三", range(jan, NOV + 1))
    ds.record_payment(db, bid, "李四", NOV, kind=DuesKind.PREPAID, months=3, today=TODAY)
    ds.record_payment(db, bid, "赵六", OCT, kind=DuesKind.EXEMPT, note="批准", today=TODAY)
    ledger = ds.ledger(db, bid, 2026, today=TODAY)
    rows = {r.name: r for r in ledger.rows}
    assert rows["张三"].due_total == Decimal("495.00") == rows["张三"].paid_total  # 11 months × 45
    assert rows["王五"].months[3] is None and rows["王五"].months[4][0] == Decimal("15.00")  # liable from May
    assert rows["李四"].months[11] == (Decimal("60.00"), Decimal("60.00"), "预交")
    assert rows["李四"].unpaid_months == 10
    assert rows["赵六"].exempt_notes == "10月免缴：批准"
    assert ledger.paid_total == sum(r.paid_total for r in ledger.rows)
    summary = ds.year_summary(db, bid, 2026, today=TODAY)
    assert summary.members == 5
    assert summary.prepaid_total == Decimal("120.00")  # December 2026; January 2027 is next year's
    assert summary.exempt_months == 1
    assert ("李四", 10) in summary.in_arrears and all(name != "张三" for name, _ in summary.in_arrears)
    assert summary.as_dict()["paid_total"] == f"{summary.paid_total:.2f}"


def test_a_past_year_shows_the_state_on_its_last_day(db, branch):
    bid, _ = branch
    dec = core.month_no(2025, 12)
    ds.record_payment(db, bid, "张三", dec, kind=DuesKind.MAKEUP, paid_on=date(2026, 1, 10), today=TODAY)
    ds.record_payment(db, bid, "李四", dec, paid_on=date(2025, 12, 10), today=TODAY)
    rows = {r.name: r for r in ds.ledger(db, bid, 2025, today=TODAY).rows}
    assert rows["张三"].months[11] == (Decimal("45.00"), Decimal("0.00"), "")  # paid in 2026: not yet on 2025-12-31
    assert rows["李四"].months[11] == (Decimal("60.00"), Decimal("60.00"), "实缴")
    assert ds.ledger(db, bid, 2025, today=TODAY).as_of == date(2025, 12, 31)
    assert {r.name: r for r in ds.ledger(db, bid, 2026, today=TODAY).rows}["张三"].months[0][2] == ""
    # and `check` on a past day does not count a payment made after it
    jan = core.month_no(2026, 1)
    for n in range(jan, jan + 3):
        ds.record_payment(db, bid, "张三", n, kind=DuesKind.MAKEUP, paid_on=date(2026, 6, 1), today=TODAY)

    def zhang(as_of):
        return {(f.rule, f.severity) for f in run_check(db, None, as_of)
                if f.subject == "张三" and f.rule in ("DUES-ARREARS-3M", "MEMBER-INACTIVE-6M")}

    assert ("MEMBER-INACTIVE-6M", Severity.DUE) in zhang(date(2026, 5, 2))  # Jan–Apr unpaid on that day
    assert zhang(date(2026, 6, 2)) == set()  # Jan–Mar made up on 06-01: only April and May


def test_the_fast_insert_stores_what_the_plain_core_insert_stores(db, branch):
    """services.dues._insert_paid (SQLite's executemany, bench: dues-collect) against the plain Core insert:
    the same values in the same storage classes, read back the same."""
    from sqlalchemy import text

    bid, ids = branch
    rows = [(ids["张三"], 2026, 1, Decimal("4500.00"), Decimal("45.00"), date(2026, 1, 5)),
            (ids["赵六"], 2026, 1, None, Decimal("0.20"), date(2026, 1, 6)),
            (ids["李四"], 2026, 1, Decimal("6000.50"), Decimal("60.01"), date(2026, 1, 7))]
    raw = "SELECT member_id, year, month, base, typeof(base), due, typeof(due), paid, paid_on, kind, note " \
          "FROM dues_payments ORDER BY member_id"

    def written(insert_rows):
        with db.transaction() as s:
            s.execute(text("DELETE FROM dues_payments"))
            insert_rows(s, rows)
        with db.session() as s:
            return (s.execute(text(raw)).all(),
                    [d.as_json() for d in ds.month_sheet(db, bid, core.month_no(2026, 1), today=TODAY)])

    fast = written(ds._insert_paid)
    assert fast == written(ds._insert_paid_plainly)
    assert [r.paid for r in fast[0]] == [45, 60.01, 0.2]
    assert {r["member"]: r["paid"] for r in fast[1]} == {"张三": "45.00", "李四": "60.01", "赵六": "0.20",
                                                        "钱七": "0.00"}


def test_a_base_changed_on_the_roster_counts_from_this_month_and_the_past_keeps_its_own(db, branch):
    bid, ids = branch
    member = ms.get_member(db, ids["张三"])
    f = MemberFields(**{k: getattr(member, k) for k in MemberFields.names() if hasattr(member, k)})
    f.dues_base = Decimal("6000")
    ms.update_member(db, ids["张三"], f, version=None, today=TODAY)
    assert sheet(db, bid, OCT)["张三"].due == Decimal("45.00")   # before: the old base
    assert sheet(db, bid, NOV)["张三"].due == Decimal("90.00")   # from this month: the new one
    assert [h.amount for h in ds.base_history(db, ids["张三"])] == [Decimal("4500.00"), Decimal("6000.00")]
    # and once a history exists, the roster's change is not ignored either
    f.dues_base = Decimal("12000")
    ms.update_member(db, ids["张三"], f, version=None, today=date(2027, 2, 3))
    assert {d.member: d for d in ds.month_sheet(db, bid, core.month_no(2027, 2))}["张三"].due == Decimal("240.00")
    assert sheet(db, bid, NOV)["张三"].due == Decimal("90.00")
