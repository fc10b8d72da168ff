"""首页's figures (services.dashboard): counted the cheap way, they must say what the pages they summarise say."""

from __future__ import annotations

from datetime import date

from dangjian_desktop.services.branches import list_branches
from dangjian_desktop.services.dashboard import applicants_by_stage
from dangjian_desktop.services.development import board


def test_applicants_by_stage_counts_the_cards_of_the_development_board(demo_db):
    branch_id = list_branches(demo_db)[0].id
    seen_nonzero = set()
    for day in (date(2024, 3, 1), date(2025, 7, 1), date(2026, 11, 23)):
        columns = board(demo_db, branch_id, day)
        counts = applicants_by_stage(demo_db, branch_id, day)
        assert [c.value for c in counts] == [len(col.cards) for col in columns], day
        seen_nonzero |= {i for i, c in enumerate(counts) if c.value}
    assert len(seen_nonzero) >= 3  # the demo has people in several stages: the comparison means something


def test_the_first_day_checklist_says_what_the_records_show(demo_db, db):
    """首页's first steps: done once the branch has anyone on the roll, a 支委 term and a 党小组, a
    meeting this year, anyone in the 发展 procedure; a new branch has done none of them."""
    from sqlalchemy import delete

    from dangjian_desktop.db import models as m
    from dangjian_desktop.services.branches import create_branch
    from dangjian_desktop.services.first_day import start_steps

    def done(database, branch_id, year):
        return {step.key: step.done for step in start_steps(database, branch_id, year)}

    branch_id = list_branches(demo_db)[0].id
    years = sorted({d.year for d in demo_db.engine.connect().execute(
        m.Meeting.__table__.select().with_only_columns(m.Meeting.held_on)).scalars()})
    everything = {"members": True, "committee": True, "meetings": True, "development": True}
    assert done(demo_db, branch_id, years[-1]) == everything
    assert done(demo_db, branch_id, years[-1] + 1)["meetings"] is False  # none in a year not begun
    with demo_db.transaction() as s:
        s.execute(m.Member.__table__.update().values(group_id=None))
        s.execute(delete(m.PartyGroup))
    assert done(demo_db, branch_id, years[-1]) == {**everything, "committee": False}  # a term, but no 党小组

    new = create_branch(db, "新支部")
    assert done(db, new.id, years[-1]) == dict.fromkeys(everything, False)
