"""党费: how each month was settled (实缴, 补缴, 预交, 免缴) and each member's base over time.

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-02 07:00:00

`dues_payments` had 应缴/实缴 only; a month is now also marked by how it was settled, and a
免缴 carries its approval in `note`. `dues_bases` keeps the history of a member's basis (税后工资,
离退休费, 农民, 学生 …) and amount, so a past month keeps the 应缴 of its own base. Rows already
in `dues_payments` were payments: they become `paid`.
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dues_payments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=32), server_default='paid', nullable=False))
    op.create_table(
        'dues_bases',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('effective_from', sa.Date(), nullable=False),
        sa.Column('basis', sa.String(length=32), nullable=False),
        sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_dues_bases_member_id_members'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_dues_bases')),
        sa.UniqueConstraint('member_id', 'effective_from', name=op.f('uq_dues_bases_member_id_effective_from')),
    )
    with op.batch_alter_table('dues_bases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dues_bases_member_id'), ['member_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('dues_bases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dues_bases_member_id'))
    op.drop_table('dues_bases')
    with op.batch_alter_table('dues_payments', schema=None) as batch_op:
        batch_op.drop_column('kind')
