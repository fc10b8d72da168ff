"""学时: each member's study sessions (集中学习, 党课, 专题培训, 网上学习) and their hours.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 12:00:00

Only a new table: 党课 and 主题党日 attended are counted from the 三会一课 attendance already kept,
never copied here.
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'study_records',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('studied_on', sa.Date(), nullable=False),
        sa.Column('hours', sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column('topic', sa.String(length=200), server_default='', nullable=False),
        sa.Column('source', sa.String(length=200), server_default='', nullable=False),
        sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_study_records_member_id_members'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_study_records')),
    )
    with op.batch_alter_table('study_records', schema=None) as batch_op:
        batch_op.create_index('ix_study_records_member_date', ['member_id', 'studied_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('study_records', schema=None) as batch_op:
        batch_op.drop_index('ix_study_records_member_date')
    op.drop_table('study_records')
