"""Branches, groups and 换届."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from dangjian_desktop.core.glossary import CommitteePost
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import branches as svc
from dangjian_desktop.services.check import run_check


def test_create_rename_and_groups(db):
    b = svc.create_branch(db, "  第一 党支部 ", "街道党工委", "张三", groups=["第一党小组"])
    assert b.name == "第一 党支部"
    gid = svc.add_group(db, b.id, "第二党小组")
    with pytest.raises(ValidationError, match="已经有"):
        svc.add_group(db, b.id, "第二党小组")
    svc.rename_group(db, gid, "第三党小组")
    assert svc.get_branch(db, b.id).groups == ("第一党小组", "第三党小组")
    with pytest.raises(ValidationError):
        svc.create_branch(db, "   ")


def test_recording_an_election_clears_election_due(db):
    b = svc.create_branch(db, "支部", secretary="张三", elected_on=date(2023, 1, 10))
    due = [f for f in run_check(db, [b.id], date(2026, 2, 1)) if f.rule == "ELECTION-DUE"]
    assert due and due[0].severity.value == "overdue"
    with pytest.raises(ValidationError, match="晚于"):
        svc.record_election(db, b.id, date(2022, 1, 1), 3, [(CommitteePost.SECRETARY, "李四")], today=date(2026, 1, 2))
    with pytest.raises(ValidationError, match="书记"):
        svc.record_election(db, b.id, date(2026, 1, 1), 3, [(CommitteePost.ORGANISATION, "李四")], today=date(2026, 1, 2))
    term = svc.record_election(db, b.id, date(2026, 1, 1), 5, [(CommitteePost.SECRETARY, "李四"),
                                                              (CommitteePost.ORGANISATION, "王五")],
                               today=date(2026, 1, 2))
    assert (term.elected_on, term.term_years, term.ends_on) == (date(2026, 1, 1), 5, date(2031, 1, 1))
    assert [p.person_name for p in term.posts] == ["李四", "王五"]
    assert svc.get_branch(db, b.id).secretary == "李四"
    assert not [f for f in run_check(db, [b.id], date(2026, 1, 2)) if f.rule == "ELECTION-DUE"]


def test_election_due_boundary(db):
    b = svc.create_branch(db, "支部", secretary="张三", elected_on=date(2023, 7, 1))
    # term ends 2026-07-01; reminder window 90 days
    assert not [f for f in run_check(db, [b.id], date(2026, 4, 1)) if f.rule == "ELECTION-DUE"]
    assert [f.severity.value for f in run_check(db, [b.id], date(2026, 4, 2)) if f.rule == "ELECTION-DUE"] == ["due"]
    assert [f.severity.value for f in run_check(db, [b.id], date(2026, 7, 2)) if f.rule == "ELECTION-DUE"] == ["overdue"]


def test_election_due_follows_the_branch_kind_five_years_for_a_community_branch(db):
    b = svc.create_branch(db, "阳光社区党支部", secretary="张三", elected_on=date(2023, 7, 1))

    def due(as_of):
        return [(f.severity.value, f.date) for f in run_check(db, [b.id], as_of) if f.rule == "ELECTION-DUE"]

    # not said yet: the 3 years recorded at the election count, and the finding says how to set the kind
    found = [f for f in run_check(db, [b.id], date(2026, 7, 2)) if f.rule == "ELECTION-DUE"]
    assert found[0].severity.value == "overdue" and "村、社区党支部任期5年" in found[0].message
    assert svc.is_community(db, b.id) is None
    svc.set_community(db, b.id, True)
    assert svc.is_community(db, b.id) is True and svc.default_term_years(db, b.id) == 5
    ends = date(2028, 7, 1)  # 5 years: the reminder window of 90 days starts on 2028-04-02
    assert due(date(2028, 4, 1)) == []
    assert due(date(2028, 4, 2)) == [("due", ends)]
    assert due(ends) == [("due", ends)]
    assert due(date(2028, 7, 2)) == [("overdue", ends)]
    assert current_term_ends(db, b.id) == ends
    found = [f for f in run_check(db, [b.id], date(2028, 7, 2)) if f.rule == "ELECTION-DUE"]
    assert "村、社区党支部任期5年" in found[0].message and "关于党的基层组织任期的意见" in found[0].message
    svc.set_community(db, b.id, False)  # an ordinary branch: 3 years
    assert due(date(2026, 7, 2)) == [("overdue", date(2026, 7, 1))]
    assert svc.default_term_years(db, b.id) == 3


def current_term_ends(db, branch_id):
    return svc.current_term(db, branch_id).ends_on


def test_listing_branches_takes_the_same_few_statements_however_many_branches(db):
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    svc.create_branch(db, "第一党支部", "某党委", "张三", groups=["第一党小组"])
    statements.clear()
    svc.list_branches(db)
    one = len(statements)
    for n in range(2, 8):
        svc.create_branch(db, f"第{n}党支部", "某党委", f"书记{n}", groups=["第一党小组", "第二党小组"])
    statements.clear()
    found = svc.list_branches(db)
    assert len(found) == 7 and found[4].secretary == "书记5" and found[4].groups == ("第一党小组", "第二党小组")
    assert len(statements) == one <= 6  # no statement per branch (N+1)
