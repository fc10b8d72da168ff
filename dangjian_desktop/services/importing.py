"""One way to import a 台账: read → plan (read-only) → preview → apply the plan in one transaction.

The roster, the meetings ledger and the development ledger plug into `run_import` with a reader
(the file, read once), a planner (a read-only look at the database, no write lock) and an
applier (the writes). One result type, `ImportReport`, tells the dialog and the command line the
same things: every column of the file and what became of it, every row and what it will do,
what was refused and what is only worth knowing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar

from sqlalchemy.orm import Session

from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import InputErrors

if TYPE_CHECKING:  # the reader (and what it reads with) only when a file is read: `members list` needs none of it
    from dangjian_desktop.io.table_reader import ColumnUse

Work = TypeVar("Work")
Progress = Callable[[int, int, str], None]


@dataclass
class PlannedRow:
    """One row of the file and what importing it does."""

    row: int  # the row number as Excel shows it
    label: str  # the person's name, or the meeting as people name it
    action: str  # new | update | same
    changes: list[str] = field(default_factory=list)  # labels of the fields that change
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:  # the roster's rows were named by the person
        return self.label


@dataclass
class ImportReport:
    """What an import read, would do (a plan) or did: one type for every 台账."""

    kind: str  # 花名册 | 三会一课台账 | 发展党员台账
    unit: str  # 人 | 次会议
    file: str
    sheet: str
    columns: list[ColumnUse] = field(default_factory=list)
    rows: list[PlannedRow] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # one line per problem: where, then what
    notices: list[str] = field(default_factory=list)  # not refusals: what the person should know
    new_groups: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ignored_columns(self) -> list[str]:
        return [c.header or f"{c.letter}列" for c in self.columns if not c.imported]

    @property
    def counts(self) -> dict[str, int]:
        return {a: sum(1 for r in self.rows if r.action == a) for a in ("new", "update", "same")}

    @property
    def created(self) -> int:
        return self.counts["new"]

    @property
    def updated(self) -> int:
        return self.counts["update"]

    @property
    def warnings(self) -> list[str]:
        return self.notices

    def column_lines(self) -> list[str]:
        """Every column of the file: the field it was read as, or why it was not imported."""
        return [c.line() for c in self.columns]

    def problem_lines(self) -> list[str]:
        """The refusals, then the columns that are not imported (never dropped without a word)."""
        skipped = [f"文件 {self.file}，工作表“{self.sheet}”，{c.line()}" for c in self.columns if not c.imported]
        return list(self.refused) + skipped

    def summary(self, planned: bool = False) -> str:
        """One sentence: what was imported, or (planned) what importing would do."""
        c = self.counts
        lead = "导入后将" if planned else ""
        u = self.unit
        text = (f"{self.file}（工作表“{self.sheet}”）：{lead}新增 {c['new']} {u}，更新 {c['update']} {u}，"
                f"无变化 {c['same']} {u}")
        if self.new_groups:
            text += f"，{'并' if planned else ''}新建党小组 {'、'.join(self.new_groups)}"
        skipped = [c for c in self.columns if not c.imported]
        if skipped:
            text += f"；{len(skipped)} 列未导入（{'、'.join(c.header or c.letter + '列' for c in skipped)}）"
        if self.refused:
            text += f"；但有 {len(self.refused)} 处问题，改正之前不会导入任何一行"
        return text + "。"

    def refusal(self) -> InputErrors:
        """The problem list: what was refused, then the columns that would not have been imported."""
        return InputErrors(self.problem_lines(), summary=f"{self.file}：发现 {len(self.refused)} 处问题，未导入任何数据。"
                                                 "请修改文件后重新导入。")


@dataclass
class Importer(Generic[Work]):
    """A 台账's part in the pipeline: plan over a session without writing; apply the plan's work."""

    backup_label: str  # the name of the backup made just before writing (“导入花名册前”)
    plan: Callable[[Session, Progress | None], tuple[ImportReport, Work]]
    apply: Callable[[Session, Work, ImportReport, Progress | None], None]


def preview(db: Database, importer: Importer[Any], progress: Progress | None = None) -> ImportReport:
    """The plan and its report, read-only: no write lock, nothing written, refusals included."""
    with db.session() as s:
        report, _ = importer.plan(s, progress)
    return report


def run_import(db: Database, importer: Importer[Any], *, dry_run: bool = False,
               progress: Progress | None = None) -> ImportReport:
    """Plan read-only; refuse (InputErrors, nothing written, no backup) or, for a dry run, return
    the plan; otherwise back up, then plan again under the write lock and apply in one transaction."""
    report = preview(db, importer, progress)
    if report.refused:
        raise report.refusal()
    if dry_run:
        return report
    from dangjian_desktop.services.backup import snapshot

    snapshot(db, importer.backup_label)
    with db.transaction() as s:
        report, work = importer.plan(s, progress)  # the database may have changed since the preview
        if report.refused:
            raise report.refusal()
        importer.apply(s, work, report, progress)
    report.applied = True
    return report
