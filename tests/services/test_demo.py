"""The demo generator: deterministic, realistic, with the deliberate gaps reminders need."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from dangjian_desktop.core import idcard
from dangjian_desktop.core.glossary import MeetingType, MemberStatus
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import open_database
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services.check import run_check
from dangjian_desktop.services.demo import make_demo
from tests.conftest import TODAY


def _dump(db) -> list:
    with db.session() as s:
        return [
            s.execute(select(m.Member.name, m.Member.id_number, m.Member.joined_on).order_by(m.Member.id)).all(),
            s.execute(select(m.Meeting.type, m.Meeting.held_on, m.Meeting.present).order_by(m.Meeting.id)).all(),
            s.execute(select(m.DevelopmentStep.applicant_id, m.DevelopmentStep.step_no, m.DevelopmentStep.done_on)
                      .order_by(m.DevelopmentStep.id)).all(),
        ]


def test_same_seed_same_data_other_seed_other_data(workdir):
    dbs = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        d = open_database(workdir / f"{name}.db", create=True)
        make_demo(d, seed=seed, today=TODAY)
        dbs.append(_dump(d))
        d.close()
    assert dbs[0] == dbs[1]
    assert dbs[0] != dbs[2]


def test_demo_shape(demo_db):
    with demo_db.session() as s:
        members = s.scalars(select(m.Member)).all()
        assert 30 <= len(members) <= 60
        valid = [x for x in members if idcard.is_valid(x.id_number)]
        assert len(members) - len(valid) == 1  # the one deliberately mistyped number
        for x in valid:
            info = idcard.parse(x.id_number)
            assert (info.birth_date, info.gender) == (x.birth_date, x.gender)
            assert x.joined_on >= x.birth_date.replace(year=x.birth_date.year + 18) - timedelta(days=1)
        assert {x.status for x in members} >= {MemberStatus.FULL, MemberStatus.PROBATIONARY,
                                                MemberStatus.TRANSFERRED_OUT}
        assert s.scalar(select(func.count(m.PartyGroup.id))) == 3
        types = set(s.scalars(select(m.Meeting.type).distinct()))
        assert types == set(MeetingType)
        assert s.scalar(select(func.min(m.Meeting.held_on))).year == TODAY.year - 2
        # applicants at every stage: the last step done falls in each of the 5 stages
        last_steps = s.execute(select(m.DevelopmentStep.applicant_id, func.max(m.DevelopmentStep.step_no))
                               .group_by(m.DevelopmentStep.applicant_id)).all()
        stages = {1 if n <= 2 else 2 if n <= 6 else 3 if n <= 11 else 4 if n <= 18 else 5 for _, n in last_steps}
        assert stages == {1, 2, 3, 4, 5}


def test_attendance_adds_up(demo_db):
    with demo_db.session() as s:
        for meeting in s.scalars(select(m.Meeting).where(m.Meeting.type != MeetingType.HEART_TALK)):
            assert meeting.expected == len(meeting.attendance)
            assert meeting.present == sum(1 for a in meeting.attendance if a.status.value == "present")


def test_admitted_applicants_are_on_the_roster_with_the_vote_date(demo_db):
    with demo_db.session() as s:
        rows = s.execute(select(m.Applicant, m.DevelopmentStep.done_on).join(m.DevelopmentStep)
                         .where(m.DevelopmentStep.step_no == 15)).all()
        assert rows
        for applicant, admitted_on in rows:
            member = s.get(m.Member, applicant.member_id)
            assert member.joined_on == admitted_on


def test_reminders_have_something_to_show(demo_db):
    rules = {f.rule for f in run_check(demo_db, as_of=TODAY)}
    assert "ELECTION-DUE" in rules


def test_demo_refuses_a_database_that_has_data(demo_db):
    with pytest.raises(ValidationError, match="新的数据库"):
        make_demo(demo_db, seed=2, today=TODAY)
