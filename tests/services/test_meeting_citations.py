"""Each MEET-* rule at its boundary, with the article an inspector checks: the last day of a period
it is `due` (still time), the day after `overdue` citing 《支部工作条例》's article (党课: local practice)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dangjian_desktop.core.glossary import CommitteeMode, MeetingState, MeetingType, Severity
from dangjian_desktop.db import models as m
from dangjian_desktop.services.branches import create_branch, set_committee_mode
from dangjian_desktop.services.check import run_check

START = date(2025, 1, 2)  # the branch's records start with a 谈心谈话 on this day

# rule, finding subject of the first period, its last day, the citation the message carries
CASES = [
    ("MEET-CONGRESS-Q", "branch_congress 2025-Q1", date(2025, 3, 31), "第十一条"),
    ("MEET-COMMITTEE-M", "committee 2025-01", date(2025, 1, 31), "第十二条"),
    ("MEET-GROUP-M", "group 2025-01 第一党小组", date(2025, 1, 31), "第十三条"),
    ("MEET-LECTURE-Q", "lecture 2025-Q1", date(2025, 3, 31), "本地常见做法"),
    ("MEET-THEME-DAY-M", "theme_day 2025-01", date(2025, 1, 31), "第十六条"),
    ("MEET-ORG-LIFE-Y", "org_life 2025", date(2025, 12, 31), "第十七条"),
    ("MEET-APPRAISAL-Y", "appraisal 2025", date(2025, 12, 31), "第十八条"),
]


@pytest.fixture
def branch(db):
    info = create_branch(db, "测试党支部", "中共测试街道工委", "张三", groups=["第一党小组"], elected_on=date(2024, 1, 5))
    set_committee_mode(db, info.id, CommitteeMode.YES)  # no members: the 支委会 rule applies only when said so
    with db.transaction() as s:
        s.add(m.Meeting(branch_id=info.id, type=MeetingType.HEART_TALK, held_on=START, title="谈心谈话",
                        state=MeetingState.FINAL))
    with db.transaction() as s:  # the 党小组 counts from the start of the branch's records
        for g in s.query(m.PartyGroup).all():
            g.created_at = g.created_at.replace(year=2025, month=1, day=2)
    return db


@pytest.mark.parametrize("rule,subject,last_day,article", CASES, ids=[c[0] for c in CASES])
def test_meeting_rule_boundary_and_citation(branch, rule, subject, last_day, article):
    def found(as_of):
        return {f.subject: f for f in run_check(branch, None, as_of) if f.rule == rule}

    on_last_day = found(last_day)
    assert on_last_day[subject].severity is Severity.DUE
    day_after = found(last_day + timedelta(days=1))[subject]
    assert day_after.severity is Severity.OVERDUE
    assert article in day_after.message and rule not in day_after.message
    assert article in on_last_day[subject].message
    assert day_after.label and "20" in day_after.label and "_" not in day_after.label  # Chinese, not the code


def test_heart_talk_cites_article_19(branch):
    f = {f.subject: f for f in run_check(branch, None, date(2026, 1, 1)) if f.rule == "MEET-HEART-TALK-Y"}
    assert not f.get("heart_talk 2025")  # held on 2 January
    f = {f.subject: f for f in run_check(branch, None, date(2027, 1, 1)) if f.rule == "MEET-HEART-TALK-Y"}
    assert "第十九条" in f["heart_talk 2026"].message
