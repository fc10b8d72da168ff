"""Attachment contents kept in the database when it is a shared server database.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 23:00:00

On a PostgreSQL server several secretaries use the same records from different PCs, so a
file attached on one PC must be readable on the others: its bytes are stored here, in chunks
of a few MiB keyed by the file's sha256 (two records with the same file share them). A local
SQLite database keeps attachments as files next to it and leaves this table empty.
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'attachment_chunks',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('sha256', 'seq', name=op.f('pk_attachment_chunks')),
    )


def downgrade() -> None:
    op.drop_table('attachment_chunks')
