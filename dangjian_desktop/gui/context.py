"""The one context object passed to every window and page (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dangjian_desktop.gui.ask import Asker
from dangjian_desktop.gui.worker import Lane
from dangjian_desktop.userconfig import UserConfig

if TYPE_CHECKING:  # the GUI starts before the data layer is imported
    from dangjian_desktop.db.engine import Database


@dataclass
class AppContext:
    db: Database
    config: UserConfig
    asker: Asker = field(default_factory=Asker)
    lane: Lane = field(default_factory=Lane)
    branch_id: int | None = None  # the branch every page shows
