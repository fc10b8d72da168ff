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


def gaps_of(f: dr.ApplicantFacts) -> list[str]:
    return [g.rule for g in dr.gaps(f)]


SPONSORS = (dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, MemberStatus.FULL),
            dr.PersonFact(dr.ROLE_SPONSOR, "乙", 2, MemberStatus.FULL))


def ready_for_admission(joined: date, **changes) -> dict:
    """Steps 1–14 done properly before a 支部大会 on `joined`."""
    steps = {
        3: dr.StepFact(3, joined - timedelta(days=500)),
        7: dr.StepFact(7, joined - timedelta(days=120)),
        9: dr.StepFact(9, joined - timedelta(days=100), SPONSORS),
        10: dr.StepFact(10, joined - timedelta(days=60), details={"conclusion": "合格"}),
        11: dr.StepFact(11, joined - timedelta(days=50), details={"days": 3}),
        12: dr.StepFact(12, joined - timedelta(days=30),
                        details={"notice_from": "2025-06-09", "notice_to": "2025-06-13"}),  # Mon–Fri: 5 working days
        13: dr.StepFact(13, joined - timedelta(days=14)),
        14: dr.StepFact(14, joined - timedelta(days=10)),
    }
    steps.update(changes)
    return steps


VOTE_OK = {"expected_voters": 20, "present_voters": 11, "in_favour": 11}


# ---------------------------------------------------------------- DEV-AGE-18


def test_age_18_on_the_birthday_is_enough_the_day_before_is_not():
    assert rules_of(facts({1: date(2018, 5, 10)}), 1) == []
    msgs = dr.step_violations(facts({1: date(2018, 5, 9)}), 1)
    assert [v.rule for v in msgs] == ["DEV-AGE-18"]
    assert "17岁" in msgs[0].message and "第五条" in msgs[0].message


# ---------------------------------------------------------------- DEV-PREREQ


def test_a_step_dated_before_a_real_prerequisite_is_refused_same_day_is_fine():
    assert rules_of(facts({1: date(2025, 3, 1), 2: date(2025, 3, 1)}), 2) == []
    v = dr.step_violations(facts({1: date(2025, 3, 1), 2: date(2025, 2, 28)}), 2)
    assert [x.rule for x in v] == ["DEV-PREREQ"] and v[0].refuse
    assert "早于它的前置步骤第1步" in v[0].message and "发展党员工作细则" in v[0].message


def test_steps_of_one_stage_in_another_order_are_ordinary_practice():
    # 培养联系人 named 06-01, 备案 reported 06-20; 集中培训 before the 政审 conclusion
    f = facts({1: date(2024, 1, 1), 3: date(2025, 5, 20), 4: date(2025, 6, 20), 5: date(2025, 6, 1)})
    assert [v for v in dr.all_violations(f) if v.rule == "DEV-PREREQ"] == []
    steps = ready_for_admission(JOINED)
    steps[11] = dr.StepFact(11, steps[10].done_on - timedelta(days=5), details={"days": 3})
    assert rules_of(admission(steps), 11) == []


def test_a_missing_prerequisite_is_a_finding_not_a_refusal():
    steps = ready_for_admission(JOINED)
    for no in (9, 12, 13, 14):
        del steps[no]
    v = [x for x in dr.step_violations(admission(steps), 15) if x.rule == "DEV-PREREQ"]
    assert len(v) == 1 and not v[0].refuse and dr.refusals(v) == []
    for no in (9, 12, 13, 14):
        assert f"第{no}步" in v[0].message
    without_talk = facts({1: date(2023, 1, 1), 15: dr.StepFact(15, JOINED, details=VOTE_OK),
                          17: JOINED + timedelta(days=30)})
    assert any(x.rule == "DEV-PREREQ" and "第16步" in x.message for x in dr.step_violations(without_talk, 17))
    found = [x for x in dr.findings(without_talk, JOINED + timedelta(days=40)) if x.rule == "DEV-PREREQ"]
    assert found and {x.severity for x in found} == {Severity.VIOLATION}


def test_each_contradiction_is_reported_once_at_the_later_step():
    d = date(2025, 3, 1)
    f = facts({1: d + timedelta(days=50), 2: d, 3: d + timedelta(days=10)})
    assert [(v.rule, v.step_no) for v in dr.all_violations(f)] == [("DEV-PREREQ", 2), ("DEV-PREREQ", 3)]


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
    ([], True),  # none named: 资料待补, not a violation
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
    assert rules_of(facts({1: date(2024, 9, 1), 7: date(2026, 3, 1)}), 7) == ["DEV-PREREQ"]  # no 第3步 at all


# ---------------------------------------------------------------- DEV-SPONSORS-2


def sponsors(*people):
    return dr.StepFact(9, date(2026, 4, 1), tuple(people))


def test_two_full_member_sponsors_are_needed():
    ok = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL), dr.PersonFact(dr.ROLE_SPONSOR, "乙", 2, FULL))
    base = {1: date(2024, 1, 1), 3: date(2024, 3, 1), 7: date(2025, 3, 1)}
    assert rules_of(facts({**base, 9: ok}), 9) == []
    one = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL))
    assert rules_of(facts({**base, 9: one}), 9) == ["DEV-SPONSORS-2"]
    assert rules_of(facts({**base, 9: sponsors()}), 9) == [] and gaps_of(facts({**base, 9: sponsors()})) == ["DEV-SPONSORS-2"]


def test_a_probationary_or_disciplined_sponsor_is_refused_with_the_reason():
    prob = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL), dr.PersonFact(dr.ROLE_SPONSOR, "乙", 2, PROB))
    v = dr.step_violations(facts({1: date(2024, 1, 1), 3: date(2024, 3, 1), 7: date(2025, 3, 1), 9: prob}), 9)
    assert [x.rule for x in v] == ["DEV-SPONSORS-2"] and "乙是预备党员" in v[0].message and "第十四条" in v[0].message
    punished = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL),
                        dr.PersonFact(dr.ROLE_SPONSOR, "乙", 2, FULL, disciplined=True))
    v = dr.step_violations(facts({1: date(2024, 1, 1), 3: date(2024, 3, 1), 7: date(2025, 3, 1), 9: punished}), 9)
    assert "留党察看" in v[0].message
    later = sponsors(dr.PersonFact(dr.ROLE_SPONSOR, "甲", 1, FULL),
                     dr.PersonFact(dr.ROLE_SPONSOR, "乙", 2, None, joined_later=True))
    assert rules_of(facts({1: date(2024, 1, 1), 3: date(2024, 3, 1), 7: date(2025, 3, 1), 9: later}), 9) == ["DEV-SPONSORS-2"]


# ---------------------------------------------------------------- admission (step 15)

JOINED = date(2025, 6, 20)


def admission(steps=None, details=None, **kw):
    s = ready_for_admission(JOINED) if steps is None else steps
    s[15] = dr.StepFact(15, JOINED, details=VOTE_OK if details is None else details)
    return facts({1: date(2023, 1, 1), **s}, **kw)


def test_a_proper_admission_passes():
    assert rules_of(admission(), 15) == []


def test_political_review_missing_failed_or_without_conclusion():
    steps = ready_for_admission(JOINED)
    del steps[10]
    assert rules_of(admission(steps), 15) == ["DEV-PREREQ"]  # not recorded: a missing prerequisite
    steps = ready_for_admission(JOINED)
    steps[10] = dr.StepFact(10, JOINED - timedelta(days=60), details={"conclusion": "不合格"})
    assert rules_of(admission(steps), 15) == ["DEV-POLITICAL-REVIEW"]
    steps[10] = dr.StepFact(10, JOINED - timedelta(days=60))  # a 台账 without the conclusion: 资料待补
    assert rules_of(admission(steps), 15) == [] and gaps_of(admission(steps)) == ["DEV-POLITICAL-REVIEW"]


@pytest.mark.parametrize("details,ok", [
    ({"days": 3}, True), ({"days": 2.5}, False), ({"hours": 24}, True), ({"hours": 23}, False),
    ({"days": 2, "hours": 24}, True),
])
def test_training_three_days_or_24_hours_judged_once_at_step_11(details, ok):
    steps = ready_for_admission(JOINED)
    steps[11] = dr.StepFact(11, JOINED - timedelta(days=50), details=details)
    found = [v.step_no for v in dr.all_violations(admission(steps)) if v.rule == "DEV-TRAINING-3D"]
    assert found == ([] if ok else [11])


def test_training_without_its_length_is_awaiting_material():
    steps = ready_for_admission(JOINED)
    steps[11] = dr.StepFact(11, JOINED - timedelta(days=50))
    assert [v for v in dr.all_violations(admission(steps)) if v.rule == "DEV-TRAINING-3D"] == []
    gap = [g for g in dr.gaps(admission(steps)) if g.rule == "DEV-TRAINING-3D"]
    assert len(gap) == 1 and gap[0].message.startswith("资料待补")


def test_training_local_parameter_overrides_the_national_default():
    steps = ready_for_admission(JOINED)
    steps[11] = dr.StepFact(11, JOINED - timedelta(days=50), details={"days": 3})
    assert "DEV-TRAINING-3D" in rules_of(admission(steps), 11, {"DEV-TRAINING-3D.days": 5})


def test_public_notice_five_working_days_four_are_not_enough():
    steps = ready_for_admission(JOINED)  # Mon 9 June – Fri 13 June 2025
    assert "DEV-PUBLIC-NOTICE" not in rules_of(admission(steps), 15)
    steps[12] = dr.StepFact(12, steps[12].done_on, details={"notice_from": "2025-06-09", "notice_to": "2025-06-12"})
    v = [x for x in dr.step_violations(admission(steps), 15) if x.rule == "DEV-PUBLIC-NOTICE"]
    assert v and "4个工作日" in v[0].message and "本地常见做法" in v[0].message
    # a weekend does not count: Thu 5 – Wed 11 June is 5 working days
    steps[12] = dr.StepFact(12, steps[12].done_on, details={"notice_from": "2025-06-05", "notice_to": "2025-06-11"})
    assert "DEV-PUBLIC-NOTICE" not in rules_of(admission(steps), 15)
    # a local rule of 7 working days
    assert "DEV-PUBLIC-NOTICE" in rules_of(admission(steps), 15, {"DEV-PUBLIC-NOTICE.working_days": 7})


def test_public_notice_counts_official_holidays_and_adjusted_workdays():
    steps = ready_for_admission(JOINED)
    # Mon 2 June 2025 was 端午节: Mon–Fri that week is 4 working days
    steps[12] = dr.StepFact(12, steps[12].done_on, details={"notice_from": "2025-06-02", "notice_to": "2025-06-06"})
    v = [x for x in dr.step_violations(admission(steps), 15) if x.rule == "DEV-PUBLIC-NOTICE"]
    assert v and "4个工作日" in v[0].message and "法定节假日" in v[0].message
    # 国庆 2025: 1–8 October off, Sunday 28 September worked (调休): Fri 26 Sep – Thu 9 Oct is 5, to 8 Oct is 4
    late = date(2025, 10, 20)
    steps = ready_for_admission(late)
    steps[12] = dr.StepFact(12, date(2025, 9, 20), details={"notice_from": "2025-09-26", "notice_to": "2025-10-09"})
    f = facts({1: date(2023, 1, 1), **steps, 15: dr.StepFact(15, late, details=VOTE_OK)})
    assert "DEV-PUBLIC-NOTICE" not in rules_of(f, 15)
    steps[12] = dr.StepFact(12, date(2025, 9, 20), details={"notice_from": "2025-09-26", "notice_to": "2025-10-08"})
    f = facts({1: date(2023, 1, 1), **steps, 15: dr.StepFact(15, late, details=VOTE_OK)})
    assert "DEV-PUBLIC-NOTICE" in rules_of(f, 15)


def test_public_notice_without_dates_is_awaiting_material():
    steps = ready_for_admission(JOINED)
    steps[12] = dr.StepFact(12, steps[12].done_on)
    assert "DEV-PUBLIC-NOTICE" not in rules_of(admission(steps), 15)
    assert "DEV-PUBLIC-NOTICE" in gaps_of(admission(steps))


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


def test_a_vote_with_no_tally_is_awaiting_material_not_passed_silently():
    f = admission(details={})
    assert "DEV-VOTE-QUORUM" not in rules_of(f, 15)
    assert gaps_of(f) == ["DEV-VOTE-QUORUM"]
    found = [x for x in dr.findings(f, JOINED + timedelta(days=10)) if x.rule == "DEV-VOTE-QUORUM"]
    assert [x.severity for x in found] == [Severity.INFO] and found[0].message.startswith("资料待补")


# ---------------------------------------------------------------- approval and probation


def test_approval_after_six_months_is_refused_three_to_six_is_reported():
    base = {1: date(2023, 1, 1), 15: dr.StepFact(15, JOINED, details=VOTE_OK), 16: JOINED + timedelta(days=5)}
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
    base = {1: date(2023, 1, 1), 15: dr.StepFact(15, JOINED, details=VOTE_OK), 22: end - timedelta(days=20)}
    assert rules_of(facts({**base, 23: full_vote(end)}), 23) == []
    assert rules_of(facts({**base, 23: full_vote(end - timedelta(days=1))}), 23) == ["DEV-PROBATION-1Y"]


def test_extension_between_6_and_12_months_once():
    end = add_years(JOINED, 1)
    base = {1: date(2023, 1, 1), 15: dr.StepFact(15, JOINED, details=VOTE_OK), 22: end - timedelta(days=20)}
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


def test_half_year_review_applies_only_while_an_activist():
    activist = date(2020, 1, 15)
    f = facts({1: date(2019, 6, 1), 2: date(2019, 6, 20), 3: activist, 7: add_years(activist, 1)})
    assert [x for x in dr.findings(f, date(2026, 1, 1)) if x.rule == "DEV-REVIEW-6M"] == []
    # the day before 确定为发展对象 the person was still an 积极分子, overdue since 2020-07-15
    before = add_years(activist, 1) - timedelta(days=1)
    assert [x.severity for x in dr.findings(f, before) if x.rule == "DEV-REVIEW-6M"] == [Severity.OVERDUE]


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
