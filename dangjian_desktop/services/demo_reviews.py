"""The demo's year reviews: who talked with whom in its 谈心谈话 records, the 民主测评 votes of its
民主评议 outcomes, and one 不合格 member with a 处置 still running (APPRAISAL-DISPOSAL on 首页).

Drawn from a random stream of its own (seed × 1000 + 32) over rows the demo already made: no record is
added or dropped, so every count the rest of the demo gives stays what it was.
"""

from __future__ import annotations

import random
from datetime import timedelta

from dangjian_desktop.core.dates import add_months
from dangjian_desktop.core.glossary import AppraisalOutcome, DisposalAction, MeetingType
from dangjian_desktop.db import models as m


def add_reviews(gen, seed: int) -> None:
    """Pairs for the 谈心谈话 records, votes for every outcome, one 不合格 with its 处置 (the first branch)."""
    rng = random.Random(seed * 1000 + 32)
    rows = gen.rows
    members = rows.data.get(m.Member, [])
    by_name = {(r["branch_id"], r["name"]): r["id"] for r in members}
    meetings = rows.data.get(m.Meeting, [])
    for mt in meetings:
        if mt["type"] != MeetingType.HEART_TALK.value:
            continue
        talker = by_name.get((mt["branch_id"], mt["host"]))
        listener = by_name.get((mt["branch_id"], mt["counterpart"]))
        if talker and listener and talker != listener:
            rows.add(m.HeartTalkPair, meeting_id=mt["id"], talker_id=talker, listener_id=listener)
    # 民主测评: everyone present votes once for each member; the outcome is the grade most voted for
    for r in rows.data.get(m.AppraisalResult, []):
        present = meetings[r["meeting_id"] - 1]["present"] or 0
        votes = _votes(rng, AppraisalOutcome(r["outcome"]), present)
        r.update(zip(("votes_excellent", "votes_qualified", "votes_basic", "votes_unqualified"), votes))
    last_year = gen.today.year - 1
    candidates = [r for r in rows.data.get(m.AppraisalResult, [])
                  if meetings[r["meeting_id"] - 1]["branch_id"] == 1
                  and meetings[r["meeting_id"] - 1]["held_on"].year == last_year
                  and r["outcome"] == AppraisalOutcome.QUALIFIED.value
                  and not members[r["member_id"] - 1].get("party_post")]
    if not candidates:
        return
    r = rng.choice(candidates)
    present = meetings[r["meeting_id"] - 1]["present"] or 0
    r["outcome"] = AppraisalOutcome.UNQUALIFIED.value
    r.update(zip(("votes_excellent", "votes_qualified", "votes_basic", "votes_unqualified"),
                 _votes(rng, AppraisalOutcome.UNQUALIFIED, present)))
    r["note"] = "长期不参加组织生活，经提醒仍未改正"
    decided = meetings[r["meeting_id"] - 1]["held_on"] + timedelta(days=rng.randint(15, 25))
    rows.add(m.UnqualifiedDisposal, result_id=r["id"], action=DisposalAction.CORRECT.value, decided_on=decided,
             deadline=add_months(decided, 12), closed_on=None, closing="",
             note="支部大会决定限期一年改正，由组织委员联系帮助", version=1)


def _votes(rng: random.Random, outcome: AppraisalOutcome, present: int) -> tuple[int, int, int, int]:
    """Votes for 优秀/合格/基本合格/不合格 that add up to `present`, the outcome's grade the most voted."""
    if present <= 0:
        return 0, 0, 0, 0
    grades = list(AppraisalOutcome)
    main = grades.index(outcome)
    counts = [0, 0, 0, 0]
    share = rng.uniform(0.55, 0.9)
    counts[main] = max(1, round(present * share))
    rest = present - counts[main]
    for _ in range(rest):
        k = main + rng.choice((-1, 1)) if 0 < main < 3 else (1 if main == 0 else 2)
        counts[k] += 1
    return counts[0], counts[1], counts[2], counts[3]
