"""Migrations: they make exactly the models' schema, back up first, refuse what they cannot do."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from dangjian_desktop.db import engine as engine_mod
from dangjian_desktop.db.engine import head_revision, open_database
from dangjian_desktop.db.fulltext import include_object
from dangjian_desktop.db.models import AuditEntry, Base
from dangjian_desktop.errors import DatabaseError, DatabaseMissing, DatabaseTooNew


def test_migrations_produce_exactly_the_models_schema(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": include_object}), Base.metadata)
    assert diff == []


def test_sqlite_is_opened_with_wal_and_foreign_keys(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_missing_file_is_not_created_unless_asked(workdir):
    with pytest.raises(DatabaseMissing):
        open_database(workdir / "没有.db")
    assert not (workdir / "没有.db").exists()


def test_a_file_that_is_not_a_database_is_left_alone(workdir):
    bogus = workdir / "记录.db"
    bogus.write_bytes(b"this is a spreadsheet, not a database" * 10)
    before = bogus.read_bytes()
    with pytest.raises(DatabaseError, match="不是本程序的数据库"):
        open_database(bogus)
    assert bogus.read_bytes() == before


def test_a_database_from_a_newer_program_is_refused_untouched(workdir):
    path = workdir / "新版.db"
    open_database(path, create=True).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        open_database(path)
    assert path.read_bytes() == before


def _migrations_with_extra(tmp: Path, body: str) -> Path:
    scripts = tmp / "migrations"
    shutil.copytree(engine_mod.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9000_test.py").write_text(
        f'revision = "9000"\ndown_revision = "{head_revision()}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n\n\n"
        f"def upgrade():\n{body}\n\n\ndef downgrade():\n    pass\n",
        encoding="utf-8",
    )
    return scripts


def test_an_upgrade_backs_up_first_and_keeps_the_data(demo_db, tmp_path, monkeypatch):
    path, head = demo_db.path, head_revision()
    demo_db.close()
    scripts = _migrations_with_extra(tmp_path, '    op.create_table("notes", sa.Column("id", sa.Integer, primary_key=True))')
    monkeypatch.setattr(engine_mod, "MIGRATIONS", scripts)
    upgraded = open_database(path)
    with upgraded.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "9000"
        assert conn.exec_driver_sql("SELECT count(*) FROM members").scalar() > 30
    backups = list((upgraded.files_dir / "backups").glob("*.db"))
    upgraded.close()
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    con.close()


def test_a_failed_upgrade_leaves_the_original_untouched(demo_db, tmp_path, monkeypatch):
    path, head = demo_db.path, head_revision()
    with demo_db.engine.connect() as conn:
        members_before = conn.exec_driver_sql("SELECT count(*) FROM members").scalar()
    demo_db.close()
    body = ('    op.create_table("notes", sa.Column("id", sa.Integer, primary_key=True))\n'
            '    op.execute("DELETE FROM development_reviews")\n'
            '    raise RuntimeError("simulated failure half way")')
    monkeypatch.setattr(engine_mod, "MIGRATIONS", _migrations_with_extra(tmp_path, body))
    with pytest.raises(DatabaseError, match="原文件未做任何改动"):
        open_database(path)
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "notes" not in tables
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    assert con.execute("SELECT count(*) FROM members").fetchone()[0] == members_before
    assert con.execute("SELECT count(*) FROM development_reviews").fetchone()[0] > 0
    con.close()


def test_the_audit_log_cannot_be_changed(db):
    with db.transaction() as s:
        s.add(AuditEntry(table_name="meetings", record_id=1, action="amend", reason="错别字"))
    with pytest.raises(Exception, match="append-only"):
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE audit_log SET reason = 'x'"))
    with pytest.raises(Exception, match="append-only"):
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log"))
