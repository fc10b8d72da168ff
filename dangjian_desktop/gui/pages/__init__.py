"""The pages of the navigation column, in the order they appear.

A page appears here only when it works end to end (no unfinished pages in the menu).
"""

from __future__ import annotations


def page_classes() -> list[type]:
    from dangjian_desktop.gui.pages.birthdays_page import BirthdaysPage
    from dangjian_desktop.gui.pages.development_page import DevelopmentPage
    from dangjian_desktop.gui.pages.home_page import HomePage
    from dangjian_desktop.gui.pages.meetings_page import MeetingsPage
    from dangjian_desktop.gui.pages.members_page import MembersPage
    from dangjian_desktop.gui.pages.reports_page import ReportsPage
    from dangjian_desktop.gui.pages.settings_page import SettingsPage

    return [HomePage, MembersPage, BirthdaysPage, MeetingsPage, DevelopmentPage, ReportsPage, SettingsPage]
