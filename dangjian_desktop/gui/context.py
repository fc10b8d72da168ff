"""The one context object passed to every window and page (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dangjian_desktop.db.engine import Database
from dangjian_desktop.gui.ask import Asker
from dangjian_desktop.gui.worker import Lane
from dangjian_desktop.userconfig import UserConfig


@dataclass
class AppContext:
    db: Database
    config: UserConfig
    asker: Asker = field(default_factory=Asker)
    lane: Lane = field(default_factory=Lane)
    branch_id: int | None = None  # the branch every page shows
