"""The pages of the navigation column, in the order they appear.

A page appears here only when it works end to end (no unfinished pages in the menu).
Pages are imported when first shown, not at start (each pulls in its services and
reports); what the navigation needs before that is written here and checked against
the classes by tests/gui/test_app.py.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    module: str
    name: str
    handles: frozenset[str] = frozenset()  # kinds of finding refs the page opens

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.name)


_P = "dangjian_desktop.gui.pages."

PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "首页", _P + "home_page", "HomePage"),
    PageSpec("members", "党员", _P + "members_page", "MembersPage", frozenset({"member"})),
    PageSpec("transfers", "组织关系", _P + "transfers_page", "TransfersPage", frozenset({"transfer"})),
    PageSpec("birthdays", "政治生日", _P + "birthdays_page", "BirthdaysPage", frozenset({"birthday"})),
    PageSpec("meetings", "三会一课", _P + "meetings_page", "MeetingsPage", frozenset({"meeting", "missing_meeting"})),
    PageSpec("reviews", "谈话评议", _P + "reviews_page", "ReviewsPage", frozenset({"heart_talk", "appraisal"})),
    PageSpec("rectification", "整改", _P + "rectification_page", "RectificationPage", frozenset({"rectification"})),
    PageSpec("development", "发展党员", _P + "development_page", "DevelopmentPage", frozenset({"applicant"})),
    PageSpec("dues", "党费", _P + "dues_page", "DuesPage", frozenset({"dues"})),
    PageSpec("study", "学时", _P + "study_page", "StudyPage", frozenset({"study"})),
    PageSpec("points", "积分", _P + "points_page", "PointsPage"),
    PageSpec("reports", "报表", _P + "reports_page", "ReportsPage"),
    PageSpec("settings", "设置", _P + "settings_page", "SettingsPage", frozenset({"branch"})),
)


def page_specs() -> list[PageSpec]:
    return list(PAGES)


def page_classes() -> list[type]:
    """The page classes themselves (imports every page)."""
    return [spec.load() for spec in PAGES]
