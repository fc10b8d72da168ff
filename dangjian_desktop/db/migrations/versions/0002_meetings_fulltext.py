"""Full-text search over meeting records (SQLite FTS5, trigram tokenizer).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 20:30:00

The SQL is written out here (not imported) so that this migration never changes once
released. On PostgreSQL nothing is created: the meetings service searches with ILIKE there.
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

COLUMNS = "title, topics, minutes, resolutions, guests, lecturer, counterpart"
NEW = ", ".join(f"new.{c.strip()}" for c in COLUMNS.split(","))
OLD = ", ".join(f"old.{c.strip()}" for c in COLUMNS.split(","))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE VIRTUAL TABLE meetings_fts USING fts5({COLUMNS}, content='meetings', "
               "content_rowid='id', tokenize='trigram')")
    op.execute(f"CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN "
               f"INSERT INTO meetings_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END")
    op.execute(f"CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN "
               f"INSERT INTO meetings_fts(meetings_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END")
    op.execute(f"CREATE TRIGGER meetings_fts_update AFTER UPDATE ON meetings BEGIN "
               f"INSERT INTO meetings_fts(meetings_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
               f"INSERT INTO meetings_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END")
    op.execute("INSERT INTO meetings_fts(meetings_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS meetings_fts_{name}")
    op.execute("DROP TABLE IF EXISTS meetings_fts")
