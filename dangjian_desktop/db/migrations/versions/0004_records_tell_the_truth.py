"""Combined meetings, unknown attendance and branches without a 支部委员会.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 07:00:00

- `meeting_also_types`: the other types a gathering served besides its primary `meetings.type`
  (主题党日暨支部党员大会); existing records served one type and get no row.
- `meetings.attendance_known`: False when a record says "attendance not recorded"; every existing
  record keeps what it had (known).
- `branches.committee_mode`: auto (fewer than 7 正式党员: no 支委会), yes or no; existing branches
  start at auto.
Only new tables and added columns: on SQLite no table is rebuilt, so the meetings' full-text
triggers (0002) and every row stay as they are.
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'meeting_also_types',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('meeting_id', sa.Integer(), nullable=False),
        sa.Column('type', sa.String(length=32), nullable=False),
        sa.Column('position', sa.Integer(), server_default='1', nullable=False),
        sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ondelete='CASCADE',
                                name=op.f('fk_meeting_also_types_meeting_id_meetings')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_also_types')),
        sa.UniqueConstraint('meeting_id', 'type', name=op.f('uq_meeting_also_types_meeting_id_type')),
    )
    op.create_index('ix_meeting_also_types_type', 'meeting_also_types', ['type', 'meeting_id'])
    op.add_column('meetings', sa.Column('attendance_known', sa.Boolean(), server_default=sa.true(),
                                        nullable=False))
    op.add_column('branches', sa.Column('committee_mode', sa.String(length=32), server_default='auto',
                                        nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('branches') as batch:
        batch.drop_column('committee_mode')
    with op.batch_alter_table('meetings') as batch:
        batch.drop_column('attendance_known')
    op.drop_index('ix_meeting_also_types_type', table_name='meeting_also_types')
    op.drop_table('meeting_also_types')
