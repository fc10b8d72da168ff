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
