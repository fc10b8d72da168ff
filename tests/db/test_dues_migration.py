"""Migration 0007 on real data: the 党费 rows of a schema-0001 database become 实缴 months, none lost."""

from __future__ import annotations

import shutil
import sqlite3

from sqlalchemy import func, select

from dangjian_desktop.core.glossary import DuesKind
from dangjian_desktop.db.engine import open_database
from dangjian_desktop.db.models import DuesBase, DuesPayment
from tests.db.test_old_schema_fixture import FIXTURE


def test_existing_dues_rows_become_paid_months_and_the_base_history_starts_empty(workdir):
    path = workdir / "旧版本.db"
    shutil.copyfile(FIXTURE, path)
    con = sqlite3.connect(path)
    before = con.execute("SELECT member_id, year, month, due, paid FROM dues_payments ORDER BY id").fetchall()
    con.close()
    assert before
    db = open_database(path)
    try:
        with db.session() as s:
            rows = s.execute(select(DuesPayment.member_id, DuesPayment.year, DuesPayment.month, DuesPayment.kind)
                             .order_by(DuesPayment.id)).all()
            assert s.scalar(select(func.count(DuesBase.id))) == 0
    finally:
        db.close()
    assert [r[:3] for r in rows] == [r[:3] for r in before]
    assert {r.kind for r in rows} == {DuesKind.PAID}
