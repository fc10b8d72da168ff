"""The first day: what a new secretary does first, in order, and which of it is done (首页 shows it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database


@dataclass(frozen=True)
class StartStep:
    key: str  # members | committee | meetings | development: where its button leads
    title: str
    hint: str
    done: bool


def start_steps(db: Database, branch_id: int, year: int) -> list[StartStep]:
    """The four first steps with whether the branch's records already show each done."""
    def any_of(model, *where):
        return select(model.id).where(model.branch_id == branch_id, *where).exists()

    # one statement, each part stopping at the first row (首页 asks it at every start, before its data shows)
    with db.engine.connect() as conn:
        members, terms, groups, meetings, applicants = conn.execute(select(
            any_of(m.Member), any_of(m.CommitteeTerm), any_of(m.PartyGroup),
            any_of(m.Meeting, m.Meeting.held_on >= date(year, 1, 1)), any_of(m.Applicant))).one()
    return [
        StartStep("members", "导入花名册或新增党员", "从 Excel 花名册导入全体党员，或逐个新增。", bool(members)),
        StartStep("committee", "登记支委与党小组", "在“设置 → 支部与支委”中登记本届支委和各党小组。", bool(terms and groups)),
        StartStep("meetings", f"录入{year}年的会议", "把今年已开的三会一课补录进来（也可以导入台账）。", bool(meetings)),
        StartStep("development", "导入发展党员台账", "有入党申请人、积极分子的，导入台账或逐个登记。", bool(applicants)),
    ]


def has_meetings(db: Database, branch_id: int) -> bool:
    """Whether the branch has any meeting record (三会一课 says what to do first when not)."""
    with db.session() as s:
        return s.scalar(select(m.Meeting.id).where(m.Meeting.branch_id == branch_id).limit(1)) is not None


def has_members(db: Database, branch_id: int) -> bool:
    """Whether the branch has anyone on its roster (政治生日 is computed from it)."""
    with db.session() as s:
        return s.scalar(select(m.Member.id).where(m.Member.branch_id == branch_id).limit(1)) is not None
