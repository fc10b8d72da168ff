"""The year package: every document of a year for one branch in one .zip, named as upper levels expect."""

from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path

from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.files import atomic_target
from dangjian_desktop.services import exports
from dangjian_desktop.services.branches import get_branch
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register

PACKAGE_KEY = "year-package"


def document_name(branch: str, year: int | None, kind: ExportKind) -> str:
    """“幸福社区第一党支部_2025年_三会一课台账.xlsx”: branch, year, document."""
    safe = re.sub(r'[\\/:*?"<>|]', "_", branch)
    middle = f"_{year}年" if year else ""
    return f"{safe}{middle}_{kind.label}{kind.suffix}"


def package_kinds() -> list[ExportKind]:
    """The documents of a year package: every kind that needs no single record, except working files that
    are not sent upward (the 政治生日短信 list)."""
    return [k for k in exports.kinds()
            if not k.needs_id and k.key != PACKAGE_KEY and k.extra.get("in_package", True)]


def write_year_package(db: Database, req: ExportRequest) -> Path:
    """Write each document into a temporary folder, then zip them; the .zip appears only when complete."""
    branch = get_branch(db, req.branch_id).name
    members = package_kinds()
    if not members:
        raise ValidationError("目前没有可以放入年度材料包的文件。")
    out = Path(req.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".年度材料-") as tmp:
        written = []
        for i, kind in enumerate(members):
            if req.progress:
                req.progress(i, len(members) + 1, f"正在生成{kind.label}…")
            target = Path(tmp) / document_name(branch, req.year, kind)
            sub = ExportRequest(req.branch_id, target, req.year, None, req.mask)
            written.append(kind.write(db, sub))
        if req.progress:
            req.progress(len(members), len(members) + 1, "正在打包…")
        with atomic_target(out, ".zip") as tmp_zip:
            with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED) as z:
                for path in written:
                    z.write(path, arcname=path.name)
    if req.progress:
        req.progress(len(members) + 1, len(members) + 1, "完成")
    return out


register(ExportKind(PACKAGE_KEY, "年度材料包", ".zip", write_year_package, needs_year=True, order=900))
