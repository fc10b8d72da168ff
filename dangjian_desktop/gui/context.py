"""The one context object passed to every window and page (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dangjian_desktop.gui.ask import Asker
from dangjian_desktop.gui.undo import UndoStack
from dangjian_desktop.gui.worker import Lane, Runner, Task
from dangjian_desktop.userconfig import UserConfig

if TYPE_CHECKING:  # the GUI starts before the data layer is imported
    from dangjian_desktop.db.engine import Database


@dataclass
class AppContext:
    db: Database
    config: UserConfig
    asker: Asker = field(default_factory=Asker)
    lane: Lane = field(default_factory=Lane)
    undo: UndoStack = field(default_factory=UndoStack)  # deletions that 撤销 can still bring back
    branch_id: int | None = None  # the branch every page shows
    branch_names: dict[int, str] = field(default_factory=dict)  # every branch's name, kept by the main window
    # what was read for a page before it was built (首页's data at start): taken once by the page
    prefetched: dict[tuple, Any] = field(default_factory=dict)
    runner: Runner = field(init=False)

    def __post_init__(self) -> None:
        self.runner = Runner(self.lane, self.asker)

    def run(self, fn, *args: Any, **kwargs: Any) -> Task:
        """Run a service call off the GUI thread, with progress, 取消 and the error presenter
        (the one way from the GUI to the data: see gui/worker.py)."""
        return self.runner.run(fn, *args, **kwargs)

    def delete(self, table: str, record_id: int, what: str, fn, *args: Any, parent=None, busy=(),
               on_done=None, **fn_kwargs: Any) -> Task:
        """Run a service's delete `fn(db, record_id, *args, **fn_kwargs)` through `run`, keeping what it
        removes so that 撤销 can bring it back; `what` names the record (张三的记录)."""
        from dangjian_desktop.services import undo

        def deleted(d) -> None:
            self.undo.push(d)
            if on_done is not None:
                on_done(d)

        return self.run(undo.delete, self.db, table, record_id, what, fn, *args, what=f"删除{what}", parent=parent,
                        effect="write", busy=busy, on_done=deleted, **fn_kwargs)

    @property
    def branch_name(self) -> str:
        """The name of the branch shown ("" before the branches are read)."""
        return self.branch_names.get(self.branch_id, "") if self.branch_id is not None else ""
