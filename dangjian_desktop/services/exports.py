"""Every document the program makes, by kind: one registry for the CLI `export` and the 报表 page."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ValidationError

Progress = Callable[[int, int, str], None]


@dataclass
class ExportRequest:
    branch_id: int
    out: Path
    year: int | None = None
    record_id: int | None = None  # --id: one meeting, one applicant ...
    mask: bool = False  # hide the middle of ID and phone numbers
    member_ids: list[int] | None = None  # e.g. birthday cards for chosen people
    as_of: date | None = None  # --as-of: the state on that day (a roster "截至" a day)
    texts: dict[str, str] = field(default_factory=dict)  # paragraphs the secretary wrote (annual report)
    notes: list[str] = field(default_factory=list)  # what the writer wants the user told (who was left blank…)
    progress: Progress | None = None


@dataclass(frozen=True)
class ExportKind:
    key: str  # as on the command line: roster, minutes, ...
    label: str  # 中文名称, e.g. 党员花名册
    suffix: str  # .xlsx or .docx
    write: Callable[[Database, ExportRequest], Path]
    needs_year: bool = False
    needs_id: bool = False
    id_label: str = ""  # what --id names, e.g. 会议编号
    order: int = 100
    # for kinds that need --id: the records to choose from, as (id, label), for a branch and year
    choices: Callable[[Database, int, int | None], list[tuple[int, str]]] | None = None
    extra: dict = field(default_factory=dict)


_REGISTRY: dict[str, ExportKind] = {}

# Modules that register export kinds when imported; each area adds its own line.
_PROVIDERS: tuple[str, ...] = (
    "dangjian_desktop.services.annual_report",
    "dangjian_desktop.services.year_package",
    "dangjian_desktop.services.development_exports",
    "dangjian_desktop.services.member_exports",
    "dangjian_desktop.services.meeting_exports",
    "dangjian_desktop.services.dues",
    "dangjian_desktop.services.study",
    "dangjian_desktop.services.points",
    "dangjian_desktop.services.transfer_exports",
    "dangjian_desktop.services.appraisals",
    "dangjian_desktop.services.birthday_messages",
    "dangjian_desktop.services.rectification",
)


def register(kind: ExportKind) -> ExportKind:
    _REGISTRY[kind.key] = kind
    return kind


def kinds() -> list[ExportKind]:
    """Every export kind that works, in the order the 报表 page lists them."""
    for module in _PROVIDERS:
        importlib.import_module(module)
    return sorted(_REGISTRY.values(), key=lambda k: (k.order, k.key))


def get(key: str) -> ExportKind:
    for kind in kinds():
        if kind.key == key:
            return kind
    raise ValidationError(f"没有“{key}”这种导出。可用的有：{'、'.join(k.key for k in kinds())}。")


def run_export(db: Database, key: str, request: ExportRequest, *, progress: Progress | None = None) -> Path:
    """Write one document; refuses a request that lacks what the kind needs. `progress` (from the
    GUI's worker lane) is called between parts of the work and may raise Cancelled there: the file
    is written atomically, so a cancelled export leaves none."""
    if progress is not None:
        request.progress = progress
        progress(0, 1, "")  # a first safe point: 取消 before the writing started
    kind = get(key)
    if kind.needs_year and request.year is None:
        raise ValidationError(f"导出{kind.label}需要指定年份（--year）。")
    if kind.needs_id and request.record_id is None:
        raise ValidationError(f"导出{kind.label}需要指定{kind.id_label or '编号'}（--id）。")
    if request.as_of is not None and not kind.extra.get("as_of"):
        raise ValidationError(f"{kind.label}不按 --as-of 指定日期导出；按年份导出的文件反映该年12月31日的情况。")
    if request.out.suffix.lower() != kind.suffix:
        raise ValidationError(f"{kind.label}是 {kind.suffix} 文件，输出文件名应以 {kind.suffix} 结尾。")
    return kind.write(db, request)
