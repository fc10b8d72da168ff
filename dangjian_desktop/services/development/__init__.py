"""发展党员: applicants through the 25 steps, the roster kept in step, the board and the timeline.

A package along the seams of the work: `model` (what callers get), `facts` (what the DEV-* rules
judge, read from the database), `applicants` (register, particulars, 终止培养, 考察 records),
`steps` (record or clear a step; the roster follows at 15, 23, 24), `reading` (board, file,
choices), `check` (the findings of `check`), `importing` (a 发展党员台账). Everything callers use
is importable from here, and each part is imported when one of its names is first used (PEP 562):
`check` at start-up needs only the facts and the rules, not the importer or the board (about 15 ms).
"""

from __future__ import annotations

import importlib
from typing import Any

# name -> the part it lives in: the one list of what callers import from here
_WHERE = {name: part for part, names in {
    "applicants": ("add_review", "create_applicant", "remove_review", "stop_applicant", "update_applicant"),
    "check": ("check_provider",),
    "importing": ("ImportResult", "import_ledger", "preview_ledger_import"),
    "model": ("REVIEW_KINDS", "ROSTER_STEPS", "ApplicantDetail", "BoardColumn", "Card", "ReviewInfo", "RosterChoice",
              "StepInfo", "StepRefused", "step_summary"),
    "reading": ("MeetingVote", "applicant_choices", "applicant_detail", "board", "list_applicants", "meeting_vote",
                "roster_choices", "rule_params"),
    "steps": ("clear_step", "full_membership_date", "record_step"),
}.items() for name in names}


def __getattr__(name: str) -> Any:
    part = _WHERE.get(name)
    if part is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{part}"), name)
    globals()[name] = value  # once: later uses are plain lookups
    return value


__all__ = sorted(_WHERE)
