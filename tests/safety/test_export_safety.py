"""Every Excel export keeps text that looks like a formula as text; masked exports hide ID and phone numbers."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from openpyxl import load_workbook
from sqlalchemy import select

from dangjian_desktop.db import models as m
from dangjian_desktop.services.exports import ExportRequest, kinds, run_export
from tests.conftest import TODAY

HOSTILE = {"name": "=1+1", "work_unit": "+8613800000000", "address": "@SUM(A1:A9)", "native_place": "-2+3",
           "notes": '=HYPERLINK("http://example.com","点这里")'}


def _branch(db):
    with db.session() as s:
        return s.scalar(select(m.Branch.id))


def _plant_hostile_text(db) -> None:
    with db.transaction() as s:
        member = s.scalars(select(m.Member).where(m.Member.status == "full").order_by(m.Member.id)).first()
        for key, value in HOSTILE.items():
            setattr(member, key, value)


def _cells(path):
    wb = load_workbook(path)  # not data_only: a formula would show as one
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                yield ws.title, cell


def _all_text(path) -> str:
    """Everything a document shows, read from its XML (docx, xlsx, or the files inside a zip), or the
    text itself (csv)."""
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8-sig")
    data = path.read_bytes()

    def text_of(blob: bytes) -> str:
        with zipfile.ZipFile(BytesIO(blob)) as zf:
            out = []
            for name in zf.namelist():
                inner = zf.read(name)
                if name.endswith((".docx", ".xlsx")):
                    out.append(text_of(inner))
                elif name.endswith(".xml"):
                    out.append(re.sub(r"<[^>]+>", "", inner.decode("utf-8", "replace")))
            return "\n".join(out)

    return text_of(data)


def _exportable(db, branch_id):
    for kind in kinds():
        if kind.needs_id:
            choices = kind.choices(db, branch_id, 2026) if kind.choices else []
            if not choices:
                continue
            yield kind, choices[0][0]
        else:
            yield kind, None


def test_no_excel_export_writes_a_formula_even_from_hostile_text(demo_db, workdir):
    _plant_hostile_text(demo_db)
    branch_id = _branch(demo_db)
    checked = []
    for kind, record_id in _exportable(demo_db, branch_id):
        if kind.suffix != ".xlsx":
            continue
        path = run_export(demo_db, kind.key, ExportRequest(branch_id, workdir / f"{kind.key}.xlsx", 2026, record_id))
        formulas = [(sheet, c.coordinate, c.value) for sheet, c in _cells(path) if c.data_type == "f"]
        assert formulas == [], kind.key
        checked.append(kind.key)
    assert "roster" in checked
    roster_text = {c.value for _, c in _cells(workdir / "roster.xlsx")}
    assert "=1+1" in roster_text and "+8613800000000" in roster_text  # kept, as text


def test_masked_exports_show_no_whole_id_or_phone_number(demo_db, workdir):
    branch_id = _branch(demo_db)
    with demo_db.session() as s:
        secrets = [v for row in s.execute(select(m.Member.id_number, m.Member.phone)) for v in row if v]
        secrets += [v for row in s.execute(select(m.Applicant.id_number, m.Applicant.phone)) for v in row if v]
    assert len(secrets) > 30
    leaked = {}
    for kind, record_id in _exportable(demo_db, branch_id):
        out = workdir / f"{kind.key}{kind.suffix}"
        path = run_export(demo_db, kind.key, ExportRequest(branch_id, out, TODAY.year, record_id, mask=True))
        text = _all_text(path)
        found = [s for s in secrets if s in text]
        if found:
            leaked[kind.key] = found[:3]
    assert leaked == {}
