"""党员积分: the branch's points scheme and the points entered by hand.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 12:00:00

`points_items` is a branch's scheme: each item's points per occurrence (negative for a deduction), its
yearly cap per member, and whether it is counted from the records (`source`, e.g. attendance) or entered
by hand. `points_entries` are the points entered by hand, each with its day and reason. A branch without
items uses the default scheme until it edits its own.
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'points_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=50), nullable=False),
        sa.Column('source', sa.String(length=32), server_default='', nullable=False),
        sa.Column('points', sa.Numeric(precision=7, scale=1), nullable=False),
        sa.Column('yearly_cap', sa.Numeric(precision=7, scale=1), nullable=True),
        sa.Column('sort_order', sa.Integer(), server_default='0', nullable=False),
        sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_points_items_branch_id_branches'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_points_items')),
        sa.UniqueConstraint('branch_id', 'name', name=op.f('uq_points_items_branch_id_name')),
    )
    with op.batch_alter_table('points_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_points_items_branch_id'), ['branch_id'], unique=False)
    op.create_table(
        'points_entries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=True),
        sa.Column('awarded_on', sa.Date(), nullable=False),
        sa.Column('points', sa.Numeric(precision=7, scale=1), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_points_entries_member_id_members'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['item_id'], ['points_items.id'], name=op.f('fk_points_entries_item_id_points_items'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_points_entries')),
    )
    with op.batch_alter_table('points_entries', schema=None) as batch_op:
        batch_op.create_index('ix_points_entries_member_on', ['member_id', 'awarded_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_points_entries_item_id'), ['item_id'], unique=False)


def downgrade() -> None:
    op.drop_table('points_entries')
    op.drop_table('points_items')
