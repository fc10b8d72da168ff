"""组织关系转接 and 流动党员: transfers with their 介绍信 and 回执, floating members, 社区报到.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 12:00:00

`transfers` holds each 转出 (destination, reason, 介绍信 number, 有效期, 党费交到, the day the 回执
came back) and each 转入 (from where, the 介绍信's number). `members.arrived_on` is the day a 转入
came onto this branch's roll: a roll "as of" an earlier day leaves them out. `floating_records` are
the 流动党员 details (where, since, contact, whether they attend with another 党组织), and
`community_reports` the 在职党员到社区报到 a 社区 branch keeps. Only additions: nothing existing changes.
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column]:
    return [sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
            sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False)]


def upgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('arrived_on', sa.Date(), nullable=True))
    op.create_table(
        'transfers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('direction', sa.String(length=32), nullable=False),
        sa.Column('moved_on', sa.Date(), nullable=False),
        sa.Column('other_org', sa.String(length=200), nullable=False),
        sa.Column('reason', sa.Text(), server_default='', nullable=False),
        sa.Column('letter_no', sa.String(length=50), server_default='', nullable=False),
        sa.Column('valid_days', sa.Integer(), nullable=True),
        sa.Column('dues_paid_to', sa.Date(), nullable=True),
        sa.Column('receipt_on', sa.Date(), nullable=True),
        sa.Column('notes', sa.Text(), server_default='', nullable=False),
        *_stamps(),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_transfers_branch_id_branches'),
                                ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_transfers_member_id_members'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_transfers')),
    )
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.create_index('ix_transfers_branch_direction', ['branch_id', 'direction', 'moved_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfers_member_id'), ['member_id'], unique=False)
    op.create_table(
        'floating_records',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('since', sa.Date(), nullable=False),
        sa.Column('until', sa.Date(), nullable=True),
        sa.Column('place', sa.String(length=200), nullable=False),
        sa.Column('contact', sa.String(length=100), server_default='', nullable=False),
        sa.Column('attends_elsewhere', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('host_org', sa.String(length=200), server_default='', nullable=False),
        sa.Column('certificate_no', sa.String(length=50), server_default='', nullable=False),
        sa.Column('notes', sa.Text(), server_default='', nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_floating_records_member_id_members'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_floating_records')),
    )
    with op.batch_alter_table('floating_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_floating_records_member_id'), ['member_id'], unique=False)
    op.create_table(
        'community_reports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('person_name', sa.String(length=50), nullable=False),
        sa.Column('work_unit', sa.String(length=200), nullable=False),
        sa.Column('reported_on', sa.Date(), nullable=False),
        sa.Column('service', sa.Text(), server_default='', nullable=False),
        sa.Column('phone', sa.String(length=30), server_default='', nullable=False),
        sa.Column('notes', sa.Text(), server_default='', nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_community_reports_branch_id_branches'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_community_reports')),
    )
    with op.batch_alter_table('community_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_reports_branch_id'), ['branch_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('community_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_community_reports_branch_id'))
    op.drop_table('community_reports')
    with op.batch_alter_table('floating_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_floating_records_member_id'))
    op.drop_table('floating_records')
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfers_member_id'))
        batch_op.drop_index('ix_transfers_branch_direction')
    op.drop_table('transfers')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('arrived_on')
