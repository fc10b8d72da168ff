"""Typed step details read and write the JSON earlier versions stored, key for key."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from dangjian_desktop.core.development import STEPS, Step
from dangjian_desktop.core.glossary import ProbationOutcome
from dangjian_desktop.core.step_details import (
    ApprovalDetails,
    DetailsError,
    NoticeDetails,
    PoliticalReviewDetails,
    ProbationVoteDetails,
    StepDetails,
    TrainingDetails,
    VoteDetails,
    kind_of,
    read_details,
)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema-0001-demo.db"


def test_every_step_has_a_name_and_each_kind_its_steps():
    assert [int(s) for s in Step] == [s.no for s in STEPS]
    assert Step.BRANCH_CONGRESS_ADMIT == 15 and Step(15).label == "支部大会讨论" and f"第{Step(23)}步" == "第23步"
    assert kind_of(Step.POLITICAL_REVIEW) is PoliticalReviewDetails
    assert kind_of(Step.TRAINING) is TrainingDetails
    assert kind_of(Step.COMMITTEE_REVIEW) is NoticeDetails
    assert kind_of(Step.BRANCH_CONGRESS_ADMIT) is VoteDetails
    assert kind_of(Step.BRANCH_CONGRESS_FULL) is ProbationVoteDetails
    assert kind_of(Step.ADMISSION_APPROVAL) is kind_of(Step.FULL_MEMBERSHIP_APPROVAL) is ApprovalDetails
    assert kind_of(Step.OATH) is StepDetails


def test_the_stored_json_of_an_existing_database_reads_and_writes_back_unchanged():
    """The committed schema-0001 demo database: every step's details, as the first version stored them."""
    with sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True) as con:
        rows = con.execute("SELECT step_no, details FROM development_steps").fetchall()
    assert len(rows) > 50
    kinds = set()
    for no, text in rows:
        stored = json.loads(text) if text else {}
        x = read_details(no, stored)
        kinds.add(type(x))
        assert x.to_json() == stored, (no, stored)
    assert {PoliticalReviewDetails, TrainingDetails, NoticeDetails, VoteDetails, ProbationVoteDetails} <= kinds


def test_fields_are_typed_and_unknown_keys_are_kept():
    x = read_details(23, {"outcome": "extended", "extension_months": 6, "extended_on": "2026-01-05",
                          "expected_voters": 20, "present_voters": 18, "in_favour": 17, "批注": "手写"})
    assert x.outcome is ProbationOutcome.EXTENDED and x.extended_on == date(2026, 1, 5)
    assert x.result().passed and x.extra == {"批注": "手写"}
    assert x.to_json()["批注"] == "手写" and x.to_json()["extended_on"] == "2026-01-05"
    notice = read_details(12, {"notice_from": date(2025, 6, 2), "notice_to": "2025-06-06"})
    assert notice.notice() == (date(2025, 6, 2), date(2025, 6, 6))
    assert notice.to_json() == {"notice_from": "2025-06-02", "notice_to": "2025-06-06"}
    # a 公示 an earlier caller put on another step of stages 3–4 is still found there
    assert read_details(13, {"notice_from": "2025-06-02"}).notice() == (date(2025, 6, 2), None)
    assert read_details(10, {"conclusion": " 合格 "}).passed


def test_a_value_its_field_cannot_hold_is_refused_in_words():
    with pytest.raises(DetailsError, match="表决票数“二十”不是整数"):
        read_details(15, {"expected_voters": "二十"})
    with pytest.raises(DetailsError, match="转正讨论结果“随便”无法识别"):
        read_details(23, {"outcome": "随便"})
    assert read_details(23, {"outcome": "按期转正"}).outcome is ProbationOutcome.ON_TIME


def test_the_vote_result_is_worked_out_not_taken():
    x = VoteDetails(expected_voters=20, present_voters=10, in_favour=10, passed=True).with_result()
    assert x.quorum is False and x.passed is False
