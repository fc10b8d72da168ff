"""Realistic demo data: branches, members, years of meetings, applicants at every stage.

Deterministic for a seed and a date: the same `seed` and `today` give the same database.
Some gaps are deliberate (a missed committee meeting, an inactive member, a late talk
with an applicant, a 换届 coming due...) so that reminders have something to show.
Rows are written with bulk inserts so a 党委-sized database (20 branches, 10,000
members, 10 years) is made in reasonable time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from sqlalchemy import func, select

from dangjian_desktop.core import idcard
from dangjian_desktop.core.dates import Period, add_months, add_years, periods_between
from dangjian_desktop.core.development import Step
from dangjian_desktop.core.glossary import (
    ApplicantStatus,
    AppraisalOutcome,
    AttendanceStatus,
    BirthdayObservance,
    CommitteePost,
    Gender,
    MeetingState,
    MeetingType,
    MemberStatus,
    ProbationOutcome,
    VoteKind,
    VoteMethod,
)
from dangjian_desktop.core.names import name_keys
from dangjian_desktop.core.rules import CURRENT_VERSION
from dangjian_desktop.core.votes import tally
from dangjian_desktop.core.workdays import WorkCalendar
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.shared import gather_statistics, insert_rows, reset_sequences
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import demo_data as words
from dangjian_desktop.services.branches import COMMUNITY_KEY

Progress = Callable[[int, int, str], None]

# the gaps between consecutive development steps, in days (min, max); index = step that follows
_STEP_GAPS = {
    2: (8, 25), 3: (100, 200), 4: (7, 20), 5: (0, 5), 6: (20, 45), 7: (0, 0), 8: (7, 15), 9: (5, 15),
    10: (10, 30), 11: (10, 30), 12: (10, 20), 13: (10, 15), 14: (5, 10), 15: (7, 20), 16: (10, 25),
    17: (20, 50), 18: (7, 20), 19: (3, 10), 20: (5, 25), 21: (20, 40), 22: (0, 0), 23: (0, 0),
    24: (20, 50), 25: (10, 30),
}
# where the applicants of a branch stand: the last step done, spread over the 5 stages
_TARGET_STEPS = (2, 25, 4, 21, 6, 9, 11, 14, 17, 19, 22, 1, 25, 7, 20, 24, 3, 12)


@dataclass
class DemoSummary:
    branches: int = 0
    members: int = 0
    meetings: int = 0
    attendance: int = 0
    applicants: int = 0


@dataclass
class _Person:
    id: int
    name: str
    branch_id: int
    group_id: int
    joined_on: date
    full_member_on: date | None
    left_on: date | None = None
    inactive_from: date | None = None  # deliberately stops attending from this day

    def on_roll(self, d: date) -> bool:
        return self.joined_on <= d and (self.left_on is None or d < self.left_on)

    def can_vote(self, d: date) -> bool:
        return self.full_member_on is not None and self.full_member_on <= d


@dataclass
class _Rows:
    """Rows waiting to be written, per model, with ids given here."""

    data: dict[type, list[dict]] = field(default_factory=dict)
    next_id: dict[type, int] = field(default_factory=dict)

    def add(self, model: type, **values) -> int:
        rid = self.next_id.get(model, 1)
        self.next_id[model] = rid + 1
        values["id"] = rid
        self.data.setdefault(model, []).append(values)
        return rid


class _Generator:
    def __init__(self, seed: int, n_branches: int, n_members: int, years: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.n_branches = n_branches
        self.n_members = n_members
        self.years = years
        self.today = today
        self.start = date(today.year - years + 1, 1, 1)
        self.community_branches: list[int] = []  # written as settings (ids of their own: the table may have rows)
        self.calendar = WorkCalendar()
        self.rows = _Rows()
        self.used_ids: set[str] = set()
        self.used_names: set[str] = set()
        self.names_in_order: list[str] = []  # a set's order changes with PYTHONHASHSEED; this does not
        self.summary = DemoSummary()
        self.step_rows: dict[tuple[int, int], dict] = {}
        self._speaker_slots: list[int] = []  # see minutes_text

    # ------------------------------------------------------------ people

    def name(self, gender: Gender) -> str:
        rng = self.rng
        pool = words.GIVEN_MALE if gender is Gender.MALE else words.GIVEN_FEMALE
        for _ in range(50):
            given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")
            name = rng.choice(words.SURNAMES) + given
            if name not in self.used_names:
                self.used_names.add(name)
                self.names_in_order.append(name)
                return name
        # a very large database: allow repeats, as real rosters have them
        return rng.choice(words.SURNAMES) + rng.choice(pool) + rng.choice(pool)

    def id_number(self, born: date, gender: Gender) -> tuple[str, str]:
        rng = self.rng
        while True:
            code, place = rng.choice(words.REGIONS)
            seq = rng.randrange(0, 500) * 2 + (1 if gender is Gender.MALE else 0)
            first17 = f"{code}{born:%Y%m%d}{seq:03d}"
            number = first17 + idcard.check_digit(first17)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number, place

    def phone(self) -> str:
        return f"1{self.rng.choice('3456789')}{self.rng.randrange(10**9):09d}"

    def person_fields(self, born_between: tuple[int, int]) -> dict:
        rng = self.rng
        gender = Gender.MALE if rng.random() < 0.55 else Gender.FEMALE
        age = rng.randint(*born_between)
        born = self.today - timedelta(days=age * 365 + rng.randrange(365))
        number, place = self.id_number(born, gender)
        name = self.name(gender)
        keys = name_keys(name)
        return dict(
            name=name, name_pinyin=keys.pinyin, name_initials=keys.initials, name_strokes=keys.strokes,
            gender=gender.value, ethnicity=rng.choice(words.ETHNICITIES), birth_date=born,
            native_place=place, id_number=number, education=rng.choice(words.EDUCATION),
        )

    # ------------------------------------------------------------ branches and members

    def branch(self, index: int) -> None:
        rng, today = self.rng, self.today
        prefix = words.BRANCH_PREFIXES[index % len(words.BRANCH_PREFIXES)]
        suffix = "" if index < len(words.BRANCH_PREFIXES) else str(index // len(words.BRANCH_PREFIXES) + 1)
        branch_id = self.rows.add(m.Branch, name=f"{prefix}{suffix}第一党支部", parent_org="中共光明街道工作委员会",
                                  sort_order=index + 1, version=1)
        groups = [self.rows.add(m.PartyGroup, branch_id=branch_id, name=f"第{'一二三'[i]}党小组", sort_order=i)
                  for i in range(3)]
        people: list[_Person] = []
        for i in range(self.n_members):
            people.append(self.member(branch_id, groups[i % 3], i))
        # deliberate: one member stops attending 5 months ago (MEMBER-INACTIVE-6M is due)
        regulars = [p for p in people if p.left_on is None and p.full_member_on and p.full_member_on < self.start]
        if regulars:
            rng.choice(regulars[3:] or regulars).inactive_from = add_months(today, -5)
        committee = self.committee(branch_id, index, regulars)
        applicants = self.applicants(branch_id, groups, people, regulars)
        self.meetings(branch_id, groups, people, committee, applicants)
        self.birthday_observances(people)
        self.summary.branches += 1

    def member(self, branch_id: int, group_id: int, i: int) -> _Person:
        rng, today = self.rng, self.today
        # old enough to have joined at 19 or later before the recorded years began
        youngest = max(24, (today - self.start).days // 365 + 1 + 19 + 2)
        f = self.person_fields((youngest, 88))
        age_at_join = rng.randint(19, 40)
        joined = f["birth_date"] + timedelta(days=age_at_join * 365 + rng.randrange(300))
        # members who joined during the recorded years come from the applicants (step 15)
        latest = self.start - timedelta(days=400)
        if joined > latest:
            joined = latest - timedelta(days=rng.randrange(200))
        if i == 1:  # an old comrade: 光荣在党50年
            born = date(today.year - 80, rng.randint(1, 12), rng.randint(1, 28))
            f["birth_date"] = born
            f["id_number"], f["native_place"] = self.id_number(born, Gender(f["gender"]))
            joined = date(today.year - 53, rng.randint(1, 6), rng.randint(1, 28))
        extension = 6 if i == 7 else 0
        full = add_months(add_years(joined, 1), extension)
        status, left, since = MemberStatus.FULL, None, full
        if i == 5:
            status, left = MemberStatus.TRANSFERRED_OUT, today - timedelta(days=rng.randint(60, 500))
        elif i == 9 and f["birth_date"] < date(today.year - 70, 1, 1):
            status, left = MemberStatus.DECEASED, today - timedelta(days=rng.randint(30, 700))
        if left is not None and left <= full:
            status, left = MemberStatus.FULL, None
        category = "离退休人员" if today.year - f["birth_date"].year >= 60 else rng.choice(words.CATEGORIES)
        if branch_id == 1 and i == 11:  # deliberate: a number mistyped long ago (MEMBER-ID-INVALID)
            f["id_number"] = f["id_number"][:17] + ("0" if f["id_number"][17] != "0" else "1")
        mid = self.rows.add(
            m.Member, branch_id=branch_id, group_id=group_id, joined_on=joined, full_member_on=full,
            probation_extension_months=extension, status=status.value, status_since=left or since,
            category=category, work_unit=f"{rng.choice(words.UNITS)} {rng.choice(words.POSITIONS)}",
            phone=self.phone(), address=f"{rng.choice(words.STREETS)}{rng.randint(1, 300)}号",
            dues_base=rng.choice((2800, 4500, 6200, 8000, 12000)), version=1, **f,
        )
        self.rows.add(m.MemberStatusChange, member_id=mid, status=MemberStatus.PROBATIONARY.value,
                      changed_on=joined, reason="支部大会通过接收为预备党员")
        self.rows.add(m.MemberStatusChange, member_id=mid, status=MemberStatus.FULL.value, changed_on=full,
                      reason="延长预备期6个月后转正" if extension else "按期转为正式党员")
        if left is not None:
            self.rows.add(m.MemberStatusChange, member_id=mid, status=status.value, changed_on=left,
                          reason="组织关系转出" if status is MemberStatus.TRANSFERRED_OUT else "因病去世",
                          destination="中共光明街道工作委员会机关党支部" if status is MemberStatus.TRANSFERRED_OUT else "")
        self.summary.members += 1
        return _Person(mid, f["name"], branch_id, group_id, joined, full, left)

    def committee(self, branch_id: int, index: int, regulars: list[_Person]) -> list[_Person]:
        rng, today = self.rng, self.today
        chosen = rng.sample(regulars, min(5, len(regulars)))
        # the demo's branches are 社区党支部: 5-year terms (中办《关于党的基层组织任期的意见》), said in the
        # branch's setting as a secretary would in 设置 → 支部与支委
        self.community_branches.append(branch_id)
        if index == 0:  # deliberate: the term ends within two months (ELECTION-DUE)
            elected = add_years(today, -5) + timedelta(days=50)
        else:
            elected = today - timedelta(days=rng.randint(200, 900))
        term_id = self.rows.add(m.CommitteeTerm, branch_id=branch_id, elected_on=elected, term_years=5)
        posts = [CommitteePost.SECRETARY, CommitteePost.DEPUTY_SECRETARY, CommitteePost.ORGANISATION,
                 CommitteePost.PROPAGANDA, CommitteePost.DISCIPLINE]
        for person, post in zip(chosen, posts):
            self.rows.add(m.CommitteePostHolder, term_id=term_id, post=post.value, member_id=person.id,
                          person_name=person.name, started_on=elected)
            self.rows.data[m.Member][person.id - 1]["party_post"] = f"支部{post.label}"
        return chosen

    # ------------------------------------------------------------ applicants

    def applicants(self, branch_id, groups, people, regulars) -> list[tuple[date, int, list[_Person], int]]:
        """Applicants at every stage; returns the 支部大会 votes they need: (date, step, voters, applicant)."""
        rng, today = self.rng, self.today
        count = max(8, self.n_members // 5)
        votes = []
        for k in range(count):
            target = _TARGET_STEPS[k % len(_TARGET_STEPS)]
            offsets = {1: 0}
            for no in range(2, 26):
                lo, hi = _STEP_GAPS[no]
                gap = rng.randint(lo, hi)
                if no == Step.APPLICATION_TALK and k == 0:
                    gap = 40  # deliberate: the talk came after more than a month (DEV-TALK-1M)
                if no == Step.CANDIDATE:  # a year after becoming an activist
                    gap = offsets[Step.ACTIVIST] + rng.randint(380, 480) - offsets[Step.ACTIVIST_EDUCATION]
                if no == Step.FULL_MEMBERSHIP_REQUEST:
                    gap = offsets[Step.BRANCH_CONGRESS_ADMIT] + rng.randint(345, 360) - offsets[Step.PROBATION_EDUCATION]
                if no == Step.BRANCH_CONGRESS_FULL:
                    gap = offsets[Step.BRANCH_CONGRESS_ADMIT] + rng.randint(366, 380) - offsets[Step.FULL_MEMBERSHIP_REQUEST]
                offsets[no] = offsets[no - 1] + max(gap, 0)
            last_done = today - timedelta(days=rng.randint(5, 50))
            applied = last_done - timedelta(days=offsets[target])
            if k == 2 and target == Step.ACTIVIST_FILING:  # deliberate: an activist whose half-year review is late
                applied = today - timedelta(days=offsets[3] + 260)
            f = self.person_fields((19, 45))
            group_id = groups[k % 3]
            done = {no: applied + timedelta(days=offsets[no]) for no in range(1, target + 1)}
            member_id = None
            status = ApplicantStatus.ACTIVE
            outcome = None
            if target >= Step.BRANCH_CONGRESS_ADMIT:
                joined = done[Step.BRANCH_CONGRESS_ADMIT]
                full = done[Step.BRANCH_CONGRESS_FULL] if target >= Step.BRANCH_CONGRESS_FULL else None
                if target >= Step.FULL_MEMBERSHIP_APPROVAL:
                    full = add_years(joined, 1)
                    outcome = ProbationOutcome.ON_TIME
                    status = ApplicantStatus.COMPLETED
                keys = {k2: f[k2] for k2 in ("name", "name_pinyin", "name_initials", "name_strokes", "gender",
                                               "ethnicity", "birth_date", "native_place", "id_number", "education")}
                member_id = self.rows.add(
                    m.Member, branch_id=branch_id, group_id=group_id, joined_on=joined,
                    full_member_on=full, status=(MemberStatus.FULL if full else MemberStatus.PROBATIONARY).value,
                    status_since=full or joined, category=rng.choice(words.CATEGORIES[:5]),
                    work_unit=f"{rng.choice(words.UNITS)} {rng.choice(words.POSITIONS)}", phone=self.phone(),
                    address=f"{rng.choice(words.STREETS)}{rng.randint(1, 300)}号", dues_base=4500, version=1, **keys,
                )
                self.rows.add(m.MemberStatusChange, member_id=member_id, status=MemberStatus.PROBATIONARY.value,
                              changed_on=joined, reason="支部大会通过接收为预备党员")
                if full:
                    self.rows.add(m.MemberStatusChange, member_id=member_id, status=MemberStatus.FULL.value,
                                  changed_on=full, reason="按期转为正式党员")
                people.append(_Person(member_id, f["name"], branch_id, group_id, joined, full))
                self.summary.members += 1
            app_id = self.rows.add(
                m.Applicant, branch_id=branch_id, group_id=group_id, member_id=member_id,
                name=f["name"], gender=f["gender"], ethnicity=f["ethnicity"], birth_date=f["birth_date"],
                id_number=f["id_number"], native_place=f["native_place"], education=f["education"],
                work_unit=f"{rng.choice(words.UNITS)} {rng.choice(words.POSITIONS)}", phone=self.phone(),
                rule_catalog_version=CURRENT_VERSION, status=status.value,
                probation_outcome=outcome.value if outcome else None, version=1,
            )
            self.summary.applicants += 1
            contacts = rng.sample(regulars, 2) if len(regulars) >= 2 else regulars
            talker = regulars[0].name if regulars else ""
            for no, d in done.items():
                people_rows, details = [], {}
                if no == Step.APPLICATION_TALK:
                    people_rows = [{"role": "谈话人", "name": talker}]
                elif no in (Step.CONTACTS, Step.ACTIVIST_EDUCATION):
                    people_rows = [{"role": "培养联系人", "name": p.name, "member_id": p.id} for p in contacts]
                elif no == Step.SPONSORS:
                    people_rows = [{"role": "入党介绍人", "name": p.name, "member_id": p.id} for p in contacts]
                elif no == Step.POLITICAL_REVIEW:
                    details = {"conclusion": "合格"}
                elif no == Step.TRAINING:
                    details = {"days": 3, "hours": 24, "organiser": "街道党工委党校"}
                elif no == Step.COMMITTEE_REVIEW:
                    details = {"notice_from": d.isoformat(), "notice_to": self.notice_end(d).isoformat()}
                elif no in (Step.BRANCH_CONGRESS_ADMIT, Step.BRANCH_CONGRESS_FULL):
                    voters = [p for p in people if p.on_roll(d) and p.can_vote(d) and p.id != member_id]
                    votes.append((d, no, voters, app_id))
                    details = {"vote_pending": True}
                    if no == Step.BRANCH_CONGRESS_FULL:
                        details["outcome"] = ProbationOutcome.ON_TIME.value
                elif no in (Step.ADMISSION_APPROVAL, Step.FULL_MEMBERSHIP_APPROVAL):
                    details = {"approved": True, "approval_no": f"光党工委〔{d.year}〕{app_id * 10 + no}号"}
                elif no == Step.UPPER_TALK:  # the 纪实表 names who did each step that has people
                    people_rows = [{"role": "谈话人", "name": "街道党工委组织委员"}]
                elif no == Step.OATH:
                    people_rows = [{"role": "领誓人", "name": talker}]
                elif no == Step.FULL_MEMBERSHIP_REQUEST:
                    people_rows = [{"role": "培养联系人", "name": p.name, "member_id": p.id} for p in contacts]
                self.rows.add(m.DevelopmentStep, applicant_id=app_id, step_no=no, done_on=d,
                              people=people_rows, details=details, notes="")
                self.step_rows[(app_id, no)] = self.rows.data[m.DevelopmentStep][-1]
            # 思想汇报 every quarter and 考察 every half year from the activist stage on
            if target >= Step.ACTIVIST:
                end = min(today, done.get(Step.FULL_MEMBERSHIP_APPROVAL, today))
                d = done[Step.ACTIVIST] + timedelta(days=90)
                n = 0
                while d < end:
                    kind = "review" if n % 2 == 1 else "thought_report"
                    skip_late = k == 2 and target == Step.ACTIVIST_FILING and d > done[Step.ACTIVIST] + timedelta(days=170)
                    if not skip_late:
                        self.rows.add(m.DevelopmentReview, applicant_id=app_id, kind=kind, done_on=d,
                                      reviewer=contacts[0].name if contacts else "",
                                      content="思想汇报：学习党的理论，联系工作实际谈体会。" if kind == "thought_report"
                                      else "半年考察：表现良好，学习积极，能够发挥骨干作用。")
                    d += timedelta(days=91)
                    n += 1
        return votes

    # ------------------------------------------------------------ meetings

    def meetings(self, branch_id, groups, people, committee, votes) -> None:
        rng, today = self.rng, self.today
        first_branch = branch_id == 1
        last_year = today.year - 1
        theme_day = rng.randint(10, 20)
        plan: list[tuple[MeetingType, date, int | None]] = []
        for p in periods_between("M", self.start, today):
            if not (first_branch and p == Period("M", last_year, 3)):  # deliberate gap
                plan.append((MeetingType.COMMITTEE, p.start + timedelta(days=rng.randint(2, 9)), None))
            plan.append((MeetingType.THEME_DAY, p.start.replace(day=theme_day), None))
            for gi, g in enumerate(groups):
                if first_branch and gi == 1 and p == Period.containing("M", add_months(today, -1)):
                    continue  # deliberate gap: a 党小组 missed last month
                plan.append((MeetingType.GROUP, p.start + timedelta(days=rng.randint(17, 26)), g))
        for q in periods_between("Q", self.start, today):
            plan.append((MeetingType.BRANCH_CONGRESS, q.start + timedelta(days=rng.randint(35, 50)), None))
            if not (first_branch and q == Period("Q", last_year, 2)):
                plan.append((MeetingType.LECTURE, q.start + timedelta(days=rng.randint(62, 80)), None))
        for y in range(self.start.year, today.year + 1):
            plan.append((MeetingType.HEART_TALK, date(y, 11, rng.randint(3, 12)), None))
            plan.append((MeetingType.HEART_TALK, date(y, 11, rng.randint(14, 25)), None))
            plan.append((MeetingType.ORG_LIFE, date(y, 12, rng.randint(15, 22)), None))
            plan.append((MeetingType.APPRAISAL, date(y, 12, rng.randint(23, 28)), None))
        plan = [(t, d, g) for t, d, g in plan if d < today]
        plan.sort(key=lambda x: (x[1], x[0].value))
        by_date_votes: dict[date, list] = {}
        for d, no, voters, app_id in votes:
            by_date_votes.setdefault(d, []).append((no, voters, app_id))
        for d in sorted(by_date_votes):
            if self.start <= d < today:
                plan.append((MeetingType.BRANCH_CONGRESS, d, None))
        plan.sort(key=lambda x: (x[1], x[0].value))
        secretary = committee[0].name if committee else ""
        recorder = committee[2].name if len(committee) > 2 else secretary
        group_names = {g: f"第{'一二三'[i]}党小组" for i, g in enumerate(groups)}
        for mtype, d, group_id in plan:
            if mtype is MeetingType.COMMITTEE:
                expected = [p for p in committee if p.on_roll(d)]
            elif mtype is MeetingType.GROUP:
                expected = [p for p in people if p.group_id == group_id and p.on_roll(d)]
            elif mtype is MeetingType.HEART_TALK:
                expected = []
            else:
                expected = [p for p in people if p.on_roll(d)]
            topic = rng.choice(words.TOPICS[mtype.value])
            vote_items = by_date_votes.pop(d, []) if mtype is MeetingType.BRANCH_CONGRESS else []
            if vote_items:
                topic = "讨论接收预备党员和预备党员转正"
            host = secretary
            if mtype is MeetingType.GROUP:
                members_of_group = [p for p in expected if p.can_vote(d)]
                host = members_of_group[0].name if members_of_group else secretary
            counterpart = ""
            if mtype is MeetingType.HEART_TALK and people:
                counterpart = rng.choice([p for p in people if p.on_roll(d)] or people).name
            mid = self.rows.add(
                m.Meeting, branch_id=branch_id, type=mtype.value, group_id=group_id,
                title=(f"{group_names[group_id]}会议" if mtype is MeetingType.GROUP else topic),
                held_on=d, place=rng.choice(words.PLACES), host=host, recorder=recorder,
                lecturer=secretary if mtype is MeetingType.LECTURE else "", counterpart=counterpart,
                topics=topic, minutes=self.minutes_text(mtype, topic, host, counterpart=counterpart),
                resolutions="会议一致同意上述事项，由支部委员会负责落实。" if mtype in (
                    MeetingType.BRANCH_CONGRESS, MeetingType.COMMITTEE) else "",
                state=(MeetingState.FINAL if d < today - timedelta(days=14) else MeetingState.DRAFT).value,
                version=1,
            )
            present_count = 0
            present_voters = 0
            present_names: list[str] = []
            drawn = expected
            # the person admitted at this meeting is voted on, not expected (not yet a member)
            expected = [p for p in expected if not (vote_items and p.joined_on == d)]
            for p in drawn:
                status, reason = self.attendance_draw(p, d)  # drawn for everyone: the random stream stays
                if p not in expected:
                    continue
                if p.name in (host, recorder):  # who chaired and who wrote the record were there
                    status, reason = AttendanceStatus.PRESENT, ""
                if status is AttendanceStatus.PRESENT:
                    present_count += 1
                    present_names.append(p.name)
                    if p.can_vote(d):
                        present_voters += 1
                self.rows.add(m.Attendance, meeting_id=mid, member_id=p.id, status=status.value,
                              reason=reason, can_vote=p.can_vote(d))
                self.summary.attendance += 1
            if present_names:  # those who spoke were there (same draws as before, so the seed's data stay)
                self.rows.data[m.Meeting][-1]["minutes"] = self.minutes_text(mtype, topic, host, present_names)
            if mtype is MeetingType.HEART_TALK:
                self.rows.data[m.Meeting][-1].update(expected=2, present=2)
            else:
                self.rows.data[m.Meeting][-1].update(expected=len(expected), present=present_count)
            if mtype is MeetingType.APPRAISAL:
                for p in expected:
                    if p.can_vote(d):
                        r = rng.random()
                        outcome = (AppraisalOutcome.EXCELLENT if r < 0.2 else AppraisalOutcome.QUALIFIED
                                   if r < 0.97 else AppraisalOutcome.BASICALLY_QUALIFIED)
                        self.rows.add(m.AppraisalResult, meeting_id=mid, member_id=p.id, outcome=outcome.value)
            expected_voters = sum(1 for p in expected if p.can_vote(d))
            unanimous = True
            for no, _voters, app_id in vote_items:
                in_favour = present_voters - rng.randint(0, 1) if present_voters else 0
                unanimous = unanimous and in_favour == present_voters
                result = tally(expected_voters, present_voters, in_favour, 0, present_voters - in_favour)
                name = self.rows.data[m.Applicant][app_id - 1]["name"]
                admission = no == Step.BRANCH_CONGRESS_ADMIT
                kind = VoteKind.ADMISSION if admission else VoteKind.FULL_MEMBERSHIP
                subject = f"关于接收{name}同志为中共预备党员" if admission else f"关于{name}同志按期转为中共正式党员"
                self.rows.add(m.Vote, meeting_id=mid, kind=kind.value, subject=subject, applicant_id=app_id,
                              expected_voters=expected_voters, present_voters=present_voters,
                              in_favour=in_favour, against=0, abstain=present_voters - in_favour,
                              quorum=result.quorum, passed=result.passed, method=VoteMethod.SHOW_OF_HANDS.value)
                step = self.step_rows[(app_id, no)]
                step["details"] = {k: v for k, v in step["details"].items() if k != "vote_pending"} | {
                    "meeting_id": mid, "expected_voters": expected_voters,
                    "present_voters": present_voters, "in_favour": in_favour, "against": 0,
                    "abstain": present_voters - in_favour, "passed": result.passed}
            if not unanimous:  # the text follows the tally: with 弃权 it was not 一致
                self.rows.data[m.Meeting][-1]["resolutions"] = "会议经举手表决，按表决结果通过上述事项，由支部委员会负责落实。"
            self.summary.meetings += 1
        # votes of steps before the demo's first year: tallies without a meeting record
        for d, items in by_date_votes.items():
            for no, voters, app_id in items:
                n = len(voters)
                self.step_rows[(app_id, no)]["details"] = {
                    "expected_voters": n, "present_voters": n, "in_favour": n, "against": 0, "abstain": 0,
                    "passed": n > 0}

    def notice_end(self, start: date) -> date:
        """A 公示 of 5 working days by the official calendar (a week, longer over 国庆 or 春节)."""
        end = start + timedelta(days=7)
        while self.calendar.working_days(start, end) < 5:
            end += timedelta(days=1)
        return end

    def attendance_draw(self, p: _Person, d: date) -> tuple[AttendanceStatus, str]:
        rng = self.rng
        if p.inactive_from and d >= p.inactive_from:  # 缺席 with no reason given: not on leave
            return AttendanceStatus.ABSENT, ""
        r = rng.random()
        if r < 0.88:
            return AttendanceStatus.PRESENT, ""
        if r < 0.97:
            return AttendanceStatus.LEAVE, rng.choice(words.LEAVE_REASONS)
        return AttendanceStatus.ABSENT, rng.choice(words.ABSENT_REASONS)

    def minutes_text(self, mtype: MeetingType, topic: str, host: str, present: list[str] | None = None,
                     counterpart: str = "") -> str:
        """The first call for a meeting draws the speakers' places; the second (with who was present)
        reuses them, so the random stream, and with it the rest of the demo, stays the same."""
        if present is None:
            self._speaker_slots = self.rng.sample(range(len(self.names_in_order)), min(2, len(self.names_in_order)))
            speakers = [self.names_in_order[i] for i in self._speaker_slots]
        else:
            speakers = list(dict.fromkeys(present[i % len(present)] for i in self._speaker_slots))
        if mtype is MeetingType.HEART_TALK:  # a talk between two people: no chair, no other speakers
            return (f"{host}同志与{counterpart}同志围绕“{topic}”开展谈心谈话，交流了思想、工作和学习情况。\n"
                    f"{counterpart}：谈了近期的工作和思想状况，表示要在社区服务中发挥党员先锋模范作用。\n"
                    f"{host}：肯定了成绩，指出了需要改进的地方，希望继续加强学习。")
        lines = [f"{host}同志主持会议，传达上级有关精神，围绕“{topic}”进行学习讨论。"]
        for s in speakers:
            lines.append(f"{s}：结合本职工作谈了学习体会，表示要在社区服务中发挥党员先锋模范作用。")
        if mtype is MeetingType.LECTURE:
            lines.append("主讲人从理论和实践两个方面作了讲解，党员认真听讲并做好笔记。")
        return "\n".join(lines)

    def birthday_observances(self, people: list[_Person]) -> None:
        rng, today = self.rng, self.today
        for p in people:
            if p.left_on is not None:
                continue
            for year in range(self.start.year, today.year):
                if rng.random() < 0.6:
                    try:
                        d = p.joined_on.replace(year=year)
                    except ValueError:
                        d = date(year, 2, 28)
                    if d < p.joined_on:
                        continue
                    kind = rng.choice(list(BirthdayObservance))
                    self.rows.add(m.BirthdayObservanceRecord, member_id=p.id, year=year, kind=kind.value,
                                  done_on=d, note="")


_WRITE_ORDER = (
    m.Branch, m.PartyGroup, m.Member, m.MemberStatusChange, m.CommitteeTerm, m.CommitteePostHolder,
    m.Applicant, m.DevelopmentStep, m.DevelopmentReview, m.Meeting, m.Attendance, m.Vote,
    m.AppraisalResult, m.BirthdayObservanceRecord, m.DuesPayment, m.StudyRecord, m.PointsItem, m.PointsEntry,
    m.Transfer, m.FloatingRecord, m.CommunityReport, m.HeartTalkPair, m.UnqualifiedDisposal, m.Rectification,
)


def check_demo_size(branches: int, members: int, years: int) -> None:
    """Refuse sizes the demo does not make, before any file is created (issue 17, defect 11)."""
    if not 1 <= branches <= 200:
        raise ValidationError("支部数应在 1 到 200 之间。")
    if not 6 <= members <= 5000:
        raise ValidationError("每个支部的党员数应在 6 到 5000 之间。")
    if not 1 <= years <= 30:
        raise ValidationError("年数应在 1 到 30 之间。")


def make_demo(
    db: Database,
    seed: int = 1,
    branches: int = 1,
    members: int = 35,
    years: int = 3,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data; refuses a database that already holds branches."""
    check_demo_size(branches, members, years)
    today = today or date.today()
    with db.session() as s:
        if s.scalar(select(func.count(m.Branch.id))):
            raise ValidationError("数据库中已经有支部，演示数据只能写入一个新的数据库，请换一个文件名。")
    gen = _Generator(seed, branches, members, years, today)
    total = branches + 1
    for i in range(branches):
        if progress:
            progress(i, total, f"正在生成第 {i + 1} 个支部")
        gen.branch(i)
    _dues(gen, seed)
    from dangjian_desktop.services.demo_study import add_study

    add_study(gen, seed)
    from dangjian_desktop.services.demo_points import add_points

    add_points(gen, seed)
    from dangjian_desktop.services.demo_transfers import add_transfers

    add_transfers(gen, seed)  # 组织关系 (issue 24): its own random stream
    from dangjian_desktop.services.demo_reviews import add_reviews

    add_reviews(gen, seed)  # a random stream of its own: the rest of the demo stays as it was
    _rectifications(gen, seed)
    if progress:
        progress(branches, total, "正在写入数据库")
    with db.transaction() as s:
        conn = s.connection()
        for model in _WRITE_ORDER:
            rows = gen.rows.data.get(model)
            if rows:
                # Core executemany (a COPY on PostgreSQL) per set of keys (rows that leave a column out
                # get its default): half the time of the ORM's bulk insert for a 党委 with 4 million
                # attendance rows
                for start in range(0, len(rows), 20000):
                    same_keys: dict[tuple, list[dict]] = {}
                    for row in rows[start:start + 20000]:
                        same_keys.setdefault(tuple(row), []).append(row)
                    for batch in same_keys.values():
                        insert_rows(conn, model.__table__, batch)
        for branch_id in gen.community_branches:
            s.add(m.Setting(scope=f"branch:{branch_id}", key=COMMUNITY_KEY, value=True))
        s.flush()
        reset_sequences(s)  # ids were given here; PostgreSQL's counters must follow
        gather_statistics(s)  # so that the first queries over the new rows are planned knowing them
    if progress:
        progress(total, total, "完成")
    return gen.summary


def _dues(gen: _Generator, seed: int) -> None:
    """Years of 党费 (at most the last three, to the month before today, and part of this month): most
    members pay each month by the brackets; now and then a month is paid late (补缴), one member prepays
    half a year, one hard-up member is exempt with the approval noted; deliberately, in each branch one
    member has paid nothing for 3 months (DUES-ARREARS-3M) and one for 4 (MEMBER-INACTIVE-6M is due).
    Drawn from its own random stream, so the rest of the demo stays what it was."""
    from decimal import Decimal

    from dangjian_desktop.core import dues as core
    from dangjian_desktop.core.glossary import DuesKind

    rng = random.Random(seed * 7919 + 22)
    rates = core.Rates.national()
    today = gen.today
    current = core.month_of(today)
    first = core.month_no(today.year - min(gen.years, 3) + 1, 1)
    by_branch: dict[int, list[dict]] = {}
    for row in gen.rows.data.get(m.Member, []):
        by_branch.setdefault(row["branch_id"], []).append(row)
    for people in by_branch.values():
        regulars = [r for r in people if r["status"] in (MemberStatus.FULL.value, MemberStatus.PROBATIONARY.value)
                    and r["joined_on"] and core.month_of(r["joined_on"]) < first]
        picked = rng.sample(regulars, min(4, len(regulars)))
        stops = {}
        if len(picked) >= 2:
            stops = {picked[0]["id"]: current - 3, picked[1]["id"]: current - 4}  # the first month unpaid
        prepays = picked[2]["id"] if len(picked) > 2 else None
        exempt = picked[3]["id"] if len(picked) > 3 else None
        for r in people:
            joined = r["joined_on"]
            start = max(first, core.month_of(joined)) if joined else first
            end = current
            if r["status"] not in (MemberStatus.FULL.value, MemberStatus.PROBATIONARY.value):
                end = min(end, core.month_of(r["status_since"])) if r["status_since"] else start - 1
            basis = core.basis_from_category(r.get("category") or "")
            due = core.monthly_due(basis, Decimal(r["dues_base"]) if r.get("dues_base") is not None else None, rates)
            if due is None:
                continue
            late: set[int] = set()
            for n in range(start, end + 1):
                if r["id"] in stops and n >= stops[r["id"]]:
                    break
                y, mo = core.year_month(n)
                base = r.get("dues_base")
                if r["id"] == exempt and n >= current - 8:
                    gen.rows.add(m.DuesPayment, member_id=r["id"], year=y, month=mo, base=base, due=due,
                                 paid=Decimal("0.00"), paid_on=None, kind=DuesKind.EXEMPT.value,
                                 note=f"家庭困难，经中共光明街道工作委员会{core.month_label(current - 9)}批准免缴一年")
                    continue
                if r["id"] == prepays and n == current - 2:
                    for k in range(6):  # half a year ahead before a long posting elsewhere
                        py, pm = core.year_month(n + k)
                        gen.rows.add(m.DuesPayment, member_id=r["id"], year=py, month=pm, base=base, due=due,
                                     paid=due, paid_on=date(y, mo, 3), kind=DuesKind.PREPAID.value, note="外派前预交")
                    break
                if n == current:
                    day = rng.randint(1, 28)
                    if day <= today.day and rng.random() < 0.6:
                        gen.rows.add(m.DuesPayment, member_id=r["id"], year=y, month=mo, base=base, due=due,
                                     paid=due, paid_on=date(y, mo, day), kind=DuesKind.PAID.value, note="")
                    continue
                if n not in late and n + 1 < current and rng.random() < 0.04:
                    late.add(n)  # paid with the next month's (补缴)
                    ny, nm = core.year_month(n + 1)
                    gen.rows.add(m.DuesPayment, member_id=r["id"], year=y, month=mo, base=base, due=due, paid=due,
                                 paid_on=date(ny, nm, rng.randint(5, 20)), kind=DuesKind.MAKEUP.value,
                                 note="外出务工，回来后补交")
                    continue
                gen.rows.add(m.DuesPayment, member_id=r["id"], year=y, month=mo, base=base, due=due, paid=due,
                             paid_on=date(y, mo, rng.randint(5, 20)), kind=DuesKind.PAID.value, note="")


# (problem, measure, owner: None = a 支委 of the branch, else the text) of the 组织生活会's 整改 items
_RECTIFY = (
    ("理论学习不够系统，存在以干代学现象", "制定季度学习计划，每月主题党日安排集中学习，书记带头讲党课", None),
    ("“三会一课”记录不够规范，部分会议记录过于简单", "统一会议记录格式，会后3个工作日内整理记录并由书记审核", None),
    ("联系服务群众不够深入，走访困难党员次数偏少", "建立支委联系党员和困难群众制度，每季度至少走访1次", None),
    ("批评和自我批评辣味不足，相互提意见避重就轻", "会前开展谈心谈话，逐人列出问题清单，会后对照整改", "支部委员会"),
    ("党费收缴不够及时，个别党员存在迟交现象", "每月10日前集中收缴，对迟交党员及时提醒并谈心谈话", None),
    ("发展党员工作推进较慢，入党积极分子培养考察不够经常", "每半年对积极分子考察一次，明确培养联系人责任", None),
    ("党员先锋作用发挥不够明显，志愿服务参与率不高", "设立党员先锋岗，组织党员每月参加1次志愿服务", "全体党员"),
)


def _rectifications(gen: _Generator, seed: int) -> None:
    """The 整改 items of each branch's last two 组织生活会: the earlier year's all closed (销号) with a note,
    the latest year's partly closed, one past its deadline (ORG-LIFE-RECTIFY overdue) and one near it (due).
    Drawn from their own random stream, so the rest of the demo stays what it was."""
    rng = random.Random(seed * 1000 + 33)
    today = gen.today
    members: dict[int, list[dict]] = {}
    for row in gen.rows.data.get(m.Member, []):
        if row["status"] in (MemberStatus.FULL.value, MemberStatus.PROBATIONARY.value):
            members.setdefault(row["branch_id"], []).append(row)
    org_life: dict[int, list[dict]] = {}
    for row in gen.rows.data.get(m.Meeting, []):
        if row["type"] in (MeetingType.ORG_LIFE, MeetingType.ORG_LIFE.value) and row["held_on"] <= today:
            org_life.setdefault(row["branch_id"], []).append(row)
    for branch_id, meetings in org_life.items():
        people = members.get(branch_id, [])
        if not people:
            continue
        meetings.sort(key=lambda r: r["held_on"])
        for k, meeting in enumerate(meetings[-2:]):
            latest = k == len(meetings[-2:]) - 1
            held = meeting["held_on"]
            picked = rng.sample(_RECTIFY, 4 if latest else 3)
            for i, (problem, measure, owner_text) in enumerate(picked):
                owner = None if owner_text else rng.choice(people)
                deadline = held + timedelta(days=rng.randint(60, 150))
                closed_on, note = None, ""
                if latest and i == 0:
                    deadline = today - timedelta(days=rng.randint(10, 40))  # past, not closed: overdue
                elif latest and i == 1:
                    deadline = today + timedelta(days=rng.randint(3, 12))  # near: due
                else:
                    closed_on = min(today, deadline - timedelta(days=rng.randint(0, 30)))
                    note = "已按措施完成整改，相关制度和记录已归档，经支部委员会审核同意销号。"
                gen.rows.add(m.Rectification, branch_id=branch_id, meeting_id=meeting["id"], problem=problem,
                             measure=measure, owner_member_id=owner["id"] if owner else None,
                             owner_name=owner["name"] if owner else owner_text, raised_on=held, deadline=deadline,
                             closed_on=closed_on, closing_note=note)
