"""Every migration is tried on real data: a demo database made with the FIRST schema (0001)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from dangjian_desktop.db.engine import head_revision, integrity_problem, open_database

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema-0001-demo.db"


def _dump(path: Path, tables: list[str] | None = None) -> dict[str, dict[int, dict]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        present = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        tables = present if tables is None else [t for t in tables if t in present]
        return {t: {r["rowid"]: dict(r) for r in con.execute(f'SELECT rowid AS rowid, * FROM "{t}"')}
                for t in tables}
    finally:
        con.close()


def test_the_fixture_really_is_schema_0001_with_data_in_every_table():
    con = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()
    empty = [t for t, rows in _dump(FIXTURE).items() if not rows]
    assert empty == []


def test_migrating_the_first_schema_to_head_keeps_every_row_intact(workdir):
    path = workdir / "旧版本.db"
    shutil.copyfile(FIXTURE, path)
    before = _dump(path)
    db = open_database(path)  # upgrades to head, backing up first
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
        if head_revision() != "0001":
            assert list(db.backups_dir.glob("*升级前-0001-*.db"))
        from dangjian_desktop.services.check import run_check
        from tests.conftest import TODAY

        assert run_check(db, None, TODAY)  # the services work on the upgraded data
        from dangjian_desktop.services.branches import committee_info
        from dangjian_desktop.services.meetings import list_meetings

        # migration 0004: every old record served one type and has its attendance as it had it
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM meeting_also_types").scalar() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM meetings WHERE NOT attendance_known").scalar() == 0
            branch_id = conn.exec_driver_sql("SELECT min(id) FROM branches").scalar()
        rows = list_meetings(db, branch_id)
        assert rows and all(r.types == [r.type] and r.present is not None for r in rows)
        assert committee_info(db, branch_id).mode.value == "auto"
    finally:
        db.close()
    assert integrity_problem(path, full=True) is None
    after = _dump(path, list(before))
    for table, rows in before.items():
        assert table in after, f"table {table} disappeared in a migration"
        assert len(after[table]) == len(rows), table
        for rowid, row in rows.items():
            new = after[table].get(rowid)
            assert new is not None, (table, rowid)
            changed = {k: (v, new.get(k)) for k, v in row.items() if new.get(k) != v}
            assert changed == {}, f"{table} row {rowid} changed in migration: {changed}"
