"""Every DEV-* rule at its boundary: the day it is kept and the day it is broken."""

from datetime import date, timedelta

import pytest

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core.dates import add_months, add_years
from dangjian_desktop.core.glossary import MemberStatus, Severity
from dangjian_desktop.core.rules import CURRENT_VERSION

FULL, PROB = MemberStatus.FULL, MemberStatus.PROBATIONARY


def facts(steps=None, **kw) -> dr.ApplicantFacts:
    steps = steps or {}
    return dr.ApplicantFacts(name="张三", birth_date=kw.pop("birth_date", date(2000, 5, 10)),
                             catalog_version=CURRENT_VERSION,
                             steps={no: (s if isinstance(s, dr.StepFact) else dr.StepFact(no, s)) for no, s in steps.items()},
                             **kw)


def rules_of(f: dr.ApplicantFacts, no: int, overrides=None) -> list[str]:
    return [v.rule for v in dr.step_violations(f, no, overrides)]


def ready_for_admission(joined: date, **changes) -> dict:
    """Steps 1–14 done properly before a 支部大会 on `joined`."""
    steps = {
        10: dr.StepFact(10, joined - timedelta(days=60), details={"conclusion": "合格"}),
        11: dr.StepFact(11, joined - timedelta(days=50), details={"days": 3}),
        12: dr.StepFact(12, joined - timedelta(days=30),
                        details={"notice_from": "2025-06-02", "notice_to": "2025-06-06"}),  # Mon–Fri: 5 working days
        13: dr.StepFact(13, joined - timedelta(days=14)),
    }
    steps.update(changes)
    return steps


VOTE_OK = {"expected_voters": 20, "present_voters": 11, "in_favour": 11}


# ---------------------------------------------------------------- DEV-AGE-18


def test_age_18_on_the_birthday_is_enough_the_day_before_is_not():
    assert rules_of(facts({1: date(2018, 5, 10)}), 1) == []
    msgs = dr.step_violations(facts({1: date(2018, 5, 9)}), 1)
    assert [v.rule for v in msgs] == ["DEV-AGE-18"]
    assert "17岁" in msgs[0].message and "第七条" in msgs[0].message


# ---------------------------------------------------------------- DEV-ORDER


def test_a_step_dated_before_the_previous_one_is_refused_same_day_is_fine():
    assert rules_of(facts({1: date(2025, 3, 1), 2: date(2025, 3, 1)}), 2) == []
    v = dr.step_violations(facts({1: date(2025, 3, 1), 2: date(2025, 2, 28)}), 2)
    assert [x.rule for x in v] == ["DEV-ORDER"]
    assert "早于第1步" in v[0].message and "第四条" in v[0].message
    # moving an earlier step after a later one is caught as well
    assert "DEV-ORDER" in rules_of(facts({1: date(2025, 3, 10), 2: date(2025, 3, 5)}), 1)


def test_all_violations_reports_each_inversion_once_as_every_step_checked_in_turn_would():
    d = date(2025, 3, 1)
    cases = [
        {1: d, 2: d, 3: d + timedelta(days=40)},  # in order (same day is fine)
        {1: d, 2: d - timedelta(days=1), 3: d + timedelta(days=40)},  # 2 before 1
        {1: d + timedelta(days=50), 2: d, 3: d + timedelta(days=10), 5: d + timedelta(days=60)},  # 2 and 3 before 1
        {1: d, 2: None, 3: d - timedelta(days=5), 4: d + timedelta(days=3)},  # a step without a date
        {3: d, 1: d + timedelta(days=3), 2: d + timedelta(days=1)},  # entered out of order
    ]
    for steps in cases:
        f = facts({no: dr.StepFact(no, day) for no, day in steps.items()})
        every = [v for no in sorted(f.steps) for v in dr.step_violations(f, no, look_ahead=False)]
        assert dr.all_violations(f) == every
    assert [v.step_no for v in dr.all_violations(facts(cases[2]))
            if v.rule == "DEV-ORDER"] == [2, 3]


# ---------------------------------------------------------------- DEV-TALK-1M (30th vs 31st day)


def test_talk_on_the_30th_day_is_in_time_on_the_31st_it_is_late():
    applied = date(2026, 4, 1)  # one month later is 1 May: the 30th day
    on_time = facts({1: applied, 2: applied + timedelta(days=30)})
    late = facts({1: applied, 2: applied + timedelta(days=31)})
    assert not [f for f in dr.findings(on_time, date(2026, 6, 1)) if f.rule == "DEV-TALK-1M"]
    found = [f for f in dr.findings(late, date(2026, 6, 1)) if f.rule == "DEV-TALK-1M"]
    assert [f.severity for f in found] == [Severity.VIOLATION]


def test_talk_not_yet_held_is_due_then_overdue_the_day_after_the_month():
    f = facts({1: date(2026, 4, 1)})
    assert [x.severity for x in dr.findings(f, date(2026, 5, 1)) if x.rule == "DEV-TALK-1M"] == [Severity.DUE]
    assert [x.severity for x in dr.findings(f, date(2026, 5, 2)) if x.rule == "DEV-TALK-1M"] == [Severity.OVERDUE]
    assert [x.severity for x in dr.findings(f, date(2026, 4, 2)) if x.rule == "DEV-TALK-1M"] == []
    nxt = dr.next_step(f)
    assert (nxt.no, nxt.due) == (2, date(2026, 5, 1))


# ---------------------------------------------------------------- DEV-CONTACTS


@pytest.mark.parametrize("people,ok", [
    ([("甲", FULL)], True),
    ([("甲", FULL), ("乙", FULL)], True),
    ([], False),
    ([("甲", FULL), ("乙", FULL), ("丙", FULL)], False),
    ([("甲", PROB)], False),
    ([("甲", MemberStatus.TRANSFERRED_OUT)], False),
])
def test_one_or_two_contacts_who_are_full_members(people, ok):
    step = dr.StepFact(5, date(2025, 6, 1), tuple(dr.PersonFact(dr.ROLE_CONTACT, n, 1, s) for n, s in people))
    f = facts({1: date(2025, 1, 1), 3: date(2025, 5, 1), 5: step})
    assert (rules_of(f, 5) == []) is ok


# ---------------------------------------------------------------- DEV-ACTIVIST-1Y


def test_development_target_exactly_one_year_after_activist_is_allowed_a_day_earlier_is_not():
    activist = date(2025, 3, 1)
    assert rules_of(facts({1: date(2024, 9, 1), 3: activist, 7: add_years(activist, 1)}), 7) == []
    broken = dr.step_violations(facts({1: date(2024, 9, 1), 3: activist, 7: add_years(activist, 1) - timedelta(days=1)}), 7)
    assert [v.rule for v in broken] == ["DEV-ACTIVIST-1Y"]
    assert "2026年3月1日" in broken[0].message  # says when it becomes possible
    assert rules_of(facts({1: date(2024, 9, 1), 7: date(2026, 3, 1)}), 7) == ["DEV-ACTIVIST-1Y"]


# ---------------------------------------------------------------- DEV-SPONSORS-2


def sponsors(*people):
    return dr.StepFact(9, date(2026, 4, 1), tuple(people))


def test_two_full_member_sponsors_are_needed():
    ok = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL), dr.PersonFact(dr.ROLE_SPONSOR, "乙", 2, FULL))
    assert rules_of(facts({1: date(2024, 1, 1), 9: ok}), 9) == []
    one = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL))
    assert rules_of(facts({1: date(2024, 1, 1), 9: one}), 9) == ["DEV-SPONSORS-2"]


def test_a_probationary_or_disciplined_sponsor_is_refused_with_the_reason():
    prob = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL), dr.PersonFact(dr.ROLE_SPONSOR, "乙", 2, PROB))
    v = dr.step_violations(facts({1: date(2024, 1, 1), 9: prob}), 9)
    assert [x.rule for x in v] == ["DEV-SPONSORS-2"] and "乙是预备党员" in v[0].message and "第十七条" in v[0].message
    punished = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL),
                        dr.PersonFact(dr.ROLE_SPONSOR, "乙", 2, FULL, disciplined=True))
    v = dr.step_violations(facts({1: date(2024, 1, 1), 9: punished}), 9)
    assert "留党察看" in v[0].message
    later = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL),
                     dr.PersonFact(dr.ROLE_SPONSOR, "乙", 2, None, joined_later=True))
    assert rules_of(facts({1: date(2024, 1, 1), 9: later}), 9) == ["DEV-SPONSORS-2"]


# ---------------------------------------------------------------- admission (step 15)

JOINED = date(2025, 6, 20)


def admission(steps=None, details=None, **kw):
    s = ready_for_admission(JOINED) if steps is None else steps
    s[15] = dr.StepFact(15, JOINED, details=VOTE_OK if details is None else details)
    return facts({1: date(2023, 1, 1), **s}, **kw)


def test_a_proper_admission_passes():
    assert rules_of(admission(), 15) == []


def test_political_review_missing_or_failed_blocks_admission():
    steps = ready_for_admission(JOINED)
    del steps[10]
    assert rules_of(admission(steps), 15) == ["DEV-POLITICAL-REVIEW"]
    steps = ready_for_admission(JOINED)
    steps[10] = dr.StepFact(10, JOINED - timedelta(days=60), details={"conclusion": "不合格"})
    assert rules_of(admission(steps), 15) == ["DEV-POLITICAL-REVIEW"]


@pytest.mark.parametrize("details,ok", [
    ({"days": 3}, True), ({"days": 2.5}, False), ({"hours": 24}, True), ({"hours": 23}, False),
    ({"days": 2, "hours": 24}, True), ({}, False),
])
def test_training_three_days_or_24_hours(details, ok):
    steps = ready_for_admission(JOINED)
    steps[11] = dr.StepFact(11, JOINED - timedelta(days=50), details=details)
    assert ("DEV-TRAINING-3D" not in rules_of(admission(steps), 15)) is ok


def test_training_local_parameter_overrides_the_national_default():
    steps = ready_for_admission(JOINED)
    steps[11] = dr.StepFact(11, JOINED - timedelta(days=50), details={"days": 3})
    assert "DEV-TRAINING-3D" in rules_of(admission(steps), 15, {"DEV-TRAINING-3D.days": 5})


def test_public_notice_five_working_days_four_are_not_enough():
    steps = ready_for_admission(JOINED)  # Mon 2 June – Fri 6 June 2025
    assert "DEV-PUBLIC-NOTICE" not in rules_of(admission(steps), 15)
    steps[12] = dr.StepFact(12, steps[12].done_on, details={"notice_from": "2025-06-02", "notice_to": "2025-06-05"})
    v = [x for x in dr.step_violations(admission(steps), 15) if x.rule == "DEV-PUBLIC-NOTICE"]
    assert v and "4个工作日" in v[0].message
    # a weekend does not count: Thu 5 – Wed 11 June is 5 working days
    steps[12] = dr.StepFact(12, steps[12].done_on, details={"notice_from": "2025-06-05", "notice_to": "2025-06-11"})
    assert "DEV-PUBLIC-NOTICE" not in rules_of(admission(steps), 15)
    # a local rule of 7 working days
    assert "DEV-PUBLIC-NOTICE" in rules_of(admission(steps), 15, {"DEV-PUBLIC-NOTICE.working_days": 7})


def test_leaving_the_unit_within_three_months_of_the_pre_review():
    pre = JOINED - timedelta(days=14)
    assert "DEV-LEAVING-3M" in rules_of(admission(leaves_unit_on=add_months(pre, 3)), 15)
    assert "DEV-LEAVING-3M" not in rules_of(admission(leaves_unit_on=add_months(pre, 3) + timedelta(days=1)), 15)


@pytest.mark.parametrize("vote,ok", [
    ({"expected_voters": 20, "present_voters": 11, "in_favour": 11}, True),
    ({"expected_voters": 20, "present_voters": 10, "in_favour": 10}, False),  # no quorum: exactly half
    ({"expected_voters": 20, "present_voters": 15, "in_favour": 10, "abstain": 5}, False),  # half is not a majority
    ({"expected_voters": 20, "present_voters": 11, "in_favour": 10, "written_in_favour": 1}, True),
    ({"expected_voters": 20, "present_voters": 21, "in_favour": 11}, False),  # impossible numbers
])
def test_vote_quorum_and_majority(vote, ok):
    assert ("DEV-VOTE-QUORUM" not in rules_of(admission(details=vote), 15)) is ok


# ---------------------------------------------------------------- approval and probation


def test_approval_after_six_months_is_refused_three_to_six_is_reported():
    base = {1: date(2023, 1, 1), 15: dr.StepFact(15, JOINED, details=VOTE_OK)}
    assert rules_of(facts({**base, 17: add_months(JOINED, 6)}), 17) == []
    assert rules_of(facts({**base, 17: add_months(JOINED, 6) + timedelta(days=1)}), 17) == ["DEV-APPROVAL-3M"]
    f = facts(base)
    due = add_months(JOINED, 3)
    assert [x.severity for x in dr.findings(f, due) if x.rule == "DEV-APPROVAL-3M"] == [Severity.DUE]
    assert [x.severity for x in dr.findings(f, due + timedelta(days=1)) if x.rule == "DEV-APPROVAL-3M"] == [Severity.OVERDUE]
    late = facts({**base, 17: add_months(JOINED, 4)})
    assert [x.severity for x in dr.findings(late, date(2026, 1, 1)) if x.rule == "DEV-APPROVAL-3M"] == [Severity.INFO]


def full_vote(day, outcome="on_time", **extra):
    return dr.StepFact(23, day, details={**VOTE_OK, "outcome": outcome, **extra})


def test_probation_discussion_not_before_one_year():
    end = add_years(JOINED, 1)
    base = {1: date(2023, 1, 1), 15: dr.StepFact(15, JOINED, details=VOTE_OK)}
    assert rules_of(facts({**base, 23: full_vote(end)}), 23) == []
    assert rules_of(facts({**base, 23: full_vote(end - timedelta(days=1))}), 23) == ["DEV-PROBATION-1Y"]


def test_extension_between_6_and_12_months_once():
    end = add_years(JOINED, 1)
    base = {1: date(2023, 1, 1), 15: dr.StepFact(15, JOINED, details=VOTE_OK)}
    for months, ok in ((5, False), (6, True), (12, True), (13, False)):
        f = facts({**base, 23: full_vote(end, "extended", extension_months=months, extended_on=end.isoformat())})
        assert (rules_of(f, 23) == []) is ok, months
    # a second extension at the end of the first is refused
    again = full_vote(add_months(end, 6), "extended", extension_months=6, extended_on=end.isoformat())
    v = dr.step_violations(facts({**base, 23: again}, extension_months=6), 23)
    assert any("只能延长一次" in x.message for x in v)
    # the final decision after an extension is due when the extended probation ends
    extended = facts({**base, 23: full_vote(end, "extended", extension_months=6, extended_on=end.isoformat())},
                     extension_months=6)
    nxt = dr.next_step(extended)
    assert (nxt.no, nxt.due) == (23, add_months(end, 6))
    assert "DEV-PROBATION-1Y" in rules_of(
        extended.with_step(dr.StepFact(24, end + timedelta(days=10))), 24)  # approval before the second discussion


def test_probation_end_is_due_30_days_ahead_and_overdue_after():
    f = facts({1: date(2023, 1, 1), 15: dr.StepFact(15, JOINED, details=VOTE_OK), 17: JOINED + timedelta(days=30)})
    end = add_years(JOINED, 1)
    assert [x.severity for x in dr.findings(f, end - timedelta(days=31)) if x.rule == "PROBATION-END"] == []
    assert [x.severity for x in dr.findings(f, end - timedelta(days=30)) if x.rule == "PROBATION-END"] == [Severity.DUE]
    assert [x.severity for x in dr.findings(f, end + timedelta(days=1)) if x.rule == "PROBATION-END"] == [Severity.OVERDUE]


# ---------------------------------------------------------------- DEV-REVIEW-6M


def test_half_year_review_due_from_the_activist_date_then_from_the_last_review():
    activist = date(2025, 1, 15)
    f = facts({1: date(2024, 6, 1), 2: date(2024, 6, 20), 3: activist})
    deadline = add_months(activist, 6)
    assert [x.severity for x in dr.findings(f, deadline) if x.rule == "DEV-REVIEW-6M"] == [Severity.DUE]
    assert [x.severity for x in dr.findings(f, deadline + timedelta(days=1)) if x.rule == "DEV-REVIEW-6M"] == [Severity.OVERDUE]
    reviewed = dr.ApplicantFacts(**{**f.__dict__, "reviews": (dr.ReviewFact("review", date(2025, 7, 1)),)})
    assert [x for x in dr.findings(reviewed, deadline + timedelta(days=1)) if x.rule == "DEV-REVIEW-6M"] == []
    # a 思想汇报 is not a 考察
    reported = dr.ApplicantFacts(**{**f.__dict__, "reviews": (dr.ReviewFact("thought_report", date(2025, 7, 1)),)})
    assert [x for x in dr.findings(reported, deadline + timedelta(days=1)) if x.rule == "DEV-REVIEW-6M"]


def test_findings_honour_as_of_a_step_done_later_is_not_done_yet():
    f = facts({1: date(2026, 4, 1), 2: date(2026, 4, 20)})
    assert [x.rule for x in dr.findings(f, date(2026, 4, 10))] == []  # due only from 21 April (10 days before)
    assert [x.severity for x in dr.findings(f, date(2026, 4, 25))] == []
    assert [x.severity for x in dr.findings(f.as_of(date(2026, 4, 10)), date(2026, 4, 25))
            if x.rule == "DEV-TALK-1M"] == [Severity.DUE]


def test_timeline_marks_done_next_and_pending():
    f = facts({1: date(2026, 4, 1)})
    t = dr.timeline(f, date(2026, 5, 5))
    assert [e.state for e in t[:3]] == ["done", "overdue", "pending"]
    assert len(t) == 25
