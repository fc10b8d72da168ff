"""domain.md: the roster a secretary keeps is full; on the command line masking stays opt-in (--mask),
for the year package sent upward too (the window asks instead)."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import load_workbook

from dangjian_desktop.cli import main

FULL_ID = re.compile(r"^\d{17}[\dX]$")


def _ids(workbook) -> list[str]:
    ws = load_workbook(workbook).active
    header = next(r for r in ws.iter_rows(min_row=1, max_row=6) if any(c.value == "公民身份号码" for c in r))
    col = next(c.column for c in header if c.value == "公民身份号码")
    return [ws.cell(r, col).value for r in range(header[0].row + 1, ws.max_row + 1) if ws.cell(r, col).value]


def _package_ids(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith("党员花名册.xlsx"))
        return _ids(io.BytesIO(z.read(name)))


def test_exports_are_full_unless_mask_is_asked_for(demo_db, workdir, capsys):
    demo_db.close()
    db = str(demo_db.path)
    assert main(["--db", db, "export", "roster", "--out", str(workdir / "名册.xlsx")]) == 0
    assert main(["--db", db, "export", "roster", "--as-of", "2025-12-31", "--out", str(workdir / "年末.xlsx")]) == 0
    assert main(["--db", db, "export", "year-package", "--year", "2025", "--out", str(workdir / "全.zip")]) == 0
    assert main(["--db", db, "export", "year-package", "--year", "2025", "--mask",
                 "--out", str(workdir / "隐.zip")]) == 0
    capsys.readouterr()
    full, package_full, package_masked = _ids(workdir / "名册.xlsx"), _package_ids(workdir / "全.zip"), \
        _package_ids(workdir / "隐.zip")
    assert full and all(FULL_ID.match(n) for n in full)
    # the package's roster is that of 2025-12-31, as `export roster --as-of 2025-12-31` writes it
    assert package_full and package_full == _ids(workdir / "年末.xlsx") and all(FULL_ID.match(n) for n in package_full)
    assert len(package_masked) == len(package_full) and all("*" in n for n in package_masked)
